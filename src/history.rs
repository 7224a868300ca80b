//! The list's change history (动态调整记录): the commits that changed the project's sources, each
//! with the semantic summary of what it changed, for the site's history page.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::diff::{self, report};
use crate::git;
use crate::model::Project;

/// One adjustment: a commit and what it changed in the list.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryEntry {
    pub date: String,
    pub subject: String,
    /// The commit id, abbreviated to 10 characters.
    pub commit: String,
    pub summary: String,
    pub lines: Vec<String>,
}

/// The last `limit` adjustments of the project in `dir`, newest first.
pub fn entries(dir: &Path, limit: usize) -> anyhow::Result<Vec<HistoryEntry>> {
    let location = git::locate(dir)?;
    let commits = git::history(&location, limit)?;
    // Each version is loaded once: a commit's parent is usually the next commit in the list.
    let mut loaded: HashMap<String, Option<Project>> = HashMap::new();
    for commit in &commits {
        for id in std::iter::once(&commit.id).chain(&commit.parent) {
            loaded
                .entry(id.clone())
                .or_insert_with(|| git::load_at(&location, id).ok());
        }
    }
    let empty = crate::load::load_from_memory(dir, Vec::new(), Vec::new());
    let mut out = Vec::new();
    for commit in &commits {
        let Some(Some(new)) = loaded.get(&commit.id) else {
            continue;
        };
        // The first commit, or one before the project existed: everything in it is new.
        let old = commit
            .parent
            .as_ref()
            .and_then(|p| loaded.get(p))
            .and_then(Option::as_ref)
            .unwrap_or(&empty);
        // In the site's language: the page is the site's.
        let d = diff::diff(old, new, new.language());
        out.push(HistoryEntry {
            date: commit.date.clone(),
            subject: commit.subject.clone(),
            commit: commit.id.chars().take(10).collect(),
            summary: report::summary(&d),
            lines: report::brief(&d),
        });
    }
    Ok(out)
}
