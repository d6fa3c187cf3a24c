//! time-after-in-loop: `time.After(d)` evaluated on every iteration of a loop whose
//! `select` can come back for another iteration before the timer fires. Before Go 1.23
//! each such timer stays in the runtime's timer heap, with its channel, until it fires,
//! so a busy loop with a long timeout keeps one live timer per iteration.
//!
//! The fix creates one timer before the outermost loop, stops it when the function
//! returns, and restarts it right where the `select` used to call `time.After`, with
//! the stop-drain-reset sequence that old timer semantics need. The `select` then
//! receives from the timer's channel.

use tree_sitter::Node;

use super::flow::{self, ExitStyle};
use super::names;
use super::{layout, Context, Rule, GO_1_23};
use crate::fix::{Applicability, Edit, Finding};
use crate::syntax;

pub const RULE: Rule = Rule {
    id: "time-after-in-loop",
    summary: "time.After in a loop starts a timer on every iteration that lives until it fires",
    fix_safety: "safe when the duration does not change in the loop, display-only otherwise",
    go_versions: "before 1.23",
    applies_to: |version| version < GO_1_23,
    documentation: include_str!("../../transforms/time-after-in-loop/README.md"),
    required_tokens: &["time.After(", "for"],
    node_kinds: &["call_expression"],
    check,
};

/// Conversions that may appear in a duration expression that is evaluated once more
/// before the loop: they call no code.
const CONVERSIONS: &[&str] = &["time.Duration", "int", "int32", "int64", "uint", "uint32", "uint64", "float64"];

fn check(context: &Context, call: Node, findings: &mut Vec<Finding>) {
    let text = context.text;
    if syntax::callee_text(call, text) != "time.After" || !context.imports("time") || super::is_test_file(context) {
        return;
    }
    let [duration] = syntax::call_arguments(call)[..] else { return };
    let Some(function) = syntax::enclosing_function(call) else { return };
    let loops: Vec<Node> = names::enclosing_loops(call, function)
        .into_iter()
        .filter(|loop_node| names::runs_per_iteration(call, *loop_node))
        .collect();
    let Some(&outermost) = loops.last() else { return };

    let style = ExitStyle::default();
    if let Some((select, timer_case)) = select_case_of(call) {
        let is_timer_case = |case: Node| case.id() == timer_case.id();
        if !other_case_continues(select, &is_timer_case, outermost, text, style) || leaves_after(select, text, style) {
            return;
        }
        findings.push(fixed_finding(context, call, duration, select, outermost).unwrap_or_else(|| display_only(call, text)));
        return;
    }

    // `timeout := time.After(d)` in the loop body, received by a `select` below it.
    let Some(name) = assigned_name(call, text) else { return };
    let Some(declaration) = call.parent().and_then(|list| list.parent()) else { return };
    if leaves_after(declaration, text, style) {
        return;
    }
    let is_timer_case = |case: Node| case_receives_from(case, name, text);
    let continues = receiving_selects(function, call, name, text)
        .into_iter()
        .any(|select| other_case_continues(select, &is_timer_case, outermost, text, style));
    if continues {
        findings.push(display_only(call, text));
    }
}

/// Returns the `select` and the case whose communication is `<-time.After(d)`.
fn select_case_of(call: Node) -> Option<(Node, Node)> {
    let receive = call.parent().filter(|parent| is_receive_operator(*parent))?;
    let statement = receive.parent().filter(|parent| parent.kind() == "receive_statement")?;
    if statement.child_by_field_name("right").map(|right| right.id()) != Some(receive.id()) {
        return None;
    }
    let case = statement.parent().filter(|parent| parent.kind() == "communication_case")?;
    let select = case.parent().filter(|parent| parent.kind() == "select_statement")?;
    Some((select, case))
}

fn is_receive_operator(node: Node) -> bool {
    node.kind() == "unary_expression" && node.child_by_field_name("operator").is_some_and(|operator| operator.kind() == "<-")
}

/// Returns `name` for `name := time.After(d)` with one name and one value.
fn assigned_name<'a>(call: Node, text: &'a [u8]) -> Option<&'a str> {
    let list = call.parent().filter(|parent| parent.kind() == "expression_list" && parent.named_child_count() == 1)?;
    let declaration = list.parent().filter(|parent| parent.kind() == "short_var_declaration")?;
    let left = declaration.child_by_field_name("left")?;
    let [name] = syntax::named_children(left)[..] else { return None };
    (name.kind() == "identifier").then(|| syntax::text(name, text))
}

/// Returns the `select` statements after `call` in `function` with a case that
/// receives from `name`.
fn receiving_selects<'a>(function: Node<'a>, call: Node, name: &str, text: &[u8]) -> Vec<Node<'a>> {
    let mut selects = Vec::new();
    let Some(body) = function.child_by_field_name("body") else { return selects };
    names::walk_own_code(body, &mut |node| {
        let receives = node.kind() == "select_statement"
            && node.start_byte() > call.end_byte()
            && syntax::named_children(node).into_iter().any(|case| case_receives_from(case, name, text));
        if receives {
            selects.push(node);
        }
    });
    selects
}

/// Reports whether a `select` case is `case <-name:` or `case v := <-name:`.
fn case_receives_from(case: Node, name: &str, text: &[u8]) -> bool {
    case.child_by_field_name("communication")
        .and_then(|communication| communication.child_by_field_name("right"))
        .filter(|right| is_receive_operator(*right))
        .and_then(|right| right.child_by_field_name("operand"))
        .is_some_and(|operand| syntax::text(operand, text) == name)
}

/// Reports whether a case of `select` other than the one that receives the timer can
/// finish and let the loop run the `select` again while the timer is pending. A case
/// that returns, panics, ends the process, jumps with `goto` or breaks out of the
/// outermost loop costs at most one timer per call, which is no leak.
///
/// A case that receives from a `Done()` channel does not count either. Such a channel
/// closes once and stays closed. A loop that goes on after it leaves at its next check,
/// as retry loops that test `ctx.Err()` or the error of a request do, or it spins.
fn other_case_continues(select: Node, is_timer_case: &dyn Fn(Node) -> bool, outermost: Node, text: &[u8], style: ExitStyle) -> bool {
    syntax::named_children(select)
        .into_iter()
        .filter(|case| matches!(case.kind(), "communication_case" | "default_case"))
        .filter(|case| !is_timer_case(*case) && !receives_from_done(*case, text))
        .any(|case| {
            let statements = syntax::statements(case);
            let Some(last) = statements.last() else { return true };
            !leaves_loop(*last, outermost, text, style)
        })
}

/// Reports whether every path from `node` leaves the function, or the loops around it,
/// before the innermost loop around `node` can run again: a statement after `node`, in
/// its statement list or in one around it inside that loop, returns, exits, jumps with
/// `goto` or breaks out with a label. Then no second timer starts while one is pending.
fn leaves_after(node: Node, text: &[u8], style: ExitStyle) -> bool {
    let mut current = node;
    while let Some(parent) = current.parent() {
        match parent.kind() {
            "for_statement" | "func_literal" | "function_declaration" | "method_declaration" => return false,
            "statement_list" => {
                let later = syntax::statements(parent).into_iter().filter(|statement| statement.start_byte() >= current.end_byte());
                if later.into_iter().any(|statement| exits_for_good(statement, text, style)) {
                    return true;
                }
            }
            _ => {}
        }
        current = parent;
    }
    false
}

/// Reports whether `statement` leaves every loop around it: `return`, an exit that
/// `flow::is_exit` or `flow::is_process_exit` recognizes, `goto`, or a labelled `break`.
fn exits_for_good(statement: Node, text: &[u8], style: ExitStyle) -> bool {
    flow::is_exit(statement, text, style)
        || flow::is_process_exit(statement, text, style)
        || statement.kind() == "goto_statement"
        || (statement.kind() == "break_statement" && statement.named_child_count() > 0)
}

/// Reports whether the case is `case <-x.Done():`.
fn receives_from_done(case: Node, text: &[u8]) -> bool {
    case.child_by_field_name("communication")
        .filter(|communication| communication.kind() == "receive_statement")
        .and_then(|communication| communication.child_by_field_name("right"))
        .filter(|right| is_receive_operator(*right))
        .and_then(|right| right.child_by_field_name("operand"))
        .is_some_and(|operand| operand.kind() == "call_expression" && syntax::callee_text(operand, text).ends_with(".Done"))
}

/// Reports whether `statement` ends the loop run for good: `return`, an exit that
/// `flow::is_exit` or `flow::is_process_exit` recognizes, `goto`, or `break LABEL`
/// where the label names `outermost`.
fn leaves_loop(statement: Node, outermost: Node, text: &[u8], style: ExitStyle) -> bool {
    if flow::is_exit(statement, text, style) || flow::is_process_exit(statement, text, style) {
        return true;
    }
    match statement.kind() {
        "goto_statement" => true,
        "break_statement" => {
            let Some(label) = statement.named_child(0) else { return false };
            outermost
                .parent()
                .filter(|parent| parent.kind() == "labeled_statement")
                .and_then(|labeled| labeled.child_by_field_name("label"))
                .is_some_and(|name| syntax::text(name, text) == syntax::text(label, text))
        }
        _ => false,
    }
}

/// Builds the fix, or returns None when the code does not have the shape it needs:
/// a duration that the loop does not change and that calls nothing, and statements
/// that start their own lines.
fn fixed_finding(context: &Context, call: Node, duration: Node, select: Node, outermost: Node) -> Option<Finding> {
    let text = context.text;
    let duration_text = layout::one_line_text(duration, text)?;
    if !is_loop_invariant(duration, outermost, text) {
        return None;
    }
    let loop_statement = outermost.parent().filter(|parent| parent.kind() == "labeled_statement").unwrap_or(outermost);
    if !layout::is_own_line_statement(loop_statement, text) || !layout::is_own_line_statement(select, text) {
        return None;
    }

    let timer = names::unique_name(call, "timer", text);
    let before_loop = layout::line_start_before(loop_statement, text);
    let before_select = layout::line_start_before(select, text);
    // A label sits one level left of its loop, so the new lines take the loop's indentation.
    let create = layout::lines_at(text, outermost.start_byte(), &[
        format!("{timer} := time.NewTimer({duration_text})"),
        format!("defer {timer}.Stop()"),
    ]);
    let restart = layout::lines_at(text, select.start_byte(), &[
        format!("if !{timer}.Stop() {{\n\tselect {{\n\tcase <-{timer}.C:\n\tdefault:\n\t}}\n}}"),
        format!("{timer}.Reset({duration_text})"),
    ]);
    Some(Finding {
        rule: RULE.id,
        range: call.byte_range(),
        message: format!(
            "`time.After` in this loop starts a new timer on every iteration, and before Go 1.23 each one stays in memory until it fires; create one timer before the loop as `{timer}` and reset it before the select"
        ),
        applicability: Applicability::Safe,
        edits: vec![
            Edit::insert(before_loop, create),
            Edit::insert(before_select, restart),
            Edit::replace(call.byte_range(), format!("{timer}.C")),
        ],
    })
}

fn display_only(call: Node, text: &[u8]) -> Finding {
    let duration = syntax::call_arguments(call).first().map_or("d", |argument| syntax::text(*argument, text));
    Finding {
        rule: RULE.id,
        range: call.byte_range(),
        message: format!(
            "`time.After` in this loop starts a new timer on every iteration, and before Go 1.23 each one stays in memory until it fires; create one timer before the loop, stop it when done, and reset it to `{duration}` on each iteration"
        ),
        applicability: Applicability::DisplayOnly,
        edits: Vec::new(),
    }
}

/// Reports whether `duration` has the same value before `outermost` as in every
/// iteration: it calls nothing but conversions, receives nothing, and no name it reads
/// is declared or assigned anywhere in the loop.
fn is_loop_invariant(duration: Node, outermost: Node, text: &[u8]) -> bool {
    let mut invariant = true;
    syntax::walk(duration, &mut |node| {
        match node.kind() {
            "call_expression" => invariant &= CONVERSIONS.contains(&syntax::callee_text(node, text)),
            "unary_expression" => invariant &= !is_receive_operator(node),
            "func_literal" => invariant = false,
            "identifier" => invariant &= !names::is_changed_in(outermost, syntax::text(node, text), text),
            "selector_expression" => invariant &= !field_assigned_in(outermost, syntax::text(node, text), text),
            _ => {}
        }
        invariant
    });
    invariant
}

/// Reports whether an assignment in `node` writes `selector`, such as `b.idle = ...`.
fn field_assigned_in(node: Node, selector: &str, text: &[u8]) -> bool {
    let mut assigned = false;
    syntax::walk(node, &mut |inner| {
        if matches!(inner.kind(), "assignment_statement" | "inc_statement" | "dec_statement") {
            let target = inner.child_by_field_name("left").or_else(|| inner.named_child(0));
            let target_text = target.map_or("", |target| syntax::text(target, text));
            assigned |= target_text.split(',').any(|part| part.trim() == selector);
        }
        !assigned
    });
    assigned
}
