//! Findings, the edits that fix them, and how far each fix can be trusted.

use std::ops::Range;

use serde::Serialize;

/// How far a fix may be applied without a person reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Keeps the program's meaning on every path: written by default.
    Safe,
    /// Removes the leak but may change behaviour: written only with `--unsafe-fixes`.
    Unsafe,
    /// Shown for a person to apply: never written.
    DisplayOnly,
}

impl Applicability {
    pub fn label(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

/// A replacement of the byte range `range` of the parsed text by `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

impl Edit {
    pub fn insert(offset: usize, text: impl Into<String>) -> Edit {
        Edit { range: offset..offset, replacement: text.into() }
    }

    pub fn replace(range: Range<usize>, text: impl Into<String>) -> Edit {
        Edit { range, replacement: text.into() }
    }
}

/// A rule's report: the location, the message, and the edits that would fix it.
#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: &'static str,
    pub range: Range<usize>,
    pub message: String,
    pub applicability: Applicability,
    /// Empty for display-only findings.
    pub edits: Vec<Edit>,
}

impl Finding {
    /// Reports whether this run may write the fix.
    pub fn is_applicable(&self, unsafe_fixes: bool) -> bool {
        match self.applicability {
            Applicability::Safe => !self.edits.is_empty(),
            Applicability::Unsafe => unsafe_fixes && !self.edits.is_empty(),
            Applicability::DisplayOnly => false,
        }
    }

    /// Returns the smallest byte range that covers every edit.
    fn edit_span(&self) -> Option<Range<usize>> {
        let start = self.edits.iter().map(|edit| edit.range.start).min()?;
        let end = self.edits.iter().map(|edit| edit.range.end).max()?;
        Some(start..end)
    }
}

/// The text after one round of fixes.
pub struct Applied {
    pub text: Vec<u8>,
    /// Indexes of the findings whose fixes were applied.
    pub findings: Vec<usize>,
    /// Byte ranges of the new text that the edits wrote.
    pub written: Vec<Range<usize>>,
}

/// Applies the fixes of `findings` that do not overlap one taken earlier. The others
/// wait for the next pass.
pub fn apply_fixes(text: &[u8], findings: &[&Finding]) -> Applied {
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| findings[i].edit_span().map(|span| (span.start, span.end)));

    let mut taken: Vec<Range<usize>> = Vec::new();
    let mut applied = Vec::new();
    let mut edits: Vec<&Edit> = Vec::new();
    for i in order {
        let Some(span) = findings[i].edit_span() else { continue };
        let overlaps = taken.iter().any(|other| span.start < other.end && other.start < span.end
            || span == *other);
        if overlaps {
            continue;
        }
        taken.push(span);
        applied.push(i);
        edits.extend(&findings[i].edits);
    }

    edits.sort_by_key(|edit| (edit.range.start, edit.range.end));
    let mut output = Vec::with_capacity(text.len() + 64);
    let mut written = Vec::with_capacity(edits.len());
    let mut cursor = 0;
    for edit in edits {
        output.extend_from_slice(&text[cursor..edit.range.start]);
        let start = output.len();
        output.extend_from_slice(edit.replacement.as_bytes());
        written.push(start..output.len());
        cursor = edit.range.end;
    }
    output.extend_from_slice(&text[cursor..]);
    applied.sort_unstable();
    Applied { text: output, findings: applied, written }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(edits: Vec<Edit>) -> Finding {
        Finding {
            rule: "test",
            range: 0..0,
            message: String::new(),
            applicability: Applicability::Safe,
            edits,
        }
    }

    #[test]
    fn overlapping_fix_waits() {
        let first = finding(vec![Edit::replace(0..3, "xyz")]);
        let second = finding(vec![Edit::replace(2..4, "--")]);
        let third = finding(vec![Edit::insert(5, "!")]);
        let applied = apply_fixes(b"abcdef", &[&first, &second, &third]);
        assert_eq!(applied.text, b"xyzde!f");
        assert_eq!(applied.findings, vec![0, 2]);
        assert_eq!(applied.written, vec![0..3, 5..6]);
    }

    #[test]
    fn two_inserts_at_one_offset_wait() {
        let first = finding(vec![Edit::insert(1, "x")]);
        let second = finding(vec![Edit::insert(1, "y")]);
        let applied = apply_fixes(b"ab", &[&first, &second]);
        assert_eq!(applied.text, b"axb");
        assert_eq!(applied.findings, vec![0]);
    }
}
