//! Build script: turns the bundled word-frequency table (`assets/english/wordfreq.txt`) and the
//! synonym table (`assets/synonyms_en.txt`) into perfect-hash maps compiled into the binary, so
//! that no run parses a table or builds a hash map from it at start-up (see
//! `src/text/vocab/wordfreq.rs` and `src/compare/align/synonyms.rs`); and stems, with the
//! stemmer the program uses, every word of the frequency table and of the bundled lexicon
//! (`src/text/vocab/stems.rs`), so that most words are stemmed by one look-up.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

const WORDFREQ: &str = "assets/english/wordfreq.txt";
const SYNONYMS: &str = "assets/synonyms_en.txt";
const LEXICON: &str = "assets/lexicon.toml";

fn main() {
    wordfreq();
    synonyms();
    stems();
}

/// `$OUT_DIR/wordfreq.rs`: the Zipf frequency of every word of the table.
fn wordfreq() {
    println!("cargo::rerun-if-changed={WORDFREQ}");
    let src = std::fs::read_to_string(WORDFREQ).expect("read the word-frequency table");
    // The table format: `#` comment lines, then lines of a Zipf value followed by the words
    // with that value. A word listed twice keeps its first (highest) value.
    let mut seen = HashSet::new();
    let mut map = phf_codegen::Map::new();
    for line in src.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_ascii_whitespace();
        let Some(zipf) = parts.next().and_then(|z| z.parse::<f32>().ok()) else {
            continue;
        };
        for word in parts {
            if seen.insert(word) {
                map.entry(word, format!("{zipf:?}f32"));
            }
        }
    }
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("wordfreq.rs");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&out).expect("create"));
    writeln!(
        file,
        "/// Zipf frequency of every word of the bundled table.\n\
         pub(super) static WORDFREQ: phf::Map<&'static str, f32> = {};",
        map.build()
    )
    .expect("write");
}

/// `$OUT_DIR/synonyms.rs`: the synset numbers of every stem of the synonym table. The table
/// format: `#` comment lines, then a stem and its synset numbers per line; a stem without
/// numbers is left out, and a stem listed twice keeps its last line.
fn synonyms() {
    println!("cargo::rerun-if-changed={SYNONYMS}");
    let src = std::fs::read_to_string(SYNONYMS).expect("read the synonym table");
    let mut table = std::collections::BTreeMap::new();
    for line in src.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_ascii_whitespace();
        let Some(stem) = parts.next() else {
            continue;
        };
        let ids: Vec<u32> = parts.filter_map(|p| p.parse().ok()).collect();
        if !ids.is_empty() {
            table.insert(stem, ids);
        }
    }
    let mut map = phf_codegen::Map::new();
    for (stem, ids) in &table {
        map.entry(*stem, format!("&{ids:?}"));
    }
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("synonyms.rs");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&out).expect("create"));
    writeln!(
        file,
        "/// The synsets of every stem of the bundled table.\n\
         static SYNSETS: phf::Map<&'static str, &'static [u32]> = {};",
        map.build()
    )
    .expect("write");
}

/// `$OUT_DIR/stems.rs`: the English Snowball stem of every lower-case word of the frequency
/// table and of every run of lower-case ASCII letters in the lexicon file (its terms and sense
/// rules among them; the other words cost nothing but a table entry). Words with a digit or an
/// upper-case letter are left out: the program does not stem them.
fn stems() {
    println!("cargo::rerun-if-changed={WORDFREQ}");
    println!("cargo::rerun-if-changed={LEXICON}");
    let freq = std::fs::read_to_string(WORDFREQ).expect("read the word-frequency table");
    let lexicon = std::fs::read_to_string(LEXICON).expect("read the lexicon");
    let mut words = std::collections::BTreeSet::new();
    for line in freq.lines().filter(|l| !l.starts_with('#')) {
        words.extend(line.split_ascii_whitespace().skip(1));
    }
    for line in lexicon.lines() {
        let lower = line.to_lowercase();
        for w in lower.split(|c: char| !c.is_ascii_lowercase()) {
            if !w.is_empty() {
                words.insert(leak(w.to_string()));
            }
        }
    }
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut map = phf_codegen::Map::new();
    for w in words {
        if w.chars().any(|c| c.is_ascii_digit() || c.is_uppercase()) {
            continue;
        }
        map.entry(w, format!("{:?}", stemmer.stem(w)));
    }
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("stems.rs");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&out).expect("create"));
    writeln!(
        file,
        "/// The stem of every word of the bundled tables.\n\
         static STEMS: phf::Map<&'static str, &'static str> = {};",
        map.build()
    )
    .expect("write");
}

/// A string that lives as long as the build script, for the word sets above.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}
