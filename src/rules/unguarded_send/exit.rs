//! The exit of a send that gave up: the statements of the new `case <-stop:`, and for a
//! send in a helper closure, the way its callers leave their loop.
//!
//! The exit copies what the function already does when the same signal fires nearby, so
//! cleanup on the stop path stays as the author wrote it. Without such a case it is
//! `return` from the goroutine's own body, or nothing when the send is its last action.

use tree_sitter::Node;

use super::block::Block;
use crate::rules::flow;
use crate::syntax;

/// Statements copied from an existing stop case are limited to a few lines.
const MAX_COPIED_STATEMENTS: usize = 4;

/// The body of the stop case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exit {
    /// The case is empty: execution goes on after the `select`.
    Nothing,
    Return,
    /// One generated statement, such as `return false` or `return w.ctx.Err()`.
    Statement(String),
    /// Statements copied from the function's own stop case, with the indentation of the
    /// line they were copied from.
    Copy { statements: Vec<String>, indent: String },
}

impl Exit {
    /// Adds the statements to `block` at `depth`.
    pub fn render(&self, block: &mut Block, depth: usize) {
        match self {
            Exit::Nothing => {}
            Exit::Return => {
                block.line(depth, "return");
            }
            Exit::Statement(statement) => {
                block.line(depth, statement);
            }
            Exit::Copy { statements, indent } => {
                for statement in statements {
                    block.copied(depth, statement, indent);
                }
            }
        }
    }
}

/// The function that a send or a call runs in, as far as leaving it goes.
pub enum Owner<'a> {
    /// A function whose `return` ends the work: a method, the literal of a `go`
    /// statement, of `g.Go(...)` or `time.AfterFunc`, or a deferred literal.
    Own(Node<'a>),
    /// A literal stored in a local variable `name` of `defining` and called from there.
    Helper { closure: Node<'a>, name: &'a str, defining: Node<'a> },
    /// A literal passed to a call whose meaning the syntax does not show.
    Unknown,
}

/// Classifies the function `function` that contains a send.
pub fn owner_of<'a>(function: Node<'a>, text: &'a [u8]) -> Owner<'a> {
    if function.kind() != "func_literal" {
        return Owner::Own(function);
    }
    let Some(parent) = function.parent() else { return Owner::Unknown };
    match parent.kind() {
        "call_expression" if parent.child_by_field_name("function").map(|f| f.id()) == Some(function.id()) => {
            let starts = parent.parent().is_some_and(|statement| matches!(statement.kind(), "go_statement" | "defer_statement"));
            if starts { Owner::Own(function) } else { Owner::Unknown }
        }
        "argument_list" => {
            let callee = parent.parent().map_or("", |call| syntax::callee_text(call, text));
            if callee.ends_with(".Go") || callee == "time.AfterFunc" {
                Owner::Own(function)
            } else {
                Owner::Unknown
            }
        }
        "expression_list" => {
            let Some(holder) = parent.parent() else { return Owner::Unknown };
            let names = match holder.kind() {
                "short_var_declaration" => holder.child_by_field_name("left").map(syntax::named_children).unwrap_or_default(),
                "var_spec" => {
                    let mut cursor = holder.walk();
                    holder.children_by_field_name("name", &mut cursor).collect()
                }
                _ => return Owner::Unknown,
            };
            let single = names.len() == 1 && parent.named_child_count() == 1;
            match (single, syntax::enclosing_function(holder)) {
                (true, Some(defining)) => Owner::Helper { closure: function, name: syntax::text(names[0], text), defining },
                _ => Owner::Unknown,
            }
        }
        _ => Owner::Unknown,
    }
}

/// Chooses the exit for the stop case of a `select` that replaces `position` (a send, or
/// a call of a helper closure) in `function`. `operands` are the texts that receive the
/// stop signal, such as `w.quit` or a local copy of it. `stop_error` is the error a
/// function whose only result is an `error` returns without a stop case to copy: the
/// context's `Err()`, which is not nil once the context is done.
pub fn exit_at(position: Node, function: Node, operands: &[String], stop_error: Option<&str>, text: &[u8]) -> Result<Exit, &'static str> {
    let Some(body) = function.child_by_field_name("body") else { return Err("the function has no body") };
    // A deferred literal is cleanup that runs once on the way out: the rest of it must
    // still run.
    if flow::is_last_action(position, body) || is_deferred_literal(function) {
        return Ok(Exit::Nothing);
    }

    // A send in another case of a select that already waits for the signal: do what
    // that stop case does.
    if let Some((select, case)) = enclosing_select_case(position, function) {
        if let Some(stop_case) = stop_case_of(select, operands, text) {
            if flow::is_last_action(position, case) {
                let statements = syntax::statements(stop_case);
                if statements.is_empty() {
                    return Ok(Exit::Nothing);
                }
                if let Some(exit) = copy_of(stop_case, position, function, text) {
                    return Ok(exit);
                }
            }
        }
    }

    // A stop case in the same loop shows how this loop leaves when the signal fires.
    let loop_node = innermost_loop(position, function).map(|node| node.id());
    for stop_case in stop_cases(body, operands, text) {
        if innermost_loop(stop_case, function).map(|node| node.id()) != loop_node {
            continue;
        }
        if let Some(exit) = copy_of(stop_case, position, function, text) {
            return Ok(exit);
        }
    }

    let exit = match (function.child_by_field_name("result"), stop_error) {
        (None, _) => Exit::Return,
        (Some(result), _) if has_named_results(result) => Exit::Return,
        (Some(result), Some(error)) if syntax::text(result, text) == "error" => Exit::Statement(format!("return {error}")),
        _ => return Err("the function returns values and no stop case of its own shows which"),
    };
    if return_skips_code(position, function) {
        return Err("a return there would skip the statements that follow the send's loop, and no stop case of the function shows how to leave");
    }
    Ok(exit)
}

fn is_deferred_literal(function: Node) -> bool {
    function.kind() == "func_literal"
        && function
            .parent()
            .and_then(|call| call.parent())
            .is_some_and(|statement| statement.kind() == "defer_statement")
}

/// Reports whether a `return` at `position` would skip statements other than a
/// `return` that follow the outermost loop around it, or follow it when no loop does.
/// Skipping the rest of an iteration is fine. Code after the loop, such as `wg.Done()`,
/// may be what others wait for.
fn return_skips_code(position: Node, function: Node) -> bool {
    let Some(body) = function.child_by_field_name("body") else { return true };
    let mut start = position;
    let mut ancestor = position.parent();
    while let Some(node) = ancestor {
        if node.id() == function.id() {
            break;
        }
        if node.kind() == "for_statement" {
            start = node;
        }
        ancestor = node.parent();
    }

    let mut current = start;
    while current.id() != body.id() {
        let Some(parent) = current.parent() else { break };
        if parent.kind() == "statement_list" {
            let siblings = syntax::statements(parent);
            let index = siblings.iter().position(|sibling| sibling.id() == current.id());
            let following = index.map_or(&[][..], |i| &siblings[i + 1..]);
            if following.iter().any(|statement| statement.kind() != "return_statement") {
                return true;
            }
        }
        current = parent;
    }
    false
}

/// The callers of a helper closure, each with the exit that its call site needs once
/// the closure reports that the stop signal fired.
pub struct HelperCalls<'a> {
    pub call_sites: Vec<(Node<'a>, Exit)>,
}

/// Checks that the helper closure `name` is only called, as a statement, from the own
/// code of `defining`, and chooses the exit of every call site.
pub fn helper_calls<'a>(closure: Node<'a>, name: &str, defining: Node<'a>, operands: &[String], stop_error: Option<&str>, text: &'a [u8]) -> Result<HelperCalls<'a>, &'static str> {
    if closure.child_by_field_name("result").is_some() {
        return Err("the closure already returns a value");
    }
    if !matches!(owner_of(defining, text), Owner::Own(_)) {
        return Err("the closure is defined in another closure");
    }
    let Some(body) = defining.child_by_field_name("body") else { return Err("the function has no body") };
    let declaration = closure.parent().and_then(|list| list.parent());

    let mut uses = Vec::new();
    syntax::walk(body, &mut |node| {
        if node.kind() == "identifier" && syntax::text(node, text) == name {
            uses.push(node);
        }
        true
    });
    let mut call_sites = Vec::new();
    for identifier in uses {
        if declaration.is_some_and(|declaration| syntax::contains(declaration, identifier) && !syntax::contains(closure, identifier)) {
            continue;
        }
        let call = identifier
            .parent()
            .filter(|call| call.kind() == "call_expression" && call.child_by_field_name("function").map(|f| f.id()) == Some(identifier.id()));
        let statement = call.and_then(|call| call.parent()).filter(|statement| statement.kind() == "expression_statement");
        let Some(statement) = statement else { return Err("the closure is used other than called as a statement") };
        if syntax::enclosing_function(statement).map(|f| f.id()) != Some(defining.id()) {
            return Err("the closure is called from another function");
        }
        if statement.start_byte() < closure.end_byte() {
            return Err("the closure is called before its declaration ends");
        }
        call_sites.push((statement, exit_at(statement, defining, operands, stop_error, text)?));
    }
    if call_sites.is_empty() {
        return Err("the closure is never called");
    }
    Ok(HelperCalls { call_sites })
}

/// Returns the select around `position` and the case whose statements contain it, when
/// no loop or function lies between them.
fn enclosing_select_case<'a>(position: Node<'a>, function: Node<'a>) -> Option<(Node<'a>, Node<'a>)> {
    let mut current = position;
    while let Some(parent) = current.parent() {
        if parent.id() == function.id() || parent.kind() == "for_statement" || syntax::is_function(parent) {
            return None;
        }
        if matches!(parent.kind(), "communication_case" | "default_case") {
            let in_communication = parent.child_by_field_name("communication").is_some_and(|c| syntax::contains(c, position));
            let select = parent.parent().filter(|select| select.kind() == "select_statement")?;
            return (!in_communication).then_some((select, parent));
        }
        current = parent;
    }
    None
}

/// Returns the case of `select` that receives the stop signal without assigning it.
pub fn stop_case_of<'a>(select: Node<'a>, operands: &[String], text: &[u8]) -> Option<Node<'a>> {
    syntax::named_children(select).into_iter().find(|case| is_stop_case(*case, operands, text))
}

/// Reports whether `case` is a select case that receives the stop signal without
/// assigning it.
pub fn is_stop_case(case: Node, operands: &[String], text: &[u8]) -> bool {
    if case.kind() != "communication_case" {
        return false;
    }
    let Some(receive) = case.child_by_field_name("communication").filter(|c| c.kind() == "receive_statement") else { return false };
    if receive.child_by_field_name("left").is_some() {
        return false;
    }
    receive
        .child_by_field_name("right")
        .and_then(|right| right.child_by_field_name("operand"))
        .is_some_and(|operand| operands.iter().any(|wanted| syntax::text(operand, text) == wanted))
}

/// Returns the stop cases in the own code of a function body, in source order.
fn stop_cases<'a>(body: Node<'a>, operands: &[String], text: &[u8]) -> Vec<Node<'a>> {
    let mut found = Vec::new();
    syntax::walk(body, &mut |node| {
        if node.kind() == "func_literal" {
            return false;
        }
        if is_stop_case(node, operands, text) {
            found.push(node);
        }
        true
    });
    found
}

fn innermost_loop<'a>(node: Node<'a>, function: Node<'a>) -> Option<Node<'a>> {
    let mut current = node.parent();
    while let Some(parent) = current {
        if parent.id() == function.id() {
            return None;
        }
        if parent.kind() == "for_statement" {
            return Some(parent);
        }
        current = parent.parent();
    }
    None
}

fn has_named_results(result: Node) -> bool {
    result.kind() == "parameter_list"
        && syntax::named_children(result)
            .first()
            .is_some_and(|declaration| declaration.child_by_field_name("name").is_some())
}

/// Copies the statements of an existing stop case for use at `position`. They must end
/// by leaving (`return`, a labelled `break` of a loop around `position`, `continue`),
/// and every name they use must be declared where `position` is.
fn copy_of(stop_case: Node, position: Node, function: Node, text: &[u8]) -> Option<Exit> {
    let statements = syntax::statements(stop_case);
    if statements.is_empty() || statements.len() > MAX_COPIED_STATEMENTS {
        return None;
    }
    let last = *statements.last()?;
    let leaves = match last.kind() {
        "return_statement" | "continue_statement" => true,
        "break_statement" => label_of(last, text).is_some_and(|label| label_encloses(label, position, function, text)),
        _ => false,
    };
    if !leaves {
        return None;
    }
    for statement in &statements {
        if !is_plain(*statement, text) || !names_visible_at(*statement, stop_case, position, function, text) {
            return None;
        }
    }
    let first = statements[0];
    let indent = String::from_utf8_lossy(crate::source::indentation_at(text, first.start_byte())).into_owned();
    Some(Exit::Copy {
        statements: statements.iter().map(|statement| syntax::text(*statement, text).to_string()).collect(),
        indent,
    })
}

fn label_of<'a>(statement: Node, text: &'a [u8]) -> Option<&'a str> {
    syntax::named_children(statement)
        .into_iter()
        .find(|child| child.kind() == "label_name")
        .map(|label| syntax::text(label, text))
}

/// Reports whether a loop labelled `label` encloses `position` inside `function`.
fn label_encloses(label: &str, position: Node, function: Node, text: &[u8]) -> bool {
    let mut current = position.parent();
    while let Some(parent) = current {
        if parent.id() == function.id() {
            return false;
        }
        if parent.kind() == "labeled_statement" && label_of(parent, text) == Some(label) {
            return true;
        }
        current = parent.parent();
    }
    false
}

/// Reports whether a statement can be copied as it is. It may not contain an unlabelled
/// `break` (it would leave another statement), a `fallthrough`, a `goto`, a label
/// (labels must be unique) or a multi-line raw string (its lines must keep their
/// indentation).
fn is_plain(statement: Node, text: &[u8]) -> bool {
    let statement_text = syntax::text(statement, text);
    if statement_text.contains('`') && statement_text.contains('\n') {
        return false;
    }
    let mut plain = true;
    syntax::walk(statement, &mut |node| {
        match node.kind() {
            "func_literal" => return false,
            "fallthrough_statement" | "goto_statement" | "labeled_statement" => plain = false,
            "break_statement" => plain &= label_of(node, text).is_some(),
            _ => {}
        }
        plain
    });
    plain
}

/// Reports whether every name that `statement` uses and `function` declares (outside
/// the copied `stop_case`) is declared in a scope that contains `position`, before it.
fn names_visible_at(statement: Node, stop_case: Node, position: Node, function: Node, text: &[u8]) -> bool {
    let Some(body) = function.child_by_field_name("body") else { return false };
    let mut names = Vec::new();
    syntax::walk(statement, &mut |node| {
        if node.kind() == "identifier" {
            names.push(syntax::text(node, text));
        }
        true
    });
    names.into_iter().all(|name| {
        let declarations = declarations_of(body, name, text);
        let outside: Vec<Node> = declarations.into_iter().filter(|d| !syntax::contains(stop_case, *d)).collect();
        outside.is_empty() || outside.iter().any(|declaration| is_visible_at(*declaration, position))
    })
}

/// Returns the identifiers that declare `name` in a function body: `:=`, `var`, `const`,
/// range and receive clauses, and parameters of function literals.
fn declarations_of<'a>(body: Node<'a>, name: &str, text: &[u8]) -> Vec<Node<'a>> {
    let mut found = Vec::new();
    syntax::walk(body, &mut |node| {
        if node.kind() != "identifier" || syntax::text(node, text) != name {
            return true;
        }
        let Some(parent) = node.parent() else { return true };
        let declares = match parent.kind() {
            "var_spec" | "const_spec" | "parameter_declaration" | "variadic_parameter_declaration" => {
                parent.child_by_field_name("type").map(|t| t.id()) != Some(node.id())
            }
            "expression_list" => parent.parent().is_some_and(|holder| {
                let declaring = match holder.kind() {
                    "short_var_declaration" | "receive_statement" => true,
                    "range_clause" => {
                        let mut cursor = holder.walk();
                        let declares = holder.children(&mut cursor).any(|token| !token.is_named() && syntax::text(token, text) == ":=");
                        declares
                    }
                    _ => false,
                };
                declaring && holder.child_by_field_name("left").map(|left| left.id()) == Some(parent.id())
            }),
            _ => false,
        };
        if declares {
            found.push(node);
        }
        true
    });
    found
}

/// Reports whether the declaring identifier is in scope at `position`: the block (or
/// function, `for` or `if` clause) that contains its declaration also contains
/// `position`, and the declaration ends before it.
fn is_visible_at(declaration: Node, position: Node) -> bool {
    if declaration.end_byte() > position.start_byte() {
        return false;
    }
    let mut scope = declaration.parent();
    while let Some(node) = scope {
        if matches!(node.kind(), "block" | "func_literal" | "for_statement" | "if_statement" | "communication_case" | "expression_case" | "type_case" | "default_case") {
            return syntax::contains(node, position);
        }
        scope = node.parent();
    }
    false
}

/// Adds to `block` the statement that turns a call of a helper closure into a check of
/// its result: `if !name(args) {`, the exit, then `}`.
pub fn guarded_call(call_text: &str, exit: &Exit, block: &mut Block) {
    block.line(0, &format!("if !{call_text} {{"));
    exit.render(block, 1);
    block.line(0, "}");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `source` as the body of a file of package `p`.
    fn parse(source: &str) -> (String, tree_sitter::Tree) {
        let text = format!("package p\n\n{source}\n");
        let tree = syntax::parse(text.as_bytes());
        (text, tree)
    }

    fn first_send<'a>(tree: &'a tree_sitter::Tree) -> Node<'a> {
        let mut found = None;
        syntax::walk(tree.root_node(), &mut |node| {
            if node.kind() == "send_statement" && found.is_none() {
                found = Some(node);
            }
            found.is_none()
        });
        found.expect("the source has a send statement")
    }

    fn exit_of(source: &str) -> Result<Exit, &'static str> {
        let (text, tree) = parse(source);
        let send = first_send(&tree);
        let function = syntax::enclosing_function(send).unwrap();
        exit_at(send, function, &["w.quit".to_string()], Some("w.ctx.Err()"), text.as_bytes())
    }

    #[test]
    fn last_send_needs_no_exit() {
        assert_eq!(exit_of("func (w *W) f() {\n\tprepare()\n\tw.out <- 1\n}"), Ok(Exit::Nothing));
    }

    #[test]
    fn loop_stop_case_is_copied() {
        let exit = exit_of("func (w *W) f() error {\n\tfor {\n\t\tselect {\n\t\tcase <-w.quit:\n\t\t\treturn errClosed\n\t\tcase v := <-w.in:\n\t\t\tw.out <- v\n\t\t\tlog(v)\n\t\t}\n\t}\n}");
        assert_eq!(exit, Ok(Exit::Copy { statements: vec!["return errClosed".to_string()], indent: "\t\t\t".to_string() }));
    }

    #[test]
    fn stop_case_with_later_local_is_not_copied() {
        let source = "func (w *W) f() (int, error) {\n\tfor {\n\t\tw.out <- 1\n\t\tn := count()\n\t\tselect {\n\t\tcase <-w.quit:\n\t\t\treturn n, nil\n\t\tdefault:\n\t\t}\n\t}\n}";
        assert!(exit_of(source).is_err());
    }

    #[test]
    fn plain_loop_returns() {
        assert_eq!(exit_of("func (w *W) f() {\n\tfor v := range w.in {\n\t\tw.out <- v\n\t}\n}"), Ok(Exit::Return));
    }

    #[test]
    fn error_result_returns_context_error() {
        let exit = exit_of("func (w *W) f() error {\n\tfor v := range w.in {\n\t\tw.out <- v\n\t}\n\treturn nil\n}");
        assert_eq!(exit, Ok(Exit::Statement("return w.ctx.Err()".to_string())));
    }

    #[test]
    fn return_must_not_skip_code_after_loop() {
        assert!(exit_of("func (w *W) f() {\n\tfor v := range w.in {\n\t\tw.out <- v\n\t}\n\tw.wg.Done()\n}").is_err());
    }

    #[test]
    fn deferred_send_falls_through() {
        assert_eq!(exit_of("func (w *W) f() {\n\tdefer func() {\n\t\tw.out <- 1\n\t\tw.wg.Done()\n\t}()\n}"), Ok(Exit::Nothing));
    }

    #[test]
    fn literals_are_classified() {
        let (text, tree) = parse("func (w *W) f() {\n\tgo func() { w.a <- 1 }()\n\th := func() { w.b <- 1 }\n\th()\n\tforEach(func() { w.c <- 1 })\n}");
        let mut kinds = Vec::new();
        syntax::walk(tree.root_node(), &mut |node| {
            if node.kind() == "func_literal" {
                kinds.push(match owner_of(node, text.as_bytes()) {
                    Owner::Own(_) => "own".to_string(),
                    Owner::Helper { name, .. } => format!("helper {name}"),
                    Owner::Unknown => "unknown".to_string(),
                });
            }
            true
        });
        assert_eq!(kinds, ["own", "helper h", "unknown"]);
    }

    #[test]
    fn helper_called_from_loop_gets_exit() {
        let (text, tree) = parse("func (w *W) f() {\n\th := func() {\n\t\tw.b <- 1\n\t\tafter()\n\t}\n\tfor {\n\t\tselect {\n\t\tcase <-w.tick:\n\t\t\th()\n\t\tcase <-w.quit:\n\t\t\treturn\n\t\t}\n\t}\n}");
        let send = first_send(&tree);
        let closure = syntax::enclosing_function(send).unwrap();
        let defining = syntax::enclosing_function(closure).unwrap();
        let calls = helper_calls(closure, "h", defining, &["w.quit".to_string()], None, text.as_bytes()).unwrap();
        assert_eq!(calls.call_sites.len(), 1);
        assert_eq!(calls.call_sites[0].1, Exit::Copy { statements: vec!["return".to_string()], indent: "\t\t\t".to_string() });
    }
}
