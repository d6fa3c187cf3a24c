//! One run of the command: collect the files, check and fix them in parallel, print
//! the results in path order, and decide the exit status once at the end.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{anyhow, bail, Result};
use rayon::prelude::*;

use crate::cli::{Cli, Command, Format};
use crate::diff::{self, Colors};
use crate::engine::{self, FileOutcome, Settings};
use crate::gomod::{GoModCache, GoVersion};
use crate::package::PackageIndex;
use crate::progress::Progress;
use crate::report::{self, Located};
use crate::rules::{self, Rule};
use crate::source::{LineIndex, Source};
use crate::walk::{self, Target};
use crate::write;

/// Files larger than this are reported and skipped: no Go source file is this large,
/// and parsing one would hold the whole run.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Exit statuses, as gofmt-like tools and the README state them.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Write,
    DryRun,
    Check,
}

/// The settings derived from the command line, shared by every file.
struct Plan {
    mode: Mode,
    rules: Vec<&'static Rule>,
    unsafe_fixes: bool,
    go_version: Option<GoVersion>,
    force_exclude: bool,
    go_mods: GoModCache,
    current_dir: PathBuf,
}

/// The result for one file, kept until every file is done so output is sorted.
#[derive(Default)]
struct FileReport {
    path: String,
    findings: Vec<Located>,
    diff: Vec<u8>,
    applied: usize,
    pending_unsafe: usize,
    lines: usize,
    syntax_errors: bool,
    /// Line and column of the first syntax error, for the note that names the file.
    first_syntax_error: Option<(usize, usize)>,
    parsed: bool,
    error: Option<String>,
    checked: bool,
}

/// Runs the command and returns its exit status.
pub fn run(cli: Cli) -> Result<u8> {
    match &cli.command {
        Some(Command::Rules) => {
            report::write_rules(&mut io::stdout().lock())?;
            return Ok(EXIT_CLEAN);
        }
        Some(Command::Explain { rule }) => {
            let Some(rule) = rules::find(rule) else {
                bail!("unknown rule {rule:?}; run `goleakfix rules` to list the rules");
            };
            io::stdout().lock().write_all(rule.documentation.as_bytes())?;
            return Ok(EXIT_CLEAN);
        }
        None => {}
    }

    let plan = plan(&cli)?;
    let stdin_requested = cli.paths.iter().any(|path| path == Path::new("-"));
    if stdin_requested {
        if cli.paths.len() > 1 {
            bail!("`-` reads one file from standard input and cannot be combined with other paths");
        }
        return run_stdin(&cli, &plan);
    }
    run_paths(&cli, &plan)
}

fn plan(cli: &Cli) -> Result<Plan> {
    if cli.dry_run && cli.check {
        bail!("--dry-run and --check cannot be combined: --dry-run prints the diff, --check only reports");
    }
    for id in cli.select.iter().chain(&cli.ignore) {
        if rules::find(id).is_none() {
            bail!("unknown rule {id:?}; run `goleakfix rules` to list the rules");
        }
    }
    let rules = rules::RULES
        .iter()
        .filter(|rule| cli.select.is_empty() || cli.select.iter().any(|id| id == rule.id))
        .filter(|rule| !cli.ignore.iter().any(|id| id == rule.id))
        .collect();
    let go_version = cli
        .go_version
        .as_deref()
        .map(|text| text.parse::<GoVersion>().map_err(|message| anyhow!("--go-version: {message}")))
        .transpose()?;
    let mode = if cli.dry_run {
        Mode::DryRun
    } else if cli.check {
        Mode::Check
    } else {
        Mode::Write
    };

    Ok(Plan {
        mode,
        rules,
        unsafe_fixes: cli.unsafe_fixes,
        go_version,
        force_exclude: cli.force_exclude,
        go_mods: GoModCache::default(),
        current_dir: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
    })
}

fn run_paths(cli: &Cli, plan: &Plan) -> Result<u8> {
    let started = Instant::now();
    let threads = cli.jobs.filter(|jobs| *jobs > 0).unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, |count| count.get())
    });
    let paths = if cli.paths.is_empty() { vec![PathBuf::from(".")] } else { cli.paths.clone() };
    let walk = walk::collect(&paths, threads);

    // Files of one folder form one package and share its index.
    let mut folders: BTreeMap<PathBuf, Vec<Target>> = BTreeMap::new();
    for target in walk.targets {
        let folder = target.path.parent().map(Path::to_path_buf).unwrap_or_default();
        folders.entry(folder).or_default().push(target);
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
    let total = folders.values().map(Vec::len).sum();
    let progress = Progress::start(total);
    let mut reports: Vec<FileReport> = pool.install(|| {
        folders
            .par_iter()
            .flat_map_iter(|(folder, targets)| {
                let package = PackageIndex::new(folder);
                let progress = &progress;
                targets
                    .iter()
                    .map(move |target| {
                        let report = process_target(target, &package, plan);
                        progress.advance();
                        report
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    });
    progress.finish();
    reports.sort_by(|a, b| a.path.cmp(&b.path));

    print_reports(cli, plan, &reports, &walk.errors, started)
}

/// Reads, checks, fixes and (in write mode) writes one file.
fn process_target(target: &Target, package: &PackageIndex, plan: &Plan) -> FileReport {
    let mut report = FileReport { path: display_path(&target.path, &plan.current_dir), ..FileReport::default() };
    let excluded_folder = target.named
        && plan.force_exclude
        && (walk::is_in_skipped_folder(&target.path) || walk::is_gitignored(&target.path));
    if excluded_folder {
        return report;
    }
    let size = std::fs::metadata(&target.path).map(|metadata| metadata.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        report.error = Some(format!(
            "{}: skipped: the file is {size} bytes, over the limit of {MAX_FILE_BYTES}",
            report.path
        ));
        return report;
    }
    let bytes = match std::fs::read(&target.path) {
        Ok(bytes) => bytes,
        Err(error) => {
            report.error = Some(format!("{}: cannot read the file: {error}", report.path));
            return report;
        }
    };
    if (!target.named || plan.force_exclude) && walk::is_generated(&bytes) {
        return report;
    }

    let source = Source::new(&bytes);
    let go_version = plan.go_version.unwrap_or_else(|| {
        let folder = target.path.parent().unwrap_or(Path::new("."));
        let folder = if folder.as_os_str().is_empty() { Path::new(".") } else { folder };
        plan.go_mods.version_for(folder).unwrap_or(GoVersion::NEWEST)
    });
    let settings = Settings { rules: plan.rules.clone(), unsafe_fixes: plan.unsafe_fixes, go_version, package };
    let outcome = engine::fix_file(&target.path, &source, &settings);

    report.checked = true;
    report.lines = bytes.iter().filter(|byte| **byte == b'\n').count();
    report.syntax_errors = outcome.syntax_errors > 0;
    report.first_syntax_error = outcome.first_syntax_error.map(|offset| LineIndex::new(&source.text).position(offset));
    report.parsed = outcome.parsed;
    report.error = outcome.error.as_ref().map(|error| format!("{}: internal error: {error}", report.path));
    fill_findings(&mut report, &source, &outcome, plan);

    let Some(fixed) = &outcome.fixed else { return report };
    let new_bytes = fixed.to_bytes();
    match plan.mode {
        Mode::Write => {
            if let Err(error) = write::replace_file(&target.path, &bytes, &new_bytes) {
                report.error = Some(format!("{error:#}"));
                report.applied = 0;
                report.findings = located(&report.path, &source.text, &outcome.original_findings, false);
            }
        }
        Mode::DryRun if !write::owner_may_write(&target.path) => {
            report.error = Some(format!("{}: the file is read-only, so a run would not write the fix", report.path));
            report.applied = 0;
            report.findings = located(&report.path, &source.text, &outcome.original_findings, false);
        }
        Mode::DryRun => {
            let mut diff = Vec::new();
            let colors = Colors { enabled: false };
            let _ = diff::write_unified(&mut diff, &report.path, &bytes, &new_bytes, &colors);
            report.diff = diff;
        }
        Mode::Check => {}
    }
    report
}

/// Chooses the findings to print. Check mode prints those of the original text, because
/// nothing is written. The other modes print those left after the fixes.
fn fill_findings(report: &mut FileReport, source: &Source, outcome: &FileOutcome, plan: &Plan) {
    let unsafe_fixes = plan.unsafe_fixes;
    report.pending_unsafe = outcome
        .remaining_findings
        .iter()
        .filter(|finding| !unsafe_fixes && finding.applicability == crate::fix::Applicability::Unsafe && !finding.edits.is_empty())
        .count();
    if plan.mode == Mode::Check {
        report.findings = located(&report.path, &source.text, &outcome.original_findings, false);
        return;
    }
    report.applied = outcome.applied_fixes;
    report.findings = located(&report.path, &source.text, &outcome.applied_findings, true);
    report.findings.extend(located(&report.path, outcome.final_text(source), &outcome.remaining_findings, false));
    report.findings.sort_by_key(|finding| (finding.line, finding.column));
}

fn located(path: &str, text: &[u8], findings: &[crate::fix::Finding], fixed: bool) -> Vec<Located> {
    let lines = LineIndex::new(text);
    findings.iter().map(|finding| Located::new(path, text, &lines, finding, fixed)).collect()
}

fn print_reports(cli: &Cli, plan: &Plan, reports: &[FileReport], walk_errors: &[String], started: Instant) -> Result<u8> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let stderr = io::stderr();

    let findings: Vec<Located> = reports.iter().flat_map(|report| report.findings.iter().cloned()).collect();
    let mut errors: Vec<String> = walk_errors.to_vec();
    errors.extend(reports.iter().filter_map(|report| report.error.clone()));
    let has_diff = reports.iter().any(|report| !report.diff.is_empty());

    // With --dry-run, standard output carries only the diff, so `git apply` can read it.
    // Only JSON lists the fixes this run applied as well as what remains.
    let diff_on_stdout = plan.mode == Mode::DryRun && cli.format == Format::Text;
    let finding_stream: &mut dyn Write = if diff_on_stdout { &mut stderr.lock() } else { &mut out };
    let unfixed: Vec<Located> = findings.iter().filter(|finding| !finding.fixed).cloned().collect();
    match cli.format {
        Format::Text => {
            for finding in &unfixed {
                writeln!(finding_stream, "{}", finding.to_text())?;
            }
        }
        Format::Github => report::write_github(finding_stream, &unfixed)?,
        Format::Sarif => report::write_sarif(finding_stream, &unfixed)?,
        Format::Json => {
            let diffs: Vec<(String, String)> = reports
                .iter()
                .filter(|report| !report.diff.is_empty())
                .map(|report| (report.path.clone(), String::from_utf8_lossy(&report.diff).into_owned()))
                .collect();
            report::write_json(&mut out, &findings, &errors, &diffs)?;
        }
    }
    if diff_on_stdout {
        let colors = Colors { enabled: io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) };
        for report in reports.iter().filter(|report| !report.diff.is_empty()) {
            if colors.enabled {
                // The stored diff has no colour; render again for the terminal.
                out.write_all(&recolor(&report.diff))?;
            } else {
                out.write_all(&report.diff)?;
            }
        }
    }
    out.flush()?;

    let mut err = stderr.lock();
    for error in &errors {
        writeln!(err, "goleakfix: {error}")?;
    }
    if cli.format == Format::Text {
        for report in reports {
            if let Some((line, column)) = report.first_syntax_error {
                writeln!(
                    err,
                    "goleakfix: note: {}:{line}:{column}: syntax error; the declarations that contain errors were not checked",
                    report.path
                )?;
            }
        }
    }
    if cli.format == Format::Text {
        writeln!(err, "{}", summary(plan, reports, &findings, started))?;
    }

    let remaining = findings.iter().any(|finding| !finding.fixed);
    let status = if !errors.is_empty() {
        EXIT_ERROR
    } else if remaining || has_diff {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    };
    Ok(status)
}

/// Adds terminal colours to a plain unified diff.
fn recolor(diff: &[u8]) -> Vec<u8> {
    let mut colored = Vec::with_capacity(diff.len() + 256);
    for line in diff.split_inclusive(|byte| *byte == b'\n') {
        let code = match line.first() {
            Some(b'+') if !line.starts_with(b"+++ ") => "32",
            Some(b'-') if !line.starts_with(b"--- ") => "31",
            Some(b'@') => "36",
            Some(b'd') | Some(b'+') | Some(b'-') => "1",
            _ => "",
        };
        if code.is_empty() {
            colored.extend_from_slice(line);
            continue;
        }
        let body = line.strip_suffix(b"\n").unwrap_or(line);
        colored.extend_from_slice(format!("\x1b[{code}m").as_bytes());
        colored.extend_from_slice(body);
        colored.extend_from_slice(b"\x1b[0m");
        if line.ends_with(b"\n") {
            colored.push(b'\n');
        }
    }
    colored
}

fn summary(plan: &Plan, reports: &[FileReport], findings: &[Located], started: Instant) -> String {
    let checked: Vec<&FileReport> = reports.iter().filter(|report| report.checked).collect();
    let lines: usize = checked.iter().map(|report| report.lines).sum();
    let parsed = checked.iter().filter(|report| report.parsed).count();
    let broken = checked.iter().filter(|report| report.syntax_errors).count();
    let applied: usize = reports.iter().map(|report| report.applied).sum();
    let pending_unsafe: usize = reports.iter().map(|report| report.pending_unsafe).sum();
    let remaining = findings.iter().filter(|finding| !finding.fixed).count();

    let applied_unsafe = findings
        .iter()
        .filter(|finding| finding.fixed && finding.applicability == crate::fix::Applicability::Unsafe)
        .count();

    let mut text = format!(
        "goleakfix: checked {} ({lines} lines; {parsed} parsed, {broken} of them with syntax errors) in {:.2}s",
        plural(checked.len(), "file"),
        started.elapsed().as_secs_f64()
    );
    let unsafe_note = if applied_unsafe > 0 { format!(" ({applied_unsafe} unsafe)") } else { String::new() };
    match plan.mode {
        Mode::Write => text.push_str(&format!("; applied {}{unsafe_note}", plural(applied, "fix"))),
        Mode::DryRun => text.push_str(&format!("; the diff shows {}{unsafe_note}", plural(applied, "fix"))),
        Mode::Check => {}
    }
    text.push_str(&format!("; {}", plural(remaining, "finding")));
    text.push_str(if plan.mode == Mode::Check { "" } else { " left" });
    if pending_unsafe > 0 {
        text.push_str(&format!("; --unsafe-fixes would apply {} more", plural(pending_unsafe, "fix")));
    }
    text
}

/// Formats a count with a noun in the singular or the plural.
fn plural(count: usize, noun: &str) -> String {
    match (count, noun) {
        (1, _) => format!("1 {noun}"),
        (_, "fix") => format!("{count} fixes"),
        _ => format!("{count} {noun}s"),
    }
}

/// Returns the path as the user would type it from the current folder, with `/`
/// separators and no leading `./`, as a diff header needs it.
fn display_path(path: &Path, current_dir: &Path) -> String {
    let relative = path.strip_prefix(current_dir).unwrap_or(path);
    let text = relative.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

/// Fixes one buffer from standard input for an editor: the file to use goes to
/// standard output, findings to standard error.
fn run_stdin(cli: &Cli, plan: &Plan) -> Result<u8> {
    let mut bytes = Vec::new();
    io::stdin().lock().read_to_end(&mut bytes)?;
    let path = cli.stdin_filename.clone().unwrap_or_else(|| PathBuf::from("<stdin>"));
    let display = display_path(&path, &plan.current_dir);
    let mut out = io::stdout().lock();
    let mut err = io::stderr().lock();

    let excluded = walk::is_in_skipped_folder(&path) || walk::is_generated(&bytes) || walk::is_gitignored(&path);
    if excluded {
        if plan.mode != Mode::DryRun {
            out.write_all(&bytes)?;
        }
        return Ok(EXIT_CLEAN);
    }

    let folder = path.parent().filter(|folder| !folder.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let package = if cli.stdin_filename.is_some() { PackageIndex::new(folder) } else { PackageIndex::empty() };
    let go_version = plan.go_version.unwrap_or_else(|| plan.go_mods.version_for(folder).unwrap_or(GoVersion::NEWEST));
    let source = Source::new(&bytes);
    let settings = Settings { rules: plan.rules.clone(), unsafe_fixes: plan.unsafe_fixes, go_version, package: &package };
    let outcome = engine::fix_file(&path, &source, &settings);

    let output = match (&outcome.fixed, plan.mode) {
        (Some(fixed), Mode::Write | Mode::DryRun) => fixed.to_bytes(),
        _ => bytes.clone(),
    };
    if plan.mode == Mode::DryRun {
        if output != bytes {
            diff::write_unified(&mut out, &display, &bytes, &output, &Colors { enabled: false })?;
        }
    } else {
        out.write_all(&output)?;
    }
    out.flush()?;

    let mut report = FileReport { path: display, ..FileReport::default() };
    fill_findings(&mut report, &source, &outcome, plan);
    for finding in &report.findings {
        writeln!(err, "{}", finding.to_text())?;
    }
    if let Some(error) = &outcome.error {
        writeln!(err, "goleakfix: {}: internal error: {error}", report.path)?;
        return Ok(EXIT_ERROR);
    }
    // An editor reads stdout only when the status is 0, except that --check and --dry-run
    // report what they found through the status, as for files.
    let found = report.findings.iter().any(|finding| !finding.fixed);
    let diff_shown = plan.mode == Mode::DryRun && output != bytes;
    let status = match plan.mode {
        Mode::Check if !report.findings.is_empty() => EXIT_FINDINGS,
        Mode::DryRun if diff_shown || found => EXIT_FINDINGS,
        _ => EXIT_CLEAN,
    };
    Ok(status)
}
