//! The site of a workspace (FORMAT.md 1.1). Each member's site sits under `/<member>/`, as
//! `render` makes it alone, with a way back; a member whose inputs did not change since the
//! output was built is taken from there (`members`). The workspace adds its own pages (`pages`):
//! the jurisdictions with their totals, the topics compared member by member and one search
//! over every member, and its own open data and workbook, every row naming its jurisdiction.

mod members;
mod pages;

use std::path::Path;

use rayon::prelude::*;

use super::html::{Html, Words};
use super::views::Parent;
use super::{Stats, Within, Writer, address, chrome, opendata, workbook};
use crate::check::Checked;
use crate::model::workspace::{Topic, Workspace as Settings};
use crate::theme::Theme;
use crate::timing::phase;
use crate::workspace::{Member, Workspace};

/// A checked workspace, as the site shows it.
pub struct Lists<'w> {
    pub settings: &'w Settings,
    pub topics: Vec<&'w Topic>,
    pub members: &'w [(&'w Member, Checked<'w>)],
}

/// How to build: the members' sites alone or the whole site, and where the last build's output
/// is to reuse.
pub struct Options<'a> {
    /// The members' sites and none of the workspace's own pages (`build --members`, whose
    /// members are the only ones checked and given here).
    pub members_only: bool,
    /// The published output of an earlier build, whose unchanged members are reused.
    pub previous: Option<&'a Path>,
    pub allow_placeholders: bool,
}

/// What a workspace build wrote, and how many members' sites it rendered and reused.
#[derive(Debug, Default)]
pub struct Built {
    pub stats: Stats,
    pub rendered: usize,
    pub reused: usize,
}

/// Builds the workspace's site into `dir` (which must exist and be empty).
pub fn render(
    ws: &Workspace,
    members: &[(&Member, Checked<'_>)],
    theme: &Theme,
    dir: &Path,
    options: &Options<'_>,
) -> anyhow::Result<Built> {
    let Some(settings) = ws.settings() else {
        anyhow::bail!("the workspace's resplist.toml was not read");
    };
    let lists = Lists {
        settings,
        topics: ws.topics().collect(),
        members,
    };
    if options.members_only {
        return members_sites(&lists, theme, dir, options);
    }
    // The workspace's own outputs beside the members' sites: the workbook of every member is
    // written on one thread, which the members' rendering leaves room for.
    let (own, built) = std::thread::scope(|scope| {
        let own = scope.spawn(|| workspace_pages(&lists, theme, dir));
        let t = phase("members");
        let built = members_sites(&lists, theme, dir, options);
        drop(t);
        let own = own
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!(crate::msg!("writer-stopped"))));
        (own, built)
    });
    let mut built = built?;
    built.stats.add(&own?);
    Ok(built)
}

/// Every member's site, rendered or reused, on every core.
fn members_sites(
    lists: &Lists<'_>,
    theme: &Theme,
    dir: &Path,
    options: &Options<'_>,
) -> anyhow::Result<Built> {
    let stamp = members::Stamp::new(theme, options.allow_placeholders);
    let base_url = address(lists.settings.base_url.as_ref());
    let made: Vec<members::Made> = lists
        .members
        .par_iter()
        .map(|(member, checked)| {
            let within = Within {
                parent: Parent {
                    title: lists.settings.title.get_ref().clone(),
                    url: "../index.html",
                },
                base_url: match &base_url {
                    Some(base) => Some(format!("{base}{}/", member.id)),
                    None => super::base_url(checked),
                },
            };
            let places = (dir, options.previous);
            members::make(member, checked, theme, &within, &stamp, places)
        })
        .collect::<anyhow::Result<_>>()?;
    let mut built = Built::default();
    for m in made {
        match m {
            members::Made::Rendered(s) => {
                built.rendered += 1;
                built.stats.add(&s);
            }
            members::Made::Reused(s) => {
                built.reused += 1;
                built.stats.add(&s);
            }
        }
    }
    Ok(built)
}

/// The workspace's own pages, open data and workbook, 404 page, sitemap and static files.
fn workspace_pages(lists: &Lists<'_>, theme: &Theme, dir: &Path) -> anyhow::Result<Stats> {
    let out = Writer::new(dir.to_path_buf());
    let language = lists.settings.language();
    let words = Words::new(theme.strings(language)?);
    let named: Vec<(&str, &Checked<'_>)> = lists
        .members
        .iter()
        .map(|(m, c)| (m.id.as_str(), c))
        .collect();
    let t = phase("workspace workbook");
    let title = lists.settings.title.get_ref();
    let published = lists.settings.published.as_ref().map(|d| d.get_ref());
    let workbook = workbook::render_many(&named, title, language, published, &out)?;
    drop(t);
    let t = phase("workspace opendata");
    opendata::render_many(&named, title, &out)?;
    drop(t);
    let _t = phase("workspace pages");
    let site = pages::SiteView::new(lists, &words);
    let base_url = address(lists.settings.base_url.as_ref());
    let html = Html::new(theme, &words, &site, base_url)?;
    let size = workbook.as_ref().map(|w| w.size.as_str());
    let list = pages::list(lists, &words, size)?;
    pages::render(&html, &list, &out)?;
    let paths = list.iter().map(|p| p.path.as_str());
    chrome(&html, theme, &words, ("ws_404.html", paths), &out)?;
    out.finish()
}
