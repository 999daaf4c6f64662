//! Actions: everything the reader can be asked to do, and the vocabulary of the `[keys]` table.
//!
//! Key presses, mouse events, resizes, timer ticks and finished background comparisons all
//! become an [`Action`]; [`crate::tui::update::update`] is the only place that acts on them.
//! The variants without data can be bound to keys; [`Action::name`] is the name used in the
//! config file (`next_quote = "n"`).

use crate::compare::Comparison;

/// Where an action applies. Key lookup only considers actions valid in the active context.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// The article table.
    Library,
    /// The side-by-side comparison.
    Compare,
    /// A popup (help, summary, explanation, skipped files) is open.
    Overlay,
}

impl Context {
    /// Every context, in help order.
    pub const ALL: [Context; 3] = [Context::Library, Context::Compare, Context::Overlay];

    /// Heading used in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Library => "Library",
            Context::Compare => "Comparison",
            Context::Overlay => "Popups",
        }
    }
}

/// A finished background comparison, tagged with the request it answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Finished {
    /// The request number; stale answers (from a cancelled request) are ignored.
    pub request: u64,
    /// Library index of article A.
    pub a: usize,
    /// Library index of article B.
    pub b: usize,
    /// The result.
    pub comparison: Comparison,
}

/// Articles loaded in the background since the last batch.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The next articles and skipped files, in library order.
    pub batch: crate::corpus::Library,
    /// Files loaded so far.
    pub done: usize,
    /// Files in all.
    pub total: usize,
}

/// The library's analysis, computed in the background once every article has loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysed {
    /// Number of articles analysed (stale answers are ignored).
    pub articles: usize,
    /// Relatedness vectors.
    pub vectors: Vec<super::state::StemVector>,
    /// The story grouping.
    pub stories: crate::compare::stories::Stories,
    /// Word statistics of the whole library, for comparisons from now on.
    pub corpus: Option<std::sync::Arc<crate::compare::align::DocFreq>>,
}

/// A key that edits the text of the address line (beyond typing and Backspace).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// One character left.
    Left,
    /// One character right.
    Right,
    /// One word left.
    WordLeft,
    /// One word right.
    WordRight,
    /// To the start of the line.
    Home,
    /// To the end of the line.
    End,
    /// Delete the character under the cursor.
    DeleteNext,
    /// Delete the word before the cursor.
    DeleteWordBack,
    /// Delete the word after the cursor.
    DeleteWordNext,
    /// Delete from the start of the line to the cursor.
    DeleteToStart,
    /// Delete from the cursor to the end of the line.
    DeleteToEnd,
    /// Put back the text deleted last.
    Yank,
}

/// A web address fetched in the background from the reader.
#[derive(Clone, Debug, PartialEq)]
pub struct Fetched {
    /// The address as typed (and shown while fetching).
    pub url: String,
    /// Its articles, with a note for the person if any; or why it could not be added.
    pub result: Result<(crate::corpus::Library, Option<String>), String>,
}

/// Something the reader should do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Leave parallax (library screen).
    Quit,
    /// Leave parallax from anywhere, at once.
    ForceQuit,
    /// Close the popup, leave the comparison or cancel a pending comparison.
    Back,
    /// Clear the filter, then the marks (library); cancel a pending comparison.
    Clear,
    /// Show or hide the key help.
    Help,
    /// Move the cursor down one row.
    MoveDown,
    /// Move the cursor up one row.
    MoveUp,
    /// Move the cursor down one page.
    PageDown,
    /// Move the cursor up one page.
    PageUp,
    /// Jump to the first row.
    Top,
    /// Jump to the last row.
    Bottom,
    /// Open the filter (library) or the search box (comparison).
    Search,
    /// Open the comparison (library), explain the highlight under the cursor (comparison).
    Select,
    /// Mark the article under the cursor as A (again to unmark).
    MarkA,
    /// Mark the article under the cursor as B (again to unmark).
    MarkB,
    /// Mark the article under the cursor as A, or as B once A is marked.
    MarkNext,
    /// Mark the next pair worth comparing in the story of the article under the cursor.
    SuggestPair,
    /// List the files that could not be loaded, and why.
    ShowSkipped,
    /// Move the focus to the other side (A/B).
    FocusOther,
    /// Jump to the next shared quote.
    NextQuote,
    /// Jump to the previous shared quote.
    PrevQuote,
    /// Jump to the next framing difference.
    NextFraming,
    /// Jump to the previous framing difference.
    PrevFraming,
    /// Jump to the next loaded term.
    NextLoaded,
    /// Jump to the previous loaded term.
    PrevLoaded,
    /// Jump to the counterpart of a moved sentence.
    JumpMoved,
    /// Toggle shared-quote highlighting.
    ToggleQuotes,
    /// Toggle changed-word (framing) highlighting.
    ToggleFraming,
    /// Toggle loaded-term highlighting.
    ToggleLoaded,
    /// Toggle scare-quote highlighting.
    ToggleScare,
    /// Toggle distinctive-term highlighting.
    ToggleDistinctive,
    /// Show or hide boilerplate rows.
    ToggleBoilerplate,
    /// Show or hide the summary of the comparison.
    Summary,
    /// Swap sides A and B (compares B with A).
    Swap,
    /// Save the comparison as a self-contained HTML page in the current directory.
    Export,
    /// Type a web address whose article is fetched, saved in the library and added.
    AddAddress,
    /// Jump to the next search match.
    NextMatch,
    /// Jump to the previous search match.
    PrevMatch,
    /// The terminal has a new size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// A character typed into the filter or search box.
    Input(char),
    /// Delete the last character of the filter or search box (the character before the
    /// cursor on the address line).
    DeleteChar,
    /// Move the cursor or delete on the address line.
    Edit(Edit),
    /// Time passed (animates the progress indicator).
    Tick,
    /// Mouse wheel: scroll by this many rows (negative is up).
    Scroll(i16),
    /// Mouse click at a screen cell.
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// A background comparison finished.
    CompareDone(Box<Finished>),
    /// A background comparison could not be carried out.
    CompareFailed(String),
    /// An export finished: the (sanitised) path written, or why it failed.
    ExportDone(Result<String, String>),
    /// More articles loaded in the background.
    Loaded(Box<Loaded>),
    /// The library's stories and relatedness are ready.
    Analysed(Box<Analysed>),
    /// A web address typed on the address line has been fetched (or has failed).
    Fetched(Box<Fetched>),
}

/// Every action that can be bound to a key, in help order.
pub const BINDABLE: &[Action] = &[
    Action::Quit,
    Action::ForceQuit,
    Action::Back,
    Action::Clear,
    Action::Help,
    Action::MoveDown,
    Action::MoveUp,
    Action::PageDown,
    Action::PageUp,
    Action::Top,
    Action::Bottom,
    Action::Search,
    Action::Select,
    Action::MarkA,
    Action::MarkB,
    Action::MarkNext,
    Action::SuggestPair,
    Action::ShowSkipped,
    Action::FocusOther,
    Action::NextQuote,
    Action::PrevQuote,
    Action::NextFraming,
    Action::PrevFraming,
    Action::NextLoaded,
    Action::PrevLoaded,
    Action::JumpMoved,
    Action::NextMatch,
    Action::PrevMatch,
    Action::ToggleQuotes,
    Action::ToggleFraming,
    Action::ToggleLoaded,
    Action::ToggleScare,
    Action::ToggleDistinctive,
    Action::ToggleBoilerplate,
    Action::Summary,
    Action::Swap,
    Action::Export,
    Action::AddAddress,
];

impl Action {
    /// The config name of a bindable action (`next_quote`), `None` for the others.
    pub fn name(&self) -> Option<&'static str> {
        Some(match self {
            Action::Quit => "quit",
            Action::ForceQuit => "force_quit",
            Action::Back => "back",
            Action::Clear => "clear",
            Action::Help => "help",
            Action::MoveDown => "down",
            Action::MoveUp => "up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Search => "search",
            Action::Select => "select",
            Action::MarkA => "mark_a",
            Action::MarkB => "mark_b",
            Action::MarkNext => "mark_next",
            Action::SuggestPair => "suggest_pair",
            Action::ShowSkipped => "skipped",
            Action::FocusOther => "focus_other",
            Action::NextQuote => "next_quote",
            Action::PrevQuote => "prev_quote",
            Action::NextFraming => "next_framing",
            Action::PrevFraming => "prev_framing",
            Action::NextLoaded => "next_loaded",
            Action::PrevLoaded => "prev_loaded",
            Action::JumpMoved => "jump_moved",
            Action::ToggleQuotes => "toggle_quotes",
            Action::ToggleFraming => "toggle_framing",
            Action::ToggleLoaded => "toggle_loaded",
            Action::ToggleScare => "toggle_scare",
            Action::ToggleDistinctive => "toggle_distinctive",
            Action::ToggleBoilerplate => "toggle_boilerplate",
            Action::Summary => "summary",
            Action::Swap => "swap",
            Action::Export => "export",
            Action::AddAddress => "add_address",
            Action::NextMatch => "next_match",
            Action::PrevMatch => "prev_match",
            Action::Resize { .. }
            | Action::Input(_)
            | Action::DeleteChar
            | Action::Edit(_)
            | Action::Tick
            | Action::Scroll(_)
            | Action::Click { .. }
            | Action::CompareDone(_)
            | Action::CompareFailed(_)
            | Action::ExportDone(_)
            | Action::Loaded(_)
            | Action::Analysed(_)
            | Action::Fetched(_) => return None,
        })
    }

    /// The bindable action called `name` in the config file.
    pub fn from_name(name: &str) -> Option<Action> {
        BINDABLE.iter().find(|a| a.name() == Some(name)).cloned()
    }

    /// The contexts in which a bindable action does something.
    pub fn contexts(&self) -> &'static [Context] {
        use Context::*;
        match self {
            Action::ForceQuit | Action::Help => &[Library, Compare, Overlay],
            Action::MoveDown
            | Action::MoveUp
            | Action::PageDown
            | Action::PageUp
            | Action::Top
            | Action::Bottom => &[Library, Compare, Overlay],
            Action::Back => &[Compare, Overlay],
            Action::Clear => &[Library],
            Action::Quit
            | Action::MarkA
            | Action::MarkB
            | Action::MarkNext
            | Action::SuggestPair
            | Action::ShowSkipped
            | Action::AddAddress => &[Library],
            Action::Search | Action::Select => &[Library, Compare],
            Action::Summary => &[Compare, Overlay],
            _ if self.name().is_some() => &[Compare],
            _ => &[],
        }
    }

    /// One-line description of what the action does in `ctx`, for the help overlay.
    pub fn describe(&self, ctx: Context) -> &'static str {
        match (self, ctx) {
            (Action::Quit, _) => "quit",
            (Action::ForceQuit, _) => "quit at once",
            (Action::Clear, _) => "clear the filter, then the marks",
            (Action::Back, Context::Compare) => "back to the library",
            (Action::Back, Context::Overlay) => "close",
            (Action::Help, _) => "this help",
            (Action::MoveDown, Context::Overlay) => "scroll down",
            (Action::MoveUp, Context::Overlay) => "scroll up",
            (Action::MoveDown, _) => "down",
            (Action::MoveUp, _) => "up",
            (Action::PageDown, _) => "page down",
            (Action::PageUp, _) => "page up",
            (Action::Top, _) => "first row",
            (Action::Bottom, _) => "last row",
            (Action::Search, Context::Library) => "filter (fuzzy)",
            (Action::Search, _) => "search the text",
            (Action::Select, Context::Library) => "compare A with B",
            (Action::Select, _) => "explain the highlight",
            (Action::MarkA, _) => "mark as A",
            (Action::MarkB, _) => "mark as B",
            (Action::MarkNext, _) => "mark A, then B",
            (Action::SuggestPair, _) => "mark the next pair worth comparing in this story",
            (Action::ShowSkipped, _) => "skipped files",
            (Action::FocusOther, _) => "focus other side",
            (Action::NextQuote, _) => "next shared quote",
            (Action::PrevQuote, _) => "previous shared quote",
            (Action::NextFraming, _) => "next framing difference",
            (Action::PrevFraming, _) => "previous framing difference",
            (Action::NextLoaded, _) => "next loaded term",
            (Action::PrevLoaded, _) => "previous loaded term",
            (Action::JumpMoved, _) => "jump to moved counterpart",
            (Action::ToggleQuotes, _) => "toggle quotes",
            (Action::ToggleFraming, _) => "toggle changed words",
            (Action::ToggleLoaded, _) => "toggle loaded terms",
            (Action::ToggleScare, _) => "toggle scare quotes",
            (Action::ToggleDistinctive, _) => "toggle distinctive terms",
            (Action::ToggleBoilerplate, _) => "show/hide boilerplate",
            (Action::Summary, _) => "summary",
            (Action::Swap, _) => "swap A and B",
            (Action::Export, _) => "export as an HTML page",
            (Action::AddAddress, _) => "add an article from a web address",
            (Action::NextMatch, _) => "next search match",
            (Action::PrevMatch, _) => "previous search match",
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bindable_action_has_a_unique_name_that_round_trips() {
        let mut names: Vec<_> = BINDABLE.iter().filter_map(Action::name).collect();
        assert_eq!(names.len(), BINDABLE.len());
        for n in &names {
            assert_eq!(Action::from_name(n).and_then(|a| a.name()), Some(*n));
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), BINDABLE.len());
    }

    #[test]
    fn every_bindable_action_is_described_where_it_applies() {
        for a in BINDABLE {
            assert!(!a.contexts().is_empty(), "{a:?} applies nowhere");
            for c in a.contexts() {
                assert!(!a.describe(*c).is_empty(), "{a:?} undescribed in {c:?}");
            }
        }
    }
}
