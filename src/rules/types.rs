//! The package-level declarations of a package, read from the syntax: its types,
//! functions, methods, variables and constants, and the fields a struct declares.

use std::collections::{HashMap, HashSet};

use tree_sitter::{Node, Tree};

use super::Context;
use crate::package::{self, FunctionRef};
use crate::syntax;

/// A type declared in the package, with the text of the file that declares it.
#[derive(Clone, Copy)]
pub struct TypeRef<'a> {
    /// The type the name stands for: the right side of `type Name T` or `type Name = T`.
    pub node: Node<'a>,
    pub text: &'a [u8],
}

/// Returns the tree and text of the file and of the other files of its package.
fn package_trees<'a>(context: &Context<'a>) -> Vec<(&'a tree_sitter::Tree, &'a [u8])> {
    let mut trees: Vec<(&'a tree_sitter::Tree, &'a [u8])> = vec![(context.tree, context.text)];
    trees.extend(context.package.files_of(context.package_name, context.path).map(|file| (&file.tree, file.text.as_slice())));
    trees
}

/// The package-level names of a package, indexed once so that a rule can look them up
/// for every call and type it meets. Where two files declare a name, the checked file's
/// declaration wins.
pub struct Symbols<'a> {
    types: HashMap<String, TypeRef<'a>>,
    functions: HashMap<String, FunctionRef<'a>>,
    /// Methods by name, each with its receiver's type name.
    methods: HashMap<String, Vec<(String, FunctionRef<'a>)>>,
    variables: HashSet<String>,
    /// Constants with the value expression that declares them, when it has one.
    constants: HashMap<String, (Option<Node<'a>>, &'a [u8])>,
    /// Each file's import names (local name to path), by the address of its text.
    imports: HashMap<usize, HashMap<String, String>>,
    files: Vec<(&'a Tree, &'a [u8])>,
}

impl<'a> Symbols<'a> {
    pub fn new(context: &Context<'a>) -> Symbols<'a> {
        let mut symbols = Symbols {
            types: HashMap::new(),
            functions: HashMap::new(),
            methods: HashMap::new(),
            variables: HashSet::new(),
            constants: HashMap::new(),
            imports: HashMap::new(),
            files: package_trees(context),
        };
        for (tree, text) in symbols.files.clone() {
            symbols.index_file(tree, text);
        }
        symbols
    }

    fn index_file(&mut self, tree: &'a Tree, text: &'a [u8]) {
        let mut imports = HashMap::new();
        for declaration in syntax::named_children(tree.root_node()) {
            match declaration.kind() {
                "function_declaration" => {
                    if let Some(name) = declaration.child_by_field_name("name") {
                        let function = FunctionRef { node: declaration, text };
                        self.functions.entry(syntax::text(name, text).to_string()).or_insert(function);
                    }
                }
                "method_declaration" => {
                    let name = declaration.child_by_field_name("name").map(|name| syntax::text(name, text).to_string());
                    let receiver = package::receiver_type_name(declaration, text).unwrap_or_default();
                    if let Some(name) = name {
                        self.methods.entry(name).or_default().push((receiver, FunctionRef { node: declaration, text }));
                    }
                }
                "type_declaration" => {
                    for spec in syntax::named_children(declaration) {
                        let name = spec.child_by_field_name("name").map(|name| syntax::text(name, text).to_string());
                        if let (Some(name), Some(node)) = (name, spec.child_by_field_name("type")) {
                            self.types.entry(name).or_insert(TypeRef { node, text });
                        }
                    }
                }
                "var_declaration" | "const_declaration" => self.index_values(declaration, text),
                "import_declaration" => collect_imports(declaration, text, &mut imports),
                _ => {}
            }
        }
        self.imports.insert(text.as_ptr() as usize, imports);
    }

    fn index_values(&mut self, declaration: Node<'a>, text: &'a [u8]) {
        syntax::walk(declaration, &mut |node| {
            match node.kind() {
                "var_spec" => {
                    let mut cursor = node.walk();
                    self.variables.extend(node.children_by_field_name("name", &mut cursor).map(|n| syntax::text(n, text).to_string()));
                }
                "const_spec" => {
                    let mut cursor = node.walk();
                    let values = node.child_by_field_name("value").map(syntax::named_children).unwrap_or_default();
                    for (position, name) in node.children_by_field_name("name", &mut cursor).enumerate() {
                        let value = values.get(position).copied();
                        self.constants.entry(syntax::text(name, text).to_string()).or_insert((value, text));
                    }
                }
                _ => return true,
            }
            false
        });
    }

    pub fn find_type(&self, name: &str) -> Option<TypeRef<'a>> {
        self.types.get(name).copied()
    }

    pub fn function(&self, name: &str) -> Option<FunctionRef<'a>> {
        self.functions.get(name).copied()
    }

    /// Returns the methods named `name`, each with its receiver's type name.
    pub fn methods_named(&self, name: &str) -> &[(String, FunctionRef<'a>)] {
        self.methods.get(name).map_or(&[], Vec::as_slice)
    }

    pub fn is_variable(&self, name: &str) -> bool {
        self.variables.contains(name)
    }

    /// Returns the value expression of the package-level constant `name`, None inside
    /// when the constant repeats the previous spec's expression (as with `iota`).
    pub fn constant(&self, name: &str) -> Option<(Option<Node<'a>>, &'a [u8])> {
        self.constants.get(name).copied()
    }

    /// Returns the import names of the file whose text is `text`.
    pub fn imports_of(&self, text: &[u8]) -> HashMap<String, String> {
        self.imports.get(&(text.as_ptr() as usize)).cloned().unwrap_or_default()
    }

    /// Returns the tree and text of the checked file and the other files of its package.
    pub fn files(&self) -> &[(&'a Tree, &'a [u8])] {
        &self.files
    }
}

/// Adds the names under which one import declaration imports each path, leaving out `_`
/// and `.`.
fn collect_imports(declaration: Node, text: &[u8], names: &mut HashMap<String, String>) {
    syntax::walk(declaration, &mut |node| {
        if node.kind() != "import_spec" {
            return true;
        }
        let path = node.child_by_field_name("path").map_or("", |p| syntax::text(p, text)).trim_matches('"').to_string();
        let name = match node.child_by_field_name("name") {
            Some(alias) => syntax::text(alias, text).to_string(),
            None => path.rsplit('/').next().unwrap_or(&path).to_string(),
        };
        if name != "_" && name != "." {
            names.insert(name, path);
        }
        false
    });
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
