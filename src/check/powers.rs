//! Rules on powers and what covers them: delegated powers name their delegate, supervision
//! regimes of the power categories name fitting powers, and nothing is left unsupervised or
//! unused (减权不减责). Also the usage warnings for duties, sections and services.

use std::collections::HashSet;

use super::Cx;
use crate::diagnostic::Code;
use crate::model::{Department, PowerKind, PowerStatus};

pub(super) fn department(d: &Department, cx: &mut Cx<'_>) {
    delegates(d, cx);
    regimes(d, cx);
    coverage(d, cx);
    usage(d, cx);
}

fn delegates(d: &Department, cx: &mut Cx<'_>) {
    for p in &d.powers {
        let p = p.get_ref();
        let status = *p.status.get_ref();
        if status.needs_delegate() && p.delegate().is_none() {
            cx.report(
                Code::MissingDelegate,
                &p.status,
                format!("power `{}` is {} ({}) but does not say to whom", p.id.get_ref(), status.key(), status.label()),
                "add `delegated_to = \"…\"` naming who exercises the power now, e.g. \"各乡镇人民政府（街道办事处）\"",
            );
        }
    }
}

fn regimes(d: &Department, cx: &mut Cx<'_>) {
    for r in &d.supervision {
        let r = r.get_ref();
        let category = *r.category.get_ref();
        let Some(required) = category.required_status() else {
            continue;
        };
        if r.power_ids().next().is_none() {
            let at = r.powers.as_ref().map_or(r.category.span(), |p| p.span());
            cx.out.push(
                crate::diagnostic::Diagnostic::new(
                    Code::RegimeWithoutPowers,
                    format!(
                        "supervision regime `{}` is of category {} ({}) but names no powers",
                        r.id.get_ref(),
                        category.key(),
                        category.label()
                    ),
                )
                .at(cx.file, at)
                .help(format!(
                    "add `powers = [\"…\"]` with the ids of the {} powers it supervises",
                    required.key()
                )),
            );
            continue;
        }
        for id in r.power_ids() {
            let Some(p) = d.power(id.get_ref()) else {
                continue;
            };
            let status = *p.status.get_ref();
            if status != required {
                cx.report(
                    Code::RegimeStatusMismatch,
                    id,
                    format!(
                        "power `{}` is {} ({}), but regimes of category {} ({}) supervise {} powers",
                        id.get_ref(),
                        status.key(),
                        status.label(),
                        category.key(),
                        category.label(),
                        required.key()
                    ),
                    "move the power to a regime of the fitting category, or correct the power's `status` (approval ↔ retained, cancelled-power ↔ cancelled, transferred-power ↔ transferred, delegated-power ↔ delegated)",
                );
            }
        }
    }
}

fn coverage(d: &Department, cx: &mut Cx<'_>) {
    let supervised: HashSet<&str> = d
        .supervision
        .iter()
        .flat_map(|r| r.get_ref().power_ids())
        .map(|p| p.get_ref().as_str())
        .collect();
    let in_items: HashSet<&str> = d
        .duties
        .iter()
        .flat_map(|duty| &duty.get_ref().items)
        .flat_map(|item| &item.get_ref().powers)
        .map(|p| p.get_ref().as_str())
        .collect();
    for p in &d.powers {
        let p = p.get_ref();
        let id = p.id.get_ref().as_str();
        let status = *p.status.get_ref();
        if supervised.contains(id) {
            continue;
        }
        if status != PowerStatus::Retained {
            cx.report(
                Code::ReducedPowerUnsupervised,
                &p.id,
                format!("{} power `{id}` ({}) is covered by no supervision regime", status.key(), p.name.get_ref()),
                format!(
                    "reducing powers must not reduce responsibility (减权不减责): add a `[[supervision]]` regime of category {} that lists `{id}` in `powers`",
                    match status {
                        PowerStatus::Cancelled => "cancelled-power (取消权力)",
                        PowerStatus::Transferred => "transferred-power (转移权力)",
                        _ => "delegated-power (委托下放权力)",
                    }
                ),
            );
        } else if *p.kind.get_ref() == PowerKind::Licensing {
            cx.report(
                Code::LicensingUnsupervised,
                &p.id,
                format!("licensing power `{id}` ({}) is covered by no supervision regime", p.name.get_ref()),
                format!("add a `[[supervision]]` regime of category approval (审批事项) that lists `{id}` in `powers`"),
            );
        } else if !in_items.contains(id) {
            cx.report(
                Code::UnusedPower,
                &p.id,
                format!("power `{id}` ({}) is referred to by no work item or supervision regime", p.name.get_ref()),
                "name it in a work item's `powers` or a regime's `powers`, or remove it from this list",
            );
        }
    }
}

fn usage(d: &Department, cx: &mut Cx<'_>) {
    for duty in &d.duties {
        let duty = duty.get_ref();
        if duty.items.is_empty() {
            cx.report(
                Code::DutyWithoutItems,
                &duty.id,
                format!("duty `{}` has no work items", duty.id.get_ref()),
                "break the duty down into `[[duties.items]]`, each with `text` and the responsible `section`",
            );
        }
    }
    let mut used: HashSet<&str> = HashSet::new();
    used.extend(
        d.duties
            .iter()
            .flat_map(|duty| &duty.get_ref().items)
            .map(|i| i.get_ref().section.get_ref().as_str()),
    );
    used.extend(
        d.supervision
            .iter()
            .filter_map(|r| r.get_ref().section.as_ref())
            .map(|s| s.get_ref().as_str()),
    );
    used.extend(
        d.services
            .iter()
            .filter_map(|s| s.get_ref().section.as_ref())
            .map(|s| s.get_ref().as_str()),
    );
    for s in &d.sections {
        let s = s.get_ref();
        if !used.contains(s.id.get_ref().as_str()) {
            cx.report(
                Code::UnusedSection,
                &s.id,
                format!("section `{}` ({}) is responsible for nothing", s.id.get_ref(), s.name.get_ref()),
                "assign it a work item, supervision regime or service with `section = \"…\"`, or remove it",
            );
        }
    }
    if d.services.is_empty() {
        cx.report(
            Code::NoServices,
            &d.name,
            format!("department `{}` lists no public services", d.id),
            "add at least one `[[services]]` entry (公共服务事项) with `id`, `title` and `category`",
        );
    }
}
