//! The engine of `resplist fmt`: rewrites a source file into one canonical layout (the model's
//! key order, one spacing and quoting style) keeping every comment. Pure text in, text out.
//!
//! The layout, in short: keys in the model's order (FORMAT.md's) with unknown keys after them in their
//! original order; `key = value`; one blank line before every `[…]`/`[[…]]` header; nested
//! headers and their keys indented two spaces per level; single-line literal strings become
//! basic strings when that needs no escapes; multi-line strings are kept as written; arrays go
//! on one line unless they hold comments or a line too long to join; inline tables are kept
//! inline (their keys ordered too) rather than expanded into `[[…]]` tables.
//!
//! Comments stay with what they precede, and the comment block at the top of the file stays at
//! the top; what `init` writes keeps its shape. An end-of-line comment stays at its display
//! column (one space after the text when that no longer fits, or when one space was all there
//! was); comment lines right below it, indented deeper than its line, continue it and stay as
//! written, under it. Comment lines glued below a table's last line (fields commented out)
//! stay glued below the table written last, at its indentation, when a blank line parts them
//! from the next header or nothing follows; without that blank line they go with the header.
//! Every result is checked before it is returned: it must parse to the same data, hold the
//! same comments and be a fixed point.

use std::fmt;
use std::ops::Range;

use toml_edit::{Array, Decor, DocumentMut, Formatted, InlineTable, Item, Key, Table, Value};
use toml_parser::lexer::TokenKind;

use crate::diagnostic::position;
use crate::model::describe::{Described, Entity};
use crate::model::{Department, SiteFile};
use crate::text::width;

const BOM: char = '\u{feff}';
/// Spaces per nesting level of a header, as in FORMAT.md's example.
const INDENT: usize = 2;
/// An array written over several lines is joined onto one when the line stays this narrow.
const MAX_WIDTH: usize = 100;
/// A tab in the source advances to the next multiple of this many columns, as editors show it
/// by default; for lining up end-of-line comments.
const TAB: usize = 4;

/// Why a file was not formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// The text is not valid TOML. `span` is a byte range in the text without its BOM, as in
    /// [`crate::diagnostic::Diagnostic`]; line and column are 1-based, the column in characters.
    Syntax {
        message: String,
        span: Range<usize>,
        line: usize,
        column: usize,
    },
    /// The formatted text would not mean the same as the original (a bug in the formatter);
    /// the text must be left as it is.
    Internal(String),
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Syntax {
                message,
                line,
                column,
                ..
            } => write!(f, "TOML syntax error at {line}:{column}: {message}"),
            FormatError::Internal(message) => write!(f, "internal formatter error: {message}"),
        }
    }
}

impl std::error::Error for FormatError {}

/// Formats `resplist.toml`.
pub fn format_site(text: &str) -> Result<String, FormatError> {
    format(text, Schema::Site)
}

/// Formats a department file.
pub fn format_department(text: &str) -> Result<String, FormatError> {
    format(text, Schema::Department)
}

/// Which file a text is, for the key order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Schema {
    Site,
    Department,
}

impl Schema {
    /// The description of the file's top table.
    fn root(self) -> &'static Entity {
        match self {
            Schema::Site => SiteFile::description(),
            Schema::Department => Department::description(),
        }
    }

    /// Where `key` goes in the table at `path` (keys of the tables above it, without array
    /// indices): the model's order, unknown keys after; an unknown table has no known keys.
    fn rank(self, path: &[String], key: &str) -> usize {
        let known = self
            .root()
            .at(path.iter().map(String::as_str))
            .map_or(&[][..], |entity| entity.fields);
        known
            .iter()
            .position(|f| f.key == key)
            .unwrap_or(known.len())
    }
}

/// Formats, then proves the result safe: same data, same comments, stable under a second run.
fn format(text: &str, schema: Schema) -> Result<String, FormatError> {
    let formatted = format_once(text, schema)?;
    same_data(text, &formatted)?;
    same_comments(text, &formatted)?;
    match format_once(&formatted, schema) {
        Ok(again) if again == formatted => Ok(formatted),
        Ok(_) => Err(FormatError::Internal(
            "formatting the result again would change it".into(),
        )),
        Err(err) => Err(FormatError::Internal(format!(
            "the formatted text does not parse: {err}"
        ))),
    }
}

fn format_once(text: &str, schema: Schema) -> Result<String, FormatError> {
    let (bom, body) = match text.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (header, rest) = split_file_header(body);
    let doc: DocumentMut = rest.parse().map_err(|err: toml_edit::TomlError| {
        let span = err.span().unwrap_or(0..0);
        syntax_error(
            body,
            err.message(),
            span.start + header.len()..span.end + header.len(),
        )
    })?;
    let mut writer = Writer {
        out: String::new(),
        nl: if crlf(body) { "\r\n" } else { "\n" },
        schema,
        last: Last::Start,
        body_indent: 0,
        tables: headed_tables(doc.as_table()),
        trailing: doc.trailing().as_str().unwrap_or(""),
    };
    if bom {
        writer.out.push(BOM);
    }
    writer.file_header(header);
    writer.table_body(doc.as_table(), &[], &[], None);
    writer.trailing();
    Ok(writer.finish())
}

fn syntax_error(text: &str, message: &str, span: Range<usize>) -> FormatError {
    let at = position(text, span.start);
    FormatError::Syntax {
        message: message.trim().to_string(),
        span,
        line: at.line,
        column: at.column,
    }
}

/// A file is CRLF when its first line ends so.
fn crlf(text: &str) -> bool {
    text.find('\n').is_some_and(|i| text[..i].ends_with('\r'))
}

/// Splits off the comment block at the top of the file, which stays at the top whatever key
/// comes first after formatting. When the block has blank lines, the comments after the last
/// one belong to the first key or table, as anywhere else; without blank lines (a title
/// comment right above `name = …`, as in the sample data) the whole block is the file's.
/// Blank lines before the first comment do not count.
fn split_file_header(text: &str) -> (&str, &str) {
    let mut end = 0;
    let mut last_blank_end = None;
    let mut seen_comment = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !line.ends_with('\n') || !(trimmed.is_empty() || trimmed.starts_with('#')) {
            break;
        }
        end += line.len();
        if trimmed.is_empty() && seen_comment {
            last_blank_end = Some(end);
        }
        seen_comment |= trimmed.starts_with('#');
    }
    if end == 0 {
        return ("", text);
    }
    let at = last_blank_end.unwrap_or(end);
    text.split_at(at)
}

/// What the writer wrote last, for the blank-line rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    /// Nothing yet, or only the file's header comment without a blank line after it.
    Start,
    Header,
    Blank,
    Other,
}

/// Writes the canonical text line by line.
struct Writer<'d> {
    out: String,
    /// The line ending of structural line breaks; the insides of multi-line strings keep theirs.
    nl: &'static str,
    schema: Schema,
    last: Last,
    /// The indentation of the key/value lines of the table body written last: comment lines
    /// glued below it (a field commented out at the end of an entry) stay there.
    body_indent: usize,
    /// The tables with a header in the source, in its order, the top table first, each with
    /// the indentation fmt gives it: what follows a table's last line in the source is the
    /// prefix of the next one's header, or after the last one the file's trailing comments.
    tables: Vec<(&'d Table, usize)>,
    trailing: &'d str,
}

impl<'d> Writer<'d> {
    fn line(&mut self, indent: usize, text: &str) {
        push_indent(&mut self.out, indent);
        self.out.push_str(text);
        self.out.push_str(self.nl);
        self.last = Last::Other;
    }

    /// `text` at `indent`, then its end-of-line comment where [`EndOfLine::gap`] puts it.
    fn line_ending_in(&mut self, indent: usize, text: &str, comment: Option<EndOfLine>) {
        let Some(comment) = comment else {
            self.line(indent, text);
            return;
        };
        let mut line = " ".repeat(indent);
        line.push_str(text);
        let gap = comment.gap(columns(last_line(&line)));
        push_indent(&mut line, gap);
        line.push_str(comment.text);
        self.line(0, &line);
    }

    /// Comment lines that continue an end-of-line comment, kept as written: their
    /// indentation is what lines them up under it.
    fn verbatim(&mut self, lines: &[&str]) {
        for line in lines {
            self.line(0, line.trim_end());
        }
    }

    /// One blank line, never two, never at the top and never right under a header.
    fn blank(&mut self) {
        if self.last == Last::Other {
            self.out.push_str(self.nl);
            self.last = Last::Blank;
        }
    }

    fn file_header(&mut self, header: &str) {
        // Every line of the header ends in a line break; nothing follows the last one.
        let lines = comment_lines(whole_lines(header));
        let ends_blank = matches!(lines.last(), Some(CommentLine::Blank));
        for line in &lines {
            match line {
                CommentLine::Comment(text) => self.line(0, text),
                CommentLine::Blank => self.blank(),
            }
        }
        // A title comment glued to the first line stays glued.
        if !ends_blank {
            self.last = Last::Start;
        }
    }

    /// The comments of a decor prefix, above the key or header they belong to, but for its
    /// first `skip` lines, written already below the line they continue. Blank lines survive
    /// only around comments (one at most), so that comment groups keep their shape.
    fn comments_above(&mut self, prefix: Option<&str>, indent: usize, skip: usize) {
        let lines = whole_lines(prefix.unwrap_or(""));
        self.comment_block(&comment_lines(lines.into_iter().skip(skip)), indent);
    }

    /// The lines of a header's prefix (`table`'s) or of the file's trailing comments (no
    /// table) but for those at its start that continue the end-of-line comment of the line
    /// before them in the source, written already after that line.
    fn not_taken<'a>(&self, table: Option<&Table>, text: &'a str) -> Vec<&'a str> {
        let at = match table {
            Some(table) => self.table_index(table),
            None => Some(self.tables.len()),
        };
        let mut lines: Vec<&str> = text.split('\n').collect();
        if table.is_some() {
            // The text after the last line break is the indentation of the header's line.
            lines.pop();
        }
        let taken = at
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| self.tables.get(i))
            .map_or(0, |&(before, indent)| {
                let root = std::ptr::eq(before, self.tables[0].0);
                let above = header_threshold(before, indent).filter(|_| !root);
                let source = Source::new(before, indent, above, self.after(before));
                source.continuation(source.entries.len()).len()
            });
        lines.split_off(taken.min(lines.len()))
    }

    /// Writes the comment lines at the start of `lines` glued to the entry written last (up
    /// to the first blank line), at its body's indentation, and returns the others. Before a
    /// `header`, only when a blank line parts them from it: else they stay with the header.
    fn below_entry<'l, 'a>(&mut self, lines: &'l [&'a str], header: bool) -> &'l [&'a str] {
        let glued = lines.iter().take_while(|l| !l.trim().is_empty()).count();
        if header && glued == lines.len() {
            return lines;
        }
        let (glued, rest) = lines.split_at(glued);
        for line in glued {
            self.line(self.body_indent, line.trim());
        }
        rest
    }

    /// The comments after the last key or header of the file.
    fn trailing(&mut self) {
        let lines = self.not_taken(None, self.trailing);
        let rest = self.below_entry(&lines, false);
        self.comment_block(&comment_lines(rest.iter().copied()), 0);
    }

    fn table_index(&self, table: &Table) -> Option<usize> {
        self.tables
            .iter()
            .position(|(t, _)| std::ptr::eq(*t, table))
    }

    /// What follows `table`'s last line in the source: the next header's prefix, or the
    /// file's trailing comments. A prefix without a blank line is left out: its comments all
    /// stay with the header.
    fn after(&self, table: &Table) -> &'d str {
        let Some(i) = self.table_index(table) else {
            return "";
        };
        let Some((next, _)) = self.tables.get(i + 1) else {
            return self.trailing;
        };
        let prefix = prefix_of(next.decor()).unwrap_or("");
        let parted = whole_lines(prefix).iter().any(|l| l.trim().is_empty());
        if parted { prefix } else { "" }
    }

    fn comment_block(&mut self, lines: &[CommentLine], indent: usize) {
        if !lines.iter().any(|l| matches!(l, CommentLine::Comment(_))) {
            return;
        }
        for line in lines {
            match line {
                CommentLine::Comment(text) => self.line(indent, text),
                CommentLine::Blank => self.blank(),
            }
        }
    }

    /// The text, ending in exactly one line break (none for an empty file).
    fn finish(mut self) -> String {
        while self.out.ends_with(self.nl) && self.last == Last::Blank {
            self.out.truncate(self.out.len() - self.nl.len());
            self.last = Last::Other;
        }
        self.out
    }

    /// Entries of a table in canonical order: FORMAT.md's keys first, then the rest as written.
    fn sorted<'t>(&self, table: &'t Table, path: &[String]) -> Vec<(&'t Key, &'t Item)> {
        let mut entries: Vec<(&Key, &Item)> = table
            .iter()
            .filter(|(_, item)| !item.is_none())
            .filter_map(|(name, item)| table.key(name).map(|key| (key, item)))
            .collect();
        entries.sort_by_key(|(key, _)| self.schema.rank(path, key.get()));
        entries
    }

    /// A table's key/value lines, then its sub-tables. `header` holds the header's keys;
    /// `path` their names, for the key order; `above` is [`Source::header`].
    fn table_body(
        &mut self,
        table: &Table,
        header: &[&Key],
        path: &[String],
        above: Option<usize>,
    ) {
        let indent = header_indent(header);
        let source = Source::new(table, indent, above, self.after(table));
        self.verbatim(&source.continuation(0));
        let entries = self.sorted(table, path);
        self.key_values(&entries, indent, &[], path, Some(&source));
        self.subtables(&entries, header, path);
    }

    /// Key/value lines at `indent`. `dotted` holds the keys of the dotted key they are under;
    /// `source` the table's lines in source order.
    fn key_values(
        &mut self,
        entries: &[(&Key, &Item)],
        indent: usize,
        dotted: &[&Key],
        path: &[String],
        source: Option<&Source>,
    ) {
        for &(key, item) in entries {
            let mut keys = dotted.to_vec();
            keys.push(key);
            let path = child(path, key);
            match item {
                Item::Value(value) => {
                    let at = source.and_then(|s| s.index(value).map(|i| (s, i)));
                    let skip = at.map_or(0, |(s, i)| s.continuation(i).len());
                    self.key_value(indent, &keys, value, &path, skip);
                    if let Some((source, i)) = at {
                        self.verbatim(&source.continuation(i + 1));
                    }
                }
                Item::Table(table) if table.is_dotted() => {
                    self.comments_above(prefix_of(key.leaf_decor()), indent, 0);
                    self.comments_above(prefix_of(table.decor()), indent, 0);
                    let entries = self.sorted(table, &path);
                    self.key_values(&entries, indent, &keys, &path, source);
                }
                _ => {}
            }
        }
    }

    /// `key = value`, below the comments above it but for the first `skip` lines.
    fn key_value(
        &mut self,
        indent: usize,
        keys: &[&Key],
        value: &Value,
        path: &[String],
        skip: usize,
    ) {
        let Some(key) = keys.last() else {
            return;
        };
        let prefix = prefix_of(key.leaf_decor());
        self.comments_above(prefix, indent, skip);
        let names: Vec<String> = keys.iter().map(|k| key_text(k)).collect();
        let lead = format!("{} = ", names.join("."));
        let rendered = self.value(value, indent, indent + width(&lead), path);
        let comment = EndOfLine::find(suffix_of(value.decor()), || written_key_value(keys, value));
        self.line_ending_in(indent, &format!("{lead}{rendered}"), comment);
    }

    fn subtables(&mut self, entries: &[(&Key, &Item)], header: &[&Key], path: &[String]) {
        for &(key, item) in entries {
            let mut header = header.to_vec();
            header.push(key);
            let path = child(path, key);
            match item {
                Item::Table(table) if table.is_dotted() => {
                    let entries = self.sorted(table, &path);
                    self.subtables(&entries, &header, &path);
                }
                Item::Table(table) => {
                    let above = if !table.is_implicit() || has_key_values(table) {
                        self.header(table, &header, false)
                    } else {
                        None
                    };
                    self.table_body(table, &header, &path, above);
                }
                Item::ArrayOfTables(tables) => {
                    for table in tables.iter() {
                        let above = self.header(table, &header, true);
                        self.table_body(table, &header, &path, above);
                    }
                }
                Item::Value(_) | Item::None => {}
            }
        }
    }

    /// `table`'s header line, after the comment lines glued below the entry written before
    /// it and the comments above the header. Returns [`Source::header`] for its body.
    fn header(&mut self, table: &Table, keys: &[&Key], array: bool) -> Option<usize> {
        let indent = header_indent(keys);
        let decor = table.decor();
        let prefix = prefix_of(decor).unwrap_or("");
        let lines = self.not_taken(Some(table), prefix);
        let above = self.below_entry(&lines, true);
        // `blank` skips the line right under a header; a header always gets one.
        if matches!(self.last, Last::Other | Last::Header) {
            self.out.push_str(self.nl);
            self.last = Last::Blank;
        }
        self.comment_block(&comment_lines(above.iter().copied()), indent);
        let names: Vec<String> = keys.iter().map(|k| key_text(k)).collect();
        let (open, close) = if array { ("[[", "]]") } else { ("[", "]") };
        let text = format!("{open}{}{close}", names.join("."));
        let comment = EndOfLine::find(suffix_of(decor), || {
            format!(
                "{}{open}{}{close}",
                last_line(prefix),
                written_key_path(keys)
            )
        });
        self.line_ending_in(indent, &text, comment);
        self.last = Last::Header;
        self.body_indent = indent;
        header_threshold(table, indent)
    }

    /// A value as it appears after `key = `, starting at column `column` of a line indented by
    /// `indent`. Multi-line results carry their own indentation after each line break.
    fn value(&self, value: &Value, indent: usize, column: usize, path: &[String]) -> String {
        match value {
            Value::String(s) => string_repr(s),
            Value::Integer(f) => f.display_repr().into_owned(),
            Value::Float(f) => f.display_repr().into_owned(),
            Value::Boolean(f) => f.display_repr().into_owned(),
            Value::Datetime(f) => f.display_repr().into_owned(),
            Value::Array(array) => self.array(array, indent, column, path),
            Value::InlineTable(table) => self.inline_table(table, indent, column, path),
        }
    }

    fn array(&self, array: &Array, indent: usize, column: usize, path: &[String]) -> String {
        let inner = indent + INDENT;
        let elements: Vec<String> = array
            .iter()
            .map(|v| self.value(v, inner, inner, path))
            .collect();
        let gaps = array_gaps(array);
        let commented = gaps
            .iter()
            .any(|g| g.end_of_line.is_some() || !g.comments.is_empty());
        if !commented && !elements.iter().any(|e| e.contains('\n')) {
            let one_line = format!("[{}]", elements.join(", "));
            let was_one_line = !gaps.iter().any(|g| g.line_break);
            if was_one_line || column + width(&one_line) <= MAX_WIDTH {
                return one_line;
            }
        }
        // One element per line, each with its comma; gap `i`'s own-line comments go above
        // element `i` (the last gap's above `]`), its end-of-line comment after the line before.
        let mut out = String::from("[");
        push_end_of_line(&mut out, gaps.first());
        for (i, gap) in gaps.iter().enumerate() {
            for comment in &gap.comments {
                out.push_str(self.nl);
                push_indent(&mut out, inner);
                out.push_str(comment);
            }
            if let Some(element) = elements.get(i) {
                out.push_str(self.nl);
                push_indent(&mut out, inner);
                out.push_str(element);
                out.push(',');
                push_end_of_line(&mut out, gaps.get(i + 1));
            }
        }
        out.push_str(self.nl);
        push_indent(&mut out, indent);
        out.push(']');
        out
    }

    /// `{ key = value, … }` with the keys in canonical order, or — when the table holds
    /// comments, which only a multi-line inline table (TOML 1.1) can — exactly as written.
    fn inline_table(
        &self,
        table: &InlineTable,
        indent: usize,
        column: usize,
        path: &[String],
    ) -> String {
        let mut bare = table.clone();
        bare.decor_mut().clear();
        let written = bare.to_string();
        if !comments(&written).is_empty() {
            return written;
        }
        let mut entries = Vec::new();
        self.inline_entries(table, "", indent, column, path, &mut entries);
        if entries.is_empty() {
            "{}".into()
        } else {
            format!("{{ {} }}", entries.join(", "))
        }
    }

    fn inline_entries(
        &self,
        table: &InlineTable,
        dotted: &str,
        indent: usize,
        column: usize,
        path: &[String],
        out: &mut Vec<String>,
    ) {
        let mut entries: Vec<(&Key, &Value)> = table
            .iter()
            .filter_map(|(name, value)| table.key(name).map(|key| (key, value)))
            .collect();
        entries.sort_by_key(|(key, _)| self.schema.rank(path, key.get()));
        for (key, value) in entries {
            let name = format!("{dotted}{}", key_text(key));
            let path = child(path, key);
            match value {
                Value::InlineTable(inner) if inner.is_dotted() => {
                    self.inline_entries(inner, &format!("{name}."), indent, column, &path, out);
                }
                _ => out.push(format!(
                    "{name} = {}",
                    self.value(value, indent, column, &path)
                )),
            }
        }
    }
}

fn push_end_of_line(out: &mut String, gap: Option<&Gap>) {
    if let Some(comment) = gap.and_then(|g| g.end_of_line.as_ref()) {
        out.push(' ');
        out.push_str(comment);
    }
}

fn push_indent(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

fn header_indent<K>(header: &[K]) -> usize {
    header.len().saturating_sub(1) * INDENT
}

fn child(path: &[String], key: &Key) -> Vec<String> {
    let mut path = path.to_vec();
    path.push(key.get().to_string());
    path
}

fn has_key_values(table: &Table) -> bool {
    table.iter().any(|(_, item)| match item {
        Item::Value(_) => true,
        Item::Table(t) => t.is_dotted(),
        _ => false,
    })
}

fn prefix_of(decor: &Decor) -> Option<&str> {
    decor.prefix().and_then(|raw| raw.as_str())
}

fn suffix_of(decor: &Decor) -> Option<&str> {
    decor.suffix().and_then(|raw| raw.as_str())
}

/// The whole lines of a decor prefix: the text after its last line break is the indentation
/// of the line it decorates.
fn whole_lines(prefix: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = prefix.split('\n').collect();
    lines.pop();
    lines
}

fn last_line(text: &str) -> &str {
    &text[text.rfind('\n').map_or(0, |i| i + 1)..]
}

/// The display columns `text` takes on one line: CJK characters take two, a tab goes on to
/// the next multiple of [`TAB`].
fn columns(text: &str) -> usize {
    let mut parts = text.split('\t');
    let first = parts.next().map_or(0, width);
    parts.fold(first, |column, part| (column / TAB + 1) * TAB + width(part))
}

/// The column that comment lines below a line are indented beyond when they continue its
/// end-of-line comment: the line's own indentation, as written (the end of its decor
/// `prefix`) and as formatted (`indent`), so that the answer is the same on a second run.
fn threshold(prefix: Option<&str>, indent: usize) -> usize {
    columns(last_line(prefix.unwrap_or(""))).max(indent)
}

/// When `table`'s header line ends in a comment: its [`threshold`].
fn header_threshold(table: &Table, indent: usize) -> Option<usize> {
    let commented = suffix_of(table.decor()).is_some_and(|s| s.contains('#'));
    commented.then(|| threshold(prefix_of(table.decor()), indent))
}

/// The top table, then the tables with a header in the source in the order of their headers,
/// each with the indentation fmt gives it (see [`Writer::tables`]).
fn headed_tables(root: &Table) -> Vec<(&Table, usize)> {
    fn walk<'d>(table: &'d Table, depth: usize, out: &mut Vec<(&'d Table, usize)>) {
        for (_, item) in table.iter() {
            match item {
                Item::Table(t) => {
                    if !t.is_dotted() && t.position().is_some() {
                        out.push((t, depth * INDENT));
                    }
                    walk(t, depth + 1, out);
                }
                Item::ArrayOfTables(tables) => {
                    for t in tables.iter() {
                        out.push((t, depth * INDENT));
                        walk(t, depth + 1, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut tables = Vec::new();
    walk(root, 0, &mut tables);
    tables.sort_by_key(|(t, _)| t.position());
    tables.insert(0, (root, 0));
    tables
}

/// How many of `lines`, from the first, continue an end-of-line comment: comments indented
/// beyond `threshold`.
fn continuation_len(lines: &[&str], threshold: usize) -> usize {
    lines
        .iter()
        .take_while(|line| {
            let text = line.trim_start();
            text.starts_with('#') && columns(&line[..line.len() - text.len()]) > threshold
        })
        .count()
}

/// A key path as written, from its line's indentation to the `=` (or `]`): toml_edit keeps
/// the line's indentation in the leaf key's prefix and the space after the path in its suffix.
fn written_key_path(keys: &[&Key]) -> String {
    let Some(leaf) = keys.last() else {
        return String::new();
    };
    let mut out = last_line(prefix_of(leaf.leaf_decor()).unwrap_or("")).to_string();
    for (i, key) in keys.iter().enumerate() {
        if i > 0 {
            out.push('.');
            out.push_str(prefix_of(key.dotted_decor()).unwrap_or(""));
        }
        out.push_str(&key.display_repr());
        let decor = if i + 1 == keys.len() {
            leaf.leaf_decor()
        } else {
            key.dotted_decor()
        };
        out.push_str(suffix_of(decor).unwrap_or(""));
    }
    out
}

/// A key/value line as written, up to the end of the value (its last line, for a value
/// written over several).
fn written_key_value(keys: &[&Key], value: &Value) -> String {
    let shown = value.to_string();
    let suffix = suffix_of(value.decor()).unwrap_or("");
    let value = shown.strip_suffix(suffix).unwrap_or(&shown);
    last_line(&format!("{}={value}", written_key_path(keys))).to_string()
}

/// The comment at the end of a key/value or header line, and where it stood: comments lined
/// up in a column stay lined up, and one space after the text stays one space.
struct EndOfLine<'a> {
    text: &'a str,
    /// The display column of its `#` in the source.
    column: usize,
    /// At most one space stood before it.
    tight: bool,
}

impl<'a> EndOfLine<'a> {
    /// The comment in a value's or header's decor `suffix`, if any; `written` gives the source
    /// line up to that suffix.
    fn find(suffix: Option<&'a str>, written: impl FnOnce() -> String) -> Option<Self> {
        let suffix = suffix?;
        let at = suffix.find('#')?;
        let gap = &suffix[..at];
        let line = format!("{}{gap}", last_line(&written()));
        Some(EndOfLine {
            text: suffix[at..].trim_end(),
            column: columns(&line),
            tight: gap.is_empty() || gap == " ",
        })
    }

    /// The spaces between the comment and the formatted text, `end` columns wide: as many as
    /// keep its column, at least one; one when it was so written.
    fn gap(&self, end: usize) -> usize {
        if self.tight {
            1
        } else {
            self.column.saturating_sub(end).max(1)
        }
    }
}

/// A table body's key/value lines in the order they were written in. Comment lines that
/// continue an end-of-line comment sit in toml_edit's prefix of the next key in the source,
/// whichever key fmt writes next; they are found here and written after the line they continue.
/// The lines of a dotted key count as written together, as fmt writes them.
struct Source<'t> {
    entries: Vec<(&'t Key, &'t Value)>,
    /// The body's indentation as formatted.
    indent: usize,
    /// When the table's header line ends in a comment: its [`threshold`].
    header: Option<usize>,
    /// What follows the body's last line in the source (see [`Writer::after`]): the lines
    /// continuing that line's comment are at its start.
    after: &'t str,
}

impl<'t> Source<'t> {
    fn new(table: &'t Table, indent: usize, header: Option<usize>, after: &'t str) -> Self {
        fn lines<'t>(table: &'t Table, out: &mut Vec<(&'t Key, &'t Value)>) {
            for (name, item) in table.iter() {
                match (table.key(name), item) {
                    (Some(key), Item::Value(value)) => out.push((key, value)),
                    (_, Item::Table(dotted)) if dotted.is_dotted() => lines(dotted, out),
                    _ => {}
                }
            }
        }
        let mut entries = Vec::new();
        lines(table, &mut entries);
        Source {
            entries,
            indent,
            header,
            after,
        }
    }

    fn index(&self, value: &Value) -> Option<usize> {
        self.entries
            .iter()
            .position(|(_, v)| std::ptr::eq(*v, value))
    }

    /// When the line above entry `i` ends in a comment: its [`threshold`].
    fn above(&self, i: usize) -> Option<usize> {
        let Some(previous) = i.checked_sub(1) else {
            return self.header;
        };
        let (key, value) = self.entries.get(previous)?;
        let commented = suffix_of(value.decor()).is_some_and(|s| s.contains('#'));
        commented.then(|| threshold(prefix_of(key.leaf_decor()), self.indent))
    }

    /// The lines at the start of entry `i`'s prefix (of what follows the body, for the entry
    /// after the last) that continue the comment above them.
    fn continuation(&self, i: usize) -> Vec<&'t str> {
        let Some(threshold) = self.above(i) else {
            return Vec::new();
        };
        let text = match self.entries.get(i) {
            Some((key, _)) => prefix_of(key.leaf_decor()).unwrap_or(""),
            None => self.after,
        };
        let mut lines: Vec<&str> = text.split('\n').collect();
        lines.truncate(continuation_len(&lines, threshold));
        lines
    }
}

/// A key bare when TOML allows it, else quoted as the author quoted it.
fn key_text(key: &Key) -> String {
    let name = key.get();
    let bare = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if bare {
        name.to_string()
    } else {
        key.display_repr().into_owned()
    }
}

/// A string in basic quotes when it was a one-line literal string that needs no escapes
/// there; otherwise exactly as written (escapes and multi-line strings included).
fn string_repr(s: &Formatted<String>) -> String {
    let written = s.display_repr();
    if written.starts_with('\'') && !written.starts_with("'''") {
        let value = s.value();
        let plain = !value
            .chars()
            .any(|c| c == '"' || c == '\\' || (c.is_control() && c != '\t'));
        if plain {
            return format!("\"{value}\"");
        }
    }
    written.into_owned()
}

/// One line of a comment block, normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
enum CommentLine {
    Comment(String),
    Blank,
}

/// Whole lines of a decor as comments and blank lines, runs of blank lines shortened to one.
fn comment_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<CommentLine> {
    let mut out: Vec<CommentLine> = Vec::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            if out.last() != Some(&CommentLine::Blank) {
                out.push(CommentLine::Blank);
            }
        } else {
            out.push(CommentLine::Comment(line.to_string()));
        }
    }
    out
}

/// The whitespace and comments between two elements of an array (or around the first and
/// last), with the comma dropped: a comment on the line of the previous element (or of `[`),
/// and comments on lines of their own.
#[derive(Debug, Default)]
struct Gap {
    end_of_line: Option<String>,
    comments: Vec<String>,
    line_break: bool,
}

impl Gap {
    fn parse(text: &str) -> Gap {
        let mut lines = text.split('\n');
        let first = lines.next().unwrap_or("");
        let mut gap = Gap {
            end_of_line: first.find('#').map(|i| first[i..].trim_end().to_string()),
            comments: Vec::new(),
            line_break: text.contains('\n'),
        };
        for line in lines {
            let line = line.trim();
            if line.starts_with('#') {
                gap.comments.push(line.to_string());
            }
        }
        gap
    }
}

/// `len + 1` gaps: gap `i` comes before element `i`, the last one before `]`.
fn array_gaps(array: &Array) -> Vec<Gap> {
    let values: Vec<&Value> = array.iter().collect();
    let mut gaps = Vec::with_capacity(values.len() + 1);
    for i in 0..=values.len() {
        let mut text = String::new();
        if let Some(previous) = i.checked_sub(1).and_then(|p| values.get(p)) {
            text.push_str(suffix_of(previous.decor()).unwrap_or(""));
        }
        match values.get(i) {
            Some(value) => text.push_str(prefix_of(value.decor()).unwrap_or("")),
            None => text.push_str(array.trailing().as_str().unwrap_or("")),
        }
        gaps.push(Gap::parse(&text));
    }
    gaps
}

/// The comments of a TOML text, each without trailing whitespace, in order.
fn comments(text: &str) -> Vec<String> {
    let source = toml_parser::Source::new(text);
    source
        .lex()
        .filter(|token| token.kind() == TokenKind::Comment)
        .filter_map(|token| source.get(token.span()))
        .map(|raw| raw.as_str().trim_end().to_string())
        .collect()
}

fn same_comments(before: &str, after: &str) -> Result<(), FormatError> {
    let mut old = comments(before);
    let mut new = comments(after);
    old.sort();
    new.sort();
    if old == new {
        Ok(())
    } else {
        Err(FormatError::Internal(
            "the formatted text would not keep every comment".into(),
        ))
    }
}

fn same_data(before: &str, after: &str) -> Result<(), FormatError> {
    let parse = |text: &str| text.trim_start_matches(BOM).parse::<toml::Table>();
    let old = parse(before).map_err(|err| {
        let span = err.span().unwrap_or(0..0);
        syntax_error(before.trim_start_matches(BOM), err.message(), span)
    })?;
    let new = parse(after).map_err(|err| {
        FormatError::Internal(format!(
            "the formatted text does not parse: {}",
            err.message().trim()
        ))
    })?;
    if same_table(&old, &new) {
        Ok(())
    } else {
        Err(FormatError::Internal(
            "the formatted text would not hold the same data".into(),
        ))
    }
}

fn same_table(a: &toml::Table, b: &toml::Table) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(key, value)| b.get(key).is_some_and(|other| same_value(value, other)))
}

/// Equality where NaN equals NaN, so that `nan` values do not make a file unformattable.
fn same_value(a: &toml::Value, b: &toml::Value) -> bool {
    use toml::Value as V;
    match (a, b) {
        (V::Float(x), V::Float(y)) => x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
        (V::Array(x), V::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_value(x, y))
        }
        (V::Table(x), V::Table(y)) => same_table(x, y),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::describe::Kind;

    fn dept(text: &str) -> String {
        match format_department(text) {
            Ok(formatted) => formatted,
            Err(err) => panic!("{err}\n{text}"),
        }
    }

    fn data(text: &str) -> toml::Table {
        match text.trim_start_matches(BOM).parse::<toml::Table>() {
            Ok(table) => table,
            Err(err) => panic!("{err}\n{text}"),
        }
    }

    /// Formats `input`, checks that it gives `expected` and is sound, and returns the output.
    fn formats_to(input: &str, expected: &str) -> String {
        let output = dept(input);
        assert_eq!(output, expected);
        assert_sound(input, &output);
        output
    }

    /// The properties every result must have, whatever the input.
    fn assert_sound(input: &str, output: &str) {
        assert!(same_table(&data(input), &data(output)), "the data changed");
        assert_eq!(dept(output), output, "not idempotent");
        let mut before = comments(input);
        let mut after = comments(output);
        before.sort();
        after.sort();
        assert_eq!(before, after, "comments changed");
        let body = output.trim_end_matches(['\r', '\n']);
        assert!(
            body.is_empty()
                || output.len() - body.len() == if output.ends_with("\r\n") { 2 } else { 1 },
            "not exactly one final line break: {output:?}"
        );
    }

    #[test]
    fn orders_top_level_keys_and_tables_as_format_md() {
        let input = r#"[[services]]
id = "s"
title = "t"
category = "basic"

[[sections]]
id = "a"
name = "办公室"
phone = "12345"

[[duties]]
id = "d01"
title = "t"
basis = ["三定方案"]
"#;
        let input = format!(
            "summary = \"…\"\nwebsite = \"https://x/\"\naddress = \"路\"\nphone = \"12345\"\norder = 1\nname = \"某局\"\n\n{input}"
        );
        let expected = r#"name = "某局"
order = 1
phone = "12345"
address = "路"
website = "https://x/"
summary = "…"

[[sections]]
id = "a"
name = "办公室"
phone = "12345"

[[duties]]
id = "d01"
title = "t"
basis = ["三定方案"]

[[services]]
id = "s"
title = "t"
category = "basic"
"#;
        formats_to(&input, expected);
    }

    /// A department file with one entry of every table and a value for every field, each
    /// table's keys written in the reverse of the model's order.
    fn every_field_reversed() -> String {
        fn table(entity: &Entity, header: &str, out: &mut String) {
            for field in entity.fields.iter().rev() {
                let value = match field.kind {
                    Kind::Table(_) | Kind::Entries(_) => continue,
                    Kind::Basis | Kind::Texts | Kind::PowerRefs => "[\"x\"]".to_string(),
                    Kind::Integer => "1".into(),
                    Kind::Bool => "true".into(),
                    Kind::Date => "2020-01-01".into(),
                    Kind::Enum(choices) => format!("{:?}", choices.keys().next().unwrap_or("")),
                    _ => "\"x\"".into(),
                };
                out.push_str(&format!("{} = {value}\n", field.key));
            }
            for field in entity.fields.iter().rev() {
                let path = if header.is_empty() {
                    field.key.to_string()
                } else {
                    format!("{header}.{}", field.key)
                };
                match field.kind {
                    Kind::Table(of) => {
                        out.push_str(&format!("[{path}]\n"));
                        table(of(), &path, out);
                    }
                    Kind::Entries(of) => {
                        out.push_str(&format!("[[{path}]]\n"));
                        table(of(), &path, out);
                    }
                    _ => {}
                }
            }
        }
        let mut out = String::new();
        table(Department::description(), "", &mut out);
        out
    }

    /// The keys of every table of `doc` in the order written, by the table's path.
    fn key_orders(table: &Table, path: &str, out: &mut Vec<(String, Vec<String>)>) {
        out.push((
            path.to_string(),
            table.iter().map(|(k, _)| k.to_string()).collect(),
        ));
        for (key, item) in table.iter() {
            let path = if path.is_empty() {
                key.to_string()
            } else {
                format!("{path}.{key}")
            };
            match item {
                Item::Table(t) => key_orders(t, &path, out),
                Item::ArrayOfTables(a) => a.iter().for_each(|t| key_orders(t, &path, out)),
                _ => {}
            }
        }
    }

    /// Every table gets the model's key order, and nested headers two spaces per level.
    #[test]
    fn orders_keys_inside_every_table_and_indents_nested_headers() {
        let input = every_field_reversed();
        let output = dept(&input);
        assert_sound(&input, &output);
        let doc: DocumentMut = match output.parse() {
            Ok(doc) => doc,
            Err(err) => panic!("{err}"),
        };
        let mut orders = Vec::new();
        key_orders(doc.as_table(), "", &mut orders);
        assert_eq!(
            orders.len(),
            Department::description().walk().len(),
            "{orders:?}"
        );
        for (path, keys) in orders {
            let entity = Department::description().at(path.split('.').filter(|p| !p.is_empty()));
            let Some(entity) = entity else {
                panic!("no table {path}");
            };
            let model: Vec<&str> = entity.fields.iter().map(|f| f.key).collect();
            assert_eq!(keys, model, "{path}");
        }
        for line in output.lines().filter(|l| l.trim_start().starts_with('[')) {
            let depth = line.trim().trim_matches(['[', ']']).matches('.').count();
            assert!(line.starts_with(&" ".repeat(depth * INDENT)), "{line:?}");
            assert!(
                !line.starts_with(&" ".repeat(depth * INDENT + 1)),
                "{line:?}"
            );
        }
    }

    #[test]
    fn site_file_puts_site_before_build_and_orders_their_keys() {
        let input = "[build]\nhistory = true\noutput = \"out\"\ntheme = \"t\"\n\n[site]\nfeedback_phone = \"12345\"\nfeedback = \"mailto:a@b\"\npublished = 2015-10-15\nbase_url = \"https://x/\"\nlanguage = \"en\"\njurisdiction = \"县\"\ntitle = \"清单\"\n";
        let expected = "[site]\ntitle = \"清单\"\njurisdiction = \"县\"\nlanguage = \"en\"\nbase_url = \"https://x/\"\npublished = 2015-10-15\nfeedback = \"mailto:a@b\"\nfeedback_phone = \"12345\"\n\n[build]\noutput = \"out\"\ntheme = \"t\"\nhistory = true\n";
        assert_eq!(format_site(input).ok().as_deref(), Some(expected));
        assert_eq!(format_site(expected).ok().as_deref(), Some(expected));
    }

    #[test]
    fn spacing_is_made_consistent() {
        let input = "\n\n  name=\"局\"   \n\n\norder   =  1\t\n[[sections]]   \n   id =  \"a\"\n\n\n   name   = \"n\"\nphone=\"12345\"\n\n\n\n[[sections]]\nid=\"b\"\nname=\"m\"\nphone=\"12345\"\n\n\n\n";
        let expected = "name = \"局\"\norder = 1\n\n[[sections]]\nid = \"a\"\nname = \"n\"\nphone = \"12345\"\n\n[[sections]]\nid = \"b\"\nname = \"m\"\nphone = \"12345\"\n";
        let output = formats_to(input, expected);
        assert!(output.lines().all(|l| l == l.trim_end()));
    }

    #[test]
    fn adds_the_missing_final_line_break() {
        assert_eq!(dept("name = \"x\""), "name = \"x\"\n");
        assert_eq!(dept("name = \"x\"\n# end"), "name = \"x\"\n# end\n");
        assert_eq!(dept(""), "");
        assert_eq!(dept("\n\n"), "");
        assert_eq!(dept("# only a header\n\n\n"), "# only a header\n");
        assert_eq!(
            dept("name = \"x\"\n\n# end\n\n\n"),
            "name = \"x\"\n\n# end\n"
        );
        assert_eq!(dept("name = \"x\"\n\n\n"), "name = \"x\"\n");
        assert_eq!(dept("name = \"x\"\r\n\r\n"), "name = \"x\"\r\n");
    }

    #[test]
    fn nested_tables_are_indented_whatever_the_input_indentation() {
        let input = "name = \"局\"\n[[duties]]\n    id = \"d\"\n    title = \"t\"\n    basis = [\"b\"]\n[[duties.items]]\ntext = \"t\"\n        section = \"a\"\n";
        let expected = "name = \"局\"\n\n[[duties]]\nid = \"d\"\ntitle = \"t\"\nbasis = [\"b\"]\n\n  [[duties.items]]\n  text = \"t\"\n  section = \"a\"\n";
        assert_eq!(dept(input), expected);
    }

    #[test]
    fn literal_strings_become_basic_strings_when_no_escape_is_needed() {
        let input = "name = '春江县环境保护局'\nphone = 'say \"hi\"'\naddress = 'C:\\dir'\nsummary = '''\nkept\nas is'''\nwebsite = \"\\u0041\"\n";
        let expected = "name = \"春江县环境保护局\"\nphone = 'say \"hi\"'\naddress = 'C:\\dir'\nwebsite = \"\\u0041\"\nsummary = '''\nkept\nas is'''\n";
        formats_to(input, expected);
    }

    #[test]
    fn multi_line_strings_stay_multi_line_and_untouched() {
        let input = "name = \"x\"\nsummary = \"\"\"\n第一行   \n  第二行\n\n\"\"\"\n";
        formats_to(input, input);
    }

    #[test]
    fn keys_are_bare_when_they_can_be() {
        let input = "\"name\" = \"x\"\n\"两 字\" = 1\n";
        assert_eq!(dept(input), "name = \"x\"\n\"两 字\" = 1\n");
    }

    #[test]
    fn unknown_keys_are_kept_after_the_known_ones_in_their_order() {
        let input = "zeta = 1\nname = \"x\"\nalpha = 2\n\n[extra]\nb = 1\na = 2\n\n[[sections]]\nnote = \"?\"\nid = \"a\"\nname = \"n\"\nphone = \"12345\"\nfax = \"1\"\n";
        let expected = "name = \"x\"\nzeta = 1\nalpha = 2\n\n[[sections]]\nid = \"a\"\nname = \"n\"\nphone = \"12345\"\nnote = \"?\"\nfax = \"1\"\n\n[extra]\nb = 1\na = 2\n";
        formats_to(input, expected);
    }

    /// A file dense with comments: at the top, before keys and headers, at the ends of lines,
    /// between tables, inside arrays and at the bottom.
    const COMMENTED: &str = r#"# 春江县测试局 责任清单
# (a test file)

# about the order
order = 7 # the order in listings
name = "春江县测试局"   # the full name

# contact
#
# block with a gap

phone = "12345"
[[duties]] # the first duty
basis = [ # why
  "三定方案", # the main one
  # a comment on a line of its own
  "《法》", # the law
  # a comment before the bracket
]
# before the id
id = "d01"
title = "t" # eol title
    # an indented comment before an item
    [[duties.items]]
    section = "a"   # eol section
    # before text
    text = "t"
# between tables

# a second block, attached to sections
[[sections]]
id = "a"
name = "n"
phone = "12345"
# trailing comment one

#   trailing comment two
"#;

    #[test]
    fn comments_are_kept_where_they_belong() {
        let expected = r#"# 春江县测试局 责任清单
# (a test file)

name = "春江县测试局"   # the full name
# about the order
order = 7 # the order in listings

# contact
#
# block with a gap

phone = "12345"
# between tables

# a second block, attached to sections
[[sections]]
id = "a"
name = "n"
phone = "12345"

[[duties]] # the first duty
# before the id
id = "d01"
title = "t" # eol title
basis = [ # why
  "三定方案", # the main one
  # a comment on a line of its own
  "《法》", # the law
  # a comment before the bracket
]

  # an indented comment before an item
  [[duties.items]]
  # before text
  text = "t"
  section = "a"     # eol section
  # trailing comment one

#   trailing comment two
"#;
        let output = formats_to(COMMENTED, expected);
        let count = |t: &str| {
            t.lines()
                .filter(|l| l.trim_start().starts_with('#'))
                .count()
        };
        assert_eq!(count(COMMENTED), count(&output));
    }

    #[test]
    fn aligned_end_of_line_comments_stay_aligned() {
        // Display columns: `春江县` takes six, so `# 名称` lines up with the others.
        let input = "name = \"春江县\"      # 名称\norder = 1           # 排序\nphone = \"12345\" # one space stays one\n\n[[sections]]                # 科室\nid = \"a\"                    # 唯一\nname = \"n\"\nphone = \"12345\"\n";
        formats_to(input, input);
    }

    #[test]
    fn end_of_line_comments_keep_their_column_when_the_text_before_them_changes() {
        let input = "name='x' # one space\n\n[[sections]]\nid='a'      # c\nname  =  \"n\"      # d\nphone='12345'  # e\n\n[[duties]]\nid = \"d\"\n    [[duties.items]]   # it\n    text='春江县'    # 文字\n";
        // `# c` stood at column 12: `id = "a"` is two columns wider than `id='a'`, so two
        // spaces fewer. `# d` at 18 after 10 columns of `name = "n"`. `# e` at 15 no longer
        // fits after `phone = "12345"`: one space. The header and `text` lose two columns of
        // indentation, which their comments' gaps gain.
        let expected = "name = \"x\" # one space\n\n[[sections]]\nid = \"a\"    # c\nname = \"n\"        # d\nphone = \"12345\" # e\n\n[[duties]]\nid = \"d\"\n\n  [[duties.items]]     # it\n  text = \"春江县\"    # 文字\n";
        formats_to(input, expected);
    }

    #[test]
    fn comment_lines_continuing_an_end_of_line_comment_are_kept_as_written() {
        let input = "name = \"x\"\n\n[[powers]]                       # 权力\n                                 # 清单\nid = \"p\"                         # 唯一\nname = \"n\"\nkind = \"licensing\"               # licensing 行政许可 |\n                                 # levy 行政征收 |\n                                 # other 其他\nstatus = \"retained\"              # retained 保留\n# delegated_to = \"乡镇\"          # 可选\nbasis = [\"b\"]\n";
        formats_to(input, input);
        // They follow their line when fmt moves it, and keep their place before a header.
        let moved = "[[powers]]\nkind = \"licensing\"   # a |\n                     # b\nname = \"n\"\nid = \"p\"\n\n[[sections]]\nid = \"a\"    # c |\n             # d\n\n[[duties]]\nid = \"d\"\n";
        let expected = "[[sections]]\nid = \"a\"    # c |\n             # d\n\n[[powers]]\nid = \"p\"\nname = \"n\"\nkind = \"licensing\"   # a |\n                     # b\n\n[[duties]]\nid = \"d\"\n";
        formats_to(moved, expected);
    }

    #[test]
    fn a_commented_out_field_stays_at_the_end_of_its_entry() {
        let input = "name = \"x\"\n# short_name = \"x\"   # 可选\n\n# 科室\n[[sections]]\nid = \"a\"\n\n[[duties]]\nid = \"d\"\nbasis = [\"三定方案\"]             # 必填\n# note = \"备注\"                  # 可选\n\n  [[duties.items]]               # 具体工作事项\n  text = \"t\"\n  section = \"a\"\n  # note = \"由所属事业单位承担\"    # 可选：备注\n\n# 公共服务事项\n[[services]]\nid = \"s\"\n# beyond_statutory = true\n";
        formats_to(input, input);
        // At the entry's indentation, whatever the source's; at the end of the file too.
        let nested = "[[duties]]\nid = \"d\"\n  [[duties.items]]\n  text = \"t\"\n# note = \"a\"\n\n[[services]]\nid = \"s\"\n\n  [[services.x]]\n  a = 1\n# note = \"b\"\n";
        let expected = "[[duties]]\nid = \"d\"\n\n  [[duties.items]]\n  text = \"t\"\n  # note = \"a\"\n\n[[services]]\nid = \"s\"\n\n  [[services.x]]\n  a = 1\n  # note = \"b\"\n";
        formats_to(nested, expected);
        // With no blank line between them, comments stay with the header they precede.
        let above = "[[duties]]\nid = \"d\"\n# about services\n[[services]]\nid = \"s\"\n";
        let expected = "[[duties]]\nid = \"d\"\n\n# about services\n[[services]]\nid = \"s\"\n";
        formats_to(above, expected);
    }

    #[test]
    fn the_header_comment_stays_at_the_top_even_when_glued_to_a_moved_key() {
        let input = "# 春江县测试局 责任清单\nphone = \"测试局\"\nname = \"春江县测试局\"\n";
        let expected = "# 春江县测试局 责任清单\nname = \"春江县测试局\"\nphone = \"测试局\"\n";
        assert_eq!(dept(input), expected);
        let site = "# The county's list\n[build]\noutput = \"out\"\n[site]\ntitle = \"t\"\njurisdiction = \"j\"\n";
        assert_eq!(
            format_site(site).ok().as_deref(),
            Some(
                "# The county's list\n[site]\ntitle = \"t\"\njurisdiction = \"j\"\n\n[build]\noutput = \"out\"\n"
            )
        );
    }

    #[test]
    fn a_file_of_comments_only_is_kept() {
        let input = "# one\n\n\n# two\n";
        assert_eq!(dept(input), "# one\n\n# two\n");
    }

    #[test]
    fn crlf_files_stay_crlf() {
        let lf = dept(COMMENTED);
        let crlf_input = COMMENTED.replace('\n', "\r\n");
        let output = dept(&crlf_input);
        assert_eq!(output, lf.replace('\n', "\r\n"));
        assert_sound(&crlf_input, &output);
    }

    #[test]
    fn line_breaks_inside_multi_line_strings_are_kept_as_written() {
        // A mostly LF file whose multi-line string was pasted with CRLF: the string's value
        // holds `\r\n`, so the formatter must not touch it.
        let input = "phone = \"y\"\nsummary = \"\"\"\r\n第一行\r\n第二行\"\"\"\nname = \"x\"\n";
        let output = dept(input);
        assert_eq!(
            output,
            "name = \"x\"\nphone = \"y\"\nsummary = \"\"\"\r\n第一行\r\n第二行\"\"\"\n"
        );
        assert_sound(input, &output);
    }

    #[test]
    fn a_bom_is_kept() {
        let input = "\u{feff}phone = \"s\"\nname = \"x\"\n";
        assert_eq!(dept(input), "\u{feff}name = \"x\"\nphone = \"s\"\n");
        assert_eq!(dept("name = \"x\"\n"), "name = \"x\"\n");
    }

    #[test]
    fn short_arrays_go_on_one_line_long_ones_keep_one_element_per_line() {
        let short = "name = \"x\"\n[[duties]]\nbasis = [\n    \"三定方案\",\n      \"《法》\"\n]\n";
        assert!(dept(short).contains("basis = [\"三定方案\", \"《法》\"]\n"));
        let long = format!(
            "name = \"x\"\n[[supervision]]\nmeasures = [\n\"{}\",\n    \"{}\"]\n",
            "每季度书面检查宅基地审批卷宗不少于1次".repeat(2),
            "每季度实地检查不少于1次".repeat(2)
        );
        let expected = format!(
            "measures = [\n  \"{}\",\n  \"{}\",\n]\n",
            "每季度书面检查宅基地审批卷宗不少于1次".repeat(2),
            "每季度实地检查不少于1次".repeat(2)
        );
        let output = dept(&long);
        assert!(output.ends_with(&expected), "{output}");
        assert_sound(&long, &output);
        // One line as written stays one line, however long.
        let one = format!("name = \"x\"\nbasis = [\"{}\", \"b\"]\n", "很长".repeat(60));
        assert_eq!(dept(&one), one);
    }

    #[test]
    fn arrays_inside_nested_tables_are_indented_with_them() {
        let input = format!(
            "name = \"x\"\n[[duties]]\nid = \"d\"\n[[duties.items]]\ntext = \"t\"\npowers = [\n\"{}\", # why\n]\n",
            "p".repeat(100)
        );
        let output = dept(&input);
        assert!(
            output.ends_with(&format!(
                "  powers = [\n    \"{}\", # why\n  ]\n",
                "p".repeat(100)
            )),
            "{output}"
        );
        assert_sound(&input, &output);
    }

    #[test]
    fn comments_inside_arrays_are_kept_in_place() {
        let input = "name = \"x\"\nempty = [ # why empty\n    # still nothing\n]\nlist = [\n# first\n1 ,   # one\n  2\n      # last\n   ]\n";
        let expected = "name = \"x\"\nempty = [ # why empty\n  # still nothing\n]\nlist = [\n  # first\n  1, # one\n  2,\n  # last\n]\n";
        formats_to(input, expected);
    }

    #[test]
    fn inline_tables_stay_inline_with_their_keys_ordered() {
        let input = "[[duties]]\nitems = [{section='a',text=\"t\"}, { powers = [], text = \"u\", section = \"b\" }]\nid = \"d\"\n[[boundaries]]\ncase = {steps=[{action=\"x\",department=\"y\"}],title=\"t\"}\nid = \"b\"\n";
        let expected = "[[duties]]\nid = \"d\"\nitems = [{ text = \"t\", section = \"a\" }, { text = \"u\", section = \"b\", powers = [] }]\n\n[[boundaries]]\nid = \"b\"\ncase = { title = \"t\", steps = [{ department = \"y\", action = \"x\" }] }\n";
        formats_to(input, expected);
    }

    #[test]
    fn inline_tables_with_comments_are_kept_as_written() {
        let input = "name = \"x\"\nextra = { b = 1, # why\n  a = 2 }\n";
        formats_to(input, input);
    }

    #[test]
    fn dotted_keys_stay_dotted_and_ordered() {
        let input = "[[boundaries]]\ncase.scenario = \"s\"\nid = \"b\"\n# the title\ncase.title = \"t\"\n[[boundaries.case.steps]]\naction = \"a\"\ndepartment = \"d\"\n";
        let expected = "[[boundaries]]\nid = \"b\"\n# the title\ncase.title = \"t\"\ncase.scenario = \"s\"\n\n    [[boundaries.case.steps]]\n    department = \"d\"\n    action = \"a\"\n";
        formats_to(input, expected);
    }

    #[test]
    fn other_values_are_kept_as_written() {
        let input =
            "name = \"x\"\norder = 1_000\nx = 0x1F\ny = 1e3\nz = nan\nd = 1979-05-27T07:32:00Z\n";
        formats_to(input, input);
    }

    #[test]
    fn a_messy_file_becomes_canonical_and_stays_so() {
        let input = "\n# messy\n  order=5 # eol\nname='局'\n[[sections]]\nphone='12345'\n  id = 'a'\n\tname=\"n\"\n[[duties]]\nbasis=[ 'b1' ,'b2' ]\nid='d'\n  title = 't'\n      [[duties.items]]\n      section='a'\n  text = 'x'";
        let expected = "# messy\nname = \"局\"\norder = 5 # eol\n\n[[sections]]\nid = \"a\"\nname = \"n\"\nphone = \"12345\"\n\n[[duties]]\nid = \"d\"\ntitle = \"t\"\nbasis = [\"b1\", \"b2\"]\n\n  [[duties.items]]\n  text = \"x\"\n  section = \"a\"\n";
        formats_to(input, expected);
    }

    #[test]
    fn syntax_errors_say_where() {
        let err = format_department("name = \"x\"\n[[sections]\nid = 1\n").err();
        match err {
            Some(FormatError::Syntax { line, column, .. }) => assert_eq!((line, column), (2, 12)),
            other => panic!("{other:?}"),
        }
        // After a BOM and a header comment the position is still the file's.
        let err = format_department("\u{feff}# top\n\nname = \"x\n").err();
        match err {
            Some(FormatError::Syntax { line, span, .. }) => {
                assert_eq!(line, 3);
                assert_eq!(span.start, "# top\n\nname = \"x".len());
            }
            other => panic!("{other:?}"),
        }
        assert!(format_department("a = 1\na = 2\n").is_err());
    }

    #[test]
    fn the_sample_data_is_canonical() {
        for file in std::fs::read_dir("data/departments")
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        {
            let text = std::fs::read_to_string(file.path()).unwrap_or_default();
            assert_eq!(dept(&text), text, "{}", file.path().display());
        }
    }
}
