//! The HTML story page: one self-contained HTML5 document with a grid of facts down and outlets
//! across, each cell the outlet's wording of the fact with its marks (or an omission), then the
//! quotations, who is quoted by whom, and the facts only one outlet reports.
//!
//! The same rules as the pairwise page ([`crate::report::html`]): its own CSS and nothing else
//! (no script, nothing loaded; a Content-Security-Policy forbids it), every piece of input
//! sanitised then escaped, each mark explained in a `title` and in a note shown on keyboard or
//! touch focus, and every mark class with a non-colour style. The grid scrolls sideways on a
//! narrow screen, its header row and fact column staying in place.

use std::fmt::Write;

use super::{coverage_bar, coverage_text, kind_name, labels_text, names, segments};
use crate::compare::HighlightKind;
use crate::compare::story::{Cell, Story};
use crate::report::html::{css, escape};
use crate::text::sanitize::sanitize_line;

fn esc(s: &str) -> String {
    escape(
        &sanitize_line(s)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

const CSS: &str = r#"
:root { color-scheme: light; --quote: #56B4E9; --change: #E69F00; --loaded: #D55E00; --scare: #CC79A7; --dim: #6b6b6b; }
* { box-sizing: border-box; }
body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff; margin: 0 auto; padding: 1rem; }
h1, h2 { font-family: system-ui, sans-serif; line-height: 1.25; }
h1 { font-size: 1.5rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
.legend, .summary, table.meta, table.quoted { font-family: system-ui, sans-serif; font-size: .95rem; }
mark { background: transparent; color: inherit; padding: 0 .05em; }
mark.quote { background: rgba(86,180,233,.18); text-decoration: underline 2px var(--quote); text-underline-offset: .18em; }
mark.change { font-weight: bold; background: rgba(230,159,0,.22); }
mark.loaded-strong { border: 2px solid var(--loaded); border-radius: 3px; }
mark.loaded-weak { border: 1px dashed var(--loaded); border-radius: 3px; }
mark.loaded-quoted { border-bottom: 2px dotted var(--loaded); font-style: italic; }
mark.scare { font-style: italic; background: rgba(204,121,167,.22); }
mark[tabindex]:focus { outline: 3px solid #0072B2; outline-offset: 1px; }
mark[data-why]:focus::after { content: " [" attr(data-why) "]"; font: .85rem/1.4 system-ui, sans-serif; font-weight: normal; font-style: normal; background: #fffbe6; color: #1a1a1a; border: 1px solid #999; padding: 0 .3em; }
.scroll { overflow-x: auto; border: 1px solid #ccc; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ddd; padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
table.grid td.cell, table.grid th.outlet { min-width: 16rem; }
table.grid thead th { position: sticky; top: 0; background: #f4f4f4; font-family: system-ui, sans-serif; }
table.grid th.fact { position: sticky; left: 0; background: #fafafa; font: .8rem system-ui, sans-serif; white-space: nowrap; }
.bar { font-family: monospace; letter-spacing: .1em; display: block; }
.labels { color: var(--dim); display: block; white-space: normal; max-width: 8rem; }
td.omit { color: var(--dim); font-style: italic; background: repeating-linear-gradient(135deg, #fff, #fff 6px, #f3f3f3 6px, #f3f3f3 12px); }
.s { margin: 0 0 .3rem; }
.meta td, .quoted td { font-size: .9rem; }
.dimmed { color: var(--dim); }
@media print {
  mark[data-why]:focus::after { content: none; }
  mark { background: none !important; color: #000; }
  mark.quote { text-decoration: underline 1.5px #000; }
  mark.loaded-strong { border: 2px solid #000; }
  mark.loaded-weak { border: 1px dashed #000; }
  mark.loaded-quoted { border-bottom: 2px dotted #000; font-style: italic; }
  .scroll { overflow: visible; border: 0; }
  tr { break-inside: avoid; }
}
"#;

/// A cell's sentences as HTML paragraphs, cut into marked segments.
fn cell_html(story: &Story, cell: &Cell) -> String {
    let Some(art) = story.articles.get(cell.article) else {
        return String::new();
    };
    let mut out = String::new();
    for &sent in &cell.spans {
        out.push_str("<p class=\"s\">");
        for seg in segments(&art.text, sent, &cell.marks) {
            let text = escape(&seg.text);
            if seg.marks.is_empty() {
                out.push_str(&text);
                continue;
            }
            let marks: Vec<_> = seg.marks.iter().map(|&m| &cell.marks[m]).collect();
            let mut classes: Vec<&str> = marks.iter().map(|m| css(m.kind)).collect();
            classes.sort_unstable();
            classes.dedup();
            let mut whys: Vec<&str> = marks.iter().map(|m| m.why.as_str()).collect();
            whys.dedup();
            let why = esc(&whys.join(" | "));
            let _ = write!(
                out,
                "<mark class=\"{}\" title=\"{why}\" tabindex=\"0\" data-why=\"{why}\">{text}</mark>",
                classes.join(" ")
            );
        }
        out.push_str("</p>");
    }
    out
}

/// Render the story page: a complete, self-contained HTML5 document.
pub fn render(story: &Story) -> String {
    let mut o = String::new();
    let names = names(story);
    let n = story.articles.len();
    o.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    o.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    let title = story
        .articles
        .first()
        .map(|a| esc(&a.title))
        .unwrap_or_default();
    let _ = writeln!(o, "<title>Story: {title}</title>");
    let _ = writeln!(o, "<style>{CSS}</style>\n</head>\n<body>");
    let _ = writeln!(o, "<h1>Story of {n} articles</h1>");
    o.push_str("<table class=\"meta\"><thead><tr><th>#</th><th>outlet</th><th>title</th><th>id</th><th>words</th><th>facts only here</th></tr></thead><tbody>\n");
    for (i, a) in story.articles.iter().enumerate() {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            i + 1,
            esc(&names[i]),
            esc(&a.title),
            esc(&a.id),
            a.words,
            a.only.len()
        );
    }
    o.push_str("</tbody></table>\n");
    let s = &story.summary;
    let _ = writeln!(
        o,
        "<p class=\"summary\">{} facts: {} told by all {n}, {} by one outlet only; {} \
         quotations, {} carried by one outlet only. Confident alignment links landing in one \
         fact: {} of {}.</p>",
        s.facts,
        s.shared_by_all,
        s.one_outlet,
        s.quotations,
        s.quotations_one_outlet,
        s.confident_in_one_fact,
        s.confident_links
    );
    o.push_str("<ul class=\"legend\">\n");
    for kind in [
        HighlightKind::SharedQuote,
        HighlightKind::ChangedWords,
        HighlightKind::LoadedTerm,
        HighlightKind::SharedLoadedTerm,
        HighlightKind::QuotedLoadedTerm,
        HighlightKind::ScareQuote,
    ] {
        let _ = writeln!(
            o,
            "<li><mark class=\"{}\">{}</mark></li>",
            css(kind),
            escape(kind_name(kind))
        );
    }
    o.push_str(
        "<li>■ tells the fact, □ omits it (one square per outlet, in column order)</li>\n</ul>\n",
    );
    o.push_str("<h2>Facts</h2>\n<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th class=\"fact\">fact</th>");
    for name in &names {
        let _ = write!(o, "<th class=\"outlet\">{}</th>", esc(name));
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for (f, fact) in story.facts.iter().enumerate() {
        let _ = write!(
            o,
            "<tr id=\"fact-{}\"><th class=\"fact\" title=\"{}\">{}<span class=\"bar\">{}</span><span class=\"labels\">{}</span></th>",
            f + 1,
            esc(&coverage_text(fact, &names)),
            f + 1,
            coverage_bar(fact, n),
            esc(&labels_text(fact))
        );
        for a in 0..n {
            match fact.cell(a) {
                Some(cell) => {
                    let _ = write!(o, "<td class=\"cell\">{}</td>", cell_html(story, cell));
                }
                None => o.push_str("<td class=\"omit\">omits this fact</td>"),
            }
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody></table></div>\n");
    o.push_str("<h2>Quotations</h2>\n");
    if story.quotations.is_empty() {
        o.push_str("<p class=\"dimmed\">None.</p>\n");
    } else {
        o.push_str("<table class=\"quoted\"><thead><tr><th>#</th><th>quotation</th><th>speaker</th><th>carried by</th><th>fact</th></tr></thead><tbody>\n");
        for (i, q) in story.quotations.iter().enumerate() {
            let first = &q.copies[0];
            let words = story
                .articles
                .get(first.article)
                .map(|a| esc(first.span.slice(&a.text)))
                .unwrap_or_default();
            let carried: Vec<String> = q.carried_by.iter().map(|&a| esc(&names[a])).collect();
            let only = if q.carried_by.len() == 1 { " only" } else { "" };
            let fact = first
                .fact
                .map(|f| format!("<a href=\"#fact-{0}\">{0}</a>", f + 1))
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{words}</td><td>{}</td><td>{}{only}</td><td>{fact}</td></tr>",
                i + 1,
                q.speaker.as_deref().map(esc).unwrap_or_default(),
                carried.join(", ")
            );
        }
        o.push_str("</tbody></table>\n");
    }
    o.push_str("<h2>Who is quoted</h2>\n");
    if story.speakers.is_empty() {
        o.push_str("<p class=\"dimmed\">Nobody named.</p>\n");
    } else {
        o.push_str("<table class=\"quoted\"><thead><tr><th>speaker</th>");
        for name in &names {
            let _ = write!(o, "<th>{}</th>", esc(name));
        }
        o.push_str("</tr></thead><tbody>\n");
        for sp in &story.speakers {
            let _ = write!(o, "<tr><td>{}</td>", esc(&sp.name));
            for a in 0..n {
                let c = sp
                    .quoted_by
                    .iter()
                    .find(|q| q.article == a)
                    .map_or(0, |q| q.count);
                let _ = write!(o, "<td>{c}</td>");
            }
            o.push_str("</tr>\n");
        }
        o.push_str("</tbody></table>\n");
    }
    o.push_str("<h2>Facts only one outlet reports</h2>\n<ul>\n");
    for (a, art) in story.articles.iter().enumerate() {
        let list: Vec<String> = art
            .only
            .iter()
            .map(|f| format!("<a href=\"#fact-{0}\">{0}</a>", f + 1))
            .collect();
        let list = if list.is_empty() {
            "none".to_string()
        } else {
            list.join(", ")
        };
        let _ = writeln!(o, "<li>{}: {list}</li>", esc(&names[a]));
    }
    o.push_str("</ul>\n</body>\n</html>\n");
    o
}
