//! The table of rules. Every rule is registered here once, with the documentation
//! that `goleakfix explain`, `goleakfix rules` and the README's rule table show.

use std::path::Path;

use tree_sitter::{Node, Tree};

use crate::fix::Finding;
use crate::gomod::GoVersion;
use crate::package::{self, FunctionRef, PackageIndex};

mod abandoned_send;
mod flow;
mod imports;
mod pieces;
mod pointer_slice_retention;
mod subslice_retention;
mod substring_retention;
mod types;

/// The file a rule checks, with its package and Go version.
pub struct Context<'a> {
    pub path: &'a Path,
    pub text: &'a [u8],
    pub tree: &'a Tree,
    pub package: &'a PackageIndex,
    pub package_name: &'a str,
    pub go_version: GoVersion,
}

impl<'a> Context<'a> {
    /// Finds the top-level function `name` in this file or another file of its package.
    pub fn function(&self, name: &str) -> Option<FunctionRef<'a>> {
        package::find_function(self.tree, self.text, name)
            .or_else(|| self.package.function(name, self.package_name, self.path))
    }

    /// Finds the method `name` of type `receiver_type` in this file or another file of
    /// its package.
    pub fn method(&self, receiver_type: &str, name: &str) -> Option<FunctionRef<'a>> {
        package::find_method(self.tree, self.text, receiver_type, name)
            .or_else(|| self.package.method(receiver_type, name, self.package_name, self.path))
    }

    /// Calls `visit` on this file's tree and on the trees of the other files of its package.
    pub fn for_each_file(&self, visit: &mut dyn FnMut(&Tree, &[u8])) {
        visit(self.tree, self.text);
        for file in self.package.files_of(self.package_name, self.path) {
            visit(&file.tree, &file.text);
        }
    }

    /// Reports whether the file imports `import_path`.
    pub fn imports(&self, import_path: &str) -> bool {
        let quoted = format!("\"{import_path}\"");
        let mut found = false;
        for declaration in crate::syntax::named_children(self.tree.root_node()) {
            if declaration.kind() != "import_declaration" {
                continue;
            }
            crate::syntax::walk(declaration, &mut |node| {
                if node.kind() == "interpreted_string_literal" && crate::syntax::text(node, self.text) == quoted {
                    found = true;
                }
                true
            });
        }
        found
    }
}

pub struct Rule {
    pub id: &'static str,
    pub summary: &'static str,
    /// The best applicability its fixes reach, in words.
    pub fix_safety: &'static str,
    /// The Go versions of the module the rule applies to, in words.
    pub go_versions: &'static str,
    pub applies_to: fn(GoVersion) -> bool,
    /// The rule's page in `transforms/RULE/README.md`.
    pub documentation: &'static str,
    /// Byte strings that any file with a match contains; files lacking one are not parsed.
    pub required_tokens: &'static [&'static str],
    /// The node kinds `check` is called on.
    pub node_kinds: &'static [&'static str],
    pub check: fn(&Context, Node, &mut Vec<Finding>),
}

pub static RULES: &[Rule] = &[
    abandoned_send::RULE,
    subslice_retention::RULE,
    substring_retention::RULE,
    pointer_slice_retention::RULE,
];

pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.id == id)
}

/// Reports whether `text` contains every token `rule` needs, so it is worth parsing.
pub fn may_match(rule: &Rule, text: &[u8]) -> bool {
    rule.required_tokens
        .iter()
        .all(|token| text.windows(token.len()).any(|window| window == token.as_bytes()))
}
