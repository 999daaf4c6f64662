//! Pieces shared by the human-readable reports: sentence text, marked-up sentences, and the
//! highlight lists of the comparison grouped for listing.
//!
//! Everything returned here is already sanitised for display. Marks and explanations come from
//! [`Comparison::highlights`] only.

use crate::compare::highlight::{loaded_entry, sentence_ref};
use crate::compare::{Comparison, HighlightKind, HighlightRef, RowKind, Side, SideInfo};
use crate::text::Span;
use crate::text::sanitize::sanitize;

/// One side of the comparison.
pub fn side_info(cmp: &Comparison, side: Side) -> &SideInfo {
    match side {
        Side::A => &cmp.a,
        Side::B => &cmp.b,
    }
}

/// Sanitised single-line text of `span` on `info` (line breaks folded to spaces).
pub fn span_text(info: &SideInfo, span: Span) -> String {
    one_line(span.slice(&info.text))
}

/// Sanitised text of sentence `i`, on one line.
pub fn sentence_text(info: &SideInfo, i: usize) -> String {
    info.sentences
        .get(i)
        .map(|s| span_text(info, *s))
        .unwrap_or_default()
}

/// Sanitise and fold all whitespace runs into single spaces.
pub fn one_line(s: &str) -> String {
    sanitize(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Sentence `i` of `info` with the given spans wrapped in `open`/`close` markers.
/// Spans outside the sentence are ignored; overlapping spans are merged.
pub fn marked_sentence(
    info: &SideInfo,
    i: usize,
    spans: &[Span],
    open: &str,
    close: &str,
    escape: &dyn Fn(&str) -> String,
) -> String {
    let Some(&sent) = info.sentences.get(i) else {
        return String::new();
    };
    let mut inside: Vec<Span> = spans
        .iter()
        .filter(|s| sent.contains(s) && !s.is_empty())
        .copied()
        .collect();
    inside.sort();
    let mut out = String::new();
    let mut pos = sent.start;
    for s in inside {
        if s.start < pos {
            continue;
        }
        out.push_str(&escape(&one_line_keep_edges(
            Span::new(pos, s.start).slice(&info.text),
        )));
        out.push_str(open);
        out.push_str(&escape(&one_line(s.slice(&info.text))));
        out.push_str(close);
        pos = s.end;
    }
    out.push_str(&escape(&one_line_keep_edges(
        Span::new(pos, sent.end).slice(&info.text),
    )));
    out
}

/// Like [`one_line`] but keeps a single leading/trailing space when the input had whitespace
/// there, so marked pieces stay separated from their neighbours.
fn one_line_keep_edges(s: &str) -> String {
    let core = one_line(s);
    if core.is_empty() {
        return if s.is_empty() {
            String::new()
        } else {
            " ".into()
        };
    }
    let lead = if s.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if s.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}{core}{trail}")
}

/// The spans of `side` highlighted as changed words, for each framing entry (one pass over
/// the highlights, whatever the number of entries).
pub fn changed_spans(cmp: &Comparison, side: Side) -> Vec<Vec<Span>> {
    let mut out = vec![Vec::new(); cmp.framing.len()];
    for h in cmp.highlights.get(side) {
        if let HighlightRef::Change { framing, .. } = h.item
            && let Some(list) = out.get_mut(framing)
        {
            list.push(h.span);
        }
    }
    out
}

/// "title — outlet" with the unknown outlet spelled out.
pub fn heading(info: &SideInfo) -> String {
    format!(
        "{} — {}",
        one_line(&info.title),
        one_line(info.outlet.as_deref().unwrap_or("unknown outlet"))
    )
}

/// Sentences of `side` with no counterpart on the other side, in reading order.
pub fn one_sided(cmp: &Comparison, side: Side) -> Vec<usize> {
    let kind = match side {
        Side::A => RowKind::OnlyA,
        Side::B => RowKind::OnlyB,
    };
    cmp.rows
        .iter()
        .filter(|r| r.kind == kind)
        .flat_map(|r| match side {
            Side::A => r.a.iter().copied(),
            Side::B => r.b.iter().copied(),
        })
        .collect()
}

/// Up to twelve distinctive terms of `side`, strongest first, as `term (z 3.1, 5:0)` (uses on
/// this side : the other), or "none".
pub fn distinctive_list(cmp: &Comparison, side: Side) -> String {
    let list: Vec<String> = cmp
        .distinctive
        .get(side)
        .iter()
        .take(12)
        .map(|t| {
            format!(
                "{} (z {:.1}, {}:{})",
                one_line(&t.term),
                t.z,
                t.count,
                t.other_count
            )
        })
        .collect();
    if list.is_empty() {
        "none".into()
    } else {
        list.join(", ")
    }
}

/// The highlights of one side that share a kind and an explanation (every use of one loaded
/// term, every occurrence of one distinctive term), for listing once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HighlightGroup {
    /// What they mark.
    pub kind: HighlightKind,
    /// The marked words of the first of them, sanitised, on one line.
    pub text: String,
    /// How many highlights the group holds.
    pub count: usize,
    /// The sentences they are in (`A3`), in text order, each once.
    pub sentences: Vec<String>,
    /// Why they are marked.
    pub why: String,
    /// For loaded terms, each form of the entry as written (a capital that only opens a
    /// sentence folded) and how many highlights have it, in order of first appearance; for
    /// changed words and distinctive terms, each different text as written.
    pub forms: Vec<(String, usize)>,
}

impl HighlightGroup {
    /// The marked words: each form as written with its count (`lied ×2, lying`), else the
    /// words of the first highlight.
    pub fn written(&self) -> String {
        if self.forms.is_empty() {
            return self.text.clone();
        }
        self.forms
            .iter()
            .map(|(f, n)| {
                if *n > 1 {
                    format!("{f} ×{n}")
                } else {
                    f.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Every highlight of `side`, grouped by kind and explanation, in text order of each group's
/// first highlight. Loaded terms are grouped by lexicon entry, whatever form the article
/// writes (`lied`, `lying`), and the group's explanation is the entry's.
pub fn highlight_groups(cmp: &Comparison, side: Side) -> Vec<HighlightGroup> {
    let info = side_info(cmp, side);
    let mut groups: Vec<HighlightGroup> = Vec::new();
    // Each group's place in `groups`, by kind and explanation.
    let mut index: std::collections::HashMap<(HighlightKind, String), usize> =
        std::collections::HashMap::new();
    for h in cmp.highlights.get(side) {
        let at = info.sentences.partition_point(|s| s.end <= h.span.start);
        let at = sentence_ref(side, at);
        let (why, form) = match h.item {
            HighlightRef::LoadedTerm(i) => (
                one_line(&loaded_entry(cmp, side, i)),
                Some(shown_form(&span_text(info, h.span))),
            ),
            // Changed words of one pair of sentences, and the forms of one distinctive term
            // ("published", "publishes"), share an explanation but not their words: each is
            // listed as written, not the first with a count.
            _ if matches!(
                h.kind,
                HighlightKind::ChangedWords | HighlightKind::DistinctiveTerm
            ) =>
            {
                (one_line(&h.why), Some(span_text(info, h.span)))
            }
            _ => (one_line(&h.why), None),
        };
        match index.get(&(h.kind, why.clone())) {
            Some(&k) => {
                let g = &mut groups[k];
                g.count += 1;
                if let Some(form) = form {
                    match g.forms.iter_mut().find(|(f, _)| *f == form) {
                        Some(f) => f.1 += 1,
                        None => g.forms.push((form, 1)),
                    }
                }
                // Highlights come in text order, so a sentence already listed is the last.
                if g.sentences.last() != Some(&at) {
                    g.sentences.push(at);
                }
            }
            None => {
                index.insert((h.kind, why.clone()), groups.len());
                groups.push(HighlightGroup {
                    kind: h.kind,
                    text: span_text(info, h.span),
                    count: 1,
                    sentences: vec![at],
                    why,
                    forms: form.map(|f| vec![(f, 1)]).unwrap_or_default(),
                });
            }
        }
    }
    groups
}

/// The marked words of a group with their count and place: `“regime” ×3 (A2, A7, A9)`; words
/// beyond [`LABEL_CHARS`] characters (a whole sentence of page furniture) are cut with "…".
pub fn group_label(g: &HighlightGroup) -> String {
    if !g.forms.is_empty() {
        // The forms as written: `“lied” ×2, “lying” (A2, A5)`.
        let forms: Vec<String> = g
            .forms
            .iter()
            .map(|(f, n)| {
                let f = cut_label(f);
                if *n > 1 {
                    format!("“{f}” ×{n}")
                } else {
                    format!("“{f}”")
                }
            })
            .collect();
        return format!("{} ({})", forms.join(", "), g.sentences.join(", "));
    }
    let times = if g.count > 1 {
        format!(" ×{}", g.count)
    } else {
        String::new()
    };
    let text = cut_label(&g.text);
    // Scare quotes carry their own marks.
    if g.kind == HighlightKind::ScareQuote {
        format!("{text}{times} ({})", g.sentences.join(", "))
    } else {
        format!("“{text}”{times} ({})", g.sentences.join(", "))
    }
}

/// A word as written, for a list of forms: a capital that only opens a sentence or a
/// title-case headline is folded (`Claims` → `claims`); names and all-capital words keep theirs.
pub fn shown_form(text: &str) -> String {
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

/// `text` cut to [`LABEL_CHARS`] characters, with "…" where it was cut.
fn cut_label(text: &str) -> String {
    if text.chars().count() > LABEL_CHARS {
        let mut t: String = text.chars().take(LABEL_CHARS - 1).collect();
        t.push('…');
        t
    } else {
        text.to_string()
    }
}

/// Longest marked text a group label shows.
pub const LABEL_CHARS: usize = 60;

/// The heading of a kind's list of highlights in a report.
pub fn kind_heading(kind: HighlightKind) -> &'static str {
    match kind {
        HighlightKind::SharedQuote => "Shared quotations",
        HighlightKind::ChangedWords => "Changed words",
        HighlightKind::LoadedTerm => "Loaded terms only this side uses",
        HighlightKind::SharedLoadedTerm => "Loaded terms both sides use",
        HighlightKind::QuotedLoadedTerm => "Loaded terms in quoted speech (the speakers' words)",
        HighlightKind::ScareQuote => "Scare quotes",
        HighlightKind::DistinctiveTerm => "Distinctive terms",
        HighlightKind::Headline => "Headline",
        HighlightKind::Boilerplate => "Page furniture",
        HighlightKind::Dateline => "Dateline",
    }
}

/// A shared quotation's match for readers: `partial match: trimmed at the start — Igor
/// Konashenkov`.
pub fn quote_match(q: &crate::compare::SharedQuote) -> String {
    let mut what = format!("{} match", q.kind.name());
    if !q.edits.is_empty() {
        let edits: Vec<&str> = q.edits.iter().map(|e| e.describe()).collect();
        what = format!("{what}: {}", edits.join(", "));
    }
    if let Some(sp) = &q.speaker {
        what = format!("{what} — {}", one_line(sp));
    }
    what
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
