//! End-to-end: the real binary in a pseudo-terminal, its screen parsed with `vt100` — picking,
//! reading, jumping, exporting, addresses, hostile text and terminal sizes. Configuration,
//! streams and closing the terminal are in `pty_setup.rs`, signals in `pty_signals.rs`.
#![cfg(unix)]

use std::time::Duration;

use portable_pty::PtySize;

mod hostile;
mod http_server;
mod pty;

use pty::*;

/// What the status line must say after `n`, computed from the library the binary loads.
fn expected_after_next_quote(a: usize, b: usize) -> String {
    let lib = parallax::corpus::demo();
    let cmp = parallax::compare::compare(
        &lib.articles[a],
        &lib.articles[b],
        &parallax::compare::Options::default(),
    );
    match cmp.shared_quotes.len() {
        0 => "no shared quotes in this comparison".to_string(),
        n => format!("shared quotes 1 of {n}"),
    }
}

#[test]
fn pick_two_articles_jump_to_a_quote_and_quit_restoring_the_terminal() {
    let lib = parallax::corpus::demo();
    let a = lib
        .articles
        .iter()
        .position(|x| x.outlet.as_deref() == Some("Meduza"))
        .expect("the demo has a Meduza article");
    let b = lib.articles.len() - 1;
    assert_ne!(a, b);
    let b_title: String = lib.articles[b].title.chars().take(30).collect();

    let mut s = Session::start(&[]);
    s.wait_for("5 articles");
    s.send("/");
    s.wait_for("filter:");
    s.send("meduza");
    s.wait_for("1 of 5");
    s.send("\r");
    s.wait_for("1 article matches");
    s.send("a");
    s.wait_for(" A  Meduza");
    // Esc clears the filter; G moves to the last article; b marks it.
    s.send("\x1b");
    s.wait_for("The Duran");
    s.send("G");
    s.send("b");
    s.wait_for(" B  ");
    s.send("\r");
    s.wait_for(&b_title);
    s.wait_for("row 1/");
    s.send("}");
    let expected = expected_after_next_quote(a, b);
    s.wait_for(&expected);
    s.send("q");
    s.wait_until("the library screen", |sc| {
        sc.contains("5 articles") && sc.contains("q quit") && !sc.contains("row 1/")
    });
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");

    // Terminal restored: alternate screen left, cursor shown, mouse released, cooked mode.
    let raw = s.raw.clone();
    assert!(
        contains(&raw, b"\x1b[?1049h"),
        "entered the alternate screen"
    );
    let left = position(&raw, b"\x1b[?1049l").expect("left the alternate screen");
    let shown = position(&raw, b"\x1b[?25h").expect("cursor shown again");
    let entered = position(&raw, b"\x1b[?1049h").unwrap_or(0);
    assert!(left > entered && shown > entered);
    assert!(contains(&raw, b"\x1b[?1000l"), "mouse capture released");
    assert!(s.terminal_is_cooked(), "raw mode is off");
}

#[test]
fn tiny_terminal_gets_a_message_not_a_garbled_screen() {
    let mut s = Session::start(&[]);
    s.wait_for("5 articles");
    s.master
        .resize(PtySize {
            rows: 10,
            cols: 40,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("resize");
    s.parser.set_size(nz(10), nz(40));
    s.wait_for("terminal too small");
    s.master
        .resize(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("resize back");
    s.parser.set_size(nz(ROWS), nz(COLS));
    s.wait_for("5 articles");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn saved_pages_and_feeds_compare_and_export_to_an_html_file() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out = tempfile::tempdir().expect("temp dir");
    let (web, feeds) = (fixtures.join("web"), fixtures.join("feeds"));
    let args = [
        web.to_str().expect("utf-8 path"),
        feeds.to_str().expect("utf-8 path"),
    ];
    let mut s = Session::launch(Launch {
        args: &args,
        cwd: Some(out.path()),
        ..Launch::default()
    });
    // Two pages and four feed entries load; the page without an article, the sitemap and three
    // entries without content are counted as skipped.
    s.wait_for("6 articles");
    s.wait_for("5 files skipped");
    s.send("/");
    s.send("duran");
    s.send("\r");
    s.send("a");
    s.wait_for(" A  The Duran");
    s.send("\x1b");
    s.send("/");
    s.send("syria desk hoax");
    s.send("\r");
    s.send("b");
    s.wait_for(" B  Syria Desk");
    s.send("\r");
    s.wait_for("row 1/");
    s.send("e");
    s.wait_for("exported to ");
    let name = "parallax-duran-doubles-down-vs-syria-desk-1.html";
    let page = std::fs::read_to_string(out.path().join(name)).expect("the exported file");
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains("The Duran"));
    assert!(page.contains("Syria Desk — World News Wire"));
    s.wait_for(name);
    s.send("q");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

/// Mark the first two articles of the library as A and B and open their comparison.
fn open_first_two(s: &mut Session) {
    s.send("g");
    s.send("a");
    s.wait_for(" A  ");
    s.send("j");
    s.send("b");
    s.wait_for(" B  ");
    s.send("\r");
    s.wait_for("row 1/");
}

/// The three gutter columns between the panes hold only gutter marks on every body row: no
/// article text (wide, combining or otherwise) spills into them, so the panes line up.
fn assert_gutter_aligned(s: &Session, cols: u16) {
    let screen = s.parser.screen();
    let (rows, _) = screen.size();
    let gutter = (cols - 3) / 2;
    let allowed = ["", " ", "‹", "›", "═", "⇄", "◀", "▶", "·", "│"];
    let mut marks = 0;
    for row in 3..rows.get().saturating_sub(1) {
        for col in gutter..gutter + 3 {
            let cell = screen.cell(row, col).expect("cell in range");
            let c = cell.contents();
            assert!(
                allowed.contains(&c) && !cell.is_wide_continuation(),
                "row {row} col {col} holds {c:?} inside the gutter; screen:\n{}",
                screen.contents()
            );
            if col == gutter + 1 && !matches!(c, "" | " ") {
                marks += 1;
            }
        }
    }
    assert!(
        marks > 0,
        "no gutter marks at column {}; screen:\n{}",
        gutter + 1,
        screen.contents()
    );
}

/// True when the terminal was asked to set its title or icon, touch the clipboard or ring.
fn asked_for_more_than_drawing(s: &Session) -> Vec<String> {
    s.parser
        .callbacks()
        .seen
        .iter()
        .filter(|r| {
            r.starts_with("window title")
                || r.starts_with("icon name")
                || r.starts_with("clipboard")
                || r.contains("bell")
        })
        .cloned()
        .collect()
}

#[test]
fn hostile_articles_leave_title_clipboard_and_panes_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let all = hostile::cases();
    let get = |name: &str| {
        all.iter()
            .find(|c| c.name == name)
            .map(|c| c.text.clone())
            .expect("case")
    };
    let escapes = [
        "csi",
        "osc-title-bel",
        "osc-title-st",
        "osc-icon",
        "osc52-clipboard",
        "osc52-paste",
        "osc8-link",
        "dcs",
        "c1-8bit",
        "esc-reset",
        "bidi-override",
        "c0",
    ]
    .map(get)
    .join(" ")
    .replace('\0', "");
    let wide = [
        "cjk",
        "emoji",
        "wide-mixed",
        "combining",
        "rtl",
        "zero-width",
    ]
    .map(get);
    // Article 1: wide text in title and body; article 2: escapes everywhere. Both share a
    // sentence so the comparison has aligned rows.
    let shared =
        "The Defence Ministry said on Monday that no soldiers were killed in the province.";
    std::fs::write(
        dir.path().join("1 wide.txt"),
        format!(
            "{} {}\n\n{shared}\n\n{}\n\n{}\n\n{}\n",
            wide[0],
            wide[1],
            wide.join(" "),
            wide[2].repeat(8),
            wide[0].repeat(6)
        ),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("2 escapes.txt"),
        format!(
            "{escapes}\n\n{shared}\n\n{escapes}\n\n{}\n",
            wide[3].repeat(5)
        ),
    )
    .expect("write");
    let bad_name = dir.path().join("3 \x1b]0;PWNED-TITLE\x07\x1b[2J.rtf");
    std::fs::write(&bad_name, "x").expect("write");
    let path = dir.path().to_string_lossy().to_string();
    let mut s = Session::launch(Launch {
        args: &[&path],
        ..Launch::default()
    });
    s.wait_for("2 articles");
    // The skipped file, with its hostile name, in the `!` popup.
    s.send("!");
    s.wait_for("unsupported file type");
    s.send("\x1b");
    open_first_two(&mut s);
    assert_gutter_aligned(&s, COLS);
    for _ in 0..4 {
        s.send(" ");
        s.send("\x04");
        s.pump(Duration::from_millis(200));
        assert_gutter_aligned(&s, COLS);
    }
    s.send("x");
    s.wait_for(" A  clear");
    s.wait_for("row 1/");
    s.pump(Duration::from_millis(300));
    assert_gutter_aligned(&s, COLS);
    assert!(
        !s.screen().contains("PWNED"),
        "an escape sequence's payload reached the screen:\n{}",
        s.screen()
    );
    s.send("q");
    s.wait_for("2 articles");
    s.quit_and_check_restored();
    let asked = asked_for_more_than_drawing(&s);
    assert!(asked.is_empty(), "the terminal was asked for {asked:?}");
    for (seq, what) in [
        (&b"\x1b]"[..], "OSC"),
        (b"\x1bP", "DCS"),
        (b"\x1b_", "APC"),
        (b"\xc2\x9b", "8-bit CSI"),
        (b"\xc2\x9d", "8-bit OSC"),
        (b"\xe2\x80\xae", "bidi override"),
    ] {
        assert!(!contains(&s.raw, seq), "the reader wrote an {what}");
    }
}

#[test]
fn one_by_one_terminal_survives_and_recovers() {
    let mut s = Session::launch(Launch {
        rows: 1,
        cols: 1,
        ..Launch::default()
    });
    s.wait_until("something drawn", |sc| !sc.trim().is_empty());
    // Keys at 1×1 do nothing harmful.
    s.send("jkG/x\x1b");
    s.pump(Duration::from_millis(300));
    assert!(
        s.child.try_wait().expect("try_wait").is_none(),
        "still running"
    );
    s.resize(2, 3);
    s.pump(Duration::from_millis(200));
    s.resize(ROWS, COLS);
    s.wait_for("5 articles");
    s.quit_and_check_restored();
}

#[test]
fn very_wide_terminal_keeps_the_panes_aligned() {
    const WIDE: u16 = 600;
    let mut s = Session::launch(Launch {
        rows: 50,
        cols: WIDE,
        ..Launch::default()
    });
    s.wait_for("5 articles");
    open_first_two(&mut s);
    assert_gutter_aligned(&s, WIDE);
    s.send("q");
    s.wait_for("5 articles");
    s.quit_and_check_restored();
}

#[test]
fn a_key_typed_as_the_window_resizes_is_acted_on_at_once() {
    // A key and a resize reaching the reader together must both be handled: the key must not
    // wait for the next keystroke to be noticed.
    let mut s = Session::start(&[]);
    s.wait_for("5 articles");
    for i in 0..30u16 {
        s.resize(ROWS - (i % 2), COLS - (i % 3));
        s.send("?");
        s.wait_for("┌ Keys");
        s.resize(ROWS, COLS);
        s.send("?");
        s.wait_until("the help overlay closed", |sc| !sc.contains("┌ Keys"));
    }
    s.quit_and_check_restored();
}

#[test]
fn resize_storm_ends_on_a_correct_screen() {
    let mut s = Session::start(&[]);
    s.wait_for("5 articles");
    open_first_two(&mut s);
    let sizes = [
        (1, 1),
        (200, 400),
        (5, 20),
        (15, 60),
        (2, 1000),
        (14, 59),
        (100, 61),
        (1, 300),
        (40, 90),
        (3, 3),
    ];
    for i in 0..120 {
        let (r, c) = sizes[i % sizes.len()];
        s.resize(r, c);
        if i % 3 == 0 {
            s.send("j");
        }
        while s.pump(Duration::from_millis(1)) {}
    }
    s.resize(ROWS, COLS);
    s.wait_for("row ");
    s.wait_until("a full-size comparison", |sc| {
        sc.contains("row ") && !sc.contains("too small")
    });
    // The last frame settles at the final size with the gutter in place.
    s.pump(Duration::from_millis(400));
    assert_gutter_aligned(&s, COLS);
    s.send("q");
    s.wait_for("5 articles");
    s.quit_and_check_restored();
}

#[test]
fn addresses_typed_in_the_reader_are_fetched_added_and_there_when_it_opens_again() {
    let server = http_server::Server::start();
    let library = tempfile::tempdir().expect("temp dir");
    let lib_env = library.path().to_str().expect("UTF-8 path").to_string();
    let mut s = Session::start(&[("PARALLAX_LIBRARY", lib_env.as_str())]);
    // An empty library: the demo.
    s.wait_for("5 articles");
    s.send("o");
    s.wait_for("address:");
    // A typo in the middle, mended with ← and Backspace.
    let url = server.url("/a.html");
    let typo = url.replace("/a.html", "/aZ.html");
    s.send(&typo);
    s.send(&"\x1b[D".repeat(".html".len()));
    s.send("\x7f\r");
    s.wait_for("added “Russian Defense Ministry doubles down");
    s.wait_for("6 articles");
    // A slow answer: the spinner turns while the table stays usable.
    s.send("o");
    s.send(&server.url("/slow.html"));
    s.send("\r");
    s.wait_for("fetching 127.0.0.1");
    s.send("j");
    s.wait_for("added “Slow”");
    s.wait_for("7 articles");
    // One that fails says why, and the table keeps what it has.
    s.send("o");
    s.send(&server.url("/missing.html"));
    s.send("\r");
    s.wait_for("HTTP 404 Not Found");
    s.send("q");
    assert!(s.wait_exit().success());
    assert_eq!(server.hits("/a.html"), 1);

    // Opened again without arguments: the saved library, not the demo, and no fetching.
    let mut s = Session::start(&[("PARALLAX_LIBRARY", lib_env.as_str())]);
    s.wait_for("2 articles");
    s.wait_for("The Duran");
    s.quit_and_check_restored();
    assert_eq!(server.hits("/a.html"), 1);
    assert_eq!(server.hits("/slow.html"), 1);
}

#[test]
fn addresses_given_to_the_reader_open_with_the_failures_listed() {
    let server = http_server::Server::start();
    let (a, missing) = (server.url("/a.html"), server.url("/missing.html"));
    let mut s = Session::launch(Launch {
        args: &[a.as_str(), missing.as_str()],
        ..Launch::default()
    });
    s.wait_for("The Duran");
    s.wait_for("1 file skipped");
    s.send("!");
    s.wait_for("HTTP 404 Not Found");
    s.send("\x1b");
    s.quit_and_check_restored();
}
