//! A forward pass over one function that follows large buffers and their pieces through
//! local variables, standard-library calls and the functions of the package, and records
//! every place where such a value is stored beyond the function.
//!
//! The pass reads statements in source order with one variable table per function call:
//! an assignment replaces what a variable held, whatever branch it sits in, and each loop
//! body runs once. Calls to functions of the package are evaluated with the arguments'
//! values, a few calls deep, so a helper that returns a piece of its argument hands the
//! piece back to the caller. Sources of large values are recognized only in the checked
//! function itself (see `sources.rs`).

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use tree_sitter::Node;

use super::value::{Kind, Memory, Origin, Root, StructValue, Value};
use crate::package::FunctionRef;
use crate::rules::types::{self, Symbols};
use crate::syntax;

/// How many calls deep the pass follows functions of the package.
const MAX_CALL_DEPTH: usize = 4;

/// Statements the pass may run for one checked function, calls included, so that a
/// package of mutually calling helpers cannot make one check slow.
const STATEMENT_BUDGET: usize = 20_000;

/// The kind of place beyond the checked function that a value is stored in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Destination {
    /// A field, or an element of a slice or map, reached from something the function
    /// does not own: a parameter, the receiver, a global, a value it was handed.
    Field,
    /// A key written into such a map.
    MapKey,
    Global,
    Channel,
    /// The value is returned; this matters only for pieces of the function's own sources.
    Return,
    /// Written through a pointer.
    Pointer,
}

/// One value that leaves the checked function.
#[derive(Clone, Debug)]
pub struct Store<'a> {
    pub statement: Node<'a>,
    /// The expression whose value is stored.
    pub expression: Node<'a>,
    /// The place written, as it reads in a message: `ix.headers[path]`, a channel, `return`.
    pub target: String,
    pub destination: Destination,
    pub value: Value,
}

/// The value of one variable of a function, with how it was declared.
#[derive(Clone, Debug)]
pub(super) struct Local {
    value: Value,
    /// The variable owns its memory: made by `make`, a composite literal, `new`, or a
    /// `var` without a value. Writes into it stay local until the variable itself leaves.
    container: bool,
    /// The declared or constructed type as written, such as `*bufio.Scanner`.
    pub(super) type_hint: Option<String>,
    /// Names passed to the call that produced this value, as in `n, err := r.Read(buf)`,
    /// so `buf[:n]` reads as the filled part of `buf` rather than a small piece.
    filled_from: Vec<String>,
}

impl Local {
    fn plain(value: Value) -> Local {
        Local { value, container: false, type_hint: None, filled_from: Vec::new() }
    }
}

/// One function being evaluated: the checked function or a function it calls.
pub(super) struct Frame<'a> {
    pub(super) function: Node<'a>,
    pub(super) text: &'a [u8],
    pub(super) depth: usize,
    pub(super) locals: HashMap<String, Local>,
    returns: Option<Value>,
    result_names: Vec<String>,
    /// How many function literals the current statement is nested in.
    literal_depth: usize,
    /// Import names of the frame's file: local name to import path.
    pub(super) imports: HashMap<String, String>,
}

pub struct Interpreter<'c, 'a> {
    pub(super) symbols: &'c Symbols<'a>,
    budget: usize,
    stack: Vec<usize>,
    pub stores: Vec<Store<'a>>,
    /// Names that held a large value or piece of each source in the checked function.
    pub aliases: HashMap<Root, BTreeSet<String>>,
    /// An expression whose value the caller wants, by byte range, and the value seen.
    probe: Option<(Range<usize>, Option<Value>)>,
}

impl<'c, 'a> Interpreter<'c, 'a> {
    pub fn new(symbols: &'c Symbols<'a>) -> Interpreter<'c, 'a> {
        Interpreter {
            symbols,
            budget: STATEMENT_BUDGET,
            stack: Vec::new(),
            stores: Vec::new(),
            aliases: HashMap::new(),
            probe: None,
        }
    }

    /// Runs the checked function, with its string and slice parameters standing for
    /// whatever the callers pass, and records its stores.
    pub fn run(&mut self, function: Node<'a>, text: &'a [u8]) {
        let mut frame = self.frame(function, text, 0);
        let parameters = function.child_by_field_name("parameters");
        for (position, (name, declaration)) in parameter_declarations(parameters, text).into_iter().enumerate() {
            let type_node = declaration.child_by_field_name("type");
            let type_text = type_node.map(|node| syntax::text(node, text).to_string());
            let value = match type_node {
                Some(node) if declaration.kind() != "variadic_parameter_declaration" => self.parameter_value(node, text, &name, position),
                _ => Value::Unknown,
            };
            let container = type_node.is_some_and(|node| self.is_struct_value_type(node, text));
            self.bind_local(&mut frame, &name, Local { value, container, type_hint: type_text, filled_from: Vec::new() });
        }
        self.bind_receiver(&mut frame, function, Value::Unknown);
        self.stack.push(function.id());
        if let Some(body) = function.child_by_field_name("body") {
            self.execute(&mut frame, body);
        }
        self.stack.pop();
    }

    /// Runs `function`, declared in `text`, and returns the value of `expression` where
    /// the pass reaches it.
    pub fn value_at_in(&mut self, function: Node<'a>, text: &'a [u8], expression: Node<'a>) -> Option<Value> {
        self.probe = Some((expression.byte_range(), None));
        self.run(function, text);
        self.probe.take().and_then(|(_, value)| value)
    }

    fn frame(&self, function: Node<'a>, text: &'a [u8], depth: usize) -> Frame<'a> {
        let mut result_names = Vec::new();
        if let Some(result) = function.child_by_field_name("result") {
            if result.kind() == "parameter_list" {
                result_names = syntax::parameter_names(result, text).into_iter().map(|(name, _)| name.to_string()).collect();
            }
        }
        let mut frame = Frame {
            function,
            text,
            depth,
            locals: HashMap::new(),
            returns: None,
            result_names: result_names.clone(),
            literal_depth: 0,
            imports: self.symbols.imports_of(text),
        };
        for name in result_names.into_iter().filter(|name| name != "_") {
            frame.locals.insert(name, Local { container: true, ..Local::plain(Value::Unknown) });
        }
        frame
    }

    fn bind_receiver(&mut self, frame: &mut Frame<'a>, function: Node<'a>, value: Value) {
        if function.kind() != "method_declaration" {
            return;
        }
        if let Some(name) = crate::package::receiver_name(function, frame.text) {
            let type_hint = crate::package::receiver_type_name(function, frame.text);
            frame.locals.insert(name.to_string(), Local { type_hint, ..Local::plain(value) });
        }
    }

    /// Returns what a parameter of the checked function stands for: a large string or
    /// slice passed in by the callers, or unknown for any other type.
    fn parameter_value(&self, type_node: Node, text: &[u8], name: &str, position: usize) -> Value {
        let Some(kind) = self.slice_kind(type_node, text) else { return Value::Unknown };
        let description = format!("the parameter `{name}`, to which every caller passes a large value");
        Value::Large(Memory {
            kind,
            origin: Origin { root: Root::Parameter(position), description, reused: false },
            taken_at: 0,
            entry: None,
        })
    }

    /// Returns the kind of a string, byte slice or slice type, following named types of
    /// the package.
    pub(super) fn slice_kind(&self, type_node: Node, text: &[u8]) -> Option<Kind> {
        match type_node.kind() {
            "type_identifier" => match syntax::text(type_node, text) {
                "string" => Some(Kind::String),
                name => {
                    let declared = self.symbols.find_type(name)?;
                    if declared.node.kind() == "type_identifier" {
                        return None;
                    }
                    self.slice_kind(declared.node, declared.text)
                }
            },
            "slice_type" => {
                let element = type_node.child_by_field_name("element")?;
                let element_text = syntax::text(element, text);
                Some(if matches!(element_text, "byte" | "uint8") {
                    Kind::Bytes
                } else {
                    Kind::Slice(Some(element_text.to_string()))
                })
            }
            _ => None,
        }
    }

    /// Reports whether a type is a struct declared in the package, passed by value.
    fn is_struct_value_type(&self, type_node: Node, text: &[u8]) -> bool {
        type_node.kind() == "type_identifier"
            && self.symbols.find_type(syntax::text(type_node, text)).is_some_and(|found| found.node.kind() == "struct_type")
    }

    // -----------------------------------------------------------------------------------
    // Statements

    fn execute(&mut self, frame: &mut Frame<'a>, node: Node<'a>) {
        if self.budget == 0 {
            return;
        }
        self.budget -= 1;
        match node.kind() {
            "block" | "statement_list" | "labeled_statement" | "expression_case" | "default_case" | "type_case" => {
                for child in syntax::named_children(node) {
                    if is_statement_like(child) {
                        self.execute(frame, child);
                    } else if child.kind() == "expression_list" && node.kind() == "expression_case" {
                        self.evaluate(frame, child);
                    }
                }
            }
            "communication_case" => {
                if let Some(communication) = node.child_by_field_name("communication") {
                    self.execute(frame, communication);
                }
                for child in syntax::named_children(node).into_iter().skip(1) {
                    if is_statement_like(child) {
                        self.execute(frame, child);
                    }
                }
            }
            "short_var_declaration" => self.declare(frame, node),
            "var_declaration" => {
                syntax::walk(node, &mut |inner| {
                    if inner.kind() == "var_spec" {
                        self.var_spec(frame, inner);
                        return false;
                    }
                    true
                });
            }
            "assignment_statement" => self.assignment(frame, node),
            "receive_statement" => {
                if let Some(right) = node.child_by_field_name("right") {
                    self.evaluate(frame, right);
                }
                if let Some(left) = node.child_by_field_name("left") {
                    for name in syntax::named_children(left) {
                        self.bind_local(frame, syntax::text(name, frame.text), Local::plain(Value::Unknown));
                    }
                }
            }
            "return_statement" => self.return_statement(frame, node),
            "send_statement" => {
                let value_node = node.child_by_field_name("value");
                if let Some(channel) = node.child_by_field_name("channel") {
                    self.evaluate(frame, channel);
                }
                if let Some(value_node) = value_node {
                    let value = self.evaluate(frame, value_node);
                    let target = node.child_by_field_name("channel").map_or(String::new(), |c| syntax::text(c, frame.text).to_string());
                    self.store(frame, node, value_node, target, Destination::Channel, value);
                }
            }
            "expression_statement" | "go_statement" | "defer_statement" => {
                for child in syntax::named_children(node) {
                    self.evaluate(frame, child);
                }
            }
            "inc_statement" | "dec_statement" => {
                // `m[k]++` assigns `m[k]`, which stores the key as any assignment does.
                for child in syntax::named_children(node) {
                    self.evaluate(frame, child);
                    self.store_key(frame, node, child);
                }
            }
            "if_statement" => {
                for field in ["initializer", "condition", "consequence", "alternative"] {
                    if let Some(child) = node.child_by_field_name(field) {
                        if field == "condition" {
                            self.evaluate(frame, child);
                        } else {
                            self.execute(frame, child);
                        }
                    }
                }
            }
            "for_statement" => self.for_statement(frame, node),
            "expression_switch_statement" | "type_switch_statement" | "select_statement" => {
                if let Some(initializer) = node.child_by_field_name("initializer") {
                    self.execute(frame, initializer);
                }
                if let Some(value) = node.child_by_field_name("value") {
                    self.evaluate(frame, value);
                }
                if let Some(alias) = node.child_by_field_name("alias") {
                    for name in syntax::named_children(alias) {
                        self.bind_local(frame, syntax::text(name, frame.text), Local::plain(Value::Unknown));
                    }
                }
                for case in syntax::named_children(node) {
                    if matches!(case.kind(), "expression_case" | "default_case" | "type_case" | "communication_case") {
                        self.execute(frame, case);
                    }
                }
            }
            _ => {
                // Other statements (break, continue, goto, fallthrough, declarations of types
                // and constants) cannot move a value.
            }
        }
    }

    /// Runs a loop's header and then its body twice, so that values assigned late in the
    /// body reach the statements before them, as on the next iteration.
    fn for_statement(&mut self, frame: &mut Frame<'a>, node: Node<'a>) {
        self.loop_pass(frame, node);
        let body = syntax::named_children(node).into_iter().find(|child| child.kind() == "block");
        if let Some(body) = body {
            self.execute(frame, body);
        }
    }

    fn loop_pass(&mut self, frame: &mut Frame<'a>, node: Node<'a>) {
        for child in syntax::named_children(node) {
            match child.kind() {
                "range_clause" => self.range_clause(frame, child),
                "for_clause" => {
                    for field in ["initializer", "condition", "update"] {
                        if let Some(part) = child.child_by_field_name(field) {
                            if field == "condition" {
                                self.evaluate(frame, part);
                            } else {
                                self.execute(frame, part);
                            }
                        }
                    }
                }
                "block" => self.execute(frame, child),
                _ => {
                    self.evaluate(frame, child);
                }
            }
        }
    }

    fn range_clause(&mut self, frame: &mut Frame<'a>, clause: Node<'a>) {
        let Some(right) = clause.child_by_field_name("right") else { return };
        let collection = self.evaluate(frame, right);
        let Some(left) = clause.child_by_field_name("left") else { return };
        let names = syntax::named_children(left);
        let (first, second) = if self.is_sequence_call(frame, right) {
            (collection.element(), Value::Unknown)
        } else {
            (Value::Unknown, collection.element())
        };
        let mut cursor = clause.walk();
        let declares = clause.children(&mut cursor).any(|child| child.kind() == ":=");
        for (position, name) in names.into_iter().enumerate() {
            let value = if position == 0 { first.clone() } else { second.clone() };
            if declares && name.kind() == "identifier" {
                let container = matches!(&value, Value::Struct(structure) if !structure.pointer);
                self.bind_local(frame, syntax::text(name, frame.text), Local { container, ..Local::plain(value) });
            } else {
                self.assign_to(frame, clause, name, None, value);
            }
        }
    }

    /// Reports whether `call` returns an iterator of pieces, such as `strings.SplitSeq`,
    /// whose first range variable is the element.
    fn is_sequence_call(&self, frame: &Frame<'a>, call: Node<'a>) -> bool {
        let Some((path, name)) = self.standard_callee(frame, call) else { return false };
        matches!(path.as_str(), "strings" | "bytes")
            && matches!(name.as_str(), "SplitSeq" | "SplitAfterSeq" | "FieldsSeq" | "FieldsFuncSeq" | "Lines")
    }

    fn declare(&mut self, frame: &mut Frame<'a>, node: Node<'a>) {
        let left = node.child_by_field_name("left").map(syntax::named_children).unwrap_or_default();
        let right = node.child_by_field_name("right").map(syntax::named_children).unwrap_or_default();
        let values = self.evaluate_list(frame, &right, left.len());
        for (position, name) in left.into_iter().enumerate() {
            let right_node = if right.len() == 1 { right.first().copied() } else { right.get(position).copied() };
            let local = self.local_from(frame, right_node, values[position].clone(), position);
            self.bind_local(frame, syntax::text(name, frame.text), local);
        }
    }

    fn var_spec(&mut self, frame: &mut Frame<'a>, spec: Node<'a>) {
        let mut cursor = spec.walk();
        let names: Vec<Node<'a>> = spec.children_by_field_name("name", &mut cursor).collect();
        let type_node = spec.child_by_field_name("type");
        let right = spec.child_by_field_name("value").map(syntax::named_children).unwrap_or_default();
        let values = if right.is_empty() { vec![Value::Unknown; names.len()] } else { self.evaluate_list(frame, &right, names.len()) };
        for (position, name) in names.into_iter().enumerate() {
            let mut local = if right.is_empty() {
                let value = type_node.map_or(Value::Unknown, |node| self.zero_value(frame, node, spec.start_byte()));
                Local { container: true, ..Local::plain(value) }
            } else {
                let right_node = if right.len() == 1 { right.first().copied() } else { right.get(position).copied() };
                self.local_from(frame, right_node, values[position].clone(), position)
            };
            if let Some(type_node) = type_node {
                local.type_hint = Some(syntax::text(type_node, frame.text).to_string());
            }
            self.bind_local(frame, syntax::text(name, frame.text), local);
        }
    }

    /// Returns what `var x T` holds: a large array for `[N]T` with N of at least 1024.
    fn zero_value(&self, frame: &Frame<'a>, type_node: Node<'a>, at: usize) -> Value {
        if frame.depth == 0 && type_node.kind() == "array_type" {
            return self.large_array(frame, type_node, at).unwrap_or(Value::Unknown);
        }
        Value::Unknown
    }

    /// Describes a variable declared from `right`: whether it owns its memory, its type
    /// as constructed, and the names a filling call was given.
    fn local_from(&self, frame: &Frame<'a>, right: Option<Node<'a>>, value: Value, position: usize) -> Local {
        let Some(right) = right else { return Local::plain(value) };
        let inner = unparenthesized(right);
        let container = match inner.kind() {
            "composite_literal" => true,
            "unary_expression" => inner.child_by_field_name("operand").is_some_and(|operand| operand.kind() == "composite_literal"),
            "call_expression" => {
                matches!(syntax::callee_text(inner, frame.text), "make" | "new") || self.returns_struct_value(frame, inner, position)
            }
            _ => false,
        };
        let type_hint = constructed_type(inner, frame.text);
        let mut filled_from = Vec::new();
        if inner.kind() == "call_expression" && position == 0 && may_fill(syntax::callee_text(inner, frame.text), &frame.imports) {
            for argument in syntax::call_arguments(inner) {
                if let Some(root) = root_identifier(argument) {
                    filled_from.push(syntax::text(root, frame.text).to_string());
                }
            }
        }
        Local { value, container, type_hint, filled_from }
    }

    /// Reports whether `call` is a call of a package function whose result at `position`
    /// is a struct of the package passed by value, so the variable owns its copy.
    fn returns_struct_value(&self, frame: &Frame<'a>, call: Node<'a>, position: usize) -> bool {
        let Some(callee) = call.child_by_field_name("function").filter(|f| f.kind() == "identifier") else { return false };
        let Some(function) = self.symbols.function(syntax::text(callee, frame.text)) else { return false };
        let Some(result) = function.node.child_by_field_name("result") else { return false };
        let result_type = if result.kind() == "parameter_list" {
            parameter_declarations(Some(result), function.text)
                .get(position)
                .and_then(|(_, declaration)| declaration.child_by_field_name("type"))
        } else {
            (position == 0).then_some(result)
        };
        result_type.is_some_and(|node| self.is_struct_value_type(node, function.text))
    }

    fn bind_local(&mut self, frame: &mut Frame<'a>, name: &str, local: Local) {
        if name == "_" {
            return;
        }
        if frame.depth == 0 {
            local.value.for_each_memory(&mut |memory, _| {
                self.aliases.entry(memory.origin.root.clone()).or_default().insert(name.to_string());
            });
        }
        frame.locals.insert(name.to_string(), local);
    }

    fn assignment(&mut self, frame: &mut Frame<'a>, node: Node<'a>) {
        let left = node.child_by_field_name("left").map(syntax::named_children).unwrap_or_default();
        let right = node.child_by_field_name("right").map(syntax::named_children).unwrap_or_default();
        let operator = node.child_by_field_name("operator").map_or("=", |op| syntax::text(op, frame.text));
        let values = self.evaluate_list(frame, &right, left.len());
        for (position, target) in left.into_iter().enumerate() {
            if operator != "=" {
                // `s += x` makes a new string; the other operators work on numbers.
                self.evaluate(frame, target);
                self.store_key(frame, node, target);
                self.assign_to(frame, node, target, None, Value::Unknown);
                continue;
            }
            let right_node = if right.len() == left_len(node) { right.get(position).copied() } else { None };
            let mut value = values[position].clone();
            if let Some(operand) = right_node.and_then(|r| self_resliced(target, r, frame.text)) {
                // `buf = buf[:n]` trims the variable's own buffer, which nothing else
                // refers to any longer, so the variable still stands for the whole buffer.
                value = self.evaluate(frame, operand).rest();
            }
            if target.kind() == "identifier" {
                if let Some(existing) = frame.locals.get(syntax::text(target, frame.text)) {
                    let mut local = self.local_from(frame, right_node, value.clone(), position);
                    if !local.container && right_node.is_some_and(|r| unparenthesized(r).kind() == "identifier") {
                        local.container = existing.container;
                    }
                    if local.type_hint.is_none() {
                        local.type_hint = existing.type_hint.clone();
                    }
                    self.bind_local(frame, syntax::text(target, frame.text), local);
                    continue;
                }
            }
            self.assign_to(frame, node, target, right_node, value);
        }
    }

    /// Writes `value` to the place `target` names: a local variable, a path inside a local
    /// the function owns, or a place beyond the function, which is recorded as a store.
    fn assign_to(&mut self, frame: &mut Frame<'a>, statement: Node<'a>, target: Node<'a>, right: Option<Node<'a>>, value: Value) {
        let target = unparenthesized(target);
        match target.kind() {
            "identifier" => {
                let name = syntax::text(target, frame.text);
                if name == "_" {
                    return;
                }
                if !frame.locals.contains_key(name) && self.symbols.is_variable(name) {
                    if let Some(right) = right {
                        self.store(frame, statement, right, name.to_string(), Destination::Global, value);
                    }
                    return;
                }
                self.bind_local(frame, name, Local::plain(value));
            }
            "selector_expression" | "index_expression" => {
                let (root, path) = access_path(target, frame.text);
                let owned = root
                    .and_then(|root| frame.locals.get(syntax::text(root, frame.text)))
                    .is_some_and(|local| local.container);

                if !owned {
                    self.store_key(frame, statement, target);
                }
                let mut stored = value;
                if owned && frame.depth == 0 {
                    if let Some(right) = right {
                        mark_entry(&mut stored, right.byte_range());
                    }
                }
                if !owned {
                    if let Some(right) = right {
                        let place = syntax::text(target, frame.text).to_string();
                        self.store(frame, statement, right, place, Destination::Field, stored.clone());
                    }
                }
                if let Some(root) = root {
                    let name = syntax::text(root, frame.text).to_string();
                    let strong = self.is_whole_loop_write(frame, target, &name);
                    if let Some(local) = frame.locals.get_mut(&name) {
                        let updated = set_path(std::mem::replace(&mut local.value, Value::Unknown), &path, stored, strong);
                        local.value = updated.normalized();
                    }
                }
            }
            "unary_expression" => {
                if let Some(right) = right {
                    let place = syntax::text(target, frame.text).to_string();
                    self.store(frame, statement, right, place, Destination::Pointer, value);
                }
            }
            _ => {}
        }
    }

    /// Records the key of an indexed write `m[k] = v` as stored, unless `m` is a local the
    /// function owns.
    fn store_key(&mut self, frame: &mut Frame<'a>, statement: Node<'a>, target: Node<'a>) {
        let target = unparenthesized(target);
        if target.kind() != "index_expression" {
            return;
        }
        let (root, _) = access_path(target, frame.text);
        let owned = root
            .and_then(|root| frame.locals.get(syntax::text(root, frame.text)))
            .is_some_and(|local| local.container);
        let Some(key) = target.child_by_field_name("index") else { return };
        let value = self.evaluate(frame, key);
        if !owned {
            let place = syntax::text(target, frame.text).to_string();
            self.store(frame, statement, key, place, Destination::MapKey, value);
        }
    }

    /// Reports whether an indexed write sits in `for i := range name` and uses `i`, so it
    /// replaces every element rather than one.
    fn is_whole_loop_write(&self, frame: &Frame<'a>, target: Node<'a>, name: &str) -> bool {
        let mut index_names = Vec::new();
        syntax::walk(target, &mut |node| {
            if node.kind() == "index_expression" {
                if let Some(index) = node.child_by_field_name("index") {
                    index_names.push(syntax::text(index, frame.text).to_string());
                }
            }
            true
        });
        let mut current = target.parent();
        while let Some(node) = current {
            if node.kind() == "for_statement" {
                let clause = syntax::named_children(node).into_iter().find(|child| child.kind() == "range_clause");
                if let Some(clause) = clause {
                    let ranged = clause.child_by_field_name("right").map(|right| syntax::text(right, frame.text));
                    let key = clause.child_by_field_name("left").and_then(|left| left.named_child(0)).map(|k| syntax::text(k, frame.text));
                    if ranged == Some(name) && key.is_some_and(|key| index_names.iter().any(|index| index == key)) {
                        return true;
                    }
                }
            }
            if syntax::is_function(node) {
                break;
            }
            current = node.parent();
        }
        false
    }

    fn return_statement(&mut self, frame: &mut Frame<'a>, node: Node<'a>) {
        let expressions = syntax::named_children(node)
            .into_iter()
            .find(|child| child.kind() == "expression_list")
            .map(syntax::named_children)
            .unwrap_or_default();
        let value = if expressions.is_empty() {
            let values: Vec<Value> = frame
                .result_names
                .iter()
                .map(|name| frame.locals.get(name).map_or(Value::Unknown, |local| local.value.clone()))
                .collect();
            if values.len() == 1 { values.into_iter().next().unwrap() } else { Value::Tuple(values) }
        } else {
            let values: Vec<Value> = expressions.iter().map(|expression| self.evaluate(frame, *expression)).collect();
            if frame.literal_depth == 0 {
                for (expression, value) in expressions.iter().zip(&values) {
                    self.store(frame, node, *expression, "return".to_string(), Destination::Return, value.clone());
                }
            }
            if values.len() == 1 { values.into_iter().next().unwrap() } else { Value::Tuple(values) }
        };
        if frame.literal_depth == 0 {
            frame.returns = Some(match frame.returns.take() {
                Some(previous) => previous.join(value),
                None => value,
            });
        }
    }

    fn store(&mut self, frame: &Frame<'a>, statement: Node<'a>, expression: Node<'a>, target: String, destination: Destination, value: Value) {
        if frame.depth != 0 || value.is_unknown() {
            return;
        }
        // A loop body runs twice; its stores are recorded once, with what both runs saw.
        let earlier = self
            .stores
            .iter_mut()
            .find(|store| store.expression.id() == expression.id() && store.destination == destination);
        match earlier {
            Some(store) => store.value = std::mem::replace(&mut store.value, Value::Unknown).join(value),
            None => self.stores.push(Store { statement, expression, target, destination, value }),
        }
    }

    // -----------------------------------------------------------------------------------
    // Expressions

    /// Evaluates the right side of a declaration or assignment into one value per name on
    /// the left, spreading the results of a single call over several names.
    fn evaluate_list(&mut self, frame: &mut Frame<'a>, right: &[Node<'a>], count: usize) -> Vec<Value> {
        if right.len() == 1 && count > 1 {
            let value = self.evaluate(frame, right[0]);
            return (0..count).map(|position| value.result(position)).collect();
        }
        let mut values: Vec<Value> = right.iter().map(|node| self.evaluate(frame, *node)).collect();
        values.resize(count, Value::Unknown);
        values
    }

    pub(super) fn evaluate(&mut self, frame: &mut Frame<'a>, node: Node<'a>) -> Value {
        let value = self.evaluate_inner(frame, node).normalized();
        if let Some((range, seen)) = &mut self.probe {
            if frame.depth == 0 && *range == node.byte_range() && seen.is_none() {
                *seen = Some(value.clone());
            }
        }
        value
    }

    fn evaluate_inner(&mut self, frame: &mut Frame<'a>, node: Node<'a>) -> Value {
        match node.kind() {
            "identifier" => frame.locals.get(syntax::text(node, frame.text)).map_or(Value::Unknown, |local| local.value.clone()),
            "parenthesized_expression" => node.named_child(0).map_or(Value::Unknown, |inner| self.evaluate(frame, inner)),
            "slice_expression" => self.slice_expression(frame, node),
            "index_expression" => {
                let operand = node.child_by_field_name("operand").map_or(Value::Unknown, |o| self.evaluate(frame, o));
                if let Some(index) = node.child_by_field_name("index") {
                    self.evaluate(frame, index);
                }
                operand.element()
            }
            "selector_expression" => {
                let operand = node.child_by_field_name("operand").map_or(Value::Unknown, |o| self.evaluate(frame, o));
                let field = node.child_by_field_name("field").map_or("", |f| syntax::text(f, frame.text));
                operand.field(field)
            }
            "unary_expression" => {
                let operator = node.child_by_field_name("operator").map_or("", |op| syntax::text(op, frame.text));
                let operand_node = node.child_by_field_name("operand");
                if operator == "*" {
                    if let Some(view) = operand_node.and_then(|operand| self.unsafe_string_header(frame, operand)) {
                        return view;
                    }
                }
                let operand = operand_node.map_or(Value::Unknown, |o| self.evaluate(frame, o));
                match operator {
                    "&" => match operand {
                        Value::Struct(mut structure) => {
                            structure.pointer = true;
                            Value::Struct(structure)
                        }
                        other => other,
                    },
                    "*" => operand,
                    _ => Value::Unknown,
                }
            }
            "composite_literal" => self.composite_literal(frame, node, None),
            "call_expression" => self.call(frame, node),
            "type_conversion_expression" => {
                let operand = node.child_by_field_name("operand").map_or(Value::Unknown, |o| self.evaluate(frame, o));
                let type_node = node.child_by_field_name("type");
                self.conversion(frame, type_node, operand, node.start_byte())
            }
            "func_literal" => {
                self.function_literal(frame, node);
                Value::Unknown
            }
            "binary_expression" | "expression_list" | "type_assertion_expression" => {
                for child in syntax::named_children(node) {
                    self.evaluate(frame, child);
                }
                Value::Unknown
            }
            _ => Value::Unknown,
        }
    }

    /// Runs the body of a function literal where it appears, since closures see the
    /// variables around them. Its returns are not the function's returns.
    fn function_literal(&mut self, frame: &mut Frame<'a>, literal: Node<'a>) {
        let parameters = literal.child_by_field_name("parameters");
        let mut shadowed = Vec::new();
        for (name, _) in parameter_declarations(parameters, frame.text) {
            shadowed.push((name.clone(), frame.locals.remove(&name)));
            frame.locals.insert(name, Local::plain(Value::Unknown));
        }
        frame.literal_depth += 1;
        if let Some(body) = literal.child_by_field_name("body") {
            self.execute(frame, body);
        }
        frame.literal_depth -= 1;
        for (name, previous) in shadowed {
            match previous {
                Some(local) => frame.locals.insert(name, local),
                None => frame.locals.remove(&name),
            };
        }
    }

    fn slice_expression(&mut self, frame: &mut Frame<'a>, node: Node<'a>) -> Value {
        let Some(operand_node) = node.child_by_field_name("operand") else { return Value::Unknown };
        let operand = self.evaluate(frame, operand_node);
        for field in ["start", "end", "capacity"] {
            if let Some(bound) = node.child_by_field_name(field) {
                self.evaluate(frame, bound);
            }
        }
        let Some(end) = node.child_by_field_name("end") else { return operand.rest() };
        let from_end = node.child_by_field_name("start").is_some_and(|start| measures(start, operand_node, frame.text));
        if !from_end && self.is_full_length(frame, operand_node, end) {
            return operand.rest();
        }
        match &operand {
            Value::Large(_) | Value::Piece(_) => operand.cut(node.start_byte()),
            Value::Elements { .. } | Value::Parts(_) => operand,
            _ => Value::Unknown,
        }
    }

    /// Reports whether `end` reaches the end of the data `operand` holds: `len(x)` or
    /// `cap(x)`, or a count that a call filling the operand returned, as `n` in
    /// `n, _ := r.Read(buf)` or `buf[:copy(buf, s)]`.
    fn is_full_length(&self, frame: &Frame<'a>, operand: Node<'a>, end: Node<'a>) -> bool {
        let Some(root) = root_identifier(operand) else { return false };
        let root_name = syntax::text(root, frame.text);
        let end = unparenthesized(end);
        if measures(end, operand, frame.text) {
            // `buf[:len(buf)-1]` drops a little from the end and keeps the rest.
            return true;
        }
        if end.kind() == "binary_expression" {
            // `b[:i+j+1]` after `i := binary.PutUvarint(b, x)` and `j := ...`: the sum of
            // what calls filled, plus constants.
            let mut all_filled = true;
            let mut any_count = false;
            syntax::walk(end, &mut |node| {
                if !node.is_named() {
                    return true;
                }
                match node.kind() {
                    "identifier" => {
                        let filled = frame
                            .locals
                            .get(syntax::text(node, frame.text))
                            .is_some_and(|local| local.filled_from.iter().any(|name| name == root_name));
                        all_filled &= filled;
                        any_count |= filled;
                    }
                    "binary_expression" => {
                        let operator = node.child_by_field_name("operator").map_or("", |op| syntax::text(op, frame.text));
                        all_filled &= operator == "+";
                    }
                    "int_literal" => {}
                    _ => all_filled = false,
                }
                all_filled
            });
            return all_filled && any_count;
        }
        match end.kind() {
            "call_expression" => {
                let callee = syntax::callee_text(end, frame.text);
                let arguments = syntax::call_arguments(end);
                if matches!(callee, "len" | "cap") {
                    return arguments.first().is_some_and(|argument| syntax::text(*argument, frame.text) == syntax::text(operand, frame.text));
                }
                arguments
                    .iter()
                    .any(|argument| root_identifier(*argument).is_some_and(|r| syntax::text(r, frame.text) == root_name))
            }
            "identifier" => {
                let filled_by_call = frame
                    .locals
                    .get(syntax::text(end, frame.text))
                    .is_some_and(|local| local.filled_from.iter().any(|name| name == root_name));
                filled_by_call || counts_writes(frame.function, operand, end, frame.text)
            }
            _ => false,
        }
    }

    fn composite_literal(&mut self, frame: &mut Frame<'a>, node: Node<'a>, element_type: Option<Node<'a>>) -> Value {
        let type_node = node.child_by_field_name("type").or(element_type);
        let body = if node.kind() == "literal_value" { Some(node) } else { node.child_by_field_name("body") };
        let Some(body) = body else { return Value::Unknown };

        let (shape, nested_type) = match type_node {
            Some(type_node) => self.literal_shape(frame, type_node),
            None => (LiteralShape::Unknown, None),
        };
        if let (LiteralShape::Array, Some(type_node)) = (&shape, type_node) {
            if body.named_child_count() == 0 && frame.depth == 0 {
                if let Some(large) = self.large_array(frame, type_node, node.start_byte()) {
                    return large;
                }
            }
        }

        let mut elements = Value::Unknown;
        let mut fields: Vec<(String, Value)> = Vec::new();
        for (position, element) in syntax::named_children(body).into_iter().enumerate() {
            let (key, value_node) = match element.kind() {
                "keyed_element" => (element.child_by_field_name("key"), element.child_by_field_name("value")),
                "literal_element" => (None, Some(element)),
                _ => continue,
            };
            let Some(value_node) = value_node.and_then(|v| v.named_child(0)) else { continue };
            let mut value = if value_node.kind() == "literal_value" {
                let nested = match &shape {
                    LiteralShape::Struct(_) => None,
                    _ => nested_type,
                };
                self.composite_literal(frame, value_node, nested)
            } else {
                self.evaluate(frame, value_node)
            };
            if frame.depth == 0 {
                mark_entry(&mut value, value_node.byte_range());
            }
            match &shape {
                LiteralShape::Struct(names) => {
                    let name = match key.and_then(|k| k.named_child(0)) {
                        Some(key) => syntax::text(key, frame.text).to_string(),
                        None => names.get(position).cloned().unwrap_or_else(|| format!("#{position}")),
                    };
                    fields.push((name, value));
                }
                _ => {
                    if let Some(key) = key.and_then(|k| k.named_child(0)) {
                        let mut key_value = self.evaluate(frame, key);
                        if frame.depth == 0 {
                            mark_entry(&mut key_value, key.byte_range());
                        }
                        if matches!(shape, LiteralShape::Map) {
                            elements = elements.join(key_value);
                        }
                    }
                    elements = elements.join(value);
                }
            }
        }
        match shape {
            LiteralShape::Struct(_) => {
                let type_name = type_node.map(|t| syntax::text(t, frame.text).to_string());
                Value::Struct(StructValue { type_name, pointer: false, fields })
            }
            LiteralShape::Map => wrap_elements(elements, true),
            LiteralShape::Array | LiteralShape::Slice => wrap_elements(elements, false),
            LiteralShape::Unknown => {
                if fields.is_empty() {
                    wrap_elements(elements, false)
                } else {
                    Value::Unknown
                }
            }
        }
    }

    /// Returns the shape of a composite literal's type and the type of its elements.
    fn literal_shape(&self, frame: &Frame<'a>, type_node: Node<'a>) -> (LiteralShape, Option<Node<'a>>) {
        match type_node.kind() {
            "slice_type" => (LiteralShape::Slice, type_node.child_by_field_name("element")),
            "array_type" | "implicit_length_array_type" => (LiteralShape::Array, type_node.child_by_field_name("element")),
            "map_type" => (LiteralShape::Map, type_node.child_by_field_name("value")),
            "struct_type" => {
                let names = types::struct_fields(type_node, frame.text).into_iter().map(|(name, _)| name).collect();
                (LiteralShape::Struct(names), None)
            }
            "type_identifier" | "generic_type" => {
                let name_node = if type_node.kind() == "generic_type" { type_node.child_by_field_name("type") } else { Some(type_node) };
                let Some(name_node) = name_node else { return (LiteralShape::Unknown, None) };
                let Some(declared) = self.symbols.find_type(syntax::text(name_node, frame.text)) else {
                    return (LiteralShape::Unknown, None);
                };
                match declared.node.kind() {
                    "struct_type" => {
                        let names = types::struct_fields(declared.node, declared.text).into_iter().map(|(name, _)| name).collect();
                        (LiteralShape::Struct(names), None)
                    }
                    "slice_type" => (LiteralShape::Slice, None),
                    "map_type" => (LiteralShape::Map, None),
                    _ => (LiteralShape::Unknown, None),
                }
            }
            _ => (LiteralShape::Unknown, None),
        }
    }

    fn conversion(&mut self, frame: &Frame<'a>, type_node: Option<Node<'a>>, operand: Value, at: usize) -> Value {
        let Some(type_node) = type_node else { return Value::Unknown };
        let Some(kind) = self.slice_kind(type_node, frame.text) else {
            return match operand {
                elements @ Value::Elements { .. } => elements,
                _ => Value::Unknown,
            };
        };
        convert(kind, syntax::text(type_node, frame.text), operand, at)
    }

    // -----------------------------------------------------------------------------------
    // Calls

    fn call(&mut self, frame: &mut Frame<'a>, call: Node<'a>) -> Value {
        let Some(function) = call.child_by_field_name("function") else { return Value::Unknown };
        let arguments = syntax::call_arguments(call);
        let mut values = Vec::with_capacity(arguments.len());
        for argument in &arguments {
            let inner = if argument.kind() == "variadic_argument" { argument.named_child(0) } else { Some(*argument) };
            values.push(inner.map_or(Value::Unknown, |inner| self.evaluate(frame, inner)));
        }

        match function.kind() {
            "identifier" => {
                let name = syntax::text(function, frame.text);
                if frame.locals.contains_key(name) {
                    return Value::Unknown;
                }
                match name {
                    "append" => return self.append(frame, &arguments, values),
                    "make" => return self.make(frame, call),
                    "new" => {
                        let argument = arguments.first().copied();
                        return match argument {
                            Some(array) if frame.depth == 0 && array.kind() == "array_type" => {
                                self.large_array(frame, array, call.start_byte()).unwrap_or(Value::Unknown)
                            }
                            _ => Value::Unknown,
                        };
                    }
                    "string" => {
                        let operand = values.into_iter().next().unwrap_or(Value::Unknown);
                        return convert(Kind::String, "string", operand, call.start_byte());
                    }
                    "len" | "cap" | "copy" | "delete" | "panic" | "print" | "println" | "close" | "min" | "max" | "clear"
                    | "complex" | "real" | "imag" | "recover" => return Value::Unknown,
                    _ => {}
                }
                if let Some(declared) = self.symbols.find_type(name) {
                    // A conversion to a type of the package keeps the operand's memory.
                    let _ = declared;
                    return values.into_iter().next().unwrap_or(Value::Unknown);
                }
                let Some(callee) = self.symbols.function(name) else { return Value::Unknown };
                self.call_function(frame, callee, None, &arguments, values, call.start_byte())
            }
            "selector_expression" => {
                if let Some((path, name)) = self.standard_callee(frame, call) {
                    return self.standard_call(frame, call, &path, &name, &arguments, values);
                }
                let Some(operand) = function.child_by_field_name("operand") else { return Value::Unknown };
                let method = function.child_by_field_name("field").map_or("", |f| syntax::text(f, frame.text));
                if let Some(value) = self.buffer_method(frame, call, operand, method) {
                    return value;
                }
                let receiver = self.evaluate(frame, operand);
                let Some(callee) = self.find_method(frame, operand, method) else { return Value::Unknown };
                self.call_function(frame, callee, Some(receiver), &arguments, values, call.start_byte())
            }
            "parenthesized_expression" => {
                // `(T)(x)` and `(*T)(x)` are conversions.
                let inner = function.named_child(0);
                match inner {
                    Some(type_node) if type_node.kind() != "unary_expression" => {
                        let operand = values.into_iter().next().unwrap_or(Value::Unknown);
                        self.conversion(frame, Some(type_node), operand, call.start_byte())
                    }
                    _ => Value::Unknown,
                }
            }
            "func_literal" => {
                self.function_literal(frame, function);
                Value::Unknown
            }
            _ => {
                self.evaluate(frame, function);
                Value::Unknown
            }
        }
    }

    /// Returns the value of `append(s, x, y)` or `append(s, t...)`: a slice whose elements
    /// hold what the arguments hold. Spreading a string or byte slice copies its bytes.
    fn append(&mut self, frame: &Frame<'a>, arguments: &[Node<'a>], values: Vec<Value>) -> Value {
        if let Some(Value::Parts(memory)) = values.first() {
            // Deleting from the parts of a split, as `append(parts[:i], parts[i+1:]...)`,
            // leaves parts of the same value.
            let same_source = values[1..].iter().all(|value| match value {
                Value::Parts(other) | Value::Piece(other) => other.origin.root == memory.origin.root,
                _ => false,
            });
            if same_source {
                return Value::Parts(memory.clone());
            }
        }
        let mut values = values.into_iter();
        let mut elements = values.next().map_or(Value::Unknown, |first| first.element());
        for (argument, mut value) in arguments.iter().skip(1).zip(values) {
            if argument.kind() == "variadic_argument" {
                elements = elements.join(value.element());
                continue;
            }
            if frame.depth == 0 {
                mark_entry(&mut value, argument.byte_range());
            }
            elements = elements.join(value);
        }
        wrap_elements(elements, false)
    }

    /// Calls a function of the package with the arguments' values and returns its result.
    pub(super) fn call_function(
        &mut self,
        frame: &Frame<'a>,
        callee: FunctionRef<'a>,
        receiver: Option<Value>,
        arguments: &[Node<'a>],
        values: Vec<Value>,
        call_at: usize,
    ) -> Value {
        let receiver = receiver.unwrap_or(Value::Unknown);
        let nothing_known = receiver.is_unknown() && values.iter().all(Value::is_unknown);
        if nothing_known || frame.depth + 1 > MAX_CALL_DEPTH || self.budget == 0 || self.stack.contains(&callee.node.id()) {
            return Value::Unknown;
        }
        let mut callee_frame = self.frame(callee.node, callee.text, frame.depth + 1);
        let parameters = callee.node.child_by_field_name("parameters");
        let declarations = parameter_declarations(parameters, callee.text);
        let mut remaining = values.into_iter().zip(arguments.iter());
        for (name, declaration) in declarations {
            let value = if declaration.kind() == "variadic_parameter_declaration" {
                let mut elements = Value::Unknown;
                for (value, argument) in remaining.by_ref() {
                    elements = elements.join(if argument.kind() == "variadic_argument" { value.element() } else { value });
                }
                wrap_elements(elements, false)
            } else {
                remaining.next().map_or(Value::Unknown, |(value, _)| value)
            };
            let container = declaration
                .child_by_field_name("type")
                .is_some_and(|node| self.is_struct_value_type(node, callee.text));
            callee_frame.locals.insert(name, Local { container, ..Local::plain(value) });
        }
        self.bind_receiver(&mut callee_frame, callee.node, receiver);

        self.stack.push(callee.node.id());
        if let Some(body) = callee.node.child_by_field_name("body") {
            self.execute(&mut callee_frame, body);
        }
        self.stack.pop();

        let mut result = callee_frame.returns.unwrap_or(Value::Unknown);
        result.map_memories(&mut |memory| {
            memory.taken_at = call_at;
            memory.entry = None;
        });
        result
    }

    /// Finds the method that `operand.name(...)` calls: by the receiver's type when the
    /// syntax shows it, or the only method of that name in the package.
    fn find_method(&self, frame: &Frame<'a>, operand: Node<'a>, name: &str) -> Option<FunctionRef<'a>> {
        let methods = self.symbols.methods_named(name);
        if operand.kind() == "identifier" {
            if let Some(type_hint) = frame.locals.get(syntax::text(operand, frame.text)).and_then(|local| local.type_hint.as_deref()) {
                let type_name = type_hint.trim_start_matches('*').trim_start_matches('&');
                let type_name = type_name.split(['{', '[', '(']).next().unwrap_or(type_name);
                if let Some((_, found)) = methods.iter().find(|(receiver, _)| receiver == type_name) {
                    return Some(*found);
                }
            }
        }
        match methods {
            [(_, only)] => Some(*only),
            _ => None,
        }
    }

    /// Returns the import path and function name of `pkg.Name(...)` when `pkg` names an
    /// import of the frame's file and no local variable.
    pub(super) fn standard_callee(&self, frame: &Frame<'a>, call: Node<'a>) -> Option<(String, String)> {
        let function = call.child_by_field_name("function").filter(|f| f.kind() == "selector_expression")?;
        let operand = function.child_by_field_name("operand").filter(|o| o.kind() == "identifier")?;
        let name = syntax::text(operand, frame.text);
        if frame.locals.contains_key(name) {
            return None;
        }
        let path = frame.imports.get(name)?;
        let field = function.child_by_field_name("field")?;
        Some((path.clone(), syntax::text(field, frame.text).to_string()))
    }
}

/// The kinds of composite literal types.
enum LiteralShape {
    Struct(Vec<String>),
    Slice,
    Array,
    Map,
    Unknown,
}

/// Returns the value of the conversion `type_text(operand)` to a string or slice type.
/// Converting between string and []byte copies: a large value becomes a new large value
/// made here, and a piece becomes a small copy that pins nothing. A conversion to a named
/// type of the same kind keeps the memory.
fn convert(kind: Kind, type_text: &str, operand: Value, at: usize) -> Value {
    match operand {
        Value::Large(memory) if memory.kind != kind => {
            let root = match memory.origin.root {
                Root::Local(_) => Root::Local(at),
                parameter => parameter,
            };
            let description = format!("the {type_text} converted from {}", memory.origin.description);
            Value::Large(Memory {
                kind,
                origin: Origin { root, description, reused: false },
                taken_at: at,
                entry: None,
            })
        }
        Value::Large(memory) => Value::Large(memory),
        Value::Piece(memory) if memory.kind == kind => Value::Piece(memory),
        _ => Value::Unknown,
    }
}

fn wrap_elements(element: Value, map: bool) -> Value {
    if element.is_unknown() {
        Value::Unknown
    } else {
        Value::Elements { element: Box::new(element), map }
    }
}

/// Records where pieces of `value` enter a container of the checked function, unless an
/// earlier place was recorded.
fn mark_entry(value: &mut Value, range: Range<usize>) {
    if let Value::Piece(memory) = value {
        if memory.entry.is_none() {
            memory.entry = Some(range);
        }
    }
}

/// One step of an access path.
#[derive(Debug)]
enum Step {
    Field(String),
    Index,
}

/// Returns the variable an lvalue starts from and the fields and indexes that follow it,
/// outermost first. The root is None when the path starts from a call or other expression.
fn access_path<'a>(target: Node<'a>, text: &[u8]) -> (Option<Node<'a>>, Vec<Step>) {
    let mut steps = Vec::new();
    let mut current = target;
    loop {
        match current.kind() {
            "selector_expression" => {
                let field = current.child_by_field_name("field").map_or("", |f| syntax::text(f, text));
                steps.push(Step::Field(field.to_string()));
                let Some(operand) = current.child_by_field_name("operand") else { return (None, steps) };
                current = operand;
            }
            "index_expression" => {
                steps.push(Step::Index);
                let Some(operand) = current.child_by_field_name("operand") else { return (None, steps) };
                current = operand;
            }
            "parenthesized_expression" => match current.named_child(0) {
                Some(inner) => current = inner,
                None => return (None, steps),
            },
            "unary_expression" if current.child_by_field_name("operator").is_some_and(|op| syntax::text(op, text) == "*") => {
                match current.child_by_field_name("operand") {
                    Some(inner) => current = inner,
                    None => return (None, steps),
                }
            }
            "identifier" => {
                steps.reverse();
                return (Some(current), steps);
            }
            _ => return (None, steps),
        }
    }
}

/// Writes `new` at `path` inside `value`. A write to one element joins with the others,
/// unless `strong` is set because the write replaces them all.
fn set_path(value: Value, path: &[Step], new: Value, strong: bool) -> Value {
    let Some((first, rest)) = path.split_first() else { return new };
    match first {
        Step::Field(name) => {
            let mut structure = match value {
                Value::Struct(structure) => structure,
                _ => StructValue { type_name: None, pointer: false, fields: Vec::new() },
            };
            let current = structure.fields.iter().find(|(field, _)| field == name).map_or(Value::Unknown, |(_, v)| v.clone());
            structure.set(name, set_path(current, rest, new, strong));
            Value::Struct(structure)
        }
        Step::Index => {
            if matches!(value, Value::Large(_) | Value::Piece(_) | Value::Parts(_)) {
                // Writing an element of a large buffer leaves it the same buffer.
                return value;
            }
            let (current, map) = match &value {
                Value::Elements { element, map } => ((**element).clone(), *map),
                _ => (Value::Unknown, false),
            };
            let written = set_path(current.clone(), rest, new, strong);
            let element = if strong { written } else { current.join(written) };
            wrap_elements(element, map)
        }
    }
}

/// Returns the variable an expression reads from: `buf` in `buf`, `buf[2:]`, `&buf[0]`
/// or `(*p)[:n]`.
pub(super) fn root_identifier(node: Node) -> Option<Node> {
    let mut current = node;
    loop {
        current = match current.kind() {
            "identifier" => return Some(current),
            "slice_expression" | "index_expression" => current.child_by_field_name("operand")?,
            "parenthesized_expression" => current.named_child(0)?,
            "unary_expression" => current.child_by_field_name("operand")?,
            "variadic_argument" => current.named_child(0)?,
            _ => return None,
        };
    }
}

pub(super) fn unparenthesized(node: Node) -> Node {
    let mut current = node;
    while current.kind() == "parenthesized_expression" {
        match current.named_child(0) {
            Some(inner) => current = inner,
            None => break,
        }
    }
    current
}

/// Returns the type a right side visibly constructs: `bufio.Scanner` for
/// `bufio.NewScanner(r)`, `bytes.Buffer` for `new(bytes.Buffer)` or `&bytes.Buffer{}`.
fn constructed_type(right: Node, text: &[u8]) -> Option<String> {
    match right.kind() {
        "call_expression" => {
            let callee = syntax::callee_text(right, text);
            if callee == "new" {
                return syntax::call_arguments(right).first().map(|t| syntax::text(*t, text).to_string());
            }
            let (package, function) = callee.split_once('.')?;
            let constructed = match function {
                "NewScanner" => "Scanner",
                "NewReader" | "NewReaderSize" if package == "bufio" => "Reader",
                "NewBuffer" | "NewBufferString" => "Buffer",
                _ => return None,
            };
            Some(format!("{package}.{constructed}"))
        }
        "composite_literal" => right.child_by_field_name("type").map(|t| syntax::text(t, text).to_string()),
        "unary_expression" => right.child_by_field_name("operand").and_then(|operand| constructed_type(operand, text)),
        _ => None,
    }
}

/// Returns each parameter name with its declaration, in order; unnamed parameters are
/// named `_`.
pub(super) fn parameter_declarations<'a>(parameters: Option<Node<'a>>, text: &[u8]) -> Vec<(String, Node<'a>)> {
    let mut found = Vec::new();
    let Some(parameters) = parameters else { return found };
    for declaration in syntax::named_children(parameters) {
        if !matches!(declaration.kind(), "parameter_declaration" | "variadic_parameter_declaration") {
            continue;
        }
        let mut cursor = declaration.walk();
        let names: Vec<String> = declaration
            .children_by_field_name("name", &mut cursor)
            .map(|name| syntax::text(name, text).to_string())
            .collect();
        if names.is_empty() {
            found.push(("_".to_string(), declaration));
        }
        for name in names {
            found.push((name, declaration));
        }
    }
    found
}

/// Reports whether a call may write into the slices it is given, so that the count it
/// returns can be how much it filled: anything but `len`, `cap` and the standard functions
/// that only read.
fn may_fill(callee: &str, imports: &HashMap<String, String>) -> bool {
    !matches!(callee, "len" | "cap" | "string" | "min" | "max") && !is_reading_function(callee, imports)
}

/// Reports whether `callee`, as written in a file with these imports, is a function of a
/// standard package that only reads its slice arguments.
pub(super) fn is_reading_function(callee: &str, imports: &HashMap<String, String>) -> bool {
    let Some((package, function)) = callee.split_once('.') else { return false };
    let Some(path) = imports.get(package) else { return false };
    match path.as_str() {
        "bytes" => !matches!(function, "NewBuffer" | "NewReader"),
        "strings" | "strconv" | "fmt" | "unicode/utf8" | "unicode" => !function.starts_with("Append") && function != "Sscan",
        _ => false,
    }
}

fn is_statement_like(node: Node) -> bool {
    !matches!(node.kind(), "comment" | "expression_list" | "type_identifier" | "type_list")
}

/// Reports whether the function writes `operand[count] = ...` somewhere, as a loop that
/// fills a buffer does before cutting it to `operand[:count]`. The cut is then the filled
/// part of a buffer sized for the data, not a small piece of it.
fn counts_writes(function: Node, operand: Node, count: Node, text: &[u8]) -> bool {
    let operand_text = syntax::text(operand, text);
    let count_text = syntax::text(count, text);
    let mut found = false;
    syntax::walk(function, &mut |node| {
        if found {
            return false;
        }
        if node.kind() == "assignment_statement" {
            let left = node.child_by_field_name("left").map(syntax::named_children).unwrap_or_default();
            found = left.iter().any(|place| {
                place.kind() == "index_expression"
                    && place.child_by_field_name("operand").is_some_and(|o| syntax::text(o, text) == operand_text)
                    && place.child_by_field_name("index").is_some_and(|i| syntax::text(i, text) == count_text)
            });
        }
        true
    });
    found
}

/// Reports whether `expression` calls `len` or `cap` on `operand`, as `len(buf)-1` does.
fn measures(expression: Node, operand: Node, text: &[u8]) -> bool {
    let operand_text = syntax::text(operand, text);
    let mut found = false;
    syntax::walk(expression, &mut |node| {
        if node.kind() == "call_expression" && matches!(syntax::callee_text(node, text), "len" | "cap") {
            let arguments = syntax::call_arguments(node);
            found |= arguments.first().is_some_and(|argument| syntax::text(*argument, text) == operand_text);
        }
        !found
    });
    found
}

/// Returns the operand of `right` when it slices the place that `target` names, as in
/// `buf = buf[:n]` or `q.items = q.items[:k]`.
fn self_resliced<'a>(target: Node, right: Node<'a>, text: &[u8]) -> Option<Node<'a>> {
    let right = unparenthesized(right);
    let operand = right.child_by_field_name("operand").filter(|_| right.kind() == "slice_expression")?;
    (syntax::text(operand, text) == syntax::text(target, text)).then_some(operand)
}

/// Returns how many places an assignment's left side names.
fn left_len(statement: Node) -> usize {
    statement.child_by_field_name("left").map_or(0, |left| syntax::named_children(left).len())
}
