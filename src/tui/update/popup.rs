//! Popups: help, summary, skipped files and explanations, and keys while one is open.

use crate::compare::PerSide;

use super::compare::class_on;
use crate::tui::action::Action;
use crate::tui::explain;
use crate::tui::keymap::INPUT_HELP;
use crate::tui::state::{CompareState, DocLine, LibraryState, Popup, PopupKind, State};

pub(super) fn popup_update(state: &mut State, action: Action) {
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

pub(super) fn help_popup(state: &State) -> Popup {
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

pub(super) fn explain_popup(c: &CompareState, lib: &LibraryState) -> Popup {
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
