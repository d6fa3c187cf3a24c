//! Checking and fixing one file: one parse and one traversal per pass, rules called on
//! the node kinds they asked for, and fix passes until nothing applicable is left.
//!
//! The engine does not depend on the command line. It takes bytes and settings and returns
//! the new bytes, the findings that remain and any internal error.

use std::path::Path;

use tree_sitter::Tree;

use crate::fix::{apply_fixes, Finding};
use crate::format;
use crate::gomod::GoVersion;
use crate::package::{self, PackageIndex};
use crate::rules::{self, Context, Rule};
use crate::source::{LineIndex, Source};
use crate::syntax;

/// Fix passes before the engine gives up on a file whose fixes keep changing it.
const MAX_PASSES: usize = 8;

pub struct Settings<'a> {
    pub rules: Vec<&'static Rule>,
    pub unsafe_fixes: bool,
    pub go_version: GoVersion,
    pub package: &'a PackageIndex,
}

/// The result of checking and fixing one file.
pub struct FileOutcome {
    /// The file as it would be written, when a fix changed it.
    pub fixed: Option<Source>,
    /// Findings of the original text.
    pub original_findings: Vec<Finding>,
    /// Findings whose fixes were applied. Their ranges refer to the original text for
    /// the first pass, and only roughly to it for later passes.
    pub applied_findings: Vec<Finding>,
    /// Findings left in the fixed text (or the original one when nothing changed).
    pub remaining_findings: Vec<Finding>,
    pub applied_fixes: usize,
    /// Whether any rule's tokens were found, so the file was parsed.
    pub parsed: bool,
    /// Error and missing nodes in the original parse; zero when the file was not parsed.
    pub syntax_errors: usize,
    /// Where the first syntax error of the original parse starts.
    pub first_syntax_error: Option<usize>,
    pub error: Option<String>,
}

impl FileOutcome {
    /// Returns the text the remaining findings refer to.
    pub fn final_text<'a>(&'a self, original: &'a Source) -> &'a [u8] {
        self.fixed.as_ref().map_or(&original.text, |source| &source.text)
    }
}

/// Checks `source` and applies every applicable fix, pass after pass.
pub fn fix_file(path: &Path, source: &Source, settings: &Settings) -> FileOutcome {
    let rules: Vec<&Rule> = settings
        .rules
        .iter()
        .copied()
        .filter(|rule| (rule.applies_to)(settings.go_version))
        .filter(|rule| rules::may_match(rule, &source.text))
        .collect();

    let mut outcome = FileOutcome {
        fixed: None,
        original_findings: Vec::new(),
        remaining_findings: Vec::new(),
        applied_findings: Vec::new(),
        applied_fixes: 0,
        parsed: false,
        syntax_errors: 0,
        first_syntax_error: None,
        error: None,
    };
    // A file that lacks every rule's tokens cannot match, so it is not parsed at all.
    if rules.is_empty() {
        return outcome;
    }

    let mut text = source.text.clone();
    let mut tree = syntax::parse(&text);
    outcome.parsed = true;
    outcome.syntax_errors = syntax::count_syntax_errors(&tree);
    outcome.first_syntax_error = syntax::first_error_offset(&tree);

    for pass in 0.. {
        let findings = check(path, &text, &tree, &rules, settings);
        if pass == 0 {
            outcome.original_findings = findings.clone();
        }

        let applicable: Vec<&Finding> = findings.iter().filter(|f| f.is_applicable(settings.unsafe_fixes)).collect();
        if applicable.is_empty() {
            outcome.remaining_findings = findings;
            break;
        }
        if pass == MAX_PASSES {
            outcome.error = Some(format!(
                "fixes did not converge after {MAX_PASSES} passes (rule {}); the last fixed text was kept",
                applicable[0].rule
            ));
            outcome.remaining_findings = findings;
            break;
        }

        let round = apply_fixes(&text, &applicable);
        let applied = round.findings;
        let new_text = format::realign_comments(&round.text, &round.written);
        let new_tree = syntax::parse(&new_text);
        if syntax::count_syntax_errors(&new_tree) > syntax::count_syntax_errors(&tree) {
            let mut ids: Vec<&str> = applied.iter().map(|&i| applicable[i].rule).collect();
            ids.dedup();
            outcome.error = Some(format!(
                "a fix by {} would break the syntax, so the file was left as it was",
                ids.join(", ")
            ));
            outcome.fixed = None;
            outcome.applied_fixes = 0;
            outcome.applied_findings.clear();
            outcome.remaining_findings = outcome.original_findings.clone();
            return outcome;
        }

        outcome.applied_fixes += applied.len();
        outcome.applied_findings.extend(applied.iter().map(|&i| applicable[i].clone()));
        text = new_text;
        tree = new_tree;
    }

    if text != source.text {
        outcome.fixed = Some(source.with_text(text));
    }
    outcome
}

/// Runs `rules` over one tree in one traversal and drops suppressed findings.
fn check(path: &Path, text: &[u8], tree: &Tree, rules: &[&Rule], settings: &Settings) -> Vec<Finding> {
    let package_name = package::package_name(tree, text).unwrap_or("");
    let context = Context {
        path,
        text,
        tree,
        package: settings.package,
        package_name,
        go_version: settings.go_version,
    };

    let mut findings = Vec::new();
    for declaration in syntax::named_children(tree.root_node()) {
        // A syntax error in one declaration must not stop the rules in the others.
        if declaration.has_error() {
            continue;
        }
        syntax::walk(declaration, &mut |node| {
            for rule in rules.iter().filter(|rule| rule.node_kinds.contains(&node.kind())) {
                (rule.check)(&context, node, &mut findings);
            }
            true
        });
    }

    let lines = LineIndex::new(text);
    findings.retain(|finding| !is_suppressed(text, &lines, finding));
    findings.sort_by_key(|finding| (finding.range.start, finding.rule));
    findings
}

/// Reports whether a `//goleakfix:ignore` or `//nolint` directive on the finding's line,
/// or the line above, names its rule.
fn is_suppressed(text: &[u8], lines: &LineIndex, finding: &Finding) -> bool {
    let (line, _) = lines.position(finding.range.start);
    let candidates = if line > 1 { vec![line - 1, line] } else { vec![line] };
    candidates.into_iter().any(|line| {
        let bytes = &text[lines.line_range(text, line)];
        let line_text = String::from_utf8_lossy(bytes);
        directive_names_rule(&line_text, finding.rule)
    })
}

fn directive_names_rule(line: &str, rule: &str) -> bool {
    let mut rest = line;
    while let Some(at) = rest.find("//") {
        let comment = rest[at + 2..].trim_start();
        rest = &rest[at + 2..];

        let (names, default_all) = if let Some(names) = comment.strip_prefix("goleakfix:ignore") {
            (names, true)
        } else if let Some(names) = comment.strip_prefix("nolint") {
            (names.strip_prefix(':').unwrap_or(""), true)
        } else {
            continue;
        };
        let names = names.split("//").next().unwrap_or("").trim();
        if names.is_empty() {
            return default_all;
        }
        let first_word = names.split_whitespace().next().unwrap_or("");
        if first_word
            .split(',')
            .any(|name| name == rule || name == "goleakfix" || name == "all")
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::directive_names_rule;

    #[test]
    fn directives_name_rules() {
        assert!(directive_names_rule("\tch := make(chan int) //goleakfix:ignore abandoned-send", "abandoned-send"));
        assert!(directive_names_rule("//goleakfix:ignore abandoned-send // the caller always reads", "abandoned-send"));
        assert!(directive_names_rule("//goleakfix:ignore", "abandoned-send"));
        assert!(directive_names_rule("x() //nolint:goleakfix", "abandoned-send"));
        assert!(directive_names_rule("x() //nolint:errcheck,goleakfix // reason", "abandoned-send"));
        assert!(!directive_names_rule("x() //nolint:errcheck", "abandoned-send"));
        assert!(!directive_names_rule("//goleakfix:ignore time-tick", "abandoned-send"));
    }
}
