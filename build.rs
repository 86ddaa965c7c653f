//! Generates the compact time-zone table that `src/tz/` embeds, and (in
//! `build/unicode.rs`) the character sets of `src/unicode/`.
//!
//! chrono-tz's full database is ~144 KB of the gzipped WASM; this script asks
//! chrono-tz itself (a build-dependency, so it never reaches the WASM) for every
//! zone's UTC offset across a window and keeps only the offset changes. The
//! result (~140 KB raw, ~15 KB gzipped) is written to `$OUT_DIR/tz.bin`.
//!
//! Window: 1969-01-01 .. 2101-01-01 UTC. The core rejects instants before 1970
//! (`model::check_time`), the extra year covers local times on 1970-01-01 in
//! zones east of UTC. chrono-tz's own tables stop in 2099 (its generator's
//! horizon) and keep the last offset afterwards; we scan past that, so the
//! same "last offset forever" holds and results stay identical to chrono-tz
//! for every instant from 1969 on (the tests check instants up to year 9999).
//!
//! Scanning: every zone is sampled every `STEP` seconds and each interval whose
//! ends differ is bisected to the exact second. A change can only be missed if
//! two changes fall inside one step and the second undoes the first; the
//! closest changes in the data since 1969 are 6.96 days apart (e.g. Brazil,
//! October 2000) and `STEP` is 3 days. The tests sample between the steps.
//!
//! Format (all integers little-endian), read by `src/tz/blob.rs`:
//! ```text
//! "GTZ1"  u16 names  names × { u8 len, name, u16 table }   (sorted by name)
//!         u16 tables tables × u32 byte offset of the table
//! table:  u8 n, n × i32 offset in seconds (the first is in force at the start)
//!         varint count, count × { varint code, u8 offset index }
//! code:   zigzag(delta / 60) << 1 when the delta from the previous transition
//!         (the first: from 1970-01-01) is whole minutes, else zigzag(delta) << 1 | 1
//! ```

#[path = "build/unicode.rs"]
mod unicode;

use std::collections::HashMap;
use std::error::Error;
use std::path::PathBuf;

use chrono::{DateTime, Offset, TimeZone};
use chrono_tz::Tz;

/// 1969-01-01T00:00:00Z.
const WINDOW_START: i64 = -31_536_000;
/// 2101-01-01T00:00:00Z.
const WINDOW_END: i64 = 4_133_980_800;
/// Coarse sampling step; see the module comment for why 3 days is safe.
const STEP: i64 = 3 * 86_400;

type BuildResult<T> = Result<T, Box<dyn Error + Send + Sync>>;

/// A zone's offsets over the window: the one in force at the start, then
/// (instant, new offset) for every change.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Table {
    initial: i32,
    changes: Vec<(i64, i32)>,
}

fn main() -> BuildResult<()> {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/unicode.rs");
    let unicode_out = PathBuf::from(std::env::var("OUT_DIR")?).join("unicode_tables.rs");
    std::fs::write(unicode_out, unicode::generate())?;
    let zones: Vec<Tz> = chrono_tz::TZ_VARIANTS.to_vec();
    // Two halves in parallel: the scan is ~10 M lookups in an unoptimised
    // build-script binary.
    let (left, right) = zones.split_at(zones.len() / 2);
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| scan_all(left));
        let b = s.spawn(|| scan_all(right));
        (a.join(), b.join())
    });
    let mut tables = a.map_err(|_| "scan thread panicked")??;
    tables.extend(b.map_err(|_| "scan thread panicked")??);

    let blob = encode(&zones, &tables)?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("tz.bin");
    std::fs::write(out, blob)?;
    Ok(())
}

/// UTC offset in seconds of `tz` at Unix second `t`.
fn offset(tz: Tz, t: i64) -> BuildResult<i32> {
    let utc = DateTime::from_timestamp(t, 0)
        .ok_or("instant out of range")?
        .naive_utc();
    Ok(tz.offset_from_utc_datetime(&utc).fix().local_minus_utc())
}

/// Scans all `zones` in lock-step over the window.
fn scan_all(zones: &[Tz]) -> BuildResult<Vec<Table>> {
    let mut tables = Vec::with_capacity(zones.len());
    for &tz in zones {
        let initial = offset(tz, WINDOW_START)?;
        tables.push(Table {
            initial,
            changes: Vec::new(),
        });
    }
    let mut last: Vec<i32> = tables.iter().map(|t| t.initial).collect();
    let mut lo = WINDOW_START;
    while lo < WINDOW_END {
        let hi = (lo + STEP).min(WINDOW_END);
        let utc = DateTime::from_timestamp(hi, 0)
            .ok_or("instant out of range")?
            .naive_utc();
        for ((&tz, table), prev) in zones.iter().zip(&mut tables).zip(&mut last) {
            let now = tz.offset_from_utc_datetime(&utc).fix().local_minus_utc();
            if now != *prev {
                refine(tz, lo, *prev, hi, now, &mut table.changes)?;
                *prev = now;
            }
        }
        lo = hi;
    }
    Ok(tables)
}

/// Finds every change in `(lo, hi]` given the offsets at both ends, pushing
/// (first second of the new offset, new offset).
fn refine(
    tz: Tz,
    mut lo: i64,
    mut lo_off: i32,
    hi: i64,
    hi_off: i32,
    out: &mut Vec<(i64, i32)>,
) -> BuildResult<()> {
    while lo_off != hi_off {
        // Invariant: offset(a) == lo_off and offset(b) != lo_off.
        let (mut a, mut b) = (lo, hi);
        while b - a > 1 {
            let mid = a + (b - a) / 2;
            if offset(tz, mid)? == lo_off {
                a = mid;
            } else {
                b = mid;
            }
        }
        let new = offset(tz, b)?;
        out.push((b, new));
        lo = b;
        lo_off = new;
    }
    Ok(())
}

fn encode(zones: &[Tz], tables: &[Table]) -> BuildResult<Vec<u8>> {
    // Links (aliases) have identical tables: store each distinct table once.
    let mut index: HashMap<&Table, u16> = HashMap::new();
    let mut unique: Vec<&Table> = Vec::new();
    let mut names: Vec<(&str, u16)> = Vec::new();
    for (tz, table) in zones.iter().zip(tables) {
        let next = u16::try_from(unique.len())?;
        let id = *index.entry(table).or_insert_with(|| {
            unique.push(table);
            next
        });
        names.push((tz.name(), id));
    }
    names.sort_unstable();

    let mut out = b"GTZ1".to_vec();
    out.extend_from_slice(&u16::try_from(names.len())?.to_le_bytes());
    for (name, id) in &names {
        out.push(u8::try_from(name.len())?);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&id.to_le_bytes());
    }
    let bodies = unique
        .iter()
        .map(|t| encode_table(t))
        .collect::<BuildResult<Vec<_>>>()?;
    out.extend_from_slice(&u16::try_from(bodies.len())?.to_le_bytes());
    let mut at = out.len() + 4 * bodies.len();
    for body in &bodies {
        out.extend_from_slice(&u32::try_from(at)?.to_le_bytes());
        at += body.len();
    }
    for body in bodies {
        out.extend_from_slice(&body);
    }
    Ok(out)
}

fn encode_table(table: &Table) -> BuildResult<Vec<u8>> {
    let mut palette = vec![table.initial];
    for &(_, o) in &table.changes {
        if !palette.contains(&o) {
            palette.push(o);
        }
    }
    let mut out = vec![u8::try_from(palette.len())?];
    for o in &palette {
        out.extend_from_slice(&o.to_le_bytes());
    }
    varint(u64::try_from(table.changes.len())?, &mut out);
    let mut prev = 0i64;
    for &(t, o) in &table.changes {
        let delta = t - prev;
        prev = t;
        // Whole minutes cover all but one transition since 1969 and save a
        // byte each; the odd one (Monrovia 1972) keeps seconds.
        let code = if delta % 60 == 0 {
            zigzag(delta / 60) << 1
        } else {
            zigzag(delta) << 1 | 1
        };
        varint(code, &mut out);
        let slot = palette
            .iter()
            .position(|&p| p == o)
            .ok_or("offset missing from palette")?;
        out.push(u8::try_from(slot)?);
    }
    Ok(out)
}

fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn varint(mut n: u64, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}
