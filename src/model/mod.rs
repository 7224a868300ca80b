//! The source format of FORMAT.md as serde types, with the spans of their values kept so that
//! every diagnostic can point at a line and column. No I/O and no HTML here.

pub mod describe;
pub mod labels;
mod phone;
mod project;
pub mod schema;
mod spanned;
pub mod workspace;

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

pub use phone::PhoneNumber;
pub use project::Project;
use resplist_derive::Described;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
pub use spanned::Spanned;
pub use toml::value::Datetime;

pub use labels::{Language, PowerKind, PowerStatus, ServiceCategory, SupervisionCategory};
use schema::TomlDate;

/// `resplist.toml`: the site as a whole (站点).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Described)]
#[entity(key = "site-file", name = "resplist.toml", zh = "站点文件")]
#[serde(deny_unknown_fields)]
#[schemars(title = "resplist.toml")]
pub struct SiteFile {
    #[field(zh = "站点", en = "The site")]
    pub site: Spanned<Site>,
    #[serde(default)]
    #[field(zh = "生成", en = "How the site is built")]
    pub build: Option<Spanned<Build>>,
    #[serde(default)]
    #[field(zh = "搜索", en = "Search settings")]
    pub search: Option<Spanned<SearchSettings>>,
}

/// `[site]` 站点: the jurisdiction and how its list is published.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Described)]
#[entity(key = "site", name = "site", zh = "站点", title = "title")]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Required. 标题 the site's title, e.g. "春江县政府部门责任清单".
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "标题", en = "Title")]
    pub title: Spanned<String>,
    /// Required. 行政区 the jurisdiction, e.g. "春江县".
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "行政区", en = "Jurisdiction")]
    pub jurisdiction: Spanned<String>,
    #[serde(default)]
    #[schemars(extend("default" = "zh-CN"))]
    #[field(zh = "语言", en = "Language of the site's own words")]
    pub language: Option<Spanned<Language>>,
    /// Optional. 网址 the address the site is published at (http/https); only for the sitemap
    /// and canonical links.
    #[serde(default)]
    #[field(kind = Url, zh = "网址", en = "Address the site is published at")]
    pub base_url: Option<Spanned<String>>,
    /// Optional. 发布日期 the edition date shown on the site: a TOML date without quotes, e.g.
    /// `published = 2015-10-15`.
    #[serde(default)]
    #[schemars(with = "TomlDate")]
    #[field(zh = "发布日期", en = "Edition date")]
    pub published: Option<Spanned<Datetime>>,
    /// Optional. 意见反馈 where the public sends comments: https://…, http://… or mailto:….
    #[serde(default)]
    #[field(kind = Url, zh = "意见反馈", en = "Where the public sends comments")]
    pub feedback: Option<Spanned<String>>,
    /// Optional. 意见反馈电话 the phone number for comments.
    #[serde(default)]
    #[field(kind = Phone, zh = "意见反馈电话", en = "Phone for comments")]
    pub feedback_phone: Option<Spanned<String>>,
}

impl Site {
    pub fn language(&self) -> Language {
        Language::of(self.language.as_ref())
    }
}

/// `[build]` 生成: where and how the site is written.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema, Described)]
#[entity(key = "build", name = "build settings", zh = "生成设置")]
#[serde(deny_unknown_fields)]
pub struct Build {
    /// Optional. 输出目录 where the site is written, relative to the project (default "public").
    #[serde(default)]
    #[schemars(extend("default" = "public"))]
    #[field(kind = Text, zh = "输出目录", en = "Output directory")]
    pub output: Option<Spanned<String>>,
    /// Optional. 主题目录 a theme directory whose files override the built-in theme's (an
    /// extension of FORMAT.md).
    #[serde(default)]
    #[field(kind = Text, zh = "主题目录", en = "Theme directory")]
    pub theme: Option<Spanned<String>>,
    /// How many of the latest adjustments the change-history page lists (动态调整记录); off
    /// when absent or 0 (an extension of FORMAT.md).
    #[serde(default)]
    #[field(zh = "动态调整记录", en = "Adjustments listed on the history page")]
    pub history: Option<Spanned<u32>>,
    /// Optional. 单页大小上限 the most bytes the home page and each index page may have (default
    /// 1000000, 1 MB): a list of departments, boundaries, regimes or services that would make
    /// one longer is split into numbered pages; 0 for no limit (an extension of FORMAT.md).
    #[serde(default)]
    #[field(zh = "单页大小上限", en = "Largest page, in bytes")]
    pub page_limit: Option<Spanned<u32>>,
    /// Optional. 完整打印版大小上限 above this many bytes (estimated; default 10000000, 10 MB)
    /// the whole-list `print.html` is not written and the list prints by volume; 0 for no limit
    /// (an extension of FORMAT.md).
    #[serde(default)]
    #[field(
        zh = "完整打印版大小上限",
        en = "Largest whole print edition, in bytes"
    )]
    pub print_limit: Option<Spanned<u32>>,
}

/// `[search]` 搜索: the search box's example queries, and the project's own synonyms (FORMAT.md
/// 1.1), added to the built-in dictionary.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema, Described)]
#[entity(key = "search", name = "search settings", zh = "搜索设置")]
#[serde(deny_unknown_fields)]
pub struct SearchSettings {
    /// Optional. 示例搜索词 the search box's example queries, e.g. ["油烟扰民", "渣土撒落"];
    /// default: taken from the project's own boundaries.
    #[serde(default)]
    #[field(kind = Texts, zh = "示例搜索词", en = "Example queries")]
    pub examples: Option<Spanned<Vec<Spanned<String>>>>,
    /// Optional. 同义词 words citizens use ↔ words the list uses: each group 2 or more distinct
    /// words, every one of them found by any of them, e.g. [["噪音", "噪声"]].
    #[serde(default)]
    #[schemars(with = "Option<Vec<SynonymGroup>>")]
    #[field(kind = Groups, zh = "同义词", en = "Synonyms")]
    pub synonyms: Option<Spanned<Vec<SynonymGroupSpanned>>>,
}

/// One group of synonyms as read, with the place of each word.
pub type SynonymGroupSpanned = Spanned<Vec<Spanned<String>>>;

/// One group of synonyms: 2 or more distinct, non-empty words.
#[derive(JsonSchema)]
#[schemars(transparent)]
#[allow(dead_code)]
struct SynonymGroup(#[schemars(length(min = 2))] Vec<SynonymWord>);

#[derive(JsonSchema)]
#[schemars(transparent)]
#[allow(dead_code)]
struct SynonymWord(#[schemars(length(min = 1))] String);

/// What a department file held that could not be read (each reported as an error), so that the
/// checks on the rest of it neither count nor blame what is missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unread {
    /// How many entries (a section, a work item, a boundary, …) could not be read.
    pub entries: usize,
    /// The ids of the entries that could not be read: a reference to one is not reported.
    pub ids: BTreeSet<String>,
    /// The section and power ids those entries name: not reported as unused.
    pub named: BTreeSet<String>,
    /// Duties some of whose work items could not be read: not reported as without items.
    pub duties: BTreeSet<String>,
    /// Whether a public service could not be read: the department is not reported as having none.
    pub services: bool,
}

/// One government department's list (部门责任清单): one file under `departments/`; the file
/// name is the department's id.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Described)]
#[entity(key = "department", name = "department", zh = "部门", title = "name")]
#[serde(deny_unknown_fields)]
#[schemars(title = "resplist department file")]
pub struct Department {
    /// The file stem; set by the loader, never written in the file.
    #[serde(skip_deserializing)]
    #[field(skip)]
    pub id: String,
    /// What the file held that could not be read; set by the loader, never written in the file.
    #[serde(skip)]
    #[schemars(skip)]
    #[field(skip)]
    pub unread: Unread,
    /// Required. 部门全称 the department's full name, e.g. "春江县环境保护局".
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "部门全称", en = "Full name")]
    pub name: Spanned<String>,
    /// Optional. 简称 the short name used in tables and diagrams, e.g. "环保局".
    #[serde(default)]
    #[field(kind = Text, zh = "简称", en = "Short name")]
    pub short_name: Option<Spanned<String>>,
    /// Optional. 排序 sort key for listings (then by id).
    #[serde(default)]
    #[field(zh = "排序", en = "Sort key for listings")]
    pub order: Option<Spanned<i64>>,
    /// Optional. 电话 main or supervision phone: digits, spaces, hyphens, parentheses, a leading
    /// +, at least 5 digits, optionally `转 8001` or `ext. 8001`.
    #[serde(default)]
    #[field(kind = Phone, zh = "电话", en = "Main or supervision phone")]
    pub phone: Option<Spanned<String>>,
    /// Optional. 地址 the address.
    #[serde(default)]
    #[field(kind = Text, zh = "地址", en = "Address")]
    pub address: Option<Spanned<String>>,
    /// Optional. 网站 the department's website (http/https).
    #[serde(default)]
    #[field(kind = Url, zh = "网站", en = "Website")]
    pub website: Option<Spanned<String>>,
    /// Optional. 简介 an introduction, in Markdown.
    #[serde(default)]
    #[field(kind = Markdown, zh = "简介", en = "Summary")]
    pub summary: Option<Spanned<String>>,
    /// 科室 the responsible offices, one `[[sections]]` each.
    #[serde(default)]
    #[field(zh = "科室", en = "Responsible offices")]
    pub sections: Vec<Spanned<Section>>,
    /// 权力清单 the entries of the power list that this list refers to, one `[[powers]]` each.
    #[serde(default)]
    #[field(zh = "权力清单", en = "Power-list entries")]
    pub powers: Vec<Spanned<Power>>,
    /// 主要职责 the main duties, one `[[duties]]` each, with their work items.
    #[serde(default)]
    #[field(zh = "主要职责", en = "Main duties")]
    pub duties: Vec<Spanned<Duty>>,
    /// 职责边界 the duty boundaries this department leads, one `[[boundaries]]` each (written
    /// only in the lead department's file).
    #[serde(default)]
    #[field(zh = "职责边界", en = "Duty boundaries led")]
    pub boundaries: Vec<Spanned<Boundary>>,
    /// 事中事后监管制度 the supervision regimes, one `[[supervision]]` each.
    #[serde(default)]
    #[field(zh = "事中事后监管制度", en = "Supervision regimes")]
    pub supervision: Vec<Spanned<SupervisionRegime>>,
    /// 公共服务事项 the public services, one `[[services]]` each.
    #[serde(default)]
    #[field(zh = "公共服务事项", en = "Public services")]
    pub services: Vec<Spanned<PublicService>>,
    /// Sections and powers by id, built on first lookup, so that resolving every work item's
    /// section stays linear however many sections a file declares.
    #[serde(skip)]
    #[schemars(skip)]
    #[field(skip)]
    lookup: OnceLock<Lookup>,
}

/// Positions in `sections` and `powers` by id; the first of duplicate ids wins, as in a scan.
#[derive(Debug, Clone, Default)]
struct Lookup {
    sections: HashMap<String, usize>,
    powers: HashMap<String, usize>,
}

impl Department {
    fn lookup(&self) -> &Lookup {
        self.lookup.get_or_init(|| {
            let mut lookup = Lookup::default();
            for (at, s) in self.sections.iter().enumerate() {
                lookup
                    .sections
                    .entry(s.get_ref().id.get_ref().clone())
                    .or_insert(at);
            }
            for (at, p) in self.powers.iter().enumerate() {
                lookup
                    .powers
                    .entry(p.get_ref().id.get_ref().clone())
                    .or_insert(at);
            }
            lookup
        })
    }

    /// The name used in tables and diagrams.
    pub fn display_name(&self) -> &str {
        self.short_name.as_ref().unwrap_or(&self.name).get_ref()
    }

    pub fn work_item_count(&self) -> usize {
        self.duties.iter().map(|d| d.get_ref().items.len()).sum()
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        let at = *self.lookup().sections.get(id)?;
        self.sections.get(at).map(Spanned::get_ref)
    }

    pub fn power(&self, id: &str) -> Option<&Power> {
        let at = *self.lookup().powers.get(id)?;
        self.powers.get(at).map(Spanned::get_ref)
    }
}

/// A responsible office (科室) and the number citizens call.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Described)]
#[entity(key = "section", name = "section", zh = "科室", title = "name")]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Required. The office's id, unique among this file's sections: lowercase letters, digits
    /// and hyphens, e.g. "wrfz".
    #[schemars(regex(pattern = ID_PATTERN))]
    #[field(kind = Id, zh = "编号", en = "Office id, unique within the department")]
    pub id: Spanned<String>,
    /// Required. 科室名称 the office's name, e.g. "污染防治科".
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "科室名称", en = "Office name")]
    pub name: Spanned<String>,
    /// Required. 电话 the number citizens call: digits, spaces, hyphens, parentheses, a leading
    /// +, at least 5 digits, optionally `转 8001` or `ext. 8001`.
    #[schemars(length(min = 1))]
    #[field(kind = Phone, zh = "电话", en = "Phone citizens call")]
    pub phone: Spanned<String>,
}

/// An entry of the department's power list (权力清单) that the responsibility list refers to.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Described)]
#[entity(key = "power", name = "power", zh = "权力事项", title = "name")]
#[serde(deny_unknown_fields)]
#[schemars(transform = |s: &mut schemars::Schema| schema::delegate_required(s, "delegated_to"))]
pub struct Power {
    /// Required. The power's id, unique among this file's powers, e.g. "xk-paiwu".
    #[schemars(regex(pattern = ID_PATTERN))]
    #[field(kind = Id, zh = "编号", en = "Power id, unique within the department")]
    pub id: Spanned<String>,
    /// Required. 权力名称 the power's name, e.g. "排污许可证核发".
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "权力名称", en = "Name of the power")]
    pub name: Spanned<String>,
    #[field(zh = "权力类型", en = "Kind of power")]
    pub kind: Spanned<PowerKind>,
    #[field(zh = "权力状态", en = "What became of the power")]
    pub status: Spanned<PowerStatus>,
    /// 承接单位 who exercises the power now; required when the status is transferred (转移) or
    /// delegated (委托下放), e.g. "各乡镇（街道）".
    #[serde(default)]
    #[field(kind = Text, zh = "承接单位", en = "Who exercises a transferred or delegated power")]
    pub delegated_to: Option<Spanned<String>>,
    /// Optional. 实施依据 the legal basis.
    #[serde(default)]
    #[field(kind = Basis, zh = "实施依据", en = "Legal basis")]
    pub basis: Vec<Spanned<String>>,
}

impl Power {
    /// Who exercises the power now, when the list says so.
    pub fn delegate(&self) -> Option<&str> {
        self.delegated_to
            .as_ref()
            .map(|t| t.get_ref().trim())
            .filter(|t| !t.is_empty())
    }
}

/// A main duty (主要职责) with its legal basis and its specific work items.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Described)]
#[entity(key = "duty", name = "duty", zh = "主要职责", title = "title")]
#[serde(deny_unknown_fields)]
pub struct Duty {
    /// Required. The duty's id, unique among this file's duties, e.g. "d01".
    #[schemars(regex(pattern = ID_PATTERN))]
    #[field(kind = Id, zh = "编号", en = "Duty id, unique within the department")]
    pub id: Spanned<String>,
    /// Required. 职责 the duty as the 三定方案 words it.
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "职责", en = "The duty")]
    pub title: Spanned<String>,
    /// Required, at least one. 职责依据 the legal basis (职责法定), e.g. ["三定方案"].
    #[schemars(length(min = 1))]
    #[field(kind = Basis, zh = "职责依据", en = "Legal basis")]
    pub basis: Spanned<Vec<Spanned<String>>>,
    /// Optional. 备注 a note.
    #[serde(default)]
    #[field(kind = Text, zh = "备注", en = "Remarks")]
    pub note: Option<Spanned<String>>,
    /// 具体工作事项 the specific work items, one `[[duties.items]]` each.
    #[serde(default)]
    #[field(zh = "具体工作事项", en = "Work items")]
    pub items: Vec<Spanned<WorkItem>>,
}

/// A specific work item (具体工作事项), assigned to one responsible office.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Described)]
#[entity(
    key = "work-item",
    name = "work item",
    zh = "具体工作事项",
    title = "text"
)]
#[serde(deny_unknown_fields)]
pub struct WorkItem {
    /// Required. 工作事项 what is done.
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "工作事项", en = "The work item")]
    pub text: Spanned<String>,
    /// Required. 责任科室 the id of one of this file's `[[sections]]`.
    #[schemars(regex(pattern = ID_PATTERN))]
    #[field(kind = SectionRef, zh = "责任科室", en = "Responsible office id")]
    pub section: Spanned<String>,
    /// Optional. 对应权力 ids of this file's `[[powers]]`, which must be retained (保留).
    #[serde(default)]
    #[schemars(inner(regex(pattern = ID_PATTERN)))]
    #[field(kind = PowerRefs, zh = "对应权力", en = "Ids of the powers exercised")]
    pub powers: Vec<Spanned<String>>,
    /// Optional. 备注 a note, e.g. "由县环境监测站承担".
    #[serde(default)]
    #[field(kind = Text, zh = "备注", en = "Remarks")]
    pub note: Option<Spanned<String>>,
}

/// A duty boundary (职责边界): one matter, one lead department (this file's), and its partners.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Described)]
#[entity(key = "boundary", name = "boundary", zh = "职责边界", title = "title")]
#[serde(deny_unknown_fields)]
pub struct Boundary {
    /// Required. The boundary's id, unique in the whole project, e.g. "water-pollution".
    #[schemars(regex(pattern = ID_PATTERN))]
    #[field(kind = Id, zh = "编号", en = "Boundary id")]
    pub id: Spanned<String>,
    /// Required. 事项 the matter, unique in the whole project (one matter, one lead).
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "事项", en = "The matter")]
    pub title: Spanned<String>,
    /// Required. 领域 free text; the site groups boundaries by it, e.g. "环境保护".
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "领域", en = "Area")]
    pub area: Spanned<String>,
    /// Optional. 对应事项 the matter of the workspace's catalogue (`topics.toml`) this boundary
    /// is, so that a province's site compares who leads it in each jurisdiction, e.g.
    /// "youyan-raomin". Accepted and ignored in a project built on its own (FORMAT.md 1.1).
    #[serde(default)]
    #[schemars(regex(pattern = ID_PATTERN))]
    #[field(kind = TopicRef, zh = "对应事项", en = "Topic")]
    pub topic: Option<Spanned<String>>,
    /// Required. 牵头部门职责 what the lead (this department) does.
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "牵头部门职责", en = "What the lead department does")]
    pub lead_duty: Spanned<String>,
    /// Required, at least one. 协办部门 the partner departments, one
    /// `[[boundaries.partners]]` each.
    #[schemars(length(min = 1))]
    #[field(zh = "协办部门", en = "Partner departments")]
    pub partners: Spanned<Vec<Spanned<Partner>>>,
    /// Required. 模拟案例 the mock case, `[boundaries.case]`.
    #[field(zh = "模拟案例", en = "Mock case")]
    pub case: Spanned<MockCase>,
}

impl Boundary {
    /// The lead's part in the matter, in the shape of a partner's: the open-data table of roles
    /// and the pages list the lead and the partners alike.
    pub fn lead_role(&self, lead: &str) -> Partner {
        Partner {
            department: Spanned::new(0..0, lead.to_string()),
            duty: self.lead_duty.clone(),
        }
    }
}

/// A partner department (协办) of a boundary and its part.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Described)]
#[entity(key = "partner", name = "partner", zh = "协办部门")]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// Required. The id of another department (its file name without `.toml`).
    #[schemars(regex(pattern = ID_PATTERN))]
    #[field(kind = DepartmentRef, zh = "协办部门", en = "Department id")]
    pub department: Spanned<String>,
    /// Required. 协办部门职责 what the partner does.
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "协办部门职责", en = "What this department does in the matter")]
    pub duty: Spanned<String>,
}

/// The mock case (模拟案例) that shows who does what in a boundary matter.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Described)]
#[entity(key = "case", name = "mock case", zh = "模拟案例", title = "title")]
#[serde(deny_unknown_fields)]
pub struct MockCase {
    /// Required. 案例名称 the case's title.
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "案例名称", en = "Title of the mock case")]
    pub title: Spanned<String>,
    /// Required. 案情 the scenario, in Markdown.
    #[schemars(length(min = 1))]
    #[field(kind = Markdown, zh = "案情", en = "Scenario of the mock case")]
    pub scenario: Spanned<String>,
    /// 处置步骤 the steps, in order, one `[[boundaries.case.steps]]` each.
    #[serde(default)]
    #[field(zh = "处置步骤", en = "Steps")]
    pub steps: Vec<Spanned<CaseStep>>,
}

/// One step of a mock case (处置步骤), taken by the lead or a partner.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Described)]
#[entity(key = "case-step", name = "mock-case step", zh = "模拟案例步骤")]
#[serde(deny_unknown_fields)]
pub struct CaseStep {
    /// Required. The id of the department that acts: the lead or one of the partners.
    #[schemars(regex(pattern = ID_PATTERN))]
    #[field(kind = DepartmentRef, zh = "处置部门", en = "Department that acts")]
    pub department: Spanned<String>,
    /// Required. 处置措施 what it does.
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "处置措施", en = "What it does")]
    pub action: Spanned<String>,
}

/// An in-process and after-the-fact supervision regime (事中事后监管制度).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Described)]
#[entity(
    key = "supervision",
    name = "supervision regime",
    zh = "事中事后监管制度",
    title = "title"
)]
#[serde(deny_unknown_fields)]
#[schemars(transform = schema::regime_powers_required)]
pub struct SupervisionRegime {
    /// Required. The regime's id, unique among this file's regimes, e.g. "zhaijidi".
    #[schemars(regex(pattern = ID_PATTERN))]
    #[field(kind = Id, zh = "编号", en = "Regime id, unique within the department")]
    pub id: Spanned<String>,
    /// Required. 监管事项 the regime's title.
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "监管事项", en = "Title")]
    pub title: Spanned<String>,
    #[field(zh = "监管类别", en = "Category")]
    pub category: Spanned<SupervisionCategory>,
    /// 监管的权力 ids of this file's `[[powers]]`; required and non-empty for the four power
    /// categories (审批事项, 取消权力, 转移权力, 委托下放权力), whose powers must have the
    /// matching status.
    #[serde(default)]
    #[schemars(inner(regex(pattern = ID_PATTERN)))]
    #[field(kind = PowerRefs, zh = "监管的权力", en = "Ids of the powers supervised")]
    pub powers: Option<Spanned<Vec<Spanned<String>>>>,
    /// Optional. 责任科室 the id of one of this file's `[[sections]]`.
    #[serde(default)]
    #[schemars(regex(pattern = ID_PATTERN))]
    #[field(kind = SectionRef, zh = "责任科室", en = "Responsible office id")]
    pub section: Option<Spanned<String>>,
    /// Required, at least one. 监管措施 the concrete measures.
    #[schemars(length(min = 1), inner(length(min = 1)))]
    #[field(kind = Texts, zh = "监管措施", en = "Measures")]
    pub measures: Spanned<Vec<Spanned<String>>>,
    /// Optional. 处理程序 the procedure, in Markdown.
    #[serde(default)]
    #[field(kind = Markdown, zh = "处理程序", en = "Procedure")]
    pub procedure: Option<Spanned<String>>,
    /// Optional. 处罚标准 the penalties, in Markdown.
    #[serde(default)]
    #[field(kind = Markdown, zh = "处罚标准", en = "Penalty standards")]
    pub penalty: Option<Spanned<String>>,
    /// Optional. 考核指标 measurable targets, one `[[supervision.indicators]]` each.
    #[serde(default)]
    #[field(zh = "考核指标", en = "Indicators")]
    pub indicators: Vec<Spanned<Indicator>>,
}

impl SupervisionRegime {
    /// The ids of the powers the regime covers, empty when it names none.
    pub fn power_ids(&self) -> impl Iterator<Item = &Spanned<String>> {
        self.powers.iter().flat_map(|p| p.get_ref().iter())
    }
}

/// A measurable target (考核指标) of a supervision regime.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Described)]
#[entity(key = "indicator", name = "indicator", zh = "监管指标", title = "name")]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Required. 指标 what is measured, e.g. "卷宗检查率".
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "指标", en = "Indicator")]
    pub name: Spanned<String>,
    /// Required. 目标值 the target, e.g. "100%".
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "目标值", en = "Target value")]
    pub target: Spanned<String>,
}

/// A public service (公共服务事项) citizens receive directly.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Described)]
#[entity(
    key = "service",
    name = "public service",
    zh = "公共服务事项",
    title = "title"
)]
#[serde(deny_unknown_fields)]
pub struct PublicService {
    /// Required. The service's id, unique among this file's services, e.g. "qiche-weixiu".
    #[schemars(regex(pattern = ID_PATTERN))]
    #[field(kind = Id, zh = "编号", en = "Service id, unique within the department")]
    pub id: Spanned<String>,
    /// Required. 服务事项 the service's title.
    #[schemars(length(min = 1))]
    #[field(kind = Text, zh = "服务事项", en = "Title")]
    pub title: Spanned<String>,
    #[field(zh = "服务类别", en = "Category")]
    pub category: Spanned<ServiceCategory>,
    /// Optional. 服务内容 a description, in Markdown.
    #[serde(default)]
    #[field(kind = Markdown, zh = "服务内容", en = "What is offered")]
    pub description: Option<Spanned<String>>,
    /// Optional. 服务对象 who the service is for, e.g. "村（社区）居民" (FORMAT.md 1.1).
    #[serde(default)]
    #[field(kind = Text, zh = "服务对象", en = "Who the service is for")]
    pub audience: Option<Spanned<String>>,
    /// Optional. 服务频次 how often, e.g. "每年一次".
    #[serde(default)]
    #[field(kind = Text, zh = "服务频次", en = "How often")]
    pub frequency: Option<Spanned<String>>,
    /// Optional. 责任科室 the id of one of this file's `[[sections]]` (its phone is shown).
    #[serde(default)]
    #[schemars(regex(pattern = ID_PATTERN))]
    #[field(kind = SectionRef, zh = "责任科室", en = "Responsible office id")]
    pub section: Option<Spanned<String>>,
    /// Optional. 法定职责外 true when the service is offered beyond the
    /// department's statutory functions.
    #[serde(default)]
    #[schemars(extend("default" = false))]
    #[field(
        zh = "法定职责外",
        en = "Offered beyond the department's statutory functions"
    )]
    pub beyond_statutory: Option<Spanned<bool>>,
}

/// The id rule of FORMAT.md as a regular expression (for the JSON Schemas; the checker uses
/// [`is_valid_id`]).
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]{0,63}$";

/// The id rule of FORMAT.md: `^[a-z0-9][a-z0-9-]{0,63}$`.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    let ok = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    match bytes.split_first() {
        Some((first, rest)) => {
            ok(first) && rest.len() <= 63 && rest.iter().all(|b| ok(b) || *b == b'-')
        }
        None => false,
    }
}

/// Names Windows reserves for devices: a file `con.toml` or a page `con.html` cannot exist
/// there, so a department or boundary id (which names files) must not be one of them.
pub fn is_reserved_name(id: &str) -> bool {
    let device = |prefix: &str| {
        id.strip_prefix(prefix)
            .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit() && n != "0")
    };
    matches!(id, "con" | "prn" | "aux" | "nul") || device("com") || device("lpt")
}

/// The counts the seed reports for a list, in its order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub departments: usize,
    pub duties: usize,
    pub work_items: usize,
    pub boundaries: usize,
    pub supervision: usize,
    pub services: usize,
}

impl Totals {
    /// Adds `other`'s counts to these (a workspace's total of its members).
    pub fn add(&mut self, other: &Totals) {
        self.departments += other.departments;
        self.duties += other.duties;
        self.work_items += other.work_items;
        self.boundaries += other.boundaries;
        self.supervision += other.supervision;
        self.services += other.services;
    }

    pub fn of<'a>(departments: impl IntoIterator<Item = &'a Department>) -> Totals {
        let mut t = Totals::default();
        for d in departments {
            t.departments += 1;
            t.duties += d.duties.len();
            t.work_items += d.work_item_count();
            t.boundaries += d.boundaries.len();
            t.supervision += d.supervision.len();
            t.services += d.services.len();
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_names() {
        for reserved in ["con", "nul", "com1", "lpt9"] {
            assert!(is_reserved_name(reserved), "{reserved}");
        }
        for fine in ["cons", "com0", "com", "nul-1", "huanbao", "com10"] {
            assert!(!is_reserved_name(fine), "{fine}");
        }
    }

    #[test]
    fn id_rule() {
        for good in [
            "a",
            "0",
            "huanbao",
            "water-pollution",
            "d01",
            &"a".repeat(64),
        ] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in [
            "",
            "-a",
            "A",
            "huan bao",
            "环保",
            "a_b",
            "a.b",
            "../x",
            &"a".repeat(65),
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn enums_accept_key_label_and_short_form() {
        assert_eq!(PowerStatus::parse("委托下放"), Some(PowerStatus::Delegated));
        assert_eq!(
            PowerStatus::parse("delegated"),
            Some(PowerStatus::Delegated)
        );
        assert_eq!(
            ServiceCategory::parse("经济性"),
            Some(ServiceCategory::Economic)
        );
        assert_eq!(
            ServiceCategory::parse("经济性服务"),
            Some(ServiceCategory::Economic)
        );
        assert_eq!(
            SupervisionCategory::parse("重点领域"),
            Some(SupervisionCategory::KeyArea)
        );
        assert_eq!(PowerKind::parse("Licensing"), None);
    }

    /// The schema's `enum` is exactly the set of spellings `parse` accepts.
    fn schema_matches_parse<T>(
        all: &[T],
        spellings: fn(T) -> &'static [&'static str],
        parse: fn(&str) -> Option<T>,
    ) where
        T: JsonSchema + Copy + PartialEq + std::fmt::Debug,
    {
        let schema = schemars::schema_for!(T);
        let listed: Vec<&str> = schema
            .get("enum")
            .and_then(|e| e.as_array())
            .map(|e| e.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let mut accepted = Vec::new();
        for value in all {
            for spelling in spellings(*value) {
                assert_eq!(parse(spelling), Some(*value), "{spelling}");
                accepted.push(*spelling);
            }
        }
        assert_eq!(listed, accepted);
    }

    #[test]
    fn enum_schemas_list_exactly_what_parse_accepts() {
        schema_matches_parse(PowerKind::ALL, PowerKind::spellings, PowerKind::parse);
        schema_matches_parse(PowerStatus::ALL, PowerStatus::spellings, PowerStatus::parse);
        schema_matches_parse(
            SupervisionCategory::ALL,
            SupervisionCategory::spellings,
            SupervisionCategory::parse,
        );
        schema_matches_parse(
            ServiceCategory::ALL,
            ServiceCategory::spellings,
            ServiceCategory::parse,
        );
        schema_matches_parse(Language::ALL, Language::spellings, Language::parse);
    }

    #[test]
    fn id_pattern_is_the_id_rule() {
        let schema = serde_json::json!({"type": "string", "pattern": ID_PATTERN});
        let validator = jsonschema::validator_for(&schema).map_err(|e| e.to_string());
        let Ok(validator) = validator else {
            panic!("{validator:?}");
        };
        for id in [
            "a",
            "0",
            "water-pollution",
            "d01",
            "a-",
            &"a".repeat(64),
            "",
            "-a",
            "A",
            "a_b",
            "环保",
            "a b",
            &"a".repeat(65),
            "a\n",
        ] {
            assert_eq!(
                validator.is_valid(&serde_json::json!(id)),
                is_valid_id(id),
                "{id:?}"
            );
        }
    }
}
