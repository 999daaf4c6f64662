//! Marker word lists: attribution verbs (`assets/english/attribution.txt`), hedges
//! (`hedges.txt`) and boosters (`boosters.txt`), and finding them in a run of tokens.
//!
//! Each [`Marker`] names the form a report shows (`claimed`) and the normalised word sequences
//! that count as it (`claim`, `claims`, `claimed`, `claiming`). Forms are listed rather than
//! stemmed, because stems conflate words a reader keeps apart: `stated` is listed but `states`
//! is not, which would count the United States. The framing profile counts markers; the
//! framing diff labels changes with them; the attribution file also lists the words that name
//! a quotation's speaker. The build script compiles the lists, each with an index of its forms
//! by their first word, into the binary.

use super::table::{Filtered, Texts, Words, item_range};
use crate::text::Token;

// The marker lists (`ATTRIBUTION_VERBS`, `HEDGES`, `BOOSTERS`) with their first-word indexes,
// the pool of their lemmas and forms (`MARKER_TEXTS`), and the `SPEECH_VERBS` and
// `REPORTING_FORMS` sets, made by the build script (`build.rs`, which describes the files'
// format).
include!(concat!(env!("OUT_DIR"), "/markers.rs"));

/// One item of a marker list.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// The index of its lemma in `MARKER_TEXTS`.
    lemma: u16,
    /// Its forms are `MARKER_TEXTS` from `forms` to before `forms_end`.
    forms: u16,
    forms_end: u16,
    /// Whether it only reports that someone spoke (`attribution.txt`'s fourth column).
    neutral: bool,
}

impl Marker {
    /// The form reports show, e.g. `claimed`.
    pub fn lemma(&self) -> &'static str {
        MARKER_TEXTS.get(self.lemma.into())
    }

    /// Normalised forms (see [`crate::text::tokens::normalize`]), in file order; a multi-word
    /// form is its words separated by single spaces (`so called` for "so-called").
    pub fn forms(&self) -> impl Iterator<Item = &'static str> + use<> {
        (usize::from(self.forms)..self.forms_end.into()).map(|i| MARKER_TEXTS.get(i))
    }

    /// Whether it only reports that someone spoke ("said", "told", "according to"), not how:
    /// one neutral verb against another is no framing of the speech.
    pub fn is_neutral(&self) -> bool {
        self.neutral
    }
}

impl std::fmt::Debug for Marker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Marker")
            .field("lemma", &self.lemma())
            .field("forms", &self.forms().collect::<Vec<_>>())
            .field("neutral", &self.neutral)
            .finish()
    }
}

/// Verbs (and the phrase "according to") that attribute words to a source, as counted in the
/// framing profile. The neutral ones (`said`, `told`, `according to`) are listed with the
/// loaded ones (`claimed`, `insisted`, `admitted`) so the profile shows the balance between
/// them.
pub fn attribution_verbs() -> &'static [Marker] {
    &ATTRIBUTION_VERBS
}

/// Hedges and distancing markers: the writer does not vouch for what follows.
pub fn hedges() -> &'static [Marker] {
    &HEDGES
}

/// Boosters (certainty markers): the writer vouches for what follows.
pub fn boosters() -> &'static [Marker] {
    &BOOSTERS
}

/// True when `word` (as written, any ASCII case) is a verb that, right next to a quotation,
/// attributes it to a speaker ("said", "told", "tweeted").
pub fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&ascii_lower(word))
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
    REPORTING_FORMS.contains(word)
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
        for (m, form) in index.get(norm)? {
            let n = form_matches(form, tokens, i);
            if n > 0 && best.is_none_or(|(_, len)| n > len) {
                best = Some((&list[m], n));
            }
        }
        return best;
    }
    let first = norm.as_bytes();
    for marker in list {
        for form in marker.forms() {
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

/// The forms of a marker list by their first word, made by the build script: the entries of
/// the word in slot `i` of `words` are `entries[item_range(ends, i)]`, each the index of the
/// marker in its list and the index of the form in `MARKER_TEXTS`, in list order.
struct FirstWords {
    words: &'static Filtered,
    ends: &'static [u32],
    entries: &'static [(u16, u16)],
}

impl FirstWords {
    /// (index of the marker, form) of each form whose first word is `word`, in list order;
    /// `None` when there is none.
    fn get(&self, word: &str) -> Option<impl Iterator<Item = (usize, &'static str)> + use<>> {
        let slot = self.words.slot(word)?;
        Some(
            self.entries[item_range(self.ends, slot)]
                .iter()
                .map(|&(m, f)| (usize::from(m), MARKER_TEXTS.get(f.into()))),
        )
    }
}

/// The first-word index of `list` when it is one of the bundled lists, so that [`marker_at`]
/// looks at the few forms that can start at a word rather than at every form.
fn first_words(list: &'static [Marker]) -> Option<&'static FirstWords> {
    [
        (attribution_verbs(), &ATTRIBUTION_FIRST),
        (hedges(), &HEDGE_FIRST),
        (boosters(), &BOOSTER_FIRST),
    ]
    .into_iter()
    .find(|(l, _)| std::ptr::eq(*l, list))
    .map(|(_, index)| index)
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
    find_markers_where(list, tokens, |_| true)
}

/// True when a form of a marker in `list` starts with the normal form `word`: only there can
/// [`marker_at`] find one.
pub fn could_start(list: &'static [Marker], word: &str) -> bool {
    match first_words(list) {
        Some(index) => index.get(word).is_some(),
        None => list
            .iter()
            .any(|m| m.forms().any(|f| f.split(' ').next() == Some(word))),
    }
}

/// [`find_markers`], trying only the tokens `i` for which `may_start(i)`: a caller that knows
/// which words [`could_start`] a marker (looked up once per distinct word) skips the rest.
pub fn find_markers_where(
    list: &'static [Marker],
    tokens: &[Token],
    may_start: impl Fn(usize) -> bool,
) -> Vec<(&'static Marker, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !may_start(i) {
            i += 1;
            continue;
        }
        if let Some((marker, n)) = marker_at(list, tokens, i) {
            out.push((marker, i, n));
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

/// The lemmas (`said`, `claimed`, `allegedly`) of the markers of `lists` whose forms occur in
/// `words` (normalised words in order; a multi-word form where its words follow one another),
/// sorted and without repeats.
pub fn lemmas_in(lists: &[&'static [Marker]], words: &[&str]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = lemmas_at(lists, words)
        .into_iter()
        .map(|(lemma, _)| lemma)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Each form of a marker of `lists` that occurs in `words` (as in [`lemmas_in`]): its marker's
/// lemma and the words it covers, by list, then by position.
pub fn lemmas_at(
    lists: &[&'static [Marker]],
    words: &[&str],
) -> Vec<(&'static str, std::ops::Range<usize>)> {
    // A form occurs at `i` when its words follow one another from there.
    let at = |form: &str, i: usize| {
        form.split(' ')
            .enumerate()
            .all(|(k, part)| words.get(i + k) == Some(&part))
    };
    let covers = |form: &str, i: usize| i..i + form.split(' ').count();
    let mut out = Vec::new();
    for &list in lists {
        match first_words(list) {
            // Only the forms whose first word is there.
            Some(index) => {
                for (i, w) in words.iter().enumerate() {
                    if let Some(forms) = index.get(w) {
                        out.extend(
                            forms
                                .filter(|(_, form)| at(form, i))
                                .map(|(m, form)| (list[m].lemma(), covers(form, i))),
                        );
                    }
                }
            }
            None => {
                for i in 0..words.len() {
                    for m in list {
                        out.extend(
                            m.forms()
                                .filter(|form| at(form, i))
                                .map(|form| (m.lemma(), covers(form, i))),
                        );
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::{normalize, tokenize};
    use std::collections::BTreeSet;

    const ATTRIBUTION: &str = include_str!("../../../assets/english/attribution.txt");
    const HEDGES: &str = include_str!("../../../assets/english/hedges.txt");
    const BOOSTERS: &str = include_str!("../../../assets/english/boosters.txt");

    /// The data lines of a list file as the program once read them at run time: `#` comments
    /// and blank lines left out, columns split at `|` and trimmed.
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

    /// The (lemma, forms) of a `lemma | forms` file, or of the counted column of the
    /// attribution file; lemmas without forms there are left out.
    fn markers(src: &'static str) -> Vec<(&'static str, Vec<&'static str>)> {
        rows(src)
            .filter_map(|row| {
                let lemma = *row.first()?;
                let forms = forms(row.get(1));
                (!forms.is_empty()).then_some((lemma, forms))
            })
            .collect()
    }

    /// Skipping the tokens whose word [`could_start`] no marker finds the same markers as
    /// trying every token, for each bundled list and for a list without a first-word index.
    #[test]
    fn markers_found_where_they_could_start_are_all_the_markers() {
        static OWN: std::sync::OnceLock<Vec<Marker>> = std::sync::OnceLock::new();
        let own: &'static [Marker] = OWN.get_or_init(|| hedges().iter().rev().cloned().collect());
        let text = "He said, according to officials, that it was allegedly clearly true; she \
                    reportedly claimed it was undeniable and so-called facts were, it seems, \
                    beyond doubt. The minister stated flatly: it is apparently over.";
        let tokens = tokenize(text);
        for list in [attribution_verbs(), hedges(), boosters(), own] {
            let all = find_markers(list, &tokens);
            assert!(!all.is_empty());
            let some = find_markers_where(list, &tokens, |i| could_start(list, &tokens[i].norm));
            assert_eq!(some, all);
        }
        assert!(could_start(attribution_verbs(), "according"));
        assert!(!could_start(attribution_verbs(), "to"));
        assert!(could_start(own, "allegedly") && !could_start(own, "said"));
    }

    #[test]
    fn compiled_lists_are_the_files() {
        for (list, src) in [
            (attribution_verbs(), ATTRIBUTION),
            (hedges(), HEDGES),
            (boosters(), BOOSTERS),
        ] {
            let compiled: Vec<(&str, Vec<&str>)> = list
                .iter()
                .map(|m| (m.lemma(), m.forms().collect()))
                .collect();
            assert_eq!(compiled, markers(src));
            // The fourth column marks the neutral verbs, and only those.
            let neutral: Vec<&str> = rows(src)
                .filter(|row| row.get(3) == Some(&"neutral") && !forms(row.get(1)).is_empty())
                .map(|row| row[0])
                .collect();
            let compiled_neutral: Vec<&str> = list
                .iter()
                .filter(|m| m.is_neutral())
                .map(Marker::lemma)
                .collect();
            assert_eq!(compiled_neutral, neutral);
            // The first-word index holds each form under its first word, in list order.
            let index = first_words(list).expect("a bundled list");
            let firsts: BTreeSet<&str> = list
                .iter()
                .flat_map(Marker::forms)
                .map(|f| f.split(' ').next().unwrap())
                .collect();
            assert_eq!(index.words.len(), firsts.len());
            for first in firsts {
                let listed: Vec<(usize, &str)> = list
                    .iter()
                    .enumerate()
                    .flat_map(|(m, marker)| marker.forms().map(move |f| (m, f)))
                    .filter(|(_, f)| f.split(' ').next() == Some(first))
                    .collect();
                let got: Vec<(usize, &str)> = index.get(first).unwrap().collect();
                assert_eq!(got, listed, "{first}");
            }
            assert!(index.get("zzzqx").is_none());
        }
        let speech: BTreeSet<&str> = rows(ATTRIBUTION).flat_map(|r| forms(r.get(2))).collect();
        assert!(speech.len() > 20, "{}", speech.len());
        assert_eq!(SPEECH_VERBS.len(), speech.len());
        assert!(speech.iter().all(|w| is_speech_verb(w)));
        let reporting: BTreeSet<&str> = rows(ATTRIBUTION)
            .flat_map(|r| [forms(r.get(1)), forms(r.get(2))].concat())
            .filter(|f| !f.contains(' '))
            .collect();
        assert!(reporting.len() > speech.len());
        assert_eq!(REPORTING_FORMS.len(), reporting.len());
        assert!(reporting.iter().all(|w| is_reporting_form(w)));
        assert!(is_reporting_form("saying") && !is_reporting_form("according to"));
        assert!(!is_reporting_form("Said") && !is_reporting_form("sayings"));
    }

    #[test]
    fn lemmas_in_finds_one_and_many_word_forms_anywhere_and_nothing_else() {
        let has = |words: &[&str]| !lemmas_in(&[attribution_verbs()], words).is_empty();
        assert!(has(&["the", "ministry", "said", "on", "friday"]));
        assert!(has(&["said"]));
        assert!(has(&["it", "was", "according", "to", "the", "report"]));
        assert!(has(&["according", "to"]));
        assert!(!has(&["according", "the", "to"]));
        assert!(!has(&["according"]));
        assert!(!has(&[]));
        assert!(!has(&["the", "sayings", "of"]));
        assert!(!lemmas_in(&[hedges(), boosters()], &["it", "is", "allegedly", "true"]).is_empty());
        assert!(lemmas_in(&[hedges(), boosters()], &["it", "is", "true"]).is_empty());
        // Each marker once, by the form reports show, whichever forms occur.
        let said = lemmas_in(&[attribution_verbs()], &["said", "and", "saying", "claims"]);
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(said.contains(&"said"));
    }

    #[test]
    fn every_line_of_the_files_is_read() {
        let lines = |src: &str| {
            src.lines()
                .filter(|l| !l.trim().is_empty() && !l.trim().starts_with('#'))
                .count()
        };
        assert!(
            rows(ATTRIBUTION).all(|r| r.len() == 3 || r.len() == 4),
            "three or four columns"
        );
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
                for form in marker.forms() {
                    for w in form.split(' ') {
                        assert_eq!(normalize(w), w, "form {form:?} is not normalised");
                    }
                    assert!(all.insert(form), "form {form:?} listed twice");
                }
            }
        }
    }

    #[test]
    fn so_called_and_according_to_match_as_phrases() {
        let toks = tokenize("The so-called experts, according to the ministry, insisted.");
        let found: Vec<_> = find_markers(hedges(), &toks)
            .iter()
            .map(|m| m.0.lemma())
            .collect();
        assert_eq!(found, ["so-called"]);
        let found: Vec<_> = find_markers(attribution_verbs(), &toks)
            .iter()
            .map(|m| m.0.lemma())
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
