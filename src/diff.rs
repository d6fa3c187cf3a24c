//! Unified diffs of what a run would write, in the form `git apply` accepts.
//!
//! Lines are compared as bytes, so a file with CRLF endings or invalid UTF-8 yields a
//! diff whose lines match the file exactly.

use std::io::{self, Write};

use similar::{ChangeTag, TextDiff};

const CONTEXT_LINES: usize = 3;

pub struct Colors {
    pub enabled: bool,
}

impl Colors {
    fn paint(&self, code: &str, out: &mut dyn Write, line: &[u8]) -> io::Result<()> {
        if self.enabled {
            write!(out, "\x1b[{code}m")?;
            out.write_all(line.strip_suffix(b"\n").unwrap_or(line))?;
            write!(out, "\x1b[0m")?;
            if line.ends_with(b"\n") {
                out.write_all(b"\n")?;
            }
            Ok(())
        } else {
            out.write_all(line)
        }
    }
}

/// Writes the diff between `old` and `new` for the file at `path`, a relative path with
/// `/` separators.
pub fn write_unified(out: &mut dyn Write, path: &str, old: &[u8], new: &[u8], colors: &Colors) -> io::Result<()> {
    let diff = TextDiff::configure().diff_lines(old, new);
    let header = format!("diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n");
    colors.paint("1", out, header.as_bytes())?;

    for group in diff.grouped_ops(CONTEXT_LINES) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else { continue };
        let old_range = first.old_range().start..last.old_range().end;
        let new_range = first.new_range().start..last.new_range().end;
        let hunk = format!(
            "@@ -{} +{} @@\n",
            hunk_range(old_range.start, old_range.len()),
            hunk_range(new_range.start, new_range.len())
        );
        colors.paint("36", out, hunk.as_bytes())?;

        for op in &group {
            for change in diff.iter_changes(op) {
                let (sign, code) = match change.tag() {
                    ChangeTag::Equal => (b' ', ""),
                    ChangeTag::Delete => (b'-', "31"),
                    ChangeTag::Insert => (b'+', "32"),
                };
                let mut line = vec![sign];
                line.extend_from_slice(change.value());
                let missing_newline = !line.ends_with(b"\n");
                if missing_newline {
                    line.push(b'\n');
                }
                if code.is_empty() {
                    out.write_all(&line)?;
                } else {
                    colors.paint(code, out, &line)?;
                }
                if missing_newline {
                    out.write_all(b"\\ No newline at end of file\n")?;
                }
            }
        }
    }
    Ok(())
}

/// Formats a hunk range as `start,count`, 1-based, with the conventions of diff(1)
/// for empty ranges.
fn hunk_range(start: usize, count: usize) -> String {
    match count {
        0 => format!("{start},0"),
        1 => format!("{}", start + 1),
        _ => format!("{},{}", start + 1, count),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_lines_keep_their_endings() {
        let mut out = Vec::new();
        let colors = Colors { enabled: false };
        write_unified(&mut out, "a.go", b"x\r\ny\r\n", b"x\r\nz\r\n", &colors).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("-y\r\n+z\r\n"), "{text:?}");
        assert!(text.contains("@@ -1,2 +1,2 @@"));
    }

    #[test]
    fn missing_final_newline_is_marked() {
        let mut out = Vec::new();
        write_unified(&mut out, "a.go", b"x", b"y", &Colors { enabled: false }).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.ends_with("-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n"), "{text}");
    }
}
