//! JS data → `serde_json::Value`, walked by hand.
//!
//! serde-wasm-bindgen's deserializer did this generically; its code and the
//! float printer its error messages pull in were ~8 KB of the gzipped WASM,
//! for a walk this short. Encoding the other way stays with
//! serde-wasm-bindgen's serializer.

use js_sys::{Array, Object, Reflect};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// Deeper input is refused instead of exhausting the WASM stack (the worker
/// decodes whatever a message carries; stored data is a few levels deep).
const MAX_DEPTH: usize = 128;

/// Largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// `undefined` and `null` become `Value::Null`, numbers that are safe
/// integers become integers (BigInts too, when they fit 64 bits), arrays and
/// plain objects (own enumerable string keys) recurse. Functions, symbols
/// and non-finite numbers are refused.
pub(super) fn to_value(v: &JsValue) -> Result<Value, String> {
    walk(v, 0)
}

fn walk(v: &JsValue, depth: usize) -> Result<Value, String> {
    if v.is_undefined() || v.is_null() {
        return Ok(Value::Null);
    }
    if let Some(n) = v.as_f64() {
        return number(n);
    }
    if let Some(s) = v.as_string() {
        return Ok(Value::String(s));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if v.is_bigint() {
        return bigint(v);
    }
    if v.is_function() || v.is_symbol() || !v.is_object() {
        return Err("invalid type: a function or symbol, expected JSON data".into());
    }
    if depth >= MAX_DEPTH {
        return Err(format!("nested deeper than {MAX_DEPTH} levels"));
    }
    if Array::is_array(v) {
        let array: &Array = v.unchecked_ref();
        let mut items = Vec::with_capacity(array.length() as usize);
        for item in array.iter() {
            items.push(walk(&item, depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    let object: &Object = v.unchecked_ref();
    let mut map = Map::new();
    for key in Object::keys(object).iter() {
        let value = Reflect::get(object, &key).map_err(|_| "an unreadable property")?;
        let Some(key) = key.as_string() else {
            continue;
        };
        map.insert(key, walk(&value, depth + 1)?);
    }
    Ok(Value::Object(map))
}

fn number(n: f64) -> Result<Value, String> {
    if n.fract() == 0.0 && n.abs() <= MAX_SAFE {
        // Exact: |n| ≤ 2^53, so the casts lose nothing (-0 becomes 0).
        return Ok(if n < 0.0 {
            Value::from(n as i64)
        } else {
            Value::from(n as u64)
        });
    }
    Number::from_f64(n)
        .map(Value::Number)
        .ok_or_else(|| "invalid value: a number that is not finite".into())
}

fn bigint(v: &JsValue) -> Result<Value, String> {
    if let Ok(n) = i64::try_from(v.clone()) {
        return Ok(Value::from(n));
    }
    u64::try_from(v.clone())
        .map(Value::from)
        .map_err(|_| "invalid value: a BigInt outside 64 bits".into())
}
