//! Limits benchmarks: text analysis (paragraphs, boilerplate, sentences, tokens, quotations) on
//! one line of several MiB with no line break, and loading a directory of many tiny files. The
//! sizes double from one run to the next, so a time that doubles with them shows linear
//! scaling and one that quadruples would show a quadratic blow-up.
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
