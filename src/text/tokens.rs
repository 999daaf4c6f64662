//! Word tokens: UAX #29 words, case-folded and normalised, with English Snowball stems.
//!
//! Punctuation is never a token. Apostrophes are folded to `'` and a trailing possessive
//! (`ISIS'`, `Russia's`) is dropped from the normal form, so `Russia’s` and `Russia's` and
//! `Russia` all normalise to `russia`.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::Span;

/// One word of the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// The word as written.
    pub span: Span,
    /// Case-folded, apostrophe-normalised form without a possessive ending.
    pub norm: String,
    /// Snowball (English) stem of `norm`; numbers stem to themselves.
    pub stem: String,
    /// True when the word starts with an upper-case letter (names count for matching).
    pub capitalized: bool,
    /// True when the word contains a digit.
    pub numeric: bool,
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Case-fold and normalise one word: lower case, curly apostrophes folded to `'`,
/// possessive `'s` / trailing `'` removed.
pub fn normalize(word: &str) -> String {
    let mut s: String = word
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    if let Some(stripped) = s.strip_suffix("'s") {
        s.truncate(stripped.len());
    }
    while s.ends_with('\'') {
        s.pop();
    }
    s
}

/// Stem a normalised word with the same stemmer the text uses (so lexicons match inflections).
pub fn stem(norm: &str) -> String {
    if norm.chars().any(|c| c.is_ascii_digit()) {
        return norm.to_string();
    }
    stemmer().stem(norm).into_owned()
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
    let mut out = Vec::new();
    // Words repeat: each distinct word is stemmed once per text.
    let mut stems: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for (i, w) in text.unicode_word_indices() {
        let norm = normalize(w);
        if norm.is_empty() {
            continue;
        }
        let stem = match stems.get(&norm) {
            Some(s) => s.clone(),
            None => {
                let s = stem(&norm);
                stems.insert(norm.clone(), s.clone());
                s
            }
        };
        out.push(Token {
            span: Span::new(offset + i, offset + i + w.len()),
            capitalized: w.chars().next().is_some_and(char::is_uppercase),
            numeric: w.chars().any(|c| c.is_ascii_digit()),
            norm,
            stem,
        });
    }
    out
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

    #[test]
    fn inflections_share_a_stem() {
        assert_eq!(stem(&normalize("Claimed")), stem(&normalize("claims")));
        assert_eq!(stem_phrase("regime forces"), stem_phrase("Regime Force"));
    }

    #[test]
    fn spans_slice_back_to_the_word() {
        let text = "Col. Ryan Dillon said «about 50-kilometre»";
        for t in tokenize(text) {
            assert!(t.span.is_valid_in(text));
            assert_eq!(normalize(t.span.slice(text)), t.norm);
        }
    }
}
