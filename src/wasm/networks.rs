//! Bindings for per-network counting, entities and thread splitting.
//!
//! JS API (all ranges are UTF-16 offsets into the text passed in):
//! - `countText(text, network, options?) -> CountResult`
//! - `splitThread(text, network, options?) -> ThreadPart[]`
//! - `networkRules() -> NetworkRule[]`
//!
//! The core's `extract_entities` has no export: no page calls it yet.
//!
//! `network` is a stable id ("x", "mastodon", "bluesky", ...); `options` is
//! `{ instanceLimit?: number, telegramMode?: "message" | "caption",
//! redditField?: "title" | "body", xPremium?: boolean }`, missing/null
//! meaning defaults.

use wasm_bindgen::prelude::*;

use crate::networks::{self, CountOptions, NetworkId, NetworksError};
use crate::wasm::{decode, encode, encode_hot, js_error};

fn to_js(err: NetworksError) -> JsValue {
    js_error(err.variant(), err)
}

fn parse_network(id: &str) -> Result<NetworkId, JsValue> {
    NetworkId::parse(id).map_err(to_js)
}

/// `undefined`/`null` mean "no options"; anything else must be an options
/// object (a wrong shape is a `BadInput` error, not silently ignored).
fn parse_options(value: JsValue) -> Result<CountOptions, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(CountOptions::default());
    }
    decode(value)
}

/// Count `text` the way `network` does. Errors: `UnknownNetwork`,
/// `InvalidLimit` (instanceLimit 0), `BadInput`.
#[wasm_bindgen(js_name = countText)]
pub fn count_text(text: &str, network: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let network = parse_network(network)?;
    let options = parse_options(options)?;
    let result = networks::count_text(text, network, &options).map_err(to_js)?;
    encode_hot(&result)
}

/// Split `text` into numbered parts that each fit. Errors: as `countText`,
/// plus `LimitTooSmall`, `GraphemeTooLong`, `TooManyParts`.
#[wasm_bindgen(js_name = splitThread)]
pub fn split_thread(text: &str, network: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let network = parse_network(network)?;
    let options = parse_options(options)?;
    let parts = networks::split_thread(text, network, &options).map_err(to_js)?;
    encode(&parts)
}

/// The rules table, for the panel's network picker and limit display.
#[wasm_bindgen(js_name = networkRules)]
pub fn network_rules() -> Result<JsValue, JsValue> {
    encode(networks::network_rules())
}
