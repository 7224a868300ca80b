//! Lookups the renderers need, built once from a loaded project: departments in publication
//! order, by id, and the boundaries each department partners in.

use std::collections::HashMap;

use crate::model::Project;
use crate::model::{Boundary, Department};

pub struct ListIndex<'p> {
    /// Departments by `order`, then id.
    pub departments: Vec<&'p Department>,
    by_id: HashMap<&'p str, &'p Department>,
    /// (lead, boundary) in publication order of the lead, then file order.
    pub boundaries: Vec<(&'p Department, &'p Boundary)>,
    partnered: HashMap<&'p str, Vec<usize>>,
}

impl<'p> ListIndex<'p> {
    pub fn new(project: &'p Project) -> ListIndex<'p> {
        let mut departments: Vec<&Department> = project.departments.iter().collect();
        departments.sort_by(|a, b| {
            (a.order.as_ref().map_or(i64::MAX, |o| *o.get_ref()), &a.id)
                .cmp(&(b.order.as_ref().map_or(i64::MAX, |o| *o.get_ref()), &b.id))
        });
        let by_id = departments.iter().map(|d| (d.id.as_str(), *d)).collect();
        let boundaries: Vec<(&Department, &Boundary)> = departments
            .iter()
            .flat_map(|d| d.boundaries.iter().map(move |b| (*d, b.get_ref())))
            .collect();
        let mut partnered: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, (_, b)) in boundaries.iter().enumerate() {
            for p in b.partners.get_ref() {
                partnered
                    .entry(p.get_ref().department.get_ref().as_str())
                    .or_default()
                    .push(i);
            }
        }
        ListIndex {
            departments,
            by_id,
            boundaries,
            partnered,
        }
    }

    pub fn department(&self, id: &str) -> Option<&'p Department> {
        self.by_id.get(id).copied()
    }

    /// The boundaries `department` partners in, with their leads.
    pub fn partnered(
        &self,
        department: &str,
    ) -> impl Iterator<Item = (&'p Department, &'p Boundary)> + '_ {
        self.partnered
            .get(department)
            .into_iter()
            .flatten()
            .map(|i| self.boundaries[*i])
    }
}
