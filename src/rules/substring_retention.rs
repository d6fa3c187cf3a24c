//! substring-retention: a small substring of a large string stored where it outlives the
//! string, so all of its bytes stay alive. The fix stores a copy.
//!
//! The analysis is shared with subslice-retention and lives in `pieces`.

use tree_sitter::Node;

use super::pieces::{self, Family};
use super::{Context, Rule};
use crate::fix::Finding;

pub const RULE: Rule = Rule {
    id: "substring-retention",
    summary: "a substring of a large string is kept after the string, so all of its bytes stay alive",
    fix_safety: "safe (strings are immutable)",
    go_versions: "all (strings.Clone from 1.18, string([]byte(s)) before)",
    applies_to: |_| true,
    documentation: include_str!("../../transforms/substring-retention/README.md"),
    required_tokens: &[],
    node_kinds: &["package_clause"],
    check,
};

fn check(context: &Context, clause: Node, findings: &mut Vec<Finding>) {
    pieces::check_file(context, clause, Family::Strings, RULE.id, findings);
}
