//! Writing the built files: one thread writes while every core renders, and counts what it wrote.

use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{SyncSender, sync_channel};
use std::thread::JoinHandle;

use anyhow::Context;

use crate::msg;

/// What a build wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
}

impl Stats {
    /// Adds what `other` wrote (a workspace's total of its members' sites and its own pages).
    pub fn add(&mut self, other: &Stats) {
        self.pages += other.pages;
        self.files += other.files;
        self.bytes += other.bytes;
    }
}

/// Writes files under one directory and counts them. Pages are rendered on every core, but
/// one thread does all the writing: threads creating files in the same folder contend for its
/// lock in the kernel (ext4 spins on it), which cost more than the rendering they overlapped.
/// A file for the writer thread: where, and what.
type Job = (PathBuf, Vec<u8>);

pub struct Writer {
    root: PathBuf,
    queue: Mutex<Option<SyncSender<Job>>>,
    worker: Mutex<Option<JoinHandle<anyhow::Result<()>>>>,
    folders: Mutex<HashSet<PathBuf>>,
    files: AtomicUsize,
    pages: AtomicUsize,
    bytes: AtomicU64,
}

impl Writer {
    pub fn new(root: PathBuf) -> Writer {
        let (queue, jobs) = sync_channel::<Job>(256);
        let worker = std::thread::spawn(move || -> anyhow::Result<()> {
            for (path, contents) in jobs {
                fs::write(&path, contents)
                    .with_context(|| msg!("cannot-write", path = path.display().to_string()))?;
            }
            Ok(())
        });
        Writer {
            root,
            queue: Mutex::new(Some(queue)),
            worker: Mutex::new(Some(worker)),
            folders: Mutex::new(HashSet::new()),
            files: AtomicUsize::new(0),
            pages: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
        }
    }

    /// Queues one file for writing; safe to call from several threads at once. Errors surface
    /// from `finish`.
    pub fn write(&self, path: &str, contents: &[u8]) -> anyhow::Result<()> {
        let full = self.path(path)?;
        self.count(path, contents.len() as u64);
        let queue = self.queue.lock().ok().and_then(|q| q.clone());
        match queue {
            Some(queue) if queue.send((full.clone(), contents.to_vec())).is_ok() => Ok(()),
            // The writer stopped on an error: `finish` reports it.
            _ => fs::write(&full, contents)
                .with_context(|| msg!("cannot-write", path = full.display().to_string())),
        }
    }

    /// Counts a file written some other way (streamed).
    pub fn count(&self, path: &str, bytes: u64) {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
        if path.ends_with(".html") {
            self.pages.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Where `path` goes, its folders created (each once).
    pub fn path(&self, path: &str) -> anyhow::Result<PathBuf> {
        let full = self.root.join(path);
        if let Some(parent) = full.parent() {
            let known = self.folders.lock().is_ok_and(|f| f.contains(parent));
            if !known {
                fs::create_dir_all(parent)
                    .with_context(|| msg!("cannot-create", path = parent.display().to_string()))?;
                if let Ok(mut folders) = self.folders.lock() {
                    folders.insert(parent.to_path_buf());
                }
            }
        }
        Ok(full)
    }

    /// Waits until every queued file is written; the first error, if any.
    pub fn finish(&self) -> anyhow::Result<Stats> {
        if let Ok(mut queue) = self.queue.lock() {
            queue.take();
        }
        let worker = self.worker.lock().ok().and_then(|mut w| w.take());
        if let Some(worker) = worker {
            worker.join().map_err(|_| msg!("writer-stopped"))??;
        }
        Ok(self.stats())
    }

    pub fn stats(&self) -> Stats {
        Stats {
            files: self.files.load(Ordering::Relaxed),
            pages: self.pages.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}
