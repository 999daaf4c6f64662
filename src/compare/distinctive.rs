//! Distinctive terms: log-odds ratio with an informative Dirichlet prior.

use super::{DistinctiveTerm, Options, PerSide};
use crate::corpus::Article;

/// Distinctive terms of each side against the other.
pub fn distinctive(a: &Article, b: &Article, opts: &Options) -> PerSide<Vec<DistinctiveTerm>> {
    let _ = (a, b, opts);
    PerSide::default()
}
