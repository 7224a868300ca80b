//! `resplist diff`: what changed in the list between two git revisions of the project, or
//! between two directories.

use std::io::Write;

use crate::cli::{DiffArgs, DiffFormat};
use crate::diff::{self, report};
use crate::git;
use crate::load;
use crate::model::Project;

use super::common::{Session, use_color};
use super::exit;
use crate::i18n::{Arg, Message};
use crate::msg;

pub fn run(args: &DiffArgs, session: &mut Session) -> anyhow::Result<u8> {
    for dir in args.dirs.iter().flatten().chain([&args.project]) {
        super::common::not_a_workspace(dir, "diff", session)?;
    }
    let (old, new, title) = versions(args)?;
    session.project(&new);
    let diff = diff::diff(&old, &new, session.language);
    let text = match args.format {
        DiffFormat::Human => report::human(&diff, use_color(args.color, &std::io::stdout())),
        DiffFormat::Markdown => report::markdown(&diff, &session.say(&title)),
        DiffFormat::Json => report::json(&diff) + "\n",
    };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
    Ok(if args.exit_code && diff.has_changes() {
        exit::ERRORS
    } else {
        exit::OK
    })
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
