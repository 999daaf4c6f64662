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
