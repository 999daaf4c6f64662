//! Voice: whose words an analysed word is. A word inside someone's quoted speech (a `speech`
//! quotation of the quotation model, [`crate::text::quotes`]) is in that speaker's voice; every
//! other analysed word is the outlet's own. Loaded terms carry their voice so the profile and
//! the "only here" verdicts count what the outlet itself writes, and displays show quoted
//! loaded words as the speaker's.

use serde::{Deserialize, Serialize};

use crate::corpus::Article;
use crate::text::{QuotationKind, Span};

/// Whose words a span of an article is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Voice {
    /// The outlet's own words.
    #[default]
    Outlet,
    /// Someone's words, quoted.
    Quoted,
}

impl Voice {
    /// The voice as written in the contract: `outlet` or `quoted`.
    pub fn name(self) -> &'static str {
        match self {
            Voice::Outlet => "outlet",
            Voice::Quoted => "quoted",
        }
    }
}

/// The speech quotations of one article, for telling the voice of its spans.
pub struct Voices<'a> {
    text: &'a str,
    /// Inner span, speaker and word count of every speech quotation, in text order (enclosing
    /// ones first).
    speech: Vec<(Span, Option<Span>, usize)>,
    /// Length of the longest of them: only those starting less than that before a span can
    /// hold it.
    longest: usize,
}

impl<'a> Voices<'a> {
    /// The speech quotations of `art`.
    pub fn new(art: &'a Article) -> Self {
        let speech = art
            .analysis
            .quotes
            .iter()
            .filter(|q| q.class == QuotationKind::Speech)
            .map(|q| (q.inner, q.speaker, q.words))
            .collect::<Vec<_>>();
        let longest = speech.iter().map(|(s, ..)| s.len()).max().unwrap_or(0);
        Voices {
            text: &art.text,
            speech,
            longest,
        }
    }

    /// The voice of `span` and, when quoted, its speaker as the article names them (the
    /// innermost quotation's, or an enclosing one's when the inner one names nobody).
    pub fn of(&self, span: Span) -> (Voice, Option<String>) {
        // Quotations never cross: those holding `span` nest, so the last one is innermost.
        let holding: Vec<&(Span, Option<Span>, usize)> = self.holding(span).collect();
        if holding.is_empty() {
            return (Voice::Outlet, None);
        }
        let speaker = holding.iter().rev().find_map(|(_, sp, _)| *sp).map(|sp| {
            sp.slice(self.text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        });
        (Voice::Quoted, speaker)
    }

    /// Whether `span` is inside someone's quoted speech.
    pub fn quoted(&self, span: Span) -> bool {
        self.holding(span).next().is_some()
    }

    /// The speech quotations holding `span`, outermost first.
    fn holding(&self, span: Span) -> impl Iterator<Item = &(Span, Option<Span>, usize)> {
        let k = self.speech.partition_point(|(s, ..)| s.start <= span.start);
        let lo = self.speech[..k].partition_point(|(s, ..)| s.start + self.longest < span.start);
        self.speech[lo..k]
            .iter()
            .filter(move |(s, ..)| s.contains(&span))
    }

    /// Number of words inside speech quotations whose start satisfies `keep` (quotations nested
    /// in others are counted once, with the outer one). A quotation's words are the count the
    /// quotation model took of its inner span ([`crate::text::Quote::words`]).
    pub fn quoted_words(&self, keep: impl Fn(Span) -> bool) -> usize {
        let mut words = 0;
        let mut end = 0;
        for &(s, _, n) in &self.speech {
            if s.start < end || !keep(s) {
                continue;
            }
            end = s.end;
            words += n;
        }
        words
    }
}
