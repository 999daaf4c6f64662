//! State transitions: `update(&mut State, Action) -> Effect`, with no I/O.
//!
//! Everything that changes what is shown happens here: cursor movement and scroll clamping (the
//! terminal size arrives as a `Resize` action), filtering, marking, relatedness, jumps between
//! highlights, search, and building popups. Work that needs the outside world (running a
//! comparison in the background, writing an export, quitting) is returned as an [`Effect`].

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config as MatcherConfig, Matcher, Utf32Str};
use ratatui::layout::Rect;

use crate::compare::{PerSide, RowKind, Side};

use super::action::{Action, Context, Finished};
use super::address;
use super::explain;
use super::keymap::{ADDRESS_HELP, INPUT_HELP};
use super::layout::{CompareLayout, GUTTER, LibraryLayout};
use super::model::{Class, TargetKind, What};
use super::state::{
    CompareState, DocLine, Hit, LibraryState, Pending, Popup, PopupKind, State, Wrapped,
};

/// Work for the event loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Nothing to do.
    None,
    /// Restore the terminal and exit.
    Quit,
    /// Compare library articles `a` and `b` in the background and answer with
    /// [`Action::CompareDone`] carrying `request`.
    Compare {
        /// Request number.
        request: u64,
        /// Library index of A.
        a: usize,
        /// Library index of B.
        b: usize,
    },
    /// Write the comparison on screen as an HTML page and answer with
    /// [`Action::ExportDone`].
    Export,
    /// Every article has loaded: group the library into stories and compute relatedness in
    /// the background, answering with [`Action::Analysed`].
    Analyse,
    /// Fetch the web address (or read its fresh saved copy) in the background and answer with
    /// [`Action::Fetched`].
    Fetch(String),
}

/// Apply `action` to `state`.
pub fn update(state: &mut State, action: Action) -> Effect {
    match action {
        Action::ForceQuit => return quit(state),
        Action::Resize { width, height } => {
            state.size = (width, height);
            clamp_all(state);
            return Effect::None;
        }
        Action::Tick => {
            if let Some(p) = state.pending.as_mut() {
                p.frame = p.frame.wrapping_add(1);
            }
            address::tick(state);
            return Effect::None;
        }
        Action::Fetched(done) => return address::finished(state, *done),
        Action::CompareDone(done) => {
            finish_compare(state, *done);
            return Effect::None;
        }
        Action::CompareFailed(why) => {
            state.pending = None;
            state.status.error = Some(why);
            return Effect::None;
        }
        Action::ExportDone(result) => {
            match result {
                Ok(path) => state.status.info(format!("exported to {path}")),
                Err(why) => state.status.error = Some(format!("export failed: {why}")),
            }
            return Effect::None;
        }
        Action::Loaded(loaded) => return take_loaded(state, *loaded),
        Action::Analysed(done) => {
            let lib = &mut state.library;
            if done.articles == lib.rows.len() {
                let stories = done.stories.stories.len();
                lib.set_analysis(done.vectors, done.stories);
                // Said on the library screen, unless something more recent is being said.
                if state.compare.is_none()
                    && state.popup.is_none()
                    && state.status.message.is_none()
                    && state.status.error.is_none()
                {
                    state.status.info(format!(
                        "{} articles loaded · {stories} stor{} found",
                        lib.rows.len(),
                        if stories == 1 { "y" } else { "ies" }
                    ));
                }
            }
            return Effect::None;
        }
        _ => {}
    }
    // A message lasts until the next key.
    state.status.message = None;
    state.status.error = None;
    if state.popup.is_some() {
        popup_update(state, action);
        return Effect::None;
    }
    let editing = state
        .compare
        .as_ref()
        .map_or(state.library.filter.editing, |c| c.search.editing);
    if !editing && state.pending.is_some() && matches!(action, Action::Back | Action::Clear) {
        state.pending = None;
        state.status.info("comparison cancelled");
        return Effect::None;
    }
    if action == Action::Help {
        state.popup = Some(help_popup(state));
        return Effect::None;
    }
    if state.compare.is_some() {
        compare_update(state, action)
    } else {
        library_update(state, action)
    }
}

/// Show a batch of articles loaded in the background: the cursor stays on its article, and a
/// filter being typed takes the new articles in.
fn take_loaded(state: &mut State, loaded: super::action::Loaded) -> Effect {
    let lib = &mut state.library;
    let before = lib.rows.len();
    let added = lib.append(loaded.batch);
    let finished = loaded.done >= loaded.total;
    lib.loading = (!finished).then_some((loaded.done, loaded.total));
    if added > 0 {
        show_new_rows(state, before);
        clamp_library(state);
    }
    if finished {
        state.library.analysing = true;
        return Effect::Analyse;
    }
    Effect::None
}

/// Show the rows appended from library index `before` on: at the end of the table, or where
/// the filter being typed ranks them (the cursor stays on its article).
pub(super) fn show_new_rows(state: &mut State, before: usize) {
    let lib = &mut state.library;
    if lib.filter.query.trim().is_empty() {
        lib.visible.extend(before..lib.rows.len());
    } else {
        let (cur, offset) = (lib.current(), lib.offset);
        refilter(lib);
        if let Some(pos) = cur.and_then(|c| lib.visible.iter().position(|&i| i == c)) {
            lib.cursor = pos;
            lib.offset = offset;
        }
    }
}

fn quit(state: &mut State) -> Effect {
    state.quit = true;
    Effect::Quit
}

fn area(state: &State) -> Rect {
    Rect::new(0, 0, state.size.0, state.size.1)
}

fn clamp_all(state: &mut State) {
    clamp_library(state);
    let area = area(state);
    if let Some(c) = state.compare.as_mut() {
        rewrap(c, area);
        ensure_visible(c, area);
    }
}

// ---------------------------------------------------------------------------------------
// Popups

fn popup_update(state: &mut State, action: Action) {
    let Some(p) = state.popup.as_mut() else {
        return;
    };
    let last = p.lines.len().saturating_sub(1);
    let page = (state.size.1 as usize).saturating_sub(6).max(1);
    match action {
        Action::Back | Action::Select => state.popup = None,
        Action::Help if p.kind == PopupKind::Help => state.popup = None,
        Action::Summary if p.kind == PopupKind::Summary => state.popup = None,
        Action::Help => state.popup = Some(help_popup(state)),
        Action::Summary => {
            if let Some(c) = &state.compare {
                state.popup = Some(summary_popup(c));
            }
        }
        Action::MoveDown => p.scroll = (p.scroll + 1).min(last),
        Action::MoveUp => p.scroll = p.scroll.saturating_sub(1),
        Action::PageDown => p.scroll = (p.scroll + page).min(last),
        Action::PageUp => p.scroll = p.scroll.saturating_sub(page),
        Action::Top => p.scroll = 0,
        Action::Bottom => p.scroll = last,
        Action::Scroll(n) => p.scroll = p.scroll.saturating_add_signed(n as isize).min(last),
        _ => {}
    }
}

fn help_popup(state: &State) -> Popup {
    let mut lines = Vec::new();
    for (ctx, keys) in state.keymap.help() {
        lines.push(DocLine::Heading(ctx.title().to_string()));
        for (k, d) in keys {
            lines.push(DocLine::Key(k, d.to_string()));
        }
        lines.push(DocLine::Blank);
    }
    lines.push(DocLine::Heading("Filter and search box".to_string()));
    for (k, d) in INPUT_HELP {
        lines.push(DocLine::Key(k.to_string(), d.to_string()));
    }
    lines.push(DocLine::Blank);
    lines.push(DocLine::Heading("Address line".to_string()));
    for (k, d) in ADDRESS_HELP {
        lines.push(DocLine::Key(k.to_string(), d.to_string()));
    }
    lines.push(DocLine::Blank);
    lines.push(DocLine::Heading("Gutter".to_string()));
    for (g, d) in [
        ("═", "aligned: both report this"),
        ("⇄", "moved: counterpart elsewhere (m jumps)"),
        ("◀", "only in A"),
        ("▶", "only in B"),
        ("·", "boilerplate / headline, not compared"),
    ] {
        lines.push(DocLine::Key(g.to_string(), d.to_string()));
    }
    if let Some(p) = &state.config_path {
        lines.push(DocLine::Blank);
        lines.push(DocLine::Heading("Configuration".to_string()));
        lines.push(DocLine::Text(format!(
            "Keys, colours and lexicon additions: {p} (PARALLAX_CONFIG overrides the path)"
        )));
    }
    Popup {
        kind: PopupKind::Help,
        title: "Keys".to_string(),
        lines,
        scroll: 0,
    }
}

fn summary_popup(c: &CompareState) -> Popup {
    Popup {
        kind: PopupKind::Summary,
        title: "Summary".to_string(),
        lines: explain::summary(&c.cmp),
        scroll: 0,
    }
}

// ---------------------------------------------------------------------------------------
// Library

/// True when the line under the title is taken (by the filter, or the address line).
pub(super) fn filter_shown(lib: &LibraryState) -> bool {
    lib.filter.editing || !lib.filter.query.is_empty() || lib.address.editing
}

fn table_height(state: &State) -> usize {
    let l = LibraryLayout::new(
        area(state),
        filter_shown(&state.library),
        state.library.visible.len(),
    );
    (l.table.height as usize).max(1)
}

pub(super) fn clamp_library(state: &mut State) {
    let h = table_height(state);
    let lib = &mut state.library;
    lib.cursor = lib.cursor.min(lib.visible.len().saturating_sub(1));
    if lib.cursor < lib.offset {
        lib.offset = lib.cursor;
    } else if lib.cursor >= lib.offset + h {
        lib.offset = lib.cursor + 1 - h;
    }
    let max_offset = lib.visible.len().saturating_sub(h);
    lib.offset = lib.offset.min(max_offset);
}

fn refilter(lib: &mut LibraryState) {
    let q = lib.filter.query.trim();
    if q.is_empty() {
        lib.visible = (0..lib.rows.len()).collect();
    } else {
        use rayon::prelude::*;
        let pattern = Pattern::parse(q, CaseMatching::Ignore, Normalization::Smart);
        // Scored in parallel, a matcher per thread; the order below does not depend on it.
        let mut scored: Vec<(u32, usize)> = lib
            .haystacks
            .par_iter()
            .enumerate()
            .map_init(
                || (Matcher::new(MatcherConfig::DEFAULT), Vec::new()),
                |(matcher, buf), (i, hay)| {
                    pattern
                        .score(Utf32Str::new(hay, buf), matcher)
                        .map(|s| (s, i))
                },
            )
            .flatten()
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        lib.visible = scored.into_iter().map(|(_, i)| i).collect();
    }
    lib.cursor = 0;
    lib.offset = 0;
}

fn set_mark_a(lib: &mut LibraryState, a: Option<usize>) {
    lib.mark_a = a;
    if a.is_some() && lib.mark_b == a {
        lib.mark_b = None;
    }
    lib.related = a
        .and_then(|a| lib.vectors.get(a))
        .map(|va| lib.vectors.iter().map(|v| va.cosine(v)).collect());
}

fn set_mark_b(lib: &mut LibraryState, b: Option<usize>) {
    if b.is_some() && lib.mark_a == b {
        set_mark_a(lib, None);
    }
    lib.mark_b = b;
}

fn library_update(state: &mut State, action: Action) -> Effect {
    if state.library.address.editing {
        let effect = address::edit(state, action);
        clamp_library(state);
        return effect;
    }
    let page = table_height(state);
    let lib = &mut state.library;
    if lib.filter.editing {
        match action {
            Action::Input(c) => {
                lib.filter.query.push(c);
                refilter(lib);
            }
            Action::DeleteChar => {
                lib.filter.query.pop();
                refilter(lib);
            }
            Action::Select => {
                lib.filter.editing = false;
                lib.cursor = 0;
                let n = lib.visible.len();
                state.status.info(match n {
                    0 => "no article matches the filter".to_string(),
                    1 => "1 article matches".to_string(),
                    n => format!("{n} articles match"),
                });
            }
            Action::Back => {
                lib.filter.editing = false;
                lib.filter.query.clear();
                refilter(lib);
            }
            Action::MoveDown => lib.cursor += 1,
            Action::MoveUp => lib.cursor = lib.cursor.saturating_sub(1),
            _ => {}
        }
        clamp_library(state);
        return Effect::None;
    }
    let cur = lib.current();
    match action {
        Action::Quit => return quit(state),
        Action::Clear => {
            if !lib.filter.query.is_empty() {
                lib.filter.query.clear();
                refilter(lib);
            } else {
                set_mark_a(lib, None);
                lib.mark_b = None;
            }
        }
        Action::MoveDown => lib.cursor += 1,
        Action::MoveUp => lib.cursor = lib.cursor.saturating_sub(1),
        Action::PageDown => lib.cursor += page,
        Action::PageUp => lib.cursor = lib.cursor.saturating_sub(page),
        Action::Top => lib.cursor = 0,
        Action::Bottom => lib.cursor = lib.visible.len().saturating_sub(1),
        Action::Scroll(n) => lib.cursor = lib.cursor.saturating_add_signed(n as isize),
        Action::Search => lib.filter.editing = true,
        Action::MarkA => {
            let new = if lib.mark_a == cur { None } else { cur };
            set_mark_a(lib, new);
        }
        Action::MarkB => {
            let new = if lib.mark_b == cur { None } else { cur };
            set_mark_b(lib, new);
        }
        Action::MarkNext => match (lib.mark_a, lib.mark_b) {
            (a, _) if a == cur => set_mark_a(lib, None),
            (_, b) if b == cur => set_mark_b(lib, None),
            (None, _) => set_mark_a(lib, cur),
            (Some(_), _) => set_mark_b(lib, cur),
        },
        Action::SuggestPair => suggest_pair(lib, cur, &mut state.status),
        Action::ShowSkipped => state.popup = Some(skipped_popup(lib)),
        Action::AddAddress => address::open(state),
        Action::Select => return open_compare(state),
        Action::Click { column, row } => {
            let l = LibraryLayout::new(
                area(state),
                filter_shown(&state.library),
                state.library.visible.len(),
            );
            let lib = &mut state.library;
            if l.table.contains((column, row).into()) {
                let pos = lib.offset + (row - l.table.y) as usize;
                if pos < lib.visible.len() {
                    lib.cursor = pos;
                }
            }
        }
        _ => {}
    }
    clamp_library(state);
    Effect::None
}

/// Mark the next suggested pair of the story of article `cur` (the first when the last pair
/// marked was of another story) and put the cursor on A.
fn suggest_pair(lib: &mut LibraryState, cur: Option<usize>, status: &mut super::state::Status) {
    let Some(k) = cur.and_then(|i| lib.stories.story_of.get(i).copied().flatten()) else {
        status.info("this article shares no story with another: no pair to suggest");
        return;
    };
    let Some(story) = lib.stories.stories.get(k) else {
        return;
    };
    if story.pairs.is_empty() {
        status.info(format!("story {}: no pair to suggest", story.number));
        return;
    }
    let n = match lib.suggested {
        Some((s, p)) if s == k => (p + 1) % story.pairs.len(),
        _ => 0,
    };
    let pair = story.pairs[n].clone();
    let total = story.pairs.len();
    let number = story.number;
    lib.suggested = Some((k, n));
    set_mark_a(lib, Some(pair.a));
    set_mark_b(lib, Some(pair.b));
    if let Some(pos) = lib.visible.iter().position(|&i| i == pair.a) {
        lib.cursor = pos;
    }
    status.info(format!(
        "story {number}: pair {} of {total} marked · {:.0}% related{} · enter compares",
        n + 1,
        pair.similarity * 100.0,
        if pair.different_outlets {
            ", different outlets"
        } else {
            ", same outlet"
        }
    ));
}

fn skipped_popup(lib: &LibraryState) -> Popup {
    let mut lines = Vec::new();
    if lib.skipped.is_empty() {
        lines.push(DocLine::Text("Every file loaded.".to_string()));
    }
    for (path, reason) in &lib.skipped {
        lines.push(DocLine::Heading(path.clone()));
        lines.push(DocLine::Text(reason.clone()));
        lines.push(DocLine::Blank);
    }
    Popup {
        kind: PopupKind::Skipped,
        title: format!("Skipped files ({})", lib.skipped.len()),
        lines,
        scroll: 0,
    }
}

fn open_compare(state: &mut State) -> Effect {
    let lib = &mut state.library;
    let cur = lib.current();
    let (a, b) = match (lib.mark_a, lib.mark_b) {
        (Some(a), Some(b)) => (a, b),
        (Some(a), None) if cur.is_some_and(|c| c != a) => {
            let b = cur.unwrap_or(a);
            set_mark_b(lib, Some(b));
            (a, b)
        }
        _ => {
            state
                .status
                .info("mark two articles first: a marks A, b marks B (or space, space)");
            return Effect::None;
        }
    };
    start_compare(state, a, b)
}

fn start_compare(state: &mut State, a: usize, b: usize) -> Effect {
    state.request += 1;
    let request = state.request;
    state.pending = Some(Pending {
        request,
        a,
        b,
        frame: 0,
    });
    state.status.message = None;
    Effect::Compare { request, a, b }
}

fn finish_compare(state: &mut State, done: Finished) {
    if state
        .pending
        .as_ref()
        .is_none_or(|p| p.request != done.request)
    {
        return;
    }
    state.pending = None;
    let articles = PerSide {
        a: state.library.article(done.a),
        b: state.library.article(done.b),
    };
    let mut c = CompareState::new(done.comparison, (done.a, done.b), articles);
    if let Some(old) = state.compare.take()
        && old.pair == (done.b, done.a)
    {
        // A swap: keep what the reader had switched on and stay on the same sentence.
        c.toggles = old.toggles;
        c.refresh_visible();
        c.focus = old.focus.other();
        if let Some(row) = old.cursor_row().and_then(|r| old.model.rows.get(r)) {
            let (side, sents) = (old.focus, &row.sides.get(old.focus).sentences);
            if let Some(&s) = sents.first()
                && let Some(&nr) = c.model.row_of.get(side.other()).get(s)
            {
                c.cursor = c.visible.partition_point(|&v| v < nr);
            }
        }
    }
    let limited = !c.cmp.limits.is_empty();
    state.compare = Some(c);
    state.status.message = None;
    if limited {
        state.status.info(format!(
            "long articles: part of the analysis was coarser (press {} for the summary)",
            state.keymap.first_key(&Action::Summary)
        ));
    }
    clamp_all(state);
}

// ---------------------------------------------------------------------------------------
// Compare

fn compare_layout(c: &CompareState, area: Rect) -> CompareLayout {
    CompareLayout::new(area, c.search.editing)
}

fn rewrap(c: &mut CompareState, area: Rect) {
    let w = compare_layout(c, area).text_width();
    if c.wrapped.width != w || c.wrapped.lines.len() != c.model.rows.len() {
        c.wrapped = Wrapped::new(&c.model, w);
    }
}

fn viewport(c: &CompareState, area: Rect) -> usize {
    (compare_layout(c, area).pane_a.height as usize).max(1)
}

fn height_at(c: &CompareState, pos: usize) -> usize {
    c.visible.get(pos).map_or(1, |&r| c.wrapped.height(r))
}

/// Keep the cursor row on screen, moving `top` as little as possible.
fn ensure_visible(c: &mut CompareState, area: Rect) {
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
fn page_rows(c: &CompareState, from: usize, vh: usize, forward: bool) -> usize {
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
fn flip(
    c: &mut CompareState,
    field: fn(&mut super::state::Toggles) -> &mut bool,
    class: &str,
    status: &mut super::state::Status,
) {
    let flag = field(&mut c.toggles);
    *flag = !*flag;
    let on = *flag;
    toggle(c, class, on, status);
}

fn toggle(c: &mut CompareState, class: &str, on: bool, status: &mut super::state::Status) {
    status.info(format!("{class} {}", if on { "shown" } else { "hidden" }));
    if let Some(t) = &c.current
        && !class_on(c, t.what)
    {
        c.current = None;
    }
}

fn class_on(c: &CompareState, what: What) -> bool {
    match what {
        What::Quote(_) => c.toggles.quotes,
        What::Framing { .. } => c.toggles.framing,
        What::Loaded(_) => c.toggles.loaded,
        What::Scare(..) => c.toggles.scare,
        What::Distinctive(..) => c.toggles.distinctive,
        What::Dateline(_) => true,
    }
}

/// True when highlight class `class` is switched on in `c`.
pub fn shown(c: &CompareState, class: Class) -> bool {
    match class {
        Class::Quote => c.toggles.quotes,
        Class::Framing => c.toggles.framing,
        Class::LoadedStrong | Class::LoadedWeak => c.toggles.loaded,
        Class::Scare => c.toggles.scare,
        Class::Distinctive => c.toggles.distinctive,
        Class::Furniture => true,
    }
}

fn compare_update(state: &mut State, action: Action) -> Effect {
    let area = area(state);
    let Some(c) = state.compare.as_mut() else {
        return Effect::None;
    };
    if c.search.editing {
        match action {
            Action::Input(ch) => c.search.query.push(ch),
            Action::DeleteChar => {
                c.search.query.pop();
            }
            Action::Select => {
                c.search.editing = false;
                run_search(c);
                let n = c.search.hits.len();
                if n == 0 {
                    state.status.info(format!(
                        "no match for '{}'",
                        crate::text::sanitize::sanitize(&c.search.query)
                    ));
                } else {
                    let next = state.keymap.first_key(&Action::NextMatch);
                    let prev = state.keymap.first_key(&Action::PrevMatch);
                    state.status.info(format!(
                        "{n} match{} — {next} next, {prev} previous",
                        if n == 1 { "" } else { "es" }
                    ));
                    step_match(c, true, true);
                }
            }
            Action::Back => {
                c.search = Default::default();
            }
            _ => {}
        }
        rewrap(c, area);
        if !fully_visible(c, area) {
            reveal(c, area);
        }
        ensure_visible(c, area);
        return Effect::None;
    }
    let vh = viewport(c, area);
    let explain_key = state.keymap.first_key(&Action::Select);
    let mut moved_cursor = false;
    match action {
        Action::Back => {
            state.compare = None;
            state.status.message = None;
            clamp_library(state);
            return Effect::None;
        }
        Action::MoveDown => {
            c.cursor += 1;
            moved_cursor = true;
        }
        Action::MoveUp => {
            c.cursor = c.cursor.saturating_sub(1);
            moved_cursor = true;
        }
        Action::PageDown => {
            c.cursor += page_rows(c, c.cursor, vh, true);
            moved_cursor = true;
        }
        Action::PageUp => {
            c.cursor = c.cursor.saturating_sub(page_rows(c, c.cursor, vh, false));
            moved_cursor = true;
        }
        Action::Top => {
            c.cursor = 0;
            moved_cursor = true;
        }
        Action::Bottom => {
            c.cursor = c.visible.len().saturating_sub(1);
            moved_cursor = true;
        }
        Action::Scroll(n) => {
            let max_top = c.visible.len().saturating_sub(1);
            c.top = c.top.saturating_add_signed(n as isize).min(max_top);
            // Keep the cursor inside the scrolled view.
            let shown = page_rows(c, c.top, vh, true);
            c.cursor = c.cursor.clamp(c.top, c.top + shown - 1);
            c.current = None;
            return Effect::None;
        }
        Action::FocusOther => {
            c.focus = c.focus.other();
            state.status.info(format!(
                "focus on {}",
                if c.focus == Side::A { "A" } else { "B" }
            ));
        }
        Action::NextQuote => jump(c, TargetKind::Quote, true, &mut state.status, &explain_key),
        Action::PrevQuote => jump(c, TargetKind::Quote, false, &mut state.status, &explain_key),
        Action::NextFraming => jump(
            c,
            TargetKind::Framing,
            true,
            &mut state.status,
            &explain_key,
        ),
        Action::PrevFraming => jump(
            c,
            TargetKind::Framing,
            false,
            &mut state.status,
            &explain_key,
        ),
        Action::NextLoaded => jump(c, TargetKind::Loaded, true, &mut state.status, &explain_key),
        Action::PrevLoaded => jump(
            c,
            TargetKind::Loaded,
            false,
            &mut state.status,
            &explain_key,
        ),
        Action::JumpMoved => jump_moved(c, &mut state.status),
        Action::ToggleQuotes => flip(c, |t| &mut t.quotes, "shared quotes", &mut state.status),
        Action::ToggleFraming => flip(c, |t| &mut t.framing, "changed words", &mut state.status),
        Action::ToggleLoaded => flip(c, |t| &mut t.loaded, "loaded terms", &mut state.status),
        Action::ToggleScare => flip(c, |t| &mut t.scare, "scare quotes", &mut state.status),
        Action::ToggleDistinctive => flip(
            c,
            |t| &mut t.distinctive,
            "distinctive terms",
            &mut state.status,
        ),
        Action::ToggleBoilerplate => {
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
        Action::Summary => state.popup = Some(summary_popup(c)),
        Action::Swap => {
            let (a, b) = c.pair;
            return start_compare(state, b, a);
        }
        Action::Export => return Effect::Export,
        Action::Search => {
            c.search.editing = true;
            c.search.query.clear();
            c.search.hits.clear();
            c.search.current = None;
        }
        Action::NextMatch => match_step_msg(c, true, &mut state.status),
        Action::PrevMatch => match_step_msg(c, false, &mut state.status),
        Action::Select => {
            state.popup = Some(explain_popup(c, &state.library));
        }
        Action::Click { column, row } => click(c, area, column, row),
        _ => {}
    }
    if moved_cursor {
        c.current = None;
    }
    rewrap(c, area);
    let jumped = matches!(
        action,
        Action::NextQuote
            | Action::PrevQuote
            | Action::NextFraming
            | Action::PrevFraming
            | Action::NextLoaded
            | Action::PrevLoaded
            | Action::JumpMoved
            | Action::NextMatch
            | Action::PrevMatch
    );
    if jumped && !fully_visible(c, area) {
        reveal(c, area);
    }
    ensure_visible(c, area);
    Effect::None
}

/// True when the cursor row lies entirely inside the viewport.
fn fully_visible(c: &CompareState, area: Rect) -> bool {
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
fn reveal(c: &mut CompareState, area: Rect) {
    let context = viewport(c, area) / 3;
    let mut top = c.cursor;
    let mut used = 0;
    while top > 0 && used + height_at(c, top - 1) <= context {
        top -= 1;
        used += height_at(c, top);
    }
    c.top = top;
}

fn click(c: &mut CompareState, area: Rect, column: u16, row: u16) {
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

fn jump(
    c: &mut CompareState,
    kind: TargetKind,
    forward: bool,
    status: &mut super::state::Status,
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
    let tkey = |t: &super::model::Target| (t.row, Some((t.side, t.range.start)));
    let found = if forward {
        targets
            .iter()
            .find(|t| visible(t.row) && tkey(t) > key)
            .cloned()
    } else {
        targets
            .iter()
            .rev()
            .find(|t| visible(t.row) && tkey(t) < key)
            .cloned()
    };
    let Some(t) = found else {
        status.info(format!(
            "no more {} {}",
            kind.plural(),
            if forward { "below" } else { "above" }
        ));
        return;
    };
    let n = targets.iter().position(|x| *x == t).map_or(0, |i| i + 1);
    status.info(format!(
        "{} {n} of {} — {explain_key} explains",
        kind.plural(),
        targets.len(),
    ));
    if let Ok(pos) = c.visible.binary_search(&t.row) {
        c.cursor = pos;
    }
    c.focus = t.side;
    c.current = Some(t);
}

fn jump_moved(c: &mut CompareState, status: &mut super::state::Status) {
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
        Err(_) => status.info("that place is hidden (boilerplate): press h to show it"),
    }
}

fn run_search(c: &mut CompareState) {
    c.search.hits.clear();
    c.search.current = None;
    let q = c.search.query.to_ascii_lowercase();
    if q.is_empty() {
        return;
    }
    for &ri in &c.visible {
        for side in [Side::A, Side::B] {
            let text = c.model.rows[ri].sides.get(side).text.to_ascii_lowercase();
            let mut from = 0;
            while let Some(i) = text.get(from..).and_then(|t| t.find(&q)) {
                let start = from + i;
                c.search.hits.push(Hit {
                    row: ri,
                    side,
                    range: start..start + q.len(),
                });
                from = start + q.len().max(1);
            }
        }
    }
}

fn step_match(c: &mut CompareState, forward: bool, from_cursor: bool) -> bool {
    let hits = &c.search.hits;
    if hits.is_empty() {
        return false;
    }
    let row = c.cursor_row().unwrap_or(0);
    let next = match (c.search.current, from_cursor) {
        (Some(i), false) if forward => (i + 1 < hits.len()).then_some(i + 1),
        (Some(i), false) => i.checked_sub(1),
        _ if forward => hits.iter().position(|h| h.row >= row),
        _ => hits.iter().rposition(|h| h.row <= row),
    };
    let Some(i) = next else { return false };
    c.search.current = Some(i);
    let h = &hits[i];
    if let Ok(pos) = c.visible.binary_search(&h.row) {
        c.cursor = pos;
    }
    c.focus = h.side;
    true
}

fn match_step_msg(c: &mut CompareState, forward: bool, status: &mut super::state::Status) {
    if c.search.hits.is_empty() {
        status.info("no search: press / to search");
    } else if step_match(c, forward, false) {
        let i = c.search.current.unwrap_or(0);
        status.info(format!("match {} of {}", i + 1, c.search.hits.len()));
    } else {
        status.info(if forward {
            "no more matches below"
        } else {
            "no more matches above"
        });
    }
}

fn explain_popup(c: &CompareState, lib: &LibraryState) -> Popup {
    let articles = PerSide {
        a: lib.article(c.pair.0),
        b: lib.article(c.pair.1),
    };
    let row = c.cursor_row().unwrap_or(0);
    let current = c.current.as_ref().filter(|t| t.row == row);
    let lines = explain::explain(&c.cmp, &c.model, articles, row, c.focus, current, &|w| {
        class_on(c, w)
    });
    Popup {
        kind: PopupKind::Explain,
        title: "Why is this marked?".to_string(),
        lines,
        scroll: 0,
    }
}

/// The context keys are looked up in for `state` (used by the status-bar hints).
pub fn hint_context(state: &State) -> Context {
    if state.popup.is_some() {
        Context::Overlay
    } else if state.compare.is_some() {
        Context::Compare
    } else {
        Context::Library
    }
}
