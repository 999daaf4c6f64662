//! The `parallax` command: parse the arguments, run, map failures to exit codes (0 ok, 1 nothing
//! could be loaded or a runtime failure, 2 usage errors).

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
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
            eprintln!(
                "parallax: {}",
                parallax::text::sanitize::sanitize(&msg).trim_end()
            );
            ExitCode::from(code)
        }
    }
}
