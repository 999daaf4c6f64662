//! The Markdown report, for sharing (`--format markdown`).
//!
//! Article text is escaped so that nothing in it is read as Markdown or HTML: changed words are
//! shown as ~~removed~~ on A's side and **added** on B's.

use std::fmt::Write;

use super::common::*;
use super::text::group_terms;
use crate::compare::{Comparison, LoadedTerm, Side};

/// Escape text so Markdown renders it literally (also inside table cells).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '~' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

fn esc(s: &str) -> String {
    escape(&one_line(s))
}

/// Render the Markdown report.
pub fn render(cmp: &Comparison) -> String {
    let mut o = String::new();
    let s = &cmp.summary;
    let _ = writeln!(o, "# Comparison\n");
    let _ = writeln!(
        o,
        "| | Title | Outlet | Source | Words |\n|---|---|---|---|---|"
    );
    for (name, info) in [("A", &cmp.a), ("B", &cmp.b)] {
        let _ = writeln!(
            o,
            "| {name} | {} | {} | {} | {} |",
            esc(&info.title),
            esc(info.outlet.as_deref().unwrap_or("unknown")),
            esc(&info.path),
            info.words
        );
    }
    let _ = writeln!(o, "\n## Summary\n");
    let _ = writeln!(o, "- Similarity: {:.2}", s.similarity);
    for l in &cmp.limits {
        let _ = writeln!(o, "- Note: {}", esc(&l.fallback));
    }
    let _ = writeln!(
        o,
        "- Aligned sentence pairs: {} ({} moved); only in A: {}; only in B: {}",
        s.aligned, s.moved, s.only_a, s.only_b
    );
    let _ = writeln!(o, "- Shared quotations: {}", s.shared_quotes);
    let _ = writeln!(o, "- Framing differences: {}", s.framing_differences);
    let _ = writeln!(o, "- Loaded terms: A {}, B {}", s.loaded_a, s.loaded_b);

    let _ = writeln!(o, "\n## Shared quotations\n");
    if cmp.shared_quotes.is_empty() {
        o.push_str("None found.\n");
    }
    for (n, q) in cmp.shared_quotes.iter().enumerate() {
        let edits: Vec<_> = q.edits.iter().map(|e| edit_name(*e)).collect();
        let mut what = kind_name(q.kind).to_string();
        if !edits.is_empty() {
            what = format!("{what} ({})", edits.join(", "));
        }
        if let Some(sp) = &q.speaker {
            what = format!("{what}, {}", esc(sp));
        }
        let _ = writeln!(o, "{}. {what}", n + 1);
        let _ = writeln!(o, "   - A: “{}”", escape(&span_text(&cmp.a, q.a)));
        let _ = writeln!(o, "   - B: “{}”", escape(&span_text(&cmp.b, q.b)));
    }

    let _ = writeln!(o, "\n## Framing differences\n");
    if cmp.framing.is_empty() {
        o.push_str("None found.\n");
    }
    for f in &cmp.framing {
        let labels = labels_text(f);
        let _ = writeln!(
            o,
            "- **{} ↔ {}** ({labels})",
            sentence_ref(Side::A, f.a),
            sentence_ref(Side::B, f.b)
        );
        let a = marked_sentence(
            &cmp.a,
            f.a,
            &change_spans(&f.changes, Side::A),
            "~~",
            "~~",
            &escape,
        );
        let b = marked_sentence(
            &cmp.b,
            f.b,
            &change_spans(&f.changes, Side::B),
            "**",
            "**",
            &escape,
        );
        let _ = writeln!(o, "  - A: {a}");
        let _ = writeln!(o, "  - B: {b}");
    }

    for (side, title) in [(Side::A, "Only in A"), (Side::B, "Only in B")] {
        let info = side_info(cmp, side);
        let sents = one_sided(cmp, side);
        let _ = writeln!(o, "\n## {title} ({} sentences)\n", sents.len());
        for i in sents {
            let _ = writeln!(
                o,
                "- {} {}",
                sentence_ref(side, i),
                escape(&sentence_text(info, i))
            );
        }
    }

    let _ = writeln!(o, "\n## Loaded terms\n");
    let _ = writeln!(
        o,
        "| Side | As written | Entry | Hits | Category | Only here | Why |\n|---|---|---|---|---|---|---|"
    );
    for side in [Side::A, Side::B] {
        let hits: Vec<&LoadedTerm> = cmp.loaded_terms.iter().filter(|t| t.side == side).collect();
        for g in group_terms(&hits) {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} | {} |",
                if side == Side::A { "A" } else { "B" },
                esc(&g.forms_label()),
                esc(&g.term),
                g.count,
                esc(&g.category),
                if g.only_here { "yes" } else { "no" },
                esc(&g.reason)
            );
        }
    }

    let _ = writeln!(o, "\n## Distinctive terms\n");
    for (side, name) in [(Side::A, "A"), (Side::B, "B")] {
        let _ = writeln!(o, "- {name}: {}", escape(&distinctive_list(cmp, side)));
    }

    let _ = writeln!(o, "\n## Framing profile\n");
    let _ = writeln!(o, "| | A | B |\n|---|---|---|");
    for (label, a, b) in profile_rows(cmp) {
        let _ = writeln!(o, "| {label} | {} | {} |", escape(&a), escape(&b));
    }
    o
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn article_text_cannot_become_markup() {
        let e = escape("**bold** <script>alert(1)</script> [link](http://x) | cell");
        assert!(!e.contains("**"));
        assert!(!e.contains("<script"));
        assert!(e.contains("\\[link\\]"));
        assert!(e.contains("\\|"));
    }
}
