//! The abstract values of the retention analysis: a large buffer, a piece of one (a
//! subslice or substring that shares its memory), or a container of such pieces.

use std::ops::Range;

/// The abstract value of an expression or variable.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Nothing is known, or the value owns its memory.
    Unknown,
    /// A whole large buffer or string, or everything from some offset to its end.
    Large(Memory),
    /// A bounded part of a large buffer or string that shares its memory.
    Piece(Memory),
    /// A slice, array or map whose elements have the inner value.
    Elements { element: Box<Value>, map: bool },
    /// The result of splitting a large value, as `strings.Split` does: each element is a
    /// piece, but together they cover the whole value, so keeping all of them keeps
    /// nothing extra.
    Parts(Memory),
    Struct(StructValue),
    /// The results of a call with several results.
    Tuple(Vec<Value>),
}

/// A struct value, or a pointer to one, with what is known of its fields.
#[derive(Clone, Debug, PartialEq)]
pub struct StructValue {
    pub type_name: Option<String>,
    pub pointer: bool,
    pub fields: Vec<(String, Value)>,
}

/// The memory a large value or a piece refers to.
#[derive(Clone, Debug, PartialEq)]
pub struct Memory {
    pub kind: Kind,
    pub origin: Origin,
    /// The byte offset in the checked function's file at which the piece was cut. A piece
    /// cut inside a called function counts from the call.
    pub taken_at: usize,
    /// The expression that placed the piece into a local slice, map or struct of the
    /// checked function, where a copy can be made before it goes in.
    pub entry: Option<Range<usize>>,
}

/// The Go type family of a large value or piece.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Bytes,
    String,
    /// A slice or array of another element type, written as in the source when known.
    Slice(Option<String>),
}

impl Kind {
    pub fn is_string(&self) -> bool {
        *self == Kind::String
    }
}

/// The source of a large value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub root: Root,
    /// The source as a message names it, such as "the data os.ReadFile returned".
    pub description: String,
    /// Whether the source is a buffer that its owner writes again (a bufio buffer, a
    /// bytes.Buffer), so a copy can differ from what the alias would show later.
    pub reused: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Root {
    /// Made in the checked function at this byte offset.
    Local(usize),
    /// Passed in as the parameter at this position of the checked function.
    Parameter(usize),
}

impl Value {
    /// Returns the value with a piece's memory, as a slice or substring cuts it from a
    /// large value or a piece.
    pub fn cut(&self, at: usize) -> Value {
        match self {
            Value::Large(memory) | Value::Piece(memory) => Value::Piece(Memory { taken_at: at, entry: None, ..memory.clone() }),
            Value::Elements { .. } | Value::Parts(_) => self.clone(),
            _ => Value::Unknown,
        }
    }

    /// Returns the value of the rest of a large value or piece, from an offset to its end.
    pub fn rest(&self) -> Value {
        match self {
            Value::Large(_) | Value::Piece(_) | Value::Elements { .. } | Value::Parts(_) => self.clone(),
            _ => Value::Unknown,
        }
    }

    /// Returns the element of a slice or map value.
    pub fn element(&self) -> Value {
        match self {
            Value::Elements { element, .. } => (**element).clone(),
            Value::Parts(memory) => Value::Piece(memory.clone()),
            _ => Value::Unknown,
        }
    }

    pub fn field(&self, name: &str) -> Value {
        match self {
            Value::Struct(structure) => structure
                .fields
                .iter()
                .find(|(field, _)| field == name)
                .map_or(Value::Unknown, |(_, value)| value.clone()),
            _ => Value::Unknown,
        }
    }

    /// Returns the value at `position` of a tuple, or the value itself for position 0.
    pub fn result(&self, position: usize) -> Value {
        match self {
            Value::Tuple(values) => values.get(position).cloned().unwrap_or(Value::Unknown),
            value if position == 0 => value.clone(),
            _ => Value::Unknown,
        }
    }

    pub fn is_unknown(&self) -> bool {
        *self == Value::Unknown
    }

    /// Joins two values that the same variable or result may hold: a piece on either
    /// side is kept.
    pub fn join(self, other: Value) -> Value {
        match (self, other) {
            (Value::Unknown, other) => other,
            (value, Value::Unknown) => value,
            (Value::Piece(memory), _) | (_, Value::Piece(memory)) => Value::Piece(memory),
            (Value::Elements { element: left, map }, Value::Elements { element: right, .. }) => {
                Value::Elements { element: Box::new(left.join(*right)), map }
            }
            (Value::Struct(left), Value::Struct(right)) => Value::Struct(left.join(right)),
            (Value::Tuple(left), Value::Tuple(right)) if left.len() == right.len() => {
                Value::Tuple(left.into_iter().zip(right).map(|(a, b)| a.join(b)).collect())
            }
            (left, right) => {
                if left.has_pieces() || !right.has_pieces() {
                    left
                } else {
                    right
                }
            }
        }
    }

    /// Calls `visit` on every memory inside the value, pieces and large values alike.
    pub fn for_each_memory(&self, visit: &mut dyn FnMut(&Memory, bool)) {
        match self {
            Value::Unknown => {}
            Value::Large(memory) | Value::Parts(memory) => visit(memory, false),
            Value::Piece(memory) => visit(memory, true),
            Value::Elements { element, .. } => element.for_each_memory(visit),
            Value::Struct(structure) => structure.fields.iter().for_each(|(_, value)| value.for_each_memory(visit)),
            Value::Tuple(values) => values.iter().for_each(|value| value.for_each_memory(visit)),
        }
    }

    /// Returns Unknown for a value that refers to no large value or piece, so that
    /// structs and slices of plain data cost nothing further.
    pub fn normalized(self) -> Value {
        let mut refers = false;
        self.for_each_memory(&mut |_, _| refers = true);
        if refers {
            self
        } else {
            Value::Unknown
        }
    }

    pub fn has_pieces(&self) -> bool {
        let mut found = false;
        self.for_each_memory(&mut |_, piece| found |= piece);
        found
    }

    /// Calls `change` on every memory inside the value.
    pub fn map_memories(&mut self, change: &mut dyn FnMut(&mut Memory)) {
        match self {
            Value::Unknown => {}
            Value::Large(memory) | Value::Piece(memory) | Value::Parts(memory) => change(memory),
            Value::Elements { element, .. } => element.map_memories(change),
            Value::Struct(structure) => structure.fields.iter_mut().for_each(|(_, value)| value.map_memories(change)),
            Value::Tuple(values) => values.iter_mut().for_each(|value| value.map_memories(change)),
        }
    }

    /// Keeps only the pieces for which `keep` holds; other pieces become unknown.
    pub fn retain_pieces(&self, keep: &dyn Fn(&Memory) -> bool) -> Value {
        match self {
            Value::Piece(memory) if keep(memory) => self.clone(),
            Value::Piece(_) | Value::Large(_) | Value::Parts(_) | Value::Unknown => Value::Unknown,
            Value::Elements { element, map } => {
                let element = element.retain_pieces(keep);
                if element.is_unknown() {
                    Value::Unknown
                } else {
                    Value::Elements { element: Box::new(element), map: *map }
                }
            }
            Value::Struct(structure) => {
                let fields: Vec<(String, Value)> = structure
                    .fields
                    .iter()
                    .map(|(name, value)| (name.clone(), value.retain_pieces(keep)))
                    .filter(|(_, value)| !value.is_unknown())
                    .collect();
                if fields.is_empty() {
                    Value::Unknown
                } else {
                    Value::Struct(StructValue { fields, ..structure.clone() })
                }
            }
            Value::Tuple(values) => Value::Tuple(values.iter().map(|value| value.retain_pieces(keep)).collect()),
        }
    }
}

impl StructValue {
    fn join(mut self, other: StructValue) -> StructValue {
        for (name, value) in other.fields {
            match self.fields.iter_mut().find(|(field, _)| *field == name) {
                Some((_, existing)) => *existing = std::mem::replace(existing, Value::Unknown).join(value),
                None => self.fields.push((name, value)),
            }
        }
        self.type_name = self.type_name.or(other.type_name);
        self
    }

    pub fn set(&mut self, name: &str, value: Value) {
        match self.fields.iter_mut().find(|(field, _)| field == name) {
            Some((_, existing)) => *existing = value,
            None => self.fields.push((name.to_string(), value)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory(kind: Kind) -> Memory {
        Memory {
            kind,
            origin: Origin { root: Root::Local(0), description: "a read".into(), reused: false },
            taken_at: 0,
            entry: None,
        }
    }

    #[test]
    fn join_keeps_pieces() {
        let piece = Value::Piece(memory(Kind::String));
        assert_eq!(Value::Unknown.join(piece.clone()), piece);
        assert_eq!(Value::Large(memory(Kind::String)).join(piece.clone()), piece);
    }

    #[test]
    fn cut_of_unknown_is_unknown() {
        assert_eq!(Value::Unknown.cut(3), Value::Unknown);
        assert!(Value::Large(memory(Kind::Bytes)).cut(3).has_pieces());
    }

    #[test]
    fn retain_drops_other_pieces() {
        let value = Value::Struct(StructValue {
            type_name: None,
            pointer: false,
            fields: vec![("a".into(), Value::Piece(memory(Kind::String))), ("b".into(), Value::Piece(memory(Kind::Bytes)))],
        });
        let strings = value.retain_pieces(&|memory| memory.kind.is_string());
        assert_eq!(strings.field("a"), Value::Piece(memory(Kind::String)));
        assert_eq!(strings.field("b"), Value::Unknown);
    }
}
