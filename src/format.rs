//! Keeping fixed files gofmt-clean when an edit changes the length of a line.
//!
//! gofmt aligns the trailing `//` comments of consecutive lines that share an
//! indentation: each comment starts one space after the longest code among them, with
//! widths counted in characters. When an edit lengthens or shortens such a line, the
//! whole block is aligned again here. A block that was not aligned before the edit (the
//! input was not gofmt-clean) is left as it is, so lines no fix touches never change.

use std::ops::Range;

/// One line split into its indentation, its code and its trailing comment.
struct Line<'a> {
    /// Byte range of the line in the text, without its ending.
    range: Range<usize>,
    indentation: &'a [u8],
    code: &'a [u8],
    /// Spaces and tabs between the code and the comment.
    gap: usize,
    comment: Option<&'a [u8]>,
    ending: &'a [u8],
}

impl Line<'_> {
    fn overlaps(&self, range: &Range<usize>) -> bool {
        self.range.start <= range.end && range.start <= self.range.end
    }

    fn comment_column(&self) -> usize {
        width(self.code) + self.gap
    }
}

/// Realigns the trailing comments of every block that contains a byte of `touched`
/// (ranges of `text`), provided the block's other lines were aligned.
pub fn realign_comments(text: &[u8], touched: &[Range<usize>]) -> Vec<u8> {
    let lines = split_lines(text);
    let mut output = Vec::with_capacity(text.len() + 16);
    let mut index = 0;
    while index < lines.len() {
        let block = block_at(&lines, index);
        let is_touched = |line: &Line| touched.iter().any(|range| line.overlaps(range));
        let rewrite = block.len() > 1
            && block.clone().any(|i| is_touched(&lines[i]))
            && untouched_share_column(block.clone().map(|i| &lines[i]).filter(|line| !is_touched(line)));

        for line in &lines[block.clone()] {
            match line.comment {
                Some(comment) if rewrite => {
                    let column = lines[block.clone()].iter().map(|other| width(other.code)).max().unwrap_or(0) + 1;
                    output.extend_from_slice(line.indentation);
                    output.extend_from_slice(line.code);
                    output.extend(std::iter::repeat_n(b' ', column - width(line.code)));
                    output.extend_from_slice(comment);
                }
                _ => output.extend_from_slice(&text[line.range.clone()]),
            }
            output.extend_from_slice(line.ending);
        }
        index = block.end;
    }
    output
}

/// Reports whether a line inserted at `line_start` would split a block of aligned
/// trailing comments: the lines before and after it both have code and a trailing
/// comment at the same indentation. gofmt would then align the two halves apart.
pub fn splits_comment_block(text: &[u8], line_start: usize) -> bool {
    if line_start == 0 || line_start >= text.len() {
        return false;
    }
    let previous_start = text[..line_start - 1].iter().rposition(|byte| *byte == b'\n').map_or(0, |i| i + 1);
    let next_end = text[line_start..].iter().position(|byte| *byte == b'\n').map_or(text.len(), |i| line_start + i);
    let previous = split_line(text, previous_start..trim_carriage_return(text, previous_start, line_start - 1), b"");
    let next = split_line(text, line_start..trim_carriage_return(text, line_start, next_end), b"");
    let joins = |line: &Line| line.comment.is_some() && !line.code.is_empty();
    joins(&previous) && joins(&next) && previous.indentation == next.indentation
}

/// Returns `end`, or one byte less when the line `start..end` ends with `\r`.
fn trim_carriage_return(text: &[u8], start: usize, end: usize) -> usize {
    if end > start && text[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

/// Returns the block of lines around `index` that gofmt aligns together: consecutive
/// lines with the same indentation that each have code and a trailing comment. Any
/// other line is a block of its own.
fn block_at(lines: &[Line], index: usize) -> Range<usize> {
    let joins = |line: &Line| line.comment.is_some() && !line.code.is_empty();
    if !joins(&lines[index]) {
        return index..index + 1;
    }
    let mut end = index + 1;
    while end < lines.len() && joins(&lines[end]) && lines[end].indentation == lines[index].indentation {
        end += 1;
    }
    index..end
}

/// Reports whether the untouched lines of a block put their comments in one column,
/// the sign that the block was aligned before the edit.
fn untouched_share_column<'a>(mut lines: impl Iterator<Item = &'a Line<'a>>) -> bool {
    let Some(first) = lines.next() else { return true };
    let column = first.comment_column();
    lines.all(|line| line.comment_column() == column)
}

fn width(code: &[u8]) -> usize {
    String::from_utf8_lossy(code).chars().count()
}

fn split_lines(text: &[u8]) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let newline = text[start..].iter().position(|byte| *byte == b'\n').map(|i| start + i);
        let mut end = newline.unwrap_or(text.len());
        let ending_end = newline.map_or(text.len(), |i| i + 1);
        if end > start && text[end - 1] == b'\r' {
            end -= 1;
        }
        lines.push(split_line(text, start..end, &text[end..ending_end]));
        start = ending_end;
    }
    lines
}

fn split_line<'a>(text: &'a [u8], range: Range<usize>, ending: &'a [u8]) -> Line<'a> {
    let line = &text[range.clone()];
    let indent = line.iter().take_while(|byte| **byte == b'\t' || **byte == b' ').count();
    let body = &line[indent..];
    let (code, gap, comment) = match trailing_comment_start(body) {
        Some(at) => {
            let code_end = body[..at].iter().rposition(|byte| *byte != b' ' && *byte != b'\t').map_or(0, |i| i + 1);
            (&body[..code_end], at - code_end, Some(&body[at..]))
        }
        None => (body, 0, None),
    };
    Line { range, indentation: &line[..indent], code, gap, comment, ending }
}

/// Finds the `//` that starts a trailing comment, skipping string and rune literals.
/// A line that opens a raw string or a block comment it does not close is treated as
/// having no trailing comment.
fn trailing_comment_start(body: &[u8]) -> Option<usize> {
    let mut index = 0;
    while index < body.len() {
        match body[index] {
            b'"' | b'\'' => {
                let quote = body[index];
                index += 1;
                while index < body.len() && body[index] != quote {
                    index += if body[index] == b'\\' { 2 } else { 1 };
                }
                if index >= body.len() {
                    return None;
                }
            }
            b'`' => {
                let close = body[index + 1..].iter().position(|byte| *byte == b'`')?;
                index += close + 1;
            }
            b'/' if body.get(index + 1) == Some(&b'/') => return (index > 0).then_some(index),
            b'/' if body.get(index + 1) == Some(&b'*') => {
                let close = body[index + 2..].windows(2).position(|pair| pair == b"*/")?;
                index += close + 3;
            }
            _ => {}
        }
        index += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn realign(text: &str, touched_line: &str) -> String {
        let start = text.find(touched_line).unwrap();
        let output = realign_comments(text.as_bytes(), &[start..start + touched_line.len()]);
        String::from_utf8(output).unwrap()
    }

    #[test]
    fn longer_line_moves_block_comments() {
        let before = format!(
            "\tch := make(chan error, 1) // result\n\tn := 1{}// count\n\tx := \"h\u{e9}llo\"{}// text\n",
            " ".repeat(17),
            " ".repeat(11)
        );
        let after = realign(&before, "make(chan error, 1)");
        let expected = format!(
            "\tch := make(chan error, 1) // result\n\tn := 1{}// count\n\tx := \"h\u{e9}llo\"{}// text\n",
            " ".repeat(20),
            " ".repeat(14)
        );
        assert_eq!(after, expected);
    }

    #[test]
    fn unaligned_block_is_left_alone() {
        let before = "\tch := make(chan error, 1) // result\n\tn := 1 // count\n\tx := 22   // text\n";
        assert_eq!(realign(before, "make(chan error, 1)"), before);
    }

    #[test]
    fn comment_inside_string_is_code() {
        let text = b"\ts := \"a // b\" // c";
        let line = split_line(text, 0..text.len(), b"");
        assert_eq!(line.code, b"s := \"a // b\"");
        assert_eq!(line.comment, Some(&b"// c"[..]));
    }

    #[test]
    fn other_indentation_breaks_block() {
        let text = "\tif ok { // open\n\t\tch := make(chan int, 1) // use\n\t}\n";
        assert_eq!(realign(text, "make(chan int, 1)"), text);
    }

    #[test]
    fn insertion_inside_aligned_block_splits_it() {
        let text = b"\ta := 1  // x\n\tbb := 2 // y\n\tc()\n";
        assert!(splits_comment_block(text, 14));
        assert!(!splits_comment_block(text, 28));
        assert!(!splits_comment_block(text, 0));
    }

    #[test]
    fn insertion_between_indentations_does_not_split() {
        let text = b"\ta := 1 // x\r\n\t\tb := 2 // y\r\n";
        assert!(!splits_comment_block(text, 14));
    }

    #[test]
    fn crlf_endings_are_kept() {
        let text = "\ta := make(chan int, 1) // x\r\n\tb := 1        // y\r\n";
        let output = realign(text, "make(chan int, 1)");
        assert_eq!(output, "\ta := make(chan int, 1) // x\r\n\tb := 1                 // y\r\n");
    }
}
