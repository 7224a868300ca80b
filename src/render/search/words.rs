//! The words the search knows besides the list's own: synonyms (the built-in dictionary of
//! everyday ↔ official words, `assets/search/synonyms.toml`, plus the project's
//! `[search] synonyms`), the words of asking that are read as intent rather than content, and
//! the search box's example queries.
//!
//! Synonyms are expanded when a query is made, not in the index: the index stays the size of
//! the list's own text, a change of dictionary needs no re-indexing of anything, and the page
//! can rank what the resident typed above what a synonym found (see `docs/search.md`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::index::packed_bigrams;
use super::normalize;
use crate::model::{Language, SearchSettings};

/// The built-in dictionary, organised by area.
pub const BUILT_IN: &str = include_str!("../../../assets/search/synonyms.toml");

/// `assets/search/synonyms.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BuiltIn {
    pub areas: Vec<Area>,
    pub intent: Intent,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub name: String,
    pub groups: Vec<Vec<String>>,
}

/// Words of asking: stripped from a query and read as what the resident wants.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Intent {
    /// The resident wants a number to call: departments and offices first.
    pub phone: Vec<String>,
    /// The resident asks who is responsible: boundaries first.
    pub ask: Vec<String>,
    /// The resident wants to complain or report.
    pub complaint: Vec<String>,
}

impl BuiltIn {
    pub fn parse() -> anyhow::Result<BuiltIn> {
        toml::from_str(BUILT_IN)
            .map_err(|e| anyhow::anyhow!("the built-in synonym dictionary is malformed: {e}"))
    }
}

/// Words of asking on an English site.
fn english_intent() -> Intent {
    let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect();
    Intent {
        phone: words(&["phone", "number", "telephone", "call", "contact"]),
        ask: words(&["who", "where", "how", "whom"]),
        complaint: words(&["complain", "complaint", "report"]),
    }
}

/// What `search/words.js` holds.
#[derive(Debug, Serialize)]
pub struct Dictionary {
    /// Groups of normalized words; no word is in two groups (groups sharing a word are merged).
    pub groups: Vec<Vec<String>>,
    /// For each group, the places of its words that are in the list's text (all their bigrams
    /// are in the index): the only ones worth looking up when a query names the group.
    pub found: Vec<Vec<usize>>,
    pub intent: Intent,
    /// Every pinyin syllable, for splitting typed pinyin (Chinese sites only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub syllables: Vec<String>,
}

impl Dictionary {
    /// The built-in dictionary for a Chinese site, plus the project's own groups.
    pub fn new(language: Language, settings: Option<&SearchSettings>) -> anyhow::Result<Self> {
        let mut groups = Vec::new();
        let intent = if language == Language::ZhCn {
            let built_in = BuiltIn::parse()?;
            groups.extend(built_in.areas.into_iter().flat_map(|a| a.groups));
            built_in.intent
        } else {
            english_intent()
        };
        for group in settings.iter().flat_map(|s| s.synonyms.iter()) {
            groups.extend(group.get_ref().iter().map(|g| {
                g.get_ref()
                    .iter()
                    .map(|w| w.get_ref().clone())
                    .collect::<Vec<_>>()
            }));
        }
        let normalize_all = |words: Vec<String>| -> Vec<String> {
            words
                .iter()
                .map(|w| normalize(w))
                .filter(|w| !w.is_empty())
                .collect()
        };
        Ok(Dictionary {
            groups: merged(groups.into_iter().map(normalize_all).collect()),
            intent: Intent {
                phone: normalize_all(intent.phone),
                ask: normalize_all(intent.ask),
                complaint: normalize_all(intent.complaint),
            },
            syllables: Vec::new(),
            found: Vec::new(),
        })
    }

    /// Notes which words of each group are in the list's text: all their bigrams are in the
    /// index (`indexed`).
    pub fn mark_found(&mut self, indexed: impl Fn(u64) -> bool) {
        self.found = self
            .groups
            .iter()
            .map(|group| {
                (0..group.len())
                    .filter(|&i| {
                        let grams = packed_bigrams(&group[i]);
                        !grams.is_empty() && grams.iter().all(|g| indexed(*g))
                    })
                    .collect()
            })
            .collect();
    }

    /// Every word of every group, each once.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.groups.iter().flatten().map(String::as_str)
    }

    /// `search/words.js`.
    pub fn script(&self) -> anyhow::Result<String> {
        Ok(format!(
            "resplistSearch.words({});\n",
            serde_json::to_string(self)?
        ))
    }
}

/// Groups that share a word become one, so that every word belongs to one group; words in a
/// group are distinct; groups of fewer than two words are dropped. The same groups in the same
/// order give the same output.
fn merged(groups: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let mut owner: BTreeMap<String, usize> = BTreeMap::new();
    let mut merged: Vec<Vec<String>> = Vec::new();
    // Which merged group each merged group now lives in (a group absorbed by another points
    // there).
    let mut home: Vec<usize> = Vec::new();
    let find = |home: &Vec<usize>, mut g: usize| {
        while home[g] != g {
            g = home[g];
        }
        g
    };
    for group in groups {
        let mut target: Option<usize> = None;
        for word in &group {
            if let Some(&g) = owner.get(word) {
                let g = find(&home, g);
                match target {
                    None => target = Some(g),
                    Some(t) if t != g => {
                        let moved = std::mem::take(&mut merged[g]);
                        merged[t].extend(moved);
                        home[g] = t;
                    }
                    Some(_) => {}
                }
            }
        }
        let t = target.unwrap_or_else(|| {
            merged.push(Vec::new());
            home.push(merged.len() - 1);
            merged.len() - 1
        });
        for word in group {
            owner.entry(word.clone()).or_insert(t);
            merged[t].push(word);
        }
    }
    merged
        .into_iter()
        .map(|mut g| {
            let mut seen = std::collections::HashSet::new();
            g.retain(|w| seen.insert(w.clone()));
            g
        })
        .filter(|g| g.len() >= 2)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_dictionary_is_well_formed() {
        let built_in = BuiltIn::parse().unwrap();
        let groups: Vec<&Vec<String>> = built_in.areas.iter().flat_map(|a| &a.groups).collect();
        assert!(groups.len() >= 150, "{} groups", groups.len());
        let mut seen = std::collections::HashMap::new();
        for (area, group) in built_in
            .areas
            .iter()
            .flat_map(|a| a.groups.iter().map(move |g| (&a.name, g)))
        {
            assert!(
                group.len() >= 2,
                "{area}: {group:?} has fewer than two words"
            );
            for word in group {
                assert_eq!(
                    &normalize(word),
                    word,
                    "{area}: {word:?} is not written normalized"
                );
                assert!(
                    word.chars().count() >= 2,
                    "{area}: {word:?} is one character"
                );
                if let Some(other) = seen.insert(word.clone(), group.clone()) {
                    panic!("{word} is in two groups: {other:?} and {group:?}");
                }
            }
        }
        assert!(!built_in.intent.phone.is_empty() && !built_in.intent.ask.is_empty());
    }

    #[test]
    fn the_issue_s_examples_are_in_the_dictionary() {
        let dictionary = Dictionary::new(Language::ZhCn, None).unwrap();
        let same = |a: &str, b: &str| {
            dictionary
                .groups
                .iter()
                .any(|g| g.iter().any(|w| w == a) && g.iter().any(|w| w == b))
        };
        for (everyday, official) in [
            ("噪音", "噪声"),
            ("违章", "违法"),
            ("出租车", "出租汽车"),
            ("打疫苗", "预防接种"),
            ("乱停车", "违法停放"),
            ("小广告", "违法张贴"),
            ("黑车", "非法营运"),
            ("工资", "劳动报酬"),
            ("环保局", "生态环境局"),
        ] {
            assert!(same(everyday, official), "{everyday} ↔ {official}");
        }
    }

    #[test]
    fn groups_sharing_a_word_are_merged() {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let groups = merged(vec![
            words(&["噪音", "噪声"]),
            words(&["黑车", "非法营运"]),
            words(&["吵闹", "噪音"]),
            words(&["单独"]),
            words(&["非法营运", "噪声", "黑的"]),
        ]);
        assert_eq!(
            groups,
            vec![words(&["黑车", "非法营运", "噪音", "噪声", "吵闹", "黑的"])]
        );
    }
}
