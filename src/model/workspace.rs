//! A workspace (FORMAT.md 1.1): a `resplist.toml` with `[workspace]` instead of `[site]`, whose
//! members are complete projects in folders below it, and `topics.toml`, the catalogue of
//! matters the members' boundaries map to.

use resplist_derive::Described;
use schemars::JsonSchema;
use serde::Deserialize;

use super::schema::TomlDate;
use super::{Build, Datetime, ID_PATTERN, Language, Spanned};

/// `resplist.toml` of a workspace (工作区文件): many jurisdictions in one site.
#[derive(Debug, Clone, Deserialize, JsonSchema, Described)]
#[entity(key = "workspace-file", name = "resplist.toml", zh = "工作区文件")]
#[serde(deny_unknown_fields)]
pub struct WorkspaceFile {
    #[field(zh = "工作区", en = "The workspace")]
    pub workspace: Spanned<Workspace>,
    #[serde(default)]
    #[field(zh = "生成", en = "How the site is built")]
    pub build: Option<Spanned<Build>>,
}

/// `[workspace]` 工作区: the site of many jurisdictions, each a member project in a folder
/// below the workspace (FORMAT.md 1.1).
#[derive(Debug, Clone, Deserialize, JsonSchema, Described)]
#[entity(key = "workspace", name = "workspace", zh = "工作区", title = "title")]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    /// Required. 标题 the site's title, e.g. "浙江省县级政府部门责任清单".
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "标题", en = "Title")]
    pub title: Spanned<String>,
    #[serde(default)]
    #[schemars(extend("default" = "zh-CN"))]
    #[field(zh = "语言", en = "Language of the site's own words")]
    pub language: Option<Spanned<Language>>,
    /// Required. 成员 the members' folders below the workspace, each a complete project (its own
    /// `resplist.toml` with `[site]`, and `departments/`); a member's id is its folder name (id
    /// rule), each listed once, e.g. ["fuyang", "tonglu"].
    #[schemars(inner(regex(pattern = ID_PATTERN)), extend("uniqueItems" = true))]
    #[field(kind = Texts, zh = "成员", en = "Member folders")]
    pub members: Spanned<Vec<Spanned<String>>>,
    /// Optional. 网址 the address the site is published at (http/https); only for the sitemap
    /// and canonical links.
    #[serde(default)]
    #[field(kind = Url, zh = "网址", en = "Address the site is published at")]
    pub base_url: Option<Spanned<String>>,
    /// Optional. 发布日期 the edition date shown on the site: a TOML date without quotes, e.g.
    /// `published = 2016-01-01`.
    #[serde(default)]
    #[schemars(with = "TomlDate")]
    #[field(zh = "发布日期", en = "Edition date")]
    pub published: Option<Spanned<Datetime>>,
}

impl Workspace {
    pub fn language(&self) -> Language {
        Language::of(self.language.as_ref())
    }
}

/// `topics.toml` 事项目录: the workspace's catalogue of matters, which the members' boundaries
/// name with `topic` so that the site can compare who leads each one in each jurisdiction.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema, Described)]
#[entity(key = "topics-file", name = "topics.toml", zh = "事项目录")]
#[serde(deny_unknown_fields)]
#[schemars(title = "topics.toml")]
pub struct TopicsFile {
    /// 事项 the matters of the catalogue, one `[[topics]]` each.
    #[serde(default)]
    #[field(zh = "事项", en = "Topics")]
    pub topics: Vec<Spanned<Topic>>,
}

/// One matter of the catalogue (事项), which members' boundaries name by its id.
#[derive(Debug, Clone, Deserialize, JsonSchema, Described)]
#[entity(key = "topic", name = "topic", zh = "事项", title = "title")]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Required. 事项编号 the id a boundary names in `topic` (id rule), unique in the catalogue,
    /// e.g. "youyan-raomin".
    #[schemars(regex(pattern = ID_PATTERN))]
    #[field(kind = Id, zh = "事项编号", en = "Topic id")]
    pub id: Spanned<String>,
    /// Required. 事项名称 the matter, e.g. "餐饮服务业油烟扰民的管理和处罚".
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "事项名称", en = "The matter")]
    pub title: Spanned<String>,
    /// Optional. 领域 free text, e.g. "城市管理".
    #[serde(default)]
    #[field(kind = Text, zh = "领域", en = "Area")]
    pub area: Option<Spanned<String>>,
}
