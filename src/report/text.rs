//! The plain-text report, for a person reading in a terminal (`--format text`).
//!
//! Changed words are marked the way `wdiff` does: `[-removed-]` on A's side, `{+added+}` on B's.

use std::fmt::Write;

use super::common::*;
use crate::compare::{Comparison, LoadedTerm, Side};

/// Render the text report.
pub fn render(cmp: &Comparison) -> String {
    let mut o = String::new();
    let s = &cmp.summary;
    let _ = writeln!(o, "A  {}", heading(&cmp.a));
    let _ = writeln!(o, "   {} · {} words", one_line(&cmp.a.path), cmp.a.words);
    let _ = writeln!(o, "B  {}", heading(&cmp.b));
    let _ = writeln!(o, "   {} · {} words", one_line(&cmp.b.path), cmp.b.words);
    section(&mut o, "Summary");
    let _ = writeln!(
        o,
        "  similarity {:.2} · {} aligned sentence pairs ({} moved) · {} only in A · {} only in B",
        s.similarity, s.aligned, s.moved, s.only_a, s.only_b
    );
    let _ = writeln!(
        o,
        "  {} shared quotations · {} framing differences · loaded terms: A {}, B {}",
        s.shared_quotes, s.framing_differences, s.loaded_a, s.loaded_b
    );

    for l in &cmp.limits {
        let _ = writeln!(o, "  note: {}", one_line(&l.fallback));
    }

    section(&mut o, "Shared quotations");
    if cmp.shared_quotes.is_empty() {
        o.push_str("  none found\n");
    }
    for (n, q) in cmp.shared_quotes.iter().enumerate() {
        let mut what = kind_name(q.kind).to_string();
        if !q.edits.is_empty() {
            let edits: Vec<_> = q.edits.iter().map(|e| edit_name(*e)).collect();
            what = format!("{what}: {}", edits.join(", "));
        }
        if let Some(sp) = &q.speaker {
            what = format!("{what} — {}", one_line(sp));
        }
        let _ = writeln!(o, "  {}. {}", n + 1, what);
        let _ = writeln!(o, "     A: “{}”", span_text(&cmp.a, q.a));
        let _ = writeln!(o, "     B: “{}”", span_text(&cmp.b, q.b));
    }

    section(&mut o, "Framing differences");
    if cmp.framing.is_empty() {
        o.push_str("  none found\n");
    }
    let plain = |s: &str| s.to_string();
    for f in &cmp.framing {
        // The alignment is sorted by A, then B.
        let at = cmp.alignment.partition_point(|p| (p.a, p.b) < (f.a, f.b));
        let score = cmp
            .alignment
            .get(at)
            .filter(|p| (p.a, p.b) == (f.a, f.b))
            .map_or(0.0, |p| p.score);
        let labels = labels_text(f);
        let _ = writeln!(
            o,
            "  {} ↔ {}  (similarity {:.2}; {})",
            sentence_ref(Side::A, f.a),
            sentence_ref(Side::B, f.b),
            score,
            labels
        );
        let a = marked_sentence(
            &cmp.a,
            f.a,
            &change_spans(&f.changes, Side::A),
            "[-",
            "-]",
            &plain,
        );
        let b = marked_sentence(
            &cmp.b,
            f.b,
            &change_spans(&f.changes, Side::B),
            "{+",
            "+}",
            &plain,
        );
        let _ = writeln!(o, "     A: {a}");
        let _ = writeln!(o, "     B: {b}");
    }

    for (side, title) in [(Side::A, "Only in A"), (Side::B, "Only in B")] {
        let info = side_info(cmp, side);
        let sents = one_sided(cmp, side);
        section(&mut o, &format!("{title} ({} sentences)", sents.len()));
        for i in sents {
            let _ = writeln!(o, "  {}  {}", sentence_ref(side, i), sentence_text(info, i));
        }
    }

    section(&mut o, "Loaded terms");
    for side in [Side::A, Side::B] {
        let hits: Vec<&LoadedTerm> = cmp.loaded_terms.iter().filter(|t| t.side == side).collect();
        let name = if side == Side::A { "A" } else { "B" };
        if hits.is_empty() {
            let _ = writeln!(o, "  {name}: none");
            continue;
        }
        let _ = writeln!(o, "  {name}:");
        for g in group_terms(&hits) {
            let only = if g.only_here { ", only here" } else { "" };
            let entry = if g.names_entry() {
                String::new()
            } else {
                format!(" as “{}”", one_line(&g.term))
            };
            let _ = writeln!(
                o,
                "    {}{entry} ({}{}) — {}",
                g.forms_label(),
                one_line(&g.category),
                only,
                one_line(&g.reason)
            );
        }
    }

    section(&mut o, "Distinctive terms");
    for (side, name) in [(Side::A, "A"), (Side::B, "B")] {
        let _ = writeln!(o, "  {name}: {}", distinctive_list(cmp, side));
    }

    section(&mut o, "Framing profile");
    for (label, a, b) in profile_rows(cmp) {
        let _ = writeln!(o, "  {label:<28} A: {a}");
        let _ = writeln!(o, "  {:<28} B: {b}", "");
    }
    o
}

fn section(o: &mut String, title: &str) {
    let _ = writeln!(o, "\n{title}\n{}", "─".repeat(title.chars().count()));
}

/// A lexicon entry's hits on one side, grouped: the entry, and the words as the article
/// writes them.
pub(crate) struct TermGroup {
    /// The lexicon entry (the explanation).
    pub term: String,
    pub category: String,
    pub reason: String,
    pub only_here: bool,
    pub count: usize,
    /// Each distinct form as written (first letters of title-cased words folded) and how many
    /// hits have it, in order of first appearance.
    pub forms: Vec<(String, usize)>,
}

impl TermGroup {
    /// The forms as written with their counts, sanitised: `lied ×3, lying`.
    pub fn forms_label(&self) -> String {
        self.forms
            .iter()
            .map(|(f, n)| {
                if *n > 1 {
                    format!("{} ×{n}", one_line(f))
                } else {
                    one_line(f)
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// True when the only form written is the entry itself, so naming the entry again would
    /// say nothing.
    pub fn names_entry(&self) -> bool {
        self.forms.len() == 1 && self.forms[0].0.to_lowercase() == self.term.to_lowercase()
    }
}

/// A word as written, for a list of forms: a capital that only opens a sentence or a
/// title-case headline is folded (`Claims` → `claims`); names and all-capital words keep theirs.
pub(crate) fn shown_form(text: &str) -> String {
    let all_caps = text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase);
    if all_caps {
        return text.to_string();
    }
    text.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(c) if c.is_uppercase() && !cs.clone().any(char::is_uppercase) => {
                    c.to_lowercase().chain(cs).collect()
                }
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Group hits by entry: only-here entries first, then by count, then by term. Each group
/// lists the forms the article writes.
pub(crate) fn group_terms(hits: &[&LoadedTerm]) -> Vec<TermGroup> {
    let mut groups: Vec<TermGroup> = Vec::new();
    for h in hits {
        let written = if h.text.is_empty() {
            h.term.clone()
        } else {
            shown_form(&h.text)
        };
        let g = match groups
            .iter_mut()
            .position(|g| g.term == h.term && g.category == h.category)
        {
            Some(i) => &mut groups[i],
            None => {
                groups.push(TermGroup {
                    term: h.term.clone(),
                    category: h.category.clone(),
                    reason: h.reason.clone(),
                    only_here: h.only_here,
                    count: 0,
                    forms: Vec::new(),
                });
                groups.last_mut().expect("just pushed")
            }
        };
        g.count += 1;
        match g.forms.iter_mut().find(|(f, _)| *f == written) {
            Some(f) => f.1 += 1,
            None => g.forms.push((written, 1)),
        }
    }
    groups.sort_by(|x, y| {
        y.only_here
            .cmp(&x.only_here)
            .then(y.count.cmp(&x.count))
            .then(x.term.cmp(&y.term))
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::shown_form;

    #[test]
    fn forms_fold_sentence_capitals_only() {
        assert_eq!(shown_form("Claims"), "claims");
        assert_eq!(shown_form("Witch Hunt"), "witch hunt");
        assert_eq!(shown_form("WITCH HUNT"), "WITCH HUNT");
        assert_eq!(shown_form("McCarthyite"), "McCarthyite");
    }
}
