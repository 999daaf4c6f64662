//! Fuzz target: paragraph and sentence segmentation and boilerplate tagging of arbitrary text.
//! Spans must be valid, ordered and nested (each sentence inside its paragraph), and the result
//! must be the same when computed twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::text::{boilerplate, segment};

fuzz_target!(|text: &str| {
    let mut paragraphs = segment::paragraphs(text);
    boilerplate::tag(text, &mut paragraphs);
    let mut end = 0;
    for p in &paragraphs {
        assert!(p.span.is_valid_in(text), "paragraph {:?}", p.span);
        assert!(p.span.start >= end, "paragraphs overlap or are out of order");
        assert!(p.span.start < p.span.end, "empty paragraph {:?}", p.span);
        end = p.span.end;
    }
    let sentences = segment::sentences(text, &paragraphs);
    let mut end = 0;
    for s in &sentences {
        assert!(s.span.is_valid_in(text), "sentence {:?}", s.span);
        assert!(s.span.start >= end, "sentences overlap or are out of order");
        let p = paragraphs.get(s.paragraph).expect("sentence names a paragraph");
        assert!(p.span.contains(&s.span), "sentence outside its paragraph");
        end = s.span.end;
    }
    let mut again = segment::paragraphs(text);
    boilerplate::tag(text, &mut again);
    assert_eq!(paragraphs, again, "segmentation is not deterministic");
});
