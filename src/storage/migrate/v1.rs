//! v1 → v2: split the single `glider` blob into per-item keys.
//!
//! v1 (the first release) kept everything in one `glider` value, with times in
//! *seconds*, `body`/`project`/`scheduledTime`/`tz` field names, statuses
//! `queued`/`sent`/`failed` and tags as one comma-separated string. v1 readers
//! ignored unknown fields, so these do too.
//!
//! The v2 records written here are checked by the v2 → v3 step, which decodes
//! them through the current types.

use serde_json::Value;

use super::fields::{object, object_of, optional, or_default, required, unknown_variant, Object};
use super::{quarantine, secs_to_ms, StorageMap};
use crate::storage::StorageError;

pub(super) const BLOB_KEY: &str = "glider";

const STATUSES: &[&str] = &["draft", "queued", "sent", "failed"];

/// One item converted to v2: its id and its v2 record.
type Converted = Result<(String, Value), String>;

/// The parts of the blob that are converted (v1 ignored other fields).
struct Blob {
    settings: Option<Value>,
    projects: Vec<Value>,
    posts: Vec<Value>,
}

pub(super) fn to_v2(
    state: &mut StorageMap,
    warnings: &mut Vec<String>,
) -> Result<(), StorageError> {
    let Some(blob_value) = state.remove(BLOB_KEY) else {
        return Err(StorageError::corrupt(BLOB_KEY, "missing"));
    };
    let blob = match read_blob(&blob_value) {
        Ok(blob) => blob,
        Err(reason) => {
            // The whole blob is unreadable: keep it verbatim for support.
            quarantine(state, warnings, BLOB_KEY, blob_value, &reason, 1)?;
            Blob {
                settings: None,
                projects: Vec::new(),
                posts: Vec::new(),
            }
        }
    };
    let projects = split_out(state, warnings, "project", blob.projects, convert_project)?;
    let posts = split_out(state, warnings, "post", blob.posts, convert_post)?;
    state.insert("settings".into(), convert_settings(blob.settings.as_ref()));
    let index = object_of(vec![("posts", posts.into()), ("projects", projects.into())]);
    state.insert("index".into(), index);
    state.insert("schema".into(), serde_json::json!({ "version": 2 }));
    Ok(())
}

fn read_blob(blob: &Value) -> Result<Blob, String> {
    let blob = object(blob)?;
    Ok(Blob {
        settings: blob.get("settings").filter(|s| !s.is_null()).cloned(),
        projects: or_default(blob, "projects")?,
        posts: or_default(blob, "posts")?,
    })
}

/// Store each item under `<kind>:<id>`, quarantining the unconvertible and
/// duplicates; the ids stored, in blob order.
fn split_out(
    state: &mut StorageMap,
    warnings: &mut Vec<String>,
    kind: &str,
    items: Vec<Value>,
    convert: fn(&Object) -> Converted,
) -> Result<Vec<String>, StorageError> {
    let mut ids = Vec::new();
    for (i, value) in items.into_iter().enumerate() {
        match object(&value).and_then(convert) {
            Ok((id, _)) if state.contains_key(&format!("{kind}:{id}")) => {
                let key = format!("{kind}:{id}");
                quarantine(state, warnings, &key, value, "duplicate id", 1)?;
            }
            Ok((id, converted)) => {
                state.insert(format!("{kind}:{id}"), converted);
                ids.push(id);
            }
            Err(reason) => {
                let key = item_key(kind, &value, i);
                quarantine(state, warnings, &key, value, &reason, 1)?;
            }
        }
    }
    Ok(ids)
}

/// `post:<id>` when the item has a usable id, else its position in the blob.
fn item_key(kind: &str, value: &Value, i: usize) -> String {
    match value.get("id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => format!("{kind}:{id}"),
        _ => format!("glider/{kind}s/{i}"),
    }
}

fn convert_project(p: &Object) -> Converted {
    let id: String = required(p, "id")?;
    let name: String = required(p, "name")?;
    let time_zone: String = required(p, "timezone")?;
    let color: Option<String> = optional(p, "color")?;
    let networks: Vec<String> = or_default(p, "networks")?;
    let created: i64 = required(p, "created")?;
    let created = secs_to_ms(created).ok_or("created is out of range")?;
    let id = non_empty(id)?;
    let accounts: Vec<Value> = networks
        .into_iter()
        .map(|network| object_of(vec![("network", network.into()), ("label", "".into())]))
        .collect();
    let project = object_of(vec![
        ("id", id.clone().into()),
        ("name", name.into()),
        ("color", color.unwrap_or_else(|| "#4f7cff".into()).into()),
        ("timeZone", time_zone.into()),
        ("networks", accounts.into()),
        ("slots", Value::Object(Object::new())),
        ("createdAt", created.into()),
        ("updatedAt", created.into()),
    ]);
    Ok((id, project))
}

fn convert_post(p: &Object) -> Converted {
    let id: String = required(p, "id")?;
    let project: String = required(p, "project")?;
    let body: String = required(p, "body")?;
    let networks: Vec<String> = or_default(p, "networks")?;
    let status = match required::<String>(p, "status")?.as_str() {
        "draft" => "draft",
        "queued" => "scheduled",
        "sent" => "published",
        "failed" => "missed",
        other => return Err(unknown_variant("status", other, STATUSES)),
    };
    // Seconds since the epoch; 0 meant "not scheduled" in v1.
    let scheduled_time: Option<i64> = optional(p, "scheduledTime")?;
    let tz: Option<String> = optional(p, "tz")?;
    let tags: String = or_default(p, "tags")?;
    let link: Option<String> = optional(p, "link")?;
    let created: i64 = required(p, "created")?;
    let modified: Option<i64> = optional(p, "modified")?;

    let ms = |secs: i64, field: &str| secs_to_ms(secs).ok_or(format!("{field} is out of range"));
    let scheduled_at = match scheduled_time {
        Some(0) | None => None,
        Some(s) => Some(ms(s, "scheduledTime")?),
    };
    let created_at = ms(created, "created")?;
    let updated_at = match modified {
        Some(m) => ms(m, "modified")?,
        None => created_at,
    };
    // v1 had no publish time; the schedule is the best record of it.
    let published_at = (status == "published").then_some(scheduled_at).flatten();
    let mut tag_list: Vec<Value> = Vec::new();
    for tag in tags.split(',').map(str::trim) {
        if !tag.is_empty() {
            tag_list.push(tag.into());
        }
    }
    let links: Vec<String> = link.into_iter().filter(|l| !l.is_empty()).collect();
    let id = non_empty(id)?;
    let post = object_of(vec![
        ("id", id.clone().into()),
        ("projectId", project.into()),
        ("text", body.into()),
        ("networks", networks.into()),
        ("status", status.into()),
        ("scheduledAt", scheduled_at.into()),
        ("plannedZone", tz.filter(|z| !z.is_empty()).into()),
        ("tags", tag_list.into()),
        ("links", links.into()),
        ("publishedAt", published_at.into()),
        ("createdAt", created_at.into()),
        ("updatedAt", updated_at.into()),
    ]);
    Ok((id, post))
}

/// v1 read its settings leniently: any unreadable field means all defaults.
fn convert_settings(settings: Option<&Value>) -> Value {
    let read = |s: &Value| -> Result<_, String> {
        let s = object(s)?;
        let reminder: u32 = or_default(s, "reminderMinutes")?;
        let theme: Option<String> = optional(s, "theme")?;
        let default_project: Option<String> = optional(s, "defaultProject")?;
        Ok((reminder, theme, default_project))
    };
    let (reminder, theme, default_project) = settings
        .and_then(|s| read(s).ok())
        .unwrap_or((0, None, None));
    object_of(vec![
        ("reminderMinutes", reminder.into()),
        ("theme", theme.unwrap_or_else(|| "auto".into()).into()),
        ("defaultProjectId", default_project.into()),
    ])
}

fn non_empty(id: String) -> Result<String, String> {
    if id.is_empty() {
        Err("empty id".into())
    } else {
        Ok(id)
    }
}
