//! Matching quotations across two articles: the demo pair and one case per kind of edit.

use parallax::compare::quotes::match_quotes;
use parallax::compare::{QuoteEdit, QuoteMatchKind, SharedQuote};
use parallax::corpus::Article;

mod common;
use common::bare_article as article;
use parallax::text::{Boilerplate, ParagraphRole};

use QuoteEdit::*;

fn shared(a: &str, b: &str) -> (Article, Article, Vec<SharedQuote>) {
    let (x, y) = (article("a", a), article("b", b));
    let m = match_quotes(&x, &y);
    for q in &m {
        assert!(q.a.is_valid_in(&x.text) && q.b.is_valid_in(&y.text));
        assert!((0.0..=1.0).contains(&q.score));
    }
    (x, y, m)
}

/// The one shared quote of a pair, with its kind and edits.
fn one(a: &str, b: &str) -> (QuoteMatchKind, Vec<QuoteEdit>, f64) {
    let (_, _, m) = shared(a, b);
    assert_eq!(m.len(), 1, "{m:?}");
    (m[0].kind, m[0].edits.clone(), m[0].score)
}

const A: &str = "The governor toured the flooded towns on Monday.\n\n\
                 “We will rebuild every bridge in the valley before winter,” the governor said.\n\n\
                 Residents were sceptical.";

fn b_with(quote: &str) -> String {
    format!(
        "Flood repairs\n\nOfficials met in the capital.\n\nThe governor said: {quote}\n\nMore later."
    )
}

#[test]
fn demo_meduza_and_ap_share_the_isis_quotation_once_as_a_partial_match() {
    let a = include_str!("../assets/demo/003_d2d50766efbb7960.txt");
    let b = include_str!("../assets/demo/004_63283b9d9dff0aac.txt");
    let (x, y, m) = shared(a, b);
    let qa = x.text.find("the U.S. are [sic]").expect("seed text");
    let qb = y
        .text
        .find("covering ISIS combat units")
        .expect("seed text");
    let hits: Vec<_> = m
        .iter()
        .filter(|s| {
            s.a.start <= qa + 100 && s.a.end >= qa && s.b.start <= qb + 100 && s.b.end >= qb
        })
        .collect();
    assert_eq!(hits.len(), 1, "{m:?}");
    let h = hits[0];
    assert_eq!(h.kind, QuoteMatchKind::Partial);
    assert_eq!(h.edits, [TrimmedStart]);
    assert_eq!(h.score, 1.0);
    assert!(
        h.a.slice(&x.text)
            .starts_with("the U.S. are [sic] actually covering")
    );
    assert!(h.b.slice(&y.text).starts_with("covering ISIS combat units"));
    assert!(h.b.slice(&y.text).ends_with("in the Middle East"));
    // The same pair compared the other way round gives the mirrored match.
    let back = match_quotes(&y, &x);
    assert!(
        back.iter()
            .any(|s| s.a == h.b && s.b == h.a && s.kind == h.kind)
    );
}

#[test]
fn exact_when_only_case_marks_and_punctuation_differ() {
    let b = b_with("\"we will rebuild every bridge in the valley before winter.\"");
    let (kind, edits, score) = one(A, &b);
    assert_eq!((kind, edits, score), (QuoteMatchKind::Exact, vec![], 1.0));
}

#[test]
fn trimmed_start_and_end_are_partial() {
    let b = b_with("“every bridge in the valley before winter”");
    assert_eq!(
        one(A, &b),
        (QuoteMatchKind::Partial, vec![TrimmedStart], 1.0)
    );
    let b = b_with("“We will rebuild every bridge in the valley”");
    assert_eq!(one(A, &b), (QuoteMatchKind::Partial, vec![TrimmedEnd], 1.0));
}

#[test]
fn every_ellipsis_style_marks_an_elision() {
    for mark in ["…", "...", "[…]", "[...]"] {
        let b = b_with(&format!(
            "“We will rebuild every bridge {mark} before winter”"
        ));
        assert_eq!(
            one(A, &b),
            (QuoteMatchKind::Partial, vec![Elided], 1.0),
            "with {mark}"
        );
    }
}

#[test]
fn bracketed_insertions_are_ignored_or_stand_in_for_a_word() {
    let b = b_with("“We will rebuild every bridge [sic] in the valley before winter”");
    assert_eq!(one(A, &b), (QuoteMatchKind::Partial, vec![Inserted], 1.0));
    let a = "“She will rebuild every bridge in the valley before winter,” an aide said.";
    let b = b_with("“[Governor Ek] will rebuild every bridge in the valley before winter”");
    assert_eq!(one(a, &b), (QuoteMatchKind::Partial, vec![Inserted], 1.0));
    let b = b_with("“All of us think [the governor] will rebuild every bridge in the valley”");
    let (kind, edits, _) = one(a, &b);
    assert_eq!(kind, QuoteMatchKind::Partial);
    assert_eq!(edits, [TrimmedStart, TrimmedEnd, Inserted]);
}

#[test]
fn one_changed_word_is_a_fuzzy_rewording() {
    let b = b_with("“We would rebuild every bridge in the valley before winter”");
    let (kind, edits, score) = one(A, &b);
    assert_eq!(kind, QuoteMatchKind::Fuzzy);
    assert_eq!(edits, [Reworded]);
    assert!((score - 0.9).abs() < 1e-9);
    let b = b_with("“We will rebuild every bridge in a valley before winter”");
    assert_eq!(one(A, &b).0, QuoteMatchKind::Fuzzy);
    // Another form of one word is a rewording too, even at the very end.
    let b = b_with("“We will rebuild every bridge in the valley before winters”");
    assert_eq!(one(A, &b), (QuoteMatchKind::Fuzzy, vec![Reworded], 1.0));
}

#[test]
fn a_phrase_reworded_inside_a_trimmed_quotation_is_a_fuzzy_match() {
    // One outlet quotes the end of the governor's sentence and rewords it inside the quote
    // marks: a fact-checker wants that pair, marked as reworded, not two separate quotations.
    let a = "The governor toured the flooded towns on Monday.\n\n\
             “We owe it to every family here to rebuild the bridges that will carry the \
             school buses in the valley before winter,” the governor said.\n\n\
             Residents were sceptical.";
    let b = b_with("she would “rebuild the bridges carrying buses in the valley before winter.”");
    let (kind, edits, score) = one(a, &b);
    assert_eq!(kind, QuoteMatchKind::Fuzzy);
    assert_eq!(edits, [TrimmedStart, Reworded]);
    assert_eq!(score, 1.0);
    // Found words must follow closely, all of them: a different ending is another sentence.
    let b =
        b_with("she would “rebuild the bridges first, and then turn to the roads and schools.”");
    let (_, _, m) = shared(a, &b);
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn passages_joined_by_an_ellipsis_are_each_shared_with_the_quotation_printing_them() {
    // One outlet joins two sentences of the governor's statement with "…", rewording a word;
    // the other prints each sentence as its own quotation.
    let a = "The governor toured the flooded towns on Monday.\n\n\
             She said the state and the towns “agree that every bridge & every school road \
             must reopen…the repair money is released from Monday.”\n\n\
             Residents were sceptical.";
    let b = "Flood repairs\n\n\
             “The towns and I have met, and we agree that every bridge and every school road \
             must reopen,” the governor said.\n\n\
             “For that reason the repair money is being released from Monday to the councils.”";
    let (x, y, m) = shared(a, b);
    let first = y.text.find("The towns and I").unwrap();
    let second = y.text.find("For that reason").unwrap();
    let qa = x.text.find("agree that every bridge").unwrap();
    for at in [first, second] {
        assert!(
            m.iter()
                .any(|q| q.a.start == qa && q.b.start == at && q.kind == QuoteMatchKind::Fuzzy),
            "{at}: {m:?}"
        );
    }
    assert_eq!(m.len(), 2, "{m:?}");
}

#[test]
fn a_different_quotation_by_the_same_speaker_on_the_same_topic_is_not_matched() {
    let b = b_with("“Every family in the valley will have a dry home before the bridge opens”");
    let (_, _, m) = shared(A, &b);
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn quoted_words_found_unquoted_in_the_other_article() {
    let b = "Flood repairs\n\nThe governor promised to rebuild every bridge in the valley before \
             winter, aides said.";
    let (x, y, m) = shared(A, b);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].kind, QuoteMatchKind::Partial);
    assert_eq!(m[0].edits, [TrimmedStart, Unquoted]);
    assert_eq!(
        m[0].b.slice(&y.text),
        "rebuild every bridge in the valley before winter"
    );
    assert_eq!(
        m[0].a.slice(&x.text),
        "We will rebuild every bridge in the valley before winter"
    );
    assert_eq!(m[0].speaker.as_deref(), Some("the governor"));
    // Five shared words are not enough when the quotation is longer.
    let b = "Flood repairs\n\nHe hopes every bridge in the valley reopens.";
    assert!(shared(A, b).2.is_empty());
}

#[test]
fn quotes_in_boilerplate_paragraphs_are_left_out() {
    let b = b_with("“We will rebuild every bridge in the valley before winter”");
    let x = article("a", A);
    let mut y = article("b", &b);
    assert_eq!(match_quotes(&x, &y).len(), 1);
    let pos = y.text.find("The governor said:").expect("test text");
    for p in y.analysis.paragraphs.iter_mut() {
        if p.span.start <= pos && pos < p.span.end {
            p.role = ParagraphRole::Boilerplate(Boilerplate::Related);
        }
    }
    assert!(match_quotes(&x, &y).is_empty());
}

#[test]
fn a_repeated_quotation_is_paired_at_each_occurrence_and_nested_scare_quotes_are_not() {
    // A repeats the quotation; B quotes it once: each occurrence of A is paired with it.
    let a = "“The dam held because the engineers worked all night,” she said.\n\n\
             Later: “The dam held because the engineers worked all night.”";
    let b = "She said: \"the dam held because the engineers worked all night\"";
    let (x, _, m) = shared(a, b);
    assert_eq!(m.len(), 2, "{m:?}");
    assert_eq!(m[0].a.start, x.text.find("The dam").unwrap_or(usize::MAX));
    assert_eq!(m[1].a.start, x.text.rfind("The dam").unwrap_or(usize::MAX));
    assert!(
        m.iter()
            .all(|s| s.kind == QuoteMatchKind::Exact && s.b == m[0].b)
    );
    // A nested scare quote shared inside a shared quotation is not reported on its own.
    let a = "“They call the floods ‘acts of God’ but the dams were never repaired,” he said.";
    let b = "He said: “They call the floods ‘acts of God’ but the dams were never repaired.”";
    let (_, _, m) = shared(a, b);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].kind, QuoteMatchKind::Exact);
}

#[test]
fn results_are_in_a_then_b_order_and_deterministic() {
    let a = "“The first bridge will open in the spring,” he said. \
             “The second bridge needs a new design entirely,” he added.";
    let b = "“The second bridge needs a new design entirely” and \
             “the first bridge will open in the spring.”";
    let (_, _, m) = shared(a, b);
    assert_eq!(m.len(), 2);
    assert!(m[0].a.start < m[1].a.start);
    assert!(m[0].b.start > m[1].b.start);
    assert_eq!(m, shared(a, b).2);
}

#[test]
fn a_long_statement_quoted_in_pieces_pairs_every_piece() {
    let a = "“The river rose faster than any model predicted,” the engineer said. \
             “Next year the levees along the north bank will be raised by a metre,” she added.";
    let b = "The engineer said: “The river rose faster than any model predicted. Next year the \
             levees along the north bank will be raised by a metre.”";
    let (x, _, m) = shared(a, b);
    assert_eq!(m.len(), 2, "{m:?}");
    assert_eq!(m[0].b, m[1].b);
    assert!(m[0].a.slice(&x.text).starts_with("The river"));
    assert!(m[1].a.slice(&x.text).starts_with("Next year"));
    assert_eq!(m[0].edits, [TrimmedEnd]);
    assert_eq!(m[1].edits, [TrimmedStart]);
    // A phrase of the statement quoted again on its own is paired too.
    let a = "“The river rose faster than any model predicted,” the engineer said, calling it \
             “faster than any model predicted” twice.";
    let b = "She said: “The river rose faster than any model predicted.”";
    let (x, _, m) = shared(a, b);
    let got: Vec<_> = m.iter().map(|s| (s.a.slice(&x.text), s.kind)).collect();
    assert_eq!(
        got,
        [
            (
                "The river rose faster than any model predicted",
                QuoteMatchKind::Exact
            ),
            ("faster than any model predicted", QuoteMatchKind::Partial),
        ]
    );
}

#[test]
fn a_few_words_of_a_statement_the_other_prints_at_length_are_shared() {
    let a = "Harbour plan\n\n\
             Mayor Ilse Varga called the harbour plan a “reckless gamble” on Tuesday.\n\n\
             She said the council had been “frankly dishonest” about its cost.";
    let b = "Mayor attacks harbour plan\n\n\
             “This plan is a reckless gamble with our harbour and our savings,” Mayor Varga said.\n\n\
             “The council has been frankly dishonest about what it costs,” Varga added.";
    let (x, y, m) = shared(a, b);
    let span = |text: &str, s: parallax::text::Span| text[s.start..s.end].to_string();
    let found: Vec<(String, String)> = m
        .iter()
        .map(|q| (span(&x.text, q.a), span(&y.text, q.b)))
        .collect();
    assert!(
        found
            .iter()
            .any(|(qa, qb)| qa == "reckless gamble"
                && qb.starts_with("This plan is a reckless gamble")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(qa, qb)| qa == "frankly dishonest" && qb.starts_with("The council")),
        "{found:?}"
    );
    let gamble = m
        .iter()
        .find(|q| span(&x.text, q.a) == "reckless gamble")
        .unwrap();
    assert_eq!(gamble.kind, QuoteMatchKind::Partial);
    assert_eq!(gamble.edits, [TrimmedStart, TrimmedEnd]);
}

#[test]
fn a_few_words_are_not_shared_with_someone_else_or_when_they_are_common() {
    // The same two words in another person's statement are not her quotation.
    let a = "Harbour plan\n\n\
             Mayor Ilse Varga called the harbour plan a “reckless gamble” on Tuesday.";
    let b = "Harbour plan\n\n\
             “Calling it a reckless gamble is unfair to the engineers,” said Tomas Ek, the port director.";
    let (_, _, m) = shared(a, b);
    assert!(m.is_empty(), "{m:?}");
    // A common word ("badly"), or a name in quotes, turns up in any two statements.
    let a = "Harbour plan\n\n\
             Mayor Ilse Varga said she felt “badly” about the vote, and named the “Kessel” route.";
    let b = "Harbour plan\n\n\
             “I feel very badly for the families on the Kessel route,” Mayor Varga said.";
    let (_, _, m) = shared(a, b);
    assert!(m.is_empty(), "{m:?}");
}
