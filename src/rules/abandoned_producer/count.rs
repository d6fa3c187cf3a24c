//! Counting a producer's sends along the paths through its body, to tell whether it
//! sends more than once and whether its sends fit the channel's buffer.
//!
//! A path ends in one of four ways: it falls through to the next statement, leaves the
//! goroutine (`return`, `panic`, `runtime.Goexit`), breaks out of the innermost loop,
//! or continues it. A loop multiplies only the sends of paths that go around again, so
//! a send followed by `return` or `break` counts once however often the loop runs.

use tree_sitter::Node;

use crate::rules::channel::{is_declared_or_assigned, uses};
use crate::rules::flow::{self, ExitStyle};
use crate::syntax;

/// Returns the maximum number of sends on `channel` along one path through a
/// goroutine's body, not counting sends inside function literals.
pub(super) fn max_sends(body: Node, channel: &str, text: &[u8]) -> Bound {
    let counter = Counter { channel, text };
    let paths = counter.statement(body);
    match (paths.falls, paths.exits) {
        (None, None) => Bound::Known(0),
        (falls, exits) => max_of(falls, exits).unwrap_or(Bound::Known(0)),
    }
}

/// The maximum number of sends on the paths of each kind through a statement, or None
/// where no path of that kind exists.
#[derive(Clone, Debug, PartialEq)]
struct Paths {
    falls: Option<Bound>,
    exits: Option<Bound>,
    breaks: Option<Bound>,
    continues: Option<Bound>,
}

impl Paths {
    fn falling(sends: Bound) -> Paths {
        Paths { falls: Some(sends), exits: None, breaks: None, continues: None }
    }

    fn unknown() -> Paths {
        Paths::falling(Bound::Unknown)
    }

    /// Joins the paths of two branches, of which one runs.
    fn either(self, other: Paths) -> Paths {
        Paths {
            falls: max_of(self.falls, other.falls),
            exits: max_of(self.exits, other.exits),
            breaks: max_of(self.breaks, other.breaks),
            continues: max_of(self.continues, other.continues),
        }
    }
}

struct Counter<'a> {
    channel: &'a str,
    text: &'a [u8],
}

impl Counter<'_> {
    fn statement(&self, statement: Node) -> Paths {
        match statement.kind() {
            "send_statement" => {
                let on_channel = statement
                    .child_by_field_name("channel")
                    .is_some_and(|target| syntax::text(target, self.text) == self.channel);
                Paths::falling(Bound::Known(u64::from(on_channel)))
            }
            "block" | "statement_list" => self.sequence(&syntax::statements(statement)),
            "labeled_statement" => match syntax::named_children(statement).into_iter().rfind(|child| child.kind() != "label_name") {
                Some(inner) => self.statement(inner),
                None => Paths::falling(Bound::Known(0)),
            },
            "if_statement" => self.if_statement(statement),
            "expression_switch_statement" | "type_switch_statement" | "select_statement" => self.cases(statement),
            "for_statement" => self.loop_statement(statement),
            "return_statement" => Paths { falls: None, exits: Some(self.sends_within(statement)), breaks: None, continues: None },
            "break_statement" | "continue_statement" => {
                // A labelled jump may leave several loops at once, which these paths
                // cannot express.
                if statement.named_child_count() > 0 {
                    return Paths::unknown();
                }
                let jump = Some(Bound::Known(0));
                if statement.kind() == "break_statement" {
                    Paths { falls: None, exits: None, breaks: jump, continues: None }
                } else {
                    Paths { falls: None, exits: None, breaks: None, continues: jump }
                }
            }
            "goto_statement" | "fallthrough_statement" => Paths::unknown(),
            "expression_statement" if flow::is_exit(statement, self.text, ExitStyle::default()) => {
                Paths { falls: None, exits: Some(self.sends_within(statement)), breaks: None, continues: None }
            }
            _ => Paths::falling(self.sends_within(statement)),
        }
    }

    /// Returns Known(0) for a simple statement without a send on the channel, and
    /// Unknown when a send hides inside it.
    fn sends_within(&self, node: Node) -> Bound {
        let mut found = false;
        syntax::walk(node, &mut |inner| {
            if inner.kind() == "func_literal" {
                return false;
            }
            found |= inner.kind() == "send_statement"
                && inner.child_by_field_name("channel").is_some_and(|target| syntax::text(target, self.text) == self.channel);
            !found
        });
        if found {
            Bound::Unknown
        } else {
            Bound::Known(0)
        }
    }

    fn sequence(&self, statements: &[Node]) -> Paths {
        let mut total = Paths::falling(Bound::Known(0));
        for statement in statements {
            let Some(before) = total.falls.clone() else { break };
            let paths = self.statement(*statement);
            let after = |sends: Option<Bound>| sends.map(|sends| add(before.clone(), sends));
            total = Paths {
                exits: max_of(total.exits, after(paths.exits)),
                breaks: max_of(total.breaks, after(paths.breaks)),
                continues: max_of(total.continues, after(paths.continues)),
                falls: after(paths.falls),
            };
        }
        total
    }

    fn if_statement(&self, statement: Node) -> Paths {
        let initializer = statement.child_by_field_name("initializer").map_or(Bound::Known(0), |node| self.sends_within(node));
        let condition = statement.child_by_field_name("condition").map_or(Bound::Known(0), |node| self.sends_within(node));
        if initializer != Bound::Known(0) || condition != Bound::Known(0) {
            return Paths::unknown();
        }
        let then = statement.child_by_field_name("consequence").map_or(Paths::falling(Bound::Known(0)), |block| self.statement(block));
        let otherwise = statement.child_by_field_name("alternative").map_or(Paths::falling(Bound::Known(0)), |branch| self.statement(branch));
        then.either(otherwise)
    }

    /// Joins the cases of a `switch` or `select`, where an unlabelled `break` leaves
    /// the statement and so falls through to what follows it.
    fn cases(&self, statement: Node) -> Paths {
        let mut joined: Option<Paths> = None;
        let mut has_default = false;
        for case in syntax::named_children(statement) {
            match case.kind() {
                "expression_case" | "type_case" | "communication_case" => {}
                "default_case" => has_default = true,
                _ => continue,
            }
            let paths = self.sequence(&syntax::statements(case));
            let paths = Paths { falls: max_of(paths.falls, paths.breaks), breaks: None, ..paths };
            joined = Some(match joined {
                Some(earlier) => earlier.either(paths),
                None => paths,
            });
        }
        let mut joined = joined.unwrap_or_else(|| Paths::falling(Bound::Known(0)));
        // A switch without `default` can match no case. A select without one waits for
        // a case, and an empty select blocks forever.
        if !has_default && statement.kind() != "select_statement" {
            joined.falls = max_of(joined.falls, Some(Bound::Known(0)));
        }
        joined
    }

    fn loop_statement(&self, statement: Node) -> Paths {
        let Some(body) = statement.child_by_field_name("body") else { return Paths::unknown() };
        let clauses: Vec<Node> = syntax::named_children(statement)
            .into_iter()
            .filter(|child| child.kind() != "comment" && child.id() != body.id())
            .collect();
        if clauses.iter().any(|clause| self.sends_within(*clause) != Bound::Known(0)) {
            return Paths::unknown();
        }
        let paths = self.statement(body);

        let ends_by_condition = match clauses.first() {
            None => false,
            Some(clause) if clause.kind() == "for_clause" => clause.child_by_field_name("condition").is_some(),
            Some(_) => true,
        };
        // Sends on paths that go around again repeat once per iteration, without end
        // when no condition stops the loop.
        let again = max_of(paths.falls, paths.continues).unwrap_or(Bound::Known(0));
        if again != Bound::Known(0) && !ends_by_condition {
            return Paths::unknown();
        }
        let around = if again == Bound::Known(0) { Bound::Known(0) } else { multiply(iterations(statement, self.text), again) };
        Paths {
            falls: max_of(ends_by_condition.then(|| around.clone()), paths.breaks.map(|sends| add(around.clone(), sends))),
            exits: paths.exits.map(|sends| add(around, sends)),
            breaks: None,
            continues: None,
        }
    }
}

fn max_of(left: Option<Bound>, right: Option<Bound>) -> Option<Bound> {
    match (left, right) {
        (Some(left), Some(right)) => Some(max(left, right)),
        (left, None) => left,
        (None, right) => right,
    }
}

/// The maximum number of sends on one path through a statement.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Bound {
    Known(u64),
    /// Once per iteration of a loop that runs as many times as the value of one of
    /// these expressions (written without spaces), such as `n` or `len(items)`.
    Expression(Vec<String>),
    Unknown,
}

/// Returns how often a loop runs: `for i := 0; i < N; i++` (also `<=`), `for range N`
/// or `for _, x := range xs`.
fn iterations(loop_node: Node, text: &[u8]) -> Bound {
    let Some(clause) = syntax::named_children(loop_node).into_iter().find(|child| child.kind() != "comment") else {
        return Bound::Unknown;
    };
    let compact = |node: Node| syntax::text(node, text).split_whitespace().collect::<String>();
    match clause.kind() {
        "range_clause" => {
            let Some(range) = clause.child_by_field_name("right") else { return Bound::Unknown };
            if range.kind() == "int_literal" {
                return syntax::text(range, text).parse().map_or(Bound::Unknown, Bound::Known);
            }
            if !matches!(range.kind(), "identifier" | "selector_expression") {
                return Bound::Unknown;
            }
            // `range n` runs n times for an integer and len(n) times for a slice, array
            // or map; a capacity of `n` or `len(n)` shows which.
            let range_text = compact(range);
            Bound::Expression(vec![format!("len({range_text})"), range_text])
        }
        "for_clause" => {
            let (Some(initializer), Some(condition), Some(update)) = (
                clause.child_by_field_name("initializer"),
                clause.child_by_field_name("condition"),
                clause.child_by_field_name("update"),
            ) else {
                return Bound::Unknown;
            };
            let (Some(left), Some(operator), Some(right)) = (
                condition.child_by_field_name("left"),
                condition.child_by_field_name("operator"),
                condition.child_by_field_name("right"),
            ) else {
                return Bound::Unknown;
            };
            let counter = syntax::text(left, text);
            let counted = left.kind() == "identifier"
                && compact(initializer) == format!("{counter}:=0")
                && compact(update) == format!("{counter}++")
                && !counter_assigned_in(loop_node, counter, text);
            if !counted {
                return Bound::Unknown;
            }
            let inclusive = match operator.kind() {
                "<" => false,
                "<=" => true,
                _ => return Bound::Unknown,
            };
            if right.kind() == "int_literal" {
                let Ok(limit) = syntax::text(right, text).parse::<u64>() else { return Bound::Unknown };
                return Bound::Known(limit + u64::from(inclusive));
            }
            if inclusive {
                return Bound::Unknown;
            }
            Bound::Expression(vec![compact(right)])
        }
        _ => Bound::Unknown,
    }
}

/// Reports whether the loop's body assigns its counter, which breaks the count.
fn counter_assigned_in(loop_node: Node, counter: &str, text: &[u8]) -> bool {
    let Some(body) = loop_node.child_by_field_name("body") else { return true };
    uses(body, counter, text).into_iter().any(is_declared_or_assigned)
}

fn add(left: Bound, right: Bound) -> Bound {
    match (left, right) {
        (Bound::Known(a), Bound::Known(b)) => Bound::Known(a + b),
        (Bound::Known(0), other) | (other, Bound::Known(0)) => other,
        _ => Bound::Unknown,
    }
}

fn max(left: Bound, right: Bound) -> Bound {
    match (left, right) {
        (Bound::Known(a), Bound::Known(b)) => Bound::Known(a.max(b)),
        (Bound::Known(0), other) | (other, Bound::Known(0)) => other,
        (Bound::Expression(a), Bound::Expression(b)) if a == b => Bound::Expression(a),
        _ => Bound::Unknown,
    }
}

fn multiply(iterations: Bound, per_iteration: Bound) -> Bound {
    match (iterations, per_iteration) {
        (_, Bound::Known(0)) | (Bound::Known(0), _) => Bound::Known(0),
        (Bound::Known(a), Bound::Known(b)) => Bound::Known(a.saturating_mul(b)),
        (Bound::Expression(e), Bound::Known(1)) | (Bound::Known(1), Bound::Expression(e)) => Bound::Expression(e),
        _ => Bound::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(source: &str) -> Bound {
        let text = format!("package p\n\nfunc f() {{\n{source}\n}}\n");
        let tree = syntax::parse(text.as_bytes());
        let function = tree.root_node().named_child(1).unwrap();
        max_sends(function.child_by_field_name("body").unwrap(), "ch", text.as_bytes())
    }

    #[test]
    fn send_before_return_counts_once() {
        let body = "for i := 0; i < 20; i++ {\n\tif err != nil {\n\t\tch <- err\n\t\treturn\n\t}\n}\nch <- nil";
        assert_eq!(count(body), Bound::Known(1));
    }

    #[test]
    fn send_before_break_counts_once() {
        assert_eq!(count("for {\n\tch <- 1\n\tbreak\n}"), Bound::Known(1));
    }

    #[test]
    fn counted_loop_multiplies() {
        assert_eq!(count("for i := 0; i < 5; i++ {\n\tch <- i\n}"), Bound::Known(5));
        assert_eq!(count("for i := 0; i <= 5; i++ {\n\tch <- i\n}"), Bound::Known(6));
        assert_eq!(count("for range 3 {\n\tfor range 2 {\n\t\tch <- 1\n\t}\n}"), Bound::Known(6));
    }

    #[test]
    fn continue_path_goes_around() {
        let body = "for i := 0; i < 3; i++ {\n\tif i == 1 {\n\t\tch <- 1\n\t\tcontinue\n\t}\n\tch <- 2\n}";
        assert_eq!(count(body), Bound::Known(3));
    }

    #[test]
    fn branches_take_the_maximum() {
        assert_eq!(count("if x {\n\tch <- 1\n\tch <- 2\n} else {\n\tch <- 3\n}"), Bound::Known(2));
        assert_eq!(count("switch x {\ncase 1:\n\tch <- 1\n\tbreak\ncase 2:\n}\nch <- 2"), Bound::Known(2));
    }

    #[test]
    fn range_over_collection_is_an_expression() {
        let expected = Bound::Expression(vec!["len(xs)".to_string(), "xs".to_string()]);
        assert_eq!(count("for _, x := range xs {\n\tch <- x\n}"), expected);
    }

    #[test]
    fn endless_loop_is_unknown() {
        assert_eq!(count("for {\n\tch <- 1\n}"), Bound::Unknown);
        assert_eq!(count("for i := 0; ; i++ {\n\tch <- i\n}"), Bound::Unknown);
        assert_eq!(count("for i := 0; i < n; i++ {\n\tch <- i\n\tch <- i\n}"), Bound::Unknown);
    }

    #[test]
    fn sends_in_closures_do_not_count() {
        assert_eq!(count("defer func() {\n\tch <- 1\n}()\nfor range 2 {\n\tch <- 2\n}"), Bound::Known(2));
    }

    #[test]
    fn labelled_jump_is_unknown() {
        assert_eq!(count("outer:\nfor range 2 {\n\tch <- 1\n\tbreak outer\n}"), Bound::Unknown);
    }
}
