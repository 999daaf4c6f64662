//! The story screen: starting a story comparison, moving between facts and outlets, jumps to
//! omissions, quotations, framing changes and loaded terms, and opening the comparison of
//! two outlets at a fact.

use super::search::{Step, wrapped_note};
use super::{Effect, area, clamp_all};
use crate::compare::story::{MAX_ARTICLES, MIN_ARTICLES, pair_position};
use crate::compare::{RowKind, Side};
use crate::tui::action::{Action, Msg, StoryFinished};
use crate::tui::keymap::Keymap;
use crate::tui::state::{CompareState, DocLine, Pending, Popup, PopupKind, State, Status};
use crate::tui::story::{Jump, StoryLayout, StoryState};

/// Start comparing library articles `articles` as one story in the background (three to
/// eight different articles; otherwise say why not).
pub(super) fn start_story(state: &mut State, mut articles: Vec<usize>) -> Effect {
    let n = state.library.rows.len();
    articles.retain(|&i| i < n);
    let mut seen = Vec::new();
    articles.retain(|i| {
        let new = !seen.contains(i);
        seen.push(*i);
        new
    });
    if articles.len() < MIN_ARTICLES || articles.len() > MAX_ARTICLES {
        state.status.info(format!(
            "a story compares {MIN_ARTICLES} to {MAX_ARTICLES} articles, not {}",
            articles.len()
        ));
        return Effect::None;
    }
    state.request += 1;
    let request = state.request;
    state.pending = Some(Pending {
        request,
        a: articles[0],
        b: articles[1],
        frame: 0,
        story: articles.clone(),
    });
    state.status.message = None;
    Effect::Story { request, articles }
}

/// Show a finished story comparison (ignored when it was cancelled or superseded).
pub(super) fn finish_story(state: &mut State, done: StoryFinished) {
    if state
        .pending
        .as_ref()
        .is_none_or(|p| p.request != done.request)
    {
        return;
    }
    state.pending = None;
    let s = StoryState::new(done.story, done.pairs, done.articles);
    let sum = &s.story.summary;
    let msg = format!(
        "{} facts · {} reported by all · {} by one outlet only · {} quotations — {} next \
         omission, {} explains",
        sum.facts,
        sum.shared_by_all,
        sum.one_outlet,
        sum.quotations,
        state.keymap.name_of(Action::NextOmission),
        state.keymap.name_of(Action::Summary),
    );
    state.story = Some(s);
    state.compare = None;
    state.status.info(msg);
    clamp_all(state);
}

/// Wrap the cells at the column width and keep the cursor on screen.
pub(super) fn clamp_story(state: &mut State) {
    let area = area(state);
    if let Some(s) = state.story.as_mut() {
        let l = StoryLayout::new(area, s.outlets());
        s.rewrap(l.text_width());
        s.keep_column(l.columns);
        s.keep_fact(l.grid.height as usize, l.columns);
    }
}

pub(super) fn story_update(state: &mut State, msg: Msg) -> Effect {
    let area = area(state);
    let Some(s) = state.story.as_mut() else {
        return Effect::None;
    };
    let l = StoryLayout::new(area, s.outlets());
    let (rows, cols) = (l.grid.height as usize, l.columns);
    let last = s.cells.len().saturating_sub(1);
    let mut jumped = false;
    match msg {
        Msg::Do(Action::Back) => {
            state.story = None;
            state.status.message = None;
            clamp_all(state);
            return Effect::None;
        }
        Msg::Do(Action::MoveDown) => s.cursor = (s.cursor + 1).min(last),
        Msg::Do(Action::MoveUp) => s.cursor = s.cursor.saturating_sub(1),
        Msg::Do(Action::PageDown) => {
            s.cursor = (s.cursor + s.page(s.cursor, rows, cols, true)).min(last)
        }
        Msg::Do(Action::PageUp) => {
            s.cursor = s.cursor.saturating_sub(s.page(s.cursor, rows, cols, false))
        }
        Msg::Do(Action::Top) => s.cursor = 0,
        Msg::Do(Action::Bottom) => s.cursor = last,
        Msg::Do(Action::NextOutlet) => {
            s.column = (s.column + 1).min(s.outlets().saturating_sub(1));
            s.current = None;
        }
        Msg::Do(Action::PrevOutlet) => {
            s.column = s.column.saturating_sub(1);
            s.current = None;
        }
        Msg::Scroll(n) => {
            s.cursor = s.cursor.saturating_add_signed(n as isize).min(last);
        }
        Msg::Click { column, row } if l.grid.contains((column, row).into()) => {
            click(s, &l, column, row);
        }
        Msg::Do(a @ (Action::NextOmission | Action::PrevOmission)) => {
            jumped = jump(
                s,
                Jump::Omission,
                a == Action::NextOmission,
                &mut state.status,
            );
        }
        Msg::Do(a @ (Action::NextQuote | Action::PrevQuote)) => {
            jumped = jump(
                s,
                Jump::Quotation,
                a == Action::NextQuote,
                &mut state.status,
            );
        }
        Msg::Do(a @ (Action::NextFraming | Action::PrevFraming)) => {
            jumped = jump(
                s,
                Jump::Framing,
                a == Action::NextFraming,
                &mut state.status,
            );
        }
        Msg::Do(a @ (Action::NextLoaded | Action::PrevLoaded)) => {
            jumped = jump(s, Jump::Loaded, a == Action::NextLoaded, &mut state.status);
        }
        Msg::Do(Action::Summary) => state.popup = Some(summary_popup(s, &state.keymap)),
        Msg::Do(Action::Export) => return Effect::Export,
        Msg::Do(Action::Select) => {
            open_pair(state);
            return Effect::None;
        }
        _ => {}
    }
    let Some(s) = state.story.as_mut() else {
        return Effect::None;
    };
    if !jumped
        && matches!(
            msg,
            Msg::Do(
                Action::MoveDown
                    | Action::MoveUp
                    | Action::PageDown
                    | Action::PageUp
                    | Action::Top
                    | Action::Bottom
            ) | Msg::Scroll(_)
        )
    {
        s.current = None;
    }
    s.rewrap(l.text_width());
    s.keep_column(cols);
    if jumped {
        s.reveal(rows, cols);
    }
    s.keep_fact(rows, cols);
    Effect::None
}

/// Put the cursor on the cell under a click.
fn click(s: &mut StoryState, l: &StoryLayout, column: u16, row: u16) {
    let x = (column - l.grid.x) / (l.column_width + 1);
    s.column = (s.left + x as usize).min(s.outlets().saturating_sub(1));
    let mut y = l.grid.y as usize;
    for f in s.top..s.cells.len() {
        let h = s.height(f, l.columns);
        if (row as usize) < y + h {
            s.cursor = f;
            s.current = None;
            return;
        }
        y += h;
    }
}

/// Go to the next (previous) target of `kind` after (before) the cursor; wraps round at the
/// ends and says so. True when the cursor moved to a target.
fn jump(s: &mut StoryState, kind: Jump, forward: bool, status: &mut Status) -> bool {
    let targets = s.targets(kind);
    if targets.is_empty() {
        status.info(format!("no {} in this story", kind.plural()));
        return false;
    }
    type Key = (usize, Option<(usize, usize)>);
    let tkey = |t: &crate::tui::story::Target| -> Key {
        (
            t.fact,
            Some((t.article, t.range.as_ref().map_or(0, |r| r.start))),
        )
    };
    let key: Key = match &s.current {
        Some(t) if t.fact == s.cursor => tkey(t),
        _ => (s.cursor, None),
    };
    let (found, note) = if forward {
        match targets.iter().find(|t| tkey(t) > key) {
            Some(t) => (t, ""),
            None => (&targets[0], wrapped_note(Step::Wrapped, true)),
        }
    } else {
        match targets.iter().rev().find(|t| tkey(t) < key) {
            Some(t) => (t, ""),
            None => (
                &targets[targets.len() - 1],
                wrapped_note(Step::Wrapped, false),
            ),
        }
    };
    let n = targets.iter().position(|t| t == found).map_or(0, |i| i + 1);
    status.info(format!("{} {n} of {}{note}", kind.plural(), targets.len()));
    let t = found.clone();
    s.cursor = t.fact;
    s.column = t.article;
    s.current = Some(t);
    true
}

/// Open the comparison of the cursor's outlet and the one beside it, at the cursor's fact
/// (or the nearest fact before it that one of them reports). Back returns to the story.
fn open_pair(state: &mut State) {
    let Some(s) = state.story.as_ref() else {
        return;
    };
    let Some((x, y)) = s.pair_at_cursor() else {
        return;
    };
    let Some(cmp) = pair_position(s.outlets(), x, y).and_then(|p| s.pairs.get(p)) else {
        state.status.error = Some("that comparison is missing".to_string());
        return;
    };
    let (Some(&la), Some(&lb)) = (s.articles.get(x), s.articles.get(y)) else {
        return;
    };
    // The sentence to land on: the cursor outlet's wording of the fact, else the other's,
    // else the nearest earlier fact either reports.
    let story = &s.story;
    let first = |a: usize| -> Option<(Side, usize)> {
        (0..=s.cursor).rev().find_map(|f| {
            let fact = story.facts.get(f)?;
            let mine = fact.cell(a).and_then(|c| c.sentences.first());
            let side = |k: usize| if k == x { Side::A } else { Side::B };
            let other = if a == x { y } else { x };
            mine.map(|&i| (side(a), i)).or_else(|| {
                fact.cell(other)
                    .and_then(|c| c.sentences.first())
                    .map(|&i| (side(other), i))
            })
        })
    };
    let at = first(s.column.clamp(x, y));
    let names = (s.names[x].clone(), s.names[y].clone());
    let mut c = CompareState::new(cmp.clone(), (la, lb));
    if let Some((side, sent)) = at
        && let Some(&row) = c.model.row_of.get(side).get(sent)
    {
        c.cursor = c.visible.partition_point(|&v| v < row);
        c.focus = side;
        // Land with the row a third of the way down, as a jump does.
        c.top = c.cursor.saturating_sub(3);
    }
    let moved = c
        .cursor_row()
        .and_then(|r| c.model.rows.get(r))
        .is_some_and(|r| r.kind == RowKind::Moved);
    state.compare = Some(c);
    state.status.info(format!(
        "{} (A) with {} (B) at this fact{} — {} back to the story",
        names.0,
        names.1,
        if moved { " (moved in the other)" } else { "" },
        state.keymap.name_of(Action::Back)
    ));
    clamp_all(state);
}

/// The story in figures: facts, coverage per outlet, quotations and who quotes whom.
pub(super) fn summary_popup(s: &StoryState, keymap: &Keymap) -> Popup {
    let story = &s.story;
    let sum = &story.summary;
    let mut lines = vec![
        DocLine::Heading(format!("{} outlets, {} facts", s.outlets(), sum.facts)),
        DocLine::Text(format!(
            "{} reported by every outlet, {} by one outlet only.",
            sum.shared_by_all, sum.one_outlet
        )),
        DocLine::Text(format!(
            "{} quotations, {} carried by one outlet only.",
            sum.quotations, sum.quotations_one_outlet
        )),
        DocLine::Blank,
        DocLine::Heading("Per outlet".to_string()),
    ];
    for (i, name) in s.names.iter().enumerate() {
        let carried = story
            .facts
            .iter()
            .filter(|f| f.carried_by.contains(&i))
            .count();
        let only = story.articles.get(i).map_or(0, |a| a.only.len());
        let left_out = story
            .facts
            .iter()
            .filter(|f| f.carried_by.len() >= 2 && f.omitted_by.contains(&i))
            .count();
        lines.push(DocLine::Key(
            name.clone(),
            format!(
                "reports {carried} facts, {only} only it; leaves out {left_out} that others \
                 share"
            ),
        ));
    }
    if !story.speakers.is_empty() {
        lines.push(DocLine::Blank);
        lines.push(DocLine::Heading("Who is quoted, by whom".to_string()));
        for sp in &story.speakers {
            let by: Vec<String> = sp
                .quoted_by
                .iter()
                .filter_map(|q| {
                    let name = s.names.get(q.article)?;
                    Some(format!("{name} ×{}", q.count))
                })
                .collect();
            lines.push(DocLine::Key(
                crate::text::sanitize::sanitize_line(&sp.name),
                by.join(", "),
            ));
        }
    }
    lines.push(DocLine::Blank);
    lines.push(DocLine::Dim(format!(
        "{} compares the outlet under the cursor with the one beside it.",
        keymap.name_of(Action::Select)
    )));
    Popup {
        kind: PopupKind::Summary,
        title: "Story summary".to_string(),
        lines,
        scroll: 0,
    }
}
