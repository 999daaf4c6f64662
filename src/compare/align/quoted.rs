//! Sentences that carry one shared quotation, brought side by side: the last step of the
//! alignment, run once the shared quotations are known ([`Units::join_shared_quotes`]).
//!
//! Word statistics miss a quotation both outlets print when the sentences around it differ:
//! "Pelosi said afterward that she was “exhilarated” by the strong support …" / "The California
//! Democrat spoke briefly to reporters after the vote, saying she feels “exhilarated” …", or a
//! "“historic challenge”" one outlet takes from a statement the other prints at length. A shared
//! quotation is the same person's same words in both, so its two sentences belong together:
//!
//! - both unaligned: they become a pair, in the reading order when they fit between the
//!   aligned units around them, else a moved pair;
//! - one aligned in an in-order unit, the other unaligned: the unaligned one joins that unit
//!   (a unit grows on one side only, as in step 5);
//! - one in a moved pair (or joined to one), the other unaligned: the unaligned one joins the
//!   moved pair's row, paired with the sentence it shares the quotation with ("historic
//!   challenge" and "beyond politics" taken from two sentences of one statement the other
//!   outlet prints); such a row may grow on both sides, since each pair in it is a quotation
//!   both print;
//! - otherwise (both aligned) nothing changes.
//!
//! Only quotations of speech on both sides count: two outlets naming one show ("Face the
//! Nation") or one book report different things about it, and words found unquoted on one side
//! may be a common phrase of the story ("the Foreign Intelligence Surveillance Court").
//!
//! A quotation running over several sentences counts in the one holding most of the words the
//! other side quotes.

use rustc_hash::FxHashSet;

use super::{Attached, Grown, Unit, Units};
use crate::compare::{QuoteEdit, SharedQuote};
use crate::corpus::Article;
use crate::text::{QuotationKind, Span};

impl Units {
    /// Bring the two sentences of each shared quotation together (see the module
    /// documentation).
    pub fn join_shared_quotes(&mut self, a: &Article, b: &Article, quotes: &[SharedQuote]) {
        let place_a = places(a, &self.sa);
        let place_b = places(b, &self.sb);
        for q in quotes {
            // Someone's words on both sides: not a title or a term both put in quotes ("Face
            // the Nation"), nor words one side does not quote.
            if q.edits.contains(&QuoteEdit::Unquoted) || !speech(a, q.a) || !speech(b, q.b) {
                continue;
            }
            let (Some(i), Some(j)) = (
                sentence_of(a, &place_a, q.a, b, q.b),
                sentence_of(b, &place_b, q.b, a, q.a),
            ) else {
                continue;
            };
            self.bring_together(i, j);
        }
    }

    /// Pair analysed sentences `i` of A and `j` of B, or join one to the other's unit.
    fn bring_together(&mut self, i: usize, j: usize) {
        // The chain keeps both articles' order: a binary search finds a sentence's unit.
        let unit_of = |chain: &[Unit], a: bool, x: usize| {
            let k = chain.partition_point(|u| if a { u.a1 < x } else { u.b1 < x });
            chain
                .get(k)
                .is_some_and(|u| if a { u.a0 <= x } else { u.b0 <= x })
                .then_some(k)
        };
        // The moved pair holding each sentence, whether as one of its two or joined to it.
        let moved_a = self
            .moved
            .iter()
            .find(|m| m.0 == i)
            .map(|m| (m.0, m.1))
            .or(self
                .grown
                .iter()
                .find(|g| g.free_a && g.a == i)
                .map(|g| g.pair));
        let moved_b = self
            .moved
            .iter()
            .find(|m| m.1 == j)
            .map(|m| (m.0, m.1))
            .or(self
                .grown
                .iter()
                .find(|g| !g.free_a && g.b == j)
                .map(|g| g.pair));
        let joined_a = self.attached.iter().find(|x| x.free_a && x.a == i);
        let joined_b = self.attached.iter().find(|x| !x.free_a && x.b == j);
        let in_a = unit_of(&self.chain, true, i).or(joined_a.map(|x| x.unit));
        let in_b = unit_of(&self.chain, false, j).or(joined_b.map(|x| x.unit));
        let score = self.vecs.a[i].cosine(&self.vecs.b[j]);
        match (in_a, in_b) {
            (None, None) if moved_a.is_none() && moved_b.is_none() => {
                // Both unaligned: a pair of their own, in order when it fits.
                let k = self.chain.partition_point(|u| u.a1 < i);
                let after = k == 0 || self.chain[k - 1].b1 < j;
                let before = self.chain.get(k).is_none_or(|u| u.b0 > j);
                if after && before {
                    self.chain.insert(
                        k,
                        Unit {
                            a0: i,
                            a1: i,
                            b0: j,
                            b1: j,
                            score,
                        },
                    );
                    for x in &mut self.attached {
                        if x.unit >= k {
                            x.unit += 1;
                        }
                    }
                } else {
                    self.moved.push((i, j, score));
                    self.moved.sort_by_key(|m| (m.0, m.1));
                }
            }
            (Some(k), None) if moved_b.is_none() => self.join(k, false, i, j, score),
            (None, Some(k)) if moved_a.is_none() => self.join(k, true, i, j, score),
            (None, None) => match (moved_a, moved_b) {
                (Some(pair), None) => self.grown.push(Grown {
                    pair,
                    a: i,
                    b: j,
                    free_a: false,
                    score,
                }),
                (None, Some(pair)) => self.grown.push(Grown {
                    pair,
                    a: i,
                    b: j,
                    free_a: true,
                    score,
                }),
                _ => {}
            },
            _ => {}
        }
    }

    /// Join the free sentence (`free_a`: A's `i`, else B's `j`) to unit `k`, when the unit does
    /// not already grow on the other side and the other sentence belongs to the unit itself.
    fn join(&mut self, k: usize, free_a: bool, i: usize, j: usize, score: f64) {
        let u = self.chain[k];
        let member = if free_a {
            (u.b0..=u.b1).contains(&j)
        } else {
            (u.a0..=u.a1).contains(&i)
        };
        let other_side_grows = self
            .attached
            .iter()
            .any(|x| x.unit == k && x.free_a != free_a);
        if !member || other_side_grows {
            return;
        }
        self.attached.push(Attached {
            unit: k,
            a: i,
            b: j,
            free_a,
            score,
        });
        self.attached.sort_by_key(|x| (x.a, x.b));
    }
}

/// Whether the quotation whose words are `span` is someone's speech.
fn speech(art: &Article, span: Span) -> bool {
    let quotes = &art.analysis.quotes;
    let k = quotes.partition_point(|q| q.inner.start < span.start);
    quotes[k..]
        .iter()
        .take_while(|q| q.inner.start == span.start)
        .any(|q| q.inner == span && q.class == QuotationKind::Speech)
}

/// For each sentence of the article, its index among the analysed sentences (`analysed`), if
/// it is one.
fn places(art: &Article, analysed: &[usize]) -> Vec<Option<usize>> {
    let mut out = vec![None; art.analysis.sentences.len()];
    for (k, &g) in analysed.iter().enumerate() {
        out[g] = Some(k);
    }
    out
}

/// The analysed sentence of `art` holding quotation `span`: the only one it touches, or of
/// several, the one holding most words that the other article's version (`other_span` of
/// `other`) also has. `None` when that sentence is not analysed (a headline, furniture).
fn sentence_of(
    art: &Article,
    place: &[Option<usize>],
    span: Span,
    other: &Article,
    other_span: Span,
) -> Option<usize> {
    let an = &art.analysis;
    let first = an.sentences.partition_point(|s| s.span.end <= span.start);
    let touched: Vec<usize> = (first..an.sentences.len())
        .take_while(|&k| an.sentences[k].span.start < span.end)
        .collect();
    let best = match touched.as_slice() {
        [] => return None,
        [one] => *one,
        several => {
            let oa = &other.analysis;
            let theirs: FxHashSet<&str> = oa.tokens[oa.tokens_in(other_span)]
                .iter()
                .map(|t| t.norm.as_str())
                .collect();
            let shared = |k: usize| {
                let s = an.sentences[k].span;
                let inside = Span::new(s.start.max(span.start), s.end.min(span.end));
                an.tokens[an.tokens_in(inside)]
                    .iter()
                    .filter(|t| theirs.contains(t.norm.as_str()))
                    .count()
            };
            // The first of equals: `max_by_key` keeps the last, so compare reversed positions.
            *several
                .iter()
                .max_by_key(|&&k| (shared(k), std::cmp::Reverse(k)))
                .expect("several sentences")
        }
    };
    place[best]
}
