//! Frequency rules: which instants a post may take, and why not.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::local::{format_date, format_minute, minute_of_day, to_local};
use super::{ScheduleError, Zone, MINUTE_MS};
use crate::model::{check_time, Post, PostStatus, Project, QuietHours};

/// One reason a post cannot take an instant. Serialised with a `kind` tag,
/// e.g. `{"kind":"minGap","network":"x","otherPostId":"p2",...}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Conflict {
    /// The instant is before `now`.
    InPast { at_ms: i64, now_ms: i64 },
    /// The post's expiry ("delete after") would not come after its schedule.
    AfterExpiry { expires_at_ms: i64 },
    /// Another post on `network` is closer than the network's minimum gap.
    MinGap {
        network: String,
        other_post_id: String,
        other_at_ms: i64,
        /// The actual distance, in whole minutes (rounded down).
        gap_minutes: i64,
        required_minutes: u32,
    },
    /// `network` already has `count` posts (not counting this one) on the
    /// local calendar `day` ("2026-03-08"), and allows at most `max`.
    MaxPerDay {
        network: String,
        day: String,
        count: u32,
        max: u32,
    },
    /// The instant's local time (`localTime`, "23:30") is within `network`'s
    /// quiet hours, `start`..`end` in minutes of the day.
    QuietHours {
        network: String,
        local_time: String,
        start: u16,
        end: u16,
    },
}

/// An instant already taken by a post, as the rules see it.
#[derive(Debug, Clone)]
pub(super) struct Booking {
    pub post_id: String,
    pub networks: Vec<String>,
    pub at_ms: i64,
    pub date: NaiveDate,
}

/// The instant a post occupies for the rules: scheduled posts at their
/// schedule, published ones when they went out. Drafts, missed and archived
/// posts occupy nothing (a missed post never went out).
pub(super) fn occupied_at(post: &Post) -> Option<i64> {
    match post.status {
        PostStatus::Scheduled => post.scheduled_at,
        PostStatus::Published | PostStatus::Expired => post.published_at.or(post.scheduled_at),
        PostStatus::Draft | PostStatus::Missed | PostStatus::Archived => None,
    }
}

/// The rules of one project plus the instants already taken.
pub(super) struct Book<'p> {
    pub project: &'p Project,
    pub tz: Zone,
    pub bookings: Vec<Booking>,
}

impl<'p> Book<'p> {
    /// Bookings of the project's posts, except those `skip` selects (the
    /// post being placed, or a set being rearranged).
    pub fn new(
        project: &'p Project,
        tz: Zone,
        posts: &[Post],
        skip: impl Fn(&Post) -> bool,
    ) -> Self {
        let mut book = Book {
            project,
            tz,
            bookings: Vec::new(),
        };
        for post in posts {
            if post.project_id != project.id || skip(post) {
                continue;
            }
            if let Some(at) = occupied_at(post) {
                // A stored time out of range belongs to a corrupt record that
                // storage reports; it must not block scheduling everything else.
                let _ = book.add(&post.id, &post.networks, at);
            }
        }
        book
    }

    pub fn add(
        &mut self,
        post_id: &str,
        networks: &[String],
        at_ms: i64,
    ) -> Result<(), ScheduleError> {
        check_time(at_ms)?;
        let date = to_local(self.tz, at_ms)?.date();
        self.bookings.push(Booking {
            post_id: post_id.to_string(),
            networks: networks.to_vec(),
            at_ms,
            date,
        });
        Ok(())
    }

    /// Bookings of other posts that share `network`.
    pub fn on<'a>(
        &'a self,
        network: &'a str,
        post_id: &'a str,
    ) -> impl Iterator<Item = &'a Booking> {
        self.bookings
            .iter()
            .filter(move |b| b.post_id != post_id && b.networks.iter().any(|n| n == network))
    }

    /// Whether another post sharing one of `networks` sits exactly at `at_ms`
    /// (a queue slot holds one post even when no gap rule is set).
    pub fn is_taken(&self, post_id: &str, networks: &[String], at_ms: i64) -> bool {
        networks
            .iter()
            .any(|n| self.on(n, post_id).any(|b| b.at_ms == at_ms))
    }

    /// Every rule `post` would break at `at_ms`; empty means allowed.
    pub fn conflicts(
        &self,
        post: &Post,
        at_ms: i64,
        now_ms: i64,
    ) -> Result<Vec<Conflict>, ScheduleError> {
        check_time(at_ms)?;
        let mut out = Vec::new();
        if at_ms < now_ms {
            out.push(Conflict::InPast { at_ms, now_ms });
        }
        if let Some(expires_at_ms) = post.expires_at.filter(|e| *e <= at_ms) {
            out.push(Conflict::AfterExpiry { expires_at_ms });
        }
        let local = to_local(self.tz, at_ms)?;
        let minute = minute_of_day(local);
        let mut seen: Vec<&str> = Vec::new();
        for network in &post.networks {
            if seen.contains(&network.as_str()) {
                continue;
            }
            seen.push(network);
            let Some(rule) = self.project.rule_for(network) else {
                continue;
            };
            if let Some(q) = rule.quiet_hours.filter(|q| in_quiet(*q, minute)) {
                out.push(Conflict::QuietHours {
                    network: network.clone(),
                    local_time: format_minute(minute),
                    start: q.start,
                    end: q.end,
                });
            }
            if rule.max_per_day > 0 {
                let date = local.date();
                let count = self
                    .on(network, &post.id)
                    .filter(|b| b.date == date)
                    .count();
                let count = u32::try_from(count).unwrap_or(u32::MAX);
                if count >= rule.max_per_day {
                    out.push(Conflict::MaxPerDay {
                        network: network.clone(),
                        day: format_date(date),
                        count,
                        max: rule.max_per_day,
                    });
                }
            }
            if rule.min_gap_minutes > 0 {
                let required = i64::from(rule.min_gap_minutes) * MINUTE_MS;
                let mut near: Vec<&Booking> = self
                    .on(network, &post.id)
                    .filter(|b| (b.at_ms - at_ms).abs() < required)
                    .collect();
                crate::sort::sort_by(&mut near, |a, b| {
                    (a.at_ms, &a.post_id).cmp(&(b.at_ms, &b.post_id))
                });
                out.extend(near.into_iter().map(|b| Conflict::MinGap {
                    network: network.clone(),
                    other_post_id: b.post_id.clone(),
                    other_at_ms: b.at_ms,
                    gap_minutes: (b.at_ms - at_ms).abs() / MINUTE_MS,
                    required_minutes: rule.min_gap_minutes,
                }));
            }
        }
        Ok(out)
    }
}

/// Whether a minute of the day is quiet. `start == end` is an empty range;
/// `start > end` wraps midnight (22:00–07:00).
pub(super) fn in_quiet(q: QuietHours, minute: u16) -> bool {
    if q.start <= q.end {
        (q.start..q.end).contains(&minute)
    } else {
        minute >= q.start || minute < q.end
    }
}
