//! Limits benchmarks: text analysis (paragraphs, boilerplate, sentences, tokens, quotations) on
//! one line of several MiB with no line break, loading a directory of many tiny files,
//! extracting pages nested tens of thousands of levels deep, comparing quote-heavy texts and
//! texts of many paragraphs, and the HTML report of a long pair. The sizes double from one run
//! to the next, so a time that doubles with them shows linear scaling and one that quadruples
//! would show a quadratic blow-up.
//!
//! Run with `cargo bench --bench limits`.

use std::path::PathBuf;

use parallax::corpus::{self, LoadOptions};
use parallax::text;

fn main() {
    divan::main();
}

const MIB: usize = 1024 * 1024;

/// Words separated by spaces, no line break and no sentence end, `mib` MiB long.
fn unbroken_words(mib: usize) -> String {
    let words = [
        "ministry",
        "said",
        "“quoted",
        "words”",
        "the",
        "U.S.",
        "coalition",
        "'scare'",
    ];
    let mut s = String::with_capacity(mib * MIB + 16);
    let mut i = 0;
    while s.len() < mib * MIB {
        s.push_str(words[i % words.len()]);
        s.push(' ');
        i += 1;
    }
    s
}

/// Analysis of one unbroken line of words.
#[divan::bench(args = [1, 2, 4, 8], sample_count = 3, sample_size = 1)]
fn analyse_unbroken_line_of_words(bencher: divan::Bencher, mib: usize) {
    let text = unbroken_words(mib);
    bencher.bench(|| text::analyse(divan::black_box(&text), None));
}

/// Analysis of one word of `mib` MiB: no space, no line break.
#[divan::bench(args = [1, 2, 4, 8], sample_count = 3, sample_size = 1)]
fn analyse_one_giant_word(bencher: divan::Bencher, mib: usize) {
    let text = "x".repeat(mib * MIB);
    bencher.bench(|| text::analyse(divan::black_box(&text), None));
}

/// Loading a directory of `n` tiny text files (100 subdirectories).
#[divan::bench(args = [2_500, 5_000, 10_000, 20_000], sample_count = 3, sample_size = 1)]
fn load_many_tiny_files(bencher: divan::Bencher, n: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..n {
        let sub = dir.path().join(format!("{:02}", i % 100));
        std::fs::create_dir_all(&sub).expect("mkdir");
        std::fs::write(
            sub.join(format!("note-{i}.txt")),
            format!("Note {i}\n\nThe ministry said on Monday that item {i} was fine.\n"),
        )
        .expect("write");
    }
    let paths: Vec<PathBuf> = vec![dir.path().to_path_buf()];
    bencher.bench(|| {
        let lib = corpus::load(&paths, &LoadOptions::default());
        assert_eq!(lib.articles.len(), n);
        lib
    });
}

/// A page of `n` nested `<div>`s around a paragraph: flattened, parsed and extracted.
#[divan::bench(args = [10_000, 20_000, 40_000, 80_000], sample_count = 3, sample_size = 1)]
fn extract_deeply_nested_page(bencher: divan::Bencher, n: usize) {
    let words = "The ministry said on Monday that the convoy was hit near the border. ".repeat(8);
    let page = format!(
        "<html><body>{}<p>{words}</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    bencher.bench(|| corpus::html::extract_page(divan::black_box(&page)).map(|(_, t)| t.len()));
}

/// Two texts of `kib` KiB each made only of short quotations of the same ten words.
fn quote_heavy(kib: usize, seed: u64) -> String {
    let words = [
        "minister",
        "army",
        "convoy",
        "border",
        "strike",
        "civilians",
        "killed",
        "official",
        "statement",
        "evidence",
    ];
    let mut state = seed;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize % words.len()
    };
    let mut s = String::from("Title\n\n");
    while s.len() < kib * 1024 {
        s.push('“');
        for i in 0..6 {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(words[next()]);
        }
        s.push_str("” ");
    }
    s
}

fn article(id: &str, text: String) -> corpus::Article {
    corpus::Article::new(
        id.to_string(),
        corpus::Meta::default(),
        corpus::Source::Demo {
            name: id.to_string(),
        },
        text,
        None,
    )
}

/// Comparing two quote-heavy texts (before: every quotation pair was built, even past the
/// work budget).
#[divan::bench(args = [128, 256, 512, 1024], sample_count = 3, sample_size = 1)]
fn compare_quote_heavy_pair(bencher: divan::Bencher, kib: usize) {
    let a = article("a", quote_heavy(kib, 1));
    let b = article("b", quote_heavy(kib, 2));
    let opts = parallax::compare::Options::default();
    bencher.bench(|| parallax::compare::compare(&a, &b, &opts));
}

/// Comparing a text of `kib` KiB of one-word paragraphs with a tiny one (before: quadratic in
/// the number of paragraphs).
#[divan::bench(args = [256, 512, 1024], sample_count = 3, sample_size = 1)]
fn compare_many_paragraphs(bencher: divan::Bencher, kib: usize) {
    let a = article("a", format!("T\n\n{}", "a\n\n".repeat(kib * 1024 / 3)));
    let b = article("b", "Tiny\n\nThe minister said hello.\n".to_string());
    let opts = parallax::compare::Options::default();
    bencher.bench(|| parallax::compare::compare(&a, &b, &opts));
}

/// The HTML report of a pair of unbroken lines of words, `kib` KiB each.
#[divan::bench(args = [128, 256, 512, 1024], sample_count = 3, sample_size = 1)]
fn html_report_of_long_pair(bencher: divan::Bencher, kib: usize) {
    let text = unbroken_words(1);
    let mut end = kib * 1024;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    let a = article("a", text.to_string());
    let b = article("b", text.replace("coalition", "regime"));
    let cmp = parallax::compare::compare(&a, &b, &parallax::compare::Options::default());
    bencher.bench(|| {
        let mut sink = std::io::sink();
        parallax::report::html::write(&cmp, &mut sink)
    });
}
