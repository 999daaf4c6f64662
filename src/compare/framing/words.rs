//! Which changed stretches hold an attribution verb or a hedge / certainty marker.
//!
//! The word lists themselves live in [`crate::text::vocab`], the one place they are kept: the
//! framing profile counts them and these helpers label diff changes with them.

use super::DiffToken;
use crate::text::vocab::{attribution_verbs, boosters, hedges, markers::occurs_in};

/// The normalised words among `toks`.
fn words(toks: &[DiffToken]) -> Vec<&str> {
    toks.iter()
        .filter(|t| t.word)
        .map(|t| t.norm.as_str())
        .collect()
}

/// True when `toks` hold an attribution verb.
pub fn has_attribution(toks: &[DiffToken]) -> bool {
    occurs_in(&[attribution_verbs()], &words(toks))
}

/// True when `toks` hold a hedge or certainty marker.
pub fn has_hedge(toks: &[DiffToken]) -> bool {
    occurs_in(&[hedges(), boosters()], &words(toks))
}
