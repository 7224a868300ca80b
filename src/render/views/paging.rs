//! Lists too long for one page: how large a page may grow, an estimate of what each entry adds
//! to one, and the split of a grouped list into numbered pages that stay under the limit.

use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;

use super::Group;
use crate::model::{Build, Spanned};

/// The most bytes a page of the site should have unless `[build] page_limit` says otherwise:
/// 1 MB, which a phone on a slow connection still opens and shows (a province's supervision
/// index was 33 MB).
pub const PAGE_LIMIT: usize = 1_000_000;

/// `print.html` is written only while its estimated size is at most this (`[build]
/// print_limit`); above it the list prints by volume. Headless Chromium printing the synthetic
/// lists' `print.html` to PDF on this project's 2-core machine: 1.4 MB (1×) in 11 s, 378 pages;
/// 7.2 MB (5×) in 150 s, 1,874 pages, 1.1 GB; 14.4 MB (10×) in 170 s, 3,736 pages, 2.5 GB;
/// 25.9 MB (18×) and 36 MB (25×) not done after 15 minutes. 10 MB stays well below the size
/// that no longer prints (`docs/performance.md`).
pub const PRINT_LIMIT: usize = 10_000_000;

/// What a page carries besides its list — head, masthead, search box, footer (the search page,
/// which is little else, is about 4 KB) — and the pager above and below the list.
pub const CHROME: usize = 8_000;

/// What one group's heading and its line in the contents add to a page.
const HEADING: usize = 400;

/// What one line of the list of pages adds to the first page (its link, and the groups and
/// departments the page covers).
const PAGE_LINE: usize = 400;

/// The size limits of one build; `None` is no limit.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub page: Option<usize>,
    pub print: Option<usize>,
}

impl Limits {
    /// The limits `[build]` sets (0 is none), else `PAGE_LIMIT` and `PRINT_LIMIT`.
    pub fn of(build: Option<&Build>) -> Limits {
        let limit = |set: Option<&Spanned<u32>>, default: usize| match set.map(|n| *n.get_ref()) {
            None => Some(default),
            Some(0) => None,
            Some(n) => Some(n as usize),
        };
        Limits {
            page: limit(build.and_then(|b| b.page_limit.as_ref()), PAGE_LIMIT),
            print: limit(build.and_then(|b| b.print_limit.as_ref()), PRINT_LIMIT),
        }
    }
}

/// An estimate of the bytes of HTML `entry` becomes where a page shows all of it: the bytes of
/// its JSON, with each character that HTML escaping lengthens counted as its entity, half as
/// much again for the tags and labels around each value. It errs high on purpose: a page split
/// early costs a click, a page over the limit costs a phone.
pub fn weight<T: Serialize + ?Sized>(entry: &T) -> usize {
    let mut tally = Tally(0);
    // Neither can fail: a tally takes every byte, and views have no maps with non-string keys.
    let _ = serde_json::to_writer(&mut tally, entry);
    tally.0 + tally.0 / 2
}

/// Counts what is written to it, as `weight` weighs it.
struct Tally(usize);

impl Write for Tally {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let lengthened = buf
            .iter()
            .filter(|b| matches!(b, b'&' | b'<' | b'>' | b'\''))
            .count();
        self.0 += buf.len() + 4 * lengthened;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Which entries one page shows: for each of its groups, in order, a range of the group's
/// entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span(pub Vec<Part>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub group: usize,
    pub entries: Range<usize>,
}

/// Splits a list, given the weight of each entry of each group, into pages of at most `budget`
/// (the first page at most `first`), each group's heading weighing `heading` on every page it
/// is on. In order: a group that fits on the page goes there whole; one that does not, but fits
/// on a page of its own, starts the next page; one larger than a page fills pages and runs on.
/// Every page takes at least one entry, however heavy.
pub fn split(groups: &[Vec<usize>], heading: usize, first: usize, budget: usize) -> Vec<Span> {
    let mut pages: Vec<Span> = Vec::new();
    let mut page: Vec<Part> = Vec::new();
    let mut used = 0;
    let room = |pages: &Vec<Span>| if pages.is_empty() { first } else { budget };
    for (group, weights) in groups.iter().enumerate() {
        let whole = heading + weights.iter().sum::<usize>();
        if !page.is_empty() && used + whole > room(&pages) && whole <= budget {
            pages.push(Span(std::mem::take(&mut page)));
            used = 0;
        }
        used += heading;
        let mut start = 0;
        for (i, w) in weights.iter().enumerate() {
            if used + w > room(&pages) && (i > start || !page.is_empty()) {
                if i > start {
                    page.push(Part {
                        group,
                        entries: start..i,
                    });
                }
                pages.push(Span(std::mem::take(&mut page)));
                start = i;
                used = heading;
            }
            used += w;
        }
        if weights.len() > start {
            page.push(Part {
                group,
                entries: start..weights.len(),
            });
        }
    }
    if !page.is_empty() {
        pages.push(Span(page));
    }
    pages
}

/// What a list's pages carry besides its entries, for `Paged::new`.
pub struct Frame {
    /// Bytes every page has: its chrome, and the contents of the groups when it lists them.
    pub every: usize,
    /// Bytes only the first page has (the home page's totals and links, a matrix).
    pub first: usize,
}

/// A list as numbered pages: which entries each shows and what each covers. One page, the list
/// whole, unless the list would pass the limit.
#[derive(Debug, Clone, Default)]
pub struct Paged {
    /// Empty for a list on one page.
    spans: Vec<Span>,
    covers: Vec<Covers>,
}

impl Paged {
    /// `groups` paged under `limit`: `weights` are the weights of each group's entries, `who`
    /// names an entry's department (what a page covers is said by department).
    pub fn new<T>(
        groups: &[Group<T>],
        weights: &[Vec<usize>],
        who: impl Fn(&T) -> &str,
        frame: &Frame,
        limit: Option<usize>,
    ) -> Paged {
        let entries: usize = weights.iter().flatten().sum();
        let whole = frame.every + frame.first + HEADING * weights.len() + entries;
        let Some(limit) = limit.filter(|l| whole > *l) else {
            return Paged::default();
        };
        let budget = limit.saturating_sub(frame.every);
        // The first page lists every page: split again with room for that list until it has it.
        let mut list = 0;
        let spans = loop {
            let first = budget.saturating_sub(frame.first + list);
            let spans = split(weights, HEADING, first, budget);
            if spans.len() * PAGE_LINE <= list || first == 0 {
                break spans;
            }
            list = (spans.len() + 1) * PAGE_LINE;
        };
        if spans.len() < 2 {
            return Paged::default();
        }
        let covers = spans.iter().map(|s| covers(s, groups, &who)).collect();
        Paged { spans, covers }
    }

    /// How many pages: 1 for a list not split.
    pub fn count(&self) -> usize {
        self.spans.len().max(1)
    }

    /// The groups page `n` (from 0) shows, each with its entries on that page.
    pub fn groups<'g, T>(&self, n: usize, groups: &'g [Group<T>]) -> Vec<PageGroup<'g, T>> {
        let Some(span) = self.spans.get(n) else {
            return groups
                .iter()
                .enumerate()
                .map(|(i, g)| PageGroup::of(i, g, 0..g.entries.len()))
                .collect();
        };
        span.0
            .iter()
            .filter_map(|p| {
                let group = groups.get(p.group)?;
                Some(PageGroup::of(p.group, group, p.entries.clone()))
            })
            .collect()
    }

    /// The contents of the whole list for page `n`: each group with its number of entries and
    /// where it starts (`file` names page k's file), or `""` when it starts on page `n`.
    pub fn contents<'g, T>(
        &self,
        n: usize,
        groups: &'g [Group<T>],
        file: impl Fn(usize) -> String,
    ) -> Vec<ContentsEntry<'g>> {
        groups
            .iter()
            .enumerate()
            .map(|(g, group)| {
                let starts = self
                    .spans
                    .iter()
                    .position(|s| s.0.iter().any(|p| p.group == g && p.entries.start == 0))
                    .unwrap_or(0);
                ContentsEntry {
                    number: g + 1,
                    key: &group.key,
                    title: &group.title,
                    count: group.entries.len(),
                    url: if starts == n {
                        String::new()
                    } else {
                        file(starts)
                    },
                }
            })
            .collect()
    }

    /// The pager of page `n` (from 0), `file` naming page k's file; none for a list on one page.
    pub fn pager(&self, n: usize, file: impl Fn(usize) -> String) -> Option<Pager<'_>> {
        if self.spans.len() < 2 {
            return None;
        }
        let total = self.spans.len();
        let link = |k: usize| PageLink {
            number: k + 1,
            url: file(k),
            covers: &self.covers[k],
            current: k == n,
        };
        let mut nearby: Vec<Option<PageLink>> = Vec::new();
        let mut last = None;
        for k in (0..total).filter(|k| *k == 0 || *k + 1 == total || k.abs_diff(n) <= 2) {
            if last.is_some_and(|l| k > l + 1) {
                nearby.push(None);
            }
            nearby.push(Some(link(k)));
            last = Some(k);
        }
        Some(Pager {
            number: n + 1,
            total,
            prev: n.checked_sub(1).map(&file),
            next: (n + 1 < total).then(|| file(n + 1)),
            covers: &self.covers[n],
            nearby,
            all: if n == 0 && self.covers.iter().any(Covers::partial) {
                (0..total).map(link).collect()
            } else {
                Vec::new()
            },
        })
    }
}

/// What a page covers: its groups, each with the departments of its first and last entry when
/// the group is split across pages.
fn covers<T>(span: &Span, groups: &[Group<T>], who: &impl Fn(&T) -> &str) -> Covers {
    let mut parts: Vec<CoversPart> = span
        .0
        .iter()
        .filter_map(|p| {
            let group = groups.get(p.group)?;
            let whole = p.entries.len() == group.entries.len();
            let name = |i: usize| group.entries.get(i).map(|e| who(e).to_string());
            Some(CoversPart {
                title: group.title.clone(),
                from: if whole { None } else { name(p.entries.start) },
                to: if whole {
                    None
                } else {
                    name(p.entries.end.saturating_sub(1))
                },
            })
        })
        .collect();
    let through = parts.len() > 3;
    if through {
        parts.drain(1..parts.len() - 1);
    }
    Covers { parts, through }
}

/// A group as one page shows it.
#[derive(Serialize)]
pub struct PageGroup<'g, T> {
    /// Its place in the whole list, from 1.
    pub number: usize,
    pub key: &'g str,
    pub title: &'g str,
    /// Whether the group began on an earlier page.
    pub continued: bool,
    pub entries: &'g [T],
}

impl<'g, T> PageGroup<'g, T> {
    fn of(index: usize, group: &'g Group<T>, entries: Range<usize>) -> PageGroup<'g, T> {
        PageGroup {
            number: index + 1,
            key: &group.key,
            title: &group.title,
            continued: entries.start > 0,
            entries: group.entries.get(entries).unwrap_or_default(),
        }
    }
}

/// A group in the contents of a paged list.
#[derive(Serialize)]
pub struct ContentsEntry<'g> {
    /// Its place in the whole list, from 1.
    pub number: usize,
    pub key: &'g str,
    pub title: &'g str,
    pub count: usize,
    /// The page it starts on, or `""` for this one.
    pub url: String,
}

/// What a page of a split list covers: its groups, or the first and last of them when it has
/// more than three (`through`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Covers {
    pub parts: Vec<CoversPart>,
    pub through: bool,
}

impl Covers {
    /// Whether a group is split across pages here.
    fn partial(&self) -> bool {
        self.parts.iter().any(|p| p.from.is_some())
    }
}

/// A group on a page: its title and, when the group is split across pages, the departments of
/// its first and last entry there.
#[derive(Debug, Clone, Serialize)]
pub struct CoversPart {
    pub title: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// The navigation between the pages of a split list.
#[derive(Serialize)]
pub struct Pager<'p> {
    /// This page's number, from 1.
    pub number: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub covers: &'p Covers,
    /// The first, the last and the pages near this one, `None` where numbers are left out.
    pub nearby: Vec<Option<PageLink<'p>>>,
    /// Every page with what it covers: on the first page, which is the list's contents; none
    /// when every page holds whole groups, which the contents of the groups then says.
    pub all: Vec<PageLink<'p>>,
}

#[derive(Serialize)]
pub struct PageLink<'p> {
    pub number: usize,
    pub url: String,
    pub covers: &'p Covers,
    pub current: bool,
}

/// The file of page `n` (from 0) of a list whose first page is `index.html`: `page-2.html`, …
pub fn page_file(n: usize) -> String {
    if n == 0 {
        "index.html".to_string()
    } else {
        format!("page-{}.html", n + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(pages: &[Span]) -> Vec<Vec<(usize, usize, usize)>> {
        pages
            .iter()
            .map(|s| {
                s.0.iter()
                    .map(|p| (p.group, p.entries.start, p.entries.end))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn whole_groups_stay_together_and_large_ones_run_on() {
        // Budget 100, headings 10: groups of 40, 60, 50 and 210.
        let groups = vec![vec![10, 20], vec![25, 25], vec![40], vec![40; 5]];
        let pages = split(&groups, 10, 100, 100);
        assert_eq!(
            spans(&pages),
            vec![
                vec![(0, 0, 2), (1, 0, 2)],
                vec![(2, 0, 1), (3, 0, 1)],
                vec![(3, 1, 3)],
                vec![(3, 3, 5)],
            ]
        );
    }

    #[test]
    fn every_page_takes_an_entry_however_heavy() {
        let pages = split(&[vec![500, 500], vec![1]], 10, 0, 100);
        assert_eq!(
            spans(&pages),
            vec![vec![(0, 0, 1)], vec![(0, 1, 2)], vec![(1, 0, 1)]]
        );
    }

    #[test]
    fn a_list_under_the_limit_is_one_page() {
        let groups = vec![Group {
            key: "a".to_string(),
            title: "A".to_string(),
            entries: vec!["x"; 10],
        }];
        let frame = Frame {
            every: 100,
            first: 0,
        };
        let weights = vec![vec![10; 10]];
        let one = Paged::new(&groups, &weights, |e| e, &frame, Some(10_000));
        assert_eq!(one.count(), 1);
        assert!(one.pager(0, page_file).is_none());
        let many = Paged::new(&groups, &weights, |e| e, &frame, Some(150));
        assert!(many.count() > 1);
        let pager = many.pager(0, page_file).unwrap();
        assert_eq!(pager.all.len(), many.count());
        assert_eq!(pager.next.as_deref(), Some("page-2.html"));
    }
}
