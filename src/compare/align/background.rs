//! The bundled background word-frequency table: how common a word is in English at large.
//!
//! The table (`assets/wordfreq_en.txt`, from the `wordfreq` project, data CC BY-SA 4.0, see
//! `assets/README.md`) lists about 30,000 frequent English words with their Zipf frequency
//! (log10 of occurrences per billion words: 7.7 for "the", 3 for the rarest listed words). It is
//! parsed once, on first use, into a map from Snowball stem to the Zipf frequency of all the
//! stem's listed forms together. A stem missing from the table is rarer than every listed word,
//! or not English: names, numbers, foreign words.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::tokens;

const TABLE: &str = include_str!("../../../assets/wordfreq_en.txt");

/// Zipf frequency assumed for a stem the table does not list (just below its rarest entry).
pub const UNLISTED_ZIPF: f32 = 2.8;

fn table() -> &'static HashMap<String, f32> {
    static MAP: OnceLock<HashMap<String, f32>> = OnceLock::new();
    MAP.get_or_init(|| parse(TABLE))
}

/// Parse the table format: `#` comment lines, then lines of a Zipf value followed by the
/// words with that value. Frequencies of words sharing a stem are added up.
fn parse(src: &str) -> HashMap<String, f32> {
    let mut per_billion: HashMap<String, f64> = HashMap::new();
    for line in src.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_ascii_whitespace();
        let Some(zipf) = parts.next().and_then(|z| z.parse::<f64>().ok()) else {
            continue;
        };
        let freq = 10f64.powf(zipf);
        for word in parts {
            let stem = tokens::stem(&tokens::normalize(word));
            if !stem.is_empty() {
                *per_billion.entry(stem).or_insert(0.0) += freq;
            }
        }
    }
    per_billion
        .into_iter()
        .map(|(stem, f)| (stem, f.log10() as f32))
        .collect()
}

/// Zipf frequency of `stem` in English at large, or `None` when the table does not list it.
pub fn zipf(stem: &str) -> Option<f32> {
    table().get(stem).copied()
}

/// How informative a stem is by its background frequency, roughly in `[0.05, 1.5]`: near zero
/// for function words ("the", "of"), about 1 for ordinary content words, highest for words the
/// table does not list.
pub fn informativeness(stem: &str) -> f32 {
    let z = zipf(stem).unwrap_or(UNLISTED_ZIPF);
    ((7.3 - z) / 3.0).clamp(0.05, 1.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_common_and_names_are_not_listed() {
        assert!(zipf("the").is_some_and(|z| z > 7.0));
        assert!(zipf(&tokens::stem("screenshot")).is_some_and(|z| z < 4.5));
        assert_eq!(zipf("konashenkov"), None);
    }

    #[test]
    fn inflections_share_one_entry() {
        let said = zipf(&tokens::stem("said"));
        let says = zipf(&tokens::stem("says"));
        assert!(said.is_some() && says.is_some());
        assert!(zipf(&tokens::stem("claims")) == zipf(&tokens::stem("claimed")));
    }

    #[test]
    fn informativeness_orders_function_content_and_rare_words() {
        let the = informativeness("the");
        let ministry = informativeness(&tokens::stem("ministry"));
        let rare = informativeness("konashenkov");
        assert!(the < 0.1, "{the}");
        assert!(the < ministry && ministry < rare);
    }
}
