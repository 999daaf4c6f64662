//! `parallax compare A B C …`: the story report in every format, on the demo's five articles
//! and on the three bridge-closure articles of `tests/fixtures/story/`; the JSON validated
//! against the documented schema (`schema/parallax.story-1.schema.json`); limits and errors.

use assert_cmd::Command;

const DEMO: [&str; 5] = [
    "hoax-denial",
    "airstrike-200",
    "duran-doubles-down",
    "meduza-screenshot",
    "coalition-hampering",
];

const BRIDGE: [&str; 3] = [
    "tests/fixtures/story/harbor-daily.md",
    "tests/fixtures/story/valley-ledger.md",
    "tests/fixtures/story/metro-watch.md",
];

fn parallax(home: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("parallax").expect("binary");
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("PARALLAX_CONFIG")
        .env("PARALLAX_LIBRARY", home.join("library"))
        .env("NO_COLOR", "1");
    cmd
}

fn story(args: &[&str], format: &str) -> String {
    let home = tempfile::tempdir().unwrap();
    let out = parallax(home.path())
        .arg("compare")
        .args(args)
        .args(["--format", format])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Validate `json` against the documented schema; the errors in full when it does not fit.
fn validate(json: &serde_json::Value) {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("schema/parallax.story-1.schema.json").unwrap(),
    )
    .unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("file:///parallax.story-1.schema.json", schema)
        .unwrap();
    let index = compiler
        .compile("file:///parallax.story-1.schema.json", &mut schemas)
        .unwrap();
    if let Err(e) = schemas.validate(json, index) {
        panic!("the story JSON does not fit its schema: {e:#}");
    }
}

/// Spans in range and on character boundaries, indices that exist.
fn check_spans(v: &serde_json::Value) {
    let arts = v["articles"].as_array().unwrap();
    let span_ok = |a: usize, s: &serde_json::Value| {
        let text = arts[a]["text"].as_str().unwrap();
        let (x, y) = (
            s[0].as_u64().unwrap() as usize,
            s[1].as_u64().unwrap() as usize,
        );
        x <= y && y <= text.len() && text.is_char_boundary(x) && text.is_char_boundary(y)
    };
    for f in v["facts"].as_array().unwrap() {
        for c in f["cells"].as_array().unwrap() {
            let a = c["article"].as_u64().unwrap() as usize;
            assert!(a < arts.len());
            for s in c["spans"].as_array().unwrap() {
                assert!(span_ok(a, s));
            }
            for m in c["marks"].as_array().unwrap() {
                assert!(span_ok(a, &m["span"]));
            }
        }
    }
    for q in v["quotations"].as_array().unwrap() {
        for c in q["copies"].as_array().unwrap() {
            assert!(span_ok(c["article"].as_u64().unwrap() as usize, &c["span"]));
        }
    }
}

#[test]
fn the_json_of_both_stories_fits_the_documented_schema() {
    for args in [&DEMO[..], &BRIDGE[..]] {
        let out = story(args, "json");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["schema"], "parallax.story/1");
        assert_eq!(v["articles"].as_array().unwrap().len(), args.len());
        validate(&v);
        check_spans(&v);
    }
}

#[test]
fn a_broken_story_json_is_refused_by_the_schema_check() {
    let mut v: serde_json::Value = serde_json::from_str(&story(&BRIDGE, "json")).unwrap();
    v["facts"][0]["cells"][0]["marks"] = serde_json::json!([{ "span": [1], "kind": "x" }]);
    let caught = std::panic::catch_unwind(|| validate(&v));
    assert!(
        caught.is_err(),
        "a mark with a bad span and kind passed the schema"
    );
}

#[test]
fn the_text_report_lists_facts_omissions_and_quotations() {
    let out = story(&BRIDGE, "text");
    assert!(out.starts_with("Story of 3 articles\n"), "{out}");
    for needle in [
        "Harbor Daily",
        "The Valley Ledger",
        "Metro Watch",
        "■■■  told by all 3",
        "— omits this fact",
        "Quotations",
        "We are not going to take a chance with people's lives",
        "Who is quoted",
        "Facts only one outlet reports",
        "Loaded term “claimed”",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in\n{out}");
    }
    let demo = story(&DEMO, "text");
    assert!(demo.starts_with("Story of 5 articles\n"));
    assert!(demo.contains("Meduza") && demo.contains("The Duran"));
}

#[test]
fn the_markdown_report_escapes_and_lists_every_outlet() {
    let out = story(&BRIDGE, "markdown");
    assert!(out.starts_with("# Story of 3 articles\n"));
    assert!(out.contains("## Facts") && out.contains("## Quotations"));
    assert!(out.contains("- **Metro Watch**: *omits this fact*"));
    assert!(out.contains("**claimed**"), "{out}");
    let demo = story(&DEMO, "markdown");
    assert!(demo.contains("| 5 | coalition-hampering |"));
}

#[test]
fn the_html_page_is_a_grid_of_facts_by_outlets() {
    let out = story(&BRIDGE, "html");
    assert!(out.starts_with("<!doctype html>"));
    assert!(out.contains("default-src 'none'"));
    assert!(!out.contains("<script"));
    assert_eq!(out.matches("<th class=\"outlet\">").count(), 3);
    assert!(out.contains("<td class=\"omit\">omits this fact</td>"));
    assert!(out.contains("class=\"loaded-strong\""));
    let demo = story(&DEMO, "html");
    assert_eq!(demo.matches("<th class=\"outlet\">").count(), 5);
}

#[test]
fn hostile_text_never_reaches_the_reports_raw() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (i, src) in BRIDGE.iter().enumerate() {
        let text = std::fs::read_to_string(src).unwrap().replace(
            "Old Mill Bridge",
            "Old <script>alert(1)</script> Mill \x1b]0;owned\x07Bridge",
        );
        let p = dir.path().join(format!("hostile-{i}.md"));
        std::fs::write(&p, text).unwrap();
        paths.push(p.to_string_lossy().into_owned());
    }
    let args: Vec<&str> = paths.iter().map(String::as_str).collect();
    for format in ["text", "markdown", "html", "json"] {
        let out = story(&args, format);
        assert!(!out.contains('\x1b') && !out.contains('\x07'), "{format}");
        if format == "html" {
            assert!(!out.contains("<script>"), "html");
        }
    }
}

#[test]
fn more_than_eight_articles_are_refused_with_a_reason() {
    let home = tempfile::tempdir().unwrap();
    let nine = [
        DEMO[0], DEMO[1], DEMO[2], DEMO[3], DEMO[4], BRIDGE[0], BRIDGE[1], BRIDGE[2], DEMO[0],
    ];
    let out = parallax(home.path())
        .arg("compare")
        .args(nine)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("9 articles given; a story compares at most 8"),
        "{err}"
    );
}

#[test]
fn the_same_article_twice_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let out = parallax(home.path())
        .args(["compare", DEMO[0], DEMO[1], DEMO[0]])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("are the same article"));
}

#[test]
fn standard_input_joins_a_story() {
    let home = tempfile::tempdir().unwrap();
    let out = parallax(home.path())
        .args(["compare", BRIDGE[0], "-", BRIDGE[2], "--format", "json"])
        .write_stdin(std::fs::read_to_string(BRIDGE[1]).unwrap())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"][1]["id"], "stdin");
}
