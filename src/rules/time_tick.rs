//! time-tick: `time.Tick(d)` in a function that returns. Before Go 1.23 the ticker
//! behind `time.Tick` can never be stopped or collected, so each call of the function
//! leaves one ticker, and its channel, in the runtime for the rest of the process.
//!
//! The fix creates the ticker with `time.NewTicker(d)`, stops it when the function
//! returns, and reads `ticker.C` where the `time.Tick` channel was read. It applies only
//! when the channel stays inside the function and `d` is visibly positive, because
//! `time.NewTicker` panics where `time.Tick` returned nil for `d <= 0`.

use tree_sitter::Node;

use super::flow::{self, ExitStyle};
use super::{constant, layout, names, Context, Rule, GO_1_23};
use crate::fix::{Applicability, Edit, Finding};
use crate::syntax;

pub const RULE: Rule = Rule {
    id: "time-tick",
    summary: "time.Tick in a function that returns leaves a ticker running for the rest of the process",
    fix_safety: "safe when the duration is a positive constant or checked positive, display-only otherwise",
    go_versions: "before 1.23",
    applies_to: |version| version < GO_1_23,
    documentation: include_str!("../../transforms/time-tick/README.md"),
    required_tokens: &["time.Tick("],
    node_kinds: &["call_expression"],
    check,
};

/// The form in which the function reads the channel that `time.Tick` returns.
enum Use<'a> {
    /// `name := time.Tick(d)`, with `name` only received from or ranged over.
    Variable { declaration: Node<'a>, name: &'a str, reads: Vec<Node<'a>> },
    /// `for range time.Tick(d)`, `<-time.Tick(d)` or `case <-time.Tick(d):`, in the
    /// statement given.
    Direct { statement: Node<'a> },
}

fn check(context: &Context, call: Node, findings: &mut Vec<Finding>) {
    let text = context.text;
    if syntax::callee_text(call, text) != "time.Tick" || !context.imports("time") || super::is_test_file(context) {
        return;
    }
    let [duration] = syntax::call_arguments(call)[..] else { return };
    let Some(function) = syntax::enclosing_function(call) else { return };

    let per_iteration = names::enclosing_loops(call, function)
        .into_iter()
        .any(|loop_node| names::runs_per_iteration(call, loop_node));
    if per_iteration {
        let advice = format!("create one `time.NewTicker({})` before the loop and stop it when done", syntax::text(duration, text));
        findings.push(finding(call, "in this loop starts a new ticker on every iteration", advice, Applicability::DisplayOnly, Vec::new()));
        return;
    }
    if runs_for_the_whole_process(context, function) || !can_return_after(call, function, text) {
        return;
    }
    let Some(channel_use) = channel_use(call, function, text) else { return };

    let positive = constant::is_positive(context, duration, function) || is_checked_positive(context, call, duration, function);
    let edits = match (positive, layout::one_line_text(duration, text)) {
        (true, Some(duration_text)) => edits(call, duration_text, &channel_use, text),
        _ => None,
    };
    let duration_text = syntax::text(duration, text);
    let problem = "leaves a ticker running after the function returns";
    match edits {
        Some(edits) => {
            let advice = format!("use `time.NewTicker({duration_text})` and stop it when the function returns");
            findings.push(finding(call, problem, advice, Applicability::Safe, edits));
        }
        None => {
            let advice = format!(
                "use `time.NewTicker({duration_text})` with `defer ticker.Stop()` once `{duration_text}` is known to be positive, because `NewTicker` panics where `Tick` returned nil"
            );
            findings.push(finding(call, problem, advice, Applicability::DisplayOnly, Vec::new()));
        }
    }
}

/// Reports whether `function` is `main` or `init`, which run once for the life of the
/// process, so their one ticker is no leak.
fn runs_for_the_whole_process(context: &Context, function: Node) -> bool {
    if function.kind() != "function_declaration" {
        return false;
    }
    let name = function.child_by_field_name("name").map_or("", |name| syntax::text(name, context.text));
    name == "init" || (name == "main" && context.package_name == "main")
}

/// Reports whether `function` can return after `call`: its own code has a `return`
/// after the call, or its last statement can finish. An endless `for` that nothing
/// breaks out of, a range over a ticker channel (which is never closed), `select {}`,
/// `panic` and process exits cannot. A `return` before the call, such as an early exit
/// when the ticker is not wanted, does not count.
fn can_return_after(call: Node, function: Node, text: &[u8]) -> bool {
    let Some(body) = function.child_by_field_name("body") else { return true };
    let mut returns = false;
    names::walk_own_code(body, &mut |node| returns |= node.kind() == "return_statement" && node.start_byte() > call.end_byte());
    if returns {
        return true;
    }
    let statements = syntax::statements(body);
    let Some(last) = statements.last() else { return true };
    can_finish(*last, text)
}

fn can_finish(statement: Node, text: &[u8]) -> bool {
    let style = ExitStyle::default();
    if flow::is_exit(statement, text, style) || flow::is_process_exit(statement, text, style) {
        return false;
    }
    match statement.kind() {
        "select_statement" => syntax::named_children(statement).iter().any(|case| case.kind() != "comment"),
        "labeled_statement" => statement.named_child(1).is_none_or(|inner| {
            let label = statement.child_by_field_name("label").map_or("", |label| syntax::text(label, text));
            can_finish(inner, text) || is_broken_out_of(inner, Some(label), text)
        }),
        "for_statement" => !is_endless(statement, text) || is_broken_out_of(statement, None, text),
        _ => true,
    }
}

/// Reports whether a `for` loop has no condition, or ranges over a `time.Tick` channel.
fn is_endless(loop_node: Node, text: &[u8]) -> bool {
    let header = syntax::named_children(loop_node).into_iter().find(|child| child.kind() != "block" && child.kind() != "comment");
    match header {
        None => true,
        Some(clause) if clause.kind() == "for_clause" => clause.child_by_field_name("condition").is_none(),
        Some(clause) if clause.kind() == "range_clause" => clause
            .child_by_field_name("right")
            .is_some_and(|range| range.kind() == "call_expression" && syntax::callee_text(range, text) == "time.Tick"),
        Some(_) => false,
    }
}

/// Reports whether a `break` or `goto` in `loop_node` can leave it: an unlabelled
/// `break` that belongs to it, `break label`, or any `goto`.
fn is_broken_out_of(loop_node: Node, label: Option<&str>, text: &[u8]) -> bool {
    let mut leaves = false;
    names::walk_own_code(loop_node, &mut |node| match node.kind() {
        "goto_statement" => leaves = true,
        "break_statement" => match node.named_child(0) {
            Some(target) => leaves |= Some(syntax::text(target, text)) == label,
            None => leaves |= nearest_breakable(node).is_some_and(|breakable| breakable.id() == loop_node.id()),
        },
        _ => {}
    });
    leaves
}

/// Returns the `for`, `switch` or `select` that an unlabelled `break` leaves.
fn nearest_breakable(node: Node) -> Option<Node> {
    let mut current = node.parent();
    while let Some(parent) = current {
        if matches!(parent.kind(), "for_statement" | "expression_switch_statement" | "type_switch_statement" | "select_statement") {
            return Some(parent);
        }
        current = parent.parent();
    }
    None
}

/// Finds how the function reads the channel, or None when the channel may outlive the
/// function: it is returned, stored, passed on, or read in a function literal (a
/// goroutine may go on reading it after the function returns).
fn channel_use<'a>(call: Node<'a>, function: Node<'a>, text: &'a [u8]) -> Option<Use<'a>> {
    let parent = call.parent()?;
    if parent.kind() == "expression_list" && parent.named_child_count() == 1 {
        let declaration = parent.parent().filter(|holder| holder.kind() == "short_var_declaration")?;
        let left = declaration.child_by_field_name("left")?;
        let [name_node] = syntax::named_children(left)[..] else { return None };
        if name_node.kind() != "identifier" || !layout::is_own_line_statement(declaration, text) {
            return None;
        }
        let name = syntax::text(name_node, text);
        let body = function.child_by_field_name("body")?;
        let mut reads = Vec::new();
        for identifier in names::uses(body, name, text) {
            if identifier.id() == name_node.id() || identifier.end_byte() <= declaration.start_byte() {
                continue;
            }
            if syntax::enclosing_function(identifier).map(|f| f.id()) != Some(function.id()) || !is_read(identifier) {
                return None;
            }
            reads.push(identifier);
        }
        return Some(Use::Variable { declaration, name, reads });
    }

    let read = is_read(call);
    if !read {
        return None;
    }
    let mut statement = call;
    while statement.parent().is_some_and(|parent| parent.kind() != "statement_list") {
        statement = statement.parent()?;
        if statement.id() == function.id() {
            return None;
        }
    }
    layout::is_own_line_statement(statement, text).then_some(Use::Direct { statement })
}

/// Reports whether `node` is received from (`<-node`) or ranged over (`range node`).
fn is_read(node: Node) -> bool {
    let Some(parent) = node.parent() else { return false };
    match parent.kind() {
        "unary_expression" => parent.child_by_field_name("operator").is_some_and(|operator| operator.kind() == "<-"),
        "range_clause" => parent.child_by_field_name("right").map(|right| right.id()) == Some(node.id()),
        _ => false,
    }
}

/// Reports whether a `d <= 0` guard before the call makes `duration` positive: an
/// `if d > 0 { ... }` around the call, or an `if d <= 0 { ... }` (or `d < N`, `d <= N`
/// with a constant `N >= 0`) before it whose body returns or sets `d` to a positive
/// constant, with no assignment to `d` between the guard and the call.
fn is_checked_positive(context: &Context, call: Node, duration: Node, function: Node) -> bool {
    let text = context.text;
    if !matches!(duration.kind(), "identifier" | "selector_expression") {
        return false;
    }
    let name = syntax::text(duration, text);
    let mut current = call;
    while let Some(parent) = current.parent() {
        if parent.id() == function.id() {
            return false;
        }
        if parent.kind() == "if_statement" {
            let in_consequence = parent.child_by_field_name("consequence").is_some_and(|block| syntax::contains(block, call));
            let condition = parent.child_by_field_name("condition");
            if in_consequence && condition.is_some_and(|condition| requires_positive(condition, name, text)) {
                return true;
            }
        }
        if parent.kind() == "statement_list" {
            let earlier = syntax::statements(parent).into_iter().take_while(|statement| statement.end_byte() <= current.start_byte());
            for statement in earlier.collect::<Vec<_>>().into_iter().rev() {
                if guards_positive(context, statement, name, function) {
                    return true;
                }
                if assigns(statement, name, text) {
                    return false;
                }
            }
        }
        current = parent;
    }
    false
}

/// Reports whether `condition` (or one operand of an `&&` chain) is `name > 0`,
/// `name >= 1` or `0 < name`.
fn requires_positive(condition: Node, name: &str, text: &[u8]) -> bool {
    let compact: String = syntax::text(condition, text).split_whitespace().collect();
    let accepted = [format!("{name}>0"), format!("{name}>=1"), format!("0<{name}")];
    if accepted.contains(&compact) {
        return true;
    }
    let is_and = condition.kind() == "binary_expression"
        && condition.child_by_field_name("operator").is_some_and(|operator| syntax::text(operator, text) == "&&");
    is_and
        && ["left", "right"]
            .iter()
            .filter_map(|field| condition.child_by_field_name(field))
            .any(|operand| requires_positive(operand, name, text))
}

/// Reports whether `statement` is `if name <= 0 { ... }` (or `name < 1`, `name <= N`,
/// `name < N` with a non-negative integer literal or time unit `N`) whose body leaves
/// or ends by giving `name` a constant positive value.
fn guards_positive(context: &Context, statement: Node, name: &str, function: Node) -> bool {
    let text = context.text;
    if statement.kind() != "if_statement" || statement.child_by_field_name("alternative").is_some() {
        return false;
    }

    let Some(condition) = statement.child_by_field_name("condition") else { return false };
    let compact: String = syntax::text(condition, text).split_whitespace().collect();
    let Some(bound) = compact.strip_prefix(&format!("{name}<=")).or_else(|| compact.strip_prefix(&format!("{name}<"))) else {
        return false;
    };
    let bound_is_constant = bound.chars().all(|c| c.is_ascii_digit()) || bound.strip_prefix("time.").is_some_and(|unit| unit.chars().all(char::is_alphabetic));
    if !bound_is_constant || compact == format!("{name}<0") {
        return false;
    }

    let Some(body) = statement.child_by_field_name("consequence") else { return false };
    let statements = syntax::statements(body);
    let Some(last) = statements.last() else { return false };
    let style = ExitStyle::default();
    if flow::is_exit(*last, text, style) || flow::is_process_exit(*last, text, style) {
        return true;
    }

    // `name = value` with a constant positive value such as `5 * time.Second`.
    if last.kind() != "assignment_statement" {
        return false;
    }
    let target = last.child_by_field_name("left").map(syntax::named_children).unwrap_or_default();
    let value = last.child_by_field_name("right").map(syntax::named_children).unwrap_or_default();
    match (&target[..], &value[..]) {
        ([target], [value]) => syntax::text(*target, text) == name && constant::is_positive(context, *value, function),
        _ => false,
    }
}

/// Reports whether `statement` assigns `name`, or assigns the variable a selector
/// `name` starts from.
fn assigns(statement: Node, name: &str, text: &[u8]) -> bool {
    let root = name.split('.').next().unwrap_or(name);
    let mut assigned = false;
    syntax::walk(statement, &mut |node| {
        if matches!(node.kind(), "assignment_statement" | "short_var_declaration" | "inc_statement" | "dec_statement") {
            let target = node.child_by_field_name("left").or_else(|| node.named_child(0));
            let target_text = target.map_or("", |target| syntax::text(target, text));
            assigned |= target_text.split(',').map(str::trim).any(|part| part == name || part == root);
        }
        !assigned
    });
    assigned
}

/// Rewrites the `time.Tick` call and its reads to use a ticker that is stopped when the
/// function returns.
fn edits(call: Node, duration: &str, channel_use: &Use, text: &[u8]) -> Option<Vec<Edit>> {
    match channel_use {
        Use::Variable { declaration, name, reads } => {
            let ticker = if matches!(*name, "ticker" | "tick") { name.to_string() } else { names::unique_name(call, "ticker", text) };
            let ending = crate::source::line_ending_at(text, declaration.start_byte());
            let indentation = String::from_utf8_lossy(crate::source::indentation_at(text, declaration.start_byte())).into_owned();
            let mut edits = vec![Edit::replace(
                declaration.byte_range(),
                format!("{ticker} := time.NewTicker({duration}){ending}{indentation}defer {ticker}.Stop()"),
            )];
            edits.extend(reads.iter().map(|read| Edit::replace(read.byte_range(), format!("{ticker}.C"))));
            Some(edits)
        }
        Use::Direct { statement } => {
            let ticker = names::unique_name(call, "ticker", text);
            let create = layout::lines_at(text, statement.start_byte(), &[
                format!("{ticker} := time.NewTicker({duration})"),
                format!("defer {ticker}.Stop()"),
            ]);
            Some(vec![
                Edit::insert(layout::line_start_before(*statement, text), create),
                Edit::replace(call.byte_range(), format!("{ticker}.C")),
            ])
        }
    }
}

fn finding(call: Node, problem: &str, advice: String, applicability: Applicability, edits: Vec<Edit>) -> Finding {
    Finding {
        rule: RULE.id,
        range: call.byte_range(),
        message: format!("`time.Tick` {problem}, and before Go 1.23 that ticker is never freed; {advice}"),
        applicability,
        edits,
    }
}
