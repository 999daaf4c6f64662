//! Related words for sentence alignment: WordNet synonyms and demonyms.
//!
//! The synonym table (`assets/synonyms_en.txt`, derived from WordNet 3.0 by
//! `examples/make_synonyms.rs`; licence in `assets/README.md`) maps about 6,000 stems of common
//! English words to the WordNet synsets of their most frequent senses ("fire",
//! "sack" and "dismiss" share the sense *terminate the employment of*; "help" and "aid" share
//! *give help or assistance*). The build script compiles it into a perfect-hash map, so no run parses it, and
//! nothing is fetched at run time. Only common words are listed, so names never become synonyms.
//!
//! [`demonym_base`] links a people's or language's adjective to its place ("Russian" →
//! "russia", "Syrian" → "syria", "Iranian" → "iran") by spelling, when both forms occur.

use crate::text::vocab::table::{Texts, Words, item_range};

// `SYNONYM_STEMS`, `SYNSET_IDS` and `SYNSET_ENDS`: the table, made by the build script
// (`build.rs`).
include!(concat!(env!("OUT_DIR"), "/synonyms.rs"));

/// The synsets of a stem ([`crate::text::tokens::stem`]) in its frequent senses, or an empty
/// slice when the table does not list it.
pub fn synsets(stem: &str) -> &'static [u32] {
    SYNONYM_STEMS
        .slot(stem)
        .map_or(&[], |slot| &SYNSET_IDS[item_range(&SYNSET_ENDS, slot)])
}

/// Demonym endings, longest first, with what replaces them to spell the place:
/// "russian" → "russia", "iranian" → "iran", "canadian" → "canada", "israeli" → "israel",
/// "chinese" → "china".
const DEMONYM_ENDINGS: [(&str, &[&str]); 4] = [
    ("ian", &["ia", "", "a", "y"]),
    ("ese", &["a", ""]),
    ("an", &["a", ""]),
    ("i", &[""]),
];

/// The places a lower-case word may be the demonym of, by spelling: candidates only, to be
/// linked when the other spelling occurs too.
pub fn demonym_base(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (ending, replacements) in DEMONYM_ENDINGS {
        if let Some(root) = word.strip_suffix(ending)
            && root.chars().count() >= 3
        {
            for r in replacements {
                out.push(format!("{root}{r}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::{normalize, stem};

    fn shares(x: &str, y: &str) -> bool {
        let (sx, sy) = (synsets(&stem(&normalize(x))), synsets(&stem(&normalize(y))));
        sx.iter().any(|id| sy.contains(id))
    }

    #[test]
    fn frequent_senses_are_linked() {
        assert!(shares("fired", "dismissed"));
        assert!(shares("sacked", "dismissed"));
        assert!(shares("helped", "aid"));
    }

    #[test]
    fn unrelated_words_and_names_are_not() {
        assert!(!shares("fired", "hearing"));
        assert!(synsets("strzok").is_empty());
        assert!(synsets("").is_empty());
    }

    #[test]
    fn demonyms_name_their_places() {
        assert!(demonym_base("russian").contains(&"russia".to_string()));
        assert!(demonym_base("iranian").contains(&"iran".to_string()));
        assert!(demonym_base("canadian").contains(&"canada".to_string()));
        assert!(demonym_base("israeli").contains(&"israel".to_string()));
        assert!(demonym_base("chinese").contains(&"china".to_string()));
        assert!(demonym_base("an").is_empty());
    }
}
