//! A department file that does not deserialize as a whole. Every entry of every list is tried on
//! its own, so that one bad entry neither hides another's error nor keeps the good entries from
//! the checks that can run on them (references, duplicates, boundaries). What could not be read
//! is remembered ([`Unread`]), so that those checks neither blame nor count what is missing.

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue, ValueDeserializer};

use crate::model::{self, Department, Unread};

pub(super) type Sink<'s> = dyn FnMut(toml::de::Error) + 's;

/// How many times the top-level table is repaired before giving up: one error at a time.
const REPAIRS: usize = 32;

/// The department in `root` built from what can be read, every error sent to `sink`; `None`
/// when not even that deserializes (the parts are fine alone but not together).
pub(super) fn salvage(
    mut root: Spanned<DeValue<'_>>,
    id: &str,
    sink: &mut Sink<'_>,
) -> Option<Department> {
    let mut unread = Unread::default();
    for (key, check) in LISTS {
        let entries = take_list(&mut root, &[key]);
        let mut kept = Vec::with_capacity(entries.len());
        for entry in entries {
            match check(entry, &mut unread, sink) {
                Some(entry) => kept.push(entry),
                None if key == "services" => unread.services = true,
                None => {}
            }
        }
        put_list(&mut root, key, kept);
    }
    top_level(&mut root, id, &mut unread, sink)?;
    match deserialize::<Department>(root) {
        Ok(mut department) => {
            department.unread = unread;
            Some(department)
        }
        Err(err) => {
            sink(err);
            None
        }
    }
}

/// Checks one entry of a list: the entry as it can be kept, or `None` (its errors sent to the
/// sink and what it held remembered in `Unread`).
type EntryCheck =
    for<'i> fn(Spanned<DeValue<'i>>, &mut Unread, &mut Sink<'_>) -> Option<Spanned<DeValue<'i>>>;

const LISTS: [(&str, EntryCheck); 6] = [
    ("sections", |v, u, s| whole::<model::Section>(v, u, s)),
    ("powers", |v, u, s| whole::<model::Power>(v, u, s)),
    ("duties", duty),
    ("boundaries", |mut v, u, s| {
        // A boundary is one agreement: a bad partner or step leaves none of it to check.
        let partners = take_list(&mut v, &["partners"]);
        let steps = take_list(&mut v, &["case", "steps"]);
        let mut fine = fits::<model::Boundary>(v.clone(), s);
        fine &= all_fit::<model::Partner>(&partners, s);
        fine &= all_fit::<model::CaseStep>(&steps, s);
        put_nested(&mut v, &["partners"], partners);
        put_nested(&mut v, &["case", "steps"], steps);
        keep_if(fine, v, u)
    }),
    ("supervision", |mut v, u, s| {
        let indicators = take_list(&mut v, &["indicators"]);
        let mut fine = fits::<model::SupervisionRegime>(v.clone(), s);
        fine &= all_fit::<model::Indicator>(&indicators, s);
        put_nested(&mut v, &["indicators"], indicators);
        keep_if(fine, v, u)
    }),
    ("services", |v, u, s| whole::<model::PublicService>(v, u, s)),
];

/// An entry kept or lost as a whole.
fn whole<'i, T: DeserializeOwned>(
    value: Spanned<DeValue<'i>>,
    unread: &mut Unread,
    sink: &mut Sink<'_>,
) -> Option<Spanned<DeValue<'i>>> {
    let fine = fits::<T>(value.clone(), sink);
    keep_if(fine, value, unread)
}

/// A duty keeps the work items that can be read; a duty that cannot be read loses them all.
fn duty<'i>(
    mut value: Spanned<DeValue<'i>>,
    unread: &mut Unread,
    sink: &mut Sink<'_>,
) -> Option<Spanned<DeValue<'i>>> {
    let items = take_list(&mut value, &["items"]);
    if !fits::<model::Duty>(value.clone(), sink) {
        // The items' own errors are still worth knowing.
        for item in &items {
            fits::<model::WorkItem>(item.clone(), sink);
        }
        put_nested(&mut value, &["items"], items);
        return keep_if(false, value, unread);
    }
    let mut kept = Vec::with_capacity(items.len());
    for item in items {
        if fits::<model::WorkItem>(item.clone(), sink) {
            kept.push(item);
        } else {
            if let Some(id) = text_at(&value, "id") {
                unread.duties.insert(id.to_string());
            }
            keep_if(false, item, unread);
        }
    }
    put_nested(&mut value, &["items"], kept);
    Some(value)
}

/// `value` when `fine`; otherwise remembers what it held and counts it as unread.
fn keep_if<'i>(
    fine: bool,
    value: Spanned<DeValue<'i>>,
    unread: &mut Unread,
) -> Option<Spanned<DeValue<'i>>> {
    if fine {
        return Some(value);
    }
    forget(value.get_ref(), unread);
    None
}

/// Remembers an entry that could not be read: one more unread entry (and its nested ones), its
/// id, and the sections and powers it names.
fn forget(value: &DeValue<'_>, unread: &mut Unread) {
    let DeValue::Table(table) = value else {
        unread.entries += 1;
        return;
    };
    unread.entries += 1;
    if let Some(id) = table.get("id").and_then(|v| v.get_ref().as_str()) {
        unread.ids.insert(id.to_string());
    }
    for (key, value) in table.iter() {
        match (key.get_ref().as_ref(), value.get_ref()) {
            ("section", DeValue::String(s)) => {
                unread.named.insert(s.to_string());
            }
            ("powers" | "power", DeValue::Array(list)) => {
                let names = list.iter().filter_map(|p| p.get_ref().as_str());
                unread.named.extend(names.map(str::to_string));
            }
            (_, DeValue::Array(list)) => {
                for nested in list.iter() {
                    forget(nested.get_ref(), unread);
                }
            }
            _ => {}
        }
    }
}

/// Repairs the department's own fields until they deserialize, one error at a time: an unknown
/// or ill-typed field is left out, a missing or ill-typed `name` becomes the file's id (the
/// error already says what to write).
fn top_level(
    root: &mut Spanned<DeValue<'_>>,
    id: &str,
    unread: &mut Unread,
    sink: &mut Sink<'_>,
) -> Option<()> {
    for _ in 0..REPAIRS {
        let Err(err) = deserialize::<Department>(root.clone()) else {
            return Some(());
        };
        let message = err.message().to_string();
        let span = err.span();
        sink(err);
        let DeValue::Table(table) = root.get_mut() else {
            return None;
        };
        let key = if let Some(rest) = message.strip_prefix("unknown field `") {
            rest.split('`').next().map(str::to_string)
        } else if message.starts_with("missing field `name`") {
            Some("name".to_string())
        } else {
            span.and_then(|span| key_at(table, span.start))
        };
        let key = key?;
        if key == "name" {
            let at = table.get("name").map_or(0..0, Spanned::span);
            table.insert(
                Spanned::new(at.clone(), "name".to_string().into()),
                Spanned::new(at, DeValue::String(id.to_string().into())),
            );
        } else {
            let removed = table.remove(key.as_str())?;
            if let DeValue::Array(list) = removed.get_ref() {
                list.iter().for_each(|v| forget(v.get_ref(), unread));
            } else if let DeValue::Table(_) = removed.get_ref() {
                forget(removed.get_ref(), unread);
            }
            // `[[items]]` written for `[[duties.items]]`: the items of the duty above them.
            if key == "items"
                && let Some(duty) = entry_before(table, "duties", removed.span().start)
            {
                unread.duties.insert(duty);
            }
        }
    }
    None
}

/// The id of the last entry of the list `key` that starts before byte `at`.
fn entry_before(table: &DeTable<'_>, key: &str, at: usize) -> Option<String> {
    let DeValue::Array(list) = table.get(key)?.get_ref() else {
        return None;
    };
    let entry = list.iter().rev().find(|e| e.span().start < at)?;
    let DeValue::Table(entry) = entry.get_ref() else {
        return None;
    };
    entry.get("id")?.get_ref().as_str().map(str::to_string)
}

/// The top-level key whose value holds byte `at`.
fn key_at(table: &DeTable<'_>, at: usize) -> Option<String> {
    table
        .iter()
        .find(|(key, value)| key.span().contains(&at) || value.span().contains(&at))
        .map(|(key, _)| key.get_ref().to_string())
}

/// Whether every one of `values` deserializes as a `T`; each error goes to the sink.
fn all_fit<T: DeserializeOwned>(values: &[Spanned<DeValue<'_>>], sink: &mut Sink<'_>) -> bool {
    let bad = values.iter().filter(|v| !fits::<T>((*v).clone(), sink));
    bad.count() == 0
}

/// Whether `value` deserializes as a `T`; its error goes to the sink when not.
fn fits<T: DeserializeOwned>(value: Spanned<DeValue<'_>>, sink: &mut Sink<'_>) -> bool {
    match deserialize::<T>(value) {
        Ok(_) => true,
        Err(err) => {
            sink(err);
            false
        }
    }
}

pub(super) fn deserialize<T: DeserializeOwned>(
    value: Spanned<DeValue<'_>>,
) -> Result<T, toml::de::Error> {
    T::deserialize(ValueDeserializer::from(value))
}

/// The text at `key` of a table.
fn text_at<'v>(value: &'v Spanned<DeValue<'_>>, key: &str) -> Option<&'v str> {
    match value.get_ref() {
        DeValue::Table(table) => table.get(key)?.get_ref().as_str(),
        _ => None,
    }
}

/// Takes the array at `path` out of a table, leaving an empty array so the rest still
/// deserializes; returns nothing when there is no array there (the type error then stays).
fn take_list<'i>(value: &mut Spanned<DeValue<'i>>, path: &[&str]) -> Vec<Spanned<DeValue<'i>>> {
    match list_at(value, path) {
        Some(array) => std::mem::replace(array, DeArray::new())
            .into_iter()
            .collect(),
        None => Vec::new(),
    }
}

/// Puts entries back where [`take_list`] took them from.
fn put_nested<'i>(
    value: &mut Spanned<DeValue<'i>>,
    path: &[&str],
    entries: Vec<Spanned<DeValue<'i>>>,
) {
    if let Some(array) = list_at(value, path) {
        for entry in entries {
            array.push(entry);
        }
    }
}

/// Puts the kept entries of a top-level list back.
fn put_list<'i>(root: &mut Spanned<DeValue<'i>>, key: &str, entries: Vec<Spanned<DeValue<'i>>>) {
    put_nested(root, &[key], entries);
}

/// The array at `path` inside a table.
fn list_at<'a, 'i>(
    value: &'a mut Spanned<DeValue<'i>>,
    path: &[&str],
) -> Option<&'a mut DeArray<'i>> {
    let DeValue::Table(table) = value.get_mut() else {
        return None;
    };
    let (last, parents) = path.split_last()?;
    let mut table: &mut DeTable<'i> = table;
    for key in parents {
        match table.get_mut(*key).map(Spanned::get_mut) {
            Some(DeValue::Table(inner)) => table = inner,
            _ => return None,
        }
    }
    match table.get_mut(*last).map(Spanned::get_mut) {
        Some(DeValue::Array(array)) => Some(array),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn ids(unread: &Unread) -> BTreeSet<&str> {
        unread.ids.iter().map(String::as_str).collect()
    }

    fn salvaged(text: &str) -> (Option<Department>, Vec<String>) {
        let mut errors = Vec::new();
        let root = DeTable::parse(text).map(|t| {
            let span = t.span();
            Spanned::new(span, DeValue::Table(t.into_inner()))
        });
        let Ok(root) = root else {
            return (None, vec!["syntax".into()]);
        };
        let department = salvage(root, "huanbao", &mut |e| {
            errors.push(e.message().to_string())
        });
        (department, errors)
    }

    #[test]
    fn a_bad_section_leaves_the_rest_to_check() {
        let (d, errors) = salvaged(
            "name = \"x\"\n[[sections]]\nid = \"a\"\nnmae = \"b\"\n[[sections]]\nid = \"b\"\nname = \"c\"\nphone = \"0000-1234\"\n\
             [[duties]]\nid = \"d01\"\ntitle = \"t\"\nbasis = [\"b\"]\n  [[duties.items]]\n  text = 5\n  section = \"a\"\n\
               [[duties.items]]\n  text = \"ok\"\n  section = \"zz\"\n",
        );
        assert_eq!(errors.len(), 2, "{errors:?}");
        let Some(d) = d else {
            panic!("nothing salvaged: {errors:?}")
        };
        assert_eq!(d.sections.len(), 1);
        assert_eq!(d.duties[0].get_ref().items.len(), 1);
        assert_eq!(d.unread.entries, 2);
        assert_eq!(ids(&d.unread), BTreeSet::from(["a"]));
        assert!(d.unread.named.contains("a"));
        assert!(d.unread.duties.contains("d01"));
    }

    #[test]
    fn the_department_itself_is_repaired_one_field_at_a_time() {
        let (d, errors) = salvaged("nmae = \"x\"\norder = \"1\"\n[[services]]\nid = \"s\"\n");
        assert_eq!(errors.len(), 4, "{errors:?}");
        let Some(d) = d else {
            panic!("nothing salvaged: {errors:?}")
        };
        assert_eq!(d.name.get_ref(), "huanbao");
        assert!(d.order.is_none());
        assert!(d.unread.services);
    }
}
