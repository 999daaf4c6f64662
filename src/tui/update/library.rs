//! The library screen: filtering, marking, suggested pairs, and opening a comparison.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config as MatcherConfig, Matcher, Utf32Str};

use super::popup::skipped_popup;
use super::{Effect, area, clamp_all, quit};
use crate::tui::action::{Action, Finished, Msg};
use crate::tui::address;
use crate::tui::keymap::Keymap;
use crate::tui::layout::LibraryLayout;
use crate::tui::state::{CompareState, LibraryState, Pending, State};

/// True when the line under the title is taken (by the filter, or the address line).
pub(in crate::tui) fn filter_shown(lib: &LibraryState) -> bool {
    lib.filter.editing || !lib.filter.text().is_empty() || lib.address.editing
}

pub(super) fn table_height(state: &State) -> usize {
    let l = LibraryLayout::new(
        area(state),
        filter_shown(&state.library),
        state.library.visible.len(),
    );
    (l.table.height as usize).max(1)
}

pub(in crate::tui) fn clamp_library(state: &mut State) {
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

/// Recompute the rows shown: the filter's matches (all articles without a filter) in the
/// table's order — the best match first in the loaded order — with the cursor on the best
/// match.
pub(super) fn refilter(lib: &mut LibraryState) {
    let q = lib.filter.text().trim();
    let mut shown: Vec<usize> = if q.is_empty() {
        (0..lib.rows.len()).collect()
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
        scored.into_iter().map(|(_, i)| i).collect()
    };
    sort_rows(lib, &mut shown);
    lib.visible = shown;
    lib.cursor = 0;
    lib.offset = 0;
}

/// Put `rows` in the order of `lib.sort` (stable: ties keep their order).
fn sort_rows(lib: &LibraryState, rows: &mut [usize]) {
    use crate::tui::state::SortKey;
    let text = |i: usize, f: fn(&crate::tui::state::ArticleRow) -> &str| {
        lib.rows
            .get(i)
            .map_or(String::new(), |r| f(r).to_lowercase())
    };
    match lib.sort {
        SortKey::Loaded => {}
        SortKey::Outlet => rows.sort_by_cached_key(|&i| {
            let unknown = lib.article(i).is_none_or(|a| a.outlet.is_none());
            (unknown, text(i, |r| &r.outlet))
        }),
        SortKey::Date => rows.sort_by_cached_key(|&i| {
            let d = text(i, |r| &r.date);
            (d.is_empty(), std::cmp::Reverse(d))
        }),
        SortKey::Story => rows.sort_by_cached_key(|&i| {
            let n = lib.stories.of(i).map(|s| s.number);
            (n.is_none(), n)
        }),
        SortKey::Title => rows.sort_by_cached_key(|&i| text(i, |r| &r.title)),
        SortKey::Related => {
            if let Some(rel) = &lib.related {
                let r = |i: usize| rel.get(i).copied().unwrap_or(0.0);
                rows.sort_by(|&x, &y| {
                    (Some(y) == lib.mark_a)
                        .cmp(&(Some(x) == lib.mark_a))
                        .then(r(y).total_cmp(&r(x)))
                });
            }
        }
    }
}

/// Recompute the rows shown, keeping the cursor on the article it was on when that article
/// is still shown.
pub(super) fn refilter_keeping(lib: &mut LibraryState) {
    let (cur, offset) = (lib.current(), lib.offset);
    refilter(lib);
    if let Some(pos) = cur.and_then(|c| lib.visible.iter().position(|&i| i == c)) {
        lib.cursor = pos;
        lib.offset = offset;
    }
}

pub(super) fn set_mark_a(lib: &mut LibraryState, a: Option<usize>) {
    lib.mark_a = a;
    lib.mark_more.retain(|&m| Some(m) != a);
    if a.is_some() && lib.mark_b == a {
        lib.mark_b = None;
    }
    lib.related = a
        .and_then(|a| lib.vectors.get(a))
        .map(|va| lib.vectors.iter().map(|v| va.similarity(v)).collect());
    if lib.sort == crate::tui::state::SortKey::Related {
        refilter_keeping(lib);
    }
}

pub(super) fn set_mark_b(lib: &mut LibraryState, b: Option<usize>) {
    if b.is_some() && lib.mark_a == b {
        set_mark_a(lib, None);
    }
    lib.mark_more.retain(|&m| Some(m) != b);
    lib.mark_b = b;
}

pub(super) fn library_update(state: &mut State, msg: Msg) -> Effect {
    if state.library.address.editing {
        let effect = address::edit(state, msg);
        clamp_library(state);
        return effect;
    }
    let page = table_height(state);
    let lib = &mut state.library;
    if lib.filter.editing {
        match msg {
            Msg::Do(Action::Select) => {
                lib.filter.editing = false;
                let n = lib.visible.len();
                state.status.info(match n {
                    0 => "no article matches the filter".to_string(),
                    1 => "1 article matches".to_string(),
                    n => format!("{n} articles match"),
                });
            }
            Msg::Do(Action::Back) => {
                lib.filter.editing = false;
                lib.filter.clear();
                refilter_keeping(lib);
            }
            Msg::Do(Action::MoveDown) => lib.cursor += 1,
            Msg::Do(Action::MoveUp) => lib.cursor = lib.cursor.saturating_sub(1),
            other => {
                if lib.filter.edit(&other) {
                    refilter(lib);
                }
            }
        }
        clamp_library(state);
        return Effect::None;
    }
    let cur = lib.current();
    match msg {
        Msg::Do(Action::Quit) => return quit(state),
        Msg::Do(Action::Clear) => {
            if !lib.filter.text().is_empty() {
                lib.filter.clear();
                refilter_keeping(lib);
            } else {
                set_mark_a(lib, None);
                lib.mark_b = None;
                lib.mark_more.clear();
            }
        }
        Msg::Do(Action::MoveDown) => lib.cursor += 1,
        Msg::Do(Action::MoveUp) => lib.cursor = lib.cursor.saturating_sub(1),
        Msg::Do(Action::PageDown) => lib.cursor += page,
        Msg::Do(Action::PageUp) => lib.cursor = lib.cursor.saturating_sub(page),
        Msg::Do(Action::Top) => lib.cursor = 0,
        Msg::Do(Action::Bottom) => lib.cursor = lib.visible.len().saturating_sub(1),
        Msg::Scroll(n) => lib.cursor = lib.cursor.saturating_add_signed(n as isize),
        Msg::Do(Action::Search) => lib.filter.editing = true,
        Msg::Do(Action::Sort) => {
            use crate::tui::state::SortKey;
            lib.sort = lib.sort.next();
            if lib.sort == SortKey::Related && lib.related.is_none() {
                lib.sort = lib.sort.next();
            }
            refilter_keeping(lib);
            let next = lib.sort.next();
            state.status.info(format!(
                "sorted by {} — {} sorts by {}",
                lib.sort.label(),
                state.keymap.name_of(Action::Sort),
                if next == SortKey::Related && lib.related.is_none() {
                    next.next().label()
                } else {
                    next.label()
                }
            ));
        }
        Msg::Do(Action::MarkA) => {
            let new = if lib.mark_a == cur { None } else { cur };
            set_mark_a(lib, new);
        }
        Msg::Do(Action::MarkB) => {
            let new = if lib.mark_b == cur { None } else { cur };
            set_mark_b(lib, new);
        }
        Msg::Do(Action::MarkNext) => match (lib.mark_a, lib.mark_b) {
            (a, _) if a == cur => set_mark_a(lib, None),
            (_, b) if b == cur => set_mark_b(lib, None),
            (None, _) => set_mark_a(lib, cur),
            (Some(_), None) => set_mark_b(lib, cur),
            // A and B taken: more articles for a story (C, D, …).
            (Some(_), Some(_)) => {
                mark_more(lib, cur, &mut state.status, &state.keymap);
            }
        },
        Msg::Do(Action::OpenStory) => return open_story(state),
        Msg::Do(Action::SuggestPair) => suggest_pair(lib, cur, &mut state.status, &state.keymap),
        Msg::Do(Action::ShowSkipped) => state.popup = Some(skipped_popup(lib)),
        Msg::Do(Action::AddAddress) => address::open(state),
        Msg::Do(Action::Select) => return open_compare(state),
        Msg::Click { column, row } => {
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
pub(super) fn suggest_pair(
    lib: &mut LibraryState,
    cur: Option<usize>,
    status: &mut crate::tui::state::Status,
    keymap: &Keymap,
) {
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
        "story {number}: pair {} of {total} marked · {:.0}% related{} · {} compares",
        n + 1,
        pair.similarity * 100.0,
        if pair.different_outlets {
            ", different outlets"
        } else {
            ", same outlet"
        },
        keymap.name_of(Action::Select)
    ));
}

/// Mark (or unmark) article `cur` for a story, after A and B.
fn mark_more(
    lib: &mut LibraryState,
    cur: Option<usize>,
    status: &mut crate::tui::state::Status,
    keymap: &Keymap,
) {
    use crate::compare::story::MAX_ARTICLES;
    let Some(i) = cur else { return };
    if let Some(pos) = lib.mark_more.iter().position(|&m| m == i) {
        lib.mark_more.remove(pos);
        return;
    }
    if lib.mark_more.len() + 2 >= MAX_ARTICLES {
        status.info(format!(
            "a story compares at most {MAX_ARTICLES} articles: unmark one first"
        ));
        return;
    }
    lib.mark_more.push(i);
    status.info(format!(
        "{} articles marked — {} opens the story",
        lib.mark_more.len() + 2,
        keymap.name_of(Action::Select)
    ));
}

/// The library indices marked for a story: A, B, then the others in the order marked.
fn marked_story(lib: &LibraryState) -> Vec<usize> {
    lib.mark_a
        .into_iter()
        .chain(lib.mark_b)
        .chain(lib.mark_more.iter().copied())
        .collect()
}

/// Open the story view of the story of the article under the cursor: its articles (the eight
/// most related to its central article, when it has more).
fn open_story(state: &mut State) -> Effect {
    use crate::compare::story::{MAX_ARTICLES, MIN_ARTICLES};
    let lib = &state.library;
    let Some(story) = lib.current().and_then(|i| lib.stories.of(i)) else {
        state.status.info(format!(
            "this article shares no story with another — mark {MIN_ARTICLES} to              {MAX_ARTICLES} articles with {} and press {}",
            state.keymap.name_of(Action::MarkNext),
            state.keymap.name_of(Action::Select)
        ));
        return Effect::None;
    };
    if story.members.len() < MIN_ARTICLES {
        state.status.info(format!(
            "story {} has two articles: {} compares them",
            story.number,
            state.keymap.name_of(Action::SuggestPair)
        ));
        return Effect::None;
    }
    let mut members = story.members.clone();
    if members.len() > MAX_ARTICLES {
        let central = lib.vectors.get(story.central);
        let sim = |i: usize| match (central, lib.vectors.get(i)) {
            (Some(c), Some(v)) if i != story.central => c.similarity(v),
            _ => f64::INFINITY,
        };
        members.sort_by(|&x, &y| sim(y).total_cmp(&sim(x)).then(x.cmp(&y)));
        members.truncate(MAX_ARTICLES);
        members.sort_unstable();
    }
    super::story::start_story(state, members)
}

pub(super) fn open_compare(state: &mut State) -> Effect {
    let lib = &mut state.library;
    if !lib.mark_more.is_empty() && lib.mark_a.is_some() && lib.mark_b.is_some() {
        let marked = marked_story(lib);
        return super::story::start_story(state, marked);
    }
    let cur = lib.current();
    let (a, b) = match (lib.mark_a, lib.mark_b) {
        (Some(a), Some(b)) => (a, b),
        (Some(a), None) if cur.is_some_and(|c| c != a) => {
            let b = cur.unwrap_or(a);
            set_mark_b(lib, Some(b));
            (a, b)
        }
        _ => {
            let k = &state.keymap;
            let next = k.name_of(Action::MarkNext);
            state.status.info(format!(
                "mark two articles first: {} marks A, {} marks B (or {next}, {next})",
                k.name_of(Action::MarkA),
                k.name_of(Action::MarkB)
            ));
            return Effect::None;
        }
    };
    start_compare(state, a, b)
}

pub(super) fn start_compare(state: &mut State, a: usize, b: usize) -> Effect {
    state.request += 1;
    let request = state.request;
    state.pending = Some(Pending {
        request,
        a,
        b,
        frame: 0,
        story: Vec::new(),
    });
    state.status.message = None;
    Effect::Compare { request, a, b }
}

pub(super) fn finish_compare(state: &mut State, done: Finished) {
    if state
        .pending
        .as_ref()
        .is_none_or(|p| p.request != done.request)
    {
        return;
    }
    state.pending = None;
    // The marks follow the comparison (a swap swaps them).
    set_mark_a(&mut state.library, Some(done.a));
    set_mark_b(&mut state.library, Some(done.b));
    let mut c = CompareState::new(done.comparison, (done.a, done.b));
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
            state.keymap.name_of(Action::Summary)
        ));
    }
    clamp_all(state);
}
