//! One description per field. Each model type derives [`Described`]: the fields it has, in
//! FORMAT.md's order, with their Chinese and English labels and their [`Kind`]. fmt's key order,
//! the open-data tables, diff's field-by-field comparison and the search's indexed text are
//! derived from it, so that a field is added in one place: its model type.

use super::{Datetime, Spanned};

/// What a model type is: how reports name it, and its fields in order.
#[derive(Debug)]
pub struct Entity {
    /// A stable machine name: `work-item`, `service`, … (diff's JSON).
    pub key: &'static str,
    /// Its English name in messages: `work item`, `public service`, …
    pub name: &'static str,
    /// Its Chinese name: `具体工作事项`, …
    pub zh: &'static str,
    /// The field that names an entry (its title, name or text), if it has one.
    pub title: Option<&'static str>,
    pub fields: &'static [Field],
}

/// One field of a model type.
#[derive(Debug)]
pub struct Field {
    /// The key written in the TOML file.
    pub key: &'static str,
    /// The Chinese label: `服务频次`.
    pub zh: &'static str,
    /// The English label: `How often`.
    pub en: &'static str,
    pub kind: Kind,
    /// Whether the file must give it (FORMAT.md's "required").
    pub required: bool,
}

/// What a field holds, which decides how each stage shows, compares, indexes and tabulates it.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// The entry's own id (id rule of FORMAT.md).
    Id,
    /// One piece of plain text.
    Text,
    /// CommonMark text.
    Markdown,
    /// A phone number (`model::PhoneNumber`).
    Phone,
    /// A web or mail address.
    Url,
    /// A TOML date.
    Date,
    Integer,
    /// True or false; absent means false.
    Bool,
    /// One value of a labelled enum.
    Enum(&'static Choices),
    /// Legal bases (依据): citations, shown and published, not searched.
    Basis,
    /// A list of plain texts.
    Texts,
    /// A list of groups of plain texts (`[search] synonyms`).
    Groups,
    /// The id of one of this department's sections.
    SectionRef,
    /// Ids of this department's powers.
    PowerRefs,
    /// The id of a department of the project.
    DepartmentRef,
    /// The id of a topic of the workspace's `topics.toml` (ignored in a project on its own).
    TopicRef,
    /// A table of its own (`[boundaries.case]`).
    Table(fn() -> &'static Entity),
    /// A list of tables (`[[sections]]`).
    Entries(fn() -> &'static Entity),
}

impl Kind {
    /// The description of the table or entries the field holds.
    pub fn nested(self) -> Option<&'static Entity> {
        match self {
            Kind::Table(of) | Kind::Entries(of) => Some(of()),
            _ => None,
        }
    }

    /// Whether the search indexes the field's text.
    pub fn is_searched(self) -> bool {
        matches!(
            self,
            Kind::Text | Kind::Markdown | Kind::Phone | Kind::Texts | Kind::PowerRefs
        )
    }
}

/// The values of a labelled enum: its key, Chinese label and English label, in order.
#[derive(Debug)]
pub struct Choices {
    pub values: &'static [(&'static str, &'static str, &'static str)],
}

impl Choices {
    pub fn keys(&self) -> impl Iterator<Item = &'static str> {
        self.values.iter().map(|(key, _, _)| *key)
    }
}

/// A field's value in one entry.
pub enum Value<'a> {
    /// An optional field that is not given.
    Absent,
    Text(&'a str),
    List(Vec<&'a str>),
    Groups(Vec<Vec<&'a str>>),
    Integer(i64),
    Bool(bool),
    Date(&'a Datetime),
    Choice {
        key: &'static str,
        zh: &'static str,
        en: &'static str,
    },
    Table(&'a dyn Described),
    Entries(Vec<&'a dyn Described>),
}

/// A model type with a description; derived with `#[derive(Described)]`.
pub trait Described {
    fn description() -> &'static Entity
    where
        Self: Sized;

    /// The description of this value's type.
    fn entity(&self) -> &'static Entity;

    /// Every described field with its value, in order.
    fn values(&self) -> Vec<(&'static Field, Value<'_>)>;

    /// Every described field with its texts as written, each with its place in the file (for
    /// rules on what was typed: nothing for numbers, enums and tables).
    fn texts(&self) -> Vec<(&'static Field, Vec<&Spanned<String>>)>;
}

impl dyn Described + '_ {
    /// The value of the field `key`, or `Absent` when there is no such field.
    pub fn value(&self, key: &str) -> Value<'_> {
        self.values()
            .into_iter()
            .find(|(field, _)| field.key == key)
            .map_or(Value::Absent, |(_, value)| value)
    }

    /// The text of the entry's title field (its title, name or text).
    pub fn title(&self) -> &str {
        match self.entity().title.map(|key| self.value(key)) {
            Some(Value::Text(text)) => text,
            _ => "",
        }
    }
}

impl Entity {
    pub fn field(&self, key: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The entity of the table at `path` below this one (`["boundaries", "case"]`).
    pub fn at<'p>(
        &'static self,
        path: impl IntoIterator<Item = &'p str>,
    ) -> Option<&'static Entity> {
        let mut entity = self;
        for key in path {
            entity = entity.field(key)?.kind.nested()?;
        }
        Some(entity)
    }

    /// This entity and every one nested in it, depth first, in field order.
    pub fn walk(&'static self) -> Vec<&'static Entity> {
        let mut out = vec![self];
        for field in self.fields {
            if let Some(nested) = field.kind.nested() {
                out.extend(nested.walk());
            }
        }
        out
    }

    /// Whether entries of this entity have an id of their own.
    pub fn has_id(&self) -> bool {
        self.fields.iter().any(|f| matches!(f.kind, Kind::Id))
    }
}

/// How a field's Rust type reads as a [`Value`]: whether the file must give it, and the kind
/// the type implies (numbers, dates, enums and tables imply theirs; text needs to be told).
pub trait Slot {
    const REQUIRED: bool;
    const KIND: Option<Kind>;
    fn value(&self) -> Value<'_>;
    /// The texts of the value as written, with their places: for text fields only.
    fn texts(&self) -> Vec<&Spanned<String>> {
        Vec::new()
    }
}

impl Slot for Spanned<String> {
    const REQUIRED: bool = true;
    const KIND: Option<Kind> = None;
    fn value(&self) -> Value<'_> {
        Value::Text(self.get_ref())
    }
    fn texts(&self) -> Vec<&Spanned<String>> {
        vec![self]
    }
}

impl Slot for Option<Spanned<String>> {
    const REQUIRED: bool = false;
    const KIND: Option<Kind> = None;
    fn value(&self) -> Value<'_> {
        self.as_ref().map_or(Value::Absent, Slot::value)
    }
    fn texts(&self) -> Vec<&Spanned<String>> {
        self.iter().collect()
    }
}

impl Slot for Vec<Spanned<String>> {
    const REQUIRED: bool = false;
    const KIND: Option<Kind> = None;
    fn value(&self) -> Value<'_> {
        Value::List(self.iter().map(|s| s.get_ref().as_str()).collect())
    }
    fn texts(&self) -> Vec<&Spanned<String>> {
        self.iter().collect()
    }
}

impl Slot for Spanned<Vec<Spanned<String>>> {
    const REQUIRED: bool = true;
    const KIND: Option<Kind> = None;
    fn value(&self) -> Value<'_> {
        self.get_ref().value()
    }
    fn texts(&self) -> Vec<&Spanned<String>> {
        self.get_ref().texts()
    }
}

impl Slot for Option<Spanned<Vec<Spanned<String>>>> {
    const REQUIRED: bool = false;
    const KIND: Option<Kind> = None;
    fn value(&self) -> Value<'_> {
        self.as_ref().map_or(Value::Absent, Slot::value)
    }
    fn texts(&self) -> Vec<&Spanned<String>> {
        self.iter().flat_map(|list| list.texts()).collect()
    }
}

impl Slot for Option<Spanned<Vec<super::SynonymGroupSpanned>>> {
    const REQUIRED: bool = false;
    const KIND: Option<Kind> = Some(Kind::Groups);
    fn value(&self) -> Value<'_> {
        self.as_ref().map_or(Value::Absent, |groups| {
            Value::Groups(
                groups
                    .get_ref()
                    .iter()
                    .map(|g| g.get_ref().iter().map(|w| w.get_ref().as_str()).collect())
                    .collect(),
            )
        })
    }
    fn texts(&self) -> Vec<&Spanned<String>> {
        self.iter()
            .flat_map(|groups| groups.get_ref().iter().flat_map(|g| g.get_ref().iter()))
            .collect()
    }
}

impl Slot for Option<Spanned<i64>> {
    const REQUIRED: bool = false;
    const KIND: Option<Kind> = Some(Kind::Integer);
    fn value(&self) -> Value<'_> {
        self.as_ref()
            .map_or(Value::Absent, |n| Value::Integer(*n.get_ref()))
    }
}

impl Slot for Option<Spanned<u32>> {
    const REQUIRED: bool = false;
    const KIND: Option<Kind> = Some(Kind::Integer);
    fn value(&self) -> Value<'_> {
        self.as_ref()
            .map_or(Value::Absent, |n| Value::Integer(i64::from(*n.get_ref())))
    }
}

impl Slot for Option<Spanned<bool>> {
    const REQUIRED: bool = false;
    const KIND: Option<Kind> = Some(Kind::Bool);
    fn value(&self) -> Value<'_> {
        self.as_ref()
            .map_or(Value::Absent, |b| Value::Bool(*b.get_ref()))
    }
}

impl Slot for Option<Spanned<Datetime>> {
    const REQUIRED: bool = false;
    const KIND: Option<Kind> = Some(Kind::Date);
    fn value(&self) -> Value<'_> {
        self.as_ref()
            .map_or(Value::Absent, |d| Value::Date(d.get_ref()))
    }
}

impl<T: Described> Slot for Spanned<T> {
    const REQUIRED: bool = true;
    const KIND: Option<Kind> = Some(Kind::Table(T::description));
    fn value(&self) -> Value<'_> {
        Value::Table(self.get_ref())
    }
}

impl<T: Described> Slot for Option<Spanned<T>> {
    const REQUIRED: bool = false;
    const KIND: Option<Kind> = Some(Kind::Table(T::description));
    fn value(&self) -> Value<'_> {
        self.as_ref()
            .map_or(Value::Absent, |t| Value::Table(t.get_ref()))
    }
}

impl<T: Described> Slot for Vec<Spanned<T>> {
    const REQUIRED: bool = false;
    const KIND: Option<Kind> = Some(Kind::Entries(T::description));
    fn value(&self) -> Value<'_> {
        Value::Entries(self.iter().map(|t| t.get_ref() as &dyn Described).collect())
    }
}

impl<T: Described> Slot for Spanned<Vec<Spanned<T>>> {
    const REQUIRED: bool = true;
    const KIND: Option<Kind> = Some(Kind::Entries(T::description));
    fn value(&self) -> Value<'_> {
        self.get_ref().value()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Department, SiteFile};

    /// The fields serde reads for `T`, in order, from the message of an unknown field.
    fn serde_fields<T: serde::de::DeserializeOwned>() -> Vec<String> {
        let message = match toml::from_str::<T>("zz_not_a_field = 1") {
            Err(err) => err.message().to_string(),
            Ok(_) => String::new(),
        };
        let expected = message.split("expected").nth(1).unwrap_or("");
        expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(String::from)
            .collect()
    }

    fn keys(entity: &Entity) -> Vec<String> {
        entity.fields.iter().map(|f| f.key.to_string()).collect()
    }

    /// The description lists exactly the fields serde reads, in the same order, for every table
    /// of every file: a field cannot be read without being described.
    #[test]
    fn descriptions_list_exactly_the_fields_serde_reads() {
        use crate::model::*;
        let cases: Vec<(&Entity, Vec<String>)> = vec![
            (SiteFile::description(), serde_fields::<SiteFile>()),
            (Site::description(), serde_fields::<Site>()),
            (Build::description(), serde_fields::<Build>()),
            (
                SearchSettings::description(),
                serde_fields::<SearchSettings>(),
            ),
            (Department::description(), serde_fields::<Department>()),
            (Section::description(), serde_fields::<Section>()),
            (Power::description(), serde_fields::<Power>()),
            (Duty::description(), serde_fields::<Duty>()),
            (WorkItem::description(), serde_fields::<WorkItem>()),
            (Boundary::description(), serde_fields::<Boundary>()),
            (Partner::description(), serde_fields::<Partner>()),
            (MockCase::description(), serde_fields::<MockCase>()),
            (CaseStep::description(), serde_fields::<CaseStep>()),
            (
                SupervisionRegime::description(),
                serde_fields::<SupervisionRegime>(),
            ),
            (Indicator::description(), serde_fields::<Indicator>()),
            (
                PublicService::description(),
                serde_fields::<PublicService>(),
            ),
            (
                workspace::WorkspaceFile::description(),
                serde_fields::<workspace::WorkspaceFile>(),
            ),
            (
                workspace::Workspace::description(),
                serde_fields::<workspace::Workspace>(),
            ),
            (
                workspace::TopicsFile::description(),
                serde_fields::<workspace::TopicsFile>(),
            ),
            (
                workspace::Topic::description(),
                serde_fields::<workspace::Topic>(),
            ),
        ];
        for (entity, serde) in cases {
            assert!(!serde.is_empty(), "{}", entity.name);
            assert_eq!(keys(entity), serde, "{}", entity.name);
        }
        // Every nested table of the two files is among them.
        let walked: Vec<&str> = SiteFile::description()
            .walk()
            .into_iter()
            .chain(Department::description().walk())
            .map(|e| e.key)
            .collect();
        assert_eq!(walked.len(), 16, "{walked:?}");
        // And of a workspace's two files, whose `[build]` is a project's.
        let walked: Vec<&str> = workspace::WorkspaceFile::description()
            .walk()
            .into_iter()
            .chain(workspace::TopicsFile::description().walk())
            .map(|e| e.key)
            .collect();
        assert_eq!(
            walked,
            [
                "workspace-file",
                "workspace",
                "build",
                "topics-file",
                "topic"
            ]
        );
    }

    #[test]
    fn kinds_follow_the_rust_types() {
        let service = Department::description().at(["services"]);
        let Some(service) = service else {
            panic!("no services table");
        };
        let kind = |key: &str| service.field(key).map(|f| f.kind);
        assert!(matches!(kind("category"), Some(Kind::Enum(c)) if c.keys().count() == 4));
        assert!(matches!(kind("section"), Some(Kind::SectionRef)));
        assert!(service.field("id").is_some_and(|f| f.required));
        assert!(service.field("section").is_some_and(|f| !f.required));
        let department = Department::description();
        assert!(matches!(
            department.field("order").map(|f| f.kind),
            Some(Kind::Integer)
        ));
        assert!(matches!(
            department.field("sections").map(|f| f.kind),
            Some(Kind::Entries(_))
        ));
        let steps = Department::description().at(["boundaries", "case", "steps"]);
        assert_eq!(steps.map(|e| e.key), Some("case-step"));
        assert!(
            SiteFile::description()
                .at(["build"])
                .is_some_and(|b| b.key == "build")
        );
    }
}
