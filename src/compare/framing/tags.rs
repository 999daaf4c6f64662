//! Speaker tags: the short phrase that says who spoke a quotation ("Perry said in a
//! statement", "said Gov. Perry", "she added").
//!
//! Two outlets quoting one person tag the quotation each in its own house style: the name
//! before or after the verb, with a title or without, a pronoun for a name, "in a statement"
//! or "on Wednesday" added, the tag in this sentence or the quotation running on from the one
//! before. None of that frames the quotation, so a change whose words are, on each side that
//! has any, inside a short speaker tag of a quotation by the same person is not a framing
//! difference; when only one side has words, the other side's sentences must quote that same
//! person. Only wording and naming changes are asked about: a charged verb of saying
//! ("claimed" where the other says "said") is labelled an attribution change before this.
//!
//! A tag is the quotation's attribution phrase as the quotation model finds it
//! ([`crate::text::quotes::Quote::attribution`]), running on to the end of its sentence when
//! at most [`TAG_TAIL_WORDS`] words and no quote mark follow ("in a statement", "on
//! Twitter"). A changed stretch of more than [`TAG_MAX_WORDS`] words on a side ("who did not
//! respond to repeated requests for further comment") says more than who spoke, and stays.

use unicode_segmentation::UnicodeSegmentation;

use crate::compare::{Change, ContrastLabel, PerSide};
use crate::corpus::Article;
use crate::text::{QuotationKind, Span};

/// Words after the attribution phrase, up to the end of its sentence, that still belong to
/// the tag.
pub const TAG_TAIL_WORDS: usize = 5;

/// Longest changed stretch, in words per side, that can be only a difference of tags.
pub const TAG_MAX_WORDS: usize = 7;

/// The speaker tags and speech quotations of one article, each with its speaker's last name
/// (lower case).
pub(super) struct Tags<'a> {
    text: &'a str,
    /// Tag spans in text order, with the speaker's last name.
    tags: Vec<(Span, String)>,
    /// Outer spans of the speech quotations with a speaker, with the speaker's last name.
    speech: Vec<(Span, String)>,
}

/// The last word of a speaker's name, in lower case ("Gov. Perry" → "perry").
fn last_name(name: &str) -> Option<String> {
    name.unicode_words().next_back().map(str::to_lowercase)
}

impl<'a> Tags<'a> {
    /// The tags and speech quotations of `art`.
    pub fn new(art: &'a Article) -> Self {
        let text = art.text.as_str();
        let sentences = &art.analysis.sentences;
        let mut tags = Vec::new();
        let mut speech = Vec::new();
        for q in &art.analysis.quotes {
            if q.class != QuotationKind::Speech {
                continue;
            }
            let Some(who) = q
                .speaker
                .and_then(|s| text.get(s.start..s.end))
                .and_then(last_name)
            else {
                continue;
            };
            speech.push((q.outer, who.clone()));
            let Some(att) = q.attribution else { continue };
            let k = sentences.partition_point(|s| s.span.end <= att.start);
            let end = sentences
                .get(k)
                .filter(|s| s.span.start <= att.start)
                .and_then(|s| {
                    let tail = text.get(att.end..s.span.end)?;
                    (tail.unicode_words().count() <= TAG_TAIL_WORDS
                        && !tail.contains(['"', '“', '”']))
                    .then_some(s.span.end)
                })
                .unwrap_or(att.end)
                .max(att.end);
            tags.push((Span::new(att.start, end), who));
        }
        tags.sort_by_key(|(s, _)| (s.start, s.end));
        Tags { text, tags, speech }
    }

    /// The speaker whose tag holds all of `span`, when `span` is short enough to be only
    /// part of a tag.
    fn speaker_of(&self, span: Span) -> Option<&str> {
        let words = self.text.get(span.start..span.end)?.unicode_words().count();
        if words > TAG_MAX_WORDS {
            return None;
        }
        let k = self.tags.partition_point(|(s, _)| s.start <= span.start);
        self.tags[..k]
            .iter()
            .rev()
            .find(|(s, _)| s.end >= span.end)
            .map(|(_, who)| who.as_str())
    }

    /// Whether a speech quotation by `who` overlaps one of `sentences`.
    fn quotes(&self, who: &str, sentences: &[Span]) -> bool {
        self.speech.iter().any(|(outer, w)| {
            w == who
                && sentences
                    .iter()
                    .any(|s| outer.start < s.end && s.start < outer.end)
        })
    }
}

/// Whether `c`, one of a unit's `changes`, is only two house styles of a speaker tag
/// (module docs). `sentences` are the unit's sentence spans on each side.
pub(super) fn house_style(
    c: &Change,
    changes: &[Change],
    tags: &PerSide<Tags>,
    sentences: &PerSide<Vec<Span>>,
) -> bool {
    if !matches!(c.label, ContrastLabel::Wording | ContrastLabel::Naming) {
        return false;
    }
    let a = c.a.map(|s| tags.a.speaker_of(s));
    let b = c.b.map(|s| tags.b.speaker_of(s));
    match (a, b) {
        (Some(Some(x)), Some(Some(y))) => x == y,
        (Some(Some(who)), None) => {
            tags.b.quotes(who, &sentences.b)
                || changes
                    .iter()
                    .filter_map(|o| o.b)
                    .any(|s| tags.b.speaker_of(s) == Some(who))
        }
        (None, Some(Some(who))) => {
            tags.a.quotes(who, &sentences.a)
                || changes
                    .iter()
                    .filter_map(|o| o.a)
                    .any(|s| tags.a.speaker_of(s) == Some(who))
        }
        _ => false,
    }
}
