//! The print edition, streamed: `print.html` holds the whole list (unless it is too large for a
//! browser to print), and when the list is longer than one county's `print/volume-NN.html`
//! splits it into volumes a print shop can handle. Each
//! department and each group of the closing chapters is rendered once, in parallel, and written
//! in order, so no whole document is ever held in memory.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, Write};

use anyhow::Context as _;

use crate::msg;
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::html::Html;
use super::views::{
    BoundaryView, DepartmentRef, DepartmentView, Group, RegimeView, ServiceView, VOLUME, Views,
    Volume,
};
use super::writer::Writer;

#[derive(Serialize)]
struct TocEntry<'a> {
    id: &'a str,
    name: &'a str,
}

/// Which closing chapters a document has.
#[derive(Serialize, Default)]
struct Parts {
    boundaries: bool,
    supervision: bool,
    services: bool,
}

/// The closing chapters of a document: boundaries (by area), regimes and services (by category).
struct Chapters<'v> {
    boundaries: Vec<&'v BoundaryView>,
    regimes: Vec<Group<&'v RegimeView>>,
    services: Vec<Group<&'v ServiceView>>,
}

impl Chapters<'_> {
    fn parts(&self) -> Parts {
        Parts {
            boundaries: !self.boundaries.is_empty(),
            supervision: !self.regimes.is_empty(),
            services: !self.services.is_empty(),
        }
    }
}

pub fn render(html: &Html, views: &Views, out: &Writer) -> anyhow::Result<()> {
    let by_area = views.by_area();
    let chapters = Chapters {
        boundaries: by_area
            .iter()
            .flat_map(|g| g.entries.iter().copied())
            .collect(),
        regimes: views.regimes(),
        services: views.services(),
    };
    let all: Vec<&DepartmentView> = views.departments.iter().collect();
    let start = Start {
        parts: chapters.parts(),
        totals: &views.totals,
    };
    // Not written when the list is too large for a browser to print as one document
    // (`Lists::whole_print`); the volumes, which such a list always has, are.
    let mut whole = if views.lists.whole_print {
        Some(Document::open(html, out, "print.html", None, &all, &start)?)
    } else {
        None
    };
    // A volume's departments at a time: rendered in parallel, written to the whole edition and
    // to their volume, then dropped, so memory holds one volume's pages, not the province's.
    let batch = if views.volumes.is_empty() {
        views.departments.len().max(1)
    } else {
        VOLUME
    };
    for (v, members) in views.departments.chunks(batch).enumerate() {
        let pages: Vec<String> = members
            .par_iter()
            .map(|d| {
                let mut cx = Context::new();
                cx.insert("department", d);
                html.fragment("print_department.html", 0, cx)
            })
            .collect::<anyhow::Result<_>>()?;
        if let Some(whole) = whole.as_mut() {
            for page in &pages {
                whole.push(page)?;
            }
        }
        if let Some(volume) = views.volumes.get(v) {
            volume_document(html, out, volume, members, &pages, &chapters, &views.totals)?;
        }
    }
    match whole {
        Some(whole) => whole.close(&render_chapters(html, 0, &chapters)?),
        None => Ok(()),
    }
}

/// One volume: its departments' pages, the boundaries they take part in, their regimes and
/// services; departments of other volumes are named, not linked.
fn volume_document(
    html: &Html,
    out: &Writer,
    volume: &Volume,
    members: &[DepartmentView],
    pages: &[String],
    all: &Chapters<'_>,
    totals: &[String],
) -> anyhow::Result<()> {
    let present: HashSet<&str> = members.iter().map(|d| d.link.id.as_str()).collect();
    let here = |d: &DepartmentRef| present.contains(d.id.as_str());
    let boundaries: Vec<BoundaryView> = all
        .boundaries
        .iter()
        .filter(|b| here(&b.lead) || b.partners.iter().any(|p| here(&p.department)))
        .map(|b| {
            let mut b = (*b).clone();
            for d in std::iter::once(&mut b.lead)
                .chain(b.partners.iter_mut().map(|p| &mut p.department))
                .chain(b.steps.iter_mut().map(|s| &mut s.department))
            {
                d.linkable = present.contains(d.id.as_str());
            }
            b
        })
        .collect();
    // A regime or service is in the volume of its department, so its link always resolves.
    let chapters = Chapters {
        boundaries: boundaries.iter().collect(),
        regimes: subset(&all.regimes, |e| here(&e.department)),
        services: subset(&all.services, |e| here(&e.department)),
    };
    let toc: Vec<&DepartmentView> = members.iter().collect();
    let closing = render_chapters(html, 1, &chapters)?;
    let start = Start {
        parts: chapters.parts(),
        totals,
    };
    let mut doc = Document::open(html, out, &volume.url, Some(&volume.label), &toc, &start)?;
    for page in pages {
        doc.push(page)?;
    }
    doc.close(&closing)
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
fn render_chapters(
    html: &Html,
    depth: usize,
    chapters: &Chapters<'_>,
) -> anyhow::Result<Vec<String>> {
    let mut jobs: Vec<Context> = Vec::new();
    if !chapters.boundaries.is_empty() {
        let mut cx = Context::new();
        cx.insert("part", "boundaries");
        cx.insert("entries", &chapters.boundaries);
        cx.insert("first", &true);
        cx.insert("last", &true);
        jobs.push(cx);
    }
    group_jobs(&mut jobs, "supervision", &chapters.regimes)?;
    group_jobs(&mut jobs, "services", &chapters.services)?;
    jobs.into_par_iter()
        .map(|cx| html.fragment("print_group.html", depth, cx))
        .collect()
}

/// One job per group of a chapter, the first opening the chapter and the last closing it.
fn group_jobs<T: Serialize>(
    jobs: &mut Vec<Context>,
    part: &str,
    groups: &[Group<T>],
) -> anyhow::Result<()> {
    for (i, group) in groups.iter().enumerate() {
        let mut cx = Context::new();
        cx.insert("part", part);
        cx.insert("title", &group.title);
        cx.insert("entries", &serde_json::to_value(&group.entries)?);
        cx.insert("first", &(i == 0));
        cx.insert("last", &(i + 1 == groups.len()));
        jobs.push(cx);
    }
    Ok(())
}

/// What a print document's opening shows besides its table of contents.
struct Start<'a> {
    parts: Parts,
    totals: &'a [String],
}

/// A print document being written through a buffer: start, department pages, chapters, end.
struct Document<'a> {
    html: &'a Html,
    out: &'a Writer,
    path: String,
    depth: usize,
    w: BufWriter<File>,
    bytes: u64,
}

impl<'a> Document<'a> {
    fn open(
        html: &'a Html,
        out: &'a Writer,
        path: &str,
        volume: Option<&str>,
        departments: &[&DepartmentView],
        start: &Start<'_>,
    ) -> anyhow::Result<Self> {
        let depth = path.matches('/').count();
        let toc: Vec<TocEntry> = departments
            .iter()
            .map(|d| TocEntry {
                id: &d.link.id,
                name: &d.link.name,
            })
            .collect();
        let mut cx = Context::new();
        cx.insert("departments", &toc);
        cx.insert("parts", &start.parts);
        cx.insert("totals", start.totals);
        cx.insert("volume", &volume);
        if let Some(url) = html.base_url.as_ref().map(|base| format!("{base}{path}")) {
            cx.insert("canonical", &url);
        }
        let start = html.fragment("print_start.html", depth, cx)?;
        let full = out.path(path)?;
        let file = File::create(&full)
            .with_context(|| msg!("cannot-write", path = full.display().to_string()))?;
        let mut doc = Document {
            html,
            out,
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
            .with_context(|| msg!("cannot-write", path = &self.path))
    }

    fn close(mut self, chapters: &[String]) -> anyhow::Result<()> {
        for part in chapters {
            self.push(part)?;
        }
        let end = self
            .html
            .fragment("print_end.html", self.depth, Context::new())?;
        self.push(&end)?;
        self.w
            .flush()
            .with_context(|| msg!("cannot-write", path = &self.path))?;
        self.out.count(&self.path, self.bytes);
        Ok(())
    }
}
