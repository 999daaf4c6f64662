//! The reader's state, in small focused pieces: the library table, the comparison being read,
//! a pending background comparison, the open popup and the status line.
//!
//! Only [`crate::tui::update::update`] changes it; the view only reads it.

use std::ops::Range;
use std::sync::Arc;

use crate::compare::stats::{ArticleVector, article_vectors};
use crate::compare::stories::Stories;
use crate::compare::{Comparison, Highlight, HighlightKind, PerSide, RowKind, Side};
use crate::corpus::{Article, Library};
use crate::text::sanitize::sanitize_cells;

use super::action::Context;
use super::keymap::{Keymap, Mode};
use super::model::{Model, Target, wrap};

/// The whole state of the reader.
#[derive(Debug)]
pub struct State {
    /// The article table.
    pub library: LibraryState,
    /// The comparison being read, when the compare screen is shown.
    pub compare: Option<CompareState>,
    /// The story being read (under the comparison opened from it, if any).
    pub story: Option<super::story::StoryState>,
    /// A comparison being computed in the background.
    pub pending: Option<Pending>,
    /// The open popup, drawn over the screen.
    pub popup: Option<Popup>,
    /// The status line message.
    pub status: Status,
    /// Key bindings (for lookup, help and hints).
    pub keymap: Keymap,
    /// The terminal size.
    pub size: (u16, u16),
    /// Number of the last comparison requested.
    pub request: u64,
    /// Set once the reader should exit.
    pub quit: bool,
    /// The user's config file path (sanitised), shown in the help popup.
    pub config_path: Option<String>,
}

impl State {
    /// A fresh state on the library screen.
    pub fn new(library: Library, keymap: Keymap) -> State {
        State {
            library: LibraryState::new(library),
            compare: None,
            story: None,
            pending: None,
            popup: None,
            status: Status::default(),
            keymap,
            size: (80, 24),
            request: 0,
            quit: false,
            config_path: None,
        }
    }

    /// A fresh state on the library screen, before stories and relatedness are known.
    pub fn new_unanalysed(library: Library, keymap: Keymap) -> State {
        let mut s = State::new(Library::default(), keymap);
        s.library = LibraryState::unanalysed(library);
        s
    }

    /// Where keys go right now.
    pub fn mode(&self) -> Mode {
        if self.popup.is_some() {
            return Mode::Normal(Context::Overlay);
        }
        match &self.compare {
            Some(c) if c.search.input.editing => Mode::Input,
            Some(_) => Mode::Normal(Context::Compare),
            None if self.story.is_some() => Mode::Normal(Context::Story),
            None if self.library.filter.editing || self.library.address.editing => Mode::Input,
            None => Mode::Normal(Context::Library),
        }
    }
}

/// The status line: a message from the last action, or an error.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Status {
    /// Informational message.
    pub message: Option<String>,
    /// Error message (shown in the error style).
    pub error: Option<String>,
}

impl Status {
    /// Show an informational message.
    pub fn info(&mut self, msg: impl Into<String>) {
        self.message = Some(msg.into());
    }
}

/// A comparison running in the background.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    /// The request number.
    pub request: u64,
    /// Library index of A.
    pub a: usize,
    /// Library index of B.
    pub b: usize,
    /// Frame of the progress animation.
    pub frame: usize,
    /// Library indices of every article when a story is being compared (empty for a pair).
    pub story: Vec<usize>,
}

pub use super::textbox::TextBox;

/// The order of the library table (the filter's matches keep it too, except in the loaded
/// order, where the best match comes first).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// As loaded (files in sorted path order).
    #[default]
    Loaded,
    /// By outlet, unknown outlets last.
    Outlet,
    /// Newest first, undated last.
    Date,
    /// By story number, articles of no story last.
    Story,
    /// By title.
    Title,
    /// Most related to A first (once A is marked).
    Related,
}

impl SortKey {
    /// Every order, in the order the sort key steps through them.
    pub const ALL: [SortKey; 6] = [
        SortKey::Loaded,
        SortKey::Outlet,
        SortKey::Date,
        SortKey::Story,
        SortKey::Title,
        SortKey::Related,
    ];

    /// How the order is named on screen.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Loaded => "as loaded",
            SortKey::Outlet => "outlet",
            SortKey::Date => "date, newest first",
            SortKey::Story => "story",
            SortKey::Title => "title",
            SortKey::Related => "relatedness to A",
        }
    }

    /// The next order after this one.
    pub fn next(self) -> SortKey {
        let i = SortKey::ALL.iter().position(|k| *k == self).unwrap_or(0);
        SortKey::ALL[(i + 1) % SortKey::ALL.len()]
    }
}

/// One article as the table shows it: sanitised, single-line fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleRow {
    /// The id `compare` and `--in` take.
    pub id: String,
    /// Outlet or "unknown".
    pub outlet: String,
    /// True when the article names its outlet.
    pub known_outlet: bool,
    /// Date or "".
    pub date: String,
    /// Headline.
    pub title: String,
    /// Words outside boilerplate.
    pub words: usize,
    /// Where it came from.
    pub source: String,
}

/// What the table's columns need: the widest id and outlet, and whether any article has a
/// date or a known outlet (a column with nothing to say is left out).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    /// Widest id, in columns.
    pub id: usize,
    /// Widest outlet, in columns.
    pub outlet: usize,
    /// True when some article has a date.
    pub dates: bool,
    /// True when some article names its outlet.
    pub outlets: bool,
}

impl Columns {
    /// The needs of `rows`.
    pub fn of(rows: &[ArticleRow]) -> Columns {
        let mut c = Columns::default();
        c.add(rows);
        c
    }

    /// Take in more rows.
    pub fn add(&mut self, rows: &[ArticleRow]) {
        use unicode_width::UnicodeWidthStr;
        for r in rows {
            self.id = self.id.max(r.id.width());
            self.outlet = self.outlet.max(r.outlet.width());
            self.dates |= !r.date.is_empty();
            self.outlets |= r.known_outlet;
        }
    }
}

/// The library screen.
#[derive(Debug)]
pub struct LibraryState {
    /// The loaded library (shared with background comparisons).
    pub library: Arc<Library>,
    /// Display fields per article.
    pub rows: Vec<ArticleRow>,
    /// What the filter matches per article: title, outlet, date and source.
    pub haystacks: Vec<String>,
    /// Article vectors, for relatedness (the similarity of suggested pairs).
    pub vectors: Vec<ArticleVector>,
    /// Article indices shown, in display order (all, or the filter's matches best first).
    pub visible: Vec<usize>,
    /// Cursor position in `visible`.
    pub cursor: usize,
    /// First shown position of `visible`.
    pub offset: usize,
    /// What the table's columns need.
    pub columns: Columns,
    /// The fuzzy filter.
    pub filter: TextBox,
    /// The order of the table.
    pub sort: SortKey,
    /// Article marked A.
    pub mark_a: Option<usize>,
    /// Article marked B.
    pub mark_b: Option<usize>,
    /// Articles marked after A and B, for a story (C, D, …).
    pub mark_more: Vec<usize>,
    /// Relatedness of every article to A, computed when A is marked.
    pub related: Option<Vec<f64>>,
    /// Sanitised skipped files: (path, reason).
    pub skipped: Vec<(String, String)>,
    /// The library grouped into stories.
    pub stories: Stories,
    /// The suggested pair last marked: (index into `stories.stories`, index into its pairs).
    pub suggested: Option<(usize, usize)>,
    /// While articles still load in the background: (files done, files in all).
    pub loading: Option<(usize, usize)>,
    /// True while stories and relatedness are being computed in the background.
    pub analysing: bool,
    /// The address line and the web addresses being fetched.
    pub address: super::address::AddressBox,
}

fn one_line(s: &str) -> String {
    sanitize_cells(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl LibraryState {
    /// The library screen for a loaded library.
    pub fn new(library: Library) -> LibraryState {
        let (vectors, stories) = analyse(&library);
        let mut lib = LibraryState::unanalysed(library);
        lib.set_analysis(vectors, stories);
        lib
    }

    /// The library screen before the stories and relatedness are known (they arrive with
    /// [`LibraryState::set_analysis`]).
    pub fn unanalysed(library: Library) -> LibraryState {
        let rows: Vec<ArticleRow> = library.articles.iter().map(article_row).collect();
        let columns = Columns::of(&rows);
        let haystacks = rows.iter().map(haystack).collect();
        let skipped = library.skipped.iter().map(skipped_row).collect();
        let visible = (0..library.articles.len()).collect();
        LibraryState {
            library: Arc::new(library),
            rows,
            haystacks,
            vectors: Vec::new(),
            visible,
            cursor: 0,
            offset: 0,
            columns,
            filter: TextBox::default(),
            sort: SortKey::default(),
            mark_a: None,
            mark_b: None,
            mark_more: Vec::new(),
            related: None,
            skipped,
            stories: Stories::default(),
            suggested: None,
            loading: None,
            analysing: false,
            address: Default::default(),
        }
    }

    /// Take in the stories and relatedness vectors of the library.
    pub fn set_analysis(&mut self, vectors: Vec<ArticleVector>, stories: Stories) {
        self.vectors = vectors;
        self.stories = stories;
        self.suggested = None;
        self.analysing = false;
        self.related = self
            .mark_a
            .and_then(|a| self.vectors.get(a))
            .map(|va| self.vectors.iter().map(|v| va.similarity(v)).collect());
    }

    /// Append a batch of articles loaded in the background (the analysis is redone once all
    /// have arrived). Returns the number of articles added.
    pub fn append(&mut self, batch: Library) -> usize {
        let n = batch.articles.len();
        let start = self.rows.len();
        self.rows.extend(batch.articles.iter().map(article_row));
        self.haystacks
            .extend(self.rows[start..].iter().map(haystack));
        self.columns.add(&self.rows[start..]);
        self.skipped.extend(batch.skipped.iter().map(skipped_row));
        let lib = Arc::make_mut(&mut self.library);
        lib.articles.extend(batch.articles);
        lib.skipped.extend(batch.skipped);
        n
    }

    /// The article index under the cursor.
    pub fn current(&self) -> Option<usize> {
        self.visible.get(self.cursor).copied()
    }

    /// The article at library index `i`.
    pub fn article(&self, i: usize) -> Option<&Article> {
        self.library.articles.get(i)
    }
}

fn article_row(a: &Article) -> ArticleRow {
    ArticleRow {
        id: one_line(&a.id),
        outlet: one_line(a.outlet_label()),
        known_outlet: a.outlet.is_some(),
        date: one_line(a.date.as_deref().unwrap_or("")),
        title: one_line(&a.title),
        words: a.analysis.content_words(),
        source: one_line(&a.source.display()),
    }
}

fn haystack(r: &ArticleRow) -> String {
    format!("{} {} {} {} {}", r.title, r.outlet, r.date, r.id, r.source)
}

fn skipped_row(s: &crate::corpus::Skipped) -> (String, String) {
    (
        one_line(&s.path.display().to_string()),
        one_line(&s.reason.to_string()),
    )
}

/// The article vectors (for relatedness) and the story grouping of a library: the slow part
/// of opening a large one, done off the interface thread for a library loaded in the
/// background.
pub fn analyse(library: &Library) -> (Vec<ArticleVector>, Stories) {
    let (vectors, forms) = article_vectors(&library.articles);
    let stories = crate::compare::stories::group_with(&library.articles, &vectors, &forms);
    (vectors, stories)
}

/// Which highlight classes are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Toggles {
    /// Shared quotes (1).
    pub quotes: bool,
    /// Changed words (2).
    pub framing: bool,
    /// Loaded terms (3).
    pub loaded: bool,
    /// Scare quotes (4).
    pub scare: bool,
    /// Distinctive terms (5).
    pub distinctive: bool,
    /// Boilerplate rows (h).
    pub boilerplate: bool,
    /// Quoted speech: shown, dimmed or hidden (v).
    pub speech: crate::tui::model::SpeechView,
}

impl Toggles {
    /// True when highlights of `kind` are switched on (the headline and page furniture always
    /// are: their rows are hidden with the boilerplate toggle instead).
    pub fn shows(&self, kind: HighlightKind) -> bool {
        match kind {
            HighlightKind::SharedQuote => self.quotes,
            HighlightKind::ChangedWords => self.framing,
            HighlightKind::LoadedTerm
            | HighlightKind::SharedLoadedTerm
            | HighlightKind::QuotedLoadedTerm => self.loaded,
            HighlightKind::ScareQuote => self.scare,
            HighlightKind::DistinctiveTerm => self.distinctive,
            HighlightKind::Headline | HighlightKind::Boilerplate | HighlightKind::Dateline => true,
        }
    }
}

impl Default for Toggles {
    fn default() -> Self {
        Toggles {
            quotes: true,
            framing: true,
            loaded: true,
            scare: true,
            distinctive: false,
            boilerplate: true,
            speech: crate::tui::model::SpeechView::Show,
        }
    }
}

/// A search hit: a row side and a display range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Row index.
    pub row: usize,
    /// Side.
    pub side: Side,
    /// Display range.
    pub range: Range<usize>,
}

/// The search box of the compare screen and its hits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Search {
    /// The search box.
    pub input: TextBox,
    /// The query the hits are for (kept when the box is emptied: an empty search repeats it).
    pub query: String,
    /// Hits in reading order.
    pub hits: Vec<Hit>,
    /// The hit last jumped to.
    pub current: Option<usize>,
}

/// Wrapped lines of every row at one pane width.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Wrapped {
    /// Width of each pane's text, in columns.
    pub width: u16,
    /// Per row, per side: line byte ranges.
    pub lines: Vec<PerSide<Vec<Range<usize>>>>,
}

impl Wrapped {
    /// Wrap every row of `model` at `width` columns.
    pub fn new(model: &Model, width: u16) -> Wrapped {
        let w = width as usize;
        let lines = model
            .rows
            .iter()
            .map(|r| PerSide {
                a: wrap(&r.sides.a.text, w),
                b: wrap(&r.sides.b.text, w),
            })
            .collect();
        Wrapped { width, lines }
    }

    /// Screen lines row `i` takes.
    pub fn height(&self, i: usize) -> usize {
        self.lines
            .get(i)
            .map(|l| l.a.len().max(l.b.len()).max(1))
            .unwrap_or(1)
    }
}

/// The compare screen.
#[derive(Debug)]
pub struct CompareState {
    /// The comparison.
    pub cmp: Arc<Comparison>,
    /// Library indices of A and B.
    pub pair: (usize, usize),
    /// Display model.
    pub model: Model,
    /// Row indices shown (excluded rows drop out when boilerplate is hidden).
    pub visible: Vec<usize>,
    /// Cursor position in `visible`.
    pub cursor: usize,
    /// First shown position in `visible`.
    pub top: usize,
    /// The side that has the focus.
    pub focus: Side,
    /// Highlight classes shown.
    pub toggles: Toggles,
    /// The highlight the explain cursor is on.
    pub current: Option<Target>,
    /// Search box and hits.
    pub search: Search,
    /// Wrapped lines at the current pane width.
    pub wrapped: Wrapped,
    /// Where jumps started, to go back to (and forward again).
    pub jumps: Jumps,
}

/// The jump list: rows the cursor left by a jump, and rows gone back from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Jumps {
    /// Rows to go back to, oldest first.
    pub back: Vec<usize>,
    /// Rows gone back from, to go forward to again, most recent last.
    pub forward: Vec<usize>,
}

impl CompareState {
    /// The compare screen for `cmp` of library articles `pair`.
    pub fn new(cmp: Comparison, pair: (usize, usize)) -> CompareState {
        let model = Model::build(&cmp);
        let mut s = CompareState {
            cmp: Arc::new(cmp),
            pair,
            model,
            visible: Vec::new(),
            cursor: 0,
            top: 0,
            focus: Side::A,
            toggles: Toggles::default(),
            current: None,
            search: Search::default(),
            wrapped: Wrapped::default(),
            jumps: Jumps::default(),
        };
        s.refresh_visible();
        s
    }

    /// Recompute the visible rows after the boilerplate toggle, keeping the cursor's row.
    pub fn refresh_visible(&mut self) {
        let keep = self.visible.get(self.cursor).copied();
        self.visible = (0..self.model.rows.len())
            .filter(|&i| self.toggles.boilerplate || self.model.rows[i].kind != RowKind::Excluded)
            .collect();
        self.cursor = match keep {
            Some(r) => self.visible.partition_point(|&v| v < r),
            None => 0,
        }
        .min(self.visible.len().saturating_sub(1));
        self.top = self.top.min(self.cursor);
    }

    /// The row index under the cursor.
    pub fn cursor_row(&self) -> Option<usize> {
        self.visible.get(self.cursor).copied()
    }

    /// Highlight `i` of `side` of the comparison.
    pub fn highlight(&self, side: Side, i: usize) -> Option<&Highlight> {
        self.cmp.highlights.get(side).get(i)
    }

    /// True when the highlight `target` stands for is switched on.
    pub fn shows(&self, target: &Target) -> bool {
        self.highlight(target.side, target.highlight)
            .is_some_and(|h| self.toggles.shows(h.kind))
    }
}

/// What a popup shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PopupKind {
    /// Key help.
    Help,
    /// Files that could not be loaded.
    Skipped,
    /// Summary of the comparison.
    Summary,
    /// Why something is highlighted.
    Explain,
}

/// One line of a popup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocLine {
    /// A heading.
    Heading(String),
    /// Plain text (wrapped by the popup).
    Text(String),
    /// De-emphasised text.
    Dim(String),
    /// Two columns (A | B).
    Pair(String, String),
    /// A key and what it does.
    Key(String, String),
    /// An empty line.
    Blank,
}

/// A popup drawn over the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Popup {
    /// Which popup.
    pub kind: PopupKind,
    /// Title on its border.
    pub title: String,
    /// Content, already sanitised.
    pub lines: Vec<DocLine>,
    /// First line shown.
    pub scroll: usize,
}
