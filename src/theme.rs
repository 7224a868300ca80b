//! The theme: templates, static files and the site's own words. The default theme is embedded
//! in the binary; a theme directory overrides any of its files by the same relative path.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::msg;

use crate::model::Language;

macro_rules! embed {
    ($($path:literal),+ $(,)?) => {
        &[$(($path, include_str!(concat!("../themes/default/", $path))),)+]
    };
}

/// Every file of `themes/default/`, by relative path. A test keeps this list complete.
pub const DEFAULT_FILES: &[(&str, &str)] = embed![
    "templates/base.html",
    "templates/macros.html",
    "templates/index.html",
    "templates/department_list.html",
    "templates/department.html",
    "templates/boundaries.html",
    "templates/boundary.html",
    "templates/supervision.html",
    "templates/services.html",
    "templates/print_start.html",
    "templates/print_department.html",
    "templates/print_group.html",
    "templates/print_end.html",
    "templates/404.html",
    "templates/search.html",
    "templates/history.html",
    "templates/sitemap.xml",
    "templates/ws_base.html",
    "templates/ws_index.html",
    "templates/ws_topics.html",
    "templates/ws_topic.html",
    "templates/ws_search.html",
    "templates/ws_404.html",
    "static/style.css",
    "static/print.css",
    "static/favicon.svg",
    "static/search.js",
    "strings/zh-CN.toml",
    "strings/en.toml",
];

/// A theme resolved to its files: the override directory's where it has them, else the default's.
#[derive(Debug, Clone)]
pub struct Theme {
    files: BTreeMap<String, String>,
}

impl Theme {
    /// The default theme, overridden by the files of `dir` when given.
    pub fn load(dir: Option<&Path>) -> anyhow::Result<Theme> {
        let mut files: BTreeMap<String, String> = DEFAULT_FILES
            .iter()
            .map(|(p, c)| (p.to_string(), c.to_string()))
            .collect();
        if let Some(dir) = dir {
            if !dir.is_dir() {
                anyhow::bail!(msg!("theme-missing", dir = dir.display().to_string()));
            }
            // Only the three folders a theme may hold are read, so a theme path that names a
            // large folder (`/`, a home directory) is not walked as a whole.
            let folders = ["templates", "static", "strings"].map(|f| dir.join(f));
            let entries = folders
                .iter()
                .filter(|f| f.is_dir())
                .flat_map(|f| walkdir::WalkDir::new(f).sort_by_file_name());
            for entry in entries {
                let entry = entry.with_context(|| {
                    msg!("theme-cannot-read-dir", dir = dir.display().to_string())
                })?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                let key = relative.to_string_lossy().replace('\\', "/");
                let text = fs::read_to_string(entry.path()).with_context(|| {
                    msg!(
                        "theme-cannot-read-file",
                        file = entry.path().display().to_string()
                    )
                })?;
                files.insert(key, text);
            }
        }
        Ok(Theme { files })
    }

    /// Every file, by its path in the theme (`templates/base.html`, …).
    pub fn files(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Templates by name (`base.html`, …).
    pub fn templates(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files
            .iter()
            .filter_map(|(k, v)| k.strip_prefix("templates/").map(|name| (name, v.as_str())))
    }

    /// Static files by their path in the output (`style.css`, …).
    pub fn statics(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files
            .iter()
            .filter_map(|(k, v)| k.strip_prefix("static/").map(|name| (name, v.as_str())))
    }

    /// The site's words in `language`: the theme's file over the default one, key by key.
    pub fn strings(&self, language: Language) -> anyhow::Result<BTreeMap<String, String>> {
        let path = format!("strings/{}.toml", language.key());
        let default = DEFAULT_FILES
            .iter()
            .find(|(p, _)| *p == path)
            .map_or("", |(_, c)| c);
        let mut words: BTreeMap<String, String> =
            toml::from_str(default).context(msg!("theme-builtin-strings"))?;
        if let Some(text) = self.files.get(&path).filter(|t| t.as_str() != default) {
            let theirs: BTreeMap<String, String> =
                toml::from_str(text).with_context(|| msg!("theme-bad-strings", file = &path))?;
            words.extend(theirs);
        }
        Ok(words)
    }
}

/// Where `[build] theme` or `--theme` points, relative to the project for the former.
pub fn theme_dir(cli: Option<&Path>, configured: Option<&str>, project: &Path) -> Option<PathBuf> {
    cli.map(Path::to_path_buf)
        .or_else(|| configured.map(|c| project.join(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_theme_file_is_embedded() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        for entry in walkdir::WalkDir::new(&root) {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                let key = entry
                    .path()
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                assert!(
                    DEFAULT_FILES.iter().any(|(p, _)| *p == key),
                    "{key} is not in DEFAULT_FILES"
                );
            }
        }
    }

    #[test]
    fn both_languages_have_the_same_words() {
        let theme = Theme::load(None).unwrap();
        let zh = theme.strings(Language::ZhCn).unwrap();
        let en = theme.strings(Language::En).unwrap();
        assert_eq!(zh.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>());
    }
}
