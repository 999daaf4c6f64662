//! Input benchmarks: reader-mode extraction of saved web pages and parsing of feeds.
//!
//! Run with `cargo bench --bench input`. The inputs are the test fixtures: a saved page with
//! real page furniture (menus, ads, comment thread, cookie banner; 8 KB, about 370 words of
//! article), the same page with its article repeated 100 times (a long page: 280 KB, about
//! 1,200 paragraphs and 35,000 words), and an RSS feed of three items.

use std::path::{Path, PathBuf};

use parallax::corpus::{self, LoadOptions};

fn main() {
    divan::main();
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn page() -> String {
    std::fs::read_to_string(fixture("web/duran-doubles-down.html")).unwrap()
}

/// The fixture page with the article body repeated 100 times.
fn long_page() -> String {
    let p = page();
    let start = p.find("<div class=\"entry-content\">").unwrap();
    let end = start + p[start..].find("    </div>\n    <footer").unwrap();
    let body = &p[start..end];
    let inner = &body[body.find('\n').unwrap()..];
    format!("{}{}{}", &p[..end], inner.repeat(99), &p[end..])
}

/// Extraction: parse, metadata, Readability, paragraphs with their furniture tags, and the
/// text analysis of the result (what `corpus::extract` returns).
#[divan::bench]
fn extract_page(bencher: divan::Bencher) {
    let p = page();
    bencher.bench(|| corpus::extract(divan::black_box(p.as_bytes()), None).unwrap());
}

/// Extraction of a long page (about 35,000 words of article).
#[divan::bench(sample_count = 20)]
fn extract_long_page(bencher: divan::Bencher) {
    let p = long_page();
    bencher.bench(|| corpus::extract(divan::black_box(p.as_bytes()), None).unwrap());
}

/// Loading the page file into a library: reading, extraction and text analysis.
#[divan::bench]
fn load_page_file() -> corpus::Library {
    corpus::load(
        &[fixture("web/duran-doubles-down.html")],
        &LoadOptions::default(),
    )
}

/// Loading the RSS fixture: parsing, two entries to text and analysis, one skipped.
#[divan::bench]
fn load_rss_file() -> corpus::Library {
    corpus::load(&[fixture("feeds/syria-desk.rss")], &LoadOptions::default())
}
