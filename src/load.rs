//! Finds a project's files (walkdir, sorted), decodes them, parses them into the model and
//! collects every problem met on the way as a diagnostic.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue, ValueDeserializer};

use crate::diagnostic::{Code, Diagnostic, Sources};
use crate::model::{self, Department, Project, SiteFile};
use crate::suggest::closest;

/// Files larger than this are refused unread, so a stray dump cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

pub const SITE_FILE: &str = "resplist.toml";
pub const DEPARTMENTS_DIR: &str = "departments";

/// Loads the project in `root`. Only a problem that stops resplist from running at all (no
/// `resplist.toml`, an unreadable directory) is an `Err`; everything else is a diagnostic.
pub fn load(root: &Path) -> anyhow::Result<Project> {
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
    // Read, decode and parse on every core; take the results in, in file order.
    let parsed: Vec<Parsed> = claimed
        .into_par_iter()
        .map(|(id, file)| {
            let mut diagnostics = Vec::new();
            let bytes = read_file(root, &file, &mut diagnostics);
            Parsed::with(id, file, bytes, diagnostics)
        })
        .collect();
    for p in parsed {
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
            Diagnostic::new(
                Code::NoDepartmentFiles,
                "`departments/` holds no department files",
            )
            .in_file(DEPARTMENTS_DIR)
            .help("add one `<id>.toml` file per department"),
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
            self.site = parse_site(&path, &text, &mut self.diagnostics);
            self.sources.insert(path, text);
        }
    }

    /// Records that `file` is department `id`; false (with a diagnostic) when another file is.
    fn claim(&mut self, id: &str, file: &Path) -> bool {
        if let Some(previous) = self.department_files.get(id) {
            self.diagnostics.push(
                Diagnostic::new(Code::DuplicateId, format!("department id `{id}` is used by two files"))
                    .in_file(file)
                    .help(format!(
                        "the file stem is the department's id and must be unique: rename this file or `{}`",
                        previous.display()
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
                let department = parse_department(&file, &text, &mut diagnostics).map(|mut d| {
                    d.id = id;
                    d
                });
                Parsed {
                    file,
                    source: Some(text),
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
            .help(bad.help.replace("FILE", &file.to_string_lossy()));
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
            Diagnostic::new(Code::BadId, format!("`{stem}` is a name Windows reserves for a device"))
                .in_file(file)
                .help(format!("a file named `{stem}.toml` cannot be checked out or published on Windows (nor con, prn, aux, nul, com1–com9, lpt1–lpt9): rename the file, e.g. `{stem}-ju.toml`")),
        ));
    }
    if model::is_valid_id(&stem) {
        return Ok(stem);
    }
    Err(Box::new(
        Diagnostic::new(Code::BadId, format!("the file name `{stem}.toml` is not a valid department id"))
            .in_file(file)
            .help("the file stem is the department's id: lowercase ASCII letters, digits and hyphens, starting with a letter or digit, at most 64 characters (e.g. `huanbao.toml`); put the Chinese name in `name = \"…\"`"),
    ))
}

/// Fails unless `root` is a directory holding `resplist.toml`: the one problem that stops every
/// command before it reads a file.
pub fn ensure_project(root: &Path) -> anyhow::Result<()> {
    let meta = fs::metadata(root)
        .with_context(|| format!("cannot open project directory `{}`", root.display()))?;
    if !meta.is_dir() {
        bail!(
            "`{}` is not a directory; give the folder that holds resplist.toml",
            root.display()
        );
    }
    fs::read_dir(root)
        .with_context(|| format!("cannot read project directory `{}`", root.display()))?;
    if !root.join(SITE_FILE).exists() {
        bail!(
            "no resplist.toml in `{}`: this is not a resplist project; give the folder that holds resplist.toml, or create one (see docs/format.md)",
            root.display()
        );
    }
    Ok(())
}

/// Department files under `departments/`, sorted by path, with their ids (file stems).
pub fn find_departments(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<(String, PathBuf)> {
    let dir = root.join(DEPARTMENTS_DIR);
    if !dir.is_dir() {
        diagnostics.push(
            Diagnostic::new(Code::NoDepartmentsDir, "the project has no `departments/` folder")
                .in_file(SITE_FILE)
                .help("create `departments/` next to resplist.toml and put one `<id>.toml` file per department in it"),
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
            Diagnostic::new(Code::NoDepartmentFiles, "`departments/` holds no department files")
                .in_file(DEPARTMENTS_DIR)
                .help("add one `<id>.toml` file per department, e.g. `departments/huanbao.toml` with `name = \"…\"`"),
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
    let refused = |code, message: String, help| {
        Box::new(Diagnostic::new(code, message).in_file(&relative).help(help))
    };
    let shown = relative.display();
    let is_dir = entry.file_type().is_dir();
    if is_dir && entry.path_is_symlink() && !inside(path) {
        return Walked::RefusedFolder(refused(
            Code::SymlinkOutside,
            format!("`{shown}` is a link to a folder outside the project; nothing in it was read"),
            "move the folder into the project instead of linking to it",
        ));
    }
    if path.extension().is_none_or(|e| e != "toml") {
        return Walked::Other;
    }
    if is_dir {
        return Walked::Refused(refused(
            Code::Unreadable,
            format!("`{shown}` is a folder, not a department file"),
            "only files may end in `.toml` here; rename the folder",
        ));
    }
    if entry.path_is_symlink() && !inside(path) {
        return Walked::Refused(refused(
            Code::SymlinkOutside,
            format!("`{shown}` is a link to a file outside the project; it was not read"),
            "copy the file into the project instead of linking to it",
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
        (
            "this folder is a symbolic link that loops back to one of its parents".to_string(),
            "remove the link",
        )
    } else if io.and_then(std::io::Error::raw_os_error) == Some(ELOOP) {
        (
            "this is a symbolic link that points to itself or goes round in a loop of links"
                .to_string(),
            "remove the link, or point it at a real file inside the project",
        )
    } else {
        (
            format!(
                "cannot read this folder: {}",
                io.map_or_else(|| err.to_string(), ToString::to_string)
            ),
            if io.is_some_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied) {
                "you are not allowed to open this folder; fix its permissions (`chmod u+rx`)"
            } else {
                "check that the folder exists and that you may read it"
            },
        )
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
                Diagnostic::new(Code::TooLarge, format!("the file is larger than {} MiB", MAX_FILE_BYTES / 1024 / 1024))
                    .in_file(file)
                    .help("a department list is far smaller than this: check that this is really a department file and not an export or a dump"),
            );
            None
        }
        Err(err) => {
            diagnostics.push(
                Diagnostic::new(Code::Unreadable, format!("cannot read the file: {err}"))
                    .in_file(file)
                    .help(read_help(&err)),
            );
            None
        }
    }
}

fn read_help(err: &std::io::Error) -> &'static str {
    match err.raw_os_error() {
        Some(ELOOP) => "this is a symbolic link that points to itself or loops; remove it",
        _ => match err.kind() {
            std::io::ErrorKind::PermissionDenied => {
                "you are not allowed to read this file; fix its permissions (`chmod u+r`)"
            }
            std::io::ErrorKind::NotFound => {
                "the file disappeared or is a broken link; remove the link or restore the file"
            }
            _ => "check that the file exists and that you may read it",
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
    pub message: String,
    pub help: String,
    /// Byte offset of the first bad byte in `lossy`.
    pub offset: usize,
    pub lossy: String,
}

/// UTF-8 text without its BOM, or a diagnosis of the encoding it probably is.
pub fn decode(mut bytes: Vec<u8>) -> Result<String, DecodeError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(DecodeError {
            message: "the file is UTF-16, not UTF-8".into(),
            help: "save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8), or convert it: iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8 && mv FILE.utf8 FILE".into(),
            offset: 0,
            lossy: String::new(),
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let (message, help) = if looks_like_gbk(&bytes) {
                (
                    "the file is not UTF-8; it looks like GBK (GB2312/GB18030), the encoding older Windows editors save Chinese in",
                    "convert it to UTF-8: iconv -f GBK -t UTF-8 FILE > FILE.utf8 && mv FILE.utf8 FILE (or in your editor: Save As → Encoding: UTF-8)",
                )
            } else {
                (
                    "the file is not valid UTF-8 text",
                    "save the file as UTF-8 in your editor; if it came from another program, check that it is a text file",
                )
            };
            Err(DecodeError {
                message: message.into(),
                help: help.into(),
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

fn parse_site(file: &Path, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<SiteFile> {
    let root = parse_document(file, text, diagnostics)?;
    if let DeValue::Table(table) = root.get_ref()
        && table.get("site").is_none()
    {
        diagnostics.push(
            Diagnostic::new(Code::MissingField, "resplist.toml has no `[site]` table")
                .in_file(file)
                .help("start the file with a `[site]` line, followed by `title = \"…\"` and `jurisdiction = \"…\"`; see docs/format.md"),
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

fn parse_department(
    file: &Path,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Department> {
    let root = parse_document(file, text, diagnostics)?;
    match deserialize::<Department>(root.clone()) {
        Ok(department) => Some(department),
        Err(_) => {
            let before = diagnostics.len();
            diagnose_department(root, &mut |err| {
                diagnostics.push(toml_error(file, text, &err))
            });
            if diagnostics.len() == before {
                // The parts were fine alone but not together; report the whole file's error.
                if let Err(err) =
                    deserialize::<Department>(parse_document(file, text, &mut Vec::new())?)
                {
                    diagnostics.push(toml_error(file, text, &err));
                }
            }
            None
        }
    }
}

/// Parses TOML syntax, reporting every syntax error the parser can recover from.
fn parse_document<'i>(
    file: &Path,
    text: &'i str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Spanned<DeValue<'i>>> {
    if text.trim().is_empty() {
        diagnostics.push(
            Diagnostic::new(Code::EmptyFile, "the file is empty")
                .in_file(file)
                .help(if file == Path::new(SITE_FILE) {
                    "resplist.toml needs at least a [site] table with `title` and `jurisdiction`; see docs/format.md"
                } else {
                    "a department file needs at least `name = \"…\"`; see docs/format.md, or delete the file"
                }),
        );
        return None;
    }
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        diagnostics.extend(errors.iter().map(|e| toml_error(file, text, e)));
        return None;
    }
    let span = root.span();
    Some(Spanned::new(span, DeValue::Table(root.into_inner())))
}

fn deserialize<T: DeserializeOwned>(value: Spanned<DeValue<'_>>) -> Result<T, toml::de::Error> {
    T::deserialize(ValueDeserializer::from(value))
}

type Sink<'s> = dyn FnMut(toml::de::Error) + 's;

/// Diagnoses one entry of a list.
type EntryCheck = fn(Spanned<DeValue<'_>>, &mut Sink<'_>);

/// Finds every type error in a department file that failed to deserialize: each entry of each
/// list is tried on its own, so one bad section does not hide a bad duty.
fn diagnose_department(mut root: Spanned<DeValue<'_>>, sink: &mut Sink<'_>) {
    let lists: [(&str, EntryCheck); 6] = [
        ("sections", |v, s| try_as::<model::Section>(v, s)),
        ("powers", |v, s| try_as::<model::Power>(v, s)),
        ("duties", |mut v, s| {
            let items = take_list(&mut v, &["items"]);
            try_as::<model::Duty>(v, s);
            items
                .into_iter()
                .for_each(|i| try_as::<model::WorkItem>(i, s));
        }),
        ("boundaries", |mut v, s| {
            let partners = take_list(&mut v, &["partners"]);
            let steps = take_list(&mut v, &["case", "steps"]);
            try_as::<model::Boundary>(v, s);
            partners
                .into_iter()
                .for_each(|p| try_as::<model::Partner>(p, s));
            steps
                .into_iter()
                .for_each(|p| try_as::<model::CaseStep>(p, s));
        }),
        ("supervision", |mut v, s| {
            let indicators = take_list(&mut v, &["indicators"]);
            try_as::<model::SupervisionRegime>(v, s);
            indicators
                .into_iter()
                .for_each(|i| try_as::<model::Indicator>(i, s));
        }),
        ("services", |v, s| try_as::<model::PublicService>(v, s)),
    ];
    let mut parts = Vec::new();
    for (key, check) in lists {
        let entries = take_list(&mut root, &[key]);
        parts.push((entries, check));
    }
    try_as::<Department>(root, sink);
    for (entries, check) in parts {
        for entry in entries {
            check(entry, sink);
        }
    }
}

fn try_as<T: DeserializeOwned>(value: Spanned<DeValue<'_>>, sink: &mut Sink<'_>) {
    if let Err(err) = deserialize::<T>(value) {
        sink(err);
    }
}

/// Takes the array at `path` out of a table, leaving an empty array so the rest still
/// deserializes; returns nothing when there is no array there (the type error then stays).
fn take_list<'i>(value: &mut Spanned<DeValue<'i>>, path: &[&str]) -> Vec<Spanned<DeValue<'i>>> {
    let DeValue::Table(table) = value.get_mut() else {
        return Vec::new();
    };
    let Some((last, parents)) = path.split_last() else {
        return Vec::new();
    };
    let mut table: &mut DeTable<'i> = table;
    for key in parents {
        match table.get_mut(*key).map(Spanned::get_mut) {
            Some(DeValue::Table(inner)) => table = inner,
            _ => return Vec::new(),
        }
    }
    match table.get_mut(*last).map(Spanned::get_mut) {
        Some(DeValue::Array(array)) => std::mem::replace(array, DeArray::new())
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

/// Turns a parser or deserializer error into a diagnostic with a code and a fix.
fn toml_error(file: &Path, text: &str, err: &toml::de::Error) -> Diagnostic {
    let message = err.message().trim();
    let span = err.span().unwrap_or(0..0);
    let diagnostic = classify(message, text, span.clone());
    diagnostic.at(file, span)
}

fn classify(message: &str, text: &str, span: Range<usize>) -> Diagnostic {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        return unknown_field(rest, text, span.start);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        let table = text
            .get(span.clone())
            .and_then(|t| t.lines().next())
            .unwrap_or("")
            .trim();
        if !table.starts_with('[') && !table.starts_with('{') {
            return Diagnostic::new(Code::MissingField, format!("missing required field `{field}`"))
                .label("this file has no such line")
                .help(format!("add `{field} = …` near the top of the file, before the first `[…]` header; docs/format.md lists the required fields"));
        }
        let place = if table.starts_with('[') {
            format!(" to this `{table}`")
        } else {
            String::new()
        };
        return Diagnostic::new(
            Code::MissingField,
            format!("missing required field `{field}`"),
        )
        .label("in this table")
        .help(format!(
            "add `{field} = …`{place}; docs/format.md lists the required fields"
        ));
    }
    if let Some(rest) = message.strip_prefix(crate::model::labels::ENUM_ERROR_PREFIX) {
        return bad_enum(rest);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        let (found, expected) = (plain_type(found), plain_type(expected));
        return Diagnostic::new(
            Code::WrongType,
            format!("wrong type: this is {found}, but {expected} is expected"),
        )
        .label(format!("expected {expected}"))
        .help(type_help(&expected));
    }
    if message.starts_with("invalid length") || message.starts_with("invalid value") {
        return Diagnostic::new(Code::WrongType, message.to_string())
            .help("check the value's type against docs/format.md");
    }
    if message.starts_with("duplicate key") {
        let key = text.get(span).unwrap_or("").trim();
        return Diagnostic::new(Code::Syntax, format!("duplicate key `{key}`"))
            .label("defined again here")
            .help("each key may appear once per table; remove or rename one of them (a new `[[…]]` header starts a new entry)");
    }
    if is_too_deep(message) {
        return Diagnostic::new(Code::Syntax, syntax_message(message))
            .label("too deep here")
            .help("a department file never needs more than three levels (a work item inside a duty); remove the extra brackets, braces or dots");
    }
    Diagnostic::new(Code::Syntax, syntax_message(message))
        .label("here")
        .help("check the TOML syntax near this point: strings need double quotes, `[[…]]` starts a new list entry, keys are `name = value`")
}

/// The TOML parser's words for input nested past its limit.
fn is_too_deep(message: &str) -> bool {
    message.contains("max recursion depth") || message.contains("recursion limit")
}

/// A syntax error of the TOML parser in resplist's words (`check` and `fmt` say the same).
pub fn syntax_message(message: &str) -> String {
    if is_too_deep(message) {
        format!(
            "nested too deeply: more than {MAX_NESTING} levels of arrays, inline tables or dotted keys"
        )
    } else {
        format!("TOML syntax error: {}", message.trim())
    }
}

fn unknown_field(rest: &str, text: &str, at: usize) -> Diagnostic {
    let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
    let allowed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let mut help = match closest(field, allowed.iter().copied()) {
        Some(s) => format!("did you mean `{s}`? "),
        None => String::new(),
    };
    if allowed.is_empty() {
        help.push_str("this table takes no fields; remove it");
    } else {
        help.push_str(&format!(
            "the fields allowed here are: {}",
            allowed.join(", ")
        ));
    }
    // Keys after a `[header]` belong to that table; say which one, since that is the usual surprise.
    if let Some(header) = enclosing_header(text, at) {
        help.push_str(&format!(". This key is inside `{header}`: a key belongs to the table whose header comes before it, so move it above that header if it belongs elsewhere"));
    }
    Diagnostic::new(Code::UnknownField, format!("unknown field `{field}`"))
        .label("not a field of this table")
        .help(help)
}

/// The last `[table]` or `[[array]]` header before byte `at`, if any.
fn enclosing_header(text: &str, at: usize) -> Option<&str> {
    text.get(..at)?
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| l.split('#').next().unwrap_or(l).trim())
}

fn bad_enum(rest: &str) -> Diagnostic {
    let (what, choices) = rest.split_once(" is not one of: ").unwrap_or((rest, ""));
    let value = what.split('`').nth(1).unwrap_or("");
    let mut names: Vec<&str> = choices.split('`').skip(1).step_by(2).collect();
    names.extend(choices.split(['(', ')']).skip(1).step_by(2));
    let suggestion = closest(value, names.iter().copied())
        .map(|s| format!("did you mean `{s}`? "))
        .unwrap_or_default();
    Diagnostic::new(Code::BadEnum, format!("{what} is not a valid value"))
        .label("not in the list")
        .help(format!(
            "{suggestion}use one of: {choices} (the English key or the Chinese label)"
        ))
}

/// serde's type names in words a clerk knows.
fn plain_type(serde: &str) -> String {
    let serde = serde.trim();
    let serde = serde
        .strip_prefix("a ")
        .or_else(|| serde.strip_prefix("an "))
        .unwrap_or(serde);
    if serde == "i64" || serde.starts_with("integer") {
        return serde
            .replacen("integer", "a whole number", 1)
            .replace("i64", "a whole number");
    }
    for (from, to) in [
        ("sequence", "a list"),
        ("map", "a table"),
        ("struct ", "a table"),
        ("boolean", "true or false"),
        ("bool", "true or false"),
        ("string", "text in quotes"),
    ] {
        if serde.starts_with(from) {
            return to.to_string();
        }
    }
    serde.to_string()
}

fn type_help(expected: &str) -> String {
    if expected.contains("string") {
        "put the text in double quotes, e.g. `name = \"污染防治科\"`".into()
    } else if expected.contains("list") {
        "write a list in brackets, e.g. `basis = [\"三定方案\"]`, or for a list of entries one `[[name]]` header per entry".into()
    } else if expected.contains("true or false") {
        "write `true` or `false` without quotes".into()
    } else if expected.contains("whole number") {
        "write a whole number without quotes, e.g. `order = 10`".into()
    } else if expected.contains("table") {
        "this must be a table: use a `[name]` or `[[name]]` header (see docs/format.md)".into()
    } else {
        format!("write {expected} here; see docs/format.md")
    }
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
        let err = err.as_ref().map(|e| e.message.as_str()).unwrap_or_default();
        assert!(err.contains("GBK"), "{err}");
    }

    #[test]
    fn invalid_utf8_that_is_not_gbk() {
        let err = decode(b"name = \"\xFF\xFF\"".to_vec()).err();
        let err = err.as_ref().map(|e| (e.message.as_str(), e.offset));
        assert_eq!(err, Some(("the file is not valid UTF-8 text", 8)));
    }

    #[test]
    fn utf16_is_recognised() {
        let err = decode(vec![0xFF, 0xFE, b'n', 0]).err();
        assert!(err.is_some_and(|e| e.message.contains("UTF-16")));
    }

    #[test]
    fn every_entry_is_diagnosed() {
        let text = "name = \"x\"\n[[sections]]\nid = \"a\"\nnmae = \"b\"\nphone = \"12345\"\n[[sections]]\nid = \"b\"\nname = \"c\"\n[[duties]]\nid = \"d01\"\ntitle = \"t\"\nbasis = [\"b\"]\n  [[duties.items]]\n  text = 5\n  section = \"a\"\n";
        let mut diagnostics = Vec::new();
        assert!(parse_department(Path::new("d.toml"), text, &mut diagnostics).is_none());
        let codes: Vec<_> = diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(
            codes,
            [Code::UnknownField, Code::MissingField, Code::WrongType],
            "{diagnostics:#?}"
        );
    }
}
