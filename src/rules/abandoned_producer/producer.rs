//! Producer goroutines: where they send on the channel, whether they close it, and
//! whether their sends repeat (a loop, or a recursive helper) or provably fit the buffer.

use tree_sitter::Node;

use super::consumer::is_range_target;
use super::count::{self, Bound};
use super::roles::Channel;
use crate::package::FunctionRef;
use crate::rules::channel::{innermost_literal, is_declared_or_assigned, is_receive, uses};
use crate::rules::Context;
use crate::syntax;

/// A goroutine that sends on the channel.
pub(super) struct Producer<'a> {
    /// The `go` statement in the function that makes the channel.
    pub go: Node<'a>,
    /// A function literal, or the declaration of a function of the package.
    pub function: Node<'a>,
    pub body: Node<'a>,
    /// The channel's name inside `function`.
    pub channel: String,
    /// The text `function` was parsed from, which is another file's for a function
    /// declared there.
    pub text: &'a [u8],
    /// The call of `go produce(ch)` when the producer is a declared function.
    pub named_call: Option<Node<'a>>,
    /// The send statements in the goroutine's own code.
    pub sends: Vec<Node<'a>>,
    /// The name of a closure or function the goroutine calls that sends for it, quoted
    /// for a message.
    pub helper: Option<String>,
    pub closes: bool,
    /// Whether the goroutine can send more than once: some path through it makes
    /// several sends, or a helper that sends recurses or runs in a loop.
    pub repeated: bool,
}

/// The uses of the channel inside one goroutine.
pub(super) struct GoroutineUses<'a> {
    pub sends: Vec<Node<'a>>,
    pub receives: Vec<Node<'a>>,
    pub helper: Option<String>,
    pub closes: bool,
    pub repeated: bool,
}

/// Sorts the uses of `channel` in a goroutine's body into sends, receives, `close`
/// calls and calls of a helper that sends. Returns None for any other use, and for a
/// send that is already a `select` case.
pub(super) fn goroutine_uses<'a>(
    context: &Context<'a>,
    function: Node<'a>,
    body: Node<'a>,
    channel: &str,
    text: &'a [u8],
) -> Option<GoroutineUses<'a>> {
    let mut found = GoroutineUses { sends: Vec::new(), receives: Vec::new(), helper: None, closes: false, repeated: false };

    for identifier in uses(body, channel, text) {
        if is_declared_or_assigned(identifier) {
            return None;
        }
        if let Some(literal) = innermost_literal(identifier, function) {
            closure_use(identifier, literal, function, body, text, &mut found)?;
            continue;
        }

        if let Some(send) = send_on(identifier) {
            if is_select_case(send) {
                return None;
            }
            found.sends.push(send);
        } else if is_receive(identifier) || is_range_target(identifier) {
            found.receives.push(identifier);
        } else if is_close_argument(identifier, text) {
            found.closes = true;
        } else if let Some((call, helper, position)) = helper_call(context, identifier, text) {
            let repeated = helper_sends(&helper, position)?;
            if found.helper.is_none() {
                found.helper = Some(format!("`{}`", syntax::text(call.child_by_field_name("function")?, text)));
            }
            found.repeated |= repeated || enclosing_loop(call, function).is_some();
        } else {
            return None;
        }
    }
    if !found.sends.is_empty() {
        found.repeated |= !matches!(count::max_sends(body, channel, text), Bound::Known(0 | 1));
    }
    Some(found)
}

/// Sorts a use of the channel inside a closure of the goroutine: `close` in a deferred
/// closure, or a send in a helper closure. A closure that the goroutine defines and
/// calls counts as repeated when the goroutine loops, where it is called in practice.
fn closure_use(identifier: Node, literal: Node, goroutine: Node, body: Node, text: &[u8], found: &mut GoroutineUses) -> Option<()> {
    // A closure started with `go` inside the goroutine is another goroutine.
    let mut current = Some(literal);
    while let Some(closure) = current {
        if closure.id() == goroutine.id() {
            break;
        }
        if closure.parent().and_then(|call| call.parent()).is_some_and(|statement| statement.kind() == "go_statement") {
            return None;
        }
        current = syntax::enclosing_function(closure);
    }

    if let Some(send) = send_on(identifier) {
        if is_select_case(send) {
            return None;
        }
        if found.helper.is_none() {
            found.helper = Some(closure_name(literal, text).unwrap_or_else(|| "a closure".to_string()));
        }
        let mut loops = false;
        syntax::walk(body, &mut |node| {
            loops |= node.kind() == "for_statement";
            !loops
        });
        found.repeated |= loops;
        return Some(());
    }
    let deferred = literal.parent().and_then(|call| call.parent()).is_some_and(|statement| statement.kind() == "defer_statement");
    if deferred && is_close_argument(identifier, text) {
        found.closes = true;
        return Some(());
    }
    None
}

/// Returns `emit` for `emit := func(...) {...}`, quoted for a message.
fn closure_name(literal: Node, text: &[u8]) -> Option<String> {
    let list = literal.parent().filter(|parent| parent.kind() == "expression_list")?;
    let declaration = list.parent().filter(|parent| parent.kind() == "short_var_declaration")?;
    let left = syntax::named_children(declaration.child_by_field_name("left")?);
    let [name] = left.as_slice() else { return None };
    Some(format!("`{}`", syntax::text(*name, text)))
}

/// Returns the send statement whose channel is the identifier.
pub(super) fn send_on(identifier: Node) -> Option<Node> {
    let send = identifier.parent().filter(|parent| parent.kind() == "send_statement")?;
    (send.child_by_field_name("channel")?.id() == identifier.id()).then_some(send)
}

/// Reports whether the send is the communication of a `select` case.
fn is_select_case(send: Node) -> bool {
    send.parent().is_some_and(|parent| parent.kind() == "communication_case")
}

/// Reports whether the identifier is the argument of `close(ch)`.
fn is_close_argument(identifier: Node, text: &[u8]) -> bool {
    let Some(call) = identifier.parent().filter(|list| list.kind() == "argument_list").and_then(|list| list.parent()) else {
        return false;
    };
    syntax::callee_text(call, text) == "close" && syntax::call_arguments(call).len() == 1
}

/// Returns the innermost loop around `node` in the own code of `function`.
pub(super) fn enclosing_loop<'a>(node: Node<'a>, function: Node<'a>) -> Option<Node<'a>> {
    let mut current = node.parent();
    while let Some(parent) = current {
        if parent.id() == function.id() || syntax::is_function(parent) {
            return None;
        }
        if parent.kind() == "for_statement" {
            return Some(parent);
        }
        current = parent.parent();
    }
    None
}

/// Returns the outermost loop around `node` in the own code of `function`.
pub(super) fn outermost_loop<'a>(node: Node<'a>, function: Node<'a>) -> Option<Node<'a>> {
    let mut outermost = None;
    let mut current = enclosing_loop(node, function);
    while let Some(loop_node) = current {
        outermost = Some(loop_node);
        current = enclosing_loop(loop_node, function);
    }
    outermost
}

/// Returns the call `walk(..., ch, ...)` of a function of the package that takes the
/// channel as a plain argument, with that function and the argument's position.
fn helper_call<'a>(context: &Context<'a>, identifier: Node<'a>, text: &[u8]) -> Option<(Node<'a>, FunctionRef<'a>, usize)> {
    let call = identifier.parent().filter(|parent| parent.kind() == "argument_list")?.parent()?;
    if call.parent().is_some_and(|parent| matches!(parent.kind(), "go_statement" | "defer_statement")) {
        return None;
    }
    let callee = call.child_by_field_name("function").filter(|callee| callee.kind() == "identifier")?;
    let name = syntax::text(callee, text);
    // A local variable or parameter of that name would hide the package's function.
    let top = syntax::top_level_declaration(call)?;
    let mut local = false;
    syntax::walk(top, &mut |node| {
        if node.kind() == "identifier" && syntax::text(node, text) == name {
            let is_callee = node.parent().and_then(|parent| parent.child_by_field_name("function")).is_some_and(|f| f.id() == node.id());
            local |= !is_callee;
        }
        !local
    });
    if local {
        return None;
    }
    let helper = context.function(name)?;
    let position = syntax::call_arguments(call).iter().position(|argument| argument.id() == identifier.id())?;
    Some((call, helper, position))
}

/// Checks that a helper function only sends on its channel parameter or passes it on to
/// itself, and returns whether its sends repeat: a send in a loop, or recursion.
fn helper_sends(helper: &FunctionRef, position: usize) -> Option<bool> {
    let text = helper.text;
    let name = syntax::text(helper.node.child_by_field_name("name")?, text);
    let parameters = helper.node.child_by_field_name("parameters")?;
    let names = syntax::parameter_names(parameters, text);
    let (parameter, variadic) = names.get(position)?;
    if *variadic || *parameter == "_" {
        return None;
    }
    let body = helper.node.child_by_field_name("body")?;

    let mut sends = 0;
    let mut repeated = false;
    for identifier in uses(body, parameter, text) {
        if is_declared_or_assigned(identifier) || innermost_literal(identifier, helper.node).is_some() {
            return None;
        }
        if let Some(send) = send_on(identifier) {
            if is_select_case(send) {
                return None;
            }
            sends += 1;
            continue;
        }
        let call = identifier.parent().filter(|parent| parent.kind() == "argument_list").and_then(|list| list.parent());
        let recursive = call.is_some_and(|call| {
            syntax::callee_text(call, text) == name
                && syntax::call_arguments(call).iter().position(|argument| argument.id() == identifier.id()) == Some(position)
        });
        if !recursive {
            return None;
        }
        repeated = true;
    }
    repeated |= !matches!(count::max_sends(body, parameter, text), Bound::Known(0 | 1));
    (sends > 0).then_some(repeated)
}

/// Reports whether every send of the producers provably fits the channel's buffer: one
/// producer started once per channel, and at most `capacity` sends on every path
/// through it.
pub(super) fn sends_fit(channel: &Channel, producers: &[Producer], text: &[u8]) -> bool {
    let Some(capacity) = channel.capacity else { return false };
    let [producer] = producers else { return false };
    if producer.helper.is_some() || channel.repeats_per_channel(producer.go) {
        return false;
    }
    let capacity_text: String = syntax::text(capacity, text).split_whitespace().collect();
    let bound = count::max_sends(producer.body, &producer.channel, producer.text);

    match bound {
        Bound::Known(sends) => capacity_text.parse::<u64>().is_ok_and(|slots| sends <= slots),
        // A bound read from the producer's code has the same value as at `make`
        // only for a literal producer, which shares the function's variables, and only
        // while nothing assigns them.
        Bound::Expression(expressions) => {
            producer.named_call.is_none()
                && expressions.contains(&capacity_text)
                && !assigned_after(channel, capacity, text)
        }
        Bound::Unknown => false,
    }
}

/// Reports whether a name in the capacity expression is declared or assigned after the
/// channel is made, so the loop bound may no longer match it.
fn assigned_after(channel: &Channel, capacity: Node, text: &[u8]) -> bool {
    let mut names = Vec::new();
    syntax::walk(capacity, &mut |node| {
        if node.kind() == "identifier" {
            names.push(syntax::text(node, text));
        }
        true
    });
    names.iter().any(|name| {
        uses(channel.body, name, text)
            .into_iter()
            .any(|identifier| identifier.start_byte() > channel.declaration.end_byte() && is_declared_or_assigned(identifier))
    })
}
