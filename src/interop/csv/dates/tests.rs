use chrono::TimeZone;

use super::*;

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> i64 {
    chrono::Utc
        .with_ymd_and_hms(y, mo, d, h, mi, s)
        .unwrap()
        .timestamp_millis()
}

fn zone(name: &str) -> Zone {
    Zone::from_name(name).unwrap()
}

#[test]
fn interop_dates_in_every_supported_format() {
    use DateOrder::*;
    let cases: &[(&str, DateOrder, i64)] = &[
        ("2025-01-31T09:00:00Z", Auto, utc(2025, 1, 31, 9, 0, 0)),
        ("2025-01-31t09:00z", Auto, utc(2025, 1, 31, 9, 0, 0)),
        ("2025-01-31T09:00:00+02:00", Auto, utc(2025, 1, 31, 7, 0, 0)),
        (
            "2025-01-31T09:00:00.250-0500",
            Auto,
            utc(2025, 1, 31, 14, 0, 0) + 250,
        ),
        ("2025-01-31 09:00 UTC", Auto, utc(2025, 1, 31, 9, 0, 0)),
        ("2025-01-31 09:00", Auto, utc(2025, 1, 31, 8, 0, 0)),
        ("2025-01-31T09:00", Auto, utc(2025, 1, 31, 8, 0, 0)),
        ("  2025/01/31 09:00:30 ", Auto, utc(2025, 1, 31, 8, 0, 30)),
        ("2025-01-31", Auto, utc(2025, 1, 30, 23, 0, 0)),
        ("31/01/2025 09:00", Dmy, utc(2025, 1, 31, 8, 0, 0)),
        ("31-01-2025 09:00", Auto, utc(2025, 1, 31, 8, 0, 0)),
        ("01/31/2025 9:00 PM", Mdy, utc(2025, 1, 31, 20, 0, 0)),
        ("1/31/2025 9:05am", Mdy, utc(2025, 1, 31, 8, 5, 0)),
        ("1/31/2025 9 a.m.", Mdy, utc(2025, 1, 31, 8, 0, 0)),
        ("01/31/2025 12:00 AM", Mdy, utc(2025, 1, 30, 23, 0, 0)),
        ("01/31/2025 12:30 pm", Mdy, utc(2025, 1, 31, 11, 30, 0)),
        ("31.01.2025 09:00", Mdy, utc(2025, 1, 31, 8, 0, 0)),
        ("31.01.25 09:00", Auto, utc(2025, 1, 31, 8, 0, 0)),
        ("9999-12-31 23:59Z", Auto, utc(9999, 12, 31, 23, 59, 0)),
    ];
    for (cell, order, expected) in cases {
        assert_eq!(
            parse_date(cell, zone("Europe/Berlin"), *order),
            Ok(*expected),
            "{cell}"
        );
    }
}

#[test]
fn interop_dates_reject_absurd_and_malformed_values() {
    let cases: &[(&str, DateOrder, &str)] = &[
        (
            "1969-12-31 23:00",
            DateOrder::Auto,
            "year 1969 is outside 1970–9999",
        ),
        ("0000-01-01 00:00", DateOrder::Auto, "year 0 is outside"),
        ("1970-01-01 00:30", DateOrder::Auto, "outside 1970–9999"),
        ("10000-01-01", DateOrder::Auto, "unrecognised date"),
        (
            "2025-13-01 09:00",
            DateOrder::Auto,
            "month 13 does not exist",
        ),
        (
            "2025-02-30 09:00",
            DateOrder::Auto,
            "2025-02-30 is not a calendar date",
        ),
        (
            "31/01/2025 09:00",
            DateOrder::Mdy,
            "check the day/month order",
        ),
        (
            "tomorrow",
            DateOrder::Auto,
            "unrecognised date \"tomorrow\"",
        ),
        ("", DateOrder::Auto, "unrecognised"),
        (
            "2025-01-31 25:00",
            DateOrder::Auto,
            "25:00 is not a time of day (00:00–23:59)",
        ),
        (
            "2025-01-31 25:99",
            DateOrder::Auto,
            "25:99 is not a time of day",
        ),
        ("2025-01-31 09:60", DateOrder::Auto, "09:60 is not a time"),
        (
            "01/31/2025 13:00 PM",
            DateOrder::Mdy,
            "13:00 PM is not a time of day (1:00–12:59 AM/PM)",
        ),
        ("2025-01-31 09:00 +25:00", DateOrder::Auto, "unrecognised"),
        ("2025-01-31 09:00:00:00", DateOrder::Auto, "unrecognised"),
        ("2025-01-31 am", DateOrder::Auto, "unrecognised"),
        ("2025-01-31-01", DateOrder::Auto, "unrecognised"),
        ("１２/０１/２０２５", DateOrder::Auto, "unrecognised"),
    ];
    for (cell, order, needle) in cases {
        let err = parse_date(cell, zone("Europe/Berlin"), *order).unwrap_err();
        assert!(err.contains(needle), "{cell}: {err}");
    }
    let huge = "9".repeat(100_000);
    assert!(parse_date(&huge, zone("Europe/Berlin"), DateOrder::Auto).is_err());
}

#[test]
fn interop_dates_across_dst() {
    let ny = zone("America/New_York");
    // Skipped hour: 02:30 does not exist; it lands the gap later (03:30 EDT).
    assert_eq!(
        parse_date("2025-03-09 02:30", ny, DateOrder::Auto),
        Ok(utc(2025, 3, 9, 7, 30, 0))
    );
    // Repeated hour: the first 01:30 (EDT).
    assert_eq!(
        parse_date("2025-11-02 01:30", ny, DateOrder::Auto),
        Ok(utc(2025, 11, 2, 5, 30, 0))
    );
    assert_eq!(
        parse_date("2025-10-26 02:30", zone("Europe/Berlin"), DateOrder::Auto),
        Ok(utc(2025, 10, 26, 0, 30, 0))
    );
    let hcm = zone("Asia/Ho_Chi_Minh");
    assert_eq!(
        parse_date("2025-03-09 02:30", hcm, DateOrder::Auto),
        Ok(utc(2025, 3, 8, 19, 30, 0))
    );
}

#[test]
fn interop_day_month_order_is_settled_per_file() {
    let settle = |cells: &[&str], order| {
        let mut e = Evidence::default();
        cells.iter().for_each(|c| e.observe(c));
        resolve(order, &e)
    };
    assert_eq!(
        settle(&["01/02/2025 09:00", "13/02/2025 09:00"], DateOrder::Auto),
        DateOrder::Dmy
    );
    assert_eq!(
        settle(&["01/02/2025 09:00", "02/13/2025 09:00"], DateOrder::Auto),
        DateOrder::Mdy
    );
    assert_eq!(
        settle(&["01/02/2025 9:00 pm"], DateOrder::Auto),
        DateOrder::Mdy
    );
    assert_eq!(
        settle(
            &["01/02/2025 09:00", "2025-01-13", "13.01.2025"],
            DateOrder::Auto
        ),
        DateOrder::Dmy
    );
    assert_eq!(
        settle(&["13/02/2025 09:00"], DateOrder::Mdy),
        DateOrder::Mdy
    );
    assert_eq!(settle(&[], DateOrder::Auto), DateOrder::Dmy);
}

#[test]
fn interop_time_cells_of_a_separate_column() {
    for ok in [
        "09:00",
        "9:05 pm",
        "21:30:00",
        "09:00+02:00",
        "12:00 AM",
        "23:59",
    ] {
        assert_eq!(check_time_cell(ok), Ok(()), "{ok}");
    }
    for (cell, needle) in [
        ("25:99", "25:99 is not a time of day (00:00–23:59)"),
        ("24:00", "24:00 is not a time of day"),
        ("13:15 pm", "13:15 PM is not a time of day"),
        ("noon", "unrecognised time \"noon\""),
        ("", "unrecognised time"),
        ("9", "unrecognised time"),
    ] {
        let err = check_time_cell(cell).unwrap_err();
        assert!(err.contains(needle), "{cell}: {err}");
    }
    assert_eq!(
        split_date_time(" 2030-05-01 09:00 "),
        ("2030-05-01", "09:00")
    );
    assert_eq!(
        split_date_time("2030-05-01T09:00Z"),
        ("2030-05-01", "09:00Z")
    );
    assert_eq!(split_date_time("1/31/2030 9 PM"), ("1/31/2030", "9 PM"));
    assert_eq!(split_date_time("31.01.2030"), ("31.01.2030", ""));
}
