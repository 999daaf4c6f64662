//! A pseudo-terminal session of the real binary, its screen parsed with `vt100`: shared by
//! the end-to-end tests of the reader.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use crate::hostile;

pub const ROWS: u16 = 30;
pub const COLS: u16 = 110;
pub const DEADLINE: Duration = Duration::from_secs(30);

pub struct Session {
    pub master: Box<dyn MasterPty + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    pub writer: Box<dyn Write + Send>,
    pub output: mpsc::Receiver<Vec<u8>>,
    pub parser: vt100::Parser<hostile::Requests>,
    pub raw: Vec<u8>,
    /// Output not yet handed to `parser` (an incomplete character).
    pub pending: Vec<u8>,
    pub _home: tempfile::TempDir,
}

/// How to start the reader in [`Session::launch`].
pub struct Launch<'a> {
    pub rows: u16,
    pub cols: u16,
    pub args: &'a [&'a str],
    pub env: &'a [(&'a str, &'a str)],
    /// Give the reader `/dev/null` as standard input (through `sh -c 'exec … </dev/null'`).
    pub stdin_null: bool,
    /// Give the reader this file as standard input.
    pub stdin_from: Option<&'a std::path::Path>,
    /// The working directory, when not the test's.
    pub cwd: Option<&'a std::path::Path>,
}

impl Default for Launch<'_> {
    fn default() -> Self {
        Launch {
            rows: ROWS,
            cols: COLS,
            args: &[],
            env: &[],
            stdin_null: false,
            stdin_from: None,
            cwd: None,
        }
    }
}

impl Session {
    pub fn start(extra_env: &[(&str, &str)]) -> Session {
        Session::launch(Launch {
            env: extra_env,
            ..Launch::default()
        })
    }

    pub fn launch(how: Launch<'_>) -> Session {
        let home = tempfile::tempdir().expect("temp dir");
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: how.rows,
                cols: how.cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let mut cmd = if let Some(file) = how.stdin_from {
            let mut c = CommandBuilder::new("sh");
            c.arg("-c");
            c.arg("exec \"$0\" \"$@\" <\"$PARALLAX_TEST_STDIN\"");
            c.arg(env!("CARGO_BIN_EXE_parallax"));
            c.env("PARALLAX_TEST_STDIN", file);
            c
        } else if how.stdin_null {
            let mut c = CommandBuilder::new("sh");
            c.arg("-c");
            c.arg("exec \"$0\" \"$@\" </dev/null");
            c.arg(env!("CARGO_BIN_EXE_parallax"));
            c
        } else {
            CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"))
        };
        for a in how.args {
            cmd.arg(a);
        }
        let extra_env = how.env;
        if let Some(dir) = how.cwd {
            cmd.cwd(dir);
        }
        cmd.env("HOME", home.path());
        cmd.env("XDG_CONFIG_HOME", home.path());
        cmd.env("PARALLAX_CONFIG", home.path().join("config.toml"));
        cmd.env("PARALLAX_LIBRARY", home.path().join("library"));
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
            parser: hostile::terminal(how.rows, how.cols),
            raw: Vec::new(),
            pending: Vec::new(),
            _home: home,
        }
    }

    /// Hand output to the terminal model. `vt100` skips U+FFFD (to it, the mark of an
    /// undecodable byte) without moving the cursor, where a real terminal draws it in one
    /// cell; the reader prints it where it removed an escape sequence, so it is drawn here as
    /// U+FFFC, another one-cell character of the same length.
    pub fn feed(&mut self, bytes: &[u8]) {
        self.raw.extend_from_slice(bytes);
        self.pending.extend_from_slice(bytes);
        // Keep a possibly split U+FFFD for the next chunk.
        let keep = if self.pending.ends_with(&[0xef, 0xbf]) {
            2
        } else if self.pending.ends_with(&[0xef]) {
            1
        } else {
            0
        };
        let upto = self.pending.len() - keep;
        let mut chunk: Vec<u8> = self.pending.drain(..upto).collect();
        let mut i = 0;
        while i + 3 <= chunk.len() {
            if chunk[i..i + 3] == [0xef, 0xbf, 0xbd] {
                chunk[i + 2] = 0xbc;
                i += 3;
            } else {
                i += 1;
            }
        }
        self.parser.process(&chunk);
    }

    pub fn pump(&mut self, wait: Duration) -> bool {
        match self.output.recv_timeout(wait) {
            Ok(bytes) => {
                self.feed(&bytes);
                true
            }
            Err(_) => false,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Wait until the screen contains `text`.
    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text));
    }

    /// Wait until the screen satisfies `ok`.
    pub fn wait_until(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
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

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Wait for the process to exit, collecting the rest of its output.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Read everything it wrote: the reader ends when the pty reports end of output.
                let drain = Instant::now();
                loop {
                    match self.output.recv_timeout(Duration::from_millis(100)) {
                        Ok(bytes) => {
                            self.feed(&bytes);
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
            assert!(
                start.elapsed() < DEADLINE,
                "parallax did not exit; the screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    /// Resize the terminal and the parser that reads it.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        self.parser.set_size(nz(rows), nz(cols));
    }

    /// Quit with `q` and check that the terminal was restored.
    pub fn quit_and_check_restored(&mut self) {
        self.send("q");
        let status = self.wait_exit();
        assert!(status.success(), "exit status {status:?}");
        assert!(
            position(&self.raw, b"\x1b[?1049l").is_some(),
            "left the alternate screen"
        );
        assert!(position(&self.raw, b"\x1b[?25h").is_some(), "cursor shown");
        assert!(self.terminal_is_cooked(), "raw mode is off");
    }

    pub fn terminal_is_cooked(&self) -> bool {
        let fd = self.master.as_raw_fd().expect("pty fd");
        // SAFETY: tcgetattr only writes the termios struct we own.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            assert_eq!(libc::tcgetattr(fd, &mut t), 0);
            t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0
        }
    }
}

pub fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("non-zero size")
}

pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

pub fn position(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}
