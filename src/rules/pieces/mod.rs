//! The analysis behind `subslice-retention` and `substring-retention`: pieces of large
//! buffers and strings that a function stores where they outlive the buffer they share.
//!
//! `interpret` follows values through one function and the functions it calls, and
//! records every store beyond the function. This module keeps the stores that hold a piece
//! of a source the syntax shows to be large: one the function makes itself, or a parameter
//! for which every caller in the package passes such a value. `fixes` turns each kept store
//! into a copy of the piece.
//!
//! NOTE: these two rules declare no prefilter tokens, so every file is parsed and
//! interpreted. On etcd they take about 4.5 s each against under 1 s to parse the same
//! files, which makes them most of the cost of a full run.

mod fixes;
mod interpret;
mod sources;
mod value;

use std::collections::{HashMap, HashSet};

use tree_sitter::Node;

use super::types::Symbols;
use super::Context;
use crate::fix::Finding;
use crate::syntax;
use interpret::{Destination, Interpreter, Store};
use value::{Memory, Root};

/// How many callers up the check follows a parameter to find a large argument.
const MAX_CALLER_DEPTH: usize = 2;

/// The pieces a rule reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// Subslices of byte slices and other slices.
    Slices,
    /// Substrings.
    Strings,
}

impl Family {
    pub(super) fn includes(self, memory: &Memory) -> bool {
        match self {
            Family::Strings => memory.kind.is_string(),
            Family::Slices => !memory.kind.is_string(),
        }
    }
}

/// Reports, in the file whose package clause is `clause`, the stores that keep pieces of
/// `family` beyond their source. The rules start from the package clause so that the
/// package's declarations are indexed once per file rather than once per function.
pub fn check_file(context: &Context, clause: Node, family: Family, rule: &'static str, findings: &mut Vec<Finding>) {
    let Some(root) = clause.parent() else { return };
    let symbols = Symbols::new(context);
    for declaration in syntax::named_children(root) {
        let is_function = matches!(declaration.kind(), "function_declaration" | "method_declaration");
        if is_function && !declaration.has_error() {
            check_function(context, &symbols, declaration, family, rule, findings);
        }
    }
}

/// Reports the stores of `function` that keep pieces of `family` beyond their source.
fn check_function<'a>(
    context: &Context<'a>,
    symbols: &Symbols<'a>,
    function: Node<'a>,
    family: Family,
    rule: &'static str,
    findings: &mut Vec<Finding>,
) {
    let Some(body) = function.child_by_field_name("body") else { return };
    if body.named_child_count() == 0 {
        return;
    }
    let mut interpreter = Interpreter::new(symbols);
    interpreter.run(function, context.text);
    let stores = std::mem::take(&mut interpreter.stores);
    if stores.is_empty() {
        return;
    }

    let kept_whole = roots_stored_whole(&stores);
    let mut callers = CallerCache::default();
    let mut kept: Vec<Store> = Vec::new();
    for store in stores {
        let filtered = store.value.retain_pieces(&|memory| {
            family.includes(memory)
                && !kept_whole.contains(&memory.origin.root)
                && (store.destination != Destination::Return || is_returned_source(memory))
        });
        if !filtered.has_pieces() {
            continue;
        }
        let mut parameters = Vec::new();
        filtered.for_each_memory(&mut |memory, piece| {
            if let (true, Root::Parameter(position)) = (piece, &memory.origin.root) {
                parameters.push(*position);
            }
        });
        if !parameters.iter().all(|position| callers.pass_large(context, symbols, function, context.text, *position, 0)) {
            continue;
        }
        kept.push(Store { value: filtered, ..store });
    }

    let mut statements: Vec<Node> = Vec::new();
    for store in &kept {
        if !statements.iter().any(|statement| statement.id() == store.statement.id()) {
            statements.push(store.statement);
        }
    }
    for statement in statements {
        let group: Vec<&Store> = kept.iter().filter(|store| store.statement.id() == statement.id()).collect();
        if let Some(finding) = fixes::finding(context, function, &interpreter, &group, family, rule) {
            findings.push(finding);
        }
    }
}

/// Reports whether returning a piece of this memory keeps more than the caller expects: the
/// function made the buffer itself. A reused `bufio` or `bytes.Buffer` buffer is left out,
/// because a function returning its view hands on the same contract that `Peek` or
/// `ReadSlice` has: the bytes are valid until the next read.
fn is_returned_source(memory: &Memory) -> bool {
    matches!(memory.origin.root, Root::Local(_)) && !memory.origin.reused
}

/// Returns the sources that the function also stores whole: a piece of them keeps
/// nothing that is not kept anyway.
fn roots_stored_whole(stores: &[Store]) -> HashSet<Root> {
    let mut roots = HashSet::new();
    for store in stores {
        store.value.for_each_memory(&mut |memory, piece| {
            if !piece {
                roots.insert(memory.origin.root.clone());
            }
        });
    }
    roots
}

/// Cache of whether every caller passes a large value, per function and parameter.
#[derive(Default)]
struct CallerCache {
    answers: HashMap<(usize, usize), bool>,
}

impl CallerCache {
    /// Reports whether every call of `function` in the package passes, at `position`, a
    /// large value or a piece of one, and there is at least one call. Calls from test
    /// files count only for a function of a test file.
    fn pass_large<'a>(&mut self, context: &Context<'a>, symbols: &Symbols<'a>, function: Node<'a>, text: &'a [u8], position: usize, depth: usize) -> bool {
        let key = (function.id(), position);
        if let Some(answer) = self.answers.get(&key) {
            return *answer;
        }
        // A cycle of calls counts as no evidence.
        self.answers.insert(key, false);
        let answer = self.find_large_arguments(context, symbols, function, text, position, depth);
        self.answers.insert(key, answer);
        answer
    }

    fn find_large_arguments<'a>(&mut self, context: &Context<'a>, symbols: &Symbols<'a>, function: Node<'a>, text: &'a [u8], position: usize, depth: usize) -> bool {
        let Some(name_node) = function.child_by_field_name("name") else { return false };
        let name = syntax::text(name_node, text);
        let is_method = function.kind() == "method_declaration";
        let declared_in_test = is_test_text(context, text);

        let mut sites: Vec<(Node<'a>, &'a [u8])> = Vec::new();
        let mut other_uses = false;
        for &(tree, file_text) in symbols.files() {
            if !declared_in_test && is_test_text(context, file_text) {
                continue;
            }
            syntax::walk(tree.root_node(), &mut |node| {
                let matches_name = match node.kind() {
                    "identifier" if !is_method => syntax::text(node, file_text) == name,
                    "field_identifier" if is_method => syntax::text(node, file_text) == name,
                    _ => false,
                };
                if !matches_name || node.id() == name_node.id() {
                    return true;
                }
                let callee = if is_method { node.parent().filter(|p| p.kind() == "selector_expression") } else { Some(node) };
                let call = callee.and_then(|callee| {
                    callee
                        .parent()
                        .filter(|p| p.kind() == "call_expression" && p.child_by_field_name("function").map(|f| f.id()) == Some(callee.id()))
                });
                match call {
                    Some(call) => sites.push((call, file_text)),
                    None if is_method && node.parent().is_some_and(|p| p.kind() != "selector_expression") => {}
                    None => other_uses = true,
                }
                true
            });
        }
        if other_uses || sites.is_empty() {
            return false;
        }

        for (call, file_text) in sites {
            let Some(argument) = syntax::call_arguments(call).get(position).copied() else { return false };
            if argument.kind() == "variadic_argument" {
                return false;
            }
            let Some(caller) = top_level_function(call) else { return false };
            let mut interpreter = Interpreter::new(symbols);
            let value = interpreter.value_at_in(caller, file_text, argument);
            let Some(value) = value else { return false };
            let mut memories: Vec<Memory> = Vec::new();
            if let value::Value::Large(memory) | value::Value::Piece(memory) = &value {
                memories.push(memory.clone());
            }
            let Some(memory) = memories.pop() else { return false };
            let large = match memory.origin.root {
                Root::Local(_) => true,
                Root::Parameter(next) => depth < MAX_CALLER_DEPTH && self.pass_large(context, symbols, caller, file_text, next, depth + 1),
            };
            if !large {
                return false;
            }
        }
        true
    }
}

/// Reports whether `text` is the text of a `_test.go` file of the package.
fn is_test_text(context: &Context, text: &[u8]) -> bool {
    if std::ptr::eq(text.as_ptr(), context.text.as_ptr()) {
        return context.path.to_string_lossy().ends_with("_test.go");
    }
    context
        .package
        .files_of(context.package_name, context.path)
        .find(|file| std::ptr::eq(file.text.as_ptr(), text.as_ptr()))
        .is_some_and(|file| file.path.to_string_lossy().ends_with("_test.go"))
}

fn top_level_function(node: Node) -> Option<Node> {
    let declaration = syntax::top_level_declaration(node)?;
    matches!(declaration.kind(), "function_declaration" | "method_declaration").then_some(declaration)
}
