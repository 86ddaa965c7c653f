//! v2 → v3: revisions, per-network variants, absolute expiry, typed slots,
//! sharded index.
//!
//! v2 had per-item keys and one `index` record listing every id; per-network
//! text lived in an `overrides` list, expiry was `deleteAfterHours` relative
//! to the publish time, and slots were strings like `"mon 09:30"`.
//!
//! The v2 records are typed serde structs (`deny_unknown_fields`, as v2 was
//! written), for the reasons given in `v1.rs`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{json, quarantine, StorageMap};
use crate::model::{NetworkAccount, Post, PostStatus, Project, Slot};
use crate::storage::records::from_value_with_path;
use crate::storage::records::{Settings, Theme};
use crate::storage::StorageError;

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) enum V2Status {
    Draft,
    Scheduled,
    Published,
    Missed,
    Archived,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct V2Override {
    pub network: String,
    pub text: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct V2Post {
    pub id: String,
    pub project_id: String,
    pub text: String,
    #[serde(default)]
    pub networks: Vec<String>,
    pub status: V2Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_at: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_zone: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<V2Override>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_after_hours: Option<u32>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub links: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct V2Account {
    pub network: String,
    #[serde(default)]
    pub label: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct V2Project {
    pub id: String,
    pub name: String,
    pub color: String,
    pub time_zone: String,
    #[serde(default)]
    pub networks: Vec<V2Account>,
    /// Network id → `"mon 09:30"` strings.
    #[serde(default)]
    pub slots: BTreeMap<String, Vec<String>>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct V2Settings {
    #[serde(default)]
    pub reminder_minutes: u32,
    /// "auto" | "light" | "dark".
    pub theme: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_project_id: Option<String>,
}

impl Default for V2Settings {
    fn default() -> Self {
        V2Settings {
            reminder_minutes: 0,
            theme: "auto".into(),
            default_project_id: None,
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct V2Index {
    pub posts: Vec<String>,
    pub projects: Vec<String>,
}

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
        None => Ok(V2Settings::default()),
        Some(value) => V2Settings::deserialize(&value).map_err(|e| (value, e.to_string())),
    };
    let settings = match settings {
        Ok(s) => s,
        Err((value, reason)) => {
            quarantine(state, warnings, "settings", value, &reason, 2)?;
            V2Settings::default()
        }
    };
    state.insert("settings".into(), json(&convert_settings(settings))?);
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
    let old = from_value_with_path::<V2Post>(value)?;
    if old.id != id {
        return Err(format!(
            "holds id {:?}, which does not match its key",
            old.id
        ));
    }
    let mut variants = BTreeMap::new();
    for o in old.overrides {
        if variants.insert(o.network.clone(), o.text).is_some() {
            warnings.push(format!(
                "{key}: two overrides for {}; kept the last",
                o.network
            ));
        }
    }
    // Expiry was relative to publishing; v3 stores the instant.
    let base = old.published_at.or(old.scheduled_at);
    let expires_at = match (old.delete_after_hours, base) {
        (Some(h), Some(at)) => Some(at.saturating_add(i64::from(h) * 3_600_000)),
        (Some(h), None) => {
            warnings.push(format!(
                "{key}: deleteAfterHours {h} dropped: the post has no time to count from"
            ));
            None
        }
        (None, _) => None,
    };
    let post = Post {
        id: old.id,
        project_id: old.project_id,
        text: old.text,
        variants,
        networks: old.networks,
        status: match old.status {
            V2Status::Draft => PostStatus::Draft,
            V2Status::Scheduled => PostStatus::Scheduled,
            V2Status::Published => PostStatus::Published,
            V2Status::Missed => PostStatus::Missed,
            V2Status::Archived => PostStatus::Archived,
        },
        scheduled_at: old.scheduled_at,
        planned_zone: old.planned_zone,
        expires_at,
        snoozed_until: None,
        reminded_at: None,
        expiry_reminded_at: None,
        published_at: old.published_at,
        published_url: None,
        links: old.links,
        media: Vec::new(),
        tags: old.tags,
        // Added in v4: no v2 post is a thread or was scheduled "anyway".
        thread: None,
        rule_override: None,
        created_at: old.created_at,
        updated_at: old.updated_at,
        revision: 1,
    };
    post.validate().map_err(|e| e.to_string())?;
    serde_json::to_value(post).map_err(|e| e.to_string())
}

fn convert_project(
    id: &str,
    value: &Value,
    warnings: &mut Vec<String>,
    key: &str,
) -> Result<Value, String> {
    let old = from_value_with_path::<V2Project>(value)?;
    if old.id != id {
        return Err(format!(
            "holds id {:?}, which does not match its key",
            old.id
        ));
    }
    let mut slots: BTreeMap<String, Vec<Slot>> = BTreeMap::new();
    for (network, texts) in old.slots {
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
        slots.insert(network, parsed);
    }
    let project = Project {
        id: old.id,
        name: old.name,
        color: old.color,
        time_zone: old.time_zone,
        networks: old
            .networks
            .into_iter()
            .map(|a| NetworkAccount {
                network: a.network,
                label: a.label,
                instance: None,
                char_limit: None,
                premium: false,
            })
            .collect(),
        slots,
        rules: Vec::new(),
        created_at: old.created_at,
        updated_at: old.updated_at,
        revision: 1,
    };
    project.validate().map_err(|e| e.to_string())?;
    serde_json::to_value(project).map_err(|e| e.to_string())
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

fn convert_settings(old: V2Settings) -> Settings {
    Settings {
        default_project_id: old.default_project_id,
        reminder_lead_minutes: old.reminder_minutes,
        theme: match old.theme.as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        },
        revision: 1,
        ..Settings::default()
    }
}
