//! End-to-end: the real binary in a pseudo-terminal, its screen parsed with `vt100`.
//!
//! Waits poll the output until the expected text appears, under a generous overall deadline.
#![cfg(unix)]

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 110;
const DEADLINE: Duration = Duration::from_secs(30);

struct Session {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: mpsc::Receiver<Vec<u8>>,
    parser: vt100::Parser,
    raw: Vec<u8>,
    _home: tempfile::TempDir,
}

impl Session {
    fn start(extra_env: &[(&str, &str)]) -> Session {
        Session::start_in(&[], None, extra_env)
    }

    /// Start parallax with `args`, in working directory `cwd` when given.
    fn start_in(
        args: &[&std::path::Path],
        cwd: Option<&std::path::Path>,
        extra_env: &[(&str, &str)],
    ) -> Session {
        let home = tempfile::tempdir().expect("temp dir");
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
        for a in args {
            cmd.arg(a);
        }
        if let Some(dir) = cwd {
            cmd.cwd(dir);
        }
        cmd.env("HOME", home.path());
        cmd.env("XDG_CONFIG_HOME", home.path());
        cmd.env("PARALLAX_CONFIG", home.path().join("config.toml"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (k, v) in extra_env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn parallax");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            master: pair.master,
            child,
            writer,
            output: rx,
            parser: vt100::Parser::new(nz(ROWS), nz(COLS), 0),
            raw: Vec::new(),
            _home: home,
        }
    }

    fn pump(&mut self, wait: Duration) -> bool {
        match self.output.recv_timeout(wait) {
            Ok(bytes) => {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
                true
            }
            Err(_) => false,
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Wait until the screen contains `text`.
    fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text));
    }

    /// Wait until the screen satisfies `ok`.
    fn wait_until(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while !ok(&self.screen()) {
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {what}; screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(100));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Wait for the process to exit, collecting the rest of its output.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Read everything it wrote: the reader ends when the pty reports end of output.
                let drain = Instant::now();
                loop {
                    match self.output.recv_timeout(Duration::from_millis(100)) {
                        Ok(bytes) => {
                            self.parser.process(&bytes);
                            self.raw.extend_from_slice(&bytes);
                        }
                        Err(mpsc::RecvTimeoutError::Disconnected) => break,
                        Err(mpsc::RecvTimeoutError::Timeout) => {
                            if drain.elapsed() > Duration::from_secs(5) {
                                break;
                            }
                        }
                    }
                }
                return status;
            }
            assert!(start.elapsed() < DEADLINE, "parallax did not exit");
            self.pump(Duration::from_millis(50));
        }
    }

    fn terminal_is_cooked(&self) -> bool {
        let fd = self.master.as_raw_fd().expect("pty fd");
        // SAFETY: tcgetattr only writes the termios struct we own.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            assert_eq!(libc::tcgetattr(fd, &mut t), 0);
            t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0
        }
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("non-zero size")
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn position(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

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
    s.send("n");
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
fn sigterm_restores_the_terminal_and_exits_143() {
    let mut s = Session::start(&[]);
    s.wait_for("5 articles");
    let pid = s.child.process_id().expect("pid") as libc::pid_t;
    // SAFETY: sending a signal to the child we spawned.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + libc::SIGTERM as u32);
    assert!(
        position(&s.raw, b"\x1b[?1049l").is_some(),
        "left the alternate screen"
    );
    assert!(position(&s.raw, b"\x1b[?25h").is_some(), "cursor shown");
    assert!(s.terminal_is_cooked(), "raw mode is off");
}

#[test]
fn a_bad_config_is_reported_and_defaults_apply() {
    let home = tempfile::tempdir().expect("temp");
    let cfg = home.path().join("bad.toml");
    std::fs::write(&cfg, "[keys]\nqiut = \"q\"\n").expect("write config");
    let cfg = cfg.to_string_lossy().to_string();
    let mut s = Session::start(&[("PARALLAX_CONFIG", cfg.as_str())]);
    s.wait_for("unknown action 'qiut'");
    s.wait_for("line 2");
    s.send("q");
    assert!(s.wait_exit().success(), "q still quits");
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
fn dumb_terminal_gets_a_clear_message_and_exit_2() {
    let mut s = Session::start(&[("TERM", "dumb")]);
    s.wait_for("TERM=dumb cannot show the interactive reader");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2);
    assert!(
        !contains(&s.raw, b"\x1b[?1049h"),
        "never entered the alternate screen"
    );
}

#[test]
fn stdout_not_a_terminal_points_to_the_script_commands() {
    let home = tempfile::tempdir().expect("temp");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env("PARALLAX_CONFIG", home.path().join("config.toml"))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run parallax");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("parallax: stdout is not a terminal; use `parallax list` or `parallax compare A B --format text|json|markdown` for scripts"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "no escape sequences on a pipe");
}

#[test]
fn closing_the_terminal_ends_the_reader() {
    let home = tempfile::tempdir().expect("temp dir");
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.env("HOME", home.path());
    cmd.env("XDG_CONFIG_HOME", home.path());
    cmd.env("PARALLAX_CONFIG", home.path().join("config.toml"));
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).expect("spawn parallax");
    drop(pair.slave);
    // Read until the library is on screen, then let go of every handle on the terminal, as a
    // terminal window being closed does.
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let started = std::thread::spawn(move || {
        let mut parser = vt100::Parser::new(nz(ROWS), nz(COLS), 0);
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                return false;
            }
            parser.process(&buf[..n]);
            if parser.screen().contents().contains("5 articles") {
                return true;
            }
        }
        false
    });
    assert!(
        started.join().expect("reader thread"),
        "the reader never started"
    );
    drop(pair.master);
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            assert!(!status.success(), "a hang-up is not a normal quit");
            break;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("parallax kept running after its terminal was closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn saved_pages_and_feeds_compare_and_export_to_an_html_file() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out = tempfile::tempdir().expect("temp dir");
    let mut s = Session::start_in(
        &[&fixtures.join("web"), &fixtures.join("feeds")],
        Some(out.path()),
        &[],
    );
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
