//! Drawing: `view(&State, &Theme, &mut Frame)` reads the state and never changes it.
//!
//! The compare screen draws only the rows that intersect the viewport, from line breaks
//! computed in update; the cost of a frame does not grow with the length of the articles.

use std::ops::Range;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::compare::{RowKind, Side};
use crate::text::ParagraphRole;
use crate::text::sanitize::{sanitize, sanitize_cells};

use super::action::Action;
use super::layout::{self, CompareLayout, LibraryLayout, MIN_HEIGHT, MIN_WIDTH};
use super::model::{Class, wrap};
use super::state::{CompareState, DocLine, LibraryState, Popup, State};
use super::theme::Theme;
use super::update::shown;

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// The calendar day of an ISO 8601 date-time ("2017-11-14T18:40:00+03:00" → "2017-11-14"), so
/// the library's Date column shows the day rather than a cut-off timestamp; other dates as given.
fn calendar_day(date: &str) -> &str {
    let b = date.as_bytes();
    let iso_day = b.len() > 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if iso_day { &date[..10] } else { date }
}

/// Draw the whole screen.
pub fn view(state: &State, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    draw(state, theme, area, buf);
}

/// Draw the whole screen into a buffer (the same as [`view`], for tests and benchmarks).
pub fn draw(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if layout::too_small(area) {
        too_small(area, buf);
        return;
    }
    match &state.compare {
        Some(c) => draw_compare(state, c, theme, area, buf),
        None => draw_library(state, &state.library, theme, area, buf),
    }
    if let Some(p) = &state.popup {
        draw_popup(state, p, theme, area, buf);
    }
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let msg = format!(
        "terminal too small: need at least {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
        area.width, area.height
    );
    let lines = wrap(&msg, area.width as usize);
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, r) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let text = &msg[r.clone()];
        let x = area.x + area.width.saturating_sub(text.width() as u16) / 2;
        buf.set_stringn(x, y, text, area.width as usize, Style::new());
    }
}

fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

fn hints_line(
    state: &State,
    actions: &[(Action, &'static str)],
    theme: &Theme,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (k, label) in state.keymap.hints(actions) {
        spans.push(Span::styled(format!(" {k}"), theme.title));
        spans.push(Span::raw(format!(" {label} ")));
    }
    spans
}

fn status_line(
    state: &State,
    left: Vec<Span<'static>>,
    right: String,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    buf.set_style(area, theme.status);
    let mut spans = Vec::new();
    if let Some(p) = &state.pending {
        let name = |i: usize| {
            state
                .library
                .rows
                .get(i)
                .map(|r| truncate(&r.outlet, 16))
                .unwrap_or_default()
        };
        spans.push(Span::styled(
            format!(
                " {} comparing {} with {}… (esc cancels) ",
                SPINNER[p.frame % SPINNER.len()],
                name(p.a),
                name(p.b)
            ),
            theme.title,
        ));
    } else if let Some(m) = &state.status.message {
        spans.push(Span::raw(format!(" {m} ")));
    } else if let Some(e) = &state.status.error {
        spans.push(Span::styled(format!(" {e} "), theme.error));
    } else {
        spans.extend(left);
    }
    let right_w = right.width() as u16;
    let left_area = Rect {
        width: area.width.saturating_sub(right_w + 2),
        ..area
    };
    // Hints come in (key, label) pairs: drop whole pairs from the end until they fit.
    let width = |s: &[Span]| s.iter().map(|s| s.content.width()).sum::<usize>();
    while state.pending.is_none()
        && state.status.message.is_none()
        && state.status.error.is_none()
        && spans.len() >= 2
        && width(&spans) > left_area.width as usize
    {
        spans.truncate(spans.len() - 2);
    }
    Line::from(spans).render(left_area, buf);
    if right_w > 0 && right_w < area.width {
        buf.set_string(area.right() - right_w - 1, area.y, &right, Style::new());
    }
}

// ---------------------------------------------------------------------------------------
// Library

fn draw_library(state: &State, lib: &LibraryState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let filter_shown = super::update::filter_shown(lib);
    let l = LibraryLayout::new(area, filter_shown, lib.visible.len());
    let mut title = vec![
        Span::styled(" parallax ", theme.accent.add_modifier(Modifier::BOLD)),
        Span::raw(format!("· {} articles ", lib.rows.len())),
    ];
    let mark = |m: Option<usize>| {
        m.and_then(|i| lib.rows.get(i))
            .map(|r| truncate(&format!("{} — {}", r.outlet, r.title), 40))
    };
    if let Some(a) = mark(lib.mark_a) {
        title.push(Span::styled(
            " A ",
            theme.marked_a.add_modifier(Modifier::REVERSED),
        ));
        title.push(Span::raw(format!(" {a} ")));
    }
    if let Some(b) = mark(lib.mark_b) {
        title.push(Span::styled(
            " B ",
            theme.marked_b.add_modifier(Modifier::REVERSED),
        ));
        title.push(Span::raw(format!(" {b} ")));
    }
    Line::from(title).render(l.title, buf);

    if lib.address.editing {
        super::address::draw_line(&lib.address, theme, l.filter, buf);
    } else if filter_shown {
        let cursor = if lib.filter.editing { "▏" } else { "" };
        Line::from(vec![
            Span::styled(" filter: ", theme.accent),
            Span::raw(format!("{}{cursor}", sanitize(&lib.filter.query))),
            Span::styled(
                format!("  {} of {}", lib.visible.len(), lib.rows.len()),
                theme.dim,
            ),
        ])
        .render(l.filter, buf);
    }

    let related = lib.related.is_some();
    let w = l.table.width as usize;
    let (outlet_w, date_w, words_w, story_w, rel_w) = (
        18usize,
        10usize,
        6usize,
        5usize,
        if related { 5 } else { 0 },
    );
    let fixed = 2
        + outlet_w
        + 1
        + date_w
        + 1
        + words_w
        + 1
        + story_w
        + 1
        + if related { rel_w + 1 } else { 0 };
    let title_w = w.saturating_sub(fixed).max(1);
    let cols = |m: &str, o: &str, d: &str, wd: &str, st: &str, r: &str, t: &str| {
        let mut s = format!(
            "{m:<2}{:<ow$} {:<dw$} {:>ww$} {:>sw$} ",
            truncate(o, outlet_w),
            truncate(d, date_w),
            wd,
            truncate(st, story_w),
            ow = outlet_w,
            dw = date_w,
            ww = words_w,
            sw = story_w
        );
        if related {
            s.push_str(&format!("{r:>rel_w$} "));
        }
        s.push_str(&truncate(t, title_w));
        s
    };
    buf.set_stringn(
        l.table_header.x,
        l.table_header.y,
        cols("", "Outlet", "Date", "Words", "Story", "~A", "Title"),
        w,
        theme.title.add_modifier(Modifier::UNDERLINED),
    );
    if lib.visible.is_empty() {
        buf.set_stringn(
            l.table.x + 2,
            l.table.y,
            if lib.rows.is_empty() {
                "no articles loaded"
            } else {
                "no article matches the filter — esc clears it"
            },
            w.saturating_sub(2),
            theme.dim,
        );
    }
    for (n, &i) in lib
        .visible
        .iter()
        .enumerate()
        .skip(lib.offset)
        .take(l.table.height as usize)
    {
        let Some(r) = lib.rows.get(i) else { continue };
        let y = l.table.y + (n - lib.offset) as u16;
        let (m, mstyle) = if lib.mark_a == Some(i) {
            ("A", theme.marked_a.add_modifier(Modifier::REVERSED))
        } else if lib.mark_b == Some(i) {
            ("B", theme.marked_b.add_modifier(Modifier::REVERSED))
        } else {
            ("", Style::new())
        };
        let rel = match &lib.related {
            Some(v) if lib.mark_a == Some(i) => "A".to_string(),
            Some(v) => format!("{:.0}%", v.get(i).copied().unwrap_or(0.0) * 100.0),
            None => String::new(),
        };
        let story = lib
            .stories
            .of(i)
            .map(|s| format!("#{}", s.number))
            .unwrap_or_default();
        let line = cols(
            m,
            &r.outlet,
            calendar_day(&r.date),
            &r.words.to_string(),
            &story,
            &rel,
            &r.title,
        );
        let row_area = Rect::new(l.table.x, y, l.table.width, 1);
        let style = if n == lib.cursor {
            theme.cursor
        } else {
            Style::new()
        };
        buf.set_style(row_area, style);
        buf.set_stringn(l.table.x, y, &line, w, Style::new());
        if !m.is_empty() {
            buf.set_string(l.table.x, y, m, mstyle);
        }
        if n == lib.cursor {
            buf.set_string(l.table.x + 1, y, "›", theme.title);
        }
    }
    draw_preview(lib, theme, l.preview, buf);

    let hints = hints_line(
        state,
        &[
            (Action::Search, "filter"),
            (Action::MarkNext, "mark"),
            (Action::SuggestPair, "suggest pair"),
            (Action::Select, "compare"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
            (Action::AddAddress, "add address"),
            (Action::MarkA, "A"),
            (Action::MarkB, "B"),
        ],
        theme,
    );
    let right = match (lib.loading, lib.skipped.len()) {
        _ if lib.address.busy() => lib.address.activity().unwrap_or_default(),
        (Some((done, total)), _) => format!("loading {done} of {total} files…"),
        _ if lib.analysing => "grouping stories…".to_string(),
        (None, 0) => String::new(),
        (None, n) => format!(
            "{n} file{} skipped — press {} to see why",
            if n == 1 { "" } else { "s" },
            state.keymap.first_key(&Action::ShowSkipped)
        ),
    };
    status_line(state, hints, right, theme, l.status, buf);
}

fn draw_preview(lib: &LibraryState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let block = Block::new()
        .borders(Borders::TOP | Borders::LEFT)
        .border_style(theme.accent)
        .title(" Preview ");
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(i) = lib.current() else { return };
    let (Some(art), Some(row)) = (lib.article(i), lib.rows.get(i)) else {
        return;
    };
    let mut lines = vec![
        Line::styled(row.title.clone(), theme.title),
        Line::from(vec![
            Span::styled(row.outlet.clone(), theme.accent),
            Span::raw(format!(
                "{}{} · {} words",
                if row.date.is_empty() { "" } else { " · " },
                row.date,
                row.words
            )),
        ]),
        Line::styled(row.source.clone(), theme.dim),
    ];
    if let Some(story) = lib.stories.of(i) {
        lines.push(Line::from(vec![
            Span::styled(format!("Story #{}", story.number), theme.accent),
            Span::raw(format!(
                " · {} articles · {}",
                story.members.len(),
                sanitize(&story.terms.join(", ")).replace(['\n', '\t'], " ")
            )),
        ]));
    }
    lines.push(Line::raw(""));
    // Enough paragraphs to fill the pane; the rest is never laid out.
    let mut budget = inner.height as usize * inner.width.max(1) as usize;
    for p in &art.analysis.paragraphs {
        if budget == 0 {
            break;
        }
        if p.role == ParagraphRole::Title {
            continue;
        }
        let text: String = sanitize_cells(p.span.slice(&art.text))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        budget = budget.saturating_sub(text.width() + inner.width as usize);
        let style = if p.role.is_boilerplate() {
            theme.dim
        } else {
            Style::new()
        };
        lines.push(Line::styled(text, style));
        lines.push(Line::raw(""));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}

// ---------------------------------------------------------------------------------------
// Compare

fn class_style(theme: &Theme, class: Class) -> Style {
    match class {
        Class::Quote => theme.quote,
        Class::Framing => theme.framing,
        Class::LoadedStrong => theme.loaded_strong,
        Class::LoadedWeak => theme.loaded_weak,
        Class::Scare => theme.scare,
        Class::Distinctive => theme.distinctive,
        Class::Furniture => theme.dim,
    }
}

fn draw_compare(state: &State, c: &CompareState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let l = CompareLayout::new(area, c.search.editing);
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
    if c.search.editing {
        Line::from(vec![
            Span::styled(" search: ", theme.accent),
            Span::raw(format!("{}▏", sanitize(&c.search.query))),
        ])
        .render(l.search, buf);
    }
    let hints = hints_line(
        state,
        &[
            (Action::NextQuote, "quote"),
            (Action::NextFraming, "framing"),
            (Action::NextLoaded, "loaded"),
            (Action::Select, "explain"),
            (Action::Summary, "summary"),
            (Action::Export, "export"),
            (Action::Help, "help"),
            (Action::Back, "back"),
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

fn draw_legend(state: &State, c: &CompareState, theme: &Theme, area: Rect, buf: &mut Buffer) {
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
        spans.push(Span::styled(state.keymap.first_key(&a), theme.dim));
        spans.push(Span::raw(" "));
        if on {
            spans.push(Span::styled(label, style));
            if a == Action::ToggleLoaded {
                spans.push(Span::raw("/"));
                spans.push(Span::styled("both", theme.loaded_weak));
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
            state.keymap.first_key(&Action::ToggleBoilerplate),
            if c.toggles.boilerplate {
                "shown"
            } else {
                "hidden"
            }
        ),
        theme.dim,
    );
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    if used + boiler.content.width() <= area.width as usize {
        spans.push(boiler);
    }
    Line::from(spans).render(area, buf);
}

fn gutter_glyph(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Aligned => "═",
        RowKind::Moved => "⇄",
        RowKind::OnlyA => "◀",
        RowKind::OnlyB => "▶",
        RowKind::Excluded => "·",
    }
}

fn draw_rows(c: &CompareState, theme: &Theme, l: &CompareLayout, buf: &mut Buffer) {
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
        let glyph = gutter_glyph(row.kind);
        let gstyle = match row.kind {
            RowKind::Aligned => theme.accent,
            RowKind::Moved => theme.scare,
            RowKind::OnlyA => theme.marked_a,
            RowKind::OnlyB => theme.marked_b,
            RowKind::Excluded => theme.dim,
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
fn styled_line(
    c: &CompareState,
    theme: &Theme,
    text: &str,
    marks: &[super::model::Mark],
    line: Range<usize>,
    base: Style,
    hits: &[Range<usize>],
    current: Option<Range<usize>>,
) -> Vec<Span<'static>> {
    let overlaps = |r: &Range<usize>| r.start < line.end && line.start < r.end;
    let mut cuts = vec![line.start, line.end];
    let active: Vec<&super::model::Mark> = marks
        .iter()
        .filter(|m| shown(c, m.class) && overlaps(&m.range))
        .collect();
    for m in &active {
        cuts.push(m.range.start.clamp(line.start, line.end));
        cuts.push(m.range.end.clamp(line.start, line.end));
    }
    for r in hits.iter().chain(current.iter()) {
        if overlaps(r) {
            cuts.push(r.start.clamp(line.start, line.end));
            cuts.push(r.end.clamp(line.start, line.end));
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::new();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let Some(piece) = text.get(s..e) else {
            continue;
        };
        let inside = |r: &Range<usize>| r.start <= s && e <= r.end;
        let mut style = base;
        for m in &active {
            if inside(&m.range) {
                style = style.patch(class_style(theme, m.class));
            }
        }
        if hits.iter().any(inside) {
            style = style.patch(theme.search);
        }
        if current.as_ref().is_some_and(inside) {
            style = style.patch(theme.current);
        }
        spans.push(Span::styled(piece.to_string(), style));
    }
    spans
}

// ---------------------------------------------------------------------------------------
// Popups

fn draw_popup(state: &State, p: &Popup, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = match p.kind {
        super::state::PopupKind::Summary => area.width.saturating_sub(4).min(150),
        _ => area.width.saturating_sub(4).min(96),
    };
    let inner_w = width.saturating_sub(4) as usize;
    let mut lines: Vec<Line<'static>> = Vec::new();
    for d in &p.lines {
        match d {
            DocLine::Heading(t) => {
                push_wrapped(&mut lines, t, inner_w, theme.title.patch(theme.accent))
            }
            DocLine::Text(t) => push_wrapped(&mut lines, t, inner_w, Style::new()),
            DocLine::Dim(t) => push_wrapped(&mut lines, t, inner_w, theme.dim),
            DocLine::Blank => lines.push(Line::raw("")),
            DocLine::Key(k, d) => lines.push(Line::from(vec![
                Span::styled(format!("{k:>14}  "), theme.title),
                Span::raw(d.clone()),
            ])),
            DocLine::Pair(a, b) => {
                let col = inner_w.saturating_sub(3) / 2;
                let wa = wrap(a, col);
                let wb = wrap(b, col);
                for i in 0..wa.len().max(wb.len()) {
                    let la = wa.get(i).map(|r| &a[r.clone()]).unwrap_or("");
                    let lb = wb.get(i).map(|r| &b[r.clone()]).unwrap_or("");
                    let pad = col.saturating_sub(la.width());
                    lines.push(Line::from(vec![
                        Span::raw(la.to_string()),
                        Span::raw(" ".repeat(pad)),
                        Span::styled(" │ ", theme.dim),
                        Span::raw(lb.to_string()),
                    ]));
                }
            }
        }
    }
    let height = (lines.len() as u16 + 2)
        .min(area.height.saturating_sub(2))
        .max(3);
    let rect = layout::centered(area, width, height);
    Clear.render(rect, buf);
    let close = state.keymap.first_key(&Action::Back);
    let block = Block::bordered()
        .border_style(theme.accent)
        .title(format!(" {} ", p.title))
        .title_bottom(format!(" {close} close · j/k scroll "));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let scroll = p.scroll.min(lines.len().saturating_sub(1));
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    for (i, line) in lines
        .into_iter()
        .skip(scroll)
        .take(inner.height as usize)
        .enumerate()
    {
        line.render(
            Rect {
                y: inner.y + i as u16,
                height: 1,
                ..inner
            },
            buf,
        );
    }
}

fn push_wrapped(out: &mut Vec<Line<'static>>, text: &str, width: usize, style: Style) {
    for r in wrap(text, width) {
        out.push(Line::styled(text[r].to_string(), style));
    }
}
