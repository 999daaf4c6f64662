//! Speakers' names: what two ways of naming one speaker share ("President Donald Trump",
//! "Donald Trump", "Mr. Trump"), with titles and honorifics left out.

/// Words left out of a speaker's name when names are compared: titles and honorifics.
pub const TITLES: &[&str] = &[
    "president",
    "vice",
    "sen.",
    "senator",
    "rep.",
    "representative",
    "gov.",
    "governor",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "gen.",
    "general",
    "secretary",
    "minister",
    "prime",
    "former",
    "judge",
    "attorney",
    "chief",
    "house",
    "speaker",
    "mayor",
    "the",
    "u.s.",
    "white",
];

/// One word of a name, lower case, without a possessive ending or punctuation around it (the
/// full stop of an abbreviation kept: `Sen.`).
fn bare(word: &str) -> String {
    word.trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .to_lowercase()
}

/// A speaker's name without titles, lower case: what names of one person share.
pub fn name_key(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(bare)
        .filter(|w| !w.is_empty())
        .collect();
    let kept: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !TITLES.contains(w))
        .collect();
    if kept.is_empty() {
        words.join(" ")
    } else {
        kept.join(" ")
    }
}

/// The words of a speaker's name that say who it is: its capitalised words other than titles
/// and honorifics, lower case, without a possessive ending (`Representative Carolyn B.
/// Maloney` → `carolyn`, `b.`, `maloney`). Empty for a description without a name (`the
/// ministry`, `a spokesman`).
pub fn name_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .map(bare)
        .filter(|w| !w.is_empty() && !TITLES.contains(&w.as_str()))
        .collect()
}

/// Whether two speakers named by [`name_words`] may be one: both named, sharing a word
/// (`Ohio Rep. Tim Ryan`, `Mr. Ryan`), or either without a name, which tells nothing.
pub fn may_be_one_speaker(x: &[String], y: &[String]) -> bool {
    x.is_empty() || y.is_empty() || x.iter().any(|w| y.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_one_person_share_a_key() {
        assert_eq!(name_key("President Donald Trump"), "donald trump");
        assert_eq!(name_key("Donald Trump"), "donald trump");
        assert_eq!(name_key("Sen. Lindsey Graham"), "lindsey graham");
        assert_eq!(name_key("the ministry"), "ministry");
        assert_eq!(name_key("Trump's"), "trump");
    }

    #[test]
    fn named_speakers_are_one_when_their_names_share_a_word() {
        let words = |n: &str| name_words(n);
        assert_eq!(
            words("Representative Carolyn B. Maloney"),
            ["carolyn", "b.", "maloney"]
        );
        assert!(words("the ministry").is_empty());
        assert!(may_be_one_speaker(
            &words("Ohio Rep. Tim Ryan"),
            &words("Mr. Ryan")
        ));
        assert!(may_be_one_speaker(
            &words("Sen. Bernie Sanders of Vermont"),
            &words("Sanders")
        ));
        assert!(!may_be_one_speaker(
            &words("Mr. Ryan"),
            &words("Representative Carolyn B. Maloney")
        ));
        assert!(may_be_one_speaker(
            &words("the ministry"),
            &words("Igor Konashenkov")
        ));
    }
}
