//! The `parallax` binary: `list`, `compare` argument handling, exit codes and stderr messages.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

struct Env {
    home: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        Env {
            home: tempfile::tempdir().unwrap(),
        }
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("parallax").unwrap();
        c.env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("PARALLAX_LIBRARY", self.home.path().join("library"))
            .env("NO_COLOR", "1");
        c
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mixed")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn list_without_paths_shows_the_demo() {
    let env = Env::new();
    let out = env.cmd().arg("list").output().unwrap();
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    for id in [
        "hoax-denial",
        "airstrike-200",
        "duran-doubles-down",
        "meduza-screenshot",
        "coalition-hampering",
    ] {
        assert!(stdout.contains(id), "{id} missing from\n{stdout}");
    }
    assert!(stdout.contains("The Duran") && stdout.contains("Meduza"));
    assert!(stdout.starts_with("ID "));
}

#[test]
fn list_json_has_articles_and_skipped_with_stable_fields() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["list", "--format", "json"])
        .arg(fixtures())
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 7);
    let first = &articles[0];
    for key in [
        "id",
        "title",
        "outlet",
        "date",
        "url",
        "author",
        "source",
        "words",
        "paragraphs",
        "boilerplate_paragraphs",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert_eq!(first["id"], "a-report");
    let skipped = v["skipped"].as_array().unwrap();
    assert!(
        skipped
            .iter()
            .any(|s| s["path"].as_str().unwrap().ends_with("latin1.txt")
                && s["reason"].as_str().unwrap().contains("UTF-8"))
    );
    // Skipped files are also named on stderr.
    assert!(text(&out.stderr).contains("latin1.txt"));
}

#[test]
fn list_exits_1_when_nothing_loads_and_names_the_path() {
    let env = Env::new();
    let missing = env.home.path().join("no-such-article.txt");
    let out = env.cmd().arg("list").arg(&missing).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("no-such-article.txt"), "{stderr}");
    assert!(stderr.contains("does not exist"), "{stderr}");
}

#[test]
fn list_succeeds_when_some_files_are_skipped() {
    let env = Env::new();
    let out = env.cmd().arg("list").arg(fixtures()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Skipped (8):"), "{stdout}");
    assert!(stdout.contains("Riverside Gazette"));
}

#[test]
fn max_file_size_flag_is_applied_and_validated() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["list", "--max-file-size", "10"])
        .arg(fixtures().join("a_report.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("too large"));
    let bad = env
        .cmd()
        .args(["list", "--max-file-size", "huge"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn control_sequences_in_titles_and_paths_are_not_printed() {
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("evil\u{1b}[2Jname.txt");
    std::fs::write(&p, "Head\u{1b}]0;pwned\u{7}line\n\nBody text.\n").unwrap();
    let bad = dir.path().join("bad\u{1b}[31m.bin");
    std::fs::write(&bad, "x").unwrap();
    let out = env.cmd().arg("list").arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    assert!(!out.stdout.contains(&0x1b), "{:?}", text(&out.stdout));
    assert!(!out.stderr.contains(&0x1b), "{:?}", text(&out.stderr));
}

#[test]
fn compare_rejects_unknown_ids_and_unloadable_files_with_exit_2() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["compare", "no-such-id", "meduza-screenshot"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no-such-id"));

    let out = env
        .cmd()
        .arg("compare")
        .arg(fixtures().join("sub/latin1.txt"))
        .arg("meduza-screenshot")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("latin1.txt") && stderr.contains("UTF-8"),
        "{stderr}"
    );

    let out = env
        .cmd()
        .arg("compare")
        .arg(fixtures().join("c_wire.json"))
        .arg("meduza-screenshot")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("#N"));
}

#[test]
fn compare_accepts_demo_ids_and_path_entries() {
    let env = Env::new();
    let out = env
        .cmd()
        .args([
            "compare",
            "duran-doubles-down",
            "meduza-screenshot",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["a"]["id"], "duran-doubles-down");

    let entry = format!("{}#3", fixtures().join("c_wire.json").display());
    let out = env
        .cmd()
        .args(["compare", &entry, "hoax-denial", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["a"]["id"], "c-wire-3");
}

#[test]
fn compare_looks_ids_up_in_the_in_library() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["compare", "nested", "a-report", "--format", "json", "--in"])
        .arg(fixtures())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["b"]["id"], "a-report");
}

#[test]
fn unknown_options_are_usage_errors() {
    let env = Env::new();
    let out = env.cmd().args(["list", "--bogus"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn reader_exits_1_when_no_given_path_loads() {
    let env = Env::new();
    let out = env
        .cmd()
        .arg(env.home.path().join("absent.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("absent.md"));
}

#[test]
fn list_stories_groups_the_demo_into_one_story_with_suggested_pairs() {
    let env = Env::new();
    let out = env.cmd().args(["list", "--stories"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Story 1 · 5 articles"), "{text}");
    assert!(!text.contains("Story 2"), "{text}");
    assert!(text.contains("parallax compare "), "{text}");

    let out = env
        .cmd()
        .args(["list", "--stories", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0]["articles"].as_array().unwrap().len(), 5);
    let pair = &stories[0]["suggested_pairs"][0];
    assert_ne!(pair["a"], pair["b"]);
    assert!(v["ungrouped"].as_array().unwrap().is_empty());
}

#[test]
fn suggested_compare_commands_run_as_printed_for_a_folder() {
    let env = Env::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = env
        .cmd()
        .current_dir(root)
        .args([
            "list",
            "--stories",
            "tests/fixtures/web",
            "tests/fixtures/feeds",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let listing = text(&out.stdout);
    let commands: Vec<&str> = listing
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("parallax "))
        .collect();
    assert!(!commands.is_empty(), "{listing}");
    for command in commands {
        // The command up to the relatedness figure, split as a shell would (no quoting here).
        let args: Vec<&str> = command
            .split("   related")
            .next()
            .unwrap()
            .split_whitespace()
            .collect();
        assert!(args.contains(&"--in"), "{command}");
        let run = env.cmd().current_dir(root).args(&args).output().unwrap();
        assert!(run.status.success(), "{command}: {}", text(&run.stderr));
    }
}
