//! The reader's address line, as action sequences against its state: typing and editing,
//! Enter asking for a fetch, and a finished fetch adding its articles (no terminal, no
//! network: the fetch's answer is handed in as the event loop would).

mod common;

use common::*;
use parallax::corpus::{Article, Library, Meta, Source};
use parallax::tui::action::{Action, Edit, Fetched, Msg};
use parallax::tui::theme::{Palette, Theme};
use parallax::tui::update::{Effect, update};

fn plain() -> Theme {
    Theme::new(&Palette::default(), true)
}

fn typed(s: &str) -> Vec<Msg> {
    s.chars().map(Msg::Input).collect()
}

fn web_article(id: &str, url: &str, title: &str) -> Article {
    Article::new(
        id.to_string(),
        Meta {
            title: title.to_string(),
            outlet: Some("Harbour Post".to_string()),
            ..Meta::default()
        },
        Source::Web {
            url: url.to_string(),
            saved: format!("/library/pages/{id}.html").into(),
            index: None,
        },
        format!("{title}\n\n{}", TEXT_B),
        None,
    )
}

fn fetched(url: &str, articles: Vec<Article>) -> Msg {
    Msg::Fetched(Box::new(Fetched {
        url: url.to_string(),
        result: Ok((
            Library {
                articles,
                skipped: Vec::new(),
            },
            None,
        )),
    }))
}

fn status(s: &parallax::tui::state::State) -> String {
    s.status
        .message
        .clone()
        .or_else(|| s.status.error.clone())
        .unwrap_or_default()
}

#[test]
fn the_line_takes_letters_edits_like_readline_and_asks_for_a_fetch() {
    let mut s = state(small_library(), 100, 30);
    press(&mut s, &[Action::AddAddress]);
    assert!(s.library.address.editing);
    // Letters go in: q does not quit, a does not mark.
    press(&mut s, &typed("exqmple.com/storya"));
    assert!(!s.quit);
    assert_eq!(s.library.mark_a, None);
    // Fix the typo: to the start, two right, delete, insert; then drop the last letter.
    press(
        &mut s,
        &[
            Msg::Edit(Edit::Home),
            Msg::Edit(Edit::Right),
            Msg::Edit(Edit::Right),
            Msg::Edit(Edit::DeleteNext),
            Msg::Input('a'),
            Msg::Edit(Edit::End),
            Msg::DeleteChar,
        ],
    );
    assert_eq!(s.library.address.input.value(), "example.com/story");
    // Control characters never get in.
    press(&mut s, &[Msg::Input('\u{1b}'), Msg::Input('\u{202e}')]);
    assert_eq!(s.library.address.input.value(), "example.com/story");
    let effect = update(&mut s, Action::Select);
    assert_eq!(
        effect,
        Effect::Fetch("https://example.com/story".to_string())
    );
    assert!(!s.library.address.editing);
    assert!(s.library.address.busy());
    // The status bar turns a spinner while it is on its way.
    let before = screen(&render(&s, &plain(), 100, 30));
    assert!(before.contains("fetching example.com/story"), "{before}");
    update(&mut s, Msg::Tick);
    let after = screen(&render(&s, &plain(), 100, 30));
    assert_ne!(before, after, "the spinner turns");
}

#[test]
fn word_and_line_deletions_work() {
    let mut s = state(small_library(), 100, 30);
    press(&mut s, &[Action::AddAddress]);
    press(&mut s, &typed("https://example.com/a b"));
    press(&mut s, &[Msg::Edit(Edit::DeleteWordBack)]);
    assert_eq!(s.library.address.input.value(), "https://example.com/a ");
    press(&mut s, &[Msg::Edit(Edit::DeleteToStart)]);
    assert_eq!(s.library.address.input.value(), "");
    // Deletions in a row are put back together, as readline does.
    press(&mut s, &[Msg::Edit(Edit::Yank)]);
    assert_eq!(s.library.address.input.value(), "https://example.com/a b");
    press(
        &mut s,
        &[Msg::Edit(Edit::WordLeft), Msg::Edit(Edit::DeleteToEnd)],
    );
    assert_eq!(s.library.address.input.value(), "https://example.com/a ");
}

#[test]
fn what_is_not_an_address_is_refused_and_esc_cancels() {
    let mut s = state(small_library(), 100, 30);
    press(&mut s, &[Action::AddAddress]);
    press(&mut s, &typed("not an address"));
    assert_eq!(update(&mut s, Action::Select), Effect::None);
    assert!(
        s.library.address.editing,
        "the line stays open to be mended"
    );
    assert!(
        status(&s).contains("is not a web address"),
        "{}",
        status(&s)
    );
    press(&mut s, &[Action::Back]);
    assert!(!s.library.address.editing);
    assert!(!s.library.address.busy());
    assert_eq!(s.library.rows.len(), 3);
}

#[test]
fn a_fetched_article_is_added_under_the_cursor_once() {
    let mut s = state(small_library(), 100, 30);
    let url = "https://harbour.example/pier";
    press(&mut s, &[Action::AddAddress]);
    press(&mut s, &typed(url));
    assert_eq!(
        update(&mut s, Action::Select),
        Effect::Fetch(url.to_string())
    );
    // An id already in the table gets a suffix.
    let taken = s.library.library.articles[0].id.clone();
    let effect = update(
        &mut s,
        fetched(url, vec![web_article(&taken, url, "Pier stays shut")]),
    );
    assert_eq!(effect, Effect::Analyse, "stories take the new article in");
    assert!(!s.library.address.busy());
    assert_eq!(s.library.rows.len(), 4);
    assert_eq!(s.library.current(), Some(3));
    assert_eq!(s.library.library.articles[3].id, format!("{taken}-2"));
    assert_eq!(status(&s), "added “Pier stays shut”");
    let shown = screen(&render(&s, &plain(), 100, 30));
    assert!(shown.contains("Harbour Post"), "{shown}");
    // The same address again: nothing added, the cursor goes to it.
    s.library.cursor = 0;
    press(&mut s, &[Action::AddAddress]);
    press(&mut s, &typed(url));
    update(&mut s, Action::Select);
    let effect = update(
        &mut s,
        fetched(url, vec![web_article("pier", url, "Pier stays shut")]),
    );
    assert_eq!(effect, Effect::None);
    assert_eq!(s.library.rows.len(), 4);
    assert_eq!(s.library.current(), Some(3));
    assert_eq!(status(&s), "already in the table");
}

#[test]
fn a_failed_fetch_says_why_and_changes_nothing() {
    let mut s = state(small_library(), 100, 30);
    let url = "https://harbour.example/gone";
    press(&mut s, &[Action::AddAddress]);
    press(&mut s, &typed(url));
    update(&mut s, Action::Select);
    // Something said meanwhile (stories regrouped) gives way to the failure.
    s.status.info("3 articles loaded · 1 story found");
    let effect = update(
        &mut s,
        Msg::Fetched(Box::new(Fetched {
            url: url.to_string(),
            result: Err("HTTP 404 Not Found".to_string()),
        })),
    );
    assert_eq!(effect, Effect::None);
    assert_eq!(
        s.status.error.as_deref(),
        Some("could not add harbour.example/gone: HTTP 404 Not Found")
    );
    assert_eq!(s.status.message, None);
    assert!(!s.library.address.busy());
    assert_eq!(s.library.rows.len(), 3);
}

#[test]
fn the_open_line_is_drawn_with_its_cursor_and_keys() {
    let mut s = state(small_library(), 100, 30);
    press(&mut s, &[Action::AddAddress]);
    press(&mut s, &typed("example.com"));
    let shown = screen(&render(&s, &plain(), 100, 30));
    let line = shown
        .lines()
        .find(|l| l.contains("address:"))
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(line.contains("address: example.com"), "{line}");
    assert!(line.contains("enter fetches · esc cancels"), "{line}");
    // A long address scrolls to keep the cursor in view.
    press(&mut s, &typed(&"/very-long-path".repeat(20)));
    let shown = screen(&render(&s, &plain(), 100, 30));
    let line = shown.lines().find(|l| l.contains("address:")).unwrap();
    assert!(line.contains("very-long-path/very-long-path"), "{line}");
    assert!(!line.contains("example.com"), "{line}");
}
