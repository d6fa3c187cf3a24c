//! Evaluating constant duration expressions such as `5 * time.Second`, `interval / 2`
//! with `const interval = time.Minute`, or `time.Duration(n) * time.Millisecond` with a
//! constant `n`, in nanoseconds.

use tree_sitter::Node;

use super::{names, Context};
use crate::syntax;

/// Maximum depth of named constants that refer to other named constants.
const MAX_DEPTH: u32 = 8;

/// The value of a constant, with whether it is an integer (which decides how `/`
/// divides).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Value {
    number: f64,
    integer: bool,
}

/// Reports whether `expression` is a constant that is greater than zero.
pub fn is_positive(context: &Context, expression: Node, function: Node) -> bool {
    evaluate(context, expression, context.text, function, 0).is_some_and(|value| value.number > 0.0)
}

/// Returns the value of `node` when it is a constant the syntax shows, in nanoseconds
/// for durations.
fn evaluate(context: &Context, node: Node, text: &[u8], function: Node, depth: u32) -> Option<Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    let recurse = |inner: Node| evaluate(context, inner, text, function, depth);
    match node.kind() {
        "int_literal" => parse_integer(syntax::text(node, text)).map(|number| Value { number, integer: true }),
        "float_literal" => {
            let digits = syntax::text(node, text).replace('_', "");
            digits.parse().ok().map(|number| Value { number, integer: false })
        }
        "parenthesized_expression" => recurse(node.named_child(0)?),
        "selector_expression" => time_unit(syntax::text(node, text)).map(|number| Value { number, integer: true }),
        "identifier" => named_constant(context, syntax::text(node, text), text, function, depth),
        "call_expression" => {
            let conversion = matches!(
                syntax::callee_text(node, text),
                "time.Duration" | "int" | "int32" | "int64" | "uint" | "uint32" | "uint64" | "float64"
            );
            let [argument] = syntax::call_arguments(node)[..] else { return None };
            if conversion { recurse(argument) } else { None }
        }
        "unary_expression" => {
            let operand = recurse(node.child_by_field_name("operand")?)?;
            match syntax::text(node.child_by_field_name("operator")?, text) {
                "-" => Some(Value { number: -operand.number, ..operand }),
                "+" => Some(operand),
                _ => None,
            }
        }
        "binary_expression" => {
            let left = recurse(node.child_by_field_name("left")?)?;
            let right = recurse(node.child_by_field_name("right")?)?;
            let integer = left.integer && right.integer;
            let number = match syntax::text(node.child_by_field_name("operator")?, text) {
                "+" => left.number + right.number,
                "-" => left.number - right.number,
                "*" => left.number * right.number,
                "/" if right.number == 0.0 => return None,
                "/" if integer => (left.number / right.number).trunc(),
                "/" => left.number / right.number,
                _ => return None,
            };
            Some(Value { number, integer })
        }
        _ => None,
    }
}

/// Parses a Go integer literal: decimal, `0x`, `0o`, `0b` or old-style octal, with `_`.
fn parse_integer(literal: &str) -> Option<f64> {
    let digits = literal.replace('_', "").to_ascii_lowercase();
    let (radix, body) = if let Some(rest) = digits.strip_prefix("0x") {
        (16, rest.to_string())
    } else if let Some(rest) = digits.strip_prefix("0o") {
        (8, rest.to_string())
    } else if let Some(rest) = digits.strip_prefix("0b") {
        (2, rest.to_string())
    } else if digits.len() > 1 && digits.starts_with('0') {
        (8, digits[1..].to_string())
    } else {
        (10, digits)
    };
    u64::from_str_radix(&body, radix).ok().map(|value| value as f64)
}

/// Returns the length of a unit of the time package in nanoseconds.
fn time_unit(selector: &str) -> Option<f64> {
    let nanoseconds = match selector {
        "time.Nanosecond" => 1.0,
        "time.Microsecond" => 1e3,
        "time.Millisecond" => 1e6,
        "time.Second" => 1e9,
        "time.Minute" => 60e9,
        "time.Hour" => 3600e9,
        _ => return None,
    };
    Some(nanoseconds)
}

/// Evaluates the constant `name`, declared in `function` or at the top level of a file
/// of the package, provided `function` does not declare a variable of that name.
fn named_constant(context: &Context, name: &str, text: &[u8], function: Node, depth: u32) -> Option<Value> {
    let shadowed = names::uses(function, name, text).into_iter().any(|identifier| {
        names::is_declared_or_assigned(identifier)
            && identifier.parent().is_none_or(|parent| parent.kind() != "const_spec")
    });
    if shadowed || parameter_named(function, name, text) {
        return None;
    }
    if let Some(value) = constant_value_in(function, name, text) {
        return evaluate(context, value, text, function, depth + 1);
    }

    let mut found = None;
    context.for_each_file(&mut |tree, file_text| {
        if found.is_some() {
            return;
        }
        for declaration in syntax::named_children(tree.root_node()) {
            if declaration.kind() != "const_declaration" {
                continue;
            }
            if let Some(value) = constant_value_in(declaration, name, file_text) {
                // A constant in another file is evaluated against that file's text.
                let context = Context { text: file_text, tree, ..*context };
                found = evaluate(&context, value, file_text, value, depth + 1);
                return;
            }
        }
    });
    found
}

fn parameter_named(function: Node, name: &str, text: &[u8]) -> bool {
    function
        .child_by_field_name("parameters")
        .is_some_and(|parameters| syntax::parameter_names(parameters, text).iter().any(|(parameter, _)| *parameter == name))
}

/// Returns the value expression of `const name = value` under `node`. A constant
/// whose value is implicit (repeated from the line above, or `iota`) has none.
fn constant_value_in<'a>(node: Node<'a>, name: &str, text: &[u8]) -> Option<Node<'a>> {
    let mut value = None;
    syntax::walk(node, &mut |inner| {
        if value.is_some() {
            return false;
        }
        if inner.kind() == "const_spec" {
            let mut cursor = inner.walk();
            let declared: Vec<Node> = inner.children_by_field_name("name", &mut cursor).filter(|n| n.kind() == "identifier").collect();
            if let Some(position) = declared.iter().position(|n| syntax::text(*n, text) == name) {
                let values = inner.child_by_field_name("value").map(syntax::named_children).unwrap_or_default();
                value = values.get(position).copied().filter(|expression| !syntax::text(*expression, text).contains("iota"));
                return false;
            }
        }
        true
    });
    value
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::gomod::GoVersion;
    use crate::package::PackageIndex;

    /// Evaluates the value assigned to `d` in the first function of `source`.
    fn positive(source: &str) -> bool {
        let text = format!("package p\n\nimport \"time\"\n\n{source}\n");
        let tree = syntax::parse(text.as_bytes());
        let package = PackageIndex::empty();
        let context = Context {
            path: Path::new("p.go"),
            text: text.as_bytes(),
            tree: &tree,
            package: &package,
            package_name: "p",
            go_version: GoVersion::NEWEST,
        };
        let mut found = None;
        syntax::walk(tree.root_node(), &mut |node| {
            if found.is_none() && node.kind() == "call_expression" && syntax::callee_text(node, text.as_bytes()) == "use" {
                found = Some(node);
            }
            found.is_none()
        });
        let call = found.expect("the source calls use(d)");
        let argument = syntax::call_arguments(call)[0];
        let function = syntax::enclosing_function(call).unwrap();
        is_positive(&context, argument, function)
    }

    #[test]
    fn literal_products_are_positive() {
        assert!(positive("func f() { use(5 * time.Second) }"));
        assert!(positive("func f() { use(time.Duration(1_000) * time.Millisecond) }"));
        assert!(positive("func f() { use(time.Second / 2) }"));
        assert!(positive("func f() { use(0x10) }"));
    }

    #[test]
    fn zero_and_negative_are_not_positive() {
        assert!(!positive("func f() { use(0 * time.Second) }"));
        assert!(!positive("func f() { use(-time.Second) }"));
        assert!(!positive("func f() { use(1 / 2) }"));
        assert!(!positive("func f() { use(time.Second - time.Minute) }"));
    }

    #[test]
    fn named_constants_are_followed() {
        assert!(positive("const base = 15 * time.Second\nconst every = base * 4\n\nfunc f() { use(every) }"));
        assert!(positive("func f() {\n\tconst local = time.Minute\n\tuse(local)\n}"));
        assert!(!positive("const (\n\ta = iota\n\tb\n)\n\nfunc f() { use(b) }"));
    }

    #[test]
    fn variables_are_not_constants() {
        assert!(!positive("func f(d time.Duration) { use(d) }"));
        assert!(!positive("const every = time.Second\n\nfunc f() {\n\tevery := 0\n\tuse(every)\n}"));
        assert!(!positive("func f() { use(interval()) }"));
    }
}
