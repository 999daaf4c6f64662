//! The reader's settings: key bindings and colours resolved from the configuration's `[keys]`
//! and `[theme]` tables (embedded defaults patched by the user's file), with every bad entry
//! reported by file and line while the default stays in force for it.

use ratatui::style::Color;

use crate::config::{Config, ConfigError, Entry};

use super::action::Action;
use super::keymap::{KeyChord, Keymap};
use super::theme::Palette;

/// What the reader takes from the configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Key bindings.
    pub keymap: Keymap,
    /// Colours.
    pub palette: Palette,
    /// Capture the mouse (wheel scrolling, click to select).
    pub mouse: bool,
}

impl Default for Settings {
    /// The embedded defaults.
    fn default() -> Self {
        Settings::new(&Config::default()).0
    }
}

impl Settings {
    /// Resolve `config`: bad keys, actions, colours and colour names are reported (in the
    /// order of the table, keys first) and leave the default in force.
    pub fn new(config: &Config) -> (Settings, Vec<ConfigError>) {
        let mut errors = Vec::new();
        let keys = resolve_keys(&config.keys, &mut errors);
        let palette = resolve_theme(&config.theme, &mut errors);
        let settings = Settings {
            keymap: Keymap::new(keys),
            palette,
            mouse: config.mouse,
        };
        (settings, errors)
    }
}

/// The bindings of the `[keys]` entries: the defaults, then the user's entries on top.
fn resolve_keys(
    entries: &[Entry<Vec<String>>],
    errors: &mut Vec<ConfigError>,
) -> Vec<(Action, Vec<KeyChord>)> {
    let mut bound: Vec<(Action, Vec<KeyChord>)> = Vec::new();
    for user in [false, true] {
        let mut named: Vec<(Action, Vec<KeyChord>)> = Vec::new();
        for e in entries.iter().filter(|e| e.user == user) {
            let Some(action) = Action::from_name(&e.name) else {
                errors.push(e.name_at.error(&format!("unknown action '{}'", e.name)));
                continue;
            };
            let mut chords = Vec::new();
            let mut ok = true;
            for k in &e.value {
                match KeyChord::parse(k) {
                    Ok(c) => chords.push(c),
                    Err(why) => {
                        errors.push(
                            e.value_at
                                .error(&format!("bad key '{k}' for '{}' ({why})", e.name)),
                        );
                        ok = false;
                    }
                }
            }
            if ok {
                named.push((action, chords));
            }
        }
        bind(&mut bound, named, user);
    }
    bound
}

/// Put `named` bindings into `keys`. With `user`, a key named here is taken away from a
/// default binding of another action that applies in one of the same contexts.
fn bind(keys: &mut Vec<(Action, Vec<KeyChord>)>, named: Vec<(Action, Vec<KeyChord>)>, user: bool) {
    for (action, chords) in named {
        if user {
            for (other, bound) in keys.iter_mut() {
                if *other != action
                    && other
                        .contexts()
                        .iter()
                        .any(|c| action.contexts().contains(c))
                {
                    bound.retain(|k| !chords.contains(k));
                }
            }
        }
        match keys.iter_mut().find(|(a, _)| *a == action) {
            Some(slot) => slot.1 = chords,
            None => keys.push((action, chords)),
        }
    }
    let order = |a: &Action| {
        Action::ALL
            .iter()
            .position(|b| b == a)
            .unwrap_or(usize::MAX)
    };
    keys.sort_by_key(|(a, _)| order(a));
}

/// The palette of the `[theme]` entries, from the default colours.
fn resolve_theme(entries: &[Entry<String>], errors: &mut Vec<ConfigError>) -> Palette {
    let mut palette = Palette::default();
    for e in entries {
        match e.value.parse::<Color>() {
            Ok(c) => {
                if !palette.set(&e.name, c) {
                    errors.push(e.name_at.error(&format!(
                        "unknown theme colour '{}' (known: {})",
                        e.name,
                        Palette::NAMES.join(", ")
                    )));
                }
            }
            Err(_) => errors.push(e.value_at.error(&format!(
                "bad colour '{}' for '{}' (use a name or #rrggbb)",
                e.value, e.name
            ))),
        }
    }
    palette
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(src: &str, path: &str) -> (Settings, Vec<ConfigError>) {
        let (cfg, mut errors) = Config::from_user_text(src, path);
        let (settings, more) = Settings::new(&cfg);
        errors.splice(0..0, more);
        (settings, errors)
    }

    #[test]
    fn embedded_defaults_are_valid_and_bind_every_action() {
        let (settings, errors) = Settings::new(&Config::default());
        assert_eq!(errors, vec![]);
        for &a in Action::ALL {
            assert!(!settings.keymap.keys(a).is_empty(), "{a:?} unbound");
        }
        assert_eq!(settings.palette, Palette::default());
        assert!(settings.mouse);
    }

    #[test]
    fn user_file_overrides_only_what_it_names() {
        let (s, errors) = user("[keys]\nnext_quote = \"ctrl-n\"\n", "u.toml");
        assert!(errors.is_empty());
        assert_eq!(s.keymap.keys_label(Action::NextQuote), "ctrl-n");
        assert_eq!(s.keymap.keys_label(Action::PrevQuote), "{");
        assert_eq!(s.palette, Palette::default());
    }

    #[test]
    fn user_key_takes_over_from_a_default_binding() {
        let (s, errors) = user("[keys]\nswap = \"n\"\n", "u.toml");
        assert!(errors.is_empty());
        assert_eq!(s.keymap.keys_label(Action::Swap), "n");
        assert_eq!(s.keymap.keys_label(Action::NextMatch), "");
    }

    #[test]
    fn errors_name_file_line_and_value() {
        let src = "mouse = false\n\n[keys]\nqiut = \"q\"\nhelp = \"ctrl-\"\n[theme]\nquote = \"blurple\"\n";
        let (s, errors) = user(src, "/home/u/.config/parallax/config.toml");
        let msgs: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            msgs,
            vec![
                "bad key 'ctrl-' for 'help' (nothing after 'ctrl-') in /home/u/.config/parallax/config.toml line 5",
                "unknown action 'qiut' in /home/u/.config/parallax/config.toml line 4",
                "bad colour 'blurple' for 'quote' (use a name or #rrggbb) in /home/u/.config/parallax/config.toml line 7",
            ]
        );
        // Everything valid still applies; the bad entries keep their defaults.
        assert!(!s.mouse);
        assert_eq!(s.keymap.keys_label(Action::Help), "?");
        assert_eq!(s.palette, Palette::default());
    }

    #[test]
    fn hex_and_named_colours_are_accepted() {
        let (s, errors) = user(
            "[theme]\nquote = \"#112233\"\nloaded = \"light-red\"\n",
            "c",
        );
        assert!(errors.is_empty());
        assert_eq!(s.palette.quote, Color::Rgb(0x11, 0x22, 0x33));
        assert_eq!(s.palette.loaded, Color::LightRed);
    }

    #[test]
    fn control_characters_in_values_are_not_echoed() {
        let (_, errors) = user("[theme]\nquote = \"\\u001b[31m\"\n", "c");
        assert!(!errors[0].to_string().contains('\u{1b}'));
    }
}
