//! Names and titles: words of a lexicon entry that are part of a proper name or a quoted title
//! are not loaded terms.
//!
//! "Supreme Court", "House Freedom Caucus", "Islamic State", "Tea Party Patriots", the "Patriot
//! Act": an outlet that names an institution, a law, an office or a group by its name has chosen
//! no word. A hit is inside a name when it lies in a run of capitalised words (joined by "of",
//! "the", "and"…, not broken by punctuation or a possessive) that goes on past the hit, and
//! either a capitalised word of the run comes before the hit ("Tea Party *Patriots*") or a word
//! after it names an institution, law or office (`[names] heads` in `assets/lexicon.toml`:
//! "*Supreme* Court", "*Patriot* Act"). A capitalised label that stands alone ("the Deep
//! State") or brands a person ("Crooked Hillary") is still a hit.
//!
//! Headlines in title case capitalise every word, so there capitalisation tells nothing: a run
//! of a title-case sentence is a name only when the story writes it as one elsewhere (in a
//! sentence of either article that is not in title case).
//!
//! Quoted titles — the name of a show, a book, a law in quotation marks — are found by
//! [`quoted_titles`], the one place that decides what a title is.

use rustc_hash::FxHashSet as HashSet;

use crate::corpus::Article;
use crate::text::tokens::Form;
use crate::text::{Analysis, QuoteKind, Span};

/// Words that join the capitalised words of one name ("Department *of* Justice").
const CONNECTORS: &[&str] = &[
    "of", "the", "and", "for", "on", "de", "du", "la", "al", "von", "van",
];

/// Short words a title-case headline may leave in lower case.
const SMALL: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "but", "for", "nor", "on", "in", "at", "to", "by", "with",
    "from", "as", "into", "over", "vs", "per", "off", "up", "via",
];

/// A run of capitalised words: token range `start..end`.
type Run = std::ops::Range<usize>;

/// The names of one article: capitalised runs of its sentences, and which tokens they cover.
#[derive(Clone, Debug, Default)]
pub struct Names {
    runs: Vec<Run>,
}

/// Names written in ordinary (not title-case) sentences of the story's articles, as sequences
/// of normalised words: what a title-case headline's capitalised words are checked against.
pub fn known_names(articles: &[&Article]) -> HashSet<Vec<Form>> {
    let mut out = HashSet::default();
    for art in articles {
        let an = &art.analysis;
        for s in sentence_ranges(art) {
            if s.title_case {
                continue;
            }
            for run in runs(art, s.tokens) {
                out.insert(an.tokens[run].iter().map(|t| t.norm.clone()).collect());
            }
        }
    }
    out
}

impl Names {
    /// The name runs of `art`: capitalised runs of its ordinary sentences, and occurrences in
    /// its title-case sentences of names in `known`.
    pub fn of(art: &Article, known: &HashSet<Vec<Form>>) -> Names {
        let an = &art.analysis;
        let mut runs_out = Vec::new();
        // The words looked up, one buffer for every look-up.
        let mut seq: Vec<Form> = Vec::with_capacity(8);
        for s in sentence_ranges(art) {
            let range = s.tokens;
            if !s.title_case {
                runs_out.extend(runs(art, range));
                continue;
            }
            let mut i = range.start;
            while i < range.end {
                let mut best = 0;
                seq.clear();
                seq.push(an.tokens[i].norm.clone());
                for len in 2..=(range.end - i).min(8) {
                    seq.push(an.tokens[i + len - 1].norm.clone());
                    if known.contains(seq.as_slice()) {
                        best = len;
                    }
                }
                if best > 0 {
                    runs_out.push(i..i + best);
                    i += best;
                } else {
                    i += 1;
                }
            }
        }
        Names { runs: runs_out }
    }

    /// True when tokens `first..=last` are part of a name. `heads` are the normalised words
    /// that end names of institutions, laws and offices.
    pub fn covers(
        &self,
        an: &Analysis,
        first: usize,
        last: usize,
        heads: &super::sense::WordSet,
    ) -> bool {
        let i = self.runs.partition_point(|r| r.end <= first);
        let Some(run) = self.runs.get(i) else {
            return false;
        };
        if run.start > first || run.end <= last || run.len() <= last + 1 - first {
            return false;
        }
        let capital_before = (run.start..first).any(|k| an.tokens[k].capitalized);
        let head_after = (last + 1..run.end).any(|k| heads.contains(&an.tokens[k].norm));
        capital_before || head_after
    }
}

/// One compared sentence: its span, its tokens, and whether it is written in title case.
struct Sentence {
    span: Span,
    tokens: Run,
    title_case: bool,
}

/// The compared sentences of `art` (headline and body).
fn sentence_ranges(art: &Article) -> Vec<Sentence> {
    let an = &art.analysis;
    an.sentences
        .iter()
        .enumerate()
        .filter(|(i, _)| !an.sentence_role(*i).is_boilerplate())
        .map(|(_, s)| {
            let tokens = an.tokens_in(s.span);
            Sentence {
                span: s.span,
                title_case: is_title_case(an, tokens.clone()),
                tokens,
            }
        })
        .collect()
}

/// True when a sentence capitalises (nearly) every word but the small ones, as headlines do.
fn is_title_case(an: &Analysis, range: Run) -> bool {
    let mut words = 0;
    let mut capitals = 0;
    for t in &an.tokens[range] {
        if t.numeric || SMALL.contains(&t.norm.as_str()) {
            continue;
        }
        words += 1;
        capitals += usize::from(t.capitalized);
    }
    words >= 3 && capitals * 5 >= words * 4
}

/// The capitalised runs of one sentence: two or more capitalised words, joined only by spaces,
/// hyphens or a connector word.
fn runs(art: &Article, range: Run) -> Vec<Run> {
    let an = &art.analysis;
    let text = art.text.as_str();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_cap = 0;
    let close = |start: Option<usize>, last_cap: usize, out: &mut Vec<Run>| {
        if let Some(s) = start {
            let caps = (s..=last_cap).filter(|&k| an.tokens[k].capitalized).count();
            if caps >= 2 {
                out.push(s..last_cap + 1);
            }
        }
    };
    for i in range.clone() {
        let t = &an.tokens[i];
        let joined = i > range.start && start.is_some() && joined_to_previous(text, an, i);
        if !joined {
            close(start, last_cap, &mut out);
            start = None;
        }
        if t.capitalized {
            if start.is_none() {
                start = Some(i);
            }
            last_cap = i;
        } else if start.is_some() && !CONNECTORS.contains(&t.norm.as_str()) {
            close(start, last_cap, &mut out);
            start = None;
        }
        if start.is_some() && is_possessive(t.span.slice(text)) {
            close(start, last_cap, &mut out);
            start = None;
        }
    }
    close(start, last_cap, &mut out);
    out
}

/// True when nothing but spaces or a hyphen separates token `i` from the one before.
fn joined_to_previous(text: &str, an: &Analysis, i: usize) -> bool {
    let gap = text
        .get(an.tokens[i - 1].span.end..an.tokens[i].span.start)
        .unwrap_or(".");
    gap.chars().all(|c| c == ' ' || c == '-' || c == '\u{a0}')
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s") || word.ends_with("s'") || word.ends_with("s’")
}

/// Spans of the words of quoted titles in `art`: names of shows, books, laws, mottos.
///
/// This is the one place that decides which quotations are titles. Until quotations carry
/// their kind (speech, scare quote, title, a word mentioned as a word), a short quotation whose
/// words are written in title case, in a sentence that is not itself in title case ("the
/// “Celebrity Apprentice” star", "on CBS's “Face the Nation”"), is taken for a title.
pub fn quoted_titles(art: &Article) -> Vec<Span> {
    let an = &art.analysis;
    let title_case_sentences: Vec<Span> = sentence_ranges(art)
        .into_iter()
        .filter(|s| s.title_case)
        .map(|s| s.span)
        .collect();
    an.quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::ScareQuote || q.words <= 6)
        .filter(|q| !title_case_sentences.iter().any(|s| s.contains(&q.outer)))
        .filter(|q| {
            let toks = &an.tokens[an.tokens_in(q.inner)];
            toks.len() >= 2
                && toks.first().is_some_and(|t| t.capitalized)
                && toks
                    .iter()
                    .all(|t| t.capitalized || t.numeric || SMALL.contains(&t.norm.as_str()))
        })
        .map(|q| q.inner)
        .collect()
}
