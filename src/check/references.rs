//! Rules on references inside a department: work items, regimes and services name sections
//! and powers of the same file, and work items only name retained powers.

use super::Cx;
use crate::diagnostic::Code;
use crate::model::Project;
use crate::model::{Department, PowerStatus, Spanned};

pub(super) fn department(d: &Department, _project: &Project, cx: &mut Cx<'_>) {
    for duty in &d.duties {
        for item in &duty.get_ref().items {
            let item = item.get_ref();
            section(d, &item.section, cx);
            for id in &item.powers {
                let Some(p) = power(d, id, cx) else { continue };
                let status = *p.status.get_ref();
                if status != PowerStatus::Retained {
                    cx.report(
                        Code::ItemPowerNotRetained,
                        id,
                        format!("work item names power `{}`, which is {} ({})", id.get_ref(), status.key(), status.label()),
                        "powers cancelled, transferred or delegated in the power list are not listed as work items: remove the work item, or remove the power from `powers`",
                    );
                }
            }
        }
    }
    for regime in &d.supervision {
        let regime = regime.get_ref();
        if let Some(s) = &regime.section {
            section(d, s, cx);
        }
        for id in regime.power_ids() {
            power(d, id, cx);
        }
    }
    for service in &d.services {
        if let Some(s) = &service.get_ref().section {
            section(d, s, cx);
        }
    }
}

fn section(d: &Department, id: &Spanned<String>, cx: &mut Cx<'_>) {
    if id.get_ref().is_empty() || d.section(id.get_ref()).is_some() {
        return;
    }
    let known = d.sections.iter().map(|s| s.get_ref().id.get_ref().as_str());
    let help = suggestion(
        id.get_ref(),
        known,
        "section",
        "[[sections]]",
        cx.suggestions,
    );
    cx.report(
        Code::UnknownSection,
        id,
        format!("unknown section `{}`", id.get_ref()),
        help,
    );
}

fn power<'d>(
    d: &'d Department,
    id: &Spanned<String>,
    cx: &mut Cx<'_>,
) -> Option<&'d crate::model::Power> {
    let found = d.power(id.get_ref());
    if found.is_none() {
        let known = d.powers.iter().map(|p| p.get_ref().id.get_ref().as_str());
        let help = suggestion(id.get_ref(), known, "power", "[[powers]]", cx.suggestions);
        cx.report(
            Code::UnknownPower,
            id,
            format!("unknown power `{}`", id.get_ref()),
            help,
        );
    }
    found
}

/// How many known ids a help text lists before it says how many more there are.
const LISTED: usize = 12;

/// "did you mean …" and where the known ids are declared (the first few of them), charging the
/// comparisons to the check's suggestion budget. `known` is walked only as far as needed, so an
/// unknown id costs nothing in proportion to the known ones once the budget is spent.
pub(super) fn suggestion<'k>(
    word: &str,
    known: impl ExactSizeIterator<Item = &'k str> + Clone,
    kind: &str,
    table: &str,
    budget: &mut usize,
) -> String {
    let count = known.len();
    let close = if count <= *budget {
        *budget -= count;
        crate::suggest::closest(word, known.clone())
            .map(|s| format!("did you mean `{s}`? "))
            .unwrap_or_default()
    } else {
        String::new()
    };
    if count == 0 {
        return format!("{close}this file declares no {kind}s: add a `{table}` entry with this id");
    }
    let mut listed = known.take(LISTED).collect::<Vec<_>>().join(", ");
    if count > LISTED {
        listed.push_str(&format!(" and {} more", count - LISTED));
    }
    format!("{close}the {kind}s of this file are: {listed}; or add a `{table}` entry with this id")
}
