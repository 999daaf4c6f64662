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

use std::collections::{BTreeSet, HashSet};

use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::voice::{Voice, Voices};
use super::{LoadedTerm, Side};
use crate::corpus::Article;
use crate::text::tokens::{normalize, stem, stem_phrase, tokenize};
use crate::text::{Analysis, ParagraphRole, Span};

pub use user::{PatchError, UserLexicon, UserTable, parse_user_table};

/// The bundled lexicon, as shipped.
const BUNDLED: &str = include_str!("../../assets/lexicon.toml");

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
    pub name: String,
    /// What the category collects.
    pub description: String,
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
#[derive(Clone, Debug, Default)]
pub struct Rules {
    senses: Vec<sense::Sense>,
    cues: sense::Cues,
    heads: HashSet<String>,
}

impl Rules {
    /// The sense rules, in file order.
    pub fn senses(&self) -> &[sense::Sense] {
        &self.senses
    }
}

/// A compiled lexicon: entries plus the matchers over their word sequences.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    categories: Vec<Category>,
    entries: Vec<Entry>,
    /// Each entry's words as (normal form, stem), for telling inflections from derivations.
    words: Vec<Vec<(String, String)>>,
    /// Indices into `rules.senses` of the rules of each entry.
    senses_of: Vec<Vec<usize>>,
    rules: Arc<Rules>,
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
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .map_err(|e| LexiconError::Matcher(e.to_string()))?;
    Ok(Some((ac, ids)))
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

/// What a story tells about its own words: its subject (the stems of its headlines, and the
/// stems one of its articles repeats in three sentences or more and every article uses) and
/// the names its articles write in ordinary sentences.
#[derive(Clone, Debug, Default)]
pub struct Story {
    subject: HashSet<String>,
    known_names: HashSet<Vec<String>>,
}

impl Story {
    /// The story told by `articles` (the two sides of a comparison, or one article).
    pub fn new(articles: &[&Article]) -> Story {
        let mut subject = HashSet::new();
        let mut repeated: HashSet<String> = HashSet::new();
        let mut everywhere: Option<HashSet<String>> = None;
        for art in articles {
            let an = &art.analysis;
            let mut sentences: std::collections::HashMap<&str, usize> = Default::default();
            for s in &an.sentences {
                let mut seen = HashSet::new();
                for t in &an.tokens[an.tokens_in(s.span)] {
                    if seen.insert(t.stem.as_str()) {
                        *sentences.entry(t.stem.as_str()).or_default() += 1;
                    }
                }
            }
            repeated.extend(
                sentences
                    .iter()
                    .filter(|&(_, &n)| n >= REPEATED)
                    .map(|(s, _)| s.to_string()),
            );
            let used: HashSet<String> = sentences.into_keys().map(str::to_string).collect();
            everywhere = Some(match everywhere {
                None => used,
                Some(e) => e.intersection(&used).cloned().collect(),
            });
        }
        let everywhere = everywhere.unwrap_or_default();
        repeated.retain(|s| everywhere.contains(s));
        subject.extend(repeated);
        for art in articles {
            subject.extend(tokenize(&art.title).into_iter().map(|t| t.stem));
            let an = &art.analysis;
            for p in an
                .paragraphs
                .iter()
                .filter(|p| p.role == ParagraphRole::Title)
            {
                subject.extend(
                    an.tokens[an.tokens_in(p.span)]
                        .iter()
                        .map(|t| t.stem.clone()),
                );
            }
        }
        Story {
            subject,
            known_names: names::known_names(articles),
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
            for t in &s.terms {
                by_term.entry(t.to_ascii_lowercase()).or_default().push(i);
                let ident = ident_of(&forms.entry_words(t));
                by_ident.entry(ident).or_default().push(i);
            }
        }
        let senses_of = kept
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
        let stems = build_matcher(&keys, |i| !kept[i].exact)?;
        let exact = build_matcher(&keys, |i| kept[i].exact)?;
        Ok(Lexicon {
            categories,
            entries: kept,
            words,
            senses_of,
            rules,
            stems,
            exact,
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

    /// The bundled lexicon, built anew: for a caller that keeps its own shared copy (the
    /// engine's options do), which spares the copy [`Lexicon::builtin`] hands out.
    pub fn bundled() -> Self {
        Lexicon::from_toml(BUNDLED).unwrap_or_default()
    }

    /// The entries, in lexicon order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The categories, in lexicon order.
    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// The sense rules and the rest of what the lexicon file says beyond its entries.
    pub fn rules(&self) -> &Rules {
        &self.rules
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
        let mut stem_hay = String::new();
        let mut norm_hay = String::new();
        // Offset of each token's encoding in the two haystacks, and the token index.
        let mut starts: Vec<(usize, usize, usize)> = Vec::new();
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
            stem_hay.push(BREAK);
            norm_hay.push(BREAK);
            let mut prev_end: Option<usize> = None;
            for ti in range.clone() {
                let Some(tok) = an.tokens.get(ti) else {
                    continue;
                };
                let opens = layout.sentence_starts.binary_search(&ti).is_ok();
                if let Some(pe) = prev_end
                    && (opens || breaks_phrase(art.text.get(pe..tok.span.start).unwrap_or(".")))
                {
                    stem_hay.push(BREAK);
                    norm_hay.push(BREAK);
                    close(&mut layout, clause_start, ti);
                    clause_start = ti;
                }
                if prev_end.is_none() {
                    clause_start = ti;
                }
                starts.push((stem_hay.len(), norm_hay.len(), ti));
                encode(std::slice::from_ref(&tok.stem), &mut stem_hay);
                encode(std::slice::from_ref(&tok.norm), &mut norm_hay);
                prev_end = Some(tok.span.end);
            }
            if prev_end.is_some() {
                close(&mut layout, clause_start, range.end.min(an.tokens.len()));
            }
        }
        let names = names::Names::of(art, &story.known_names);
        let titles = names::quoted_titles(art);
        // (first token, last token, entry)
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        for (matcher, hay, pick) in [(&self.stems, &stem_hay, 0), (&self.exact, &norm_hay, 1)] {
            let Some((ac, ids)) = matcher else {
                continue;
            };
            let offset = |s: &(usize, usize, usize)| if pick == 0 { s.0 } else { s.1 };
            for m in ac.find_overlapping_iter(hay.as_str()) {
                let first = starts.partition_point(|s| offset(s) < m.start());
                let last = starts.partition_point(|s| offset(s) < m.end());
                let (Some(f), Some(l), Some(&e)) = (
                    starts.get(first),
                    last.checked_sub(1).and_then(|i| starts.get(i)),
                    ids.get(m.pattern().as_usize()),
                ) else {
                    continue;
                };
                if self.keeps(art, e, f.2, l.2, &layout, story, &names, &titles) {
                    cands.push((f.2, l.2, e));
                }
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
        let exact = self.entries.get(e).is_some_and(|x| x.exact);
        if !exact
            && let Some(words) = self.words.get(e)
            && (words.len() != toks.len()
                || !toks
                    .iter()
                    .zip(words)
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
        let Some(rules) = self.senses_of.get(e).filter(|r| !r.is_empty()) else {
            return true;
        };
        let site = sense::Site {
            view: sense::View {
                text: &art.text,
                tokens: &an.tokens,
                clause: layout.clause[first].clone(),
                sentence_start: layout.sentence_start(first),
            },
            first,
            last,
            subject: toks.iter().all(|t| story.subject.contains(&t.stem)),
        };
        !rules
            .iter()
            .filter_map(|&r| self.rules.senses.get(r))
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
    let hits_a = lexicon.find_in(a, &story);
    let hits_b = lexicon.find_in(b, &story);
    // Each hit's voice: the outlet's own words, or someone's it quotes.
    let (voices_a, voices_b) = (Voices::new(a), Voices::new(b));
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
            let Some(entry) = lexicon.entries.get(e) else {
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
                term: entry.term.clone(),
                category: entry.category.clone(),
                reason: entry.reason.clone(),
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
mod tests;
