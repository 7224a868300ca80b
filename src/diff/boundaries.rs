//! Boundaries across two versions. A boundary is matched across the whole project (by id, else
//! by title), because it lives in its lead's file and moves when the lead changes; what a
//! reviewer must not miss — a new lead, partners joining or leaving, changed steps — is called
//! out in notes.

use std::collections::{HashMap, HashSet};

use super::fields::{self, Side};
use super::matching::{match_by_text, strs};
use super::{Entity, EntryChange, Status};
use crate::i18n::Message;
use crate::model::describe::{Described, Kind, Value};
use crate::model::{Boundary, Department, Language, Project};
use crate::msg;

/// One version of a boundary: its lead and its project.
type Led<'a> = (&'a Project, &'a Department, &'a Boundary);

/// `renamed` maps old department ids to new ones, so that a renamed lead is not a moved lead.
pub(super) fn boundaries(
    old: &Project,
    new: &Project,
    renamed: &HashMap<String, String>,
    language: Language,
) -> Vec<EntryChange> {
    let (old_all, new_all) = (all(old), all(new));
    let entity = Entity::of::<Boundary>();
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
            let lead = Side::of(new, lead, language).department_name(&lead.id);
            out.push(bare(
                entity,
                Status::Added,
                b,
                msg!("diff-lead", lead = lead),
            ));
            continue;
        };
        matched_old.insert(i);
        let (old_lead, o) = old_all[i];
        out.extend(changes(
            (old, old_lead, o),
            (new, lead, b),
            renamed,
            language,
        ));
    }
    for (i, (lead, o)) in old_all.iter().enumerate() {
        if !matched_old.contains(&i) {
            let lead = Side::of(old, lead, language).department_name(&lead.id);
            out.push(bare(
                entity,
                Status::Removed,
                o,
                msg!("diff-lead-was", lead = lead),
            ));
        }
    }
    out
}

/// Every boundary of the project with its lead, in file order.
fn all(p: &Project) -> Vec<(&Department, &Boundary)> {
    p.departments
        .iter()
        .flat_map(|d| d.boundaries.iter().map(move |b| (d, b.get_ref())))
        .collect()
}

/// An added or removed boundary, with its lead.
fn bare(entity: Entity, status: Status, b: &Boundary, note: Message) -> EntryChange {
    EntryChange {
        entity,
        status,
        key: b.id.get_ref().clone(),
        label: b.title.get_ref().clone(),
        within: None,
        fields: Vec::new(),
        notes: vec![note],
    }
}

/// A boundary in both versions: its fields (and its lead, right after its id), and notes on its
/// lead, partners and steps.
fn changes(
    (old, old_lead, o): Led<'_>,
    (new, new_lead, b): Led<'_>,
    renamed: &HashMap<String, String>,
    language: Language,
) -> Option<EntryChange> {
    let (old_side, new_side) = (
        Side::of(old, old_lead, language),
        Side::of(new, new_lead, language),
    );
    let same_lead = old_lead.id == new_lead.id || renamed.get(&old_lead.id) == Some(&new_lead.id);
    let (old_name, new_name) = (
        old_side.department_name(&old_lead.id),
        new_side.department_name(&new_lead.id),
    );
    let mut notes = Vec::new();
    if !same_lead {
        notes.push(msg!("diff-lead-moved", old = &old_name, new = &new_name));
    }
    partner_notes(&mut notes, (o, &old_side), (b, &new_side));
    step_notes(&mut notes, (o, &old_side), (b, &new_side));
    let with_lead = |mut fields: fields::Fields, lead: String| {
        fields.insert(1.min(fields.len()), ("lead".to_string(), lead));
        fields
    };
    let mut changed = fields::compare(
        &with_lead(fields::fields(o, &old_side), old_name),
        &with_lead(fields::fields(b, &new_side), new_name),
    );
    if same_lead {
        changed.retain(|f| f.field != "lead");
    }
    (!changed.is_empty() || !notes.is_empty()).then(|| EntryChange {
        entity: Entity::of::<Boundary>(),
        status: Status::Changed,
        key: b.id.get_ref().clone(),
        label: b.title.get_ref().clone(),
        within: None,
        fields: changed,
        notes,
    })
}

/// Partners joining, leaving or changing their part, each known by its department's name.
fn partner_notes(
    notes: &mut Vec<Message>,
    (o, old_side): (&Boundary, &Side<'_>),
    (b, new_side): (&Boundary, &Side<'_>),
) {
    let partners = |x: &Boundary, side: &Side<'_>| -> Vec<(String, fields::Fields)> {
        x.partners
            .get_ref()
            .iter()
            .map(|p| known_by_department(p.get_ref(), side))
            .collect()
    };
    let (before, after) = (partners(o, old_side), partners(b, new_side));
    for (name, fields) in &after {
        match before.iter().find(|(n, _)| n == name) {
            None => notes.push(msg!("diff-partner-added", partner = name)),
            Some((_, was)) => {
                for change in fields::compare(was, fields) {
                    let show = |v: &Option<String>| v.clone().unwrap_or_default();
                    let field = crate::diff::report::field_label(
                        Entity::of::<crate::model::Partner>(),
                        &change.field,
                    );
                    notes.push(msg!(
                        "diff-partner-changed",
                        partner = name,
                        field = field,
                        old = show(&change.old),
                        new = show(&change.new)
                    ));
                }
            }
        }
    }
    for (name, _) in &before {
        if !after.iter().any(|(n, _)| n == name) {
            notes.push(msg!("diff-partner-removed", partner = name));
        }
    }
}

/// An entry's department (by name) and its other fields.
fn known_by_department(entry: &dyn Described, side: &Side<'_>) -> (String, fields::Fields) {
    let department =
        entry
            .values()
            .into_iter()
            .find_map(|(field, value)| match (field.kind, value) {
                (Kind::DepartmentRef, Value::Text(id)) => {
                    Some((field.key, side.department_name(id)))
                }
                _ => None,
            });
    let Some((key, name)) = department else {
        return (String::new(), fields::fields(entry, side));
    };
    let mut rest = fields::fields(entry, side);
    rest.retain(|(k, _)| k != key);
    (name, rest)
}

/// Mock-case steps added, removed or changed, each shown as `部门: action`.
fn step_notes(
    notes: &mut Vec<Message>,
    (o, old_side): (&Boundary, &Side<'_>),
    (b, new_side): (&Boundary, &Side<'_>),
) {
    let steps = |x: &Boundary, side: &Side<'_>| -> Vec<String> {
        x.case
            .get_ref()
            .steps
            .iter()
            .map(|s| fields::line(s.get_ref(), side))
            .collect()
    };
    let (before, after) = (steps(o, old_side), steps(b, new_side));
    for pair in match_by_text(&strs(&before), &strs(&after)) {
        match pair {
            (Some(a), Some(n)) if before[a] != after[n] => notes.push(msg!(
                "diff-step-changed",
                n = n + 1,
                old = &before[a],
                new = &after[n]
            )),
            (None, Some(n)) => notes.push(msg!("diff-step-added", n = n + 1, step = &after[n])),
            (Some(a), None) => notes.push(msg!("diff-step-removed", n = a + 1, step = &before[a])),
            _ => {}
        }
    }
}
