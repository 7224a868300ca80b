//! The published output: site pages, print edition, open data. Each renderer reads the checked
//! model (through views) and writes files into a staging directory that `output` swaps in.

pub mod diagrams;
pub mod markdown;
pub mod opendata;
pub mod output;
pub mod pages;
mod print;
pub mod search;
pub mod views;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

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
    folders: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
    files: AtomicUsize,
    pages: AtomicUsize,
    bytes: AtomicU64,
}

impl Writer {
    pub fn new(root: PathBuf) -> Writer {
        Writer {
            root,
            folders: std::sync::Mutex::new(std::collections::HashSet::new()),
            files: AtomicUsize::new(0),
            pages: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
        }
    }

    /// Writes one file; safe to call from several threads at once.
    pub fn write(&self, path: &str, contents: &[u8]) -> anyhow::Result<()> {
        let full = self.path(path)?;
        fs::write(&full, contents).with_context(|| format!("cannot write `{}`", full.display()))?;
        self.count(path, contents.len() as u64);
        Ok(())
    }

    /// Counts a file written some other way (streamed).
    pub fn count(&self, path: &str, bytes: u64) {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
        if path.ends_with(".html") {
            self.pages.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Where `path` goes, its folders created.
    pub fn path(&self, path: &str) -> anyhow::Result<PathBuf> {
        let full = self.root.join(path);
        if let Some(parent) = full.parent() {
            // Every file-system call costs here (half a millisecond each on some disks): make
            // each folder once, not once per file.
            let known = self.folders.lock().is_ok_and(|f| f.contains(parent));
            if !known {
                fs::create_dir_all(parent)
                    .with_context(|| format!("cannot create `{}`", parent.display()))?;
                if let Ok(mut folders) = self.folders.lock() {
                    folders.insert(parent.to_path_buf());
                }
            }
        }
        Ok(full)
    }

    pub fn stats(&self) -> Stats {
        Stats {
            files: self.files.load(Ordering::Relaxed),
            pages: self.pages.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        }
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
    let out = Writer::new(dir.to_path_buf());
    pages::render(project, theme, history, &out)?;
    let t = crate::timing::phase("opendata");
    opendata::render(project, &out)?;
    drop(t);
    Ok(out.stats())
}
