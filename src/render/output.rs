//! Publishing the built site safely: build into a fresh sibling directory and swap it in only on
//! success, refuse to replace what resplist did not write, and never touch the project itself,
//! `/` or the home directory.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

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
    let project = fs::canonicalize(project).with_context(|| {
        format!(
            "cannot resolve the project directory `{}`",
            project.display()
        )
    })?;
    if absolute.parent().is_none() {
        bail!(
            "refusing to replace `{}` with the site, even with --force: choose an output directory such as `public`",
            absolute.display()
        );
    }
    let Some(name) = absolute
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
    else {
        bail!(
            "refusing to write the site to `{}`: give a directory to create, such as `public`",
            output.display()
        );
    };
    let Some(parent) = absolute.parent().map(Path::to_path_buf) else {
        bail!("refusing to write the site to `{}`", output.display());
    };
    let parent = fs::canonicalize(&parent).with_context(|| {
        format!(
            "the parent of the output directory, `{}`, does not exist",
            parent.display()
        )
    })?;
    let path = parent.join(&name);
    if is_root_or_home(&path) {
        bail!(
            "refusing to replace `{}` with the site, even with --force: choose an output directory such as `public`",
            path.display()
        );
    }
    refuse_replacing(&path, &project, force)?;
    Ok(Destination { path, parent, name })
}

/// Refuses a destination whose replacement would lose something: the project, a link, a file,
/// a read-only folder, or (without `force`) a folder resplist did not write.
fn refuse_replacing(path: &Path, project: &Path, force: bool) -> anyhow::Result<()> {
    if path == project || project.starts_with(path) {
        bail!(
            "refusing to write the site to `{}`: it is (or contains) the project itself, and building would delete the sources; choose an output directory such as `{}`",
            path.display(),
            project.join("public").display()
        );
    }
    if let Ok(link) = fs::read_link(path) {
        bail!(
            "refusing to write the site to `{}`: it is a symbolic link (to `{}`), and every build replaces the output directory as a whole, which would replace the link rather than write where it points; give the real directory instead (`--output {}`)",
            path.display(),
            link.display(),
            fs::canonicalize(path)
                .unwrap_or_else(|_| link.clone())
                .display()
        );
    }
    if path.is_file() {
        bail!(
            "`{}` is a file, not a directory; choose another output path",
            path.display()
        );
    }
    if path.is_dir() && fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        bail!(
            "refusing to replace `{}`: it is read-only, and every build replaces the whole directory; make it writable (`chmod u+w {}`) or choose another output directory",
            path.display(),
            path.display()
        );
    }
    if !force
        && path.is_dir()
        && !path.join(MARKER).exists()
        && fs::read_dir(path).is_ok_and(|mut d| d.next().is_some())
    {
        bail!(
            "refusing to replace `{}`: it is not empty and was not written by resplist (it has no {MARKER} file); empty it, choose another output directory, or pass --force",
            path.display()
        );
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
            .context("cannot read the current directory")?
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
                .with_context(|| format!("cannot remove `{}`", staging.display()))?;
        }
        fs::create_dir(&staging).with_context(|| {
            format!(
                "cannot create `{}`: the site is built beside the output directory and swapped in, so `{}` must be writable; make it writable or choose an output directory elsewhere",
                staging.display(),
                self.parent.display()
            )
        })?;
        fs::write(staging.join(MARKER), MARKER_TEXT)
            .with_context(|| format!("cannot write in `{}`", staging.display()))?;
        Ok(staging)
    }

    /// Swaps the finished staging directory in for the old site.
    pub fn publish(&self, staging: &Path) -> anyhow::Result<()> {
        let retired = self
            .parent
            .join(format!("{RETIRED}{}-{}", self.name, std::process::id()));
        let had_old = self.path.exists();
        if had_old {
            fs::rename(&self.path, &retired).with_context(|| {
                format!("cannot move the old site `{}` aside", self.path.display())
            })?;
        }
        if let Err(err) = fs::rename(staging, &self.path) {
            if had_old {
                let _ = fs::rename(&retired, &self.path);
            }
            return Err(err).with_context(|| {
                format!("cannot move the new site into `{}`", self.path.display())
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
    /// are touched, so nothing else is ever deleted.
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
            .filter(|(_, path)| path.join(MARKER).is_file())
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
