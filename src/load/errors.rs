//! The TOML parser's and deserializer's errors in resplist's words: each becomes a diagnostic
//! with a code, a message a clerk can act on, and the fix.

use std::ops::Range;
use std::path::Path;

use super::MAX_NESTING;
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::{Arg, Message};
use crate::model::describe::Described;
use crate::model::labels::{self, ENUM_ERROR_PREFIX};
use crate::model::{Department, SiteFile};
use crate::msg;
use crate::suggest::closest;

/// Turns a parser or deserializer error into a diagnostic with a code and a fix.
pub(super) fn toml_error(file: &Path, text: &str, err: &toml::de::Error) -> Diagnostic {
    let message = err.message().trim();
    let span = err.span().unwrap_or(0..0);
    let diagnostic = classify(message, text, span.clone());
    diagnostic.at(file, span)
}

fn classify(message: &str, text: &str, span: Range<usize>) -> Diagnostic {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        return unknown_field(rest, text, span.start);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        return missing_field(rest.trim_end_matches('`'), text, span);
    }
    if let Some(rest) = message.strip_prefix(ENUM_ERROR_PREFIX) {
        return bad_enum(rest);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        let (found, expected) = (TomlType::of(found), TomlType::of(expected));
        return Diagnostic::new(
            Code::WrongType,
            msg!(
                "wrong-type",
                found = found.words(),
                expected = expected.words()
            ),
        )
        .label(msg!("wrong-type-label", expected = expected.words()))
        .help(expected.help());
    }
    if message.starts_with("invalid length") || message.starts_with("invalid value") {
        return Diagnostic::new(Code::WrongType, msg!("wrong-value", detail = message))
            .help(msg!("wrong-value-help"));
    }
    if message.starts_with("duplicate key") {
        let key = text.get(span).unwrap_or("").trim();
        return Diagnostic::new(Code::Syntax, msg!("duplicate-key", key = key))
            .label(msg!("duplicate-key-label"))
            .help(msg!("duplicate-key-help"));
    }
    if is_too_deep(message) {
        return Diagnostic::new(Code::Syntax, syntax_message(message))
            .label(msg!("too-deep-label"))
            .help(msg!("too-deep-help"));
    }
    if let Some(d) = plain_syntax(message, text, span) {
        return d;
    }
    Diagnostic::new(Code::Syntax, syntax_message(message))
        .label(msg!("toml-syntax-label"))
        .help(msg!("toml-syntax-help"))
}

/// A syntax error of the parser in the words of what the clerk typed, or `None` for the few the
/// catalogues do not name (they keep the parser's words).
fn plain_syntax(message: &str, text: &str, span: Range<usize>) -> Option<Diagnostic> {
    let what = message.split(", expected").next().unwrap_or(message).trim();
    let rest = text
        .get(span.clone())
        .map(str::trim)
        .filter(|token| !token.is_empty() && !token.contains('\n'))
        .unwrap_or_else(|| rest_of_line(text, span.start));
    let (id, help): (&'static str, &'static str) = match what {
        "string values must be quoted" | "missing value" | "missing value for key"
            if rest.is_empty() =>
        {
            let key = line_before(text, span.start)
                .trim_end()
                .trim_end_matches('=')
                .trim();
            return Some(
                Diagnostic::new(Code::Syntax, msg!("syntax-no-value", key = key))
                    .label(msg!("syntax-no-value-label"))
                    .help(msg!("syntax-no-value-help", key = key)),
            );
        }
        "string values must be quoted" => {
            return Some(
                Diagnostic::new(Code::Syntax, msg!("syntax-unquoted", value = rest))
                    .label(msg!("syntax-unquoted-label"))
                    .help(msg!("syntax-unquoted-help", value = rest)),
            );
        }
        "invalid basic string" | "invalid literal string" | "invalid string"
            if message.contains("visible characters") =>
        {
            ("syntax-control-char", "syntax-control-char-help")
        }
        "invalid basic string" | "invalid literal string" | "invalid string" => {
            ("syntax-unclosed-string", "syntax-unclosed-string-help")
        }
        "invalid multi-line basic string" | "invalid multi-line literal string" => (
            "syntax-unclosed-multiline",
            "syntax-unclosed-multiline-help",
        ),
        "missing escaped value" => ("syntax-backslash", "syntax-backslash-help"),
        "unclosed array" => ("syntax-unclosed-list", "syntax-unclosed-list-help"),
        "unclosed array table" | "unclosed table" => {
            ("syntax-unclosed-header", "syntax-unclosed-header-help")
        }
        "unexpected key or value" | "unexpected content" => ("syntax-extra", "syntax-extra-help"),
        "key with no value" | "missing assignment between key-value pairs" => {
            ("syntax-no-equals", "syntax-no-equals-help")
        }
        "invalid unquoted key" | "unquoted keys cannot be empty" | "invalid key" => {
            ("syntax-bad-key", "syntax-bad-key-help")
        }
        "missing comma between array elements" => {
            ("syntax-missing-comma", "syntax-missing-comma-help")
        }
        "extra comma in array" | "extra comma in inline table" => {
            ("syntax-extra-comma", "syntax-extra-comma-help")
        }
        "unexpected `=` in array" | "extra `=`" | "extra assignment between key-value pairs" => {
            ("syntax-extra-equals", "syntax-extra-equals-help")
        }
        w if w.starts_with("invalid date")
            || w.starts_with("invalid time")
            || w.ends_with(" number")
            || w.starts_with("invalid float")
            || w.starts_with("invalid mantissa")
            || w.starts_with("invalid fraction")
            || w.starts_with("invalid exponent")
            || w.starts_with("unexpected leading zero") =>
        {
            ("syntax-bad-number", "syntax-bad-number-help")
        }
        _ => return None,
    };
    Some(
        Diagnostic::new(Code::Syntax, Message::new(id).arg("value", rest))
            .label(msg!("toml-syntax-label"))
            .help(Message::new(help).arg("value", rest)),
    )
}

/// The rest of the line from byte `at`, without a trailing comment.
fn rest_of_line(text: &str, at: usize) -> &str {
    let rest = text.get(at..).unwrap_or("");
    let line = rest.split('\n').next().unwrap_or("");
    line.split(" #").next().unwrap_or(line).trim()
}

/// On the line of a syntax error at byte `at`, a Chinese quote `”` that was meant to close a
/// string opened with an English `"`: it ends the line or comes before a comma, bracket or
/// comment, and no Chinese opening quote `“` stands between the two. The error, and every other
/// error on the line, comes from it.
pub(super) fn chinese_closing_quote(text: &str, at: usize) -> Option<usize> {
    let start = at.min(text.len()) - line_before(text, at).len();
    let line = text.get(start..)?.split('\n').next()?;
    line.match_indices('”')
        .map(|(i, _)| i)
        .find(|&i| {
            let before = &line[..i];
            let after = line[i + '”'.len_utf8()..].trim_start();
            let ends = after.is_empty() || after.starts_with([',', ']', '}', '#']);
            let opened = before
                .rfind('"')
                .is_some_and(|open| !before[open..].contains('“'));
            ends && opened
        })
        .map(|i| start + i)
}

/// The error for a Chinese quote closing a string ([`chinese_closing_quote`]).
pub(super) fn closing_quote_error(file: &Path, text: &str, at: usize) -> Diagnostic {
    let line = text.get(..at).unwrap_or("").matches('\n').count() + 1;
    Diagnostic::new(
        Code::ChinesePunctuation,
        msg!("syntax-closing-quote", line = line),
    )
    .label(msg!(
        "cn-punct-label",
        wanted = msg!("cn-char", char = "\"")
    ))
    .help(msg!("cn-punct-help"))
    .at(file, at..at + '”'.len_utf8())
}

/// The line up to byte `at`.
fn line_before(text: &str, at: usize) -> &str {
    let before = text.get(..at).unwrap_or("");
    before.rsplit('\n').next().unwrap_or(before)
}

/// The TOML parser's words for input nested past its limit.
fn is_too_deep(message: &str) -> bool {
    message.contains("max recursion depth") || message.contains("recursion limit")
}

/// A syntax error of the TOML parser in resplist's words (`check` and `fmt` say the same).
pub fn syntax_message(message: &str) -> Message {
    if is_too_deep(message) {
        msg!("too-deep", max = u64::from(MAX_NESTING))
    } else {
        msg!("toml-syntax", detail = message.trim())
    }
}

fn missing_field(field: &str, text: &str, span: Range<usize>) -> Diagnostic {
    let table = text
        .get(span)
        .and_then(|t| t.lines().next())
        .unwrap_or("")
        .trim();
    let d = Diagnostic::new(Code::MissingField, msg!("missing-field", field = field));
    if table.starts_with('[') {
        d.label(msg!("missing-field-label")).help(msg!(
            "missing-field-table-help",
            field = field,
            table = table
        ))
    } else if table.starts_with('{') {
        d.label(msg!("missing-field-label"))
            .help(msg!("missing-field-inline-help", field = field))
    } else {
        d.label(msg!("missing-field-top-label"))
            .help(msg!("missing-field-top-help", field = field))
    }
}

fn unknown_field(rest: &str, text: &str, at: usize) -> Diagnostic {
    let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
    let allowed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let header = enclosing_header(text, at);
    let d = Diagnostic::new(Code::UnknownField, msg!("unknown-field", field = field))
        .label(msg!("unknown-field-label"));
    // `[[items]]` written for `[[duties.items]]`: a table of another table, written at the top.
    if let Some(path) = nested_path(field)
        && header.is_some_and(|h| h.trim_matches(['[', ']']) == field)
    {
        return d.help(msg!("nested-header-help", key = field, path = path));
    }
    let suggest: Arg = match closest(field, allowed.iter().copied()) {
        Some(s) => msg!("did-you-mean", name = s).into(),
        None => "".into(),
    };
    let fields: Arg = if allowed.is_empty() {
        msg!("no-fields-allowed").into()
    } else {
        msg!("fields-allowed", fields = allowed.join(", ")).into()
    };
    // Keys after a `[header]` belong to that table; say which one, since that is the usual surprise.
    let inside: Arg = match header {
        Some(header) => msg!("key-inside-header", header = header).into(),
        None => "".into(),
    };
    d.help(msg!(
        "unknown-field-help",
        suggest = suggest,
        fields = fields,
        inside = inside
    ))
}

/// The full path of a table that can only be written inside another (`duties.items` for
/// `items`), from the model's description of both files.
fn nested_path(key: &str) -> Option<String> {
    fn find(
        entity: &'static crate::model::describe::Entity,
        path: &str,
        key: &str,
    ) -> Option<String> {
        for field in entity.fields {
            let Some(nested) = field.kind.nested() else {
                continue;
            };
            let here = if path.is_empty() {
                field.key.to_string()
            } else {
                format!("{path}.{}", field.key)
            };
            if field.key == key && !path.is_empty() {
                return Some(here);
            }
            if let Some(found) = find(nested, &here, key) {
                return Some(found);
            }
        }
        None
    }
    find(Department::description(), "", key).or_else(|| find(SiteFile::description(), "", key))
}

/// The `[table]` or `[[array]]` header at byte `at` or the last one before it, if any.
fn enclosing_header(text: &str, at: usize) -> Option<&str> {
    let at = at.min(text.len());
    // The whole line holding `at`: a key in a header is in the header's own line.
    let end = text
        .get(at..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| at + i);
    text.get(..end)?
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| l.split('#').next().unwrap_or(l).trim())
}

fn bad_enum(rest: &str) -> Diagnostic {
    let (name, value) = rest
        .split_once(labels::ENUM_ERROR_SEPARATOR)
        .unwrap_or((rest, ""));
    let Some(info) = labels::enum_info(name) else {
        return Diagnostic::new(Code::BadEnum, msg!("wrong-value", detail = rest));
    };
    let choices: Vec<String> = info
        .values
        .iter()
        .map(|(key, label, _)| format!("`{key}` ({label})"))
        .collect();
    let names = info
        .values
        .iter()
        .flat_map(|(key, label, _)| [*key, *label]);
    // A part of a label (`许可` for `行政许可`) names it as surely as a typo does.
    let partial = info
        .values
        .iter()
        .map(|(_, label, _)| *label)
        .find(|label| !value.is_empty() && label.contains(value));
    let suggest: Arg = match partial.or_else(|| closest(value, names)) {
        Some(s) => msg!("did-you-mean", name = s).into(),
        None => "".into(),
    };
    Diagnostic::new(
        Code::BadEnum,
        msg!("bad-enum", what = info.what(), value = value),
    )
    .label(msg!("bad-enum-label"))
    .help(msg!(
        "bad-enum-help",
        suggest = suggest,
        choices = choices.join(", ")
    ))
}

/// The kinds of TOML value serde names in its errors.
enum TomlType {
    Text,
    List,
    Table,
    Bool,
    Number,
    Other(String),
}

impl TomlType {
    fn of(serde: &str) -> TomlType {
        let serde = serde.trim();
        let serde = serde
            .strip_prefix("a ")
            .or_else(|| serde.strip_prefix("an "))
            .unwrap_or(serde);
        if serde == "i64" || serde.starts_with("integer") || serde.starts_with("u32") {
            return TomlType::Number;
        }
        for (from, to) in [
            ("sequence", TomlType::List),
            ("map", TomlType::Table),
            ("struct ", TomlType::Table),
            ("bool", TomlType::Bool),
            ("string", TomlType::Text),
        ] {
            if serde.starts_with(from) {
                return to;
            }
        }
        TomlType::Other(serde.to_string())
    }

    /// The type in words a clerk knows.
    fn words(&self) -> Message {
        match self {
            TomlType::Text => msg!("type-text"),
            TomlType::List => msg!("type-list"),
            TomlType::Table => msg!("type-table"),
            TomlType::Bool => msg!("type-bool"),
            TomlType::Number => msg!("type-number"),
            TomlType::Other(name) => msg!("type-other", name = name.as_str()),
        }
    }

    /// How to write a value of this type.
    fn help(&self) -> Message {
        match self {
            TomlType::Text => msg!("type-text-help"),
            TomlType::List => msg!("type-list-help"),
            TomlType::Table => msg!("type-table-help"),
            TomlType::Bool => msg!("type-bool-help"),
            TomlType::Number => msg!("type-number-help"),
            TomlType::Other(_) => msg!("type-other-help", expected = self.words()),
        }
    }
}
