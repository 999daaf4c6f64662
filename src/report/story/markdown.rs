//! The Markdown story report, for sharing: the articles as a table, every fact as a list of
//! each outlet's wording (marked stretches in bold, followed by their note number) or its
//! omission, then the quotations, who is quoted by whom, and the facts only one outlet reports.
//!
//! Article text goes through the Markdown report's [`escape`], so nothing in it is read as
//! Markdown or HTML.

use std::fmt::Write;

use super::text::{Style, cell_with_notes};
use super::{coverage_bar, coverage_text, labels_text, names, quote_line};
use crate::compare::story::Story;
use crate::report::markdown::escape;
use crate::text::sanitize::sanitize_line;

fn esc(s: &str) -> String {
    escape(
        &sanitize_line(s)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Render the Markdown report.
pub fn render(story: &Story) -> String {
    let mut o = String::new();
    let names = names(story);
    let n = story.articles.len();
    let _ = writeln!(o, "# Story of {n} articles\n");
    let _ = writeln!(o, "| # | outlet | title | id | words | facts only here |");
    let _ = writeln!(o, "|---|---|---|---|---:|---:|");
    for (i, a) in story.articles.iter().enumerate() {
        let _ = writeln!(
            o,
            "| {} | {} | {} | `{}` | {} | {} |",
            i + 1,
            esc(&names[i]),
            esc(&a.title),
            esc(&a.id).replace('`', ""),
            a.words,
            a.only.len()
        );
    }
    let s = &story.summary;
    let _ = writeln!(
        o,
        "\n{} facts: {} told by all {n}, {} by one outlet only; {} quotations, {} carried by one \
         outlet only. Confident alignment links landing in one fact: {} of {}.",
        s.facts,
        s.shared_by_all,
        s.one_outlet,
        s.quotations,
        s.quotations_one_outlet,
        s.confident_in_one_fact,
        s.confident_links
    );
    let _ = writeln!(o, "\n## Facts");
    let style = Style {
        escape: &|s: &str| escape(s),
        mark: ("**", "**"),
        number: (" (", ")"),
    };
    for (f, fact) in story.facts.iter().enumerate() {
        let labels = labels_text(fact);
        let labels = if labels.is_empty() {
            String::new()
        } else {
            format!(" · {labels}")
        };
        let _ = writeln!(
            o,
            "\n### Fact {} {} — {}{labels}\n",
            f + 1,
            coverage_bar(fact, n),
            esc(&coverage_text(fact, &names))
        );
        for (a, name) in names.iter().enumerate() {
            match fact.cell(a) {
                Some(cell) => {
                    let (words, notes) = cell_with_notes(story, cell, &style);
                    let _ = writeln!(o, "- **{}**: {words}", esc(name));
                    for (k, note) in notes.iter().enumerate() {
                        let _ = writeln!(o, "  - ({}) {}", k + 1, esc(note));
                    }
                }
                None => {
                    let _ = writeln!(o, "- **{}**: *omits this fact*", esc(name));
                }
            }
        }
    }
    let _ = writeln!(o, "\n## Quotations\n");
    if story.quotations.is_empty() {
        let _ = writeln!(o, "None.");
    }
    for (i, q) in story.quotations.iter().enumerate() {
        let ql = quote_line(story, q, &names, esc);
        let (words, who, carried) = (ql.words, ql.who, ql.carried);
        let only = if ql.only { " only" } else { "" };
        let fact = ql
            .fact
            .map(|f| format!(" (fact {})", f + 1))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "{}. {words} — {who}{fact}: {}{only}",
            i + 1,
            carried.join(", ")
        );
    }
    let _ = writeln!(o, "\n## Who is quoted\n");
    if story.speakers.is_empty() {
        let _ = writeln!(o, "Nobody named.");
    } else {
        let head: Vec<String> = names.iter().map(|x| esc(x)).collect();
        let _ = writeln!(o, "| speaker | {} |", head.join(" | "));
        let _ = writeln!(o, "|---|{}", "---:|".repeat(n));
        for sp in &story.speakers {
            let counts: Vec<String> = (0..n)
                .map(|a| {
                    sp.quoted_by
                        .iter()
                        .find(|q| q.article == a)
                        .map_or(0, |q| q.count)
                        .to_string()
                })
                .collect();
            let _ = writeln!(o, "| {} | {} |", esc(&sp.name), counts.join(" | "));
        }
    }
    let _ = writeln!(o, "\n## Facts only one outlet reports\n");
    for (a, art) in story.articles.iter().enumerate() {
        let list: Vec<String> = art.only.iter().map(|f| (f + 1).to_string()).collect();
        let list = if list.is_empty() {
            "none".to_string()
        } else {
            list.join(", ")
        };
        let _ = writeln!(o, "- **{}**: {list}", esc(&names[a]));
    }
    o
}
