//! Candidate instants for free-form (not slot-snapped) spreading.
//!
//! The instants a post may not take form intervals: too close to another
//! post (minimum gap), quiet hours, full days, the past, after its expiry.
//! The allowed instant nearest to the ideal one is therefore either the ideal
//! itself or the first allowed minute at an edge of one of those intervals,
//! so checking the edges (nearest first) finds it without scanning every
//! minute of the window.

use chrono::NaiveDate;

use super::{ceil_minute, floor_minute};
use crate::model::Post;
use crate::schedule::local::{resolve_minute, to_local};
use crate::schedule::rules::Book;
use crate::schedule::MINUTE_MS;

/// Candidate instants for `post` around `ideal` within `[lo, to)`; the caller
/// filters, sorts by distance and checks them.
pub(super) fn edges(book: &Book, post: &Post, ideal: i64, lo: i64, to: i64) -> Vec<i64> {
    let mut out = vec![ideal, lo, floor_minute(to - 1)];
    if let Some(e) = post.expires_at {
        out.push(floor_minute(e - 1));
    }
    let (Ok(first), Ok(last)) = (to_local(book.tz, lo), to_local(book.tz, to)) else {
        return out;
    };
    for network in &post.networks {
        for b in book.on(network, &post.id) {
            // Around an exactly taken instant (a slot holds one post).
            out.push(floor_minute(b.at_ms - 1));
            out.push(ceil_minute(b.at_ms + 1));
        }
        let Some(rule) = book.project.rule_for(network) else {
            continue;
        };
        if rule.min_gap_minutes > 0 {
            let gap = i64::from(rule.min_gap_minutes) * MINUTE_MS;
            for b in book.on(network, &post.id) {
                out.push(floor_minute(b.at_ms - gap));
                out.push(ceil_minute(b.at_ms + gap));
            }
        }
        if rule.quiet_hours.is_none() && rule.max_per_day == 0 {
            continue;
        }
        let mut date = first.date();
        while date <= last.date() {
            if let Some(q) = rule.quiet_hours {
                // First minute after the quiet hours, last minute before them.
                out.extend(day_minute(book, date, q.end));
                out.extend(day_minute(book, date, q.start).map(|t| t - MINUTE_MS));
            }
            if rule.max_per_day > 0 {
                // Either side of local midnight: a full day pushes to the next.
                if let Some(midnight) = day_minute(book, date, 0) {
                    out.extend([midnight, midnight - MINUTE_MS]);
                }
            }
            date = match date.succ_opt() {
                Some(d) => d,
                None => break,
            };
        }
    }
    out
}

/// The instant of `minute` (0..=1440; 1440 is the next midnight) on `date`.
fn day_minute(book: &Book, date: NaiveDate, minute: u16) -> Option<i64> {
    let (date, minute) = if minute >= 1440 {
        (date.succ_opt()?, minute - 1440)
    } else {
        (date, minute)
    };
    resolve_minute(book.tz, date, minute).map(|(at, _)| at)
}
