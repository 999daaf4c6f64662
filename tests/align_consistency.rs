//! One pair, one comparison: the same two articles give the same alignment, rows, framing
//! differences and figures whether they are compared inside the demo library, as a library of
//! their own two, on their own (`parallax compare FILE FILE`) or looked up by id in a folder of
//! other articles (`parallax compare ID ID --in DIR`). The library around a pair never changes
//! how its sentences are weighed.

use std::fs;

use assert_cmd::Command;
use parallax::compare::{Comparison, Options, compare};
use parallax::corpus::{self, Library};

const A: &str = "meduza-screenshot";
const B: &str = "coalition-hampering";

fn pair(lib: &Library) -> (&parallax::corpus::Article, &parallax::corpus::Article) {
    let find = |id: &str| {
        lib.articles
            .iter()
            .find(|a| a.id == id)
            .unwrap_or_else(|| panic!("demo article {id}"))
    };
    (find(A), find(B))
}

/// The parts of a comparison a reader sees, without the articles' own records.
fn seen(c: &Comparison) -> String {
    serde_json::to_string(&(
        &c.alignment,
        &c.rows,
        &c.framing,
        &c.shared_quotes,
        &c.loaded_terms,
        &c.distinctive,
        &c.summary,
    ))
    .expect("serialisable")
}

#[test]
fn the_library_around_a_pair_does_not_change_its_comparison() {
    let demo = corpus::demo();
    let (a, b) = pair(&demo);
    let (in_demo, errors) = Options::for_library(&demo.articles, &Default::default());
    assert!(errors.is_empty());
    let mut two = Library::default();
    two.push_unique(a.clone());
    two.push_unique(b.clone());
    let (in_two, _) = Options::for_library(&two.articles, &Default::default());
    let whole = compare(a, b, &in_demo);
    assert!(
        whole.alignment.len() >= 3,
        "the demo pair aligns: {:?}",
        whole.alignment
    );
    assert_eq!(seen(&whole), seen(&compare(a, b, &in_two)));
    assert_eq!(seen(&whole), seen(&compare(a, b, &Options::default())));
}

fn parallax(home: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("parallax").expect("binary");
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("PARALLAX_CONFIG")
        .env("PARALLAX_LIBRARY", home.join("library"))
        .env("NO_COLOR", "1");
    cmd
}

fn json_of(cmd: &mut Command) -> serde_json::Value {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

fn seen_json(v: &serde_json::Value) -> Vec<serde_json::Value> {
    ["alignment", "rows", "framing", "shared_quotes", "summary"]
        .iter()
        .map(|k| v[*k].clone())
        .collect()
}

#[test]
fn compare_gives_one_result_for_files_ids_in_a_folder_and_demo_ids() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("articles");
    fs::create_dir(&dir).unwrap();
    // The five demo articles as plain files: the pair and three others about the story.
    for art in &corpus::demo().articles {
        fs::write(dir.join(format!("{}.txt", art.id)), &art.text).unwrap();
    }
    let file = |id: &str| dir.join(format!("{id}.txt"));
    let alone = json_of(
        parallax(home.path())
            .arg("compare")
            .arg(file(A))
            .arg(file(B))
            .args(["--format", "json"]),
    );
    let in_folder = json_of(
        parallax(home.path())
            .args(["compare", A, B, "--format", "json", "--in"])
            .arg(&dir),
    );
    // A smaller library of the pair and one other article.
    let in_three = json_of(
        parallax(home.path())
            .args(["compare", A, B, "--format", "json", "--in"])
            .args([file(A), file(B), file("hoax-denial")]),
    );
    let demo_ids = json_of(parallax(home.path()).args(["compare", A, B, "--format", "json"]));
    assert!(
        alone["alignment"].as_array().is_some_and(|p| p.len() >= 3),
        "the pair aligns: {}",
        alone["alignment"]
    );
    assert_eq!(seen_json(&alone), seen_json(&in_folder));
    assert_eq!(seen_json(&alone), seen_json(&in_three));
    assert_eq!(seen_json(&alone), seen_json(&demo_ids));
}
