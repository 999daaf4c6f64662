//! The loaded-terms lexicon: the bundled entries (`assets/lexicon.toml`), the user's additions
//! and removals, and matching entries against an article's words.
//!
//! Entries are matched on Snowball stems (the same stems [`crate::text::tokens`] gives every
//! word), so `claims`, `claimed` and `claiming` all hit the entry `claim`, and a multi-word entry
//! such as `regime forces` also hits `regime's forces`. Matching never crosses sentence
//! punctuation (`regime. Forces` is no hit) and never looks inside boilerplate paragraphs; the
//! headline counts. Overlapping entries resolve to the longest match starting leftmost. Entries
//! marked `exact` match only the words as written, for words whose stem a neutral word shares
//! (`historic` would otherwise hit `history`, `questionable` every `question`).
//!
//! The English word lists of attribution verbs, hedges and certainty markers are not loaded
//! terms; they live in [`crate::text::vocab`], where the framing profile and the framing diff
//! read them.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::{LoadedTerm, Side};
use crate::corpus::Article;
use crate::text::tokens::{normalize, stem_phrase};
use crate::text::{Analysis, Span};

/// The bundled lexicon, as shipped.
const BUNDLED: &str = include_str!("../../assets/lexicon.toml");

/// Reason shown for a user-added entry that gives none.
const USER_REASON: &str = "listed in your own lexicon";

/// Priority of a category that only the user's lexicon uses: listed with the first.
const USER_PRIORITY: u32 = 0;

/// Description of a category that only the user's lexicon uses.
const USER_CATEGORY: &str = "a category from your own lexicon";

/// One lexicon entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The word or phrase in its canonical form (what the report shows).
    pub term: String,
    /// Category name.
    pub category: String,
    /// Why it is charged (one line). May be left out in a user entry.
    #[serde(default)]
    pub reason: String,
    /// Match the word only as written (case-folded), not its other inflections: for single
    /// words whose stem is shared with a neutral word (`supposedly` stems like `supposed`).
    #[serde(default)]
    pub exact: bool,
}

/// A lexicon category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    /// Name, e.g. `labels`.
    pub name: String,
    /// What the category collects.
    pub description: String,
    /// Display priority: hits of lower-priority categories are listed first on each side.
    pub priority: u32,
}

/// The user's patch to the bundled lexicon (the `[lexicon]` table of the config file).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserLexicon {
    /// Entries to add. An entry whose words stem like a bundled entry replaces it.
    #[serde(default)]
    pub add: Vec<Entry>,
    /// Terms of the bundled lexicon to switch off (case-insensitive).
    #[serde(default)]
    pub disable: Vec<String>,
}

/// Why a lexicon could not be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LexiconError {
    /// The lexicon file is not valid TOML or does not have the expected shape.
    #[error("lexicon is not valid: {0}")]
    Parse(String),
    /// An entry has no words.
    #[error("lexicon entry in category \"{category}\" has an empty term")]
    EmptyTerm {
        /// The category of the empty entry.
        category: String,
    },
    /// A term to disable is not in the lexicon.
    #[error("cannot disable \"{0}\": no such term in the lexicon")]
    UnknownTerm(String),
    /// The matcher could not be built.
    #[error("lexicon matcher could not be built: {0}")]
    Matcher(String),
}

/// The shape of `assets/lexicon.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    category: Vec<CategoryDef>,
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

/// A compiled lexicon: entries plus the matchers over their word sequences.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    categories: Vec<Category>,
    entries: Vec<Entry>,
    /// Match key of each entry (same index as `entries`): its stems, or for an exact entry its
    /// normalised words.
    keys: Vec<Vec<String>>,
    /// Leftmost-longest matcher over encoded stem sequences, and the entry of each pattern.
    stems: Option<(AhoCorasick, Vec<usize>)>,
    /// The same over normalised words, for exact entries.
    exact: Option<(AhoCorasick, Vec<usize>)>,
}

/// The match key of an entry: stems, or normalised words for an exact entry.
fn entry_key(e: &Entry) -> Vec<String> {
    if e.exact {
        e.term
            .unicode_words()
            .map(normalize)
            .filter(|w| !w.is_empty())
            .collect()
    } else {
        stem_phrase(&e.term)
    }
}

/// A leftmost-longest matcher over the keys of the selected entries.
fn build_matcher(
    keys: &[Vec<String>],
    select: impl Fn(usize) -> bool,
) -> Result<Option<(AhoCorasick, Vec<usize>)>, LexiconError> {
    let mut patterns = Vec::new();
    let mut ids = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        if select(i) {
            let mut p = String::new();
            encode(k, &mut p);
            patterns.push(p);
            ids.push(i);
        }
    }
    if patterns.is_empty() {
        return Ok(None);
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .map_err(|e| LexiconError::Matcher(e.to_string()))?;
    Ok(Some((ac, ids)))
}

/// Parse the bundled lexicon file format into categories and entries.
fn parse_file(src: &str) -> Result<(Vec<Category>, Vec<Entry>), LexiconError> {
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
            name: def.name,
            description: def.description,
            priority: def.priority,
        });
    }
    Ok((categories, entries))
}

/// Encode a stem sequence so that a pattern can only match whole, consecutive words.
fn encode(stems: &[String], out: &mut String) {
    for s in stems {
        out.push('\u{1}');
        out.push_str(s);
        out.push('\u{2}');
    }
}

/// Break marker between words that punctuation separates.
const BREAK: char = '\u{3}';

impl Lexicon {
    /// Build a lexicon from categories and entries. Entries that stem to the same words as an
    /// earlier entry are dropped (the earlier one wins).
    pub fn new(categories: Vec<Category>, entries: Vec<Entry>) -> Result<Self, LexiconError> {
        let mut seen = BTreeSet::new();
        let mut kept = Vec::new();
        let mut keys = Vec::new();
        for e in entries {
            let key = entry_key(&e);
            if key.is_empty() {
                return Err(LexiconError::EmptyTerm {
                    category: e.category,
                });
            }
            if seen.insert((e.exact, key.clone())) {
                keys.push(key);
                kept.push(e);
            }
        }
        let stems = build_matcher(&keys, |i| !kept[i].exact)?;
        let exact = build_matcher(&keys, |i| kept[i].exact)?;
        Ok(Lexicon {
            categories,
            entries: kept,
            keys,
            stems,
            exact,
        })
    }

    /// Parse and compile a lexicon written in the bundled file's format.
    pub fn from_toml(src: &str) -> Result<Self, LexiconError> {
        let (categories, entries) = parse_file(src)?;
        Lexicon::new(categories, entries)
    }

    /// The bundled lexicon (parsed once per process). The bundled file is checked by the test
    /// suite; should it ever fail to parse, the lexicon is empty rather than a crash.
    pub fn builtin() -> Self {
        static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Lexicon::from_toml(BUNDLED).unwrap_or_default())
            .clone()
    }

    /// This lexicon patched by the user's `[lexicon]` table: `disable` switches off terms
    /// (matched case-insensitively, or by stemming to the same words), then `add` adds entries;
    /// an added entry that stems like an existing one replaces it. An added entry may name a new
    /// category. Errors name an empty added term or a disabled term that does not exist.
    pub fn with_user(&self, user: &UserLexicon) -> Result<Lexicon, LexiconError> {
        let mut entries: Vec<(Vec<String>, Entry)> = self
            .keys
            .iter()
            .cloned()
            .zip(self.entries.iter().cloned())
            .collect();
        let same = |a: &(Vec<String>, Entry), key: &[String], exact: bool| {
            a.1.exact == exact && a.0 == key
        };
        for term in &user.disable {
            let folded = term.trim().to_lowercase();
            let key = stem_phrase(term);
            let before = entries.len();
            entries.retain(|(k, e)| {
                e.term.to_lowercase() != folded && (key.is_empty() || e.exact || *k != key)
            });
            if entries.len() == before {
                return Err(LexiconError::UnknownTerm(term.clone()));
            }
        }
        let mut categories = self.categories.clone();
        for add in &user.add {
            let key = entry_key(add);
            if key.is_empty() {
                return Err(LexiconError::EmptyTerm {
                    category: add.category.clone(),
                });
            }
            let mut entry = add.clone();
            entry.term = entry.term.trim().to_string();
            if entry.reason.trim().is_empty() {
                entry.reason = USER_REASON.to_string();
            }
            if !categories.iter().any(|c| c.name == entry.category) {
                categories.push(Category {
                    name: entry.category.clone(),
                    description: USER_CATEGORY.to_string(),
                    priority: USER_PRIORITY,
                });
            }
            entries.retain(|x| !same(x, &key, entry.exact));
            entries.push((key, entry));
        }
        Lexicon::new(categories, entries.into_iter().map(|(_, e)| e).collect())
    }

    /// The entries, in lexicon order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The categories, in lexicon order.
    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// Display priority of `category` (see [`Category::priority`]); unknown categories rank
    /// with the user's own.
    pub fn priority(&self, category: &str) -> u32 {
        self.categories
            .iter()
            .find(|c| c.name == category)
            .map_or(USER_PRIORITY, |c| c.priority)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the lexicon has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every hit in one article as (entry index, span), in text order, without overlaps: the
    /// longest match starting leftmost wins.
    pub fn find(&self, art: &Article) -> Vec<(usize, Span)> {
        let an = &art.analysis;
        let mut stem_hay = String::new();
        let mut norm_hay = String::new();
        // Offset of each token's encoding in the two haystacks, and the token index.
        let mut starts: Vec<(usize, usize, usize)> = Vec::new();
        for range in analysed_token_ranges(an) {
            stem_hay.push(BREAK);
            norm_hay.push(BREAK);
            let mut prev_end: Option<usize> = None;
            for ti in range {
                let Some(tok) = an.tokens.get(ti) else {
                    continue;
                };
                if let Some(pe) = prev_end
                    && breaks_phrase(art.text.get(pe..tok.span.start).unwrap_or("."))
                {
                    stem_hay.push(BREAK);
                    norm_hay.push(BREAK);
                }
                starts.push((stem_hay.len(), norm_hay.len(), ti));
                encode(std::slice::from_ref(&tok.stem), &mut stem_hay);
                encode(std::slice::from_ref(&tok.norm), &mut norm_hay);
                prev_end = Some(tok.span.end);
            }
        }
        // (first token, last token, entry)
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        for (matcher, hay, pick) in [(&self.stems, &stem_hay, 0), (&self.exact, &norm_hay, 1)] {
            let Some((ac, ids)) = matcher else {
                continue;
            };
            let offset = |s: &(usize, usize, usize)| if pick == 0 { s.0 } else { s.1 };
            for m in ac.find_iter(hay.as_str()) {
                let first = starts.partition_point(|s| offset(s) < m.start());
                let last = starts.partition_point(|s| offset(s) < m.end());
                let (Some(f), Some(l), Some(&e)) = (
                    starts.get(first),
                    last.checked_sub(1).and_then(|i| starts.get(i)),
                    ids.get(m.pattern().as_usize()),
                ) else {
                    continue;
                };
                cands.push((f.2, l.2, e));
            }
        }
        cands.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)).then(x.2.cmp(&y.2)));
        let mut out = Vec::new();
        let mut next_free = 0;
        for (t0, t1, e) in cands {
            if t0 < next_free {
                continue;
            }
            next_free = t1 + 1;
            out.push((
                e,
                Span::new(an.tokens[t0].span.start, an.tokens[t1].span.end),
            ));
        }
        out
    }
}

/// Token index ranges of the paragraphs the comparison reads (headline and body, not
/// boilerplate), in text order. An analysis without paragraphs is read as one paragraph.
pub fn analysed_token_ranges(an: &Analysis) -> Vec<std::ops::Range<usize>> {
    if an.paragraphs.is_empty() {
        return std::iter::once(0..an.tokens.len()).collect();
    }
    an.paragraphs
        .iter()
        .filter(|p| !p.role.is_boilerplate())
        .map(|p| an.tokens_in(p.span))
        .collect()
}

/// True when the text between two words separates them (sentence or clause punctuation,
/// brackets, a dash used as a break); spaces, hyphens, apostrophes and quote marks do not.
fn breaks_phrase(gap: &str) -> bool {
    gap.chars().any(|c| {
        !(c.is_whitespace()
            || matches!(
                c,
                '-' | '\u{2010}'
                    | '\u{2011}'
                    | '\''
                    | '"'
                    | '\u{2018}'
                    | '\u{2019}'
                    | '\u{201C}'
                    | '\u{201D}'
                    | '\u{00AB}'
                    | '\u{00BB}'
            ))
    })
}

/// A category's name for readers: `loaded_attribution` → `loaded attribution`.
pub fn category_label(name: &str) -> String {
    name.replace(['_', '-'], " ")
}

/// Loaded-term hits in both articles: side A's hits, then side B's; within a side by category
/// priority (labels, judgements, emotive and conspiratorial words first, then loaded attribution
/// and doubt, then praise, alarm, certainty and euphemism, intensifiers last), then text order.
/// A reader who looks at the first few hits sees the words aimed at the story's actors first.
/// `only_here` is true when the other article has no hit of the same entry.
pub fn loaded_terms(a: &Article, b: &Article, lexicon: &Lexicon) -> Vec<LoadedTerm> {
    let hits_a = lexicon.find(a);
    let hits_b = lexicon.find(b);
    let used_a: BTreeSet<usize> = hits_a.iter().map(|&(e, _)| e).collect();
    let used_b: BTreeSet<usize> = hits_b.iter().map(|&(e, _)| e).collect();
    let mut out = Vec::with_capacity(hits_a.len() + hits_b.len());
    for (side, hits, other) in [(Side::A, &hits_a, &used_b), (Side::B, &hits_b, &used_a)] {
        for &(e, span) in hits {
            let Some(entry) = lexicon.entries.get(e) else {
                continue;
            };
            out.push(LoadedTerm {
                side,
                span,
                term: entry.term.clone(),
                category: entry.category.clone(),
                reason: entry.reason.clone(),
                only_here: !other.contains(&e),
            });
        }
    }
    out.sort_by_cached_key(|t| (t.side, lexicon.priority(&t.category), t.span.start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicon_parses_and_is_broad() {
        let (cats, entries) = parse_file(BUNDLED).expect("assets/lexicon.toml must parse");
        assert!(cats.len() >= 7, "categories: {}", cats.len());
        assert!(entries.len() >= 400, "entries: {}", entries.len());
        let lex = Lexicon::from_toml(BUNDLED).expect("bundled lexicon must compile");
        assert_eq!(lex.len(), Lexicon::builtin().len());
    }

    #[test]
    fn bundled_entries_are_unique_after_stemming_and_have_reasons() {
        let (cats, entries) = parse_file(BUNDLED).expect("parse");
        let mut seen: BTreeMap<(bool, Vec<String>), &str> = BTreeMap::new();
        let mut dups = Vec::new();
        for e in &entries {
            let key = entry_key(e);
            assert!(!key.is_empty(), "empty term in {}", e.category);
            if let Some(prev) = seen.insert((e.exact, key), &e.term) {
                dups.push(format!("{prev} = {}", e.term));
            }
            assert!(!e.reason.trim().is_empty(), "no reason for {}", e.term);
            assert!(!e.reason.contains('\n'), "reason of {} spans lines", e.term);
            assert_eq!(e.term, e.term.trim(), "stray whitespace in {:?}", e.term);
        }
        assert!(dups.is_empty(), "entries stemming alike: {dups:?}");
        for c in &cats {
            assert!(
                !c.description.trim().is_empty(),
                "category {} undescribed",
                c.name
            );
        }
    }

    #[test]
    fn reasons_for_unknown_terms_are_rejected() {
        let src = r#"
[[category]]
name = "x"
description = "d"
reason = "r"
terms = ["a"]
[category.reasons]
"b" = "typo"
"#;
        assert!(matches!(
            Lexicon::from_toml(src),
            Err(LexiconError::Parse(_))
        ));
    }

    #[test]
    fn punctuation_breaks_a_phrase() {
        assert!(breaks_phrase(". "));
        assert!(breaks_phrase(", "));
        assert!(!breaks_phrase(" "));
        assert!(!breaks_phrase("-"));
        assert!(!breaks_phrase("’ "));
    }
}
