//! A sheet read as a table of one block: which block it holds (its name, else its headers), which
//! row is the header (the one in the first 30 rows with the most known column names), the title
//! rows above it, and its rows as records of known columns. What no column takes is kept, with
//! its place, so that nothing is lost silently.

use std::collections::BTreeMap;

use super::columns::{Block, comparable};
use super::read::Sheet;

/// How far down a header row is looked for.
const HEADER_ROWS: usize = 30;

/// A sheet as a table.
#[derive(Debug)]
pub struct Table {
    pub block: Block,
    pub file: String,
    pub sheet: String,
    /// The non-empty texts of the rows above the header (title rows: "XX县政府部门责任清单",
    /// "填报单位：…").
    pub titles: Vec<String>,
    pub records: Vec<Record>,
    /// Rows with something in them that are not data: a repeated header, a total.
    pub skipped: Vec<(Place, Skip)>,
}

/// Where a cell or row is: `file!sheet!D12`, or `file!sheet!12` for a row.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub file: String,
    pub sheet: String,
    /// 1-based.
    pub row: usize,
    /// 0-based; `None` for a whole row.
    pub column: Option<usize>,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.column {
            Some(c) => write!(f, "{}!{}!{}{}", self.file, self.sheet, letters(c), self.row),
            None => write!(f, "{}!{}!{}", self.file, self.sheet, self.row),
        }
    }
}

/// A column's letters: 0 → A, 26 → AA.
pub fn letters(mut column: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Why a row is not data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    RepeatedHeader,
    Total,
    /// The row has text, but not in the column that makes it an entry (no 主要职责 or 工作事项 on
    /// a duties sheet, …).
    NoKey,
    /// A row of a sheet that holds no recognisable header.
    NoHeader,
}

/// One row of data.
#[derive(Debug, Clone)]
pub struct Record {
    pub place: Place,
    /// Known columns' texts (non-empty ones only).
    pub cells: BTreeMap<&'static str, String>,
    /// Cells under headers no column takes, with their header and place.
    pub extra: Vec<(String, String, Place)>,
}

impl Record {
    pub fn get(&self, key: &str) -> &str {
        self.cells.get(key).map_or("", String::as_str)
    }
}

/// Whether a sheet is read, and as what.
pub enum Read {
    Table(Table),
    /// Nothing in it at all.
    Empty,
    /// Text, but no header row of any block.
    NoHeader(Vec<Place>),
}

/// The sheet as a table of the block its name or headers say.
pub fn read(sheet: &Sheet) -> Read {
    let filled: Vec<usize> = (0..sheet.rows.len())
        .filter(|r| sheet.rows[*r].iter().any(|c| !c.is_empty()))
        .collect();
    if filled.is_empty() {
        return Read::Empty;
    }
    let named = Block::of_sheet(&sheet.name);
    let Some((header_row, block, columns)) = header(sheet, named) else {
        let place = |row: usize| Place {
            file: sheet.file.clone(),
            sheet: sheet.name.clone(),
            row: row + 1,
            column: None,
        };
        return Read::NoHeader(filled.into_iter().map(place).collect());
    };
    let titles = sheet.rows[..header_row]
        .iter()
        .flat_map(|row| row.iter().filter(|c| !c.is_empty()).cloned())
        .fold(Vec::new(), |mut out: Vec<String>, t| {
            if !out.contains(&t) {
                out.push(t);
            }
            out
        });
    let mut table = Table {
        block,
        file: sheet.file.clone(),
        sheet: sheet.name.clone(),
        titles,
        records: Vec::new(),
        skipped: Vec::new(),
    };
    let headers = &sheet.rows[header_row];
    for (r, row) in sheet.rows.iter().enumerate().skip(header_row + 1) {
        if row.iter().all(String::is_empty) {
            continue;
        }
        let place = |column| Place {
            file: sheet.file.clone(),
            sheet: sheet.name.clone(),
            row: r + 1,
            column,
        };
        let mut record = Record {
            place: place(None),
            cells: BTreeMap::new(),
            extra: Vec::new(),
        };
        for (c, value) in row.iter().enumerate() {
            if value.is_empty() {
                continue;
            }
            match columns.get(&c) {
                Some(key) => {
                    record.cells.insert(key, value.clone());
                }
                None => {
                    let header = headers.get(c).cloned().unwrap_or_default();
                    record.extra.push((header, value.clone(), place(Some(c))));
                }
            }
        }
        match skip(&record, row, headers) {
            Some(why) => table.skipped.push((record.place, why)),
            None => table.records.push(record),
        }
    }
    Read::Table(table)
}

/// The header row: the row among the first `HEADER_ROWS` with the most known column names of one
/// block (the block the sheet's name says, if it says one), at least two of them and the block's
/// key column among them.
fn header(
    sheet: &Sheet,
    named: Option<Block>,
) -> Option<(usize, Block, BTreeMap<usize, &'static str>)> {
    let blocks: Vec<Block> = named.map_or_else(|| Block::ALL.to_vec(), |b| vec![b]);
    let mut best: Option<(usize, usize, Block, BTreeMap<usize, &'static str>)> = None;
    for (r, row) in sheet.rows.iter().enumerate().take(HEADER_ROWS) {
        for block in &blocks {
            let mut columns = BTreeMap::new();
            for (c, text) in row.iter().enumerate() {
                if let Some(key) = block.column(text)
                    && !columns.values().any(|k| *k == key)
                {
                    columns.insert(c, key);
                }
            }
            let keyed = key_columns(*block)
                .iter()
                .any(|k| columns.values().any(|c| c == k));
            let score = columns.len();
            if score >= 2 && keyed && best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, r, *block, columns));
            }
        }
    }
    best.map(|(_, r, block, columns)| (r, block, columns))
}

/// The columns of which a row of the block must have one to be an entry.
pub fn key_columns(block: Block) -> &'static [&'static str] {
    match block {
        Block::Departments => &["department_name", "department", "section"],
        Block::Duties => &["duty", "item"],
        Block::Boundaries => &["boundary", "boundary_id"],
        Block::Steps => &["action"],
        Block::Supervision => &["regime"],
        Block::Services => &["service"],
        Block::Powers => &["power"],
    }
}

/// Why a row is not data, if it is not.
fn skip(record: &Record, row: &[String], headers: &[String]) -> Option<Skip> {
    let same_as_header = row
        .iter()
        .zip(headers)
        .filter(|(a, _)| !a.is_empty())
        .all(|(a, b)| comparable(a) == comparable(b));
    if same_as_header {
        return Some(Skip::RepeatedHeader);
    }
    let first = row.iter().find(|c| !c.is_empty()).map(|c| comparable(c));
    if first.is_some_and(|f| ["合计", "总计", "小计", "total"].contains(&f.as_str())) {
        return Some(Skip::Total);
    }
    None.or_else(|| (!has_key(record)).then_some(Skip::NoKey))
}

fn has_key(record: &Record) -> bool {
    // Which block the record is of is not known here; any key column of any block will do,
    // and `assemble` checks the block's own.
    Block::ALL
        .iter()
        .flat_map(|b| key_columns(*b))
        .any(|k| record.cells.contains_key(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(name: &str, rows: &[&[&str]]) -> Sheet {
        Sheet {
            file: "清溪县责任清单.xlsx".into(),
            name: name.into(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
        }
    }

    #[test]
    fn the_header_is_found_below_title_rows_and_synonyms_are_read() {
        let s = sheet(
            "Sheet1",
            &[
                &["清溪县政府部门责任清单", "", ""],
                &["（附件1）", "", ""],
                &["序号", "主要职责", "工作事项", "承办科室", "联系人"],
                &["1", "负责环境保护", "排污许可", "污染防治科", "张三"],
                &["合计", "", "", "", ""],
                &["", "", "", "", "李四"],
            ],
        );
        let Read::Table(t) = read(&s) else {
            panic!("no table")
        };
        assert_eq!(t.block, Block::Duties);
        assert_eq!(t.titles, ["清溪县政府部门责任清单", "（附件1）"]);
        assert_eq!(t.records.len(), 1);
        let r = &t.records[0];
        assert_eq!(r.get("item"), "排污许可");
        assert_eq!(r.get("section"), "污染防治科");
        assert_eq!(r.extra[0].0, "联系人");
        assert_eq!(r.extra[0].2.to_string(), "清溪县责任清单.xlsx!Sheet1!E4");
        let skipped: Vec<(String, Skip)> =
            t.skipped.iter().map(|(p, s)| (p.to_string(), *s)).collect();
        assert_eq!(
            skipped,
            [
                ("清溪县责任清单.xlsx!Sheet1!5".to_string(), Skip::Total),
                ("清溪县责任清单.xlsx!Sheet1!6".to_string(), Skip::NoKey)
            ]
        );
    }

    #[test]
    fn a_sheet_without_a_header_is_said_to_be_one() {
        let s = sheet("说明", &[&["本表由各部门填报"], &["请于月底前报送"]]);
        assert!(matches!(read(&s), Read::NoHeader(rows) if rows.len() == 2));
        assert!(matches!(read(&sheet("空", &[&["", ""]])), Read::Empty));
    }

    #[test]
    fn column_letters_go_past_z() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(702), "AAA");
    }
}
