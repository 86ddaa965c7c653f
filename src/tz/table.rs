//! One zone's offset table (encoded by build.rs) and the two lookups chrono's
//! `TimeZone` needs.
//!
//! Every read is checked, so malformed bytes end a lookup early instead of
//! panicking; [`validate`] runs once when a [`super::Zone`] is made, so in
//! practice lookups always see a well-formed table.

use chrono::LocalResult;

/// chrono's `FixedOffset` accepts strictly less than a day either way.
const MAX_OFFSET: i32 = 86_399;

/// A bounds-checked cursor over the encoded bytes.
#[derive(Clone)]
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8], pos: usize) -> Self {
        Reader { bytes, pos }
    }

    pub(super) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let slice = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(slice)
    }

    pub(super) fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    pub(super) fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }

    pub(super) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn i32(&mut self) -> Option<i32> {
        Some(i32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.u8()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
}

/// The offset changes of a table, in order: (first UTC second of the new
/// offset, new offset in seconds).
#[derive(Clone)]
pub(super) struct Changes<'a> {
    reader: Reader<'a>,
    palette: &'a [u8],
    left: u64,
    prev: i64,
}

impl Iterator for Changes<'_> {
    type Item = (i64, i32);

    fn next(&mut self) -> Option<(i64, i32)> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let code = self.reader.varint()?;
        let magnitude = (code >> 2) as i64;
        let step = if code & 2 == 0 {
            magnitude
        } else {
            -magnitude - 1
        };
        let delta = if code & 1 == 0 {
            step.checked_mul(60)?
        } else {
            step
        };
        self.prev = self.prev.checked_add(delta)?;
        let slot = usize::from(self.reader.u8()?);
        Some((self.prev, palette_entry(self.palette, slot)?))
    }
}

fn palette_entry(palette: &[u8], slot: usize) -> Option<i32> {
    Reader::new(palette, slot.checked_mul(4)?).i32()
}

/// The offset in force before the first change, and the changes.
pub(super) fn decode(table: &[u8]) -> Option<(i32, Changes<'_>)> {
    let mut reader = Reader::new(table, 0);
    let n = usize::from(reader.u8()?);
    let palette = reader.take(n.checked_mul(4)?)?;
    let initial = palette_entry(palette, 0)?;
    let left = reader.varint()?;
    Some((
        initial,
        Changes {
            reader,
            palette,
            left,
            prev: 0,
        },
    ))
}

/// Whether `table` decodes completely, with offsets chrono accepts and
/// strictly increasing change instants.
pub(super) fn validate(table: &[u8]) -> bool {
    let Some((initial, changes)) = decode(table) else {
        return false;
    };
    let expected = changes.left;
    let mut count = 0u64;
    let mut last = i64::MIN;
    for (at, offset) in changes {
        if at <= last || offset.abs() > MAX_OFFSET {
            return false;
        }
        last = at;
        count += 1;
    }
    initial.abs() <= MAX_OFFSET && count == expected
}

/// UTC offset (seconds) at the Unix second `t`.
pub(super) fn offset_at(table: &[u8], t: i64) -> i32 {
    let Some((mut offset, changes)) = decode(table) else {
        return 0;
    };
    for (at, next) in changes {
        if at > t {
            break;
        }
        offset = next;
    }
    offset
}

/// The offsets under which the local wall-clock second `local` (seconds of a
/// naive datetime as if it were UTC) exists.
///
/// Mirrors chrono-tz: offset span `i` covers local times
/// `[start_i + offset_i, start_{i+1} + offset_i)`; a time in no span is in a
/// gap (`None`), one in two spans is repeated (`Ambiguous(earlier, later)`).
/// Changes are days apart and offsets jump by at most a day, so at most two
/// neighbouring spans can overlap.
pub(super) fn local_offsets(table: &[u8], local: i64) -> LocalResult<i32> {
    let Some((initial, changes)) = decode(table) else {
        return LocalResult::Single(0);
    };
    let mut hits: [Option<i32>; 2] = [None, None];
    let mut record = |offset: i32| {
        if hits[0].is_none() {
            hits[0] = Some(offset);
        } else if hits[1].is_none() {
            hits[1] = Some(offset);
        }
    };
    let (mut begin, mut offset) = (i64::MIN, initial);
    for (at, next) in changes {
        if begin > local {
            // Spans start in order: none from here on can contain `local`.
            break;
        }
        if local < at.saturating_add(i64::from(offset)) {
            record(offset);
        }
        begin = at.saturating_add(i64::from(next));
        offset = next;
    }
    // The last span seen is open-ended unless the loop stopped early, in
    // which case it starts after `local`.
    if begin <= local {
        record(offset);
    }
    match hits {
        [Some(earlier), Some(later)] => LocalResult::Ambiguous(earlier, later),
        [Some(only), None] => LocalResult::Single(only),
        _ => LocalResult::None,
    }
}
