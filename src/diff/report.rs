//! The diff as a terminal report, a Markdown pull-request comment, or JSON.

use std::fmt::Write as _;

use super::{Diff, EntryChange, FieldChange, Problem, Status};

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

impl Paint {
    fn status(&self, status: Status, text: &str) -> String {
        let code = match status {
            Status::Added => "32",
            Status::Removed => "31",
            Status::Changed | Status::Renamed => "33",
        };
        self.code(code, text)
    }

    fn code(&self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
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

fn entry_lines(c: &EntryChange) -> Vec<String> {
    let mut lines = vec![format!(
        "{} {} {}（{}）{}",
        sign(c.status),
        c.entity.name(),
        c.key,
        c.entity.label(),
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

fn problem_line(p: &Problem) -> String {
    let place = match (&p.file, p.line, p.column) {
        (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c}"),
        (Some(f), _, _) => f.clone(),
        _ => String::new(),
    };
    format!("{} {place} {}", p.code, p.message)
}

/// A one-line summary: "3 changed, 1 added …".
pub fn summary(diff: &Diff) -> String {
    let counts = diff.counts();
    if counts.is_empty() {
        return "no changes to the list".into();
    }
    counts
        .iter()
        .map(|(entity, [added, removed, changed, renamed])| {
            let mut parts = Vec::new();
            for (n, word) in [
                (*added, "added"),
                (*removed, "removed"),
                (*changed, "changed"),
                (*renamed, "renamed"),
            ] {
                if n > 0 {
                    parts.push(format!("{n} {word}"));
                }
            }
            format!("{}: {}", entity.name(), parts.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The terminal report.
pub fn human(diff: &Diff, color: bool) -> String {
    let paint = Paint(color);
    let mut out = String::new();
    if !diff.site.is_empty() {
        let _ = writeln!(out, "{}", paint.code("1", "resplist.toml"));
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
        for c in &d.changes {
            for (i, line) in entry_lines(c).iter().enumerate() {
                let line = if i == 0 {
                    paint.status(c.status, line)
                } else {
                    line.clone()
                };
                let _ = writeln!(out, "  {line}");
            }
        }
        out.push('\n');
    }
    if !diff.boundaries.is_empty() {
        let _ = writeln!(out, "{}", paint.code("1", "职责边界 boundaries"));
        for c in &diff.boundaries {
            for (i, line) in entry_lines(c).iter().enumerate() {
                let line = if i == 0 {
                    paint.status(c.status, line)
                } else {
                    line.clone()
                };
                let _ = writeln!(out, "  {line}");
            }
        }
        out.push('\n');
    }
    if !diff.checks.new.is_empty() || !diff.checks.fixed.is_empty() {
        let _ = writeln!(out, "{}", paint.code("1", "checks"));
        for p in &diff.checks.new {
            let _ = writeln!(
                out,
                "  {}",
                paint.code("31", &format!("now failing: {}", problem_line(p)))
            );
        }
        for p in &diff.checks.fixed {
            let _ = writeln!(
                out,
                "  {}",
                paint.code("32", &format!("now passing: {}", problem_line(p)))
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
    let counts = diff.counts();
    if counts.is_empty() {
        out.push_str("No changes to the list.\n");
    } else {
        out.push_str("| | added | removed | changed | renamed |\n|---|---:|---:|---:|---:|\n");
        for (entity, [a, r, c, n]) in &counts {
            let _ = writeln!(
                out,
                "| {}（{}） | {a} | {r} | {c} | {n} |",
                entity.name(),
                entity.label()
            );
        }
        out.push('\n');
    }
    if !diff.site.is_empty() {
        out.push_str("#### resplist.toml\n\n");
        for f in &diff.site {
            let _ = writeln!(out, "- {}", md(&field_line(f)));
        }
        out.push('\n');
    }
    let section = |out: &mut String, heading: String, lines: Vec<String>| {
        if lines.len() > LONG {
            let _ = writeln!(
                out,
                "<details><summary>{} — {} lines</summary>\n",
                md(&heading.replace("#### ", "")),
                lines.len()
            );
            for l in &lines {
                let _ = writeln!(out, "{l}");
            }
            out.push_str("\n</details>\n\n");
        } else {
            let _ = writeln!(out, "{heading}\n");
            for l in &lines {
                let _ = writeln!(out, "{l}");
            }
            out.push('\n');
        }
    };
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
        let lines = d.changes.iter().flat_map(markdown_entry).collect();
        section(&mut out, heading, lines);
    }
    if !diff.boundaries.is_empty() {
        section(
            &mut out,
            "#### 职责边界 boundaries".into(),
            diff.boundaries.iter().flat_map(markdown_entry).collect(),
        );
    }
    if !diff.checks.new.is_empty() || !diff.checks.fixed.is_empty() {
        let mut lines: Vec<String> = diff
            .checks
            .new
            .iter()
            .map(|p| format!("- ❌ now failing: `{}` {}", p.code, md(&problem_line(p))))
            .collect();
        lines.extend(
            diff.checks
                .fixed
                .iter()
                .map(|p| format!("- ✅ now passing: `{}` {}", p.code, md(&problem_line(p)))),
        );
        section(&mut out, "#### checks".into(), lines);
    }
    out
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
