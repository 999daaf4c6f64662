//! Exporting from the reader: the key, the effect, the file (same page as `--format html`, scare
//! quotes included), never overwriting, and the status line.

mod common;

use common::*;
use parallax::text::QuoteKind;
use parallax::tui::action::{Action, Context, Msg};
use parallax::tui::keymap::{KeyChord, Keymap};
use parallax::tui::state::{DocLine, State};
use parallax::tui::update::{Effect, update};

/// The demo library's compare screen on the first pair (in library order) whose articles have a
/// scare quote between them.
fn compare_with_scare_quotes() -> State {
    let lib = demo_library();
    let has_scare = |i: usize| {
        lib.articles[i]
            .analysis
            .quotes
            .iter()
            .any(|q| q.kind == QuoteKind::ScareQuote)
    };
    let a = (0..lib.articles.len())
        .find(|&i| has_scare(i))
        .expect("a demo article with scare quotes");
    let b = if a == 0 { 1 } else { 0 };
    let mut s = state(lib, 120, 40);
    s.library.cursor = a;
    press(&mut s, &[Action::MarkA]);
    s.library.cursor = b;
    press(&mut s, &[Action::MarkB, Action::Select]);
    assert!(s.compare.is_some(), "compare screen open");
    s
}

#[test]
fn e_exports_on_the_compare_screen_only() {
    let km = Keymap::default();
    let e = KeyChord::parse("e").unwrap();
    assert_eq!(km.lookup(Context::Compare, e), Some(Action::Export));
    assert_eq!(km.lookup(Context::Library, e), None);

    let mut s = compare_with_scare_quotes();
    assert_eq!(update(&mut s, Action::Export), Effect::Export);
    // The key is in the help, generated from the keymap.
    press(&mut s, &[Action::Help]);
    let help = s.popup.as_ref().unwrap();
    assert!(
        help.lines
            .iter()
            .any(|l| matches!(l, DocLine::Key(k, what) if k == "e" && what.contains("export"))),
        "{:?}",
        help.lines
    );
}

#[test]
fn export_writes_the_html_report_with_scare_quotes_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = compare_with_scare_quotes();
    let c = s.compare.as_ref().unwrap();
    let (a_id, b_id) = (c.cmp.a.id.clone(), c.cmp.b.id.clone());
    let expected = parallax::report::html::render(&c.cmp);
    let scare_marked = expected.split("<mark class=\"").skip(1).any(|m| {
        m.split('"')
            .next()
            .is_some_and(|classes| classes.split(' ').any(|c| c == "scare"))
            && m.contains("title=")
    });
    assert!(scare_marked, "scare quotes highlighted");

    let first = dir.path().join(format!("parallax-{a_id}-vs-{b_id}.html"));
    let done = parallax::tui::export(&s, dir.path());
    assert_eq!(done, Msg::ExportDone(Ok(first.display().to_string())));
    assert_eq!(std::fs::read_to_string(&first).unwrap(), expected);
    update(&mut s, done);
    assert_eq!(
        s.status.message.as_deref(),
        Some(format!("exported to {}", first.display()).as_str())
    );

    // Again: a new name; the first file is left alone.
    std::fs::write(&first, "edited by hand").unwrap();
    let second = dir.path().join(format!("parallax-{a_id}-vs-{b_id}-2.html"));
    assert_eq!(
        parallax::tui::export(&s, dir.path()),
        Msg::ExportDone(Ok(second.display().to_string()))
    );
    assert_eq!(std::fs::read_to_string(&first).unwrap(), "edited by hand");
    assert_eq!(std::fs::read_to_string(&second).unwrap(), expected);
    // Nothing else (no temporary file) is left in the directory.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn a_failed_export_is_reported_in_the_status_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = compare_with_scare_quotes();
    let done = parallax::tui::export(&s, &dir.path().join("gone"));
    assert!(matches!(done, Msg::ExportDone(Err(_))), "{done:?}");
    update(&mut s, done);
    let err = s.status.error.clone().expect("an error is shown");
    assert!(err.starts_with("export failed: "), "{err}");
    // The next key clears it, as with every message.
    press(&mut s, &[Action::MoveDown]);
    assert_eq!(s.status.error, None);
}

#[test]
fn export_with_no_comparison_open_says_so() {
    let s = state(small_library(), 100, 30);
    assert!(matches!(
        parallax::tui::export(&s, std::path::Path::new(".")),
        Msg::ExportDone(Err(_))
    ));
}
