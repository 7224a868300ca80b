//! Finds a project's files (walkdir, sorted), decodes them, parses them into the model and
//! collects every problem met on the way as a diagnostic.

mod errors;
mod punctuation;
mod salvage;

pub use errors::syntax_message;
use errors::{chinese_closing_quote, closing_quote_error, toml_error};
use salvage::{deserialize, salvage};

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use rayon::prelude::*;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Code, Diagnostic, Sources};
use crate::i18n::Message;
use crate::model::{self, Department, Project, SiteFile};
use crate::msg;

/// Files larger than this are refused unread, so a stray dump cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

pub const SITE_FILE: &str = "resplist.toml";
pub const DEPARTMENTS_DIR: &str = "departments";

/// Loads the project in `root`. Only a problem that stops resplist from running at all (no
/// `resplist.toml`, an unreadable directory) is an `Err`; everything else is a diagnostic.
pub fn load(root: &Path) -> anyhow::Result<Project> {
    load_with(root, None)
}

/// The department files parsed by earlier loads, by path, with the bytes they were parsed
/// from: `serve` loads the project after every save, and only the files whose bytes changed
/// are parsed again.
#[derive(Default)]
pub struct Cache {
    files: std::collections::HashMap<PathBuf, (Vec<u8>, Parsed)>,
}

/// Loads the project in `root` as `load` does, taking from `cache` every department file whose
/// bytes are those it was parsed from, and keeping there what it parses.
pub fn load_cached(root: &Path, cache: &mut Cache) -> anyhow::Result<Project> {
    load_with(root, Some(cache))
}

fn load_with(root: &Path, cache: Option<&mut Cache>) -> anyhow::Result<Project> {
    ensure_project(root)?;
    let mut project = Project::empty(root);
    let site_path = PathBuf::from(SITE_FILE);
    if let Some(bytes) = read_file(root, &site_path, &mut project.diagnostics) {
        project.add_site(bytes);
    }
    let found = find_departments(root, &mut project.diagnostics);
    let claimed: Vec<(String, PathBuf)> = found
        .into_iter()
        .filter(|(id, file)| project.claim(id, file))
        .collect();
    let known = cache.as_deref();
    // Read, decode and parse on every core; take the results in, in file order.
    let parsed: Vec<(Parsed, Option<Vec<u8>>)> = claimed
        .into_par_iter()
        .map(|(id, file)| {
            let mut diagnostics = Vec::new();
            let bytes = read_file(root, &file, &mut diagnostics);
            let cached = known.and_then(|c| c.files.get(&file));
            match (cached, bytes) {
                (Some((before, parsed)), Some(bytes)) if *before == bytes => (parsed.clone(), None),
                (_, bytes) if known.is_some() => {
                    let parsed = Parsed::with(id, file, bytes.clone(), diagnostics);
                    (parsed, bytes)
                }
                (_, bytes) => (Parsed::with(id, file, bytes, diagnostics), None),
            }
        })
        .collect();
    if let Some(cache) = cache {
        let present: std::collections::HashSet<&PathBuf> =
            parsed.iter().map(|(p, _)| &p.file).collect();
        cache.files.retain(|file, _| present.contains(file));
        for (p, bytes) in &parsed {
            if let Some(bytes) = bytes {
                cache
                    .files
                    .insert(p.file.clone(), (bytes.clone(), p.clone()));
            }
        }
    }
    for (p, _) in parsed {
        project.absorb(p);
    }
    project.departments.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(project)
}

/// Loads a project from files already in memory (a git revision, say): `site` is the bytes of
/// `resplist.toml`, `departments` the paths (relative to the project, under `departments/`) and
/// bytes of the department files. `root` only labels the project.
pub fn load_from_memory(
    root: &Path,
    site: Vec<u8>,
    mut departments: Vec<(PathBuf, Vec<u8>)>,
) -> Project {
    let mut project = Project::empty(root);
    project.add_site(site);
    departments.sort_by(|a, b| a.0.cmp(&b.0));
    if departments.is_empty() {
        project.diagnostics.push(
            Diagnostic::new(Code::NoDepartmentFiles, msg!("no-department-files"))
                .in_file(DEPARTMENTS_DIR)
                .help(msg!("no-department-files-help")),
        );
    }
    for (file, bytes) in departments {
        match department_id(&file) {
            Ok(id) => {
                if project.claim(&id, &file) {
                    project.add_department(id, file, bytes);
                }
            }
            Err(d) => project.diagnostics.push(*d),
        }
    }
    project.departments.sort_by(|a, b| a.id.cmp(&b.id));
    project
}

impl Project {
    fn empty(root: &Path) -> Project {
        Project {
            root: root.to_path_buf(),
            site: None,
            departments: Vec::new(),
            department_files: BTreeMap::new(),
            sources: Sources::default(),
            diagnostics: Vec::new(),
        }
    }

    fn add_site(&mut self, bytes: Vec<u8>) {
        let path = PathBuf::from(SITE_FILE);
        if let Some(text) = self.decode(&path, bytes) {
            let text = Prepared::new(&path, text, &mut self.diagnostics);
            self.site = parse_site(&path, &text, &mut self.diagnostics);
            self.sources.insert(path, text.original);
        }
    }

    /// Records that `file` is department `id`; false (with a diagnostic) when another file is.
    fn claim(&mut self, id: &str, file: &Path) -> bool {
        if let Some(previous) = self.department_files.get(id) {
            self.diagnostics.push(
                Diagnostic::new(Code::DuplicateId, msg!("duplicate-department-id", id = id))
                    .in_file(file)
                    .help(msg!(
                        "duplicate-department-id-help",
                        other = previous.as_path()
                    )),
            );
            return false;
        }
        self.department_files
            .insert(id.to_string(), file.to_path_buf());
        true
    }

    fn add_department(&mut self, id: String, file: PathBuf, bytes: Vec<u8>) {
        self.absorb(Parsed::new(id, file, Some(bytes)));
    }

    /// Takes in a department file parsed on its own (possibly on another thread).
    fn absorb(&mut self, parsed: Parsed) {
        self.diagnostics.extend(parsed.diagnostics);
        if let Some(department) = parsed.department {
            self.departments.push(department);
        }
        if let Some(text) = parsed.source {
            self.sources.insert(parsed.file, text);
        }
    }

    /// UTF-8 text of a file, or a diagnostic saying what encoding it seems to be in.
    fn decode(&mut self, file: &Path, bytes: Vec<u8>) -> Option<String> {
        match decode_file(file, bytes) {
            Ok(text) => Some(text),
            Err((lossy, d)) => {
                self.diagnostics.push(*d);
                self.sources.insert(file.to_path_buf(), lossy);
                None
            }
        }
    }
}

/// A department file read, decoded and parsed on its own, so that files can be parsed in
/// parallel and then taken in, in order.
#[derive(Clone)]
struct Parsed {
    file: PathBuf,
    source: Option<String>,
    department: Option<Department>,
    diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// `bytes` is `None` when the file could not be read (the reason is in `diagnostics`).
    fn new(id: String, file: PathBuf, bytes: Option<Vec<u8>>) -> Parsed {
        Parsed::with(id, file, bytes, Vec::new())
    }

    fn with(
        id: String,
        file: PathBuf,
        bytes: Option<Vec<u8>>,
        mut diagnostics: Vec<Diagnostic>,
    ) -> Parsed {
        let Some(bytes) = bytes else {
            return Parsed {
                file,
                source: None,
                department: None,
                diagnostics,
            };
        };
        match decode_file(&file, bytes) {
            Ok(text) => {
                let text = Prepared::new(&file, text, &mut diagnostics);
                let department =
                    parse_department(&file, &id, &text, &mut diagnostics).map(|mut d| {
                        d.id = id;
                        d
                    });
                Parsed {
                    file,
                    source: Some(text.original),
                    department,
                    diagnostics,
                }
            }
            Err((lossy, d)) => {
                diagnostics.push(*d);
                Parsed {
                    file,
                    source: Some(lossy),
                    department: None,
                    diagnostics,
                }
            }
        }
    }
}

/// The text of a file, or the lossy text and the diagnostic saying what encoding it seems in.
fn decode_file(file: &Path, bytes: Vec<u8>) -> Result<String, (String, Box<Diagnostic>)> {
    decode(bytes).map_err(|bad| {
        let mut d = Diagnostic::new(Code::NotUtf8, bad.message)
            .in_file(file)
            .help(bad.help);
        if !bad.lossy.is_empty() {
            d.span = Some(bad.offset..bad.offset + 1);
        }
        (bad.lossy, Box::new(d))
    })
}

/// The department id of a file: its stem, if that is a valid id.
fn department_id(file: &Path) -> Result<String, Box<Diagnostic>> {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if model::is_reserved_name(&stem) {
        return Err(Box::new(
            Diagnostic::new(Code::BadId, msg!("reserved-file-name", stem = &stem))
                .in_file(file)
                .help(msg!("reserved-file-name-help", stem = &stem)),
        ));
    }
    if model::is_valid_id(&stem) {
        return Ok(stem);
    }
    Err(Box::new(
        Diagnostic::new(Code::BadId, msg!("bad-file-name", stem = &stem))
            .in_file(file)
            .help(msg!("bad-file-name-help")),
    ))
}

/// A TOML file of `root` that is not a department's (a workspace's `resplist.toml`,
/// `topics.toml`) as `T`: its text goes into `sources`, every problem into `diagnostics`.
pub fn read_toml<T: serde::de::DeserializeOwned>(
    root: &Path,
    file: &Path,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    let bytes = read_file(root, file, diagnostics)?;
    let text = match decode_file(file, bytes) {
        Ok(text) => text,
        Err((lossy, d)) => {
            diagnostics.push(*d);
            sources.insert(file.to_path_buf(), lossy);
            return None;
        }
    };
    let prepared = Prepared::new(file, text, diagnostics);
    let parsed = parse_document(file, &prepared, diagnostics).and_then(|root| {
        deserialize::<T>(root)
            .map_err(|err| diagnostics.push(toml_error(file, &prepared.repaired, &err)))
            .ok()
    });
    sources.insert(file.to_path_buf(), prepared.original);
    parsed
}

/// Whether the `resplist.toml` of `root` is a workspace's: it has a `[workspace]` table.
pub fn is_workspace(root: &Path) -> bool {
    fs::read_to_string(root.join(SITE_FILE)).is_ok_and(|text| {
        text.lines()
            .any(|l| l.trim_start().starts_with("[workspace]"))
    })
}

/// Fails unless `root` is a directory holding `resplist.toml`: the one problem that stops every
/// command before it reads a file.
pub fn ensure_project(root: &Path) -> anyhow::Result<()> {
    let shown = root.display().to_string();
    let meta = fs::metadata(root).with_context(|| msg!("cannot-open-project", dir = &shown))?;
    if !meta.is_dir() {
        bail!(msg!("project-not-a-directory", dir = &shown));
    }
    fs::read_dir(root).with_context(|| msg!("cannot-read-project", dir = &shown))?;
    if !root.join(SITE_FILE).exists() {
        bail!(msg!("no-site-file", dir = &shown));
    }
    Ok(())
}

/// Department files under `departments/`, sorted by path, with their ids (file stems).
pub fn find_departments(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<(String, PathBuf)> {
    let dir = root.join(DEPARTMENTS_DIR);
    if !dir.is_dir() {
        diagnostics.push(
            Diagnostic::new(Code::NoDepartmentsDir, msg!("no-departments-dir"))
                .in_file(SITE_FILE)
                .help(msg!("no-departments-dir-help")),
        );
        return Vec::new();
    }
    let canonical_root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let inside = |path: &Path| {
        fs::canonicalize(path).is_ok_and(|target| target.starts_with(&canonical_root))
    };
    let mut found = Vec::new();
    let mut walker = walkdir::WalkDir::new(&dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        match entry.map(|entry| walked(root, &entry, &inside)) {
            Ok(Walked::Department(id, file)) => found.push((id, file)),
            Ok(Walked::Other) => {}
            Ok(Walked::Refused(d)) => diagnostics.push(*d),
            Ok(Walked::RefusedFolder(d)) => {
                diagnostics.push(*d);
                walker.skip_current_dir();
            }
            Err(err) => diagnostics.push(walk_error(root, &err)),
        }
    }
    found.sort_by(|a, b| a.1.cmp(&b.1));
    if found.is_empty() && diagnostics.iter().all(|d| d.code != Code::BadId) {
        diagnostics.push(
            Diagnostic::new(Code::NoDepartmentFiles, msg!("no-department-files"))
                .in_file(DEPARTMENTS_DIR)
                .help(msg!("no-department-files-help")),
        );
    }
    found
}

/// What one entry under `departments/` is.
enum Walked {
    /// A department file, with its id and its path relative to the project.
    Department(String, PathBuf),
    /// Anything else that is not a `.toml` file: ignored.
    Other,
    /// A file or folder that is not read, and why.
    Refused(Box<Diagnostic>),
    /// A folder whose contents are not read, and why.
    RefusedFolder(Box<Diagnostic>),
}

/// Sorts one entry of the walk. What reviewers see is what is in the repository, so a link to
/// a file or folder outside the project is not read.
fn walked(root: &Path, entry: &walkdir::DirEntry, inside: &dyn Fn(&Path) -> bool) -> Walked {
    let path = entry.path();
    let relative = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let refused = |code, message: Message, help: Message| {
        Box::new(Diagnostic::new(code, message).in_file(&relative).help(help))
    };
    let is_dir = entry.file_type().is_dir();
    if is_dir && entry.path_is_symlink() && !inside(path) {
        return Walked::RefusedFolder(refused(
            Code::SymlinkOutside,
            msg!("link-folder-outside", path = relative.as_path()),
            msg!("link-folder-outside-help"),
        ));
    }
    if path.extension().is_none_or(|e| e != "toml") {
        return Walked::Other;
    }
    if is_dir {
        return Walked::Refused(refused(
            Code::Unreadable,
            msg!("toml-folder", path = relative.as_path()),
            msg!("toml-folder-help"),
        ));
    }
    if entry.path_is_symlink() && !inside(path) {
        return Walked::Refused(refused(
            Code::SymlinkOutside,
            msg!("link-file-outside", path = relative.as_path()),
            msg!("link-file-outside-help"),
        ));
    }
    match department_id(&relative) {
        Ok(id) => Walked::Department(id, relative),
        Err(d) => Walked::Refused(d),
    }
}

/// Linux's "too many levels of symbolic links".
const ELOOP: i32 = 40;

fn walk_error(root: &Path, err: &walkdir::Error) -> Diagnostic {
    let path = err
        .path()
        .map(|p| p.strip_prefix(root).unwrap_or(p).to_path_buf());
    let io = err.io_error();
    let (message, help) = if err.loop_ancestor().is_some() {
        (msg!("folder-loop"), msg!("folder-loop-help"))
    } else if io.and_then(std::io::Error::raw_os_error) == Some(ELOOP) {
        (msg!("link-loop"), msg!("link-loop-help"))
    } else {
        let reason = io.map_or_else(|| err.to_string(), ToString::to_string);
        let help = if io.is_some_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied) {
            msg!("folder-permission-help")
        } else {
            msg!("folder-check-help")
        };
        (msg!("cannot-read-folder", reason = reason), help)
    };
    let mut d = Diagnostic::new(Code::Unreadable, message).help(help);
    d.file = path;
    d
}

/// Reads one file, or records why it cannot be.
fn read_file(root: &Path, file: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<Vec<u8>> {
    match read_capped(&root.join(file)) {
        Ok(Some(bytes)) => Some(bytes),
        Ok(None) => {
            diagnostics.push(
                Diagnostic::new(
                    Code::TooLarge,
                    msg!("too-large", mib = MAX_FILE_BYTES / 1024 / 1024),
                )
                .in_file(file)
                .help(msg!("too-large-help")),
            );
            None
        }
        Err(err) => {
            diagnostics.push(
                Diagnostic::new(
                    Code::Unreadable,
                    msg!("cannot-read-file", reason = err.to_string()),
                )
                .in_file(file)
                .help(read_help(&err)),
            );
            None
        }
    }
}

pub fn read_help(err: &std::io::Error) -> Message {
    match err.raw_os_error() {
        Some(ELOOP) => msg!("file-link-loop-help"),
        _ => match err.kind() {
            std::io::ErrorKind::PermissionDenied => msg!("file-permission-help"),
            std::io::ErrorKind::NotFound => msg!("file-missing-help"),
            _ => msg!("file-check-help"),
        },
    }
}

/// The deepest nesting the TOML parser accepts (its own fixed recursion limit, `toml`'s
/// `LIMIT`); deeper input is refused with E0101 rather than overflowing the stack.
pub const MAX_NESTING: u32 = 80;

/// The file's bytes, or `None` when it is larger than `MAX_FILE_BYTES`; never reads past that.
pub fn read_capped(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    let file = fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= MAX_FILE_BYTES).then_some(bytes))
}

/// Why a file's bytes are not UTF-8 text, and what to do.
#[derive(Debug)]
pub struct DecodeError {
    pub message: Message,
    pub help: Message,
    /// Byte offset of the first bad byte in `lossy`.
    pub offset: usize,
    pub lossy: String,
}

/// UTF-8 text without its BOM, or a diagnosis of the encoding it probably is.
pub fn decode(mut bytes: Vec<u8>) -> Result<String, DecodeError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    let whole = |message, help| DecodeError {
        message,
        help,
        offset: 0,
        lossy: String::new(),
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(whole(msg!("utf16"), msg!("utf16-help")));
    }
    // A Word, WPS or Excel document saved under a `.toml` name: a zip (docx, xlsx, wps) or an
    // OLE compound file (doc, xls, et).
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(whole(msg!("office-file"), msg!("office-file-help")));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let (message, help) = if looks_like_gbk(&bytes) {
                (msg!("gbk"), msg!("gbk-help"))
            } else {
                (msg!("not-utf8"), msg!("not-utf8-help"))
            };
            Err(DecodeError {
                message,
                help,
                offset,
                lossy: String::from_utf8_lossy(&bytes).into_owned(),
            })
        }
    }
}

/// True when every non-ASCII byte sequence is a valid GBK/GB18030 character and there is at least one.
fn looks_like_gbk(bytes: &[u8]) -> bool {
    let mut i = 0;
    let mut seen = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        seen = true;
        let lead = (0x81..=0xFE).contains(&b);
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if lead && (0x40..=0xFE).contains(&next) && next != 0x7F {
            i += 2;
        } else if lead
            && (0x30..=0x39).contains(&next)
            && bytes.get(i + 2).is_some_and(|c| (0x81..=0xFE).contains(c))
            && bytes.get(i + 3).is_some_and(|c| (0x30..=0x39).contains(c))
        {
            i += 4;
        } else {
            return false;
        }
    }
    seen
}

/// A file's text as written, and as parsed: with Chinese punctuation outside strings repaired
/// (each mistake reported once, as E0113), at the same byte offsets.
struct Prepared {
    original: String,
    repaired: String,
    marks: Vec<Range<usize>>,
}

impl Prepared {
    fn new(file: &Path, original: String, diagnostics: &mut Vec<Diagnostic>) -> Prepared {
        let (repaired, found) = punctuation::repair(&original);
        let mut marks = Vec::with_capacity(found.len());
        for mark in found {
            diagnostics.push(
                Diagnostic::new(Code::ChinesePunctuation, mark.message)
                    .label(mark.label)
                    .help(msg!("cn-punct-help"))
                    .at(file, mark.span.clone()),
            );
            marks.push(mark.span);
        }
        Prepared {
            original,
            repaired,
            marks,
        }
    }

    /// Whether a parser error is the one a reported mark caused: it starts at or inside it.
    fn explains(&self, err: &toml::de::Error) -> bool {
        let Some(span) = err.span() else {
            return false;
        };
        self.marks
            .iter()
            .any(|mark| mark.start <= span.start && span.start <= mark.end)
    }
}

/// The syntax errors of a file's text (without its BOM), as `check` reports them: `fmt` says the
/// same about a file it cannot read.
pub fn syntax_problems(file: &Path, text: &str) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let text = Prepared::new(file, text.to_string(), &mut diagnostics);
    parse_document(file, &text, &mut diagnostics);
    diagnostics
}

fn parse_site(file: &Path, text: &Prepared, diagnostics: &mut Vec<Diagnostic>) -> Option<SiteFile> {
    let root = parse_document(file, text, diagnostics)?;
    let text = text.repaired.as_str();
    if let DeValue::Table(table) = root.get_ref()
        && table.get("site").is_none()
    {
        diagnostics.push(
            Diagnostic::new(Code::MissingField, msg!("no-site-table"))
                .in_file(file)
                .help(msg!("no-site-table-help")),
        );
        return None;
    }
    match deserialize::<SiteFile>(root) {
        Ok(site) => Some(site),
        Err(err) => {
            diagnostics.push(toml_error(file, text, &err));
            None
        }
    }
}

/// The department in a file: all of it, or when parts cannot be read, every error and what
/// can be read ([`salvage`]).
fn parse_department(
    file: &Path,
    id: &str,
    prepared: &Prepared,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Department> {
    let root = parse_document(file, prepared, diagnostics)?;
    let text = prepared.repaired.as_str();
    match deserialize::<Department>(root.clone()) {
        Ok(department) => Some(department),
        Err(whole) => {
            let before = diagnostics.len();
            let salvaged = salvage(root, id, &mut |err| {
                diagnostics.push(toml_error(file, text, &err))
            });
            if diagnostics.len() == before {
                // The parts were fine alone but not together; report the whole file's error.
                diagnostics.push(toml_error(file, text, &whole));
            }
            salvaged
        }
    }
}

/// Parses TOML syntax, reporting every syntax error the parser can recover from, except those
/// on the line of a Chinese mark already reported (the mark is their cause).
fn parse_document<'i>(
    file: &Path,
    prepared: &'i Prepared,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Spanned<DeValue<'i>>> {
    let text = prepared.repaired.as_str();
    if text.trim().is_empty() {
        diagnostics.push(
            Diagnostic::new(Code::EmptyFile, msg!("empty-file"))
                .in_file(file)
                .help(if file == Path::new(SITE_FILE) {
                    msg!("empty-site-file-help")
                } else {
                    msg!("empty-department-file-help")
                }),
        );
        return None;
    }
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let mut quotes = Vec::new();
        for error in errors.iter().filter(|e| !prepared.explains(e)) {
            let at = error.span().map_or(0, |span| span.start);
            match chinese_closing_quote(text, at) {
                Some(quote) if quotes.contains(&quote) => {}
                Some(quote) => {
                    quotes.push(quote);
                    diagnostics.push(closing_quote_error(file, text, quote));
                }
                None => diagnostics.push(toml_error(file, text, error)),
            }
        }
        return None;
    }
    let span = root.span();
    Some(Spanned::new(span, DeValue::Table(root.into_inner())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_stripped() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFname = 1".to_vec()).ok().as_deref(),
            Some("name = 1")
        );
    }

    #[test]
    fn gbk_is_recognised() {
        // "环保" in GBK.
        let err = decode(b"name = \"\xBB\xB7\xB1\xA3\"".to_vec()).err();
        assert_eq!(err.map(|e| e.message.id), Some("gbk"));
    }

    #[test]
    fn invalid_utf8_that_is_not_gbk() {
        let err = decode(b"name = \"\xFF\xFF\"".to_vec()).err();
        let err = err.as_ref().map(|e| (e.message.id, e.offset));
        assert_eq!(err, Some(("not-utf8", 8)));
    }

    #[test]
    fn utf16_is_recognised() {
        let err = decode(vec![0xFF, 0xFE, b'n', 0]).err();
        assert_eq!(err.map(|e| e.message.id), Some("utf16"));
    }

    #[test]
    fn office_documents_are_named() {
        let docx = decode(b"PK\x03\x04\x14\x00rest".to_vec()).err();
        assert_eq!(docx.map(|e| e.message.id), Some("office-file"));
        let xls = decode(vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1]).err();
        assert_eq!(xls.map(|e| e.message.id), Some("office-file"));
    }

    #[test]
    fn every_entry_is_diagnosed() {
        let text = "name = \"x\"\n[[sections]]\nid = \"a\"\nnmae = \"b\"\nphone = \"12345\"\n[[sections]]\nid = \"b\"\nname = \"c\"\n[[duties]]\nid = \"d01\"\ntitle = \"t\"\nbasis = [\"b\"]\n  [[duties.items]]\n  text = 5\n  section = \"a\"\n";
        let mut diagnostics = Vec::new();
        let file = Path::new("d.toml");
        let text = Prepared::new(file, text.to_string(), &mut diagnostics);
        let department = parse_department(file, "d", &text, &mut diagnostics);
        // Both sections have an error; the duty is kept without its item.
        let kept = department.map(|d| (d.sections.len(), d.duties.len(), d.unread.entries));
        assert_eq!(kept, Some((0, 1, 3)));
        let codes: Vec<_> = diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(
            codes,
            [Code::UnknownField, Code::MissingField, Code::WrongType],
            "{diagnostics:#?}"
        );
    }
}
