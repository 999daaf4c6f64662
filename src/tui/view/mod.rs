//! Drawing: `view(&State, &Theme, &mut Frame)` reads the state and never changes it.
//!
//! The compare screen draws only the rows that intersect the viewport, from line breaks
//! computed in update; the cost of a frame does not grow with the length of the articles.
//!
//! One module per screen (`library`, `compare`) and one for popups; the status line and the
//! key hints shared by the screens are here.

mod compare;
mod library;
mod popup;
mod story;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::action::Action;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::model::wrap;
use super::state::State;
use super::theme::Theme;

use compare::draw_compare;
use library::draw_library;
use popup::draw_popup;

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

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
        None => match &state.story {
            Some(s) => story::draw_story(state, s, theme, area, buf),
            None => draw_library(state, &state.library, theme, area, buf),
        },
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

pub(super) fn truncate(s: &str, width: usize) -> String {
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

pub(super) fn hints_line(
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

pub(super) fn status_line(
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
        // A swap waits on the compare screen, where Back cancels; a new comparison on the
        // library screen, where Clear does.
        let cancel = if state.compare.is_some() || state.story.is_some() {
            Action::Back
        } else {
            Action::Clear
        };
        let what = if p.story.is_empty() {
            format!("comparing {} with {}", name(p.a), name(p.b))
        } else {
            format!(
                "comparing the story of {} articles ({} pairs)",
                p.story.len(),
                p.story.len() * (p.story.len() - 1) / 2
            )
        };
        spans.push(Span::styled(
            format!(
                " {} {what}… ({} cancels) ",
                SPINNER[p.frame % SPINNER.len()],
                state.keymap.name_of(cancel)
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
