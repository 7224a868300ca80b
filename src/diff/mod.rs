//! The semantic diff of two versions of a project: what changed in the list — departments and
//! every entry in them, field by field as the model describes them — and which checks started or
//! stopped failing. Rendering is in `report`.

mod boundaries;
mod departments;
mod fields;
mod matching;
pub mod report;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use serde::{Serialize, Serializer};

pub use matching::match_by_text;

use crate::check;
use crate::diagnostic::{Report, Severity};
use crate::i18n::Message;
use crate::model::describe::{self, Described};
use crate::model::{Department, Language, Project, Totals};

/// Everything that changed between two versions.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    /// The language of the report: values (enum labels, yes and no) and notes are in it.
    #[serde(skip)]
    pub language: Language,
    pub site: Vec<FieldChange>,
    pub departments: Vec<DepartmentDiff>,
    /// Boundaries are matched across the project: a boundary whose lead changes moves file.
    pub boundaries: Vec<EntryChange>,
    pub checks: ChecksDiff,
}

impl Default for Diff {
    fn default() -> Self {
        Diff {
            language: Language::ZhCn,
            site: Vec::new(),
            departments: Vec::new(),
            boundaries: Vec::new(),
            checks: ChecksDiff::default(),
        }
    }
}

impl Diff {
    /// True when the list itself changed (not only which checks pass).
    pub fn has_changes(&self) -> bool {
        !self.site.is_empty() || !self.departments.is_empty() || !self.boundaries.is_empty()
    }

    /// Added, removed, changed and renamed entries per kind, in the model's order.
    pub fn counts(&self) -> Vec<(Entity, [usize; 4])> {
        let mut counts: BTreeMap<Entity, [usize; 4]> = BTreeMap::new();
        let mut add = |entity: Entity, status: Status| {
            let slot = match status {
                Status::Added => 0,
                Status::Removed => 1,
                Status::Changed => 2,
                Status::Renamed => 3,
            };
            counts.entry(entity).or_default()[slot] += 1;
        };
        for d in &self.departments {
            if d.status != Status::Changed {
                add(Entity::of::<Department>(), d.status);
            }
            for c in &d.changes {
                add(c.entity, c.status);
            }
        }
        for c in &self.boundaries {
            add(c.entity, c.status);
        }
        counts.into_iter().collect()
    }
}

/// A kind of entry (department, work item, …), as the model describes it. Kinds sort in the
/// order the model nests them.
#[derive(Clone, Copy)]
pub struct Entity(pub &'static describe::Entity);

impl Entity {
    pub fn of<T: Described>() -> Entity {
        Entity(T::description())
    }

    /// Its English name: `work item`.
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// Its Chinese name, for reports read by staffing-office reviewers: `具体工作事项`.
    pub fn label(self) -> &'static str {
        self.0.zh
    }

    /// Its place in a department file, depth first.
    fn rank(self) -> usize {
        let all = Department::description().walk();
        all.iter()
            .position(|e| e.key == self.0.key)
            .unwrap_or(all.len())
    }
}

/// Kinds are told apart by their keys, which are unique.
impl PartialEq for Entity {
    fn eq(&self, other: &Self) -> bool {
        self.0.key == other.0.key
    }
}

impl Eq for Entity {}

impl PartialOrd for Entity {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entity {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.rank(), self.0.key).cmp(&(other.rank(), other.0.key))
    }
}

impl fmt::Debug for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.key)
    }
}

/// As its stable key: `work-item`.
impl Serialize for Entity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Added,
    Removed,
    Changed,
    Renamed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The field's key; a field of a nested table is `case.title`.
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// One entry that was added, removed or changed.
#[derive(Debug, Clone, Serialize)]
pub struct EntryChange {
    pub entity: Entity,
    pub status: Status,
    /// How to find it in the files: `d02 #3`, `wrfz`, `illegal-parking` … (JSON only: reports
    /// name entries by what a reviewer recognises, `within` and `label`).
    pub key: String,
    /// What it is called: its title, name or text.
    pub label: String,
    /// The entry it belongs to, when it has no name of its own beyond its text: a work item's
    /// duty, an indicator's regime (its kind and title).
    pub within: Option<Within>,
    pub fields: Vec<FieldChange>,
    /// What a reviewer must not miss: a lead moved, a power delegated, an item's new office.
    /// Put into words by the report, in its language (JSON too).
    #[serde(skip)]
    pub notes: Vec<Message>,
}

/// The entry holding another: its kind and its title.
#[derive(Debug, Clone, Serialize)]
pub struct Within {
    pub entity: Entity,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DepartmentDiff {
    pub id: String,
    pub name: String,
    pub status: Status,
    /// For a renamed department, its old id.
    pub renamed_from: Option<String>,
    /// What an added or removed department lists.
    pub totals: Option<Totals>,
    pub file: String,
    pub changes: Vec<EntryChange>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ChecksDiff {
    /// Problems in the new version that the old one did not have.
    pub new: Vec<Problem>,
    /// Problems of the old version that are gone.
    pub fixed: Vec<Problem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// Compares two loaded versions of a project, for a report in `language`.
pub fn diff(old: &Project, new: &Project, language: Language) -> Diff {
    let departments = departments::departments(old, new, language);
    let renamed: HashMap<String, String> = departments
        .iter()
        .filter_map(|d| d.renamed_from.clone().map(|from| (from, d.id.clone())))
        .collect();
    Diff {
        language,
        site: site(old, new, language),
        boundaries: boundaries::boundaries(old, new, &renamed, language),
        departments,
        checks: checks(old, new, language),
    }
}

/// The changes to `[site]`.
fn site(old: &Project, new: &Project, language: Language) -> Vec<FieldChange> {
    let fields = |p: &Project| match &p.site {
        Some(file) => {
            let site = file.site.get_ref();
            let mut all = fields::fields(site, &fields::Side::site(p, language));
            // `language` left out is the default language: the same site either way.
            if site.language.is_none() {
                let default = crate::model::Language::ZhCn;
                let shown = if language == crate::model::Language::ZhCn {
                    default.label()
                } else {
                    default.english()
                };
                for (key, value) in &mut all {
                    if key == "language" {
                        *value = shown.to_string();
                    }
                }
            }
            all
        }
        None => Vec::new(),
    };
    fields::compare(&fields(old), &fields(new))
}

fn checks(old: &Project, new: &Project, language: Language) -> ChecksDiff {
    let problems = |p: &Project| -> Vec<Problem> {
        let report = Report {
            sources: &p.sources,
            display_root: std::path::PathBuf::new(),
            language,
        };
        check::check(p)
            .iter()
            .map(|d| {
                let l = report.locate(d);
                Problem {
                    code: l.code,
                    severity: l.severity,
                    message: l.message,
                    file: l.file,
                    line: l.line,
                    column: l.column,
                }
            })
            .collect()
    };
    let key = |p: &Problem| (p.code, p.file.clone(), p.message.clone());
    let (before, after) = (problems(old), problems(new));
    let before_keys: HashSet<_> = before.iter().map(key).collect();
    let after_keys: HashSet<_> = after.iter().map(key).collect();
    ChecksDiff {
        new: after
            .iter()
            .filter(|p| !before_keys.contains(&key(p)))
            .cloned()
            .collect(),
        fixed: before
            .iter()
            .filter(|p| !after_keys.contains(&key(p)))
            .cloned()
            .collect(),
    }
}
