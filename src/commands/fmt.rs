//! `resplist fmt`: rewrites `resplist.toml` and every department file into the canonical layout
//! of [`crate::fmt`], or with `--check` only lists the files that would change.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::{Color, FmtArgs};
use crate::diagnostic::{Code, Diagnostic, Report, Sources};
use crate::fmt::{FormatError, format_department, format_site};
use crate::load::{self, SITE_FILE};

use super::common::{Session, print_diagnostics};
use super::exit;

/// What happened to one file.
enum Outcome {
    Unchanged,
    Changed,
    /// Not formatted: a problem with the file, reported as a diagnostic.
    Failed(Vec<Diagnostic>),
    /// Not formatted: mistakes in the file's syntax, reported as `check` reports them.
    NotParsed(Vec<Diagnostic>),
    /// Not formatted: the formatter could not keep the file's meaning (a resplist bug).
    Internal(String),
}

use crate::i18n::{Arg, Message};
use crate::model::Language;
use crate::msg;

pub fn run(args: &FmtArgs, session: &mut Session) -> anyhow::Result<u8> {
    let root = &args.dir;
    load::ensure_project(root)?;
    session.site_language(root);
    let mut walk_problems = Vec::new();
    let mut files = vec![(PathBuf::from(SITE_FILE), true)];
    files.extend(
        load::find_departments(root, &mut walk_problems)
            .into_iter()
            .map(|(_, file)| (file, false)),
    );
    // A folder that cannot be read hides files fmt should have formatted; the other findings
    // (no department files, a bad file name, a link out of the project) are `check`'s to report.
    let mut diagnostics: Vec<Diagnostic> = walk_problems
        .into_iter()
        .filter(|d| d.code == Code::Unreadable)
        .collect();
    let mut sources = Sources::default();
    let report_root = root.clone();
    let mut stdout = String::new();
    let mut internal = Vec::new();
    let mut not_parsed = Vec::new();
    let mut changed = 0;
    for (file, is_site) in &files {
        let display = display_path(&report_root, file);
        match format_file(root, file, *is_site, args.check, &mut sources) {
            Outcome::Unchanged => {}
            Outcome::Changed => {
                changed += 1;
                let line = if args.check {
                    msg!("fmt-would-reformat", file = &display)
                } else {
                    msg!("fmt-formatted", file = &display)
                };
                stdout.push_str(&session.say(&line));
                stdout.push('\n');
            }
            Outcome::Failed(problems) => diagnostics.extend(problems),
            Outcome::NotParsed(problems) => {
                diagnostics.extend(problems);
                not_parsed.push(msg!("fmt-not-parsed", file = &display));
            }
            Outcome::Internal(message) => internal.push(msg!(
                "fmt-internal-error",
                problem = message,
                file = &display
            )),
        }
    }
    let mut out = std::io::stdout().lock();
    // A closed pipe (`resplist fmt --check | head`) is not an error worth reporting.
    let _ = out.write_all(stdout.as_bytes()).and_then(|()| out.flush());
    print_diagnostics(
        &sources,
        &report_root,
        &diagnostics,
        Color::Auto,
        session.language,
    );
    for message in &not_parsed {
        eprintln!("{}", session.say(message));
    }
    for message in &internal {
        eprintln!("{}", session.error(&anyhow::Error::new(message.clone())));
    }
    Ok(if !internal.is_empty() {
        exit::CANNOT_RUN
    } else if !diagnostics.is_empty() || (args.check && changed > 0) {
        exit::ERRORS
    } else {
        exit::OK
    })
}

fn display_path(root: &Path, file: &Path) -> String {
    Report {
        sources: &Sources::default(),
        display_root: root.to_path_buf(),
        language: Language::En,
    }
    .display_path(file)
}

/// Reads, formats and (unless checking) writes one file; `file` is relative to `root`.
fn format_file(
    root: &Path,
    file: &Path,
    is_site: bool,
    check: bool,
    sources: &mut Sources,
) -> Outcome {
    let path = root.join(file);
    let text = match read(&path, file) {
        Ok(text) => text,
        Err(diagnostic) => return Outcome::Failed(vec![*diagnostic]),
    };
    let formatted = if is_site {
        format_site(&text)
    } else {
        format_department(&text)
    };
    let formatted = match formatted {
        Ok(formatted) => formatted,
        Err(FormatError::Syntax { message, span, .. }) => {
            let text = strip_bom(&text);
            // `check`'s words for the same mistakes; the formatter's own only if it sees more.
            let mut problems = load::syntax_problems(file, text);
            if problems.is_empty() {
                problems.push(
                    Diagnostic::new(Code::Syntax, load::syntax_message(&message))
                        .at(file, span)
                        .label(msg!("toml-syntax-label")),
                );
            }
            sources.insert(file.to_path_buf(), text.to_string());
            return Outcome::NotParsed(problems);
        }
        Err(FormatError::Internal(message)) => return Outcome::Internal(message),
    };
    if formatted == text {
        return Outcome::Unchanged;
    }
    if !check && fs::metadata(&path).is_ok_and(|m| m.permissions().readonly()) {
        // Replacing the file would succeed in a writable folder; a read-only file says no.
        return Outcome::Failed(vec![
            Diagnostic::new(Code::Unreadable, msg!("fmt-read-only"))
                .in_file(file)
                .help(msg!("fmt-read-only-help", file = file)),
        ]);
    }
    if !check && let Err((step, reason)) = write_atomically(&path, &formatted) {
        return Outcome::Failed(vec![
            Diagnostic::new(
                Code::Unreadable,
                msg!(
                    "fmt-cannot-write",
                    step = step,
                    reason = if reason.is_empty() {
                        Arg::from("")
                    } else {
                        msg!("fmt-reason", reason = reason).into()
                    }
                ),
            )
            .in_file(file)
            .help(msg!("fmt-cannot-write-help")),
        ]);
    }
    Outcome::Changed
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The file as text, BOM included, or the diagnostic `check` would give for it.
fn read(path: &Path, file: &Path) -> Result<String, Box<Diagnostic>> {
    let bytes = match load::read_capped(path) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            return Err(Box::new(
                Diagnostic::new(
                    Code::TooLarge,
                    msg!("too-large", mib = load::MAX_FILE_BYTES / 1024 / 1024),
                )
                .in_file(file)
                .help(msg!("too-large-help")),
            ));
        }
        Err(err) => {
            return Err(Box::new(
                Diagnostic::new(
                    Code::Unreadable,
                    msg!("cannot-read-file", reason = err.to_string()),
                )
                .in_file(file)
                .help(load::read_help(&err)),
            ));
        }
    };
    String::from_utf8(bytes).map_err(|err| {
        let (message, help) = match load::decode(err.into_bytes()) {
            Err(bad) => (bad.message, bad.help),
            Ok(_) => (msg!("not-utf8"), msg!("not-utf8-help")),
        };
        Box::new(
            Diagnostic::new(Code::NotUtf8, message)
                .in_file(file)
                .help(help),
        )
    })
}

/// Replaces the file in one step, so that an interrupted run leaves the old file or the new
/// one, never half of one. A link is followed: its target is rewritten, the link kept. The
/// error says which step failed, as a message for the run's language, and the system's reason.
fn write_atomically(path: &Path, text: &str) -> Result<(), (Message, String)> {
    let shown = |p: &Path| p.display().to_string();
    let failed = |message: Message| move |err: std::io::Error| (message, err.to_string());
    let target =
        fs::canonicalize(path).map_err(failed(msg!("fmt-cannot-resolve", path = shown(path))))?;
    let Some(dir) = target.parent() else {
        return Err((msg!("fmt-no-folder", path = shown(&target)), String::new()));
    };
    let permissions = fs::metadata(&target)
        .map_err(failed(msg!("fmt-cannot-read", path = shown(&target))))?
        .permissions();
    let mut temp = tempfile::Builder::new()
        .prefix(".resplist-fmt-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(failed(msg!("fmt-cannot-create-temp", dir = shown(dir))))?;
    temp.write_all(text.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(failed(msg!("fmt-cannot-write-temp")))?;
    fs::set_permissions(temp.path(), permissions)
        .map_err(failed(msg!("fmt-cannot-copy-permissions")))?;
    temp.persist(&target)
        .map_err(|err| failed(msg!("fmt-cannot-replace", path = shown(&target)))(err.error))?;
    Ok(())
}
