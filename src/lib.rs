//! goleakfix finds Go source shapes that leak goroutines or memory and rewrites them.
//!
//! It reads Go through tree-sitter-go, with no type checker and no build, so it runs on
//! any checkout. What it cannot prove from the syntax it leaves alone.

pub mod cli;
pub mod diff;
pub mod engine;
pub mod fix;
pub mod format;
pub mod gotext;
pub mod gomod;
pub mod package;
pub mod progress;
pub mod report;
pub mod rules;
pub mod run;
pub mod source;
pub mod syntax;
pub mod walk;
pub mod write;
