//! Rules on `[search]` in `resplist.toml` (FORMAT.md 1.1): every synonym group has two or more
//! distinct, non-empty words, and no example query is empty.

use std::collections::HashSet;

use super::Cx;
use crate::diagnostic::Code;
use crate::model::{SearchSettings, Spanned};
use crate::msg;
use crate::render::search::normalize;

pub(super) fn settings(search: &SearchSettings, cx: &mut Cx<'_>) {
    if let Some(examples) = &search.examples {
        for example in examples.get_ref() {
            if normalize(example.get_ref()).is_empty() {
                cx.report(
                    Code::BadSearchSettings,
                    example,
                    msg!("search-example-empty"),
                    msg!("search-example-empty-help"),
                );
            }
        }
    }
    for group in search.synonyms.iter().flat_map(|g| g.get_ref()) {
        synonym_group(group, cx);
    }
}

fn synonym_group(group: &Spanned<Vec<Spanned<String>>>, cx: &mut Cx<'_>) {
    let mut seen = HashSet::new();
    let mut distinct: usize = 0;
    for word in group.get_ref() {
        let normalized = normalize(word.get_ref());
        if normalized.is_empty() {
            cx.report(
                Code::BadSearchSettings,
                word,
                msg!("synonym-empty"),
                msg!("synonym-empty-help"),
            );
        } else if !seen.insert(normalized) {
            cx.report(
                Code::BadSearchSettings,
                word,
                msg!("synonym-repeated", word = word.get_ref().as_str()),
                msg!("synonym-repeated-help"),
            );
        } else {
            distinct += 1;
        }
    }
    if distinct < 2 {
        cx.report(
            Code::BadSearchSettings,
            group,
            msg!("synonym-too-few", count = distinct),
            msg!("synonym-too-few-help"),
        );
    }
}
