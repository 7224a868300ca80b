//! One `Diagnostic` type for every problem resplist reports, the catalogue of stable codes, and
//! the renderers: human (rustc-style), JSON lines, GitHub Actions workflow commands, Markdown.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use crate::i18n::Message;
use crate::model::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

macro_rules! codes {
    ($($variant:ident => $code:literal, $severity:ident;)+) => {
        /// A stable diagnostic code. The table in README.md is generated from this list and the
        /// English catalogue, and a test keeps the two equal.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($variant,)+
        }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)+];

            /// `E0107`, `W0201`, …
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)+ }
            }

            /// The severity before `--deny-warnings`.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)+ }
            }

            /// A short name of the rule, as in the docs table: the catalogues' `code-E0107`.
            pub fn title(self) -> Message {
                Message::new(match self { $(Code::$variant => concat!("code-", $code),)+ })
            }
        }
    };
}

codes! {
    NotUtf8 => "E0001", Error;
    Unreadable => "E0002", Error;
    TooLarge => "E0003", Error;
    EmptyFile => "E0004", Error;
    NoDepartmentsDir => "E0005", Error;
    NoDepartmentFiles => "E0006", Error;
    Syntax => "E0101", Error;
    UnknownField => "E0102", Error;
    MissingField => "E0103", Error;
    WrongType => "E0104", Error;
    BadEnum => "E0105", Error;
    BadId => "E0106", Error;
    UnknownSection => "E0107", Error;
    UnknownPower => "E0108", Error;
    UnknownDepartment => "E0109", Error;
    DuplicateId => "E0110", Error;
    BadPhone => "E0111", Error;
    BadUrl => "E0112", Error;
    ChinesePunctuation => "E0113", Error;
    BadSearchSettings => "E0114", Error;
    UnknownTopic => "E0115", Error;
    TopicTwice => "E0116", Error;
    BadMember => "E0117", Error;
    ItemPowerNotRetained => "E0201", Error;
    MissingDelegate => "E0202", Error;
    PartnerIsLead => "E0203", Error;
    PartnerRepeated => "E0204", Error;
    DuplicateBoundaryTitle => "E0205", Error;
    StepOutsider => "E0206", Error;
    RegimeWithoutPowers => "E0207", Error;
    RegimeStatusMismatch => "E0208", Error;
    SymlinkOutside => "W0001", Warning;
    ReducedPowerUnsupervised => "W0201", Warning;
    LicensingUnsupervised => "W0202", Warning;
    DutyWithoutItems => "W0203", Warning;
    UnusedSection => "W0204", Warning;
    UnusedPower => "W0205", Warning;
    NoServices => "W0206", Warning;
    PartnerNotInCase => "W0207", Warning;
    Placeholder => "W0208", Warning;
    OneMatterTwoLeads => "W0209", Warning;
}

/// A problem found in the sources, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: Message,
    /// Path relative to the project directory.
    pub file: Option<PathBuf>,
    /// Byte range in the file's (decoded, BOM-stripped) text.
    pub span: Option<Range<usize>>,
    /// Text under the caret.
    pub label: Option<Message>,
    pub help: Option<Message>,
    /// A second place in the same file that explains the first (e.g. the earlier duplicate).
    pub related: Option<(Range<usize>, Message)>,
}

impl Diagnostic {
    pub fn new(code: Code, message: Message) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message,
            file: None,
            span: None,
            label: None,
            help: None,
            related: None,
        }
    }

    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }

    pub fn at(mut self, file: impl Into<PathBuf>, span: Range<usize>) -> Self {
        self.file = Some(file.into());
        self.span = Some(span);
        self
    }

    pub fn label(mut self, label: Message) -> Self {
        self.label = Some(label);
        self
    }

    pub fn help(mut self, help: Message) -> Self {
        self.help = Some(help);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The decoded text of every file read, so diagnostics can quote their lines.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: BTreeMap<PathBuf, Source>,
}

impl Sources {
    /// Takes in the files of `other`, each under `prefix` (a workspace's member folder).
    pub fn extend_under(&mut self, prefix: &Path, other: Sources) {
        for (path, source) in other.files {
            self.files.insert(prefix.join(path), source);
        }
    }

    /// Every file, by path, in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.files.iter().map(|(p, s)| (p.as_path(), s.text()))
    }

    pub fn insert(&mut self, path: PathBuf, text: String) {
        self.files.insert(path, Source::new(text));
    }

    pub fn get(&self, path: &Path) -> Option<&Source> {
        self.files.get(path)
    }
}

/// Bytes between two character-count checkpoints of a `Source`.
const CHECKPOINT: usize = 4096;

/// One file's text with, built on first use, where its lines start and how many characters come
/// before every 4 KiB: finding the line and column of an offset is then a binary search and a
/// count over at most 4 KiB, however long the file or its lines, so reporting thousands of
/// problems in one huge file stays linear.
#[derive(Debug, Default, Clone)]
pub struct Source {
    text: String,
    index: OnceLock<Index>,
}

#[derive(Debug, Default, Clone)]
struct Index {
    /// The byte offset of every line's first byte.
    line_starts: Vec<usize>,
    /// (byte offset on a character boundary, characters before it), about every `CHECKPOINT`
    /// bytes, ascending.
    checkpoints: Vec<(usize, usize)>,
}

impl Source {
    pub fn new(text: String) -> Self {
        Source {
            text,
            index: OnceLock::new(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let text = &self.text;
            let mut line_starts = vec![0];
            line_starts.extend(newline_offsets(text).map(|i| i + 1));
            let mut checkpoints = vec![(0, 0)];
            let mut at = 0;
            let mut chars = 0;
            while at + CHECKPOINT < text.len() {
                let next = text.ceil_char_boundary(at + CHECKPOINT);
                chars += text[at..next].chars().count();
                checkpoints.push((next, chars));
                at = next;
            }
            Index {
                line_starts,
                checkpoints,
            }
        })
    }

    /// How many characters come before the byte `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let checkpoints = &self.index().checkpoints;
        let at = checkpoints.partition_point(|&(byte, _)| byte <= offset);
        let (byte, chars) = checkpoints[at.saturating_sub(1)];
        chars + self.text[byte..offset].chars().count()
    }

    /// The 0-based number of the line holding byte `offset`, and that line's first byte.
    fn line_of(&self, offset: usize) -> (usize, usize) {
        let starts = &self.index().line_starts;
        let line = starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        (line, starts.get(line).copied().unwrap_or(0))
    }

    /// Where the line holding byte `offset` ends: its newline, or the end of the text.
    fn line_end(&self, offset: usize) -> usize {
        let (line, _) = self.line_of(offset);
        self.index()
            .line_starts
            .get(line + 1)
            .map_or(self.text.len(), |next| next - 1)
    }

    /// The line and character column of a byte offset, as `position` gives them.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.text.floor_char_boundary(offset);
        let (line, start) = self.line_of(offset);
        Position {
            line: line + 1,
            column: self.chars_before(offset) - self.chars_before(start) + 1,
        }
    }
}

fn newline_offsets(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter_map(|(i, b)| (b == b'\n').then_some(i))
}

/// A 1-based line and column; the column counts characters, as editors do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The line and character column of a byte offset in `text`, for one-off lookups; reporting
/// many problems in one file goes through `Source::position`.
pub fn position(text: &str, offset: usize) -> Position {
    let offset = text.floor_char_boundary(offset);
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// A diagnostic with its positions resolved and its words in the report's language, ready for
/// any output format.
#[derive(Debug, Clone, Serialize)]
pub struct Located {
    pub code: &'static str,
    pub severity: Severity,
    pub title: String,
    pub message: String,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub help: Option<String>,
}

/// How diagnostics are shown: paths relative to the directory the user named, as they typed
/// it, and words in the run's language.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    pub sources: &'a Sources,
    pub display_root: PathBuf,
    pub language: Language,
}

/// A diagnostic's words in one language.
struct Words {
    message: String,
    label: Option<String>,
    help: Option<String>,
    related: Option<String>,
}

impl<'a> Report<'a> {
    pub fn display_path(&self, file: &Path) -> String {
        let joined =
            if self.display_root.as_os_str().is_empty() || self.display_root == Path::new(".") {
                file.to_path_buf()
            } else {
                self.display_root.join(file)
            };
        joined.to_string_lossy().replace('\\', "/")
    }

    /// A message in the report's language, its paths shown as the diagnostics' files are.
    pub fn text(&self, m: &Message) -> String {
        m.rooted(&self.display_root).text(self.language)
    }

    fn words(&self, d: &Diagnostic) -> Words {
        let text = |m: &Message| self.text(m);
        Words {
            message: text(&d.message),
            label: d.label.as_ref().map(text),
            help: d.help.as_ref().map(text),
            related: d.related.as_ref().map(|(_, m)| text(m)),
        }
    }

    pub fn locate(&self, d: &Diagnostic) -> Located {
        let mut located = Located {
            code: d.code.as_str(),
            severity: d.severity,
            title: d.code.title().text(self.language),
            message: self.text(&d.message),
            file: d.file.as_deref().map(|f| self.display_path(f)),
            line: None,
            column: None,
            end_line: None,
            end_column: None,
            help: d.help.as_ref().map(|h| self.text(h)),
        };
        if let (Some(file), Some(span)) = (&d.file, &d.span)
            && let Some(source) = self.sources.get(file)
        {
            let span = char_span(source.text(), span);
            let start = source.position(span.start);
            let end = source.position(span.end);
            located.line = Some(start.line);
            located.column = Some(start.column);
            located.end_line = Some(end.line);
            located.end_column = Some(end.column);
        }
        located
    }

    /// rustc-style text: header, `-->` location, quoted line with a caret, `help:`.
    pub fn human(&self, d: &Diagnostic, color: bool) -> String {
        let words = self.words(d);
        let title = self
            .level(d.severity)
            .primary_title(words.message.as_str())
            .id(d.code.as_str());
        let path = d.file.as_deref().map(|f| self.display_path(f));
        let source = d.file.as_deref().and_then(|f| self.sources.get(f));
        let group = match (&path, &d.span, source) {
            // The bytes of a file that is not UTF-8 make no sense as text: give the place only.
            (Some(path), Some(span), Some(source)) if d.code == Code::NotUtf8 => {
                let at = source.position(span.start);
                Group::with_title(title).element(
                    annotate_snippets::Origin::path(path.as_str())
                        .line(at.line)
                        .char_column(at.column),
                )
            }
            (Some(path), Some(span), Some(source)) => {
                let span = &char_span(source.text(), span);
                if !quotable(source, span.clone()) {
                    return self.human_windowed(&words, title, path, source, span, color);
                }
                let primary = (
                    AnnotationKind::Primary,
                    span.clone(),
                    words.label.as_deref(),
                );
                let group = Group::with_title(title);
                match (&d.related, &words.related) {
                    (Some((other, _)), Some(label)) => {
                        let other = char_span(source.text(), other);
                        let context =
                            (AnnotationKind::Context, other.clone(), Some(label.as_str()));
                        let covered = span.start.min(other.start)..span.end.max(other.end);
                        if quotable(source, covered.clone()) {
                            // Near each other: one quote holding both.
                            group.element(quote(source, path, covered, &[primary, context]))
                        } else {
                            // Far apart (or the other on a huge line): each quoted on its own, so
                            // a report never quotes the lines between them.
                            let group =
                                group.element(quote(source, path, span.clone(), &[primary]));
                            if quotable(source, other.clone()) {
                                group.element(quote(source, path, other, &[context]))
                            } else {
                                group
                            }
                        }
                    }
                    _ => group.element(quote(source, path, span.clone(), &[primary])),
                }
            }
            (Some(path), _, _) => {
                Group::with_title(title).element(annotate_snippets::Origin::path(path.as_str()))
            }
            _ => Group::with_title(title),
        };
        self.render(vec![group], &words, color)
    }

    /// `error`, `warning`, in the report's language.
    fn level(&self, severity: Severity) -> Level<'static> {
        let name = match severity {
            Severity::Error => Message::new("level-error"),
            Severity::Warning => Message::new("level-warning"),
        };
        let level = match severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        level.with_name(name.text(self.language))
    }

    /// The groups, the help closing the last one, as rustc-style text.
    fn render<'g>(&self, mut groups: Vec<Group<'g>>, words: &'g Words, color: bool) -> String {
        if let Some(help) = &words.help
            && let Some(last) = groups.pop()
        {
            let level = Level::HELP.with_name(Message::new("level-help").text(self.language));
            groups.push(last.element(level.message(help.as_str())));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.decor_style(DecorStyle::Ascii).render(&groups)
    }

    /// `human` for a problem on a very long line (a minified or pasted file): the `-->` place is
    /// given explicitly and only a window of the line around the problem is quoted, so the cost
    /// of each report does not grow with the line.
    fn human_windowed(
        &self,
        words: &Words,
        title: annotate_snippets::Title<'_>,
        path: &str,
        source: &Source,
        span: &Range<usize>,
        color: bool,
    ) -> String {
        let text = source.text();
        let at = source.position(span.start);
        let (line, line_start) = source.line_of(span.start);
        let line_end = source.line_end(span.start);
        let from = text.floor_char_boundary(span.start.saturating_sub(WINDOW).max(line_start));
        let to =
            text.ceil_char_boundary(span.end.min(line_end).saturating_add(WINDOW).min(line_end));
        let cut_before = if from > line_start { "... " } else { "" };
        let cut_after = if to < line_end { " ..." } else { "" };
        let window = format!("{cut_before}{}{cut_after}", quote_controls(&text[from..to]));
        let shift = |x: usize| x - from + cut_before.len();
        let end = span.end.clamp(span.start, to);
        let mut annotation = AnnotationKind::Primary.span(shift(span.start)..shift(end));
        if let Some(label) = &words.label {
            annotation = annotation.label(label.as_str());
        }
        // The place, then the window as a group of its own: a snippet without a path is quoted
        // as is, and the place keeps the real column.
        let place = Group::with_title(title).element(
            annotate_snippets::Origin::path(path)
                .line(at.line)
                .char_column(at.column),
        );
        let window = Group::with_level(Level::ERROR).element(
            Snippet::source(window)
                .line_start(line + 1)
                .annotation(annotation),
        );
        // Each group draws an empty gutter line (`   |`) next to the other: keep one.
        let text = self.render(vec![place, window], words, color);
        let mut out = String::with_capacity(text.len());
        let mut previous = "";
        for line in text.split_inclusive('\n') {
            let gutter = anstream::adapter::strip_str(line).to_string().trim() == "|";
            if !(gutter && line == previous) {
                out.push_str(line);
            }
            previous = line;
        }
        out
    }

    /// One JSON object on one line.
    pub fn json(&self, d: &Diagnostic) -> String {
        serde_json::to_string(&self.locate(d)).unwrap_or_default()
    }

    /// A GitHub Actions workflow command (`::error file=…::message`).
    pub fn github(&self, d: &Diagnostic) -> String {
        let l = self.locate(d);
        let command = match l.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(file) = &l.file {
            props.push(format!("file={}", github_property(file)));
        }
        for (name, value) in [
            ("line", l.line),
            ("col", l.column),
            ("endLine", l.end_line),
            ("endColumn", l.end_column),
        ] {
            if let Some(v) = value {
                props.push(format!("{name}={v}"));
            }
        }
        props.push(format!(
            "title={}",
            github_property(&format!("{} {}", l.code, l.title))
        ));
        let mut message = l.message.clone();
        if let Some(help) = &l.help {
            let help_word = Message::new("level-help").text(self.language);
            let _ = write!(message, "\n{help_word}: {help}");
        }
        format!("::{command} {}::{}", props.join(","), github_data(&message))
    }

    /// A GitLab Code Quality report: one JSON array of CodeClimate issues.
    pub fn gitlab(&self, diagnostics: &[Diagnostic]) -> String {
        let issues: Vec<serde_json::Value> = diagnostics
            .iter()
            .map(|d| {
                let l = self.locate(d);
                let path = l.file.clone().unwrap_or_else(|| "resplist.toml".into());
                let description = match &l.help {
                    Some(help) => {
                        let help_word = Message::new("level-help").text(self.language);
                        format!("{} ({}; {help_word}: {help})", l.message, l.code)
                    }
                    None => format!("{} ({})", l.message, l.code),
                };
                serde_json::json!({
                    "description": description,
                    "check_name": l.code,
                    "fingerprint": fingerprint(&[l.code, &path, &d.message.text(Language::En)]),
                    "severity": match l.severity { Severity::Error => "major", Severity::Warning => "minor" },
                    "location": {"path": path, "lines": {"begin": l.line.unwrap_or(1)}},
                })
            })
            .collect();
        serde_json::to_string_pretty(&issues).unwrap_or_default()
    }

    /// The full report as Markdown, for `$GITHUB_STEP_SUMMARY`.
    pub fn markdown(&self, diagnostics: &[Diagnostic], summary: &str) -> String {
        let mut out = String::from("## resplist check\n\n");
        let _ = writeln!(out, "{}\n", markdown_cell(summary));
        if diagnostics.is_empty() {
            return out;
        }
        let _ = writeln!(
            out,
            "{}\n|---|---|---|---|---|",
            Message::new("markdown-table-head").text(self.language)
        );
        for d in diagnostics {
            let l = self.locate(d);
            let icon = match l.severity {
                Severity::Error => "❌",
                Severity::Warning => "⚠️",
            };
            let place = match (&l.file, l.line, l.column) {
                (Some(f), Some(line), Some(col)) => format!("`{f}:{line}:{col}`"),
                (Some(f), _, _) => format!("`{f}`"),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "| {icon} | {} | {place} | {} | {} |",
                l.code,
                markdown_cell(&l.message),
                markdown_cell(l.help.as_deref().unwrap_or(""))
            );
        }
        out
    }
}

/// Control characters (a CR of a CRLF file, a stray NUL) would show as `␍`/`␀` symbols of
/// another width: quote them as spaces, one byte for one byte, so every span still points at the
/// same text.
fn quote_controls(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_control() && c != '\n' && c != '\t' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Quoted lines longer than this (in bytes) are quoted as a window around the problem.
const LONG_EXCERPT: usize = 2048;
/// How many bytes of a long line are quoted on each side of the problem.
const WINDOW: usize = 120;

/// Whether the whole lines `range` touches are short enough to quote as they are.
fn quotable(source: &Source, range: Range<usize>) -> bool {
    excerpt(source, range).0.len() <= LONG_EXCERPT
}

/// An annotation: its kind, its span in the whole file, its label.
type Mark<'a> = (AnnotationKind, Range<usize>, Option<&'a str>);

/// The whole lines of `source` that `covered` touches, as a snippet carrying `marks`.
fn quote<'a>(
    source: &'a Source,
    path: &'a str,
    covered: Range<usize>,
    marks: &[Mark<'a>],
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let (lines, offset, first_line) = excerpt(source, covered);
    Snippet::source(quote_controls(lines))
        .line_start(first_line)
        .path(path)
        .annotations(marks.iter().map(|(kind, span, label)| {
            let local = (span.start - offset)..(span.end.max(span.start) - offset);
            let annotation = (*kind).span(local);
            match label {
                Some(label) => annotation.label(*label),
                None => annotation,
            }
        }))
}

/// `span` widened to whole characters, so that it never cuts a multi-byte character.
fn char_span(text: &str, span: &Range<usize>) -> Range<usize> {
    let start = text.floor_char_boundary(span.start);
    start..text.ceil_char_boundary(span.end.max(start))
}

/// The lines around `span` (the whole lines it covers), their byte offset and first line number;
/// quoting a window instead of the whole file keeps rendering cheap on huge files.
fn excerpt(source: &Source, span: Range<usize>) -> (&str, usize, usize) {
    let text = source.text();
    let Range { start, end } = char_span(text, &span);
    let (line, line_start) = source.line_of(start);
    let line_end = source.line_end(end);
    (&text[line_start..line_end], line_start, line + 1)
}

/// A stable identifier of a problem across runs (FNV-1a, 64 bits, as hex): GitLab uses it to tell
/// new problems from old ones. Positions are left out so that editing above a problem keeps it.
fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn github_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

fn markdown_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

/// Sorts by file, then position, then code, so output never depends on the order of discovery.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.span.as_ref().map(|s| s.start), a.code)
            .cmp(&(&b.file, b.span.as_ref().map(|s| s.start), b.code))
            .then_with(|| {
                a.message
                    .text(Language::En)
                    .cmp(&b.message.text(Language::En))
            })
    });
}

/// The table of every code in `language`, as README.md shows it between its `codes` markers.
pub fn code_table(language: Language) -> String {
    let text = |id| Message::new(id).text(language);
    let mut out = format!("{}\n|---|---|---|\n", text("code-table-head"));
    for code in Code::ALL {
        let level = match code.severity() {
            Severity::Error => text("level-error"),
            Severity::Warning => text("level-warning"),
        };
        let title = code.title().text(language);
        let _ = writeln!(out, "| `{}` | {level} | {title} |", code.as_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;

    /// `d` as `check` prints it, about a file `a.toml` holding `text`.
    fn human_in(text: &str, d: &Diagnostic) -> String {
        let mut sources = Sources::default();
        sources.insert(PathBuf::from("a.toml"), text.to_string());
        let report = Report {
            sources: &sources,
            display_root: PathBuf::new(),
            language: Language::En,
        };
        report.human(d, false)
    }

    /// The indexed lookup agrees with a scan from the top at every offset, including inside
    /// multi-byte characters, on CRLF lines, and across character checkpoints of long lines.
    #[test]
    fn indexed_positions_equal_scanned_ones() {
        let long = "环保局".repeat(3000);
        let text = format!("a = 1\r\nname = \"{long}\"\n\n# 注释 {long}x\nlast");
        let source = Source::new(text.clone());
        for offset in (0..=text.len() + 2).step_by(7).chain([text.len()]) {
            assert_eq!(
                source.position(offset),
                position(&text, offset),
                "offset {offset}"
            );
        }
        assert_eq!(
            source.line_end(0),
            6,
            "the CR stays in the line, the LF does not"
        );
        assert_eq!(source.line_end(text.len()), text.len());
    }

    #[test]
    fn a_related_place_far_away_is_quoted_on_its_own_not_with_every_line_between() {
        let mut text = String::from("id = \"a\"\n");
        for i in 0..300 {
            text.push_str(&format!("# filler line {i}\n"));
        }
        text.push_str("id = \"a\"\n");
        let second = text.rfind("\"a\"").unwrap_or_default();
        let mut d = Diagnostic::new(Code::DuplicateId, msg!("duplicate-key", key = "id"))
            .at(Path::new("a.toml"), second..second + 3)
            .label(msg!("duplicate-key-label"));
        d.related = Some((5..8, msg!("first-used-here")));
        let human = human_in(&text, &d);
        assert!(human.contains("--> a.toml:302:6"), "{human}");
        assert!(human.contains("::: a.toml:1:6"), "{human}");
        assert!(
            human.contains("defined again here") && human.contains("first used here"),
            "{human}"
        );
        assert!(!human.contains("filler"), "{human}");
        // Near each other, one quote holds both, as before.
        let mut d = Diagnostic::new(Code::DuplicateId, msg!("duplicate-key", key = "id"))
            .at(Path::new("a.toml"), 15..18);
        d.related = Some((5..8, msg!("first-used-here")));
        let human = human_in("id = \"a\"\nid = \"a\"\n", &d);
        assert!(!human.contains(":::"), "{human}");
        assert!(
            human.contains("1 | id") && human.contains("2 | id"),
            "{human}"
        );
    }

    #[test]
    fn a_problem_on_a_very_long_line_quotes_a_window_and_keeps_the_real_column() {
        let text = format!("name = \"{}\" x = 1\n", "环".repeat(5000));
        let at = text.find('x').unwrap_or_default();
        let d = Diagnostic::new(Code::Syntax, msg!("toml-syntax-label"))
            .at(Path::new("a.toml"), at..at + 1);
        let human = human_in(&text, &d);
        // `name = "` is 8 characters, then 5,000 of 环 and `" `: x is the 5,011th.
        assert!(human.contains("--> a.toml:1:5011"), "{human}");
        assert!(human.contains("1 | ... 环环"), "{human}");
        assert!(human.contains("\" x = 1"), "{human}");
        assert!(human.len() < 2000, "quotes a window, not the line: {human}");
        assert_eq!(
            human.lines().filter(|l| l.trim() == "|").count(),
            1,
            "{human}"
        );
    }
}
