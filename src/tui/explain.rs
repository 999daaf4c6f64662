//! Plain-language text for popups: why a highlight is marked, and the comparison summary.
//!
//! Built in update when a popup opens. A highlight's explanation is its `why` in the
//! comparison, the same text every other display shows; every string from the articles is
//! sanitised here.

use crate::compare::{Comparison, RowKind, Side, profile};
use crate::text::sanitize::sanitize_cells;

use super::action::Action;
use super::keymap::Keymap;
use super::state::{CompareState, DocLine};

fn clean(s: &str) -> String {
    sanitize_cells(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Why the row under the cursor of `c` and its highlights are marked: the highlight the
/// cursor is on, else every shown highlight of the row, focused side first.
pub fn explain(c: &CompareState, keymap: &Keymap) -> Vec<DocLine> {
    let (cmp, model, focus) = (&*c.cmp, &c.model, c.focus);
    let row = c.cursor_row().unwrap_or(0);
    let current = c.current.as_ref().filter(|t| t.row == row);
    let mut out = Vec::new();
    let Some(r) = model.rows.get(row) else {
        out.push(DocLine::Text("Nothing here.".to_string()));
        return out;
    };
    let score = r
        .score
        .map(|s| format!(" (sentences match {:.0}%)", s * 100.0))
        .unwrap_or_default();
    out.push(DocLine::Heading(match r.kind {
        RowKind::Aligned => format!("Aligned: both articles report this{score}"),
        RowKind::Moved => {
            format!("Moved: the counterpart sits elsewhere in the other article{score}")
        }
        RowKind::OnlyA => "Only in A: B has no counterpart".to_string(),
        RowKind::OnlyB => "Only in B: A has no counterpart".to_string(),
        RowKind::Excluded => "Not compared: boilerplate or headline".to_string(),
    }));
    // How the row was put together (sentences joined from separate places), as every
    // display says it.
    if let Some(note) = cmp
        .rows
        .iter()
        .find(|x| x.a == r.sides.a.sentences && x.b == r.sides.b.sentences)
        .filter(|x| x.kind == RowKind::Aligned)
        .and_then(|x| x.describe())
    {
        out.push(DocLine::Text(note));
    }
    let a_s = r.sides.a.sentences.first().copied();
    let b_s = r.sides.b.sentences.first().copied();
    if let Some(f) = cmp
        .framing
        .iter()
        .find(|f| Some(f.a) == a_s && Some(f.b) == b_s)
    {
        let n = f.changes.len();
        let changes = if n == 1 {
            "1 change".to_string()
        } else {
            format!("{n} changes")
        };
        out.push(DocLine::Text(if !f.word_diff {
            let labels: Vec<&str> = f.labels.iter().map(|l| l.name()).collect();
            format!(
                "Same fact, different wording: only the differing names, numbers, loaded \
                 words, scare quotes and verbs of saying are marked ({changes}{}{})",
                if labels.is_empty() { "" } else { ": " },
                labels.join(", ")
            )
        } else if f.labels.is_empty() {
            format!("Worded differently: {changes} between the two versions")
        } else {
            format!("Framing differences: {} ({changes})", f.labels_text())
        }));
    }
    out.push(DocLine::Blank);
    // (side, highlight) pairs to explain, each explanation once.
    let mut picked: Vec<(Side, usize)> = Vec::new();
    match current {
        Some(t) => {
            picked.push((t.side, t.highlight));
            // Other marks of the same kind on the very same words are explained with it: one
            // quotation shared with two of the other side's.
            if let Some(h) = c.highlight(t.side, t.highlight) {
                for m in &r.sides.get(t.side).marks {
                    let twin = c
                        .highlight(t.side, m.highlight)
                        .is_some_and(|o| o.span == h.span && o.kind == h.kind);
                    if twin && !picked.contains(&(t.side, m.highlight)) {
                        picked.push((t.side, m.highlight));
                    }
                }
            }
        }
        None => {
            for side in [focus, focus.other()] {
                for m in &r.sides.get(side).marks {
                    let Some(h) = c.highlight(side, m.highlight) else {
                        continue;
                    };
                    let same = |&(s, i): &(Side, usize)| {
                        s == side
                            && c.highlight(s, i)
                                .is_some_and(|o| o.kind == h.kind && o.why == h.why)
                    };
                    if c.toggles.shows(h.kind) && !picked.iter().any(same) {
                        picked.push((side, m.highlight));
                    }
                }
            }
        }
    }
    if picked.is_empty() {
        out.push(DocLine::Dim(format!(
            "No highlight on this row. {}, {} and {} jump to the next one.",
            keymap.pair_of(Action::NextQuote, Action::PrevQuote),
            keymap.pair_of(Action::NextFraming, Action::PrevFraming),
            keymap.pair_of(Action::NextLoaded, Action::PrevLoaded)
        )));
    }
    for (side, i) in picked {
        let Some(h) = c.highlight(side, i) else {
            continue;
        };
        out.push(DocLine::Heading(format!(
            "{}: {}",
            side.name(),
            h.kind.name()
        )));
        out.push(DocLine::Text(clean(&h.why)));
        out.push(DocLine::Blank);
    }
    out
}

/// The summary popup: counts, framing profiles side by side, distinctive terms, shared quotes.
pub fn summary(cmp: &Comparison) -> Vec<DocLine> {
    let s = &cmp.summary;
    let title = |i: &crate::compare::SideInfo| {
        format!(
            "{} — {}",
            clean(i.outlet.as_deref().unwrap_or("unknown")),
            clean(&i.title)
        )
    };
    let mut out = vec![
        DocLine::Pair(
            format!("A: {}", title(&cmp.a)),
            format!("B: {}", title(&cmp.b)),
        ),
        DocLine::Blank,
    ];
    for l in &cmp.limits {
        out.push(DocLine::Dim(format!("Note: {}", clean(&l.fallback))));
        out.push(DocLine::Blank);
    }
    out.extend([
        DocLine::Heading("Alignment".to_string()),
        DocLine::Text(format!(
            "{} aligned · {} moved · {} only in A · {} only in B · {:.0}% of content aligned",
            s.aligned,
            s.moved,
            s.only_a,
            s.only_b,
            s.similarity * 100.0
        )),
        DocLine::Text(format!(
            "{} · {} · loaded terms: {} in A, {} in B",
            crate::report::counted(s.shared_quotes, "shared quote", "shared quotes"),
            crate::report::counted(
                s.framing_differences,
                "framing difference",
                "framing differences"
            ),
            s.loaded_a,
            s.loaded_b
        )),
        DocLine::Blank,
        DocLine::Heading("Framing profile".to_string()),
    ]);
    for row in profile::table(&cmp.profile, Some(6)) {
        out.push(DocLine::Pair(
            format!("{}: {}", row.label, row.a),
            format!("{}: {}", row.label, row.b),
        ));
    }
    out.push(DocLine::Blank);
    out.push(DocLine::Heading("Distinctive terms".to_string()));
    let dist = |side: Side| {
        let d = cmp.distinctive.get(side);
        if d.is_empty() {
            return "—".to_string();
        }
        d.iter()
            .take(10)
            .map(|t| format!("{} ({:.1})", clean(&t.term), t.z))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push(DocLine::Pair(dist(Side::A), dist(Side::B)));
    out.push(DocLine::Blank);
    out.push(DocLine::Heading(format!(
        "Shared quotes ({})",
        cmp.shared_quotes.len()
    )));
    if cmp.shared_quotes.is_empty() {
        out.push(DocLine::Dim("none found".to_string()));
    }
    for q in &cmp.shared_quotes {
        let who = q
            .speaker
            .as_deref()
            .map(|s| format!(" — {}", clean(s)))
            .unwrap_or_default();
        out.push(DocLine::Text(format!(
            "“{}”{who} ({})",
            clean(q.a.slice(&cmp.a.text)),
            q.kind.name()
        )));
    }
    out
}
