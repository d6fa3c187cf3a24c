//! The stop signals of a struct type, read from the syntax of its package.
//!
//! A stop signal is a field that, once cancelled or closed, tells the object's goroutines
//! to stop:
//!
//! - a `context.Context` field stored with its cancel function (a `context.CancelFunc`
//!   field, a `func()` field named like `cancel`, or one that a `Stop`-like method
//!   calls), where some method calls that cancel function or calls `Done()` or `Err()`
//!   on the context, and nothing stores `context.Background()` or `context.TODO()` in
//!   it, whose `Done()` channel is nil and never fires;
//! - a `chan struct{}` field that a method closes, when that method is not run as a
//!   goroutine, the close is not deferred, and the method does not also make the field
//!   again. A channel that the object's own loop closes on its way out (`defer
//!   close(w.done)`) means "finished", not "stop".
//!
//! Fields of embedded struct types of the same package count as the type's own, and so
//! do the methods of those types.

use tree_sitter::{Node, Tree};

use crate::package;
use crate::rules::Context;
use crate::syntax;

/// Embedded struct types are followed this many levels down.
const MAX_EMBEDDING_DEPTH: usize = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A context field and the field that stores its cancel function.
    Context { context_field: String, cancel_field: String },
    /// A `chan struct{}` field that a method closes.
    Channel { field: String },
}

#[derive(Clone, Debug)]
pub struct StopSignal {
    pub kind: Kind,
    /// Whether a method that callers run, such as `Stop` or `Close`, closes or cancels
    /// it, rather than only the object's own goroutines.
    pub stopped_by_caller: bool,
}

impl StopSignal {
    /// Returns the field that carries the signal.
    pub fn field(&self) -> &str {
        match &self.kind {
            Kind::Context { context_field, .. } => context_field,
            Kind::Channel { field } => field,
        }
    }

    /// Returns the operand of a receive that waits for the signal through `receiver`:
    /// `w.ctx.Done()` or `w.quit`.
    pub fn receive_operand(&self, receiver: &str) -> String {
        match &self.kind {
            Kind::Context { context_field, .. } => format!("{receiver}.{context_field}.Done()"),
            Kind::Channel { field } => format!("{receiver}.{field}"),
        }
    }

    /// Reports whether `call` fires the signal through `receiver`: `w.cancel()` for a
    /// context, `close(w.quit)` for a channel.
    pub fn is_fired_by(&self, call: Node, receiver: &str, text: &[u8]) -> bool {
        if call.kind() != "call_expression" {
            return false;
        }
        let callee = syntax::callee_text(call, text);
        let arguments = syntax::call_arguments(call);
        match &self.kind {
            Kind::Context { cancel_field, .. } => {
                callee == format!("{receiver}.{cancel_field}")
            }
            Kind::Channel { field } => {
                callee == "close"
                    && arguments.len() == 1
                    && syntax::text(arguments[0], text) == format!("{receiver}.{field}")
            }
        }
    }
}

/// A method of the type or of one of its embedded types.
#[derive(Clone, Copy)]
pub struct Method<'a> {
    pub node: Node<'a>,
    pub text: &'a [u8],
    pub receiver: &'a str,
    pub name: &'a str,
}

/// Facts about one struct type, read from the syntax of its package.
pub struct TypeFacts<'a> {
    /// Fields of the type and of its embedded struct types: name and type as written.
    pub fields: Vec<(String, String)>,
    pub methods: Vec<Method<'a>>,
    /// Names of methods that some `go x.name(...)` statement of the package starts.
    pub goroutine_methods: Vec<String>,
    /// Fields that some code of the package sets to `context.Background()` or
    /// `context.TODO()`.
    background_fields: Vec<String>,
    /// Channel fields that the package makes, each with whether that `make` gives a
    /// buffer.
    channel_makes: Vec<(String, bool)>,
}

impl<'a> TypeFacts<'a> {
    /// Reads the facts of struct type `type_name`, or returns None when the package
    /// declares no such struct.
    pub fn read(context: &Context<'a>, type_name: &str) -> Option<TypeFacts<'a>> {
        let files = package_files(context);
        let mut facts = TypeFacts { fields: Vec::new(), methods: Vec::new(), goroutine_methods: Vec::new(), background_fields: Vec::new(), channel_makes: Vec::new() };

        let mut type_names = vec![type_name.to_string()];
        let mut pending = vec![(type_name.to_string(), 0)];
        let mut found_struct = false;
        while let Some((name, depth)) = pending.pop() {
            let Some((struct_type, text)) = find_struct(&files, &name) else { continue };
            found_struct = true;
            let list = syntax::named_children(struct_type).into_iter().find(|child| child.kind() == "field_declaration_list");
            for field in list.map(syntax::named_children).unwrap_or_default() {
                if field.kind() != "field_declaration" {
                    continue;
                }
                let Some(field_type) = field.child_by_field_name("type") else { continue };
                let type_text = normalize_space(syntax::text(field_type, text));
                let mut cursor = field.walk();
                let names: Vec<&str> = field.children_by_field_name("name", &mut cursor).map(|n| syntax::text(n, text)).collect();
                if names.is_empty() {
                    if let Some(embedded) = embedded_type_name(field_type, text) {
                        if depth < MAX_EMBEDDING_DEPTH && !type_names.contains(&embedded) {
                            type_names.push(embedded.clone());
                            pending.push((embedded, depth + 1));
                        }
                    }
                    continue;
                }
                for field_name in names {
                    facts.fields.push((field_name.to_string(), type_text.clone()));
                }
            }
        }
        if !found_struct {
            return None;
        }

        for (tree, text) in &files {
            for declaration in syntax::named_children(tree.root_node()) {
                if declaration.kind() == "method_declaration" {
                    let receiver_type = package::receiver_type_name(declaration, text);
                    if receiver_type.is_some_and(|receiver_type| type_names.contains(&receiver_type)) {
                        let receiver = package::receiver_name(declaration, text).unwrap_or("_");
                        let name = declaration.child_by_field_name("name").map_or("", |name| syntax::text(name, text));
                        facts.methods.push(Method { node: declaration, text, receiver, name });
                    }
                }
                facts.scan_declaration(declaration, text, &type_names);
            }
        }
        for method in facts.methods.clone() {
            facts.scan_method(method);
        }
        Some(facts)
    }

    /// Records the methods that goroutines run and the fields that composite literals of
    /// the type set to a background context.
    fn scan_declaration(&mut self, declaration: Node, text: &[u8], type_names: &[String]) {
        syntax::walk(declaration, &mut |node| {
            match node.kind() {
                "go_statement" => {
                    let callee = node.named_child(0).and_then(|call| call.child_by_field_name("function"));
                    if let Some(callee) = callee {
                        match callee.kind() {
                            "selector_expression" => self.record_goroutine_method(callee, text),
                            "func_literal" => self.record_calls_in_goroutine(callee, text),
                            _ => {}
                        }
                    }
                }
                "composite_literal" => {
                    let literal_type = node.child_by_field_name("type").map_or("", |t| syntax::text(t, text));
                    let literal_type = literal_type.split('[').next().unwrap_or(literal_type);
                    if type_names.iter().any(|name| name == literal_type) {
                        self.record_literal_fields(node, text);
                    }
                }
                "assignment_statement" => {
                    let left = node.child_by_field_name("left").map(syntax::named_children).unwrap_or_default();
                    let right = node.child_by_field_name("right").map(syntax::named_children).unwrap_or_default();
                    for (target, value) in left.iter().zip(right.iter()) {
                        let field = target.child_by_field_name("field").filter(|_| target.kind() == "selector_expression");
                        if let (Some(field), Some(buffered)) = (field, channel_make(*value, text)) {
                            self.channel_makes.push((syntax::text(field, text).to_string(), buffered));
                        }
                    }
                }
                _ => {}
            }
            true
        });
    }

    fn record_goroutine_method(&mut self, selector: Node, text: &[u8]) {
        if let Some(field) = selector.child_by_field_name("field") {
            self.goroutine_methods.push(syntax::text(field, text).to_string());
        }
    }

    /// Records the methods that a `go func() {...}()` literal calls in its own code.
    fn record_calls_in_goroutine(&mut self, literal: Node, text: &[u8]) {
        let Some(body) = literal.child_by_field_name("body") else { return };
        let mut callees = Vec::new();
        syntax::walk(body, &mut |node| {
            if node.kind() == "call_expression" {
                if let Some(callee) = node.child_by_field_name("function").filter(|f| f.kind() == "selector_expression") {
                    callees.push(callee);
                }
            }
            node.kind() != "func_literal"
        });
        for callee in callees {
            self.record_goroutine_method(callee, text);
        }
    }

    /// Records the context and channel values that a composite literal of the type sets.
    fn record_literal_fields(&mut self, literal: Node, text: &[u8]) {
        let Some(body) = literal.child_by_field_name("body") else { return };
        for element in syntax::named_children(body) {
            if element.kind() != "keyed_element" {
                continue;
            }
            let key = element.child_by_field_name("key").map_or("", |key| syntax::text(key, text));
            let value = element.child_by_field_name("value").map_or("", |value| syntax::text(value, text));
            if is_background(value) {
                self.background_fields.push(key.to_string());
            }
            let made = element.child_by_field_name("value").and_then(|value| value.named_child(0));
            if let Some(buffered) = made.and_then(|value| channel_make(value, text)) {
                self.channel_makes.push((key.to_string(), buffered));
            }
        }
    }

    /// Reports whether every `make` of the channel field `field` in the package gives it a
    /// buffer, and there is at least one.
    pub fn is_always_buffered(&self, field: &str) -> bool {
        let mut makes = self.channel_makes.iter().filter(|(made, _)| made == field).peekable();
        makes.peek().is_some() && makes.all(|(_, buffered)| *buffered)
    }

    /// Reports whether the type's code waits for a reply on `field` right after it hands
    /// a request to the object. The receive sits in a select case that sends on another
    /// field, or in the statement after such a send (`case s.ops <- op: <-s.opDone`).
    /// That requester always reads, so the reply must not give up.
    pub fn awaits_reply(&self, field: &str) -> bool {
        self.methods.iter().any(|method| {
            let channel = format!("{}.{field}", method.receiver);
            let request_prefix = format!("{}.", method.receiver);
            let mut found = false;
            syntax::walk(method.node, &mut |node| {
                if receives_from(node, &channel, method.text) {
                    found |= follows_request(node, &request_prefix, method.text);
                }
                !found
            });
            found
        })
    }

    /// Records the fields that a method sets to a background context.
    fn scan_method(&mut self, method: Method) {
        syntax::walk(method.node, &mut |node| {
            if node.kind() == "assignment_statement" {
                let left = node.child_by_field_name("left").map(syntax::named_children).unwrap_or_default();
                let right = node.child_by_field_name("right").map(syntax::named_children).unwrap_or_default();
                for (target, value) in left.iter().zip(right.iter()) {
                    if !is_background(syntax::text(*value, method.text)) {
                        continue;
                    }
                    let target_text = syntax::text(*target, method.text);
                    if let Some(field) = target_text.strip_prefix(method.receiver).and_then(|rest| rest.strip_prefix('.')) {
                        self.background_fields.push(field.to_string());
                    }
                }
            }
            true
        });
    }

    pub fn is_goroutine_method(&self, name: &str) -> bool {
        self.goroutine_methods.iter().any(|started| started == name)
    }

    /// Reports whether the type's code still receives from `field` once `signal` has
    /// fired, so the channel keeps its reader after the stop. That is the case when a
    /// method that fires the signal receives from it (`Close` closes `quit`, then waits
    /// on `errc`), when a deferred literal drains it, when a stop case reads it, or when
    /// a `range` loop reads it, which goes on until the channel is closed.
    pub fn is_read_after_stop(&self, signal: &StopSignal, field: &str) -> bool {
        self.methods.iter().any(|method| {
            let channel = format!("{}.{field}", method.receiver);
            let stop = signal.receive_operand(method.receiver);
            let mut fires = false;
            let mut receives = false;
            let mut drains = false;
            syntax::walk(method.node, &mut |node| {
                if node.kind() == "func_literal" && is_go_literal(node) {
                    return false;
                }
                fires |= signal.is_fired_by(node, method.receiver, method.text);
                if receives_from(node, &channel, method.text) {
                    receives = true;
                    drains |= node.kind() == "range_clause"
                        || is_in_deferred_literal(node, method.node)
                        || is_in_stop_case(node, &stop, method.text);
                }
                true
            });
            (fires && receives) || drains
        })
    }

    /// Returns the stop signals of the type, those that callers fire first.
    pub fn stop_signals(&self) -> Vec<StopSignal> {
        let mut signals = Vec::new();
        for (field, type_text) in &self.fields {
            if type_text == "chan struct{}" {
                if let Some(signal) = self.channel_signal(field) {
                    signals.push(signal);
                }
            }
            if type_text == "context.Context" {
                if let Some(signal) = self.context_signal(field) {
                    signals.push(signal);
                }
            }
        }
        signals.sort_by_key(|signal| !signal.stopped_by_caller);
        signals
    }

    fn channel_signal(&self, field: &str) -> Option<StopSignal> {
        let mut closed_by_caller = false;
        for method in &self.methods {
            let target = format!("{}.{field}", method.receiver);
            let mut closes = false;
            let mut remakes = false;
            syntax::walk(method.node, &mut |node| {
                if node.kind() == "call_expression" && syntax::callee_text(node, method.text) == "close" {
                    let arguments = syntax::call_arguments(node);
                    let closes_field = arguments.len() == 1 && syntax::text(arguments[0], method.text) == target;
                    let deferred = node.parent().is_some_and(|parent| parent.kind() == "defer_statement");
                    if closes_field && !deferred && !in_goroutine_literal(node, method.node) {
                        closes = true;
                    }
                }
                if node.kind() == "assignment_statement" && assigns(node, &target, method.text) {
                    remakes = true;
                }
                true
            });
            if closes && !remakes && !self.is_goroutine_method(method.name) {
                closed_by_caller = true;
            }
        }
        closed_by_caller.then(|| StopSignal { kind: Kind::Channel { field: field.to_string() }, stopped_by_caller: true })
    }

    fn context_signal(&self, field: &str) -> Option<StopSignal> {
        if self.background_fields.iter().any(|set| set == field) {
            return None;
        }
        let cancel_field = self.paired_cancel(field)?;
        let mut fired = false;
        let mut fired_by_caller = false;
        let mut watched = false;
        for method in &self.methods {
            let cancel = format!("{}.{cancel_field}", method.receiver);
            let done = format!("{}.{field}.Done()", method.receiver);
            let error = format!("{}.{field}.Err()", method.receiver);
            syntax::walk(method.node, &mut |node| {
                if node.kind() == "call_expression" {
                    let call_text = syntax::text(node, method.text);
                    if syntax::callee_text(node, method.text) == cancel {
                        fired = true;
                        fired_by_caller |= !self.is_goroutine_method(method.name) && !in_goroutine_literal(node, method.node);
                    }
                    watched |= call_text == done || call_text == error;
                }
                true
            });
        }
        (fired || watched).then(|| StopSignal {
            kind: Kind::Context { context_field: field.to_string(), cancel_field },
            stopped_by_caller: fired_by_caller,
        })
    }

    /// Finds the field that stores the cancel function of context field `field`: the
    /// only one when the type has one context and one cancel function, or else the one
    /// named after the context (`watchCtx` and `watchCancel`).
    fn paired_cancel(&self, field: &str) -> Option<String> {
        let contexts: Vec<&str> = self.fields.iter().filter(|(_, kind)| kind == "context.Context").map(|(name, _)| name.as_str()).collect();
        let cancels: Vec<&str> = self
            .fields
            .iter()
            .filter(|(name, kind)| is_cancel_type(name, kind) || kind == "func()" && self.is_called_by_stop_method(name))
            .map(|(name, _)| name.as_str())
            .collect();
        if contexts.len() == 1 && cancels.len() == 1 {
            return Some(cancels[0].to_string());
        }
        let replacements = [("ctx", "cancel"), ("Ctx", "Cancel"), ("context", "cancel"), ("Context", "Cancel")];
        for (from, to) in replacements {
            if !field.contains(from) {
                continue;
            }
            let base = field.replacen(from, to, 1);
            for candidate in [base.clone(), format!("{base}Func"), format!("{base}Fn")] {
                if cancels.contains(&candidate.as_str()) {
                    return Some(candidate);
                }
            }
        }
        None
    }
}

impl TypeFacts<'_> {
    /// Reports whether a method named like a stop (`Stop`, `Close`, `Shutdown`, `Cancel`,
    /// `Terminate`, `Quit`, in any case and with any suffix) calls the `func()` field
    /// `field`, as it calls a stored cancel function under another name.
    fn is_called_by_stop_method(&self, field: &str) -> bool {
        const STOP_PREFIXES: &[&str] = &["stop", "close", "shutdown", "cancel", "terminate", "quit"];
        self.methods.iter().any(|method| {
            let name = method.name.to_ascii_lowercase();
            if !STOP_PREFIXES.iter().any(|prefix| name.starts_with(prefix)) {
                return false;
            }
            let callee = format!("{}.{field}", method.receiver);
            let mut calls = false;
            syntax::walk(method.node, &mut |node| {
                calls |= node.kind() == "call_expression" && syntax::callee_text(node, method.text) == callee;
                !calls
            });
            calls
        })
    }
}

/// Returns the current file and the other files of its package.
fn package_files<'a>(context: &Context<'a>) -> Vec<(&'a Tree, &'a [u8])> {
    let mut files = vec![(context.tree, context.text)];
    files.extend(context.package.files_of(context.package_name, context.path).map(|file| (&file.tree, file.text.as_slice())));
    files
}

/// Finds `type NAME struct {...}` in the files and returns the struct type node.
fn find_struct<'a>(files: &[(&'a Tree, &'a [u8])], name: &str) -> Option<(Node<'a>, &'a [u8])> {
    for (tree, text) in files {
        for declaration in syntax::named_children(tree.root_node()) {
            if declaration.kind() != "type_declaration" {
                continue;
            }
            for spec in syntax::named_children(declaration) {
                let named = spec.child_by_field_name("name").is_some_and(|n| syntax::text(n, text) == name);
                let struct_type = spec.child_by_field_name("type").filter(|t| t.kind() == "struct_type");
                if let (true, Some(struct_type)) = (named && spec.kind() == "type_spec", struct_type) {
                    return Some((struct_type, text));
                }
            }
        }
    }
    None
}

/// Returns the local type name of an embedded field: `base` for `base`, `*base` or
/// `base[T]`; None for a type of another package.
fn embedded_type_name(field_type: Node, text: &[u8]) -> Option<String> {
    match field_type.kind() {
        "type_identifier" => Some(syntax::text(field_type, text).to_string()),
        "pointer_type" | "generic_type" => field_type.named_child(0).and_then(|inner| embedded_type_name(inner, text)),
        _ => None,
    }
}

fn is_cancel_type(name: &str, type_text: &str) -> bool {
    match type_text {
        "context.CancelFunc" | "context.CancelCauseFunc" => true,
        "func()" | "func(error)" => name.to_ascii_lowercase().contains("cancel"),
        _ => false,
    }
}

fn is_background(value: &str) -> bool {
    value == "context.Background()" || value == "context.TODO()"
}

fn normalize_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reports whether `assignment` assigns to `target`, as in `w.quit = make(chan struct{})`.
fn assigns(assignment: Node, target: &str, text: &[u8]) -> bool {
    assignment
        .child_by_field_name("left")
        .map(syntax::named_children)
        .unwrap_or_default()
        .iter()
        .any(|left| syntax::text(*left, text) == target)
}

/// Reports whether `node` sits in a function literal that a `go` statement starts,
/// below `outer`.
pub fn in_goroutine_literal(node: Node, outer: Node) -> bool {
    let mut current = syntax::enclosing_function(node);
    while let Some(function) = current {
        if function.id() == outer.id() {
            return false;
        }
        if is_go_literal(function) {
            return true;
        }
        current = syntax::enclosing_function(function);
    }
    false
}

/// Reports whether a function literal is the function of a `go` statement.
pub fn is_go_literal(function: Node) -> bool {
    function.kind() == "func_literal"
        && function
            .parent()
            .filter(|call| call.kind() == "call_expression")
            .and_then(|call| call.parent())
            .is_some_and(|statement| statement.kind() == "go_statement")
}

/// Reports whether `node` receives from the channel written as `channel`: `<-channel` or
/// `range channel`.
fn receives_from(node: Node, channel: &str, text: &[u8]) -> bool {
    let operand = match node.kind() {
        "unary_expression" if node.child_by_field_name("operator").is_some_and(|operator| operator.kind() == "<-") => {
            node.child_by_field_name("operand")
        }
        "range_clause" => node.child_by_field_name("right"),
        _ => None,
    };
    operand.is_some_and(|operand| syntax::text(operand, text) == channel)
}

/// Reports whether `node` sits in a `defer func() {...}()` literal below `outer`.
fn is_in_deferred_literal(node: Node, outer: Node) -> bool {
    let mut current = syntax::enclosing_function(node);
    while let Some(function) = current {
        if function.id() == outer.id() {
            return false;
        }
        let deferred = function
            .parent()
            .and_then(|call| call.parent())
            .is_some_and(|statement| statement.kind() == "defer_statement");
        if deferred {
            return true;
        }
        current = syntax::enclosing_function(function);
    }
    false
}

/// Reports whether `node` sits in the statements of a select case that receives `stop`.
fn is_in_stop_case(node: Node, stop: &str, text: &[u8]) -> bool {
    let mut current = node.parent();
    while let Some(parent) = current {
        if syntax::is_function(parent) {
            return false;
        }
        let receive = parent
            .child_by_field_name("communication")
            .filter(|communication| parent.kind() == "communication_case" && communication.kind() == "receive_statement");
        if let Some(receive) = receive {
            let operand = receive.child_by_field_name("right").and_then(|right| right.child_by_field_name("operand"));
            if operand.is_some_and(|operand| syntax::text(operand, text) == stop) && !syntax::contains(receive, node) {
                return true;
            }
        }
        current = parent.parent();
    }
    false
}

/// Reports whether `value` is `make(chan T)` or `make(chan T, n)`, returning whether it
/// has a buffer: a capacity other than a literal 0.
fn channel_make(value: Node, text: &[u8]) -> Option<bool> {
    if value.kind() != "call_expression" || syntax::callee_text(value, text) != "make" {
        return None;
    }
    let arguments = syntax::call_arguments(value);
    if arguments.first().is_none_or(|kind| kind.kind() != "channel_type") {
        return None;
    }
    Some(arguments.get(1).is_some_and(|capacity| syntax::text(*capacity, text) != "0"))
}

/// Reports whether the receive `node` runs right after a send on a field of the
/// receiver (its operand starts with `prefix`): in the body of the select case whose
/// communication is that send, or in the statement after that send.
fn follows_request(node: Node, prefix: &str, text: &[u8]) -> bool {
    let is_request = |send: Node| {
        send.kind() == "send_statement"
            && send.child_by_field_name("channel").is_some_and(|channel| syntax::text(channel, text).starts_with(prefix))
    };
    let mut current = node;
    while let Some(parent) = current.parent() {
        if syntax::is_function(parent) {
            return false;
        }
        if parent.kind() == "communication_case" {
            return parent.child_by_field_name("communication").is_some_and(is_request);
        }
        if parent.kind() == "statement_list" {
            let siblings = syntax::statements(parent);
            let index = siblings.iter().position(|sibling| sibling.id() == current.id());
            if let Some(previous) = index.and_then(|i| i.checked_sub(1)).map(|i| siblings[i]) {
                return is_request(previous);
            }
        }
        current = parent;
    }
    false
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::gomod::GoVersion;
    use crate::package::PackageIndex;

    /// Reads the facts of type `W` from one file of package `p`.
    fn with_facts(source: &str, check: impl FnOnce(&TypeFacts)) {
        let text = format!("package p\n\n{source}\n");
        let tree = syntax::parse(text.as_bytes());
        let package = PackageIndex::empty();
        let context = Context {
            path: Path::new("w.go"),
            text: text.as_bytes(),
            tree: &tree,
            package: &package,
            package_name: "p",
            go_version: GoVersion { major: 1, minor: 22 },
        };
        let facts = TypeFacts::read(&context, "W").expect("the source declares struct W");
        check(&facts);
    }

    fn kinds(facts: &TypeFacts) -> Vec<Kind> {
        facts.stop_signals().into_iter().map(|signal| signal.kind).collect()
    }

    #[test]
    fn channel_closed_by_stop_is_signal() {
        with_facts("type W struct{ quit chan struct{} }\n\nfunc (w *W) Stop() { close(w.quit) }", |facts| {
            assert_eq!(kinds(facts), [Kind::Channel { field: "quit".to_string() }]);
        });
    }

    #[test]
    fn done_closed_by_own_loop_is_not_signal() {
        let source = "type W struct{ done chan struct{} }\n\nfunc (w *W) run() {\n\tdefer close(w.done)\n}\n\nfunc (w *W) Finish() {\n\tclose(w.done)\n}\n\nfunc start(w *W) { go w.Finish() }";
        with_facts(source, |facts| assert!(kinds(facts).is_empty()));
    }

    #[test]
    fn remade_channel_is_not_signal() {
        let source = "type W struct{ resume chan struct{} }\n\nfunc (w *W) next() {\n\tclose(w.resume)\n\tw.resume = make(chan struct{})\n}";
        with_facts(source, |facts| assert!(kinds(facts).is_empty()));
    }

    #[test]
    fn context_pairs_with_cancel_by_name() {
        let source = "type W struct {\n\tctx context.Context\n\twatchCtx context.Context\n\tcancel context.CancelFunc\n\twatchCancel context.CancelFunc\n}\n\nfunc (w *W) Stop() { w.watchCancel() }";
        with_facts(source, |facts| {
            let expected = Kind::Context { context_field: "watchCtx".to_string(), cancel_field: "watchCancel".to_string() };
            assert_eq!(kinds(facts), [expected]);
        });
    }

    #[test]
    fn func_field_called_by_stop_is_cancel() {
        let source = "type W struct {\n\tctx context.Context\n\tstopFn func()\n}\n\nfunc (w *W) Stop() { w.stopFn() }";
        with_facts(source, |facts| {
            let expected = Kind::Context { context_field: "ctx".to_string(), cancel_field: "stopFn".to_string() };
            assert_eq!(kinds(facts), [expected]);
        });
    }

    #[test]
    fn func_field_called_elsewhere_is_not_cancel() {
        let source = "type W struct {\n\tctx context.Context\n\tnotify func()\n}\n\nfunc (w *W) run() { w.notify() }";
        with_facts(source, |facts| assert!(kinds(facts).is_empty()));
    }

    #[test]
    fn background_context_is_not_signal() {
        let source = "type W struct {\n\tctx context.Context\n\tcancel context.CancelFunc\n}\n\nfunc newW() *W { return &W{ctx: context.Background(), cancel: func() {}} }\n\nfunc (w *W) Stop() { w.cancel() }";
        with_facts(source, |facts| assert!(kinds(facts).is_empty()));
    }

    #[test]
    fn embedded_struct_lends_signal() {
        let source = "type base struct{ quit chan struct{} }\n\nfunc (b *base) Stop() { close(b.quit) }\n\ntype W struct {\n\t*base\n\tout chan int\n}";
        with_facts(source, |facts| {
            assert_eq!(kinds(facts), [Kind::Channel { field: "quit".to_string() }]);
        });
    }

    #[test]
    fn stopper_reading_errc_keeps_reader() {
        let source = "type W struct {\n\terrc chan error\n\tout chan int\n\tstop chan struct{}\n}\n\nfunc (w *W) Close() error {\n\tclose(w.stop)\n\treturn <-w.errc\n}";
        with_facts(source, |facts| {
            let signal = &facts.stop_signals()[0];
            assert!(facts.is_read_after_stop(signal, "errc"));
            assert!(!facts.is_read_after_stop(signal, "out"));
        });
    }

    #[test]
    fn reply_after_request_is_awaited() {
        let source = "type W struct {\n\tops chan int\n\tdone chan struct{}\n\tnews chan int\n}\n\nfunc (w *W) do(op int) {\n\tselect {\n\tcase w.ops <- op:\n\t\t<-w.done\n\tcase <-w.quit:\n\t}\n\tfmt.Println(<-w.news)\n}";
        with_facts(source, |facts| {
            assert!(facts.awaits_reply("done"));
            assert!(!facts.awaits_reply("news"));
        });
    }

    #[test]
    fn buffers_come_from_makes() {
        let source = "type W struct {\n\ttoken chan struct{}\n\twake chan struct{}\n}\n\nfunc newW() *W {\n\tw := &W{token: make(chan struct{}, 1)}\n\tw.wake = make(chan struct{})\n\treturn w\n}";
        with_facts(source, |facts| {
            assert!(facts.is_always_buffered("token"));
            assert!(!facts.is_always_buffered("wake"));
            assert!(!facts.is_always_buffered("missing"));
        });
    }
}
