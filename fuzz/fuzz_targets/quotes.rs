//! Fuzz target: quotation extraction from arbitrary text. Every quote's spans (outer, inner,
//! speaker) must be valid in the text, the inner span inside the outer one, its paragraph index
//! in range, and the result the same when
//! computed twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::text::{quotes, segment};

fuzz_target!(|text: &str| {
    let paragraphs = segment::paragraphs(text);
    let found = quotes::extract(text, &paragraphs);
    for q in &found {
        assert!(q.outer.is_valid_in(text), "quote {:?}", q.outer);
        assert!(q.inner.is_valid_in(text), "quote inner {:?}", q.inner);
        assert!(q.outer.contains(&q.inner), "inner span outside the quote: {q:?}");
        if let Some(sp) = q.speaker {
            assert!(sp.is_valid_in(text), "speaker {sp:?}");
        }
        assert!(q.paragraph < paragraphs.len(), "paragraph index out of range");
    }
    assert_eq!(found, quotes::extract(text, &paragraphs), "not deterministic");
});
