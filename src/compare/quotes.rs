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
//! Quotations of fewer than four words are only paired when exact. Each quotation of B is
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

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{QuoteEdit, QuoteMatchKind, SharedQuote};
use crate::corpus::Article;
use crate::text::{Quote, Span, Token};
use candidates::{Classes, Work};

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
    let qa = prepared(a);
    let qb = prepared(b);
    let (ca, cb) = (Classes::new(&qa), Classes::new(&qb));
    let mut work = Work::new(budget);

    // Every acceptable pair, best first (among equals, the first in A, then in B).
    let matches = candidates::class_matches((&qa, &ca), (&qb, &cb), &mut work, compare, exact);
    let over = work.over;
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
    let free_b = FreeIndex::new(b, &free_tokens(b));
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
    let free_a = FreeIndex::new(a, &free_tokens(a));
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

/// Each quotation of `qs` not `matched`, with the run of its words found unquoted in the other
/// article (`free`), in order. A class of identical quotations is looked for once; the search
/// stops when `work` runs out (a quotation costs the occurrences of its words it visits).
fn unquoted_all(
    qs: &[Prepared],
    classes: &Classes,
    matched: &[bool],
    free: &FreeIndex,
    work: &mut Work,
) -> Vec<(usize, (Span, Match))> {
    let mut found: Vec<(usize, (Span, Match))> = Vec::new();
    for members in &classes.members {
        let Some(&first) = members.iter().find(|&&i| !matched[i]) else {
            continue;
        };
        if work.over {
            break;
        }
        let p = &qs[first];
        work.add(unquoted_cost(p, free));
        if work.over {
            break;
        }
        if let Some(hit) = unquoted(p, free) {
            for &i in members.iter().filter(|&&i| !matched[i]) {
                found.push((i, hit.clone()));
            }
        }
    }
    found.sort_by_key(|(i, _)| *i);
    found
}

/// A quotation's words, for finding the same words quoted on the other side.
fn plain_words(p: &Prepared) -> Vec<&str> {
    p.words.iter().map(|w| w.norm.as_str()).collect()
}

/// One word of a quotation.
#[derive(Clone, Debug)]
struct Word {
    norm: String,
    stem: String,
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
    /// Distinct stems of informative words, for a cheap pre-check.
    vocab: BTreeSet<String>,
}

/// Longest quotation (in words) aligned in full; longer ones are cut, which only makes an
/// enormous quotation's match partial.
const MAX_WORDS: usize = 600;

/// The quotations of an article outside boilerplate paragraphs, prepared for matching.
fn prepared(art: &Article) -> Vec<Prepared> {
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
                stem: t.stem.clone(),
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
        let vocab = words
            .iter()
            .filter(|w| !is_function_word(&w.norm))
            .map(|w| w.stem.clone())
            .collect();
        out.push(Prepared {
            quote: q.clone(),
            words,
            ellipsis,
            content,
            vocab,
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

/// A quotation of A paired with one of B.
#[derive(Clone, Debug)]
struct Pair {
    a: usize,
    b: usize,
    m: Match,
}

/// The verdict on one pair of quotations.
#[derive(Clone, Debug)]
struct Match {
    kind: QuoteMatchKind,
    edits: Vec<QuoteEdit>,
    score: f64,
    matched: usize,
    /// The range of B's words the match covers.
    b_words: (usize, usize),
}

impl Match {
    /// Ordering key: exact before partial before fuzzy, then score, then matched words.
    fn rank(&self) -> (u8, u64, usize) {
        let k = match self.kind {
            QuoteMatchKind::Exact => 2,
            QuoteMatchKind::Partial => 1,
            QuoteMatchKind::Fuzzy => 0,
        };
        (k, (self.score * 1e6) as u64, self.matched)
    }
}

/// One step of an alignment path (A is `x`, B is `y`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Start of the local alignment.
    Stop,
    /// Both sides have the same word.
    Match,
    /// Two forms of one word ("environmentalist" / "environmentalists").
    Inflect,
    /// Different words.
    Substitute,
    /// A bracketed word standing in for a word of the other side.
    InsertDiag,
    /// A bracketed word of A skipped.
    InsertA,
    /// A bracketed word of B skipped.
    InsertB,
    /// A word of A skipped at an ellipsis of B.
    ElideA,
    /// A word of B skipped at an ellipsis of A.
    ElideB,
    /// A word only A has.
    GapA,
    /// A word only B has.
    GapB,
}

/// What an alignment path adds up to.
#[derive(Debug, Default)]
struct Path {
    a: (usize, usize),
    b: (usize, usize),
    matched: usize,
    changed: usize,
    elided: bool,
    inserted: bool,
    /// Longest run of matched words uninterrupted except by editorial marks.
    run: usize,
    /// Longest run of matched words that no ellipsis interrupts either.
    plain_run: usize,
    /// Matched words that are not function words.
    informative: usize,
}

/// Shared run of words that makes two overlapping quotations (each trimmed at a different
/// end) the same quotation, and the run of a quotation's words that counts as found unquoted.
const OVERLAP_RUN: usize = 6;

/// Alignment score of a shared word.
const MATCH: i32 = 2;
/// Alignment score of a bracketed word standing in for a word ("[Trump]" for "he").
const STAND_IN: i32 = 1;
/// Alignment penalty of a changed word.
const SUBSTITUTE: i32 = 1;
/// Alignment penalty of an added or dropped word.
const CHANGE: i32 = 2;

/// Local alignment of two quotations' words.
fn align(x: &Prepared, y: &Prepared) -> Path {
    let (n, m) = (x.words.len(), y.words.len());
    let w = m + 1;
    let mut score = vec![0i32; (n + 1) * w];
    let mut step = vec![Step::Stop; (n + 1) * w];
    let mut best = (0i32, 0usize, 0usize);
    for i in 1..=n {
        for j in 1..=m {
            let (wa, wb) = (&x.words[i - 1], &y.words[j - 1]);
            let mut cand = (0i32, Step::Stop);
            let mut consider = |s: i32, st: Step| {
                if s > cand.0 {
                    cand = (s, st);
                }
            };
            let diag = score[(i - 1) * w + j - 1];
            if wa.norm == wb.norm {
                consider(diag + MATCH, Step::Match);
            } else if wa.stem == wb.stem && !wa.bracketed && !wb.bracketed {
                consider(diag + MATCH, Step::Inflect);
            } else if wa.bracketed || wb.bracketed {
                consider(diag + STAND_IN, Step::InsertDiag);
            } else {
                consider(diag - SUBSTITUTE, Step::Substitute);
            }
            let up = score[(i - 1) * w + j];
            if wa.bracketed {
                consider(up, Step::InsertA);
            } else if y.ellipsis[j] {
                consider(up, Step::ElideA);
            } else {
                consider(up - CHANGE, Step::GapA);
            }
            let left = score[i * w + j - 1];
            if wb.bracketed {
                consider(left, Step::InsertB);
            } else if x.ellipsis[i] {
                consider(left, Step::ElideB);
            } else {
                consider(left - CHANGE, Step::GapB);
            }
            score[i * w + j] = cand.0;
            step[i * w + j] = cand.1;
            if cand.0 > best.0 {
                best = (cand.0, i, j);
            }
        }
    }

    let (_, mut i, mut j) = best;
    let mut path = Path {
        a: (i, i),
        b: (j, j),
        ..Path::default()
    };
    let (mut run, mut plain) = (0usize, 0usize);
    while i > 0 && j > 0 {
        let st = step[i * w + j];
        match st {
            Step::Stop => break,
            Step::Match => {
                path.matched += 1;
                if !is_function_word(&x.words[i - 1].norm) {
                    path.informative += 1;
                }
                run += 1;
                plain += 1;
            }
            Step::Inflect => {
                path.matched += 1;
                path.changed += 1;
                if !is_function_word(&x.words[i - 1].norm) {
                    path.informative += 1;
                }
                run += 1;
                plain += 1;
            }
            Step::Substitute | Step::GapA | Step::GapB => {
                path.changed += 1;
                run = 0;
                plain = 0;
            }
            Step::InsertDiag | Step::InsertA | Step::InsertB => path.inserted = true,
            Step::ElideA | Step::ElideB => {
                path.elided = true;
                plain = 0;
            }
        }
        path.run = path.run.max(run);
        path.plain_run = path.plain_run.max(plain);
        match st {
            Step::Match | Step::Inflect | Step::Substitute | Step::InsertDiag => {
                i -= 1;
                j -= 1;
            }
            Step::InsertA | Step::ElideA | Step::GapA => i -= 1,
            Step::InsertB | Step::ElideB | Step::GapB => j -= 1,
            Step::Stop => {}
        }
    }
    // A local alignment starts where its score starts to rise: never with a skipped word.
    path.a.0 = i;
    path.b.0 = j;
    path
}

/// Number of words of `p` outside brackets in `range`.
fn content_in(p: &Prepared, range: std::ops::Range<usize>) -> usize {
    p.words[range].iter().filter(|w| !w.bracketed).count()
}

/// The same quotation word for word, with no brackets or ellipses on either side.
fn exact(x: &Prepared, y: &Prepared) -> Option<Match> {
    let no_marks = |p: &Prepared| !p.ellipsis.iter().any(|&e| e) && p.content == p.words.len();
    (x.content > 0 && no_marks(x) && no_marks(y) && plain_words(x) == plain_words(y)).then(|| {
        Match {
            kind: QuoteMatchKind::Exact,
            edits: Vec::new(),
            score: 1.0,
            matched: x.words.len(),
            b_words: (0, y.words.len()),
        }
    })
}

/// Compare two quotations; `Some` when they are the same quotation.
fn compare(x: &Prepared, y: &Prepared) -> Option<Match> {
    if x.content == 0 || y.content == 0 {
        return None;
    }
    let plain_x: Vec<&str> = x.words.iter().map(|w| w.norm.as_str()).collect();
    let plain_y: Vec<&str> = y.words.iter().map(|w| w.norm.as_str()).collect();
    let no_marks = |p: &Prepared| !p.ellipsis.iter().any(|&e| e) && p.content == p.words.len();
    if plain_x == plain_y && no_marks(x) && no_marks(y) {
        return Some(Match {
            kind: QuoteMatchKind::Exact,
            edits: Vec::new(),
            score: 1.0,
            matched: plain_x.len(),
            b_words: (0, y.words.len()),
        });
    }
    let short = x.content.min(y.content);
    // Every accepted pair shares an informative word.
    if short < 4 || x.vocab.is_disjoint(&y.vocab) {
        return None;
    }
    let path = align(x, y);
    if path.matched == 0 {
        return None;
    }
    let lead_a = content_in(x, 0..path.a.0);
    let lead_b = content_in(y, 0..path.b.0);
    let tail_a = content_in(x, path.a.1..x.words.len());
    let tail_b = content_in(y, path.b.1..y.words.len());
    // Unmatched words at the same end of both sides are changed words, not trimming.
    let changed = path.changed + lead_a.min(lead_b) + tail_a.min(tail_b);
    let mut edits = Vec::new();
    if lead_a.max(lead_b) > lead_a.min(lead_b) || edge_ellipsis(x, y, true) {
        edits.push(QuoteEdit::TrimmedStart);
    }
    if tail_a.max(tail_b) > tail_a.min(tail_b) || edge_ellipsis(x, y, false) {
        edits.push(QuoteEdit::TrimmedEnd);
    }
    if path.elided {
        edits.push(QuoteEdit::Elided);
    }
    if path.inserted {
        edits.push(QuoteEdit::Inserted);
    }
    if changed > 0 {
        edits.push(QuoteEdit::Reworded);
    }
    let score = (path.matched as f64 / short as f64).clamp(0.0, 1.0);
    let contained = changed == 0 && path.matched >= short;
    let accepted = if contained {
        path.matched >= 4
            && path.informative >= 1
            && (path.plain_run >= 4 || (path.elided && path.plain_run >= 3))
    } else if changed == 0 {
        // Overlapping parts of one statement, each side running on past the other.
        path.plain_run >= OVERLAP_RUN && path.informative >= 3
    } else {
        score >= 0.75 && path.matched >= 5 && path.run >= 4 && path.informative >= 3
    };
    if !accepted {
        return None;
    }
    let kind = if changed > 0 {
        QuoteMatchKind::Fuzzy
    } else if edits.is_empty() {
        QuoteMatchKind::Exact
    } else {
        QuoteMatchKind::Partial
    };
    Some(Match {
        kind,
        edits,
        score,
        matched: path.matched,
        b_words: path.b,
    })
}

/// True when either side marks an omission at its start (`start`) or end with an ellipsis.
fn edge_ellipsis(x: &Prepared, y: &Prepared, start: bool) -> bool {
    let edge = |p: &Prepared| {
        if start {
            p.ellipsis.first().copied().unwrap_or(false)
        } else {
            p.ellipsis.last().copied().unwrap_or(false)
        }
    };
    edge(x) || edge(y)
}

/// Token indices of an article's words outside quotations and boilerplate, split into runs of
/// neighbouring words.
fn free_tokens(art: &Article) -> Vec<Vec<usize>> {
    let an = &art.analysis;
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    let mut q = 0;
    for (k, t) in an.tokens.iter().enumerate() {
        while q < an.quotes.len() && an.quotes[q].outer.end <= t.span.start {
            q += 1;
        }
        let quoted = an.quotes[q..]
            .iter()
            .take_while(|x| x.outer.start <= t.span.start)
            .any(|x| x.outer.contains(&t.span));
        if quoted || in_boilerplate(art, t.span.start) {
            if !cur.is_empty() {
                runs.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(k);
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    runs
}

/// Where each word occurs among an article's free tokens ([`free_tokens`]), and which run
/// each token belongs to.
struct FreeIndex<'a> {
    /// Normal form → token indices, ascending.
    at: FxHashMap<&'a str, Vec<usize>>,
    /// Per token, its run number (`usize::MAX` outside every run).
    run: Vec<usize>,
    /// The article's tokens.
    toks: &'a [Token],
}

impl<'a> FreeIndex<'a> {
    fn new(art: &'a Article, runs: &[Vec<usize>]) -> FreeIndex<'a> {
        let toks = &art.analysis.tokens;
        let mut at: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        let mut run = vec![usize::MAX; toks.len()];
        for (r, tokens) in runs.iter().enumerate() {
            for &t in tokens {
                run[t] = r;
                at.entry(toks[t].norm.as_str()).or_default().push(t);
            }
        }
        FreeIndex { at, run, toks }
    }
}

/// The work of [`unquoted`] for `p`: the occurrences of its words it visits.
fn unquoted_cost(p: &Prepared, free: &FreeIndex) -> u64 {
    p.words
        .iter()
        .filter(|w| !w.bracketed)
        .map(|w| free.at.get(w.norm.as_str()).map_or(0, Vec::len) as u64 + 1)
        .sum()
}

/// Longest run of a quotation's words (brackets left out, ellipses breaking runs) found
/// unquoted in `other`; accepted when it has six or more words or covers the whole quotation.
fn unquoted(p: &Prepared, free: &FreeIndex) -> Option<(Span, Match)> {
    if p.content < 4 {
        return None;
    }
    // The quotation's words with their position among content words and the ellipsis breaks.
    let mut seq: Vec<(usize, &str, bool)> = Vec::new();
    let mut k = 0;
    for (i, w) in p.words.iter().enumerate() {
        if w.bracketed {
            continue;
        }
        seq.push((k, w.norm.as_str(), p.ellipsis[i] && i > 0));
        k += 1;
    }
    let toks = free.toks;
    // Longest common run: (length, end in seq, end token index); among equals the one ending
    // first in `other`, then first in the quotation. Runs grow along the index of where each
    // word occurs, so the cost follows the occurrences, not the length of `other`.
    let mut best = (0usize, 0usize, 0usize);
    let mut prev: FxHashMap<usize, usize> = FxHashMap::default();
    for (s, &(_, norm, broken)) in seq.iter().enumerate() {
        let mut cur: FxHashMap<usize, usize> = FxHashMap::default();
        for &t in free.at.get(norm).map(Vec::as_slice).unwrap_or(&[]) {
            let joined = t > 0 && free.run[t - 1] == free.run[t];
            let len = if broken || !joined {
                1
            } else {
                prev.get(&(t - 1)).copied().unwrap_or(0) + 1
            };
            cur.insert(t, len);
            if len > best.0 || (len == best.0 && (t, s + 1) < (best.2, best.1)) {
                best = (len, s + 1, t);
            }
        }
        prev = cur;
    }
    let (len, end_s, end_t) = best;
    if len == 0 || (len < OVERLAP_RUN && len < p.content) {
        return None;
    }
    let informative = seq[end_s - len..end_s]
        .iter()
        .filter(|(_, n, _)| !is_function_word(n))
        .count();
    if informative < 2 {
        return None;
    }
    let start_t = end_t + 1 - len;
    let span = Span::new(toks[start_t].span.start, toks[end_t].span.end);
    let mut edits = Vec::new();
    if end_s - len > 0 {
        edits.push(QuoteEdit::TrimmedStart);
    }
    if end_s < seq.len() {
        edits.push(QuoteEdit::TrimmedEnd);
    }
    edits.push(QuoteEdit::Unquoted);
    let kind = if len == p.content {
        QuoteMatchKind::Exact
    } else {
        QuoteMatchKind::Partial
    };
    Some((
        span,
        Match {
            kind,
            edits,
            score: (len as f64 / p.content as f64).clamp(0.0, 1.0),
            matched: len,
            b_words: (0, 0),
        },
    ))
}

/// English function words: shared, they say nothing about two quotations being the same.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "but", "by", "can", "could", "did", "do", "does",
    "don't", "for", "from", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i",
    "if", "in", "into", "is", "it", "it's", "its", "just", "me", "more", "most", "my", "no", "not",
    "now", "of", "on", "one", "only", "or", "our", "out", "over", "said", "she", "so", "some",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "to", "up", "us", "very", "was", "we", "were", "what", "when", "which", "who", "will", "with",
    "would", "you", "your",
];

fn is_function_word(norm: &str) -> bool {
    FUNCTION_WORDS.binary_search(&norm).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_function_word("the") && !is_function_word("bridge"));
    }
}
