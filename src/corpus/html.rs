//! Saved web pages (`.html`, `.htm`): the article's main text, extracted the way a browser's
//! reader mode does, and its metadata from the page.
//!
//! Extraction uses `dom_smoothie`, a port of Mozilla's Readability (the engine behind Firefox
//! Reader View): it scores the page's blocks, keeps the one that reads like an article and drops
//! menus, sidebars, comment threads, share buttons, cookie banners and scripts. The result is
//! reduced to plain paragraphs separated by blank lines, with the headline as the first
//! paragraph.
//!
//! Metadata, each value folded to one line and sanitised (it is untrusted):
//!
//! | field  | taken from, first found |
//! |--------|-------------------------|
//! | title  | `og:title`, else `<title>` — without a trailing " \| Site", " - Site" or " — Site" naming the outlet —, else the reader-mode title, else the file name |
//! | outlet | `og:site_name`, else the JSON-LD `publisher`, else the " \| Site" suffix of `<title>` |
//! | date   | `article:published_time`, else the reader-mode publication time (JSON-LD `datePublished`, `dc.date`, …) |
//! | url    | `<link rel="canonical">`, else `og:url` |
//! | author | the reader-mode byline (JSON-LD `author`, `<meta name="author">`, a `byline` element) |
//!
//! A page that is not UTF-8 is decoded from the character encoding it declares
//! (`<meta charset>` or `http-equiv="Content-Type"`), or from Windows-1252 when it declares none
//! (the HTML standard's fallback), with `encoding_rs`.
//!
//! A page in which no article can be found — an error page, a front page of links, a page that
//! is all furniture — is skipped with that reason. [`fragment_text`] turns an HTML fragment
//! (the content of a feed entry) into the same plain paragraphs without reader-mode extraction.

use std::path::Path;

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::Encoding;

use super::read::{check_bytes, read_text};
use super::{Article, Library, Meta, SkipReason, Source, slug, stem_of};
use crate::text::Span;
use crate::text::sanitize::{sanitize, sanitize_line};

/// Extracted texts shorter than this many words are not taken for an article.
pub const MIN_ARTICLE_WORDS: usize = 40;

/// Pages with more elements than this are refused rather than parsed (a guard against
/// pathological input; real article pages have a few thousand).
const MAX_ELEMENTS: usize = 200_000;

/// Read a saved page as text: like any text file when it is UTF-8, else decoded from the
/// encoding it declares in its first 2 KiB (Windows-1252 when it declares none).
pub fn read_page(path: &Path, max_file_size: u64) -> Result<String, SkipReason> {
    let offset = match read_text(path, max_file_size) {
        Ok(text) => return Ok(text),
        Err(SkipReason::NotUtf8 { offset }) => offset,
        Err(reason) => return Err(reason),
    };
    let bytes = std::fs::read(path).map_err(|e| SkipReason::from_io(&e))?;
    if bytes.len() as u64 > max_file_size {
        return Err(SkipReason::Grew);
    }
    let declared = declared_charset(&bytes);
    let encoding = match declared.as_deref() {
        Some(label) => match Encoding::for_label(label.as_bytes()) {
            Some(e) if e == encoding_rs::UTF_8 => {
                return Err(SkipReason::PageNotUtf8 { offset });
            }
            Some(e) => e,
            None => {
                return Err(SkipReason::UnknownEncoding {
                    offset,
                    label: sanitize_line(label),
                });
            }
        },
        None => encoding_rs::WINDOWS_1252,
    };
    let (text, _, _) = encoding.decode(&bytes);
    check_bytes(text.into_owned().into_bytes())
}

/// The `charset` a page declares near its start, lowercased.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: String = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .map(|&b| b as char)
        .collect();
    (!label.is_empty()).then_some(label)
}

/// Add the article in the saved page `raw`, read from `path`, to `lib`, or record why it was
/// skipped.
pub fn load(path: &Path, raw: String, lib: &mut Library) {
    let stem = stem_of(path);
    match extract_page(&raw) {
        Ok((mut meta, body)) => {
            // A page without any title gets the file name as its title, not as text.
            let (text, title_span) = with_headline(&meta.title, &body);
            if meta.title.is_empty() {
                meta.title = sanitize_line(&stem);
            }
            let source = Source::File {
                path: path.to_path_buf(),
                index: None,
            };
            lib.push_pending(Article::new(slug(&stem), meta, source, text, title_span));
        }
        Err(reason) => lib.skip(path, reason),
    }
}

/// Extract the metadata and the main text (plain paragraphs, without the headline) of a page.
pub fn extract_page(raw: &str) -> Result<(Meta, String), SkipReason> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let cfg = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let doc = Document::from(raw);
    let head = PageMeta::read(&doc);
    remove_furniture(&doc);
    let mut reader =
        Readability::with_document(doc, None, Some(cfg)).map_err(|e| SkipReason::NotHtml {
            message: e.to_string(),
        })?;
    let article = reader.parse().map_err(|e| match e {
        dom_smoothie::ReadabilityError::TooManyElements(elements, limit) => {
            SkipReason::PageTooComplex { elements, limit }
        }
        _ => SkipReason::NoArticle,
    })?;
    let body = paragraphs(&article.text_content);
    let words = body.split_whitespace().count();
    if words < MIN_ARTICLE_WORDS {
        return Err(SkipReason::TooFewWords { words });
    }
    let outlet = head
        .site_name
        .or_else(|| article.site_name.as_deref().and_then(clean_field))
        .or(head.title_suffix_outlet);
    let raw_title = head
        .og_title
        .or(head.title)
        .or_else(|| clean_field(&article.title))
        .unwrap_or_default();
    let title = strip_site_suffix(&raw_title, outlet.as_deref());
    let meta = Meta {
        title,
        outlet,
        date: head
            .published
            .or_else(|| article.published_time.as_deref().and_then(clean_field)),
        url: head.canonical.or(head.og_url),
        author: article
            .byline
            .as_deref()
            .and_then(clean_field)
            .map(|b| strip_by(&b))
            .or(head.author),
    };
    let body = drop_leading_headline(&body, &meta.title);
    Ok((meta, body))
}

/// Tags that are page furniture wherever they appear.
const FURNITURE_TAGS: &str = "nav, aside, form, button, dialog, menu, select, textarea, noscript, template, iframe, object, embed";

/// Words that mark an element as furniture when they appear anywhere in its `class` or `id`.
const FURNITURE_STEMS: &[&str] = &[
    "advert",
    "sponsor",
    "newsletter",
    "cookie",
    "consent",
    "gdpr",
    "donat",
    "promo",
    "subscri",
    "paywall",
    "comment",
    "outbrain",
    "taboola",
    "breadcrumb",
];

/// Words that mark an element as furniture when they are a whole word of its `class` or `id`
/// (split at `-`, `_`, spaces and lower-to-upper case changes).
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "share",
    "sharing",
    "social",
    "related",
    "banner",
    "popup",
    "modal",
    "sidebar",
    "widget",
    "tags",
    "most",
    "popular",
    "trending",
    "recommended",
    "footer",
    "header",
    "menu",
    "nav",
    "navigation",
    "masthead",
    "toolbar",
];

/// Remove what a reader would never call the article before reader-mode extraction sees the
/// page: furniture tags, and elements whose `class` or `id` name them as ads, banners, comment
/// threads, newsletter boxes, related links and the like. An element is kept whatever its name
/// when it is (or holds) the page's `<article>`, `<main>` or `<h1>`, or holds most of the text,
/// so a page that calls its body `has-comments` keeps its article.
fn remove_furniture(doc: &Document) {
    let total = doc
        .body()
        .map(|b| b.text().split_whitespace().count())
        .unwrap_or(0);
    let mut doomed = Vec::new();
    for node in doc.select("body *").nodes() {
        if node.is("html, body, main, article, h1") || node.is(":has(main, article, h1)") {
            continue;
        }
        let named = node.is(FURNITURE_TAGS) || {
            let names = format!(
                "{} {}",
                node.attr("class").unwrap_or_default(),
                node.attr("id").unwrap_or_default()
            );
            is_furniture_name(&names)
        };
        if named && node.text().split_whitespace().count() * 2 <= total {
            doomed.push(*node);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Does a `class`/`id` value name page furniture?
fn is_furniture_name(names: &str) -> bool {
    let lower = names.to_lowercase();
    if FURNITURE_STEMS.iter().any(|s| lower.contains(s)) {
        return true;
    }
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in names.chars() {
        if !c.is_alphanumeric() {
            words.push(std::mem::take(&mut cur));
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower {
            words.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase();
        cur.extend(c.to_lowercase());
    }
    words.push(cur);
    words.iter().any(|w| FURNITURE_WORDS.contains(&w.as_str()))
}

/// The plain text of an HTML fragment (a feed entry's content): scripts, styles and embedded
/// objects dropped, block elements turned into paragraphs separated by blank lines.
pub fn fragment_text(fragment: &str) -> String {
    let doc = Document::fragment(fragment);
    doc.select("script, style, noscript, template, iframe, object, embed, svg, form, button")
        .remove();
    paragraphs(&doc.formatted_text())
}

/// `headline`, a blank line, then `body`; the span of the headline. An empty headline adds
/// nothing.
pub(crate) fn with_headline(headline: &str, body: &str) -> (String, Option<Span>) {
    if headline.trim().is_empty() {
        return (body.to_string(), None);
    }
    let text = format!("{headline}\n\n{body}");
    (text, Some(Span::new(0, headline.len())))
}

/// Drop a first paragraph that repeats the headline (reader mode sometimes keeps the `<h1>`).
fn drop_leading_headline(body: &str, title: &str) -> String {
    let want = fold(title);
    match body.split_once("\n\n") {
        Some((first, rest)) if !want.is_empty() && fold(first) == want => rest.to_string(),
        None if !want.is_empty() && fold(body) == want => String::new(),
        _ => body.to_string(),
    }
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
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

fn strip_by(byline: &str) -> String {
    for p in ["By ", "by ", "BY "] {
        if let Some(rest) = byline.strip_prefix(p)
            && !rest.trim().is_empty()
        {
            return rest.trim().to_string();
        }
    }
    byline.to_string()
}

/// Separators between a headline and the site's name in `<title>`.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " · ", " :: ", " « ", " » "];

/// `title` without a trailing " | Site" (or " - ", " – ", " — ", " · ", " :: ", " « ",
/// " » " Site) when Site names `outlet`, or — with no outlet known — when the separator is
/// " | " and what follows is a short name (one to four words).
pub fn strip_site_suffix(title: &str, outlet: Option<&str>) -> String {
    let Some((sep, head, tail)) = last_separator(title) else {
        return title.to_string();
    };
    let strip = match outlet {
        Some(o) => {
            let (t, o) = (fold(tail), fold(o));
            t == o || t.starts_with(&o) || o.starts_with(&t)
        }
        None => sep == " | " && is_short_name(tail),
    };
    if strip && !head.trim().is_empty() {
        head.trim_end().to_string()
    } else {
        title.to_string()
    }
}

fn last_separator(title: &str) -> Option<(&'static str, &str, &str)> {
    SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| (i, *sep)))
        .max_by_key(|(i, _)| *i)
        .map(|(i, sep)| (sep, &title[..i], &title[i + sep.len()..]))
}

fn is_short_name(s: &str) -> bool {
    let n = s.split_whitespace().count();
    (1..=4).contains(&n)
}

/// Metadata read directly from the page's `<head>`.
#[derive(Default)]
struct PageMeta {
    site_name: Option<String>,
    og_title: Option<String>,
    title: Option<String>,
    title_suffix_outlet: Option<String>,
    published: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    author: Option<String>,
}

impl PageMeta {
    fn read(doc: &Document) -> PageMeta {
        let meta = |attr: &str, name: &str| -> Option<String> {
            doc.select("meta")
                .nodes()
                .iter()
                .find(|n| {
                    n.attr(attr)
                        .is_some_and(|v| v.trim().eq_ignore_ascii_case(name))
                        && n.attr("content").is_some_and(|c| !c.trim().is_empty())
                })
                .and_then(|n| n.attr("content"))
                .and_then(|c| clean_field(&c))
        };
        let title = doc
            .select("title")
            .nodes()
            .first()
            .and_then(|n| clean_field(&n.text()));
        let canonical = doc
            .select("link")
            .nodes()
            .iter()
            .find(|n| {
                n.attr("rel").is_some_and(|r| {
                    r.split_whitespace()
                        .any(|t| t.eq_ignore_ascii_case("canonical"))
                })
            })
            .and_then(|n| n.attr("href"))
            .and_then(|h| clean_field(&h));
        let title_suffix_outlet = title.as_deref().and_then(|t| {
            let (sep, head, tail) = last_separator(t)?;
            (sep == " | " && is_short_name(tail) && !head.trim().is_empty())
                .then(|| tail.trim().to_string())
        });
        PageMeta {
            site_name: meta("property", "og:site_name"),
            og_title: meta("property", "og:title"),
            title,
            title_suffix_outlet,
            published: meta("property", "article:published_time")
                .or_else(|| meta("name", "article:published_time")),
            canonical,
            og_url: meta("property", "og:url"),
            author: meta("name", "author"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix_is_stripped_only_when_it_names_the_site() {
        assert_eq!(
            strip_site_suffix("Rates rise again | The Daily", Some("The Daily")),
            "Rates rise again"
        );
        assert_eq!(
            strip_site_suffix("Rates rise again - The Daily", Some("the daily")),
            "Rates rise again"
        );
        // A dash inside the headline is kept when what follows is not the outlet.
        assert_eq!(
            strip_site_suffix("Rates rise - again", Some("The Daily")),
            "Rates rise - again"
        );
        assert_eq!(
            strip_site_suffix("Rates rise - again", None),
            "Rates rise - again"
        );
        assert_eq!(
            strip_site_suffix("Rates rise again | Daily", None),
            "Rates rise again"
        );
        assert_eq!(
            strip_site_suffix("| The Daily", Some("The Daily")),
            "| The Daily"
        );
    }

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
