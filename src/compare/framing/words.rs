//! Which attribution verbs and hedge / certainty markers a run of diff tokens holds.
//!
//! The word lists themselves live in [`crate::text::vocab`], the one place they are kept: the
//! framing profile counts them and these helpers label diff changes with them.

use super::DiffToken;
use crate::text::vocab::{attribution_verbs, boosters, hedges, markers::lemmas_in};

/// The normalised words among `toks`.
fn words(toks: &[DiffToken]) -> Vec<&str> {
    toks.iter()
        .filter(|t| t.word)
        .map(|t| t.norm.as_str())
        .collect()
}

/// The attribution verbs `toks` hold, by the form reports show (`said`, `claimed`), sorted.
pub fn attributions(toks: &[DiffToken]) -> Vec<&'static str> {
    lemmas_in(&[attribution_verbs()], &words(toks))
}

/// The hedges and certainty markers `toks` hold, by the form reports show, sorted.
pub fn hedges_in(toks: &[DiffToken]) -> Vec<&'static str> {
    lemmas_in(&[hedges(), boosters()], &words(toks))
}
