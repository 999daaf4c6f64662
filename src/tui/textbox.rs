//! The reader's one-line text boxes — the library filter, the comparison's search box and the
//! address line — edited with the keys of readline and most shells: ←/→, Ctrl-←/→ and
//! Alt-B/Alt-F by word, Home/End or Ctrl-A/Ctrl-E, Ctrl-W and Alt-Backspace delete a word
//! back, Alt-D one forward, Ctrl-U and Ctrl-K to either end, Ctrl-Y puts back what was deleted.
//!
//! The text and cursor are a [`tui_input::Input`]; only what a terminal shows as itself is
//! typed in (no control or bidi characters).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use tui_input::{Input, InputRequest};
use unicode_width::UnicodeWidthStr;

use crate::text::sanitize::sanitize_line;

use super::action::{Edit, Msg};
use super::theme::Theme;

/// A one-line text box.
#[derive(Clone, Debug, Default)]
pub struct TextBox {
    /// The text typed and the cursor.
    pub input: Input,
    /// True while keys go into the box.
    pub editing: bool,
}

impl PartialEq for TextBox {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text()
            && self.input.cursor() == other.input.cursor()
            && self.editing == other.editing
    }
}

impl TextBox {
    /// The text typed.
    pub fn text(&self) -> &str {
        self.input.value()
    }

    /// Open the box, empty.
    pub fn open(&mut self) {
        self.editing = true;
        self.input.reset();
    }

    /// Replace the text (the cursor at its end).
    pub fn set(&mut self, text: &str) {
        self.input = Input::new(text.to_string());
    }

    /// Empty the box.
    pub fn clear(&mut self) {
        self.input.reset();
    }

    /// Apply a typing or editing message; true when the text changed. Other messages are
    /// left to the caller.
    pub fn edit(&mut self, msg: &Msg) -> bool {
        apply_edit(&mut self.input, msg)
    }

    /// Draw the box into `area` (one line): `prompt`, the text scrolled to keep the cursor in
    /// view, the cursor as a reversed cell while editing, then `hint` in the dim style when
    /// there is room.
    pub fn draw(&self, prompt: &str, hint: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
        draw_input(&self.input, self.editing, prompt, hint, theme, area, buf);
    }
}

/// Apply a typing or editing message to `input`; true when the text changed. Other messages
/// are left alone.
pub fn apply_edit(input: &mut Input, msg: &Msg) -> bool {
    let request = match msg {
        Msg::Input(c) if sanitize_line(&c.to_string()) == c.to_string() => {
            InputRequest::InsertChar(*c)
        }
        Msg::DeleteChar => InputRequest::DeletePrevChar,
        Msg::Edit(e) => match e {
            Edit::Left => InputRequest::GoToPrevChar,
            Edit::Right => InputRequest::GoToNextChar,
            Edit::WordLeft => InputRequest::GoToPrevWord,
            Edit::WordRight => InputRequest::GoToNextWord,
            Edit::Home => InputRequest::GoToStart,
            Edit::End => InputRequest::GoToEnd,
            Edit::DeleteNext => InputRequest::DeleteNextChar,
            Edit::DeleteWordBack => InputRequest::DeletePrevWord,
            Edit::DeleteWordNext => InputRequest::DeleteNextWord,
            Edit::DeleteToStart => InputRequest::DeleteFromStart,
            Edit::DeleteToEnd => InputRequest::DeleteTillEnd,
            Edit::Yank => InputRequest::Yank,
        },
        _ => return false,
    };
    let text = input.value().to_string();
    input.handle(request);
    input.value() != text
}

/// Draw `input` into `area` (one line), as [`TextBox::draw`] does.
pub fn draw_input(
    input: &Input,
    editing: bool,
    prompt: &str,
    hint: &str,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    buf.set_stringn(area.x, area.y, prompt, area.width as usize, theme.accent);
    let start = area.x + (prompt.width() as u16).min(area.width);
    let hint_w = if area.width as usize > prompt.width() + hint.width() + 20 {
        hint.width() as u16
    } else {
        0
    };
    let width = area.right().saturating_sub(start + hint_w + 1) as usize;
    if width == 0 {
        return;
    }
    let scroll = input.visual_scroll(width);
    let mut col = 0usize;
    let mut x = start;
    for g in unicode_segmentation::UnicodeSegmentation::graphemes(input.value(), true) {
        let w = g.width();
        if col < scroll {
            col += w;
            continue;
        }
        if (x - start) as usize + w > width {
            break;
        }
        buf.set_string(x, area.y, g, Style::new());
        x += w as u16;
        col += w;
    }
    if editing {
        let cursor_x = start + (input.visual_cursor().saturating_sub(scroll)).min(width) as u16;
        if cursor_x < area.right() {
            let cell = Rect::new(cursor_x, area.y, 1, 1);
            buf.set_style(cell, Style::new().add_modifier(Modifier::REVERSED));
        }
    }
    if hint_w > 0 {
        buf.set_stringn(
            area.right() - hint_w,
            area.y,
            hint,
            hint_w as usize,
            theme.dim,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> TextBox {
        let mut b = TextBox::default();
        for c in s.chars() {
            b.edit(&Msg::Input(c));
        }
        b
    }

    #[test]
    fn readline_keys_edit_the_text() {
        let mut b = typed("russia defense ministry");
        assert!(b.edit(&Msg::Edit(Edit::DeleteWordBack)));
        assert_eq!(b.text(), "russia defense ");
        b.edit(&Msg::Edit(Edit::Home));
        b.edit(&Msg::Edit(Edit::WordRight));
        b.edit(&Msg::Edit(Edit::DeleteToEnd));
        assert_eq!(b.text(), "russia ");
        b.edit(&Msg::Edit(Edit::Yank));
        assert_eq!(b.text(), "russia defense ");
        b.edit(&Msg::Edit(Edit::DeleteToStart));
        assert_eq!(b.text(), "");
    }

    #[test]
    fn control_characters_are_not_typed_in() {
        let b = typed("a\u{1b}b\u{202e}c");
        assert_eq!(b.text(), "abc");
    }
}
