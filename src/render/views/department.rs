//! A department's page as the templates see it: its offices, duties with their work items,
//! powers, boundaries, regimes and services.

use serde::Serialize;

use super::{Cx, DepartmentRef, Office, Phone, boundary_url, md, opt_text, text};
use crate::check::{LinkedDepartment, LinkedDuty, LinkedRegime, LinkedService};
use crate::model::{Boundary, Department, Power};

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
pub struct Counts {
    pub duties: usize,
    pub items: usize,
    pub boundaries: usize,
    pub supervision: usize,
    pub services: usize,
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
    pub office: Office,
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
    pub audience: Option<String>,
    pub frequency: Option<String>,
    pub beyond_statutory: bool,
    pub description: Option<String>,
}

pub(super) fn view(d: &LinkedDepartment<'_>, cx: &Cx<'_>) -> DepartmentView {
    let m = d.model;
    let link = DepartmentRef::of(m);
    DepartmentView {
        phone: m.phone.as_ref().map(|p| Phone::new(p.get_ref())),
        address: opt_text(&m.address),
        website: opt_text(&m.website),
        summary: md(&m.summary),
        counts: Counts {
            duties: m.duties.len(),
            items: m.work_item_count(),
            boundaries: m.boundaries.len() + d.partnered.len(),
            supervision: m.supervision.len(),
            services: m.services.len(),
        },
        sections: m.sections.iter().map(|s| Office::of(s.get_ref())).collect(),
        duties: d
            .duties
            .iter()
            .map(|duty| duty_view(duty, &link, cx))
            .collect(),
        powers: m
            .powers
            .iter()
            .map(|p| power_view(p.get_ref(), cx))
            .collect(),
        boundaries_led: m
            .boundaries
            .iter()
            .map(|b| boundary_ref(m, b.get_ref()))
            .collect(),
        boundaries_partnered: d
            .partnered
            .iter()
            .map(|(lead, b)| boundary_ref(lead, b))
            .collect(),
        supervision: d.supervision.iter().map(|r| regime(r, m, cx)).collect(),
        services: d.services.iter().map(|s| service(s, m, cx)).collect(),
        link,
    }
}

fn duty_view(duty: &LinkedDuty<'_>, department: &DepartmentRef, cx: &Cx<'_>) -> DutyView {
    let m = duty.model;
    DutyView {
        feedback: cx.feedback(&department.name, m.id.get_ref(), m.title.get_ref()),
        id: text(&m.id),
        title: text(&m.title),
        basis: m.basis.get_ref().iter().map(text).collect(),
        note: opt_text(&m.note),
        items: duty
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| ItemView {
                number: i + 1,
                text: text(&item.model.text),
                office: Office::of(item.section),
                powers: item.powers.iter().map(|p| text(&p.name)).collect(),
                note: opt_text(&item.model.note),
            })
            .collect(),
    }
}

fn power_view(p: &Power, cx: &Cx<'_>) -> PowerView {
    PowerView {
        id: text(&p.id),
        name: text(&p.name),
        kind: cx.label(*p.kind.get_ref()),
        status: cx.label(*p.status.get_ref()),
        status_key: p.status.get_ref().key(),
        delegated_to: p.delegate().map(str::to_string),
        basis: p.basis.iter().map(text).collect(),
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

fn regime(r: &LinkedRegime<'_>, d: &Department, cx: &Cx<'_>) -> RegimeView {
    let m = r.model;
    RegimeView {
        feedback: cx.feedback(d.name.get_ref(), m.id.get_ref(), m.title.get_ref()),
        id: text(&m.id),
        title: text(&m.title),
        category: cx.label(*m.category.get_ref()),
        category_key: m.category.get_ref().key(),
        department: DepartmentRef::of(d),
        office: r.section.map(Office::of),
        measures: m.measures.get_ref().iter().map(text).collect(),
        indicators: m
            .indicators
            .iter()
            .map(|i| (text(&i.get_ref().name), text(&i.get_ref().target)))
            .collect(),
        procedure: md(&m.procedure),
        penalty: md(&m.penalty),
        powers: r
            .powers
            .iter()
            .map(|p| PowerRef {
                id: text(&p.id),
                name: text(&p.name),
                status: cx.label(*p.status.get_ref()),
            })
            .collect(),
    }
}

fn service(s: &LinkedService<'_>, d: &Department, cx: &Cx<'_>) -> ServiceView {
    let m = s.model;
    ServiceView {
        feedback: cx.feedback(d.name.get_ref(), m.id.get_ref(), m.title.get_ref()),
        id: text(&m.id),
        title: text(&m.title),
        category: cx.label(*m.category.get_ref()),
        category_key: m.category.get_ref().key(),
        department: DepartmentRef::of(d),
        office: s.section.map(Office::of),
        audience: opt_text(&m.audience),
        frequency: opt_text(&m.frequency),
        beyond_statutory: m.beyond_statutory.as_ref().is_some_and(|b| *b.get_ref()),
        description: md(&m.description),
    }
}
