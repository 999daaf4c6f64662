//! Attributions: the phrase that attributes a quotation to a speaker, right next to it
//! (`“…,” the ministry said`, `X said: “…”`, `according to the agency, “…”`, `“…,” he added`)
//! or earlier in its sentence (`Trump called it “very unfair”`, `X said in a statement: “…”`).
//! A pronoun is returned as such; [`super::kind`] resolves it to a named speaker.

use super::subject::{is_opening_connective, name_length, opening_subject};
use super::{Quote, Span};
use crate::text::stretch::{Between, words_between};
use crate::text::vocab::{
    Cue, ends_phrase as is_function_word, has_cue, is_determiner, is_pronoun,
    is_speech_verb as is_attribution,
};

/// Who an attribution names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Who {
    /// A name or a noun phrase (`Col Ryan Dillon`, `the ministry`).
    Named(Span),
    /// A pronoun (`he`, `she`, `they`), to resolve to an earlier named speaker.
    Pronoun(Span),
}

/// The phrase attributing a quotation, and who it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Attribution {
    /// The attributing phrase (`the ministry said`, `said Col Ryan Dillon`, `he added`).
    pub span: Span,
    /// The speaker it names.
    pub who: Who,
}

pub(super) fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A word with its span, and whether the text between it and the previous word is plain
/// spacing (so the two belong to one phrase).
/// A word of the text.
pub(super) struct Word<'t> {
    pub(super) span: Span,
    pub(super) text: &'t str,
    pub(super) joined: bool,
    /// The text before it, after the previous word, holds a full stop.
    pub(super) gap_stop: bool,
}

/// A text with its UAX #29 words (`unicode_word_indices`), split once for all the look-ups
/// of its quotations' speakers; it reads as the text itself.
pub(super) struct Src<'t> {
    text: &'t str,
    words: &'t [(usize, &'t str)],
}

impl<'t> Src<'t> {
    /// `text` and its `words`.
    pub(super) fn new(text: &'t str, words: &'t [(usize, &'t str)]) -> Src<'t> {
        Src { text, words }
    }

    /// The UAX #29 words of `text[from..to]`, exactly as `unicode_words` splits that stretch
    /// on its own ([`crate::text::stretch::words_between`]).
    pub(super) fn words_between(&self, from: usize, to: usize) -> Between<'t> {
        words_between(self.text, self.words, from, to)
    }
}

impl std::ops::Deref for Src<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.text
    }
}

/// Words of `text[from..to]`, stopping after `limit` words.
pub(super) fn words_in<'t>(text: &Src<'t>, from: usize, to: usize, limit: usize) -> Vec<Word<'t>> {
    let first = text.words.partition_point(|&(at, _)| at < from);
    let mut out = Vec::with_capacity(limit.min(64));
    let mut last = from;
    for &(at, w) in &text.words[first..] {
        if at + w.len() > to || out.len() >= limit {
            break;
        }
        let gap = &text.text[last..at];
        // Most words follow a single space: a phrase gap without a full stop.
        let (joined, gap_stop) = if gap == " " {
            (true, false)
        } else {
            (is_phrase_gap(gap), gap.contains('.'))
        };
        out.push(Word {
            span: Span::new(at, at + w.len()),
            text: w,
            joined,
            gap_stop,
        });
        last = at + w.len();
    }
    out
}

/// Spacing inside a name or noun phrase: spaces, a hyphen, an abbreviation's full stop.
fn is_phrase_gap(gap: &str) -> bool {
    if gap.contains('\n') {
        return false;
    }
    let g = gap.trim_matches(|c: char| c.is_whitespace());
    g.is_empty() || g == "-" || g == "." || g == "’" || g == "'"
}

/// Attribution of quote `q`: one after the closing mark, else one before the opening mark, in
/// the same sentence.
pub(super) fn find_attribution(
    text: &Src<'_>,
    q: &Quote,
    spans: &[(usize, Span)],
) -> Option<Attribution> {
    // The spans are in text order and do not overlap: the first one that could hold `at` is
    // found by binary search.
    let holding = |at: usize, inclusive_end: bool| {
        let k = spans.partition_point(|&(_, s)| {
            if inclusive_end {
                s.end < at
            } else {
                s.end <= at
            }
        });
        spans
            .get(k)
            .map(|&(_, s)| s)
            .filter(|s| s.start <= at && (at < s.end || (inclusive_end && at == s.end)))
    };
    let para = holding(q.outer.end, true)?;
    speaker_after(text, q, para).or_else(|| {
        let start_para = holding(q.outer.start, false)?;
        speaker_before(text, q, start_para)
    })
}

/// How far before a quotation's opening mark its speaker is looked for, in bytes. A speaker
/// phrase ("according to the Russian Defence Ministry, …") is a handful of words; the bound
/// keeps a quote at the end of one enormous sentence from rescanning all of it.
const SPEAKER_LOOKBACK: usize = 512;

/// `“…,” the ministry said`, `“…,” Russian military spokesman Igor Konashenkov said`,
/// `“…,” said Col Ryan Dillon`.
fn speaker_after(text: &Src<'_>, q: &Quote, para: Span) -> Option<Attribution> {
    let words = words_in(text, q.outer.end, para.end, 40);
    let first = words.first()?;
    let gap = &text[q.outer.end..first.span.start];
    if gap
        .chars()
        .any(|c| !(c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-')))
    {
        return None;
    }
    // “… hoax.” The next sentence is not an attribution of this one.
    if q.inner.slice(text).ends_with('.') && capitalised(first.text) && !is_attribution(first.text)
    {
        return None;
    }
    // The attribution clause: words joined by plain spacing from the first one on.
    let run = 1 + words[1..].iter().take_while(|w| w.joined).count();
    let clause = &words[..run];
    let Some(v) = clause.iter().position(|w| is_attribution(w.text)) else {
        let who = quoted_as_saying(clause).or_else(|| appositive_subject(text, &words, run))?;
        return Some(Attribution {
            span: Span::new(first.span.start, clause[run - 1].span.end),
            who,
        });
    };
    let verb = clause[v].span;
    let who = if v == 0 {
        // "said Col Ryan Dillon", "said the ministry", "said he"
        match words.get(1) {
            Some(w) if is_pronoun(w.text) => Who::Pronoun(w.span),
            _ => {
                let np = noun_phrase_forward(&words[1..])?;
                Who::Named(named_in_apposition(text, &words, np).unwrap_or(np))
            }
        }
    } else {
        subject(&clause[..v])?
    };
    let end = match who {
        Who::Named(s) | Who::Pronoun(s) => s.end.max(verb.end),
    };
    Some(Attribution {
        span: Span::new(first.span.start, end),
        who,
    })
}

/// `the Russian defence ministry is quoted by Tass as saying`: the subject of "quoted … as".
fn quoted_as_saying(clause: &[Word<'_>]) -> Option<Who> {
    let k = clause
        .iter()
        .rposition(|w| w.text.eq_ignore_ascii_case("quoted"))?;
    if !clause[k..]
        .iter()
        .any(|w| w.text.eq_ignore_ascii_case("as"))
    {
        return None;
    }
    let mut subj = &clause[..k];
    while let Some((last, rest)) = subj.split_last()
        && matches!(
            last.text.to_ascii_lowercase().as_str(),
            "is" | "was" | "were" | "are" | "been" | "has" | "have" | "had" | "being"
        )
    {
        subj = rest;
    }
    subject(subj)
}

/// `“…,” House Judiciary Committee Chairman Jerrold Nadler, D-N.Y., said`, `“…,” Rep. Hank
/// Johnson (D-Ga.) told reporters`: a name right after the quotation, then an aside between
/// commas or brackets, then the attribution verb. `run` is the length of the name's clause.
fn appositive_subject(text: &str, words: &[Word<'_>], run: usize) -> Option<Who> {
    let first = words.first()?;
    let np = if is_determiner(first.text) {
        noun_phrase_forward(&words[..run])?
    } else {
        let n = name_length(&words[..run]);
        if n != run {
            return None;
        }
        Span::new(first.span.start, words[run - 1].span.end)
    };
    if run >= words.len() {
        return None;
    }
    let gap = |k: usize| &text[words[k - 1].span.end..words[k].span.start];
    if !gap(run).contains([',', '(']) {
        return None;
    }
    // The sentence ends at the segmenter's first boundary after the name.
    let upto = words[words.len() - 1].span.end;
    let sentence_end = crate::text::boundaries::cuts(&text[first.span.start..upto])
        .first()
        .map_or(upto, |&c| first.span.start + c);
    for (k, w) in words.iter().enumerate().take(run + 25).skip(run) {
        if w.span.start >= sentence_end || gap(k).contains(['“', '”', '"']) {
            return None;
        }
        if k > run && gap(k).contains([',', ')']) && is_attribution(w.text) {
            return Some(Who::Named(np));
        }
    }
    None
}

/// `said a White House spokesman, Eric Schultz.`, `Grimm's lawyer, William McGinley, said`:
/// the name set in apposition after a description (opening with a determiner, or ending with
/// a noun of role), when the sentence ends or goes on with a comma after it.
pub(super) fn named_in_apposition(text: &str, words: &[Word<'_>], np: Span) -> Option<Span> {
    let described = words
        .iter()
        .find(|w| w.span.start == np.start)
        .is_some_and(|w| is_determiner(w.text))
        || words
            .iter()
            .rfind(|w| w.span.end == np.end)
            .is_some_and(|w| has_cue(w.text, Cue::Role));
    if !described {
        return None;
    }
    name_after_comma(text, words, np.end)
}

/// The name set in apposition right after byte `end` of `text` (`words` being the words
/// around it): a comma, then a name that is no pronoun, then the sentence's end or a comma,
/// full stop or semicolon (`…, William McGinley, said`).
pub(super) fn name_after_comma(text: &str, words: &[Word<'_>], end: usize) -> Option<Span> {
    let k = words.iter().position(|w| w.span.start >= end)?;
    if text[end..words[k].span.start].trim() != "," {
        return None;
    }
    let n = name_length(&words[k..]);
    if n == 0 || is_pronoun(words[k].text) {
        return None;
    }
    let end = words[k + n - 1].span.end;
    let after = text[end..].trim_start();
    (after.is_empty() || after.starts_with(['.', ',', ';']))
        .then(|| Span::new(words[k].span.start, end))
}

/// The speaker named by the words right before an attribution verb: a pronoun or a noun
/// phrase.
fn subject(words: &[Word<'_>]) -> Option<Who> {
    // "The Russian military also said": adverbs between the subject and its verb.
    let mut words = words;
    while let Some((last, rest)) = words.split_last()
        && !capitalised(last.text)
        && (last.text.ends_with("ly")
            || matches!(
                last.text.to_ascii_lowercase().as_str(),
                "also" | "then" | "later" | "again" | "still" | "once" | "has" | "had" | "have"
            ))
    {
        words = rest;
    }
    let last = words.last()?;
    if is_pronoun(last.text) {
        return Some(Who::Pronoun(last.span));
    }
    let np = noun_phrase_before(words)?;
    // "Trump in the past has referred to", "Hale on Friday called": the noun phrase of a
    // phrase of time or place between the subject and its verb is not who speaks.
    let k = words.iter().position(|w| w.span.start == np.start)?;
    // After "after", "before" or "since", a name is the subject of a clause of its own
    // ("shortly after Santorum told voters"); a day or a month is a time.
    let phrase = match k.checked_sub(1).map_or("", |j| words[j].text) {
        "in" | "on" | "during" | "over" => true,
        "after" | "before" | "since" => {
            words[k]
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
                || crate::text::furniture::is_month_or_day(&words[k].text.to_ascii_lowercase())
        }
        _ => false,
    };
    if k >= 2
        && phrase
        && let Some(who) = subject(&words[..k - 1])
    {
        return Some(who);
    }
    // "Nebraska and Oklahoma complained", "Pelosi and Schumer said": two names joined by
    // "and" speak together.
    if k >= 2
        && words[k - 1].text == "and"
        && words[k - 1].joined
        && words[k].joined
        && capitalised(words[k - 2].text)
        && let Some(first) = noun_phrase_before(&words[..k - 1])
    {
        return Some(Who::Named(Span::new(first.start, np.end)));
    }
    Some(Who::Named(np))
}

/// The attribution span from `who` to `verb`, in text order.
fn attribution(who: Who, verb: Span) -> Attribution {
    let s = match who {
        Who::Named(s) | Who::Pronoun(s) => s,
    };
    Attribution {
        span: Span::new(s.start.min(verb.start), s.end.max(verb.end)),
        who,
    }
}

/// True when word `i` is the last of a name that reads like a verb: "the United *States*".
fn in_name(words: &[Word<'_>], i: usize) -> bool {
    i >= 2
        && capitalised(words[i].text)
        && words[i].joined
        && words[i - 1].joined
        && capitalised(words[i - 1].text)
        && is_determiner(words[i - 2].text)
}

/// `X said: “…”`, `X said, “…”`, `according to the agency, “…”`.
fn speaker_before(text: &Src<'_>, q: &Quote, para: Span) -> Option<Attribution> {
    let mut window = q
        .outer
        .start
        .saturating_sub(SPEAKER_LOOKBACK)
        .max(para.start);
    while !text.is_char_boundary(window) {
        window += 1;
    }
    let from = sentence_start(text, window, q.outer.start);
    let words = words_in(text, from, q.outer.start, usize::MAX);
    let last = words.last()?;
    let gap = &text[last.span.end..q.outer.start];
    if gap
        .chars()
        .any(|c| !(c.is_whitespace() || matches!(c, ',' | ':' | '—' | '–')))
    {
        return verb_earlier(text, from, &words);
    }
    let n = words.len();
    // The trailing phrase: words joined by plain spacing back from the last one.
    let mut lo = n - 1;
    while lo > 0 && words[lo].joined {
        lo -= 1;
    }
    let phrase = &words[lo..];
    if is_attribution(last.text) && !in_name(&words, n - 1) {
        return subject(&phrase[..phrase.len() - 1])
            .map(|who| attribution(who, last.span))
            .or_else(|| verb_earlier(text, from, &words));
    }
    // according to <noun phrase>,
    let Some(k) = phrase
        .windows(2)
        .position(|w| w[0].text.eq_ignore_ascii_case("according") && w[1].text == "to")
    else {
        return verb_earlier(text, from, &words);
    };
    let who = Who::Named(noun_phrase_forward(&phrase[k + 2..])?);
    Some(attribution(who, phrase[k].span))
}

/// `Trump called it “very unfair”`, `X said in a statement: “…”`, `X told reporters that “…”`:
/// the last attribution or quoting verb of the sentence before the quotation, and its subject:
/// the words right before it, the noun phrase right after it when it follows a quotation
/// (`“…,” says the letter, … — “…”`), else the subject opening the sentence (`Representative
/// Steve Stivers, Republican of Ohio, also said in a statement that …`).
fn verb_earlier(text: &Src<'_>, from: usize, words: &[Word<'_>]) -> Option<Attribution> {
    // `X was quoted as saying, “…”`, `X is quoted by Tass as saying that …`: the subject of
    // "quoted … as", close before the quotation.
    // The sentence's opening subject comes first: `Sen. Charles Schumer, a New York Democrat,
    // was quoted …` is Schumer, not the description set beside him.
    if let Some(k) = words
        .iter()
        .rposition(|w| w.text.eq_ignore_ascii_case("quoted"))
        && words.len() - k <= 8
        && let Some(who) = opening_subject(text, from, words[k].span.start)
            .map(Who::Named)
            .or_else(|| quoted_as_saying(words))
    {
        return Some(attribution(who, words[k].span));
    }
    // "its newly announced policy": a participle after a determiner or a possessive
    // describes a noun; it is no verb of the sentence.
    let adjectival = |i: usize| {
        let mut j = i;
        while j > 0 && words[j - 1].text.ends_with("ly") {
            j -= 1;
        }
        j > 0
            && (is_determiner(words[j - 1].text)
                || matches!(
                    words[j - 1].text.to_ascii_lowercase().as_str(),
                    "its" | "his" | "her" | "their" | "our" | "my" | "your"
                ))
    };
    // "continuing charges from congressional Republicans that …": a plural noun, not the
    // verb of the sentence.
    let plural_noun = |i: usize| {
        let w = words[i].text;
        w.ends_with('s')
            && !w.eq_ignore_ascii_case("says")
            && words
                .get(i + 1)
                .is_some_and(|n| matches!(n.text, "from" | "by" | "of"))
    };
    // "talking points describing the Sept. 11 attack …": a participle quotes only what
    // follows it closely ("labeling it the “wrong move”").
    let far_participle = |i: usize| words[i].text.ends_with("ing") && words.len() - i > 6;
    let v = (0..words.len()).rev().find(|&i| {
        (is_attribution(words[i].text) || has_cue(words[i].text, Cue::Quoting))
            && !in_name(words, i)
            && !adjectival(i)
            && !plural_noun(i)
            && !far_participle(i)
    })?;
    // "the photos published by the ministry": a participle, not the sentence's verb.
    if words
        .get(v + 1)
        .is_some_and(|w| w.text.eq_ignore_ascii_case("by"))
    {
        return None;
    }
    // "Officials were told that …": the subject of a passive heard the words.
    if v > 0
        && matches!(
            words[v - 1].text.to_ascii_lowercase().as_str(),
            "was" | "were" | "is" | "are" | "be" | "been" | "being"
        )
    {
        return None;
    }
    let mut lo = v;
    while lo > 0 && words[lo].joined {
        lo -= 1;
    }
    if let Some(who) = subject(&words[lo..v]) {
        return Some(attribution(who, words[v].span));
    }
    // “…,” says the letter: the verb right after a quotation, its subject after it.
    let after_quote =
        v == 0 || text[words[v - 1].span.end..words[v].span.start].contains(['”', '"', '’', '\'']);
    if after_quote
        && is_attribution(words[v].text)
        && let Some(np) = noun_phrase_forward(&words[v + 1..])
    {
        return Some(attribution(Who::Named(np), words[v].span));
    }
    // "Her comments, said Josh Earnest, the White House press secretary, are “…”": an
    // attribution set between commas, its subject after its verb.
    if v > 0
        && text[words[v - 1].span.end..words[v].span.start].trim() == ","
        && is_attribution(words[v].text)
        && let Some(np) = noun_phrase_forward(&words[v + 1..])
        && let Some(next) = words.iter().find(|w| w.span.start >= np.end)
        && text[np.end..next.span.start].trim() == ","
        && !is_pronoun(words[v + 1].text)
    {
        let np = named_in_apposition(text, &words[v + 1..], np).unwrap_or(np);
        return Some(attribution(Who::Named(np), words[v].span));
    }
    let np = opening_subject(text, from, words[v].span.start)?;
    Some(attribution(Who::Named(np), words[v].span))
}

/// Start of the sentence containing `pos`, not before `floor`: the sentence boundaries are the
/// segmenter's ([`crate::text::boundaries`]), so "Mr." or "U.S." end nothing. The character at
/// `pos` and the one after it are looked at too, so a sentence that starts at `pos` starts there.
pub(super) fn sentence_start(text: &str, floor: usize, pos: usize) -> usize {
    let mut end = pos;
    for c in text[pos..].chars().take(2) {
        end += c.len_utf8();
    }
    let region = &text[floor..end];
    // The boundaries are found within one paragraph line.
    let line = region[..pos - floor].rfind('\n').map_or(0, |k| k + 1);
    let start = floor + line;
    crate::text::boundaries::cuts(&text[start..end])
        .into_iter()
        .map(|c| start + c)
        .rfind(|&c| c <= pos)
        .unwrap_or(start)
}

/// Sentence starts in `text[from..to]`, in text order: `from` and each boundary after it (the
/// segmenter's, paragraph breaks included).
pub(super) fn sentence_starts(text: &str, from: usize, to: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = from;
    for line in text[from..to].split_inclusive('\n') {
        out.push(at);
        out.extend(
            crate::text::boundaries::cuts(line)
                .into_iter()
                .map(|c| at + c),
        );
        at += line.len();
    }
    out
}

/// The noun phrase ending a run of words: `the <words>` or the trailing capitalised name.
fn noun_phrase_before(words: &[Word<'_>]) -> Option<Span> {
    let last = words.last()?;
    if words.len() == 1 && is_pronoun(last.text) {
        return None;
    }
    // "the ministry", "the Russian defence ministry" (up to five words after the determiner).
    let tail = words.len().saturating_sub(6);
    if let Some(d) = words[tail..].iter().rposition(|w| is_determiner(w.text)) {
        let d = tail + d;
        // "a statement Saturday shortly after Santorum": a phrase running on past a
        // preposition or a clause word is no noun phrase.
        if d + 1 < words.len()
            && words[d + 1..].iter().all(|w| {
                !is_pronoun(w.text)
                    && (!is_function_word(w.text) || matches!(w.text, "and" | "of" | "for"))
            })
        {
            return Some(Span::new(words[d].span.start, last.span.end));
        }
    }
    if !capitalised(last.text) {
        return None;
    }
    let mut lo = words.len() - 1;
    loop {
        if lo > 0 && capitalised(words[lo - 1].text) && words[lo].joined {
            lo -= 1;
        } else if lo > 1
            // "Sen. Susan Collins of Maine said": a name runs on across "of".
            && words[lo - 1].text == "of"
            && words[lo].joined
            && words[lo - 1].joined
            && capitalised(words[lo - 2].text)
        {
            lo -= 2;
        } else {
            break;
        }
    }
    // "But Mr. Huckabee said": a connective opening the sentence is not part of the name.
    while lo + 1 < words.len()
        && is_opening_connective(words[lo].text)
        && words[lo].text[1..].chars().all(char::is_lowercase)
    {
        lo += 1;
    }
    Some(Span::new(words[lo].span.start, last.span.end))
}

/// The noun phrase starting a run of words: `the <noun>` or a capitalised name sequence.
pub(super) fn noun_phrase_forward(words: &[Word<'_>]) -> Option<Span> {
    let first = words.first()?;
    if is_pronoun(first.text) {
        return None;
    }
    if is_determiner(first.text) {
        let n = 1 + words[1..]
            .iter()
            .take(4)
            .take_while(|w| w.joined && !is_attribution(w.text) && !is_function_word(w.text))
            .count();
        if n < 2 {
            return None;
        }
        return Some(Span::new(first.span.start, words[n - 1].span.end));
    }
    if !capitalised(first.text) {
        return None;
    }
    let n = 1 + words[1..]
        .iter()
        .take_while(|w| w.joined && capitalised(w.text))
        .count();
    Some(Span::new(first.span.start, words[n - 1].span.end))
}
