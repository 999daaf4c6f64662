//! The plain-text story report: the articles, then every fact with each outlet's wording (or
//! its omission), the quotations and who carries them, who is quoted by whom, the facts only one
//! outlet reports, and how well the facts agree with each pairwise alignment.
//!
//! A marked stretch is followed by its note number, `words[1]`, and the notes are listed under
//! the outlet's wording with why each is marked.

use std::fmt::Write;

use super::{coverage_bar, coverage_text, labels_text, names, quote_line, segments};
use crate::compare::story::{Cell, Story};
use crate::text::sanitize::sanitize_line;

/// Sanitised, on one line, whitespace folded.
fn line(s: &str) -> String {
    sanitize_line(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How a cell's marked stretches are written.
pub struct Style<'a> {
    /// Escapes a piece of (sanitised) article text.
    pub escape: &'a dyn Fn(&str) -> String,
    /// Written before and after a marked stretch.
    pub mark: (&'a str, &'a str),
    /// Written before and after the note numbers that follow a marked stretch.
    pub number: (&'a str, &'a str),
}

/// A cell's wording with note numbers after marked stretches, and its notes (sanitised, one
/// line, not escaped).
pub fn cell_with_notes(story: &Story, cell: &Cell, style: &Style) -> (String, Vec<String>) {
    let Some(art) = story.articles.get(cell.article) else {
        return (String::new(), Vec::new());
    };
    let mut words = Vec::new();
    let mut numbered: Vec<Option<usize>> = vec![None; cell.marks.len()];
    let mut notes: Vec<String> = Vec::new();
    for &sent in &cell.spans {
        let segs = segments(&art.text, sent, &cell.marks);
        let mut s = String::new();
        for (k, seg) in segs.iter().enumerate() {
            let text = (style.escape)(&fold(&seg.text));
            if seg.marks.is_empty() {
                s.push_str(&text);
            } else {
                let _ = write!(s, "{}{text}{}", style.mark.0, style.mark.1);
            }
            // A mark's number follows its last segment.
            let ending: Vec<usize> = seg
                .marks
                .iter()
                .copied()
                .filter(|m| segs.get(k + 1).is_none_or(|n| !n.marks.contains(m)))
                .collect();
            let mut nums = Vec::new();
            for m in ending {
                let n = *numbered[m].get_or_insert_with(|| {
                    notes.push(line(&cell.marks[m].why));
                    notes.len()
                });
                if !nums.contains(&n) {
                    nums.push(n);
                }
            }
            if !nums.is_empty() {
                let list: Vec<String> = nums.iter().map(|n| n.to_string()).collect();
                let _ = write!(s, "{}{}{}", style.number.0, list.join(","), style.number.1);
            }
        }
        words.push(s.trim().to_string());
    }
    (words.join(" "), notes)
}

/// Line breaks and runs of white space folded to one space (edges kept, so pieces join).
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// Render the text report.
pub fn render(story: &Story) -> String {
    let mut o = String::new();
    let names = names(story);
    let n = story.articles.len();
    let _ = writeln!(o, "Story of {n} articles");
    for (i, a) in story.articles.iter().enumerate() {
        let _ = writeln!(o, "{:>2}  {} · {}", i + 1, names[i], line(&a.title));
        let _ = writeln!(
            o,
            "    {} · {} · {} words · {} facts only here",
            line(&a.id),
            line(&a.path),
            a.words,
            a.only.len()
        );
    }
    let s = &story.summary;
    let _ = writeln!(
        o,
        "\n{} facts: {} told by all {n}, {} by one outlet only · {} quotations, {} carried by \
         one outlet only",
        s.facts, s.shared_by_all, s.one_outlet, s.quotations, s.quotations_one_outlet
    );
    let _ = writeln!(
        o,
        "Confident alignment links landing in one fact: {} of {}",
        s.confident_in_one_fact, s.confident_links
    );
    let width = names.iter().map(|x| x.chars().count()).max().unwrap_or(0);
    for (f, fact) in story.facts.iter().enumerate() {
        let labels = labels_text(fact);
        let labels = if labels.is_empty() {
            String::new()
        } else {
            format!(" · {labels}")
        };
        let _ = writeln!(
            o,
            "\nFact {}  {}  {}{labels}",
            f + 1,
            coverage_bar(fact, n),
            coverage_text(fact, &names)
        );
        for (a, name) in names.iter().enumerate() {
            let pad = " ".repeat(width - name.chars().count());
            match fact.cell(a) {
                Some(cell) => {
                    let style = Style {
                        escape: &|s: &str| s.to_string(),
                        mark: ("", ""),
                        number: ("[", "]"),
                    };
                    let (words, notes) = cell_with_notes(story, cell, &style);
                    let _ = writeln!(o, "  {name}{pad}  {words}");
                    for (k, note) in notes.iter().enumerate() {
                        let _ = writeln!(o, "  {}  [{}] {note}", " ".repeat(width), k + 1);
                    }
                }
                None => {
                    let _ = writeln!(o, "  {name}{pad}  — omits this fact");
                }
            }
        }
    }
    let _ = writeln!(o, "\nQuotations");
    if story.quotations.is_empty() {
        let _ = writeln!(o, "  none");
    }
    for (i, q) in story.quotations.iter().enumerate() {
        let ql = quote_line(story, q, &names, line);
        let (words, who, carried) = (ql.words, ql.who, ql.carried);
        let only = if ql.only { " only" } else { "" };
        let fact = ql
            .fact
            .map(|f| format!(", fact {}", f + 1))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "  {:>2}. {words} — {who}{fact}: {}{only}",
            i + 1,
            carried.join(", ")
        );
    }
    let _ = writeln!(o, "\nWho is quoted");
    if story.speakers.is_empty() {
        let _ = writeln!(o, "  nobody named");
    }
    for sp in &story.speakers {
        let by: Vec<String> = (0..n)
            .map(|a| {
                let c = sp
                    .quoted_by
                    .iter()
                    .find(|q| q.article == a)
                    .map_or(0, |q| q.count);
                format!("{} {c}", names[a])
            })
            .collect();
        let _ = writeln!(o, "  {}: {}", line(&sp.name), by.join(", "));
    }
    let _ = writeln!(o, "\nFacts only one outlet reports");
    for (a, art) in story.articles.iter().enumerate() {
        let list: Vec<String> = art.only.iter().map(|f| (f + 1).to_string()).collect();
        let list = if list.is_empty() {
            "none".to_string()
        } else {
            list.join(", ")
        };
        let _ = writeln!(o, "  {}: {list}", names[a]);
    }
    let _ = writeln!(o, "\nPairs");
    for p in &story.pairs {
        let _ = writeln!(
            o,
            "  {} – {}: content aligned {:.0}%, {} of {} confident links in one fact",
            names[p.a],
            names[p.b],
            p.similarity * 100.0,
            p.confident_in_one_fact,
            p.confident
        );
    }
    o
}
