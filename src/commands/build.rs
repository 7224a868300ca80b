//! `resplist build`: check, then render the site into a staging directory and swap it in; a
//! failed build leaves the published site untouched.

use std::path::PathBuf;
use std::time::Instant;

use crate::check;
use crate::cli::BuildArgs;
use crate::diagnostic::Diagnostic;
use crate::load;
use crate::render::{self, output};
use crate::theme::{self, Theme};

use super::common::print_diagnostics;
use super::exit;

pub fn run(args: &BuildArgs) -> anyhow::Result<u8> {
    let started = Instant::now();
    let t = crate::timing::phase("load");
    let project = load::load(&args.dir)?;
    drop(t);
    let t = crate::timing::phase("check");
    let diagnostics = check::check(&project);
    drop(t);
    print_diagnostics(&project.sources, &args.dir, &diagnostics, args.color);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        eprintln!(
            "error: {errors} error{} in the sources; nothing was built and the published site is unchanged (run `resplist check` to see them again)",
            if errors == 1 { "" } else { "s" }
        );
        return Ok(exit::ERRORS);
    }
    let build = project
        .site
        .as_ref()
        .and_then(|s| s.build.as_ref())
        .map(|b| b.get_ref());
    let output = args.output.clone().unwrap_or_else(|| {
        project.root.join(
            build
                .and_then(|b| b.output.as_ref())
                .map_or("public", |o| o.get_ref().as_str()),
        )
    });
    let destination = output::destination(&output, &project.root, args.force)?;
    let theme_dir = theme::theme_dir(
        args.theme.as_deref(),
        build
            .and_then(|b| b.theme.as_ref())
            .map(|t| t.get_ref().as_str()),
        &project.root,
    );
    let theme = Theme::load(theme_dir.as_deref())?;
    let history = match build
        .and_then(|b| b.history.as_ref())
        .map(|h| *h.get_ref() as usize)
        .filter(|n| *n > 0)
    {
        Some(limit) => match crate::history::entries(&project.root, limit) {
            Ok(entries) => Some(entries),
            Err(err) => {
                eprintln!("warning: no change-history page: {err:#}");
                None
            }
        },
        None => None,
    };
    let staging = destination.stage()?;
    let stats = match render::render(&project, &theme, &staging, history.as_deref()) {
        Ok(stats) => stats,
        Err(err) => {
            destination.discard(&staging);
            return Err(err.context("the build failed; the published site is unchanged"));
        }
    };
    let t = crate::timing::phase("publish");
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
