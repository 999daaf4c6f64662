//! Sentence alignment: which sentences of two articles report the same thing.
//!
//! Only sentences of body paragraphs take part; the headline and page furniture are shown in the
//! reading order as [`RowKind::Excluded`] rows but never aligned.
//!
//! The method, in four steps:
//!
//! 1. **Vectors.** Each analysed sentence becomes a vector of stems weighted by how informative
//!    they are ([`vectors`]: local IDF × bundled background frequency × library IDF, names and
//!    numbers boosted). Two sentences' similarity is the cosine of their vectors, in `[0, 1]`.
//! 2. **Candidates.** An inverted index over the stems of B proposes, for every sentence, the
//!    few sentences of the other article sharing the most weight (stems found in very many
//!    sentences are left out of the index for long inputs; at most [`CANDIDATES_PER_SENTENCE`]
//!    per sentence and side), so long articles never cost all pairs. Next to each candidate
//!    pair, 1:2 and 2:1 merges with the neighbouring sentence are scored on the concatenation:
//!    a merge is a candidate when it scores clearly higher than either of its parts alone.
//! 3. **In-order alignment.** Dynamic programming picks the set of candidates (1:1 pairs
//!    scoring at least `min_score` or *clearly best*, and merges scoring at least `min_score`)
//!    that keeps both articles' order and has the largest
//!    total weight (score × sentences covered), skipping freely — a diff over sentences with
//!    similarity scores. It runs over the sparse candidates with a prefix-maximum tree, in
//!    `O(k log k)` for `k` candidates.
//! 4. **Moved pairs.** Of the sentences still unaligned, strong 1:1 pairs (at least
//!    `min_score +` [`MOVED_MARGIN`], or clearly best), strongest first, are added with
//!    `moved: true`: they correspond but sit out of order relative to the rest.
//!
//! A pair is *clearly best* when it scores at least half of `min_score` and at least
//! [`CLEAR_RATIO`] times the best rival of either of its sentences (margin scoring): a
//! paraphrase far above every alternative is trusted even when its wording differs a lot,
//! while sentences of one story that all resemble each other need the full `min_score`.
//!
//! The reading order ([`Alignment::rows`]) walks both articles along the in-order alignment:
//! before each aligned row come the sentences of A then of B that precede it (excluded ones as
//! `Excluded` rows, unaligned ones as `OnlyA`/`OnlyB`). A moved pair is shown once, at A's
//! position, as a `Moved` row holding both sentences; B's sentence does not appear again at its
//! own position. A merge is one row, e.g. `a: [i], b: [j, j + 1]`, and gives one pair per
//! sentence combination, all with the merge's score.

pub mod vectors;

use std::collections::HashMap;

use super::stats::SparseVec;
use super::{AlignedPair, Options, Row, RowKind};
use crate::corpus::Article;
use crate::text::Analysis;

/// How many candidate partners each sentence proposes from the inverted index.
pub const CANDIDATES_PER_SENTENCE: usize = 8;

/// Extra score an out-of-order pair needs beyond `min_score` to count as moved.
pub const MOVED_MARGIN: f64 = 0.1;

/// How much higher a merge must score than its better part alone.
pub const MERGE_GAIN: f64 = 0.05;

/// How many times the best rival's score a weak pair needs to count as a clear best match.
pub const CLEAR_RATIO: f64 = 2.0;

/// Lowest score of a part of a merge: both parts must share some content with the other side.
const MERGE_PART_FLOOR: f64 = 0.1;

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
struct Unit {
    a0: usize,
    a1: usize,
    b0: usize,
    b1: usize,
    score: f64,
}

impl Unit {
    fn weight(&self) -> f64 {
        self.score * (self.a1 - self.a0 + 1 + self.b1 - self.b0 + 1) as f64 / 2.0
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
    let sa = analysed_sentences(&a.analysis);
    let sb = analysed_sentences(&b.analysis);
    let vecs = vectors::build(&a.analysis, &sa, &b.analysis, &sb, opts.corpus.as_deref());
    let min_score = if opts.min_score.is_finite() {
        opts.min_score.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let pairs = candidates(&vecs.a, &vecs.b, vecs.stems);
    let clear = clear_best(&pairs, sa.len(), sb.len(), min_score);
    let units = units(&vecs.a, &vecs.b, &pairs, &clear, min_score);
    let chain = best_chain(&units);
    let moved = moved_pairs(
        &pairs,
        &clear,
        &chain,
        sa.len(),
        sb.len(),
        min_score + MOVED_MARGIN,
    );

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
    out_pairs.sort_by_key(|p| (p.a, p.b));

    let similarity = similarity(&vecs.a, &vecs.b, &chain, &moved);
    let rows = rows(
        a.analysis.sentences.len(),
        b.analysis.sentences.len(),
        &sa,
        &sb,
        &chain,
        &moved,
    );
    Alignment {
        pairs: out_pairs,
        rows,
        similarity: round(similarity),
    }
}

fn round(x: f64) -> f64 {
    ((x * 10_000.0).round() / 10_000.0).clamp(0.0, 1.0)
}

/// Candidate 1:1 pairs `(i, j, cosine)`, sorted by `(i, j)`, from an inverted index over B.
fn candidates(va: &[SparseVec], vb: &[SparseVec], stems: usize) -> Vec<(usize, usize, f64)> {
    let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); stems];
    for (j, v) in vb.iter().enumerate() {
        for &(id, x) in &v.terms {
            postings[id as usize].push((j as u32, x));
        }
    }
    // Stems in very many sentences propose nothing (they still count in the exact score).
    let cap = 64.max(vb.len() / 8);
    let mut acc = vec![0.0f64; vb.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut proposed: Vec<(usize, usize)> = Vec::new();
    let k = CANDIDATES_PER_SENTENCE;
    // Each B sentence's best few proposers so far: (partial score, A index).
    let mut best_b: Vec<Vec<(f64, usize)>> = vec![Vec::new(); vb.len()];
    // The score a proposer must beat to enter a full list.
    let mut floor_b = vec![0.0f64; vb.len()];
    for (i, v) in va.iter().enumerate() {
        for &(id, x) in &v.terms {
            let p = &postings[id as usize];
            if p.len() > cap {
                continue;
            }
            for &(j, y) in p {
                if acc[j as usize] == 0.0 {
                    touched.push(j);
                }
                acc[j as usize] += x * y;
            }
        }
        let mut row: Vec<(f64, usize)> = touched
            .drain(..)
            .map(|j| {
                let s = acc[j as usize] / (v.norm * vb[j as usize].norm).max(f64::MIN_POSITIVE);
                acc[j as usize] = 0.0;
                (s, j as usize)
            })
            .filter(|p| p.0 > 0.0)
            .collect();
        for &(s, j) in &row {
            if s <= floor_b[j] {
                continue;
            }
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
        let by_score = |x: &(f64, usize), y: &(f64, usize)| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1));
        if row.len() > k {
            row.select_nth_unstable_by(k - 1, by_score);
            row.truncate(k);
        }
        proposed.extend(row.into_iter().map(|(_, j)| (i, j)));
    }
    for (j, kept) in best_b.iter().enumerate() {
        proposed.extend(kept.iter().map(|&(_, i)| (i, j)));
    }
    proposed.sort_unstable();
    proposed.dedup();
    proposed
        .into_iter()
        .map(|(i, j)| (i, j, va[i].cosine(&vb[j])))
        .filter(|p| p.2 >= MERGE_PART_FLOOR)
        .collect()
}

/// For each candidate pair, whether it is a clear best match (see the module documentation).
fn clear_best(pairs: &[(usize, usize, f64)], na: usize, nb: usize, min_score: f64) -> Vec<bool> {
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
        .map(|&(i, j, s)| {
            let r = rival(top_a[i], s).max(rival(top_b[j], s));
            s >= min_score / 2.0 && s >= CLEAR_RATIO * r
        })
        .collect()
}

/// Alignment units: 1:1 candidates scoring at least `min_score` or clearly best, and 1:2 / 2:1
/// merges scoring at least `min_score`.
fn units(
    va: &[SparseVec],
    vb: &[SparseVec],
    pairs: &[(usize, usize, f64)],
    clear: &[bool],
    min_score: f64,
) -> Vec<Unit> {
    let score: HashMap<(usize, usize), f64> = pairs.iter().map(|&(i, j, s)| ((i, j), s)).collect();
    let mut out = Vec::new();
    for (k, &(i, j, s)) in pairs.iter().enumerate() {
        if s >= min_score || clear[k] {
            out.push(Unit {
                a0: i,
                a1: i,
                b0: j,
                b1: j,
                score: s,
            });
        }
        // 1:2 — A sentence i against B sentences j and j + 1.
        if let Some(&s2) = score.get(&(i, j + 1)) {
            let merged = va[i].cosine(&vb[j].plus(&vb[j + 1]));
            if merged >= min_score && merged >= s.max(s2) + MERGE_GAIN {
                out.push(Unit {
                    a0: i,
                    a1: i,
                    b0: j,
                    b1: j + 1,
                    score: merged,
                });
            }
        }
        // 2:1 — A sentences i and i + 1 against B sentence j.
        if let Some(&s2) = score.get(&(i + 1, j)) {
            let merged = va[i].plus(&va[i + 1]).cosine(&vb[j]);
            if merged >= min_score && merged >= s.max(s2) + MERGE_GAIN {
                out.push(Unit {
                    a0: i,
                    a1: i + 1,
                    b0: j,
                    b1: j,
                    score: merged,
                });
            }
        }
    }
    out
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

/// Strong 1:1 pairs among the sentences the in-order alignment left out, strongest first.
fn moved_pairs(
    pairs: &[(usize, usize, f64)],
    clear: &[bool],
    chain: &[Unit],
    na: usize,
    nb: usize,
    threshold: f64,
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
        .filter(|&(&(i, j, s), &c)| (s >= threshold || c) && !used_a[i] && !used_b[j])
        .map(|(&p, _)| p)
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

/// Score-weighted share of both sides' content mass covered by the alignment.
fn similarity(
    va: &[SparseVec],
    vb: &[SparseVec],
    chain: &[Unit],
    moved: &[(usize, usize, f64)],
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
    (covered / total).clamp(0.0, 1.0)
}

#[derive(Clone, Copy, PartialEq)]
enum Slot {
    Excluded,
    Only,
    Unit(usize),
    Moved(usize, f64),
}

/// The reading order; see the module documentation.
fn rows(
    na: usize,
    nb: usize,
    sa: &[usize],
    sb: &[usize],
    chain: &[Unit],
    moved: &[(usize, usize, f64)],
) -> Vec<Row> {
    let mut slot_a = vec![Slot::Excluded; na];
    let mut slot_b = vec![Slot::Excluded; nb];
    for &g in sa {
        slot_a[g] = Slot::Only;
    }
    for &g in sb {
        slot_b[g] = Slot::Only;
    }
    for (k, u) in chain.iter().enumerate() {
        sa[u.a0..=u.a1]
            .iter()
            .for_each(|&g| slot_a[g] = Slot::Unit(k));
        sb[u.b0..=u.b1]
            .iter()
            .for_each(|&g| slot_b[g] = Slot::Unit(k));
    }
    for &(i, j, s) in moved {
        slot_a[sa[i]] = Slot::Moved(sb[j], s);
        slot_b[sb[j]] = Slot::Moved(sa[i], s);
    }
    let mut rows = Vec::new();
    let mut done_a = vec![false; na];
    let mut done_b = vec![false; nb];
    let flush = |rows: &mut Vec<Row>,
                 done_a: &mut Vec<bool>,
                 done_b: &mut Vec<bool>,
                 upto_a: usize,
                 upto_b: usize| {
        for g in 0..upto_a.min(na) {
            if done_a[g] {
                continue;
            }
            done_a[g] = true;
            let row = match slot_a[g] {
                Slot::Excluded => one_sided(RowKind::Excluded, vec![g], vec![]),
                Slot::Moved(j, s) => {
                    done_b[j] = true;
                    Row {
                        kind: RowKind::Moved,
                        a: vec![g],
                        b: vec![j],
                        score: Some(round(s)),
                    }
                }
                Slot::Only | Slot::Unit(_) => one_sided(RowKind::OnlyA, vec![g], vec![]),
            };
            rows.push(row);
        }
        for g in 0..upto_b.min(nb) {
            if done_b[g] {
                continue;
            }
            match slot_b[g] {
                Slot::Moved(..) => continue,
                Slot::Excluded => rows.push(one_sided(RowKind::Excluded, vec![], vec![g])),
                Slot::Only | Slot::Unit(_) => rows.push(one_sided(RowKind::OnlyB, vec![], vec![g])),
            }
            done_b[g] = true;
        }
    };
    for u in chain {
        let (ga, gb) = (sa[u.a0], sb[u.b0]);
        flush(&mut rows, &mut done_a, &mut done_b, ga, gb);
        let a: Vec<usize> = sa[u.a0..=u.a1].to_vec();
        let b: Vec<usize> = sb[u.b0..=u.b1].to_vec();
        a.iter().for_each(|&g| done_a[g] = true);
        b.iter().for_each(|&g| done_b[g] = true);
        rows.push(Row {
            kind: RowKind::Aligned,
            a,
            b,
            score: Some(round(u.score)),
        });
    }
    flush(&mut rows, &mut done_a, &mut done_b, na, nb);
    rows
}

fn one_sided(kind: RowKind, a: Vec<usize>, b: Vec<usize>) -> Row {
    Row {
        kind,
        a,
        b,
        score: None,
    }
}
