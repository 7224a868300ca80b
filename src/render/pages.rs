//! The site's pages — home, departments, boundaries, supervision, services, history, search —
//! as a list computed before anything is rendered (the sitemap is made from it), then rendered
//! on every core; and the 404 page, which is served from any address and so is not in the list.

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::html::{Html, Words};
use super::views::{BoundaryView, DepartmentView, Views, department_url};
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
    Home(&'v Views),
    Department(&'v DepartmentView),
    Boundaries(&'v Views),
    Boundary(&'v BoundaryView),
    Supervision(&'v Views),
    Services(&'v Views),
    History(&'v [HistoryEntry]),
    Search,
}

/// Every page of the site, home first.
pub fn list<'v>(
    views: &'v Views,
    words: &Words,
    history: Option<&'v [HistoryEntry]>,
) -> Vec<Page<'v>> {
    let page = |path: &str, template, title: &str, current, content| Page {
        path: path.to_string(),
        template,
        title: title.to_string(),
        current,
        content,
    };
    let mut pages = vec![page(
        "index.html",
        "index.html",
        &views.site.title,
        "home",
        Content::Home(views),
    )];
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

impl Page<'_> {
    fn context(&self) -> Context {
        let mut cx = Context::new();
        match &self.content {
            Content::Home(views) => {
                cx.insert("departments", &views.rows());
                cx.insert("chart", &views.chart);
                cx.insert("volumes", &views.volumes);
            }
            Content::Department(d) => cx.insert("department", d),
            Content::Boundaries(views) => {
                cx.insert("groups", &views.by_area());
                cx.insert("matrix", &views.matrix());
            }
            Content::Boundary(b) => cx.insert("boundary", b),
            Content::Supervision(views) => cx.insert("groups", &views.regimes()),
            Content::Services(views) => cx.insert("groups", &views.services()),
            Content::History(entries) => cx.insert("entries", entries),
            Content::Search => {}
        }
        cx
    }
}

/// Renders and writes every page, on every core.
pub fn render(html: &Html, pages: &[Page<'_>], out: &Writer) -> anyhow::Result<()> {
    pages.par_iter().try_for_each(|p| {
        let text = html.page(p.template, &p.path, &p.title, p.current, p.context())?;
        out.write(&p.path, text.as_bytes())
    })
}

/// The 404 page. It is served from any address, so its links are absolute when the site's
/// address is known, and it carries its styles rather than linking them.
pub fn not_found(html: &Html, theme: &Theme, words: &Words, out: &Writer) -> anyhow::Result<()> {
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
    let text = html.render("404.html", cx)?;
    out.write("404.html", text.as_bytes())
}
