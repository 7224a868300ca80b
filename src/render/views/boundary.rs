//! A duty boundary as the templates see it: lead and partners with their parts, and the mock
//! case with its steps and its swimlane.

use serde::Serialize;

use super::{Cx, DepartmentRef, boundary_url, text};
use crate::check::LinkedBoundary;
use crate::render::diagrams::{self, Lane, Step, Swimlane};
use crate::render::markdown;

#[derive(Debug, Clone, Serialize)]
pub struct BoundaryView {
    pub feedback: Option<String>,
    /// The mock case as an inline SVG swimlane.
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

pub(super) fn view(b: &LinkedBoundary<'_>, cx: &Cx<'_>) -> BoundaryView {
    let m = b.model;
    let case = m.case.get_ref();
    BoundaryView {
        feedback: cx.feedback("", m.id.get_ref(), m.title.get_ref()),
        swimlane: swimlane(b, cx),
        id: text(&m.id),
        title: text(&m.title),
        area: text(&m.area),
        url: boundary_url(m.id.get_ref()),
        lead: DepartmentRef::of(b.lead),
        lead_duty: text(&m.lead_duty),
        partners: m
            .partners
            .get_ref()
            .iter()
            .zip(&b.partners)
            .map(|(p, department)| PartnerView {
                department: DepartmentRef::of(department),
                duty: text(&p.get_ref().duty),
            })
            .collect(),
        case_title: text(&case.title),
        scenario: markdown::to_html(case.scenario.get_ref()),
        steps: b
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| StepView {
                number: i + 1,
                department: DepartmentRef::of(s.department),
                is_lead: s.lane == 0,
                action: text(&s.model.action),
            })
            .collect(),
    }
}

/// The mock case drawn as a swimlane, one lane per department, in the site's words.
fn swimlane(b: &LinkedBoundary<'_>, cx: &Cx<'_>) -> String {
    let title = format!(
        "{}{}{}",
        cx.words.get("swimlane"),
        cx.words.get("colon"),
        b.model.case.get_ref().title.get_ref()
    );
    let mut lanes = vec![Lane {
        role: cx.words.get("lead_short"),
        name: b.lead.display_name(),
    }];
    lanes.extend(b.partners.iter().map(|p| Lane {
        role: cx.words.get("partner_short"),
        name: p.display_name(),
    }));
    diagrams::swimlane(&Swimlane {
        id: b.model.id.get_ref(),
        title: &title,
        description: cx.words.get("swimlane_desc"),
        colon: cx.words.get("colon"),
        lanes,
        steps: b
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| Step {
                number: i + 1,
                lane: s.lane,
                name: s.department.display_name(),
                action: s.model.action.get_ref(),
            })
            .collect(),
    })
}
