//! Build `assets/synonyms_en.txt`, the synonym table sentence alignment uses, from WordNet.
//!
//! Input: the WordNet synsets as JSON Lines, one record per word sense
//! (`{"word": "fire", "key": "fire_4", "pos": "verb", "synonyms": ["dismiss", "sack", …]}`, the
//! `wordnet.jsonl` shipped in the `thesaurus-wordnet` crate's source), and the bundled
//! word-frequency table. Output, on standard output: one line per stem, the stem followed by the
//! numbers of the synsets it belongs to.
//!
//! Kept: single-word lemmas listed in the frequency table (common English, so the table stays
//! small and names are never linked), in the first [`SENSES`] senses of each word and part of
//! speech (WordNet orders senses by frequency, so rare senses — "fire" as "to bake pottery" —
//! are left out), in synsets that keep from two to [`MAX_MEMBERS`] different stems. A word
//! belongs to the synsets of its own frequent senses only: "dismiss" and "fire" are linked
//! because *terminate the employment of* is a frequent sense of both.
//!
//! ```sh
//! cargo run --release --example make_synonyms -- path/to/wordnet.jsonl > assets/synonyms_en.txt
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Largest synset kept: WordNet lists whole clusters of similar adjectives ("large": "huge",
/// "double", "grand", …) as one entry, too loose to count as synonyms.
const MAX_MEMBERS: usize = 10;

/// How many senses of each word and part of speech are kept, by part of speech.
const SENSES: [(&str, usize); 4] = [("verb", 3), ("noun", 2), ("adj", 2), ("adv", 1)];

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: make_synonyms WORDNET.jsonl"))?;
    let src = std::fs::read_to_string(&path)?;
    let freq = include_str!("../assets/english/wordfreq.txt");
    let listed: BTreeSet<&str> = freq
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| l.split_ascii_whitespace().skip(1))
        .collect();
    let max_sense: HashMap<&str, usize> = SENSES.into_iter().collect();
    // Synset (part of speech and sorted members) → its number.
    let mut synsets: BTreeMap<(String, Vec<String>), usize> = BTreeMap::new();
    let mut of_stem: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for line in src.lines() {
        let rec: serde_json::Value = serde_json::from_str(line)?;
        let word = rec["word"].as_str().unwrap_or_default().to_lowercase();
        let pos = rec["pos"].as_str().unwrap_or_default().to_string();
        let sense: usize = rec["key"]
            .as_str()
            .and_then(|k| k.rsplit('_').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(usize::MAX);
        let Some(&limit) = max_sense.get(pos.as_str()) else {
            continue;
        };
        if sense > limit || !usable(&word, &listed) {
            continue;
        }
        let mut members: Vec<String> = rec["synonyms"]
            .as_array()
            .map(|a| a.iter().filter_map(|s| s.as_str()).map(str::to_lowercase))
            .into_iter()
            .flatten()
            .chain(std::iter::once(word.clone()))
            .filter(|w| usable(w, &listed))
            .collect();
        members.sort();
        members.dedup();
        let stems: BTreeSet<String> = members
            .iter()
            .map(|w| parallax::text::tokens::stem(w))
            .collect();
        if stems.len() < 2 || stems.len() > MAX_MEMBERS {
            continue;
        }
        let next = synsets.len();
        let id = *synsets.entry((pos, members)).or_insert(next);
        of_stem
            .entry(parallax::text::tokens::stem(&word))
            .or_default()
            .insert(id);
    }
    // Number the synsets that at least two stems reach, in order of first use.
    let mut reach: HashMap<usize, usize> = HashMap::new();
    for ids in of_stem.values() {
        for &id in ids {
            *reach.entry(id).or_default() += 1;
        }
    }
    let mut renumber: HashMap<usize, usize> = HashMap::new();
    println!(
        "# Synonym table for sentence alignment, derived from WordNet 3.0 (see assets/README.md)."
    );
    println!("# Each line: a stem, then the numbers of the synsets it belongs to.");
    for (stem, ids) in &of_stem {
        let kept: Vec<String> = ids
            .iter()
            .filter(|id| reach[id] >= 2)
            .map(|id| {
                let next = renumber.len();
                renumber.entry(*id).or_insert(next).to_string()
            })
            .collect();
        if !kept.is_empty() {
            println!("{stem} {}", kept.join(" "));
        }
    }
    Ok(())
}

/// A lemma worth keeping: one word of lower-case letters, listed in the frequency table.
fn usable(word: &str, listed: &BTreeSet<&str>) -> bool {
    word.len() > 1 && word.chars().all(|c| c.is_ascii_lowercase()) && listed.contains(word)
}
