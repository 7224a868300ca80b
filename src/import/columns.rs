//! The sheets and columns of a responsibility list as a spreadsheet: what resplist's own
//! workbook calls them, and every name `import` recognises (`assets/import/columns.toml`, one
//! data file for both). A column's meaning depends on its sheet's block, so each block lists the
//! columns it may hold, in the order the workbook writes them.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::Language;

/// The table of names.
const COLUMNS: &str = include_str!("../../assets/import/columns.toml");

/// One of a list's blocks, as a sheet holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Block {
    /// 部门与科室: one row per office, the department's columns merged over its rows.
    Departments,
    /// 部门职责: one row per work item, 序号, 部门 and 主要职责 merged over their rows.
    Duties,
    /// 职责边界: one row per party, the lead first.
    Boundaries,
    /// 模拟案例步骤: one row per step.
    Steps,
    /// 事中事后监管制度.
    Supervision,
    /// 公共服务事项.
    Services,
    /// 权力事项.
    Powers,
}

impl Block {
    /// In the order the workbook writes its sheets.
    pub const ALL: [Block; 7] = [
        Block::Departments,
        Block::Duties,
        Block::Boundaries,
        Block::Steps,
        Block::Supervision,
        Block::Services,
        Block::Powers,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Block::Departments => "departments",
            Block::Duties => "duties",
            Block::Boundaries => "boundaries",
            Block::Steps => "steps",
            Block::Supervision => "supervision",
            Block::Services => "services",
            Block::Powers => "powers",
        }
    }

    /// The columns a sheet of this block may hold, in the workbook's order: first those of an
    /// official list, then the ids, which travel in columns of their own.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Block::Departments => DEPARTMENTS,
            Block::Duties => DUTIES,
            Block::Boundaries => BOUNDARIES,
            Block::Steps => STEPS,
            Block::Supervision => SUPERVISION,
            Block::Services => SERVICES,
            Block::Powers => POWERS,
        }
    }

    /// The sheet's name in resplist's workbook.
    pub fn sheet_name(self, language: Language) -> &'static str {
        table()
            .sheets
            .iter()
            .find(|s| s.key == self.key())
            .map_or(self.key(), |s| s.first(language))
    }

    /// The block a sheet's name says, if it says one.
    pub fn of_sheet(name: &str) -> Option<Block> {
        let name = comparable(name);
        let sheet = table()
            .sheets
            .iter()
            .find(|s| s.names().any(|n| comparable(n) == name))?;
        Block::ALL.into_iter().find(|b| b.key() == sheet.key)
    }

    /// The column key a header means in a sheet of this block.
    pub fn column(self, header: &str) -> Option<&'static str> {
        let header = comparable(header);
        if header.is_empty() {
            return None;
        }
        self.columns().iter().copied().find(|key| {
            table()
                .columns
                .iter()
                .find(|c| c.key == *key)
                .is_some_and(|c| c.names().any(|n| comparable(n) == header))
        })
    }
}

// The columns of each block, in the workbook's order: first those of an official list, then the
// ids. A departments sheet may also name the department as 部门 (`department`).
const DEPARTMENTS: &[&str] = &[
    "department_name",
    "short_name",
    "department_phone",
    "address",
    "website",
    "summary",
    "section",
    "phone",
    "order",
    "department_id",
    "section_id",
    "department",
];
const DUTIES: &[&str] = &[
    "seq",
    "department",
    "duty",
    "basis",
    "item",
    "section",
    "phone",
    "note",
    "duty_note",
    "powers",
    "department_id",
    "duty_id",
    "section_id",
];
const BOUNDARIES: &[&str] = &[
    "seq",
    "boundary",
    "area",
    "department",
    "role",
    "duty",
    "case_title",
    "case",
    "boundary_id",
    "department_id",
];
const STEPS: &[&str] = &[
    "boundary",
    "step",
    "department",
    "action",
    "boundary_id",
    "department_id",
];
const SUPERVISION: &[&str] = &[
    "seq",
    "department",
    "regime",
    "category",
    "measures",
    "procedure",
    "penalty",
    "indicators",
    "section",
    "phone",
    "powers",
    "department_id",
    "regime_id",
    "section_id",
];
const SERVICES: &[&str] = &[
    "seq",
    "department",
    "service",
    "category",
    "description",
    "audience",
    "frequency",
    "beyond_statutory",
    "section",
    "phone",
    "department_id",
    "service_id",
    "section_id",
];
const POWERS: &[&str] = &[
    "seq",
    "department",
    "power",
    "power_kind",
    "power_status",
    "delegated_to",
    "basis",
    "department_id",
    "power_id",
];

/// The columns of an entry that spans several rows: a department's over its offices, a duty's
/// over its work items, a boundary's over its parties. The workbook merges them over the entry's
/// rows; `import` fills them down where a merge (or a clerk) left the rows below empty.
pub const DEPARTMENT_SPAN: &[&str] = &[
    "department_name",
    "short_name",
    "department_phone",
    "address",
    "website",
    "summary",
    "order",
    "department_id",
];
pub const DUTY_SPAN: &[&str] = &[
    "seq",
    "department",
    "duty",
    "basis",
    "duty_note",
    "department_id",
    "duty_id",
];
pub const BOUNDARY_SPAN: &[&str] = &[
    "seq",
    "boundary",
    "area",
    "case_title",
    "case",
    "boundary_id",
];

/// A column's header in resplist's workbook.
pub fn header(key: &str, language: Language) -> &'static str {
    table()
        .columns
        .iter()
        .find(|c| c.key == key)
        .map_or("", |c| c.first(language))
}

/// A name as names are compared: letters and digits only, full-width folded, lowercase.
pub fn comparable(text: &str) -> String {
    crate::render::search::normalize(text)
}

#[derive(Debug, Deserialize)]
struct Table {
    sheets: Vec<Named>,
    columns: Vec<Named>,
}

#[derive(Debug, Deserialize)]
struct Named {
    key: String,
    zh: Vec<String>,
    en: Vec<String>,
}

impl Named {
    fn first(&self, language: Language) -> &str {
        let names = if language == Language::En {
            &self.en
        } else {
            &self.zh
        };
        names.first().map_or(self.key.as_str(), String::as_str)
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        self.zh.iter().chain(&self.en).map(String::as_str)
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The file is part of resplist; a test proves it parses.
        toml::from_str(COLUMNS).unwrap_or(Table {
            sheets: Vec::new(),
            columns: Vec::new(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_names_every_column_of_every_block() {
        let table: Table = toml::from_str(COLUMNS).unwrap();
        for block in Block::ALL {
            assert!(
                table.sheets.iter().any(|s| s.key == block.key()),
                "{block:?}"
            );
            for key in block.columns() {
                let column = table.columns.iter().find(|c| c.key == *key);
                let column = column.unwrap_or_else(|| panic!("{key} has no names"));
                assert!(!column.zh.is_empty() && !column.en.is_empty(), "{key}");
            }
        }
    }

    #[test]
    fn within_a_block_a_name_means_one_column() {
        for block in Block::ALL {
            let mut seen = std::collections::HashMap::new();
            for key in block.columns() {
                let column = table().columns.iter().find(|c| c.key == *key).unwrap();
                let names: std::collections::HashSet<String> =
                    column.names().map(comparable).collect();
                for name in names {
                    if let Some(other) = seen.insert(name.clone(), *key) {
                        panic!("{block:?}: {name} means both {other} and {key}");
                    }
                }
            }
        }
    }

    #[test]
    fn headers_are_read_whatever_their_width_and_punctuation() {
        assert_eq!(Block::Duties.column("处（科）室"), Some("section"));
        assert_eq!(Block::Duties.column("处(科)室"), Some("section"));
        assert_eq!(Block::Duties.column(" 具体工作事项 "), Some("item"));
        assert_eq!(Block::Boundaries.column("职责"), Some("duty"));
        assert_eq!(Block::Powers.column("事项名称"), Some("power"));
        assert_eq!(Block::Services.column("事项名称"), Some("service"));
        assert_eq!(Block::of_sheet("部门职责"), Some(Block::Duties));
        assert_eq!(Block::of_sheet("Public services"), Some(Block::Services));
        assert_eq!(header("item", Language::ZhCn), "具体工作事项");
        assert_eq!(Block::Duties.sheet_name(Language::ZhCn), "部门职责");
    }
}
