//! `resplist build` of a workspace: check every member (or those of `--members`) and the
//! workspace's rules, then build the site of many jurisdictions into a staging directory and
//! swap it in. Members whose inputs did not change are taken from the published output.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use crate::cli::BuildArgs;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::render::output::{self, MARKER};
use crate::render::province::{self, Options};
use crate::theme::{self, Theme};
use crate::timing::phase;
use crate::workspace::{self, Workspace};

use super::build::{failed, wrote};
use super::common::{Session, print_diagnostics};
use super::exit;

pub fn run(args: &BuildArgs, session: &mut Session) -> anyhow::Result<u8> {
    let started = Instant::now();
    let t = phase("load");
    let mut ws = workspace::load(&args.dir)?;
    if let Some(settings) = ws.settings() {
        session.speak(settings.language());
    }
    let only = selected(args, &mut ws)?;
    drop(t);
    let t = phase("check");
    let checks = workspace::checked(&ws, args.allow_placeholders)
        .map_err(|unresolved| msg!("build-unresolved", reference = unresolved.0))?;
    drop(t);
    let diagnostics: Vec<Diagnostic> = checks
        .diagnostics
        .iter()
        .flat_map(|(_, d)| d.iter().cloned())
        .collect();
    let sources = workspace::sources(&ws);
    print_diagnostics(
        &sources,
        &args.dir,
        &diagnostics,
        args.color,
        session.language,
    );
    let Some(members) = &checks.members else {
        return Ok(failed(&diagnostics, session));
    };
    let destination = output::destination(&output_dir(args, &ws), &ws.root, args.force)?;
    let theme = theme(args, &ws)?;
    // Only a folder resplist wrote holds members' sites worth reusing.
    let previous = destination
        .path
        .join(MARKER)
        .is_file()
        .then(|| destination.path.clone());
    let options = Options {
        members_only: only,
        previous: previous.as_deref(),
        allow_placeholders: args.allow_placeholders,
    };
    let built =
        destination.build(|staging| province::render(&ws, members, &theme, staging, &options))?;
    if !args.quiet {
        let wrote = wrote(&built.stats, &destination.path, started, diagnostics.len());
        println!("{}", session.say(&wrote));
        let members = msg!(
            "build-members",
            rendered = built.rendered,
            reused = built.reused
        );
        println!("{}", session.say(&members));
    }
    Ok(exit::OK)
}

/// Leaves out of the workspace the members `--members` does not name, after making sure each
/// name is a member, so that they are neither checked nor built; whether it named any.
fn selected(args: &BuildArgs, ws: &mut Workspace) -> anyhow::Result<bool> {
    let Some(names) = &args.members else {
        return Ok(false);
    };
    let known: BTreeSet<&str> = ws.members.iter().map(|m| m.id.as_str()).collect();
    let wanted: BTreeSet<String> = names
        .iter()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    if wanted.is_empty() {
        let known: Vec<&str> = known.into_iter().collect();
        anyhow::bail!(msg!("members-none", known = known.join(", ")));
    }
    if let Some(unknown) = wanted.iter().find(|n| !known.contains(n.as_str())) {
        let known: Vec<&str> = known.into_iter().collect();
        anyhow::bail!(msg!(
            "members-unknown",
            member = unknown.as_str(),
            known = known.join(", ")
        ));
    }
    ws.members.retain(|m| wanted.contains(&m.id));
    Ok(true)
}

/// `--output`, else the workspace's `[build] output`, else `public/` in the workspace.
fn output_dir(args: &BuildArgs, ws: &Workspace) -> PathBuf {
    args.output.clone().unwrap_or_else(|| {
        let configured = build_settings(ws).and_then(|b| b.output.as_ref());
        ws.root
            .join(configured.map_or("public", |o| o.get_ref().as_str()))
    })
}

/// The built-in theme, overridden by `--theme` or the workspace's `[build] theme`; one theme
/// for every member.
fn theme(args: &BuildArgs, ws: &Workspace) -> anyhow::Result<Theme> {
    let configured = build_settings(ws).and_then(|b| b.theme.as_ref());
    let dir = theme::theme_dir(
        args.theme.as_deref(),
        configured.map(|t| t.get_ref().as_str()),
        &ws.root,
    );
    Theme::load(dir.as_deref())
}

fn build_settings(ws: &Workspace) -> Option<&crate::model::Build> {
    ws.file
        .as_ref()
        .and_then(|f| f.build.as_ref())
        .map(|b| b.get_ref())
}
