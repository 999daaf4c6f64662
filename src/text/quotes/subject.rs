//! Subjects: who opens a sentence (`Ms. Nuland sent …`, `On Friday, the aide, Elizabeth Lauten,
//! wrote …`), for quotations whose sentence names no speaker next to them and for "he said",
//! and the name a role noun refers back to (`the statement said`, `the committee chairman
//! said`).

use unicode_segmentation::UnicodeSegmentation;

use super::Span;
use super::speaker::{
    Src, Word, capitalised, name_after_comma, named_in_apposition, sentence_starts, words_in,
};
use crate::text::vocab::{
    Cue, ends_phrase as is_function_word, has_cue, is_determiner, is_pronoun,
    is_speech_verb as is_attribution,
};

/// The last name opening a sentence of `text[from..to]` (`Ms. Nuland sent …`, `The
/// 76-year-old Pelosi, in the months …`): the person a later "she said" most likely refers
/// to. Sentences that open with a quotation are skipped (their first word is the speaker's).
/// The sentences are read from the last, so only those after the name are looked at.
pub(super) fn last_sentence_subject(
    text: &Src<'_>,
    from: usize,
    to: usize,
    mid_sentence: bool,
    quoted: &[Span],
) -> Option<Span> {
    // A description with no name in it ("The image went viral") is no one a later quotation
    // could be continuing; "The 76-year-old Pelosi" and "The Russian military" are.
    let starts = sentence_starts(text, from, to);
    let skip = usize::from(mid_sentence && !text[..from].trim_end().ends_with('\n'));
    // A sentence inside a quotation ("… some phony theology. Oh, not a theology …") is the
    // speaker's, and its first word nobody a later quotation is by. `quoted` is in text order
    // and its spans do not overlap.
    let inside = |s: usize| {
        let k = quoted.partition_point(|q| q.end <= s);
        quoted.get(k).is_some_and(|q| q.start < s)
    };
    starts
        .into_iter()
        .skip(skip)
        .filter(|&s| !inside(s))
        .rev()
        .filter_map(|s| opening_subject(text, s, to))
        .find(|&np| names_someone(text, np) && !unnamed_aide(text, np))
}

/// True for someone's aide named by role alone ("Weiner's spokesman"): who they speak for is
/// more likely the one a later quotation is by than they are.
fn unnamed_aide(text: &Src<'_>, np: Span) -> bool {
    let words = words_in(text, np.start, np.end, 8);
    match words.as_slice() {
        [.., owner, role] => {
            (owner.text.ends_with("’s") || owner.text.ends_with("'s"))
                && has_cue(role.text, Cue::Role)
        }
        _ => false,
    }
}

/// True when the noun phrase `np` holds a name: a capitalised word after any determiner
/// ("Mr. Rhodes", "The 76-year-old Pelosi", "CIA officials"), not a bare description ("The
/// image", "The convoy").
pub(super) fn names_someone(text: &Src<'_>, np: Span) -> bool {
    let words = words_in(text, np.start, np.end, 8);
    match words.first() {
        Some(w) if is_determiner(w.text) => words[1..].iter().any(|w| capitalised(w.text)),
        Some(w) => capitalised(w.text),
        None => false,
    }
}

/// A number opening a time phrase ("Twenty-three minutes later,", "10 days ago,").
fn is_number_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            w.to_ascii_lowercase().as_str(),
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "fifteen"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "sixty"
                | "hours"
                | "minutes"
                | "days"
                | "weeks"
                | "months"
        )
}

/// A word opening a time phrase that names no one: a day ("Thursday night,", "Late Friday,",
/// "Yesterday,") or a relative time ("Earlier,", "Last week,").
fn is_time_word(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    crate::text::furniture::is_day(&w)
        || matches!(
            w.as_str(),
            "tonight" | "earlier" | "later" | "last" | "late" | "early"
        )
}

/// A preposition that opens an adverbial phrase before a sentence's subject (`Prior to the
/// declaration,`, `Amid the protests,`, `Despite the ruling,`) and is no function word of
/// `function_words.txt`.
fn is_opening_preposition(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "prior"
            | "ahead"
            | "amid"
            | "amidst"
            | "despite"
            | "unlike"
            | "like"
            | "besides"
            | "beyond"
            | "within"
            | "without"
            | "among"
            | "across"
            | "against"
            | "along"
            | "around"
            | "behind"
            | "beside"
            | "between"
            | "inside"
            | "outside"
            | "since"
            | "throughout"
            | "toward"
            | "towards"
            | "under"
            | "until"
            | "upon"
            | "although"
            | "though"
            | "whereas"
            | "instead"
    )
}

/// A word opening a participle clause before a sentence's subject: a present participle of
/// six letters or more (`Trying`, `Speaking`; not a noun in -ing such as `Meeting`) or one of
/// the past participles news writing opens with (`Asked`, `Pressed`). The caller also wants a lower-case word after it: `Outgoing White House
/// adviser Larry Summers` opens with an adjective of the subject, not a clause.
fn is_participle_opening(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    if matches!(
        l.as_str(),
        "asked" | "pressed" | "questioned" | "interviewed"
    ) {
        return true;
    }
    let ascii_word = w.chars().all(|c| c.is_ascii_alphabetic());
    let inner_capital = w.chars().skip(1).any(char::is_uppercase);
    ascii_word
        && !inner_capital
        && l.len() >= 6
        && l.ends_with("ing")
        && !matches!(
            l.as_str(),
            "during"
                | "nothing"
                | "something"
                | "anything"
                | "everything"
                | "morning"
                | "evening"
                | "meeting"
                | "building"
                | "funding"
                | "spending"
                | "hearing"
                | "ruling"
                | "warning"
                | "briefing"
                | "shooting"
                | "bombing"
                | "killing"
                | "polling"
                | "housing"
                | "training"
                | "opening"
                | "ending"
                | "spring"
                | "string"
                | "wedding"
                | "beijing"
                | "reading"
        )
}

/// An adverb between a subject and its verb ("The ministry *also* deplored", "The convoy
/// *reportedly* included").
fn is_adverb(w: &str) -> bool {
    (w.len() > 3 && w.ends_with("ly"))
        || matches!(
            w.to_ascii_lowercase().as_str(),
            "also" | "then" | "later" | "again" | "still" | "once" | "never" | "not" | "even"
        )
}

/// Words that open a sentence before its subject and are skipped ("But Trump said …").
/// True for the words of a label a page sets before its lede ("Updated:", "UPDATE:",
/// "Editor's note:"): no one's name.
fn is_lede_label(words: &[Word<'_>]) -> bool {
    let label: Vec<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
    let label: Vec<&str> = label.iter().map(String::as_str).collect();
    matches!(
        label.as_slice(),
        ["updated" | "update" | "updates" | "correction" | "clarification" | "breaking"]
            | ["editor's" | "editor’s" | "editors", "note"]
            | ["breaking", "news"]
    )
}

pub(super) fn is_opening_connective(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "but" | "and" | "yet" | "so" | "still" | "however" | "meanwhile" | "instead" | "now"
    )
}

/// True for a word that is a verb form no noun phrase naming a speaker runs through ("The
/// letter *released* Tuesday", "The writers *acknowledge*").
fn is_verb_like(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    is_attribution(w)
        || has_cue(w, Cue::Quoting)
        || crate::text::vocab::markers::is_reporting_form(&l)
        || matches!(
            l.as_str(),
            "is" | "was"
                | "were"
                | "are"
                | "has"
                | "had"
                | "have"
                | "will"
                | "would"
                | "could"
                | "can"
                | "should"
                | "did"
                | "does"
                | "do"
                | "spoke"
                | "sent"
                | "took"
                | "made"
                | "gave"
                | "went"
                | "wrote"
        )
        || (l.len() > 4 && l.ends_with("ed"))
}

/// The subject opening the sentence that starts at `from` (before `to`): a name or a noun
/// phrase, after a dateline (`WASHINGTON —`), a connective (`But`) or an opening adverbial
/// ending in a comma (`At 6:41 p.m.,`, `Prior to the declaration,`, `Thursday night,`). The
/// phrase must go on into the sentence (a name standing alone, like a caption or a "Like"
/// button, is no subject), and a possessive (`Mr. Obama’s deputies`) or the subject of a
/// passive (`Officials were told`) is not a speaker; the name set after a possessive's noun of
/// role is (`Colorado’s attorney general, John Suthers,`).
pub(super) fn opening_subject(text: &Src<'_>, from: usize, to: usize) -> Option<Span> {
    let head = text[from..to].trim_start();
    if head.starts_with(|c: char| super::is_mark(c)) {
        return None;
    }
    let words = words_in(text, from, to, 40);
    let mut i = 0;
    // A dateline: a word in capitals followed by a dash.
    if let Some(w) = words.first()
        && w.text.len() > 1
        && w.text.chars().all(|c| !c.is_lowercase())
    {
        let mut k = 0;
        while k + 1 < words.len() && words[k + 1].text.chars().all(|c| !c.is_lowercase()) {
            k += 1;
        }
        let gap = words
            .get(k + 1)
            .map_or("", |n| &text[words[k].span.end..n.span.start]);
        if gap.contains(['—', '–', '―', '-']) {
            i = k + 1;
        }
    }
    // A label set before the lede ("Updated:", "Editor's note:").
    if let Some(k) = (i..words.len().min(i + 2)).find(|&k| {
        words
            .get(k + 1)
            .is_some_and(|n| text[words[k].span.end..n.span.start].trim() == ":")
    }) && is_lede_label(&words[i..=k])
    {
        i = k + 1;
    }
    if words.get(i).is_some_and(|w| is_opening_connective(w.text)) {
        i += 1;
    }
    let first = words.get(i)?;
    let gap_before = |k: usize| &text[words[k - 1].span.end..words[k].span.start];
    // "May 30, 10 p.m.:": a month with a number is a date, not someone's name.
    let date = crate::text::furniture::is_month(&first.text.to_ascii_lowercase())
        && words
            .get(i + 1)
            .is_some_and(|w| w.text.starts_with(|c: char| c.is_ascii_digit()));
    if is_function_word(first.text)
        || first.text.ends_with("ly")
        || is_number_word(first.text)
        || is_time_word(first.text)
        || is_opening_preposition(first.text)
        || date
    {
        // An opening adverbial (`Thursday night, the hospital said`): the subject follows its
        // comma; without one, a day is no one's name (`Thursday’s vote …`).
        // A date holds commas of its own (`On May 26, 2009, The Connecticut Post …`, `May
        // 30, 10 p.m.: Kathy Griffin …`): the first comma or colon followed by a name or a
        // determiner, else the first comma.
        let window = i + 1..words.len().min(i + 16);
        let k = window
            .clone()
            .find(|&k| {
                gap_before(k).contains([',', ':'])
                    && (capitalised(words[k].text) || is_determiner(words[k].text))
            })
            .or_else(|| window.clone().find(|&k| gap_before(k).contains(',')))?;
        i = k;
    } else if is_participle_opening(first.text)
        && words.get(i + 1).is_some_and(|w| !capitalised(w.text))
    {
        // An opening participle clause (`Trying to regain momentum after …, Mr. Trump
        // asserted`, `Asked about the vote, Pelosi said`) may run longer, and hold commas of
        // its own (`Asked, for instance, if …, Robert Gibbs said`): the subject is after the
        // first comma followed by a name or a determiner.
        let k = (i + 1..words.len().min(i + 28)).find(|&k| {
            gap_before(k).contains(',')
                && (capitalised(words[k].text) || is_determiner(words[k].text))
        })?;
        i = k;
    }
    let first = words.get(i)?;
    if !capitalised(first.text) && i == 0 {
        return None;
    }
    // "Her campaign manager, Rita Vance, …", "Colorado’s attorney general, John Suthers, …":
    // a possessive is no speaker, but the name set after its noun of role is.
    if let Some(name) = possessive_apposition(text, &words[i..]) {
        return Some(name);
    }
    let lower = first.text.to_ascii_lowercase();
    if is_pronoun(first.text)
        || crate::text::vocab::is_function_word(&lower) && !is_determiner(first.text)
        || matches!(
            lower.as_str(),
            "their" | "his" | "her" | "its" | "our" | "my" | "your" | "this" | "these" | "those"
        )
        || lower.starts_with("that")
        || lower.starts_with("it")
        || lower.starts_with("there")
    {
        return None;
    }
    let rest = &words[i..];
    let n = if is_determiner(first.text) {
        // "The 76-year-old Pelosi", "The writers", "A U.S. intelligence official".
        1 + rest[1..]
            .iter()
            .take(5)
            .take_while(|w| {
                w.joined
                    && !is_verb_like(w.text)
                    && !is_function_word(w.text)
                    && !is_adverb(w.text)
                    // "e-mailed": a lone lower-case letter opens a hyphenated verb.
                    && (w.text.len() != 1 || capitalised(w.text))
            })
            .count()
    } else {
        // "White House officials", "Pentagon spokesman": a noun of role after the name is
        // part of who speaks.
        let n = name_length(rest);
        match rest.get(n) {
            Some(w) if n > 0 && w.joined && !capitalised(w.text) && has_cue(w.text, Cue::Role) => {
                n + 1
            }
            _ => n,
        }
    };
    if n < 1 || (is_determiner(first.text) && n < 2) {
        return None;
    }
    let last = &rest[n - 1];
    if last.text.ends_with("’s") || last.text.ends_with("'s") {
        return None;
    }
    let np = Span::new(first.span.start, last.span.end);
    // "the aide, Elizabeth Lauten, 31, …", "Grimm's lawyer, William McGinley, …": the name
    // set in apposition.
    if let Some(name) = named_in_apposition(text, rest, np) {
        return Some(name);
    }
    let next = rest.get(n)?;
    let gap = &text[np.end..next.span.start];
    if gap.contains(['.', '!', '?', '“', '”', '"']) {
        return None;
    }
    let apposition = gap.contains([',', '(']);
    // "Read the full rant": a lone capitalised word straight before a determiner is an
    // imperative verb, not a name.
    if n == 1 && !apposition && is_determiner(next.text) && !is_determiner(first.text) {
        return None;
    }
    // "Mayor Ana Ruiz on Sunday tried …": a day after the name is when, not part of it.
    let on_day = matches!(next.text, "on" | "late" | "early")
        && rest
            .get(n + 1)
            .is_some_and(|w| crate::text::furniture::is_month_or_day(&w.text.to_ascii_lowercase()));
    if !apposition
        && !on_day
        && (is_function_word(next.text)
            || matches!(
                next.text.to_ascii_lowercase().as_str(),
                "was" | "were" | "is" | "are" | "been"
            ))
    {
        return None;
    }
    Some(np)
}

/// The name set in apposition after a possessive and its noun of role, opening `words`: `Her
/// campaign manager, Rita Vance,`, `Colorado’s attorney general, John Suthers,`. The possessive
/// is a possessive pronoun or a capitalised word ending in `’s`; one to four lower-case words
/// follow it in one phrase, then a comma, then a name closed by a comma, a full stop or a
/// semicolon.
fn possessive_apposition(text: &str, words: &[Word<'_>]) -> Option<Span> {
    let first = words.first()?;
    let possessive = matches!(
        first.text.to_ascii_lowercase().as_str(),
        "his" | "her" | "their" | "its" | "our"
    ) || (capitalised(first.text)
        && (first.text.ends_with("’s") || first.text.ends_with("'s")));
    if !possessive {
        return None;
    }
    let role = words[1..]
        .iter()
        .take(5)
        .take_while(|w| w.joined && !capitalised(w.text))
        .count();
    if !(1..=4).contains(&role) {
        return None;
    }
    name_after_comma(text, words, words[role].span.end)
}

/// True for a word a full stop after which ends nothing: an honorific or title ("Mr", "Gen"),
/// an initial ("J") or dotted letters ("U.S").
fn is_abbreviation(w: &str) -> bool {
    use crate::text::abbrev;
    abbrev::is_initial(w)
        || abbrev::is_dotted_letters(w)
        || abbrev::lookup(w).is_some_and(|a| !a.group.can_end_sentence())
}

/// Length in words of the name opening `words`: capitalised words joined by plain spacing,
/// across "of" and "of the" when a capitalised word follows ("Secretary of the Interior Ryan
/// Zinke").
pub(super) fn name_length(words: &[Word<'_>]) -> usize {
    if !words.first().is_some_and(|w| capitalised(w.text)) {
        return 0;
    }
    let mut n = 1;
    while n < words.len() && words[n].joined {
        let w = words[n].text;
        if words[n].gap_stop && !is_abbreviation(words[n - 1].text) {
            break;
        }
        if capitalised(w) && !is_verb_like(w) {
            n += 1;
            continue;
        }
        // "of", "of the" inside a name.
        let bridge = if w == "of" {
            if words
                .get(n + 1)
                .is_some_and(|x| x.text == "the" && x.joined)
            {
                2
            } else {
                1
            }
        } else {
            0
        };
        if bridge > 0
            && words
                .get(n + bridge)
                .is_some_and(|x| x.joined && capitalised(x.text))
        {
            n += bridge;
            continue;
        }
        break;
    }
    n
}

/// How far back the sentence that gave a role its name is looked for, in bytes.
const ROLE_LOOKBACK: usize = 2000;

/// `the committee chairman said`, `the statement said`: a speaker named by a role noun (see
/// `quotation_cues.txt`) refers back to the last earlier sentence of this paragraph or the one
/// before that uses the same noun and opens with a name (`Ryan Zinke, the interior secretary,
/// said in a statement …`); that name is the speaker. None when there is no such sentence.
pub(super) fn resolve_role(
    text: &Src<'_>,
    np: Span,
    spans: &[(usize, Span)],
    paragraph: usize,
) -> Option<Span> {
    let words = words_in(text, np.start, np.end, 8);
    let (first, last) = (words.first()?, words.last()?);
    if !first.text.eq_ignore_ascii_case("the") || !has_cue(last.text, Cue::Role) {
        return None;
    }
    let k = spans.partition_point(|&(p, _)| p < paragraph);
    let mut floor = k
        .checked_sub(1)
        .map_or(0, |k| spans[k].1.start)
        .max(np.start.saturating_sub(ROLE_LOOKBACK));
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let starts = sentence_starts(text, floor, np.start);
    let role = last.text.to_ascii_lowercase();
    starts.iter().enumerate().rev().find_map(|(i, &s)| {
        let end = starts.get(i + 1).copied().unwrap_or(np.start);
        let sentence = &text[s..end];
        let uses = sentence
            .unicode_words()
            .any(|w| w.eq_ignore_ascii_case(&role));
        if !uses {
            return None;
        }
        let subj = opening_subject(text, s, end)?;
        let w = words_in(text, subj.start, subj.end, 1);
        (!is_determiner(w.first()?.text)).then_some(subj)
    })
}
