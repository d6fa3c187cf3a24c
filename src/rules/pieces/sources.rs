//! The evidence that a value is large, and the standard-library calls that pass a large
//! value or a piece through.
//!
//! Large values are whole-input reads (`os.ReadFile`, `io.ReadAll`, `ioutil.ReadAll` and
//! `ioutil.ReadFile`), the contents of a `bytes.Buffer`, `make([]T, n)` whose length or
//! capacity is not a constant or is a constant of at least 1024, and arrays of at least
//! 1024 elements. The buffers of a `bufio.Scanner` and `bufio.Reader` are reused, so what
//! `Bytes`, `ReadSlice`, `ReadLine` and `Peek` return is a piece of them.

use tree_sitter::Node;

use super::interpret::{root_identifier, unparenthesized, Frame, Interpreter};
use super::value::{Kind, Memory, Origin, Root, Value};
use crate::rules::types;
use crate::syntax;

/// The smallest constant length or capacity that counts as a large buffer.
const LARGE_LENGTH: i128 = 1024;

impl<'c, 'a> Interpreter<'c, 'a> {
    /// Returns the value of `make(...)`: a large slice when its size is not a small constant.
    pub(super) fn make(&mut self, frame: &Frame<'a>, call: Node<'a>) -> Value {
        if frame.depth != 0 {
            return Value::Unknown;
        }
        let arguments = syntax::call_arguments(call);
        let Some(type_node) = arguments.first() else { return Value::Unknown };
        let Some(kind) = self.slice_kind(*type_node, frame.text) else { return Value::Unknown };
        if kind == Kind::String {
            return Value::Unknown;
        }
        let large = arguments[1..].iter().any(|size| match self.constant(frame, *size) {
            Constant::Value(value) => value >= LARGE_LENGTH,
            Constant::Variable => true,
            Constant::Unknown => false,
        });
        if !large {
            return Value::Unknown;
        }
        let description = format!("the {} made by make", syntax::text(*type_node, frame.text));
        Value::Large(local_memory(kind, call.start_byte(), description, false))
    }

    /// Returns a large value for an array type of at least 1024 elements.
    pub(super) fn large_array(&self, frame: &Frame<'a>, array: Node<'a>, at: usize) -> Option<Value> {
        let length = array.child_by_field_name("length")?;
        let Constant::Value(count) = self.constant(frame, length) else { return None };
        if count < LARGE_LENGTH {
            return None;
        }
        let element = syntax::text(array.child_by_field_name("element")?, frame.text);
        let kind = if matches!(element, "byte" | "uint8") { Kind::Bytes } else { Kind::Slice(Some(element.to_string())) };
        let description = format!("the array {}", syntax::text(array, frame.text));
        Some(Value::Large(local_memory(kind, at, description, false)))
    }

    /// Evaluates an integer constant expression: literals, arithmetic, and constants that
    /// the function or package declares.
    fn constant(&self, frame: &Frame<'a>, node: Node<'a>) -> Constant {
        self.constant_in(node, frame.text, Some(frame), 0)
    }

    /// Evaluates a constant expression of `text`. Without a frame, the expression is a
    /// declared constant's value, where only other constants may appear.
    fn constant_in(&self, node: Node, text: &[u8], frame: Option<&Frame<'a>>, depth: usize) -> Constant {
        let node = unparenthesized(node);
        match node.kind() {
            "int_literal" => parse_int(syntax::text(node, text)).map_or(Constant::Unknown, Constant::Value),
            "binary_expression" => {
                let left = node.child_by_field_name("left").map_or(Constant::Unknown, |l| self.constant_in(l, text, frame, depth));
                let right = node.child_by_field_name("right").map_or(Constant::Unknown, |r| self.constant_in(r, text, frame, depth));
                let operator = node.child_by_field_name("operator").map_or("", |op| syntax::text(op, text));
                match (left, right) {
                    (Constant::Value(a), Constant::Value(b)) => {
                        let value = match operator {
                            "+" => a.checked_add(b),
                            "-" => a.checked_sub(b),
                            "*" => a.checked_mul(b),
                            "/" if b != 0 => Some(a / b),
                            "<<" if (0..64).contains(&b) => a.checked_shl(b as u32),
                            ">>" if (0..64).contains(&b) => Some(a >> b),
                            "|" => Some(a | b),
                            "&" => Some(a & b),
                            _ => None,
                        };
                        value.map_or(Constant::Unknown, Constant::Value)
                    }
                    (Constant::Variable, _) | (_, Constant::Variable) => Constant::Variable,
                    _ => Constant::Unknown,
                }
            }
            "identifier" => {
                let name = syntax::text(node, text);
                if let Some(value) = self.declared_constant(frame.map(|f| (f.function, f.text)), name, depth) {
                    return value;
                }
                match frame {
                    Some(frame) if frame.locals.contains_key(name) => Constant::Variable,
                    _ => Constant::Unknown,
                }
            }
            "call_expression" => {
                let callee = syntax::callee_text(node, text);
                // A conversion such as int64(4096) keeps a constant.
                if matches!(callee, "int" | "int64" | "int32" | "uint" | "uint64" | "uint32") {
                    return syntax::call_arguments(node)
                        .first()
                        .map_or(Constant::Unknown, |argument| self.constant_in(*argument, text, frame, depth));
                }
                if frame.is_some() {
                    Constant::Variable
                } else {
                    Constant::Unknown
                }
            }
            "index_expression" | "unary_expression" if frame.is_some() => Constant::Variable,
            "selector_expression" => {
                // `pkg.Size` may be a constant or a variable of another package, so it
                // counts as unknown; `x.size` reads a field.
                let Some(frame) = frame else { return Constant::Unknown };
                let operand = node.child_by_field_name("operand");
                let is_package = operand.is_some_and(|o| {
                    o.kind() == "identifier" && frame.imports.contains_key(syntax::text(o, text)) && !frame.locals.contains_key(syntax::text(o, text))
                });
                if is_package {
                    Constant::Unknown
                } else {
                    Constant::Variable
                }
            }
            _ => Constant::Unknown,
        }
    }

    /// Finds `const name = value` in the checked function or at the package level and
    /// evaluates it.
    fn declared_constant(&self, function: Option<(Node<'a>, &'a [u8])>, name: &str, depth: usize) -> Option<Constant> {
        if depth > 4 {
            return Some(Constant::Unknown);
        }
        let local = function.and_then(|(function, text)| {
            let mut found: Option<Option<Node<'a>>> = None;
            syntax::walk(function, &mut |node| {
                if found.is_some() {
                    return false;
                }
                if node.kind() == "const_spec" {
                    let mut cursor = node.walk();
                    let names: Vec<Node> = node.children_by_field_name("name", &mut cursor).collect();
                    if let Some(position) = names.iter().position(|n| syntax::text(*n, text) == name) {
                        let values = node.child_by_field_name("value").map(syntax::named_children).unwrap_or_default();
                        found = Some(values.get(position).copied());
                    }
                    return false;
                }
                true
            });
            found.map(|value| (value, text))
        });
        let (value, text) = local.or_else(|| self.symbols.constant(name))?;
        Some(match value {
            Some(value) => match self.constant_in(value, text, None, depth + 1) {
                Constant::Value(number) => Constant::Value(number),
                _ => Constant::Unknown,
            },
            None => Constant::Unknown,
        })
    }

    /// Returns the value of a call to a standard package, `path.name(...)`.
    pub(super) fn standard_call(
        &mut self,
        frame: &mut Frame<'a>,
        call: Node<'a>,
        path: &str,
        name: &str,
        arguments: &[Node<'a>],
        values: Vec<Value>,
    ) -> Value {
        let first = values.first().cloned().unwrap_or(Value::Unknown);
        match (path, name) {
            ("os", "ReadFile") | ("io/ioutil", "ReadFile") | ("io", "ReadAll") | ("io/ioutil", "ReadAll") => {
                if frame.depth != 0 {
                    return Value::Unknown;
                }
                let short = path.rsplit('/').next().unwrap_or(path);
                let description = format!("the data {short}.{name} returned");
                Value::Tuple(vec![Value::Large(local_memory(Kind::Bytes, call.start_byte(), description, false)), Value::Unknown])
            }
            ("strings" | "bytes", _) => match name {
                "Split" | "SplitN" | "SplitAfter" | "SplitAfterN" | "Fields" | "FieldsFunc" | "SplitSeq" | "SplitAfterSeq"
                | "FieldsSeq" | "FieldsFuncSeq" | "Lines" => match (&first, first.cut(call.start_byte())) {
                    (Value::Large(_), Value::Piece(memory)) => Value::Parts(memory),
                    (_, Value::Piece(memory)) => Value::Elements { element: Box::new(Value::Piece(memory)), map: false },
                    _ => Value::Unknown,
                },
                "Cut" => Value::Tuple(vec![first.cut(call.start_byte()), first.rest(), Value::Unknown]),
                "CutPrefix" | "CutSuffix" => Value::Tuple(vec![first.rest(), Value::Unknown]),
                "TrimSpace" | "Trim" | "TrimLeft" | "TrimRight" | "TrimPrefix" | "TrimSuffix" | "TrimFunc" | "TrimLeftFunc"
                | "TrimRightFunc" => first.rest(),
                _ => Value::Unknown,
            },
            ("unsafe", "SliceData") | ("unsafe", "StringData") => first,
            ("unsafe", "String") => {
                let pointer = arguments.first().copied();
                let viewed = match pointer.map(unparenthesized) {
                    // `&b[0]` points into `b`.
                    Some(address) if address.kind() == "unary_expression" => {
                        let indexed = address.child_by_field_name("operand").filter(|o| o.kind() == "index_expression");
                        let operand = indexed.and_then(|index| index.child_by_field_name("operand"));
                        operand.map_or(Value::Unknown, |operand| self.evaluate(frame, operand))
                    }
                    _ => first,
                };
                with_kind(viewed, Kind::String)
            }
            ("unsafe", "Slice") => with_kind(first, Kind::Bytes),
            ("slices", "Clone") => match first {
                elements @ Value::Elements { .. } => elements,
                _ => Value::Unknown,
            },
            _ => Value::Unknown,
        }
    }

    /// Returns what a method of a reused buffer returns: `sc.Bytes()` of a
    /// `bufio.Scanner`, `r.ReadSlice`, `r.ReadLine` and `r.Peek` of a `bufio.Reader`, and
    /// `b.Bytes()` and `b.String()` of a `bytes.Buffer`. None for any other call.
    pub(super) fn buffer_method(&self, frame: &Frame<'a>, call: Node<'a>, operand: Node<'a>, method: &str) -> Option<Value> {
        if frame.depth != 0 {
            return None;
        }
        let type_text = self.operand_type(frame, operand)?;
        let type_text = type_text.trim_start_matches('*');
        let (package, type_name) = type_text.split_once('.')?;
        let path = frame.imports.get(package)?;
        let at = call.start_byte();
        let owner = syntax::text(operand, frame.text);
        match (path.as_str(), type_name, method) {
            ("bufio", "Scanner", "Bytes") => {
                let description = format!("the buffer that {owner} reuses for every token");
                Some(Value::Piece(local_memory(Kind::Bytes, at, description, true)))
            }
            ("bufio", "Reader", "ReadSlice" | "Peek") => {
                let description = format!("the buffer that {owner} reuses for every read");
                Some(Value::Tuple(vec![Value::Piece(local_memory(Kind::Bytes, at, description, true)), Value::Unknown]))
            }
            ("bufio", "Reader", "ReadLine") => {
                let description = format!("the buffer that {owner} reuses for every read");
                Some(Value::Tuple(vec![Value::Piece(local_memory(Kind::Bytes, at, description, true)), Value::Unknown, Value::Unknown]))
            }
            ("bytes", "Buffer", "Bytes") => {
                let description = format!("the contents of {owner}");
                Some(Value::Large(local_memory(Kind::Bytes, at, description, true)))
            }
            ("bytes", "Buffer", "String") => {
                let description = format!("the string copied out of {owner}");
                Some(Value::Large(local_memory(Kind::String, at, description, false)))
            }
            _ => None,
        }
    }

    /// Returns the type of a variable or of a field of the receiver, as written.
    fn operand_type(&self, frame: &Frame<'a>, operand: Node<'a>) -> Option<String> {
        match operand.kind() {
            "identifier" => frame.locals.get(syntax::text(operand, frame.text))?.type_hint.clone(),
            "selector_expression" => {
                let base = operand.child_by_field_name("operand").filter(|b| b.kind() == "identifier")?;
                let field = syntax::text(operand.child_by_field_name("field")?, frame.text);
                let base_type = frame.locals.get(syntax::text(base, frame.text))?.type_hint.clone()?;
                let base_name = base_type.trim_start_matches('*');
                let declared = self.symbols.find_type(base_name)?;
                types::struct_fields(declared.node, declared.text)
                    .into_iter()
                    .find(|(name, _)| name == field)
                    .map(|(_, field_type)| syntax::text(field_type, declared.text).to_string())
            }
            _ => None,
        }
    }

    /// Returns the view `*(*string)(unsafe.Pointer(&b))` or `*(*[]byte)(unsafe.Pointer(&s))`
    /// makes of `b` or `s`, when `operand` (the part after the first `*`) has that form.
    pub(super) fn unsafe_string_header(&mut self, frame: &mut Frame<'a>, operand: Node<'a>) -> Option<Value> {
        let call = unparenthesized(operand);
        if call.kind() != "call_expression" {
            return None;
        }
        let pointer_type = call.child_by_field_name("function").filter(|f| f.kind() == "parenthesized_expression")?;
        let target = syntax::text(pointer_type, frame.text).replace(' ', "");
        let kind = match target.as_str() {
            "(*string)" => Kind::String,
            "(*[]byte)" => Kind::Bytes,
            _ => return None,
        };
        let argument = *syntax::call_arguments(call).first()?;
        let (path, name) = self.standard_callee(frame, argument)?;
        if path != "unsafe" || name != "Pointer" {
            return None;
        }
        let address = syntax::call_arguments(argument).first().copied().map(unparenthesized)?;
        if address.kind() != "unary_expression" {
            return None;
        }
        let viewed = root_identifier(address.child_by_field_name("operand")?)?;
        let value = self.evaluate(frame, viewed);
        Some(with_kind(value, kind))
    }
}

/// The result of evaluating a size expression.
enum Constant {
    Value(i128),
    /// The expression reads a variable or calls a function, so it is not a constant.
    Variable,
    /// A constant whose value the syntax does not show.
    Unknown,
}

fn local_memory(kind: Kind, at: usize, description: String, reused: bool) -> Memory {
    Memory { kind, origin: Origin { root: Root::Local(at), description, reused }, taken_at: at, entry: None }
}

/// Returns the value seen through another type of the same memory, as an unsafe
/// conversion between string and []byte makes it.
fn with_kind(value: Value, kind: Kind) -> Value {
    match value {
        Value::Large(memory) => Value::Large(Memory { kind, ..memory }),
        Value::Piece(memory) => Value::Piece(Memory { kind, ..memory }),
        _ => Value::Unknown,
    }
}

/// Parses a Go integer literal: decimal, `0x`, `0o`, `0b` or a leading-zero octal, with
/// `_` separators.
fn parse_int(literal: &str) -> Option<i128> {
    let digits: String = literal.chars().filter(|c| *c != '_').collect();
    let lower = digits.to_ascii_lowercase();
    if let Some(hex) = lower.strip_prefix("0x") {
        i128::from_str_radix(hex, 16).ok()
    } else if let Some(binary) = lower.strip_prefix("0b") {
        i128::from_str_radix(binary, 2).ok()
    } else if let Some(octal) = lower.strip_prefix("0o") {
        i128::from_str_radix(octal, 8).ok()
    } else if lower.len() > 1 && lower.starts_with('0') {
        i128::from_str_radix(&lower[1..], 8).ok()
    } else {
        lower.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::parse_int;

    #[test]
    fn integer_literals() {
        assert_eq!(parse_int("4096"), Some(4096));
        assert_eq!(parse_int("0x1000"), Some(4096));
        assert_eq!(parse_int("1_024"), Some(1024));
        assert_eq!(parse_int("0o17"), Some(15));
        assert_eq!(parse_int("017"), Some(15));
        assert_eq!(parse_int("0b101"), Some(5));
    }
}
