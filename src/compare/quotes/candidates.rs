//! Which pairs of quotations are worth comparing word by word, found without looking at every
//! pair.
//!
//! - **Classes.** Quotations with the same words and the same editorial marks (brackets,
//!   ellipses) are one class: any two of them compare the same way with any third quotation, so
//!   a class pair is compared once, however many copies each side holds (a pull-quote repeated
//!   down a page, or a hostile text of ten thousand identical quotations).
//! - **Rare word pairs.** Every pair the matcher accepts that is not word for word the same
//!   shares a run of at least three matched words, so it shares two neighbouring words outside
//!   brackets (as stems). A word pair found in more than [`RARE`] classes of A ("of the")
//!   proposes nothing, so the work grows with the length of the texts, never with the product
//!   of their numbers of quotations.
//! - **Runs of four stems.** Two quotations without brackets or ellipses are only accepted
//!   when they share four stems in a row, so such a quotation of B looks for A's classes of the
//!   same sort through its runs of four stems (far rarer than word pairs) and keeps those that
//!   also share a rare word pair with it: the candidates the word pairs would give that the
//!   matcher can accept, without visiting up to [`RARE`] classes for each word pair.
//! - **Work.** Index look-ups, word-alignment cells and the candidates handed on all count
//!   against the budget; past it, only classes with the same words on both sides are paired.
//!
//! The selection that follows needs, of a class pair, only the pairs that involve the first
//! quotation (in text order) of either class ([`expand`]); those are exactly the pairs the
//! selection could keep if every pair of copies were listed.

use rustc_hash::FxHashMap;

use super::pairwise::disjoint;
use super::{Match, Pair, Prepared};

/// A word pair proposes candidates only when it occurs in at most this many classes of A.
pub(super) const RARE: usize = 64;

/// A quotation's identity for matching: its words (normal forms, and whether bracketed) and
/// where ellipses stand.
type Key<'a> = (Vec<(&'a str, bool)>, &'a [bool]);

fn key(p: &Prepared) -> Key<'_> {
    (
        p.words
            .iter()
            .map(|w| (w.norm.as_str(), w.bracketed))
            .collect(),
        &p.ellipsis,
    )
}

/// The quotations of one article grouped into classes of identical quotations.
pub(super) struct Classes<'a> {
    /// Members of each class, in text order; the first represents the class. Classes are
    /// numbered in the order of their first member.
    pub members: Vec<Vec<usize>>,
    by_key: FxHashMap<Key<'a>, usize>,
}

impl<'a> Classes<'a> {
    /// Group `qs` into classes.
    pub fn new(qs: &'a [Prepared]) -> Classes<'a> {
        let mut by_key: FxHashMap<Key<'a>, usize> = FxHashMap::default();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for (i, p) in qs.iter().enumerate() {
            let next = members.len();
            let c = *by_key.entry(key(p)).or_insert(next);
            if c == next {
                members.push(Vec::new());
            }
            members[c].push(i);
        }
        Classes { members, by_key }
    }

    /// The quotation that represents class `c`.
    pub fn rep(&self, c: usize) -> usize {
        self.members[c][0]
    }

    /// The class of quotations identical to `p`, if there is one.
    fn find(&self, p: &Prepared) -> Option<usize> {
        self.by_key.get(&key(p)).copied()
    }
}

/// Work done against a budget, in operations.
#[derive(Debug)]
pub(super) struct Work {
    spent: u64,
    budget: u64,
    /// True once the budget was exceeded.
    pub over: bool,
}

impl Work {
    /// Nothing done yet, `budget` to spend.
    pub fn new(budget: u64) -> Work {
        Work {
            spent: 0,
            budget,
            over: false,
        }
    }

    /// Count `n` operations.
    pub fn add(&mut self, n: u64) {
        self.spent = self.spent.saturating_add(n);
        self.over |= self.spent > self.budget;
    }
}

/// Stems (their ids) of neighbouring words outside brackets (ellipses ignored), one number
/// per pair.
fn word_pairs(p: &Prepared) -> impl Iterator<Item = u64> + '_ {
    let mut prev: Option<u32> = None;
    p.words
        .iter()
        .filter(|w| !w.bracketed)
        .filter_map(move |w| {
            let pair = prev.map(|x| (u64::from(x) << 32) | u64::from(w.stem_id));
            prev = Some(w.stem_id);
            pair
        })
}

/// Every class pair (A class, B class) that `compare` accepts, with its match, in the order of
/// B's classes and then A's. `compare` is the full comparison and `exact` the word-for-word
/// one used past the budget.
pub(super) fn class_matches(
    (qa, ca): (&[Prepared], &Classes),
    (qb, cb): (&[Prepared], &Classes),
    work: &mut Work,
    compare: impl Fn(&Prepared, &Prepared) -> Option<Match>,
    exact: impl Fn(&Prepared, &Prepared) -> Option<Match>,
) -> Vec<(usize, usize, Match)> {
    let index = PairIndex::new(qa, ca);
    let mut out = Vec::new();
    let mut seen = vec![usize::MAX; ca.members.len()];
    let mut near: Vec<usize> = Vec::new();
    let mut rare: Vec<u64> = Vec::new();
    for kb in 0..cb.members.len() {
        let y = &qb[cb.rep(kb)];
        near.clear();
        let same = ca.find(y);
        if let Some(c) = same {
            seen[c] = kb;
            near.push(c);
        }
        if !work.over && y.content >= 4 {
            index.propose(y, kb, work, &mut seen, &mut near, &mut rare);
        }
        near.sort_unstable();
        for &c in &near {
            if work.over && Some(c) != same {
                continue;
            }
            let x = &qa[ca.rep(c)];
            work.add((x.words.len() * y.words.len()) as u64);
            let m = if work.over {
                exact(x, y)
            } else {
                compare(x, y)
            };
            if let Some(m) = m {
                work.add((ca.members[c].len() + cb.members[kb].len()) as u64);
                out.push((c, kb, m));
            }
        }
    }
    out
}

/// A's classes indexed for proposing candidates.
///
/// The candidates of a quotation of B are the classes of A that share a rare word pair with it
/// (one in at most [`RARE`] classes of A). When both quotations have neither brackets nor
/// ellipses, `compare` accepts them only if they share a run of four stems as well, so for
/// such a quotation of B the classes of A without brackets or ellipses are found through its
/// runs of four stems, which few classes share, and each is kept when it also shares a rare
/// word pair: the same candidates that `compare` can accept as through the word pairs, without
/// visiting up to [`RARE`] classes for every word pair. (A run of four stems found in more
/// than [`RARE`] classes sends the quotation the long way, through its word pairs.)
struct PairIndex {
    /// Word pair → the classes holding it (each listed once).
    all: FxHashMap<u64, Vec<usize>>,
    /// Word pair → the classes with brackets or ellipses holding it.
    marked: FxHashMap<u64, Vec<usize>>,
    /// Run of four stems → the classes without brackets or ellipses holding it.
    runs: FxHashMap<[u32; 4], Vec<usize>>,
    /// Each class's word pairs, ascending (empty for classes with marks).
    pairs: Vec<Vec<u64>>,
}

impl PairIndex {
    fn new(qa: &[Prepared], ca: &Classes) -> PairIndex {
        let mut all: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut marked: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut runs: FxHashMap<[u32; 4], Vec<usize>> = FxHashMap::default();
        let mut pairs = vec![Vec::new(); ca.members.len()];
        for c in 0..ca.members.len() {
            let x = &qa[ca.rep(c)];
            let mut own: Vec<u64> = word_pairs(x).collect();
            own.sort_unstable();
            own.dedup();
            for &wp in &own {
                all.entry(wp).or_default().push(c);
            }
            match &x.runs4 {
                Some(r) => {
                    // `runs4` is sorted and deduplicated.
                    for g in r {
                        runs.entry(*g).or_default().push(c);
                    }
                    pairs[c] = own;
                }
                None => {
                    for &wp in &own {
                        marked.entry(wp).or_default().push(c);
                    }
                }
            }
        }
        PairIndex {
            all,
            marked,
            runs,
            pairs,
        }
    }

    /// Add to `near` the classes of A not yet `seen` for B class `kb` (quotation `y`) that
    /// share a rare word pair with `y` (`rare`: scratch space).
    fn propose(
        &self,
        y: &Prepared,
        kb: usize,
        work: &mut Work,
        seen: &mut [usize],
        near: &mut Vec<usize>,
        rare: &mut Vec<u64>,
    ) {
        let add = |c: usize, seen: &mut [usize], near: &mut Vec<usize>| {
            if std::mem::replace(&mut seen[c], kb) != kb {
                near.push(c);
            }
        };
        let short_runs = y.runs4.as_ref().filter(|r| {
            r.iter()
                .all(|g| self.runs.get(g).is_none_or(|l| l.len() <= RARE))
        });
        let Some(runs) = short_runs else {
            for wp in word_pairs(y) {
                let Some(list) = self.all.get(&wp).filter(|l| l.len() <= RARE) else {
                    continue;
                };
                work.add(list.len() as u64);
                for &c in list {
                    add(c, seen, near);
                }
            }
            return;
        };
        rare.clear();
        rare.extend(word_pairs(y).filter(|wp| self.all.get(wp).is_some_and(|l| l.len() <= RARE)));
        rare.sort_unstable();
        rare.dedup();
        work.add((runs.len() + rare.len()) as u64);
        if rare.is_empty() {
            return;
        }
        for g in runs {
            let Some(list) = self.runs.get(g) else {
                continue;
            };
            work.add(list.len() as u64);
            for &c in list {
                if seen[c] != kb && !disjoint(&self.pairs[c], rare) {
                    add(c, seen, near);
                }
            }
        }
        for wp in rare.iter() {
            if let Some(list) = self.marked.get(wp) {
                work.add(list.len() as u64);
                for &c in list {
                    add(c, seen, near);
                }
            }
        }
    }
}

/// The quotation pairs of each accepted class pair that the selection can keep: the first A
/// quotation with every B member, and every A member with the first B quotation.
pub(super) fn expand(ca: &Classes, cb: &Classes, matches: Vec<(usize, usize, Match)>) -> Vec<Pair> {
    let mut out = Vec::new();
    for (c, kb, m) in matches {
        let (ra, rb) = (ca.rep(c), cb.rep(kb));
        for &b in &cb.members[kb] {
            out.push(Pair {
                a: ra,
                b,
                m: m.clone(),
            });
        }
        for &a in &ca.members[c][1..] {
            out.push(Pair {
                a,
                b: rb,
                m: m.clone(),
            });
        }
    }
    out
}

/// For each quotation (in text order, enclosing before enclosed, never crossing), the nearest
/// quotation whose span holds it.
pub(super) fn parents(qs: &[Prepared]) -> Vec<Option<usize>> {
    let mut stack: Vec<usize> = Vec::new();
    let mut out = vec![None; qs.len()];
    for (i, p) in qs.iter().enumerate() {
        while stack
            .last()
            .is_some_and(|&top| qs[top].quote.outer.end <= p.quote.outer.start)
        {
            stack.pop();
        }
        out[i] = stack.last().copied();
        stack.push(i);
    }
    out
}
