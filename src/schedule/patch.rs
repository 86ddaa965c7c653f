//! The changes scheduling asks the caller to store.

use serde::{Deserialize, Serialize};

use crate::model::{Post, PostStatus, RuleOverride};

/// A new schedule for one post: the (post id, instant) pair queue
/// operations return.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Assignment {
    pub post_id: String,
    pub at_ms: i64,
}

impl Assignment {
    /// The patch that puts the post at this instant: scheduled, planned in
    /// `zone`, with any earlier snooze and reminder forgotten so the new time
    /// gets its own reminder, and any "schedule anyway" decision cleared (it
    /// was for the old time; [`super::schedule_patch_checked`] records a new one).
    pub fn patch(&self, zone: &str) -> PostPatch {
        PostPatch {
            status: Some(PostStatus::Scheduled),
            scheduled_at: Some(self.at_ms),
            planned_zone: Some(zone.to_string()),
            snoozed_until: Some(None),
            reminded_at: Some(None),
            rule_override: Some(None),
            ..PostPatch::new(&self.post_id)
        }
    }
}

/// Fields to change on one post. An absent field stays as it is; in JSON a
/// `null` clears the field (`Object.assign(post, fields)` does the right
/// thing). Storage still owns `updatedAt` and `revision`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PostPatch {
    pub post_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<PostStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduled_at: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned_zone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snoozed_until: Option<Option<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reminded_at: Option<Option<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiry_reminded_at: Option<Option<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_override: Option<Option<RuleOverride>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_at: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_url: Option<String>,
}

impl PostPatch {
    /// A patch that changes nothing yet.
    pub fn new(post_id: &str) -> Self {
        PostPatch {
            post_id: post_id.to_string(),
            ..PostPatch::default()
        }
    }

    /// Whether applying the patch would change nothing at all.
    pub fn is_empty(&self) -> bool {
        *self == PostPatch::new(&self.post_id)
    }

    /// The post with this patch applied (the post is not mutated). A patch
    /// for another post id returns the post unchanged.
    pub fn apply(&self, post: &Post) -> Post {
        let mut out = post.clone();
        if post.id != self.post_id {
            return out;
        }
        if let Some(s) = self.status {
            out.status = s;
        }
        if let Some(at) = self.scheduled_at {
            out.scheduled_at = Some(at);
        }
        if let Some(zone) = &self.planned_zone {
            out.planned_zone = Some(zone.clone());
        }
        if let Some(v) = self.snoozed_until {
            out.snoozed_until = v;
        }
        if let Some(v) = self.reminded_at {
            out.reminded_at = v;
        }
        if let Some(v) = self.expiry_reminded_at {
            out.expiry_reminded_at = v;
        }
        if let Some(v) = &self.rule_override {
            out.rule_override = v.clone();
        }
        if let Some(at) = self.published_at {
            out.published_at = Some(at);
        }
        if let Some(url) = &self.published_url {
            out.published_url = Some(url.clone());
        }
        out
    }

    /// Apply every patch to the posts it names; other posts are copied as is.
    pub fn apply_all(patches: &[PostPatch], posts: &[Post]) -> Vec<Post> {
        posts
            .iter()
            .map(|p| {
                patches
                    .iter()
                    .filter(|x| x.post_id == p.id)
                    .fold(p.clone(), |acc, x| x.apply(&acc))
            })
            .collect()
    }
}
