//! Pieces shared by the human-readable reports: sentence text, marked-up diffs, labels.
//!
//! Everything returned here is already sanitised for display.

use crate::compare::{
    Change, Comparison, ContrastLabel, Count, Framing, LoadedTerm, QuoteEdit, QuoteMatchKind,
    RowKind, Side, SideInfo,
};
use crate::text::Span;
use crate::text::sanitize::sanitize;

/// One side of the comparison.
pub fn side_info(cmp: &Comparison, side: Side) -> &SideInfo {
    match side {
        Side::A => &cmp.a,
        Side::B => &cmp.b,
    }
}

/// How a loaded term is explained beside the words as written, sanitised: its category, after
/// the lexicon entry when the words are another form of it (`entry “lies”, emotive`).
pub fn entry_label(t: &LoadedTerm) -> String {
    if t.text.is_empty() || t.text.to_lowercase() == t.term.to_lowercase() {
        one_line(&t.category)
    } else {
        format!("entry “{}”, {}", one_line(&t.term), one_line(&t.category))
    }
}

/// Sanitised single-line text of `span` on `info` (line breaks folded to spaces).
pub fn span_text(info: &SideInfo, span: Span) -> String {
    one_line(span.slice(&info.text))
}

/// Sanitised text of sentence `i`, on one line.
pub fn sentence_text(info: &SideInfo, i: usize) -> String {
    info.sentences
        .get(i)
        .map(|s| span_text(info, *s))
        .unwrap_or_default()
}

/// Sanitise and fold all whitespace runs into single spaces.
pub fn one_line(s: &str) -> String {
    sanitize(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Sentence `i` of `info` with the given spans wrapped in `open`/`close` markers.
/// Spans outside the sentence are ignored; overlapping spans are merged.
pub fn marked_sentence(
    info: &SideInfo,
    i: usize,
    spans: &[Span],
    open: &str,
    close: &str,
    escape: &dyn Fn(&str) -> String,
) -> String {
    let Some(&sent) = info.sentences.get(i) else {
        return String::new();
    };
    let mut inside: Vec<Span> = spans
        .iter()
        .filter(|s| sent.contains(s) && !s.is_empty())
        .copied()
        .collect();
    inside.sort();
    let mut out = String::new();
    let mut pos = sent.start;
    for s in inside {
        if s.start < pos {
            continue;
        }
        out.push_str(&escape(&one_line_keep_edges(
            Span::new(pos, s.start).slice(&info.text),
        )));
        out.push_str(open);
        out.push_str(&escape(&one_line(s.slice(&info.text))));
        out.push_str(close);
        pos = s.end;
    }
    out.push_str(&escape(&one_line_keep_edges(
        Span::new(pos, sent.end).slice(&info.text),
    )));
    out
}

/// Like [`one_line`] but keeps a single leading/trailing space when the input had whitespace
/// there, so marked pieces stay separated from their neighbours.
fn one_line_keep_edges(s: &str) -> String {
    let core = one_line(s);
    if core.is_empty() {
        return if s.is_empty() {
            String::new()
        } else {
            " ".into()
        };
    }
    let lead = if s.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if s.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}{core}{trail}")
}

/// The spans of `changes` on `side`.
pub fn change_spans(changes: &[Change], side: Side) -> Vec<Span> {
    changes
        .iter()
        .filter_map(|c| match side {
            Side::A => c.a,
            Side::B => c.b,
        })
        .collect()
}

/// A reader-facing name of a contrast label.
pub fn label_name(label: ContrastLabel) -> &'static str {
    match label {
        ContrastLabel::Attribution => "attribution",
        ContrastLabel::Hedge => "hedging",
        ContrastLabel::Naming => "naming",
        ContrastLabel::ScareQuote => "scare quotes",
        ContrastLabel::Loaded => "loaded term",
        ContrastLabel::Number => "numbers",
        ContrastLabel::Wording => "wording",
    }
}

/// A reader-facing name of a quote match kind.
pub fn kind_name(kind: QuoteMatchKind) -> &'static str {
    match kind {
        QuoteMatchKind::Exact => "exact",
        QuoteMatchKind::Partial => "partial",
        QuoteMatchKind::Fuzzy => "fuzzy",
    }
}

/// A reader-facing name of a quote edit.
pub fn edit_name(edit: QuoteEdit) -> &'static str {
    match edit {
        QuoteEdit::TrimmedStart => "trimmed at the start",
        QuoteEdit::TrimmedEnd => "trimmed at the end",
        QuoteEdit::Elided => "words elided",
        QuoteEdit::Inserted => "editorial insertion",
        QuoteEdit::Reworded => "reworded",
        QuoteEdit::Unquoted => "unquoted on one side",
    }
}

/// "title — outlet" with the unknown outlet spelled out.
pub fn heading(info: &SideInfo) -> String {
    format!(
        "{} — {}",
        one_line(&info.title),
        one_line(info.outlet.as_deref().unwrap_or("unknown outlet"))
    )
}

/// Counts as "said ×3, claimed ×1", or "none".
pub fn counts(items: &[Count]) -> String {
    if items.is_empty() {
        return "none".into();
    }
    items
        .iter()
        .map(|c| format!("{} ×{}", one_line(&c.item), c.count))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Sentence number as a reader sees it (1-based).
pub fn sentence_ref(side: Side, i: usize) -> String {
    match side {
        Side::A => format!("A{}", i + 1),
        Side::B => format!("B{}", i + 1),
    }
}

/// Sentences of `side` with no counterpart on the other side, in reading order.
pub fn one_sided(cmp: &Comparison, side: Side) -> Vec<usize> {
    let kind = match side {
        Side::A => RowKind::OnlyA,
        Side::B => RowKind::OnlyB,
    };
    cmp.rows
        .iter()
        .filter(|r| r.kind == kind)
        .flat_map(|r| match side {
            Side::A => r.a.iter().copied(),
            Side::B => r.b.iter().copied(),
        })
        .collect()
}

/// The contrast labels of a framing difference as a list, or "wording" when it has none.
pub fn labels_text(f: &Framing) -> String {
    if f.labels.is_empty() {
        return "wording".into();
    }
    f.labels
        .iter()
        .map(|l| label_name(*l))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Up to twelve distinctive terms of `side`, strongest first, as `term (z 3.1, 5:0)` (uses on
/// this side : the other), or "none".
pub fn distinctive_list(cmp: &Comparison, side: Side) -> String {
    let list: Vec<String> = cmp
        .distinctive
        .get(side)
        .iter()
        .take(12)
        .map(|t| {
            format!(
                "{} (z {:.1}, {}:{})",
                one_line(&t.term),
                t.z,
                t.count,
                t.other_count
            )
        })
        .collect();
    if list.is_empty() {
        "none".into()
    } else {
        list.join(", ")
    }
}

/// The framing profiles side by side as `(label, A, B)` rows of sanitised plain text.
pub fn profile_rows(cmp: &Comparison) -> Vec<(&'static str, String, String)> {
    let (pa, pb) = (&cmp.profile.a, &cmp.profile.b);
    let scare = |v: &[String]| {
        if v.is_empty() {
            "none".to_string()
        } else {
            v.iter()
                .map(|s| format!("‘{}’", one_line(s)))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    vec![
        ("Words", pa.words.to_string(), pb.words.to_string()),
        (
            "Attribution",
            counts(&pa.attribution),
            counts(&pb.attribution),
        ),
        ("Hedges", counts(&pa.hedges), counts(&pb.hedges)),
        (
            "Scare quotes",
            scare(&pa.scare_quotes),
            scare(&pb.scare_quotes),
        ),
        (
            "Loaded terms / 1,000 words",
            format!("{:.1}", pa.loaded_per_1000),
            format!("{:.1}", pb.loaded_per_1000),
        ),
        (
            "Loaded terms by category",
            counts(&pa.loaded_by_category),
            counts(&pb.loaded_by_category),
        ),
        (
            "Quotations",
            pa.quotations.to_string(),
            pb.quotations.to_string(),
        ),
        ("Quoted", counts(&pa.quoted), counts(&pb.quoted)),
    ]
}
