//! A 64-bit hash of serializable values, for telling whether what a page shows changed since
//! the last render (`serve`). Values go straight into the hasher through a serde `Serializer`:
//! every value is written as a tag byte and its bytes, every string with its length, every list,
//! map and struct between a start and an end tag, so that two different values never write the
//! same bytes. That is about twice as fast as hashing their JSON, which escapes every string.
//! The hasher is foldhash's quality hasher with a fixed seed: deterministic, and fast on the
//! hundred-odd megabytes of a province's pages.

use std::hash::{BuildHasher, Hasher};

use serde::ser::{self, Serialize};

pub struct Fingerprint(foldhash::quality::FoldHasher<'static>);

static STATE: foldhash::quality::FixedState = foldhash::quality::FixedState::with_seed(0);

impl Fingerprint {
    /// A fingerprint starting from `seed` (a shared part's fingerprint, or 0).
    pub fn new(seed: u64) -> Fingerprint {
        let mut hasher = STATE.build_hasher();
        hasher.write_u64(seed);
        Fingerprint(hasher)
    }

    /// Adds `value`.
    pub fn add<T: Serialize + ?Sized>(&mut self, value: &T) -> anyhow::Result<()> {
        value.serialize(&mut *self)?;
        Ok(())
    }

    /// Adds raw bytes (a file's) as they are.
    pub fn bytes(&mut self, bytes: &[u8]) {
        self.text(tag::BYTES, bytes);
    }

    pub fn finish(&self) -> u64 {
        self.0.finish()
    }

    fn tag(&mut self, tag: u8) {
        self.0.write_u8(tag);
    }

    fn text(&mut self, tag: u8, bytes: &[u8]) {
        self.tag(tag);
        self.0.write_u64(bytes.len() as u64);
        self.0.write(bytes);
    }
}

/// The tags: one per kind of value.
mod tag {
    pub const BOOL: u8 = 1;
    pub const INT: u8 = 2;
    pub const UINT: u8 = 3;
    pub const FLOAT: u8 = 4;
    pub const CHAR: u8 = 5;
    pub const STR: u8 = 6;
    pub const BYTES: u8 = 7;
    pub const NONE: u8 = 8;
    pub const SOME: u8 = 9;
    pub const UNIT: u8 = 10;
    pub const VARIANT: u8 = 11;
    pub const SEQ: u8 = 12;
    pub const MAP: u8 = 13;
    pub const STRUCT: u8 = 14;
    pub const END: u8 = 15;
}

type Error = serde_json::Error;

impl ser::Serializer for &mut Fingerprint {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.tag(tag::BOOL);
        self.0.write_u8(u8::from(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.tag(tag::INT);
        self.0.write_i64(v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.tag(tag::INT);
        self.0.write_i128(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.tag(tag::UINT);
        self.0.write_u64(v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.tag(tag::UINT);
        self.0.write_u128(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.tag(tag::FLOAT);
        self.0.write_u64(v.to_bits());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.tag(tag::CHAR);
        self.0.write_u32(u32::from(v));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(tag::STR, v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.text(tag::BYTES, v);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.tag(tag::NONE);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        self.tag(tag::SOME);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.tag(tag::UNIT);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
    ) -> Result<(), Error> {
        self.tag(tag::VARIANT);
        self.0.write_u32(index);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.tag(tag::VARIANT);
        self.0.write_u32(index);
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, Error> {
        self.tag(tag::SEQ);
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Self, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self, Error> {
        self.tag(tag::VARIANT);
        self.0.write_u32(index);
        self.tag(tag::SEQ);
        Ok(self)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self, Error> {
        self.tag(tag::MAP);
        Ok(self)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self, Error> {
        self.tag(tag::STRUCT);
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self, Error> {
        self.tag(tag::VARIANT);
        self.0.write_u32(index);
        self.tag(tag::STRUCT);
        Ok(self)
    }
}

/// The parts of lists, tuples and maps: each value in turn, then the end tag.
macro_rules! compound {
    ($($trait:ident :: $method:ident),+) => {$(
        impl ser::$trait for &mut Fingerprint {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Error> {
                self.tag(tag::END);
                Ok(())
            }
        }
    )+};
}

/// The parts of structs: each field's name and value, then the end tag.
macro_rules! fields {
    ($($trait:ident),+) => {$(
        impl ser::$trait for &mut Fingerprint {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.text(tag::STR, key.as_bytes());
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Error> {
                self.tag(tag::END);
                Ok(())
            }
        }
    )+};
}

compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);
fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for &mut Fingerprint {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        self.tag(tag::END);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of<T: Serialize>(value: &T) -> u64 {
        let mut f = Fingerprint::new(0);
        f.add(value).unwrap();
        f.finish()
    }

    #[test]
    fn values_that_differ_have_different_fingerprints() {
        // Strings carry their length: moving a character from one to the next is a change.
        assert_ne!(of(&("ab", "c")), of(&("a", "bc")));
        // Lists are closed: an element moved out of a nested list is a change.
        assert_ne!(
            of(&vec![vec![1, 2], vec![3]]),
            of(&vec![vec![1], vec![2, 3]])
        );
        assert_ne!(of(&Some("")), of(&None::<&str>));
        assert_ne!(of(&1u32), of(&1i32));
        assert_eq!(of(&vec!["一", "二"]), of(&vec!["一", "二"]));
        // A seed makes the same value a different fingerprint.
        let mut seeded = Fingerprint::new(7);
        seeded.add("x").unwrap();
        assert_ne!(seeded.finish(), of(&"x"));
    }
}
