//! The crate's one typed decode path: `serde_json::Value` → `T`, with the
//! failing field's path in the error.
//!
//! Storage records, backups and every value the binding layer receives from
//! JS all go through here. Besides uniform messages ("posts[3].scheduledAt:
//! invalid type ..."), one path means serde generates each type's
//! deserializer once: every extra deserializer (a second serde format, a
//! second wrapper) duplicates the code of every type, and that code is most of
//! the shipped WASM.

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
    serde_path_to_error::deserialize(value).map_err(|e| PathError {
        path: e.path().to_string(),
        message: e.inner().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Outer {
        items: Vec<Inner>,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Inner {
        n: u32,
    }

    #[test]
    fn error_names_the_field() {
        let v = serde_json::json!({"items": [{"n": 1}, {"n": "x"}]});
        let e = from_value::<Outer>(&v).unwrap_err();
        assert_eq!(e.field(), "items[1].n");
        assert!(e.to_string().starts_with("items[1].n: invalid type"), "{e}");
    }

    #[test]
    fn root_errors_have_no_path() {
        let e = from_value::<Outer>(&serde_json::json!(3)).unwrap_err();
        assert_eq!(e.field(), "");
        assert!(!e.to_string().starts_with('.'), "{e}");
    }
}
