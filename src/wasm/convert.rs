//! Shared encode/decode/error helpers for the binding layer.
//!
//! Values cross the boundary as `serde_json::Value` (except the per-keystroke
//! results, see `encode_hot`): `js_value.rs` walks JS data into a `Value`,
//! serde-wasm-bindgen's serializer turns a `Value` into JS data, and the
//! core's own typed path (`crate::decode`, `serde_json::to_value`) does the
//! rest. Decoding JS straight into each type would give every type a second
//! deserializer and serializer; that duplicate code was about a third of the
//! shipped WASM.

use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// Turn a core error into a JS `Error` with a stable `variant` property.
///
/// `variant` is part of the API contract: the extension switches on it, so it
/// must never change for an existing error.
pub fn js_error(variant: &str, message: impl std::fmt::Display) -> JsValue {
    let err = js_sys::Error::new(&message.to_string());
    // Setting a property on a fresh Error cannot fail; ignore the Result so a
    // failure here never masks the real error.
    let _ = js_sys::Reflect::set(&err, &"variant".into(), &variant.into());
    err.into()
}

/// JS data → `Value` (`undefined` becomes `null`, so optional arguments work).
fn to_json(value: JsValue) -> Result<Value, JsValue> {
    super::js_value::to_value(&value).map_err(|e| js_error("BadInput", e))
}

/// Decode a JS value into a core type; a shape error becomes
/// `variant: "BadInput"` whose message starts with the field path.
pub fn decode<T: DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    crate::decode::from_value(&to_json(value)?).map_err(|e| js_error("BadInput", e))
}

/// Encode a core value as plain JS data (objects, not Maps; i64 as numbers).
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let value = serde_json::to_value(value).map_err(|e| js_error("EncodeFailed", e))?;
    encode_hot(&value)
}

/// Encode straight to JS objects, skipping the `Value` tree: for the results
/// built on every keystroke (uniqueness check, counters), where building
/// and dropping a tree of maps per call cost more than its extra code, and
/// for a `Value` the core already built.
pub fn encode_hot<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error("EncodeFailed", e))
}
