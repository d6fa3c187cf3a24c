//! unguarded-send: a long-lived object sends on one of its channel fields with a plain
//! send, although it has a stop signal that the rest of its code watches. Once the
//! consumer has stopped the object and stopped reading, the send blocks forever. The fix
//! makes the send a case of a `select` that also receives the stop signal.
//!
//! The match starts at a send statement on `r.field`, or on a local copy of that field,
//! in a method whose receiver is `r` or in a function literal inside one. The stop
//! signals of the receiver's type come from the package's syntax (`signal`). The send is
//! reported when the function that runs it watches one of them elsewhere, or is a
//! goroutine of the object that loops, unless the channel keeps a reader after the stop.
//! `exit` chooses what the code does once the signal fires.

mod block;
mod exit;
mod signal;

use tree_sitter::Node;

use self::block::Block;
use self::exit::{Exit, Owner};
use self::signal::{Kind, StopSignal, TypeFacts};
use super::{Context, Rule};
use crate::fix::{Applicability, Edit, Finding};
use crate::package;
use crate::source::{indentation_at, line_ending_at};
use crate::syntax;

pub const RULE: Rule = Rule {
    id: "unguarded-send",
    summary: "a long-lived object sends on a channel field with a plain send that ignores the object's own stop signal",
    fix_safety: "unsafe: the send gives up once the object is stopped",
    go_versions: "all",
    applies_to: |_| true,
    documentation: include_str!("../../../transforms/unguarded-send/README.md"),
    required_tokens: &["<-", "func ("],
    node_kinds: &["send_statement"],
    check,
};

/// A plain send on a channel field of a method's receiver.
struct Target<'a> {
    method: Node<'a>,
    receiver: &'a str,
    type_name: String,
    field: String,
}

/// The cancel call that runs right before a send, and the statement (the send or a
/// statement around it) after which it moves.
struct Move<'a> {
    cancel: Node<'a>,
    anchor: Node<'a>,
}

fn check(context: &Context, send: Node, findings: &mut Vec<Finding>) {
    let text = context.text;
    let Some(target) = target_of(send, text) else { return };
    let Some(facts) = TypeFacts::read(context, &target.type_name) else { return };
    let signals = facts.stop_signals();
    if signals.iter().any(|signal| signal.field() == target.field) {
        return;
    }
    let Some(signal) = choose_signal(&signals, &facts, &target, send, text) else { return };
    if has_reader_after_stop(&facts, signal, &target, send, text) {
        return;
    }
    let operands = stop_operands(target.method, target.receiver, signal, text);
    if runs_after_stop(send, &operands, text) {
        return;
    }
    let Some(function) = syntax::enclosing_function(send) else { return };

    let edits = match exit::owner_of(function, text) {
        Owner::Own(function) => fix_in_own_body(send, function, &target, signal, &operands, text),
        Owner::Helper { closure, name, defining } => {
            let sends = helper_sends(closure, &target, &facts, signal, text);
            if sends.first().map(|first| first.id()) != Some(send.id()) {
                // The finding of the closure's first send fixes every send in it.
                return;
            }
            fix_in_helper(&sends, closure, name, defining, &target, signal, &operands, text)
        }
        Owner::Unknown => Err("the send is in a function literal passed to a call, whose return may not end the goroutine"),
    };
    findings.push(finding(send, &target, signal, edits, text));
}

/// Returns the method, receiver and field of a plain send on a field of the method's
/// receiver. A send that is a case of a `select` is not plain.
fn target_of<'a>(send: Node<'a>, text: &'a [u8]) -> Option<Target<'a>> {
    let parent = send.parent()?;
    if parent.kind() == "communication_case" && parent.child_by_field_name("communication").map(|c| c.id()) == Some(send.id()) {
        return None;
    }
    let method = enclosing_method(send)?;
    let receiver = package::receiver_name(method, text)?;
    if receiver == "_" || is_shadowed(method, receiver, text) {
        return None;
    }
    let type_name = package::receiver_type_name(method, text)?;
    let channel = send.child_by_field_name("channel")?;
    let field = sent_field(channel, method, receiver, text)?;
    Some(Target { method, receiver, type_name, field })
}

/// Returns the method declaration around `node`, through any function literals; None
/// inside a plain function.
fn enclosing_method(node: Node) -> Option<Node> {
    let mut current = syntax::enclosing_function(node);
    while let Some(function) = current {
        match function.kind() {
            "method_declaration" => return Some(function),
            "function_declaration" => return None,
            _ => current = syntax::enclosing_function(function),
        }
    }
    None
}

/// Reports whether the method declares the receiver's name again anywhere, so that
/// `r.field` may mean another value.
fn is_shadowed(method: Node, receiver: &str, text: &[u8]) -> bool {
    let Some(body) = method.child_by_field_name("body") else { return true };
    let mut shadowed = false;
    syntax::walk(body, &mut |node| {
        if node.kind() == "identifier" && syntax::text(node, text) == receiver {
            shadowed |= declares(node);
        }
        !shadowed
    });
    shadowed
}

/// Reports whether an identifier is the name being declared by a parameter, `:=`,
/// `var`, or a range clause.
fn declares(identifier: Node) -> bool {
    let Some(parent) = identifier.parent() else { return false };
    match parent.kind() {
        "parameter_declaration" | "variadic_parameter_declaration" | "var_spec" | "const_spec" => {
            parent.child_by_field_name("type").map(|t| t.id()) != Some(identifier.id())
        }
        "expression_list" => parent.parent().is_some_and(|holder| {
            matches!(holder.kind(), "short_var_declaration" | "range_clause" | "receive_statement")
                && holder.child_by_field_name("left").map(|left| left.id()) == Some(parent.id())
        }),
        _ => false,
    }
}

/// Returns the field of the receiver that a send's channel is: `r.out`, or a local
/// name declared once as `out := r.out`, or a parameter of a `go func(out ...)` literal
/// given `r.out`.
fn sent_field(channel: Node, method: Node, receiver: &str, text: &[u8]) -> Option<String> {
    match channel.kind() {
        "selector_expression" => field_of(channel, receiver, text),
        "identifier" => {
            let origin = single_origin(method, syntax::text(channel, text), text)?;
            field_of(origin, receiver, text)
        }
        _ => None,
    }
}

fn field_of(selector: Node, receiver: &str, text: &[u8]) -> Option<String> {
    if selector.kind() != "selector_expression" {
        return None;
    }
    let operand = selector.child_by_field_name("operand")?;
    let field = selector.child_by_field_name("field")?;
    (operand.kind() == "identifier" && syntax::text(operand, text) == receiver).then(|| syntax::text(field, text).to_string())
}

/// Returns the value a local name gets from its only declaration in the method, when
/// nothing assigns it again.
fn single_origin<'a>(method: Node<'a>, name: &str, text: &[u8]) -> Option<Node<'a>> {
    let body = method.child_by_field_name("body")?;
    let mut origins: Vec<Option<Node>> = Vec::new();
    let mut assigned = false;
    syntax::walk(body, &mut |node| {
        if node.kind() != "identifier" || syntax::text(node, text) != name {
            return true;
        }
        let Some(parent) = node.parent() else { return true };
        match parent.kind() {
            "expression_list" => {
                let Some(holder) = parent.parent() else { return true };
                let on_left = holder.child_by_field_name("left").map(|left| left.id()) == Some(parent.id());
                if !on_left {
                    return true;
                }
                match holder.kind() {
                    "short_var_declaration" => {
                        let left = syntax::named_children(parent);
                        let right = holder.child_by_field_name("right").map(syntax::named_children).unwrap_or_default();
                        let index = left.iter().position(|item| item.id() == node.id());
                        origins.push(index.filter(|_| left.len() == right.len()).map(|i| right[i]));
                    }
                    "assignment_statement" | "range_clause" | "receive_statement" => assigned = true,
                    _ => {}
                }
            }
            "var_spec" => {
                let mut cursor = parent.walk();
                let names: Vec<Node> = parent.children_by_field_name("name", &mut cursor).collect();
                let values = parent.child_by_field_name("value").map(syntax::named_children).unwrap_or_default();
                let index = names.iter().position(|item| item.id() == node.id());
                origins.push(index.filter(|_| names.len() == values.len()).map(|i| values[i]));
            }
            "parameter_declaration" => origins.push(go_argument_for(parent, name, text)),
            "inc_statement" | "dec_statement" => assigned = true,
            _ => {}
        }
        true
    });
    match origins.as_slice() {
        [Some(origin)] if !assigned => Some(*origin),
        _ => None,
    }
}

/// Returns the argument that a `go func(...) {...}(args)` statement passes for the
/// parameter `name` declared by `declaration`.
fn go_argument_for<'a>(declaration: Node<'a>, name: &str, text: &[u8]) -> Option<Node<'a>> {
    let parameters = declaration.parent().filter(|list| list.kind() == "parameter_list")?;
    let literal = parameters.parent().filter(|literal| literal.kind() == "func_literal")?;
    if !signal::is_go_literal(literal) {
        return None;
    }
    let position = syntax::parameter_names(parameters, text).iter().position(|(parameter, _)| *parameter == name)?;
    let call = literal.parent()?;
    syntax::call_arguments(call).get(position).copied()
}

/// Chooses the signal the fix waits on: one that the function running the send already
/// watches, or, in a goroutine the object starts that loops, the one that callers fire.
///
/// The evidence comes from the function that runs the send (for a helper closure, the
/// function that calls it), not from the goroutines that function starts. So the select
/// that a fix writes in one goroutine is never the evidence for a finding in another.
fn choose_signal<'s>(signals: &'s [StopSignal], facts: &TypeFacts, target: &Target, send: Node, text: &[u8]) -> Option<&'s StopSignal> {
    let scope = evidence_scope(send, text)?;
    if let Some(watched) = signals.iter().find(|signal| watches(scope, target.receiver, signal, text)) {
        return Some(watched);
    }
    if is_goroutine(scope, facts, text) && has_loop(scope) {
        return signals.first();
    }
    None
}

/// Returns the function whose code runs the send: the innermost method, `go` literal or
/// literal run by `g.Go` or `time.AfterFunc`. A helper closure and a deferred literal run
/// as part of the function that contains them.
fn evidence_scope<'a>(send: Node<'a>, text: &'a [u8]) -> Option<Node<'a>> {
    let mut current = syntax::enclosing_function(send);
    while let Some(function) = current {
        let deferred = function
            .parent()
            .and_then(|call| call.parent())
            .is_some_and(|statement| statement.kind() == "defer_statement");
        match exit::owner_of(function, text) {
            Owner::Own(own) if !deferred => return Some(own),
            Owner::Helper { defining, .. } => return Some(defining),
            _ => current = syntax::enclosing_function(function),
        }
    }
    None
}

/// Walks the code of `scope` without entering the goroutines it starts.
fn walk_scope<'a>(scope: Node<'a>, visit: &mut dyn FnMut(Node<'a>) -> bool) {
    syntax::walk(scope, &mut |node| {
        if node.id() != scope.id() && node.kind() == "func_literal" && signal::is_go_literal(node) {
            return false;
        }
        visit(node)
    });
}

/// Reports whether `scope` waits on the signal or checks it: a receive from `r.quit` or
/// a local copy of it, or a call of `r.ctx.Done()` or `r.ctx.Err()`.
fn watches(scope: Node, receiver: &str, signal: &StopSignal, text: &[u8]) -> bool {
    let mut found = false;
    walk_scope(scope, &mut |node| {
        found |= match &signal.kind {
            Kind::Context { context_field, .. } => {
                node.kind() == "call_expression" && {
                    let call = syntax::text(node, text);
                    call == format!("{receiver}.{context_field}.Done()") || call == format!("{receiver}.{context_field}.Err()")
                }
            }
            Kind::Channel { field } => {
                let operand = format!("{receiver}.{field}");
                let is_receive = node.kind() == "unary_expression"
                    && node.child_by_field_name("operator").is_some_and(|operator| operator.kind() == "<-")
                    && node.child_by_field_name("operand").is_some_and(|inner| syntax::text(inner, text) == operand);
                is_receive || node.kind() == "short_var_declaration" && is_copy_of(node, &operand, text)
            }
        };
        !found
    });
    found
}

/// Reports whether a declaration is `name := value` with `value` written as `operand`.
fn is_copy_of(declaration: Node, operand: &str, text: &[u8]) -> bool {
    let left = declaration.child_by_field_name("left").map(syntax::named_children).unwrap_or_default();
    let right = declaration.child_by_field_name("right").map(syntax::named_children).unwrap_or_default();
    left.len() == 1 && right.len() == 1 && syntax::text(right[0], text) == operand
}

/// Reports whether the function that runs the send also receives from the same field,
/// as code does that uses a buffered channel as a lock (`st := <-w.read`, later
/// `w.read <- st`) or puts work back on its own queue. Its reader is that code itself.
fn receives_own_channel(send: Node, target: &Target, text: &[u8]) -> bool {
    let Some(scope) = evidence_scope(send, text) else { return false };
    let channel = format!("{}.{}", target.receiver, target.field);
    let mut found = false;
    walk_scope(scope, &mut |node| {
        found |= node.kind() == "unary_expression"
            && node.child_by_field_name("operator").is_some_and(|operator| operator.kind() == "<-")
            && node.child_by_field_name("operand").is_some_and(|operand| syntax::text(operand, text) == channel);
        !found
    });
    found
}

/// Reports whether the syntax shows that the channel keeps a reader after the stop, or
/// that this send finds room. A select on the stop signal would then drop a value that
/// someone waits for.
fn has_reader_after_stop(facts: &TypeFacts, signal: &StopSignal, target: &Target, send: Node, text: &[u8]) -> bool {
    facts.is_read_after_stop(signal, &target.field)
        || facts.awaits_reply(&target.field)
        || receives_own_channel(send, target, text)
        || is_token(send, text) && facts.is_always_buffered(&target.field)
}

/// Reports whether the send, or for a send in a helper closure one of the closure's
/// calls, runs only once the signal has fired. Such a send is a final flush that the
/// author wants delivered, and a select on the signal would drop it.
fn runs_after_stop(send: Node, operands: &[String], text: &[u8]) -> bool {
    let helper = syntax::enclosing_function(send).and_then(|function| match exit::owner_of(function, text) {
        Owner::Helper { name, defining, .. } => Some((name, defining)),
        _ => None,
    });
    match helper {
        Some((name, defining)) => calls_of(name, defining, text).into_iter().any(|call| position_after_stop(call, operands, text)),
        None => position_after_stop(send, operands, text),
    }
}

/// Returns the calls `name(...)` in the code of `defining`.
fn calls_of<'a>(name: &str, defining: Node<'a>, text: &[u8]) -> Vec<Node<'a>> {
    let mut calls = Vec::new();
    walk_scope(defining, &mut |node| {
        let callee = node.child_by_field_name("function").filter(|_| node.kind() == "call_expression");
        if callee.is_some_and(|callee| callee.kind() == "identifier" && syntax::text(callee, text) == name) {
            calls.push(node);
        }
        true
    });
    calls
}

/// Reports whether `position` runs only once the signal has fired: in the body of a
/// stop case, after a statement that waits for the signal (`<-w.quit`), or after a loop
/// that a stop case leaves with a labelled `break`.
fn position_after_stop(position: Node, operands: &[String], text: &[u8]) -> bool {
    let Some(scope) = evidence_scope(position, text) else { return false };
    let mut after = false;
    walk_scope(scope, &mut |node| {
        if after || node.start_byte() >= position.start_byte() {
            return false;
        }
        let waits = node.kind() == "expression_statement"
            && node.named_child(0).is_some_and(|expression| is_receive_of(expression, operands, text));
        let stop_case = exit::is_stop_case(node, operands, text);
        let inside = stop_case
            && node.child_by_field_name("communication").is_some_and(|communication| !syntax::contains(communication, position))
            && syntax::contains(node, position);
        let leaves_loop = stop_case && syntax::statements(node).iter().any(|statement| breaks_out_before(*statement, position, text));
        after = waits || inside || leaves_loop;
        !after
    });
    after
}

fn is_receive_of(expression: Node, operands: &[String], text: &[u8]) -> bool {
    expression.kind() == "unary_expression"
        && expression.child_by_field_name("operator").is_some_and(|operator| operator.kind() == "<-")
        && expression.child_by_field_name("operand").is_some_and(|operand| operands.iter().any(|wanted| syntax::text(operand, text) == wanted))
}

/// Reports whether `statement` is a labelled `break` whose loop ends before `send`.
fn breaks_out_before(statement: Node, send: Node, text: &[u8]) -> bool {
    if statement.kind() != "break_statement" {
        return false;
    }
    let Some(label) = syntax::named_children(statement).into_iter().find(|child| child.kind() == "label_name") else { return false };
    let label = syntax::text(label, text);
    let mut current = statement.parent();
    while let Some(node) = current {
        if node.kind() == "labeled_statement" && syntax::named_children(node).first().is_some_and(|name| syntax::text(*name, text) == label) {
            return node.end_byte() <= send.start_byte();
        }
        current = node.parent();
    }
    false
}

/// Reports whether the send carries no data, `ch <- struct{}{}`. On a buffered channel
/// such a send is a token of a protocol that bounds the tokens in flight (a wake-up, a
/// read slot), not a result a consumer may stop reading.
fn is_token(send: Node, text: &[u8]) -> bool {
    send.child_by_field_name("value").is_some_and(|value| syntax::text(value, text) == "struct{}{}")
}

/// Reports whether `scope` runs as a goroutine of its own: a literal started by `go`,
/// `g.Go` or `time.AfterFunc`, or a method that a goroutine of the package runs.
fn is_goroutine(scope: Node, facts: &TypeFacts, text: &[u8]) -> bool {
    if scope.kind() == "func_literal" {
        return true;
    }
    let name = scope.child_by_field_name("name").map_or("", |name| syntax::text(name, text));
    scope.kind() == "method_declaration" && facts.is_goroutine_method(name)
}

fn has_loop(scope: Node) -> bool {
    let mut found = false;
    walk_scope(scope, &mut |node| {
        found |= node.kind() == "for_statement";
        !found
    });
    found
}

/// Returns the texts that receive the signal in `method`: `r.ctx.Done()` or `r.quit`,
/// and local names declared as a copy of it.
fn stop_operands(method: Node, receiver: &str, signal: &StopSignal, text: &[u8]) -> Vec<String> {
    let operand = signal.receive_operand(receiver);
    let mut operands = vec![operand.clone()];
    syntax::walk(method, &mut |node| {
        if node.kind() == "short_var_declaration" && is_copy_of(node, &operand, text) {
            let left = node.child_by_field_name("left").map(syntax::named_children).unwrap_or_default();
            operands.push(syntax::text(left[0], text).to_string());
        }
        true
    });
    operands
}

/// Returns `r.ctx.Err()` for a context signal: the error to return once it fired.
fn stop_error(target: &Target, signal: &StopSignal) -> Option<String> {
    match &signal.kind {
        Kind::Context { context_field, .. } => Some(format!("{}.{context_field}.Err()", target.receiver)),
        Kind::Channel { .. } => None,
    }
}

/// Builds the edits for a send whose function's `return` ends the work.
fn fix_in_own_body(send: Node, function: Node, target: &Target, signal: &StopSignal, operands: &[String], text: &[u8]) -> Result<Vec<Edit>, &'static str> {
    if !starts_line(send, text) {
        return Err("the send shares its line with other code");
    }
    let moved = cancel_before(send, function, target.receiver, signal, text)?;
    let exit = exit::exit_at(send, function, operands, stop_error(target, signal).as_deref(), text)?;
    let mut edits = vec![Edit::replace(send.byte_range(), select_for(send, target, signal, &exit, text))];
    if let Some(moved) = moved {
        edits.extend(move_after(&moved, text)?);
    }
    Ok(edits)
}

/// Returns the plain sends in the own code of a helper closure that the rule reports,
/// in source order: those on fields of the same receiver that are not stop signals and
/// lose their reader at the stop.
fn helper_sends<'a>(closure: Node<'a>, target: &Target, facts: &TypeFacts, signal: &StopSignal, text: &'a [u8]) -> Vec<Node<'a>> {
    let mut sends = Vec::new();
    let Some(body) = closure.child_by_field_name("body") else { return sends };
    let signals = facts.stop_signals();
    syntax::walk(body, &mut |node| {
        if node.kind() == "func_literal" {
            return false;
        }
        if node.kind() == "send_statement" {
            let reported = target_of(node, text).is_some_and(|other| {
                other.method.id() == target.method.id()
                    && !signals.iter().any(|stop| stop.field() == other.field)
                    && !has_reader_after_stop(facts, signal, &other, node, text)
            });
            if reported {
                sends.push(node);
            }
        }
        true
    });
    sends
}

/// Builds the edits for the sends of a helper closure. When a caller has code to skip,
/// the closure returns whether it delivered, and each such call becomes
/// `if !name(...) { <exit> }`, since the closure's own `return` does not end the loop
/// that calls it.
#[allow(clippy::too_many_arguments)]
fn fix_in_helper(
    sends: &[Node],
    closure: Node,
    name: &str,
    defining: Node,
    target: &Target,
    signal: &StopSignal,
    operands: &[String],
    text: &[u8],
) -> Result<Vec<Edit>, &'static str> {
    for send in sends {
        if !starts_line(*send, text) {
            return Err("the send shares its line with other code");
        }
        if cancel_before(*send, closure, target.receiver, signal, text)?.is_some() {
            return Err("the context is cancelled right before the send in a closure");
        }
    }
    let calls = exit::helper_calls(closure, name, defining, operands, stop_error(target, signal).as_deref(), text)?;
    let mut edits = Vec::new();

    if calls.call_sites.iter().all(|(_, exit)| *exit == Exit::Nothing) {
        for send in sends {
            let exit = exit::exit_at(*send, closure, operands, None, text)?;
            edits.push(Edit::replace(send.byte_range(), select_for(*send, target, signal, &exit, text)));
        }
        return Ok(edits);
    }

    let body = closure.child_by_field_name("body").ok_or("the closure has no body")?;
    let parameters = closure.child_by_field_name("parameters").ok_or("the closure has no parameters")?;
    edits.push(Edit::insert(parameters.end_byte(), " bool"));
    syntax::walk(body, &mut |node| {
        if node.kind() == "return_statement" {
            edits.push(Edit::replace(node.byte_range(), "return true"));
        }
        node.kind() != "func_literal"
    });
    let delivered = Exit::Statement("return false".to_string());
    for send in sends {
        edits.push(Edit::replace(send.byte_range(), select_for(*send, target, signal, &delivered, text)));
    }
    if let Some(edit) = final_return(body, text)? {
        edits.push(edit);
    }
    for (statement, exit) in &calls.call_sites {
        if *exit == Exit::Nothing {
            continue;
        }
        let mut block = Block::new(indentation_at(text, statement.start_byte()), line_ending_at(text, statement.start_byte()));
        exit::guarded_call(syntax::text(*statement, text), exit, &mut block);
        edits.push(Edit::replace(statement.byte_range(), block.in_place()));
    }
    Ok(edits)
}

/// Returns the insertion of `return true` before the closing brace of a closure body
/// whose last statement does not already end it.
fn final_return(body: Node, text: &[u8]) -> Result<Option<Edit>, &'static str> {
    let statements = syntax::statements(body);
    if statements.last().is_some_and(|last| is_terminating(*last, text)) {
        return Ok(None);
    }
    let close = body.child(body.child_count().saturating_sub(1)).filter(|brace| brace.kind() == "}").ok_or("the closure body has no closing brace")?;
    if !starts_line(close, text) {
        return Err("the closure is written on one line");
    }
    let line_start = close.start_byte() - indentation_at(text, close.start_byte()).len();
    let (indent, depth) = match statements.first() {
        Some(first) => (indentation_at(text, first.start_byte()), 0),
        None => (indentation_at(text, close.start_byte()), 1),
    };
    let mut block = Block::new(indent, line_ending_at(text, close.start_byte()));
    block.line(depth, "return true");
    Ok(Some(Edit::insert(line_start, block.whole_lines())))
}

/// Reports whether a statement ends its function on every path, so that Go accepts no
/// statement after it: a `return`, a `panic`, or a `for` without condition or `break`.
fn is_terminating(statement: Node, text: &[u8]) -> bool {
    match statement.kind() {
        "return_statement" | "goto_statement" => true,
        "expression_statement" => statement.named_child(0).is_some_and(|call| call.kind() == "call_expression" && syntax::callee_text(call, text) == "panic"),
        "for_statement" => {
            let endless = syntax::named_children(statement).iter().all(|child| child.kind() == "block" || child.kind() == "comment");
            let mut breaks = false;
            syntax::walk(statement, &mut |node| {
                breaks |= node.kind() == "break_statement";
                !breaks && node.kind() != "func_literal"
            });
            endless && !breaks
        }
        _ => false,
    }
}

/// Returns the `select` that replaces a send, with `exit` as the stop case's body.
fn select_for(send: Node, target: &Target, signal: &StopSignal, exit: &Exit, text: &[u8]) -> String {
    let channel = send.child_by_field_name("channel").map_or("", |channel| syntax::text(channel, text));
    let value = send.child_by_field_name("value").map_or("", |value| syntax::text(value, text));
    let mut block = Block::new(indentation_at(text, send.start_byte()), line_ending_at(text, send.start_byte()));
    block.line(0, "select {");
    block.line(0, &format!("case {channel} <- {value}:"));
    block.line(0, &format!("case <-{}:", signal.receive_operand(target.receiver)));
    exit.render(&mut block, 1);
    block.line(0, "}");
    block.in_place()
}

/// Finds a call that fires the signal on the way to the send in `function`. A cancel of
/// the context right before the send (or right before a statement that starts with it)
/// is moved after the hand-off. Any other such call makes the fix display-only, because
/// the select would find the signal fired and drop the value at random.
fn cancel_before<'a>(send: Node<'a>, function: Node<'a>, receiver: &str, signal: &StopSignal, text: &[u8]) -> Result<Option<Move<'a>>, &'static str> {
    let Some(body) = function.child_by_field_name("body") else { return Ok(None) };
    let fires = |statement: &Node| {
        statement.kind() == "expression_statement"
            && statement.named_child(0).is_some_and(|call| signal.is_fired_by(call, receiver, text))
    };

    let mut fired = 0;
    let mut right_before = None;
    let mut straight = true;
    let mut current = send;
    while current.id() != body.id() {
        let Some(parent) = current.parent() else { break };
        if parent.kind() == "statement_list" {
            let siblings = syntax::statements(parent);
            if let Some(index) = siblings.iter().position(|sibling| sibling.id() == current.id()) {
                for (i, sibling) in siblings[..index].iter().enumerate() {
                    if fires(sibling) {
                        fired += 1;
                        if straight && i + 1 == index {
                            right_before = Some(Move { cancel: *sibling, anchor: current });
                        }
                    }
                }
                straight &= index == 0;
            }
        } else if !matches!(parent.kind(), "block" | "if_statement" | "labeled_statement") {
            straight = false;
        }
        current = parent;
    }

    match (fired, right_before, &signal.kind) {
        (0, _, _) => Ok(None),
        (1, Some(moved), Kind::Context { .. }) => Ok(Some(moved)),
        _ => Err("the object fires its stop signal before this send, so a select would drop the value at random"),
    }
}

/// Returns the edits that move a cancel call, with its trailing comment, from its own
/// line to a new line after the anchor statement.
fn move_after(moved: &Move, text: &[u8]) -> Result<Vec<Edit>, &'static str> {
    let cancel = moved.cancel;
    if !starts_line(cancel, text) {
        return Err("the cancel call shares its line with other code");
    }
    let cancel_line_end = line_end(text, cancel.end_byte());
    if !is_blank_or_comment(&text[cancel.end_byte()..cancel_line_end]) {
        return Err("the cancel call shares its line with other code");
    }
    let moved_text = String::from_utf8_lossy(&text[cancel.start_byte()..cancel_line_end]).trim_end().to_string();
    let line_start = cancel.start_byte() - indentation_at(text, cancel.start_byte()).len();
    let removal_end = (cancel_line_end + 1).min(text.len());

    let anchor_line_end = line_end(text, moved.anchor.end_byte());
    if !is_blank_or_comment(&text[moved.anchor.end_byte()..anchor_line_end]) {
        return Err("the statement before which the context is cancelled shares its line with other code");
    }
    let insert_at = if anchor_line_end > 0 && text.get(anchor_line_end - 1) == Some(&b'\r') { anchor_line_end - 1 } else { anchor_line_end };
    let indent = String::from_utf8_lossy(indentation_at(text, moved.anchor.start_byte())).into_owned();
    let newline = line_ending_at(text, moved.anchor.start_byte());
    Ok(vec![
        Edit::replace(line_start..removal_end, ""),
        Edit::insert(insert_at, format!("{newline}{indent}{moved_text}")),
    ])
}

/// Returns the offset of the `\n` that ends the line containing `offset`, or the end of
/// the text.
fn line_end(text: &[u8], offset: usize) -> usize {
    text[offset..].iter().position(|byte| *byte == b'\n').map_or(text.len(), |i| offset + i)
}

fn is_blank_or_comment(rest: &[u8]) -> bool {
    let rest = String::from_utf8_lossy(rest);
    let rest = rest.trim();
    rest.is_empty() || rest.starts_with("//")
}

/// Reports whether only indentation precedes `node` on its line.
fn starts_line(node: Node, text: &[u8]) -> bool {
    let start = node.start_byte();
    start - indentation_at(text, start).len() == text[..start].iter().rposition(|byte| *byte == b'\n').map_or(0, |i| i + 1)
}

fn finding(send: Node, target: &Target, signal: &StopSignal, edits: Result<Vec<Edit>, &'static str>, text: &[u8]) -> Finding {
    let channel = send.child_by_field_name("channel").map_or("", |channel| syntax::text(channel, text));
    let operand = signal.receive_operand(target.receiver);
    let advice = format!(
        "a plain send on `{channel}` blocks forever once the {} is stopped and nothing reads the channel; send in a select that also receives from `{operand}`",
        target.type_name
    );
    let (applicability, edits, message) = match edits {
        Ok(edits) => (Applicability::Unsafe, edits, advice),
        Err(reason) => (Applicability::DisplayOnly, Vec::new(), format!("{advice} (no automatic fix: {reason})")),
    };
    Finding { rule: RULE.id, range: send.byte_range(), message, applicability, edits }
}
