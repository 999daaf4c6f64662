//! `parallax show`: one article as loaded, by path or id, as text or JSON, with every
//! paragraph's role; nothing from the page reaches the terminal as a control sequence.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn cmd(home: &Path) -> Command {
    let mut c = Command::cargo_bin("parallax").unwrap();
    c.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("NO_COLOR", "1");
    c
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A saved page with furniture of several kinds, a tweet, and escape sequences in its title
/// and text.
fn hostile_page(dir: &Path) -> PathBuf {
    let para = "The harbour authority said on Tuesday that the eastern dock would close for a month of repairs after inspectors found cracks in two of its piers.";
    let body: String = (0..5).map(|i| format!("<p>{para} ({i})</p>")).collect();
    let html = format!(
        "<html><head><title>Dock \u{1b}]0;PWNED\u{7} closes</title></head><body><article><h1>Dock closes</h1>\
         <p>By Anna Berg</p><p>Updated 9:10 am, March 5, 2024</p>{body}\
         <figure><img src=\"x.jpg\"><figcaption>The eastern pier \u{1b}[31min red\u{1b}[0m at dawn.</figcaption></figure>\
         <blockquote class=\"twitter-tweet\"><p>Piers finally getting fixed</p>— Harbour Watch (@hw) March 5, 2024</blockquote>\
         <p>Image 1 of 8</p></article></body></html>"
    );
    let path = dir.join("dock.html");
    std::fs::write(&path, html).unwrap();
    path
}

#[test]
fn show_text_lists_each_paragraph_with_its_role() {
    let tmp = tempfile::tempdir().unwrap();
    let page = hostile_page(tmp.path());
    let out = cmd(tmp.path()).arg("show").arg(&page).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(!stdout.contains('\u{1b}'), "raw escape in:\n{stdout:?}");
    assert!(!stdout.contains('\u{7}'));
    assert!(stdout.starts_with("Title   Dock"), "{stdout}");
    let line = |needle: &str| {
        stdout
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not in\n{stdout}"))
    };
    assert!(line("By Anna Berg").starts_with("· byline"));
    assert!(line("Updated 9:10 am").starts_with("· timestamp"));
    assert!(line("The eastern pier").starts_with("· caption"));
    assert!(line("Image 1 of 8").starts_with("· label"));
    assert!(line("Piers finally getting fixed").starts_with("  embedded"));
    assert!(line("(0)").starts_with("  body"));
    // The headline (the sanitised title) opens the text.
    let headline = stdout.lines().find(|l| l.starts_with("  title")).unwrap();
    assert!(headline.starts_with("  title         Dock") && headline.ends_with("closes"));
    // Not a terminal: no dimming either.
    assert!(!stdout.contains("[2m"));
}

#[test]
fn show_json_gives_the_reporting_text_and_every_paragraph() {
    let tmp = tempfile::tempdir().unwrap();
    let page = hostile_page(tmp.path());
    let out = cmd(tmp.path())
        .arg("show")
        .arg(&page)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "parallax.article/1");
    let reporting = v["text"].as_str().unwrap();
    // Headline, body and the embedded post; no furniture.
    let title = v["title"].as_str().unwrap();
    assert!(
        title.starts_with("Dock ") && title.ends_with(" closes"),
        "{title}"
    );
    assert!(
        reporting.starts_with(&format!("{title}\n\n")),
        "{reporting}"
    );
    assert!(reporting.contains("Piers finally getting fixed"));
    for furniture in [
        "By Anna Berg",
        "Updated 9:10",
        "The eastern pier",
        "Image 1 of 8",
    ] {
        assert!(
            !reporting.contains(furniture),
            "{furniture:?} in {reporting}"
        );
    }
    let full = v["full_text"].as_str().unwrap();
    let paragraphs = v["paragraphs"].as_array().unwrap();
    for p in paragraphs {
        let [s, e] = [0, 1].map(|i| p["span"][i].as_u64().unwrap() as usize);
        assert_eq!(&full[s..e], p["text"].as_str().unwrap());
    }
    let kind_of = |needle: &str| {
        paragraphs
            .iter()
            .find(|p| p["text"].as_str().unwrap().contains(needle))
            .map(|p| (p["role"].as_str().unwrap(), p["kind"].as_str()))
            .unwrap()
    };
    assert_eq!(kind_of("By Anna Berg"), ("boilerplate", Some("byline")));
    assert_eq!(
        kind_of("The eastern pier"),
        ("boilerplate", Some("caption"))
    );
    assert_eq!(kind_of("Piers finally"), ("embedded", None));
    // Control characters inside strings are escaped, never raw.
    let raw = text(&out.stdout);
    assert!(!raw.contains('\u{1b}') && !raw.contains('\u{7}'));
}

#[test]
fn show_finds_an_id_in_a_library_or_the_demo() {
    let tmp = tempfile::tempdir().unwrap();
    let out = cmd(tmp.path())
        .args(["show", "duran-doubles-down"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Outlet  The Duran"));

    let out = cmd(tmp.path())
        .args(["show", "meduza-screenshot", "--in"])
        .arg(fixture("web"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Meduza"));

    let out = cmd(tmp.path())
        .args(["show", "no-such-article"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("neither a file nor an article id"));
}
