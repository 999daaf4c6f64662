//! End-to-end, the real binary in a pseudo-terminal: `parallax A B C` opens straight on the
//! story view (three outlets at 120×40, four at 200×50): outlet names, omissions, jumps with
//! their status, Enter opening the pair at the fact and Esc coming back, then the library.
#![cfg(unix)]

mod hostile;
mod pty;

use pty::*;

const BRIDGE: [&str; 3] = [
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/story/harbor-daily.md"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/story/valley-ledger.md"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/story/metro-watch.md"
    ),
];

const RIVER_POST: &str = "---\ntitle: Old Mill Bridge shut for months, city engineer says\n\
outlet: River Post\ndate: 2024-03-15\n---\n\n\
# Old Mill Bridge shut for months, city engineer says\n\n\
The city closed the Old Mill Bridge on Wednesday after state inspectors found cracks in two \
steel beams under its main span.\n\n\
City engineer Tomas Reyes said that repairs could take at least six months.\n\n\
Shop owners near the bridge said business had already dropped.\n";

#[test]
fn three_files_open_their_story_at_120_by_40() {
    let mut s = Session::launch(Launch {
        rows: 40,
        cols: 120,
        args: &BRIDGE,
        ..Launch::default()
    });
    s.wait_for("fact 1/");
    let screen = s.screen();
    for name in ["Harbor Daily", "The Valley Ledger", "Metro Watch"] {
        assert!(screen.contains(name), "{name}:\n{screen}");
    }
    assert!(screen.contains("Old Mill Bridge"), "{screen}");
    // The next fact an outlet leaves out: the status counts it, the panel says who.
    s.send("o");
    s.wait_for("facts an outlet leaves out 1 of");
    s.wait_for("— not reported —");
    assert!(s.screen().contains("it out"), "{}", s.screen());
    // j and k move one fact down and up.
    s.send("g");
    s.wait_for("fact 1/");
    s.send("j");
    s.wait_for("fact 2/");
    s.send("k");
    s.wait_for("fact 1/");
    // The next quotation, and who carries it.
    s.send("}");
    s.wait_for("quotations 1 of");
    s.wait_for("quoted by Harbor Daily, The Valley Ledger and Metro Watch");
    // Enter: the comparison of this outlet and the one beside it, at the quotation.
    s.send("\r");
    s.wait_for("back to the story");
    s.wait_for("row ");
    assert!(s.screen().contains("take a chance"), "{}", s.screen());
    s.send("\x1b");
    s.wait_until("the story again", |sc| {
        sc.contains("fact ") && sc.contains("Metro Watch") && !sc.contains("row ")
    });
    s.send("q");
    s.wait_for("3 articles");
    s.quit_and_check_restored();
}

#[test]
fn four_files_fit_side_by_side_at_200_by_50_and_scroll_sideways_when_narrow() {
    let dir = tempfile::tempdir().unwrap();
    let river = dir.path().join("river-post.md");
    std::fs::write(&river, RIVER_POST).unwrap();
    let mut args: Vec<&str> = BRIDGE.to_vec();
    args.push(river.to_str().unwrap());
    let mut s = Session::launch(Launch {
        rows: 50,
        cols: 200,
        args: &args,
        ..Launch::default()
    });
    s.wait_for("fact 1/");
    let header = s.screen().lines().nth(1).unwrap_or_default().to_string();
    for name in [
        "Harbor Daily",
        "The Valley Ledger",
        "Metro Watch",
        "River Post",
    ] {
        assert!(header.contains(name), "{name}: {header}");
    }
    s.wait_for("Tomas Reyes");
    // Narrower: three columns fit; → past the third scrolls the fourth into view.
    s.resize(40, 120);
    s.wait_until("a column scrolled out", |sc| {
        sc.lines()
            .nth(1)
            .is_some_and(|h| h.contains('▸') && !h.contains("River Post"))
    });
    s.send("\x1b[C\x1b[C\x1b[C");
    s.wait_until("River Post scrolled in", |sc| {
        sc.lines()
            .nth(1)
            .is_some_and(|h| h.contains("River Post") && h.contains('◂'))
    });
    s.send("q");
    s.wait_for("4 articles");
    s.quit_and_check_restored();
}
