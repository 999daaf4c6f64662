//! The word lists that label framing changes: attribution verbs and hedges / certainty markers.
//!
//! Forms are normalised words ([`crate::text::tokens::normalize`]) listed explicitly rather than
//! stemmed, so that `states` (a noun) is not taken for `stated`. A multi-word form is its words
//! separated by single spaces (`according to`, `so called` for "so-called").

use super::DiffToken;

/// Verbs and phrases that attribute words to a source, in their inflected forms.
pub const ATTRIBUTION: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "telling",
    "stated",
    "stating",
    "claimed",
    "claims",
    "claim",
    "claiming",
    "alleged",
    "alleges",
    "allege",
    "alleging",
    "insisted",
    "insists",
    "insist",
    "insisting",
    "admitted",
    "admits",
    "admit",
    "admitting",
    "conceded",
    "concedes",
    "concede",
    "conceding",
    "asserted",
    "asserts",
    "assert",
    "asserting",
    "maintained",
    "maintains",
    "maintaining",
    "denied",
    "denies",
    "deny",
    "denying",
    "accused",
    "accuses",
    "accuse",
    "accusing",
    "acknowledged",
    "acknowledges",
    "acknowledge",
    "acknowledging",
    "argued",
    "argues",
    "argue",
    "arguing",
    "warned",
    "warns",
    "warn",
    "warning",
    "added",
    "adds",
    "noted",
    "notes",
    "explained",
    "explains",
    "announced",
    "announces",
    "reported",
    "reports",
    "confirmed",
    "confirms",
    "revealed",
    "reveals",
    "boasted",
    "boasts",
    "complained",
    "complains",
    "contended",
    "contends",
    "according to",
];

/// Hedges (the writer does not vouch for what follows) and certainty markers (the writer
/// does), including the modal verbs of possibility.
pub const HEDGES: &[&str] = &[
    "allegedly",
    "reportedly",
    "apparently",
    "purportedly",
    "supposedly",
    "ostensibly",
    "so called",
    "seemingly",
    "presumably",
    "possibly",
    "perhaps",
    "unconfirmed",
    "unverified",
    "may",
    "might",
    "could",
    "irrefutable",
    "irrefutably",
    "undeniable",
    "undeniably",
    "conclusive",
    "conclusively",
    "clearly",
    "obviously",
    "undoubtedly",
    "certainly",
    "definitely",
    "unquestionably",
    "indisputable",
    "indisputably",
    "in fact",
    "of course",
    "no doubt",
    "without doubt",
    "beyond doubt",
    "proven",
];

/// True when any form of `list` occurs among the words of `toks`.
pub fn contains_any(list: &[&str], toks: &[DiffToken]) -> bool {
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.word)
        .map(|t| t.norm.as_str())
        .collect();
    list.iter().any(|form| {
        let parts: Vec<&str> = form.split(' ').collect();
        words.windows(parts.len()).any(|w| w == parts.as_slice())
    })
}

/// True when `toks` hold an attribution verb.
pub fn has_attribution(toks: &[DiffToken]) -> bool {
    contains_any(ATTRIBUTION, toks)
}

/// True when `toks` hold a hedge or certainty marker.
pub fn has_hedge(toks: &[DiffToken]) -> bool {
    contains_any(HEDGES, toks)
}
