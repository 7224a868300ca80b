//! The semantic diff of two versions of a project: what changed in the list — departments,
//! offices, duties, work items, powers, boundaries, mock-case steps, regimes, services — field by
//! field, and which checks started or stopped failing. Rendering is in `report`.

pub mod report;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use serde::Serialize;

use crate::check;
use crate::diagnostic::{Report, Severity};
use crate::model::Project;
use crate::model::{Boundary, Department, Spanned};

/// Everything that changed between two versions.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    /// The newer version's site language: reports use its words for enum values.
    #[serde(skip)]
    pub language: crate::model::Language,
    pub site: Vec<FieldChange>,
    pub departments: Vec<DepartmentDiff>,
    /// Boundaries are matched across the project: a boundary whose lead changes moves file.
    pub boundaries: Vec<EntryChange>,
    pub checks: ChecksDiff,
}

impl Default for Diff {
    fn default() -> Self {
        Diff {
            language: crate::model::Language::ZhCn,
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

    /// Added, removed, changed and renamed entries per kind, in a fixed order.
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
                add(Entity::Department, d.status);
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Entity {
    Department,
    Section,
    Power,
    Duty,
    WorkItem,
    Boundary,
    Partner,
    CaseStep,
    Supervision,
    Indicator,
    Service,
}

impl Entity {
    pub fn name(self) -> &'static str {
        match self {
            Entity::Department => "department",
            Entity::Section => "section",
            Entity::Power => "power",
            Entity::Duty => "duty",
            Entity::WorkItem => "work item",
            Entity::Boundary => "boundary",
            Entity::Partner => "partner",
            Entity::CaseStep => "mock-case step",
            Entity::Supervision => "supervision regime",
            Entity::Indicator => "indicator",
            Entity::Service => "public service",
        }
    }

    /// The Chinese term, for reports read by staffing-office reviewers.
    pub fn label(self) -> &'static str {
        match self {
            Entity::Department => "部门",
            Entity::Section => "科室",
            Entity::Power => "权力事项",
            Entity::Duty => "主要职责",
            Entity::WorkItem => "具体工作事项",
            Entity::Boundary => "职责边界",
            Entity::Partner => "协办部门",
            Entity::CaseStep => "模拟案例步骤",
            Entity::Supervision => "事中事后监管制度",
            Entity::Indicator => "监管指标",
            Entity::Service => "公共服务事项",
        }
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
    pub field: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// One entry that was added, removed or changed.
#[derive(Debug, Clone, Serialize)]
pub struct EntryChange {
    pub entity: Entity,
    pub status: Status,
    /// How to find it: `d02 #3`, `wrfz`, `illegal-parking step 2` …
    pub key: String,
    /// What it is called: its title, name or text.
    pub label: String,
    pub fields: Vec<FieldChange>,
    /// What a reviewer must not miss: a lead moved, a power delegated, an item's new office.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DepartmentDiff {
    pub id: String,
    pub name: String,
    pub status: Status,
    /// For a renamed department, its old id.
    pub renamed_from: Option<String>,
    /// What an added or removed department lists.
    pub totals: Option<crate::model::Totals>,
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

/// Compares two loaded versions of a project.
pub fn diff(old: &Project, new: &Project) -> Diff {
    let departments = departments(old, new);
    let renamed: HashMap<String, String> = departments
        .iter()
        .filter_map(|d| d.renamed_from.clone().map(|from| (from, d.id.clone())))
        .collect();
    let mut departments = departments;
    let language = new.language();
    for d in &mut departments {
        let (Some(o), Some(n)) = (old.department(&d.id), new.department(&d.id)) else {
            continue;
        };
        for change in d.changes.iter_mut().filter(|c| c.entity == Entity::Power) {
            power_notes(change, o, n, language);
        }
    }
    Diff {
        language,
        site: site(old, new),
        boundaries: boundaries(old, new, &renamed),
        departments,
        checks: checks(old, new),
    }
}

type Fields = Vec<(&'static str, String)>;

fn text(s: &Spanned<String>) -> String {
    s.get_ref().clone()
}

fn opt(s: &Option<Spanned<String>>) -> String {
    s.as_ref().map(text).unwrap_or_default()
}

fn list(items: &[Spanned<String>]) -> String {
    items
        .iter()
        .map(|s| s.get_ref().as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

fn compare(old: &Fields, new: &Fields) -> Vec<FieldChange> {
    let old: HashMap<&str, &String> = old.iter().map(|(k, v)| (*k, v)).collect();
    new.iter()
        .filter_map(|(field, value)| {
            let before = old.get(field).map(|v| v.as_str()).unwrap_or("");
            (before != value).then(|| FieldChange {
                field,
                old: (!before.is_empty()).then(|| before.to_string()),
                new: (!value.is_empty()).then(|| value.clone()),
            })
        })
        .collect()
}

fn site(old: &Project, new: &Project) -> Vec<FieldChange> {
    let fields = |p: &Project| -> Fields {
        let Some(s) = p.site.as_ref().map(|s| s.site.get_ref()) else {
            return Vec::new();
        };
        vec![
            ("title", text(&s.title)),
            ("jurisdiction", text(&s.jurisdiction)),
            ("language", s.language().key().to_string()),
            ("base_url", opt(&s.base_url)),
            (
                "published",
                s.published
                    .as_ref()
                    .map(|d| d.get_ref().to_string())
                    .unwrap_or_default(),
            ),
            ("feedback", opt(&s.feedback)),
            ("feedback_phone", opt(&s.feedback_phone)),
        ]
    };
    compare(&fields(old), &fields(new))
}

/// The department's content without its id — also where it names itself, as the lead in its
/// boundaries' mock-case steps — to recognise a renamed file.
fn content(d: &Department) -> serde_json::Value {
    let mut value = serde_json::to_value(d).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.remove("id");
    }
    let boundaries = value.get_mut("boundaries").and_then(|b| b.as_array_mut());
    for boundary in boundaries.into_iter().flatten() {
        let steps = boundary
            .pointer_mut("/case/steps")
            .and_then(|s| s.as_array_mut());
        for step in steps.into_iter().flatten() {
            if step.get("department").and_then(|v| v.as_str()) == Some(d.id.as_str()) {
                step["department"] = serde_json::Value::Null;
            }
        }
    }
    value
}

fn departments(old: &Project, new: &Project) -> Vec<DepartmentDiff> {
    let file = |p: &Project, id: &str| p.file_of(id).to_string_lossy().replace('\\', "/");
    let mut out = Vec::new();
    let removed: Vec<&Department> = old
        .departments
        .iter()
        .filter(|d| new.department(&d.id).is_none())
        .collect();
    // A removed department whose content reappears under a new id was renamed; contents are
    // compared through a map, so many departments added and removed at once stay linear.
    let mut by_content: HashMap<String, VecDeque<usize>> = HashMap::new();
    for (i, o) in removed.iter().enumerate() {
        by_content
            .entry(content(o).to_string())
            .or_default()
            .push_back(i);
    }
    let mut gone = vec![true; removed.len()];
    for n in &new.departments {
        match old.department(&n.id) {
            Some(o) => {
                let changes = department_changes(o, n);
                if !changes.is_empty() {
                    out.push(DepartmentDiff {
                        id: n.id.clone(),
                        name: text(&n.name),
                        status: Status::Changed,
                        renamed_from: None,
                        totals: None,
                        file: file(new, &n.id),
                        changes,
                    });
                }
            }
            None => {
                let same = content(n).to_string();
                if let Some(i) = by_content.get_mut(&same).and_then(VecDeque::pop_front) {
                    gone[i] = false;
                    let o = removed[i];
                    out.push(DepartmentDiff {
                        id: n.id.clone(),
                        name: text(&n.name),
                        status: Status::Renamed,
                        renamed_from: Some(o.id.clone()),
                        totals: None,
                        file: file(new, &n.id),
                        changes: Vec::new(),
                    });
                } else {
                    out.push(DepartmentDiff {
                        id: n.id.clone(),
                        name: text(&n.name),
                        status: Status::Added,
                        renamed_from: None,
                        totals: Some(crate::model::Totals::of([n])),
                        file: file(new, &n.id),
                        changes: Vec::new(),
                    });
                }
            }
        }
    }
    for (&o, _) in removed.iter().zip(gone).filter(|(_, gone)| *gone) {
        out.push(DepartmentDiff {
            id: o.id.clone(),
            name: text(&o.name),
            status: Status::Removed,
            renamed_from: None,
            totals: Some(crate::model::Totals::of([o])),
            file: file(old, &o.id),
            changes: Vec::new(),
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

fn department_changes(o: &Department, n: &Department) -> Vec<EntryChange> {
    let mut out = Vec::new();
    let header = |d: &Department| -> Fields {
        vec![
            ("name", text(&d.name)),
            ("short_name", opt(&d.short_name)),
            (
                "order",
                d.order
                    .as_ref()
                    .map(|v| v.get_ref().to_string())
                    .unwrap_or_default(),
            ),
            ("phone", opt(&d.phone)),
            ("address", opt(&d.address)),
            ("website", opt(&d.website)),
            ("summary", opt(&d.summary)),
        ]
    };
    let fields = compare(&header(o), &header(n));
    if !fields.is_empty() {
        out.push(EntryChange {
            entity: Entity::Department,
            status: Status::Changed,
            key: n.id.clone(),
            label: text(&n.name),
            fields,
            notes: Vec::new(),
        });
    }
    keyed(
        &mut out,
        Entity::Section,
        refs(&o.sections),
        refs(&n.sections),
        |s| text(&s.id),
        |s| text(&s.name),
        |s| vec![("name", text(&s.name)), ("phone", text(&s.phone))],
    );
    let power_fields = |p: &crate::model::Power| -> Fields {
        vec![
            ("name", text(&p.name)),
            (
                "kind",
                format!("{} ({})", p.kind.get_ref().key(), p.kind.get_ref().label()),
            ),
            (
                "status",
                format!(
                    "{} ({})",
                    p.status.get_ref().key(),
                    p.status.get_ref().label()
                ),
            ),
            ("delegated_to", opt(&p.delegated_to)),
            ("basis", list(&p.basis)),
        ]
    };
    keyed(
        &mut out,
        Entity::Power,
        refs(&o.powers),
        refs(&n.powers),
        |p| text(&p.id),
        |p| text(&p.name),
        power_fields,
    );
    duties(&mut out, o, n);
    keyed(
        &mut out,
        Entity::Supervision,
        refs(&o.supervision),
        refs(&n.supervision),
        |r| text(&r.id),
        |r| text(&r.title),
        |r| {
            vec![
                ("title", text(&r.title)),
                (
                    "category",
                    format!(
                        "{} ({})",
                        r.category.get_ref().key(),
                        r.category.get_ref().label()
                    ),
                ),
                (
                    "powers",
                    r.power_ids()
                        .map(|p| p.get_ref().as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
                ("section", opt(&r.section)),
                ("measures", list(r.measures.get_ref())),
                (
                    "indicators",
                    r.indicators
                        .iter()
                        .map(|i| {
                            format!(
                                "{}: {}",
                                i.get_ref().name.get_ref(),
                                i.get_ref().target.get_ref()
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                ("procedure", opt(&r.procedure)),
                ("penalty", opt(&r.penalty)),
            ]
        },
    );
    keyed(
        &mut out,
        Entity::Service,
        refs(&o.services),
        refs(&n.services),
        |s| text(&s.id),
        |s| text(&s.title),
        |s| {
            vec![
                ("title", text(&s.title)),
                (
                    "category",
                    format!(
                        "{} ({})",
                        s.category.get_ref().key(),
                        s.category.get_ref().label()
                    ),
                ),
                ("description", opt(&s.description)),
                ("frequency", opt(&s.frequency)),
                ("section", opt(&s.section)),
                (
                    "beyond_statutory",
                    s.beyond_statutory
                        .as_ref()
                        .is_some_and(|b| *b.get_ref())
                        .to_string(),
                ),
            ]
        },
    );
    out
}

fn refs<T>(items: &[Spanned<T>]) -> Vec<&T> {
    items.iter().map(Spanned::get_ref).collect()
}

/// Entries matched by id: added, removed, and changed field by field.
fn keyed<'a, T>(
    out: &mut Vec<EntryChange>,
    entity: Entity,
    old: Vec<&'a T>,
    new: Vec<&'a T>,
    key: impl Fn(&T) -> String,
    label: impl Fn(&T) -> String,
    fields: impl Fn(&T) -> Fields,
) {
    let old_by_key: HashMap<String, &T> = old.iter().map(|o| (key(o), *o)).collect();
    let new_keys: HashSet<String> = new.iter().map(|n| key(n)).collect();
    for n in &new {
        let k = key(n);
        match old_by_key.get(&k) {
            Some(o) => {
                let changed = compare(&fields(o), &fields(n));
                if !changed.is_empty() {
                    out.push(EntryChange {
                        entity,
                        status: Status::Changed,
                        key: k,
                        label: label(n),
                        fields: changed,
                        notes: Vec::new(),
                    });
                }
            }
            None => out.push(EntryChange {
                entity,
                status: Status::Added,
                key: k,
                label: label(n),
                fields: compare(&Vec::new(), &fields(n)),
                notes: Vec::new(),
            }),
        }
    }
    for o in &old {
        let k = key(o);
        if !new_keys.contains(&k) {
            out.push(EntryChange {
                entity,
                status: Status::Removed,
                key: k,
                label: label(o),
                fields: Vec::new(),
                notes: Vec::new(),
            });
        }
    }
}

/// Calls out what reducing a power means (减权不减责): the new status, to whom, and whether any
/// regime supervises it now.
fn power_notes(
    change: &mut EntryChange,
    old: &Department,
    new: &Department,
    language: crate::model::Language,
) {
    let word = |s: crate::model::PowerStatus| match language {
        crate::model::Language::ZhCn => s.label(),
        crate::model::Language::En => s.english(),
    };
    let Some(p) = new.power(&change.key) else {
        return;
    };
    let status = *p.status.get_ref();
    let was = old.power(&change.key).map(|o| *o.status.get_ref());
    if was == Some(status) || (was.is_none() && status == crate::model::PowerStatus::Retained) {
        return;
    }
    let mut note = match was {
        Some(was) => format!("{} → {}", word(was), word(status)),
        None => format!("new power, {}", word(status)),
    };
    if let Some(to) = p.delegated_to.as_ref().filter(|t| !t.get_ref().is_empty()) {
        note.push_str(&match language {
            crate::model::Language::ZhCn => format!("（{}）", to.get_ref()),
            crate::model::Language::En => format!(" to {}", to.get_ref()),
        });
    }
    let supervised = new.supervision.iter().any(|r| {
        r.get_ref()
            .power_ids()
            .any(|id| id.get_ref() == &change.key)
    });
    if status != crate::model::PowerStatus::Retained && !supervised {
        note.push_str(", and no supervision regime covers it");
    }
    change.notes.push(note);
}

fn duties(out: &mut Vec<EntryChange>, o: &Department, n: &Department) {
    keyed(
        out,
        Entity::Duty,
        refs(&o.duties),
        refs(&n.duties),
        |d| text(&d.id),
        |d| text(&d.title),
        |d| {
            vec![
                ("title", text(&d.title)),
                ("basis", list(d.basis.get_ref())),
                ("note", opt(&d.note)),
            ]
        },
    );
    let section = |d: &Department, id: &str| match d.section(id) {
        Some(s) => format!("{} ({id})", s.name.get_ref()),
        None => id.to_string(),
    };
    for nd in &n.duties {
        let nd = nd.get_ref();
        let Some(od) = o
            .duties
            .iter()
            .map(Spanned::get_ref)
            .find(|d| d.id.get_ref() == nd.id.get_ref())
        else {
            continue;
        };
        let old_items: Vec<&crate::model::WorkItem> = refs(&od.items);
        let new_items: Vec<&crate::model::WorkItem> = refs(&nd.items);
        let pairs = match_by_text(
            &old_items
                .iter()
                .map(|i| i.text.get_ref().as_str())
                .collect::<Vec<_>>(),
            &new_items
                .iter()
                .map(|i| i.text.get_ref().as_str())
                .collect::<Vec<_>>(),
        );
        let item_fields = |d: &Department, i: &crate::model::WorkItem| -> Fields {
            vec![
                ("text", text(&i.text)),
                ("section", section(d, i.section.get_ref())),
                ("powers", list(&i.powers)),
                ("note", opt(&i.note)),
            ]
        };
        let duty = nd.id.get_ref();
        for pair in pairs {
            match pair {
                (Some(a), Some(b)) => {
                    let changed =
                        compare(&item_fields(o, old_items[a]), &item_fields(n, new_items[b]));
                    if changed.is_empty() {
                        continue;
                    }
                    let mut notes = Vec::new();
                    if changed.iter().any(|f| f.field == "section")
                        && let Some(s) = n.section(new_items[b].section.get_ref())
                    {
                        notes.push(format!(
                            "now goes to {}, phone {}",
                            s.name.get_ref(),
                            s.phone.get_ref()
                        ));
                    }
                    if a != b {
                        notes.push(format!("was #{}", a + 1));
                    }
                    out.push(EntryChange {
                        entity: Entity::WorkItem,
                        status: Status::Changed,
                        key: format!("{duty} #{}", b + 1),
                        label: text(&new_items[b].text),
                        fields: changed,
                        notes,
                    });
                }
                (None, Some(b)) => out.push(EntryChange {
                    entity: Entity::WorkItem,
                    status: Status::Added,
                    key: format!("{duty} #{}", b + 1),
                    label: text(&new_items[b].text),
                    fields: compare(&Vec::new(), &item_fields(n, new_items[b])),
                    notes: Vec::new(),
                }),
                (Some(a), None) => out.push(EntryChange {
                    entity: Entity::WorkItem,
                    status: Status::Removed,
                    key: format!("{duty} #{} (old)", a + 1),
                    label: text(&old_items[a].text),
                    fields: Vec::new(),
                    notes: Vec::new(),
                }),
                (None, None) => {}
            }
        }
    }
}

/// Pairs entries that have no ids (work items, mock-case steps): equal text first, then the most
/// similar remaining text (at least half alike), nearer positions breaking ties; the rest are
/// added or removed. Pairs come in the new order, removed ones last.
pub fn match_by_text(old: &[&str], new: &[&str]) -> Vec<(Option<usize>, Option<usize>)> {
    let mut taken = vec![false; old.len()];
    let mut partner: Vec<Option<usize>> = vec![None; new.len()];
    // Equal texts: the free old entry of the same text nearest in position (the earlier on a
    // tie), found in an ordered set per text so that thousands of equal entries stay cheap.
    let mut free: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    for (a, text) in old.iter().enumerate() {
        free.entry(text).or_default().insert(a);
    }
    for (b, text) in new.iter().enumerate() {
        let Some(set) = free.get_mut(text) else {
            continue;
        };
        let below = set.range(..=b).next_back().copied();
        let above = set.range(b..).next().copied();
        let nearest = match (below, above) {
            (Some(x), Some(y)) => Some(if b - x <= y - b { x } else { y }),
            (x, y) => x.or(y),
        };
        if let Some(a) = nearest {
            set.remove(&a);
            taken[a] = true;
            partner[b] = Some(a);
        }
    }
    // Similar texts: every free old entry, or, for lists too long to compare all pairs, those
    // near the same position.
    let everywhere = old.len().saturating_mul(new.len()) <= FULL_SCAN_PAIRS;
    for (b, text) in new.iter().enumerate() {
        if partner[b].is_some() {
            continue;
        }
        let candidates = if everywhere {
            0..old.len()
        } else {
            b.saturating_sub(NEAR)..old.len().min(b + NEAR + 1)
        };
        let best = candidates
            .filter(|a| !taken[*a])
            .map(|a| (a, similarity(old[a], text)))
            .filter(|(_, s)| *s >= 0.5)
            .max_by(|x, y| {
                x.1.total_cmp(&y.1)
                    .then(y.0.abs_diff(b).cmp(&x.0.abs_diff(b)))
            });
        if let Some((a, _)) = best {
            taken[a] = true;
            partner[b] = Some(a);
        }
    }
    let mut pairs: Vec<(Option<usize>, Option<usize>)> = partner
        .iter()
        .enumerate()
        .map(|(b, a)| (*a, Some(b)))
        .collect();
    pairs.extend(
        taken
            .iter()
            .enumerate()
            .filter(|(_, t)| !**t)
            .map(|(a, _)| (Some(a), None)),
    );
    pairs
}

/// Lists with more old × new pairs than this are compared for similar texts only near each
/// entry's position (`NEAR` either side); real duties have far fewer items.
const FULL_SCAN_PAIRS: usize = 250_000;
const NEAR: usize = 64;
/// Texts whose lengths multiply to more than this are compared by their common beginning and end
/// instead of by edit distance, which takes time in proportion to that product.
const EDIT_DISTANCE_CELLS: usize = 1 << 20;

/// 1 for equal texts, 0 for nothing in common, by characters (so it works for Chinese).
fn similarity(a: &str, b: &str) -> f64 {
    if a.len().saturating_mul(b.len()) <= EDIT_DISTANCE_CELLS {
        return strsim::normalized_levenshtein(a, b);
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (prefix + suffix) as f64 / a.len().max(b.len()) as f64
}

/// `renamed` maps old department ids to new ones, so that a renamed lead is not a moved lead.
fn boundaries(old: &Project, new: &Project, renamed: &HashMap<String, String>) -> Vec<EntryChange> {
    let all = |p: &'_ Project| -> Vec<(String, Boundary)> {
        p.departments
            .iter()
            .flat_map(|d| {
                d.boundaries
                    .iter()
                    .map(move |b| (d.id.clone(), b.get_ref().clone()))
            })
            .collect()
    };
    let (old_all, new_all) = (all(old), all(new));
    let name = |p: &Project, id: &str| {
        p.department(id)
            .map_or_else(|| id.to_string(), |d| d.display_name().to_string())
    };
    let mut out = Vec::new();
    let mut matched_old = HashSet::new();
    // The first old boundary of each id and of each title.
    let mut old_by_id: HashMap<&str, usize> = HashMap::new();
    let mut old_by_title: HashMap<&str, usize> = HashMap::new();
    for (i, (_, o)) in old_all.iter().enumerate() {
        old_by_id.entry(o.id.get_ref().as_str()).or_insert(i);
        old_by_title.entry(o.title.get_ref().as_str()).or_insert(i);
    }
    for (lead, b) in &new_all {
        let found = old_by_id
            .get(b.id.get_ref().as_str())
            .or_else(|| old_by_title.get(b.title.get_ref().as_str()))
            .copied();
        let Some(i) = found else {
            out.push(EntryChange {
                entity: Entity::Boundary,
                status: Status::Added,
                key: text(&b.id),
                label: text(&b.title),
                fields: Vec::new(),
                notes: vec![format!("lead: {}", name(new, lead))],
            });
            continue;
        };
        matched_old.insert(i);
        let (old_lead, o) = &old_all[i];
        boundary_changes(&mut out, (old, old_lead, o), (new, lead, b), renamed);
    }
    for (i, (lead, o)) in old_all.iter().enumerate() {
        if !matched_old.contains(&i) {
            out.push(EntryChange {
                entity: Entity::Boundary,
                status: Status::Removed,
                key: text(&o.id),
                label: text(&o.title),
                fields: Vec::new(),
                notes: vec![format!("lead was {}", name(old, lead))],
            });
        }
    }
    out
}

fn boundary_changes(
    out: &mut Vec<EntryChange>,
    (old, old_lead, o): (&Project, &String, &Boundary),
    (new, new_lead, b): (&Project, &String, &Boundary),
    renamed: &HashMap<String, String>,
) {
    let name = |p: &Project, id: &str| {
        p.department(id)
            .map_or_else(|| id.to_string(), |d| d.display_name().to_string())
    };
    let fields = |p: &Project, lead: &str, x: &Boundary| -> Fields {
        let case = x.case.get_ref();
        vec![
            ("id", text(&x.id)),
            ("title", text(&x.title)),
            ("area", text(&x.area)),
            ("lead", name(p, lead)),
            ("lead_duty", text(&x.lead_duty)),
            ("case.title", text(&case.title)),
            ("case.scenario", text(&case.scenario)),
        ]
    };
    let mut notes = Vec::new();
    let same_lead = old_lead == new_lead || renamed.get(old_lead) == Some(new_lead);
    if !same_lead {
        notes.push(format!(
            "the lead moved from {} to {}",
            name(old, old_lead),
            name(new, new_lead)
        ));
    }
    let partners = |p: &Project, x: &Boundary| -> Vec<(String, String)> {
        x.partners
            .get_ref()
            .iter()
            .map(|q| {
                (
                    name(p, q.get_ref().department.get_ref()),
                    text(&q.get_ref().duty),
                )
            })
            .collect()
    };
    let (op, np) = (partners(old, o), partners(new, b));
    for (dept, duty) in &np {
        match op.iter().find(|(d, _)| d == dept) {
            None => notes.push(format!("partner added: {dept}")),
            Some((_, before)) if before != duty => {
                notes.push(format!("partner {dept}'s duty changed: {before} → {duty}"))
            }
            Some(_) => {}
        }
    }
    for (dept, _) in &op {
        if !np.iter().any(|(d, _)| d == dept) {
            notes.push(format!("partner removed: {dept}"));
        }
    }
    let step_text = |p: &Project, s: &crate::model::CaseStep| {
        format!(
            "{}: {}",
            name(p, s.department.get_ref()),
            s.action.get_ref()
        )
    };
    let old_steps: Vec<String> = o
        .case
        .get_ref()
        .steps
        .iter()
        .map(|s| step_text(old, s.get_ref()))
        .collect();
    let new_steps: Vec<String> = b
        .case
        .get_ref()
        .steps
        .iter()
        .map(|s| step_text(new, s.get_ref()))
        .collect();
    for pair in match_by_text(
        &old_steps.iter().map(String::as_str).collect::<Vec<_>>(),
        &new_steps.iter().map(String::as_str).collect::<Vec<_>>(),
    ) {
        match pair {
            (Some(a), Some(n)) if old_steps[a] != new_steps[n] => notes.push(format!(
                "step {} changed: {} → {}",
                n + 1,
                old_steps[a],
                new_steps[n]
            )),
            (None, Some(n)) => notes.push(format!("step {} added: {}", n + 1, new_steps[n])),
            (Some(a), None) => notes.push(format!("step {} removed: {}", a + 1, old_steps[a])),
            _ => {}
        }
    }
    let mut changed = compare(&fields(old, old_lead, o), &fields(new, new_lead, b));
    if same_lead {
        changed.retain(|f| f.field != "lead");
    }
    if !changed.is_empty() || !notes.is_empty() {
        out.push(EntryChange {
            entity: Entity::Boundary,
            status: Status::Changed,
            key: text(&b.id),
            label: text(&b.title),
            fields: changed,
            notes,
        });
    }
}

fn checks(old: &Project, new: &Project) -> ChecksDiff {
    let problems = |p: &Project| -> Vec<Problem> {
        let report = Report {
            sources: &p.sources,
            display_root: std::path::PathBuf::new(),
        };
        check::check(p)
            .iter()
            .map(|d| {
                let l = report.locate(d);
                Problem {
                    code: l.code,
                    severity: l.severity,
                    message: d.message.clone(),
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

#[cfg(test)]
mod tests {
    use super::match_by_text;

    #[test]
    fn edited_items_pair_up_instead_of_being_removed_and_added() {
        let old = ["查处偷排污水行为。", "开展水质监测。", "发布水质信息。"];
        let new = [
            "开展水质监测。",
            "查处偷排污水的违法行为。",
            "组织环境宣传教育活动。",
        ];
        assert_eq!(
            match_by_text(&old, &new),
            [
                (Some(1), Some(0)),
                (Some(0), Some(1)),
                (None, Some(2)),
                (Some(2), None)
            ]
        );
    }
}
