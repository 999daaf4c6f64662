//! The loaded-terms lexicon: the bundled entries (`assets/lexicon.toml`), the user's additions
//! and removals, and matching entries against an article's words.
//!
//! Entries are matched on Snowball stems (the same stems [`crate::text::tokens`] gives every
//! word), so `claims`, `claimed` and `claiming` all hit the entry `claim`, and a multi-word entry
//! such as `regime forces` also hits `regime's forces`; a word that only shares the stem by
//! derivation (`dismissal` and `dismiss`, `danger` and `dangerous`) is another word
//! ([`forms`]). Matching never crosses sentence punctuation (`regime. Forces` is no hit) and
//! never looks inside boilerplate paragraphs; the headline counts. Entries marked `exact` match
//! only the words as written.
//!
//! A match is a loaded term unless its context says otherwise: words inside a proper name or a
//! quoted title are not ([`names`]: "Supreme Court", the "Patriot Act"), and an entry's sense
//! rules leave out the senses it does not mean ([`sense`]: "the dismissal of the director", "a
//! harassment claim", "lying" in a story about a perjury charge). Overlapping matches resolve to
//! the longest one starting leftmost.
//!
//! The English word lists of attribution verbs, hedges and certainty markers are not loaded
//! terms; they live in [`crate::text::vocab`], where the framing profile and the framing diff
//! read them.

mod file;
pub mod forms;
pub mod names;
pub mod sense;
mod user;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::voice::{Voice, Voices};
use super::{LoadedTerm, Side};
use crate::corpus::Article;
use crate::text::tokens::{Form, normalize, stem, stem_phrase, tokenize};
use crate::text::{Analysis, ParagraphRole, Span, Token};

pub use user::{PatchError, UserLexicon, UserTable, parse_user_table};

/// The bundled lexicon, as shipped.
const BUNDLED: &str = include_str!("../../assets/lexicon.toml");

/// The bundled lexicon compiled: the tables [`Lexicon::with_rules`] builds from the bundled
/// file, written out as Rust by the test `bundled_tables_are_current` (which fails when they
/// are not what the file and the program's normal forms and stems give now; run it with
/// `PARALLAX_WRITE_LEXICON=1` to write them anew). A start-up then reads them from the binary
/// instead of parsing the file, stemming its words and building matchers.
mod bundled {
    use super::List::Bundled as L;
    use super::Str::Bundled as T;
    use super::sense::{Cues, Pos, Sense, WordSet, Words};
    use super::{Category, Item, Rules, Tables};
    use std::borrow::Cow::Borrowed as B;

    include!("lexicon/bundled.rs");
}

/// A hash of the text of a lexicon file (64-bit FNV-1a), computed at compile time for the
/// bundled file: the compiled tables are used only while the file is the one they were made
/// from (the embedded config's compiled defaults are checked the same way).
pub(crate) const fn source_hash(src: &str) -> u64 {
    let bytes = src.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

/// True when the compiled tables were made from the bundled file as it is.
const BUNDLED_TABLES_CURRENT: bool = source_hash(BUNDLED) == bundled::SOURCE_HASH;

/// A list of a lexicon's entry (its words, its sense rules) or of its index: in the bundled
/// lexicon's tables, a range of one of their pools ([`Pooled`]), so that the entries hold no
/// pointer and stay out of the memory the dynamic loader writes at every start; owned in a
/// lexicon built at run time. Reads as its slice.
#[derive(Clone)]
pub enum List<T: 'static> {
    /// Elements `start..end` of the bundled pool of `T`.
    Bundled(u32, u32),
    /// A list of its own.
    Owned(Vec<T>),
}

/// A kind of element the compiled tables keep in one pool.
pub trait Pooled: Sized + 'static {
    /// All the bundled lists of this kind, end to end.
    fn pool() -> &'static [Self];
}

impl Pooled for (Str, Str) {
    fn pool() -> &'static [Self] {
        &bundled::WORDS
    }
}

impl Pooled for u32 {
    fn pool() -> &'static [Self] {
        &bundled::IDS
    }
}

impl<T: Pooled> std::ops::Deref for List<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match self {
            List::Bundled(start, end) => &T::pool()[*start as usize..*end as usize],
            List::Owned(v) => v,
        }
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        List::Owned(iter.into_iter().collect())
    }
}

impl<T: Pooled + PartialEq> PartialEq for List<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Pooled + Eq> Eq for List<T> {}

impl<T: Pooled + std::fmt::Debug> std::fmt::Debug for List<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

/// A string of a lexicon: in the bundled lexicon's tables, a range of their text
/// (`bundled::TEXT`), so that the tables hold no pointer per string for the dynamic loader to
/// relocate at every start; owned in a lexicon built at run time. Reads as its `str`.
#[derive(Clone)]
pub enum Str {
    /// Bytes `start..end` of the compiled lexicon's text.
    Bundled(u32, u32),
    /// A string of its own.
    Owned(String),
}

impl std::ops::Deref for Str {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Str::Bundled(start, end) => &bundled::TEXT[*start as usize..*end as usize],
            Str::Owned(s) => s,
        }
    }
}

impl Str {
    /// The string's bytes, as `str::as_bytes` gives them but without first making a `str` of
    /// the range (and checking its character boundaries): for the look-ups that compare many
    /// strings, where byte order is `str` order.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Str::Bundled(start, end) => &bundled::TEXT.as_bytes()[*start as usize..*end as usize],
            Str::Owned(s) => s.as_bytes(),
        }
    }
}

impl Default for Str {
    fn default() -> Self {
        Str::Owned(String::new())
    }
}

impl From<String> for Str {
    fn from(s: String) -> Self {
        Str::Owned(s)
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Self {
        Str::Owned(s.to_string())
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for Str {}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl PartialEq<String> for Str {
    fn eq(&self, other: &String) -> bool {
        **self == **other
    }
}

impl PartialOrd for Str {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Str {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (**self).cmp(&**other)
    }
}

impl std::hash::Hash for Str {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (**self).hash(state);
    }
}

impl std::fmt::Debug for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

impl std::fmt::Display for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

impl Serialize for Str {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Str::Owned)
    }
}

/// Priority of a category that only the user's lexicon uses: listed with the first.
const USER_PRIORITY: u32 = 0;

/// One lexicon entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The word or phrase in its canonical form (reports show it as the explanation of the
    /// words as written).
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
    pub name: Str,
    /// What the category collects.
    pub description: Str,
    /// Display priority: hits of lower-priority categories are listed first on each side.
    pub priority: u32,
}

/// Why a lexicon could not be built, or why an item of the user's patch was skipped.
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

/// What the lexicon file says beyond its entries: sense rules, the cue words part of speech is
/// read from, and the words that end names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    senses: Cow<'static, [sense::Sense]>,
    cues: sense::Cues,
    heads: sense::WordSet,
}

impl Rules {
    /// The sense rules, in file order.
    pub fn senses(&self) -> &[sense::Sense] {
        &self.senses
    }
}

/// A compiled lexicon: its tables and rules.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    tables: Tables,
    rules: Arc<Rules>,
    /// Where each first word sits in `tables.by_stem` and `tables.by_norm`, by its hash
    /// (compiled for the bundled lexicon, else made on the first match): each token looks its
    /// words up once instead of searching both lists.
    first_words: OnceLock<[FirstWords; 2]>,
}

/// Positions in an [`Index`] by the hash of their word ([`home_slot`]): an open-addressing
/// table whose length is a power of two, at least twice the index's, each slot the position
/// of a word or [`NO_WORD`]; a word sits in the first free slot from its hash on. The bundled
/// lexicon's are compiled into the binary with its tables; a user-patched lexicon's are made
/// on its first match.
type FirstWords = Cow<'static, [u32]>;

/// A free slot of a [`FirstWords`] table.
const NO_WORD: u32 = u32::MAX;

/// The slot of a [`FirstWords`] table of `len` slots (a power of two) where the search for
/// `word` starts: the cheap word hash of the compiled word tables, the same on every platform
/// (the bundled tables are written once and read everywhere).
fn home_slot(word: &str, len: usize) -> usize {
    crate::text::vocab::table::index_entry(word, len)
}

/// `index`'s positions by the hash of their word.
fn first_words(index: &Index) -> Vec<u32> {
    let len = (index.len() * 2).next_power_of_two().max(2);
    let mut slots = vec![NO_WORD; len];
    for (i, (w, _)) in index.iter().enumerate() {
        let mut s = home_slot(w, len);
        while slots[s] != NO_WORD {
            s = (s + 1) & (len - 1);
        }
        slots[s] = u32::try_from(i).expect("an index of fewer than 4 billion words");
    }
    slots
}

/// What matching reads of a lexicon: the entries with their words and sense rules, and the
/// entries by the first word of their match key. The bundled lexicon's tables are compiled
/// into the binary ([`bundled`]); a lexicon patched by the user has its own, built at run time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Tables {
    categories: Cow<'static, [Category]>,
    items: Cow<'static, [Item]>,
    /// Entries matched on their stems, by the first stem of their key.
    by_stem: Index,
    /// Entries matched as written (`exact`), by their first normalised word.
    by_norm: Index,
}

/// Entries by the first word of their match key, sorted by that word, each list in entry
/// order.
type Index = Cow<'static, [(Str, List<u32>)]>;

/// One entry as matching reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Item {
    term: Str,
    category: Str,
    reason: Str,
    exact: bool,
    /// The entry's words as (normal form, stem), for telling inflections from derivations.
    words: List<(Str, Str)>,
    /// Indices into the rules' senses of the rules of the entry.
    senses: List<u32>,
}

impl Item {
    /// The match key: the stems of the words, or their normal forms for an exact entry.
    fn key(&self) -> impl Iterator<Item = &str> {
        let exact = self.exact;
        self.words
            .iter()
            .filter(move |(_, s)| exact || !s.is_empty())
            .map(move |(n, s)| if exact { &**n } else { &**s })
    }
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

/// What makes two entries the same entry: the stem and the derivation of each word
/// ([`forms::derivation`]), or for an exact entry its normalised words. `claims` and `claim`
/// are one entry, `dismissal` and `dismiss` two.
pub(crate) fn entry_ident(e: &Entry) -> Vec<String> {
    if e.exact {
        return entry_key(e);
    }
    entry_words(e)
        .into_iter()
        .map(|(n, s)| {
            let d = forms::derivation(&n, &s);
            format!("{s}\u{1}{d}")
        })
        .collect()
}

/// An entry's words as (normal form, stem).
fn entry_words(e: &Entry) -> Vec<(String, String)> {
    e.term
        .unicode_words()
        .map(normalize)
        .filter(|w| !w.is_empty())
        .map(|n| {
            let s = stem(&n);
            (n, s)
        })
        .collect()
}

/// The stems of an entry's words (its match key unless it is exact).
fn stems_of(words: &[(String, String)]) -> Vec<String> {
    words
        .iter()
        .filter(|(_, s)| !s.is_empty())
        .map(|(_, s)| s.clone())
        .collect()
}

/// The identity of an inflected entry from its words (see [`entry_ident`]).
fn ident_of(words: &[(String, String)]) -> Vec<String> {
    words
        .iter()
        .map(|(n, s)| {
            let d = forms::derivation(n, s);
            format!("{s}\u{1}{d}")
        })
        .collect()
}

/// Normal form and stem of each word met while a lexicon is built, worked out once per word.
#[derive(Default)]
struct WordForms {
    seen: HashMap<String, (String, String)>,
}

impl WordForms {
    /// The words of `term` as (normal form, stem), as [`entry_words`] gives them.
    fn entry_words(&mut self, term: &str) -> Vec<(String, String)> {
        // Letters and spaces only (nearly every term): the words are what the spaces separate,
        // as Unicode word segmentation would find them, without its tables.
        let plain = term.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ');
        let words: Box<dyn Iterator<Item = &str>> = if plain {
            Box::new(term.split(' ').filter(|w| !w.is_empty()))
        } else {
            Box::new(term.unicode_words())
        };
        words
            .map(|w| {
                if let Some(found) = self.seen.get(w) {
                    return found.clone();
                }
                let n = normalize(w);
                let s = stem(&n);
                self.seen.insert(w.to_string(), (n.clone(), s.clone()));
                (n, s)
            })
            .filter(|(n, _)| !n.is_empty())
            .collect()
    }
}

/// The selected entries by the first word of their key.
fn build_index(keys: &[Vec<String>], select: impl Fn(usize) -> bool) -> Index {
    let mut by_first: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(first) = k.first().filter(|_| select(i)) {
            by_first
                .entry(first)
                .or_default()
                .push(u32::try_from(i).unwrap_or(u32::MAX));
        }
    }
    by_first
        .into_iter()
        .map(|(w, ids)| (Str::from(w), List::Owned(ids)))
        .collect()
}

/// The entries of `index` whose key starts with `word`, by searching the sorted index.
#[cfg(test)]
fn lookup<'a>(index: &'a Index, word: &str) -> &'a [u32] {
    index
        .binary_search_by(|(w, _)| w.as_bytes().cmp(word.as_bytes()))
        .map_or(&[], |i| &index[i].1)
}

/// The entries of `index` whose key starts with `word`, found through the hashes of `index`'s
/// words (`first`, made by [`first_words`]).
fn lookup_hashed<'a>(index: &'a Index, first: &[u32], word: &str) -> &'a [u32] {
    // More slots than words: the search meets a free slot before it has gone round.
    let mut s = home_slot(word, first.len());
    loop {
        match first[s] {
            NO_WORD => return &[],
            i if index[i as usize].0.as_bytes() == word.as_bytes() => return &index[i as usize].1,
            _ => s = (s + 1) & (first.len() - 1),
        }
    }
}

/// What a story tells about its own words: its subject (the stems of its headlines, and the
/// stems one of its articles repeats in three sentences or more and every article uses) and
/// the names its articles write in ordinary sentences.
#[derive(Clone, Debug, Default)]
pub struct Story {
    subject: HashSet<String>,
    known_names: HashSet<Vec<Form>>,
}

impl Story {
    /// The story told by `articles` (the two sides of a comparison, or one article).
    pub fn new(articles: &[&Article]) -> Story {
        // Each article's stems with the number of sentences using them, the articles side by
        // side, and the names they write beside that.
        let (counted, known_names) = rayon::join(
            || {
                articles
                    .par_iter()
                    .map(|art| {
                        let an = &art.analysis;
                        let mut sentences: HashMap<&str, usize> = Default::default();
                        let mut seen = HashSet::default();
                        for s in &an.sentences {
                            seen.clear();
                            for t in &an.tokens[an.tokens_in(s.span)] {
                                if seen.insert(t.stem.as_str()) {
                                    *sentences.entry(t.stem.as_str()).or_default() += 1;
                                }
                            }
                        }
                        sentences
                    })
                    .collect::<Vec<_>>()
            },
            || names::known_names(articles),
        );
        let mut subject = HashSet::default();
        let mut repeated: HashSet<&str> = HashSet::default();
        let mut everywhere: Option<HashSet<&str>> = None;
        for sentences in counted {
            repeated.extend(
                sentences
                    .iter()
                    .filter(|&(_, &n)| n >= REPEATED)
                    .map(|(s, _)| *s),
            );
            let used: HashSet<&str> = sentences.into_keys().collect();
            everywhere = Some(match everywhere {
                None => used,
                Some(e) => e.intersection(&used).copied().collect(),
            });
        }
        let everywhere = everywhere.unwrap_or_default();
        repeated.retain(|s| everywhere.contains(s));
        subject.extend(repeated.into_iter().map(str::to_string));
        for art in articles {
            subject.extend(
                tokenize(&art.title)
                    .into_iter()
                    .map(|t| String::from(t.stem)),
            );
            let an = &art.analysis;
            for p in an
                .paragraphs
                .iter()
                .filter(|p| p.role == ParagraphRole::Title)
            {
                subject.extend(
                    an.tokens[an.tokens_in(p.span)]
                        .iter()
                        .map(|t| t.stem.as_str().to_owned()),
                );
            }
        }
        Story {
            subject,
            known_names,
        }
    }
}

/// Number of sentences in which an article of a story uses a word (that every article uses)
/// for it to be the story's subject.
const REPEATED: usize = 3;

/// One article's words as the matcher reads them: each analysed token's clause and sentence.
struct Layout {
    /// Token range of the clause of each token (`0..0` for tokens not analysed).
    clause: Vec<std::ops::Range<usize>>,
    /// First token of each sentence, in order.
    sentence_starts: Vec<usize>,
}

impl Layout {
    fn sentence_start(&self, i: usize) -> usize {
        let k = self.sentence_starts.partition_point(|&s| s <= i);
        k.checked_sub(1)
            .and_then(|k| self.sentence_starts.get(k))
            .copied()
            .unwrap_or(0)
    }
}

/// The analysed tokens of an article in reading order, and for each the position in that
/// order of the first token of its run: words that no sentence or clause punctuation
/// separates, where a multi-word entry may match.
struct Reading {
    order: Vec<usize>,
    run_start: Vec<usize>,
}

impl Reading {
    /// The reading of `art`, and its layout of clauses and sentences.
    fn of(art: &Article) -> (Reading, Layout) {
        let an = &art.analysis;
        let mut reading = Reading {
            order: Vec::new(),
            run_start: Vec::new(),
        };
        let mut layout = Layout {
            clause: vec![0..0; an.tokens.len()],
            sentence_starts: an
                .sentences
                .iter()
                .map(|s| an.tokens_in(s.span).start)
                .collect(),
        };
        let mut clause_start = 0;
        let close = |layout: &mut Layout, from: usize, to: usize| {
            for slot in layout.clause.iter_mut().take(to).skip(from) {
                *slot = from..to;
            }
        };
        for range in analysed_token_ranges(an) {
            let mut run = reading.order.len();
            let mut prev_end: Option<usize> = None;
            for ti in range.clone() {
                let Some(tok) = an.tokens.get(ti) else {
                    continue;
                };
                let opens = layout.sentence_starts.binary_search(&ti).is_ok();
                if let Some(pe) = prev_end
                    && (opens || breaks_phrase(art.text.get(pe..tok.span.start).unwrap_or(".")))
                {
                    run = reading.order.len();
                    close(&mut layout, clause_start, ti);
                    clause_start = ti;
                }
                if prev_end.is_none() {
                    clause_start = ti;
                }
                reading.order.push(ti);
                reading.run_start.push(run);
                prev_end = Some(tok.span.end);
            }
            if prev_end.is_some() {
                close(&mut layout, clause_start, range.end.min(an.tokens.len()));
            }
        }
        (reading, layout)
    }
}

impl Lexicon {
    /// Build a lexicon from categories and entries, without sense rules. Entries that stem to
    /// the same words as an earlier entry are dropped (the earlier one wins).
    pub fn new(categories: Vec<Category>, entries: Vec<Entry>) -> Result<Self, LexiconError> {
        Lexicon::with_rules(categories, entries, Arc::new(Rules::default()))
    }

    /// Build a lexicon from categories, entries and the rules that apply to them.
    fn with_rules(
        categories: Vec<Category>,
        entries: Vec<Entry>,
        rules: Arc<Rules>,
    ) -> Result<Self, LexiconError> {
        // Each distinct word of the file is normalised and stemmed once (most recur across
        // entries, sense rules and the checks below).
        let mut forms = WordForms::default();
        let mut seen = rustc_hash::FxHashSet::default();
        let mut kept = Vec::new();
        let mut keys = Vec::new();
        let mut words = Vec::new();
        let mut idents = Vec::new();
        for e in entries {
            let w = forms.entry_words(&e.term);
            let key = if e.exact {
                w.iter().map(|(n, _)| n.clone()).collect()
            } else {
                stems_of(&w)
            };
            if key.is_empty() {
                return Err(LexiconError::EmptyTerm {
                    category: e.category,
                });
            }
            let ident = if e.exact { key.clone() } else { ident_of(&w) };
            if seen.insert((e.exact, ident.clone())) {
                keys.push(key);
                kept.push(e);
                words.push(w);
                idents.push(ident);
            }
        }
        // Which sense rules name each entry: by the term as written (ASCII case aside), or,
        // for an inflected entry, by the identity of the term as an inflected entry.
        let mut by_term: HashMap<String, Vec<usize>> = HashMap::default();
        let mut by_ident: HashMap<Vec<String>, Vec<usize>> = HashMap::default();
        for (i, s) in rules.senses.iter().enumerate() {
            for t in s.terms.iter() {
                by_term.entry(t.to_ascii_lowercase()).or_default().push(i);
                let ident = ident_of(&forms.entry_words(t));
                by_ident.entry(ident).or_default().push(i);
            }
        }
        let senses_of: Vec<Vec<usize>> = kept
            .iter()
            .zip(&idents)
            .map(|(e, ident)| {
                let mut of: Vec<usize> = by_term
                    .get(&e.term.to_ascii_lowercase())
                    .into_iter()
                    .flatten()
                    .copied()
                    .collect();
                if !e.exact {
                    of.extend(by_ident.get(ident).into_iter().flatten().copied());
                }
                of.sort_unstable();
                of.dedup();
                of
            })
            .collect();
        let by_stem = build_index(&keys, |i| !kept[i].exact);
        let by_norm = build_index(&keys, |i| kept[i].exact);
        let items = kept
            .into_iter()
            .zip(words)
            .zip(senses_of)
            .map(|((e, words), senses)| Item {
                term: Str::Owned(e.term),
                category: Str::Owned(e.category),
                reason: Str::Owned(e.reason),
                exact: e.exact,
                words: words
                    .into_iter()
                    .map(|(n, s)| (Str::Owned(n), Str::Owned(s)))
                    .collect(),
                senses: senses
                    .into_iter()
                    .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
                    .collect(),
            })
            .collect();
        Ok(Lexicon {
            tables: Tables {
                categories: Cow::Owned(categories),
                items: Cow::Owned(items),
                by_stem,
                by_norm,
            },
            rules,
            first_words: OnceLock::new(),
        })
    }

    /// Parse and compile a lexicon written in the bundled file's format.
    pub fn from_toml(src: &str) -> Result<Self, LexiconError> {
        let (categories, entries, rules) = file::parse_file(src)?;
        Lexicon::with_rules(categories, entries, Arc::new(rules))
    }

    /// The bundled lexicon (parsed once per process). The bundled file is checked by the test
    /// suite; should it ever fail to parse, the lexicon is empty rather than a crash.
    pub fn builtin() -> Self {
        static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
        BUILTIN.get_or_init(Lexicon::bundled).clone()
    }

    /// The bundled lexicon, anew: for a caller that keeps its own shared copy (the engine's
    /// options do), which spares the copy [`Lexicon::builtin`] hands out. Its tables are read
    /// from the binary; only when the bundled file has changed since they were compiled is it
    /// built from the file.
    pub fn bundled() -> Self {
        if BUNDLED_TABLES_CURRENT {
            Lexicon::compiled()
        } else {
            Lexicon::from_toml(BUNDLED).unwrap_or_default()
        }
    }

    /// The bundled lexicon from its compiled tables.
    fn compiled() -> Self {
        Lexicon {
            tables: bundled::TABLES.clone(),
            rules: Arc::new(bundled::RULES.clone()),
            first_words: OnceLock::from([
                Cow::Borrowed(&bundled::BY_STEM_FIRST[..]),
                Cow::Borrowed(&bundled::BY_NORM_FIRST[..]),
            ]),
        }
    }

    /// The entries, in lexicon order.
    pub fn entries(&self) -> Vec<Entry> {
        self.tables
            .items
            .iter()
            .map(|i| Entry {
                term: i.term.to_string(),
                category: i.category.to_string(),
                reason: i.reason.to_string(),
                exact: i.exact,
            })
            .collect()
    }

    /// The term of entry `e` as written in the lexicon.
    pub fn term(&self, e: usize) -> Option<&str> {
        self.tables.items.get(e).map(|i| &*i.term)
    }

    /// The categories, in lexicon order.
    pub fn categories(&self) -> &[Category] {
        &self.tables.categories
    }

    /// The sense rules and the rest of what the lexicon file says beyond its entries.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Display priority of `category` (see [`Category::priority`]); unknown categories rank
    /// with the user's own.
    pub fn priority(&self, category: &str) -> u32 {
        self.tables
            .categories
            .iter()
            .find(|c| *c.name == *category)
            .map_or(USER_PRIORITY, |c| c.priority)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.tables.items.len()
    }

    /// True when the lexicon has no entries.
    pub fn is_empty(&self) -> bool {
        self.tables.items.is_empty()
    }

    /// Every hit in one article read on its own (its headline is the story's subject), as
    /// (entry index, span), in text order, without overlaps.
    pub fn find(&self, art: &Article) -> Vec<(usize, Span)> {
        self.find_in(art, &Story::new(&[art]))
    }

    /// Every hit in one article of `story`, as (entry index, span), in text order, without
    /// overlaps: matches inside names and quoted titles and matches a sense rule leaves out are
    /// dropped, then the longest match starting leftmost wins.
    pub fn find_in(&self, art: &Article, story: &Story) -> Vec<(usize, Span)> {
        let an = &art.analysis;
        let (reading, layout) = Reading::of(art);
        let names = names::Names::of(art, &story.known_names);
        let titles = names::quoted_titles(art);
        // (first token, last token, entry)
        let mut cands = self.matches(&an.tokens, &reading);
        cands.retain(|&(first, last, e)| {
            self.keeps(art, e, first, last, &layout, story, &names, &titles)
        });
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

    /// Every match of an entry's key in `reading`, overlaps included, as (first token, last
    /// token, entry), in reading order.
    fn matches(&self, tokens: &[Token], reading: &Reading) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let [stems, norms] = self.first_words.get_or_init(|| {
            [
                Cow::Owned(first_words(&self.tables.by_stem)),
                Cow::Owned(first_words(&self.tables.by_norm)),
            ]
        });
        for (p, &first) in reading.order.iter().enumerate() {
            let tok = &tokens[first];
            for (index, hashed, word) in [
                (&self.tables.by_stem, stems, &tok.stem),
                (&self.tables.by_norm, norms, &tok.norm),
            ] {
                for &e in lookup_hashed(index, hashed, word) {
                    let e = e as usize;
                    if let Some(last) = self.matches_at(e, tokens, reading, p) {
                        out.push((first, last, e));
                    }
                }
            }
        }
        out
    }

    /// The last token of a match of entry `e` whose key starts at position `p` of `reading`:
    /// each further word of the key is the word of the next token of the same run (its stem,
    /// or its normal form for an exact entry).
    fn matches_at(&self, e: usize, tokens: &[Token], reading: &Reading, p: usize) -> Option<usize> {
        let (order, run_start) = (&reading.order, &reading.run_start);
        let item = self.tables.items.get(e)?;
        let mut last = p;
        for (j, word) in item.key().enumerate().skip(1) {
            let at = p + j;
            if run_start.get(at) != run_start.get(p) {
                return None;
            }
            let tok = tokens.get(*order.get(at)?)?;
            let written = if item.exact { &tok.norm } else { &tok.stem };
            if written != word {
                return None;
            }
            last = at;
        }
        order.get(last).copied()
    }

    /// True when the match of entry `e` on tokens `first..=last` is a loaded term: the words
    /// are forms of the entry's words, not inside a name or a quoted title, and no sense rule
    /// of the entry leaves it out.
    #[allow(clippy::too_many_arguments)]
    fn keeps(
        &self,
        art: &Article,
        e: usize,
        first: usize,
        last: usize,
        layout: &Layout,
        story: &Story,
        names: &names::Names,
        titles: &[Span],
    ) -> bool {
        let an = &art.analysis;
        let toks = &an.tokens[first..=last];
        let Some(item) = self.tables.items.get(e) else {
            return false;
        };
        let words = &item.words;
        if !item.exact
            && (words.len() != toks.len()
                || !toks
                    .iter()
                    .zip(words.iter())
                    .all(|(t, (n, s))| forms::same_word(&t.norm, &t.stem, n, s)))
        {
            return false;
        }
        if names.covers(an, first, last, &self.rules.heads) {
            return false;
        }
        let span = Span::new(toks[0].span.start, toks[toks.len() - 1].span.end);
        if titles.iter().any(|t| t.contains(&span)) {
            return false;
        }
        let rules = &item.senses;
        if rules.is_empty() {
            return true;
        }
        let site = sense::Site {
            view: sense::View {
                text: &art.text,
                tokens: &an.tokens,
                clause: layout.clause[first].clone(),
                sentence_start: layout.sentence_start(first),
            },
            first,
            last,
            subject: toks.iter().all(|t| story.subject.contains(t.stem.as_str())),
        };
        !rules
            .iter()
            .filter_map(|&r| self.rules.senses.get(r as usize))
            .any(|s| s.applies(&site, &self.rules.cues))
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

/// The words of `span` as written, on one line (a phrase broken across lines reads as one).
fn as_written(text: &str, span: Span) -> String {
    span.slice(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A category's name for readers: `loaded_attribution` → `loaded attribution`.
pub fn category_label(name: &str) -> String {
    name.replace(['_', '-'], " ")
}

/// Loaded-term hits in both articles: side A's hits, then side B's; within a side by category
/// priority (labels, judgements, emotive and conspiratorial words first, then loaded attribution
/// and doubt, then praise, alarm, certainty and euphemism, intensifiers last), then text order.
/// A reader who looks at the first few hits sees the words aimed at the story's actors first.
/// The two articles are one story: a word in either headline is its subject, and a name either
/// writes in an ordinary sentence is a name in both. Each hit carries its voice (the outlet's
/// own words or a quoted speaker's, [`super::voice`]); `only_here` is true for a hit in the
/// outlet's voice when the other outlet has no hit of the same entry in its own voice, and for
/// a quoted hit when the other article has no hit of it at all.
pub fn loaded_terms(a: &Article, b: &Article, lexicon: &Lexicon) -> Vec<LoadedTerm> {
    let story = Story::new(&[a, b]);
    // Each article's hits, and each hit's voice: the outlet's own words, or someone's it
    // quotes. The two articles are read side by side.
    let ((hits_a, voices_a), (hits_b, voices_b)) = rayon::join(
        || (lexicon.find_in(a, &story), Voices::new(a)),
        || (lexicon.find_in(b, &story), Voices::new(b)),
    );
    let voiced =
        |hits: &[(usize, Span)], v: &Voices| -> Vec<(usize, Span, Voice, Option<String>)> {
            hits.iter()
                .map(|&(e, span)| {
                    let (voice, speaker) = v.of(span);
                    (e, span, voice, speaker)
                })
                .collect()
        };
    let (hits_a, hits_b) = (voiced(&hits_a, &voices_a), voiced(&hits_b, &voices_b));
    let used = |hits: &[(usize, Span, Voice, Option<String>)], outlet_only: bool| {
        hits.iter()
            .filter(|h| !outlet_only || h.2 == Voice::Outlet)
            .map(|h| h.0)
            .collect::<BTreeSet<usize>>()
    };
    let (own_a, own_b) = (used(&hits_a, true), used(&hits_b, true));
    let (any_a, any_b) = (used(&hits_a, false), used(&hits_b, false));
    let mut out = Vec::with_capacity(hits_a.len() + hits_b.len());
    for (side, art, hits, own, any) in [
        (Side::A, a, hits_a, &own_b, &any_b),
        (Side::B, b, hits_b, &own_a, &any_a),
    ] {
        for (e, span, voice, speaker) in hits {
            let Some(entry) = lexicon.tables.items.get(e) else {
                continue;
            };
            let only_here = match voice {
                Voice::Outlet => !own.contains(&e),
                Voice::Quoted => !any.contains(&e),
            };
            out.push(LoadedTerm {
                side,
                span,
                text: as_written(&art.text, span),
                term: entry.term.to_string(),
                category: entry.category.to_string(),
                reason: entry.reason.to_string(),
                only_here,
                voice,
                speaker,
            });
        }
    }
    out.sort_by_cached_key(|t| (t.side, lexicon.priority(&t.category), t.span.start));
    out
}

#[cfg(test)]
mod compiled;
#[cfg(test)]
mod tests;
