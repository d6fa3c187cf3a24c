//! subslice-retention: a small subslice of a large buffer stored where it outlives the
//! buffer, so the whole backing array stays alive. The fix stores a copy.
//!
//! The analysis is shared with substring-retention and lives in `pieces`.

use tree_sitter::Node;

use super::pieces::{self, Family};
use super::{Context, Rule};
use crate::fix::Finding;

pub const RULE: Rule = Rule {
    id: "subslice-retention",
    summary: "a subslice of a large buffer is kept after the buffer, so the whole backing array stays alive",
    fix_safety: "safe when nothing writes the buffer after the subslice is cut, unsafe otherwise",
    go_versions: "all (bytes.Clone from 1.20, slices.Clone from 1.21, append before)",
    applies_to: |_| true,
    documentation: include_str!("../../transforms/subslice-retention/README.md"),
    required_tokens: &[],
    node_kinds: &["package_clause"],
    check,
};

fn check(context: &Context, clause: Node, findings: &mut Vec<Finding>) {
    pieces::check_file(context, clause, Family::Slices, RULE.id, findings);
}
