//! Rendering into a `TestBackend`: text and styles of each screen.

mod common;

use common::*;
use parallax::tui::action::{Action, Msg};
use parallax::tui::theme::{Palette, Theme};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// The cell where `needle` first starts on screen.
fn find(buf: &Buffer, needle: &str) -> (u16, u16) {
    for (y, line) in lines(buf).iter().enumerate() {
        if let Some(byte) = line.find(needle) {
            let x = unicode_width::UnicodeWidthStr::width(&line[..byte]);
            return (x as u16, y as u16);
        }
    }
    panic!("{needle:?} not on screen:\n{}", screen(buf));
}

#[test]
fn library_screen() {
    let mut s = state(small_library(), 100, 24);
    press(&mut s, &[Action::MarkA]);
    let buf = render(&s, &Theme::default(), 100, 24);
    let text = screen(&buf);
    assert!(text.contains("Northern Ledger"), "{text}");
    assert!(text.contains("Harbour Times"));
    assert!(text.contains("2 files skipped — press ! to see why"));
    assert!(
        text.contains("~A"),
        "related column appears once A is marked"
    );
    // The preview shows the article under the cursor, boilerplate dimmed.
    let (x, y) = find(&buf, "Skip to content");
    assert!(buf[(x, y)].modifier.contains(Modifier::DIM));
    insta::assert_snapshot!("library", format!("{buf:?}"));
}

#[test]
fn library_date_column_shows_the_day_of_a_timestamp() {
    let mut lib = small_library();
    lib.articles[0].date = Some("2017-11-14T18:40:00+03:00".to_string());
    lib.articles[1].date = Some("Nov 2017".to_string());
    let s = state(lib, 100, 24);
    let text = screen(&render(&s, &Theme::default(), 100, 24));
    let ledger = text
        .lines()
        .find(|l| l.contains("Northern Ledger"))
        .unwrap();
    assert!(ledger.contains(" 2017-11-14 "), "{ledger}");
    assert!(!ledger.contains("2017-11-1…"), "{ledger}");
    let garden = text.lines().find(|l| l.contains("Garden Weekly")).unwrap();
    assert!(
        garden.contains(" Nov 2017 "),
        "other dates as given: {garden}"
    );
}

#[test]
fn library_filter_line() {
    let mut s = state(small_library(), 80, 24);
    let typed: Vec<Msg> = "harbour".chars().map(Msg::Input).collect();
    press(&mut s, &[Action::Search]);
    press(&mut s, &typed);
    let buf = render(&s, &Theme::default(), 80, 24);
    let text = screen(&buf);
    assert!(text.contains("filter: harbour "), "{text}");
    assert!(text.contains("1 of 3"), "{text}");
    // The cursor is the reversed cell after the text.
    let y = (0..24).find(|&y| buf[(1, y)].symbol() == "f").unwrap();
    assert!(
        buf[(16, y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
    assert!(!text.contains("Garden Weekly"));
}

#[test]
fn compare_screen_text_and_styles() {
    let s = handmade_state(100, 24);
    let buf = render(&s, &Theme::default(), 100, 24);
    let text = screen(&buf);
    assert!(
        text.contains("Ministry denies losses in Deir Ezzor"),
        "{text}"
    );
    assert!(text.contains("Northern Ledger · 2017-11-13"), "{text}");
    assert!(text.contains("Harbour Times"), "{text}");
    // Gutter glyphs.
    assert!(
        text.contains('═') && text.contains('◀') && text.contains('▶'),
        "{text}"
    );
    // Changed words: bold, in the framing colour.
    let p = Palette::default();
    let (x, y) = find(&buf, "claimed");
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    assert_eq!(buf[(x, y)].fg, p.framing);
    // The shared quote is underlined.
    let (x, y) = find(&buf, "There were no");
    assert!(buf[(x + 1, y)].modifier.contains(Modifier::UNDERLINED));
    // A loaded term only A uses: reversed and bold; one both use: reversed, not bold.
    let (x, y) = find(&buf, "hoax");
    assert!(
        buf[(x, y)]
            .modifier
            .contains(Modifier::REVERSED | Modifier::BOLD)
    );
    let (x, y) = find(&buf, "militants");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(x, y)].modifier.contains(Modifier::BOLD));
    // Boilerplate is dimmed.
    let (x, y) = find(&buf, "Skip to content");
    assert!(buf[(x, y)].modifier.contains(Modifier::DIM));
    insta::assert_snapshot!("compare", format!("{buf:?}"));
}

#[test]
fn toggled_off_classes_are_drawn_plain() {
    let mut s = handmade_state(100, 24);
    press(&mut s, &[Action::ToggleFraming]);
    let buf = render(&s, &Theme::default(), 100, 24);
    let (x, y) = find(&buf, "claimed");
    assert!(!buf[(x, y)].modifier.contains(Modifier::BOLD));
    assert!(screen(&buf).contains("changed off"));
}

#[test]
fn current_highlight_is_reversed() {
    let mut s = handmade_state(100, 24);
    press(&mut s, &[Action::NextFraming]);
    let buf = render(&s, &Theme::default(), 100, 24);
    let (x, y) = find(&buf, "said on");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn hidden_boilerplate_is_not_drawn() {
    let mut s = handmade_state(100, 24);
    press(&mut s, &[Action::ToggleBoilerplate]);
    let text = screen(&render(&s, &Theme::default(), 100, 24));
    assert!(!text.contains("Skip to content"), "{text}");
    assert!(text.contains("boilerplate hidden"), "{text}");
}

#[test]
fn no_color_has_no_colours_and_keeps_modifiers() {
    let s = handmade_state(100, 24);
    let theme = Theme::new(&Palette::default(), true);
    let buf = render(&s, &theme, 100, 24);
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, Color::Reset, "{cell:?}");
    }
    let (x, y) = find(&buf, "claimed");
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find(&buf, "hoax");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn too_small_terminal_shows_a_clear_message() {
    let s = handmade_state(50, 10);
    let buf = render(&s, &Theme::default(), 50, 10);
    let text = screen(&buf);
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(words, "terminal too small: need at least 60×15, have 50×10");
    assert!(!text.contains("Ministry"), "nothing else is drawn: {text}");
    insta::assert_snapshot!("too_small", text);
}

#[test]
fn popups_draw_over_the_screen() {
    let mut s = handmade_state(100, 30);
    press(&mut s, &[Action::Help]);
    let text = screen(&render(&s, &Theme::default(), 100, 30));
    assert!(text.contains(" Keys "), "{text}");
    assert!(text.contains("this help"), "{text}");
    assert!(text.contains("esc close · j/k scroll"), "{text}");
    press(&mut s, &[Action::Back, Action::Summary]);
    let text = screen(&render(&s, &Theme::default(), 100, 30));
    assert!(text.contains(" Summary "), "{text}");
    assert!(text.contains("Framing profile"), "{text}");
    insta::assert_snapshot!("summary", text);
}

#[test]
fn hostile_titles_never_reach_the_terminal_raw() {
    let mut lib = small_library();
    lib.articles[0].title = "Evil \u{1b}]0;pwned\u{7} title \u{1b}[2J".to_string();
    lib.articles[0].outlet = Some("Out\u{1b}[31mlet".to_string());
    let mut s = state(lib, 100, 24);
    press(
        &mut s,
        &[Action::MarkA, Action::Bottom, Action::MarkB, Action::Select],
    );
    for st in [render(&s, &Theme::default(), 100, 24), {
        press(&mut s, &[Action::Back]);
        render(&s, &Theme::default(), 100, 24)
    }] {
        for cell in st.content() {
            assert!(!cell.symbol().chars().any(char::is_control), "{cell:?}");
        }
    }
}

#[test]
fn demo_pair() {
    let mut s = state(demo_library(), 120, 30);
    press(
        &mut s,
        &[
            Action::Bottom,
            Action::MoveUp,
            Action::MarkA,
            Action::MoveDown,
            Action::MarkB,
            Action::Select,
        ],
    );
    let buf = render(&s, &Theme::default(), 120, 30);
    let text = screen(&buf);
    assert!(text.contains("irrefutable evidence"), "{text}");
    insta::assert_snapshot!("demo_pair", format!("{buf:?}"));
}

#[test]
fn quoted_speech_cycles_shown_dimmed_hidden() {
    let mut s = handmade_state(120, 24);
    let theme = Theme::default();
    let buf = render(&s, &theme, 120, 24);
    let (x, y) = find(&buf, "There were no losses");
    assert!(!buf[(x, y)].modifier.contains(Modifier::DIM));
    assert!(screen(&buf).contains("speech shown"), "{}", screen(&buf));

    press(&mut s, &[Action::ToggleVoice]);
    let buf = render(&s, &theme, 120, 24);
    let (x, y) = find(&buf, "There were no losses");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::DIM),
        "quoted speech dimmed"
    );
    let (x, y) = find(&buf, "published satellite");
    assert!(
        !buf[(x, y)].modifier.contains(Modifier::DIM),
        "the outlet's own words stay as they are"
    );

    press(&mut s, &[Action::ToggleVoice]);
    let text = screen(&render(&s, &theme, 120, 24));
    assert!(!text.contains("There were no losses"), "{text}");
    assert!(
        text.contains("[“…”] the ministry said"),
        "the attribution beside it names the speaker: {text}"
    );
    assert!(text.contains("published satellite images"), "{text}");
    assert!(text.contains("speech hidden"), "{text}");

    press(&mut s, &[Action::ToggleVoice]);
    let text = screen(&render(&s, &theme, 120, 24));
    assert!(text.contains("There were no losses"), "{text}");
}
