//! Fuzz target: raw bytes through the loaders of every format (`.txt`, `.md`, `.json`,
//! `.jsonl`, `.html`, `.rss`, `.xml`), as if read from a file of that type. Loading must never panic, every article's
//! spans must lie on character boundaries of its text, and every article must come out with
//! a non-empty id, unique once settled; everything printed from it must be free of control characters once
//! sanitised.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use parallax::corpus::{Library, feed, html, json, markdown, read, txt};
use parallax::text::sanitize::sanitize_line;

fn check(lib: &Library) {
    for a in &lib.articles {
        assert!(!a.id.is_empty(), "empty id");
        let t = &a.text;
        for p in &a.analysis.paragraphs {
            assert!(p.span.is_valid_in(t), "paragraph {:?}", p.span);
        }
        for s in &a.analysis.sentences {
            assert!(s.span.is_valid_in(t), "sentence {:?}", s.span);
        }
        for k in &a.analysis.tokens {
            assert!(k.span.is_valid_in(t), "token {:?}", k.span);
        }
        for q in &a.analysis.quotes {
            assert!(q.outer.is_valid_in(t), "quote {:?}", q.outer);
        }
        for field in [Some(&a.title), a.outlet.as_ref(), a.author.as_ref()]
            .into_iter()
            .flatten()
        {
            let shown = sanitize_line(field);
            assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
        }
    }
    for s in &lib.skipped {
        assert!(!s.reason.to_string().is_empty());
    }
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the format, the rest is the file's content.
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = read::check_bytes(bytes.to_vec()) else {
        return;
    };
    let mut lib = Library::default();
    match which % 7 {
        0 => txt::load(Path::new("fuzz.txt"), text, &mut lib),
        1 => markdown::load(Path::new("fuzz.md"), text, &mut lib),
        2 => json::load_json(Path::new("fuzz.json"), &text, &mut lib),
        3 => json::load_jsonl(Path::new("fuzz.jsonl"), &text, &mut lib),
        4 => html::load(Path::new("fuzz.html"), text, &mut lib),
        5 => feed::load(Path::new("fuzz.rss"), &text, &mut lib),
        _ => feed::load_xml(Path::new("fuzz.xml"), &text, &mut lib),
    }
    lib.make_ids_unique();
    let ids: std::collections::HashSet<&str> = lib.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), lib.articles.len(), "ids are not unique");
    assert!(
        !lib.articles.is_empty() || !lib.skipped.is_empty(),
        "a file vanished without an article or a reason"
    );
    check(&lib);
});
