//! Pairing entries that have no ids (work items, mock-case steps, indicators) across two
//! versions: equal texts first, then the most similar, nearer positions breaking ties.

use std::collections::{BTreeSet, HashMap};

/// The texts of `texts` as `&str`, as `match_by_text` takes them.
pub(super) fn strs(texts: &[String]) -> Vec<&str> {
    texts.iter().map(String::as_str).collect()
}

/// Pairs entries that have no ids (work items, mock-case steps): equal text first, then the most
/// similar remaining text (at least half alike), nearer positions breaking ties; the rest are
/// added or removed. Pairs come in the new order, removed ones last.
pub fn match_by_text(old: &[&str], new: &[&str]) -> Vec<(Option<usize>, Option<usize>)> {
    let mut taken = vec![false; old.len()];
    let mut partner: Vec<Option<usize>> = vec![None; new.len()];
    // Equal texts: the free old entry of the same text nearest in position (the earlier on a
    // tie), found in an ordered set per text so that thousands of equal entries stay cheap.
    let mut free: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    for (a, text) in old.iter().enumerate() {
        free.entry(text).or_default().insert(a);
    }
    for (b, text) in new.iter().enumerate() {
        let Some(set) = free.get_mut(text) else {
            continue;
        };
        let below = set.range(..=b).next_back().copied();
        let above = set.range(b..).next().copied();
        let nearest = match (below, above) {
            (Some(x), Some(y)) => Some(if b - x <= y - b { x } else { y }),
            (x, y) => x.or(y),
        };
        if let Some(a) = nearest {
            set.remove(&a);
            taken[a] = true;
            partner[b] = Some(a);
        }
    }
    // Similar texts: every free old entry, or, for lists too long to compare all pairs, those
    // near the same position.
    let everywhere = old.len().saturating_mul(new.len()) <= FULL_SCAN_PAIRS;
    for (b, text) in new.iter().enumerate() {
        if partner[b].is_some() {
            continue;
        }
        let candidates = if everywhere {
            0..old.len()
        } else {
            b.saturating_sub(NEAR)..old.len().min(b + NEAR + 1)
        };
        let best = candidates
            .filter(|a| !taken[*a])
            .map(|a| (a, similarity(old[a], text)))
            .filter(|(_, s)| *s >= 0.5)
            .max_by(|x, y| {
                x.1.total_cmp(&y.1)
                    .then(y.0.abs_diff(b).cmp(&x.0.abs_diff(b)))
            });
        if let Some((a, _)) = best {
            taken[a] = true;
            partner[b] = Some(a);
        }
    }
    let mut pairs: Vec<(Option<usize>, Option<usize>)> = partner
        .iter()
        .enumerate()
        .map(|(b, a)| (*a, Some(b)))
        .collect();
    pairs.extend(
        taken
            .iter()
            .enumerate()
            .filter(|(_, t)| !**t)
            .map(|(a, _)| (Some(a), None)),
    );
    pairs
}

/// Lists with more old × new pairs than this are compared for similar texts only near each
/// entry's position (`NEAR` either side); real duties have far fewer items.
const FULL_SCAN_PAIRS: usize = 250_000;
const NEAR: usize = 64;
/// Texts whose lengths multiply to more than this are compared by their common beginning and end
/// instead of by edit distance, which takes time in proportion to that product.
const EDIT_DISTANCE_CELLS: usize = 1 << 20;

/// 1 for equal texts, 0 for nothing in common, by characters (so it works for Chinese).
fn similarity(a: &str, b: &str) -> f64 {
    if a.len().saturating_mul(b.len()) <= EDIT_DISTANCE_CELLS {
        return strsim::normalized_levenshtein(a, b);
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (prefix + suffix) as f64 / a.len().max(b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::match_by_text;

    #[test]
    fn edited_items_pair_up_instead_of_being_removed_and_added() {
        let old = ["查处偷排污水行为。", "开展水质监测。", "发布水质信息。"];
        let new = [
            "开展水质监测。",
            "查处偷排污水的违法行为。",
            "组织环境宣传教育活动。",
        ];
        assert_eq!(
            match_by_text(&old, &new),
            [
                (Some(1), Some(0)),
                (Some(0), Some(1)),
                (None, Some(2)),
                (Some(2), None)
            ]
        );
    }
}
