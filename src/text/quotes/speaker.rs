//! Attributions: the phrase that attributes a quotation to a speaker, right next to it
//! (`“…,” the ministry said`, `X said: “…”`, `according to the agency, “…”`, `“…,” he added`)
//! or earlier in its sentence (`Trump called it “very unfair”`, `X said in a statement: “…”`).
//! A pronoun is returned as such; [`super::kind`] resolves it to a named speaker.

use unicode_segmentation::UnicodeSegmentation;

use super::{Quote, Span};
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

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A word with its span, and whether the text between it and the previous word is plain
/// spacing (so the two belong to one phrase).
struct Word<'t> {
    span: Span,
    text: &'t str,
    joined: bool,
}

/// Words of `text[from..to]`, stopping after `limit` words.
fn words_in(text: &str, from: usize, to: usize, limit: usize) -> Vec<Word<'_>> {
    // A few words need only a short stretch of text: bounding it keeps every call short
    // however long the paragraph (word segmentation looks at the whole region it is given).
    let mut to = to.min(from.saturating_add(limit.saturating_mul(64)));
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let region = Span::new(from, to.max(from)).slice(text);
    let mut out = Vec::new();
    let mut last = 0;
    for (i, w) in region.unicode_word_indices() {
        let gap = &region[last..i];
        out.push(Word {
            span: Span::new(from + i, from + i + w.len()),
            text: w,
            joined: is_phrase_gap(gap),
        });
        last = i + w.len();
        if out.len() >= limit {
            break;
        }
    }
    out
}

/// Spacing inside a name or noun phrase: spaces, a hyphen, an abbreviation's full stop.
fn is_phrase_gap(gap: &str) -> bool {
    let g = gap.trim_matches(|c: char| c.is_whitespace());
    g.is_empty() || g == "-" || g == "." || g == "’" || g == "'"
}

/// Attribution of quote `q`: one after the closing mark, else one before the opening mark, in
/// the same sentence.
pub(super) fn find_attribution(
    text: &str,
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
fn speaker_after(text: &str, q: &Quote, para: Span) -> Option<Attribution> {
    let words = words_in(text, q.outer.end, para.end, 12);
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
    let v = clause.iter().position(|w| is_attribution(w.text))?;
    let verb = clause[v].span;
    let who = if v == 0 {
        // "said Col Ryan Dillon", "said the ministry", "said he"
        match words.get(1) {
            Some(w) if is_pronoun(w.text) => Who::Pronoun(w.span),
            _ => Who::Named(noun_phrase_forward(&words[1..])?),
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
    noun_phrase_before(words).map(Who::Named)
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

/// `X said: “…”`, `X said, “…”`, `according to the agency, “…”`.
fn speaker_before(text: &str, q: &Quote, para: Span) -> Option<Attribution> {
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
        return verb_earlier(&words);
    }
    let n = words.len();
    // The trailing phrase: words joined by plain spacing back from the last one.
    let mut lo = n - 1;
    while lo > 0 && words[lo].joined {
        lo -= 1;
    }
    let phrase = &words[lo..];
    if is_attribution(last.text) {
        return subject(&phrase[..phrase.len() - 1]).map(|who| attribution(who, last.span));
    }
    // according to <noun phrase>,
    let Some(k) = phrase
        .windows(2)
        .position(|w| w[0].text.eq_ignore_ascii_case("according") && w[1].text == "to")
    else {
        return verb_earlier(&words);
    };
    let who = Who::Named(noun_phrase_forward(&phrase[k + 2..])?);
    Some(attribution(who, phrase[k].span))
}

/// `Trump called it “very unfair”`, `X said in a statement: “…”`, `X told reporters that “…”`:
/// the last attribution or quoting verb of the sentence before the quotation, and its subject.
fn verb_earlier(words: &[Word<'_>]) -> Option<Attribution> {
    let v = words
        .iter()
        .rposition(|w| is_attribution(w.text) || has_cue(w.text, Cue::Quoting))?;
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
    let who = subject(&words[lo..v])?;
    Some(attribution(who, words[v].span))
}

/// Start of the sentence containing `pos`, not before `floor`.
fn sentence_start(text: &str, floor: usize, pos: usize) -> usize {
    let before = &text[floor..pos];
    before
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?' | ';')
                && before[i + c.len_utf8()..].starts_with(char::is_whitespace)
        })
        .map_or(floor, |(i, c)| floor + i + c.len_utf8())
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
        if d + 1 < words.len() && words[d + 1..].iter().all(|w| !is_pronoun(w.text)) {
            return Some(Span::new(words[d].span.start, last.span.end));
        }
    }
    if !capitalised(last.text) {
        return None;
    }
    let mut lo = words.len() - 1;
    while lo > 0 && capitalised(words[lo - 1].text) && words[lo].joined {
        lo -= 1;
    }
    Some(Span::new(words[lo].span.start, last.span.end))
}

/// The noun phrase starting a run of words: `the <noun>` or a capitalised name sequence.
fn noun_phrase_forward(words: &[Word<'_>]) -> Option<Span> {
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

/// Names opening the sentences of `text[from..to]` (`Ms. Nuland sent …`, `Pelosi did not …`),
/// in text order: the people a later "she said" most likely refers to.
pub(super) fn sentence_subjects(text: &str, from: usize, to: usize) -> Vec<Span> {
    let region = Span::new(from, to).slice(text);
    let mut starts = vec![from];
    for (i, c) in region.char_indices() {
        if matches!(c, '.' | '!' | '?' | '\n' | '“' | '”' | '"')
            && region[i + c.len_utf8()..].starts_with(char::is_whitespace)
        {
            starts.push(from + i + c.len_utf8());
        }
    }
    starts
        .into_iter()
        .filter_map(|s| {
            let words = words_in(text, s, to, 6);
            let first = words.first()?;
            if !capitalised(first.text)
                || is_function_word(first.text)
                || crate::text::vocab::is_function_word(&first.text.to_lowercase())
                || is_pronoun(first.text)
            {
                return None;
            }
            if is_determiner(first.text) {
                return None;
            }
            let np = noun_phrase_forward(&words)?;
            // "Officials were told …": the subject of a passive is not a speaker; "Quoted by
            // AFP, …": a capitalised word followed by a preposition is no subject at all.
            let next = words.iter().find(|w| w.span.start >= np.end);
            if next.is_some_and(|w| {
                is_function_word(w.text)
                    || matches!(
                        w.text.to_ascii_lowercase().as_str(),
                        "was" | "were" | "is" | "are" | "been"
                    )
            }) {
                return None;
            }
            Some(np)
        })
        .collect()
}
