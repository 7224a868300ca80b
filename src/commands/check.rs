//! `resplist check`: load, run every rule, print the problems in the chosen format and the
//! summary line.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use crate::check;
use crate::cli::{CheckArgs, Format};
use crate::diagnostic::{Diagnostic, Report, Sources};
use crate::i18n::Message;
use crate::load;
use crate::model::{Project, Totals};
use crate::msg;
use crate::workspace;

use super::common::{Session, use_color};
use super::exit;

pub fn run(args: &CheckArgs, session: &mut Session) -> anyhow::Result<u8> {
    if load::is_workspace(&args.dir) {
        return run_workspace(args, session);
    }
    let project = load::load(&args.dir)?;
    session.project(&project);
    let mut diagnostics = check::check(&project);
    if args.deny_warnings {
        check::deny_warnings(&mut diagnostics);
    }
    let summary = session.say(&summary(&project, &diagnostics));
    print(args, session, &project.sources, &diagnostics, &summary)
}

/// `check` of a workspace: every member as it would be checked alone, with paths relative to
/// the workspace, and the workspace's own rules; a summary line per member, then the total.
fn run_workspace(args: &CheckArgs, session: &mut Session) -> anyhow::Result<u8> {
    let ws = workspace::load(&args.dir)?;
    if let Some(file) = &ws.file {
        session.speak(file.workspace.get_ref().language());
    }
    let mut groups = workspace::check(&ws);
    let mut lines = Vec::new();
    let mut total = Totals::default();
    for (member, diagnostics) in &mut groups {
        if args.deny_warnings {
            check::deny_warnings(diagnostics);
        }
        match member {
            Some(member) => {
                lines.push(session.say(&summary(&member.project, diagnostics)));
                total.add(&counted(&member.project));
            }
            None if diagnostics.is_empty() => {}
            None => lines.push(session.say(&msg!(
                "workspace-summary-own",
                errors = diagnostics.iter().filter(|d| d.is_error()).count(),
                warnings = diagnostics.iter().filter(|d| !d.is_error()).count()
            ))),
        }
    }
    let diagnostics: Vec<Diagnostic> = groups.into_iter().flat_map(|(_, d)| d).collect();
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    lines.push(session.say(&msg!(
        "workspace-summary",
        members = ws.members.len(),
        departments = total.departments,
        duties = total.duties,
        items = total.work_items,
        boundaries = total.boundaries,
        supervision = total.supervision,
        services = total.services,
        errors = errors,
        warnings = diagnostics.len() - errors
    )));
    let sources = workspace::sources(&ws);
    print(args, session, &sources, &diagnostics, &lines.join("\n"))
}

/// Prints `diagnostics` in the chosen format and the summary; the exit code.
fn print(
    args: &CheckArgs,
    session: &Session,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    summary: &str,
) -> anyhow::Result<u8> {
    let report = Report {
        sources,
        display_root: args.dir.clone(),
        language: session.language,
    };
    let color = use_color(args.color, &std::io::stdout());
    let mut out = String::new();
    for d in diagnostics {
        match args.format {
            Format::Human => {
                let _ = writeln!(out, "{}\n", report.human(d, color));
            }
            Format::Json => {
                let _ = writeln!(out, "{}", report.json(d));
            }
            Format::Github => {
                let _ = writeln!(out, "{}", report.github(d));
            }
            Format::Gitlab => {}
        }
    }
    if args.format == Format::Gitlab {
        let _ = writeln!(out, "{}", report.gitlab(diagnostics));
    }
    match args.format {
        Format::Json | Format::Gitlab => eprintln!("{summary}"),
        _ => {
            let _ = writeln!(out, "{summary}");
        }
    }
    if args.format == Format::Github
        && let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY")
    {
        append(Path::new(&path), &report.markdown(diagnostics, summary))?;
    }
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`resplist check | head`) is not an error worth reporting.
    let _ = stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush());
    Ok(if diagnostics.iter().any(Diagnostic::is_error) {
        exit::ERRORS
    } else {
        exit::OK
    })
}

fn append(path: &Path, text: &str) -> anyhow::Result<()> {
    use anyhow::Context;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| {
            msg!(
                "cannot-write-step-summary",
                path = path.display().to_string()
            )
        })?;
    file.write_all(text.as_bytes()).with_context(|| {
        msg!(
            "cannot-write-step-summary",
            path = path.display().to_string()
        )
    })
}

/// What a project holds, as the summary counts it: every department file, parsed or not, so
/// that errors do not make departments vanish.
fn counted(project: &Project) -> Totals {
    Totals {
        departments: project.department_files.len(),
        ..Totals::of(&project.departments)
    }
}

/// The one-line summary in the seed's style: the jurisdiction, what the list holds, and how
/// many errors and warnings.
pub fn summary(project: &Project, diagnostics: &[Diagnostic]) -> Message {
    let t = counted(project);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let name = project
        .site
        .as_ref()
        .map(|s| s.site.get_ref().jurisdiction.get_ref().clone())
        .filter(|j| !j.trim().is_empty())
        .unwrap_or_else(|| {
            project
                .root
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_default()
        });
    msg!(
        "check-summary",
        name = name,
        departments = t.departments,
        duties = t.duties,
        items = t.work_items,
        boundaries = t.boundaries,
        supervision = t.supervision,
        services = t.services,
        unread = msg!(
            "check-summary-unread",
            entries = project
                .departments
                .iter()
                .map(|d| d.unread.entries)
                .sum::<usize>(),
            files = project
                .department_files
                .len()
                .saturating_sub(project.departments.len())
        ),
        errors = errors,
        warnings = warnings
    )
}
