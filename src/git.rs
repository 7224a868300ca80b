//! Reading a project as it was at a git revision, without checking anything out: `git ls-tree`
//! lists its files and one `git cat-file --batch` reads them.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

use crate::msg;

use crate::load::{self, DEPARTMENTS_DIR, SITE_FILE};
use crate::model::Project;

/// Where a project lives in its repository.
#[derive(Debug, Clone)]
pub struct Location {
    /// The repository's top-level directory.
    pub top: PathBuf,
    /// The project's path inside the repository, with a trailing `/` unless it is the top.
    pub prefix: String,
}

fn git(dir: &Path, args: &[&str]) -> anyhow::Result<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .context(msg!("git-missing"))?;
    if !out.status.success() {
        bail!(msg!(
            "git-failed",
            command = args.join(" "),
            reason = String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The repository holding `project`.
pub fn locate(project: &Path) -> anyhow::Result<Location> {
    let top = git(project, &["rev-parse", "--show-toplevel"])
        .with_context(|| msg!("git-no-repository", dir = project.display().to_string()))?;
    let prefix = git(project, &["rev-parse", "--show-prefix"])?;
    Ok(Location {
        top: PathBuf::from(top.trim_end()),
        prefix: prefix.trim_end().to_string(),
    })
}

/// The full commit id of `rev`, or an error naming it.
pub fn resolve(location: &Location, rev: &str) -> anyhow::Result<String> {
    // Never let a revision reach git where it could be read as an option.
    if rev.starts_with('-') {
        bail!(msg!("git-bad-revision", rev = rev));
    }
    let spec = format!("{rev}^{{commit}}");
    git(&location.top, &["rev-parse", "--verify", "--quiet", &spec])
        .map(|s| s.trim().to_string())
        .map_err(|_| {
            anyhow::Error::new(msg!(
                "git-no-commit",
                rev = rev,
                repository = location.top.display().to_string()
            ))
        })
}

/// The project as it was at commit `rev`.
pub fn load_at(location: &Location, rev: &str) -> anyhow::Result<Project> {
    // Object ids, not `rev:path` names, go to cat-file: resolving a name reads the whole folder
    // listing again for every file (quadratic in a folder of thousands of departments), and a
    // name could hold a newline.
    let listing = git(
        &location.top,
        &[
            "ls-tree",
            "-r",
            "-z",
            rev,
            "--",
            &format!("{}.", location.prefix),
        ],
    )?;
    let site_path = format!("{}{SITE_FILE}", location.prefix);
    let departments_prefix = format!("{}{DEPARTMENTS_DIR}/", location.prefix);
    // Each entry is `<mode> <type> <object>\t<path>`.
    let mut wanted: Vec<(&str, &str)> = listing
        .split('\0')
        .filter_map(|entry| {
            let (meta, path) = entry.split_once('\t')?;
            let mut meta = meta.split(' ');
            let (_mode, kind, object) = (meta.next()?, meta.next()?, meta.next()?);
            (kind == "blob").then_some((path, object))
        })
        .filter(|(p, _)| {
            *p == site_path || (p.starts_with(&departments_prefix) && p.ends_with(".toml"))
        })
        .collect();
    if !wanted.iter().any(|(p, _)| *p == site_path) {
        bail!(msg!("git-no-site-file", file = &site_path, rev = rev));
    }
    wanted.sort_unstable();
    let blobs = cat_files(&location.top, &wanted)?;
    let mut site = Vec::new();
    let mut departments = Vec::new();
    for ((path, _), bytes) in wanted.iter().zip(blobs) {
        if *path == site_path {
            site = bytes;
        } else {
            let relative = path.strip_prefix(&location.prefix).unwrap_or(path);
            departments.push((PathBuf::from(relative), bytes));
        }
    }
    let label = location.top.join(&location.prefix);
    Ok(load::load_from_memory(&label, site, departments))
}

/// The contents of the `(path, object id)` blobs, read through one `git cat-file --batch`.
fn cat_files(top: &Path, blobs: &[(&str, &str)]) -> anyhow::Result<Vec<Vec<u8>>> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(top)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context(msg!("git-missing"))?;
    let requests: String = blobs.iter().map(|(_, id)| format!("{id}\n")).collect();
    let mut stdin = child.stdin.take().context(msg!("git-pipe"))?;
    // Write from another thread: git's output pipe could fill while we are still writing.
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let mut reader = BufReader::new(child.stdout.take().context(msg!("git-pipe"))?);
    let mut out = Vec::with_capacity(blobs.len());
    for (path, _) in blobs {
        let mut header = String::new();
        reader.read_line(&mut header)?;
        let size: usize = match header.split_whitespace().collect::<Vec<_>>().as_slice() {
            [_, "blob", size] => size
                .parse()
                .with_context(|| msg!("git-unexpected", output = header.trim()))?,
            _ => bail!(msg!(
                "git-cannot-read",
                path = *path,
                output = header.trim()
            )),
        };
        let mut bytes = vec![0; size];
        reader.read_exact(&mut bytes)?;
        let mut newline = [0u8; 1];
        reader.read_exact(&mut newline)?;
        out.push(bytes);
    }
    writer.join().map_err(|_| msg!("git-pipe"))??;
    child.wait()?;
    Ok(out)
}

/// One commit that changed the project: id, date (YYYY-MM-DD), subject, parent.
#[derive(Debug, Clone)]
pub struct Commit {
    pub id: String,
    pub date: String,
    pub subject: String,
    pub parent: Option<String>,
}

/// The last `limit` commits (newest first) that touched the project's sources.
pub fn history(location: &Location, limit: usize) -> anyhow::Result<Vec<Commit>> {
    let paths = [
        format!("{}{SITE_FILE}", location.prefix),
        format!("{}{DEPARTMENTS_DIR}", location.prefix),
    ];
    let count = format!("--max-count={limit}");
    let log = git(
        &location.top,
        &[
            "log",
            &count,
            "--first-parent",
            "--format=%H%x1f%ad%x1f%s%x1f%P%x1e",
            "--date=short",
            "--",
            &paths[0],
            &paths[1],
        ],
    )?;
    Ok(log
        .split('\u{1e}')
        .filter_map(|record| {
            let mut fields = record.trim_start_matches('\n').split('\u{1f}');
            let id = fields.next()?.to_string();
            if id.is_empty() {
                return None;
            }
            let date = fields.next()?.to_string();
            let subject = fields.next()?.to_string();
            let parent = fields
                .next()
                .and_then(|p| p.split_whitespace().next())
                .map(str::to_string);
            Some(Commit {
                id,
                date,
                subject,
                parent,
            })
        })
        .collect())
}
