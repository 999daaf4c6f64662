//! How deep HTML may nest before anything parses it.
//!
//! The HTML parser, reader-mode extraction and CSS selector matching all walk a page's tree,
//! some of them recursively and some once per level for every element, so a page of 100,000
//! nested `<div>`s would overflow the stack or take minutes. [`flatten`] reads the markup once,
//! before any parse, keeping a model of the elements left open, and drops the start and end
//! tags of elements that would sit deeper than [`MAX_DEPTH`] levels, so their content lands in
//! the element at that depth — what Blink and WebKit do past 512 levels. Text is kept;
//! scripts, styles and other raw-text elements past the limit are dropped whole, so their
//! contents never turn into text.
//!
//! The model follows the HTML standard's tree construction where that matters for depth: void
//! elements, self-closing tags in SVG and MathML, paragraphs, list items, table cells and rows,
//! options and headings closed by their successors, and end tags that close only elements in
//! scope. It never closes an element the parser would keep open, so the parsed tree is never
//! deeper than the model (past the few elements the parser re-opens for formatting, which are
//! capped at [`MAX_FORMATTING`] open at once). Real pages nest a few dozen levels and come out
//! unchanged. [`depth_of`] measures a parsed tree without recursion, the check that a tree is
//! as shallow as promised before recursive code sees it.

use std::borrow::Cow;

use super::SkipReason;
use dom_query::NodeRef;
use rustc_hash::FxHashMap;

/// Elements nested deeper than this are flattened into the element at this depth.
pub const MAX_DEPTH: usize = 256;

/// At most this many formatting elements (`<b>`, `<i>`, `<font>`, …) are left open at once;
/// further ones lose their tags (only their styling, never their text).
pub const MAX_FORMATTING: usize = 64;

/// What [`flatten`] did to a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flattened<'a> {
    /// The markup to parse.
    pub html: Cow<'a, str>,
    /// The deepest nesting the page asked for, in elements.
    pub deepest: usize,
    /// Start tags dropped (their elements flattened into their parent).
    pub dropped: usize,
}

impl Flattened<'_> {
    /// A plain-words note on what was flattened, for messages; `None` when nothing was.
    pub fn note(&self) -> Option<String> {
        (self.dropped > 0).then(|| {
            format!(
                "the page nests elements {} levels deep; the {} element{} below level {MAX_DEPTH} \
                 were flattened into their parent",
                self.deepest,
                self.dropped,
                if self.dropped == 1 { "" } else { "s" }
            )
        })
    }
}

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is raw text up to their end tag.
/// (`<noscript>` is not among them: the parser reads its content as markup, scripting being
/// off.)
const RAW_TEXT: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
];

/// Elements whose start tag closes an open `<p>` (in button scope).
#[rustfmt::skip]
const CLOSES_P: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
    "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "li", "dd", "dt", "listing", "main", "menu", "nav", "ol", "p",
    "pre", "search", "section", "summary", "ul",
];

/// Formatting elements: the parser re-opens them after a block closes them.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements that bound the standard's "has an element in scope".
#[rustfmt::skip]
const SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
    "foreignobject", "desc", "mi", "mo", "mn", "ms", "mtext", "annotation-xml",
];

/// The standard's "special" elements: an end tag of an ordinary element never closes past one.
#[rustfmt::skip]
const SPECIAL: &[&str] = &[
    "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound",
    "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd",
    "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer",
    "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup",
    "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main",
    "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p",
    "param", "plaintext", "pre", "script", "search", "section", "select", "source", "style",
    "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title",
    "tr", "track", "ul", "wbr", "xmp", "foreignobject", "desc", "mi", "mo", "mn", "ms", "mtext",
    "annotation-xml",
];

fn is(list: &[&str], name: &str) -> bool {
    list.contains(&name)
}

/// One element the model holds open.
struct Open {
    name: String,
    /// False when its tags were dropped.
    kept: bool,
}

/// The elements open at a point of the page, with indexes to answer "the nearest open X, and
/// is it in scope" without walking the stack.
#[derive(Default)]
struct Model {
    stack: Vec<Open>,
    /// Stack positions of the open elements of each name.
    at: FxHashMap<String, Vec<usize>>,
    /// Stack positions of open scope boundaries (table scope: html, table, template; the
    /// general scope and button scope need more, see [`Model::scope`]).
    scope: Vec<usize>,
    table_scope: Vec<usize>,
    button: Vec<usize>,
    list: Vec<usize>,
    special: Vec<usize>,
    /// Specials other than address, div and p (what stops a new `<li>` closing an open one).
    special_strict: Vec<usize>,
    /// Open SVG and MathML elements.
    foreign: usize,
    kept: usize,
    /// Open formatting elements by name: started, own end tag not yet seen.
    formatting: FxHashMap<String, usize>,
    formatting_open: usize,
}

impl Model {
    fn nearest(&self, name: &str) -> Option<usize> {
        self.at.get(name).and_then(|v| v.last().copied())
    }

    fn above(list: &[usize], pos: usize) -> bool {
        list.last().is_some_and(|&p| p > pos)
    }

    /// The nearest open `name` with no element of `bounds` above it.
    fn in_scope(&self, name: &str, bounds: &[&Vec<usize>]) -> Option<usize> {
        let pos = self.nearest(name)?;
        (!bounds.iter().any(|b| Self::above(b, pos))).then_some(pos)
    }

    fn scope(&self) -> [&Vec<usize>; 1] {
        [&self.scope]
    }

    fn push(&mut self, name: &str, kept: bool) {
        let pos = self.stack.len();
        self.at.entry(name.to_string()).or_default().push(pos);
        let mark = |cond: bool, v: &mut Vec<usize>| {
            if cond {
                v.push(pos);
            }
        };
        mark(is(SCOPE, name), &mut self.scope);
        mark(
            matches!(name, "html" | "table" | "template"),
            &mut self.table_scope,
        );
        mark(name == "button", &mut self.button);
        mark(matches!(name, "ol" | "ul"), &mut self.list);
        mark(is(SPECIAL, name), &mut self.special);
        mark(
            is(SPECIAL, name) && !matches!(name, "address" | "div" | "p"),
            &mut self.special_strict,
        );
        if matches!(name, "svg" | "math") {
            self.foreign += 1;
        }
        if kept {
            self.kept += 1;
        }
        self.stack.push(Open {
            name: name.to_string(),
            kept,
        });
    }

    /// Pop every element from the top down to and including position `pos`; true when the
    /// element at `pos` was kept.
    fn pop_to(&mut self, pos: usize) -> bool {
        let mut kept = false;
        while self.stack.len() > pos {
            let Some(top) = self.stack.pop() else { break };
            let at = self.stack.len();
            if let Some(v) = self.at.get_mut(&top.name) {
                v.pop();
            }
            for v in [
                &mut self.scope,
                &mut self.table_scope,
                &mut self.button,
                &mut self.list,
                &mut self.special,
                &mut self.special_strict,
            ] {
                if v.last() == Some(&at) {
                    v.pop();
                }
            }
            if matches!(top.name.as_str(), "svg" | "math") {
                self.foreign = self.foreign.saturating_sub(1);
            }
            if top.kept {
                self.kept -= 1;
            }
            kept = top.kept;
        }
        kept
    }

    /// The elements a start tag `name` closes first, as the standard's tree construction does.
    fn close_before(&mut self, name: &str) {
        if is(CLOSES_P, name)
            && let Some(p) = self.in_scope("p", &[&self.scope, &self.button])
        {
            self.pop_to(p);
        }
        match name {
            "li" => {
                if let Some(li) = self.nearest("li")
                    && !Self::above(&self.special_strict, li)
                {
                    self.pop_to(li);
                }
            }
            "dd" | "dt" => {
                let near = self.nearest("dd").max(self.nearest("dt"));
                if let Some(d) = near
                    && !Self::above(&self.special_strict, d)
                {
                    self.pop_to(d);
                }
            }
            "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" => {
                // A new cell closes the open cell, a new row the open row (and its cell), a new
                // table section the open section, within the same table.
                let closes: &[&str] = match name {
                    "td" | "th" => &["td", "th"],
                    "tr" => &["tr"],
                    _ => &["tbody", "thead", "tfoot"],
                };
                let near = closes.iter().filter_map(|n| self.nearest(n)).max();
                if let Some(pos) = near
                    && !Self::above(&self.table_scope, pos)
                {
                    self.pop_to(pos);
                }
            }
            "option" | "optgroup" => {
                if self.stack.last().is_some_and(|t| t.name == "option") {
                    self.pop_to(self.stack.len() - 1);
                }
                if name == "optgroup" && self.stack.last().is_some_and(|t| t.name == "optgroup") {
                    self.pop_to(self.stack.len() - 1);
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                if self.stack.last().is_some_and(|t| {
                    matches!(t.name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
                }) =>
            {
                self.pop_to(self.stack.len() - 1);
            }
            "a" | "button" | "nobr" => {
                // A new link closes an open one when nothing special stands between them.
                let bounds = if name == "button" {
                    vec![&self.scope]
                } else {
                    vec![&self.special]
                };
                if let Some(pos) = self.in_scope(name, &bounds) {
                    self.pop_to(pos);
                    if let Some(n) = self.formatting.get_mut(name).filter(|n| **n > 0) {
                        *n -= 1;
                        self.formatting_open -= 1;
                    }
                }
            }
            _ => {}
        }
    }

    /// The elements the parser creates before a start tag `name` that the page left out: the
    /// table body around a row, the row around a cell.
    fn implied(&self, name: &str) -> &'static [&'static str] {
        let top = self.stack.last().map(|t| t.name.as_str());
        match (name, top) {
            ("tr", Some("table")) => &["tbody"],
            ("td" | "th", Some("table")) => &["tbody", "tr"],
            ("td" | "th", Some("tbody" | "thead" | "tfoot")) => &["tr"],
            _ => &[],
        }
    }

    /// The element an end tag `name` closes, if the parser would certainly close it.
    fn closed_by_end(&self, name: &str) -> Option<usize> {
        // Inside a select, end tags other than these are ignored.
        if !matches!(name, "option" | "optgroup" | "select" | "template")
            && let Some(sel) = self.nearest("select")
            && self.nearest(name).is_some_and(|pos| pos < sel)
        {
            return None;
        }
        match name {
            // These end tags switch the parser's mode, or remove one element from the middle
            // of the stack, rather than closing everything above.
            "body" | "html" | "form" => None,
            "p" => self.in_scope("p", &[&self.scope, &self.button]),
            "li" => self.in_scope("li", &[&self.scope, &self.list]),
            "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "table" => {
                self.in_scope(name, &[&self.table_scope])
            }
            _ if is(SPECIAL, name) => self.in_scope(name, &self.scope()),
            // Ordinary and formatting elements: only when no special element is above.
            _ => self.in_scope(name, &[&self.special]),
        }
    }
}

/// Flatten `html` so that no element nests deeper than [`MAX_DEPTH`] (see the module
/// documentation). Markup that nests less comes back borrowed, unchanged.
pub fn flatten(html: &str) -> Flattened<'_> {
    flatten_to(html, MAX_DEPTH)
}

/// [`flatten`] with a depth limit of `max_depth`.
pub fn flatten_to(html: &str, max_depth: usize) -> Flattened<'_> {
    let bytes = html.as_bytes();
    let mut model = Model::default();
    let mut out = String::new();
    // Everything before `copied` is either in `out` or was dropped; `changed` once anything was.
    let mut copied = 0;
    let mut changed = false;
    let mut deepest = 0;
    let mut dropped = 0;
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off;
        let Some(tag) = read_tag(html, start) else {
            i = start + 1;
            continue;
        };
        let end = tag.end;
        let mut drop_to = None;
        match tag.kind {
            TagKind::Other => {}
            TagKind::Start {
                ref name,
                self_closing,
            } => {
                let void = is(VOID, name) || (self_closing && model.foreign > 0);
                if !void {
                    model.close_before(name);
                }
                let formatting = is(FORMATTING, name);
                let implied = if void { &[][..] } else { model.implied(name) };
                let deep = model.kept + implied.len() + usize::from(!void);
                deepest = deepest.max(model.stack.len() + usize::from(!void));
                let too_deep = !void && deep > max_depth;
                let too_many = formatting && model.formatting_open >= MAX_FORMATTING;
                let keep = !too_deep && !too_many;
                if keep {
                    for &parent in implied {
                        model.push(parent, true);
                    }
                }
                if !void {
                    model.push(name, keep);
                    if formatting && keep {
                        *model.formatting.entry(name.clone()).or_default() += 1;
                        model.formatting_open += 1;
                    }
                }
                let raw_end = if is(RAW_TEXT, name) && !self_closing {
                    Some(raw_text_end(html, end, name))
                } else if name == "plaintext" {
                    Some(html.len())
                } else {
                    None
                };
                if !keep {
                    dropped += 1;
                    // A dropped raw-text element goes whole, so its contents never become text.
                    drop_to = Some(match raw_end {
                        Some(r) => {
                            let close = end_tag_end(html, r);
                            if close > r {
                                model.pop_to(model.stack.len() - 1);
                            }
                            close
                        }
                        None => end,
                    });
                }
                if keep && let Some(r) = raw_end {
                    i = r;
                    if r >= html.len() {
                        break;
                    }
                    continue;
                }
            }
            TagKind::End { ref name } => {
                if is(FORMATTING, name)
                    && let Some(n) = model.formatting.get_mut(name)
                    && *n > 0
                {
                    *n -= 1;
                    model.formatting_open -= 1;
                }
                if let Some(pos) = model.closed_by_end(name)
                    && !model.pop_to(pos)
                {
                    drop_to = Some(end);
                }
            }
        }
        if let Some(to) = drop_to {
            out.push_str(&html[copied..start]);
            copied = to;
            changed = true;
            i = to;
        } else {
            i = end;
        }
    }
    let html = if changed {
        out.push_str(&html[copied..]);
        Cow::Owned(out)
    } else {
        Cow::Borrowed(html)
    };
    Flattened {
        html,
        deepest,
        dropped,
    }
}

/// Offset of the next `<`.
fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

enum TagKind {
    Start {
        name: String,
        self_closing: bool,
    },
    End {
        name: String,
    },
    /// A comment, doctype, processing instruction or CDATA section.
    Other,
}

struct Tag {
    kind: TagKind,
    /// Offset just past the tag.
    end: usize,
}

/// The tag starting with the `<` at `at`, or `None` when that `<` is text.
fn read_tag(html: &str, at: usize) -> Option<Tag> {
    let b = html.as_bytes();
    let rest = &html[at..];
    if let Some(comment) = rest.strip_prefix("<!--") {
        let end = comment.find("-->").map_or(html.len(), |e| at + 4 + e + 3);
        return Some(Tag {
            kind: TagKind::Other,
            end,
        });
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        let end = rest.find('>').map_or(html.len(), |e| at + e + 1);
        return Some(Tag {
            kind: TagKind::Other,
            end,
        });
    }
    let (closing, name_at) = if rest.starts_with("</") {
        (true, at + 2)
    } else {
        (false, at + 1)
    };
    if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_end = b[name_at..]
        .iter()
        .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
        .map_or(b.len(), |p| name_at + p);
    let name = html[name_at..name_end].to_ascii_lowercase();
    // Attributes: a quoted value may hold `>`.
    let mut j = name_end;
    let mut self_closing = false;
    while j < b.len() {
        match b[j] {
            b'>' => {
                self_closing = j > name_end && b[j - 1] == b'/';
                j += 1;
                break;
            }
            b'=' => {
                j += 1;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if let Some(&q) = b.get(j).filter(|&&q| q == b'"' || q == b'\'') {
                    j = b[j + 1..]
                        .iter()
                        .position(|&c| c == q)
                        .map_or(b.len(), |p| j + 1 + p + 1);
                }
            }
            _ => j += 1,
        }
    }
    let kind = if closing {
        TagKind::End { name }
    } else {
        TagKind::Start { name, self_closing }
    };
    Some(Tag { kind, end: j })
}

/// Where the raw text of an element `name` that starts at `from` ends: at its end tag
/// (`</name` followed by a space, `/` or `>`, in any case), or at the end of the page.
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let b = html.as_bytes();
    let mut i = from;
    while let Some(off) = b[i..].windows(2).position(|w| w == b"</") {
        let at = i + off;
        let n = at + 2;
        if b.len() >= n + name.len()
            && b[n..n + name.len()].eq_ignore_ascii_case(name.as_bytes())
            && b.get(n + name.len())
                .is_none_or(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
        {
            return at;
        }
        i = at + 2;
    }
    html.len()
}

/// Offset just past the end tag that starts at `at` (or `at` itself at the end of the page).
fn end_tag_end(html: &str, at: usize) -> usize {
    if at >= html.len() {
        return at;
    }
    html[at..].find('>').map_or(html.len(), |e| at + e + 1)
}

/// A parsed tree deeper than this is refused: [`flatten`] keeps trees well inside it, and the
/// recursive code that reads the tree stays far from the end of its stack.
pub const MAX_PARSED_DEPTH: usize = 2 * MAX_DEPTH;

/// Parse markup already flattened by [`flatten`] with `parse`, and check that the tree is as
/// shallow as promised before anything recursive reads it.
pub fn parse_flat(
    flat: &Flattened,
    parse: impl FnOnce(&str) -> dom_query::Document,
) -> Result<dom_query::Document, SkipReason> {
    let doc = parse(&flat.html);
    let depth = depth_of(&doc.root());
    if depth > MAX_PARSED_DEPTH {
        return Err(SkipReason::TooDeep {
            depth,
            limit: MAX_PARSED_DEPTH,
        });
    }
    Ok(doc)
}

/// The depth of the tree `markup` parses into as a document, counted without recursion.
pub fn parsed_depth(markup: &str) -> usize {
    depth_of(&dom_query::Document::from(markup).root())
}

/// The deepest nesting of elements under `root`, counted without recursion.
pub fn depth_of(root: &NodeRef) -> usize {
    let mut deepest = 0;
    let mut depth = 0;
    let mut node = root.first_child();
    if node.is_some() {
        depth = 1;
    }
    while let Some(n) = node {
        deepest = deepest.max(depth);
        if let Some(child) = n.first_child() {
            node = Some(child);
            depth += 1;
            continue;
        }
        let mut at = n;
        node = loop {
            if let Some(next) = at.next_sibling() {
                break Some(next);
            }
            match at.parent() {
                Some(p) if depth > 1 => {
                    depth -= 1;
                    at = p;
                }
                _ => break None,
            }
        };
    }
    deepest
}
