//! Property tests: any two inputs give a well-formed, deterministic comparison.

use parallax::compare::{Comparison, Options, RowKind, compare};
use parallax::corpus::{Article, Meta, Source};
use parallax::text::Span;
use proptest::prelude::*;

fn article(id: &str, text: String) -> Article {
    Article::new(
        id.to_string(),
        Meta {
            title: id.to_string(),
            ..Meta::default()
        },
        Source::Demo {
            name: id.to_string(),
        },
        text,
        None,
    )
}

fn check_span(text: &str, s: Span, what: &str) {
    assert!(
        s.is_valid_in(text),
        "{what}: span {s:?} invalid in a text of {} bytes",
        text.len()
    );
}

fn check(cmp: &Comparison) {
    let (ta, tb) = (&cmp.a.text, &cmp.b.text);
    let (na, nb) = (cmp.a.sentences.len(), cmp.b.sentences.len());
    for s in &cmp.a.sentences {
        check_span(ta, *s, "a sentence");
    }
    for s in &cmp.b.sentences {
        check_span(tb, *s, "b sentence");
    }
    for p in &cmp.alignment {
        assert!(p.a < na && p.b < nb, "alignment index out of range: {p:?}");
        assert!((0.0..=1.0).contains(&p.score), "score out of range: {p:?}");
    }
    for q in &cmp.shared_quotes {
        check_span(ta, q.a, "quote a");
        check_span(tb, q.b, "quote b");
        assert!((0.0..=1.0).contains(&q.score));
    }
    for t in &cmp.loaded_terms {
        let text = if t.side == parallax::compare::Side::A {
            ta
        } else {
            tb
        };
        check_span(text, t.span, "loaded term");
    }
    for f in &cmp.framing {
        assert!(f.a < na && f.b < nb);
        for c in &f.changes {
            assert!(c.a.is_some() || c.b.is_some());
            if let Some(s) = c.a {
                check_span(ta, s, "change a");
            }
            if let Some(s) = c.b {
                check_span(tb, s, "change b");
            }
        }
    }
    // Every sentence of each side appears in exactly one row.
    let mut seen_a = vec![0usize; na];
    let mut seen_b = vec![0usize; nb];
    for r in &cmp.rows {
        for &i in &r.a {
            seen_a[i] += 1;
        }
        for &j in &r.b {
            seen_b[j] += 1;
        }
        match r.kind {
            RowKind::OnlyA => assert!(r.b.is_empty()),
            RowKind::OnlyB => assert!(r.a.is_empty()),
            _ => {}
        }
    }
    assert!(
        seen_a.iter().all(|&n| n == 1),
        "rows do not cover A once: {seen_a:?}"
    );
    assert!(
        seen_b.iter().all(|&n| n == 1),
        "rows do not cover B once: {seen_b:?}"
    );
}

fn text_strategy() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("Russia".to_string()),
        Just("said".to_string()),
        Just("claimed".to_string()),
        Just("“quoted words here”".to_string()),
        Just("'scare'".to_string()),
        Just("U.S.".to_string()),
        Just("regime".to_string()),
        Just("\n\n".to_string()),
        Just(". ".to_string()),
        Just("…".to_string()),
        "[a-zA-Z]{1,9}",
        "\\PC{1,4}",
    ];
    prop::collection::vec(word, 0..80).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_two_texts_compare_to_valid_spans_and_indices(ta in text_strategy(), tb in text_strategy()) {
        let a = article("a", ta);
        let b = article("b", tb);
        let cmp = compare(&a, &b, &Options::default());
        check(&cmp);
        prop_assert_eq!(&cmp, &compare(&a, &b, &Options::default()));
    }

    #[test]
    fn arbitrary_unicode_never_breaks_the_engine(ta in "\\PC{0,300}", tb in "(\\PC|\n){0,300}") {
        let cmp = compare(&article("a", ta), &article("b", tb), &Options::default());
        check(&cmp);
    }
}

#[test]
fn demo_pairs_are_well_formed_both_ways() {
    let lib = parallax::corpus::demo();
    for a in &lib.articles {
        for b in &lib.articles {
            check(&compare(a, b, &Options::default()));
        }
    }
}
