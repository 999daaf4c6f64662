//! Popups: help, summary, skipped files and explanations, and keys while one is open.

use crate::tui::action::{Action, Context, Msg};
use crate::tui::explain;
use crate::tui::keymap::{INPUT_HELP, Keymap};
use crate::tui::state::{CompareState, DocLine, LibraryState, Popup, PopupKind, State};

pub(super) fn popup_update(state: &mut State, msg: Msg) {
    let Some(p) = state.popup.as_mut() else {
        return;
    };
    let page = popup_rows(state.size.1);
    let last = p.lines.len().saturating_sub(page);
    match msg {
        Msg::Do(Action::Back) | Msg::Do(Action::Select) => state.popup = None,
        Msg::Do(Action::Help) if p.kind == PopupKind::Help => state.popup = None,
        Msg::Do(Action::Summary) if p.kind == PopupKind::Summary => state.popup = None,
        Msg::Do(Action::Help) => state.popup = Some(help_popup(state)),
        Msg::Do(Action::Summary) => {
            if let Some(c) = &state.compare {
                state.popup = Some(summary_popup(c));
            } else if let Some(s) = &state.story {
                state.popup = Some(super::story::summary_popup(s, &state.keymap));
            }
        }
        Msg::Do(Action::MoveDown) => p.scroll = (p.scroll + 1).min(last),
        Msg::Do(Action::MoveUp) => p.scroll = p.scroll.saturating_sub(1),
        Msg::Do(Action::PageDown) => p.scroll = (p.scroll + page).min(last),
        Msg::Do(Action::PageUp) => p.scroll = p.scroll.saturating_sub(page),
        Msg::Do(Action::Top) => p.scroll = 0,
        Msg::Do(Action::Bottom) => p.scroll = last,
        Msg::Scroll(n) => p.scroll = p.scroll.saturating_add_signed(n as isize).min(last),
        _ => {}
    }
}

/// Lines of text a popup shows at once in a terminal `height` rows high (its border and the
/// margin around it taken off).
pub(in crate::tui) fn popup_rows(height: u16) -> usize {
    (height as usize).saturating_sub(4).max(1)
}

/// The key help, scrolled to the keys of the screen it was opened on.
pub(super) fn help_popup(state: &State) -> Popup {
    let here = if state.compare.is_some() {
        Context::Compare
    } else if state.story.is_some() {
        Context::Story
    } else {
        Context::Library
    };
    let mut lines = Vec::new();
    let mut start = 0;
    for (ctx, keys) in state.keymap.help() {
        if ctx == here {
            start = lines.len();
        }
        lines.push(DocLine::Heading(ctx.title().to_string()));
        for (k, d) in keys {
            lines.push(DocLine::Key(k, d.to_string()));
        }
        lines.push(DocLine::Blank);
    }
    lines.push(DocLine::Heading(
        "Filter, search box and address line".to_string(),
    ));
    for (k, d) in INPUT_HELP {
        lines.push(DocLine::Key(k.to_string(), d.to_string()));
    }
    lines.push(DocLine::Blank);
    lines.push(DocLine::Heading("Gutter".to_string()));
    let moved = format!(
        "moved: counterpart elsewhere ({} jumps)",
        state.keymap.name_of(Action::JumpMoved)
    );
    for (g, d) in [
        ("═", "aligned: both report this"),
        (
            "╪",
            "aligned; one side joins sentences from separate places",
        ),
        ("⇄", &moved),
        ("◀", "only in A"),
        ("▶", "only in B"),
        ("·", "boilerplate / headline, not compared"),
    ] {
        lines.push(DocLine::Key(g.to_string(), d.to_string()));
    }
    lines.push(DocLine::Blank);
    lines.push(DocLine::Heading("Story coverage".to_string()));
    for (g, d) in [
        ("●", "this outlet (in column order) reports the fact"),
        ("○", "it leaves the fact out"),
        (
            "— not reported —",
            "a fact others report that this outlet leaves out",
        ),
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
    let scroll = start.min(lines.len().saturating_sub(popup_rows(state.size.1)));
    Popup {
        kind: PopupKind::Help,
        title: "Keys".to_string(),
        lines,
        scroll,
    }
}

pub(super) fn summary_popup(c: &CompareState) -> Popup {
    Popup {
        kind: PopupKind::Summary,
        title: "Summary".to_string(),
        lines: explain::summary(&c.cmp),
        scroll: 0,
    }
}

pub(super) fn skipped_popup(lib: &LibraryState) -> Popup {
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

pub(super) fn explain_popup(c: &CompareState, keymap: &Keymap) -> Popup {
    let lines = explain::explain(c, keymap);
    Popup {
        kind: PopupKind::Explain,
        title: "Why is this marked?".to_string(),
        lines,
        scroll: 0,
    }
}
