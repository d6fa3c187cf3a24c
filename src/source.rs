//! The bytes of one Go file as the rules see them.
//!
//! A leading byte-order mark is split off before parsing and put back on write, so
//! byte offsets in the tree start after it. Line endings stay as they are: tree-sitter
//! reads `\r\n` as whitespace, and inserted text takes the ending of the line it lands on.

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The contents of a file with its byte-order mark split off.
#[derive(Clone, Debug)]
pub struct Source {
    pub has_bom: bool,
    pub text: Vec<u8>,
}

impl Source {
    pub fn new(bytes: &[u8]) -> Source {
        match bytes.strip_prefix(BOM) {
            Some(rest) => Source { has_bom: true, text: rest.to_vec() },
            None => Source { has_bom: false, text: bytes.to_vec() },
        }
    }

    /// Returns the file's bytes as they go back to disk.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(self.text.len() + BOM.len());
        if self.has_bom {
            bytes.extend_from_slice(BOM);
        }
        bytes.extend_from_slice(&self.text);
        bytes
    }

    /// Returns the text with the same byte-order mark and a new body.
    pub fn with_text(&self, text: Vec<u8>) -> Source {
        Source { has_bom: self.has_bom, text }
    }
}

/// Converts byte offsets into 1-based lines and byte columns, as Go's tools report them.
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &[u8]) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(text.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    /// Returns the 1-based line and 1-based byte column of `offset`.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|start| *start <= offset);
        (line, offset - self.line_starts[line - 1] + 1)
    }

    /// Returns the byte range of the 1-based `line`, without its line ending.
    pub fn line_range(&self, text: &[u8], line: usize) -> std::ops::Range<usize> {
        let start = self.line_starts[line - 1];
        let mut end = self.line_starts.get(line).map_or(text.len(), |next| next - 1);
        if end > start && text[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }
}

/// Returns the line ending used by the line that contains `offset`: `\r\n` or `\n`.
pub fn line_ending_at(text: &[u8], offset: usize) -> &'static str {
    let end = text[offset.min(text.len())..].iter().position(|b| *b == b'\n');
    match end {
        Some(i) if offset + i > 0 && text[offset + i - 1] == b'\r' => "\r\n",
        Some(_) => "\n",
        None if text.windows(2).any(|pair| pair == b"\r\n") => "\r\n",
        None => "\n",
    }
}

/// Returns the tabs and spaces that open the line containing `offset`.
pub fn indentation_at(text: &[u8], offset: usize) -> &[u8] {
    let start = text[..offset].iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let width = text[start..].iter().take_while(|b| **b == b'\t' || **b == b' ').count();
    &text[start..start + width]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_split_and_restored() {
        let source = Source::new(b"\xEF\xBB\xBFpackage p\n");
        assert!(source.has_bom);
        assert_eq!(source.text, b"package p\n");
        assert_eq!(source.to_bytes(), b"\xEF\xBB\xBFpackage p\n");
    }

    #[test]
    fn positions_are_one_based_bytes() {
        let index = LineIndex::new(b"ab\r\ncd\n");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(4), (2, 1));
        assert_eq!(index.position(5), (2, 2));
        assert_eq!(index.line_range(b"ab\r\ncd\n", 1), 0..2);
    }

    #[test]
    fn line_ending_follows_the_line() {
        assert_eq!(line_ending_at(b"a\r\nb\n", 0), "\r\n");
        assert_eq!(line_ending_at(b"a\r\nb\n", 3), "\n");
        assert_eq!(line_ending_at(b"a\r\nb", 3), "\r\n");
    }
}
