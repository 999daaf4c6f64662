//! Marks of a story's cells: what the pairwise comparisons mark in each outlet's wording of a
//! fact, explained in terms of the story's outlets.
//!
//! - Loaded terms: the lexicon hits of the pairwise comparisons; `loaded_term` when no other
//!   article of the story uses the entry, `shared_loaded_term` when one does (the explanation
//!   names them).
//! - Changed words: the labelled changes (attribution, hedging, naming, numbers, loaded words,
//!   scare quotes) of the pairwise framing differences between this outlet's sentences of the
//!   fact and another outlet's; plain rewording is left unmarked, since in a grid of several
//!   outlets nearly every word differs from someone's.
//! - Scare quotes: short quotes in which nobody is being quoted.
//! - Shared quotes: copies of a quotation other outlets carry too.

use std::collections::{HashMap, HashSet};

use super::facts::Node;
use super::{Fact, Mark, StoryQuote};
use crate::compare::{
    Comparison, ContrastLabel, HighlightKind, LoadedTerm, Side, Voice, highlight,
};
use crate::corpus::Article;
use crate::text::sanitize::sanitize_line;
use crate::text::{QuotationKind, QuoteKind};

/// The order labels are listed in.
const LABEL_ORDER: [ContrastLabel; 6] = [
    ContrastLabel::Attribution,
    ContrastLabel::Hedge,
    ContrastLabel::Naming,
    ContrastLabel::Loaded,
    ContrastLabel::ScareQuote,
    ContrastLabel::Number,
];

/// Longest article text an explanation quotes, in characters.
const QUOTED_CHARS: usize = 120;

/// How each article is named to readers: its outlet when known and no other article of the
/// story has the same, else its id.
pub fn article_names<'a>(
    articles: impl Iterator<Item = (Option<&'a str>, &'a str)>,
) -> Vec<String> {
    let all: Vec<(Option<&str>, &str)> = articles.collect();
    all.iter()
        .map(|&(outlet, id)| {
            let unique =
                outlet.is_some_and(|o| all.iter().filter(|(x, _)| *x == Some(o)).count() == 1);
            sanitize_line(match (outlet, unique) {
                (Some(o), true) => o,
                _ => id,
            })
        })
        .collect()
}

/// `s` on one line, sanitised and cut to [`QUOTED_CHARS`].
fn quoted(s: &str) -> String {
    let line = sanitize_line(s);
    let words = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.chars().count() > QUOTED_CHARS {
        let mut cut: String = words.chars().take(QUOTED_CHARS - 1).collect();
        cut.push('…');
        cut
    } else {
        words
    }
}

/// A list of names for a sentence: "A", "A and B", "A, B and C".
pub fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Fill the marks of every cell of `facts`.
pub fn mark(
    articles: &[Article],
    pairs: &[(usize, usize)],
    cmps: &[Comparison],
    fact_of: &HashMap<Node, usize>,
    quotations: &[StoryQuote],
    facts: &mut [Fact],
) {
    let names = article_names(
        articles
            .iter()
            .map(|a| (a.outlet.as_deref(), a.id.as_str())),
    );
    // Each article's loaded terms, from its first comparison (the lexicon hits of one text do
    // not depend on the other).
    let mut loaded: Vec<Vec<&LoadedTerm>> = vec![Vec::new(); articles.len()];
    let mut seen = vec![false; articles.len()];
    for (&(i, j), cmp) in pairs.iter().zip(cmps) {
        for (k, side) in [(i, Side::A), (j, Side::B)] {
            if !seen[k] {
                seen[k] = true;
                loaded[k] = cmp.loaded_terms.iter().filter(|t| t.side == side).collect();
            }
        }
    }
    let entries: Vec<HashSet<&str>> = loaded
        .iter()
        .map(|ts| ts.iter().map(|t| t.term.as_str()).collect())
        .collect();

    let mut out: HashMap<(usize, usize), Vec<Mark>> = HashMap::new();
    let fact_at = |k: usize, at: usize| -> Option<usize> {
        let sents = &articles[k].analysis.sentences;
        let s = sents.partition_point(|x| x.span.end <= at);
        fact_of.get(&(k, s)).copied()
    };
    for (k, terms) in loaded.iter().enumerate() {
        for t in terms {
            let Some(f) = fact_at(k, t.span.start) else {
                continue;
            };
            let others: Vec<&str> = (0..articles.len())
                .filter(|&m| m != k && entries[m].contains(t.term.as_str()))
                .map(|m| names[m].as_str())
                .collect();
            let who = if others.is_empty() {
                "No other outlet of the story uses it.".to_string()
            } else {
                format!("Also used by {}.", and_list(&others))
            };
            let written = quoted(&t.text);
            let entry = if written.to_lowercase() == t.term.to_lowercase() {
                quoted(&crate::compare::lexicon::category_label(&t.category))
            } else {
                format!(
                    "entry “{}”, {}",
                    quoted(&t.term),
                    quoted(&crate::compare::lexicon::category_label(&t.category))
                )
            };
            // A charged word inside someone's quoted words is theirs, as in the pair view.
            let (kind, whose) = if t.voice == Voice::Quoted {
                (
                    HighlightKind::QuotedLoadedTerm,
                    format!("{} ", highlight::in_whose_words(t)),
                )
            } else if others.is_empty() {
                (HighlightKind::LoadedTerm, String::new())
            } else {
                (HighlightKind::SharedLoadedTerm, String::new())
            };
            out.entry((f, k)).or_default().push(Mark {
                span: t.span,
                kind,
                label: None,
                other: None,
                why: format!(
                    "{whose}Loaded term “{written}” ({entry}): {}. {who}",
                    highlight::entry_reason(t)
                ),
            });
        }
    }
    for (k, art) in articles.iter().enumerate() {
        for q in &art.analysis.quotes {
            if q.kind != QuoteKind::ScareQuote || q.class != QuotationKind::Scare {
                continue;
            }
            let Some(f) = fact_at(k, q.outer.start) else {
                continue;
            };
            out.entry((f, k)).or_default().push(Mark {
                span: q.outer,
                kind: HighlightKind::ScareQuote,
                label: None,
                other: None,
                why: format!(
                    "Scare quotes: “{}” set in quotation marks without being a quotation — a \
                     signal of distance, irony or doubt.",
                    quoted(q.inner.slice(&art.text))
                ),
            });
        }
    }
    for (qi, q) in quotations.iter().enumerate() {
        if q.carried_by.len() < 2 {
            continue;
        }
        for c in &q.copies {
            let Some(f) = c.fact else { continue };
            let others: Vec<&str> = q
                .carried_by
                .iter()
                .filter(|&&m| m != c.article)
                .map(|&m| names[m].as_str())
                .collect();
            let speaker = q
                .speaker
                .as_deref()
                .map(|s| format!(" Speaker: {}.", quoted(s)))
                .unwrap_or_default();
            out.entry((f, c.article)).or_default().push(Mark {
                span: c.span,
                kind: HighlightKind::SharedQuote,
                label: None,
                other: Some(qi),
                why: format!("Quotation also carried by {}.{speaker}", and_list(&others)),
            });
        }
    }
    let mut labels: HashMap<usize, Vec<ContrastLabel>> = HashMap::new();
    for (&(i, j), cmp) in pairs.iter().zip(cmps) {
        for fr in &cmp.framing {
            let (Some(&fa), Some(&fb)) = (fact_of.get(&(i, fr.a)), fact_of.get(&(j, fr.b))) else {
                continue;
            };
            if fa != fb {
                continue;
            }
            for ch in &fr.changes {
                if ch.label == ContrastLabel::Wording {
                    continue;
                }
                let list = labels.entry(fa).or_default();
                if !list.contains(&ch.label) {
                    list.push(ch.label);
                }
                // Loaded words and scare quotes have marks of their own.
                if matches!(ch.label, ContrastLabel::Loaded | ContrastLabel::ScareQuote) {
                    continue;
                }
                for (k, m, here, there) in [(i, j, ch.a, ch.b), (j, i, ch.b, ch.a)] {
                    let Some(span) = here else { continue };
                    let instead = match there {
                        Some(s) => format!(
                            "{} has “{}” in their place",
                            names[m],
                            quoted(s.slice(&articles[m].text))
                        ),
                        None => format!("{} has nothing in their place", names[m]),
                    };
                    out.entry((fa, k)).or_default().push(Mark {
                        span,
                        kind: HighlightKind::ChangedWords,
                        label: Some(ch.label),
                        other: Some(m),
                        why: format!("Changed words ({}): {instead}.", ch.label.name()),
                    });
                }
            }
        }
    }
    for (f, fact) in facts.iter_mut().enumerate() {
        fact.labels = labels
            .get(&f)
            .map(|l| {
                let mut l = l.clone();
                l.sort_by_key(|x| LABEL_ORDER.iter().position(|y| y == x));
                l
            })
            .unwrap_or_default();
        for cell in &mut fact.cells {
            let Some(mut marks) = out.remove(&(f, cell.article)) else {
                continue;
            };
            let text = &articles[cell.article].text;
            marks.retain(|m| !m.span.is_empty() && m.span.is_valid_in(text));
            marks.sort_by(|x, y| {
                (x.span, x.kind, x.other, &x.why).cmp(&(y.span, y.kind, y.other, &y.why))
            });
            marks.dedup_by(|x, y| x.span == y.span && x.kind == y.kind && x.why == y.why);
            cell.marks = merge_changes(marks);
        }
    }
}

/// Changed-words marks of one stretch with one label, against several outlets, as one mark
/// whose explanation names each outlet's wording (`other` keeps the first outlet).
fn merge_changes(marks: Vec<Mark>) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::with_capacity(marks.len());
    for m in marks {
        if m.kind == HighlightKind::ChangedWords
            && let Some(prev) = out.iter_mut().rev().find(|p| {
                p.kind == HighlightKind::ChangedWords && p.span == m.span && p.label == m.label
            })
        {
            let (head, rest) = m.why.split_once(": ").unwrap_or(("", &m.why));
            if !head.is_empty() && prev.why.starts_with(head) {
                prev.why = format!("{}; {rest}", prev.why.trim_end_matches('.'));
                continue;
            }
        }
        out.push(m);
    }
    out
}
