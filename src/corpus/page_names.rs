//! What the names and attributes of a page's elements say they are: the vocabulary of
//! [`super::blocks`]. `class` and `id` values are read as words (split at `-`, `_`, spaces
//! and case changes) and matched against kinds of page furniture (`caption`, `byline`,
//! `timestamp`, `related`, `ad`, `newsletter`, `comment`, `share`…), embedded posts
//! (`twitter-tweet`, `instagram-media`, `*-embed` blockquotes) and hidden elements
//! (`visually-hidden`, `sr-only`, the body of a hover card). General conventions of web pages,
//! never the names of one site.

use dom_query::NodeRef;

use super::blocks::Mark;
use crate::text::Boilerplate;

/// Words of a `class`/`id` that, followed by one of [`CONTAINER_WORDS`], name the article's
/// own container (`article-body`, `story-text`, `entry-content`).
const ARTICLE_WORDS: &[&str] = &["article", "story", "entry", "post", "main", "news"];

/// See [`ARTICLE_WORDS`].
const CONTAINER_WORDS: &[&str] = &["body", "content", "text", "segment", "copy", "prose"];

/// True when the words of a `class`/`id` name the article's own container.
pub fn names_article(words: &[String]) -> bool {
    words
        .windows(2)
        .any(|p| ARTICLE_WORDS.contains(&p[0].as_str()) && CONTAINER_WORDS.contains(&p[1].as_str()))
        || words.iter().any(|w| {
            matches!(
                w.as_str(),
                "articlebody" | "storybody" | "entrycontent" | "postcontent" | "articletext"
            )
        })
}

/// `rel="author"` on a link or element.
pub fn rel_author(node: &NodeRef) -> bool {
    node.attr("rel").is_some_and(|r| {
        r.split_whitespace()
            .any(|t| t.eq_ignore_ascii_case("author"))
    })
}

/// Words of a `class` that name a pop-up shown only when the reader acts (hover cards,
/// tooltips); with one of [`POPUP_BODY_WORDS`] they name the pop-up's body, which is hidden
/// until then (the trigger, often a name in a sentence, is not).
const POPUP_WORDS: &[&str] = &["tooltip", "popover", "popup", "rollover", "hovercard"];

/// See [`POPUP_WORDS`].
const POPUP_BODY_WORDS: &[&str] = &[
    "block",
    "card",
    "content",
    "body",
    "box",
    "panel",
    "text",
    "inner",
    "wrap",
    "container",
];

/// Whole `class` tokens that hide an element from sighted readers.
const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "is-hidden",
    "element-hidden",
    "visually-hidden",
    "visuallyhidden",
    "sr-only",
    "screen-reader-text",
    "screen-reader-only",
    "offscreen",
];

/// Hidden by the page itself (`hidden`, `aria-hidden="true"`, `display: none`, a class such
/// as `visually-hidden` or `sr-only`, or the body of a hover card or tooltip such as
/// `rollover-people-block`).
pub fn is_hidden(node: &NodeRef) -> bool {
    let class_hidden = node.attr("class").is_some_and(|c| {
        c.split_whitespace()
            .any(|t| HIDDEN_CLASSES.contains(&t.to_ascii_lowercase().as_str()))
            || {
                let words = name_words(&c);
                let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
                has(&["hovercard"]) || has(POPUP_WORDS) && has(POPUP_BODY_WORDS)
            }
    });
    class_hidden
        || node.has_attr("hidden")
        || node
            .attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || node.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// The words of a `class`/`id` value, lower-cased: split at every non-alphanumeric character
/// and where lower case turns to upper case (`relatedLinks` → `related`, `links`).
pub fn name_words(names: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in names.chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// The mark that the words of an element's names give it.
pub fn mark_of_words(words: &[String], tag: &str) -> Option<Mark> {
    use Boilerplate::*;
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let stem = |list: &[&str]| words.iter().any(|w| list.iter().any(|s| w.starts_with(s)));
    let pair = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    // Embedded posts: named by the service, or an embed blockquote.
    if has(&[
        "tweet",
        "twitter",
        "instagram",
        "tiktok",
        "bluesky",
        "mastodon",
        "threads",
    ]) && matches!(tag, "blockquote" | "div" | "section" | "figure")
        && (tag == "blockquote" || stem(&["embed", "tweet", "media", "post"]))
        || (tag == "blockquote" && stem(&["embed"]))
        || pair("fb", "post")
    {
        return Some(Mark::Embedded);
    }
    let kind = if stem(&[
        "caption",
        "credit",
        "gallery",
        "slideshow",
        "carousel",
        "lightbox",
    ]) || has(&["photo", "image", "img", "media"])
        && has(&["credit", "caption", "source"])
    {
        Caption
    } else if stem(&["byline", "author", "contributor"]) || has(&["writer", "by"]) {
        Byline
    } else if stem(&["timestamp", "datetime", "pubdate", "dateline-time"])
        || has(&["date", "time", "published", "updated", "modified", "posted"])
    {
        Timestamp
    } else if stem(&[
        "related",
        "readmore",
        "recirc",
        "recommend",
        "outbrain",
        "taboola",
    ]) || pair("read", "more")
        || pair("more", "stories")
        || pair("see", "also")
        || pair("also", "read")
        || has(&["teaser", "teasers", "promo", "promos"])
    {
        Related
    } else if stem(&["advert", "sponsor", "dfp", "adslot", "adunit"]) || has(&["ad", "ads"]) {
        Advertisement
    } else if stem(&["newsletter", "subscri", "signup", "donat"]) {
        Appeal
    } else if stem(&["comment", "disqus"]) {
        Comments
    } else if stem(&["breadcrumb", "pagination"]) || has(&["nav", "navigation", "menu"]) {
        Navigation
    } else if has(&["share", "sharing", "social", "tags", "toolbar", "pullquote"])
        || pair("pull", "quote")
    {
        Other
    } else {
        return None;
    };
    Some(Mark::Furniture(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_into_words() {
        assert_eq!(
            name_words("l-sidebar-fixed relatedLinks  x_y"),
            ["l", "sidebar", "fixed", "related", "links", "x", "y"]
        );
    }
}
