//! The reader moves the way vim and less users expect: search matches on n/N, an empty
//! search repeats the last, jumps wrap round and can be gone back from, text boxes edit like
//! readline, the help opens at the screen's keys, the library sorts and keeps its cursor, and
//! `parallax A B` opens straight on the comparison. Action sequences, no terminal.

mod common;

use common::*;
use parallax::tui::action::{Action, Edit, Msg};
use parallax::tui::state::{DocLine, SortKey};

fn typed(s: &str) -> Vec<Msg> {
    s.chars().map(Msg::Input).collect()
}

#[test]
fn two_articles_open_on_their_comparison_and_esc_shows_the_library_of_them() {
    let mut s = state(small_library(), 100, 30);
    press(&mut s, &[Msg::Open { a: 0, b: 2 }]);
    let c = s.compare.as_ref().expect("the comparison is open");
    assert_eq!(c.pair, (0, 2));
    assert_eq!((s.library.mark_a, s.library.mark_b), (Some(0), Some(2)));
    press(&mut s, &[Action::Back]);
    assert!(s.compare.is_none());
    assert_eq!(s.library.current(), Some(0));
}

#[test]
fn n_steps_through_search_matches_and_an_empty_search_repeats_the_last() {
    let mut s = handmade_state(100, 30);
    press(&mut s, &[Action::NextMatch]);
    assert!(
        s.status
            .message
            .as_deref()
            .unwrap()
            .contains("no search yet"),
        "{:?}",
        s.status.message
    );
    press(&mut s, &[Action::Search]);
    press(&mut s, &typed("satellite"));
    press(&mut s, &[Action::Select]);
    assert_eq!(s.compare.as_ref().unwrap().search.current, Some(0));
    press(&mut s, &[Action::NextMatch, Action::NextMatch]);
    let c = s.compare.as_ref().unwrap();
    assert_eq!(c.search.current, Some(0), "wrapped round");
    assert!(s.status.message.as_deref().unwrap().contains("wrapped"));
    // Enter on an empty box searches for the same words again.
    press(&mut s, &[Action::Top, Action::Search, Action::Select]);
    let c = s.compare.as_ref().unwrap();
    assert_eq!(c.search.query, "satellite");
    assert_eq!(c.search.hits.len(), 2);
    // Esc while typing keeps the last search for n.
    press(&mut s, &[Action::Search]);
    press(&mut s, &typed("zzz"));
    press(&mut s, &[Action::Back, Action::NextMatch]);
    assert!(s.status.message.as_deref().unwrap().starts_with("match"));
}

#[test]
fn esc_after_a_search_clears_its_highlights_first_and_n_finds_them_again() {
    let mut s = handmade_state(100, 30);
    press(&mut s, &[Action::Search]);
    press(&mut s, &typed("satellite"));
    press(&mut s, &[Action::Select]);
    assert_eq!(s.compare.as_ref().unwrap().search.hits.len(), 2);
    // The first Esc only clears the matches; the comparison stays open.
    press(&mut s, &[Action::Back]);
    let c = s.compare.as_ref().expect("still on the comparison");
    assert!(c.search.hits.is_empty(), "the highlights are gone");
    let said = s.status.message.clone().unwrap();
    assert!(said.contains("search cleared"), "{said}");
    assert!(said.contains("'satellite'"), "{said}");
    // n brings the same search back, from the cursor.
    press(&mut s, &[Action::Top, Action::NextMatch]);
    let c = s.compare.as_ref().unwrap();
    assert_eq!(c.search.hits.len(), 2);
    assert_eq!(c.search.current, Some(0));
    assert!(
        c.model.rows[c.cursor_row().unwrap()]
            .sides
            .a
            .text
            .contains("satellite")
    );
    assert_eq!(s.status.message.as_deref(), Some("match 1 of 2"));
    // Esc clears again, and a second Esc leaves for the library.
    press(&mut s, &[Action::Back]);
    assert!(s.compare.is_some());
    press(&mut s, &[Action::Back]);
    assert!(s.compare.is_none(), "the second Esc goes back");
}

#[test]
fn highlight_jumps_wrap_round_and_say_so() {
    let mut s = handmade_state(100, 30);
    press(&mut s, &[Action::NextQuote]);
    let first = s.compare.as_ref().unwrap().current.clone();
    assert!(first.is_some());
    let mut wrapped = false;
    for _ in 0..10 {
        press(&mut s, &[Action::NextQuote]);
        if s.status
            .message
            .as_deref()
            .unwrap()
            .contains("wrapped round")
        {
            wrapped = true;
            break;
        }
    }
    assert!(wrapped, "{:?}", s.status.message);
    assert_eq!(s.compare.as_ref().unwrap().current, first);
    press(&mut s, &[Action::PrevQuote]);
    assert!(
        s.status
            .message
            .as_deref()
            .unwrap()
            .contains("to the bottom")
    );
}

#[test]
fn the_jump_list_goes_back_and_forward() {
    let mut s = handmade_state(100, 30);
    let start = s.compare.as_ref().unwrap().cursor_row();
    press(&mut s, &[Action::Bottom]);
    let bottom = s.compare.as_ref().unwrap().cursor_row();
    assert_ne!(start, bottom);
    press(&mut s, &[Action::JumpBack]);
    assert_eq!(s.compare.as_ref().unwrap().cursor_row(), start);
    press(&mut s, &[Action::JumpForward]);
    assert_eq!(s.compare.as_ref().unwrap().cursor_row(), bottom);
    press(&mut s, &[Action::JumpForward]);
    assert!(
        s.status
            .message
            .as_deref()
            .unwrap()
            .contains("no later place")
    );
}

#[test]
fn text_boxes_edit_like_readline() {
    let mut s = state(small_library(), 100, 30);
    press(&mut s, &[Action::Search]);
    press(&mut s, &typed("garden weekly"));
    press(&mut s, &[Msg::Edit(Edit::DeleteWordBack)]);
    assert_eq!(s.library.filter.text(), "garden ");
    press(&mut s, &[Msg::Edit(Edit::DeleteToStart)]);
    assert_eq!(s.library.filter.text(), "");
    assert_eq!(s.library.visible.len(), 3, "an empty filter shows all");
    press(&mut s, &typed("harbour"));
    press(&mut s, &[Msg::Edit(Edit::Home)]);
    press(&mut s, &typed("the "));
    assert_eq!(s.library.filter.text(), "the harbour");
    // The same in the comparison's search box.
    let mut s = handmade_state(100, 30);
    press(&mut s, &[Action::Search]);
    press(&mut s, &typed("cold satellite"));
    press(
        &mut s,
        &[Msg::Edit(Edit::WordLeft), Msg::Edit(Edit::DeleteToStart)],
    );
    assert_eq!(s.compare.as_ref().unwrap().search.input.text(), "satellite");
}

#[test]
fn help_opens_at_the_keys_of_the_screen_it_is_asked_on() {
    let mut s = handmade_state(100, 30);
    press(&mut s, &[Action::Help]);
    let p = s.popup.as_ref().unwrap();
    assert_eq!(
        p.lines[p.scroll],
        DocLine::Heading("Comparison".to_string())
    );
    // Scrolling stops with the last line at the bottom, never in blank space.
    press(&mut s, &[Action::Bottom]);
    let p = s.popup.as_ref().unwrap();
    assert_eq!(p.scroll, p.lines.len() - (30 - 4));
    press(&mut s, &[Action::Back, Action::Back, Action::Help]);
    let p = s.popup.as_ref().unwrap();
    assert_eq!(p.lines[p.scroll], DocLine::Heading("Library".to_string()));
}

#[test]
fn the_library_sorts_and_keeps_the_cursor_on_its_article() {
    let mut s = state(small_library(), 100, 30);
    press(&mut s, &[Action::MoveDown]);
    assert_eq!(s.library.current(), Some(1));
    press(&mut s, &[Action::Sort]);
    assert_eq!(s.library.sort, SortKey::Outlet);
    assert_eq!(
        s.library.visible,
        vec![1, 2, 0],
        "Garden, Harbour, Northern"
    );
    assert_eq!(
        s.library.current(),
        Some(1),
        "the cursor follows its article"
    );
    press(&mut s, &[Action::Sort]);
    assert_eq!(s.library.sort, SortKey::Date);
    assert_eq!(s.library.visible[0], 1, "newest first");
    press(&mut s, &[Action::Sort, Action::Sort]);
    assert_eq!(s.library.sort, SortKey::Title);
    // Filtering, then Esc: the cursor stays on the article it was moved to.
    press(&mut s, &[Action::Search]);
    press(&mut s, &typed("harb"));
    press(&mut s, &[Action::Select, Action::Clear]);
    assert_eq!(s.library.visible.len(), 3);
    assert_eq!(s.library.current(), Some(2));
}

#[test]
fn marks_follow_a_swap() {
    let mut s = handmade_state(100, 30);
    press(&mut s, &[Action::Swap]);
    assert_eq!(s.compare.as_ref().unwrap().pair, (2, 0));
    assert_eq!((s.library.mark_a, s.library.mark_b), (Some(2), Some(0)));
}
