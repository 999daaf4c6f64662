//! The loaded-terms lexicon: bundled entries, the user's additions and removals, and matching.

use serde::{Deserialize, Serialize};

use super::LoadedTerm;
use crate::corpus::Article;

/// One lexicon entry as written in TOML.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The word or phrase.
    pub term: String,
    /// Category name.
    pub category: String,
    /// Why it is charged.
    pub reason: String,
}

/// The user's patch to the bundled lexicon (the `[lexicon]` table of the config file).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserLexicon {
    /// Entries to add.
    #[serde(default)]
    pub add: Vec<Entry>,
    /// Terms of the bundled lexicon to switch off.
    #[serde(default)]
    pub disable: Vec<String>,
}

/// A compiled lexicon.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// The entries.
    pub entries: Vec<Entry>,
}

impl Lexicon {
    /// The bundled lexicon.
    pub fn builtin() -> Self {
        Lexicon::default()
    }
}

/// Loaded-term hits in both articles.
pub fn loaded_terms(a: &Article, b: &Article, lexicon: &Lexicon) -> Vec<LoadedTerm> {
    let _ = (a, b, lexicon);
    Vec::new()
}
