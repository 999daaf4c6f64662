//! The display model of a comparison: each row's sanitised text per side, the highlight marks
//! inside it, and the navigation targets — built once per comparison, never during a frame.
//!
//! Marks are byte ranges into a row's *display* text (sanitised, line breaks turned into
//! spaces, sentences of a row joined by a space), converted from the engine's spans into the
//! article text when the model is built.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use crate::compare::{Comparison, HighlightKind, HighlightRef, PerSide, RowKind, Side};
use crate::text::Span;
use crate::text::sanitize::{cell_safe, sanitize_cells, sanitize_mapped};

/// One highlight of the comparison drawn in a row's display text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Byte range into the row side's display text.
    pub range: Range<usize>,
    /// What it marks (how it is drawn and toggled).
    pub kind: HighlightKind,
    /// Index of the highlight in `Comparison::highlights` of the row side's side.
    pub highlight: usize,
}

/// How quoted speech is drawn: the `toggle_voice` key cycles show → dim → hide, so a reader
/// can read the outlet's own voice alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SpeechView {
    /// Quoted speech drawn like the rest of the text.
    #[default]
    Show,
    /// Quoted speech dimmed.
    Dim,
    /// Quoted speech replaced by a short stand-in, naming the speaker when the text beside it
    /// does not (`[“…” Mayor Tom Hale]`, `[“…”]`).
    Hide,
}

impl SpeechView {
    /// The next view of the cycle.
    pub fn next(self) -> SpeechView {
        match self {
            SpeechView::Show => SpeechView::Dim,
            SpeechView::Dim => SpeechView::Hide,
            SpeechView::Hide => SpeechView::Show,
        }
    }

    /// The view for readers: `shown`, `dimmed`, `hidden`.
    pub fn name(self) -> &'static str {
        match self {
            SpeechView::Show => "shown",
            SpeechView::Dim => "dimmed",
            SpeechView::Hide => "hidden",
        }
    }
}

/// One side of a row, ready to display.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SideText {
    /// Sanitised display text (empty for a blank).
    pub text: String,
    /// Highlights, sorted by start.
    pub marks: Vec<Mark>,
    /// Sentence indices of the side shown here.
    pub sentences: Vec<usize>,
    /// Display ranges of quoted speech (or of its stand-ins when speech is hidden).
    pub speech: Vec<Range<usize>>,
    /// `(display byte, original byte)` at the start of every displayed char, in order.
    map: Vec<(usize, usize)>,
}

impl SideText {
    fn to_display(&self, orig: usize) -> usize {
        let i = self.map.partition_point(|&(_, o)| o < orig);
        self.map.get(i).map(|&(d, _)| d).unwrap_or(self.text.len())
    }

    /// The display range of an original span, if the span touches this text.
    pub fn display_range(&self, span: Span) -> Option<Range<usize>> {
        let (first, last) = (self.map.first()?, self.map.last()?);
        if span.end <= first.1 || span.start > last.1 {
            return None;
        }
        let r = self.to_display(span.start)..self.to_display(span.end);
        (r.start < r.end).then_some(r)
    }
}

/// A row of the reading order, ready to display.
#[derive(Clone, Debug, PartialEq)]
pub struct RowModel {
    /// Aligned, moved, one-sided or excluded.
    pub kind: RowKind,
    /// Both sides.
    pub sides: PerSide<SideText>,
    /// Alignment score, for aligned and moved rows.
    pub score: Option<f64>,
    /// The side whose sentences were joined from separate places ([`crate::compare::Row::joined`]).
    pub joined: Option<crate::compare::Side>,
}

/// A place the highlight cursor can jump to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// Row index (into `Comparison::rows`).
    pub row: usize,
    /// Which side of the row.
    pub side: Side,
    /// Display range in that row side.
    pub range: Range<usize>,
    /// Index of the highlight in `Comparison::highlights` of `side`.
    pub highlight: usize,
}

/// The kinds of targets the jump keys step through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetKind {
    /// Shared quotes (`n`/`N`), one per quotation.
    Quote,
    /// Framing differences (`]`/`[`), one per aligned pair that differs.
    Framing,
    /// Loaded terms (`l`/`L`), one per hit.
    Loaded,
}

impl TargetKind {
    /// Plural noun for messages ("no more shared quotes").
    pub fn plural(self) -> &'static str {
        match self {
            TargetKind::Quote => "shared quotes",
            TargetKind::Framing => "framing differences",
            TargetKind::Loaded => "loaded terms",
        }
    }

    /// The target a highlight of the comparison is part of, if any: a shared quote's two
    /// sides are one target, and so are all changed words of one aligned pair.
    fn of(item: HighlightRef) -> Option<(TargetKind, usize)> {
        match item {
            HighlightRef::SharedQuote(i) => Some((TargetKind::Quote, i)),
            HighlightRef::Change { framing, .. } => Some((TargetKind::Framing, framing)),
            HighlightRef::LoadedTerm(i) => Some((TargetKind::Loaded, i)),
            _ => None,
        }
    }
}

/// Everything the compare screen shows, derived once from a comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Rows in reading order (same order as `Comparison::rows`).
    pub rows: Vec<RowModel>,
    /// For each sentence of each side, the row holding it.
    pub row_of: PerSide<Vec<usize>>,
    /// Shared-quote targets in reading order, one per quote.
    pub quotes: Vec<Target>,
    /// Framing targets in reading order, one per aligned pair that differs.
    pub framing: Vec<Target>,
    /// Loaded-term targets in reading order.
    pub loaded: Vec<Target>,
    /// Sanitised header of each side: title, then "outlet · date · N words".
    pub headers: PerSide<(String, String)>,
}

impl Model {
    /// Build the model of `cmp`: its rows' display text and every highlight of
    /// [`Comparison::highlights`] placed in it.
    pub fn build(cmp: &Comparison) -> Model {
        Model::build_with(cmp, SpeechView::Show)
    }

    /// The display model with quoted speech drawn as `speech` says ([`SpeechView::Hide`]
    /// replaces it in the text; highlights inside it are then not drawn).
    pub fn build_with(cmp: &Comparison, speech: SpeechView) -> Model {
        let hide = speech == SpeechView::Hide;
        let info = PerSide {
            a: &cmp.a,
            b: &cmp.b,
        };
        let mut row_of = PerSide {
            a: vec![0; cmp.a.sentences.len()],
            b: vec![0; cmp.b.sentences.len()],
        };
        let mut rows: Vec<RowModel> = Vec::with_capacity(cmp.rows.len());
        for (ri, row) in cmp.rows.iter().enumerate() {
            let mut sides = PerSide::<SideText>::default();
            for side in [Side::A, Side::B] {
                let idx = if side == Side::A { &row.a } else { &row.b };
                for &s in idx {
                    if let Some(slot) = row_of.get_mut(side).get_mut(s) {
                        *slot = ri;
                    }
                }
                *sides.get_mut(side) = side_text(info.get(side), idx, hide);
            }
            rows.push(RowModel {
                kind: row.kind,
                sides,
                score: row.score,
                joined: row.joined,
            });
        }
        for side in [Side::A, Side::B] {
            let sents = &info.get(side).sentences;
            for (hi, h) in cmp.highlights.get(side).iter().enumerate() {
                // Every row holding a sentence the span touches: a quotation can run across
                // sentences that sit in different rows.
                let lo = sents.partition_point(|s| s.end <= h.span.start);
                let hi_s = sents.partition_point(|s| s.start < h.span.end).max(lo);
                let mut seen: Vec<usize> = Vec::new();
                for sent in lo..hi_s {
                    let Some(&ri) = row_of.get(side).get(sent) else {
                        continue;
                    };
                    if seen.contains(&ri) {
                        continue;
                    }
                    seen.push(ri);
                    let Some(row) = rows.get_mut(ri) else {
                        continue;
                    };
                    let st = row.sides.get_mut(side);
                    if let Some(range) = st.display_range(h.span)
                        && !(hide
                            && st
                                .speech
                                .iter()
                                .any(|r| r.start <= range.start && range.end <= r.end))
                    {
                        st.marks.push(Mark {
                            range,
                            kind: h.kind,
                            highlight: hi,
                        });
                    }
                }
            }
        }
        for row in rows.iter_mut() {
            for side in [Side::A, Side::B] {
                row.sides
                    .get_mut(side)
                    .marks
                    .sort_by_key(|m| (m.range.start, m.range.end, m.kind));
            }
        }
        let (mut quotes, mut framing, mut loaded) = (Vec::new(), Vec::new(), Vec::new());
        let mut seen = std::collections::BTreeSet::new();
        for (ri, row) in rows.iter().enumerate() {
            for side in [Side::A, Side::B] {
                for m in &row.sides.get(side).marks {
                    let Some(h) = cmp.highlights.get(side).get(m.highlight) else {
                        continue;
                    };
                    let Some((kind, group)) = TargetKind::of(h.item) else {
                        continue;
                    };
                    if !seen.insert((kind as u8, group)) {
                        continue;
                    }
                    let t = Target {
                        row: ri,
                        side,
                        range: m.range.clone(),
                        highlight: m.highlight,
                    };
                    match kind {
                        TargetKind::Quote => quotes.push(t),
                        TargetKind::Framing => framing.push(t),
                        TargetKind::Loaded => loaded.push(t),
                    }
                }
            }
        }
        let headers = PerSide {
            a: header(&cmp.a),
            b: header(&cmp.b),
        };
        Model {
            rows,
            row_of,
            quotes,
            framing,
            loaded,
            headers,
        }
    }

    /// The targets of a kind.
    pub fn targets(&self, kind: TargetKind) -> &[Target] {
        match kind {
            TargetKind::Quote => &self.quotes,
            TargetKind::Framing => &self.framing,
            TargetKind::Loaded => &self.loaded,
        }
    }
}

fn header(s: &crate::compare::SideInfo) -> (String, String) {
    let title = sanitize_cells(&s.title).replace(['\n', '\t'], " ");
    let mut meta = vec![sanitize_cells(s.outlet.as_deref().unwrap_or("unknown"))];
    if let Some(d) = &s.date {
        meta.push(sanitize_cells(d));
    }
    meta.push(format!("{} words", s.words));
    (title, meta.join(" · ").replace(['\n', '\t'], " "))
}

/// The outer spans of one side's quoted speech (speech quotations not nested in another), with
/// their speakers, in text order.
fn speech_of(info: &crate::compare::SideInfo) -> Vec<(Span, Option<&str>)> {
    let mut out: Vec<(Span, Option<&str>)> = Vec::new();
    for q in &info.quotations {
        if q.kind != crate::text::QuotationKind::Speech || q.nested {
            continue;
        }
        if out.last().is_some_and(|(s, _)| s.end > q.span.start) {
            continue;
        }
        // The stand-in names the speaker only when the text next to it does not already
        // (`“…,” Trump said` keeps its attribution, `“…,” he said` does not name anyone).
        let named_beside = match (q.speaker_span, q.attribution) {
            (Some(sp), Some(att)) => att.contains(&sp) && q.speaker.is_some(),
            _ => false,
        };
        let who = if named_beside {
            None
        } else {
            q.speaker.as_deref()
        };
        out.push((q.span, who));
    }
    out
}

/// The stand-in drawn for hidden quoted speech: `[“…” Mayor Tom Hale]`, or `[“…”]`.
fn stand_in(speaker: Option<&str>) -> String {
    match speaker {
        Some(s) => {
            let name = sanitize_cells(s)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            format!("[“…” {name}]")
        }
        None => "[“…”]".to_string(),
    }
}

/// The display text of the given sentences of one side; with `hide`, quoted speech is replaced
/// by its stand-in.
fn side_text(info: &crate::compare::SideInfo, sentences: &[usize], hide: bool) -> SideText {
    let mut st = SideText {
        sentences: sentences.to_vec(),
        ..SideText::default()
    };
    let speech = speech_of(info);
    // Speech quotations by position: each sentence looks up the ones it overlaps.
    let mut open: Option<(Span, usize)> = None;
    for &i in sentences {
        let Some(span) = info.sentences.get(i) else {
            continue;
        };
        let slice = span.slice(&info.text);
        if slice.is_empty() {
            continue;
        }
        if !st.text.is_empty() {
            st.map.push((st.text.len(), span.start));
            st.text.push(' ');
        }
        let k0 = speech.partition_point(|(s, _)| s.end <= span.start);
        // Escape sequences go whole, as everywhere else; clusters that terminals draw at
        // different widths are reduced so that the panes stay aligned.
        let mut k = k0;
        for (off, c) in cell_safe(sanitize_mapped(slice)) {
            let at = span.start + off;
            while k < speech.len() && speech[k].0.end <= at {
                k += 1;
            }
            let inside = speech.get(k).filter(|(s, _)| s.start <= at && at < s.end);
            match (inside, hide) {
                (Some(&(s, who)), true) => {
                    if open.is_none_or(|(o, _)| o != s) {
                        let from = st.text.len();
                        st.map.push((from, at));
                        st.text.push_str(&stand_in(who));
                        st.speech.push(from..st.text.len());
                        open = Some((s, from));
                    }
                    continue;
                }
                (Some(&(s, _)), false) => {
                    let here = st.text.len();
                    match st.speech.last_mut() {
                        Some(r) if open.is_some_and(|(o, _)| o == s) && r.end == here => {
                            r.end = here + c.len_utf8();
                        }
                        _ => {
                            st.speech.push(here..here + c.len_utf8());
                            open = Some((s, here));
                        }
                    }
                }
                (None, _) => open = None,
            }
            st.map.push((st.text.len(), at));
            st.text.push(if c.is_whitespace() { ' ' } else { c });
        }
    }
    st
}

/// The display text of the given spans of `text` (sentences, joined by a space): sanitised,
/// line breaks turned into spaces, with [`SideText::display_range`] to place spans in it.
pub fn display_text(text: &str, spans: &[Span]) -> SideText {
    let mut st = SideText::default();
    for span in spans {
        let slice = span.slice(text);
        if slice.is_empty() {
            continue;
        }
        if !st.text.is_empty() {
            st.map.push((st.text.len(), span.start));
            st.text.push(' ');
        }
        // Escape sequences go whole, as everywhere else; clusters that terminals draw at
        // different widths are reduced so that the columns stay aligned.
        for (off, c) in cell_safe(sanitize_mapped(slice)) {
            st.map.push((st.text.len(), span.start + off));
            st.text.push(if c.is_whitespace() { ' ' } else { c });
        }
    }
    st
}

/// Break `text` into lines of at most `width` columns: at spaces where possible, inside a word
/// only when the word alone is wider than the line. Returns byte ranges (without the spaces at
/// the break). An empty text is one empty line.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut col = 0;
    let mut last_space: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if c == ' ' {
            last_space = Some(i);
        }
        if col + w > width && i > start {
            if c == ' ' {
                lines.push(start..i);
                start = i + 1;
                col = 0;
                last_space = None;
                continue;
            }
            match last_space.filter(|&s| s > start) {
                Some(s) => {
                    lines.push(start..s);
                    start = s + 1;
                    col = text[start..i].width();
                }
                None => {
                    lines.push(start..i);
                    start = i;
                    col = 0;
                }
            }
            last_space = None;
        }
        col += w;
    }
    if start < text.len() || lines.is_empty() {
        lines.push(start..text.len());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(text: &str, w: usize) -> Vec<String> {
        wrap(text, w)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn wraps_at_spaces_and_never_exceeds_the_width() {
        let t = "The ministry said in a statement that there were no losses";
        let lines = widths(t, 16);
        assert_eq!(
            lines,
            [
                "The ministry",
                "said in a",
                "statement that",
                "there were no",
                "losses"
            ]
        );
        for l in &lines {
            assert!(l.width() <= 16);
        }
    }

    #[test]
    fn long_words_are_broken_and_wide_chars_counted() {
        assert_eq!(widths("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        let cjk = "漢字漢字漢字";
        for l in widths(cjk, 5) {
            assert!(l.width() <= 5, "{l}");
        }
        assert_eq!(widths("", 10), [""]);
    }
}
