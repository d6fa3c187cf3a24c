//! The command line: options, subcommands and their help text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "goleakfix",
    version,
    about = "Find Go code that leaks goroutines or memory, and rewrite it.",
    long_about = "Find Go code that leaks goroutines or memory, and rewrite it.\n\n\
        Safe fixes are written in place by default. Findings without an applied fix are \
        printed as file:line:col: rule: message.\n\n\
        Exit status: 0 when nothing is left to do, 1 when findings or pending fixes remain, \
        2 on a usage error, an unreadable or unwritable file, or an internal error.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files or folders to check; `./...` means the current folder and everything below
    /// it. Use `-` to read one file from standard input. A folder named like a subcommand
    /// is given as `./rules`.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Write nothing; print the changes a run would write as a unified diff that
    /// `git apply` accepts.
    #[arg(long, visible_alias = "diff")]
    pub dry_run: bool,

    /// Write nothing; exit with 1 when any finding remains or any fix is pending.
    #[arg(long)]
    pub check: bool,

    /// Also apply fixes that remove the leak but can change behaviour (with --dry-run,
    /// also show them).
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Run only these rules (comma-separated rule ids; see `goleakfix rules`).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Vec<String>,

    /// Skip these rules (comma-separated rule ids).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,

    /// Output format of findings: text lines, one JSON document, SARIF 2.1.0, or GitHub
    /// Actions annotations.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// The path of the buffer read from standard input with `-`; it decides the Go
    /// version (nearest go.mod) and whether the file is excluded.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,

    /// The Go language version to assume, such as 1.22, instead of the nearest go.mod's
    /// `go` line.
    #[arg(long, value_name = "1.N")]
    pub go_version: Option<String>,

    /// Number of files checked in parallel (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,

    /// Skip vendored, testdata, hidden, ignored and generated files even when they are
    /// named on the command line.
    #[arg(long)]
    pub force_exclude: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List the rules: id, summary, fix safety and the Go versions each applies to.
    Rules,
    /// Print the documentation of one rule.
    Explain {
        /// The rule id, such as abandoned-send.
        rule: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Sarif,
    Github,
}
