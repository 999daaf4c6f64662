//! End-to-end, the real binary in a pseudo-terminal: `parallax A B` opens straight on the
//! comparison (one of them read from standard input with `-`), search steps with n and
//! wraps, `'` goes back, `?` opens at the comparison's keys, and Esc shows the library of the
//! two articles with their ids.
#![cfg(unix)]

mod hostile;
mod pty;

use pty::*;

const A_TEXT: &str = "Harbour flooded after storm\n\nThe harbour flooded on Monday after the storm, officials said.\n\nThe mayor said the damage was severe and repairs would take weeks.\n";
const B_TEXT: &str = "Storm floods the harbour\n\nThe harbour flooded on Monday after the storm, officials claimed.\n\nFishermen said the damage was modest.\n";

#[test]
fn two_files_open_their_comparison_and_search_wraps_and_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("ledger.txt");
    let b = dir.path().join("times.txt");
    std::fs::write(&a, A_TEXT).unwrap();
    std::fs::write(&b, B_TEXT).unwrap();
    let a_arg = a.to_str().unwrap();
    let mut s = Session::launch(Launch {
        rows: 24,
        cols: 80,
        args: &[a_arg, "-"],
        stdin_from: Some(&b),
        ..Launch::default()
    });
    s.wait_for("row 1/");
    s.wait_until("both titles", |sc| {
        sc.contains("Harbour flooded after storm") && sc.contains("Storm floods the harbour")
    });
    s.send("/damage\r");
    s.wait_for("'damage': 2 matches");
    s.send("n");
    s.wait_for("match 2 of 2");
    s.send("n");
    s.wait_for("match 1 of 2 · wrapped round to the top");
    s.send("G");
    s.send("'");
    s.wait_for("back — ' back");
    s.send("?");
    s.wait_until("the help at the comparison's keys", |sc| {
        sc.contains("Comparison") && sc.contains("next shared quote") && !sc.contains("mark as A")
    });
    s.send("\x1b");
    // The first q (or Esc) clears the search's highlights, the second leaves.
    s.send("q");
    s.wait_for("search cleared");
    s.send("q");
    s.wait_until("the library of the two, with ids", |sc| {
        sc.contains("2 articles") && sc.contains("ledger") && sc.contains("stdin")
    });
    s.quit_and_check_restored();
}
