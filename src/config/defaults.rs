// The embedded defaults (assets/config.toml) compiled: the entries `Config::apply`
// reads from the file, for a start-up that reads them instead of parsing it. Written
// by the test `default_tables_are_current` with PARALLAX_WRITE_CONFIG=1 (see
// src/config.rs); do not edit by hand.

/// Hash of the file these tables were compiled from.
pub(super) const SOURCE_HASH: u64 = 0x816975d108da2e25;

/// `mouse`.
pub(super) const MOUSE: bool = true;

/// `[keys]`: action, keys, line of the name, line of the value.
pub(super) const KEYS: &[(&str, &[&str], usize, usize)] = &[
    ("add_address", &["o"], 57, 57),
    ("back", &["esc", "q"], 18, 18),
    ("bottom", &["G", "end"], 26, 26),
    ("clear", &["esc"], 19, 19),
    ("down", &["j", "down"], 21, 21),
    ("export", &["e"], 56, 56),
    ("focus_other", &["tab", "backtab"], 35, 35),
    ("force_quit", &["ctrl-c"], 17, 17),
    ("help", &["?"], 20, 20),
    ("jump_back", &["'", "ctrl-o"], 45, 45),
    ("jump_forward", &["\""], 46, 46),
    ("jump_moved", &["m"], 42, 42),
    ("mark_a", &["a"], 29, 29),
    ("mark_b", &["b"], 30, 30),
    ("mark_next", &["space"], 31, 31),
    ("next_framing", &["]"], 38, 38),
    ("next_loaded", &["l"], 40, 40),
    ("next_match", &["n"], 43, 43),
    ("next_omission", &["o"], 59, 59),
    ("next_outlet", &["right", "tab"], 61, 61),
    ("next_quote", &["}"], 36, 36),
    ("open_story", &["P"], 58, 58),
    ("page_down", &["ctrl-d", "pgdn"], 23, 23),
    ("page_up", &["ctrl-u", "pgup"], 24, 24),
    ("prev_framing", &["["], 39, 39),
    ("prev_loaded", &["L"], 41, 41),
    ("prev_match", &["N"], 44, 44),
    ("prev_omission", &["O"], 60, 60),
    ("prev_outlet", &["left", "backtab"], 62, 62),
    ("prev_quote", &["{"], 37, 37),
    ("quit", &["q"], 16, 16),
    ("search", &["/"], 27, 27),
    ("select", &["enter"], 28, 28),
    ("skipped", &["!"], 33, 33),
    ("sort", &["S"], 34, 34),
    ("suggest_pair", &["p"], 32, 32),
    ("summary", &["s"], 54, 54),
    ("swap", &["x"], 55, 55),
    ("toggle_boilerplate", &["h"], 52, 52),
    ("toggle_distinctive", &["5"], 51, 51),
    ("toggle_framing", &["2"], 48, 48),
    ("toggle_loaded", &["3"], 49, 49),
    ("toggle_quotes", &["1"], 47, 47),
    ("toggle_scare", &["4"], 50, 50),
    ("toggle_voice", &["v"], 53, 53),
    ("top", &["g", "home"], 25, 25),
    ("up", &["k", "up"], 22, 22),
];

/// `[theme]`: colour class, colour, line of the name, line of the value.
pub(super) const THEME: &[(&str, &str, usize, usize)] = &[
    ("accent", "#0072B2", 78, 78),
    ("distinctive", "#F0E442", 76, 76),
    ("framing", "#E69F00", 73, 73),
    ("gutter", "#999999", 81, 81),
    ("loaded", "#D55E00", 74, 74),
    ("marked_a", "#009E73", 79, 79),
    ("marked_b", "#BBBBBB", 80, 80),
    ("quote", "#56B4E9", 72, 72),
    ("scare", "#CC79A7", 75, 75),
    ("search", "reset", 77, 77),
];

/// Whether the file has a `[lexicon]` table (it must be empty).
pub(super) const LEXICON_TABLE: bool = true;

/// `[web]`, as seconds and nanoseconds.
pub(super) const WEB_MAX_AGE: (u64, u32) = (86400, 0);
/// `[web]`, as seconds and nanoseconds.
pub(super) const WEB_TIMEOUT: (u64, u32) = (30, 0);
