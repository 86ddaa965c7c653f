//! Storage bindings: the background worker (the single writer to
//! `chrome.storage.local`) decodes, checks, migrates and plans writes here.
//!
//! Values cross as plain JSON-compatible JS data; `undefined`/`null` for a
//! `current` or `index` argument means "not stored".

use serde_json::Value;
use wasm_bindgen::prelude::*;

use super::{decode, encode, js_error};
use crate::model::Post;
use crate::storage::{self, RecordKey, StorageError, StorageMap};

/// A JS `Error` with `variant`, plus `key`/`expected`/`actual` where the
/// variant has them, so the UI can name the record and offer a reload.
fn storage_error(err: StorageError) -> JsValue {
    let js = js_error(err.variant(), &err);
    let set = |name: &str, value: JsValue| {
        // Setting a property on a fresh Error cannot fail; ignore the Result.
        let _ = js_sys::Reflect::set(&js, &name.into(), &value);
    };
    match &err {
        StorageError::Conflict {
            key,
            expected,
            actual,
        } => {
            set("key", key.into());
            // Revisions are small counters; f64 holds them exactly.
            set("expected", JsValue::from_f64(*expected as f64));
            set("actual", JsValue::from_f64(*actual as f64));
        }
        StorageError::Corrupt { key, .. }
        | StorageError::Invalid { key, .. }
        | StorageError::KeyMismatch { key, .. }
        | StorageError::Exists { key }
        | StorageError::NotWritable { key } => set("key", key.into()),
        StorageError::UnknownKey(key) => set("key", key.into()),
        StorageError::FutureVersion { .. } => {}
    }
    js
}

fn optional(value: JsValue) -> Result<Option<Value>, JsValue> {
    decode::<Option<Value>>(value)
}

/// `schemaVersion() -> number`: the schema this build reads and writes.
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> u32 {
    storage::SCHEMA_VERSION
}

/// `migrateStorage(allItems) -> {items, remove, fromVersion, toVersion, warnings}`.
/// Pass everything `storage.local.get(null)` returned; then `set(items)` and
/// `remove(remove)`. Throws `FutureVersion` or `Corrupt` (key "schema").
#[wasm_bindgen(js_name = migrateStorage)]
pub fn migrate_storage(all_items: JsValue) -> Result<JsValue, JsValue> {
    let items: StorageMap = decode(all_items)?;
    let migrated = storage::migrate(&items).map_err(storage_error)?;
    encode(&migrated)
}

/// `indexKeyFor(key) -> string | undefined`: the index record to read before
/// `planWrite`/`planDelete` of a post or project.
#[wasm_bindgen(js_name = indexKeyFor)]
pub fn index_key_for(key: &str) -> Result<Option<String>, JsValue> {
    let parsed = RecordKey::parse(key).map_err(storage_error)?;
    Ok(parsed.index_key().map(|k| k.to_string()))
}

/// `planWrite(key, current, incoming, index) -> {set, remove}`: `applyWrite`
/// plus the index update for a new id. Apply with one `set` call.
#[wasm_bindgen(js_name = planWrite)]
pub fn plan_write(
    key: &str,
    current: JsValue,
    incoming: JsValue,
    index: JsValue,
) -> Result<JsValue, JsValue> {
    let current = optional(current)?;
    let incoming: Value = decode(incoming)?;
    let index = optional(index)?;
    let plan = storage::plan_write(key, current.as_ref(), &incoming, index.as_ref())
        .map_err(storage_error)?;
    encode(&plan)
}

/// `planDelete(key, expectedRevision, current, index) -> {set, remove}`.
/// `expectedRevision` null/undefined deletes unconditionally (for a record
/// the user chose to discard after it was reported corrupt).
#[wasm_bindgen(js_name = planDelete)]
pub fn plan_delete(
    key: &str,
    expected_revision: JsValue,
    current: JsValue,
    index: JsValue,
) -> Result<JsValue, JsValue> {
    let expected: Option<u64> = decode(expected_revision)?;
    let current = optional(current)?;
    let index = optional(index)?;
    let plan = storage::plan_delete(key, expected, current.as_ref(), index.as_ref())
        .map_err(storage_error)?;
    encode(&plan)
}

/// `planInsertPosts(posts, indexes) -> {set, remove}`: store new posts (an
/// import chunk, e.g. 500 at a time) at revision 1 and update their index
/// buckets. `indexes` maps `index:post:xx` keys to their stored values
/// (missing = empty). All-or-nothing; throws `Exists` or `Invalid` with `key`.
#[wasm_bindgen(js_name = planInsertPosts)]
pub fn plan_insert_posts(posts: JsValue, indexes: JsValue) -> Result<JsValue, JsValue> {
    let posts: Vec<Post> = decode(posts)?;
    let indexes: Option<StorageMap> = decode(indexes)?;
    let plan =
        storage::plan_insert_posts(&posts, &indexes.unwrap_or_default()).map_err(storage_error)?;
    encode(&plan)
}
