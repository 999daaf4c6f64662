//! Abbreviations: the bundled table of words written with a full stop that does not (always)
//! end a sentence, and the words that start a sentence after one.
//!
//! The table is `assets/english/abbreviations.txt` (its header documents the format and each group),
//! parsed once on first use. Sentence segmentation ([`super::boundaries`]) asks what a full stop
//! after a word means; the normaliser ([`super::normalize`]) asks for full forms ("Gen." →
//! "general") and which words are honorifics to leave out of matching.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../assets/english/abbreviations.txt");

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

struct Table {
    abbreviations: HashMap<&'static str, Abbreviation>,
    starters: HashSet<&'static str>,
}

fn table() -> &'static Table {
    static TABLE_CELL: OnceLock<Table> = OnceLock::new();
    TABLE_CELL.get_or_init(|| parse(TABLE))
}

/// Parse the data file format (see the file's header). Unknown groups and malformed lines are
/// skipped; the first entry for a spelling wins.
fn parse(src: &'static str) -> Table {
    let mut abbreviations = HashMap::default();
    let mut starters = HashSet::default();
    // The section being read: a group of abbreviations, the starters, or an unknown section.
    enum Section {
        Abbreviations(Group),
        Starters,
        Unknown,
    }
    let mut section = Section::Unknown;
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = match name {
                "honorific" => Section::Abbreviations(Group::Honorific),
                "title" => Section::Abbreviations(Group::Title),
                "inner" => Section::Abbreviations(Group::Inner),
                "number" => Section::Abbreviations(Group::Number),
                "month" => Section::Abbreviations(Group::Month),
                "place" => Section::Abbreviations(Group::Place),
                "time" => Section::Abbreviations(Group::Time),
                "suffix" => Section::Abbreviations(Group::Suffix),
                "starter" => Section::Starters,
                _ => Section::Unknown,
            };
            continue;
        }
        let (word, full) = match line.split_once('=') {
            Some((w, f)) => (w.trim(), Some(f.trim()).filter(|f| !f.is_empty())),
            None => (line, None),
        };
        match section {
            Section::Abbreviations(group) => {
                abbreviations
                    .entry(word)
                    .or_insert(Abbreviation { group, full });
            }
            Section::Starters => {
                starters.insert(word);
            }
            Section::Unknown => {}
        }
    }
    Table {
        abbreviations,
        starters,
    }
}

/// The abbreviation `word` is (written without its final full stop), looked up as written and
/// then by the part after its last hyphen ("then-Rep" → "Rep", "R-S.C" → "S.C").
pub fn lookup(word: &str) -> Option<Abbreviation> {
    // No entry is longer than a few letters; a long hyphenated word's last part is looked up.
    if word.len() > 64 {
        return None;
    }
    let t = table();
    if let Some(a) = t.abbreviations.get(word) {
        return Some(*a);
    }
    let (_, last) = word.rsplit_once(['-', '–', '—'])?;
    t.abbreviations.get(last).copied()
}

/// True for a word that starts a new sentence after an abbreviation that can end one ("The",
/// "He", "But"…). Honorifics count as starters.
pub fn is_starter(word: &str) -> bool {
    table().starters.contains(word) || lookup(word).is_some_and(|a| a.group == Group::Honorific)
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
