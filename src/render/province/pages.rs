//! The workspace's own pages: the home page listing every jurisdiction with its totals, the
//! topics index grouped by area, one comparison page per topic, the search over every member,
//! and the 404 page. They list members and topics, never every entry, so that they stay small
//! at any number of members.

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::super::html::{Html, Words};
use super::super::views::{self, Phone, WORKBOOK, WorkbookLink, boundary_url, department_url};
use super::Lists;
use crate::check::LinkedBoundary;
use crate::model::Totals;
use crate::model::workspace::Topic;

/// The parts of every workspace page's context that do not change between pages.
#[derive(Serialize)]
pub struct SiteView {
    pub title: String,
    pub lang: &'static str,
    pub published: Option<String>,
    pub search_placeholder: String,
    pub workbook: WorkbookLink,
    /// A workspace is in no other: the member pages' way back (`base.html`) stays away.
    pub parent: Option<()>,
}

impl SiteView {
    pub fn new(lists: &Lists<'_>, words: &Words) -> SiteView {
        let settings = lists.settings;
        SiteView {
            title: settings.title.get_ref().clone(),
            lang: settings.language().key(),
            published: settings.published.as_ref().map(|d| d.get_ref().to_string()),
            search_placeholder: words.get("search_label").to_string(),
            workbook: WorkbookLink { url: WORKBOOK },
            parent: None,
        }
    }
}

/// A jurisdiction as the home page lists it.
#[derive(Serialize)]
struct MemberView<'a> {
    id: &'a str,
    title: &'a str,
    jurisdiction: &'a str,
    url: String,
    totals: Totals,
    /// How many of the catalogue's topics its boundaries name.
    topics: usize,
}

/// A topic as the index and its own page show it.
#[derive(Serialize)]
struct TopicView<'a> {
    id: &'a str,
    title: &'a str,
    area: Option<&'a str>,
    url: String,
    named_text: String,
    /// The departments that lead it, by short name, most often first.
    leads: Vec<LeadCount>,
}

/// A department, by its short name, and the jurisdictions where it leads a topic.
#[derive(Serialize)]
struct LeadCount {
    name: String,
    count: usize,
    members: String,
}

/// One line of a comparison: a jurisdiction and its boundary for the topic, if it lists one.
#[derive(Serialize)]
struct Row<'a> {
    member: MemberRef<'a>,
    boundary: Option<BoundaryCell>,
}

#[derive(Serialize)]
struct MemberRef<'a> {
    jurisdiction: &'a str,
    url: String,
}

/// A member's boundary for a topic, its links from the workspace's root.
#[derive(Serialize)]
struct BoundaryCell {
    title: String,
    url: String,
    lead: DepartmentLink,
    partners: Vec<DepartmentLink>,
}

#[derive(Serialize)]
struct DepartmentLink {
    name: String,
    url: String,
    phone: Option<Phone>,
}

/// An area of the topics index.
#[derive(Serialize)]
struct Area<'a> {
    key: String,
    title: String,
    entries: Vec<TopicView<'a>>,
}

/// A page of the workspace: its path, template, title, navigation entry and context.
pub struct Page {
    pub path: String,
    template: &'static str,
    title: String,
    current: &'static str,
    context: Context,
}

/// Every page of the workspace, home first.
/// `workbook_size` is `None` when the workspace is too large for one workbook.
pub fn list(
    lists: &Lists<'_>,
    words: &Words,
    workbook_size: Option<&str>,
) -> anyhow::Result<Vec<Page>> {
    let mut pages = vec![
        home(lists, words, workbook_size)?,
        topics_index(lists, words)?,
    ];
    for topic in &lists.topics {
        pages.push(topic_page(lists, words, topic)?);
    }
    pages.push(search(lists, words)?);
    Ok(pages)
}

/// Renders every page on every core.
pub fn render(html: &Html, pages: &[Page], out: &super::super::Writer) -> anyhow::Result<()> {
    pages.par_iter().try_for_each(|p| {
        let text = html.page(p.template, &p.path, &p.title, p.current, p.context.clone())?;
        out.write(&p.path, text.as_bytes())
    })
}

fn home(lists: &Lists<'_>, words: &Words, workbook_size: Option<&str>) -> anyhow::Result<Page> {
    let mut total = Totals::default();
    let members: Vec<MemberView<'_>> = lists
        .members
        .iter()
        .map(|(member, checked)| {
            let totals = checked.totals();
            total.add(&totals);
            let site = checked.site();
            MemberView {
                id: &member.id,
                title: site.title.get_ref(),
                jurisdiction: site.jurisdiction.get_ref(),
                url: format!("{}/index.html", member.id),
                totals,
                topics: checked
                    .boundaries()
                    .iter()
                    .filter(|b| b.model.topic.is_some())
                    .count(),
            }
        })
        .collect();
    let mut totals = vec![words.count("count_members", members.len())];
    totals.extend(views::totals(&total, words));
    let mut cx = Context::new();
    cx.insert("members", &members);
    cx.insert("total", &total);
    cx.insert("totals", &totals);
    if let Some(size) = workbook_size {
        cx.insert("workbook_size", size);
    }
    Ok(page("index.html", "ws_index.html", lists, "members", cx))
}

fn page(
    path: &str,
    template: &'static str,
    lists: &Lists<'_>,
    current: &'static str,
    context: Context,
) -> Page {
    Page {
        path: path.to_string(),
        template,
        title: lists.settings.title.get_ref().clone(),
        current,
        context,
    }
}

fn topics_index(lists: &Lists<'_>, words: &Words) -> anyhow::Result<Page> {
    let mut areas: Vec<Area<'_>> = Vec::new();
    let mut other = Vec::new();
    for topic in &lists.topics {
        let view = topic_view(lists, words, topic);
        match topic.area.as_ref().map(|a| a.get_ref().as_str()) {
            Some(title) => match areas.iter_mut().find(|a| a.title == title) {
                Some(area) => area.entries.push(view),
                None => areas.push(Area {
                    key: format!("area-{}", areas.len() + 1),
                    title: title.to_string(),
                    entries: vec![view],
                }),
            },
            None => other.push(view),
        }
    }
    if !other.is_empty() {
        areas.push(Area {
            key: "area-other".to_string(),
            title: words.get("topics_other_area").to_string(),
            entries: other,
        });
    }
    let mut cx = Context::new();
    cx.insert("areas", &areas);
    let mut p = page("topics/index.html", "ws_topics.html", lists, "topics", cx);
    p.title = words.get("topics").to_string();
    Ok(p)
}

/// Each member's boundary for `topic`, in the order of `members` (`None` where it has none).
fn boundaries_of<'l>(lists: &'l Lists<'_>, topic: &Topic) -> Vec<Option<&'l LinkedBoundary<'l>>> {
    lists
        .members
        .iter()
        .map(|(_, checked)| {
            checked.boundaries().iter().find(|b| {
                b.model
                    .topic
                    .as_ref()
                    .is_some_and(|t| t.get_ref() == topic.id.get_ref())
            })
        })
        .collect()
}

fn topic_view<'a>(lists: &'a Lists<'_>, words: &Words, topic: &'a Topic) -> TopicView<'a> {
    let found = boundaries_of(lists, topic);
    let mut leads: Vec<LeadCount> = Vec::new();
    for ((_, checked), boundary) in lists.members.iter().zip(&found) {
        let Some(b) = boundary else { continue };
        let name = b.lead.display_name().to_string();
        let jurisdiction = checked.site().jurisdiction.get_ref().as_str();
        match leads.iter_mut().find(|l| l.name == name) {
            Some(lead) => {
                lead.count += 1;
                lead.members.push_str(words.get("list_sep"));
                lead.members.push_str(jurisdiction);
            }
            None => leads.push(LeadCount {
                name,
                count: 1,
                members: jurisdiction.to_string(),
            }),
        }
    }
    // Most often first; a tie keeps the order of first appearance.
    leads.sort_by_key(|l| std::cmp::Reverse(l.count));
    let named = found.iter().filter(|b| b.is_some()).count();
    TopicView {
        id: topic.id.get_ref(),
        title: topic.title.get_ref(),
        area: topic.area.as_ref().map(|a| a.get_ref().as_str()),
        url: topic_url(topic.id.get_ref()),
        named_text: words
            .get("topic_named")
            .replace("{n}", &named.to_string())
            .replace("{of}", &lists.members.len().to_string()),
        leads,
    }
}

pub fn topic_url(id: &str) -> String {
    format!("topics/{id}.html")
}

fn topic_page(lists: &Lists<'_>, words: &Words, topic: &Topic) -> anyhow::Result<Page> {
    let found = boundaries_of(lists, topic);
    let rows: Vec<Row<'_>> = lists
        .members
        .iter()
        .zip(found)
        .map(|((member, checked), boundary)| Row {
            member: MemberRef {
                jurisdiction: checked.site().jurisdiction.get_ref(),
                url: format!("{}/index.html", member.id),
            },
            boundary: boundary.map(|b| BoundaryCell {
                title: b.model.title.get_ref().clone(),
                url: format!("{}/{}", member.id, boundary_url(b.model.id.get_ref())),
                lead: link(&member.id, b.lead),
                partners: b.partners.iter().map(|p| link(&member.id, p)).collect(),
            }),
        })
        .collect();
    let mut cx = Context::new();
    cx.insert("topic", &topic_view(lists, words, topic));
    cx.insert("rows", &rows);
    let path = topic_url(topic.id.get_ref());
    let mut p = page(&path, "ws_topic.html", lists, "topics", cx);
    p.title = topic.title.get_ref().clone();
    Ok(p)
}

fn link(member: &str, d: &crate::model::Department) -> DepartmentLink {
    DepartmentLink {
        name: d.name.get_ref().clone(),
        url: format!("{member}/{}", department_url(&d.id)),
        phone: d.phone.as_ref().map(|p| Phone::new(p.get_ref())),
    }
}

/// A jurisdiction as the search offers it: to narrow the search to, and to name in results.
#[derive(Serialize)]
struct SearchMember<'a> {
    id: &'a str,
    jurisdiction: &'a str,
    title: &'a str,
}

fn search(lists: &Lists<'_>, words: &Words) -> anyhow::Result<Page> {
    let members: Vec<SearchMember<'_>> = lists
        .members
        .iter()
        .map(|(member, checked)| SearchMember {
            id: &member.id,
            jurisdiction: checked.site().jurisdiction.get_ref(),
            title: checked.site().title.get_ref(),
        })
        .collect();
    let mut cx = Context::new();
    cx.insert("members", &members);
    let mut p = page("search/index.html", "ws_search.html", lists, "search", cx);
    p.title = words.get("search").to_string();
    Ok(p)
}
