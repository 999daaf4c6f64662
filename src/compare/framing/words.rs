//! Which attribution verbs and hedge / certainty markers a run of diff tokens holds.
//!
//! The word lists themselves live in [`crate::text::vocab`], the one place they are kept: the
//! framing profile counts them and these helpers label diff changes with them.

use super::DiffToken;
use crate::text::vocab::markers::{lemmas_at, lemmas_in};
use crate::text::vocab::{attribution_verbs, boosters, hedges};

/// The normalised words among `toks`.
fn words(toks: &[DiffToken]) -> Vec<&str> {
    toks.iter()
        .filter(|t| t.word)
        .map(|t| t.norm.as_str())
        .collect()
}

/// True for a form of an attribution verb that is as often a noun ("harassment claims",
/// "rejected claims that …"): such a form reports speech only where the lexicon's entry for
/// the verb, which reads the word's part of speech from the words around it, finds the verb
/// ([`CLAIM_ENTRY`]). The framing labels and the framing profile both count it so.
pub fn also_a_noun(form: &str) -> bool {
    matches!(form, "claim" | "claims")
}

/// The lexicon entry whose hits tell where a form that is [`also_a_noun`] is the verb.
pub const CLAIM_ENTRY: &str = "claim";

/// The attribution verbs `toks` hold, by the form reports show (`said`, `claimed`), sorted.
/// A form that is also a noun ("claims") counts only where `verb` says it is the verb
/// ("Trump claims", not "harassment claims").
pub fn attributions(toks: &[DiffToken], verb: impl Fn(&DiffToken) -> bool) -> Vec<&'static str> {
    lemmas_in(&[attribution_verbs()], &verb_words(toks, verb))
}

/// The attribution verbs `toks` hold, as in [`attributions`], each with the tokens of `toks`
/// its form covers (from the first to the last word), in text order.
pub fn attributions_at(
    toks: &[DiffToken],
    verb: impl Fn(&DiffToken) -> bool,
) -> Vec<(&'static str, std::ops::Range<usize>)> {
    let at: Vec<usize> = (0..toks.len()).filter(|&k| toks[k].word).collect();
    lemmas_at(&[attribution_verbs()], &verb_words(toks, verb))
        .into_iter()
        .map(|(lemma, r)| (lemma, at[r.start]..at[r.end - 1] + 1))
        .collect()
}

/// The normalised words among `toks`, a form that is [`also_a_noun`] left blank where `verb`
/// does not find the verb, and so is a verb of saying in "-ing" right after "of": "accused the
/// senator of telling her …" reports a speech act as what someone is accused of, and the
/// verb that reports is "accused".
fn verb_words(toks: &[DiffToken], verb: impl Fn(&DiffToken) -> bool) -> Vec<&str> {
    let mut before = "";
    toks.iter()
        .filter(|t| t.word)
        .map(|t| {
            let w = t.norm.as_str();
            let reported = before == "of" && w.ends_with("ing");
            before = w;
            if (also_a_noun(w) && !verb(t)) || reported {
                ""
            } else {
                w
            }
        })
        .collect()
}

/// True when `verb` (a lemma, as [`attributions`] gives it) only reports that someone spoke:
/// one of them against another ("said" / "told reporters") is one way of reporting speech, not
/// a framing of it (`assets/english/attribution.txt`, fourth column).
pub fn is_neutral(verb: &str) -> bool {
    attribution_verbs()
        .iter()
        .any(|m| m.lemma() == verb && m.is_neutral())
}

/// The hedges and certainty markers `toks` hold, by the form reports show, sorted.
pub fn hedges_in(toks: &[DiffToken]) -> Vec<&'static str> {
    lemmas_in(&[hedges(), boosters()], &words(toks))
}
