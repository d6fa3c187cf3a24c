//! Printing findings: text lines, JSON, SARIF 2.1.0 and GitHub Actions annotations.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::json;

use crate::fix::{Applicability, Finding};
use crate::rules::RULES;
use crate::source::LineIndex;

/// A finding placed in its file, ready to print.
#[derive(Clone, Debug, Serialize)]
pub struct Located {
    pub path: String,
    pub line: usize,
    /// 1-based, counted in bytes as Go's tools count.
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// 1-based, counted in Unicode code points, for SARIF.
    #[serde(skip)]
    pub column_chars: usize,
    #[serde(skip)]
    pub end_column_chars: usize,
    pub rule: &'static str,
    pub message: String,
    pub applicability: Applicability,
    /// Whether this run wrote (or, with --dry-run, shows) the fix.
    pub fixed: bool,
}

impl Located {
    pub fn new(path: &str, text: &[u8], lines: &LineIndex, finding: &Finding, fixed: bool) -> Located {
        let (line, column) = lines.position(finding.range.start);
        let (end_line, end_column) = lines.position(finding.range.end);
        let chars = |line: usize, column: usize| {
            let start = lines.line_range(text, line).start;
            String::from_utf8_lossy(&text[start..start + column - 1]).chars().count() + 1
        };
        Located {
            path: path.to_string(),
            line,
            column,
            end_line,
            end_column,
            column_chars: chars(line, column),
            end_column_chars: chars(end_line, end_column),
            rule: finding.rule,
            message: finding.message.clone(),
            applicability: finding.applicability,
            fixed,
        }
    }

    /// Formats the finding as `file:line:col: rule: message`, with a note on its fix.
    pub fn to_text(&self) -> String {
        let note = match (self.fixed, self.applicability) {
            (true, _) => " [fixed]",
            (false, Applicability::Safe) => " [fix available]",
            (false, Applicability::Unsafe) => " [unsafe fix available with --unsafe-fixes]",
            (false, Applicability::DisplayOnly) => "",
        };
        format!("{}:{}:{}: {}: {}{}", self.path, self.line, self.column, self.rule, self.message, note)
    }
}

pub fn write_json(out: &mut dyn Write, findings: &[Located], errors: &[String], diffs: &[(String, String)]) -> io::Result<()> {
    let mut document = json!({ "findings": findings, "errors": errors });
    if !diffs.is_empty() {
        let diffs: Vec<_> = diffs.iter().map(|(path, diff)| json!({ "path": path, "diff": diff })).collect();
        document["diffs"] = json!(diffs);
    }
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

pub fn write_sarif(out: &mut dyn Write, findings: &[Located]) -> io::Result<()> {
    let rules: Vec<_> = RULES
        .iter()
        .map(|rule| json!({ "id": rule.id, "shortDescription": { "text": rule.summary } }))
        .collect();
    let results: Vec<_> = findings
        .iter()
        .map(|finding| {
            json!({
                "ruleId": finding.rule,
                "level": "warning",
                "message": { "text": finding.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": finding.path },
                        "region": {
                            "startLine": finding.line,
                            "startColumn": finding.column_chars,
                            "endLine": finding.end_line,
                            "endColumn": finding.end_column_chars,
                        }
                    }
                }]
            })
        })
        .collect();
    let document = json!({
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": { "driver": { "name": "goleakfix", "version": env!("CARGO_PKG_VERSION"), "rules": rules } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

pub fn write_github(out: &mut dyn Write, findings: &[Located]) -> io::Result<()> {
    for finding in findings {
        writeln!(
            out,
            "::warning file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&finding.path),
            finding.line,
            finding.column,
            finding.end_line,
            finding.end_column,
            escape_property(finding.rule),
            escape_data(&finding.message),
        )?;
    }
    Ok(())
}

/// Escapes a workflow command's message as GitHub Actions reads it.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Prints the rule table of `goleakfix rules`.
pub fn write_rules(out: &mut dyn Write) -> io::Result<()> {
    let width = RULES.iter().map(|rule| rule.id.len()).max().unwrap_or(0);
    for rule in RULES {
        writeln!(out, "{:width$}  {}", rule.id, rule.summary)?;
        writeln!(out, "{:width$}  fix: {}; Go versions: {}", "", rule.fix_safety, rule.go_versions)?;
    }
    Ok(())
}

/// Returns the README's rule table, built from the rule registry.
pub fn markdown_rule_table() -> String {
    let mut table = String::from("| rule | finds | fix | Go versions |\n|---|---|---|---|\n");
    for rule in RULES {
        table.push_str(&format!("| `{}` | {} | {} | {} |\n", rule.id, rule.summary, rule.fix_safety, rule.go_versions));
    }
    table
}
