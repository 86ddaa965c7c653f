//! Record types and decoding with errors that name the record key.

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;

use super::keys::{RecordKey, INDEX_BUCKETS};
use super::{StorageError, SCHEMA_VERSION};
use crate::model::{Post, Project};

/// The `schema` record. Deliberately *not* `deny_unknown_fields`: every
/// version, including older builds after a rollback, must be able to read
/// the version number to refuse data it does not understand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SchemaRecord {
    pub version: u32,
    /// Number of post-index buckets (v3+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_buckets: Option<u8>,
}

impl SchemaRecord {
    pub fn current() -> Self {
        SchemaRecord {
            version: SCHEMA_VERSION,
            index_buckets: Some(INDEX_BUCKETS),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Which side of the page the panel docks on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PanelSide {
    #[default]
    Right,
    Left,
}

/// The panel's state on one site, remembered across visits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PanelPrefs {
    #[serde(default)]
    pub open: bool,
    #[serde(default)]
    pub side: PanelSide,
}

/// User settings (v3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Settings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_project_id: Option<String>,
    /// Show the publish reminder this many minutes early.
    #[serde(default)]
    pub reminder_lead_minutes: u32,
    /// Default snooze length.
    #[serde(default = "default_snooze")]
    pub snooze_minutes: u32,
    #[serde(default)]
    pub theme: Theme,
    /// First day of the calendar week, 0 = Monday .. 6 = Sunday.
    #[serde(default)]
    pub week_starts_on: u8,
    /// Panel state per site host ("x.com"). Additive within v3: older
    /// records simply lack it.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub panels: std::collections::BTreeMap<String, PanelPrefs>,
    #[serde(default)]
    pub revision: u64,
}

fn default_snooze() -> u32 {
    10
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            default_project_id: None,
            reminder_lead_minutes: 0,
            snooze_minutes: default_snooze(),
            theme: Theme::System,
            week_starts_on: 0,
            panels: Default::default(),
            revision: 0,
        }
    }
}

impl Settings {
    pub fn validate(&self) -> Result<(), String> {
        const WEEK_MINUTES: u32 = 7 * 24 * 60;
        if self.week_starts_on > 6 {
            return Err(format!("weekStartsOn {} is not 0..=6", self.week_starts_on));
        }
        if self.reminder_lead_minutes > WEEK_MINUTES {
            return Err("reminderLeadMinutes is more than a week".into());
        }
        if !(1..=WEEK_MINUTES).contains(&self.snooze_minutes) {
            return Err("snoozeMinutes must be 1 minute to 1 week".into());
        }
        Ok(())
    }
}

/// A sorted, duplicate-free list of ids (the project index or one post bucket).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IndexRecord {
    pub ids: Vec<String>,
    #[serde(default)]
    pub revision: u64,
}

impl IndexRecord {
    /// Insert keeping the list sorted; false if it was already there.
    pub fn insert(&mut self, id: &str) -> bool {
        match self.ids.binary_search_by(|x| x.as_str().cmp(id)) {
            Ok(_) => false,
            Err(pos) => {
                self.ids.insert(pos, id.to_string());
                true
            }
        }
    }

    pub fn remove(&mut self, id: &str) -> bool {
        match self.ids.binary_search_by(|x| x.as_str().cmp(id)) {
            Ok(pos) => {
                self.ids.remove(pos);
                true
            }
            Err(_) => false,
        }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.binary_search_by(|x| x.as_str().cmp(id)).is_ok()
    }
}

/// A record a migration could not convert, kept verbatim so nothing is lost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Quarantined {
    /// The key the value was stored under.
    pub key: String,
    pub value: Value,
    pub reason: String,
    /// The schema version the value was written by.
    pub schema_version: u32,
}

/// A decoded record. Serialises as `{"kind": "...", "value": {...}}` so JS can
/// switch on `kind`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum Record {
    Schema(SchemaRecord),
    Settings(Settings),
    Index(IndexRecord),
    Post(Box<Post>),
    Project(Box<Project>),
    Quarantined(Box<Quarantined>),
}

/// Decode the value stored under `key`, checking its shape, model rules and
/// that its id matches the key. Never panics.
pub fn decode_record(key: &str, value: &Value) -> Result<Record, StorageError> {
    let parsed = RecordKey::parse(key)?;
    decode_parsed(&parsed, value)
}

/// Decode a record from raw JSON text (e.g. a dump), so truncated or
/// malformed text is reported against its key.
pub fn decode_record_text(key: &str, text: &str) -> Result<Record, StorageError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| StorageError::corrupt(key, format!("malformed JSON: {e}")))?;
    decode_record(key, &value)
}

pub(crate) fn decode_parsed(key: &RecordKey, value: &Value) -> Result<Record, StorageError> {
    let invalid = |reason: String| StorageError::Invalid {
        key: key.to_string(),
        reason,
    };
    // A stored record is always an object; anything else (crate::decode
    // refuses a struct written as an array too) gets this plain message
    // rather than a type error.
    if !value.is_object() {
        return Err(StorageError::corrupt(key, "stored value is not an object"));
    }
    let record = match key {
        RecordKey::Schema => {
            let schema: SchemaRecord = typed(key, value)?;
            if schema.version == 0 {
                return Err(invalid("version 0 does not exist".into()));
            }
            Record::Schema(schema)
        }
        RecordKey::Settings => {
            let settings: Settings = typed(key, value)?;
            settings.validate().map_err(invalid)?;
            Record::Settings(settings)
        }
        RecordKey::ProjectIndex | RecordKey::PostIndex(_) => {
            let index: IndexRecord = typed(key, value)?;
            let sorted = index.ids.windows(2).all(|w| w[0] < w[1]);
            if !sorted || index.ids.iter().any(String::is_empty) {
                return Err(invalid("ids must be non-empty, sorted and unique".into()));
            }
            Record::Index(index)
        }
        RecordKey::Post(id) => {
            let post: Post = typed(key, value)?;
            check_id(key, id, &post.id)?;
            post.validate().map_err(|e| invalid(e.to_string()))?;
            Record::Post(Box::new(post))
        }
        RecordKey::Project(id) => {
            let project: Project = typed(key, value)?;
            check_id(key, id, &project.id)?;
            project.validate().map_err(|e| invalid(e.to_string()))?;
            Record::Project(Box::new(project))
        }
        RecordKey::Quarantine(_) => Record::Quarantined(Box::new(typed(key, value)?)),
    };
    Ok(record)
}

/// Encode a record as the JSON value to store.
pub fn encode_record(record: &Record) -> Result<Value, StorageError> {
    let value = match record {
        Record::Schema(r) => serde_json::to_value(r),
        Record::Settings(r) => serde_json::to_value(r),
        Record::Index(r) => serde_json::to_value(r),
        Record::Post(r) => serde_json::to_value(r),
        Record::Project(r) => serde_json::to_value(r),
        Record::Quarantined(r) => serde_json::to_value(r),
    };
    // Serialising these plain structs cannot fail (string keys only), but a
    // failure must still not panic.
    value.map_err(|e| StorageError::corrupt("(encode)", e))
}

/// Deserialize with the failing field's path in the message.
pub(crate) fn typed<T: DeserializeOwned>(
    key: &RecordKey,
    value: &Value,
) -> Result<T, StorageError> {
    from_value_with_path(value).map_err(|reason| StorageError::corrupt(key, reason))
}

/// `serde_json::from_value` whose error starts with the field path
/// (`"variants.x: invalid type ..."`), borrowing instead of consuming.
pub(crate) fn from_value_with_path<T: DeserializeOwned>(value: &Value) -> Result<T, String> {
    crate::decode::from_value(value).map_err(|e| e.to_string())
}

fn check_id(key: &RecordKey, expected: &str, found: &str) -> Result<(), StorageError> {
    if expected == found {
        Ok(())
    } else {
        Err(StorageError::KeyMismatch {
            key: key.to_string(),
            found: found.to_string(),
        })
    }
}
