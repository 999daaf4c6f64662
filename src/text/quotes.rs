//! Quotations: finding quoted passages and scare quotes in a text.

use serde::{Deserialize, Serialize};

use super::{Paragraph, Span};

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
    /// The name of the speaker when an attribution next to the quote names one
    /// ("… ,” Konashenkov said"), as a span into the text.
    pub speaker: Option<Span>,
}

/// Find the quotations of `text`.
pub fn extract(text: &str, paragraphs: &[Paragraph]) -> Vec<Quote> {
    let _ = (text, paragraphs);
    Vec::new()
}
