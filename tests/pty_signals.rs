//! End-to-end: every signal that ends or stops the reader leaves the terminal as it found it
//! (main screen, cursor shown, mouse released, cooked mode), and the reader redraws its whole
//! screen when continued.
#![cfg(unix)]

use std::time::Duration;

mod hostile;
mod pty;

use pty::*;

fn signal(s: &Session, sig: libc::c_int) {
    let pid = s.child.process_id().expect("pid") as libc::pid_t;
    // SAFETY: sending a signal to the child we spawned.
    assert_eq!(unsafe { libc::kill(pid, sig) }, 0);
}

fn assert_restored(s: &Session, what: &str) {
    let raw = &s.raw;
    let entered = position(raw, b"\x1b[?1049h").expect("entered the alternate screen");
    let left = position(raw, b"\x1b[?1049l").unwrap_or(0);
    assert!(left > entered, "{what}: left the alternate screen");
    assert!(
        position(raw, b"\x1b[?25h").unwrap_or(0) > entered,
        "{what}: cursor shown"
    );
    assert!(
        position(raw, b"\x1b[?1000l").unwrap_or(0) > entered,
        "{what}: mouse released"
    );
    assert!(s.terminal_is_cooked(), "{what}: raw mode is off");
}

#[test]
fn signals_that_end_the_program_restore_the_terminal_first() {
    for sig in [libc::SIGUSR1, libc::SIGUSR2, libc::SIGALRM, libc::SIGVTALRM] {
        let mut s = Session::start(&[]);
        s.wait_for("5 articles");
        signal(&s, sig);
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), 128 + sig as u32, "signal {sig}");
        assert_restored(&s, &format!("signal {sig}"));
    }
}

#[test]
fn an_abort_restores_the_terminal_from_the_signal_handler() {
    let mut s = Session::start(&[]);
    s.wait_for("5 articles");
    signal(&s, libc::SIGABRT);
    let status = s.wait_exit();
    assert!(!status.success());
    assert_restored(&s, "SIGABRT");
}

/// State of the child process from /proc: `T` when stopped.
fn state(s: &Session) -> Option<char> {
    let pid = s.child.process_id()?;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(") ")?.1.chars().next()
}

fn wait_state(s: &mut Session, want: char) {
    let start = std::time::Instant::now();
    while state(s) != Some(want) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "process state {:?}, waiting for {want}",
            state(s)
        );
        s.pump(Duration::from_millis(50));
    }
}

#[test]
#[cfg(target_os = "linux")]
fn a_stop_gives_the_terminal_back_and_a_continue_redraws_the_screen() {
    for how in ["signal", "ctrl-z"] {
        let mut s = Session::start(&[]);
        s.wait_for("5 articles");
        if how == "signal" {
            signal(&s, libc::SIGTSTP);
        } else {
            s.send("\x1a");
        }
        wait_state(&mut s, 'T');
        // The stopped reader writes nothing more: read all it wrote before stopping (it may
        // arrive in several chunks on a busy machine).
        while s.pump(Duration::from_millis(300)) {}
        assert_restored(&s, how);
        // Something else draws over the screen while the reader is stopped.
        s.feed(b"\x1b[2J\x1b[Hshell prompt $ ");
        assert!(!s.screen().contains("5 articles"));
        let before = s.raw.len();
        signal(&s, libc::SIGCONT);
        s.wait_for("5 articles");
        assert!(
            s.raw[before..].windows(8).any(|w| w == b"\x1b[?1049h"),
            "{how}: back on the alternate screen"
        );
        assert!(!s.terminal_is_cooked(), "{how}: raw mode again");
        s.quit_and_check_restored();
    }
}
