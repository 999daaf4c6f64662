//! Weighted stem vectors of sentences, and the word weights behind them.
//!
//! A word's weight says how much sharing it tells about two sentences reporting the same thing.
//! It multiplies three signals:
//!
//! - *local IDF* over the analysed sentences of both articles, `ln(1 + N / df)`: words found in
//!   many sentences of this pair count little, in any language;
//! - *background informativeness* from the bundled English frequency table
//!   ([`crate::text::vocab::wordfreq`]; a stem takes the highest frequency of its forms in the two
//!   texts): function words count almost nothing, words the table does not list (names,
//!   numbers, foreign words) count most;
//! - *library IDF* from [`DocFreq`] when a library is loaded: words common across the library's
//!   articles count less.
//!
//! Names — stems written capitalised away from the sentence start more often than not — are
//! boosted (×1.3); numbers are not in the background table, so they already count as rare. A
//! shared rare name or figure is strong evidence, while figures that differ (rounded, updated)
//! do not swamp the rest of a paraphrase.
//!
//! A sentence's vector holds `(1 + ln tf) · √weight` per stem, so that in the cosine's dot
//! product a shared stem counts with its weight once (not squared, which would let the single
//! rarest word decide); similarity is the cosine.

use std::collections::HashMap;

use crate::compare::stats::{DocFreq, SparseVec};
use crate::text::{Analysis, vocab};

/// The analysed sentences of both articles as weighted vectors over shared stem ids.
#[derive(Debug, Default)]
pub struct Vectors {
    /// One vector per analysed sentence of A, in order.
    pub a: Vec<SparseVec>,
    /// One vector per analysed sentence of B, in order.
    pub b: Vec<SparseVec>,
    /// Number of distinct stems (ids run `0..stems`).
    pub stems: usize,
}

struct StemStats {
    df: u32,
    /// Highest background frequency among the stem's forms in these texts.
    zipf: Option<f32>,
    name_votes: i32,
    numeric: bool,
}

/// Build the vectors of the sentences `sa` of `a` and `sb` of `b` (sentence indices).
pub fn build(
    a: &Analysis,
    sa: &[usize],
    b: &Analysis,
    sb: &[usize],
    corpus: Option<&DocFreq>,
) -> Vectors {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let mut stats: Vec<StemStats> = Vec::new();
    let mut tf_a = Vec::with_capacity(sa.len());
    let mut tf_b = Vec::with_capacity(sb.len());
    for (an, sents, out) in [(a, sa, &mut tf_a), (b, sb, &mut tf_b)] {
        for &si in sents {
            let Some(sentence) = an.sentences.get(si) else {
                out.push(Vec::new());
                continue;
            };
            let range = an.tokens_in(sentence.span);
            let mut tf: Vec<(u32, u32)> = Vec::new();
            for (k, tok) in an.tokens[range].iter().enumerate() {
                if tok.stem.is_empty() {
                    continue;
                }
                let next = names.len() as u32;
                let id = *ids.entry(tok.stem.as_str()).or_insert(next);
                if id == next {
                    names.push(tok.stem.as_str());
                    stats.push(StemStats {
                        df: 0,
                        zipf: None,
                        name_votes: 0,
                        numeric: false,
                    });
                }
                let st = &mut stats[id as usize];
                st.numeric |= tok.numeric;
                if let Some(z) = vocab::zipf(&tok.norm) {
                    st.zipf = Some(st.zipf.map_or(z, |old| old.max(z)));
                }
                if k > 0 {
                    st.name_votes += if tok.capitalized { 1 } else { -1 };
                }
                tf.push((id, 1));
            }
            tf.sort_unstable();
            tf.dedup_by(|next, kept| {
                if next.0 == kept.0 {
                    kept.1 += next.1;
                    true
                } else {
                    false
                }
            });
            for &(id, _) in &tf {
                stats[id as usize].df += 1;
            }
            out.push(tf);
        }
    }
    let n = (sa.len() + sb.len()).max(1) as f64;
    let corpus = corpus.filter(|c| c.docs >= 3);
    let weights: Vec<f64> = names
        .iter()
        .zip(&stats)
        .map(|(stem, st)| {
            let local = (1.0 + n / f64::from(st.df.max(1))).ln();
            let bg = f64::from(vocab::informativeness(st.zipf));
            let lib = corpus.map_or(1.0, |c| {
                let df = c.df.get(*stem).copied().unwrap_or(0) as f64;
                let docs = c.docs as f64;
                0.5 + ((docs + 1.0) / (df + 1.0)).ln() / (docs + 1.0).ln()
            });
            let boost = if !st.numeric && st.name_votes > 0 {
                1.3
            } else {
                1.0
            };
            (local * bg * lib * boost).sqrt()
        })
        .collect();
    let to_vec = |tf: Vec<(u32, u32)>| {
        SparseVec::from_terms(
            tf.into_iter()
                .map(|(id, c)| (id, (1.0 + f64::from(c).ln()) * weights[id as usize]))
                .collect(),
        )
    };
    Vectors {
        a: tf_a.into_iter().map(to_vec).collect(),
        b: tf_b.into_iter().map(to_vec).collect(),
        stems: names.len(),
    }
}
