//! The files of one Go package (one folder), for questions that cross files, such as
//! "which function is `worker`".
//!
//! The other files of the folder are read and parsed on a rule's first lookup, so a
//! package whose files no rule needs costs nothing beyond the files being checked.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tree_sitter::{Node, Tree};

use crate::source::Source;
use crate::syntax;

/// A parsed file of the package.
pub struct PackageFile {
    pub path: PathBuf,
    pub text: Vec<u8>,
    pub tree: Tree,
}

/// A function declaration found in the package, with the text it was parsed from.
#[derive(Clone, Copy)]
pub struct FunctionRef<'a> {
    pub node: Node<'a>,
    pub text: &'a [u8],
}

pub struct PackageIndex {
    dir: PathBuf,
    files: OnceLock<Vec<PackageFile>>,
}

impl PackageIndex {
    pub fn new(dir: &Path) -> PackageIndex {
        let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
        PackageIndex { dir: dir.to_path_buf(), files: OnceLock::new() }
    }

    /// Creates an index with no other files, for a buffer read from standard input.
    pub fn empty() -> PackageIndex {
        let index = PackageIndex::new(Path::new(""));
        let _ = index.files.set(Vec::new());
        index
    }

    /// Finds the top-level function `name` declared in a file of package `package`
    /// other than `except`.
    pub fn function<'a>(&'a self, name: &str, package: &'a str, except: &'a Path) -> Option<FunctionRef<'a>> {
        self.files_of(package, except).find_map(|file| find_function(&file.tree, &file.text, name))
    }

    /// Finds the method `name` of type `receiver_type` declared in a file of package
    /// `package` other than `except`.
    pub fn method<'a>(&'a self, receiver_type: &str, name: &str, package: &'a str, except: &'a Path) -> Option<FunctionRef<'a>> {
        self.files_of(package, except).find_map(|file| find_method(&file.tree, &file.text, receiver_type, name))
    }

    /// Returns the files of package `package` in the folder, other than the file named
    /// like `except`.
    pub fn files_of<'a>(&'a self, package: &'a str, except: &'a Path) -> impl Iterator<Item = &'a PackageFile> + 'a {
        self.files()
            .iter()
            .filter(move |file| file.path.file_name() != except.file_name())
            .filter(move |file| package_name(&file.tree, &file.text) == Some(package))
    }

    fn files(&self) -> &[PackageFile] {
        self.files.get_or_init(|| read_go_files(&self.dir))
    }
}

/// Returns the name in the file's package clause.
pub fn package_name<'a>(tree: &Tree, text: &'a [u8]) -> Option<&'a str> {
    let root = tree.root_node();
    let clause = syntax::named_children(root).into_iter().find(|node| node.kind() == "package_clause")?;
    let name = syntax::named_children(clause).into_iter().find(|node| node.kind() == "package_identifier")?;
    Some(syntax::text(name, text))
}

/// Finds the top-level function declaration `name` in one tree.
pub fn find_function<'a>(tree: &'a Tree, text: &'a [u8], name: &str) -> Option<FunctionRef<'a>> {
    syntax::named_children(tree.root_node())
        .into_iter()
        .filter(|node| node.kind() == "function_declaration")
        .find(|node| node.child_by_field_name("name").is_some_and(|n| syntax::text(n, text) == name))
        .map(|node| FunctionRef { node, text })
}

fn read_go_files(dir: &Path) -> Vec<PackageFile> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "go"))
        .collect();
    paths.sort();

    paths
        .into_iter()
        .filter_map(|path| {
            let bytes = std::fs::read(&path).ok()?;
            let text = Source::new(&bytes).text;
            let tree = syntax::parse(&text);
            Some(PackageFile { path, text, tree })
        })
        .collect()
}

/// Finds the method `name` whose receiver has the type `receiver_type` (with or without
/// a pointer) in one tree.
pub fn find_method<'a>(tree: &'a Tree, text: &'a [u8], receiver_type: &str, name: &str) -> Option<FunctionRef<'a>> {
    syntax::named_children(tree.root_node())
        .into_iter()
        .filter(|node| node.kind() == "method_declaration")
        .filter(|node| node.child_by_field_name("name").is_some_and(|n| syntax::text(n, text) == name))
        .find(|node| receiver_type_name(*node, text).as_deref() == Some(receiver_type))
        .map(|node| FunctionRef { node, text })
}

/// Returns the type name of a method's receiver: `Server` for `(s *Server)` or
/// `(s Server[T])`.
pub fn receiver_type_name(method: Node, text: &[u8]) -> Option<String> {
    let receiver = method.child_by_field_name("receiver")?;
    let declaration = syntax::named_children(receiver).into_iter().find(|node| node.kind() == "parameter_declaration")?;
    let type_text = syntax::text(declaration.child_by_field_name("type")?, text);
    let name = type_text.trim_start_matches('*');
    Some(name.split('[').next().unwrap_or(name).trim().to_string())
}

/// Returns the name a method gives its receiver: `s` for `(s *Server)`.
pub fn receiver_name<'a>(method: Node, text: &'a [u8]) -> Option<&'a str> {
    let receiver = method.child_by_field_name("receiver")?;
    let declaration = syntax::named_children(receiver).into_iter().find(|node| node.kind() == "parameter_declaration")?;
    Some(syntax::text(declaration.child_by_field_name("name")?, text))
}
