//! Open data under `opendata/`: the whole normalized list as one JSON file, and a Frictionless
//! Tabular Data Package (`datapackage.json` + one RFC 4180 CSV per table) whose Table Schemas
//! carry types, constraints, primary keys and the foreign keys between the tables.
//! The CSVs start with a UTF-8 byte order mark, without which Excel reads them as GBK.

use serde::Serialize;
use serde_json::{Value, json};

use super::writer::Writer;
use crate::check::Checked;
use crate::model::describe::{Described, Entity, Field, Kind, Value as DValue};
use crate::model::{Department, Partner, Totals};
use crate::msg;

/// Multi-valued text (legal bases, measures) is joined with newlines; id lists with spaces.
const TEXT_LIST_SEPARATOR: &str = "\n";
/// Excel takes a CSV for the system's legacy code page (GBK on a Chinese Windows) unless it
/// starts with this; every CSV reader the package names (Frictionless, pandas, R) skips it.
const BOM: &[u8] = b"\xEF\xBB\xBF";
/// The two roles in a boundary.
const LEAD: &str = "lead";
const PARTNER: &str = "partner";

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    site: Value,
    totals: Totals,
    departments: Vec<&'a Department>,
}

pub fn render(checked: &Checked<'_>, out: &Writer) -> anyhow::Result<()> {
    let site = checked.site();
    let departments: Vec<&Department> = checked.departments().iter().map(|d| d.model).collect();
    let document = Document {
        format: "resplist/1",
        site: json!({
            "title": site.title.get_ref(),
            "jurisdiction": site.jurisdiction.get_ref(),
            "language": checked.language().key(),
            "published": site.published.as_ref().map(|d| d.get_ref().to_string()),
            "base_url": site.base_url.as_ref().map(|u| u.get_ref()),
        }),
        totals: checked.totals(),
        departments: departments.clone(),
    };
    out.write("opendata/resplist.json", &serde_json::to_vec(&document)?)?;
    tables(&[(None, departments)], site.title.get_ref(), out)
}

/// A workspace's lists as one package: every table holds the rows of every list, each row's
/// jurisdiction (its member's id) in a first column that leads every key. `lists` are
/// (jurisdiction, list).
pub fn render_many(
    lists: &[(&str, &Checked<'_>)],
    title: &str,
    out: &Writer,
) -> anyhow::Result<()> {
    let lists: Vec<(Option<&str>, Vec<&Department>)> = lists
        .iter()
        .map(|(name, c)| {
            (
                Some(*name),
                c.departments().iter().map(|d| d.model).collect(),
            )
        })
        .collect();
    tables(&lists, title, out)
}

/// The column that names a row's jurisdiction in a workspace's tables.
const JURISDICTION: &str = "jurisdiction";

/// Writes every table's CSV and the package that describes them.
fn tables(
    lists: &[(Option<&str>, Vec<&Department>)],
    title: &str,
    out: &Writer,
) -> anyhow::Result<()> {
    let named = lists.iter().any(|(name, _)| name.is_some());
    let mut resources = Vec::new();
    for table in TABLES {
        let columns = table.columns();
        // csv-core looks for quotes in the whole rest of a field every time its buffer fills,
        // which is quadratic in the length of one field: with the default 8 KiB buffer, one
        // 50 MB remark took 3 s. A 1 MiB buffer keeps a field of the largest file resplist
        // reads (64 MiB) to at most 64 such scans.
        let mut csv = csv::WriterBuilder::new()
            .buffer_capacity(1 << 20)
            .terminator(csv::Terminator::CRLF)
            .from_writer(BOM.to_vec());
        let first = named.then(|| JURISDICTION.to_string());
        csv.write_record(first.into_iter().chain(columns.iter().map(Column::name)))?;
        for (name, departments) in lists {
            for row in table.rows(departments, &columns) {
                csv.write_record(name.iter().map(|n| n.to_string()).chain(row))?;
            }
        }
        let bytes = csv.into_inner().map_err(|e| {
            msg!(
                "cannot-write-csv",
                table = table.name,
                reason = e.to_string()
            )
        })?;
        out.write(&format!("opendata/{}.csv", table.name), &bytes)?;
        let mut resource = table.resource(&columns);
        if named {
            jurisdiction_first(&mut resource);
        }
        resources.push(resource);
    }
    let package = json!({
        "profile": "tabular-data-package",
        "name": "resplist",
        "title": title,
        "description": "A government responsibility list (责任清单) published with resplist: departments, their offices, duties and work items, power-list entries, duty boundaries with mock cases, supervision regimes and public services. Lists of text (legal bases, measures) are separated by line breaks; lists of ids by spaces.",
        "licenses": [{"name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/", "title": "CC0 1.0"}],
        "resources": resources,
    });
    out.write(
        "opendata/datapackage.json",
        &serde_json::to_vec_pretty(&package)?,
    )?;
    Ok(())
}

/// A resource of a workspace's package: the jurisdiction column first, and leading the primary
/// key and both sides of every foreign key, since ids are unique only within a jurisdiction.
fn jurisdiction_first(resource: &mut Value) {
    let schema = &mut resource["schema"];
    let field = json!({"name": JURISDICTION, "type": "string", "description": "Id of the jurisdiction (the workspace member) the row belongs to", "constraints": {"required": true}});
    let lead = |v: &mut Value| {
        if let Some(list) = v.as_array_mut() {
            list.insert(0, json!(JURISDICTION));
        }
    };
    if let Some(fields) = schema["fields"].as_array_mut() {
        fields.insert(0, field);
    }
    lead(&mut schema["primaryKey"]);
    if let Some(keys) = schema["foreignKeys"].as_array_mut() {
        for key in keys {
            lead(&mut key["fields"]);
            lead(&mut key["reference"]["fields"]);
        }
    }
}

/// One CSV table of the package: which entries it holds and how they are keyed. Its columns are
/// the primary key, then the other context columns, then the fields of the entries' model type
/// in the model's order (a nested table's fields flattened as `case_title`; lists of tables are
/// tables of their own), so a field added to the model is published without a change here.
struct Table {
    name: &'static str,
    title: &'static str,
    /// The field path from a department to the entries (`["duties", "items"]`); empty for the
    /// departments themselves.
    path: &'static [&'static str],
    /// Columns that say where an entry sits rather than what it holds.
    context: &'static [Context],
    primary_key: &'static [&'static str],
    /// (fields, referenced table, referenced fields)
    foreign_keys: &'static [(
        &'static [&'static str],
        &'static str,
        &'static [&'static str],
    )],
}

/// A context column and where its value comes from.
struct Context {
    name: &'static str,
    source: Source,
    description: &'static str,
}

#[derive(Clone, Copy)]
enum Source {
    /// The id of the department the entry is in.
    Department,
    /// The id of the nearest entry above it that has an id (the duty of a work item).
    Parent,
    /// The entry's position in its list, from 1.
    Position,
    /// A boundary role: `lead` for the lead department's row, `partner` for the others.
    Role,
}

const fn context(name: &'static str, source: Source, description: &'static str) -> Context {
    Context {
        name,
        source,
        description,
    }
}

const DEPARTMENT: Context = context("department", Source::Department, "Department id");
const DEPARTMENT_FK: (&[&str], &str, &[&str]) = (&["department"], "departments", &["id"]);

const TABLES: &[Table] = &[
    Table {
        name: "departments",
        title: "部门 Departments",
        path: &[],
        context: &[context(
            "id",
            Source::Department,
            "Department id (the source file's stem)",
        )],
        primary_key: &["id"],
        foreign_keys: &[],
    },
    Table {
        name: "sections",
        title: "责任科室 Responsible offices",
        path: &["sections"],
        context: &[DEPARTMENT],
        primary_key: &["department", "id"],
        foreign_keys: &[DEPARTMENT_FK],
    },
    Table {
        name: "powers",
        title: "权力清单事项 Power-list entries",
        path: &["powers"],
        context: &[DEPARTMENT],
        primary_key: &["department", "id"],
        foreign_keys: &[DEPARTMENT_FK],
    },
    Table {
        name: "duties",
        title: "主要职责 Main duties",
        path: &["duties"],
        context: &[DEPARTMENT],
        primary_key: &["department", "id"],
        foreign_keys: &[DEPARTMENT_FK],
    },
    Table {
        name: "work_items",
        title: "具体工作事项 Work items",
        path: &["duties", "items"],
        context: &[
            DEPARTMENT,
            context("duty", Source::Parent, "Duty id"),
            context(
                "position",
                Source::Position,
                "Position of the item within its duty, from 1",
            ),
        ],
        primary_key: &["department", "duty", "position"],
        foreign_keys: &[
            (&["department", "duty"], "duties", &["department", "id"]),
            (
                &["department", "section"],
                "sections",
                &["department", "id"],
            ),
        ],
    },
    Table {
        name: "boundaries",
        title: "职责边界 Duty boundaries",
        path: &["boundaries"],
        context: &[context("lead", Source::Department, "Lead department id")],
        primary_key: &["id"],
        foreign_keys: &[(&["lead"], "departments", &["id"])],
    },
    Table {
        name: "boundary_roles",
        title: "牵头与协办 Lead and partner departments",
        path: ROLES,
        context: &[
            context("boundary", Source::Parent, "Boundary id"),
            context("role", Source::Role, "lead (牵头) or partner (协办)"),
        ],
        primary_key: &["boundary", "department"],
        foreign_keys: &[(&["boundary"], "boundaries", &["id"]), DEPARTMENT_FK],
    },
    Table {
        name: "case_steps",
        title: "模拟案例步骤 Mock-case steps",
        path: &["boundaries", "case", "steps"],
        context: &[
            context("boundary", Source::Parent, "Boundary id"),
            context("position", Source::Position, "Order of the step, from 1"),
        ],
        primary_key: &["boundary", "position"],
        foreign_keys: &[(
            &["boundary", "department"],
            "boundary_roles",
            &["boundary", "department"],
        )],
    },
    Table {
        name: "supervision",
        title: "事中事后监管制度 Supervision regimes",
        path: &["supervision"],
        context: &[DEPARTMENT],
        primary_key: &["department", "id"],
        // `section` is optional, and Frictionless rejects a composite key that is partly empty,
        // so (department, section) → sections is guaranteed by `resplist check`, not declared.
        foreign_keys: &[DEPARTMENT_FK],
    },
    Table {
        name: "indicators",
        title: "监管指标 Supervision indicators",
        path: &["supervision", "indicators"],
        context: &[
            DEPARTMENT,
            context("regime", Source::Parent, "Supervision regime id"),
            context(
                "position",
                Source::Position,
                "Order within the regime, from 1",
            ),
        ],
        primary_key: &["department", "regime", "position"],
        foreign_keys: &[(
            &["department", "regime"],
            "supervision",
            &["department", "id"],
        )],
    },
    Table {
        name: "services",
        title: "公共服务事项 Public services",
        path: &["services"],
        context: &[DEPARTMENT],
        primary_key: &["department", "id"],
        // As for supervision: the optional `section` is checked, not declared.
        foreign_keys: &[DEPARTMENT_FK],
    },
];

/// A column of a table: a context column or a field of the entries (`prefix` names the nested
/// table a flattened field comes from).
enum Column {
    Context(&'static Context),
    Field {
        prefix: Option<&'static str>,
        field: &'static Field,
    },
    /// The name of the office a section reference names, beside its id (`section_name`): in a
    /// spreadsheet the table says who is responsible without a lookup in `sections`.
    OfficeName {
        prefix: Option<&'static str>,
        field: &'static Field,
    },
}

impl Column {
    fn name(&self) -> String {
        match self {
            Column::Context(c) => c.name.to_string(),
            Column::Field { prefix, field } => field_column(*prefix, field),
            Column::OfficeName { prefix, field } => {
                format!("{}_name", field_column(*prefix, field))
            }
        }
    }

    /// The column's Table Schema field.
    fn schema(&self) -> Value {
        let (kind, required, values, description) = match self {
            Column::Context(c) => {
                let kind = match c.source {
                    Source::Position => "integer",
                    _ => "string",
                };
                let values = match c.source {
                    Source::Role => Some(vec![LEAD, PARTNER]),
                    _ => None,
                };
                (kind, true, values, c.description.to_string())
            }
            Column::Field { field, .. } => field_schema(field),
            Column::OfficeName { prefix, field } => (
                "string",
                field.required,
                None,
                format!(
                    "Name of the office whose id is in `{}`",
                    field_column(*prefix, field)
                ),
            ),
        };
        let mut constraints = serde_json::Map::new();
        if required {
            constraints.insert("required".into(), json!(true));
        }
        if let Some(values) = values {
            constraints.insert("enum".into(), json!(values));
        }
        let mut v = json!({"name": self.name(), "type": kind, "description": description});
        if !constraints.is_empty() {
            v["constraints"] = Value::Object(constraints);
        }
        v
    }
}

/// The column of a field: its key, under its nested table's key when it has one (`case_title`).
fn field_column(prefix: Option<&str>, field: &Field) -> String {
    match prefix {
        Some(p) => format!("{p}_{}", field.key),
        None => field.key.to_string(),
    }
}

/// A field's type, whether every row has a value, its allowed values and its description.
fn field_schema(field: &Field) -> (&'static str, bool, Option<Vec<&'static str>>, String) {
    let description = match field.kind {
        Kind::Markdown => format!("{} (Markdown)", field.en),
        Kind::Basis | Kind::Texts => format!("{}, one per line", field.en),
        Kind::PowerRefs => format!("{}, separated by spaces", field.en),
        _ => field.en.to_string(),
    };
    match field.kind {
        Kind::Integer => ("integer", field.required, None, description),
        // Absent means false, and false is written.
        Kind::Bool => ("boolean", true, None, description),
        Kind::Enum(choices) => ("string", true, Some(choices.keys().collect()), description),
        _ => ("string", field.required, None, description),
    }
}

impl Table {
    fn entity(&self) -> Option<&'static Entity> {
        Department::description().at(self.path.iter().copied())
    }

    fn columns(&self) -> Vec<Column> {
        let mut fields = Vec::new();
        if let Some(entity) = self.entity() {
            flat_fields(entity, None, &mut fields);
        }
        let context = self.context.iter().map(Column::Context);
        let (mut key, rest): (Vec<Column>, Vec<Column>) = context
            .chain(fields)
            .partition(|c| self.primary_key.contains(&c.name().as_str()));
        key.sort_by_key(|c| self.primary_key.iter().position(|k| *k == c.name()));
        key.extend(rest);
        key
    }

    fn resource(&self, columns: &[Column]) -> Value {
        let fields: Vec<Value> = columns.iter().map(Column::schema).collect();
        let foreign_keys: Vec<Value> = self
            .foreign_keys
            .iter()
            .map(|(fields, resource, reference)| json!({"fields": fields, "reference": {"resource": resource, "fields": reference}}))
            .collect();
        json!({
            "name": self.name,
            "title": self.title,
            "path": format!("{}.csv", self.name),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": fields, "primaryKey": self.primary_key, "foreignKeys": foreign_keys, "missingValues": [""]},
        })
    }

    /// The table's rows, departments in publication order and entries in file order.
    fn rows(&self, departments: &[&Department], columns: &[Column]) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        for d in departments {
            let roles = self.path == ROLES;
            // Built here so that the entries found can borrow them.
            let leads: Vec<Partner> = if roles {
                d.boundaries
                    .iter()
                    .map(|b| b.get_ref().lead_role(&d.id))
                    .collect()
            } else {
                Vec::new()
            };
            let mut found = Vec::new();
            if roles {
                boundary_roles(d, &leads, &mut found);
            } else {
                entries_at(*d, &d.id, 0, self.path, &mut found);
            }
            rows.extend(
                found
                    .iter()
                    .map(|entry| columns.iter().map(|c| cell(c, d, entry)).collect()),
            );
        }
        rows
    }
}

/// The path of the table of boundary roles, which holds the lead's role as well as the partners'.
const ROLES: &[&str] = &["boundaries", "partners"];

/// Every boundary's roles: the lead's (one in `leads` per boundary), then its partners'.
fn boundary_roles<'a>(d: &'a Department, leads: &'a [Partner], out: &mut Vec<Found<'a>>) {
    for (b, lead) in d.boundaries.iter().zip(leads) {
        let b = b.get_ref();
        let boundary = b.id.get_ref().as_str();
        out.push(Found {
            entry: lead,
            parent: boundary,
            position: 0,
            role: LEAD,
        });
        for (i, p) in b.partners.get_ref().iter().enumerate() {
            out.push(Found {
                entry: p.get_ref(),
                parent: boundary,
                position: i + 1,
                role: PARTNER,
            });
        }
    }
}

/// The fields of `entity` that are columns: every field but lists of tables, with nested tables'
/// fields flattened under their key, and each office id followed by the office's name.
fn flat_fields(entity: &'static Entity, prefix: Option<&'static str>, out: &mut Vec<Column>) {
    for field in entity.fields {
        match field.kind {
            Kind::Entries(_) => {}
            Kind::Table(nested) => flat_fields(nested(), Some(field.key), out),
            Kind::SectionRef => {
                out.push(Column::Field { prefix, field });
                out.push(Column::OfficeName { prefix, field });
            }
            _ => out.push(Column::Field { prefix, field }),
        }
    }
}

/// One entry found at a table's path, with what its context columns need.
struct Found<'a> {
    entry: &'a dyn Described,
    /// The id of the nearest entry above it with an id.
    parent: &'a str,
    /// Its position in its list, from 1.
    position: usize,
    /// Its role, in the table of boundary roles.
    role: &'static str,
}

/// Walks `path` from `entry`, collecting what is at its end.
fn entries_at<'a>(
    entry: &'a dyn Described,
    parent: &'a str,
    position: usize,
    path: &[&str],
    out: &mut Vec<Found<'a>>,
) {
    let Some((first, rest)) = path.split_first() else {
        out.push(Found {
            entry,
            parent,
            position,
            role: PARTNER,
        });
        return;
    };
    let parent = match entry.value("id") {
        DValue::Text(id) => id,
        _ => parent,
    };
    match entry.value(first) {
        DValue::Table(table) => entries_at(table, parent, position, rest, out),
        DValue::Entries(list) => {
            for (i, item) in list.into_iter().enumerate() {
                entries_at(item, parent, i + 1, rest, out);
            }
        }
        _ => {}
    }
}

fn cell(column: &Column, department: &Department, found: &Found<'_>) -> String {
    match column {
        Column::Context(c) => match c.source {
            Source::Department => department.id.clone(),
            Source::Parent => found.parent.to_string(),
            Source::Position => found.position.to_string(),
            Source::Role => found.role.to_string(),
        },
        Column::Field { prefix, field } => text(field, field_value(found, *prefix, field)),
        Column::OfficeName { prefix, field } => match field_value(found, *prefix, field) {
            DValue::Text(id) => department
                .section(id)
                .map(|s| s.name.get_ref().clone())
                .unwrap_or_default(),
            _ => String::new(),
        },
    }
}

/// The value of a field of the entry found, or of its nested table `prefix`.
fn field_value<'a>(found: &Found<'a>, prefix: Option<&str>, field: &Field) -> DValue<'a> {
    match prefix {
        Some(p) => match found.entry.value(p) {
            DValue::Table(table) => table.value(field.key),
            _ => DValue::Absent,
        },
        None => found.entry.value(field.key),
    }
}

/// A value as CSV text: lists of text one per line, lists of ids separated by spaces, enums by
/// their key, an absent flag as false.
fn text(field: &Field, value: DValue<'_>) -> String {
    match value {
        DValue::Absent if matches!(field.kind, Kind::Bool) => "false".into(),
        DValue::Absent | DValue::Table(_) | DValue::Entries(_) => String::new(),
        DValue::Text(t) => t.to_string(),
        DValue::List(items) if matches!(field.kind, Kind::PowerRefs) => items.join(" "),
        DValue::List(items) => items.join(TEXT_LIST_SEPARATOR),
        DValue::Groups(groups) => groups
            .iter()
            .map(|g| g.join(" = "))
            .collect::<Vec<_>>()
            .join(TEXT_LIST_SEPARATOR),
        DValue::Integer(n) => n.to_string(),
        DValue::Bool(b) => b.to_string(),
        DValue::Date(d) => d.to_string(),
        DValue::Choice { key, .. } => key.to_string(),
    }
}
