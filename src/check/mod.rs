//! The rules of FORMAT.md, each a small function over the loaded project that returns
//! diagnostics. `check` runs them all and returns every problem, sorted.

mod boundaries;
mod checked;
mod fields;
mod one_lead;
mod placeholders;
mod powers;
mod references;
mod search;

use std::path::Path;

use rayon::prelude::*;

use crate::diagnostic::{self, Code, Diagnostic, Severity};
use crate::i18n::Message;
use crate::model::Project;
use crate::model::Spanned;

pub use checked::{
    Checked, LinkedBoundary, LinkedDepartment, LinkedDuty, LinkedItem, LinkedRegime, LinkedService,
    LinkedStep, Unresolved,
};
/// The rules on single values of a workspace's own files.
pub(crate) use fields::{topic as topic_fields, workspace as workspace_fields};

/// Every diagnostic for the project: the loader's and the rules', sorted by file and position.
pub fn check(project: &Project) -> Vec<Diagnostic> {
    let mut out = project.diagnostics.clone();
    if let Some(site) = &project.site {
        fields::site(site, &mut out);
        placeholders::site(site, &mut out);
        if let Some(settings) = &site.search {
            let mut no_suggestions = 0;
            let mut cx = Cx {
                file: std::path::Path::new(crate::load::SITE_FILE),
                out: &mut out,
                suggestions: &mut no_suggestions,
            };
            search::settings(settings.get_ref(), &mut cx);
        }
    }
    // The rules that need no "did you mean" run on every core, each department on its own;
    // those that spend the project's suggestion budget run in order, so that which problems
    // get a suggestion never depends on timing. The diagnostics keep the order of one pass.
    let independent: Vec<[Vec<Diagnostic>; 3]> = project
        .departments
        .par_iter()
        .map(|department| {
            let file = project.file_of(&department.id);
            let rule = |check: &dyn Fn(&mut Cx<'_>)| {
                let (mut out, mut none) = (Vec::new(), 0);
                check(&mut Cx {
                    file: &file,
                    out: &mut out,
                    suggestions: &mut none,
                });
                out
            };
            [
                rule(&|cx| fields::department(department, cx)),
                rule(&|cx| powers::department(department, cx)),
                rule(&|cx| placeholders::department(department, cx)),
            ]
        })
        .collect();
    let mut suggestions = SUGGESTION_BUDGET;
    for (department, [fields, powers, placeholders]) in project.departments.iter().zip(independent)
    {
        let file = project.file_of(&department.id);
        let mut cx = Cx {
            file: &file,
            out: &mut out,
            suggestions: &mut suggestions,
        };
        cx.out.extend(fields);
        references::department(department, project, &mut cx);
        cx.out.extend(powers);
        boundaries::department(department, project, &mut cx);
        cx.out.extend(placeholders);
    }
    boundaries::project_wide(project, &mut out);
    one_lead::project_wide(project, &mut out);
    diagnostic::sort(&mut out);
    out
}

/// Every diagnostic, as `check` gives them, and — when none of them is an error — the project
/// as the renderers take it. Example content left from the templates (W0208) is an error here
/// unless `allow_placeholders`: it is never published by accident. `Err` means the rules passed
/// but a reference did not resolve: a bug in resplist, never something the sources can cause.
pub fn checked(
    project: &Project,
    allow_placeholders: bool,
) -> Result<(Vec<Diagnostic>, Option<Checked<'_>>), Unresolved> {
    let mut diagnostics = check(project);
    if !allow_placeholders {
        deny_placeholders(&mut diagnostics);
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Ok((diagnostics, None));
    }
    let checked = Checked::new(project)?;
    Ok((diagnostics, Some(checked)))
}

/// Turns example text left in (a warning for `check`) into an error: a build publishes only
/// without it, unless `--allow-placeholders`.
pub fn deny_placeholders(diagnostics: &mut [Diagnostic]) {
    for d in diagnostics
        .iter_mut()
        .filter(|d| d.code == Code::Placeholder)
    {
        d.severity = Severity::Error;
    }
}

/// Turns every warning into an error (`--deny-warnings`).
pub fn deny_warnings(diagnostics: &mut [Diagnostic]) {
    for d in diagnostics
        .iter_mut()
        .filter(|d| d.severity == Severity::Warning)
    {
        d.severity = Severity::Error;
    }
}

/// How many id comparisons "did you mean" may spend in one check, in all. Each unknown id is
/// compared with every known id of its kind, so a file with thousands of wrong ids among
/// thousands of right ones would otherwise take time that grows with their product; past the
/// budget, problems are still reported, only without a suggestion.
const SUGGESTION_BUDGET: usize = 2_000_000;

/// Where a rule writes: the department file being checked, the list of diagnostics, and what
/// is left of the project's suggestion budget.
pub(crate) struct Cx<'a> {
    pub file: &'a Path,
    pub out: &'a mut Vec<Diagnostic>,
    pub suggestions: &'a mut usize,
}

impl Cx<'_> {
    /// Records a problem at a value of the file being checked.
    pub fn report<T>(&mut self, code: Code, at: &Spanned<T>, message: Message, help: Message) {
        self.out.push(
            Diagnostic::new(code, message)
                .at(self.file, at.span())
                .help(help),
        );
    }

    /// Points the last reported problem also at a related place in the same file.
    pub fn also(&mut self, span: std::ops::Range<usize>, label: Message) {
        if let Some(last) = self.out.last_mut() {
            last.related = Some((span, label));
        }
    }
}
