//! The diff as a terminal report, a Markdown pull-request comment, or JSON.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use super::{Diff, EntryChange, FieldChange, Problem, Status};
use crate::model::Language;

const LONG: usize = 12;

fn sign(status: Status) -> &'static str {
    match status {
        Status::Added => "+",
        Status::Removed => "-",
        Status::Changed => "~",
        Status::Renamed => "→",
    }
}

/// Colours for the terminal, or none.
struct Paint(bool);

const HEADING: Style = Style::new().bold();
const GREEN: Style = AnsiColor::Green.on_default();
const RED: Style = AnsiColor::Red.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default();

impl Paint {
    /// An entry's lines, indented, its first line coloured by its status.
    fn entry(&self, out: &mut String, c: &EntryChange, language: Language) {
        for (i, line) in entry_lines(c, language).iter().enumerate() {
            let line = if i == 0 {
                self.status(c.status, line)
            } else {
                line.clone()
            };
            let _ = writeln!(out, "  {line}");
        }
    }

    fn status(&self, status: Status, text: &str) -> String {
        let style = match status {
            Status::Added => GREEN,
            Status::Removed => RED,
            Status::Changed | Status::Renamed => YELLOW,
        };
        self.style(style, text)
    }

    fn style(&self, style: Style, text: &str) -> String {
        if self.0 {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }
}

fn value(v: &Option<String>) -> String {
    match v {
        Some(v) if v.chars().count() > 80 => {
            format!("“{}…”", v.chars().take(78).collect::<String>())
        }
        Some(v) => format!("“{v}”"),
        None => "(none)".into(),
    }
}

fn field_line(f: &FieldChange) -> String {
    format!("{}: {} → {}", f.field, value(&f.old), value(&f.new))
}

/// The entity's Chinese term after its English name, on Chinese sites.
fn term(entity: super::Entity, language: Language) -> String {
    match language {
        Language::ZhCn => format!("（{}）", entity.label()),
        Language::En => " ".into(),
    }
}

fn entry_lines(c: &EntryChange, language: Language) -> Vec<String> {
    let mut lines = vec![format!(
        "{} {} {}{}{}",
        sign(c.status),
        c.entity.name(),
        c.key,
        term(c.entity, language),
        short(&c.label)
    )];
    lines.extend(c.notes.iter().map(|n| format!("    ! {n}")));
    if c.status == Status::Changed {
        lines.extend(c.fields.iter().map(|f| format!("    {}", field_line(f))));
    }
    lines
}

fn short(label: &str) -> String {
    if label.chars().count() > 40 {
        format!("{}…", label.chars().take(39).collect::<String>())
    } else {
        label.to_string()
    }
}

fn totals_line(t: &crate::model::Totals) -> String {
    let n = |count: usize, one: &str, many: &str| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    [
        n(t.duties, "main duty", "main duties"),
        n(t.work_items, "work item", "work items"),
        n(t.boundaries, "boundary led", "boundaries led"),
        n(t.supervision, "supervision regime", "supervision regimes"),
        n(t.services, "public service", "public services"),
    ]
    .join(", ")
}

fn problem_line(p: &Problem) -> String {
    let place = match (&p.file, p.line, p.column) {
        (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c}"),
        (Some(f), _, _) => f.clone(),
        _ => String::new(),
    };
    format!("{} {place} {}", p.code, p.message)
}

/// A one-line summary: "section: 1 changed; work item: 2 added" (in Chinese on Chinese sites).
pub fn summary(diff: &Diff) -> String {
    let counts = diff.counts();
    let zh = diff.language == Language::ZhCn;
    if counts.is_empty() {
        return if zh {
            "清单内容无变化".into()
        } else {
            "no changes to the list".into()
        };
    }
    let words: [&str; 4] = if zh {
        ["新增", "删除", "修改", "改名"]
    } else {
        ["added", "removed", "changed", "renamed"]
    };
    counts
        .iter()
        .map(|(entity, numbers)| {
            let parts: Vec<String> = numbers
                .iter()
                .zip(words)
                .filter(|(n, _)| **n > 0)
                .map(|(n, word)| {
                    if zh {
                        format!("{word} {n}")
                    } else {
                        format!("{n} {word}")
                    }
                })
                .collect();
            if zh {
                format!("{}{}", entity.label(), parts.join("、"))
            } else {
                format!("{}: {}", entity.name(), parts.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join(if zh { "；" } else { "; " })
}

/// The changes as short plain lines, for the site's history page: one per changed entry, with
/// what a reader must not miss.
pub fn brief(diff: &Diff) -> Vec<String> {
    let mut out = Vec::new();
    for d in &diff.departments {
        match (d.status, &d.renamed_from) {
            (Status::Renamed, Some(from)) => out.push(format!("{}: {from} → {}", d.name, d.id)),
            (Status::Added | Status::Removed, _) => {
                out.push(format!("{} {}", sign(d.status), d.name))
            }
            _ => {}
        }
        for c in &d.changes {
            let mut details = c.notes.clone();
            // A short field change says more than the entry's name: a new phone, a new office.
            details.extend(
                c.fields
                    .iter()
                    .filter(|f| {
                        c.status == Status::Changed
                            && f.old.as_ref().is_none_or(|v| v.chars().count() <= 30)
                            && f.new.as_ref().is_none_or(|v| v.chars().count() <= 30)
                    })
                    .map(field_line),
            );
            let notes = if details.is_empty() {
                String::new()
            } else {
                format!(" — {}", details.join("; "))
            };
            out.push(format!(
                "{} {}: {}{} {}{notes}",
                sign(c.status),
                d.name,
                c.key,
                term(c.entity, diff.language),
                short(&c.label)
            ));
        }
    }
    for c in &diff.boundaries {
        let notes = if c.notes.is_empty() {
            String::new()
        } else {
            format!(" — {}", c.notes.join("; "))
        };
        out.push(format!(
            "{} {}{}{notes}",
            sign(c.status),
            short(&c.label),
            term(c.entity, diff.language).trim_end()
        ));
    }
    out
}

/// The terminal report.
pub fn human(diff: &Diff, color: bool) -> String {
    let paint = Paint(color);
    let mut out = String::new();
    if !diff.site.is_empty() {
        let _ = writeln!(out, "{}", paint.style(HEADING, "resplist.toml"));
        for f in &diff.site {
            let _ = writeln!(out, "    {}", field_line(f));
        }
        out.push('\n');
    }
    for d in &diff.departments {
        let head = match (d.status, &d.renamed_from) {
            (Status::Renamed, Some(from)) => format!(
                "→ {}（{from} → {}）renamed, same content  {}",
                d.name, d.id, d.file
            ),
            _ => format!("{} {}（{}）  {}", sign(d.status), d.name, d.id, d.file),
        };
        let _ = writeln!(out, "{}", paint.status(d.status, &head));
        if let Some(t) = &d.totals {
            let _ = writeln!(out, "    {}", totals_line(t));
        }
        for c in &d.changes {
            paint.entry(&mut out, c, diff.language);
        }
        out.push('\n');
    }
    if !diff.boundaries.is_empty() {
        let heading = match diff.language {
            Language::ZhCn => "职责边界 boundaries",
            Language::En => "boundaries",
        };
        let _ = writeln!(out, "{}", paint.style(HEADING, heading));
        for c in &diff.boundaries {
            paint.entry(&mut out, c, diff.language);
        }
        out.push('\n');
    }
    if !diff.checks.new.is_empty() || !diff.checks.fixed.is_empty() {
        let _ = writeln!(out, "{}", paint.style(HEADING, "checks"));
        for p in &diff.checks.new {
            let _ = writeln!(
                out,
                "  {}",
                paint.style(RED, &format!("now failing: {}", problem_line(p)))
            );
        }
        for p in &diff.checks.fixed {
            let _ = writeln!(
                out,
                "  {}",
                paint.style(GREEN, &format!("now passing: {}", problem_line(p)))
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", summary(diff));
    out
}

fn md(text: &str) -> String {
    text.replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('\n', " ")
}

/// A pull-request comment: a table of counts, then the details per department, collapsed when
/// long.
pub fn markdown(diff: &Diff, title: &str) -> String {
    let mut out = format!("### {title}\n\n");
    counts_table(&mut out, diff);
    if !diff.site.is_empty() {
        out.push_str("#### resplist.toml\n\n");
        for f in &diff.site {
            let _ = writeln!(out, "- {}", md(&field_line(f)));
        }
        out.push('\n');
    }
    for d in &diff.departments {
        let heading = match (d.status, &d.renamed_from) {
            (Status::Renamed, Some(from)) => format!(
                "#### → {}（`{from}` renamed to `{}`, same content）",
                md(&d.name),
                d.id
            ),
            (Status::Added, _) => format!("#### + {}（`{}`）added", md(&d.name), d.id),
            (Status::Removed, _) => format!("#### − {}（`{}`）removed", md(&d.name), d.id),
            _ => format!("#### {}（`{}`）", md(&d.name), d.id),
        };
        let mut lines: Vec<String> = d
            .totals
            .iter()
            .map(|t| format!("- {}", totals_line(t)))
            .collect();
        lines.extend(d.changes.iter().flat_map(markdown_entry));
        markdown_section(&mut out, &heading, &lines);
    }
    if !diff.boundaries.is_empty() {
        let heading = match diff.language {
            Language::ZhCn => "#### 职责边界 boundaries",
            Language::En => "#### boundaries",
        };
        let lines: Vec<String> = diff.boundaries.iter().flat_map(markdown_entry).collect();
        markdown_section(&mut out, heading, &lines);
    }
    if !diff.checks.new.is_empty() || !diff.checks.fixed.is_empty() {
        let mut lines: Vec<String> = diff
            .checks
            .new
            .iter()
            .map(|p| format!("- ❌ now failing: {}", md(&problem_line(p))))
            .collect();
        lines.extend(
            diff.checks
                .fixed
                .iter()
                .map(|p| format!("- ✅ now passing: {}", md(&problem_line(p)))),
        );
        markdown_section(&mut out, "#### checks", &lines);
    }
    out
}

/// The table of added, removed, changed and renamed entries per kind.
fn counts_table(out: &mut String, diff: &Diff) {
    let counts = diff.counts();
    if counts.is_empty() {
        out.push_str("No changes to the list.\n");
        return;
    }
    out.push_str("| | added | removed | changed | renamed |\n|---|---:|---:|---:|---:|\n");
    for (entity, [a, r, c, n]) in &counts {
        let term = term(*entity, diff.language);
        let _ = writeln!(
            out,
            "| {}{} | {a} | {r} | {c} | {n} |",
            entity.name(),
            term.trim_end()
        );
    }
    out.push('\n');
}

/// A heading and its lines, folded into `<details>` when there are many.
fn markdown_section(out: &mut String, heading: &str, lines: &[String]) {
    if lines.len() > LONG {
        let _ = writeln!(
            out,
            "<details><summary>{} — {} lines</summary>\n",
            md(&heading.replace("#### ", "")),
            lines.len()
        );
        for l in lines {
            let _ = writeln!(out, "{l}");
        }
        out.push_str("\n</details>\n\n");
    } else {
        let _ = writeln!(out, "{heading}\n");
        for l in lines {
            let _ = writeln!(out, "{l}");
        }
        out.push('\n');
    }
}

fn markdown_entry(c: &EntryChange) -> Vec<String> {
    let verb = match c.status {
        Status::Added => "**added**",
        Status::Removed => "**removed**",
        Status::Changed | Status::Renamed => "changed",
    };
    let mut lines = vec![format!(
        "- {} `{}` {} — {}",
        c.entity.name(),
        c.key,
        md(&short(&c.label)),
        verb
    )];
    lines.extend(c.notes.iter().map(|n| format!("  - ⚠️ {}", md(n))));
    if c.status == Status::Changed {
        lines.extend(
            c.fields
                .iter()
                .map(|f| format!("  - {}", md(&field_line(f)))),
        );
    }
    lines
}

pub fn json(diff: &Diff) -> String {
    serde_json::to_string_pretty(diff).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::{DepartmentDiff, Diff, Entity, EntryChange, FieldChange, Status};
    use super::markdown;

    #[test]
    fn long_sections_collapse_in_markdown() {
        let change = |n: usize| EntryChange {
            entity: Entity::of::<crate::model::WorkItem>(),
            status: Status::Changed,
            key: format!("d01 #{n}"),
            label: "查处偷排污水".into(),
            fields: vec![FieldChange {
                field: "section".into(),
                old: Some("a".into()),
                new: Some("b".into()),
            }],
            notes: vec![],
        };
        let department = |changes: Vec<EntryChange>| DepartmentDiff {
            id: "huanbao".into(),
            name: "环保局".into(),
            status: Status::Changed,
            renamed_from: None,
            totals: None,
            file: "departments/huanbao.toml".into(),
            changes,
        };
        let long = Diff {
            departments: vec![department((1..=10).map(change).collect())],
            ..Diff::default()
        };
        assert!(
            markdown(&long, "t")
                .contains("<details><summary>环保局（`huanbao`） — 20 lines</summary>"),
            "{}",
            markdown(&long, "t")
        );
        let short = Diff {
            departments: vec![department(vec![change(1)])],
            ..Diff::default()
        };
        assert!(!markdown(&short, "t").contains("<details>"));
    }
}

#[cfg(test)]
mod commonmark {
    /// The comment renders as intended on GitHub and GitLab (CommonMark): notes and field changes
    /// nest under their entry.
    #[test]
    fn nested_lists_render_nested() {
        let text =
            "- power `x` 临时用地审批 — changed\n  - ⚠️ 保留 → 委托下放\n  - status: a → b\n";
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(text));
        assert!(
            html.contains(
                "<li>power <code>x</code> 临时用地审批 — changed\n<ul>\n<li>⚠️ 保留 → 委托下放</li>"
            ),
            "{html}"
        );
    }
}
