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

/// The pinyin of a Chinese name, without the jurisdiction before it or the body's kind after
/// it; ASCII letters and digits are kept, anything else dropped.
fn pinyin_id(name: &str) -> Option<String> {
    let mut core = name;
    // `春江县卫健局` → `卫健局`, but not `县` alone or a name that is all jurisdiction.
    if let Some((at, c)) = core
        .char_indices()
        .find(|(_, c)| JURISDICTION_ENDS.contains(c))
    {
        let rest = &core[at + c.len_utf8()..];
        if rest.chars().count() >= 2 {
            core = rest;
        }
    }
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
