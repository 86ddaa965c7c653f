//! Versioned, canonical JSON backup.
//!
//! Canonical means: projects and posts sorted by id, object keys sorted,
//! two-space indentation, `\n` line ends and a final newline. So
//! export → import → export is byte-identical, and two backups of the same
//! data diff cleanly.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::InteropError;
use crate::model::{Post, Project};
use crate::storage::Settings;

pub const BACKUP_FORMAT: &str = "glider-backup";
/// Version of the backup file format (independent of the storage schema).
pub const BACKUP_VERSION: u32 = 1;
/// Larger backups are refused before parsing (64 MiB, ~100k long posts).
pub const MAX_BACKUP_BYTES: usize = 64 << 20;

/// What a backup holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BackupData {
    #[serde(default)]
    pub projects: Vec<Project>,
    #[serde(default)]
    pub posts: Vec<Post>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Settings>,
}

/// One problem found in a backup, with the JSON path where it is
/// (`posts[3].scheduledAt`; empty for the whole file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    pub path: String,
    pub message: String,
}

/// The result of [`import_json`]: `data` only when there are no `errors`
/// (a restore is all-or-nothing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportedBackup {
    pub data: Option<BackupData>,
    pub errors: Vec<Problem>,
}

/// Serialise a backup canonically.
pub fn export_json(data: &BackupData) -> Result<String, InteropError> {
    let text = serde_json::to_string_pretty(&export_value(data)?)
        .map_err(|e| InteropError::Encode(e.to_string()))?;
    Ok(text + "\n")
}

/// The backup as a JSON tree with sorted keys: what [`export_json`] prints.
/// The WASM binding hands this tree to `JSON.stringify(tree, null, 2)`, which
/// prints it byte for byte as `to_string_pretty` does (keys in insertion
/// order, two-space indent, same escapes), so serde_json's text writer and
/// float printer stay out of the shipped module.
pub fn export_value(data: &BackupData) -> Result<Value, InteropError> {
    let mut sorted = data.clone();
    crate::sort::sort_by(&mut sorted.projects, |a, b| a.id.cmp(&b.id));
    crate::sort::sort_by(&mut sorted.posts, |a, b| a.id.cmp(&b.id));
    let body = serde_json::to_value(&sorted).map_err(|e| InteropError::Encode(e.to_string()))?;
    let mut root = Map::new();
    root.insert("format".into(), BACKUP_FORMAT.into());
    root.insert("version".into(), BACKUP_VERSION.into());
    if let Value::Object(fields) = body {
        root.extend(fields);
    }
    Ok(sort_keys(Value::Object(root)))
}

/// Rebuild objects with sorted keys, whatever map type serde_json was built
/// with (its `preserve_order` feature could be switched on by any crate).
fn sort_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            // Inserted one by one after the shared sort: `collect()` into a
            // map compiles a sort of its own for every element type.
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            crate::sort::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
            let mut sorted = Map::new();
            for (k, v) in entries {
                sorted.insert(k, sort_keys(v));
            }
            Value::Object(sorted)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sort_keys).collect()),
        other => other,
    }
}

/// Parse and validate a backup, reporting every problem with its path.
pub fn import_json(text: &str) -> ImportedBackup {
    if let Some(failed) = oversized_backup(text.len()) {
        return failed;
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str(text) {
        Ok(root) => import_value(root),
        Err(e) => unparsable_backup(&e.to_string()),
    }
}

/// The refusal for a backup of `bytes` bytes, if it is over the limit; checked
/// before parsing so a huge file never becomes a huge tree.
pub fn oversized_backup(bytes: usize) -> Option<ImportedBackup> {
    (bytes > MAX_BACKUP_BYTES).then(|| {
        failed(format!(
            "the file is {bytes} bytes; the limit is {MAX_BACKUP_BYTES}"
        ))
    })
}

/// The result for text that is not JSON; `detail` is the parser's message.
/// (The WASM binding parses with `JSON.parse`, see [`export_value`].)
pub fn unparsable_backup(detail: &str) -> ImportedBackup {
    failed(format!("not valid JSON: {detail}"))
}

fn failed(message: String) -> ImportedBackup {
    ImportedBackup {
        data: None,
        errors: vec![Problem {
            path: String::new(),
            message,
        }],
    }
}

/// Validate a parsed backup.
pub fn import_value(root: Value) -> ImportedBackup {
    let mut errors = Vec::new();
    let data = read_backup(root, &mut errors);
    ImportedBackup {
        data: data.filter(|_| errors.is_empty()),
        errors,
    }
}

fn problem(errors: &mut Vec<Problem>, path: impl Into<String>, message: impl Into<String>) {
    errors.push(Problem {
        path: path.into(),
        message: message.into(),
    });
}

fn read_backup(root: Value, errors: &mut Vec<Problem>) -> Option<BackupData> {
    let Value::Object(mut root) = root else {
        problem(errors, "", "a backup is a JSON object");
        return None;
    };
    match root.remove("format") {
        Some(Value::String(f)) if f == BACKUP_FORMAT => {}
        _ => problem(
            errors,
            "format",
            format!("must be \"{BACKUP_FORMAT}\"; this is not a Glider backup"),
        ),
    }
    match root.remove("version").as_ref().and_then(Value::as_u64) {
        Some(v) if v == u64::from(BACKUP_VERSION) => {}
        Some(v) if v > u64::from(BACKUP_VERSION) => problem(
            errors,
            "version",
            format!("{v} was made by a newer Glider; update the extension"),
        ),
        _ => problem(errors, "version", format!("must be {BACKUP_VERSION}")),
    }
    let projects = read_list(&mut root, "projects", errors, |p: &Project| {
        p.validate().map_err(|e| e.to_string())
    });
    let posts = read_list(&mut root, "posts", errors, |p: &Post| {
        p.validate().map_err(|e| e.to_string())
    });
    let settings = match root.remove("settings") {
        None | Some(Value::Null) => None,
        Some(value) => match decode::<Settings>(&value) {
            Ok(s) => {
                if let Err(e) = s.validate() {
                    problem(errors, "settings", e);
                }
                Some(s)
            }
            Err((path, message)) => {
                problem(errors, join("settings", &path), message);
                None
            }
        },
    };
    for key in root.keys() {
        problem(errors, key.as_str(), "unknown field");
    }
    check_references(&projects, &posts, settings.as_ref(), errors);
    Some(BackupData {
        projects: projects.into_iter().map(|(_, p)| p).collect(),
        posts: posts.into_iter().map(|(_, p)| p).collect(),
        settings,
    })
}

/// Decode `root[field]` element by element so each bad element is reported
/// with its index, and run `validate` on the good ones. Items keep their
/// index in the file for later messages.
fn read_list<T: serde::de::DeserializeOwned>(
    root: &mut Map<String, Value>,
    field: &str,
    errors: &mut Vec<Problem>,
    validate: impl Fn(&T) -> Result<(), String>,
) -> Vec<(usize, T)> {
    let items = match root.remove(field) {
        None => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            problem(errors, field, "must be an array");
            return Vec::new();
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = format!("{field}[{i}]");
        match decode::<T>(item) {
            Ok(value) => {
                if let Err(e) = validate(&value) {
                    problem(errors, at, e);
                }
                out.push((i, value));
            }
            Err((path, message)) => problem(errors, join(&at, &path), message),
        }
    }
    out
}

fn decode<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, (String, String)> {
    if !value.is_object() {
        // Every item of a backup is an object; say so plainly rather than
        // with a type error.
        return Err((String::new(), "must be an object".into()));
    }
    crate::decode::from_value(value).map_err(|e| (e.field().to_string(), e.message))
}

fn join(base: &str, path: &str) -> String {
    match (base.is_empty(), path.is_empty()) {
        (_, true) => base.to_string(),
        (true, false) => path.to_string(),
        (false, false) if path.starts_with('[') => format!("{base}{path}"),
        _ => format!("{base}.{path}"),
    }
}

fn check_references(
    projects: &[(usize, Project)],
    posts: &[(usize, Post)],
    settings: Option<&Settings>,
    errors: &mut Vec<Problem>,
) {
    let mut project_at: HashMap<&str, usize> = HashMap::new();
    for (i, p) in projects {
        let i = *i;
        if let Some(first) = project_at.insert(&p.id, i) {
            problem(
                errors,
                format!("projects[{i}].id"),
                format!("duplicate id {:?} (also projects[{first}])", p.id),
            );
        }
    }
    let mut post_at: HashMap<&str, usize> = HashMap::new();
    for (i, p) in posts {
        let i = *i;
        if let Some(first) = post_at.insert(&p.id, i) {
            problem(
                errors,
                format!("posts[{i}].id"),
                format!("duplicate id {:?} (also posts[{first}])", p.id),
            );
        }
        if !project_at.contains_key(p.project_id.as_str()) {
            problem(
                errors,
                format!("posts[{i}].projectId"),
                format!("no project with id {:?}", p.project_id),
            );
        }
    }
    if let Some(id) = settings.and_then(|s| s.default_project_id.as_deref()) {
        if !project_at.contains_key(id) {
            problem(
                errors,
                "settings.defaultProjectId",
                format!("no project with id {id:?}"),
            );
        }
    }
}

#[cfg(test)]
mod tests;
