//! Stems worked out at build time: the build script (`build.rs`) stems every lower-case word
//! of the bundled frequency table and lexicon with the stemmer the program uses (the same
//! `rust-stemmers` version), and compiles the result into a perfect-hash map. Looking a word
//! up there costs a fraction of stemming it, and about nine words in ten of news text are
//! listed.

use super::table::{Texts, Words};

// `STEMMED` and `STEMS`: the words and their stems, made by the build script.
include!(concat!(env!("OUT_DIR"), "/stems.rs"));

/// The stem of the lower-case word `norm` when the bundled tables list it.
pub fn bundled_stem(norm: &str) -> Option<&'static str> {
    STEMMED.slot(norm).map(|slot| STEMS.get(slot))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_stems_are_the_stemmers() {
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        assert!(STEMMED.len() > 25_000);
        assert_eq!(STEMS.len(), STEMMED.len());
        for (word, stem) in STEMMED.words.iter().zip(STEMS.iter()) {
            assert_eq!(stemmer.stem(word), stem, "{word}");
            assert_eq!(bundled_stem(word), Some(stem), "{word}");
        }
        assert_eq!(bundled_stem("claimed"), Some("claim"));
        assert_eq!(bundled_stem("propaganda"), Some("propaganda"));
        assert_eq!(bundled_stem("zzzqx"), None);
    }
}
