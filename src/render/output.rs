//! Publishing the built site safely: build into a fresh sibling directory and swap it in only on
//! success, refuse to replace what resplist did not write, and never touch the project itself,
//! `/` or the home directory.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::msg;

/// Written into every output directory; only a directory holding it may be replaced.
pub const MARKER: &str = ".resplist-output";
const MARKER_TEXT: &str =
    "This directory is written by `resplist build` and replaced on every build.\n";
const STAGING: &str = ".resplist-staging-";
const RETIRED: &str = ".resplist-retired-";

/// Where the site goes, validated: the final path and its parent.
#[derive(Debug)]
pub struct Destination {
    pub path: PathBuf,
    parent: PathBuf,
    name: String,
}

/// Refuses destinations that could destroy something other than an earlier build.
pub fn destination(output: &Path, project: &Path, force: bool) -> anyhow::Result<Destination> {
    let absolute = absolute(output)?;
    let shown = |p: &Path| p.display().to_string();
    let project = fs::canonicalize(project)
        .with_context(|| msg!("output-cannot-resolve-project", dir = shown(project)))?;
    if absolute.parent().is_none() {
        bail!(msg!("output-root-or-home", dir = shown(&absolute)));
    }
    let Some(name) = absolute
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
    else {
        bail!(msg!("output-not-a-folder-name", dir = shown(output)));
    };
    let Some(parent) = absolute.parent().map(Path::to_path_buf) else {
        bail!(msg!("output-not-a-folder-name", dir = shown(output)));
    };
    let parent = fs::canonicalize(&parent)
        .with_context(|| msg!("output-no-parent", dir = shown(&parent)))?;
    let path = parent.join(&name);
    if is_root_or_home(&path) {
        bail!(msg!("output-root-or-home", dir = shown(&path)));
    }
    refuse_replacing(&path, &project, force)?;
    Ok(Destination { path, parent, name })
}

/// Refuses a destination whose replacement would lose something: the project, a link, a file,
/// a read-only folder, or (without `force`) a folder resplist did not write.
fn refuse_replacing(path: &Path, project: &Path, force: bool) -> anyhow::Result<()> {
    let shown = |p: &Path| p.display().to_string();
    if path == project || project.starts_with(path) {
        bail!(msg!(
            "output-is-project",
            dir = shown(path),
            suggestion = shown(&project.join("public"))
        ));
    }
    if let Ok(link) = fs::read_link(path) {
        let real = fs::canonicalize(path).unwrap_or_else(|_| link.clone());
        bail!(msg!(
            "output-is-link",
            dir = shown(path),
            target = shown(&link),
            real = shown(&real)
        ));
    }
    if path.is_file() {
        bail!(msg!("output-is-file", dir = shown(path)));
    }
    if path.is_dir() && fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        bail!(msg!("output-read-only", dir = shown(path)));
    }
    if !force
        && path.is_dir()
        && !path.join(MARKER).exists()
        && fs::read_dir(path).is_ok_and(|mut d| d.next().is_some())
    {
        bail!(msg!("output-not-ours", dir = shown(path), marker = MARKER));
    }
    Ok(())
}

/// Whether the canonical `path` is `/` or the user's home directory: never a place for a site
/// or a project.
pub fn is_root_or_home(path: &Path) -> bool {
    let home = std::env::var_os("HOME").and_then(|h| fs::canonicalize(h).ok());
    path == Path::new("/") || home.as_deref() == Some(path)
}

fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .context(msg!("cannot-read-current-dir"))?
            .join(path)
    };
    // Resolve `.` and `..` lexically: the output may not exist yet.
    let mut out = PathBuf::new();
    for part in joined.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    Ok(out)
}

impl Destination {
    /// A fresh, empty staging directory beside the destination, after removing any left behind
    /// by an earlier build that was killed.
    pub fn stage(&self) -> anyhow::Result<PathBuf> {
        self.sweep();
        let staging = self
            .parent
            .join(format!("{STAGING}{}-{}", self.name, std::process::id()));
        if staging.exists() {
            fs::remove_dir_all(&staging)
                .with_context(|| msg!("cannot-remove", path = staging.display().to_string()))?;
        }
        fs::create_dir(&staging).with_context(|| {
            msg!(
                "output-cannot-stage",
                staging = staging.display().to_string(),
                parent = self.parent.display().to_string()
            )
        })?;
        fs::write(staging.join(MARKER), MARKER_TEXT)
            .with_context(|| msg!("cannot-write", path = staging.display().to_string()))?;
        Ok(staging)
    }

    /// Lets `render` write the site into a fresh staging directory, then swaps it in; when
    /// `render` fails, the staging directory is removed and the published site is untouched.
    pub fn build<T>(&self, render: impl FnOnce(&Path) -> anyhow::Result<T>) -> anyhow::Result<T> {
        let staging = self.stage()?;
        let made = match render(&staging) {
            Ok(made) => made,
            Err(err) => {
                self.discard(&staging);
                return Err(err.context(msg!("build-failed")));
            }
        };
        let _t = crate::timing::phase("publish");
        self.publish(&staging)?;
        Ok(made)
    }

    /// Swaps the finished staging directory in for the old site.
    pub fn publish(&self, staging: &Path) -> anyhow::Result<()> {
        let retired = self
            .parent
            .join(format!("{RETIRED}{}-{}", self.name, std::process::id()));
        let had_old = self.path.exists();
        if had_old {
            fs::rename(&self.path, &retired).with_context(|| {
                msg!(
                    "output-cannot-retire",
                    dir = self.path.display().to_string()
                )
            })?;
        }
        if let Err(err) = fs::rename(staging, &self.path) {
            if had_old {
                let _ = fs::rename(&retired, &self.path);
            }
            return Err(err).with_context(|| {
                msg!(
                    "output-cannot-publish",
                    dir = self.path.display().to_string()
                )
            });
        }
        if had_old {
            let _ = fs::remove_dir_all(&retired);
        }
        Ok(())
    }

    /// Removes a staging directory after a failed build.
    pub fn discard(&self, staging: &Path) {
        let _ = fs::remove_dir_all(staging);
    }

    /// Cleans up after builds that were killed: a retired old site with no site in its place is
    /// put back (the kill fell between the two renames of `publish`), and every other staging or
    /// retired directory of this destination is removed. Only directories that carry the marker
    /// are touched, or are empty and named for a build that no longer runs, so nothing else is
    /// ever deleted.
    fn sweep(&self) {
        let Ok(entries) = fs::read_dir(&self.parent) else {
            return;
        };
        let mut leftovers: Vec<(bool, PathBuf)> = entries
            .flatten()
            .filter_map(|entry| {
                let file_name = entry.file_name().to_string_lossy().into_owned();
                let retired = self.is_ours(&file_name, RETIRED);
                (retired || self.is_ours(&file_name, STAGING)).then(|| (retired, entry.path()))
            })
            // A build killed between creating its staging folder and marking it leaves it
            // empty: that is ours too when the build that made it is gone, and holds nothing.
            .filter(|(_, path)| path.join(MARKER).is_file() || abandoned(path))
            .collect();
        leftovers.sort();
        for (retired, path) in leftovers {
            if retired && !self.path.exists() && fs::rename(&path, &self.path).is_ok() {
                continue;
            }
            let _ = fs::remove_dir_all(&path);
        }
    }

    fn is_ours(&self, file_name: &str, prefix: &str) -> bool {
        file_name
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix(self.name.as_str()))
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|pid| !pid.is_empty() && pid.chars().all(|c| c.is_ascii_digit()))
    }
}

/// Whether `dir` is an empty folder named for a process that no longer runs (its name ends in the
/// process id): a build killed before it marked its staging folder. Where the system cannot say
/// which processes run (no /proc), nothing is abandoned.
fn abandoned(dir: &Path) -> bool {
    let empty = fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none());
    let pid = dir
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.rsplit('-').next())
        .filter(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let proc = Path::new("/proc");
    empty && proc.is_dir() && pid.is_some_and(|p| !proc.join(p).exists())
}

/// The files under `dir`, as paths relative to it with `/` between folders, sorted.
pub fn files_in(dir: &Path) -> anyhow::Result<Vec<String>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry?;
        if entry.file_type().is_file()
            && let Ok(relative) = entry.path().strip_prefix(dir)
        {
            let parts: Vec<_> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect();
            files.push(parts.join("/"));
        }
    }
    Ok(files)
}
