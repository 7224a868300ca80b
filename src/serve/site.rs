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
use crate::model::Project;
use crate::msg;
use crate::render::{incremental, output};
use crate::theme::{self, Theme};
use crate::timing::phase;

/// The files of a built site: the path of each in the site, and where it is on disk.
#[derive(Debug, Default, Clone)]
pub struct Files {
    files: HashMap<String, PathBuf>,
    /// While the downloads are being made: the paths they had last time, or `None` before
    /// they were ever made (then any path may be one).
    coming: Option<Arc<HashSet<String>>>,
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
        Ok(Files {
            files,
            coming: None,
        })
    }

    /// The file answering `path` (a path of the site as `http::requested` gives it): the file
    /// itself, or a folder's `index.html`.
    pub fn get(&self, path: &str) -> Option<&Path> {
        candidates(path)
            .iter()
            .find_map(|p| self.files.get(p))
            .map(PathBuf::as_path)
    }

    /// Whether `path` may be one of the downloads still being made, and is worth waiting for.
    pub fn may_come(&self, path: &str) -> bool {
        self.get(path).is_none()
            && self.coming.as_ref().is_some_and(|coming| {
                // Before the first downloads, nothing says what they will be.
                coming.is_empty() || candidates(path).iter().any(|p| coming.contains(p))
            })
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

/// The paths that may answer a request for `path`: itself, or its folder's `index.html`.
fn candidates(path: &str) -> Vec<String> {
    let path = path.trim_end_matches('/');
    if path.is_empty() {
        return vec!["index.html".to_string()];
    }
    vec![path.to_string(), format!("{path}/index.html")]
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

/// Stage two of one build, to be made on any thread: the downloads of the project as it was
/// when its pages were built.
pub struct Downloads {
    build: u64,
    project: Arc<Project>,
    first: incremental::Pages,
    dir: PathBuf,
    session: Session,
}

/// Stage two made (or abandoned, or failed), for `Builder::take`.
pub struct Made {
    build: u64,
    dir: PathBuf,
    /// The pages stage one left to it, with their fingerprints.
    later: Vec<(String, u64)>,
    outcome: Result<Option<HashMap<String, PathBuf>>, String>,
}

impl Downloads {
    /// Makes the downloads while `go_on` says so.
    pub fn make(self, go_on: &mut dyn FnMut() -> bool) -> Made {
        let outcome = self
            .try_make(go_on)
            .map_err(|e| self.session.error(&e.context(msg!("build-failed"))));
        Made {
            build: self.build,
            dir: self.dir,
            later: self.first.later,
            outcome,
        }
    }

    fn try_make(
        &self,
        go_on: &mut dyn FnMut() -> bool,
    ) -> anyhow::Result<Option<HashMap<String, PathBuf>>> {
        // The project passed its check when its pages were built; checked again here (off the
        // path to the pages) rather than held across threads.
        let (_, checked) = check::checked(&self.project, true)
            .map_err(|u| anyhow::anyhow!(msg!("build-unresolved", reference = u.0)))?;
        let Some(checked) = checked else {
            return Ok(None);
        };
        if !incremental::downloads(&checked, &self.first, &self.dir, go_on)? {
            return Ok(None);
        }
        Ok(Some(Files::of(&self.dir)?.files))
    }
}

/// Builds the project again after each change, re-using what did not change.
pub struct Builder {
    root: PathBuf,
    temp: PathBuf,
    folders: u64,
    /// The number of the latest build: stage two of an older one is not taken.
    build: u64,
    cache: load::Cache,
    memory: incremental::Memory,
    /// The pages of the last build, and its downloads when they were completed.
    pages: HashMap<String, PathBuf>,
    downloads: HashMap<String, PathBuf>,
    /// The folders the site shown before the current one used: kept until the next build, in
    /// case a request is still reading them.
    previous: HashSet<PathBuf>,
    /// The folders of stages two being made.
    making: HashSet<PathBuf>,
    /// The paths of the last downloads made (empty before the first).
    made: Arc<HashSet<String>>,
    /// Pages larger than this are rendered again with the downloads, after the others are shown.
    large: u64,
}

/// A changed page larger than this is rendered with the downloads (a province's supervision
/// index on one page, with `[build] page_limit = 0`, is 33 MB and takes over a second): one huge
/// index never holds up the page being edited.
pub const LARGE_PAGE: u64 = 1024 * 1024;

impl Builder {
    /// A builder of the project in `root`, writing into folders of `temp`.
    pub fn new(root: &Path, temp: &Path) -> Builder {
        Builder {
            root: root.to_path_buf(),
            temp: temp.to_path_buf(),
            folders: 0,
            build: 0,
            cache: load::Cache::default(),
            memory: incremental::Memory::default(),
            pages: HashMap::new(),
            downloads: HashMap::new(),
            previous: HashSet::new(),
            making: HashSet::new(),
            made: Arc::new(HashSet::new()),
            large: LARGE_PAGE,
        }
    }

    /// Renders changed pages larger than `bytes` with the downloads (`LARGE_PAGE` otherwise).
    pub fn large_pages_over(mut self, bytes: u64) -> Builder {
        self.large = bytes;
        self
    }

    /// Builds the whole project on this thread: stage one, then (after `shown` has seen the
    /// pages) stage two while `go_on` says so.
    pub fn update(
        &mut self,
        session: &mut Session,
        shown: &mut dyn FnMut(&Update),
        go_on: &mut dyn FnMut() -> bool,
    ) -> Finished {
        let downloads = match self.pages(session) {
            Ok((site, rendered, downloads)) => {
                shown(&Update::Pages { site, rendered });
                downloads
            }
            Err(text) => {
                shown(&Update::Failed(text.clone()));
                return Finished::Failed(text);
            }
        };
        match self.take(downloads.make(go_on)) {
            Ok(Some(site)) => Finished::Done(site),
            Ok(None) => Finished::Interrupted,
            Err(text) => {
                shown(&Update::Failed(text.clone()));
                Finished::Failed(text)
            }
        }
    }

    /// Stage one: the site with its pages (and how many were rendered again), and stage two
    /// to make; or why the project does not build. Nothing of a failed build is shown; the
    /// next one starts from what was.
    pub fn pages(
        &mut self,
        session: &mut Session,
    ) -> Result<(Arc<Files>, usize, Downloads), String> {
        self.build += 1;
        let built = self.try_pages(session);
        if built.is_err() {
            self.collect();
        }
        built
    }

    /// Takes stage two when it is of the latest build: the whole site, or `None` when it was
    /// abandoned or is of an older build.
    pub fn take(&mut self, made: Made) -> Result<Option<Arc<Files>>, String> {
        self.making.remove(&made.dir);
        let taken = match made.outcome {
            _ if made.build != self.build => Ok(None),
            Ok(Some(files)) => {
                self.memory.remember(made.later);
                self.made = Arc::new(files.keys().cloned().collect());
                self.downloads = files;
                Ok(Some(Arc::new(self.files())))
            }
            Ok(None) => Ok(None),
            Err(text) => Err(text),
        };
        self.collect();
        taken
    }

    fn try_pages(
        &mut self,
        session: &mut Session,
    ) -> Result<(Arc<Files>, usize, Downloads), String> {
        let root = self.root.clone();
        if !root.is_dir() {
            let gone = msg!("serve-folder-gone", dir = root.display().to_string());
            return Err(session.say(&gone));
        }
        let t = phase("load");
        let project = load::load_cached(&root, &mut self.cache).map_err(|e| session.error(&e))?;
        drop(t);
        session.project(&project);
        let project = Arc::new(project);
        let (first, rendered) = self.render_pages(&project, session)?;
        self.downloads.clear();
        let mut coming = (*self.made).clone();
        if !coming.is_empty() {
            coming.extend(first.later.iter().map(|(path, _)| path.clone()));
        }
        let site = Arc::new(Files {
            coming: Some(Arc::new(coming)),
            ..self.files()
        });
        let dir = self
            .folder("downloads")
            .map_err(|e| session.error(&e.context(msg!("build-failed"))))?;
        self.making.insert(dir.clone());
        let downloads = Downloads {
            build: self.build,
            project,
            first,
            dir,
            session: session.clone(),
        };
        Ok((site, rendered, downloads))
    }

    /// Checks the project and renders the pages whose inputs changed.
    fn render_pages(
        &mut self,
        project: &Project,
        session: &Session,
    ) -> Result<(incremental::Pages, usize), String> {
        // A preview shows example content too; `build` refuses to publish it.
        let t = phase("check");
        let (diagnostics, checked) = check::checked(project, true)
            .map_err(|u| session.say(&msg!("build-unresolved", reference = u.0)))?;
        drop(t);
        let Some(checked) = checked else {
            return Err(failure(project, &diagnostics, session));
        };
        let configured = checked.build().and_then(|b| b.theme.as_ref());
        let theme_dir =
            theme::theme_dir(None, configured.map(|t| t.get_ref().as_str()), &self.root);
        let theme = Theme::load(theme_dir.as_deref()).map_err(|e| session.error(&e))?;
        let failed = |e: anyhow::Error| session.error(&e.context(msg!("build-failed")));
        let dir = self.folder("pages").map_err(failed)?;
        let large = |path: &str| {
            self.pages
                .get(path)
                .or_else(|| self.downloads.get(path))
                .and_then(|file| std::fs::metadata(file).ok())
                .is_some_and(|m| m.len() > self.large)
        };
        let first = match incremental::pages(&checked, &theme, &dir, &mut self.memory, &large) {
            Ok(first) => first,
            Err(e) => {
                // What the memory says was rendered may not have been written.
                self.memory = incremental::Memory::default();
                return Err(failed(e));
            }
        };
        if !self.take_pages(&first, &dir) {
            // Not rendered because its fingerprint was known, yet not built before: only
            // possible if the memory outlived its pages. Start again from nothing.
            self.memory = incremental::Memory::default();
            self.pages.clear();
            return self.render_pages(project, session);
        }
        let rendered = first.rendered.len();
        Ok((first, rendered))
    }

    /// Takes the pages of stage one: those rendered now from `dir`, the others from the builds
    /// before. False when one of the others was never built.
    fn take_pages(&mut self, first: &incremental::Pages, dir: &Path) -> bool {
        let fresh: HashSet<&String> = first.written.iter().collect();
        let mut pages = HashMap::with_capacity(first.paths.len());
        for path in &first.paths {
            // A page rendered with the last downloads is among them.
            let before = self.pages.get(path).or_else(|| self.downloads.get(path));
            let file = match (fresh.contains(path), before) {
                (true, _) => dir.join(path),
                (false, Some(file)) => file.clone(),
                (false, None) => return false,
            };
            pages.insert(path.clone(), file);
        }
        self.pages = pages;
        true
    }

    /// The site as built so far: the pages, and the downloads when they are done.
    fn files(&self) -> Files {
        let mut files = self.pages.clone();
        files.extend(self.downloads.iter().map(|(p, f)| (p.clone(), f.clone())));
        Files {
            files,
            coming: None,
        }
    }

    /// A fresh, empty folder for one stage of a build.
    fn folder(&mut self, stage: &str) -> anyhow::Result<PathBuf> {
        self.folders += 1;
        let dir = self.temp.join(format!("{}-{stage}", self.folders));
        std::fs::create_dir_all(&dir)?;
        Ok(dir)
    }

    /// Removes the folders neither the current site nor the one before it uses, on a thread of
    /// its own: removing a province's downloads takes longer than building its pages.
    fn collect(&mut self) {
        let used = self.files().folders(&self.temp);
        let Ok(entries) = std::fs::read_dir(&self.temp) else {
            return;
        };
        let unused: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| !used.contains(p) && !self.previous.contains(p) && !self.making.contains(p))
            .collect();
        self.previous = used;
        if !unused.is_empty() {
            std::thread::spawn(move || {
                for folder in unused {
                    let _ = std::fs::remove_dir_all(folder);
                }
            });
        }
    }
}

/// What the page shows while the project has errors: the errors as `check` words them, and its
/// summary.
fn failure(
    project: &Project,
    diagnostics: &[crate::diagnostic::Diagnostic],
    session: &Session,
) -> String {
    let report = Report {
        sources: &project.sources,
        display_root: project.root.clone(),
        language: session.language,
    };
    let mut text: String = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| report.human(d, false) + "\n")
        .collect();
    let summary = crate::commands::check::summary(project, diagnostics);
    text.push_str(&session.say(&summary));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_wait_only_for_downloads_that_may_come() {
        let site = |coming: Option<&[&str]>| Files {
            files: [("departments/a.html".to_string(), PathBuf::from("x"))].into(),
            coming: coming.map(|c| Arc::new(c.iter().map(|p| p.to_string()).collect())),
        };
        // The whole site: nothing to wait for.
        assert!(!site(None).may_come("index.html"));
        // The downloads of last time are coming again; a page that is there is not waited for,
        // nor is a path that was never a download.
        let pending = site(Some(&["index.html", "opendata/resplist.xlsx"]));
        assert!(pending.may_come(""));
        assert!(pending.may_come("opendata/resplist.xlsx"));
        assert!(!pending.may_come("departments/a.html"));
        assert!(!pending.may_come("departments/missing.html"));
        // Before the first downloads, anything missing may be one.
        assert!(site(Some(&[])).may_come("departments/missing.html"));
    }
}
