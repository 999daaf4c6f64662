//! Write a long pair of articles for whole-process timings (the pair `benches/engine.rs`
//! compares), as plain text files:
//!
//! ```text
//! cargo run --release --example gen_pair -- WORDS A.txt B.txt
//! ```
//!
//! Each side has at least WORDS words: the demo seeds' paragraphs, repeated and shuffled with a
//! fixed seed; B's copy is lightly edited (see `benches/support/long.rs`).

#[path = "../benches/support/long.rs"]
mod long;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(words), Some(a), Some(b)) = (
        args.first().and_then(|w| w.parse::<usize>().ok()),
        args.get(1),
        args.get(2),
    ) else {
        eprintln!("usage: gen_pair WORDS A.txt B.txt");
        std::process::exit(2);
    };
    std::fs::write(a, long::long_text(words, 7, false))?;
    std::fs::write(b, long::long_text(words, 11, true))?;
    Ok(())
}
