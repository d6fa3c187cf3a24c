//! lost-cancel: the cancel function of `context.WithCancel`, `WithTimeout`,
//! `WithDeadline` or their `...Cause` variants that is discarded, never called, or
//! called only by a goroutine that may never call it. Until cancel runs, the context
//! stays registered with its parent, keeps its timer, and any goroutine waiting on its
//! `Done` channel stays blocked.
//!
//! The fix keeps the cancel function as `cancel` and calls it when the function returns
//! (`defer cancel()`), or, inside a loop, at the end of the iteration. It is left to a
//! person when the context may outlive the function: returned, stored, or used by a
//! goroutine or closure.

use tree_sitter::Node;

use super::flow::{self, ExitStyle};
use super::{layout, names, Context, Rule};
use crate::fix::{Applicability, Edit, Finding};
use crate::syntax;

pub const RULE: Rule = Rule {
    id: "lost-cancel",
    summary: "the cancel function of a context is discarded, never called, or called only by a goroutine that may never run it",
    fix_safety: "safe when the context stays in the function, display-only otherwise",
    go_versions: "all",
    applies_to: |_| true,
    documentation: include_str!("../../transforms/lost-cancel/README.md"),
    required_tokens: &["context.With"],
    node_kinds: &["call_expression"],
    check,
};

/// The context constructors that return a cancel function, and whether that function
/// takes a cause (`context.CancelCauseFunc`). `WithTimeoutCause` and `WithDeadlineCause`
/// take the cause up front and return a plain `context.CancelFunc`.
const CONSTRUCTORS: &[(&str, bool)] = &[
    ("context.WithCancel", false),
    ("context.WithTimeout", false),
    ("context.WithDeadline", false),
    ("context.WithCancelCause", true),
    ("context.WithTimeoutCause", false),
    ("context.WithDeadlineCause", false),
];

/// The way the cancel function is lost.
enum Lost<'a> {
    /// Assigned to `_`.
    Discarded,
    /// Named, but never called (at most discarded with `_ = cancel`).
    NeverCalled,
    /// Called only inside these goroutines, on a path that may never run.
    OnlyInGoroutines(Vec<Node<'a>>),
}

/// The assignment `ctx, cancel := context.WithX(...)` and what it declares.
struct Assignment<'a> {
    statement: Node<'a>,
    /// `:=` rather than `=`.
    declares: bool,
    context_name: &'a str,
    cancel: Node<'a>,
    constructor: &'static str,
    takes_cause: bool,
}

fn check(context: &Context, call: Node, findings: &mut Vec<Finding>) {
    let text = context.text;
    let callee = syntax::callee_text(call, text);
    let Some(&(constructor, takes_cause)) = CONSTRUCTORS.iter().find(|(name, _)| *name == callee) else { return };
    if !context.imports("context") {
        return;
    }
    let Some(assignment) = assignment_of(call, constructor, takes_cause, text) else { return };
    let Some(function) = syntax::enclosing_function(assignment.statement) else { return };
    let Some(body) = function.child_by_field_name("body") else { return };
    let Some(lost) = lost_cancel(&assignment, function, body, text) else { return };

    let watchers: &[Node] = match &lost {
        Lost::OnlyInGoroutines(goroutines) => goroutines,
        _ => &[],
    };
    let escapes = context_escapes(&assignment, function, body, watchers, text);
    if escapes && !watchers.is_empty() {
        // The context outlives the function by design: a goroutine keeps cancel for the
        // event that ends it, and the parent's end cancels it too.
        return;
    }

    let fixed = if assignment.statement.parent().is_none_or(|parent| parent.kind() != "statement_list") {
        Err("it is made in the header of a statement, so write the assignment as its own statement and call cancel when done")
    } else if escapes {
        Err("the context may be used after the function returns (returned, stored, or used by a goroutine or closure), so call cancel where that use ends")
    } else if !watchers.iter().all(|goroutine| waits_for_done(*goroutine, assignment.context_name, text)) {
        Err("the goroutine that calls it does not wait for the context's Done channel, so calling cancel would not end that goroutine; make it also wait for Done, and call cancel when the work is done")
    } else {
        fix(&assignment, &lost, function, text)
    };
    let (applicability, edits, advice) = match fixed {
        Ok((edits, advice)) => (Applicability::Safe, edits, advice),
        Err(reason) => (Applicability::DisplayOnly, Vec::new(), reason),
    };

    let message = format!("{}, so the context stays registered with its parent, with its timer, until the parent ends; {advice}", problem(&assignment, &lost, text));
    findings.push(Finding { rule: RULE.id, range: call.byte_range(), message, applicability, edits });
}

/// Reads `ctx, cancel := call` or `ctx, cancel = call`, with the call as the only value.
fn assignment_of<'a>(call: Node<'a>, constructor: &'static str, takes_cause: bool, text: &'a [u8]) -> Option<Assignment<'a>> {
    let list = call.parent().filter(|parent| parent.kind() == "expression_list" && parent.named_child_count() == 1)?;
    let statement = list.parent()?;
    let declares = match statement.kind() {
        "short_var_declaration" => true,
        "assignment_statement" if statement.child_by_field_name("operator").is_some_and(|operator| syntax::text(operator, text) == "=") => false,
        _ => return None,
    };
    if statement.child_by_field_name("right").map(|right| right.id()) != Some(list.id()) {
        return None;
    }
    let [context_node, cancel] = syntax::named_children(statement.child_by_field_name("left")?)[..] else { return None };
    if context_node.kind() != "identifier" || cancel.kind() != "identifier" || syntax::text(context_node, text) == "_" {
        return None;
    }
    Some(Assignment { statement, declares, context_name: syntax::text(context_node, text), cancel, constructor, takes_cause })
}

/// Decides whether the cancel function is lost. Returns None when it is called in the
/// function's own code, in a deferred closure, unconditionally by a goroutine, or
/// when it escapes (passed, stored, returned, used by another closure), since the code
/// that receives it may call it.
fn lost_cancel<'a>(assignment: &Assignment<'a>, function: Node<'a>, body: Node<'a>, text: &[u8]) -> Option<Lost<'a>> {
    let name = syntax::text(assignment.cancel, text);
    if name == "_" {
        return Some(Lost::Discarded);
    }
    // A variable declared outside the function, such as one a closure assigns, can be
    // called by code this function does not contain.
    if !assignment.declares && !declared_before(body, name, assignment.statement, text) {
        return None;
    }
    let mut goroutines: Vec<Node> = Vec::new();
    for identifier in names::uses(body, name, text) {
        if identifier.start_byte() < assignment.statement.end_byte() {
            continue;
        }
        if names::is_declared_or_assigned(identifier) {
            return None;
        }
        if is_discarded(identifier, text) {
            continue;
        }
        let is_call = identifier
            .parent()
            .filter(|parent| parent.kind() == "call_expression")
            .and_then(|call| call.child_by_field_name("function"))
            .is_some_and(|callee| callee.id() == identifier.id());
        if !is_call {
            return None;
        }
        match outermost_literal(identifier, function) {
            None => return None,
            Some(literal) if is_deferred(literal) => return None,
            Some(literal) if is_goroutine(literal) => {
                let goroutine_body = literal.child_by_field_name("body").map(syntax::statements).unwrap_or_default();
                if always_calls(&goroutine_body, name, text) {
                    return None;
                }
                if !goroutines.iter().any(|known| known.id() == literal.id()) {
                    goroutines.push(literal);
                }
            }
            Some(_) => return None,
        }
    }
    Some(if goroutines.is_empty() { Lost::NeverCalled } else { Lost::OnlyInGoroutines(goroutines) })
}

/// Reports whether the identifier is the value of `_ = name`.
fn is_discarded(identifier: Node, text: &[u8]) -> bool {
    let Some(list) = identifier.parent().filter(|parent| parent.kind() == "expression_list") else { return false };
    let Some(statement) = list.parent().filter(|parent| parent.kind() == "assignment_statement") else { return false };
    let targets = statement.child_by_field_name("left").map(syntax::named_children).unwrap_or_default();
    statement.child_by_field_name("right").map(|right| right.id()) == Some(list.id())
        && matches!(targets[..], [target] if syntax::text(target, text) == "_")
}

/// Returns the outermost function literal between `node` and `function`.
fn outermost_literal<'a>(node: Node<'a>, function: Node<'a>) -> Option<Node<'a>> {
    let mut outermost = None;
    let mut current = node.parent();
    while let Some(parent) = current {
        if parent.id() == function.id() {
            break;
        }
        if parent.kind() == "func_literal" {
            outermost = Some(parent);
        }
        current = parent.parent();
    }
    outermost
}

/// Reports whether the function literal is called by a `defer` statement.
fn is_deferred(literal: Node) -> bool {
    literal_statement(literal).is_some_and(|statement| statement.kind() == "defer_statement")
}

/// Reports whether the function literal is started by a `go` statement.
fn is_goroutine(literal: Node) -> bool {
    literal_statement(literal).is_some_and(|statement| statement.kind() == "go_statement")
}

fn literal_statement(literal: Node) -> Option<Node> {
    let call = literal.parent().filter(|parent| parent.kind() == "call_expression")?;
    if call.child_by_field_name("function").map(|function| function.id()) != Some(literal.id()) {
        return None;
    }
    call.parent()
}

/// Reports whether every path through `statements` calls `name` before it leaves
/// them: a call or deferred call of `name` comes first, or an `if` with an `else`, a
/// `select` or a `switch` with a `default` calls it in every branch. A path that can
/// return before any such call makes the result false.
fn always_calls(statements: &[Node], name: &str, text: &[u8]) -> bool {
    for statement in statements {
        if calls_in_every_branch(*statement, name, text) {
            return true;
        }
        let mut returns = false;
        names::walk_own_code(*statement, &mut |node| returns |= node.kind() == "return_statement" || node.kind() == "goto_statement");
        if returns || flow::is_exit(*statement, text, ExitStyle::default()) {
            return false;
        }
    }
    false
}

fn calls_in_every_branch(statement: Node, name: &str, text: &[u8]) -> bool {
    let branch_calls = |branch: Node| match branch.kind() {
        "block" => always_calls(&syntax::statements(branch), name, text),
        _ => calls_in_every_branch(branch, name, text),
    };
    match statement.kind() {
        "expression_statement" | "defer_statement" => statement
            .named_child(0)
            .filter(|call| call.kind() == "call_expression")
            .is_some_and(|call| syntax::callee_text(call, text) == name),
        "block" => branch_calls(statement),
        "if_statement" => {
            let (Some(consequence), Some(alternative)) =
                (statement.child_by_field_name("consequence"), statement.child_by_field_name("alternative"))
            else {
                return false;
            };
            branch_calls(consequence) && branch_calls(alternative)
        }
        "select_statement" | "expression_switch_statement" | "type_switch_statement" => {
            let cases: Vec<Node> = syntax::named_children(statement)
                .into_iter()
                .filter(|case| matches!(case.kind(), "communication_case" | "default_case" | "expression_case" | "type_case"))
                .collect();
            let exhaustive = statement.kind() == "select_statement" || cases.iter().any(|case| case.kind() == "default_case");
            exhaustive && !cases.is_empty() && cases.iter().all(|case| always_calls(&syntax::statements(*case), name, text))
        }
        _ => false,
    }
}

/// Reports whether `body` declares `name` before `statement`, with `var` or `:=`.
fn declared_before(body: Node, name: &str, statement: Node, text: &[u8]) -> bool {
    names::uses(body, name, text).into_iter().any(|identifier| {
        identifier.end_byte() <= statement.start_byte()
            && identifier.parent().is_some_and(|parent| {
                parent.kind() == "var_spec"
                    || parent.kind() == "expression_list"
                        && parent.parent().is_some_and(|holder| holder.kind() == "short_var_declaration")
            })
    })
}

/// Reports whether the goroutine receives from `name.Done()`, so cancelling the
/// context ends it.
fn waits_for_done(goroutine: Node, name: &str, text: &[u8]) -> bool {
    let done = format!("{name}.Done()");
    let mut found = false;
    syntax::walk(goroutine, &mut |node| {
        found |= node.kind() == "call_expression" && syntax::text(node, text) == done;
        !found
    });
    found
}

/// Reports whether the context, or a context or value derived from it, may be used
/// after the function returns. That is the case when it is returned, stored, sent, put
/// in a composite literal, passed to `append` or a `go` statement, or used in a
/// function literal other than a deferred one. Inside `watchers` only `ctx.Done()` and
/// `ctx.Err()` are allowed.
fn context_escapes(assignment: &Assignment, function: Node, body: Node, watchers: &[Node], text: &[u8]) -> bool {
    let mut pending = vec![assignment.context_name.to_string()];
    let mut seen = Vec::new();
    while let Some(name) = pending.pop() {
        if seen.contains(&name) {
            continue;
        }
        for identifier in names::uses(body, &name, text) {
            if identifier.start_byte() < assignment.statement.end_byte() || names::is_declared_or_assigned(identifier) {
                continue;
            }
            if let Some(literal) = outermost_literal(identifier, function) {
                let watched = watchers.iter().any(|watcher| watcher.id() == literal.id()) && is_done_or_err(identifier, text);
                if !is_deferred(literal) && !watched {
                    return true;
                }
            }
            match use_of(identifier, text) {
                ContextUse::Local => {}
                ContextUse::Escapes => return true,
                ContextUse::Derived(names) => pending.extend(names),
            }
        }
        seen.push(name);
    }
    false
}

/// The effect of one use of a context variable on the context's lifetime.
enum ContextUse {
    /// Read in the function: a method call, a plain argument, a comparison.
    Local,
    /// Kept beyond the statement: returned, stored, sent or captured.
    Escapes,
    /// Passed to a call that derives a new value from it, such as `context.WithValue`
    /// or `req.WithContext`, whose result these variables hold.
    Derived(Vec<String>),
}

fn use_of(identifier: Node, text: &[u8]) -> ContextUse {
    let Some(parent) = identifier.parent() else { return ContextUse::Local };
    match parent.kind() {
        "selector_expression" => ContextUse::Local,
        "argument_list" => {
            let Some(call) = parent.parent() else { return ContextUse::Local };
            let callee = syntax::callee_text(call, text);
            if callee == "append" || call.parent().is_some_and(|statement| statement.kind() == "go_statement") {
                return ContextUse::Escapes;
            }
            let function_name = callee.rsplit('.').next().unwrap_or(callee);
            if function_name.starts_with("With") || function_name.contains("Context") {
                destination_of(call, text)
            } else {
                ContextUse::Local
            }
        }
        "expression_list" => destination_of(identifier, text),
        "return_statement" | "literal_element" | "keyed_element" | "send_statement" => ContextUse::Escapes,
        "unary_expression" => {
            let address = parent.child_by_field_name("operator").is_some_and(|operator| operator.kind() == "&");
            if address { ContextUse::Escapes } else { ContextUse::Local }
        }
        _ => ContextUse::Local,
    }
}

/// Follows a value to where it goes: the variables that a `:=` or `=` assigns it to, or
/// an escape when it is returned, stored in a field, or kept in a literal.
fn destination_of(value: Node, text: &[u8]) -> ContextUse {
    let Some(parent) = value.parent() else { return ContextUse::Local };
    match parent.kind() {
        "argument_list" => {
            let in_go = parent.parent().and_then(|call| call.parent()).is_some_and(|statement| statement.kind() == "go_statement");
            if in_go { ContextUse::Escapes } else { ContextUse::Local }
        }
        "expression_list" => {
            let Some(holder) = parent.parent() else { return ContextUse::Local };
            let is_right = holder.child_by_field_name("right").is_some_and(|right| right.id() == parent.id());
            match holder.kind() {
                "return_statement" => ContextUse::Escapes,
                "short_var_declaration" | "assignment_statement" if is_right => {
                    let targets = holder.child_by_field_name("left").map(syntax::named_children).unwrap_or_default();
                    if targets.iter().all(|target| target.kind() == "identifier") {
                        ContextUse::Derived(targets.iter().map(|target| syntax::text(*target, text).to_string()).collect())
                    } else {
                        ContextUse::Escapes
                    }
                }
                _ => ContextUse::Local,
            }
        }
        "return_statement" | "literal_element" | "keyed_element" | "send_statement" => ContextUse::Escapes,
        _ => ContextUse::Local,
    }
}

fn is_done_or_err(identifier: Node, text: &[u8]) -> bool {
    identifier
        .parent()
        .filter(|parent| parent.kind() == "selector_expression")
        .and_then(|selector| selector.child_by_field_name("field"))
        .is_some_and(|field| matches!(syntax::text(field, text), "Done" | "Err"))
}

/// Builds the edits: name the cancel function if it was discarded, then call it when
/// the function returns, or at the end of the loop iteration that made the context.
/// Returns the edits with the advice for the message, or why there is no fix.
fn fix(assignment: &Assignment, lost: &Lost, function: Node, text: &[u8]) -> Result<(Vec<Edit>, &'static str), &'static str> {
    let statement = assignment.statement;
    let name = match lost {
        Lost::Discarded => names::unique_name(statement, "cancel", text),
        _ => syntax::text(assignment.cancel, text).to_string(),
    };
    let call = if assignment.takes_cause { format!("{name}(nil)") } else { format!("{name}()") };

    let loops = names::enclosing_loops(statement, function);
    let (after, advice) = match loops.first() {
        None => {
            let after_statement = layout::line_end_after(statement, text).ok_or("call it when the function returns")?;
            let deferred = layout::lines_at(text, statement.start_byte(), &[format!("defer {call}")]);
            (Edit::insert(after_statement, deferred), "call it when the function returns")
        }
        Some(_) if !assignment.declares => {
            return Err("it is assigned in a loop to a context declared outside the loop, so call cancel once the last use of that context is over");
        }
        Some(loop_node) => {
            const ADVICE: &str = "call it on every path out of the loop iteration";
            let last = iteration_end(statement, *loop_node, text).ok_or(ADVICE)?;
            let after_last = layout::line_end_after(last, text).ok_or(ADVICE)?;
            let call_line = layout::lines_at(text, statement.start_byte(), std::slice::from_ref(&call));
            (Edit::insert(after_last, call_line), "call it at the end of each loop iteration")
        }
    };

    let mut edits = Vec::new();
    if matches!(lost, Lost::Discarded) {
        if !assignment.declares {
            let function_type = if assignment.takes_cause { "context.CancelCauseFunc" } else { "context.CancelFunc" };
            let declaration = layout::lines_at(text, statement.start_byte(), &[format!("var {name} {function_type}")]);
            edits.push(Edit::insert(layout::line_start_before(statement, text), declaration));
        }
        edits.push(Edit::replace(assignment.cancel.byte_range(), name.clone()));
    }
    edits.push(after);
    Ok((edits, advice))
}

/// Returns the last statement of the loop body when `statement` is a statement of that
/// body and every path from it reaches the end of the iteration. No `return`, `goto`,
/// labelled jump, or `break` or `continue` of this loop may follow it, and the body may
/// not end with an exit.
fn iteration_end<'a>(statement: Node<'a>, loop_node: Node<'a>, text: &[u8]) -> Option<Node<'a>> {
    let list = statement.parent()?;
    let body = loop_node.child_by_field_name("body")?;
    if list.parent().map(|block| block.id()) != Some(body.id()) {
        return None;
    }
    let statements = syntax::statements(list);
    let position = statements.iter().position(|candidate| candidate.id() == statement.id())?;
    let rest = &statements[position + 1..];
    let mut jumps_out = false;
    for later in rest {
        names::walk_own_code(*later, &mut |node| match node.kind() {
            "return_statement" | "goto_statement" | "labeled_statement" => jumps_out = true,
            "break_statement" | "continue_statement" if node.named_child_count() > 0 => jumps_out = true,
            "break_statement" => jumps_out |= nearest_target(node, &["for_statement", "expression_switch_statement", "type_switch_statement", "select_statement"]).is_none_or(|target| target.id() == loop_node.id()),
            "continue_statement" => jumps_out |= nearest_target(node, &["for_statement"]).is_none_or(|target| target.id() == loop_node.id()),
            _ => {}
        });
    }
    let last = *statements.last()?;
    let style = ExitStyle::default();
    if jumps_out || flow::is_exit(last, text, style) || flow::is_process_exit(last, text, style) {
        return None;
    }
    Some(last)
}

fn nearest_target<'a>(node: Node<'a>, kinds: &[&str]) -> Option<Node<'a>> {
    let mut current = node.parent();
    while let Some(parent) = current {
        if kinds.contains(&parent.kind()) {
            return Some(parent);
        }
        current = parent.parent();
    }
    None
}

fn problem(assignment: &Assignment, lost: &Lost, text: &[u8]) -> String {
    let constructor = assignment.constructor;
    let name = syntax::text(assignment.cancel, text);
    match lost {
        Lost::Discarded => format!("the cancel function of `{constructor}` is discarded"),
        Lost::NeverCalled => format!("`{name}` from `{constructor}` is never called"),
        Lost::OnlyInGoroutines(_) => format!("`{name}` from `{constructor}` is called only inside a goroutine, on a path that may never run"),
    }
}
