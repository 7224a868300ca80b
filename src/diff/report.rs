//! The diff as a terminal report, a Markdown pull-request comment, JSON, or the lines of the
//! site's history page. Every word is the report's language's (`Diff::language`); entries are
//! named by what a reviewer recognises — a section by its name, a work item by its duty's title
//! and its own text — never by an internal id. JSON keeps its stable English keys and the ids.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use super::{Diff, Entity, EntryChange, FieldChange, Problem, Status};
use crate::i18n::{Arg, Message};
use crate::model::{Boundary, Language, Site};
use crate::msg;

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

/// The words of one report.
struct Words(Language);

impl Words {
    fn say(&self, message: &Message) -> String {
        message.text(self.0)
    }

    /// The separator of the items of a list on one line.
    fn and(&self) -> &'static str {
        match self.0 {
            Language::ZhCn => "；",
            Language::En => "; ",
        }
    }

    fn value(&self, v: &Option<String>) -> String {
        match v {
            Some(v) if v.chars().count() > 80 => {
                format!("“{}…”", v.chars().take(78).collect::<String>())
            }
            Some(v) => format!("“{v}”"),
            None => self.say(&msg!("diff-none")),
        }
    }

    fn field_line(&self, entity: Entity, f: &FieldChange) -> String {
        self.say(&msg!(
            "diff-field",
            field = field_label(entity, &f.field),
            old = self.value(&f.old),
            new = self.value(&f.new)
        ))
    }

    /// An entry as a reviewer knows it: `科室“办公室”`, `主要职责“负责…”的具体工作事项“查处…”`.
    fn entry_name(&self, c: &EntryChange) -> String {
        let label = short(&c.label);
        self.say(&match &c.within {
            Some(within) => msg!(
                "diff-entry-within",
                what = what(c.entity),
                label = label,
                parent = what(within.entity),
                parent_title = short(&within.title)
            ),
            None => msg!("diff-entry", what = what(c.entity), label = label),
        })
    }

    /// An entry's lines: its name, then what must not be missed, then its changed fields.
    fn entry_lines(&self, c: &EntryChange) -> Vec<String> {
        let mut lines = vec![format!("{} {}", sign(c.status), self.entry_name(c))];
        lines.extend(c.notes.iter().map(|n| format!("    ! {}", self.say(n))));
        if c.status == Status::Changed {
            lines.extend(
                c.fields
                    .iter()
                    .map(|f| format!("    {}", self.field_line(c.entity, f))),
            );
        }
        lines
    }

    fn totals(&self, t: &crate::model::Totals) -> String {
        self.say(&msg!(
            "diff-totals",
            duties = t.duties,
            items = t.work_items,
            boundaries = t.boundaries,
            supervision = t.supervision,
            services = t.services
        ))
    }

    fn problem(&self, p: &Problem) -> String {
        let place = match (&p.file, p.line, p.column) {
            (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c}"),
            (Some(f), _, _) => f.clone(),
            _ => String::new(),
        };
        format!("{} {place} {}", p.code, p.message)
    }
}

/// What a kind of entry is called, in either language.
fn what(entity: Entity) -> Arg {
    Arg::Words {
        zh: entity.label().to_string(),
        en: entity.name().to_string(),
    }
}

/// A field as a reviewer calls it: its Chinese label (`电话`), or its key in English (`phone`);
/// a field of a nested table by its own label (`case.title` is `案例名称`).
pub(crate) fn field_label(entity: Entity, key: &str) -> Arg {
    if key == "lead" && entity == Entity::of::<Boundary>() {
        return msg!("diff-field-lead").into();
    }
    let (path, last) = match key.rsplit_once('.') {
        Some((path, last)) => (path.split('.').collect::<Vec<_>>(), last),
        None => (Vec::new(), key),
    };
    let zh = entity
        .0
        .at(path)
        .and_then(|e| e.field(last))
        .map_or(key, |f| f.zh);
    Arg::Words {
        zh: zh.to_string(),
        en: key.to_string(),
    }
}

fn short(label: &str) -> String {
    if label.chars().count() > 40 {
        format!("{}…", label.chars().take(39).collect::<String>())
    } else {
        label.to_string()
    }
}

/// A one-line summary: "科室修改 1；具体工作事项新增 2", "section: 1 changed; work item: 2 added".
pub fn summary(diff: &Diff) -> String {
    let words = Words(diff.language);
    let counts = diff.counts();
    if counts.is_empty() {
        return words.say(&msg!("diff-no-changes"));
    }
    let ids = [
        "diff-count-added",
        "diff-count-removed",
        "diff-count-changed",
        "diff-count-renamed",
    ];
    counts
        .iter()
        .map(|(entity, numbers)| {
            let parts: Vec<String> = numbers
                .iter()
                .zip(ids)
                .filter(|(n, _)| **n > 0)
                .map(|(n, id)| words.say(&Message::new(id).arg("n", *n)))
                .collect();
            let parts = parts.join(&words.say(&msg!("diff-count-join")));
            words.say(&msg!("diff-count", what = what(*entity), counts = parts))
        })
        .collect::<Vec<_>>()
        .join(words.and())
}

/// The changes as short plain lines, for the site's history page: one per changed entry, with
/// what a reader must not miss, in the site's language, in words rather than signs, without ids.
pub fn brief(diff: &Diff) -> Vec<String> {
    let words = Words(diff.language);
    let mut out = Vec::new();
    for d in &diff.departments {
        // A department renamed with the same content changes nothing a reader sees.
        match d.status {
            Status::Added => {
                out.push(words.say(&msg!("diff-brief-added-department", name = &d.name)))
            }
            Status::Removed => {
                out.push(words.say(&msg!("diff-brief-removed-department", name = &d.name)))
            }
            Status::Changed | Status::Renamed => {}
        }
        for c in &d.changes {
            let mut details: Vec<String> = c.notes.iter().map(|n| words.say(n)).collect();
            // A short field change says more than the entry's name: a new phone, a new office.
            details.extend(
                c.fields
                    .iter()
                    .filter(|f| {
                        c.status == Status::Changed
                            && f.old.as_ref().is_none_or(|v| v.chars().count() <= 30)
                            && f.new.as_ref().is_none_or(|v| v.chars().count() <= 30)
                    })
                    .map(|f| words.field_line(c.entity, f)),
            );
            let line = msg!(
                "diff-brief-entry",
                department = &d.name,
                verb = verb(c.status),
                entry = words.entry_name(c)
            );
            out.push(with_details(&words, &words.say(&line), &details));
        }
    }
    for c in &diff.boundaries {
        let details: Vec<String> = c.notes.iter().map(|n| words.say(n)).collect();
        let line = msg!(
            "diff-brief-boundary",
            verb = verb(c.status),
            entry = words.entry_name(c)
        );
        out.push(with_details(&words, &words.say(&line), &details));
    }
    out
}

/// What happened to an entry, in a word.
fn verb(status: Status) -> Message {
    match status {
        Status::Added => msg!("diff-brief-added"),
        Status::Removed => msg!("diff-brief-removed"),
        Status::Changed | Status::Renamed => msg!("diff-brief-changed"),
    }
}

fn with_details(words: &Words, line: &str, details: &[String]) -> String {
    if details.is_empty() {
        line.to_string()
    } else {
        words.say(&msg!(
            "diff-brief",
            entry = line,
            details = details.join(words.and())
        ))
    }
}

/// The terminal report.
pub fn human(diff: &Diff, color: bool) -> String {
    let words = Words(diff.language);
    let paint = Paint(color);
    let mut out = String::new();
    let site = Entity::of::<Site>();
    if !diff.site.is_empty() {
        let heading = words.say(&msg!("diff-site"));
        let _ = writeln!(out, "{}", paint.style(HEADING, &heading));
        for f in &diff.site {
            let _ = writeln!(out, "    {}", words.field_line(site, f));
        }
        out.push('\n');
    }
    for d in &diff.departments {
        let head = match (d.status, &d.renamed_from) {
            (Status::Renamed, Some(from)) => words.say(&msg!(
                "diff-department-renamed",
                name = &d.name,
                from = from,
                file = &d.file
            )),
            _ => format!("{} {}  {}", sign(d.status), d.name, d.file),
        };
        let _ = writeln!(out, "{}", paint.status(d.status, &head));
        if let Some(t) = &d.totals {
            let _ = writeln!(out, "    {}", words.totals(t));
        }
        for c in &d.changes {
            entry(&mut out, &paint, &words, c);
        }
        out.push('\n');
    }
    if !diff.boundaries.is_empty() {
        let heading = words.say(&msg!("diff-boundaries"));
        let _ = writeln!(out, "{}", paint.style(HEADING, &heading));
        for c in &diff.boundaries {
            entry(&mut out, &paint, &words, c);
        }
        out.push('\n');
    }
    if !diff.checks.new.is_empty() || !diff.checks.fixed.is_empty() {
        let heading = words.say(&msg!("diff-checks"));
        let _ = writeln!(out, "{}", paint.style(HEADING, &heading));
        for (problems, id, style) in [
            (&diff.checks.new, "diff-now-failing", RED),
            (&diff.checks.fixed, "diff-now-passing", GREEN),
        ] {
            for p in problems {
                let line = words.say(&Message::new(id).arg("problem", words.problem(p)));
                let _ = writeln!(out, "  {}", paint.style(style, &line));
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", summary(diff));
    out
}

/// An entry's lines, indented, its first line coloured by its status.
fn entry(out: &mut String, paint: &Paint, words: &Words, c: &EntryChange) {
    for (i, line) in words.entry_lines(c).iter().enumerate() {
        let line = if i == 0 {
            paint.status(c.status, line)
        } else {
            line.clone()
        };
        let _ = writeln!(out, "  {line}");
    }
}

fn md(text: &str) -> String {
    text.replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('\n', " ")
}

/// A pull-request comment: a table of counts, then the details per department, collapsed when
/// long.
pub fn markdown(diff: &Diff, title: &str) -> String {
    let words = Words(diff.language);
    let mut out = format!("### {title}\n\n");
    counts_table(&mut out, diff, &words);
    let site = Entity::of::<Site>();
    if !diff.site.is_empty() {
        let _ = writeln!(out, "#### {}\n", md(&words.say(&msg!("diff-site"))));
        for f in &diff.site {
            let _ = writeln!(out, "- {}", md(&words.field_line(site, f)));
        }
        out.push('\n');
    }
    for d in &diff.departments {
        let heading = match (d.status, &d.renamed_from) {
            (Status::Renamed, Some(from)) => msg!(
                "diff-department-renamed",
                name = &d.name,
                from = from,
                file = &d.file
            ),
            (Status::Added, _) => msg!("diff-md-department-added", name = &d.name),
            (Status::Removed, _) => msg!("diff-md-department-removed", name = &d.name),
            _ => msg!("diff-md-department", name = &d.name),
        };
        let heading = format!("#### {}", md(&words.say(&heading)));
        let mut lines: Vec<String> = d
            .totals
            .iter()
            .map(|t| format!("- {}", words.totals(t)))
            .collect();
        lines.extend(d.changes.iter().flat_map(|c| markdown_entry(&words, c)));
        markdown_section(&mut out, &words, &heading, &lines);
    }
    if !diff.boundaries.is_empty() {
        let heading = format!("#### {}", words.say(&msg!("diff-boundaries")));
        let lines: Vec<String> = diff
            .boundaries
            .iter()
            .flat_map(|c| markdown_entry(&words, c))
            .collect();
        markdown_section(&mut out, &words, &heading, &lines);
    }
    if !diff.checks.new.is_empty() || !diff.checks.fixed.is_empty() {
        let mut lines = Vec::new();
        for (problems, mark, id) in [
            (&diff.checks.new, "❌", "diff-now-failing"),
            (&diff.checks.fixed, "✅", "diff-now-passing"),
        ] {
            lines.extend(problems.iter().map(|p| {
                let line = words.say(&Message::new(id).arg("problem", words.problem(p)));
                format!("- {mark} {}", md(&line))
            }));
        }
        let heading = format!("#### {}", words.say(&msg!("diff-checks")));
        markdown_section(&mut out, &words, &heading, &lines);
    }
    out
}

/// The table of added, removed, changed and renamed entries per kind.
fn counts_table(out: &mut String, diff: &Diff, words: &Words) {
    let counts = diff.counts();
    if counts.is_empty() {
        let _ = writeln!(out, "{}", words.say(&msg!("diff-no-changes")));
        return;
    }
    let _ = writeln!(out, "{}", words.say(&msg!("diff-table-head")));
    out.push_str("|---|---:|---:|---:|---:|\n");
    for (entity, [a, r, c, n]) in &counts {
        let name = words.say(&msg!("diff-kind", what = what(*entity)));
        let _ = writeln!(out, "| {name} | {a} | {r} | {c} | {n} |");
    }
    out.push('\n');
}

/// A heading and its lines, folded into `<details>` when there are many.
fn markdown_section(out: &mut String, words: &Words, heading: &str, lines: &[String]) {
    if lines.len() > LONG {
        let summary = words.say(&msg!(
            "diff-lines",
            heading = heading.trim_start_matches("#### "),
            n = lines.len()
        ));
        let _ = writeln!(out, "<details><summary>{}</summary>\n", md(&summary));
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

fn markdown_entry(words: &Words, c: &EntryChange) -> Vec<String> {
    let verb = match c.status {
        Status::Added => msg!("diff-verb-added"),
        Status::Removed => msg!("diff-verb-removed"),
        Status::Changed | Status::Renamed => msg!("diff-verb-changed"),
    };
    let mut lines = vec![format!(
        "- {} — {}",
        md(&words.entry_name(c)),
        words.say(&verb)
    )];
    lines.extend(
        c.notes
            .iter()
            .map(|n| format!("  - ⚠️ {}", md(&words.say(n)))),
    );
    if c.status == Status::Changed {
        lines.extend(
            c.fields
                .iter()
                .map(|f| format!("  - {}", md(&words.field_line(c.entity, f)))),
        );
    }
    lines
}

/// The diff as data: stable English keys, ids kept, notes put into the report's language.
pub fn json(diff: &Diff) -> String {
    let Ok(mut value) = serde_json::to_value(diff) else {
        return String::new();
    };
    let notes = |c: &EntryChange| -> serde_json::Value {
        c.notes.iter().map(|n| n.text(diff.language)).collect()
    };
    let departments = value.get_mut("departments").and_then(|d| d.as_array_mut());
    for (d, json) in diff
        .departments
        .iter()
        .zip(departments.into_iter().flatten())
    {
        let changes = json.get_mut("changes").and_then(|c| c.as_array_mut());
        for (c, json) in d.changes.iter().zip(changes.into_iter().flatten()) {
            json["notes"] = notes(c);
        }
    }
    let boundaries = value.get_mut("boundaries").and_then(|b| b.as_array_mut());
    for (c, json) in diff.boundaries.iter().zip(boundaries.into_iter().flatten()) {
        json["notes"] = notes(c);
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::{DepartmentDiff, Diff, Entity, EntryChange, FieldChange, Status, Within};
    use super::{brief, markdown};
    use crate::model::Language;

    fn item_change(n: usize) -> EntryChange {
        EntryChange {
            entity: Entity::of::<crate::model::WorkItem>(),
            status: Status::Changed,
            key: format!("d01 #{n}"),
            label: "查处偷排污水".into(),
            within: Some(Within {
                entity: Entity::of::<crate::model::Duty>(),
                title: "负责水污染防治".into(),
            }),
            fields: vec![FieldChange {
                field: "section".into(),
                old: Some("污染防治科".into()),
                new: Some("环境监察大队".into()),
            }],
            notes: vec![],
        }
    }

    fn department(changes: Vec<EntryChange>) -> DepartmentDiff {
        DepartmentDiff {
            id: "huanbao".into(),
            name: "环保局".into(),
            status: Status::Changed,
            renamed_from: None,
            totals: None,
            file: "departments/huanbao.toml".into(),
            changes,
        }
    }

    #[test]
    fn long_sections_collapse_in_markdown() {
        let long = Diff {
            departments: vec![department((1..=10).map(item_change).collect())],
            ..Diff::default()
        };
        let text = markdown(&long, "t");
        assert!(
            text.contains("<details><summary>环保局 — 20 行</summary>"),
            "{text}"
        );
        let short = Diff {
            departments: vec![department(vec![item_change(1)])],
            ..Diff::default()
        };
        assert!(!markdown(&short, "t").contains("<details>"));
    }

    #[test]
    fn entries_are_named_by_their_text_and_their_duty_not_by_ids() {
        let diff = Diff {
            departments: vec![department(vec![item_change(2)])],
            ..Diff::default()
        };
        let zh = brief(&diff);
        assert_eq!(
            zh,
            [
                "环保局：修改主要职责“负责水污染防治”的具体工作事项“查处偷排污水” — 责任科室：“污染防治科” → “环境监察大队”"
            ]
        );
        let en = brief(&Diff {
            language: Language::En,
            ..diff
        });
        assert_eq!(
            en,
            [
                "环保局: changed work item “查处偷排污水” of duty “负责水污染防治” — section: “污染防治科” → “环境监察大队”"
            ]
        );
    }
}

#[cfg(test)]
mod commonmark {
    /// The comment renders as intended on GitHub and GitLab (CommonMark): notes and field changes
    /// nest under their entry.
    #[test]
    fn nested_lists_render_nested() {
        let text = "- 权力事项“临时用地审批” — 修改\n  - ⚠️ 保留 → 委托下放\n  - 权力状态：“保留” → “委托下放”\n";
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(text));
        assert!(
            html.contains("<li>权力事项“临时用地审批” — 修改\n<ul>\n<li>⚠️ 保留 → 委托下放</li>"),
            "{html}"
        );
    }
}
