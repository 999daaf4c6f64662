//! Library benchmarks: loading and grouping a generated library of 1,000 and 10,000 articles
//! with known stories (`benches/support/library.rs`), and one filter keystroke in the library
//! screen of 10,000 articles.
//!
//! Run with `cargo bench --bench library`. The files are written once to a temporary folder
//! before timing; loading reads, checks and analyses every file (in parallel), grouping builds
//! the stories and their suggested pairs.

#[path = "support/library.rs"]
mod library;

use std::path::PathBuf;
use std::sync::OnceLock;

use parallax::compare::stories;
use parallax::corpus::{self, Library, LoadOptions};
use parallax::tui::action::{Action, Msg};
use parallax::tui::keymap::Keymap;
use parallax::tui::state::State;
use parallax::tui::update::update;

fn main() {
    divan::main();
}

/// A folder of `n` generated articles, written once per process.
fn folder(n: usize) -> PathBuf {
    static DIRS: OnceLock<std::sync::Mutex<Vec<(usize, tempfile::TempDir)>>> = OnceLock::new();
    let dirs = DIRS.get_or_init(Default::default);
    let mut dirs = dirs.lock().unwrap();
    if let Some((_, d)) = dirs.iter().find(|(k, _)| *k == n) {
        return d.path().to_path_buf();
    }
    let dir = tempfile::tempdir().unwrap();
    for g in library::generate(n, 7) {
        std::fs::write(dir.path().join(&g.name), g.text).unwrap();
    }
    let path = dir.path().to_path_buf();
    dirs.push((n, dir));
    path
}

fn loaded(n: usize) -> Library {
    corpus::load(&[folder(n)], &LoadOptions::default())
}

#[divan::bench(args = [1_000, 10_000], sample_count = 3, sample_size = 1)]
fn load(bencher: divan::Bencher, n: usize) {
    let dir = folder(n);
    bencher.bench(|| corpus::load(std::slice::from_ref(&dir), &LoadOptions::default()));
}

#[divan::bench(args = [1_000, 10_000], sample_count = 3, sample_size = 1)]
fn group(bencher: divan::Bencher, n: usize) {
    let lib = loaded(n);
    bencher.bench(|| stories::group(divan::black_box(&lib.articles)));
}

/// The library screen's whole analysis (stories and relatedness), as the reader computes it
/// once the last article is in.
#[divan::bench(args = [10_000], sample_count = 3, sample_size = 1)]
fn analyse(bencher: divan::Bencher, n: usize) {
    let lib = loaded(n);
    bencher.bench(|| parallax::tui::state::analyse(divan::black_box(&lib)));
}

/// One keystroke typed into the fuzzy filter of a 10,000-article library (the filter already
/// holds "defen"; the key adds "c"), then Backspace to restore it.
#[divan::bench(sample_count = 20)]
fn filter_keystroke_10k(bencher: divan::Bencher) {
    let mut s = State::new_unanalysed(loaded(10_000), Keymap::default());
    update(
        &mut s,
        Msg::Resize {
            width: 160,
            height: 50,
        },
    );
    update(&mut s, Action::Search);
    for c in "defen".chars() {
        update(&mut s, Msg::Input(c));
    }
    bencher.bench_local(|| {
        update(&mut s, Msg::Input('c'));
        update(&mut s, Msg::DeleteChar);
    });
}
