//! Reminders: what is due, what was missed, what expired, when to wake up
//! next, and snoozing.
//!
//! A reminder is shown once: the result of [`reconcile`] carries the patches
//! (`remindedAt`, `expiryRemindedAt`, status) that record it, so running it
//! again after storing them reports nothing new, however late or often the
//! extension wakes up.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::local::{format_local, format_minute, minute_of_day, resolve_local, to_local};
use super::patch::PostPatch;
use super::queue::{ensure_project, ensure_schedulable};
use super::{prepare, ScheduleError, MINUTE_MS};
use crate::model::{check_time, Post, PostStatus, Project};

/// A reminder that fires at most this late is "due" (shown normally); later
/// than that the browser was closed or asleep and it is "missed".
pub const DEFAULT_GRACE_MS: i64 = 15 * MINUTE_MS;

/// A publish reminder to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DueReminder {
    pub post_id: String,
    pub project_id: String,
    /// `None` when the post's project is not among the given projects.
    pub project_name: Option<String>,
    /// When the reminder was meant to fire (the snooze, else the schedule).
    pub at_ms: i64,
    pub scheduled_at: Option<i64>,
    pub snoozed: bool,
    pub networks: Vec<String>,
}

/// An expiry ("delete after") reminder to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpiryReminder {
    pub post_id: String,
    pub project_id: String,
    pub project_name: Option<String>,
    pub expires_at_ms: i64,
    pub published_url: Option<String>,
}

/// The outcome of [`reconcile`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reconciliation {
    /// Reminders whose time passed within the grace window.
    pub due: Vec<DueReminder>,
    /// Reminders whose time passed earlier, never shown.
    pub missed: Vec<DueReminder>,
    pub expiry: Vec<ExpiryReminder>,
    /// The earliest future reminder or expiry; set the browser alarm to it.
    pub next_alarm_at: Option<i64>,
    /// Store these (one per post, sorted by post id) before showing anything.
    pub patches: Vec<PostPatch>,
}

/// [`reconcile_with_grace`] with [`DEFAULT_GRACE_MS`].
pub fn reconcile(
    projects: &[Project],
    posts: &[Post],
    now_ms: i64,
) -> Result<Reconciliation, ScheduleError> {
    reconcile_with_grace(projects, posts, now_ms, DEFAULT_GRACE_MS)
}

/// Sort every pending reminder into due, missed or future.
///
/// - Publish reminders: scheduled posts whose reminder time (snooze, else
///   schedule) is at or before `now_ms` and that were never reminded. Within
///   `grace_ms` they are due; older ones are missed and get status `missed`.
///   Both get `remindedAt = now`.
/// - Expiry reminders: scheduled, published or missed posts (anything that
///   may be live) whose `expiresAt` is at or before `now_ms`, never reminded.
///   They get `expiryRemindedAt = now`; published ones become `expired`.
pub fn reconcile_with_grace(
    projects: &[Project],
    posts: &[Post],
    now_ms: i64,
    grace_ms: i64,
) -> Result<Reconciliation, ScheduleError> {
    check_time(now_ms)?;
    let grace_ms = grace_ms.max(0);
    // Filled by insert: `collect()` into a BTreeMap compiles its own sort.
    let mut names: BTreeMap<&str, &str> = BTreeMap::new();
    for p in projects {
        names.insert(&p.id, &p.name);
    }
    let name_of = |post: &Post| names.get(post.project_id.as_str()).map(|n| n.to_string());
    let mut out = Reconciliation::default();
    let mut patches: BTreeMap<String, PostPatch> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    let mut next: Option<i64> = None;
    let mut wake_at = |t: i64| next = Some(next.map_or(t, |n| n.min(t)));
    for post in posts {
        // A duplicated record must not be reminded twice.
        if !seen.insert(post.id.as_str()) {
            continue;
        }
        if let (PostStatus::Scheduled, Some(at_ms), None) =
            (post.status, post.reminder_at(), post.reminded_at)
        {
            if at_ms > now_ms {
                wake_at(at_ms);
            } else {
                // Saturating: `at_ms` comes from stored data and may be absurd.
                let missed = now_ms.saturating_sub(at_ms) > grace_ms;
                let patch = patches
                    .entry(post.id.clone())
                    .or_insert_with(|| PostPatch::new(&post.id));
                patch.reminded_at = Some(Some(now_ms));
                if missed {
                    patch.status = Some(PostStatus::Missed);
                }
                let item = DueReminder {
                    post_id: post.id.clone(),
                    project_id: post.project_id.clone(),
                    project_name: name_of(post),
                    at_ms,
                    scheduled_at: post.scheduled_at,
                    snoozed: post.snoozed_until.is_some(),
                    networks: post.networks.clone(),
                };
                if missed {
                    &mut out.missed
                } else {
                    &mut out.due
                }
                .push(item);
            }
        }
        let may_be_live = matches!(
            post.status,
            PostStatus::Scheduled | PostStatus::Published | PostStatus::Missed
        );
        if let (true, Some(expires_at_ms), None) =
            (may_be_live, post.expires_at, post.expiry_reminded_at)
        {
            if expires_at_ms > now_ms {
                wake_at(expires_at_ms);
            } else {
                let patch = patches
                    .entry(post.id.clone())
                    .or_insert_with(|| PostPatch::new(&post.id));
                patch.expiry_reminded_at = Some(Some(now_ms));
                if post.status == PostStatus::Published {
                    patch.status = Some(PostStatus::Expired);
                }
                out.expiry.push(ExpiryReminder {
                    post_id: post.id.clone(),
                    project_id: post.project_id.clone(),
                    project_name: name_of(post),
                    expires_at_ms,
                    published_url: post.published_url.clone(),
                });
            }
        }
    }
    out.next_alarm_at = next;
    let by_time =
        |a: &DueReminder, b: &DueReminder| (a.at_ms, &a.post_id).cmp(&(b.at_ms, &b.post_id));
    crate::sort::sort_by(&mut out.due, by_time);
    crate::sort::sort_by(&mut out.missed, by_time);
    crate::sort::sort_by(&mut out.expiry, |a, b| {
        (a.expires_at_ms, &a.post_id).cmp(&(b.expires_at_ms, &b.post_id))
    });
    out.patches = patches.into_values().collect();
    Ok(out)
}

/// Which snooze a [`SnoozeOption`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SnoozeKind {
    TenMinutes,
    OneHour,
    /// Tomorrow (in the project's zone) at the post's local time of day.
    Tomorrow,
}

/// One snooze choice for the reminder UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnoozeOption {
    pub kind: SnoozeKind,
    pub until_ms: i64,
    /// The local time in the project's zone ("2026-03-09T09:00").
    pub local: String,
}

/// +10 min, +1 h, and tomorrow at the same local time of day as the post's
/// schedule (or as now, when it has none), DST-correct: 09:00 stays 09:00
/// local across a change, a skipped time moves to the next valid minute.
pub fn snooze_options(
    project: &Project,
    post: &Post,
    now_ms: i64,
) -> Result<Vec<SnoozeOption>, ScheduleError> {
    ensure_project(project, post)?;
    check_time(now_ms)?;
    let tz = prepare(project)?;
    let now_local = to_local(tz, now_ms)?;
    let time = match post.scheduled_at {
        Some(at) => to_local(tz, at)?.time(),
        None => now_local.time(),
    };
    // Tomorrow's local date; if a zone change ever made that not later than
    // now (it cannot for real zones), take the day after.
    let mut tomorrow = None;
    for days in 1..=3 {
        let day = now_local.date() + Duration::days(days);
        if let Some((at, _)) = resolve_local(tz, day.and_time(time)).filter(|(at, _)| *at > now_ms)
        {
            tomorrow = Some(at);
            break;
        }
    }
    let tomorrow = tomorrow.ok_or_else(|| {
        ScheduleError::NoLocalTime(format_minute(minute_of_day(
            now_local.date().and_time(time),
        )))
    })?;
    [
        (SnoozeKind::TenMinutes, now_ms + 10 * MINUTE_MS),
        (SnoozeKind::OneHour, now_ms + 60 * MINUTE_MS),
        (SnoozeKind::Tomorrow, tomorrow),
    ]
    .into_iter()
    .map(|(kind, until_ms)| {
        check_time(until_ms)?;
        Ok(SnoozeOption {
            kind,
            until_ms,
            local: format_local(to_local(tz, until_ms)?),
        })
    })
    .collect()
}

/// The patch that snoozes `post` until `until_ms`: the reminder fires again
/// then (its `remindedAt` is cleared) and a missed post is scheduled again.
pub fn snooze_patch(post: &Post, until_ms: i64, now_ms: i64) -> Result<PostPatch, ScheduleError> {
    check_time(until_ms)?;
    check_time(now_ms)?;
    if post.status == PostStatus::Draft {
        return Err(ScheduleError::NotSchedulable {
            post_id: post.id.clone(),
            status: post.status,
        });
    }
    ensure_schedulable(post)?;
    if until_ms <= now_ms {
        return Err(ScheduleError::SnoozeNotInFuture);
    }
    Ok(PostPatch {
        status: Some(PostStatus::Scheduled),
        snoozed_until: Some(Some(until_ms)),
        reminded_at: Some(None),
        ..PostPatch::new(&post.id)
    })
}
