//! Finding the Go files a run covers: the named files, and the `.go` files under the
//! named folders that a Go engineer would call source.
//!
//! Folders are walked in parallel with the `ignore` crate, which honours .gitignore,
//! .ignore and hidden folders. The `vendor` and `testdata` folders are skipped, as the go
//! command skips them. The result is sorted, so output never depends on thread timing.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::{WalkBuilder, WalkState};

/// A file to check, and whether the user named it on the command line.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Target {
    pub path: PathBuf,
    pub named: bool,
}

/// The outcome of a walk: files to check, and paths that could not be read.
#[derive(Default)]
pub struct Walk {
    pub targets: Vec<Target>,
    pub errors: Vec<String>,
}

/// Turns `./...` and `dir/...` into the folder they name.
pub fn normalize_argument(argument: &Path) -> PathBuf {
    let text = argument.to_string_lossy();
    if text == "..." {
        return PathBuf::from(".");
    }
    match text.strip_suffix("/...") {
        Some("") => PathBuf::from("/"),
        Some(folder) => PathBuf::from(folder),
        None => argument.to_path_buf(),
    }
}

/// Collects the Go files under `paths`, sorted by path.
pub fn collect(paths: &[PathBuf], threads: usize) -> Walk {
    let found = Mutex::new(Walk::default());

    for path in paths {
        let path = normalize_argument(path);
        match std::fs::metadata(&path) {
            Err(error) => found.lock().unwrap().errors.push(format!("{}: {error}", path.display())),
            Ok(metadata) if metadata.is_file() => {
                found.lock().unwrap().targets.push(Target { path: path.clone(), named: true });
            }
            Ok(_) => walk_folder(&path, threads, &found),
        }
    }

    let mut walk = found.into_inner().unwrap();
    walk.targets.sort();
    walk.targets.dedup_by(|later, earlier| {
        if later.path == earlier.path {
            earlier.named |= later.named;
            true
        } else {
            false
        }
    });
    walk.errors.sort();
    walk
}

fn walk_folder(root: &Path, threads: usize, found: &Mutex<Walk>) {
    let mut builder = WalkBuilder::new(root);
    builder
        .threads(threads)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .require_git(false)
        .follow_links(false)
        .filter_entry(|entry| {
            let is_folder = entry.file_type().is_some_and(|kind| kind.is_dir());
            !(is_folder && entry.depth() > 0 && is_skipped_folder(entry.file_name()))
        });

    builder.build_parallel().run(|| {
        Box::new(|entry| {
            match entry {
                Err(error) => found.lock().unwrap().errors.push(error.to_string()),
                Ok(entry) => {
                    let is_file = entry.file_type().is_some_and(|kind| kind.is_file());
                    if is_file && is_go_file(entry.path()) {
                        found.lock().unwrap().targets.push(Target { path: entry.into_path(), named: false });
                    }
                }
            }
            WalkState::Continue
        })
    });
}

fn is_skipped_folder(name: &std::ffi::OsStr) -> bool {
    name == "vendor" || name == "testdata"
}

pub fn is_go_file(path: &Path) -> bool {
    path.extension().is_some_and(|extension| extension == "go")
}

/// Reports whether a path lies under a folder the walk skips (`vendor`, `testdata`, a
/// hidden folder), for files named explicitly and for `--stdin-filename`.
pub fn is_in_skipped_folder(path: &Path) -> bool {
    let Some(parent) = path.parent() else { return false };
    parent.components().any(|component| {
        let name = component.as_os_str();
        let hidden = name.to_string_lossy().starts_with('.') && name != "." && name != "..";
        hidden || is_skipped_folder(name)
    })
}

/// Reports whether a .gitignore file in a folder above `path` ignores it, for files
/// named explicitly with `--force-exclude` and for `--stdin-filename`. The nearest
/// .gitignore with a matching pattern decides, and the search stops at the top of the
/// git checkout.
pub fn is_gitignored(path: &Path) -> bool {
    let absolute = match std::path::absolute(path) {
        Ok(absolute) => absolute,
        Err(_) => return false,
    };
    for folder in absolute.ancestors().skip(1) {
        let gitignore_file = folder.join(".gitignore");
        if gitignore_file.is_file() {
            let (matcher, _) = ignore::gitignore::Gitignore::new(&gitignore_file);
            let decision = matcher.matched_path_or_any_parents(&absolute, false);
            if decision.is_ignore() {
                return true;
            }
            if decision.is_whitelist() {
                return false;
            }
        }
        if folder.join(".git").exists() {
            break;
        }
    }
    false
}

/// Reports whether the file carries the standard `// Code generated ... DO NOT EDIT.`
/// line before its package clause.
pub fn is_generated(text: &[u8]) -> bool {
    for line in text.split(|byte| *byte == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.starts_with(b"package ") {
            return false;
        }
        if line.starts_with(b"// Code generated ") && line.ends_with(b" DO NOT EDIT.") {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_line_before_package() {
        assert!(is_generated(b"// Code generated by stringer; DO NOT EDIT.\r\n\npackage p\n"));
        assert!(!is_generated(b"package p\n\n// Code generated by hand; DO NOT EDIT.\n"));
    }

    #[test]
    fn dots_argument_names_folder() {
        assert_eq!(normalize_argument(Path::new("./...")), PathBuf::from("."));
        assert_eq!(normalize_argument(Path::new("pkg/...")), PathBuf::from("pkg"));
    }

    #[test]
    fn skipped_folders_in_path() {
        assert!(is_in_skipped_folder(Path::new("a/vendor/b/x.go")));
        assert!(is_in_skipped_folder(Path::new(".git/x.go")));
        assert!(!is_in_skipped_folder(Path::new("./pkg/x.go")));
        assert!(!is_in_skipped_folder(Path::new("../pkg/x.go")));
    }
}
