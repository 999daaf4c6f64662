//! Sanitising untrusted text (article text, titles, file names) for display in a terminal.
//!
//! Everything a renderer prints goes through [`sanitize`] (multi-line text) or
//! [`sanitize_line`] (titles, file names, table cells). What happens to each class of
//! character:
//!
//! | input | output |
//! |---|---|
//! | `\n`, `\t`, ordinary printable text | unchanged |
//! | `\r\n`, lone `\r`, VT, FF, U+0085 NEL, U+2028, U+2029 | `\n` |
//! | whole escape sequences: CSI `ESC [ … final`, OSC `ESC ] … BEL/ST` (titles, OSC 52 clipboard, hyperlinks), DCS/SOS/PM/APC `ESC P/X/^/_ … ST`, `ESC` + intermediates + final, two-char `ESC x`, and their 8-bit forms U+009B, U+009D, U+0090, U+0098, U+009E, U+009F | one `�` (U+FFFD) per sequence: the payload is terminal instructions, not text, but the reader sees that something was removed |
//! | any other C0 control (NUL, BEL, BS, …) and a lone `ESC` | its visible Unicode Control Picture (`␀`, `␇`, `␈`, `␛`, …) |
//! | DEL | `␡` |
//! | any other C1 control (U+0080–U+009F) | `�` |
//! | bidi overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069) | `�`: they can reorder what the reader sees ("Trojan Source"), so their presence is shown |
//! | bidi marks U+200E, U+200F, U+061C | removed: invisible marks whose only effect is reordering |
//! | other invisible format characters that can hide or spoof text: U+00AD soft hyphen, U+180E, U+200B, U+2060–U+2064, U+206A–U+206F, U+FEFF, U+FFF9–U+FFFB, tag characters U+E0000–U+E007F | removed |
//!
//! Zero-width joiner and non-joiner (U+200C, U+200D) and variation selectors are kept: emoji
//! sequences and several scripts need them, and they cannot reorder or hide text.
//!
//! No published crate covers all of this: `strip-ansi-escapes`/`vte` parse 7-bit escape
//! sequences but pass 8-bit C1 controls encoded as UTF-8 and bidi controls through, so this
//! module is a small state machine over `char`s. Unterminated string sequences (OSC, DCS, …)
//! end at the next line break, so a stray `ESC ]` can never swallow more than one line.

use std::path::Path;

/// Make multi-line text safe to print to a terminal: see the module documentation for what
/// happens to each class of character. The output never contains ESC, C0 controls other than
/// `\n` and `\t`, DEL, C1 controls, or bidi control characters.
pub fn sanitize(s: &str) -> String {
    if s.chars().all(is_plain) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    run(s, &mut |_, c| out.push(c));
    out
}

/// [`sanitize`], one output character at a time, each with the byte offset in `s` of the
/// input character it came from (for a removed escape sequence, a character inside it): for display code that maps what is shown back to spans of
/// the original text. The characters are exactly those of `sanitize(s)`.
pub fn sanitize_mapped(s: &str) -> Vec<(usize, char)> {
    let mut out = Vec::with_capacity(s.len());
    run(s, &mut |at, c| out.push((at, c)));
    out
}

/// The sanitiser's state machine over `s`; `emit` receives each output character with the
/// offset of the input character that produced it.
fn run(s: &str, emit: &mut impl FnMut(usize, char)) {
    let mut state = State::Ground;
    let mut last = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        last = at;
        let mut out = |c: char| emit(at, c);
        state = match state {
            State::Ground => ground(c, &mut chars, &mut out),
            State::Escape => escape(c, &mut chars, &mut out),
            State::EscIntermediate => {
                if is_intermediate(c) {
                    State::EscIntermediate
                } else if ('\u{30}'..='\u{7e}').contains(&c) {
                    State::Ground
                } else {
                    ground(c, &mut chars, &mut out)
                }
            }
            State::Csi => {
                if ('\u{30}'..='\u{3f}').contains(&c) || is_intermediate(c) {
                    State::Csi
                } else if ('\u{40}'..='\u{7e}').contains(&c) {
                    State::Ground
                } else {
                    // Malformed sequence: it ends here and `c` is handled as ordinary input.
                    ground(c, &mut chars, &mut out)
                }
            }
            State::String => match c {
                '\u{07}' | '\u{9c}' | '\u{18}' | '\u{1a}' => State::Ground,
                '\u{1b}' => {
                    if chars.peek().map(|&(_, c)| c) == Some('\\') {
                        chars.next();
                        State::Ground
                    } else {
                        State::Escape
                    }
                }
                '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                    ground(c, &mut chars, &mut out)
                }
                _ => State::String,
            },
        };
    }
    if state == State::Escape {
        emit(last, '\u{241b}');
    }
}

/// [`sanitize`] for a terminal's grid of cells: also reduces to its first character every
/// grapheme cluster that is one glyph to some terminals and several to others: clusters whose
/// width as a cluster differs from the sum of their characters' widths (emoji ZWJ sequences,
/// skin-tone modifiers, emoji presentation selectors) or that hold more than one spacing
/// character (flags made of two regional indicators). A cell grid drawn with the wrong guess
/// shifts or litters the rest of the row; after the reduction every terminal agrees with the
/// layout. Combining marks, CJK and plain emoji are kept.
pub fn sanitize_cells(s: &str) -> String {
    cell_safe(sanitize_mapped(s))
        .into_iter()
        .map(|(_, c)| c)
        .collect()
}

/// The cluster reduction of [`sanitize_cells`] on the output of [`sanitize_mapped`], keeping
/// each character's source offset.
pub fn cell_safe(mut chars: Vec<(usize, char)>) -> Vec<(usize, char)> {
    // A reduction can bring two regional indicators together into a new flag, so reduce until
    // nothing changes; each pass that changes anything at least halves such a run.
    loop {
        let before = chars.len();
        chars = reduce_clusters(chars);
        if chars.len() == before {
            return chars;
        }
    }
}

/// One pass of [`cell_safe`].
fn reduce_clusters(chars: Vec<(usize, char)>) -> Vec<(usize, char)> {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let text: String = chars.iter().map(|&(_, c)| c).collect();
    if text.is_ascii() {
        return chars;
    }
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    for g in text.graphemes(true) {
        let n = g.chars().count();
        let widths = g.chars().map(|c| c.width().unwrap_or(0));
        let summed: usize = widths.clone().sum();
        let spacing = widths.filter(|&w| w > 0).count();
        if n > 1 && (g.width() != summed || spacing > 1) {
            out.push(chars[i]);
        } else {
            out.extend_from_slice(&chars[i..i + n]);
        }
        i += n;
    }
    out
}

/// The byte ranges of the escape sequences in `s` that [`sanitize`] removes (each shown as one
/// `�`), in order: CSI, OSC, DCS, SOS, PM and APC sequences, `ESC` + intermediates + final,
/// two-character `ESC x`, and their 8-bit forms. Their payload is terminal instructions, not
/// text, so text analysis leaves out the words inside them (an OSC window title's words are
/// no distinctive terms). A lone `ESC`, shown as `␛`, is no sequence.
pub fn escape_sequences(s: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    // One search per introducer (each a fast byte search), rather than one pass matching a
    // character against all of them.
    if !s.as_bytes().contains(&0x1b)
        && !['\u{90}', '\u{98}', '\u{9b}', '\u{9d}', '\u{9e}', '\u{9f}']
            .iter()
            .any(|&c| s.contains(c))
    {
        return out;
    }
    #[derive(Clone, Copy, PartialEq)]
    enum In {
        Ground,
        Csi(usize),
        Intermediate(usize),
        Str(usize),
    }
    let mut state = In::Ground;
    let mut chars = s.char_indices().peekable();
    // A character that ended a malformed sequence is read again as ordinary input.
    let mut again: Option<(usize, char)> = None;
    while let Some((at, c)) = again.take().or_else(|| chars.next()) {
        let after = at + c.len_utf8();
        state = match state {
            In::Ground => match c {
                '\u{1b}' => match chars.peek().copied() {
                    Some((_, '[')) => {
                        chars.next();
                        In::Csi(at)
                    }
                    Some((_, ']' | 'P' | 'X' | '^' | '_')) => {
                        chars.next();
                        In::Str(at)
                    }
                    Some((_, n)) if is_intermediate(n) => {
                        chars.next();
                        In::Intermediate(at)
                    }
                    Some((n_at, n)) if ('\u{30}'..='\u{7e}').contains(&n) => {
                        chars.next();
                        out.push(at..n_at + n.len_utf8());
                        In::Ground
                    }
                    _ => In::Ground,
                },
                '\u{9b}' => In::Csi(at),
                '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => In::Str(at),
                _ => In::Ground,
            },
            In::Csi(start) => {
                if ('\u{30}'..='\u{3f}').contains(&c) || is_intermediate(c) {
                    state
                } else if ('\u{40}'..='\u{7e}').contains(&c) {
                    out.push(start..after);
                    In::Ground
                } else {
                    out.push(start..at);
                    again = Some((at, c));
                    In::Ground
                }
            }
            In::Intermediate(start) => {
                if is_intermediate(c) {
                    state
                } else if ('\u{30}'..='\u{7e}').contains(&c) {
                    out.push(start..after);
                    In::Ground
                } else {
                    out.push(start..at);
                    again = Some((at, c));
                    In::Ground
                }
            }
            In::Str(start) => match c {
                '\u{07}' | '\u{9c}' | '\u{18}' | '\u{1a}' => {
                    out.push(start..after);
                    In::Ground
                }
                '\u{1b}' if chars.peek().map(|&(_, n)| n) == Some('\\') => {
                    chars.next();
                    out.push(start..after + 1);
                    In::Ground
                }
                '\u{1b}' | '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}'
                | '\u{2029}' => {
                    out.push(start..at);
                    again = Some((at, c));
                    In::Ground
                }
                _ => state,
            },
        };
    }
    if let In::Csi(start) | In::Intermediate(start) | In::Str(start) = state {
        out.push(start..s.len());
    }
    out
}

/// Sanitise text for a single display line (titles, file names, table cells): like
/// [`sanitize`], and every line break or tab becomes one space.
pub fn sanitize_line(s: &str) -> String {
    let mut out = sanitize(s);
    if out.contains(['\n', '\t']) {
        out = out
            .chars()
            .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
            .collect();
    }
    out
}

/// Sanitise a file path for display on one line; names that are not valid UTF-8 are shown
/// with `�` in place of the invalid bytes.
pub fn sanitize_path(path: &Path) -> String {
    sanitize_line(&path.to_string_lossy())
}

/// True for a character that can be printed as is.
fn is_plain(c: char) -> bool {
    if c == '\n' || c == '\t' {
        return true;
    }
    !(c.is_control() || is_bidi_control(c) || is_hidden_format(c) || is_line_separator(c))
}

/// Bidi overrides, embeddings and isolates: shown as `�`.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Invisible characters dropped from the output: bidi marks and format characters that can
/// hide or spoof text.
fn is_hidden_format(c: char) -> bool {
    matches!(
        c,
        '\u{200e}'
            | '\u{200f}'
            | '\u{061c}'
            | '\u{00ad}'
            | '\u{180e}'
            | '\u{200b}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206a}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{e0000}'..='\u{e007f}'
    )
}

/// Unicode line and paragraph separators, shown as a line break.
fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

fn is_intermediate(c: char) -> bool {
    ('\u{20}'..='\u{2f}').contains(&c)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Ordinary text.
    Ground,
    /// Just after ESC.
    Escape,
    /// `ESC` followed by intermediate bytes, waiting for the final byte.
    EscIntermediate,
    /// Inside a control sequence (`ESC [` or U+009B).
    Csi,
    /// Inside an OSC, DCS, SOS, PM or APC string, waiting for its terminator.
    String,
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

/// Handle one character of ordinary text.
fn ground(c: char, chars: &mut Chars<'_>, out: &mut impl FnMut(char)) -> State {
    match c {
        '\n' | '\t' => out(c),
        '\r' => {
            if chars.peek().map(|&(_, c)| c) != Some('\n') {
                out('\n');
            }
        }
        '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out('\n'),
        '\u{1b}' => return State::Escape,
        '\u{9b}' => {
            out('\u{FFFD}');
            return State::Csi;
        }
        '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => {
            out('\u{FFFD}');
            return State::String;
        }
        '\u{00}'..='\u{1f}' => {
            out(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'));
        }
        '\u{7f}' => out('\u{2421}'),
        '\u{80}'..='\u{9f}' => out('\u{FFFD}'),
        c if is_bidi_control(c) => out('\u{FFFD}'),
        c if is_hidden_format(c) => {}
        c => out(c),
    }
    State::Ground
}

/// Handle the character after an ESC.
fn escape(c: char, chars: &mut Chars<'_>, out: &mut impl FnMut(char)) -> State {
    match c {
        '[' => {
            out('\u{FFFD}');
            State::Csi
        }
        ']' | 'P' | 'X' | '^' | '_' => {
            out('\u{FFFD}');
            State::String
        }
        c if is_intermediate(c) => {
            out('\u{FFFD}');
            State::EscIntermediate
        }
        '\u{30}'..='\u{7e}' => {
            out('\u{FFFD}');
            State::Ground
        }
        _ => {
            // A lone ESC: show it and handle `c` as ordinary input.
            out('\u{241b}');
            ground(c, chars, out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_found_whole_as_sanitize_removes_them() {
        let s = "a\u{1b}]0;Evil Title\u{7}b\u{1b}[31mred\u{1b}[0m c\u{9d}8;;x\u{9c}d\u{1b}(Be \u{1b}Pdcs\u{1b}\\f\u{1b}é lone\u{1b}]unterminated\nnext";
        let ranges = escape_sequences(s);
        let pieces: Vec<&str> = ranges.iter().map(|r| &s[r.clone()]).collect();
        assert_eq!(
            pieces,
            [
                "\u{1b}]0;Evil Title\u{7}",
                "\u{1b}[31m",
                "\u{1b}[0m",
                "\u{9d}8;;x\u{9c}",
                "\u{1b}(B",
                "\u{1b}Pdcs\u{1b}\\",
                "\u{1b}]unterminated",
            ]
        );
        for p in pieces {
            assert_eq!(sanitize(p), "\u{FFFD}", "{p:?}");
        }
        assert!(escape_sequences("plain text").is_empty());
        // An 8-bit introducer alone is found, and a character merely sharing its last byte
        // (’ ends in 0x99, ” in 0x9d) is not one.
        let csi = escape_sequences("“a” \u{9b}31m b ’");
        assert_eq!((csi.len(), csi.first()), (1, Some(&(8..13))));
        assert!(escape_sequences("“quoted” it’s ‘x’").is_empty());
    }

    #[test]
    fn plain_text_is_unchanged() {
        let s = "Russia’s “Defense Ministry” said\n\tthe U.S. — 3.5 € 🏴‍☠️ Привет";
        assert_eq!(sanitize(s), s);
    }

    #[test]
    fn csi_sequences_are_removed_whole() {
        assert_eq!(
            sanitize("a\x1b[31;1mred\x1b[0m b"),
            "a\u{FFFD}red\u{FFFD} b"
        );
        assert_eq!(sanitize("x\x1b[2J\x1b[H"), "x\u{FFFD}\u{FFFD}");
        assert_eq!(sanitize("x\u{9b}31my"), "x\u{FFFD}y");
    }

    #[test]
    fn osc_sequences_are_removed_with_their_payload() {
        // Window title, terminated by BEL.
        assert_eq!(sanitize("a\x1b]0;pwned\x07b"), "a\u{FFFD}b");
        // OSC 52 clipboard write, terminated by ST.
        assert_eq!(sanitize("a\x1b]52;c;ZWNobyBoaQ==\x1b\\b"), "a\u{FFFD}b");
        // 8-bit OSC with 8-bit ST.
        assert_eq!(sanitize("a\u{9d}0;title\u{9c}b"), "a\u{FFFD}b");
        // Hyperlink.
        assert_eq!(
            sanitize("\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\"),
            "\u{FFFD}click\u{FFFD}"
        );
    }

    #[test]
    fn unterminated_string_sequence_ends_at_the_line_break() {
        assert_eq!(sanitize("a\x1b]0;title\nnext line"), "a\u{FFFD}\nnext line");
    }

    #[test]
    fn dcs_and_friends_are_removed() {
        assert_eq!(sanitize("a\x1bPq#0;2;0;0;0\x1b\\b"), "a\u{FFFD}b");
        assert_eq!(
            sanitize("a\x1b_apc\x1b\\b\x1b^pm\x1b\\c"),
            "a\u{FFFD}b\u{FFFD}c"
        );
        assert_eq!(sanitize("a\u{90}dcs\u{9c}b"), "a\u{FFFD}b");
    }

    #[test]
    fn two_char_and_nf_escapes_are_removed() {
        assert_eq!(sanitize("a\x1bcb"), "a\u{FFFD}b");
        assert_eq!(sanitize("a\x1b(Bb"), "a\u{FFFD}b");
        assert_eq!(sanitize("a\x1b#8b"), "a\u{FFFD}b");
    }

    #[test]
    fn lone_controls_are_made_visible() {
        assert_eq!(sanitize("a\x00b\x07c\x08d"), "a\u{2400}b\u{2407}c\u{2408}d");
        assert_eq!(sanitize("a\x7fb"), "a\u{2421}b");
        assert_eq!(sanitize("a\u{85}b\u{81}c"), "a\nb\u{FFFD}c");
        assert_eq!(sanitize("end\x1b"), "end\u{241b}");
        assert_eq!(sanitize("a\x1b\u{e9}b"), "a\u{241b}\u{e9}b");
    }

    #[test]
    fn line_endings_are_normalised() {
        assert_eq!(sanitize("a\r\nb\rc\u{2028}d"), "a\nb\nc\nd");
        assert_eq!(
            sanitize("progress 10%\rOVERWRITTEN"),
            "progress 10%\nOVERWRITTEN"
        );
    }

    #[test]
    fn bidi_overrides_are_inert_and_visible() {
        // "Trojan Source" style override.
        let s = "access\u{202e}level\u{2066}admin\u{2069}\u{202c}";
        assert_eq!(
            sanitize(s),
            "access\u{FFFD}level\u{FFFD}admin\u{FFFD}\u{FFFD}"
        );
        assert_eq!(sanitize("a\u{200f}b\u{200e}c\u{61c}d"), "abcd");
    }

    #[test]
    fn invisible_spoofing_characters_are_removed() {
        assert_eq!(sanitize("pay\u{ad}pal\u{200b}.com\u{feff}"), "paypal.com");
        assert_eq!(sanitize("a\u{e0041}\u{e0042}b"), "ab");
    }

    #[test]
    fn single_line_variant_flattens_breaks() {
        assert_eq!(
            sanitize_line("Title\nsecond\tpart\r\n"),
            "Title second part "
        );
        assert_eq!(sanitize_line("a\x1b]0;x\nb"), "a\u{FFFD} b");
    }

    #[test]
    fn mapped_output_matches_and_points_at_the_source() {
        let s = "a\x1b]0;PWNED\x07b\u{202e}c\r\nd\x1b";
        let mapped = sanitize_mapped(s);
        let chars: String = mapped.iter().map(|&(_, c)| c).collect();
        assert_eq!(chars, sanitize(s));
        assert_eq!(
            mapped,
            vec![
                (0, 'a'),
                (2, '\u{FFFD}'),
                (11, 'b'),
                (12, '\u{FFFD}'),
                (15, 'c'),
                (17, '\n'),
                (18, 'd'),
                (19, '\u{241b}')
            ]
        );
    }

    #[test]
    fn cells_reduce_clusters_whose_width_terminals_disagree_on() {
        // Family (ZWJ sequence), thumbs up with a skin tone, heart with VS16.
        assert_eq!(
            sanitize_cells("a\u{1f469}\u{200d}\u{1f467} \u{1f44d}\u{1f3fd} \u{2764}\u{fe0f}"),
            "a\u{1f469} \u{1f44d} \u{2764}"
        );
        // A flag: two regional indicators, one glyph or two letters depending on the terminal.
        assert_eq!(sanitize_cells("\u{1f1fa}\u{1f1e6}!"), "\u{1f1fa}!");
        // Two flags reduce to two lone indicators, which would pair up again: reduced further.
        assert_eq!(
            sanitize_cells("\u{1f1fa}\u{1f1e6}\u{1f1fa}\u{1f1e6}"),
            "\u{1f1fa}"
        );
        // Combining marks, CJK and plain emoji keep every character.
        for kept in ["e\u{301}", "漢字", "\u{1f600}", "Z\u{351}\u{36b}", "한국어"] {
            assert_eq!(sanitize_cells(kept), kept);
        }
        assert_eq!(sanitize_cells("x\x1b[2Jy"), "x\u{FFFD}y");
    }

    #[test]
    fn paths_are_sanitised_lossily() {
        #[cfg(unix)]
        {
            use std::ffi::OsStr;
            use std::os::unix::ffi::OsStrExt;
            let p = Path::new(OsStr::from_bytes(b"bad\xff\x1b[31mname.txt"));
            assert_eq!(sanitize_path(p), "bad\u{FFFD}\u{FFFD}name.txt");
        }
        assert_eq!(sanitize_path(Path::new("a\nb.txt")), "a b.txt");
    }
}
