//! Referring to a standard package from a fix: the name the file already uses for it, or
//! the edit that imports it.
//!
//! An added import keeps the file gofmt-clean. It goes into the file's parenthesized
//! import block, into the group of standard-library imports at its sorted place (gofmt
//! sorts each group of lines that no blank line separates). A block without such a group
//! gets a new first group. A file with one plain import has it turned into a block, and a
//! file with none (or only cgo's `import "C"`, which must stay alone under its preamble)
//! gets a new `import "path"` declaration.

use tree_sitter::{Node, Tree};

use super::Context;
use crate::fix::Edit;
use crate::source;
use crate::syntax;

/// The name under which code refers to a package, with the import it still needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qualifier {
    /// The identifier to write before the dot, such as `strings`.
    pub name: String,
    /// The edit that adds the import, when the file lacks it.
    pub import: Option<Edit>,
}

/// Returns how code at `site` can refer to the standard package `path`, importing it when
/// the file does not. Returns None when no plain name works: the package is imported only
/// as `_` or `.`, a declaration inside the function around `site` shadows the name, or
/// the name is taken by another import or a package-level declaration.
pub fn qualifier(context: &Context, site: Node, path: &str) -> Option<Qualifier> {
    let root = context.tree.root_node();
    let specs = import_specs(root, context.text);
    let existing = specs.iter().find(|spec| spec.path == path && spec.usable_name().is_some());
    let name = match existing {
        Some(spec) => spec.usable_name()?.to_string(),
        None => default_name(path).to_string(),
    };
    if is_declared_in_function(site, &name, context.text) {
        return None;
    }
    if existing.is_some() {
        return Some(Qualifier { name, import: None });
    }

    let name_taken = specs.iter().any(|spec| spec.path != path && spec.usable_name() == Some(name.as_str()));
    if name_taken || specs.iter().any(|spec| spec.path == path) || is_package_level_name(context, &name) {
        return None;
    }
    Some(Qualifier { name, import: Some(import_edit(context.tree, context.text, path)) })
}

/// One import spec of the file.
struct ImportSpec<'a> {
    node: Node<'a>,
    path: String,
    /// The alias as written: an identifier, `_` or `.`.
    alias: Option<&'a str>,
}

impl ImportSpec<'_> {
    /// Returns the identifier the file uses for the package, or None for `_` and `.`.
    fn usable_name(&self) -> Option<&str> {
        match self.alias {
            Some("_") | Some(".") => None,
            Some(alias) => Some(alias),
            None => Some(default_name(&self.path)),
        }
    }
}

/// Returns the last element of an import path, the name a standard package declares.
fn default_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Returns the import specs of the file's import declarations.
fn import_specs<'a>(root: Node<'a>, text: &'a [u8]) -> Vec<ImportSpec<'a>> {
    syntax::named_children(root)
        .into_iter()
        .filter(|node| node.kind() == "import_declaration")
        .flat_map(|declaration| specs_under(declaration, text))
        .collect()
}

/// Returns the import specs inside one import declaration or spec list.
fn specs_under<'a>(node: Node<'a>, text: &'a [u8]) -> Vec<ImportSpec<'a>> {
    let mut specs = Vec::new();
    syntax::walk(node, &mut |inner| {
        if inner.kind() != "import_spec" {
            return true;
        }
        let path = inner.child_by_field_name("path").map_or("", |path| syntax::text(path, text));
        specs.push(ImportSpec {
            node: inner,
            path: path.trim_matches(|c| c == '"' || c == '`').to_string(),
            alias: inner.child_by_field_name("name").map(|name| syntax::text(name, text)),
        });
        false
    });
    specs
}

/// Reports whether the function declaration around `site` declares `name` anywhere: as a
/// parameter, receiver, result, variable, constant or type. Any such declaration
/// may shadow the package at `site`, so the caller must not rely on the package name.
fn is_declared_in_function(site: Node, name: &str, text: &[u8]) -> bool {
    let Some(declaration) = syntax::top_level_declaration(site) else { return false };
    let mut declared = false;
    syntax::walk(declaration, &mut |node| {
        if declared {
            return false;
        }
        let names: Vec<Node> = match node.kind() {
            "parameter_declaration" | "variadic_parameter_declaration" | "var_spec" | "const_spec" => {
                let mut cursor = node.walk();
                node.children_by_field_name("name", &mut cursor).collect()
            }
            "type_spec" | "type_alias" => node.child_by_field_name("name").into_iter().collect(),
            "short_var_declaration" | "range_clause" => {
                node.child_by_field_name("left").map(syntax::named_children).unwrap_or_default()
            }
            _ => Vec::new(),
        };
        declared = names.iter().any(|identifier| syntax::text(*identifier, text) == name);
        true
    });
    declared
}

/// Reports whether any file of the package declares `name` at the top level.
fn is_package_level_name(context: &Context, name: &str) -> bool {
    let mut found = false;
    context.for_each_file(&mut |tree, text| {
        for declaration in syntax::named_children(tree.root_node()) {
            let names: Vec<Node> = match declaration.kind() {
                "function_declaration" => declaration.child_by_field_name("name").into_iter().collect(),
                "var_declaration" | "const_declaration" | "type_declaration" => {
                    let mut names = Vec::new();
                    syntax::walk(declaration, &mut |node| {
                        match node.kind() {
                            "var_spec" | "const_spec" => {
                                let mut cursor = node.walk();
                                names.extend(node.children_by_field_name("name", &mut cursor));
                            }
                            "type_spec" | "type_alias" => names.extend(node.child_by_field_name("name")),
                            _ => return true,
                        }
                        false
                    });
                    names
                }
                _ => Vec::new(),
            };
            found |= names.iter().any(|identifier| syntax::text(*identifier, text) == name);
        }
    });
    found
}

/// Builds the edit that imports the standard package `path` into the file.
pub fn import_edit(tree: &Tree, text: &[u8], path: &str) -> Edit {
    let root = tree.root_node();
    let declarations: Vec<Node> = syntax::named_children(root)
        .into_iter()
        .filter(|node| node.kind() == "import_declaration")
        .collect();
    let is_cgo = |declaration: &Node| {
        let specs = specs_under(*declaration, text);
        specs.len() == 1 && specs[0].path == "C"
    };
    let quoted = format!("\"{path}\"");

    let block = declarations.iter().find(|declaration| {
        !is_cgo(declaration) && syntax::named_children(**declaration).iter().any(|child| child.kind() == "import_spec_list")
    });
    if let Some(block) = block {
        let list = syntax::named_children(*block).into_iter().find(|child| child.kind() == "import_spec_list").unwrap();
        return insert_into_block(list, text, path, &quoted);
    }

    let plain = declarations.iter().rev().find(|declaration| !is_cgo(declaration));
    if let Some(single) = plain {
        let spec = specs_under(*single, text).into_iter().next();
        if let Some(spec) = spec {
            return block_from_single(*single, &spec, text, path, &quoted);
        }
    }

    // No import to join: a new declaration after the last import, or after the package clause.
    let anchor = declarations
        .last()
        .copied()
        .or_else(|| syntax::named_children(root).into_iter().find(|node| node.kind() == "package_clause"));
    let ending = source::line_ending_at(text, anchor.map_or(0, |node| node.start_byte()));
    match anchor {
        Some(anchor) => Edit::insert(anchor.end_byte(), format!("{ending}{ending}import {quoted}")),
        None => Edit::insert(0, format!("import {quoted}{ending}{ending}")),
    }
}

/// Reports whether an import path belongs to the standard library: its first element has
/// no dot, as the go command decides.
fn is_standard(path: &str) -> bool {
    !path.split('/').next().unwrap_or(path).contains('.')
}

/// Inserts the spec into the standard-library group of an `import (...)` list, or as a new
/// first group when there is none.
fn insert_into_block(list: Node, text: &[u8], path: &str, quoted: &str) -> Edit {
    let specs: Vec<ImportSpec> = specs_under(list, text);
    let ending = source::line_ending_at(text, list.start_byte());
    let Some(first) = specs.first() else {
        // `import ()`: the spec goes before the closing parenthesis.
        let close = list.end_byte() - 1;
        let before_close = &text[list.start_byte()..close];
        let prefix = if before_close.contains(&b'\n') { "" } else { ending };
        return Edit::insert(close, format!("{prefix}\t{quoted}{ending}"));
    };

    let groups = group_specs(&specs, text);
    let standard_group = groups
        .iter()
        .find(|group| group.iter().all(|&index| is_standard(&specs[index].path)));
    let Some(group) = standard_group else {
        let line_start = line_start_before_comments(text, first.node.start_byte());
        return Edit::insert(line_start, format!("\t{quoted}{ending}{ending}"));
    };

    let following = group.iter().find(|&&index| specs[index].path.as_str() > path);
    match following {
        Some(&index) => {
            let line_start = line_start_before_comments(text, specs[index].node.start_byte());
            Edit::insert(line_start, format!("\t{quoted}{ending}"))
        }
        None => {
            let last = &specs[*group.last().unwrap()];
            let line_end = next_line_start(text, last.node.end_byte());
            Edit::insert(line_end, format!("\t{quoted}{ending}"))
        }
    }
}

/// Splits the specs of a list into groups of consecutive lines that no blank line
/// separates, as gofmt sorts them.
fn group_specs(specs: &[ImportSpec], text: &[u8]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (index, spec) in specs.iter().enumerate() {
        let starts_group = match index {
            0 => true,
            _ => has_blank_line(&text[specs[index - 1].node.end_byte()..spec.node.start_byte()]),
        };
        if starts_group {
            groups.push(Vec::new());
        }
        groups.last_mut().unwrap().push(index);
    }
    groups
}

fn has_blank_line(between: &[u8]) -> bool {
    let lines: Vec<&[u8]> = between.split(|byte| *byte == b'\n').collect();
    // The first piece ends the previous spec's line and the last starts the next spec's
    // line. A blank line is an empty piece between them.
    lines.len() > 2 && lines[1..lines.len() - 1].iter().any(|line| line.iter().all(|byte| byte.is_ascii_whitespace()))
}

/// Returns the start of the line holding `offset`, moved up over the comment lines
/// directly above it, which gofmt keeps with the spec below them.
fn line_start_before_comments(text: &[u8], offset: usize) -> usize {
    let mut start = line_start(text, offset);
    while start > 0 {
        let previous = line_start(text, start - 1);
        let line = String::from_utf8_lossy(&text[previous..start]);
        let trimmed = line.trim();
        if trimmed.starts_with("//") {
            start = previous;
        } else {
            break;
        }
    }
    start
}

fn line_start(text: &[u8], offset: usize) -> usize {
    text[..offset].iter().rposition(|byte| *byte == b'\n').map_or(0, |index| index + 1)
}

fn next_line_start(text: &[u8], offset: usize) -> usize {
    text[offset..].iter().position(|byte| *byte == b'\n').map_or(text.len(), |index| offset + index + 1)
}

/// Turns `import "fmt"` into a block that also imports `path`, with the standard
/// packages first and a blank line before any other.
fn block_from_single(declaration: Node, spec: &ImportSpec, text: &[u8], path: &str, quoted: &str) -> Edit {
    let ending = source::line_ending_at(text, declaration.start_byte());
    let existing = syntax::text(spec.node, text);
    let body = if !is_standard(&spec.path) {
        format!("\t{quoted}{ending}{ending}\t{existing}{ending}")
    } else if spec.path.as_str() < path {
        format!("\t{existing}{ending}\t{quoted}{ending}")
    } else {
        format!("\t{quoted}{ending}\t{existing}{ending}")
    };
    Edit::replace(declaration.byte_range(), format!("import ({ending}{body})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(text: &str, path: &str) -> String {
        let tree = syntax::parse(text.as_bytes());
        let edit = import_edit(&tree, text.as_bytes(), path);
        let mut output = text.to_string();
        output.replace_range(edit.range, &edit.replacement);
        output
    }

    #[test]
    fn adds_declaration_without_imports() {
        let text = "package p\n\nfunc f() {}\n";
        assert_eq!(add(text, "strings"), "package p\n\nimport \"strings\"\n\nfunc f() {}\n");
    }

    #[test]
    fn turns_single_import_into_block() {
        let text = "package p\n\nimport \"fmt\"\n\nfunc f() {}\n";
        assert_eq!(add(text, "strings"), "package p\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nfunc f() {}\n");
        assert_eq!(add(text, "bytes"), "package p\n\nimport (\n\t\"bytes\"\n\t\"fmt\"\n)\n\nfunc f() {}\n");
    }

    #[test]
    fn single_aliased_import_keeps_alias() {
        let text = "package p\n\nimport f \"fmt\"\n";
        assert_eq!(add(text, "strings"), "package p\n\nimport (\n\tf \"fmt\"\n\t\"strings\"\n)\n");
    }

    #[test]
    fn single_third_party_import_gets_own_group() {
        let text = "package p\n\nimport \"example.com/m/x\"\n";
        assert_eq!(add(text, "bytes"), "package p\n\nimport (\n\t\"bytes\"\n\n\t\"example.com/m/x\"\n)\n");
    }

    #[test]
    fn inserts_in_sorted_place() {
        let text = "package p\n\nimport (\n\t\"bytes\"\n\t\"fmt\"\n\t\"os\"\n)\n";
        assert_eq!(add(text, "io"), "package p\n\nimport (\n\t\"bytes\"\n\t\"fmt\"\n\t\"io\"\n\t\"os\"\n)\n");
        assert_eq!(add(text, "unsafe"), "package p\n\nimport (\n\t\"bytes\"\n\t\"fmt\"\n\t\"os\"\n\t\"unsafe\"\n)\n");
        assert_eq!(add(text, "archive/tar"), "package p\n\nimport (\n\t\"archive/tar\"\n\t\"bytes\"\n\t\"fmt\"\n\t\"os\"\n)\n");
    }

    #[test]
    fn joins_standard_group_of_grouped_imports() {
        let text = "package p\n\nimport (\n\t\"example.com/a\"\n\n\t\"fmt\"\n\t\"os\"\n\n\t\"example.com/z\"\n)\n";
        let expected = "package p\n\nimport (\n\t\"example.com/a\"\n\n\t\"fmt\"\n\t\"os\"\n\t\"strings\"\n\n\t\"example.com/z\"\n)\n";
        assert_eq!(add(text, "strings"), expected);
    }

    #[test]
    fn block_without_standard_group_gets_new_group() {
        let text = "package p\n\nimport (\n\t\"example.com/a\"\n\t\"example.com/b\"\n)\n";
        let expected = "package p\n\nimport (\n\t\"slices\"\n\n\t\"example.com/a\"\n\t\"example.com/b\"\n)\n";
        assert_eq!(add(text, "slices"), expected);
    }

    #[test]
    fn keeps_comment_above_following_spec() {
        let text = "package p\n\nimport (\n\t\"bytes\"\n\t// for printing\n\t\"fmt\"\n)\n";
        let expected = "package p\n\nimport (\n\t\"bytes\"\n\t\"errors\"\n\t// for printing\n\t\"fmt\"\n)\n";
        assert_eq!(add(text, "errors"), expected);
    }

    #[test]
    fn last_spec_with_trailing_comment() {
        let text = "package p\n\nimport (\n\t\"bytes\" // buffers\n)\n";
        assert_eq!(add(text, "strings"), "package p\n\nimport (\n\t\"bytes\" // buffers\n\t\"strings\"\n)\n");
    }

    #[test]
    fn cgo_import_stays_alone() {
        let text = "package p\n\n// #include <stdlib.h>\nimport \"C\"\n\nfunc f() {}\n";
        let expected = "package p\n\n// #include <stdlib.h>\nimport \"C\"\n\nimport \"strings\"\n\nfunc f() {}\n";
        assert_eq!(add(text, "strings"), expected);
    }

    #[test]
    fn cgo_import_next_to_block_uses_block() {
        let text = "package p\n\n// #include <stdlib.h>\nimport \"C\"\n\nimport (\n\t\"fmt\"\n)\n";
        let expected = "package p\n\n// #include <stdlib.h>\nimport \"C\"\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n";
        assert_eq!(add(text, "strings"), expected);
    }

    #[test]
    fn keeps_crlf_line_endings() {
        let text = "package p\r\n\r\nimport (\r\n\t\"fmt\"\r\n)\r\n";
        assert_eq!(add(text, "strings"), "package p\r\n\r\nimport (\r\n\t\"fmt\"\r\n\t\"strings\"\r\n)\r\n");
    }

    #[test]
    fn empty_block_gets_spec() {
        let text = "package p\n\nimport ()\n";
        assert_eq!(add(text, "strings"), "package p\n\nimport (\n\t\"strings\"\n)\n");
    }

    #[test]
    fn standard_paths() {
        assert!(is_standard("strings"));
        assert!(is_standard("archive/tar"));
        assert!(!is_standard("golang.org/x/sync"));
    }

    /// Returns the qualifier for `path` at the first `return` statement of `text`.
    fn qualifier_at_return(text: &str, path: &str) -> Option<Qualifier> {
        let tree = syntax::parse(text.as_bytes());
        let package = crate::package::PackageIndex::empty();
        let context = Context {
            path: std::path::Path::new("p.go"),
            text: text.as_bytes(),
            tree: &tree,
            package: &package,
            package_name: "p",
            go_version: crate::gomod::GoVersion::NEWEST,
        };
        let mut site = None;
        syntax::walk(tree.root_node(), &mut |node| {
            if node.kind() == "return_statement" && site.is_none() {
                site = Some(node);
            }
            true
        });
        qualifier(&context, site.unwrap(), path)
    }

    #[test]
    fn qualifier_reuses_existing_import() {
        let text = "package p\n\nimport \"strings\"\n\nfunc f() string { return \"\" }\n";
        assert_eq!(qualifier_at_return(text, "strings"), Some(Qualifier { name: "strings".into(), import: None }));
    }

    #[test]
    fn qualifier_reuses_alias() {
        let text = "package p\n\nimport str \"strings\"\n\nfunc f() string { return \"\" }\n";
        assert_eq!(qualifier_at_return(text, "strings"), Some(Qualifier { name: "str".into(), import: None }));
    }

    #[test]
    fn qualifier_adds_missing_import() {
        let text = "package p\n\nfunc f() string { return \"\" }\n";
        let found = qualifier_at_return(text, "strings").unwrap();
        assert_eq!(found.name, "strings");
        assert!(found.import.is_some());
    }

    #[test]
    fn qualifier_rejects_shadowed_name() {
        let text = "package p\n\nimport \"bytes\"\n\nfunc f(bytes []byte) []byte { return nil }\n";
        assert_eq!(qualifier_at_return(text, "bytes"), None);
    }

    #[test]
    fn qualifier_rejects_blank_and_dot_imports() {
        let blank = "package p\n\nimport _ \"strings\"\n\nfunc f() string { return \"\" }\n";
        assert_eq!(qualifier_at_return(blank, "strings"), None);
        let dot = "package p\n\nimport . \"strings\"\n\nfunc f() string { return \"\" }\n";
        assert_eq!(qualifier_at_return(dot, "strings"), None);
    }

    #[test]
    fn qualifier_rejects_name_of_other_import() {
        let text = "package p\n\nimport bytes \"example.com/fastbytes\"\n\nfunc f() []byte { return bytes.X }\n";
        assert_eq!(qualifier_at_return(text, "bytes"), None);
    }

    #[test]
    fn qualifier_rejects_package_level_name() {
        let text = "package p\n\nvar slices = 3\n\nfunc f() int { return slices }\n";
        assert_eq!(qualifier_at_return(text, "slices"), None);
    }

    #[test]
    fn declarations_shadow_names() {
        let text = b"package p\n\nfunc f(strings []string) {\n\tbytes := 1\n\t_ = bytes\n}\n";
        let tree = syntax::parse(text);
        let body = tree.root_node().named_child(1).unwrap();
        assert!(is_declared_in_function(body, "strings", text));
        assert!(is_declared_in_function(body, "bytes", text));
        assert!(!is_declared_in_function(body, "slices", text));
    }
}
