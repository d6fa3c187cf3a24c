//! Uses of a channel variable: the identifiers that refer to it, the statement that
//! declares it, and the goroutines that receive it.

use tree_sitter::Node;

pub(super) use super::names::{is_declared_or_assigned, uses};
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
