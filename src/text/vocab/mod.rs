//! English vocabulary, in one place: the word lists and the word-frequency table the analysis
//! reads, each a commented data file in `assets/english/`, parsed once on first use.
//!
//! - [`markers`]: attribution verbs, hedges and boosters (`attribution.txt`, `hedges.txt`,
//!   `boosters.txt`), and the words that name a quotation's speaker;
//! - function words (`function_words.txt`), each with the uses it has: [`is_function_word`]
//!   (quotation matching), [`is_style_stem`] (distinctive terms), [`ends_phrase`],
//!   [`is_pronoun`] and [`is_determiner`] (speakers);
//! - [`wordfreq`]: how common a word is in English at large (`wordfreq.txt`);
//! - [`stems`]: the stems of the words of the bundled tables, worked out at build time;
//! - [`table`]: the form the build script compiles those tables into;
//! - quotation cues (`quotation_cues.txt`): [`has_cue`], the words that tell a speech quotation
//!   from a scare quote, a title or a term.

pub mod markers;
pub mod stems;
pub mod table;
pub mod wordfreq;

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

pub use markers::{Marker, attribution_verbs, boosters, find_markers, hedges, is_speech_verb};
pub use wordfreq::{informativeness, zipf};

const FUNCTION_WORDS: &str = include_str!("../../../assets/english/function_words.txt");
const QUOTATION_CUES: &str = include_str!("../../../assets/english/quotation_cues.txt");

/// What a word next to a quotation says about its kind (the last column of
/// `quotation_cues.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    /// A verb or noun that takes someone's words anywhere in its sentence ("called").
    Quoting,
    /// The quotation after it is a word mentioned as a word or a nickname ("the term").
    Term,
    /// The quotation after it is the writer's distancing ("so-called").
    Scare,
    /// A title-case quotation after it is a name ("on", "host of").
    Title,
    /// A title-case quotation before it is a name ("show", "Act").
    TitleAfter,
    /// The quotation after it is a title whatever its case ("titled", "headlined").
    Titled,
    /// A word that reports speech without naming its speaker next to it ("saying", "charges",
    /// "accusing"): a short quotation in its sentence is someone's words, not a scare quote.
    Reporting,
    /// A noun naming a speaker by role ("the spokesman", "the statement"): it refers back to the
    /// name the role was given earlier.
    Role,
}

/// True when the phrase `words` (as written, any ASCII case, words separated by one space) is
/// listed in `quotation_cues.txt` with the use `cue`.
pub fn has_cue(words: &str, cue: Cue) -> bool {
    static SET: OnceLock<HashSet<(&'static str, Cue)>> = OnceLock::new();
    SET.get_or_init(|| {
        QUOTATION_CUES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (phrase, u) = l.rsplit_once(char::is_whitespace)?;
                let cue = match u {
                    "quoting" => Cue::Quoting,
                    "term" => Cue::Term,
                    "scare" => Cue::Scare,
                    "title" => Cue::Title,
                    "title_after" => Cue::TitleAfter,
                    "titled" => Cue::Titled,
                    "reporting" => Cue::Reporting,
                    "role" => Cue::Role,
                    _ => return None,
                };
                Some((phrase.trim(), cue))
            })
            .collect()
    })
    .contains(&(words.to_ascii_lowercase().as_str(), cue))
}

/// What a function word tells the engine (the second column of `function_words.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Use {
    /// Shared by two quotations, it says nothing about them being the same quotation.
    Match,
    /// Never a distinctive term (compared as its stem).
    Distinct,
    /// Ends the noun phrase naming a speaker.
    Phrase,
    /// A pronoun.
    Pronoun,
    /// Opens a noun phrase naming a speaker.
    Determiner,
}

impl Use {
    fn parse(s: &str) -> Option<Use> {
        Some(match s {
            "match" => Use::Match,
            "distinct" => Use::Distinct,
            "phrase" => Use::Phrase,
            "pronoun" => Use::Pronoun,
            "determiner" => Use::Determiner,
            _ => return None,
        })
    }
}

/// Every `(word, use)` of the function-word file.
fn function_words() -> impl Iterator<Item = (&'static str, Option<Use>)> {
    FUNCTION_WORDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .flat_map(|l| {
            let mut parts = l.split_whitespace();
            let word = parts.next().unwrap_or_default();
            parts.map(move |u| (word, Use::parse(u)))
        })
}

/// The function words with use `u`.
fn with_use(u: Use) -> HashSet<&'static str> {
    function_words()
        .filter(|&(_, x)| x == Some(u))
        .map(|(w, _)| w)
        .collect()
}

/// True when the normalised word `norm` is a function word that says nothing about two
/// quotations being the same.
pub fn is_function_word(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| with_use(Use::Match)).contains(norm)
}

/// True when `stem` is the stem of a function word that is never a distinctive term: it tells
/// a reader about style, not framing.
pub fn is_style_stem(stem: &str) -> bool {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        with_use(Use::Distinct)
            .into_iter()
            .map(crate::text::tokens::stem)
            .collect()
    })
    .contains(stem)
}

/// True when `word` (as written, any ASCII case) ends the noun phrase naming a speaker ("said
/// the ministry *in* a statement").
pub fn ends_phrase(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| with_use(Use::Phrase))
        .contains(word.to_ascii_lowercase().as_str())
}

/// True when `word` (as written, any ASCII case) is a pronoun.
pub fn is_pronoun(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| with_use(Use::Pronoun))
        .contains(word.to_ascii_lowercase().as_str())
}

/// True when `word` (as written, any ASCII case) is a determiner that opens a noun phrase
/// naming a speaker ("the", "a", "an").
pub fn is_determiner(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| with_use(Use::Determiner))
        .contains(word.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotation_cues_are_read_with_their_uses() {
        use super::{Cue, has_cue};
        assert!(has_cue("so-called", Cue::Scare));
        assert!(has_cue("Host of", Cue::Title));
        assert!(has_cue("show", Cue::Title) && has_cue("show", Cue::TitleAfter));
        assert!(has_cue("called", Cue::Quoting));
        assert!(!has_cue("called", Cue::Term));
        assert!(
            !has_cue("said", Cue::Quoting),
            "attribution verbs live in attribution.txt"
        );
    }

    use super::*;

    #[test]
    fn every_function_word_has_known_uses_and_is_normalised() {
        let mut seen = HashSet::default();
        for line in FUNCTION_WORDS.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let word = parts.next().unwrap();
            assert!(seen.insert(word), "{word} listed twice");
            assert_eq!(word.to_lowercase(), word, "{word} is not in lower case");
            let uses: Vec<_> = parts.collect();
            assert!(!uses.is_empty(), "{word} has no use");
            for u in uses {
                assert!(Use::parse(u).is_some(), "{word}: unknown use {u:?}");
            }
        }
    }

    #[test]
    fn uses_answer_as_listed() {
        assert!(is_function_word("the") && !is_function_word("bridge"));
        assert!(is_function_word("very") && !is_function_word("while"));
        assert!(is_style_stem("ani") && is_style_stem("onli") && is_style_stem("say"));
        assert!(!is_style_stem("veri"));
        assert!(ends_phrase("In") && ends_phrase("during") && !ends_phrase("the"));
        assert!(is_pronoun("They") && !is_pronoun("ministry"));
        assert!(is_determiner("The") && !is_determiner("this"));
    }
}
