//! Sorts every use of the channel into the goroutines that send on it (producers),
//! the one code path that receives from it (the consumer), goroutines that only close
//! it, and a `return` that hands it to the caller. Any other use means the channel
//! escapes, and the rule leaves it alone.

use tree_sitter::Node;

use super::consumer::{self, ReceiveLoop};
use super::producer::{self, Producer};
use crate::package::FunctionRef;
use crate::rules::channel::{go_argument, goroutine_literal, innermost_literal, is_declared_or_assigned, is_receive, receiver_method, uses};
use crate::rules::Context;
use crate::syntax;

/// The channel made by `make(chan T)` or `make(chan T, n)` and held by one variable.
pub(super) struct Channel<'a> {
    pub name: String,
    pub call: Node<'a>,
    /// The capacity argument, absent for an unbuffered channel.
    pub capacity: Option<Node<'a>>,
    /// The `:=` or `var` statement that declares the variable.
    pub declaration: Node<'a>,
    /// The function whose body declares the channel.
    pub function: Node<'a>,
    pub body: Node<'a>,
}

impl Channel<'_> {
    /// Reports whether a loop can run `node` more than once for one channel: a loop
    /// between `node` and the declaration's block. A loop around the declaration makes
    /// a new channel on each turn.
    pub fn repeats_per_channel(&self, node: Node) -> bool {
        let mut current = node.parent();
        while let Some(parent) = current {
            if syntax::contains(parent, self.declaration) || syntax::is_function(parent) {
                return false;
            }
            if parent.kind() == "for_statement" {
                return true;
            }
            current = parent.parent();
        }
        false
    }
}

/// The code that receives from the channel.
pub(super) enum Reader<'a> {
    /// The function that makes the channel receives from it itself.
    Function(ReceiveLoop<'a>),
    /// A goroutine literal started once by that function.
    Goroutine { literal: Node<'a>, receive_loop: ReceiveLoop<'a> },
    /// The function returns the channel, so its callers receive.
    Returned,
}

/// A goroutine started by the function with access to the channel.
struct Goroutine<'a> {
    go: Node<'a>,
    /// A function literal, or the declaration of the function that `go f(ch)` starts.
    function: Node<'a>,
    /// The channel's name inside `function`.
    channel: String,
    text: &'a [u8],
    /// The call of `go f(ch)` or `go s.f(ch)` when the goroutine is a declared function.
    named_call: Option<Node<'a>>,
}

enum Role<'a> {
    Producer(Producer<'a>),
    Consumer(ReceiveLoop<'a>),
    Closer,
}

/// Returns the channel that `call` makes when it is `make(chan T)` or `make(chan T, n)`
/// assigned to a single variable declared in a function body.
pub(super) fn made_channel<'a>(context: &Context, call: Node<'a>) -> Option<Channel<'a>> {
    if syntax::callee_text(call, context.text) != "make" {
        return None;
    }
    let arguments = syntax::call_arguments(call);
    let channel_type = arguments.first().filter(|node| node.kind() == "channel_type")?;
    if !syntax::text(*channel_type, context.text).starts_with("chan") || arguments.len() > 2 {
        return None;
    }

    let list = call.parent().filter(|parent| parent.kind() == "expression_list" && parent.named_child_count() == 1)?;
    let holder = list.parent()?;
    let identifiers: Vec<Node> = match holder.kind() {
        "short_var_declaration" => {
            if holder.child_by_field_name("right").map(|right| right.id()) != Some(list.id()) {
                return None;
            }
            syntax::named_children(holder.child_by_field_name("left")?)
        }
        "var_spec" => {
            let mut cursor = holder.walk();
            holder.children_by_field_name("name", &mut cursor).collect()
        }
        _ => return None,
    };
    let [identifier] = identifiers.as_slice() else { return None };
    let name = syntax::text(*identifier, context.text);
    if identifier.kind() != "identifier" || name == "_" {
        return None;
    }

    let declaration = crate::rules::channel::declaring_statement(call)?;
    let function = syntax::enclosing_function(declaration)?;
    let body = function.child_by_field_name("body")?;
    Some(Channel {
        name: name.to_string(),
        call,
        capacity: arguments.get(1).copied(),
        declaration,
        function,
        body,
    })
}

/// Sorts the uses of the channel into producers and one reader. Returns None when a
/// use is anything else, when there is more than one consumer or none, or when a
/// producer does not send in a loop.
pub(super) fn classify<'a>(context: &Context<'a>, channel: &Channel<'a>) -> Option<(Vec<Producer<'a>>, Reader<'a>)> {
    let text = context.text;
    let mut own_receives = Vec::new();
    let mut returned = false;
    let mut goroutines: Vec<Goroutine<'a>> = Vec::new();

    for identifier in uses(channel.body, &channel.name, text) {
        if identifier.start_byte() < channel.declaration.end_byte() {
            if syntax::contains(channel.declaration, identifier) {
                continue;
            }
            return None;
        }
        if is_declared_or_assigned(identifier) {
            return None;
        }

        if innermost_literal(identifier, channel.function).is_some() {
            let literal = goroutine_literal(identifier, channel.function)?;
            let go = literal.parent()?.parent()?;
            if let Some(known) = goroutines.iter().find(|known| known.go.id() == go.id()) {
                if known.channel != channel.name {
                    return None;
                }
                continue;
            }
            goroutines.push(Goroutine { go, function: literal, channel: channel.name.clone(), text, named_call: None });
        } else if is_receive(identifier) || consumer::is_range_target(identifier) {
            own_receives.push(identifier);
        } else if let Some(go) = go_argument(identifier) {
            if goroutines.iter().any(|known| known.go.id() == go.id()) {
                return None;
            }
            goroutines.push(goroutine_from_call(context, go, identifier, channel.function)?);
        } else if is_returned(identifier) {
            returned = true;
        } else {
            return None;
        }
    }

    let mut producers = Vec::new();
    let mut readers = Vec::new();
    if !own_receives.is_empty() {
        let [receive] = own_receives.as_slice() else { return None };
        let receive_loop = consumer::receive_loop(*receive, text)?;
        readers.push(Reader::Function(ReceiveLoop { declaration: Some(channel.declaration), ..receive_loop }));
    }
    for goroutine in goroutines {
        match role(context, &goroutine)? {
            Role::Producer(producer) => producers.push(producer),
            Role::Consumer(receive_loop) => {
                if goroutine.named_call.is_some() || channel.repeats_per_channel(goroutine.go) {
                    return None;
                }
                readers.push(Reader::Goroutine { literal: goroutine.function, receive_loop });
            }
            Role::Closer => {}
        }
    }

    if producers.is_empty() || !producers.iter().all(|producer| producer.repeated) {
        return None;
    }
    let reader = match (returned, readers.len()) {
        (false, 1) => readers.pop()?,
        (true, 0) => Reader::Returned,
        _ => return None,
    };
    // The function must start its producers before it waits in its receive loop.
    if let Reader::Function(receive_loop) = &reader {
        if producers.iter().any(|producer| producer.go.start_byte() > receive_loop.loop_node.start_byte()) {
            return None;
        }
    }
    Some((producers, reader))
}

/// Builds the goroutine for `go f(..., ch, ...)`, `go s.f(ch)` or `go func(c chan T) {...}(ch)`:
/// the parameter at the channel's position is the channel's name in the body.
fn goroutine_from_call<'a>(context: &Context<'a>, go: Node<'a>, argument: Node<'a>, function: Node<'a>) -> Option<Goroutine<'a>> {
    let call = go.named_child(0)?;
    let position = syntax::call_arguments(call).iter().position(|node| node.id() == argument.id())?;
    let callee = call.child_by_field_name("function")?;
    let (declaration, text, named_call) = match callee.kind() {
        "func_literal" => (callee, context.text, None),
        "identifier" => {
            let found: FunctionRef = context.function(syntax::text(callee, context.text))?;
            (found.node, found.text, Some(call))
        }
        "selector_expression" => {
            let found = receiver_method(context, callee, function)?;
            (found.node, found.text, Some(call))
        }
        _ => return None,
    };
    let parameters = declaration.child_by_field_name("parameters")?;
    let names = syntax::parameter_names(parameters, text);
    let (parameter, variadic) = names.get(position)?;
    if *variadic || *parameter == "_" {
        return None;
    }
    Some(Goroutine { go, function: declaration, channel: parameter.to_string(), text, named_call })
}

/// Decides what one goroutine does with the channel.
fn role<'a>(context: &Context<'a>, goroutine: &Goroutine<'a>) -> Option<Role<'a>> {
    let body = goroutine.function.child_by_field_name("body")?;
    let uses = producer::goroutine_uses(context, goroutine.function, body, &goroutine.channel, goroutine.text)?;

    if !uses.sends.is_empty() || uses.helper.is_some() {
        if !uses.receives.is_empty() {
            return None;
        }
        return Some(Role::Producer(Producer {
            go: goroutine.go,
            function: goroutine.function,
            body,
            channel: goroutine.channel.clone(),
            text: goroutine.text,
            named_call: goroutine.named_call,
            repeated: uses.repeated,
            closes: uses.closes,
            sends: uses.sends,
            helper: uses.helper,
        }));
    }
    match uses.receives.as_slice() {
        [] if uses.closes => Some(Role::Closer),
        [receive] if !uses.closes => Some(Role::Consumer(consumer::receive_loop(*receive, goroutine.text)?)),
        _ => None,
    }
}

/// Reports whether the identifier is a value of a `return` statement.
fn is_returned(identifier: Node) -> bool {
    identifier
        .parent()
        .filter(|list| list.kind() == "expression_list")
        .and_then(|list| list.parent())
        .is_some_and(|statement| statement.kind() == "return_statement")
}

/// Reports whether a loop of `function` around `node` can start it more than once.
pub(super) fn started_in_loop(node: Node, function: Node) -> bool {
    let mut current = node.parent();
    while let Some(parent) = current {
        if parent.id() == function.id() || syntax::is_function(parent) {
            return false;
        }
        if parent.kind() == "for_statement" {
            return true;
        }
        current = parent.parent();
    }
    false
}
