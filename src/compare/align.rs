//! Sentence alignment.

use serde::{Deserialize, Serialize};

use super::{AlignedPair, Options, Row, RowKind};
use crate::corpus::Article;

/// Document frequencies of stems over a loaded library.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocFreq {
    /// Number of documents counted.
    pub docs: usize,
    /// Stem → number of documents containing it.
    pub df: std::collections::HashMap<String, usize>,
}

/// The alignment of two articles' sentences.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    /// Aligned pairs sorted by A then B index.
    pub pairs: Vec<AlignedPair>,
    /// The side-by-side reading order covering every sentence of both articles once.
    pub rows: Vec<Row>,
    /// Overall content similarity in `[0, 1]`.
    pub similarity: f64,
}

/// Align the sentences of `a` and `b`.
pub fn align(a: &Article, b: &Article, opts: &Options) -> Alignment {
    let _ = opts;
    let sa = &a.analysis.sentences;
    let sb = &b.analysis.sentences;
    let mut pairs = Vec::new();
    let mut rows = Vec::new();
    let mut used_b = vec![false; sb.len()];
    for (i, s) in sa.iter().enumerate() {
        let t = s.span.slice(&a.text);
        if let Some(j) = (0..sb.len()).find(|&j| !used_b[j] && sb[j].span.slice(&b.text) == t) {
            used_b[j] = true;
            pairs.push(AlignedPair {
                a: i,
                b: j,
                score: 1.0,
                moved: false,
            });
            rows.push(Row {
                kind: RowKind::Aligned,
                a: vec![i],
                b: vec![j],
                score: Some(1.0),
            });
        } else {
            rows.push(Row {
                kind: RowKind::OnlyA,
                a: vec![i],
                b: vec![],
                score: None,
            });
        }
    }
    for (j, used) in used_b.iter().enumerate() {
        if !used {
            rows.push(Row {
                kind: RowKind::OnlyB,
                a: vec![],
                b: vec![j],
                score: None,
            });
        }
    }
    Alignment {
        pairs,
        rows,
        similarity: 0.0,
    }
}
