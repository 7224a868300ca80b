//! `resplist check`: load, run every rule, print the problems in the chosen format and the
//! summary line.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use crate::check;
use crate::cli::{CheckArgs, Format};
use crate::diagnostic::{Diagnostic, Report};
use crate::load;
use crate::model::Project;
use crate::model::{Language, Totals};

use super::common::use_color;
use super::exit;

pub fn run(args: &CheckArgs) -> anyhow::Result<u8> {
    let project = load::load(&args.dir)?;
    let mut diagnostics = check::check(&project);
    if args.deny_warnings {
        check::deny_warnings(&mut diagnostics);
    }
    let report = Report {
        sources: &project.sources,
        display_root: args.dir.clone(),
    };
    let summary = summary(&project, &diagnostics);
    let color = use_color(args.color, &std::io::stdout());
    let mut out = String::new();
    for d in &diagnostics {
        match args.format {
            Format::Human => {
                let _ = writeln!(out, "{}\n", report.human(d, color));
            }
            Format::Json => {
                let _ = writeln!(out, "{}", report.json(d));
            }
            Format::Github => {
                let _ = writeln!(out, "{}", report.github(d));
            }
            Format::Gitlab => {}
        }
    }
    if args.format == Format::Gitlab {
        let _ = writeln!(out, "{}", report.gitlab(&diagnostics));
    }
    match args.format {
        Format::Json | Format::Gitlab => eprintln!("{summary}"),
        _ => {
            let _ = writeln!(out, "{summary}");
        }
    }
    if args.format == Format::Github
        && let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY")
    {
        append(Path::new(&path), &report.markdown(&diagnostics, &summary))?;
    }
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`resplist check | head`) is not an error worth reporting.
    let _ = stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush());
    Ok(if diagnostics.iter().any(Diagnostic::is_error) {
        exit::ERRORS
    } else {
        exit::OK
    })
}

fn append(path: &Path, text: &str) -> anyhow::Result<()> {
    use anyhow::Context;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("cannot write the step summary `{}`", path.display()))?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write the step summary `{}`", path.display()))
}

/// The one-line summary in the seed's style, in the site's language.
pub fn summary(project: &Project, diagnostics: &[Diagnostic]) -> String {
    // Count every department file, parsed or not, so errors do not make departments vanish.
    let t = Totals {
        departments: project.department_files.len(),
        ..Totals::of(&project.departments)
    };
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let name = project
        .site
        .as_ref()
        .map(|s| s.site.get_ref().jurisdiction.get_ref().clone())
        .filter(|j| !j.trim().is_empty())
        .unwrap_or_else(|| {
            project
                .root
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_default()
        });
    let counts = format!(
        "{} error{}, {} warning{}",
        errors,
        plural(errors),
        warnings,
        plural(warnings)
    );
    match project.language() {
        Language::ZhCn => format!(
            "{name}: {} 个部门, 主要职责 {} 条, 具体工作事项 {} 条, 职责边界 {} 项, 事中事后监管制度 {} 项, 公共服务事项 {} 项 — {counts}",
            t.departments, t.duties, t.work_items, t.boundaries, t.supervision, t.services
        ),
        Language::En => format!(
            "{name}: {} department{}, {} main dut{}, {} work item{}, {} boundar{}, {} supervision regime{}, {} public service{} — {counts}",
            t.departments,
            plural(t.departments),
            t.duties,
            if t.duties == 1 { "y" } else { "ies" },
            t.work_items,
            plural(t.work_items),
            t.boundaries,
            if t.boundaries == 1 { "y" } else { "ies" },
            t.supervision,
            plural(t.supervision),
            t.services,
            plural(t.services)
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
