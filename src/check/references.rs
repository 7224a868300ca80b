//! Rules on references inside a department: work items, regimes and services name sections
//! and powers of the same file, and work items only name retained powers.

use super::Cx;
use crate::diagnostic::Code;
use crate::load::Project;
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
    let known: Vec<&str> = d
        .sections
        .iter()
        .map(|s| s.get_ref().id.get_ref().as_str())
        .collect();
    cx.report(
        Code::UnknownSection,
        id,
        format!("unknown section `{}`", id.get_ref()),
        suggestion(id.get_ref(), &known, "section", "[[sections]]"),
    );
}

fn power<'d>(
    d: &'d Department,
    id: &Spanned<String>,
    cx: &mut Cx<'_>,
) -> Option<&'d crate::model::Power> {
    let found = d.power(id.get_ref());
    if found.is_none() {
        let known: Vec<&str> = d
            .powers
            .iter()
            .map(|p| p.get_ref().id.get_ref().as_str())
            .collect();
        cx.report(
            Code::UnknownPower,
            id,
            format!("unknown power `{}`", id.get_ref()),
            suggestion(id.get_ref(), &known, "power", "[[powers]]"),
        );
    }
    found
}

/// "did you mean …" and where the known ids are declared.
pub(super) fn suggestion(word: &str, known: &[&str], kind: &str, table: &str) -> String {
    let close = crate::load::closest(word, known)
        .map(|s| format!("did you mean `{s}`? "))
        .unwrap_or_default();
    if known.is_empty() {
        format!("{close}this file declares no {kind}s: add a `{table}` entry with this id")
    } else {
        format!(
            "{close}the {kind}s of this file are: {}; or add a `{table}` entry with this id",
            known.join(", ")
        )
    }
}
