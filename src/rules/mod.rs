//! The table of rules. Every rule is registered here once, with the documentation
//! that `goleakfix explain`, `goleakfix rules` and the README's rule table show.

use std::path::Path;

use tree_sitter::{Node, Tree};

use crate::fix::Finding;
use crate::gomod::GoVersion;
use crate::package::{self, FunctionRef, PackageIndex};

mod abandoned_producer;
mod abandoned_send;
mod channel;
mod constant;
mod flow;
mod imports;
mod layout;
mod lost_cancel;
mod names;
mod pieces;
mod pointer_slice_retention;
mod subslice_retention;
mod substring_retention;
mod time_after_in_loop;
mod time_tick;
mod types;
mod unguarded_send;

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

    /// Reports whether `function` is `func main` of package main.
    pub fn is_main_function(&self, function: Node) -> bool {
        self.package_name == "main"
            && function.kind() == "function_declaration"
            && function.child_by_field_name("name").is_some_and(|name| crate::syntax::text(name, self.text) == "main")
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
    abandoned_producer::RULE,
    time_after_in_loop::RULE,
    time_tick::RULE,
    lost_cancel::RULE,
    unguarded_send::RULE,
    subslice_retention::RULE,
    substring_retention::RULE,
    pointer_slice_retention::RULE,
];

/// The first Go version whose garbage collector frees timers and tickers that nothing
/// references, stopped or not. It applies when the main module's go.mod declares `go 1.23`
/// or later; older modules keep the old behaviour even on a newer toolchain.
pub const GO_1_23: GoVersion = GoVersion { major: 1, minor: 23 };

pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.id == id)
}

/// Reports whether the file is a `_test.go` file. The timer rules skip those: a test
/// binary ends with its tests, so a timer it leaves behind costs nothing lasting.
fn is_test_file(context: &Context) -> bool {
    context.path.file_name().is_some_and(|name| name.to_string_lossy().ends_with("_test.go"))
}

/// Reports whether `text` contains every token `rule` needs, so it is worth parsing.
pub fn may_match(rule: &Rule, text: &[u8]) -> bool {
    rule.required_tokens
        .iter()
        .all(|token| text.windows(token.len()).any(|window| window == token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timer_rules_stop_at_go_1_23() {
        let go_1_22 = GoVersion { major: 1, minor: 22 };
        for id in ["time-after-in-loop", "time-tick"] {
            let rule = find(id).unwrap();
            assert!((rule.applies_to)(go_1_22), "{id} must apply to 1.22");
            assert!((rule.applies_to)(GoVersion::WITHOUT_GO_LINE), "{id} must apply to 1.16");
            assert!(!(rule.applies_to)(GO_1_23), "{id} must not apply to 1.23");
            assert!(!(rule.applies_to)(GoVersion::NEWEST), "{id} must not apply to the newest release");
        }
    }

    #[test]
    fn other_rules_apply_to_every_version() {
        for id in ["abandoned-send", "lost-cancel"] {
            let rule = find(id).unwrap();
            assert!((rule.applies_to)(GoVersion::WITHOUT_GO_LINE), "{id} must apply to 1.16");
            assert!((rule.applies_to)(GoVersion::NEWEST), "{id} must apply to the newest release");
        }
    }

    #[test]
    fn every_rule_documents_its_versions() {
        for rule in RULES {
            assert!(rule.documentation.contains("## Go versions"), "{} has no Go versions section", rule.id);
        }
    }
}
