//! The plain-text report, for a person reading in a terminal (`--format text`).
//!
//! Changed words are marked the way `wdiff` does: `[-removed-]` on A's side, `{+added+}` on B's.
//! Every highlight of each side is listed with why it is marked, grouped by kind.
//!
//! [`render_coloured`] adds the reader's colours and text styles for a colour terminal (as
//! `git diff --word-diff=color` does): headings bold, changed words bold in the framing colour
//! and still bracketed, shared quotations underlined in the quote colour, notes dimmed. The
//! marks stay in the text, so colour is never the only signal.

use std::fmt::Write;

use super::common::*;
use crate::compare::highlight::sentence_ref;
use crate::compare::{Comparison, HighlightKind, Side, profile};

/// Terminal styles of the coloured report: SGR sequences, or nothing.
struct Paint {
    on: bool,
}

impl Paint {
    /// `text` between the SGR sequence `sgr` and a reset.
    fn paint(&self, sgr: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{sgr}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn heading(&self, text: &str) -> String {
        self.paint("1", text)
    }

    fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }

    /// The opening and closing of a changed stretch.
    fn change(&self, open: &str, close: &str) -> (String, String) {
        if self.on {
            // Bold in the framing colour (#E69F00), as the reader shows changed words.
            (
                format!("\x1b[1;38;2;230;159;0m{open}"),
                format!("{close}\x1b[0m"),
            )
        } else {
            (open.to_string(), close.to_string())
        }
    }

    /// A shared quotation: underlined in the quote colour (#56B4E9).
    fn quote(&self, text: &str) -> String {
        self.paint("4;38;2;86;180;233", text)
    }
}

/// Render the text report.
pub fn render(cmp: &Comparison) -> String {
    render_with(cmp, &Paint { on: false })
}

/// Render the text report with the reader's colours, for a colour terminal.
pub fn render_coloured(cmp: &Comparison) -> String {
    render_with(cmp, &Paint { on: true })
}

fn render_with(cmp: &Comparison, p: &Paint) -> String {
    let mut o = String::new();
    let s = &cmp.summary;
    let _ = writeln!(o, "{}", p.heading(&format!("A  {}", heading(&cmp.a))));
    let _ = writeln!(
        o,
        "{}",
        p.dim(&format!(
            "   {} · {} words",
            one_line(&cmp.a.path),
            cmp.a.words
        ))
    );
    let _ = writeln!(o, "{}", p.heading(&format!("B  {}", heading(&cmp.b))));
    let _ = writeln!(
        o,
        "{}",
        p.dim(&format!(
            "   {} · {} words",
            one_line(&cmp.b.path),
            cmp.b.words
        ))
    );
    let section = |o: &mut String, title: &str| section(o, title, p);
    section(&mut o, "Summary");
    let _ = writeln!(
        o,
        "  {:.0}% of content aligned · {} ({} moved) · {} only in A · {} only in B",
        s.similarity * 100.0,
        super::counted(s.aligned, "aligned sentence pair", "aligned sentence pairs"),
        s.moved,
        s.only_a,
        s.only_b
    );
    let _ = writeln!(
        o,
        "  {} · {} · loaded terms: A {}, B {}",
        super::counted(s.shared_quotes, "shared quotation", "shared quotations"),
        super::counted(
            s.framing_differences,
            "framing difference",
            "framing differences"
        ),
        s.loaded_a,
        s.loaded_b
    );
    for l in &cmp.limits {
        let _ = writeln!(o, "  note: {}", one_line(&l.fallback));
    }

    section(&mut o, "Shared quotations");
    if cmp.shared_quotes.is_empty() {
        o.push_str("  none found\n");
    }
    for (n, q) in cmp.shared_quotes.iter().enumerate() {
        let _ = writeln!(o, "  {}. {}", n + 1, quote_match(q));
        let _ = writeln!(o, "     A: “{}”", p.quote(&span_text(&cmp.a, q.a)));
        let _ = writeln!(o, "     B: “{}”", p.quote(&span_text(&cmp.b, q.b)));
    }

    section(&mut o, "Framing differences");
    if cmp.framing.is_empty() {
        o.push_str("  none found\n");
    }
    let plain = |s: &str| s.to_string();
    let (changes_a, changes_b) = (changed_spans(cmp, Side::A), changed_spans(cmp, Side::B));
    let (del_open, del_close) = p.change("[-", "-]");
    let (add_open, add_close) = p.change("{+", "+}");
    for (i, f) in cmp.framing.iter().enumerate() {
        // The alignment is sorted by A, then B.
        let at = cmp.alignment.partition_point(|p| (p.a, p.b) < (f.a, f.b));
        let score = cmp
            .alignment
            .get(at)
            .filter(|p| (p.a, p.b) == (f.a, f.b))
            .map_or(0.0, |p| p.score);
        let _ = writeln!(
            o,
            "  {} ↔ {}  (match {:.2}; {})",
            sentence_ref(Side::A, f.a),
            sentence_ref(Side::B, f.b),
            score,
            f.labels_text()
        );
        let a = marked_sentence(&cmp.a, f.a, &changes_a[i], &del_open, &del_close, &plain);
        let b = marked_sentence(&cmp.b, f.b, &changes_b[i], &add_open, &add_close, &plain);
        let _ = writeln!(o, "     A: {a}");
        let _ = writeln!(o, "     B: {b}");
    }

    let joined = joined_rows(cmp);
    if !joined.is_empty() {
        section(&mut o, &joined_title(joined.len()));
        for j in &joined {
            let _ = writeln!(o, "  ╪ {}  ({})", j.refs, j.why);
            let _ = writeln!(o, "     A: {}", j.a);
            let _ = writeln!(o, "     B: {}", j.b);
        }
    }

    for (side, title) in [(Side::A, "Only in A"), (Side::B, "Only in B")] {
        let info = side_info(cmp, side);
        let sents = one_sided(cmp, side);
        section(&mut o, &format!("{title} ({} sentences)", sents.len()));
        for i in sents {
            let _ = writeln!(o, "  {}  {}", sentence_ref(side, i), sentence_text(info, i));
        }
    }

    for side in [Side::A, Side::B] {
        section(&mut o, &format!("Highlights in {}", side.name()));
        let groups = highlight_groups(cmp, side);
        if groups.is_empty() {
            o.push_str("  none\n");
        }
        for kind in HighlightKind::ALL {
            let of_kind: Vec<&HighlightGroup> = groups.iter().filter(|g| g.kind == kind).collect();
            if of_kind.is_empty() {
                continue;
            }
            let _ = writeln!(o, "  {}", p.heading(kind_heading(kind)));
            for g in of_kind {
                let _ = writeln!(o, "    {} — {}", group_label(g), g.why);
            }
        }
    }

    section(&mut o, "Distinctive terms");
    for (side, name) in [(Side::A, "A"), (Side::B, "B")] {
        let _ = writeln!(o, "  {name}: {}", distinctive_list(cmp, side));
    }

    section(&mut o, "Framing profile");
    for row in profile::table(&cmp.profile, None) {
        let _ = writeln!(o, "  {:<28} A: {}", row.label, row.a);
        let _ = writeln!(o, "  {:<28} B: {}", "", row.b);
    }
    o
}

/// An aligned row one side of which brings together sentences from separate places (the
/// reader's `╪`), as the reports list it.
pub(super) struct JoinedRow {
    /// "A4 ↔ B7 + B12".
    pub refs: String,
    /// [`crate::compare::Row::describe`]: which side was joined.
    pub why: String,
    /// The row's sentences of A, then of B, each side's joined by a space (sanitised).
    pub a: String,
    pub b: String,
}

/// The heading of the reports' list of joined rows.
pub(super) fn joined_title(rows: usize) -> String {
    let s = if rows == 1 { "" } else { "s" };
    format!("Sentences brought together ({rows} row{s})")
}

/// The joined rows of `cmp`, in reading order.
pub(super) fn joined_rows(cmp: &Comparison) -> Vec<JoinedRow> {
    let side = |side: Side, idx: &[usize], sep: &str| {
        let refs: Vec<String> = idx.iter().map(|&i| sentence_ref(side, i)).collect();
        let text: Vec<String> = idx
            .iter()
            .map(|&i| sentence_text(side_info(cmp, side), i))
            .collect();
        (refs.join(sep), text.join(" … "))
    };
    cmp.rows
        .iter()
        .filter(|r| r.joined.is_some())
        .map(|r| {
            let (ra, a) = side(Side::A, &r.a, " + ");
            let (rb, b) = side(Side::B, &r.b, " + ");
            JoinedRow {
                refs: format!("{ra} ↔ {rb}"),
                why: r.describe().unwrap_or_default(),
                a,
                b,
            }
        })
        .collect()
}

fn section(o: &mut String, title: &str, p: &Paint) {
    let rule = "─".repeat(title.chars().count());
    let _ = writeln!(o, "\n{}\n{}", p.heading(title), p.dim(&rule));
}
