//! Engine benchmarks: `compare` on a demo pair and on two long articles built from the demo
//! seeds (about 60,000 words each).
//!
//! Run with `cargo bench --bench engine`. The long pair is real reporting text: the paragraphs
//! of the five demo seeds, repeated and shuffled (a fixed-seed generator, so every run measures
//! the same input), with light edits on B's side (attribution verbs swapped, a word dropped
//! now and then) so that alignment and framing have work to do.

#[path = "support/long.rs"]
mod long;

use long::{article, long_text};
use parallax::compare::{Options, compare};
use parallax::corpus;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 50)]
fn demo_pair(bencher: divan::Bencher) {
    let lib = corpus::demo();
    let (a, b) = (lib.articles[3].clone(), lib.articles[4].clone());
    let opts = Options::default();
    bencher.bench(|| compare(divan::black_box(&a), divan::black_box(&b), &opts));
}

#[divan::bench(sample_count = 20)]
fn long_pair_10k_words(bencher: divan::Bencher) {
    let a = article("long-a", long_text(10_000, 7, false));
    let b = article("long-b", long_text(10_000, 11, true));
    let opts = Options::default();
    bencher.bench(|| compare(divan::black_box(&a), divan::black_box(&b), &opts));
}

#[divan::bench(sample_count = 10)]
fn long_pair_60k_words(bencher: divan::Bencher) {
    let a = article("long-a", long_text(60_000, 7, false));
    let b = article("long-b", long_text(60_000, 11, true));
    let opts = Options::default();
    bencher.bench(|| compare(divan::black_box(&a), divan::black_box(&b), &opts));
}
