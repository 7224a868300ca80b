//! Open data under `opendata/`: the whole normalized list as one JSON file, and a Frictionless
//! Tabular Data Package (`datapackage.json` + one RFC 4180 CSV per table) whose Table Schemas
//! carry types, constraints, primary keys and the foreign keys between the tables.

use serde::Serialize;
use serde_json::{Value, json};

use super::Writer;
use crate::index::ListIndex;
use crate::model::Project;
use crate::model::{
    Department, PowerKind, PowerStatus, ServiceCategory, Spanned, SupervisionCategory, Totals,
};

/// Multi-valued text (legal bases, measures) is joined with newlines; id lists with spaces.
const TEXT_LIST_SEPARATOR: &str = "\n";

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    site: Value,
    totals: Totals,
    departments: Vec<&'a Department>,
}

pub fn render(project: &Project, out: &Writer) -> anyhow::Result<()> {
    let index = ListIndex::new(project);
    let site = project.site.as_ref().map(|s| s.site.get_ref());
    let document = Document {
        format: "resplist/1",
        site: json!({
            "title": site.map(|s| s.title.get_ref()),
            "jurisdiction": site.map(|s| s.jurisdiction.get_ref()),
            "language": project.language().key(),
            "published": site.and_then(|s| s.published.as_ref()).map(|d| d.get_ref().to_string()),
            "base_url": site.and_then(|s| s.base_url.as_ref()).map(|u| u.get_ref()),
        }),
        totals: Totals::of(&project.departments),
        departments: index.departments.clone(),
    };
    out.write("opendata/resplist.json", &serde_json::to_vec(&document)?)?;

    let tables = tables(&index);
    let mut resources = Vec::new();
    for table in &tables {
        // csv-core looks for quotes in the whole rest of a field every time its buffer fills,
        // which is quadratic in the length of one field: with the default 8 KiB buffer, one
        // 50 MB remark took 3 s. A 1 MiB buffer keeps a field of the largest file resplist
        // reads (64 MiB) to at most 64 such scans.
        let mut csv = csv::WriterBuilder::new()
            .buffer_capacity(1 << 20)
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        csv.write_record(table.fields.iter().map(|f| f.name))?;
        for row in &table.rows {
            csv.write_record(row)?;
        }
        let bytes = csv
            .into_inner()
            .map_err(|e| anyhow::anyhow!("cannot write {}.csv: {e}", table.name))?;
        out.write(&format!("opendata/{}.csv", table.name), &bytes)?;
        resources.push(table.resource());
    }
    let package = json!({
        "profile": "tabular-data-package",
        "name": "resplist",
        "title": site.map(|s| s.title.get_ref()),
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

struct Field {
    name: &'static str,
    kind: &'static str,
    required: bool,
    values: Option<Vec<&'static str>>,
    description: &'static str,
}

fn field(
    name: &'static str,
    kind: &'static str,
    required: bool,
    description: &'static str,
) -> Field {
    Field {
        name,
        kind,
        required,
        values: None,
        description,
    }
}

fn choice(name: &'static str, values: Vec<&'static str>, description: &'static str) -> Field {
    Field {
        name,
        kind: "string",
        required: true,
        values: Some(values),
        description,
    }
}

struct Table {
    name: &'static str,
    title: &'static str,
    fields: Vec<Field>,
    primary_key: Vec<&'static str>,
    /// (fields, referenced table, referenced fields)
    foreign_keys: Vec<(Vec<&'static str>, &'static str, Vec<&'static str>)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn resource(&self) -> Value {
        let fields: Vec<Value> = self
            .fields
            .iter()
            .map(|f| {
                let mut constraints = serde_json::Map::new();
                if f.required {
                    constraints.insert("required".into(), json!(true));
                }
                if let Some(values) = &f.values {
                    constraints.insert("enum".into(), json!(values));
                }
                let mut v = json!({"name": f.name, "type": f.kind, "description": f.description});
                if !constraints.is_empty() {
                    v["constraints"] = Value::Object(constraints);
                }
                v
            })
            .collect();
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
}

fn keys<T: Copy>(all: &[T], key: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| key(*v)).collect()
}

fn s(v: &Spanned<String>) -> String {
    v.get_ref().clone()
}

fn opt(v: &Option<Spanned<String>>) -> String {
    v.as_ref().map(s).unwrap_or_default()
}

fn tables(index: &ListIndex<'_>) -> Vec<Table> {
    let deps = &index.departments;
    let dep_fk = || (vec!["department"], "departments", vec!["id"]);
    let mut out = Vec::new();

    out.push(Table {
        name: "departments",
        title: "部门 Departments",
        fields: vec![
            field(
                "id",
                "string",
                true,
                "Department id (the source file's stem)",
            ),
            field("name", "string", true, "Full name"),
            field("short_name", "string", false, "Short name"),
            field("order", "integer", false, "Sort key for listings"),
            field("phone", "string", false, "Main or supervision phone"),
            field("address", "string", false, "Address"),
            field("website", "string", false, "Website"),
            field("summary", "string", false, "Summary (Markdown)"),
        ],
        primary_key: vec!["id"],
        foreign_keys: vec![],
        rows: deps
            .iter()
            .map(|d| {
                vec![
                    d.id.clone(),
                    s(&d.name),
                    opt(&d.short_name),
                    d.order
                        .as_ref()
                        .map(|o| o.get_ref().to_string())
                        .unwrap_or_default(),
                    opt(&d.phone),
                    opt(&d.address),
                    opt(&d.website),
                    opt(&d.summary),
                ]
            })
            .collect(),
    });

    out.push(Table {
        name: "sections",
        title: "责任科室 Responsible offices",
        fields: vec![
            field("department", "string", true, "Department id"),
            field(
                "id",
                "string",
                true,
                "Office id, unique within the department",
            ),
            field("name", "string", true, "Office name"),
            field("phone", "string", true, "Phone citizens call"),
        ],
        primary_key: vec!["department", "id"],
        foreign_keys: vec![dep_fk()],
        rows: deps
            .iter()
            .flat_map(|d| {
                d.sections
                    .iter()
                    .map(|x| x.get_ref())
                    .map(|x| vec![d.id.clone(), s(&x.id), s(&x.name), s(&x.phone)])
            })
            .collect(),
    });

    out.push(Table {
        name: "powers",
        title: "权力清单事项 Power-list entries",
        fields: vec![
            field("department", "string", true, "Department id"),
            field(
                "id",
                "string",
                true,
                "Power id, unique within the department",
            ),
            field("name", "string", true, "Name of the power"),
            choice(
                "kind",
                keys(PowerKind::ALL, PowerKind::key),
                "Kind of power",
            ),
            choice(
                "status",
                keys(PowerStatus::ALL, PowerStatus::key),
                "What became of the power",
            ),
            field(
                "delegated_to",
                "string",
                false,
                "Who exercises a transferred or delegated power",
            ),
            field("basis", "string", false, "Legal basis, one per line"),
        ],
        primary_key: vec!["department", "id"],
        foreign_keys: vec![dep_fk()],
        rows: deps
            .iter()
            .flat_map(|d| {
                d.powers.iter().map(|x| x.get_ref()).map(|x| {
                    vec![
                        d.id.clone(),
                        s(&x.id),
                        s(&x.name),
                        x.kind.get_ref().key().into(),
                        x.status.get_ref().key().into(),
                        opt(&x.delegated_to),
                        x.basis
                            .iter()
                            .map(s)
                            .collect::<Vec<_>>()
                            .join(TEXT_LIST_SEPARATOR),
                    ]
                })
            })
            .collect(),
    });

    out.push(Table {
        name: "duties",
        title: "主要职责 Main duties",
        fields: vec![
            field("department", "string", true, "Department id"),
            field(
                "id",
                "string",
                true,
                "Duty id, unique within the department",
            ),
            field("title", "string", true, "The duty"),
            field("basis", "string", true, "Legal basis, one per line"),
            field("note", "string", false, "Remarks"),
        ],
        primary_key: vec!["department", "id"],
        foreign_keys: vec![dep_fk()],
        rows: deps
            .iter()
            .flat_map(|d| {
                d.duties.iter().map(|x| x.get_ref()).map(|x| {
                    vec![
                        d.id.clone(),
                        s(&x.id),
                        s(&x.title),
                        x.basis
                            .get_ref()
                            .iter()
                            .map(s)
                            .collect::<Vec<_>>()
                            .join(TEXT_LIST_SEPARATOR),
                        opt(&x.note),
                    ]
                })
            })
            .collect(),
    });

    out.push(Table {
        name: "work_items",
        title: "具体工作事项 Work items",
        fields: vec![
            field("department", "string", true, "Department id"),
            field("duty", "string", true, "Duty id"),
            field(
                "position",
                "integer",
                true,
                "Position of the item within its duty, from 1",
            ),
            field("text", "string", true, "The work item"),
            field("section", "string", true, "Responsible office id"),
            field(
                "powers",
                "string",
                false,
                "Ids of the powers exercised, separated by spaces",
            ),
            field("note", "string", false, "Remarks"),
        ],
        primary_key: vec!["department", "duty", "position"],
        foreign_keys: vec![
            (
                vec!["department", "duty"],
                "duties",
                vec!["department", "id"],
            ),
            (
                vec!["department", "section"],
                "sections",
                vec!["department", "id"],
            ),
        ],
        rows: deps
            .iter()
            .flat_map(|d| {
                d.duties.iter().map(|x| x.get_ref()).flat_map(move |duty| {
                    duty.items.iter().enumerate().map(move |(i, item)| {
                        let item = item.get_ref();
                        vec![
                            d.id.clone(),
                            s(&duty.id),
                            (i + 1).to_string(),
                            s(&item.text),
                            s(&item.section),
                            item.powers.iter().map(s).collect::<Vec<_>>().join(" "),
                            opt(&item.note),
                        ]
                    })
                })
            })
            .collect(),
    });

    out.push(Table {
        name: "boundaries",
        title: "职责边界 Duty boundaries",
        fields: vec![
            field("id", "string", true, "Boundary id"),
            field("lead", "string", true, "Lead department id"),
            field("title", "string", true, "The matter"),
            field("area", "string", true, "Area"),
            field("lead_duty", "string", true, "What the lead department does"),
            field("case_title", "string", true, "Title of the mock case"),
            field(
                "case_scenario",
                "string",
                true,
                "Scenario of the mock case (Markdown)",
            ),
        ],
        primary_key: vec!["id"],
        foreign_keys: vec![(vec!["lead"], "departments", vec!["id"])],
        rows: index
            .boundaries
            .iter()
            .map(|(lead, b)| {
                let case = b.case.get_ref();
                vec![
                    s(&b.id),
                    lead.id.clone(),
                    s(&b.title),
                    s(&b.area),
                    s(&b.lead_duty),
                    s(&case.title),
                    s(&case.scenario),
                ]
            })
            .collect(),
    });

    out.push(Table {
        name: "boundary_roles",
        title: "牵头与协办 Lead and partner departments",
        fields: vec![
            field("boundary", "string", true, "Boundary id"),
            field("department", "string", true, "Department id"),
            choice(
                "role",
                vec!["lead", "partner"],
                "lead (牵头) or partner (协办)",
            ),
            field(
                "duty",
                "string",
                true,
                "What this department does in the matter",
            ),
        ],
        primary_key: vec!["boundary", "department"],
        foreign_keys: vec![(vec!["boundary"], "boundaries", vec!["id"]), dep_fk()],
        rows: index
            .boundaries
            .iter()
            .flat_map(|(lead, b)| {
                std::iter::once(vec![
                    s(&b.id),
                    lead.id.clone(),
                    "lead".into(),
                    s(&b.lead_duty),
                ])
                .chain(b.partners.get_ref().iter().map(|p| {
                    vec![
                        s(&b.id),
                        s(&p.get_ref().department),
                        "partner".into(),
                        s(&p.get_ref().duty),
                    ]
                }))
            })
            .collect(),
    });

    out.push(Table {
        name: "case_steps",
        title: "模拟案例步骤 Mock-case steps",
        fields: vec![
            field("boundary", "string", true, "Boundary id"),
            field("position", "integer", true, "Order of the step, from 1"),
            field("department", "string", true, "Department that acts"),
            field("action", "string", true, "What it does"),
        ],
        primary_key: vec!["boundary", "position"],
        foreign_keys: vec![(
            vec!["boundary", "department"],
            "boundary_roles",
            vec!["boundary", "department"],
        )],
        rows: index
            .boundaries
            .iter()
            .flat_map(|(_, b)| {
                b.case.get_ref().steps.iter().enumerate().map(|(i, step)| {
                    vec![
                        s(&b.id),
                        (i + 1).to_string(),
                        s(&step.get_ref().department),
                        s(&step.get_ref().action),
                    ]
                })
            })
            .collect(),
    });

    out.push(Table {
        name: "supervision",
        title: "事中事后监管制度 Supervision regimes",
        fields: vec![
            field("department", "string", true, "Department id"),
            field(
                "id",
                "string",
                true,
                "Regime id, unique within the department",
            ),
            field("title", "string", true, "Title"),
            choice(
                "category",
                keys(SupervisionCategory::ALL, SupervisionCategory::key),
                "Category",
            ),
            field(
                "powers",
                "string",
                false,
                "Ids of the powers supervised, separated by spaces",
            ),
            field("section", "string", false, "Responsible office id"),
            field("measures", "string", true, "Measures, one per line"),
            field("procedure", "string", false, "Procedure (Markdown)"),
            field("penalty", "string", false, "Penalty standards (Markdown)"),
        ],
        primary_key: vec!["department", "id"],
        // `section` is optional, and Frictionless rejects a composite key that is partly empty, so
        // (department, section) → sections is guaranteed by `resplist check`, not declared here.
        foreign_keys: vec![dep_fk()],
        rows: deps
            .iter()
            .flat_map(|d| {
                d.supervision.iter().map(|x| x.get_ref()).map(|r| {
                    vec![
                        d.id.clone(),
                        s(&r.id),
                        s(&r.title),
                        r.category.get_ref().key().into(),
                        r.power_ids().map(s).collect::<Vec<_>>().join(" "),
                        opt(&r.section),
                        r.measures
                            .get_ref()
                            .iter()
                            .map(s)
                            .collect::<Vec<_>>()
                            .join(TEXT_LIST_SEPARATOR),
                        opt(&r.procedure),
                        opt(&r.penalty),
                    ]
                })
            })
            .collect(),
    });

    out.push(Table {
        name: "indicators",
        title: "监管指标 Supervision indicators",
        fields: vec![
            field("department", "string", true, "Department id"),
            field("regime", "string", true, "Supervision regime id"),
            field(
                "position",
                "integer",
                true,
                "Order within the regime, from 1",
            ),
            field("name", "string", true, "Indicator"),
            field("target", "string", true, "Target value"),
        ],
        primary_key: vec!["department", "regime", "position"],
        foreign_keys: vec![(
            vec!["department", "regime"],
            "supervision",
            vec!["department", "id"],
        )],
        rows: deps
            .iter()
            .flat_map(|d| {
                d.supervision
                    .iter()
                    .map(|x| x.get_ref())
                    .flat_map(move |r| {
                        r.indicators.iter().enumerate().map(move |(i, x)| {
                            vec![
                                d.id.clone(),
                                s(&r.id),
                                (i + 1).to_string(),
                                s(&x.get_ref().name),
                                s(&x.get_ref().target),
                            ]
                        })
                    })
            })
            .collect(),
    });

    out.push(Table {
        name: "services",
        title: "公共服务事项 Public services",
        fields: vec![
            field("department", "string", true, "Department id"),
            field(
                "id",
                "string",
                true,
                "Service id, unique within the department",
            ),
            field("title", "string", true, "Title"),
            choice(
                "category",
                keys(ServiceCategory::ALL, ServiceCategory::key),
                "Category",
            ),
            field("description", "string", false, "What is offered (Markdown)"),
            field("frequency", "string", false, "How often"),
            field("section", "string", false, "Responsible office id"),
            field(
                "beyond_statutory",
                "boolean",
                true,
                "Offered beyond the department's statutory functions",
            ),
        ],
        primary_key: vec!["department", "id"],
        // `section` is optional, and Frictionless rejects a composite key that is partly empty, so
        // (department, section) → sections is guaranteed by `resplist check`, not declared here.
        foreign_keys: vec![dep_fk()],
        rows: deps
            .iter()
            .flat_map(|d| {
                d.services.iter().map(|x| x.get_ref()).map(|x| {
                    vec![
                        d.id.clone(),
                        s(&x.id),
                        s(&x.title),
                        x.category.get_ref().key().into(),
                        opt(&x.description),
                        opt(&x.frequency),
                        opt(&x.section),
                        x.beyond_statutory
                            .as_ref()
                            .is_some_and(|b| *b.get_ref())
                            .to_string(),
                    ]
                })
            })
            .collect(),
    });
    out
}
