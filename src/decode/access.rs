//! The accesses `De` hands to visitors: array elements, object entries and
//! enum variants. Each links its segment to the parent path and is where an
//! error from inside gets its path (see `Error::at`).

use serde::de::{self, DeserializeSeed, Visitor};
use serde_json::{map, Value};

use super::de::{visit_array, visit_object, De, KeyDe};
use super::error::{Error, Path};

type Result<T> = std::result::Result<T, Error>;

pub(super) struct SeqAccess<'de, 'p> {
    pub(super) iter: std::slice::Iter<'de, Value>,
    pub(super) index: usize,
    pub(super) path: &'p Path<'p>,
}

impl SeqAccess<'_, '_> {
    /// As serde_json: a visitor that stops early (a fixed-size tuple, say)
    /// must have taken every element.
    pub(super) fn finish(&self, len: usize) -> Result<()> {
        match self.iter.len() {
            0 => Ok(()),
            _ => Err(de::Error::invalid_length(len, &"fewer elements in array")),
        }
    }
}

impl<'de> de::SeqAccess<'de> for SeqAccess<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        let Some(value) = self.iter.next() else {
            return Ok(None);
        };
        let path = Path::Index(self.index, self.path);
        self.index += 1;
        match seed.deserialize(De { value, path: &path }) {
            Ok(v) => Ok(Some(v)),
            Err(e) => Err(e.at(&path)),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

pub(super) struct MapAccess<'de, 'p> {
    pub(super) iter: map::Iter<'de>,
    /// The entry whose key was just read, for `next_value_seed`.
    pub(super) value: Option<(&'de str, &'de Value)>,
    pub(super) path: &'p Path<'p>,
}

impl MapAccess<'_, '_> {
    /// As serde_json: a visitor that stops early must have taken every entry.
    pub(super) fn finish(&self, len: usize) -> Result<()> {
        match self.iter.len() {
            0 => Ok(()),
            _ => Err(de::Error::invalid_length(len, &"fewer elements in map")),
        }
    }
}

impl<'de> de::MapAccess<'de> for MapAccess<'de, '_> {
    type Error = Error;

    /// A key that fails (an unknown field under `deny_unknown_fields`) is
    /// reported at that key, as serde_path_to_error did.
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        self.value = Some((key, value));
        match seed.deserialize(KeyDe::new(key)) {
            Ok(k) => Ok(Some(k)),
            Err(e) => Err(e.at(&Path::Key(key, self.path))),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let Some((key, value)) = self.value.take() else {
            return Err(de::Error::custom("value is missing"));
        };
        let path = Path::Key(key, self.path);
        seed.deserialize(De { value, path: &path })
            .map_err(|e| e.at(&path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// An externally tagged enum: its variant name and, for `{"V": content}`,
/// the content.
pub(super) struct Enum<'de, 'p> {
    pub(super) name: &'de str,
    pub(super) content: Option<&'de Value>,
    pub(super) parent: &'p Path<'p>,
}

impl<'de, 'p> de::EnumAccess<'de> for Enum<'de, 'p> {
    type Error = Error;
    type Variant = Self;

    /// An unknown variant is reported at the enum itself (it flows out
    /// unlocated, to the access that created this value's `De`).
    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let variant = seed.deserialize(KeyDe::new(self.name))?;
        Ok((variant, self))
    }
}

/// Everything that goes wrong once the variant is known is reported at
/// `enum.Variant`, as serde_path_to_error did, even for `"Variant"` written
/// without content.
impl<'de> de::VariantAccess<'de> for Enum<'de, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        let path = Path::Key(self.name, self.parent);
        match self.content {
            None => Ok(()),
            Some(value) => de::Deserialize::deserialize(De { value, path: &path })
                .map_err(|e: Error| e.at(&path)),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        let path = Path::Key(self.name, self.parent);
        let result = match self.content {
            Some(value) => seed.deserialize(De { value, path: &path }),
            None => Err(unit_variant(&"newtype variant")),
        };
        result.map_err(|e| e.at(&path))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        let path = Path::Key(self.name, self.parent);
        let result = match self.content {
            // As serde_json: `{"V": []}` is a unit-like tuple variant.
            Some(Value::Array(a)) if a.is_empty() => visitor.visit_unit(),
            Some(Value::Array(a)) => visit_array(a, &path, visitor),
            Some(other) => Err(Error::wrong_type(other, &"tuple variant")),
            None => Err(unit_variant(&"tuple variant")),
        };
        result.map_err(|e| e.at(&path))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let path = Path::Key(self.name, self.parent);
        let result = match self.content {
            Some(Value::Object(o)) => visit_object(o, &path, visitor),
            Some(other) => Err(Error::wrong_type(other, &"struct variant")),
            None => Err(unit_variant(&"struct variant")),
        };
        result.map_err(|e| e.at(&path))
    }
}

/// A data-carrying variant written as a bare `"Variant"` string.
#[cold]
fn unit_variant(exp: &dyn de::Expected) -> Error {
    de::Error::invalid_type(de::Unexpected::UnitVariant, exp)
}
