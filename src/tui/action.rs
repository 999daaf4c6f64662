//! What the reader can be asked to do: the bindable [`Action`]s (the vocabulary of the `[keys]`
//! table) and the [`Msg`]s that [`crate::tui::update::update`] acts on — an action, or an event
//! from the terminal (typing in a text box, a resize, the mouse) or from a background thread.
//!
//! Every action is one row of the table in [`actions!`]: its variant, its config name
//! (`next_quote = "n"`), and what it does in each context where it applies. The enum, the
//! name lookup, the contexts and the help texts are all generated from that row, so they
//! cannot drift apart.

use crate::compare::Comparison;

/// Where an action applies. Key lookup only considers actions valid in the active context.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// The article table.
    Library,
    /// The side-by-side comparison.
    Compare,
    /// The story: three or more articles, fact by fact.
    Story,
    /// A popup (help, summary, explanation, skipped files) is open.
    Overlay,
}

impl Context {
    /// Every context, in help order.
    pub const ALL: [Context; 4] = [
        Context::Library,
        Context::Compare,
        Context::Story,
        Context::Overlay,
    ];

    /// Heading used in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Library => "Library",
            Context::Compare => "Comparison",
            Context::Story => "Story",
            Context::Overlay => "Popups",
        }
    }
}

/// The table of bindable actions: `Variant "config_name" { Context | Context: "help text", … }`,
/// each row with its doc comment. Generates [`Action`] and its lookups.
macro_rules! actions {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident $name:literal { $($($ctx:ident)|+ : $text:literal),+ $(,)? }
    ),+ $(,)?) => {
        /// Something the reader can be asked to do with a key. The variants are listed in help
        /// order; [`Action::name`] is the name used in the config file.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Action {
            $( $(#[doc = $doc])* $variant, )+
        }

        impl Action {
            /// Every action, in help order.
            pub const ALL: &'static [Action] = &[$(Action::$variant),+];

            /// The config name (`next_quote`).
            pub fn name(self) -> &'static str {
                match self {
                    $(Action::$variant => $name,)+
                }
            }

            /// The contexts in which the action does something.
            pub fn contexts(self) -> &'static [Context] {
                match self {
                    $(Action::$variant => &[$($(Context::$ctx),+),+],)+
                }
            }

            /// What the action does in `ctx`, for the help overlay (empty where it does
            /// nothing).
            pub fn describe(self, ctx: Context) -> &'static str {
                match self {
                    $(Action::$variant => {
                        $(if [$(Context::$ctx),+].contains(&ctx) {
                            return $text;
                        })+
                        ""
                    })+
                }
            }
        }
    };
}

actions! {
    /// Leave parallax (library screen).
    Quit "quit" { Library: "quit" },
    /// Leave parallax from anywhere, at once.
    ForceQuit "force_quit" { Library | Compare | Story | Overlay: "quit at once" },
    /// Close the popup, leave the comparison or cancel a pending comparison.
    Back "back" {
        Compare: "clear the search, then back to the library (or the story)",
        Story: "back to the library",
        Overlay: "close",
    },
    /// Clear the filter, then the marks (library); cancel a pending comparison.
    Clear "clear" { Library: "clear the filter, then the marks" },
    /// Show or hide the key help.
    Help "help" { Library | Compare | Story | Overlay: "this help" },
    /// Move the cursor down one row.
    MoveDown "down" { Library | Compare: "down", Story: "next fact", Overlay: "scroll down" },
    /// Move the cursor up one row.
    MoveUp "up" { Library | Compare: "up", Story: "previous fact", Overlay: "scroll up" },
    /// Move the cursor down one page.
    PageDown "page_down" { Library | Compare | Story | Overlay: "page down" },
    /// Move the cursor up one page.
    PageUp "page_up" { Library | Compare | Story | Overlay: "page up" },
    /// Jump to the first row.
    Top "top" { Library | Compare | Overlay: "first row", Story: "first fact" },
    /// Jump to the last row.
    Bottom "bottom" { Library | Compare | Overlay: "last row", Story: "last fact" },
    /// Open the filter (library) or the search box (comparison).
    Search "search" { Library: "filter (fuzzy)", Compare: "search the text" },
    /// Open the comparison (library), explain the highlight under the cursor (comparison).
    Select "select" {
        Library: "compare A with B (three or more marked: the story view)",
        Compare: "explain the highlight",
        Story: "compare this outlet with the one beside it, at this fact",
    },
    /// Mark the article under the cursor as A (again to unmark).
    MarkA "mark_a" { Library: "mark as A" },
    /// Mark the article under the cursor as B (again to unmark).
    MarkB "mark_b" { Library: "mark as B" },
    /// Mark the article under the cursor as A, or as B once A is marked.
    MarkNext "mark_next" { Library: "mark A, then B, then more for a story" },
    /// Mark the next pair worth comparing in the story of the article under the cursor.
    SuggestPair "suggest_pair" { Library: "mark the next pair worth comparing in this story" },
    /// Sort the table by the next key: outlet, date, story, title, relatedness to A, as loaded.
    Sort "sort" { Library: "sort by outlet, date, story, title, relatedness to A, as loaded" },
    /// List the files that could not be loaded, and why.
    ShowSkipped "skipped" { Library: "skipped files" },
    /// Move the focus to the other side (A/B).
    FocusOther "focus_other" { Compare: "focus other side" },
    /// Jump to the next shared quote.
    NextQuote "next_quote" { Compare: "next shared quote", Story: "next quotation" },
    /// Jump to the previous shared quote.
    PrevQuote "prev_quote" { Compare: "previous shared quote", Story: "previous quotation" },
    /// Jump to the next framing difference.
    NextFraming "next_framing" { Compare: "next framing difference", Story: "next framing change" },
    /// Jump to the previous framing difference.
    PrevFraming "prev_framing" {
        Compare: "previous framing difference",
        Story: "previous framing change",
    },
    /// Jump to the next loaded term.
    NextLoaded "next_loaded" { Compare | Story: "next loaded term" },
    /// Jump to the previous loaded term.
    PrevLoaded "prev_loaded" { Compare | Story: "previous loaded term" },
    /// Jump to the counterpart of a moved sentence.
    JumpMoved "jump_moved" { Compare: "jump to moved counterpart" },
    /// Jump to the next search match.
    NextMatch "next_match" { Compare: "next search match" },
    /// Jump to the previous search match.
    PrevMatch "prev_match" { Compare: "previous search match" },
    /// Go back to where the last jump started.
    JumpBack "jump_back" { Compare: "back to where the last jump left from" },
    /// Go forward again after going back.
    JumpForward "jump_forward" { Compare: "forward again (after going back)" },
    /// Toggle shared-quote highlighting.
    ToggleQuotes "toggle_quotes" { Compare: "toggle quotes" },
    /// Toggle changed-word (framing) highlighting.
    ToggleFraming "toggle_framing" { Compare: "toggle changed words" },
    /// Toggle loaded-term highlighting.
    ToggleLoaded "toggle_loaded" { Compare: "toggle loaded terms" },
    /// Toggle scare-quote highlighting.
    ToggleScare "toggle_scare" { Compare: "toggle scare quotes" },
    /// Toggle distinctive-term highlighting.
    ToggleDistinctive "toggle_distinctive" { Compare: "toggle distinctive terms" },
    /// Show or hide boilerplate rows.
    ToggleBoilerplate "toggle_boilerplate" { Compare: "show/hide boilerplate" },
    /// Cycle quoted speech: shown, dimmed, hidden (to read the outlet's own voice alone).
    ToggleVoice "toggle_voice" { Compare: "quoted speech: show / dim / hide" },
    /// Show or hide the summary of the comparison.
    Summary "summary" { Compare | Story | Overlay: "summary" },
    /// Swap sides A and B (compares B with A).
    Swap "swap" { Compare: "swap A and B" },
    /// Save the comparison as a self-contained HTML page in the current directory.
    Export "export" { Compare: "export as an HTML page", Story: "export the story as an HTML page" },
    /// Type a web address whose article is fetched, saved in the library and added.
    AddAddress "add_address" { Library: "add an article from a web address" },
    /// Open the story view of the story of the article under the cursor.
    OpenStory "open_story" { Library: "open the whole story of this article (three or more)" },
    /// Jump to the next fact that an outlet leaves out.
    NextOmission "next_omission" { Story: "next fact an outlet leaves out" },
    /// Jump to the previous fact that an outlet leaves out.
    PrevOmission "prev_omission" { Story: "previous fact an outlet leaves out" },
    /// Move the cell cursor to the next outlet (the columns scroll sideways when needed).
    NextOutlet "next_outlet" { Story: "next outlet (scrolls sideways)" },
    /// Move the cell cursor to the previous outlet.
    PrevOutlet "prev_outlet" { Story: "previous outlet" },
}

impl Action {
    /// The action called `name` in the config file.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
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

/// A finished background story comparison, tagged with the request it answers.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryFinished {
    /// The request number; stale answers (from a cancelled request) are ignored.
    pub request: u64,
    /// Library indices of the articles, in the story's order.
    pub articles: Vec<usize>,
    /// The story.
    pub story: crate::compare::story::Story,
    /// The pairwise comparisons it was built from, in the order of its pairs.
    pub pairs: Vec<Comparison>,
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
    /// Article vectors, for relatedness.
    pub vectors: Vec<crate::compare::stats::ArticleVector>,
    /// The story grouping.
    pub stories: crate::compare::stories::Stories,
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

/// Everything [`crate::tui::update::update`] acts on: a bound action, or an event that no key
/// binding produces.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// A bindable action (from a key, or sent by a test).
    Do(Action),
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
    /// Compare library articles `a` and `b` (marked A and B), as `parallax A B` opens.
    Open {
        /// Library index of A.
        a: usize,
        /// Library index of B.
        b: usize,
    },
    /// A background comparison finished.
    CompareDone(Box<Finished>),
    /// Compare library articles (three to eight) as one story, as `parallax A B C` opens.
    OpenStory(Vec<usize>),
    /// A background story comparison finished.
    StoryDone(Box<StoryFinished>),
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

impl From<Action> for Msg {
    fn from(a: Action) -> Msg {
        Msg::Do(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_unique_name_that_round_trips() {
        let mut names: Vec<_> = Action::ALL.iter().map(|a| a.name()).collect();
        for n in &names {
            assert_eq!(Action::from_name(n).map(Action::name), Some(*n));
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
        assert_eq!(Action::from_name("no_such_action"), None);
    }

    #[test]
    fn every_action_is_described_where_it_applies_and_only_there() {
        for &a in Action::ALL {
            assert!(!a.contexts().is_empty(), "{a:?} applies nowhere");
            for c in Context::ALL {
                assert_eq!(
                    a.describe(c).is_empty(),
                    !a.contexts().contains(&c),
                    "{a:?} in {c:?}"
                );
            }
        }
        assert_eq!(Action::MoveDown.describe(Context::Overlay), "scroll down");
        assert_eq!(Action::MoveDown.describe(Context::Compare), "down");
    }
}
