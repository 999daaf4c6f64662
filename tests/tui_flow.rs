//! Action sequences against the reader's state: no terminal, no sleeps.

mod common;

use common::*;
use parallax::compare::HighlightRef;
use parallax::compare::{self, Options, RowKind, Side};
use parallax::tui::action::{Action, Msg};
use parallax::tui::model::Target;
use parallax::tui::state::CompareState;
use parallax::tui::state::{DocLine, PopupKind};
use parallax::tui::update::{Effect, update};

/// The entry of the comparison a jump target shows.
fn item(c: &CompareState, t: &Target) -> HighlightRef {
    c.highlight(t.side, t.highlight).expect("a highlight").item
}

fn typed(s: &str) -> Vec<Msg> {
    s.chars().map(Msg::Input).collect()
}

fn popup_text(s: &parallax::tui::state::State) -> String {
    let p = s.popup.as_ref().expect("a popup is open");
    p.lines
        .iter()
        .map(|l| match l {
            DocLine::Heading(t) | DocLine::Text(t) | DocLine::Dim(t) => t.clone(),
            DocLine::Pair(a, b) | DocLine::Key(a, b) => format!("{a} | {b}"),
            DocLine::Blank => String::new(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn cursor_moves_and_stays_inside_the_list() {
    let mut s = state(small_library(), 100, 30);
    press(&mut s, &[Action::MoveUp]);
    assert_eq!(s.library.cursor, 0);
    press(
        &mut s,
        &[Action::MoveDown, Action::MoveDown, Action::MoveDown],
    );
    assert_eq!(s.library.cursor, 2);
    press(&mut s, &[Action::Top]);
    assert_eq!(s.library.current(), Some(0));
    press(&mut s, &[Action::Bottom]);
    assert_eq!(s.library.current(), Some(2));
}

#[test]
fn fuzzy_filter_narrows_accepts_and_clears() {
    let mut s = state(small_library(), 100, 30);
    press(&mut s, &[Action::Search]);
    assert!(s.library.filter.editing);
    // Letters go into the box, not to the key bindings (q would quit, a would mark).
    press(&mut s, &typed("harbr"));
    assert!(!s.quit);
    assert_eq!(s.library.mark_a, None);
    assert_eq!(s.library.visible, vec![2]);
    press(&mut s, &[Msg::DeleteChar, Msg::DeleteChar]);
    assert_eq!(s.library.filter.text(), "har");
    press(&mut s, &[Action::Select]);
    assert!(!s.library.filter.editing);
    assert_eq!(s.library.current(), Some(2), "cursor on the first match");
    // Esc clears an accepted filter.
    press(&mut s, &[Action::Clear]);
    assert_eq!(s.library.visible, vec![0, 1, 2]);
    assert_eq!(s.library.filter.text(), "");
    // Esc while typing clears too.
    press(&mut s, &[Action::Search]);
    press(&mut s, &typed("garden"));
    assert_eq!(s.library.visible, vec![1]);
    press(&mut s, &[Action::Back]);
    assert!(!s.library.filter.editing);
    assert_eq!(s.library.visible.len(), 3);
}

#[test]
fn filter_with_no_match_shows_nothing_and_says_so() {
    let mut s = state(small_library(), 100, 30);
    press(&mut s, &[Action::Search]);
    press(&mut s, &typed("zzzzqx"));
    press(&mut s, &[Action::Select]);
    assert!(s.library.visible.is_empty());
    assert_eq!(s.library.current(), None);
    assert_eq!(
        s.status.message.as_deref(),
        Some("no article matches the filter")
    );
    // Marking with nothing under the cursor marks nothing.
    press(&mut s, &[Action::MarkA, Action::MarkNext]);
    assert_eq!(s.library.mark_a, None);
}

#[test]
fn marking_toggles_and_space_marks_a_then_b() {
    let mut s = state(small_library(), 100, 30);
    press(&mut s, &[Action::MarkA]);
    assert_eq!(s.library.mark_a, Some(0));
    press(&mut s, &[Action::MarkA]);
    assert_eq!(s.library.mark_a, None, "pressing again unmarks");
    press(
        &mut s,
        &[
            Action::MarkNext,
            Action::MoveDown,
            Action::MoveDown,
            Action::MarkNext,
        ],
    );
    assert_eq!((s.library.mark_a, s.library.mark_b), (Some(0), Some(2)));
    press(&mut s, &[Action::MarkNext]);
    assert_eq!(s.library.mark_b, None, "space on B unmarks it");
    // Marking A's article as B moves the mark.
    press(&mut s, &[Action::Top, Action::MarkB]);
    assert_eq!((s.library.mark_a, s.library.mark_b), (None, Some(0)));
}

#[test]
fn related_column_ranks_the_partner_above_the_unrelated_article() {
    let mut s = state(small_library(), 100, 30);
    assert!(s.library.related.is_none());
    press(&mut s, &[Action::MarkA]);
    let rel = s
        .library
        .related
        .clone()
        .expect("relatedness computed when A is marked");
    assert!(rel[2] > 0.5, "{rel:?}");
    assert!(rel[2] > 2.0 * rel[1], "{rel:?}");
    press(&mut s, &[Action::MarkA]);
    assert!(s.library.related.is_none());
}

#[test]
fn enter_needs_two_articles() {
    let mut s = state(small_library(), 100, 30);
    let e = update(&mut s, Action::Select);
    assert_eq!(e, Effect::None);
    assert!(
        s.status
            .message
            .as_deref()
            .unwrap_or("")
            .contains("mark two articles")
    );
    assert!(s.pending.is_none());
}

#[test]
fn enter_opens_the_comparison_and_back_returns_with_marks_kept() {
    let mut s = state(small_library(), 100, 30);
    press(&mut s, &[Action::MarkA, Action::Bottom, Action::MarkB]);
    let e = update(&mut s, Action::Select);
    let Effect::Compare { a, b, .. } = e.clone() else {
        panic!("expected a comparison, got {e:?}");
    };
    assert_eq!((a, b), (0, 2));
    assert!(s.pending.is_some(), "progress is shown while comparing");
    assert!(s.compare.is_none());
    run_effect(&mut s, e);
    assert!(s.pending.is_none());
    let c = s.compare.as_ref().expect("compare screen");
    assert_eq!(c.cmp.a.id, "ledger");
    assert_eq!(c.cmp.b.id, "harbour");
    press(&mut s, &[Action::Back]);
    assert!(s.compare.is_none());
    assert_eq!((s.library.mark_a, s.library.mark_b), (Some(0), Some(2)));
}

#[test]
fn with_a_marked_enter_on_another_article_compares_with_it() {
    let mut s = state(small_library(), 100, 30);
    press(&mut s, &[Action::MarkA, Action::Bottom, Action::Select]);
    assert_eq!(s.library.mark_b, Some(2));
    assert_eq!(s.compare.as_ref().map(|c| c.pair), Some((0, 2)));
}

#[test]
fn a_cancelled_comparison_is_ignored_when_it_arrives() {
    let mut s = state(small_library(), 100, 30);
    press(&mut s, &[Action::MarkA, Action::Bottom, Action::MarkB]);
    let e = update(&mut s, Action::Select);
    update(&mut s, Msg::Tick);
    assert_eq!(s.pending.as_ref().map(|p| p.frame), Some(1));
    update(&mut s, Action::Clear);
    assert!(s.pending.is_none());
    run_effect(&mut s, e);
    assert!(
        s.compare.is_none(),
        "a stale result does not open the screen"
    );
}

#[test]
fn a_failed_comparison_is_reported() {
    let mut s = state(small_library(), 100, 30);
    press(&mut s, &[Action::MarkA, Action::Bottom, Action::MarkB]);
    update(&mut s, Action::Select);
    update(&mut s, Msg::CompareFailed("boom".to_string()));
    assert!(s.pending.is_none());
    assert_eq!(s.status.error.as_deref(), Some("boom"));
}

#[test]
fn quote_framing_and_loaded_jumps_land_on_their_rows() {
    let mut s = handmade_state(100, 30);
    press(&mut s, &[Action::NextQuote]);
    let c = s.compare.as_ref().unwrap();
    let t = c.current.clone().expect("a current highlight");
    assert_eq!(item(c, &t), HighlightRef::SharedQuote(0));
    assert_eq!(c.cursor_row(), Some(t.row));
    assert!(
        c.model.rows[t.row]
            .sides
            .a
            .text
            .contains("There were no losses")
    );
    // The A side comes first, then the same quote on B (same row), then round to the first.
    press(&mut s, &[Action::NextQuote]);
    let msg = s.status.message.clone().unwrap_or_default();
    assert!(msg.contains("wrapped round to the top"), "{msg}");
    press(&mut s, &[Action::PrevFraming]);
    let c = s.compare.as_ref().unwrap();
    let t = c.current.clone().unwrap();
    assert!(matches!(
        item(c, &t),
        HighlightRef::Change { framing: 0, .. }
    ));
    assert_eq!(
        &c.model.rows[t.row].sides.a.text[t.range.clone()],
        "said on"
    );
    press(&mut s, &[Action::Top, Action::NextLoaded]);
    let c = s.compare.as_ref().unwrap();
    assert_eq!(
        c.current.as_ref().map(|t| item(c, t)),
        Some(HighlightRef::LoadedTerm(0))
    );
    press(&mut s, &[Action::NextLoaded]);
    let c = s.compare.as_ref().unwrap();
    assert_eq!(
        c.current.as_ref().map(|t| item(c, t)),
        Some(HighlightRef::LoadedTerm(1))
    );
    press(&mut s, &[Action::PrevLoaded]);
    let c = s.compare.as_ref().unwrap();
    assert_eq!(
        c.current.as_ref().map(|t| item(c, t)),
        Some(HighlightRef::LoadedTerm(0))
    );
}

#[test]
fn explain_tells_why_a_highlight_is_marked() {
    let mut s = handmade_state(100, 30);
    press(&mut s, &[Action::NextQuote, Action::Select]);
    assert_eq!(s.popup.as_ref().map(|p| p.kind), Some(PopupKind::Explain));
    let text = popup_text(&s);
    assert!(text.contains("A: shared quote"), "{text}");
    assert!(text.contains("Quotation also in B (exact match)"), "{text}");
    assert!(text.contains("speaker: the ministry"), "{text}");
    assert!(text.contains("B: “There were no losses"), "{text}");
    press(
        &mut s,
        &[
            Action::Back,
            Action::Top,
            Action::NextFraming,
            Action::Select,
        ],
    );
    let text = popup_text(&s);
    assert!(text.contains("Changed words (attribution verb)"), "{text}");
    assert!(
        text.contains("“claimed on” stands in their place"),
        "{text}"
    );
    assert!(text.contains("(sentences match 82%)"), "{text}");
    press(
        &mut s,
        &[
            Action::Back,
            Action::Top,
            Action::NextLoaded,
            Action::Select,
        ],
    );
    let text = popup_text(&s);
    assert!(text.contains("Loaded term “hoax” (doubt)"), "{text}");
    assert!(text.contains("Only A uses it."), "{text}");
    press(&mut s, &[Action::Back, Action::NextLoaded, Action::Select]);
    assert!(popup_text(&s).contains("B uses it too."));
}

#[test]
fn toggles_switch_classes_and_drop_a_hidden_current_highlight() {
    let mut s = handmade_state(100, 30);
    press(&mut s, &[Action::NextQuote, Action::ToggleQuotes]);
    let c = s.compare.as_ref().unwrap();
    assert!(!c.toggles.quotes);
    assert!(c.current.is_none());
    press(
        &mut s,
        &[
            Action::ToggleFraming,
            Action::ToggleLoaded,
            Action::ToggleScare,
            Action::ToggleDistinctive,
        ],
    );
    let t = s.compare.as_ref().unwrap().toggles;
    assert!(!t.framing && !t.loaded && !t.scare && t.distinctive);
    press(&mut s, &[Action::ToggleQuotes]);
    assert!(s.compare.as_ref().unwrap().toggles.quotes);
}

#[test]
fn boilerplate_rows_hide_and_the_cursor_keeps_its_row() {
    let mut s = handmade_state(100, 30);
    press(&mut s, &[Action::NextQuote]);
    let row = s.compare.as_ref().unwrap().cursor_row();
    let excluded = |s: &parallax::tui::state::State| {
        let c = s.compare.as_ref().unwrap();
        c.visible
            .iter()
            .filter(|&&r| c.model.rows[r].kind == RowKind::Excluded)
            .count()
    };
    assert!(
        excluded(&s) > 0,
        "the headline and 'Skip to content' are shown dimmed"
    );
    press(&mut s, &[Action::ToggleBoilerplate]);
    assert_eq!(excluded(&s), 0);
    assert_eq!(s.compare.as_ref().unwrap().cursor_row(), row);
    press(&mut s, &[Action::ToggleBoilerplate]);
    assert!(excluded(&s) > 0);
}

#[test]
fn swap_gives_the_same_result_as_comparing_b_with_a() {
    let mut s = state(small_library(), 100, 30);
    press(
        &mut s,
        &[Action::MarkA, Action::Bottom, Action::MarkB, Action::Select],
    );
    press(&mut s, &[Action::ToggleDistinctive, Action::Swap]);
    let c = s.compare.as_ref().unwrap();
    assert_eq!(c.pair, (2, 0));
    let lib = small_library();
    let direct = compare::compare(&lib.articles[2], &lib.articles[0], &Options::default());
    assert_eq!(*c.cmp, direct);
    assert!(c.toggles.distinctive, "toggles survive a swap");
    assert_eq!(c.focus, Side::B, "the focus follows the article");
    press(&mut s, &[Action::Swap]);
    assert_eq!(s.compare.as_ref().unwrap().pair, (0, 2));
}

#[test]
fn search_finds_text_and_steps_through_matches() {
    let mut s = handmade_state(100, 30);
    press(&mut s, &[Action::Search]);
    assert!(s.compare.as_ref().unwrap().search.input.editing);
    // While typing, n is a letter, not "next quote".
    press(&mut s, &typed("Satellite"));
    press(&mut s, &[Action::Select]);
    let c = s.compare.as_ref().unwrap();
    assert_eq!(c.search.hits.len(), 2, "case-insensitive, both sides");
    assert_eq!(c.search.current, Some(0));
    let row = c.cursor_row().unwrap();
    assert!(c.model.rows[row].sides.a.text.contains("satellite images"));
    press(&mut s, &[Action::NextMatch]);
    assert_eq!(s.compare.as_ref().unwrap().search.current, Some(1));
    assert_eq!(s.status.message.as_deref(), Some("match 2 of 2"));
    press(&mut s, &[Action::NextMatch]);
    assert_eq!(
        s.status.message.as_deref(),
        Some("match 1 of 2 · wrapped round to the top")
    );
    assert_eq!(s.compare.as_ref().unwrap().search.current, Some(0));
    press(&mut s, &[Action::PrevMatch]);
    assert_eq!(s.compare.as_ref().unwrap().search.current, Some(1));
}

#[test]
fn popups_open_close_and_scroll() {
    let mut s = handmade_state(100, 30);
    press(&mut s, &[Action::Help]);
    assert_eq!(s.popup.as_ref().map(|p| p.kind), Some(PopupKind::Help));
    let help = popup_text(&s);
    assert!(help.contains("} | next shared quote"), "{help}");
    assert!(help.contains("n | next search match"), "{help}");
    assert!(help.contains("esc/q | back to the library"), "{help}");
    let at = s.popup.as_ref().unwrap().scroll;
    press(&mut s, &[Action::MoveDown, Action::MoveDown]);
    assert_eq!(s.popup.as_ref().unwrap().scroll, at + 2);
    press(&mut s, &[Action::Help]);
    assert!(s.popup.is_none(), "? again closes help");
    press(&mut s, &[Action::Summary]);
    let sum = popup_text(&s);
    assert!(sum.contains("3 aligned"), "{sum}");
    assert!(sum.contains("Shared quotes (1)"), "{sum}");
    assert!(sum.contains("Attribution verbs"), "{sum}");
    // Keys of the screen below do nothing while a popup is open.
    press(&mut s, &[Action::NextQuote]);
    assert!(s.compare.as_ref().unwrap().current.is_none());
    press(&mut s, &[Action::Back]);
    assert!(s.popup.is_none());
    assert!(
        s.compare.is_some(),
        "esc closes the popup, not the comparison"
    );
}

#[test]
fn skipped_files_are_listed_with_reasons_and_sanitised() {
    let mut s = state(small_library(), 100, 30);
    press(&mut s, &[Action::ShowSkipped]);
    let text = popup_text(&s);
    assert!(
        text.contains("not valid UTF-8 (first bad byte at offset 12)"),
        "{text}"
    );
    assert!(text.contains("notes/empty.txt"));
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn small_viewport_keeps_the_cursor_on_screen() {
    let mut s = handmade_state(60, 15);
    press(&mut s, &[Action::Bottom]);
    let c = s.compare.as_ref().unwrap();
    assert_eq!(c.cursor, c.visible.len() - 1);
    assert!(c.top > 0, "scrolled");
    let used: usize = (c.top..=c.cursor)
        .map(|p| c.wrapped.height(c.visible[p]))
        .sum();
    assert!(
        used <= 15 - 4,
        "cursor row fits the 11-line viewport: {used}"
    );
    press(&mut s, &[Action::Top]);
    assert_eq!(s.compare.as_ref().unwrap().top, 0);
}

#[test]
fn resize_rewraps_rows_to_the_new_width() {
    let mut s = handmade_state(200, 40);
    let wide = s.compare.as_ref().unwrap().wrapped.clone();
    press(
        &mut s,
        &[Msg::Resize {
            width: 60,
            height: 20,
        }],
    );
    let narrow = &s.compare.as_ref().unwrap().wrapped;
    assert!(narrow.width < wide.width);
    let total =
        |w: &parallax::tui::state::Wrapped| (0..w.lines.len()).map(|i| w.height(i)).sum::<usize>();
    assert!(total(narrow) > total(&wide));
}

#[test]
fn mouse_click_and_wheel() {
    let mut s = state(small_library(), 100, 30);
    // Table body starts on line 2 (title, header).
    press(&mut s, &[Msg::Click { column: 10, row: 4 }]);
    assert_eq!(s.library.cursor, 2);
    press(&mut s, &[Msg::Scroll(-3)]);
    assert_eq!(s.library.cursor, 0);
    let mut s = handmade_state(100, 30);
    press(&mut s, &[Msg::Click { column: 80, row: 4 }]);
    let c = s.compare.as_ref().unwrap();
    assert_eq!(c.focus, Side::B);
    assert_eq!(c.cursor, 1);
}

#[test]
fn quit_and_force_quit() {
    let mut s = state(small_library(), 100, 30);
    assert_eq!(update(&mut s, Action::Quit), Effect::Quit);
    let mut s = handmade_state(100, 30);
    assert_eq!(
        update(&mut s, Action::Quit),
        Effect::None,
        "q in the comparison goes back"
    );
    assert_eq!(update(&mut s, Action::ForceQuit), Effect::Quit);
}

#[test]
fn moved_jump_explains_when_not_on_a_moved_row() {
    let mut s = handmade_state(100, 30);
    press(&mut s, &[Action::JumpMoved]);
    assert!(
        s.status
            .message
            .as_deref()
            .unwrap_or("")
            .contains("not a moved sentence")
    );
}

#[test]
fn demo_pair_opens() {
    let mut s = state(demo_library(), 120, 40);
    press(
        &mut s,
        &[
            Action::MarkA,
            Action::MoveDown,
            Action::MarkB,
            Action::Select,
        ],
    );
    let c = s.compare.as_ref().expect("compare screen");
    assert!(!c.visible.is_empty());
    // Every sentence of both sides is shown exactly once.
    let mut seen_a: Vec<usize> = c
        .model
        .rows
        .iter()
        .flat_map(|r| r.sides.a.sentences.clone())
        .collect();
    seen_a.sort_unstable();
    assert_eq!(seen_a, (0..c.cmp.a.sentences.len()).collect::<Vec<_>>());
}

#[test]
fn moved_jump_goes_to_where_the_sentence_sits_in_the_other_article() {
    // Make the "satellite images" pair a moved pair, shown once at A's position.
    let lib = small_library();
    let mut cmp = handmade(&lib);
    let ri = cmp
        .rows
        .iter()
        .position(|r| {
            r.kind == RowKind::Aligned && r.a.last() == Some(&(cmp.a.sentences.len() - 1))
        })
        .expect("the last A sentence is aligned");
    cmp.rows[ri].kind = RowKind::Moved;
    let bj = cmp.rows[ri].b[0];
    let before = cmp
        .rows
        .iter()
        .position(|r| r.b.contains(&(bj - 1)))
        .unwrap();
    let mut s = state(lib, 100, 30);
    s.compare = Some(CompareState::new(cmp, (0, 2)));
    press(
        &mut s,
        &[Msg::Resize {
            width: 100,
            height: 30,
        }],
    );
    let c = s.compare.as_mut().unwrap();
    c.cursor = c.visible.binary_search(&ri).unwrap();
    press(&mut s, &[Action::JumpMoved]);
    let c = s.compare.as_ref().unwrap();
    assert_eq!(c.cursor_row(), Some(before));
    assert_eq!(c.focus, Side::B);
    assert_eq!(
        s.status.message.as_deref(),
        Some("in B this sentence comes right after this row")
    );
}

#[test]
fn a_jump_off_screen_shows_the_target_with_context_above() {
    let mut s = handmade_state(60, 15);
    press(&mut s, &[Action::Search]);
    press(&mut s, &typed("monitors"));
    press(&mut s, &[Action::Select]);
    let c = s.compare.as_ref().unwrap();
    let row = c.cursor_row().unwrap();
    assert!(
        c.model.rows[row]
            .sides
            .b
            .text
            .contains("Independent monitors")
    );
    assert!(
        c.top < c.cursor,
        "rows before the match stay visible as context"
    );
    // Placed a third of the way down the 11-line viewport, not at its bottom edge.
    let above: usize = (c.top..c.cursor)
        .map(|p| c.wrapped.height(c.visible[p]))
        .sum();
    assert!(
        (1..=11 / 3).contains(&above),
        "{above} lines above the match"
    );
}

#[test]
fn help_names_the_config_file() {
    let mut s = state(small_library(), 100, 30);
    s.config_path = Some("/home/u/.config/parallax/config.toml".to_string());
    press(&mut s, &[Action::Help]);
    assert!(popup_text(&s).contains("/home/u/.config/parallax/config.toml"));
}

#[test]
fn suggest_pair_marks_a_pair_of_the_cursor_s_story_and_cycles() {
    let mut s = state(parallax::corpus::demo(), 120, 30);
    assert_eq!(s.library.stories.stories.len(), 1);
    let pairs = s.library.stories.stories[0].pairs.clone();
    assert!(pairs.len() >= 2);
    press(&mut s, &[Action::SuggestPair]);
    assert_eq!(
        (s.library.mark_a, s.library.mark_b),
        (Some(pairs[0].a), Some(pairs[0].b))
    );
    assert_eq!(s.library.current(), Some(pairs[0].a));
    assert!(
        s.status
            .message
            .as_deref()
            .unwrap_or("")
            .contains("pair 1 of")
    );
    press(&mut s, &[Action::SuggestPair]);
    assert_eq!(
        (s.library.mark_a, s.library.mark_b),
        (Some(pairs[1].a), Some(pairs[1].b))
    );
}

#[test]
fn suggest_pair_on_an_article_without_a_story_says_so() {
    let mut s = state(small_library(), 100, 30);
    let alone = (0..3)
        .find(|&i| s.library.stories.story_of[i].is_none())
        .expect("the garden article has no story");
    while s.library.current() != Some(alone) {
        press(&mut s, &[Action::MoveDown]);
    }
    press(&mut s, &[Action::SuggestPair]);
    assert_eq!((s.library.mark_a, s.library.mark_b), (None, None));
    assert!(
        s.status
            .message
            .as_deref()
            .unwrap_or("")
            .contains("no story")
    );
}

#[test]
fn articles_loaded_in_the_background_join_the_table_then_stories_follow() {
    use parallax::corpus::Library;
    use parallax::tui::action::Loaded;
    use parallax::tui::keymap::Keymap;
    use parallax::tui::state::State;
    let demo = parallax::corpus::demo();
    let first = Library {
        articles: demo.articles[..2].to_vec(),
        skipped: Vec::new(),
    };
    let mut s = State::new_unanalysed(first, Keymap::default());
    s.library.loading = Some((2, 5));
    update(
        &mut s,
        Msg::Resize {
            width: 120,
            height: 30,
        },
    );
    press(&mut s, &[Action::MoveDown]);
    assert_eq!(s.library.current(), Some(1));
    assert!(s.library.stories.stories.is_empty());
    let screen = lines(&render(
        &s,
        &parallax::tui::theme::Theme::default(),
        120,
        30,
    ))
    .join("\n");
    assert!(screen.contains("loading 2 of 5 files"), "{screen}");

    let batch = |r: std::ops::Range<usize>| {
        Msg::Loaded(Box::new(Loaded {
            batch: Library {
                articles: demo.articles[r].to_vec(),
                skipped: Vec::new(),
            },
            done: 0,
            total: 5,
        }))
    };
    let mut b = batch(2..4);
    if let Msg::Loaded(l) = &mut b {
        l.done = 4;
    }
    assert_eq!(update(&mut s, b), Effect::None);
    assert_eq!(s.library.visible, vec![0, 1, 2, 3]);
    assert_eq!(
        s.library.current(),
        Some(1),
        "the cursor stays on its article"
    );
    let mut b = batch(4..5);
    if let Msg::Loaded(l) = &mut b {
        l.done = 5;
    }
    let effect = update(&mut s, b);
    assert_eq!(effect, Effect::Analyse);
    assert!(s.library.loading.is_none() && s.library.analysing);
    let lib = s.library.library.clone();
    let done = parallax::tui::perform(&lib, &effect, &Options::default()).expect("analysed");
    if let Msg::Analysed(a) = &done {
        assert_eq!(a.articles, 5, "all five analysed");
    }
    update(&mut s, done);
    assert!(!s.library.analysing);
    assert_eq!(s.library.stories.stories.len(), 1);
    assert!((0..5).all(|i| s.library.stories.of(i).map(|st| st.number) == Some(1)));
}
