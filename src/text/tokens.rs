//! Word tokens: the words of a text in their normal form ([`super::normalize`]), with English
//! Snowball stems.
//!
//! Punctuation is never a token, and neither is an honorific ("Mr.", "Ms."): matching leaves it
//! out. A token's `norm` is the normal form every comparison stage matches words by, so
//! `Russia’s`, `Russia's` and `Russia` are all `russia`, "F.B.I." and "FBI" are `fbi`, "Gen." and
//! "General" are `general`, and "per cent" (one token spanning both words) is `percent`.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use unicode_segmentation::UnicodeSegmentation;

use super::Span;

/// One word of the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// The word as written.
    pub span: Span,
    /// The normal form ([`super::normalize`]): case-folded, apostrophes folded, possessive
    /// dropped, acronyms undotted, abbreviations as their full forms, numbers as digits,
    /// American spelling.
    pub norm: Form,
    /// Snowball (English) stem of `norm`; numbers and capitalised acronyms ("US") stem to
    /// themselves.
    pub stem: Form,
    /// True when the word starts with an upper-case letter (names count for matching).
    pub capitalized: bool,
    /// True when the word contains a digit.
    pub numeric: bool,
}

/// A word form (a token's normal form or stem): an immutable string that every token of one
/// written word shares, so a text's repeated words are not copied once per token. It reads,
/// compares, hashes, orders and serialises exactly like the `str` it holds.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Form(Arc<str>);

impl Form {
    /// The form as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Form {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Form {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Form {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Form {
    fn from(s: &str) -> Self {
        Form(s.into())
    }
}

impl From<String> for Form {
    fn from(s: String) -> Self {
        Form(s.into())
    }
}

impl From<Form> for String {
    fn from(f: Form) -> Self {
        f.as_str().to_string()
    }
}

impl PartialEq<str> for Form {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Form {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Form {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Form> for str {
    fn eq(&self, other: &Form) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Form> for &str {
    fn eq(&self, other: &Form) -> bool {
        *self == other.as_str()
    }
}

impl fmt::Debug for Form {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Form {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl Serialize for Form {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Form {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Form::from)
    }
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The normal form of one word as written, without its context ([`super::normalize::word_key`]).
pub fn normalize(word: &str) -> String {
    super::normalize::word_key(word)
}

/// Stem a normalised word with the same stemmer the text uses (so lexicons match inflections).
pub fn stem(norm: &str) -> String {
    stem_of(norm).into_owned()
}

/// [`stem`], borrowed where the stem is the word itself or a bundled one.
fn stem_of(norm: &str) -> std::borrow::Cow<'_, str> {
    if norm.chars().any(|c| c.is_ascii_digit() || c.is_uppercase()) {
        return norm.into();
    }
    if let Some(stem) = super::vocab::stems::bundled_stem(norm) {
        return stem.into();
    }
    stemmer().stem(norm)
}

/// The stem of the normal form `norm`, sharing `norm` itself when it is its own stem.
fn stem_form(norm: &Form) -> Form {
    let s = stem_of(norm);
    if s == norm.as_str() {
        norm.clone()
    } else {
        Form::from(&*s)
    }
}

/// Normalise and stem every word of a phrase, in order (for lexicon entries and queries).
pub fn stem_phrase(phrase: &str) -> Vec<String> {
    phrase
        .unicode_words()
        .map(|w| stem(&normalize(w)))
        .filter(|s| !s.is_empty())
        .collect()
}

/// All word tokens of `text`, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_at(text, 0)
}

/// Word tokens of `text`, with spans shifted by `offset` (for tokenising a slice of a larger
/// text).
pub fn tokenize_at(text: &str, offset: usize) -> Vec<Token> {
    let words: Vec<(usize, &str)> = text.unicode_word_indices().collect();
    tokens_and_honorifics(text, &words, offset).0
}

/// Word tokens of `text` (spans shifted by `offset`) already split into its UAX #29 `words`
/// (`unicode_word_indices`), and the spans of the honorifics left out of them.
pub fn tokens_and_honorifics(
    text: &str,
    words: &[(usize, &str)],
    offset: usize,
) -> (Vec<Token>, Vec<Span>) {
    let normal = super::normalize::normal_words_seen(text, words, offset);
    let mut out = Vec::with_capacity(normal.words.len());
    // Words repeat: each distinct written word is stemmed once per text, by the index the
    // normal forms were looked up by (the normal form alone decides the stem).
    let mut stems: Vec<Option<Form>> = vec![None; normal.distinct];
    for (w, seen) in normal.words.into_iter().zip(normal.seen) {
        let stem = match seen {
            Some(id) => stems[id as usize]
                .get_or_insert_with(|| stem_form(&w.key))
                .clone(),
            None => stem_form(&w.key),
        };
        out.push(Token {
            span: w.span,
            capitalized: w.capitalized,
            numeric: w.key.bytes().any(|b| b.is_ascii_digit()),
            norm: w.key,
            stem,
        });
    }
    (out, normal.honorifics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives_and_curly_apostrophes_fold_together() {
        let toks = tokenize("Russia’s ISIS' Russia's don’t");
        let norms: Vec<_> = toks.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, ["russia", "isis", "russia", "don't"]);
    }

    /// A form compares, orders, looks up and serialises as the string it holds.
    #[test]
    fn forms_read_like_strings() {
        let said = Form::from("said");
        assert_eq!(said, "said");
        assert_eq!(said.as_str(), "said");
        let (ab, b) = (Form::from("ab"), Form::from("b"));
        assert!(ab < b);
        let set: std::collections::HashSet<Form> = [said.clone()].into();
        assert!(set.contains("said"));
        assert_eq!(serde_json::to_string(&said).unwrap(), "\"said\"");
        let back: Form = serde_json::from_str("\"said\"").unwrap();
        assert_eq!(back, said);
        assert_eq!(format!("{said} {said:?}"), "said \"said\"");
    }

    #[test]
    fn inflections_share_a_stem() {
        assert_eq!(stem(&normalize("Claimed")), stem(&normalize("claims")));
        assert_eq!(stem_phrase("regime forces"), stem_phrase("Regime Force"));
    }

    /// Every token's stem is its normal form's, whichever way the normal form was reached
    /// (one written word in any case, a full form, a compound, a time, a percent sign).
    #[test]
    fn each_token_stems_its_normal_form() {
        let text = "Claims CLAIMS claims; Gen. Ford and General Ford. Per cent, 25% at 5pm \
                    and 9:24 p.m., health care, twenty-three e-mails. Organisations organise.";
        let toks = tokenize(text);
        assert!(toks.len() > 20);
        for t in &toks {
            assert_eq!(t.stem, stem(&t.norm), "{t:?}");
        }
        let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        for n in [
            "general",
            "percent",
            "healthcare",
            "23",
            "emails",
            "5",
            "pm",
        ] {
            assert!(norms.contains(&n), "{n} in {norms:?}");
        }
    }

    #[test]
    fn spans_slice_back_to_the_word() {
        let text = "Col. Ryan Dillon said «about 50-kilometre»";
        let toks = tokenize(text);
        let words: Vec<(&str, &str)> = toks
            .iter()
            .map(|t| (t.span.slice(text), t.norm.as_str()))
            .collect();
        assert_eq!(
            words,
            [
                ("Col", "colonel"),
                ("Ryan", "ryan"),
                ("Dillon", "dillon"),
                ("said", "said"),
                ("about", "about"),
                ("50", "50"),
                ("kilometre", "kilometer"),
            ]
        );
    }
}
