//! A post: the text, where it goes, when, and what happened to it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{check_text, check_time, ModelError, MAX_TEXT_BYTES};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PostStatus {
    Draft,
    Scheduled,
    Published,
    /// Its time passed while nobody acted on the reminder.
    Missed,
    /// Its expiry ("delete after") time passed.
    Expired,
    Archived,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Post {
    pub id: String,
    pub project_id: String,
    /// Base text, used for every network without a variant.
    pub text: String,
    /// Per-network text variants, keyed by network id.
    #[serde(default)]
    pub variants: BTreeMap<String, String>,
    /// Network ids this post goes to.
    #[serde(default)]
    pub networks: Vec<String>,
    pub status: PostStatus,
    /// When to publish (UTC ms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_at: Option<i64>,
    /// The IANA zone the time was planned in, so the UI can show "09:00 Berlin"
    /// even when the browser's zone changed since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_zone: Option<String>,
    /// Remind the user to delete the post at this time (UTC ms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<i64>,
    /// A snoozed reminder fires at this time instead of `scheduled_at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snoozed_until: Option<i64>,
    /// When the publish reminder was shown; a reminder is shown once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminded_at: Option<i64>,
    /// When the expiry reminder was shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_reminded_at: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<i64>,
    /// Where the published post lives, if known (for expiry: "open it").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_url: Option<String>,
    #[serde(default)]
    pub links: Vec<String>,
    #[serde(default)]
    pub media: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Kept as a thread: the parts to post one after another (since schema v4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread: Option<Thread>,
    /// The user scheduled this post although the project's rules refused the
    /// time ("schedule anyway"); cleared when the post gets a time the rules
    /// allow (since schema v4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_override: Option<RuleOverride>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Optimistic-concurrency revision: every accepted write increments it;
    /// a write based on an older revision is a conflict.
    #[serde(default)]
    pub revision: u64,
}

/// A post kept as a thread: `parts` are the texts to post in order on
/// `network`, numbering included, as the core split them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Thread {
    pub network: String,
    pub parts: Vec<String>,
    /// The character limit the parts were split for when the site stated
    /// its own (a Mastodon instance's); absent: the network's default. Every
    /// re-split of the text uses it, so the parts stay the ones the user saw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// What the user accepted by scheduling "anyway": the instant, the kinds of
/// the rules it breaks (`minGap`, `maxPerDay`, `quietHours`), and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuleOverride {
    pub at_ms: i64,
    pub rules: Vec<String>,
    pub decided_at: i64,
}

/// Most parts a stored thread may have: far beyond any real thread, small
/// enough that a corrupt record cannot make the panel render thousands.
pub const MAX_THREAD_PARTS: usize = 100;

impl Post {
    /// A new draft.
    pub fn draft(id: &str, project_id: &str, text: &str, now_ms: i64) -> Result<Self, ModelError> {
        let post = Post {
            id: id.to_string(),
            project_id: project_id.to_string(),
            text: text.to_string(),
            variants: BTreeMap::new(),
            networks: Vec::new(),
            status: PostStatus::Draft,
            scheduled_at: None,
            planned_zone: None,
            expires_at: None,
            snoozed_until: None,
            reminded_at: None,
            expiry_reminded_at: None,
            published_at: None,
            published_url: None,
            links: Vec::new(),
            media: Vec::new(),
            tags: Vec::new(),
            thread: None,
            rule_override: None,
            created_at: now_ms,
            updated_at: now_ms,
            revision: 0,
        };
        post.validate()?;
        Ok(post)
    }

    /// The text to post on `network`: its variant if it has one, else the base text.
    pub fn text_for(&self, network: &str) -> &str {
        self.variants
            .get(network)
            .map(String::as_str)
            .unwrap_or(&self.text)
    }

    /// The text that stands for the post where only one text fits (a CSV
    /// row, a calendar event): the base text, trimmed, or when that is
    /// blank the first non-blank variant, taken in the order of the post's
    /// own networks and then by network id, with that network. Empty when
    /// the post has no text anywhere.
    pub fn main_text(&self) -> (&str, Option<&str>) {
        let base = self.text.trim();
        if !base.is_empty() {
            return (base, None);
        }
        self.networks
            .iter()
            .chain(self.variants.keys())
            .find_map(|n| {
                let v = self.variants.get(n)?.trim();
                (!v.is_empty()).then_some((v, Some(n.as_str())))
            })
            .unwrap_or(("", None))
    }

    /// The instant the publish reminder should fire: the snooze if any, else the schedule.
    pub fn reminder_at(&self) -> Option<i64> {
        self.snoozed_until.or(self.scheduled_at)
    }

    pub fn validate(&self) -> Result<(), ModelError> {
        if self.id.is_empty() {
            return Err(ModelError::Empty { field: "id" });
        }
        check_text("text", &self.text, MAX_TEXT_BYTES)?;
        for v in self.variants.values() {
            check_text("variant", v, MAX_TEXT_BYTES)?;
        }
        for t in [
            self.scheduled_at,
            self.expires_at,
            self.snoozed_until,
            self.published_at,
        ]
        .into_iter()
        .flatten()
        {
            check_time(t)?;
        }
        if let (Some(at), Some(exp)) = (self.scheduled_at, self.expires_at) {
            if exp <= at {
                return Err(ModelError::ExpiryBeforeSchedule);
            }
        }
        if let Some(zone) = &self.planned_zone {
            super::parse_zone(zone)?;
        }
        if let Some(thread) = &self.thread {
            if thread.network.is_empty() {
                return Err(ModelError::Empty {
                    field: "thread.network",
                });
            }
            if thread.parts.len() > MAX_THREAD_PARTS {
                return Err(ModelError::TooLong {
                    field: "thread.parts",
                    len: thread.parts.len(),
                    max: MAX_THREAD_PARTS,
                });
            }
            for part in &thread.parts {
                check_text("thread part", part, MAX_TEXT_BYTES)?;
            }
            if thread.limit == Some(0) {
                return Err(ModelError::Zero {
                    field: "thread.limit",
                });
            }
        }
        if let Some(o) = &self.rule_override {
            check_time(o.at_ms)?;
            check_time(o.decided_at)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_overrides_base_text() {
        let mut p = Post::draft("a", "p", "base", 0).unwrap();
        p.variants.insert("x".into(), "short".into());
        assert_eq!(p.text_for("x"), "short");
        assert_eq!(p.text_for("bluesky"), "base");
    }

    #[test]
    fn main_text_falls_back_to_a_variant_in_network_order() {
        let mut p = Post::draft("a", "p", "  base \n", 0).unwrap();
        p.variants.insert("x".into(), "for x".into());
        assert_eq!(p.main_text(), ("base", None));
        p.text = " \t\n".into();
        p.variants.insert("bluesky".into(), "  ".into());
        p.variants.insert("mastodon".into(), "for mastodon".into());
        assert_eq!(p.main_text(), ("for mastodon", Some("mastodon")));
        p.networks = vec!["bluesky".into(), "x".into()];
        assert_eq!(p.main_text(), ("for x", Some("x")));
        p.variants.clear();
        assert_eq!(p.main_text(), ("", None));
    }

    #[test]
    fn expiry_must_follow_schedule_and_times_must_be_sane() {
        let mut p = Post::draft("a", "p", "t", 0).unwrap();
        p.scheduled_at = Some(1000);
        p.expires_at = Some(1000);
        assert_eq!(p.validate(), Err(ModelError::ExpiryBeforeSchedule));
        p.expires_at = None;
        p.scheduled_at = Some(-5);
        assert_eq!(p.validate(), Err(ModelError::TimeOutOfRange(-5)));
    }

    #[test]
    fn json_is_camel_case() {
        let p = Post::draft("a", "p", "t", 7).unwrap();
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.contains("\"projectId\":\"p\""), "{json}");
        assert!(json.contains("\"status\":\"draft\""), "{json}");
        let back: Post = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
    }
}
