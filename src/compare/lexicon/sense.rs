//! Sense rules: when a lexicon word, in its context, is not the loaded word the entry means.
//!
//! A rule (`[[sense]]` in `assets/lexicon.toml`) names entries and the context in which a hit of
//! them is left out, with the reason and example sentences the test suite checks. Conditions
//! that a rule gives must all hold for the hit to be left out:
//!
//! - `used_as` / `unless_used_as`: the word's part of speech, read from simple cues (the word
//!   before it — a determiner makes a noun, "to" or a pronoun a verb, "was" a passive — and its
//!   ending); `claim` the verb comments on a statement, "a harassment claim" is a legal claim;
//! - `next` (within `next_within` words) and `prev` (within `prev_within` words): words nearby,
//!   in the same clause; "accused him *of* fraud" reports an accusation, "wire fraud" is a charge;
//! - `unless_clause`: …unless one of these words follows in the same clause ("dismissed her"
//!   is a firing, "dismissed the report *as* fiction" is brushing it aside);
//! - `subject`: the words name the story's own subject (they are in a headline of the story),
//!   so a story about a perjury charge reports "lying" rather than loading it.
//!
//! Word lists may name a class of the file's `[words]` table as `@class`; `@name` is any
//! capitalised word that does not open its sentence.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Deserialize;

use crate::text::Token;

use super::{LexiconError, Str};

/// Part of speech, as far as simple cues tell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pos {
    /// "the claim", "despite claims".
    Noun,
    /// "he claimed", "to claim", "claiming".
    Verb,
    /// A past participle after a form of "be" or "get": "she was dismissed".
    Passive,
    /// A participle before a noun: "the alleged plot".
    Adjective,
    /// A word ending in -ly.
    Adverb,
    /// No cue decides.
    Unclear,
}

impl Pos {
    /// True when `self` is `want` or a kind of it (a passive is a verb).
    fn is(self, want: Pos) -> bool {
        self == want || (want == Pos::Verb && self == Pos::Passive)
    }
}

/// Classes of the `[words]` table that part-of-speech cues read.
const CUE_CLASSES: &[&str] = &[
    "determiner",
    "preposition",
    "pronoun",
    "modal",
    "be",
    "adverb",
];

/// One `[[sense]]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SenseDef {
    terms: Vec<String>,
    reason: String,
    #[serde(default)]
    used_as: Vec<Pos>,
    #[serde(default)]
    unless_used_as: Vec<Pos>,
    #[serde(default)]
    next: Vec<String>,
    #[serde(default = "one")]
    next_within: usize,
    #[serde(default)]
    prev: Vec<String>,
    #[serde(default = "one")]
    prev_within: usize,
    #[serde(default)]
    unless_clause: Vec<String>,
    #[serde(default)]
    subject: bool,
    #[serde(default)]
    hit: Vec<String>,
    #[serde(default)]
    miss: Vec<String>,
}

fn one() -> usize {
    1
}

/// A set of words, sorted and without repeats (a slice of the binary for the bundled
/// lexicon's sets).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordSet(pub(super) Cow<'static, [Str]>);

impl WordSet {
    /// The set of `words`.
    pub fn new(words: impl IntoIterator<Item = String>) -> Self {
        let mut v: Vec<Str> = words.into_iter().map(Str::Owned).collect();
        v.sort_unstable();
        v.dedup();
        WordSet(Cow::Owned(v))
    }

    /// True when `word` is in the set.
    pub fn contains(&self, word: &str) -> bool {
        self.0
            .binary_search_by(|w| w.as_bytes().cmp(word.as_bytes()))
            .is_ok()
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A set of words: normalised words, plus "any capitalised word inside a sentence".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    pub(super) words: WordSet,
    pub(super) name: bool,
}

impl Words {
    fn compile(list: &[String], classes: &BTreeMap<String, Vec<String>>) -> Result<Self, String> {
        let mut words = Vec::new();
        let mut name = false;
        for w in list {
            add(w, classes, 0, &mut words, &mut name)?;
        }
        Ok(Words {
            words: WordSet::new(words),
            name,
        })
    }

    /// True when token `i` of `view` is in the set.
    fn has(&self, view: &View, i: usize) -> bool {
        let Some(t) = view.tokens.get(i) else {
            return false;
        };
        self.words.contains(&t.norm) || (self.name && t.capitalized && !view.opens_sentence(i))
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty() && !self.name
    }
}

/// Add the word `w` (or the members of the class `@w`) to `words`, or note `@name`.
fn add(
    w: &str,
    classes: &BTreeMap<String, Vec<String>>,
    depth: usize,
    words: &mut Vec<String>,
    name: &mut bool,
) -> Result<(), String> {
    if w == "@name" {
        *name = true;
    } else if let Some(class) = w.strip_prefix('@') {
        let members = classes
            .get(class)
            .filter(|_| depth < 4)
            .ok_or_else(|| format!("unknown word class \"@{class}\""))?;
        for m in members {
            add(m, classes, depth + 1, words, name)?;
        }
    } else {
        let norm = crate::text::tokens::normalize(w);
        if norm.is_empty() || w.split_whitespace().count() != 1 {
            return Err(format!("\"{w}\" is not one word"));
        }
        words.push(norm);
    }
    Ok(())
}

/// A compiled sense rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sense {
    /// The entries it applies to, as written in the file.
    pub terms: Cow<'static, [Str]>,
    /// Why hits in this context are left out.
    pub reason: Str,
    pub(super) used_as: Cow<'static, [Pos]>,
    pub(super) unless_used_as: Cow<'static, [Pos]>,
    pub(super) next: Words,
    pub(super) next_within: usize,
    pub(super) prev: Words,
    pub(super) prev_within: usize,
    pub(super) unless_clause: Words,
    pub(super) subject: bool,
    /// Example texts in which the rule's entries are hits.
    pub hit: Cow<'static, [Str]>,
    /// Example texts in which the rule leaves them out.
    pub miss: Cow<'static, [Str]>,
}

/// The cue word classes part of speech is read from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cues {
    pub(super) determiner: Words,
    pub(super) preposition: Words,
    pub(super) pronoun: Words,
    pub(super) modal: Words,
    pub(super) be: Words,
    pub(super) adverb: Words,
}

impl Cues {
    /// Compile the cue classes of a `[words]` table; each must be present.
    pub(super) fn compile(classes: &BTreeMap<String, Vec<String>>) -> Result<Self, LexiconError> {
        let get = |name: &str| -> Result<Words, LexiconError> {
            let list = classes
                .get(name)
                .ok_or_else(|| LexiconError::Parse(format!("[words] has no \"{name}\" class")))?;
            Words::compile(list, classes).map_err(LexiconError::Parse)
        };
        if classes.is_empty() {
            return Ok(Cues::default());
        }
        let mut c = Cues::default();
        for name in CUE_CLASSES {
            let w = get(name)?;
            match *name {
                "determiner" => c.determiner = w,
                "preposition" => c.preposition = w,
                "pronoun" => c.pronoun = w,
                "modal" => c.modal = w,
                "be" => c.be = w,
                _ => c.adverb = w,
            }
        }
        Ok(c)
    }
}

impl SenseDef {
    /// Check and compile the rule. `classes` is the `[words]` table.
    pub(super) fn compile(
        self,
        classes: &BTreeMap<String, Vec<String>>,
    ) -> Result<Sense, LexiconError> {
        let bad = |why: String| {
            LexiconError::Parse(format!(
                "sense rule for {}: {why}",
                self.terms.first().map_or("(no terms)", |t| t.as_str())
            ))
        };
        if self.terms.is_empty() {
            return Err(bad("names no terms".to_string()));
        }
        if self.reason.trim().is_empty() || self.reason.contains('\n') {
            return Err(bad("needs a one-line reason".to_string()));
        }
        let words = |l: &[String]| Words::compile(l, classes).map_err(&bad);
        let owned = |l: &[String]| -> Cow<'static, [Str]> {
            l.iter().map(|s| Str::from(s.as_str())).collect()
        };
        let sense = Sense {
            next: words(&self.next)?,
            prev: words(&self.prev)?,
            unless_clause: words(&self.unless_clause)?,
            terms: owned(&self.terms),
            reason: Str::from(self.reason.as_str()),
            used_as: Cow::Owned(self.used_as.clone()),
            unless_used_as: Cow::Owned(self.unless_used_as.clone()),
            next_within: self.next_within.max(1),
            prev_within: self.prev_within.max(1),
            subject: self.subject,
            hit: owned(&self.hit),
            miss: owned(&self.miss),
        };
        let conditions = !sense.used_as.is_empty()
            || !sense.unless_used_as.is_empty()
            || !sense.next.is_empty()
            || !sense.prev.is_empty()
            || sense.subject;
        if !conditions {
            return Err(bad("gives no condition".to_string()));
        }
        Ok(sense)
    }
}

/// The words around a hit: its clause, the sentence it opens in, and the text.
pub struct View<'a> {
    /// The article's text.
    pub text: &'a str,
    /// The article's tokens.
    pub tokens: &'a [Token],
    /// Token range of the clause holding the hit (no sentence or clause punctuation inside).
    pub clause: std::ops::Range<usize>,
    /// Index of the first token of the sentence holding the hit.
    pub sentence_start: usize,
}

impl View<'_> {
    fn opens_sentence(&self, i: usize) -> bool {
        i == self.sentence_start
    }

    fn written(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.span.start..t.span.end))
            .unwrap_or("")
    }

    /// The token before `i` in the clause.
    fn before(&self, i: usize) -> Option<usize> {
        i.checked_sub(1).filter(|p| *p >= self.clause.start)
    }

    /// Part of speech of token `i`, from its ending and the words around it.
    pub fn pos(&self, i: usize, cues: &Cues) -> Pos {
        let Some(tok) = self.tokens.get(i) else {
            return Pos::Unclear;
        };
        let w = tok.norm.as_str();
        let prev = self.before(i);
        let possessive = |p: usize| {
            let s = self.written(p);
            s.ends_with("'s") || s.ends_with("’s") || s.ends_with("s'") || s.ends_with("s’")
        };
        let det = prev.is_some_and(|p| cues.determiner.has(self, p) || possessive(p));
        let prep = prev.is_some_and(|p| cues.preposition.has(self, p));
        let be = prev.is_some_and(|p| cues.be.has(self, p));
        if w.len() > 4 && w.ends_with("ly") {
            return Pos::Adverb;
        }
        if w.ends_with("ed") {
            return if be {
                Pos::Passive
            } else if det || prep {
                Pos::Adjective
            } else {
                Pos::Verb
            };
        }
        if w.ends_with("ing") {
            return if det { Pos::Noun } else { Pos::Verb };
        }
        // "the claim", "despite claims", "a constant champion".
        let det_before_adjective = prev.and_then(|p| self.before(p)).is_some_and(|p2| {
            cues.determiner.has(self, p2) && prev.is_some_and(|p| !self.tokens[p].capitalized)
        });
        // After "to" an infinitive has no "-s": "with respect to claims against him".
        let plural = w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
        let after_to = prev.is_some_and(|p| self.tokens[p].norm == "to");
        if det || (prep && !after_to) || (after_to && plural) {
            return Pos::Noun;
        }
        let verb_cue = prev.is_some_and(|p| {
            let n = self.tokens[p].norm.as_str();
            n == "to"
                || cues.pronoun.has(self, p)
                || cues.modal.has(self, p)
                || cues.adverb.has(self, p)
                || (n.len() > 4 && n.ends_with("ly"))
                // "Trump claims"; in a title-case headline ("Senator Questions Claims") every
                // word has its capital, and the one before tells nothing.
                || (self.tokens[p].capitalized
                    && !tok.capitalized
                    && !cues.determiner.has(self, p))
        });
        // "claims the convoy", "claims he was": a noun is rarely followed by a determiner or
        // a pronoun in the same clause. "that" and "such" are not telling: a noun takes them
        // too ("rejected claims that he betrayed", "humanitarian claims such as asylum").
        let next = (i + 1 < self.clause.end).then_some(i + 1);
        let object = next.is_some_and(|n| {
            (cues.determiner.has(self, n)
                && !matches!(self.tokens[n].norm.as_str(), "that" | "such"))
                || cues.pronoun.has(self, n)
                || self.tokens[n].numeric
        });
        if verb_cue || object {
            Pos::Verb
        } else if det_before_adjective {
            Pos::Noun
        } else {
            Pos::Unclear
        }
    }
}

/// Everything a rule needs to judge one hit.
pub struct Site<'a> {
    /// The words around it.
    pub view: View<'a>,
    /// First and last token of the hit.
    pub first: usize,
    /// Last token of the hit.
    pub last: usize,
    /// True when the hit's words name the story's subject.
    pub subject: bool,
}

impl Sense {
    /// True when this rule leaves the hit at `site` out.
    pub fn applies(&self, site: &Site, cues: &Cues) -> bool {
        let v = &site.view;
        if self.subject && !site.subject {
            return false;
        }
        if !self.used_as.is_empty() || !self.unless_used_as.is_empty() {
            let pos = v.pos(site.first, cues);
            if !self.used_as.is_empty() && !self.used_as.iter().any(|p| pos.is(*p)) {
                return false;
            }
            if self.unless_used_as.iter().any(|p| pos.is(*p)) {
                return false;
            }
        }
        if !self.next.is_empty() {
            let end = (site.last + 1 + self.next_within).min(v.clause.end);
            if !(site.last + 1..end).any(|i| self.next.has(v, i)) {
                return false;
            }
        }
        if !self.prev.is_empty() {
            let start = site
                .first
                .saturating_sub(self.prev_within)
                .max(v.clause.start);
            if !(start..site.first).any(|i| self.prev.has(v, i)) {
                return false;
            }
        }
        if (site.last + 1..v.clause.end).any(|i| self.unless_clause.has(v, i)) {
            return false;
        }
        true
    }
}
