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
//! changes; see [`super::page_names`]). A name never marks an element that also calls itself the article's container
//! (`article-body`, `story-text`, `entry-content`…, so `l-sidebar-fixed l-article-body-segment`
//! is the article), nor one holding half or more of the extracted text (a `div.paywall` around
//! most of a story is the story). "Sidebar" and "paywall" mark nothing: the extractor has
//! already judged the page's sidebars, and a paywall box holds the story. The walk is
//! iterative, so deeply nested markup cannot exhaust the stack.

use super::fold;
use dom_query::{Document, NodeRef};

use super::page_names::{is_hidden, mark_of_words, name_words, names_article, rel_author};
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

/// The blocks of the article HTML `html` (the extractor's output).
pub fn blocks(html: &str) -> Vec<Block> {
    // The extractor's output comes from a flattened page, but it is flattened again rather
    // than trusted: nothing recursive may see an arbitrarily deep tree.
    let flat = super::nesting::flatten(html);
    match super::nesting::parse_flat(&flat, |h| Document::fragment(h)) {
        Ok(doc) => walk(&doc.root()),
        Err(_) => Vec::new(),
    }
}

/// The blocks under `root`, marks judged against the text under `root`.
fn walk(root: &NodeRef) -> Vec<Block> {
    let mut walk = Walk::default();
    walk.run(root);
    // Each marking element's size is known once it is left; a mark held by an element with
    // half of the text or more is no mark (that element is the article).
    let total = walk.seen;
    let sizes = walk.sizes;
    walk.out
        .into_iter()
        .map(|(mut b, slot)| {
            if let Some(size) = slot.map(|i| sizes[i]) {
                if size * 2 < total {
                    b.mark_size = size;
                } else {
                    b.mark = None;
                }
            }
            b
        })
        .collect()
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
    /// (mark, characters under it, the slot of the element that gave it).
    marked: Vec<(Option<Mark>, usize, Option<usize>)>,
    linked: usize,
    heading: bool,
}

#[derive(Default)]
struct Walk {
    /// Blocks, each with the slot of its marking element in `sizes`.
    out: Vec<(Block, Option<usize>)>,
    buf: Buffer,
    /// Non-space characters of visible text seen so far.
    seen: usize,
    /// Size in non-space characters of each marking element, filled in when it is left.
    sizes: Vec<usize>,
}

/// A step of the iterative walk.
enum Step<'a> {
    Enter(NodeRef<'a>),
    /// Leave an element: whether it was a block, and what it added to the walk's state
    /// (`marked`: its slot in the walk's sizes, and the characters seen before it).
    Leave {
        block: bool,
        marked: Option<(usize, usize)>,
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
                    let marked = mark_of(&node, &name).map(|mark| {
                        let slot = self.sizes.len();
                        self.sizes.push(0);
                        marks.push((mark, slot));
                        (slot, self.seen)
                    });
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
                    if let Some((slot, start)) = marked {
                        self.sizes[slot] = self.seen - start;
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
        self.seen += n;
        let slot = mark.map(|(_, slot)| slot);
        let mark = mark.map(|(m, _)| m);
        match buf.marked.iter_mut().find(|(m, _, _)| *m == mark) {
            Some((_, c, s)) => {
                *c += n;
                // The innermost element of that mark decides its size.
                *s = (*s).max(slot);
            }
            None => buf.marked.push((mark, n, slot)),
        }
    }

    /// End the paragraph being gathered.
    fn flush(&mut self) {
        let buf = std::mem::take(&mut self.buf);
        if buf.chars == 0 {
            return;
        }
        // A mark names the block when it covers most of its characters.
        let (mark, slot) = buf
            .marked
            .iter()
            .max_by_key(|(_, c, _)| *c)
            .filter(|(_, c, _)| c * 5 >= buf.chars * 4)
            .and_then(|(m, _, slot)| m.map(|m| (Some(m), *slot)))
            .unwrap_or((None, None));
        let text = buf
            .text
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        self.out.push((
            Block {
                text,
                mark,
                heading: buf.heading,
                link_density: buf.linked as f32 / buf.chars as f32,
                mark_size: 0,
            },
            slot,
        ));
    }
}

/// The mark `node` (an element named `name`) gives the text inside it, if any.
fn mark_of(node: &NodeRef, name: &str) -> Option<Mark> {
    let by_tag = match name {
        "figure" | "figcaption" | "picture" => Some(Mark::Furniture(Boilerplate::Caption)),
        "time" => Some(Mark::Furniture(Boilerplate::Timestamp)),
        "address" => Some(Mark::Furniture(Boilerplate::Byline)),
        "nav" => Some(Mark::Furniture(Boilerplate::Navigation)),
        "aside" | "form" => Some(Mark::Furniture(Boilerplate::Other)),
        _ => None,
    };
    let (class, id) = (node.attr("class"), node.attr("id"));
    if by_tag.is_none() && class.is_none() && id.is_none() {
        return rel_author(node).then_some(Mark::Furniture(Boilerplate::Byline));
    }
    let names = format!("{} {}", class.unwrap_or_default(), id.unwrap_or_default());
    let words = name_words(&names);
    let by_name = if by_tag.is_none() {
        mark_of_words(&words, name)
            .or_else(|| rel_author(node).then_some(Mark::Furniture(Boilerplate::Byline)))
    } else {
        None
    };
    let mark = by_tag.or(by_name)?;
    // An element that names itself the article is the article (one that holds half of
    // the text is found once the walk has measured it).
    if names_article(&words) && mark != Mark::Embedded {
        return None;
    }
    Some(mark)
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

#[cfg(test)]
mod tests {
    use super::*;

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
