//! Rearranging many posts: "spread evenly" and "shuffle".

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::patch::Assignment;
use super::queue::{ensure_project, ensure_schedulable};
use super::rules::Book;
use super::{check_window, prepare, slots, ScheduleError, MINUTE_MS};
use crate::model::{check_time, Post, Project};

mod candidates;
mod shuffle;

pub use shuffle::shuffle_queue;

/// The outcome of [`spread_evenly`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SpreadResult {
    /// New schedules, in the order the posts were given.
    pub assignments: Vec<Assignment>,
    /// Posts for which no instant in the window satisfies the rules.
    pub unplaced: Vec<String>,
}

/// Look up `ids` in `posts`, rejecting unknown ids, duplicates and posts of
/// another project.
pub(super) fn pick<'a>(
    project: &Project,
    posts: &'a [Post],
    ids: &[String],
) -> Result<Vec<&'a Post>, ScheduleError> {
    let mut seen = BTreeSet::new();
    ids.iter()
        .map(|id| {
            if !seen.insert(id.as_str()) {
                return Err(ScheduleError::DuplicatePost(id.clone()));
            }
            let post = posts
                .iter()
                .find(|p| &p.id == id)
                .ok_or_else(|| ScheduleError::UnknownPost(id.clone()))?;
            ensure_project(project, post)?;
            Ok(post)
        })
        .collect()
}

/// "Spread evenly": give the posts `ids` (in that order) instants spread as
/// evenly as the rules allow over `[from_ms, to_ms)`, ignoring their current
/// times. The part of the window before `now_ms` is not used.
///
/// Post *i* of *n* aims at the middle of the *i*-th of *n* equal parts of the
/// window and takes the allowed instant nearest to it (a free slot of its
/// networks when `snap_to_slots`, else any minute). Each placed post counts
/// for the rules of the next ones.
pub fn spread_evenly(
    project: &Project,
    posts: &[Post],
    ids: &[String],
    from_ms: i64,
    to_ms: i64,
    now_ms: i64,
    snap_to_slots: bool,
) -> Result<SpreadResult, ScheduleError> {
    check_window(from_ms, to_ms)?;
    check_time(now_ms)?;
    let tz = prepare(project)?;
    let chosen = pick(project, posts, ids)?;
    for post in &chosen {
        ensure_schedulable(post)?;
    }
    // Whole minutes only: a schedule of 09:00:00.437 helps nobody.
    let lo = ceil_minute(from_ms.max(now_ms));
    if lo >= to_ms {
        return Err(ScheduleError::EmptyWindow);
    }
    let mut book = Book::new(project, tz, posts, |p| ids.contains(&p.id));
    let slot_networks: Vec<&str> = project.slots.keys().map(String::as_str).collect();
    let all_slots = if snap_to_slots {
        slots::expand_for(project, tz, &slot_networks, lo, to_ms)?
    } else {
        Vec::new()
    };
    let n = i128::try_from(chosen.len()).unwrap_or(i128::MAX);
    let span = i128::from(to_ms - lo);
    let mut result = SpreadResult {
        assignments: Vec::new(),
        unplaced: Vec::new(),
    };
    for (i, post) in chosen.into_iter().enumerate() {
        let i = i128::try_from(i).unwrap_or(i128::MAX);
        // Middle of part i: lo + span * (2i + 1) / 2n, which lies in [lo, to).
        let offset = span * (2 * i + 1) / (2 * n);
        let ideal = floor_minute(lo + i64::try_from(offset).unwrap_or(0)).max(lo);
        let mut options: Vec<i64> = if snap_to_slots {
            all_slots
                .iter()
                .filter(|s| post.networks.contains(&s.network))
                .map(|s| s.at_ms)
                .collect()
        } else {
            candidates::edges(&book, post, ideal, lo, to_ms)
        };
        options.retain(|t| (lo..to_ms).contains(t));
        crate::sort::sort_by_key(&mut options, |t| ((t - ideal).abs(), *t));
        options.dedup();
        let mut placed = None;
        for t in options {
            if !book.is_taken(&post.id, &post.networks, t)
                && book.conflicts(post, t, now_ms)?.is_empty()
            {
                placed = Some(t);
                break;
            }
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

fn floor_minute(ms: i64) -> i64 {
    ms - ms.rem_euclid(MINUTE_MS)
}

fn ceil_minute(ms: i64) -> i64 {
    let r = ms.rem_euclid(MINUTE_MS);
    if r == 0 {
        ms
    } else {
        ms - r + MINUTE_MS
    }
}
