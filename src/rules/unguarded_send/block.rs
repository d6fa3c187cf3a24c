//! Multi-line Go text built for insertion into a file: every line is indented with the
//! tabs of the code it lands in and ends with the file's line ending, so a gofmt-clean
//! file stays gofmt-clean.

/// Lines of Go text under one base indentation.
pub struct Block {
    indent: String,
    newline: &'static str,
    lines: Vec<String>,
}

impl Block {
    /// Starts a block whose lines begin with `indent`, the indentation of the line where
    /// the block goes, and end with `newline`.
    pub fn new(indent: &[u8], newline: &'static str) -> Block {
        Block { indent: String::from_utf8_lossy(indent).into_owned(), newline, lines: Vec::new() }
    }

    /// Adds `text` `depth` tabs deeper than the block. Continuation lines of a
    /// multi-line `text` are kept as they are, which suits text copied from a line
    /// indented like the block itself (`depth` 0).
    pub fn line(&mut self, depth: usize, text: &str) -> &mut Block {
        let mut pieces = split_lines(text).into_iter();
        let first = pieces.next().unwrap_or_default();
        self.lines.push(format!("{}{}{}", self.indent, "\t".repeat(depth), first));
        self.lines.extend(pieces.map(str::to_string));
        self
    }

    /// Adds a statement copied from a line indented by `original_indent`, `depth` tabs
    /// deeper than the block. Continuation lines move by the same amount as the first.
    pub fn copied(&mut self, depth: usize, text: &str, original_indent: &str) -> &mut Block {
        let target = format!("{}{}", self.indent, "\t".repeat(depth));
        let mut pieces = split_lines(text).into_iter();
        let first = pieces.next().unwrap_or_default();
        self.lines.push(format!("{target}{first}"));
        for piece in pieces {
            let moved = match piece.strip_prefix(original_indent) {
                Some(rest) if !piece.trim().is_empty() => format!("{target}{rest}"),
                _ => piece.to_string(),
            };
            self.lines.push(moved);
        }
        self
    }

    /// Returns the block for a replacement that starts after the indentation of its first
    /// line: the first line without the base indentation, and no final line ending.
    pub fn in_place(&self) -> String {
        let mut text = self.lines.join(self.newline);
        if text.starts_with(&self.indent) {
            text.drain(..self.indent.len());
        }
        text
    }

    /// Returns the block as whole lines, each ending with the line ending.
    pub fn whole_lines(&self) -> String {
        self.lines.iter().map(|line| format!("{line}{}", self.newline)).collect()
    }
}

/// Splits text at `\n`, dropping the `\r` of `\r\n` endings so the block's own line
/// ending replaces it.
fn split_lines(text: &str) -> Vec<&str> {
    text.split('\n').map(|line| line.strip_suffix('\r').unwrap_or(line)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_replaces_send_in_place() {
        let mut block = Block::new(b"\t\t", "\n");
        block.line(0, "select {").line(0, "case out <- v:").line(0, "case <-quit:").line(1, "return").line(0, "}");
        assert_eq!(block.in_place(), "select {\n\t\tcase out <- v:\n\t\tcase <-quit:\n\t\t\treturn\n\t\t}");
    }

    #[test]
    fn crlf_lines_keep_crlf() {
        let mut block = Block::new(b"\t", "\r\n");
        block.line(0, "case out <- T{\r\n\t\tA: 1,\r\n\t}:").line(0, "}");
        assert_eq!(block.in_place(), "case out <- T{\r\n\t\tA: 1,\r\n\t}:\r\n\t}");
    }

    #[test]
    fn copied_statement_is_reindented() {
        let mut block = Block::new(b"\t\t", "\n");
        block.copied(1, "return fmt.Errorf(\n\t\t\"stopped\",\n\t)", "\t");
        assert_eq!(block.whole_lines(), "\t\t\treturn fmt.Errorf(\n\t\t\t\t\"stopped\",\n\t\t\t)\n");
    }

    #[test]
    fn copied_blank_continuation_stays_blank() {
        let mut block = Block::new(b"\t", "\n");
        block.copied(0, "f(\n\n\tx)", "");
        assert_eq!(block.whole_lines(), "\tf(\n\n\t\tx)\n");
    }
}
