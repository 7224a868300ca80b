//! A project as loaded: what parsed, where every file is, and what went wrong while loading.
//! `load` produces it; `check`, `render`, `diff` and the commands read it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::{Department, Language, SiteFile};
use crate::diagnostic::{Diagnostic, Sources};

/// A loaded project: what parsed, where every file is, and what went wrong while loading.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    /// `None` when `resplist.toml` has errors.
    pub site: Option<SiteFile>,
    /// The departments whose files parsed, sorted by id.
    pub departments: Vec<Department>,
    /// Every department id found, with its file (relative to `root`), parsed or not.
    pub department_files: BTreeMap<String, PathBuf>,
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
}

impl Project {
    pub fn department(&self, id: &str) -> Option<&Department> {
        self.departments
            .binary_search_by(|d| d.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.departments[i])
    }

    pub fn file_of(&self, department: &str) -> PathBuf {
        self.department_files
            .get(department)
            .cloned()
            .unwrap_or_default()
    }

    pub fn language(&self) -> Language {
        self.site
            .as_ref()
            .map_or(Language::ZhCn, |s| s.site.get_ref().language())
    }
}
