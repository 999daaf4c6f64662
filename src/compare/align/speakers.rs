//! Who speaks a sentence that is a quotation, for the alignment: two quotations by different
//! people are two statements, however many words they share ("“Clearly, this didn’t turn out
//! the way we wanted,” Ryan said" / "“And a lot of really wanting to have a plan”", said by
//! another member of Congress), unless they share the quoted words themselves — one statement
//! attributed to a spokeswoman by one outlet and to her company by the other.

use rustc_hash::FxHashSet;

use crate::corpus::Article;
use crate::text::QuotationKind;
use crate::text::quotes::names::{may_be_one_speaker, name_words};

/// Words in a row two sentences must share for their quotations to count as one statement
/// whoever each names as its speaker.
pub const SHARED_RUN: usize = 5;

/// For each analysed sentence (`sents`, indices into the article's sentences), the name words
/// ([`name_words`]) of the speaker of the speech quotation holding at least half of its words;
/// empty when it is no quotation or its speaker is not named.
pub fn of_sentences(art: &Article, sents: &[usize]) -> Vec<Vec<String>> {
    let an = &art.analysis;
    let speech: Vec<_> = an
        .quotes
        .iter()
        .filter(|q| q.class == QuotationKind::Speech && !q.nested && q.speaker.is_some())
        .collect();
    sents
        .iter()
        .map(|&si| {
            let Some(sentence) = an.sentences.get(si) else {
                return Vec::new();
            };
            let tokens = &an.tokens[an.tokens_in(sentence.span)];
            if tokens.is_empty() {
                return Vec::new();
            }
            // Quotations are in text order and do not overlap: those ending after the
            // sentence's start, until one starts after its end.
            let first = speech.partition_point(|q| q.inner.end <= sentence.span.start);
            let best = speech[first..]
                .iter()
                .take_while(|q| q.inner.start < sentence.span.end)
                .map(|q| {
                    let inside = tokens
                        .iter()
                        .filter(|t| t.span.start >= q.inner.start && t.span.end <= q.inner.end)
                        .count();
                    (inside, q)
                })
                .max_by_key(|&(inside, _)| inside);
            match best {
                Some((inside, q)) if inside * 2 >= tokens.len() => q
                    .speaker
                    .map(|s| name_words(s.slice(&art.text)))
                    .unwrap_or_default(),
                _ => Vec::new(),
            }
        })
        .collect()
}

/// Whether sentence `ia` of `a` and sentence `ib` of `b`, quotations whose speakers' name
/// words are `who_a` and `who_b` ([`of_sentences`]), are by two different named speakers and
/// do not share [`SHARED_RUN`] words in a row: two statements.
pub fn two_statements(
    a: &Article,
    ia: usize,
    who_a: &[String],
    b: &Article,
    ib: usize,
    who_b: &[String],
) -> bool {
    !may_be_one_speaker(who_a, who_b) && !shares_run(a, ia, b, ib)
}

/// Whether sentence `ia` of `a` and `ib` of `b` share [`SHARED_RUN`] words in a row (in their
/// normal form).
fn shares_run(a: &Article, ia: usize, b: &Article, ib: usize) -> bool {
    let (x, y) = (words(a, ia), words(b, ib));
    let runs: FxHashSet<&[&str]> = x.windows(SHARED_RUN).collect();
    y.windows(SHARED_RUN).any(|w| runs.contains(w))
}

/// The words of sentence `i` of `art`, in their normal form.
fn words(art: &Article, i: usize) -> Vec<&str> {
    art.analysis.sentences.get(i).map_or_else(Vec::new, |s| {
        art.analysis.tokens[art.analysis.tokens_in(s.span)]
            .iter()
            .map(|t| t.norm.as_str())
            .collect()
    })
}
