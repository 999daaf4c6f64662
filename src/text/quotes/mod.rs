//! Quotations: finding quoted passages and scare quotes in a text.
//!
//! [`extract`] scans each paragraph once, left to right, keeping a stack of open quote marks.
//! Every mark is classified by its context:
//!
//! - straight, curly, low-9 (`„…“`, `„…”`) and guillemet (`«…»`, `»…«`, `‹…›`) marks are
//!   supported, double and single, nested to any depth (`“… ‘accidents’ …”` gives the outer
//!   quotation and the inner scare quote);
//! - a mark opens when it is preceded by the start of the paragraph, a space or opening
//!   punctuation and followed by a word; it closes when it follows a word or punctuation and is
//!   followed by a space, punctuation or the end;
//! - an apostrophe between letters or digits is never a quote mark (`don't`, `O’Brien`), nor
//!   are elisions like `’90s` and `rock ’n’ roll`; a trailing `s’` is a possessive unless a single
//!   quote is open in the paragraph;
//! - a closing mark with nothing open is ignored, an unclosed single quote is dropped (it was
//!   most likely an apostrophe), and an unclosed double quote ends at the end of its paragraph;
//! - multi-paragraph quotations follow the typographic convention: a paragraph that leaves a
//!   double quote open, followed by a paragraph that starts with an opening double mark,
//!   continues the quotation. The passage is reported as **one** [`Quote`] spanning all its
//!   paragraphs (the intermediate paragraph breaks and re-opening marks are inside `inner`).
//!
//! Quotes are found in every paragraph, boilerplate included; [`Quote::paragraph`] names the
//! paragraph a quote starts in so consumers can filter by its role.
//!
//! Each quote then gets its kind in the sense of whose words it holds ([`QuotationKind`]:
//! speech, scare quote, title, term), the attributing phrase when there is one (`“…,” the
//! ministry said`, `X said: “…”`, `according to the agency, “…”`, `“…,” he added`, `Trump called
//! it “…”`) and, for speech, its speaker, with pronouns and unattributed continuations resolved
//! to the last named speaker nearby (see [`kind`]).

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::{Boilerplate, Paragraph, ParagraphRole, Span};
use speaker::Src;

pub mod kind;
pub mod names;
mod speaker;
mod subject;

pub use kind::QuotationKind;

/// Whether a quoted passage is a quotation or a short scare-quoted phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A quotation of four or more words.
    Quotation,
    /// One to three quoted words: a framing signal (distancing, irony, doubt).
    ScareQuote,
}

/// One quoted passage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The passage including its quote marks.
    pub outer: Span,
    /// The quoted words, marks excluded.
    pub inner: Span,
    /// Quotation or scare quote.
    pub kind: QuoteKind,
    /// Number of words inside.
    pub words: usize,
    /// Who is quoted, for speech: the name the attribution gives ("… ,” Konashenkov said"), or
    /// for a pronoun or a continued quotation the earlier mention it refers to, as a span into
    /// the text.
    pub speaker: Option<Span>,
    /// Whose words these are: speech, scare quote, title or term.
    #[serde(default)]
    pub class: QuotationKind,
    /// The attributing phrase of a speech quotation ("the ministry said", "he added").
    #[serde(default)]
    pub attribution: Option<Span>,
    /// Index of the paragraph (in the slice given to [`extract`]) the quote starts in.
    pub paragraph: usize,
    /// True when the quote lies inside another quote's words (a scare quote inside a
    /// quotation).
    pub nested: bool,
}

/// Number of words from which a quoted passage is a quotation rather than a scare quote.
pub const QUOTATION_MIN_WORDS: usize = 4;

/// Find the quotations of `text`, in text order (an enclosing quote before the quotes nested in
/// it). Paragraph spans that do not fit `text` are skipped; with no paragraphs at all the whole
/// text is treated as one paragraph.
pub fn extract(text: &str, paragraphs: &[Paragraph]) -> Vec<Quote> {
    let words: Vec<(usize, &str)> = text.unicode_word_indices().collect();
    extract_with_words(text, paragraphs, &words)
}

/// [`extract`] with `text` already split into its UAX #29 `words` (`unicode_word_indices`).
pub fn extract_with_words(
    text: &str,
    paragraphs: &[Paragraph],
    words: &[(usize, &str)],
) -> Vec<Quote> {
    let mut spans: Vec<(usize, Span)> = Vec::new();
    let mut last_end = 0;
    for (i, p) in paragraphs.iter().enumerate() {
        if p.span.is_valid_in(text) && p.span.start >= last_end && !p.span.is_empty() {
            spans.push((i, p.span));
            last_end = p.span.end;
        }
    }
    if paragraphs.is_empty() && !text.is_empty() {
        spans.push((0, Span::new(0, text.len())));
    }

    let src = speaker::Src::new(text, words);
    let mut out = Vec::new();
    let mut carry: Option<Open> = None;
    for (k, &(pi, span)) in spans.iter().enumerate() {
        let next_opens = spans
            .get(k + 1)
            .is_some_and(|&(_, next)| starts_with_double_opener(next.slice(text)));
        carry = scan_paragraph(&src, pi, span, carry.take(), next_opens, &mut out);
    }

    block_quotations(text, &spans, &mut out);
    out.sort_by(|a, b| {
        a.outer
            .start
            .cmp(&b.outer.start)
            .then(b.outer.end.cmp(&a.outer.end))
    });
    out.dedup_by(|a, b| a.outer == b.outer);
    // Quotes never cross, so in this order every quote's enclosing quotes are on a stack.
    let mut open: Vec<Span> = Vec::new();
    for q in out.iter_mut() {
        while open.last().is_some_and(|o| !o.contains(&q.outer)) {
            open.pop();
        }
        q.nested = !open.is_empty();
        open.push(q.inner);
    }
    // A headline is no sentence of the story: a later quotation's speaker is never its
    // subject ("Shooting spurs calls for …" does not say “massacre”), nor that of a page's
    // repeat of it.
    let headline: Vec<bool> = spans
        .iter()
        .map(|&(i, _)| {
            paragraphs.get(i).is_some_and(|p| {
                matches!(
                    p.role,
                    ParagraphRole::Title | ParagraphRole::Boilerplate(Boilerplate::Repeated)
                )
            })
        })
        .collect();
    kind::classify(&src, &mut out, &spans, &headline);
    out
}

/// Block quotations set off without marks: a paragraph after one that ends with a colon and
/// names what is quoted (`Read the full rant via Gawker:`, `The statement reads:`), when it does
/// not open with a mark of its own. The whole paragraph is the quotation (`outer` and `inner`
/// alike).
fn block_quotations(text: &str, spans: &[(usize, Span)], out: &mut Vec<Quote>) {
    use crate::text::vocab::{Cue, has_cue, is_speech_verb};
    for w in spans.windows(2) {
        let ((_, intro), (pi, body)) = (w[0], w[1]);
        let lead = intro.slice(text).trim_end();
        let para = body.slice(text).trim_end();
        if !lead.ends_with(':')
            || para.starts_with(is_mark)
            || out
                .iter()
                .any(|q| q.outer.start <= body.start && body.start < q.outer.end)
        {
            continue;
        }
        let names_speech = lead
            .unicode_words()
            .any(|w| is_speech_verb(w) || has_cue(w, Cue::Reporting) || has_cue(w, Cue::Quoting));
        let words = count_words(para);
        if !names_speech || words < QUOTATION_MIN_WORDS {
            continue;
        }
        let span = Span::new(body.start, body.start + para.len());
        out.push(Quote {
            outer: span,
            inner: span,
            kind: QuoteKind::Quotation,
            words,
            speaker: None,
            class: QuotationKind::Speech,
            attribution: None,
            paragraph: pi,
            nested: false,
        });
    }
}

/// Double or single quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

/// An opening mark waiting for its closer.
#[derive(Clone, Copy, Debug)]
struct Open {
    /// Byte position of the opening mark.
    pos: usize,
    /// The opening mark.
    mark: char,
    /// Paragraph index the quote starts in.
    paragraph: usize,
    /// How many quotes had been found when this mark opened: the quotes found inside it are
    /// the ones after that.
    since: usize,
}

/// Most marks kept open at once. Real quotations nest two or three deep; a run of unmatched
/// opening marks beyond this drops its oldest, so that matching a closing mark never has to
/// search an ever-growing stack.
const MAX_OPEN: usize = 32;

/// Push an opening mark, dropping the oldest one past [`MAX_OPEN`].
fn push_open(stack: &mut Vec<Open>, open: Open) {
    if stack.len() >= MAX_OPEN {
        stack.remove(0);
    }
    stack.push(open);
}

impl Open {
    fn family(&self) -> Family {
        family_of(self.mark)
    }

    /// True when `c` can close a quote opened by this mark.
    fn closed_by(&self, c: char) -> bool {
        match self.mark {
            '“' => matches!(c, '”' | '"'),
            '„' => matches!(c, '“' | '”' | '"'),
            '"' => matches!(c, '"' | '”'),
            '”' => c == '”',
            '«' => c == '»',
            '»' => c == '«',
            '‹' => c == '›',
            '›' => c == '‹',
            '‘' => matches!(c, '’' | '\''),
            '\'' => matches!(c, '\'' | '’'),
            '‚' => matches!(c, '‘' | '’'),
            _ => false,
        }
    }
}

fn family_of(c: char) -> Family {
    match c {
        '“' | '”' | '„' | '"' | '«' | '»' => Family::Double,
        _ => Family::Single,
    }
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '›' | '\'' | '‘' | '’' | '‚'
    )
}

/// True when a paragraph starts with a mark that opens a double quote (the re-opening mark of a
/// continued quotation).
fn starts_with_double_opener(p: &str) -> bool {
    let mut it = p.chars();
    match (it.next(), it.next()) {
        (Some(c), Some(n)) => matches!(c, '"' | '“' | '„' | '«' | '»') && !n.is_whitespace(),
        _ => false,
    }
}

/// Characters after which an opening mark may stand.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || is_mark(c)
                || matches!(c, '(' | '[' | '{' | '<' | '—' | '–' | '-' | '/' | ':')
        }
    }
}

/// Characters before which a closing mark may stand.
fn closes_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace() || is_mark(c) || (c.is_ascii_punctuation() && c != '\'') || {
                matches!(c, '—' | '–' | '…')
            }
        }
    }
}

/// Words that follow an elision apostrophe (’em, ’til, rock ’n’ roll).
fn is_elision(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "em" | "til" | "tis" | "twas" | "cause" | "bout" | "n" | "round" | "nuff"
    )
}

/// The context of one mark inside a paragraph.
struct Ctx {
    prev: Option<char>,
    next: Option<char>,
    can_open: bool,
    can_close: bool,
}

/// Scan one paragraph, pushing finished quotes to `out`. `carry` is a quotation continued from
/// the previous paragraph; the return value is the quotation this paragraph leaves open when the
/// next paragraph continues it.
fn scan_paragraph(
    text: &Src<'_>,
    pi: usize,
    span: Span,
    carry: Option<Open>,
    next_opens: bool,
    out: &mut Vec<Quote>,
) -> Option<Open> {
    let para = span.slice(text);
    // The marks of the paragraph, by offset in it: each is `"` or `'`, or starts with the
    // byte 0xC2 (`«`, `»`) or 0xE2 (the others), so only those bytes are decoded.
    let marks: Vec<(usize, char)> = para
        .bytes()
        .enumerate()
        .filter(|&(_, b)| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2))
        .filter_map(|(k, _)| {
            para[k..]
                .chars()
                .next()
                .filter(|&c| is_mark(c))
                .map(|c| (k, c))
        })
        .collect();
    let prev_of = |k: usize| para[..k].chars().next_back();
    let next_of = |k: usize, c: char| para[k + c.len_utf8()..].chars().next();
    // closers_from[j]: marks from the j-th on that can close a double quote.
    let mut closers_from = vec![0usize; marks.len() + 1];
    for j in (0..marks.len()).rev() {
        let (k, c) = marks[j];
        let closes = k > 0
            && matches!(c, '"' | '”')
            && prev_of(k).is_some_and(|p| !p.is_whitespace())
            && closes_before(next_of(k, c));
        closers_from[j] = closers_from[j + 1] + usize::from(closes);
    }
    let closers_ahead = |j: usize| closers_from[j + 1];
    let mut stack: Vec<Open> = Vec::new();
    let mut skip_first = false;
    if let Some(open) = carry {
        stack.push(open);
        skip_first = true;
    }
    let mut i = 0;
    while i < marks.len() {
        let (k, c) = marks[i];
        let pos = span.start + k;
        if skip_first && k == 0 {
            i += 1;
            continue;
        }
        let prev = prev_of(k);
        let next = next_of(k, c);
        let ctx = Ctx {
            prev,
            next,
            can_open: opens_after(prev) && next.is_some_and(|n| !n.is_whitespace()),
            can_close: prev.is_some_and(|p| !p.is_whitespace()) && closes_before(next),
        };
        match c {
            '“' => {
                if ctx.can_close && find(&stack, |o| o.mark == '„').is_some() {
                    close(text, &mut stack, pos, c, out);
                } else if ctx.can_open {
                    let nest = closers_ahead(i) >= 2;
                    open_double(text, &mut stack, pos, c, pi, nest, out);
                } else if ctx.can_close && find(&stack, |o| o.mark == '“').is_some() {
                    let k = find(&stack, |o| o.mark == '“');
                    close_at(text, &mut stack, k, pos, c, out);
                }
            }
            '”' | '"' => {
                let k = find(&stack, |o| o.closed_by(c));
                if k.is_some() && (ctx.can_close || !ctx.can_open) {
                    close_at(text, &mut stack, k, pos, c, out);
                } else if ctx.can_open && !ctx.can_close {
                    let nest = closers_ahead(i) >= 2;
                    open_double(text, &mut stack, pos, c, pi, nest, out);
                }
            }
            '„' if ctx.next.is_some_and(|n| !n.is_whitespace()) => {
                open_double(text, &mut stack, pos, c, pi, false, out);
            }
            '«' | '‹' | '»' | '›' => {
                let k = find(&stack, |o| o.closed_by(c));
                if k.is_some() {
                    close_at(text, &mut stack, k, pos, c, out);
                } else if matches!(c, '«' | '‹') || (ctx.can_open && !ctx.can_close) {
                    if family_of(c) == Family::Double {
                        open_double(text, &mut stack, pos, c, pi, false, out);
                    } else {
                        open_at(&mut stack, pos, c, pi, out);
                    }
                }
            }
            '‘' | '’' | '\'' | '‚' => {
                let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                if letter(ctx.prev) && letter(ctx.next) {
                    // An apostrophe inside a word.
                } else if let Some(skip) = elision_len(para, k) {
                    // Resume at the first mark past the characters skipped.
                    let end = k + para[k..]
                        .chars()
                        .take(skip)
                        .map(char::len_utf8)
                        .sum::<usize>();
                    while i < marks.len() && marks[i].0 < end {
                        i += 1;
                    }
                    continue;
                } else {
                    let k = find(&stack, |o| o.closed_by(c));
                    if k.is_some() && ctx.can_close {
                        close_at(text, &mut stack, k, pos, c, out);
                    } else if c != '’'
                        && opens_after(ctx.prev)
                        && ctx.next.is_some_and(|n| n.is_alphanumeric() || is_mark(n))
                    {
                        if let Some(top) = stack.last()
                            && top.family() == Family::Single
                            && top.mark == c
                        {
                            stack.pop();
                        }
                        open_at(&mut stack, pos, c, pi, out);
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }

    // Whatever is still open at the end of the paragraph: the outermost double quote either
    // continues into the next paragraph or ends here; everything else is dropped.
    let bottom = stack
        .iter()
        .position(|o| o.family() == Family::Double)
        .map(|k| stack[k]);
    let open = bottom?;
    if next_opens {
        return Some(open);
    }
    let mark_len = open.mark.len_utf8();
    push_quote(
        text,
        open,
        Span::new(open.pos + mark_len, span.end),
        span.end,
        out,
    );
    None
}

/// Length in chars to skip when the single mark at byte `at` of `para` starts an elision
/// (’90s, ’em, ’n’), counted so the scan resumes after the elided word's closing mark if there
/// is one.
fn elision_len(para: &str, at: usize) -> Option<usize> {
    let prev = para[..at].chars().next_back();
    if !opens_after(prev) || prev.is_some_and(is_mark) {
        return None;
    }
    let mut rest = para[at..].chars();
    rest.next();
    let rest = rest.as_str();
    let next = rest.chars().next()?;
    if next.is_ascii_digit() {
        // ’90s, '05
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let after = rest.chars().nth(digits);
        if digits == 2 && after.is_none_or(|c| c == 's' || !c.is_alphanumeric()) {
            return Some(1);
        }
        return None;
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(8)
        .collect();
    if word.is_empty() || !is_elision(&word) {
        return None;
    }
    let n = word.chars().count();
    let after = rest.chars().nth(n);
    match after {
        // rock ’n’ roll: skip the closing apostrophe too.
        Some(c) if matches!(c, '’' | '\'') && word.eq_ignore_ascii_case("n") => Some(n + 2),
        Some(c) if is_mark(c) => None,
        _ => Some(1),
    }
}

/// Index of the topmost stack entry satisfying `f`.
fn find(stack: &[Open], f: impl Fn(&Open) -> bool) -> Option<usize> {
    stack.iter().rposition(f)
}

/// Open a double quote. When a double quote of the same mark is already open, the new mark
/// opens a nested quote if enough closing marks follow in the paragraph to close both
/// (`"… called a "gold standard," …," he said`); otherwise the open quote was never closed and
/// ends at its last sentence end before the new mark.
fn open_double(
    text: &Src<'_>,
    stack: &mut Vec<Open>,
    pos: usize,
    c: char,
    pi: usize,
    nest: bool,
    out: &mut Vec<Quote>,
) {
    if let Some(k) = find(stack, |o| o.family() == Family::Double)
        && stack[k].mark == c
        && !nest
    {
        let open = stack[k];
        stack.truncate(k);
        let inner_start = open.pos + open.mark.len_utf8();
        // It ends at the last sentence end before the new mark, if there is one.
        let between = &text[inner_start..pos];
        let end = between
            .char_indices()
            .rfind(|&(i, c)| {
                matches!(c, '.' | '!' | '?') && between[i + 1..].starts_with(char::is_whitespace)
            })
            .map_or(pos, |(i, _)| inner_start + i + 1);
        // Never inside a quote that was closed within this one.
        let floor = out[open.since.min(out.len())..]
            .iter()
            .filter(|q| q.outer.start > open.pos)
            .map(|q| q.outer.end)
            .max()
            .unwrap_or(inner_start);
        let end = if end < floor { pos } else { end };
        push_quote(text, open, Span::new(inner_start, end), end, out);
    }
    open_at(stack, pos, c, pi, out);
}

/// Put the opening mark `c` at `pos` (paragraph `pi`) on the stack, remembering how many
/// quotes were found before it.
fn open_at(stack: &mut Vec<Open>, pos: usize, c: char, pi: usize, out: &[Quote]) {
    push_open(
        stack,
        Open {
            pos,
            mark: c,
            paragraph: pi,
            since: out.len(),
        },
    );
}

/// Close the topmost quote that `c` can close, if any.
fn close(text: &Src<'_>, stack: &mut Vec<Open>, pos: usize, c: char, out: &mut Vec<Quote>) {
    let k = find(stack, |o| o.closed_by(c));
    close_at(text, stack, k, pos, c, out);
}

/// Close stack entry `k` with the mark `c` at `pos`; entries above it were never closed and are
/// dropped.
fn close_at(
    text: &Src<'_>,
    stack: &mut Vec<Open>,
    k: Option<usize>,
    pos: usize,
    c: char,
    out: &mut Vec<Quote>,
) {
    let Some(k) = k else { return };
    let open = stack[k];
    stack.truncate(k);
    let inner = Span::new(open.pos + open.mark.len_utf8(), pos);
    push_quote(text, open, inner, pos + c.len_utf8(), out);
}

/// Record a quote whose inner text is `inner` (trimmed here) and whose outer span ends at
/// `outer_end`. Quotes without a single word are not quotes.
fn push_quote(text: &Src<'_>, open: Open, inner: Span, outer_end: usize, out: &mut Vec<Quote>) {
    let raw = inner.slice(text);
    let lead = raw.len() - raw.trim_start().len();
    // “…,” the ministry said: the comma is the attribution's, not the speaker's.
    let trimmed = raw.trim().trim_end_matches(',').trim_end();
    let inner = Span::new(inner.start + lead, inner.start + lead + trimmed.len());
    let words = count_of(text.words_between(inner.start, inner.end));
    if words == 0 {
        return;
    }
    let outer_end = if outer_end > inner.end && text[inner.end..outer_end].trim().is_empty() {
        inner.end
    } else {
        outer_end
    };
    out.push(Quote {
        outer: Span::new(open.pos, outer_end),
        inner,
        kind: if words >= QUOTATION_MIN_WORDS {
            QuoteKind::Quotation
        } else {
            QuoteKind::ScareQuote
        },
        words,
        speaker: None,
        class: QuotationKind::Speech,
        attribution: None,
        paragraph: open.paragraph,
        nested: false,
    });
}

/// Number of word tokens in `s` (the same words [`super::tokens`] counts).
pub fn count_words(s: &str) -> usize {
    count_of(s.unicode_words())
}

/// Number of word tokens among the UAX #29 `words` of a text.
fn count_of<'t>(words: impl Iterator<Item = &'t str>) -> usize {
    // A word of letters and digits alone always has a normal form.
    words
        .filter(|w| {
            w.bytes().all(|b| b.is_ascii_alphanumeric()) || !super::tokens::normalize(w).is_empty()
        })
        .count()
}
