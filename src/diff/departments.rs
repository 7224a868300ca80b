//! Departments across two versions: added, removed, renamed (the same content under a new id)
//! and changed entry by entry.

use std::collections::{HashMap, VecDeque};

use super::fields::{self, Side};
use super::{DepartmentDiff, Entity, EntryChange, Status};
use crate::i18n::Arg;
use crate::model::{Boundary, Department, Language, PowerStatus, Project, Totals};
use crate::msg;

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

pub(super) fn departments(old: &Project, new: &Project, language: Language) -> Vec<DepartmentDiff> {
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
                let changes = department_changes((old, o), (new, n), language);
                if !changes.is_empty() {
                    out.push(DepartmentDiff {
                        id: n.id.clone(),
                        name: n.name.get_ref().clone(),
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
                        name: n.name.get_ref().clone(),
                        status: Status::Renamed,
                        renamed_from: Some(o.id.clone()),
                        totals: None,
                        file: file(new, &n.id),
                        changes: Vec::new(),
                    });
                } else {
                    out.push(DepartmentDiff {
                        id: n.id.clone(),
                        name: n.name.get_ref().clone(),
                        status: Status::Added,
                        renamed_from: None,
                        totals: Some(Totals::of([n])),
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
            name: o.name.get_ref().clone(),
            status: Status::Removed,
            renamed_from: None,
            totals: Some(Totals::of([o])),
            file: file(old, &o.id),
            changes: Vec::new(),
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// What changed in a department kept under the same id: its own fields, then its entries, in
/// the file's order (boundaries are compared across the project).
fn department_changes(
    (old, o): (&Project, &Department),
    (new, n): (&Project, &Department),
    language: Language,
) -> Vec<EntryChange> {
    let (old_side, new_side) = (Side::of(old, o, language), Side::of(new, n, language));
    let mut out = Vec::new();
    let changed = fields::compare(&fields::fields(o, &old_side), &fields::fields(n, &new_side));
    if !changed.is_empty() {
        out.push(EntryChange {
            entity: Entity::of::<Department>(),
            status: Status::Changed,
            key: n.id.clone(),
            label: n.name.get_ref().clone(),
            within: None,
            fields: changed,
            notes: Vec::new(),
        });
    }
    let boundaries = |entity: Entity| entity == Entity::of::<Boundary>();
    fields::children(
        &mut out,
        (&n.id, None),
        ((o, old_side), (n, new_side)),
        &boundaries,
    );
    let power = Entity::of::<crate::model::Power>();
    for change in out.iter_mut().filter(|c| c.entity == power) {
        power_notes(change, o, n, language);
    }
    out
}

/// Calls out what reducing a power means (减权不减责): the new status, to whom, and whether any
/// regime supervises it now.
fn power_notes(change: &mut EntryChange, old: &Department, new: &Department, language: Language) {
    let word = |s: PowerStatus| match language {
        Language::ZhCn => s.label(),
        Language::En => s.english(),
    };
    let Some(p) = new.power(&change.key) else {
        return;
    };
    let status = *p.status.get_ref();
    let was = old.power(&change.key).map(|o| *o.status.get_ref());
    if was == Some(status) || (was.is_none() && status == PowerStatus::Retained) {
        return;
    }
    let to: Arg = match p.delegate() {
        Some(to) => msg!("diff-power-to", to = to).into(),
        None => "".into(),
    };
    let supervised = new.supervision.iter().any(|r| {
        r.get_ref()
            .power_ids()
            .any(|id| id.get_ref() == &change.key)
    });
    let unsupervised: Arg = if status != PowerStatus::Retained && !supervised {
        msg!("diff-power-unsupervised").into()
    } else {
        "".into()
    };
    change.notes.push(match was {
        Some(was) => msg!(
            "diff-power-status",
            was = word(was),
            now = word(status),
            to = to,
            unsupervised = unsupervised
        ),
        None => msg!(
            "diff-power-new",
            now = word(status),
            to = to,
            unsupervised = unsupervised
        ),
    });
}
