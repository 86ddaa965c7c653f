//! When "schedule at" is refused: the next time the rules allow, and
//! "schedule anyway" for the rules a user may knowingly break.

use chrono::Duration;
use serde::Serialize;

use super::local::{resolve_minute, to_local};
use super::queue::{ensure_project, ensure_schedulable};
use super::rules::{in_quiet, Book, Conflict};
use super::{prepare, Assignment, PostPatch, ScheduleError, DAY_MS, MINUTE_MS};
use crate::model::{check_time, Post, Project, RuleOverride, MAX_TIME_MS};

/// How far after the requested time [`next_allowed_at`] looks, like "add to queue".
pub const ALLOWED_HORIZON_DAYS: i64 = super::QUEUE_HORIZON_DAYS;

/// Each step jumps past at least one conflict, and a day holds a bounded
/// number of them, so this only guards against a bug looping forever.
const MAX_STEPS: usize = 20_000;

impl Conflict {
    /// A project rule (gap, per-day limit, quiet hours): the user set it and
    /// may knowingly break it. A time in the past or after the post's expiry
    /// is not a rule but a fact, and cannot be overridden.
    pub fn is_rule(&self) -> bool {
        matches!(
            self,
            Conflict::MinGap { .. } | Conflict::MaxPerDay { .. } | Conflict::QuietHours { .. }
        )
    }

    /// The stable kind name, as serialised (`minGap`, …).
    pub fn kind(&self) -> &'static str {
        match self {
            Conflict::InPast { .. } => "inPast",
            Conflict::AfterExpiry { .. } => "afterExpiry",
            Conflict::MinGap { .. } => "minGap",
            Conflict::MaxPerDay { .. } => "maxPerDay",
            Conflict::QuietHours { .. } => "quietHours",
        }
    }
}

/// The answer to "may this post take this time?" with what to offer when not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleCheck {
    pub conflicts: Vec<Conflict>,
    /// The earliest instant at or after the requested one (and not in the
    /// past) that breaks no rule, within [`ALLOWED_HORIZON_DAYS`]; `None`
    /// when there is none (e.g. the post expires first).
    pub next_allowed_ms: Option<i64>,
    /// Every conflict is a rule the user may break with "schedule anyway".
    pub overridable: bool,
}

fn ceil_minute(ms: i64) -> i64 {
    let rem = ms.rem_euclid(MINUTE_MS);
    if rem == 0 {
        ms
    } else {
        ms - rem + MINUTE_MS
    }
}

/// The earliest instant `t >= max(from_ms, now_ms)` (whole minutes) at which
/// `post` breaks no rule, or `None` within the horizon.
///
/// Every conflict at `t` gives a lower bound for the next allowed instant
/// (the end of the quiet hours, the next local day, the neighbour's time plus
/// the gap, now); jumping to the largest of them skips only refused
/// instants, so the first instant without conflicts is the earliest allowed.
pub fn next_allowed_at(
    project: &Project,
    posts: &[Post],
    post: &Post,
    from_ms: i64,
    now_ms: i64,
) -> Result<Option<i64>, ScheduleError> {
    ensure_project(project, post)?;
    check_time(from_ms)?;
    check_time(now_ms)?;
    let tz = prepare(project)?;
    let book = Book::new(project, tz, posts, |p| p.id == post.id);
    let horizon = from_ms
        .max(now_ms)
        .saturating_add(ALLOWED_HORIZON_DAYS * DAY_MS)
        .min(MAX_TIME_MS);
    let mut t = ceil_minute(from_ms.max(now_ms));
    for _ in 0..MAX_STEPS {
        if t > horizon {
            return Ok(None);
        }
        let conflicts = book.conflicts(post, t, now_ms)?;
        if conflicts.is_empty() {
            return Ok(Some(t));
        }
        let mut next = t + MINUTE_MS;
        for c in &conflicts {
            let bound = match c {
                // Later never comes before the expiry.
                Conflict::AfterExpiry { .. } => return Ok(None),
                Conflict::InPast { now_ms, .. } => ceil_minute(*now_ms),
                Conflict::MinGap {
                    other_at_ms,
                    required_minutes,
                    ..
                } => other_at_ms + i64::from(*required_minutes) * MINUTE_MS,
                Conflict::MaxPerDay { .. } => {
                    let date = to_local(tz, t)?.date() + Duration::days(1);
                    resolve_minute(tz, date, 0).map_or(horizon + 1, |(ms, _)| ms)
                }
                Conflict::QuietHours { start, end, .. } => {
                    quiet_end(tz, t, *start, *end)?.unwrap_or(horizon + 1)
                }
            };
            next = next.max(bound);
        }
        t = ceil_minute(next);
    }
    Ok(None)
}

/// The instant the quiet period containing `t` ends (local `end` today, or
/// tomorrow when the period wraps midnight and `t` is before midnight).
fn quiet_end(tz: super::Zone, t: i64, start: u16, end: u16) -> Result<Option<i64>, ScheduleError> {
    let local = to_local(tz, t)?;
    let minute = super::local::minute_of_day(local);
    let q = crate::model::QuietHours { start, end };
    if !in_quiet(q, minute) {
        return Ok(Some(t + MINUTE_MS));
    }
    let mut date = local.date();
    if start > end && minute >= start {
        date += Duration::days(1);
    }
    // `end` may be 1440 (until midnight): minute 0 of the next day.
    let (date, end) = if end >= 1440 {
        (date + Duration::days(1), 0)
    } else {
        (date, end)
    };
    Ok(resolve_minute(tz, date, end).map(|(ms, _)| ms.max(t + MINUTE_MS)))
}

/// "Schedule at" in one call: the conflicts at `at_ms`, the next allowed
/// time and whether "schedule anyway" is possible.
pub fn check_with_suggestion(
    project: &Project,
    posts: &[Post],
    post: &Post,
    at_ms: i64,
    now_ms: i64,
) -> Result<ScheduleCheck, ScheduleError> {
    let conflicts = super::check_schedule(project, posts, post, at_ms, now_ms)?;
    let next_allowed_ms = if conflicts.is_empty() {
        Some(at_ms)
    } else {
        next_allowed_at(project, posts, post, at_ms, now_ms)?
    };
    let overridable = conflicts.iter().all(Conflict::is_rule);
    Ok(ScheduleCheck {
        conflicts,
        next_allowed_ms,
        overridable,
    })
}

/// The patch that schedules `post` at `at_ms`. Without `anyway` any conflict
/// refuses it (`Ok(Err(conflicts))`); with `anyway` the project's rules may
/// be broken and the decision is recorded on the post (`ruleOverride`), but
/// a time in the past or after the expiry is still refused. A time the rules
/// allow clears an earlier override.
pub fn schedule_patch_checked(
    project: &Project,
    posts: &[Post],
    post: &Post,
    at_ms: i64,
    now_ms: i64,
    anyway: bool,
) -> Result<Result<PostPatch, Vec<Conflict>>, ScheduleError> {
    ensure_schedulable(post)?;
    let conflicts = super::check_schedule(project, posts, post, at_ms, now_ms)?;
    let may_break = anyway && conflicts.iter().all(Conflict::is_rule);
    if !conflicts.is_empty() && !may_break {
        return Ok(Err(conflicts));
    }
    let mut patch = Assignment {
        post_id: post.id.clone(),
        at_ms,
    }
    .patch(&project.time_zone);
    if !conflicts.is_empty() {
        let mut rules: Vec<String> = conflicts.iter().map(|c| c.kind().to_string()).collect();
        crate::sort::sort(&mut rules);
        rules.dedup();
        patch.rule_override = Some(Some(RuleOverride {
            at_ms,
            rules,
            decided_at: now_ms,
        }));
    }
    Ok(Ok(patch))
}
