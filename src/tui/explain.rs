//! Plain-language text for popups: why a highlight is marked, and the comparison summary.
//!
//! Built in update when a popup opens; every string from the articles is sanitised here.

use crate::compare::{
    Comparison, ContrastLabel, Count, PerSide, QuoteEdit, QuoteMatchKind, RowKind, Side,
};
use crate::corpus::Article;
use crate::text::sanitize::sanitize_cells;

use super::model::{Model, Target, What};
use super::state::DocLine;

fn side_name(s: Side) -> &'static str {
    match s {
        Side::A => "A",
        Side::B => "B",
    }
}

fn clean(s: &str) -> String {
    sanitize_cells(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Name of a contrast label for readers.
pub fn label_name(l: ContrastLabel) -> &'static str {
    match l {
        ContrastLabel::Attribution => "attribution verb",
        ContrastLabel::Hedge => "hedging / certainty",
        ContrastLabel::Naming => "naming",
        ContrastLabel::ScareQuote => "scare quotes",
        ContrastLabel::Loaded => "loaded term",
        ContrastLabel::Number => "number",
        ContrastLabel::Wording => "wording",
    }
}

fn edit_name(e: QuoteEdit) -> &'static str {
    match e {
        QuoteEdit::TrimmedStart => "trimmed at the start",
        QuoteEdit::TrimmedEnd => "trimmed at the end",
        QuoteEdit::Elided => "words left out (ellipsis)",
        QuoteEdit::Inserted => "editorial insertion in brackets",
        QuoteEdit::Reworded => "words differ",
        QuoteEdit::Unquoted => "presented as a quotation on one side only",
    }
}

fn kind_name(k: QuoteMatchKind) -> &'static str {
    match k {
        QuoteMatchKind::Exact => "exact",
        QuoteMatchKind::Partial => "partial",
        QuoteMatchKind::Fuzzy => "fuzzy",
    }
}

/// Why row `row` and its highlights are marked. `current` (a highlight on this row) is
/// explained first; otherwise every shown highlight of the row, focused side first.
pub fn explain(
    cmp: &Comparison,
    model: &Model,
    articles: PerSide<Option<&Article>>,
    row: usize,
    focus: Side,
    current: Option<&Target>,
    shown: &dyn Fn(What) -> bool,
) -> Vec<DocLine> {
    let mut out = Vec::new();
    let Some(r) = model.rows.get(row) else {
        out.push(DocLine::Text("Nothing here.".to_string()));
        return out;
    };
    let score = r
        .score
        .map(|s| format!(" (similarity {:.0}%)", s * 100.0))
        .unwrap_or_default();
    out.push(DocLine::Heading(match r.kind {
        RowKind::Aligned => format!("Aligned: both articles report this{score}"),
        RowKind::Moved => {
            format!("Moved: the counterpart sits elsewhere in the other article{score}")
        }
        RowKind::OnlyA => "Only in A: B has no counterpart".to_string(),
        RowKind::OnlyB => "Only in B: A has no counterpart".to_string(),
        RowKind::Excluded => "Not compared: boilerplate or headline".to_string(),
    }));
    let a_s = r.sides.a.sentences.first().copied();
    let b_s = r.sides.b.sentences.first().copied();
    if let Some(f) = cmp
        .framing
        .iter()
        .find(|f| Some(f.a) == a_s && Some(f.b) == b_s)
    {
        let labels: Vec<&str> = f.labels.iter().map(|l| label_name(*l)).collect();
        if labels.is_empty() {
            out.push(DocLine::Text(format!(
                "{} wording change(s) between the two versions",
                f.changes.len()
            )));
        } else {
            out.push(DocLine::Text(format!(
                "Framing changes: {} ({} change(s))",
                labels.join(", "),
                f.changes.len()
            )));
        }
    }
    out.push(DocLine::Blank);
    let mut whats: Vec<What> = Vec::new();
    if let Some(t) = current {
        whats.push(t.what);
    } else {
        for side in [focus, focus.other()] {
            for m in &r.sides.get(side).marks {
                if shown(m.what) && !whats.contains(&m.what) {
                    whats.push(m.what);
                }
            }
        }
    }
    if whats.is_empty() {
        out.push(DocLine::Dim(
            "No highlight on this row. n/N, ]/[ and l/L jump to the next one.".to_string(),
        ));
    }
    for w in whats {
        what_lines(cmp, &articles, w, &mut out);
        out.push(DocLine::Blank);
    }
    out
}

fn what_lines(
    cmp: &Comparison,
    articles: &PerSide<Option<&Article>>,
    what: What,
    out: &mut Vec<DocLine>,
) {
    let text = |side: Side| match side {
        Side::A => &cmp.a.text,
        Side::B => &cmp.b.text,
    };
    match what {
        What::Quote(i) => {
            let Some(q) = cmp.shared_quotes.get(i) else {
                return;
            };
            out.push(DocLine::Heading(format!(
                "Shared quote — {} match, {:.0}% of the shorter version's words in the other",
                kind_name(q.kind),
                q.score * 100.0
            )));
            if let Some(s) = &q.speaker {
                out.push(DocLine::Text(format!("Speaker: {}", clean(s))));
            }
            if q.edits.is_empty() {
                out.push(DocLine::Text("Same words in both.".to_string()));
            } else {
                let e: Vec<&str> = q.edits.iter().map(|e| edit_name(*e)).collect();
                out.push(DocLine::Text(format!("Differences: {}", e.join("; "))));
            }
            out.push(DocLine::Text(format!(
                "A: “{}”",
                clean(q.a.slice(text(Side::A)))
            )));
            out.push(DocLine::Text(format!(
                "B: “{}”",
                clean(q.b.slice(text(Side::B)))
            )));
        }
        What::Framing { pair, change } => {
            let Some(f) = cmp.framing.get(pair) else {
                return;
            };
            let Some(ch) = f.changes.get(change) else {
                return;
            };
            let score = cmp
                .alignment
                .iter()
                .find(|p| p.a == f.a && p.b == f.b)
                .map(|p| format!(", pair similarity {:.0}%", p.score * 100.0))
                .unwrap_or_default();
            out.push(DocLine::Heading(format!(
                "Changed words in an aligned pair — {}{score}",
                label_name(ch.label)
            )));
            let show = |s: Option<crate::text::Span>, side: Side| match s {
                Some(s) => format!("{}: “{}”", side_name(side), clean(s.slice(text(side)))),
                None => format!("{}: (nothing here)", side_name(side)),
            };
            out.push(DocLine::Text(show(ch.a, Side::A)));
            out.push(DocLine::Text(show(ch.b, Side::B)));
            if !f.labels.is_empty() {
                let l: Vec<&str> = f.labels.iter().map(|l| label_name(*l)).collect();
                out.push(DocLine::Dim(format!(
                    "All changes in this pair: {}",
                    l.join(", ")
                )));
            }
        }
        What::Loaded(i) => {
            let Some(t) = cmp.loaded_terms.get(i) else {
                return;
            };
            let written = if t.text.is_empty() {
                clean(t.span.slice(text(t.side)))
            } else {
                clean(&t.text)
            };
            out.push(DocLine::Heading(format!(
                "Loaded term “{written}” in {} — {}",
                side_name(t.side),
                clean(&t.category)
            )));
            if written.to_lowercase() != t.term.to_lowercase() {
                out.push(DocLine::Text(format!(
                    "A form of the lexicon entry “{}”.",
                    clean(&t.term)
                )));
            }
            out.push(DocLine::Text(clean(&t.reason)));
            out.push(DocLine::Text(if t.only_here {
                format!("Only {} uses it.", side_name(t.side))
            } else {
                "Both articles use it.".to_string()
            }));
        }
        What::Scare(side, i) => {
            let Some(q) = articles.get(side).and_then(|a| a.analysis.quotes.get(i)) else {
                return;
            };
            let inner = articles
                .get(side)
                .map(|a| clean(q.inner.slice(&a.text)))
                .unwrap_or_default();
            out.push(DocLine::Heading(format!(
                "Scare quotes in {}",
                side_name(side)
            )));
            out.push(DocLine::Text(format!(
                "“{inner}”: a few words set in quotation marks without being a quotation — \
                 a signal of distance, irony or doubt."
            )));
            let other = cmp.profile.get(side.other());
            let norm = inner.to_lowercase();
            let also = other
                .scare_quotes
                .iter()
                .any(|s| clean(s).to_lowercase() == norm);
            out.push(DocLine::Text(if also {
                format!(
                    "{} also puts these words in scare quotes.",
                    side_name(side.other())
                )
            } else {
                format!(
                    "{} does not put these words in scare quotes.",
                    side_name(side.other())
                )
            }));
        }
        What::Dateline(side) => {
            out.push(DocLine::Heading(format!("Dateline of {}", side_name(side))));
            out.push(DocLine::Text(
                "Where the report was filed: page furniture, shown but left out of the \
                 comparison (alignment, framing differences, distinctive terms)."
                    .to_string(),
            ));
        }
        What::Distinctive(side, i) => {
            let Some(d) = cmp.distinctive.get(side).get(i) else {
                return;
            };
            out.push(DocLine::Heading(format!(
                "Distinctive term of {}: “{}”",
                side_name(side),
                clean(&d.term)
            )));
            out.push(DocLine::Text(format!(
                "z = {:.2} (log-odds ratio with an informative prior; beyond ±1.96 is notable)",
                d.z
            )));
            out.push(DocLine::Text(format!(
                "{} time(s) in {}, {} in {}.",
                d.count,
                side_name(side),
                d.other_count,
                side_name(side.other())
            )));
        }
    }
}

fn counts(c: &[Count], max: usize) -> String {
    if c.is_empty() {
        return "—".to_string();
    }
    let mut v: Vec<String> = c
        .iter()
        .take(max)
        .map(|c| format!("{} ×{}", clean(&c.item), c.count))
        .collect();
    if c.len() > max {
        v.push(format!("+{} more", c.len() - max));
    }
    v.join(", ")
}

/// The summary popup: counts, framing profiles side by side, distinctive terms, shared quotes.
pub fn summary(cmp: &Comparison) -> Vec<DocLine> {
    let s = &cmp.summary;
    let (pa, pb) = (&cmp.profile.a, &cmp.profile.b);
    let title = |i: &crate::compare::SideInfo| {
        format!(
            "{} — {}",
            clean(i.outlet.as_deref().unwrap_or("unknown")),
            clean(&i.title)
        )
    };
    let mut out = vec![
        DocLine::Pair(
            format!("A: {}", title(&cmp.a)),
            format!("B: {}", title(&cmp.b)),
        ),
        DocLine::Blank,
    ];
    for l in &cmp.limits {
        out.push(DocLine::Dim(format!("Note: {}", clean(&l.fallback))));
        out.push(DocLine::Blank);
    }
    out.extend([
        DocLine::Heading("Alignment".to_string()),
        DocLine::Text(format!(
            "{} aligned · {} moved · {} only in A · {} only in B · similarity {:.0}%",
            s.aligned,
            s.moved,
            s.only_a,
            s.only_b,
            s.similarity * 100.0
        )),
        DocLine::Text(format!(
            "{} shared quotes · {} framing differences · loaded terms: {} in A, {} in B",
            s.shared_quotes, s.framing_differences, s.loaded_a, s.loaded_b
        )),
        DocLine::Blank,
        DocLine::Heading("Framing profile".to_string()),
    ]);
    let rows: [(&str, String, String); 7] = [
        ("Words", pa.words.to_string(), pb.words.to_string()),
        (
            "Attribution verbs",
            counts(&pa.attribution, 6),
            counts(&pb.attribution, 6),
        ),
        ("Hedges", counts(&pa.hedges, 6), counts(&pb.hedges, 6)),
        (
            "Scare quotes",
            list(&pa.scare_quotes),
            list(&pb.scare_quotes),
        ),
        (
            "Loaded per 1,000 words",
            format!("{:.1}", pa.loaded_per_1000),
            format!("{:.1}", pb.loaded_per_1000),
        ),
        (
            "Loaded by category",
            counts(&pa.loaded_by_category, 6),
            counts(&pb.loaded_by_category, 6),
        ),
        (
            "Who is quoted",
            format!("{} ({} quotations)", counts(&pa.quoted, 6), pa.quotations),
            format!("{} ({} quotations)", counts(&pb.quoted, 6), pb.quotations),
        ),
    ];
    for (name, a, b) in rows {
        out.push(DocLine::Pair(
            format!("{name}: {a}"),
            format!("{name}: {b}"),
        ));
    }
    out.push(DocLine::Blank);
    out.push(DocLine::Heading("Distinctive terms".to_string()));
    let dist = |side: Side| {
        let d = cmp.distinctive.get(side);
        if d.is_empty() {
            return "—".to_string();
        }
        d.iter()
            .take(10)
            .map(|t| format!("{} ({:.1})", clean(&t.term), t.z))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push(DocLine::Pair(dist(Side::A), dist(Side::B)));
    out.push(DocLine::Blank);
    out.push(DocLine::Heading(format!(
        "Shared quotes ({})",
        cmp.shared_quotes.len()
    )));
    if cmp.shared_quotes.is_empty() {
        out.push(DocLine::Dim("none found".to_string()));
    }
    for q in &cmp.shared_quotes {
        let who = q
            .speaker
            .as_deref()
            .map(|s| format!(" — {}", clean(s)))
            .unwrap_or_default();
        out.push(DocLine::Text(format!(
            "“{}”{who} ({})",
            clean(q.a.slice(&cmp.a.text)),
            kind_name(q.kind)
        )));
    }
    out
}

fn list(v: &[String]) -> String {
    if v.is_empty() {
        "—".to_string()
    } else {
        v.iter()
            .map(|s| format!("“{}”", clean(s)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
