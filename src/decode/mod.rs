//! The crate's one typed decode path: `serde_json::Value` → `T`, with the
//! failing field's path in the error.
//!
//! Storage records, backups and every value the binding layer receives from
//! JS all go through here. Besides uniform messages ("posts[3].scheduledAt:
//! invalid type ..."), one path means serde generates each type's
//! deserializer once: every extra deserializer (a second serde format, a
//! second wrapper) duplicates the code of every type, and that code is most of
//! the shipped WASM.
//!
//! The deserializer is our own (`de`, `access`, `error`) rather than
//! serde_path_to_error over serde_json's: that crate wraps every visitor and
//! seed to track the path, so every type's decoder was instantiated through
//! its wrappers. Ours tracks the path in the accesses alone, on the stack,
//! and decodes exactly as serde_json's `&Value` deserializer does except
//! that a struct written as an array is refused (so no struct's by-position
//! decoder is linked), an unexpected float is named, not printed ("invalid
//! type: floating point number, expected u32"), and map keys are never
//! parsed as numbers (no type of ours has such keys). Dropping the wrappers
//! and the by-position decoders took the gzipped WASM from 411.8 to
//! 391.8 KB; `compare` checks the rest against the old decoder on the real
//! model types.

mod access;
#[cfg(test)]
mod compare;
mod de;
#[cfg(test)]
mod enum_tests;
mod error;
#[cfg(test)]
mod tests;

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

/// A decode failure: where (`"."` is the root) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    pub path: String,
    pub message: String,
}

impl PathError {
    /// The path, or "" for the root.
    pub fn field(&self) -> &str {
        if self.path == "." {
            ""
        } else {
            &self.path
        }
    }
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field() {
            "" => f.write_str(&self.message),
            path => write!(f, "{path}: {}", self.message),
        }
    }
}

impl std::error::Error for PathError {}

/// Deserialize `T` from a borrowed JSON value.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, PathError> {
    let root = error::Path::Root;
    T::deserialize(de::De { value, path: &root }).map_err(|e| {
        let (path, message) = e.into_parts();
        PathError { path, message }
    })
}
