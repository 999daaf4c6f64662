//! Build script: turns the bundled word-frequency table (`assets/english/wordfreq.txt`) into a
//! perfect-hash map compiled into the binary, so that no run parses the table or builds a hash
//! map from it at start-up (see `src/text/vocab/wordfreq.rs`).

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

const WORDFREQ: &str = "assets/english/wordfreq.txt";

fn main() {
    println!("cargo::rerun-if-changed={WORDFREQ}");
    let src = std::fs::read_to_string(WORDFREQ).expect("read the word-frequency table");
    // The table format: `#` comment lines, then lines of a Zipf value followed by the words
    // with that value. A word listed twice keeps its first (highest) value.
    let mut seen = HashSet::new();
    let mut map = phf_codegen::Map::new();
    for line in src.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_ascii_whitespace();
        let Some(zipf) = parts.next().and_then(|z| z.parse::<f32>().ok()) else {
            continue;
        };
        for word in parts {
            if seen.insert(word) {
                map.entry(word, format!("{zipf:?}f32"));
            }
        }
    }
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("wordfreq.rs");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&out).expect("create"));
    writeln!(
        file,
        "/// Zipf frequency of every word of the bundled table.\n\
         pub(super) static WORDFREQ: phf::Map<&'static str, f32> = {};",
        map.build()
    )
    .expect("write");
}
