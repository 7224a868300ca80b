//! The whole list as one Excel workbook, `opendata/resplist.xlsx`, laid out as clerks keep it: an
//! about sheet, then one sheet per block with the names, column order and headers of
//! `import::columns`, so that `resplist import` reads it back.

use std::borrow::Cow;

use anyhow::Context as _;
use rayon::prelude::*;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};
use serde::Serialize;

use super::views::label;
use super::writer::Writer;
use crate::check::{Checked, LinkedBoundary, LinkedDepartment};
use crate::import::columns::{BOUNDARY_SPAN, Block, DEPARTMENT_SPAN, DUTY_SPAN, header};
use crate::model::{Datetime, Department, Language, Spanned, SupervisionRegime};
use crate::msg;

/// Where the workbook is written, named as the JSON beside it is.
pub const PATH: &str = super::views::WORKBOOK;

/// Excel's limit on the text of one cell, in UTF-16 code units.
const MAX_CELL: usize = 32_767;
/// Column widths in characters, a Chinese character counting two.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;
/// Deflate's level 3 instead of its default 6: half the time to pack (0.1 s instead of 0.24 s at
/// 10× the sample county) for a file 12% larger.
const ZIP_LEVEL: u8 = 3;
/// The edition date of a list that gives none: the workbook's creation date must not be the
/// build's, or two builds of the same list would differ.
const NO_DATE: (u16, u8, u8) = (2000, 1, 1);

/// The about sheet's name and its two headers, in Chinese and English.
const ABOUT: (&str, &str) = ("清单信息", "About");
/// Above this many work items (about ten counties), sheets are written a row at a time.
const LOW_MEMORY_ROWS: usize = 20_000;

/// The header of the first column of a workspace's sheets, and its about sheet's label.
const JURISDICTION: (&str, &str) = ("行政区", "Jurisdiction");
const ABOUT_HEADERS: [(&str, &str); 2] = [("名称", "Name"), ("内容", "Value")];
/// A boundary party's role, in Chinese and English: the lead's, the partners'.
const LEAD: (&str, &str) = ("牵头", "lead");
const PARTNER: (&str, &str) = ("协办", "partner");
/// Whether a service is offered beyond statutory functions.
const YES: (&str, &str) = ("是", "yes");
const NO: (&str, &str) = ("否", "no");

/// The workbook as the pages offer it: its address from the site's root, and its size.
#[derive(Debug, Clone, Serialize)]
pub struct Download {
    pub url: &'static str,
    pub size: String,
}

impl Download {
    /// The site's part of every page's context, with the workbook as `site.workbook`.
    pub fn beside<S: Serialize>(self, site: &S) -> SiteWithWorkbook<'_, S> {
        SiteWithWorkbook {
            site,
            workbook: self,
        }
    }
}

/// The site's view with the workbook's download beside its fields.
#[derive(Serialize)]
pub struct SiteWithWorkbook<'a, S> {
    #[serde(flatten)]
    site: &'a S,
    workbook: Download,
}

/// Writes the workbook and says where it is and how large.
pub fn render(checked: &Checked<'_>, out: &Writer) -> anyhow::Result<Download> {
    let bytes = workbook(checked).with_context(|| msg!("cannot-write", path = PATH))?;
    out.write(PATH, &bytes)?;
    Ok(Download {
        url: PATH,
        size: size(bytes.len()),
    })
}

/// A file's size as people read it: `86 KB`, `1.4 MB`.
fn size(bytes: usize) -> String {
    const MB: usize = 1024 * 1024;
    if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

fn workbook(checked: &Checked<'_>) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut book = Workbook::new();
    let site = checked.site();
    let published = site.published.as_ref().map(|d| d.get_ref());
    book.set_properties(&properties(site.title.get_ref(), published)?);
    about(book.add_worksheet(), checked, &formats)?;
    blocks(&mut book, &[(None, checked)], checked.language(), &formats)?;
    book.set_zip_compression_level(ZIP_LEVEL);
    book.save_to_buffer()
}

/// One sheet per block, each holding the entries of every list in turn; when the lists are
/// named (a workspace's jurisdictions), a first column names each row's. The sheets are filled
/// on every core, then added in their order.
fn blocks(
    book: &mut Workbook,
    lists: &[(Option<&str>, &Checked<'_>)],
    language: Language,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let named = lists.iter().any(|(name, _)| name.is_some());
    let rows: usize = lists.iter().map(|(_, c)| c.totals().work_items).sum();
    // A large workbook keeps one row in memory at a time (strings still shared): a
    // province's hundreds of thousands of rows otherwise took a gigabyte. A county's is
    // faster in memory: each sheet written out costs a temporary file.
    let mut sheets = Block::ALL
        .iter()
        .map(|_| {
            if rows > LOW_MEMORY_ROWS {
                book.new_worksheet_with_low_memory()
            } else {
                Ok(Worksheet::new())
            }
        })
        .collect::<Result<Vec<Worksheet>, XlsxError>>()?;
    sheets
        .par_iter_mut()
        .zip(Block::ALL)
        .try_for_each(|(sheet, block)| {
            let columns = written_columns(block);
            let mut headers: Vec<&str> = columns.iter().map(|key| header(key, language)).collect();
            if named {
                headers.insert(0, pick(language, JURISDICTION.0, JURISDICTION.1));
            }
            let name = block.sheet_name(language);
            let mut sheet = Sheet::new(sheet, name, columns, headers, formats)?;
            sheet.offset = usize::from(named);
            for (jurisdiction, checked) in lists {
                sheet.jurisdiction = jurisdiction.map(str::to_string);
                fill(&mut sheet, block, checked)?;
            }
            sheet.finish()
        })?;
    for sheet in sheets {
        book.push_worksheet(sheet);
    }
    Ok(())
}

/// A workspace's lists as one workbook: an about sheet for the workspace, then every block's
/// sheet with the jurisdiction of each row first. `lists` are (jurisdiction, list).
/// `None` when a sheet would pass Excel's limit of 1,048,576 rows (some 5,000 counties' work
/// items): no spreadsheet program opens such a workbook, and each member's stays on offer.
pub fn render_many(
    lists: &[(&str, &Checked<'_>)],
    title: &str,
    language: Language,
    published: Option<&Datetime>,
    out: &Writer,
) -> anyhow::Result<Option<Download>> {
    let bytes = match many(lists, title, language, published) {
        Ok(bytes) => bytes,
        Err(XlsxError::RowColumnLimitError) => return Ok(None),
        Err(err) => return Err(err).with_context(|| msg!("cannot-write", path = PATH)),
    };
    out.write(PATH, &bytes)?;
    Ok(Some(Download {
        url: PATH,
        size: size(bytes.len()),
    }))
}

fn many(
    lists: &[(&str, &Checked<'_>)],
    title: &str,
    language: Language,
    published: Option<&Datetime>,
) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut book = Workbook::new();
    book.set_properties(&properties(title, published)?);
    let words = |(zh, en): (&'static str, &'static str)| pick(language, zh, en);
    let headers = ABOUT_HEADERS.iter().map(|h| words(*h)).collect();
    let mut sheet = Sheet::new(
        book.add_worksheet(),
        words(ABOUT),
        vec!["name", "value"],
        headers,
        &formats,
    )?;
    let names: Vec<&str> = lists.iter().map(|(name, _)| *name).collect();
    let facts = [
        (("标题", "Title"), title.to_string()),
        (("语言", "Language"), language.key().to_string()),
        (
            ("发布日期", "Published"),
            published.map(date).unwrap_or_default(),
        ),
        (JURISDICTION, names.join(pick(language, "、", ", "))),
    ];
    for (name, value) in facts {
        let row = sheet.cells(|key| match key {
            "name" => Cell::text(words(name)),
            _ => Cell::owned(value.clone()),
        });
        sheet.entry(vec![row], &[])?;
    }
    sheet.finish()?;
    let lists: Vec<(Option<&str>, &Checked<'_>)> =
        lists.iter().map(|(name, c)| (Some(*name), *c)).collect();
    blocks(&mut book, &lists, language, &formats)?;
    book.set_zip_compression_level(ZIP_LEVEL);
    book.save_to_buffer()
}

/// The columns of a block that the workbook writes: all but the departments sheet's `department`,
/// which is there to read other people's sheets.
fn written_columns(block: Block) -> Vec<&'static str> {
    block
        .columns()
        .iter()
        .copied()
        .filter(|key| !(block == Block::Departments && *key == "department"))
        .collect()
}

/// The document's title, and the list's edition date as its creation date, so that two builds
/// of the same list write the same bytes.
fn properties(title: &str, published: Option<&Datetime>) -> Result<DocProperties, XlsxError> {
    let (year, month, day) = published
        .and_then(|d| d.date)
        .map_or(NO_DATE, |d| (d.year, d.month, d.day));
    let created = ExcelDateTime::from_ymd(year, month, day)?;
    Ok(DocProperties::new()
        .set_title(title)
        .set_creation_datetime(&created))
}

/// The about sheet: the site's title, jurisdiction, language, edition, address and feedback
/// channels, one labelled row each.
fn about(sheet: &mut Worksheet, checked: &Checked<'_>, formats: &Formats) -> Result<(), XlsxError> {
    let language = checked.language();
    let site = checked.site();
    let words = |(zh, en): (&'static str, &'static str)| pick(language, zh, en);
    let headers = ABOUT_HEADERS.iter().map(|h| words(*h)).collect();
    let mut sheet = Sheet::new(sheet, words(ABOUT), vec!["name", "value"], headers, formats)?;
    let published = site.published.as_ref().map(|d| date(d.get_ref()));
    // (label, value, whether the row is written when the value is absent)
    let facts = [
        (("标题", "Title"), Some(site.title.get_ref().clone()), true),
        (
            ("行政区", "Jurisdiction"),
            Some(site.jurisdiction.get_ref().clone()),
            true,
        ),
        (("语言", "Language"), Some(language.key().to_string()), true),
        (("发布日期", "Published"), published, false),
        (("网址", "Address"), given(&site.base_url), false),
        (("意见反馈", "Feedback"), given(&site.feedback), true),
        (
            ("意见反馈电话", "Feedback phone"),
            given(&site.feedback_phone),
            true,
        ),
    ];
    for (name, value, always) in facts {
        if value.is_none() && !always {
            continue;
        }
        let row = sheet.cells(|key| match key {
            "name" => Cell::text(words(name)),
            _ => value.as_deref().map_or(Cell::Empty, Cell::text),
        });
        sheet.entry(vec![row], &[])?;
    }
    sheet.finish()
}

fn pick(language: Language, zh: &'static str, en: &'static str) -> &'static str {
    match language {
        Language::ZhCn => zh,
        Language::En => en,
    }
}

fn given(text: &Option<Spanned<String>>) -> Option<String> {
    text.as_ref().map(|t| t.get_ref().clone())
}

/// A TOML date as `YYYY-MM-DD`.
fn date(value: &Datetime) -> String {
    match value.date {
        Some(d) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
        None => value.to_string(),
    }
}

/// Writes a block's rows: departments in publication order, entries in file order.
fn fill(sheet: &mut Sheet<'_>, block: Block, checked: &Checked<'_>) -> Result<(), XlsxError> {
    let language = checked.language();
    match block {
        Block::Boundaries => return boundaries(sheet, checked.boundaries(), language),
        Block::Steps => return steps(sheet, checked.boundaries()),
        _ => {}
    }
    for d in checked.departments() {
        match block {
            Block::Departments => departments(sheet, d.model)?,
            Block::Duties => duties(sheet, d)?,
            Block::Supervision => supervision(sheet, d, language)?,
            Block::Services => services(sheet, d, language)?,
            Block::Powers => powers(sheet, d.model, language)?,
            Block::Boundaries | Block::Steps => {}
        }
    }
    Ok(())
}

/// One row per office, the department's columns merged over them; one row for a department
/// without offices.
fn departments<'p>(sheet: &mut Sheet<'_>, d: &'p Department) -> Result<(), XlsxError> {
    let common = |key: &str| -> Cell<'p> {
        match key {
            "department_name" => Cell::text(d.name.get_ref()),
            "short_name" => Cell::optional(&d.short_name),
            "department_phone" => Cell::optional(&d.phone),
            "address" => Cell::optional(&d.address),
            "website" => Cell::optional(&d.website),
            "summary" => Cell::optional(&d.summary),
            "order" => d
                .order
                .as_ref()
                .map_or(Cell::Empty, |o| Cell::Number(*o.get_ref() as f64)),
            "department_id" => Cell::text(&d.id),
            _ => Cell::Empty,
        }
    };
    let mut rows: Vec<Vec<Cell<'p>>> = d
        .sections
        .iter()
        .map(|s| {
            let s = s.get_ref();
            sheet.cells(|key| match key {
                "section" => Cell::text(s.name.get_ref()),
                "phone" => Cell::text(s.phone.get_ref()),
                "section_id" => Cell::text(s.id.get_ref()),
                _ => common(key),
            })
        })
        .collect();
    if rows.is_empty() {
        rows.push(sheet.cells(common));
    }
    sheet.entry(rows, DEPARTMENT_SPAN)
}

/// One row per work item, the duty's columns merged over them; one row for a duty without items.
fn duties<'p>(sheet: &mut Sheet<'_>, d: &LinkedDepartment<'p>) -> Result<(), XlsxError> {
    let m = d.model;
    for (n, duty) in d.duties.iter().enumerate() {
        let model = duty.model;
        let common = |key: &str| -> Cell<'p> {
            match key {
                "seq" => Cell::seq(n),
                "department" => Cell::text(m.display_name()),
                "duty" => Cell::text(model.title.get_ref()),
                "basis" => Cell::lines(model.basis.get_ref()),
                "duty_note" => Cell::optional(&model.note),
                "department_id" => Cell::text(&m.id),
                "duty_id" => Cell::text(model.id.get_ref()),
                _ => Cell::Empty,
            }
        };
        let mut rows: Vec<Vec<Cell<'p>>> = duty
            .items
            .iter()
            .map(|item| {
                sheet.cells(|key| match key {
                    "item" => Cell::text(item.model.text.get_ref()),
                    "section" => Cell::text(item.section.name.get_ref()),
                    "phone" => Cell::text(item.section.phone.get_ref()),
                    "note" => Cell::optional(&item.model.note),
                    "powers" => Cell::ids(item.model.powers.iter()),
                    "section_id" => Cell::text(item.section.id.get_ref()),
                    _ => common(key),
                })
            })
            .collect();
        if rows.is_empty() {
            rows.push(sheet.cells(common));
        }
        sheet.entry(rows, DUTY_SPAN)?;
    }
    Ok(())
}

/// One row per party, the lead first, the boundary's columns merged over them; `seq` counts the
/// boundaries of each lead department.
fn boundaries<'p>(
    sheet: &mut Sheet<'_>,
    list: &[LinkedBoundary<'p>],
    language: Language,
) -> Result<(), XlsxError> {
    let mut seq = 0;
    let mut lead = None;
    for b in list {
        if lead != Some(b.lead.id.as_str()) {
            lead = Some(b.lead.id.as_str());
            seq = 0;
        }
        let model = b.model;
        let case = model.case.get_ref();
        let common = |key: &str| -> Cell<'p> {
            match key {
                "seq" => Cell::seq(seq),
                "boundary" => Cell::text(model.title.get_ref()),
                "area" => Cell::text(model.area.get_ref()),
                "case_title" => Cell::text(case.title.get_ref()),
                "case" => Cell::text(case.scenario.get_ref()),
                "boundary_id" => Cell::text(model.id.get_ref()),
                _ => Cell::Empty,
            }
        };
        let party = |d: &'p Department, role: (&'static str, &'static str), duty: &'p str| {
            sheet.cells(|key| match key {
                "department" => Cell::text(d.display_name()),
                "role" => Cell::text(pick(language, role.0, role.1)),
                "duty" => Cell::text(duty),
                "department_id" => Cell::text(&d.id),
                _ => common(key),
            })
        };
        let mut rows = vec![party(b.lead, LEAD, model.lead_duty.get_ref())];
        for (d, p) in b.partners.iter().zip(model.partners.get_ref()) {
            rows.push(party(d, PARTNER, p.get_ref().duty.get_ref()));
        }
        sheet.entry(rows, BOUNDARY_SPAN)?;
        seq += 1;
    }
    Ok(())
}

/// One row per step of each boundary's mock case.
fn steps(sheet: &mut Sheet<'_>, list: &[LinkedBoundary<'_>]) -> Result<(), XlsxError> {
    for b in list {
        let rows = b
            .steps
            .iter()
            .enumerate()
            .map(|(n, step)| {
                sheet.cells(|key| match key {
                    "boundary" => Cell::text(b.model.title.get_ref()),
                    "step" => Cell::seq(n),
                    "department" => Cell::text(step.department.display_name()),
                    "action" => Cell::text(step.model.action.get_ref()),
                    "boundary_id" => Cell::text(b.model.id.get_ref()),
                    "department_id" => Cell::text(&step.department.id),
                    _ => Cell::Empty,
                })
            })
            .collect();
        sheet.entry(rows, &[])?;
    }
    Ok(())
}

fn supervision(
    sheet: &mut Sheet<'_>,
    d: &LinkedDepartment<'_>,
    language: Language,
) -> Result<(), XlsxError> {
    let m = d.model;
    for (n, regime) in d.supervision.iter().enumerate() {
        let r = regime.model;
        let section = regime.section;
        let row = sheet.cells(|key| match key {
            "seq" => Cell::seq(n),
            "department" => Cell::text(m.display_name()),
            "regime" => Cell::text(r.title.get_ref()),
            "category" => Cell::owned(label(*r.category.get_ref(), language)),
            "measures" => Cell::lines(r.measures.get_ref()),
            "procedure" => Cell::optional(&r.procedure),
            "penalty" => Cell::optional(&r.penalty),
            "indicators" => Cell::owned(indicators(r, language)),
            "section" => section.map_or(Cell::Empty, |s| Cell::text(s.name.get_ref())),
            "phone" => section.map_or(Cell::Empty, |s| Cell::text(s.phone.get_ref())),
            "powers" => Cell::ids(r.power_ids()),
            "department_id" => Cell::text(&m.id),
            "regime_id" => Cell::text(r.id.get_ref()),
            "section_id" => section.map_or(Cell::Empty, |s| Cell::text(s.id.get_ref())),
            _ => Cell::Empty,
        });
        sheet.entry(vec![row], &[])?;
    }
    Ok(())
}

/// A regime's indicators, one `name：target` a line (`name: target` on an English site).
fn indicators(r: &SupervisionRegime, language: Language) -> String {
    let colon = pick(language, "：", ": ");
    r.indicators
        .iter()
        .map(|i| {
            let i = i.get_ref();
            format!("{}{colon}{}", i.name.get_ref(), i.target.get_ref())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn services(
    sheet: &mut Sheet<'_>,
    d: &LinkedDepartment<'_>,
    language: Language,
) -> Result<(), XlsxError> {
    let m = d.model;
    for (n, service) in d.services.iter().enumerate() {
        let s = service.model;
        let section = service.section;
        let beyond = s.beyond_statutory.as_ref().is_some_and(|b| *b.get_ref());
        let row = sheet.cells(|key| match key {
            "seq" => Cell::seq(n),
            "department" => Cell::text(m.display_name()),
            "service" => Cell::text(s.title.get_ref()),
            "category" => Cell::owned(label(*s.category.get_ref(), language)),
            "description" => Cell::optional(&s.description),
            "audience" => Cell::optional(&s.audience),
            "frequency" => Cell::optional(&s.frequency),
            "beyond_statutory" => {
                let (zh, en) = if beyond { YES } else { NO };
                Cell::text(pick(language, zh, en))
            }
            "section" => section.map_or(Cell::Empty, |x| Cell::text(x.name.get_ref())),
            "phone" => section.map_or(Cell::Empty, |x| Cell::text(x.phone.get_ref())),
            "department_id" => Cell::text(&m.id),
            "service_id" => Cell::text(s.id.get_ref()),
            "section_id" => section.map_or(Cell::Empty, |x| Cell::text(x.id.get_ref())),
            _ => Cell::Empty,
        });
        sheet.entry(vec![row], &[])?;
    }
    Ok(())
}

fn powers(sheet: &mut Sheet<'_>, d: &Department, language: Language) -> Result<(), XlsxError> {
    for (n, power) in d.powers.iter().enumerate() {
        let p = power.get_ref();
        let row = sheet.cells(|key| match key {
            "seq" => Cell::seq(n),
            "department" => Cell::text(d.display_name()),
            "power" => Cell::text(p.name.get_ref()),
            "power_kind" => Cell::owned(label(*p.kind.get_ref(), language)),
            "power_status" => Cell::owned(label(*p.status.get_ref(), language)),
            "delegated_to" => Cell::optional(&p.delegated_to),
            "basis" => Cell::lines(&p.basis),
            "department_id" => Cell::text(&d.id),
            "power_id" => Cell::text(p.id.get_ref()),
            _ => Cell::Empty,
        });
        sheet.entry(vec![row], &[])?;
    }
    Ok(())
}

/// What one cell holds: nothing, text, or a number (`seq`, `step`, `order`).
enum Cell<'a> {
    Empty,
    Text(Cow<'a, str>),
    Number(f64),
}

impl<'a> Cell<'a> {
    /// Text; empty text is an empty cell.
    fn text(text: &'a str) -> Cell<'a> {
        if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(Cow::Borrowed(text))
        }
    }

    fn owned(text: String) -> Cell<'a> {
        if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(Cow::Owned(text))
        }
    }

    fn optional(text: &'a Option<Spanned<String>>) -> Cell<'a> {
        text.as_ref()
            .map_or(Cell::Empty, |t| Cell::text(t.get_ref()))
    }

    /// The position `n` (from 0) counted from 1.
    fn seq(n: usize) -> Cell<'a> {
        Cell::Number((n + 1) as f64)
    }

    /// A list of texts, one a line.
    fn lines(texts: &[Spanned<String>]) -> Cell<'a> {
        Cell::owned(
            texts
                .iter()
                .map(|t| t.get_ref().as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        )
    }

    /// A list of ids, separated by spaces.
    fn ids<'i>(ids: impl Iterator<Item = &'i Spanned<String>>) -> Cell<'a> {
        Cell::owned(
            ids.map(|t| t.get_ref().as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

/// The workbook's formats: the header's, and the body's, whose text wraps at the column's width.
struct Formats {
    header: Format,
    body: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xDD_EB_F7))
                .set_border(FormatBorder::Thin),
            body: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_align(FormatAlign::Left),
        }
    }
}

/// A sheet being written: its columns, the next row, and how wide each column must be.
struct Sheet<'w> {
    sheet: &'w mut Worksheet,
    formats: &'w Formats,
    columns: Vec<&'static str>,
    widths: Vec<usize>,
    row: u32,
    /// 1 when the first column names each row's jurisdiction, written before `columns`.
    offset: usize,
    /// The jurisdiction of the rows being written.
    jurisdiction: Option<String>,
}

impl<'w> Sheet<'w> {
    /// A sheet named `name` with a bold, frozen header row, printed landscape one page wide.
    fn new(
        sheet: &'w mut Worksheet,
        name: &str,
        columns: Vec<&'static str>,
        headers: Vec<&str>,
        formats: &'w Formats,
    ) -> Result<Sheet<'w>, XlsxError> {
        sheet.set_name(name)?;
        sheet.set_freeze_panes(1, 0)?;
        sheet.set_repeat_rows(0, 0)?;
        // A4.
        sheet.set_paper_size(9);
        sheet.set_landscape();
        sheet.set_print_fit_to_pages(1, 0);
        let mut widths = Vec::with_capacity(headers.len());
        for (col, text) in headers.iter().enumerate() {
            // The body's format as the column's, which a cell written without one takes: looking
            // a format up for every cell took a third of the workbook's time.
            sheet.set_column_format(col as u16, &formats.body)?;
            sheet.write_string_with_format(0, col as u16, *text, &formats.header)?;
            widths.push(width(text));
        }
        Ok(Sheet {
            sheet,
            formats,
            columns,
            widths,
            row: 1,
            offset: 0,
            jurisdiction: None,
        })
    }

    /// A row's cells in column order, each what `value` says its column holds.
    fn cells<'a>(&self, value: impl Fn(&str) -> Cell<'a>) -> Vec<Cell<'a>> {
        self.columns.iter().map(|key| value(key)).collect()
    }

    /// Writes the rows of one entry, the `merged` columns merged over them when there are two
    /// or more.
    fn entry(&mut self, rows: Vec<Vec<Cell<'_>>>, merged: &[&str]) -> Result<(), XlsxError> {
        let first = self.row;
        let last = first + rows.len().saturating_sub(1) as u32;
        let jurisdiction = self.jurisdiction.take();
        for (at, cells) in rows.iter().enumerate() {
            let row = first + at as u32;
            if self.offset > 0
                && let Some(name) = &jurisdiction
            {
                self.write(row, 0, &Cell::text(name))?;
            }
            for (col, cell) in cells.iter().enumerate() {
                let merge = first < last && merged.contains(&self.columns[col]);
                if !merge {
                    self.write(row, col + self.offset, cell)?;
                } else if row == first {
                    self.merge(first, last, col + self.offset, cell)?;
                }
            }
        }
        self.jurisdiction = jurisdiction;
        self.row += rows.len() as u32;
        Ok(())
    }

    fn write(&mut self, row: u32, col: usize, cell: &Cell<'_>) -> Result<(), XlsxError> {
        match cell {
            Cell::Empty => {}
            Cell::Text(text) => {
                let text = fit(text);
                // Most text columns soon reach the widest a column gets; measuring stops there.
                if self.widths.get(col).is_some_and(|w| *w < MAX_WIDTH) {
                    self.widen(col, width(&text));
                }
                self.sheet.write_string(row, col as u16, text)?;
            }
            Cell::Number(n) => {
                self.widen(col, n.to_string().len());
                self.sheet.write_number(row, col as u16, *n)?;
            }
        }
        Ok(())
    }

    fn merge(
        &mut self,
        first: u32,
        last: u32,
        col: usize,
        cell: &Cell<'_>,
    ) -> Result<(), XlsxError> {
        let format = &self.formats.body;
        self.sheet
            .merge_range(first, col as u16, last, col as u16, "", format)?;
        self.write(first, col, cell)
    }

    fn widen(&mut self, col: usize, width: usize) {
        if let Some(w) = self.widths.get_mut(col) {
            *w = (*w).max(width);
        }
    }

    /// Sets each column's width from the widest of its lines, within bounds.
    fn finish(self) -> Result<(), XlsxError> {
        for (col, w) in self.widths.iter().enumerate() {
            let w = (w + 1).clamp(MIN_WIDTH, MAX_WIDTH);
            self.sheet.set_column_width(col as u16, w as f64)?;
        }
        Ok(())
    }
}

/// The widest line of `text` on screen, measured no further than the widest column.
fn width(text: &str) -> usize {
    text.lines()
        .map(|line| {
            let end = line
                .char_indices()
                .nth(MAX_WIDTH)
                .map_or(line.len(), |(at, _)| at);
            crate::text::width(&line[..end])
        })
        .max()
        .unwrap_or(0)
}

/// `text` as one cell holds it: cut, its end marked `…`, when it is longer than Excel allows.
fn fit<'t>(text: &'t str) -> Cow<'t, str> {
    // A UTF-8 byte never stands for more than one UTF-16 unit.
    if text.len() <= MAX_CELL || text.encode_utf16().count() <= MAX_CELL {
        return Cow::Borrowed(text);
    }
    let mut units = 0;
    let mut end = 0;
    for (at, c) in text.char_indices() {
        units += c.len_utf16();
        if units > MAX_CELL - 1 {
            break;
        }
        end = at + c.len_utf8();
    }
    Cow::Owned(format!("{}…", &text[..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_to_what_a_cell_holds() {
        let short = "环保".repeat(100);
        assert!(matches!(fit(&short), Cow::Borrowed(_)));
        let exact = "a".repeat(MAX_CELL);
        assert!(matches!(fit(&exact), Cow::Borrowed(_)));
        let long = "环".repeat(MAX_CELL + 5);
        let cut = fit(&long);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL);
        assert!(cut.ends_with("环…"));
        // A character outside the BMP takes two units and is never split.
        let wide = "𠀀".repeat(MAX_CELL);
        let cut = fit(&wide);
        assert!(cut.encode_utf16().count() <= MAX_CELL);
        assert!(cut.ends_with("𠀀…"));
    }

    #[test]
    fn widths_count_chinese_twice_and_take_the_widest_line() {
        assert_eq!(width("环保局"), 6);
        assert_eq!(width("ab\n环保局局\nc"), 8);
        assert_eq!(width(&"环".repeat(500)), 2 * MAX_WIDTH);
    }

    #[test]
    fn sizes_read_as_people_read_them() {
        assert_eq!(size(1), "1 KB");
        assert_eq!(size(88_000), "86 KB");
        assert_eq!(size(1_500_000), "1.4 MB");
    }
}
