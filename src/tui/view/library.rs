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
use crate::tui::state::{LibraryState, SortKey, State};
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
    if lib.sort != SortKey::Loaded {
        title.push(Span::styled(
            format!("· sorted by {} ", lib.sort.label()),
            theme.dim,
        ));
    }
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
    if !lib.mark_more.is_empty() {
        title.push(Span::styled(
            format!(" +{} ", lib.mark_more.len()),
            theme.title.add_modifier(Modifier::REVERSED),
        ));
        title.push(Span::raw(" "));
    }
    Line::from(title).render(l.title, buf);

    if lib.address.editing {
        crate::tui::address::draw_line(&lib.address, theme, l.filter, buf);
    } else if filter_shown {
        let count = format!("  {} of {}", lib.visible.len(), lib.rows.len());
        lib.filter.draw(" filter: ", &count, theme, l.filter, buf);
    }

    let w = l.table.width as usize;
    let table = Table::new(lib, w);
    buf.set_stringn(
        l.table_header.x,
        l.table_header.y,
        table.header(lib.sort),
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
        if lib.rows.get(i).is_none() {
            continue;
        }
        let y = l.table.y + (n - lib.offset) as u16;
        let (m, mstyle) = if lib.mark_a == Some(i) {
            ("A", theme.marked_a.add_modifier(Modifier::REVERSED))
        } else if lib.mark_b == Some(i) {
            ("B", theme.marked_b.add_modifier(Modifier::REVERSED))
        } else if let Some(k) = lib.mark_more.iter().position(|&m| m == i) {
            (
                ["C", "D", "E", "F", "G", "H"]
                    .get(k)
                    .copied()
                    .unwrap_or("+"),
                theme.title.add_modifier(Modifier::REVERSED),
            )
        } else {
            ("", Style::new())
        };
        let line = table.row(lib, i, m);
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
            (Action::Sort, "sort"),
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

/// Pad `s` with spaces to `width` columns (cutting it with `…` when wider).
fn pad(s: &str, width: usize, right: bool) -> String {
    let t = truncate(s, width);
    let fill = " ".repeat(width.saturating_sub(t.width()));
    if right { fill + &t } else { t + &fill }
}

/// The columns of the library table at one width: the id, outlet and date columns as wide as
/// their widest entry (a column nobody fills left out, the id and outlet narrowed on a small
/// screen), and the title taking the rest.
struct Table {
    id: usize,
    outlet: usize,
    date: usize,
    related: bool,
    title: usize,
}

const WORDS_W: usize = 6;
const STORY_W: usize = 5;
const RELATED_W: usize = 5;

impl Table {
    fn new(lib: &LibraryState, width: usize) -> Table {
        let c = lib.columns;
        let related = lib.related.is_some();
        let mut id = c.id.clamp(2, 28);
        let mut outlet = if c.outlets { c.outlet.clamp(6, 20) } else { 0 };
        let date = if c.dates { 10 } else { 0 };
        let fixed = |id: usize, outlet: usize| {
            2 + id
                + 1
                + if outlet > 0 { outlet + 1 } else { 0 }
                + if date > 0 { date + 1 } else { 0 }
                + WORDS_W
                + 1
                + STORY_W
                + 1
                + if related { RELATED_W + 1 } else { 0 }
        };
        // The title keeps at least 45% of the width: the id, then the outlet give way.
        let budget = width.saturating_sub(width * 45 / 100);
        while fixed(id, outlet) > budget && (id > 12 || outlet > 8) {
            if id > 12 && (id >= outlet || outlet <= 8) {
                id -= 1;
            } else {
                outlet -= 1;
            }
        }
        let title = width.saturating_sub(fixed(id, outlet)).max(1);
        Table {
            id,
            outlet,
            date,
            related,
            title,
        }
    }

    fn line(&self, cells: [&str; 7], sorted: Option<usize>) -> String {
        let [m, id, outlet, date, words, story, rel] = cells;
        let cell = |k: usize, s: &str| -> String {
            if sorted == Some(k) {
                format!("{s}▾")
            } else {
                s.to_string()
            }
        };
        let mut s = format!("{m:<2}{} ", pad(&cell(1, id), self.id, false));
        if self.outlet > 0 {
            s += &format!("{} ", pad(&cell(2, outlet), self.outlet, false));
        }
        if self.date > 0 {
            s += &format!("{} ", pad(&cell(3, date), self.date, false));
        }
        s += &format!(
            "{} {} ",
            pad(words, WORDS_W, true),
            pad(&cell(5, story), STORY_W, true)
        );
        if self.related {
            s += &format!("{} ", pad(&cell(6, rel), RELATED_W, true));
        }
        s
    }

    fn header(&self, sort: SortKey) -> String {
        let sorted = match sort {
            SortKey::Loaded => None,
            SortKey::Outlet => Some(2),
            SortKey::Date => Some(3),
            SortKey::Story => Some(5),
            SortKey::Title => Some(7),
            SortKey::Related => Some(6),
        };
        let title = if sorted == Some(7) {
            "Title▾"
        } else {
            "Title"
        };
        self.line(["", "Id", "Outlet", "Date", "Words", "Story", "~A"], sorted)
            + &truncate(title, self.title)
    }

    fn row(&self, lib: &LibraryState, i: usize, mark: &str) -> String {
        let Some(r) = lib.rows.get(i) else {
            return String::new();
        };
        let rel = match &lib.related {
            Some(_) if lib.mark_a == Some(i) => "A".to_string(),
            Some(v) => format!("{:.0}%", v.get(i).copied().unwrap_or(0.0) * 100.0),
            None => String::new(),
        };
        let story = lib
            .stories
            .of(i)
            .map(|s| format!("#{}", s.number))
            .unwrap_or_default();
        self.line(
            [
                mark,
                &r.id,
                &r.outlet,
                calendar_day(&r.date),
                &r.words.to_string(),
                &story,
                &rel,
            ],
            None,
        ) + &truncate(&r.title, self.title)
    }
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
        Line::styled(format!("{} · {}", row.id, row.source), theme.dim),
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
