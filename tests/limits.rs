//! Limits: files over `--max-file-size` are refused with a clear reason (and a raised limit lets
//! them in), a very long line without breaks loads with sound spans, and thousands of tiny
//! files — many with the same name — all load under unique ids. Timing is measured in
//! `benches/limits.rs`, not here.

use std::path::Path;
use std::process::{Command, Output};

fn parallax(args: &[&std::ffi::OsStr]) -> Output {
    let home = tempfile::tempdir().expect("temp dir");
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("PARALLAX_CONFIG", home.path().join("none.toml"))
        .env("PARALLAX_LIBRARY", home.path().join("library"))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run parallax")
}

fn os<S: AsRef<std::ffi::OsStr> + ?Sized>(s: &S) -> &std::ffi::OsStr {
    s.as_ref()
}

#[test]
fn a_50_mib_file_is_refused_by_the_default_limit_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.txt");
    // A sparse file: 50 MiB long without taking the disk space.
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(50 * 1024 * 1024).expect("set_len");
    drop(f);

    let out = parallax(&[os("list"), big.as_os_str()]);
    assert_eq!(out.status.code(), Some(1), "nothing could be loaded");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("file is too large (50 MiB; the limit is 8 MiB, see --max-file-size)"),
        "{err}"
    );

    let out = parallax(&[os("compare"), big.as_os_str(), os("hoax-denial")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("file is too large"), "{err}");

    // With the limit raised the file is read, and refused for what it holds instead.
    let out = parallax(&[
        os("list"),
        big.as_os_str(),
        os("--max-file-size"),
        os("64MiB"),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("binary file (contains a NUL byte at offset 0)"),
        "{err}"
    );
    assert_eq!(
        std::fs::metadata(&big).expect("metadata").len(),
        50 * 1024 * 1024,
        "the file is untouched"
    );
}

#[test]
fn raising_the_limit_lets_a_large_file_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("long.txt");
    let body: String = (0..500)
        .map(|i| {
            format!("The Defence Ministry said on day {i} that no soldiers were killed there.\n\n")
        })
        .collect();
    std::fs::write(&path, format!("A long report\n\n{body}")).expect("write");
    let size = std::fs::metadata(&path).expect("metadata").len();
    assert!(size > 32 * 1024 && size < 64 * 1024);

    let out = parallax(&[
        os("list"),
        path.as_os_str(),
        os("--max-file-size"),
        os("32K"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the limit is 32 KiB"));

    let out = parallax(&[
        os("list"),
        path.as_os_str(),
        os("--max-file-size"),
        os("64K"),
        os("--format"),
        os("json"),
    ]);
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let words = v["articles"][0]["words"].as_u64().expect("words");
    assert!(words > 5_000, "the whole file was read: {words} words");
}

#[test]
fn a_mebibyte_line_without_breaks_loads_with_sound_spans() {
    let words = [
        "ministry",
        "said",
        "“quoted",
        "words”",
        "the",
        "U.S.",
        "'scare'",
    ];
    let mut text = String::from("Headline\n\n");
    let mut i = 0;
    while text.len() < 1024 * 1024 {
        text.push_str(words[i % words.len()]);
        text.push(' ');
        i += 1;
    }
    let giant_word = "x".repeat(1024 * 1024);
    for t in [text, giant_word] {
        let a = parallax::text::analyse(&t, None);
        assert!(!a.paragraphs.is_empty());
        for p in &a.paragraphs {
            assert!(p.span.is_valid_in(&t));
        }
        for s in &a.sentences {
            assert!(s.span.is_valid_in(&t));
        }
        for q in &a.quotes {
            assert!(q.outer.is_valid_in(&t) && q.inner.is_valid_in(&t));
        }
        assert!(a.tokens.iter().all(|k| k.span.is_valid_in(&t)));
    }
}

fn write_notes(dir: &Path, n: usize, same_name: bool) {
    for i in 0..n {
        let sub = dir.join(format!("{:03}", i % 200)).join(format!("{i}"));
        std::fs::create_dir_all(&sub).expect("mkdir");
        let name = if same_name {
            "index.txt".to_string()
        } else {
            format!("note-{i}.txt")
        };
        std::fs::write(
            sub.join(name),
            format!("Note {i}\n\nThe ministry said on Monday that item {i} was fine.\n"),
        )
        .expect("write");
    }
}

#[test]
fn thousands_of_tiny_files_load_under_unique_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_notes(&dir.path().join("distinct"), 2_000, false);
    write_notes(&dir.path().join("same"), 1_000, true);
    let out = parallax(&[
        os("list"),
        dir.path().as_os_str(),
        os("--format"),
        os("json"),
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let articles = v["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 3_000, "every file loads");
    assert!(v["skipped"].as_array().expect("skipped").is_empty());
    let ids: std::collections::HashSet<&str> =
        articles.iter().filter_map(|a| a["id"].as_str()).collect();
    assert_eq!(ids.len(), 3_000, "ids are unique");
    for n in [2, 500, 1_000] {
        let id = format!("index-{n}");
        assert!(ids.contains(id.as_str()), "{id} is there");
    }
    assert!(ids.contains("index") && !ids.contains("index-1001"));
}

/// Regression for quadratic quote and sentence handling (found by the limits work): long
/// paragraphs packed with quotation marks of every kind. Speaker lookup used to scan to the
/// end of the paragraph for every quote, and the sentence segmenter saw the whole paragraph
/// at once; both now look at a bounded stretch, and the results stay sound.
#[test]
fn paragraphs_packed_with_quotation_marks_analyse_soundly() {
    let n = 16 * 1024;
    let packed = [
        format!("{}{}", "«a ".repeat(n / 2), "›b ".repeat(n / 2)),
        "\"a ".repeat(n),
        "„a ".repeat(n),
        "He said: “a b c d.” ".repeat(n / 8),
        format!("{}{}", "“a ".repeat(n / 2), "b” ".repeat(n / 2)),
    ];
    for t in &packed {
        let a = parallax::text::analyse(t, None);
        for q in &a.quotes {
            assert!(q.outer.is_valid_in(t) && q.outer.contains(&q.inner));
            if let Some(s) = q.speaker {
                assert!(s.is_valid_in(t));
            }
        }
        for s in &a.sentences {
            assert!(s.span.is_valid_in(t));
        }
        assert_eq!(a, parallax::text::analyse(t, None), "deterministic");
    }
    // The speaker of the repeated attributed quotation is found every time.
    let a = parallax::text::analyse(&packed[3], None);
    assert_eq!(a.quotes.len(), n / 8);
    assert!(
        a.quotes
            .iter()
            .all(|q| q.speaker.map(|s| s.slice(&packed[3])) == Some("He"))
            || a.quotes.iter().all(|q| q.speaker.is_none()),
        "speaker lookup is consistent along the paragraph"
    );
}
