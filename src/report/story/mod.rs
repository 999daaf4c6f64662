//! Story reports: three or more articles compared fact by fact ([`Story`]), as text, Markdown,
//! the standalone HTML grid, or JSON (schema `parallax.story/1`, the serde form of the story).
//!
//! Every format reads the same [`Story`]; marks and their explanations come from its cells'
//! mark lists only. Article text is sanitised before it is cut into marked segments
//! ([`segments`], shared with the reader's story view), so a mark boundary inside an escape
//! sequence never lets its tail through.

pub mod html;
pub mod markdown;
pub mod text;

use std::io;

use super::Format;
use crate::compare::HighlightKind;
use crate::compare::story::{Fact, Mark, Story, StoryQuote, marks::article_names};
use crate::text::Span;
use crate::text::sanitize::sanitize_mapped;

/// Render `story` in `format`.
pub fn render(story: &Story, format: Format) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write(story, format, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Write `story` in `format` to `sink`.
pub fn write(story: &Story, format: Format, sink: &mut dyn io::Write) -> io::Result<()> {
    match format {
        Format::Json => super::json::write_value(story, sink),
        Format::Html => sink.write_all(html::render(story).as_bytes()),
        Format::Text => sink.write_all(text::render(story).as_bytes()),
        Format::Markdown => sink.write_all(markdown::render(story).as_bytes()),
    }
}

/// How each article of `story` is named: its outlet when known and unique in the story, else
/// its id (sanitised, one line).
pub fn names(story: &Story) -> Vec<String> {
    article_names(
        story
            .articles
            .iter()
            .map(|a| (a.outlet.as_deref(), a.id.as_str())),
    )
}

/// What a report's list of quotations says of one: its words (from the first copy), its
/// speaker, the outlets carrying it, whether only one does, and the fact it first sits in.
/// `clean` makes untrusted text fit the report (sanitised and escaped for its format).
pub struct QuoteLine {
    pub words: String,
    pub who: String,
    pub carried: Vec<String>,
    pub only: bool,
    pub fact: Option<usize>,
}

/// [`QuoteLine`] of `q`, with the articles named by `names`.
pub fn quote_line(
    story: &Story,
    q: &StoryQuote,
    names: &[String],
    clean: impl Fn(&str) -> String,
) -> QuoteLine {
    let first = &q.copies[0];
    QuoteLine {
        words: story
            .articles
            .get(first.article)
            .map(|a| clean(first.span.slice(&a.text)))
            .unwrap_or_default(),
        who: q
            .speaker
            .as_deref()
            .map(&clean)
            .unwrap_or_else(|| "speaker not named".into()),
        carried: q.carried_by.iter().map(|&a| clean(&names[a])).collect(),
        only: q.carried_by.len() == 1,
        fact: first.fact,
    }
}

/// A piece of a sentence and the marks covering it (indices into the cell's marks).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The sanitised text of the piece.
    pub text: String,
    /// The marks covering all of it, in the order of the cell's list.
    pub marks: Vec<usize>,
}

/// Sentence `sent` of `text` cut into segments at every boundary of `marks`, each with the
/// marks covering it; the text is sanitised whole first, then cut.
pub fn segments(text: &str, sent: Span, marks: &[Mark]) -> Vec<Segment> {
    if !sent.is_valid_in(text) {
        return Vec::new();
    }
    let mut cuts = vec![sent.start, sent.end];
    for m in marks.iter().filter(|m| m.span.overlaps(&sent)) {
        cuts.push(m.span.start.clamp(sent.start, sent.end));
        cuts.push(m.span.end.clamp(sent.start, sent.end));
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let shown = sanitize_mapped(sent.slice(text));
    let mut out: Vec<Segment> = Vec::new();
    for w in cuts.windows(2) {
        let seg = Span::new(w[0], w[1]);
        let from = shown.partition_point(|&(at, _)| sent.start + at < seg.start);
        let to = shown.partition_point(|&(at, _)| sent.start + at < seg.end);
        let piece: String = shown[from..to.max(from)].iter().map(|&(_, c)| c).collect();
        if piece.is_empty() {
            continue;
        }
        let covering: Vec<usize> = marks
            .iter()
            .enumerate()
            .filter(|(_, m)| m.span.contains(&seg))
            .map(|(i, _)| i)
            .collect();
        match out.last_mut() {
            Some(last) if last.marks == covering => last.text.push_str(&piece),
            _ => out.push(Segment {
                text: piece,
                marks: covering,
            }),
        }
    }
    out
}

/// A coverage bar of `fact` over `n` articles: `■` for each article that tells it, `□` for
/// each that omits it, in article order.
pub fn coverage_bar(fact: &Fact, n: usize) -> String {
    (0..n)
        .map(|a| {
            if fact.carried_by.contains(&a) {
                '■'
            } else {
                '□'
            }
        })
        .collect()
}

/// "told by all 3", "told by A and B; omitted by C", "only in A".
pub fn coverage_text(fact: &Fact, names: &[String]) -> String {
    let list = |ids: &[usize]| {
        let v: Vec<&str> = ids
            .iter()
            .filter_map(|&i| names.get(i).map(String::as_str))
            .collect();
        crate::compare::story::marks::and_list(&v)
    };
    if fact.omitted_by.is_empty() {
        format!("told by all {}", fact.carried_by.len())
    } else if fact.carried_by.len() == 1 {
        format!("only in {}", list(&fact.carried_by))
    } else {
        format!(
            "told by {}; omitted by {}",
            list(&fact.carried_by),
            list(&fact.omitted_by)
        )
    }
}

/// The name of a mark kind in a story report.
pub fn kind_name(kind: HighlightKind) -> &'static str {
    match kind {
        HighlightKind::SharedQuote => "quotation other outlets carry too",
        HighlightKind::ChangedWords => "framing difference",
        HighlightKind::LoadedTerm => "loaded term, this outlet only",
        HighlightKind::SharedLoadedTerm => "loaded term, other outlets too",
        HighlightKind::QuotedLoadedTerm => "loaded term in someone's quoted words",
        HighlightKind::ScareQuote => "scare quotes",
        other => other.name(),
    }
}

/// The labels of `fact` for readers: "attribution verb, numbers", or "".
pub fn labels_text(fact: &Fact) -> String {
    fact.labels
        .iter()
        .map(|l| l.name())
        .collect::<Vec<_>>()
        .join(", ")
}
