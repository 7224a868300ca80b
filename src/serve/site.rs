//! The site `serve` shows, kept up to date after each save: which file of which build answers
//! each path of the site.
//!
//! Every build writes into fresh folders of the temporary directory and is shown only once its
//! stage is complete, so a page is never read while it is written. Stage one writes the pages
//! whose inputs changed (`render::incremental`); the pages it did not write are answered from
//! the folders of earlier builds. Stage two writes the downloads; until it is done, a request
//! for one of them waits for it rather than getting the previous build's.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::check;
use crate::commands::common::Session;
use crate::diagnostic::Report;
use crate::load;
use crate::msg;
use crate::render::{incremental, output};
use crate::theme::{self, Theme};
use crate::timing::phase;

/// The files of a built site: the path of each in the site, and where it is on disk.
#[derive(Debug, Default, Clone)]
pub struct Files {
    files: HashMap<String, PathBuf>,
}

impl Files {
    /// The files under `dir` (not the links), as a site.
    pub fn of(dir: &Path) -> anyhow::Result<Files> {
        let files = output::files_in(dir)?
            .into_iter()
            .map(|p| {
                let file = dir.join(&p);
                (p, file)
            })
            .collect();
        Ok(Files { files })
    }

    /// The file answering `path` (a path of the site as `http::requested` gives it): the file
    /// itself, or a folder's `index.html`.
    pub fn get(&self, path: &str) -> Option<&Path> {
        if path.is_empty() {
            return self.files.get("index.html").map(PathBuf::as_path);
        }
        let path = path.trim_end_matches('/');
        self.files
            .get(path)
            .or_else(|| self.files.get(&format!("{path}/index.html")))
            .map(PathBuf::as_path)
    }

    /// The site's paths, sorted.
    pub fn paths(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = self.files.keys().map(String::as_str).collect();
        paths.sort_unstable();
        paths
    }

    /// Copies the site into `dir`, as `build` would have written it.
    pub fn copy_to(&self, dir: &Path) -> std::io::Result<()> {
        for (path, file) in &self.files {
            let to = dir.join(path);
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::copy(file, to)?;
        }
        Ok(())
    }

    /// The build folders (directly under the temporary directory) the files are in.
    fn folders(&self, temp: &Path) -> HashSet<PathBuf> {
        self.files
            .values()
            .filter_map(|f| f.strip_prefix(temp).ok())
            .filter_map(|f| f.components().next())
            .map(|c| temp.join(c))
            .collect()
    }
}

/// What one update showed.
pub enum Update {
    /// The pages are built; `site` is the site with the pages only, the downloads to follow.
    Pages { site: Arc<Files>, rendered: usize },
    /// Why the project does not build, in the session's language.
    Failed(String),
}

/// How an update ended.
pub enum Finished {
    /// The whole site is built.
    Done(Arc<Files>),
    /// The downloads were abandoned for a newer change.
    Interrupted,
    Failed(String),
}

/// Builds the project again after each change, re-using what did not change.
pub struct Builder {
    root: PathBuf,
    temp: PathBuf,
    builds: u64,
    cache: load::Cache,
    memory: incremental::Memory,
    /// The pages of the last build, and its downloads when they were completed.
    pages: HashMap<String, PathBuf>,
    downloads: HashMap<String, PathBuf>,
    /// The folders the site shown before the current one used: kept until the next build, in
    /// case a request is still reading them.
    previous: HashSet<PathBuf>,
}

impl Builder {
    /// A builder of the project in `root`, writing into folders of `temp`.
    pub fn new(root: &Path, temp: &Path) -> Builder {
        Builder {
            root: root.to_path_buf(),
            temp: temp.to_path_buf(),
            builds: 0,
            cache: load::Cache::default(),
            memory: incremental::Memory::default(),
            pages: HashMap::new(),
            downloads: HashMap::new(),
            previous: HashSet::new(),
        }
    }

    /// Builds the project: stage one, then (after `shown` has seen the pages) stage two while
    /// `go_on` says so.
    pub fn update(
        &mut self,
        session: &mut Session,
        shown: &mut dyn FnMut(&Update),
        go_on: &mut dyn FnMut() -> bool,
    ) -> Finished {
        match self.try_update(session, shown, go_on) {
            Ok(finished) => finished,
            Err(text) => {
                // Nothing of a failed build is shown; the next one starts from what was.
                shown(&Update::Failed(text.clone()));
                self.collect();
                Finished::Failed(text)
            }
        }
    }

    fn try_update(
        &mut self,
        session: &mut Session,
        shown: &mut dyn FnMut(&Update),
        go_on: &mut dyn FnMut() -> bool,
    ) -> Result<Finished, String> {
        let root = self.root.clone();
        if !root.is_dir() {
            let gone = msg!("serve-folder-gone", dir = root.display().to_string());
            return Err(session.say(&gone));
        }
        let t = phase("load");
        let project = load::load_cached(&root, &mut self.cache).map_err(|e| session.error(&e))?;
        drop(t);
        session.project(&project);
        // A preview shows example content too; `build` refuses to publish it.
        let t = phase("check");
        let (diagnostics, checked) = check::checked(&project, true)
            .map_err(|u| session.say(&msg!("build-unresolved", reference = u.0)))?;
        drop(t);
        let Some(checked) = checked else {
            let report = Report {
                sources: &project.sources,
                display_root: root.clone(),
                language: session.language,
            };
            let mut text: String = diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| report.human(d, false) + "\n")
                .collect();
            let summary = crate::commands::check::summary(&project, &diagnostics);
            text.push_str(&session.say(&summary));
            return Err(text);
        };
        let configured = checked.build().and_then(|b| b.theme.as_ref());
        let theme_dir = theme::theme_dir(None, configured.map(|t| t.get_ref().as_str()), &root);
        let theme = Theme::load(theme_dir.as_deref()).map_err(|e| session.error(&e))?;
        let failed =
            |session: &Session, e: anyhow::Error| session.error(&e.context(msg!("build-failed")));

        let dir = self.folder("pages").map_err(|e| failed(session, e))?;
        let first = match incremental::pages(&checked, &theme, &dir, &mut self.memory) {
            Ok(first) => first,
            Err(e) => {
                // What the memory says was rendered may not have been written.
                self.memory = incremental::Memory::default();
                return Err(failed(session, e));
            }
        };
        if !self
            .take_pages(&first, &dir)
            .map_err(|e| failed(session, e))?
        {
            // Not rendered because its fingerprint was known, yet not built before: only
            // possible if the memory outlived its pages. Start again from nothing.
            self.memory = incremental::Memory::default();
            self.pages.clear();
            return self.try_update(session, shown, go_on);
        }
        self.downloads.clear();
        let site = Arc::new(self.files());
        shown(&Update::Pages {
            site,
            rendered: first.rendered.len(),
        });

        let dir = self.folder("downloads").map_err(|e| failed(session, e))?;
        let done = incremental::downloads(&checked, &first, &dir, go_on)
            .map_err(|e| failed(session, e))?;
        if !done {
            self.collect();
            return Ok(Finished::Interrupted);
        }
        self.downloads = Files::of(&dir).map_err(|e| failed(session, e))?.files;
        let site = Arc::new(self.files());
        self.collect();
        Ok(Finished::Done(site))
    }

    /// Takes the pages of stage one: those rendered now from `dir`, the others from the builds
    /// before. False when one of the others was never built.
    fn take_pages(&mut self, first: &incremental::Pages, dir: &Path) -> anyhow::Result<bool> {
        let fresh = Files::of(dir)?.files;
        let mut pages = HashMap::with_capacity(first.paths.len());
        for path in &first.paths {
            let file = match (fresh.get(path), self.pages.get(path)) {
                (Some(file), _) | (None, Some(file)) => file.clone(),
                (None, None) => return Ok(false),
            };
            pages.insert(path.clone(), file);
        }
        self.pages = pages;
        Ok(true)
    }

    /// The site as built so far: the pages, and the downloads when they are done.
    fn files(&self) -> Files {
        let mut files = self.pages.clone();
        files.extend(self.downloads.iter().map(|(p, f)| (p.clone(), f.clone())));
        Files { files }
    }

    /// A fresh, empty folder for one stage of a build.
    fn folder(&mut self, stage: &str) -> anyhow::Result<PathBuf> {
        self.builds += 1;
        let dir = self.temp.join(format!("{}-{stage}", self.builds));
        std::fs::create_dir_all(&dir)?;
        Ok(dir)
    }

    /// Removes the folders neither the current site nor the one before it uses.
    fn collect(&mut self) {
        let used = self.files().folders(&self.temp);
        let Ok(entries) = std::fs::read_dir(&self.temp) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if !used.contains(&path) && !self.previous.contains(&path) {
                let _ = std::fs::remove_dir_all(&path);
            }
        }
        self.previous = used;
    }
}
