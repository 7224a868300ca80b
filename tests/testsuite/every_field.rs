//! Every field of the model reaches every stage that must know it. A project with a value in
//! every field of every table is generated from the model's description (so a field added to the
//! model is tested without a change here); then each field is found in the JSON Schemas, in what
//! fmt writes, in the open-data tables, and in what diff reports when its value changes.

use std::collections::BTreeMap;
use std::path::Path;

use resplist::model::describe::{Described, Entity, Field, Kind};
use resplist::model::{Department, Language, Project, SiteFile};
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, value};

use crate::common::{Schema, project};

/// A field as the generated project holds it.
struct Written {
    /// Where it is: table keys down to the field (`["duties", "items", "note"]`).
    path: Vec<&'static str>,
    field: &'static Field,
    /// Its value as an open-data cell shows it.
    cell: String,
}

/// Writes values for every field, each different from every other, with references that
/// resolve: the offices and powers named are the department's first, the departments named
/// are the other department.
struct Generator {
    n: usize,
    other: &'static str,
    first_section: Option<String>,
    first_power: Option<String>,
    written: Vec<Written>,
}

impl Generator {
    fn new(other: &'static str) -> Generator {
        Generator {
            n: 0,
            other,
            first_section: None,
            first_power: None,
            written: Vec::new(),
        }
    }

    fn table(&mut self, entity: &'static Entity, path: &[&'static str]) -> Table {
        let mut table = Table::new();
        for field in entity.fields {
            let mut here = path.to_vec();
            here.push(field.key);
            match field.kind {
                Kind::Table(of) => {
                    let nested = self.table(of(), &here);
                    table.insert(field.key, Item::Table(nested));
                }
                Kind::Entries(of) => {
                    let mut list = ArrayOfTables::new();
                    list.push(self.table(of(), &here));
                    table.insert(field.key, Item::ArrayOfTables(list));
                }
                _ => {
                    let (item, cell) = self.value(entity, field);
                    table.insert(field.key, item);
                    self.written.push(Written {
                        path: here,
                        field,
                        cell,
                    });
                }
            }
        }
        table
    }

    /// A valid value of the field's kind, and the same as an open-data cell.
    fn value(&mut self, entity: &Entity, field: &Field) -> (Item, String) {
        self.n += 1;
        let n = self.n;
        let text = |t: String| (value(t.clone()), t);
        match field.kind {
            Kind::Id => {
                let id = format!("x{n}");
                if entity.key == "section" && self.first_section.is_none() {
                    self.first_section = Some(id.clone());
                }
                if entity.key == "power" && self.first_power.is_none() {
                    self.first_power = Some(id.clone());
                }
                text(id)
            }
            Kind::Text | Kind::Markdown => text(format!("第{n}项内容")),
            Kind::Phone => text(format!("0000-6300 {n:04}")),
            Kind::Url => text(format!("https://example.org/{n}")),
            Kind::SectionRef => text(self.first_section.clone().unwrap_or_default()),
            Kind::DepartmentRef => text(self.other.to_string()),
            Kind::TopicRef => text(format!("topic-{n}")),
            Kind::PowerRefs => {
                let id = self.first_power.clone().unwrap_or_default();
                (value(Array::from_iter([id.as_str()])), id)
            }
            Kind::Basis | Kind::Texts => {
                let t = format!("第{n}条依据");
                (value(Array::from_iter([t.as_str()])), t)
            }
            Kind::Groups => {
                let (a, b) = (format!("俗称{n}"), format!("正式名称{n}"));
                let group = Array::from_iter([a.as_str(), b.as_str()]);
                (value(Array::from_iter([group])), format!("{a} = {b}"))
            }
            Kind::Integer => (value(n as i64), n.to_string()),
            Kind::Bool => (value(true), "true".into()),
            Kind::Date => {
                let date = format!("2020-01-{:02}", n % 28 + 1);
                let parsed: toml_edit::Datetime = date.parse().unwrap();
                (value(parsed), date)
            }
            // The first value of every enum fits the others: a retained licensing power,
            // supervised by an approval regime, in a basic service.
            Kind::Enum(choices) => text(choices.keys().next().unwrap().to_string()),
            Kind::Table(_) | Kind::Entries(_) => unreachable!("tables are written as tables"),
        }
    }
}

/// The generated project: `resplist.toml`, and departments `a` and `b`, each partnering the
/// other; with every field written in `a`.
struct Generated {
    site: String,
    a: String,
    b: String,
    written: Vec<Written>,
    site_written: Vec<Written>,
}

fn generate() -> Generated {
    let mut site = Generator::new("b");
    let site_table = site.table(SiteFile::description(), &[]);
    let mut a = Generator::new("b");
    a.n = 1000;
    let a_table = a.table(Department::description(), &[]);
    let mut b = Generator::new("a");
    b.n = 2000;
    let b_table = b.table(Department::description(), &[]);
    let text = |t: Table| DocumentMut::from(t).to_string();
    Generated {
        site: text(site_table),
        a: text(a_table),
        b: text(b_table),
        written: a.written,
        site_written: site.written,
    }
}

fn write(g: &Generated) -> tempfile::TempDir {
    let dir = project(&[("a.toml", g.a.as_bytes()), ("b.toml", g.b.as_bytes())]);
    std::fs::write(dir.path().join("resplist.toml"), &g.site).unwrap();
    dir
}

#[test]
fn the_generated_project_fills_every_field_and_checks_clean() {
    let g = generate();
    let dir = write(&g);
    let project = resplist::load::load(dir.path()).unwrap();
    let errors: Vec<String> = resplist::check::check(&project)
        .into_iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{:?}: {}", d.code, d.message))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{}", g.a);
    // Every table of a department file is there, every field of it written.
    let fields: usize = Department::description()
        .walk()
        .iter()
        .map(|e| {
            e.fields
                .iter()
                .filter(|f| !matches!(f.kind, Kind::Table(_) | Kind::Entries(_)))
                .count()
        })
        .sum();
    assert_eq!(g.written.len(), fields);
}

#[test]
fn every_field_is_in_the_schemas() {
    // The schemas refuse unknown keys, so a file with every field validates only if the schema
    // has every one of them.
    let g = generate();
    assert_eq!(Schema::site().problems(&g.site), Vec::<String>::new());
    assert_eq!(Schema::department().problems(&g.a), Vec::<String>::new());
}

#[test]
fn every_field_keeps_its_place_and_value_through_fmt() {
    let g = generate();
    let formatted = resplist::fmt::format_department(&g.a).unwrap();
    let before: toml::Table = toml::from_str(&g.a).unwrap();
    let after: toml::Table = toml::from_str(&formatted).unwrap();
    assert_eq!(before, after);
    for w in &g.written {
        let line = format!("{} = ", w.field.key);
        assert!(
            formatted.lines().any(|l| l.trim_start().starts_with(&line)),
            "{:?} is not in fmt's output",
            w.path
        );
    }
}

/// Each CSV under `opendata/`: its header and rows.
fn tables(dir: &Path) -> BTreeMap<String, (Vec<String>, Vec<Vec<String>>)> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir.join("opendata")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "csv") {
            continue;
        }
        let mut reader = csv::Reader::from_path(&path).unwrap();
        let header = reader.headers().unwrap().iter().map(String::from).collect();
        let rows = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        out.insert(name, (header, rows));
    }
    out
}

#[test]
fn every_field_of_the_list_is_in_the_open_data() {
    let g = generate();
    let dir = write(&g);
    let project = resplist::load::load(dir.path()).unwrap();
    let (_, checked) = resplist::check::checked(&project, true).unwrap();
    let checked = checked.unwrap();
    let out = tempfile::tempdir().unwrap();
    let theme = resplist::theme::Theme::load(None).unwrap();
    resplist::render::render(&checked, &theme, out.path(), None).unwrap();
    let tables = tables(out.path());
    for w in &g.written {
        // A field of a nested table is flattened under its table's key: `case_title`.
        let column = match w.path.as_slice() {
            [.., table, key] if is_table(&w.path) => format!("{table}_{key}"),
            _ => w.field.key.to_string(),
        };
        let found = tables.values().any(|(header, rows)| {
            header.iter().position(|h| *h == column).is_some_and(|at| {
                rows.iter()
                    .any(|row| row.get(at).is_some_and(|c| *c == w.cell))
            })
        });
        assert!(
            found,
            "{:?}: no column `{column}` holds {:?}",
            w.path, w.cell
        );
    }
}

/// Whether the field at `path` is in a nested table (`[boundaries.case]`), not a list entry.
fn is_table(path: &[&str]) -> bool {
    let (parents, _) = path.split_at(path.len() - 1);
    let mut entity = Department::description();
    let mut last_was_table = false;
    for key in parents {
        let field = entity.field(key).unwrap();
        last_was_table = matches!(field.kind, Kind::Table(_));
        entity = field.kind.nested().unwrap();
    }
    last_was_table
}

/// The generated file with the value at `path` (first entry of every list) changed.
fn changed(text: &str, path: &[&str], field: &Field) -> String {
    let mut doc: DocumentMut = text.parse().unwrap();
    let (last, parents) = path.split_last().unwrap();
    let mut table = doc.as_table_mut();
    for key in parents {
        table = match table.get_mut(key).unwrap() {
            Item::Table(t) => t,
            Item::ArrayOfTables(list) => list.get_mut(0).unwrap(),
            other => panic!("{key}: {other:?}"),
        };
    }
    let new = match field.kind {
        Kind::Integer => value(99_999),
        Kind::Bool => value(false),
        Kind::Date => value("2021-02-03".parse::<toml_edit::Datetime>().unwrap()),
        Kind::Enum(choices) => value(choices.keys().last().unwrap()),
        Kind::Basis | Kind::Texts | Kind::PowerRefs => value(Array::from_iter(["改"])),
        Kind::DepartmentRef => value("a"),
        _ => value(format!("{}改", table[*last].as_str().unwrap())),
    };
    table[*last] = new;
    doc.to_string()
}

fn load(site: &str, a: &str, b: &str) -> Project {
    resplist::load::load_from_memory(
        Path::new("p"),
        site.as_bytes().to_vec(),
        vec![
            ("departments/a.toml".into(), a.as_bytes().to_vec()),
            ("departments/b.toml".into(), b.as_bytes().to_vec()),
        ],
    )
}

#[test]
fn a_change_to_any_field_of_the_list_is_in_the_diff() {
    let g = generate();
    let old = load(&g.site, &g.a, &g.b);
    assert!(!resplist::diff::diff(&old, &old, Language::ZhCn).has_changes());
    for w in &g.written {
        let new = load(&g.site, &changed(&g.a, &w.path, w.field), &g.b);
        let diff = resplist::diff::diff(&old, &new, Language::ZhCn);
        assert!(diff.has_changes(), "{:?}: no change found", w.path);
        // The change names the field (`note`, `case.title`), or — for a partner or a mock-case
        // step, which diff reports in notes on their boundary — is noted.
        let changes = diff
            .departments
            .iter()
            .flat_map(|d| &d.changes)
            .chain(&diff.boundaries);
        let named = changes
            .clone()
            .flat_map(|c| &c.fields)
            .any(|f| f.field.rsplit('.').next() == Some(w.field.key));
        let noted = changes.flat_map(|c| &c.notes).next().is_some();
        assert!(
            named || noted,
            "{:?}: the diff does not show it:\n{}",
            w.path,
            resplist::diff::report::json(&diff)
        );
    }
}

#[test]
fn a_change_to_any_field_of_the_site_is_in_the_diff() {
    let g = generate();
    let old = load(&g.site, &g.a, &g.b);
    // [build] says how the site is built, not what the list says: diff leaves it out.
    for w in g.site_written.iter().filter(|w| w.path[0] == "site") {
        let new = load(&changed(&g.site, &w.path, w.field), &g.a, &g.b);
        let diff = resplist::diff::diff(&old, &new, Language::ZhCn);
        assert!(
            diff.site.iter().any(|f| f.field == w.field.key),
            "{:?}: {:?}",
            w.path,
            diff.site
        );
    }
}
