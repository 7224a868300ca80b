//! The published output of a checked project, as a flat list of outputs: the pages, the print
//! edition, the search index, open data and the workbook, the 404 page, the sitemap and the
//! static files. Each output is a function in its own module that reads the views or the
//! checked project and writes files into a staging directory, which `output` swaps in.

mod diagrams;
mod fingerprint;
mod html;
pub mod incremental;
pub mod markdown;
pub mod opendata;
pub mod output;
mod pages;
mod print;
pub mod province;
pub mod search;
mod sitemap;
mod statics;
pub mod views;
pub mod workbook;
mod writer;

use std::path::Path;

pub use html::escape_html;
pub use writer::{Stats, Writer};

use crate::check::Checked;
use crate::history::HistoryEntry;
use crate::model::Spanned;
use crate::theme::Theme;
use crate::timing::phase;

/// Renders the whole site of a checked project into `dir` (which must exist and be empty).
/// `history`, when given, adds the change-history page.
pub fn render(
    checked: &Checked<'_>,
    theme: &Theme,
    dir: &Path,
    history: Option<&[HistoryEntry]>,
) -> anyhow::Result<Stats> {
    render_within(checked, theme, dir, history, None)
}

/// A site as `render` makes it, inside a workspace's site when `within` is given: every page
/// then offers the way back to the workspace, and the canonical addresses are under the
/// workspace's.
pub fn render_within(
    checked: &Checked<'_>,
    theme: &Theme,
    dir: &Path,
    history: Option<&[HistoryEntry]>,
    within: Option<&Within>,
) -> anyhow::Result<Stats> {
    let out = Writer::new(dir.to_path_buf());
    let words = words(checked, theme)?;
    // First: the home page offers it with its size, and it is built before the views are held,
    // which keeps it out of the build's peak memory.
    let t = phase("workbook");
    let workbook = workbook::render(checked, &out)?;
    drop(t);
    let t = phase("views");
    let mut views = views::Views::build(checked, &words, history.is_some());
    views.site.parent = within.map(|w| w.parent.clone());
    drop(t);
    let base_url = match within {
        Some(w) => w.base_url.clone(),
        None => base_url(checked),
    };
    let html = html::Html::new(theme, &words, &views.site, base_url)?;
    let pages = pages::list(&views, &words, history, Some(&workbook));

    let t = phase("pages");
    pages::render(&html, &pages, &out)?;
    drop(t);
    let t = phase("search");
    search::render(checked, &words, &out)?;
    drop(t);
    let t = phase("print");
    print::render(&html, &views, &out)?;
    drop(t);
    let t = phase("opendata");
    opendata::render(checked, &out)?;
    drop(t);
    chrome(
        &html,
        theme,
        &words,
        ("404.html", pages.iter().map(|p| p.path.as_str())),
        &out,
    )?;

    let _t = phase("flush");
    out.finish()
}

/// What a member's site takes from the workspace it is built in.
#[derive(Debug, Clone)]
pub struct Within {
    pub parent: views::Parent,
    /// The member's published address: the workspace's, then the member's folder.
    pub base_url: Option<String>,
}

/// What every site has besides its pages and data: the 404 page (from its template), the
/// sitemap (of `paths`) and the theme's static files.
fn chrome<'p>(
    html: &html::Html,
    theme: &Theme,
    words: &html::Words,
    (not_found, paths): (&str, impl Iterator<Item = &'p str>),
    out: &Writer,
) -> anyhow::Result<()> {
    pages::not_found(html, theme, words, not_found, out)?;
    sitemap::render(html, paths, out)?;
    statics::render(theme, out)
}

fn words(checked: &Checked<'_>, theme: &Theme) -> anyhow::Result<html::Words> {
    Ok(html::Words::new(theme.strings(checked.language())?))
}

/// The site's published address, ending in `/`, for canonical links and the sitemap.
fn base_url(checked: &Checked<'_>) -> Option<String> {
    address(checked.site().base_url.as_ref())
}

/// A `base_url` as written, ending in `/` whether or not it was written with one.
fn address(base_url: Option<&Spanned<String>>) -> Option<String> {
    base_url.map(|u| format!("{}/", u.get_ref().trim().trim_end_matches('/')))
}
