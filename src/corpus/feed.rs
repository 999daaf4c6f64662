//! News feeds: RSS (0.9x, 1.0, 2.0) and Atom files (`.rss`, `.atom`, and `.xml` files whose
//! root element is `<rss>`, `<rdf:RDF>` or `<feed>`), parsed with `feed-rs`.
//!
//! Every entry with content becomes an article: its full content (`content:encoded`, Atom
//! `<content>`), else its description or summary. HTML content is reduced to plain paragraphs —
//! with reader-mode extraction (see [`super::html`]) when an entry carries a whole page, as plain
//! HTML-to-text when it carries a fragment. The outlet is the feed's title; title, date
//! (published, else updated; written in UTC as `YYYY-MM-DDTHH:MM:SSZ`), url (the entry's
//! alternate link) and author come from the entry. All of it is sanitised.
//!
//! Feed support is the default-on Cargo feature `feeds`; a build without it skips feed files
//! with that reason.
//!
//! An entry without content is skipped as `path#N` (N counts entries from 1) with its reason,
//! while the rest of the feed loads; a file that is not a feed is skipped as a whole.

use std::path::Path;

#[cfg(feature = "feeds")]
use feed_rs::model::{Entry, Feed, Text};

use super::html::clean_field;
#[cfg(feature = "feeds")]
use super::html::{extract_page, fragment_text, paragraphs, try_fragment_text, with_headline};
#[cfg(feature = "feeds")]
use super::json::entry_path;
#[cfg(feature = "feeds")]
use super::{Article, Meta, Source, first_headline_line, slug, stem_of};
use super::{Library, SkipReason};

/// Is `raw` (an `.xml` file's text) an RSS or Atom feed? Looks at the root element only:
/// `<rss>`, `<rdf:RDF>` (RSS 1.0) or `<feed>` (Atom), with or without a namespace prefix.
pub fn is_feed(raw: &str) -> bool {
    matches!(
        root_element(raw).map(|n| n.rsplit(':').next().unwrap_or(n).to_ascii_lowercase()),
        Some(ref n) if n == "rss" || n == "rdf" || n == "feed"
    )
}

/// The name of the first element of an XML document, after the declaration, processing
/// instructions, comments and the doctype.
pub fn root_element(raw: &str) -> Option<&str> {
    let mut rest = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            rest = &r[r.find("?>")? + 2..];
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->")? + 3..];
        } else if let Some(r) = rest.strip_prefix("<!") {
            rest = &r[declaration_end(r)?..];
        } else if let Some(r) = rest.strip_prefix('<') {
            let end = r
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(r.len());
            return (end > 0).then(|| &r[..end]);
        } else {
            return None;
        }
    }
}

/// Where a `<!…>` declaration whose text after `<!` is `decl` ends (just past its `>`): the
/// first `>` outside quotes, or for a doctype with an internal subset (`<!DOCTYPE rss [
/// <!ENTITY …> ]>`) the `>` after the subset's closing `]`.
fn declaration_end(decl: &str) -> Option<usize> {
    let mut quote = None;
    let mut in_subset = false;
    let mut chars = decl.char_indices();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[') if !in_subset => in_subset = true,
            (None, '<') if in_subset && decl[i..].starts_with("<!--") => {
                let end = decl[i + 4..].find("-->")? + i + 4 + 3;
                while chars.next().is_some_and(|(j, _)| j + 1 < end) {}
            }
            (None, ']') if in_subset => in_subset = false,
            (None, '>') if !in_subset => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Add the entries of the `.xml` file `raw` when it is a feed; otherwise record that it is not.
pub fn load_xml(path: &Path, raw: &str, lib: &mut Library) {
    if is_feed(raw) {
        load(path, raw, lib);
    } else {
        let root = root_element(raw).map(|name| clean_field(name).unwrap_or_default());
        lib.skip(path, SkipReason::NotAFeed { root });
    }
}

/// Without the `feeds` feature: record that feeds are not supported by this build.
#[cfg(not(feature = "feeds"))]
pub fn load(path: &Path, _raw: &str, lib: &mut Library) {
    lib.skip(path, SkipReason::FeedsDisabled);
}

/// Add the entries of the feed `raw`, read from `path`, to `lib`.
#[cfg(feature = "feeds")]
pub fn load(path: &Path, raw: &str, lib: &mut Library) {
    let feed = match feed_rs::parser::parse(raw.as_bytes()) {
        Ok(f) => f,
        Err(e) => {
            lib.skip(
                path,
                SkipReason::UnreadableFeed {
                    message: clean_field(&e.to_string()).unwrap_or_default(),
                },
            );
            return;
        }
    };
    if feed.entries.is_empty() {
        lib.skip(path, SkipReason::EmptyFeed);
        return;
    }
    let outlet = feed_title(&feed);
    let stem = slug(&stem_of(path));
    for (i, entry) in feed.entries.iter().enumerate() {
        match entry_article(entry, outlet.clone()) {
            Ok((meta, text, title_span)) => {
                let source = Source::File {
                    path: path.to_path_buf(),
                    index: Some(i),
                };
                let id = format!("{stem}-{}", i + 1);
                lib.push_pending(Article::new(id, meta, source, text, title_span));
            }
            Err(reason) => lib.skip(entry_path(path, i), reason),
        }
    }
}

#[cfg(feature = "feeds")]
fn feed_title(feed: &Feed) -> Option<String> {
    feed.title.as_ref().and_then(text_line)
}

#[cfg(feature = "feeds")]
/// A feed `Text` as one sanitised line (HTML titles lose their markup).
fn text_line(t: &Text) -> Option<String> {
    if is_html(t.content_type.as_ref()) && t.content.contains('<') {
        clean_field(&fragment_text(&t.content))
    } else {
        clean_field(&t.content)
    }
}

#[cfg(feature = "feeds")]
fn is_html(media_type: &str) -> bool {
    media_type.contains("html")
}

#[cfg(feature = "feeds")]
/// Does `body` hold a whole page rather than a fragment?
fn is_whole_page(body: &str) -> bool {
    let head = body
        .get(..body.len().min(1024))
        .unwrap_or(body)
        .to_ascii_lowercase();
    head.contains("<html") || head.contains("<!doctype html") || head.contains("<body")
}

#[cfg(feature = "feeds")]
type Built = (Meta, String, Option<crate::text::Span>);

#[cfg(feature = "feeds")]
fn entry_article(entry: &Entry, outlet: Option<String>) -> Result<Built, SkipReason> {
    let (body, media_type) = match (&entry.content, &entry.summary) {
        (Some(c), _) if c.body.as_deref().is_some_and(|b| !b.trim().is_empty()) => (
            c.body.clone().unwrap_or_default(),
            c.content_type.to_string(),
        ),
        (_, Some(s)) if !s.content.trim().is_empty() => {
            (s.content.clone(), s.content_type.to_string())
        }
        (Some(c), _) if c.src.is_some() => {
            return Err(SkipReason::ContentElsewhere);
        }
        _ => return Err(SkipReason::NoContent),
    };
    let mut page_meta = None;
    let text = if is_whole_page(&body) {
        let (m, t) = extract_page(&body)?;
        page_meta = Some(m);
        t
    } else if is_html(&media_type) || body.contains("</") {
        try_fragment_text(&body)?
    } else {
        paragraphs(&body)
    };
    if text.trim().is_empty() {
        return Err(SkipReason::NoTextInContent);
    }
    let page_meta = page_meta.unwrap_or_default();
    let title = entry
        .title
        .as_ref()
        .and_then(text_line)
        .or_else(|| clean_field(&page_meta.title));
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .and_then(|l| clean_field(&l.href))
        .or(page_meta.url);
    let author = {
        let names: Vec<String> = entry
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref().and_then(clean_field))
            .collect();
        (!names.is_empty())
            .then(|| names.join(", "))
            .or(page_meta.author)
    };
    let date = entry
        .published
        .or(entry.updated)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .or(page_meta.date);
    let mut meta = Meta {
        title: String::new(),
        outlet: outlet.or(page_meta.outlet),
        date,
        url,
        author,
    };
    let (text, title_span) = match title {
        Some(t) => {
            let built = with_headline(&t, &text);
            meta.title = t;
            built
        }
        None => {
            let span = first_headline_line(&text);
            meta.title = span
                .map(|s| s.slice(&text).to_string())
                .unwrap_or_else(|| "untitled entry".to_string());
            (text, span)
        }
    };
    Ok((meta, text, title_span))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_element_skips_a_doctype_with_an_internal_subset() {
        let x = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n  <!ENTITY copy \"&#169; <b>\">\n  <!-- a ]> comment -->\n  <!ENTITY nbsp \"&#160;\">\n]>\n<rss version=\"2.0\">";
        assert_eq!(root_element(x), Some("rss"));
        assert!(is_feed(x));
        assert_eq!(root_element("<!DOCTYPE html><html>"), Some("html"));
        assert_eq!(
            root_element("<!DOCTYPE x [ <!ENTITY a \"unterminated"),
            None
        );
    }

    #[test]
    fn root_element_skips_prolog() {
        let x = "\u{feff}<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE x>\n<rss version=\"2.0\">";
        assert_eq!(root_element(x), Some("rss"));
        assert!(is_feed(x));
        assert!(is_feed("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(is_feed("<rdf:RDF>"));
        assert!(!is_feed("<urlset>"));
        assert!(!is_feed("plain text"));
        assert_eq!(root_element("<?xml unterminated"), None);
    }
}
