//! The views that list many entries: the home page's table and chart, the print edition's
//! volumes, boundaries by area with their matrix, and regimes and services by category.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::{
    BoundaryView, Counts, DepartmentRef, DepartmentView, Group, Labelled, RegimeView, ServiceView,
    Views, label,
};
use crate::model::{ServiceCategory, SupervisionCategory};
use crate::render::diagrams;
use crate::render::html::Words;

/// Departments per volume of the print edition: about one county's list.
pub const VOLUME: usize = 40;

/// A department's row on the home page.
#[derive(Serialize)]
pub struct Row<'a> {
    #[serde(flatten)]
    pub link: &'a DepartmentRef,
    pub counts: &'a Counts,
}

/// A volume of the print edition (every `VOLUME` departments): its link and label.
#[derive(Debug, Clone, Serialize)]
pub struct Volume {
    pub url: String,
    pub label: String,
}

/// Who leads and who partners in which boundary, for the departments in any boundary.
#[derive(Serialize)]
pub struct Matrix<'a> {
    pub departments: Vec<&'a DepartmentRef>,
    pub rows: Vec<MatrixRow<'a>>,
}

#[derive(Serialize)]
pub struct MatrixRow<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub cells: Vec<&'static str>,
}

/// A matrix wider or taller than this is unreadable and grows with the square of the list, so a
/// province-sized list gets none (a county has about 40 departments and 35 boundaries).
const MATRIX_MAX_DEPARTMENTS: usize = 60;
const MATRIX_MAX_BOUNDARIES: usize = 150;

impl Views {
    pub fn rows(&self) -> Vec<Row<'_>> {
        self.departments
            .iter()
            .map(|d| Row {
                link: &d.link,
                counts: &d.counts,
            })
            .collect()
    }

    /// The boundaries grouped by area, areas in alphabetical order.
    pub fn by_area(&self) -> Vec<Group<&BoundaryView>> {
        let mut areas: Vec<(String, String)> = self
            .boundaries
            .iter()
            .map(|b| (b.area.clone(), b.area.clone()))
            .collect();
        areas.sort();
        areas.dedup();
        grouped(
            &areas,
            self.boundaries
                .iter()
                .map(|b| (b.area.clone(), b))
                .collect(),
        )
    }

    pub fn matrix(&self) -> Matrix<'_> {
        let involved: HashSet<&str> = self
            .boundaries
            .iter()
            .flat_map(|b| {
                std::iter::once(b.lead.id.as_str())
                    .chain(b.partners.iter().map(|p| p.department.id.as_str()))
            })
            .collect();
        if involved.len() > MATRIX_MAX_DEPARTMENTS || self.boundaries.len() > MATRIX_MAX_BOUNDARIES
        {
            return Matrix {
                departments: Vec::new(),
                rows: Vec::new(),
            };
        }
        let departments: Vec<&DepartmentRef> = self
            .departments
            .iter()
            .map(|d| &d.link)
            .filter(|d| involved.contains(d.id.as_str()))
            .collect();
        let rows = self
            .boundaries
            .iter()
            .map(|b| MatrixRow {
                title: &b.title,
                url: &b.url,
                cells: departments.iter().map(|d| role(b, &d.id)).collect(),
            })
            .collect();
        Matrix { departments, rows }
    }

    /// Every regime, grouped by category in FORMAT.md's order.
    pub fn regimes(&self) -> Vec<Group<&RegimeView>> {
        let entries = self
            .departments
            .iter()
            .flat_map(|d| &d.supervision)
            .map(|r| (r.category_key, r));
        self.by_category(SupervisionCategory::ALL, SupervisionCategory::key, entries)
    }

    /// Every service, grouped by category in FORMAT.md's order.
    pub fn services(&self) -> Vec<Group<&ServiceView>> {
        let entries = self
            .departments
            .iter()
            .flat_map(|d| &d.services)
            .map(|s| (s.category_key, s));
        self.by_category(ServiceCategory::ALL, ServiceCategory::key, entries)
    }

    /// `entries` (each with its category's key) grouped under the categories' labels.
    fn by_category<C: Labelled, T>(
        &self,
        categories: &[C],
        key: fn(C) -> &'static str,
        entries: impl Iterator<Item = (&'static str, T)>,
    ) -> Vec<Group<T>> {
        let keys: Vec<(String, String)> = categories
            .iter()
            .map(|c| (key(*c).to_string(), label(*c, self.language)))
            .collect();
        grouped(&keys, entries.map(|(k, e)| (k.to_string(), e)).collect())
    }
}

/// `lead`, `partner` or nothing: a department's part in a boundary.
fn role(b: &BoundaryView, department: &str) -> &'static str {
    if b.lead.id == department {
        "lead"
    } else if b.partners.iter().any(|p| p.department.id == department) {
        "partner"
    } else {
        ""
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

/// The bars of each department's duties, work items, regimes and services.
pub(super) fn chart(departments: &[DepartmentView], words: &Words) -> String {
    let rows: Vec<(&str, [usize; 4])> = departments
        .iter()
        .map(|d| {
            let c = &d.counts;
            (
                d.link.short_name.as_str(),
                [c.duties, c.items, c.supervision, c.services],
            )
        })
        .collect();
    diagrams::counts_chart(
        &rows,
        ["col_duties", "col_items", "col_regimes", "col_services"].map(|k| words.get(k)),
        words.get("chart"),
        words.get("chart_desc"),
    )
}

/// The volumes the print edition is split into (none for a list of one county's size).
pub(super) fn volumes(departments: &[DepartmentView], words: &Words) -> Vec<Volume> {
    if departments.len() <= VOLUME {
        return Vec::new();
    }
    let total = departments.len().div_ceil(VOLUME);
    departments
        .chunks(VOLUME)
        .enumerate()
        .map(|(v, members)| {
            let n = words
                .get("volume")
                .replace("{n}", &(v + 1).to_string())
                .replace("{total}", &total.to_string());
            let first = members.first().map_or("", |d| d.link.name.as_str());
            let last = members.last().map_or("", |d| d.link.name.as_str());
            Volume {
                url: format!("print/volume-{:02}.html", v + 1),
                label: format!("{n}{}{first} — {last}", words.get("colon")),
            }
        })
        .collect()
}
