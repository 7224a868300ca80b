//! "Did you mean": the known name closest to a typo, and a text turned into a valid id. Every
//! stage that reports a wrong name asks here, so that all of them suggest alike.

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
/// into hyphens.
pub fn id_hint(text: &str) -> Option<String> {
    let lower = text
        .trim()
        .to_ascii_lowercase()
        .replace(['_', ' ', '.'], "-");
    is_valid_id(&lower).then_some(lower)
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
        assert_eq!(id_hint("环保"), None);
    }
}
