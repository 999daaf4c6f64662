//! Fuzz target: comparing two arbitrary texts (the input split at its first NUL), then
//! rendering the comparison in every report format. Spans and alignment indices must be valid,
//! the comparison deterministic, and no report may carry an escape sequence or other control
//! character to the terminal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::compare::{Options, Side, compare};
use parallax::corpus::{Article, Meta, Source};
use parallax::report::{Format, render};

fn article(id: &str, text: &str) -> Article {
    Article::new(
        id.to_string(),
        Meta {
            // Hostile metadata travels with the text: titles and outlets are printed too.
            title: text.lines().next().unwrap_or_default().to_string(),
            outlet: Some(text.chars().rev().take(20).collect()),
            ..Meta::default()
        },
        Source::Demo {
            name: id.to_string(),
        },
        text.to_string(),
        None,
    )
}

/// True for a character that must never reach a terminal from a report.
fn live_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fuzz_target!(|data: &str| {
    let (ta, tb) = data.split_once('\0').unwrap_or((data, data));
    let (a, b) = (article("a", ta), article("b", tb));
    // Built once per process: the options hold the bundled lexicon.
    static OPTIONS: std::sync::OnceLock<Options> = std::sync::OnceLock::new();
    let opts = OPTIONS.get_or_init(Options::default);
    let cmp = compare(&a, &b, opts);
    let (na, nb) = (cmp.a.sentences.len(), cmp.b.sentences.len());
    for s in &cmp.a.sentences {
        assert!(s.is_valid_in(&cmp.a.text));
    }
    for s in &cmp.b.sentences {
        assert!(s.is_valid_in(&cmp.b.text));
    }
    for p in &cmp.alignment {
        assert!(p.a < na && p.b < nb, "alignment index out of range: {p:?}");
        assert!((0.0..=1.0).contains(&p.score), "score out of range: {p:?}");
    }
    for q in &cmp.shared_quotes {
        assert!(q.a.is_valid_in(&cmp.a.text) && q.b.is_valid_in(&cmp.b.text));
    }
    for t in &cmp.loaded_terms {
        let text = if t.side == Side::A { &cmp.a.text } else { &cmp.b.text };
        assert!(t.span.is_valid_in(text), "loaded term {:?}", t.span);
    }
    for f in &cmp.framing {
        assert!(f.a < na && f.b < nb, "framing index out of range");
    }
    assert_eq!(cmp, compare(&a, &b, opts), "not deterministic");
    for format in [Format::Text, Format::Markdown, Format::Json, Format::Html] {
        let out = render(&cmp, format);
        if let Some(c) = out.chars().find(|&c| live_control(c)) {
            panic!("{format:?} report carries {c:?}");
        }
    }
});
