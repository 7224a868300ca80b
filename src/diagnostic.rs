//! One `Diagnostic` type for every problem resplist reports, the catalogue of stable codes, and
//! the renderers: human (rustc-style), JSON lines, GitHub Actions workflow commands, Markdown.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

macro_rules! codes {
    ($($variant:ident => $code:literal, $severity:ident, $title:literal;)+) => {
        /// A stable diagnostic code. The table in docs/checks.md is generated from this list
        /// and a test keeps the two equal.
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

            /// A short name of the rule, as in the docs table.
            pub fn title(self) -> &'static str {
                match self { $(Code::$variant => $title,)+ }
            }
        }
    };
}

codes! {
    NotUtf8 => "E0001", Error, "file is not UTF-8";
    Unreadable => "E0002", Error, "file cannot be read";
    TooLarge => "E0003", Error, "file is too large";
    EmptyFile => "E0004", Error, "file is empty";
    NoDepartmentsDir => "E0005", Error, "no `departments/` folder";
    NoDepartmentFiles => "E0006", Error, "no department files";
    Syntax => "E0101", Error, "TOML syntax error";
    UnknownField => "E0102", Error, "unknown field";
    MissingField => "E0103", Error, "missing or empty required field";
    WrongType => "E0104", Error, "wrong type";
    BadEnum => "E0105", Error, "value not in its list";
    BadId => "E0106", Error, "invalid id";
    UnknownSection => "E0107", Error, "unknown section";
    UnknownPower => "E0108", Error, "unknown power";
    UnknownDepartment => "E0109", Error, "unknown department";
    DuplicateId => "E0110", Error, "duplicate id";
    BadPhone => "E0111", Error, "invalid phone number";
    BadUrl => "E0112", Error, "invalid or unsafe link";
    ItemPowerNotRetained => "E0201", Error, "work item names a power that is not retained";
    MissingDelegate => "E0202", Error, "transferred or delegated power without `delegated_to`";
    PartnerIsLead => "E0203", Error, "boundary partner is the lead department";
    PartnerRepeated => "E0204", Error, "boundary partner repeated";
    DuplicateBoundaryTitle => "E0205", Error, "two boundaries with the same title";
    StepOutsider => "E0206", Error, "mock-case step by a department outside the boundary";
    RegimeWithoutPowers => "E0207", Error, "power-category supervision regime without powers";
    RegimeStatusMismatch => "E0208", Error, "supervised power's status does not fit the category";
    SymlinkOutside => "W0001", Warning, "symlink to outside the project not followed";
    ReducedPowerUnsupervised => "W0201", Warning, "cancelled, transferred or delegated power without supervision";
    LicensingUnsupervised => "W0202", Warning, "licensing power without supervision";
    DutyWithoutItems => "W0203", Warning, "duty without work items";
    UnusedSection => "W0204", Warning, "section not used";
    UnusedPower => "W0205", Warning, "power not referred to";
    NoServices => "W0206", Warning, "department without public services";
    PartnerNotInCase => "W0207", Warning, "boundary partner absent from the mock case";
}

/// A problem found in the sources, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// Path relative to the project directory.
    pub file: Option<PathBuf>,
    /// Byte range in the file's (decoded, BOM-stripped) text.
    pub span: Option<Range<usize>>,
    /// Text under the caret.
    pub label: Option<String>,
    pub help: Option<String>,
    /// A second place in the same file that explains the first (e.g. the earlier duplicate).
    pub related: Option<(Range<usize>, String)>,
}

impl Diagnostic {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
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

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The decoded text of every file read, so diagnostics can quote their lines.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: BTreeMap<PathBuf, String>,
}

impl Sources {
    pub fn insert(&mut self, path: PathBuf, text: String) {
        self.files.insert(path, text);
    }

    pub fn get(&self, path: &Path) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }
}

/// A 1-based line and column; the column counts characters, as editors do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The line and character column of a byte offset in `text`.
pub fn position(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// A diagnostic with its positions resolved, ready for any output format.
#[derive(Debug, Clone, Serialize)]
pub struct Located<'a> {
    pub code: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    pub message: &'a str,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub help: Option<&'a str>,
}

/// How paths are shown: relative to the directory the user named, as they typed it.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    pub sources: &'a Sources,
    pub display_root: PathBuf,
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

    pub fn locate<'d>(&self, d: &'d Diagnostic) -> Located<'d> {
        let mut located = Located {
            code: d.code.as_str(),
            severity: d.severity,
            title: d.code.title(),
            message: &d.message,
            file: d.file.as_deref().map(|f| self.display_path(f)),
            line: None,
            column: None,
            end_line: None,
            end_column: None,
            help: d.help.as_deref(),
        };
        if let (Some(file), Some(span)) = (&d.file, &d.span)
            && let Some(text) = self.sources.get(file)
        {
            let span = char_span(text, span);
            let start = position(text, span.start);
            let end = position(text, span.end);
            located.line = Some(start.line);
            located.column = Some(start.column);
            located.end_line = Some(end.line);
            located.end_column = Some(end.column);
        }
        located
    }

    /// rustc-style text: header, `-->` location, quoted line with a caret, `help:`.
    pub fn human(&self, d: &Diagnostic, color: bool) -> String {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level.primary_title(d.message.as_str()).id(d.code.as_str());
        let path = d.file.as_deref().map(|f| self.display_path(f));
        let text = d.file.as_deref().and_then(|f| self.sources.get(f));
        let mut group = match (&path, &d.span, text) {
            // The bytes of a file that is not UTF-8 make no sense as text: give the place only.
            (Some(path), Some(span), Some(text)) if d.code == Code::NotUtf8 => {
                let at = position(text, span.start);
                Group::with_title(title).element(
                    annotate_snippets::Origin::path(path.as_str())
                        .line(at.line)
                        .char_column(at.column),
                )
            }
            (Some(path), Some(span), Some(text)) => {
                let span = &char_span(text, span);
                let covered = match &d.related {
                    Some((other, _)) => span.start.min(other.start)..span.end.max(other.end),
                    None => span.clone(),
                };
                let (excerpt, offset, first_line) = excerpt(text, covered);
                // Control characters (a CR of a CRLF file, a stray NUL) would show as `␍`/`␀`
                // symbols of another width: quote them as spaces, one byte for one byte, so every
                // span still points at the same text.
                let local = |s: &Range<usize>| (s.start - offset)..(s.end.max(s.start) - offset);
                let quoted: String = excerpt
                    .chars()
                    .map(|c| {
                        if c.is_ascii_control() && c != '\n' && c != '\t' {
                            ' '
                        } else {
                            c
                        }
                    })
                    .collect();
                let mut annotation = AnnotationKind::Primary.span(local(span));
                if let Some(label) = &d.label {
                    annotation = annotation.label(label.as_str());
                }
                let mut snippet = Snippet::source(quoted)
                    .line_start(first_line)
                    .path(path.as_str())
                    .annotation(annotation);
                if let Some((other, label)) = &d.related {
                    snippet = snippet.annotation(
                        AnnotationKind::Context
                            .span(local(other))
                            .label(label.as_str()),
                    );
                }
                Group::with_title(title).element(snippet)
            }
            (Some(path), _, _) => {
                Group::with_title(title).element(annotate_snippets::Origin::path(path.as_str()))
            }
            _ => Group::with_title(title),
        };
        if let Some(help) = &d.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.decor_style(DecorStyle::Ascii).render(&[group])
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
        let mut message = l.message.to_string();
        if let Some(help) = l.help {
            let _ = write!(message, "\nhelp: {help}");
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
                let description = match l.help {
                    Some(help) => format!("{} ({}; help: {help})", l.message, l.code),
                    None => format!("{} ({})", l.message, l.code),
                };
                serde_json::json!({
                    "description": description,
                    "check_name": l.code,
                    "fingerprint": fingerprint(&[l.code, &path, l.message]),
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
        out.push_str("| | code | where | problem | how to fix |\n|---|---|---|---|---|\n");
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
                markdown_cell(l.message),
                markdown_cell(l.help.unwrap_or(""))
            );
        }
        out
    }
}

/// `span` widened to whole characters, so that it never cuts a multi-byte character.
fn char_span(text: &str, span: &Range<usize>) -> Range<usize> {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.max(start).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// The lines around `span` (the whole lines it covers), their byte offset and first line number;
/// quoting a window instead of the whole file keeps rendering cheap on huge files.
fn excerpt(text: &str, span: Range<usize>) -> (&str, usize, usize) {
    let Range { start, end } = char_span(text, &span);
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let first_line = text[..line_start].matches('\n').count() + 1;
    (&text[line_start..line_end], line_start, first_line)
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
        (
            &a.file,
            a.span.as_ref().map(|s| s.start),
            a.code,
            &a.message,
        )
            .cmp(&(
                &b.file,
                b.span.as_ref().map(|s| s.start),
                b.code,
                &b.message,
            ))
    });
}

/// The table of every code, as README.md shows it between its `codes` markers.
pub fn code_table() -> String {
    let mut out = String::from("| code | level | problem |\n|---|---|---|\n");
    for code in Code::ALL {
        let level = match code.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "| `{}` | {level} | {} |", code.as_str(), code.title());
    }
    out
}
