//! The site's pages — home, departments, boundaries, supervision, services, history, search —
//! as a list computed before anything is rendered (the sitemap is made from it), then rendered
//! on every core; and the 404 page, which is served from any address and so is not in the list.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::fingerprint::Fingerprint;
use super::html::{Html, Words};
use super::views::{BoundaryView, DepartmentView, Views, department_url};
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
    Department(&'v DepartmentView),
    Boundaries(&'v Views),
    Boundary(&'v BoundaryView),
    Supervision(&'v Views),
    Services(&'v Views),
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
    pages.push(page(
        "boundaries/index.html",
        "boundaries.html",
        words.get("boundaries"),
        "boundaries",
        Content::Boundaries(views),
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
    pages.push(page(
        "supervision/index.html",
        "supervision.html",
        words.get("supervision"),
        "supervision",
        Content::Supervision(views),
    ));
    pages.push(page(
        "services/index.html",
        "services.html",
        words.get("services"),
        "services",
        Content::Services(views),
    ));
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
                cx.put("departments", &views.rows())?;
                cx.put("chart", &views.chart)?;
                cx.put("volumes", &views.volumes)?;
                cx.put("totals", &views.totals)?;
                cx.put("workbook_size", &workbook.size)
            }
            Content::Department(d) => cx.put("department", d),
            Content::Boundaries(views) => {
                cx.put("groups", &views.by_area())?;
                cx.put("matrix", &views.matrix())
            }
            Content::Boundary(b) => cx.put("boundary", b),
            Content::Supervision(views) => cx.put("groups", &views.regimes()),
            Content::Services(views) => cx.put("groups", &views.services()),
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
