//! A project (workspace): where posts go, when, and how often.

use serde::{Deserialize, Serialize};

use super::{check_text, parse_zone, ModelError};

/// One network a project posts to, with the account it posts as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NetworkAccount {
    /// Network id as used by `crate::networks` ("x", "mastodon", ...).
    pub network: String,
    /// Free label, e.g. "@glider".
    #[serde(default)]
    pub label: String,
    /// Mastodon (and other federated) instance host, e.g. "mastodon.social".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// Instance-specific character limit (Mastodon instances differ).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_limit: Option<u32>,
    /// X only: the account has X Premium, so its posts may be 25,000
    /// weighted characters (counted and split with `xPremium`). Storage v5;
    /// absent means a free account.
    #[serde(default, skip_serializing_if = "is_false")]
    pub premium: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A weekly slot: local wall-clock time in the project's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Slot {
    /// 0 = Monday .. 6 = Sunday (ISO order, as chrono's `num_days_from_monday`).
    pub weekday: u8,
    /// Minutes after local midnight, 0..1440 (09:30 = 570).
    pub minute: u16,
}

/// Local hours in which nothing is scheduled (e.g. 22:00–07:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QuietHours {
    /// Start minute of day (inclusive).
    pub start: u16,
    /// End minute of day (exclusive); may be less than `start` (wraps midnight).
    pub end: u16,
}

/// Frequency rules for one network of a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FrequencyRule {
    pub network: String,
    /// Minimum minutes between two posts on this network (0 = no rule).
    #[serde(default)]
    pub min_gap_minutes: u32,
    /// Maximum posts per local calendar day (0 = unlimited).
    #[serde(default)]
    pub max_per_day: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiet_hours: Option<QuietHours>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Project {
    pub id: String,
    pub name: String,
    /// "#rrggbb".
    #[serde(default = "default_colour")]
    pub color: String,
    /// IANA zone name; slots are wall-clock times in this zone.
    pub time_zone: String,
    #[serde(default)]
    pub networks: Vec<NetworkAccount>,
    /// Weekly slots per network id.
    #[serde(default)]
    pub slots: std::collections::BTreeMap<String, Vec<Slot>>,
    #[serde(default)]
    pub rules: Vec<FrequencyRule>,
    pub created_at: i64,
    pub updated_at: i64,
    #[serde(default)]
    pub revision: u64,
}

fn default_colour() -> String {
    "#4f7cff".to_string()
}

impl Project {
    /// A new project with no networks, slots or rules.
    pub fn new(id: &str, name: &str, time_zone: &str, now_ms: i64) -> Result<Self, ModelError> {
        let project = Project {
            id: id.to_string(),
            name: name.to_string(),
            color: default_colour(),
            time_zone: time_zone.to_string(),
            networks: Vec::new(),
            slots: Default::default(),
            rules: Vec::new(),
            created_at: now_ms,
            updated_at: now_ms,
            revision: 0,
        };
        project.validate()?;
        Ok(project)
    }

    /// The project's zone; fails only if `time_zone` was never validated.
    pub fn zone(&self) -> Result<crate::tz::Zone, ModelError> {
        parse_zone(&self.time_zone)
    }

    /// The frequency rule for a network, if any.
    pub fn rule_for(&self, network: &str) -> Option<&FrequencyRule> {
        self.rules.iter().find(|r| r.network == network)
    }

    pub fn validate(&self) -> Result<(), ModelError> {
        if self.id.is_empty() {
            return Err(ModelError::Empty { field: "id" });
        }
        if self.name.trim().is_empty() {
            return Err(ModelError::Empty { field: "name" });
        }
        check_text("name", &self.name, 200)?;
        parse_zone(&self.time_zone)?;
        let c = self.color.as_bytes();
        if c.len() != 7 || c[0] != b'#' || !c[1..].iter().all(u8::is_ascii_hexdigit) {
            return Err(ModelError::BadColour(self.color.clone()));
        }
        for slot in self.slots.values().flatten() {
            if slot.weekday > 6 {
                return Err(ModelError::BadWeekday(slot.weekday));
            }
            if slot.minute >= 1440 {
                return Err(ModelError::BadSlotTime(slot.minute));
            }
        }
        for q in self.rules.iter().filter_map(|r| r.quiet_hours) {
            for m in [q.start, q.end] {
                if m > 1440 {
                    return Err(ModelError::BadSlotTime(m));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_project_validates_zone_and_name() {
        assert!(Project::new("p1", "Blog", "Europe/Berlin", 0).is_ok());
        assert_eq!(
            Project::new("p1", "Blog", "Mars/Olympus", 0),
            Err(ModelError::UnknownTimeZone("Mars/Olympus".into()))
        );
        assert_eq!(
            Project::new("p1", "  ", "UTC", 0),
            Err(ModelError::Empty { field: "name" })
        );
    }

    #[test]
    fn bad_slot_and_colour_are_rejected() {
        let mut p = Project::new("p1", "Blog", "UTC", 0).unwrap();
        p.slots.insert(
            "x".into(),
            vec![Slot {
                weekday: 7,
                minute: 0,
            }],
        );
        assert_eq!(p.validate(), Err(ModelError::BadWeekday(7)));
        p.slots.insert(
            "x".into(),
            vec![Slot {
                weekday: 0,
                minute: 1440,
            }],
        );
        assert_eq!(p.validate(), Err(ModelError::BadSlotTime(1440)));
        p.slots.clear();
        p.color = "red".into();
        assert_eq!(p.validate(), Err(ModelError::BadColour("red".into())));
    }

    #[test]
    fn premium_is_optional_and_written_only_when_set() {
        let json = r#"{"id":"p","name":"n","timeZone":"UTC","createdAt":0,"updatedAt":0,
            "networks":[{"network":"x","label":"@a","premium":true},{"network":"bluesky"}]}"#;
        let p: Project = serde_json::from_str(json).unwrap();
        assert!(p.networks[0].premium && !p.networks[1].premium);
        let back = serde_json::to_value(&p).unwrap();
        assert_eq!(back["networks"][0]["premium"], true);
        assert!(back["networks"][1].get("premium").is_none());
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let json = r#"{"id":"p","name":"n","timeZone":"UTC","createdAt":0,"updatedAt":0,"evil":1}"#;
        assert!(serde_json::from_str::<Project>(json).is_err());
    }
}
