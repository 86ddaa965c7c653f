//! Expanding weekly slots (local wall-clock times) into UTC instants.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::local::{format_date, format_local, resolve_minute, to_local};
use super::{check_window, prepare, ScheduleError, Zone};
use crate::model::{Project, Slot};

/// One occurrence of a weekly slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SlotInstant {
    /// The UTC instant (ms).
    pub at_ms: i64,
    /// The network whose slot this is.
    pub network: String,
    /// The weekly slot it comes from.
    pub slot: Slot,
    /// The local date the slot belongs to ("2026-03-08"); its weekday is
    /// `slot.weekday`.
    pub date: String,
    /// The actual local time of `at_ms` ("2026-03-08T03:00"); differs from
    /// the slot's time only when `shifted`.
    pub local: String,
    /// The slot's time was skipped by a DST change and moved to the next
    /// valid local minute.
    pub shifted: bool,
}

/// Every slot occurrence in `[from_ms, to_ms)`, sorted by instant then
/// network. `network` limits the result to one network's slots.
///
/// Two slots of one network that land on the same instant (02:30 and 03:00
/// on a spring-forward day) are reported once, as the unshifted one.
pub fn expand_slots(
    project: &Project,
    network: Option<&str>,
    from_ms: i64,
    to_ms: i64,
) -> Result<Vec<SlotInstant>, ScheduleError> {
    check_window(from_ms, to_ms)?;
    let tz = prepare(project)?;
    let networks: Vec<&str> = project
        .slots
        .keys()
        .map(String::as_str)
        .filter(|n| network.is_none_or(|only| only == *n))
        .collect();
    expand_for(project, tz, &networks, from_ms, to_ms)
}

/// [`expand_slots`] for a set of networks, with the zone already resolved.
/// The caller has checked the window.
pub(super) fn expand_for(
    project: &Project,
    tz: Zone,
    networks: &[&str],
    from_ms: i64,
    to_ms: i64,
) -> Result<Vec<SlotInstant>, ScheduleError> {
    // One local day of margin on each side: a slot can be pushed past
    // midnight by a gap, and local dates do not map to UTC days one to one.
    let first = to_local(tz, from_ms)?.date() - Duration::days(1);
    let last = to_local(tz, to_ms)?.date() + Duration::days(1);
    let mut out = Vec::new();
    let mut date = first;
    while date <= last {
        collect_day(project, tz, networks, date, &mut out);
        date = match date.succ_opt() {
            Some(d) => d,
            None => break,
        };
    }
    out.retain(|s| (from_ms..to_ms).contains(&s.at_ms));
    // Unshifted first so that dedup keeps the slot whose time really exists.
    crate::sort::sort_by(&mut out, |a, b| {
        (a.at_ms, &a.network, a.shifted, a.slot).cmp(&(b.at_ms, &b.network, b.shifted, b.slot))
    });
    out.dedup_by(|later, earlier| later.at_ms == earlier.at_ms && later.network == earlier.network);
    Ok(out)
}

fn collect_day(
    project: &Project,
    tz: Zone,
    networks: &[&str],
    date: NaiveDate,
    out: &mut Vec<SlotInstant>,
) {
    let weekday = date.weekday().num_days_from_monday();
    for &network in networks {
        let Some(slots) = project.slots.get(network) else {
            continue;
        };
        for slot in slots.iter().filter(|s| u32::from(s.weekday) == weekday) {
            // Out-of-range dates (beyond chrono's calendar) have no instant.
            let Some((at_ms, shifted)) = resolve_minute(tz, date, slot.minute) else {
                continue;
            };
            let local = to_local(tz, at_ms).map(format_local).unwrap_or_default();
            out.push(SlotInstant {
                at_ms,
                network: network.to_string(),
                slot: *slot,
                date: format_date(date),
                local,
                shifted,
            });
        }
    }
}
