//! Fetching web addresses into the saved library, against a server the tests start on
//! 127.0.0.1: pages and feeds read through the same extraction as saved files, redirects,
//! timeouts, error statuses, size limits, charsets and gzip, saved copies used while fresh, and
//! every failure named with a plain reason.
#![cfg(feature = "web")]

mod http_server;

use std::path::Path;
use std::time::Duration;

use http_server::{Server, refused_url};
use parallax::corpus::{self, Library, LoadOptions, Source};
use parallax::library::{self, Address, Entry, SavedLibrary, WebOptions};

fn options() -> WebOptions {
    WebOptions {
        timeout: Duration::from_secs(1),
        ..WebOptions::default()
    }
}

fn obtain(url: &str, saved: &SavedLibrary, opts: &WebOptions) -> Result<library::Obtained, String> {
    library::obtain(&Address::parse(url).expect("an address"), saved, opts)
}

/// The articles of a saved entry, read as the reader and `list` read them.
fn articles(saved: &SavedLibrary, entry: &Entry) -> Library {
    let mut lib = Library::default();
    library::load_saved(
        &saved.page_path(entry),
        entry,
        &LoadOptions::default(),
        &mut lib,
    );
    lib
}

fn fixture(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn error(url: &str, opts: &WebOptions) -> String {
    let dir = tempfile::tempdir().unwrap();
    let saved = SavedLibrary::at(dir.path());
    let e = obtain(url, &saved, opts).expect_err("the fetch fails");
    assert!(saved.scan().entries.is_empty(), "nothing saved for {url}");
    e
}

#[test]
fn a_fetched_page_reads_exactly_as_the_same_page_saved_from_a_browser() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let saved = SavedLibrary::at(dir.path());
    let got = obtain(&server.url("/a.html"), &saved, &options()).unwrap();
    assert_eq!(got.note, None);
    let fetched = articles(&saved, &got.entry);
    let from_file = corpus::load(
        &[fixture("web/duran-doubles-down.html")],
        &LoadOptions::default(),
    );
    assert_eq!(fetched.articles.len(), 1);
    let (a, f) = (&fetched.articles[0], &from_file.articles[0]);
    assert_eq!(a.text, f.text);
    assert_eq!(a.title, f.title);
    assert_eq!(a.outlet.as_deref(), Some("The Duran"));
    assert_eq!(a.id, got.entry.id);
    assert!(a.id.starts_with("127-0-0-1-"), "{}", a.id);
    assert!(matches!(&a.source, Source::Web { url, .. } if *url == server.url("/a.html")));
    assert_eq!(got.entry.title, a.title);
    // The request says who is asking and that gzip is welcome.
    let seen = server.last("/a.html").unwrap();
    assert!(
        seen.headers["user-agent"].starts_with("parallax/"),
        "{seen:?}"
    );
    assert!(seen.headers["accept-encoding"].contains("gzip"), "{seen:?}");
}

#[test]
fn a_feed_gives_one_article_per_entry_with_content() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let saved = SavedLibrary::at(dir.path());
    let got = obtain(&server.url("/feed.rss"), &saved, &options()).unwrap();
    assert_eq!(got.entry.format, library::Format::Feed);
    let lib = articles(&saved, &got.entry);
    let from_file = corpus::load(&[fixture("feeds/syria-desk.rss")], &LoadOptions::default());
    assert_eq!(lib.articles.len(), from_file.articles.len());
    assert!(lib.articles.len() >= 2);
    assert_eq!(got.entry.articles, lib.articles.len());
    let id = &got.entry.id;
    assert_eq!(lib.articles[0].id, format!("{id}-1"));
    assert_eq!(
        lib.articles[0].source.display(),
        format!("{}#1", server.url("/feed.rss"))
    );
    // The entry without content is skipped under the address, not the saved file.
    assert!(
        lib.skipped.iter().all(|s| s
            .path
            .to_string_lossy()
            .starts_with(&server.url("/feed.rss"))),
        "{:?}",
        lib.skipped
    );
}

#[test]
fn redirects_are_followed_up_to_a_cap() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let saved = SavedLibrary::at(dir.path());
    let got = obtain(&server.url("/redirect/3"), &saved, &options()).unwrap();
    assert_eq!(got.entry.url, server.url("/redirect/3"));
    assert_eq!(got.entry.final_url, server.url("/a.html"));
    assert_eq!(articles(&saved, &got.entry).articles.len(), 1);
    let e = error(&server.url("/loop"), &options());
    assert_eq!(e, "too many redirects (more than 5)");
    assert!(
        server.hits("/loop") <= 6,
        "{} requests",
        server.hits("/loop")
    );
}

#[test]
fn a_slow_server_times_out() {
    let server = Server::start();
    assert_eq!(
        error(&server.url("/slow.html"), &options()),
        "timed out after 1 s"
    );
}

#[test]
fn error_statuses_and_refused_connections_are_named() {
    let server = Server::start();
    assert_eq!(
        error(&server.url("/missing.html"), &options()),
        "HTTP 404 Not Found"
    );
    assert_eq!(
        error(&server.url("/broken.html"), &options()),
        "HTTP 500 Internal Server Error"
    );
    assert_eq!(error(&refused_url(), &options()), "connection refused");
}

#[test]
fn what_is_not_an_article_says_so() {
    let server = Server::start();
    let e = error(&server.url("/image.png"), &options());
    assert!(
        e.starts_with("not an article: ") && e.contains("image/png"),
        "{e}"
    );
    let e = error(&server.url("/error-page.html"), &options());
    assert!(e.starts_with("not an article: no article found"), "{e}");
}

#[test]
fn bodies_over_the_size_limit_are_refused_however_they_come() {
    let server = Server::start();
    let small = WebOptions {
        max_size: 100 * 1024,
        ..options()
    };
    let too_large = "too large (over the limit of 100 KiB, see --max-file-size)";
    // Announced by Content-Length, sent without a length, and inflated from a small gzip body.
    assert_eq!(error(&server.url("/huge.html"), &small), too_large);
    assert_eq!(error(&server.url("/huge-chunked.html"), &small), too_large);
    assert_eq!(error(&server.url("/gzip-bomb.html"), &small), too_large);
}

#[test]
fn gzip_bodies_are_inflated() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let saved = SavedLibrary::at(dir.path());
    let got = obtain(&server.url("/gzip.html"), &saved, &options()).unwrap();
    let lib = articles(&saved, &got.entry);
    assert!(
        lib.articles[0].text.contains("northern pier"),
        "{}",
        lib.articles[0].text
    );
}

#[test]
fn legacy_and_mislabelled_charsets_decode() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let saved = SavedLibrary::at(dir.path());
    // ISO-8859-1, said in the header only.
    let got = obtain(&server.url("/latin1.html"), &saved, &options()).unwrap();
    let text = &articles(&saved, &got.entry).articles[0].text;
    assert!(text.contains("réouverture du café de la gare"), "{text}");
    assert_eq!(got.entry.title, "Le café rouvre");
    // Windows-1252 labelled UTF-8 by the server; the page's own declaration is right.
    let got = obtain(&server.url("/mislabelled.html"), &saved, &options()).unwrap();
    let text = &articles(&saved, &got.entry).articles[0].text;
    assert!(text.contains("“We will not reopen"), "{text}");
    assert!(!text.contains('\u{fffd}'), "{text}");
    // The saved copy is UTF-8.
    let page = std::fs::read(saved.page_path(&got.entry)).unwrap();
    assert!(String::from_utf8(page).is_ok());
}

#[test]
fn a_fresh_saved_copy_is_used_until_it_ages_or_a_refresh_is_asked() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let saved = SavedLibrary::at(dir.path());
    let url = server.url("/a.html");
    let first = obtain(&url, &saved, &options()).unwrap();
    let again = obtain(&url, &saved, &options()).unwrap();
    assert_eq!(server.hits("/a.html"), 1);
    assert_eq!(again.entry, first.entry);
    let refresh = WebOptions {
        refresh: true,
        ..options()
    };
    let refreshed = obtain(&url, &saved, &refresh).unwrap();
    assert_eq!(server.hits("/a.html"), 2);
    assert_eq!(refreshed.entry.id, first.entry.id);
    assert_eq!(refreshed.entry.added, first.entry.added);
    let no_age = WebOptions {
        max_age: Duration::ZERO,
        ..options()
    };
    obtain(&url, &saved, &no_age).unwrap();
    assert_eq!(server.hits("/a.html"), 3);
    assert_eq!(saved.scan().entries.len(), 1);
}

#[test]
fn fetching_again_sends_the_etag_and_keeps_the_copy_on_304() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let saved = SavedLibrary::at(dir.path());
    let url = server.url("/etag.html");
    let first = obtain(&url, &saved, &options()).unwrap();
    assert_eq!(first.entry.etag.as_deref(), Some("\"v1\""));
    let refresh = WebOptions {
        refresh: true,
        ..options()
    };
    let again = obtain(&url, &saved, &refresh).unwrap();
    assert_eq!(server.hits("/etag.html"), 2);
    assert_eq!(
        server.last("/etag.html").unwrap().headers["if-none-match"],
        "\"v1\""
    );
    assert_eq!(again.entry.title, first.entry.title);
    assert_eq!(articles(&saved, &again.entry).articles.len(), 1);
}

#[test]
fn a_failed_refresh_falls_back_on_the_saved_copy_and_says_so() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let saved = SavedLibrary::at(dir.path());
    let url = server.url("/flaky.html");
    obtain(&url, &saved, &options()).unwrap();
    let refresh = WebOptions {
        refresh: true,
        ..options()
    };
    let got = obtain(&url, &saved, &refresh).unwrap();
    let note = got.note.expect("a note");
    assert!(
        note.starts_with(
            "could not fetch it again (HTTP 503 Service Unavailable); using the copy saved "
        ),
        "{note}"
    );
    assert_eq!(articles(&saved, &got.entry).articles.len(), 1);
}

#[test]
fn different_addresses_never_share_an_id_and_several_fetch_at_once() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let lib_dir = dir.path().to_path_buf();
    // Same path, different queries: the same id before the suffix.
    let urls = [
        server.url("/a.html?x=1"),
        server.url("/a.html?x=2"),
        server.url("/a.html?x=3"),
    ];
    let ids: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = urls
            .iter()
            .map(|u| {
                let saved = SavedLibrary::at(&lib_dir);
                s.spawn(move || obtain(u, &saved, &options()).unwrap().entry.id)
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 3, "{ids:?}");
    assert_eq!(SavedLibrary::at(&lib_dir).scan().entries.len(), 3);
}
