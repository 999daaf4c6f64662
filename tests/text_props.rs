//! Property tests: arbitrary text never panics the text model, every span is valid and in
//! order, the analysis is deterministic, and sanitised output never carries terminal control
//! characters (also through the offset-keeping and cell-safe variants the reader uses, and the
//! JSON report's escaping).

use parallax::text::{analyse, sanitize, segment};
use proptest::prelude::*;

/// Text built from pieces that stress segmentation: words, dots, quotes, line breaks,
/// abbreviations, multi-byte characters and control characters.
fn article_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,8}",
        Just(" ".to_string()),
        Just(". ".to_string()),
        Just(".".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("U.S. ".to_string()),
        Just("Mr. ".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("’".to_string()),
        Just("…".to_string()),
        Just("?! ".to_string()),
        Just("1. ".to_string()),
        Just("\u{a0}".to_string()),
        Just("\r\n".to_string()),
        Just("Related Articles\n\n".to_string()),
        Just("2 Comments\n\n".to_string()),
        "\\PC{1,4}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn check_analysis(text: &str) {
    let an = analyse(text, None);
    assert_eq!(an, analyse(text, None), "analysis is deterministic");
    for q in &an.quotes {
        assert!(q.outer.is_valid_in(text) && q.inner.is_valid_in(text));
        assert!(q.outer.contains(&q.inner));
        assert!(q.paragraph < an.paragraphs.len());
        if let Some(sp) = q.speaker {
            assert!(sp.is_valid_in(text));
        }
    }
    let mut last = 0;
    for p in &an.paragraphs {
        assert!(p.span.is_valid_in(text));
        assert!(!p.span.is_empty());
        assert!(p.span.start >= last);
        last = p.span.end;
        let s = p.span.slice(text);
        assert_eq!(s, s.trim());
    }
    let mut last = 0;
    for s in &an.sentences {
        assert!(s.span.is_valid_in(text));
        assert!(!s.span.is_empty());
        assert!(s.span.start >= last);
        last = s.span.end;
        let para = an
            .paragraphs
            .get(s.paragraph)
            .expect("sentence paragraph exists");
        assert!(para.span.contains(&s.span));
        let t = s.span.slice(text);
        assert_eq!(t, t.trim());
    }
    for t in &an.tokens {
        assert!(t.span.is_valid_in(text));
    }
    // Direct calls agree with the pipeline.
    let ps = segment::paragraphs(text);
    assert_eq!(ps.len(), an.paragraphs.len());
    assert_eq!(segment::sentences(text, &ps).len(), an.sentences.len());
}

fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// News-like text for segmentation: words, abbreviations of every group, quotation marks of
/// every style, terminal punctuation, list markers and bullets.
fn news_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,8}",
        "[A-Z]",
        "[0-9]{1,3}",
        prop::sample::select(vec![
            " ", " ", " ", ". ", ".", "? ", "! ", "?” ", "!” ", ".” ", ",” ", "“", "”", "\"", "'",
            "‘", "’", "(", ")", "[", "]", "...", "…", ". . . ", "\n", "\n\n", "Mr. ", "Ms. ",
            "Gen. ", "Sen. ", "R-S.C. ", "D-N.Y., ", "Calif. ", "a.m. ", "p.m. ", "U.S. ", "E.U.",
            "No. ", "Jan. ", "Jr. ", "e.g. ", "J.R.R. ", "1. ", "2) ", "a. ", "• ", "⁃", " said",
            " asked", "The ", "He ", "I ", "é", "漢",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// Segmentation loses and reorders nothing: inside each paragraph, the sentences and the
/// whitespace between them give back the paragraph exactly.
/// Whitespace, or the invisible zero-width no-break space (a stray byte-order mark), which the
/// segmenter may leave between sentences like whitespace.
fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

fn check_lossless(text: &str) {
    let ps = segment::paragraphs(text);
    let sentences = segment::sentences(text, &ps);
    for (pi, p) in ps.iter().enumerate() {
        let mut at = p.span.start;
        for s in sentences.iter().filter(|s| s.paragraph == pi) {
            assert!(s.span.start >= at, "sentences out of order in {text:?}");
            let gap = &text[at..s.span.start];
            assert!(is_blank(gap), "text {gap:?} lost from {text:?}");
            at = s.span.end;
        }
        assert!(
            is_blank(&text[at..p.span.end]),
            "paragraph end lost in {text:?}"
        );
    }
    let non_space: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
        .collect();
    let kept: String = sentences
        .iter()
        .flat_map(|s| s.span.slice(text).chars())
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
        .collect();
    assert_eq!(kept, non_space, "sentences do not give back the text");
}

proptest! {
    #[test]
    fn analyse_never_panics_and_spans_are_sound(text in article_like()) {
        check_analysis(&text);
    }

    #[test]
    fn segmentation_never_loses_or_reorders_text(text in news_like()) {
        check_lossless(&text);
    }

    #[test]
    fn segmentation_of_any_text_is_lossless(text in article_like()) {
        check_lossless(&text);
    }

    #[test]
    fn analyse_arbitrary_unicode(text in "\\PC*|.*") {
        check_analysis(&text);
    }

    #[test]
    fn sanitize_output_has_no_controls(text in prop::collection::vec(
        prop_oneof![
            any::<char>(),
            prop::char::range('\u{0}', '\u{a0}'),
            prop::sample::select(vec!['\u{1b}', '[', ']', '\\', '\u{7}', '\u{9b}', '\u{9d}', '\u{9c}', '\u{202e}', '\u{2066}', '\u{200f}', '\r', '\n']),
        ],
        0..80,
    ).prop_map(|v| v.into_iter().collect::<String>())) {
        let out = sanitize::sanitize(&text);
        prop_assert!(!out.chars().any(is_forbidden), "{:?} -> {:?}", text, out);
        let line = sanitize::sanitize_line(&text);
        prop_assert!(!line.chars().any(|c| is_forbidden(c) || c == '\n' || c == '\t'));
        // The reader's variants: the same characters, offsets on char boundaries in order.
        let mapped = sanitize::sanitize_mapped(&text);
        prop_assert_eq!(mapped.iter().map(|&(_, c)| c).collect::<String>(), out);
        let mut last = 0;
        for &(at, _) in &mapped {
            prop_assert!(text.is_char_boundary(at) && at < text.len().max(1) && at >= last);
            last = at;
        }
        let cells = sanitize::sanitize_cells(&text);
        prop_assert!(!cells.chars().any(is_forbidden));
        // JSON escaping of the raw text parses back to it and carries no live control.
        let json = parallax::report::json::escape_terminal_controls(
            &serde_json::to_string(&text).expect("serialise"),
        );
        prop_assert!(!json.chars().any(is_forbidden));
        let back: String = serde_json::from_str(&json).expect("parse");
        prop_assert_eq!(back, text);
    }

    #[test]
    fn cell_safe_text_is_as_wide_as_its_characters(text in prop::collection::vec(
        prop_oneof![
            "\\PC{1,3}",
            prop::sample::select(vec![
                "\u{1f469}\u{200d}\u{1f467}", "\u{1f44d}\u{1f3fd}", "\u{2764}\u{fe0f}",
                "\u{1f1fa}\u{1f1e6}", "e\u{301}", "漢", "\u{200d}", "\u{fe0f}", "한",
            ]).prop_map(|s: &str| s.to_string()),
        ],
        0..30,
    ).prop_map(|v| v.concat())) {
        use unicode_segmentation::UnicodeSegmentation;
        use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
        // Every cluster is as wide as a terminal drawing it char by char makes it, and holds
        // at most one character that takes a cell.
        let cells = sanitize::sanitize_cells(&text);
        for g in cells.graphemes(true).filter(|g| !g.contains(['\n', '\t'])) {
            let summed: usize = g.chars().map(|c| c.width().unwrap_or(0)).sum();
            prop_assert_eq!(g.width(), summed, "{:?}", g);
            prop_assert!(g.chars().filter(|c| c.width().unwrap_or(0) > 0).count() <= 1, "{:?}", g);
        }
    }

    #[test]
    fn sanitize_keeps_ordinary_text(text in "[\\p{L}\\p{N}\\p{P} \n]*") {
        prop_assert_eq!(sanitize::sanitize(&text), text);
    }
}

/// A case proptest found: a stray byte-order mark between two sentences is left between them,
/// like whitespace, and no visible text is lost.
#[test]
fn a_stray_byte_order_mark_between_sentences_loses_no_text() {
    check_lossless("U.S. \u{feff}\r\nU.S. ");
}
