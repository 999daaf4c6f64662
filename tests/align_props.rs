//! Properties of the alignment over arbitrary inputs: indices in range, pairs sorted, scores in
//! `[0, 1]`, rows covering every sentence of both articles exactly once, determinism.

use parallax::compare::align::align;
use parallax::compare::{Options, RowKind};
use parallax::corpus::{self, Article, Meta, Source};
use proptest::prelude::*;

fn article(id: &str, text: String) -> Article {
    let title = corpus::first_headline_line(&text);
    Article::new(
        id.to_string(),
        Meta::default(),
        Source::Demo {
            name: id.to_string(),
        },
        text,
        title,
    )
}

const WORDS: &[&str] = &[
    "the",
    "ministry",
    "said",
    "claimed",
    "Moscow",
    "ISIS",
    "convoy",
    "42",
    "of",
    "drone",
    "Skip to main content",
    "Related Articles",
    "«",
    "“",
    "é",
    "Abu",
    "Kamal",
    "and",
    "2017",
];

/// Texts made of paragraphs of words from a small vocabulary (so that sentences repeat and
/// resemble each other), with arbitrary unicode sprinkled in.
fn text() -> impl Strategy<Value = String> {
    let para = prop_oneof![
        4 => prop::collection::vec(prop::sample::select(WORDS), 0..12).prop_map(|w| w.join(" ")),
        1 => ".{0,40}",
    ];
    prop::collection::vec(para, 0..14).prop_map(|ps| ps.join("\n\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn alignment_is_well_formed(ta in text(), tb in text(), min_score in 0.0f64..1.0) {
        let a = article("a", ta);
        let b = article("b", tb);
        let opts = Options { min_score, ..Options::default() };
        let al = align(&a, &b, &opts);
        let (na, nb) = (a.analysis.sentences.len(), b.analysis.sentences.len());
        for w in al.pairs.windows(2) {
            prop_assert!((w[0].a, w[0].b) < (w[1].a, w[1].b), "pairs not sorted: {:?}", al.pairs);
        }
        for p in &al.pairs {
            prop_assert!(p.a < na && p.b < nb);
            prop_assert!((0.0..=1.0).contains(&p.score));
            prop_assert!(a.analysis.sentence_role(p.a).is_compared());
            prop_assert!(b.analysis.sentence_role(p.b).is_compared());
        }
        prop_assert!((0.0..=1.0).contains(&al.similarity));
        let mut seen_a = vec![0; na];
        let mut seen_b = vec![0; nb];
        for r in &al.rows {
            prop_assert!(!r.a.is_empty() || !r.b.is_empty());
            for &i in &r.a { prop_assert!(i < na); seen_a[i] += 1; }
            for &j in &r.b { prop_assert!(j < nb); seen_b[j] += 1; }
            match r.kind {
                RowKind::Aligned | RowKind::Moved => {
                    prop_assert!(r.score.is_some_and(|s| (0.0..=1.0).contains(&s)));
                    for &i in &r.a {
                        for &j in &r.b {
                            prop_assert!(al.pairs.iter().any(|p| p.a == i && p.b == j));
                        }
                    }
                }
                RowKind::OnlyA => prop_assert!(r.b.is_empty()),
                RowKind::OnlyB => prop_assert!(r.a.is_empty()),
                RowKind::Excluded => prop_assert!(r.a.len() + r.b.len() == 1),
            }
        }
        prop_assert!(seen_a.iter().all(|&c| c == 1), "A coverage {seen_a:?}");
        prop_assert!(seen_b.iter().all(|&c| c == 1), "B coverage {seen_b:?}");
        // Every aligned pair appears in a row.
        for p in &al.pairs {
            prop_assert!(al.rows.iter().any(|r| r.a.contains(&p.a) && r.b.contains(&p.b)));
        }
        prop_assert_eq!(align(&a, &b, &opts), al);
    }
}
