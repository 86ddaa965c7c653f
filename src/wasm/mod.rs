//! The one thin binding layer between the pure core and JavaScript.
//!
//! Every `#[wasm_bindgen]` export of the crate lives under this module. Each
//! export decodes its input with serde-wasm-bindgen, calls the core and
//! encodes the result (camelCase, times as i64 ms). Core errors become JS
//! `Error`s whose `variant` property is a stable string the extension can
//! switch on.

mod convert;
pub mod interop;
pub mod networks;
pub mod schedule;
pub mod storage;
pub mod uniqueness;

pub use convert::{decode, encode, encode_hot, js_error};

use wasm_bindgen::prelude::*;

/// Make the core's NFC the browser's (`String.prototype.normalize`), so
/// NFC's tables stay out of the WASM. Called by every export that may
/// normalize text (a no-op after the first), rather than from a start
/// function, which not every host runs (wasm-bindgen-test doesn't).
pub(crate) fn use_browser_nfc() {
    crate::unicode::set_normalizer(|s| String::from(js_sys::JsString::from(s).normalize("NFC")));
}

/// The core's version, so the extension can tell which build it loaded.
#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
