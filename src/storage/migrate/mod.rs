//! Schema migrations: pure functions over the whole key → JSON map.
//!
//! Each step takes the state at version N to N+1 in place. The framework
//! diffs the final state against the input, so the worker gets exactly the
//! keys to `set` and the keys to `remove`. Keys that are not Glider's (other
//! extension state) pass through untouched. A record a step cannot convert is
//! moved to `corrupt:<key>` with the reason, never dropped, and reported in
//! `warnings`.

mod v1;
mod v2;
mod v3;
mod v4;

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::keys::{bucket_of, RecordKey};
use super::records::{decode_parsed, IndexRecord, Quarantined, SchemaRecord, Settings};
use super::{StorageError, SCHEMA_VERSION};

/// The raw contents of `storage.local`: key → stored JSON value.
pub type StorageMap = BTreeMap<String, Value>;

/// The result of [`migrate`]: `storage.local.set(items)` then `remove(remove)`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Migrated {
    /// New or changed keys only.
    pub items: StorageMap,
    pub remove: Vec<String>,
    /// 0 = empty storage (fresh install).
    pub from_version: u32,
    pub to_version: u32,
    /// Human-readable notes: quarantined records, dropped values.
    pub warnings: Vec<String>,
}

type Step = fn(&mut StorageMap, &mut Vec<String>) -> Result<(), StorageError>;

/// `STEPS[i]` migrates version `i + 1` to `i + 2`.
const STEPS: [Step; 4] = [v1::to_v2, v2::to_v3, v3::to_v4, v4::to_v5];
const _: () = assert!(STEPS.len() as u32 + 1 == SCHEMA_VERSION);

/// The schema version of stored data: the `schema` record if present, 1 for
/// the v1 single `glider` blob, 0 for storage with no Glider data at all.
pub fn detect_version(items: &StorageMap) -> Result<u32, StorageError> {
    if let Some(value) = items.get("schema") {
        // Lenient on purpose: only `version` is read (see `SchemaRecord`).
        let version = match decode_parsed(&RecordKey::Schema, value) {
            Ok(super::Record::Schema(schema)) => schema.version,
            Ok(_) => return Err(StorageError::corrupt("schema", "not a schema record")),
            Err(e) => return Err(e),
        };
        if version > SCHEMA_VERSION {
            return Err(StorageError::FutureVersion {
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        return Ok(version);
    }
    if items.contains_key(v1::BLOB_KEY) {
        return Ok(1);
    }
    let has_records = items
        .keys()
        .any(|k| k.starts_with("post:") || k.starts_with("project:") || k == "settings");
    if has_records {
        // Refuse to guess: migrating data of an unknown version could lose it.
        return Err(StorageError::corrupt(
            "schema",
            "missing, but post/project records exist",
        ));
    }
    Ok(0)
}

/// Bring stored data to [`SCHEMA_VERSION`]. Pure: the input is not modified.
pub fn migrate(items: &StorageMap) -> Result<Migrated, StorageError> {
    let from_version = detect_version(items)?;
    let mut warnings = Vec::new();
    let mut state = items.clone();
    if from_version != SCHEMA_VERSION {
        // Step i takes version i + 1 forward; empty storage (0) runs no step
        // and `finish` lays out a fresh store.
        let skip = match from_version {
            0 => STEPS.len(),
            v => usize::try_from(v - 1).unwrap_or(STEPS.len()),
        };
        for step in STEPS.iter().skip(skip) {
            step(&mut state, &mut warnings)?;
        }
        finish(&mut state, &mut warnings)?;
    }
    // Filled by insert: `collect()` into a BTreeMap compiles its own sort.
    let mut items_out = StorageMap::new();
    for (k, v) in &state {
        if items.get(k) != Some(v) {
            items_out.insert(k.clone(), v.clone());
        }
    }
    let remove = items
        .keys()
        .filter(|k| !state.contains_key(*k))
        .cloned()
        .collect();
    Ok(Migrated {
        items: items_out,
        remove,
        from_version,
        to_version: SCHEMA_VERSION,
        warnings,
    })
}

/// What the worker does with a [`Migrated`]: set, then remove.
pub fn apply_migration(items: &StorageMap, migrated: &Migrated) -> StorageMap {
    let mut state = items.clone();
    state.extend(migrated.items.clone());
    for key in &migrated.remove {
        state.remove(key);
    }
    state
}

/// Common end of every migration: quarantine any Glider record that does not
/// decode at the current version, rebuild the indexes from the records that
/// actually exist (an old index may be stale), and stamp the schema.
fn finish(state: &mut StorageMap, warnings: &mut Vec<String>) -> Result<(), StorageError> {
    let broken: Vec<(String, String)> = state
        .iter()
        .filter_map(|(k, v)| {
            let key = RecordKey::parse(k).ok()?;
            let is_index = matches!(key, RecordKey::ProjectIndex | RecordKey::PostIndex(_));
            if is_index || key == RecordKey::Schema {
                return None; // rebuilt below
            }
            decode_parsed(&key, v)
                .err()
                .map(|e| (k.clone(), e.to_string()))
        })
        .collect();
    for (key, reason) in broken {
        if let Some(value) = state.remove(&key) {
            quarantine(state, warnings, &key, value, &reason, SCHEMA_VERSION)?;
        }
    }
    if !state.contains_key("settings") {
        state.insert("settings".into(), json(&Settings::default())?);
    }
    rebuild_indexes(state)?;
    state.insert("schema".into(), json(&SchemaRecord::current())?);
    Ok(())
}

fn rebuild_indexes(state: &mut StorageMap) -> Result<(), StorageError> {
    let mut projects = IndexRecord::default();
    let mut buckets: BTreeMap<u8, IndexRecord> = BTreeMap::new();
    for key in state.keys().filter_map(|k| RecordKey::parse(k).ok()) {
        match key {
            RecordKey::Project(id) => {
                projects.insert(&id);
            }
            RecordKey::Post(id) => {
                buckets.entry(bucket_of(&id)).or_default().insert(&id);
            }
            _ => {}
        }
    }
    state.retain(|k, _| !k.starts_with("index:post:"));
    for (bucket, mut index) in buckets {
        index.revision = 1;
        state.insert(RecordKey::PostIndex(bucket).to_string(), json(&index)?);
    }
    projects.revision = 1;
    state.insert(RecordKey::ProjectIndex.to_string(), json(&projects)?);
    Ok(())
}

/// Move a value that cannot be converted to `corrupt:<key>` (with a numeric
/// suffix if that is taken), so nothing is lost.
pub(super) fn quarantine(
    state: &mut StorageMap,
    warnings: &mut Vec<String>,
    key: &str,
    value: Value,
    reason: &str,
    schema_version: u32,
) -> Result<(), StorageError> {
    let mut target = format!("corrupt:{key}");
    let mut n = 2;
    while state.contains_key(&target) {
        target = format!("corrupt:{key}#{n}");
        n += 1;
    }
    let record = Quarantined {
        key: key.to_string(),
        value,
        reason: reason.to_string(),
        schema_version,
    };
    state.insert(target.clone(), json(&record)?);
    warnings.push(format!("{key}: moved to {target}: {reason}"));
    Ok(())
}

fn json<T: Serialize>(value: &T) -> Result<Value, StorageError> {
    serde_json::to_value(value).map_err(|e| StorageError::corrupt("(migration)", e))
}

/// Seconds → milliseconds without overflow.
fn secs_to_ms(secs: i64) -> Option<i64> {
    secs.checked_mul(1000)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_old_shapes;
