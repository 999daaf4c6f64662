//! Drawing the compare screen: headers, legend, the two panes and the gutter.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::compare::HighlightKind;
use crate::compare::{RowKind, Side};
use crate::text::sanitize::sanitize;
use crate::tui::action::Action;
use crate::tui::layout::CompareLayout;
use crate::tui::state::{CompareState, State};
use crate::tui::theme::Theme;

use super::{hints_line, status_line, truncate};

pub(super) fn kind_style(theme: &Theme, kind: HighlightKind) -> Style {
    match kind {
        HighlightKind::SharedQuote => theme.quote,
        HighlightKind::ChangedWords => theme.framing,
        HighlightKind::LoadedTerm => theme.loaded_strong,
        HighlightKind::SharedLoadedTerm => theme.loaded_weak,
        HighlightKind::QuotedLoadedTerm => theme.loaded_quoted,
        HighlightKind::ScareQuote => theme.scare,
        HighlightKind::DistinctiveTerm => theme.distinctive,
        // Their rows are dimmed as a whole.
        HighlightKind::Headline | HighlightKind::Boilerplate => Style::new(),
        HighlightKind::Dateline => theme.dim,
    }
}

pub(super) fn draw_compare(
    state: &State,
    c: &CompareState,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let l = CompareLayout::new(area, c.search.input.editing);
    for (side, rect) in [(Side::A, l.header_a), (Side::B, l.header_b)] {
        let (title, meta) = c.model.headers.get(side);
        let (name, style) = match side {
            Side::A => (" A ", theme.marked_a),
            Side::B => (" B ", theme.marked_b),
        };
        let tag = if c.focus == side {
            style.add_modifier(Modifier::REVERSED)
        } else {
            style
        };
        let w = rect.width.saturating_sub(4) as usize;
        Line::from(vec![
            Span::styled(name, tag),
            Span::raw(" "),
            Span::styled(truncate(title, w), theme.title),
        ])
        .render(Rect { height: 1, ..rect }, buf);
        Line::from(Span::styled(
            format!("    {}", truncate(meta, w)),
            theme.dim,
        ))
        .render(
            Rect {
                y: rect.y + 1,
                height: 1,
                ..rect
            },
            buf,
        );
    }
    draw_legend(state, c, theme, l.legend, buf);
    draw_rows(c, theme, &l, buf);
    if c.search.input.editing {
        let last = if c.search.query.is_empty() {
            String::new()
        } else {
            format!(
                "  enter alone searches '{}' again · ",
                truncate(&sanitize(&c.search.query), 20)
            )
        };
        let hint = format!("{last}esc cancels");
        c.search
            .input
            .draw(" search: ", &hint, theme, l.search, buf);
    }
    let searching = !c.search.hits.is_empty();
    let hints = hints_line(
        state,
        &[
            (Action::NextMatch, if searching { "match" } else { "" }),
            (Action::Search, if searching { "" } else { "search" }),
            (Action::NextQuote, "quote"),
            (Action::NextFraming, "framing"),
            (Action::NextLoaded, "loaded"),
            (Action::Select, "explain"),
            (Action::JumpBack, "back"),
            (Action::Summary, "summary"),
            (Action::Export, "export"),
            (Action::Help, "help"),
            (
                Action::Back,
                if searching {
                    "clear search"
                } else if state.story.is_some() {
                    "story"
                } else {
                    "library"
                },
            ),
        ],
        theme,
    );
    let right = format!(
        "row {}/{}",
        (c.cursor + 1).min(c.visible.len()),
        c.visible.len()
    );
    status_line(state, hints, right, theme, l.status, buf);
}

pub(super) fn draw_legend(
    state: &State,
    c: &CompareState,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let items = [
        (
            Action::ToggleQuotes,
            "quotes",
            theme.quote,
            c.toggles.quotes,
        ),
        (
            Action::ToggleFraming,
            "changed",
            theme.framing,
            c.toggles.framing,
        ),
        (
            Action::ToggleLoaded,
            "loaded",
            theme.loaded_strong,
            c.toggles.loaded,
        ),
        (Action::ToggleScare, "scare", theme.scare, c.toggles.scare),
        (
            Action::ToggleDistinctive,
            "distinctive",
            theme.distinctive,
            c.toggles.distinctive,
        ),
    ];
    let mut spans = vec![Span::raw(" ")];
    for (a, label, style, on) in items {
        spans.push(Span::styled(state.keymap.first_key(a), theme.dim));
        spans.push(Span::raw(" "));
        if on {
            spans.push(Span::styled(label, style));
            if a == Action::ToggleLoaded {
                spans.push(Span::raw("/"));
                spans.push(Span::styled("both", theme.loaded_weak));
                spans.push(Span::raw("/"));
                spans.push(Span::styled("quoted", theme.loaded_quoted));
            }
        } else {
            spans.push(Span::styled(
                format!("{label} off"),
                theme.dim.add_modifier(Modifier::CROSSED_OUT),
            ));
        }
        spans.push(Span::raw("  "));
    }
    let boiler = Span::styled(
        format!(
            "{} boilerplate {}",
            state.keymap.first_key(Action::ToggleBoilerplate),
            if c.toggles.boilerplate {
                "shown"
            } else {
                "hidden"
            }
        ),
        theme.dim,
    );
    let voice = Span::styled(
        format!(
            "  {} speech {}",
            state.keymap.first_key(Action::ToggleVoice),
            c.toggles.speech.name()
        ),
        theme.dim,
    );
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    if used + boiler.content.width() <= area.width as usize {
        spans.push(boiler);
        if used + spans.last().map_or(0, |s| s.content.width()) + voice.content.width()
            <= area.width as usize
        {
            spans.push(voice);
        }
    }
    Line::from(spans).render(area, buf);
}

pub(super) fn gutter_glyph(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Aligned => "═",
        RowKind::Moved => "⇄",
        RowKind::OnlyA => "◀",
        RowKind::OnlyB => "▶",
        RowKind::Excluded => "·",
    }
}

pub(super) fn draw_rows(c: &CompareState, theme: &Theme, l: &CompareLayout, buf: &mut Buffer) {
    let bottom = l.pane_a.bottom();
    let mut y = l.pane_a.y;
    for pos in c.top..c.visible.len() {
        if y >= bottom {
            break;
        }
        let ri = c.visible[pos];
        let (Some(row), Some(lines)) = (c.model.rows.get(ri), c.wrapped.lines.get(ri)) else {
            break;
        };
        let h = (c.wrapped.height(ri) as u16).min(bottom - y);
        let is_cursor = pos == c.cursor;
        let base = if row.kind == RowKind::Excluded {
            theme.dim
        } else {
            Style::new()
        };
        if is_cursor {
            for rect in [l.pane_a, l.pane_b] {
                buf.set_style(
                    Rect {
                        y,
                        height: h,
                        ..rect
                    },
                    theme.cursor,
                );
            }
        }
        for (side, pane) in [(Side::A, l.pane_a), (Side::B, l.pane_b)] {
            let st = row.sides.get(side);
            let current = c
                .current
                .as_ref()
                .filter(|t| t.row == ri && t.side == side)
                .map(|t| t.range.clone());
            let hits: Vec<Range<usize>> = c
                .search
                .hits
                .iter()
                .filter(|h| h.row == ri && h.side == side)
                .map(|h| h.range.clone())
                .collect();
            for (i, lr) in lines.get(side).iter().enumerate().take(h as usize) {
                let spans = styled_line(
                    c,
                    theme,
                    &st.text,
                    &st.marks,
                    &st.speech,
                    lr.clone(),
                    base,
                    &hits,
                    current.clone(),
                );
                Line::from(spans).render(
                    Rect {
                        y: y + i as u16,
                        height: 1,
                        ..pane
                    },
                    buf,
                );
            }
        }
        // A row one side joined from separate places is marked apart from a plain pair.
        let glyph = match (row.kind, row.joined) {
            (RowKind::Aligned, Some(_)) => "╪",
            (kind, _) => gutter_glyph(kind),
        };
        let gstyle = match row.kind {
            RowKind::Excluded => theme.dim,
            _ => theme.gutter,
        };
        buf.set_string(l.gutter.x + 1, y, glyph, gstyle);
        if is_cursor {
            let (x, arrow) = match c.focus {
                Side::A => (l.gutter.x, "‹"),
                Side::B => (l.gutter.x + 2, "›"),
            };
            buf.set_string(x, y, arrow, theme.title);
            buf.set_style(Rect::new(l.gutter.x, y, l.gutter.width, h), theme.status);
        }
        for dy in 1..h {
            if matches!(row.kind, RowKind::Aligned | RowKind::Moved) {
                buf.set_string(
                    l.gutter.x + 1,
                    y + dy,
                    "│",
                    gstyle.add_modifier(Modifier::DIM),
                );
            }
        }
        y += h;
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn styled_line(
    c: &CompareState,
    theme: &Theme,
    text: &str,
    marks: &[crate::tui::model::Mark],
    speech: &[Range<usize>],
    line: Range<usize>,
    base: Style,
    hits: &[Range<usize>],
    current: Option<Range<usize>>,
) -> Vec<Span<'static>> {
    let dim_speech = c.toggles.speech != crate::tui::model::SpeechView::Show;
    let mut layers: Vec<(Range<usize>, Style)> = Vec::new();
    if dim_speech {
        layers.extend(speech.iter().map(|r| (r.clone(), theme.dim)));
    }
    layers.extend(
        marks
            .iter()
            .filter(|m| c.toggles.shows(m.kind))
            .map(|m| (m.range.clone(), kind_style(theme, m.kind))),
    );
    layers.extend(hits.iter().map(|r| (r.clone(), theme.search)));
    layers.extend(current.map(|r| (r, theme.current)));
    layered_spans(text, line, base, &layers)
}

/// The pieces of `line` of `text`, each styled by `base` patched, in order, with the style of
/// every layer whose range covers it (later layers win where they conflict).
pub(super) fn layered_spans(
    text: &str,
    line: Range<usize>,
    base: Style,
    layers: &[(Range<usize>, Style)],
) -> Vec<Span<'static>> {
    let overlaps = |r: &Range<usize>| r.start < line.end && line.start < r.end;
    let active: Vec<&(Range<usize>, Style)> = layers.iter().filter(|(r, _)| overlaps(r)).collect();
    let mut cuts = vec![line.start, line.end];
    for (r, _) in &active {
        cuts.push(r.start.clamp(line.start, line.end));
        cuts.push(r.end.clamp(line.start, line.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::new();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let Some(piece) = text.get(s..e) else {
            continue;
        };
        let style = active
            .iter()
            .filter(|(r, _)| r.start <= s && e <= r.end)
            .fold(base, |style, (_, layer)| style.patch(*layer));
        spans.push(Span::styled(piece.to_string(), style));
    }
    spans
}
