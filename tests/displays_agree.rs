//! Every display draws the same marks with the same explanations: for each pair of demo
//! articles, each highlight of the comparison is marked in the reader (with its explanation in
//! the row's "why" popup), in the HTML page (class and `title`), and listed with its
//! explanation in the text and Markdown reports — and none of them shows an explanation that
//! is not one of the comparison's highlights.

use parallax::compare::{Comparison, HighlightKind, Options, Side, compare};
use parallax::report;
use parallax::tui::explain::explain;
use parallax::tui::keymap::Keymap;
use parallax::tui::state::{CompareState, DocLine};

mod common;
use common::headed_article;

/// The comparisons of every pair of demo articles.
fn demo_pairs() -> Vec<(String, Comparison)> {
    let lib = parallax::corpus::demo();
    let arts = &lib.articles;
    let mut out = Vec::new();
    for i in 0..arts.len() {
        for j in i + 1..arts.len() {
            let name = format!("{} vs {}", arts[i].id, arts[j].id);
            out.push((name, compare(&arts[i], &arts[j], &Options::default())));
        }
    }
    assert!(out.len() >= 3, "the demo has pairs to compare");
    out
}

/// The HTML class of a highlight kind, as the page's legend documents it.
fn css(kind: HighlightKind) -> &'static str {
    match kind {
        HighlightKind::SharedQuote => "quote",
        HighlightKind::ChangedWords => "change",
        HighlightKind::LoadedTerm => "loaded-strong",
        HighlightKind::SharedLoadedTerm => "loaded-weak",
        HighlightKind::QuotedLoadedTerm => "loaded-quoted",
        HighlightKind::ScareQuote => "scare",
        HighlightKind::DistinctiveTerm => "distinctive",
        HighlightKind::Headline => "headline",
        HighlightKind::Boilerplate => "furniture",
        HighlightKind::Dateline => "dimmed",
    }
}

fn sides() -> [Side; 2] {
    [Side::A, Side::B]
}

#[test]
fn the_demo_pairs_have_highlights_of_the_main_kinds() {
    let mut kinds = std::collections::BTreeSet::new();
    for (_, cmp) in demo_pairs() {
        for side in sides() {
            kinds.extend(cmp.highlights.get(side).iter().map(|h| h.kind));
        }
    }
    for kind in [
        HighlightKind::SharedQuote,
        HighlightKind::ChangedWords,
        HighlightKind::LoadedTerm,
        HighlightKind::SharedLoadedTerm,
        HighlightKind::ScareQuote,
        HighlightKind::DistinctiveTerm,
    ] {
        assert!(kinds.contains(&kind), "no {kind:?} in the demo pairs");
    }
}

#[test]
fn the_reader_marks_every_highlight_and_explains_it_as_the_comparison_does() {
    let keymap = Keymap::default();
    for (name, cmp) in demo_pairs() {
        let mut c = CompareState::new(cmp.clone(), (0, 1));
        // Every kind shown, boilerplate rows included.
        c.toggles.quotes = true;
        c.toggles.framing = true;
        c.toggles.loaded = true;
        c.toggles.scare = true;
        c.toggles.distinctive = true;
        c.toggles.boilerplate = true;
        c.refresh_visible();
        for side in sides() {
            for (i, h) in cmp.highlights.get(side).iter().enumerate() {
                let marked = c.model.rows.iter().any(|r| {
                    r.sides
                        .get(side)
                        .marks
                        .iter()
                        .any(|m| m.highlight == i && m.kind == h.kind)
                });
                assert!(marked, "{name}: {side:?} highlight {i} ({h:?}) not marked");
            }
        }
        let all_whys: Vec<&str> = sides()
            .iter()
            .flat_map(|&s| cmp.highlights.get(s).iter().map(|h| h.why.as_str()))
            .collect();
        for p in 0..c.visible.len() {
            c.cursor = p;
            c.current = None;
            let shown: Vec<String> = explain(&c, &keymap)
                .into_iter()
                .filter_map(|l| match l {
                    DocLine::Text(t) => Some(t),
                    _ => None,
                })
                .collect();
            let row = &c.model.rows[c.visible[p]];
            for side in sides() {
                for m in &row.sides.get(side).marks {
                    let why = &cmp.highlights.get(side)[m.highlight].why;
                    assert!(
                        shown.contains(why),
                        "{name}: row {p} does not explain {side:?} {:?}: {why}",
                        m.kind
                    );
                }
            }
            // Every explanation but the row's framing summary is a highlight's.
            for t in shown.iter().filter(|t| {
                !t.starts_with("Framing differences:")
                    && !t.starts_with("Worded differently:")
                    && !t.starts_with("Same fact, different wording:")
            }) {
                assert!(all_whys.contains(&t.as_str()), "{name}: unknown text {t}");
            }
        }
    }
}

/// The `(classes, explanations)` of every `<mark>` in the side-by-side section of `page`.
fn html_marks(page: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let start = page.find("<h2>Side by side</h2>").expect("the columns");
    let end = page[start..]
        .find("</section>")
        .map_or(page.len(), |e| start + e);
    let mut out = Vec::new();
    let mut rest = &page[start..end];
    while let Some(at) = rest.find("<mark class=\"") {
        rest = &rest[at + 13..];
        let close = rest.find('"').unwrap();
        let classes = rest[..close].split(' ').map(str::to_string).collect();
        let t = rest.find("title=\"").unwrap() + 7;
        let t_end = t + rest[t..].find('"').unwrap();
        let whys = rest[t..t_end].split(" | ").map(str::to_string).collect();
        out.push((classes, whys));
        rest = &rest[t_end..];
    }
    out
}

#[test]
fn the_html_page_marks_every_highlight_with_its_class_and_explanation() {
    for (name, cmp) in demo_pairs() {
        let page = report::html::render(&cmp);
        let marks = html_marks(&page);
        let mut known = Vec::new();
        for side in sides() {
            for h in cmp.highlights.get(side) {
                let why = report::html::escape(&h.why);
                let found = marks.iter().any(|(classes, whys)| {
                    classes.iter().any(|c| c == css(h.kind)) && whys.contains(&why)
                });
                assert!(
                    found,
                    "{name}: {side:?} {:?} not on the page: {}",
                    h.kind, h.why
                );
                known.push(why);
            }
        }
        for (_, whys) in &marks {
            for w in whys {
                assert!(
                    known.contains(w),
                    "{name}: the page explains a mark not in the comparison: {w}"
                );
            }
        }
    }
}

/// The highlight lines of the text or Markdown report: those under "Highlights in A" (or B),
/// up to the next section.
fn listed<'r>(report: &'r str, side: Side, heading: &str) -> Vec<&'r str> {
    let title = format!("{heading}Highlights in {}", side.name());
    let start = report.find(&title).expect("the highlights section");
    let body = &report[start + title.len()..];
    // The next section starts a line ("Distinctive terms" is also a kind heading, indented).
    let end = body
        .find(&format!("\n{heading}Highlights in"))
        .or_else(|| body.find(&format!("\n{heading}Distinctive terms")))
        .unwrap_or(body.len());
    body[..end].lines().filter(|l| l.contains(" — ")).collect()
}

#[test]
fn the_text_and_markdown_reports_list_every_highlight_with_its_explanation() {
    for (name, cmp) in demo_pairs() {
        let text = report::text::render(&cmp);
        let md = report::markdown::render(&cmp);
        for side in sides() {
            let (t_lines, m_lines) = (listed(&text, side, ""), listed(&md, side, "## "));
            // Reports list a loaded term once per lexicon entry, under the entry's
            // explanation, with every form as written.
            let listed_why = |h: &parallax::compare::Highlight| match h.item {
                parallax::compare::HighlightRef::LoadedTerm(i) => {
                    parallax::compare::highlight::loaded_entry(&cmp, side, i)
                }
                _ => h.why.clone(),
            };
            let whys = cmp.highlights.get(side);
            for h in whys {
                let why = listed_why(h);
                let t = format!(" — {why}");
                let m = format!(" — {}", report::markdown::escape(&why));
                assert!(
                    t_lines.iter().any(|l| l.ends_with(&t)),
                    "{name}: text report lacks {side:?} {:?}: {}",
                    h.kind,
                    h.why
                );
                assert!(
                    m_lines.iter().any(|l| l.ends_with(&m)),
                    "{name}: Markdown report lacks {side:?} {:?}: {}",
                    h.kind,
                    h.why
                );
            }
            for l in &t_lines {
                assert!(
                    whys.iter()
                        .any(|h| l.ends_with(&format!(" — {}", listed_why(h)))),
                    "{name}: text report line explains no highlight: {l}"
                );
            }
            for l in &m_lines {
                assert!(
                    whys.iter().any(|h| l
                        .ends_with(&format!(" — {}", report::markdown::escape(&listed_why(h))))),
                    "{name}: Markdown report line explains no highlight: {l}"
                );
            }
        }
    }
}

#[test]
fn explaining_a_quotation_shared_with_two_of_the_other_side_names_both() {
    // A's one quotation joins two sentences of a statement that B prints as two quotations:
    // jumping to it and asking why it is marked must name both partners, not the first alone.
    let a = headed_article(
        "a",
        "Flood repairs\n\nThe governor toured the flooded towns on Monday.\n\n\
         She said the state and the towns “agree that every bridge & every school road must \
         reopen…the repair money is released from Monday.”\n\nResidents were sceptical.\n",
    );
    let b = headed_article(
        "b",
        "Repairs to start\n\n“The towns and I have met, and we agree that every bridge and \
         every school road must reopen,” the governor said.\n\n“For that reason the repair \
         money is being released from Monday to the councils.”\n",
    );
    let cmp = compare(&a, &b, &Options::default());
    assert_eq!(cmp.shared_quotes.len(), 2, "{:?}", cmp.shared_quotes);
    let keymap = Keymap::default();
    let mut c = CompareState::new(cmp.clone(), (0, 1));
    let (row, mark) = c
        .model
        .rows
        .iter()
        .enumerate()
        .find_map(|(i, r)| {
            r.sides
                .a
                .marks
                .iter()
                .find(|m| m.kind == HighlightKind::SharedQuote)
                .map(|m| (i, m.clone()))
        })
        .expect("a marked quotation in A");
    c.cursor = c.visible.iter().position(|&v| v == row).expect("row shown");
    c.current = Some(parallax::tui::model::Target {
        row,
        side: Side::A,
        range: mark.range.clone(),
        highlight: mark.highlight,
    });
    let shown: Vec<String> = explain(&c, &keymap)
        .into_iter()
        .filter_map(|l| match l {
            DocLine::Text(t) => Some(t),
            _ => None,
        })
        .collect();
    for h in cmp
        .highlights
        .a
        .iter()
        .filter(|h| h.kind == HighlightKind::SharedQuote)
    {
        assert!(shown.contains(&h.why), "{shown:?} lacks {}", h.why);
    }
}
