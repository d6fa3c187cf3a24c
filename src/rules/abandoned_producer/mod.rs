//! abandoned-producer: a goroutine sends in a loop on a channel whose one consumer can
//! stop receiving before the channel is closed. Once the buffer is full, the producer
//! blocks on its next send forever. The fix lets the consumer announce that it left:
//! it closes a stop channel with `defer`, and every send becomes a `select` that also
//! waits on that channel.
//!
//! The match starts at `make(chan T)` or `make(chan T, n)`. The rule reads the enclosing
//! function and the functions of its package. Every use of the channel must be a send
//! by a goroutine started there, a receive by one consumer (the function itself or a
//! goroutine it starts), a `close`, or a `return` that hands it to callers. The rule
//! then looks for a way out of the consumer's receive loop before the channel is
//! closed. Anything else is left alone.

use tree_sitter::Node;

use super::flow::ExitStyle;
use super::{Context, Rule};
use crate::fix::Finding;

mod consumer;
mod count;
mod fix;
mod producer;
mod roles;

use roles::Reader;

pub const RULE: Rule = Rule {
    id: "abandoned-producer",
    summary: "a goroutine sends in a loop on a channel whose consumer can stop receiving before it is closed",
    fix_safety: "unsafe, since the producer now stops when its consumer leaves",
    go_versions: "all",
    applies_to: |_| true,
    documentation: include_str!("../../../transforms/abandoned-producer/README.md"),
    required_tokens: &["make(", "chan", "go"],
    node_kinds: &["call_expression"],
    check,
};

fn check(context: &Context, call: Node, findings: &mut Vec<Finding>) {
    let Some(channel) = roles::made_channel(context, call) else { return };
    let Some((producers, reader)) = roles::classify(context, &channel) else { return };

    let gotest_tools_assert = context.imports("gotest.tools/v3/assert") || context.imports("gotest.tools/assert");
    let caller = match &reader {
        Reader::Function(receive_loop) => {
            // Returning from `main` ends the process, and every goroutine with it.
            if context.is_main_function(channel.function) {
                return;
            }
            let style = ExitStyle { gotest_tools_assert, panic_ends_process: false };
            if !consumer::leaves_early(receive_loop, context.text, style) {
                return;
            }
            None
        }
        Reader::Goroutine { receive_loop, .. } => {
            // A panic that a goroutine does not recover ends the process.
            let style = ExitStyle { gotest_tools_assert, panic_ends_process: true };
            if !consumer::leaves_early(receive_loop, context.text, style) {
                return;
            }
            None
        }
        Reader::Returned => {
            if channel.function.kind() != "function_declaration" {
                return;
            }
            let Some(name) = channel.function.child_by_field_name("name") else { return };
            let style = ExitStyle { gotest_tools_assert, panic_ends_process: true };
            let Some(caller) = consumer::early_caller(context, crate::syntax::text(name, context.text), style) else { return };
            Some(caller)
        }
    };
    if producer::sends_fit(&channel, &producers, context.text) {
        return;
    }
    findings.push(fix::finding(context, &channel, &producers, &reader, caller));
}
