//! The published output: site pages, print edition, open data. Each renderer reads the checked
//! model (through views) and writes files into a staging directory that `output` swaps in.

pub mod diagrams;
pub mod markdown;
pub mod opendata;
pub mod output;
pub mod pages;
pub mod search;
pub mod views;

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::history::HistoryEntry;
use crate::load::Project;
use crate::theme::Theme;

/// What a build wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
}

/// Writes files under one directory and counts them.
pub struct Writer {
    root: PathBuf,
    pub stats: Stats,
}

impl Writer {
    pub fn new(root: PathBuf) -> Writer {
        Writer {
            root,
            stats: Stats::default(),
        }
    }

    pub fn write(&mut self, path: &str, contents: &[u8]) -> anyhow::Result<()> {
        let full = self.root.join(path);
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("cannot create `{}`", parent.display()))?;
        }
        fs::write(&full, contents).with_context(|| format!("cannot write `{}`", full.display()))?;
        self.stats.files += 1;
        self.stats.bytes += contents.len() as u64;
        if path.ends_with(".html") {
            self.stats.pages += 1;
        }
        Ok(())
    }
}

/// Renders the whole site of a checked project into `dir` (which must exist and be empty).
/// `history`, when given, adds the change-history page.
pub fn render(
    project: &Project,
    theme: &Theme,
    dir: &Path,
    history: Option<&[HistoryEntry]>,
) -> anyhow::Result<Stats> {
    let mut out = Writer::new(dir.to_path_buf());
    pages::render(project, theme, history, &mut out)?;
    opendata::render(project, &mut out)?;
    Ok(out.stats)
}
