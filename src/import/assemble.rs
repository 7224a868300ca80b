//! The records of every sheet become one list. Departments are found by id, by name or by the
//! names people use for them (a short name in one workbook, the full name in another); offices,
//! powers, duties, boundaries, regimes and services are gathered under them; what could not be
//! taken is kept for the report, with its place.

use std::collections::BTreeSet;

use super::columns::{BOUNDARY_SPAN, Block, DUTY_SPAN, comparable};
use super::table::{Place, Record, Skip, Table};
use crate::i18n::Message;
use crate::model::{PowerKind, PowerStatus, ServiceCategory, SupervisionCategory};
use crate::msg;
use crate::text::half_width;

/// The list as gathered, before ids are given.
#[derive(Debug, Default)]
pub struct Gathered {
    pub site: Site,
    pub departments: Vec<Dept>,
    pub skipped: Vec<(Place, Skip)>,
    /// Cells that fit no column, put into a note: the cell, its header, its text and what took it.
    pub noted: Vec<(Place, String, String, Message)>,
    /// Cells that fit no column and have no note to go into: listed, not imported.
    pub dropped: Vec<(Place, String, String)>,
    /// Rows whose department could not be told.
    pub orphans: Vec<Place>,
    /// The department each file was found to be about, for its sheets that do not say.
    by_file: std::collections::HashMap<String, String>,
}

/// What the workbook says of the list as a whole.
#[derive(Debug, Default, Clone)]
pub struct Site {
    pub title: Option<String>,
    pub jurisdiction: Option<String>,
    pub language: Option<String>,
    pub published: Option<String>,
    pub base_url: Option<String>,
    pub feedback: Option<String>,
    pub feedback_phone: Option<String>,
}

#[derive(Debug, Default)]
pub struct Dept {
    pub full: Option<String>,
    pub short: Option<String>,
    pub given_id: Option<String>,
    pub order: Option<i64>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub website: Option<String>,
    pub summary: Option<String>,
    pub sections: Vec<Sec>,
    pub powers: Vec<Pow>,
    pub duties: Vec<Du>,
    pub boundaries: Vec<Bd>,
    pub regimes: Vec<Rg>,
    pub services: Vec<Sv>,
    /// `file（sheet）` of every sheet it came from.
    pub sources: BTreeSet<String>,
}

#[derive(Debug, Default)]
pub struct Sec {
    pub given_id: Option<String>,
    pub name: String,
    pub phone: Option<String>,
}

#[derive(Debug, Default)]
pub struct Pow {
    pub given_id: Option<String>,
    pub name: String,
    pub kind: Option<PowerKind>,
    /// The kind as written, when it is no kind resplist knows.
    pub kind_text: String,
    pub status: Option<PowerStatus>,
    pub delegated_to: Option<String>,
    pub basis: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Du {
    pub given_id: Option<String>,
    pub title: String,
    pub basis: Vec<String>,
    pub note: Option<String>,
    pub items: Vec<It>,
}

#[derive(Debug, Default)]
pub struct It {
    pub text: String,
    pub section: Option<usize>,
    pub powers: Vec<usize>,
    pub note: Option<String>,
}

#[derive(Debug, Default)]
pub struct Bd {
    pub key: String,
    pub given_id: Option<String>,
    pub title: String,
    pub area: String,
    pub lead_duty: String,
    /// Department index and its share.
    pub partners: Vec<(usize, String)>,
    pub case_title: String,
    pub scenario: String,
    pub steps: Vec<(usize, String)>,
}

#[derive(Debug, Default)]
pub struct Rg {
    pub given_id: Option<String>,
    pub title: String,
    pub category: Option<SupervisionCategory>,
    pub category_text: String,
    pub powers: Vec<usize>,
    pub section: Option<usize>,
    pub measures: Vec<String>,
    pub procedure: Option<String>,
    pub penalty: Option<String>,
    pub indicators: Vec<(String, String)>,
}

#[derive(Debug, Default)]
pub struct Sv {
    pub given_id: Option<String>,
    pub title: String,
    pub category: Option<ServiceCategory>,
    pub category_text: String,
    pub description: Option<String>,
    pub audience: Option<String>,
    pub frequency: Option<String>,
    pub section: Option<usize>,
    pub beyond_statutory: bool,
}

/// Gathers every table: the departments sheets first, so that their names are known, then the
/// other blocks in the workbook's order, each in file and sheet order.
pub fn gather(mut tables: Vec<Table>, about: Site) -> Gathered {
    // Powers before the sheets that name them, so that they are known by name and id.
    let order = |b: Block| match b {
        Block::Departments => 0,
        Block::Powers => 1,
        other => 2 + Block::ALL.iter().position(|x| *x == other).unwrap_or(0),
    };
    tables.sort_by_key(|t| order(t.block));
    let mut g = Gathered {
        site: about,
        ..Gathered::default()
    };
    for table in &tables {
        g.skipped.extend(table.skipped.iter().cloned());
        let mut previous: Option<Record> = None;
        for record in &table.records {
            let record = filled_down(table.block, record, previous.as_ref());
            if !has_key(table.block, &record) {
                g.skipped.push((record.place.clone(), Skip::NoKey));
                continue;
            }
            g.take(table, &record);
            previous = Some(record);
        }
    }
    if g.site.title.is_none() {
        g.site.title = tables
            .iter()
            .flat_map(|t| &t.titles)
            .find(|t| t.contains("政府"))
            .cloned();
    }
    g
}

/// Cells a merge (or a clerk) left empty below their first row: a work item's duty and
/// department, a party's boundary, a step's boundary.
fn filled_down(block: Block, record: &Record, previous: Option<&Record>) -> Record {
    let mut record = record.clone();
    let Some(previous) = previous else {
        return record;
    };
    let inherit: &[&str] = match block {
        Block::Duties if record.get("duty").is_empty() && record.get("duty_id").is_empty() => {
            DUTY_SPAN
        }
        Block::Boundaries
            if record.get("boundary").is_empty() && record.get("boundary_id").is_empty() =>
        {
            BOUNDARY_SPAN
        }
        Block::Steps
            if record.get("boundary").is_empty() && record.get("boundary_id").is_empty() =>
        {
            &["boundary", "boundary_id"]
        }
        Block::Boundaries | Block::Steps => &[],
        _ => &["department", "department_id"],
    };
    let department_given =
        !record.get("department").is_empty() || !record.get("department_id").is_empty();
    for key in inherit {
        let is_department = matches!(*key, "department" | "department_id");
        if record.get(key).is_empty()
            && !(is_department && department_given)
            && let Some(value) = previous.cells.get(key)
        {
            record.cells.insert(key, value.clone());
        }
    }
    record
}

fn has_key(block: Block, record: &Record) -> bool {
    super::table::key_columns(block)
        .iter()
        .any(|k| !record.get(k).is_empty())
}

impl Gathered {
    fn take(&mut self, table: &Table, record: &Record) {
        if table.block == Block::Boundaries || table.block == Block::Steps {
            match table.block {
                Block::Boundaries => self.boundary_row(table, record),
                _ => self.step_row(table, record),
            }
            return;
        }
        let Some(d) = self.department_of(table, record, record.get("department")) else {
            self.orphans.push(record.place.clone());
            return;
        };
        self.departments[d]
            .sources
            .insert(format!("{}（{}）", table.file, table.sheet));
        match table.block {
            Block::Departments => self.department_row(d, record),
            Block::Duties => self.duty_row(d, record),
            Block::Supervision => self.regime_row(d, record),
            Block::Services => self.service_row(d, record),
            Block::Powers => self.power_row(d, record),
            Block::Boundaries | Block::Steps => {}
        }
    }

    /// The department a record names (by id, then by any of its names), or the sheet's
    /// department (its title rows, else its file name); created when new.
    fn department_of(&mut self, table: &Table, record: &Record, name: &str) -> Option<usize> {
        let id = record.get("department_id");
        if !id.is_empty()
            && let Some(i) = self
                .departments
                .iter()
                .position(|d| d.given_id.as_deref() == Some(id))
        {
            return Some(i);
        }
        let full = record.get("department_name");
        let short = record.get("short_name");
        let name = [name, full, short]
            .into_iter()
            .find(|n| !n.is_empty())
            .map(str::to_string)
            .or_else(|| sheet_department(table))
            .or_else(|| self.by_file.get(&table.file).cloned())?;
        self.by_file
            .entry(table.file.clone())
            .or_insert_with(|| name.clone());
        let found = [name.as_str(), full, short]
            .iter()
            .filter(|n| !n.is_empty())
            .find_map(|n| self.find(n, id));
        let i = found.unwrap_or_else(|| {
            self.departments.push(Dept::default());
            self.departments.len() - 1
        });
        let d = &mut self.departments[i];
        if d.given_id.is_none() && !id.is_empty() {
            d.given_id = Some(id.to_string());
        }
        for n in [name.as_str(), full, short]
            .iter()
            .filter(|n| !n.is_empty())
        {
            if looks_full(n) || *n == full {
                d.full.get_or_insert_with(|| n.to_string());
            } else {
                d.short.get_or_insert_with(|| n.to_string());
            }
        }
        Some(i)
    }

    /// The department `name` is, among those not known by another id than `id`.
    fn find(&self, name: &str, id: &str) -> Option<usize> {
        let matches: Vec<usize> = (0..self.departments.len())
            .filter(|&i| {
                let d = &self.departments[i];
                let other_id = !id.is_empty() && d.given_id.as_deref().is_some_and(|g| g != id);
                !other_id
                    && [&d.full, &d.short]
                        .iter()
                        .filter_map(|n| n.as_deref())
                        .any(|n| same_department(n, name))
            })
            .collect();
        // Exactly one, or the one whose name is written the same.
        match matches[..] {
            [one] => Some(one),
            _ => matches.into_iter().find(|&i| {
                let d = &self.departments[i];
                d.full.as_deref() == Some(name) || d.short.as_deref() == Some(name)
            }),
        }
    }

    fn department_row(&mut self, d: usize, r: &Record) {
        let dept = &mut self.departments[d];
        set(&mut dept.phone, phone(r.get("department_phone")));
        set(&mut dept.address, r.get("address").to_string());
        set(&mut dept.website, r.get("website").to_string());
        set(&mut dept.summary, r.get("summary").to_string());
        if dept.order.is_none() {
            dept.order = r.get("order").trim().parse().ok();
        }
        if !r.get("section").is_empty() {
            let s = section(dept, r.get("section"), r.get("section_id"));
            set(&mut dept.sections[s].phone, phone(r.get("phone")));
        }
        self.drop_extra(r);
    }

    fn duty_row(&mut self, d: usize, r: &Record) {
        let dept = &mut self.departments[d];
        let id = r.get("duty_id");
        let title = r.get("duty");
        let existing = dept.duties.iter().position(|du| {
            (!id.is_empty() && du.given_id.as_deref() == Some(id))
                || (id.is_empty() && !title.is_empty() && du.title == title)
        });
        let du = existing.unwrap_or_else(|| {
            dept.duties.push(Du {
                given_id: (!id.is_empty()).then(|| id.to_string()),
                title: title.to_string(),
                basis: lines(r.get("basis")),
                note: nonempty(r.get("duty_note")),
                items: Vec::new(),
            });
            dept.duties.len() - 1
        });
        if r.get("item").is_empty() {
            let note = notes(&r.extra);
            if !note.is_empty() {
                let duty = &mut dept.duties[du];
                duty.note = Some(join_note(duty.note.take(), &note));
                self.note_extra(r, msg!("import-noted-duty"));
            }
            return;
        }
        let section = (!r.get("section").is_empty()).then(|| {
            let s = section(dept, r.get("section"), r.get("section_id"));
            set(&mut dept.sections[s].phone, phone(r.get("phone")));
            s
        });
        let powers = power_refs(dept, r.get("powers"));
        let mut note = nonempty(r.get("note"));
        let extra = notes(&r.extra);
        if !extra.is_empty() {
            note = Some(join_note(note, &extra));
        }
        self.departments[d].duties[du].items.push(It {
            text: r.get("item").to_string(),
            section,
            powers,
            note,
        });
        if !extra.is_empty() {
            self.note_extra(r, msg!("import-noted-item"));
        }
    }

    fn power_row(&mut self, d: usize, r: &Record) {
        let dept = &mut self.departments[d];
        let p = power(dept, r.get("power"), r.get("power_id"));
        let pw = &mut dept.powers[p];
        // A power first met by its id (in a work item's column) gets its name now.
        if pw.given_id.as_deref() == Some(pw.name.as_str()) && !r.get("power").is_empty() {
            pw.name = r.get("power").to_string();
        }
        let kind = r.get("power_kind");
        if !kind.is_empty() {
            pw.kind = power_kind(kind);
            pw.kind_text = kind.to_string();
        }
        let status = r.get("power_status");
        if !status.is_empty() {
            pw.status = power_status(status);
        }
        set(&mut pw.delegated_to, r.get("delegated_to").to_string());
        if pw.basis.is_empty() {
            pw.basis = lines(r.get("basis"));
        }
        self.drop_extra(r);
    }

    fn regime_row(&mut self, d: usize, r: &Record) {
        let dept = &mut self.departments[d];
        let section = (!r.get("section").is_empty()).then(|| {
            let s = section(dept, r.get("section"), r.get("section_id"));
            set(&mut dept.sections[s].phone, phone(r.get("phone")));
            s
        });
        let powers = power_refs(dept, r.get("powers"));
        let category_text = r.get("category").to_string();
        dept.regimes.push(Rg {
            given_id: nonempty(r.get("regime_id")),
            title: r.get("regime").to_string(),
            category: regime_category(&category_text),
            category_text,
            powers,
            section,
            measures: lines(r.get("measures")),
            procedure: nonempty(r.get("procedure")),
            penalty: nonempty(r.get("penalty")),
            indicators: lines(r.get("indicators"))
                .iter()
                .map(|l| indicator(l))
                .collect(),
        });
        self.drop_extra(r);
    }

    fn service_row(&mut self, d: usize, r: &Record) {
        let dept = &mut self.departments[d];
        let section = (!r.get("section").is_empty()).then(|| {
            let s = section(dept, r.get("section"), r.get("section_id"));
            set(&mut dept.sections[s].phone, phone(r.get("phone")));
            s
        });
        let category_text = r.get("category").to_string();
        let mut description = nonempty(r.get("description"));
        let extra = notes(&r.extra);
        if !extra.is_empty() {
            description = Some(join_note(description, &extra));
        }
        dept.services.push(Sv {
            given_id: nonempty(r.get("service_id")),
            title: r.get("service").to_string(),
            category: service_category(&category_text),
            category_text,
            description,
            audience: nonempty(r.get("audience")),
            frequency: nonempty(r.get("frequency")),
            section,
            beyond_statutory: yes(r.get("beyond_statutory")),
        });
        if !extra.is_empty() {
            self.note_extra(r, msg!("import-noted-service"));
        }
    }

    /// One party of a boundary: the lead's row makes the boundary, in the lead's department.
    fn boundary_row(&mut self, table: &Table, r: &Record) {
        let (name, role) = party(r.get("department"), r.get("role"));
        let Some(d) = self.department_of(table, r, &name) else {
            self.orphans.push(r.place.clone());
            return;
        };
        self.departments[d]
            .sources
            .insert(format!("{}（{}）", table.file, table.sheet));
        let key = boundary_key(r);
        let found = self.boundary(&key);
        let duty = r.get("duty").to_string();
        match (found, role) {
            (Some((lead, b)), Role::Partner) | (Some((lead, b)), Role::Unsaid) => {
                self.departments[lead].boundaries[b]
                    .partners
                    .push((d, duty));
            }
            (Some((lead, b)), Role::Lead) => {
                // A second lead: the matter is the first's; this party is listed as partner and
                // check will say so if it is the same department.
                self.departments[lead].boundaries[b]
                    .partners
                    .push((d, duty));
            }
            (None, _) => {
                self.departments[d].boundaries.push(Bd {
                    key,
                    given_id: nonempty(r.get("boundary_id")),
                    title: r.get("boundary").to_string(),
                    area: r.get("area").to_string(),
                    lead_duty: duty,
                    case_title: r.get("case_title").to_string(),
                    scenario: r.get("case").to_string(),
                    ..Bd::default()
                });
            }
        }
        self.drop_extra(r);
    }

    fn step_row(&mut self, table: &Table, r: &Record) {
        let Some((lead, b)) = self.boundary(&boundary_key(r)) else {
            self.orphans.push(r.place.clone());
            return;
        };
        let Some(d) = self.department_of(table, r, r.get("department")) else {
            self.orphans.push(r.place.clone());
            return;
        };
        self.departments[lead].boundaries[b]
            .steps
            .push((d, r.get("action").to_string()));
        self.drop_extra(r);
    }

    fn boundary(&self, key: &str) -> Option<(usize, usize)> {
        self.departments.iter().enumerate().find_map(|(d, dept)| {
            dept.boundaries
                .iter()
                .position(|b| b.key == key)
                .map(|b| (d, b))
        })
    }

    fn note_extra(&mut self, r: &Record, into: Message) {
        for (header, value, place) in &r.extra {
            self.noted
                .push((place.clone(), header.clone(), value.clone(), into.clone()));
        }
    }

    fn drop_extra(&mut self, r: &Record) {
        for (header, value, place) in &r.extra {
            self.dropped
                .push((place.clone(), header.clone(), value.clone()));
        }
    }
}

/// A boundary is known by its id, else by its title.
fn boundary_key(r: &Record) -> String {
    match r.get("boundary_id") {
        "" => format!("title:{}", comparable(r.get("boundary"))),
        id => format!("id:{id}"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Lead,
    Partner,
    Unsaid,
}

/// A party's department and role: from the role column, or written after the department
/// (`环境分局（协办）`).
fn party(department: &str, role: &str) -> (String, Role) {
    let read = |text: &str| {
        let t = comparable(text);
        if ["牵头", "主办", "主责", "lead"]
            .iter()
            .any(|w| t.contains(w))
        {
            Role::Lead
        } else if ["协办", "配合", "协助", "partner"]
            .iter()
            .any(|w| t.contains(w))
        {
            Role::Partner
        } else {
            Role::Unsaid
        }
    };
    let mut name = department.trim().to_string();
    let mut said = read(role);
    for open in ['（', '('] {
        if let Some(at) = name.find(open) {
            let inside = read(&name[at..]);
            if inside != Role::Unsaid {
                if said == Role::Unsaid {
                    said = inside;
                }
                name.truncate(at);
                name = name.trim().to_string();
            }
        }
    }
    (name, said)
}

/// The department a sheet is about when no column says: `填报单位：…` in its title rows, a title
/// `XX局责任清单`, else its file name.
fn sheet_department(table: &Table) -> Option<String> {
    for title in &table.titles {
        for label in ["填报单位", "单位名称", "填报部门"] {
            if let Some(at) = title.find(label) {
                let rest = title[at + label.len()..].trim_start_matches([':', '：', ' ']);
                let name: String = rest.split_whitespace().next().unwrap_or("").to_string();
                if !name.is_empty() {
                    return Some(name);
                }
            }
        }
    }
    let stem = table
        .file
        .rsplit_once('.')
        .map_or(table.file.as_str(), |(s, _)| s);
    table
        .titles
        .iter()
        .map(String::as_str)
        .chain([stem])
        .find_map(department_in_title)
        .or_else(|| is_body_name(stem).then(|| stem.to_string()))
}

/// Whether a text is a body's name: it ends as bodies' names do (局, 委员会, 办公室, 中心…).
fn is_body_name(text: &str) -> bool {
    let bodies = [
        "局",
        "委员会",
        "委",
        "办公室",
        "办",
        "中心",
        "厅",
        "院",
        "所",
        "站",
        "队",
        "处",
    ];
    text.chars().count() >= 3 && bodies.iter().any(|b| text.ends_with(b))
}

/// `春江县环境保护局责任清单` → `春江县环境保护局`; a whole county's title (`…政府部门责任清单`)
/// names no department.
fn department_in_title(title: &str) -> Option<String> {
    let mut t = title.trim();
    if let Some(at) = t.find(['（', '(']) {
        t = &t[..at];
    }
    for suffix in ["部门责任清单", "责任清单", "权责清单", "职责清单", "清单"] {
        if let Some(rest) = t.strip_suffix(suffix) {
            let rest = rest.trim();
            let county = rest.ends_with("政府") || rest.is_empty();
            return (!county && rest.chars().count() >= 2).then(|| rest.to_string());
        }
    }
    None
}

/// Whether a department's name is its full name: it starts with the jurisdiction (县、市、区).
fn looks_full(name: &str) -> bool {
    core(name) != name
}

/// A name without the jurisdiction before it: `春江县环境保护局` → `环境保护局`.
pub fn core(name: &str) -> &str {
    crate::suggest::without_jurisdiction(name)
}

/// Whether two names are one department's: the same without the jurisdiction, in one group of
/// the dictionary's department names (环保局 ↔ 环境保护局), or one an abbreviation of the other
/// (市场监管局 ⊂ 市场监督管理局: same first and last character, the rest in order).
pub fn same_department(a: &str, b: &str) -> bool {
    let (a, b) = (comparable(core(a)), comparable(core(b)));
    if a == b {
        return true;
    }
    if super::names::same_group(&a, &b) {
        return true;
    }
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let s: Vec<char> = short.chars().collect();
    let l: Vec<char> = long.chars().collect();
    if s.len() < 2 || s.len() == l.len() || s[0] != l[0] || s.last() != l.last() {
        return false;
    }
    let mut rest = l.iter();
    s.iter().all(|c| rest.any(|x| x == c))
}

/// An office or a power: known by its id in the sheet, else by its name.
trait Known {
    fn given_id(&mut self) -> &mut Option<String>;
    fn name(&self) -> &str;
}

impl Known for Sec {
    fn given_id(&mut self) -> &mut Option<String> {
        &mut self.given_id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

impl Known for Pow {
    fn given_id(&mut self) -> &mut Option<String> {
        &mut self.given_id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// The entry with id `id`, else the one named `name` among those known by no other id (two
/// offices or powers may share a name); it takes the id when it had none.
fn find<T: Known>(items: &mut [T], name: &str, id: &str) -> Option<usize> {
    let by_id = (!id.is_empty())
        .then(|| {
            items
                .iter_mut()
                .position(|t| t.given_id().as_deref() == Some(id))
        })
        .flatten();
    let found = by_id.or_else(|| {
        items.iter_mut().position(|t| {
            !name.is_empty()
                && comparable(t.name()) == comparable(name)
                && (id.is_empty() || t.given_id().is_none())
        })
    });
    if let Some(i) = found
        && !id.is_empty()
    {
        items[i].given_id().get_or_insert_with(|| id.to_string());
    }
    found
}

/// The office of `name` in the department (or its id), added when new.
fn section(dept: &mut Dept, name: &str, id: &str) -> usize {
    find(&mut dept.sections, name, id).unwrap_or_else(|| {
        dept.sections.push(Sec {
            given_id: nonempty(id),
            name: name.to_string(),
            phone: None,
        });
        dept.sections.len() - 1
    })
}

/// The power of `name` in the department (or its id), added when new.
fn power(dept: &mut Dept, name: &str, id: &str) -> usize {
    find(&mut dept.powers, name, id).unwrap_or_else(|| {
        dept.powers.push(Pow {
            given_id: nonempty(id),
            name: if name.is_empty() { id } else { name }.to_string(),
            ..Pow::default()
        });
        dept.powers.len() - 1
    })
}

/// Powers named in a cell, by id or by name, separated by spaces or list punctuation; a power
/// not yet known is added (its kind to be filled in).
fn power_refs(dept: &mut Dept, cell: &str) -> Vec<usize> {
    let tokens = cell
        .split(|c: char| c.is_whitespace() || "、,，;；".contains(c))
        .filter(|t| !t.is_empty());
    let mut out = Vec::new();
    for token in tokens {
        let by_id = dept
            .powers
            .iter()
            .position(|p| p.given_id.as_deref() == Some(token));
        let p = match by_id {
            Some(p) => p,
            None if token.is_ascii() => power(dept, "", token),
            None => power(dept, token, ""),
        };
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// A value of a labelled enum from its key, its Chinese or English label, or a label that holds
/// or is held by the text (许可 → 行政许可), when only one does.
fn choose<T: Copy>(text: &str, all: &[T], spell: fn(T) -> [&'static str; 3]) -> Option<T> {
    let t = comparable(text);
    if t.is_empty() {
        return None;
    }
    let exact = all
        .iter()
        .copied()
        .find(|v| spell(*v).iter().any(|s| comparable(s) == t));
    exact.or_else(|| {
        let hits: Vec<T> = all
            .iter()
            .copied()
            .filter(|v| {
                spell(*v).iter().any(|s| {
                    let s = comparable(s);
                    !s.is_empty() && (s.contains(&t) || t.contains(&s))
                })
            })
            .collect();
        (hits.len() == 1).then(|| hits[0])
    })
}

fn power_kind(text: &str) -> Option<PowerKind> {
    choose(text, PowerKind::ALL, |v| [v.key(), v.label(), v.english()])
}

fn power_status(text: &str) -> Option<PowerStatus> {
    choose(text, PowerStatus::ALL, |v| {
        [v.key(), v.label(), v.english()]
    })
}

fn regime_category(text: &str) -> Option<SupervisionCategory> {
    choose(text, SupervisionCategory::ALL, |v| {
        [v.key(), v.label(), v.english()]
    })
}

fn service_category(text: &str) -> Option<ServiceCategory> {
    choose(text, ServiceCategory::ALL, |v| {
        [v.key(), v.label(), v.english()]
    })
}

fn indicator(line: &str) -> (String, String) {
    match line.split_once(['：', ':']) {
        Some((name, target)) => (name.trim().to_string(), target.trim().to_string()),
        None => (line.trim().to_string(), String::new()),
    }
}

/// A phone as the format wants it: half-width, single spaces, no trailing `.0`.
pub fn phone(text: &str) -> String {
    let half = half_width(text.trim());
    let half = half.strip_suffix(".0").unwrap_or(&half).to_string();
    half.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn yes(text: &str) -> bool {
    ["是", "yes", "true", "√", "y", "1"].contains(&comparable(text).as_str()) || text.trim() == "√"
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The text, when it holds anything; as the cell has it (`read` trims one-line cells).
fn nonempty(text: &str) -> Option<String> {
    (!text.trim().is_empty()).then(|| text.to_string())
}

fn set(slot: &mut Option<String>, value: String) {
    if slot.is_none() && !value.trim().is_empty() {
        *slot = Some(value);
    }
}

/// Cells no column takes, as a note: `联系人：张三；…`.
fn notes(extra: &[(String, String, Place)]) -> String {
    extra
        .iter()
        .map(|(header, value, _)| {
            if header.trim().is_empty() {
                value.clone()
            } else {
                format!("{}：{value}", header.trim())
            }
        })
        .collect::<Vec<_>>()
        .join("；")
}

fn join_note(note: Option<String>, more: &str) -> String {
    match note {
        Some(n) if !n.is_empty() => format!("{n}；{more}"),
        _ => more.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_full_names_are_one_department() {
        assert!(same_department("环保局", "春江县环境保护局"));
        assert!(same_department("市场监管局", "春江县市场监督管理局"));
        assert!(same_department("人力社保局", "春江县人力资源和社会保障局"));
        assert!(same_department("住建局", "住房和城乡建设局"));
        assert!(!same_department("公安局", "春江县环境保护局"));
        assert!(!same_department("交通局", "教育局"));
    }

    #[test]
    fn parties_say_their_role_after_their_name() {
        assert_eq!(
            party("环境分局（协办）", ""),
            ("环境分局".into(), Role::Partner)
        );
        assert_eq!(party("公安局", "牵头"), ("公安局".into(), Role::Lead));
        assert_eq!(party("城管局(主办)", ""), ("城管局".into(), Role::Lead));
        assert_eq!(party("林业局", ""), ("林业局".into(), Role::Unsaid));
    }

    #[test]
    fn titles_name_their_department_not_the_county() {
        assert_eq!(
            department_in_title("春江县环境保护局责任清单").as_deref(),
            Some("春江县环境保护局")
        );
        assert_eq!(department_in_title("春江县政府部门责任清单"), None);
        assert_eq!(
            department_in_title("清溪县公安局部门责任清单（附件1）").as_deref(),
            Some("清溪县公安局")
        );
    }

    #[test]
    fn noisy_phones_are_cleaned() {
        assert_eq!(phone("0571－63012102 "), "0571-63012102");
        assert_eq!(phone("63321211.0"), "63321211");
        assert_eq!(phone("０５７１  6301"), "0571 6301");
    }

    #[test]
    fn enum_values_are_read_from_keys_labels_and_parts() {
        assert_eq!(power_kind("licensing"), Some(PowerKind::Licensing));
        assert_eq!(power_kind("行政许可"), Some(PowerKind::Licensing));
        assert_eq!(power_kind("许可"), Some(PowerKind::Licensing));
        assert_eq!(power_kind(""), None);
        assert_eq!(service_category("基础性"), Some(ServiceCategory::Basic));
        assert_eq!(
            regime_category("penalty discretion"),
            Some(SupervisionCategory::Discretion)
        );
        assert_eq!(power_status("委托下放"), Some(PowerStatus::Delegated));
    }
}
