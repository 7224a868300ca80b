//! Field-by-field comparison, derived from the model's description: every described field of an
//! entry is shown as text, one way per kind, and lists of entries are compared entry by entry —
//! by id where the entries have one, by their text where they do not (work items, indicators).

use std::collections::{HashMap, HashSet};

use super::matching::{match_by_text, strs};
use super::{Entity, EntryChange, FieldChange, Status, Within};
use crate::i18n::Message;
use crate::model::Language;
use crate::model::describe::{Described, Field, Kind, Value};
use crate::model::{Department, Project};
use crate::msg;

/// An entry's fields shown as text: (key, text), a nested table's fields as `case.title`.
pub(super) type Fields = Vec<(String, String)>;

/// One version's context for showing references: its project (department names) and the
/// department the entry is in (section names).
#[derive(Clone, Copy)]
pub(super) struct Side<'a> {
    pub project: &'a Project,
    pub department: Option<&'a Department>,
    /// The report's language, for enum labels and yes/no.
    pub language: Language,
}

impl<'a> Side<'a> {
    pub fn site(project: &'a Project, language: Language) -> Side<'a> {
        Side {
            project,
            department: None,
            language,
        }
    }

    pub fn of(project: &'a Project, department: &'a Department, language: Language) -> Side<'a> {
        Side {
            project,
            department: Some(department),
            language,
        }
    }

    /// A department by the name people know it by, or its id when there is none by that id.
    pub fn department_name(&self, id: &str) -> String {
        self.project
            .department(id)
            .map_or_else(|| id.to_string(), |d| d.display_name().to_string())
    }
}

/// Every field of `entry` but its lists of entries, shown as text.
pub(super) fn fields(entry: &dyn Described, side: &Side<'_>) -> Fields {
    let mut out = Vec::new();
    push_fields(entry, "", side, &mut out);
    out
}

fn push_fields(entry: &dyn Described, prefix: &str, side: &Side<'_>, out: &mut Fields) {
    for (field, value) in entry.values() {
        match value {
            Value::Entries(_) => {}
            Value::Table(nested) => {
                push_fields(nested, &format!("{prefix}{}.", field.key), side, out)
            }
            value => out.push((format!("{prefix}{}", field.key), show(field, value, side))),
        }
    }
}

/// A value as a reviewer reads it, in the report's language: an enum by its label, an office
/// and a department by their names, a power by its name, yes or no, lists of text joined.
fn show(field: &Field, value: Value<'_>, side: &Side<'_>) -> String {
    let zh = side.language == Language::ZhCn;
    let list = if zh { "；" } else { "; " };
    match (field.kind, value) {
        (Kind::Bool, Value::Absent) => Message::new("diff-no").text(side.language),
        (_, Value::Absent | Value::Table(_) | Value::Entries(_)) => String::new(),
        (Kind::SectionRef, Value::Text(id)) => side
            .department
            .and_then(|d| d.section(id))
            .map_or_else(|| id.to_string(), |s| s.name.get_ref().clone()),
        (Kind::DepartmentRef, Value::Text(id)) => side.department_name(id),
        (_, Value::Text(text)) => text.to_string(),
        (Kind::PowerRefs, Value::List(ids)) => ids
            .iter()
            .map(|id| {
                side.department
                    .and_then(|d| d.power(id))
                    .map_or_else(|| id.to_string(), |p| p.name.get_ref().clone())
            })
            .collect::<Vec<_>>()
            .join(list),
        (_, Value::List(items)) => items.join(list),
        (_, Value::Groups(groups)) => groups
            .iter()
            .map(|g| g.join(" = "))
            .collect::<Vec<_>>()
            .join(list),
        (_, Value::Integer(n)) => n.to_string(),
        (_, Value::Bool(b)) => {
            Message::new(if b { "diff-yes" } else { "diff-no" }).text(side.language)
        }
        (_, Value::Date(d)) => d.to_string(),
        (_, Value::Choice { zh: label, en, .. }) => if zh { label } else { en }.to_string(),
    }
}

/// An entry without an id on one line, its fields joined: `公安局：立即到场处置`.
pub(super) fn line(entry: &dyn Described, side: &Side<'_>) -> String {
    let colon = match side.language {
        Language::ZhCn => "：",
        Language::En => ": ",
    };
    fields(entry, side)
        .into_iter()
        .map(|(_, text)| text)
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join(colon)
}

/// The fields whose text differs, in the newer order.
pub(super) fn compare(old: &Fields, new: &Fields) -> Vec<FieldChange> {
    let old: HashMap<&str, &String> = old.iter().map(|(k, v)| (k.as_str(), v)).collect();
    new.iter()
        .filter_map(|(field, value)| {
            let before = old.get(field.as_str()).map(|v| v.as_str()).unwrap_or("");
            (before != value).then(|| FieldChange {
                field: field.clone(),
                old: (!before.is_empty()).then(|| before.to_string()),
                new: (!value.is_empty()).then(|| value.clone()),
            })
        })
        .collect()
}

/// Both versions of an entry, each with its context.
pub(super) type Pair<'a, 'p> = ((&'a dyn Described, Side<'p>), (&'a dyn Described, Side<'p>));

/// The changes in the lists of entries of two versions of an entry, and in theirs, depth first.
/// Lists whose entity `skip` accepts are compared elsewhere (boundaries, across the project).
/// `parent` is the key of the entry holding the lists, `within` the entry as reports name it.
pub(super) fn children(
    out: &mut Vec<EntryChange>,
    (parent, within): (&str, Option<&Within>),
    ((old, old_side), (new, new_side)): Pair<'_, '_>,
    skip: &dyn Fn(Entity) -> bool,
) {
    let old_lists: HashMap<&str, Vec<&dyn Described>> = old
        .values()
        .into_iter()
        .filter_map(|(field, value)| match value {
            Value::Entries(list) => Some((field.key, list)),
            _ => None,
        })
        .collect();
    for (field, value) in new.values() {
        let (Value::Entries(new_list), Some(nested)) = (value, field.kind.nested()) else {
            continue;
        };
        if skip(Entity(nested)) {
            continue;
        }
        let old_list = old_lists.get(field.key).cloned().unwrap_or_default();
        let lists = List {
            entity: Entity(nested),
            parent,
            within,
            old: (&old_list, old_side),
            new: (&new_list, new_side),
        };
        if nested.has_id() {
            lists.by_id(out, skip);
        } else {
            lists.by_text(out, skip);
        }
    }
}

/// The entries of one list field in both versions.
struct List<'l, 'a, 'p> {
    entity: Entity,
    /// The key of the entry holding the list (a work item is `d03 #4` in duty `d03`).
    parent: &'l str,
    /// The entry holding the list, for entries known only by their text.
    within: Option<&'l Within>,
    old: (&'l [&'a dyn Described], Side<'p>),
    new: (&'l [&'a dyn Described], Side<'p>),
}

impl List<'_, '_, '_> {
    /// Entries matched by id: added, removed, and changed field by field.
    fn by_id(&self, out: &mut Vec<EntryChange>, skip: &dyn Fn(Entity) -> bool) {
        let id = |e: &dyn Described| match e.value("id") {
            Value::Text(id) => id.to_string(),
            _ => String::new(),
        };
        let old_by_id: HashMap<String, &dyn Described> =
            self.old.0.iter().map(|o| (id(*o), *o)).collect();
        let new_ids: HashSet<String> = self.new.0.iter().map(|n| id(*n)).collect();
        for n in self.new.0 {
            let key = id(*n);
            match old_by_id.get(&key) {
                Some(o) => self.matched(out, (*o, *n), key, Vec::new(), skip),
                None => out.push(self.added(*n, key)),
            }
        }
        for o in self.old.0 {
            let key = id(*o);
            if !new_ids.contains(&key) {
                out.push(self.removed(*o, key));
            }
        }
    }

    /// Entries without ids, matched by their text: equal first, then the most similar.
    fn by_text(&self, out: &mut Vec<EntryChange>, skip: &dyn Fn(Entity) -> bool) {
        let titles = |list: &[&dyn Described]| -> Vec<String> {
            list.iter().map(|e| e.title().to_string()).collect()
        };
        let (old_titles, new_titles) = (titles(self.old.0), titles(self.new.0));
        for pair in match_by_text(&strs(&old_titles), &strs(&new_titles)) {
            match pair {
                (Some(a), Some(b)) => {
                    let notes = if a != b {
                        vec![msg!("diff-moved", from = a + 1, to = b + 1)]
                    } else {
                        Vec::new()
                    };
                    let key = format!("{} #{}", self.parent, b + 1);
                    self.matched(out, (self.old.0[a], self.new.0[b]), key, notes, skip);
                }
                (None, Some(b)) => {
                    out.push(self.added(self.new.0[b], format!("{} #{}", self.parent, b + 1)))
                }
                (Some(a), None) => out
                    .push(self.removed(self.old.0[a], format!("{} #{} (old)", self.parent, a + 1))),
                (None, None) => {}
            }
        }
    }

    /// An entry in both versions: its changed fields, what a reviewer must not miss (its new
    /// office), then the changes in its own lists.
    fn matched(
        &self,
        out: &mut Vec<EntryChange>,
        (o, n): (&dyn Described, &dyn Described),
        key: String,
        mut notes: Vec<Message>,
        skip: &dyn Fn(Entity) -> bool,
    ) {
        let changed = compare(&fields(o, &self.old.1), &fields(n, &self.new.1));
        if !changed.is_empty() {
            notes.splice(0..0, office_notes(n, &changed, &self.new.1));
            out.push(self.change(Status::Changed, n, key.clone(), changed, notes));
        }
        let within = Within {
            entity: self.entity,
            title: n.title().to_string(),
        };
        children(
            out,
            (&key, Some(&within)),
            ((o, self.old.1), (n, self.new.1)),
            skip,
        );
    }

    fn added(&self, n: &dyn Described, key: String) -> EntryChange {
        let fields = compare(&Vec::new(), &fields(n, &self.new.1));
        self.change(Status::Added, n, key, fields, Vec::new())
    }

    fn removed(&self, o: &dyn Described, key: String) -> EntryChange {
        self.change(Status::Removed, o, key, Vec::new(), Vec::new())
    }

    /// An entry of this list; one known only by its text is named with the entry holding it.
    fn change(
        &self,
        status: Status,
        entry: &dyn Described,
        key: String,
        fields: Vec<FieldChange>,
        notes: Vec<Message>,
    ) -> EntryChange {
        EntryChange {
            entity: self.entity,
            status,
            key,
            label: entry.title().to_string(),
            within: self.within.filter(|_| !self.entity.0.has_id()).cloned(),
            fields,
            notes,
        }
    }
}

/// Where citizens are sent now, when an entry's office changed: `改由污染防治科承担，电话 …`.
fn office_notes(entry: &dyn Described, changed: &[FieldChange], side: &Side<'_>) -> Vec<Message> {
    entry
        .values()
        .into_iter()
        .filter(|(field, _)| matches!(field.kind, Kind::SectionRef))
        .filter(|(field, _)| changed.iter().any(|c| c.field == field.key))
        .filter_map(|(_, value)| match value {
            Value::Text(id) => side.department.and_then(|d| d.section(id)),
            _ => None,
        })
        .map(|s| {
            msg!(
                "diff-office",
                section = s.name.get_ref(),
                phone = s.phone.get_ref()
            )
        })
        .collect()
}
