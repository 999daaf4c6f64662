//! Who speaks a sentence that is a quotation, for the alignment: two quotations by different
//! people are two statements, however many words they share ("“Clearly, this didn’t turn out
//! the way we wanted,” Ryan said" / "“And a lot of really wanting to have a plan”", said by
//! another member of Congress), unless they share the quoted words themselves — one statement
//! attributed to a spokeswoman by one outlet and to her company by the other. Two quotations
//! of one speaker are two statements too when they share neither a few words in a row nor
//! more than one content word: each outlet quoted another line of the speech. When either
//! outlet describes the speaker rather than naming it ("according to the agency", "the
//! Russian military also said"), it may be one speaker, and the quotations' own words decide:
//! two lines sharing only a place ("… in the province of Deir Ezzor" / "… on the road from
//! Palmyra to Deir-Ezzor") are two statements, a line both quote in part ("will be
//! vindicated") one. A sentence counts as quoted speech when its quotations hold a third of
//! its words.

use rustc_hash::FxHashSet;

use crate::corpus::Article;
use crate::text::quotes::names::{may_be_one_speaker, name_words};
use crate::text::{QuotationKind, Span, Token, vocab};

/// Words in a row two sentences must share for their quotations to count as one statement
/// whoever each names as its speaker.
pub const SHARED_RUN: usize = 5;

/// A sentence that is mostly quotations of speech: who it names as speaker and the
/// quotations' inner spans.
#[derive(Clone, Debug)]
pub struct Said {
    /// The name words ([`name_words`]) of the speaker of its longest quotation; empty for a
    /// description without a name ("the ministry", "a spokesman").
    pub who: Vec<String>,
    /// The quotations' words, without their marks, in text order.
    pub quotes: Vec<Span>,
}

/// Share of a sentence's words its quotations must hold for the sentence to count as what its
/// speaker said ("The Russian military also said the regime forces “neutralised mobile IS
/// groups on the road from Palmyra to Deir-Ezzor” and freed the captured villages").
pub const QUOTED_SHARE: (usize, usize) = (1, 3);

/// For each analysed sentence (`sents`, indices into the article's sentences), its speech
/// quotations with a speaker when they hold at least [`QUOTED_SHARE`] of its words; `None`
/// otherwise.
pub fn of_sentences(art: &Article, sents: &[usize]) -> Vec<Option<Said>> {
    let an = &art.analysis;
    let speech: Vec<_> = an
        .quotes
        .iter()
        .filter(|q| q.class == QuotationKind::Speech && !q.nested && q.speaker.is_some())
        .collect();
    sents
        .iter()
        .map(|&si| {
            let sentence = an.sentences.get(si)?;
            let tokens = &an.tokens[an.tokens_in(sentence.span)];
            if tokens.is_empty() {
                return None;
            }
            // Quotations are in text order and do not overlap: those ending after the
            // sentence's start, until one starts after its end.
            let first = speech.partition_point(|q| q.inner.end <= sentence.span.start);
            let held: Vec<_> = speech[first..]
                .iter()
                .take_while(|q| q.inner.start < sentence.span.end)
                .map(|q| {
                    let inside = tokens
                        .iter()
                        .filter(|t| t.span.start >= q.inner.start && t.span.end <= q.inner.end)
                        .count();
                    (inside, q)
                })
                .filter(|&(inside, _)| inside > 0)
                .collect();
            let inside: usize = held.iter().map(|&(n, _)| n).sum();
            let &(_, longest) = held.iter().max_by_key(|&&(n, _)| n)?;
            (inside * QUOTED_SHARE.1 >= tokens.len() * QUOTED_SHARE.0).then(|| Said {
                who: longest
                    .speaker
                    .map(|s| name_words(s.slice(&art.text)))
                    .unwrap_or_default(),
                quotes: held.iter().map(|&(_, q)| q.inner).collect(),
            })
        })
        .collect()
}

/// Words in a row two quotations of one speaker must share to be one statement: fewer, and
/// each outlet quotes another thing the speaker said.
pub const SAME_SPEAKER_RUN: usize = 3;

/// Whether sentence `ia` of `a` and sentence `ib` of `b`, quoted speech `x` and `y`
/// ([`of_sentences`]), are two statements: by two different named speakers and not sharing
/// [`SHARED_RUN`] words in a row, or by one speaker and not sharing [`SAME_SPEAKER_RUN`] words
/// in a row (two of them content words) nor more than one content word besides the speaker's
/// name. When either speaker is only described, the quotations' words alone are compared, and
/// a run of [`SAME_SPEAKER_RUN`] with one content word ("will be vindicated") makes them one
/// statement
/// ("We're talking about an invasion of our country," Trump said / "We have far more people
/// trying to get into our country today," Trump said). Two outlets quoting different words of
/// one statement share more of what it is about ("distortions, ugliness" / "ugliness" and
/// "distortions").
pub fn two_statements(a: &Article, ia: usize, x: &Said, b: &Article, ib: usize, y: &Said) -> bool {
    let whole = |art, i| Words::of(art, i, None);
    if x.who.is_empty() || y.who.is_empty() {
        // A speaker described, not named ("the agency", "the Russian military"): perhaps one
        // speaker, told apart by what the quotations themselves say.
        let (qa, qb) = (
            Words::of(a, ia, Some(&x.quotes)),
            Words::of(b, ib, Some(&y.quotes)),
        );
        return !qa.shares_run(&qb, SAME_SPEAKER_RUN, 1) && qa.shared_content(&qb, &[]) <= 1;
    }
    let (wa, wb) = (whole(a, ia), whole(b, ib));
    if may_be_one_speaker(&x.who, &y.who) {
        !wa.shares_run(&wb, SAME_SPEAKER_RUN, 2) && wa.shared_content(&wb, &x.who) <= 1
    } else {
        !wa.shares_run(&wb, SHARED_RUN, 0)
    }
}

/// How many distinct content stems sentence `ia` of `a` and sentence `ib` of `b` share, names
/// left out (a capitalised word not opening its sentence): what two sentences have in common
/// besides who they are about. A phrase counts by its words ("a civilian employee", two).
pub fn shared_words(a: &Article, ia: usize, b: &Article, ib: usize) -> usize {
    let stems = |w: Words<'_>| -> FxHashSet<String> {
        w.without_names()
            .0
            .into_iter()
            .filter(|t| !t.stem.is_empty() && !vocab::is_function_word(&t.norm))
            .map(|t| t.stem.to_string())
            .collect()
    };
    let (x, y) = (stems(Words::of(a, ia, None)), stems(Words::of(b, ib, None)));
    x.intersection(&y).count()
}

/// The word tokens of a sentence, or of the part of it inside a quotation.
struct Words<'a>(Vec<&'a Token>);

impl<'a> Words<'a> {
    /// The words but capitalised ones not opening the sentence (names).
    fn without_names(self) -> Self {
        let first = self.0.first().map(|t| t.span.start);
        Words(
            self.0
                .into_iter()
                .filter(|t| !t.capitalized || Some(t.span.start) == first)
                .collect(),
        )
    }

    /// The tokens of sentence `i` of `art`, only those inside one of `within` when given.
    fn of(art: &'a Article, i: usize, within: Option<&[Span]>) -> Self {
        let an = &art.analysis;
        let tokens = an
            .sentences
            .get(i)
            .map_or(&[][..], |s| &an.tokens[an.tokens_in(s.span)]);
        Words(
            tokens
                .iter()
                .filter(|t| {
                    within.is_none_or(|qs| {
                        qs.iter()
                            .any(|q| t.span.start >= q.start && t.span.end <= q.end)
                    })
                })
                .collect(),
        )
    }

    /// How many content stems (not function words, not words of the speaker's name `who`)
    /// the two share, a run of them next to each other on both sides counting once: a
    /// two-word name is one thing shared ("Deir Ezzor").
    fn shared_content(&self, other: &Words<'a>, who: &[String]) -> usize {
        let content = |t: &Token| {
            !t.stem.is_empty()
                && !vocab::is_function_word(&t.norm)
                && !who.iter().any(|w| w.eq_ignore_ascii_case(&t.norm))
        };
        let stems = |w: &Words<'a>| -> Vec<Option<&'a str>> {
            w.0.iter().map(|t| content(t).then_some(&*t.stem)).collect()
        };
        let (x, y) = (stems(self), stems(other));
        let in_x: FxHashSet<&'a str> = x.iter().flatten().copied().collect();
        let in_y: FxHashSet<&'a str> = y.iter().flatten().copied().collect();
        let shared = |s: &Option<&str>| s.is_some_and(|s| in_x.contains(s) && in_y.contains(s));
        // Pairs of shared stems next to each other on both sides.
        let next_y: FxHashSet<(&str, &str)> =
            y.windows(2).filter_map(|w| Some((w[0]?, w[1]?))).collect();
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        let mut count = 0;
        for (k, s) in x.iter().enumerate() {
            let Some(stem) = *s else { continue };
            if !shared(s) || !seen.insert(stem) {
                continue;
            }
            let joined =
                k > 0 && x[k - 1].is_some_and(|p| shared(&x[k - 1]) && next_y.contains(&(p, stem)));
            if !joined {
                count += 1;
            }
        }
        count
    }

    /// Whether the two share `run` words in a row (in their normal form), at least `content`
    /// of them not function words ("into our country" is a phrase of every speech about a
    /// border, "I used money" a statement).
    fn shares_run(&self, other: &Words<'a>, run: usize, content: usize) -> bool {
        let norms =
            |w: &Words<'a>| -> Vec<&'a str> { w.0.iter().map(|t| t.norm.as_str()).collect() };
        let (x, y) = (norms(self), norms(other));
        let runs: FxHashSet<&[&str]> = x
            .windows(run)
            .filter(|w| w.iter().filter(|t| !vocab::is_function_word(t)).count() >= content)
            .collect();
        y.windows(run).any(|w| runs.contains(w))
    }
}
