//! The search box's example queries: the project's own words, never the sample's.

use crate::check::Checked;

/// The search box's example queries: `[search] examples`, or else the three shortest of the
/// project's boundary titles, without their words of administration (of its services when it
/// has no boundaries). Never the sample's.
pub fn examples(checked: &Checked<'_>) -> Vec<String> {
    let given: Vec<String> = checked
        .search_settings()
        .and_then(|s| s.examples.as_ref())
        .map(|e| {
            e.get_ref()
                .iter()
                .map(|w| w.get_ref().trim().to_string())
                .filter(|w| !w.is_empty())
                .collect()
        })
        .unwrap_or_default();
    if !given.is_empty() {
        return given;
    }
    let titles: Vec<&String> = if checked.boundaries().is_empty() {
        let services = checked.departments().iter().flat_map(|d| &d.services);
        services.map(|s| s.model.title.get_ref()).collect()
    } else {
        let boundaries = checked.boundaries().iter();
        boundaries.map(|b| b.model.title.get_ref()).collect()
    };
    let mut short: Vec<(usize, String)> = Vec::new();
    for title in titles {
        let s = short_title(title);
        if !s.is_empty() && !short.iter().any(|(_, t)| *t == s) {
            short.push((short.len(), s));
        }
    }
    // The three shortest, as a search box has little room, in the list's order.
    short.sort_by_key(|(order, s)| (s.chars().count(), *order));
    short.truncate(3);
    short.sort_by_key(|(order, _)| *order);
    short.into_iter().map(|(_, s)| s).collect()
}

/// A title without the words of administration at its end, so that it reads as what a
/// resident would type: 车辆违法停放的管理和处罚 → 车辆违法停放.
pub fn short_title(title: &str) -> String {
    const ENDINGS: [&str; 14] = [
        "的管理和处罚",
        "的监督管理",
        "监督管理",
        "的管理",
        "管理",
        "的查处",
        "查处",
        "整治",
        "处置",
        "问题",
        "工作",
        "事项",
        "服务",
        "预防和扑救",
    ];
    let mut short = title.trim().to_string();
    loop {
        let before = short.len();
        for ending in ENDINGS {
            if short.chars().count() > ending.chars().count() + 1
                && let Some(stripped) = short.strip_suffix(ending)
            {
                short = stripped.to_string();
            }
        }
        if short.len() == before {
            break;
        }
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_drop_the_words_of_administration() {
        assert_eq!(short_title("车辆违法停放的管理和处罚"), "车辆违法停放");
        assert_eq!(short_title("拖欠农民工工资问题处置"), "拖欠农民工工资");
        assert_eq!(short_title("环境噪声污染监督管理"), "环境噪声污染");
        assert_eq!(short_title("管理"), "管理");
        assert_eq!(short_title("Dumping in the river"), "Dumping in the river");
    }
}
