//! Marker word lists: attribution verbs (`assets/english/attribution.txt`), hedges
//! (`hedges.txt`) and boosters (`boosters.txt`), and finding them in a run of tokens.
//!
//! Each [`Marker`] names the form a report shows (`claimed`) and the normalised word sequences
//! that count as it (`claim`, `claims`, `claimed`, `claiming`). Forms are listed rather than
//! stemmed, because stems conflate words a reader keeps apart: `stated` is listed but `states`
//! is not, which would count the United States. The framing profile counts markers; the
//! framing diff labels changes with them; the attribution file also lists the words that name
//! a quotation's speaker.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use crate::text::Token;

const ATTRIBUTION: &str = include_str!("../../../assets/english/attribution.txt");
const HEDGES: &str = include_str!("../../../assets/english/hedges.txt");
const BOOSTERS: &str = include_str!("../../../assets/english/boosters.txt");

/// One item of a marker list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// The form reports show, e.g. `claimed`.
    pub lemma: &'static str,
    /// Normalised forms (see [`crate::text::tokens::normalize`]); a multi-word form is its
    /// words separated by single spaces (`so called` for "so-called").
    pub forms: Vec<&'static str>,
}

/// The data lines of a list file: `#` comments and blank lines left out, columns split at `|`
/// and trimmed.
fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('|').map(str::trim).collect())
}

/// The comma-separated forms of one column.
fn forms(column: Option<&&'static str>) -> Vec<&'static str> {
    column
        .map(|c| {
            c.split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// The markers of a `lemma | forms` file (`column` 1), or of the counted column of the
/// attribution file; lemmas without forms there are left out.
fn markers(src: &'static str, column: usize) -> Vec<Marker> {
    rows(src)
        .filter_map(|row| {
            let lemma = *row.first()?;
            let forms = forms(row.get(column));
            (!forms.is_empty()).then_some(Marker { lemma, forms })
        })
        .collect()
}

/// Verbs (and the phrase "according to") that attribute words to a source, as counted in the
/// framing profile. The neutral ones (`said`, `told`, `according to`) are listed with the
/// loaded ones (`claimed`, `insisted`, `admitted`) so the profile shows the balance between
/// them.
pub fn attribution_verbs() -> &'static [Marker] {
    static LIST: OnceLock<Vec<Marker>> = OnceLock::new();
    LIST.get_or_init(|| markers(ATTRIBUTION, 1))
}

/// Hedges and distancing markers: the writer does not vouch for what follows.
pub fn hedges() -> &'static [Marker] {
    static LIST: OnceLock<Vec<Marker>> = OnceLock::new();
    LIST.get_or_init(|| markers(HEDGES, 1))
}

/// Boosters (certainty markers): the writer vouches for what follows.
pub fn boosters() -> &'static [Marker] {
    static LIST: OnceLock<Vec<Marker>> = OnceLock::new();
    LIST.get_or_init(|| markers(BOOSTERS, 1))
}

/// True when `word` (as written, any ASCII case) is a verb that, right next to a quotation,
/// attributes it to a speaker ("said", "told", "tweeted").
pub fn is_speech_verb(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        rows(ATTRIBUTION)
            .flat_map(|row| forms(row.get(2)))
            .collect()
    })
    .contains(ascii_lower(word).as_ref())
}

/// `word` with ASCII capitals made small, copied only when it has any.
pub(super) fn ascii_lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(word.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// True when the lower-case `word` is any one-word form of an attribution verb, counted or
/// naming a speaker ("saying", "insisting", "claims"): it reports someone's words.
pub fn is_reporting_form(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        rows(ATTRIBUTION)
            .flat_map(|row| {
                let mut all = forms(row.get(1));
                all.extend(forms(row.get(2)));
                all
            })
            .filter(|f| !f.contains(' '))
            .collect()
    })
    .contains(word)
}

/// The longest form of any marker in `list` starting at token `i`: the marker and the number
/// of tokens it covers.
pub fn marker_at(
    list: &'static [Marker],
    tokens: &[Token],
    i: usize,
) -> Option<(&'static Marker, usize)> {
    let norm = tokens.get(i)?.norm.as_str();
    let mut best: Option<(&'static Marker, usize)> = None;
    if let Some(index) = first_words(list) {
        // Only the forms whose first word is this token's, in list order.
        for &(m, form) in index.get(norm)? {
            let n = form_matches(form, tokens, i);
            if n > 0 && best.is_none_or(|(_, len)| n > len) {
                best = Some((&list[m], n));
            }
        }
        return best;
    }
    let first = norm.as_bytes();
    for marker in list {
        for form in &marker.forms {
            // Nearly every form fails on its first word: compare that before splitting it.
            let f = form.as_bytes();
            if !(f.starts_with(first) && f.get(first.len()).is_none_or(|&b| b == b' ')) {
                continue;
            }
            let n = form_matches(form, tokens, i);
            if n > 0 && best.is_none_or(|(_, len)| n > len) {
                best = Some((marker, n));
            }
        }
    }
    best
}

/// The forms of a marker list by their first word: (index of the marker, form), in list order.
type FirstWords = rustc_hash::FxHashMap<&'static str, Vec<(usize, &'static str)>>;

/// The first-word index of `list` when it is one of the bundled lists (built once), so that
/// [`marker_at`] looks at the few forms that can start at a word rather than at every form.
fn first_words(list: &'static [Marker]) -> Option<&'static FirstWords> {
    static INDEX: [OnceLock<FirstWords>; 3] = [const { OnceLock::new() }; 3];
    let k = [attribution_verbs(), hedges(), boosters()]
        .iter()
        .position(|l| std::ptr::eq(*l, list))?;
    Some(INDEX[k].get_or_init(|| {
        let mut index = FirstWords::default();
        for (m, marker) in list.iter().enumerate() {
            for form in &marker.forms {
                let first = form.split(' ').next().unwrap_or(form);
                index.entry(first).or_default().push((m, form));
            }
        }
        index
    }))
}

/// Number of tokens `form` covers at token `i`, or 0 when it does not match there.
fn form_matches(form: &str, tokens: &[Token], i: usize) -> usize {
    let mut n = 0;
    for word in form.split(' ') {
        match tokens.get(i + n) {
            Some(t) if t.norm == word => n += 1,
            _ => return 0,
        }
    }
    n
}

/// Every marker of `list` in `tokens`, as (marker, first token, token count), without overlaps.
pub fn find_markers(
    list: &'static [Marker],
    tokens: &[Token],
) -> Vec<(&'static Marker, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((marker, n)) = marker_at(list, tokens, i) {
            out.push((marker, i, n));
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

/// True when any form of a marker in `lists` occurs in `words` (normalised words, in order).
pub fn occurs_in(lists: &[&'static [Marker]], words: &[&str]) -> bool {
    // A form occurs at `i` when its words follow one another from there.
    let at = |form: &str, i: usize| {
        form.split(' ')
            .enumerate()
            .all(|(k, part)| words.get(i + k) == Some(&part))
    };
    lists.iter().any(|&list| match first_words(list) {
        // Only the forms whose first word is there.
        Some(index) => (0..words.len()).any(|i| {
            index
                .get(words[i])
                .is_some_and(|forms| forms.iter().any(|&(_, form)| at(form, i)))
        }),
        None => list
            .iter()
            .flat_map(|marker| marker.forms.iter())
            .any(|form| (0..words.len()).any(|i| at(form, i))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::{normalize, tokenize};

    #[test]
    fn occurs_in_finds_one_and_many_word_forms_anywhere_and_nothing_else() {
        let has = |words: &[&str]| occurs_in(&[attribution_verbs()], words);
        assert!(has(&["the", "ministry", "said", "on", "friday"]));
        assert!(has(&["said"]));
        assert!(has(&["it", "was", "according", "to", "the", "report"]));
        assert!(has(&["according", "to"]));
        assert!(!has(&["according", "the", "to"]));
        assert!(!has(&["according"]));
        assert!(!has(&[]));
        assert!(!has(&["the", "sayings", "of"]));
        assert!(occurs_in(
            &[hedges(), boosters()],
            &["it", "is", "allegedly", "true"]
        ));
        assert!(!occurs_in(&[hedges(), boosters()], &["it", "is", "true"]));
    }

    #[test]
    fn every_line_of_the_files_is_read() {
        let lines = |src: &str| {
            src.lines()
                .filter(|l| !l.trim().is_empty() && !l.trim().starts_with('#'))
                .count()
        };
        assert!(rows(ATTRIBUTION).all(|r| r.len() == 3), "three columns");
        assert!(rows(HEDGES).chain(rows(BOOSTERS)).all(|r| r.len() == 2));
        assert_eq!(hedges().len(), lines(HEDGES));
        assert_eq!(boosters().len(), lines(BOOSTERS));
        let speaking_only = rows(ATTRIBUTION)
            .filter(|r| forms(r.get(1)).is_empty())
            .count();
        assert_eq!(
            attribution_verbs().len() + speaking_only,
            lines(ATTRIBUTION)
        );
        assert!(
            rows(ATTRIBUTION).all(|r| !forms(r.get(1)).is_empty() || !forms(r.get(2)).is_empty())
        );
    }

    #[test]
    fn forms_are_normalised_and_unique() {
        for list in [attribution_verbs(), hedges(), boosters()] {
            let mut all = std::collections::BTreeSet::new();
            for marker in list {
                for form in &marker.forms {
                    for w in form.split(' ') {
                        assert_eq!(normalize(w), w, "form {form:?} is not normalised");
                    }
                    assert!(all.insert(*form), "form {form:?} listed twice");
                }
            }
        }
    }

    #[test]
    fn so_called_and_according_to_match_as_phrases() {
        let toks = tokenize("The so-called experts, according to the ministry, insisted.");
        let found: Vec<_> = find_markers(hedges(), &toks)
            .iter()
            .map(|m| m.0.lemma)
            .collect();
        assert_eq!(found, ["so-called"]);
        let found: Vec<_> = find_markers(attribution_verbs(), &toks)
            .iter()
            .map(|m| m.0.lemma)
            .collect();
        assert_eq!(found, ["according to", "insisted"]);
    }

    #[test]
    fn states_is_not_stated_but_names_a_speaker() {
        let toks = tokenize("The United States and the Islamic State");
        assert!(find_markers(attribution_verbs(), &toks).is_empty());
        assert!(is_speech_verb("States") && is_speech_verb("tweeted") && is_speech_verb("SAID"));
        assert!(!is_speech_verb("reported") && !is_speech_verb("saying"));
    }
}
