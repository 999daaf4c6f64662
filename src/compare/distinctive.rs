//! Distinctive terms: the words that set one article's vocabulary apart from the other's,
//! scored with the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn
//! 2008, "Fightin' Words").
//!
//! Counts are of stems over the headline and body (boilerplate left out); numbers count as
//! words. The prior for stem `w` is `α_w = α0 · p_w`, where `p_w` is the stem's share of the
//! pooled counts of both articles (averaged with its share of the library's document
//! frequencies when [`Options::corpus`] is given) and the prior sample size `α0` is
//! [`PRIOR_SCALE`] times the pair's total word count. Then
//!
//! ```text
//! δ_w = log((y_a + α_w) / (n_a + α0 − y_a − α_w)) − log((y_b + α_w) / (n_b + α0 − y_b − α_w))
//! σ²_w ≈ 1/(y_a + α_w) + 1/(y_b + α_w)
//! z_w = δ_w / √σ²_w
//! ```
//!
//! A stem is distinctive for A when `z_w > 1.96` (for B when `z_w < −1.96`, reported with the
//! sign flipped). When fewer than [`MIN_TERMS`] pass, the strongest remaining stems used at least
//! twice on that side, and more often than on the other, fill the list up to [`MIN_TERMS`].
//! Function words are never reported. Lists are at most [`MAX_TERMS`] long, strongest first,
//! ties broken by stem, so the result never depends on hash order.

use rustc_hash::FxHashMap;

use super::{DistinctiveTerm, Options, PerSide};
use crate::corpus::Article;
use crate::text::Span;
use crate::text::vocab::is_style_stem;

/// Prior sample size as a multiple of the pair's total word count. A stem used `k` times on one
/// side only reaches `z ≈ 0.74·√k` at 0.2 (the scale where that is largest; at 1.0 it would be
/// `0.57·√k`), so seven uses make a one-sided word significant while shared words stay near 0.
pub const PRIOR_SCALE: f64 = 0.2;

/// The significance threshold on `z` (two-sided 5%).
pub const Z_THRESHOLD: f64 = 1.96;

/// Lists shorter than this are filled with the strongest remaining positive-z stems.
pub const MIN_TERMS: usize = 15;

/// Longest list reported per side.
pub const MAX_TERMS: usize = 40;

/// The stemmed tokens of an article's headline and body, in reading order.
fn stemmed(art: &Article) -> impl Iterator<Item = &crate::text::tokens::Token> {
    let an = &art.analysis;
    super::lexicon::analysed_token_ranges(an)
        .into_iter()
        .flat_map(|range| an.tokens.get(range).unwrap_or(&[]))
        .filter(|tok| !tok.stem.is_empty())
}

/// Stem counts of the headline and body of an article, with the total word count.
fn count(art: &Article) -> (FxHashMap<&str, usize>, usize) {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    let mut total = 0;
    for tok in stemmed(art) {
        *counts.entry(tok.stem.as_str()).or_default() += 1;
        total += 1;
    }
    (counts, total)
}

/// Where a stem occurs on one side.
#[derive(Default)]
struct Occurrences<'a> {
    positions: Vec<Span>,
    /// Each way the stem is written, with its count (a stem has few).
    surfaces: Vec<(&'a str, usize)>,
}

/// Where each of `stems` occurs in an article: read only for the stems reported, not for
/// every stem counted.
fn occurrences<'a>(art: &'a Article, stems: &[&'a str]) -> FxHashMap<&'a str, Occurrences<'a>> {
    let mut out: FxHashMap<&str, Occurrences> =
        stems.iter().map(|&w| (w, Occurrences::default())).collect();
    for tok in stemmed(art) {
        let Some(seen) = out.get_mut(tok.stem.as_str()) else {
            continue;
        };
        seen.positions.push(tok.span);
        let surface = tok.span.slice(&art.text);
        match seen.surfaces.iter_mut().find(|(s, _)| *s == surface) {
            Some((_, n)) => *n += 1,
            None => seen.surfaces.push((surface, 1)),
        }
    }
    out
}

/// Distinctive terms of each side against the other.
pub fn distinctive(a: &Article, b: &Article, opts: &Options) -> PerSide<Vec<DistinctiveTerm>> {
    let ((ca, na), (cb, nb)) = rayon::join(|| count(a), || count(b));
    let n = na + nb;
    if na == 0 || nb == 0 {
        return PerSide::default();
    }
    let mut vocab: Vec<&str> = ca.keys().chain(cb.keys()).copied().collect();
    vocab.sort();
    vocab.dedup();
    let df_total: f64 = opts.corpus.as_ref().map_or(0.0, |c| {
        vocab
            .iter()
            .map(|w| c.df.get(*w).copied().unwrap_or(0) as f64)
            .sum()
    });
    let alpha0 = PRIOR_SCALE * n as f64;
    let (na, nb) = (na as f64, nb as f64);
    let mut scored: Vec<(f64, &str)> = Vec::with_capacity(vocab.len());
    for w in &vocab {
        let ya = ca.get(w).copied().unwrap_or(0) as f64;
        let yb = cb.get(w).copied().unwrap_or(0) as f64;
        let pooled = (ya + yb) / n as f64;
        let share = match &opts.corpus {
            Some(c) if df_total > 0.0 => {
                let df = c.df.get(*w).copied().unwrap_or(0) as f64;
                (pooled + df / df_total) / 2.0
            }
            _ => pooled,
        };
        let alpha = alpha0 * share;
        let la = ((ya + alpha) / (na + alpha0 - ya - alpha)).ln();
        let lb = ((yb + alpha) / (nb + alpha0 - yb - alpha)).ln();
        let var = 1.0 / (ya + alpha) + 1.0 / (yb + alpha);
        let z = (la - lb) / var.sqrt();
        if z.is_finite() {
            scored.push((z, w));
        }
    }
    let side = |sign: f64,
                art: &Article,
                mine: &FxHashMap<&str, usize>,
                theirs: &FxHashMap<&str, usize>| {
        let mut list: Vec<(f64, &str)> = scored
            .iter()
            .map(|&(z, w)| (z * sign, w))
            .filter(|&(z, w)| z > 0.0 && mine.contains_key(w))
            .collect();
        list.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(y.1)));
        let strong = list
            .iter()
            .filter(|(z, w)| *z > Z_THRESHOLD && !is_style_stem(w))
            .count();
        let mut chosen: Vec<(f64, &str, usize)> = Vec::new();
        for &(z, w) in &list {
            if chosen.len() >= MAX_TERMS {
                break;
            }
            let Some(&n) = mine.get(w) else { continue };
            if chosen.len() >= strong.max(MIN_TERMS) {
                break;
            }
            let fill = z <= Z_THRESHOLD;
            // A filler is used at least twice here and more often here than there: "2× in A
            // and 2× in B" sets nothing apart, whatever the two lengths make of it.
            let other = theirs.get(w).copied().unwrap_or(0);
            if is_style_stem(w) || (fill && (n < 2 || n <= other)) {
                continue;
            }
            chosen.push((z, w, n));
        }
        let stems: Vec<&str> = chosen.iter().map(|c| c.1).collect();
        let mut seen = occurrences(art, &stems);
        chosen
            .into_iter()
            .map(|(z, w, n)| {
                let Occurrences {
                    positions,
                    surfaces,
                } = seen.remove(w).unwrap_or_default();
                let term = surfaces
                    .iter()
                    .max_by(|x, y| x.1.cmp(&y.1).then_with(|| y.0.cmp(x.0)))
                    .map(|(s, _)| s.to_string())
                    .unwrap_or_else(|| w.to_string());
                DistinctiveTerm {
                    term,
                    stem: w.to_string(),
                    z,
                    count: n,
                    other_count: theirs.get(w).copied().unwrap_or(0),
                    positions,
                }
            })
            .collect::<Vec<_>>()
    };
    let (a, b) = rayon::join(|| side(1.0, a, &ca, &cb), || side(-1.0, b, &cb, &ca));
    PerSide { a, b }
}
