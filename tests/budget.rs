//! Work budgets: past its budget, quotation matching falls back to identical quotations only,
//! deterministically, and the comparison and its reports say so.

use parallax::compare::{self, Options};
use parallax::corpus;

#[test]
fn past_the_quote_budget_only_identical_quotations_pair_and_the_comparison_says_so() {
    let lib = corpus::demo();
    let (a, b) = (&lib.articles[3], &lib.articles[2]);
    let full = compare::compare(a, b, &Options::default());
    assert!(full.limits.is_empty());
    let json = parallax::report::render(&full, parallax::report::Format::Json);
    assert!(
        !json.contains("\"limits\""),
        "no limits key when nothing was cut"
    );

    let tight = Options {
        quote_budget: 0,
        ..Options::default()
    };
    let coarse = compare::compare(a, b, &tight);
    assert_eq!(coarse.limits.len(), 1);
    assert_eq!(coarse.limits[0].stage, "shared_quotes");
    assert!(coarse.shared_quotes.len() <= full.shared_quotes.len());
    for q in &coarse.shared_quotes {
        assert_eq!(q.kind, compare::QuoteMatchKind::Exact);
    }
    // Deterministic: the budget counts work, not time.
    assert_eq!(coarse, compare::compare(a, b, &tight));
    let text = parallax::report::render(&coarse, parallax::report::Format::Text);
    assert!(text.contains("note: too many quotation pairs"), "{text}");
    let json = parallax::report::render(&coarse, parallax::report::Format::Json);
    assert!(json.contains("\"limits\""));
    // The other parts of the analysis are untouched.
    assert_eq!(coarse.alignment, full.alignment);
    assert_eq!(coarse.framing, full.framing);
}
