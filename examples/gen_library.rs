//! Write a generated library with known stories to a folder, for benchmarks and trials:
//!
//! ```text
//! cargo run --release --example gen_library -- DIR [ARTICLES] [SEED]
//! ```
//!
//! DIR receives `ARTICLES` Markdown files (default 1000) and `stories.tsv`, which names each
//! file's story; see `benches/support/library.rs` for how the articles are built. Pass `--score`
//! after the other arguments to group the folder's articles with parallax and print how well
//! the stories were recovered (pairwise precision and recall, adjusted Rand index).

#[path = "../benches/support/library.rs"]
mod library;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let score = args.iter().any(|a| a == "--score");
    let args: Vec<&String> = args.iter().filter(|a| *a != "--score").collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: gen_library DIR [ARTICLES] [SEED] [--score]");
        std::process::exit(2);
    };
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(7);
    std::fs::create_dir_all(&dir)?;
    let generated = library::generate(n, seed);
    let mut truth = String::from("file\tstory\n");
    for g in &generated {
        std::fs::write(dir.join(&g.name), &g.text)?;
        truth.push_str(&format!("{}\t{}\n", g.name, g.story));
    }
    std::fs::write(dir.join("stories.tsv"), truth)?;
    let stories = generated.iter().map(|g| g.story).max().map_or(0, |m| m + 1);
    println!("{}: {n} articles in {stories} stories", dir.display());
    if score {
        let start = std::time::Instant::now();
        let lib = parallax::corpus::load(std::slice::from_ref(&dir), &Default::default());
        let loaded = start.elapsed();
        let grouping = parallax::compare::stories::group(&lib.articles);
        let grouped = start.elapsed() - loaded;
        // Articles load in file-name order, the order they were generated in.
        let truth: Vec<usize> = generated.iter().map(|g| g.story).collect();
        let (p, r, ari) = library::recovery(&grouping.story_of, &truth);
        println!(
            "loaded {} in {:.2?}, grouped in {:.2?}: {} stories found; pairwise precision {p:.3}, \
             recall {r:.3}, adjusted Rand index {ari:.3}",
            lib.articles.len(),
            loaded,
            grouped,
            grouping.stories.len()
        );
    }
    Ok(())
}
