//! Optimistic-concurrency writes and the small write plans the worker applies.

use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::keys::RecordKey;
use super::records::{decode_parsed, encode_record, typed, IndexRecord, Record, Settings};
use super::StorageError;
use crate::model::{Post, Project};

/// A record type that carries an optimistic-concurrency revision.
pub trait Revisioned {
    fn revision(&self) -> u64;
    fn set_revision(&mut self, revision: u64);
}

macro_rules! revisioned {
    ($($t:ty),*) => {$(
        impl Revisioned for $t {
            fn revision(&self) -> u64 {
                self.revision
            }
            fn set_revision(&mut self, revision: u64) {
                self.revision = revision;
            }
        }
    )*};
}
revisioned!(Post, Project, Settings, IndexRecord);

/// Accept `incoming` only if it was based on the stored revision
/// (`incoming.revision() == current.revision()`, or 0 when nothing is stored);
/// the accepted record gets revision + 1. Otherwise a [`StorageError::Conflict`]
/// — a write is never silently lost or overwritten.
pub fn apply_write<T: Revisioned>(
    key: &str,
    current: Option<&T>,
    mut incoming: T,
) -> Result<T, StorageError> {
    let actual = current.map_or(0, Revisioned::revision);
    check_revision(key, incoming.revision(), actual)?;
    incoming.set_revision(next_revision(key, actual)?);
    Ok(incoming)
}

/// [`apply_write`] on raw stored values: decodes and validates `incoming` as
/// the record `key` promises. Only `revision` is read from `current`, so a
/// record that breaks a newer model rule can still be repaired by a write.
pub fn apply_write_record(
    key: &str,
    current: Option<&Value>,
    incoming: &Value,
) -> Result<Record, StorageError> {
    let parsed = RecordKey::parse(key)?;
    apply_parsed(&parsed, current, incoming)
}

fn apply_parsed(
    key: &RecordKey,
    current: Option<&Value>,
    incoming: &Value,
) -> Result<Record, StorageError> {
    let name = key.to_string();
    let actual = match current {
        Some(value) => stored_revision(key, value)?,
        None => 0,
    };
    let mut record = decode_parsed(key, incoming)?;
    let revision = match &mut record {
        Record::Settings(r) => &mut r.revision,
        Record::Index(r) => &mut r.revision,
        Record::Post(r) => &mut r.revision,
        Record::Project(r) => &mut r.revision,
        Record::Schema(_) | Record::Quarantined(_) => {
            return Err(StorageError::NotWritable { key: name })
        }
    };
    check_revision(&name, *revision, actual)?;
    *revision = next_revision(&name, actual)?;
    Ok(record)
}

/// What the worker should write: `set` in one `storage.local.set`, then
/// `remove`. Keys in `set` are sorted (BTreeMap) so plans are deterministic.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WritePlan {
    pub set: BTreeMap<String, Value>,
    pub remove: Vec<String>,
}

/// Write one post/project/settings record and, for a post or project whose
/// id is not yet indexed, its index record. `index` is the current value of
/// the index key (`RecordKey::index_key`), `None` if absent.
pub fn plan_write(
    key: &str,
    current: Option<&Value>,
    incoming: &Value,
    index: Option<&Value>,
) -> Result<WritePlan, StorageError> {
    let parsed = RecordKey::parse(key)?;
    let record = apply_parsed(&parsed, current, incoming)?;
    let mut plan = WritePlan::default();
    plan.set.insert(key.to_string(), encode_record(&record)?);
    if let (Some(index_key), Some(id)) = (parsed.index_key(), parsed.id()) {
        let mut index = read_index(&index_key, index)?;
        // Also when updating: re-adding a missing id heals a stale index.
        if index.insert(id) {
            index.revision = next_revision(&index_key.to_string(), index.revision)?;
            plan.set
                .insert(index_key.to_string(), to_value(&index_key, &index)?);
        }
    }
    Ok(plan)
}

/// Delete a record (and its id from its index). `expected_revision` is the
/// revision the user saw; `None` deletes whatever is stored, which is how the
/// UI removes a record reported as corrupt after the user confirms.
pub fn plan_delete(
    key: &str,
    expected_revision: Option<u64>,
    current: Option<&Value>,
    index: Option<&Value>,
) -> Result<WritePlan, StorageError> {
    let parsed = RecordKey::parse(key)?;
    if matches!(parsed, RecordKey::Schema) {
        return Err(StorageError::NotWritable {
            key: key.to_string(),
        });
    }
    if let Some(expected) = expected_revision {
        let actual = match current {
            Some(value) => stored_revision(&parsed, value)?,
            None => 0,
        };
        if current.is_none() || expected != actual {
            return Err(conflict(key, expected, actual));
        }
    }
    let mut plan = WritePlan {
        remove: vec![key.to_string()],
        ..WritePlan::default()
    };
    if let (Some(index_key), Some(id)) = (parsed.index_key(), parsed.id()) {
        let mut index = read_index(&index_key, index)?;
        if index.remove(id) {
            index.revision = next_revision(&index_key.to_string(), index.revision)?;
            plan.set
                .insert(index_key.to_string(), to_value(&index_key, &index)?);
        }
    }
    Ok(plan)
}

/// Insert many new posts (an import chunk) in one plan. Each post must be
/// new (revision 0, id not yet indexed) and valid; it is stored at revision 1.
/// `indexes` holds the current values of the post-index buckets (missing =
/// empty). All-or-nothing: the first problem fails the whole chunk.
pub fn plan_insert_posts(
    posts: &[Post],
    indexes: &BTreeMap<String, Value>,
) -> Result<WritePlan, StorageError> {
    let mut plan = WritePlan::default();
    let mut touched: BTreeMap<RecordKey, IndexRecord> = BTreeMap::new();
    for post in posts {
        let key = RecordKey::post(&post.id);
        let name = key.to_string();
        post.validate().map_err(|e| StorageError::Invalid {
            key: name.clone(),
            reason: e.to_string(),
        })?;
        let index_key = RecordKey::PostIndex(super::keys::bucket_of(&post.id));
        let index = match touched.entry(index_key) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => {
                let current = indexes.get(&e.key().to_string());
                let index = read_index(e.key(), current)?;
                e.insert(index)
            }
        };
        // Also catches the same id twice in one chunk.
        if !index.insert(&post.id) {
            return Err(StorageError::Exists { key: name });
        }
        let stored = apply_write(&name, None, post.clone())?;
        plan.set.insert(name, to_value(&key, &stored)?);
    }
    for (index_key, mut index) in touched {
        index.revision = next_revision(&index_key.to_string(), index.revision)?;
        plan.set
            .insert(index_key.to_string(), to_value(&index_key, &index)?);
    }
    Ok(plan)
}

fn read_index(key: &RecordKey, value: Option<&Value>) -> Result<IndexRecord, StorageError> {
    match value {
        None => Ok(IndexRecord::default()),
        Some(v) => match decode_parsed(key, v)? {
            Record::Index(index) => Ok(index),
            _ => Err(StorageError::corrupt(key, "not an index record")),
        },
    }
}

/// The revision of a stored value, read leniently (see [`apply_write_record`]).
fn stored_revision(key: &RecordKey, value: &Value) -> Result<u64, StorageError> {
    #[derive(serde::Deserialize)]
    struct RevisionOnly {
        #[serde(default)]
        revision: u64,
    }
    if !value.is_object() {
        return Err(StorageError::corrupt(key, "stored value is not an object"));
    }
    typed::<RevisionOnly>(key, value).map(|r| r.revision)
}

fn check_revision(key: &str, expected: u64, actual: u64) -> Result<(), StorageError> {
    if expected == actual {
        Ok(())
    } else {
        Err(conflict(key, expected, actual))
    }
}

fn conflict(key: &str, expected: u64, actual: u64) -> StorageError {
    StorageError::Conflict {
        key: key.to_string(),
        expected,
        actual,
    }
}

fn next_revision(key: &str, revision: u64) -> Result<u64, StorageError> {
    revision
        .checked_add(1)
        .ok_or_else(|| StorageError::corrupt(key, "revision overflow"))
}

fn to_value<T: Serialize>(key: &RecordKey, value: &T) -> Result<Value, StorageError> {
    serde_json::to_value(value).map_err(|e| StorageError::corrupt(key, e))
}
