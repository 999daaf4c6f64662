//! Speakers: who a quotation is attributed to, from an attribution right next to it
//! (`“…,” the ministry said`, `X said: “…”`, `according to the agency, “…”`).

use unicode_segmentation::UnicodeSegmentation;

use super::{Quote, Span};
use crate::text::vocab::{
    ends_phrase as is_function_word, is_determiner, is_pronoun, is_speech_verb as is_attribution,
};

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

/// Speaker of quote `q`: an attribution after the closing mark, else one before the opening
/// mark, in the same sentence.
pub(super) fn find_speaker(text: &str, q: &Quote, spans: &[(usize, Span)]) -> Option<Span> {
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
fn speaker_after(text: &str, q: &Quote, para: Span) -> Option<Span> {
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
    if v == 0 {
        // "said Col Ryan Dillon", "said the ministry"
        return noun_phrase_forward(&words[1..]);
    }
    noun_phrase_before(&clause[..v])
}

/// `X said: “…”`, `X said, “…”`, `according to the agency, “…”`.
fn speaker_before(text: &str, q: &Quote, para: Span) -> Option<Span> {
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
        return None;
    }
    let n = words.len();
    // The trailing phrase: words joined by plain spacing back from the last one.
    let mut lo = n - 1;
    while lo > 0 && words[lo].joined {
        lo -= 1;
    }
    let phrase = &words[lo..];
    if is_attribution(last.text) {
        return noun_phrase_before(&phrase[..phrase.len() - 1]);
    }
    // according to <noun phrase>,
    let k = phrase
        .windows(2)
        .position(|w| w[0].text.eq_ignore_ascii_case("according") && w[1].text == "to")?;
    noun_phrase_forward(&phrase[k + 2..])
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
