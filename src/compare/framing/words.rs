//! Which changed stretches hold an attribution verb or a hedge / certainty marker.
//!
//! The word lists themselves live in [`crate::compare::lexicon::markers`], the one place the
//! engine keeps them: the framing profile counts them and these helpers label diff changes
//! with them.

use super::DiffToken;
use crate::compare::lexicon::markers::{ATTRIBUTION_VERBS, CERTAINTY, HEDGES, Marker};

/// True when any form of a marker in `lists` occurs among the words of `toks`.
pub fn contains_any(lists: &[&[Marker]], toks: &[DiffToken]) -> bool {
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.word)
        .map(|t| t.norm.as_str())
        .collect();
    lists
        .iter()
        .flat_map(|list| list.iter())
        .flat_map(|marker| marker.forms.iter())
        .any(|form| {
            let parts: Vec<&str> = form.split(' ').collect();
            words.windows(parts.len()).any(|w| w == parts.as_slice())
        })
}

/// True when `toks` hold an attribution verb.
pub fn has_attribution(toks: &[DiffToken]) -> bool {
    contains_any(&[ATTRIBUTION_VERBS], toks)
}

/// True when `toks` hold a hedge or certainty marker.
pub fn has_hedge(toks: &[DiffToken]) -> bool {
    contains_any(&[HEDGES, CERTAINTY], toks)
}
