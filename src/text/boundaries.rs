//! Sentence boundaries inside one paragraph, in news style.
//!
//! One left-to-right pass finds every run of terminal punctuation (`.`, `!`, `?`, `…`, and
//! ellipses written `...` or `. . .`), takes the closing quote marks and brackets right after
//! it, and decides from the word before and the text after whether the run ends a sentence:
//!
//! - **What follows.** A sentence starts with a capital, a digit, a currency or hash sign, a
//!   bullet or an opening quote mark or bracket before one of those. Before anything else (a
//!   lower-case word, a comma) nothing ends. An opening quote mark belongs to the sentence it
//!   opens, a closing one to the sentence it closes; a straight mark is opening when a word
//!   follows it and closing when a space or the end does.
//! - **Abbreviations** come from the table in `assets/english/abbreviations.txt` ([`super::abbrev`]):
//!   after an honorific, a title, a Latin abbreviation ("Mr.", "Gen.", "e.g.") nothing ends;
//!   after "No." or "Jan." nothing ends before a number; after a state, a country written with
//!   full stops, a time ("a.m."), a suffix ("Jr.", "Inc."), dotted letters ("J.R.R.") or an
//!   initial, a sentence ends only before a sentence starter ("The", "He", "But", "Mr."…) or an
//!   opening quote mark, and a time phrase alone ("At 5 a.m.") is never a sentence. A closing
//!   quote mark after the full stop ends the quotation, and with it the sentence.
//! - **Quotations** are split at their own sentence ends ("I feel very badly. He's led…"); a
//!   quotation ending in "?" or "!" followed by its attribution (`“…a wall?” Ms. Pelosi said`,
//!   `“Jail!” Trump tweeted`) continues the sentence.
//! - **Ellipses** end a sentence before a capital, but not before "I" (`is . . . I didn't`),
//!   inside square brackets (`[...]`), or at the start of a sentence; a full stop followed by a
//!   spaced ellipsis (`compounds. . . . The`) ends the sentence at the full stop and the
//!   ellipsis opens the next one.
//! - **Ordinals**: German writes an ordinal as a number with a full stop ("am 3. Oktober", "im
//!   19. Jahrhundert", "seinen 90. Geburtstag"). A number of one to three digits followed by a
//!   month name (German or English) or a noun that takes an ordinal ([`ORDINAL_NOUNS`]), or
//!   coming after a German article or contracted preposition ([`ORDINAL_DETERMINERS`]: "jeder
//!   11. Schüler", "des 1. FC"), does not end a sentence. A year ("in 2019. The") still does.
//! - **Lists**: a list marker ("1.", "2)", "a.") at the start of a sentence ends nothing, and a
//!   paragraph that starts a numbered or lettered list ("1. The first item 2. The second…")
//!   is cut before each further marker of the sequence.
//!
//! Every decision looks at a bounded stretch of text around the run, so the pass is linear in
//! the paragraph's length.

use super::abbrev::{self, Group};

/// Longest word, in bytes, looked at before a full stop or after a boundary: abbreviations and
/// the words around them are short, and the bound keeps each decision cheap on hostile text.
const WORD_LIMIT: usize = 64;

/// Byte offsets into `p` (one paragraph) where a new sentence starts, ascending. Each offset
/// is just after a sentence's last character (whitespace before the next sentence is not
/// skipped); no offset is 0 or `p.len()`.
pub fn cuts(p: &str) -> Vec<usize> {
    let lists = list_cuts(p);
    let mut out: Vec<usize> = Vec::new();
    let bytes = p.as_bytes();
    let mut sent_start = 0;
    let mut next_list = 0;
    let mut i = 0;
    while i < p.len() {
        // Only a terminator decides anything: skip to the next byte that can start one (an
        // ASCII terminator, or 0xE2, the lead byte of the others).
        match bytes[i..]
            .iter()
            .position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))
        {
            Some(k) => i += k,
            None => break,
        }
        while next_list < lists.len() && lists[next_list] <= i {
            sent_start = sent_start.max(lists[next_list]);
            next_list += 1;
        }
        let Some(c) = p[i..].chars().next() else {
            break;
        };
        if !is_terminator(c) {
            i += c.len_utf8();
            continue;
        }
        let run = Run::at(p, i);
        let next_i = run.end.max(i + c.len_utf8());
        if let Some(cut) = decide(p, &run, sent_start)
            && cut > sent_start
            && cut < p.len()
        {
            out.push(cut);
            sent_start = cut;
        }
        i = next_i;
        debug_assert!(p.is_char_boundary(i) || i >= bytes.len());
    }
    out.extend(lists);
    out.sort_unstable();
    out.dedup();
    out.retain(|&c| c > 0 && c < p.len());
    out
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '"' | '\'' | ')' | ']' | '»' | '›' | '}' | '“' | '‘'
    )
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '"' | '\'' | '»' | '›' | '“' | '‘' | '«' | '‹' | '„'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '"' | '\'' | '(' | '[' | '«' | '‹' | '„' | '‚' | '¿' | '¡'
    )
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '◦' | '▪' | '‣' | '·' | '*' | '-' | '–' | '—')
}

/// A run of terminal punctuation and the closing marks after it.
struct Run {
    /// First byte of the run.
    start: usize,
    /// Just after the closing marks (== `punct_end` when there are none).
    end: usize,
    /// Holds `!` or `?`.
    question: bool,
    /// An ellipsis: two or more full stops, or `…`.
    ellipsis: bool,
    /// Starts with a full stop written right after a word, followed by a spaced ellipsis
    /// (`compounds. . . .`): the offset just after that first full stop.
    stop_then_ellipsis: Option<usize>,
    /// The closing marks include a quote mark.
    closes_quote: bool,
}

impl Run {
    fn at(p: &str, start: usize) -> Run {
        let mut end = start;
        let mut dots = 0;
        let mut question = false;
        let mut ellipsis_char = false;
        let mut spaced = false;
        loop {
            let rest = &p[end..];
            let Some(c) = rest.chars().next() else { break };
            if is_terminator(c) {
                match c {
                    '.' => dots += 1,
                    '…' => ellipsis_char = true,
                    _ => question = true,
                }
                end += c.len_utf8();
                continue;
            }
            // A spaced ellipsis: ". . ." continues while a single space is followed by a dot.
            if c == ' ' && !question && rest[1..].starts_with('.') && (dots > 0 || ellipsis_char) {
                spaced = true;
                end += 1;
                continue;
            }
            break;
        }
        let punct_end = end;
        let attached = p[..start]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace());
        let stop_then_ellipsis = (attached
            && spaced
            && p[start..].starts_with(". .")
            && p[start..punct_end].matches(". .").count() >= 2)
            .then_some(start + 1);
        // Closing marks: attached to the run, or one space away when nothing but space or the
        // end follows them (`decision.’ ”`).
        let mut closes_quote = false;
        loop {
            let rest = &p[end..];
            let Some(c) = rest.chars().next() else { break };
            if is_closer(c) && closing_here(p, end, c) {
                closes_quote |= is_quote_mark(c);
                end += c.len_utf8();
                continue;
            }
            if c == ' '
                && let Some(d) = rest[1..].chars().next()
                && matches!(d, '”' | '"' | '’' | '»' | '“')
                && rest[1 + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
            {
                closes_quote = true;
                end += 1 + d.len_utf8();
                continue;
            }
            break;
        }
        Run {
            start,
            end,
            question,
            ellipsis: dots >= 2 || ellipsis_char,
            stop_then_ellipsis,
            closes_quote,
        }
    }
}

/// True when the mark `c` at `at` closes rather than opens: curly closing marks always; a
/// straight mark or apostrophe when a word does not follow it, and so `“` and `‘`, which close
/// German quotations („…“, ‚…‘) and open English ones.
fn closing_here(p: &str, at: usize, c: char) -> bool {
    match c {
        '"' | '\'' | '’' | '“' | '‘' => !p[at + c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric),
        _ => true,
    }
}

/// What follows a run: the first character after the whitespace, and the word there.
struct Next<'p> {
    /// Offset of the first non-space character after the run.
    at: usize,
    /// That character.
    first: char,
    /// The word after any opening marks, bounded to [`WORD_LIMIT`] bytes, its trailing
    /// punctuation removed.
    word: &'p str,
    /// Opening marks came before the word.
    opened: bool,
    /// An opening quote mark came before the word.
    quoted: bool,
    /// The word is a single capital letter with a full stop: an initial ("C. A. Dutch").
    initial: bool,
}

fn next_after(p: &str, end: usize) -> Option<Next<'_>> {
    let rest = &p[end..];
    let first_ws = rest.chars().next()?;
    if !first_ws.is_whitespace() {
        return None;
    }
    let lead = rest.len() - rest.trim_start().len();
    let at = end + lead;
    let first = p[at..].chars().next()?;
    let mut w = at;
    let mut opened = false;
    let mut quoted = false;
    while let Some(c) = p[w..].chars().next() {
        if is_opener(c) && w - at < 8 {
            opened = true;
            quoted |= is_quote_mark(c);
            w += c.len_utf8();
        } else {
            break;
        }
    }
    let word = bounded_word(&p[w..]);
    let initial = abbrev::is_initial(word) && p[w + word.len()..].starts_with('.');
    Some(Next {
        at,
        first,
        word,
        opened,
        quoted,
        initial,
    })
}

/// The leading word of `s`: up to the first whitespace (at most [`WORD_LIMIT`] bytes), its
/// trailing punctuation removed.
fn bounded_word(s: &str) -> &str {
    let mut end = 0;
    for (k, c) in s.char_indices() {
        if c.is_whitespace() || k >= WORD_LIMIT {
            break;
        }
        end = k + c.len_utf8();
    }
    s[..end].trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// True when `c` can start a sentence (after `opened` marks when the word began with some).
fn starts_sentence(next: &Next) -> bool {
    let c = next.word.chars().next();
    if next.opened {
        return c.is_some_and(|c| c.is_uppercase() || c.is_numeric())
            || next.word.is_empty() && next.first != '(';
    }
    let f = next.first;
    f.is_uppercase()
        || f.is_numeric()
        || matches!(f, '$' | '£' | '€' | '#' | '@' | '…' | '¿' | '¡')
        || (is_bullet(f) && !matches!(f, '-' | '–' | '—'))
}

/// The word right before the run at `start` (whitespace-delimited, opening marks removed), or
/// `None` when the run does not follow a word or the word is longer than [`WORD_LIMIT`].
fn word_before(p: &str, start: usize) -> Option<(usize, &str)> {
    let head = &p[..start];
    let mut from = start;
    for (k, c) in head.char_indices().rev() {
        if c.is_whitespace() {
            break;
        }
        if start - k > WORD_LIMIT {
            return None;
        }
        from = k;
    }
    if from == start {
        return None;
    }
    let raw = &p[from..start];
    let word = raw.trim_start_matches(|c: char| is_opener(c) || is_bullet(c));
    Some((start - word.len(), word))
}

/// True when only spacing, bullets and opening marks lie between `sent_start` and `at`.
fn at_sentence_start(p: &str, sent_start: usize, at: usize) -> bool {
    p[sent_start..at]
        .chars()
        .all(|c| c.is_whitespace() || is_opener(c) || is_bullet(c))
}

/// The cut a run makes, if it ends a sentence.
fn decide(p: &str, run: &Run, sent_start: usize) -> Option<usize> {
    let next = next_after(p, run.end)?;
    if p[..run.start].ends_with('[') {
        // "[...]": an elision mark inside a quotation.
        return None;
    }
    if at_sentence_start(p, sent_start, run.start) {
        return None;
    }
    if !starts_sentence(&next) {
        return None;
    }
    if run.ellipsis {
        return ellipsis_cut(p, run, &next);
    }
    if run.closes_quote
        && let Some(after_verb) = attribution_follows(p, next.at)
    {
        // After "?" or "!" any attribution continues the sentence ("“Jail!” Trump tweeted
        // early Tuesday"); after a full stop only a bare one does (`"…Boehner." Durbin said.`),
        // since "“…farm.” Ms. Ernst said that…" starts a new sentence.
        let bare = after_verb
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | '\n'));
        if run.question || bare {
            return None;
        }
    }
    if run.question || run.closes_quote {
        return Some(run.end);
    }
    // A full stop (or two): what the word before it is decides.
    let Some((word_at, word)) = word_before(p, run.start) else {
        return Some(run.end);
    };
    if at_sentence_start(p, sent_start, word_at) && is_list_marker_word(word) {
        return None;
    }
    if is_ordinal(word, p, word_at, &next) {
        return None;
    }
    let digit_next = next.first.is_ascii_digit();
    match abbreviation_group(word) {
        Some(Group::Honorific | Group::Title | Group::Inner) => None,
        Some(Group::Number) if digit_next => None,
        Some(Group::Number) | None => Some(run.end),
        Some(Group::Month) if digit_next => None,
        Some(group) => {
            if digit_next {
                return None;
            }
            if group == Group::Time && time_phrase_only(p, sent_start, word_at) {
                return None;
            }
            let starter = next.quoted || (abbrev::is_starter(next.word) && !next.initial);
            starter.then_some(run.end)
        }
    }
}

/// Nouns that take an ordinal in German ("im 19. Jahrhundert", "zum 3. Mal"), and month names
/// in German and English: after a number and a full stop they continue the sentence. Entries
/// ending in `*` match any word they start ("Jahrhunderts", "Weltkrieges").
pub const ORDINAL_NOUNS: &[&str] = &[
    "Januar",
    "Jänner",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
    "January",
    "February",
    "March",
    "May",
    "June",
    "July",
    "October",
    "December",
    "Jahrhundert*",
    "Jahrtausend*",
    "Jahrzehnt*",
    "Geburtstag*",
    "Jahrestag*",
    "Todestag*",
    "Lebensjahr*",
    "Weltkrieg*",
    "Spieltag*",
    "Breitengrad*",
    "Längengrad*",
    "Stockwerk*",
    "Schuljahr*",
    "Quartal*",
    "Semester*",
    "Bundesliga",
    "Liga",
    "Klasse",
    "Platz",
    "Etage",
    "Runde",
    "Mal",
    "Auflage",
    "Ausgabe",
    "Kapitel",
    "Jahrgang",
    "Hälfte",
    "Halbzeit",
    "Preis",
    "Stufe",
    "Advent",
    "Buch",
];

/// German articles, possessives and prepositions fused with an article after which a number
/// with a full stop is an ordinal ("jeder 11. Schüler", "des 1. FC Köln", "im 2. Stock").
pub const ORDINAL_DETERMINERS: &[&str] = &[
    "im", "vom", "zum", "beim", "dem", "den", "des", "jeder", "jede", "jedes", "jeden", "seinem",
    "seinen", "seines", "seiner", "ihrem", "ihren", "ihres", "ihrer",
];

/// True when the full stop after `word` (at `word_at`) marks a German ordinal: the word is a
/// number of one to three digits, and either the word after it is a month or a noun of
/// [`ORDINAL_NOUNS`], or the word before it is one of [`ORDINAL_DETERMINERS`].
fn is_ordinal(word: &str, p: &str, word_at: usize, next: &Next) -> bool {
    if !(1..=3).contains(&word.len()) || !word.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if next.opened {
        return false;
    }
    let noun = ORDINAL_NOUNS.iter().any(|n| match n.strip_suffix('*') {
        Some(stem) => next.word.starts_with(stem),
        None => next.word == *n,
    });
    noun || word_before(p, p[..word_at].trim_end().len()).is_some_and(|(_, w)| {
        ORDINAL_DETERMINERS
            .iter()
            .any(|d| w.eq_ignore_ascii_case(d))
    })
}

/// The group of the word before a full stop: from the table, or [`Group::Place`] for dotted
/// letters and initials.
fn abbreviation_group(word: &str) -> Option<Group> {
    if let Some(a) = abbrev::lookup(word) {
        return Some(a.group);
    }
    let last = word.rsplit(['-', '–', '—']).next().unwrap_or(word);
    (abbrev::is_dotted_letters(last) || abbrev::is_initial(last)).then_some(Group::Place)
}

/// Where an ellipsis run ends a sentence.
fn ellipsis_cut(p: &str, run: &Run, next: &Next) -> Option<usize> {
    // "I" after an ellipsis set off by spaces continues the sentence: "the thing is . . . I
    // didn't mean it"; after one attached to a word ("hate it... I understand") it starts one.
    let spaced_off = p[..run.start].ends_with(char::is_whitespace);
    if spaced_off
        && (next.word == "I" || next.word.starts_with("I'") || next.word.starts_with("I’"))
    {
        return None;
    }
    Some(run.stop_then_ellipsis.unwrap_or(run.end))
}

/// True for a list marker's word: one to three digits, or one lower-case letter.
fn is_list_marker_word(word: &str) -> bool {
    let n = word.chars().count();
    (1..=3).contains(&n) && word.chars().all(|c| c.is_ascii_digit())
        || n == 1 && word.chars().all(|c| c.is_ascii_lowercase())
}

/// True when the sentence so far is only a time phrase: a preposition, a number and the time
/// ("At 5 a.m."), so the full stop after it cannot end a sentence.
fn time_phrase_only(p: &str, sent_start: usize, word_at: usize) -> bool {
    let words: Vec<&str> = p[sent_start..word_at].split_whitespace().take(4).collect();
    matches!(words.as_slice(), [prep, num] | [prep, num, _]
        if matches!(prep.to_ascii_lowercase().as_str(), "at" | "by" | "until" | "before" | "after" | "around" | "about" | "from" | "since" | "till")
            && num.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

/// When the words at `at` are a quotation's attribution — one to four capitalised words
/// (titles and honorifics with their full stops included) followed by an attribution verb
/// ("Ms. Pelosi said", "Justice Breyer asked", "Trump tweeted") — the text after the verb.
fn attribution_follows(p: &str, at: usize) -> Option<&str> {
    let mut rest = &p[at..];
    for k in 0..5 {
        let word = bounded_word(rest);
        if word.is_empty() {
            return None;
        }
        if k > 0 && super::vocab::is_speech_verb(word) {
            return Some(&rest[word.len()..]);
        }
        if !word.chars().next().is_some_and(char::is_uppercase) || k == 4 {
            return None;
        }
        // "He added…" after a quotation is a new sentence; "Ms. Pelosi said" is not.
        if k == 0
            && abbrev::is_starter(word)
            && abbrev::lookup(word).is_none_or(|a| a.group != Group::Honorific)
        {
            return None;
        }
        let after = rest.find(char::is_whitespace).unwrap_or(rest.len());
        if after > WORD_LIMIT || after == rest.len() {
            return None;
        }
        // Only plain spacing, or a title's full stop, may separate the words of a name.
        let raw = &rest[..after];
        if raw.len() > word.len() && !(raw.ends_with('.') && abbrev::lookup(word).is_some()) {
            let tail = &raw[word.len()..];
            if !(tail == "’s" || tail == "'s") {
                return None;
            }
        }
        rest = rest[after..].trim_start();
    }
    None
}

/// Cuts before the markers of an inline list: a paragraph that starts with a marker ("1.",
/// "1)", "1.)", "a.", optionally after a bullet) is cut before each following marker that
/// continues the sequence (2, 3… or b, c…) with the same punctuation.
fn list_cuts(p: &str) -> Vec<usize> {
    let Some(first) = marker_at(p, 0) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut expect = first.value + 1;
    let mut prev_ws = false;
    for (k, c) in p.char_indices().skip(1) {
        if prev_ws
            && let Some(m) = marker_at(p, k)
            && m.value == expect
            && m.style == first.style
        {
            out.push(k);
            expect += 1;
        }
        prev_ws = c.is_whitespace();
    }
    out
}

/// A list marker at `at`: its value (1-based for numbers, `a` = 1 for letters), and its
/// punctuation style.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Marker {
    value: u32,
    style: (bool, &'static str),
}

fn marker_at(p: &str, at: usize) -> Option<Marker> {
    let mut rest = &p[at..];
    // An optional bullet, attached or followed by one space.
    if let Some(c) = rest.chars().next()
        && is_bullet(c)
        && c != '-'
    {
        rest = &rest[c.len_utf8()..];
        rest = rest.strip_prefix(' ').unwrap_or(rest);
    }
    let body_len = rest
        .char_indices()
        .find(|&(_, c)| !c.is_ascii_alphanumeric())
        .map_or(rest.len(), |(k, _)| k);
    let body = &rest[..body_len];
    let after = &rest[body_len..];
    let style = [".)", ")", "."]
        .into_iter()
        .find(|s| after.starts_with(s))?;
    if !after[style.len()..].starts_with(' ') {
        return None;
    }
    let value = if (1..=3).contains(&body.len()) && body.bytes().all(|b| b.is_ascii_digit()) {
        body.parse().ok()?
    } else if body.len() == 1 && body.bytes().all(|b| b.is_ascii_lowercase()) {
        u32::from(body.as_bytes()[0] - b'a') + 1
    } else {
        return None;
    };
    Some(Marker {
        value,
        style: (body.bytes().all(|b| b.is_ascii_digit()), style),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(p: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut last = 0;
        for c in cuts(p).into_iter().chain(std::iter::once(p.len())) {
            out.push(p[last..c].trim());
            last = c;
        }
        out
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("Hello World. My name is Jonas."),
            ["Hello World.", "My name is Jonas."]
        );
        assert_eq!(split("What? No! Yes."), ["What?", "No!", "Yes."]);
        assert_eq!(
            split("It was 3.5 percent. Then"),
            ["It was 3.5 percent.", "Then"]
        );
    }

    #[test]
    fn list_markers_are_recognised() {
        assert_eq!(
            split("1.) The first item 2.) The second item"),
            ["1.) The first item", "2.) The second item"]
        );
        assert_eq!(
            split("a. The first item b. The second item c. The third"),
            ["a. The first item", "b. The second item", "c. The third"]
        );
        assert_eq!(
            split("He was No. 2 in a. b. c."),
            ["He was No. 2 in a. b. c."]
        );
    }

    #[test]
    fn long_words_do_not_slow_decisions() {
        let long = "x".repeat(10_000);
        let text = format!("{long}. X{long}. A");
        assert_eq!(cuts(&text).len(), 2);
    }
}
