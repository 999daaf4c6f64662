//! Fuzz target: nested markup from a structured description. The input drives `arbitrary` to
//! build a tree of HTML elements (real tag names, attributes, text, unclosed tags) with runs
//! nested up to 20,000 levels deep (deeper than any stack would take recursively; the first
//! crash seen was at 16,000) in pages of at most 128 KiB, rendered as a saved page, as an HTML
//! fragment and as the content of a feed entry. Extraction must never crash or recurse past its
//! stack, the parsed tree must stay within the depth the flattening promises, and everything
//! extracted must be free of control characters once sanitised.
#![no_main]

use std::path::Path;

use libfuzzer_sys::arbitrary::{self, Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use parallax::corpus::{Library, feed, html, nesting};
use parallax::text::sanitize::sanitize;

const TAGS: &[&str] = &[
    "div", "p", "b", "i", "a", "span", "font", "table", "tbody", "tr", "td", "th", "caption",
    "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "article", "main", "nav", "aside", "form",
    "button", "select", "option", "svg", "math", "mi", "template", "noscript", "script", "style",
    "title", "textarea", "object", "body", "html", "head", "br", "img", "hr",
];

const WORDS: &[&str] = &[
    "The", "ministry", "said", "“quoted", "words”", "&amp;", "convoy", "\u{1b}]0;title\u{7}",
    "café", "U.S.", "<!-- c -->", "</div>", "]]>",
];

/// One piece of markup.
#[derive(Debug)]
enum Node {
    /// An element with children; `close` writes its end tag.
    Element {
        tag: &'static str,
        class: Option<&'static str>,
        children: Vec<Node>,
        close: bool,
    },
    /// Words of text.
    Text(Vec<&'static str>),
    /// `depth` copies of one start tag, text, then (when `close`) as many end tags.
    Deep {
        tag: &'static str,
        depth: u16,
        close: bool,
    },
}

fn node(u: &mut Unstructured<'_>, level: usize) -> arbitrary::Result<Node> {
    let kind = if level >= 6 { 1 } else { u.int_in_range(0..=4)? };
    Ok(match kind {
        0 | 4 => Node::Element {
            tag: u.choose(TAGS)?,
            class: if u.arbitrary()? {
                Some(u.choose(&["ad", "comment", "story", "sidebar", "has-comments"])?)
            } else {
                None
            },
            children: {
                let n = u.int_in_range(0..=4)?;
                (0..n)
                    .map(|_| node(u, level + 1))
                    .collect::<arbitrary::Result<_>>()?
            },
            close: u.ratio(4, 5)?,
        },
        1 => Node::Text(
            (0..u.int_in_range(1..=20)?)
                .map(|_| u.choose(WORDS).copied())
                .collect::<arbitrary::Result<_>>()?,
        ),
        _ => Node::Deep {
            tag: u.choose(TAGS)?,
            depth: u.int_in_range(1..=20_000)?,
            close: u.arbitrary()?,
        },
    })
}

fn render(n: &Node, out: &mut String) {
    match n {
        Node::Element {
            tag,
            class,
            children,
            close,
        } => {
            out.push('<');
            out.push_str(tag);
            if let Some(c) = class {
                out.push_str(&format!(" class=\"{c}\""));
            }
            out.push('>');
            for c in children {
                render(c, out);
            }
            if *close {
                out.push_str(&format!("</{tag}>"));
            }
        }
        Node::Text(words) => {
            out.push_str(&words.join(" "));
            out.push(' ');
        }
        Node::Deep { tag, depth, close } => {
            out.push_str(&format!("<{tag}>").repeat(*depth as usize));
            out.push_str("deep text of the page ");
            if *close {
                out.push_str(&format!("</{tag}>").repeat(*depth as usize));
            }
        }
    }
}

/// The largest page generated, in bytes.
const MAX_PAGE: usize = 128 * 1024;

/// The largest char boundary of `s` at or below `at`.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A page: a few top-level nodes inside html and body.
#[derive(Debug)]
struct Page(String);

impl<'a> Arbitrary<'a> for Page {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let mut out = String::from("<!doctype html><html><head><title>T</title></head><body>");
        for _ in 0..u.int_in_range(1..=6)? {
            // Pages stay small enough (20,000 nested `<div>`s fit) that one input is judged
            // well inside the smoke run's per-input timeout in its unoptimised build.
            if out.len() >= MAX_PAGE {
                break;
            }
            render(&node(u, 0)?, &mut out);
        }
        out.truncate(floor_char_boundary(&out, MAX_PAGE));
        out.push_str("</body></html>");
        Ok(Page(out))
    }
}

fn clean(s: &str) {
    let shown = sanitize(s);
    assert!(
        !shown.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
        "{shown:?}"
    );
}

fuzz_target!(|page: Page| {
    let page = page.0;
    let flat = nesting::flatten(&page);
    let depth = nesting::parsed_depth(&flat.html);
    assert!(depth <= 2 * nesting::MAX_DEPTH, "parsed {depth} deep");
    if let Ok((meta, text)) = html::extract_page(&page) {
        clean(&text);
        clean(&meta.title);
    }
    clean(&html::fragment_text(&page));
    let escaped = page
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let rss = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title><item>\
         <title>T</title><description>{escaped}</description></item></channel></rss>"
    );
    let mut lib = Library::default();
    feed::load(Path::new("fuzz.rss"), &rss, &mut lib);
    assert!(!lib.articles.is_empty() || !lib.skipped.is_empty());
    for a in &lib.articles {
        clean(&a.title);
    }
});
