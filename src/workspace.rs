//! Workspaces (FORMAT.md 1.1): many jurisdictions, each a complete project in a folder of its
//! own, checked together. Each member is loaded and checked exactly as it would be on its own;
//! its diagnostics then name paths relative to the workspace (`fuyang/departments/huanbao.toml`).
//! The workspace adds its own rules: its members must be projects, and a boundary's `topic` must
//! be in `topics.toml`, at most once per member.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::check::{self, Checked, Unresolved};
use crate::diagnostic::{self, Code, Diagnostic, Sources};
use crate::load::{self, SITE_FILE};
use crate::model::workspace::{TopicsFile, WorkspaceFile};
use crate::model::{self, Project, Spanned};
use crate::msg;

/// The catalogue of matters beside a workspace's `resplist.toml`.
pub const TOPICS_FILE: &str = "topics.toml";

/// The folders of a workspace's site that hold its own pages and data: no member may be named
/// so, since its site would be written into them.
pub const RESERVED: [&str; 4] = ["opendata", "search", "static", "topics"];

/// A loaded workspace: its files, its members, and what went wrong loading them.
pub struct Workspace {
    pub root: PathBuf,
    /// `None` when `resplist.toml` has errors.
    pub file: Option<WorkspaceFile>,
    /// `None` when there is no `topics.toml` or it has errors.
    pub topics: Option<TopicsFile>,
    pub members: Vec<Member>,
    /// The workspace's own files (`resplist.toml`, `topics.toml`).
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
}

/// One jurisdiction: its id (its folder's name) and its project.
pub struct Member {
    pub id: String,
    pub project: Project,
}

/// Loads the workspace in `root` and every member. Only a problem that stops resplist from
/// running at all is an `Err`; a member that cannot be loaded is a diagnostic.
pub fn load(root: &Path) -> anyhow::Result<Workspace> {
    load::ensure_project(root)?;
    let mut ws = Workspace {
        root: root.to_path_buf(),
        file: None,
        topics: None,
        members: Vec::new(),
        sources: Sources::default(),
        diagnostics: Vec::new(),
    };
    let site = Path::new(SITE_FILE);
    ws.file = load::read_toml(root, site, &mut ws.sources, &mut ws.diagnostics);
    if root.join(TOPICS_FILE).exists() {
        let topics = Path::new(TOPICS_FILE);
        ws.topics = load::read_toml(root, topics, &mut ws.sources, &mut ws.diagnostics);
    }
    let ids: Vec<Spanned<String>> = ws
        .file
        .as_ref()
        .map(|f| f.workspace.get_ref().members.get_ref().clone())
        .unwrap_or_default();
    let mut seen: HashMap<String, Spanned<String>> = HashMap::new();
    let found: Vec<(String, std::ops::Range<usize>, PathBuf)> = ids
        .iter()
        .filter_map(|id| member_dir(root, id, &mut seen, &mut ws.diagnostics))
        .collect();
    // Members are loaded on every core: one county's files are too few to keep both busy.
    let loaded: Vec<_> = found
        .into_par_iter()
        .map(|(name, span, dir)| (load::load(&dir), name, span))
        .collect();
    for (project, name, span) in loaded {
        match project {
            Ok(project) => ws.members.push(Member { id: name, project }),
            Err(err) => {
                let reason = err.to_string();
                let d = Diagnostic::new(
                    Code::BadMember,
                    msg!("member-unreadable", id = &name, reason = reason),
                )
                .at(site, span)
                .help(msg!("member-not-a-project-help", id = &name));
                ws.diagnostics.push(d);
            }
        }
    }
    Ok(ws)
}

/// The folder of the member `id` names, after making sure it may be one: a valid id, not a
/// folder of the workspace's own site, listed once, a project. Otherwise a diagnostic.
fn member_dir(
    root: &Path,
    id: &Spanned<String>,
    seen: &mut HashMap<String, Spanned<String>>,
    out: &mut Vec<Diagnostic>,
) -> Option<(String, std::ops::Range<usize>, PathBuf)> {
    let name = id.get_ref().clone();
    let dir = root.join(&name);
    let problem = if !model::is_valid_id(&name) {
        Some((
            msg!("member-bad-id", id = &name),
            msg!("member-bad-id-help"),
        ))
    } else if RESERVED.contains(&name.as_str()) {
        Some((
            msg!("member-reserved", id = &name),
            msg!("member-reserved-help", reserved = RESERVED.join("、")),
        ))
    } else if seen.insert(name.clone(), id.clone()).is_some() {
        Some((msg!("member-twice", id = &name), msg!("member-twice-help")))
    } else if !dir.join(SITE_FILE).is_file() || load::is_workspace(&dir) {
        Some((
            msg!("member-not-a-project", id = &name),
            msg!("member-not-a-project-help", id = &name),
        ))
    } else {
        None
    };
    match problem {
        Some((message, help)) => {
            out.push(
                Diagnostic::new(Code::BadMember, message)
                    .at(Path::new(SITE_FILE), id.span())
                    .help(help),
            );
            None
        }
        None => Some((name, id.span(), dir)),
    }
}

/// Every diagnostic of the workspace: its own files' first, then each member's, each list as
/// `check` sorts it; paths are relative to the workspace.
pub fn check(ws: &Workspace) -> Vec<(Option<&Member>, Vec<Diagnostic>)> {
    let mut own = ws.diagnostics.clone();
    if let Some(file) = &ws.file {
        check::workspace_fields(file, &mut own);
    }
    // A catalogue that cannot be read is reported once; topics are then not looked up in it,
    // rather than each reported as unknown.
    let unread = ws.topics.is_none() && ws.root.join(TOPICS_FILE).exists();
    let topics = (!unread).then(|| catalogue(ws, &mut own));
    diagnostic::sort(&mut own);
    let members = ws.members.par_iter().map(|member| {
        let mut found = check::check(&member.project);
        topic_rules(member, topics.as_ref(), &mut found);
        diagnostic::sort(&mut found);
        let prefix = Path::new(&member.id);
        for d in &mut found {
            if let Some(file) = &mut d.file {
                *file = prefix.join(&*file);
            }
        }
        (Some(member), found)
    });
    let mut all = vec![(None, own)];
    all.par_extend(members);
    all
}

/// What `build` needs of a workspace: its diagnostics as `check` gives them, with example text
/// left in an error unless `allow_placeholders`, and, when none is an error, every member
/// checked (in the order of `members`).
pub fn checked(ws: &Workspace, allow_placeholders: bool) -> Result<Checks<'_>, Unresolved> {
    let mut diagnostics = check(ws);
    if !allow_placeholders {
        for (_, found) in &mut diagnostics {
            check::deny_placeholders(found);
        }
    }
    let failed = diagnostics
        .iter()
        .any(|(_, found)| found.iter().any(Diagnostic::is_error));
    let members = if failed || ws.file.is_none() {
        None
    } else {
        let checked: Result<Vec<_>, _> = ws
            .members
            .par_iter()
            .map(|m| Checked::new(&m.project).map(|c| (m, c)))
            .collect();
        Some(checked?)
    };
    Ok(Checks {
        diagnostics,
        members,
    })
}

/// A workspace's diagnostics, by member (the workspace's own first), and its checked members
/// when there was no error.
pub struct Checks<'w> {
    pub diagnostics: Vec<(Option<&'w Member>, Vec<Diagnostic>)>,
    pub members: Option<Vec<(&'w Member, Checked<'w>)>>,
}

impl Workspace {
    /// `[workspace]`, when `resplist.toml` could be read.
    pub fn settings(&self) -> Option<&model::workspace::Workspace> {
        self.file.as_ref().map(|f| f.workspace.get_ref())
    }

    /// The workspace's topics, in catalogue order.
    pub fn topics(&self) -> impl Iterator<Item = &model::workspace::Topic> {
        self.topics
            .iter()
            .flat_map(|t| &t.topics)
            .map(|t| t.get_ref())
    }
}

/// The workspace's files and every member's, with the members' paths under their folders: what
/// a report quotes lines from.
pub fn sources(ws: &Workspace) -> Sources {
    let mut sources = ws.sources.clone();
    for member in &ws.members {
        sources.extend_under(Path::new(&member.id), member.project.sources.clone());
    }
    sources
}

/// The topics' ids, after reporting a topic id that breaks the id rule or is given twice.
fn catalogue(ws: &Workspace, out: &mut Vec<Diagnostic>) -> BTreeMap<String, Spanned<String>> {
    let mut known = BTreeMap::new();
    let file = Path::new(TOPICS_FILE);
    for topic in ws.topics.iter().flat_map(|t| &t.topics) {
        check::topic_fields(topic.get_ref(), file, out);
        let id = &topic.get_ref().id;
        if !model::is_valid_id(id.get_ref()) {
            out.push(
                Diagnostic::new(
                    Code::BadId,
                    msg!("topic-bad-id", id = id.get_ref().as_str()),
                )
                .at(file, id.span())
                .help(msg!("member-bad-id-help")),
            );
        } else if let Some(first) = known.insert(id.get_ref().clone(), id.clone()) {
            let mut d = Diagnostic::new(
                Code::DuplicateId,
                msg!("topic-twice", id = id.get_ref().as_str()),
            )
            .at(file, id.span())
            .help(msg!("topic-twice-help"));
            d.related = Some((first.span(), msg!("topic-first")));
            out.push(d);
        }
    }
    known
}

/// A boundary's topic must be in the catalogue, and one member names a topic at most once.
fn topic_rules(
    member: &Member,
    topics: Option<&BTreeMap<String, Spanned<String>>>,
    out: &mut Vec<Diagnostic>,
) {
    let mut named: HashMap<&str, (PathBuf, &str)> = HashMap::new();
    for department in &member.project.departments {
        let file = member.project.file_of(&department.id);
        for boundary in &department.boundaries {
            let boundary = boundary.get_ref();
            let Some(topic) = &boundary.topic else {
                continue;
            };
            let id = topic.get_ref().as_str();
            if let Some(topics) = topics
                && !topics.contains_key(id)
            {
                let known: Vec<&str> = topics.keys().map(String::as_str).collect();
                let help = if known.is_empty() {
                    msg!("unknown-topic-no-catalogue-help", file = TOPICS_FILE)
                } else {
                    msg!(
                        "unknown-topic-help",
                        known = known.join("、"),
                        file = TOPICS_FILE
                    )
                };
                out.push(
                    Diagnostic::new(Code::UnknownTopic, msg!("unknown-topic", id = id))
                        .at(&file, topic.span())
                        .help(help),
                );
                continue;
            }
            let title = boundary.title.get_ref().as_str();
            if let Some((other_file, other)) = named.get(id) {
                out.push(
                    Diagnostic::new(
                        Code::TopicTwice,
                        msg!("topic-named-twice", id = id, other = *other),
                    )
                    .at(&file, topic.span())
                    .help(msg!(
                        "topic-named-twice-help",
                        other = *other,
                        file = Path::new(&member.id).join(other_file).display().to_string()
                    )),
                );
            } else {
                named.insert(id, (file.clone(), title));
            }
        }
    }
}
