//! Queries on tree-sitter-go trees that every rule needs.

use tree_sitter::{Node, Parser, Tree};

/// Parses Go source. tree-sitter returns a tree for any input, with error nodes
/// where the syntax is broken.
///
/// tree-sitter-go 0.25 reads the argument of `new` as a type, so Go 1.26's `new(expr)`
/// (`new(uint64(7))`, `new(f())`) is an error that can swallow the statements around it.
/// When the tree has errors, `new(` calls whose argument cannot start a type are parsed
/// again under another name of the same length, so every byte offset stays valid and
/// the rules still read the original text.
pub fn parse(text: &[u8]) -> Tree {
    let tree = parse_exactly(text);
    if !tree.root_node().has_error() {
        return tree;
    }
    let Some(variant) = rename_new_with_expression(text) else { return tree };
    let variant_tree = parse_exactly(&variant);
    if count_syntax_errors(&variant_tree) < count_syntax_errors(&tree) {
        variant_tree
    } else {
        tree
    }
}

fn parse_exactly(text: &[u8]) -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_go::LANGUAGE.into())
        .expect("the bundled Go grammar matches the tree-sitter version");
    parser.parse(text, None).expect("a parse without a timeout or cancellation flag always ends")
}

/// Returns `text` with `new(` renamed to `neW(` wherever the argument does not start
/// like a composite type, or None when there is no such call.
fn rename_new_with_expression(text: &[u8]) -> Option<Vec<u8>> {
    const TYPE_STARTS: &[&[u8]] = &[b"[", b"map[", b"struct", b"chan", b"func", b"interface", b"<-"];
    let mut variant = text.to_vec();
    let mut renamed = false;
    let mut from = 0;
    while let Some(found) = text[from..].windows(4).position(|window| window == b"new(") {
        let at = from + found;
        from = at + 4;
        let standalone = at == 0 || !(text[at - 1].is_ascii_alphanumeric() || text[at - 1] == b'_' || text[at - 1] == b'.');
        let argument = &text[from..];
        let argument = &argument[argument.iter().take_while(|byte| byte.is_ascii_whitespace()).count()..];
        if standalone && !TYPE_STARTS.iter().any(|start| argument.starts_with(start)) {
            variant[at + 2] = b'W';
            renamed = true;
        }
    }
    renamed.then_some(variant)
}

/// Counts error and missing nodes, to tell whether an edit broke the syntax.
pub fn count_syntax_errors(tree: &Tree) -> usize {
    if !tree.root_node().has_error() {
        return 0;
    }
    let mut count = 0;
    let mut cursor = tree.walk();
    loop {
        let node = cursor.node();
        if node.is_error() || node.is_missing() {
            count += 1;
        }
        let descend = node.has_error() && !node.is_error() && cursor.goto_first_child();
        if descend {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                return count;
            }
        }
    }
}

/// Returns the start of the first error or missing node, in source order.
pub fn first_error_offset(tree: &Tree) -> Option<usize> {
    let mut first = None;
    walk(tree.root_node(), &mut |node| {
        if first.is_some() {
            return false;
        }
        if node.is_error() || node.is_missing() {
            first = Some(node.start_byte());
            return false;
        }
        node.has_error()
    });
    first
}

pub fn text<'a>(node: Node, source: &'a [u8]) -> &'a str {
    std::str::from_utf8(&source[node.byte_range()]).unwrap_or("")
}

pub fn is_function(node: Node) -> bool {
    matches!(node.kind(), "function_declaration" | "method_declaration" | "func_literal")
}

/// Returns the innermost function declaration, method or function literal around `node`.
pub fn enclosing_function(node: Node) -> Option<Node> {
    let mut current = node.parent();
    while let Some(candidate) = current {
        if is_function(candidate) {
            return Some(candidate);
        }
        current = candidate.parent();
    }
    None
}

/// Returns the top-level declaration that contains `node`.
pub fn top_level_declaration(node: Node) -> Option<Node> {
    let mut current = node;
    while let Some(parent) = current.parent() {
        if parent.kind() == "source_file" {
            return Some(current);
        }
        current = parent;
    }
    None
}

/// Reports whether `inner` lies inside `outer` (or is it).
pub fn contains(outer: Node, inner: Node) -> bool {
    outer.start_byte() <= inner.start_byte() && inner.end_byte() <= outer.end_byte()
}

/// Calls `visit` on `node` and every node below it, in source order.
/// `visit` returns false to skip the children of a node.
pub fn walk<'tree>(node: Node<'tree>, visit: &mut dyn FnMut(Node<'tree>) -> bool) {
    let mut cursor = node.walk();
    let mut depth = 0;
    loop {
        let descend = visit(cursor.node()) && cursor.goto_first_child();
        if descend {
            depth += 1;
            continue;
        }
        loop {
            if depth == 0 {
                return;
            }
            if cursor.goto_next_sibling() {
                break;
            }
            cursor.goto_parent();
            depth -= 1;
        }
    }
}

/// Returns the statements of a block, or of a case clause's statement list.
pub fn statements(block: Node) -> Vec<Node> {
    let list = if block.kind() == "statement_list" {
        Some(block)
    } else {
        named_children(block).into_iter().find(|child| child.kind() == "statement_list")
    };
    list.map(named_children).unwrap_or_default()
        .into_iter()
        .filter(|statement| statement.kind() != "comment")
        .collect()
}

pub fn named_children(node: Node) -> Vec<Node> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor).collect()
}

/// Returns the callee of a call as written, such as `make`, `t.Fatal` or `require.NoError`.
pub fn callee_text<'a>(call: Node, source: &'a [u8]) -> &'a str {
    call.child_by_field_name("function").map_or("", |function| text(function, source))
}

/// Returns the arguments of a call expression.
pub fn call_arguments(call: Node) -> Vec<Node> {
    call.child_by_field_name("arguments").map(named_children).unwrap_or_default()
        .into_iter()
        .filter(|argument| argument.kind() != "comment")
        .collect()
}

/// Returns the names of a parameter list in order, with the flag for a variadic one.
pub fn parameter_names<'a>(parameters: Node, source: &'a [u8]) -> Vec<(&'a str, bool)> {
    let mut names = Vec::new();
    for declaration in named_children(parameters) {
        let variadic = declaration.kind() == "variadic_parameter_declaration";
        let mut cursor = declaration.walk();
        let declared: Vec<&str> = declaration
            .children_by_field_name("name", &mut cursor)
            .map(|name| text(name, source))
            .collect();
        if declared.is_empty() {
            names.push(("_", variadic));
        }
        names.extend(declared.into_iter().map(|name| (name, variadic)));
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_with_expression_parses() {
        let text = b"package p\n\nfunc f() {\n\tp := new(uint64(7))\n\tq := new([]int)\n\t_, _ = p, q\n}\n";
        assert_eq!(count_syntax_errors(&parse(text)), 0);
    }

    #[test]
    fn new_with_type_is_kept() {
        let text = b"x := new(map[string]int); y := new(T); z := obj.new(1)";
        let variant = rename_new_with_expression(text).unwrap();
        assert_eq!(variant, b"x := new(map[string]int); y := neW(T); z := obj.new(1)".to_vec());
    }
}
