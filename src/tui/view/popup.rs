//! Drawing popups over the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use crate::tui::action::Action;
use crate::tui::layout;
use crate::tui::model::wrap;
use crate::tui::state::{DocLine, Popup, State};
use crate::tui::theme::Theme;

pub(super) fn draw_popup(state: &State, p: &Popup, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = match p.kind {
        crate::tui::state::PopupKind::Summary => area.width.saturating_sub(4).min(150),
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
    let close = state.keymap.name_of(Action::Back);
    let scroll = state.keymap.pair_of(Action::MoveDown, Action::MoveUp);
    let block = Block::bordered()
        .border_style(theme.accent)
        .title(format!(" {} ", p.title))
        .title_bottom(format!(" {close} close · {scroll} scroll "));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let scroll = p
        .scroll
        .min(lines.len().saturating_sub(inner.height as usize));
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

pub(super) fn push_wrapped(out: &mut Vec<Line<'static>>, text: &str, width: usize, style: Style) {
    for r in wrap(text, width) {
        out.push(Line::styled(text[r].to_string(), style));
    }
}
