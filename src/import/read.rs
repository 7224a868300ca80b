//! Spreadsheets as grids of text: `.xlsx`, `.xls` and `.ods` through calamine (the kind decided
//! by the file's first bytes, not its name), `.csv` in UTF-8 or GBK. Merged cells are filled
//! with their top-left value, numbers that are whole are written without `.0`, and dates become
//! `YYYY-MM-DD`. Sizes are bounded before anything is parsed: a file over `MAX_FILE`, or a
//! workbook that would unpack to more than `MAX_UNPACKED`, is refused.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use calamine::{Data, Ods, Reader, Xls, XlsError, Xlsx, XlsxError};

use crate::i18n::Message;
use crate::msg;

/// The largest spreadsheet read: a county's list is about 1 MB, a 10× synthetic one 10 MB.
pub const MAX_FILE: u64 = 32 * 1024 * 1024;
/// The most a workbook may unpack to (its XML): zip bombs are refused before parsing.
pub const MAX_UNPACKED: u64 = 320 * 1024 * 1024;
/// The most cells a sheet's used area (from A1 to its last row and column) may span: a county's
/// list is some 30,000, a 10× synthetic one 300,000. calamine makes the area dense, so a single
/// cell at XFD1048576 must be refused before it is read.
pub const MAX_CELLS: usize = 5_000_000;

/// One sheet as text, every merged region filled with its top-left value.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Sheet {
    /// The file's name, as the report shows it.
    pub file: String,
    /// The sheet's name; a CSV's is its file stem.
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

/// Why a file could not be read; nothing is imported from it.
#[derive(Debug)]
pub struct Unreadable {
    pub file: PathBuf,
    pub why: Message,
}

/// The spreadsheets among `sources` (files, and the files of folders, in name order).
pub fn files(sources: &[PathBuf]) -> Result<Vec<PathBuf>, Unreadable> {
    let mut out = Vec::new();
    for source in sources {
        if source.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(source)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|p| is_spreadsheet_name(p))
                .collect();
            out.append(&mut found);
        } else if source.is_file() {
            out.push(source.clone());
        } else {
            return Err(Unreadable {
                file: source.clone(),
                why: msg!("import-no-such-source"),
            });
        }
    }
    Ok(out)
}

fn is_spreadsheet_name(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    // Office's lock files (~$名单.xlsx) are not spreadsheets.
    let lock = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("~$"));
    !lock
        && matches!(
            ext.as_deref(),
            Some("xlsx" | "xlsm" | "xls" | "ods" | "csv")
        )
}

/// Every sheet of one file.
pub fn sheets(path: &Path) -> Result<Vec<Sheet>, Unreadable> {
    let fail = |why: Message| Unreadable {
        file: path.to_path_buf(),
        why,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| fail(msg!("import-cannot-read", error = e.to_string())))?
        .len();
    if size > MAX_FILE {
        return Err(fail(msg!(
            "import-too-large",
            size = mebibytes(size),
            limit = mebibytes(MAX_FILE)
        )));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE + 1).read_to_end(&mut bytes))
        .map_err(|e| fail(msg!("import-cannot-read", error = e.to_string())))?;
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match kind(&bytes) {
        // calamine has been found (by fuzzing) to loop without end and to allocate without
        // bound on malformed `.xls` files: workbooks are read in a child process that is
        // stopped past a time and a memory limit.
        Kind::Zip | Kind::Ole => isolated(path).map_err(fail),
        Kind::Text | Kind::Other => parse(bytes, &file).map_err(fail),
    }
}

/// The hidden first argument that makes `resplist` read one workbook and print its sheets as
/// JSON (see `serve`).
pub const CHILD: &str = "__read-sheets";
/// How long a workbook may take to read (a 10× synthetic county's takes about 1 s).
const CHILD_TIME: std::time::Duration = std::time::Duration::from_secs(120);
/// How much memory reading a workbook may take (a 10× synthetic county's takes 100 MB).
const CHILD_MEMORY: u64 = 2 * 1024 * 1024 * 1024;

/// What the child prints: the sheets, or why it could not read them (in both languages).
#[derive(serde::Serialize, serde::Deserialize)]
enum Reply {
    Sheets(Vec<Sheet>),
    Unreadable { zh: String, en: String },
}

/// Runs in the child: reads the workbook at `path` and prints the reply.
pub fn serve(path: &Path) -> std::io::Result<()> {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_FILE + 1)
        .read_to_end(&mut bytes)?;
    let reply = match parse(bytes, &file) {
        Ok(sheets) => Reply::Sheets(sheets),
        Err(why) => Reply::Unreadable {
            zh: why.text(crate::model::Language::ZhCn),
            en: why.text(crate::model::Language::En),
        },
    };
    let json = serde_json::to_vec(&reply).map_err(std::io::Error::other)?;
    std::io::Write::write_all(&mut std::io::stdout().lock(), &json)
}

/// Reads a workbook in a child process (this same program), within `CHILD_TIME` and
/// `CHILD_MEMORY`.
fn isolated(path: &Path) -> Result<Vec<Sheet>, Message> {
    use std::process::{Command, Stdio};
    let broken = |e: &dyn std::fmt::Display| msg!("import-broken-workbook", error = e.to_string());
    let exe = std::env::current_exe().map_err(|e| broken(&e))?;
    let mut child = Command::new(exe)
        .arg(CHILD)
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| broken(&e))?;
    let Some(mut stdout) = child.stdout.take() else {
        let _ = child.kill();
        return Err(msg!("import-workbook-unparsable"));
    };
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.read_to_end(&mut out);
        out
    });
    let started = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {}
            Err(e) => return Err(broken(&e)),
        }
        let over_time = started.elapsed() > CHILD_TIME;
        let over_memory = resident(child.id()).is_some_and(|m| m > CHILD_MEMORY);
        if over_time || over_memory {
            let _ = child.kill();
            let _ = child.wait();
            return Err(msg!("import-workbook-too-costly"));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let out = reader.join().unwrap_or_default();
    if !status.success() {
        return Err(msg!("import-workbook-unparsable"));
    }
    match serde_json::from_slice::<Reply>(&out) {
        Ok(Reply::Sheets(sheets)) => Ok(sheets),
        Ok(Reply::Unreadable { zh, en }) => Err(msg!("import-child-said", zh = zh, en = en)),
        Err(_) => Err(msg!("import-workbook-unparsable")),
    }
}

/// A process's resident memory in bytes, where the system says (Linux's /proc).
fn resident(pid: u32) -> Option<u64> {
    let statm = std::fs::read_to_string(format!("/proc/{pid}/statm")).ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// Every sheet of a file's bytes; `file` is its name (a CSV's sheet is named by its stem).
pub fn parse(bytes: Vec<u8>, file: &str) -> Result<Vec<Sheet>, Message> {
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    match kind(&bytes) {
        Kind::Zip => guarded(|| zipped(bytes, file)),
        Kind::Ole => guarded(|| ole(bytes, file)),
        Kind::Text => csv(&bytes, file, stem),
        Kind::Other => Err(msg!("import-not-a-spreadsheet")),
    }
}

/// Runs a calamine read, turning a panic inside it (calamine asserts on some malformed files,
/// found by fuzzing) into "the workbook cannot be read", without printing the panic.
fn guarded(read: impl FnOnce() -> Result<Vec<Sheet>, Message>) -> Result<Vec<Sheet>, Message> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    std::panic::set_hook(hook);
    result.unwrap_or_else(|_| Err(msg!("import-workbook-unparsable")))
}

fn mebibytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

enum Kind {
    /// `.xlsx`, `.xlsm`, `.ods` (and a Word `.docx`, which has no sheets).
    Zip,
    /// `.xls`, or an encrypted `.xlsx`.
    Ole,
    Text,
    Other,
}

fn kind(bytes: &[u8]) -> Kind {
    if bytes.starts_with(b"PK\x03\x04") {
        Kind::Zip
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Kind::Ole
    } else if is_text(bytes) {
        Kind::Text
    } else {
        Kind::Other
    }
}

/// Text a CSV can be: no NUL bytes and no other control characters but tab and line ends.
fn is_text(bytes: &[u8]) -> bool {
    !bytes.is_empty()
        && bytes
            .iter()
            .take(64 * 1024)
            .all(|b| *b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r'))
}

/// A zipped workbook: its unpacked size is bounded first, then calamine reads it.
fn zipped(bytes: Vec<u8>, file: &str) -> Result<Vec<Sheet>, Message> {
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes))
        .map_err(|e| msg!("import-broken-workbook", error = e.to_string()))?;
    let mut unpacked: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| msg!("import-broken-workbook", error = e.to_string()))?;
        unpacked = unpacked.saturating_add(entry.size());
    }
    if unpacked > MAX_UNPACKED {
        return Err(msg!(
            "import-unpacks-too-large",
            size = mebibytes(unpacked),
            limit = mebibytes(MAX_UNPACKED)
        ));
    }
    let is_ods = archive.by_name("content.xml").is_ok();
    drop(archive);
    if is_ods {
        let mut book: Ods<_> = Ods::new(Cursor::new(bytes))
            .map_err(|e| msg!("import-broken-workbook", error = e.to_string()))?;
        let names = book.sheet_names();
        let mut out = Vec::new();
        for name in names {
            let range = book
                .worksheet_range(&name)
                .map_err(|e| msg!("import-broken-workbook", error = e.to_string()))?;
            out.push(grid(file, &name, &range, &[])?);
        }
        return Ok(out);
    }
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)?;
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let cells = xlsx_cells(&mut book, &name)?;
        let merged = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
        out.push(sparse_grid(file, &name, cells, &merged)?);
    }
    Ok(out)
}

/// The non-empty cells of an `.xlsx` sheet, read one by one (calamine's own range would be made
/// dense first, whatever the sheet's extent).
fn xlsx_cells<RS: std::io::Read + std::io::Seek>(
    book: &mut Xlsx<RS>,
    name: &str,
) -> Result<Vec<(u32, u32, String)>, Message> {
    let mut reader = book.worksheet_cells_reader(name).map_err(xlsx_error)?;
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(xlsx_error)? {
        let (row, column) = cell.get_position();
        let value = text(&Data::from(cell.get_value().clone()));
        if value.is_empty() {
            continue;
        }
        if cells.len() >= MAX_CELLS {
            return Err(msg!("import-too-many-cells", sheet = name));
        }
        cells.push((row, column, value));
    }
    Ok(cells)
}

/// A sheet from its non-empty cells, when its used area is not too large.
fn sparse_grid(
    file: &str,
    name: &str,
    cells: Vec<(u32, u32, String)>,
    merged: &[calamine::Dimensions],
) -> Result<Sheet, Message> {
    let height = cells.iter().map(|c| c.0 as usize + 1).max().unwrap_or(0);
    let width = cells.iter().map(|c| c.1 as usize + 1).max().unwrap_or(0);
    if height.saturating_mul(width) > MAX_CELLS {
        return Err(msg!("import-too-many-cells", sheet = name));
    }
    let mut rows = vec![vec![String::new(); width]; height];
    for (r, c, value) in cells {
        rows[r as usize][c as usize] = value;
    }
    Ok(fill_merged(file, name, rows, merged))
}

fn xlsx_error(e: XlsxError) -> Message {
    match e {
        XlsxError::Password => msg!("import-password"),
        other => msg!("import-broken-workbook", error = other.to_string()),
    }
}

/// An OLE file: an old `.xls`, or an `.xlsx` protected by a password (Excel encrypts those into
/// an OLE container).
fn ole(bytes: Vec<u8>, file: &str) -> Result<Vec<Sheet>, Message> {
    xls_bounded(&bytes)?;
    let mut book: Xls<_> = match Xls::new(Cursor::new(bytes.clone())) {
        Ok(book) => book,
        Err(XlsError::Password) => return Err(msg!("import-password")),
        Err(first) => {
            // Not an .xls: an encrypted .xlsx says so through the xlsx reader.
            return Err(match Xlsx::new(Cursor::new(bytes)) {
                Err(XlsxError::Password) => msg!("import-password"),
                _ => msg!("import-broken-workbook", error = first.to_string()),
            });
        }
    };
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| msg!("import-broken-workbook", error = e.to_string()))?;
        let merged = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
        out.push(grid(file, &name, &range, &merged)?);
    }
    Ok(out)
}

/// Refuses an `.xls` whose cells or declared dimensions span more than `MAX_CELLS`, before
/// calamine reads it: calamine reads every sheet when it opens the file, and reserves and fills
/// the whole area the records claim. The BIFF records of the workbook stream are walked: a
/// record is a type, a length and its data; cell records start with their row and column.
fn xls_bounded(bytes: &[u8]) -> Result<(), Message> {
    let Ok(mut container) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return Ok(()); // calamine says what is wrong with it
    };
    let Some(stream) = ["/Workbook", "/Book"]
        .into_iter()
        .find(|s| container.is_stream(s))
    else {
        return Ok(()); // an encrypted .xlsx: calamine says so
    };
    let mut data = Vec::new();
    let read = container
        .open_stream(stream)
        .and_then(|s| s.take(MAX_FILE).read_to_end(&mut data));
    if read.is_err() {
        return Ok(());
    }
    let too_many = || {
        msg!(
            "import-too-many-cells",
            sheet = stream.trim_start_matches('/')
        )
    };
    let (mut rows, mut columns) = (0usize, 0usize);
    let mut at = 0;
    while at + 4 <= data.len() {
        let typ = u16::from_le_bytes([data[at], data[at + 1]]);
        let len = usize::from(u16::from_le_bytes([data[at + 2], data[at + 3]]));
        let record = &data[at + 4..(at + 4 + len).min(data.len())];
        at += 4 + len;
        let u16_at = |i: usize| {
            record
                .get(i..i + 2)
                .map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])))
        };
        let u32_at = |i: usize| {
            record
                .get(i..i + 4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        };
        match typ {
            // DIMENSIONS (BIFF8: first row, last row + 1 as u32; first column, last column + 1).
            0x0200 => {
                let (first_row, last_row, first_col, last_col) = if len >= 14 {
                    (u32_at(0), u32_at(4), u16_at(8), u16_at(10))
                } else {
                    (u16_at(0), u16_at(2), u16_at(4), u16_at(6))
                };
                let (Some(fr), Some(lr), Some(fc), Some(lc)) =
                    (first_row, last_row, first_col, last_col)
                else {
                    return Err(too_many());
                };
                if fr > lr || fc > lc || (lr - fr + 1).saturating_mul(lc - fc + 1) > MAX_CELLS {
                    return Err(too_many());
                }
            }
            // Cells: blank, number, label, bool/error, RK, label (SST), rich label, formula,
            // and MulRk/MulBlank (whose last column ends the record).
            0x0201 | 0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x00D6 | 0x0006 | 0x00BD
            | 0x00BE => {
                let row = u16_at(0).unwrap_or(0);
                let mut col = u16_at(2).unwrap_or(0);
                if matches!(typ, 0x00BD | 0x00BE) && len >= 2 {
                    col = col.max(u16_at(len - 2).unwrap_or(0));
                }
                rows = rows.max(row + 1);
                columns = columns.max(col + 1);
                if rows.saturating_mul(columns) > MAX_CELLS {
                    return Err(too_many());
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// A sheet's cells as text, from A1 (blank rows and columns before the used range included, so
/// that places are the spreadsheet's own), merged regions filled.
fn grid(
    file: &str,
    name: &str,
    range: &calamine::Range<Data>,
    merged: &[calamine::Dimensions],
) -> Result<Sheet, Message> {
    let (height, width) = range.get_size();
    let (top, left) = range
        .start()
        .map_or((0, 0), |(r, c)| (r as usize, c as usize));
    if (top + height).saturating_mul(left + width) > MAX_CELLS {
        return Err(msg!("import-too-many-cells", sheet = name));
    }
    let mut rows = vec![vec![String::new(); left + width]; top + height];
    for (r, row) in range.rows().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            rows[top + r][left + c] = text(cell);
        }
    }
    Ok(fill_merged(file, name, rows, merged))
}

/// Fills every merged region with its top-left value.
fn fill_merged(
    file: &str,
    name: &str,
    mut rows: Vec<Vec<String>>,
    merged: &[calamine::Dimensions],
) -> Sheet {
    for region in merged {
        let (r0, c0) = (region.start.0 as usize, region.start.1 as usize);
        let (r1, c1) = (region.end.0 as usize, region.end.1 as usize);
        let Some(value) = rows.get(r0).and_then(|row| row.get(c0)).cloned() else {
            continue;
        };
        for row in rows.iter_mut().take(r1 + 1).skip(r0) {
            for cell in row.iter_mut().take(c1 + 1).skip(c0) {
                if cell.is_empty() {
                    cell.clone_from(&value);
                }
            }
        }
    }
    Sheet {
        file: file.to_string(),
        name: name.to_string(),
        rows,
    }
}

/// A cell as the list's text: whole numbers without `.0` (phones typed as numbers), dates as
/// `YYYY-MM-DD`, errors as nothing.
pub fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => trimmed(s),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => serial_date(d.as_f64()),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// A cell's text: a one-line text without the spaces around it (noise), a text of several
/// lines as written (Markdown, where a line's end can matter).
fn trimmed(text: &str) -> String {
    if text.contains('\n') {
        text.to_string()
    } else {
        text.trim().to_string()
    }
}

/// An Excel serial date (days since 1899-12-30) as `YYYY-MM-DD`.
pub fn serial_date(serial: f64) -> String {
    if !serial.is_finite() || !(1.0..=2_958_465.0).contains(&serial) {
        return String::new();
    }
    // Days since 1970-01-01, then the civil calendar (Howard Hinnant's algorithm).
    let days = serial.floor() as i64 - 25_569;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A CSV: UTF-8 (with or without a byte-order mark), else GBK; comma, or tab when the first line
/// has more tabs than commas.
pub fn csv(bytes: &[u8], file: &str, stem: &str) -> Result<Vec<Sheet>, Message> {
    let text = decode(bytes);
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches('\t').count() > first.matches(',').count() {
        b'\t'
    } else {
        b','
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut cells = 0usize;
    for record in reader.records() {
        let record = record.map_err(|e| msg!("import-broken-csv", error = e.to_string()))?;
        cells += record.len();
        if cells > MAX_CELLS {
            return Err(msg!("import-too-many-cells", sheet = stem));
        }
        rows.push(record.iter().map(trimmed).collect());
    }
    Ok(vec![Sheet {
        file: file.to_string(),
        name: stem.to_string(),
        rows,
    }])
}

/// UTF-8 if the bytes are UTF-8 (a byte-order mark dropped), else GBK, as Excel on Chinese
/// Windows saves CSV.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::GBK.decode(bytes).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_dates_are_civil_dates() {
        assert_eq!(serial_date(42292.0), "2015-10-15");
        assert_eq!(serial_date(1.0), "1899-12-31");
        assert_eq!(serial_date(f64::NAN), "");
    }

    #[test]
    fn numbers_typed_for_phones_lose_their_point() {
        assert_eq!(text(&Data::Float(63321211.0)), "63321211");
        assert_eq!(text(&Data::Float(2.5)), "2.5");
        assert_eq!(
            text(&Data::String(" 0571－63012102 ".into())),
            "0571－63012102"
        );
    }

    #[test]
    fn gbk_and_utf8_csvs_read_alike() {
        let (gbk, _, _) = encoding_rs::GBK.encode("部门,具体工作事项\n环保局,排污许可\n");
        let a = csv(&gbk, "a.csv", "a").unwrap();
        let utf8 = "\u{feff}部门,具体工作事项\n环保局,排污许可\n";
        let b = csv(utf8.as_bytes(), "b.csv", "b").unwrap();
        assert_eq!(a[0].rows, b[0].rows);
        assert_eq!(a[0].rows[1], ["环保局", "排污许可"]);
    }

    #[test]
    fn the_kind_is_in_the_bytes_not_the_name() {
        assert!(matches!(kind(b"PK\x03\x04rest"), Kind::Zip));
        assert!(matches!(
            kind(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            Kind::Ole
        ));
        assert!(matches!(kind("部门,科室\n".as_bytes()), Kind::Text));
        assert!(matches!(kind(b"\x89PNG\r\n\x1a\n\0\0"), Kind::Other));
    }
}
