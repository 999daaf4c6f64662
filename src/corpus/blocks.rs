//! The blocks of an extracted article: its HTML cut into paragraphs, each with what the page's
//! markup says it is.
//!
//! Reader-mode extraction keeps the part of the page that reads like an article; inside that
//! part there is still page furniture — photo captions and credits, the byline, "Updated …"
//! lines, gallery labels, "Read more" links, embedded posts. The markup usually says which is
//! which, so this walk reads it: a paragraph inside a `<figure>`, `<figcaption>` or an element
//! named `caption`/`credit`/`gallery` is a caption, one inside `<time>` or an element named
//! `timestamp`/`date`/`updated` is a timestamp, `byline`/`author` elements and `<address>` are
//! bylines, `related`/`read-more`/`recirc` boxes are links to more content, `ad`/`sponsor`
//! boxes are advertising, `share`/`social`/`newsletter`/`comment` boxes are furniture of those
//! kinds, and `twitter-tweet`, `instagram-media` and other `*-embed` blockquotes are embedded
//! posts. Nothing is deleted: every paragraph is kept with its mark, and the text rules of
//! [`crate::text::boilerplate`] still judge the unmarked ones.
//!
//! Names are read as words of the `class` and `id` values (split at `-`, `_`, spaces and case
//! changes). A name never marks an element that also calls itself the article's container
//! (`article-body`, `story-text`, `entry-content`…, so `l-sidebar-fixed l-article-body-segment`
//! is the article), nor one holding half or more of the extracted text (a `div.paywall` around
//! most of a story is the story). "Sidebar" and "paywall" mark nothing: the extractor has
//! already judged the page's sidebars, and a paywall box holds the story. The walk is
//! iterative, so deeply nested markup cannot exhaust the stack.

use dom_query::{Document, NodeRef};

use crate::text::Boilerplate;

/// What the markup says a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Page furniture of this kind.
    Furniture(Boilerplate),
    /// A post from another site embedded in the article (a tweet, an Instagram post).
    Embedded,
}

/// One paragraph of the extracted article.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// The paragraph's text: one line per `<br>`, whitespace collapsed, not yet sanitised.
    pub text: String,
    /// What the markup says it is; `None` for ordinary text.
    pub mark: Option<Mark>,
    /// A heading (`<h1>`–`<h6>`).
    pub heading: bool,
    /// Share of its characters inside links, in `[0, 1]`.
    pub link_density: f32,
    /// Characters (not counting whitespace) of the element that gave the mark; 0 unmarked.
    pub mark_size: usize,
}

/// Elements that end one paragraph and start another.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Elements whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "video",
    "audio", "canvas", "select", "button", "input", "textarea", "head", "title",
];

/// Words of a `class`/`id` that, followed by one of [`CONTAINER_WORDS`], name the article's
/// own container (`article-body`, `story-text`, `entry-content`).
const ARTICLE_WORDS: &[&str] = &["article", "story", "entry", "post", "main", "news"];

/// See [`ARTICLE_WORDS`].
const CONTAINER_WORDS: &[&str] = &["body", "content", "text", "segment", "copy", "prose"];

/// True when the words of a `class`/`id` name the article's own container.
fn names_article(words: &[String]) -> bool {
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

/// The blocks of the article HTML `html` (the extractor's output).
pub fn blocks(html: &str) -> Vec<Block> {
    let doc = Document::fragment(html);
    walk(&doc.root())
}

/// The blocks under `root`, marks judged against the text under `root`.
fn walk(root: &NodeRef) -> Vec<Block> {
    let total = root.text().chars().filter(|c| !c.is_whitespace()).count();
    let mut walk = Walk {
        total,
        out: Vec::new(),
        buf: Buffer::default(),
    };
    walk.run(root);
    walk.out
}

/// The marks the whole page's markup gives its paragraphs, by their folded text, read before
/// extraction. Extractors rewrite the markup they keep — Readability turns a `div` holding
/// only text into a `p` and drops its `class` — so a paragraph whose mark was lost on the way
/// gets it back from here with [`PageMarks::apply`].
#[derive(Debug, Default)]
pub struct PageMarks {
    /// Folded text → the mark and the size of the element that gave it; `None` when the same
    /// text also appears unmarked or with another mark.
    marks: std::collections::HashMap<String, Option<(Mark, usize)>>,
}

impl PageMarks {
    /// Read the marks of every paragraph of the page `doc`.
    pub fn read(doc: &Document) -> PageMarks {
        let mut marks: std::collections::HashMap<String, Option<(Mark, usize)>> =
            std::collections::HashMap::new();
        for b in walk(&doc.root()) {
            let entry = b.mark.map(|m| (m, b.mark_size));
            marks
                .entry(fold(&b.text))
                .and_modify(|e| {
                    if *e != entry {
                        *e = None;
                    }
                })
                .or_insert(entry);
        }
        PageMarks { marks }
    }

    /// Give each unmarked block of an extracted article the mark its text had in the page,
    /// when the marking element held less than half of the article's text.
    pub fn apply(&self, blocks: &mut [Block]) {
        let total: usize = blocks
            .iter()
            .map(|b| b.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        for b in blocks.iter_mut().filter(|b| b.mark.is_none()) {
            if let Some(Some((mark, size))) = self.marks.get(&fold(&b.text))
                && size * 2 < total
            {
                b.mark = Some(*mark);
                b.mark_size = *size;
            }
        }
    }
}

/// Characters of one paragraph being gathered, with how many carry each mark.
#[derive(Default)]
struct Buffer {
    text: String,
    /// Non-space characters in all, under the innermost mark, inside links.
    chars: usize,
    /// (mark, characters under it, size of the element that gave it).
    marked: Vec<(Option<Mark>, usize, usize)>,
    linked: usize,
    heading: bool,
}

struct Walk {
    total: usize,
    out: Vec<Block>,
    buf: Buffer,
}

/// A step of the iterative walk.
enum Step<'a> {
    Enter(NodeRef<'a>),
    /// Leave an element: whether it was a block, and what it added to the walk's state.
    Leave {
        block: bool,
        marked: bool,
        link: bool,
        heading: bool,
        pre: bool,
    },
}

impl Walk {
    fn run(&mut self, root: &NodeRef) {
        let mut marks: Vec<(Mark, usize)> = Vec::new();
        let mut links = 0usize;
        let mut headings = 0usize;
        let mut pre = 0usize;
        let mut stack: Vec<Step> = root.children_it(true).map(Step::Enter).collect();
        while let Some(step) = stack.pop() {
            match step {
                Step::Enter(node) => {
                    if node.is_text() {
                        let mark = marks.last().copied();
                        self.push_text(&node.text(), mark, links > 0, headings > 0, pre > 0);
                        continue;
                    }
                    if !node.is_element() {
                        continue;
                    }
                    let name = node
                        .node_name()
                        .map(|n| n.to_ascii_lowercase())
                        .unwrap_or_default();
                    if SKIP_TAGS.contains(&name.as_str()) || is_hidden(&node) {
                        continue;
                    }
                    if name == "br" {
                        self.buf.text.push('\n');
                        continue;
                    }
                    let block = BLOCK_TAGS.contains(&name.as_str());
                    if block {
                        self.flush();
                    }
                    if matches!(name.as_str(), "td" | "th") {
                        self.buf.text.push(' ');
                    }
                    let mark = self.mark_of(&node, &name);
                    let marked = mark.is_some();
                    marks.extend(mark);
                    let link = name == "a";
                    links += usize::from(link);
                    let heading = matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                    headings += usize::from(heading);
                    let is_pre = name == "pre";
                    pre += usize::from(is_pre);
                    stack.push(Step::Leave {
                        block,
                        marked,
                        link,
                        heading,
                        pre: is_pre,
                    });
                    stack.extend(node.children_it(true).map(Step::Enter));
                }
                Step::Leave {
                    block,
                    marked,
                    link,
                    heading,
                    pre: is_pre,
                } => {
                    if block {
                        self.flush();
                    }
                    pre -= usize::from(is_pre);
                    if marked {
                        marks.pop();
                    }
                    links -= usize::from(link);
                    headings -= usize::from(heading);
                }
            }
        }
        self.flush();
    }

    fn push_text(
        &mut self,
        text: &str,
        mark: Option<(Mark, usize)>,
        link: bool,
        heading: bool,
        pre: bool,
    ) {
        let buf = &mut self.buf;
        if pre {
            buf.text.push_str(text);
        } else {
            for (i, piece) in text.split(char::is_whitespace).enumerate() {
                if i > 0 && !buf.text.ends_with([' ', '\n']) {
                    buf.text.push(' ');
                }
                buf.text.push_str(piece);
            }
        }
        let n = text.chars().filter(|c| !c.is_whitespace()).count();
        if n == 0 {
            return;
        }
        buf.chars += n;
        buf.heading |= heading;
        if link {
            buf.linked += n;
        }
        let size = mark.map_or(0, |(_, size)| size);
        let mark = mark.map(|(m, _)| m);
        match buf.marked.iter_mut().find(|(m, _, _)| *m == mark) {
            Some((_, c, s)) => {
                *c += n;
                *s = (*s).max(size);
            }
            None => buf.marked.push((mark, n, size)),
        }
    }

    /// End the paragraph being gathered.
    fn flush(&mut self) {
        let buf = std::mem::take(&mut self.buf);
        if buf.chars == 0 {
            return;
        }
        // A mark names the block when it covers most of its characters.
        let (mark, mark_size) = buf
            .marked
            .iter()
            .max_by_key(|(_, c, _)| *c)
            .filter(|(_, c, _)| c * 5 >= buf.chars * 4)
            .and_then(|(m, _, size)| m.map(|m| (Some(m), *size)))
            .unwrap_or((None, 0));
        let text = buf
            .text
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        self.out.push(Block {
            text,
            mark,
            heading: buf.heading,
            link_density: buf.linked as f32 / buf.chars as f32,
            mark_size,
        });
    }

    /// The mark `node` gives the text inside it, if any.
    fn mark_of(&self, node: &NodeRef, name: &str) -> Option<(Mark, usize)> {
        let by_tag = match name {
            "figure" | "figcaption" | "picture" => Some(Mark::Furniture(Boilerplate::Caption)),
            "time" => Some(Mark::Furniture(Boilerplate::Timestamp)),
            "address" => Some(Mark::Furniture(Boilerplate::Byline)),
            "nav" => Some(Mark::Furniture(Boilerplate::Navigation)),
            "aside" | "form" => Some(Mark::Furniture(Boilerplate::Other)),
            _ => None,
        };
        let names = format!(
            "{} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("id").unwrap_or_default()
        );
        let words = name_words(&names);
        let by_name = if by_tag.is_none() {
            mark_of_words(&words, name)
                .or_else(|| rel_author(node).then_some(Mark::Furniture(Boilerplate::Byline)))
        } else {
            None
        };
        let mark = by_tag.or(by_name)?;
        // An element that names itself the article, or holds half of it, is the article.
        if names_article(&words) && mark != Mark::Embedded {
            return None;
        }
        let own = node.text().chars().filter(|c| !c.is_whitespace()).count();
        (own * 2 < self.total).then_some((mark, own))
    }
}

/// An embedded post found in the page before extraction, with the text of the paragraph it
/// follows.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbeddedPost {
    /// The folded text of the nearest paragraph before the post (empty when none).
    anchor: String,
    /// The post's paragraphs, marked [`Mark::Embedded`].
    blocks: Vec<Block>,
}

/// The embedded posts of a page (`blockquote.twitter-tweet`, `blockquote.instagram-media`,
/// other `*-embed` blockquotes), each with the paragraph it follows. Extractors often drop a
/// post with the wrapper it sits in (a `div.social-media-embed` reads like a share bar), so
/// [`reattach`] puts each post back after its paragraph when that paragraph is in the
/// extracted article.
pub fn embedded_posts(doc: &Document) -> Vec<EmbeddedPost> {
    let mut out = Vec::new();
    if !doc.select("blockquote").nodes().iter().any(is_embed) {
        return out;
    }
    let mut anchor = String::new();
    for node in doc.select("p, h2, h3, h4, li, blockquote").nodes() {
        let inside_post = node
            .ancestors_it(None)
            .any(|a| a.is("blockquote") && is_embed(&a));
        if inside_post {
            continue;
        }
        if node.is("blockquote") && is_embed(node) {
            let mut blocks = blocks(&node.html());
            for b in &mut blocks {
                b.mark = Some(Mark::Embedded);
            }
            if !blocks.is_empty() {
                out.push(EmbeddedPost {
                    anchor: anchor.clone(),
                    blocks,
                });
            }
            continue;
        }
        let text = fold(&node.text());
        if !text.is_empty() {
            anchor = text;
        }
    }
    out
}

/// Put each embedded post the extractor left out back after the paragraph it follows in the
/// page, when that paragraph is in `blocks`. Posts whose paragraph is not in the article (a
/// post in a sidebar) stay out.
pub fn reattach(blocks: &mut Vec<Block>, posts: Vec<EmbeddedPost>) {
    for post in posts {
        let first = fold(&post.blocks[0].text);
        if post.anchor.is_empty() || blocks.iter().any(|b| fold(&b.text) == first) {
            continue;
        }
        if let Some(i) = blocks.iter().position(|b| fold(&b.text) == post.anchor) {
            // After the anchor and any posts already put back after it.
            let mut at = i + 1;
            while blocks
                .get(at)
                .is_some_and(|b| b.mark == Some(Mark::Embedded))
            {
                at += 1;
            }
            blocks.splice(at..at, post.blocks);
        }
    }
}

fn is_embed(node: &NodeRef) -> bool {
    let names = format!(
        "{} {}",
        node.attr("class").unwrap_or_default(),
        node.attr("id").unwrap_or_default()
    );
    mark_of_words(&name_words(&names), "blockquote") == Some(Mark::Embedded)
}

/// Whitespace collapsed, lower-cased.
fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `rel="author"` on a link or element.
fn rel_author(node: &NodeRef) -> bool {
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
fn is_hidden(node: &NodeRef) -> bool {
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
fn mark_of_words(words: &[String], tag: &str) -> Option<Mark> {
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

    #[test]
    fn paragraphs_and_line_breaks() {
        let b = blocks(
            "<div><p>One <b>two</b>\n three.</p>Loose<br>line<p></p><ul><li>a</li><li>b</li></ul></div>",
        );
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["One two three.", "Loose\nline", "a", "b"]);
        assert!(b.iter().all(|b| b.mark.is_none()));
    }
}
