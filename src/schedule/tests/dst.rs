//! Slot expansion across DST changes in four zones.

use super::*;
use crate::schedule::local::resolve_minute;
use crate::schedule::{expand_slots, ScheduleError, SlotInstant};

fn expand(p: &Project, from: i64, to: i64) -> Vec<SlotInstant> {
    expand_slots(p, None, from, to).unwrap()
}

fn times(v: &[SlotInstant]) -> Vec<i64> {
    v.iter().map(|s| s.at_ms).collect()
}

#[test]
fn new_york_daily_0900_stays_0900_local_across_spring_forward() {
    let mut p = project("America/New_York");
    daily(&mut p, "x", &[(9, 0)]);
    // Thu 5 .. Wed 11 March 2026; DST starts Sun 8 March at 02:00.
    let got = expand(&p, utc("2026-03-05T00:00:00Z"), utc("2026-03-12T00:00:00Z"));
    assert_eq!(got.len(), 7);
    assert_eq!(got[2].at_ms, utc("2026-03-07T14:00:00Z"), "Sat 09:00 EST");
    assert_eq!(got[3].at_ms, utc("2026-03-08T13:00:00Z"), "Sun 09:00 EDT");
    assert!(got
        .iter()
        .all(|s| s.local.ends_with("T09:00") && !s.shifted));
    let gaps: Vec<i64> = times(&got).windows(2).map(|w| w[1] - w[0]).collect();
    assert_eq!(
        gaps,
        vec![
            24 * HOUR,
            24 * HOUR,
            23 * HOUR,
            24 * HOUR,
            24 * HOUR,
            24 * HOUR
        ]
    );
}

#[test]
fn new_york_skipped_slot_moves_to_next_valid_minute() {
    let mut p = project("America/New_York");
    p.slots.insert("x".into(), vec![slot(6, 2, 30)]);
    let got = expand(&p, utc("2026-03-01T00:00:00Z"), utc("2026-03-16T00:00:00Z"));
    assert_eq!(
        times(&got),
        vec![
            utc("2026-03-01T07:30:00Z"), // 02:30 EST
            utc("2026-03-08T07:00:00Z"), // 02:30 does not exist: 03:00 EDT
            utc("2026-03-15T06:30:00Z"), // 02:30 EDT
        ]
    );
    assert!(got[1].shifted);
    assert_eq!(got[1].local, "2026-03-08T03:00");
    assert_eq!(got[1].date, "2026-03-08");
    assert!(!got[0].shifted && !got[2].shifted);
}

#[test]
fn new_york_repeated_hour_is_used_once_at_the_earlier_instant() {
    let mut p = project("America/New_York");
    p.slots.insert("x".into(), vec![slot(6, 1, 30)]);
    // DST ends Sun 1 Nov 2026: 01:00–02:00 happens twice.
    let got = expand(&p, utc("2026-11-01T00:00:00Z"), utc("2026-11-02T00:00:00Z"));
    assert_eq!(
        times(&got),
        vec![utc("2026-11-01T05:30:00Z")],
        "01:30 EDT only"
    );
}

#[test]
fn slots_that_collide_in_a_gap_are_reported_once() {
    let mut p = project("America/New_York");
    p.slots
        .insert("x".into(), vec![slot(6, 2, 30), slot(6, 3, 0)]);
    let got = expand(&p, utc("2026-03-08T00:00:00Z"), utc("2026-03-09T00:00:00Z"));
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].slot,
        slot(6, 3, 0),
        "the slot whose time exists is kept"
    );
    assert!(!got[0].shifted);
}

#[test]
fn berlin_changes_on_its_own_dates() {
    let mut p = project("Europe/Berlin");
    daily(&mut p, "x", &[(2, 15), (9, 0)]);
    let spring = expand(&p, utc("2026-03-28T00:00:00Z"), utc("2026-03-31T00:00:00Z"));
    assert_eq!(
        times(&spring),
        vec![
            utc("2026-03-28T01:15:00Z"), // Sat 02:15 CET
            utc("2026-03-28T08:00:00Z"), // Sat 09:00 CET
            utc("2026-03-29T01:00:00Z"), // Sun 02:15 skipped: 03:00 CEST
            utc("2026-03-29T07:00:00Z"), // Sun 09:00 CEST
            utc("2026-03-30T00:15:00Z"),
            utc("2026-03-30T07:00:00Z"),
        ]
    );
    assert!(spring[2].shifted);
    // Autumn: 02:00–03:00 repeats on Sun 25 Oct; 02:15 CEST is the earlier one.
    let autumn = expand(&p, utc("2026-10-25T00:00:00Z"), utc("2026-10-25T12:00:00Z"));
    assert_eq!(
        times(&autumn),
        vec![utc("2026-10-25T00:15:00Z"), utc("2026-10-25T08:00:00Z")]
    );
    // New York has already changed on 8 March; Berlin has not: 09:00 is still CET.
    let march8 = expand(&p, utc("2026-03-08T06:00:00Z"), utc("2026-03-08T12:00:00Z"));
    assert_eq!(times(&march8), vec![utc("2026-03-08T08:00:00Z")]);
}

#[test]
fn ho_chi_minh_has_no_dst_and_every_day_is_24_hours() {
    let mut p = project("Asia/Ho_Chi_Minh");
    daily(&mut p, "x", &[(2, 30), (9, 0)]);
    // Across both the US and the EU spring changes.
    let got = expand(&p, utc("2026-03-01T00:00:00Z"), utc("2026-04-01T00:00:00Z"));
    assert_eq!(got.len(), 62);
    assert!(got.iter().all(|s| !s.shifted));
    let nine: Vec<i64> = got
        .iter()
        .filter(|s| s.slot.minute == 540)
        .map(|s| s.at_ms)
        .collect();
    assert_eq!(nine[0], utc("2026-03-01T02:00:00Z"));
    assert!(nine.windows(2).all(|w| w[1] - w[0] == 24 * HOUR));
}

#[test]
fn sydney_southern_hemisphere_changes_and_local_weekdays() {
    let mut p = project("Australia/Sydney");
    p.slots.insert(
        "x".into(),
        vec![slot(5, 9, 0), slot(6, 2, 30), slot(6, 9, 0), slot(0, 9, 0)],
    );
    // DST ends Sun 5 Apr 2026 (03:00 AEDT → 02:00 AEST): 02:30 repeats.
    let april = expand(&p, utc("2026-04-03T12:00:00Z"), utc("2026-04-06T12:00:00Z"));
    assert_eq!(
        times(&april),
        vec![
            utc("2026-04-03T22:00:00Z"), // Sat 09:00 AEDT (+11)
            utc("2026-04-04T15:30:00Z"), // Sun 02:30 AEDT, the earlier of the two
            utc("2026-04-04T23:00:00Z"), // Sun 09:00 AEST (+10)
            utc("2026-04-05T23:00:00Z"), // Mon 09:00 AEST
        ]
    );
    // The Sunday slot is Saturday in UTC: weekdays are local.
    assert_eq!(april[2].date, "2026-04-05");
    assert_eq!(april[2].slot.weekday, 6);
    // DST starts Sun 4 Oct 2026 (02:00 AEST → 03:00 AEDT): 02:30 is skipped.
    let october = expand(&p, utc("2026-10-03T12:00:00Z"), utc("2026-10-04T12:00:00Z"));
    assert_eq!(october[0].at_ms, utc("2026-10-03T16:00:00Z"), "03:00 AEDT");
    assert!(october[0].shifted);
    assert_eq!(
        october[1].at_ms,
        utc("2026-10-03T22:00:00Z"),
        "Sun 09:00 AEDT"
    );
}

#[test]
fn window_is_half_open_and_can_be_limited_to_one_network() {
    let mut p = project("UTC");
    daily(&mut p, "x", &[(9, 0)]);
    daily(&mut p, "mastodon", &[(9, 0), (12, 0)]);
    let nine = utc("2026-05-04T09:00:00Z");
    let got = expand(&p, nine, nine + 24 * HOUR);
    let nets: Vec<(&str, i64)> = got
        .iter()
        .map(|s| (s.network.as_str(), s.at_ms - nine))
        .collect();
    assert_eq!(
        nets,
        vec![("mastodon", 0), ("x", 0), ("mastodon", 3 * HOUR)]
    );
    let only_x = expand_slots(&p, Some("x"), nine, nine + 24 * HOUR).unwrap();
    assert_eq!(times(&only_x), vec![nine]);
}

#[test]
fn bad_windows_and_zones_are_typed_errors() {
    let mut p = project("UTC");
    assert_eq!(
        expand_slots(&p, None, 10, 10),
        Err(ScheduleError::EmptyWindow)
    );
    let big = expand_slots(&p, None, 0, 800 * 86_400_000).unwrap_err();
    assert_eq!(big.variant(), "WindowTooLarge");
    assert_eq!(
        expand_slots(&p, None, -1, 10).unwrap_err().variant(),
        "TimeOutOfRange"
    );
    p.time_zone = "Mars/Olympus".into();
    assert_eq!(
        expand_slots(&p, None, 0, 10).unwrap_err().variant(),
        "UnknownTimeZone"
    );
    p.time_zone = "UTC".into();
    p.slots.insert("x".into(), vec![slot(0, 24, 0)]);
    assert_eq!(
        expand_slots(&p, None, 0, 10).unwrap_err().variant(),
        "BadSlotTime"
    );
}

#[test]
fn samoa_skipped_day_still_resolves() {
    // Pacific/Apia skipped Friday 30 Dec 2011 entirely.
    let tz: crate::schedule::Zone = "Pacific/Apia".parse().unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2011, 12, 30).unwrap();
    let (at, shifted) = resolve_minute(tz, day, 9 * 60).unwrap();
    assert!(shifted);
    assert_eq!(
        at,
        utc("2011-12-30T10:00:00Z"),
        "midnight of 31 Dec, +14:00"
    );
}
