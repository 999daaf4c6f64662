//! Every key named on screen is asked of the keymap: rebinding an action in the config file
//! changes what the status line, the popups and the library screen tell the reader to press.

mod common;

use common::*;
use parallax::config::Config;
use parallax::tui::action::Action;
use parallax::tui::keymap::Keymap;
use parallax::tui::settings::Settings;
use parallax::tui::state::State;
use parallax::tui::theme::Theme;
use parallax::tui::update::update;

/// The default keymap with the user's `[keys]` table `keys` on top.
fn keymap(keys: &str) -> Keymap {
    let (cfg, errors) = Config::from_user_text(&format!("[keys]\n{keys}"), "keys.toml");
    assert!(errors.is_empty(), "{errors:?}");
    let (settings, errors) = Settings::new(&cfg);
    assert!(errors.is_empty(), "{errors:?}");
    settings.keymap
}

fn message(s: &State) -> String {
    s.status.message.clone().unwrap_or_default()
}

#[test]
fn the_library_names_the_keys_that_mark_compare_and_cancel() {
    let mut s = state(small_library(), 100, 24);
    s.keymap = keymap(
        "mark_a = \"F2\"\nmark_b = \"F3\"\nmark_next = \"F4\"\nselect = \"F5\"\nclear = \"F8\"\n",
    );
    update(&mut s, Action::Select);
    assert_eq!(
        message(&s),
        "mark two articles first: f2 marks A, f3 marks B (or f4, f4)"
    );
    update(&mut s, Action::SuggestPair);
    assert!(message(&s).ends_with("· f5 compares"), "{}", message(&s));
    // A comparison under way says which key cancels it (the suggested pair is marked).
    update(&mut s, Action::Select);
    assert!(s.pending.is_some());
    let text = screen(&render(&s, &Theme::default(), 100, 24));
    assert!(text.contains("(f8 cancels)"), "{text}");
}

#[test]
fn popups_name_the_keys_that_close_scroll_and_find_highlights() {
    let mut s = handmade_state(100, 30);
    s.keymap = keymap(
        "back = \"F9\"\ndown = \"ctrl-n\"\nup = \"ctrl-p\"\nnext_quote = \"F6\"\nprev_quote = \"F7\"\njump_moved = \"J\"\n",
    );
    // The cursor on a row without shown highlights: the explanation names the jump keys.
    let c = s.compare.as_mut().unwrap();
    let bare = (0..c.visible.len())
        .find(|&p| {
            let row = &c.model.rows[c.visible[p]];
            let hidden = |m: &parallax::tui::model::Mark| !c.toggles.shows(m.kind);
            row.sides.a.marks.iter().all(hidden) && row.sides.b.marks.iter().all(hidden)
        })
        .expect("a row without shown highlights");
    c.cursor = bare;
    update(&mut s, Action::Select);
    let text = screen(&render(&s, &Theme::default(), 100, 30));
    assert!(text.contains("f9 close · ctrl-n/ctrl-p scroll"), "{text}");
    let lines = format!("{:?}", s.popup.as_ref().unwrap().lines);
    assert!(lines.contains("f6/f7, ]/[ and l/L jump"), "{lines}");
    // The help names the key that jumps to a moved sentence's counterpart.
    update(&mut s, Action::Back);
    update(&mut s, Action::Help);
    let lines = format!("{:?}", s.popup.as_ref().unwrap().lines);
    assert!(lines.contains("counterpart elsewhere (J jumps)"), "{lines}");
}

#[test]
fn the_compare_screen_names_the_search_key_and_an_unbound_action_by_its_name() {
    let mut s = handmade_state(100, 30);
    s.keymap = keymap("search = \"F3\"\n");
    update(&mut s, Action::NextMatch);
    assert_eq!(message(&s), "no search yet: press f3 to search");
    s.keymap = keymap("search = []\n");
    update(&mut s, Action::NextMatch);
    assert_eq!(message(&s), "no search yet: press [search] to search");
}
