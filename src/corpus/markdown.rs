//! Markdown articles (`.md`, `.markdown`).
//!
//! An optional front matter block opens the file: a `---` line, `key: value` lines, and a
//! closing `---` line. Only that simple subset of YAML is read: one `key: value` per line,
//! values optionally wrapped in single or double quotes; recognised keys are `title`, `outlet`
//! (or `source`, `publisher`), `date`, `url` (or `link`) and `author` (or `byline`); other lines
//! are ignored.
//!
//! The body is parsed with `pulldown-cmark` and reduced to plain paragraphs separated by blank
//! lines: headings, paragraphs, list items, block quotes and table rows each become a paragraph;
//! emphasis and links become their text; code is kept as text; images and raw HTML are dropped.
//! The article's text is that reduction. The title is the front matter title, else the first
//! level-one heading, else the first line.

use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::{
    Article, Library, Meta, SkipReason, Source, find_line, first_headline_line, slug, stem_of,
};
use crate::text::Span;

/// Add the article in `raw`, read from `path`, to `lib`, or record why it was skipped.
pub fn load(path: &Path, raw: String, lib: &mut Library) {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(&raw);
    let (mut meta, body) = split_front_matter(raw);
    let reduced = reduce(body);
    if reduced.text.trim().is_empty() {
        lib.skip(path, SkipReason::EmptyMarkdown);
        return;
    }
    let stem = stem_of(path);
    let title_span = if !meta.title.trim().is_empty() {
        meta.title = meta.title.trim().to_string();
        find_line(&reduced.text, &meta.title)
    } else if let Some(h) = reduced.first_h1 {
        meta.title = h.slice(&reduced.text).to_string();
        Some(h)
    } else if let Some(s) = first_headline_line(&reduced.text) {
        meta.title = s.slice(&reduced.text).to_string();
        Some(s)
    } else {
        meta.title = stem.clone();
        None
    };
    let source = Source::File {
        path: path.to_path_buf(),
        index: None,
    };
    lib.push_pending(Article::new(
        slug(&stem),
        meta,
        source,
        reduced.text,
        title_span,
    ));
}

/// Split an optional `---` front matter block off `raw`, returning its metadata and the rest.
pub fn split_front_matter(raw: &str) -> (Meta, &str) {
    let mut meta = Meta::default();
    let first_end = raw.find('\n').map(|i| i + 1).unwrap_or(raw.len());
    if raw[..first_end].trim_end() != "---" {
        return (meta, raw);
    }
    let mut offset = first_end;
    let mut block = Vec::new();
    for line in raw[first_end..].split_inclusive('\n') {
        offset += line.len();
        let l = line.trim_end_matches(['\n', '\r']);
        if l.trim_end() == "---" || l.trim_end() == "..." {
            for (k, v) in block {
                set_field(&mut meta, k, v);
            }
            return (meta, &raw[offset..]);
        }
        if let Some((k, v)) = l.split_once(':') {
            block.push((k.trim(), v.trim()));
        }
    }
    // No closing line: not front matter after all.
    (Meta::default(), raw)
}

fn set_field(meta: &mut Meta, key: &str, value: &str) {
    let v = unquote(value);
    if v.is_empty() {
        return;
    }
    let title = v.to_string();
    let v = Some(title.clone());
    match key.to_ascii_lowercase().as_str() {
        "title" | "headline" => meta.title = title,
        "outlet" | "source" | "publisher" => meta.outlet = v,
        "date" | "published" => meta.date = v,
        "url" | "link" => meta.url = v,
        "author" | "byline" => meta.author = v,
        _ => {}
    }
}

fn unquote(v: &str) -> &str {
    let v = v.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

/// Markdown reduced to plain text.
#[derive(Debug, Default)]
pub struct Reduced {
    /// Paragraphs separated by blank lines.
    pub text: String,
    /// The first level-one heading, as a span into `text`.
    pub first_h1: Option<Span>,
}

/// Reduce Markdown to plain paragraphs separated by blank lines.
pub fn reduce(md: &str) -> Reduced {
    let mut out = Reduced::default();
    let mut cur = String::new();
    let mut image_depth = 0usize;
    let mut in_h1 = false;
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    for event in Parser::new_ext(md, opts) {
        match event {
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            _ if image_depth > 0 => {}
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut out, &mut cur, false);
                in_h1 = level == HeadingLevel::H1;
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut out, &mut cur, in_h1);
                in_h1 = false;
            }
            Event::Start(Tag::TableCell) if !cur.is_empty() => cur.push_str(" | "),
            Event::Start(
                Tag::Paragraph
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::FootnoteDefinition(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::FootnoteDefinition,
            )
            | Event::Rule => flush(&mut out, &mut cur, false),
            Event::Text(t) | Event::Code(t) => cur.push_str(&t),
            Event::SoftBreak => cur.push(' '),
            Event::HardBreak => cur.push('\n'),
            _ => {}
        }
    }
    flush(&mut out, &mut cur, false);
    out
}

fn flush(out: &mut Reduced, cur: &mut String, is_h1: bool) {
    let para = cur.trim();
    if !para.is_empty() {
        // Blank lines inside a paragraph (code blocks) would split it; keep it one block.
        let para: String = para
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if !out.text.is_empty() {
            out.text.push_str("\n\n");
        }
        let start = out.text.len();
        out.text.push_str(&para);
        if is_h1 && out.first_h1.is_none() {
            out.first_h1 = Some(Span::new(start, out.text.len()));
        }
    }
    cur.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reduction_keeps_text_and_drops_images() {
        let r = reduce(
            "# Head *line*\n\nSome **bold** and a [link](http://x).\n\n![alt text](i.png)\n\n```\nlet x = 1;\n```\n",
        );
        assert_eq!(r.text, "Head line\n\nSome bold and a link.\n\nlet x = 1;");
        assert_eq!(r.first_h1.map(|s| s.slice(&r.text)), Some("Head line"));
    }
}
