//! Converting between UTC instants and local wall-clock time in a zone.
//!
//! All DST decisions of the scheduler are made here, once, so slots, quiet
//! hours, "per day" limits and snoozes agree with each other.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike};

use super::{ScheduleError, Zone};
use crate::model::ModelError;

/// How far to walk forward out of a skipped interval. The longest gap in the
/// tz database is a whole day (Pacific/Apia skipped 2011-12-30), so two days
/// is a safe bound that still guarantees termination.
const MAX_GAP_MINUTES: i64 = 2 * 24 * 60;

/// The UTC instant (ms) of a local wall-clock time, and whether it had to be
/// moved because the time falls in a skipped interval.
///
/// - exists once: that instant;
/// - repeated (fall back): the earlier instant, so the time is used once;
/// - skipped (spring forward): the next local minute that exists.
///
/// `None` only for dates outside chrono's range.
pub fn resolve_local(tz: Zone, local: NaiveDateTime) -> Option<(i64, bool)> {
    if let Some(t) = tz.from_local_datetime(&local).earliest() {
        return Some((t.timestamp_millis(), false));
    }
    // Walk from the start of the minute, so 02:30:15 in a gap becomes 03:00:00
    // ("the next valid minute"), not 03:00:15.
    let start = local.with_second(0)?.with_nanosecond(0)?;
    (1..=MAX_GAP_MINUTES).find_map(|m| {
        let candidate = start.checked_add_signed(Duration::minutes(m))?;
        tz.from_local_datetime(&candidate)
            .earliest()
            .map(|t| (t.timestamp_millis(), true))
    })
}

/// [`resolve_local`] for a date and a minute of the day (0..1440).
pub fn resolve_minute(tz: Zone, date: NaiveDate, minute: u16) -> Option<(i64, bool)> {
    resolve_local(tz, at_minute(date, minute)?)
}

/// The local wall-clock time of a UTC instant.
pub fn to_local(tz: Zone, ms: i64) -> Result<NaiveDateTime, ScheduleError> {
    // UTC → local is never ambiguous; `single` fails only out of range.
    tz.timestamp_millis_opt(ms)
        .single()
        .map(|t| t.naive_local())
        .ok_or(ScheduleError::Model(ModelError::TimeOutOfRange(ms)))
}

/// Local midnight-based date and time for a minute of the day.
pub fn at_minute(date: NaiveDate, minute: u16) -> Option<NaiveDateTime> {
    let time = NaiveTime::from_hms_opt(u32::from(minute / 60), u32::from(minute % 60), 0)?;
    Some(date.and_time(time))
}

/// Minutes after local midnight (0..1440).
pub fn minute_of_day(t: NaiveDateTime) -> u16 {
    // hour < 24 and minute < 60, so this is < 1440 and fits in u16.
    (t.hour() * 60 + t.minute()) as u16
}

/// "2026-03-08T09:00": the local time as the UI shows it (minute precision).
pub fn format_local(t: NaiveDateTime) -> String {
    format!(
        "{}T{}",
        format_date(t.date()),
        format_minute(minute_of_day(t))
    )
}

/// "2026-03-08". Written by hand rather than with chrono's `format`, whose
/// format-string machinery costs tens of kilobytes of wasm.
pub fn format_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// "09:00".
pub fn format_minute(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}
