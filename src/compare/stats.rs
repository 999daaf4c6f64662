//! Word statistics of a library, in one place: document frequencies ([`DocFreq`]), sparse
//! vectors over stems ([`SparseVec`]) and the weighted vector of each article
//! ([`ArticleVector`], [`article_vectors`]) whose similarity is the relatedness of two
//! articles.
//!
//! Sentence alignment weighs words with the document frequencies and compares sentences as
//! sparse vectors; story grouping, the suggested pairs and the reader's relatedness column all
//! compare article vectors, so a pair's similarity reads the same everywhere.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::Article;
use crate::text::Analysis;

use crate::text::vocab::{informativeness, zipf};

/// How much more a name (a stem written capitalised inside sentences more often than not)
/// weighs: stories differ by who and where.
pub const NAME_BOOST: f64 = 6.0;

/// Document frequencies of stems over a loaded library.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocFreq {
    /// Number of documents counted.
    pub docs: usize,
    /// Stem → number of documents containing it.
    pub df: std::collections::HashMap<String, usize>,
}

impl DocFreq {
    /// Count, for every stem, how many of `articles` use it outside boilerplate.
    pub fn from_articles<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Self {
        let mut out = DocFreq::default();
        for art in articles {
            out.add(&art.analysis);
        }
        out
    }

    /// Count one more document.
    pub fn add(&mut self, analysis: &Analysis) {
        let mut stems: Vec<&str> = Vec::new();
        for (i, s) in analysis.sentences.iter().enumerate() {
            if !analysis.sentence_role(i).is_compared() {
                continue;
            }
            for t in &analysis.tokens[analysis.tokens_in(s.span)] {
                stems.push(t.stem.as_str());
            }
        }
        stems.sort_unstable();
        stems.dedup();
        for s in stems {
            *self.df.entry(s.to_string()).or_insert(0) += 1;
        }
        self.docs += 1;
    }
}

/// A sparse vector over stem ids: `(stem id, value)` sorted by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SparseVec {
    /// Entries sorted by stem id.
    pub terms: Vec<(u32, f64)>,
    /// Euclidean norm.
    pub norm: f64,
    /// Sum of the values: the informative content of the text it stands for.
    pub mass: f64,
}

impl SparseVec {
    /// A vector from its entries (sorted by id, each id once).
    pub fn from_terms(terms: Vec<(u32, f64)>) -> Self {
        let norm = terms.iter().map(|(_, v)| v * v).sum::<f64>().sqrt();
        let mass = terms.iter().map(|(_, v)| v).sum();
        SparseVec { terms, norm, mass }
    }

    /// The vector of `terms` scaled to unit length (an empty vector stays empty).
    pub fn unit(mut terms: Vec<(u32, f64)>) -> Self {
        let norm = terms.iter().map(|(_, v)| v * v).sum::<f64>().sqrt();
        if norm > 0.0 {
            for t in &mut terms {
                t.1 /= norm;
            }
        }
        SparseVec::from_terms(terms)
    }

    /// Dot product of two vectors.
    pub fn dot(&self, other: &SparseVec) -> f64 {
        let (mut i, mut j, mut s) = (0, 0, 0.0);
        let (x, y) = (&self.terms, &other.terms);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    s += x[i].1 * y[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        s
    }

    /// Cosine similarity in `[0, 1]` (0 when either vector is empty).
    pub fn cosine(&self, other: &SparseVec) -> f64 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        if self.terms == other.terms {
            return 1.0;
        }
        (self.dot(other) / (self.norm * other.norm)).clamp(0.0, 1.0)
    }

    /// The vector of the concatenation of two texts (values add up per stem).
    pub fn plus(&self, other: &SparseVec) -> SparseVec {
        let (x, y) = (&self.terms, &other.terms);
        let mut out = Vec::with_capacity(x.len() + y.len());
        let (mut i, mut j) = (0, 0);
        while i < x.len() || j < y.len() {
            if j >= y.len() || (i < x.len() && x[i].0 < y[j].0) {
                out.push(x[i]);
                i += 1;
            } else if i >= x.len() || y[j].0 < x[i].0 {
                out.push(y[j]);
                j += 1;
            } else {
                out.push((x[i].0, x[i].1 + y[j].1));
                i += 1;
                j += 1;
            }
        }
        SparseVec::from_terms(out)
    }
}

/// An article's weighted stem vector, for relatedness: all its stems, and the names among them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleVector {
    /// `(1 + ln tf) · weight` per stem of the article's reporting, scaled to unit length (or
    /// empty).
    pub words: SparseVec,
    /// The names among them (same weights), again of unit length.
    pub names: SparseVec,
}

impl ArticleVector {
    /// Relatedness in `[0, 1]`: the mean of the cosine of all words and the cosine of the
    /// names alone (who and where tell stories apart more than the words of the genre).
    pub fn similarity(&self, other: &ArticleVector) -> f64 {
        (self.words.dot(&other.words).clamp(0.0, 1.0)
            + self.names.dot(&other.names).clamp(0.0, 1.0))
            / 2.0
    }
}

/// One stem of an article: its first normal form seen, its count, and its votes for being a
/// name (written capitalised away from a sentence start).
type StemCount<'a> = (&'a str, &'a str, u32, i32);

/// Stems of one article's reporting, sorted by stem.
fn stem_counts(a: &Article) -> Vec<StemCount<'_>> {
    let an = &a.analysis;
    let mut counts: rustc_hash::FxHashMap<&str, (&str, u32, i32)> = Default::default();
    for (si, s) in an.sentences.iter().enumerate() {
        if !an.sentence_role(si).is_compared() {
            continue;
        }
        for (k, t) in an.tokens[an.tokens_in(s.span)].iter().enumerate() {
            if t.stem.is_empty() {
                continue;
            }
            let e = counts
                .entry(t.stem.as_str())
                .or_insert((t.norm.as_str(), 0, 0));
            e.1 += 1;
            if k > 0 && !t.numeric {
                e.2 += if t.capitalized { 1 } else { -1 };
            }
        }
    }
    let mut out: Vec<StemCount<'_>> = counts
        .into_iter()
        .map(|(s, (n, c, v))| (s, n, c, v))
        .collect();
    out.sort_unstable_by(|x, y| x.0.cmp(y.0));
    out
}

/// The weighted vectors of `articles` (parallel over articles) and the normal form of each
/// stem id. A stem's weight multiplies its background informativeness by the library's
/// inverse document frequency, and names count [`NAME_BOOST`] times more.
pub fn article_vectors(articles: &[Article]) -> (Vec<ArticleVector>, Vec<String>) {
    let counts: Vec<Vec<StemCount<'_>>> = articles.par_iter().map(stem_counts).collect();
    // Ids in first-seen order, so they are the same on every run.
    let mut ids: rustc_hash::FxHashMap<&str, u32> = Default::default();
    let mut forms: Vec<&str> = Vec::new();
    let mut df: Vec<u32> = Vec::new();
    let mut votes: Vec<i64> = Vec::new();
    for doc in &counts {
        for &(stem, norm, _, v) in doc {
            let next = forms.len() as u32;
            let id = *ids.entry(stem).or_insert(next);
            if id == next {
                forms.push(norm);
                df.push(0);
                votes.push(0);
            }
            df[id as usize] += 1;
            votes[id as usize] += i64::from(v);
        }
    }
    let n = articles.len() as f64;
    let weight: Vec<f64> = forms
        .par_iter()
        .zip(&df)
        .zip(&votes)
        .map(|((norm, &d), &v)| {
            let bg = f64::from(informativeness(zipf(norm)));
            // A small library cannot tell a story's words from the genre's: it leans on the
            // background table; a large one on its own document frequencies.
            let floor = 5.0 / (n + 5.0);
            let idf = ((n + 1.0) / (f64::from(d) + 1.0)).ln() / (n + 1.0).ln().max(1.0);
            let lib = floor + (1.0 - floor) * idf;
            let name = if v > 0 { NAME_BOOST } else { 1.0 };
            bg * lib * name
        })
        .collect();
    let vecs = counts
        .par_iter()
        .map(|doc| {
            let mut terms: Vec<(u32, f64)> = doc
                .iter()
                .map(|&(stem, _, c, _)| {
                    let id = ids[stem];
                    (id, (1.0 + f64::from(c).ln()) * weight[id as usize])
                })
                .collect();
            terms.sort_unstable_by_key(|t| t.0);
            let names: Vec<(u32, f64)> = terms
                .iter()
                .copied()
                .filter(|&(id, _)| votes[id as usize] > 0)
                .collect();
            ArticleVector {
                words: SparseVec::unit(terms),
                names: SparseVec::unit(names),
            }
        })
        .collect();
    (vecs, forms.into_iter().map(str::to_string).collect())
}

#[cfg(test)]
pub(crate) mod testing {
    use super::SparseVec;

    /// A deterministic pseudo-random sparse vector over `ids` stems (xorshift).
    pub(crate) fn vector(seed: &mut u64, ids: u32, len: usize) -> SparseVec {
        let mut next = || {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            *seed
        };
        let mut terms: Vec<(u32, f64)> = (0..len)
            .map(|_| {
                (
                    (next() % u64::from(ids)) as u32,
                    (next() % 1000) as f64 / 97.0 + 0.01,
                )
            })
            .collect();
        terms.sort_by_key(|t| t.0);
        terms.dedup_by_key(|t| t.0);
        SparseVec::from_terms(terms)
    }
}
