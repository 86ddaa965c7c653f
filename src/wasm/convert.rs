//! Shared encode/decode/error helpers for the binding layer.

use serde::{de::DeserializeOwned, Serialize};
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

/// Decode a JS value into a core type; a shape error becomes `variant: "BadInput"`.
pub fn decode<T: DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| js_error("BadInput", e))
}

/// Encode a core value as plain JS data (objects, not Maps; i64 as numbers).
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| js_error("EncodeFailed", e))
}
