//! Shared word lists: attribution verbs, hedges and certainty markers.
//!
//! These are the one place the engine keeps them; the framing profile counts them and the framing
//! diff labels changes with them. Each [`Marker`] names the form a report shows (`claimed`) and
//! the normalised word sequences that count as it (`claim`, `claims`, `claimed`, `claiming`).
//! Forms are listed explicitly instead of stemmed, because stems conflate words a reader would
//! keep apart: `stated` is listed but `states` is not, which would count the United States.

use crate::text::Token;

/// One item of a word list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    /// The form reports show, e.g. `claimed`.
    pub lemma: &'static str,
    /// Normalised forms (see [`crate::text::tokens::normalize`]); a multi-word form is its
    /// words separated by single spaces (`so called` for "so-called").
    pub forms: &'static [&'static str],
}

const fn m(lemma: &'static str, forms: &'static [&'static str]) -> Marker {
    Marker { lemma, forms }
}

/// Verbs (and the phrase "according to") that attribute words to a source. The neutral ones
/// (`said`, `told`, `according to`) are listed with the loaded ones (`claimed`, `insisted`,
/// `admitted`) so the profile shows the balance between them.
pub const ATTRIBUTION_VERBS: &[Marker] = &[
    m("said", &["said", "says", "say", "saying"]),
    m("told", &["told", "tells", "tell", "telling"]),
    m("stated", &["stated", "stating"]),
    m("according to", &["according to"]),
    m("added", &["added", "adds", "adding"]),
    m("noted", &["noted", "notes", "noting"]),
    m("explained", &["explained", "explains", "explaining"]),
    m("announced", &["announced", "announces", "announcing"]),
    m("reported", &["reported", "reports"]),
    m("claimed", &["claimed", "claims", "claim", "claiming"]),
    m("alleged", &["alleged", "alleges", "allege", "alleging"]),
    m("insisted", &["insisted", "insists", "insist", "insisting"]),
    m("admitted", &["admitted", "admits", "admit", "admitting"]),
    m(
        "conceded",
        &["conceded", "concedes", "concede", "conceding"],
    ),
    m("asserted", &["asserted", "asserts", "assert", "asserting"]),
    m("maintained", &["maintained", "maintains", "maintaining"]),
    m("denied", &["denied", "denies", "deny", "denying"]),
    m("accused", &["accused", "accuses", "accuse", "accusing"]),
    m(
        "acknowledged",
        &[
            "acknowledged",
            "acknowledges",
            "acknowledge",
            "acknowledging",
        ],
    ),
    m("argued", &["argued", "argues", "argue", "arguing"]),
    m("warned", &["warned", "warns", "warn"]),
    m(
        "confirmed",
        &["confirmed", "confirms", "confirm", "confirming"],
    ),
    m("revealed", &["revealed", "reveals", "reveal", "revealing"]),
    m("boasted", &["boasted", "boasts", "boast", "boasting"]),
    m(
        "complained",
        &["complained", "complains", "complain", "complaining"],
    ),
    m(
        "contended",
        &["contended", "contends", "contend", "contending"],
    ),
];

/// Hedges and distancing markers: the writer does not vouch for what follows.
pub const HEDGES: &[Marker] = &[
    m("allegedly", &["allegedly"]),
    m("reportedly", &["reportedly"]),
    m("apparently", &["apparently"]),
    m("purportedly", &["purportedly"]),
    m("supposedly", &["supposedly"]),
    m("ostensibly", &["ostensibly"]),
    m("so-called", &["so called"]),
    m("seemingly", &["seemingly"]),
    m("presumably", &["presumably"]),
    m("possibly", &["possibly"]),
    m("perhaps", &["perhaps"]),
    m("unconfirmed", &["unconfirmed"]),
    m("unverified", &["unverified"]),
    m("it is claimed", &["it is claimed"]),
    m("it appears", &["it appears"]),
];

/// Certainty markers: the writer vouches for what follows.
pub const CERTAINTY: &[Marker] = &[
    m("irrefutable", &["irrefutable"]),
    m("undeniable", &["undeniable", "undeniably"]),
    m("conclusive", &["conclusive", "conclusively"]),
    m("clearly", &["clearly"]),
    m("obviously", &["obviously"]),
    m("undoubtedly", &["undoubtedly"]),
    m("certainly", &["certainly"]),
    m("definitely", &["definitely"]),
    m("unquestionably", &["unquestionably"]),
    m("indisputable", &["indisputable", "indisputably"]),
    m("in fact", &["in fact"]),
    m("of course", &["of course"]),
    m("no doubt", &["no doubt"]),
    m("without doubt", &["without doubt", "without a doubt"]),
    m("proof", &["proof"]),
    m("proven", &["proven"]),
    m("beyond doubt", &["beyond doubt"]),
];

/// The longest form of any marker in `list` starting at token `i`: the marker and the number
/// of tokens it covers.
pub fn marker_at(
    list: &'static [Marker],
    tokens: &[Token],
    i: usize,
) -> Option<(&'static Marker, usize)> {
    let first = tokens.get(i)?.norm.as_bytes();
    let mut best: Option<(&'static Marker, usize)> = None;
    for marker in list {
        for form in marker.forms {
            // Nearly every form fails on its first word: compare that before splitting it.
            let f = form.as_bytes();
            if !(f.starts_with(first) && f.get(first.len()).is_none_or(|&b| b == b' ')) {
                continue;
            }
            let n = form_matches(form, tokens, i);
            if n > 0 && best.is_none_or(|(_, len)| n > len) {
                best = Some((marker, n));
            }
        }
    }
    best
}

/// Number of tokens `form` covers at token `i`, or 0 when it does not match there.
fn form_matches(form: &str, tokens: &[Token], i: usize) -> usize {
    let mut n = 0;
    for word in form.split(' ') {
        match tokens.get(i + n) {
            Some(t) if t.norm == word => n += 1,
            _ => return 0,
        }
    }
    n
}

/// Every marker of `list` in `tokens`, as (marker, first token, token count), without overlaps.
pub fn find_markers(
    list: &'static [Marker],
    tokens: &[Token],
) -> Vec<(&'static Marker, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((marker, n)) = marker_at(list, tokens, i) {
            out.push((marker, i, n));
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::{normalize, tokenize};

    #[test]
    fn forms_are_normalised_and_unique() {
        for list in [ATTRIBUTION_VERBS, HEDGES, CERTAINTY] {
            let mut all = std::collections::BTreeSet::new();
            for marker in list {
                for form in marker.forms {
                    for w in form.split(' ') {
                        assert_eq!(normalize(w), w, "form {form:?} is not normalised");
                    }
                    assert!(all.insert(*form), "form {form:?} listed twice");
                }
            }
        }
    }

    #[test]
    fn so_called_and_according_to_match_as_phrases() {
        let toks = tokenize("The so-called experts, according to the ministry, insisted.");
        let found: Vec<_> = find_markers(HEDGES, &toks)
            .iter()
            .map(|m| m.0.lemma)
            .collect();
        assert_eq!(found, ["so-called"]);
        let found: Vec<_> = find_markers(ATTRIBUTION_VERBS, &toks)
            .iter()
            .map(|m| m.0.lemma)
            .collect();
        assert_eq!(found, ["according to", "insisted"]);
    }

    #[test]
    fn states_is_not_stated() {
        let toks = tokenize("The United States and the Islamic State");
        assert!(find_markers(ATTRIBUTION_VERBS, &toks).is_empty());
    }
}
