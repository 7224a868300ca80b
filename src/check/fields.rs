//! Rules on single values: required text that is empty, ids, duplicate ids within a
//! department, phone numbers, links and dates.

use std::collections::HashMap;
use std::path::Path;

use super::Cx;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::SITE_FILE;
use crate::model::{
    Boundary, Department, Duty, PhoneNumber, SiteFile, Spanned, SupervisionRegime, is_valid_id,
};
use crate::suggest::id_hint;

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
        let d = date.get_ref();
        if d.date.is_none() || d.time.is_some() || d.offset.is_some() {
            cx.report(
                Code::WrongType,
                date,
                "`published` must be a date without a time",
                "write the edition date as a TOML date without quotes, e.g. `published = 2015-10-15`",
            );
        }
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
        seen.id(cx, &s.id, "section");
        required(cx, &s.name, "name");
        if required(cx, &s.phone, "phone") {
            phone(cx, &s.phone);
        }
    }
    for p in &d.powers {
        let p = p.get_ref();
        seen.id(cx, &p.id, "power");
        required(cx, &p.name, "name");
    }
    for duty in &d.duties {
        seen.id(cx, &duty.get_ref().id, "duty");
        self::duty(duty.get_ref(), cx);
    }
    for b in &d.boundaries {
        boundary(b.get_ref(), cx);
    }
    for r in &d.supervision {
        seen.id(cx, &r.get_ref().id, "supervision");
        regime(r.get_ref(), cx);
    }
    for s in &d.services {
        let s = s.get_ref();
        seen.id(cx, &s.id, "service");
        required(cx, &s.title, "title");
    }
}

fn duty(duty: &Duty, cx: &mut Cx<'_>) {
    required(cx, &duty.title, "title");
    required_list(
        cx,
        &duty.basis,
        "basis",
        "the legal basis (职责法定), e.g. `basis = [\"三定方案\"]`",
    );
    for item in &duty.items {
        let item = item.get_ref();
        required(cx, &item.text, "text");
        required(cx, &item.section, "section");
    }
}

fn boundary(b: &Boundary, cx: &mut Cx<'_>) {
    // Boundary ids are project-wide; `boundaries::project_wide` checks their uniqueness.
    if id(cx, &b.id, "boundary") && crate::model::is_reserved_name(b.id.get_ref()) {
        cx.report(
            Code::BadId,
            &b.id,
            format!("`{}` is a name Windows reserves for a device", b.id.get_ref()),
            "a boundary's id names its page (`boundaries/<id>.html`), which cannot exist on Windows under this name: choose another id",
        );
    }
    for (value, name) in [
        (&b.title, "title"),
        (&b.area, "area"),
        (&b.lead_duty, "lead_duty"),
    ] {
        required(cx, value, name);
    }
    required_list(
        cx,
        &b.partners,
        "partners",
        "at least one `[[boundaries.partners]]` with `department` and `duty`",
    );
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
    required_list(
        cx,
        &r.measures,
        "measures",
        "the concrete measures, e.g. `measures = [\"每季度书面检查不少于1次\"]`",
    );
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
            format!("`{name}` is empty"),
            format!("`{name}` is required: write its text between the quotes"),
        );
        return false;
    }
    true
}

fn required_list<T>(cx: &mut Cx<'_>, value: &Spanned<Vec<T>>, name: &str, what: &str) {
    if value.get_ref().is_empty() {
        cx.report(
            Code::MissingField,
            value,
            format!("`{name}` is empty"),
            format!("`{name}` needs at least one entry: {what}"),
        );
    }
}

fn id(cx: &mut Cx<'_>, id: &Spanned<String>, kind: &str) -> bool {
    let text = id.get_ref();
    if text.is_empty() {
        cx.report(
            Code::MissingField,
            id,
            format!("the {kind} id is empty"),
            "give it an id such as `d01` or `water-pollution`",
        );
        return false;
    }
    if !is_valid_id(text) {
        cx.report(
            Code::BadId,
            id,
            format!("`{text}` is not a valid {kind} id"),
            format!("ids use lowercase ASCII letters, digits and hyphens, start with a letter or digit, and have at most 64 characters{}", id_hint(text)),
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
    fn id(&mut self, cx: &mut Cx<'_>, value: &'a Spanned<String>, kind: &'static str) {
        if !id(cx, value, kind) {
            return;
        }
        if let Some(first) = self.ids.get(&(kind, value.get_ref().as_str())) {
            cx.report(
                Code::DuplicateId,
                value,
                format!("duplicate {kind} id `{}`", value.get_ref()),
                format!(
                    "another {kind} in this file already has this id; give each {kind} its own id"
                ),
            );
            cx.also(first.clone(), format!("first {kind} with this id"));
        } else {
            self.ids
                .insert((kind, value.get_ref().as_str()), value.span());
        }
    }
}

fn phone(cx: &mut Cx<'_>, value: &Spanned<String>) {
    if value.get_ref().trim().is_empty() {
        cx.report(
            Code::BadPhone,
            value,
            "the phone number is empty",
            "write the number, e.g. `0571-6310 0001`, or delete the line",
        );
        return;
    }
    if let Some(problem) = PhoneNumber::problem(value.get_ref()) {
        cx.report(
            Code::BadPhone,
            value,
            format!("`{}` is not a valid phone number", value.get_ref()),
            format!("{problem}; for example `0571-6310 0001` or `0571-6310 0001 转 8001`"),
        );
    }
}

fn link(cx: &mut Cx<'_>, value: &Spanned<String>, name: &str, schemes: &[&str]) {
    let text = value.get_ref().trim();
    let ok = schemes
        .iter()
        .any(|s| text.len() > s.len() && text[..s.len()].eq_ignore_ascii_case(s))
        && !text.chars().any(|c| c.is_whitespace() || c.is_control());
    if !ok {
        cx.report(
            Code::BadUrl,
            value,
            format!("`{name}` is not a link resplist can publish"),
            format!(
                "write a full address starting with {} and without spaces",
                schemes
                    .iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        );
    }
}
