//! `resplist diff`: what changed in the list between two git revisions of the project, or
//! between two directories.

use std::io::Write;
use std::path::Path;

use crate::cli::{DiffArgs, DiffFormat};
use crate::diff::{self, report};
use crate::git;
use crate::load;
use crate::model::Project;
use crate::workspace::{self, Member, Workspace};

use super::common::{Session, use_color};
use super::exit;
use crate::i18n::{Arg, Message};
use crate::msg;

pub fn run(args: &DiffArgs, session: &mut Session) -> anyhow::Result<u8> {
    let new_dir = args.dirs.as_ref().map_or(&args.project, |d| &d[1]);
    if load::is_workspace(new_dir) {
        return run_workspace(args, new_dir, session);
    }
    let (old, new, title) = versions(args)?;
    session.project(&new);
    let diff = diff::diff(&old, &new, session.language);
    let text = match args.format {
        DiffFormat::Human => report::human(&diff, use_color(args.color, &std::io::stdout())),
        DiffFormat::Markdown => report::markdown(&diff, &session.say(&title)),
        DiffFormat::Json => report::json(&diff) + "\n",
    };
    write(&text);
    Ok(if args.exit_code && diff.has_changes() {
        exit::ERRORS
    } else {
        exit::OK
    })
}

fn write(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}

/// `diff` of a workspace: each member's changes as `diff` of the member alone gives them, under
/// its name, and the members added or removed. Members are paired by id.
fn run_workspace(args: &DiffArgs, new_dir: &Path, session: &mut Session) -> anyhow::Result<u8> {
    let ws = workspace::load(new_dir)?;
    if let Some(settings) = ws.settings() {
        session.speak(settings.language());
    }
    let mut changed = false;
    let mut out = String::new();
    for (id, old, new) in member_versions(args, ws)? {
        let jurisdiction = new
            .iter()
            .chain(&old)
            .find_map(|p| p.site.as_ref())
            .map(|s| s.site.get_ref().jurisdiction.get_ref().clone())
            .unwrap_or_default();
        let name = msg!(
            "diff-member",
            member = id.as_str(),
            jurisdiction = jurisdiction
        );
        let name = session.say(&name);
        let heading = match (&old, &new) {
            (Some(_), Some(_)) => msg!("diff-member-changed", member = name),
            (None, _) => msg!("diff-member-added", member = name),
            (_, None) => msg!("diff-member-removed", member = name),
        };
        let (Some(old), Some(new)) = (old, new) else {
            changed = true;
            out.push_str(&member_line(args.format, &id, &session.say(&heading), None));
            continue;
        };
        let diff = diff::diff(&old, &new, session.language);
        if !diff.has_changes() {
            continue;
        }
        changed = true;
        let text = match args.format {
            DiffFormat::Human => report::human(&diff, use_color(args.color, &std::io::stdout())),
            DiffFormat::Markdown => report::markdown(&diff, &session.say(&heading)),
            DiffFormat::Json => report::json(&diff),
        };
        out.push_str(&member_line(
            args.format,
            &id,
            &session.say(&heading),
            Some(&text),
        ));
    }
    if !changed && args.format != DiffFormat::Json {
        out.push_str(&session.say(&msg!("diff-workspace-unchanged")));
        out.push('\n');
    }
    write(&out);
    Ok(if args.exit_code && changed {
        exit::ERRORS
    } else {
        exit::OK
    })
}

/// One member's part of the report: its heading and its changes (for JSON, one line holding
/// the member's id and its diff, `null` when it was added or removed).
fn member_line(format: DiffFormat, id: &str, heading: &str, text: Option<&str>) -> String {
    match format {
        DiffFormat::Json => {
            let diff: serde_json::Value = text
                .and_then(|t| serde_json::from_str(t).ok())
                .unwrap_or(serde_json::Value::Null);
            let line = serde_json::json!({"member": id, "diff": diff});
            format!("{line}\n")
        }
        // The Markdown report starts with its own heading.
        DiffFormat::Markdown => text.map_or(format!("## {heading}\n\n"), |t| format!("{t}\n")),
        DiffFormat::Human => match text {
            Some(t) => format!("== {heading}\n{t}\n"),
            None => format!("== {heading}\n\n"),
        },
    }
}

type Versions = Vec<(String, Option<Project>, Option<Project>)>;

/// Every member of either side, by id, with its old and new project (`None` on the side where
/// it is not a member): new members in the workspace's order, then the removed ones.
fn member_versions(args: &DiffArgs, ws: Workspace) -> anyhow::Result<Versions> {
    let mut pairs: Versions = Vec::new();
    if let Some(dirs) = &args.dirs {
        let mut old: Vec<Member> = workspace::load(&dirs[0])?.members;
        for member in ws.members {
            let before = old
                .iter()
                .position(|m| m.id == member.id)
                .map(|i| old.remove(i).project);
            pairs.push((member.id, before, Some(member.project)));
        }
        pairs.extend(old.into_iter().map(|m| (m.id, Some(m.project), None)));
        return Ok(pairs);
    }
    let location = git::locate(&args.project)?;
    let base = git::resolve(&location, args.base.as_deref().unwrap_or("HEAD"))?;
    let head = match &args.head {
        Some(head) => Some(git::resolve(&location, head)?),
        None => None,
    };
    for member in ws.members {
        let at = git::Location {
            top: location.top.clone(),
            prefix: format!("{}{}/", location.prefix, member.id),
        };
        // A member missing at the base revision was added since.
        let old = git::load_at(&at, &base).ok();
        let new = match &head {
            Some(head) => git::load_at(&at, head).ok(),
            None => Some(member.project),
        };
        pairs.push((member.id, old, new));
    }
    Ok(pairs)
}

/// The two versions to compare and a title naming them.
fn versions(args: &DiffArgs) -> anyhow::Result<(Project, Project, Message)> {
    if let Some(dirs) = &args.dirs {
        let (old, new) = (&dirs[0], &dirs[1]);
        let title = msg!(
            "diff-title-dirs",
            old = old.display().to_string(),
            new = new.display().to_string()
        );
        return Ok((load::load(old)?, load::load(new)?, title));
    }
    let location = git::locate(&args.project)?;
    let base = args.base.as_deref().unwrap_or("HEAD");
    let base_id = git::resolve(&location, base)?;
    let old = git::load_at(&location, &base_id)?;
    let (new, head_name): (Project, Arg) = match &args.head {
        Some(head) => (
            git::load_at(&location, &git::resolve(&location, head)?)?,
            head.into(),
        ),
        None => (load::load(&args.project)?, msg!("diff-working-tree").into()),
    };
    Ok((old, new, msg!("diff-title", base = base, head = head_name)))
}
