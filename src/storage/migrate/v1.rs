//! v1 → v2: split the single `glider` blob into per-item keys.
//!
//! v1 (the first release) kept everything in one `glider` value, with times in
//! *seconds*, `body`/`project`/`scheduledTime`/`tz` field names, statuses
//! `queued`/`sent`/`failed` and tags as one comma-separated string.
//!
//! The old shapes are typed serde structs: migrations touch user data once
//! and must get it right, and serde's derive states each field's rule
//! (required, optional, defaulted, unknown fields allowed or not) where the
//! field is declared, instead of in hand-written readers. Their cost was
//! WASM size only, which no longer counts (issue 13).

use serde::Deserialize;
use serde_json::Value;

use super::v2::{V2Account, V2Index, V2Post, V2Project, V2Settings, V2Status};
use super::{json, quarantine, secs_to_ms, StorageMap};
use crate::storage::records::from_value_with_path;
use crate::storage::StorageError;

pub(super) const BLOB_KEY: &str = "glider";

#[derive(Deserialize)]
struct Blob {
    #[serde(default)]
    settings: Option<Value>,
    #[serde(default)]
    projects: Vec<Value>,
    #[serde(default)]
    posts: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Settings {
    #[serde(default)]
    reminder_minutes: u32,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    default_project: Option<String>,
}

#[derive(Deserialize)]
struct Project {
    id: String,
    name: String,
    timezone: String,
    #[serde(default)]
    color: Option<String>,
    #[serde(default)]
    networks: Vec<String>,
    created: i64,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum Status {
    Draft,
    Queued,
    Sent,
    Failed,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Post {
    id: String,
    project: String,
    body: String,
    #[serde(default)]
    networks: Vec<String>,
    status: Status,
    /// Seconds since the epoch; 0 meant "not scheduled" in v1.
    #[serde(default)]
    scheduled_time: Option<i64>,
    #[serde(default)]
    tz: Option<String>,
    #[serde(default)]
    tags: String,
    #[serde(default)]
    link: Option<String>,
    created: i64,
    #[serde(default)]
    modified: Option<i64>,
}

pub(super) fn to_v2(
    state: &mut StorageMap,
    warnings: &mut Vec<String>,
) -> Result<(), StorageError> {
    let Some(blob_value) = state.remove(BLOB_KEY) else {
        return Err(StorageError::corrupt(BLOB_KEY, "missing"));
    };
    let blob: Blob = match Blob::deserialize(&blob_value) {
        Ok(blob) => blob,
        Err(e) => {
            // The whole blob is unreadable: keep it verbatim for support.
            quarantine(state, warnings, BLOB_KEY, blob_value, &e.to_string(), 1)?;
            Blob {
                settings: None,
                projects: Vec::new(),
                posts: Vec::new(),
            }
        }
    };
    let mut index = V2Index::default();
    for (i, value) in blob.projects.into_iter().enumerate() {
        match convert_project(&value) {
            Ok(p) if state.contains_key(&format!("project:{}", p.id)) => {
                let key = format!("project:{}", p.id);
                quarantine(state, warnings, &key, value, "duplicate id", 1)?;
            }
            Ok(p) => {
                index.projects.push(p.id.clone());
                state.insert(format!("project:{}", p.id), json(&p)?);
            }
            Err(reason) => {
                let key = item_key("project", &value, i);
                quarantine(state, warnings, &key, value, &reason, 1)?;
            }
        }
    }
    for (i, value) in blob.posts.into_iter().enumerate() {
        match convert_post(&value) {
            Ok(p) if state.contains_key(&format!("post:{}", p.id)) => {
                let key = format!("post:{}", p.id);
                quarantine(state, warnings, &key, value, "duplicate id", 1)?;
            }
            Ok(p) => {
                index.posts.push(p.id.clone());
                state.insert(format!("post:{}", p.id), json(&p)?);
            }
            Err(reason) => {
                let key = item_key("post", &value, i);
                quarantine(state, warnings, &key, value, &reason, 1)?;
            }
        }
    }
    let settings = blob
        .settings
        .and_then(|v| Settings::deserialize(&v).ok())
        .map(|s| V2Settings {
            reminder_minutes: s.reminder_minutes,
            theme: s.theme.unwrap_or_else(|| "auto".into()),
            default_project_id: s.default_project,
        })
        .unwrap_or_default();
    state.insert("settings".into(), json(&settings)?);
    state.insert("index".into(), json(&index)?);
    state.insert("schema".into(), serde_json::json!({ "version": 2 }));
    Ok(())
}

/// `post:<id>` when the item has a usable id, else its position in the blob.
fn item_key(kind: &str, value: &Value, i: usize) -> String {
    match value.get("id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => format!("{kind}:{id}"),
        _ => format!("glider/{kind}s/{i}"),
    }
}

fn convert_project(value: &Value) -> Result<V2Project, String> {
    let p = from_value_with_path::<Project>(value)?;
    let created = secs_to_ms(p.created).ok_or("created is out of range")?;
    Ok(V2Project {
        id: non_empty(p.id)?,
        name: p.name,
        color: p.color.unwrap_or_else(|| "#4f7cff".into()),
        time_zone: p.timezone,
        networks: p
            .networks
            .into_iter()
            .map(|network| V2Account {
                network,
                label: String::new(),
            })
            .collect(),
        slots: Default::default(),
        created_at: created,
        updated_at: created,
    })
}

fn convert_post(value: &Value) -> Result<V2Post, String> {
    let p = from_value_with_path::<Post>(value)?;
    let ms = |secs: i64, field: &str| secs_to_ms(secs).ok_or(format!("{field} is out of range"));
    let scheduled_at = match p.scheduled_time {
        Some(0) | None => None,
        Some(s) => Some(ms(s, "scheduledTime")?),
    };
    let created_at = ms(p.created, "created")?;
    let updated_at = match p.modified {
        Some(m) => ms(m, "modified")?,
        None => created_at,
    };
    let status = match p.status {
        Status::Draft => V2Status::Draft,
        Status::Queued => V2Status::Scheduled,
        Status::Sent => V2Status::Published,
        Status::Failed => V2Status::Missed,
    };
    // v1 had no publish time; the schedule is the best record of it.
    let published_at = matches!(status, V2Status::Published)
        .then_some(scheduled_at)
        .flatten();
    let tags = p
        .tags
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    Ok(V2Post {
        id: non_empty(p.id)?,
        project_id: p.project,
        text: p.body,
        networks: p.networks,
        status,
        scheduled_at,
        planned_zone: p.tz.filter(|z| !z.is_empty()),
        overrides: Vec::new(),
        delete_after_hours: None,
        tags,
        links: p.link.into_iter().filter(|l| !l.is_empty()).collect(),
        published_at,
        created_at,
        updated_at,
    })
}

fn non_empty(id: String) -> Result<String, String> {
    if id.is_empty() {
        Err("empty id".into())
    } else {
        Ok(id)
    }
}
