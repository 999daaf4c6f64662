//! Snapshots of the reports for demo pairs: what a reader of `parallax compare` sees.
//!
//! The JSON snapshot leaves out the two article texts (they are the asset files, checked
//! elsewhere) so that a change in the analysis shows up as a readable diff.

use parallax::compare::{Comparison, Options, compare};
use parallax::corpus;
use parallax::report::{Format, render};

fn pair(a: &str, b: &str) -> Comparison {
    let lib = corpus::demo();
    let (opts, err) = Options::for_library(&lib.articles, &Default::default());
    assert!(err.is_empty(), "{err:?}");
    let get = |id: &str| lib.get(id).unwrap_or_else(|| panic!("demo id {id}"));
    compare(get(a), get(b), &opts)
}

#[test]
fn text_report_meduza_vs_coalition() {
    let cmp = pair("meduza-screenshot", "coalition-hampering");
    insta::assert_snapshot!(render(&cmp, Format::Text));
}

#[test]
fn markdown_report_duran_vs_meduza() {
    let cmp = pair("duran-doubles-down", "meduza-screenshot");
    insta::assert_snapshot!(render(&cmp, Format::Markdown));
}

#[test]
fn json_report_meduza_vs_coalition() {
    let cmp = pair("meduza-screenshot", "coalition-hampering");
    let mut v: serde_json::Value = serde_json::from_str(&render(&cmp, Format::Json)).unwrap();
    for side in ["a", "b"] {
        v[side]["text"] = serde_json::Value::String("<the asset file>".into());
    }
    insta::assert_snapshot!(serde_json::to_string_pretty(&v).unwrap());
}

#[test]
fn swapping_sides_mirrors_the_comparison() {
    let ab = pair("meduza-screenshot", "coalition-hampering");
    let ba = pair("coalition-hampering", "meduza-screenshot");
    let mut forward: Vec<(usize, usize)> = ab.alignment.iter().map(|p| (p.a, p.b)).collect();
    let mut backward: Vec<(usize, usize)> = ba.alignment.iter().map(|p| (p.b, p.a)).collect();
    forward.sort();
    backward.sort();
    assert_eq!(
        forward, backward,
        "alignment must not depend on which side is A"
    );
    assert_eq!(ab.shared_quotes.len(), ba.shared_quotes.len());
    assert_eq!(ab.summary.loaded_a, ba.summary.loaded_b);
}
