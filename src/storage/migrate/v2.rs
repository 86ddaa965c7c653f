//! v2 → v3: revisions, per-network variants, absolute expiry, typed slots,
//! sharded index.
//!
//! v2 had per-item keys and one `index` record listing every id; per-network
//! text lived in an `overrides` list, expiry was `deleteAfterHours` relative
//! to the publish time, and slots were strings like `"mon 09:30"`.
//!
//! v2 records were `deny_unknown_fields`. Each record is checked against its
//! v2 field list, the fields v3 reshaped are taken out and read by hand, and
//! the rest (same names and types in v3) is decoded through the current type,
//! whose decoder the WASM carries anyway for ordinary storage reads.

use serde_json::Value;

use super::fields::{
    deny_unknown, object, optional, or_default, read, required, unknown_variant, Object,
};
use super::{json, quarantine, StorageMap};
use crate::model::{Post, Project, Slot};
use crate::storage::records::{from_value_with_path, Settings, Theme};
use crate::storage::StorageError;

const POST_FIELDS: &[&str] = &[
    "id",
    "projectId",
    "text",
    "networks",
    "status",
    "scheduledAt",
    "plannedZone",
    "overrides",
    "deleteAfterHours",
    "tags",
    "links",
    "publishedAt",
    "createdAt",
    "updatedAt",
];
/// v3 added `expired`.
const POST_STATUSES: &[&str] = &["draft", "scheduled", "published", "missed", "archived"];
const PROJECT_FIELDS: &[&str] = &[
    "id",
    "name",
    "color",
    "timeZone",
    "networks",
    "slots",
    "createdAt",
    "updatedAt",
];

pub(super) fn to_v3(
    state: &mut StorageMap,
    warnings: &mut Vec<String>,
) -> Result<(), StorageError> {
    let keys: Vec<String> = state
        .keys()
        .filter(|k| k.starts_with("post:") || k.starts_with("project:"))
        .cloned()
        .collect();
    for key in keys {
        let Some(value) = state.remove(&key) else {
            continue;
        };
        let converted = match key.split_once(':') {
            Some(("post", id)) => convert_post(id, &value, warnings, &key),
            Some((_, id)) => convert_project(id, &value, warnings, &key),
            None => Err("unreadable key".to_string()),
        };
        match converted {
            Ok(new_value) => {
                state.insert(key, new_value);
            }
            Err(reason) => quarantine(state, warnings, &key, value, &reason, 2)?,
        }
    }
    let settings = match state.remove("settings") {
        None => Settings::default(),
        Some(value) => match convert_settings(&value) {
            Ok(settings) => settings,
            Err(reason) => {
                quarantine(state, warnings, "settings", value, &reason, 2)?;
                Settings::default()
            }
        },
    };
    let settings = Settings {
        revision: 1,
        ..settings
    };
    state.insert("settings".into(), json(&settings)?);
    // The single index is replaced by records rebuilt from the items.
    state.remove("index");
    Ok(())
}

fn convert_post(
    id: &str,
    value: &Value,
    warnings: &mut Vec<String>,
    key: &str,
) -> Result<Value, String> {
    let mut fields = object(value)?.clone();
    deny_unknown(&fields, POST_FIELDS)?;
    // By hand: the v3 decoder would also accept `expired`.
    if let Some(Value::String(status)) = fields.get("status") {
        if !POST_STATUSES.contains(&status.as_str()) {
            return Err(unknown_variant("status", status, POST_STATUSES));
        }
    }
    let overrides = match fields.remove("overrides") {
        None => Vec::new(),
        Some(list) => read_overrides(&list)?,
    };
    let delete_after_hours: Option<u32> = optional(&fields, "deleteAfterHours")?;
    fields.remove("deleteAfterHours");
    let mut post: Post = from_value_with_path(&Value::Object(fields))?;
    check_id(id, &post.id)?;

    for (network, text) in overrides {
        if post.variants.insert(network.clone(), text).is_some() {
            warnings.push(format!("{key}: two overrides for {network}; kept the last"));
        }
    }
    // Expiry was relative to publishing; v3 stores the instant.
    let base = post.published_at.or(post.scheduled_at);
    post.expires_at = match (delete_after_hours, base) {
        (Some(h), Some(at)) => Some(at.saturating_add(i64::from(h) * 3_600_000)),
        (Some(h), None) => {
            warnings.push(format!(
                "{key}: deleteAfterHours {h} dropped: the post has no time to count from"
            ));
            None
        }
        (None, _) => None,
    };
    post.revision = 1;
    post.validate().map_err(|e| e.to_string())?;
    serde_json::to_value(post).map_err(|e| e.to_string())
}

/// `[{"network", "text"}]` → (network, text) pairs, in order.
fn read_overrides(list: &Value) -> Result<Vec<(String, String)>, String> {
    let list: Vec<Value> = read("overrides", list)?;
    let mut pairs = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let pair = object(item).and_then(|o| {
            deny_unknown(o, &["network", "text"])?;
            Ok((required(o, "network")?, required(o, "text")?))
        });
        pairs.push(pair.map_err(|e| format!("overrides[{i}]: {e}"))?);
    }
    Ok(pairs)
}

fn convert_project(
    id: &str,
    value: &Value,
    warnings: &mut Vec<String>,
    key: &str,
) -> Result<Value, String> {
    let mut fields = object(value)?.clone();
    deny_unknown(&fields, PROJECT_FIELDS)?;
    // v3 defaults a missing colour; v2 required one.
    if !fields.contains_key("color") {
        return Err("missing field `color`".into());
    }
    // v3 accounts may have `instance` and `charLimit`; v2 accounts may not.
    if let Some(Value::Array(accounts)) = fields.get("networks") {
        for (i, account) in accounts.iter().enumerate() {
            object(account)
                .and_then(|a| deny_unknown(a, &["network", "label"]))
                .map_err(|e| format!("networks[{i}]: {e}"))?;
        }
    }
    let slots = match fields.remove("slots") {
        None => Vec::new(),
        Some(slots) => read_slots(&slots)?,
    };
    let mut project: Project = from_value_with_path(&Value::Object(fields))?;
    check_id(id, &project.id)?;

    for (network, texts) in slots {
        let mut parsed: Vec<Slot> = Vec::new();
        for text in texts {
            match parse_slot(&text) {
                Some(slot) => parsed.push(slot),
                // A slot is a preference, not content: dropping one bad
                // string beats quarantining the whole project.
                None => warnings.push(format!(
                    "{key}: slot {text:?} for {network} is unreadable; dropped"
                )),
            }
        }
        crate::sort::sort(&mut parsed);
        parsed.dedup();
        project.slots.insert(network, parsed);
    }
    project.revision = 1;
    project.validate().map_err(|e| e.to_string())?;
    serde_json::to_value(project).map_err(|e| e.to_string())
}

/// Network id → `"mon 09:30"` strings, in network order.
fn read_slots(slots: &Value) -> Result<Vec<(String, Vec<String>)>, String> {
    let slots = object(slots).map_err(|e| format!("slots: {e}"))?;
    let mut out = Vec::with_capacity(slots.len());
    for (network, texts) in slots {
        out.push((network.clone(), read(&format!("slots.{network}"), texts)?));
    }
    Ok(out)
}

fn check_id(expected: &str, found: &str) -> Result<(), String> {
    if expected == found {
        Ok(())
    } else {
        Err(format!("holds id {found:?}, which does not match its key"))
    }
}

/// `"mon 09:30"` → Monday, minute 570.
fn parse_slot(text: &str) -> Option<Slot> {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let (day, time) = text.trim().split_once(' ')?;
    let weekday = DAYS.iter().position(|d| d.eq_ignore_ascii_case(day))?;
    let (h, m) = time.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    if h >= 24 || m >= 60 {
        return None;
    }
    Some(Slot {
        weekday: u8::try_from(weekday).ok()?,
        minute: h * 60 + m,
    })
}

/// v2 settings (`deny_unknown_fields`; `theme` required) → v3.
fn convert_settings(value: &Value) -> Result<Settings, String> {
    let s: &Object = object(value)?;
    deny_unknown(s, &["reminderMinutes", "theme", "defaultProjectId"])?;
    let reminder_lead_minutes: u32 = or_default(s, "reminderMinutes")?;
    let theme: String = required(s, "theme")?;
    Ok(Settings {
        default_project_id: optional(s, "defaultProjectId")?,
        reminder_lead_minutes,
        theme: match theme.as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        },
        ..Settings::default()
    })
}
