//! Date cells: ISO 8601 / RFC 3339, `dd/mm/yyyy HH:MM`, `mm/dd/yyyy hh:mm AM/PM`,
//! `dd.mm.yyyy HH:MM`, `yyyy/mm/dd HH:MM`, optional seconds, optional offset.
//!
//! A time without an offset is a wall-clock time in the import zone. In a DST
//! gap it moves forward by the gap (02:30 → 03:30); in a repeated hour the
//! first occurrence is used (as JavaScript's Temporal "compatible" mode does).

use chrono::{Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};
use serde::{Deserialize, Serialize};

use crate::model::MAX_TIME_MS;
use crate::tz::Zone;

/// How to read `a/b/yyyy`: day first (most of the world, Hootsuite's
/// `dd/mm/yyyy`) or month first (US, `mm/dd/yyyy`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DateOrder {
    /// Decide from the whole file (see [`resolve`]).
    #[default]
    Auto,
    Dmy,
    Mdy,
}

/// What the date cells of a file say about the day/month order.
#[derive(Debug, Default)]
pub(super) struct Evidence {
    day_first: usize,
    month_first: usize,
    twelve_hour: usize,
}

impl Evidence {
    /// Look at one date cell: `13/01/2025` can only be day-first,
    /// `01/13/2025` only month-first.
    pub(super) fn observe(&mut self, cell: &str) {
        let lower = cell.trim().to_ascii_lowercase();
        let (body, meridiem) = strip_meridiem(&lower);
        let Some((first, second, _year, sep)) = split_date(split_at_time(body).0) else {
            return;
        };
        if first.len() == 4 || sep == '.' {
            return; // year-first, or dotted (always day-first): no evidence
        }
        let (a, b): (u32, u32) = (first.parse().unwrap_or(0), second.parse().unwrap_or(0));
        if a > 12 && (1..=12).contains(&b) {
            self.day_first += 1;
        } else if b > 12 && (1..=12).contains(&a) {
            self.month_first += 1;
        }
        if meridiem.is_some() {
            self.twelve_hour += 1;
        }
    }
}

/// The order for a file: the caller's choice, else what the dates prove,
/// else month-first when times are 12-hour (a US habit), else day-first.
pub(super) fn resolve(order: DateOrder, evidence: &Evidence) -> DateOrder {
    match order {
        DateOrder::Dmy | DateOrder::Mdy => order,
        DateOrder::Auto if evidence.month_first > evidence.day_first => DateOrder::Mdy,
        DateOrder::Auto if evidence.day_first > 0 => DateOrder::Dmy,
        DateOrder::Auto if evidence.twelve_hour > 0 => DateOrder::Mdy,
        DateOrder::Auto => DateOrder::Dmy,
    }
}

/// Parse a date cell to UTC milliseconds. `order` applies to `a/b/yyyy`
/// (`Auto` reads day-first). Errors are short, user-facing sentences.
pub fn parse_date(cell: &str, zone: Zone, order: DateOrder) -> Result<i64, String> {
    let unreadable = || format!("unrecognised date {:?}", super::cells::shorten(cell.trim()));
    let lower = cell.trim().to_ascii_lowercase();
    if lower.is_empty() || lower.len() > 64 {
        return Err(unreadable());
    }
    let (body, meridiem) = strip_meridiem(&lower);
    let (date_text, time_text) = split_at_time(body);
    let (first, a, b, sep) = split_date(date_text).ok_or_else(unreadable)?;
    let num = |s: &str| s.parse::<i64>().map_err(|_| unreadable());
    let (year, month, day) = if first.len() == 4 {
        (num(first)?, num(a)?, num(b)?)
    } else {
        // `first/a/b` with the year last.
        let year = match b.len() {
            4 => num(b)?,
            2 => 2000 + num(b)?,
            _ => return Err(unreadable()),
        };
        let day_first = sep == '.' || order != DateOrder::Mdy;
        let (d, m) = if day_first {
            (num(first)?, num(a)?)
        } else {
            (num(a)?, num(first)?)
        };
        (year, m, d)
    };
    if !(1970..=9999).contains(&year) {
        return Err(format!("year {year} is outside 1970–9999"));
    }
    if !(1..=12).contains(&month) {
        let hint = if first.len() == 4 {
            ""
        } else {
            " (check the day/month order)"
        };
        return Err(format!("month {month} does not exist{hint}"));
    }
    let date = u32::try_from(month)
        .ok()
        .zip(u32::try_from(day).ok())
        .and_then(|(m, d)| {
            i32::try_from(year)
                .ok()
                .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
        })
        .ok_or_else(|| format!("{year:04}-{month:02}-{day:02} is not a calendar date"))?;
    let (time, offset_minutes) = match parse_time(time_text.trim(), meridiem) {
        Ok(parsed) => parsed,
        Err(Clock::Unreadable) => return Err(unreadable()),
        Err(Clock::Impossible) => return Err(impossible_time(time_text, meridiem)),
    };
    let naive = NaiveDateTime::new(date, time);
    let utc = match offset_minutes {
        Some(m) => naive - Duration::minutes(i64::from(m)),
        None => local_to_utc(zone, naive),
    };
    let ms = utc.and_utc().timestamp_millis();
    if !(0..=MAX_TIME_MS).contains(&ms) {
        return Err(format!("{} is outside 1970–9999", cell.trim()));
    }
    Ok(ms)
}

fn local_to_utc(zone: Zone, naive: NaiveDateTime) -> NaiveDateTime {
    match zone.from_local_datetime(&naive) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.naive_utc(),
        LocalResult::None => {
            // In a gap: use the offset in force before it, which lands the
            // same distance after the transition.
            let before = naive - Duration::days(1);
            let offset = zone.offset_from_utc_datetime(&before).fix();
            naive - Duration::seconds(i64::from(offset.local_minus_utc()))
        }
    }
}

/// Split off a trailing `am`/`pm` (also `a.m.`/`p.m.`); `Some(true)` = pm.
fn strip_meridiem(lower: &str) -> (&str, Option<bool>) {
    for (suffix, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if let Some(body) = lower.strip_suffix(suffix) {
            if body.ends_with(|c: char| c.is_ascii_digit() || c == ' ') {
                return (body.trim_end(), Some(pm));
            }
        }
    }
    (lower, None)
}

/// `"2025-01-31t09:00z"` → (`"2025-01-31"`, `"09:00z"`); splits at the first
/// space or at a `t` between digits.
fn split_at_time(body: &str) -> (&str, &str) {
    let bytes = body.as_bytes();
    for (i, &c) in bytes.iter().enumerate() {
        let between_digits = i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if c == b' ' || (c == b't' && between_digits) {
            return (&body[..i], &body[i + 1..]);
        }
    }
    (body, "")
}

/// Three digit groups joined by one separator (`-`, `/` or `.`).
fn split_date(text: &str) -> Option<(&str, &str, &str, char)> {
    let sep = text.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let mut parts = text.split(sep);
    let (x, y, z) = (parts.next()?, parts.next()?, parts.next()?);
    let ok = |s: &str| (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    (parts.next().is_none() && ok(x) && ok(y) && ok(z)).then_some((x, y, z, sep))
}

/// Why a time of day was refused.
#[derive(Debug, PartialEq, Eq)]
enum Clock {
    /// Not shaped like a time at all.
    Unreadable,
    /// Shaped like one, but no clock shows it ("25:99", "13:00 PM").
    Impossible,
}

/// "25:99 is not a time of day (00:00–23:59)": said apart from an
/// unreadable cell, so the user knows which part of the row to fix.
fn impossible_time(time_text: &str, meridiem: Option<bool>) -> String {
    let shown = super::cells::shorten(time_text.trim()).to_uppercase();
    match meridiem {
        Some(pm) => format!(
            "{shown} {} is not a time of day (1:00–12:59 AM/PM)",
            if pm { "PM" } else { "AM" }
        ),
        None => format!("{shown} is not a time of day (00:00–23:59)"),
    }
}

/// `H[:MM[:SS[.fff]]]` then an optional `z`, `±HH[:MM]`, `utc` or `gmt`.
/// Empty = midnight. Returns the time and the offset in minutes, if any.
fn parse_time(text: &str, meridiem: Option<bool>) -> Result<(NaiveTime, Option<i32>), Clock> {
    if text.is_empty() {
        return match meridiem {
            None => Ok((NaiveTime::MIN, None)),
            Some(_) => Err(Clock::Unreadable),
        };
    }
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(text.len());
    let (clock, zone) = (&text[..end], text[end..].trim());
    let (hms, frac) = clock.split_once('.').unwrap_or((clock, ""));
    let mut fields = hms.split(':');
    let mut next = |required: bool| match fields.next() {
        Some(s) if (1..=2).contains(&s.len()) => s.parse::<u32>().ok(),
        None if !required => Some(0),
        _ => None,
    };
    let hour = next(true).ok_or(Clock::Unreadable)?;
    let minute = next(meridiem.is_none()).ok_or(Clock::Unreadable)?;
    let second = next(false).ok_or(Clock::Unreadable)?;
    if fields.next().is_some() || frac.len() > 9 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Clock::Unreadable);
    }
    let milli = format!("{frac:0<3}")
        .get(..3)
        .and_then(|s| s.parse::<u32>().ok())
        .ok_or(Clock::Unreadable)?;
    let offset = parse_offset(zone).ok_or(Clock::Unreadable)?;
    let hour = match meridiem {
        Some(_) if !(1..=12).contains(&hour) => return Err(Clock::Impossible),
        Some(pm) => hour % 12 + if pm { 12 } else { 0 },
        None => hour,
    };
    let time =
        NaiveTime::from_hms_milli_opt(hour, minute, second, milli).ok_or(Clock::Impossible)?;
    Ok((time, offset))
}

/// The date part and the time part (empty when there is none) of a date
/// cell, e.g. for "2030-05-01 09:00" ("2030-05-01", "09:00"); a trailing
/// AM/PM stays with the time.
pub(super) fn split_date_time(cell: &str) -> (&str, &str) {
    let cell = cell.trim();
    let (date, time) = split_at_time_any_case(cell);
    (date.trim(), time.trim())
}

/// [`split_at_time`] on the original (not lower-cased) cell: the split
/// points are ASCII, so they are the same in both.
fn split_at_time_any_case(cell: &str) -> (&str, &str) {
    let lower = cell.to_ascii_lowercase();
    let (date, _) = split_at_time(&lower);
    let at = date.len();
    match cell.get(at..) {
        Some(rest) if !rest.is_empty() => (&cell[..at], &rest[1..]),
        _ => (cell, ""),
    }
}

/// Check a cell of a separate time column ("09:00", "9:05 pm",
/// "21:30:00", "09:00+02:00"): Ok, or the sentence saying why not.
pub(super) fn check_time_cell(cell: &str) -> Result<(), String> {
    let lower = cell.trim().to_ascii_lowercase();
    let (body, meridiem) = strip_meridiem(&lower);
    if body.is_empty() || lower.len() > 32 {
        return Err(format!(
            "unrecognised time {:?}",
            super::cells::shorten(cell.trim())
        ));
    }
    match parse_time(body, meridiem) {
        Ok(_) => Ok(()),
        Err(Clock::Impossible) => Err(impossible_time(body, meridiem)),
        Err(Clock::Unreadable) => Err(format!(
            "unrecognised time {:?}",
            super::cells::shorten(cell.trim())
        )),
    }
}

/// True when the time part is midnight written out ("00:00", "00:00:00"),
/// as spreadsheets write a date cell that has a separate time column.
pub(super) fn is_written_midnight(time: &str) -> bool {
    matches!(time, "00:00" | "00:00:00" | "0:00" | "0:00:00")
}

fn parse_offset(zone: &str) -> Option<Option<i32>> {
    match zone {
        "" => return Some(None),
        "z" | "utc" | "gmt" => return Some(Some(0)),
        _ => {}
    }
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
    if !matches!(digits.len(), 2 | 4) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = digits
        .get(2..)
        .filter(|s| !s.is_empty())
        .map_or(Some(0), |s| s.parse().ok())?;
    (h <= 23 && m <= 59).then_some(Some(sign * (h * 60 + m)))
}

#[cfg(test)]
mod tests;
