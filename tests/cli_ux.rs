//! `compare` for people: an article from standard input (`-`), colour only when asked for or
//! on a terminal, and Markdown that escapes only what Markdown would misread.

use assert_cmd::Command;

fn parallax(home: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("parallax").expect("binary");
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("PARALLAX_CONFIG")
        .env_remove("NO_COLOR")
        .env("PARALLAX_LIBRARY", home.join("library"));
    cmd
}

const STORY: &str = "The F.B.I. said the harbour flooded on Monday, and officials claimed it was a hoax!\n\nThe mayor said repairs would take weeks.\n";

#[test]
fn standard_input_is_an_article_and_text_is_plain_into_a_pipe() {
    let home = tempfile::tempdir().unwrap();
    let out = parallax(home.path())
        .args(["compare", "-", "meduza-screenshot"])
        .write_stdin(STORY)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("stdin"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour into a pipe");
    let coloured = parallax(home.path())
        .args(["compare", "-", "meduza-screenshot", "--color", "always"])
        .write_stdin(STORY)
        .output()
        .unwrap();
    let coloured = String::from_utf8(coloured.stdout).unwrap();
    assert!(coloured.contains("\u{1b}[1m"), "headings bold");
    // The same report once the colour is taken out.
    let stripped = regex_lite_strip(&coloured);
    assert_eq!(stripped, text);
}

/// `s` without SGR sequences.
fn regex_lite_strip(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn markdown_leaves_abbreviations_and_exclamations_alone() {
    let home = tempfile::tempdir().unwrap();
    let out = parallax(home.path())
        .args(["compare", "-", "meduza-screenshot", "--format", "markdown"])
        .write_stdin(STORY)
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("F.B.I."), "{md}");
    assert!(!md.contains("F\\.B\\.I"), "{md}");
    assert!(!md.contains("hoax\\!"), "{md}");
}
