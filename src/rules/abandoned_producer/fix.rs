//! The fix: the consumer closes a stop channel on its way out, and every send of the
//! producers becomes a `select` that also waits on it. When the consumer's exit
//! already cancels a context the producers hold, `<-ctx.Done()` takes the stop
//! channel's place.

use std::collections::HashSet;

use tree_sitter::Node;

use super::producer::{outermost_loop, Producer};
use super::roles::{started_in_loop, Channel, Reader};
use super::RULE;
use crate::fix::{Applicability, Edit, Finding};
use crate::format::splits_comment_block;
use crate::gotext::GoLines;
use crate::rules::channel::{is_declared_or_assigned, uses};
use crate::rules::flow;
use crate::rules::names::walk_own_code;
use crate::rules::Context;
use crate::syntax;

/// The channel or context that a guarded send also waits on.
enum Signal {
    /// A new channel of this name that the consumer closes with `defer`.
    Stop(String),
    /// A context of this name that the consumer cancels with `defer`.
    Context(String),
}

impl Signal {
    fn case(&self) -> String {
        match self {
            Signal::Stop(name) => format!("case <-{name}:"),
            Signal::Context(name) => format!("case <-{name}.Done():"),
        }
    }
}

/// Builds the finding at `make`, with the fix's edits or, when the fix cannot be
/// written safely, with the reason in the message and no edits.
pub(super) fn finding(context: &Context, channel: &Channel, producers: &[Producer], reader: &Reader, caller: Option<String>) -> Finding {
    let consumer = match reader {
        Reader::Function(_) => "this function".to_string(),
        Reader::Goroutine { .. } => "its consumer goroutine".to_string(),
        Reader::Returned => caller.unwrap_or_else(|| "a caller".to_string()),
    };
    let (applicability, edits, advice) = match plan(context, channel, producers, reader) {
        Ok((edits, signal)) => {
            let advice = match signal {
                Signal::Stop(_) => "close a stop channel when the consumer leaves and select on it at each send".to_string(),
                Signal::Context(name) => {
                    format!("select on `{name}.Done()` at each send, since the consumer cancels `{name}` when it leaves")
                }
            };
            (Applicability::Unsafe, edits, advice)
        }
        Err(reason) => (Applicability::DisplayOnly, Vec::new(), reason),
    };
    Finding {
        rule: RULE.id,
        range: channel.call.byte_range(),
        message: format!(
            "a goroutine can block forever sending on `{}` because {consumer} can stop receiving before the channel is closed; {advice}",
            channel.name
        ),
        applicability,
        edits,
    }
}

/// Returns the edits of the fix, or why there is none.
fn plan(context: &Context, channel: &Channel, producers: &[Producer], reader: &Reader) -> Result<(Vec<Edit>, Signal), String> {
    let text = context.text;
    if let Reader::Returned = reader {
        return Err("the channel is returned, so a fix changes the API: take a `context.Context` parameter and select on `ctx.Done()` at each send".to_string());
    }
    for producer in producers {
        if let Some(helper) = &producer.helper {
            return Err(format!(
                "the send is inside {helper}, where a `return` would not end the goroutine: pass a stop channel down and unwind when it is closed"
            ));
        }
        if producer.function.child_by_field_name("result").is_some() {
            return Err("the producer has results, so it cannot stop with a plain `return`: add a stop channel by hand".to_string());
        }
        if let Some(call) = producer.named_call {
            check_named_producer(context, producer, call)?;
        }
    }
    if matches!(reader, Reader::Function(_)) && started_in_loop(channel.declaration, channel.function) {
        return Err("the channel is made in a loop, where `defer close(stop)` would wait for the function to return: close a stop channel at the end of each iteration".to_string());
    }

    let signal = match cancelled_context(context, channel, producers, reader) {
        Some(name) => Signal::Context(name),
        None => Signal::Stop(stop_name(context, channel, producers)),
    };
    let mut edits = Vec::new();
    if let Signal::Stop(stop) = &signal {
        edits.push(declare_stop(text, channel, stop, matches!(reader, Reader::Function(_)))?);
        if let Reader::Goroutine { literal, .. } = reader {
            edits.push(defer_close(text, *literal, stop)?);
        }
        for producer in producers {
            if let Some(call) = producer.named_call {
                edits.extend(pass_stop(producer, call, stop)?);
            }
        }
    }
    for producer in producers {
        edits.extend(guard_sends(producer, &signal)?);
    }
    Ok((edits, signal))
}

/// Checks that a producer started as `go produce(ch)` can take the stop channel as a
/// new parameter: it is declared in this file, unexported, used once in the package,
/// and its last parameter is not variadic.
fn check_named_producer(context: &Context, producer: &Producer, call: Node) -> Result<(), String> {
    let name_node = producer.function.child_by_field_name("name").ok_or_else(layout_problem)?;
    let name = syntax::text(name_node, producer.text);
    let same_file = std::ptr::eq(producer.text.as_ptr(), context.text.as_ptr()) && producer.text.len() == context.text.len();
    if !same_file {
        return Err(format!("`{name}` is declared in another file, which this fix does not edit: pass it a stop channel by hand"));
    }
    if name.starts_with(|c: char| c.is_uppercase()) {
        return Err(format!("`{name}` is exported, so a new stop-channel parameter would change its API: add one by hand"));
    }
    // The declaration's own name is one of the references.
    let references = count_references(context, name, name_node.kind());
    if references != 2 {
        return Err(format!(
            "`{name}` is used more than once in the package, so a new stop-channel parameter would change its other callers: add one by hand"
        ));
    }
    let parameters = producer.function.child_by_field_name("parameters").ok_or_else(layout_problem)?;
    let last_parameter = syntax::named_children(parameters).into_iter().rfind(|node| node.kind() != "comment");
    let last_argument = syntax::call_arguments(call).last().copied();
    if last_parameter.is_some_and(|node| node.kind() == "variadic_parameter_declaration")
        || last_argument.is_some_and(|node| node.kind() == "variadic_argument")
    {
        return Err(format!("`{name}` takes variadic arguments, so a stop-channel parameter cannot go last: add one by hand"));
    }
    Ok(())
}

/// Counts the nodes of `kind` spelled `name` in the files of the package, test files
/// included: calls, values and the declaration itself.
fn count_references(context: &Context, name: &str, kind: &str) -> usize {
    let mut count = 0;
    context.for_each_file(&mut |tree, text| {
        syntax::walk(tree.root_node(), &mut |node| {
            if node.kind() == kind && syntax::text(node, text) == name {
                count += 1;
            }
            true
        });
    });
    count
}

/// Returns the name of a context that the producers already use and whose cancel
/// function the consumer defers: `ctx, cancel := context.WithCancel(...)` before the
/// producers start, `defer cancel()` in the consumer, `ctx` in every producer. Every
/// producer must close the channel, so a consumer ranging over it still ends if the
/// context is cancelled from outside while it reads.
fn cancelled_context(context: &Context, channel: &Channel, producers: &[Producer], reader: &Reader) -> Option<String> {
    let text = context.text;
    let (consumer, receive_loop) = match reader {
        Reader::Function(receive_loop) => (channel.function, receive_loop),
        Reader::Goroutine { literal, receive_loop } => (*literal, receive_loop),
        Reader::Returned => return None,
    };
    if producers.iter().any(|producer| producer.named_call.is_some() || !producer.closes) {
        return None;
    }
    let first_go = producers.iter().map(|producer| producer.go.start_byte()).min()?;

    // The statements must be in scope where they are used: the context's declaration
    // in a block around the channel's, the deferred cancel in a block around the loop.
    let encloses = |statement: Node, target: Node| statement.parent().is_some_and(|block| syntax::contains(block, target));
    let mut found = None;
    walk_own_code(channel.body, &mut |node| {
        if node.start_byte() < first_go && encloses(node, channel.declaration) {
            if let Some(pair) = cancellable_context(node, text) {
                found = Some(pair);
            }
        }
    });
    let (name, cancel, declared_at) = found?;

    let consumer_body = consumer.child_by_field_name("body")?;
    let mut deferred = false;
    walk_own_code(consumer_body, &mut |node| {
        let defers_cancel = node.kind() == "defer_statement"
            && node.start_byte() < receive_loop.loop_node.start_byte()
            && encloses(node, receive_loop.loop_node)
            && node.named_child(0).is_some_and(|call| {
                call.kind() == "call_expression" && syntax::callee_text(call, text) == cancel && syntax::call_arguments(call).is_empty()
            });
        deferred |= defers_cancel;
    });
    if !deferred {
        return None;
    }
    let reassigned = uses(channel.body, &name, text)
        .into_iter()
        .any(|identifier| identifier.start_byte() > declared_at && is_declared_or_assigned(identifier));
    if reassigned {
        return None;
    }
    for producer in producers {
        let parameters = producer.function.child_by_field_name("parameters")?;
        let shadowed = syntax::parameter_names(parameters, text).iter().any(|(parameter, _)| *parameter == name);
        let context_uses = uses(producer.body, &name, text);
        if shadowed
            || context_uses.is_empty()
            || context_uses.into_iter().any(is_declared_or_assigned)
            || !uses(producer.body, &cancel, text).is_empty()
        {
            return None;
        }
    }
    Some(name)
}

/// Reads `ctx, cancel := context.WithCancel(...)` (or `=`, or `WithCancelCause`) and
/// returns the two names and where the statement ends.
fn cancellable_context(node: Node, text: &[u8]) -> Option<(String, String, usize)> {
    if !matches!(node.kind(), "short_var_declaration" | "assignment_statement") {
        return None;
    }
    let right = syntax::named_children(node.child_by_field_name("right")?);
    let [call] = right.as_slice() else { return None };
    if call.kind() != "call_expression" || !matches!(syntax::callee_text(*call, text), "context.WithCancel" | "context.WithCancelCause") {
        return None;
    }
    let left = syntax::named_children(node.child_by_field_name("left")?);
    let [name, cancel] = left.as_slice() else { return None };
    if name.kind() != "identifier" || cancel.kind() != "identifier" {
        return None;
    }
    Some((syntax::text(*name, text).to_string(), syntax::text(*cancel, text).to_string(), node.end_byte()))
}

/// Picks `stop`, or `stop2`, `stop3` and so on: a name that no identifier of the
/// enclosing declaration or a named producer uses and the package does not declare,
/// so the new variable neither collides with nor shadows another.
fn stop_name(context: &Context, channel: &Channel, producers: &[Producer]) -> String {
    let mut used_names = HashSet::new();
    if let Some(top) = syntax::top_level_declaration(channel.function) {
        collect_identifiers(top, context.text, &mut used_names);
    }
    for producer in producers.iter().filter(|producer| producer.named_call.is_some()) {
        collect_identifiers(producer.function, producer.text, &mut used_names);
    }
    context.for_each_file(&mut |tree, text| {
        for declaration in syntax::named_children(tree.root_node()) {
            match declaration.kind() {
                "function_declaration" => {
                    if let Some(name) = declaration.child_by_field_name("name") {
                        used_names.insert(syntax::text(name, text).to_string());
                    }
                }
                "method_declaration" => {}
                "import_declaration" => collect_import_names(declaration, text, &mut used_names),
                _ => collect_identifiers(declaration, text, &mut used_names),
            }
        }
    });

    let mut suffix = 1;
    loop {
        let candidate = if suffix == 1 { "stop".to_string() } else { format!("stop{suffix}") };
        if !used_names.contains(&candidate) {
            return candidate;
        }
        suffix += 1;
    }
}

fn collect_identifiers(node: Node, text: &[u8], used_names: &mut HashSet<String>) {
    syntax::walk(node, &mut |inner| {
        if matches!(inner.kind(), "identifier" | "type_identifier" | "package_identifier") {
            used_names.insert(syntax::text(inner, text).to_string());
        }
        true
    });
}

/// Adds the names that imports bind: the alias, or the last element of the path and,
/// for a major-version suffix such as `/v2`, the element before it.
fn collect_import_names(declaration: Node, text: &[u8], used_names: &mut HashSet<String>) {
    syntax::walk(declaration, &mut |node| {
        if node.kind() == "import_spec" {
            if let Some(alias) = node.child_by_field_name("name") {
                used_names.insert(syntax::text(alias, text).to_string());
            }
            if let Some(path) = node.child_by_field_name("path") {
                let path = syntax::text(path, text).trim_matches(|c| c == '"' || c == '`');
                let mut elements = path.rsplit('/');
                if let Some(last) = elements.next() {
                    used_names.insert(last.to_string());
                    if last.starts_with('v') && last[1..].chars().all(|c| c.is_ascii_digit()) {
                        if let Some(before) = elements.next() {
                            used_names.insert(before.to_string());
                        }
                    }
                }
            }
            return false;
        }
        true
    });
}

/// Declares the stop channel on its own line beside the channel, with `defer
/// close(stop)` after it when the function itself is the consumer. The lines go after
/// the declaration, or before it when that would split a block of aligned comments.
fn declare_stop(text: &[u8], channel: &Channel, stop: &str, with_defer: bool) -> Result<Edit, String> {
    let declaration = channel.declaration;
    let mut lines = GoLines::at(text, declaration.start_byte());
    lines.push(0, format!("{stop} := make(chan struct{{}})"));
    if with_defer {
        lines.push(0, format!("defer close({stop})"));
    }

    let line_end = end_of_line(text, declaration.end_byte());
    let rest = String::from_utf8_lossy(&text[declaration.end_byte()..line_end]);
    let rest = rest.trim();
    if rest.is_empty() || rest.starts_with("//") {
        let next_line = next_line_start(text, line_end);
        if !splits_comment_block(text, next_line) {
            return Ok(Edit::insert(line_end, lines.after_line()));
        }
    }
    let line_start = start_of_line(text, declaration.start_byte());
    if starts_line(text, declaration) && !splits_comment_block(text, line_start) {
        return Ok(Edit::insert(line_start, lines.whole()));
    }
    Err(layout_problem())
}

/// Inserts `defer close(stop)` as the first statement of the consumer goroutine.
fn defer_close(text: &[u8], literal: Node, stop: &str) -> Result<Edit, String> {
    let body = literal.child_by_field_name("body").ok_or_else(layout_problem)?;
    // Comments count too, so the defer goes above a comment that opens the body.
    let mut children = Vec::new();
    for child in syntax::named_children(body) {
        if child.kind() == "statement_list" {
            children.extend(syntax::named_children(child));
        } else {
            children.push(child);
        }
    }
    let first = children.into_iter().min_by_key(|node| node.start_byte()).ok_or_else(layout_problem)?;
    if first.start_position().row == body.start_position().row || !starts_line(text, first) {
        return Err(layout_problem());
    }
    let line_start = start_of_line(text, first.start_byte());
    if splits_comment_block(text, line_start) {
        return Err(layout_problem());
    }
    let mut lines = GoLines::at(text, first.start_byte());
    lines.push(0, format!("defer close({stop})"));
    Ok(Edit::insert(line_start, lines.whole()))
}

/// Adds the stop channel as the last parameter of a named producer and as the last
/// argument of the `go` statement that starts it.
fn pass_stop(producer: &Producer, call: Node, stop: &str) -> Result<Vec<Edit>, String> {
    let parameters = producer.function.child_by_field_name("parameters").ok_or_else(layout_problem)?;
    let last_parameter = syntax::named_children(parameters)
        .into_iter()
        .rfind(|node| node.kind() != "comment")
        .ok_or_else(layout_problem)?;
    let last_argument = syntax::call_arguments(call).last().copied().ok_or_else(layout_problem)?;
    Ok(vec![
        Edit::insert(last_parameter.end_byte(), format!(", {stop} <-chan struct{{}}")),
        Edit::insert(last_argument.end_byte(), format!(", {stop}")),
    ])
}

/// Turns every send of the producer into a `select` that leaves when the signal
/// fires. The exit leaves the goroutine with `return`, unless code follows the loop
/// around the send: then a labelled `break` leaves that loop so the code still runs,
/// and a send outside any loop just moves on.
fn guard_sends(producer: &Producer, signal: &Signal) -> Result<Vec<Edit>, String> {
    let text = producer.text;
    let mut edits = Vec::new();
    let mut taken_labels = label_names(producer.body, text);
    let mut new_labels: Vec<(usize, String)> = Vec::new();

    for send in &producer.sends {
        if !starts_line(text, *send) || !ends_line(text, *send) {
            return Err(layout_problem());
        }
        let exit = match outermost_loop(*send, producer.function) {
            None if flow::is_last_action(*send, producer.body) => Some("return".to_string()),
            None => None,
            Some(loop_node) if flow::is_last_action(loop_node, producer.body) => Some("return".to_string()),
            Some(loop_node) => {
                let label = match existing_label(loop_node, text) {
                    Some(label) => label,
                    None => match new_labels.iter().find(|(id, _)| *id == loop_node.id()) {
                        Some((_, label)) => label.clone(),
                        None => {
                            let label = free_label(&taken_labels);
                            taken_labels.insert(label.clone());
                            edits.push(label_loop(text, loop_node, &label)?);
                            new_labels.push((loop_node.id(), label.clone()));
                            label
                        }
                    },
                };
                Some(format!("break {label}"))
            }
        };

        // A trailing comment moves to the `case` line. When it is aligned with the
        // comments of the lines around it, gofmt would realign those lines too, which
        // this edit does not reach.
        let line_end = end_of_line(text, send.end_byte());
        let trailing = String::from_utf8_lossy(&text[send.end_byte()..line_end]).trim().to_string();
        let mut replaced = send.byte_range();
        let mut case = format!("case {}:", syntax::text(*send, text));
        if !trailing.is_empty() {
            let first_line = start_of_line(text, send.start_byte());
            if splits_comment_block(text, first_line) || splits_comment_block(text, next_line_start(text, line_end)) {
                return Err(layout_problem());
            }
            replaced.end = line_end;
            case = format!("{case} {trailing}");
        }

        let mut lines = GoLines::at(text, send.start_byte());
        lines.push(0, "select {").push(0, case).push(0, signal.case());
        if let Some(exit) = exit {
            lines.push(1, exit);
        }
        lines.push(0, "}");
        edits.push(Edit::replace(replaced, lines.inline()));
    }
    Ok(edits)
}

/// Puts `label:` on its own line before the loop, one tab out, where gofmt puts labels.
fn label_loop(text: &[u8], loop_node: Node, label: &str) -> Result<Edit, String> {
    let line_start = start_of_line(text, loop_node.start_byte());
    if !starts_line(text, loop_node) || splits_comment_block(text, line_start) {
        return Err(layout_problem());
    }
    let mut lines = GoLines::at(text, loop_node.start_byte());
    lines.push(-1, format!("{label}:"));
    Ok(Edit::insert(line_start, lines.whole()))
}

fn existing_label(loop_node: Node, text: &[u8]) -> Option<String> {
    let labelled = loop_node.parent().filter(|parent| parent.kind() == "labeled_statement")?;
    Some(syntax::text(labelled.child_by_field_name("label")?, text).to_string())
}

/// Returns the labels declared in a function body. Labels live in their own name
/// space, one per function, so only these can collide with a new one.
fn label_names(body: Node, text: &[u8]) -> HashSet<String> {
    let mut names = HashSet::new();
    syntax::walk(body, &mut |node| {
        if node.kind() == "labeled_statement" {
            if let Some(label) = node.child_by_field_name("label") {
                names.insert(syntax::text(label, text).to_string());
            }
        }
        true
    });
    names
}

fn free_label(used_names: &HashSet<String>) -> String {
    let mut suffix = 1;
    loop {
        let candidate = if suffix == 1 { "produce".to_string() } else { format!("produce{suffix}") };
        if !used_names.contains(&candidate) {
            return candidate;
        }
        suffix += 1;
    }
}

fn layout_problem() -> String {
    "the fix cannot keep the layout gofmt gives the file, because a send, a loop or the consumer's first statement shares its line with other code or with aligned comments: add the stop channel by hand".to_string()
}

/// Reports whether only spaces and tabs precede `node` on its line.
fn starts_line(text: &[u8], node: Node) -> bool {
    let start = start_of_line(text, node.start_byte());
    text[start..node.start_byte()].iter().all(|byte| *byte == b' ' || *byte == b'\t')
}

/// Reports whether only spaces, tabs and a `//` comment follow `node` on its line.
fn ends_line(text: &[u8], node: Node) -> bool {
    let end = end_of_line(text, node.end_byte());
    let rest = String::from_utf8_lossy(&text[node.end_byte()..end]);
    let rest = rest.trim();
    rest.is_empty() || rest.starts_with("//")
}

fn start_of_line(text: &[u8], offset: usize) -> usize {
    text[..offset].iter().rposition(|byte| *byte == b'\n').map_or(0, |i| i + 1)
}

/// Returns the offset of the line ending (`\r\n` or `\n`) of the line holding `offset`,
/// or the end of the text.
fn end_of_line(text: &[u8], offset: usize) -> usize {
    let newline = text[offset..].iter().position(|byte| *byte == b'\n').map_or(text.len(), |i| offset + i);
    if newline > offset && newline < text.len() && text[newline - 1] == b'\r' {
        newline - 1
    } else {
        newline
    }
}

fn next_line_start(text: &[u8], line_end: usize) -> usize {
    text[line_end..].iter().position(|byte| *byte == b'\n').map_or(text.len(), |i| line_end + i + 1)
}
