//! Sentence alignment: which sentences of two articles report the same thing.
//!
//! Only sentences of body paragraphs take part; the headline and page furniture are shown in the
//! reading order as [`RowKind::Excluded`] rows but never aligned.
//!
//! The method, in six steps:
//!
//! 1. **Vectors.** Each analysed sentence becomes a vector of stems weighted by how informative
//!    they are ([`vectors`]: local IDF × bundled background frequency × library IDF, names and
//!    numbers boosted), plus a share of each common word's weight on its WordNet synsets
//!    ([`synonyms`]: "fired" and "dismissed" meet there); a demonym counts as its place when
//!    both occur ("Russian", "Russia"). German pairs are matched on German stems, and a German
//!    compound one article alone uses also counts as its parts ("Gesundheitsamt" meets "Amt
//!    für Gesundheit"). Two sentences' similarity is the cosine of their
//!    vectors, in `[0, 1]`. A pair's *evidence* is the part of that cosine carried by words
//!    other than the story's topic words (found in several sentences of both articles,
//!    [`vectors::is_topical`]) and reporting verbs; a pair scoring below [`EVIDENT_SCORE`]
//!    with evidence below [`MIN_EVIDENCE`] shares the story's subject, not a fact, and is
//!    never aligned (it still counts as a rival in margin scoring) — except the two ledes
//!    (first body sentences) scoring at least `min_score` whose shared words are not only
//!    names and reporting verbs ([`vectors::Vectors::naming`]): two reports of one event open
//!    with its main fact, told in the story's own words ("declared a national emergency at
//!    the southern border"), so their place is the evidence those words cannot be; ledes
//!    sharing only who and where ("the Harbour Ministry … the Kessel Strait") may tell two
//!    different events. Nor is a pair below [`EVIDENT_SCORE`] aligned when both sentences are
//!    quotations of two different named speakers that do not share five words in a row, or of
//!    one speaker that share no three words in a row and at most one content word (a speaker
//!    only described, "the agency", is perhaps the other's, and the quoted words alone are
//!    compared) ([`speakers`]): what two people said are two statements, whatever words they
//!    share, and so are two different lines of one speech.
//! 2. **Candidates.** An inverted index over the stems of B proposes, for every sentence, the
//!    few sentences of the other article sharing the most weight (stems found in very many
//!    sentences are left out of the index for long inputs; at most [`CANDIDATES_PER_SENTENCE`]
//!    per sentence and side), so long articles never cost all pairs. From each candidate pair,
//!    blocks of up to [`MAX_GROUP`] consecutive sentences per side (1:m, n:1 and n:m) are
//!    scored on their concatenations: a block is a candidate when every sentence in it finds
//!    at least [`MERGE_CONTAINED`] of its content on the other side of the block, and the
//!    block scores clearly higher ([`MERGE_GAIN`]) than its best single pair.
//! 3. **In-order alignment.** Dynamic programming picks the set of candidates (1:1 pairs
//!    scoring at least `min_score` or *clearly best*, the two ledes — first body sentences —
//!    when they score at least [`LEDE_MIN_SCORE`], and blocks scoring at least `min_score`)
//!    that keeps both articles' order and has the largest total weight (score × sentences
//!    covered, the ledes' pair counting extra), skipping freely — a diff over sentences with
//!    similarity scores. It runs over the sparse candidates with a prefix-maximum tree, in
//!    `O(k log k)` for `k` candidates. A 1:1 unit of that chain that would also stand as a
//!    moved pair (step 4) gives way when, without it, at least [`RELEASED_FOR`] other units
//!    fit between its neighbours: a quotation one outlet keeps for its end must not hold the
//!    in-order pairing of every fact it jumps over; it is paired again as moved.
//!    A lone sentence left out on each side between the same two units (or before the first)
//!    is paired with the other when they share something ([`GAP_MIN_SCORE`]): framed by pairs, their place confirms what their words suggest
//!    ("Lisa Page left the bureau earlier this year" / "Ms. Page … quit the F.B.I. in May").
//!    Each unit then grows over the unaligned sentences next to it (up to
//!    [`MAX_GROWN`] per side) while each added sentence tells mostly what the other side
//!    tells: one sentence rewritten as a run of short ones.
//!    Last, the pair right after (or before) each unit on both sides, both sentences free, is
//!    added when it has evidence of one fact and scores at least [`CLEAR_FLOOR`] ×
//!    `min_score`: framed on one side, it continues a run both outlets tell in the same order
//!    (its already-paired neighbours support it).
//! 4. **Moved pairs.** Of the sentences still unaligned, strong 1:1 pairs (at least
//!    `min_score +` [`MOVED_MARGIN`], or clearly best), strongest first, are added with
//!    `moved: true`: they correspond but sit out of order relative to the rest. Out of order,
//!    a pair's place does not support it, so its words must single it out: it scores at least
//!    [`MOVED_RATIO`] times any other candidate of either sentence. A moved pair
//!    gives way to an in-order candidate of one of its sentences, in that sentence's own place,
//!    scoring nearly as well ([`IN_ORDER_MARGIN`]): the neighbour that tells it beats a
//!    sentence elsewhere sharing its words.
//! 5. **Joined sentences.** A sentence still unaligned whose best candidate belongs to an
//!    in-order unit, scoring at least `min_score +` [`ATTACH_MARGIN`], joins that unit
//!    (strongest first): one outlet often tells in two separate places what the other tells
//!    in one sentence ("was sued by his former aide in 2014" / "had been accused by his former
//!    aide" … "She sued him in 2014"), which consecutive blocks do not reach. The joining
//!    sentence must tell mostly what its partner tells ([`JOIN_CONTAINED`]): a sentence about
//!    something else that shares one clause with the unit stays on its own.
//! 6. **Shared quotations.** Once the shared quotations are known ([`crate::compare::compare`]
//!    matches them beside steps 1–5), the two sentences of each quotation of speech both
//!    print are brought together ([`Units::join_shared_quotes`], module `quoted`): paired
//!    when both are unaligned (moved when out of order), or the unaligned one joins the
//!    other's unit or moved pair. The same person's same words, "“exhilarated” by the strong support" /
//!    "saying she feels “exhilarated”", are one report whatever the words around them.
//!    [`align`] alone stops after step 5.
//!
//! A pair is *clearly best* when it scores at least [`CLEAR_FLOOR`] × `min_score` and at least
//! [`CLEAR_RATIO`] times the best rival of either of its sentences (margin scoring): a
//! paraphrase far above every alternative is trusted even when its wording differs a lot,
//! while sentences of one story that all resemble each other need the full `min_score`.
//!
//! The reading order ([`Alignment::rows`]) walks both articles along the in-order alignment:
//! before each aligned row come the sentences of A then of B that precede it (excluded ones as
//! `Excluded` rows, unaligned ones as `OnlyA`/`OnlyB`). A moved pair is shown once, at A's
//! position, as a `Moved` row holding both sentences and any joined to it in step 6; B's sentences
//! do not appear again at their own positions. A block is one row, e.g. `a: [i], b: [j, j + 1]`,
//! and gives one pair per sentence combination, all with the block's score. A joined sentence is
//! shown in its unit's row (which may then hold sentences that are not consecutive,
//! `b: [j, j + 4]`), not at its own position, and gives one pair with each sentence of the unit's
//! other side.

mod quoted;
mod rows;
pub mod speakers;
pub mod synonyms;
pub mod vectors;

use rayon::prelude::*;

use super::stats::SparseVec;
use super::{AlignedPair, Options, Row};
use crate::corpus::Article;
use crate::text::Analysis;

/// How many candidate partners each sentence proposes from the inverted index.
pub const CANDIDATES_PER_SENTENCE: usize = 8;

/// Extra score an out-of-order pair needs beyond `min_score` to count as moved.
pub const MOVED_MARGIN: f64 = 0.1;

/// Content words other than names an out-of-order pair scoring below `min_score +`
/// [`MOVED_MARGIN`] must share to be moved as clearly best: out of order, one word in common
/// ("response", "together"), however rare, is a coincidence.
pub const MOVED_SHARED_WORDS: usize = 2;

/// How many times the best rival's score (another candidate of either sentence) a moved pair
/// needs: out of order, its place does not support it, so its words must single it out.
pub const MOVED_RATIO: f64 = 1.25;

/// How much higher a merge must score than its better part alone.
pub const MERGE_GAIN: f64 = 0.05;

/// How many times the best rival's score a weak pair needs to count as a clear best match.
pub const CLEAR_RATIO: f64 = 2.0;

/// Share of `min_score` a clear best match needs.
pub const CLEAR_FLOOR: f64 = 0.75;

/// Lowest score at which the two ledes (first body sentences) are paired whatever else
/// competes: two reports of one event open with its main fact.
pub const LEDE_MIN_SCORE: f64 = 0.15;

/// Extra weight of the ledes' pair in the in-order alignment.
const LEDE_BONUS: f64 = 1.0;

/// Most consecutive sentences on one side of a merged unit.
pub const MAX_GROUP: usize = 3;

/// Extra score, beyond `min_score`, a sentence left out needs to join the unit of its best
/// match (step 5).
pub const ATTACH_MARGIN: f64 = 0.1;

/// Lowest score of a lone pair of sentences framed by aligned units to be paired (step 3).
pub const GAP_MIN_SCORE: f64 = 0.08;

/// Lowest score of a candidate pair.
const CANDIDATE_FLOOR: f64 = 0.1;

/// Candidate pairs scored together in one task of the thread pool when units are made.
const UNIT_BLOCK: usize = 4096;

/// Least part of a pair's cosine that words other than the story's topic words and reporting
/// verbs must carry for the pair to be aligned ([`vectors::is_topical`]): two sentences
/// sharing only "Russia's Defense Ministry … Syria … ISIS" in a story about them share the
/// subject, not a fact.
pub const MIN_EVIDENCE: f64 = 0.02;

/// Score from which a pair needs no evidence beyond its cosine: sentences that share most of
/// their words (a quotation both outlets print) correspond even when every word is the story's.
pub const EVIDENT_SCORE: f64 = 0.5;

/// Least share of a sentence's content its partner must tell for it to join the partner's
/// unit (step 5).
pub const JOIN_CONTAINED: f64 = 0.4;

/// Least share of each sentence's content that a merged unit's other side must tell.
pub const MERGE_CONTAINED: f64 = 0.4;

/// The alignment of two articles' sentences.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    /// Aligned pairs sorted by A then B index.
    pub pairs: Vec<AlignedPair>,
    /// The side-by-side reading order covering every sentence of both articles once.
    pub rows: Vec<Row>,
    /// Overall content similarity in `[0, 1]`: the score-weighted share of both articles'
    /// informative content that is aligned.
    pub similarity: f64,
}

/// A candidate unit: A sentences `a0..=a1` against B sentences `b0..=b1` (indices into the
/// analysed-sentence lists).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Unit {
    a0: usize,
    a1: usize,
    b0: usize,
    b1: usize,
    score: f64,
}

impl Unit {
    fn weight(&self) -> f64 {
        let w = self.score * (self.a1 - self.a0 + 1 + self.b1 - self.b0 + 1) as f64 / 2.0;
        // The ledes tell the story's main fact: paired, they anchor the alignment.
        if self.a0 == 0 && self.b0 == 0 {
            w + LEDE_BONUS
        } else {
            w
        }
    }
}

/// Indices of the sentences of `an` that take part in the alignment (body paragraphs and embedded posts).
pub fn analysed_sentences(an: &Analysis) -> Vec<usize> {
    (0..an.sentences.len())
        .filter(|&i| an.sentence_role(i).is_compared())
        .collect()
}

/// Align the sentences of `a` and `b`.
pub fn align(a: &Article, b: &Article, opts: &Options) -> Alignment {
    units(a, b, opts).finish(a, b)
}

/// The alignment before its pairs and rows are written out: the analysed sentences, their
/// vectors and the units found, so that a later step may add pairs it knows of
/// ([`Units::join_shared_quotes`]).
pub struct Units {
    sa: Vec<usize>,
    sb: Vec<usize>,
    vecs: vectors::Vectors,
    chain: Vec<Unit>,
    moved: Vec<(usize, usize, f64)>,
    attached: Vec<Attached>,
    /// Sentences joined to a moved pair by a shared quotation (step 6).
    grown: Vec<Grown>,
}

/// Steps 1–5 of the alignment (see the module documentation), without writing out pairs and
/// rows ([`Units::finish`]).
pub fn units(a: &Article, b: &Article, opts: &Options) -> Units {
    let sa = analysed_sentences(&a.analysis);
    let sb = analysed_sentences(&b.analysis);
    let vecs = vectors::build(&a.analysis, &sa, &b.analysis, &sb, opts.corpus.as_deref());
    let min_score = if opts.min_score.is_finite() {
        opts.min_score.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (pairs, mut supported) = candidates(&vecs.a, &vecs.b, vecs.stems, &vecs.topical);
    // Two quotations by different people are two statements (see [`speakers`]).
    let (who_a, who_b) = rayon::join(
        || speakers::of_sentences(a, &sa),
        || speakers::of_sentences(b, &sb),
    );
    let two_statements = |i: usize, j: usize| match (&who_a[i], &who_b[j]) {
        (Some(x), Some(y)) => speakers::two_statements(a, sa[i], x, b, sb[j], y),
        _ => false,
    };
    for (k, &(i, j, s)) in pairs.iter().enumerate() {
        if supported[k] && s < EVIDENT_SCORE && two_statements(i, j) {
            supported[k] = false;
        }
    }
    let rivals = rivals(&pairs, sa.len(), sb.len());
    let clear = clear_best(&pairs, &rivals, min_score);
    // Whether the ledes share the story's event, not only its names: then their place is
    // their evidence.
    let lede_event = match (vecs.a.first(), vecs.b.first()) {
        (Some(x), Some(y)) => evidence(x, y, &vecs.naming) >= MIN_EVIDENCE,
        _ => false,
    };
    let units = candidate_units(
        &vecs.a, &vecs.b, vecs.stems, &pairs, &clear, &supported, lede_event, min_score,
    );
    // Out of order, a pair must stand out from the other candidates of its sentences.
    let movable: Vec<bool> = pairs
        .iter()
        .zip(&supported)
        .zip(&rivals)
        .map(|((&(_, _, s), &ok), &r)| ok && s >= MOVED_RATIO * r)
        .collect();
    let chain = release_anchors(
        best_chain(&units),
        &units,
        &pairs,
        &clear,
        &movable,
        min_score + MOVED_MARGIN,
    );
    let chain = fill_gaps(chain, &vecs.a, &vecs.b, two_statements);
    let chain = grow(chain, &vecs.a, &vecs.b);
    let chain = extend_runs(chain, &pairs, &supported, CLEAR_FLOOR * min_score);
    let moved = moved_pairs(
        &pairs,
        &clear,
        &movable,
        &chain,
        sa.len(),
        sb.len(),
        min_score + MOVED_MARGIN,
        |i, j| speakers::shared_words(a, sa[i], b, sb[j]) >= MOVED_SHARED_WORDS,
    );
    let (chain, moved, passed_over) = prefer_in_order(chain, moved, &pairs, &supported, min_score);

    // Which side of each pair may join the other's unit: the pair is evidence of one fact, was
    // not passed over for an in-order neighbour, and the joining sentence tells mostly what
    // its partner tells (not a different fact sharing a clause).
    let joinable: Vec<(bool, bool)> = pairs
        .iter()
        .zip(&supported)
        .map(|(&(i, j, _), &ok)| {
            let ok = ok && passed_over.binary_search(&(i, j)).is_err();
            (
                ok && contained(&vecs.a[i], &vecs.b[j]) >= JOIN_CONTAINED,
                ok && contained(&vecs.b[j], &vecs.a[i]) >= JOIN_CONTAINED,
            )
        })
        .collect();
    let attached = attached(
        &pairs,
        &joinable,
        &chain,
        &moved,
        sa.len(),
        sb.len(),
        min_score + ATTACH_MARGIN,
    );
    Units {
        sa,
        sb,
        vecs,
        chain,
        moved,
        attached,
        grown: Vec::new(),
    }
}

impl Units {
    /// The alignment: its pairs, reading order and similarity.
    pub fn finish(self, a: &Article, b: &Article) -> Alignment {
        let rows = rows::rows(
            a.analysis.sentences.len(),
            b.analysis.sentences.len(),
            &self,
        );
        let Units {
            sa,
            sb,
            vecs,
            chain,
            moved,
            attached,
            grown,
        } = self;
        let mut out_pairs = Vec::new();
        for u in &chain {
            for &ga in &sa[u.a0..=u.a1] {
                for &gb in &sb[u.b0..=u.b1] {
                    out_pairs.push(AlignedPair {
                        a: ga,
                        b: gb,
                        score: round(u.score),
                        moved: false,
                    });
                }
            }
        }
        for &(i, j, s) in &moved {
            out_pairs.push(AlignedPair {
                a: sa[i],
                b: sb[j],
                score: round(s),
                moved: true,
            });
        }
        for x in &attached {
            // The joined sentence faces the whole unit, as in a block.
            let u = &chain[x.unit];
            let (ra, rb) = if x.free_a {
                (x.a..=x.a, u.b0..=u.b1)
            } else {
                (u.a0..=u.a1, x.b..=x.b)
            };
            for i in ra {
                for j in rb.clone() {
                    out_pairs.push(AlignedPair {
                        a: sa[i],
                        b: sb[j],
                        score: round(x.score),
                        moved: false,
                    });
                }
            }
        }
        // A moved row that grew faces its sentences with each other, as a block does: each
        // pair scores as the weaker of its two sentences' ties to the row.
        for &(i, j, s) in &moved {
            let joined: Vec<&Grown> = grown.iter().filter(|g| g.pair == (i, j)).collect();
            if joined.is_empty() {
                continue;
            }
            let mut side_a = vec![(i, s)];
            let mut side_b = vec![(j, s)];
            for g in &joined {
                if g.free_a {
                    side_a.push((g.a, g.score));
                } else {
                    side_b.push((g.b, g.score));
                }
            }
            for &(x, sx) in &side_a {
                for &(y, sy) in &side_b {
                    if (x, y) == (i, j) {
                        continue;
                    }
                    let score = joined
                        .iter()
                        .find(|g| (g.a, g.b) == (x, y))
                        .map_or(sx.min(sy), |g| g.score);
                    out_pairs.push(AlignedPair {
                        a: sa[x],
                        b: sb[y],
                        score: round(score),
                        moved: true,
                    });
                }
            }
        }
        out_pairs.sort_by_key(|p| (p.a, p.b));
        out_pairs.dedup_by_key(|p| (p.a, p.b));

        let similarity = similarity(&vecs.a, &vecs.b, &chain, &moved, &attached, &grown);
        Alignment {
            pairs: out_pairs,
            rows,
            similarity: round(similarity),
        }
    }
}

fn round(x: f64) -> f64 {
    ((x * 10_000.0).round() / 10_000.0).clamp(0.0, 1.0)
}

/// Candidate 1:1 pairs `(i, j, cosine)`, sorted by `(i, j)`, from an inverted index over B.
fn candidates(
    va: &[SparseVec],
    vb: &[SparseVec],
    stems: usize,
    topical: &[bool],
) -> (Vec<(usize, usize, f64)>, Vec<bool>) {
    // Postings of every stem in one array (B sentences in order), `start[id]..start[id + 1]`
    // being stem `id`'s: one allocation, and read front to back.
    let mut start = vec![0u32; stems + 1];
    for v in vb {
        for &(id, _) in &v.terms {
            start[id as usize + 1] += 1;
        }
    }
    for id in 0..stems {
        start[id + 1] += start[id];
    }
    let mut fill = start.clone();
    let mut postings = vec![(0u32, 0.0f64); start[stems] as usize];
    for (j, v) in vb.iter().enumerate() {
        for &(id, x) in &v.terms {
            let at = &mut fill[id as usize];
            postings[*at as usize] = (j as u32, x);
            *at += 1;
        }
    }
    // Stems in very many sentences propose nothing (they still count in the exact score).
    let cap = 64.max(vb.len() / 8);
    let mut acc = vec![0.0f64; vb.len()];
    // The B sentences a row reaches, written without a branch: each posting writes its
    // sentence at `n` and moves `n` on only when the sentence was not reached before (a zero
    // sum; weights are positive). A sentence whose products all round to zero is listed more
    // than once, and its later entries find a zero sum, as the first does.
    let mut touched: Vec<u32> = vec![0; vb.len() + 1];
    // One A sentence's proposals: (partial score, B index).
    let mut row: Vec<(f64, usize)> = Vec::with_capacity(CANDIDATES_PER_SENTENCE);
    let mut proposed: Vec<(usize, usize)> = Vec::new();
    let k = CANDIDATES_PER_SENTENCE;
    // Each B sentence's best few proposers so far: (partial score, A index).
    let mut best_b: Vec<Vec<(f64, usize)>> = vec![Vec::new(); vb.len()];
    // The score a proposer must beat to enter a full list.
    let mut floor_b = vec![0.0f64; vb.len()];
    for (i, v) in va.iter().enumerate() {
        let mut n = 0usize;
        for &(id, x) in &v.terms {
            let p = &postings[start[id as usize] as usize..start[id as usize + 1] as usize];
            if p.len() > cap {
                continue;
            }
            if touched.len() < n + p.len() + 1 {
                touched.resize(n + p.len() + 1, 0);
            }
            for &(j, y) in p {
                let sum = &mut acc[j as usize];
                touched[n] = j;
                n += usize::from(*sum == 0.0);
                *sum += x * y;
            }
        }
        // The row's best `k` (highest score, then lowest index), best first.
        row.clear();
        for &j in &touched[..n] {
            let sum = std::mem::take(&mut acc[j as usize]);
            let s = sum / (v.norm * vb[j as usize].norm).max(f64::MIN_POSITIVE);
            if s <= 0.0 {
                continue;
            }
            let j = j as usize;
            if s > floor_b[j] {
                let kept = &mut best_b[j];
                if kept.len() < k {
                    kept.push((s, i));
                } else if let Some(worst) = kept.iter_mut().min_by(|x, y| x.0.total_cmp(&y.0)) {
                    *worst = (s, i);
                }
                if kept.len() == k {
                    floor_b[j] = kept.iter().map(|x| x.0).fold(f64::INFINITY, f64::min);
                }
            }
            let ahead = |x: &(f64, usize)| x.0 > s || (x.0 == s && x.1 < j);
            if row.len() == k && row.last().is_some_and(&ahead) {
                continue;
            }
            let at = row.partition_point(ahead);
            if row.len() == k {
                row.pop();
            }
            row.insert(at, (s, j));
        }
        proposed.extend(row.iter().map(|&(_, j)| (i, j)));
    }
    for (j, kept) in best_b.iter().enumerate() {
        proposed.extend(kept.iter().map(|&(_, i)| (i, j)));
    }
    proposed.sort_unstable();
    proposed.dedup();
    // Each pair's score, and whether it is evidence of one fact (the words other than the
    // story's topic words carry enough of it), from one walk of the two sentences.
    proposed
        .into_par_iter()
        .with_min_len(1024)
        .map(|(i, j)| {
            let (s, e) = cosine_and_evidence(&va[i], &vb[j], topical);
            ((i, j, s), s >= EVIDENT_SCORE || e >= MIN_EVIDENCE)
        })
        .filter(|p| p.0.2 >= CANDIDATE_FLOOR)
        .unzip()
}

/// For each candidate pair, the best score of another candidate pair of either of its
/// sentences (0 when it has none): the rival it must stand out from.
fn rivals(pairs: &[(usize, usize, f64)], na: usize, nb: usize) -> Vec<f64> {
    let mut top_a = vec![(0.0f64, 0.0f64); na];
    let mut top_b = vec![(0.0f64, 0.0f64); nb];
    let push = |t: &mut (f64, f64), s: f64| {
        if s > t.0 {
            *t = (s, t.0);
        } else if s > t.1 {
            t.1 = s;
        }
    };
    for &(i, j, s) in pairs {
        push(&mut top_a[i], s);
        push(&mut top_b[j], s);
    }
    let rival = |t: (f64, f64), s: f64| if s >= t.0 { t.1 } else { t.0 };
    pairs
        .iter()
        .map(|&(i, j, s)| rival(top_a[i], s).max(rival(top_b[j], s)))
        .collect()
}

/// For each candidate pair, whether it is a clear best match (see the module documentation).
fn clear_best(pairs: &[(usize, usize, f64)], rivals: &[f64], min_score: f64) -> Vec<bool> {
    pairs
        .iter()
        .zip(rivals)
        .map(|(&(_, _, s), &r)| s >= min_score * CLEAR_FLOOR && s >= CLEAR_RATIO * r)
        .collect()
}

/// Alignment units: 1:1 candidates scoring at least `min_score` or clearly best, and merged
/// blocks of up to [`MAX_GROUP`] consecutive sentences per side (1:m, n:1 and n:m) scoring at
/// least `min_score` and clearly above their best 1:1 pair, in which every sentence shares
/// content with the other side.
#[allow(clippy::too_many_arguments)]
fn candidate_units(
    va: &[SparseVec],
    vb: &[SparseVec],
    stems: usize,
    pairs: &[(usize, usize, f64)],
    clear: &[bool],
    supported: &[bool],
    lede_event: bool,
    min_score: f64,
) -> Vec<Unit> {
    // Where each A sentence's candidates start in `pairs` (sorted by `(i, j)`).
    let mut first = vec![0usize; va.len() + 1];
    for &(i, _, _) in pairs {
        first[i + 1] += 1;
    }
    for i in 0..va.len() {
        first[i + 1] += first[i];
    }
    let pair = |x: usize, y: usize| {
        let row = &pairs[first[x]..first[x + 1]];
        row.binary_search_by_key(&y, |p| p.1)
            .map_or(0.0, |k| row[k].2)
    };
    let (norms_a, norms_b) = rayon::join(|| run_norms(va), || run_norms(vb));
    // The units whose top-left corner is one of `pairs[range]`, in order.
    let units_from = |range: std::ops::Range<usize>| {
        // The sentences of A from the current candidates' A sentence on, spread out by stem id
        // (the values of the MAX_GROUP sentences side by side), so that each sentence of B is
        // scored against all of them in one walk of its list.
        let mut dense: Vec<[f64; MAX_GROUP]> = vec![[0.0; MAX_GROUP]; stems];
        let mut spread: Option<usize> = None;
        let mut out = Vec::new();
        for k in range {
            let (i, j, s) = pairs[k];
            if spread != Some(i) {
                if let Some(old) = spread {
                    spread_out(&mut dense, va, old, false);
                }
                spread_out(&mut dense, va, i, true);
                spread = Some(i);
            }
            let ledes = i == 0 && j == 0 && s >= LEDE_MIN_SCORE;
            let lede_evident = i == 0 && j == 0 && s >= min_score && lede_event;
            if (supported[k] || lede_evident) && (s >= min_score || clear[k] || ledes) {
                out.push(Unit {
                    a0: i,
                    a1: i,
                    b0: j,
                    b1: j,
                    score: s,
                });
            }
            // The dot products of the sentences from (i, j) on, `dots[y][x]` for A's `i + x`
            // and B's `j + y`: a block's vector is the sum of its sentences', so its dot product
            // is the sum of theirs, and no block's vector is made.
            let (na, nb) = ((va.len() - i).min(MAX_GROUP), (vb.len() - j).min(MAX_GROUP));
            let dots = corner_dots(&dense, &vb[j..j + nb]);
            // Blocks with (i, j) as their top-left corner.
            for a1 in i..i + na {
                for b1 in j..j + nb {
                    if a1 == i && b1 == j {
                        continue;
                    }
                    let merged = block_cosine(
                        &dots,
                        (a1 - i + 1, b1 - j + 1),
                        norms_a[i][a1 - i],
                        norms_b[j][b1 - j],
                    );
                    if merged < min_score {
                        continue;
                    }
                    let best_part = (i..=a1)
                        .flat_map(|x| (j..=b1).map(move |y| (x, y)))
                        .map(|(x, y)| pair(x, y))
                        .fold(0.0, f64::max);
                    if merged < best_part + MERGE_GAIN {
                        continue;
                    }
                    // Every sentence of the block tells part of what the other side's block
                    // tells: most of its content is found there. B's side first: A's run is
                    // spread out already, so it is the cheaper test.
                    let told_b = (j..=b1)
                        .all(|y| contained_spread(&vb[y], &dense, a1 - i + 1) >= MERGE_CONTAINED);
                    let told = told_b
                        && (i..=a1).all(|x| contained_in(&va[x], &vb[j..=b1]) >= MERGE_CONTAINED);
                    if told {
                        out.push(Unit {
                            a0: i,
                            a1,
                            b0: j,
                            b1,
                            score: merged,
                        });
                    }
                }
            }
        }
        out
    };
    // Long texts are scored in ranges of candidates on the thread pool, each range starting
    // at a new sentence of A; the units come out in the same order as from one pass.
    let mut ranges = Vec::new();
    let mut from = 0;
    while from < pairs.len() {
        let mut to = (from + UNIT_BLOCK).min(pairs.len());
        while to < pairs.len() && pairs[to].0 == pairs[to - 1].0 {
            to += 1;
        }
        ranges.push(from..to);
        from = to;
    }
    if ranges.len() <= 1 {
        return units_from(0..pairs.len());
    }
    ranges.into_par_iter().flat_map_iter(units_from).collect()
}

/// The norms of the runs of 1 to [`MAX_GROUP`] consecutive sentences from each sentence on
/// (`[i][len - 1]`), from the sentences' own norms and the dot products of the sentences near
/// each other: |x + y|² = |x|² + |y|² + 2 x·y, so no run's vector is made.
fn run_norms(v: &[SparseVec]) -> Vec<[f64; MAX_GROUP]> {
    // `near[x][gap]`: the dot product of sentence x and sentence x + gap.
    let near: Vec<[f64; MAX_GROUP]> = (0..v.len())
        .map(|x| {
            let mut d = [0.0; MAX_GROUP];
            for (gap, slot) in d.iter_mut().enumerate().skip(1) {
                if let Some(y) = v.get(x + gap) {
                    *slot = v[x].dot(y);
                }
            }
            d
        })
        .collect();
    (0..v.len())
        .map(|i| {
            let mut norms = [0.0; MAX_GROUP];
            norms[0] = v[i].norm;
            let mut square = v[i].norm * v[i].norm;
            for k in i + 1..(i + MAX_GROUP).min(v.len()) {
                square += v[k].norm * v[k].norm;
                for x in i..k {
                    square += 2.0 * near[x][k - x];
                }
                norms[k - i] = square.max(0.0).sqrt();
            }
            norms
        })
        .collect()
}

/// Write the values of `v[from..]`'s first [`MAX_GROUP`] sentences into `dense` at their stem
/// ids, side by side (`dense[stem][k]` for `v[from + k]`), or set them back to zero.
fn spread_out(dense: &mut [[f64; MAX_GROUP]], v: &[SparseVec], from: usize, on: bool) {
    for (k, x) in v[from..].iter().take(MAX_GROUP).enumerate() {
        for &(id, w) in &x.terms {
            dense[id as usize][k] = if on { w } else { 0.0 };
        }
    }
}

/// The dot products of each of `bs` (up to [`MAX_GROUP`] sentences) with each sentence spread
/// out in `dense` ([`spread_out`]): `[y][x]` for `bs[y]` and the `x`th sentence.
fn corner_dots(dense: &[[f64; MAX_GROUP]], bs: &[SparseVec]) -> [[f64; MAX_GROUP]; MAX_GROUP] {
    let mut dots = [[0.0f64; MAX_GROUP]; MAX_GROUP];
    for (row, b) in dots.iter_mut().zip(bs) {
        for &(id, w) in &b.terms {
            let d = &dense[id as usize];
            for x in 0..MAX_GROUP {
                row[x] += d[x] * w;
            }
        }
    }
    dots
}

/// The cosine of a block of the first `len.0` sentences of A against the first `len.1` of B
/// ([`corner_dots`]), given the norms of the two runs ([`run_norms`]): a run's vector is the
/// sum of its sentences', so the block's dot product is the sum of theirs.
fn block_cosine(
    dots: &[[f64; MAX_GROUP]; MAX_GROUP],
    len: (usize, usize),
    norm_a: f64,
    norm_b: f64,
) -> f64 {
    if norm_a == 0.0 || norm_b == 0.0 {
        return 0.0;
    }
    let dot: f64 = dots[..len.1]
        .iter()
        .map(|row| row[..len.0].iter().sum::<f64>())
        .sum();
    (dot / (norm_a * norm_b)).clamp(0.0, 1.0)
}

/// The vector of a run of consecutive sentences: the sum of theirs.
fn run_sum(v: &[SparseVec], run: std::ops::RangeInclusive<usize>) -> SparseVec {
    v[run]
        .iter()
        .fold(SparseVec::default(), |acc: SparseVec, x| acc.plus(x))
}

/// The order-preserving set of units with the largest total weight (units may not share
/// sentences and must increase on both sides). Returned in order.
fn best_chain(units: &[Unit]) -> Vec<Unit> {
    if units.is_empty() {
        return Vec::new();
    }
    let nb = units.iter().map(|u| u.b1).max().unwrap_or(0) + 1;
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by(|&x, &y| {
        let (p, q) = (&units[x], &units[y]);
        (p.a0, p.b0, p.a1, p.b1).cmp(&(q.a0, q.b0, q.a1, q.b1))
    });
    let mut by_end: Vec<usize> = order.clone();
    by_end.sort_by(|&x, &y| {
        let (p, q) = (&units[x], &units[y]);
        (p.a1, p.b1, p.a0, p.b0).cmp(&(q.a1, q.b1, q.a0, q.b0))
    });
    // Prefix-maximum Fenwick tree over B end positions: best chain ending at or before.
    let mut tree: Vec<(f64, usize)> = vec![(0.0, usize::MAX); nb + 1];
    let query = |tree: &Vec<(f64, usize)>, end_exclusive: usize| {
        let mut k = end_exclusive;
        let mut best = (0.0, usize::MAX);
        while k > 0 {
            if tree[k].0 > best.0 {
                best = tree[k];
            }
            k &= k - 1;
        }
        best
    };
    let update = |tree: &mut Vec<(f64, usize)>, pos: usize, val: (f64, usize)| {
        let mut k = pos + 1;
        while k < tree.len() {
            if val.0 > tree[k].0 {
                tree[k] = val;
            }
            k += k & k.wrapping_neg();
        }
    };
    let mut best = vec![0.0f64; units.len()];
    let mut prev = vec![usize::MAX; units.len()];
    let mut applied = 0;
    for &u in &order {
        let unit = &units[u];
        // Units ending before this one starts in A become visible.
        while applied < by_end.len() && units[by_end[applied]].a1 < unit.a0 {
            let e = by_end[applied];
            update(&mut tree, units[e].b1, (best[e], e));
            applied += 1;
        }
        let (v, p) = query(&tree, unit.b0);
        best[u] = v + unit.weight();
        prev[u] = p;
    }
    let mut end = usize::MAX;
    let mut top = 0.0;
    for &u in &order {
        if best[u] > top {
            top = best[u];
            end = u;
        }
    }
    let mut chain = Vec::new();
    while end != usize::MAX {
        chain.push(units[end]);
        end = prev[end];
    }
    chain.reverse();
    chain
}

/// The in-order chain with each 1:1 unit that would also stand as a moved pair (step 4) taken
/// out when, without it, at least [`RELEASED_FOR`] other units fit between its neighbours: one
/// quotation an outlet moved to its end ("Leaving my service in the House…") must not hold the
/// in-order alignment of every sentence it jumps over. The unit's sentences are left free, and
/// the moved-pair step pairs them again.
fn release_anchors(
    chain: Vec<Unit>,
    units: &[Unit],
    pairs: &[(usize, usize, f64)],
    clear: &[bool],
    movable: &[bool],
    threshold: f64,
) -> Vec<Unit> {
    let mut by_a: Vec<&Unit> = units.iter().collect();
    by_a.sort_by_key(|u| (u.a0, u.b0, u.a1, u.b1));
    let mut out: Vec<Unit> = Vec::with_capacity(chain.len());
    for (k, u) in chain.iter().enumerate() {
        let one_to_one = u.a0 == u.a1 && u.b0 == u.b1;
        let as_moved = one_to_one
            && pairs
                .binary_search_by(|p| (p.0, p.1).cmp(&(u.a0, u.b0)))
                .is_ok_and(|i| movable[i] && (pairs[i].2 >= threshold || clear[i]));
        if !as_moved {
            out.push(*u);
            continue;
        }
        // The window between the neighbours in the chain as it stands (released units
        // leave theirs).
        let (a_lo, b_lo) = out.last().map_or((0, 0), |p| (p.a1 + 1, p.b1 + 1));
        let (a_hi, b_hi) = chain
            .get(k + 1)
            .map_or((usize::MAX, usize::MAX), |n| (n.a0, n.b0));
        let start = by_a.partition_point(|v| v.a0 < a_lo);
        let inside: Vec<Unit> = by_a[start..]
            .iter()
            .take_while(|v| v.a0 < a_hi)
            .filter(|v| {
                v.a1 < a_hi
                    && v.b0 >= b_lo
                    && v.b1 < b_hi
                    && !(v.a0..=v.a1).contains(&u.a0)
                    && !(v.b0..=v.b1).contains(&u.b0)
            })
            .map(|v| **v)
            .collect();
        let instead = best_chain(&inside);
        if instead.len() >= RELEASED_FOR {
            out.extend(instead);
        } else {
            out.push(*u);
        }
    }
    out
}

/// How many in-order units a strong pair out of place must give way to (see
/// [`release_anchors`]).
pub const RELEASED_FOR: usize = 2;

/// The in-order units, with each lone pair of sentences between two of them (one sentence
/// left out on each side, between the same two units, or before the first) added when they
/// score at least [`GAP_MIN_SCORE`]: their place confirms what their words only suggest.
/// Not two quotations of different speakers (`two_statements`, [`speakers`]): their place
/// tells nothing of what each said.
fn fill_gaps(
    chain: Vec<Unit>,
    va: &[SparseVec],
    vb: &[SparseVec],
    two_statements: impl Fn(usize, usize) -> bool,
) -> Vec<Unit> {
    let mut out = Vec::with_capacity(chain.len());
    let (mut next_a, mut next_b) = (0, 0);
    for u in chain {
        let s = if u.a0 == next_a + 1 && u.b0 == next_b + 1 && !two_statements(next_a, next_b) {
            va[next_a].cosine(&vb[next_b])
        } else {
            0.0
        };
        if s >= GAP_MIN_SCORE {
            out.push(Unit {
                a0: next_a,
                a1: next_a,
                b0: next_b,
                b1: next_b,
                score: s,
            });
        }
        (next_a, next_b) = (u.a1 + 1, u.b1 + 1);
        out.push(u);
    }
    out
}

/// Most sentences on one side of a unit grown over its neighbours (step 3).
pub const MAX_GROWN: usize = 8;

/// The in-order units, each grown over the free sentences next to it on either side while every
/// added sentence tells mostly what the other side of the unit tells ([`MERGE_CONTAINED`]): a
/// sentence split into a run of short ones (a rewrite for easy reading, a wire report against a
/// long feature) becomes one row. Of the neighbours that qualify, the one giving the unit the
/// highest score is added first. The unit's score may drop as it grows: a piece of a split
/// sentence ("It's not about you" / "It's not about your quality of life") shares what it
/// tells, not the rest of its partner's words.
fn grow(mut chain: Vec<Unit>, va: &[SparseVec], vb: &[SparseVec]) -> Vec<Unit> {
    for k in 0..chain.len() {
        // Free sentences lie between the previous unit's end and the next unit's start.
        let lo_a = if k == 0 { 0 } else { chain[k - 1].a1 + 1 };
        let lo_b = if k == 0 { 0 } else { chain[k - 1].b1 + 1 };
        let hi_a = chain.get(k + 1).map_or(va.len(), |u| u.a0);
        let hi_b = chain.get(k + 1).map_or(vb.len(), |u| u.b0);
        let u = &mut chain[k];
        loop {
            let (sa, sb) = (run_sum(va, u.a0..=u.a1), run_sum(vb, u.b0..=u.b1));
            let mut best: Option<(f64, Unit)> = None;
            let mut consider = |cand: Unit, added: &SparseVec, other: &SparseVec| {
                if contained(added, other) < MERGE_CONTAINED {
                    return;
                }
                let s = run_sum(va, cand.a0..=cand.a1).cosine(&run_sum(vb, cand.b0..=cand.b1));
                if best.is_none_or(|b| s > b.0) {
                    best = Some((s, Unit { score: s, ..cand }));
                }
            };
            if u.b1 - u.b0 + 1 < MAX_GROWN {
                if u.b1 + 1 < hi_b {
                    consider(Unit { b1: u.b1 + 1, ..*u }, &vb[u.b1 + 1], &sa);
                }
                if u.b0 > lo_b {
                    consider(Unit { b0: u.b0 - 1, ..*u }, &vb[u.b0 - 1], &sa);
                }
            }
            if u.a1 - u.a0 + 1 < MAX_GROWN {
                if u.a1 + 1 < hi_a {
                    consider(Unit { a1: u.a1 + 1, ..*u }, &va[u.a1 + 1], &sb);
                }
                if u.a0 > lo_a {
                    consider(Unit { a0: u.a0 - 1, ..*u }, &va[u.a0 - 1], &sb);
                }
            }
            match best {
                Some((_, grown)) => *u = grown,
                None => break,
            }
        }
    }
    chain
}

/// Strong 1:1 pairs among the sentences the in-order alignment left out, strongest first (of
/// the candidates marked `movable`: evidence of one fact, standing out from their rivals).
#[allow(clippy::too_many_arguments)]
fn moved_pairs(
    pairs: &[(usize, usize, f64)],
    clear: &[bool],
    movable: &[bool],
    chain: &[Unit],
    na: usize,
    nb: usize,
    threshold: f64,
    shares_enough: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize, f64)> {
    let mut used_a = vec![false; na];
    let mut used_b = vec![false; nb];
    for u in chain {
        used_a[u.a0..=u.a1].iter_mut().for_each(|x| *x = true);
        used_b[u.b0..=u.b1].iter_mut().for_each(|x| *x = true);
    }
    let mut strong: Vec<(usize, usize, f64)> = pairs
        .iter()
        .zip(clear)
        .zip(movable)
        .filter(|&((&(i, j, s), &c), &ok)| {
            ok && !used_a[i] && !used_b[j] && (s >= threshold || (c && shares_enough(i, j)))
        })
        .map(|((&p, _), _)| p)
        .collect();
    strong.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let mut out = Vec::new();
    for (i, j, s) in strong {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            out.push((i, j, s));
        }
    }
    out.sort_by_key(|p| (p.0, p.1));
    out
}

/// A 1:1 pair of analysed-sentence indices and its score.
type Scored = (usize, usize, f64);

/// How far below a moved pair's score an in-order candidate of one of its sentences may score
/// and still be preferred to it.
pub const IN_ORDER_MARGIN: f64 = 0.15;

/// The in-order units and moved pairs, with each moved pair whose sentence has a candidate in
/// its own place (between the units around it, on a sentence left out) scoring nearly as well
/// ([`IN_ORDER_MARGIN`], and at least [`CLEAR_FLOOR`] × `min_score`) replaced by that
/// candidate: of two similar matches, the one where both outlets tell it is the likelier ("had
/// announced he would not seek re-election" beside "said he would not run for re-election",
/// not a later sentence about the account where he announced it).
fn prefer_in_order(
    mut chain: Vec<Unit>,
    moved: Vec<Scored>,
    pairs: &[(usize, usize, f64)],
    supported: &[bool],
    min_score: f64,
) -> (Vec<Unit>, Vec<Scored>, Vec<(usize, usize)>) {
    let margin = IN_ORDER_MARGIN;
    let na = pairs.iter().map(|p| p.0 + 1).max().unwrap_or(0);
    let nb = pairs.iter().map(|p| p.1 + 1).max().unwrap_or(0);
    let mut taken_a = vec![false; na];
    let mut taken_b = vec![false; nb];
    for u in &chain {
        taken_a[u.a0.min(na)..(u.a1 + 1).min(na)]
            .iter_mut()
            .for_each(|x| *x = true);
        taken_b[u.b0.min(nb)..(u.b1 + 1).min(nb)]
            .iter_mut()
            .for_each(|x| *x = true);
    }
    for &(i, j, _) in &moved {
        taken_a[i] = true;
        taken_b[j] = true;
    }
    // Whether (i, j) keeps both articles' order with the chain.
    let fits = |chain: &[Unit], i: usize, j: usize| {
        let k = chain.partition_point(|u| u.a1 < i);
        let after_prev = k == 0 || chain[k - 1].b1 < j;
        let before_next = chain.get(k).is_none_or(|u| u.a0 > i && u.b0 > j);
        after_prev && before_next
    };
    // The candidates of each sentence: A's are a run of `pairs` (sorted by `(i, j)`), B's
    // listed by index.
    let mut first_a = vec![0usize; na + 1];
    for &(i, _, _) in pairs {
        first_a[i + 1] += 1;
    }
    for i in 0..na {
        first_a[i + 1] += first_a[i];
    }
    let mut of_b: Vec<Vec<usize>> = vec![Vec::new(); nb];
    for (k, &(_, j, _)) in pairs.iter().enumerate() {
        of_b[j].push(k);
    }
    let mut kept = Vec::new();
    let mut passed_over = Vec::new();
    for (i, j, s) in moved {
        let best = (first_a[i]..first_a[i + 1])
            .chain(of_b[j].iter().copied())
            .filter(|&k| {
                let (x, y, t) = pairs[k];
                supported[k]
                    && ((x == i && !taken_b[y]) || (y == j && !taken_a[x]))
                    && t >= s - margin
                    && t >= CLEAR_FLOOR * min_score
            })
            .map(|k| pairs[k])
            .filter(|&(x, y, _)| fits(&chain, x, y))
            .max_by(|p, q| p.2.total_cmp(&q.2).then((q.0, q.1).cmp(&(p.0, p.1))));
        match best {
            Some((x, y, t)) => {
                // The other sentence of the moved pair is free again, but not to join the
                // same sentence in step 5.
                passed_over.push((i, j));
                taken_a[i] = x == i;
                taken_b[j] = y == j;
                taken_a[x] = true;
                taken_b[y] = true;
                let k = chain.partition_point(|u| u.a1 < x);
                chain.insert(
                    k,
                    Unit {
                        a0: x,
                        a1: x,
                        b0: y,
                        b1: y,
                        score: t,
                    },
                );
            }
            None => kept.push((i, j, s)),
        }
    }
    passed_over.sort_unstable();
    (chain, kept, passed_over)
}

/// A sentence left out of the alignment joined to the unit of its best match on the other
/// side (step 5 of the method).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Attached {
    /// The chain unit it joins.
    unit: usize,
    /// The pair: analysed-sentence indices of A and B.
    a: usize,
    b: usize,
    /// True when the joining sentence is A's (`a`), false when it is B's (`b`).
    free_a: bool,
    score: f64,
}

/// A sentence joined to a moved pair because it carries a quotation both articles print with
/// one of the pair (step 6): the moved row then holds it too.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Grown {
    /// The moved pair it joins: analysed-sentence indices of A and B.
    pair: (usize, usize),
    /// The two sentences carrying the shared quotation: analysed-sentence indices of A and B,
    /// one of them of the moved row already.
    a: usize,
    b: usize,
    /// True when the joining sentence is A's (`a`), false when it is B's (`b`).
    free_a: bool,
    score: f64,
}

/// Sentences the in-order alignment and the moved pairs left out whose best candidate is a
/// sentence of an in-order unit, scoring at least `threshold`: strongest first, each joins
/// that unit once, and a unit grows on one side only.
fn attached(
    pairs: &[(usize, usize, f64)],
    joinable: &[(bool, bool)],
    chain: &[Unit],
    moved: &[(usize, usize, f64)],
    na: usize,
    nb: usize,
    threshold: f64,
) -> Vec<Attached> {
    let mut unit_a: Vec<Option<usize>> = vec![None; na];
    let mut unit_b: Vec<Option<usize>> = vec![None; nb];
    for (k, u) in chain.iter().enumerate() {
        unit_a[u.a0..=u.a1].iter_mut().for_each(|x| *x = Some(k));
        unit_b[u.b0..=u.b1].iter_mut().for_each(|x| *x = Some(k));
    }
    let mut free_a = unit_a.iter().map(Option::is_none).collect::<Vec<_>>();
    let mut free_b = unit_b.iter().map(Option::is_none).collect::<Vec<_>>();
    for &(i, j, _) in moved {
        free_a[i] = false;
        free_b[j] = false;
    }
    let (mut best_a, mut best_b) = (vec![0.0f64; na], vec![0.0f64; nb]);
    for &(i, j, s) in pairs {
        best_a[i] = best_a[i].max(s);
        best_b[j] = best_b[j].max(s);
    }
    let mut strong: Vec<Attached> = pairs
        .iter()
        .zip(joinable)
        .filter(|&(p, _)| p.2 >= threshold)
        .filter_map(
            |(&(i, j, s), &(join_a, join_b))| match (unit_a[i], unit_b[j]) {
                (Some(k), None) if join_b && free_b[j] && s >= best_b[j] => Some(Attached {
                    unit: k,
                    a: i,
                    b: j,
                    free_a: false,
                    score: s,
                }),
                (None, Some(k)) if join_a && free_a[i] && s >= best_a[i] => Some(Attached {
                    unit: k,
                    a: i,
                    b: j,
                    free_a: true,
                    score: s,
                }),
                _ => None,
            },
        )
        .collect();
    strong.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    let mut out = Vec::new();
    // A unit grows on one side only, so that every sentence of its row faces the other side's.
    let mut grows: Vec<Option<bool>> = vec![None; chain.len()];
    for x in strong {
        let free = if x.free_a {
            &mut free_a[x.a]
        } else {
            &mut free_b[x.b]
        };
        if *free && grows[x.unit].is_none_or(|side| side == x.free_a) {
            *free = false;
            grows[x.unit] = Some(x.free_a);
            out.push(x);
        }
    }
    out.sort_by_key(|x| (x.a, x.b));
    out
}

/// Score-weighted share of both sides' content mass covered by the alignment.
fn similarity(
    va: &[SparseVec],
    vb: &[SparseVec],
    chain: &[Unit],
    moved: &[(usize, usize, f64)],
    attached: &[Attached],
    grown: &[Grown],
) -> f64 {
    let total: f64 = va.iter().chain(vb).map(|v| v.mass).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let mut covered = 0.0;
    for u in chain {
        let m: f64 = va[u.a0..=u.a1].iter().map(|v| v.mass).sum::<f64>()
            + vb[u.b0..=u.b1].iter().map(|v| v.mass).sum::<f64>();
        covered += u.score * m;
    }
    for &(i, j, s) in moved {
        covered += s * (va[i].mass + vb[j].mass);
    }
    for x in attached {
        let m = if x.free_a { va[x.a].mass } else { vb[x.b].mass };
        covered += x.score * m;
    }
    for g in grown {
        let m = if g.free_a { va[g.a].mass } else { vb[g.b].mass };
        covered += g.score * m;
    }
    (covered / total).clamp(0.0, 1.0)
}

/// The part of the cosine of `x` and `y` that words other than the `left_out` ones carry (the
/// story's topic words, [`vectors::is_topical`], or its names), in `[0, 1]`.
fn evidence(x: &SparseVec, y: &SparseVec, left_out: &[bool]) -> f64 {
    cosine_and_evidence(x, y, left_out).1
}

/// [`SparseVec::cosine`] of `x` and `y`, bit for bit, and their [`evidence`] with `left_out`,
/// from one walk of the two lists.
fn cosine_and_evidence(x: &SparseVec, y: &SparseVec, left_out: &[bool]) -> (f64, f64) {
    let (mut i, mut j, mut dot, mut kept) = (0, 0, 0.0, 0.0);
    let (p, q) = (&x.terms, &y.terms);
    while i < p.len() && j < q.len() {
        match p[i].0.cmp(&q[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let v = p[i].1 * q[j].1;
                dot += v;
                if !left_out.get(p[i].0 as usize).copied().unwrap_or(false) {
                    kept += v;
                }
                i += 1;
                j += 1;
            }
        }
    }
    let evidence = (kept / (x.norm * y.norm).max(f64::MIN_POSITIVE)).clamp(0.0, 1.0);
    let cosine = if x.norm == 0.0 || y.norm == 0.0 {
        0.0
    } else if x.terms == y.terms {
        1.0
    } else {
        (dot / (x.norm * y.norm)).clamp(0.0, 1.0)
    };
    (cosine, evidence)
}

/// [`contained`] in the sum of the first `len` sentences spread out in `dense` (as in
/// `units`), bit for bit: each stem's values are added up in the run's order.
fn contained_spread(x: &SparseVec, dense: &[[f64; MAX_GROUP]], len: usize) -> f64 {
    if x.norm == 0.0 {
        return 0.0;
    }
    let mut s = 0.0;
    for &(id, p) in &x.terms {
        let q = dense[id as usize][..len].iter().fold(0.0, |sum, v| sum + v);
        if q != 0.0 {
            s += p * p.min(q);
        }
    }
    (s / (x.norm * x.norm)).clamp(0.0, 1.0)
}

/// Share of `x`'s content found in `y`, in `[0, 1]`.
fn contained(x: &SparseVec, y: &SparseVec) -> f64 {
    contained_in(x, std::slice::from_ref(y))
}

/// [`contained`] in the sum of a run of up to [`MAX_GROUP`] sentences' vectors, bit for bit,
/// without making the sum: each stem's value is added up across the run in the run's order.
fn contained_in(x: &SparseVec, run: &[SparseVec]) -> f64 {
    if x.norm == 0.0 {
        return 0.0;
    }
    debug_assert!(
        run.len() <= MAX_GROUP,
        "a run of at most MAX_GROUP sentences"
    );
    // Each shared stem counts with the smaller of its two values.
    let mut at = [0usize; MAX_GROUP];
    let mut s = 0.0;
    for &(id, p) in &x.terms {
        let (mut q, mut shared) = (0.0, false);
        for (y, k) in run.iter().zip(at.iter_mut()) {
            let terms = &y.terms;
            while *k < terms.len() && terms[*k].0 < id {
                *k += 1;
            }
            if *k < terms.len() && terms[*k].0 == id {
                q += terms[*k].1;
                shared = true;
            }
        }
        if shared {
            s += p * p.min(q);
        }
    }
    (s / (x.norm * x.norm)).clamp(0.0, 1.0)
}

/// The in-order units, with the pair of sentences right after each unit on both sides (or
/// right before it) added when both are free, it is a candidate with evidence of one fact
/// ([`MIN_EVIDENCE`]) and scores at least `threshold`: next to an aligned unit, a pair continues
/// a run both outlets tell in the same order, so its place supports a score a pair elsewhere
/// would need `min_score` for.
fn extend_runs(
    chain: Vec<Unit>,
    pairs: &[(usize, usize, f64)],
    supported: &[bool],
    threshold: f64,
) -> Vec<Unit> {
    let find = |i: usize, j: usize| -> Option<Unit> {
        let k = pairs.partition_point(|p| (p.0, p.1) < (i, j));
        pairs
            .get(k)
            .filter(|p| (p.0, p.1) == (i, j) && supported[k] && p.2 >= threshold)
            .map(|p| Unit {
                a0: i,
                a1: i,
                b0: j,
                b1: j,
                score: p.2,
            })
    };
    let mut out: Vec<Unit> = Vec::with_capacity(chain.len());
    for (k, u) in chain.iter().enumerate() {
        let (lo_a, lo_b) = out.last().map_or((0, 0), |p| (p.a1 + 1, p.b1 + 1));
        if u.a0 > lo_a && u.b0 > lo_b {
            out.extend(find(u.a0 - 1, u.b0 - 1));
        }
        out.push(*u);
        let (hi_a, hi_b) = chain
            .get(k + 1)
            .map_or((usize::MAX, usize::MAX), |n| (n.a0, n.b0));
        if u.a1 + 1 < hi_a && u.b1 + 1 < hi_b {
            out.extend(find(u.a1 + 1, u.b1 + 1));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::stats::testing::vector;

    /// The share of `x` found in `y`, written out plainly: each stem of `x` that `y` has
    /// counts with the smaller of its two values, in `x`'s order.
    fn share(x: &SparseVec, y: &SparseVec) -> f64 {
        if x.norm == 0.0 {
            return 0.0;
        }
        let mut s = 0.0;
        for &(id, p) in &x.terms {
            if let Ok(k) = y.terms.binary_search_by_key(&id, |t| t.0) {
                s += p * p.min(y.terms[k].1);
            }
        }
        (s / (x.norm * x.norm)).clamp(0.0, 1.0)
    }

    /// The part of the dot product of `x` and `y` that stems not `left_out` carry, written out
    /// plainly, over the norms.
    fn kept_part(x: &SparseVec, y: &SparseVec, left_out: &[bool]) -> f64 {
        let mut s = 0.0;
        for &(id, p) in &x.terms {
            if let Ok(k) = y.terms.binary_search_by_key(&id, |t| t.0)
                && !left_out[id as usize]
            {
                s += p * y.terms[k].1;
            }
        }
        (s / (x.norm * y.norm).max(f64::MIN_POSITIVE)).clamp(0.0, 1.0)
    }

    /// Every block of up to three sentences a side of random texts: its score from the
    /// sentences' dot products and the runs' norms is the cosine of the summed vectors, and
    /// the share of a sentence told by the other side's run is the same, bit for bit, as
    /// against the summed run; a pair's cosine and evidence from one walk are the cosine and the
    /// part of it the words kept carry.
    #[test]
    fn blocks_and_pairs_score_as_before() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        let stems = 48;
        let mut dense = vec![[0.0; MAX_GROUP]; stems as usize];
        for round in 0..60 {
            let va: Vec<SparseVec> = (0..6)
                .map(|k| vector(&mut seed, stems, (round + 3 * k) % 17))
                .collect();
            let vb: Vec<SparseVec> = (0..5)
                .map(|k| vector(&mut seed, stems, (round * 5 + k) % 13))
                .collect();
            let (norms_a, norms_b) = (run_norms(&va), run_norms(&vb));
            for i in 0..va.len() {
                spread_out(&mut dense, &va, i, true);
                for j in 0..vb.len() {
                    let nb = (vb.len() - j).min(MAX_GROUP);
                    let dots = corner_dots(&dense, &vb[j..j + nb]);
                    for la in 1..=(va.len() - i).min(MAX_GROUP) {
                        let sum_a = run_sum(&va, i..=i + la - 1);
                        for lb in 1..=nb {
                            let sum_b = run_sum(&vb, j..=j + lb - 1);
                            let got = block_cosine(
                                &dots,
                                (la, lb),
                                norms_a[i][la - 1],
                                norms_b[j][lb - 1],
                            );
                            let want = sum_a.cosine(&sum_b);
                            assert!((got - want).abs() < 1e-12, "{round} {i} {j}: {got} {want}");
                            for x in &va[i..i + la] {
                                assert_eq!(
                                    contained_in(x, &vb[j..j + lb]).to_bits(),
                                    share(x, &sum_b).to_bits()
                                );
                            }
                            for y in &vb[j..j + lb] {
                                assert_eq!(
                                    contained_spread(y, &dense, la).to_bits(),
                                    share(y, &sum_a).to_bits()
                                );
                            }
                        }
                    }
                }
                spread_out(&mut dense, &va, i, false);
                assert!(dense.iter().all(|d| d.iter().all(|&v| v == 0.0)));
                let left_out: Vec<bool> = (0..stems as usize)
                    .map(|id| (id + round) % 3 == 0)
                    .collect();
                for y in &vb {
                    let (cosine, evidence) = cosine_and_evidence(&va[i], y, &left_out);
                    assert_eq!(cosine.to_bits(), va[i].cosine(y).to_bits());
                    assert_eq!(
                        evidence.to_bits(),
                        kept_part(&va[i], y, &left_out).to_bits()
                    );
                }
            }
        }
    }
}
