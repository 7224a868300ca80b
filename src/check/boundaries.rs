//! Rules on duty boundaries: one matter, one lead; partners are other, distinct, existing
//! departments; mock-case steps are taken by the boundary's departments and show every partner.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use super::Cx;
use super::references::{Known, Scope, Suggestion, full_width_reference};
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Message;
use crate::model::describe::Described;
use crate::model::{Boundary, Department, Project, Spanned};
use crate::msg;

pub(super) fn department(d: &Department, project: &Project, cx: &mut Cx<'_>) {
    for b in &d.boundaries {
        boundary(d, b.get_ref(), project, cx);
    }
}

fn boundary(d: &Department, b: &Boundary, project: &Project, cx: &mut Cx<'_>) {
    let boundary = b.id.get_ref();
    // The partners by the id they resolve to: a partner given by its name is reported once,
    // and its steps then count as a partner's, so that the one mistake gives one error.
    let mut partners: HashSet<&str> = HashSet::new();
    for p in b.partners.get_ref() {
        let dep = &p.get_ref().department;
        if dep.get_ref() == &d.id {
            cx.report(
                Code::PartnerIsLead,
                dep,
                msg!("partner-is-lead", id = &d.id, boundary = boundary),
                msg!("partner-is-lead-help"),
            );
        } else if partners.contains(dep.get_ref().as_str()) {
            cx.report(
                Code::PartnerRepeated,
                dep,
                msg!("partner-repeated", id = dep.get_ref(), boundary = boundary),
                msg!("partner-repeated-help"),
            );
        } else if let Some(id) = department_id(dep, project, cx) {
            partners.insert(id);
        }
    }
    let mut in_case: HashSet<&str> = HashSet::new();
    for step in &b.case.get_ref().steps {
        let dep = &step.get_ref().department;
        in_case.insert(dep.get_ref());
        if dep.get_ref() == &d.id || partners.contains(dep.get_ref().as_str()) {
            continue;
        }
        match department_id(dep, project, cx) {
            Some(id) if id == d.id || partners.contains(id) => {
                in_case.insert(id);
            }
            Some(_) => cx.report(
                Code::StepOutsider,
                dep,
                msg!("step-outsider", id = dep.get_ref(), boundary = boundary),
                msg!("step-outsider-help", id = dep.get_ref(), lead = &d.id),
            ),
            None => {}
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
                msg!(
                    "partner-not-in-case",
                    id = dep.get_ref(),
                    boundary = boundary
                ),
                msg!("partner-not-in-case-help"),
            );
        }
    }
}

/// The id of the department `id` names: itself when the project has it. Otherwise it is
/// reported, and when it is a department's name or short name rather than its id, the help
/// gives that id and it is returned, so that the mistake causes no further errors.
fn department_id<'p>(
    id: &Spanned<String>,
    project: &'p Project,
    cx: &mut Cx<'_>,
) -> Option<&'p str> {
    if let Some((known, _)) = project.department_files.get_key_value(id.get_ref()) {
        return Some(known.as_str());
    }
    let declared = project.department_files.keys().map(String::as_str);
    if full_width_reference(id, declared, Code::UnknownDepartment, cx) {
        return None;
    }
    let known = project
        .department_files
        .keys()
        .map(|key| match project.department(key) {
            Some(d) => Known::new(
                key,
                d.name.get_ref(),
                d.short_name.as_ref().map(|s| s.get_ref().as_str()),
            ),
            None => Known::new(key, "", None),
        });
    let by_name = known.clone().find(|k| k.named(id.get_ref())).map(|k| k.id);
    let help = Suggestion {
        what: Department::description(),
        table: "departments/<id>.toml",
        scope: Scope::Project,
    }
    .help(id.get_ref(), known, cx.suggestions);
    cx.report(
        Code::UnknownDepartment,
        id,
        msg!("unknown-department", id = id.get_ref()),
        help,
    );
    by_name
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
                        msg!("duplicate-boundary-id", id = id),
                        (&file, b.id.span()),
                        (project, first, span),
                        msg!("duplicate-boundary-id-help"),
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
                        msg!("duplicate-boundary-title", title = title),
                        (&file, b.title.span()),
                        (project, first, span),
                        msg!("duplicate-boundary-title-help"),
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
    message: Message,
    here: (&Path, Range<usize>),
    first: (&Project, &str, &Range<usize>),
    help: Message,
) -> Diagnostic {
    let (project, first_department, first_span) = first;
    let first_file = project.file_of(first_department);
    let mut d = Diagnostic::new(code, message).at(here.0, here.1);
    if first_file == here.0 {
        d.related = Some((first_span.clone(), msg!("first-used-here")));
        d.help(help)
    } else {
        d.help(msg!(
            "first-used-in",
            file = first_file.as_path(),
            help = help
        ))
    }
}
