//! One article as loaded, for `parallax show`: its metadata and every paragraph with the role
//! it was given (headline, reporting, embedded post, or the kind of page furniture), so a user
//! can see what was extracted from a page and what the comparison will read.
//!
//! - [`render_text`]: for a person. Each paragraph on its own line after a role column;
//!   furniture dimmed when `dim` is set (the CLI sets it for a colour terminal). Every piece of
//!   input text is sanitised first, so nothing from a page reaches the terminal as a control or
//!   escape sequence.
//! - [`render_json`]: schema `parallax.article/1`. `text` is the article as the comparison
//!   reads it — headline, reporting and embedded posts, furniture left out, paragraphs separated
//!   by blank lines; `full_text` is everything loaded, furniture included, and each entry of
//!   `paragraphs` gives its `span` (byte offsets into `full_text`), `role` (`title`, `body`,
//!   `embedded`, `boilerplate`), `kind` (for boilerplate: `caption`, `byline`, `timestamp`,
//!   `label`, `related`, …) and `text`.

use serde::Serialize;

use crate::corpus::Article;
use crate::text::sanitize::{sanitize, sanitize_line};
use crate::text::{Boilerplate, ParagraphRole, Span};

/// The `kind` name of a furniture kind, as in the JSON (`image_credit`, `caption`, …).
pub fn kind_name(kind: Boilerplate) -> &'static str {
    match kind {
        Boilerplate::Navigation => "navigation",
        Boilerplate::Advertisement => "advertisement",
        Boilerplate::Appeal => "appeal",
        Boilerplate::Counter => "counter",
        Boilerplate::Comments => "comments",
        Boilerplate::Related => "related",
        Boilerplate::ImageCredit => "image_credit",
        Boilerplate::Caption => "caption",
        Boilerplate::Byline => "byline",
        Boilerplate::Timestamp => "timestamp",
        Boilerplate::Label => "label",
        Boilerplate::Repeated => "repeated",
        Boilerplate::Other => "other",
    }
}

/// A short label for a paragraph role: `title`, `body`, `embedded`, or the furniture kind.
pub fn role_label(role: ParagraphRole) -> &'static str {
    match role {
        ParagraphRole::Title => "title",
        ParagraphRole::Body => "body",
        ParagraphRole::Embedded => "embedded",
        ParagraphRole::Boilerplate(k) => kind_name(k),
    }
}

/// The article as text for a terminal: a metadata header, then one line per paragraph after
/// its role. Furniture is wrapped in SGR dim when `dim` is set.
pub fn render_text(a: &Article, dim: bool) -> String {
    let mut out = String::new();
    let field = |out: &mut String, name: &str, value: Option<&str>| {
        if let Some(v) = value {
            out.push_str(&format!("{name:<8}{}\n", sanitize_line(v)));
        }
    };
    field(&mut out, "Title", Some(&a.title));
    field(&mut out, "Outlet", Some(a.outlet_label()));
    field(&mut out, "Date", a.date.as_deref());
    field(&mut out, "Author", a.author.as_deref());
    field(&mut out, "URL", a.url.as_deref());
    field(&mut out, "Source", Some(&a.source.display()));
    field(&mut out, "Id", Some(&a.id));
    let paragraphs = &a.analysis.paragraphs;
    let furniture = paragraphs
        .iter()
        .filter(|p| p.role.is_boilerplate())
        .count();
    out.push_str(&format!(
        "Words   {} outside page furniture · {} paragraph{} · {} of them page furniture{}\n\n",
        a.analysis.content_words(),
        paragraphs.len(),
        if paragraphs.len() == 1 { "" } else { "s" },
        furniture,
        if furniture > 0 {
            " (marked ·, left out of comparisons)"
        } else {
            ""
        }
    ));
    for p in paragraphs {
        let body = sanitize(p.span.slice(&a.text));
        let furniture = p.role.is_boilerplate();
        let label = format!(
            "{}{:<14}",
            if furniture { "· " } else { "  " },
            role_label(p.role)
        );
        let indent = " ".repeat(label.chars().count());
        for (i, line) in body.lines().enumerate() {
            let line = if i == 0 {
                format!("{label}{line}")
            } else {
                format!("{indent}{line}")
            };
            // Dim each line on its own, so a pager that cuts lines keeps the state right.
            if furniture && dim {
                out.push_str(&format!("\x1b[2m{line}\x1b[22m\n"));
            } else {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}

/// One paragraph in the JSON form.
#[derive(Serialize)]
struct JsonParagraph<'a> {
    role: &'static str,
    kind: Option<&'static str>,
    span: Span,
    text: &'a str,
}

/// The JSON form of `parallax show`.
#[derive(Serialize)]
struct JsonArticle<'a> {
    schema: &'static str,
    id: &'a str,
    title: &'a str,
    outlet: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    author: Option<&'a str>,
    source: String,
    words: usize,
    text: String,
    full_text: &'a str,
    paragraphs: Vec<JsonParagraph<'a>>,
}

/// The article as pretty-printed JSON (schema `parallax.article/1`), with a trailing newline.
/// Terminal control characters inside strings are written as `\uXXXX` escapes.
pub fn render_json(a: &Article) -> String {
    let paragraphs: Vec<JsonParagraph> = a
        .analysis
        .paragraphs
        .iter()
        .map(|p| JsonParagraph {
            role: match p.role {
                ParagraphRole::Title => "title",
                ParagraphRole::Body => "body",
                ParagraphRole::Embedded => "embedded",
                ParagraphRole::Boilerplate(_) => "boilerplate",
            },
            kind: match p.role {
                ParagraphRole::Boilerplate(k) => Some(kind_name(k)),
                _ => None,
            },
            span: p.span,
            text: p.span.slice(&a.text),
        })
        .collect();
    let text: Vec<&str> = paragraphs
        .iter()
        .filter(|p| p.role != "boilerplate")
        .map(|p| p.text)
        .collect();
    let doc = JsonArticle {
        schema: "parallax.article/1",
        id: &a.id,
        title: &a.title,
        outlet: a.outlet.as_deref(),
        date: a.date.as_deref(),
        url: a.url.as_deref(),
        author: a.author.as_deref(),
        source: a.source.display(),
        words: a.analysis.content_words(),
        text: text.join("\n\n"),
        full_text: &a.text,
        paragraphs,
    };
    let s = serde_json::to_string_pretty(&doc)
        .unwrap_or_else(|e| format!("{{\"error\": \"{}\"}}", sanitize_line(&e.to_string())));
    let mut s = super::json::escape_terminal_controls(&s);
    s.push('\n');
    s
}
