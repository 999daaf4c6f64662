//! English vocabulary, in one place: the word lists and the word-frequency table the analysis
//! reads, each a commented data file in `assets/english/`, compiled into the binary by the
//! build script (`build.rs`, which describes each file's format) as the tables of [`table`].
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

pub use markers::{
    Marker, attribution_verbs, boosters, could_start, find_markers, find_markers_where, hedges,
    is_speech_verb,
};
pub use wordfreq::{informativeness, zipf};

use markers::ascii_lower;

/// The tables written by `build.rs`: `FUNCTION` with `FUNCTION_USES` and `STYLE_STEMS`
/// (`function_words.txt`), `CUE_PHRASES` with `CUE_USES` (`quotation_cues.txt`).
mod lists {
    use super::table::{Filtered, Texts, Words};
    include!(concat!(env!("OUT_DIR"), "/function_words.rs"));
    include!(concat!(env!("OUT_DIR"), "/quotation_cues.rs"));
}

use lists::{CUE_PHRASES, CUE_USES, FUNCTION, FUNCTION_USES, STYLE_STEMS};

/// What a word next to a quotation says about its kind (the last column of
/// `quotation_cues.txt`). The build script lists the uses in this order (`CUES` in `build.rs`):
/// bit `cue as u8` of a phrase's uses is set when it has `cue`.
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
    CUE_PHRASES
        .slot(&ascii_lower(words))
        .is_some_and(|slot| CUE_USES[slot] & (1 << cue as u8) != 0)
}

/// What a function word tells the engine (the second column of `function_words.txt`). The
/// build script lists the uses in this order (`USES` in `build.rs`): bit `u as u8` of a word's
/// uses is set when it has `u`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Use {
    /// Shared by two quotations, it says nothing about them being the same quotation.
    Match,
    /// Never a distinctive term (compared as its stem): the words' stems are a table of their
    /// own, `STYLE_STEMS`, which [`is_style_stem`] looks in.
    #[cfg_attr(
        not(test),
        expect(dead_code, reason = "looked up by its stems, in STYLE_STEMS")
    )]
    Distinct,
    /// Ends the noun phrase naming a speaker.
    Phrase,
    /// A pronoun.
    Pronoun,
    /// Opens a noun phrase naming a speaker.
    Determiner,
    /// An auxiliary or modal verb.
    Auxiliary,
}

/// True when the lower-case `word` is a function word with the use `u`.
fn has_use(word: &str, u: Use) -> bool {
    FUNCTION
        .slot(word)
        .is_some_and(|slot| FUNCTION_USES[slot] & (1 << u as u8) != 0)
}

/// True when the normalised word `norm` is a function word that says nothing about two
/// quotations being the same.
pub fn is_function_word(norm: &str) -> bool {
    has_use(norm, Use::Match)
}

/// True when `stem` is the stem of a function word that is never a distinctive term: it tells
/// a reader about style, not framing.
pub fn is_style_stem(stem: &str) -> bool {
    STYLE_STEMS.contains(stem)
}

/// True when `word` (as written, any ASCII case) ends the noun phrase naming a speaker ("said
/// the ministry *in* a statement").
pub fn ends_phrase(word: &str) -> bool {
    has_use(&ascii_lower(word), Use::Phrase)
}

/// True when `word` (as written, any ASCII case) is a pronoun.
pub fn is_pronoun(word: &str) -> bool {
    has_use(&ascii_lower(word), Use::Pronoun)
}

/// True when `word` (as written, any ASCII case) is a determiner that opens a noun phrase
/// naming a speaker ("the", "a", "an").
pub fn is_determiner(word: &str) -> bool {
    has_use(&ascii_lower(word), Use::Determiner)
}

/// True when the lower-case `word` is an auxiliary or modal verb ("was", "has", "would").
pub fn is_auxiliary(word: &str) -> bool {
    has_use(word, Use::Auxiliary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashSet as HashSet;

    const FUNCTION_WORDS: &str = include_str!("../../../assets/english/function_words.txt");
    const QUOTATION_CUES: &str = include_str!("../../../assets/english/quotation_cues.txt");

    impl Use {
        fn parse(s: &str) -> Option<Use> {
            Some(match s {
                "match" => Use::Match,
                "distinct" => Use::Distinct,
                "phrase" => Use::Phrase,
                "pronoun" => Use::Pronoun,
                "determiner" => Use::Determiner,
                "auxiliary" => Use::Auxiliary,
                _ => return None,
            })
        }
    }

    /// Every `(word, use)` of the function-word file, as the program once read it at run time.
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

    /// Every `(phrase, use)` of the quotation-cue file, as the program once read it at run
    /// time.
    fn quotation_cues() -> HashSet<(&'static str, Cue)> {
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
    }

    const ALL_CUES: [Cue; 8] = [
        Cue::Quoting,
        Cue::Term,
        Cue::Scare,
        Cue::Title,
        Cue::TitleAfter,
        Cue::Titled,
        Cue::Reporting,
        Cue::Role,
    ];

    #[test]
    fn quotation_cues_are_read_with_their_uses() {
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

    #[test]
    fn compiled_cues_are_the_files() {
        let listed = quotation_cues();
        assert!(listed.len() > 100, "{}", listed.len());
        for cue in ALL_CUES {
            assert!(listed.iter().any(|&(_, c)| c == cue), "no {cue:?} cue");
        }
        let phrases: HashSet<&str> = listed.iter().map(|&(p, _)| p).collect();
        assert_eq!(CUE_PHRASES.len(), phrases.len());
        for phrase in phrases {
            for cue in ALL_CUES {
                assert_eq!(
                    has_cue(phrase, cue),
                    listed.contains(&(phrase, cue)),
                    "{phrase} {cue:?}"
                );
            }
        }
    }

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
    fn compiled_function_words_are_the_files() {
        let all = [
            Use::Match,
            Use::Distinct,
            Use::Phrase,
            Use::Pronoun,
            Use::Determiner,
            Use::Auxiliary,
        ];
        let listed: HashSet<(&str, Use)> = function_words()
            .filter_map(|(w, u)| Some((w, u?)))
            .collect();
        let words: HashSet<&str> = listed.iter().map(|&(w, _)| w).collect();
        assert!(words.len() > 80, "{}", words.len());
        assert_eq!(FUNCTION.len(), words.len());
        for w in words {
            for u in all {
                assert_eq!(has_use(w, u), listed.contains(&(w, u)), "{w} {u:?}");
            }
        }
        let stems: HashSet<String> = listed
            .iter()
            .filter(|&&(_, u)| u == Use::Distinct)
            .map(|&(w, _)| crate::text::tokens::stem(w))
            .collect();
        assert_eq!(STYLE_STEMS.len(), stems.len());
        for stem in stems {
            assert!(is_style_stem(&stem), "{stem}");
        }
    }

    #[test]
    fn uses_answer_as_listed() {
        assert!(is_function_word("the") && !is_function_word("bridge"));
        assert!(is_function_word("very") && !is_function_word("while"));
        assert!(is_style_stem("ani") && is_style_stem("onli") && is_style_stem("say"));
        assert!(is_style_stem("veri") && !is_style_stem("might"));
        assert!(ends_phrase("In") && ends_phrase("during") && !ends_phrase("the"));
        assert!(is_pronoun("They") && !is_pronoun("ministry"));
        assert!(is_determiner("The") && !is_determiner("this"));
    }
}
