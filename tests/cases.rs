//! Snapshot tests for every Go case under `transforms/RULE/cases/`.
//!
//! Each case's findings and the diff of its fixes (unsafe ones included) are kept as
//! insta snapshots in `snapshots/`. The harness also checks what every case must
//! satisfy, whatever its snapshot contains: cases under `fix/` change, cases under `report/`
//! have a finding and no change (display-only), cases under `keep/` have no finding, the
//! fixes converge, and a second pass over the output changes nothing.

use std::path::{Path, PathBuf};

use goleakfix::diff::{self, Colors};
use goleakfix::engine::{self, Settings};
use goleakfix::gomod::{self, GoVersion};
use goleakfix::package::PackageIndex;
use goleakfix::rules::{self, RULES};
use goleakfix::source::{LineIndex, Source};

struct Case {
    rule: String,
    expectation: String,
    name: String,
    file: PathBuf,
}

fn cases() -> Vec<Case> {
    let transforms = Path::new(env!("CARGO_MANIFEST_DIR")).join("transforms");
    let mut found = Vec::new();
    for rule in sorted_entries(&transforms) {
        for expectation in ["fix", "report", "keep"] {
            for case in sorted_entries(&rule.join("cases").join(expectation)) {
                let file = sorted_entries(&case)
                    .into_iter()
                    .find(|path| path.extension().is_some_and(|extension| extension == "go"))
                    .unwrap_or_else(|| panic!("{} holds no .go file", case.display()));
                found.push(Case {
                    rule: file_name(&rule),
                    expectation: expectation.to_string(),
                    name: file_name(&case),
                    file,
                });
            }
        }
    }
    found
}

fn sorted_entries(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries.map(|entry| entry.unwrap().path()).collect();
    paths.sort();
    paths
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

fn go_version(case_file: &Path) -> GoVersion {
    let go_mod = case_file.with_file_name("go.mod");
    std::fs::read_to_string(go_mod)
        .ok()
        .and_then(|text| gomod::parse_go_line(&text))
        .unwrap_or(GoVersion { major: 1, minor: 22 })
}

/// Runs the case's rule with unsafe fixes and returns the snapshot text and the fixed file.
fn run_case(case: &Case, bytes: &[u8]) -> (String, Option<Vec<u8>>, Vec<String>) {
    let rule = rules::find(&case.rule).unwrap_or_else(|| panic!("no rule named {}", case.rule));
    let package = PackageIndex::new(case.file.parent().unwrap());
    let settings = Settings {
        rules: vec![rule],
        unsafe_fixes: true,
        go_version: go_version(&case.file),
        package: &package,
    };
    let source = Source::new(bytes);
    let outcome = engine::fix_file(&case.file, &source, &settings);

    let mut problems = Vec::new();
    if let Some(error) = &outcome.error {
        problems.push(format!("engine error: {error}"));
    }

    let lines = LineIndex::new(&source.text);
    let file = file_name(&case.file);
    let mut snapshot = String::from("findings:\n");
    for finding in &outcome.original_findings {
        let (line, column) = lines.position(finding.range.start);
        snapshot.push_str(&format!(
            "  {file}:{line}:{column}: {} [{}]: {}\n",
            finding.rule,
            finding.applicability.label(),
            finding.message
        ));
    }
    if outcome.original_findings.is_empty() {
        snapshot.push_str("  none\n");
    }

    let fixed = outcome.fixed.as_ref().map(Source::to_bytes);
    match &fixed {
        Some(new) => {
            let mut text = Vec::new();
            diff::write_unified(&mut text, &file, bytes, new, &Colors { enabled: false }).unwrap();
            snapshot.push_str("diff:\n");
            snapshot.push_str(&String::from_utf8_lossy(&text));
        }
        None => snapshot.push_str("no change\n"),
    }
    (snapshot, fixed, problems)
}

#[test]
fn every_case_matches_its_snapshot() {
    let cases = cases();
    assert!(!cases.is_empty(), "no cases found under transforms/");

    let mut problems = Vec::new();
    for case in &cases {
        let label = format!("{}/{}/{}", case.rule, case.expectation, case.name);
        let bytes = std::fs::read(&case.file).unwrap();
        let (snapshot, fixed, mut case_problems) = run_case(case, &bytes);

        match (case.expectation.as_str(), &fixed) {
            ("fix", None) => case_problems.push("a case under fix/ was not changed".to_string()),
            ("keep" | "report", Some(_)) => case_problems.push("the case was changed".to_string()),
            _ => {}
        }
        let has_finding = !snapshot.contains("findings:\n  none\n");
        if case.expectation == "keep" && has_finding {
            case_problems.push("a case under keep/ has a finding".to_string());
        }
        if case.expectation != "keep" && !has_finding {
            case_problems.push("the rule is silent on a case it must find".to_string());
        }

        // The prefilter skips files that lack a rule's tokens; it must never skip a case with a finding.
        let rule = rules::find(&case.rule).unwrap();
        if has_finding && !rules::may_match(rule, &bytes) {
            case_problems.push("the token prefilter would skip this case".to_string());
        }

        if let Some(fixed) = &fixed {
            let (second, again, _) = run_case(case, fixed);
            if again.is_some() {
                case_problems.push(format!("a second run changed the fixed file again:\n{second}"));
            }
        }

        insta::with_settings!({
            snapshot_path => "../snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
            description => label.clone(),
        }, {
            insta::assert_snapshot!(format!("{}__{}__{}", case.rule, case.expectation, case.name), snapshot);
        });

        problems.extend(case_problems.into_iter().map(|problem| format!("{label}: {problem}")));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_rule_has_documentation_and_cases() {
    let transforms = Path::new(env!("CARGO_MANIFEST_DIR")).join("transforms");
    for rule in RULES {
        let folder = transforms.join(rule.id);
        assert!(folder.join("README.md").is_file(), "{} has no README.md", rule.id);
        assert!(!sorted_entries(&folder.join("cases/fix")).is_empty(), "{} has no fix cases", rule.id);
        assert!(!sorted_entries(&folder.join("cases/keep")).is_empty(), "{} has no keep cases", rule.id);
    }
}

/// A rule that applies only before some Go version must show both sides of that line.
/// Each fix case `NAME` has a keep case `NAME-go1.23` with the same Go file, and a go.mod
/// at a version the rule does not apply to.
#[test]
fn version_limited_rules_have_newer_go_twins() {
    let mut problems = Vec::new();
    let cases = cases();
    for rule in RULES.iter().filter(|rule| !(rule.applies_to)(GoVersion::NEWEST)) {
        for fix in cases.iter().filter(|case| case.rule == rule.id && case.expectation == "fix") {
            let twin_name = format!("{}-go1.23", fix.name);
            let Some(twin) = cases.iter().find(|case| case.rule == rule.id && case.expectation == "keep" && case.name == twin_name) else {
                problems.push(format!("{}/fix/{} has no keep/{twin_name}", rule.id, fix.name));
                continue;
            };
            if std::fs::read(&fix.file).unwrap() != std::fs::read(&twin.file).unwrap() {
                problems.push(format!("{}/keep/{twin_name} differs from fix/{}", rule.id, fix.name));
            }
            if (rule.applies_to)(go_version(&twin.file)) {
                problems.push(format!("{}/keep/{twin_name} declares a Go version the rule applies to", rule.id));
            }
            if !(rule.applies_to)(go_version(&fix.file)) {
                problems.push(format!("{}/fix/{} declares a Go version the rule does not apply to", rule.id, fix.name));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn readme_rule_table_matches_registry() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let table = goleakfix::report::markdown_rule_table();
    assert!(
        readme.contains(&table),
        "README.md must contain the rule table that `goleakfix rules` describes:\n{table}"
    );
}
