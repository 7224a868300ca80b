//! Rules on powers and what covers them: delegated powers name their delegate, supervision
//! regimes of the power categories name fitting powers, and nothing is left unsupervised or
//! unused (减权不减责). Also the usage warnings for duties, sections and services.

use std::collections::HashSet;

use super::Cx;
use crate::diagnostic::Code;
use crate::model::{Department, PowerKind, PowerStatus, SupervisionCategory, is_valid_id};
use crate::msg;
use crate::text::half_width;

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
                msg!(
                    "missing-delegate",
                    id = p.id.get_ref(),
                    status = status.key(),
                    label = status.label()
                ),
                msg!("missing-delegate-help"),
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
                    msg!(
                        "regime-without-powers",
                        id = r.id.get_ref(),
                        category = category.key(),
                        label = category.label()
                    ),
                )
                .at(cx.file, at)
                .help(msg!(
                    "regime-without-powers-help",
                    status = required.key(),
                    label = required.label()
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
                    msg!(
                        "regime-status-mismatch",
                        id = id.get_ref(),
                        status = status.key(),
                        status_label = status.label(),
                        category = category.key(),
                        category_label = category.label(),
                        required = required.key(),
                        required_label = required.label()
                    ),
                    msg!("regime-status-mismatch-help"),
                );
            }
        }
    }
}

fn coverage(d: &Department, cx: &mut Cx<'_>) {
    // By their ASCII, like the sections in `usage`.
    let supervised: HashSet<String> = d
        .supervision
        .iter()
        .flat_map(|r| r.get_ref().power_ids())
        .map(|p| half_width(p.get_ref()))
        .chain(d.unread.named.iter().cloned())
        .collect();
    let in_items: HashSet<String> = d
        .duties
        .iter()
        .flat_map(|duty| &duty.get_ref().items)
        .flat_map(|item| &item.get_ref().powers)
        .map(|p| half_width(p.get_ref()))
        .chain(d.unread.named.iter().cloned())
        .collect();
    for p in &d.powers {
        let p = p.get_ref();
        let id = p.id.get_ref().as_str();
        let status = *p.status.get_ref();
        if supervised.contains(id) || !is_valid_id(id) {
            continue;
        }
        if status != PowerStatus::Retained {
            cx.report(
                Code::ReducedPowerUnsupervised,
                &p.id,
                msg!(
                    "reduced-power-unsupervised",
                    id = id,
                    name = p.name.get_ref(),
                    status = status.key(),
                    label = status.label()
                ),
                msg!(
                    "reduced-power-unsupervised-help",
                    id = id,
                    category = match status {
                        PowerStatus::Cancelled => SupervisionCategory::CancelledPower,
                        PowerStatus::Transferred => SupervisionCategory::TransferredPower,
                        _ => SupervisionCategory::DelegatedPower,
                    }
                    .key(),
                    label = match status {
                        PowerStatus::Cancelled => SupervisionCategory::CancelledPower,
                        PowerStatus::Transferred => SupervisionCategory::TransferredPower,
                        _ => SupervisionCategory::DelegatedPower,
                    }
                    .label()
                ),
            );
        } else if *p.kind.get_ref() == PowerKind::Licensing {
            cx.report(
                Code::LicensingUnsupervised,
                &p.id,
                msg!("licensing-unsupervised", id = id, name = p.name.get_ref()),
                msg!("licensing-unsupervised-help", id = id),
            );
        } else if !in_items.contains(id) {
            cx.report(
                Code::UnusedPower,
                &p.id,
                msg!("unused-power", id = id, name = p.name.get_ref()),
                msg!("unused-power-help"),
            );
        }
    }
}

fn usage(d: &Department, cx: &mut Cx<'_>) {
    for duty in &d.duties {
        let duty = duty.get_ref();
        if duty.items.is_empty() && !d.unread.duties.contains(duty.id.get_ref()) {
            cx.report(
                Code::DutyWithoutItems,
                &duty.id,
                msg!("duty-without-items", id = duty.id.get_ref()),
                msg!("duty-without-items-help"),
            );
        }
    }
    // A reference with a full-width letter (`jｃdd`, reported as such) still names its section.
    let items = d.duties.iter().flat_map(|duty| &duty.get_ref().items);
    let used: HashSet<String> = items
        .map(|i| &i.get_ref().section)
        .chain(
            d.supervision
                .iter()
                .filter_map(|r| r.get_ref().section.as_ref()),
        )
        .chain(
            d.services
                .iter()
                .filter_map(|s| s.get_ref().section.as_ref()),
        )
        .map(|s| half_width(s.get_ref()))
        .chain(d.unread.named.iter().cloned())
        .collect();
    for s in &d.sections {
        let s = s.get_ref();
        // A section whose id is itself an error (E0106) cannot be named yet.
        if !used.contains(s.id.get_ref()) && is_valid_id(s.id.get_ref()) {
            cx.report(
                Code::UnusedSection,
                &s.id,
                msg!(
                    "unused-section",
                    id = s.id.get_ref(),
                    name = s.name.get_ref()
                ),
                msg!("unused-section-help"),
            );
        }
    }
    if d.services.is_empty() && !d.unread.services {
        cx.report(
            Code::NoServices,
            &d.name,
            msg!("no-services", id = &d.id),
            msg!("no-services-help"),
        );
    }
}
