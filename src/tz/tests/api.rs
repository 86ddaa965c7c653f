//! The `Zone` API itself: names, parsing, errors, UTC, chrono integration.

use chrono::{DateTime, Offset, TimeZone, Utc};

use crate::tz::{blob, TzError, Zone};

#[test]
fn parse_and_display() {
    let berlin: Zone = "Europe/Berlin".parse().unwrap();
    assert_eq!(berlin.name(), "Europe/Berlin");
    assert_eq!(berlin.to_string(), "Europe/Berlin");
    assert_eq!(format!("{berlin:?}"), "Europe/Berlin");
    assert_eq!(Zone::from_name("Europe/Berlin"), Some(berlin));
    let err = "Europe/Atlantis".parse::<Zone>().unwrap_err();
    assert_eq!(err, TzError::UnknownZone("Europe/Atlantis".to_string()));
    assert_eq!(err.to_string(), "unknown time zone \"Europe/Atlantis\"");
}

#[test]
fn utc_constant_is_the_utc_zone() {
    let named = Zone::from_name("UTC").unwrap();
    assert_eq!(Zone::UTC, named);
    assert_eq!(Zone::default(), Zone::UTC);
    for t in [0, 1_000_000_000, 4_000_000_000] {
        let at = DateTime::from_timestamp(t, 0).unwrap().naive_utc();
        assert_eq!(
            Zone::UTC
                .offset_from_utc_datetime(&at)
                .fix()
                .local_minus_utc(),
            0
        );
        assert_eq!(
            named.offset_from_utc_datetime(&at).fix().local_minus_utc(),
            0
        );
        assert_eq!(
            Zone::UTC
                .from_local_datetime(&at)
                .single()
                .map(|d| d.timestamp()),
            Some(t)
        );
    }
}

#[test]
fn links_are_distinct_zones_sharing_a_table() {
    let a = Zone::from_name("Asia/Ho_Chi_Minh").unwrap();
    let b = Zone::from_name("Asia/Saigon").unwrap();
    assert_ne!(a, b);
    assert!(
        std::ptr::eq(a.table, b.table),
        "links must share one decoded table"
    );
    assert!(blob::tables() < Zone::names().count());
}

#[test]
fn works_as_a_chrono_time_zone() {
    let ny = Zone::from_name("America/New_York").unwrap();
    let t = ny.with_ymd_and_hms(2024, 7, 4, 9, 30, 0).single().unwrap();
    assert_eq!(t.timestamp(), 1_720_099_800);
    assert_eq!(
        t.format("%Y-%m-%d %H:%M %:z").to_string(),
        "2024-07-04 09:30 -04:00"
    );
    assert_eq!(t.to_string(), "2024-07-04 09:30:00 -04:00");
    assert_eq!(t.timezone(), ny);
    assert_eq!(t.offset().zone(), ny);
    let utc = t.with_timezone(&Utc);
    assert_eq!(utc.with_timezone(&ny), t);
    let ms = DateTime::from_timestamp_millis(1_704_067_200_000).unwrap();
    assert_eq!(ms.with_timezone(&ny).format("%H:%M").to_string(), "19:00");
}

/// The embedded data stays small (it replaces ~144 KB gzipped of chrono-tz).
#[test]
fn embedded_data_is_compact() {
    assert!(blob::len() < 200_000, "{} bytes", blob::len());
}

#[test]
fn zone_list_names_every_zone_with_its_offset_then() {
    // 2026-07-01 12:00 UTC (summer in the north) and 2026-01-15 (winter).
    let summer = super::super::zone_list(1_782_907_200_000);
    let winter = super::super::zone_list(1_768_478_400_000);
    assert_eq!(summer.len(), Zone::names().count());
    assert!(
        summer.windows(2).all(|w| w[0].name < w[1].name),
        "sorted by name"
    );
    let offset = |list: &[super::super::ZoneInfo], name: &str| {
        list.iter()
            .find(|z| z.name == name)
            .map(|z| z.offset_minutes)
    };
    assert_eq!(offset(&summer, "Europe/Berlin"), Some(120));
    assert_eq!(offset(&winter, "Europe/Berlin"), Some(60));
    assert_eq!(offset(&summer, "Asia/Kolkata"), Some(330));
    assert_eq!(offset(&winter, "America/New_York"), Some(-300));
    assert_eq!(offset(&summer, "UTC"), Some(0));
    // Out of range times are clamped, not a panic.
    assert_eq!(super::super::zone_list(i64::MIN).len(), summer.len());
}
