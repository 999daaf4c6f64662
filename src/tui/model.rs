//! The display model of a comparison: each row's sanitised text per side, the highlight marks
//! inside it, and the navigation targets — built once per comparison, never during a frame.
//!
//! Marks are byte ranges into a row's *display* text (sanitised, line breaks turned into
//! spaces, sentences of a row joined by a space), converted from the engine's spans into the
//! article text when the model is built.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use crate::compare::{Comparison, PerSide, RowKind, Side};
use crate::corpus::Article;
use crate::text::sanitize::{cell_safe, sanitize_cells, sanitize_mapped};
use crate::text::{QuoteKind, Span};

/// What a highlight class is, for styling and toggling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// A quotation found in both articles.
    Quote,
    /// Words that differ inside an aligned pair.
    Framing,
    /// A loaded term the other side does not use.
    LoadedStrong,
    /// A loaded term both sides use.
    LoadedWeak,
    /// Scare quotes.
    Scare,
    /// A distinctive term of this side.
    Distinctive,
    /// Page furniture inside a compared sentence (a lede's dateline): dimmed.
    Furniture,
}

/// Which part of the comparison a mark shows, so it can explain itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum What {
    /// `Comparison::shared_quotes[i]`.
    Quote(usize),
    /// `Comparison::framing[pair].changes[change]`.
    Framing {
        /// Index into `Comparison::framing`.
        pair: usize,
        /// Index into that entry's changes.
        change: usize,
    },
    /// `Comparison::loaded_terms[i]`.
    Loaded(usize),
    /// The `i`-th quote of the article on `side` (`Analysis::quotes`), a scare quote.
    Scare(Side, usize),
    /// `Comparison::distinctive.get(side)[i]`.
    Distinctive(Side, usize),
    /// The dateline of the article on `side`.
    Dateline(Side),
}

impl What {
    /// The highlight class that shows this kind of item (loaded terms are refined by
    /// `only_here` when the mark is built).
    fn group(&self) -> (u8, usize, usize) {
        match *self {
            What::Quote(i) => (0, i, 0),
            What::Framing { pair, .. } => (1, pair, 0),
            What::Loaded(i) => (2, i, 0),
            What::Scare(s, i) => (3, s as usize, i),
            What::Distinctive(s, i) => (4, s as usize, i),
            What::Dateline(s) => (5, s as usize, 0),
        }
    }
}

/// One highlighted stretch of a row's display text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Byte range into the row side's display text.
    pub range: Range<usize>,
    /// How it is drawn.
    pub class: Class,
    /// What it shows.
    pub what: What,
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
    /// What it shows.
    pub what: What,
}

/// The kinds of targets the jump keys step through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetKind {
    /// Shared quotes (`n`/`N`).
    Quote,
    /// Framing differences, one per aligned pair (`]`/`[`).
    Framing,
    /// Loaded terms (`l`/`L`).
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
    /// Build the model of `cmp`. `articles` are the two compared articles (A, B); their
    /// quotations supply the scare quotes when their text is the text compared.
    pub fn build(cmp: &Comparison, articles: PerSide<Option<&Article>>) -> Model {
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
                let st = side_text(info.get(side), idx);
                for &s in idx {
                    if let Some(slot) = per_side_mut(&mut row_of, side).get_mut(s) {
                        *slot = ri;
                    }
                }
                *per_side_mut(&mut sides, side) = st;
            }
            rows.push(RowModel {
                kind: row.kind,
                sides,
                score: row.score,
            });
        }
        // Every sentence a span touches: a quotation can run across sentences that sit in
        // different rows.
        let sentences_of = |side: Side, span: Span| -> Range<usize> {
            let sents = &info.get(side).sentences;
            let lo = sents.partition_point(|s| s.end <= span.start);
            let hi = sents.partition_point(|s| s.start < span.end);
            lo..hi.max(lo)
        };
        let mut add = |side: Side, span: Span, class: Class, what: What| {
            let mut seen: Vec<usize> = Vec::new();
            for sent in sentences_of(side, span) {
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
                let st = per_side_mut(&mut row.sides, side);
                if let Some(range) = st.display_range(span) {
                    st.marks.push(Mark { range, class, what });
                }
            }
        };
        for (i, q) in cmp.shared_quotes.iter().enumerate() {
            add(Side::A, q.a, Class::Quote, What::Quote(i));
            add(Side::B, q.b, Class::Quote, What::Quote(i));
        }
        for (pi, f) in cmp.framing.iter().enumerate() {
            for (ci, ch) in f.changes.iter().enumerate() {
                let what = What::Framing {
                    pair: pi,
                    change: ci,
                };
                if let Some(s) = ch.a {
                    add(Side::A, s, Class::Framing, what);
                }
                if let Some(s) = ch.b {
                    add(Side::B, s, Class::Framing, what);
                }
            }
        }
        for (i, t) in cmp.loaded_terms.iter().enumerate() {
            let class = if t.only_here {
                Class::LoadedStrong
            } else {
                Class::LoadedWeak
            };
            add(t.side, t.span, class, What::Loaded(i));
        }
        for side in [Side::A, Side::B] {
            if let Some(art) = articles.get(side).filter(|a| a.text == info.get(side).text) {
                for (i, q) in art.analysis.quotes.iter().enumerate() {
                    if q.kind == QuoteKind::ScareQuote {
                        add(side, q.outer, Class::Scare, What::Scare(side, i));
                    }
                }
            }
            if let Some(d) = info.get(side).dateline {
                add(side, d, Class::Furniture, What::Dateline(side));
            }
            for (i, d) in cmp.distinctive.get(side).iter().enumerate() {
                for p in &d.positions {
                    add(side, *p, Class::Distinctive, What::Distinctive(side, i));
                }
            }
        }
        for row in rows.iter_mut() {
            for side in [Side::A, Side::B] {
                per_side_mut(&mut row.sides, side)
                    .marks
                    .sort_by_key(|m| (m.range.start, m.range.end, m.class));
            }
        }
        let targets = |pick: &dyn Fn(&Mark) -> bool| -> Vec<Target> {
            let mut out: Vec<Target> = Vec::new();
            let mut seen = std::collections::BTreeSet::new();
            for (ri, row) in rows.iter().enumerate() {
                for side in [Side::A, Side::B] {
                    for m in &row.sides.get(side).marks {
                        if pick(m) && seen.insert(m.what.group()) {
                            out.push(Target {
                                row: ri,
                                side,
                                range: m.range.clone(),
                                what: m.what,
                            });
                        }
                    }
                }
            }
            out
        };
        let quotes = targets(&|m| m.class == Class::Quote);
        let framing = targets(&|m| m.class == Class::Framing);
        let loaded = targets(&|m| matches!(m.class, Class::LoadedStrong | Class::LoadedWeak));
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

fn per_side_mut<T>(p: &mut PerSide<T>, side: Side) -> &mut T {
    match side {
        Side::A => &mut p.a,
        Side::B => &mut p.b,
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

/// The display text of the given sentences of one side.
fn side_text(info: &crate::compare::SideInfo, sentences: &[usize]) -> SideText {
    let mut st = SideText {
        sentences: sentences.to_vec(),
        ..SideText::default()
    };
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
        // Escape sequences go whole, as everywhere else; clusters that terminals draw at
        // different widths are reduced so that the panes stay aligned.
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
