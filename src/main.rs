//! The `parallax` command: parse the arguments, run, map failures to exit codes (0 ok, 1 nothing
//! could be loaded or a runtime failure, 2 usage errors).

mod cli;
mod heap;

use std::process::ExitCode;

use clap::Parser;
use parallax::text::sanitize::{sanitize, sanitize_line};

fn main() -> ExitCode {
    heap::prepare();
    install_panic_hook();
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(e) => return usage_error(e),
    };
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        // A signal ended the reader: the terminal is restored and the exit code says why.
        Err(e @ cli::CliError::Reader(parallax::tui::ReaderError::Signal(_))) => {
            ExitCode::from(e.exit_code())
        }
        Err(e) => {
            let code = e.exit_code();
            let msg = match &e {
                cli::CliError::Other(err) => format!("{err:#}"),
                other => other.to_string(),
            };
            eprintln!("parallax: {}", sanitize(&msg).trim_end());
            ExitCode::from(code)
        }
    }
}

/// Report a command-line error. clap's messages quote the arguments given, which may hold
/// escape sequences, so they are printed sanitised, as plain text; help and version (clap's
/// own text, nothing of the user's) keep clap's styling.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let code = e.exit_code();
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
    } else {
        let text = e.render().to_string();
        eprint!("{}", sanitize(&text));
        if !text.ends_with('\n') {
            eprintln!();
        }
    }
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

/// Panics are bugs: say so on one sanitised line (a panic message can quote input text), with
/// a backtrace when `RUST_BACKTRACE` asks for one. A panic while loading a file is already
/// reported as that file's skipped entry, so it stays quiet here.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        if parallax::corpus::walk::in_guarded_load() {
            return;
        }
        let msg = parallax::corpus::walk::panic_message(info.payload());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "parallax: internal error{at}: {}; this is a bug worth reporting",
            sanitize_line(&msg)
        );
        if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
            eprintln!("{}", std::backtrace::Backtrace::force_capture());
        }
    }));
}
