//! The lexicon file format (`assets/lexicon.toml`): categories with their entries, sense rules,
//! word classes and the words that end names.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Deserialize;

use super::sense::{Cues, SenseDef, WordSet};
use super::{Category, Entry, LexiconError, Rules};

/// The shape of `assets/lexicon.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    category: Vec<CategoryDef>,
    /// Sense rules: when a hit of an entry is not the loaded word.
    #[serde(default)]
    sense: Vec<SenseDef>,
    /// Word classes sense rules and part-of-speech cues refer to as `@name`.
    #[serde(default)]
    words: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    names: NamesDef,
}

/// The `[names]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesDef {
    /// Words that end names of institutions, laws and offices ("Court", "Act", "Caucus").
    #[serde(default)]
    heads: Vec<String>,
}

/// One `[[category]]` table: a default reason for its terms and per-term overrides.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryDef {
    name: String,
    description: String,
    priority: u32,
    reason: String,
    #[serde(default)]
    terms: Vec<String>,
    /// Single words matched only as written.
    #[serde(default)]
    exact: Vec<String>,
    #[serde(default)]
    reasons: BTreeMap<String, String>,
}

/// Parse the lexicon file format into categories, entries and rules.
pub(super) fn parse_file(src: &str) -> Result<(Vec<Category>, Vec<Entry>, Rules), LexiconError> {
    let file: LexiconFile = toml::from_str(src).map_err(|e| LexiconError::Parse(e.to_string()))?;
    let mut categories = Vec::new();
    let mut entries = Vec::new();
    for def in file.category {
        for key in def.reasons.keys() {
            if !def.terms.iter().chain(&def.exact).any(|t| t == key) {
                return Err(LexiconError::Parse(format!(
                    "category \"{}\" gives a reason for \"{key}\", which is not one of its terms",
                    def.name
                )));
            }
        }
        let stemmed = def.terms.iter().map(|t| (t, false));
        for (term, exact) in stemmed.chain(def.exact.iter().map(|t| (t, true))) {
            let reason = def.reasons.get(term).unwrap_or(&def.reason).clone();
            entries.push(Entry {
                term: term.clone(),
                category: def.name.clone(),
                reason,
                exact,
            });
        }
        categories.push(Category {
            name: super::Str::Owned(def.name),
            description: super::Str::Owned(def.description),
            priority: def.priority,
        });
    }
    let mut senses = Vec::new();
    for def in file.sense {
        let sense = def.compile(&file.words)?;
        for term in sense.terms.iter() {
            if !entries.iter().any(|e| e.term == **term) {
                return Err(LexiconError::Parse(format!(
                    "a sense rule names \"{term}\", which is not a term of the lexicon"
                )));
            }
        }
        senses.push(sense);
    }
    let heads = WordSet::new(
        file.names
            .heads
            .iter()
            .map(|w| crate::text::tokens::normalize(w)),
    );
    let rules = Rules {
        senses: Cow::Owned(senses),
        cues: Cues::compile(&file.words)?,
        heads,
    };
    Ok((categories, entries, rules))
}
