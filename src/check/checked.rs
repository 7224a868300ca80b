//! A project that passed `check`: the only value the renderers accept. Making one resolves, once,
//! every reference the rules guarantee — a work item's office and powers, a regime's, a
//! service's, a boundary's lead, partners and the departments of its steps — so that renderers
//! read them directly and never look them up or fall back.

use std::collections::HashMap;

use crate::model::{
    Boundary, Build, CaseStep, Department, Duty, Language, Power, Project, PublicService, Section,
    Site, SupervisionRegime, Totals, WorkItem,
};

/// The checked project, departments in publication order (by `order`, then id).
pub struct Checked<'p> {
    project: &'p Project,
    site: &'p Site,
    departments: Vec<LinkedDepartment<'p>>,
    /// Every boundary in publication order of its lead, then file order.
    boundaries: Vec<LinkedBoundary<'p>>,
}

/// A department with its entries' references resolved.
pub struct LinkedDepartment<'p> {
    pub model: &'p Department,
    pub duties: Vec<LinkedDuty<'p>>,
    pub supervision: Vec<LinkedRegime<'p>>,
    pub services: Vec<LinkedService<'p>>,
    /// The boundaries it is a partner in, with their leads, in publication order.
    pub partnered: Vec<(&'p Department, &'p Boundary)>,
}

pub struct LinkedDuty<'p> {
    pub model: &'p Duty,
    pub items: Vec<LinkedItem<'p>>,
}

pub struct LinkedItem<'p> {
    pub model: &'p WorkItem,
    pub section: &'p Section,
    pub powers: Vec<&'p Power>,
}

pub struct LinkedRegime<'p> {
    pub model: &'p SupervisionRegime,
    pub section: Option<&'p Section>,
    pub powers: Vec<&'p Power>,
}

pub struct LinkedService<'p> {
    pub model: &'p PublicService,
    pub section: Option<&'p Section>,
}

pub struct LinkedBoundary<'p> {
    pub model: &'p Boundary,
    pub lead: &'p Department,
    /// The partners' departments, in the order of `model.partners`.
    pub partners: Vec<&'p Department>,
    pub steps: Vec<LinkedStep<'p>>,
}

pub struct LinkedStep<'p> {
    pub model: &'p CaseStep,
    pub department: &'p Department,
    /// 0 for the lead, then 1, 2, … for the partners in their order.
    pub lane: usize,
}

/// A reference that did not resolve although the rules passed: a bug in resplist.
#[derive(Debug)]
pub struct Unresolved(pub String);

impl<'p> Checked<'p> {
    /// Resolves every reference of a project in which the rules found no error.
    pub(crate) fn new(project: &'p Project) -> Result<Checked<'p>, Unresolved> {
        let site = project
            .site
            .as_ref()
            .map(|s| s.site.get_ref())
            .ok_or_else(|| Unresolved("resplist.toml has no [site]".into()))?;
        let mut order: Vec<&Department> = project.departments.iter().collect();
        order.sort_by(|a, b| (sort_key(a), &a.id).cmp(&(sort_key(b), &b.id)));
        let by_id: HashMap<&str, &Department> = order.iter().map(|d| (d.id.as_str(), *d)).collect();
        let boundaries = order
            .iter()
            .flat_map(|d| d.boundaries.iter().map(move |b| (*d, b.get_ref())))
            .map(|(lead, b)| link_boundary(lead, b, &by_id))
            .collect::<Result<Vec<_>, _>>()?;
        let mut partnered: HashMap<&str, Vec<(&Department, &Boundary)>> = HashMap::new();
        for b in &boundaries {
            for p in &b.partners {
                partnered
                    .entry(p.id.as_str())
                    .or_default()
                    .push((b.lead, b.model));
            }
        }
        let departments = order
            .into_iter()
            .map(|d| link_department(d, partnered.remove(d.id.as_str()).unwrap_or_default()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Checked {
            project,
            site,
            departments,
            boundaries,
        })
    }

    pub fn project(&self) -> &'p Project {
        self.project
    }

    pub fn site(&self) -> &'p Site {
        self.site
    }

    pub fn build(&self) -> Option<&'p Build> {
        self.project
            .site
            .as_ref()
            .and_then(|s| s.build.as_ref())
            .map(|b| b.get_ref())
    }

    pub fn language(&self) -> Language {
        self.site.language()
    }

    /// `[search]` of `resplist.toml`, when given.
    pub fn search_settings(&self) -> Option<&'p crate::model::SearchSettings> {
        self.project
            .site
            .as_ref()
            .and_then(|s| s.search.as_ref())
            .map(|s| s.get_ref())
    }

    /// The departments in publication order.
    pub fn departments(&self) -> &[LinkedDepartment<'p>] {
        &self.departments
    }

    /// Every boundary, in publication order of its lead.
    pub fn boundaries(&self) -> &[LinkedBoundary<'p>] {
        &self.boundaries
    }

    pub fn totals(&self) -> Totals {
        Totals::of(self.departments.iter().map(|d| d.model))
    }
}

fn sort_key(d: &Department) -> i64 {
    d.order.as_ref().map_or(i64::MAX, |o| *o.get_ref())
}

fn link_department<'p>(
    d: &'p Department,
    partnered: Vec<(&'p Department, &'p Boundary)>,
) -> Result<LinkedDepartment<'p>, Unresolved> {
    let duties = d
        .duties
        .iter()
        .map(|duty| {
            let duty = duty.get_ref();
            let items = duty
                .items
                .iter()
                .map(|item| {
                    let item = item.get_ref();
                    Ok(LinkedItem {
                        model: item,
                        section: section(d, item.section.get_ref())?,
                        powers: powers(d, item.powers.iter().map(|p| p.get_ref().as_str()))?,
                    })
                })
                .collect::<Result<_, _>>()?;
            Ok(LinkedDuty { model: duty, items })
        })
        .collect::<Result<_, _>>()?;
    let supervision = d
        .supervision
        .iter()
        .map(|r| {
            let r = r.get_ref();
            Ok(LinkedRegime {
                model: r,
                section: optional_section(d, r.section.as_ref().map(|s| s.get_ref()))?,
                powers: powers(d, r.power_ids().map(|p| p.get_ref().as_str()))?,
            })
        })
        .collect::<Result<_, _>>()?;
    let services = d
        .services
        .iter()
        .map(|s| {
            let s = s.get_ref();
            Ok(LinkedService {
                model: s,
                section: optional_section(d, s.section.as_ref().map(|x| x.get_ref()))?,
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(LinkedDepartment {
        model: d,
        duties,
        supervision,
        services,
        partnered,
    })
}

fn section<'p>(d: &'p Department, id: &str) -> Result<&'p Section, Unresolved> {
    d.section(id)
        .ok_or_else(|| Unresolved(format!("section `{id}` of `{}`", d.id)))
}

fn optional_section<'p>(
    d: &'p Department,
    id: Option<&String>,
) -> Result<Option<&'p Section>, Unresolved> {
    id.map(|id| section(d, id)).transpose()
}

fn powers<'p, 'i>(
    d: &'p Department,
    ids: impl Iterator<Item = &'i str>,
) -> Result<Vec<&'p Power>, Unresolved> {
    ids.map(|id| {
        d.power(id)
            .ok_or_else(|| Unresolved(format!("power `{id}` of `{}`", d.id)))
    })
    .collect()
}

fn link_boundary<'p>(
    lead: &'p Department,
    b: &'p Boundary,
    by_id: &HashMap<&str, &'p Department>,
) -> Result<LinkedBoundary<'p>, Unresolved> {
    let department = |id: &str| {
        by_id
            .get(id)
            .copied()
            .ok_or_else(|| Unresolved(format!("department `{id}` in boundary `{}`", b.id)))
    };
    let partners = b
        .partners
        .get_ref()
        .iter()
        .map(|p| department(p.get_ref().department.get_ref()))
        .collect::<Result<Vec<_>, _>>()?;
    let steps = b
        .case
        .get_ref()
        .steps
        .iter()
        .map(|s| {
            let step = s.get_ref();
            let id = step.department.get_ref();
            let lane = if *id == lead.id {
                Some(0)
            } else {
                partners.iter().position(|p| p.id == *id).map(|i| i + 1)
            };
            Ok(LinkedStep {
                model: step,
                department: department(id)?,
                lane: lane.ok_or_else(|| {
                    Unresolved(format!("step by `{id}` outside boundary `{}`", b.id))
                })?,
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(LinkedBoundary {
        model: b,
        lead,
        partners,
        steps,
    })
}
