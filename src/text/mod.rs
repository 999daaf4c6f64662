//! The text model: what an article's text is cut into, every piece a byte [`Span`] into it.
//!
//! [`analyse`] runs the whole pipeline on one text: paragraphs (with boilerplate tags),
//! sentences, word tokens in their normal form for matching ([`normalize`]), the stretches
//! matching leaves out (a lede's dateline, honorifics) and quotations. Display code never prints article text directly: it
//! goes through [`sanitize::sanitize`].

pub mod abbrev;
pub mod boilerplate;
pub mod boundaries;
pub mod furniture;
pub mod normalize;
pub mod quotes;
pub mod sanitize;
pub mod segment;
pub mod span;
pub(crate) mod stretch;
pub mod tokens;
pub mod vocab;
pub mod words;

use serde::{Deserialize, Serialize};

pub use boilerplate::Boilerplate;
pub use quotes::{QuotationKind, Quote, QuoteKind};
pub use span::Span;
pub use tokens::{Form, Token};

/// What role a paragraph plays in the page it was scraped from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphRole {
    /// The article's headline (the title line of a text file).
    Title,
    /// Reporting: the text worth comparing.
    Body,
    /// Page furniture, with the kind of furniture it is.
    Boilerplate(Boilerplate),
    /// A post from another site embedded in the article (a tweet, an Instagram post): part
    /// of the article as published, compared like the reporting, and labelled as someone
    /// else's words wherever paragraphs are listed.
    Embedded,
}

impl ParagraphRole {
    /// True for page furniture.
    pub fn is_boilerplate(&self) -> bool {
        matches!(self, ParagraphRole::Boilerplate(_))
    }

    /// True for the paragraphs a comparison reads: the reporting and the posts embedded in it
    /// (two outlets citing the same post line up; one citing a post the other leaves out is a
    /// difference worth seeing).
    pub fn is_compared(&self) -> bool {
        matches!(self, ParagraphRole::Body | ParagraphRole::Embedded)
    }
}

/// A paragraph: a block of text separated from its neighbours by blank lines (or a line break,
/// for one-paragraph-per-line texts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The paragraph's text, leading and trailing whitespace excluded.
    pub span: Span,
    /// Title, reporting, or boilerplate.
    pub role: ParagraphRole,
}

/// A sentence inside one paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence's text, surrounding whitespace excluded.
    pub span: Span,
    /// Index into [`Analysis::paragraphs`].
    pub paragraph: usize,
}

/// Why a stretch of a compared sentence is left out of matching.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnmatchedKind {
    /// The dateline opening the lede ("WASHINGTON —"): page furniture, shown but not compared.
    Dateline,
    /// An honorific before a name ("Mr.", "Ms."), with its full stop: a house style.
    Honorific,
}

/// A stretch of text that matching leaves out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmatched {
    /// Where it is.
    pub span: Span,
    /// Why it is left out.
    pub kind: UnmatchedKind,
}

/// Everything derived from one text. All spans index into that text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order; each lies inside its paragraph.
    pub sentences: Vec<Sentence>,
    /// Word tokens in text order, in their normal form for matching. Punctuation, honorifics
    /// and the words of the dateline are not tokens.
    pub tokens: Vec<Token>,
    /// Stretches of compared sentences that matching leaves out, in text order.
    #[serde(default)]
    pub unmatched: Vec<Unmatched>,
    /// Quotations and scare quotes in text order.
    pub quotes: Vec<Quote>,
}

impl Analysis {
    /// The paragraph role of sentence `i`.
    pub fn sentence_role(&self, i: usize) -> ParagraphRole {
        self.sentences
            .get(i)
            .and_then(|s| self.paragraphs.get(s.paragraph))
            .map(|p| p.role)
            .unwrap_or(ParagraphRole::Body)
    }

    /// Token index range of the tokens inside `span` (tokens are sorted by position).
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        let lo = self.tokens.partition_point(|t| t.span.start < span.start);
        // A span is short beside its text: gallop from its first token to its end.
        let hi = lo + stretch::partition_near(&self.tokens[lo..], |t| t.span.end <= span.end);
        lo..hi
    }

    /// The dateline opening the lede, if there is one.
    pub fn dateline(&self) -> Option<Span> {
        self.unmatched
            .iter()
            .find(|u| u.kind == UnmatchedKind::Dateline)
            .map(|u| u.span)
    }

    /// Number of word tokens outside boilerplate paragraphs.
    pub fn content_words(&self) -> usize {
        let mut n = 0;
        for p in &self.paragraphs {
            if !p.role.is_boilerplate() {
                n += self.tokens_in(p.span).len();
            }
        }
        n
    }
}

/// Analyse `text`: paragraphs (roles assigned, the paragraph at `title` marked as the title),
/// sentences, tokens and quotations.
pub fn analyse(text: &str, title: Option<Span>) -> Analysis {
    let mut paragraphs = segment::paragraphs(text);
    // The text is split into words once, for the tagger and the tokens.
    let words = words::word_indices(text);
    boilerplate::tag_with_words(text, &mut paragraphs, &words);
    if let Some(t) = title {
        for p in paragraphs.iter_mut() {
            if p.span.overlaps(&t) || p.span == t {
                p.role = ParagraphRole::Title;
            }
        }
    }
    analyse_rest(text, paragraphs, &words)
}

/// Analyse `text` already cut into `paragraphs` (spans into `text`, in order, each trimmed and
/// without blank lines), some of them already given a role by the loader (the headline, page
/// furniture the markup named): boilerplate tagging judges the body paragraphs, then
/// sentences, tokens and quotations follow as in [`analyse`].
pub fn analyse_paragraphs(text: &str, mut paragraphs: Vec<Paragraph>) -> Analysis {
    paragraphs.retain(|p| p.span.is_valid_in(text) && !p.span.is_empty());
    let words = words::word_indices(text);
    boilerplate::tag_with_words(text, &mut paragraphs, &words);
    analyse_rest(text, paragraphs, &words)
}

/// The rest of the analysis of `text`, split into its UAX #29 `words`.
fn analyse_rest(text: &str, paragraphs: Vec<Paragraph>, words: &[(usize, &str)]) -> Analysis {
    let sentences = segment::sentences(text, &paragraphs);
    let (mut tokens, honorifics) = tokens::tokens_and_honorifics(text, words, 0);
    // The lede is the first body paragraph, or the second when the first is an untagged
    // headline.
    let dateline = paragraphs
        .iter()
        .filter(|p| p.role == ParagraphRole::Body)
        .take(2)
        .find_map(|p| normalize::dateline(text, p.span));
    let mut unmatched: Vec<Unmatched> = honorifics
        .into_iter()
        .map(|span| Unmatched {
            span,
            kind: UnmatchedKind::Honorific,
        })
        .collect();
    if let Some(d) = dateline {
        tokens.retain(|t| !d.overlaps(&t.span));
        unmatched.retain(|u| !d.overlaps(&u.span));
        unmatched.push(Unmatched {
            span: d,
            kind: UnmatchedKind::Dateline,
        });
        unmatched.sort_by_key(|u| u.span);
    }
    // Words inside escape sequences are terminal instructions no reader sees.
    let hidden = sanitize::escape_sequences(text);
    if !hidden.is_empty() {
        let mut k = 0;
        tokens.retain(|t| {
            while k < hidden.len() && hidden[k].end <= t.span.start {
                k += 1;
            }
            hidden.get(k).is_none_or(|h| h.start >= t.span.end)
        });
    }
    let quotes = quotes::extract_with_words(text, &paragraphs, words);
    Analysis {
        paragraphs,
        sentences,
        tokens,
        unmatched,
        quotes,
    }
}
