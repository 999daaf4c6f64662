//! End-to-end: the real binary in a pseudo-terminal — configuration files, signals, a terminal
//! that goes away, and standard streams that are not a terminal.
#![cfg(unix)]

use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

mod hostile;
mod pty;

use pty::*;

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
        .env("PARALLAX_LIBRARY", home.path().join("library"))
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
    cmd.env("PARALLAX_LIBRARY", home.path().join("library"));
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
fn stdin_not_a_terminal_still_reads_keys_from_the_terminal() {
    let mut s = Session::launch(Launch {
        stdin_null: true,
        ..Launch::default()
    });
    s.wait_for("5 articles");
    s.send("?");
    s.wait_for("quit");
    s.send("\x1b");
    s.quit_and_check_restored();
}

/// Names, sizes, permissions and modification times of everything under `dir`.
fn snapshot(dir: &std::path::Path) -> Vec<(String, u64, u32, std::time::SystemTime, Vec<u8>)> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&d)
            .expect("read dir")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for p in entries {
            let m = std::fs::symlink_metadata(&p).expect("metadata");
            let bytes = if m.is_file() {
                std::fs::read(&p).expect("read")
            } else {
                stack.push(p.clone());
                Vec::new()
            };
            out.push((
                p.display().to_string(),
                m.len(),
                m.permissions().mode(),
                m.modified().expect("mtime"),
                bytes,
            ));
        }
    }
    out
}

#[test]
fn read_only_config_directory_is_read_and_never_written() {
    use std::os::unix::fs::PermissionsExt;
    let xdg = tempfile::tempdir().expect("temp dir");
    let dir = xdg.path().join("parallax");
    std::fs::create_dir(&dir).expect("mkdir");
    let file = dir.join("config.toml");
    std::fs::write(&file, "[keys]\nquit = [\"q\", \"Q\"]\n").expect("write config");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let before = snapshot(xdg.path());
    let home = xdg.path().to_string_lossy().to_string();
    let mut s = Session::start(&[("XDG_CONFIG_HOME", home.as_str()), ("PARALLAX_CONFIG", "")]);
    s.wait_for("5 articles");
    // `Q` quits only through the binding in the read-only file.
    s.send("Q");
    assert!(s.wait_exit().success());
    assert!(s.terminal_is_cooked());
    assert_eq!(before, snapshot(xdg.path()), "the config directory changed");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
}

#[test]
fn missing_config_directory_means_defaults_and_nothing_created() {
    let xdg = tempfile::tempdir().expect("temp dir");
    let missing = xdg.path().join("no").join("such").join("dir");
    let home = missing.to_string_lossy().to_string();
    let mut s = Session::start(&[("XDG_CONFIG_HOME", home.as_str()), ("PARALLAX_CONFIG", "")]);
    s.wait_for("5 articles");
    assert!(!s.screen().contains("config:"), "no config error shown");
    s.quit_and_check_restored();
    assert!(!xdg.path().join("no").exists(), "no directory was created");
}

#[test]
fn config_that_is_a_directory_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cfg = dir.path().join("config.toml");
    std::fs::create_dir(&cfg).expect("mkdir");
    let cfg = cfg.to_string_lossy().to_string();
    let mut s = Session::start(&[("PARALLAX_CONFIG", cfg.as_str())]);
    s.wait_for("is a directory, not a file");
    s.wait_for("5 articles");
    s.quit_and_check_restored();
}

#[test]
fn unknown_and_malformed_config_entries_are_reported_with_their_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "mouse = true\ncolour = \"red\"\n").expect("write");
    let shown = cfg.to_string_lossy().to_string();
    let mut s = Session::start(&[("PARALLAX_CONFIG", shown.as_str())]);
    s.wait_for("config: unknown field `colour`");
    s.quit_and_check_restored();
    // The full message, with the line, is on the normal screen once the reader has left.
    assert!(s.screen().contains("line 2"), "{}", s.screen());
    let before = std::fs::read(&cfg).expect("read");

    std::fs::write(&cfg, "[keys\nquit = \"q\"\n").expect("write");
    let mut s = Session::start(&[("PARALLAX_CONFIG", shown.as_str())]);
    s.wait_for("config: unclosed table");
    s.wait_for("5 articles");
    s.quit_and_check_restored();
    assert!(s.screen().contains("line 1"), "{}", s.screen());
    assert_eq!(std::fs::read(&cfg).expect("read"), b"[keys\nquit = \"q\"\n");
    assert_ne!(before, b"[keys\nquit = \"q\"\n");
}
