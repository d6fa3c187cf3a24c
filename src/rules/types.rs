//! Type declarations of the package, read from the syntax: what a named type is and which
//! fields a struct declares.

use tree_sitter::Node;

use super::Context;
use crate::syntax;

/// A type declared in the package, with the text of the file that declares it.
#[derive(Clone, Copy)]
pub struct TypeRef<'a> {
    /// The type the name stands for: the right side of `type Name T` or `type Name = T`.
    pub node: Node<'a>,
    pub text: &'a [u8],
}

/// Finds the package-level type declaration `name` in the file or its package.
pub fn find_type<'a>(context: &Context<'a>, name: &str) -> Option<TypeRef<'a>> {
    package_trees(context).into_iter().find_map(|(tree, text)| {
        syntax::named_children(tree.root_node())
            .into_iter()
            .filter(|declaration| declaration.kind() == "type_declaration")
            .flat_map(syntax::named_children)
            .filter(|spec| matches!(spec.kind(), "type_spec" | "type_alias"))
            .find(|spec| spec.child_by_field_name("name").is_some_and(|n| syntax::text(n, text) == name))
            .and_then(|spec| spec.child_by_field_name("type"))
            .map(|node| TypeRef { node, text })
    })
}

/// Returns the tree and text of the file and of the other files of its package.
pub fn package_trees<'a>(context: &Context<'a>) -> Vec<(&'a tree_sitter::Tree, &'a [u8])> {
    let mut trees: Vec<(&'a tree_sitter::Tree, &'a [u8])> = vec![(context.tree, context.text)];
    trees.extend(context.package.files_of(context.package_name, context.path).map(|file| (&file.tree, file.text.as_slice())));
    trees
}

/// Returns the fields of a struct type in declaration order: each name with its type
/// node. An embedded field is named after its type.
pub fn struct_fields<'a>(structure: Node<'a>, text: &'a [u8]) -> Vec<(String, Node<'a>)> {
    let mut fields = Vec::new();
    if structure.kind() != "struct_type" {
        return fields;
    }
    let Some(list) = syntax::named_children(structure).into_iter().find(|n| n.kind() == "field_declaration_list") else {
        return fields;
    };
    for declaration in syntax::named_children(list).into_iter().filter(|n| n.kind() == "field_declaration") {
        let Some(field_type) = declaration.child_by_field_name("type") else { continue };
        let mut cursor = declaration.walk();
        let names: Vec<String> = declaration
            .children_by_field_name("name", &mut cursor)
            .map(|name| syntax::text(name, text).to_string())
            .collect();
        if names.is_empty() {
            let type_text = syntax::text(field_type, text);
            let embedded = type_text.rsplit('.').next().unwrap_or(type_text).trim_start_matches('*');
            fields.push((embedded.to_string(), field_type));
        }
        for name in names {
            fields.push((name, field_type));
        }
    }
    fields
}
