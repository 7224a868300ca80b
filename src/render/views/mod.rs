//! What the templates see: small serializable views of the checked project, built complete and
//! once per build — labels in the site's language, Markdown rendered safely, phones resolved
//! from sections, links relative to the site root, feedback links and diagrams included.

mod boundary;
mod department;
mod lists;
pub mod paging;
mod search_box;

use rayon::prelude::*;
use serde::Serialize;

pub use boundary::{BoundaryView, PartnerView, StepView};
pub use department::{
    BoundaryRef, Counts, DepartmentView, DutyView, ItemView, PowerRef, PowerView, RegimeView,
    ServiceView,
};
pub use lists::{Lists, Matrix, Row, VOLUME, Volume};

use super::html::Words;
use super::markdown;
use crate::check::Checked;
use crate::model::{Department, Language, PhoneNumber, Section, Spanned, Totals};

/// Everything the pages, the print edition and the indexes show, in publication order.
pub struct Views {
    language: Language,
    pub site: SiteView,
    pub departments: Vec<DepartmentView>,
    pub boundaries: Vec<BoundaryView>,
    /// The bar chart of the departments' counts, as inline SVG.
    pub chart: String,
    /// The print edition's volumes (none for a list of one county's size).
    pub volumes: Vec<Volume>,
    /// The list's totals, one line each. Not part of `site`, which every page shares: a work
    /// item added would otherwise change every page.
    pub totals: Vec<String>,
    /// How the long lists are paged, and what leaves out what at scale.
    pub lists: Lists,
}

impl Views {
    /// `history` says whether the site has a change-history page.
    pub fn build(checked: &Checked<'_>, words: &Words, history: bool) -> Views {
        let cx = Cx::new(checked, words);
        let site = SiteView::new(checked, words, history);
        // On every core: the swimlanes especially take time at province scale.
        let departments: Vec<DepartmentView> = checked
            .departments()
            .par_iter()
            .map(|d| department::view(d, &cx))
            .collect();
        let boundaries = checked
            .boundaries()
            .par_iter()
            .map(|b| boundary::view(b, &cx))
            .collect();
        let chart = lists::chart(&departments, words);
        let volumes = lists::volumes(&departments, words);
        let mut views = Views {
            language: checked.language(),
            site,
            departments,
            boundaries,
            chart,
            volumes,
            totals: totals(&checked.totals(), words),
            lists: Lists::default(),
        };
        views.lists = views.lists(paging::Limits::of(checked.build()));
        views.site.print = PrintLink::of(views.lists.whole_print);
        views
    }
}

/// What building a view needs besides its entry.
struct Cx<'a> {
    language: Language,
    words: &'a Words,
    feedback: Option<Feedback>,
}

impl<'a> Cx<'a> {
    fn new(checked: &Checked<'_>, words: &'a Words) -> Cx<'a> {
        let site = checked.site();
        let feedback = site
            .feedback
            .as_ref()
            .map(|f| f.get_ref().trim().to_string())
            .filter(|f| markdown::is_safe_url(f))
            .map(|channel| Feedback {
                channel,
                prefix: format!(
                    "[{}] {}：",
                    site.title.get_ref(),
                    words.get("feedback_subject")
                ),
            });
        Cx {
            language: checked.language(),
            words,
            feedback,
        }
    }

    /// The link that sends a comment on `reference` (who and what) to the feedback channel.
    fn feedback(&self, who: &str, id: &str, title: &str) -> Option<String> {
        let f = self.feedback.as_ref()?;
        let title: String = title.chars().take(40).collect();
        let reference = if who.is_empty() {
            format!("{id} {title}")
        } else {
            format!("{who} {id} {title}")
        };
        Some(feedback_link(
            &f.channel,
            &format!("{}{reference}", f.prefix),
        ))
    }

    fn label<T: Labelled>(&self, value: T) -> String {
        label(value, self.language)
    }
}

/// The site's feedback channel and the subject every comment starts with.
struct Feedback {
    channel: String,
    prefix: String,
}

/// The parts of every page's context that do not change between pages.
#[derive(Serialize)]
pub struct SiteView {
    pub title: String,
    pub jurisdiction: String,
    pub lang: &'static str,
    pub published: Option<String>,
    pub feedback: Option<String>,
    pub feedback_phone: Option<Phone>,
    /// The Excel workbook's address (`site.workbook.url`); its size is on the home page only.
    pub workbook: WorkbookLink,
    /// Where the print edition is.
    pub print: PrintLink,
    /// Whether the site has a change-history page.
    pub history: bool,
    /// The search box's example queries, from `[search] examples` or the project's own data.
    pub search_examples: Vec<SearchExample>,
    /// The search box's placeholder, naming the examples.
    pub search_placeholder: String,
    /// The workspace the site is a member of, when it is built as one: the way back.
    pub parent: Option<Parent>,
}

/// The workspace site a member's site sits in, one folder up.
#[derive(Debug, Clone, Serialize)]
pub struct Parent {
    pub title: String,
    /// From the member site's root: `../index.html`.
    pub url: &'static str,
}

/// Where the Excel workbook of the whole list is written (`workbook::PATH`); every page links it.
pub const WORKBOOK: &str = "opendata/resplist.xlsx";

/// Where the workbook is.
#[derive(Debug, Clone, Serialize)]
pub struct WorkbookLink {
    pub url: &'static str,
}

/// Where every page's link to the print edition goes: `print.html`, or the list of volumes on
/// the home page when the whole list is too large to print as one document.
#[derive(Debug, Clone, Serialize)]
pub struct PrintLink {
    pub url: &'static str,
    /// Whether `url` is the whole list in one document.
    pub whole: bool,
}

impl PrintLink {
    fn of(whole: bool) -> PrintLink {
        PrintLink {
            url: if whole {
                "print.html"
            } else {
                "index.html#volumes-h"
            },
            whole,
        }
    }
}

/// A list's totals as the home page and the print edition state them, one line each:
/// `主要职责 552 条` (a workspace's home page states its members' total so).
pub fn totals(t: &Totals, words: &Words) -> Vec<String> {
    vec![
        words.count("count_departments", t.departments),
        words.count("count_duties", t.duties),
        words.count("count_items", t.work_items),
        words.count("count_boundaries", t.boundaries),
        words.count("count_supervision", t.supervision),
        words.count("count_services", t.services),
    ]
}

/// An example query on the search page, and the address that runs it.
#[derive(Debug, Clone, Serialize)]
pub struct SearchExample {
    pub text: String,
    /// `?q=…`, percent-encoded.
    pub query: String,
}

/// Text as a URL query value: every byte but ASCII letters, digits and `-._~` percent-encoded.
pub fn query_encoded(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl SiteView {
    fn new(checked: &Checked<'_>, words: &Words, history: bool) -> SiteView {
        let site = checked.site();
        let examples = search_box::examples(checked);
        SiteView {
            title: site.title.get_ref().clone(),
            jurisdiction: site.jurisdiction.get_ref().clone(),
            lang: checked.language().key(),
            published: site.published.as_ref().map(|d| d.get_ref().to_string()),
            feedback: site
                .feedback
                .as_ref()
                .map(|f| f.get_ref().trim().to_string())
                .filter(|f| markdown::is_safe_url(f)),
            feedback_phone: site
                .feedback_phone
                .as_ref()
                .map(|p| Phone::new(p.get_ref())),
            workbook: WorkbookLink { url: WORKBOOK },
            print: PrintLink::of(true),
            history,
            search_placeholder: words
                .get("search_placeholder")
                .replace("{examples}", &examples.join(words.get("list_sep"))),
            search_examples: examples
                .into_iter()
                .map(|text| SearchExample {
                    query: format!("?q={}", query_encoded(&text)),
                    text,
                })
                .collect(),
            parent: None,
        }
    }
}

/// A phone number as shown and as a `tel:` link.
#[derive(Debug, Clone, Serialize)]
pub struct Phone {
    pub text: String,
    pub tel: String,
}

impl Phone {
    pub fn new(text: &str) -> Phone {
        Phone {
            text: text.to_string(),
            tel: PhoneNumber::tel(text),
        }
    }
}

/// A link to a department: its names and where its page is.
#[derive(Debug, Clone, Serialize)]
pub struct DepartmentRef {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub url: String,
    /// Whether the document it appears in holds the department, so that the print edition may
    /// link to it there (`#dep-<id>`); a volume of the print edition names departments of other
    /// volumes without linking them.
    pub linkable: bool,
}

impl DepartmentRef {
    pub fn of(d: &Department) -> DepartmentRef {
        DepartmentRef {
            id: d.id.clone(),
            name: d.name.get_ref().clone(),
            short_name: d.display_name().to_string(),
            url: department_url(&d.id),
            linkable: true,
        }
    }
}

pub fn department_url(id: &str) -> String {
    format!("departments/{id}.html")
}

pub fn boundary_url(id: &str) -> String {
    format!("boundaries/{id}.html")
}

/// A responsible office and the number citizens call.
#[derive(Debug, Clone, Serialize)]
pub struct Office {
    pub id: String,
    pub name: String,
    pub phone: Phone,
}

impl Office {
    fn of(s: &Section) -> Office {
        Office {
            id: s.id.get_ref().clone(),
            name: s.name.get_ref().clone(),
            phone: Phone::new(s.phone.get_ref()),
        }
    }
}

/// A group of entries under a heading (boundaries by area, regimes and services by category).
#[derive(Debug, Clone, Serialize)]
pub struct Group<T> {
    pub key: String,
    pub title: String,
    pub entries: Vec<T>,
}

fn text(s: &Spanned<String>) -> String {
    s.get_ref().clone()
}

fn opt_text(s: &Option<Spanned<String>>) -> Option<String> {
    s.as_ref().map(text).filter(|t| !t.trim().is_empty())
}

fn md(s: &Option<Spanned<String>>) -> Option<String> {
    s.as_ref()
        .filter(|t| !t.get_ref().trim().is_empty())
        .map(|t| markdown::to_html(t.get_ref()))
}

/// Labels in the site's language.
pub fn label<T: Labelled>(value: T, language: Language) -> String {
    match language {
        Language::ZhCn => value.zh().to_string(),
        Language::En => value.en().to_string(),
    }
}

pub trait Labelled: Copy {
    fn zh(self) -> &'static str;
    fn en(self) -> &'static str;
}

macro_rules! labelled {
    ($($t:ty),+) => {$(
        impl Labelled for $t {
            fn zh(self) -> &'static str { self.label() }
            fn en(self) -> &'static str { self.english() }
        }
    )+};
}
labelled!(
    crate::model::PowerKind,
    crate::model::PowerStatus,
    crate::model::SupervisionCategory,
    crate::model::ServiceCategory
);

/// A link to the site's feedback channel carrying `reference`: the subject of a `mailto:`
/// message, or a `ref` parameter of a web form.
pub fn feedback_link(channel: &str, reference: &str) -> String {
    let separator = if channel.contains('?') { '&' } else { '?' };
    let key = if channel.to_ascii_lowercase().starts_with("mailto:") {
        "subject"
    } else {
        "ref"
    };
    format!("{channel}{separator}{key}={}", percent_encode(reference))
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_links_carry_the_reference() {
        assert_eq!(
            feedback_link("mailto:a@b.org", "意见 x/1"),
            "mailto:a@b.org?subject=%E6%84%8F%E8%A7%81%20x%2F1"
        );
        assert_eq!(
            feedback_link("https://b.org/form?x=1", "r"),
            "https://b.org/form?x=1&ref=r"
        );
    }
}
