//! `compare`'s text on a terminal: coloured like the reader (`--color`), and paged through
//! `$PAGER` (`less -R` by default, with `LESS=FRX` unless set) when it is longer than the
//! screen, as `git diff` does. Never paged or coloured (under `auto`) when standard output is
//! not a terminal.

use std::io::{IsTerminal, Write};
use std::process::{Command, Stdio};

use clap::ValueEnum;

use super::{CliError, write_stdout};

/// When `compare --format text` uses colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set.
    #[default]
    Auto,
    /// Always, even into a pipe or a file.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour standard output.
    pub fn colour_stdout(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var("TERM").is_ok_and(|t| t != "dumb")
            }
        }
    }
}

/// The pager command: `$PAGER` split at whitespace, else `less -R`; `None` when `PAGER` is
/// empty or `cat` (paging switched off).
fn pager_command() -> Option<Vec<String>> {
    let pager = std::env::var("PAGER").unwrap_or_else(|_| "less -R".to_string());
    let words: Vec<String> = pager.split_whitespace().map(str::to_string).collect();
    match words.first().map(String::as_str) {
        None | Some("cat") => None,
        Some(_) => Some(words),
    }
}

/// Write `text` to standard output, through the pager when standard output is a terminal and
/// `text` has more lines than it. Falls back to writing directly when the pager cannot start.
pub fn write_paged(text: &str) -> Result<(), CliError> {
    let stdout = std::io::stdout();
    let rows = ratatui::crossterm::terminal::size().map_or(0, |(_, h)| h as usize);
    if !stdout.is_terminal() || rows == 0 || text.lines().count() < rows {
        return write_stdout(text);
    }
    let Some(words) = pager_command() else {
        return write_stdout(text);
    };
    let mut cmd = Command::new(&words[0]);
    cmd.args(&words[1..]).stdin(Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        cmd.env("LESS", "FRX");
    }
    let Ok(mut child) = cmd.spawn() else {
        return write_stdout(text);
    };
    if let Some(mut input) = child.stdin.take() {
        // The reader may quit the pager before reading everything: not an error.
        let _ = input.write_all(text.as_bytes());
    }
    let _ = child.wait();
    Ok(())
}
