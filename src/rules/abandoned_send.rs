//! abandoned-send: goroutines that send once on an unbuffered channel whose receiver
//! can leave first. The fix gives the channel one buffer slot per send that may go
//! unreceived, so every sender completes and exits.
//!
//! The match starts at `make(chan T)`. From the enclosing function and the functions of
//! its package, it proves that every use of the channel is a single send in a goroutine
//! started there or a receive in the function itself. It then looks for a way out of the
//! function before every send is received. Anything else is left alone.

use tree_sitter::Node;

use super::channel::{declaring_statement, go_argument, goroutine_literal, innermost_literal, is_receive, receiver_method};
use super::flow::{self, ExitStyle, Unknown};
use super::names::{enclosing_loops, is_declared_or_assigned, uses, walk_own_code};
use super::{Context, Rule};
use crate::fix::{Applicability, Edit, Finding};
use crate::syntax;

pub const RULE: Rule = Rule {
    id: "abandoned-send",
    summary: "a goroutine sends once on an unbuffered channel that its receiver can stop reading",
    fix_safety: "safe when the send ends its goroutine, unsafe when code follows it",
    go_versions: "all",
    applies_to: |_| true,
    documentation: include_str!("../../transforms/abandoned-send/README.md"),
    required_tokens: &["make(", "chan", "go"],
    node_kinds: &["call_expression"],
    check,
};

/// A goroutine that sends on the channel: its body, the name the channel has there,
/// the text the body was parsed from, and how many times it is started.
struct Sender<'a> {
    go_start: usize,
    body: Node<'a>,
    channel: String,
    text: &'a [u8],
    starts: Count,
}

/// How many goroutines a `go` statement starts, as a Go expression where it is not
/// a constant.
#[derive(Clone, Debug)]
enum Count {
    Known(u64),
    Expression(String),
    Unknown,
}

/// The receives of the channel in the function's own code.
struct ReceiverUses<'a> {
    receives: Vec<Node<'a>>,
}

fn check(context: &Context, call: Node, findings: &mut Vec<Finding>) {
    let Some(channel) = unbuffered_channel(context, call) else { return };
    let Some(declaration) = declaring_statement(call) else { return };
    let name = syntax::text(channel, context.text).to_string();
    let Some(function) = syntax::enclosing_function(declaration) else { return };
    let Some(body) = function.child_by_field_name("body") else { return };

    let Some((senders, receiver)) = classify_uses(context, &name, declaration, function, body) else { return };
    if senders.is_empty() {
        return;
    }

    let mut total = Count::Known(0);
    let mut all_last = true;
    for sender in &senders {
        match flow::count_sends(sender.body, &sender.channel, sender.text) {
            Ok(1) => {}
            Ok(_) | Err(Unknown::Repeated) | Err(Unknown::Guarded) => return,
        }
        all_last &= sends_are_last(sender);
        total = add(total, sender.starts.clone());
    }

    let style = ExitStyle {
        gotest_tools_assert: context.imports("gotest.tools/v3/assert") || context.imports("gotest.tools/assert"),
        panic_ends_process: context.is_main_function(function),
    };
    let first_go = senders.iter().map(|sender| sender.go_start).min().unwrap_or(0);
    let reads_too_few = receives_fewer_than(&receiver, body, &total);
    if !reads_too_few && !can_leave_early(context, body, &receiver, first_go, &name, style) {
        return;
    }

    findings.push(finding(call, &name, total, all_last));
}

/// Returns the variable name node of `make(chan T)` or `make(chan T, 0)`.
fn unbuffered_channel<'a>(context: &Context, call: Node<'a>) -> Option<Node<'a>> {
    if syntax::callee_text(call, context.text) != "make" {
        return None;
    }
    let arguments = syntax::call_arguments(call);
    let channel_type = arguments.first().filter(|node| node.kind() == "channel_type")?;
    if !syntax::text(*channel_type, context.text).starts_with("chan") {
        return None;
    }
    match arguments.get(1) {
        None => {}
        Some(capacity) if capacity.kind() == "int_literal" && syntax::text(*capacity, context.text) == "0" => {}
        Some(_) => return None,
    }
    if arguments.len() > 2 {
        return None;
    }

    let list = call.parent().filter(|parent| parent.kind() == "expression_list" && parent.named_child_count() == 1)?;
    let holder = list.parent()?;
    let names = match holder.kind() {
        "short_var_declaration" => holder.child_by_field_name("left")?,
        "var_spec" => holder,
        _ => return None,
    };
    let mut cursor = names.walk();
    let identifiers: Vec<Node> = if holder.kind() == "var_spec" {
        if holder.child_by_field_name("type").is_some() {
            return None;
        }
        holder.children_by_field_name("name", &mut cursor).collect()
    } else {
        names.named_children(&mut cursor).collect()
    };
    match identifiers.as_slice() {
        [identifier] if identifier.kind() == "identifier" && syntax::text(*identifier, context.text) != "_" => Some(*identifier),
        _ => None,
    }
}

/// Sorts every use of the channel into sends by goroutines started in `function` and
/// receives by `function` itself. Returns None when any use is something else: the
/// channel escapes, is closed, measured, sent on by the function, or read by another
/// goroutine.
fn classify_uses<'a>(
    context: &Context<'a>,
    name: &str,
    declaration: Node<'a>,
    function: Node<'a>,
    body: Node<'a>,
) -> Option<(Vec<Sender<'a>>, ReceiverUses<'a>)> {
    let mut senders: Vec<Sender<'a>> = Vec::new();
    let mut receives = Vec::new();

    for identifier in uses(body, name, context.text) {
        if identifier.start_byte() < declaration.end_byte() {
            if syntax::contains(declaration, identifier) {
                continue;
            }
            return None;
        }
        if is_declared_or_assigned(identifier) {
            return None;
        }

        match innermost_literal(identifier, function) {
            None => {
                if is_receive(identifier) {
                    receives.push(identifier);
                } else if let Some(go) = go_argument(identifier) {
                    let sender = sender_from_call(context, go, identifier, function, declaration.start_byte())?;
                    if senders.iter().any(|known| known.body.id() == sender.body.id()) {
                        return None;
                    }
                    senders.push(sender);
                } else {
                    return None;
                }
            }
            Some(_) => {
                let literal = goroutine_literal(identifier, function)?;
                if !is_send_through_defers(identifier, literal) {
                    return None;
                }
                let literal_body = literal.child_by_field_name("body")?;
                if senders.iter().any(|known| known.body.id() == literal_body.id()) {
                    continue;
                }
                let go = literal.parent()?.parent()?;
                senders.push(Sender {
                    go_start: go.start_byte(),
                    body: literal_body,
                    channel: name.to_string(),
                    text: context.text,
                    starts: starts(context, go, function, declaration.start_byte())?,
                });
            }
        }
    }

    Some((senders, ReceiverUses { receives }))
}

/// Reports whether the identifier is the channel of a send statement whose only
/// function literals up to the goroutine are deferred closures.
fn is_send_through_defers(identifier: Node, goroutine: Node) -> bool {
    let Some(send) = identifier.parent() else { return false };
    if send.kind() != "send_statement" || send.child_by_field_name("channel").map(|c| c.id()) != Some(identifier.id()) {
        return false;
    }
    let mut current = syntax::enclosing_function(send);
    while let Some(literal) = current {
        if literal.id() == goroutine.id() {
            return true;
        }
        let deferred = literal
            .parent()
            .filter(|call| call.kind() == "call_expression")
            .and_then(|call| call.parent())
            .is_some_and(|statement| statement.kind() == "defer_statement");
        if !deferred {
            return false;
        }
        current = syntax::enclosing_function(literal);
    }
    false
}

/// Builds the sender for `go f(..., ch, ...)` or `go func(c chan T) {...}(ch)`: the
/// parameter at the channel's position becomes the channel's name in the body.
fn sender_from_call<'a>(
    context: &Context<'a>,
    go: Node<'a>,
    argument: Node<'a>,
    function: Node<'a>,
    made_at: usize,
) -> Option<Sender<'a>> {
    let call = go.named_child(0)?;
    let position = syntax::call_arguments(call).iter().position(|node| node.id() == argument.id())?;
    let callee = call.child_by_field_name("function")?;
    let (declaration, text) = match callee.kind() {
        "func_literal" => (callee, context.text),
        "identifier" => {
            let found = context.function(syntax::text(callee, context.text))?;
            (found.node, found.text)
        }
        "selector_expression" => {
            let found = receiver_method(context, callee, function)?;
            (found.node, found.text)
        }
        _ => return None,
    };

    let parameters = declaration.child_by_field_name("parameters")?;
    let names = syntax::parameter_names(parameters, text);
    let (parameter, variadic) = names.get(position)?;
    if *variadic || *parameter == "_" {
        return None;
    }
    let body = declaration.child_by_field_name("body")?;

    // Inside the callee the channel may only be sent on.
    for identifier in uses(body, parameter, text) {
        if is_declared_or_assigned(identifier) || !is_send_through_defers(identifier, declaration) {
            return None;
        }
    }

    Some(Sender {
        go_start: go.start_byte(),
        body,
        channel: parameter.to_string(),
        text,
        starts: starts(context, go, function, made_at)?,
    })
}

/// Counts how many goroutines a `go` statement starts in one call of `function`:
/// once, or once per iteration of the one loop around it. `made_at` is where the
/// channel is made, where a loop bound must already hold its value.
fn starts(context: &Context, go: Node, function: Node, made_at: usize) -> Option<Count> {
    let mut loops = Vec::new();
    let mut current = go.parent();
    while let Some(node) = current {
        if node.id() == function.id() {
            break;
        }
        match node.kind() {
            "for_statement" => loops.push(node),
            "func_literal" => return None,
            _ => {}
        }
        current = node.parent();
    }
    match loops.as_slice() {
        [] => Some(Count::Known(1)),
        [single] => Some(iterations(context, *single, function, made_at)),
        _ => Some(Count::Unknown),
    }
}

/// Returns the iteration count of `for i := 0; i < n; i++` or of a range over a
/// collection whose type the syntax shows.
fn iterations(context: &Context, loop_node: Node, function: Node, made_at: usize) -> Count {
    let text = context.text;
    let Some(clause) = loop_node.named_child(0) else { return Count::Unknown };
    match clause.kind() {
        "range_clause" => {
            let Some(range) = clause.child_by_field_name("right") else { return Count::Unknown };
            if range.kind() == "int_literal" {
                return syntax::text(range, text).parse().map_or(Count::Unknown, Count::Known);
            }
            if is_collection(context, range, function) && unchanged_after(function, range, made_at, text) {
                Count::Expression(format!("len({})", syntax::text(range, text)))
            } else {
                Count::Unknown
            }
        }
        "for_clause" => counted_loop_bound(context, clause, function, made_at),
        _ => Count::Unknown,
    }
}

/// Reads `n` from `for i := 0; i < n; i++`, when `n` can be evaluated where the
/// channel is made.
fn counted_loop_bound(context: &Context, clause: Node, function: Node, made_at: usize) -> Count {
    let text = context.text;
    let initializer = clause.child_by_field_name("initializer").map(|node| syntax::text(node, text).replace(' ', ""));
    let update = clause.child_by_field_name("update").map(|node| syntax::text(node, text).to_string());
    let Some(condition) = clause.child_by_field_name("condition") else { return Count::Unknown };
    let (Some(left), Some(operator), Some(bound)) = (
        condition.child_by_field_name("left"),
        condition.child_by_field_name("operator"),
        condition.child_by_field_name("right"),
    ) else {
        return Count::Unknown;
    };
    let counter = syntax::text(left, text);
    if left.kind() != "identifier"
        || operator.kind() != "<"
        || initializer.as_deref() != Some(&format!("{counter}:=0"))
        || update.as_deref() != Some(&format!("{counter}++"))
    {
        return Count::Unknown;
    }
    if bound.kind() == "int_literal" {
        return syntax::text(bound, text).parse().map_or(Count::Unknown, Count::Known);
    }

    // The bound must hold the same value where the channel is made as at the loop.
    let plain = !matches!(bound.kind(), "call_expression") || syntax::callee_text(bound, text) == "len";
    if plain && unchanged_after(function, bound, made_at, text) {
        Count::Expression(syntax::text(bound, text).to_string())
    } else {
        Count::Unknown
    }
}

/// Reports whether nothing in `function` after `offset` declares or assigns a name in
/// `expression`, or assigns a field it reads, such as `c.members = append(...)`.
fn unchanged_after(function: Node, expression: Node, offset: usize, text: &[u8]) -> bool {
    let Some(body) = function.child_by_field_name("body") else { return false };
    let mut names = Vec::new();
    let mut selectors = Vec::new();
    syntax::walk(expression, &mut |node| {
        match node.kind() {
            "identifier" => names.push(syntax::text(node, text)),
            "selector_expression" => selectors.push(syntax::text(node, text)),
            _ => {}
        }
        true
    });
    if names.iter().any(|name| changed_after(function, name, offset, text)) {
        return false;
    }

    let mut assigned = false;
    syntax::walk(body, &mut |node| {
        if node.start_byte() > offset && matches!(node.kind(), "assignment_statement" | "inc_statement" | "dec_statement") {
            let target = node.child_by_field_name("left").or_else(|| node.named_child(0));
            let target_text = target.map_or("", |target| syntax::text(target, text));
            assigned |= selectors.iter().any(|selector| target_text.split(',').any(|part| part.trim() == *selector));
        }
        !assigned
    });
    !assigned
}

/// Reports whether `name` is declared or assigned in `function` after `offset`.
fn changed_after(function: Node, name: &str, offset: usize, text: &[u8]) -> bool {
    let Some(body) = function.child_by_field_name("body") else { return true };
    uses(body, name, text)
        .into_iter()
        .any(|identifier| identifier.start_byte() > offset && is_declared_or_assigned(identifier))
}

/// Reports whether the syntax shows `range` to be a slice, array or map, so that
/// `len(range)` compiles and counts its iterations.
fn is_collection(context: &Context, range: Node, function: Node) -> bool {
    let text = context.text;
    match range.kind() {
        "identifier" => {
            let name = syntax::text(range, text);
            local_collection(function, name, text)
        }
        "selector_expression" => {
            let Some(field) = range.child_by_field_name("field") else { return false };
            let operand_is_simple = range.child_by_field_name("operand").is_some_and(|operand| {
                matches!(operand.kind(), "identifier" | "selector_expression")
            });
            operand_is_simple && field_is_collection(context, syntax::text(field, text))
        }
        _ => false,
    }
}

fn is_collection_type(node: Node) -> bool {
    matches!(node.kind(), "slice_type" | "array_type" | "map_type" | "implicit_length_array_type")
}

/// Looks for the declaration of `name` in `function` and the functions around it:
/// a parameter, a `var` or a `:=` whose type or value shows a slice, array or map.
fn local_collection(function: Node, name: &str, text: &[u8]) -> bool {
    let mut scope = Some(function);
    while let Some(current) = scope {
        if let Some(parameters) = current.child_by_field_name("parameters") {
            for declaration in syntax::named_children(parameters) {
                let mut cursor = declaration.walk();
                let declares = declaration.children_by_field_name("name", &mut cursor).any(|n| syntax::text(n, text) == name);
                if declares {
                    return declaration.kind() == "variadic_parameter_declaration"
                        || declaration.child_by_field_name("type").is_some_and(is_collection_type);
                }
            }
        }
        if let Some(body) = current.child_by_field_name("body") {
            if let Some(answer) = local_declaration_is_collection(body, name, text) {
                return answer;
            }
        }
        scope = syntax::enclosing_function(current);
    }
    false
}

fn local_declaration_is_collection(body: Node, name: &str, text: &[u8]) -> Option<bool> {
    let mut answer = None;
    syntax::walk(body, &mut |node| {
        if answer.is_some() || node.kind() == "func_literal" {
            return false;
        }
        match node.kind() {
            "var_spec" => {
                let mut cursor = node.walk();
                if node.children_by_field_name("name", &mut cursor).any(|n| syntax::text(n, text) == name) {
                    let typed = node.child_by_field_name("type").is_some_and(is_collection_type);
                    let valued = node.child_by_field_name("value").and_then(|value| value.named_child(0)).is_some_and(is_collection_value_check);
                    answer = Some(typed || valued);
                }
            }
            "short_var_declaration" => {
                let left = node.child_by_field_name("left").map(syntax::named_children).unwrap_or_default();
                let right = node.child_by_field_name("right").map(syntax::named_children).unwrap_or_default();
                if let Some(position) = left.iter().position(|n| syntax::text(*n, text) == name) {
                    answer = Some(left.len() == right.len() && is_collection_value(right[position], text));
                }
            }
            _ => {}
        }
        true
    });
    answer
}

fn is_collection_value_check(value: Node) -> bool {
    value.kind() == "composite_literal" && value.child_by_field_name("type").is_some_and(is_collection_type)
}

/// Reports whether a value is visibly a slice, array or map: a composite literal of
/// such a type, or `make([]T, ...)` or `make(map[K]V)`.
fn is_collection_value(value: Node, text: &[u8]) -> bool {
    if is_collection_value_check(value) {
        return true;
    }
    value.kind() == "call_expression"
        && syntax::callee_text(value, text) == "make"
        && syntax::call_arguments(value).first().is_some_and(|kind| is_collection_type(*kind))
}

/// Reports whether every struct field named `field` in the package is a slice, array
/// or map, and there is at least one.
fn field_is_collection(context: &Context, field: &str) -> bool {
    let mut seen = 0;
    let mut all_collections = true;
    context.for_each_file(&mut |tree, text| {
        syntax::walk(tree.root_node(), &mut |node| {
            if node.kind() == "field_declaration" {
                let mut cursor = node.walk();
                if node.children_by_field_name("name", &mut cursor).any(|n| syntax::text(n, text) == field) {
                    seen += 1;
                    all_collections &= node.child_by_field_name("type").is_some_and(is_collection_type);
                }
                return false;
            }
            !matches!(node.kind(), "block" | "import_declaration")
        });
    });
    seen > 0 && all_collections
}

fn add(left: Count, right: Count) -> Count {
    match (left, right) {
        (Count::Unknown, _) | (_, Count::Unknown) => Count::Unknown,
        (Count::Known(a), Count::Known(b)) => Count::Known(a + b),
        (Count::Known(0), expression) | (expression, Count::Known(0)) => expression,
        (Count::Known(a), Count::Expression(e)) | (Count::Expression(e), Count::Known(a)) => Count::Expression(format!("{e} + {a}")),
        (Count::Expression(a), Count::Expression(b)) => Count::Expression(format!("{a} + {b}")),
    }
}

/// Reports whether every send of the sender is the last thing its goroutine does.
fn sends_are_last(sender: &Sender) -> bool {
    let mut last = true;
    syntax::walk(sender.body, &mut |node| {
        if flow::is_send_on(node, &sender.channel, sender.text) {
            let closure_body = syntax::enclosing_function(node).and_then(|f| f.child_by_field_name("body"));
            last &= closure_body.is_some_and(|body| flow::is_last_action(node, body));
        }
        last
    });
    last
}

/// Reports whether the function can stop reading the channel before every sender has
/// sent: a `select` case that leaves or never comes back to the channel, or an exit
/// (`return`, `panic`, a failed test check, a `break` out of the receive loop) after a
/// goroutine started and before a receive.
fn can_leave_early(context: &Context, body: Node, receiver: &ReceiverUses, first_go: usize, name: &str, style: ExitStyle) -> bool {
    let text = context.text;
    let receive_after = |offset: usize| receiver.receives.iter().any(|receive| receive.start_byte() > offset);
    let mut early = false;

    walk_own_code(body, &mut |node| {
        if early {
            return;
        }
        if node.kind() == "select_statement" && node.start_byte() > first_go {
            early = select_can_skip(node, body, name, text, style, &receive_after);
            return;
        }
        if node.start_byte() < first_go {
            return;
        }
        let leaves = flow::is_exit(node, text, style) || is_loop_break(node);
        if !leaves {
            return;
        }
        let loop_with_receive = innermost_loop(node, body).is_some_and(|loop_node| {
            receiver.receives.iter().any(|receive| syntax::contains(loop_node, *receive))
        });
        let breaks_out = node.kind() == "break_statement";
        early = if breaks_out {
            loop_with_receive && !innermost_loop(node, body).is_some_and(|loop_node| receive_after(loop_node.end_byte()))
        } else {
            receive_after(node.end_byte()) || loop_with_receive
        };
    });
    early
}

/// Reports whether the function reads the channel fewer times than goroutines send on
/// it: no receive is in a loop, and there are fewer receive sites than sends, as when
/// two goroutines race and `return <-ch` takes the first answer.
fn receives_fewer_than(receiver: &ReceiverUses, body: Node, sends: &Count) -> bool {
    let Count::Known(sends) = sends else { return false };
    let in_loop = receiver.receives.iter().any(|receive| innermost_loop(*receive, body).is_some());
    !in_loop && (receiver.receives.len() as u64) < *sends
}

/// Reports whether a `select` that receives from the channel has another case after
/// which the function returns or never receives from it again.
fn select_can_skip(select: Node, body: Node, name: &str, text: &[u8], style: ExitStyle, receive_after: &dyn Fn(usize) -> bool) -> bool {
    let cases: Vec<Node> = syntax::named_children(select)
        .into_iter()
        .filter(|case| matches!(case.kind(), "communication_case" | "default_case"))
        .collect();
    let receives_here = cases.iter().any(|case| case_receives_from(*case, name, text));
    if !receives_here {
        return false;
    }
    let in_loop = innermost_loop(select, body).is_some();
    cases.iter().filter(|case| !case_receives_from(**case, name, text)).any(|case| {
        let statements = syntax::statements(*case);
        if flow::ends_with_exit(&statements, text, style) {
            return true;
        }
        if statements.last().is_some_and(|last| flow::is_process_exit(*last, text, style)) {
            return false;
        }
        let waits_again = statements.iter().any(|statement| contains_receive_from(*statement, name, text));
        !waits_again && !in_loop && !receive_after(select.end_byte())
    })
}

fn case_receives_from(case: Node, name: &str, text: &[u8]) -> bool {
    case.child_by_field_name("communication")
        .is_some_and(|communication| communication.kind() == "receive_statement" && contains_receive_from(communication, name, text))
}

fn contains_receive_from(node: Node, name: &str, text: &[u8]) -> bool {
    let mut found = false;
    syntax::walk(node, &mut |inner| {
        if inner.kind() == "identifier" && syntax::text(inner, text) == name && is_receive(inner) {
            found = true;
        }
        !found
    });
    found
}

/// Reports whether `node` is an unlabelled `break` that leaves a `for` loop rather
/// than a `switch` or `select`.
fn is_loop_break(node: Node) -> bool {
    if node.kind() != "break_statement" || node.named_child_count() > 0 {
        return false;
    }
    let mut current = node.parent();
    while let Some(parent) = current {
        match parent.kind() {
            "for_statement" => return true,
            "expression_switch_statement" | "type_switch_statement" | "select_statement" => return false,
            kind if kind == "func_literal" => return false,
            _ => {}
        }
        current = parent.parent();
    }
    false
}

/// Returns the innermost `for` statement around `node` inside `body`.
fn innermost_loop<'a>(node: Node<'a>, body: Node<'a>) -> Option<Node<'a>> {
    enclosing_loops(node, body).into_iter().next()
}

fn finding(call: Node, name: &str, capacity: Count, all_last: bool) -> Finding {
    let arguments = syntax::call_arguments(call);
    let (applicability, edits, advice) = match &capacity {
        Count::Unknown => (
            Applicability::DisplayOnly,
            Vec::new(),
            "give it one buffer slot per sending goroutine".to_string(),
        ),
        Count::Known(_) | Count::Expression(_) => {
            let capacity_text = match &capacity {
                Count::Known(value) => value.to_string(),
                Count::Expression(expression) => expression.clone(),
                Count::Unknown => unreachable!(),
            };
            let edit = match arguments.get(1) {
                Some(zero) => Edit::replace(zero.byte_range(), capacity_text.clone()),
                None => Edit::insert(arguments[0].end_byte(), format!(", {capacity_text}")),
            };
            let applicability = if all_last { Applicability::Safe } else { Applicability::Unsafe };
            (applicability, vec![edit], format!("buffer it with capacity {capacity_text}"))
        }
    };
    Finding {
        rule: RULE.id,
        range: call.byte_range(),
        message: format!(
            "a goroutine can block forever sending on `{name}` because the receiver may stop reading first; {advice}"
        ),
        applicability,
        edits,
    }
}
