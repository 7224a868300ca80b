//! The gathered list as a project's files: ids given (the workbook's own, else pinyin of the
//! short name, unique and the same on every run), each department as TOML in `fmt`'s canonical
//! form with a comment naming where it came from, and what the clerk must still fill in, with
//! its file and line.

use std::collections::HashSet;
use std::path::PathBuf;

use pinyin::ToPinyin;
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, value};

use super::assemble::{Bd, Dept, Du, Gathered, Pow, Rg, Sv, core};
use super::names::usual_short;
use crate::i18n::Message;
use crate::model::{Language, PowerStatus, is_reserved_name, is_valid_id};
use crate::msg;
use crate::suggest::id_hint;

/// A file of the new project, relative to it.
pub struct File {
    pub path: PathBuf,
    pub text: String,
}

/// Something the clerk must still write, where.
pub struct Todo {
    pub file: PathBuf,
    pub line: usize,
    pub what: Message,
}

/// The project's files and what is left to fill in.
pub struct Project {
    pub files: Vec<File>,
    pub todo: Vec<Todo>,
}

/// Ids of one kind, unique: the given one when valid and free, else the one made, else a
/// numbered one.
#[derive(Default)]
struct Ids(HashSet<String>);

impl Ids {
    fn take(&mut self, given: Option<&str>, made: Option<String>, fallback: &str) -> String {
        let given = given.filter(|g| is_valid_id(g) && !is_reserved_name(g));
        let base = given
            .map(str::to_string)
            .or(made.filter(|m| is_valid_id(m) && !is_reserved_name(m)))
            .unwrap_or_else(|| fallback.to_string());
        let mut id = base.clone();
        let mut n = 2;
        while self.0.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.0.insert(id.clone());
        id
    }
}

/// Initials of a name's pinyin (`污染防治科` → `wrfz`, without the 科), at most `max` letters.
fn initials(name: &str, max: usize) -> Option<String> {
    let name = ["科", "室", "股", "大队", "中心", "站", "所"]
        .iter()
        .find_map(|s| name.strip_suffix(s).filter(|r| r.chars().count() >= 2))
        .unwrap_or(name);
    let id: String = name
        .chars()
        .filter_map(|c| match c.to_pinyin() {
            Some(p) => p.plain().chars().next(),
            None if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            None => None,
        })
        .take(max)
        .collect();
    let id = if id.starts_with(|c: char| c.is_ascii_digit()) {
        format!("x{id}")
    } else {
        id
    };
    (!id.is_empty()).then_some(id)
}

/// The pinyin of a title's first characters, as a boundary's id (`违法占用土地建设查处` →
/// `weifazhanyong`).
fn title_id(title: &str) -> Option<String> {
    let head: String = title
        .chars()
        .filter(|c| c.to_pinyin().is_some())
        .take(4)
        .collect();
    id_hint(&head).or_else(|| initials(title, 8))
}

/// Every department's id: its own, else the pinyin of its short name (環保局 → `huanbao`),
/// else of the name people usually shorten its full name to, else of its full name.
pub fn department_ids(g: &Gathered) -> Vec<String> {
    let mut ids = Ids::default();
    g.departments
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let short = d.short.clone().or_else(|| {
                d.full
                    .as_deref()
                    .and_then(|f| usual_short(core(f)))
                    .map(str::to_string)
            });
            let made = short.as_deref().or(d.full.as_deref()).and_then(id_hint);
            ids.take(d.given_id.as_deref(), made, &format!("bumen{}", i + 1))
        })
        .collect()
}

/// The project's files.
pub fn project(g: &Gathered, language: Language, sources: &[String]) -> Project {
    let ids = department_ids(g);
    let mut boundary_ids = Ids::default();
    let mut files = Vec::new();
    let mut todo = Vec::new();
    for (i, dept) in g.departments.iter().enumerate() {
        let mut notes = Vec::new();
        let doc = department(dept, &ids, &mut boundary_ids, &mut notes);
        let path = PathBuf::from(format!("departments/{}.toml", ids[i]));
        let origin: Vec<&String> = dept.sources.iter().collect();
        let origin = origin
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("、");
        let header = Message::new("import-file-header")
            .arg("sources", origin)
            .text(language);
        let raw = format!("# {header}\n\n{doc}");
        let text = crate::fmt::format_department(&raw).unwrap_or(raw);
        for (needle, what) in notes {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with(&needle))
                .map_or(1, |n| n + 1);
            todo.push(Todo {
                file: path.clone(),
                line,
                what,
            });
        }
        files.push(File { path, text });
    }
    files.insert(0, site(g, language, sources));
    Project { files, todo }
}

fn site(g: &Gathered, language: Language, sources: &[String]) -> File {
    let s = &g.site;
    let jurisdiction = s.jurisdiction.clone().or_else(|| {
        g.departments
            .iter()
            .filter_map(|d| d.full.as_deref())
            .find_map(|f| {
                let c = core(f);
                (c.len() < f.len()).then(|| f[..f.len() - c.len()].to_string())
            })
    });
    let jurisdiction = jurisdiction.unwrap_or_default();
    let title = s.title.clone().unwrap_or_else(|| {
        Message::new("import-default-title")
            .arg("jurisdiction", jurisdiction.as_str())
            .text(language)
    });
    let mut site = Table::new();
    site.insert("title", value(title));
    site.insert("jurisdiction", value(jurisdiction));
    site.insert("language", value(language.key()));
    let published = s
        .published
        .as_deref()
        .and_then(|p| p.parse::<toml_edit::Datetime>().ok());
    if let Some(date) = published {
        site.insert("published", value(date));
    }
    for (key, v) in [
        ("base_url", &s.base_url),
        ("feedback", &s.feedback),
        ("feedback_phone", &s.feedback_phone),
    ] {
        if let Some(v) = v {
            site.insert(key, value(v.as_str()));
        }
    }
    let mut doc = DocumentMut::new();
    doc.insert("site", Item::Table(site));
    let mut build = Table::new();
    build.insert("output", value("public"));
    doc.insert("build", Item::Table(build));
    let header = Message::new("import-site-header")
        .arg("sources", sources.join("、"))
        .text(language);
    let raw = format!("# {header}\n\n{doc}");
    let text = crate::fmt::format_site(&raw).unwrap_or(raw);
    File {
        path: PathBuf::from("resplist.toml"),
        text,
    }
}

/// One department file (before `fmt`), and the notes of what to fill in: the start of the line
/// each is about (`id = "…"`), with what.
fn department(
    d: &Dept,
    ids: &[String],
    boundary_ids: &mut Ids,
    notes: &mut Vec<(String, Message)>,
) -> DocumentMut {
    let mut doc = DocumentMut::new();
    facts(&mut doc, d);
    let sections = section_ids(d);
    let powers = power_ids(d);
    entries(
        &mut doc,
        d,
        (&sections, &powers),
        (ids, boundary_ids),
        notes,
    );
    doc
}

/// The department's own facts: its names, order, phone, address, website and summary.
fn facts(doc: &mut DocumentMut, d: &Dept) {
    let name = d
        .full
        .clone()
        .or_else(|| d.short.clone())
        .unwrap_or_default();
    doc.insert("name", value(name.as_str()));
    if let Some(short) = d.short.as_ref().filter(|s| **s != name) {
        doc.insert("short_name", value(short.as_str()));
    }
    if let Some(order) = d.order {
        doc.insert("order", value(order));
    }
    optional(doc.as_table_mut(), "phone", &d.phone);
    optional(doc.as_table_mut(), "address", &d.address);
    optional(doc.as_table_mut(), "website", &d.website);
    optional(doc.as_table_mut(), "summary", &d.summary);
}

fn section_ids(d: &Dept) -> Vec<String> {
    let mut section_ids = Ids::default();
    d.sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            section_ids.take(
                s.given_id.as_deref(),
                initials(&s.name, 8),
                &format!("ks{}", i + 1),
            )
        })
        .collect()
}

fn power_ids(d: &Dept) -> Vec<String> {
    let mut power_ids = Ids::default();
    d.powers
        .iter()
        .enumerate()
        .map(|(i, p)| {
            power_ids.take(
                p.given_id.as_deref(),
                initials(&p.name, 8),
                &format!("ql{}", i + 1),
            )
        })
        .collect()
}

/// The department's entries: offices, powers, duties, boundaries, regimes and services.
fn entries(
    doc: &mut DocumentMut,
    d: &Dept,
    (sections, powers): (&[String], &[String]),
    (ids, boundary_ids): (&[String], &mut Ids),
    notes: &mut Vec<(String, Message)>,
) {
    let root = doc.as_table_mut();
    let offices = d.sections.iter().zip(sections).map(|(s, id)| {
        let mut t = Table::new();
        t.insert("id", value(id.as_str()));
        t.insert("name", value(s.name.as_str()));
        t.insert("phone", value(s.phone.clone().unwrap_or_default()));
        t
    });
    put(root, "sections", offices.collect());
    let tables = d.powers.iter().zip(powers);
    put(
        root,
        "powers",
        tables.map(|(p, id)| power(p, id, notes)).collect(),
    );
    let mut duty_ids = Ids::default();
    let tables = d.duties.iter().enumerate().map(|(n, du)| {
        let id = duty_ids.take(du.given_id.as_deref(), None, &format!("d{:02}", n + 1));
        duty(du, &id, sections, powers)
    });
    put(root, "duties", tables.collect());
    let tables = d.boundaries.iter().map(|b| {
        let id = boundary_ids.take(b.given_id.as_deref(), title_id(&b.title), "bianjie");
        boundary(b, &id, ids, notes)
    });
    put(root, "boundaries", tables.collect());
    let mut regime_ids = Ids::default();
    let tables = d.regimes.iter().enumerate().map(|(n, r)| {
        let made = initials(&r.title, 8);
        let id = regime_ids.take(r.given_id.as_deref(), made, &format!("zd{}", n + 1));
        regime(r, &id, sections, powers, notes)
    });
    put(root, "supervision", tables.collect());
    let mut service_ids = Ids::default();
    let tables = d.services.iter().enumerate().map(|(n, sv)| {
        let made = initials(&sv.title, 8);
        let id = service_ids.take(sv.given_id.as_deref(), made, &format!("fw{}", n + 1));
        service(sv, &id, sections, notes)
    });
    put(root, "services", tables.collect());
}

/// An array of tables.
fn list(items: Vec<Table>) -> Item {
    let mut aot = ArrayOfTables::new();
    items.into_iter().for_each(|t| aot.push(t));
    Item::ArrayOfTables(aot)
}

/// `[[key]]` entries, when there are any.
fn put(t: &mut Table, key: &str, items: Vec<Table>) {
    if !items.is_empty() {
        t.insert(key, list(items));
    }
}

fn optional(t: &mut Table, key: &str, v: &Option<String>) {
    if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
        t.insert(key, value(v.as_str()));
    }
}

fn texts(items: &[String]) -> Item {
    value(Array::from_iter(items.iter().map(String::as_str)))
}

fn power(p: &Pow, id: &str, notes: &mut Vec<(String, Message)>) -> Table {
    let mut t = Table::new();
    t.insert("id", value(id));
    t.insert("name", value(p.name.as_str()));
    let kind = p.kind.map_or("other", |k| k.key());
    t.insert("kind", value(kind));
    if p.kind.is_none() {
        let written = if p.kind_text.is_empty() {
            "—"
        } else {
            p.kind_text.as_str()
        };
        notes.push((
            format!("id = \"{id}\""),
            msg!(
                "import-todo-power-kind",
                name = p.name.as_str(),
                written = written
            ),
        ));
    }
    let status = p.status.unwrap_or(PowerStatus::Retained);
    t.insert("status", value(status.key()));
    optional(&mut t, "delegated_to", &p.delegated_to);
    let handed_on = matches!(status, PowerStatus::Delegated | PowerStatus::Transferred);
    if handed_on && p.delegated_to.is_none() {
        notes.push((
            format!("id = \"{id}\""),
            msg!("import-todo-delegated-to", name = p.name.as_str()),
        ));
    }
    if !p.basis.is_empty() {
        t.insert("basis", texts(&p.basis));
    }
    t
}

fn refs(indices: &[usize], ids: &[String]) -> Vec<String> {
    indices
        .iter()
        .filter_map(|i| ids.get(*i).cloned())
        .collect()
}

fn duty(du: &Du, id: &str, sections: &[String], powers: &[String]) -> Table {
    let mut t = Table::new();
    t.insert("id", value(id));
    t.insert("title", value(du.title.as_str()));
    t.insert("basis", texts(&du.basis));
    optional(&mut t, "note", &du.note);
    let items = du
        .items
        .iter()
        .map(|it| {
            let mut i = Table::new();
            i.insert("text", value(it.text.as_str()));
            let section = it
                .section
                .and_then(|s| sections.get(s))
                .cloned()
                .unwrap_or_default();
            i.insert("section", value(section));
            if !it.powers.is_empty() {
                i.insert("powers", texts(&refs(&it.powers, powers)));
            }
            optional(&mut i, "note", &it.note);
            i
        })
        .collect::<Vec<_>>();
    if !items.is_empty() {
        t.insert("items", list(items));
    }
    t
}

fn boundary(b: &Bd, id: &str, departments: &[String], notes: &mut Vec<(String, Message)>) -> Table {
    let mut t = Table::new();
    t.insert("id", value(id));
    t.insert("title", value(b.title.as_str()));
    t.insert("area", value(b.area.as_str()));
    t.insert("lead_duty", value(b.lead_duty.as_str()));
    let partners = b
        .partners
        .iter()
        .map(|(d, duty)| {
            let mut p = Table::new();
            p.insert(
                "department",
                value(departments.get(*d).cloned().unwrap_or_default()),
            );
            p.insert("duty", value(duty.as_str()));
            p
        })
        .collect();
    t.insert("partners", list(partners));
    let mut case = Table::new();
    case.insert("title", value(b.case_title.as_str()));
    case.insert("scenario", value(b.scenario.as_str()));
    if b.steps.is_empty() {
        notes.push((
            format!("id = \"{id}\""),
            msg!("import-todo-steps", title = b.title.as_str()),
        ));
    } else {
        let steps = b
            .steps
            .iter()
            .map(|(d, action)| {
                let mut s = Table::new();
                s.insert(
                    "department",
                    value(departments.get(*d).cloned().unwrap_or_default()),
                );
                s.insert("action", value(action.as_str()));
                s
            })
            .collect();
        case.insert("steps", list(steps));
    }
    t.insert("case", Item::Table(case));
    t
}

fn regime(
    r: &Rg,
    id: &str,
    sections: &[String],
    powers: &[String],
    notes: &mut Vec<(String, Message)>,
) -> Table {
    let mut t = Table::new();
    t.insert("id", value(id));
    t.insert("title", value(r.title.as_str()));
    let category = r.category.map_or("approval", |c| c.key());
    t.insert("category", value(category));
    if r.category.is_none() {
        notes.push((
            format!("id = \"{id}\""),
            msg!(
                "import-todo-category",
                title = r.title.as_str(),
                written = r.category_text.as_str()
            ),
        ));
    }
    if !r.powers.is_empty() {
        t.insert("powers", texts(&refs(&r.powers, powers)));
    }
    if let Some(s) = r.section.and_then(|s| sections.get(s)) {
        t.insert("section", value(s.as_str()));
    }
    t.insert("measures", texts(&r.measures));
    optional(&mut t, "procedure", &r.procedure);
    optional(&mut t, "penalty", &r.penalty);
    if !r.indicators.is_empty() {
        let tables = r
            .indicators
            .iter()
            .map(|(name, target)| {
                let mut i = Table::new();
                i.insert("name", value(name.as_str()));
                i.insert("target", value(target.as_str()));
                i
            })
            .collect();
        t.insert("indicators", list(tables));
    }
    t
}

fn service(s: &Sv, id: &str, sections: &[String], notes: &mut Vec<(String, Message)>) -> Table {
    let mut t = Table::new();
    t.insert("id", value(id));
    t.insert("title", value(s.title.as_str()));
    let category = s.category.map_or("basic", |c| c.key());
    t.insert("category", value(category));
    if s.category.is_none() {
        notes.push((
            format!("id = \"{id}\""),
            msg!(
                "import-todo-category",
                title = s.title.as_str(),
                written = s.category_text.as_str()
            ),
        ));
    }
    optional(&mut t, "description", &s.description);
    optional(&mut t, "audience", &s.audience);
    optional(&mut t, "frequency", &s.frequency);
    if let Some(sec) = s.section.and_then(|i| sections.get(i)) {
        t.insert("section", value(sec.as_str()));
    }
    if s.beyond_statutory {
        t.insert("beyond_statutory", value(true));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_pinyin_unique_and_valid() {
        assert_eq!(initials("污染防治科", 8).as_deref(), Some("wrfz"));
        assert_eq!(initials("12345热线", 8).as_deref(), Some("x12345rx"));
        let mut ids = Ids::default();
        assert_eq!(ids.take(None, Some("wrfz".into()), "ks1"), "wrfz");
        assert_eq!(ids.take(None, Some("wrfz".into()), "ks2"), "wrfz-2");
        assert_eq!(ids.take(Some("Bad Id"), None, "ks3"), "ks3");
        assert_eq!(ids.take(Some("con"), Some("con".into()), "ks4"), "ks4");
        assert_eq!(
            title_id("违法占用土地建设查处").as_deref(),
            Some("weifazhanyong")
        );
    }
}
