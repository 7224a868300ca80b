//! `resplist build`: check, then render the site into a staging directory and swap it in; a
//! failed build leaves the published site untouched.

use std::path::PathBuf;
use std::time::Instant;

use crate::check::{self, Checked};
use crate::cli::BuildArgs;
use crate::diagnostic::Diagnostic;
use crate::history::HistoryEntry;
use crate::load;
use crate::render::{self, output};
use crate::theme::{self, Theme};
use crate::timing::phase;

use super::common::print_diagnostics;
use super::exit;

pub fn run(args: &BuildArgs) -> anyhow::Result<u8> {
    let started = Instant::now();
    let t = phase("load");
    let project = load::load(&args.dir)?;
    drop(t);
    let t = phase("check");
    let (diagnostics, checked) = check::checked(&project).map_err(|unresolved| {
        anyhow::anyhow!(
            "internal error: every check passed, but {} does not resolve; nothing was built. This is a bug in resplist, please report it with the project",
            unresolved.0
        )
    })?;
    drop(t);
    print_diagnostics(&project.sources, &args.dir, &diagnostics, args.color);
    let Some(checked) = checked else {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        eprintln!(
            "error: {errors} error{} in the sources; nothing was built and the published site is unchanged (run `resplist check` to see them again)",
            if errors == 1 { "" } else { "s" }
        );
        return Ok(exit::ERRORS);
    };
    let destination = output::destination(&output_dir(args, &checked), &project.root, args.force)?;
    let theme = theme(args, &checked)?;
    let history = history(&checked);
    let staging = destination.stage()?;
    let stats = match render::render(&checked, &theme, &staging, history.as_deref()) {
        Ok(stats) => stats,
        Err(err) => {
            destination.discard(&staging);
            return Err(err.context("the build failed; the published site is unchanged"));
        }
    };
    let t = phase("publish");
    destination.publish(&staging)?;
    drop(t);
    if !args.quiet {
        println!(
            "wrote {} pages and {} other files ({}) to {} in {} ms{}",
            stats.pages,
            stats.files - stats.pages,
            size(stats.bytes),
            shown(&destination.path),
            started.elapsed().as_millis(),
            warnings_note(&diagnostics)
        );
    }
    Ok(exit::OK)
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
fn history(checked: &Checked<'_>) -> Option<Vec<HistoryEntry>> {
    let limit = checked
        .build()
        .and_then(|b| b.history.as_ref())
        .map(|h| *h.get_ref() as usize)
        .filter(|n| *n > 0)?;
    match crate::history::entries(&checked.project().root, limit) {
        Ok(entries) => Some(entries),
        Err(err) => {
            eprintln!("warning: no change-history page: {err:#}");
            None
        }
    }
}

fn warnings_note(diagnostics: &[Diagnostic]) -> String {
    match diagnostics.len() {
        0 => String::new(),
        1 => ", with 1 warning".into(),
        n => format!(", with {n} warnings"),
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
