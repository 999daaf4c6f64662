//! Boilerplate: tagging paragraphs that are page furniture rather than reporting.
//!
//! Scraped pages carry navigation, share counters, advertising markers, newsletter and
//! donation appeals, photo credits, related-article teasers and reader comments around the
//! reporting. [`tag`] recognises them with general rules over kinds of furniture, never with
//! site-specific strings:
//!
//! - **line rules** ([`classify_line`]): a short line that is wholly navigation ("Skip to
//!   content", "Menu", "in ,"), a counter ("0 1,670", "Total votes: 45", "Upvote Downvote",
//!   "Like"), an advertising marker ("- Advertisement -"), a share/follow prompt, a footer
//!   ("All rights reserved"), a cookie notice, a source credit ("Source: Interfax",
//!   "Via Zerohedge") or a section heading ("Related Articles", "2 Comments »",
//!   "Leave a Reply"). A paragraph whose every line is furniture is furniture.
//! - **paragraph rules**: cookie banners and copyright footers, short reader-directed appeals (subscribe, newsletter, donations,
//!   "we need your support", "will you help"), photo captions and credits ("Image Credit:",
//!   "AP Photo/", hashtag-laden embed captions without a full stop, wire-style captions ending
//!   "`<Place> November 2, 2017.`"), teaser cards (a headline line without a full stop followed
//!   on the next line by a standfirst), and repeated paragraphs.
//! - **context**: a comment-section heading ("2 Comments", "12 Responses", "Leave a Reply")
//!   starts the page tail: everything after it is comments (or related links, appeals…) up
//!   to the end of the text, because reader comments look like prose and often quote the
//!   article. A "Related" heading tags the headline-like paragraphs after it until prose
//!   resumes. A paragraph addressed to the reader that sits between two appeals is an appeal.
//!
//! A paragraph that quotes someone with attribution ("… ,” he said") is never tagged by the
//! keyword rules (only by the comment-section context), and keyword rules only apply to short
//! paragraphs, so reporting that mentions "support" or "subscribers" stays body. Bylines,
//! "Updated …" timestamps, interface labels ("Image 1 of 8") and captions ending in a credit
//! are recognised by [`super::furniture`]. Source-credit lines ("Source: Interfax") are tagged
//! [`Boilerplate::Other`]: they name where the story came from but are not reporting to
//! compare. A paragraph of six words or more repeating an earlier one on its own is
//! [`Boilerplate::Repeated`]; runs of repeated paragraphs (a menu or table given twice) stay.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::furniture::is_caption;
use super::{Paragraph, ParagraphRole};

mod lines;
mod rules;

pub use lines::classify_line;
use lines::{is_comment_form, is_headline_line};
use rules::{headline_like, is_appeal, is_attributed_quote, is_notice, is_teaser};

/// The kind of page furniture a paragraph is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Boilerplate {
    /// Site navigation ("Skip to content").
    Navigation,
    /// Advertising.
    Advertisement,
    /// Newsletter, subscription, donation or support appeals.
    Appeal,
    /// Share, vote and comment counters.
    Counter,
    /// A reader comment section.
    Comments,
    /// "Related Articles" and other links to more content.
    Related,
    /// Image credits ("Photo: Jane Doe, AP", "Getty Images").
    ImageCredit,
    /// Photo and gallery captions.
    Caption,
    /// Bylines ("By Jane Doe", "Jane Doe, AP Science Writer").
    Byline,
    /// Publication and update times ("Updated 5:27 am, November 20, 2019").
    Timestamp,
    /// Short interface labels left in the text ("Caption", "Close", "Image 1 of 8").
    Label,
    /// A repeat of an earlier paragraph (a caption shown twice, a repeated teaser).
    Repeated,
    /// Anything else that is clearly not reporting.
    Other,
}

impl Boilerplate {
    /// The kind for readers ("site navigation").
    pub fn describe(self) -> &'static str {
        match self {
            Boilerplate::Navigation => "site navigation",
            Boilerplate::Advertisement => "advertising",
            Boilerplate::Appeal => "a newsletter, subscription or donation appeal",
            Boilerplate::Counter => "share, vote or comment counters",
            Boilerplate::Comments => "reader comments",
            Boilerplate::Related => "links to other articles",
            Boilerplate::ImageCredit => "an image credit",
            Boilerplate::Caption => "a photo or gallery caption",
            Boilerplate::Byline => "a byline",
            Boilerplate::Timestamp => "a publication or update time",
            Boilerplate::Label => "an interface label",
            Boilerplate::Repeated => "a repeat of an earlier paragraph",
            Boilerplate::Other => "a credit, notice or footer, not reporting",
        }
    }
}

/// What a single line of furniture is, beyond its [`Boilerplate`] kind: section headings
/// change how the paragraphs after them are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// A line of furniture of this kind.
    Furniture(Boilerplate),
    /// The heading of a reader comment section or comment form: the page tail starts here.
    CommentsHeading,
    /// The heading of a related-content list.
    RelatedHeading,
}

impl LineKind {
    /// The boilerplate kind of the line itself.
    pub fn kind(self) -> Boilerplate {
        match self {
            LineKind::Furniture(k) => k,
            LineKind::CommentsHeading => Boilerplate::Comments,
            LineKind::RelatedHeading => Boilerplate::Related,
        }
    }
}

/// Where the tagger is in the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Context {
    /// Reading the article.
    Article,
    /// After a "Related" heading, until prose resumes.
    Related,
    /// After a comment-section heading: everything to the end is furniture.
    Tail,
}

/// Tag boilerplate paragraphs in place; reporting paragraphs keep their role. Paragraph spans
/// that do not fit `text` are left alone.
pub fn tag(text: &str, paragraphs: &mut [Paragraph]) {
    let words: Vec<(usize, &str)> = text.unicode_word_indices().collect();
    tag_with_words(text, paragraphs, &words);
}

/// [`tag`] for `text` already split into its UAX #29 `words` (`unicode_word_indices`).
pub fn tag_with_words(text: &str, paragraphs: &mut [Paragraph], words: &[(usize, &str)]) {
    let mut context = Context::Article;
    let mut after_form = false;
    // The lower-cased words of each paragraph classified, for spotting repeats after.
    let mut lower_of: Vec<Option<String>> = vec![None; paragraphs.len()];
    for (p, words_of) in paragraphs.iter_mut().zip(lower_of.iter_mut()) {
        if p.role != ParagraphRole::Body || !p.span.is_valid_in(text) {
            continue;
        }
        let ptext = p.span.slice(text);
        let mut heading = None;
        let own = classify_with_words(
            ptext,
            &|line| lines::classify_line_in(text, words, line),
            &|| words_within(text, p.span, words),
            words_of,
            &mut heading,
        );
        let kind = match context {
            Context::Tail => Some(match own {
                Some(
                    k @ (Boilerplate::Related
                    | Boilerplate::Advertisement
                    | Boilerplate::Appeal
                    | Boilerplate::Navigation
                    | Boilerplate::Other),
                ) => k,
                Some(_) => Boilerplate::Comments,
                None if after_form && is_headline_line(ptext) => Boilerplate::Related,
                None => Boilerplate::Comments,
            }),
            Context::Related => match own {
                Some(k) => Some(k),
                None if headline_like(ptext) || is_teaser(ptext) => Some(Boilerplate::Related),
                None => {
                    context = Context::Article;
                    None
                }
            },
            Context::Article => own,
        };
        match heading {
            Some(LineKind::CommentsHeading) => {
                context = Context::Tail;
                after_form |= is_comment_form(ptext);
            }
            Some(LineKind::RelatedHeading) if context == Context::Article => {
                context = Context::Related;
            }
            _ => {}
        }
        if let Some(k) = kind {
            p.role = ParagraphRole::Boilerplate(k);
        }
    }
    tag_repeats(text, paragraphs, lower_of);
    tag_appeal_runs(text, paragraphs);
}

/// A body paragraph of six words or more that repeats an earlier body paragraph on its own is
/// a repeated block (a caption shown twice, a teaser, a pull quote); repeats that come in a run
/// of two or more are kept, since structured text (menus, tables, lists for two plans) repeats
/// whole runs of lines.
/// `words_of` holds the [`fold`] of the paragraphs already split into their words.
fn tag_repeats(text: &str, paragraphs: &mut [Paragraph], mut words_of: Vec<Option<String>>) {
    let mut seen: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    let mut repeat = vec![false; paragraphs.len()];
    for (i, p) in paragraphs.iter().enumerate() {
        if p.role != ParagraphRole::Body || !p.span.is_valid_in(text) {
            continue;
        }
        let key = match words_of.get_mut(i).and_then(Option::take) {
            Some(joined) => joined,
            None => fold(p.span.slice(text)),
        };
        repeat[i] = !seen.insert(key);
    }
    for i in 0..paragraphs.len() {
        let prev = i > 0 && repeat[i - 1];
        let next = repeat.get(i + 1).copied().unwrap_or(false);
        if repeat[i]
            && !prev
            && !next
            && paragraphs[i].span.slice(text).unicode_words().count() >= 6
        {
            paragraphs[i].role = ParagraphRole::Boilerplate(Boilerplate::Repeated);
        }
    }
}

/// A paragraph addressed to the reader ("you", "your") lying between two appeals is part of
/// the appeal.
fn tag_appeal_runs(text: &str, paragraphs: &mut [Paragraph]) {
    let appeal = ParagraphRole::Boilerplate(Boilerplate::Appeal);
    for i in 1..paragraphs.len().saturating_sub(1) {
        if paragraphs[i].role != ParagraphRole::Body
            || paragraphs[i - 1].role != appeal
            || paragraphs[i + 1].role != appeal
        {
            continue;
        }
        let ptext = paragraphs[i].span.slice(text);
        let joined = fold(ptext);
        let words = split_folded(&joined);
        if words.len() <= 80
            && words.iter().any(|&w| w == "you" || w == "your")
            && !is_attributed_quote(ptext)
        {
            paragraphs[i].role = appeal;
        }
    }
}

/// The furniture kind of one paragraph on its own, without context.
pub fn classify_paragraph(ptext: &str) -> Option<Boilerplate> {
    classify_with_words(ptext, &classify_line, &|| fold(ptext), &mut None, &mut None)
}

/// The [`fold`] of the paragraph at `span` of `text`, from the `words` of the whole text.
/// UAX #29 always breaks words at a line break, and rules nothing across one, so a paragraph
/// between line breaks (or the text's ends) has the same words on its own as in its text; any
/// other paragraph is split again.
fn words_within(text: &str, span: crate::text::Span, words: &[(usize, &str)]) -> String {
    let bytes = text.as_bytes();
    let line_break = |b: u8| b == b'\n' || b == b'\r';
    let alone = (span.start == 0 || line_break(bytes[span.start - 1]))
        && (span.end == text.len() || line_break(bytes[span.end]));
    if !alone {
        return fold(span.slice(text));
    }
    let first = words.partition_point(|&(at, _)| at < span.start);
    join_lower(
        words[first..]
            .iter()
            .take_while(|&&(at, w)| at + w.len() <= span.end)
            .map(|&(_, w)| w),
        span.len(),
    )
}

/// [`classify_paragraph`] with each line classified by `line_kind` (as [`classify_line`]
/// does), and the paragraph's [`fold`] made by `lower` when needed, and left in `words_out`
/// then; `heading` is set to the paragraph's kind when it is a one-line section heading.
fn classify_with_words(
    ptext: &str,
    line_kind: &dyn Fn(&str) -> Option<LineKind>,
    lower: &dyn Fn() -> String,
    words_out: &mut Option<String>,
    heading: &mut Option<LineKind>,
) -> Option<Boilerplate> {
    let lines: Vec<&str> = ptext.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return Some(Boilerplate::Other);
    }
    // Every line furniture: the first line's kind names the paragraph.
    let kinds: Vec<Option<LineKind>> = lines.iter().map(|l| line_kind(l)).collect();
    *heading = line_heading(&kinds);
    if kinds.iter().all(Option::is_some) {
        return kinds.first().copied().flatten().map(LineKind::kind);
    }
    let joined: &str = words_out.insert(lower());
    let words = split_folded(joined);
    let words = &words[..];
    let attributed = rules::quotes_with_attribution(ptext, words);
    // A copyright notice: "The contents of this site are ©2019 …".
    let copyright = ptext.contains('©') && words.len() <= 40;
    if !attributed && words.len() <= 60 && (is_notice(words) || copyright) {
        return Some(Boilerplate::Other);
    }
    if !attributed && words.len() <= 80 && is_appeal(words) {
        return Some(Boilerplate::Appeal);
    }
    if !attributed && words.len() <= 60 && is_caption(ptext, joined, words) {
        return Some(Boilerplate::ImageCredit);
    }
    if !attributed && super::furniture::is_credited_caption(ptext) {
        return Some(Boilerplate::Caption);
    }
    if !attributed && lines.len() >= 2 && is_teaser(ptext) {
        return Some(Boilerplate::Related);
    }
    None
}

/// The heading kind of a one-line paragraph, if it is a section heading, from the kinds of
/// its non-empty lines.
fn line_heading(kinds: &[Option<LineKind>]) -> Option<LineKind> {
    match kinds {
        [Some(k @ (LineKind::CommentsHeading | LineKind::RelatedHeading))] => Some(*k),
        _ => None,
    }
}

/// True when a single line is page furniture that can never be a headline ("Skip to content",
/// "in ,", share counters, "Menu"). Used by loaders to pick the title line of a text file.
pub fn is_furniture_line(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || !t.chars().any(char::is_alphabetic) || classify_line(t).is_some()
}

/// A word lower-cased, apostrophes folded.
fn lower_word(w: &str) -> String {
    if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        w.to_lowercase().replace('’', "'")
    }
}

/// `words` lower-cased as by [`lower_word`], joined by single spaces, written into one
/// string (with room for `capacity` bytes: the length of the text they are the words of).
fn join_lower<'w>(words: impl Iterator<Item = &'w str>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    for (i, w) in words.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if w.is_ascii() {
            let at = out.len();
            out.push_str(w);
            out[at..].make_ascii_lowercase();
        } else {
            out.push_str(&lower_word(w));
        }
    }
    out
}

/// The words of a [`fold`]: no word holds a space, so they are its pieces between spaces.
pub(super) fn split_folded(joined: &str) -> Vec<&str> {
    if joined.is_empty() {
        Vec::new()
    } else {
        joined.split(' ').collect()
    }
}

/// True for a number token: digits with `,` `.` separators ("1,670", "95.5").
pub(super) fn is_number(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// True when `phrase` occurs as consecutive words of `words`.
pub(super) fn contains_phrase(words: &[&str], phrase: &[&str]) -> bool {
    !phrase.is_empty()
        && words.len() >= phrase.len()
        && words
            .windows(phrase.len())
            .any(|win| win.iter().zip(phrase).all(|(a, b)| a == b))
}

/// Case- and whitespace-folded form of a paragraph, for spotting repeats: its UAX #29 words
/// lower-cased, apostrophes folded, joined by single spaces.
pub(super) fn fold(s: &str) -> String {
    join_lower(s.unicode_words(), s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph's folded form holds its words, each lower-cased on its own (a final sigma
    /// stays final) with apostrophes folded, and splits back into them.
    #[test]
    fn folded_words_split_back() {
        let p = "Don’t SUBSCRIBE — ΟΔΟΣ İstanbul's 1,000 “Café”  news";
        let each: Vec<String> = p.unicode_words().map(lower_word).collect();
        assert_eq!(
            each,
            [
                "don't",
                "subscribe",
                "οδος",
                "i\u{307}stanbul's",
                "1,000",
                "café",
                "news"
            ]
        );
        let joined = fold(p);
        assert_eq!(joined, each.join(" "));
        assert_eq!(split_folded(&joined), each);
        assert!(split_folded(&fold("— …")).is_empty());
        let words: Vec<(usize, &str)> = p.unicode_word_indices().collect();
        let span = crate::text::Span::new(0, p.len());
        assert_eq!(words_within(p, span, &words), joined);
    }

    #[test]
    fn furniture_lines() {
        for l in [
            "",
            "  Skip to content",
            "Skip to main content",
            "in ,",
            "Menu",
            "0 1,670",
            "Total votes: 45",
            "Upvote Downvote",
            "- Advertisement -",
            "2 Comments »",
            "Leave a Reply",
            "Related Articles",
            "Share this:",
            "© 2017 Example Media. All rights reserved.",
            "We use cookies to improve your experience",
            "Follow us on Telegram",
            "|",
            "News > Nation",
            "Sport › Football › Results",
        ] {
            assert!(is_furniture_line(l), "{l:?} should be furniture");
        }
    }

    #[test]
    fn headlines_are_not_furniture_lines() {
        for l in [
            "“HOAX”: Russia rejects ISIS claims of killed military personnel",
            "Russia kills more than 200 ISIS militants in an airstrike in Syria.",
            "Source of the leak remains unknown, officials say",
            "Share prices fall as sanctions bite",
            "Comments by the minister spark outrage",
            "In Syria, a convoy vanishes",
            "Home Office denies report",
            "Profits > Forecasts as Sales Rise",
        ] {
            assert!(!is_furniture_line(l), "{l:?} should be a possible headline");
        }
    }

    #[test]
    fn attributed_quotes_are_never_appeals() {
        assert_eq!(
            classify_paragraph("“Please support us, we need your help,” the mayor said."),
            None
        );
        assert_eq!(
            classify_paragraph("Subscribe to our newsletter\nSign up here for updates."),
            Some(Boilerplate::Appeal)
        );
    }

    #[test]
    fn copyright_notices_are_furniture_but_reporting_about_copyright_is_not() {
        assert_eq!(
            classify_paragraph(
                "The contents of this site are ©2019 Example Publishing Corp., a subsidiary of Example Inc."
            ),
            Some(Boilerplate::Other)
        );
        assert_eq!(
            classify_paragraph("The court ruled that the photographs were protected by copyright."),
            None
        );
    }

    #[test]
    fn reporting_mentioning_subscribers_is_body() {
        assert_eq!(
            classify_paragraph("The channel has two million subscribers and growing support."),
            None
        );
    }

    #[test]
    fn dated_wire_caption_is_a_caption_but_dated_sentence_is_not() {
        assert_eq!(
            classify_paragraph(
                "A man walks past a damaged building in Aleppo, Syria November 2, 2017."
            ),
            Some(Boilerplate::ImageCredit)
        );
        assert_eq!(
            classify_paragraph("The convoy left the town of Abu Kamal on November 2, 2017."),
            None
        );
    }
}
