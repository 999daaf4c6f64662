//! HTML nested deeper than any parser should see: flattened before parsing, keeping the
//! text, leaving real pages unchanged, and never trusting a simple count of tags where the
//! HTML parser keeps elements open (or re-opens them).

use std::borrow::Cow;

use parallax::corpus::nesting::{MAX_DEPTH, MAX_FORMATTING, depth_of, flatten};

fn nested(tag: &str, n: usize) -> String {
    format!(
        "<html><body>{}<p>deep text</p>{}</body></html>",
        format!("<{tag}>").repeat(n),
        format!("</{tag}>").repeat(n)
    )
}

#[test]
fn ordinary_pages_pass_unchanged() {
    let page = "<!doctype html><html><head><title>T</title><script>if (a<b) { x = '</div>'; }</script></head>\
        <body><p>One<p>Two<ul><li>a<li>b</ul><table><tr><td>1<td>2<tr><td>3</table>\
        <div class=\"x>y\"><b>bold <i>both</b> italic</i></div><!-- <div><div> --></body></html>";
    let f = flatten(page);
    assert!(matches!(f.html, Cow::Borrowed(_)));
    assert_eq!(f.dropped, 0);
    assert!(f.deepest < 10, "{}", f.deepest);
}

#[test]
fn unclosed_paragraphs_and_list_items_do_not_add_up() {
    let page = format!(
        "<body>{}{}{}",
        "<p>para ".repeat(5000),
        "<li>item ".repeat(5000),
        "<option>o ".repeat(5000)
    );
    let f = flatten(&page);
    assert_eq!(f.dropped, 0);
    assert!(f.deepest < 5, "{}", f.deepest);
}

#[test]
fn deep_nesting_is_flattened_keeping_the_text() {
    let page = nested("div", 10_000);
    let f = flatten(&page);
    assert_eq!(f.deepest, 10_003, "html, body, the divs and the paragraph");
    assert_eq!(f.dropped, 10_000 + 1 + 2 - MAX_DEPTH);
    assert!(f.html.contains("deep text"));
    let doc = dom_query::Document::from(f.html.as_ref());
    let depth = depth_of(&doc.root());
    assert!(depth <= MAX_DEPTH + 2, "{depth}");
    assert!(f.note().unwrap().contains("10003 levels deep"));
}

#[test]
fn formatting_elements_are_capped() {
    let page = format!("<body>{}text", "<b>".repeat(100_000));
    let f = flatten(&page);
    let doc = dom_query::Document::from(f.html.as_ref());
    assert!(depth_of(&doc.root()) <= MAX_FORMATTING + 4);
    assert!(doc.root().text().contains("text"));
}

#[test]
fn a_dropped_script_takes_its_contents_along() {
    let page = format!(
        "<body>{}<script>var secret = 1;</script><p>shown</p>",
        "<div>".repeat(MAX_DEPTH + 10)
    );
    let f = flatten(&page);
    assert!(!f.html.contains("secret"));
    assert!(f.html.contains("shown"));
}

#[test]
fn markup_that_tricks_a_naive_model_still_parses_shallow() {
    let fmt: String = (0..60).map(|i| format!("<b x={i}>")).collect();
    let cases: Vec<(&str, String)> = vec![
        // </body> and </form> do not close what is open inside them.
        (
            "body",
            "<div>".repeat(200) + &format!("</body>{}", "<div>".repeat(200)).repeat(50),
        ),
        (
            "form",
            format!("<form>{}</form>", "<div>".repeat(100)).repeat(50),
        ),
        // The parser adds a table body and rows the page left out.
        ("tables", "<table><tr><td>".repeat(3000)),
        ("cells", "<table><td>".repeat(3000)),
        // Formatting elements closed by a block are re-opened by the parser.
        ("formatting", format!("<div>{fmt}</div>").repeat(300) + "x"),
        ("reopened", fmt.clone() + &"<div>x</div>".repeat(2000)),
        ("select", "<div><select></div>".repeat(2000)),
        ("svg", "<svg><g>".repeat(2000)),
        ("math", "<math><mi><div>".repeat(2000)),
        ("lists", "<ul><li><div>".repeat(2000)),
        ("links", "<a><div><a>".repeat(2000)),
        ("headings", "<h1><h2><div>".repeat(2000)),
        ("definitions", "<dl><dt><dd><div>".repeat(2000)),
        ("table in p", "<p><table><tr><td><p>".repeat(2000)),
        ("caption", "<table><caption><div>".repeat(2000)),
        (
            "noscript",
            format!("<head>{}", "<noscript><div>".repeat(2000)),
        ),
    ];
    for (what, page) in cases {
        let f = flatten(&page);
        let doc = dom_query::Document::from(f.html.as_ref());
        let depth = depth_of(&doc.root());
        assert!(
            depth <= MAX_DEPTH + MAX_FORMATTING + 8,
            "{what}: parsed {depth} deep"
        );
    }
}

#[test]
fn depth_is_measured_without_recursion() {
    let doc = dom_query::Document::from("<html><body><div><p>x</p></div><p>y</p></body></html>");
    // html > body > div > p > text
    assert_eq!(depth_of(&doc.root()), 5);
}
