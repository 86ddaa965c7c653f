//! chrono's `TimeZone` for [`Zone`], so `DateTime<Zone>` works like
//! `DateTime<chrono_tz::Tz>`.

use std::fmt;

use chrono::{
    Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};

use super::Zone;

/// The offset of a [`Zone`] at some instant (chrono's `TimeZone::Offset`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ZoneOffset {
    zone: Zone,
    fix: FixedOffset,
}

impl ZoneOffset {
    fn new(zone: Zone, seconds: i32) -> Self {
        // Tables are validated to hold offsets chrono accepts; UTC is only a
        // fallback that cannot be reached.
        let fix = FixedOffset::east_opt(seconds).unwrap_or_else(|| Utc.fix());
        ZoneOffset { zone, fix }
    }

    /// The zone this offset belongs to.
    pub fn zone(&self) -> Zone {
        self.zone
    }
}

impl Offset for ZoneOffset {
    fn fix(&self) -> FixedOffset {
        self.fix
    }
}

/// "+01:00": abbreviations such as "CET" are not kept.
impl fmt::Display for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.fix, f)
    }
}

impl fmt::Debug for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.fix, f)
    }
}

impl TimeZone for Zone {
    type Offset = ZoneOffset;

    fn from_offset(offset: &ZoneOffset) -> Zone {
        offset.zone
    }

    /// Like chrono-tz: one offset that occurs on that day (midnight's if it
    /// exists, else the end of the day's), `None` only if neither exists.
    fn offset_from_local_date(&self, local: &NaiveDate) -> LocalResult<ZoneOffset> {
        let last_second = NaiveTime::MIN
            .overflowing_add_signed(Duration::seconds(86_399))
            .0;
        let earliest = self.offset_from_local_datetime(&local.and_time(NaiveTime::MIN));
        let latest = self.offset_from_local_datetime(&local.and_time(last_second));
        match (earliest, latest) {
            (result @ LocalResult::Single(_), _) | (_, result @ LocalResult::Single(_)) => result,
            (LocalResult::Ambiguous(offset, _), _) | (_, LocalResult::Ambiguous(offset, _)) => {
                LocalResult::Single(offset)
            }
            (LocalResult::None, LocalResult::None) => LocalResult::None,
        }
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> LocalResult<ZoneOffset> {
        self.table
            .local_offsets(local.and_utc().timestamp())
            .map(|secs| ZoneOffset::new(*self, secs))
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> ZoneOffset {
        self.offset_from_utc_datetime(&utc.and_time(NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> ZoneOffset {
        ZoneOffset::new(*self, self.table.offset_at(utc.and_utc().timestamp()))
    }
}
