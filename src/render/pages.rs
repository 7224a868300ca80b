//! The site's pages — home, departments, boundaries, supervision, services, history, search —
//! as a list computed before anything is rendered (the sitemap is made from it), then rendered
//! on every core; and the 404 page, which is served from any address and so is not in the list.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::fingerprint::Fingerprint;
use super::html::{Html, Words};
use super::views::paging::{Paged, page_file};
use super::views::{BoundaryView, DepartmentView, Group, Views, department_url};
use super::workbook::Download;
use super::writer::Writer;
use crate::history::HistoryEntry;
use crate::theme::Theme;

/// One page: where it goes, its template, title and navigation entry, and what it shows.
pub struct Page<'v> {
    pub path: String,
    template: &'static str,
    title: String,
    /// The navigation entry it belongs to.
    current: &'static str,
    content: Content<'v>,
}

/// What a page shows; its template context is made when it is rendered, so that the contexts
/// of thousands of department pages are never all held at once.
enum Content<'v> {
    /// The home page, which offers the workbook with its size.
    Home(&'v Views, &'v Download),
    /// A page after the first (from 1) of the home page's table of departments, when the
    /// table is split.
    DepartmentList(&'v Views, usize),
    Department(&'v DepartmentView),
    /// Page n (from 0) of the boundaries index.
    Boundaries(&'v Views, usize),
    Boundary(&'v BoundaryView),
    Supervision(&'v Views, usize),
    Services(&'v Views, usize),
    History(&'v [HistoryEntry]),
    Search,
}

/// The path of the home page, which `list` leaves out when it has no workbook to offer.
pub const HOME: &str = "index.html";

/// Every page of the site, home first; without `workbook`, every page but the home page.
pub fn list<'v>(
    views: &'v Views,
    words: &Words,
    history: Option<&'v [HistoryEntry]>,
    workbook: Option<&'v Download>,
) -> Vec<Page<'v>> {
    let page = Page::new;
    let home = |workbook| {
        page(
            HOME,
            HOME,
            &views.site.title,
            "home",
            Content::Home(views, workbook),
        )
    };
    let mut pages: Vec<Page<'v>> = workbook.map(home).into_iter().collect();
    let lists = &views.lists;
    pages.extend((1..lists.home.count()).map(|n| {
        page(
            &page_file(n),
            "department_list.html",
            &numbered(words, "departments", n),
            "departments",
            Content::DepartmentList(views, n),
        )
    }));
    pages.extend(views.departments.iter().map(|d| {
        let path = department_url(&d.link.id);
        page(
            &path,
            "department.html",
            &d.link.name,
            "departments",
            Content::Department(d),
        )
    }));
    let boundaries = |n| Content::Boundaries(views, n);
    pages.extend(index(
        words,
        "boundaries",
        lists.boundaries.count(),
        boundaries,
    ));
    pages.extend(views.boundaries.iter().map(|b| {
        page(
            &b.url,
            "boundary.html",
            &b.title,
            "boundaries",
            Content::Boundary(b),
        )
    }));
    let supervision = |n| Content::Supervision(views, n);
    pages.extend(index(
        words,
        "supervision",
        lists.supervision.count(),
        supervision,
    ));
    let services = |n| Content::Services(views, n);
    pages.extend(index(words, "services", lists.services.count(), services));
    if let Some(entries) = history {
        pages.push(page(
            "history/index.html",
            "history.html",
            words.get("history"),
            "history",
            Content::History(entries),
        ));
    }
    pages.push(page(
        "search/index.html",
        "search.html",
        words.get("search"),
        "search",
        Content::Search,
    ));
    pages
}

/// The `count` pages of the index of `kind` (its folder, template, title and navigation entry):
/// `kind/index.html`, then `kind/page-2.html`, …
fn index<'v>(
    words: &Words,
    kind: &'static str,
    count: usize,
    content: impl Fn(usize) -> Content<'v>,
) -> Vec<Page<'v>> {
    (0..count)
        .map(|n| Page {
            path: format!("{kind}/{}", page_file(n)),
            template: match kind {
                "boundaries" => "boundaries.html",
                "supervision" => "supervision.html",
                _ => "services.html",
            },
            title: numbered(words, kind, n),
            current: kind,
            content: content(n),
        })
        .collect()
}

/// The title of page `n` (from 0) of a list called `key`: the list's name, then its number
/// from the second page on.
fn numbered(words: &Words, key: &str, n: usize) -> String {
    if n == 0 {
        return words.get(key).to_string();
    }
    words
        .get("page_title")
        .replace("{title}", words.get(key))
        .replace("{n}", &(n + 1).to_string())
}

/// Where a page's context goes: into a template's context, or into its fingerprint. One
/// function (`Page::fill`) says what a page shows, for both.
trait Sink {
    fn put<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> anyhow::Result<()>;
}

impl Sink for Context {
    fn put<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> anyhow::Result<()> {
        self.insert(key, value);
        Ok(())
    }
}

impl Sink for Fingerprint {
    fn put<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> anyhow::Result<()> {
        self.add(&key)?;
        self.add(value)
    }
}

impl Page<'_> {
    fn context(&self) -> anyhow::Result<Context> {
        let mut cx = Context::new();
        self.fill(&mut cx)?;
        Ok(cx)
    }

    /// What the page shows, beside what every page shares.
    fn fill(&self, cx: &mut impl Sink) -> anyhow::Result<()> {
        match &self.content {
            Content::Home(views, workbook) => {
                departments(views, 0, cx)?;
                let chart = if views.lists.chart { &views.chart } else { "" };
                cx.put("chart", chart)?;
                cx.put("volumes", &views.volumes)?;
                cx.put("totals", &views.totals)?;
                cx.put("workbook_size", &workbook.size)
            }
            Content::DepartmentList(views, n) => departments(views, *n, cx),
            Content::Department(d) => cx.put("department", d),
            Content::Boundaries(views, n) => {
                let areas = views.by_area();
                let paged = &views.lists.boundaries;
                cx.put("groups", &paged.groups(*n, &areas))?;
                cx.put("contents", &paged.contents(*n, &areas, page_file))?;
                cx.put("pager", &paged.pager(*n, page_file))?;
                cx.put("matrix", &views.matrix_on(*n))
            }
            Content::Boundary(b) => cx.put("boundary", b),
            Content::Supervision(views, n) => {
                by_category(&views.regimes(), &views.lists.supervision, *n, cx)
            }
            Content::Services(views, n) => {
                by_category(&views.services(), &views.lists.services, *n, cx)
            }
            Content::History(entries) => cx.put("entries", entries),
            Content::Search => Ok(()),
        }
    }

    /// A hash of everything the page is made from, `shared` being that of what every page
    /// shares (`shared_fingerprint`).
    fn fingerprint(&self, shared: u64) -> anyhow::Result<u64> {
        let mut f = Fingerprint::new(shared);
        f.add(&(self.template, &self.path, &self.title, self.current))?;
        self.fill(&mut f)?;
        Ok(f.finish())
    }
}

/// Renders and writes every page, on every core.
pub fn render(html: &Html, pages: &[Page<'_>], out: &Writer) -> anyhow::Result<()> {
    pages
        .par_iter()
        .try_for_each(|p| p.render(html, p.context()?, out))
}

/// What every page rendered with `html` shares: the templates, the shared context and the
/// site's address. A page's output is fully determined by this, its template, path, title and
/// navigation entry, and its own context.
fn shared_fingerprint(html: &Html) -> anyhow::Result<u64> {
    let mut f = Fingerprint::new(0);
    f.add(html.templates())?;
    f.add(&html.base().into_json())?;
    f.add(&html.base_url)?;
    Ok(f.finish())
}

/// The pages `render_changed` went through.
pub struct Changed {
    /// The fingerprint of every page rendered or unchanged.
    pub fingerprints: HashMap<String, u64>,
    /// The paths of the pages rendered.
    pub rendered: Vec<String>,
    /// The changed pages left for later (`later` said so), with their fingerprints.
    pub later: Vec<(String, u64)>,
}

/// Renders and writes, on every core, the pages whose fingerprint is not the one `before` has
/// for their path, except those `later` names, which it only lists.
pub fn render_changed(
    html: &Html,
    pages: &[Page<'_>],
    before: &HashMap<String, u64>,
    later: &(dyn Fn(&str) -> bool + Sync),
    out: &Writer,
) -> anyhow::Result<Changed> {
    #[derive(Clone, Copy, PartialEq)]
    enum Done {
        Unchanged,
        Rendered,
        Later,
    }
    let shared = shared_fingerprint(html)?;
    let done: Vec<(u64, Done)> = pages
        .par_iter()
        .map(|p| {
            let fingerprint = p.fingerprint(shared)?;
            if before.get(&p.path) == Some(&fingerprint) {
                return Ok((fingerprint, Done::Unchanged));
            }
            if later(&p.path) {
                return Ok((fingerprint, Done::Later));
            }
            p.render(html, p.context()?, out)?;
            Ok((fingerprint, Done::Rendered))
        })
        .collect::<anyhow::Result<_>>()?;
    let mut changed = Changed {
        fingerprints: HashMap::with_capacity(pages.len()),
        rendered: Vec::new(),
        later: Vec::new(),
    };
    for (p, (fingerprint, done)) in pages.iter().zip(done) {
        if done == Done::Later {
            changed.later.push((p.path.clone(), fingerprint));
            continue;
        }
        changed.fingerprints.insert(p.path.clone(), fingerprint);
        if done == Done::Rendered {
            changed.rendered.push(p.path.clone());
        }
    }
    Ok(changed)
}

/// Page `n` (from 0) of the home page's table of departments: its rows and pager.
fn departments(views: &Views, n: usize, cx: &mut impl Sink) -> anyhow::Result<()> {
    let list = views.department_list();
    let paged = &views.lists.home;
    let rows = paged.groups(n, std::slice::from_ref(&list));
    cx.put("departments", rows.first().map_or(&[][..], |g| g.entries))?;
    // The first page's table is part of the home page, under its heading.
    let file = |k: usize| match k {
        0 => format!("{HOME}#departments"),
        k => page_file(k),
    };
    cx.put("pager", &paged.pager(n, file))
}

/// Page `n` (from 0) of an index by category: its groups, the contents and the pager.
fn by_category<T: Serialize>(
    groups: &[Group<T>],
    paged: &Paged,
    n: usize,
    cx: &mut impl Sink,
) -> anyhow::Result<()> {
    cx.put("groups", &paged.groups(n, groups))?;
    cx.put("contents", &paged.contents(n, groups, page_file))?;
    cx.put("pager", &paged.pager(n, page_file))
}

impl<'v> Page<'v> {
    fn new(
        path: &str,
        template: &'static str,
        title: &str,
        current: &'static str,
        content: Content<'v>,
    ) -> Page<'v> {
        Page {
            path: path.to_string(),
            template,
            title: title.to_string(),
            current,
            content,
        }
    }

    fn render(&self, html: &Html, cx: Context, out: &Writer) -> anyhow::Result<()> {
        let text = html.page(self.template, &self.path, &self.title, self.current, cx)?;
        out.write(&self.path, text.as_bytes())
    }
}

/// The 404 page. It is served from any address, so its links are absolute when the site's
/// address is known, and it carries its styles rather than linking them.
/// The 404 page from `template` (`404.html`; a workspace's is `ws_404.html`).
pub fn not_found(
    html: &Html,
    theme: &Theme,
    words: &Words,
    template: &str,
    out: &Writer,
) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct NotFound<'a> {
        root: &'a str,
        page_title: &'a str,
        current: &'a str,
        inline_css: &'a str,
    }
    let css = theme
        .statics()
        .find(|(p, _)| *p == "style.css")
        .map_or("", |(_, c)| c);
    let mut cx = html.base();
    cx.extend(Context::from_serialize(NotFound {
        root: html.base_url.as_deref().unwrap_or(""),
        page_title: words.get("not_found"),
        current: "",
        inline_css: css,
    })?);
    let text = html.render(template, cx)?;
    out.write("404.html", text.as_bytes())
}
