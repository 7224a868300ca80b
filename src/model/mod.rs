//! The source format of FORMAT.md as serde types, with the spans of their values kept so that
//! every diagnostic can point at a line and column. No I/O and no HTML here.

pub mod labels;
mod spanned;

use serde::{Deserialize, Serialize};
pub use spanned::Spanned;
pub use toml::value::Datetime;

pub use labels::{Language, PowerKind, PowerStatus, ServiceCategory, SupervisionCategory};

/// `resplist.toml`: the site as a whole.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
    pub site: Spanned<Site>,
    #[serde(default)]
    pub build: Option<Spanned<Build>>,
}

/// `[site]`: the jurisdiction and how its list is published.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub title: Spanned<String>,
    pub jurisdiction: Spanned<String>,
    #[serde(default)]
    pub language: Option<Spanned<Language>>,
    #[serde(default)]
    pub base_url: Option<Spanned<String>>,
    #[serde(default)]
    pub published: Option<Spanned<Datetime>>,
    #[serde(default)]
    pub feedback: Option<Spanned<String>>,
    #[serde(default)]
    pub feedback_phone: Option<Spanned<String>>,
}

impl Site {
    pub fn language(&self) -> Language {
        self.language
            .as_ref()
            .map_or(Language::ZhCn, |l| *l.get_ref())
    }
}

/// `[build]`: where and how the site is written.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Build {
    #[serde(default)]
    pub output: Option<Spanned<String>>,
    /// A theme directory whose files override the built-in theme's (an extension of FORMAT.md).
    #[serde(default)]
    pub theme: Option<Spanned<String>>,
}

/// One government department's list (部门责任清单): one file under `departments/`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// The file stem; set by the loader, never written in the file.
    #[serde(skip_deserializing)]
    pub id: String,
    pub name: Spanned<String>,
    #[serde(default)]
    pub short_name: Option<Spanned<String>>,
    #[serde(default)]
    pub order: Option<Spanned<i64>>,
    #[serde(default)]
    pub phone: Option<Spanned<String>>,
    #[serde(default)]
    pub address: Option<Spanned<String>>,
    #[serde(default)]
    pub website: Option<Spanned<String>>,
    #[serde(default)]
    pub summary: Option<Spanned<String>>,
    #[serde(default)]
    pub sections: Vec<Spanned<Section>>,
    #[serde(default)]
    pub powers: Vec<Spanned<Power>>,
    #[serde(default)]
    pub duties: Vec<Spanned<Duty>>,
    #[serde(default)]
    pub boundaries: Vec<Spanned<Boundary>>,
    #[serde(default)]
    pub supervision: Vec<Spanned<SupervisionRegime>>,
    #[serde(default)]
    pub services: Vec<Spanned<PublicService>>,
}

impl Department {
    /// The name used in tables and diagrams.
    pub fn display_name(&self) -> &str {
        self.short_name.as_ref().unwrap_or(&self.name).get_ref()
    }

    pub fn work_item_count(&self) -> usize {
        self.duties.iter().map(|d| d.get_ref().items.len()).sum()
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections
            .iter()
            .map(Spanned::get_ref)
            .find(|s| s.id.get_ref() == id)
    }

    pub fn power(&self, id: &str) -> Option<&Power> {
        self.powers
            .iter()
            .map(Spanned::get_ref)
            .find(|p| p.id.get_ref() == id)
    }
}

/// A responsible office (科室) and the number citizens call.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub phone: Spanned<String>,
}

/// An entry of the department's power list (权力清单) that the responsibility list refers to.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Power {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub kind: Spanned<PowerKind>,
    pub status: Spanned<PowerStatus>,
    #[serde(default)]
    pub delegated_to: Option<Spanned<String>>,
    #[serde(default)]
    pub basis: Vec<Spanned<String>>,
}

/// A main duty (主要职责) with its legal basis and its specific work items.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub basis: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub note: Option<Spanned<String>>,
    #[serde(default)]
    pub items: Vec<Spanned<WorkItem>>,
}

/// A specific work item (具体工作事项), assigned to one responsible office.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WorkItem {
    pub text: Spanned<String>,
    pub section: Spanned<String>,
    #[serde(default)]
    pub powers: Vec<Spanned<String>>,
    #[serde(default)]
    pub note: Option<Spanned<String>>,
}

/// A duty boundary (职责边界): one matter, one lead department (this file's), and its partners.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Boundary {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub area: Spanned<String>,
    pub lead_duty: Spanned<String>,
    pub partners: Spanned<Vec<Spanned<Partner>>>,
    pub case: Spanned<MockCase>,
}

/// A partner department (协办) of a boundary and its part.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub department: Spanned<String>,
    pub duty: Spanned<String>,
}

/// The mock case (模拟案例) that shows who does what in a boundary matter.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MockCase {
    pub title: Spanned<String>,
    pub scenario: Spanned<String>,
    #[serde(default)]
    pub steps: Vec<Spanned<CaseStep>>,
}

/// One step of a mock case, taken by the lead or a partner.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CaseStep {
    pub department: Spanned<String>,
    pub action: Spanned<String>,
}

/// An in-process and after-the-fact supervision regime (事中事后监管制度).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SupervisionRegime {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub category: Spanned<SupervisionCategory>,
    #[serde(default)]
    pub powers: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub section: Option<Spanned<String>>,
    pub measures: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub procedure: Option<Spanned<String>>,
    #[serde(default)]
    pub penalty: Option<Spanned<String>>,
    #[serde(default)]
    pub indicators: Vec<Spanned<Indicator>>,
}

impl SupervisionRegime {
    /// The ids of the powers the regime covers, empty when it names none.
    pub fn power_ids(&self) -> impl Iterator<Item = &Spanned<String>> {
        self.powers.iter().flat_map(|p| p.get_ref().iter())
    }
}

/// A measurable target of a supervision regime.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub name: Spanned<String>,
    pub target: Spanned<String>,
}

/// A public service (公共服务事项) citizens receive directly.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PublicService {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub category: Spanned<ServiceCategory>,
    #[serde(default)]
    pub description: Option<Spanned<String>>,
    #[serde(default)]
    pub frequency: Option<Spanned<String>>,
    #[serde(default)]
    pub section: Option<Spanned<String>>,
    #[serde(default)]
    pub beyond_statutory: Option<Spanned<bool>>,
}

/// The id rule of FORMAT.md: `^[a-z0-9][a-z0-9-]{0,63}$`.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    let ok = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    match bytes.split_first() {
        Some((first, rest)) => {
            ok(first) && rest.len() <= 63 && rest.iter().all(|b| ok(b) || *b == b'-')
        }
        None => false,
    }
}

/// The counts the seed reports for a list, in its order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub departments: usize,
    pub duties: usize,
    pub work_items: usize,
    pub boundaries: usize,
    pub supervision: usize,
    pub services: usize,
}

impl Totals {
    pub fn of<'a>(departments: impl IntoIterator<Item = &'a Department>) -> Totals {
        let mut t = Totals::default();
        for d in departments {
            t.departments += 1;
            t.duties += d.duties.len();
            t.work_items += d.work_item_count();
            t.boundaries += d.boundaries.len();
            t.supervision += d.supervision.len();
            t.services += d.services.len();
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_rule() {
        for good in [
            "a",
            "0",
            "huanbao",
            "water-pollution",
            "d01",
            &"a".repeat(64),
        ] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in [
            "",
            "-a",
            "A",
            "huan bao",
            "环保",
            "a_b",
            "a.b",
            "../x",
            &"a".repeat(65),
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn enums_accept_key_label_and_short_form() {
        assert_eq!(PowerStatus::parse("委托下放"), Some(PowerStatus::Delegated));
        assert_eq!(
            PowerStatus::parse("delegated"),
            Some(PowerStatus::Delegated)
        );
        assert_eq!(
            ServiceCategory::parse("经济性"),
            Some(ServiceCategory::Economic)
        );
        assert_eq!(
            ServiceCategory::parse("经济性服务"),
            Some(ServiceCategory::Economic)
        );
        assert_eq!(
            SupervisionCategory::parse("重点领域"),
            Some(SupervisionCategory::KeyArea)
        );
        assert_eq!(PowerKind::parse("Licensing"), None);
    }
}
