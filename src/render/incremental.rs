//! Rendering again after an edit, for `serve`: the same outputs as `render`, made by the same
//! functions, in two stages, and without re-rendering a page whose inputs did not change.
//!
//! 1. **Pages** (`pages`): every page but the home page, each rendered only when its
//!    fingerprint changed. A changed page the caller calls large is left to stage two, so that
//!    one huge index page does not hold up the department page a clerk is looking at. A page's fingerprint is a hash of everything its HTML is made from:
//!    the theme's templates, the context all pages share (the site's words and settings), the
//!    site's address, the page's template, path, title and navigation entry, and its own
//!    context, as the template sees it. Rendering is a pure function of those, so a page with
//!    the same fingerprint is the page already built. The 404 page, the sitemap and the static
//!    files are small and are always written.
//! 2. **Downloads** (`downloads`): the workbook, the home page (which gives the workbook's
//!    size), the search index, the print edition and open data. Each is one product of the
//!    whole list, so each is made again in full, after the pages are shown.
//!
//! See `docs/serve.md` for what each kind of change recomputes.

use std::collections::HashMap;
use std::path::Path;

use super::html::{Html, Words};
use super::views::Views;
use super::{Stats, Writer, base_url, chrome, opendata, pages, print, search, words, workbook};
use crate::check::Checked;
use crate::theme::Theme;
use crate::timing::phase;

/// What the last render of the pages left for the next: each page's fingerprint, by path.
#[derive(Default)]
pub struct Memory {
    pages: HashMap<String, u64>,
}

impl Memory {
    /// Records the fingerprints of pages rendered later (by stage two).
    pub fn remember(&mut self, pages: Vec<(String, u64)>) {
        self.pages.extend(pages);
    }
}

/// The first stage done: what the second stage needs, and what the first made.
pub struct Pages {
    words: Words,
    views: Views,
    html: Html,
    /// The path of every output of this stage, rendered now or kept from before.
    pub paths: Vec<String>,
    /// The paths of the pages rendered now; the others are unchanged.
    pub rendered: Vec<String>,
    /// Every file written into the stage's folder: the pages rendered now, the 404 page, the
    /// sitemap and the static files.
    pub written: Vec<String>,
    /// The changed pages left to stage two, with their fingerprints: `Memory::remember` them
    /// once stage two is done.
    pub later: Vec<(String, u64)>,
    pub stats: Stats,
}

/// Stage one: writes into `dir` (which must exist and be empty) the pages whose fingerprint is
/// not in `memory` (but those `large` names, left to stage two), then the 404 page, the sitemap
/// and the static files; updates `memory`.
pub fn pages(
    checked: &Checked<'_>,
    theme: &Theme,
    dir: &Path,
    memory: &mut Memory,
    large: &(dyn Fn(&str) -> bool + Sync),
) -> anyhow::Result<Pages> {
    let out = Writer::new(dir.to_path_buf());
    let words = words(checked, theme)?;
    let t = phase("views");
    let views = Views::build(checked, &words, false);
    drop(t);
    let html = Html::new(theme, &words, &views.site, base_url(checked))?;
    let t = phase("pages");
    let list = pages::list(&views, &words, None, None);
    let changed = pages::render_changed(&html, &list, &memory.pages, large, &out)?;
    drop(t);
    let mut paths: Vec<String> = changed.fingerprints.keys().cloned().collect();
    let with_home = list.iter().map(|p| p.path.as_str()).chain([pages::HOME]);
    chrome(&html, theme, &words, ("404.html", with_home), &out)?;
    drop(list);
    let stats = out.finish()?;
    let written = super::output::files_in(dir)?;
    paths.extend(written.iter().cloned());
    paths.sort();
    paths.dedup();
    memory.pages = changed.fingerprints;
    Ok(Pages {
        words,
        views,
        html,
        paths,
        rendered: changed.rendered,
        written,
        later: changed.later,
        stats,
    })
}

/// Stage two: writes the pages stage one left, the workbook, the home page, the search index,
/// the print edition and open data into `dir` (which must exist and be empty). `go_on` is asked before each; when it says
/// no, the stage stops there and returns `false`.
pub fn downloads(
    checked: &Checked<'_>,
    first: &Pages,
    dir: &Path,
    go_on: &mut dyn FnMut() -> bool,
) -> anyhow::Result<bool> {
    let out = Writer::new(dir.to_path_buf());
    if !go_on() {
        return Ok(false);
    }
    if !first.later.is_empty() {
        let mut list = pages::list(&first.views, &first.words, None, None);
        list.retain(|p| first.later.iter().any(|(path, _)| *path == p.path));
        pages::render(&first.html, &list, &out)?;
        if !go_on() {
            return Ok(false);
        }
    }
    let t = phase("workbook");
    let workbook = workbook::render(checked, &out)?;
    drop(t);
    let mut list = pages::list(&first.views, &first.words, None, Some(&workbook));
    list.retain(|p| p.path == pages::HOME);
    pages::render(&first.html, &list, &out)?;
    drop(list);
    if !go_on() {
        return Ok(false);
    }
    let t = phase("search");
    search::render(checked, &first.words, &out)?;
    drop(t);
    if !go_on() {
        return Ok(false);
    }
    let t = phase("print");
    print::render(&first.html, &first.views, &out)?;
    drop(t);
    if !go_on() {
        return Ok(false);
    }
    let t = phase("opendata");
    opendata::render(checked, &out)?;
    drop(t);
    out.finish()?;
    Ok(true)
}
