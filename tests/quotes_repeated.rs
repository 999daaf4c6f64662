//! A quotation one article repeats (a pull-quote and the same words in the body) is shown as
//! shared at every occurrence, each paired with its identical counterpart rather than only
//! with a weaker look-alike.

use parallax::compare::quotes::match_quotes;
use parallax::compare::{QuoteMatchKind, SharedQuote};
use parallax::corpus::Article;

mod common;
use common::bare_article as article;

const PROMISE: &str = "we will rebuild every bridge in the valley before winter";

/// A: the promise as a pull-quote, then again in the body.
const A: &str = "Valley flood: the long road back\n\n\
                 “We will rebuild every bridge in the valley before winter.”\n\n\
                 The governor toured the flooded towns on Monday and met families in shelters.\n\n\
                 “We will rebuild every bridge in the valley before winter,” the governor said.\n\n\
                 Residents were sceptical after last year's delays.";

/// B: the promise once, and a later, similar but different promise.
const B_WITH_LOOKALIKE: &str = "Governor promises repairs\n\n\
                 Officials met in the capital on Monday.\n\n\
                 The governor said: “We will rebuild every bridge in the valley before winter.”\n\n\
                 A week later her office went further: “We will rebuild every road in the valley before spring.”";

const B_ONCE: &str = "Governor promises repairs\n\n\
                 Officials met in the capital on Monday.\n\n\
                 The governor said: “We will rebuild every bridge in the valley before winter.”";

fn is_promise(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.join(" ") == PROMISE
}

/// The shared quotes whose A side starts at `a_start`.
fn at_a(m: &[SharedQuote], a_start: usize) -> Vec<&SharedQuote> {
    m.iter().filter(|s| s.a.start == a_start).collect()
}

fn occurrences(a: &Article) -> Vec<usize> {
    let first = a.text.find("We will rebuild").expect("first occurrence");
    let second = a.text[first + 1..]
        .find("We will rebuild")
        .map(|k| first + 1 + k)
        .expect("second occurrence");
    vec![first, second]
}

fn assert_both_occurrences_shared_exactly(a: &Article, b: &Article, m: &[SharedQuote]) {
    for start in occurrences(a) {
        let hits = at_a(m, start);
        assert!(
            hits.iter().any(|s| s.kind == QuoteMatchKind::Exact
                && is_promise(s.b.slice(&b.text))
                && s.edits.is_empty()),
            "occurrence at {start} not shared with B's identical quotation: {m:?}"
        );
    }
}

#[test]
fn a_repeated_quotation_is_shared_at_both_occurrences() {
    let (a, b) = (article("a", A), article("b", B_ONCE));
    let m = match_quotes(&a, &b);
    assert_both_occurrences_shared_exactly(&a, &b, &m);
    assert_eq!(m.len(), 2, "{m:?}");
}

#[test]
fn a_repeated_quotation_is_never_paired_with_a_weaker_lookalike_instead() {
    let (a, b) = (article("a", A), article("b", B_WITH_LOOKALIKE));
    let m = match_quotes(&a, &b);
    assert_both_occurrences_shared_exactly(&a, &b, &m);
    // The look-alike promise (a reworded version) is still reported, as a fuzzy match.
    let road = b
        .text
        .find("We will rebuild every road")
        .expect("look-alike");
    assert!(
        m.iter()
            .any(|s| s.b.start == road && s.kind == QuoteMatchKind::Fuzzy),
        "{m:?}"
    );
}

#[test]
fn the_same_holds_with_the_articles_swapped() {
    let (a, b) = (article("a", A), article("b", B_WITH_LOOKALIKE));
    let m = match_quotes(&b, &a);
    for start in occurrences(&a) {
        assert!(
            m.iter().any(|s| s.b.start == start
                && s.kind == QuoteMatchKind::Exact
                && is_promise(s.a.slice(&b.text))),
            "{m:?}"
        );
    }
}

#[test]
fn a_quotation_repeated_on_both_sides_pairs_every_occurrence() {
    let b = format!(
        "{B_ONCE}\n\nShe repeated it twice: “We will rebuild every bridge in the valley before winter.”"
    );
    let (a, b) = (article("a", A), article("b", &b));
    let m = match_quotes(&a, &b);
    assert_both_occurrences_shared_exactly(&a, &b, &m);
    let mut b_starts: Vec<usize> = m.iter().map(|s| s.b.start).collect();
    b_starts.dedup();
    b_starts.sort();
    b_starts.dedup();
    assert_eq!(b_starts.len(), 2, "every B occurrence is shared: {m:?}");
}
