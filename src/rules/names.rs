//! Variables and scopes read from the syntax: the uses of a name, whether a use
//! declares or assigns it, and new names that clash with nothing in a function.

use tree_sitter::Node;

use crate::syntax;

/// Returns the identifiers named `name` under `node` that refer to the same variable:
/// it skips function literals whose parameters declare the name again.
pub fn uses<'a>(node: Node<'a>, name: &str, text: &[u8]) -> Vec<Node<'a>> {
    let mut found = Vec::new();
    syntax::walk(node, &mut |inner| {
        if inner.kind() == "func_literal" {
            let parameters = inner.child_by_field_name("parameters");
            let shadows = parameters.is_some_and(|list| {
                syntax::parameter_names(list, text).iter().any(|(parameter, _)| *parameter == name)
            });
            if shadows {
                return false;
            }
        }
        if inner.kind() == "identifier" && syntax::text(inner, text) == name {
            found.push(inner);
        }
        true
    });
    found
}

/// Reports whether the identifier is declared or assigned here: `:=`, `=`, `var`, a
/// range clause, `++` or `--`.
pub fn is_declared_or_assigned(identifier: Node) -> bool {
    let Some(parent) = identifier.parent() else { return false };
    match parent.kind() {
        "var_spec" | "const_spec" | "inc_statement" | "dec_statement" => true,
        "expression_list" => parent.parent().is_some_and(|holder| {
            matches!(holder.kind(), "short_var_declaration" | "assignment_statement" | "range_clause")
                && holder.child_by_field_name("left").is_some_and(|left| left.id() == parent.id())
        }),
        _ => false,
    }
}

/// Returns `base`, or `base2`, `base3` and so on: the first name that no identifier in
/// the top-level declaration around `node` spells, so a variable declared with it
/// shadows nothing and is shadowed by nothing.
pub fn unique_name(node: Node, base: &str, text: &[u8]) -> String {
    let scope = syntax::top_level_declaration(node).unwrap_or(node);
    let mut taken = std::collections::HashSet::new();
    syntax::walk(scope, &mut |inner| {
        if matches!(inner.kind(), "identifier" | "field_identifier" | "type_identifier" | "package_identifier") {
            taken.insert(syntax::text(inner, text));
        }
        true
    });
    (1..)
        .map(|number| if number == 1 { base.to_string() } else { format!("{base}{number}") })
        .find(|candidate| !taken.contains(candidate.as_str()))
        .expect("some numbered name is free")
}

/// Returns the `for` statements around `node` inside `function`, innermost first.
/// It stops at `function`, so loops outside a function literal are not included.
pub fn enclosing_loops<'a>(node: Node<'a>, function: Node<'a>) -> Vec<Node<'a>> {
    let mut loops = Vec::new();
    let mut current = node.parent();
    while let Some(parent) = current {
        if parent.id() == function.id() {
            break;
        }
        if parent.kind() == "for_statement" {
            loops.push(parent);
        }
        current = parent.parent();
    }
    loops
}

/// Reports whether `node` runs once per iteration of `loop_node`: it sits in the
/// loop's body, condition or update, not in the range expression or initializer that
/// run once.
pub fn runs_per_iteration(node: Node, loop_node: Node) -> bool {
    if let Some(body) = loop_node.child_by_field_name("body") {
        if syntax::contains(body, node) {
            return true;
        }
    }
    syntax::named_children(loop_node).into_iter().any(|child| match child.kind() {
        "for_clause" => ["condition", "update"]
            .iter()
            .filter_map(|field| child.child_by_field_name(field))
            .any(|part| syntax::contains(part, node)),
        "range_clause" | "block" | "comment" => false,
        _ => syntax::contains(child, node),
    })
}

/// Calls `visit` on every node of `node` outside the function literals inside it.
pub fn walk_own_code<'a>(node: Node<'a>, visit: &mut dyn FnMut(Node<'a>)) {
    syntax::walk(node, &mut |inner| {
        if inner.kind() == "func_literal" {
            return false;
        }
        visit(inner);
        true
    });
}

/// Reports whether `name` is declared or assigned anywhere inside `node`, including
/// function literals.
pub fn is_changed_in(node: Node, name: &str, text: &[u8]) -> bool {
    uses(node, name, text).into_iter().any(is_declared_or_assigned)
}
