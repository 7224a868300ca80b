//! The index and document shards. Every bigram of a document's normalized texts is a key, and
//! so is every single (non-ASCII) character of its title, except for duties and work items,
//! whose titles are sentences. A key's postings say which documents
//! hold it, how often, whether in the title, and what kind each document is; the page's script
//! scores with them (BM25-like, see `docs/search.md`).
//!
//! Bounded for a phone at province scale: a bigram in more than `MAX_POSTINGS` documents keeps
//! only its best postings (titles, then the kinds that answer "who is responsible"), and the
//! page is told how many documents hold it; a title character keeps `MAX_CHAR_POSTINGS`.

use std::collections::HashMap;
use std::fmt::Write as _;

use rayon::prelude::*;

use super::words::Dictionary;
use super::{Doc, Kind, normalize, shown_title};
use crate::render::writer::Writer;

/// Documents per document shard: a page of ten results loads at most ten of them.
const DOCS_PER_SHARD: usize = 64;
/// Aim for index shards of about this many bytes.
const INDEX_SHARD_BYTES: usize = 12 * 1024;
const MAX_SHARDS: usize = 8192;
/// A bigram in more documents than this keeps this many of its postings.
pub const MAX_POSTINGS: usize = 1000;
/// A title character keeps at most this many postings.
pub const MAX_CHAR_POSTINGS: usize = 200;

/// How the index was split, for `search/meta.js`.
pub struct Built {
    pub shards: usize,
    pub docs_per_shard: usize,
}

/// The shard a key lives in; the page's script computes the same (31-multiplier hash over
/// code points, 32-bit).
pub fn shard_of(key: &str, shards: usize) -> usize {
    let mut h: u32 = 0;
    for c in key.chars() {
        h = h.wrapping_mul(31).wrapping_add(c as u32);
    }
    (h as usize) % shards
}

/// Which postings a truncated key keeps first: documents that answer "who is responsible".
fn kind_rank(kind: u64) -> u8 {
    const ORDER: [Kind; 7] = [
        Kind::Boundary,
        Kind::Department,
        Kind::Service,
        Kind::Regime,
        Kind::Office,
        Kind::Duty,
        Kind::WorkItem,
    ];
    ORDER
        .iter()
        .position(|k| *k as u64 == kind)
        .map_or(u8::MAX, |p| p as u8)
}

/// A key's postings, cut to `cap` if longer; with the number of documents that hold it.
struct Postings {
    list: Vec<u64>,
    documents: usize,
}

fn bounded(mut list: Vec<u64>, cap: usize) -> Postings {
    let documents = list.len();
    if list.len() > cap {
        // Best first: in the title, then by kind, then by how often; ties by document order.
        list.sort_unstable_by_key(|p| {
            (1 - (p & 1), kind_rank((p >> 1) & 7), 7 - ((p >> 4) & 7), *p)
        });
        list.truncate(cap);
        list.sort_unstable();
    }
    Postings { list, documents }
}

/// Writes the index and document shards, and notes which of the dictionary's words the index
/// holds.
pub fn write(docs: &[Doc], dictionary: &mut Dictionary, out: &Writer) -> anyhow::Result<Built> {
    let t = crate::timing::phase("s:grams");
    let per_doc: Vec<Vec<(u64, u64)>> = docs
        .par_iter()
        .enumerate()
        .map(|(id, doc)| doc_postings(id, doc))
        .collect();
    drop(t);
    let t = crate::timing::phase("s:merge");
    // key → ascending postings; ids ascend because documents are added in order.
    let mut postings: HashMap<u64, Vec<u64>> = HashMap::new();
    for keys in per_doc {
        for (key, value) in keys {
            postings.entry(key).or_default().push(value);
        }
    }
    dictionary.mark_found(|gram| postings.contains_key(&gram));
    let postings: Vec<(String, Postings)> = postings
        .into_par_iter()
        .map(|(key, list)| {
            let cap = if is_char(key) {
                MAX_CHAR_POSTINGS
            } else {
                MAX_POSTINGS
            };
            (unpack(key), bounded(list, cap))
        })
        .collect();
    let total: usize = postings
        .par_iter()
        .map(|(key, p)| written_size(key, p))
        .sum();
    let shards = (total / INDEX_SHARD_BYTES)
        .max(1)
        .next_power_of_two()
        .min(MAX_SHARDS);
    let mut by_shard: Vec<Vec<&(String, Postings)>> = vec![Vec::new(); shards];
    for entry in &postings {
        by_shard[shard_of(&entry.0, shards)].push(entry);
    }
    drop(t);
    let t = crate::timing::phase("s:index");
    by_shard
        .par_iter_mut()
        .enumerate()
        .try_for_each(|(n, keys)| {
            keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            out.write(&format!("search/i{n}.js"), index_shard(n, keys)?.as_bytes())
        })?;
    drop(t);
    let _t = crate::timing::phase("s:docs");
    docs.par_chunks(DOCS_PER_SHARD)
        .enumerate()
        .try_for_each(|(n, chunk)| {
            out.write(&format!("search/d{n}.js"), doc_shard(n, chunk)?.as_bytes())
        })?;
    Ok(Built {
        shards,
        docs_per_shard: DOCS_PER_SHARD,
    })
}

/// A document's keys, each once, with its posting (see `posting`): the bigrams of every text,
/// and the characters of its title.
fn doc_postings(id: usize, doc: &Doc) -> Vec<(u64, u64)> {
    let titles: Vec<String> = std::iter::once(&doc.title)
        .chain(&doc.aliases)
        .map(|t| normalize(t))
        .collect();
    let mut title: Vec<u64> = titles.iter().flat_map(|t| packed_bigrams(t)).collect();
    let mut all = title.clone();
    for text in &doc.body {
        all.extend(packed_bigrams(&normalize(text)));
    }
    // Title characters count as in the title; ASCII letters and digits alone find nothing. A
    // duty's or a work item's title is a whole sentence: its characters are no title.
    let named = !matches!(doc.kind, Kind::Duty | Kind::WorkItem);
    let chars = titles
        .iter()
        .filter(|_| named)
        .flat_map(|t| t.chars())
        .filter(|c| !c.is_ascii())
        .map(|c| u64::from(c) << 32);
    title.extend(chars.clone());
    all.extend(chars);
    title.sort_unstable();
    all.sort_unstable();
    // Runs of equal keys: each key once, with how often it occurs.
    all.chunk_by(|a, b| a == b)
        .map(|run| {
            let in_title = title.binary_search(&run[0]).is_ok();
            (run[0], posting(id, doc.kind, run.len() as u32, in_title))
        })
        .collect()
}

/// About how many bytes a key takes in its shard: the key, and each delta with its comma.
fn written_size(key: &str, postings: &Postings) -> usize {
    let mut previous = 0;
    let mut size = key.len() + 6;
    for value in &postings.list {
        size += (value - previous).checked_ilog10().unwrap_or(0) as usize + 2;
        previous = *value;
    }
    size
}

/// One index shard as a script: each key with its postings, delta-encoded (the page's script
/// restores them with a running sum), then the keys whose postings were cut, with the number
/// of documents that hold them.
fn index_shard(n: usize, keys: &[&(String, Postings)]) -> anyhow::Result<String> {
    let mut js = format!("resplistSearch.index({n},{{");
    let mut cut = String::new();
    for (i, (key, postings)) in keys.iter().map(|e| (&e.0, &e.1)).enumerate() {
        if i > 0 {
            js.push(',');
        }
        let key = serde_json::to_string(key)?;
        let _ = write!(js, "{key}:[");
        let mut previous = 0;
        for (k, value) in postings.list.iter().enumerate() {
            if k > 0 {
                js.push(',');
            }
            let _ = write!(js, "{}", value - previous);
            previous = *value;
        }
        js.push(']');
        if postings.documents > postings.list.len() {
            if !cut.is_empty() {
                cut.push(',');
            }
            let _ = write!(cut, "{key}:{}", postings.documents);
        }
    }
    let _ = writeln!(js, "}},{{{cut}}});");
    Ok(js)
}

/// One shard of documents as a script: what each result shows.
fn doc_shard(n: usize, chunk: &[Doc]) -> anyhow::Result<String> {
    let rows: Vec<[String; 6]> = chunk
        .iter()
        .map(|d| {
            [
                shown_title(&d.title),
                d.department.clone(),
                d.office.clone(),
                d.phone.clone(),
                d.tel.clone(),
                d.url.clone(),
            ]
        })
        .collect();
    Ok(format!(
        "resplistSearch.docs({n},{});\n",
        serde_json::to_string(&rows)?
    ))
}

/// A posting: document id × 128 + occurrences of the key (at most 7) × 16 + kind × 2 +
/// whether the key is in the title. The page's script decodes it the same way.
fn posting(id: usize, kind: Kind, count: u32, in_title: bool) -> u64 {
    id as u64 * 128 + u64::from(count.min(7)) * 16 + (kind as u64) * 2 + u64::from(in_title)
}

/// The bigrams of normalized text, each packed in a u64 (two code points).
pub fn packed_bigrams(normalized: &str) -> Vec<u64> {
    let chars: Vec<char> = normalized.chars().collect();
    chars
        .windows(2)
        .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
        .collect()
}

/// Whether a packed key is a single character (no second code point).
fn is_char(key: u64) -> bool {
    key & 0xFFFF_FFFF == 0
}

pub fn unpack(key: u64) -> String {
    [key >> 32, key & 0xFFFF_FFFF]
        .iter()
        .filter(|c| **c != 0)
        .filter_map(|c| char::from_u32(*c as u32))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigrams_cover_every_substring() {
        let grams: Vec<String> = packed_bigrams("违法停车").into_iter().map(unpack).collect();
        assert_eq!(grams, ["违法", "法停", "停车"]);
        assert!(packed_bigrams("a").is_empty());
    }

    #[test]
    fn title_characters_are_keys_of_their_own() {
        let doc = Doc {
            kind: Kind::Boundary,
            title: "噪声a".into(),
            aliases: vec!["环保局".into()],
            department: String::new(),
            office: String::new(),
            phone: String::new(),
            tel: String::new(),
            url: String::new(),
            body: vec!["噪声扰民".into()],
        };
        let keys: Vec<(String, u64)> = doc_postings(0, &doc)
            .into_iter()
            .map(|(k, p)| (unpack(k), p))
            .collect();
        let find = |k: &str| keys.iter().find(|(key, _)| key == k).map(|(_, p)| *p);
        // 噪声 twice (title and body), in the title; 扰民 only in the body.
        assert_eq!(find("噪声"), Some(posting(0, Kind::Boundary, 2, true)));
        assert_eq!(find("扰民"), Some(posting(0, Kind::Boundary, 1, false)));
        assert_eq!(find("噪"), Some(posting(0, Kind::Boundary, 1, true)));
        assert_eq!(find("保"), Some(posting(0, Kind::Boundary, 1, true)));
        assert_eq!(find("a"), None, "ASCII characters alone are no keys");
        assert_eq!(find("扰"), None, "body characters are no keys");
    }

    #[test]
    fn long_postings_keep_titles_and_boundaries_first() {
        let mut list: Vec<u64> = (0..10)
            .map(|id| posting(id, Kind::WorkItem, 1, false))
            .collect();
        list.push(posting(10, Kind::Boundary, 1, false));
        list.push(posting(11, Kind::WorkItem, 1, true));
        let kept = bounded(list, 3);
        assert_eq!(kept.documents, 12);
        let ids: Vec<u64> = kept.list.iter().map(|p| p / 128).collect();
        assert_eq!(
            ids,
            [0, 10, 11],
            "the title, the boundary, then document order"
        );
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
        assert_eq!(shard_of("噪", 7), 0x566a % 7);
    }
}
