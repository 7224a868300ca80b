//! From pinyin back to the list's own words, so that a resident without a Chinese input method
//! finds 噪声 with `zaosheng` and 环保局 with `hbj`.
//!
//! The vocabulary is every two-character piece of the titles (and of departments' short names
//! and the dictionary's words): it is bounded by the list's own wording, not by its size. Each
//! piece is filed under the pinyin of its two characters (`zao'sheng`) and their initials
//! (`#zs`), every reading of a character with several. The page's script splits a typed
//! pinyin string into syllables, looks up each neighbouring pair, chains the pieces into words
//! (噪声, 环保 + 保局 → 环保局) and searches those words as it would typed Chinese.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use pinyin::{Pinyin, ToPinyinMulti};
use rayon::prelude::*;

use super::index::{packed_bigrams, shard_of, unpack};
use super::words::Dictionary;
use super::{Doc, normalize};
use crate::render::writer::Writer;

/// Pieces kept per full-pinyin key and per initials key, the most common first.
const PER_KEY: usize = 16;
const PER_INITIALS: usize = 24;
/// A character's readings considered, at most.
const READINGS: usize = 3;
/// Aim for pinyin shards of about this many bytes.
const SHARD_BYTES: usize = 8 * 1024;
/// What a piece of a department's short name, and of a dictionary word, weighs against one
/// title holding it.
const NAME: u32 = 1 << 24;
const WORD: u32 = 1 << 16;

/// A character's plain readings, `ü` written `v` as on a keyboard; none for a non-Chinese one.
pub fn readings(c: char) -> Vec<String> {
    let Some(multi) = c.to_pinyin_multi() else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for reading in multi.into_iter().map(Pinyin::plain) {
        let reading = reading.replace('ü', "v");
        if !out.contains(&reading) {
            out.push(reading);
        }
    }
    out.truncate(READINGS);
    out
}

/// Every syllable a Chinese character can be read as: the page's script splits typed pinyin
/// with them.
pub fn syllables() -> Vec<String> {
    let mut all = BTreeSet::new();
    for c in ('\u{3400}'..='\u{9FFF}').chain('\u{20000}'..='\u{2A6DF}') {
        all.extend(readings(c));
    }
    all.into_iter().collect()
}

/// Writes `search/p*.js`; returns how many shards.
pub fn write(docs: &[Doc], dictionary: &Dictionary, out: &Writer) -> anyhow::Result<usize> {
    // piece → weight: how many titles hold it, and whether names and dictionary words do.
    let mut weight: HashMap<u64, u32> = HashMap::new();
    let pieces = |text: &str| packed_bigrams(&normalize(text));
    for doc in docs {
        for gram in pieces(&doc.title) {
            *weight.entry(gram).or_default() += 1;
        }
    }
    // Names people call departments by come first, then the dictionary's words.
    for gram in dictionary.words().flat_map(pieces) {
        *weight.entry(gram).or_default() += WORD;
    }
    let names = docs
        .iter()
        .flat_map(|d| d.aliases.iter().map(String::as_str));
    for gram in names.flat_map(pieces) {
        *weight.entry(gram).or_default() += NAME;
    }
    // key → pieces with their weights.
    let mut keys: BTreeMap<String, Vec<(u32, String)>> = BTreeMap::new();
    for (gram, w) in weight {
        let piece = unpack(gram);
        let chars: Vec<char> = piece.chars().collect();
        let [a, b] = chars[..] else { continue };
        let (ra, rb) = (readings(a), readings(b));
        for x in &ra {
            for y in &rb {
                let entries = [format!("{x}'{y}"), format!("#{}{}", initial(x), initial(y))];
                for key in entries {
                    let list = keys.entry(key).or_default();
                    if !list.iter().any(|(_, p)| *p == piece) {
                        list.push((w, piece.clone()));
                    }
                }
            }
        }
    }
    let keys: Vec<(String, String)> = keys
        .into_iter()
        .map(|(key, mut list)| {
            list.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            list.truncate(if key.starts_with('#') {
                PER_INITIALS
            } else {
                PER_KEY
            });
            let pieces: String = list.into_iter().map(|(_, p)| p).collect();
            (key, pieces)
        })
        .collect();
    let total: usize = keys.iter().map(|(k, p)| k.len() + p.len() + 4).sum();
    let shards = (total / SHARD_BYTES).max(1).next_power_of_two();
    let mut by_shard: Vec<BTreeMap<&str, &str>> = vec![BTreeMap::new(); shards];
    for (key, pieces) in &keys {
        by_shard[shard_of(key, shards)].insert(key, pieces);
    }
    by_shard.par_iter().enumerate().try_for_each(|(n, map)| {
        let js = format!(
            "resplistSearch.pinyin({n},{});\n",
            serde_json::to_string(map)?
        );
        out.write(&format!("search/p{n}.js"), js.as_bytes())
    })?;
    Ok(shards)
}

fn initial(syllable: &str) -> char {
    syllable.chars().next().unwrap_or('_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_are_plain_with_v_for_u_umlaut() {
        assert_eq!(readings('噪'), ["zao"]);
        assert_eq!(readings('绿'), ["lv", "lu"]);
        assert!(readings('行').contains(&"hang".to_string()));
        assert!(readings('a').is_empty());
    }

    #[test]
    fn the_syllables_cover_standard_mandarin() {
        let all = syllables();
        for s in ["a", "zhuang", "lv", "er", "yan", "you", "sheng", "nv"] {
            assert!(all.iter().any(|x| x == s), "{s}");
        }
        assert!(
            all.len() > 380 && all.len() < 450,
            "{} syllables",
            all.len()
        );
    }
}
