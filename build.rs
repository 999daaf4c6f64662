//! Build script: turns the bundled word-frequency table (`assets/english/wordfreq.txt`), the
//! synonym table (`assets/synonyms_en.txt`) and the abbreviations
//! (`assets/english/abbreviations.txt`) into perfect-hash maps compiled into the binary, so
//! that no run parses a table or builds a hash map from it at start-up (see
//! `src/text/vocab/wordfreq.rs`, `src/compare/align/synonyms.rs` and `src/text/abbrev.rs`);
//! and stems, with the stemmer the program uses, every word of the frequency table and of the
//! bundled lexicon (`src/text/vocab/stems.rs`), so that most words are stemmed by one look-up.
//!
//! Each table is a perfect-hash table in the form of `src/text/vocab/table.rs`: the words end
//! to end in one string, the values in arrays of their own, so that the binary holds no
//! pointer per word for the dynamic loader to relocate at every start.
//!
//! The small tables the text analysis reads at every start are compiled the same way: the
//! normal forms (`assets/english/normal_forms.txt`, see `src/text/normalize.rs`), the function
//! words with the stems of those that are never distinctive, and the quotation cues
//! (`function_words.txt`, `quotation_cues.txt`, see `src/text/vocab/mod.rs`), and the marker
//! lists with their first-word indexes (`attribution.txt`, `hedges.txt`, `boosters.txt`, see
//! `src/text/vocab/markers.rs`).

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
    normal_forms();
    function_words();
    quotation_cues();
    markers();
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
    let order = filtered_table(
        &mut file,
        "ABBREVIATIONS",
        "The abbreviations, as written without their final full stop.",
        &words,
    );
    let groups: Vec<String> = order
        .iter()
        .map(|&i| format!("Group::{}", groups[i]))
        .collect();
    writeln!(
        file,
        "/// The group of each of [`ABBREVIATIONS`], in slot order.\n\
         pub(super) static GROUPS: [Group; {}] = [{}];",
        groups.len(),
        groups.join(", ")
    )
    .expect("write");
    texts(
        &mut file,
        "FULL",
        "The full form of each of [`ABBREVIATIONS`], in slot order; empty when it has none.",
        order.iter().map(|&i| fulls[i]),
    );
    filtered_table(
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

// ---- The normal forms, function words, quotation cues and marker lists ----
//
// Small tables the text analysis reads at every start, compiled into perfect-hash tables like
// the ones above. Each generator parses its file exactly as the program once parsed it at run
// time; the modules that include the result keep that parser in their tests and check the
// compiled table against it.

const NORMAL_FORMS: &str = "assets/english/normal_forms.txt";

/// `$OUT_DIR/normal_forms.rs`: the groups of the normal-form table (`src/text/normalize.rs`).
///
/// The format: blank lines and `#` comment lines are left out, `[group]` lines start a group,
/// and every other line is a `form = normal form` entry (a line without `=` is a form with an
/// empty normal form), each side trimmed. Entries outside the four groups are left out.
/// - `spelling`: a British form and its American one; a form listed twice keeps its last entry.
/// - `number`: a number word and its value; a value that is not a whole number leaves the
///   entry out, and a word listed twice keeps its last entry.
/// - `compound`: two words written apart and their normal form; the form is split at its first
///   space (a form without one is left out), and every entry is kept in file order, so that
///   the first listed for a pair wins.
/// - `acronym`: words that an acronym spells, which keep their capitals.
fn normal_forms() {
    use std::collections::{BTreeMap, BTreeSet};
    println!("cargo::rerun-if-changed={NORMAL_FORMS}");
    let src = std::fs::read_to_string(NORMAL_FORMS).expect("read the normal-form table");
    let mut spelling = BTreeMap::new();
    let mut numbers = BTreeMap::new();
    let mut compounds: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    let mut acronyms = BTreeSet::new();
    let mut group = "";
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            group = name;
            continue;
        }
        let (form, normal) = match line.split_once('=') {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (line, ""),
        };
        match group {
            "spelling" => {
                spelling.insert(form, normal);
            }
            "number" => {
                if let Ok(n) = normal.parse::<u32>() {
                    numbers.insert(form, n);
                }
            }
            "compound" => {
                if let Some((first, second)) = form.split_once(' ') {
                    compounds
                        .entry(first)
                        .or_default()
                        .push((second.trim(), normal));
                }
            }
            "acronym" => {
                acronyms.insert(form);
            }
            _ => {}
        }
    }
    let mut file = create("normal_forms.rs");

    let forms: Vec<&str> = spelling.keys().copied().collect();
    let order = filtered_table(
        &mut file,
        "SPELLING",
        "The British spellings of the `spelling` group.",
        &forms,
    );
    texts(
        &mut file,
        "AMERICAN",
        "The American spelling of each word of [`SPELLING`], in slot order.",
        order.iter().map(|&i| spelling[forms[i]]),
    );

    let words: Vec<&str> = numbers.keys().copied().collect();
    let order = filtered_table(
        &mut file,
        "NUMBER_WORDS",
        "The number words of the `number` group.",
        &words,
    );
    let values: Vec<u32> = order.iter().map(|&i| numbers[words[i]]).collect();
    writeln!(
        file,
        "/// The value of each word of [`NUMBER_WORDS`], in slot order.\n\
         pub(super) static NUMBER_VALUES: [u32; {}] = {values:?};",
        values.len()
    )
    .expect("write");

    let firsts: Vec<&str> = compounds.keys().copied().collect();
    let order = filtered_table(
        &mut file,
        "COMPOUND_FIRST",
        "The first words of the compounds of the `compound` group.",
        &firsts,
    );
    let entries: Vec<(&str, &str)> = order
        .iter()
        .flat_map(|&i| compounds[firsts[i]].iter().copied())
        .collect();
    let mut ends = Vec::new();
    let mut end = 0;
    for &i in &order {
        end += compounds[firsts[i]].len();
        ends.push(u32::try_from(end).expect("few compounds"));
    }
    writeln!(
        file,
        "/// The compounds of each first word of [`COMPOUND_FIRST`], in slot order and, for one \
         word, in file order: the word in slot `i` has the entries \
         `item_range(&COMPOUND_ENDS, i)` of [`COMPOUND_SECOND`] and [`COMPOUND_NORMAL`].\n\
         pub(super) static COMPOUND_ENDS: [u32; {}] = {ends:?};",
        ends.len()
    )
    .expect("write");
    texts(
        &mut file,
        "COMPOUND_SECOND",
        "The second word of each compound entry.",
        entries.iter().map(|e| e.0),
    );
    texts(
        &mut file,
        "COMPOUND_NORMAL",
        "The normal form of each compound entry.",
        entries.iter().map(|e| e.1),
    );

    let acronyms: Vec<&str> = acronyms.into_iter().collect();
    filtered_table(
        &mut file,
        "ACRONYM_WORDS",
        "The words of the `acronym` group.",
        &acronyms,
    );
}

/// Write `pub(super) static <name>: Texts` (`src/text/vocab/table.rs`), `items` end to end.
fn texts<'a>(file: &mut impl Write, name: &str, doc: &str, items: impl Iterator<Item = &'a str>) {
    let (mut text, mut ends) = (String::new(), Vec::new());
    for item in items {
        text.push_str(item);
        ends.push(u32::try_from(text.len()).expect("under 4 GB"));
    }
    writeln!(
        file,
        "/// {doc}\n\
         pub(super) static {name}: Texts = Texts {{ text: {text:?}, ends: &{ends:?} }};"
    )
    .expect("write");
}

// `word_hash` and `index_entry`: the hash of the indexes of `Filtered` tables, shared with
// the program.
include!("src/text/vocab/word_hash.rs");

/// Write `pub(super) static <name>: Filtered` (`src/text/vocab/table.rs`), the perfect-hash
/// table of `words` (as `<name>_TABLE`) behind an index of about 16 entries per word, and
/// return the slot order as [`word_table`] does.
fn filtered_table(file: &mut impl Write, name: &str, doc: &str, words: &[&str]) -> Vec<usize> {
    /// The entry of an index shared by several words (`Filtered::SHARED`).
    const SHARED: u16 = u16::MAX;
    println!("cargo::rerun-if-changed=src/text/vocab/word_hash.rs");
    let order = word_table(file, &format!("{name}_TABLE"), doc, words);
    let len = (words.len() * 16).next_power_of_two().max(64);
    let mut index = vec![0u16; len];
    for (slot, &i) in order.iter().enumerate() {
        let entry = &mut index[index_entry(words[i], len)];
        *entry = match *entry {
            0 => u16::try_from(slot + 1)
                .ok()
                .filter(|&e| e != SHARED)
                .expect("under 65,535 words"),
            _ => SHARED,
        };
    }
    writeln!(
        file,
        "/// {doc}\n\
         pub(super) static {name}: Filtered = Filtered {{ index: &{index:?}, words: &{name}_TABLE }};"
    )
    .expect("write");
    order
}

const FUNCTION_WORDS: &str = "assets/english/function_words.txt";
const QUOTATION_CUES: &str = "assets/english/quotation_cues.txt";

/// The uses of a function word (`Use` in `src/text/vocab/mod.rs`, in its order): bit `i` of a
/// word's uses is `USES[i]`.
const USES: [&str; 6] = [
    "match",
    "distinct",
    "phrase",
    "pronoun",
    "determiner",
    "auxiliary",
];

/// The uses of a quotation cue (`Cue` in `src/text/vocab/mod.rs`, in its order): bit `i` of a
/// phrase's cues is `CUES[i]`.
const CUES: [&str; 8] = [
    "quoting",
    "term",
    "scare",
    "title",
    "title_after",
    "titled",
    "reporting",
    "role",
];

/// `$OUT_DIR/function_words.rs`: the function words with their uses, and the stems of those
/// that are never distinctive terms (`src/text/vocab/mod.rs`).
///
/// The format: blank lines and `#` comment lines are left out (after trimming); a line is a
/// word and its uses, separated by whitespace. A use not in [`USES`] is left out, a word listed
/// twice has the uses of both lines, and a word without a known use is not listed. The stems
/// are the program's (`crate::text::tokens::stem`): a word with a digit or a capital is its own
/// stem, and any other is stemmed by the English Snowball stemmer.
fn function_words() {
    use std::collections::{BTreeMap, BTreeSet};
    println!("cargo::rerun-if-changed={FUNCTION_WORDS}");
    let src = std::fs::read_to_string(FUNCTION_WORDS).expect("read the function words");
    let mut uses: BTreeMap<&str, u8> = BTreeMap::new();
    for line in src.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        let word = parts.next().unwrap_or_default();
        for u in parts {
            if let Some(bit) = USES.iter().position(|&x| x == u) {
                *uses.entry(word).or_default() |= 1 << bit;
            }
        }
    }
    uses.retain(|_, bits| *bits != 0);
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let distinct = 1 << USES.iter().position(|&u| u == "distinct").expect("listed");
    let stems: BTreeSet<String> = uses
        .iter()
        .filter(|&(_, bits)| bits & distinct != 0)
        .map(|(&w, _)| {
            if w.chars().any(|c| c.is_ascii_digit() || c.is_uppercase()) {
                w.to_string()
            } else {
                stemmer.stem(w).into_owned()
            }
        })
        .collect();

    let mut file = create("function_words.rs");
    let words: Vec<&str> = uses.keys().copied().collect();
    let order = filtered_table(
        &mut file,
        "FUNCTION",
        "The function words that have a use.",
        &words,
    );
    let bits: Vec<u8> = order.iter().map(|&i| uses[words[i]]).collect();
    writeln!(
        file,
        "/// The uses of each word of [`FUNCTION`], in slot order: bit `u as u8` for each `Use` \
         `u`.\n\
         pub(super) static FUNCTION_USES: [u8; {}] = {bits:?};",
        bits.len()
    )
    .expect("write");
    let stems: Vec<&str> = stems.iter().map(String::as_str).collect();
    filtered_table(
        &mut file,
        "STYLE_STEMS",
        "The stems of the function words that are never distinctive terms.",
        &stems,
    );
}

/// `$OUT_DIR/quotation_cues.rs`: the phrases of the quotation cues with their uses
/// (`src/text/vocab/mod.rs`).
///
/// The format: lines are trimmed, and blank lines and `#` comment lines left out; a line is a
/// phrase, whitespace and a use, the phrase trimmed. A line whose use is not in [`CUES`] (or
/// without whitespace) is left out, and a phrase listed with several uses has them all.
fn quotation_cues() {
    use std::collections::BTreeMap;
    println!("cargo::rerun-if-changed={QUOTATION_CUES}");
    let src = std::fs::read_to_string(QUOTATION_CUES).expect("read the quotation cues");
    let mut cues: BTreeMap<&str, u8> = BTreeMap::new();
    for line in src.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((phrase, u)) = line.rsplit_once(char::is_whitespace) else {
            continue;
        };
        if let Some(bit) = CUES.iter().position(|&x| x == u) {
            *cues.entry(phrase.trim()).or_default() |= 1 << bit;
        }
    }
    let mut file = create("quotation_cues.rs");
    let phrases: Vec<&str> = cues.keys().copied().collect();
    let order = filtered_table(
        &mut file,
        "CUE_PHRASES",
        "The phrases of the quotation cues.",
        &phrases,
    );
    let bits: Vec<u8> = order.iter().map(|&i| cues[phrases[i]]).collect();
    writeln!(
        file,
        "/// The uses of each phrase of [`CUE_PHRASES`], in slot order: bit `c as u8` for each \
         `Cue` `c`.\n\
         pub(super) static CUE_USES: [u8; {}] = {bits:?};",
        bits.len()
    )
    .expect("write");
}

const ATTRIBUTION: &str = "assets/english/attribution.txt";
const HEDGES: &str = "assets/english/hedges.txt";
const BOOSTERS: &str = "assets/english/boosters.txt";

/// The data lines of a marker list file: lines trimmed, blank lines and `#` comments left out,
/// columns split at `|` and trimmed.
fn marker_rows(src: &str) -> Vec<Vec<&str>> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('|').map(str::trim).collect())
        .collect()
}

/// The comma-separated forms of one column of a marker list, trimmed, empty ones left out.
fn marker_forms<'a>(column: Option<&&'a str>) -> Vec<&'a str> {
    column
        .map(|c| {
            c.split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// `$OUT_DIR/markers.rs`: the marker lists of `src/text/vocab/markers.rs`, their first-word
/// indexes, and the speech-verb and reporting-form sets.
///
/// The format (`marker_rows`, `marker_forms`): a line is columns separated by `|`, the first
/// the lemma, the others comma-separated forms. A marker is a lemma with the forms of its
/// second column (the counted forms of `attribution.txt`), in file order; a lemma without
/// forms there is left out of the list. The fourth column of `attribution.txt` is `neutral`
/// for a verb that only reports that someone spoke, or empty. The speech verbs are the forms
/// of the third column of `attribution.txt`; the reporting forms are the one-word forms of its
/// second and third.
///
/// The lemmas and forms of all three lists are one pool of strings (`MARKER_TEXTS`): a marker
/// is the index of its lemma and the range of its forms there. A list's first-word index lists,
/// for each first word of a form, (index of the marker in the list, index of the form in the
/// pool) in list order.
fn markers() {
    use std::collections::{BTreeMap, BTreeSet};
    let read = |path: &str| {
        println!("cargo::rerun-if-changed={path}");
        std::fs::read_to_string(path).expect("read a marker list")
    };
    let attribution = read(ATTRIBUTION);
    let hedges = read(HEDGES);
    let boosters = read(BOOSTERS);
    let index = |i: usize| u16::try_from(i).expect("under 65,536 marker strings");
    let mut pool: Vec<&str> = Vec::new();
    let mut file = create("markers.rs");
    for (name, first, path, src) in [
        (
            "ATTRIBUTION_VERBS",
            "ATTRIBUTION_FIRST",
            ATTRIBUTION,
            &attribution,
        ),
        ("HEDGES", "HEDGE_FIRST", HEDGES, &hedges),
        ("BOOSTERS", "BOOSTER_FIRST", BOOSTERS, &boosters),
    ] {
        let mut markers = Vec::new();
        let mut by_first: BTreeMap<&str, Vec<(u16, u16)>> = BTreeMap::new();
        for row in marker_rows(src) {
            let forms = marker_forms(row.get(1));
            if forms.is_empty() {
                continue;
            }
            let m = index(markers.len());
            let lemma = index(pool.len());
            pool.push(row[0]);
            for form in forms {
                let first_word = form.split(' ').next().unwrap_or(form);
                by_first
                    .entry(first_word)
                    .or_default()
                    .push((m, index(pool.len())));
                pool.push(form);
            }
            let neutral = match row.get(3).copied() {
                None | Some("") => false,
                Some("neutral") => true,
                Some(other) => panic!("{path}: `{other}` in the fourth column of {}", row[0]),
            };
            markers.push(format!(
                "Marker {{ lemma: {lemma}, forms: {}, forms_end: {}, neutral: {neutral} }}",
                lemma + 1,
                index(pool.len())
            ));
        }
        writeln!(
            file,
            "/// The markers of `{path}`.\n\
             static {name}: [Marker; {}] = [{}];",
            markers.len(),
            markers.join(", "),
        )
        .expect("write");
        let words: Vec<&str> = by_first.keys().copied().collect();
        let order = filtered_table(
            &mut file,
            &format!("{first}_WORDS"),
            &format!("The first words of the forms of [`{name}`]."),
            &words,
        );
        let (mut ends, mut entries) = (Vec::new(), Vec::new());
        for &i in &order {
            entries.extend_from_slice(&by_first[words[i]]);
            ends.push(u32::try_from(entries.len()).expect("few forms"));
        }
        writeln!(
            file,
            "/// The forms of [`{name}`] by their first word.\n\
             static {first}: FirstWords = FirstWords {{ words: &{first}_WORDS, ends: &{ends:?}, \
             entries: &{entries:?} }};"
        )
        .expect("write");
    }
    texts(
        &mut file,
        "MARKER_TEXTS",
        "The lemmas and forms of the marker lists.",
        pool.iter().copied(),
    );

    let rows = marker_rows(&attribution);
    let speech: BTreeSet<&str> = rows.iter().flat_map(|r| marker_forms(r.get(2))).collect();
    let reporting: BTreeSet<&str> = rows
        .iter()
        .flat_map(|r| {
            let mut all = marker_forms(r.get(1));
            all.extend(marker_forms(r.get(2)));
            all
        })
        .filter(|f| !f.contains(' '))
        .collect();
    let speech: Vec<&str> = speech.into_iter().collect();
    filtered_table(
        &mut file,
        "SPEECH_VERBS",
        "The speaker forms (third column) of the attribution verbs.",
        &speech,
    );
    let reporting: Vec<&str> = reporting.into_iter().collect();
    filtered_table(
        &mut file,
        "REPORTING_FORMS",
        "The one-word forms, counted or naming a speaker, of the attribution verbs.",
        &reporting,
    );
}
