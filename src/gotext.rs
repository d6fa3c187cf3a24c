//! Lines of Go code built for insertion into a file, indented and ended like the line
//! they join, so that a gofmt-clean file stays gofmt-clean.
//!
//! Each line has a depth relative to a base indentation: depth 0 is the base, 1 is one
//! tab deeper, and -1 one tab shallower, which is where gofmt puts a label.

use crate::source::{indentation_at, line_ending_at};

pub struct GoLines {
    base: String,
    ending: &'static str,
    lines: Vec<(isize, String)>,
}

impl GoLines {
    /// Starts an empty set of lines indented and ended like the line of `text` that
    /// contains `offset`.
    pub fn at(text: &[u8], offset: usize) -> GoLines {
        let base = String::from_utf8_lossy(indentation_at(text, offset)).into_owned();
        GoLines::new(base, line_ending_at(text, offset))
    }

    pub fn new(base: impl Into<String>, ending: &'static str) -> GoLines {
        GoLines { base: base.into(), ending, lines: Vec::new() }
    }

    /// Appends a line of code at `depth` tabs from the base indentation. Code that
    /// spans several lines keeps its inner line breaks and indentation as they are.
    pub fn push(&mut self, depth: isize, code: impl Into<String>) -> &mut GoLines {
        self.lines.push((depth, code.into()));
        self
    }

    /// Renders the lines as a replacement that starts where the code of an existing
    /// line starts: the first line has no indentation and the last no line ending.
    pub fn inline(&self) -> String {
        let mut output = String::new();
        for (index, (depth, code)) in self.lines.iter().enumerate() {
            if index == 0 {
                output.push_str(code);
            } else {
                output.push_str(self.ending);
                self.push_indented(&mut output, *depth, code);
            }
        }
        output
    }

    /// Renders whole lines, each indented and followed by the line ending, for an
    /// insertion at the start of a line.
    pub fn whole(&self) -> String {
        let mut output = String::new();
        for (depth, code) in &self.lines {
            self.push_indented(&mut output, *depth, code);
            output.push_str(self.ending);
        }
        output
    }

    /// Renders whole lines, each preceded by the line ending, for an insertion at the
    /// end of a line, before its line ending.
    pub fn after_line(&self) -> String {
        let mut output = String::new();
        for (depth, code) in &self.lines {
            output.push_str(self.ending);
            self.push_indented(&mut output, *depth, code);
        }
        output
    }

    fn push_indented(&self, output: &mut String, depth: isize, code: &str) {
        // gofmt leaves no indentation on an empty line.
        if !code.is_empty() {
            output.push_str(&indentation(&self.base, depth));
        }
        output.push_str(code);
    }
}

/// Returns `base` with `depth` tabs added, or with up to `-depth` trailing tabs removed.
fn indentation(base: &str, depth: isize) -> String {
    if depth >= 0 {
        let mut indentation = base.to_string();
        indentation.extend(std::iter::repeat_n('\t', depth.unsigned_abs()));
        return indentation;
    }
    let mut indentation = base;
    for _ in 0..depth.unsigned_abs() {
        indentation = indentation.strip_suffix('\t').unwrap_or(indentation);
    }
    indentation.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn select_lines(text: &[u8], offset: usize) -> GoLines {
        let mut lines = GoLines::at(text, offset);
        lines
            .push(0, "select {")
            .push(0, "case ch <- v:")
            .push(0, "case <-stop:")
            .push(1, "return")
            .push(0, "}");
        lines
    }

    #[test]
    fn inline_block_follows_line_indentation() {
        let text = b"func f() {\n\t\tch <- v\n}\n";
        let rendered = select_lines(text, 13).inline();
        assert_eq!(rendered, "select {\n\t\tcase ch <- v:\n\t\tcase <-stop:\n\t\t\treturn\n\t\t}");
    }

    #[test]
    fn inline_block_keeps_crlf() {
        let text = b"func f() {\r\n\tch <- v\r\n}\r\n";
        let rendered = select_lines(text, 13).inline();
        assert_eq!(rendered, "select {\r\n\tcase ch <- v:\r\n\tcase <-stop:\r\n\t\treturn\r\n\t}");
    }

    #[test]
    fn label_goes_one_tab_out() {
        let mut lines = GoLines::new("\t\t", "\n");
        lines.push(-1, "produce:");
        assert_eq!(lines.whole(), "\tproduce:\n");
        let mut top = GoLines::new("\t", "\n");
        top.push(-1, "produce:");
        assert_eq!(top.whole(), "produce:\n");
    }

    #[test]
    fn after_line_starts_each_line_with_ending() {
        let mut lines = GoLines::new("\t", "\r\n");
        lines.push(0, "stop := make(chan struct{})").push(0, "defer close(stop)");
        assert_eq!(lines.after_line(), "\r\n\tstop := make(chan struct{})\r\n\tdefer close(stop)");
    }

    #[test]
    fn empty_line_has_no_indentation() {
        let mut lines = GoLines::new("\t", "\n");
        lines.push(0, "a()").push(0, "").push(1, "b()");
        assert_eq!(lines.whole(), "\ta()\n\n\t\tb()\n");
    }

    #[test]
    fn multiline_code_is_kept() {
        let mut lines = GoLines::new("\t", "\n");
        lines.push(0, "select {").push(0, "case ch <- T{\n\t\tA: 1,\n\t}:").push(0, "}");
        assert_eq!(lines.inline(), "select {\n\tcase ch <- T{\n\t\tA: 1,\n\t}:\n\t}");
    }
}
