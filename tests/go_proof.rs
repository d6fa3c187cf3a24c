//! Proves goleakfix's rewrites with the real Go toolchain.
//!
//! Snapshot tests can show that a rewrite looks right, but only Go can show
//! that it compiles, that it stops the leak and that it keeps what the code
//! does. This test copies every case folder under
//! `transforms/<rule>/cases/fix/` into a temporary Go module and adds a small
//! harness from `tests/support/`. Go's goroutine leak profile
//! (`GOEXPERIMENT=goroutineleakprofile`, Go 1.26 or newer) must then show that
//! the case leaks before `goleakfix --unsafe-fixes` and leaks nothing after it. The test also checks
//! that `--check` reports the pending fix without writing, that the fix keeps
//! the file gofmt-clean and vet-clean and keeps the case's steady behavior,
//! and that a second run changes nothing. Cases under
//! `transforms/<rule>/cases/keep/` must come out of goleakfix byte for byte.
//!
//! How a case proves its leak depends on its rule (see [`Proof`]):
//!
//! - Goroutine rules (`abandoned-send`): the leak profile counts at least one
//!   leaked goroutine before the fix and none after it.
//! - Memory rules (`time-after-in-loop`, `time-tick`): the harness prints
//!   `liveheap: N`, the bytes of `runtime.MemStats.HeapAlloc` after
//!   `runtime.GC()` once the case's entry point returned. Before the fix it must
//!   be at least [`HEAP_FLOOR`], after it below a quarter of the value before. A
//!   case runs its leaky code about 100,000 times, so each leaked timer or ticker
//!   adds up to megabytes. These rules apply before Go 1.23 only, so the cases
//!   declare `go 1.22` (or rely on the default go.mod). A keep case of a memory
//!   rule whose go.mod declares 1.23 or later runs too, unfixed, and its live heap must
//!   stay under the floor: that shows that the Go runtime frees those timers by
//!   itself from 1.23, as goleakfix assumes when it leaves them alone.
//! - `lost-cancel`: either the leak profile shows a goroutine that waits for the
//!   context, or `go vet` (whose lostcancel check flags a discarded or unused
//!   cancel function) fails before the fix; after it, no goroutine leaks and vet
//!   passes.
//!
//! A case folder contains one Go file and optionally a `go.mod`:
//!
//! - `case.go` is `package main` without a `main` function. It defines
//!   `func exercise()`, which leaks, and optionally `func steady()`, a variant
//!   in which nothing leaves early. The harness adds `zz_main.go`, which calls
//!   one of them and prints `goroutineleak: N` and `liveheap: N`.
//! - `case_test.go` is `package leakcase` with tests that leak by failing early
//!   through `t.Fatal` or `require`. The harness adds `zz_leak_test.go`, whose
//!   `TestMain` runs the tests and then prints the same two lines.
//!
//! Cases that import a module stubbed under `tests/support/stubs/` (such as
//! `github.com/stretchr/testify`) get a copy of the stub and a `replace`
//! directive, so no case needs the network. Both tests fail, and do not skip,
//! when `go` or `gofmt` is missing. Run them with `cargo test --test go_proof`.

use std::ffi::OsStr;
use std::fmt;
use std::fs;
use std::io::Read;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context, Result};
use tempfile::TempDir;

/// Environment for every `go` command: the leak profile experiment, the
/// installed toolchain only, no module downloads and no go.work file.
const GO_ENVIRONMENT: [(&str, &str); 5] = [
    ("GOEXPERIMENT", "goroutineleakprofile"),
    ("GOTOOLCHAIN", "local"),
    ("GOFLAGS", "-mod=mod"),
    ("GOPROXY", "off"),
    ("GOWORK", "off"),
];

/// Oldest Go release with the goroutineleak profile, as (major, minor).
const MINIMUM_GO_VERSION: (u32, u32) = (1, 26);

/// go.mod written into a case folder that has none.
const DEFAULT_GO_MOD: &str = "module leakcase\n\ngo 1.22\n";

/// Time limit for a case program, a case's test binary and each goleakfix run.
/// Each takes well under a second when it works, so reaching the limit means
/// it hangs. Go builds get no limit, because the first build with the
/// experiment rebuilds the standard library.
const RUN_TIMEOUT: Duration = Duration::from_secs(120);

/// Upper bound on cases proven at once. Each case runs Go builds that use
/// several cores themselves.
const MAX_WORKERS: usize = 4;

/// Start of the line in which the harness prints the leaked goroutine count.
const LEAK_LINE_PREFIX: &str = "goroutineleak: ";

/// Start of the line in which the harness prints the live heap in bytes.
const HEAP_LINE_PREFIX: &str = "liveheap: ";

/// Live heap, in bytes, that a memory case must reach before its fix. A program
/// that leaks nothing keeps well under 1 MiB; 100,000 leaked timers hold about
/// 25 MiB on Go 1.26 (linux/amd64).
const HEAP_FLOOR: u64 = 4 << 20;

/// How the fix cases of a rule show that they leak before the fix and not after.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Proof {
    /// Go's goroutine leak profile counts the goroutines blocked for good.
    GoroutineLeak,
    /// The live heap after the entry point returned contains the leaked timers.
    LiveHeap,
    /// A goroutine leak, or `go vet`'s lostcancel check before the fix.
    GoroutineLeakOrVet,
}

impl Proof {
    fn of_rule(rule: &str) -> Proof {
        match rule {
            "time-after-in-loop" | "time-tick" | "subslice-retention" | "substring-retention" | "pointer-slice-retention" => {
                Proof::LiveHeap
            }
            "lost-cancel" => Proof::GoroutineLeakOrVet,
            _ => Proof::GoroutineLeak,
        }
    }
}

#[test]
fn fix_cases_stop_leaking() {
    require_go_toolchain();
    let cases = discover_cases(CaseGroup::Fix).expect("listing the fix cases failed");
    let stubs = discover_stub_modules().expect("listing the stub modules failed");

    let failures = prove_all(&cases, |case| prove_fix(case, &stubs));

    report(CaseGroup::Fix, cases.len(), failures);
}

#[test]
fn keep_cases_stay_unchanged() {
    require_go_toolchain();
    let cases = discover_cases(CaseGroup::Keep).expect("listing the keep cases failed");
    let stubs = discover_stub_modules().expect("listing the stub modules failed");

    let failures = prove_all(&cases, |case| prove_keep(case, &stubs));

    report(CaseGroup::Keep, cases.len(), failures);
}

/// Checks one fix case end to end and returns the problems found. An error
/// means a step failed that later steps depend on.
fn prove_fix(case: &Case, stubs: &[StubModule]) -> Result<Vec<String>> {
    let workspace = Workspace::create(case, stubs)?;
    let case_file = workspace.case_file();
    let original = read_text(&case_file)?;
    let was_formatted = unformatted_report(&case_file)?.is_none();

    let proof = Proof::of_rule(&case.rule);
    let before = workspace.observe("before")?;
    match proof {
        Proof::GoroutineLeak => ensure!(
            before.leaked > 0,
            "the case does not leak before the fix, so it proves nothing\n{}",
            before.leak_run
        ),
        Proof::LiveHeap => ensure!(
            before.live_heap >= HEAP_FLOOR,
            "the case's live heap is {} bytes before the fix, under the floor of {HEAP_FLOOR}, so it proves nothing\n{}",
            before.live_heap,
            before.leak_run
        ),
        Proof::GoroutineLeakOrVet => {
            let vet = workspace.vet();
            let vet_flags_cancel = matches!(&vet, Err(error) if format!("{error:#}").contains("cancel function"));
            ensure!(
                before.leaked > 0 || vet_flags_cancel,
                "the case neither leaks a goroutine nor fails go vet's lostcancel check before the fix, so it proves nothing\n{}",
                before.leak_run
            );
        }
    }

    let mut problems = Vec::new();
    let check = run_goleakfix(&["--unsafe-fixes", "--check"], &case_file)?;
    if check.status.code() != Some(1) {
        problems.push(format!(
            "--check should exit 1 on a case with a pending fix\n{check}"
        ));
    }
    if read_text(&case_file)? != original {
        problems.push(format!(
            "--check changed the file, but it must write nothing\n{check}"
        ));
        fs::write(&case_file, &original).context("restoring the case file failed")?;
    }

    let fix = run_goleakfix(&["--unsafe-fixes"], &case_file)?;
    let fixed = read_text(&case_file)?;
    ensure!(
        fixed != original,
        "goleakfix --unsafe-fixes left the file unchanged\n{fix}"
    );

    if !was_formatted {
        eprintln!(
            "note: {case}: the case file is not gofmt-clean, so gofmt is not checked after the fix"
        );
    } else if let Some(report) = unformatted_report(&case_file)? {
        problems.push(format!("the fixed file is not gofmt-clean\n{report}"));
    }

    if let Err(error) = workspace.vet() {
        problems.push(format!("go vet fails after the fix\n{error:#}"));
    }

    match workspace.observe("after") {
        Ok(after) => {
            if proof == Proof::LiveHeap {
                eprintln!("note: {case}: live heap {} bytes before the fix, {} after", before.live_heap, after.live_heap);
                problems.extend(compare_live_heaps(&before, &after));
            }
            problems.extend(compare_observations(&before, &after));
        }
        Err(error) => problems.push(format!("running the fixed case failed\n{error:#}")),
    }

    let second = run_goleakfix(&["--unsafe-fixes"], &case_file)?;
    let refixed = read_text(&case_file)?;
    if refixed != fixed {
        problems.push(format!(
            "a second goleakfix run changed the file again, so the fix is not idempotent\n{}\n{second}",
            diff("after the first run", &fixed, "after the second run", &refixed)
        ));
    }

    if !problems.is_empty() {
        problems.push(format!(
            "the fix that was checked:\n{}",
            diff("before", &original, "after", &fixed)
        ));
    }
    Ok(problems)
}

/// Checks that goleakfix leaves a keep case byte for byte as it was, and that
/// the case compiles and passes go vet with the harness added.
fn prove_keep(case: &Case, stubs: &[StubModule]) -> Result<Vec<String>> {
    let workspace = Workspace::create(case, stubs)?;
    let case_file = workspace.case_file();
    let original = read_text(&case_file)?;

    let mut problems = Vec::new();
    let run = run_goleakfix(&["--unsafe-fixes"], &case_file)?;
    let after = read_text(&case_file)?;
    if after != original {
        problems.push(format!(
            "goleakfix --unsafe-fixes changed a case that must be left alone\n{}\n{run}",
            diff("before", &original, "after", &after)
        ));
    }

    if let Err(error) = workspace.vet() {
        problems.push(format!("go vet fails on the case\n{error:#}"));
    }

    let collected_by_runtime = Proof::of_rule(&case.rule) == Proof::LiveHeap
        && workspace.declares_go_1_23_or_later()?
        && workspace.runs_exercise(&original);
    if collected_by_runtime {
        let run = workspace.observe("unchanged")?;
        eprintln!("note: {case}: live heap {} bytes without a fix", run.live_heap);
        if run.live_heap >= HEAP_FLOOR {
            problems.push(format!(
                "the case is left alone because its go.mod declares 1.23 or later, but its live heap is {} bytes, over the floor of {HEAP_FLOOR}\n{}",
                run.live_heap, run.leak_run
            ));
        }
    }
    Ok(problems)
}

/// Checks that the fix frees what the case held: the live heap after the fix
/// must be under a quarter of the live heap before it.
fn compare_live_heaps(before: &Observation, after: &Observation) -> Vec<String> {
    if after.live_heap < before.live_heap / 4 {
        return Vec::new();
    }
    vec![format!(
        "the fixed case still holds {} bytes of live heap, not under a quarter of the {} bytes before the fix\n{}",
        after.live_heap, before.live_heap, after.leak_run
    )]
}

/// Compares the runs before and after the fix: the fixed case must leak no
/// goroutine and must behave as before when nothing leaves early.
fn compare_observations(before: &Observation, after: &Observation) -> Vec<String> {
    let mut problems = Vec::new();
    if after.leaked != 0 {
        problems.push(format!(
            "the fixed case still leaks {} goroutine(s)\n{}",
            after.leaked, after.leak_run
        ));
    }
    if after.behavior != before.behavior {
        problems.push(format!(
            "the fix changed the case's behavior\n{}",
            diff(
                "before the fix",
                &before.behavior,
                "after the fix",
                &after.behavior
            )
        ));
    }
    problems
}

// ---------------------------------------------------------------------------
// Case discovery

#[derive(Clone, Copy)]
enum CaseGroup {
    Fix,
    Keep,
}

impl CaseGroup {
    fn folder_name(self) -> &'static str {
        match self {
            CaseGroup::Fix => "fix",
            CaseGroup::Keep => "keep",
        }
    }
}

/// One case folder, `transforms/<rule>/cases/<group>/<name>/`.
struct Case {
    rule: String,
    group: CaseGroup,
    name: String,
    folder: PathBuf,
}

impl fmt::Display for Case {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "{}/{}/{}",
            self.rule,
            self.group.folder_name(),
            self.name
        )
    }
}

/// The two shapes of case, distinguished by the name of the case's Go file.
#[derive(Clone, Copy)]
enum CaseKind {
    /// `case.go`: `package main` with `func exercise()` and maybe `func steady()`.
    Program,
    /// `case_test.go`: `package leakcase` with tests that fail early.
    TestPackage,
}

impl CaseKind {
    fn file_name(self) -> &'static str {
        match self {
            CaseKind::Program => "case.go",
            CaseKind::TestPackage => "case_test.go",
        }
    }

    fn of_folder(folder: &Path) -> Result<Self> {
        let program = folder.join(CaseKind::Program.file_name()).is_file();
        let test_package = folder.join(CaseKind::TestPackage.file_name()).is_file();
        match (program, test_package) {
            (true, false) => Ok(CaseKind::Program),
            (false, true) => Ok(CaseKind::TestPackage),
            (true, true) => bail!(
                "{} has both case.go and case_test.go, but a case needs exactly one",
                folder.display()
            ),
            (false, false) => bail!("{} has neither case.go nor case_test.go", folder.display()),
        }
    }
}

fn repository_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn support_folder() -> PathBuf {
    repository_root().join("tests").join("support")
}

/// Lists `transforms/*/cases/<group>/*/`, sorted by rule and case name.
fn discover_cases(group: CaseGroup) -> Result<Vec<Case>> {
    let transforms = repository_root().join("transforms");
    let mut cases = Vec::new();
    if !transforms.is_dir() {
        return Ok(cases);
    }

    for rule_folder in sorted_subfolders(&transforms)? {
        let group_folder = rule_folder.join("cases").join(group.folder_name());
        if !group_folder.is_dir() {
            continue;
        }
        for case_folder in sorted_subfolders(&group_folder)? {
            cases.push(Case {
                rule: file_name_of(&rule_folder),
                group,
                name: file_name_of(&case_folder),
                folder: case_folder,
            });
        }
    }
    Ok(cases)
}

fn sorted_subfolders(folder: &Path) -> Result<Vec<PathBuf>> {
    let mut subfolders = Vec::new();
    for entry in
        fs::read_dir(folder).with_context(|| format!("reading {} failed", folder.display()))?
    {
        let path = entry?.path();
        if path.is_dir() {
            subfolders.push(path);
        }
    }
    subfolders.sort();
    Ok(subfolders)
}

fn file_name_of(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

// ---------------------------------------------------------------------------
// Stub modules

/// A module under `tests/support/stubs/` that replaces a real dependency in case builds.
struct StubModule {
    /// The module path from the stub's go.mod, such as `github.com/stretchr/testify`.
    module_path: String,
    /// The stub's folder relative to `tests/support/stubs/`.
    relative_folder: PathBuf,
}

impl StubModule {
    /// Reports whether `source` imports this module or one of its packages.
    fn is_imported_by(&self, source: &str) -> bool {
        let exact = format!("\"{}\"", self.module_path);
        let package_prefix = format!("\"{}/", self.module_path);
        source.contains(&exact) || source.contains(&package_prefix)
    }
}

fn stubs_folder() -> PathBuf {
    support_folder().join("stubs")
}

/// Finds every go.mod under `tests/support/stubs/`.
fn discover_stub_modules() -> Result<Vec<StubModule>> {
    let root = stubs_folder();
    let mut modules = Vec::new();
    let mut pending = vec![root.clone()];
    while let Some(folder) = pending.pop() {
        let go_mod = folder.join("go.mod");
        if go_mod.is_file() {
            modules.push(StubModule {
                module_path: module_path_of(&go_mod)?,
                relative_folder: folder.strip_prefix(&root)?.to_path_buf(),
            });
        }
        pending.extend(sorted_subfolders(&folder)?);
    }
    Ok(modules)
}

fn module_path_of(go_mod: &Path) -> Result<String> {
    let text = read_text(go_mod)?;
    text.lines()
        .find_map(|line| line.trim().strip_prefix("module "))
        .map(|path| path.trim().trim_matches('"').to_string())
        .with_context(|| format!("{} has no module line", go_mod.display()))
}

// ---------------------------------------------------------------------------
// Workspace: a case copied into a temporary Go module with the harness added

struct Workspace {
    kind: CaseKind,
    /// The Go module: the case's files, go.mod, the harness and any stubs.
    module: PathBuf,
    /// Built case programs, kept outside the module.
    binaries: PathBuf,
    _temporary: TempDir,
}

impl Workspace {
    fn create(case: &Case, stubs: &[StubModule]) -> Result<Self> {
        let kind = CaseKind::of_folder(&case.folder)?;
        let temporary = tempfile::Builder::new()
            .prefix("goleakfix-go-proof-")
            .tempdir()
            .context("creating a temporary folder failed")?;
        let module = temporary.path().join("module");
        let binaries = temporary.path().join("bin");
        fs::create_dir(&module)?;
        fs::create_dir(&binaries)?;

        copy_files(&case.folder, &module)?;
        if !module.join("go.mod").exists() {
            fs::write(module.join("go.mod"), DEFAULT_GO_MOD)?;
        }

        let workspace = Workspace {
            kind,
            module,
            binaries,
            _temporary: temporary,
        };
        let source = read_text(&workspace.case_file())?;
        workspace.add_harness(&source)?;
        workspace.add_stubs(&source, stubs)?;
        Ok(workspace)
    }

    fn case_file(&self) -> PathBuf {
        self.module.join(self.kind.file_name())
    }

    fn add_harness(&self, source: &str) -> Result<()> {
        match self.kind {
            // A keep case may be a whole program whose `main` is the point of the case.
            CaseKind::Program if defines_main(source) => {}
            CaseKind::Program => {
                fs::copy(
                    support_folder().join("leak_main.go.txt"),
                    self.module.join("zz_main.go"),
                )?;
                let steady_entry = if defines_steady(source) {
                    "steady()"
                } else {
                    "exercise()"
                };
                let entry = format!("package main\n\nfunc steadyEntry() {{ {steady_entry} }}\n");
                fs::write(self.module.join("zz_entry.go"), entry)?;
            }
            CaseKind::TestPackage => {
                fs::copy(
                    support_folder().join("leak_test.go.txt"),
                    self.module.join("zz_leak_test.go"),
                )?;
            }
        }
        Ok(())
    }

    /// Copies each stub module that the case imports to `stubs/<module path>/`
    /// and points go.mod at it. `go mod edit` replaces any version that the
    /// case's own go.mod already requires.
    fn add_stubs(&self, source: &str, stubs: &[StubModule]) -> Result<()> {
        for stub in stubs.iter().filter(|stub| stub.is_imported_by(source)) {
            let relative_target = Path::new("stubs").join(&stub.relative_folder);
            copy_tree(
                &stubs_folder().join(&stub.relative_folder),
                &self.module.join(&relative_target),
            )?;

            let require = format!("-require={}@v0.0.0", stub.module_path);
            let replace = format!(
                "-replace={}=./{}",
                stub.module_path,
                relative_target.to_string_lossy()
            );
            let edit = run_go(&self.module, &["mod", "edit", &require, &replace])?;
            ensure!(
                edit.status.success(),
                "adding the stub {} to go.mod failed\n{edit}",
                stub.module_path
            );
        }
        Ok(())
    }

    /// Reports whether the module's go.mod declares `go 1.23` or a later version.
    fn declares_go_1_23_or_later(&self) -> Result<bool> {
        let go_mod = read_text(&self.module.join("go.mod"))?;
        let version = go_mod
            .lines()
            .find_map(|line| line.trim().strip_prefix("go "))
            .and_then(|version| parse_go_version(&format!("go{}", version.trim())));
        Ok(version.is_some_and(|version| version >= (1, 23)))
    }

    /// Reports whether the harness runs the case's `exercise`: a program without
    /// its own `main`.
    fn runs_exercise(&self, source: &str) -> bool {
        matches!(self.kind, CaseKind::Program) && !defines_main(source)
    }

    fn vet(&self) -> Result<()> {
        let vet = run_go(&self.module, &["vet", "."])?;
        ensure!(vet.status.success(), "{vet}");
        Ok(())
    }

    /// Builds and runs the case as it is now. `stage` names the build in
    /// messages and in the binary's file name.
    fn observe(&self, stage: &str) -> Result<Observation> {
        match self.kind {
            CaseKind::Program => self.observe_program(stage),
            CaseKind::TestPackage => self.observe_tests(),
        }
    }

    /// Runs `exercise` for the leak count and `steady` for the behavior.
    fn observe_program(&self, stage: &str) -> Result<Observation> {
        let binary = self.binaries.join(format!("case-{stage}"));
        let build = run_go(
            &self.module,
            &[
                OsStr::new("build"),
                OsStr::new("-o"),
                binary.as_os_str(),
                OsStr::new("."),
            ],
        )?;
        ensure!(
            build.status.success(),
            "go build failed {stage} the fix\n{build}"
        );

        let leak_run = run_with_timeout(Command::new(&binary).current_dir(&self.module))?;
        let leaked = leak_count(&leak_run)?;
        let live_heap = live_heap(&leak_run)?;

        let steady_run = run_with_timeout(
            Command::new(&binary)
                .current_dir(&self.module)
                .env("GOLEAKFIX_CASE_ENTRY", "steady"),
        )?;
        let behavior = program_behavior(&steady_run);

        Ok(Observation {
            leaked,
            live_heap,
            leak_run,
            behavior,
        })
    }

    /// Runs the tests once. The test outcomes stand for the behavior, because
    /// a test case has no separate steady entry.
    fn observe_tests(&self) -> Result<Observation> {
        let timeout = format!("-timeout={}s", RUN_TIMEOUT.as_secs());
        let leak_run = run_go(&self.module, &["test", "-count=1", "-v", &timeout, "."])?;
        let leaked = leak_count(&leak_run)?;
        let live_heap = live_heap(&leak_run)?;
        let behavior = test_outcomes(&leak_run.stdout);
        Ok(Observation {
            leaked,
            live_heap,
            leak_run,
            behavior,
        })
    }
}

/// Reports whether the case is a whole program with its own `func main()`.
fn defines_main(source: &str) -> bool {
    source.lines().any(|line| line.starts_with("func main()"))
}

/// Reports whether the case defines the optional `func steady()`.
fn defines_steady(source: &str) -> bool {
    source.lines().any(|line| line.starts_with("func steady()"))
}

/// Copies the regular files of `from` (not its subfolders) into `to`.
fn copy_files(from: &Path, to: &Path) -> Result<()> {
    for entry in fs::read_dir(from).with_context(|| format!("reading {} failed", from.display()))? {
        let path = entry?.path();
        if path.is_file() {
            fs::copy(&path, to.join(file_name_of(&path)))
                .with_context(|| format!("copying {} failed", path.display()))?;
        }
    }
    Ok(())
}

fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to)?;
    copy_files(from, to)?;
    for subfolder in sorted_subfolders(from)? {
        copy_tree(&subfolder, &to.join(file_name_of(&subfolder)))?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Observations

/// What one build of a case shows when it runs.
struct Observation {
    /// Goroutines in the leak profile after the leaking entry point returned.
    leaked: u64,
    /// Bytes of live heap after the leaking entry point returned and a collection.
    live_heap: u64,
    /// The run that produced `leaked`, shown in failure messages.
    leak_run: Finished,
    /// Output that the fix must not change. For a program it is the exit
    /// status and output of the steady run without the leak line. For tests it
    /// is each test's outcome.
    behavior: String,
}

/// Reads N from the last `goroutineleak: N` line of a harness run.
fn leak_count(run: &Finished) -> Result<u64> {
    harness_number(run, LEAK_LINE_PREFIX)
}

/// Reads N from the last `liveheap: N` line of a harness run.
fn live_heap(run: &Finished) -> Result<u64> {
    harness_number(run, HEAP_LINE_PREFIX)
}

fn harness_number(run: &Finished, prefix: &str) -> Result<u64> {
    let value = run
        .stdout
        .lines()
        .rev()
        .find_map(|line| line.strip_prefix(prefix))
        .with_context(|| format!("the run printed no '{prefix}N' line\n{run}"))?;
    value
        .trim()
        .parse()
        .with_context(|| format!("the run printed an invalid number in '{prefix}{value}'\n{run}"))
}

fn program_behavior(run: &Finished) -> String {
    let stdout: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| !line.starts_with(LEAK_LINE_PREFIX) && !line.starts_with(HEAP_LINE_PREFIX))
        .collect();
    format!(
        "{}\nstdout:\n{}\nstderr:\n{}",
        run.status,
        stdout.join("\n"),
        run.stderr
    )
}

/// Keeps the `--- PASS: Name`, `--- FAIL: Name` and `--- SKIP: Name` lines of
/// verbose `go test` output, without their durations.
fn test_outcomes(stdout: &str) -> String {
    let mut outcomes = Vec::new();
    for line in stdout.lines() {
        let trimmed = line.trim_start();
        if ["--- PASS: ", "--- FAIL: ", "--- SKIP: "]
            .iter()
            .any(|prefix| trimmed.starts_with(prefix))
        {
            let without_duration = trimmed
                .rsplit_once(" (")
                .map_or(trimmed, |(outcome, _)| outcome);
            let indent = &line[..line.len() - trimmed.len()];
            outcomes.push(format!("{indent}{without_duration}"));
        }
    }
    outcomes.join("\n")
}

// ---------------------------------------------------------------------------
// Tools

/// A finished process with its output, displayed as a transcript for failure
/// messages.
struct Finished {
    command: String,
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

impl fmt::Display for Finished {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(formatter, "$ {}\n{}", self.command, self.status)?;
        write_section(formatter, "stdout", &self.stdout)?;
        write_section(formatter, "stderr", &self.stderr)
    }
}

fn write_section(formatter: &mut fmt::Formatter<'_>, name: &str, text: &str) -> fmt::Result {
    if text.trim().is_empty() {
        return writeln!(formatter, "{name}: (empty)");
    }
    writeln!(formatter, "{name}:")?;
    for line in text.lines() {
        writeln!(formatter, "    {line}")?;
    }
    Ok(())
}

/// Fails the calling test unless `go` 1.26 or newer and `gofmt` are on PATH.
fn require_go_toolchain() {
    const INSTALL: &str = "Install Go 1.26 or newer and put its bin folder on PATH, \
                           because these tests need the goroutineleak profile that Go 1.26 added.";

    let version = match go_command(Path::new("."))
        .args(["env", "GOVERSION"])
        .output()
    {
        Ok(output) if output.status.success() => {
            String::from_utf8_lossy(&output.stdout).trim().to_string()
        }
        Ok(output) => panic!(
            "`go env GOVERSION` failed: {}. {INSTALL}",
            String::from_utf8_lossy(&output.stderr)
        ),
        Err(error) => panic!("`go` could not be run: {error}. {INSTALL}"),
    };
    if let Some(found) = parse_go_version(&version) {
        assert!(
            found >= MINIMUM_GO_VERSION,
            "found Go {version}, which is too old. {INSTALL}"
        );
    }

    if let Err(error) = Command::new("gofmt")
        .arg("-l")
        .stdin(Stdio::null())
        .output()
    {
        panic!("`gofmt` could not be run: {error}. {INSTALL}");
    }
}

/// Parses "go1.26.8" or "go1.27rc1" into (1, 26) or (1, 27). Development
/// builds such as "devel go1.27-abc" are not parsed, and therefore accepted.
fn parse_go_version(version: &str) -> Option<(u32, u32)> {
    let numbers = version.strip_prefix("go")?;
    let mut parts = numbers.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor_digits: String = parts
        .next()?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Some((major, minor_digits.parse().ok()?))
}

fn go_command(folder: &Path) -> Command {
    let mut command = Command::new("go");
    command.current_dir(folder).envs(GO_ENVIRONMENT);
    command
}

/// Runs `go` with the proof environment. It has no time limit, because a
/// killed `go` would leave its compiler or test binary running.
fn run_go<S: AsRef<OsStr>>(folder: &Path, args: &[S]) -> Result<Finished> {
    let mut command = go_command(folder);
    command.args(args);
    let description = describe(&command);
    let output = command
        .output()
        .with_context(|| format!("running `{description}` failed"))?;
    Ok(Finished {
        command: description,
        status: output.status,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    })
}

/// Returns gofmt's report when `file` is not gofmt-clean, or None when it is.
fn unformatted_report(file: &Path) -> Result<Option<Finished>> {
    let mut command = Command::new("gofmt");
    command.arg("-l").arg(file);
    let gofmt = run_with_timeout(&mut command)?;
    let clean =
        gofmt.status.success() && gofmt.stdout.trim().is_empty() && gofmt.stderr.trim().is_empty();
    Ok(if clean { None } else { Some(gofmt) })
}

/// Runs goleakfix with `flags` on `case_file`. Exit status 0 (nothing left to
/// do) and 1 (findings left) are results. Any other status is an error.
fn run_goleakfix(flags: &[&str], case_file: &Path) -> Result<Finished> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_goleakfix"));
    command.args(flags).arg(case_file);
    let run = run_with_timeout(&mut command)?;
    ensure!(
        matches!(run.status.code(), Some(0 | 1)),
        "goleakfix failed (exit status 2 is an error, anything else a crash)\n{run}"
    );
    Ok(run)
}

/// Runs `command` with piped output and kills it once it runs longer than
/// [`RUN_TIMEOUT`]. Use it only for processes that start no children.
fn run_with_timeout(command: &mut Command) -> Result<Finished> {
    let description = describe(command);
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("running `{description}` failed"))?;
    let stdout = read_in_background(child.stdout.take());
    let stderr = read_in_background(child.stderr.take());

    let status = wait_with_timeout(&mut child)?;

    let finished = Finished {
        command: description,
        status: status
            .unwrap_or_else(|| child.wait().expect("waiting for a killed process failed")),
        stdout: stdout.join().expect("reading stdout panicked"),
        stderr: stderr.join().expect("reading stderr panicked"),
    };
    ensure!(
        status.is_some(),
        "timed out after {} s and was killed\n{finished}",
        RUN_TIMEOUT.as_secs()
    );
    Ok(finished)
}

/// Waits for `child` and returns its status, or kills it and returns None once
/// [`RUN_TIMEOUT`] has passed.
fn wait_with_timeout(child: &mut Child) -> Result<Option<ExitStatus>> {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if started.elapsed() > RUN_TIMEOUT {
            child.kill()?;
            return Ok(None);
        }
        thread::sleep(Duration::from_millis(20));
    }
}

fn read_in_background<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            // A read error leaves what was read so far, which is all the
            // failure message can show anyway.
            let _ = pipe.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

fn describe(command: &Command) -> String {
    let mut words = vec![command.get_program().to_string_lossy().into_owned()];
    words.extend(
        command
            .get_args()
            .map(|arg| arg.to_string_lossy().into_owned()),
    );
    words.join(" ")
}

fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).with_context(|| format!("reading {} failed", path.display()))
}

fn diff(old_name: &str, old: &str, new_name: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .header(old_name, new_name)
        .to_string()
}

// ---------------------------------------------------------------------------
// Running cases in parallel and reporting

/// Proves `cases` on a bounded number of threads and returns one failure
/// message per failed case, in case order.
fn prove_all<F>(cases: &[Case], prove: F) -> Vec<String>
where
    F: Fn(&Case) -> Result<Vec<String>> + Sync,
{
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let workers = thread::available_parallelism()
        .map_or(2, NonZeroUsize::get)
        .clamp(2, MAX_WORKERS);

    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(case) = cases.get(index) else { break };
                if let Some(failure) = prove_one(case, &prove) {
                    failures.lock().unwrap().push((index, failure));
                }
            });
        }
    });

    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    failures.into_iter().map(|(_, failure)| failure).collect()
}

/// Proves one case and returns its failure message, if any.
fn prove_one<F>(case: &Case, prove: &F) -> Option<String>
where
    F: Fn(&Case) -> Result<Vec<String>>,
{
    let problems = match prove(case) {
        Ok(problems) => problems,
        Err(error) => vec![format!("{error:#}")],
    };
    if problems.is_empty() {
        eprintln!("ok   {case}");
        return None;
    }

    eprintln!("FAIL {case}");
    let mut message = format!("=== {case} ({})\n", case.folder.display());
    for problem in problems {
        message.push_str(&problem);
        message.push('\n');
    }
    Some(message)
}

fn report(group: CaseGroup, case_count: usize, failures: Vec<String>) {
    let folder = group.folder_name();
    assert!(
        case_count > 0,
        "no cases found under transforms/*/cases/{folder}/, so nothing was proven"
    );
    assert!(
        failures.is_empty(),
        "{} of {case_count} {folder} cases failed:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}
