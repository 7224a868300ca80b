//! Enumerations of the source format whose values may be written as an English key or as the
//! Chinese label (FORMAT.md), and the macro that gives each of them both spellings.

use std::fmt;

/// Defines an enum whose TOML spelling is either its English key or its Chinese label,
/// with the English words used by the site when its language is `en`.
macro_rules! labelled_enum {
    (
        $(#[doc = $doc:literal])*
        $name:ident, $what:literal, $what_zh:literal {
            $($variant:ident => $key:literal, $label:literal, $english:literal $(| $alias:literal)*;)+
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($variant,)+
        }

        impl $name {
            /// Every value, in the order FORMAT.md lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];
            /// What the value is called in messages, in English and in Chinese.
            pub const WHAT: (&'static str, &'static str) = ($what, $what_zh);

            /// The English key, as written in the sources and in open data.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)+ }
            }

            /// The Chinese label.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            /// The label in English, for sites whose language is `en`.
            pub fn english(self) -> &'static str {
                match self { $($name::$variant => $english,)+ }
            }

            /// Accepts the key, the label or a documented short form.
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($key | $label $(| $alias)* => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// Every spelling `parse` accepts for this value: the key, the label, the short forms.
            pub fn spellings(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$key, $label $(, $alias)*],)+ }
            }

            /// Every value's key, Chinese label and English label, for the model's description.
            pub const CHOICES: crate::model::describe::Choices = crate::model::describe::Choices {
                values: &[$(($key, $label, $english),)+],
            };

        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.key())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                // The loader reads the type and the value back out of the message (`enum_info`).
                $name::parse(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "{}{}{}{}",
                        crate::model::labels::ENUM_ERROR_PREFIX,
                        stringify!($name),
                        crate::model::labels::ENUM_ERROR_SEPARATOR,
                        text
                    ))
                })
            }
        }

        /// A string that is one of the spellings `parse` accepts; the description lists them.
        impl schemars::JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }

            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let doc = [$($doc),*].map(str::trim).join(" ");
                crate::model::schema::labelled_enum($name::ALL.iter().map(|v| (v.spellings(), v.label())), &doc)
            }
        }

        impl crate::model::describe::Slot for crate::model::Spanned<$name> {
            const REQUIRED: bool = true;
            const KIND: Option<crate::model::describe::Kind> =
                Some(crate::model::describe::Kind::Enum(&$name::CHOICES));
            fn value(&self) -> crate::model::describe::Value<'_> {
                let v = *self.get_ref();
                crate::model::describe::Value::Choice { key: v.key(), zh: v.label(), en: v.english() }
            }
        }

        impl crate::model::describe::Slot for Option<crate::model::Spanned<$name>> {
            const REQUIRED: bool = false;
            const KIND: Option<crate::model::describe::Kind> =
                Some(crate::model::describe::Kind::Enum(&$name::CHOICES));
            fn value(&self) -> crate::model::describe::Value<'_> {
                self.as_ref().map_or(crate::model::describe::Value::Absent, crate::model::describe::Slot::value)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.key())
            }
        }
    };
}

/// Marks the messages of the enum deserializers so the loader can classify them: the prefix,
/// the enum's type name, the separator, the value written.
pub(crate) const ENUM_ERROR_PREFIX: &str = "invalid value: ";
pub(crate) const ENUM_ERROR_SEPARATOR: char = '\u{1f}';

/// A labelled enum as messages need it: what it is called and its values.
pub struct EnumInfo {
    what: (&'static str, &'static str),
    pub values: &'static [(&'static str, &'static str, &'static str)],
}

impl EnumInfo {
    /// What a value of it is called: `power kind`, `权力类型`.
    pub fn what(&self) -> crate::i18n::Arg {
        crate::i18n::Arg::Words {
            zh: self.what.1.to_string(),
            en: self.what.0.to_string(),
        }
    }
}

/// The enum whose type is called `name`.
pub(crate) fn enum_info(name: &str) -> Option<EnumInfo> {
    let info = |what, choices: &'static crate::model::describe::Choices| EnumInfo {
        what,
        values: choices.values,
    };
    Some(match name {
        "PowerKind" => info(PowerKind::WHAT, &PowerKind::CHOICES),
        "PowerStatus" => info(PowerStatus::WHAT, &PowerStatus::CHOICES),
        "SupervisionCategory" => info(SupervisionCategory::WHAT, &SupervisionCategory::CHOICES),
        "ServiceCategory" => info(ServiceCategory::WHAT, &ServiceCategory::CHOICES),
        "Language" => info(Language::WHAT, &Language::CHOICES),
        _ => return None,
    })
}

labelled_enum! {
    /// 权力类型: the kind of an entry in the power list.
    PowerKind, "power kind", "权力类型" {
        Licensing => "licensing", "行政许可", "licensing";
        Penalty => "penalty", "行政处罚", "penalty";
        Enforcement => "enforcement", "行政强制", "enforcement";
        Levy => "levy", "行政征收", "levy";
        Payment => "payment", "行政给付", "payment";
        Inspection => "inspection", "行政检查", "inspection";
        Confirmation => "confirmation", "行政确认", "confirmation";
        Reward => "reward", "行政奖励", "reward";
        Ruling => "ruling", "行政裁决", "ruling";
        Other => "other", "其他", "other";
    }
}

labelled_enum! {
    /// 权力状态: what became of a power in the power-list reform.
    PowerStatus, "power status", "权力状态" {
        Retained => "retained", "保留", "retained";
        Cancelled => "cancelled", "取消", "cancelled";
        Transferred => "transferred", "转移", "transferred";
        Delegated => "delegated", "委托下放", "delegated";
    }
}

impl PowerStatus {
    /// Transferred and delegated powers name who exercises them now.
    pub fn needs_delegate(self) -> bool {
        matches!(self, PowerStatus::Transferred | PowerStatus::Delegated)
    }
}

// The eight categories in FORMAT.md's order, which the site keeps.
labelled_enum! {
    /// 监管类别: the kind of an in-process and after-the-fact supervision regime.
    SupervisionCategory, "supervision category", "监管类别" {
        Approval => "approval", "审批事项", "approvals";
        CancelledPower => "cancelled-power", "取消权力", "cancelled powers";
        TransferredPower => "transferred-power", "转移权力", "transferred powers";
        DelegatedPower => "delegated-power", "委托下放权力", "delegated powers";
        ProjectFunds => "project-funds", "项目资金", "project funds";
        KeyArea => "key-area", "重点领域", "key areas";
        CaseHandling => "case-handling", "案件查处", "case handling";
        Discretion => "discretion", "规范自由裁量权", "penalty discretion";
    }
}

impl SupervisionCategory {
    /// The power status a regime of this category supervises, for the four power categories.
    pub fn required_status(self) -> Option<PowerStatus> {
        match self {
            SupervisionCategory::Approval => Some(PowerStatus::Retained),
            SupervisionCategory::CancelledPower => Some(PowerStatus::Cancelled),
            SupervisionCategory::TransferredPower => Some(PowerStatus::Transferred),
            SupervisionCategory::DelegatedPower => Some(PowerStatus::Delegated),
            _ => None,
        }
    }
}

labelled_enum! {
    /// 服务类别: the kind of a public service.
    ServiceCategory, "service category", "服务类别" {
        Basic => "basic", "基础性服务", "basic services" | "基础性";
        Economic => "economic", "经济性服务", "economic services" | "经济性";
        Safety => "safety", "安全性服务", "safety services" | "安全性";
        Social => "social", "社会性服务", "social services" | "社会性";
    }
}

labelled_enum! {
    /// 语言: the language of the site's own words (default `zh-CN`).
    Language, "language", "语言" {
        ZhCn => "zh-CN", "简体中文", "Chinese";
        En => "en", "English", "English";
    }
}

impl Language {
    /// The language a `language = …` setting gives (`[site]`, `[workspace]`): zh-CN unless set.
    pub fn of(setting: Option<&crate::model::Spanned<Language>>) -> Language {
        setting.map_or(Language::ZhCn, |l| *l.get_ref())
    }
}
