//! Who speaks a sentence that is a quotation, for the alignment: two quotations by different
//! people are two statements, however many words they share ("“Clearly, this didn’t turn out
//! the way we wanted,” Ryan said" / "“And a lot of really wanting to have a plan”", said by
//! another member of Congress), unless they share the quoted words themselves — one statement
//! attributed to a spokeswoman by one outlet and to her company by the other. Two quotations
//! of one speaker are two statements too when they share neither a few words in a row nor
//! more than one content word: each outlet quoted another line of the speech.

use rustc_hash::FxHashSet;

use crate::corpus::Article;
use crate::text::quotes::names::{may_be_one_speaker, name_words};
use crate::text::{QuotationKind, vocab};

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

/// Words in a row two quotations of one speaker must share to be one statement: fewer, and
/// each outlet quotes another thing the speaker said.
pub const SAME_SPEAKER_RUN: usize = 3;

/// Whether sentence `ia` of `a` and sentence `ib` of `b`, quotations whose speakers' name
/// words are `who_a` and `who_b` ([`of_sentences`]), are two statements: by two different
/// named speakers and not sharing [`SHARED_RUN`] words in a row, or by one speaker and not
/// sharing [`SAME_SPEAKER_RUN`] words in a row (two of them content words) nor more than one
/// content word besides the speaker's name
/// ("We're talking about an invasion of our country," Trump said / "We have far more people
/// trying to get into our country today," Trump said). Two outlets quoting different words of
/// one statement share more of what it is about ("distortions, ugliness" / "ugliness" and
/// "distortions").
pub fn two_statements(
    a: &Article,
    ia: usize,
    who_a: &[String],
    b: &Article,
    ib: usize,
    who_b: &[String],
) -> bool {
    if may_be_one_speaker(who_a, who_b) {
        !shares_run(a, ia, b, ib, SAME_SPEAKER_RUN, 2) && shared_content(a, ia, b, ib, who_a) <= 1
    } else {
        !shares_run(a, ia, b, ib, SHARED_RUN, 0)
    }
}

/// How many content stems (not function words, not words of the speaker's name `who`)
/// sentence `ia` of `a` and `ib` of `b` share.
fn shared_content(a: &Article, ia: usize, b: &Article, ib: usize, who: &[String]) -> usize {
    let stems = |art: &Article, i: usize| -> FxHashSet<String> {
        art.analysis
            .sentences
            .get(i)
            .map_or_else(FxHashSet::default, |s| {
                art.analysis.tokens[art.analysis.tokens_in(s.span)]
                    .iter()
                    .filter(|t| {
                        !t.stem.is_empty()
                            && !vocab::is_function_word(&t.norm)
                            && !who.iter().any(|w| w.eq_ignore_ascii_case(&t.norm))
                    })
                    .map(|t| t.stem.to_string())
                    .collect()
            })
    };
    let x = stems(a, ia);
    stems(b, ib).iter().filter(|s| x.contains(*s)).count()
}

/// Whether sentence `ia` of `a` and `ib` of `b` share `run` words in a row (in their normal
/// form), at least `content` of them not function words ("into our country" is a phrase of
/// every speech about a border, "I used money" a statement).
fn shares_run(a: &Article, ia: usize, b: &Article, ib: usize, run: usize, content: usize) -> bool {
    let (x, y) = (words(a, ia), words(b, ib));
    let runs: FxHashSet<&[&str]> = x
        .windows(run)
        .filter(|w| w.iter().filter(|t| !vocab::is_function_word(t)).count() >= content)
        .collect();
    y.windows(run).any(|w| runs.contains(w))
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
