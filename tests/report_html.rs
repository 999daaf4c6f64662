//! The HTML report: a self-contained page that shows both articles, highlighted, and never lets
//! article text become markup.

use assert_cmd::Command;
use parallax::compare::{Comparison, Options, Side, compare};
use parallax::corpus::{self, Article, Meta, Source};
use parallax::report::{Format, html, render};

fn demo_pair(a: &str, b: &str) -> Comparison {
    let lib = corpus::demo();
    let (opts, err) = Options::for_library(&lib.articles, &Default::default());
    assert!(err.is_empty(), "{err:?}");
    let get = |id: &str| lib.get(id).unwrap_or_else(|| panic!("demo id {id}"));
    compare(get(a), get(b), &opts)
}

/// Highlights as (classes, title, data-why, inner text). Highlights are never nested.
fn marks(html: &str) -> Vec<(String, String, Option<String>, String)> {
    let attr = |tag: &str, name: &str| -> Option<String> {
        let key = format!(" {name}=\"");
        let at = tag.find(&key)? + key.len();
        let end = tag[at..].find('"')?;
        Some(tag[at..at + end].to_string())
    };
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<mark ") {
        rest = &rest[at..];
        let close = rest.find('>').expect("tag ends");
        let tag = &rest[..close];
        let end = rest.find("</mark>").expect("mark closes");
        let inner = &rest[close + 1..end];
        assert!(!inner.contains("<mark"), "nested highlight: {inner}");
        out.push((
            attr(tag, "class").expect("class"),
            attr(tag, "title").unwrap_or_default(),
            attr(tag, "data-why"),
            inner.to_string(),
        ));
        rest = &rest[end..];
    }
    out
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#61;", "=")
        .replace("&amp;", "&")
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_balanced(html: &str) {
    for (open, close) in [
        ("<span", "</span>"),
        ("<mark", "</mark>"),
        ("<div", "</div>"),
        ("<p", "</p>"),
        ("<section", "</section>"),
        ("<table", "</table>"),
        ("<tr", "</tr>"),
    ] {
        // "<p" also prefixes nothing else we emit.
        assert_eq!(
            html.matches(open).count(),
            html.matches(close).count(),
            "unbalanced {open}"
        );
    }
}

fn assert_inert(html: &str) {
    let lower = html.to_lowercase();
    for bad in [
        "<script",
        "src=",
        "href=http",
        "@import",
        "url(",
        "<img",
        "onerror=",
    ] {
        assert!(!lower.contains(bad), "output contains {bad}");
    }
    assert!(
        !html
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "a control character reached the page"
    );
}

/// Every sentence of both articles sits in the columns exactly once, with its full text.
fn assert_every_sentence_once(cmp: &Comparison, html: &str) {
    for (side, info) in [(Side::A, &cmp.a), (Side::B, &cmp.b)] {
        let p = if side == Side::A { 'a' } else { 'b' };
        for (i, span) in info.sentences.iter().enumerate() {
            let key = format!("id=\"{p}{}\">", i + 1);
            assert_eq!(html.matches(&key).count(), 1, "sentence {p}{}", i + 1);
            let at = html.find(&key).unwrap() + key.len();
            let end = html[at..].find("</span>").unwrap();
            let shown = words(&strip_tags(&html[at..at + end]));
            let want = words(&parallax::text::sanitize::sanitize(span.slice(&info.text)));
            assert_eq!(shown, want, "sentence {p}{} text", i + 1);
        }
    }
}

#[test]
fn demo_pair_renders_titles_legend_quotes_and_loaded_terms() {
    let cmp = demo_pair("meduza-screenshot", "coalition-hampering");
    let page = render(&cmp, Format::Html);
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains("<meta charset=\"utf-8\">"));
    assert!(page.contains("name=\"viewport\""));
    assert!(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
    assert!(page.contains("@media (max-width: 700px)"));
    assert!(page.contains("@media print"));
    for info in [&cmp.a, &cmp.b] {
        assert!(
            page.contains(&html::escape(&words(&info.title))),
            "title {} missing",
            info.title
        );
    }
    assert!(page.contains("<h2>Legend</h2>"));
    for class in ["quote", "change", "loaded-strong", "loaded-weak"] {
        assert!(
            page.contains(&format!("<li><mark class=\"{class}\">")),
            "legend lacks {class}"
        );
    }

    let ms = marks(&page);
    // The long shared quotation with the editorial "[sic]" is highlighted as a quote in the
    // columns, and explains itself to keyboard users.
    let sic = ms
        .iter()
        .find(|(c, _, why, t)| {
            c.split(' ').any(|c| c == "quote") && why.is_some() && t.contains("[sic]")
        })
        .expect("[sic] inside a focusable quote highlight");
    assert!(sic.1.contains("Quotation also in B"), "{}", sic.1);
    assert!(sic.1.contains("partial match"), "{}", sic.1);

    // A loaded term carries its category, the lexicon's reason and who else uses it.
    let t = cmp
        .loaded_terms
        .first()
        .expect("the demo pair has loaded terms");
    let reason = html::escape(&words(&t.reason));
    let class = if t.only_here {
        "loaded-strong"
    } else {
        "loaded-weak"
    };
    let hit = ms
        .iter()
        .find(|(c, _, why, _)| {
            c.split(' ').any(|c| c == class) && why.as_deref().is_some_and(|w| w.contains(&reason))
        })
        .expect("a loaded-term highlight explaining its reason");
    assert!(hit.1.contains(&html::escape(&t.category)));
    assert!(hit.1.contains("uses it") || hit.1.contains("only this article"));
    assert!(page.contains("tabindex=\"0\""));

    assert!(page.contains("<h2>Shared quotations</h2>"));
    assert!(page.contains("<h2>Framing differences</h2>"));
    assert!(page.contains("<h2>Loaded terms</h2>"));
    assert!(page.contains("<h2>Distinctive terms</h2>"));
    assert!(page.contains("<h2>Framing profile</h2>"));
    assert_balanced(&page);
    assert_inert(&page);
    assert_every_sentence_once(&cmp, &page);
}

#[test]
fn every_demo_pair_is_balanced_and_complete() {
    let lib = corpus::demo();
    let (opts, _) = Options::for_library(&lib.articles, &Default::default());
    for a in &lib.articles {
        for b in &lib.articles {
            if a.id == b.id {
                continue;
            }
            let cmp = compare(a, b, &opts);
            let page = render(&cmp, Format::Html);
            assert_balanced(&page);
            assert_inert(&page);
            assert_every_sentence_once(&cmp, &page);
        }
    }
}

fn hostile(id: &str, outlet: &str, text: &str) -> Article {
    Article::new(
        id.to_string(),
        Meta {
            title: "Breaking <script>alert(1)</script> \"><img src=x onerror=alert(2)> \u{1b}]0;pwned\u{7}".into(),
            outlet: Some(outlet.into()),
            url: Some("javascript:alert(3)\"><a href=http://evil>".into()),
            ..Meta::default()
        },
        Source::Demo { name: id.to_string() },
        text.to_string(),
        None,
    )
}

#[test]
fn hostile_input_is_escaped_and_inert() {
    let a = hostile(
        "evil-a",
        "<b>Outlet</b> & 'Co'",
        "The minister said \"we will <script>alert(1)</script> act now\" on Monday. \
         Critics called it a \"><img src=x onerror=alert(2)> regime tactic.\u{1b}[31m Red \u{1b}]52;c;ZXZpbA==\u{7} text. \
         Officials claimed the figures were 40 percent.",
    );
    let b = hostile(
        "evil-b",
        "Other\u{1b}[2J outlet",
        "The minister stated \"we will <script>alert(1)</script> act now\" on Monday. \
         Opponents described a \"><img src=x onerror=alert(2)> tactic. \
         Officials said the figures were 45 percent.",
    );
    let cmp = compare(&a, &b, &Options::default());
    let page = render(&cmp, Format::Html);
    assert_inert(&page);
    assert_balanced(&page);
    assert_every_sentence_once(&cmp, &page);
    // The words are still there for the reader, as text.
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&lt;b&gt;Outlet&lt;/b&gt; &amp; &#39;Co&#39;"));
    assert!(!page.contains("ZXZpbA"), "an OSC payload reached the page");
}

#[test]
fn cli_writes_an_html_document() {
    let home = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("parallax")
        .expect("binary")
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("PARALLAX_LIBRARY", home.path().join("library"))
        .env_remove("PARALLAX_CONFIG")
        .args([
            "compare",
            "meduza-screenshot",
            "coalition-hampering",
            "--format",
            "html",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.trim_end().ends_with("</html>"));
    assert_inert(&page);
}

#[test]
fn scare_quotes_are_marked_from_the_comparison_alone() {
    let lib = corpus::demo();
    let (opts, _) = Options::for_library(&lib.articles, &Default::default());
    let (a, b) = (
        lib.get("meduza-screenshot").unwrap(),
        lib.get("coalition-hampering").unwrap(),
    );
    // The comparison carries each side's quotations, so its JSON form renders the same page.
    let cmp = compare(a, b, &opts);
    let json = parallax::report::render(&cmp, parallax::report::Format::Json);
    let back: parallax::compare::Comparison = serde_json::from_str(&json).unwrap();
    let page = html::render(&back);
    assert_eq!(page, html::render(&cmp));
    assert!(
        page.contains("<li><mark class=\"scare\">"),
        "the legend names scare quotes"
    );
    assert!(
        marks(&page)
            .iter()
            .any(|(c, ..)| c.split(' ').any(|c| c == "scare")),
        "a scare quote is marked in the columns"
    );
}
