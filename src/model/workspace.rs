//! A workspace (FORMAT.md 1.1): a `resplist.toml` with `[workspace]` instead of `[site]`, whose
//! members are complete projects in folders below it, and `topics.toml`, the catalogue of
//! matters the members' boundaries map to.

use serde::Deserialize;

use super::{Build, Datetime, Language, Spanned};

/// `resplist.toml` of a workspace.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceFile {
    pub workspace: Spanned<Workspace>,
    #[serde(default)]
    pub build: Option<Spanned<Build>>,
}

/// `[workspace]`: the site of many jurisdictions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    /// Required. The site's title, e.g. "浙江省县级政府部门责任清单".
    pub title: Spanned<String>,
    #[serde(default)]
    pub language: Option<Spanned<Language>>,
    /// Required. The members' folders below the workspace; a member's id is its folder name.
    pub members: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub base_url: Option<Spanned<String>>,
    #[serde(default)]
    pub published: Option<Spanned<Datetime>>,
}

impl Workspace {
    pub fn language(&self) -> Language {
        Language::of(self.language.as_ref())
    }
}

/// `topics.toml`: the workspace's catalogue of matters.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicsFile {
    #[serde(default)]
    pub topics: Vec<Spanned<Topic>>,
}

/// One matter of the catalogue, which members' boundaries name by its id.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default)]
    pub area: Option<Spanned<String>>,
}
