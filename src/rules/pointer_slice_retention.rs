//! pointer-slice-retention: a long-lived slice of pointers that drops an element by
//! reslicing or by shifting, so the dropped element stays in the backing array and keeps
//! what it points to alive. The fix clears the slot.
//!
//! The match starts at an assignment to a struct field or a package-level variable:
//! a queue pop `s = s[1:]`, the tuple pop `x, s = s[0], s[1:]`, or a delete
//! `s = append(s[:i], s[i+1:]...)`. The element type must visibly contain pointers, read from
//! the declaration of the field or variable. A pop gets `s[0] = zero` before it. A delete
//! becomes `slices.Delete`, which clears the vacated tail since Go 1.22. In older modules
//! a statement after the delete clears the old last element.

use tree_sitter::Node;

use super::imports;
use super::types::{self, Symbols};
use super::{Context, Rule};
use crate::fix::{Applicability, Edit, Finding};
use crate::gomod::GoVersion;
use crate::source;
use crate::syntax;

pub const RULE: Rule = Rule {
    id: "pointer-slice-retention",
    summary: "a long-lived slice of pointers drops an element by reslicing or shifting, and its backing array still points to it",
    fix_safety: "safe unless other code reads the slice's backing array beyond its length",
    go_versions: "all (slices.Delete from 1.22, a clearing statement before)",
    applies_to: |_| true,
    documentation: include_str!("../../transforms/pointer-slice-retention/README.md"),
    required_tokens: &["["],
    node_kinds: &["assignment_statement"],
    check,
};

/// The first Go version whose `slices.Delete` clears the elements it vacates.
const CLEARING_DELETE: GoVersion = GoVersion { major: 1, minor: 22 };

/// The shape of a statement that drops an element.
enum Drop<'a> {
    /// `s = s[1:]`.
    Pop,
    /// `x, s = s[0], s[1:]`: the place that receives the element.
    TuplePop { receiver: Node<'a> },
    /// `s = append(s[:i], s[i+1:]...)`, with the texts of `i` and `i+1`.
    Delete { call: Node<'a>, index: String, next: String },
}

fn check(context: &Context, statement: Node, findings: &mut Vec<Finding>) {
    let text = context.text;
    if statement.child_by_field_name("operator").is_none_or(|operator| syntax::text(operator, text) != "=") {
        return;
    }
    let left = statement.child_by_field_name("left").map(syntax::named_children).unwrap_or_default();
    let right = statement.child_by_field_name("right").map(syntax::named_children).unwrap_or_default();
    let Some((slice, drop)) = match_drop(&left, &right, text) else { return };
    let slice_text = syntax::text(slice, text);

    if !is_long_lived(context, slice) {
        return;
    }
    let symbols = Symbols::new(context);
    let Some(zero) = element_zero_value(context, &symbols, slice) else { return };
    if !matches!(drop, Drop::Delete { .. }) && is_cleared_before(statement, slice_text, text) {
        return;
    }
    if matches!(drop, Drop::Delete { .. }) && is_cleared_after(statement, slice_text, text) {
        return;
    }
    if !in_statement_list(context, statement) {
        return;
    }

    let (indentation, ending) = layout(context, statement);
    let clear_first = format!("{slice_text}[0] = {zero}");
    let (edits, message) = match &drop {
        Drop::Pop => (
            vec![Edit::insert(statement.start_byte(), format!("{clear_first}{ending}{indentation}"))],
            format!(
                "`{slice_text} = {slice_text}[1:]` drops the first element but the backing array still points to it, \
                 which keeps it alive; clear `{slice_text}[0]` first"
            ),
        ),
        Drop::TuplePop { receiver } => {
            let receiver_text = syntax::text(*receiver, text);
            let mut lines = Vec::new();
            if receiver_text != "_" {
                lines.push(format!("{receiver_text} = {slice_text}[0]"));
            }
            lines.push(clear_first);
            lines.push(format!("{slice_text} = {slice_text}[1:]"));
            let separator = format!("{ending}{indentation}");
            (
                vec![Edit::replace(statement.byte_range(), lines.join(&separator))],
                format!(
                    "popping with `{}` leaves the element in the backing array of `{slice_text}`, which keeps it alive; \
                     clear `{slice_text}[0]` before reslicing",
                    syntax::text(statement, text)
                ),
            )
        }
        Drop::Delete { call, index, next } => {
            let qualifier = (context.go_version >= CLEARING_DELETE)
                .then(|| imports::qualifier(context, statement, "slices"))
                .flatten();
            match qualifier {
                Some(found) => {
                    let mut edits = vec![Edit::replace(call.byte_range(), format!("{}.Delete({slice_text}, {index}, {next})", found.name))];
                    edits.extend(found.import);
                    (
                        edits,
                        format!(
                            "deleting with append leaves the last element of `{slice_text}` duplicated past its length, which keeps \
                             it alive; slices.Delete clears it"
                        ),
                    )
                }
                None => (
                    vec![Edit::insert(
                        statement.end_byte(),
                        format!("{ending}{indentation}{slice_text}[:len({slice_text})+1][len({slice_text})] = {zero}"),
                    )],
                    format!(
                        "deleting with append leaves the last element of `{slice_text}` duplicated past its length, which keeps \
                         it alive; clear the old last element"
                    ),
                ),
            }
        }
    };

    let applicability = if is_aliased(&symbols, slice, text) { Applicability::Unsafe } else { Applicability::Safe };
    findings.push(Finding { rule: RULE.id, range: statement.byte_range(), message, applicability, edits });
}

/// Matches a pop or delete and returns the slice it changes.
fn match_drop<'a>(left: &[Node<'a>], right: &[Node<'a>], text: &[u8]) -> Option<(Node<'a>, Drop<'a>)> {
    match (left, right) {
        ([target], [value]) => {
            let value = unparenthesized(*value);
            if is_rest_after_first(value, target, text) {
                return Some((*target, Drop::Pop));
            }
            delete_of(value, target, text).map(|drop| (*target, drop))
        }
        ([first, second], [first_value, second_value]) => {
            let pairs = [(first, second, first_value, second_value), (second, first, second_value, first_value)];
            pairs.into_iter().find_map(|(slice, receiver, rest, head)| {
                let rest = unparenthesized(*rest);
                let head = unparenthesized(*head);
                let is_head = head.kind() == "index_expression"
                    && head.child_by_field_name("operand").is_some_and(|o| same_text(o, *slice, text))
                    && head.child_by_field_name("index").is_some_and(|i| syntax::text(i, text) == "0");
                (is_head && is_rest_after_first(rest, slice, text)).then_some((*slice, Drop::TuplePop { receiver: *receiver }))
            })
        }
        _ => None,
    }
}

/// Reports whether `value` is `target[1:]`.
fn is_rest_after_first(value: Node, target: &Node, text: &[u8]) -> bool {
    value.kind() == "slice_expression"
        && value.child_by_field_name("operand").is_some_and(|operand| same_text(operand, *target, text))
        && value.child_by_field_name("start").is_some_and(|start| syntax::text(start, text) == "1")
        && value.child_by_field_name("end").is_none()
        && value.child_by_field_name("capacity").is_none()
}

/// Matches `append(target[:i], target[i+1:]...)`.
fn delete_of<'a>(value: Node<'a>, target: &Node, text: &[u8]) -> Option<Drop<'a>> {
    if value.kind() != "call_expression" || syntax::callee_text(value, text) != "append" {
        return None;
    }
    let arguments = syntax::call_arguments(value);
    let [head, tail] = arguments.as_slice() else { return None };
    if head.kind() != "slice_expression" || tail.kind() != "variadic_argument" {
        return None;
    }
    let tail = unparenthesized(tail.named_child(0)?);
    let same_operands = [*head, tail]
        .iter()
        .all(|slice| slice.child_by_field_name("operand").is_some_and(|operand| same_text(operand, *target, text)));
    if !same_operands || tail.kind() != "slice_expression" {
        return None;
    }
    let head_starts_at_zero = head.child_by_field_name("start").is_none_or(|start| syntax::text(start, text) == "0");
    if !head_starts_at_zero || head.child_by_field_name("capacity").is_some() || tail.child_by_field_name("end").is_some() {
        return None;
    }
    let index = syntax::text(head.child_by_field_name("end")?, text).to_string();
    let next = syntax::text(tail.child_by_field_name("start")?, text).to_string();
    if !is_successor(&index, &next) {
        return None;
    }
    Some(Drop::Delete { call: value, index, next })
}

/// Reports whether `next` is `index + 1` as written: `i+1` for `i`, or `4` for `3`.
fn is_successor(index: &str, next: &str) -> bool {
    let compact = |text: &str| text.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    if let (Ok(index), Ok(next)) = (index.parse::<u64>(), next.parse::<u64>()) {
        return next == index + 1;
    }
    let index = compact(index);
    let next = compact(next);
    next == format!("{index}+1") || (index.contains(['+', '-', '*', '/']) && next == format!("({index})+1"))
}

fn same_text(a: Node, b: Node, text: &[u8]) -> bool {
    syntax::text(a, text) == syntax::text(b, text)
}

fn unparenthesized(node: Node) -> Node {
    let mut current = node;
    while current.kind() == "parenthesized_expression" {
        match current.named_child(0) {
            Some(inner) => current = inner,
            None => break,
        }
    }
    current
}

/// Reports whether the slice lives beyond the function: a field, or a package-level
/// variable that no declaration in the function shadows.
fn is_long_lived(context: &Context, slice: Node) -> bool {
    match slice.kind() {
        "selector_expression" => true,
        "identifier" => {
            let name = syntax::text(slice, context.text);
            package_variable_spec(context, name).is_some() && !is_declared_locally(slice, name, context.text)
        }
        _ => false,
    }
}

/// Reports whether the function around `node` declares `name` as a parameter, receiver,
/// result or local variable.
fn is_declared_locally(node: Node, name: &str, text: &[u8]) -> bool {
    let Some(function) = syntax::top_level_declaration(node) else { return false };
    let mut declared = false;
    syntax::walk(function, &mut |inner| {
        let names: Vec<Node> = match inner.kind() {
            "parameter_declaration" | "variadic_parameter_declaration" | "var_spec" | "const_spec" => {
                let mut cursor = inner.walk();
                inner.children_by_field_name("name", &mut cursor).collect()
            }
            "short_var_declaration" | "range_clause" => inner.child_by_field_name("left").map(syntax::named_children).unwrap_or_default(),
            _ => Vec::new(),
        };
        declared |= names.iter().any(|n| syntax::text(*n, text) == name);
        !declared
    });
    declared
}

/// Finds the package-level `var` spec that declares `name`, with its file's text.
fn package_variable_spec<'a>(context: &Context<'a>, name: &str) -> Option<(Node<'a>, &'a [u8])> {
    let mut trees: Vec<(&'a tree_sitter::Tree, &'a [u8])> = vec![(context.tree, context.text)];
    trees.extend(context.package.files_of(context.package_name, context.path).map(|file| (&file.tree, file.text.as_slice())));
    for (tree, text) in trees {
        for declaration in syntax::named_children(tree.root_node()).into_iter().filter(|d| d.kind() == "var_declaration") {
            let mut found = None;
            syntax::walk(declaration, &mut |node| {
                if node.kind() == "var_spec" {
                    let mut cursor = node.walk();
                    if node.children_by_field_name("name", &mut cursor).any(|n| syntax::text(n, text) == name) {
                        found = Some(node);
                    }
                    return false;
                }
                true
            });
            if let Some(spec) = found {
                return Some((spec, text));
            }
        }
    }
    None
}

/// Returns the zero value that clears an element of the slice, when the declaration of
/// the field or variable shows an element type that contains pointers.
fn element_zero_value(context: &Context, symbols: &Symbols, slice: Node) -> Option<String> {
    let declared = declared_slice_types(context, symbols, slice);
    let mut zero: Option<String> = None;
    if declared.is_empty() {
        return None;
    }
    for (type_node, text) in declared {
        let (element, element_text) = element_type(type_node, text, symbols)?;
        let value = zero_value_holding_pointers(element, element_text, symbols, 0)?;
        match &zero {
            Some(existing) if *existing != value => return None,
            _ => zero = Some(value),
        }
    }
    zero
}

/// Returns the element type of a slice type and the text it is read from, following a
/// named slice type of the package.
fn element_type<'a>(type_node: Node<'a>, text: &'a [u8], symbols: &Symbols<'a>) -> Option<(Node<'a>, &'a [u8])> {
    match type_node.kind() {
        "slice_type" => type_node.child_by_field_name("element").map(|element| (element, text)),
        "type_identifier" => {
            let declared = symbols.find_type(syntax::text(type_node, text))?;
            if declared.node.kind() != "slice_type" {
                return None;
            }
            declared.node.child_by_field_name("element").map(|element| (element, declared.text))
        }
        _ => None,
    }
}

/// Returns the declared types of the slice: of the field in every struct of the package
/// that could be meant, or of the package-level variable.
fn declared_slice_types<'a>(context: &Context<'a>, symbols: &Symbols<'a>, slice: Node) -> Vec<(Node<'a>, &'a [u8])> {
    let text = context.text;
    match slice.kind() {
        "identifier" => {
            let Some((spec, spec_text)) = package_variable_spec(context, syntax::text(slice, text)) else { return Vec::new() };
            if let Some(type_node) = spec.child_by_field_name("type") {
                return vec![(type_node, spec_text)];
            }
            let value = spec.child_by_field_name("value").and_then(|values| values.named_child(0));
            let constructed = value.and_then(|value| match value.kind() {
                "composite_literal" => value.child_by_field_name("type"),
                "call_expression" if syntax::callee_text(value, spec_text) == "make" => syntax::call_arguments(value).first().copied(),
                _ => None,
            });
            constructed.map(|type_node| vec![(type_node, spec_text)]).unwrap_or_default()
        }
        "selector_expression" => {
            let Some(field) = slice.child_by_field_name("field") else { return Vec::new() };
            let field_name = syntax::text(field, text);
            if let Some(owner) = receiver_struct(context, symbols, slice) {
                return types::struct_fields(owner.node, owner.text)
                    .into_iter()
                    .filter(|(name, _)| name == field_name)
                    .map(|(_, type_node)| (type_node, owner.text))
                    .collect();
            }
            fields_named(symbols, field_name)
        }
        _ => Vec::new(),
    }
}

/// Returns the struct type of the method's receiver when the slice is a field of it.
fn receiver_struct<'a>(context: &Context<'a>, symbols: &Symbols<'a>, slice: Node) -> Option<types::TypeRef<'a>> {
    let operand = slice.child_by_field_name("operand").filter(|o| o.kind() == "identifier")?;
    let method = syntax::top_level_declaration(slice).filter(|d| d.kind() == "method_declaration")?;
    if crate::package::receiver_name(method, context.text)? != syntax::text(operand, context.text) {
        return None;
    }
    let type_name = crate::package::receiver_type_name(method, context.text)?;
    symbols.find_type(&type_name).filter(|found| found.node.kind() == "struct_type")
}

/// Returns the types of all struct fields named `name` in the package.
fn fields_named<'a>(symbols: &Symbols<'a>, name: &str) -> Vec<(Node<'a>, &'a [u8])> {
    let mut found = Vec::new();
    for &(tree, text) in symbols.files() {
        syntax::walk(tree.root_node(), &mut |node| {
            if node.kind() == "struct_type" {
                for (field, type_node) in types::struct_fields(node, text) {
                    if field == name {
                        found.push((type_node, text));
                    }
                }
            }
            true
        });
    }
    found
}

/// Returns the zero value of a type that contains pointers: `nil` for pointers, maps,
/// slices, channels, functions and interfaces, `T{}` for a struct type of the package
/// with such a field. None when the syntax does not show pointers.
fn zero_value_holding_pointers(type_node: Node, text: &[u8], symbols: &Symbols, depth: usize) -> Option<String> {
    if depth > 4 {
        return None;
    }
    match type_node.kind() {
        "pointer_type" | "map_type" | "slice_type" | "channel_type" | "function_type" | "interface_type" => Some("nil".to_string()),
        "type_identifier" => {
            let name = syntax::text(type_node, text);
            match name {
                "any" | "error" => return Some("nil".to_string()),
                "string" | "bool" | "byte" | "rune" | "int" | "int8" | "int16" | "int32" | "int64" | "uint" | "uint8" | "uint16"
                | "uint32" | "uint64" | "uintptr" | "float32" | "float64" | "complex64" | "complex128" => return None,
                _ => {}
            }
            let declared = symbols.find_type(name)?;
            if declared.node.kind() == "struct_type" {
                let holds = types::struct_fields(declared.node, declared.text)
                    .into_iter()
                    .any(|(_, field)| zero_value_holding_pointers(field, declared.text, symbols, depth + 1).is_some());
                return holds.then(|| format!("{name}{{}}"));
            }
            zero_value_holding_pointers(declared.node, declared.text, symbols, depth + 1)
                .filter(|zero| zero == "nil")
        }
        "parenthesized_type" => type_node.named_child(0).and_then(|inner| zero_value_holding_pointers(inner, text, symbols, depth)),
        _ => None,
    }
}

/// Reports whether a statement just before `statement` in its block already clears
/// `slice[0]`.
fn is_cleared_before(statement: Node, slice: &str, text: &[u8]) -> bool {
    let target = format!("{slice}[0]");
    let mut previous = statement.prev_named_sibling();
    while let Some(node) = previous {
        if node.kind() != "comment" {
            return assigns_to(node, &target, text);
        }
        previous = node.prev_named_sibling();
    }
    false
}

/// Reports whether the statement after a delete already clears the old last element.
fn is_cleared_after(statement: Node, slice: &str, text: &[u8]) -> bool {
    let mut next = statement.next_named_sibling();
    while let Some(node) = next {
        if node.kind() != "comment" {
            let left = node.child_by_field_name("left").map_or("", |left| syntax::text(left, text));
            return node.kind() == "assignment_statement" && left.starts_with(slice) && left.contains("len(");
        }
        next = node.next_named_sibling();
    }
    false
}

fn assigns_to(statement: Node, target: &str, text: &[u8]) -> bool {
    statement.kind() == "assignment_statement"
        && statement
            .child_by_field_name("left")
            .is_some_and(|left| syntax::named_children(left).iter().any(|place| syntax::text(*place, text).replace(' ', "") == target.replace(' ', "")))
}

/// Reports whether a statement sits in a statement list and starts its line, so that
/// statements can go before and after it.
fn in_statement_list(context: &Context, statement: Node) -> bool {
    let in_list = statement.parent().is_some_and(|parent| parent.kind() == "statement_list");
    let line_start = context.text[..statement.start_byte()].iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    in_list && context.text[line_start..statement.start_byte()].iter().all(|b| *b == b' ' || *b == b'\t')
}

fn layout(context: &Context, statement: Node) -> (String, &'static str) {
    let indentation = String::from_utf8_lossy(source::indentation_at(context.text, statement.start_byte())).into_owned();
    (indentation, source::line_ending_at(context.text, statement.start_byte()))
}

/// Reports whether code in the package may hold another view of the slice's backing
/// array: the field or variable read into another variable, returned, passed to a call
/// other than `len`, `cap` and `append`, or sliced into something other than itself.
/// Such a view could read the cleared slot.
fn is_aliased(symbols: &Symbols, slice: Node, text: &[u8]) -> bool {
    let (name, is_field) = match slice.kind() {
        "selector_expression" => match slice.child_by_field_name("field") {
            Some(field) => (syntax::text(field, text).to_string(), true),
            None => return true,
        },
        _ => (syntax::text(slice, text).to_string(), false),
    };
    let mut aliased = false;
    for &(tree, file_text) in symbols.files() {
        syntax::walk(tree.root_node(), &mut |node| {
            if aliased {
                return false;
            }
            let mention = if is_field {
                node.kind() == "selector_expression"
                    && node.child_by_field_name("field").is_some_and(|field| syntax::text(field, file_text) == name)
            } else {
                node.kind() == "identifier" && syntax::text(node, file_text) == name
            };
            if mention {
                aliased = is_aliasing_use(node, file_text);
                return false;
            }
            true
        });
    }
    aliased
}

/// Reports whether one mention of the slice hands its backing array to other code.
fn is_aliasing_use(mention: Node, text: &[u8]) -> bool {
    let mention_text = syntax::text(mention, text);
    let mut current = mention;
    // A slice of the slice is still a view of the array; an element read is not.
    while let Some(parent) = current.parent() {
        let is_operand = parent.child_by_field_name("operand").map(|o| o.id()) == Some(current.id());
        match parent.kind() {
            "slice_expression" if is_operand => current = parent,
            "parenthesized_expression" => current = parent,
            "index_expression" if is_operand => return false,
            _ => break,
        }
    }
    let Some(parent) = current.parent() else { return false };
    match parent.kind() {
        "expression_list" => {
            let Some(holder) = parent.parent() else { return true };
            match holder.kind() {
                "assignment_statement" | "short_var_declaration" => {
                    let on_left = holder.child_by_field_name("left").map(|l| l.id()) == Some(parent.id());
                    if on_left {
                        return !assigns_owned_array(holder, parent, current, text);
                    }
                    // `s = s[1:]` and `s = s[:n]` keep the view in the same place.
                    let position = syntax::named_children(parent).iter().position(|n| n.id() == current.id());
                    let target = holder
                        .child_by_field_name("left")
                        .and_then(|left| position.and_then(|p| syntax::named_children(left).get(p).copied()));
                    !target.is_some_and(|target| syntax::text(target, text) == mention_text)
                }
                "range_clause" | "expression_switch_statement" => false,
                _ => true,
            }
        }
        "argument_list" => {
            let Some(call) = parent.parent() else { return true };
            let callee = syntax::callee_text(call, text);
            match callee {
                "len" | "cap" | "clear" => false,
                // `s = append(s, x)` and `append(s[:i], s[i+1:]...)` write back into s.
                "append" => !assigned_back(call, mention_text, text),
                _ => !(callee.ends_with(".Delete") && assigned_back(call, mention_text, text)),
            }
        }
        // Spreading the slice into `append` copies its elements.
        "variadic_argument" => {
            let call = parent.parent().and_then(|list| list.parent());
            !call.is_some_and(|call| syntax::callee_text(call, text) == "append")
        }
        "range_clause" => false,
        "for_statement" | "if_statement" | "binary_expression" | "unary_expression" => false,
        "return_statement" | "send_statement" | "composite_literal" | "keyed_element" | "literal_element" => true,
        _ => false,
    }
}

/// Reports whether the value assigned to the slice at `place` (in the expression list
/// `left` of `statement`) gives it an array no other code refers to: its own reslice or
/// `append`, `make`, a composite literal, or nil. Any other value, such as a parameter,
/// may share its array with the code that passed it.
fn assigns_owned_array(statement: Node, left: Node, place: Node, text: &[u8]) -> bool {
    let Some(position) = syntax::named_children(left).iter().position(|n| n.id() == place.id()) else { return false };
    let right = statement.child_by_field_name("right").map(syntax::named_children).unwrap_or_default();
    let Some(value) = right.get(position).map(|value| unparenthesized(*value)) else { return false };
    let place_text = syntax::text(place, text);
    match value.kind() {
        "nil" | "composite_literal" => true,
        "slice_expression" => value.child_by_field_name("operand").is_some_and(|operand| syntax::text(operand, text) == place_text),
        "call_expression" => {
            let callee = syntax::callee_text(value, text);
            let first = syntax::call_arguments(value).first().map(|argument| syntax::text(unparenthesized(*argument), text));
            match callee {
                "make" => true,
                "append" => first.is_some_and(|first| first == place_text || first.starts_with(&format!("{place_text}["))),
                _ => callee.ends_with(".Delete") && first == Some(place_text),
            }
        }
        _ => false,
    }
}

/// Reports whether `call` is the right side of `place = call`.
fn assigned_back(call: Node, place: &str, text: &[u8]) -> bool {
    let Some(list) = call.parent().filter(|p| p.kind() == "expression_list") else { return false };
    let Some(statement) = list.parent().filter(|p| p.kind() == "assignment_statement") else { return false };
    statement.child_by_field_name("left").is_some_and(|left| syntax::text(left, text) == place)
}

#[cfg(test)]
mod tests {
    use super::is_successor;

    #[test]
    fn successor_indexes() {
        assert!(is_successor("i", "i+1"));
        assert!(is_successor("i", "i + 1"));
        assert!(is_successor("0", "1"));
        assert!(is_successor("n-1", "(n-1)+1"));
        assert!(!is_successor("i", "j+1"));
        assert!(!is_successor("i", "i+2"));
    }
}
