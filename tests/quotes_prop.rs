//! Property tests: quotation extraction never panics and always returns well-formed spans and
//! word counts.

use parallax::text::quotes::{count_words, extract};
use parallax::text::segment;
use proptest::prelude::*;

fn check(text: &str) {
    let paras = segment::paragraphs(text);
    let qs = extract(text, &paras);
    for (i, q) in qs.iter().enumerate() {
        assert!(q.outer.is_valid_in(text) && q.inner.is_valid_in(text));
        assert!(q.outer.contains(&q.inner), "inner inside outer");
        assert!(!q.inner.is_empty() && q.words > 0);
        assert_eq!(
            q.words,
            count_words(q.inner.slice(text)),
            "a quote's word count is that of its inner text alone"
        );
        if let Some(s) = q.speaker {
            assert!(s.is_valid_in(text) && !s.is_empty());
            assert!(!s.overlaps(&q.outer));
        }
        if i > 0 {
            let p = &qs[i - 1];
            assert!(p.outer.start <= q.outer.start, "sorted");
        }
        for o in &qs[..i] {
            assert!(
                !o.outer.overlaps(&q.outer)
                    || o.inner.contains(&q.outer)
                    || q.inner.contains(&o.outer),
                "quotes nest or are disjoint"
            );
        }
        assert_eq!(
            q.nested,
            qs.iter()
                .any(|o| o.outer != q.outer && o.inner.contains(&q.outer))
        );
    }
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn quote_heavy_text_gives_valid_nested_spans(
        text in "([a-zA-Z]{1,6}|[ \n,.:;!?()\\[\\]]|\n\n|[\"'“”‘’„‚«»‹›]|é|…){0,80}"
    ) {
        check(&text);
    }
}
