//! The print edition, streamed: `print.html` holds the whole list, and when the list is longer
//! than one county's (more than `VOLUME` departments) `print/volume-NN.html` splits it into
//! volumes a print shop can handle. Each department and each group of the closing chapters is
//! rendered once, in parallel, and written in order, so no whole document is ever held in memory.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, Write};

use anyhow::Context as _;
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::pages::Renderer;
use super::views::{BoundaryView, DepartmentView, Group, RegimeView, ServiceView};

/// Departments per volume: about one county's list.
const VOLUME: usize = 40;

#[derive(Serialize)]
struct TocEntry<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize, Default)]
struct Parts {
    boundaries: bool,
    supervision: bool,
    services: bool,
}

/// A volume's link and label, for the home page.
#[derive(Debug, Clone, Serialize)]
pub struct Volume {
    pub url: String,
    pub label: String,
}

/// The volumes the print edition is split into (none for a list of one county's size).
pub(super) fn volumes(
    departments: &[DepartmentView],
    words: &std::collections::BTreeMap<String, String>,
) -> Vec<Volume> {
    if departments.len() <= VOLUME {
        return Vec::new();
    }
    let total = departments.len().div_ceil(VOLUME);
    departments
        .chunks(VOLUME)
        .enumerate()
        .map(|(v, members)| {
            let n = words.get("volume").map_or_else(
                || format!("{}/{total}", v + 1),
                |w| {
                    w.replace("{n}", &(v + 1).to_string())
                        .replace("{total}", &total.to_string())
                },
            );
            let (first, last) = (&members[0].link.name, &members[members.len() - 1].link.name);
            Volume {
                url: format!("print/volume-{:02}.html", v + 1),
                label: format!("{n}：{first} — {last}"),
            }
        })
        .collect()
}

pub(super) fn render(
    r: &Renderer<'_>,
    volumes: &[Volume],
    departments: &[DepartmentView],
    boundaries: &[&BoundaryView],
    regimes: &[Group<&RegimeView>],
    services: &[Group<&ServiceView>],
) -> anyhow::Result<()> {
    let all: Vec<&DepartmentView> = departments.iter().collect();
    let mut whole = Document::open(
        r,
        "print.html",
        0,
        None,
        &all,
        parts(boundaries, regimes, services),
    )?;
    // A volume's departments at a time: rendered in parallel, written to the whole edition and
    // to their volume, then dropped, so memory holds one volume's pages, not the province's.
    let batch = if volumes.is_empty() {
        departments.len().max(1)
    } else {
        VOLUME
    };
    for (v, members) in departments.chunks(batch).enumerate() {
        let chunks: Vec<String> = members
            .par_iter()
            .map(|d| {
                let mut cx = Context::new();
                cx.insert("department", d);
                r.fragment("print_department.html", 0, cx)
            })
            .collect::<anyhow::Result<_>>()?;
        for chunk in &chunks {
            whole.push(chunk)?;
        }
        if let Some(volume) = volumes.get(v) {
            volume_document(r, volume, members, &chunks, boundaries, regimes, services)?;
        }
    }
    whole.close(&chapters(r, 0, boundaries, regimes, services)?)
}

/// One volume: its departments' pages, the boundaries they take part in, their regimes and
/// services; departments of other volumes are named, not linked.
fn volume_document(
    r: &Renderer<'_>,
    volume: &Volume,
    members: &[DepartmentView],
    chunks: &[String],
    boundaries: &[&BoundaryView],
    regimes: &[Group<&RegimeView>],
    services: &[Group<&ServiceView>],
) -> anyhow::Result<()> {
    let present: HashSet<&str> = members.iter().map(|d| d.link.id.as_str()).collect();
    let mine: Vec<&BoundaryView> = boundaries
        .iter()
        .copied()
        .filter(|b| {
            present.contains(b.lead.id.as_str())
                || b.partners
                    .iter()
                    .any(|p| present.contains(p.department.id.as_str()))
        })
        .collect();
    let regimes = subset(regimes, |e| present.contains(e.department.id.as_str()));
    let services = subset(services, |e| present.contains(e.department.id.as_str()));
    let closing: Vec<String> = chapters(r, 1, &mine, &regimes, &services)?
        .iter()
        .map(|part| unlink_absent(part, &present))
        .collect();
    let toc: Vec<&DepartmentView> = members.iter().collect();
    let mut doc = Document::open(
        r,
        &volume.url,
        1,
        Some(&volume.label),
        &toc,
        parts(&mine, &regimes, &services),
    )?;
    for chunk in chunks {
        doc.push(chunk)?;
    }
    doc.close(&closing)
}

fn parts<B, R, S>(boundaries: &[B], regimes: &[Group<R>], services: &[Group<S>]) -> Parts {
    Parts {
        boundaries: !boundaries.is_empty(),
        supervision: !regimes.is_empty(),
        services: !services.is_empty(),
    }
}

fn subset<T: Clone>(groups: &[Group<T>], keep: impl Fn(&T) -> bool) -> Vec<Group<T>> {
    groups
        .iter()
        .map(|g| Group {
            key: g.key.clone(),
            title: g.title.clone(),
            entries: g.entries.iter().filter(|e| keep(e)).cloned().collect(),
        })
        .filter(|g| !g.entries.is_empty())
        .collect()
}

/// The closing chapters, one rendered group at a time (in parallel): the boundaries, then the
/// regimes by category, then the services by category.
fn chapters(
    r: &Renderer<'_>,
    depth: usize,
    boundaries: &[&BoundaryView],
    regimes: &[Group<&RegimeView>],
    services: &[Group<&ServiceView>],
) -> anyhow::Result<Vec<String>> {
    let mut jobs: Vec<Context> = Vec::new();
    if !boundaries.is_empty() {
        let mut cx = Context::new();
        cx.insert("part", "boundaries");
        cx.insert("entries", boundaries);
        cx.insert("first", &true);
        cx.insert("last", &true);
        jobs.push(cx);
    }
    for (part, groups) in [
        (
            "supervision",
            regimes
                .iter()
                .map(|g| (g.title.as_str(), serde_json::to_value(&g.entries)))
                .collect::<Vec<_>>(),
        ),
        (
            "services",
            services
                .iter()
                .map(|g| (g.title.as_str(), serde_json::to_value(&g.entries)))
                .collect(),
        ),
    ] {
        let count = groups.len();
        for (i, (title, entries)) in groups.into_iter().enumerate() {
            let mut cx = Context::new();
            cx.insert("part", part);
            cx.insert("title", title);
            cx.insert("entries", &entries?);
            cx.insert("first", &(i == 0));
            cx.insert("last", &(i + 1 == count));
            jobs.push(cx);
        }
    }
    jobs.into_par_iter()
        .map(|cx| r.fragment("print_group.html", depth, cx))
        .collect()
}

/// A print document being written through a buffer: start, department pages, chapters, end.
struct Document<'r, 'a> {
    r: &'r Renderer<'a>,
    path: String,
    depth: usize,
    w: BufWriter<File>,
    bytes: u64,
}

impl<'r, 'a> Document<'r, 'a> {
    fn open(
        r: &'r Renderer<'a>,
        path: &str,
        depth: usize,
        volume: Option<&str>,
        departments: &[&DepartmentView],
        parts: Parts,
    ) -> anyhow::Result<Self> {
        let toc: Vec<TocEntry> = departments
            .iter()
            .map(|d| TocEntry {
                id: &d.link.id,
                name: &d.link.name,
            })
            .collect();
        let mut cx = Context::new();
        cx.insert("departments", &toc);
        cx.insert("parts", &parts);
        cx.insert("volume", &volume);
        if let Some(base) = &r.base_url {
            cx.insert("canonical", &format!("{base}{path}"));
        }
        let start = r.fragment("print_start.html", depth, cx)?;
        let full = r.out.path(path)?;
        let file =
            File::create(&full).with_context(|| format!("cannot write `{}`", full.display()))?;
        let mut doc = Document {
            r,
            path: path.to_string(),
            depth,
            w: BufWriter::with_capacity(1 << 20, file),
            bytes: 0,
        };
        doc.push(&start)?;
        Ok(doc)
    }

    fn push(&mut self, piece: &str) -> anyhow::Result<()> {
        self.bytes += piece.len() as u64;
        self.w
            .write_all(piece.as_bytes())
            .with_context(|| format!("cannot write `{}`", self.path))
    }

    fn close(mut self, chapters: &[String]) -> anyhow::Result<()> {
        for part in chapters {
            self.push(part)?;
        }
        let end = self
            .r
            .fragment("print_end.html", self.depth, Context::new())?;
        self.push(&end)?;
        self.w
            .flush()
            .with_context(|| format!("cannot write `{}`", self.path))?;
        self.r.out.count(&self.path, self.bytes);
        Ok(())
    }
}

/// Turns `<a href="#dep-X">name</a>` into `name` for every X not in `present`.
fn unlink_absent(html: &str, present: &HashSet<&str>) -> String {
    const OPEN: &str = "<a href=\"#dep-";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len()..];
        let id = after.split('"').next().unwrap_or("");
        let tag_end = after.find('>').map(|i| at + OPEN.len() + i + 1);
        let close = tag_end.and_then(|t| rest[t..].find("</a>").map(|c| (t, t + c)));
        match close {
            Some((text_start, text_end)) if !present.contains(id) => {
                out.push_str(&rest[text_start..text_end]);
                rest = &rest[text_end + "</a>".len()..];
            }
            _ => {
                out.push_str(OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_absent_departments_become_text() {
        let present: HashSet<&str> = ["a"].into_iter().collect();
        let html = r##"<p><a href="#dep-a">甲局</a> 与 <a href="#dep-b">乙局</a>；<a href="#boundary-x">边界</a></p>"##;
        assert_eq!(
            unlink_absent(html, &present),
            r##"<p><a href="#dep-a">甲局</a> 与 乙局；<a href="#boundary-x">边界</a></p>"##
        );
    }
}
