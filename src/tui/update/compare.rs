//! The compare screen: scrolling, jumps between highlights, toggles, clicks and moved sentences.

use ratatui::layout::Rect;

use crate::compare::{RowKind, Side};

use super::library::start_compare;
use super::popup::{explain_popup, summary_popup};
use super::search::{
    Step, jump_back, match_step_msg, record_jump, run_search, step_match, wrapped_note,
};
use super::{Effect, area};
use crate::tui::action::{Action, Msg};
use crate::tui::keymap::Keymap;
use crate::tui::layout::{CompareLayout, GUTTER};
use crate::tui::model::TargetKind;
use crate::tui::state::{CompareState, State, Wrapped};

pub(super) fn compare_layout(c: &CompareState, area: Rect) -> CompareLayout {
    CompareLayout::new(area, c.search.input.editing)
}

pub(super) fn rewrap(c: &mut CompareState, area: Rect) {
    let w = compare_layout(c, area).text_width();
    if c.wrapped.width != w || c.wrapped.lines.len() != c.model.rows.len() {
        c.wrapped = Wrapped::new(&c.model, w);
    }
}

pub(super) fn viewport(c: &CompareState, area: Rect) -> usize {
    (compare_layout(c, area).pane_a.height as usize).max(1)
}

pub(super) fn height_at(c: &CompareState, pos: usize) -> usize {
    c.visible.get(pos).map_or(1, |&r| c.wrapped.height(r))
}

/// Keep the cursor row on screen, moving `top` as little as possible.
pub(super) fn ensure_visible(c: &mut CompareState, area: Rect) {
    let vh = viewport(c, area);
    c.cursor = c.cursor.min(c.visible.len().saturating_sub(1));
    c.top = c.top.min(c.cursor);
    let mut lines = 0;
    for pos in c.top..=c.cursor {
        lines += height_at(c, pos);
        if lines > vh {
            break;
        }
    }
    if lines > vh {
        let mut top = c.cursor;
        let mut used = height_at(c, top);
        while top > 0 && used + height_at(c, top - 1) <= vh {
            top -= 1;
            used += height_at(c, top);
        }
        c.top = top;
    }
}

/// Rows from `from` (a visible position) that fill one screen, at least one.
pub(super) fn page_rows(c: &CompareState, from: usize, vh: usize, forward: bool) -> usize {
    let mut lines = 0;
    let mut n = 0;
    let mut pos = from;
    loop {
        let h = height_at(c, pos);
        if n > 0 && lines + h > vh {
            break;
        }
        lines += h;
        n += 1;
        if forward {
            if pos + 1 >= c.visible.len() {
                break;
            }
            pos += 1;
        } else {
            if pos == 0 {
                break;
            }
            pos -= 1;
        }
    }
    n.max(1)
}

/// Flip one highlight class on or off and say so.
pub(super) fn flip(
    c: &mut CompareState,
    field: fn(&mut crate::tui::state::Toggles) -> &mut bool,
    class: &str,
    status: &mut crate::tui::state::Status,
) {
    let flag = field(&mut c.toggles);
    *flag = !*flag;
    let on = *flag;
    toggle(c, class, on, status);
}

pub(super) fn toggle(
    c: &mut CompareState,
    class: &str,
    on: bool,
    status: &mut crate::tui::state::Status,
) {
    status.info(format!("{class} {}", if on { "shown" } else { "hidden" }));
    if let Some(t) = &c.current
        && !c.shows(t)
    {
        c.current = None;
    }
}

pub(super) fn compare_update(state: &mut State, msg: Msg) -> Effect {
    let area = area(state);
    let Some(c) = state.compare.as_mut() else {
        return Effect::None;
    };
    if c.search.input.editing {
        match msg {
            Msg::Do(Action::Select) => {
                c.search.input.editing = false;
                let typed = c.search.input.text().to_string();
                if typed.is_empty() && c.search.query.is_empty() {
                    state.status.info("nothing to search for");
                } else {
                    if !typed.is_empty() {
                        c.search.query = typed;
                    }
                    c.search.input.clear();
                    let from = c.cursor_row();
                    run_search(c);
                    let n = c.search.hits.len();
                    let shown = crate::text::sanitize::sanitize_line(&c.search.query);
                    if n == 0 {
                        state.status.info(format!("no match for '{shown}'"));
                    } else {
                        let step = step_match(c, true, true);
                        let next = state.keymap.name_of(Action::NextMatch);
                        let prev = state.keymap.name_of(Action::PrevMatch);
                        state.status.info(format!(
                            "'{shown}': {n} match{} — {next} next, {prev} previous{}",
                            if n == 1 { "" } else { "es" },
                            step.map_or("", |s| wrapped_note(s, true))
                        ));
                        if let Some(from) = from
                            && c.cursor_row() != Some(from)
                        {
                            record_jump(c, from);
                        }
                    }
                }
            }
            // Cancels the typing; the last search stays for n/N.
            Msg::Do(Action::Back) => {
                c.search.input.editing = false;
                c.search.input.clear();
            }
            other => {
                c.search.input.edit(&other);
            }
        }
        rewrap(c, area);
        if !fully_visible(c, area) {
            reveal(c, area);
        }
        ensure_visible(c, area);
        return Effect::None;
    }
    let vh = viewport(c, area);
    let explain_key = state.keymap.name_of(Action::Select);
    let mut moved_cursor = false;
    let from = c.cursor_row();
    match msg {
        // The first Esc clears the search's highlights (n finds them again), the next leaves.
        Msg::Do(Action::Back) if !c.search.hits.is_empty() => {
            c.search.hits.clear();
            c.search.current = None;
            let shown = crate::text::sanitize::sanitize_line(&c.search.query);
            state.status.info(format!(
                "search cleared — {} finds '{shown}' again, {} goes back",
                state.keymap.name_of(Action::NextMatch),
                state.keymap.name_of(Action::Back)
            ));
        }
        Msg::Do(Action::Back) => {
            state.compare = None;
            state.status.message = None;
            // Back to the story it was opened from, if any, else to the library.
            super::clamp_all(state);
            return Effect::None;
        }
        Msg::Do(Action::MoveDown) => {
            c.cursor += 1;
            moved_cursor = true;
        }
        Msg::Do(Action::MoveUp) => {
            c.cursor = c.cursor.saturating_sub(1);
            moved_cursor = true;
        }
        Msg::Do(Action::PageDown) => {
            c.cursor += page_rows(c, c.cursor, vh, true);
            moved_cursor = true;
        }
        Msg::Do(Action::PageUp) => {
            c.cursor = c.cursor.saturating_sub(page_rows(c, c.cursor, vh, false));
            moved_cursor = true;
        }
        Msg::Do(Action::Top) => {
            c.cursor = 0;
            moved_cursor = true;
        }
        Msg::Do(Action::Bottom) => {
            c.cursor = c.visible.len().saturating_sub(1);
            moved_cursor = true;
        }
        Msg::Scroll(n) => {
            let max_top = c.visible.len().saturating_sub(1);
            c.top = c.top.saturating_add_signed(n as isize).min(max_top);
            // Keep the cursor inside the scrolled view.
            let shown = page_rows(c, c.top, vh, true);
            c.cursor = c.cursor.clamp(c.top, c.top + shown - 1);
            c.current = None;
            return Effect::None;
        }
        Msg::Do(Action::FocusOther) => {
            c.focus = c.focus.other();
            state.status.info(format!(
                "focus on {}",
                if c.focus == Side::A { "A" } else { "B" }
            ));
        }
        Msg::Do(Action::NextQuote) => {
            jump(c, TargetKind::Quote, true, &mut state.status, &explain_key)
        }
        Msg::Do(Action::PrevQuote) => {
            jump(c, TargetKind::Quote, false, &mut state.status, &explain_key)
        }
        Msg::Do(Action::NextFraming) => jump(
            c,
            TargetKind::Framing,
            true,
            &mut state.status,
            &explain_key,
        ),
        Msg::Do(Action::PrevFraming) => jump(
            c,
            TargetKind::Framing,
            false,
            &mut state.status,
            &explain_key,
        ),
        Msg::Do(Action::NextLoaded) => {
            jump(c, TargetKind::Loaded, true, &mut state.status, &explain_key)
        }
        Msg::Do(Action::PrevLoaded) => jump(
            c,
            TargetKind::Loaded,
            false,
            &mut state.status,
            &explain_key,
        ),
        Msg::Do(Action::JumpMoved) => jump_moved(c, &mut state.status, &state.keymap),
        Msg::Do(Action::ToggleQuotes) => {
            flip(c, |t| &mut t.quotes, "shared quotes", &mut state.status)
        }
        Msg::Do(Action::ToggleFraming) => {
            flip(c, |t| &mut t.framing, "changed words", &mut state.status)
        }
        Msg::Do(Action::ToggleLoaded) => {
            flip(c, |t| &mut t.loaded, "loaded terms", &mut state.status)
        }
        Msg::Do(Action::ToggleScare) => {
            flip(c, |t| &mut t.scare, "scare quotes", &mut state.status)
        }
        Msg::Do(Action::ToggleDistinctive) => flip(
            c,
            |t| &mut t.distinctive,
            "distinctive terms",
            &mut state.status,
        ),
        Msg::Do(Action::ToggleBoilerplate) => {
            c.toggles.boilerplate = !c.toggles.boilerplate;
            c.refresh_visible();
            let on = c.toggles.boilerplate;
            toggle(c, "boilerplate", on, &mut state.status);
            if let Some(t) = &c.current
                && c.visible.binary_search(&t.row).is_err()
            {
                c.current = None;
            }
        }
        Msg::Do(Action::ToggleVoice) => {
            c.toggles.speech = c.toggles.speech.next();
            c.model = crate::tui::model::Model::build_with(&c.cmp, c.toggles.speech);
            c.wrapped = Default::default();
            c.current = None;
            c.refresh_visible();
            // A cleared search stays cleared.
            if !c.search.hits.is_empty() {
                super::search::run_search(c);
            }
            state
                .status
                .info(format!("quoted speech {}", c.toggles.speech.name()));
        }
        Msg::Do(Action::Summary) => state.popup = Some(summary_popup(c)),
        Msg::Do(Action::Swap) => {
            let (a, b) = c.pair;
            return start_compare(state, b, a);
        }
        Msg::Do(Action::Export) => return Effect::Export,
        Msg::Do(Action::Search) => c.search.input.open(),
        Msg::Do(Action::JumpBack) => jump_back(c, true, &mut state.status, &state.keymap),
        Msg::Do(Action::JumpForward) => jump_back(c, false, &mut state.status, &state.keymap),
        Msg::Do(Action::NextMatch) => match_step_msg(c, true, &mut state.status, &state.keymap),
        Msg::Do(Action::PrevMatch) => match_step_msg(c, false, &mut state.status, &state.keymap),
        Msg::Do(Action::Select) => {
            state.popup = Some(explain_popup(c, &state.keymap));
        }
        Msg::Click { column, row } => click(c, area, column, row),
        _ => {}
    }
    if moved_cursor {
        c.current = None;
    }
    rewrap(c, area);
    let jumped = matches!(
        msg,
        Msg::Do(Action::NextQuote)
            | Msg::Do(Action::PrevQuote)
            | Msg::Do(Action::NextFraming)
            | Msg::Do(Action::PrevFraming)
            | Msg::Do(Action::NextLoaded)
            | Msg::Do(Action::PrevLoaded)
            | Msg::Do(Action::JumpMoved)
            | Msg::Do(Action::NextMatch)
            | Msg::Do(Action::PrevMatch)
            | Msg::Do(Action::JumpBack)
            | Msg::Do(Action::JumpForward)
    );
    let remembered = jumped || matches!(msg, Msg::Do(Action::Top) | Msg::Do(Action::Bottom));
    if remembered
        && !matches!(
            msg,
            Msg::Do(Action::JumpBack) | Msg::Do(Action::JumpForward)
        )
        && let Some(from) = from
        && c.cursor_row() != Some(from)
    {
        record_jump(c, from);
    }
    if jumped && !fully_visible(c, area) {
        reveal(c, area);
    }
    ensure_visible(c, area);
    Effect::None
}

/// True when the cursor row lies entirely inside the viewport.
pub(super) fn fully_visible(c: &CompareState, area: Rect) -> bool {
    if c.cursor < c.top {
        return false;
    }
    let vh = viewport(c, area);
    let lines: usize = (c.top..=c.cursor)
        .map(|p| height_at(c, p))
        .take(vh + 1)
        .sum();
    lines <= vh
}

/// Scroll so the cursor row sits a third of the way down, with the rows before it as context.
pub(super) fn reveal(c: &mut CompareState, area: Rect) {
    let context = viewport(c, area) / 3;
    let mut top = c.cursor;
    let mut used = 0;
    while top > 0 && used + height_at(c, top - 1) <= context {
        top -= 1;
        used += height_at(c, top);
    }
    c.top = top;
}

pub(super) fn click(c: &mut CompareState, area: Rect, column: u16, row: u16) {
    let l = compare_layout(c, area);
    let side = if column < l.pane_a.right() + GUTTER / 2 {
        Side::A
    } else {
        Side::B
    };
    if row < l.pane_a.y || row >= l.pane_a.bottom() {
        return;
    }
    let mut y = l.pane_a.y as usize;
    for pos in c.top..c.visible.len() {
        let h = height_at(c, pos);
        if (row as usize) < y + h {
            c.cursor = pos;
            c.focus = side;
            c.current = None;
            return;
        }
        y += h;
        if y >= l.pane_a.bottom() as usize {
            return;
        }
    }
}

pub(super) fn jump(
    c: &mut CompareState,
    kind: TargetKind,
    forward: bool,
    status: &mut crate::tui::state::Status,
    explain_key: &str,
) {
    let targets = c.model.targets(kind);
    if targets.is_empty() {
        status.info(format!("no {} in this comparison", kind.plural()));
        return;
    }
    let row = c.cursor_row().unwrap_or(0);
    let key = match &c.current {
        Some(t) if t.row == row => (t.row, Some((t.side, t.range.start))),
        _ => (row, None),
    };
    let visible = |r: usize| c.visible.binary_search(&r).is_ok();
    let tkey = |t: &crate::tui::model::Target| (t.row, Some((t.side, t.range.start)));
    let mut shown = targets.iter().filter(|t| visible(t.row));
    let (found, note) = if forward {
        match shown.clone().find(|t| tkey(t) > key) {
            Some(t) => (Some(t.clone()), ""),
            None => (shown.next().cloned(), wrapped_note(Step::Wrapped, true)),
        }
    } else {
        match shown.clone().rev().find(|t| tkey(t) < key) {
            Some(t) => (Some(t.clone()), ""),
            None => (
                shown.next_back().cloned(),
                wrapped_note(Step::Wrapped, false),
            ),
        }
    };
    let Some(t) = found else {
        status.info(format!(
            "the {} are all hidden (boilerplate)",
            kind.plural()
        ));
        return;
    };
    let n = targets.iter().position(|x| *x == t).map_or(0, |i| i + 1);
    status.info(format!(
        "{} {n} of {} — {explain_key} explains{note}",
        kind.plural(),
        targets.len(),
    ));
    if let Ok(pos) = c.visible.binary_search(&t.row) {
        c.cursor = pos;
    }
    c.focus = t.side;
    c.current = Some(t);
}

pub(super) fn jump_moved(
    c: &mut CompareState,
    status: &mut crate::tui::state::Status,
    keymap: &Keymap,
) {
    let Some(ri) = c.cursor_row() else { return };
    let row = &c.model.rows[ri];
    if row.kind != RowKind::Moved {
        status.info("not a moved sentence (⇄ in the gutter marks them)");
        return;
    }
    let side = if row.sides.get(c.focus).sentences.is_empty() {
        c.focus.other()
    } else {
        c.focus
    };
    let Some(&s) = row.sides.get(side).sentences.first() else {
        return;
    };
    let counterpart = c.cmp.alignment.iter().find_map(|p| match side {
        Side::A if p.a == s => Some(p.b),
        Side::B if p.b == s => Some(p.a),
        _ => None,
    });
    let Some(other) = counterpart else {
        status.info("this sentence has no aligned counterpart");
        return;
    };
    let other_side = side.other();
    let other_name = if other_side == Side::A { "A" } else { "B" };
    let rows_other = c.model.row_of.get(other_side);
    let Some(&counterpart_row) = rows_other.get(other) else {
        return;
    };
    // A moved pair is shown once, at one side's position. Jump to where the counterpart sits
    // in the other article's own order: next to its neighbouring sentence there.
    let (target_row, msg) = if counterpart_row == ri {
        match (
            other.checked_sub(1).and_then(|p| rows_other.get(p)),
            rows_other.get(other + 1),
        ) {
            (Some(&r), _) => (
                r,
                format!("in {other_name} this sentence comes right after this row"),
            ),
            (None, Some(&r)) => (
                r,
                format!("in {other_name} this sentence comes right before this row"),
            ),
            (None, None) => {
                status.info(format!("{other_name} has no other sentence"));
                return;
            }
        }
    } else {
        (counterpart_row, format!("counterpart in {other_name}"))
    };
    match c.visible.binary_search(&target_row) {
        Ok(pos) => {
            c.cursor = pos;
            c.focus = other_side;
            c.current = None;
            status.info(msg);
        }
        Err(_) => status.info(format!(
            "that place is hidden (boilerplate): press {} to show it",
            keymap.name_of(Action::ToggleBoilerplate)
        )),
    }
}
