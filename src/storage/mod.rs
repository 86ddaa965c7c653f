//! Storage schema and migrations for `chrome.storage.local`.
//!
//! The extension's background worker is the single writer. It reads raw
//! key → JSON items, and asks this module to decode, check and encode them:
//!
//! | key                  | record                                   |
//! |----------------------|------------------------------------------|
//! | `schema`             | [`SchemaRecord`]: the schema version      |
//! | `settings`           | [`Settings`]                              |
//! | `project:<id>`       | [`crate::model::Project`]                 |
//! | `post:<id>`          | [`crate::model::Post`]                    |
//! | `index:project`      | [`IndexRecord`]: every project id         |
//! | `index:post:<bb>`    | [`IndexRecord`]: post ids of bucket `bb`  |
//! | `corrupt:<key>`      | [`Quarantined`]: a record a migration could not convert |
//!
//! Why per-item keys: an edit of one post rewrites one small `post:<id>`
//! record, never a blob of every post. Why a sharded post index: with 10,000+
//! posts a single id list is ~300 KB, and rewriting it on every create or
//! delete is what made the v1 blob slow. Post ids are spread over
//! [`INDEX_BUCKETS`] buckets by a stable hash, so a create/delete rewrites one
//! bucket of ~N/64 ids (≈160 ids, ~5 KB at 10,000 posts), and an edit that
//! keeps the id touches no index at all. Projects are few, so one record.
//!
//! Every writable record carries a `revision`; [`apply_write`] accepts a write
//! only if it was based on the stored revision (optimistic concurrency).

mod keys;
mod migrate;
mod records;
mod write;

#[cfg(test)]
mod tests;

pub use keys::{bucket_of, RecordKey, INDEX_BUCKETS};
pub use migrate::{apply_migration, detect_version, migrate, Migrated, StorageMap};
pub use records::{
    decode_record, decode_record_text, encode_record, IndexRecord, Quarantined, Record,
    SchemaRecord, Settings, Theme,
};
pub use write::{
    apply_write, apply_write_record, plan_delete, plan_insert_posts, plan_write, Revisioned,
    WritePlan,
};

use thiserror::Error;

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 5;

/// Why a storage operation failed. Every variant names the record key so the
/// UI can say which record is affected; [`StorageError::variant`] is the
/// stable name that reaches JS.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The stored value cannot be read as the record its key promises
    /// (wrong shape, truncated JSON, unknown field, bad value).
    #[error("record {key} is corrupt: {reason}")]
    Corrupt { key: String, reason: String },
    /// The value decodes but breaks a model rule (e.g. expiry before schedule).
    #[error("record {key} is invalid: {reason}")]
    Invalid { key: String, reason: String },
    #[error("{0:?} is not a Glider storage key")]
    UnknownKey(String),
    /// The write was based on `expected`, but storage holds `actual`
    /// (0 = the record does not exist).
    #[error("write conflict on {key}: based on revision {expected}, stored revision is {actual}")]
    Conflict {
        key: String,
        expected: u64,
        actual: u64,
    },
    #[error("record {key} holds id {found:?}, which does not match its key")]
    KeyMismatch { key: String, found: String },
    /// An insert found the id already listed in its index.
    #[error("record {key} already exists")]
    Exists { key: String },
    #[error("record {key} cannot be written directly")]
    NotWritable { key: String },
    #[error("stored schema version {found} is newer than this build supports ({supported}); update the extension")]
    FutureVersion { found: u32, supported: u32 },
}

crate::variants!(StorageError {
    Corrupt { .. },
    Invalid { .. },
    UnknownKey(_),
    Conflict { .. },
    KeyMismatch { .. },
    Exists { .. },
    NotWritable { .. },
    FutureVersion { .. },
});

impl StorageError {
    fn corrupt(key: impl ToString, reason: impl ToString) -> Self {
        StorageError::Corrupt {
            key: key.to_string(),
            reason: reason.to_string(),
        }
    }
}
