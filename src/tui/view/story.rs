//! Drawing the story screen: outlet names across, facts down, each cell an outlet's wording
//! with the story's marks, a coverage column (● reports the fact, ○ leaves it out), and
//! three lines about the fact and the mark under the cursor.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::compare::story::marks::and_list;
use crate::tui::action::Action;
use crate::tui::model::Mark;
use crate::tui::state::State;
use crate::tui::story::{StoryLayout, StoryState};
use crate::tui::theme::Theme;

use super::compare::kind_style;
use super::{hints_line, status_line, truncate};

/// What an empty cell says.
pub const OMITTED: &str = "— not reported —";

pub(super) fn draw_story(
    state: &State,
    s: &StoryState,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let l = StoryLayout::new(area, s.outlets());
    let sum = &s.story.summary;
    Line::from(vec![
        Span::styled(" parallax ", theme.accent.add_modifier(Modifier::BOLD)),
        Span::raw(format!(
            "· story of {} outlets · {} facts · {} reported by all · {} by one only",
            s.outlets(),
            sum.facts,
            sum.shared_by_all,
            sum.one_outlet
        )),
    ])
    .render(l.title, buf);
    draw_header(s, theme, &l, buf);
    draw_legend(theme, l.legend, buf);
    let sideways = state.keymap.pair_of(Action::PrevOutlet, Action::NextOutlet);
    draw_grid(s, theme, &l, &sideways, buf);
    let enter = state.keymap.name_of(Action::Select);
    draw_explain(s, theme, l.explain, &enter, buf);
    let hints = hints_line(
        state,
        &[
            (Action::MoveDown, "fact"),
            (Action::NextOutlet, "outlet"),
            (Action::NextOmission, "omission"),
            (Action::NextQuote, "quote"),
            (Action::NextFraming, "framing"),
            (Action::NextLoaded, "loaded"),
            (Action::Select, "pair"),
            (Action::Summary, "summary"),
            (Action::Export, "export"),
            (Action::Help, "help"),
            (Action::Back, "library"),
        ],
        theme,
    );
    let right = format!(
        "fact {}/{}",
        (s.cursor + 1).min(s.cells.len()),
        s.cells.len()
    );
    status_line(state, hints, right, theme, l.status, buf);
}

fn draw_header(s: &StoryState, theme: &Theme, l: &StoryLayout, buf: &mut Buffer) {
    let w = l.column_width as usize;
    for (i, a) in (s.left..s.outlets()).take(l.columns).enumerate() {
        let x = l.column_x(i);
        let name = s.names.get(a).map_or("", String::as_str);
        let style = if a == s.column {
            theme.title.add_modifier(Modifier::REVERSED)
        } else {
            theme.title
        };
        let label = truncate(&format!(" {name} "), w);
        buf.set_stringn(x, l.header.y, &label, w, style);
        let title = s.titles.get(a).map_or("", String::as_str);
        buf.set_stringn(x, l.header.y + 1, truncate(title, w), w, theme.dim);
    }
    // More outlets than fit: say which way they are.
    let more_left = s.left > 0;
    let more_right = s.left + l.columns < s.outlets();
    if more_left {
        buf.set_string(l.gutter.x, l.header.y, format!("◂{}", s.left), theme.title);
    }
    if more_right {
        let n = s.outlets() - s.left - l.columns;
        let tag = format!("{n}▸");
        let x = l.header.right().saturating_sub(tag.width() as u16);
        buf.set_string(x, l.header.y, tag, theme.title);
    }
}

fn draw_legend(theme: &Theme, area: Rect, buf: &mut Buffer) {
    let spans = vec![
        Span::raw(" ● reports it  "),
        Span::styled("○ leaves it out", theme.dim),
        Span::raw("   "),
        Span::styled("quoted by others too", theme.quote),
        Span::raw("  "),
        Span::styled("framing", theme.framing),
        Span::raw("  "),
        Span::styled("loaded", theme.loaded_strong),
        Span::raw("/"),
        Span::styled("shared", theme.loaded_weak),
        Span::raw("/"),
        Span::styled("quoted", theme.loaded_quoted),
        Span::raw("  "),
        Span::styled("scare quotes", theme.scare),
    ];
    Line::from(spans).render(area, buf);
}

fn draw_grid(s: &StoryState, theme: &Theme, l: &StoryLayout, sideways: &str, buf: &mut Buffer) {
    let bottom = l.grid.bottom();
    let mut y = l.grid.y;
    for f in s.top..s.cells.len() {
        if y >= bottom {
            break;
        }
        let (Some(row), Some(lines)) = (s.cells.get(f), s.lines.get(f)) else {
            break;
        };
        let h = (s.height(f, l.columns) as u16).min(bottom - y);
        let text_h = h.saturating_sub(1).max(1).min(bottom - y);
        let is_cursor = f == s.cursor;
        if is_cursor {
            buf.set_style(Rect::new(l.grid.x, y, l.grid.width, text_h), theme.cursor);
        }
        draw_coverage(s, f, theme, l.gutter.x, y, is_cursor, buf);
        let shown = s.left..s.left + l.columns;
        if let Some(fact) = s.story.facts.get(f)
            && !fact.carried_by.iter().any(|a| shown.contains(a))
        {
            // Only outlets scrolled out of view report it: one line says which.
            let v: Vec<&str> = fact
                .carried_by
                .iter()
                .filter_map(|&a| s.names.get(a).map(String::as_str))
                .collect();
            let verb = if v.len() == 1 { "reports" } else { "report" };
            let text = format!("· {} {verb} this ({sideways} scrolls)", and_list(&v));
            buf.set_stringn(
                l.grid.x + 1,
                y,
                truncate(&text, l.grid.width.saturating_sub(1) as usize),
                l.grid.width as usize,
                theme.dim,
            );
            if is_cursor {
                buf.set_string(l.grid.x.saturating_sub(1), y, "›", theme.title);
            }
            y += h;
            continue;
        }
        for (i, a) in (s.left..s.outlets()).take(l.columns).enumerate() {
            let x = l.column_x(i);
            let pane = Rect::new(x, y, l.column_width, text_h);
            if i > 0 {
                for dy in 0..text_h {
                    buf.set_string(x - 1, y + dy, "│", theme.gutter.add_modifier(Modifier::DIM));
                }
            }
            let current = s
                .current
                .as_ref()
                .filter(|t| t.fact == f && t.article == a)
                .and_then(|t| t.range.clone());
            match (row.get(a).and_then(Option::as_ref), lines.get(a)) {
                (Some(cell), Some(wrapped)) => {
                    for (k, lr) in wrapped.iter().enumerate().take(text_h as usize) {
                        let spans =
                            styled(theme, &cell.text, &cell.marks, lr.clone(), current.clone());
                        Line::from(spans).render(
                            Rect {
                                y: y + k as u16,
                                height: 1,
                                ..pane
                            },
                            buf,
                        );
                    }
                }
                _ => {
                    let omitted = s
                        .story
                        .facts
                        .get(f)
                        .is_some_and(|x| x.carried_by.len() >= 2);
                    let mut style = theme.dim.add_modifier(Modifier::ITALIC);
                    if is_cursor && a == s.column {
                        style = style.add_modifier(Modifier::REVERSED);
                    }
                    // A fact two or more outlets report is an omission; one outlet's own
                    // fact is simply not in the others.
                    let text = if omitted { OMITTED } else { "·" };
                    buf.set_stringn(x + 1, y, text, l.column_width as usize, style);
                }
            }
            if is_cursor && a == s.column {
                // In the separator (or the free column after the coverage dots).
                buf.set_string(x.saturating_sub(1), y, "›", theme.title);
            }
        }
        y += h;
    }
    if s.cells.is_empty() {
        buf.set_string(
            l.grid.x + 1,
            l.grid.y,
            "no facts: the articles have no text to compare",
            theme.dim,
        );
    }
}

/// One dot per outlet, filled where it reports the fact.
fn draw_coverage(
    s: &StoryState,
    f: usize,
    theme: &Theme,
    x: u16,
    y: u16,
    is_cursor: bool,
    buf: &mut Buffer,
) {
    let Some(fact) = s.story.facts.get(f) else {
        return;
    };
    let base = if is_cursor {
        theme.status
    } else {
        Style::new()
    };
    for a in 0..s.outlets() {
        let carries = fact.carried_by.contains(&a);
        let (glyph, style) = if carries {
            ("●", theme.gutter)
        } else {
            ("○", theme.dim)
        };
        buf.set_string(x + 1 + a as u16, y, glyph, base.patch(style));
    }
}

fn draw_explain(s: &StoryState, theme: &Theme, area: Rect, enter: &str, buf: &mut Buffer) {
    let Some(fact) = s.story.facts.get(s.cursor) else {
        return;
    };
    let names = |ix: &[usize]| {
        let v: Vec<&str> = ix
            .iter()
            .filter_map(|&i| s.names.get(i).map(String::as_str))
            .collect();
        and_list(&v)
    };
    let mut about = if fact.omitted_by.is_empty() {
        "every outlet reports this".to_string()
    } else if fact.carried_by.len() == 1 {
        format!("only {} reports this", names(&fact.carried_by))
    } else {
        format!(
            "{} report this · {} leave{} it out",
            names(&fact.carried_by),
            names(&fact.omitted_by),
            if fact.omitted_by.len() == 1 { "s" } else { "" }
        )
    };
    if !fact.quotations.is_empty() {
        let n = fact.quotations.len();
        about.push_str(&format!(
            " · {n} quotation{}",
            if n == 1 { "" } else { "s" }
        ));
    }
    let w = area.width.saturating_sub(2) as usize;
    Line::from(vec![
        Span::styled(format!(" Fact {}: ", s.cursor + 1), theme.title),
        Span::raw(truncate(&about, w.saturating_sub(12))),
    ])
    .render(Rect { height: 1, ..area }, buf);
    let name = |a: usize| s.names.get(a).map_or("", String::as_str);
    // The mark a jump went to, explained; else what Enter does here.
    let mark = s
        .current
        .as_ref()
        .filter(|t| t.fact == s.cursor && t.range.is_some())
        .map(|t| format!("{}: {}", name(t.article), t.why));
    let line = match (mark, s.pair_at_cursor()) {
        (Some(why), _) => Span::raw(why),
        (None, Some((x, y))) => {
            let other = if x == s.column { y } else { x };
            Span::styled(
                format!(
                    "{enter} compares {} with {} at this fact",
                    name(s.column),
                    name(other)
                ),
                theme.dim,
            )
        }
        (None, None) => Span::raw(""),
    };
    // Two lines, the second cut short if it must be.
    let text = line.content.to_string();
    let rows = crate::tui::model::wrap(&text, w);
    for (i, r) in rows.iter().take(2).enumerate() {
        let piece = if i == 1 && rows.len() > 2 {
            truncate(&text[r.start..], w)
        } else {
            text[r.clone()].to_string()
        };
        buf.set_stringn(area.x + 1, area.y + 1 + i as u16, piece, w, line.style);
    }
}

/// One wrapped line of a cell, its marks styled as in the comparison.
fn styled(
    theme: &Theme,
    text: &str,
    marks: &[Mark],
    line: Range<usize>,
    current: Option<Range<usize>>,
) -> Vec<Span<'static>> {
    let mut layers: Vec<(Range<usize>, Style)> = marks
        .iter()
        .map(|m| (m.range.clone(), kind_style(theme, m.kind)))
        .collect();
    layers.extend(current.map(|r| (r, theme.current)));
    super::compare::layered_spans(text, line, Style::new(), &layers)
}
