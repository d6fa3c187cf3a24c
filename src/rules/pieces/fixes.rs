//! Turning a store that keeps a piece into a store of a copy.
//!
//! A piece is wrapped in a copy where it is stored, or where it enters a local slice, map
//! or struct that is stored later. The copy is `bytes.Clone`, `slices.Clone` or
//! `strings.Clone` where the module's Go version has them, and the `append` or conversion
//! form before that. A struct variable or a slice variable whose pieces came from another
//! function gets a statement before the store that copies each piece in place.

use std::collections::{BTreeSet, HashMap};

use tree_sitter::Node;

use super::interpret::{is_reading_function, unparenthesized, Destination, Interpreter, Store};
use super::value::{Kind, Memory, Root, Value};
use super::Family;
use crate::fix::{Applicability, Edit, Finding};
use crate::gomod::GoVersion;
use crate::rules::imports;
use crate::rules::Context;
use crate::source;
use crate::syntax;

/// One change that makes a stored piece a copy.
#[derive(Debug)]
enum Site<'a> {
    /// Wrap the expression in a copy.
    Wrap { node: Node<'a>, kind: Kind },
    /// Before the statement, copy the listed fields of a struct variable.
    CopyFields { statement: Node<'a>, variable: String, fields: Vec<(String, Kind)>, pointer: bool },
    /// Before the statement, copy every element of a slice variable, or the listed fields
    /// of every element.
    CopyElements { statement: Node<'a>, variable: String, element: ElementCopy },
}

#[derive(Debug)]
enum ElementCopy {
    Whole(Kind),
    Fields(Vec<(String, Kind)>),
}

/// Builds the finding for the stores of one statement, with its fix when every piece can
/// be copied.
pub fn finding<'a>(
    context: &Context<'a>,
    function: Node<'a>,
    interpreter: &Interpreter<'_, 'a>,
    stores: &[&Store<'a>],
    family: Family,
    rule: &'static str,
) -> Option<Finding> {
    let first = stores.iter().find(|store| store.destination != Destination::MapKey).or(stores.first())?;
    let probe = |node: Node<'a>| Interpreter::new(interpreter.symbols).value_at_in(function, context.text, node);
    let mut sites: Vec<Site<'a>> = Vec::new();
    let mut fixable = true;
    let mut copied_variables: BTreeSet<String> = BTreeSet::new();

    // Values first, so that a key read from a variable copied in place needs nothing more.
    let mut ordered: Vec<&&Store<'a>> = stores.iter().filter(|store| store.destination != Destination::MapKey).collect();
    ordered.extend(stores.iter().filter(|store| store.destination == Destination::MapKey));
    for store in ordered {
        let root = path_root(store.expression).map(|node| syntax::text(node, context.text).to_string());
        if root.as_ref().is_some_and(|name| copied_variables.contains(name)) && store.expression.kind() != "identifier" {
            continue;
        }
        fixable &= plan(context, store, family, &probe, &mut sites, &mut copied_variables);
    }

    let memories = piece_memories(stores);
    let applicability;
    let mut edits = Vec::new();
    if fixable && !sites.is_empty() {
        let built = build_edits(context, &sites)?;
        edits = built.edits;
        applicability = if family == Family::Strings {
            Applicability::Safe
        } else if built.legacy_slice || sites.iter().any(writes_in_place) || !sources_stay_unwritten(context, function, interpreter, &memories) {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        };
    } else {
        applicability = Applicability::DisplayOnly;
    }

    // The finding points at the piece itself when one expression is copied.
    let (shown, is_piece) = match sites.first() {
        Some(Site::Wrap { node, .. }) if fixable => (*node, true),
        _ => (first.expression, matches!(first.value, Value::Piece(_))),
    };
    let message = message(context, first, shown, is_piece, &memories, family);
    Some(Finding { rule, range: shown.byte_range(), message, applicability, edits })
}

/// Adds the sites that copy the pieces of one store. `probe` returns the value of an
/// expression of the checked function. Returns false when a piece cannot be copied from
/// the syntax.
fn plan<'a>(
    context: &Context<'a>,
    store: &Store<'a>,
    family: Family,
    probe: &dyn Fn(Node<'a>) -> Option<Value>,
    sites: &mut Vec<Site<'a>>,
    copied: &mut BTreeSet<String>,
) -> bool {
    let expression = unparenthesized(store.expression);
    if let Value::Piece(memory) = &store.value {
        let node = match &memory.entry {
            Some(range) => node_at(context, range.clone()).unwrap_or(expression),
            None => expression,
        };
        add_wrap(sites, node, memory.kind.clone());
        return true;
    }

    // Pieces that entered a local literal, slice or map of this function are copied where
    // they went in.
    let mut without_entry = false;
    store.value.for_each_memory(&mut |memory, piece| {
        if !piece {
            return;
        }
        match memory.entry.as_ref().and_then(|range| node_at(context, range.clone())) {
            Some(node) => add_wrap(sites, node, memory.kind.clone()),
            None => without_entry = true,
        }
    });
    if !without_entry {
        return true;
    }

    // The rest came from another function inside a variable: copy them in the variable
    // before the store, whether it is stored itself or appended or placed in a literal.
    if !can_insert_before(context, store.statement) {
        return false;
    }
    let carriers: Vec<(Node<'a>, Value)> = if expression.kind() == "identifier" {
        vec![(expression, store.value.clone())]
    } else {
        let mut carriers = Vec::new();
        for part in stored_parts(expression, context.text) {
            let Some(value) = probe(part) else { return false };
            let value = value.retain_pieces(&|memory| family.includes(memory));
            let unplaced = {
                let mut found = false;
                value.for_each_memory(&mut |memory, piece| found |= piece && memory.entry.is_none());
                found
            };
            if !unplaced {
                continue;
            }
            if part.kind() != "identifier" {
                return false;
            }
            carriers.push((part, value));
        }
        carriers
    };
    if carriers.is_empty() {
        return false;
    }
    for (carrier, value) in carriers {
        let variable = syntax::text(carrier, context.text).to_string();
        let site = match &value {
            Value::Struct(structure) => {
                let Some(fields) = piece_fields(&structure.fields) else { return false };
                Site::CopyFields { statement: store.statement, variable: variable.clone(), fields, pointer: structure.pointer }
            }
            Value::Elements { element, map: false } => {
                let element = match &**element {
                    Value::Piece(memory) => ElementCopy::Whole(memory.kind.clone()),
                    Value::Struct(structure) => match piece_fields(&structure.fields) {
                        Some(fields) => ElementCopy::Fields(fields),
                        None => return false,
                    },
                    _ => return false,
                };
                Site::CopyElements { statement: store.statement, variable: variable.clone(), element }
            }
            Value::Piece(memory) => {
                add_wrap(sites, carrier, memory.kind.clone());
                continue;
            }
            _ => return false,
        };
        if copied.insert(variable) {
            sites.push(site);
        }
    }
    true
}

/// Returns the expressions whose values a stored `append(s, a, b)` or composite literal
/// places: the appended values or the literal's elements.
fn stored_parts<'a>(expression: Node<'a>, text: &[u8]) -> Vec<Node<'a>> {
    let expression = unparenthesized(expression);
    let literal = match expression.kind() {
        "unary_expression" => expression.child_by_field_name("operand").filter(|o| o.kind() == "composite_literal"),
        "composite_literal" => Some(expression),
        _ => None,
    };
    if let Some(literal) = literal {
        let mut parts = Vec::new();
        if let Some(body) = literal.child_by_field_name("body") {
            for element in syntax::named_children(body) {
                let value = match element.kind() {
                    "keyed_element" => element.child_by_field_name("value"),
                    "literal_element" => Some(element),
                    _ => None,
                };
                if let Some(inner) = value.and_then(|v| v.named_child(0)) {
                    parts.extend(stored_parts_or_self(inner, text));
                }
            }
        }
        return parts;
    }
    if expression.kind() == "call_expression" && syntax::callee_text(expression, text) == "append" {
        return syntax::call_arguments(expression).into_iter().skip(1).flat_map(|part| stored_parts_or_self(part, text)).collect();
    }
    Vec::new()
}

fn stored_parts_or_self<'a>(node: Node<'a>, text: &[u8]) -> Vec<Node<'a>> {
    let parts = stored_parts(node, text);
    if parts.is_empty() {
        vec![node]
    } else {
        parts
    }
}

/// Returns the variable that a field, index or slice expression starts from.
fn path_root(node: Node) -> Option<Node> {
    let mut current = node;
    loop {
        current = match current.kind() {
            "identifier" => return Some(current),
            "selector_expression" | "slice_expression" | "index_expression" => current.child_by_field_name("operand")?,
            "parenthesized_expression" => current.named_child(0)?,
            _ => return None,
        };
    }
}

fn add_wrap<'a>(sites: &mut Vec<Site<'a>>, node: Node<'a>, kind: Kind) {
    let present = sites.iter().any(|site| matches!(site, Site::Wrap { node: other, .. } if other.byte_range() == node.byte_range()));
    if !present {
        sites.push(Site::Wrap { node, kind });
    }
}

/// Returns the fields of a struct that are pieces, or None when a piece sits deeper.
fn piece_fields(fields: &[(String, Value)]) -> Option<Vec<(String, Kind)>> {
    let mut found = Vec::new();
    for (name, value) in fields {
        match value {
            Value::Piece(memory) if !name.starts_with('#') => found.push((name.clone(), memory.kind.clone())),
            Value::Unknown => {}
            _ => return None,
        }
    }
    (!found.is_empty()).then_some(found)
}

/// Finds the expression node that covers exactly `range`.
fn node_at<'a>(context: &Context<'a>, range: std::ops::Range<usize>) -> Option<Node<'a>> {
    let mut node = context.tree.root_node().descendant_for_byte_range(range.start, range.end)?;
    while node.byte_range() == range {
        match node.parent() {
            Some(parent) if parent.byte_range() == range && parent.kind() != "literal_element" => node = parent,
            _ => break,
        }
    }
    (node.byte_range() == range).then_some(node)
}

/// Reports whether a statement can have another inserted before it: it sits in a
/// statement list and starts its line.
fn can_insert_before(context: &Context, statement: Node) -> bool {
    let in_list = statement.parent().is_some_and(|parent| parent.kind() == "statement_list");
    let line_start = context.text[..statement.start_byte()].iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let starts_line = context.text[line_start..statement.start_byte()].iter().all(|b| *b == b' ' || *b == b'\t');
    in_list && starts_line
}

/// Reports whether a site writes into memory that other code may see: a struct reached
/// through a pointer, or the elements of a slice.
fn writes_in_place(site: &Site) -> bool {
    match site {
        Site::CopyFields { pointer, .. } => *pointer,
        Site::CopyElements { .. } => true,
        Site::Wrap { .. } => false,
    }
}

/// The edits of a fix, and whether a slice copy uses the older `append` form.
struct Built {
    edits: Vec<Edit>,
    legacy_slice: bool,
}

fn build_edits(context: &Context, sites: &[Site]) -> Option<Built> {
    let mut copier = Copier { context, imports: Vec::new(), legacy_slice: false };
    let mut edits = Vec::new();
    for site in sites {
        match site {
            Site::Wrap { node, kind } => {
                let copy = copier.copy(*node, kind, syntax::text(*node, context.text))?;
                edits.push(Edit::replace(node.byte_range(), copy));
            }
            Site::CopyFields { statement, variable, fields, .. } => {
                let mut targets = Vec::new();
                let mut copies = Vec::new();
                for (field, kind) in fields {
                    let place = format!("{variable}.{field}");
                    copies.push(copier.copy(*statement, kind, &place)?);
                    targets.push(place);
                }
                let (indentation, ending) = layout(context, *statement);
                let line = format!("{} = {}{ending}{indentation}", targets.join(", "), copies.join(", "));
                edits.push(Edit::insert(statement.start_byte(), line));
            }
            Site::CopyElements { statement, variable, element } => {
                let index = if variable == "i" { "j" } else { "i" };
                let element_place = format!("{variable}[{index}]");
                let assignment = match element {
                    ElementCopy::Whole(kind) => format!("{element_place} = {}", copier.copy(*statement, kind, &element_place)?),
                    ElementCopy::Fields(fields) => {
                        let mut targets = Vec::new();
                        let mut copies = Vec::new();
                        for (field, kind) in fields {
                            let place = format!("{element_place}.{field}");
                            copies.push(copier.copy(*statement, kind, &place)?);
                            targets.push(place);
                        }
                        format!("{} = {}", targets.join(", "), copies.join(", "))
                    }
                };
                let (indentation, ending) = layout(context, *statement);
                let text = format!(
                    "for {index} := range {variable} {{{ending}{indentation}\t{assignment}{ending}{indentation}}}{ending}{indentation}"
                );
                edits.push(Edit::insert(statement.start_byte(), text));
            }
        }
    }
    edits.extend(copier.imports.into_iter().map(|(_, edit)| edit));
    Some(Built { edits, legacy_slice: copier.legacy_slice })
}

/// Returns the indentation of the statement's line and the line ending to use.
fn layout(context: &Context, statement: Node) -> (String, &'static str) {
    let indentation = String::from_utf8_lossy(source::indentation_at(context.text, statement.start_byte())).into_owned();
    (indentation, source::line_ending_at(context.text, statement.start_byte()))
}

/// Writes copy expressions, importing what they need once.
struct Copier<'c, 'a> {
    context: &'c Context<'a>,
    imports: Vec<(String, Edit)>,
    legacy_slice: bool,
}

impl Copier<'_, '_> {
    /// Returns an expression that copies `expression`, a piece of `kind`, for use at `site`.
    fn copy(&mut self, site: Node, kind: &Kind, expression: &str) -> Option<String> {
        let version = self.context.go_version;
        let (path, since) = match kind {
            Kind::String => ("strings", GoVersion { major: 1, minor: 18 }),
            Kind::Bytes => ("bytes", GoVersion { major: 1, minor: 20 }),
            Kind::Slice(_) => ("slices", GoVersion { major: 1, minor: 21 }),
        };
        if version >= since {
            if let Some(name) = self.qualifier(site, path) {
                return Some(format!("{name}.Clone({expression})"));
            }
        }
        match kind {
            Kind::String => Some(format!("string([]byte({expression}))")),
            Kind::Bytes => {
                self.legacy_slice = true;
                Some(format!("append([]byte(nil), {expression}...)"))
            }
            Kind::Slice(Some(element)) => {
                self.legacy_slice = true;
                Some(format!("append([]{element}(nil), {expression}...)"))
            }
            Kind::Slice(None) => None,
        }
    }

    fn qualifier(&mut self, site: Node, path: &str) -> Option<String> {
        let found = imports::qualifier(self.context, site, path)?;
        if let Some(edit) = found.import {
            if !self.imports.iter().any(|(known, _)| known == path) {
                self.imports.push((path.to_string(), edit));
            }
        }
        Some(found.name)
    }
}

fn piece_memories(stores: &[&Store]) -> Vec<Memory> {
    let mut memories = Vec::new();
    for store in stores {
        store.value.for_each_memory(&mut |memory, piece| {
            if piece {
                memories.push(memory.clone());
            }
        });
    }
    memories
}

/// Reports whether nothing writes the sources of the pieces after they are cut, so a
/// copy contains the same bytes as the alias would have. A parameter's or reused buffer's
/// later writes are not visible here, so such sources count as written.
fn sources_stay_unwritten(context: &Context, function: Node, interpreter: &Interpreter, memories: &[Memory]) -> bool {
    memories.iter().all(|memory| {
        if memory.origin.reused || !matches!(memory.origin.root, Root::Local(_)) {
            return false;
        }
        let Some(names) = interpreter.aliases.get(&memory.origin.root) else { return true };
        let Some(body) = function.child_by_field_name("body") else { return false };
        let cut = cutting_expression(context, memory.taken_at);
        let loop_start = enclosing_loop_start(body, memory.taken_at);
        let from = loop_start.unwrap_or(memory.taken_at);
        let imports = interpreter.symbols.imports_of(context.text);
        !names.iter().any(|name| is_written_after(body, name, from, cut.clone(), context.text, &imports))
    })
}

/// Returns the byte range of the slice expression or call that cut a piece at `offset`,
/// whose own reads of the source are not later writes.
fn cutting_expression(context: &Context, offset: usize) -> std::ops::Range<usize> {
    let Some(mut node) = context.tree.root_node().descendant_for_byte_range(offset, offset) else { return offset..offset };
    while !matches!(node.kind(), "slice_expression" | "call_expression") {
        match node.parent() {
            Some(parent) if parent.start_byte() == offset => node = parent,
            _ => return offset..offset,
        }
    }
    node.byte_range()
}

/// Returns the start of the outermost loop in `body` around `offset`: code anywhere in
/// it runs after the piece is cut, on the next iteration.
fn enclosing_loop_start(body: Node, offset: usize) -> Option<usize> {
    let mut start = None;
    syntax::walk(body, &mut |node| {
        if node.start_byte() > offset || node.end_byte() < offset || node.kind() == "func_literal" {
            return false;
        }
        if node.kind() == "for_statement" && start.is_none() {
            start = Some(node.start_byte());
        }
        true
    });
    start
}

/// Reports whether a use of `name` after `from`, outside the expression `cut`, may write
/// the memory it refers to. Writes are element assignments, `copy` or `append` into it,
/// method calls on it, and calls of functions other than the standard ones that only read.
fn is_written_after(
    body: Node,
    name: &str,
    from: usize,
    cut: std::ops::Range<usize>,
    text: &[u8],
    imports: &HashMap<String, String>,
) -> bool {
    let mut written = false;
    syntax::walk(body, &mut |node| {
        if written {
            return false;
        }
        let in_cut = cut.start <= node.start_byte() && node.end_byte() <= cut.end;
        if node.kind() == "identifier" && node.start_byte() >= from && !in_cut && syntax::text(node, text) == name {
            written = use_writes(node, text, imports);
        }
        true
    });
    written
}

fn use_writes(identifier: Node, text: &[u8], imports: &HashMap<String, String>) -> bool {
    let mut current = identifier;
    let mut through_element = false;
    while let Some(parent) = current.parent() {
        let is_operand = parent.child_by_field_name("operand").map(|o| o.id()) == Some(current.id());
        match parent.kind() {
            "index_expression" | "slice_expression" if is_operand => {
                through_element |= parent.kind() == "index_expression";
                current = parent;
            }
            "parenthesized_expression" => current = parent,
            "unary_expression" if syntax::text(parent, text).starts_with('&') => {
                through_element = true;
                current = parent;
            }
            _ => break,
        }
    }
    let Some(parent) = current.parent() else { return false };
    match parent.kind() {
        "expression_list" => {
            let holder = parent.parent();
            let on_left = holder.is_some_and(|holder| {
                holder.kind() == "assignment_statement" && holder.child_by_field_name("left").map(|l| l.id()) == Some(parent.id())
            });
            if on_left {
                return through_element;
            }
            // Returned or assigned whole: the memory leaves for code this check cannot see.
            holder.is_some_and(|holder| holder.kind() == "return_statement")
        }
        "inc_statement" | "dec_statement" => through_element,
        "argument_list" => {
            let Some(call) = parent.parent() else { return true };
            let callee = syntax::callee_text(call, text);
            let position = syntax::call_arguments(call).iter().position(|argument| argument.id() == current.id());
            match callee {
                "len" | "cap" | "string" | "print" | "println" => false,
                "copy" | "append" => position == Some(0),
                _ => !is_reading_function(callee, imports),
            }
        }
        "variadic_argument" => {
            let call = parent.parent().and_then(|list| list.parent());
            call.is_some_and(|call| {
                let callee = syntax::callee_text(call, text);
                callee != "append" && !is_reading_function(callee, imports)
            })
        }
        "selector_expression" => true,
        "send_statement" => true,
        _ => false,
    }
}

fn message(context: &Context, store: &Store, shown: Node, is_piece: bool, memories: &[Memory], family: Family) -> String {
    let expression = syntax::text(shown, context.text);
    let shown = if expression.chars().count() > 40 {
        format!("{}...", expression.chars().take(37).collect::<String>())
    } else {
        expression.to_string()
    };
    let source = memories.first().map_or("a large value".to_string(), |memory| memory.origin.description.clone());
    let keeping = match store.destination {
        Destination::Return => "returning it".to_string(),
        Destination::Channel => format!("sending it on `{}`", store.target),
        Destination::MapKey => format!("using it as a key of `{}`", store.target),
        _ => format!("storing it in `{}`", store.target),
    };
    let (relation, whole) = match (family, is_piece) {
        (Family::Slices, true) => ("shares the backing array of", "the whole array"),
        (Family::Slices, false) => ("holds subslices of", "the whole array"),
        (Family::Strings, true) => ("shares the bytes of", "the whole string"),
        (Family::Strings, false) => ("holds substrings of", "the whole string"),
    };
    format!("`{shown}` {relation} {source}, so {keeping} keeps {whole} alive; store a copy")
}
