//! Saved web pages (`.html`, `.htm`): reading the file and loading the article that
//! [`super::extract`] finds in it.
//!
//! A page that is not UTF-8 is decoded from the character encoding it declares, or from
//! Windows-1252 when it declares none (see [`super::extract::decode`]). A page in which no
//! article can be found is skipped with that reason. [`fragment_text`] turns an HTML fragment
//! (the content of a feed entry) into plain paragraphs without reader-mode extraction.

use std::path::Path;

use dom_query::Document;

use super::extract::{decode, extract_str};
use super::nesting;
use super::read::read_bytes;
use super::{Library, Meta, SkipReason, Source, slug, stem_of};
use crate::text::sanitize::{sanitize, sanitize_line};

pub use super::extract::MIN_ARTICLE_WORDS;

/// Read a saved page as text: like any text file when it is UTF-8, else decoded from the
/// encoding it declares in its first 2 KiB (Windows-1252 when it declares none).
pub fn read_page(path: &Path, max_file_size: u64) -> Result<String, SkipReason> {
    // One non-blocking read of a regular file (never a pipe or a device), then decoding.
    decode(&read_bytes(path, max_file_size)?)
}

/// Add the article in the saved page `raw`, read from `path`, to `lib`, or record why it was
/// skipped.
pub fn load(path: &Path, raw: String, lib: &mut Library) {
    let stem = stem_of(path);
    match extract_str(&raw, None) {
        Ok(mut page) => {
            // A page without any title gets the file name as its title, not as text.
            if page.meta.title.is_empty() {
                page.meta.title = sanitize_line(&stem);
            }
            let source = Source::File {
                path: path.to_path_buf(),
                index: None,
            };
            lib.push_pending(page.into_article(slug(&stem), source));
        }
        Err(reason) => lib.skip(path, reason),
    }
}

/// The metadata and the main text of a page as plain paragraphs (without the headline; page
/// furniture included, for the text rules to tag), for a feed entry that holds a whole page.
pub fn extract_page(raw: &str) -> Result<(Meta, String), SkipReason> {
    let page = extract_str(raw, None)?;
    let body: Vec<&str> = page
        .analysis
        .paragraphs
        .iter()
        .filter(|p| p.role != crate::text::ParagraphRole::Title)
        .map(|p| p.span.slice(&page.text))
        .collect();
    Ok((page.meta, body.join("\n\n")))
}

/// The plain text of an HTML fragment (a feed entry's content): scripts, styles and embedded
/// objects dropped, block elements turned into paragraphs separated by blank lines. Markup
/// nested too deep is flattened first (see [`nesting`]); a fragment that cannot be read gives
/// no text.
pub fn fragment_text(fragment: &str) -> String {
    try_fragment_text(fragment).unwrap_or_default()
}

/// [`fragment_text`], or why the fragment cannot be read.
pub fn try_fragment_text(fragment: &str) -> Result<String, SkipReason> {
    let flat = nesting::flatten(fragment);
    let doc = nesting::parse_flat(&flat, |h| Document::fragment(h))?;
    doc.select("script, style, noscript, template, iframe, object, embed, svg, form, button")
        .remove();
    Ok(paragraphs(&doc.formatted_text()))
}

/// `headline`, a blank line, then `body`; the span of the headline. An empty headline adds
/// nothing.
#[cfg(feature = "feeds")]
pub(crate) fn with_headline(headline: &str, body: &str) -> (String, Option<crate::text::Span>) {
    if headline.trim().is_empty() {
        return (body.to_string(), None);
    }
    let text = format!("{headline}\n\n{body}");
    (text, Some(crate::text::Span::new(0, headline.len())))
}

/// Normalise extracted text to paragraphs: sanitised, blank-line separated, each line's runs of
/// spaces collapsed and trimmed, empty lines dropped inside a paragraph.
pub(crate) fn paragraphs(text: &str) -> String {
    let text = sanitize(text).replace('\u{a0}', " ");
    let mut out: Vec<String> = Vec::new();
    for para in text.split("\n\n") {
        let lines: Vec<String> = para
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        if !lines.is_empty() {
            out.push(lines.join("\n"));
        }
    }
    out.join("\n\n")
}

/// A metadata value: sanitised, folded to one line, whitespace collapsed; `None` when empty.
pub(crate) fn clean_field(s: &str) -> Option<String> {
    let v = sanitize_line(s)
        .replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!v.is_empty()).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_normalised() {
        assert_eq!(
            paragraphs("  One\u{a0} two \n\n\n\n three\n   \n\n"),
            "One two\n\nthree"
        );
    }

    #[test]
    fn fragments_lose_scripts_and_keep_paragraphs() {
        let t = fragment_text(
            "<p>First <b>bold</b> para.</p><script>alert(1)</script><p>Second&nbsp;one.</p>",
        );
        assert_eq!(t, "First bold para.\n\nSecond one.");
    }
}
