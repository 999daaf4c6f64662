//! Inflections, not derivations: which written forms of a word count as the lexicon entry.
//!
//! Entries match on Snowball stems, and a stem covers more than the entry's inflections: the
//! stem of `dangerous` is also the stem of `danger`, `false` shares one with `falsely`,
//! `dismiss` with `dismissal`, `assert` with `assertion` and `assertive`. Those are other
//! words, often neutral ones, so a word counts as an entry's word only when, past the stem they
//! share, both end alike once inflectional endings (`-s`, `-es`, `-ed`, `-ing`) and spelling
//! changes (`-y`/`-ie`, a doubled consonant) are set aside: `claims`, `claimed` and `claiming`
//! are `claim`; `lied` and `lying` are `lie`; `dismissal` is not `dismiss`.

/// Endings that inflect a word without making another word of it, longest first.
const INFLECTIONS: &[&str] = &["ing", "ed", "es", "s", "d"];

/// What a word adds to its stem beyond inflection: empty for the plain word and its
/// inflections, `al` for `dismissal` (stem `dismiss`), `ous` for `dangerous` (stem `danger`).
pub fn derivation(norm: &str, stem: &str) -> String {
    let common = norm
        .char_indices()
        .zip(stem.chars())
        .take_while(|((_, a), b)| a == b)
        .last()
        .map_or(0, |((i, a), _)| i + a.len_utf8());
    let mut ending = &norm[common..];
    for inf in INFLECTIONS {
        if let Some(rest) = ending.strip_suffix(inf) {
            ending = rest;
            break;
        }
    }
    // Spelling changes at the joint: "bully"/"bullied", "lie"/"lying", "slam"/"slammed",
    // "devastate"/"devastating".
    let ending = ending.strip_suffix('e').unwrap_or(ending);
    let doubled = ending.len() == 1
        && stem.ends_with(ending)
        && ending
            .chars()
            .all(|c| c.is_ascii_alphabetic() && !"aeiou".contains(c));
    if matches!(ending, "" | "e" | "y" | "i" | "ie") || doubled {
        String::new()
    } else {
        ending.to_string()
    }
}

/// True when the written word `norm` (with `stem`) is a form of the entry word `entry_norm`
/// (with `entry_stem`): the same stem and the same derivation.
pub fn same_word(norm: &str, stem: &str, entry_norm: &str, entry_stem: &str) -> bool {
    stem == entry_stem && derivation(norm, stem) == derivation(entry_norm, entry_stem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::{normalize, stem};

    fn same(word: &str, entry: &str) -> bool {
        let (w, e) = (normalize(word), normalize(entry));
        same_word(&w, &stem(&w), &e, &stem(&e))
    }

    #[test]
    fn inflections_are_the_entry() {
        for (w, e) in [
            ("claims", "claim"),
            ("claimed", "claim"),
            ("claiming", "claim"),
            ("lied", "lies"),
            ("lying", "lie"),
            ("lie", "lies"),
            ("slammed", "slam"),
            ("bullied", "bully"),
            ("bullying", "bully"),
            ("dismissed", "dismiss"),
            ("demonised", "demonize"),
            ("thugs", "thug"),
            ("devastating", "devastate"),
            ("excoriated", "excoriate"),
        ] {
            assert!(same(w, e), "{w} should be a form of {e}");
        }
    }

    #[test]
    fn derivations_are_other_words() {
        for (w, e) in [
            ("dismissal", "dismiss"),
            ("danger", "dangerous"),
            ("dangerously", "dangerous"),
            ("false", "falsely"),
            ("controversy", "controversial"),
            ("assertions", "assert"),
            ("assertive", "assert"),
            ("allegations", "alleged"),
            ("patriotic", "patriot"),
            ("accusations", "accuse"),
            ("insistence", "insist"),
            ("history", "historic"),
        ] {
            assert!(!same(w, e), "{w} should not count as {e}");
        }
    }
}
