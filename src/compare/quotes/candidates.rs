//! Which pairs of quotations are worth comparing word by word, found without looking at every
//! pair.
//!
//! - **Classes.** Quotations with the same words and the same editorial marks (brackets,
//!   ellipses) are one class: any two of them compare the same way with any third quotation, so
//!   a class pair is compared once, however many copies each side holds (a pull-quote repeated
//!   down a page, or a hostile text of ten thousand identical quotations).
//! - **Rare word pairs.** Every pair the matcher accepts that is not word for word the same
//!   shares a run of at least three matched words, so it shares two neighbouring words outside
//!   brackets (as stems). Candidates come from an index of A's word pairs; a word pair found in
//!   more than [`RARE`] classes of A ("of the") proposes nothing, so the work grows with the
//!   length of the texts, never with the product of their numbers of quotations.
//! - **Work.** Index look-ups, word-alignment cells and the candidates handed on all count
//!   against the budget; past it, only classes with the same words on both sides are paired.
//!
//! The selection that follows needs, of a class pair, only the pairs that involve the first
//! quotation (in text order) of either class ([`expand`]); those are exactly the pairs the
//! selection could keep if every pair of copies were listed.

use rustc_hash::FxHashMap;

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

/// Stems of neighbouring words outside brackets (ellipses ignored).
fn word_pairs(p: &Prepared) -> impl Iterator<Item = (&str, &str)> {
    let stems: Vec<&str> = p
        .words
        .iter()
        .filter(|w| !w.bracketed)
        .map(|w| w.stem.as_str())
        .collect();
    (1..stems.len()).map(move |i| (stems[i - 1], stems[i]))
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
    // A's word pairs → the classes holding them, each class listed once per pair.
    let mut index: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
    for c in 0..ca.members.len() {
        for wp in word_pairs(&qa[ca.rep(c)]) {
            let list = index.entry(wp).or_default();
            // A class's pairs are listed together, so a repeat is always the last entry.
            if list.last() != Some(&c) {
                list.push(c);
            }
        }
    }
    let mut out = Vec::new();
    let mut seen = vec![usize::MAX; ca.members.len()];
    let mut near: Vec<usize> = Vec::new();
    for kb in 0..cb.members.len() {
        let y = &qb[cb.rep(kb)];
        near.clear();
        let same = ca.find(y);
        if let Some(c) = same {
            seen[c] = kb;
            near.push(c);
        }
        if !work.over && y.content >= 4 {
            for wp in word_pairs(y) {
                let Some(list) = index.get(&wp).filter(|l| l.len() <= RARE) else {
                    continue;
                };
                work.add(list.len() as u64);
                for &c in list {
                    if std::mem::replace(&mut seen[c], kb) != kb {
                        near.push(c);
                    }
                }
            }
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
