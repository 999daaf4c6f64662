//! Drawing the library screen: the article table and the preview.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::text::ParagraphRole;
use crate::text::sanitize::{sanitize, sanitize_cells};
use crate::tui::action::Action;
use crate::tui::keymap::INPUT_CANCEL;
use crate::tui::layout::LibraryLayout;
use crate::tui::state::{LibraryState, State};
use crate::tui::theme::Theme;

use super::{hints_line, status_line, truncate};

/// The calendar day of an ISO 8601 date-time ("2017-11-14T18:40:00+03:00" → "2017-11-14"), so
/// the library's Date column shows the day rather than a cut-off timestamp; other dates as given.
pub(super) fn calendar_day(date: &str) -> &str {
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

pub(super) fn draw_library(
    state: &State,
    lib: &LibraryState,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let filter_shown = crate::tui::update::filter_shown(lib);
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
        crate::tui::address::draw_line(&lib.address, theme, l.filter, buf);
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
        let clear = if lib.filter.editing {
            INPUT_CANCEL.to_string()
        } else {
            state.keymap.name_of(Action::Clear)
        };
        buf.set_stringn(
            l.table.x + 2,
            l.table.y,
            if lib.rows.is_empty() {
                "no articles loaded".to_string()
            } else {
                format!("no article matches the filter — {clear} clears it")
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
            state.keymap.name_of(Action::ShowSkipped)
        ),
    };
    status_line(state, hints, right, theme, l.status, buf);
}

pub(super) fn draw_preview(lib: &LibraryState, theme: &Theme, area: Rect, buf: &mut Buffer) {
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
