//! One zone's offsets and the two lookups chrono's `TimeZone` needs.

use chrono::LocalResult;

/// A zone's offsets: `initial` before the first change, then `offsets[i]`
/// from the UTC second `starts[i]` on (strictly increasing).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Table {
    initial: i32,
    starts: &'static [i64],
    offsets: &'static [i32],
}

impl Table {
    /// A zone that never changes offset.
    pub(super) const fn fixed(offset: i32) -> Table {
        Table {
            initial: offset,
            starts: &[],
            offsets: &[],
        }
    }

    pub(super) fn new(initial: i32, starts: &'static [i64], offsets: &'static [i32]) -> Table {
        Table {
            initial,
            starts,
            offsets,
        }
    }

    /// Spans: span 0 holds `initial` from the beginning of time, span `i > 0`
    /// holds `offsets[i - 1]` from `starts[i - 1]`.
    fn span_count(&self) -> usize {
        1 + self.starts.len().min(self.offsets.len())
    }

    fn span_offset(&self, i: usize) -> i32 {
        match i.checked_sub(1) {
            None => self.initial,
            Some(j) => self.offsets.get(j).copied().unwrap_or(self.initial),
        }
    }

    /// Local wall-clock seconds at which span `i` begins and ends: it covers
    /// `[start_i + offset_i, start_{i+1} + offset_i)`.
    fn local_span(&self, i: usize) -> (i64, i64) {
        let offset = i64::from(self.span_offset(i));
        let begin = match i.checked_sub(1) {
            None => i64::MIN,
            Some(j) => self
                .starts
                .get(j)
                .map_or(i64::MAX, |s| s.saturating_add(offset)),
        };
        let end = self
            .starts
            .get(i)
            .map_or(i64::MAX, |s| s.saturating_add(offset));
        (begin, end)
    }

    /// UTC offset (seconds) at the Unix second `t`.
    pub(super) fn offset_at(&self, t: i64) -> i32 {
        self.span_offset(self.starts.partition_point(|&s| s <= t))
    }

    /// The offsets under which the local wall-clock second `local` (a naive
    /// datetime's seconds as if it were UTC) exists, as chrono-tz decides it:
    /// in no span it is skipped (`None`), in two it is repeated
    /// (`Ambiguous(earlier, later)`).
    ///
    /// Changes are days apart and offsets jump by less than a day, so spans
    /// begin in order and only neighbours overlap: the answer lies in the
    /// last span beginning at or before `local` and the one before it.
    pub(super) fn local_offsets(&self, local: i64) -> LocalResult<i32> {
        let (mut lo, mut hi) = (0, self.span_count());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.local_span(mid).0 <= local {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let last = lo.saturating_sub(1);
        let contains = |i: usize| {
            let (begin, end) = self.local_span(i);
            begin <= local && local < end
        };
        let earlier = last.checked_sub(1).filter(|&i| contains(i));
        let later = Some(last).filter(|&i| contains(i));
        match (earlier, later) {
            (Some(a), Some(b)) => LocalResult::Ambiguous(self.span_offset(a), self.span_offset(b)),
            (Some(only), None) | (None, Some(only)) => LocalResult::Single(self.span_offset(only)),
            (None, None) => LocalResult::None,
        }
    }

    /// (offset before the first change, changes as (UTC second, new offset)).
    #[cfg(test)]
    pub(super) fn changes(&self) -> (i32, Vec<(i64, i32)>) {
        (
            self.initial,
            self.starts
                .iter()
                .copied()
                .zip(self.offsets.iter().copied())
                .collect(),
        )
    }
}
