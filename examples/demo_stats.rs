//! Write the demo articles' word statistics (`assets/demo/word_stats.tsv`) from the articles
//! as analysed now: `cargo run --release --locked --example demo_stats > assets/demo/word_stats.tsv`.
//! A test fails, naming this command, whenever the file and the articles disagree.

fn main() {
    let lib = parallax::corpus::demo();
    let df = parallax::compare::stats::DocFreq::from_articles(&lib.articles);
    print!("{}", parallax::corpus::demo::write_word_stats(&df));
}
