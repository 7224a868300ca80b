//! Pictures drawn at build time as inline SVG, no JavaScript: the swimlane of a boundary's mock
//! case, and the bar chart of each department's counts. Each carries a title and description for
//! screen readers; the same facts are always on the page as text too.

use std::fmt::Write as _;

use super::html::escape_html as esc;
use crate::text::is_wide;

const FONT: f32 = 12.0;
const LINE: f32 = 15.0;

/// Approximate rendered width of `text` in units of the font size: characters two columns wide
/// (CJK, full-width) are one em, wide Latin letters nearly one, capitals about 0.7, the rest about
/// half (erring wide, so that a label never runs out of its box).
fn ems(text: &str) -> f32 {
    text.chars()
        .map(|c| match c {
            _ if is_wide(c) => 1.0,
            'W' | 'M' | 'm' | 'w' => 0.95,
            'A'..='Z' => 0.7,
            _ => 0.55,
        })
        .sum()
}

/// Splits `text` into at most `lines` lines of at most `width` ems, ending with … when cut.
/// Chinese breaks between any two characters; a Latin word that does not fit moves whole to the
/// next line, unless it is longer than half a line.
fn wrap(text: &str, width: f32, lines: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut used = 0.0;
    for c in text.chars() {
        let w = ems(&c.to_string());
        if used + w > width {
            let full = out.len() == lines;
            let Some(line) = out.last_mut() else {
                break;
            };
            if full {
                line.pop();
                line.push('…');
                return out;
            }
            let mut next = String::new();
            if c != ' '
                && let Some(space) = line.rfind(' ')
                && ems(&line[space..]) < width / 2.0
            {
                next = line.split_off(space + 1);
                line.truncate(line.trim_end().len());
            }
            used = ems(&next);
            out.push(next);
            if c == ' ' {
                continue;
            }
        }
        if let Some(l) = out.last_mut() {
            l.push(c);
        }
        used += w;
    }
    out
}

fn text_lines(svg: &mut String, x: f32, y: f32, lines: &[String], class: &str) {
    let _ = write!(svg, r#"<text class="{class}" x="{x}" y="{y}">"#);
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { LINE };
        let _ = write!(svg, r#"<tspan x="{x}" dy="{dy}">{}</tspan>"#, esc(line));
    }
    svg.push_str("</text>");
}

/// A mock case as the swimlane shows it.
pub struct Swimlane<'a> {
    /// Unique on the page: the SVG's ids derive from it.
    pub id: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    /// One lane per department, the lead's first.
    pub lanes: Vec<Lane<'a>>,
    pub steps: Vec<Step<'a>>,
    /// Between a step's department and its action in the tooltip: `：` or `: `.
    pub colon: &'a str,
}

pub struct Lane<'a> {
    /// 牵头 or 协办, in the site's language.
    pub role: &'a str,
    pub name: &'a str,
}

pub struct Step<'a> {
    pub number: usize,
    /// The lane of the department that acts (0: the lead).
    pub lane: usize,
    pub name: &'a str,
    pub action: &'a str,
}

/// The mock case as a swimlane: one lane per department, the lead's first and marked, each step
/// a box in its department's lane, in order from left to right, joined by arrows.
pub fn swimlane(s: &Swimlane<'_>) -> String {
    let width = LANE_LABEL_W + STEP_COL_W * s.steps.len().max(1) as f32 + 8.0;
    let height = LANE_H * s.lanes.len() as f32 + 2.0;
    let id = format!("swimlane-{}", s.id);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="swimlane" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="{id}-t {id}-d"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        esc(s.title),
        esc(s.description)
    );
    let _ = write!(
        svg,
        r#"<defs><marker id="{id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrowhead"/></marker></defs>"#
    );
    for (i, lane) in s.lanes.iter().enumerate() {
        lane_row(&mut svg, i, lane, width);
    }
    let boxes: Vec<(f32, f32)> = s
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            (
                LANE_LABEL_W + STEP_COL_W * i as f32,
                LANE_H * step.lane as f32 + (LANE_H - STEP_H) / 2.0,
            )
        })
        .collect();
    for pair in boxes.windows(2) {
        let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
        let (sx, sy, ex, ey) = (x1 + STEP_W, y1 + STEP_H / 2.0, x2 - 2.0, y2 + STEP_H / 2.0);
        let mid = (sx + ex) / 2.0;
        let _ = write!(
            svg,
            r#"<path class="flow" d="M{sx} {sy}H{mid}V{ey}H{ex}" marker-end="url(#{id}-arrow)"/>"#
        );
    }
    for (step, at) in s.steps.iter().zip(boxes) {
        step_box(&mut svg, step, at, &esc(s.colon));
    }
    svg.push_str("</svg>");
    svg
}

const LANE_LABEL_W: f32 = 112.0;
const STEP_COL_W: f32 = 148.0;
const STEP_W: f32 = 134.0;
const LANE_H: f32 = 90.0;
const STEP_H: f32 = 76.0;

/// A lane's band and its label: the role, then the department's name.
fn lane_row(svg: &mut String, i: usize, lane: &Lane<'_>, width: f32) {
    let y = LANE_H * i as f32;
    let class = if i == 0 {
        "lane lane-lead"
    } else if i.is_multiple_of(2) {
        "lane lane-even"
    } else {
        "lane"
    };
    let _ = write!(
        svg,
        r#"<rect class="{class}" x="0" y="{y}" width="{width}" height="{LANE_H}"/>"#
    );
    let mut label = vec![lane.role.to_string()];
    label.extend(wrap(lane.name, (LANE_LABEL_W - 16.0) / FONT, 2));
    let class = if i == 0 {
        "lane-label lead"
    } else {
        "lane-label"
    };
    text_lines(svg, 8.0, y + 24.0, &label, class);
}

/// A step's box: its number and department on the first line, its action below.
fn step_box(svg: &mut String, step: &Step<'_>, (x, y): (f32, f32), colon: &str) {
    let class = if step.lane == 0 {
        "step step-lead"
    } else {
        "step"
    };
    let _ = write!(
        svg,
        r#"<g><title>{}. {}{colon}{}</title><rect class="{class}" x="{x}" y="{y}" width="{STEP_W}" height="{STEP_H}" rx="4"/>"#,
        step.number,
        esc(step.name),
        esc(step.action)
    );
    // The heading fits one line of the box, like the three lines of the action under it.
    let mut lines = wrap(
        &format!("{}. {}", step.number, step.name),
        (STEP_W - 14.0) / FONT,
        1,
    );
    lines.extend(wrap(step.action, (STEP_W - 14.0) / FONT, 3));
    text_lines(svg, x + 7.0, y + 17.0, &lines, "step-text");
    svg.push_str("</g>");
}

/// Bars of each department's duties, work items, regimes and services, each column scaled to
/// its own largest value.
/// `rows` are each department's short name and its four counts.
pub fn counts_chart(
    rows: &[(&str, [usize; 4])],
    columns: [&str; 4],
    title: &str,
    description: &str,
) -> String {
    const LABEL_W: f32 = 120.0;
    const COL_W: f32 = 150.0;
    const BAR_MAX: f32 = 112.0;
    const ROW_H: f32 = 24.0;
    const HEAD_H: f32 = 28.0;
    let mut max = [1usize; 4];
    for (_, values) in rows {
        for (m, &v) in max.iter_mut().zip(values) {
            *m = (*m).max(v);
        }
    }
    let width = LABEL_W + COL_W * 4.0;
    let height = HEAD_H + ROW_H * rows.len() as f32 + 4.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="chart-t chart-d"><title id="chart-t">{}</title><desc id="chart-d">{}</desc>"#,
        esc(title),
        esc(description)
    );
    for (k, name) in columns.iter().enumerate() {
        let x = LABEL_W + COL_W * k as f32;
        let _ = write!(
            svg,
            r#"<text class="chart-head" x="{x}" y="18">{}</text>"#,
            esc(name)
        );
    }
    for (i, (name, values)) in rows.iter().enumerate() {
        let y = HEAD_H + ROW_H * i as f32;
        if i % 2 == 1 {
            let _ = write!(
                svg,
                r#"<rect class="chart-band" x="0" y="{y}" width="{width}" height="{ROW_H}"/>"#
            );
        }
        let label = wrap(name, (LABEL_W - 12.0) / FONT, 1);
        let _ = write!(
            svg,
            r#"<text class="chart-label" x="4" y="{}">{}</text>"#,
            y + 16.0,
            esc(&label.concat())
        );
        for (k, (&v, m)) in values.iter().zip(max).enumerate() {
            let x = LABEL_W + COL_W * k as f32;
            let w = (BAR_MAX * v as f32 / m as f32).max(1.0);
            let _ = write!(
                svg,
                r#"<rect class="bar bar-{k}" x="{x}" y="{}" width="{w}" height="14"/><text class="bar-value" x="{}" y="{}">{v}</text>"#,
                y + 5.0,
                x + w + 4.0,
                y + 16.0
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_cuts_with_an_ellipsis() {
        assert_eq!(
            wrap("一二三四五六七八九十", 4.0, 2),
            ["一二三四", "五六七…"]
        );
        assert_eq!(wrap("短", 4.0, 2), ["短"]);
        // Latin words move whole to the next line; the space at the break is dropped.
        assert_eq!(
            wrap("Find the barge through the logs", 8.0, 3),
            ["Find the barge", "through the", "logs"]
        );
        // A word longer than half a line is cut rather than leaving a short line behind.
        assert_eq!(
            wrap("ab cdefghijklmnopqrs", 5.0, 2),
            ["ab cdefgh", "ijklmno…"]
        );
    }
}
