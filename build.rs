//! Build script: turns the bundled word-frequency table (`assets/english/wordfreq.txt`), the
//! synonym table (`assets/synonyms_en.txt`) and the abbreviations
//! (`assets/english/abbreviations.txt`) into perfect-hash maps compiled into the binary, so
//! that no run parses a table or builds a hash map from it at start-up (see
//! `src/text/vocab/wordfreq.rs`, `src/compare/align/synonyms.rs` and `src/text/abbrev.rs`);
//! and stems, with the
//! stemmer the program uses, every word of the frequency table and of the bundled lexicon
//! (`src/text/vocab/stems.rs`), so that most words are stemmed by one look-up.
//!
//! Each table is a perfect-hash table in the form of `src/text/vocab/table.rs`: the words end
//! to end in one string, the values in arrays of their own, so that the binary holds no
//! pointer per word for the dynamic loader to relocate at every start.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

const WORDFREQ: &str = "assets/english/wordfreq.txt";
const SYNONYMS: &str = "assets/synonyms_en.txt";
const LEXICON: &str = "assets/lexicon.toml";
const ABBREVIATIONS: &str = "assets/english/abbreviations.txt";

fn main() {
    wordfreq();
    synonyms();
    stems();
    abbreviations();
}

/// `$OUT_DIR/wordfreq.rs`: the Zipf frequency of every word of the table.
fn wordfreq() {
    println!("cargo::rerun-if-changed={WORDFREQ}");
    let src = std::fs::read_to_string(WORDFREQ).expect("read the word-frequency table");
    // The table format: `#` comment lines, then lines of a Zipf value followed by the words
    // with that value. A word listed twice keeps its first (highest) value.
    let mut seen = HashSet::new();
    let (mut words, mut zipfs) = (Vec::new(), Vec::new());
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
                words.push(word);
                zipfs.push(zipf);
            }
        }
    }
    let mut file = create("wordfreq.rs");
    let order = word_table(
        &mut file,
        "WORDFREQ",
        "The words of the bundled frequency table.",
        &words,
    );
    let zipfs: Vec<String> = order.iter().map(|&i| format!("{:?}", zipfs[i])).collect();
    writeln!(
        file,
        "/// The Zipf frequency of each word of [`WORDFREQ`], in slot order.\n\
         pub(super) static ZIPF: [f32; {}] = [{}];",
        zipfs.len(),
        zipfs.join(", ")
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
    let stems: Vec<&str> = table.keys().copied().collect();
    let mut file = create("synonyms.rs");
    let order = word_table(
        &mut file,
        "SYNONYM_STEMS",
        "The stems of the bundled synonym table.",
        &stems,
    );
    let (mut ids, mut ends) = (Vec::new(), Vec::new());
    for &i in &order {
        ids.extend_from_slice(&table[stems[i]]);
        ends.push(ids.len());
    }
    writeln!(
        file,
        "/// The synsets of each stem of [`SYNONYM_STEMS`], in slot order: the stem in slot `i` \
         has `SYNSET_IDS[SYNSET_ENDS[i - 1]..SYNSET_ENDS[i]]`.\n\
         static SYNSET_IDS: [u32; {}] = {ids:?};\n\
         static SYNSET_ENDS: [u32; {}] = {ends:?};",
        ids.len(),
        ends.len(),
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
    let words: Vec<&str> = words
        .into_iter()
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit() || c.is_uppercase()))
        .collect();
    let mut file = create("stems.rs");
    let order = word_table(
        &mut file,
        "STEMMED",
        "The words whose stems are listed.",
        &words,
    );
    let (mut text, mut ends) = (String::new(), Vec::new());
    for &i in &order {
        text.push_str(&stemmer.stem(words[i]));
        ends.push(u32::try_from(text.len()).expect("under 4 GB"));
    }
    writeln!(
        file,
        "/// The stem of each word of [`STEMMED`], in slot order.\n\
         static STEMS: Texts = Texts {{ text: {text:?}, ends: &{ends:?} }};"
    )
    .expect("write");
}

/// `$OUT_DIR/abbreviations.rs`: the abbreviations with their groups and full forms, and the
/// sentence starters. The file format (its header documents it): `#` comment lines, `[group]`
/// lines starting a group, then one entry per line, `word` or `word = full form`. Entries of
/// an unknown group are skipped; the first entry for a spelling wins.
fn abbreviations() {
    println!("cargo::rerun-if-changed={ABBREVIATIONS}");
    let src = std::fs::read_to_string(ABBREVIATIONS).expect("read the abbreviations");
    // The section being read: a group of abbreviations (its `Group` variant), the starters,
    // or an unknown section.
    enum Section {
        Abbreviations(&'static str),
        Starters,
        Unknown,
    }
    let mut section = Section::Unknown;
    let (mut words, mut groups, mut fulls) = (Vec::new(), Vec::new(), Vec::new());
    let mut starters = Vec::new();
    let (mut seen, mut seen_starters) = (HashSet::new(), HashSet::new());
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = match name {
                "honorific" => Section::Abbreviations("Honorific"),
                "title" => Section::Abbreviations("Title"),
                "inner" => Section::Abbreviations("Inner"),
                "number" => Section::Abbreviations("Number"),
                "month" => Section::Abbreviations("Month"),
                "place" => Section::Abbreviations("Place"),
                "time" => Section::Abbreviations("Time"),
                "suffix" => Section::Abbreviations("Suffix"),
                "starter" => Section::Starters,
                _ => Section::Unknown,
            };
            continue;
        }
        let (word, full) = match line.split_once('=') {
            Some((w, f)) => (w.trim(), f.trim()),
            None => (line, ""),
        };
        match section {
            Section::Abbreviations(group) if seen.insert(word) => {
                words.push(word);
                groups.push(group);
                fulls.push(full);
            }
            Section::Starters if seen_starters.insert(word) => starters.push(word),
            _ => {}
        }
    }
    let mut file = create("abbreviations.rs");
    let order = word_table(
        &mut file,
        "ABBREVIATIONS",
        "The abbreviations, as written without their final full stop.",
        &words,
    );
    let groups: Vec<String> = order
        .iter()
        .map(|&i| format!("Group::{}", groups[i]))
        .collect();
    let (mut text, mut ends) = (String::new(), Vec::new());
    for &i in &order {
        text.push_str(fulls[i]);
        ends.push(u32::try_from(text.len()).expect("under 4 GB"));
    }
    writeln!(
        file,
        "/// The group of each of [`ABBREVIATIONS`], in slot order.\n\
         static GROUPS: [Group; {}] = [{}];\n\
         /// The full form of each of [`ABBREVIATIONS`], in slot order; empty when it has none.\n\
         static FULL: Texts = Texts {{ text: {text:?}, ends: &{ends:?} }};",
        groups.len(),
        groups.join(", ")
    )
    .expect("write");
    word_table(
        &mut file,
        "STARTERS",
        "The words that start a sentence after an abbreviation that can end one.",
        &starters,
    );
}

/// `$OUT_DIR/<name>`, created for writing.
fn create(name: &str) -> std::io::BufWriter<std::fs::File> {
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("OUT_DIR")).join(name);
    std::io::BufWriter::new(std::fs::File::create(&out).expect("create"))
}

/// Write `static <name>: Words` (`src/text/vocab/table.rs`), the perfect-hash table of `words`,
/// and return the slot order: the word in slot `s` is `words[order[s]]`, and the table's
/// value arrays are written in that order. Words are stored end to end in one string, so the
/// table holds no pointer per word for the loader to relocate at every start.
fn word_table(file: &mut impl Write, name: &str, doc: &str, words: &[&str]) -> Vec<usize> {
    let state = phf_generator::generate_hash(words);
    let (mut text, mut ends) = (String::new(), Vec::new());
    for &i in &state.map {
        text.push_str(words[i]);
        ends.push(u32::try_from(text.len()).expect("under 4 GB"));
    }
    writeln!(
        file,
        "/// {doc}\n\
         pub(super) static {name}: Words = Words {{ key: {}, disps: &{:?}, words: Texts {{ text: {text:?}, ends: &{ends:?} }} }};",
        state.key, state.disps,
    )
    .expect("write");
    state.map
}

/// A string that lives as long as the build script, for the word sets above.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}
