//! The Go language version that applies to a file: the `go` line of the nearest go.mod.
//!
//! Lookups are cached per folder, so a walk over a large module reads each go.mod once.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Mutex;

/// A Go language version such as 1.22. Patch releases do not change the language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct GoVersion {
    pub major: u32,
    pub minor: u32,
}

impl GoVersion {
    /// The newest release this build supports, assumed when no go.mod or option sets one.
    pub const NEWEST: GoVersion = GoVersion { major: 1, minor: 26 };

    /// The version the go command assumes for a go.mod without a `go` line.
    pub const WITHOUT_GO_LINE: GoVersion = GoVersion { major: 1, minor: 16 };
}

impl fmt::Display for GoVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl FromStr for GoVersion {
    type Err = String;

    /// Parses `1.22`, `1.22.3`, `1.21rc1` or `go1.22`.
    fn from_str(value: &str) -> Result<GoVersion, String> {
        let invalid = || format!("invalid Go version {value:?}: expected a form like 1.22");
        let value = value.trim().trim_start_matches("go");
        let mut parts = value.splitn(3, '.');
        let major = parts.next().and_then(|part| part.parse().ok()).ok_or_else(invalid)?;
        let minor_text = parts.next().unwrap_or("0");
        let digits: String = minor_text.chars().take_while(|c| c.is_ascii_digit()).collect();
        let minor = digits.parse().map_err(|_| invalid())?;
        Ok(GoVersion { major, minor })
    }
}

/// Finds and caches the `go` line of the nearest go.mod for each folder.
#[derive(Default)]
pub struct GoModCache {
    by_folder: Mutex<HashMap<PathBuf, Option<GoVersion>>>,
}

impl GoModCache {
    /// Returns the version of the nearest go.mod at or above `folder`, or None without one.
    /// A go.mod without a `go` line means Go 1.16, as the go command reads it.
    pub fn version_for(&self, folder: &Path) -> Option<GoVersion> {
        if let Some(cached) = self.by_folder.lock().unwrap().get(folder) {
            return *cached;
        }

        let go_mod = folder.join("go.mod");
        let version = if go_mod.is_file() {
            std::fs::read_to_string(&go_mod)
                .ok()
                .map(|text| parse_go_line(&text).unwrap_or(GoVersion::WITHOUT_GO_LINE))
        } else {
            folder.parent().and_then(|parent| self.version_for(parent))
        };

        self.by_folder.lock().unwrap().insert(folder.to_path_buf(), version);
        version
    }
}

/// Reads the `go` directive of a go.mod file. The `toolchain` line does not set the
/// language version and is ignored.
pub fn parse_go_line(go_mod: &str) -> Option<GoVersion> {
    go_mod.lines().find_map(|line| {
        let line = line.split("//").next().unwrap_or("").trim();
        let version = line.strip_prefix("go")?;
        if !version.starts_with([' ', '\t']) {
            return None;
        }
        version.trim().parse().ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_line_ignores_toolchain() {
        let text = "module example.com/m\n\ngo 1.21.4 // pinned\n\ntoolchain go1.23.1\n";
        assert_eq!(parse_go_line(text), Some(GoVersion { major: 1, minor: 21 }));
    }

    #[test]
    fn go_line_needs_whitespace_after_go() {
        let text = "module example.com/m\n\ngodebug asynctimerchan=1\ngo\t1.22\n";
        assert_eq!(parse_go_line(text), Some(GoVersion { major: 1, minor: 22 }));
    }

    #[test]
    fn nearest_go_mod_wins() {
        let root = tempfile::tempdir().unwrap();
        let nested = root.path().join("tools/gen");
        std::fs::create_dir_all(nested.join("internal")).unwrap();
        std::fs::write(root.path().join("go.mod"), "module example.com/m\n\ngo 1.22\n").unwrap();
        std::fs::write(nested.join("go.mod"), "module example.com/m/tools/gen\n\ngo 1.23.0\n").unwrap();

        let cache = GoModCache::default();
        assert_eq!(cache.version_for(root.path()), Some(GoVersion { major: 1, minor: 22 }));
        assert_eq!(cache.version_for(&root.path().join("tools")), Some(GoVersion { major: 1, minor: 22 }));
        assert_eq!(cache.version_for(&nested.join("internal")), Some(GoVersion { major: 1, minor: 23 }));
    }

    #[test]
    fn go_mod_without_go_line_means_1_16() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("go.mod"), "module example.com/old\n").unwrap();
        assert_eq!(GoModCache::default().version_for(root.path()), Some(GoVersion::WITHOUT_GO_LINE));
    }

    #[test]
    fn versions_order_by_minor() {
        let version = |text: &str| text.parse::<GoVersion>().unwrap();
        assert!(version("1.22.12") < version("1.23"));
        assert!(version("1.9") < version("1.10"));
        assert_eq!(version("go1.23.0"), version("1.23"));
    }

    #[test]
    fn version_parses_release_candidates() {
        assert_eq!("1.21rc1".parse(), Ok(GoVersion { major: 1, minor: 21 }));
        assert!("one".parse::<GoVersion>().is_err());
    }
}
