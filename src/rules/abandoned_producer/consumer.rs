//! The consumer's receive loop and the ways out of it before the channel is closed:
//! `return` and other exits, `break` out of the loop, and `goto` past it.

use tree_sitter::Node;

use crate::rules::channel::{is_declared_or_assigned, is_receive, uses};
use crate::rules::flow::{self, ExitStyle};
use crate::rules::Context;
use crate::syntax;

/// The loop in which the consumer receives: `for v := range ch`, or a `for { ... }`
/// without a condition whose body receives with `<-ch`.
pub(super) struct ReceiveLoop<'a> {
    pub loop_node: Node<'a>,
    /// The function whose own code contains the loop.
    pub function: Node<'a>,
    /// The `ok` of `v, ok := <-ch`, whose false value means the channel is closed.
    pub ok: Option<String>,
    /// The statement that declares the channel, when it is in `function`. A loop
    /// around it makes a new channel on each turn, so coming back to the receive loop
    /// through that loop reads another channel.
    pub declaration: Option<Node<'a>>,
}

/// Reports whether the identifier is what `for ... range` ranges over.
pub(super) fn is_range_target(identifier: Node) -> bool {
    identifier
        .parent()
        .filter(|parent| parent.kind() == "range_clause")
        .and_then(|clause| clause.child_by_field_name("right"))
        .is_some_and(|right| right.id() == identifier.id())
}

/// Returns the receive loop around a receive of the channel: the `for range` over it,
/// or the innermost loop around `<-ch` when that loop has no condition. Other loops
/// end on their own condition and are not matched.
pub(super) fn receive_loop<'a>(identifier: Node<'a>, text: &[u8]) -> Option<ReceiveLoop<'a>> {
    let function = syntax::enclosing_function(identifier)?;
    if is_range_target(identifier) {
        let loop_node = identifier.parent()?.parent()?;
        return Some(ReceiveLoop { loop_node, function, ok: None, declaration: None });
    }
    if !is_receive(identifier) {
        return None;
    }
    let receive = identifier.parent()?;
    let loop_node = super::producer::enclosing_loop(receive, function)?;
    let clauses = syntax::named_children(loop_node).into_iter().filter(|child| child.kind() != "comment").count();
    if clauses != 1 {
        return None;
    }
    Some(ReceiveLoop { loop_node, function, ok: ok_name(receive, text), declaration: None })
}

/// Returns `ok` for `v, ok := <-ch`, `v, ok = <-ch` and `case v, ok := <-ch:`.
fn ok_name(receive: Node, text: &[u8]) -> Option<String> {
    let parent = receive.parent()?;
    let left = match parent.kind() {
        "expression_list" => {
            let holder = parent.parent().filter(|holder| matches!(holder.kind(), "short_var_declaration" | "assignment_statement"))?;
            if parent.named_child_count() != 1 || holder.child_by_field_name("right")?.id() != parent.id() {
                return None;
            }
            holder.child_by_field_name("left")?
        }
        "receive_statement" => parent.child_by_field_name("left")?,
        _ => return None,
    };
    let names = syntax::named_children(left);
    let [_, ok] = names.as_slice() else { return None };
    let name = syntax::text(*ok, text);
    (ok.kind() == "identifier" && name != "_").then(|| name.to_string())
}

/// Finds a way out of the receive loop that leaves the channel unread before it is
/// closed. Exits that `if !ok` guards follow the close and do not count.
pub(super) fn leaves_early(receive_loop: &ReceiveLoop, text: &[u8], style: ExitStyle) -> bool {
    let Some(body) = receive_loop.loop_node.child_by_field_name("body") else { return false };
    let mut early = false;
    syntax::walk(body, &mut |node| {
        if early || node.kind() == "func_literal" {
            return false;
        }
        let leaves = match node.kind() {
            "break_statement" => breaks_out(node, receive_loop, text),
            "goto_statement" => jumps_out(node, receive_loop, text),
            "return_statement" | "expression_statement" => flow::is_exit(node, text, style),
            _ => false,
        };
        early = leaves && !in_close_branch(node, receive_loop, text);
        !early
    });
    early
}

/// Reports whether a `break` leaves the receive loop for good: it targets the loop or
/// a labelled statement around it, and no loop around that target can come back.
fn breaks_out(statement: Node, receive_loop: &ReceiveLoop, text: &[u8]) -> bool {
    let target = match syntax::named_children(statement).into_iter().find(|child| child.kind() == "label_name") {
        Some(label) => labelled_ancestor(statement, syntax::text(label, text), receive_loop.function, text),
        None => innermost_breakable(statement),
    };
    let Some(target) = target else { return false };
    syntax::contains(target, receive_loop.loop_node) && !can_come_back(target, receive_loop)
}

/// Reports whether a `goto` jumps forward past the end of the receive loop, with no
/// loop around both to come back through.
fn jumps_out(statement: Node, receive_loop: &ReceiveLoop, text: &[u8]) -> bool {
    let Some(label) = syntax::named_children(statement).into_iter().find(|child| child.kind() == "label_name") else {
        return false;
    };
    let name = syntax::text(label, text);
    let Some(body) = receive_loop.function.child_by_field_name("body") else { return false };
    let mut target = None;
    syntax::walk(body, &mut |node| {
        if node.kind() == "func_literal" || target.is_some() {
            return false;
        }
        let is_target = node.kind() == "labeled_statement"
            && node.child_by_field_name("label").is_some_and(|label| syntax::text(label, text) == name);
        if is_target {
            target = Some(node);
        }
        true
    });
    let Some(target) = target else { return false };
    target.start_byte() >= receive_loop.loop_node.end_byte() && !can_come_back(receive_loop.loop_node, receive_loop)
}

/// Returns the innermost `for`, `switch` or `select` that an unlabelled `break` leaves.
fn innermost_breakable(statement: Node) -> Option<Node> {
    let mut current = statement.parent();
    while let Some(parent) = current {
        match parent.kind() {
            "for_statement" | "expression_switch_statement" | "type_switch_statement" | "select_statement" => return Some(parent),
            "func_literal" => return None,
            _ => {}
        }
        current = parent.parent();
    }
    None
}

/// Returns the statement labelled `name` around `node`.
fn labelled_ancestor<'a>(node: Node<'a>, name: &str, function: Node<'a>, text: &[u8]) -> Option<Node<'a>> {
    let mut current = node.parent();
    while let Some(parent) = current {
        if parent.id() == function.id() || parent.kind() == "func_literal" {
            return None;
        }
        if parent.kind() == "labeled_statement" && parent.child_by_field_name("label").is_some_and(|label| syntax::text(label, text) == name) {
            return Some(parent);
        }
        current = parent.parent();
    }
    None
}

/// Reports whether a loop of the function around `node` can run it again on the same
/// channel.
fn can_come_back(node: Node, receive_loop: &ReceiveLoop) -> bool {
    let mut current = node.parent();
    while let Some(parent) = current {
        if parent.id() == receive_loop.function.id() || syntax::is_function(parent) {
            return false;
        }
        if parent.kind() == "for_statement" {
            return !receive_loop.declaration.is_some_and(|declaration| syntax::contains(parent, declaration));
        }
        current = parent.parent();
    }
    false
}

/// Reports whether `node` runs only once the channel is closed: inside `if !ok {...}`
/// or the `else` of `if ok {...}`, where `ok` comes from the loop's receive.
fn in_close_branch(node: Node, receive_loop: &ReceiveLoop, text: &[u8]) -> bool {
    let Some(ok) = &receive_loop.ok else { return false };
    let mut current = node;
    while let Some(parent) = current.parent() {
        if parent.id() == receive_loop.loop_node.id() {
            return false;
        }
        if parent.kind() == "if_statement" {
            let condition: String = parent
                .child_by_field_name("condition")
                .map(|condition| syntax::text(condition, text).split_whitespace().collect())
                .unwrap_or_default();
            let in_consequence = parent.child_by_field_name("consequence").is_some_and(|block| block.id() == current.id());
            let in_alternative = parent.child_by_field_name("alternative").is_some_and(|block| block.id() == current.id());
            let closed_when_true = condition == format!("!{ok}") || condition == format!("{ok}==false");
            if (in_consequence && closed_when_true) || (in_alternative && condition == *ok) {
                return true;
            }
        }
        current = parent;
    }
    false
}

/// Finds a function of the package that ranges over a call of `name` (or over a
/// variable holding its result) and can leave that loop early. Returns the caller's
/// name for the message.
pub(super) fn early_caller(context: &Context, name: &str, style: ExitStyle) -> Option<String> {
    let mut found = None;
    context.for_each_file(&mut |tree, text| {
        if found.is_some() {
            return;
        }
        syntax::walk(tree.root_node(), &mut |node| {
            if found.is_some() {
                return false;
            }
            let is_call = node.kind() == "call_expression"
                && node.child_by_field_name("function").is_some_and(|callee| callee.kind() == "identifier" && syntax::text(callee, text) == name);
            if is_call {
                found = caller_leaves_early(node, text, style);
            }
            true
        });
    });
    found
}

/// Checks one call of the channel's function: a receive loop over its result that
/// can leave early. Returns the name of the function that contains that loop.
fn caller_leaves_early(call: Node, text: &[u8], style: ExitStyle) -> Option<String> {
    let function = syntax::enclosing_function(call)?;
    let parent = call.parent()?;
    let receive_loop = if parent.kind() == "range_clause" && parent.child_by_field_name("right")?.id() == call.id() {
        ReceiveLoop { loop_node: parent.parent()?, function, ok: None, declaration: None }
    } else {
        let declaration = parent.parent().filter(|holder| parent.kind() == "expression_list" && holder.kind() == "short_var_declaration")?;
        let left = syntax::named_children(declaration.child_by_field_name("left")?);
        let [variable] = left.as_slice() else { return None };
        if parent.named_child_count() != 1 {
            return None;
        }
        let body = function.child_by_field_name("body")?;
        let variable_name = syntax::text(*variable, text);
        let later: Vec<Node> = uses(body, variable_name, text)
            .into_iter()
            .filter(|identifier| identifier.start_byte() > declaration.end_byte())
            .collect();
        let [receive] = later.as_slice() else { return None };
        if is_declared_or_assigned(*receive) || syntax::enclosing_function(*receive).map(|f| f.id()) != Some(function.id()) {
            return None;
        }
        ReceiveLoop { declaration: Some(declaration), ..receive_loop(*receive, text)? }
    };
    if !leaves_early(&receive_loop, text, style) {
        return None;
    }
    Some(match function.child_by_field_name("name") {
        Some(name) => format!("`{}`", syntax::text(name, text)),
        None => "a function literal".to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `body` as the body of `func f()` and reports whether the receive loop
    /// around the first use of `ch` can be left early.
    fn leaves(body: &str) -> Option<bool> {
        let text = format!("package p\n\nfunc f() {{\n{body}\n}}\n");
        let tree = syntax::parse(text.as_bytes());
        let function = tree.root_node().named_child(1).unwrap();
        let identifier = uses(function.child_by_field_name("body").unwrap(), "ch", text.as_bytes())[0];
        let receive_loop = receive_loop(identifier, text.as_bytes())?;
        Some(leaves_early(&receive_loop, text.as_bytes(), ExitStyle::default()))
    }

    #[test]
    fn return_in_range_leaves() {
        assert_eq!(leaves("for v := range ch {\n\tif v {\n\t\treturn\n\t}\n}"), Some(true));
    }

    #[test]
    fn draining_range_stays() {
        assert_eq!(leaves("for v := range ch {\n\tif v {\n\t\tcontinue\n\t}\n}"), Some(false));
    }

    #[test]
    fn break_in_select_stays() {
        let body = "for {\n\tselect {\n\tcase v, ok := <-ch:\n\t\tif !ok {\n\t\t\treturn\n\t\t}\n\t\tif v {\n\t\t\tbreak\n\t\t}\n\t}\n}";
        assert_eq!(leaves(body), Some(false));
    }

    #[test]
    fn labelled_break_from_select_leaves() {
        let body = "receive:\nfor {\n\tselect {\n\tcase v := <-ch:\n\t\tif v {\n\t\t\tbreak receive\n\t\t}\n\t}\n}";
        assert_eq!(leaves(body), Some(true));
    }

    #[test]
    fn exit_after_close_stays() {
        assert_eq!(leaves("for {\n\tv, ok := <-ch\n\tif !ok {\n\t\treturn\n\t}\n\t_ = v\n}"), Some(false));
        assert_eq!(leaves("for {\n\tif _, ok := <-ch; ok {\n\t\tcontinue\n\t} else {\n\t\tbreak\n\t}\n}"), Some(false));
    }

    #[test]
    fn timeout_case_leaves() {
        let body = "for {\n\tselect {\n\tcase v, ok := <-ch:\n\t\tif !ok {\n\t\t\treturn\n\t\t}\n\t\t_ = v\n\tcase <-time.After(d):\n\t\treturn\n\t}\n}";
        assert_eq!(leaves(body), Some(true));
    }

    #[test]
    fn forward_goto_leaves() {
        assert_eq!(leaves("for v := range ch {\n\tif v {\n\t\tgoto done\n\t}\n}\ndone:\n\tprintln()"), Some(true));
    }

    #[test]
    fn break_inside_outer_loop_comes_back() {
        assert_eq!(leaves("for {\n\tfor v := range ch {\n\t\tif v {\n\t\t\tbreak\n\t\t}\n\t}\n}"), Some(false));
    }

    #[test]
    fn exit_in_closure_is_not_followed() {
        assert_eq!(leaves("for v := range ch {\n\tgo func() {\n\t\treturn\n\t}()\n\t_ = v\n}"), Some(false));
    }

    #[test]
    fn counted_loop_is_no_receive_loop() {
        assert_eq!(leaves("for i := 0; i < 3; i++ {\n\t<-ch\n}"), None);
    }
}
