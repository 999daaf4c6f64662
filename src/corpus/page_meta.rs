//! Metadata of a saved web page, read from its `<head>`: title, outlet, date, canonical URL
//! and author, each value folded to one line and sanitised (it is untrusted).
//!
//! | field  | taken from, first found |
//! |--------|-------------------------|
//! | title  | `og:title`, else `<title>` — without a trailing " \| Site", " - Site" or " — Site" naming the outlet —, else the reader-mode title, else the file name |
//! | outlet | `og:site_name`, else the JSON-LD `publisher`, else the " \| Site" suffix of `<title>` |
//! | date   | `article:published_time`, else the reader-mode publication time (JSON-LD `datePublished`, `dc.date`, …) |
//! | url    | `<link rel="canonical">`, else `og:url`, else the address the page was fetched from |
//! | author | the reader-mode byline (JSON-LD `author`, `<meta name="author">`, a `byline` element) |

use super::fold;
use dom_query::Document;

use super::html::clean_field;

/// A byline without its leading "By ".
pub(crate) fn strip_by(byline: &str) -> String {
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

pub(crate) fn last_separator(title: &str) -> Option<(&'static str, &str, &str)> {
    SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| (i, *sep)))
        .max_by_key(|(i, _)| *i)
        .map(|(i, sep)| (sep, &title[..i], &title[i + sep.len()..]))
}

pub(crate) fn is_short_name(s: &str) -> bool {
    let n = s.split_whitespace().count();
    (1..=4).contains(&n)
}

/// Metadata read directly from the page's `<head>`.
#[derive(Default)]
pub(crate) struct PageMeta {
    pub(crate) site_name: Option<String>,
    pub(crate) og_title: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) title_suffix_outlet: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) canonical: Option<String>,
    pub(crate) og_url: Option<String>,
    pub(crate) author: Option<String>,
}

impl PageMeta {
    pub(crate) fn read(doc: &Document) -> PageMeta {
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
}
