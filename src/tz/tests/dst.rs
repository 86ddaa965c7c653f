//! DST behaviour spelled out for a few zones (values from the tz database,
//! independent of chrono-tz).

use chrono::{FixedOffset, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeZone};

use crate::tz::Zone;

fn zone(name: &str) -> Zone {
    Zone::from_name(name).unwrap()
}

fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, mo, d)
        .unwrap()
        .and_hms_opt(h, mi, 0)
        .unwrap()
}

fn hours(h: f64) -> FixedOffset {
    FixedOffset::east_opt((h * 3600.0) as i32).unwrap()
}

/// Local time → (UTC second, offset) for each possible reading.
fn resolve(z: Zone, local: NaiveDateTime) -> LocalResult<(i64, FixedOffset)> {
    z.from_local_datetime(&local)
        .map(|d| (d.timestamp(), d.offset().fix()))
}

fn offset_at(z: Zone, utc: NaiveDateTime) -> FixedOffset {
    z.offset_from_utc_datetime(&utc).fix()
}

#[test]
fn new_york_2024() {
    let ny = zone("America/New_York");
    assert_eq!(offset_at(ny, at(2024, 1, 15, 12, 0)), hours(-5.0));
    assert_eq!(offset_at(ny, at(2024, 7, 15, 12, 0)), hours(-4.0));
    // Spring forward on 10 March at 02:00 EST = 07:00 UTC.
    assert_eq!(offset_at(ny, at(2024, 3, 10, 6, 59)), hours(-5.0));
    assert_eq!(offset_at(ny, at(2024, 3, 10, 7, 0)), hours(-4.0));
    assert_eq!(
        resolve(ny, at(2024, 3, 10, 1, 59)),
        LocalResult::Single((1_710_053_940, hours(-5.0)))
    );
    assert_eq!(resolve(ny, at(2024, 3, 10, 2, 0)), LocalResult::None);
    assert_eq!(resolve(ny, at(2024, 3, 10, 2, 30)), LocalResult::None);
    assert_eq!(
        resolve(ny, at(2024, 3, 10, 3, 0)),
        LocalResult::Single((1_710_054_000, hours(-4.0)))
    );
    // Fall back on 3 November: 01:00–01:59 happens twice, EDT first.
    assert_eq!(
        resolve(ny, at(2024, 11, 3, 1, 30)),
        LocalResult::Ambiguous((1_730_611_800, hours(-4.0)), (1_730_615_400, hours(-5.0)))
    );
    assert_eq!(
        resolve(ny, at(2024, 11, 3, 0, 59)),
        LocalResult::Single((1_730_609_940, hours(-4.0)))
    );
    assert_eq!(
        resolve(ny, at(2024, 11, 3, 2, 0)),
        LocalResult::Single((1_730_617_200, hours(-5.0)))
    );
}

#[test]
fn berlin_2024() {
    let berlin = zone("Europe/Berlin");
    assert_eq!(offset_at(berlin, at(2024, 1, 15, 12, 0)), hours(1.0));
    assert_eq!(offset_at(berlin, at(2024, 7, 15, 12, 0)), hours(2.0));
    // EU rule: both changes at 01:00 UTC on the last Sunday.
    assert_eq!(offset_at(berlin, at(2024, 3, 31, 0, 59)), hours(1.0));
    assert_eq!(offset_at(berlin, at(2024, 3, 31, 1, 0)), hours(2.0));
    assert_eq!(offset_at(berlin, at(2024, 10, 27, 0, 59)), hours(2.0));
    assert_eq!(offset_at(berlin, at(2024, 10, 27, 1, 0)), hours(1.0));
    assert_eq!(resolve(berlin, at(2024, 3, 31, 2, 30)), LocalResult::None);
    assert_eq!(
        resolve(berlin, at(2024, 10, 27, 2, 30)),
        LocalResult::Ambiguous((1_729_989_000, hours(2.0)), (1_729_992_600, hours(1.0)))
    );
    assert!(matches!(
        resolve(berlin, at(2024, 10, 27, 3, 0)),
        LocalResult::Single(_)
    ));
}

#[test]
fn sydney_2024_southern_hemisphere() {
    let sydney = zone("Australia/Sydney");
    // Summer (AEDT, +11) in January, winter (AEST, +10) in July.
    assert_eq!(offset_at(sydney, at(2024, 1, 15, 0, 0)), hours(11.0));
    assert_eq!(offset_at(sydney, at(2024, 7, 15, 0, 0)), hours(10.0));
    // DST ends 7 April 03:00 AEDT: 02:00–02:59 repeats.
    assert_eq!(
        resolve(sydney, at(2024, 4, 7, 2, 30)),
        LocalResult::Ambiguous((1_712_417_400, hours(11.0)), (1_712_421_000, hours(10.0)))
    );
    // DST starts 6 October 02:00 AEST: 02:00–02:59 does not exist.
    assert_eq!(resolve(sydney, at(2024, 10, 6, 2, 30)), LocalResult::None);
    assert_eq!(
        resolve(sydney, at(2024, 10, 6, 3, 0)),
        LocalResult::Single((1_728_144_000, hours(11.0)))
    );
}

#[test]
fn ho_chi_minh_no_dst_and_1975_change() {
    let hcm = zone("Asia/Ho_Chi_Minh");
    for month in 1..=12 {
        let local = at(2024, month, 10, 2, 30);
        assert_eq!(
            resolve(hcm, local),
            LocalResult::Single((local.and_utc().timestamp() - 7 * 3600, hours(7.0)))
        );
    }
    // 13 June 1975: +08 → +07 at midnight, so 23:00–23:59 on the 12th repeats.
    assert_eq!(offset_at(hcm, at(1975, 6, 12, 15, 59)), hours(8.0));
    assert_eq!(offset_at(hcm, at(1975, 6, 12, 16, 0)), hours(7.0));
    assert_eq!(
        resolve(hcm, at(1975, 6, 12, 23, 30)),
        LocalResult::Ambiguous((171_819_000, hours(8.0)), (171_822_600, hours(7.0)))
    );
    // The old name is a link with the same offsets.
    let saigon = zone("Asia/Saigon");
    assert_ne!(saigon, hcm);
    assert_eq!(
        resolve(saigon, at(1975, 6, 12, 23, 30)),
        resolve(hcm, at(1975, 6, 12, 23, 30))
    );
}

#[test]
fn unusual_offsets_and_gaps() {
    // A whole skipped day: Samoa crossed the date line on 30 December 2011.
    let apia = zone("Pacific/Apia");
    assert_eq!(resolve(apia, at(2011, 12, 30, 12, 0)), LocalResult::None);
    assert_eq!(offset_at(apia, at(2011, 12, 30, 9, 59)), hours(-10.0));
    assert_eq!(offset_at(apia, at(2011, 12, 30, 10, 0)), hours(14.0));
    // Half-hour DST (Lord Howe) and a 45-minute zone (Kathmandu).
    let lord_howe = zone("Australia/Lord_Howe");
    assert_eq!(offset_at(lord_howe, at(2024, 1, 15, 0, 0)), hours(11.0));
    assert_eq!(offset_at(lord_howe, at(2024, 7, 15, 0, 0)), hours(10.5));
    assert_eq!(
        offset_at(zone("Asia/Kathmandu"), at(2024, 7, 15, 0, 0)),
        hours(5.75)
    );
    // Seconds-precision offset and change instant: Monrovia was −0:44:30
    // until 1972-01-07 00:44:30 UTC.
    let monrovia = zone("Africa/Monrovia");
    let change = 63_593_070;
    let before = chrono::DateTime::from_timestamp(change - 1, 0)
        .unwrap()
        .naive_utc();
    let after = chrono::DateTime::from_timestamp(change, 0)
        .unwrap()
        .naive_utc();
    assert_eq!(
        offset_at(monrovia, before),
        FixedOffset::west_opt(2_670).unwrap()
    );
    assert_eq!(offset_at(monrovia, after), hours(0.0));
}
