//! Key bindings: the only place terminal key codes are known.
//!
//! A [`Keymap`] turns terminal events into [`Msg`]s (a bound key into its [`Action`]) for the
//! active [`Mode`]. It is built from the `[keys]` table of the configuration (defaults embedded
//! from `assets/config.toml`, patched by the user's file). The help overlay, the status-bar
//! hints and every message that names a key ask the same keymap ([`Keymap::name_of`]), so what
//! is shown is always what is bound.

use std::fmt;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::{Action, Context, Edit, Msg};

/// Rows scrolled per mouse-wheel step.
pub const WHEEL_ROWS: i16 = 3;

/// One key with its modifiers, as written in the config file (`ctrl-d`, `pgdn`, `G`, `?`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KeyChord {
    code: KeyCode,
    mods: KeyModifiers,
}

impl KeyChord {
    /// Parse a key string: an optional `ctrl-`/`alt-`/`shift-` prefix chain, then a single
    /// character or a key name (`enter`, `esc`, `tab`, `backtab`, `space`, `backspace`, `up`,
    /// `down`, `left`, `right`, `pgup`, `pgdn`, `home`, `end`, `delete`, `insert`, `f1`…`f12`).
    pub fn parse(s: &str) -> Result<KeyChord, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (m, len) = if lower.starts_with("ctrl-") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift-") {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            if rest.len() == len {
                return Err(format!("nothing after '{}'", &rest[..len]));
            }
            mods |= m;
            rest = &rest[len..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (None, _) => return Err("empty key".to_string()),
            (Some(c), None) if !c.is_control() => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n) if (1..=12).contains(&n) => KeyCode::F(n),
                    _ => return Err("unknown key name".to_string()),
                },
                _ => return Err("unknown key name".to_string()),
            },
        };
        Ok(KeyChord::new(code, mods))
    }

    fn new(code: KeyCode, mods: KeyModifiers) -> KeyChord {
        // A typed character already carries its shift state ('G', '?'); the SHIFT bit the
        // terminal may add is not part of the identity of the key.
        let mods = match code {
            KeyCode::Char(_) => mods - KeyModifiers::SHIFT,
            _ => mods,
        };
        let code = match code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            c => c,
        };
        KeyChord { code, mods }
    }

    fn from_event(k: &KeyEvent) -> KeyChord {
        KeyChord::new(k.code, k.modifiers)
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("backtab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("pgup"),
            KeyCode::PageDown => f.write_str("pgdn"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Insert => f.write_str("insert"),
            KeyCode::F(n) => write!(f, "f{n}"),
            _ => f.write_str("?"),
        }
    }
}

/// What the keyboard is currently driving.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Bound keys, looked up for this context.
    Normal(Context),
    /// A text box (filter or search) is being edited: characters are typed into it; Enter
    /// accepts, Esc cancels, Backspace deletes, ↑/↓ move, Ctrl-C quits.
    Input,
}

/// Key bindings: for each bindable action, the keys that trigger it.
#[derive(Clone, Debug, PartialEq)]
pub struct Keymap {
    bindings: Vec<(Action, Vec<KeyChord>)>,
}

impl Default for Keymap {
    fn default() -> Self {
        super::settings::Settings::default().keymap
    }
}

impl Keymap {
    /// A keymap from action → keys pairs. Earlier pairs win when a key is bound twice in a
    /// context.
    pub fn new(bindings: Vec<(Action, Vec<KeyChord>)>) -> Keymap {
        Keymap { bindings }
    }

    /// The keys bound to `action`.
    pub fn keys(&self, action: Action) -> &[KeyChord] {
        self.bindings
            .iter()
            .find(|(a, _)| *a == action)
            .map(|(_, k)| k.as_slice())
            .unwrap_or(&[])
    }

    /// The keys of `action` for display: `j/↓`.
    pub fn keys_label(&self, action: Action) -> String {
        let keys: Vec<String> = self.keys(action).iter().map(|k| k.to_string()).collect();
        keys.join("/")
    }

    /// The first key of `action` for display, or `""` when it has none.
    pub fn first_key(&self, action: Action) -> String {
        self.keys(action)
            .first()
            .map(|k| k.to_string())
            .unwrap_or_default()
    }

    /// The key to name in a message that tells the reader to press it: the first key of
    /// `action`, or its config name in brackets (`[toggle_boilerplate]`) when no key is bound.
    pub fn name_of(&self, action: Action) -> String {
        match self.keys(action).first() {
            Some(k) => k.to_string(),
            None => format!("[{}]", action.name()),
        }
    }

    /// Two actions' keys for a message, `n/N`.
    pub fn pair_of(&self, a: Action, b: Action) -> String {
        format!("{}/{}", self.name_of(a), self.name_of(b))
    }

    /// The action bound to `key` in `ctx`.
    pub fn lookup(&self, ctx: Context, key: KeyChord) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(a, keys)| a.contexts().contains(&ctx) && keys.contains(&key))
            .map(|(a, _)| *a)
    }

    /// Turn a terminal event into a message for `mode`.
    pub fn translate(&self, ev: &Event, mode: Mode) -> Option<Msg> {
        match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => self.translate_key(k, mode),
            Event::Resize(w, h) => Some(Msg::Resize {
                width: *w,
                height: *h,
            }),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollDown => Some(Msg::Scroll(WHEEL_ROWS)),
                MouseEventKind::ScrollUp => Some(Msg::Scroll(-WHEEL_ROWS)),
                MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click {
                    column: m.column,
                    row: m.row,
                }),
                _ => None,
            },
            _ => None,
        }
    }

    /// A terminal sends Esc followed closely by a key as that key with Alt held. When `ev` is
    /// such an Alt chord and nothing is bound to it in `mode`, it is returned as the two keys
    /// that were typed: Esc, then the key without Alt.
    pub fn split_alt(&self, ev: &Event, mode: Mode) -> Option<(Event, Event)> {
        let Event::Key(k) = ev else { return None };
        if !k.modifiers.contains(KeyModifiers::ALT) || self.translate(ev, mode).is_some() {
            return None;
        }
        let mut plain = *k;
        plain.modifiers.remove(KeyModifiers::ALT);
        let esc = Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        Some((esc, Event::Key(plain)))
    }

    fn translate_key(&self, k: &KeyEvent, mode: Mode) -> Option<Msg> {
        let chord = KeyChord::from_event(k);
        match mode {
            Mode::Normal(ctx) => self.lookup(ctx, chord).map(Msg::Do),
            Mode::Input => {
                if self.keys(Action::ForceQuit).contains(&chord) {
                    return Some(Msg::Do(Action::ForceQuit));
                }
                if let Some(e) = edit_key(k) {
                    return Some(Msg::Edit(e));
                }
                match k.code {
                    KeyCode::Esc => Some(Msg::Do(Action::Back)),
                    KeyCode::Enter => Some(Msg::Do(Action::Select)),
                    KeyCode::Backspace => Some(Msg::DeleteChar),
                    KeyCode::Up => Some(Msg::Do(Action::MoveUp)),
                    KeyCode::Down => Some(Msg::Do(Action::MoveDown)),
                    KeyCode::Char(c)
                        if !k
                            .modifiers
                            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                    {
                        Some(Msg::Input(c))
                    }
                    _ => None,
                }
            }
        }
    }

    /// The help text: for each context, every bound action with its keys and description.
    pub fn help(&self) -> Vec<(Context, Vec<(String, &'static str)>)> {
        Context::ALL
            .iter()
            .map(|&ctx| {
                let lines = self
                    .bindings
                    .iter()
                    .filter(|(a, keys)| a.contexts().contains(&ctx) && !keys.is_empty())
                    .map(|(a, _)| (self.keys_label(*a), a.describe(ctx)))
                    .collect();
                (ctx, lines)
            })
            .collect()
    }

    /// Short hints for the status bar: `key label` pairs for the given actions, skipping
    /// unbound ones and empty labels.
    pub fn hints(&self, actions: &[(Action, &'static str)]) -> Vec<(String, &'static str)> {
        actions
            .iter()
            .filter_map(|(a, label)| {
                let k = self.first_key(*a);
                (!k.is_empty() && !label.is_empty()).then_some((k, *label))
            })
            .collect()
    }
}

/// The key that cancels and clears the text box (not configurable).
pub const INPUT_CANCEL: &str = "esc";

/// The line-editing keys of a text box, as readline and most shells have them. Of the Alt
/// chords only readline's word keys are taken (Alt-B, Alt-F, Alt-D, Alt-Backspace): a terminal
/// sends Esc typed just before a key as that key with Alt, and Esc followed by any other key
/// stays Esc, then the key (see [`Keymap::split_alt`]).
fn edit_key(k: &KeyEvent) -> Option<Edit> {
    if k.modifiers.contains(KeyModifiers::ALT) {
        return match k.code {
            KeyCode::Char('b') => Some(Edit::WordLeft),
            KeyCode::Char('f') => Some(Edit::WordRight),
            KeyCode::Char('d') => Some(Edit::DeleteWordNext),
            KeyCode::Backspace => Some(Edit::DeleteWordBack),
            _ => None,
        };
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    Some(match k.code {
        KeyCode::Left if ctrl => Edit::WordLeft,
        KeyCode::Right if ctrl => Edit::WordRight,
        KeyCode::Left => Edit::Left,
        KeyCode::Right => Edit::Right,
        KeyCode::Home => Edit::Home,
        KeyCode::End => Edit::End,
        KeyCode::Delete if ctrl => Edit::DeleteWordNext,
        KeyCode::Delete => Edit::DeleteNext,
        KeyCode::Backspace if ctrl => Edit::DeleteWordBack,
        KeyCode::Char(c) if ctrl => match c.to_ascii_lowercase() {
            'a' => Edit::Home,
            'e' => Edit::End,
            'b' => Edit::Left,
            'f' => Edit::Right,
            'd' => Edit::DeleteNext,
            'w' => Edit::DeleteWordBack,
            'u' => Edit::DeleteToStart,
            'k' => Edit::DeleteToEnd,
            'y' => Edit::Yank,
            _ => return None,
        },
        _ => return None,
    })
}

/// Key help for the text boxes (the filter, the search box and the address line), which is
/// not configurable.
pub const INPUT_HELP: &[(&str, &str)] = &[
    ("enter", "accept (an empty search repeats the last one)"),
    (INPUT_CANCEL, "cancel and clear"),
    ("↑/↓", "move the cursor in the table"),
    ("←/→, ctrl-b/ctrl-f", "move by a character"),
    ("ctrl-←/→, alt-b/alt-f", "move by a word"),
    ("home/end, ctrl-a/ctrl-e", "start or end of the line"),
    ("backspace, delete/ctrl-d", "delete a character"),
    ("ctrl-w, alt-d", "delete a word back, forward"),
    ("ctrl-u, ctrl-k", "delete to the start, to the end"),
    ("ctrl-y", "put back what was deleted"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    #[test]
    fn an_unbound_alt_chord_is_esc_then_the_key() {
        let km = Keymap::default();
        let alt_g = key(KeyCode::Char('G'), KeyModifiers::ALT | KeyModifiers::SHIFT);
        let (esc, plain) = km
            .split_alt(&alt_g, Mode::Normal(Context::Library))
            .expect("alt-G is unbound");
        assert_eq!(esc, key(KeyCode::Esc, KeyModifiers::NONE));
        assert_eq!(
            km.translate(&plain, Mode::Normal(Context::Library)),
            Some(Msg::Do(Action::Bottom))
        );
        let plain_g = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert!(
            km.split_alt(&plain_g, Mode::Normal(Context::Library))
                .is_none()
        );
    }

    #[test]
    fn key_strings_parse_and_print_back() {
        for s in [
            "q", "ctrl-d", "pgdn", "enter", "G", "?", "space", "f5", "alt-x", "-",
        ] {
            let k = KeyChord::parse(s).unwrap();
            assert_eq!(KeyChord::parse(&k.to_string()).unwrap(), k, "{s}");
        }
        assert!(KeyChord::parse("ctrl-").is_err());
        assert!(KeyChord::parse("").is_err());
        assert!(KeyChord::parse("hyper").is_err());
        assert!(KeyChord::parse("f13").is_err());
    }

    #[test]
    fn shifted_letters_match_whatever_the_terminal_reports() {
        let km = Keymap::default();
        let plain = key(KeyCode::Char('G'), KeyModifiers::NONE);
        let shifted = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
        let ctx = Mode::Normal(Context::Compare);
        assert_eq!(km.translate(&plain, ctx), Some(Msg::Do(Action::Bottom)));
        assert_eq!(km.translate(&shifted, ctx), Some(Msg::Do(Action::Bottom)));
    }

    #[test]
    fn a_key_bound_on_both_screens_means_the_same_idea() {
        let km = Keymap::default();
        let (lib, cmp) = (
            Mode::Normal(Context::Library),
            Mode::Normal(Context::Compare),
        );
        // Keys that do something on both screens: leaving, moving, searching, opening.
        let same_idea = [
            (Action::Quit, Action::Back),
            (Action::Clear, Action::Back),
            (Action::Select, Action::Select),
        ];
        for (a, keys) in &km.bindings {
            for k in keys {
                let ev = Event::Key(KeyEvent::new(k.code, k.mods));
                let (Some(Msg::Do(l)), Some(Msg::Do(c))) =
                    (km.translate(&ev, lib), km.translate(&ev, cmp))
                else {
                    continue;
                };
                assert!(
                    l == c || same_idea.contains(&(l, c)),
                    "{k} ({a:?}) is {l:?} in the library but {c:?} in a comparison"
                );
            }
        }
        let b = key(KeyCode::Char('b'), KeyModifiers::NONE);
        assert_eq!(km.translate(&b, cmp), None);
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            km.translate(&q, Mode::Normal(Context::Library)),
            Some(Msg::Do(Action::Quit))
        );
        assert_eq!(
            km.translate(&q, Mode::Normal(Context::Compare)),
            Some(Msg::Do(Action::Back))
        );
    }

    #[test]
    fn text_box_edits_with_control_keys_and_leaves_alt_to_esc() {
        let km = Keymap::default();
        let ctrl_w = key(KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert_eq!(
            km.translate(&ctrl_w, Mode::Input),
            Some(Msg::Edit(Edit::DeleteWordBack))
        );
        let left = key(KeyCode::Left, KeyModifiers::NONE);
        assert_eq!(
            km.translate(&left, Mode::Input),
            Some(Msg::Edit(Edit::Left))
        );
        // Readline's word motions; Esc then another key, typed fast, stays Esc, then the key.
        let alt_b = key(KeyCode::Char('b'), KeyModifiers::ALT);
        assert_eq!(
            km.translate(&alt_b, Mode::Input),
            Some(Msg::Edit(Edit::WordLeft))
        );
        let alt_x = key(KeyCode::Char('x'), KeyModifiers::ALT);
        assert!(km.split_alt(&alt_x, Mode::Input).is_some());
    }

    #[test]
    fn text_box_takes_letters_literally() {
        let km = Keymap::default();
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(km.translate(&q, Mode::Input), Some(Msg::Input('q')));
        let cc = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            km.translate(&cc, Mode::Input),
            Some(Msg::Do(Action::ForceQuit))
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context_by_default() {
        let km = Keymap::default();
        for ctx in Context::ALL {
            let mut seen = Vec::new();
            for (a, keys) in &km.bindings {
                if !a.contexts().contains(&ctx) {
                    continue;
                }
                for k in keys {
                    assert!(!seen.contains(k), "{k} bound twice in {ctx:?}");
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn help_lists_every_bound_action() {
        let km = Keymap::default();
        let help = km.help();
        let compare = &help.iter().find(|(c, _)| *c == Context::Compare).unwrap().1;
        assert!(compare.contains(&("n".to_string(), "next search match")));
        assert!(compare.contains(&("}".to_string(), "next shared quote")));
        assert!(compare.contains(&(
            "esc/q".to_string(),
            "clear the search, then back to the library (or the story)"
        )));
        let story = &help.iter().find(|(c, _)| *c == Context::Story).unwrap().1;
        assert!(story.contains(&("o".to_string(), "next fact an outlet leaves out")));
        assert!(story.contains(&("}".to_string(), "next quotation")));
        assert!(story.contains(&("→/tab".to_string(), "next outlet (scrolls sideways)")));
        let library = &help.iter().find(|(c, _)| *c == Context::Library).unwrap().1;
        assert!(library.contains(&("q".to_string(), "quit")));
    }
}
