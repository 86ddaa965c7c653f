//! Placing one post: "add to queue", "schedule at" and "move".

use serde::{Deserialize, Serialize};

use super::patch::Assignment;
use super::rules::{Book, Conflict};
use super::slots::{expand_for, SlotInstant};
use super::{prepare, ScheduleError, DAY_MS, QUEUE_HORIZON_DAYS};
use crate::model::{check_time, Post, PostStatus, Project, MAX_TIME_MS};

/// Days of slots expanded at a time while looking for a free one: the first
/// free slot is usually within days, so expanding the whole horizon up front
/// would be wasted work.
const SEARCH_CHUNK_DAYS: i64 = 28;

/// The outcome of [`move_post`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MoveResult {
    /// True when `conflicts` is empty and the assignment may be stored.
    pub ok: bool,
    /// The requested new schedule (store it only when `ok`).
    pub assignment: Assignment,
    /// The post's previous schedule, for undo.
    pub from_ms: Option<i64>,
    pub conflicts: Vec<Conflict>,
}

pub(super) fn ensure_project(project: &Project, post: &Post) -> Result<(), ScheduleError> {
    if post.project_id == project.id {
        Ok(())
    } else {
        Err(ScheduleError::ProjectMismatch {
            post_id: post.id.clone(),
            post_project: post.project_id.clone(),
            project: project.id.clone(),
        })
    }
}

/// Posts that are out (or gone) cannot get a new time.
pub(super) fn ensure_schedulable(post: &Post) -> Result<(), ScheduleError> {
    match post.status {
        PostStatus::Draft | PostStatus::Scheduled | PostStatus::Missed => Ok(()),
        status => Err(ScheduleError::NotSchedulable {
            post_id: post.id.clone(),
            status,
        }),
    }
}

/// "Schedule at": every rule `post` would break at `at_ms` (empty = allowed).
/// `posts` may include `post` itself; its current time is ignored.
pub fn check_schedule(
    project: &Project,
    posts: &[Post],
    post: &Post,
    at_ms: i64,
    now_ms: i64,
) -> Result<Vec<Conflict>, ScheduleError> {
    ensure_project(project, post)?;
    check_time(now_ms)?;
    let tz = prepare(project)?;
    let book = Book::new(project, tz, posts, |p| p.id == post.id);
    book.conflicts(post, at_ms, now_ms)
}

/// "Add to queue": the earliest slot, at or after `now_ms`, of any network
/// the post targets, that no other post on those networks holds and where
/// the rules of every targeted network are satisfied.
pub fn next_free_slot(
    project: &Project,
    posts: &[Post],
    post: &Post,
    now_ms: i64,
) -> Result<SlotInstant, ScheduleError> {
    ensure_project(project, post)?;
    check_time(now_ms)?;
    let tz = prepare(project)?;
    if post.networks.is_empty() {
        return Err(ScheduleError::NoNetworks(post.id.clone()));
    }
    let networks: Vec<&str> = post
        .networks
        .iter()
        .map(String::as_str)
        .filter(|n| project.slots.get(*n).is_some_and(|s| !s.is_empty()))
        .collect();
    if networks.is_empty() {
        return Err(ScheduleError::NoSlots(post.id.clone()));
    }
    let book = Book::new(project, tz, posts, |p| p.id == post.id);
    let horizon_end = now_ms
        .saturating_add(QUEUE_HORIZON_DAYS * DAY_MS)
        .min(MAX_TIME_MS);
    let mut start = now_ms;
    while start < horizon_end {
        let end = start
            .saturating_add(SEARCH_CHUNK_DAYS * DAY_MS)
            .min(horizon_end);
        for candidate in expand_for(project, tz, &networks, start, end)? {
            if book.is_taken(&post.id, &post.networks, candidate.at_ms) {
                continue;
            }
            if book.conflicts(post, candidate.at_ms, now_ms)?.is_empty() {
                return Ok(candidate);
            }
        }
        start = end;
    }
    Err(ScheduleError::NoFreeSlot {
        horizon_days: QUEUE_HORIZON_DAYS,
    })
}

/// "Move to the next free slots": give the posts `ids`, in that order, the
/// earliest free slots from `now_ms` on, as [`next_free_slot`] would one by
/// one, except that their current times are ignored (they are being
/// rearranged, so they do not block each other's old slots) and each post
/// placed counts for the next. Posts with no slot or no free slot within
/// the horizon are returned in `unplaced` instead of failing the rest.
pub fn next_free_slots(
    project: &Project,
    posts: &[Post],
    ids: &[String],
    now_ms: i64,
) -> Result<super::SpreadResult, ScheduleError> {
    check_time(now_ms)?;
    let tz = prepare(project)?;
    let chosen = super::spread::pick(project, posts, ids)?;
    for post in &chosen {
        ensure_schedulable(post)?;
    }
    let mut book = Book::new(project, tz, posts, |p| ids.contains(&p.id));
    let horizon_end = now_ms
        .saturating_add(QUEUE_HORIZON_DAYS * DAY_MS)
        .min(MAX_TIME_MS);
    let mut result = super::SpreadResult {
        assignments: Vec::new(),
        unplaced: Vec::new(),
    };
    for post in chosen {
        let networks: Vec<&str> = post
            .networks
            .iter()
            .map(String::as_str)
            .filter(|n| project.slots.get(*n).is_some_and(|s| !s.is_empty()))
            .collect();
        let mut placed = None;
        let mut start = now_ms;
        while placed.is_none() && !networks.is_empty() && start < horizon_end {
            let end = start
                .saturating_add(SEARCH_CHUNK_DAYS * DAY_MS)
                .min(horizon_end);
            for candidate in expand_for(project, tz, &networks, start, end)? {
                if !book.is_taken(&post.id, &post.networks, candidate.at_ms)
                    && book.conflicts(post, candidate.at_ms, now_ms)?.is_empty()
                {
                    placed = Some(candidate.at_ms);
                    break;
                }
            }
            start = end;
        }
        match placed {
            Some(at_ms) => {
                book.add(&post.id, &post.networks, at_ms)?;
                result.assignments.push(Assignment {
                    post_id: post.id.clone(),
                    at_ms,
                });
            }
            None => result.unplaced.push(post.id.clone()),
        }
    }
    Ok(result)
}

/// "Move": validate moving post `post_id` (one of `posts`) to `to_ms`.
/// Nothing is changed; the caller stores `assignment` when `ok`.
pub fn move_post(
    project: &Project,
    posts: &[Post],
    post_id: &str,
    to_ms: i64,
    now_ms: i64,
) -> Result<MoveResult, ScheduleError> {
    let post = posts
        .iter()
        .find(|p| p.id == post_id)
        .ok_or_else(|| ScheduleError::UnknownPost(post_id.to_string()))?;
    ensure_schedulable(post)?;
    let conflicts = check_schedule(project, posts, post, to_ms, now_ms)?;
    Ok(MoveResult {
        ok: conflicts.is_empty(),
        assignment: Assignment {
            post_id: post.id.clone(),
            at_ms: to_ms,
        },
        from_ms: post.scheduled_at,
        conflicts,
    })
}
