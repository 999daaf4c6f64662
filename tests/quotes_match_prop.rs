//! Property tests: quote matching never panics and returns well-formed, ordered results.

use parallax::compare::quotes::match_quotes;
use parallax::corpus::{Article, Meta, Source};
use proptest::prelude::*;

fn article(id: &str, text: &str) -> Article {
    Article::new(
        id.to_string(),
        Meta::default(),
        Source::Demo {
            name: id.to_string(),
        },
        text.to_string(),
        None,
    )
}

/// Texts from a small vocabulary with quote marks, brackets and ellipses, so that quotations
/// on the two sides often share words.
fn texty() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("the"),
            Just("bridge"),
            Just("will"),
            Just("open"),
            Just("in"),
            Just("spring"),
            Just("river"),
            Just("said"),
            Just("he"),
            Just("mayor"),
            Just("“"),
            Just("”"),
            Just("\""),
            Just("'"),
            Just("‘"),
            Just("’"),
            Just("["),
            Just("]"),
            Just("…"),
            Just("..."),
            Just(","),
            Just("."),
            Just("\n\n"),
            Just("é"),
        ],
        0..120,
    )
    .prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn matching_gives_valid_ordered_results(a in texty(), b in texty()) {
        let (x, y) = (article("a", &a), article("b", &b));
        let m = match_quotes(&x, &y);
        for (k, s) in m.iter().enumerate() {
            prop_assert!(s.a.is_valid_in(&x.text) && s.b.is_valid_in(&y.text));
            prop_assert!(!s.a.is_empty() && !s.b.is_empty());
            prop_assert!((0.0..=1.0).contains(&s.score));
            if k > 0 {
                let p = &m[k - 1];
                prop_assert!((p.a.start, p.b.start) <= (s.a.start, s.b.start));
                prop_assert!((p.a, p.b) != (s.a, s.b));
            }
        }
        prop_assert_eq!(m, match_quotes(&x, &y));
    }
}
