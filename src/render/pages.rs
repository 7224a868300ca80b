//! The HTML pages (home, departments, boundaries, supervision, services, print edition, 404)
//! and the sitemap, rendered from Tera templates with a small context per page.

use std::collections::BTreeMap;

use anyhow::Context as _;
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use super::views::{
    self, BoundaryView, Counts, DepartmentRef, Group, Phone, RegimeView, ServiceView,
};
use super::{Writer, diagrams, markdown, print, search};
use crate::history::HistoryEntry;
use crate::index::ListIndex;
use crate::model::Project;
use crate::model::{Language, ServiceCategory, SupervisionCategory, Totals};
use crate::theme::Theme;

/// The parts of every page's context that do not change between pages.
#[derive(Serialize)]
struct SiteView {
    title: String,
    jurisdiction: String,
    lang: &'static str,
    published: Option<String>,
    feedback: Option<String>,
    feedback_phone: Option<Phone>,
    totals: Vec<String>,
    /// Whether the site has a change-history page.
    history: bool,
}

pub(super) struct Renderer<'a> {
    pub tera: Tera,
    pub base: Context,
    pub base_url: Option<String>,
    sitemap: std::sync::Mutex<Vec<String>>,
    pub out: &'a Writer,
}

impl Renderer<'_> {
    /// Renders a template with the common context plus `extra`, for a document `depth` folders
    /// deep, without writing it.
    pub fn fragment(&self, template: &str, depth: usize, extra: Context) -> anyhow::Result<String> {
        let mut cx = self.base.clone();
        cx.insert("root", &"../".repeat(depth));
        cx.extend(extra);
        self.tera
            .render(template, &cx)
            .with_context(|| format!("cannot render the theme's {template}"))
    }

    /// Renders `template` to `path`; `depth` is how many folders deep the page is.
    fn page(
        &self,
        template: &str,
        path: &str,
        title: &str,
        current: &str,
        extra: Context,
    ) -> anyhow::Result<()> {
        let depth = path.matches('/').count();
        let mut cx = self.base.clone();
        cx.insert("root", &"../".repeat(depth));
        cx.insert("page_title", title);
        cx.insert("current", current);
        let public = path.strip_suffix("index.html").unwrap_or(path);
        if let Some(base) = &self.base_url {
            cx.insert("canonical", &format!("{base}{public}"));
            if let Ok(mut sitemap) = self.sitemap.lock() {
                sitemap.push(format!("{base}{public}"));
            }
        }
        cx.extend(extra);
        let html = self
            .tera
            .render(template, &cx)
            .with_context(|| format!("cannot render {path} with the theme's {template}"))?;
        self.out.write(path, html.as_bytes())
    }
}

pub fn render(
    project: &Project,
    theme: &Theme,
    history: Option<&[HistoryEntry]>,
    out: &Writer,
) -> anyhow::Result<()> {
    let language = project.language();
    let words = theme.strings(language)?;
    let index = ListIndex::new(project);
    let mut tera = Tera::default();
    tera.set_escape_fn(escape_html);
    tera.add_raw_templates(theme.templates().collect::<Vec<_>>())
        .context("the theme's templates have errors")?;
    let mut site = site_view(project, &words, language);
    site.history = history.is_some();
    let base_url = project
        .site
        .as_ref()
        .and_then(|s| s.site.get_ref().base_url.as_ref())
        .map(|u| format!("{}/", u.get_ref().trim().trim_end_matches('/')));
    let mut base = Context::new();
    base.insert("t", &words);
    base.insert("site", &site);
    let r = Renderer {
        tera,
        base,
        base_url,
        sitemap: std::sync::Mutex::new(Vec::new()),
        out,
    };

    let views = crate::timing::phase("views");
    let mut departments: Vec<_> = index
        .departments
        .par_iter()
        .map(|d| views::department(d, &index, language))
        .collect();
    let mut boundaries: Vec<BoundaryView> = index
        .boundaries
        .par_iter()
        .map(|(lead, b)| views::boundary(lead, b, &index))
        .collect();
    add_feedback(&mut departments, &mut boundaries, &site, &words);
    boundaries.par_iter_mut().for_each(|b| {
        let title = format!("{}：{}", words_of(&words, "swimlane"), b.case_title);
        b.swimlane = diagrams::swimlane(
            b,
            &title,
            &words_of(&words, "swimlane_desc"),
            &words_of(&words, "lead_short"),
            &words_of(&words, "partner_short"),
        );
    });

    drop(views);
    let pages = crate::timing::phase("pages");
    // Home.
    #[derive(Serialize)]
    struct Row<'a> {
        #[serde(flatten)]
        link: &'a DepartmentRef,
        counts: &'a Counts,
    }
    let rows: Vec<Row> = departments
        .iter()
        .map(|d| Row {
            link: &d.link,
            counts: &d.counts,
        })
        .collect();
    let bars: Vec<(&DepartmentRef, &Counts)> = rows.iter().map(|r| (r.link, r.counts)).collect();
    let chart = diagrams::counts_chart(
        &bars,
        ["col_duties", "col_items", "col_regimes", "col_services"]
            .map(|k| words.get(k).map_or(k, String::as_str)),
        &words_of(&words, "chart"),
        &words_of(&words, "chart_desc"),
    );
    let volumes = print::volumes(&departments, &words);
    let mut cx = Context::new();
    cx.insert("departments", &rows);
    cx.insert("chart", &chart);
    cx.insert("volumes", &volumes);
    r.page("index.html", "index.html", &site.title, "home", cx)?;

    let _home = crate::timing::phase("p:home");
    drop(_home);
    let t1 = crate::timing::phase("p:depts");
    // One page per department, on every core.
    departments.par_iter().try_for_each(|d| {
        let mut cx = Context::new();
        cx.insert("department", d);
        r.page(
            "department.html",
            &views::department_url(&d.link.id),
            &d.link.name,
            "departments",
            cx,
        )
    })?;

    drop(t1);
    let t2 = crate::timing::phase("p:boundaries");
    // Boundaries: index by area, one page each.
    let mut areas: Vec<(String, String)> = boundaries
        .iter()
        .map(|b| (b.area.clone(), b.area.clone()))
        .collect();
    areas.sort();
    areas.dedup();
    let by_area = views::grouped(
        &areas,
        boundaries.iter().map(|b| (b.area.clone(), b)).collect(),
    );
    let mut cx = Context::new();
    cx.insert("groups", &by_area);
    cx.insert("matrix", &matrix(&index, &boundaries));
    r.page(
        "boundaries.html",
        "boundaries/index.html",
        &words_of(&words, "boundaries"),
        "boundaries",
        cx,
    )?;
    boundaries.par_iter().try_for_each(|b| {
        let mut cx = Context::new();
        cx.insert("boundary", b);
        r.page("boundary.html", &b.url, &b.title, "boundaries", cx)
    })?;

    drop(t2);
    let t3 = crate::timing::phase("p:indexes");
    // Supervision regimes by category, services by category.
    let regimes = regimes_by_category(&departments, language);
    let mut cx = Context::new();
    cx.insert("groups", &regimes);
    r.page(
        "supervision.html",
        "supervision/index.html",
        &words_of(&words, "supervision"),
        "supervision",
        cx,
    )?;
    let services = services_by_category(&departments, language);
    let mut cx = Context::new();
    cx.insert("groups", &services);
    r.page(
        "services.html",
        "services/index.html",
        &words_of(&words, "services"),
        "services",
        cx,
    )?;

    if let Some(entries) = history {
        let mut cx = Context::new();
        cx.insert("entries", entries);
        r.page(
            "history.html",
            "history/index.html",
            &words_of(&words, "history"),
            "history",
            cx,
        )?;
    }

    drop(t3);
    // Search: its page and its index.
    r.page(
        "search.html",
        "search/index.html",
        &words_of(&words, "search"),
        "search",
        Context::new(),
    )?;
    let kinds: Vec<String> = search::KIND_KEYS
        .iter()
        .map(|k| words_of(&words, k))
        .collect();
    drop(pages);
    let t = crate::timing::phase("search");
    let documents = {
        let _t = crate::timing::phase("s:documents");
        search::documents(&index)
    };
    search::render(&documents, &kinds, r.out)?;
    drop(t);
    let t = crate::timing::phase("print");

    // The print edition: everything in one document, and in volumes when the list is long.
    let ordered: Vec<&BoundaryView> = by_area
        .iter()
        .flat_map(|g| g.entries.iter().copied())
        .collect();
    print::render(&r, &volumes, &departments, &ordered, &regimes, &services)?;

    drop(t);
    // 404 is served from any path, so its links are absolute when the site's address is known.
    let mut cx = r.base.clone();
    cx.insert("root", &r.base_url.clone().unwrap_or_default());
    cx.insert("page_title", &words_of(&words, "not_found"));
    cx.insert("current", "");
    let css = theme
        .statics()
        .find(|(p, _)| *p == "style.css")
        .map_or("", |(_, c)| c);
    cx.insert("inline_css", css);
    let html = r
        .tera
        .render("404.html", &cx)
        .context("cannot render 404.html")?;
    r.out.write("404.html", html.as_bytes())?;

    if r.base_url.is_some() {
        let mut cx = Context::new();
        let mut urls = r.sitemap.lock().map(|u| u.clone()).unwrap_or_default();
        // Pages are rendered in parallel: sort for byte-identical output.
        urls.sort();
        cx.insert("urls", &urls);
        let xml = r
            .tera
            .render("sitemap.xml", &cx)
            .context("cannot render sitemap.xml")?;
        r.out.write("sitemap.xml", xml.as_bytes())?;
    }
    for (path, contents) in theme.statics() {
        r.out
            .write(&format!("static/{path}"), contents.as_bytes())?;
    }
    Ok(())
}

fn words_of(words: &BTreeMap<String, String>, key: &str) -> String {
    words.get(key).cloned().unwrap_or_else(|| key.to_string())
}

fn site_view(project: &Project, words: &BTreeMap<String, String>, language: Language) -> SiteView {
    let t = Totals::of(&project.departments);
    let count = |key: &str, n: usize| words_of(words, key).replace("{n}", &n.to_string());
    let site = project.site.as_ref().map(|s| s.site.get_ref());
    SiteView {
        title: site.map(|s| s.title.get_ref().clone()).unwrap_or_default(),
        jurisdiction: site
            .map(|s| s.jurisdiction.get_ref().clone())
            .unwrap_or_default(),
        lang: language.key(),
        published: site
            .and_then(|s| s.published.as_ref())
            .map(|d| d.get_ref().to_string()),
        feedback: site
            .and_then(|s| s.feedback.as_ref())
            .map(|f| f.get_ref().trim().to_string())
            .filter(|f| markdown::is_safe_url(f)),
        feedback_phone: site
            .and_then(|s| s.feedback_phone.as_ref())
            .map(|p| Phone::new(p.get_ref())),
        totals: vec![
            count("count_departments", t.departments),
            count("count_duties", t.duties),
            count("count_items", t.work_items),
            count("count_boundaries", t.boundaries),
            count("count_supervision", t.supervision),
            count("count_services", t.services),
        ],
        history: false,
    }
}

fn regimes_by_category(
    departments: &[views::DepartmentView],
    language: Language,
) -> Vec<Group<&RegimeView>> {
    let keys: Vec<(String, String)> = SupervisionCategory::ALL
        .iter()
        .map(|c| (c.key().to_string(), views::label(*c, language)))
        .collect();
    let entries = departments
        .iter()
        .flat_map(|d| d.supervision.iter())
        .map(|r| (r.category_key.to_string(), r))
        .collect();
    views::grouped(&keys, entries)
}

fn services_by_category(
    departments: &[views::DepartmentView],
    language: Language,
) -> Vec<Group<&ServiceView>> {
    let keys: Vec<(String, String)> = ServiceCategory::ALL
        .iter()
        .map(|c| (c.key().to_string(), views::label(*c, language)))
        .collect();
    let entries = departments
        .iter()
        .flat_map(|d| d.services.iter())
        .map(|s| (s.category_key.to_string(), s))
        .collect();
    views::grouped(&keys, entries)
}

/// HTML escaping for text and double- or single-quoted attributes. Unlike Tera's default it
/// leaves `/` alone, so relative links stay readable in the page source.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Who leads (●) and who partners (○) in which boundary, for the departments in any boundary.
#[derive(Serialize)]
struct Matrix<'a> {
    departments: Vec<DepartmentRef>,
    rows: Vec<MatrixRow<'a>>,
}

#[derive(Serialize)]
struct MatrixRow<'a> {
    title: &'a str,
    url: &'a str,
    cells: Vec<&'static str>,
}

/// A matrix wider or taller than this is unreadable and grows with the square of the list, so a
/// province-sized list gets none (a county has about 40 departments and 35 boundaries).
const MATRIX_MAX_DEPARTMENTS: usize = 60;
const MATRIX_MAX_BOUNDARIES: usize = 150;

fn matrix<'a>(index: &ListIndex<'_>, boundaries: &'a [BoundaryView]) -> Matrix<'a> {
    let involved: std::collections::HashSet<&str> = boundaries
        .iter()
        .flat_map(|b| {
            std::iter::once(b.lead.id.as_str())
                .chain(b.partners.iter().map(|p| p.department.id.as_str()))
        })
        .collect();
    if involved.len() > MATRIX_MAX_DEPARTMENTS || boundaries.len() > MATRIX_MAX_BOUNDARIES {
        return Matrix {
            departments: Vec::new(),
            rows: Vec::new(),
        };
    }
    let departments: Vec<DepartmentRef> = index
        .departments
        .iter()
        .filter(|d| involved.contains(d.id.as_str()))
        .map(|d| DepartmentRef::of(d))
        .collect();
    let rows = boundaries
        .iter()
        .map(|b| MatrixRow {
            title: &b.title,
            url: &b.url,
            cells: departments
                .iter()
                .map(|d| {
                    if b.lead.id == d.id {
                        "lead"
                    } else if b.partners.iter().any(|p| p.department.id == d.id) {
                        "partner"
                    } else {
                        ""
                    }
                })
                .collect(),
        })
        .collect();
    Matrix { departments, rows }
}

/// Gives every commentable entry a link to the feedback channel that names it.
fn add_feedback(
    departments: &mut [views::DepartmentView],
    boundaries: &mut [BoundaryView],
    site: &SiteView,
    words: &BTreeMap<String, String>,
) {
    let Some(channel) = site.feedback.as_deref() else {
        return;
    };
    let prefix = format!("[{}] {}：", site.title, words_of(words, "feedback_subject"));
    let short = |t: &str| t.chars().take(40).collect::<String>();
    let link = |reference: String| {
        Some(views::feedback_link(
            channel,
            &format!("{prefix}{reference}"),
        ))
    };
    for d in departments.iter_mut() {
        let name = d.link.name.clone();
        for duty in &mut d.duties {
            duty.feedback = link(format!("{name} {} {}", duty.id, short(&duty.title)));
        }
        for r in &mut d.supervision {
            r.feedback = link(format!("{name} {} {}", r.id, short(&r.title)));
        }
        for s in &mut d.services {
            s.feedback = link(format!("{name} {} {}", s.id, short(&s.title)));
        }
    }
    for b in boundaries.iter_mut() {
        b.feedback = link(format!("{} {}", b.id, short(&b.title)));
    }
}
