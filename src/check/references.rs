//! Rules on references inside a department: work items, regimes and services name sections
//! and powers of the same file, and work items only name retained powers.

use super::Cx;
use super::fields::{character_span, full_width};
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::{Arg, Message};
use crate::model::describe::{Described, Entity};
use crate::model::{Department, Power, PowerStatus, Project, Section, Spanned, is_valid_id};
use crate::msg;
use crate::suggest::closest;
use crate::text::half_width;

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
                        msg!(
                            "item-power-not-retained",
                            id = id.get_ref(),
                            status = words(status)
                        ),
                        msg!("item-power-not-retained-help"),
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
    if id.get_ref().is_empty() || d.section(id.get_ref()).is_some() || unread(d, id) {
        return;
    }
    let declared = d.sections.iter().map(|s| s.get_ref().id.get_ref().as_str());
    if full_width_reference(id, declared, Code::UnknownSection, cx) {
        return;
    }
    let known = d.sections.iter().map(|s| {
        let s = s.get_ref();
        Known::new(s.id.get_ref(), s.name.get_ref(), None)
    });
    let help = Suggestion {
        what: Section::description(),
        table: "[[sections]]",
        scope: Scope::File,
    }
    .help(id.get_ref(), known, cx.suggestions);
    cx.report(
        Code::UnknownSection,
        id,
        msg!("unknown-section", id = id.get_ref()),
        help,
    );
}

fn power<'d>(
    d: &'d Department,
    id: &Spanned<String>,
    cx: &mut Cx<'_>,
) -> Option<&'d crate::model::Power> {
    let found = d.power(id.get_ref());
    let declared = d.powers.iter().map(|p| p.get_ref().id.get_ref().as_str());
    if found.is_none()
        && !unread(d, id)
        && !full_width_reference(id, declared, Code::UnknownPower, cx)
    {
        let known = d.powers.iter().map(|p| {
            let p = p.get_ref();
            Known::new(p.id.get_ref(), p.name.get_ref(), None)
        });
        let help = Suggestion {
            what: Power::description(),
            table: "[[powers]]",
            scope: Scope::File,
        }
        .help(id.get_ref(), known, cx.suggestions);
        cx.report(
            Code::UnknownPower,
            id,
            msg!("unknown-power", id = id.get_ref()),
            help,
        );
    }
    found
}

/// Whether `id` names an entry of the file that could not be read (its own error says why).
fn unread(d: &Department, id: &Spanned<String>) -> bool {
    let ids = &d.unread.ids;
    ids.contains(id.get_ref()) || ids.contains(&half_width(id.get_ref()))
}

/// A reference that differs from a declared id only in full-width characters (`ｇ` for `g`):
/// when the declared id is the one written so, its own E0106 says it all and the reference is
/// not reported again; when the reference is, it is reported at its character. True when
/// handled.
pub(super) fn full_width_reference<'a>(
    id: &Spanned<String>,
    mut declared: impl Iterator<Item = &'a str>,
    code: Code,
    cx: &mut Cx<'_>,
) -> bool {
    let wanted = half_width(id.get_ref());
    let Some(found) = declared.find(|d| half_width(d) == wanted) else {
        return false;
    };
    if !is_valid_id(found) {
        return true;
    }
    let Some((typed, ascii)) = full_width(id.get_ref()) else {
        return false;
    };
    cx.out.push(
        Diagnostic::new(
            code,
            msg!("full-width-in-reference", id = id.get_ref(), typed = &typed),
        )
        .at(cx.file, character_span(id, &typed))
        .label(msg!("full-width-label", wanted = &ascii))
        .help(msg!("full-width-id-help", typed = &typed, id = found)),
    );
    true
}

/// How many known ids a help text lists before it says how many more there are.
const LISTED: usize = 12;

/// An entry a reference could have meant: its id, and the names people know it by.
#[derive(Clone, Copy)]
pub(super) struct Known<'k> {
    pub id: &'k str,
    name: &'k str,
    short: Option<&'k str>,
}

impl<'k> Known<'k> {
    pub fn new(id: &'k str, name: &'k str, short: Option<&'k str>) -> Known<'k> {
        Known { id, name, short }
    }

    /// Whether `word` is this entry's name or short name rather than its id.
    pub fn named(&self, word: &str) -> bool {
        let word = word.trim();
        !word.is_empty()
            && (self.name.trim() == word || self.short.is_some_and(|s| s.trim() == word))
    }
}

/// Where the known entries are declared, for the help.
#[derive(Clone, Copy)]
pub(super) enum Scope {
    /// In the department's file (`[[sections]]`).
    File,
    /// Across the project (`departments/<id>.toml`).
    Project,
}

/// What a help about an unknown id says: which kind of entry, and where such entries are added.
pub(super) struct Suggestion {
    pub what: &'static Entity,
    pub table: &'static str,
    pub scope: Scope,
}

impl Suggestion {
    /// "did you mean …" (a typo of an id, or an entry given by its name instead of its id) and
    /// the known ids (the first few of them), charging the comparisons to the check's
    /// suggestion budget. `known` is walked only as far as needed, so an unknown id costs
    /// nothing in proportion to the known ones once the budget is spent.
    pub fn help<'k>(
        &self,
        word: &str,
        known: impl ExactSizeIterator<Item = Known<'k>> + Clone,
        budget: &mut usize,
    ) -> Message {
        let count = known.len();
        let close: Arg = if count <= *budget {
            *budget -= count;
            let by_name = known.clone().find(|k| k.named(word));
            match by_name {
                Some(k) => msg!("did-you-mean-id", id = k.id, name = k.name).into(),
                None => match closest(word, known.clone().map(|k| k.id)) {
                    Some(s) => msg!("did-you-mean", name = s).into(),
                    None => "".into(),
                },
            }
        } else {
            "".into()
        };
        let what = Arg::Words {
            zh: self.what.zh.to_string(),
            en: self.what.name.to_string(),
        };
        if count == 0 {
            return match self.scope {
                Scope::File => msg!(
                    "no-ids-file",
                    suggest = close,
                    what = what,
                    table = self.table
                ),
                Scope::Project => msg!("no-departments", suggest = close),
            };
        }
        let ids: Vec<&str> = known.take(LISTED).map(|k| k.id).collect();
        let list = if count > LISTED {
            msg!("id-list-more", ids = ids.join(", "), more = count - LISTED)
        } else {
            msg!("id-list", ids = ids.join(", "))
        };
        match self.scope {
            Scope::File => msg!(
                "known-ids-file",
                suggest = close,
                what = what,
                list = list,
                table = self.table
            ),
            Scope::Project => msg!("known-departments", suggest = close, list = list),
        }
    }
}

/// A power status in the words of the run's language.
fn words(status: PowerStatus) -> Arg {
    Arg::Words {
        zh: status.label().to_string(),
        en: status.english().to_string(),
    }
}
