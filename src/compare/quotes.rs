//! Matching quotations across two articles.
//!
//! Every quotation outside boilerplate paragraphs (headlines included) is turned into a
//! sequence of word tokens (their normal forms, so case, quote marks, apostrophe style,
//! punctuation and whitespace do not matter), with two editorial markers kept aside:
//! words in square brackets (`[sic]`, `[the U.S.]`, `[Trump]`) and ellipses (`…`, `...`, `[…]`,
//! `[...]`).
//!
//! Two quotations are compared with a local token alignment (Smith–Waterman: +2 for a shared
//! word or two forms of one word (same stem, counted as a rewording), −1 for a changed word,
//! −2 for an added or dropped one, +1 for a bracketed word standing in for one) in which editorial marks cost nothing: a
//! bracketed word may be skipped or may stand in for one word of the other side, and at an
//! ellipsis the other side may skip any number of words. The alignment path tells what
//! differs: unmatched words before or after it (trimming), words skipped at an ellipsis
//! (elision), bracketed words used (insertion) and changed words (rewording).
//!
//! A pair is accepted as
//! - **exact** when the word sequences are the same;
//! - **partial** when the shorter quotation's words all appear, in order, in the other (trimmed,
//!   elided, or with editorial insertions) with a contiguous run of at least four words (three
//!   when the run is interrupted by an ellipsis), or when two quotations overlap (one trimmed
//!   at the start, the other at the end) in a run of at least six words;
//! - **fuzzy** when at least three quarters of the shorter quotation's words are matched with a
//!   contiguous run of at least four words and at least three informative (non-function) words
//!   shared, so two different quotations on one topic, which share no three-word sequence, are
//!   not paired.
//!
//! Where the local alignment stops short of the shorter quotation's end (or start) and the
//! words left there all follow, in order and at most two apart, in the other quotation, the
//! alignment is carried to that end and the words passed over count as changed: a phrase
//! reworded inside the quote marks ("the administration coming in January" / "the
//! administration that will come into Washington in January") is the same quotation, altered.
//! A quotation joining passages with an ellipsis is measured by the passages the alignment
//! reaches, not its whole length: "…healthy herds are critical…the issuing of permits is put
//! on hold…" is shared with each of the two quotations the other outlet prints them in.
//!
//! Quotations of fewer than four words are only paired when exact, or when one holds the
//! same speaker's words found whole inside a longer quotation of the other side (an outlet
//! quoting a word or two of a statement the other prints at length: [`fragments`]). Each quotation of B is
//! paired with its best match in A, and with further A quotations that match other words of it
//! (A quoting one long statement of B in two pieces); every A quotation is likewise paired with
//! its best B match. So a quotation one article repeats (a pull-quote and the body) is shared at
//! every occurrence, and a quotation is never left with only a weaker partner when one with
//! its very words exists. Pairs nested inside another reported pair are dropped.
//! A quotation of four or more words with no counterpart quotation is then looked for in the
//! other article's text outside quotes and boilerplate: a run of six or more of its words, or
//! all of them, is reported with the [`QuoteEdit::Unquoted`] edit and the span of the matched
//! words on the unquoted side.

mod candidates;
mod fragments;
mod pairwise;
mod unquoted;

use rustc_hash::{FxHashMap, FxHashSet};

use super::SharedQuote;
use crate::corpus::Article;
use crate::text::tokens::Form;
use crate::text::vocab::is_function_word;
use crate::text::{Quote, Span};
use candidates::{Classes, Work};
use pairwise::{Match, Pair, compare, exact};
use unquoted::{FreeIndex, free_tokens, unquoted_all};

/// Work budget of quotation matching, in operations: word-alignment cells, index look-ups and
/// candidate pairs. Past it, only quotations with the same words on both sides are paired (a
/// coarser but linear method), and the comparison says so. The search for quotations left
/// unquoted on the other side has a budget of the same size, counted in word occurrences
/// visited.
pub const WORK_BUDGET: u64 = 40_000_000;

/// Which parts of quotation matching reached their work budget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cut {
    /// Pairs past the budget were matched on identical words only (and no quotation was
    /// looked for unquoted on the other side).
    pub pairs: bool,
    /// The search for quotations unquoted on the other side stopped before the end.
    pub unquoted: bool,
}

/// Quotations shared by `a` and `b`, ordered by their position in A, then in B.
pub fn match_quotes(a: &Article, b: &Article) -> Vec<SharedQuote> {
    match_quotes_within(a, b, WORK_BUDGET).0
}

/// [`match_quotes`] with a work budget (in operations, see [`WORK_BUDGET`]); [`Cut`] says
/// which parts of the matching reached it.
pub fn match_quotes_within(a: &Article, b: &Article, budget: u64) -> (Vec<SharedQuote>, Cut) {
    let mut ids = WordIds::default();
    let qa = prepared(a, &mut ids);
    let qb = prepared(b, &mut ids);
    let (ca, cb) = (Classes::new(&qa), Classes::new(&qb));
    let mut work = Work::new(budget);

    // Every acceptable pair, best first (among equals, the first in A, then in B).
    let matches = candidates::class_matches((&qa, &ca), (&qb, &cb), &mut work, compare, exact);
    let mut over = work.over;
    let mut cands = candidates::expand(&ca, &cb, matches);
    cands.sort_by(|p, q| {
        q.m.rank()
            .cmp(&p.m.rank())
            .then(p.a.cmp(&q.a))
            .then(p.b.cmp(&q.b))
    });
    // Every B quotation gets its best A match, and further A matches of other words of it (A
    // quoting one long statement of B in two pieces).
    let mut pairs: Vec<Pair> = Vec::new();
    let mut taken = vec![false; cands.len()];
    let mut covered: Vec<Vec<(usize, usize)>> = vec![Vec::new(); qb.len()];
    for (k, p) in cands.iter().enumerate() {
        let (lo, hi) = p.m.b_words;
        let disjoint = covered[p.b]
            .iter()
            .all(|&(qlo, qhi)| hi <= qlo || qhi <= lo);
        if disjoint {
            taken[k] = true;
            covered[p.b].push((lo, hi));
            pairs.push(p.clone());
        }
    }
    // Every A quotation gets its best B match too: a quotation A repeats (a pull-quote and the
    // body) is paired at each occurrence, and a quotation B's look-alike took in the loop above
    // still gets its identical partner.
    let mut has_best = vec![false; qa.len()];
    for (k, p) in cands.iter().enumerate() {
        if std::mem::replace(&mut has_best[p.a], true) {
            continue;
        }
        if !taken[k] {
            taken[k] = true;
            pairs.push(p.clone());
        }
    }
    // Short quotations found inside a longer quotation of the same speaker on the other side.
    if !over {
        let (mut with_a, mut with_b) = (vec![false; qa.len()], vec![false; qb.len()]);
        for p in &pairs {
            with_a[p.a] = true;
            with_b[p.b] = true;
        }
        pairs.extend(fragments::fragment_pairs(
            (a, &qa, &with_a),
            (b, &qb, &with_b),
            &mut work,
        ));
        over = work.over;
    }
    pairs.sort_by_key(|p| (p.a, p.b));
    // A pair nested inside another pair on both sides (a scare quote inside a shared
    // quotation) adds nothing. Quotations nest at most a few levels deep, so the pairs to
    // look for are those of the enclosing quotations.
    let listed: FxHashSet<(usize, usize)> = pairs.iter().map(|p| (p.a, p.b)).collect();
    let (up_a, up_b) = (candidates::parents(&qa), candidates::parents(&qb));
    let nested_in_other = |p: &Pair| {
        enclosing(&qa, &up_a, p.a)
            .any(|oa| enclosing(&qb, &up_b, p.b).any(|ob| listed.contains(&(oa, ob))))
    };
    let keep: Vec<bool> = pairs.iter().map(|p| !nested_in_other(p)).collect();

    let mut out: Vec<SharedQuote> = Vec::new();
    for (p, keep) in pairs.iter().zip(keep) {
        if !keep {
            continue;
        }
        let (x, y) = (&qa[p.a], &qb[p.b]);
        out.push(SharedQuote {
            a: x.quote.inner,
            b: y.quote.inner,
            kind: p.m.kind,
            edits: p.m.edits.clone(),
            score: p.m.score,
            speaker: speaker(a, x).or_else(|| speaker(b, y)),
        });
    }

    // Quotations found unquoted on the other side (skipped once over budget). Identical
    // quotations are looked for once.
    let mut unquoted_work = Work::new(if over { 0 } else { budget });
    let mut matched_a = vec![false; qa.len()];
    let mut matched_b = vec![false; qb.len()];
    for p in &pairs {
        matched_a[p.a] = true;
        matched_b[p.b] = true;
    }
    let free_b = FreeIndex::new(b, &free_tokens(b), &mut ids);
    for (ia, found) in unquoted_all(&qa, &ca, &matched_a, &free_b, &mut unquoted_work) {
        let (span, m) = found;
        out.push(SharedQuote {
            a: qa[ia].quote.inner,
            b: span,
            kind: m.kind,
            edits: m.edits,
            score: m.score,
            speaker: speaker(a, &qa[ia]),
        });
    }
    let free_a = FreeIndex::new(a, &free_tokens(a), &mut ids);
    for (jb, found) in unquoted_all(&qb, &cb, &matched_b, &free_a, &mut unquoted_work) {
        let (span, m) = found;
        out.push(SharedQuote {
            a: span,
            b: qb[jb].quote.inner,
            kind: m.kind,
            edits: m.edits,
            score: m.score,
            speaker: speaker(b, &qb[jb]),
        });
    }

    out.sort_by(|x, y| {
        (x.a.start, x.b.start, x.a.end, x.b.end).cmp(&(y.a.start, y.b.start, y.a.end, y.b.end))
    });
    out.dedup_by(|x, y| x.a == y.a && x.b == y.b);
    let cut = Cut {
        pairs: over,
        unquoted: !over && unquoted_work.over,
    };
    (out, cut)
}

/// Quotations are looked for inside at most this many enclosing quotations.
const MAX_NESTING: usize = 64;

/// The quotations of `qs` whose words hold quotation `i` (`up`: each one's parent).
fn enclosing<'q>(
    qs: &'q [Prepared],
    up: &'q [Option<usize>],
    i: usize,
) -> impl Iterator<Item = usize> + 'q {
    let outer = qs[i].quote.outer;
    std::iter::successors(up[i], move |&j| up[j])
        .take(MAX_NESTING)
        .filter(move |&j| qs[j].quote.inner.contains(&outer))
}

/// A quotation's words (their normal forms' ids), for finding the same words quoted on the
/// other side.
fn plain_words(p: &Prepared) -> impl Iterator<Item = u32> + '_ {
    p.words.iter().map(|w| w.norm_id)
}

/// Numbers for the normal forms and stems of both articles' quoted words, so that the word
/// alignment compares numbers rather than strings. One numbering serves both sides.
#[derive(Default)]
struct WordIds<'t> {
    ids: FxHashMap<&'t str, u32>,
}

impl<'t> WordIds<'t> {
    fn id(&mut self, word: &'t str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(word).or_insert(next)
    }

    /// How many words are numbered.
    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// One word of a quotation.
#[derive(Clone, Debug)]
struct Word {
    norm: Form,
    /// Numbers of `norm` and `stem` ([`WordIds`]): equal numbers, equal words.
    norm_id: u32,
    stem_id: u32,
    /// Not a function word ([`is_function_word`]).
    informative: bool,
    span: Span,
    /// Inside square brackets: an editorial insertion.
    bracketed: bool,
}

/// A quotation ready for matching.
#[derive(Clone, Debug)]
struct Prepared {
    quote: Quote,
    words: Vec<Word>,
    /// `ellipsis[i]`: an ellipsis stands before word `i` (`i == words.len()`: at the end).
    ellipsis: Vec<bool>,
    /// Number of words outside brackets.
    content: usize,
    /// Distinct stems (their ids, ascending) of informative words, for a cheap pre-check.
    vocab: Vec<u32>,
    /// Every run of four consecutive stems (ids, ascending), when the quotation has no
    /// brackets and no ellipses (`None` otherwise): see [`pairwise::compare`].
    runs4: Option<Vec<[u32; 4]>>,
}

/// Longest quotation (in words) aligned in full; longer ones are cut, which only makes an
/// enormous quotation's match partial.
const MAX_WORDS: usize = 600;

/// The quotations of an article outside boilerplate paragraphs, prepared for matching.
fn prepared<'t>(art: &'t Article, ids: &mut WordIds<'t>) -> Vec<Prepared> {
    let an = &art.analysis;
    let text = art.text.as_str();
    let mut out = Vec::new();
    for q in &an.quotes {
        if in_boilerplate(art, q.outer.start) || !q.inner.is_valid_in(text) {
            continue;
        }
        let inner = q.inner.slice(text);
        let brackets = bracket_spans(inner, q.inner.start);
        let ellipses = ellipsis_positions(inner, q.inner.start);
        let mut words: Vec<Word> = an.tokens[an.tokens_in(q.inner)]
            .iter()
            .map(|t| Word {
                norm: t.norm.clone(),
                norm_id: ids.id(&t.norm),
                stem_id: ids.id(&t.stem),
                informative: !is_function_word(&t.norm),
                span: t.span,
                bracketed: brackets.iter().any(|b| b.contains(&t.span)),
            })
            .collect();
        words.truncate(MAX_WORDS);
        let mut ellipsis = vec![false; words.len() + 1];
        for p in ellipses {
            let i = words.partition_point(|w| w.span.start < p);
            ellipsis[i] = true;
        }
        let content = words.iter().filter(|w| !w.bracketed).count();
        let mut vocab: Vec<u32> = words
            .iter()
            .filter(|w| w.informative)
            .map(|w| w.stem_id)
            .collect();
        vocab.sort_unstable();
        vocab.dedup();
        let plain = content == words.len() && !ellipsis.iter().any(|&e| e);
        let runs4 = plain.then(|| {
            let mut r: Vec<[u32; 4]> = words
                .windows(4)
                .map(|w| [w[0].stem_id, w[1].stem_id, w[2].stem_id, w[3].stem_id])
                .collect();
            r.sort_unstable();
            r.dedup();
            r
        });
        out.push(Prepared {
            quote: q.clone(),
            words,
            ellipsis,
            content,
            vocab,
            runs4,
        });
    }
    out
}

/// True when the byte at `pos` lies in a boilerplate paragraph (paragraphs are in text order
/// and do not overlap, so this is a binary search).
fn in_boilerplate(art: &Article, pos: usize) -> bool {
    let paragraphs = &art.analysis.paragraphs;
    let i = paragraphs.partition_point(|p| p.span.end <= pos);
    paragraphs
        .get(i)
        .is_some_and(|p| p.span.start <= pos && p.role.is_boilerplate())
}

/// Byte spans (shifted by `offset`) of square-bracketed insertions in `s`.
fn bracket_spans(s: &str, offset: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open = None;
    for (i, c) in s.char_indices() {
        match c {
            '[' => open = Some(i),
            ']' => {
                if let Some(o) = open.take() {
                    out.push(Span::new(offset + o, offset + i + 1));
                }
            }
            _ => {}
        }
    }
    out
}

/// Byte positions (shifted by `offset`) of ellipses in `s`: `…`, `...`, `[…]`, `[...]`.
fn ellipsis_positions(s: &str, offset: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut dots = 0;
    for (i, c) in s.char_indices() {
        if c == '…' {
            out.push(offset + i);
        }
        if c == '.' {
            dots += 1;
            if dots == 3 {
                out.push(offset + i);
            }
        } else {
            dots = 0;
        }
    }
    out
}

/// The speaker of a quotation, as text.
fn speaker(art: &Article, p: &Prepared) -> Option<String> {
    let s = p.quote.speaker?;
    let t = s.slice(&art.text);
    (!t.is_empty()).then(|| t.to_string())
}
