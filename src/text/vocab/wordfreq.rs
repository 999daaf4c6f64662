//! The bundled background word-frequency table: how common a word is in English at large.
//!
//! The table (`assets/english/wordfreq.txt`, from the `wordfreq` project, data CC BY-SA 4.0, see
//! `assets/README.md`) lists about 30,000 frequent English words with their Zipf frequency
//! (log10 of occurrences per billion words: 7.7 for "the", 3 for the rarest listed words). It is
//! parsed once, on first use, into a map from normalised word to Zipf frequency. A word missing
//! from the table is rarer than every listed word, or not English: names, numbers, foreign
//! words.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../assets/english/wordfreq.txt");

/// Zipf frequency assumed for a word the table does not list (just below its rarest entry).
pub const UNLISTED_ZIPF: f32 = 2.8;

fn table() -> &'static HashMap<&'static str, f32> {
    static MAP: OnceLock<HashMap<&'static str, f32>> = OnceLock::new();
    MAP.get_or_init(|| parse(TABLE))
}

/// Parse the table format: `#` comment lines, then lines of a Zipf value followed by the
/// words with that value.
fn parse(src: &'static str) -> HashMap<&'static str, f32> {
    let mut out = HashMap::new();
    for line in src.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_ascii_whitespace();
        let Some(zipf) = parts.next().and_then(|z| z.parse::<f32>().ok()) else {
            continue;
        };
        for word in parts {
            out.entry(word).or_insert(zipf);
        }
    }
    out
}

/// Zipf frequency of a normalised word ([`crate::text::tokens::normalize`]) in English at large,
/// or `None` when the table does not list it.
pub fn zipf(norm: &str) -> Option<f32> {
    table().get(norm).copied()
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
