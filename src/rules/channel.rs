//! Uses of a channel variable: the identifiers that refer to it, the statement that
//! declares it, and the goroutines that receive it.

use tree_sitter::Node;

use super::Context;
use crate::syntax;

/// Returns the statement that declares the channel, inside a function body.
pub(super) fn declaring_statement(call: Node) -> Option<Node> {
    let mut current = call.parent()?;
    while !matches!(current.kind(), "short_var_declaration" | "var_declaration") {
        current = current.parent()?;
    }
    current.parent().filter(|parent| parent.kind() == "statement_list").map(|_| current)
}

/// Returns the identifiers named `name` under `node` that refer to the same variable:
/// it skips function literals whose parameters declare the name again.
pub(super) fn uses<'a>(node: Node<'a>, name: &str, text: &[u8]) -> Vec<Node<'a>> {
    let mut found = Vec::new();
    syntax::walk(node, &mut |inner| {
        if inner.kind() == "func_literal" {
            let parameters = inner.child_by_field_name("parameters");
            let shadows = parameters.is_some_and(|list| {
                syntax::parameter_names(list, text).iter().any(|(parameter, _)| *parameter == name)
            });
            if shadows {
                return false;
            }
        }
        if inner.kind() == "identifier" && syntax::text(inner, text) == name {
            found.push(inner);
        }
        true
    });
    found
}

/// Reports whether the identifier is declared or assigned here: `:=`, `=`, `var`, a
/// range clause, `++` or `--`.
pub(super) fn is_declared_or_assigned(identifier: Node) -> bool {
    let Some(parent) = identifier.parent() else { return false };
    match parent.kind() {
        "var_spec" | "const_spec" | "inc_statement" | "dec_statement" => true,
        "expression_list" => parent.parent().is_some_and(|holder| {
            matches!(holder.kind(), "short_var_declaration" | "assignment_statement" | "range_clause")
                && holder.child_by_field_name("left").is_some_and(|left| left.id() == parent.id())
        }),
        _ => false,
    }
}

/// Returns the innermost function literal around `node` that is inside `function`.
pub(super) fn innermost_literal<'a>(node: Node<'a>, function: Node<'a>) -> Option<Node<'a>> {
    let literal = syntax::enclosing_function(node)?;
    (literal.id() != function.id()).then_some(literal)
}

/// Returns the outermost function literal between `node` and `function` when it is the
/// function of a `go` statement.
pub(super) fn goroutine_literal<'a>(node: Node<'a>, function: Node<'a>) -> Option<Node<'a>> {
    let mut outermost = None;
    let mut current = node.parent();
    while let Some(candidate) = current {
        if candidate.id() == function.id() {
            break;
        }
        if candidate.kind() == "func_literal" {
            outermost = Some(candidate);
        }
        current = candidate.parent();
    }
    let literal = outermost?;
    let call = literal.parent().filter(|parent| parent.kind() == "call_expression")?;
    call.parent().filter(|parent| parent.kind() == "go_statement")?;
    Some(literal)
}

pub(super) fn is_receive(identifier: Node) -> bool {
    identifier.parent().is_some_and(|parent| {
        parent.kind() == "unary_expression"
            && parent.child_by_field_name("operator").is_some_and(|operator| operator.kind() == "<-")
            && parent.child_by_field_name("operand").map(|operand| operand.id()) == Some(identifier.id())
    })
}

/// Returns the `go` statement whose call takes the identifier as a plain argument.
pub(super) fn go_argument(identifier: Node) -> Option<Node> {
    let arguments = identifier.parent().filter(|parent| parent.kind() == "argument_list")?;
    let call = arguments.parent()?;
    call.parent().filter(|statement| statement.kind() == "go_statement")
}

/// Finds the method that `go s.worker(ch)` starts when `s` is the receiver of the
/// enclosing method, so its type is known from the syntax.
pub(super) fn receiver_method<'a>(context: &Context<'a>, callee: Node<'a>, function: Node<'a>) -> Option<crate::package::FunctionRef<'a>> {
    let operand = callee.child_by_field_name("operand").filter(|operand| operand.kind() == "identifier")?;
    let method_name = syntax::text(callee.child_by_field_name("field")?, context.text);
    let mut enclosing = Some(function);
    while let Some(candidate) = enclosing {
        if candidate.kind() == "method_declaration" {
            break;
        }
        enclosing = syntax::enclosing_function(candidate);
    }
    let method = enclosing?;
    if crate::package::receiver_name(method, context.text)? != syntax::text(operand, context.text) {
        return None;
    }
    let receiver_type = crate::package::receiver_type_name(method, context.text)?;
    context.method(&receiver_type, method_name)
}
