//! The story screen's state: a grid of facts (down) × outlets (across) built once from a
//! [`Story`], the cell cursor, sideways scrolling, and the places the jump keys go to.
//!
//! Each cell is the outlet's sentences of the fact as display text (sanitised, as in the
//! compare screen's [`model`](super::model)), with the story's marks placed in it. The
//! pairwise comparisons the story was built from are kept, so that opening the comparison of
//! two outlets at a fact is immediate.

use std::ops::Range;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::compare::story::{Story, marks::article_names};
use crate::compare::{Comparison, HighlightKind};
use crate::text::sanitize::sanitize_cells;

use super::model::{Mark, display_text, wrap};

/// Narrowest a column of the grid gets; with more outlets than fit, the grid scrolls sideways.
pub const MIN_COLUMN: u16 = 30;

/// One outlet's wording of one fact, ready to display.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CellText {
    /// Sanitised display text.
    pub text: String,
    /// The story's marks placed in it (`highlight` is the index into the cell's marks).
    pub marks: Vec<Mark>,
}

/// What a jump key steps through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Jump {
    /// Facts some outlet leaves out that two or more report.
    Omission,
    /// Quotations, one per quotation where it is first told.
    Quotation,
    /// Labelled framing changes between outlets' wordings.
    Framing,
    /// Loaded terms.
    Loaded,
}

impl Jump {
    /// Plural noun for messages.
    pub fn plural(self) -> &'static str {
        match self {
            Jump::Omission => "facts an outlet leaves out",
            Jump::Quotation => "quotations",
            Jump::Framing => "framing changes",
            Jump::Loaded => "loaded terms",
        }
    }
}

/// A place a jump key goes to: a cell, and the stretch of it to show as current.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// Fact index.
    pub fact: usize,
    /// Article (column) index.
    pub article: usize,
    /// Display range in the cell (none for an omission: the cell is empty).
    pub range: Option<Range<usize>>,
    /// Why it is there, in plain words (sanitised).
    pub why: String,
}

/// Where the parts of the story screen go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoryLayout {
    /// The title line.
    pub title: Rect,
    /// Outlet names and headlines (two lines).
    pub header: Rect,
    /// The legend of the highlights.
    pub legend: Rect,
    /// The coverage column left of the grid.
    pub gutter: Rect,
    /// The grid of cells.
    pub grid: Rect,
    /// Three lines about the fact and the mark under the cursor.
    pub explain: Rect,
    /// The status line.
    pub status: Rect,
    /// Columns shown at once.
    pub columns: usize,
    /// Width of each column.
    pub column_width: u16,
}

impl StoryLayout {
    /// The layout of `area` for a story of `outlets` articles.
    pub fn new(area: Rect, outlets: usize) -> StoryLayout {
        let outlets = outlets.max(1);
        let line = |y: u16, h: u16| Rect::new(area.x, area.y + y, area.width, h);
        let gw = (outlets as u16 + 2).max(5).min(area.width / 4);
        let top = 4;
        let bottom = 4;
        let grid_h = area.height.saturating_sub(top + bottom);
        let avail = area.width.saturating_sub(gw);
        let fit = ((avail + 1) / (MIN_COLUMN + 1)).max(1) as usize;
        let columns = fit.min(outlets);
        let seps = columns.saturating_sub(1) as u16;
        let column_width = (avail.saturating_sub(seps) / columns as u16).max(1);
        StoryLayout {
            title: line(0, 1),
            header: Rect::new(area.x + gw, area.y + 1, avail, 2),
            legend: line(3, 1),
            gutter: Rect::new(area.x, area.y + top, gw, grid_h),
            grid: Rect::new(area.x + gw, area.y + top, avail, grid_h),
            explain: line(area.height.saturating_sub(bottom), 3),
            status: line(area.height.saturating_sub(1), 1),
            columns,
            column_width,
        }
    }

    /// Width the cells' text is wrapped at: the column less a space before the next.
    pub fn text_width(&self) -> u16 {
        self.column_width.saturating_sub(1).max(1)
    }

    /// The x of the `i`-th column shown.
    pub fn column_x(&self, i: usize) -> u16 {
        self.grid.x + i as u16 * (self.column_width + 1)
    }
}

/// The story screen.
#[derive(Debug)]
pub struct StoryState {
    /// The story.
    pub story: Arc<Story>,
    /// The pairwise comparisons, in the order of [`Story::pairs`].
    pub pairs: Arc<Vec<Comparison>>,
    /// Library indices of the articles, in the story's order.
    pub articles: Vec<usize>,
    /// How each article is named (its outlet, or its id when that is ambiguous), sanitised.
    pub names: Vec<String>,
    /// Each article's headline, sanitised, on one line.
    pub titles: Vec<String>,
    /// Per fact, per article: the cell, when the article carries the fact.
    pub cells: Vec<Vec<Option<CellText>>>,
    /// The fact under the cursor.
    pub cursor: usize,
    /// The article (column) under the cursor.
    pub column: usize,
    /// First fact shown.
    pub top: usize,
    /// First column shown.
    pub left: usize,
    /// The place the last jump went to.
    pub current: Option<Target>,
    /// Column width the cells are wrapped at.
    pub width: u16,
    /// Per fact, per article: wrapped line ranges of the cell text.
    pub lines: Vec<Vec<Vec<Range<usize>>>>,
    /// Jump targets per kind, in reading order.
    pub omissions: Vec<Target>,
    /// Quotation targets.
    pub quotations: Vec<Target>,
    /// Framing-change targets.
    pub framing: Vec<Target>,
    /// Loaded-term targets.
    pub loaded: Vec<Target>,
}

fn one_line(s: &str) -> String {
    sanitize_cells(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl StoryState {
    /// The story screen for `story` of library articles `articles`, with its pairwise
    /// comparisons.
    pub fn new(story: Story, pairs: Vec<Comparison>, articles: Vec<usize>) -> StoryState {
        let n = story.articles.len();
        let names: Vec<String> = article_names(
            story
                .articles
                .iter()
                .map(|a| (a.outlet.as_deref(), a.id.as_str())),
        )
        .iter()
        .map(|s| one_line(s))
        .collect();
        let titles = story.articles.iter().map(|a| one_line(&a.title)).collect();
        let mut cells = Vec::with_capacity(story.facts.len());
        let (mut framing, mut loaded) = (Vec::new(), Vec::new());
        for (f, fact) in story.facts.iter().enumerate() {
            let mut row: Vec<Option<CellText>> = vec![None; n];
            for cell in &fact.cells {
                let Some(art) = story.articles.get(cell.article) else {
                    continue;
                };
                let st = display_text(&art.text, &cell.spans);
                let mut marks: Vec<Mark> = cell
                    .marks
                    .iter()
                    .enumerate()
                    .filter_map(|(i, m)| {
                        st.display_range(m.span).map(|range| Mark {
                            range,
                            kind: m.kind,
                            highlight: i,
                        })
                    })
                    .collect();
                marks.sort_by_key(|m| (m.range.start, m.range.end, m.kind));
                for m in &marks {
                    let why = cell
                        .marks
                        .get(m.highlight)
                        .map(|x| one_line(&x.why))
                        .unwrap_or_default();
                    let t = Target {
                        fact: f,
                        article: cell.article,
                        range: Some(m.range.clone()),
                        why,
                    };
                    match m.kind {
                        HighlightKind::ChangedWords => framing.push(t),
                        HighlightKind::LoadedTerm
                        | HighlightKind::SharedLoadedTerm
                        | HighlightKind::QuotedLoadedTerm => loaded.push(t),
                        _ => {}
                    }
                }
                if let Some(slot) = row.get_mut(cell.article) {
                    *slot = Some(CellText {
                        text: st.text.clone(),
                        marks,
                    });
                }
            }
            cells.push(row);
        }
        let list = |ix: &[usize]| {
            let v: Vec<&str> = ix
                .iter()
                .filter_map(|&i| names.get(i).map(String::as_str))
                .collect();
            crate::compare::story::marks::and_list(&v)
        };
        let omissions = story
            .facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.carried_by.len() >= 2 && !f.omitted_by.is_empty())
            .filter_map(|(i, f)| {
                Some(Target {
                    fact: i,
                    article: *f.omitted_by.first()?,
                    range: None,
                    why: format!(
                        "{} report{} this; {} leave{} it out",
                        list(&f.carried_by),
                        if f.carried_by.len() == 1 { "s" } else { "" },
                        list(&f.omitted_by),
                        if f.omitted_by.len() == 1 { "s" } else { "" },
                    ),
                })
            })
            .collect();
        let mut quotations: Vec<Target> = Vec::new();
        for q in &story.quotations {
            let Some(first) = q
                .copies
                .iter()
                .filter(|c| c.fact.is_some())
                .min_by_key(|c| (c.fact, c.article, c.span.start))
            else {
                continue;
            };
            let Some(f) = first.fact else { continue };
            let range = story.articles.get(first.article).and_then(|art| {
                let cell = story.facts.get(f)?.cell(first.article)?;
                display_text(&art.text, &cell.spans).display_range(first.span)
            });
            let speaker = q
                .speaker
                .as_deref()
                .map(|s| format!(" — {}", one_line(s)))
                .unwrap_or_default();
            let who = if q.carried_by.len() == 1 {
                format!("only {} carries this quotation", list(&q.carried_by))
            } else {
                format!("quoted by {}", list(&q.carried_by))
            };
            quotations.push(Target {
                fact: f,
                article: first.article,
                range,
                why: format!("{who}{speaker}"),
            });
        }
        quotations.sort_by_key(|t| (t.fact, t.article, t.range.as_ref().map(|r| r.start)));
        StoryState {
            story: Arc::new(story),
            pairs: Arc::new(pairs),
            articles,
            names,
            titles,
            cells,
            cursor: 0,
            column: 0,
            top: 0,
            left: 0,
            current: None,
            width: 0,
            lines: Vec::new(),
            omissions,
            quotations,
            framing,
            loaded,
        }
    }

    /// Number of outlets (columns).
    pub fn outlets(&self) -> usize {
        self.names.len()
    }

    /// The targets of a jump kind.
    pub fn targets(&self, kind: Jump) -> &[Target] {
        match kind {
            Jump::Omission => &self.omissions,
            Jump::Quotation => &self.quotations,
            Jump::Framing => &self.framing,
            Jump::Loaded => &self.loaded,
        }
    }

    /// Wrap every cell at `width` columns (nothing to do when already wrapped at it).
    pub fn rewrap(&mut self, width: u16) {
        if self.width == width && self.lines.len() == self.cells.len() {
            return;
        }
        self.width = width;
        self.lines = self
            .cells
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| match c {
                        Some(c) => wrap(&c.text, width as usize),
                        None => std::iter::once(0..0).collect(),
                    })
                    .collect()
            })
            .collect();
    }

    /// Screen lines fact `f` takes with `columns` columns shown from `self.left`, the line
    /// that separates it from the next included.
    pub fn height(&self, f: usize, columns: usize) -> usize {
        let Some(row) = self.lines.get(f) else {
            return 2;
        };
        row.iter()
            .skip(self.left)
            .take(columns)
            .map(|l| l.len().max(1))
            .max()
            .unwrap_or(1)
            + 1
    }

    /// Keep the cursor's column among the columns shown.
    pub fn keep_column(&mut self, columns: usize) {
        let n = self.outlets();
        self.column = self.column.min(n.saturating_sub(1));
        let columns = columns.max(1);
        if self.column < self.left {
            self.left = self.column;
        } else if self.column >= self.left + columns {
            self.left = self.column + 1 - columns;
        }
        self.left = self.left.min(n.saturating_sub(columns));
    }

    /// Keep the cursor's fact on screen (`rows` lines high), moving `top` as little as
    /// possible.
    pub fn keep_fact(&mut self, rows: usize, columns: usize) {
        let rows = rows.max(1);
        self.cursor = self.cursor.min(self.cells.len().saturating_sub(1));
        self.top = self.top.min(self.cursor);
        let used: usize = (self.top..=self.cursor)
            .map(|f| self.height(f, columns))
            .take(rows + 1)
            .sum();
        if used > rows {
            let mut top = self.cursor;
            let mut used = self.height(top, columns);
            while top > 0 && used + self.height(top - 1, columns) <= rows {
                top -= 1;
                used += self.height(top, columns);
            }
            self.top = top;
        }
    }

    /// Scroll so the cursor's fact sits a third of the way down (after a jump).
    pub fn reveal(&mut self, rows: usize, columns: usize) {
        let context = rows / 3;
        let mut top = self.cursor;
        let mut used = 0;
        while top > 0 && used + self.height(top - 1, columns) <= context {
            top -= 1;
            used += self.height(top, columns);
        }
        self.top = top;
    }

    /// Facts from `from` that fill `rows` lines, at least one.
    pub fn page(&self, from: usize, rows: usize, columns: usize, forward: bool) -> usize {
        let (mut lines, mut n, mut f) = (0, 0, from);
        loop {
            let h = self.height(f, columns);
            if n > 0 && lines + h > rows {
                break;
            }
            lines += h;
            n += 1;
            if forward {
                if f + 1 >= self.cells.len() {
                    break;
                }
                f += 1;
            } else {
                if f == 0 {
                    break;
                }
                f -= 1;
            }
        }
        n.max(1)
    }

    /// The two columns whose comparison Enter opens from the cursor: the cursor's outlet and
    /// the one to its right (to its left for the last), left one first.
    pub fn pair_at_cursor(&self) -> Option<(usize, usize)> {
        let n = self.outlets();
        if n < 2 {
            return None;
        }
        let x = self.column.min(n - 1);
        Some(if x + 1 < n { (x, x + 1) } else { (x - 1, x) })
    }
}
