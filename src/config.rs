//! The configuration: embedded defaults (`assets/config.toml`) patched by the user's
//! `config.toml`.
//!
//! The user's file lives in the platform config directory (`~/.config/parallax/config.toml` on
//! Linux) or wherever `PARALLAX_CONFIG` points. It overrides only what it names. Bad entries
//! are reported with the file, the line and the value, and the defaults stay in force for them;
//! the file itself is never written.
//!
//! This module reads the file and keeps the `[keys]` and `[theme]` tables as written (with
//! where each entry was written); the reader resolves them into key bindings and colours
//! (`tui::settings`), so the configuration knows nothing of the reader. The `[lexicon]` patch
//! becomes the comparison engine's options here, in [`Loaded::engine_options`], for the command
//! line and the reader alike.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::compare::Options;
use crate::compare::lexicon::{PatchError, UserLexicon};
use crate::corpus::Article;
use crate::text::sanitize::sanitize;

/// The default configuration, embedded.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");

/// Environment variable naming the config file, overriding the platform path.
pub const CONFIG_ENV: &str = "PARALLAX_CONFIG";

/// The largest config file read: 1 MiB (the bundled one is a few KiB).
pub const MAX_CONFIG_SIZE: u64 = 1024 * 1024;

/// A problem with the user's configuration. Displayed as one line naming the file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but could not be read.
    #[error("cannot read config {path}: {reason}")]
    Unreadable {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// The config path names a directory.
    #[error("config path {path} is a directory, not a file")]
    Directory {
        /// The path.
        path: String,
    },
    /// The file is not valid TOML, or has a section parallax does not know.
    #[error("{message} in {path} line {line}")]
    Syntax {
        /// What is wrong.
        message: String,
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
    },
    /// One entry has a bad value; the default stays in force for it.
    #[error("{what} in {path} line {line}")]
    Entry {
        /// What is wrong, quoting the value (`unknown action 'qiut'`).
        what: String,
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
    },
    /// An item of the `[lexicon]` patch that does not apply to the bundled lexicon (a term to
    /// disable that is in no entry, an empty term), with its file and line; it is skipped and
    /// the rest of the patch applies.
    #[error("bad [lexicon] item: {0}")]
    Lexicon(PatchError),
}

/// Where an entry of a config file is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The file (sanitised), or `<built-in config>`.
    pub path: String,
    /// 1-based line.
    pub line: usize,
}

impl Place {
    /// The error for a bad entry written here: `what` quotes the bad value.
    pub fn error(&self, what: &str) -> ConfigError {
        ConfigError::Entry {
            what: sanitize(what),
            path: self.path.clone(),
            line: self.line,
        }
    }
}

/// One `name = value` entry of the `[keys]` or `[theme]` table, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry<V> {
    /// The name on the left (an action, a colour class).
    pub name: String,
    /// The value on the right.
    pub value: V,
    /// Where the name is written.
    pub name_at: Place,
    /// Where the value is written.
    pub value_at: Place,
    /// True for an entry of the user's file, false for one of the embedded defaults.
    pub user: bool,
}

/// The configuration: the embedded defaults, then the user's entries on top.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Capture the mouse (wheel scrolling, click to select).
    pub mouse: bool,
    /// The `[keys]` entries (action name = key strings): the defaults, then the user's; a
    /// later entry for the same action takes over from an earlier one.
    pub keys: Vec<Entry<Vec<String>>>,
    /// The `[theme]` entries (colour class = colour), in the same order.
    pub theme: Vec<Entry<String>>,
    /// The user's patch to the bundled lexicon of loaded terms.
    pub lexicon: UserLexicon,
    /// Fetching web addresses (`[web]`).
    pub web: WebConfig,
}

/// The `[web]` table: when saved copies are fetched again, and how long a fetch may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WebConfig {
    /// A saved copy younger than this is used without fetching its address again.
    pub max_age: std::time::Duration,
    /// How long fetching one address may take.
    pub timeout: std::time::Duration,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            max_age: crate::library::DEFAULT_MAX_AGE,
            timeout: crate::library::DEFAULT_TIMEOUT,
        }
    }
}

/// The configuration as loaded, with where it came from and what was wrong with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The configuration in force.
    pub config: Config,
    /// The user file consulted, if any path could be determined.
    pub path: Option<PathBuf>,
    /// Problems found; empty when the file was fine or absent.
    pub errors: Vec<ConfigError>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum KeyList {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    mouse: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<KeyList>>,
    #[serde(default)]
    theme: BTreeMap<Spanned<String>, Spanned<String>>,
    lexicon: Option<Spanned<toml::Value>>,
    #[serde(default)]
    web: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
}

fn line_of(src: &str, byte: usize) -> usize {
    src.get(..byte.min(src.len()))
        .unwrap_or(src)
        .matches('\n')
        .count()
        + 1
}

/// Where each line of a text starts, to number the lines of many entries in time
/// proportional to the text rather than to the text for each entry.
struct Lines(Vec<usize>);

impl Lines {
    fn new(src: &str) -> Lines {
        Lines(src.match_indices('\n').map(|(i, _)| i).collect())
    }

    /// The 1-based line holding byte `byte` (as [`line_of`] counts).
    fn of(&self, byte: usize) -> usize {
        self.0.partition_point(|&nl| nl < byte) + 1
    }
}

/// How the embedded defaults are named in messages and places.
const BUILT_IN: &str = "<built-in config>";

/// The embedded defaults compiled: the entries [`Config::apply`] reads from
/// `assets/config.toml`, written out as Rust by the test `default_tables_are_current` (which
/// fails when they are not what the file gives now; run it with `PARALLAX_WRITE_CONFIG=1` to
/// write them anew). Every run needs the defaults, and reading them from the binary instead of
/// parsing the file twice (the file, then its `[lexicon]` table) was a quarter of a short
/// `parallax compare`'s start-up.
mod defaults {
    include!("config/defaults.rs");
}

/// True when the compiled defaults were made from the embedded file as it is; otherwise the
/// file is parsed, as a user's is.
const DEFAULTS_CURRENT: bool =
    crate::compare::lexicon::source_hash(DEFAULT_CONFIG) == defaults::SOURCE_HASH;

impl Default for Config {
    /// The embedded defaults.
    fn default() -> Self {
        let mut cfg = Config::empty();
        if DEFAULTS_CURRENT {
            cfg.apply_compiled();
        } else {
            // The embedded file is checked by a test; a failure here would leave empty
            // bindings.
            let _ = cfg.apply(DEFAULT_CONFIG, BUILT_IN, false);
        }
        cfg
    }
}

impl Config {
    /// The path of the user's config file: `$PARALLAX_CONFIG`, else `config.toml` in the
    /// platform config directory.
    pub fn path() -> Option<PathBuf> {
        if let Some(p) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
            return Some(PathBuf::from(p));
        }
        directories::ProjectDirs::from("", "", "parallax")
            .map(|d| d.config_dir().join("config.toml"))
    }

    /// Load the defaults patched by the user's file at [`Config::path`].
    pub fn load() -> Loaded {
        let path = Config::path();
        let (config, errors) = match &path {
            Some(p) => Config::load_file(p),
            None => (Config::default(), Vec::new()),
        };
        Loaded {
            config,
            path,
            errors,
        }
    }

    /// The defaults patched by the file at `path`. A missing file is not an error. The file
    /// must be a regular file of at most [`MAX_CONFIG_SIZE`] bytes: it is opened without
    /// blocking and checked on the open descriptor, so a named pipe, a device (`/dev/zero`,
    /// `/dev/urandom`) or a huge file is reported instead of hanging or filling memory.
    pub fn load_file(path: &Path) -> (Config, Vec<ConfigError>) {
        use crate::corpus::read::{ReadError, human_size, read_regular};
        let shown = sanitize(&path.display().to_string());
        let cfg = Config::default();
        let unreadable = |reason: String| ConfigError::Unreadable {
            path: shown.clone(),
            reason,
        };
        let src = match read_regular(path, MAX_CONFIG_SIZE) {
            Err(ReadError::Directory) => {
                return (cfg, vec![ConfigError::Directory { path: shown }]);
            }
            Err(ReadError::NotRegular(kind)) => {
                return (
                    cfg,
                    vec![unreadable(format!("not a regular file ({kind})"))],
                );
            }
            Err(ReadError::TooLarge(n)) => {
                let reason = format!(
                    "too large for a config file ({}; the limit is {})",
                    human_size(n),
                    human_size(MAX_CONFIG_SIZE)
                );
                return (cfg, vec![unreadable(reason)]);
            }
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                return (cfg, Vec::new());
            }
            Err(ReadError::Io(e)) => Err(e),
            Ok(bytes) => Ok(bytes),
        };
        let mut cfg = cfg;
        let src = match src {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => {
                    let reason = format!(
                        "not valid UTF-8 (first bad byte at offset {})",
                        e.utf8_error().valid_up_to()
                    );
                    return (
                        cfg,
                        vec![ConfigError::Unreadable {
                            path: shown,
                            reason,
                        }],
                    );
                }
            },
            Err(e) => {
                let reason = sanitize(&e.to_string());
                return (
                    cfg,
                    vec![ConfigError::Unreadable {
                        path: shown,
                        reason,
                    }],
                );
            }
        };
        let errors = cfg.apply(&src, &shown, true);
        (cfg, errors)
    }

    /// The defaults patched by `src`, a config file's text (`path` names it in errors).
    pub fn from_user_text(src: &str, path: &str) -> (Config, Vec<ConfigError>) {
        let mut cfg = Config::default();
        let errors = cfg.apply(src, &sanitize(path), true);
        (cfg, errors)
    }

    /// A configuration with no entries, before the defaults are added.
    fn empty() -> Config {
        Config {
            mouse: true,
            keys: Vec::new(),
            theme: Vec::new(),
            lexicon: UserLexicon::default(),
            web: WebConfig::default(),
        }
    }

    /// Add the compiled defaults ([`defaults`]), as [`Config::apply`] adds the embedded file.
    fn apply_compiled(&mut self) {
        fn entry<V>(name: &str, value: V, name_line: usize, value_line: usize) -> Entry<V> {
            let place = |line| Place {
                path: BUILT_IN.to_string(),
                line,
            };
            Entry {
                name: name.to_string(),
                value,
                name_at: place(name_line),
                value_at: place(value_line),
                user: false,
            }
        }
        self.mouse = defaults::MOUSE;
        self.keys
            .extend(defaults::KEYS.iter().map(|&(name, keys, at, value_at)| {
                entry(
                    name,
                    keys.iter().map(|k| k.to_string()).collect(),
                    at,
                    value_at,
                )
            }));
        self.theme.extend(
            defaults::THEME
                .iter()
                .map(|&(name, colour, at, value_at)| entry(name, colour.to_string(), at, value_at)),
        );
        if defaults::LEXICON_TABLE {
            self.lexicon = UserLexicon::default();
            self.lexicon.written.path = BUILT_IN.to_string();
        }
        let duration = |(secs, nanos)| std::time::Duration::new(secs, nanos);
        self.web = WebConfig {
            max_age: duration(defaults::WEB_MAX_AGE),
            timeout: duration(defaults::WEB_TIMEOUT),
        };
    }

    /// Add the entries of `src` after `self`'s (`user` marks them as the user's).
    fn apply(&mut self, src: &str, path: &str, user: bool) -> Vec<ConfigError> {
        let raw: RawConfig = match toml::from_str(src) {
            Ok(r) => r,
            Err(e) => {
                let line = e.span().map(|s| line_of(src, s.start)).unwrap_or(1);
                let message = sanitize(e.message().trim());
                return vec![ConfigError::Syntax {
                    message,
                    path: path.to_string(),
                    line,
                }];
            }
        };
        let mut errors = Vec::new();
        let lines = Lines::new(src);
        let place = |span: std::ops::Range<usize>| Place {
            path: path.to_string(),
            line: lines.of(span.start),
        };
        if let Some(m) = raw.mouse {
            self.mouse = m;
        }
        for (name, keys) in raw.keys {
            let value = match keys.get_ref() {
                KeyList::One(k) => vec![k.clone()],
                KeyList::Many(ks) => ks.clone(),
            };
            self.keys.push(Entry {
                name: name.get_ref().clone(),
                value,
                name_at: place(name.span()),
                value_at: place(keys.span()),
                user,
            });
        }
        for (name, value) in raw.theme {
            self.theme.push(Entry {
                name: name.get_ref().clone(),
                value: value.get_ref().clone(),
                name_at: place(name.span()),
                value_at: place(value.span()),
                user,
            });
        }
        if let Some(lex) = raw.lexicon {
            // Read again item by item, so that a bad item is named with its line and skipped
            // alone while the rest of the patch applies.
            match crate::compare::lexicon::parse_user_table(src) {
                Ok(Some((mut patch, bad))) => {
                    for (line, what) in bad {
                        errors.push(ConfigError::Entry {
                            what: sanitize(&what),
                            path: path.to_string(),
                            line,
                        });
                    }
                    patch.written.path = path.to_string();
                    self.lexicon = patch;
                }
                Ok(None) => {}
                Err(why) => {
                    errors.push(place(lex.span()).error(&format!("bad [lexicon] table: {why}")))
                }
            }
        }
        for (name, value) in raw.web {
            let parsed = match value.get_ref() {
                toml::Value::String(s) => crate::library::parse_duration(s),
                toml::Value::Integer(n) => u64::try_from(*n)
                    .map(std::time::Duration::from_secs)
                    .map_err(|_| format!("'{n}' is not a duration")),
                other => Err(format!("'{other}' is not a duration")),
            };
            let slot = match name.get_ref().as_str() {
                "max_age" => &mut self.web.max_age,
                "timeout" => &mut self.web.timeout,
                other => {
                    errors.push(place(name.span()).error(&format!(
                        "unknown [web] setting '{other}' (known: max_age, timeout)"
                    )));
                    continue;
                }
            };
            match parsed {
                Ok(d) if name.get_ref() == "timeout" && d.is_zero() => {
                    errors.push(place(value.span()).error("timeout must be longer than 0 s"))
                }
                Ok(d) => *slot = d,
                Err(why) => errors.push(place(value.span()).error(&format!(
                    "bad {} ({why}; examples: 30s, 10m, 6h, 1d)",
                    name.get_ref()
                ))),
            }
        }
        errors
    }
}

impl Loaded {
    /// The comparison engine's options for articles of `library`: the bundled lexicon patched
    /// by the user's `[lexicon]` table (the library's word statistics are not used, see
    /// [`Options::corpus`]). Items of the patch that do not apply are returned as errors next to
    /// options using the rest of it, so the caller can report them and carry on.
    pub fn engine_options(&self, library: &[Article]) -> (Options, Vec<ConfigError>) {
        let (options, errors) = Options::for_library(library, &self.config.lexicon);
        (
            options,
            errors.into_iter().map(ConfigError::Lexicon).collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The defaults parsed from the embedded file, as a user's file is parsed.
    fn parsed_defaults() -> Config {
        let mut cfg = Config::empty();
        assert_eq!(cfg.apply(DEFAULT_CONFIG, BUILT_IN, false), vec![]);
        cfg
    }

    /// `src/config/defaults.rs` for the parsed defaults `cfg` of the file `src`.
    fn render_defaults(cfg: &Config, src: &str) -> String {
        use std::fmt::Write;
        assert!(
            cfg.lexicon.add.is_empty() && cfg.lexicon.disable.is_empty(),
            "the built-in config's [lexicon] table must stay empty: the bundled lexicon itself \
             is assets/lexicon.toml"
        );
        let mut out = String::from(
            "// The embedded defaults (assets/config.toml) compiled: the entries `Config::apply`\n\
             // reads from the file, for a start-up that reads them instead of parsing it. Written\n\
             // by the test `default_tables_are_current` with PARALLAX_WRITE_CONFIG=1 (see\n\
             // src/config.rs); do not edit by hand.\n\n",
        );
        let hash = crate::compare::lexicon::source_hash(src);
        let _ = writeln!(out, "/// Hash of the file these tables were compiled from.");
        let _ = writeln!(out, "pub(super) const SOURCE_HASH: u64 = {hash:#018x};\n");
        let _ = writeln!(
            out,
            "/// `mouse`.\npub(super) const MOUSE: bool = {};\n",
            cfg.mouse
        );
        let _ = writeln!(
            out,
            "/// `[keys]`: action, keys, line of the name, line of the value.\n\
             pub(super) const KEYS: &[(&str, &[&str], usize, usize)] = &["
        );
        for e in &cfg.keys {
            let _ = writeln!(
                out,
                "    ({:?}, &{:?}, {}, {}),",
                e.name, e.value, e.name_at.line, e.value_at.line
            );
        }
        let _ = writeln!(
            out,
            "];\n\n/// `[theme]`: colour class, colour, line of the name, line of the value.\n\
             pub(super) const THEME: &[(&str, &str, usize, usize)] = &["
        );
        for e in &cfg.theme {
            let _ = writeln!(
                out,
                "    ({:?}, {:?}, {}, {}),",
                e.name, e.value, e.name_at.line, e.value_at.line
            );
        }
        let _ = writeln!(out, "];\n");
        let _ = writeln!(
            out,
            "/// Whether the file has a `[lexicon]` table (it must be empty).\n\
             pub(super) const LEXICON_TABLE: bool = {};\n",
            cfg.lexicon.written.path == BUILT_IN
        );
        for (name, d) in [("MAX_AGE", cfg.web.max_age), ("TIMEOUT", cfg.web.timeout)] {
            let _ = writeln!(
                out,
                "/// `[web]`, as seconds and nanoseconds.\n\
                 pub(super) const WEB_{name}: (u64, u32) = ({}, {});",
                d.as_secs(),
                d.subsec_nanos()
            );
        }
        out
    }

    #[test]
    fn default_tables_are_current() {
        let text = render_defaults(&parsed_defaults(), DEFAULT_CONFIG);
        if std::env::var_os("PARALLAX_WRITE_CONFIG").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/config/defaults.rs");
            std::fs::write(path, &text).expect("write src/config/defaults.rs");
            return;
        }
        assert!(
            include_str!("config/defaults.rs") == text,
            "src/config/defaults.rs is not what assets/config.toml gives now: write it anew \
             with `PARALLAX_WRITE_CONFIG=1 cargo test --release --locked --lib \
             default_tables_are_current`, rebuild, and commit it with the file"
        );
    }

    #[test]
    fn compiled_defaults_are_the_parsed_ones() {
        assert_eq!(
            crate::compare::lexicon::source_hash(DEFAULT_CONFIG),
            defaults::SOURCE_HASH,
            "defaults.rs was made from another config file"
        );
        let compiled = Config::default();
        assert_eq!(compiled, parsed_defaults());
        assert!(
            compiled
                .keys
                .iter()
                .any(|e| e.name == "quit" && e.value == ["q"])
        );
        assert_eq!(compiled.web.max_age, std::time::Duration::from_secs(86_400));
    }

    #[test]
    fn the_embedded_defaults_parse() {
        let mut cfg = Config {
            mouse: false,
            ..Config::empty()
        };
        assert_eq!(cfg.apply(DEFAULT_CONFIG, "defaults", false), vec![]);
        assert!(cfg.mouse);
        assert!(!cfg.keys.is_empty() && !cfg.theme.is_empty());
        assert!(cfg.keys.iter().all(|e| !e.user) && cfg.theme.iter().all(|e| !e.user));
    }

    #[test]
    fn user_entries_come_after_the_defaults_with_their_lines() {
        let (cfg, errors) = Config::from_user_text(
            "mouse = false\n\n[keys]\nnext_quote = \"ctrl-n\"\n",
            "u.toml",
        );
        assert!(errors.is_empty());
        assert!(!cfg.mouse);
        let last = cfg.keys.last().unwrap();
        assert_eq!(last.name, "next_quote");
        assert_eq!(last.value, vec!["ctrl-n".to_string()]);
        assert!(last.user);
        assert_eq!(last.name_at.line, 4);
        assert_eq!(last.value_at.path, "u.toml");
    }

    #[test]
    fn syntax_errors_report_a_line_and_keep_defaults() {
        let (cfg, errors) = Config::from_user_text("[keys]\nquit = [\"q\"\n", "c.toml");
        assert_eq!(errors.len(), 1);
        let msg = errors[0].to_string();
        assert!(msg.contains("c.toml line 2"), "{msg}");
        assert_eq!(cfg, Config::default());
    }

    #[test]
    fn unknown_section_is_reported() {
        let (_, errors) = Config::from_user_text("\n[colours]\nx = 1\n", "c.toml");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].to_string().contains("colours"), "{}", errors[0]);
        assert!(errors[0].to_string().contains("line 2"), "{}", errors[0]);
    }

    #[test]
    fn lexicon_patch_is_read() {
        let src = "[lexicon]\ndisable = [\"regime\"]\nadd = [{ term = \"junta\", category = \"labels\", reason = \"r\" }]\n";
        let (cfg, errors) = Config::from_user_text(src, "c.toml");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(cfg.lexicon.disable, vec!["regime".to_string()]);
        assert_eq!(cfg.lexicon.add[0].term, "junta");
    }

    #[test]
    fn web_settings_are_read_and_bad_ones_named() {
        let (cfg, errors) = Config::from_user_text("[web]\nmax_age = \"6h\"\ntimeout = 5\n", "c");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(cfg.web.max_age, std::time::Duration::from_secs(6 * 3600));
        assert_eq!(cfg.web.timeout, std::time::Duration::from_secs(5));
        let (cfg, errors) =
            Config::from_user_text("[web]\nmax_age = \"soon\"\ntimeout = \"0\"\n", "c");
        let msgs: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(
            msgs[0].contains("bad max_age") && msgs[0].contains("line 2"),
            "{msgs:?}"
        );
        assert!(msgs[1].contains("timeout must be longer"), "{msgs:?}");
        assert_eq!(cfg.web, WebConfig::default());
    }

    #[test]
    fn a_lexicon_patch_that_does_not_apply_names_the_file() {
        let (config, errors) =
            Config::from_user_text("[lexicon]\ndisable = [\"no-such-term\"]\n", "c.toml");
        assert!(errors.is_empty());
        let loaded = Loaded {
            config,
            path: Some(PathBuf::from("/home/u/c.toml")),
            errors,
        };
        let (_, errors) = loaded.engine_options(&[]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        let msg = errors[0].to_string();
        assert!(msg.starts_with("bad [lexicon] item: "), "{msg}");
        assert!(msg.contains("no-such-term"), "{msg}");
        assert!(msg.contains("c.toml line 2"), "{msg}");
    }

    #[test]
    fn missing_file_is_fine_directory_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let (cfg, errors) = Config::load_file(&dir.path().join("absent.toml"));
        assert!(errors.is_empty());
        assert_eq!(cfg, Config::default());
        let (_, errors) = Config::load_file(dir.path());
        assert!(matches!(errors[0], ConfigError::Directory { .. }));
    }

    #[test]
    fn lines_are_numbered_as_line_of_counts_them() {
        let src = "a\n\nbc\nd";
        let lines = Lines::new(src);
        for byte in 0..=src.len() + 2 {
            assert_eq!(lines.of(byte), line_of(src, byte), "byte {byte}");
        }
    }
}
