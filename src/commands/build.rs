//! `resplist build`: check, then render the site into a staging directory and swap it in; a
//! failed build leaves the published site untouched.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::check::{self, Checked};
use crate::cli::BuildArgs;
use crate::diagnostic::{Code, Diagnostic};
use crate::history::HistoryEntry;
use crate::i18n::Message;
use crate::load;
use crate::msg;
use crate::render::{self, Stats, output};
use crate::theme::{self, Theme};
use crate::timing::phase;

use super::common::{Session, print_diagnostics};
use super::exit;

pub fn run(args: &BuildArgs, session: &mut Session) -> anyhow::Result<u8> {
    if load::is_workspace(&args.dir) {
        return super::build_workspace::run(args, session);
    }
    if args.members.is_some() {
        anyhow::bail!(msg!(
            "members-not-a-workspace",
            dir = args.dir.display().to_string()
        ));
    }
    let started = Instant::now();
    let t = phase("load");
    let project = load::load(&args.dir)?;
    session.project(&project);
    drop(t);
    let t = phase("check");
    let (diagnostics, checked) = check::checked(&project, args.allow_placeholders)
        .map_err(|unresolved| msg!("build-unresolved", reference = unresolved.0))?;
    drop(t);
    print_diagnostics(
        &project.sources,
        &args.dir,
        &diagnostics,
        args.color,
        session.language,
    );
    let Some(checked) = checked else {
        return Ok(failed(&diagnostics, session));
    };
    let destination = output::destination(&output_dir(args, &checked), &project.root, args.force)?;
    let theme = theme(args, &checked)?;
    let history = history(&checked, session);
    let stats = destination
        .build(|staging| render::render(&checked, &theme, staging, history.as_deref()))?;
    if !args.quiet {
        let wrote = wrote(&stats, &destination.path, started, diagnostics.len());
        println!("{}", session.say(&wrote));
    }
    Ok(exit::OK)
}

/// What a build says it wrote, where, and how long it took.
pub(super) fn wrote(stats: &Stats, dir: &Path, started: Instant, warnings: usize) -> Message {
    msg!(
        "build-wrote",
        pages = stats.pages,
        files = stats.files - stats.pages,
        size = size(stats.bytes),
        dir = shown(dir),
        ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        warnings = warnings
    )
}

/// Says why nothing was built: example text left in, or errors; the exit code.
pub(super) fn failed(diagnostics: &[Diagnostic], session: &Session) -> u8 {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let placeholders = diagnostics
        .iter()
        .filter(|d| d.code == Code::Placeholder && d.is_error())
        .count();
    let failed = if placeholders == errors {
        msg!("build-placeholders", placeholders = placeholders)
    } else {
        msg!("build-errors", errors = errors)
    };
    eprintln!("{}", session.error(&anyhow::Error::new(failed)));
    exit::ERRORS
}

/// `--output`, else `[build] output`, else `public/` in the project.
fn output_dir(args: &BuildArgs, checked: &Checked<'_>) -> PathBuf {
    args.output.clone().unwrap_or_else(|| {
        let configured = checked.build().and_then(|b| b.output.as_ref());
        checked
            .project()
            .root
            .join(configured.map_or("public", |o| o.get_ref().as_str()))
    })
}

/// The built-in theme, overridden by `--theme` or `[build] theme`.
fn theme(args: &BuildArgs, checked: &Checked<'_>) -> anyhow::Result<Theme> {
    let configured = checked.build().and_then(|b| b.theme.as_ref());
    let dir = theme::theme_dir(
        args.theme.as_deref(),
        configured.map(|t| t.get_ref().as_str()),
        &checked.project().root,
    );
    Theme::load(dir.as_deref())
}

/// The latest adjustments for the change-history page, when `[build] history` asks for it;
/// without git history the site is built without the page, with a warning.
fn history(checked: &Checked<'_>, session: &Session) -> Option<Vec<HistoryEntry>> {
    let limit = checked
        .build()
        .and_then(|b| b.history.as_ref())
        .map(|h| *h.get_ref() as usize)
        .filter(|n| *n > 0)?;
    match crate::history::entries(&checked.project().root, limit) {
        Ok(entries) => Some(entries),
        Err(err) => {
            let warning = session.say(&msg!("level-warning"));
            let cause = session.error(&err.context(msg!("build-no-history")));
            // `session.error` starts with the word for an error; this is a warning.
            let cause = cause.split_once(": ").map_or(cause.as_str(), |(_, c)| c);
            eprintln!("{warning}: {cause}");
            None
        }
    }
}

fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1024 * 1024 => format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0)),
        b if b >= 1024 => format!("{:.0} KiB", b as f64 / 1024.0),
        b => format!("{b} B"),
    }
}

/// The output path relative to the current directory when it is below it.
fn shown(path: &std::path::Path) -> String {
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|c| c.canonicalize().ok())
        .unwrap_or_default();
    path.strip_prefix(&cwd)
        .map(PathBuf::from)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}
