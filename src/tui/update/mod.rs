//! State transitions: `update(&mut State, Msg) -> Effect`, with no I/O.
//!
//! Everything that changes what is shown happens here: cursor movement and scroll clamping (the
//! terminal size arrives as a `Resize` action), filtering, marking, relatedness, jumps between
//! highlights, search, and building popups. Work that needs the outside world (running a
//! comparison in the background, writing an export, quitting) is returned as an [`Effect`].
//!
//! One module per screen: `library` (filter, marks, suggested pairs), `compare` (scrolling,
//! jumps, toggles), `search` (the compare screen's search box) and `popup` (help, summary,
//! skipped files, explanations).

mod compare;
mod library;
mod popup;
mod search;
mod story;

use ratatui::layout::Rect;

use super::action::{Action, Context, Msg};
use super::address;
use super::state::State;

use compare::{compare_update, ensure_visible, rewrap};
pub(in crate::tui) use library::{clamp_library, filter_shown};
use library::{finish_compare, library_update, refilter_keeping};
use popup::{help_popup, popup_update};

/// Work for the event loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Nothing to do.
    None,
    /// Restore the terminal and exit.
    Quit,
    /// Compare library articles `a` and `b` in the background and answer with
    /// [`Msg::CompareDone`](crate::tui::action::Msg::CompareDone) carrying `request`.
    Compare {
        /// Request number.
        request: u64,
        /// Library index of A.
        a: usize,
        /// Library index of B.
        b: usize,
    },
    /// Write the comparison on screen as an HTML page and answer with
    /// [`Msg::ExportDone`](crate::tui::action::Msg::ExportDone).
    Export,
    /// Every article has loaded: group the library into stories and compute relatedness in
    /// the background, answering with [`Msg::Analysed`](crate::tui::action::Msg::Analysed).
    Analyse,
    /// Fetch the web address (or read its fresh saved copy) in the background and answer with
    /// [`Msg::Fetched`](crate::tui::action::Msg::Fetched).
    Fetch(String),
    /// Compare library articles `articles` as one story in the background and answer with
    /// [`Msg::StoryDone`](crate::tui::action::Msg::StoryDone) carrying `request`.
    Story {
        /// Request number.
        request: u64,
        /// Library indices of the articles.
        articles: Vec<usize>,
    },
}

/// Apply `action` to `state`.
pub fn update(state: &mut State, msg: impl Into<Msg>) -> Effect {
    let msg = msg.into();
    match msg {
        Msg::Do(Action::ForceQuit) => return quit(state),
        Msg::Resize { width, height } => {
            state.size = (width, height);
            clamp_all(state);
            return Effect::None;
        }
        Msg::Tick => {
            if let Some(p) = state.pending.as_mut() {
                p.frame = p.frame.wrapping_add(1);
            }
            address::tick(state);
            return Effect::None;
        }
        Msg::Fetched(done) => return address::finished(state, *done),
        Msg::Open { a, b } => {
            let n = state.library.rows.len();
            if a >= n || b >= n || a == b {
                return Effect::None;
            }
            library::set_mark_a(&mut state.library, Some(a));
            library::set_mark_b(&mut state.library, Some(b));
            if let Some(pos) = state.library.visible.iter().position(|&i| i == a) {
                state.library.cursor = pos;
            }
            return library::start_compare(state, a, b);
        }
        Msg::OpenStory(articles) => return story::start_story(state, articles),
        Msg::StoryDone(done) => {
            story::finish_story(state, *done);
            return Effect::None;
        }
        Msg::CompareDone(done) => {
            finish_compare(state, *done);
            return Effect::None;
        }
        Msg::CompareFailed(why) => {
            state.pending = None;
            state.status.error = Some(why);
            return Effect::None;
        }
        Msg::ExportDone(result) => {
            match result {
                Ok(path) => state.status.info(format!("exported to {path}")),
                Err(why) => state.status.error = Some(format!("export failed: {why}")),
            }
            return Effect::None;
        }
        Msg::Loaded(loaded) => return take_loaded(state, *loaded),
        Msg::Analysed(done) => {
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
        popup_update(state, msg);
        return Effect::None;
    }
    let editing = state
        .compare
        .as_ref()
        .map_or(state.library.filter.editing, |c| c.search.input.editing);
    if !editing
        && state.pending.is_some()
        && matches!(msg, Msg::Do(Action::Back) | Msg::Do(Action::Clear))
    {
        state.pending = None;
        state.status.info("comparison cancelled");
        return Effect::None;
    }
    if msg == Msg::Do(Action::Help) {
        state.popup = Some(help_popup(state));
        return Effect::None;
    }
    if state.compare.is_some() {
        compare_update(state, msg)
    } else if state.story.is_some() {
        story::story_update(state, msg)
    } else {
        library_update(state, msg)
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
pub(in crate::tui) fn show_new_rows(state: &mut State, before: usize) {
    let lib = &mut state.library;
    if lib.filter.text().trim().is_empty() && lib.sort == super::state::SortKey::Loaded {
        lib.visible.extend(before..lib.rows.len());
    } else {
        refilter_keeping(lib);
    }
}

pub(super) fn quit(state: &mut State) -> Effect {
    state.quit = true;
    Effect::Quit
}

pub(super) fn area(state: &State) -> Rect {
    Rect::new(0, 0, state.size.0, state.size.1)
}

pub(super) fn clamp_all(state: &mut State) {
    clamp_library(state);
    let area = area(state);
    if let Some(c) = state.compare.as_mut() {
        rewrap(c, area);
        ensure_visible(c, area);
    }
    story::clamp_story(state);
}

/// The context keys are looked up in for `state` (used by the status-bar hints).
pub fn hint_context(state: &State) -> Context {
    if state.popup.is_some() {
        Context::Overlay
    } else if state.compare.is_some() {
        Context::Compare
    } else if state.story.is_some() {
        Context::Story
    } else {
        Context::Library
    }
}
