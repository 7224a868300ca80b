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

use super::Writer;
use super::views::{Phone, boundary_url, department_url};
use crate::index::ListIndex;
use crate::model::Department;

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

/// Every searchable thing of the project, in publication order.
pub fn documents(index: &ListIndex<'_>) -> Vec<Doc> {
    let mut docs = Vec::new();
    for d in &index.departments {
        department_docs(d, &mut docs);
    }
    for (lead, b) in &index.boundaries {
        let case = b.case.get_ref();
        let mut body = vec![
            b.area.get_ref().as_str(),
            b.lead_duty.get_ref(),
            case.title.get_ref(),
            case.scenario.get_ref(),
        ];
        body.extend(
            b.partners
                .get_ref()
                .iter()
                .map(|p| p.get_ref().duty.get_ref().as_str()),
        );
        body.extend(
            case.steps
                .iter()
                .map(|s| s.get_ref().action.get_ref().as_str()),
        );
        docs.push(Doc {
            kind: Kind::Boundary,
            title: b.title.get_ref().clone(),
            department: lead.display_name().to_string(),
            office: String::new(),
            phone: String::new(),
            tel: String::new(),
            url: boundary_url(b.id.get_ref()),
            body: body.into_iter().map(str::to_string).collect(),
        });
    }
    docs
}

fn department_docs(d: &Department, docs: &mut Vec<Doc>) {
    let page = department_url(&d.id);
    let dept = d.display_name().to_string();
    let doc = |kind,
               title: &str,
               anchor: &str,
               office: Option<&crate::model::Section>,
               body: Vec<String>| {
        Doc {
            kind,
            title: title.to_string(),
            department: dept.clone(),
            office: office.map(|s| s.name.get_ref().clone()).unwrap_or_default(),
            phone: office
                .map(|s| s.phone.get_ref().clone())
                .unwrap_or_default(),
            tel: office
                .map(|s| Phone::new(s.phone.get_ref()).tel)
                .unwrap_or_default(),
            url: if anchor.is_empty() {
                page.clone()
            } else {
                format!("{page}#{anchor}")
            },
            body,
        }
    };
    let body = [&d.short_name, &d.phone, &d.address, &d.summary]
        .into_iter()
        .flatten()
        .map(|s| s.get_ref().clone())
        .collect();
    docs.push(doc(Kind::Department, d.name.get_ref(), "", None, body));
    for s in &d.sections {
        let s = s.get_ref();
        docs.push(doc(
            Kind::Office,
            s.name.get_ref(),
            &format!("section-{}", s.id.get_ref()),
            Some(s),
            vec![s.phone.get_ref().clone()],
        ));
    }
    for duty in &d.duties {
        let duty = duty.get_ref();
        let note = duty.note.iter().map(|n| n.get_ref().clone()).collect();
        docs.push(doc(
            Kind::Duty,
            duty.title.get_ref(),
            &format!("duty-{}", duty.id.get_ref()),
            None,
            note,
        ));
        for (i, item) in duty.items.iter().enumerate() {
            let item = item.get_ref();
            let mut body: Vec<String> = item.note.iter().map(|n| n.get_ref().clone()).collect();
            body.extend(
                item.powers
                    .iter()
                    .filter_map(|p| d.power(p.get_ref()))
                    .map(|p| p.name.get_ref().clone()),
            );
            let anchor = format!("item-{}-{}", duty.id.get_ref(), i + 1);
            docs.push(doc(
                Kind::WorkItem,
                item.text.get_ref(),
                &anchor,
                d.section(item.section.get_ref()),
                body,
            ));
        }
    }
    for r in &d.supervision {
        let r = r.get_ref();
        let mut body: Vec<String> = r
            .measures
            .get_ref()
            .iter()
            .map(|m| m.get_ref().clone())
            .collect();
        body.extend(r.indicators.iter().flat_map(|i| {
            let i = i.get_ref();
            [i.name.get_ref().clone(), i.target.get_ref().clone()]
        }));
        body.extend(
            r.procedure
                .iter()
                .chain(r.penalty.iter())
                .map(|t| t.get_ref().clone()),
        );
        body.extend(
            r.power_ids()
                .filter_map(|p| d.power(p.get_ref()))
                .map(|p| p.name.get_ref().clone()),
        );
        let office = r.section.as_ref().and_then(|s| d.section(s.get_ref()));
        docs.push(doc(
            Kind::Regime,
            r.title.get_ref(),
            &format!("regime-{}", r.id.get_ref()),
            office,
            body,
        ));
    }
    for s in &d.services {
        let s = s.get_ref();
        let body: Vec<String> = s
            .description
            .iter()
            .chain(s.frequency.iter())
            .map(|t| t.get_ref().clone())
            .collect();
        let office = s.section.as_ref().and_then(|x| d.section(x.get_ref()));
        docs.push(doc(
            Kind::Service,
            s.title.get_ref(),
            &format!("service-{}", s.id.get_ref()),
            office,
            body,
        ));
    }
}

#[derive(Serialize)]
struct Meta<'a> {
    shards: usize,
    docs_per_shard: usize,
    docs: usize,
    kinds: Vec<&'a str>,
}

/// Writes `search/meta.js`, the index shards and the document shards. `kind_labels` are the
/// kinds' labels in the site's language.
pub fn render(docs: &[Doc], kind_labels: &[String], out: &Writer) -> anyhow::Result<()> {
    let t = crate::timing::phase("s:grams");
    // Each document's bigrams with their posting (see `posting`), computed on every core.
    let per_doc: Vec<Vec<(u64, u64)>> = docs
        .par_iter()
        .enumerate()
        .map(|(id, doc)| {
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
                    (
                        run[0],
                        posting(
                            id,
                            doc.kind,
                            run.len() as u32,
                            title.binary_search(&run[0]).is_ok(),
                        ),
                    )
                })
                .collect()
        })
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
        .try_for_each(|(n, grams)| -> anyhow::Result<()> {
            grams.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            let mut js = format!("resplistSearch.index({n},{{");
            for (i, (gram, list)) in grams.iter().enumerate() {
                if i > 0 {
                    js.push(',');
                }
                let _ = write!(js, "{}:[", serde_json::to_string(gram)?);
                // Delta-encoded: the script restores the values with a running sum.
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
            out.write(&format!("search/i{n}.js"), js.as_bytes())
        })?;
    drop(t);
    let _t = crate::timing::phase("s:docs");
    docs.par_chunks(DOCS_PER_SHARD).enumerate().try_for_each(
        |(n, chunk)| -> anyhow::Result<()> {
            let rows: Vec<[&String; 6]> = chunk
                .iter()
                .map(|d| [&d.title, &d.department, &d.office, &d.phone, &d.tel, &d.url])
                .collect();
            let js = format!(
                "resplistSearch.docs({n},{});\n",
                serde_json::to_string(&rows)?
            );
            out.write(&format!("search/d{n}.js"), js.as_bytes())
        },
    )?;
    let meta = Meta {
        shards,
        docs_per_shard: DOCS_PER_SHARD,
        docs: docs.len(),
        kinds: kind_labels.iter().map(String::as_str).collect(),
    };
    out.write(
        "search/meta.js",
        format!("resplistSearch.meta({});\n", serde_json::to_string(&meta)?).as_bytes(),
    )?;
    Ok(())
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
