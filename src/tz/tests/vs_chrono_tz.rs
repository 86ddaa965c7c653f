//! Every zone against chrono-tz, the reference build.rs generated the table
//! from: UTC→offset and local→`LocalResult` must be identical.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, FixedOffset, LocalResult, NaiveDateTime, Offset, TimeZone};
use chrono_tz::{Tz, TZ_VARIANTS};

use crate::tz::Zone;

/// 1969-01-01 and 2101-01-01: the window build.rs scans.
const WINDOW_START: i64 = -31_536_000;
const WINDOW_END: i64 = 4_133_980_800;
/// build.rs samples every 3 days; these tests sample in between.
const BUILD_STEP: i64 = 3 * 86_400;

fn pairs() -> Vec<(Zone, Tz)> {
    TZ_VARIANTS
        .iter()
        .map(|&tz| (Zone::from_name(tz.name()).unwrap(), tz))
        .collect()
}

/// Half of the zones, so the heaviest tests run on both cores.
fn half(second: bool) -> Vec<(Zone, Tz)> {
    let all = pairs();
    let mid = all.len() / 2;
    if second {
        all[mid..].to_vec()
    } else {
        all[..mid].to_vec()
    }
}

fn naive(t: i64) -> NaiveDateTime {
    DateTime::from_timestamp(t, 0).unwrap().naive_utc()
}

fn utc_offset<Z: TimeZone>(zone: &Z, t: i64) -> FixedOffset {
    zone.offset_from_utc_datetime(&naive(t)).fix()
}

fn local<Z: TimeZone>(zone: &Z, local: &NaiveDateTime) -> LocalResult<(i64, FixedOffset)> {
    zone.from_local_datetime(local)
        .map(|d| (d.timestamp(), d.offset().fix()))
}

fn assert_local_same(zone: Zone, tz: Tz, at: &NaiveDateTime) {
    assert_eq!(local(&zone, at), local(&tz, at), "{zone} at local {at}");
}

fn changes(zone: Zone) -> (i32, Vec<(i64, i32)>) {
    zone.table.changes()
}

/// A small deterministic generator (no external randomness in tests).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: i64) -> i64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as i64
    }
}

#[test]
fn names_are_exactly_chrono_tz_names() {
    let ours: BTreeSet<&str> = Zone::names().collect();
    let theirs: BTreeSet<&str> = TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
    assert_eq!(ours.len(), 597);
    assert_eq!(ours, theirs);
    for name in theirs {
        let zone = Zone::from_name(name).unwrap();
        assert_eq!(zone.name(), name);
        assert_eq!(name.parse::<Zone>().unwrap(), zone);
    }
    // Case-sensitive and exact, like chrono-tz's FromStr.
    for bad in [
        "europe/berlin",
        "EUROPE/BERLIN",
        "Europe/Berlin ",
        "",
        "Mars/Olympus",
        "Europe",
    ] {
        assert!(bad.parse::<Tz>().is_err(), "{bad}");
        assert_eq!(Zone::from_name(bad), None, "{bad}");
    }
}

/// The table's content against chrono-tz at points between build.rs's
/// samples (at varying times of day), so an offset change the coarse scan
/// stepped over would show up here.
fn check_tables_between_samples(zones: &[(Zone, Tz)]) {
    let tables: Vec<(i32, Vec<(i64, i32)>)> = zones.iter().map(|(z, _)| changes(*z)).collect();
    let mut cursors = vec![0usize; zones.len()];
    let mut current: Vec<i32> = tables.iter().map(|t| t.0).collect();
    let mut k = 0;
    loop {
        let t = WINDOW_START + k * BUILD_STEP + BUILD_STEP / 2 + (k * 7_919) % 86_400 - 43_200;
        if t >= WINDOW_END {
            break;
        }
        let at = naive(t);
        for (i, (zone, tz)) in zones.iter().enumerate() {
            let list = &tables[i].1;
            while cursors[i] < list.len() && list[cursors[i]].0 <= t {
                current[i] = list[cursors[i]].1;
                cursors[i] += 1;
            }
            let theirs = tz.offset_from_utc_datetime(&at).fix().local_minus_utc();
            assert_eq!(current[i], theirs, "{zone} at {at}");
        }
        k += 1;
    }
}

#[test]
fn tables_match_between_build_samples_first_half() {
    check_tables_between_samples(&half(false));
}

#[test]
fn tables_match_between_build_samples_second_half() {
    check_tables_between_samples(&half(true));
}

/// Around every offset change: UTC a minute and a second before, at and a
/// minute after; local times around both ends of the gap or overlap.
fn check_around_changes(zones: &[(Zone, Tz)]) {
    let mut checked = 0;
    for &(zone, tz) in zones {
        let (mut before, list) = changes(zone);
        for &(at, after) in &list {
            for t in [at - 60, at - 1, at, at + 60] {
                assert_eq!(utc_offset(&zone, t), utc_offset(&tz, t), "{zone} at {t}");
            }
            for edge in [at + i64::from(before), at + i64::from(after)] {
                for d in [-60, -1, 0, 60] {
                    assert_local_same(zone, tz, &naive(edge + d));
                }
            }
            before = after;
            checked += 1;
        }
    }
    assert!(checked > 20_000, "only {checked} changes");
}

#[test]
fn every_change_matches_to_the_second_first_half() {
    check_around_changes(&half(false));
}

#[test]
fn every_change_matches_to_the_second_second_half() {
    check_around_changes(&half(true));
}

#[test]
fn random_instants_and_local_times_match() {
    let mut rng = Lcg(0x5eed);
    for (zone, tz) in pairs() {
        for _ in 0..150 {
            let t = WINDOW_START + rng.below(WINDOW_END - WINDOW_START);
            assert_eq!(utc_offset(&zone, t), utc_offset(&tz, t), "{zone} at {t}");
            let at = naive(t + 2 * 86_400) + Duration::nanoseconds(rng.below(1_000_000_000));
            assert_local_same(zone, tz, &at);
        }
    }
}

/// chrono-tz's tables stop in 2099 and keep the last offset; so do ours.
#[test]
fn far_future_matches() {
    let mut instants: Vec<i64> = (2099..2200)
        .flat_map(|y| {
            [
                (y - 1970) * 31_556_952,
                (y - 1970) * 31_556_952 + 15_778_476,
            ]
        })
        .collect();
    instants.extend([16_725_225_600, 32_503_680_000, 253_402_300_799]); // 2500, 3000, 9999-12-31
    for (zone, tz) in pairs() {
        for &t in &instants {
            assert_eq!(utc_offset(&zone, t), utc_offset(&tz, t), "{zone} at {t}");
            assert_local_same(zone, tz, &naive(t));
        }
    }
}

#[test]
fn local_dates_match() {
    let mut rng = Lcg(7);
    for (zone, tz) in pairs() {
        let (_, list) = changes(zone);
        let days = list
            .iter()
            .map(|&(at, _)| at)
            .chain((0..20).map(|_| rng.below(WINDOW_END)));
        for t in days {
            let date = naive(t).date();
            let ours = zone.offset_from_local_date(&date).map(|o| o.fix());
            let theirs = tz.offset_from_local_date(&date).map(|o| o.fix());
            assert_eq!(ours, theirs, "{zone} on {date}");
        }
    }
}
