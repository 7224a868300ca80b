//! Example content that `init` and `new` write, still in the sources (W0208): the templates'
//! example ids, names and texts, `……` where something was to be written, and the phone numbers
//! `0000-0000 000x`. `build` does not publish while any remain (unless `--allow-placeholders`),
//! so the example power "示例行政许可事项" never reaches a citizen.

use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use super::Cx;
use crate::commands::init;
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::{Arg, Message};
use crate::load::SITE_FILE;
use crate::model::describe::{Described, Kind, Value};
use crate::model::{Department, SiteFile};
use crate::msg;

pub(super) fn department(d: &Department, cx: &mut Cx<'_>) {
    entry(d, cx, &msg!("placeholder-help"));
}

pub(super) fn site(file: &SiteFile, out: &mut Vec<Diagnostic>) {
    let mut no_suggestions = 0;
    let mut cx = Cx {
        file: Path::new(SITE_FILE),
        out,
        suggestions: &mut no_suggestions,
    };
    entry(file, &mut cx, &msg!("placeholder-site-help"));
}

/// Reports every example text of an entry and of the entries inside it.
fn entry(e: &dyn Described, cx: &mut Cx<'_>, help: &Message) {
    let entity = e.entity();
    // "这条科室的“电话”", but "部门的“部门全称”": the file itself is not one of a list.
    let id = if entity.has_id() {
        "placeholder"
    } else {
        "placeholder-of"
    };
    for (field, texts) in e.texts() {
        for text in texts
            .into_iter()
            .filter(|t| is_placeholder(field.kind, t.get_ref()))
        {
            let what = Arg::Words {
                zh: entity.zh.to_string(),
                en: entity.name.to_string(),
            };
            let name = Arg::Words {
                zh: field.zh.to_string(),
                en: field.en.to_string(),
            };
            let message = Message::new(id)
                .arg("what", what)
                .arg("field", name)
                .arg("value", shortened(text.get_ref()));
            cx.out.push(
                Diagnostic::new(Code::Placeholder, message)
                    .at(cx.file, text.span())
                    .label(msg!("placeholder-label"))
                    .help(help.clone()),
            );
        }
    }
    for (_, value) in e.values() {
        match value {
            Value::Table(nested) => entry(nested, cx, help),
            Value::Entries(entries) => {
                for nested in entries {
                    entry(nested, cx, help);
                }
            }
            _ => {}
        }
    }
}

/// The ids the templates give their examples.
const EXAMPLE_ID_WORDS: [&str; 2] = ["shili", "example"];
const EXAMPLE_IDS: [&str; 2] = ["xiebanbumen", "partner-id"];

/// Whether a text is a template's example, by the kind of its field.
pub fn is_placeholder(kind: Kind, text: &str) -> bool {
    let text = text.trim();
    match kind {
        Kind::Id | Kind::SectionRef | Kind::PowerRefs | Kind::DepartmentRef => {
            EXAMPLE_IDS.contains(&text)
                || text.split('-').any(|word| EXAMPLE_ID_WORDS.contains(&word))
        }
        Kind::Phone => example_phone(text),
        Kind::Url => template_examples().contains(text),
        Kind::Text | Kind::Basis | Kind::Texts => example_text(text) || text.starts_with("示例"),
        Kind::Markdown => example_text(text),
        _ => false,
    }
}

/// A template's example text word for word, nothing but an ellipsis, or a sentence left at
/// `负责……`. (Only word for word: "裁量示例" in a real penalty standard is not an example.)
fn example_text(text: &str) -> bool {
    template_examples().contains(text)
        || (!text.is_empty() && text.chars().all(|c| matches!(c, '…' | '.' | '。' | '⋯')))
        || text.ends_with("……")
}

/// The example texts of the templates, commented-out lines included: every string value on a
/// `key = value` line that says it is an example (示例, example, ……).
fn template_examples() -> &'static HashSet<String> {
    static EXAMPLES: OnceLock<HashSet<String>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let lines = init::EXAMPLES.iter().flat_map(|t| t.lines());
        let values = lines.filter_map(|line| {
            let line = line.trim_start().trim_start_matches('#').trim_start();
            toml::from_str::<toml::Table>(line).ok()
        });
        let mut out = HashSet::new();
        for table in values {
            for value in table.values() {
                let texts = match value {
                    toml::Value::String(s) => vec![s.as_str()],
                    toml::Value::Array(list) => list.iter().filter_map(|v| v.as_str()).collect(),
                    _ => Vec::new(),
                };
                let marked = |t: &&str| {
                    t.contains("示例") || t.to_lowercase().contains("example") || t.contains('…')
                };
                out.extend(texts.into_iter().filter(marked).map(str::to_string));
            }
        }
        out
    })
}

/// The templates' numbers, `0000-0000 0000` and `0000-0000 0001`: eight zeros first.
fn example_phone(text: &str) -> bool {
    let digits: String = text.chars().filter(char::is_ascii_digit).take(8).collect();
    digits == "00000000"
}

/// The first characters of a long text, for a message.
fn shortened(text: &str) -> String {
    const SHOWN: usize = 30;
    let line = text.trim().lines().next().unwrap_or("");
    if line.chars().count() > SHOWN || text.trim().contains('\n') {
        format!("{}…", line.chars().take(SHOWN).collect::<String>())
    } else {
        line.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_examples_are_placeholders() {
        assert!(is_placeholder(Kind::Id, "xk-shili"));
        assert!(is_placeholder(Kind::PowerRefs, "example-permit"));
        assert!(is_placeholder(Kind::DepartmentRef, "xiebanbumen"));
        assert!(is_placeholder(Kind::Phone, "0000-0000 0001"));
        assert!(is_placeholder(Kind::Phone, "0000-0000 0000"));
        assert!(is_placeholder(Kind::Text, "示例行政许可事项"));
        assert!(is_placeholder(Kind::Text, "……"));
        assert!(is_placeholder(Kind::Text, "负责……"));
        assert!(is_placeholder(Kind::Markdown, "假如……"));
        assert!(is_placeholder(Kind::Text, "Issuing example permits"));
        assert!(is_placeholder(Kind::Url, "https://example.org/"));
        assert!(is_placeholder(Kind::Text, "示例县示例局"));
        assert!(is_placeholder(Kind::Basis, "Example Regulations, art. 10"));
        // From a line the template has commented out.
        assert!(is_placeholder(Kind::Text, "示例领域"));
    }

    #[test]
    fn real_content_is_not() {
        assert!(!is_placeholder(Kind::Id, "bangongshi"));
        assert!(!is_placeholder(Kind::Id, "d01"));
        assert!(!is_placeholder(Kind::Phone, "0000-6307 0101"));
        assert!(!is_placeholder(Kind::Phone, "0571-12345"));
        assert!(!is_placeholder(Kind::Text, "办公室"));
        assert!(!is_placeholder(Kind::Basis, "三定方案"));
        assert!(!is_placeholder(Kind::Text, "查处违法行为……并依法处理。"));
        assert!(!is_placeholder(Kind::Text, "Counterexamples are fine"));
        assert!(!is_placeholder(Kind::Markdown, "For example, a factory"));
        assert!(!is_placeholder(Kind::Markdown, "电鱼行为的裁量示例："));
        assert!(!is_placeholder(Kind::Url, "https://www.gov.cn/"));
        assert!(!is_placeholder(
            Kind::Url,
            "https://example.org/lists/2026/"
        ));
        assert!(!is_placeholder(Kind::Phone, "0000-1000 0000"));
    }
}
