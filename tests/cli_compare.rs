//! `parallax compare` end to end: formats, the user's lexicon, and config errors.

use assert_cmd::Command;
use std::fs;

fn parallax(home: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("parallax").expect("binary");
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("PARALLAX_CONFIG")
        .env("PARALLAX_LIBRARY", home.join("library"))
        .env("NO_COLOR", "1");
    cmd
}

#[test]
fn json_report_follows_the_contract_for_demo_ids() {
    let home = tempfile::tempdir().unwrap();
    let out = parallax(home.path())
        .args([
            "compare",
            "meduza-screenshot",
            "coalition-hampering",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "parallax.comparison/1");
    for key in [
        "alignment",
        "shared_quotes",
        "loaded_terms",
        "framing",
        "rows",
    ] {
        assert!(v[key].is_array(), "{key} is not a list");
    }
    let text = v["a"]["text"].as_str().unwrap();
    let asset = include_str!("../assets/demo/003_d2d50766efbb7960.txt");
    assert_eq!(text, asset, "A's text must be the file's contents");
    // The long shared quotation is reported with spans that slice to it on both sides.
    let q = v["shared_quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["kind"] == "partial")
        .expect("a partial shared quote");
    let span = |side: &str| {
        let s = &q[side];
        let t = v[side]["text"].as_str().unwrap();
        t[s[0].as_u64().unwrap() as usize..s[1].as_u64().unwrap() as usize].to_string()
    };
    assert!(span("a").contains("[sic]"));
    assert!(span("b").starts_with("covering ISIS combat units"));
}

#[test]
fn markdown_and_text_reports_name_both_articles() {
    let home = tempfile::tempdir().unwrap();
    for format in ["text", "markdown"] {
        let out = parallax(home.path())
            .args([
                "compare",
                "duran-doubles-down",
                "meduza-screenshot",
                "--format",
                format,
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(s.contains("The Duran"), "{format}: {s}");
        assert!(s.contains("Meduza"), "{format}");
        assert!(s.contains("Loaded terms"), "{format}");
    }
}

#[test]
fn the_users_lexicon_adds_terms_to_the_report() {
    let home = tempfile::tempdir().unwrap();
    let cfg = home.path().join("parallax.toml");
    fs::write(
        &cfg,
        "[lexicon]\nadd = [{ term = \"remained adamant\", category = \"emotive\", reason = \"casts persistence as stubbornness\" }]\n",
    )
    .unwrap();
    let out = parallax(home.path())
        .env("PARALLAX_CONFIG", &cfg)
        .args(["compare", "meduza-screenshot", "coalition-hampering"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("remained adamant"), "{s}");
    assert!(s.contains("casts persistence as stubbornness"));
}

#[test]
fn a_bad_config_is_named_with_its_line_and_left_untouched() {
    let home = tempfile::tempdir().unwrap();
    let cfg = home.path().join("parallax.toml");
    let original = "mouse = true\n[lexicon]\ndisable = [\"no-such-term-anywhere\"]\n";
    fs::write(&cfg, original).unwrap();
    let out = parallax(home.path())
        .env("PARALLAX_CONFIG", &cfg)
        .args([
            "compare",
            "meduza-screenshot",
            "coalition-hampering",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "a bad config must not stop the comparison"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no-such-term-anywhere"), "{err}");
    assert!(err.contains("parallax.toml"), "{err}");
    assert_eq!(fs::read_to_string(&cfg).unwrap(), original);

    fs::write(&cfg, "kyes = 1\n").unwrap();
    let out = parallax(home.path())
        .env("PARALLAX_CONFIG", &cfg)
        .args([
            "compare",
            "meduza-screenshot",
            "coalition-hampering",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("kyes") && err.contains("line 1"), "{err}");
}

/// Runs `parallax compare a b --format json`, with `RAYON_NUM_THREADS` set to `threads`
/// when given.
fn json_report(home: &std::path::Path, a: &str, b: &str, threads: Option<&str>) -> Vec<u8> {
    let mut cmd = parallax(home);
    cmd.env_remove("RAYON_NUM_THREADS");
    if let Some(n) = threads {
        cmd.env("RAYON_NUM_THREADS", n);
    }
    let out = cmd
        .args(["compare", a, b, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn the_report_is_the_same_on_one_thread_and_on_many() {
    // A short pair is compared on the starting thread alone, a long one on a pool; either
    // way the report must be what a pool of any size gives.
    let home = tempfile::tempdir().unwrap();
    let dir = home.path();
    let short_a = "Council approves bridge\n\nThe city council approved the new bridge on \
                   Tuesday by a vote of 7 to 2, the mayor said.\n\n\"This is a good day for the \
                   river towns,\" Mayor Ana Ortiz told reporters.";
    let short_b = "Bridge plan passes\n\nCouncil members voted 7-2 on Tuesday to approve the \
                   long-delayed bridge.\n\n\"This is a good day for the river towns,\" Ortiz \
                   said, calling critics \"alarmists\".";
    let long = |text: &str| {
        let mut out = text.to_string();
        for i in 0..40 {
            out.push_str(&format!(
                "\n\nIn the {i}th hearing, residents asked about tolls, traffic and the \
                 schedule of the works on the eastern bank."
            ));
        }
        out
    };
    let files = [
        ("short_a.txt", short_a.to_string()),
        ("short_b.txt", short_b.to_string()),
        ("long_a.txt", long(short_a)),
        ("long_b.txt", long(short_b)),
    ];
    for (name, text) in &files {
        fs::write(dir.join(name), text).unwrap();
    }
    assert!(
        files[2].1.len() + files[3].1.len() > 6 * 1024,
        "the long pair is long"
    );
    for (a, b) in [("short_a.txt", "short_b.txt"), ("long_a.txt", "long_b.txt")] {
        let (a, b) = (dir.join(a), dir.join(b));
        let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
        let chosen = json_report(dir, a, b, None);
        let v: serde_json::Value = serde_json::from_slice(&chosen).unwrap();
        assert!(
            !v["shared_quotes"].as_array().unwrap().is_empty(),
            "the mayor's quotation is shared"
        );
        for threads in ["2", "4"] {
            assert!(
                chosen == json_report(dir, a, b, Some(threads)),
                "{a}: the report differs with {threads} threads"
            );
        }
    }
}

#[test]
fn a_text_report_lists_each_changed_word_not_the_first_with_a_count() {
    let home = tempfile::tempdir().unwrap();
    let a = home.path().join("a.txt");
    let b = home.path().join("b.txt");
    fs::write(
        &a,
        "Harbour plan approved\n\nThe council approved the harbour plan by six votes to three on Tuesday.\n",
    )
    .unwrap();
    fs::write(
        &b,
        "Harbour plan approved\n\nThe city council approved the harbour expansion plan by six votes to three on Tuesday.\n",
    )
    .unwrap();
    let out = parallax(home.path())
        .args(["compare", a.to_str().unwrap(), b.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.contains("Changed words (") && l.contains("(B2)"))
        .unwrap_or_else(|| panic!("no changed words of B2 listed:\n{text}"));
    // Two different words, each named; not "“city” ×2".
    assert!(line.contains("“city”, “expansion”"), "{line}");
    assert!(!line.contains('×'), "{line}");
}
