//! What the templates see: small serializable views of the checked model, with labels in the
//! site's language, Markdown already rendered safely, phones resolved from sections, and links
//! relative to the site root. Built once per build from the project's index.

use std::collections::BTreeMap;

use serde::Serialize;

use super::markdown;
use crate::index::ListIndex;
use crate::model::{
    Boundary, Department, Language, PhoneNumber, PublicService, Spanned, SupervisionRegime,
};

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
}

impl DepartmentRef {
    pub fn of(d: &Department) -> DepartmentRef {
        DepartmentRef {
            id: d.id.clone(),
            name: d.name.get_ref().clone(),
            short_name: d.display_name().to_string(),
            url: department_url(&d.id),
        }
    }
}

pub fn department_url(id: &str) -> String {
    format!("departments/{id}.html")
}

pub fn boundary_url(id: &str) -> String {
    format!("boundaries/{id}.html")
}

#[derive(Debug, Clone, Serialize)]
pub struct Office {
    pub id: String,
    pub name: String,
    pub phone: Phone,
}

#[derive(Debug, Clone, Serialize)]
pub struct Counts {
    pub duties: usize,
    pub items: usize,
    pub boundaries: usize,
    pub supervision: usize,
    pub services: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct DepartmentView {
    #[serde(flatten)]
    pub link: DepartmentRef,
    pub phone: Option<Phone>,
    pub address: Option<String>,
    pub website: Option<String>,
    pub summary: Option<String>,
    pub counts: Counts,
    pub sections: Vec<Office>,
    pub duties: Vec<DutyView>,
    pub powers: Vec<PowerView>,
    pub boundaries_led: Vec<BoundaryRef>,
    pub boundaries_partnered: Vec<BoundaryRef>,
    pub supervision: Vec<RegimeView>,
    pub services: Vec<ServiceView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DutyView {
    pub feedback: Option<String>,
    pub id: String,
    pub title: String,
    pub basis: Vec<String>,
    pub note: Option<String>,
    pub items: Vec<ItemView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    pub number: usize,
    pub text: String,
    pub office: Option<Office>,
    pub powers: Vec<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PowerView {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub status: String,
    pub status_key: &'static str,
    pub delegated_to: Option<String>,
    pub basis: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BoundaryRef {
    pub id: String,
    pub title: String,
    pub url: String,
    pub lead: DepartmentRef,
}

#[derive(Debug, Clone, Serialize)]
pub struct BoundaryView {
    pub feedback: Option<String>,
    /// The mock case as an inline SVG swimlane (built by `diagrams`).
    pub swimlane: String,
    pub id: String,
    pub title: String,
    pub area: String,
    pub url: String,
    pub lead: DepartmentRef,
    pub lead_duty: String,
    pub partners: Vec<PartnerView>,
    pub case_title: String,
    pub scenario: String,
    pub steps: Vec<StepView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PartnerView {
    pub department: DepartmentRef,
    pub duty: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub number: usize,
    pub department: DepartmentRef,
    pub is_lead: bool,
    pub action: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RegimeView {
    pub feedback: Option<String>,
    pub id: String,
    pub title: String,
    pub category: String,
    pub category_key: &'static str,
    pub department: DepartmentRef,
    pub office: Option<Office>,
    pub measures: Vec<String>,
    pub indicators: Vec<(String, String)>,
    pub procedure: Option<String>,
    pub penalty: Option<String>,
    pub powers: Vec<PowerRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PowerRef {
    pub id: String,
    pub name: String,
    pub status: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ServiceView {
    pub feedback: Option<String>,
    pub id: String,
    pub title: String,
    pub category: String,
    pub category_key: &'static str,
    pub department: DepartmentRef,
    pub office: Option<Office>,
    pub frequency: Option<String>,
    pub beyond_statutory: bool,
    pub description: Option<String>,
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

fn office(d: &Department, id: Option<&Spanned<String>>) -> Option<Office> {
    let s = d.section(id?.get_ref())?;
    Some(Office {
        id: text(&s.id),
        name: text(&s.name),
        phone: Phone::new(s.phone.get_ref()),
    })
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

pub fn department(d: &Department, index: &ListIndex<'_>, language: Language) -> DepartmentView {
    let sections = d
        .sections
        .iter()
        .map(|s| s.get_ref())
        .map(|s| Office {
            id: text(&s.id),
            name: text(&s.name),
            phone: Phone::new(s.phone.get_ref()),
        })
        .collect();
    let duties = d
        .duties
        .iter()
        .map(|duty| duty.get_ref())
        .map(|duty| DutyView {
            feedback: None,
            id: text(&duty.id),
            title: text(&duty.title),
            basis: duty.basis.get_ref().iter().map(text).collect(),
            note: opt_text(&duty.note),
            items: duty
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let item = item.get_ref();
                    ItemView {
                        number: i + 1,
                        text: text(&item.text),
                        office: office(d, Some(&item.section)),
                        powers: item
                            .powers
                            .iter()
                            .filter_map(|p| d.power(p.get_ref()))
                            .map(|p| text(&p.name))
                            .collect(),
                        note: opt_text(&item.note),
                    }
                })
                .collect(),
        })
        .collect();
    let powers = d
        .powers
        .iter()
        .map(|p| p.get_ref())
        .map(|p| PowerView {
            id: text(&p.id),
            name: text(&p.name),
            kind: label(*p.kind.get_ref(), language),
            status: label(*p.status.get_ref(), language),
            status_key: p.status.get_ref().key(),
            delegated_to: opt_text(&p.delegated_to),
            basis: p.basis.iter().map(text).collect(),
        })
        .collect();
    let boundaries_led = d
        .boundaries
        .iter()
        .map(|b| boundary_ref(d, b.get_ref()))
        .collect();
    let boundaries_partnered = index
        .partnered(&d.id)
        .map(|(lead, b)| boundary_ref(lead, b))
        .collect();
    DepartmentView {
        link: DepartmentRef::of(d),
        phone: d.phone.as_ref().map(|p| Phone::new(p.get_ref())),
        address: opt_text(&d.address),
        website: opt_text(&d.website),
        summary: md(&d.summary),
        counts: Counts {
            duties: d.duties.len(),
            items: d.work_item_count(),
            boundaries: d.boundaries.len() + index.partnered(&d.id).count(),
            supervision: d.supervision.len(),
            services: d.services.len(),
        },
        sections,
        duties,
        powers,
        boundaries_led,
        boundaries_partnered,
        supervision: d
            .supervision
            .iter()
            .map(|r| regime(d, r.get_ref(), language))
            .collect(),
        services: d
            .services
            .iter()
            .map(|s| service(d, s.get_ref(), language))
            .collect(),
    }
}

fn boundary_ref(lead: &Department, b: &Boundary) -> BoundaryRef {
    BoundaryRef {
        id: text(&b.id),
        title: text(&b.title),
        url: boundary_url(b.id.get_ref()),
        lead: DepartmentRef::of(lead),
    }
}

pub fn boundary(lead: &Department, b: &Boundary, index: &ListIndex<'_>) -> BoundaryView {
    let reference = |id: &str| {
        index.department(id).map_or_else(
            || DepartmentRef {
                id: id.into(),
                name: id.into(),
                short_name: id.into(),
                url: department_url(id),
            },
            DepartmentRef::of,
        )
    };
    let case = b.case.get_ref();
    BoundaryView {
        feedback: None,
        swimlane: String::new(),
        id: text(&b.id),
        title: text(&b.title),
        area: text(&b.area),
        url: boundary_url(b.id.get_ref()),
        lead: DepartmentRef::of(lead),
        lead_duty: text(&b.lead_duty),
        partners: b
            .partners
            .get_ref()
            .iter()
            .map(|p| PartnerView {
                department: reference(p.get_ref().department.get_ref()),
                duty: text(&p.get_ref().duty),
            })
            .collect(),
        case_title: text(&case.title),
        scenario: markdown::to_html(case.scenario.get_ref()),
        steps: case
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let dep = s.get_ref().department.get_ref();
                StepView {
                    number: i + 1,
                    department: reference(dep),
                    is_lead: dep == &lead.id,
                    action: text(&s.get_ref().action),
                }
            })
            .collect(),
    }
}

pub fn regime(d: &Department, r: &SupervisionRegime, language: Language) -> RegimeView {
    RegimeView {
        feedback: None,
        id: text(&r.id),
        title: text(&r.title),
        category: label(*r.category.get_ref(), language),
        category_key: r.category.get_ref().key(),
        department: DepartmentRef::of(d),
        office: office(d, r.section.as_ref()),
        measures: r.measures.get_ref().iter().map(text).collect(),
        indicators: r
            .indicators
            .iter()
            .map(|i| (text(&i.get_ref().name), text(&i.get_ref().target)))
            .collect(),
        procedure: md(&r.procedure),
        penalty: md(&r.penalty),
        powers: r
            .power_ids()
            .filter_map(|id| d.power(id.get_ref()))
            .map(|p| PowerRef {
                id: text(&p.id),
                name: text(&p.name),
                status: label(*p.status.get_ref(), language),
            })
            .collect(),
    }
}

pub fn service(d: &Department, s: &PublicService, language: Language) -> ServiceView {
    ServiceView {
        feedback: None,
        id: text(&s.id),
        title: text(&s.title),
        category: label(*s.category.get_ref(), language),
        category_key: s.category.get_ref().key(),
        department: DepartmentRef::of(d),
        office: office(d, s.section.as_ref()),
        frequency: opt_text(&s.frequency),
        beyond_statutory: s.beyond_statutory.as_ref().is_some_and(|b| *b.get_ref()),
        description: md(&s.description),
    }
}

/// Groups entries by a key, in the order of `keys`, dropping empty groups.
pub fn grouped<T>(keys: &[(String, String)], entries: Vec<(String, T)>) -> Vec<Group<T>> {
    let mut by_key: BTreeMap<String, Vec<T>> = BTreeMap::new();
    for (key, entry) in entries {
        by_key.entry(key).or_default().push(entry);
    }
    keys.iter()
        .filter_map(|(key, title)| {
            by_key.remove(key).map(|entries| Group {
                key: key.clone(),
                title: title.clone(),
                entries,
            })
        })
        .collect()
}

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
