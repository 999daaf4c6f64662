//! The JSON report: the serde form of [`Comparison`], schema `parallax.comparison/1`.
//!
//! The article text travels unchanged (every span indexes into it), so characters that a
//! terminal would act on are written as `\uXXXX` escapes instead of raw: `serde_json` escapes
//! C0 controls itself; DEL, the C1 controls (U+0080–U+009F, read as CSI, OSC, … by some
//! terminals), the bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the bidi
//! marks (U+200E, U+200F, U+061C) are escaped here. The parsed JSON is the same either way.

use crate::compare::Comparison;

/// Pretty-printed JSON with a trailing newline.
pub fn render(cmp: &Comparison) -> String {
    let s = serde_json::to_string_pretty(cmp).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    let mut s = escape_terminal_controls(&s);
    s.push('\n');
    s
}

/// Replace every raw DEL, C1 control and bidi control character in serialised JSON by its
/// `\uXXXX` escape. Such characters can only occur inside JSON strings, where the escape means
/// the same character.
pub fn escape_terminal_controls(json: &str) -> String {
    if !json.chars().any(needs_escape) {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn needs_escape(c: char) -> bool {
    matches!(
        c,
        '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_and_bidi_controls_are_escaped_and_parse_back() {
        let raw = serde_json::to_string(&"a\u{9b}31m\u{202e}b\u{7f}").unwrap();
        let escaped = escape_terminal_controls(&raw);
        assert_eq!(escaped, r#""a\u009b31m\u202eb\u007f""#);
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "a\u{9b}31m\u{202e}b\u{7f}");
    }
}
