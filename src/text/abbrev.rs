//! Abbreviations: the bundled table of words written with a full stop that does not (always)
//! end a sentence, and the words that start a sentence after one.
//!
//! The table is `assets/english/abbreviations.txt` (its header documents the format and each group),
//! compiled into perfect-hash tables by the build script (`build.rs`). Sentence segmentation ([`super::boundaries`]) asks what a full stop
//! after a word means; the normaliser ([`super::normalize`]) asks for full forms ("Gen." →
//! "general") and which words are honorifics to leave out of matching.

/// What a full stop after an abbreviation means: the groups of the data file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// Before a name ("Mr."): never ends a sentence; left out when matching.
    Honorific,
    /// A title or rank before a name ("Gen."): never ends a sentence.
    Title,
    /// Used inside a sentence ("e.g.", "vs."): never ends one.
    Inner,
    /// Before a number ("No. 2"): never ends a sentence when a number follows.
    Number,
    /// A month before a day ("Jan. 5"): as [`Group::Number`], and otherwise ends a sentence only
    /// before a sentence starter.
    Month,
    /// A state, country or union ("Calif.", "U.S."): ends a sentence only before a starter.
    Place,
    /// "a.m." and "p.m.": ends a sentence only before a starter.
    Time,
    /// After a name or a list ("Jr.", "Inc.", "etc."): ends a sentence only before a starter.
    Suffix,
}

impl Group {
    /// True when a full stop after the abbreviation can end a sentence (before a sentence
    /// starter).
    pub fn can_end_sentence(self) -> bool {
        matches!(
            self,
            Group::Month | Group::Place | Group::Time | Group::Suffix
        )
    }
}

/// One abbreviation of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Abbreviation {
    /// Its group.
    pub group: Group,
    /// The full form matching uses in its place, lower case ("general"), if the table gives one.
    pub full: Option<&'static str>,
}

use crate::text::vocab::table::{Filtered, Texts, Words};

// `ABBREVIATIONS` with their `GROUPS` and `FULL` forms, and the `STARTERS`: made by the build
// script from the table.
include!(concat!(env!("OUT_DIR"), "/abbreviations.rs"));

/// The entry of the table for `word`, spelled exactly so.
fn entry(word: &str) -> Option<Abbreviation> {
    let slot = ABBREVIATIONS.slot(word)?;
    let full = FULL.get(slot);
    Some(Abbreviation {
        group: GROUPS[slot],
        full: (!full.is_empty()).then_some(full),
    })
}

/// The abbreviation `word` is (written without its final full stop), looked up as written and
/// then by the part after its last hyphen ("then-Rep" → "Rep", "R-S.C" → "S.C").
pub fn lookup(word: &str) -> Option<Abbreviation> {
    // No entry is longer than a few letters; a long hyphenated word's last part is looked up.
    if word.len() > 64 {
        return None;
    }
    if let Some(a) = entry(word) {
        return Some(a);
    }
    let (_, last) = word.rsplit_once(['-', '–', '—'])?;
    entry(last)
}

/// True for a word that starts a new sentence after an abbreviation that can end one ("The",
/// "He", "But"…). Honorifics count as starters.
pub fn is_starter(word: &str) -> bool {
    STARTERS.contains(word) || lookup(word).is_some_and(|a| a.group == Group::Honorific)
}

/// True for a word made of single letters each followed by a full stop, without the last one:
/// "U.S", "J.R.R", "a.m", "F.B.I".
pub fn is_dotted_letters(word: &str) -> bool {
    let mut letters = 0;
    let mut expect_letter = true;
    for c in word.chars() {
        if expect_letter {
            if !c.is_alphabetic() {
                return false;
            }
            letters += 1;
        } else if c != '.' {
            return false;
        }
        expect_letter = !expect_letter;
    }
    letters >= 2 && !expect_letter
}

/// True for a single capital letter: an initial ("Robert S. Mueller").
pub fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_of_the_data_file_is_read() {
        assert_eq!(lookup("Mr").map(|a| a.group), Some(Group::Honorific));
        assert_eq!(
            lookup("Gen"),
            Some(Abbreviation {
                group: Group::Title,
                full: Some("general")
            })
        );
        assert_eq!(lookup("e.g").map(|a| a.group), Some(Group::Inner));
        assert_eq!(lookup("No").map(|a| a.group), Some(Group::Number));
        assert_eq!(lookup("Sept").and_then(|a| a.full), Some("september"));
        assert_eq!(lookup("Calif").map(|a| a.group), Some(Group::Place));
        assert_eq!(lookup("p.m").map(|a| a.group), Some(Group::Time));
        assert_eq!(lookup("Jr").map(|a| a.group), Some(Group::Suffix));
        assert!(is_starter("The") && is_starter("Mr") && !is_starter("Army"));
        assert!(!is_starter("the"));
    }

    #[test]
    fn the_compiled_table_holds_every_entry_of_the_file_with_its_first_group() {
        let file = include_str!("../../assets/english/abbreviations.txt");
        let (mut group, mut starters) = (None, false);
        let mut seen = std::collections::HashSet::new();
        let (mut entries, mut starter_count) = (0, 0);
        for line in file.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                starters = name == "starter";
                group = match name {
                    "honorific" => Some(Group::Honorific),
                    "title" => Some(Group::Title),
                    "inner" => Some(Group::Inner),
                    "number" => Some(Group::Number),
                    "month" => Some(Group::Month),
                    "place" => Some(Group::Place),
                    "time" => Some(Group::Time),
                    "suffix" => Some(Group::Suffix),
                    _ => None,
                };
                continue;
            }
            let (word, full) = match line.split_once('=') {
                Some((w, f)) => (w.trim(), Some(f.trim()).filter(|f| !f.is_empty())),
                None => (line, None),
            };
            if starters {
                assert!(is_starter(word), "{word}");
                starter_count += 1;
            } else if let Some(g) = group
                && seen.insert(word)
            {
                assert_eq!(entry(word), Some(Abbreviation { group: g, full }), "{word}");
                entries += 1;
            }
        }
        assert_eq!(ABBREVIATIONS.len(), entries);
        assert_eq!(STARTERS.len(), starter_count);
        assert!(
            entries > 150 && starter_count > 30,
            "{entries} {starter_count}"
        );
        // Not listed: no entry, whatever its case.
        assert_eq!(entry("gen"), None);
        assert_eq!(entry("Army"), None);
    }

    #[test]
    fn hyphenated_words_are_looked_up_by_their_last_part() {
        assert_eq!(lookup("then-Rep").map(|a| a.group), Some(Group::Title));
        assert_eq!(lookup("R-S.C").map(|a| a.group), Some(Group::Place));
        assert_eq!(lookup("D-N.Y").map(|a| a.group), Some(Group::Place));
        assert_eq!(lookup("post-Sept").map(|a| a.group), Some(Group::Month));
        assert_eq!(lookup("well-known"), None);
    }

    #[test]
    fn dotted_letters_and_initials() {
        for w in ["U.S", "J.R.R", "a.m", "F.B.I", "U.S.A"] {
            assert!(is_dotted_letters(w), "{w}");
        }
        for w in ["US", "U.S.", "3.5", "Lenta.ru", "U", ".S"] {
            assert!(!is_dotted_letters(w), "{w}");
        }
        assert!(is_initial("S") && !is_initial("s") && !is_initial("St"));
    }
}
