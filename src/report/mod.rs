//! Reports: a comparison rendered as text, Markdown, HTML or JSON; one article as loaded
//! ([`article`], for `parallax show`).
//!
//! Every format reads the same [`Comparison`]; the JSON report is its serde form. [`export`]
//! writes a report to a new file safely.

pub mod article;
mod common;
pub mod export;
pub mod html;
pub mod json;
pub mod markdown;
pub mod story;
pub mod text;

use std::io;

use serde::{Deserialize, Serialize};

use crate::compare::Comparison;

/// Output format of `parallax compare`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// For a person in a terminal.
    Text,
    /// For sharing.
    Markdown,
    /// The stable machine contract (`parallax.comparison/1`).
    Json,
    /// A self-contained HTML page with both articles side by side.
    Html,
}

/// Render `cmp` in `format`.
pub fn render(cmp: &Comparison, format: Format) -> String {
    match format {
        Format::Json => json::render(cmp),
        Format::Text => text::render(cmp),
        Format::Markdown => markdown::render(cmp),
        Format::Html => html::render(cmp),
    }
}

/// Write `cmp` in `format` to `sink`. The HTML page and the JSON are written as they are made,
/// in chunks, so a long comparison is never held whole in memory twice.
pub fn write(cmp: &Comparison, format: Format, sink: &mut dyn io::Write) -> io::Result<()> {
    match format {
        Format::Json => json::write(cmp, sink),
        Format::Html => html::write(cmp, sink),
        Format::Text => sink.write_all(text::render(cmp).as_bytes()),
        Format::Markdown => sink.write_all(markdown::render(cmp).as_bytes()),
    }
}

/// `n` and the noun for that many: "1 framing difference", "3 framing differences".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_of_a_thing_is_singular() {
        assert_eq!(
            counted(1, "framing difference", "framing differences"),
            "1 framing difference"
        );
        assert_eq!(
            counted(0, "shared quote", "shared quotes"),
            "0 shared quotes"
        );
        assert_eq!(
            counted(3, "shared quote", "shared quotes"),
            "3 shared quotes"
        );
    }
}
