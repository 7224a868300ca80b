//! One matter, one lead, for near-duplicates too (W0209). Two boundaries led by different
//! departments are probably one matter claimed twice when their titles are alike (character
//! bigrams, Dice coefficient at least [`SIMILAR`]), or when each lead names the other as a
//! partner and their titles have something in common (at least [`RELATED`]). Exact duplicates
//! are E0205's.
//!
//! Titles are compared through an index from each title's rarest bigrams to the titles holding
//! them ([`prefixes`]), and leads through an index from each department to the boundaries it
//! leads, so the work grows with the titles that share an uncommon bigram, not with all pairs.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::path::PathBuf;

use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Message;
use crate::model::{Department, Project};
use crate::msg;

/// Titles this alike name one matter. Calibrated on the sample data, whose most alike titles
/// led by different departments, 危险化学品安全管理 and 食品安全监督管理, score 0.40; the dispute
/// of the issue that asked for this rule, 学校食堂食品安全监督管理 and 学校食堂食品安全监管,
/// scores 0.80, and 食品安全监督管理 against 食品安全监管 0.67.
pub const SIMILAR: f64 = 0.6;

/// Leads naming each other as partners, with titles at least this alike, are one matter too.
pub const RELATED: f64 = 0.3;

/// A bigram in more titles than this is too common to find candidates by ([`prefixes`]).
const COMMON: usize = 64;

/// One boundary, as the rule sees it.
struct Entry<'p> {
    lead: &'p Department,
    file: PathBuf,
    title: &'p str,
    span: Range<usize>,
    partners: BTreeSet<&'p str>,
    /// The title's bigrams, each two characters packed into one number, sorted.
    bigrams: Vec<u64>,
}

/// Reports each boundary that is like an earlier one led by another department, once.
pub(super) fn project_wide(project: &Project, out: &mut Vec<Diagnostic>) {
    let entries = entries(project);
    let prefixes = prefixes(&entries);
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, prefix) in prefixes.iter().enumerate() {
        for bigram in prefix {
            index.entry(*bigram).or_default().push(i);
        }
    }
    let mut by_lead: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        by_lead.entry(entry.lead.id.as_str()).or_default().push(i);
    }
    // `stamp[j] == i` when entry `j` is already a candidate for entry `i`.
    let mut stamp = vec![usize::MAX; entries.len()];
    let mut candidates = Vec::new();
    for (i, (entry, prefix)) in entries.iter().zip(&prefixes).enumerate() {
        candidates.clear();
        // Earlier entries only: each pair is looked at once, from its later entry.
        let alike_titles = prefix.iter().filter_map(|b| index.get(b));
        let partners_boundaries = entry.partners.iter().filter_map(|p| by_lead.get(p));
        for holders in alike_titles.chain(partners_boundaries) {
            for &j in holders.iter().take_while(|&&j| j < i) {
                if stamp[j] != i {
                    stamp[j] = i;
                    candidates.push(j);
                }
            }
        }
        // The earliest alike entry, whatever order they were found in.
        candidates.sort_unstable();
        let found = candidates.iter().find_map(|&j| {
            let earlier = entries.get(j)?;
            alike(earlier, entry).map(|how| (earlier, how))
        });
        if let Some((earlier, how)) = found {
            out.push(diagnostic(earlier, entry, how));
        }
    }
}

/// The bigrams each title is found by: its rarest ones (prefix filtering). Two titles with a
/// Dice coefficient of at least `SIMILAR` share at least `SIMILAR·|A|/(2−SIMILAR)` bigrams, so
/// with every title's bigrams in one order, rarest first, they share one among the first
/// `|A| − that + 1` of each. A bigram in more than `COMMON` titles is left out even there: it
/// keeps tens of thousands of near-identical titles (bench/adversarial.sh) linear, and in one
/// county's list no title is alike another only in such bigrams.
fn prefixes(entries: &[Entry<'_>]) -> Vec<Vec<u64>> {
    let mut frequency: HashMap<u64, usize> = HashMap::new();
    for entry in entries {
        for bigram in &entry.bigrams {
            *frequency.entry(*bigram).or_default() += 1;
        }
    }
    let count = |b: &u64| frequency.get(b).copied().unwrap_or(0);
    entries
        .iter()
        .map(|entry| {
            let mut ordered = entry.bigrams.clone();
            ordered.sort_unstable_by_key(|b| (count(b), *b));
            let len = ordered.len();
            let shared = (SIMILAR * len as f64 / (2.0 - SIMILAR)).ceil() as usize;
            ordered.truncate((len + 1).saturating_sub(shared.max(1)));
            ordered.retain(|b| count(b) <= COMMON);
            ordered
        })
        .collect()
}

/// Why two boundaries look like one matter.
enum How {
    Titles,
    EachOthersPartner,
}

fn alike(a: &Entry<'_>, b: &Entry<'_>) -> Option<How> {
    if a.lead.id == b.lead.id || a.title == b.title {
        return None;
    }
    let score = dice(&a.bigrams, &b.bigrams);
    if score >= SIMILAR {
        return Some(How::Titles);
    }
    let mutual = a.partners.contains(b.lead.id.as_str()) && b.partners.contains(a.lead.id.as_str());
    (mutual && score >= RELATED).then_some(How::EachOthersPartner)
}

fn diagnostic(earlier: &Entry<'_>, later: &Entry<'_>, how: How) -> Diagnostic {
    let lead = |e: &Entry<'_>| {
        e.lead
            .short_name
            .as_ref()
            .map_or(e.lead.name.get_ref(), |s| s.get_ref())
            .clone()
    };
    let id = match how {
        How::Titles => "one-lead-titles",
        How::EachOthersPartner => "one-lead-partners",
    };
    let message = Message::new(id)
        .arg("title", later.title)
        .arg("lead", lead(later))
        .arg("other", earlier.title)
        .arg("other_lead", lead(earlier));
    let d = Diagnostic::new(Code::OneMatterTwoLeads, message)
        .at(&later.file, later.span.clone())
        .label(msg!("one-lead-label"));
    if earlier.file == later.file {
        let mut d = d.help(msg!("one-lead-help"));
        d.related = Some((earlier.span.clone(), msg!("one-lead-other")));
        d
    } else {
        d.help(msg!(
            "one-lead-elsewhere",
            file = earlier.file.as_path(),
            help = msg!("one-lead-help")
        ))
    }
}

/// Every boundary with a title, in file order.
fn entries(project: &Project) -> Vec<Entry<'_>> {
    let mut out = Vec::new();
    for d in &project.departments {
        let file = project.file_of(&d.id);
        for b in &d.boundaries {
            let b = b.get_ref();
            let title = b.title.get_ref().trim();
            let bigrams = bigrams(title);
            if bigrams.is_empty() {
                continue;
            }
            out.push(Entry {
                lead: d,
                file: file.clone(),
                title,
                span: b.title.span(),
                partners: b
                    .partners
                    .get_ref()
                    .iter()
                    .map(|p| p.get_ref().department.get_ref().as_str())
                    .collect(),
                bigrams,
            });
        }
    }
    out
}

/// The pairs of neighbouring letters of a title (punctuation and spaces left out), each packed
/// into one number, sorted and without repeats.
fn bigrams(title: &str) -> Vec<u64> {
    let letters: Vec<char> = title.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut out: Vec<u64> = letters
        .windows(2)
        .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// 2·|A∩B| / (|A| + |B|), of two sorted lists without repeats.
fn dice(a: &[u64], b: &[u64]) -> f64 {
    let total = a.len() + b.len();
    if total == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * shared) as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(a: &str, b: &str) -> f64 {
        (dice(&bigrams(a), &bigrams(b)) * 100.0).round() / 100.0
    }

    #[test]
    fn the_calibration_figures_hold() {
        assert_eq!(
            score("学校食堂食品安全监督管理", "学校食堂食品安全监管"),
            0.8
        );
        assert_eq!(score("食品安全监督管理", "食品安全监管"), 0.67);
        assert_eq!(score("危险化学品安全管理", "食品安全监督管理"), 0.4);
        assert!(score("食品安全监督管理", "食品安全监管") >= SIMILAR);
        assert!(score("危险化学品安全管理", "食品安全监督管理") < SIMILAR);
        assert_eq!(score("水污染防治", "水污染防治"), 1.0);
        assert_eq!(score("", "水"), 0.0);
    }
}
