//! Helpers shared by the wasm-bindgen tests (tests/web*.rs). Each test crate
//! includes this module and uses a subset, hence the allow.
#![allow(dead_code)]

use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;

/// What the glue's `init()` does when the module starts: install the
/// browser's Unicode. wasm-bindgen-test skips start functions, so every test
/// that segments or normalises text calls this first (later calls are no-ops).
pub fn start() {
    glider::wasm::install_browser_unicode();
}

/// JS data from JSON text.
pub fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

/// `v[key]`.
pub fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

/// The stable `variant` of an error the bindings threw.
pub fn variant(err: &JsValue) -> String {
    get(err, "variant").as_string().unwrap()
}

/// `JSON.stringify(v)`.
pub fn text(v: &JsValue) -> String {
    JSON::stringify(v).unwrap().as_string().unwrap()
}

/// The same data regardless of key order (encoded objects list their keys
/// alphabetically; expectations are written in field order).
pub fn same(got: &JsValue, expected: &str) {
    let got: serde_json::Value = serde_json::from_str(&text(got)).unwrap();
    let expected: serde_json::Value = serde_json::from_str(expected).unwrap();
    assert_eq!(got, expected);
}
