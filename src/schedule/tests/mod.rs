//! Tests of the scheduler, with small builders shared by the test files.

mod allowed;
mod dst;
#[cfg(not(target_arch = "wasm32"))]
mod props;
mod queue;
mod reminders;
mod rules;
mod spread;

use chrono::{DateTime, NaiveDateTime, TimeZone};

use crate::model::{FrequencyRule, Post, PostStatus, Project, QuietHours, Slot};

/// UTC ms of an RFC 3339 time, e.g. "2026-03-08T13:00:00Z".
pub fn utc(s: &str) -> i64 {
    DateTime::parse_from_rfc3339(s).unwrap().timestamp_millis()
}

/// UTC ms of an unambiguous local time "2026-03-08 09:00" in `zone`.
pub fn local(zone: &str, s: &str) -> i64 {
    let tz: crate::schedule::Zone = zone.parse().unwrap();
    let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    tz.from_local_datetime(&naive)
        .single()
        .unwrap()
        .timestamp_millis()
}

pub fn project(zone: &str) -> Project {
    Project::new("p1", "Blog", zone, 0).unwrap()
}

pub fn slot(weekday: u8, hour: u16, minute: u16) -> Slot {
    Slot {
        weekday,
        minute: hour * 60 + minute,
    }
}

/// `slots` on every day of the week for `network`.
pub fn daily(project: &mut Project, network: &str, times: &[(u16, u16)]) {
    let slots = (0..7)
        .flat_map(|d| times.iter().map(move |&(h, m)| slot(d, h, m)))
        .collect();
    project.slots.insert(network.to_string(), slots);
}

pub fn rule(
    network: &str,
    min_gap: u32,
    max_per_day: u32,
    quiet: Option<(u16, u16)>,
) -> FrequencyRule {
    FrequencyRule {
        network: network.to_string(),
        min_gap_minutes: min_gap,
        max_per_day,
        quiet_hours: quiet.map(|(start, end)| QuietHours { start, end }),
    }
}

/// A post of project "p1"; scheduled when `at` is given, else a draft.
pub fn post(id: &str, networks: &[&str], at: Option<i64>) -> Post {
    let mut p = Post::draft(id, "p1", "text", 0).unwrap();
    p.networks = networks.iter().map(|n| n.to_string()).collect();
    if let Some(at) = at {
        p.status = PostStatus::Scheduled;
        p.scheduled_at = Some(at);
    }
    p
}

pub const MIN: i64 = 60_000;
pub const HOUR: i64 = 60 * MIN;
