//! Scheduling: weekly slots, frequency rules, queue operations and reminders.
//!
//! Everything here is pure: the current time is always a parameter
//! (`now_ms`, UTC milliseconds) and nothing mutates its inputs. Operations
//! return new schedules as [`Assignment`]s and state changes as
//! [`PostPatch`]es which the caller applies and stores.
//!
//! Local wall-clock times (slots, quiet hours, "per day") are interpreted in
//! the project's IANA zone with these DST rules, applied everywhere through
//! [`local::resolve_local`]:
//! - a local time that exists once is used as is, so a 09:00 slot is 09:00
//!   local on both sides of a change;
//! - a local time inside a skipped hour (spring forward) moves to the next
//!   valid local minute (02:30 → 03:00 in New York);
//! - a local time inside a repeated hour (fall back) is used once, at the
//!   earlier of its two instants.

mod allowed;
mod lifecycle;
pub mod local;
mod patch;
mod queue;
mod reminders;
mod rules;
mod slots;
mod spread;

#[cfg(test)]
mod tests;

pub use allowed::{
    check_with_suggestion, next_allowed_at, schedule_patch_checked, ScheduleCheck,
    ALLOWED_HORIZON_DAYS,
};
pub use lifecycle::{check_project_delete, expiry_done_patch, find_published, publish_patch};
pub use patch::{Assignment, PostPatch};
pub use queue::{check_schedule, move_post, next_free_slot, next_free_slots, MoveResult};
pub use reminders::{
    reconcile, reconcile_with_grace, snooze_options, snooze_patch, DueReminder, ExpiryReminder,
    Reconciliation, SnoozeKind, SnoozeOption, DEFAULT_GRACE_MS,
};
pub use rules::Conflict;
pub use slots::{expand_slots, SlotInstant};
pub use spread::{shuffle_queue, spread_evenly, SpreadResult};

use crate::model::{ModelError, PostStatus};
use thiserror::Error;

/// The time-zone type the scheduler computes with: the crate's compact
/// table of every IANA zone (`crate::tz`), which implements chrono's
/// `TimeZone` like chrono-tz does but without chrono-tz's database in the
/// WASM. Zones are parsed here, not via `Project::zone`, so this alias is
/// the only line that names the implementation.
pub type Zone = crate::tz::Zone;

/// One minute in milliseconds.
pub const MINUTE_MS: i64 = 60_000;
/// One day in milliseconds (of UTC time; local days may be 23 or 25 hours).
pub const DAY_MS: i64 = 86_400_000;
/// Longest window [`expand_slots`] and [`spread_evenly`] accept. Bounds the
/// work a single call can do so a typo in a date cannot hang the panel.
pub const MAX_WINDOW_DAYS: i64 = 731;
/// How far ahead "add to queue" looks for a free slot.
pub const QUEUE_HORIZON_DAYS: i64 = 366;

/// Why a scheduling operation failed. Variant names are stable: the binding
/// layer passes [`ScheduleError::variant`] to JavaScript.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ScheduleError {
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("the window must end after it starts")]
    EmptyWindow,
    #[error("the window is longer than {max_days} days")]
    WindowTooLarge { max_days: i64 },
    #[error("post {post_id:?} belongs to project {post_project:?}, not {project:?}")]
    ProjectMismatch {
        post_id: String,
        post_project: String,
        project: String,
    },
    #[error("post {0:?} targets no network")]
    NoNetworks(String),
    #[error("none of the networks of post {0:?} has a weekly slot")]
    NoSlots(String),
    #[error("no free slot satisfies the rules within {horizon_days} days")]
    NoFreeSlot { horizon_days: i64 },
    #[error("no post with id {0:?}")]
    UnknownPost(String),
    #[error("post {post_id:?} is {status:?} and cannot be rescheduled")]
    NotSchedulable { post_id: String, status: PostStatus },
    #[error("post {0:?} is not queued (scheduled in the future)")]
    NotQueued(String),
    #[error("post {0:?} appears twice in the list")]
    DuplicatePost(String),
    #[error("no order of the queued times satisfies the rules")]
    NoValidShuffle,
    #[error("local time {0} does not exist in the project's zone")]
    NoLocalTime(String),
    #[error("a snooze must end after now")]
    SnoozeNotInFuture,
    /// Only a draft, scheduled or missed post can go out; an expired or
    /// archived one was already taken down or put away.
    #[error("post {post_id:?} is {status:?} and cannot be marked published")]
    NotPublishable { post_id: String, status: PostStatus },
    #[error("project {project_id:?} still has {posts} post(s): move or delete them first")]
    InUse { project_id: String, posts: usize },
}

crate::variants!(ScheduleError {
    wraps Model;
    EmptyWindow,
    WindowTooLarge { .. },
    ProjectMismatch { .. },
    NoNetworks(_),
    NoSlots(_),
    NoFreeSlot { .. },
    UnknownPost(_),
    NotSchedulable { .. },
    NotQueued(_),
    DuplicatePost(_),
    NoValidShuffle,
    NoLocalTime(_),
    SnoozeNotInFuture,
    NotPublishable { .. },
    InUse { .. },
});

/// The project's zone, after checking the parts of the project the
/// scheduler relies on (slots and quiet hours in range). Other fields, such
/// as the colour, are not the scheduler's business.
fn prepare(project: &crate::model::Project) -> Result<Zone, ScheduleError> {
    let tz: Zone = project
        .time_zone
        .parse()
        .map_err(|_| ModelError::UnknownTimeZone(project.time_zone.clone()))?;
    for slot in project.slots.values().flatten() {
        if slot.weekday > 6 {
            return Err(ModelError::BadWeekday(slot.weekday).into());
        }
        if slot.minute >= 1440 {
            return Err(ModelError::BadSlotTime(slot.minute).into());
        }
    }
    for q in project.rules.iter().filter_map(|r| r.quiet_hours) {
        for m in [q.start, q.end] {
            if m > 1440 {
                return Err(ModelError::BadSlotTime(m).into());
            }
        }
    }
    Ok(tz)
}

/// Validate a window `[from_ms, to_ms)` against the supported time range and
/// [`MAX_WINDOW_DAYS`].
fn check_window(from_ms: i64, to_ms: i64) -> Result<(), ScheduleError> {
    crate::model::check_time(from_ms)?;
    crate::model::check_time(to_ms)?;
    if to_ms <= from_ms {
        return Err(ScheduleError::EmptyWindow);
    }
    if to_ms - from_ms > MAX_WINDOW_DAYS * DAY_MS {
        return Err(ScheduleError::WindowTooLarge {
            max_days: MAX_WINDOW_DAYS,
        });
    }
    Ok(())
}
