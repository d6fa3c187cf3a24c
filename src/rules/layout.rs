//! Placing inserted statements so the output stays gofmt-clean: whole lines, the
//! indentation of the statement they join, and the line ending of the file.

use tree_sitter::Node;

use crate::source;
use crate::syntax;

/// Returns the offset where the line containing `offset` starts.
pub fn line_start(text: &[u8], offset: usize) -> usize {
    text[..offset].iter().rposition(|byte| *byte == b'\n').map_or(0, |i| i + 1)
}

/// Reports whether only tabs and spaces come before `offset` on its line.
pub fn starts_line(text: &[u8], offset: usize) -> bool {
    text[line_start(text, offset)..offset].iter().all(|byte| *byte == b'\t' || *byte == b' ')
}

/// Reports whether `node` is a statement of a statement list that starts its own line.
pub fn is_own_line_statement(node: Node, text: &[u8]) -> bool {
    node.parent().is_some_and(|parent| parent.kind() == "statement_list") && starts_line(text, node.start_byte())
}

/// Returns where lines inserted before `statement` go: the start of its line, or of the
/// comment lines right above it, so a comment stays next to the code it describes.
pub fn line_start_before(statement: Node, text: &[u8]) -> usize {
    let mut first = statement;
    while let Some(previous) = first.prev_sibling() {
        let adjacent = previous.kind() == "comment"
            && starts_line(text, previous.start_byte())
            && previous.end_position().row + 1 == first.start_position().row;
        if !adjacent {
            break;
        }
        first = previous;
    }
    line_start(text, first.start_byte())
}

/// Formats statements as whole lines at the indentation of the statement at
/// `statement_start`, each ended with the file's line ending there.
pub fn lines_at(text: &[u8], statement_start: usize, statements: &[String]) -> String {
    let indentation = String::from_utf8_lossy(source::indentation_at(text, statement_start)).into_owned();
    let ending = source::line_ending_at(text, statement_start);
    let mut lines = String::new();
    for statement in statements {
        for line in statement.split('\n') {
            lines.push_str(&indentation);
            lines.push_str(line);
            lines.push_str(ending);
        }
    }
    lines
}

/// Returns the offset right after the line that `node` ends on, with its line ending,
/// where lines inserted after `node` go. None when code other than a trailing `//`
/// comment follows `node` on that line.
pub fn line_end_after(node: Node, text: &[u8]) -> Option<usize> {
    let rest = &text[node.end_byte()..];
    let newline = rest.iter().position(|byte| *byte == b'\n')?;
    let between = String::from_utf8_lossy(&rest[..newline]);
    let after = between.trim();
    (after.is_empty() || after.starts_with("//")).then_some(node.end_byte() + newline + 1)
}

/// Returns the text of `node` when it fits on one line.
pub fn one_line_text<'a>(node: Node, text: &'a [u8]) -> Option<&'a str> {
    let code = syntax::text(node, text);
    (!code.contains('\n')).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement_at<'a>(tree: &'a tree_sitter::Tree, text: &[u8], needle: &str) -> Node<'a> {
        let offset = std::str::from_utf8(text).unwrap().find(needle).unwrap();
        let mut node = tree.root_node().descendant_for_byte_range(offset, offset).unwrap();
        while node.parent().is_some_and(|parent| parent.kind() != "statement_list") {
            node = node.parent().unwrap();
        }
        node
    }

    #[test]
    fn insertion_goes_above_attached_comments() {
        let text = b"package p\n\nfunc f() {\n\tx := 1\n\n\t// wait\n\t// here\n\tfor {\n\t}\n}\n";
        let tree = syntax::parse(text);
        let loop_node = statement_at(&tree, text, "for {");
        let start = line_start_before(loop_node, text);
        assert_eq!(&text[start..start + 8], b"\t// wait");
    }

    #[test]
    fn insertion_after_keeps_trailing_comment() {
        let text = b"package p\n\nfunc f() {\n\tx := 1 // one\n\ty := x; _ = y\n}\n";
        let tree = syntax::parse(text);
        let first = statement_at(&tree, text, "x := 1");
        let after = line_end_after(first, text).unwrap();
        assert_eq!(&text[after..after + 2], b"\ty");
        let second = statement_at(&tree, text, "y := x");
        assert_eq!(line_end_after(second, text), None, "code follows on the same line");
    }

    #[test]
    fn lines_take_indentation_and_crlf() {
        let text = b"func f() {\r\n\t\tx()\r\n}\r\n";
        let offset = 14;
        let lines = lines_at(text, offset, &["a()".to_string(), "if b {\n\tc()\n}".to_string()]);
        assert_eq!(lines, "\t\ta()\r\n\t\tif b {\r\n\t\t\tc()\r\n\t\t}\r\n");
    }
}
