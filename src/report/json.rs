//! The JSON report: the serde form of [`Comparison`], schema `parallax.comparison/1`.

use crate::compare::Comparison;

/// Pretty-printed JSON with a trailing newline.
pub fn render(cmp: &Comparison) -> String {
    let mut s =
        serde_json::to_string_pretty(cmp).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
