//! Rules on duty boundaries: one matter, one lead; partners are other, distinct, existing
//! departments; mock-case steps are taken by the boundary's departments and show every partner.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use super::Cx;
use super::references::suggestion;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Project;
use crate::model::{Boundary, Department, Spanned};

pub(super) fn department(d: &Department, project: &Project, cx: &mut Cx<'_>) {
    for b in &d.boundaries {
        boundary(d, b.get_ref(), project, cx);
    }
}

fn boundary(d: &Department, b: &Boundary, project: &Project, cx: &mut Cx<'_>) {
    let mut partners: HashSet<&str> = HashSet::new();
    for p in b.partners.get_ref() {
        let dep = &p.get_ref().department;
        if dep.get_ref() == &d.id {
            cx.report(
                Code::PartnerIsLead,
                dep,
                format!("`{}` is the lead of boundary `{}` and cannot also be its partner", d.id, b.id.get_ref()),
                "a boundary is written in its lead department's file; list only the other departments as partners",
            );
        } else if !partners.insert(dep.get_ref()) {
            cx.report(
                Code::PartnerRepeated,
                dep,
                format!(
                    "`{}` is listed twice as a partner of boundary `{}`",
                    dep.get_ref(),
                    b.id.get_ref()
                ),
                "list each partner department once, with all of its part in one `duty`",
            );
        } else {
            department_exists(dep, project, cx);
        }
    }
    let mut in_case: HashSet<&str> = HashSet::new();
    for step in &b.case.get_ref().steps {
        let dep = &step.get_ref().department;
        in_case.insert(dep.get_ref());
        if dep.get_ref() == &d.id || partners.contains(dep.get_ref().as_str()) {
            continue;
        }
        if department_exists(dep, project, cx) {
            cx.report(
                Code::StepOutsider,
                dep,
                format!("`{}` takes a step in the mock case but is neither the lead nor a partner of `{}`", dep.get_ref(), b.id.get_ref()),
                format!("add `{}` as a `[[boundaries.partners]]` entry, or give the step to `{}` or a partner", dep.get_ref(), d.id),
            );
        }
    }
    for p in b.partners.get_ref() {
        let dep = &p.get_ref().department;
        if dep.get_ref() != &d.id
            && !in_case.contains(dep.get_ref().as_str())
            && project.department_files.contains_key(dep.get_ref())
        {
            cx.report(
                Code::PartnerNotInCase,
                dep,
                format!(
                    "partner `{}` takes no step in the mock case of `{}`",
                    dep.get_ref(),
                    b.id.get_ref()
                ),
                "add a `[[boundaries.case.steps]]` entry saying what this partner does in the case",
            );
        }
    }
}

fn department_exists(id: &Spanned<String>, project: &Project, cx: &mut Cx<'_>) -> bool {
    if project.department_files.contains_key(id.get_ref()) {
        return true;
    }
    let known = project.department_files.keys().map(String::as_str);
    let mut help = suggestion(
        id.get_ref(),
        known,
        "department",
        "departments/<id>.toml",
        cx.suggestions,
    );
    help = help.replace("of this file", "of this project").replace(
        "add a `departments/<id>.toml` entry with this id",
        "create `departments/<id>.toml`",
    );
    cx.report(
        Code::UnknownDepartment,
        id,
        format!("unknown department `{}`", id.get_ref()),
        help,
    );
    false
}

/// Boundary ids are unique project-wide, and so are their titles (one matter, one lead).
pub(super) fn project_wide(project: &Project, out: &mut Vec<Diagnostic>) {
    let mut ids: HashMap<&str, (&str, Range<usize>)> = HashMap::new();
    let mut titles: HashMap<&str, (&str, Range<usize>)> = HashMap::new();
    for d in &project.departments {
        let file = project.file_of(&d.id);
        for b in &d.boundaries {
            let b = b.get_ref();
            let id = b.id.get_ref().as_str();
            if !id.is_empty() {
                if let Some((first, span)) = ids.get(id) {
                    out.push(duplicate(
                        Code::DuplicateId,
                        format!("duplicate boundary id `{id}`"),
                        (&file, b.id.span()),
                        (project, first, span),
                        "boundary ids are unique across the whole project: rename one of them",
                    ));
                } else {
                    ids.insert(id, (&d.id, b.id.span()));
                }
            }
            let title = b.title.get_ref().trim();
            if !title.is_empty() {
                if let Some((first, span)) = titles.get(title) {
                    out.push(duplicate(
                        Code::DuplicateBoundaryTitle,
                        format!("two boundaries are titled `{title}`"),
                        (&file, b.title.span()),
                        (project, first, span),
                        "one matter has one lead department: keep one boundary, in its lead's file, and list the other department as a partner there",
                    ));
                } else {
                    titles.insert(title, (&d.id, b.title.span()));
                }
            }
        }
    }
}

/// A duplicate at `here`, pointing at the first occurrence: in the snippet when it is in the
/// same file, by file name otherwise.
fn duplicate(
    code: Code,
    message: String,
    here: (&Path, Range<usize>),
    first: (&Project, &str, &Range<usize>),
    help: &str,
) -> Diagnostic {
    let (project, first_department, first_span) = first;
    let first_file = project.file_of(first_department);
    let mut d = Diagnostic::new(code, message).at(here.0, here.1);
    if first_file == here.0 {
        d.related = Some((first_span.clone(), "first used here".into()));
        d.help(help)
    } else {
        d.help(format!(
            "it is first used in {}; {help}",
            first_file.display()
        ))
    }
}
