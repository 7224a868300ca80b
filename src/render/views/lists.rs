//! The views that list many entries: the home page's table and chart, the print edition's
//! volumes, boundaries by area with their matrix, and regimes and services by category; and
//! how each is paged when it would pass the page limit.

use std::collections::{BTreeMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;

use super::paging::{CHROME, Frame, Limits, Paged, weight};
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

    /// The matrix as page `n` (from 0) of the boundaries index shows it: on the first only.
    pub fn matrix_on(&self, n: usize) -> Matrix<'_> {
        if n > 0 {
            return Matrix {
                departments: Vec::new(),
                rows: Vec::new(),
            };
        }
        self.matrix()
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

/// How the lists that can outgrow a page are paged, and what the home page and the print
/// edition leave out at province scale.
#[derive(Debug, Clone, Default)]
pub struct Lists {
    /// The home page's table of departments.
    pub home: Paged,
    pub boundaries: Paged,
    pub supervision: Paged,
    pub services: Paged,
    /// Whether the home page shows the chart: not when the page would pass the limit with it.
    pub chart: bool,
    /// Whether `print.html`, the whole list as one document, is written; else the list prints
    /// by volume only.
    pub whole_print: bool,
}

/// What the home page has besides its chart and table of departments: totals, links, the
/// feedback and open-data sections.
const HOME: usize = 6_000;
/// What share of the weight of what it shows the print edition's HTML is: 3/5, which comes
/// within 5 % of the real size on the synthetic projects of 1× to 10× (0.58 of their weight)
/// and 40 % above it on the sample county (0.43), whose feedback links print leaves out.
const PRINT_SHARE: (usize, usize) = (3, 5);
/// What a group's line in the contents of an index adds to every page of it.
const CONTENTS_LINE: usize = 200;
/// The markup around one row of the home page's table of departments.
const ROW: usize = 100;
/// The markup around one boundary's card on the boundaries index.
const CARD: usize = 250;
/// The markup of a row (and of a column's heading), of a cell, and of a cell's mark, in the
/// department × boundary matrix.
const MATRIX_ROW: usize = 120;
const MATRIX_CELL: usize = 30;
const MATRIX_MARK: usize = 100;

impl Views {
    /// How each long list is paged under `limits`.
    pub(super) fn lists(&self, limits: Limits) -> Lists {
        let regimes = self.regimes();
        let services = self.services();
        let regime_weights = weights(&regimes, |r| weight(*r));
        let service_weights = weights(&services, |s| weight(*s));
        let indexed = |groups: usize| Frame {
            every: CHROME + CONTENTS_LINE * groups,
            first: 0,
        };
        let (home, chart) = self.home_pages(limits.page);
        Lists {
            home,
            boundaries: self.boundary_pages(limits.page),
            supervision: Paged::new(
                &regimes,
                &regime_weights,
                |r| &r.department.name,
                &indexed(regimes.len()),
                limits.page,
            ),
            services: Paged::new(
                &services,
                &service_weights,
                |s| &s.department.name,
                &indexed(services.len()),
                limits.page,
            ),
            chart,
            whole_print: self.whole_print(limits.print, &regime_weights, &service_weights),
        }
    }

    /// The home page's table of departments paged, and whether the page keeps its chart: the
    /// chart goes first when the page would pass the limit, then the table is split.
    fn home_pages(&self, limit: Option<usize>) -> (Paged, bool) {
        let rows = vec![self.department_list()];
        let row = |r: &Row| {
            let c = r.counts;
            let shown = (&r.link.name, &r.link.url, c.duties, c.items, c.supervision);
            ROW + weight(&(shown, c.services))
        };
        let row_weights = weights(&rows, row);
        let volumes: usize = self.volumes.iter().map(weight).sum();
        let paged = |chart: usize| {
            let frame = Frame {
                every: CHROME,
                first: HOME + volumes + weight(&self.totals) + chart,
            };
            Paged::new(&rows, &row_weights, |r| &r.link.name, &frame, limit)
        };
        let with_chart = paged(self.chart.len());
        if with_chart.count() == 1 {
            return (with_chart, true);
        }
        (paged(0), false)
    }

    /// The boundaries index paged; its matrix, when it has one, is on the first page.
    fn boundary_pages(&self, limit: Option<usize>) -> Paged {
        let areas = self.by_area();
        let card = |b: &&BoundaryView| {
            let partners: Vec<&str> = b
                .partners
                .iter()
                .map(|p| p.department.short_name.as_str())
                .collect();
            CARD + weight(&(
                &b.title,
                &b.url,
                &b.lead.short_name,
                partners,
                &b.case_title,
            ))
        };
        let frame = Frame {
            every: CHROME + CONTENTS_LINE * areas.len(),
            first: matrix_weight(&self.matrix()),
        };
        Paged::new(
            &areas,
            &weights(&areas, card),
            |b| &b.lead.name,
            &frame,
            limit,
        )
    }

    /// Whether the whole list is printed as one document: always for a list of one county's
    /// size (it has no volumes); else while its estimated size is within `limit`. The print
    /// edition shows each department, then its boundaries, regimes and services again by
    /// chapter, in less markup than the site: `PRINT_SHARE` of their weights. The departments
    /// are weighed in order until the estimate passes the limit, so a province's are not all
    /// weighed.
    fn whole_print(
        &self,
        limit: Option<usize>,
        regimes: &[Vec<usize>],
        services: &[Vec<usize>],
    ) -> bool {
        let Some(limit) = limit.filter(|_| !self.volumes.is_empty()) else {
            return true;
        };
        let mut weights = regimes
            .iter()
            .chain(services)
            .flatten()
            .copied()
            .chain(self.departments.iter().map(weight))
            .chain(self.boundaries.iter().map(weight));
        let mut sum = 0;
        weights.all(|w| {
            sum += w;
            sum / PRINT_SHARE.1 * PRINT_SHARE.0 <= limit
        })
    }

    /// The departments as one group, for the paging of the home page's table.
    pub fn department_list(&self) -> Group<Row<'_>> {
        Group {
            key: "departments".to_string(),
            title: String::new(),
            entries: self.rows(),
        }
    }
}

/// What the department × boundary matrix adds to the boundaries index: a row per boundary, a
/// cell per department in it, more for a cell that marks a lead or a partner.
fn matrix_weight(matrix: &Matrix<'_>) -> usize {
    let head: usize = matrix
        .departments
        .iter()
        .map(|d| MATRIX_ROW + weight(&(&d.url, &d.short_name)))
        .sum();
    let rows: usize = matrix
        .rows
        .iter()
        .map(|r| {
            let marks = r.cells.iter().filter(|c| !c.is_empty()).count();
            MATRIX_ROW
                + weight(&(r.title, r.url))
                + MATRIX_CELL * r.cells.len()
                + MATRIX_MARK * marks
        })
        .sum();
    head + rows
}

/// The weight of each entry of each group, on every core.
fn weights<T: Sync>(groups: &[Group<T>], weigh: impl Fn(&T) -> usize + Sync) -> Vec<Vec<usize>> {
    groups
        .iter()
        .map(|g| g.entries.par_iter().map(&weigh).collect())
        .collect()
}
