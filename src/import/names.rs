//! The names people call departments by: the built-in dictionary's area 部门名称
//! (`assets/search/synonyms.toml`), where 环保局, 环境保护局 and 生态环境局 are one group.

use std::sync::OnceLock;

use crate::render::search::normalize;
use crate::render::search::words::BuiltIn;

/// The area of the dictionary that holds department names.
const AREA: &str = "部门名称";

fn groups() -> &'static [Vec<String>] {
    static GROUPS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        BuiltIn::parse()
            .map(|b| {
                b.areas
                    .into_iter()
                    .filter(|a| a.name == AREA)
                    .flat_map(|a| a.groups)
                    .map(|g| g.iter().map(|w| normalize(w)).collect())
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// Whether two (normalized) names are in one group.
pub fn same_group(a: &str, b: &str) -> bool {
    groups()
        .iter()
        .any(|g| g.iter().any(|w| w == a) && g.iter().any(|w| w == b))
}

/// The name a group gives first (the common short name) for a name in it: 环境保护局 → 环保局.
pub fn usual_short(name: &str) -> Option<&'static str> {
    let name = normalize(name);
    groups()
        .iter()
        .find(|g| g.contains(&name))
        .and_then(|g| g.first())
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_and_new_names_are_one_group() {
        assert!(same_group("环保局", "生态环境局"));
        assert!(!same_group("环保局", "公安局"));
        assert_eq!(usual_short("环境保护局"), Some("环保局"));
    }
}
