//! Rules on single values: required text that is empty, ids, duplicate ids within a
//! department, phone numbers, links and dates.

use std::collections::HashMap;
use std::path::Path;

use super::Cx;
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::{Arg, Message};
use crate::load::SITE_FILE;
use crate::model::describe::{Described, Entity};
use crate::model::workspace::{Topic, WorkspaceFile};
use crate::model::{
    Boundary, Datetime, Department, Duty, PhoneNumber, Power, PublicService, Section, SiteFile,
    Spanned, SupervisionRegime, is_valid_id,
};
use crate::msg;
use crate::suggest::id_hint;
use crate::text::{half_width, half_width_char};

pub(super) fn site(file: &SiteFile, out: &mut Vec<Diagnostic>) {
    let mut no_suggestions = 0;
    let mut cx = Cx {
        file: Path::new(SITE_FILE),
        out,
        suggestions: &mut no_suggestions,
    };
    let site = file.site.get_ref();
    required(&mut cx, &site.title, "title");
    required(&mut cx, &site.jurisdiction, "jurisdiction");
    if let Some(url) = &site.base_url {
        link(&mut cx, url, "base_url", &["https://", "http://"]);
    }
    if let Some(url) = &site.feedback {
        link(
            &mut cx,
            url,
            "feedback",
            &["https://", "http://", "mailto:"],
        );
    }
    if let Some(phone) = &site.feedback_phone {
        self::phone(&mut cx, phone);
    }
    if let Some(date) = &site.published {
        published(&mut cx, date);
    }
}

/// `[workspace]` of a workspace's `resplist.toml`: as `[site]` for the fields they share.
pub(crate) fn workspace(file: &WorkspaceFile, out: &mut Vec<Diagnostic>) {
    let mut no_suggestions = 0;
    let mut cx = Cx {
        file: Path::new(SITE_FILE),
        out,
        suggestions: &mut no_suggestions,
    };
    let ws = file.workspace.get_ref();
    required(&mut cx, &ws.title, "title");
    if let Some(url) = &ws.base_url {
        link(&mut cx, url, "base_url", &["https://", "http://"]);
    }
    if let Some(date) = &ws.published {
        published(&mut cx, date);
    }
}

/// A topic of `topics.toml` (in `file`) has a title.
pub(crate) fn topic(topic: &Topic, file: &Path, out: &mut Vec<Diagnostic>) {
    let mut no_suggestions = 0;
    let mut cx = Cx {
        file,
        out,
        suggestions: &mut no_suggestions,
    };
    required(&mut cx, &topic.title, "title");
}

/// The edition's date is a date, without a time.
fn published(cx: &mut Cx<'_>, date: &Spanned<Datetime>) {
    let d = date.get_ref();
    if d.date.is_none() || d.time.is_some() || d.offset.is_some() {
        cx.report(
            Code::WrongType,
            date,
            msg!("published-not-a-date"),
            msg!("published-not-a-date-help"),
        );
    }
}

pub(super) fn department(d: &Department, cx: &mut Cx<'_>) {
    required(cx, &d.name, "name");
    if let Some(p) = &d.phone {
        phone(cx, p);
    }
    if let Some(url) = &d.website {
        link(cx, url, "website", &["https://", "http://"]);
    }
    let mut seen = Seen::default();
    for s in &d.sections {
        let s = s.get_ref();
        seen.id(cx, &s.id, Section::description());
        required(cx, &s.name, "name");
        if required(cx, &s.phone, "phone") {
            phone(cx, &s.phone);
        }
    }
    for p in &d.powers {
        let p = p.get_ref();
        seen.id(cx, &p.id, Power::description());
        required(cx, &p.name, "name");
    }
    for duty in &d.duties {
        seen.id(cx, &duty.get_ref().id, Duty::description());
        self::duty(duty.get_ref(), cx);
    }
    for b in &d.boundaries {
        boundary(b.get_ref(), cx);
    }
    for r in &d.supervision {
        seen.id(cx, &r.get_ref().id, SupervisionRegime::description());
        regime(r.get_ref(), cx);
    }
    for s in &d.services {
        let s = s.get_ref();
        seen.id(cx, &s.id, PublicService::description());
        required(cx, &s.title, "title");
    }
}

fn duty(duty: &Duty, cx: &mut Cx<'_>) {
    required(cx, &duty.title, "title");
    required_list(cx, &duty.basis, "basis", msg!("basis-needed"));
    for item in &duty.items {
        let item = item.get_ref();
        required(cx, &item.text, "text");
        required(cx, &item.section, "section");
    }
}

fn boundary(b: &Boundary, cx: &mut Cx<'_>) {
    // Boundary ids are project-wide; `boundaries::project_wide` checks their uniqueness.
    if id(cx, &b.id, Boundary::description()) && crate::model::is_reserved_name(b.id.get_ref()) {
        cx.report(
            Code::BadId,
            &b.id,
            msg!("reserved-boundary-id", id = b.id.get_ref()),
            msg!("reserved-boundary-id-help"),
        );
    }
    for (value, name) in [
        (&b.title, "title"),
        (&b.area, "area"),
        (&b.lead_duty, "lead_duty"),
    ] {
        required(cx, value, name);
    }
    required_list(cx, &b.partners, "partners", msg!("partners-needed"));
    for p in b.partners.get_ref() {
        required(cx, &p.get_ref().duty, "duty");
    }
    let case = b.case.get_ref();
    required(cx, &case.title, "title");
    required(cx, &case.scenario, "scenario");
    for step in &case.steps {
        required(cx, &step.get_ref().action, "action");
    }
}

fn regime(r: &SupervisionRegime, cx: &mut Cx<'_>) {
    required(cx, &r.title, "title");
    required_list(cx, &r.measures, "measures", msg!("measures-needed"));
    for m in r.measures.get_ref() {
        required(cx, m, "measures");
    }
    for i in &r.indicators {
        required(cx, &i.get_ref().name, "name");
        required(cx, &i.get_ref().target, "target");
    }
}

/// Reports a required text that is empty; true when it has content.
fn required(cx: &mut Cx<'_>, value: &Spanned<String>, name: &str) -> bool {
    if value.get_ref().trim().is_empty() {
        cx.report(
            Code::MissingField,
            value,
            msg!("empty-field", field = name),
            msg!("empty-field-help", field = name),
        );
        return false;
    }
    true
}

fn required_list<T>(cx: &mut Cx<'_>, value: &Spanned<Vec<T>>, name: &str, what: Message) {
    if value.get_ref().is_empty() {
        cx.report(
            Code::MissingField,
            value,
            msg!("empty-field", field = name),
            msg!("empty-list-help", field = name, what = what),
        );
    }
}

/// What an entry is called in messages: `section`, `科室`.
fn what(entity: &Entity) -> Arg {
    Arg::Words {
        zh: entity.zh.to_string(),
        en: entity.name.to_string(),
    }
}

fn id(cx: &mut Cx<'_>, id: &Spanned<String>, kind: &Entity) -> bool {
    let text = id.get_ref();
    if text.is_empty() {
        cx.report(
            Code::MissingField,
            id,
            msg!("empty-id", what = what(kind)),
            msg!("empty-id-help"),
        );
        return false;
    }
    // A full-width letter or digit typed with a Chinese input method: named at the character.
    if let Some((typed, wanted)) = full_width(text)
        && is_valid_id(&half_width(text))
    {
        cx.out.push(
            Diagnostic::new(
                Code::BadId,
                msg!(
                    "full-width-in-id",
                    id = text,
                    typed = &typed,
                    what = what(kind)
                ),
            )
            .at(cx.file, character_span(id, &typed))
            .label(msg!("full-width-label", wanted = &wanted))
            .help(msg!(
                "full-width-id-help",
                typed = &typed,
                id = half_width(text)
            )),
        );
        return false;
    }
    if !is_valid_id(text) {
        let help = match id_hint(text) {
            Some(id) => msg!("bad-id-try-help", id = id),
            None => msg!("bad-id-help"),
        };
        cx.report(
            Code::BadId,
            id,
            msg!("bad-id", id = text, what = what(kind)),
            help,
        );
        return false;
    }
    true
}

/// The ids already seen in one department, per kind.
#[derive(Default)]
struct Seen<'a> {
    ids: HashMap<(&'static str, &'a str), std::ops::Range<usize>>,
}

impl<'a> Seen<'a> {
    fn id(&mut self, cx: &mut Cx<'_>, value: &'a Spanned<String>, kind: &'static Entity) {
        if !id(cx, value, kind) {
            return;
        }
        if let Some(first) = self.ids.get(&(kind.key, value.get_ref().as_str())) {
            cx.report(
                Code::DuplicateId,
                value,
                msg!("duplicate-id", id = value.get_ref(), what = what(kind)),
                msg!("duplicate-id-help", what = what(kind)),
            );
            cx.also(first.clone(), msg!("duplicate-id-first", what = what(kind)));
        } else {
            self.ids
                .insert((kind.key, value.get_ref().as_str()), value.span());
        }
    }
}

fn phone(cx: &mut Cx<'_>, value: &Spanned<String>) {
    let text = value.get_ref();
    if text.trim().is_empty() {
        cx.report(
            Code::BadPhone,
            value,
            msg!("empty-phone"),
            msg!("empty-phone-help"),
        );
        return;
    }
    // A full-width digit or hyphen typed with a Chinese input method: named at the character.
    if let Some((typed, wanted)) = full_width(text) {
        let at = character_span(value, &typed);
        cx.out.push(
            Diagnostic::new(
                Code::BadPhone,
                msg!("full-width-in-phone", typed = &typed, phone = text),
            )
            .at(cx.file, at)
            .label(msg!("full-width-label", wanted = &wanted))
            .help(msg!("full-width-help", typed = &typed, wanted = &wanted)),
        );
        return;
    }
    if let Some(problem) = PhoneNumber::problem(text) {
        cx.report(
            Code::BadPhone,
            value,
            msg!("bad-phone", phone = text),
            msg!("bad-phone-help", problem = problem),
        );
    }
}

/// The first full-width character of `text` (typed with a Chinese input method) and the ASCII
/// character meant, as strings.
pub(super) fn full_width(text: &str) -> Option<(String, String)> {
    text.chars()
        .find_map(|c| Some((c.to_string(), half_width_char(c)?.to_string())))
}

/// Where the first `typed` is inside a quoted value, or the whole value when it cannot be told
/// (escapes before it).
pub(super) fn character_span(value: &Spanned<String>, typed: &str) -> std::ops::Range<usize> {
    let span = value.span();
    let Some(at) = value.get_ref().find(typed) else {
        return span;
    };
    let before = &value.get_ref()[..at];
    if before.contains('\\') {
        return span;
    }
    // One byte for the opening quote.
    let start = span.start + 1 + at;
    start..start + typed.len()
}

fn link(cx: &mut Cx<'_>, value: &Spanned<String>, name: &str, schemes: &[&str]) {
    let text = value.get_ref().trim();
    let ok = schemes
        .iter()
        .any(|s| text.len() > s.len() && text[..s.len()].eq_ignore_ascii_case(s))
        && !text.chars().any(|c| c.is_whitespace() || c.is_control());
    if !ok {
        let schemes: Vec<String> = schemes.iter().map(|s| format!("`{s}`")).collect();
        cx.report(
            Code::BadUrl,
            value,
            msg!("bad-link", field = name),
            msg!("bad-link-help", schemes = schemes.join(" / ")),
        );
    }
}
