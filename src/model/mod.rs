//! Domain model: projects (workspaces) and posts.
//!
//! These are plain serde types shared by scheduling, storage and
//! import/export. Field names serialise in camelCase because the same shapes
//! cross into JavaScript and into `storage.local`; times are UTC ms (`i64`).

mod post;
mod project;

pub use post::{Post, PostStatus, RuleOverride, Thread, MAX_THREAD_PARTS};
pub use project::{FrequencyRule, NetworkAccount, Project, QuietHours, Slot};

use thiserror::Error;

/// Why a model value is invalid. Variant names are stable: they reach JS.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("unknown time zone {0:?}; use an IANA name such as Europe/Berlin")]
    UnknownTimeZone(String),
    #[error("{field} must not be empty")]
    Empty { field: &'static str },
    #[error("{field} is too long ({len} > {max})")]
    TooLong {
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("{field} must be at least 1")]
    Zero { field: &'static str },
    #[error("slot time {0} is not a minute of the day (0..1440)")]
    BadSlotTime(u16),
    #[error("weekday {0} is out of range (0 = Monday .. 6 = Sunday)")]
    BadWeekday(u8),
    #[error("colour {0:?} is not #rrggbb")]
    BadColour(String),
    #[error("expiry must come after the scheduled time")]
    ExpiryBeforeSchedule,
    #[error("time {0} ms is outside the supported range (years 1970..=9999)")]
    TimeOutOfRange(i64),
}

crate::variants!(ModelError {
    UnknownTimeZone(_),
    Empty { .. },
    TooLong { .. },
    Zero { .. },
    BadSlotTime(_),
    BadWeekday(_),
    BadColour(_),
    ExpiryBeforeSchedule,
    TimeOutOfRange(_),
});

/// Largest text we accept in one field (1 MiB); protects storage and the UI
/// from pathological imports without limiting any real network (Reddit's
/// 40,000 is the largest real limit).
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// 9999-12-31T23:59:59.999Z; later dates are absurd for a content plan and
/// overflow some calendar apps, so they are rejected at the boundary.
pub const MAX_TIME_MS: i64 = 253_402_300_799_999;

/// Parse an IANA zone name. All zones of chrono-tz resolve.
pub fn parse_zone(name: &str) -> Result<crate::tz::Zone, ModelError> {
    name.parse::<crate::tz::Zone>()
        .map_err(|_| ModelError::UnknownTimeZone(name.to_string()))
}

/// Reject times before the epoch or after [`MAX_TIME_MS`].
pub fn check_time(ms: i64) -> Result<i64, ModelError> {
    if (0..=MAX_TIME_MS).contains(&ms) {
        Ok(ms)
    } else {
        Err(ModelError::TimeOutOfRange(ms))
    }
}

fn check_text(field: &'static str, text: &str, max: usize) -> Result<(), ModelError> {
    if text.len() > max {
        return Err(ModelError::TooLong {
            field,
            len: text.len(),
            max,
        });
    }
    Ok(())
}
