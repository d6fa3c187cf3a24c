//! Control-flow facts read from the syntax alone: which calls end a goroutine, how many
//! sends a body can make on one path, and whether a statement is the last thing a
//! goroutine does.
//!
//! The analysis is structural. A `goto` or a send inside a loop makes the count unknown,
//! and callers treat unknown as "leave the code alone".

use tree_sitter::Node;

use crate::syntax;

/// Methods of `testing.T`, `testing.B` and `testing.TB` that end the goroutine through
/// `runtime.Goexit`.
const TEST_EXITS: &[&str] = &["Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow"];

/// gotest.tools functions that end the test on failure.
const GOTEST_TOOLS_EXITS: &[&str] = &["Assert", "NilError", "Equal", "DeepEqual", "ErrorContains", "ErrorIs", "ErrorType", "Check"];

/// Import facts that change the meaning of a call: `assert.Equal` ends the test in
/// gotest.tools and does not in testify.
#[derive(Clone, Copy, Default)]
pub struct ExitStyle {
    pub gotest_tools_assert: bool,
    /// Set in `func main` of package main, where an unrecovered `panic` ends the
    /// process, so no goroutine outlives it.
    pub panic_ends_process: bool,
}

/// Reports whether `statement` leaves the function on every path through it: a `return`,
/// a `panic`, `runtime.Goexit`, or a test assertion that stops the test. `os.Exit` and
/// `log.Fatal` end the process instead, so nothing can leak after them.
pub fn is_exit(statement: Node, source: &[u8], style: ExitStyle) -> bool {
    match statement.kind() {
        "return_statement" => true,
        "expression_statement" => statement
            .named_child(0)
            .filter(|call| call.kind() == "call_expression")
            .is_some_and(|call| is_exit_call(call, source, style)),
        _ => false,
    }
}

/// Reports whether the call ends the goroutine, or may end it when a test check fails.
pub fn is_exit_call(call: Node, source: &[u8], style: ExitStyle) -> bool {
    let callee = syntax::callee_text(call, source);
    if callee == "panic" {
        return !style.panic_ends_process;
    }
    if callee == "runtime.Goexit" {
        return true;
    }
    let Some((receiver, method)) = callee.rsplit_once('.') else { return false };
    if receiver == "require" {
        return true;
    }
    if receiver == "assert" && style.gotest_tools_assert {
        return GOTEST_TOOLS_EXITS.contains(&method);
    }
    let plain_receiver = receiver.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.');
    plain_receiver && !PROCESS_LOGGERS.contains(&receiver) && TEST_EXITS.contains(&method)
}

/// Loggers whose `Fatal` functions end the process rather than the goroutine.
const PROCESS_LOGGERS: &[&str] = &["log", "klog", "glog", "logrus"];

/// Reports whether `statement` ends the whole process (`os.Exit`, `log.Fatal` and the
/// same on common loggers, `panic` in `main`), after which no goroutine can leak.
pub fn is_process_exit(statement: Node, source: &[u8], style: ExitStyle) -> bool {
    let Some(call) = statement.named_child(0).filter(|call| statement.kind() == "expression_statement" && call.kind() == "call_expression") else {
        return false;
    };
    let callee = syntax::callee_text(call, source);
    if callee == "os.Exit" || (callee == "panic" && style.panic_ends_process) {
        return true;
    }
    callee.rsplit_once('.').is_some_and(|(receiver, function)| {
        PROCESS_LOGGERS.contains(&receiver) && function.starts_with("Fatal")
    })
}

/// Reports whether the last statement of a case or block always leaves the function.
pub fn ends_with_exit(statements: &[Node], source: &[u8], style: ExitStyle) -> bool {
    statements.last().is_some_and(|last| is_exit(*last, source, style))
}

/// The maximum number of sends along one path through a statement: `falls` for paths that reach the
/// next statement, `exits` for paths that leave the function inside it. None means that
/// no path of that kind exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PathSends {
    pub falls: Option<u32>,
    pub exits: Option<u32>,
}

impl PathSends {
    const NONE: PathSends = PathSends { falls: Some(0), exits: None };

    pub fn most(self) -> Option<u32> {
        self.falls.max(self.exits)
    }
}

/// The reason a send count is unknown.
#[derive(Debug, PartialEq, Eq)]
pub enum Unknown {
    /// A send sits in a loop, in a nested goroutine, or behind a `goto`.
    Repeated,
    /// A send is a case of a `select` with other cases, which can fire instead.
    Guarded,
}

/// Counts the sends on `channel` along the paths of a goroutine's body. Sends inside
/// deferred closures happen once at the end and are added to every path.
pub fn count_sends(body: Node, channel: &str, source: &[u8]) -> Result<u32, Unknown> {
    let mut deferred = 0;
    let paths = count_statement(body, channel, source, &mut deferred)?;
    Ok(paths.most().unwrap_or(0) + deferred)
}

fn count_statement(statement: Node, channel: &str, source: &[u8], deferred: &mut u32) -> Result<PathSends, Unknown> {
    if !contains_send(statement, channel, source) {
        let exits = is_exit(statement, source, ExitStyle::default()).then_some(0);
        let falls = if exits.is_some() { None } else { Some(0) };
        return Ok(PathSends { falls, exits: exits.or(contains_return(statement).then_some(0)) });
    }

    match statement.kind() {
        "send_statement" => Ok(PathSends { falls: Some(1), exits: None }),
        "block" | "statement_list" => count_sequence(&syntax::statements(statement), channel, source, deferred),
        "labeled_statement" => match statement.named_children(&mut statement.walk()).last() {
            Some(inner) => count_statement(inner, channel, source, deferred),
            None => Ok(PathSends::NONE),
        },
        "if_statement" => {
            let then = match statement.child_by_field_name("consequence") {
                Some(block) => count_statement(block, channel, source, deferred)?,
                None => PathSends::NONE,
            };
            let otherwise = match statement.child_by_field_name("alternative") {
                Some(branch) => count_statement(branch, channel, source, deferred)?,
                None => PathSends::NONE,
            };
            Ok(PathSends { falls: then.falls.max(otherwise.falls), exits: then.exits.max(otherwise.exits) })
        }
        "expression_switch_statement" | "type_switch_statement" | "select_statement" => {
            count_cases(statement, channel, source, deferred)
        }
        "defer_statement" => {
            let closure = statement
                .named_child(0)
                .filter(|call| call.kind() == "call_expression")
                .and_then(|call| call.child_by_field_name("function"))
                .filter(|function| function.kind() == "func_literal")
                .and_then(|function| function.child_by_field_name("body"));
            let Some(body) = closure else { return Err(Unknown::Repeated) };
            *deferred += count_sends(body, channel, source)?;
            Ok(PathSends::NONE)
        }
        _ => Err(Unknown::Repeated),
    }
}

fn count_sequence(statements: &[Node], channel: &str, source: &[u8], deferred: &mut u32) -> Result<PathSends, Unknown> {
    let mut falls = Some(0);
    let mut exits: Option<u32> = None;
    for statement in statements {
        let Some(before) = falls else { break };
        if statement.kind() == "goto_statement" {
            return Err(Unknown::Repeated);
        }
        let paths = count_statement(*statement, channel, source, deferred)?;
        exits = exits.max(paths.exits.map(|sends| before + sends));
        falls = paths.falls.map(|sends| before + sends);
    }
    Ok(PathSends { falls, exits })
}

fn count_cases(statement: Node, channel: &str, source: &[u8], deferred: &mut u32) -> Result<PathSends, Unknown> {
    let mut falls = None;
    let mut exits = None;
    let mut has_default = statement.kind() == "select_statement";
    for case in syntax::named_children(statement) {
        match case.kind() {
            "communication_case" => {
                let guarded = case
                    .child_by_field_name("communication")
                    .is_some_and(|communication| is_send_on(communication, channel, source));
                if guarded {
                    return Err(Unknown::Guarded);
                }
            }
            "default_case" => has_default = true,
            "expression_case" | "type_case" => {}
            _ => continue,
        }
        let paths = count_sequence(&syntax::statements(case), channel, source, deferred)?;
        falls = falls.max(paths.falls);
        exits = exits.max(paths.exits);
    }
    if !has_default {
        falls = falls.max(Some(0));
    }
    Ok(PathSends { falls, exits })
}

/// Reports whether `node` is a send statement on `channel`.
pub fn is_send_on(node: Node, channel: &str, source: &[u8]) -> bool {
    node.kind() == "send_statement"
        && node.child_by_field_name("channel").is_some_and(|target| syntax::text(target, source) == channel)
}

fn contains_send(node: Node, channel: &str, source: &[u8]) -> bool {
    let mut found = false;
    syntax::walk(node, &mut |inner| {
        found |= is_send_on(inner, channel, source);
        !found
    });
    found
}

fn contains_return(node: Node) -> bool {
    let mut found = false;
    syntax::walk(node, &mut |inner| {
        found |= inner.kind() == "return_statement";
        !found && inner.kind() != "func_literal"
    });
    found
}

/// Reports whether nothing but a `return` can run after `statement` inside `body`:
/// at each level up to `body`, the statement is last in its list or followed by a
/// bare `return`.
pub fn is_last_action(statement: Node, body: Node) -> bool {
    let mut current = statement;
    while current.id() != body.id() {
        let Some(parent) = current.parent() else { return false };
        match parent.kind() {
            "statement_list" => {
                let siblings = syntax::statements(parent);
                let position = siblings.iter().position(|sibling| sibling.id() == current.id());
                let next = position.and_then(|i| siblings.get(i + 1));
                match next {
                    None => {}
                    Some(next) if next.kind() == "return_statement" && next.named_child_count() == 0 => return true,
                    Some(_) => return false,
                }
            }
            "for_statement" => return false,
            _ => {}
        }
        current = parent;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goroutine_body(source: &str) -> (tree_sitter::Tree, String) {
        let text = format!("package p\n\nfunc f() {{\n{source}\n}}\n");
        (syntax::parse(text.as_bytes()), text)
    }

    fn count(source: &str) -> Result<u32, Unknown> {
        let (tree, text) = goroutine_body(source);
        let function = tree.root_node().named_child(1).unwrap();
        count_sends(function.child_by_field_name("body").unwrap(), "ch", text.as_bytes())
    }

    #[test]
    fn branches_send_once() {
        assert_eq!(count("if err != nil {\n\tch <- err\n\treturn\n}\nch <- nil"), Ok(1));
        assert_eq!(count("switch x {\ncase 1:\n\tch <- 1\ndefault:\n\tch <- 2\n}"), Ok(1));
    }

    #[test]
    fn sequence_sends_twice() {
        assert_eq!(count("ch <- 1\nch <- 2"), Ok(2));
        assert_eq!(count("defer func() { ch <- 1 }()\nif x {\n\tch <- 2\n}"), Ok(2));
    }

    #[test]
    fn loop_send_is_repeated() {
        assert_eq!(count("for {\n\tch <- 1\n}"), Err(Unknown::Repeated));
    }

    #[test]
    fn send_before_return_is_last() {
        let (tree, text) = goroutine_body("if err != nil {\n\tch <- err\n\treturn\n}\nlog()\nch <- nil\nlog()");
        let body = tree.root_node().named_child(1).unwrap().child_by_field_name("body").unwrap();
        let mut sends = Vec::new();
        syntax::walk(body, &mut |node| {
            if is_send_on(node, "ch", text.as_bytes()) {
                sends.push(node);
            }
            true
        });
        assert!(is_last_action(sends[0], body));
        assert!(!is_last_action(sends[1], body));
    }

    #[test]
    fn select_send_is_guarded() {
        assert_eq!(count("select {\ncase ch <- 1:\ncase <-done:\n}"), Err(Unknown::Guarded));
    }
}
