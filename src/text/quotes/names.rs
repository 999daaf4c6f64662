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

/// The words of `name` when it is a person's name: every word but titles, "of" and "the"
/// capitalised; lower case, without titles, and an "of <State>" tail left out
/// ("Representative Kurt Schrader of Oregon" → `kurt`, `schrader`); `None` for a description
/// ("a Ryan spokesman", "The Rubio approach").
fn person_words(name: &str) -> Option<Vec<String>> {
    // "… of Oregon", "… of New York": a state after the name, one or two words.
    let head = match name.rfind(" of ") {
        Some(i)
            if (1..=2).contains(&name[i + 4..].split_whitespace().count())
                && name[i + 4..]
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase)) =>
        {
            &name[..i]
        }
        _ => name,
    };
    let mut out = Vec::new();
    for w in head.split_whitespace() {
        let b = bare(w);
        // "Director of National Intelligence James Clapper": "of" and "the" inside a title.
        if b.is_empty() || TITLES.contains(&b.as_str()) || b == "of" {
            continue;
        }
        if !w.starts_with(char::is_uppercase) {
            return None;
        }
        out.push(b);
    }
    (!out.is_empty()).then_some(out)
}

/// Speakers' names (`names`, as the articles give them) grouped by person: names with one
/// [`name_key`] together ("President Donald Trump", "Donald Trump"), and a person's name with
/// the one fullest name ending with it ("Mr. Christie" with "Gov. Chris Christie", "Mr.
/// Schrader" with "Representative Kurt Schrader of Oregon", "Beto O’Rourke" with "Texas Rep.
/// Beto O’Rourke"; not "Mrs. Clinton" when both "Bill Clinton" and "Hillary Clinton" are
/// named, nor "Mr. Ryan" with "a Ryan spokesman", nor a description such as "the
/// spokesperson"). Each group is the fullest name
/// given (the first of the longest) and the indices of its names; in key order. Names
/// without a key are left out.
pub fn people(names: &[&str]) -> Vec<(String, Vec<usize>)> {
    use std::collections::BTreeMap;
    let mut by_key: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
    for (i, name) in names.iter().enumerate() {
        let key = name_key(name);
        if key.is_empty() {
            continue;
        }
        let entry = by_key
            .entry(key)
            .or_insert_with(|| (name.to_string(), Vec::new()));
        if name.len() > entry.0.len() {
            entry.0 = name.to_string();
        }
        entry.1.push(i);
    }
    // A person's name joins the one fullest name ending with it ("Christie" with "Chris
    // Christie", then both with "Gov. Chris Christie"; "O’Rourke" and "Beto O’Rourke" with
    // "Texas Rep. Beto O’Rourke"), not two ("Clinton" with "Bill Clinton" and "Hillary
    // Clinton"); shorter names first, so a chain ends in its fullest name.
    let mut keys: Vec<(Vec<String>, String)> = by_key
        .iter()
        .filter_map(|(key, (name, _))| Some((person_words(name)?, key.clone())))
        .collect();
    keys.sort_by(|x, y| (x.0.len(), x).cmp(&(y.0.len(), y)));
    let ends = |long: &[String], short: &[String]| {
        long.len() > short.len() && long[long.len() - short.len()..] == *short
    };
    // A name ending with another ends with its last word: the names by last word, in order.
    let mut by_last: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (k, (words, _)) in keys.iter().enumerate() {
        if let Some(last) = words.last() {
            by_last.entry(last.as_str()).or_default().push(k);
        }
    }
    for (own, key) in &keys {
        let same_last = own
            .last()
            .and_then(|last| by_last.get(last.as_str()))
            .map_or(&[][..], Vec::as_slice);
        let fuller: Vec<&(Vec<String>, String)> = same_last
            .iter()
            .map(|&k| &keys[k])
            .filter(|(w, k)| by_key.contains_key(k) && ends(w, own))
            .collect();
        let fullest: Vec<&String> = fuller
            .iter()
            .filter(|(w, _)| !fuller.iter().any(|(g, _)| ends(g, w)))
            .map(|(_, k)| k)
            .collect();
        if let [one] = fullest[..]
            && let Some((_, members)) = by_key.remove(key)
            && let Some(target) = by_key.get_mut(one.as_str())
        {
            target.1.extend(members);
        }
    }
    by_key.into_values().collect()
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
    fn names_of_one_person_are_one_group_and_two_people_of_one_surname_two() {
        let groups = people(&[
            "Mr. Christie",
            "Chris Christie",
            "Gov. Chris Christie",
            "Bill Clinton",
            "Hillary Clinton",
            "Mrs. Clinton",
            "Mr. O’Rourke",
            "Beto O’Rourke",
            "Texas Rep. Beto O’Rourke",
            "the spokesperson",
            "A spokesperson for Kessel Port",
            "Mr. Ryan",
            "a Ryan spokesman",
        ]);
        assert_eq!(
            groups,
            [
                ("a Ryan spokesman".to_string(), vec![12]),
                ("A spokesperson for Kessel Port".to_string(), vec![10]),
                ("Bill Clinton".to_string(), vec![3]),
                ("Gov. Chris Christie".to_string(), vec![1, 2, 0]),
                ("Mrs. Clinton".to_string(), vec![5]),
                ("Hillary Clinton".to_string(), vec![4]),
                ("Mr. Ryan".to_string(), vec![11]),
                ("the spokesperson".to_string(), vec![9]),
                ("Texas Rep. Beto O’Rourke".to_string(), vec![8, 6, 7]),
            ]
        );
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
