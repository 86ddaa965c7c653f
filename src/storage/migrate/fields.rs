//! Readers that take old-schema JSON apart by hand.
//!
//! Old records are read once per install, so they get no serde types: with a
//! derived `Deserialize` + `Serialize` per old struct the two steps cost
//! ~29 KB of the gzipped WASM, read by hand ~13 KB. These readers keep the
//! rules those derives had: a required field must be present; an `Option`
//! field reads absent or `null` as `None`; a `#[serde(default)]` field may be
//! absent but not `null`; a wrong JSON type is an error that names the field.

use serde_json::{Map, Value};

pub(super) type Object = Map<String, Value>;

/// The value as an object, or why not.
pub(super) fn object(value: &Value) -> Result<&Object, String> {
    value
        .as_object()
        .ok_or_else(|| format!("expected an object, found {}", kind(value)))
}

/// A Rust type a JSON field can be read as.
pub(super) trait Field: Sized {
    const EXPECTED: &'static str;
    fn from_json(value: &Value) -> Option<Self>;
}

impl Field for String {
    const EXPECTED: &'static str = "a string";
    fn from_json(value: &Value) -> Option<Self> {
        value.as_str().map(str::to_owned)
    }
}

impl Field for i64 {
    // `as_i64` refuses floats and integers above i64::MAX, as serde did.
    const EXPECTED: &'static str = "an integer (i64)";
    fn from_json(value: &Value) -> Option<Self> {
        value.as_i64()
    }
}

impl Field for u32 {
    const EXPECTED: &'static str = "an integer 0..=4294967295";
    fn from_json(value: &Value) -> Option<Self> {
        value.as_u64().and_then(|n| u32::try_from(n).ok())
    }
}

impl Field for Vec<String> {
    const EXPECTED: &'static str = "a list of strings";
    fn from_json(value: &Value) -> Option<Self> {
        value.as_array()?.iter().map(String::from_json).collect()
    }
}

impl Field for Vec<Value> {
    const EXPECTED: &'static str = "a list";
    fn from_json(value: &Value) -> Option<Self> {
        value.as_array().cloned()
    }
}

/// Read `value` (the field `name`) as `T`.
pub(super) fn read<T: Field>(name: &str, value: &Value) -> Result<T, String> {
    T::from_json(value).ok_or_else(|| wrong_type(name, T::EXPECTED, value))
}

/// Out of line so that each generic reader stays a few instructions.
#[inline(never)]
fn wrong_type(name: &str, expected: &str, value: &Value) -> String {
    format!("{name}: expected {expected}, found {}", kind(value))
}

/// A field that must be present.
pub(super) fn required<T: Field>(obj: &Object, name: &str) -> Result<T, String> {
    let value = obj
        .get(name)
        .ok_or_else(|| format!("missing field `{name}`"))?;
    read(name, value)
}

/// An `Option` field: absent and `null` are both `None`.
pub(super) fn optional<T: Field>(obj: &Object, name: &str) -> Result<Option<T>, String> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => read(name, value).map(Some),
    }
}

/// A defaulted field: absent is the default, `null` is a wrong type.
pub(super) fn or_default<T: Field + Default>(obj: &Object, name: &str) -> Result<T, String> {
    match obj.get(name) {
        None => Ok(T::default()),
        Some(value) => read(name, value),
    }
}

/// `deny_unknown_fields`: every key must be one of `known`.
pub(super) fn deny_unknown(obj: &Object, known: &[&str]) -> Result<(), String> {
    match obj.keys().find(|k| !known.contains(&k.as_str())) {
        Some(key) => Err(format!("unknown field `{key}`")),
        None => Ok(()),
    }
}

/// A string outside an enum's values, worded as serde words it (the v3
/// fixture pins one such reason).
pub(super) fn unknown_variant(name: &str, found: &str, variants: &[&str]) -> String {
    let expected: Vec<String> = variants.iter().map(|v| format!("`{v}`")).collect();
    format!(
        "{name}: unknown variant `{found}`, expected one of {}",
        expected.join(", ")
    )
}

/// An object from `(name, value)` pairs, leaving out `null`s: the old
/// schemas skipped `None` fields rather than writing `null`. Inserts one by
/// one on purpose: collecting into the map would compile a sort per call site.
pub(super) fn object_of(fields: Vec<(&str, Value)>) -> Value {
    let mut object = Object::new();
    for (name, value) in fields {
        if !value.is_null() {
            object.insert(name.to_string(), value);
        }
    }
    Value::Object(object)
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
