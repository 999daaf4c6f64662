//! The bundled background word-frequency table: how common a word is in English at large.
//!
//! The table (`assets/english/wordfreq.txt`, from the `wordfreq` project, data CC BY-SA 4.0, see
//! `assets/README.md`) lists about 30,000 frequent English words with their Zipf frequency
//! (log10 of occurrences per billion words: 7.7 for "the", 3 for the rarest listed words). The
//! build script (`build.rs`) turns it into a perfect-hash table from normalised word to Zipf
//! frequency compiled into the binary, so nothing is parsed or built at run time. A word missing
//! from the table is rarer than every listed word, or not English: names, numbers, foreign
//! words.

/// The table written by `build.rs` (`WORDFREQ`, the words, and `ZIPF`, their frequencies; see
/// [`super::table`]). Its values are data: 3.14 is a Zipf frequency, not π.
#[allow(clippy::approx_constant)]
mod table {
    use super::super::table::{Texts, Words};
    include!(concat!(env!("OUT_DIR"), "/wordfreq.rs"));
}

use table::{WORDFREQ, ZIPF};

/// Zipf frequency assumed for a word the table does not list (just below its rarest entry).
pub const UNLISTED_ZIPF: f32 = 2.8;

/// Zipf frequency of a normalised word ([`crate::text::tokens::normalize`]) in English at large,
/// or `None` when the table does not list it.
pub fn zipf(norm: &str) -> Option<f32> {
    WORDFREQ.slot(norm).map(|slot| ZIPF[slot])
}

/// How informative a word is by its background frequency (`zipf`, `None` when unlisted),
/// in `[0.05, 1.5]`: near zero for function words ("the", "of"), about 1 for ordinary content
/// words, highest for words the table does not list.
pub fn informativeness(zipf: Option<f32>) -> f32 {
    let z = zipf.unwrap_or(UNLISTED_ZIPF);
    ((7.3 - z) / 3.0).clamp(0.05, 1.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_is_in_the_map_with_its_first_value() {
        let src = include_str!("../../../assets/english/wordfreq.txt");
        let mut listed = std::collections::HashMap::new();
        for line in src.lines().filter(|l| !l.starts_with('#')) {
            let mut parts = line.split_ascii_whitespace();
            let Some(z) = parts.next().and_then(|z| z.parse::<f32>().ok()) else {
                continue;
            };
            for w in parts {
                listed.entry(w).or_insert(z);
            }
        }
        assert!(listed.len() > 25_000, "{}", listed.len());
        assert_eq!(WORDFREQ.len(), listed.len());
        for (w, z) in listed {
            assert_eq!(zipf(w), Some(z), "{w}");
        }
    }

    #[test]
    fn function_words_are_common_and_names_are_not_listed() {
        assert!(zipf("the").is_some_and(|z| z > 7.0));
        assert!(zipf("screenshot").is_some_and(|z| z < 4.5));
        assert_eq!(zipf("konashenkov"), None);
    }

    #[test]
    fn informativeness_orders_function_content_and_rare_words() {
        let the = informativeness(zipf("the"));
        let ministry = informativeness(zipf("ministry"));
        let rare = informativeness(zipf("konashenkov"));
        assert!(the < 0.1, "{the}");
        assert!(the < ministry && ministry < rare);
    }
}
