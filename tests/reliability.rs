//! Regression tests for hostile inputs found in an adversarial pass: deep markup, quadratic
//! paths, files that are not files, escape sequences in usage errors, encodings, ids and
//! words hidden in escape sequences. Inputs are generated here; speed is measured in
//! `benches/limits.rs`, never asserted.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

fn parallax_in(dir: &Path, args: &[&str], config: &Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.args(args)
        .current_dir(dir)
        .env("PARALLAX_CONFIG", config)
        .env("PARALLAX_LIBRARY", dir.join("saved-library"))
        .stdin(Stdio::null());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(cmd.output().expect("run parallax"));
    });
    // A hang is a failure, not a stuck test run.
    rx.recv_timeout(Duration::from_secs(120))
        .unwrap_or_else(|_| panic!("parallax {args:?} did not finish"))
}

fn parallax(dir: &Path, args: &[&str]) -> Output {
    parallax_in(dir, args, &dir.join("no-config.toml"))
}

const WORDS: &str = "The ministry said on Monday that the convoy was hit near the border, \
                     officials reported, and that an inquiry would follow within the week. ";

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn deeply_nested_pages_and_feed_entries_load_next_to_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let body = WORDS.repeat(3);
    let divs = format!(
        "<html><body>{}<p>{body}</p>{}</body></html>",
        "<div>".repeat(16_000),
        "</div>".repeat(16_000)
    );
    std::fs::write(d.join("divs.html"), &divs).unwrap();
    std::fs::write(
        d.join("tables.html"),
        format!("<body>{}{body}", "<table><tr><td>".repeat(30_000)),
    )
    .unwrap();
    std::fs::write(
        d.join("bold.html"),
        format!("<body>{}{body}", "<b>".repeat(200_000)),
    )
    .unwrap();
    let escaped = divs
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    std::fs::write(
        d.join("feed.rss"),
        format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><item>\
             <title>Deep</title><description>{escaped}</description></item></channel></rss>"
        ),
    )
    .unwrap();
    std::fs::write(d.join("plain.txt"), format!("Plain\n\n{body}\n")).unwrap();
    let out = parallax(d, &["list", "--format", "json", "."]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["bold", "divs", "feed-1", "plain", "tables"], "{v}");
    for a in v["articles"].as_array().unwrap() {
        assert!(a["words"].as_u64().unwrap() >= 40, "the text survives: {a}");
    }
}

#[test]
fn many_short_paragraphs_and_quote_heavy_texts_compare() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Many paragraphs against a tiny partner.
    std::fs::write(
        d.join("paras.txt"),
        format!("T\n\n{}", "a\n\n".repeat(100_000)),
    )
    .unwrap();
    std::fs::write(d.join("tiny.txt"), "Tiny\n\nThe minister said hello.\n").unwrap();
    let out = parallax(d, &["compare", "paras.txt", "tiny.txt", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Thousands of identical quotations on each side: every one is paired, none is lost.
    let quotes = |n: usize| {
        format!(
            "Quotes\n\n{}",
            "He said “we will hold the line here”. ".repeat(n)
        )
    };
    std::fs::write(d.join("qa.txt"), quotes(4000)).unwrap();
    std::fs::write(d.join("qb.txt"), quotes(3000)).unwrap();
    let out = parallax(d, &["compare", "qa.txt", "qb.txt", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let shared = v["shared_quotes"].as_array().unwrap();
    // Each B quotation gets the first A copy, and each A copy the first B copy.
    assert_eq!(shared.len(), 4000 + 3000 - 1);
    assert!(shared.iter().all(|q| q["kind"] == "exact"));
    assert!(v.get("limits").is_none(), "{:?}", v.get("limits"));
}

#[test]
fn list_cuts_long_cells_instead_of_padding_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let long = "O".repeat(1_000_000);
    std::fs::write(
        d.join("big.json"),
        serde_json::json!({"title": long, "outlet": long, "date": long, "text": WORDS}).to_string(),
    )
    .unwrap();
    for i in 0..200 {
        std::fs::write(
            d.join(format!("n{i}.txt")),
            format!("Note {i}\n\n{WORDS}\n"),
        )
        .unwrap();
    }
    for args in [&["list", "."][..], &["list", "--stories", "."][..]] {
        let out = parallax(d, args);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            out.stdout.len() < 200_000,
            "{args:?}: {} bytes of output",
            out.stdout.len()
        );
        let text = stdout(&out);
        assert!(text.contains("OOOO…"), "cut with an ellipsis");
    }
}

#[test]
#[cfg(unix)]
fn config_files_that_are_devices_pipes_or_huge_are_reported_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fifo = d.join("fifo.toml");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo on a path we own.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let huge = d.join("huge.toml");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(64 * 1024 * 1024)
        .unwrap();
    let cases = [
        (
            Path::new("/dev/zero"),
            "not a regular file (a character device)",
        ),
        (
            Path::new("/dev/urandom"),
            "not a regular file (a character device)",
        ),
        (fifo.as_path(), "not a regular file (a named pipe)"),
        (
            huge.as_path(),
            "too large for a config file (64 MiB; the limit is 1 MiB)",
        ),
    ];
    for (config, want) in cases {
        let out = parallax_in(d, &["compare", "hoax-denial", "airstrike-200"], config);
        assert!(out.status.success(), "{config:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(want), "{config:?}: {}", stderr(&out));
    }
}

#[test]
#[cfg(unix)]
fn a_file_swapped_for_a_pipe_after_the_walk_is_skipped_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), format!("A\n\n{WORDS}")).unwrap();
    std::fs::write(d.join("b.txt"), format!("B\n\n{WORDS}")).unwrap();
    let items = parallax::corpus::walk::plan(&[d.to_path_buf()]);
    std::fs::remove_file(d.join("b.txt")).unwrap();
    let c = std::ffi::CString::new(d.join("b.txt").to_str().unwrap()).unwrap();
    // SAFETY: mkfifo on a path we own.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let lib = parallax::corpus::walk::run(&items, &Default::default(), &|_, _| {});
        let _ = tx.send(lib);
    });
    let lib = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("loading never waits on a pipe");
    assert_eq!(lib.articles.len(), 1);
    assert_eq!(lib.skipped.len(), 1);
    assert_eq!(
        lib.skipped[0].reason.to_string(),
        "not a regular file (a named pipe)"
    );
}

#[test]
fn usage_errors_never_echo_escape_sequences() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["compare", "a", "b", "--format", "\u{1b}]0;owned\u{7}"][..],
        &["list", "--max-file-size", "\u{1b}]52;c;SGVsbG8=\u{7}"][..],
        &["list", "--\u{1b}[31mflag"][..],
    ] {
        let out = parallax(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains("error:"), "{err}");
        assert!(
            !err.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {err:?}"
        );
    }
}

#[test]
fn utf16_files_with_a_byte_order_mark_load() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = format!("Wide report\n\n{WORDS}“Quoted words”, café.\n");
    let le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    std::fs::write(d.join("le.txt"), &le).unwrap();
    std::fs::write(d.join("be.md"), &be).unwrap();
    std::fs::write(d.join("nobom.txt"), &le[2..]).unwrap();
    let out = parallax(d, &["list", "--format", "json", "."]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let titles: Vec<&str> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Wide report", "Wide report"]);
    let reason = v["skipped"][0]["reason"].as_str().unwrap();
    assert!(
        reason.contains("UTF-16 text (little-endian) without a byte-order mark"),
        "{reason}"
    );
}

#[test]
fn an_xml_feed_with_an_internal_dtd_subset_loads() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let feed = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n  <!ENTITY nbsp \"&#160;\">\n]>\n\
         <rss version=\"2.0\"><channel><title>Wire</title><item><title>Strike denied</title>\
         <description>{WORDS}</description></item></channel></rss>\n"
    );
    std::fs::write(d.join("feed.xml"), feed).unwrap();
    let out = parallax(d, &["list", "feed.xml"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Strike denied"));
}

#[test]
fn an_id_wins_over_a_same_named_file_in_the_current_directory() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let lib = d.join("lib");
    std::fs::create_dir(&lib).unwrap();
    std::fs::write(lib.join("story.txt"), format!("Library story\n\n{WORDS}")).unwrap();
    std::fs::write(lib.join("other.txt"), format!("Other story\n\n{WORDS}")).unwrap();
    // A file named like the id, where the command runs.
    std::fs::write(d.join("story"), "not an article").unwrap();
    let out = parallax(d, &["compare", "story", "other", "--in", "lib"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Library story"));
}

#[test]
fn words_inside_escape_sequences_are_not_terms() {
    let lib = parallax::corpus::demo();
    let hidden = format!(
        "{}\n\n{}",
        lib.articles[3].text,
        "\u{1b}]0;Zyzzogeton Quagswagging Zyzzogeton\u{7}".repeat(30)
    );
    let a = parallax::corpus::Article::new(
        "a".into(),
        Default::default(),
        parallax::corpus::Source::Demo { name: "a".into() },
        hidden,
        None,
    );
    assert!(!a.analysis.tokens.iter().any(|t| t.norm == "zyzzogeton"));
    let cmp = parallax::compare::compare(&a, &lib.articles[4], &Default::default());
    let terms: Vec<&str> = cmp.distinctive.a.iter().map(|t| t.term.as_str()).collect();
    assert!(
        !terms
            .iter()
            .any(|t| t.to_lowercase().contains("zyzzogeton")),
        "{terms:?}"
    );
}

#[test]
fn panics_unwind_so_a_failing_file_or_worker_is_caught() {
    // The loaders, the comparison worker and the export turn a panic into a skipped file or a
    // status message with catch_unwind, which an abort-on-panic profile would defeat.
    let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .expect("Cargo.toml");
    let toml: toml::Table = manifest.parse().expect("valid manifest");
    for (name, profile) in toml
        .get("profile")
        .and_then(|p| p.as_table())
        .into_iter()
        .flatten()
    {
        assert_ne!(
            profile.get("panic").and_then(|p| p.as_str()),
            Some("abort"),
            "profile {name} aborts on panic"
        );
    }
    assert!(std::panic::catch_unwind(|| panic!("caught")).is_err());
}
