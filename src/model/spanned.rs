//! A value with the byte range it was read from. It wraps `toml::Spanned` (which the TOML
//! deserializer fills in) so that resplist can also give it a JSON Schema: the schema of `T`.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Range;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value and where it is in its file. Comparing, ordering and hashing look at the value only,
/// as `toml::Spanned` does.
#[derive(Clone, Debug)]
pub struct Spanned<T> {
    span: Range<usize>,
    value: T,
}

impl<T> Spanned<T> {
    pub fn new(span: Range<usize>, value: T) -> Self {
        Spanned { span, value }
    }

    /// The byte range of the value in its file.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    pub fn get_ref(&self) -> &T {
        &self.value
    }

    pub fn get_mut(&mut self) -> &mut T {
        &mut self.value
    }

    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T> From<toml::Spanned<T>> for Spanned<T> {
    fn from(spanned: toml::Spanned<T>) -> Self {
        let span = spanned.span();
        Spanned::new(span, spanned.into_inner())
    }
}

impl<T> AsRef<T> for Spanned<T> {
    fn as_ref(&self) -> &T {
        &self.value
    }
}

impl<T> AsMut<T> for Spanned<T> {
    fn as_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

impl Borrow<str> for Spanned<String> {
    fn borrow(&self) -> &str {
        &self.value
    }
}

impl<T: fmt::Display> fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Spanned<T> {}

impl<T: Hash> Hash for Spanned<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl<T: PartialOrd> PartialOrd for Spanned<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.value.partial_cmp(&other.value)
    }
}

impl<T: Ord> Ord for Spanned<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.value.cmp(&other.value)
    }
}

/// Reads through `toml::Spanned`, whose special form the TOML deserializer recognises and fills
/// with the span (so, like it, this reads TOML only).
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        toml::Spanned::<T>::deserialize(deserializer).map(Spanned::from)
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

/// The span is not written in the file, so the schema is the value's.
impl<T: schemars::JsonSchema> schemars::JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Doc {
        name: Spanned<String>,
        list: Spanned<Vec<Spanned<i64>>>,
    }

    #[test]
    fn spans_come_from_the_toml_deserializer() {
        let text = "name = \"环保局\"\nlist = [1, 22]\n";
        let doc: Doc = match toml::from_str(text) {
            Ok(doc) => doc,
            Err(err) => panic!("{err}"),
        };
        assert_eq!(&text[doc.name.span()], "\"环保局\"");
        assert_eq!(&text[doc.list.span()], "[1, 22]");
        assert_eq!(&text[doc.list.get_ref()[1].span()], "22");
        assert_eq!(doc.name, Spanned::new(0..0, "环保局".to_string()));
    }

    #[test]
    fn serializes_as_the_value() {
        let value = Spanned::new(3..9, vec![Spanned::new(4..5, "a".to_string())]);
        assert_eq!(
            serde_json::to_string(&value).ok().as_deref(),
            Some(r#"["a"]"#)
        );
    }
}
