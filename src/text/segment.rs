//! Segmentation: paragraphs and sentences as byte spans into the original text.
//!
//! **Paragraphs** are runs of non-blank lines separated by one or more blank lines (lines that
//! are empty or whitespace only); a text without any blank line is read one paragraph per
//! line unless it is hard-wrapped prose. A block of single-line-separated short lines, such as a
//! comment thread or a "headline + standfirst" teaser, stays one paragraph: line breaks inside
//! a paragraph are what [`crate::text::boilerplate`] uses to recognise such blocks, and
//! sentences still split at them (see below).
//!
//! **Sentences** are cut by [`super::boundaries`], news-style rules over the abbreviation table
//! in `assets/english/abbreviations.txt` (honorifics, titles, states, "a.m.", initials, "No. 2",
//! "U.S." inside and at the end of a sentence), with quotations split at their own sentence
//! ends and opening quote marks kept with the sentence they open. Plain UAX #29 sentence
//! breaks split after "Mr." and "U.S.", and the `sentencex` crate keeps a
//! multi-sentence quotation whole and splits after "Ms."; neither is used. On top of the
//! boundary rules this module:
//!
//! - segments each paragraph on its own, so no sentence crosses a paragraph boundary;
//! - splits at a line break inside a paragraph when the line ends without punctuation or a
//!   word that continues the sentence (`,;:-–—(`, "the", "of", "in", …) and the next line
//!   starts like a new sentence (capital, digit, quotation mark, bullet): headlines and
//!   counters have no full stop, while hard-wrapped prose stays whole;
//! - joins a piece that is only a list marker ("1.", "•") to the sentence after it;
//! - trims every sentence and drops empty pieces, so every sentence is non-empty, trimmed,
//!   inside its paragraph, and in text order.

use super::{Paragraph, ParagraphRole, Sentence, Span};

/// Paragraphs: runs of non-blank lines separated by blank lines, trimmed. Every paragraph is
/// non-empty and role [`ParagraphRole::Body`] until boilerplate tagging runs.
///
/// A text with no blank line at all but three or more lines is a one-paragraph-per-line text
/// and each line is a paragraph, unless it looks hard-wrapped (most line breaks continue a
/// sentence: the next line starts in lower case), in which case it stays one paragraph.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let blocks = blocks(text);
    if blocks.len() == 1
        && let Some(&block) = blocks.first()
    {
        let lines = lines(text, block);
        if lines.len() >= 3 && !hard_wrapped(text, &lines) {
            return lines.into_iter().map(body).collect();
        }
    }
    blocks.into_iter().map(body).collect()
}

fn body(span: Span) -> Paragraph {
    Paragraph {
        span,
        role: ParagraphRole::Body,
    }
}

/// Trimmed runs of non-blank lines separated by blank lines.
fn blocks(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim_matches(is_space).is_empty();
        match (blank, start) {
            (false, None) => start = Some(pos),
            (true, Some(s)) => {
                out.extend(trimmed(text, Span::new(s, pos)));
                start = None;
            }
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.extend(trimmed(text, Span::new(s, text.len())));
    }
    out
}

/// The trimmed non-blank lines of `block`.
fn lines(text: &str, block: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = block.start;
    for line in block.slice(text).split_inclusive('\n') {
        out.extend(trimmed(text, Span::new(pos, pos + line.len())));
        pos += line.len();
    }
    out
}

/// True when most line breaks fall inside a sentence (the next line starts in lower case, or
/// the line before ends with a word or mark that continues the sentence).
fn hard_wrapped(text: &str, lines: &[Span]) -> bool {
    let continuing = lines
        .windows(2)
        .filter(|w| {
            let (before, after) = (w[0].slice(text), w[1].slice(text));
            after.chars().next().is_some_and(char::is_lowercase) || line_continues(before)
        })
        .count();
    continuing * 2 > lines.len() - 1
}

/// True when a line ends with punctuation or a word that continues the sentence on the next
/// line.
fn line_continues(before: &str) -> bool {
    let before = before.trim_end();
    before
        .chars()
        .last()
        .is_none_or(|c| matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '(' | '/' | '&'))
        || before
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| CONTINUING_WORDS.contains(&w))
}

/// Whitespace for trimming: Unicode white space and the byte-order mark.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// `span` with surrounding whitespace removed, or `None` if nothing is left (or the span does
/// not fit the text).
fn trimmed(text: &str, span: Span) -> Option<Span> {
    if !span.is_valid_in(text) {
        return None;
    }
    let slice = span.slice(text);
    let lead = slice.len() - slice.trim_start_matches(is_space).len();
    let body = slice.trim_matches(is_space);
    if body.is_empty() {
        None
    } else {
        Some(Span::new(span.start + lead, span.start + lead + body.len()))
    }
}

/// Sentences of every paragraph, in text order. Each sentence is trimmed, non-empty and lies
/// inside its paragraph; paragraph spans that do not fit `text` yield no sentences.
pub fn sentences(text: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        if !p.span.is_valid_in(text) {
            continue;
        }
        for span in paragraph_sentences(text, p.span) {
            out.push(Sentence {
                span,
                paragraph: pi,
            });
        }
    }
    out
}

/// Sentence spans of the paragraph at `para` (a valid span of `text`).
fn paragraph_sentences(text: &str, para: Span) -> Vec<Span> {
    let ptext = para.slice(text);
    // Cut points (byte offsets into `ptext`) from the sentence rules and from line breaks.
    let mut cuts = super::boundaries::cuts(ptext);
    cuts.extend(line_break_cuts(ptext));
    cuts.sort_unstable();
    cuts.dedup();

    let mut pieces: Vec<Span> = Vec::new();
    let mut start = 0;
    for end in cuts.into_iter().chain(std::iter::once(ptext.len())) {
        if end <= start {
            continue;
        }
        if let Some(span) = trimmed(ptext, Span::new(start, end)) {
            pieces.push(span);
        }
        start = end;
    }

    // Join list markers ("1.", "•", "-") to the sentence that follows them.
    let mut out: Vec<Span> = Vec::with_capacity(pieces.len());
    let mut pending: Option<usize> = None;
    for piece in pieces {
        let start = pending.take().unwrap_or(piece.start);
        if is_list_marker(piece.slice(ptext)) {
            pending = Some(start);
            continue;
        }
        out.push(Span::new(start, piece.end));
    }
    if let Some(start) = pending {
        // The paragraph ends in a marker: keep it (merged into the last sentence if any).
        match out.last_mut() {
            Some(last) => last.end = ptext.len(),
            None => out.push(Span::new(start, ptext.len())),
        }
    }
    out.into_iter().map(|s| s.shift(para.start)).collect()
}

/// Offsets just after the line breaks inside `ptext` that end a sentence: the line before has
/// no sentence-continuing punctuation at its end and the next line starts like a new sentence.
fn line_break_cuts(ptext: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut pos = 0;
    let lines: Vec<&str> = ptext.split_inclusive('\n').collect();
    for pair in lines.windows(2) {
        pos += pair[0].len();
        let before = pair[0].trim_end();
        let after = pair[1].trim_start();
        let continues = line_continues(before);
        let starts_new = after.chars().next().is_some_and(|c| {
            c.is_uppercase()
                || c.is_numeric()
                || matches!(
                    c,
                    '"' | '\'' | '“' | '‘' | '«' | '„' | '•' | '*' | '–' | '—' | '-' | '('
                )
        });
        if !continues && starts_new {
            cuts.push(pos);
        }
    }
    cuts
}

/// Words that cannot end a sentence: a line ending in one of them wraps onto the next line.
const CONTINUING_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "but", "that", "as", "into", "than", "is", "are", "was", "were", "said", "says", "told", "his",
    "her", "its", "their", "our", "my", "your", "this", "these", "those", "near", "over", "under",
    "between", "against", "about", "after", "before", "during", "via", "like", "nor",
];

/// True for a piece that is only a list marker: "1.", "12)", "a.", "•", "-", "*".
fn is_list_marker(piece: &str) -> bool {
    let t = piece.trim();
    if t.is_empty() || t.chars().count() > 4 {
        return false;
    }
    if matches!(t, "•" | "-" | "*" | "–" | "—" | "·") {
        return true;
    }
    let body = t.trim_end_matches(['.', ')']);
    body.len() < t.len()
        && !body.is_empty()
        && (body.chars().all(|c| c.is_ascii_digit())
            || (body.chars().count() == 1 && body.chars().all(|c| c.is_ascii_lowercase())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        let ps = paragraphs(text);
        sentences(text, &ps)
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn paragraphs_split_on_blank_lines_only() {
        let text = "  First line\nsame paragraph \n\n \t\nSecond.\r\n\r\nThird";
        let ps: Vec<&str> = paragraphs(text)
            .iter()
            .map(|p| p.span.slice(text))
            .collect();
        assert_eq!(ps, ["First line\nsame paragraph", "Second.", "Third"]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sents("Col. Ryan Dillon said the U.S. Army was not there. Mr. Smith agreed."),
            [
                "Col. Ryan Dillon said the U.S. Army was not there.",
                "Mr. Smith agreed."
            ]
        );
    }

    #[test]
    fn quotations_split_at_their_own_sentence_ends() {
        assert_eq!(
            sents("“It is over. We won,” he said. Then they left."),
            ["“It is over.", "We won,” he said.", "Then they left."]
        );
    }

    #[test]
    fn line_breaks_split_headlines_but_not_wrapped_prose() {
        assert_eq!(
            sents("Intro.\n\nSweden win\nHe was injured in 2010 and\nthe wrap continues here."),
            [
                "Intro.",
                "Sweden win",
                "He was injured in 2010 and\nthe wrap continues here."
            ]
        );
        assert_eq!(
            sents("The ministry said in a\nstatement that, in\nMarch it left."),
            ["The ministry said in a\nstatement that, in\nMarch it left."]
        );
    }

    #[test]
    fn list_markers_join_their_item() {
        assert_eq!(
            sents("1. “A quote.”\nA reply. Another."),
            ["1. “A quote.”", "A reply.", "Another."]
        );
    }
}
