//! `resplist import`: a responsibility list from the spreadsheets it lives in today.
//!
//! - `read`: files to grids of text (calamine; CSV in UTF-8 or GBK), sizes bounded, merges
//!   filled;
//! - `table`: a grid to a table of one block (its header row found, its title rows kept);
//! - `assemble`: every table's records into one list, departments matched by their names;
//! - `write`: ids given, TOML in `fmt`'s form, and what is left to fill in.
//!
//! Nothing is written until the whole project is made; it is made in a staging folder beside
//! the output and moved into place. See `docs/import.md`.

mod assemble;
pub mod columns;
mod names;
pub mod read;
pub mod table;
mod write;

use std::path::{Path, PathBuf};

use assemble::Site;
use columns::comparable;
use read::Sheet;
use table::{Place, Read, Skip};

use crate::i18n::Message;
use crate::model::Language;
use crate::msg;

/// What an import did, for the report.
pub struct Imported {
    /// The files read, and those that could not be.
    pub files: Vec<String>,
    pub unreadable: Vec<(String, Message)>,
    /// Sheets with nothing in them.
    pub empty: Vec<String>,
    pub skipped: Vec<(Place, Skip)>,
    pub noted: Vec<(Place, String, String, Message)>,
    pub dropped: Vec<(Place, String, String)>,
    pub orphans: Vec<Place>,
    pub todo: Vec<write::Todo>,
    pub departments: usize,
}

impl Imported {
    /// Whether any row or cell was left out.
    pub fn lost_anything(&self) -> bool {
        !self.skipped.is_empty()
            || !self.dropped.is_empty()
            || !self.orphans.is_empty()
            || !self.unreadable.is_empty()
    }
}

/// Why nothing was imported; nothing is written.
pub struct Nothing {
    pub why: Message,
    pub unreadable: Vec<(String, Message)>,
}

/// What `import` ends with.
pub enum Outcome {
    Imported(Imported),
    Nothing(Nothing),
}

/// Reads `sources` and writes the project into `output`, which must be empty, or `force`. An
/// `Err` is a refusal or a failure to write (nothing is written); `Outcome::Nothing` is input with
/// nothing to import.
pub fn import(
    sources: &[PathBuf],
    output: &Path,
    force: bool,
    language: Option<Language>,
) -> anyhow::Result<Outcome> {
    let nothing = |why: Message| {
        Ok(Outcome::Nothing(Nothing {
            why,
            unreadable: Vec::new(),
        }))
    };
    let destination = crate::render::output::destination(output, &guard(sources), force)?;
    let files = match read::files(sources) {
        Ok(files) if files.is_empty() => return nothing(msg!("import-no-files")),
        Ok(files) => files,
        Err(u) => return nothing(named(&u.file, u.why)),
    };
    let (sheets, unreadable) = read_all(&files);
    let (about, sheets): (Vec<Sheet>, Vec<Sheet>) = sheets.into_iter().partition(is_about);
    let site = about
        .iter()
        .fold(Site::default(), |site, s| read_about(s, site));
    let read = tables(&sheets);
    if read.tables.iter().all(|t| t.records.is_empty()) {
        let why = if sheets.is_empty() && about.is_empty() && !unreadable.is_empty() {
            msg!("import-none-readable")
        } else if read.tables.is_empty() && read.skipped.is_empty() {
            msg!("import-all-empty")
        } else if !read.tables.is_empty() {
            msg!("import-no-rows")
        } else {
            msg!("import-nothing")
        };
        return Ok(Outcome::Nothing(Nothing { why, unreadable }));
    }
    let empty = read.empty;
    let mut gathered = assemble::gather(read.tables, site);
    gathered.skipped.splice(0..0, read.skipped);
    let language = language
        .or_else(|| gathered.site.language.as_deref().and_then(Language::parse))
        .unwrap_or_else(|| guess_language(&gathered));
    let names: Vec<String> = files.iter().map(|f| shown(f)).collect();
    let project = write::project(&gathered, language, &names);
    write_staged(&destination, &project.files)?;
    Ok(Outcome::Imported(Imported {
        files: names,
        unreadable,
        empty,
        skipped: gathered.skipped,
        noted: gathered.noted,
        dropped: gathered.dropped,
        orphans: gathered.orphans,
        todo: project.todo,
        departments: gathered.departments.len(),
    }))
}

/// The folder holding the first source stands in for "the project": the output may not be it,
/// so an import never replaces its own spreadsheets.
fn guard(sources: &[PathBuf]) -> PathBuf {
    sources
        .first()
        .map(|s| {
            if s.is_dir() {
                s.clone()
            } else {
                s.parent().map(Path::to_path_buf).unwrap_or_default()
            }
        })
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Every sheet of every file, and the files that could not be read, with why.
fn read_all(files: &[PathBuf]) -> (Vec<Sheet>, Vec<(String, Message)>) {
    let mut sheets = Vec::new();
    let mut unreadable = Vec::new();
    for file in files {
        match read::sheets(file) {
            Ok(mut s) => sheets.append(&mut s),
            Err(u) => unreadable.push((shown(&u.file), u.why)),
        }
    }
    (sheets, unreadable)
}

/// The sheets read as tables: the tables, the rows of sheets without a header, the empty sheets.
struct Tables {
    tables: Vec<table::Table>,
    skipped: Vec<(Place, Skip)>,
    empty: Vec<String>,
}

fn tables(sheets: &[Sheet]) -> Tables {
    let mut out = Tables {
        tables: Vec::new(),
        skipped: Vec::new(),
        empty: Vec::new(),
    };
    for sheet in sheets {
        match table::read(sheet) {
            Read::Table(t) => out.tables.push(t),
            Read::Empty => out.empty.push(format!("{}!{}", sheet.file, sheet.name)),
            Read::NoHeader(rows) => out
                .skipped
                .extend(rows.into_iter().map(|p| (p, Skip::NoHeader))),
        }
    }
    out
}

/// Writes the files into a staging folder beside the destination and moves it into place; on
/// any failure the staging folder is removed and the destination left as it was.
fn write_staged(
    destination: &crate::render::output::Destination,
    files: &[write::File],
) -> anyhow::Result<()> {
    let staging = destination.stage()?;
    let written = files.iter().try_for_each(|f| -> anyhow::Result<()> {
        let path = staging.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, &f.text)?;
        Ok(())
    });
    // The marker says "a build may replace this"; a project is no build.
    let written = written.and_then(|()| {
        std::fs::remove_file(staging.join(crate::render::output::MARKER)).map_err(Into::into)
    });
    if let Err(err) = written {
        destination.discard(&staging);
        return Err(err.context(msg!(
            "import-cannot-write",
            dir = staging.display().to_string()
        )));
    }
    destination.publish(&staging)
}

/// The files an import of `sheets` would write (paths relative to the project), without
/// writing them: for tests and fuzzing.
pub fn project_of(sheets: &[Sheet]) -> Vec<(PathBuf, String)> {
    let (about, sheets): (Vec<&Sheet>, Vec<&Sheet>) = sheets.iter().partition(|s| is_about(s));
    let site = about
        .iter()
        .fold(Site::default(), |site, s| read_about(s, site));
    let tables = sheets
        .into_iter()
        .filter_map(|s| match table::read(s) {
            Read::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    let gathered = assemble::gather(tables, site);
    let language = guess_language(&gathered);
    let project = write::project(&gathered, language, &[]);
    project
        .files
        .into_iter()
        .map(|f| (f.path, f.text))
        .collect()
}

fn shown(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn named(file: &Path, why: Message) -> Message {
    msg!("import-file-problem", file = shown(file), why = why)
}

/// Chinese when the list's names are, else English.
fn guess_language(g: &assemble::Gathered) -> Language {
    let chinese = g
        .departments
        .iter()
        .filter_map(|d| d.full.as_deref().or(d.short.as_deref()))
        .any(|n| n.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)));
    if chinese || g.departments.is_empty() {
        Language::ZhCn
    } else {
        Language::En
    }
}

/// The first sheet of resplist's own workbook: 清单信息 (About), the list's title and the like.
fn is_about(sheet: &Sheet) -> bool {
    ["清单信息", "about"].contains(&comparable(&sheet.name).as_str())
}

fn read_about(sheet: &Sheet, mut site: Site) -> Site {
    for row in &sheet.rows {
        let (Some(key), Some(value)) = (row.first(), row.get(1)) else {
            continue;
        };
        let value = Some(value.trim().to_string()).filter(|v| !v.is_empty());
        let slot = match comparable(key).as_str() {
            "标题" | "title" => &mut site.title,
            "行政区" | "jurisdiction" => &mut site.jurisdiction,
            "语言" | "language" => &mut site.language,
            "发布日期" | "published" => &mut site.published,
            "网址" | "address" => &mut site.base_url,
            "意见反馈" | "feedback" => &mut site.feedback,
            "意见反馈电话" | "feedbackphone" => &mut site.feedback_phone,
            _ => continue,
        };
        if slot.is_none() {
            *slot = value;
        }
    }
    site
}
