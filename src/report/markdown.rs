//! The Markdown report, for sharing (`--format markdown`).
//!
//! Article text is escaped so that nothing in it is read as Markdown or HTML: changed words are
//! shown as ~~removed~~ on A's side and **added** on B's. Every highlight of each side is listed
//! with why it is marked, grouped by kind.

use std::fmt::Write;

use super::common::*;
use crate::compare::highlight::sentence_ref;
use crate::compare::{Comparison, HighlightKind, Side, profile};

/// Escape text so Markdown renders it literally (also inside table cells), escaping only what
/// Markdown would misread: `F.B.I.` and `hide!` stay as they are.
pub fn escape(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let alnum = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    for (i, &c) in chars.iter().enumerate() {
        let (prev, next) = (
            i.checked_sub(1).and_then(|j| chars.get(j)),
            chars.get(i + 1),
        );
        match c {
            // Code, emphasis, links, table cells, strikethrough: misread anywhere.
            '\\' | '`' | '*' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // Inside a word (snake_case) an underscore is only an underscore.
            '_' if !(alnum(prev) && alnum(next)) => out.push_str("\\_"),
            // Raw HTML and autolinks; character references.
            '<' => out.push_str("&lt;"),
            '&' if next.is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') => {
                out.push_str("&amp;")
            }
            c => out.push(c),
        }
    }
    // At the start of a line: headings, block quotes, list items, setext underlines.
    let lead = out.len() - out.trim_start().len();
    let rest = &out[lead..];
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if rest.starts_with(['#', '>', '-', '+', '=']) {
        out.insert(lead, '\\');
    } else if digits > 0 && rest[digits..].starts_with(['.', ')']) {
        out.insert(lead + digits, '\\');
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
    let _ = writeln!(o, "- Content aligned: {:.0}%", s.similarity * 100.0);
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
        let _ = writeln!(o, "{}. {}", n + 1, escape(&quote_match(q)));
        let _ = writeln!(o, "   - A: “{}”", escape(&span_text(&cmp.a, q.a)));
        let _ = writeln!(o, "   - B: “{}”", escape(&span_text(&cmp.b, q.b)));
    }

    let _ = writeln!(o, "\n## Framing differences\n");
    if cmp.framing.is_empty() {
        o.push_str("None found.\n");
    }
    let (changes_a, changes_b) = (changed_spans(cmp, Side::A), changed_spans(cmp, Side::B));
    for (i, f) in cmp.framing.iter().enumerate() {
        let _ = writeln!(
            o,
            "- **{} ↔ {}** ({})",
            sentence_ref(Side::A, f.a),
            sentence_ref(Side::B, f.b),
            escape(&f.labels_text())
        );
        let a = marked_sentence(&cmp.a, f.a, &changes_a[i], "~~", "~~", &escape);
        let b = marked_sentence(&cmp.b, f.b, &changes_b[i], "**", "**", &escape);
        let _ = writeln!(o, "  - A: {a}");
        let _ = writeln!(o, "  - B: {b}");
    }

    let joined = super::text::joined_rows(cmp);
    if !joined.is_empty() {
        let _ = writeln!(o, "\n## {}\n", super::text::joined_title(joined.len()));
        for j in &joined {
            let _ = writeln!(o, "- ╪ **{}** ({})", j.refs, escape(&j.why));
            let _ = writeln!(o, "  - A: {}", escape(&j.a));
            let _ = writeln!(o, "  - B: {}", escape(&j.b));
        }
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

    for side in [Side::A, Side::B] {
        let _ = writeln!(o, "\n## Highlights in {}\n", side.name());
        let groups = highlight_groups(cmp, side);
        if groups.is_empty() {
            o.push_str("None.\n");
        }
        for kind in HighlightKind::ALL {
            let of_kind: Vec<&HighlightGroup> = groups.iter().filter(|g| g.kind == kind).collect();
            if of_kind.is_empty() {
                continue;
            }
            let _ = writeln!(o, "- **{}**", kind_heading(kind));
            for g in of_kind {
                let _ = writeln!(o, "  - {} — {}", escape(&group_label(g)), escape(&g.why));
            }
        }
    }

    let _ = writeln!(o, "\n## Distinctive terms\n");
    for (side, name) in [(Side::A, "A"), (Side::B, "B")] {
        let _ = writeln!(o, "- {name}: {}", escape(&distinctive_list(cmp, side)));
    }

    let _ = writeln!(o, "\n## Framing profile\n");
    let _ = writeln!(o, "| | A | B |\n|---|---|---|");
    for row in profile::table(&cmp.profile, None) {
        let _ = writeln!(
            o,
            "| {} | {} | {} |",
            row.label,
            escape(&row.a),
            escape(&row.b)
        );
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
