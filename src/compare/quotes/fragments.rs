//! Short quotations one outlet takes from a statement the other prints at length: "a “historic
//! challenge”" against “… is something that is a historic challenge.”, the one word
//! “hurtful” against a whole apology.
//!
//! Quotations of fewer than four words are paired word by word only when they are the same
//! words on both sides (a few words in quotes are too common to match by themselves). Here a
//! quotation of one to three words with no match is looked for, word for word, inside the
//! longer speech quotations of the other article, and is paired when both name their speaker
//! and the names may be one person ([`may_be_one_speaker`]): the same person's own words,
//! quoted in part. A short phrase is common enough to turn up in two statements of one person,
//! so the fewer its words, the rarer its rarest word must be in English at large
//! ([`RAREST_ZIPF`]: "hurtful", "malarkey" and "a historic challenge" are kept; "lied", "many
//! times" and "I'm sorry" are not); and a single word must be written in lower case (a name in
//! quotes — “Mexico” — is not a statement).

use rustc_hash::{FxHashMap, FxHashSet};

use super::Prepared;
use super::candidates::Work;
use super::pairwise::{Match, Pair};
use crate::compare::{QuoteEdit, QuoteMatchKind};
use crate::corpus::Article;
use crate::text::QuotationKind;
use crate::text::quotes::names::{may_be_one_speaker, name_words};
use crate::text::vocab::wordfreq::zipf;

/// Longest quotation, in words, looked for inside the other side's quotations.
pub(super) const MAX_FRAGMENT: usize = 3;

/// By a fragment's number of words (one, two, three), the Zipf frequency its rarest word must
/// be below ([`zipf`]); a word the table does not list is rarer than all.
pub(super) const RAREST_ZIPF: [f32; MAX_FRAGMENT] = [4.0, 5.0, 7.0];

/// Where a word occurs in the quotations of one side: (quotation, position) by word id.
type Occurrences = FxHashMap<u32, Vec<(usize, usize)>>;

/// Pairs of a short unmatched quotation of either side with a longer quotation of the other
/// that holds its words, as [`Pair`]s (A first); `matched_a` and `matched_b` say which
/// quotations already have a partner. Index look-ups count against `work`.
pub(super) fn fragment_pairs(
    (a, qa, matched_a): (&Article, &[Prepared], &[bool]),
    (b, qb, matched_b): (&Article, &[Prepared], &[bool]),
    work: &mut Work,
) -> Vec<Pair> {
    let (who_a, who_b) = (speakers(a, qa), speakers(b, qb));
    let fragments = |art, qs: &[Prepared], who: &[Vec<String>], matched: &[bool]| -> Vec<usize> {
        (0..qs.len())
            .filter(|&i| !matched[i] && !who[i].is_empty() && is_fragment(art, &qs[i]))
            .collect()
    };
    let (frag_a, frag_b) = (
        fragments(a, qa, &who_a, matched_a),
        fragments(b, qb, &who_b, matched_b),
    );
    // Each side's word positions, only of words that start a fragment of the other side.
    let starts = |qs: &[Prepared], frags: &[usize]| -> FxHashSet<u32> {
        frags.iter().map(|&i| qs[i].words[0].norm_id).collect()
    };
    let in_a = occurrences(qa, &who_a, &starts(qb, &frag_b));
    let in_b = occurrences(qb, &who_b, &starts(qa, &frag_a));
    let mut out = Vec::new();
    for i in frag_a {
        for (j, m) in holders(&qa[i], &who_a[i], qb, &who_b, &in_b, work) {
            out.push(Pair { a: i, b: j, m });
        }
    }
    for j in frag_b {
        let y = &qb[j];
        for (i, m) in holders(y, &who_b[j], qa, &who_a, &in_a, work) {
            // The match's words are the longer quotation's, here on A's side: B's words are
            // the whole fragment.
            let m = Match {
                b_words: (0, y.words.len()),
                ..m
            };
            out.push(Pair { a: i, b: j, m });
        }
    }
    out
}

/// The name words of each quotation's speaker; empty for a quotation that is not speech or
/// whose speaker is not named.
fn speakers(art: &Article, qs: &[Prepared]) -> Vec<Vec<String>> {
    qs.iter()
        .map(|p| match p.quote.speaker {
            Some(s) if p.quote.class == QuotationKind::Speech && !p.quote.nested => {
                name_words(s.slice(&art.text))
            }
            _ => Vec::new(),
        })
        .collect()
}

/// The positions of the words `wanted` in the speech quotations with a named speaker, by word
/// id.
fn occurrences(qs: &[Prepared], who: &[Vec<String>], wanted: &FxHashSet<u32>) -> Occurrences {
    let mut at: Occurrences = FxHashMap::default();
    for (k, p) in qs.iter().enumerate() {
        if who[k].is_empty() || p.words.len() <= 1 {
            continue;
        }
        for (i, w) in p.words.iter().enumerate() {
            if wanted.contains(&w.norm_id) {
                at.entry(w.norm_id).or_default().push((k, i));
            }
        }
    }
    at
}

/// Whether `p` is a short quotation worth looking for inside longer ones: one to
/// [`MAX_FRAGMENT`] words, none bracketed and no ellipsis, a content word rare enough for its
/// length ([`RAREST_ZIPF`]), and a single word in lower case.
fn is_fragment(art: &Article, p: &Prepared) -> bool {
    let n = p.words.len();
    (1..=MAX_FRAGMENT).contains(&n)
        && p.content == n
        && !p.ellipsis.iter().any(|&e| e)
        && p.words
            .iter()
            .filter(|w| w.informative)
            .map(|w| zipf(&w.norm).unwrap_or(0.0))
            .fold(None, |low: Option<f32>, z| {
                Some(low.map_or(z, |l| l.min(z)))
            })
            .is_some_and(|z| z < RAREST_ZIPF[n - 1])
        && (n > 1
            || p.words[0]
                .span
                .slice(&art.text)
                .chars()
                .next()
                .is_some_and(char::is_lowercase))
}

/// The longer speech quotations of the other side (`qs`, speakers `who`, word positions `at`)
/// holding `x`'s words in a row, whose speakers may be `x_who`, each with its match.
fn holders(
    x: &Prepared,
    x_who: &[String],
    qs: &[Prepared],
    who: &[Vec<String>],
    at: &Occurrences,
    work: &mut Work,
) -> Vec<(usize, Match)> {
    let Some(first) = x.words.first() else {
        return Vec::new();
    };
    let n = x.words.len();
    let mut out: Vec<(usize, Match)> = Vec::new();
    let found = at.get(&first.norm_id).map_or(&[][..], Vec::as_slice);
    work.add(found.len() as u64);
    if work.over {
        return out;
    }
    for &(k, start) in found {
        let y = &qs[k];
        if out.last().is_some_and(|&(last, _)| last == k)
            || y.words.len() <= n
            || !may_be_one_speaker(x_who, &who[k])
        {
            continue;
        }
        let holds = y.words[start..]
            .iter()
            .take(n)
            .map(|w| w.norm_id)
            .eq(x.words.iter().map(|w| w.norm_id));
        if !holds {
            continue;
        }
        let mut edits = Vec::new();
        if start > 0 {
            edits.push(QuoteEdit::TrimmedStart);
        }
        if start + n < y.words.len() {
            edits.push(QuoteEdit::TrimmedEnd);
        }
        out.push((
            k,
            Match {
                kind: QuoteMatchKind::Partial,
                edits,
                score: 1.0,
                matched: n,
                b_words: (start, start + n),
            },
        ));
    }
    out
}
