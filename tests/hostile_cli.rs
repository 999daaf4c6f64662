//! Hostile text through the real binary's script commands: for every case of the hostile
//! corpus (tests/hostile) and for the Big List of Naughty Strings, in article bodies, titles,
//! outlets, file names and config values, `list` (text and JSON), `compare` in every report
//! format, and every message on stderr carry no live control sequence; JSON stays valid and
//! keeps the text; wide characters keep the `list` table aligned.

mod hostile;

use std::path::Path;
use std::process::{Command, Output};

use hostile::{Case, assert_inert, cases, file_name_part, naughty, write_corpus};
use parallax::text::sanitize::sanitize_line;
use unicode_width::UnicodeWidthStr;

fn parallax(config: &Path, args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("PARALLAX_CONFIG", config)
        .env(
            "PARALLAX_LIBRARY",
            config.parent().unwrap_or(config).join("library"),
        )
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run parallax")
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

/// A config file whose values, keys and unknown entries carry the hostile text.
fn hostile_config(dir: &Path, hostile: &str) -> std::path::PathBuf {
    let lit = toml::Value::String(hostile.to_string()).to_string();
    let src = format!(
        "[keys]\nquit = {lit}\nback = [{lit}, \"q\"]\n{lit} = \"x\"\n\n[theme]\nselection = {lit}\n{lit} = \"red\"\n\n[lexicon]\nadd = [{{ term = {lit}, category = {lit} }}]\n"
    );
    let path = dir.join("config.toml");
    std::fs::write(&path, src).expect("write config");
    path
}

/// Run every command on the corpus for one hostile string and check all the output.
fn check_case(name: &str, hostile: &str) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("articles");
    std::fs::create_dir(&dir).expect("mkdir");
    write_corpus(&dir, hostile);
    let cfg_dir = tempfile::tempdir().expect("temp dir");
    let config = hostile_config(cfg_dir.path(), hostile);

    let check = |what: &str, out: &Output| {
        assert_inert(&format!("{name}: {what} stdout"), &out.stdout);
        assert_inert(&format!("{name}: {what} stderr"), &out.stderr);
    };

    let out = parallax(&config, &[os("list"), dir.as_os_str()]);
    assert!(out.status.success(), "{name}: list failed: {out:?}");
    check("list", &out);
    check_table_alignment(name, &String::from_utf8_lossy(&out.stdout), &dir);

    let out = parallax(
        &config,
        &[os("list"), dir.as_os_str(), os("--format"), os("json")],
    );
    assert!(out.status.success(), "{name}: list --format json failed");
    check("list --format json", &out);
    let listing: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("list --format json is JSON");
    assert!(
        listing["articles"].as_array().is_some_and(|a| a.len() >= 3),
        "{name}: the hostile articles load: {listing}"
    );

    let a = dir.join("a.txt");
    let b = dir.join("b.json");
    for format in ["text", "markdown", "json", "html"] {
        let out = parallax(
            &config,
            &[
                os("compare"),
                a.as_os_str(),
                b.as_os_str(),
                os("--format"),
                os(format),
            ],
        );
        assert!(
            out.status.success(),
            "{name}: compare --format {format} failed: {out:?}"
        );
        check(&format!("compare --format {format}"), &out);
        if format == "json" {
            let v: serde_json::Value =
                serde_json::from_slice(&out.stdout).expect("the JSON report is JSON");
            let text_b = v["b"]["text"].as_str().expect("b.text");
            assert!(
                text_b.contains(hostile.trim()),
                "{name}: the JSON report keeps the original text"
            );
        }
    }

    // A file whose name carries the hostile text, compared by path.
    let md = dir.join(format!("d {}.md", file_name_part(hostile)));
    if md.exists() {
        let out = parallax(&config, &[os("compare"), md.as_os_str(), a.as_os_str()]);
        check("compare of a hostile file name", &out);
    }

    // Error messages: an unknown id, a directory given as an article, a missing file, a bad
    // entry number, all quoting the hostile text.
    let arg: String = hostile.replace('\0', "").chars().take(2000).collect();
    if !arg.is_empty() {
        let out = parallax(
            &config,
            &[
                os("compare"),
                os(&arg),
                os("b"),
                os("--in"),
                dir.as_os_str(),
            ],
        );
        assert_eq!(
            out.status.code(),
            Some(2),
            "{name}: unknown id is a usage error"
        );
        check("unknown id", &out);
    }
    let missing = dir.join(format!("missing {}.txt", file_name_part(hostile)));
    let out = parallax(&config, &[os("list"), missing.as_os_str()]);
    assert_eq!(out.status.code(), Some(1), "{name}: nothing loaded");
    check("missing file", &out);
    let out = parallax(&config, &[os("compare"), dir.as_os_str(), a.as_os_str()]);
    check("directory as an article", &out);
    let entry = format!("{}#99", dir.join("c.jsonl").display());
    let out = parallax(&config, &[os("compare"), os(&entry), a.as_os_str()]);
    check("missing entry", &out);
}

/// Every row of the `list` table puts its TITLE column at the same display column, whatever
/// wide, combining or invisible characters the cells before it hold.
fn check_table_alignment(name: &str, table: &str, dir: &Path) {
    let lib = parallax::corpus::load(&[dir.to_path_buf()], &Default::default());
    let mut lines = table.lines();
    let header = lines.next().expect("header");
    let title_col = header.find("TITLE").expect("TITLE column");
    let header_width = header[..title_col].width();
    for (a, line) in lib.articles.iter().zip(lines) {
        let title = fit(&sanitize_line(&a.title), 100);
        let title = title.trim_end();
        if title.is_empty() {
            // The row is trimmed at the end: nothing to line up.
            continue;
        }
        let prefix = line
            .strip_suffix(title)
            .unwrap_or_else(|| panic!("{name}: row {line:?} does not end with {title:?}"));
        assert_eq!(
            prefix.width(),
            header_width,
            "{name}: TITLE column misaligned in row {line:?}"
        );
    }
}

fn run_cases(cases: &[Case]) {
    for c in cases {
        check_case(c.name, &c.text);
    }
}

#[test]
fn escape_sequences_never_reach_the_terminal() {
    let all = cases();
    let picked: Vec<Case> = all
        .into_iter()
        .filter(|c| {
            c.name.starts_with("csi")
                || c.name.starts_with("osc")
                || c.name.starts_with("dcs")
                || c.name.starts_with("apc")
                || c.name.starts_with("c1")
                || c.name.starts_with("esc")
                || c.name.starts_with("unterminated")
                || c.name == "c0"
                || c.name == "cr-overwrite"
        })
        .collect();
    assert!(picked.len() >= 12);
    run_cases(&picked);
}

#[test]
fn bidi_invisible_wide_and_long_text_is_inert_and_aligned() {
    let all = cases();
    let picked: Vec<Case> = all
        .into_iter()
        .filter(|c| {
            c.name.starts_with("bidi")
                || matches!(
                    c.name,
                    "zero-width"
                        | "combining"
                        | "tags"
                        | "cjk"
                        | "emoji"
                        | "wide-mixed"
                        | "rtl"
                        | "surrogate-lookalike"
                )
        })
        .collect();
    assert!(picked.len() >= 10);
    run_cases(&picked);
}

#[test]
fn very_long_words_and_lines_are_handled() {
    let all = cases();
    let picked: Vec<Case> = all
        .into_iter()
        .filter(|c| c.name.starts_with("long"))
        .collect();
    assert_eq!(picked.len(), 2);
    run_cases(&picked);
}

#[test]
fn lone_surrogates_in_json_are_a_named_skip_not_a_crash() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let f = tmp.path().join("feed.jsonl");
    std::fs::write(
        &f,
        "{\"title\": \"ok\", \"text\": \"Fine text here.\"}\n{\"title\": \"lone \\ud800\", \"text\": \"bad \\udfff\"}\n",
    )
    .expect("write");
    let out = parallax(&tmp.path().join("none.toml"), &[os("list"), f.as_os_str()]);
    assert!(out.status.success());
    assert_inert("lone surrogate listing", &out.stdout);
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(listing.contains("feed-1"), "the good line loads: {listing}");
    assert!(
        listing.contains("feed.jsonl#2"),
        "the bad line is named with its reason: {listing}"
    );
}

/// The Big List of Naughty Strings in one article per string (title, outlet, text), in one
/// body, and in file names; listed, compared in every format, and quoted in error messages.
#[test]
fn naughty_strings_are_inert_everywhere() {
    let strings = naughty();
    assert!(strings.len() > 400, "the list is there");
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("blns");
    std::fs::create_dir(&dir).expect("mkdir");
    let mut jsonl = String::new();
    for s in &strings {
        jsonl.push_str(&format!(
            "{{\"title\": {t}, \"outlet\": {t}, \"author\": {t}, \"text\": {b}}}\n",
            t = hostile::json_str(s),
            b = hostile::json_str(&format!(
                "{s}\n\nThe ministry said “{s} was here” on Monday."
            ))
        ));
    }
    std::fs::write(dir.join("all.jsonl"), jsonl).expect("write jsonl");
    let body: String = strings.iter().map(|s| format!("{s}\n\n")).collect();
    std::fs::write(dir.join("body.txt"), format!("Naughty strings\n\n{body}")).expect("write");
    for (i, s) in strings.iter().enumerate() {
        let _ = std::fs::write(dir.join(format!("{i:03} {}.rtf", file_name_part(s))), "x");
    }
    let config = tmp.path().join("none.toml");

    let out = parallax(&config, &[os("list"), dir.as_os_str()]);
    assert!(out.status.success(), "{out:?}");
    assert_inert("naughty list", &out.stdout);
    assert_inert("naughty list stderr", &out.stderr);
    check_table_alignment("naughty", &String::from_utf8_lossy(&out.stdout), &dir);
    let out = parallax(
        &config,
        &[os("list"), dir.as_os_str(), os("--format"), os("json")],
    );
    assert_inert("naughty list json", &out.stdout);
    assert_inert("naughty list json stderr", &out.stderr);
    let listing: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let loaded = listing["articles"].as_array().map_or(0, Vec::len);
    let skipped = listing["skipped"].as_array().map_or(0, Vec::len);
    assert_eq!(
        loaded + skipped,
        2 * strings.len() + 1,
        "every naughty line is an article or a named skip, every file a named skip"
    );

    let body = dir.join("body.txt");
    for n in [1, 250] {
        let entry = format!("{}#{n}", dir.join("all.jsonl").display());
        for format in ["text", "markdown", "json", "html"] {
            let out = parallax(
                &config,
                &[
                    os("compare"),
                    os(&entry),
                    body.as_os_str(),
                    os("--format"),
                    os(format),
                ],
            );
            assert!(
                out.status.success(),
                "compare #{n} --format {format}: {out:?}"
            );
            assert_inert(&format!("naughty compare #{n} {format}"), &out.stdout);
            assert_inert(
                &format!("naughty compare #{n} {format} stderr"),
                &out.stderr,
            );
        }
    }
    for s in strings.iter().step_by(15) {
        let arg = s.replace('\0', "");
        let out = parallax(&config, &[os("compare"), os(&arg), os("nothing")]);
        assert_inert(&format!("naughty error for {s:?}"), &out.stderr);
        assert_inert(&format!("naughty error stdout for {s:?}"), &out.stdout);
    }
}

#[test]
fn hostile_config_file_path_is_inert() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let config = tmp.path().join("conf\x1b]0;PWNED-TITLE\x07\u{202e}.toml");
    std::fs::write(
        &config,
        "[keys]\nqiut = \"\\u001b[2J\"\nquit = \"\\u001b]0;PWNED\\u0007\"\n",
    )
    .expect("write config");
    let out = parallax(
        &config,
        &[os("compare"), os("meduza-screenshot"), os("hoax-denial")],
    );
    assert!(out.status.success());
    assert_inert("config path stderr", &out.stderr);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown action 'qiut'"), "{err}");
    // A raw escape character in the file is a syntax error, reported just as inertly.
    std::fs::write(&config, "[keys]\nquit = \"\x1b[2J\"\n").expect("write config");
    let out = parallax(
        &config,
        &[os("compare"), os("meduza-screenshot"), os("hoax-denial")],
    );
    assert!(out.status.success());
    assert_inert("config syntax error stderr", &out.stderr);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2"), "{err}");
}

/// A title as `list` shows it: cut to 100 display columns with an ellipsis.
fn fit(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}
