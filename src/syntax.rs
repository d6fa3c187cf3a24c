//! Queries on tree-sitter-go trees that every rule needs.

use tree_sitter::{Node, Parser, Tree};

/// Parses Go source. tree-sitter returns a tree for any input, with error nodes
/// where the syntax is broken.
pub fn parse(text: &[u8]) -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_go::LANGUAGE.into())
        .expect("the bundled Go grammar matches the tree-sitter version");
    parser.parse(text, None).expect("a parse without a timeout or cancellation flag always ends")
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
