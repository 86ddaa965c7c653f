//! The one thin binding layer between the pure core and JavaScript.
//!
//! Every `#[wasm_bindgen]` export of the crate lives under this module. Each
//! export decodes its input (JS data → `Value` → core type, `convert.rs`),
//! calls the core and encodes the result (camelCase, times as i64 ms). Core errors become JS
//! `Error`s whose `variant` property is a stable string the extension can
//! switch on.

mod convert;
pub mod interop;
mod js_value;
pub mod networks;
pub mod schedule;
pub mod storage;
mod unicode;
pub use unicode::install_browser_unicode;
pub mod uniqueness;
mod url;

pub use convert::{decode, encode, encode_hot, js_error};

use wasm_bindgen::prelude::*;

/// The core's version, so the extension can tell which build it loaded.
#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
