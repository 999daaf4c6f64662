//! Web addresses on the command line and the saved library, end to end, against a server the
//! tests start on 127.0.0.1. Every run points HOME, the XDG folders, the config file and
//! PARALLAX_LIBRARY at a temporary folder.
#![cfg(feature = "web")]

mod http_server;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use http_server::Server;
use serde_json::Value;

struct Env {
    home: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let home = tempfile::tempdir().unwrap();
        std::fs::write(home.path().join("config.toml"), "[web]\ntimeout = \"2s\"\n").unwrap();
        Env { home }
    }

    fn library(&self) -> PathBuf {
        self.home.path().join("library")
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("parallax").unwrap();
        let home = self.home.path();
        c.env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("PARALLAX_CONFIG", home.join("config.toml"))
            .env("PARALLAX_LIBRARY", self.library())
            .env("NO_COLOR", "1");
        for v in [
            "HTTP_PROXY",
            "http_proxy",
            "HTTPS_PROXY",
            "https_proxy",
            "ALL_PROXY",
            "all_proxy",
        ] {
            c.env_remove(v);
        }
        c
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.cmd().args(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    fn json(&self, args: &[&str]) -> Value {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
    }
}

fn ids(listing: &Value) -> Vec<String> {
    listing["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn list_reads_addresses_and_names_each_one_that_fails() {
    let server = Server::start();
    let env = Env::new();
    let (a, missing, feed) = (
        server.url("/a.html"),
        server.url("/missing.html"),
        server.url("/feed.rss"),
    );
    let listing = env.json(&["list", &a, &missing, &feed, "--format", "json"]);
    let articles = listing["articles"].as_array().unwrap();
    assert!(articles.len() >= 3, "{listing}");
    assert_eq!(articles[0]["source"], a.as_str());
    assert_eq!(articles[0]["outlet"], "The Duran");
    assert_eq!(articles[1]["source"], format!("{feed}#1"));
    let skipped = listing["skipped"].as_array().unwrap();
    assert!(
        skipped
            .iter()
            .any(|s| s["path"] == missing.as_str() && s["reason"] == "HTTP 404 Not Found"),
        "{listing}"
    );
    // The text listing says the same to a person.
    let (code, out, _) = env.run(&["list", &missing, &a]);
    assert_eq!(code, 0);
    assert!(
        out.contains(&format!("{missing}: HTTP 404 Not Found")),
        "{out}"
    );
}

#[test]
fn compare_takes_two_addresses_and_fetches_each_once() {
    let server = Server::start();
    let env = Env::new();
    let (a, b) = (server.url("/a.html"), server.url("/redirect/2"));
    let cmp = env.json(&["compare", &a, &b, "--format", "json"]);
    assert_eq!(cmp["a"]["path"], a.as_str());
    assert_eq!(cmp["b"]["path"], b.as_str());
    assert!(
        cmp["summary"]["aligned"].as_u64().unwrap() > 0,
        "{}",
        cmp["summary"]
    );
    // Both hit /a.html in the end; the saved copies serve the next run.
    assert_eq!(server.hits("/a.html"), 2);
    env.json(&["compare", &a, &b, "--format", "json"]);
    assert_eq!(server.hits("/a.html"), 2);
    env.json(&["compare", &a, &b, "--format", "json", "--refresh"]);
    assert_eq!(server.hits("/a.html"), 4);
}

#[test]
fn a_failed_address_stops_compare_with_the_address_and_the_reason() {
    let server = Server::start();
    let env = Env::new();
    let missing = server.url("/broken.html");
    let (code, out, err) = env.run(&["compare", &missing, "hoax-denial"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        err.contains(&format!(
            "cannot load {missing}: HTTP 500 Internal Server Error"
        )),
        "{err}"
    );
    let (code, _, err) = env.run(&["compare", &server.url("/feed.rss"), "hoax-denial"]);
    assert_eq!(code, 2);
    assert!(err.contains("pick one with"), "{err}");
}

#[test]
fn the_library_lists_shows_its_folder_and_removes_entries() {
    let server = Server::start();
    let env = Env::new();
    let (a, b) = (server.url("/a.html"), server.url("/b.htm"));
    env.json(&["list", &a, &b, "--format", "json"]);
    let (code, out, _) = env.run(&["library"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("ID"), "{out}");
    assert!(out.contains("127-0-0-1-a ") && out.contains(&a), "{out}");
    assert!(out.contains("127-0-0-1-b ") && out.contains(&b), "{out}");
    let (_, path, _) = env.run(&["library", "--path"]);
    assert_eq!(Path::new(path.trim()), env.library());
    let listing = env.json(&["library", "--format", "json"]);
    assert_eq!(listing["entries"].as_array().unwrap().len(), 2);
    assert_eq!(listing["entries"][0]["url"], a.as_str());

    // An unknown id removes nothing.
    let (code, _, err) = env.run(&["library", "remove", "127-0-0-1-a", "no-such-id"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("'no-such-id'") && err.contains("nothing was removed"),
        "{err}"
    );
    assert_eq!(
        env.json(&["library", "--format", "json"])["entries"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let (code, out, _) = env.run(&["library", "remove", "127-0-0-1-a"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), format!("removed 127-0-0-1-a ({a})"));
    let listing = env.json(&["library", "--format", "json"]);
    assert_eq!(listing["entries"].as_array().unwrap().len(), 1);
    assert_eq!(listing["damaged"].as_array().unwrap().len(), 0);
    // By its address too.
    let (code, out, _) = env.run(&["library", "remove", &b]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), format!("removed 127-0-0-1-b ({b})"));
    let (_, out, _) = env.run(&["library"]);
    assert!(out.starts_with("The library is empty"), "{out}");
    // `library add` fetches without opening.
    let (code, out, _) = env.run(&["library", "add", &a]);
    assert_eq!(code, 0);
    assert!(out.starts_with("saved 127-0-0-1-a "), "{out}");
}

#[test]
fn no_arguments_read_the_saved_library_else_the_demo_and_never_the_network() {
    let server = Server::start();
    let env = Env::new();
    let demo = ids(&env.json(&["list", "--format", "json"]));
    assert!(demo.contains(&"hoax-denial".to_string()), "{demo:?}");
    let a = server.url("/a.html");
    env.json(&["list", &a, &server.url("/feed.rss"), "--format", "json"]);
    let hits = (server.hits("/a.html"), server.hits("/feed.rss"));
    let saved = ids(&env.json(&["list", "--format", "json"]));
    assert_eq!(saved[0], "127-0-0-1-a");
    assert!(saved.contains(&"127-0-0-1-feed-1".to_string()), "{saved:?}");
    assert!(!saved.contains(&"hoax-denial".to_string()), "{saved:?}");
    // Ids from the library, and from the demo, work with compare.
    let cmp = env.json(&["compare", "127-0-0-1-a", "hoax-denial", "--format", "json"]);
    assert_eq!(cmp["a"]["path"], a.as_str());
    // Feed entries through --in.
    let cmp = env.json(&[
        "compare",
        "127-0-0-1-feed-1",
        "127-0-0-1-feed-2",
        "--in",
        &server.url("/feed.rss"),
        "--format",
        "json",
    ]);
    assert_eq!(cmp["b"]["path"], format!("{}#2", server.url("/feed.rss")));
    assert_eq!((server.hits("/a.html"), server.hits("/feed.rss")), hits);
}

#[test]
fn a_damaged_library_file_is_named_skipped_and_left_alone() {
    let server = Server::start();
    let env = Env::new();
    env.json(&["list", &server.url("/a.html"), "--format", "json"]);
    let entries = env.library().join("entries");
    let bad = entries.join("broken.json");
    std::fs::write(&bad, "{ \"schema\": \"parallax.saved/1\", \"url\": ").unwrap();
    let orphan = env.library().join("pages").join("lost.html");
    std::fs::write(&orphan, "<p>left behind</p>").unwrap();
    let (code, out, _) = env.run(&["library"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Damaged, skipped and left as they are (2)"),
        "{out}"
    );
    assert!(
        out.contains("broken.json: damaged entry file: EOF while parsing"),
        "{out}"
    );
    assert!(
        out.contains("lost.html: saved page without its entry file"),
        "{out}"
    );
    let listing = env.json(&["list", "--format", "json"]);
    assert_eq!(ids(&listing), ["127-0-0-1-a"]);
    assert_eq!(listing["skipped"].as_array().unwrap().len(), 2, "{listing}");
    assert!(bad.exists() && orphan.exists());
}

#[test]
fn hostile_pages_and_headers_reach_no_terminal() {
    let server = Server::start();
    let env = Env::new();
    let (code, out, err) = env.run(&[
        "list",
        &server.url("/hostile.html"),
        &server.url("/hostile-type"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Pier"), "{out}");
    for text in [&out, &err] {
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
    }
    let (_, out, _) = env.run(&["library"]);
    assert!(!out.contains('\u{1b}'), "{out:?}");
    // A file name can come only from the library's ids.
    for dir in ["entries", "pages"] {
        for f in std::fs::read_dir(env.library().join(dir)).unwrap() {
            let name = f.unwrap().file_name().into_string().unwrap();
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-.".contains(&b)),
                "{name}"
            );
        }
    }
}
