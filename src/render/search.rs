//! The offline search index: a character-bigram index, so that any query of two or more
//! characters that occurs anywhere in a title or text is found — inside Chinese words too, where
//! word segmenters miss — plus mixed Chinese/ASCII and phone-number fragments.
//!
//! Everything is sharded into small `.js` files that register themselves with the page's search
//! script (script tags work from `file://`, where `fetch` does not): a page loads only
//! `search/meta.js` up front, then the few index shards its query's bigrams hash to, then the
//! document shards of the results it shows.

use std::collections::HashMap;

use rayon::prelude::*;
use std::fmt::Write as _;

use serde::Serialize;

use super::html::Words;
use super::views::{boundary_url, department_url};
use super::writer::Writer;
use crate::check::{Checked, LinkedDepartment};
use crate::model::describe::{Described, Entity, Kind as FieldKind, Value as DValue};
use crate::model::{Department, PhoneNumber, Power, Section, WorkItem};

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

/// Documents per document shard.
const DOCS_PER_SHARD: usize = 256;
/// Aim for index shards of about this many bytes.
const INDEX_SHARD_BYTES: usize = 32 * 1024;

/// One searchable thing and what a result shows about it.
#[derive(Debug, Clone)]
pub struct Doc {
    pub kind: Kind,
    pub title: String,
    pub department: String,
    pub office: String,
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

/// The shard a bigram lives in; the page's script computes the same (31-multiplier hash over
/// code points, 32-bit).
pub fn shard_of(gram: &str, shards: usize) -> usize {
    let mut h: u32 = 0;
    for c in gram.chars() {
        h = h.wrapping_mul(31).wrapping_add(c as u32);
    }
    (h as usize) % shards
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
    let doc = |entry, kind, office, powers| Document::new(d.model, entry, kind, office, powers);
    docs.push(doc(d.model, Kind::Department, None, &[]).doc(page.clone()));
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

impl<'a> Document<'a> {
    fn new(
        department: &'a Department,
        entry: &'a dyn Described,
        kind: Kind,
        office: Option<&'a Section>,
        powers: &'a [&'a Power],
    ) -> Document<'a> {
        Document {
            department,
            entry,
            kind,
            office,
            powers,
        }
    }

    fn doc(&self, url: String) -> Doc {
        let mut body = Vec::new();
        searched_texts(
            self.entry,
            self.entry.entity().title,
            self.powers,
            &mut body,
        );
        let office = self.office;
        Doc {
            kind: self.kind,
            title: self.entry.title().to_string(),
            department: self.department.display_name().to_string(),
            office: office.map(|s| s.name.get_ref().clone()).unwrap_or_default(),
            phone: office
                .map(|s| s.phone.get_ref().clone())
                .unwrap_or_default(),
            tel: office
                .map(|s| PhoneNumber::tel(s.phone.get_ref()))
                .unwrap_or_default(),
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
    shards: usize,
    docs_per_shard: usize,
    docs: usize,
    kinds: Vec<&'a str>,
}

/// Writes the search index of the project: `search/meta.js`, the index shards and the document
/// shards, with the kinds' labels in the site's language.
pub fn render(checked: &Checked<'_>, words: &Words, out: &Writer) -> anyhow::Result<()> {
    let docs = {
        let _t = crate::timing::phase("s:documents");
        documents(checked)
    };
    let kinds: Vec<&str> = KIND_KEYS.iter().map(|k| words.get(k)).collect();
    write_index(&docs, &kinds, out)
}

fn write_index(docs: &[Doc], kind_labels: &[&str], out: &Writer) -> anyhow::Result<()> {
    let t = crate::timing::phase("s:grams");
    let per_doc: Vec<Vec<(u64, u64)>> = docs
        .par_iter()
        .enumerate()
        .map(|(id, doc)| doc_postings(id, doc))
        .collect();
    drop(t);
    let t = crate::timing::phase("s:merge");
    // bigram → ascending postings; ids ascend because documents are added in order.
    let mut postings: HashMap<u64, Vec<u64>> = HashMap::new();
    for grams in per_doc {
        for (gram, value) in grams {
            postings.entry(gram).or_default().push(value);
        }
    }
    let total: usize = postings.values().map(Vec::len).sum();
    let shards = (total * 4 / INDEX_SHARD_BYTES)
        .max(1)
        .next_power_of_two()
        .min(1024);
    let mut by_shard: Vec<Vec<(String, &Vec<u64>)>> = vec![Vec::new(); shards];
    for (gram, list) in &postings {
        let text = unpack(*gram);
        by_shard[shard_of(&text, shards)].push((text, list));
    }
    drop(t);
    let t = crate::timing::phase("s:index");
    by_shard
        .par_iter_mut()
        .enumerate()
        .try_for_each(|(n, grams)| {
            grams.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            out.write(
                &format!("search/i{n}.js"),
                index_shard(n, grams)?.as_bytes(),
            )
        })?;
    drop(t);
    let _t = crate::timing::phase("s:docs");
    docs.par_chunks(DOCS_PER_SHARD)
        .enumerate()
        .try_for_each(|(n, chunk)| {
            out.write(&format!("search/d{n}.js"), doc_shard(n, chunk)?.as_bytes())
        })?;
    let meta = Meta {
        shards,
        docs_per_shard: DOCS_PER_SHARD,
        docs: docs.len(),
        kinds: kind_labels.to_vec(),
    };
    out.write(
        "search/meta.js",
        format!("resplistSearch.meta({});\n", serde_json::to_string(&meta)?).as_bytes(),
    )
}

/// A document's bigrams, each once, with its posting (see `posting`).
fn doc_postings(id: usize, doc: &Doc) -> Vec<(u64, u64)> {
    let mut title = packed_bigrams(&normalize(&doc.title));
    let mut all = title.clone();
    for text in &doc.body {
        all.extend(packed_bigrams(&normalize(text)));
    }
    title.sort_unstable();
    all.sort_unstable();
    // Runs of equal bigrams: each bigram once, with how often it occurs.
    all.chunk_by(|a, b| a == b)
        .map(|run| {
            let in_title = title.binary_search(&run[0]).is_ok();
            (run[0], posting(id, doc.kind, run.len() as u32, in_title))
        })
        .collect()
}

/// One index shard as a script: each bigram with its postings, delta-encoded (the page's
/// script restores them with a running sum).
fn index_shard(n: usize, grams: &[(String, &Vec<u64>)]) -> anyhow::Result<String> {
    let mut js = format!("resplistSearch.index({n},{{");
    for (i, (gram, list)) in grams.iter().enumerate() {
        if i > 0 {
            js.push(',');
        }
        let _ = write!(js, "{}:[", serde_json::to_string(gram)?);
        let mut previous = 0;
        for (k, value) in list.iter().enumerate() {
            if k > 0 {
                js.push(',');
            }
            let _ = write!(js, "{}", value - previous);
            previous = *value;
        }
        js.push(']');
    }
    js.push_str("});\n");
    Ok(js)
}

/// One shard of documents as a script: what each result shows.
fn doc_shard(n: usize, chunk: &[Doc]) -> anyhow::Result<String> {
    let rows: Vec<[&String; 6]> = chunk
        .iter()
        .map(|d| [&d.title, &d.department, &d.office, &d.phone, &d.tel, &d.url])
        .collect();
    Ok(format!(
        "resplistSearch.docs({n},{});\n",
        serde_json::to_string(&rows)?
    ))
}

/// A posting: document id × 128 + occurrences of the bigram (at most 7) × 16 + kind × 2 +
/// whether the bigram is in the title. The page's script decodes it the same way.
fn posting(id: usize, kind: Kind, count: u32, in_title: bool) -> u64 {
    id as u64 * 128 + u64::from(count.min(7)) * 16 + (kind as u64) * 2 + u64::from(in_title)
}

/// The bigrams of normalized text, each packed in a u64 (two code points).
fn packed_bigrams(normalized: &str) -> Vec<u64> {
    let chars: Vec<char> = normalized.chars().collect();
    chars
        .windows(2)
        .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
        .collect()
}

fn unpack(gram: u64) -> String {
    [gram >> 32, gram & 0xFFFF_FFFF]
        .iter()
        .filter_map(|c| char::from_u32(*c as u32))
        .collect()
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
    fn bigrams_cover_every_substring() {
        let grams: Vec<String> = packed_bigrams("违法停车").into_iter().map(unpack).collect();
        assert_eq!(grams, ["违法", "法停", "停车"]);
        assert!(packed_bigrams("a").is_empty());
    }

    #[test]
    fn postings_pack_kind_count_and_title() {
        let p = posting(5, Kind::Boundary, 9, true);
        assert_eq!(
            (p / 128, (p >> 4) & 7, (p >> 1) & 7, p & 1),
            (5, 7, Kind::Boundary as u64, 1)
        );
    }

    #[test]
    fn shard_hash_is_stable() {
        // The page's script must agree with these values.
        assert_eq!(
            shard_of("停车", 1 << 30),
            (0x505c_u32.wrapping_mul(31).wrapping_add(0x8f66)) as usize % (1 << 30)
        );
        assert_eq!(shard_of("ab", 7), (97 * 31 + 98) % 7);
    }
}
