use std::io::ErrorKind;
use std::process::ExitCode;

use clap::Parser;

use goleakfix::cli::Cli;
use goleakfix::run::{self, EXIT_ERROR};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let usage_error = error.use_stderr();
            let _ = error.print();
            return ExitCode::from(if usage_error { EXIT_ERROR } else { 0 });
        }
    };

    match run::run(cli) {
        Ok(status) => ExitCode::from(status),
        Err(error) => {
            // A reader that closed the pipe, as `goleakfix --dry-run | head` does, is not a failure.
            let broken_pipe = error
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io_error| io_error.kind() == ErrorKind::BrokenPipe);
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("goleakfix: {error:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}
