//! One normal form for matching: the spelling every comparison stage compares words by.
//!
//! Two outlets write one name or number in their own house styles. The normal form (each
//! [`Token`]'s `norm`, computed once per article by [`normal_words`] when it is analysed) makes
//! these the same word:
//!
//! - case, and curly or straight apostrophes; a possessive ending is dropped ("Russia’s");
//! - dotted and undotted acronyms: "F.B.I." and "FBI" are `fbi`; an acronym whose letters spell
//!   a common word keeps capitals ("U.S." and "US" are `US`, not the pronoun `us`);
//! - abbreviations and their full forms for titles, ranks, months and states, from
//!   `assets/english/abbreviations.txt` ("Gen." and "General" are `general`, "Calif." is `california`);
//! - honorifics ("Mr.", "Ms.", "Mrs."…) are left out: "Mr. Trump said" and "Trump said" match;
//! - number words and digits ("three" and "3", "twenty-three" and "23"), thousands separators
//!   ("1,000" and "1000"), "per cent", "percent" and "%", and times ("5 p.m.", "5pm" and
//!   "5:00 p.m." are `5 pm`; "9:24 p.m." is `9:24 pm`, not the hour of "9 p.m.");
//! - British and American spellings of common words ("organisation" and "organization"), and
//!   a few compounds written as one word or two ("health care"), from
//!   `assets/english/normal_forms.txt`.
//!
//! Spans always point into the original text: a normal word made of two written words
//! ("per cent") spans both. Punctuation marks fold by [`fold_mark`] (curly and angled quote
//! marks to straight ones, every dash to one), and [`dateline`] finds the dateline that opens
//! a lede ("WASHINGTON —"), which comparison leaves out like page furniture.
//!
//! [`Token`]: super::Token

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use unicode_segmentation::UnicodeSegmentation;

use super::Span;
use super::abbrev::{self, Group};
use super::tokens::Form;
use super::vocab::table::item_range;

/// The groups of `assets/english/normal_forms.txt`, compiled by the build script (`build.rs`,
/// which describes the file's format) into filtered tables of [`super::vocab::table`]:
/// `SPELLING` with `AMERICAN`, `NUMBER_WORDS` with `NUMBER_VALUES`, `COMPOUND_FIRST` with its entries
/// (`COMPOUND_ENDS`, `COMPOUND_SECOND`, `COMPOUND_NORMAL`) and `ACRONYM_WORDS`.
mod forms {
    use crate::text::vocab::table::{Filtered, Texts, Words};
    include!(concat!(env!("OUT_DIR"), "/normal_forms.rs"));
}

use forms::{
    ACRONYM_WORDS, AMERICAN, COMPOUND_ENDS, COMPOUND_FIRST, COMPOUND_NORMAL, COMPOUND_SECOND,
    NUMBER_VALUES, NUMBER_WORDS, SPELLING,
};

/// The American spelling the table gives the British `word`.
fn spelling(word: &str) -> Option<&'static str> {
    SPELLING.slot(word).map(|slot| AMERICAN.get(slot))
}

/// The value the table gives the number word `word`.
fn number(word: &str) -> Option<u32> {
    NUMBER_WORDS.slot(word).map(|slot| NUMBER_VALUES[slot])
}

/// Endings put back on the American form of a British spelling ("colours" → "colors").
const INFLECTIONS: &[&str] = &[
    "ations", "ation", "ists", "ist", "ers", "ing", "ful", "er", "es", "ed", "s", "d",
];

/// Longest British spelling with an inflection the table can hold: longer words are looked up
/// no further.
const LONGEST_SPELLING: usize = 24;

/// The American spelling of a lower-case British one, inflections included, if the table has
/// it.
fn american(word: &str) -> Option<String> {
    if word.len() > LONGEST_SPELLING || !word.is_ascii() {
        return None;
    }
    if let Some(us) = spelling(word) {
        return Some(us.to_string());
    }
    // The stem with an e put back, built in place (the word is at most LONGEST_SPELLING bytes).
    let mut buf = [0u8; LONGEST_SPELLING + 1];
    for end in INFLECTIONS {
        let Some(stem) = word.strip_suffix(end) else {
            continue;
        };
        if let Some(us) = spelling(stem) {
            return Some(format!("{us}{end}"));
        }
        // "organising" is "organise" less its final e, plus the ending.
        buf[..stem.len()].copy_from_slice(stem.as_bytes());
        buf[stem.len()] = b'e';
        let with_e = std::str::from_utf8(&buf[..=stem.len()]).unwrap_or_default();
        if let Some(us) = spelling(with_e) {
            return Some(format!("{}{end}", us.strip_suffix('e').unwrap_or(us)));
        }
    }
    None
}

/// Case-fold a word and fold its apostrophes, dropping a possessive ending: the base every
/// normal form starts from.
fn folded(word: &str) -> (String, bool) {
    let mut s: String = word
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
            c => c,
        })
        .collect();
    if s.ends_with("'s") || s.ends_with("'S") {
        s.truncate(s.len() - 2);
    }
    while s.ends_with('\'') {
        s.pop();
    }
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = letters >= 2 && !s.chars().any(char::is_lowercase);
    (s, all_caps)
}

/// The normal form of one word as written, without looking at its neighbours: lower case,
/// apostrophes folded, possessive dropped, acronyms undotted, number words as digits, American
/// spelling. Empty when nothing of the word is left ("'").
pub fn word_key(word: &str) -> String {
    key_of(word).into_owned()
}

/// [`word_key`], borrowing `word` when it is its own normal form.
fn key_of(word: &str) -> Cow<'_, str> {
    // The common case, a plain lower-case word, needs two table lookups and no copy.
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        if let Some(n) = number(word) {
            return n.to_string().into();
        }
        return american(word).map_or(word.into(), Cow::Owned);
    }
    let (s, all_caps) = folded(word);
    let dotted = abbrev::is_dotted_letters(&s);
    if dotted || all_caps {
        let undotted: String = s.chars().filter(|&c| c != '.').collect();
        let lower = undotted.to_lowercase();
        if ACRONYM_WORDS.slot(&lower).is_some() {
            return undotted.to_uppercase().into();
        }
        if dotted {
            return lower.into();
        }
    }
    let lower = s.to_lowercase();
    if lower.starts_with(|c: char| c.is_ascii_digit()) && lower.contains(',') {
        let plain: String = lower.chars().filter(|&c| c != ',').collect();
        if plain.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return plain.into();
        }
    }
    if let Some(n) = number(&lower) {
        return n.to_string().into();
    }
    american(&lower).unwrap_or(lower).into()
}

/// What [`normal_words_of`] reads of a written word.
struct Known {
    /// The abbreviation it is, if the table has it ([`abbrev::lookup`]).
    abbreviation: Option<abbrev::Abbreviation>,
    /// Its normal form ([`word_key`]).
    key: Form,
    /// The normal form can open a compound written as two words ("health" of "health care").
    opens_compound: bool,
}

/// The distinct written words of a text, each read once: what is known of each, in the order
/// first seen.
#[derive(Default)]
struct Seen<'w> {
    /// Index in `known` of each written word.
    ids: HashMap<&'w str, u32>,
    known: Vec<Known>,
}

impl<'w> Seen<'w> {
    /// Room for `n` distinct written words.
    fn with_capacity(n: usize) -> Self {
        Seen {
            ids: HashMap::with_capacity_and_hasher(n, Default::default()),
            known: Vec::with_capacity(n),
        }
    }

    /// The index of `w` among the written words seen, and what is known of it, worked out the
    /// first time.
    fn known(&mut self, w: &'w str) -> (u32, &Known) {
        let known = &mut self.known;
        let id = *self.ids.entry(w).or_insert_with(|| {
            let key = key_of(w);
            known.push(Known {
                abbreviation: abbrev::lookup(w),
                opens_compound: COMPOUND_FIRST.slot(&key).is_some(),
                key: Form::from(&*key),
            });
            (known.len() - 1) as u32
        });
        (id, &self.known[id as usize])
    }
}

/// A word of the text in its normal form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NormalWord {
    /// The written word or words ("per cent", "twenty-three", "%").
    pub span: Span,
    /// The normal form, shared by the normal words of one written word.
    pub key: Form,
    /// The first written word starts with a capital.
    pub capitalized: bool,
}

/// The words of `text` in their normal forms (spans shifted by `offset`), and the spans of
/// the honorifics left out, each with its full stop.
pub fn normal_words(text: &str, offset: usize) -> (Vec<NormalWord>, Vec<Span>) {
    let words: Vec<(usize, &str)> = text.unicode_word_indices().collect();
    normal_words_of(text, &words, offset)
}

/// [`normal_words`] of `text` already split into its UAX #29 `words` (`unicode_word_indices`).
pub fn normal_words_of(
    text: &str,
    words: &[(usize, &str)],
    offset: usize,
) -> (Vec<NormalWord>, Vec<Span>) {
    let n = normal_words_seen(text, words, offset);
    (n.words, n.honorifics)
}

/// The normal words of a text, with the distinct written words they come from.
pub struct SeenWords {
    /// The normal words, as [`normal_words_of`] gives them.
    pub words: Vec<NormalWord>,
    /// For each of `words` that is the normal form of one written word as it stands alone,
    /// the index of that written word among the text's distinct written words (two words with
    /// one index have one normal form); `None` for the others (full forms of abbreviations,
    /// compounds, times, "%").
    pub seen: Vec<Option<u32>>,
    /// The number of distinct written words.
    pub distinct: usize,
    /// The spans of the honorifics left out, as [`normal_words_of`] gives them.
    pub honorifics: Vec<Span>,
}

/// [`normal_words_of`], with the distinct written word each normal word is the normal form of
/// (for working out once per distinct word what depends on the normal form alone).
pub fn normal_words_seen(text: &str, words: &[(usize, &str)], offset: usize) -> SeenWords {
    let mut out = Vec::with_capacity(words.len());
    let mut seen = Vec::with_capacity(words.len());
    // Words repeat: each distinct written word is looked up and put in its normal form once
    // per text.
    let mut cache = Seen::with_capacity(words.len() / 4);
    let mut honorifics = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (at, w) = words[i];
        let end = at + w.len();
        let after = &text[end..];
        let stop = after.starts_with('.');
        let next = words.get(i + 1).copied();
        // Only a single space (after the full stop, if any) joins two words into one name or
        // number.
        let joined_to_next =
            |sep: &[&str]| next.is_some_and(|(n, _)| sep.iter().any(|s| &text[end..n] == *s));
        let next_capitalized = next.is_some_and(|(_, nw)| nw.starts_with(char::is_uppercase));
        let capitalized = w.starts_with(char::is_uppercase);
        let (id, abbreviation, opens_compound, key) = {
            let (id, k) = cache.known(w);
            (id, k.abbreviation, k.opens_compound, k.key.clone())
        };
        let abbreviation = abbreviation.filter(|a| {
            // Without a full stop only a title or honorific before a name counts ("Gen Flynn").
            stop || (matches!(a.group, Group::Honorific | Group::Title)
                && next_capitalized
                && joined_to_next(&[" "]))
        });
        let span = |from: usize, to: usize| Span::new(offset + from, offset + to);
        if let Some(a) = abbreviation {
            if a.group == Group::Honorific && next_capitalized {
                honorifics.push(span(at, if stop { end + 1 } else { end }));
                i += 1;
                continue;
            }
            let before_number =
                next.is_some_and(|(_, nw)| nw.starts_with(|c: char| c.is_ascii_digit()));
            // A number's and a title's full forms only where they are meant: "No. 2", "Gen.
            // Flynn" (not "5th St." or "no.").
            let meant = match a.group {
                Group::Number => before_number,
                Group::Title => next_capitalized,
                _ => true,
            };
            if let Some(full) = a.full
                && meant
            {
                out.push(NormalWord {
                    span: span(at, end),
                    key: full.into(),
                    capitalized,
                });
                i += 1;
                continue;
            }
        }
        // A time written in one word ("5pm") is the hour and "pm", as in "5 p.m.".
        if let Some(hour) = hour_of_time(w) {
            out.push(NormalWord {
                span: span(at, at + hour),
                key: w[..hour].into(),
                capitalized: false,
            });
            out.push(NormalWord {
                span: span(at + hour, end),
                key: w[hour..].to_lowercase().into(),
                capitalized: false,
            });
            i += 1;
            continue;
        }
        if key.is_empty() {
            i += 1;
            continue;
        }
        // A time of day written with its minutes ("9:24", "9:24pm") is one number, and not
        // the hour of another time ("9 p.m."); on the hour ("5:00") it is the hour alone.
        if let Some((n, nw)) = next
            && let Some((clock, rest)) = clock_time(w, &text[end..n], nw)
        {
            out.push(NormalWord {
                span: span(at, n + nw.len() - rest.len()),
                key: clock.into(),
                capitalized: false,
            });
            if !rest.is_empty() {
                out.push(NormalWord {
                    span: span(n + nw.len() - rest.len(), n + nw.len()),
                    key: rest.to_lowercase().into(),
                    capitalized: false,
                });
            }
            i += 2;
            continue;
        }
        // Two written words that are one normal word: "per cent", "twenty-three".
        if let Some((n, nw)) = next {
            // Only a word that can start a compound or a number looks at the next one.
            let merged = if opens_compound && joined_to_next(&[" ", "-", "‐"]) {
                compound(&key, &cache.known(nw).1.key)
            } else {
                None
            }
            .or_else(|| {
                (key.len() == 2 && joined_to_next(&[" ", "-", "‐", "–"]))
                    .then(|| tens_and_units(&key, nw))
                    .flatten()
            });
            if let Some(key) = merged {
                out.push(NormalWord {
                    span: span(at, n + nw.len()),
                    key: key.into(),
                    capitalized,
                });
                i += 2;
                continue;
            }
        }
        let numeric = key.starts_with(|c: char| c.is_ascii_digit());
        out.push(NormalWord {
            span: span(at, end),
            key,
            capitalized,
        });
        seen.resize(out.len() - 1, None);
        seen.push(Some(id));
        // "25%" is "25 percent".
        if numeric && after.starts_with('%') {
            out.push(NormalWord {
                span: span(end, end + 1),
                key: "percent".into(),
                capitalized: false,
            });
        }
        i += 1;
    }
    seen.resize(out.len(), None);
    SeenWords {
        words: out,
        seen,
        distinct: cache.known.len(),
        honorifics,
    }
}

/// The normal form of two words written apart (with a space or a hyphen) that the table joins
/// ("per cent", "e-mails").
fn compound(first: &str, second: &str) -> Option<String> {
    let entries = item_range(&COMPOUND_ENDS, COMPOUND_FIRST.slot(first)?);
    // The first entry listed for the pair.
    let find = |w: &str| {
        entries
            .clone()
            .find(|&e| COMPOUND_SECOND.get(e) == w)
            .map(|e| COMPOUND_NORMAL.get(e))
    };
    if let Some(n) = find(second) {
        return Some(n.to_string());
    }
    let singular = second.strip_suffix('s')?;
    find(singular).map(|n| format!("{n}s"))
}

/// For a time written as one word ("5pm", "11AM"), the length of its hour.
fn hour_of_time(w: &str) -> Option<usize> {
    let hour = w.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &w[hour..];
    ((1..=2).contains(&hour) && is_am_pm(rest)).then_some(hour)
}

/// "am" or "pm", in any case.
fn is_am_pm(w: &str) -> bool {
    w.eq_ignore_ascii_case("am") || w.eq_ignore_ascii_case("pm")
}

/// The normal form of a time of day written as an `hour` word, a colon (`between`) and a
/// `minutes` word ("9", ":", "24" or "24pm"): "9:24", or "9" on the hour; with what follows the
/// minutes ("pm", or nothing).
fn clock_time<'m>(hour: &str, between: &str, minutes: &'m str) -> Option<(String, &'m str)> {
    let digits = |w: &str| w.bytes().take_while(u8::is_ascii_digit).count();
    let h = digits(hour);
    if between != ":" || !(1..=2).contains(&h) || h != hour.len() || digits(minutes) != 2 {
        return None;
    }
    // The first two bytes are digits, so the rest starts on a character boundary.
    let rest = &minutes[2..];
    if !(rest.is_empty() || is_am_pm(rest)) {
        return None;
    }
    let hour = hour.trim_start_matches('0');
    let hour = if hour.is_empty() { "0" } else { hour };
    Some(match &minutes[..2] {
        "00" => (hour.to_string(), rest),
        m => (format!("{hour}:{m}"), rest),
    })
}

/// "twenty" (already `20`) followed by a unit word: the number they make ("23").
fn tens_and_units(tens_key: &str, unit: &str) -> Option<String> {
    let tens: u32 = tens_key.parse().ok()?;
    if !(20..=90).contains(&tens) || !tens.is_multiple_of(10) {
        return None;
    }
    let unit = unit.to_lowercase();
    let u = if unit == "one" { 1 } else { number(&unit)? };
    (1..=9).contains(&u).then(|| (tens + u).to_string())
}

/// Fold a punctuation mark to its normal form: curly, low and angled quotation marks to `"`
/// and `'`, apostrophe-like marks to `'`, every dash to `—`.
pub fn fold_mark(c: char) -> char {
    match c {
        '“' | '”' | '„' | '‟' | '«' | '»' | '〝' | '〞' | '＂' => '"',
        '‘' | '’' | '‚' | '‛' | '‹' | '›' | '`' | '´' | 'ʼ' => '\'',
        '–' | '—' | '―' | '‒' | '−' => '—',
        c => c,
    }
}

/// The dateline opening the paragraph at `para`, if it has one: a place in capitals (with a
/// state, a date or a news agency after it: "LIVINGSTON, N.J. —", "WASHINGTON (Reuters) -",
/// "Denver (AP) –") followed by a dash. The span runs from the paragraph's start to the end
/// of the dash.
pub fn dateline(text: &str, para: Span) -> Option<Span> {
    let p = para.slice(text);
    let head = &p[..floor_boundary(p, 96)];
    let (dash_at, dash_len) = find_dash(head)?;
    let place = head[..dash_at].trim_end();
    if place.is_empty() {
        return None;
    }
    let (place, agency) = match place.strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
        Some((before, inside)) if is_agency(inside) => (before.trim_end(), true),
        _ => (place, false),
    };
    let mut parts = place.splitn(2, ',');
    let city = parts.next()?.trim();
    let rest = parts.next().map(str::trim);
    let city_words: Vec<&str> = city.split_whitespace().collect();
    if city_words.is_empty() || city_words.len() > 4 {
        return None;
    }
    let capitals = city_words.iter().all(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    });
    let named = city_words.iter().all(|w| w.starts_with(char::is_uppercase));
    if !(capitals || agency && named) {
        return None;
    }
    // After the comma: a state or a date, a few short words.
    if let Some(rest) = rest
        && (rest.is_empty()
            || rest.split_whitespace().count() > 3
            || !rest.starts_with(|c: char| c.is_uppercase()))
    {
        return None;
    }
    let end = dash_at + dash_len;
    Some(Span::new(para.start, para.start + end))
}

/// Byte position of the first dash that sets off a dateline (a dash, en dash, em dash,
/// horizontal bar or two hyphens, with whitespace or a word after it) and its length.
fn find_dash(head: &str) -> Option<(usize, usize)> {
    for (k, c) in head.char_indices() {
        let len = match c {
            '—' | '–' | '―' => {
                let l = c.len_utf8();
                if head[k + l..].starts_with('-') {
                    l + 1
                } else {
                    l
                }
            }
            '-' if head[k + 1..].starts_with('-') => 2,
            '-' if head[..k].ends_with(' ') && head[k + 1..].starts_with(' ') => 1,
            _ => continue,
        };
        return Some((k, len));
    }
    None
}

/// True for the name of a news agency in a dateline's brackets.
fn is_agency(s: &str) -> bool {
    matches!(
        s.trim(),
        "AP" | "Reuters" | "AFP" | "CNN" | "UPI" | "Bloomberg" | "dpa" | "The Associated Press"
    )
}

fn floor_boundary(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The normal-form file as the program once parsed it at run time: `[group]` lines, then
    /// `form = normal form` entries (`#` comments); the last spelling or number listed for a
    /// form wins, and every compound entry is kept in file order.
    struct Parsed {
        spelling: HashMap<&'static str, &'static str>,
        numbers: HashMap<&'static str, u32>,
        compounds: HashMap<&'static str, Vec<(&'static str, &'static str)>>,
        acronym_words: std::collections::HashSet<&'static str>,
    }

    fn parse(src: &'static str) -> Parsed {
        let mut f = Parsed {
            spelling: HashMap::default(),
            numbers: HashMap::default(),
            compounds: HashMap::default(),
            acronym_words: Default::default(),
        };
        let mut group = "";
        for line in src.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                group = name;
                continue;
            }
            let (form, normal) = match line.split_once('=') {
                Some((a, b)) => (a.trim(), b.trim()),
                None => (line, ""),
            };
            match group {
                "spelling" => {
                    f.spelling.insert(form, normal);
                }
                "number" => {
                    if let Ok(n) = normal.parse() {
                        f.numbers.insert(form, n);
                    }
                }
                "compound" => {
                    if let Some((first, second)) = form.split_once(' ') {
                        f.compounds
                            .entry(first)
                            .or_default()
                            .push((second.trim(), normal));
                    }
                }
                "acronym" => {
                    f.acronym_words.insert(form);
                }
                _ => {}
            }
        }
        f
    }

    #[test]
    fn compiled_groups_are_the_files() {
        let f = parse(include_str!("../../assets/english/normal_forms.txt"));
        assert!(f.spelling.len() > 50 && f.numbers.len() > 10);
        assert!(!f.compounds.is_empty() && !f.acronym_words.is_empty());
        assert_eq!(SPELLING.len(), f.spelling.len());
        for (&form, &us) in &f.spelling {
            assert_eq!(spelling(form), Some(us), "{form}");
        }
        assert_eq!(NUMBER_WORDS.len(), f.numbers.len());
        for (&word, &n) in &f.numbers {
            assert_eq!(number(word), Some(n), "{word}");
        }
        assert_eq!(COMPOUND_FIRST.len(), f.compounds.len());
        for (&first, listed) in &f.compounds {
            let slot = COMPOUND_FIRST.slot(first).unwrap();
            let compiled: Vec<_> = item_range(&COMPOUND_ENDS, slot)
                .map(|e| (COMPOUND_SECOND.get(e), COMPOUND_NORMAL.get(e)))
                .collect();
            assert_eq!(&compiled, listed, "{first}");
        }
        assert_eq!(ACRONYM_WORDS.len(), f.acronym_words.len());
        for w in f.acronym_words {
            assert!(ACRONYM_WORDS.slot(w).is_some(), "{w}");
        }
        assert_eq!(spelling("colour"), Some("color"));
        assert_eq!(spelling("color"), None);
        assert_eq!(number("three"), Some(3));
        assert_eq!(number("one"), None);
    }

    fn keys(text: &str) -> Vec<String> {
        normal_words(text, 0)
            .0
            .into_iter()
            .map(|w| w.key.into())
            .collect()
    }

    #[test]
    fn word_keys() {
        assert_eq!(word_key("F.B.I"), "fbi");
        assert_eq!(word_key("FBI"), "fbi");
        assert_eq!(word_key("U.S"), "US");
        assert_eq!(word_key("US"), "US");
        assert_eq!(word_key("us"), "us");
        assert_eq!(word_key("Russia’s"), "russia");
        assert_eq!(word_key("three"), "3");
        assert_eq!(word_key("1,000"), "1000");
        assert_eq!(word_key("organisations"), "organizations");
        assert_eq!(word_key("organising"), "organizing");
        assert_eq!(word_key("Colours"), "colors");
        assert_eq!(word_key("defence"), "defense");
        assert_eq!(word_key("travelled"), "traveled");
        assert_eq!(word_key("one"), "one");
        assert_eq!(word_key("'"), "");
    }

    #[test]
    fn words_in_context() {
        assert_eq!(
            keys("Gen. Flynn met General Flynn"),
            ["general", "flynn", "met", "general", "flynn"]
        );
        assert_eq!(keys("Mr. Trump and Ms. Page"), ["trump", "and", "page"]);
        assert_eq!(
            keys("5 per cent, 5 percent, 5%"),
            ["5", "percent", "5", "percent", "5", "percent"]
        );
        assert_eq!(
            keys("twenty-three and twenty three and 23"),
            ["23", "and", "23", "and", "23"]
        );
        assert_eq!(
            keys("No. 2 and no way"),
            ["number", "2", "and", "no", "way"]
        );
        assert_eq!(
            keys("in Calif. and California"),
            ["in", "california", "and", "california"]
        );
        assert_eq!(
            keys("1 a.m. to 1pm, 5 P.M."),
            ["1", "am", "to", "1", "pm", "5", "pm"]
        );
        // A time with its minutes is one number; on the hour it is the hour.
        assert_eq!(
            keys("At 9:24 p.m., not 9 p.m.; 5:00 PM, 09:05am, 3:16 and 10:30"),
            [
                "at", "9:24", "pm", "not", "9", "pm", "5", "pm", "9:05", "am", "3:16", "and",
                "10:30"
            ]
        );
        // Not times: more digits, or a space after the colon.
        assert_eq!(
            keys("Vote 123:45, ratio 3: 2, 2:für, 4:ü, 5:30x"),
            [
                "vote", "123", "45", "ratio", "3", "2", "2", "für", "4", "ü", "5", "30x"
            ]
        );
        let text = "At 9:24pm";
        let (words, _) = normal_words(text, 0);
        let written: Vec<&str> = words.iter().map(|w| w.span.slice(text)).collect();
        assert_eq!(written, ["At", "9:24", "pm"]);
        let text = "Mr. Trump said";
        let (words, honorifics) = normal_words(text, 0);
        assert_eq!(honorifics, [Span::new(0, 3)]);
        assert_eq!(words[0].span.slice(text), "Trump");
        let (words, _) = normal_words("5 per cent", 10);
        assert_eq!(words[1].span, Span::new(12, 20));
    }

    #[test]
    fn compounds_written_apart() {
        assert_eq!(
            keys("e-mails, e mail, emails"),
            ["emails", "email", "emails"]
        );
        assert_eq!(
            keys("health care and healthcare"),
            ["healthcare", "and", "healthcare"]
        );
        // House styles: the hyphen of one outlet is the closed compound of another.
        assert_eq!(
            keys("a non-profit, two nonprofits, web sites"),
            ["a", "nonprofit", "2", "nonprofits", "websites"]
        );
        assert_eq!(
            keys("our work force and their workforce"),
            ["our", "workforce", "and", "their", "workforce"]
        );
    }

    #[test]
    fn marks_fold() {
        assert_eq!(fold_mark('“'), '"');
        assert_eq!(fold_mark('’'), '\'');
        assert_eq!(fold_mark('–'), '—');
        assert_eq!(fold_mark('.'), '.');
    }

    #[test]
    fn datelines() {
        let cases = [
            ("WASHINGTON — President Trump said", Some("WASHINGTON —")),
            ("WASHINGTON—Joining a chorus", Some("WASHINGTON—")),
            ("WASHINGTON -- In the wake", Some("WASHINGTON --")),
            ("LIVINGSTON, N.J. — Gov. Chris", Some("LIVINGSTON, N.J. —")),
            ("KANSAS CITY, Mo. — The", Some("KANSAS CITY, Mo. —")),
            ("Denver (AP) – The state", Some("Denver (AP) –")),
            ("NEW YORK (Reuters) - Stocks", Some("NEW YORK (Reuters) -")),
            ("The provisions — which", None),
            ("Mr. McConnell — who", None),
            ("New York – a city", None),
            ("President Trump said — again — that", None),
            ("A-ha — band", None),
        ];
        for (text, want) in cases {
            let got = dateline(text, Span::new(0, text.len())).map(|s| s.slice(text));
            assert_eq!(got, want, "{text}");
        }
    }
}
