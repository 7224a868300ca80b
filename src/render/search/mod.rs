//! The offline search: what is searchable, and the files the page's script
//! (`static/search.js`) reads. See `docs/search.md` for how a query is ranked.
//!
//! - `index`: a character-bigram index, so that any run of two or more characters in a text is
//!   found, inside Chinese words too, where word segmenters miss. Titles are also indexed by
//!   single characters, so one-character queries match titles.
//! - `words`: the synonyms (built-in dictionary and `[search] synonyms`), the words of asking
//!   read as intent, and the search box's example queries.
//! - `pinyin`: from the pinyin of the list's own words back to those words, so `zaosheng` and
//!   `hbj` find 噪声 and 环保局.
//!
//! Everything is split into small `.js` files that register themselves with the page's search
//! script (script tags work from `file://`, where `fetch` does not). The search page loads
//! `search/meta.js` and `search/words.js`, then the few shards its query needs.

mod index;
mod pinyin;
pub mod words;

use serde::Serialize;

use super::html::Words;
use super::views::{boundary_url, department_url};
use super::writer::Writer;
use crate::check::{Checked, LinkedDepartment};
use crate::model::describe::{Described, Entity, Kind as FieldKind, Value as DValue};
use crate::model::{Department, Language, PhoneNumber, Power, Section, WorkItem};

pub use index::shard_of;

/// What a result is; the number is its code in the index and its place in `KIND_KEYS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Department = 0,
    Office = 1,
    Duty = 2,
    WorkItem = 3,
    Boundary = 4,
    Regime = 5,
    Service = 6,
}

/// The strings-file keys of the kinds' labels, in code order.
pub const KIND_KEYS: [&str; 7] = [
    "kind_department",
    "kind_office",
    "kind_duty",
    "kind_item",
    "kind_boundary",
    "kind_regime",
    "kind_service",
];

/// A result shows at most this many characters of its title (a work item's title is its whole
/// text): enough to recognise it, and the document shards stay small.
const SHOWN_TITLE_CHARS: usize = 60;

/// One searchable thing and what a result shows about it.
#[derive(Debug, Clone)]
pub struct Doc {
    pub kind: Kind,
    pub title: String,
    /// Other names that count as the title: a department's short name.
    pub aliases: Vec<String>,
    pub department: String,
    pub office: String,
    /// The phone of the office, or of the department for a department or a boundary (its
    /// lead's).
    pub phone: String,
    /// The phone as a `tel:` link, empty when there is no phone.
    pub tel: String,
    pub url: String,
    /// Searched but not shown: the document's other texts, each indexed on its own so that no
    /// bigram spans two of them.
    pub body: Vec<String>,
}

/// The text a query is matched against: lowercase letters and digits of any script, full-width
/// ASCII folded to half-width, everything else (spaces, punctuation, hyphens) dropped. The page's
/// script normalizes queries the same way.
pub fn normalize(text: &str) -> String {
    text.chars()
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every searchable thing of the project, in publication order: each department followed by
/// its offices, duties (each with its work items), regimes and services, then the boundaries.
pub fn documents(checked: &Checked<'_>) -> Vec<Doc> {
    let mut docs = Vec::new();
    for d in checked.departments() {
        department_docs(d, &mut docs);
    }
    for b in checked.boundaries() {
        let doc = Document {
            department: b.lead,
            entry: b.model,
            kind: Kind::Boundary,
            office: None,
            powers: &[],
        };
        docs.push(doc.doc(boundary_url(b.model.id.get_ref())));
    }
    docs
}

fn department_docs(d: &LinkedDepartment<'_>, docs: &mut Vec<Doc>) {
    let page = department_url(&d.model.id);
    let at = |anchor: String| format!("{page}#{anchor}");
    let doc = |entry, kind, office, powers| Document {
        department: d.model,
        entry,
        kind,
        office,
        powers,
    };
    let mut department = doc(d.model, Kind::Department, None, &[]).doc(page.clone());
    department.aliases = d
        .model
        .short_name
        .iter()
        .map(|s| s.get_ref().clone())
        .collect();
    docs.push(department);
    for s in &d.model.sections {
        let s = s.get_ref();
        let url = at(format!("section-{}", s.id.get_ref()));
        docs.push(doc(s, Kind::Office, Some(s), &[]).doc(url));
    }
    for duty in &d.duties {
        let id = duty.model.id.get_ref();
        docs.push(doc(duty.model, Kind::Duty, None, &[]).doc(at(format!("duty-{id}"))));
        for (i, item) in duty.items.iter().enumerate() {
            let url = at(format!("item-{id}-{}", i + 1));
            docs.push(doc(item.model, Kind::WorkItem, Some(item.section), &item.powers).doc(url));
        }
    }
    for r in &d.supervision {
        let url = at(format!("regime-{}", r.model.id.get_ref()));
        docs.push(doc(r.model, Kind::Regime, r.section, &r.powers).doc(url));
    }
    for s in &d.services {
        let url = at(format!("service-{}", s.model.id.get_ref()));
        docs.push(doc(s.model, Kind::Service, s.section, &[]).doc(url));
    }
}

/// A model entry that is a search document: its department, the office a result shows the
/// phone of, and the powers it names (searched by their names).
struct Document<'a> {
    department: &'a Department,
    entry: &'a dyn Described,
    kind: Kind,
    office: Option<&'a Section>,
    powers: &'a [&'a Power],
}

impl Document<'_> {
    fn doc(&self, url: String) -> Doc {
        let mut body = Vec::new();
        searched_texts(
            self.entry,
            self.entry.entity().title,
            self.powers,
            &mut body,
        );
        // A department or a boundary shows the department's own phone: the number to call
        // about it.
        let phone = match (self.office, self.kind) {
            (Some(s), _) => s.phone.get_ref().clone(),
            (None, Kind::Department | Kind::Boundary) => self
                .department
                .phone
                .as_ref()
                .map(|p| p.get_ref().clone())
                .unwrap_or_default(),
            (None, _) => String::new(),
        };
        Doc {
            kind: self.kind,
            title: self.entry.title().to_string(),
            aliases: Vec::new(),
            department: self.department.display_name().to_string(),
            office: self
                .office
                .map(|s| s.name.get_ref().clone())
                .unwrap_or_default(),
            tel: if phone.is_empty() {
                String::new()
            } else {
                PhoneNumber::tel(&phone)
            },
            phone,
            url,
            body,
        }
    }
}

/// The texts of `entry` the search indexes besides its title (`skip`): every field whose kind is
/// searched — the powers it names by their names — and those of the tables that are part of it:
/// a table of its own (a mock case), and lists of entries without ids that are not documents
/// themselves (partners, steps, indicators).
fn searched_texts(
    entry: &dyn Described,
    skip: Option<&str>,
    powers: &[&Power],
    out: &mut Vec<String>,
) {
    for (field, value) in entry.values() {
        match value {
            DValue::Table(nested) => searched_texts(nested, None, &[], out),
            DValue::Entries(entries) => {
                for nested in entries {
                    let entity = nested.entity();
                    if !entity.has_id() && !is_document(entity) {
                        searched_texts(nested, None, &[], out);
                    }
                }
            }
            _ if !field.kind.is_searched() || skip == Some(field.key) => {}
            DValue::List(_) if matches!(field.kind, FieldKind::PowerRefs) => {
                out.extend(powers.iter().map(|p| p.name.get_ref().clone()))
            }
            DValue::Text(text) => out.push(text.to_string()),
            DValue::List(texts) => out.extend(texts.iter().map(|t| t.to_string())),
            _ => {}
        }
    }
}

/// Work items are documents of their own, though they have no id.
fn is_document(entity: &Entity) -> bool {
    entity.key == WorkItem::description().key
}

#[derive(Serialize)]
struct Meta<'a> {
    /// Index shards (bigrams and title characters).
    shards: usize,
    /// Pinyin shards; 0 when the site is not Chinese.
    pinyin_shards: usize,
    docs_per_shard: usize,
    docs: usize,
    kinds: Vec<&'a str>,
}

/// Writes the search of the project: `search/meta.js`, `search/words.js`, and the index,
/// pinyin and document shards, with the kinds' labels in the site's language.
pub fn render(checked: &Checked<'_>, words: &Words, out: &Writer) -> anyhow::Result<()> {
    let docs = {
        let _t = crate::timing::phase("s:documents");
        documents(checked)
    };
    let language = checked.language();
    let mut dictionary = words::Dictionary::new(language, checked.search_settings())?;
    if language == Language::ZhCn {
        dictionary.syllables = pinyin::syllables();
    }
    let built = index::write(&docs, &mut dictionary, out)?;
    let pinyin_shards = if language == Language::ZhCn {
        let _t = crate::timing::phase("s:pinyin");
        pinyin::write(&docs, &dictionary, out)?
    } else {
        0
    };
    out.write("search/words.js", dictionary.script()?.as_bytes())?;
    let meta = Meta {
        shards: built.shards,
        pinyin_shards,
        docs_per_shard: built.docs_per_shard,
        docs: docs.len(),
        kinds: KIND_KEYS.iter().map(|k| words.get(k)).collect(),
    };
    out.write(
        "search/meta.js",
        format!("resplistSearch.meta({});\n", serde_json::to_string(&meta)?).as_bytes(),
    )
}

/// A title as a result shows it: at most `SHOWN_TITLE_CHARS` characters, then "…".
fn shown_title(title: &str) -> String {
    match title.char_indices().nth(SHOWN_TITLE_CHARS) {
        Some((cut, _)) => format!("{}…", &title[..cut]),
        None => title.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization_keeps_letters_and_digits_of_any_script() {
        assert_eq!(normalize("0000-6301 0103 转 8001"), "000063010103转8001");
        assert_eq!(normalize("ＰＭ２.５ 监测"), "pm25监测");
        assert_eq!(normalize("“违法停车”，"), "违法停车");
    }

    #[test]
    fn long_titles_are_cut_for_the_result_list() {
        assert_eq!(shown_title("违法停车"), "违法停车");
        let long = "噪".repeat(SHOWN_TITLE_CHARS + 5);
        let shown = shown_title(&long);
        assert_eq!(shown.chars().count(), SHOWN_TITLE_CHARS + 1);
        assert!(shown.ends_with('…'));
    }
}
