//! A serde `Deserializer` over a borrowed `serde_json::Value` that knows its
//! own path.
//!
//! It behaves like serde_json's `impl Deserializer for &Value` (the two
//! differences are noted at `deserialize_struct` and in `error`), so types
//! decode as they did through serde_path_to_error over that one, but without
//! wrapping every visitor and seed: each type's `Deserialize` code is
//! instantiated once, against this one concrete deserializer.
//!
//! Only the accesses (map value, map key, array element, enum content) attach
//! a path to an error: an error leaving `De` at some path always leaves
//! through the access that created that `De`, so that is where it is
//! located, once, at the innermost level.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, Visitor};
use serde_json::{map, Number, Value};

use super::access::{Enum, MapAccess, SeqAccess};
use super::error::{Error, Path};

type Result<T> = std::result::Result<T, Error>;

/// A value and where it is. Two pointers, passed by value.
#[derive(Clone, Copy)]
pub(super) struct De<'de, 'p> {
    pub(super) value: &'de Value,
    pub(super) path: &'p Path<'p>,
}

/// Map keys and enum variant names, as the strings they are. serde_json
/// also reads a key as a number or bool for maps keyed by those; no type we
/// decode has such a map, so that parsing code stays out.
pub(super) type KeyDe<'de> = BorrowedStrDeserializer<'de, Error>;

impl<'de> De<'de, '_> {
    #[cold]
    fn wrong_type(self, exp: &dyn de::Expected) -> Error {
        Error::wrong_type(self.value, exp)
    }

    fn number<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.value {
            Value::Number(n) => visit_number(n, visitor),
            _ => Err(self.wrong_type(&visitor)),
        }
    }
}

/// As serde_json: the visitor sees the number's own representation.
fn visit_number<'de, V: Visitor<'de>>(n: &Number, visitor: V) -> Result<V::Value> {
    if let Some(u) = n.as_u64() {
        visitor.visit_u64(u)
    } else if let Some(i) = n.as_i64() {
        visitor.visit_i64(i)
    } else {
        // Without arbitrary_precision every JSON number is an f64 at worst.
        visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
    }
}

pub(super) fn visit_array<'de, V: Visitor<'de>>(
    array: &'de [Value],
    path: &Path<'_>,
    visitor: V,
) -> Result<V::Value> {
    let mut seq = SeqAccess {
        iter: array.iter(),
        index: 0,
        path,
    };
    let out = visitor.visit_seq(&mut seq)?;
    seq.finish(array.len())?;
    Ok(out)
}

pub(super) fn visit_object<'de, V: Visitor<'de>>(
    object: &'de map::Map<String, Value>,
    path: &Path<'_>,
    visitor: V,
) -> Result<V::Value> {
    let mut access = MapAccess {
        iter: object.iter(),
        value: None,
        path,
    };
    let out = visitor.visit_map(&mut access)?;
    access.finish(object.len())?;
    Ok(out)
}

impl<'de> de::Deserializer<'de> for De<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => visit_number(n, visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(a) => visit_array(a, self.path, visitor),
            Value::Object(o) => visit_object(o, self.path, visitor),
        }
    }

    // Every number type goes through `number`: the visitor checks the range
    // ("invalid value: integer `300`, expected u8") and rejects what it
    // cannot take (a float for an integer, say).
    fn deserialize_u8<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.number(v)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.number(v)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.number(v)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.number(v)
    }
    fn deserialize_u128<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.number(v)
    }
    fn deserialize_i8<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.number(v)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.number(v)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.number(v)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.number(v)
    }
    fn deserialize_i128<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.number(v)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.number(v)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.number(v)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.value {
            Value::Bool(b) => visitor.visit_bool(*b),
            _ => Err(self.wrong_type(&visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            _ => Err(self.wrong_type(&visitor)),
        }
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }
    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    /// As serde_json: a string's UTF-8 or an array of numbers.
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(a) => visit_array(a, self.path, visitor),
            _ => Err(self.wrong_type(&visitor)),
        }
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_bytes(visitor)
    }

    /// `null` is `None`; anything else is `Some`, decoded at the same path.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            _ => Err(self.wrong_type(&visitor)),
        }
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.value {
            Value::Array(a) => visit_array(a, self.path, visitor),
            _ => Err(self.wrong_type(&visitor)),
        }
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.value {
            Value::Object(o) => visit_object(o, self.path, visitor),
            _ => Err(self.wrong_type(&visitor)),
        }
    }

    /// Objects only. serde_json also takes a struct written as an array
    /// (fields by position); nothing we store or exchange is written that
    /// way, storage and backups reject it at the top level already, and not
    /// calling `visit_seq` keeps every struct's by-position decoder out of
    /// the WASM.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_map(visitor)
    }

    /// Externally tagged: `"Variant"` or `{"Variant": content}`.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let (name, content) = match self.value {
            Value::String(s) => (s.as_str(), None),
            Value::Object(o) => single_entry(o)?,
            _ => return Err(self.wrong_type(&"string or map")),
        };
        visitor.visit_enum(Enum {
            name,
            content,
            parent: self.path,
        })
    }

    /// As serde_json: skipped values are not looked at.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }
}

/// The one entry of an enum written as `{"Variant": content}`.
fn single_entry(o: &map::Map<String, Value>) -> Result<(&str, Option<&Value>)> {
    let mut entries = o.iter();
    match (entries.next(), entries.next()) {
        (Some((name, content)), None) => Ok((name.as_str(), Some(content))),
        _ => Err(de::Error::invalid_value(
            de::Unexpected::Map,
            &"map with a single key",
        )),
    }
}
