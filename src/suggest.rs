//! "Did you mean": the known name closest to a typo, and a text turned into a valid id. Every
//! stage that reports a wrong name asks here, so that all of them suggest alike.

use pinyin::ToPinyin;

use crate::model::is_valid_id;

/// The allowed name closest to `word`, if any is close enough to be a likely typo.
pub fn closest<'a>(word: &str, allowed: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    allowed
        .into_iter()
        .map(|a| (strsim::jaro_winkler(word, a), a))
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, a)| a)
}

/// The valid id `text` was probably meant to be: lowercased, with `_`, spaces and dots turned
/// into hyphens; or, for a Chinese name, its pinyin (`卫健局` → `weijian`, as the sample data's
/// `huanbao` for 环保局).
pub fn id_hint(text: &str) -> Option<String> {
    let text = text.trim();
    if text.chars().any(|c| c.to_pinyin().is_some()) {
        return pinyin_id(text);
    }
    let lower = text.to_ascii_lowercase().replace(['_', ' ', '.'], "-");
    is_valid_id(&lower).then_some(lower)
}

/// Where a department's name says whose it is (`春江县`) and what kind of body it is (`局`):
/// neither belongs in its id.
const JURISDICTION_ENDS: [char; 4] = ['省', '市', '县', '区'];
const BODY_SUFFIXES: [&str; 4] = ["委员会", "局", "委", "厅"];

/// A name without the jurisdiction before it: `春江县卫健局` → `卫健局`, `县发改局` → `发改局`. A
/// jurisdiction is two or more characters ending in 省, 市, 县 or 区, or a bare 省, 县 or 区 (a
/// bare 市 begins 市场), so `市场监管局` and `城市管理局` keep their 市; a name that is all
/// jurisdiction stays whole.
pub fn without_jurisdiction(name: &str) -> &str {
    name.char_indices()
        .enumerate()
        .find(|(n, (_, c))| {
            (*n >= 2 && JURISDICTION_ENDS.contains(c))
                || (*n == 0 && ['省', '县', '区'].contains(c))
        })
        .map(|(_, (at, c))| &name[at + c.len_utf8()..])
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(name)
}

/// The pinyin of a Chinese name, without the jurisdiction before it or the body's kind after
/// it; ASCII letters and digits are kept, anything else dropped.
fn pinyin_id(name: &str) -> Option<String> {
    let mut core = without_jurisdiction(name);
    for suffix in BODY_SUFFIXES {
        if let Some(rest) = core.strip_suffix(suffix)
            && rest.chars().count() >= 2
        {
            core = rest;
            break;
        }
    }
    let mut id = String::new();
    for c in core.chars() {
        match c.to_pinyin() {
            Some(p) => id.push_str(p.plain()),
            None if c.is_ascii_alphanumeric() => id.push(c.to_ascii_lowercase()),
            None => {}
        }
    }
    is_valid_id(&id).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jurisdictions_are_two_characters_or_more() {
        assert_eq!(without_jurisdiction("春江县卫健局"), "卫健局");
        assert_eq!(without_jurisdiction("市场监管局"), "市场监管局");
        assert_eq!(without_jurisdiction("城市管理局"), "城市管理局");
        assert_eq!(
            without_jurisdiction("春江县市场监督管理局"),
            "市场监督管理局"
        );
        assert_eq!(id_hint("市场监管局").as_deref(), Some("shichangjianguan"));
    }

    #[test]
    fn typos_find_their_name() {
        assert_eq!(closest("nmae", ["id", "name", "phone"]), Some("name"));
        assert_eq!(closest("phon", ["id", "name", "phone"]), Some("phone"));
        assert_eq!(closest("zzzzzz", ["id", "name", "phone"]), None);
    }

    #[test]
    fn ids_are_suggested_only_when_valid() {
        assert_eq!(id_hint("Huan_Bao").as_deref(), Some("huan-bao"));
        assert_eq!(id_hint(" d 01 ").as_deref(), Some("d-01"));
        assert_eq!(id_hint("环保").as_deref(), Some("huanbao"));
    }

    #[test]
    fn chinese_names_suggest_their_pinyin() {
        assert_eq!(id_hint("卫健局").as_deref(), Some("weijian"));
        assert_eq!(
            id_hint("春江县环境保护局").as_deref(),
            Some("huanjingbaohu")
        );
        assert_eq!(
            id_hint("县发展和改革委员会").as_deref(),
            Some("fazhanhegaige")
        );
        assert_eq!(id_hint("综合科").as_deref(), Some("zongheke"));
        assert_eq!(id_hint("12345 热线").as_deref(), Some("12345rexian"));
        assert_eq!(id_hint("县局").as_deref(), Some("xianju"));
    }
}
