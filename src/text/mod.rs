//! The text model: what an article's text is cut into, every piece a byte [`Span`] into it.
//!
//! [`analyse`] runs the whole pipeline on one text: paragraphs (with boilerplate tags),
//! sentences, word tokens and quotations. Display code never prints article text directly: it
//! goes through [`sanitize::sanitize`].

pub mod boilerplate;
pub mod quotes;
pub mod sanitize;
pub mod segment;
pub mod span;
pub mod tokens;
pub mod vocab;

use serde::{Deserialize, Serialize};

pub use boilerplate::Boilerplate;
pub use quotes::{Quote, QuoteKind};
pub use span::Span;
pub use tokens::Token;

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
}

impl ParagraphRole {
    /// True for page furniture.
    pub fn is_boilerplate(&self) -> bool {
        matches!(self, ParagraphRole::Boilerplate(_))
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

/// Everything derived from one text. All spans index into that text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order; each lies inside its paragraph.
    pub sentences: Vec<Sentence>,
    /// Word tokens in text order (punctuation is not a token).
    pub tokens: Vec<Token>,
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
        let hi = self.tokens.partition_point(|t| t.span.end <= span.end);
        lo..hi.max(lo)
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
    boilerplate::tag(text, &mut paragraphs);
    if let Some(t) = title {
        for p in paragraphs.iter_mut() {
            if p.span.overlaps(&t) || p.span == t {
                p.role = ParagraphRole::Title;
            }
        }
    }
    let sentences = segment::sentences(text, &paragraphs);
    let tokens = tokens::tokenize(text);
    let quotes = quotes::extract(text, &paragraphs);
    Analysis {
        paragraphs,
        sentences,
        tokens,
        quotes,
    }
}
