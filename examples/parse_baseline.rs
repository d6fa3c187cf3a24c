//! Measures the floor that goleakfix's speed is judged against: the time to read and
//! parse the same Go files with tree-sitter-go alone, on the same threads, with no rules.
//!
//! Run it with `cargo run --release --example parse_baseline -- PATH...` and compare with
//! `goleakfix --check PATH...` from the same release build.

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let threads = std::thread::available_parallelism().map_or(1, |count| count.get());

    let started = Instant::now();
    let walk = goleakfix::walk::collect(&paths, threads);
    let (bytes, errors) = walk
        .targets
        .par_iter()
        .map(|target| {
            let text = std::fs::read(&target.path).unwrap_or_default();
            let mut parser = tree_sitter::Parser::new();
            parser.set_language(&tree_sitter_go::LANGUAGE.into()).expect("the Go grammar loads");
            let tree = parser.parse(&text, None).expect("a parse without a timeout ends");
            (text.len(), usize::from(tree.root_node().has_error()))
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let seconds = started.elapsed().as_secs_f64();

    println!(
        "read and parsed {} files, {:.1} MB ({errors} with syntax errors) in {seconds:.2}s: {:.1} MB/s on {threads} threads",
        walk.targets.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / seconds
    );
}
