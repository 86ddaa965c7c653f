//! Time zones: every IANA zone chrono-tz knows, at a fraction of its size.
//!
//! chrono-tz's full database was ~144 KB of the gzipped WASM. build.rs asks
//! chrono-tz (a build-dependency only) for each zone's UTC offsets from 1969
//! on and embeds just the offset changes; [`Zone`] implements chrono's
//! [`TimeZone`](chrono::TimeZone) on that table, so code written against
//! chrono's API works unchanged and gives the same answers as chrono-tz
//! (checked for every zone by the tests), including `LocalResult::None` in a
//! skipped hour and `LocalResult::Ambiguous(earlier, later)` in a repeated one.
//!
//! Limits: before 1969 the offset in force on 1969-01-01 applies (Glider
//! rejects instants before 1970 anyway); abbreviations ("CET") are not kept,
//! so a `ZoneOffset` displays as "+01:00".

mod blob;
mod offset;
mod table;
#[cfg(test)]
mod tests;

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

pub use offset::ZoneOffset;
use table::Table;

/// The one error of this module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TzError {
    /// Not an IANA zone name chrono-tz knows (names are case-sensitive).
    #[error("unknown time zone \"{0}\"")]
    UnknownZone(String),
}

crate::variants!(TzError { UnknownZone(_) });

/// An IANA time zone: a cheap `Copy` handle to its embedded offset table.
///
/// Equality, ordering and hashing go by name; links (e.g. "Asia/Saigon" and
/// "Asia/Ho_Chi_Minh") are distinct zones with the same offsets, as in
/// chrono-tz.
#[derive(Clone, Copy)]
pub struct Zone {
    name: &'static str,
    table: &'static Table,
}

impl Zone {
    /// Coordinated Universal Time (chrono-tz's `Tz::UTC`).
    pub const UTC: Zone = Zone {
        name: "UTC",
        table: &Table::fixed(0),
    };

    /// The zone with this exact IANA name (or link name), as chrono-tz's
    /// `FromStr` accepts it: case-sensitive, e.g. "Europe/Berlin".
    pub fn from_name(name: &str) -> Option<Zone> {
        blob::find(name).map(|(name, table)| Zone { name, table })
    }

    /// The IANA name, e.g. "Europe/Berlin".
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Every zone name accepted by [`Zone::from_name`], in byte order.
    pub fn names() -> impl Iterator<Item = &'static str> {
        blob::entries().map(|(name, _)| name)
    }
}

/// One zone of [`zone_list`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ZoneInfo {
    pub name: &'static str,
    /// UTC offset at the time asked for, in minutes east of UTC.
    pub offset_minutes: i32,
}

/// Every zone with its offset at `at_ms` (clamped to the supported range),
/// sorted by name: what a zone picker shows.
pub fn zone_list(at_ms: i64) -> Vec<ZoneInfo> {
    use chrono::{Offset, TimeZone};
    let at = chrono::DateTime::from_timestamp_millis(at_ms.clamp(0, crate::model::MAX_TIME_MS))
        .unwrap_or_default()
        .naive_utc();
    Zone::names()
        .filter_map(Zone::from_name)
        .map(|zone| ZoneInfo {
            name: zone.name(),
            offset_minutes: zone.offset_from_utc_datetime(&at).fix().local_minus_utc() / 60,
        })
        .collect()
}

impl Default for Zone {
    /// UTC, like chrono-tz's `Tz::default()`.
    fn default() -> Self {
        Zone::UTC
    }
}

impl FromStr for Zone {
    type Err = TzError;

    fn from_str(name: &str) -> Result<Zone, TzError> {
        Zone::from_name(name).ok_or_else(|| TzError::UnknownZone(name.to_string()))
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        self.name == other.name
    }
}

impl Eq for Zone {}

impl Hash for Zone {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

impl PartialOrd for Zone {
    fn partial_cmp(&self, other: &Zone) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Zone {
    fn cmp(&self, other: &Zone) -> Ordering {
        self.name.cmp(other.name)
    }
}
