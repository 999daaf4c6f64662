//! Quotation extraction: hand-written cases for marks, nesting, paragraphs, recovery,
//! apostrophes, kinds and speakers.

use parallax::text::quotes::{Quote, QuoteKind, extract};
use parallax::text::segment;

fn quotes(text: &str) -> Vec<Quote> {
    extract(text, &segment::paragraphs(text))
}

fn inners(text: &str) -> Vec<&str> {
    quotes(text).iter().map(|q| q.inner.slice(text)).collect()
}

fn speaker(text: &str) -> Option<String> {
    quotes(text)
        .into_iter()
        .find(|q| !q.nested)
        .and_then(|q| q.speaker)
        .map(|s| s.slice(text).to_string())
}

#[test]
fn every_quote_mark_style_is_recognised() {
    let cases = [
        (
            "The mayor called it \"a plain waste of money\" today.",
            "a plain waste of money",
        ),
        (
            "The mayor called it “a plain waste of money” today.",
            "a plain waste of money",
        ),
        (
            "The mayor called it ‘a plain waste of money’ today.",
            "a plain waste of money",
        ),
        (
            "The mayor called it 'a plain waste of money' today.",
            "a plain waste of money",
        ),
        (
            "Le maire parle de « un gaspillage pur et simple » ici.",
            "un gaspillage pur et simple",
        ),
        (
            "Der Bürgermeister nannte es »reine Verschwendung von Geld« heute.",
            "reine Verschwendung von Geld",
        ),
        (
            "Il a dit ‹ un vrai gaspillage › hier.",
            "un vrai gaspillage",
        ),
        (
            "Er nannte es „reine Verschwendung von Geld“ heute.",
            "reine Verschwendung von Geld",
        ),
        (
            "Hij noemde het „pure geldverspilling van de stad” vandaag.",
            "pure geldverspilling van de stad",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(inners(text), [want], "in {text:?}");
        let q = &quotes(text)[0];
        assert!(q.outer.contains(&q.inner) && q.outer.len() > q.inner.len());
    }
}

#[test]
fn nested_single_inside_double_records_both() {
    let text = "“If they call these strikes ‘accidents’ we will respond,” the colonel said.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 2);
    assert_eq!(
        qs[0].inner.slice(text),
        "If they call these strikes ‘accidents’ we will respond"
    );
    assert_eq!(qs[0].kind, QuoteKind::Quotation);
    assert!(!qs[0].nested);
    assert_eq!(qs[1].inner.slice(text), "accidents");
    assert_eq!(qs[1].kind, QuoteKind::ScareQuote);
    assert!(qs[1].nested);
    assert!(qs[0].inner.contains(&qs[1].outer));
    assert_eq!(qs[0].speaker.map(|s| s.slice(text)), Some("the colonel"));
}

#[test]
fn multi_paragraph_quotation_is_one_quote_across_paragraphs() {
    let text = "The minister spoke at length.\n\n\
                “We will rebuild every bridge in the valley.\n\n\
                “We will also rebuild the schools before winter,” she said.\n\n\
                Nobody applauded.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1, "{qs:?}");
    let inner = qs[0].inner.slice(text);
    assert!(inner.starts_with("We will rebuild every bridge"));
    assert!(inner.ends_with("before winter"));
    assert!(inner.contains("\n\n“We will also"));
    assert_eq!(qs[0].words, 16);
    assert_eq!(qs[0].paragraph, 1);
}

#[test]
fn unclosed_quote_ends_at_its_paragraph_when_the_next_does_not_reopen() {
    let text = "He said “the bridge will open in the spring\n\nThe council disagreed with him.";
    let qs = quotes(text);
    assert_eq!(inners(text), ["the bridge will open in the spring"]);
    assert_eq!(qs[0].outer.end, text.find("\n\n").unwrap_or(0));
}

#[test]
fn unclosed_quote_followed_by_a_new_opening_mark_ends_before_it() {
    let text = "He said “the bridge will open soon. Then she said “no, it will not open” loudly.";
    assert_eq!(
        inners(text),
        ["the bridge will open soon.", "no, it will not open"]
    );
}

#[test]
fn stray_closing_mark_is_ignored() {
    let text = "The bridge will open soon,” the mayor said. Critics called it “a fantasy” again.";
    assert_eq!(inners(text), ["a fantasy"]);
    let text = "It was a deal.\" Then \"the town agreed\" to it.";
    assert_eq!(inners(text), ["the town agreed"]);
}

#[test]
fn apostrophes_are_not_quote_marks() {
    for text in [
        "They don't know and it's late.",
        "They don’t know and it’s late.",
        "The ISIS’ territory shrank, and the soldiers’ morale fell.",
        "Music from the ’90s and rock ’n’ roll filled O’Brien’s bar.",
        "Music from the '90s and rock 'n' roll filled O'Brien's bar.",
        "Tell ’em we’re coming ’round soon.",
    ] {
        assert_eq!(inners(text), Vec::<&str>::new(), "in {text:?}");
    }
}

#[test]
fn trailing_s_apostrophe_closes_an_open_single_quote() {
    let text = "He called it ‘a gift to the generals’ and left.";
    assert_eq!(inners(text), ["a gift to the generals"]);
    // A possessive inside a single-quoted phrase does not end the phrase early when another
    // mark closes it after the next word.
    let text = "They blamed ‘the rebels’ and the villages’ elders.";
    assert_eq!(inners(text), ["the rebels"]);
}

#[test]
fn apostrophe_inside_a_quotation_does_not_split_it() {
    let text = "“We don’t accept O’Brien’s figures,” she said.";
    assert_eq!(inners(text), ["We don’t accept O’Brien’s figures"]);
}

#[test]
fn kind_follows_the_word_count() {
    let text = "They called it 'deconfliction', a \"civilian employee\" and “a very bad idea” then \
                ‘not one single thing at all’.";
    let qs = quotes(text);
    let got: Vec<_> = qs.iter().map(|q| (q.words, q.kind)).collect();
    use QuoteKind::*;
    assert_eq!(
        got,
        [
            (1, ScareQuote),
            (2, ScareQuote),
            (4, Quotation),
            (6, Quotation)
        ]
    );
}

#[test]
fn empty_or_wordless_quotes_are_not_quotes() {
    assert!(quotes("He typed “” and then “ … ” and stopped.").is_empty());
}

#[test]
fn speakers_from_attributions() {
    let cases: [(&str, Option<&str>); 10] = [
        (
            "“The roads are closed until further notice,” the ministry said.",
            Some("the ministry"),
        ),
        (
            "“The roads are closed until further notice,” Regional transport spokesman Anna Berg said on Monday.",
            Some("Anna Berg"),
        ),
        (
            "“The roads are closed until further notice,” said Col. Peter Holm of the army.",
            Some("Col. Peter Holm"),
        ),
        (
            "“The roads are closed until further notice,” said the ministry in a statement.",
            Some("the ministry"),
        ),
        (
            "Mayor Lena Ek said: “The roads are closed until further notice.”",
            Some("Mayor Lena Ek"),
        ),
        (
            "According to the agency, “the roads are closed until further notice.”",
            Some("the agency"),
        ),
        (
            "“The roads are closed until further notice,” he said.",
            None,
        ),
        (
            "Officials were told that “the roads are closed until further notice” today.",
            None,
        ),
        (
            "“The roads are closed until further notice.” The ministry said more later.",
            None,
        ),
        (
            "“The roads are closed until further notice,” a spokeswoman told reporters.",
            Some("a spokeswoman"),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(speaker(text).as_deref(), want, "in {text:?}");
    }
}

#[test]
fn quotes_in_every_paragraph_are_found_and_name_their_paragraph() {
    let text = "Headline with a “scare” word\n\nBody text says \"more words right here\" ok.\n\n\
                Subscribe to our “daily digest” now";
    let qs = quotes(text);
    let got: Vec<_> = qs
        .iter()
        .map(|q| (q.inner.slice(text), q.paragraph))
        .collect();
    assert_eq!(
        got,
        [
            ("scare", 0),
            ("more words right here", 1),
            ("daily digest", 2)
        ]
    );
}

#[test]
fn bad_paragraph_spans_are_skipped_not_trusted() {
    use parallax::text::{Paragraph, ParagraphRole, Span};
    let text = "It was “fine” — “really fine”.";
    let paras = [
        Paragraph {
            span: Span::new(0, 999),
            role: ParagraphRole::Body,
        },
        Paragraph {
            span: Span::new(0, text.len()),
            role: ParagraphRole::Body,
        },
    ];
    let qs = extract(text, &paras);
    assert_eq!(qs.len(), 2);
    assert!(qs.iter().all(|q| q.paragraph == 1));
    // No paragraphs at all: the whole text is one paragraph.
    assert_eq!(extract(text, &[]).len(), 2);
}

#[test]
fn straight_double_quotes_nested_in_straight_double_quotes() {
    let text = "\"By dodging the vote she once called a \"gold standard,\" the senator shows why \
                nobody trusts her,\" the spokesman said.";
    let qs = quotes(text);
    let got: Vec<_> = qs.iter().map(|q| (q.inner.slice(text), q.nested)).collect();
    assert_eq!(
        got,
        [
            (
                "By dodging the vote she once called a \"gold standard,\" the senator shows why \
                 nobody trusts her",
                false
            ),
            ("gold standard", true),
        ]
    );
    assert_eq!(qs[0].speaker.map(|s| s.slice(text)), Some("the spokesman"));
}

#[test]
fn an_unclosed_quote_never_ends_inside_a_quote_it_contains() {
    let text = "He said “the ‘plan. It’ works and “the town agrees” with him.";
    let qs = quotes(text);
    for q in &qs {
        for o in &qs {
            assert!(
                !o.outer.overlaps(&q.outer)
                    || o.outer.contains(&q.outer)
                    || q.outer.contains(&o.outer)
            );
        }
    }
    assert!(qs.iter().any(|q| q.inner.slice(text) == "the town agrees"));
}
