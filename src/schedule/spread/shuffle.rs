//! "Shuffle": permute the times of queued posts, deterministically, keeping
//! every rule satisfied.

use super::pick;
use crate::model::{check_time, Post, PostStatus, Project};
use crate::schedule::patch::Assignment;
use crate::schedule::rules::Book;
use crate::schedule::{prepare, ScheduleError};

/// Conflict checks one shuffle may spend on backtracking before giving up;
/// bounds the worst case (rules that no order satisfies) to milliseconds.
const SHUFFLE_BUDGET: usize = 10_000;

/// A permutation of the scheduled times of the queued posts `ids` such that
/// every rule still holds. The same set of posts and `seed` always give the
/// same result, whatever order `ids` come in. Returned sorted by time.
///
/// Posts (sorted by id) first take the times of a seeded Fisher–Yates
/// permutation; only when that breaks a rule does a depth-first search try
/// other times, post *d* trying the permutation from position *d* onwards.
pub fn shuffle_queue(
    project: &Project,
    posts: &[Post],
    ids: &[String],
    seed: u64,
    now_ms: i64,
) -> Result<Vec<Assignment>, ScheduleError> {
    check_time(now_ms)?;
    let tz = prepare(project)?;
    let mut chosen = pick(project, posts, ids)?;
    let mut times = Vec::with_capacity(chosen.len());
    for post in &chosen {
        match post.scheduled_at {
            Some(t) if post.status == PostStatus::Scheduled && t >= now_ms => times.push(t),
            _ => return Err(ScheduleError::NotQueued(post.id.clone())),
        }
    }
    times.sort_unstable();
    crate::sort::sort_by(&mut chosen, |a, b| a.id.cmp(&b.id));
    let mut perm: Vec<usize> = (0..times.len()).collect();
    SplitMix64(seed).shuffle(&mut perm);
    let book = Book::new(project, tz, posts, |p| ids.contains(&p.id));
    let picked =
        search(book, &chosen, &times, &perm, now_ms)?.ok_or(ScheduleError::NoValidShuffle)?;
    let mut out: Vec<Assignment> = chosen
        .iter()
        .zip(picked)
        .map(|(post, i)| Assignment {
            post_id: post.id.clone(),
            at_ms: times[i],
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| {
        (a.at_ms, &a.post_id).cmp(&(b.at_ms, &b.post_id))
    });
    Ok(out)
}

/// Depth-first search, iterative so a long queue cannot overflow the (small)
/// wasm stack. Returns the time index picked for each post, or `None` when
/// no order works within [`SHUFFLE_BUDGET`] checks.
fn search(
    mut book: Book,
    posts: &[&Post],
    times: &[i64],
    perm: &[usize],
    now_ms: i64,
) -> Result<Option<Vec<usize>>, ScheduleError> {
    let n = posts.len();
    let mut used = vec![false; n];
    let mut picked: Vec<usize> = Vec::with_capacity(n);
    // next[d]: how many candidates post d has tried in its current attempt.
    let mut next = vec![0usize; n];
    let mut budget = SHUFFLE_BUDGET;
    while let Some(post) = posts.get(picked.len()) {
        let depth = picked.len();
        let mut placed = false;
        while next[depth] < n {
            let i = perm[(depth + next[depth]) % n];
            next[depth] += 1;
            if used[i] {
                continue;
            }
            if budget == 0 {
                return Ok(None);
            }
            budget -= 1;
            let t = times[i];
            if book.is_taken(&post.id, &post.networks, t)
                || !book.conflicts(post, t, now_ms)?.is_empty()
            {
                continue;
            }
            book.add(&post.id, &post.networks, t)?;
            used[i] = true;
            picked.push(i);
            placed = true;
            break;
        }
        if placed {
            if let Some(tries) = next.get_mut(depth + 1) {
                *tries = 0;
            }
            continue;
        }
        // Post `depth` fits nowhere after the earlier choices: undo the last one.
        let Some(i) = picked.pop() else {
            return Ok(None);
        };
        used[i] = false;
        book.bookings.pop();
    }
    Ok(Some(picked))
}

/// A tiny seeded generator (SplitMix64): deterministic on every platform,
/// and a dependency would be overkill for shuffling a queue.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Fisher–Yates. The modulo bias is irrelevant for a queue shuffle.
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}
