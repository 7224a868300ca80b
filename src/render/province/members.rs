//! A member's site under `/<member>/`: rendered as `render` makes it alone (with the way back),
//! or, when nothing it is made from changed since the site in the output was built, taken from
//! there. What it is made from is summed up in its *key*: the resplist executable, the theme,
//! what the workspace gives it and every file of the member; the key is written beside the
//! member's site, in `STAMP`.

use std::fs;
use std::path::Path;

use anyhow::Context as _;

use super::super::fingerprint::Fingerprint;
use super::super::{Stats, Within, render_within};
use crate::check::Checked;
use crate::msg;
use crate::theme::Theme;
use crate::workspace::Member;

/// The file in a member's folder of the output that holds the key its site was built for.
pub const STAMP: &str = ".resplist-member";

/// What every member's key starts from: the executable and the theme, hashed once per build.
/// `None` when the executable cannot be read: then nothing is reused.
pub struct Stamp(Option<[u64; 2]>);

impl Stamp {
    pub fn new(theme: &Theme, allow_placeholders: bool) -> Stamp {
        let exe = std::env::current_exe().and_then(fs::read).ok();
        Stamp(exe.map(|exe| {
            [0, 1].map(|seed| {
                let mut f = Fingerprint::new(seed);
                f.bytes(env!("CARGO_PKG_VERSION").as_bytes());
                f.bytes(&exe);
                for (path, text) in theme.files() {
                    f.bytes(path.as_bytes());
                    f.bytes(text.as_bytes());
                }
                f.bytes(&[u8::from(allow_placeholders)]);
                f.finish()
            })
        }))
    }

    /// The member's key: this build's stamp, what the workspace gives the member, and the
    /// member's every file.
    fn key(&self, member: &Member, within: &Within) -> Option<String> {
        let [a, b] = self.0?.map(|seed| {
            let mut f = Fingerprint::new(seed);
            f.bytes(member.id.as_bytes());
            f.bytes(within.parent.title.as_bytes());
            f.bytes(within.base_url.as_deref().unwrap_or("").as_bytes());
            for (path, text) in member.project.sources.iter() {
                f.bytes(path.to_string_lossy().as_bytes());
                f.bytes(text.as_bytes());
            }
            f.finish()
        });
        Some(format!(
            "resplist {}\n{a:016x}{b:016x}\n",
            env!("CARGO_PKG_VERSION")
        ))
    }
}

/// How a member's site came to be in the output.
pub enum Made {
    Rendered(Stats),
    Reused(Stats),
}

/// Puts the member's site in `dir/<member>`: linked from `previous/<member>` when that was built
/// for the same key, else rendered.
pub fn make(
    member: &Member,
    checked: &Checked<'_>,
    theme: &Theme,
    within: &Within,
    stamp: &Stamp,
    (dir, previous): (&Path, Option<&Path>),
) -> anyhow::Result<Made> {
    let key = stamp.key(member, within);
    let target = dir.join(&member.id);
    if let (Some(key), Some(previous)) = (&key, previous) {
        let old = previous.join(&member.id);
        let same = fs::read_to_string(old.join(STAMP)).is_ok_and(|k| k == *key);
        if same {
            match link_tree(&old, &target) {
                Ok(stats) => return Ok(Made::Reused(stats)),
                // Whatever stopped the reuse, rendering afresh gives the same site.
                Err(_) => {
                    let _ = fs::remove_dir_all(&target);
                }
            }
        }
    }
    fs::create_dir_all(&target)
        .with_context(|| msg!("cannot-write", path = target.display().to_string()))?;
    let stats = render_within(checked, theme, &target, None, Some(within))?;
    if let Some(key) = key {
        let stamp = target.join(STAMP);
        fs::write(&stamp, key)
            .with_context(|| msg!("cannot-write", path = stamp.display().to_string()))?;
    }
    Ok(Made::Rendered(stats))
}

/// Recreates the files of `from` in `to` as hard links (copies where the file system has none),
/// counting them as a build counts what it writes.
fn link_tree(from: &Path, to: &Path) -> anyhow::Result<Stats> {
    let mut stats = Stats::default();
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry?;
        let relative = entry.path().strip_prefix(from)?;
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target)?;
            continue;
        }
        if relative == Path::new(STAMP) {
            fs::copy(entry.path(), &target)?;
            continue;
        }
        if fs::hard_link(entry.path(), &target).is_err() {
            fs::copy(entry.path(), &target)?;
        }
        stats.files += 1;
        stats.bytes += entry.metadata()?.len();
        if relative.extension().is_some_and(|e| e == "html") {
            stats.pages += 1;
        }
    }
    Ok(stats)
}
