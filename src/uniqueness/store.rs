//! The compact, read-mostly part of the inverted index.
//!
//! A 48-bit shingle hash is split into a 16-bit bucket (implicit: the position
//! in `dir`) and a 32-bit key (stored). Each entry is one `u64`: key in the high
//! half, value in the low half, sorted inside its bucket. Keys are uniform hash
//! bits, so an interpolation guess lands on (or next to) the right entry: a
//! lookup touches the directory and usually one cache line of entries, which
//! matters because at 100k posts the lookups are almost all cache misses.
//! A shingle found in exactly one document (the vast majority) stores that
//! document's slot inline as the value; others point into `multi`
//! (length-prefixed posting lists). About 8 bytes per distinct shingle plus
//! 256 KB of directory.

pub(crate) const BUCKETS: usize = 1 << 16;
/// Marks an entry's value as an offset into `multi` rather than a slot.
pub(crate) const MULTI: u32 = 1 << 31;

#[inline]
pub(crate) fn bucket_of(h: u64) -> usize {
    ((h >> 32) as usize) & (BUCKETS - 1)
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Base {
    /// `BUCKETS + 1` prefix offsets into `entries`, or empty when there are none.
    pub dir: Vec<u32>,
    /// `key << 32 | value`, sorted by key inside each bucket.
    pub entries: Vec<u64>,
    pub multi: Vec<u32>,
}

/// The documents holding one shingle: an inline slot or a `multi` list.
pub(crate) struct Postings<'a> {
    one: Option<u32>,
    many: std::slice::Iter<'a, u32>,
}

impl Iterator for Postings<'_> {
    type Item = u32;
    #[inline]
    fn next(&mut self) -> Option<u32> {
        self.one.take().or_else(|| self.many.next().copied())
    }
}

impl Base {
    /// The entry value for shingle `h` (inline slot or `MULTI | offset`).
    /// Separate from [`Base::resolve`] so a caller can issue all lookups of a
    /// draft first: independent loads overlap their cache misses.
    #[inline]
    pub(crate) fn lookup(&self, h: u64) -> Option<u32> {
        let b = bucket_of(h);
        let (&lo, &hi) = (self.dir.get(b)?, self.dir.get(b + 1)?);
        let seg = self.entries.get(lo as usize..hi as usize)?;
        let key = h as u32;
        let key_of = |e: u64| (e >> 32) as u32;
        let n = seg.len();
        // Interpolation guess, then a short walk to the first key >= `key`.
        let mut i = ((u64::from(key) * n as u64) >> 32) as usize;
        while i > 0 && key_of(seg[i - 1]) >= key {
            i -= 1;
        }
        while i < n && key_of(seg[i]) < key {
            i += 1;
        }
        seg.get(i).filter(|&&e| key_of(e) == key).map(|&e| e as u32)
    }

    #[inline]
    pub(crate) fn resolve(&self, v: u32) -> Postings<'_> {
        if v & MULTI == 0 {
            return Postings {
                one: Some(v),
                many: [].iter(),
            };
        }
        let off = (v & !MULTI) as usize;
        let len = self.multi.get(off).map_or(0, |&l| l as usize);
        Postings {
            one: None,
            many: self.multi.get(off + 1..off + 1 + len).unwrap_or(&[]).iter(),
        }
    }

    /// Calls `f(hash, slot)` for every posting.
    pub(crate) fn for_each(&self, mut f: impl FnMut(u64, u32)) {
        for b in 0..self.dir.len().saturating_sub(1) {
            let (lo, hi) = (self.dir[b] as usize, self.dir[b + 1] as usize);
            for &e in self.entries.get(lo..hi).unwrap_or(&[]) {
                let h = ((b as u64) << 32) | (e >> 32);
                self.resolve(e as u32).for_each(|slot| f(h, slot));
            }
        }
    }

    pub(crate) fn key_count(&self) -> usize {
        self.entries.len()
    }

    pub(crate) fn posting_count(&self) -> usize {
        let multi_keys = self
            .entries
            .iter()
            .filter(|&&e| e as u32 & MULTI != 0)
            .count();
        self.entries.len() - multi_keys + self.multi.len() - multi_keys
    }

    pub(crate) fn bytes(&self) -> usize {
        4 * (self.dir.len() + self.multi.len()) + 8 * self.entries.len()
    }
}

/// Builds a [`Base`] from (hash, slot) pairs with a counting sort on the
/// bucket: two passes over the sources (`count`, `allocate`, `place`), 8 bytes
/// of scratch per pair, no global sort (each bucket holds a few dozen entries).
pub(crate) struct BaseBuilder {
    starts: Vec<u32>,
    fill: Vec<u32>,
    entries: Vec<u64>,
}

impl BaseBuilder {
    pub(crate) fn new() -> Self {
        Self {
            starts: vec![0u32; BUCKETS + 1],
            fill: Vec::new(),
            entries: Vec::new(),
        }
    }

    /// First pass: announce one pair that `place` will later add.
    #[inline]
    pub(crate) fn count(&mut self, h: u64) {
        self.starts[bucket_of(h) + 1] += 1;
    }

    /// `count` for one document's shingles. Called per document so that in
    /// WASM it runs optimised (V8 tiers a function up between calls, never
    /// inside one long-running call).
    #[inline(never)]
    pub(crate) fn count_all(&mut self, hashes: &[u64]) {
        for &h in hashes {
            self.count(h);
        }
    }

    /// Between the passes: lay out the buckets.
    pub(crate) fn allocate(&mut self) {
        for b in 0..BUCKETS {
            self.starts[b + 1] += self.starts[b];
        }
        self.fill = self.starts.clone();
        self.entries = vec![0; self.starts[BUCKETS] as usize];
    }

    #[inline]
    pub(crate) fn place(&mut self, h: u64, slot: u32) {
        let b = bucket_of(h);
        let at = self.fill[b] as usize;
        if let Some(e) = self.entries.get_mut(at) {
            *e = (u64::from(h as u32) << 32) | u64::from(slot);
            self.fill[b] += 1;
        }
    }

    /// `place` for one document's shingles (see `count_all`).
    #[inline(never)]
    pub(crate) fn place_all(&mut self, hashes: &[u64], slot: u32) {
        for &h in hashes {
            self.place(h, slot);
        }
    }

    pub(crate) fn finish(mut self) -> Base {
        let mut base = Base {
            dir: Vec::with_capacity(BUCKETS + 1),
            // An upper bound (one entry per distinct key): no regrowth copies.
            entries: Vec::with_capacity(self.entries.len()),
            multi: Vec::new(),
        };
        if self.entries.is_empty() {
            return Base::default();
        }
        for b in 0..BUCKETS {
            base.dir.push(base.entries.len() as u32);
            let seg = &mut self.entries[self.starts[b] as usize..self.fill[b] as usize];
            finish_bucket(seg, &mut base);
        }
        base.dir.push(base.entries.len() as u32);
        base
    }
}

/// Sorts one bucket's pairs and appends its entries (and posting lists) to
/// `base`. A function of its own, called per bucket, so that in WASM it runs
/// optimised (see `BaseBuilder::count_all`).
#[inline(never)]
fn finish_bucket(seg: &mut [u64], base: &mut Base) {
    seg.sort_unstable();
    let mut i = 0;
    while i < seg.len() {
        let key = (seg[i] >> 32) as u32;
        let mut j = i + 1;
        while j < seg.len() && (seg[j] >> 32) as u32 == key {
            j += 1;
        }
        let high = u64::from(key) << 32;
        if j - i == 1 {
            base.entries.push(high | (seg[i] & 0xFFFF_FFFF));
        } else {
            base.entries
                .push(high | u64::from(MULTI | base.multi.len() as u32));
            let from = base.multi.len();
            base.multi.push(0);
            // Sources never repeat a (shingle, slot) pair; skipping
            // repeats anyway keeps a bad source from double-counting.
            let mut last = u32::MAX;
            for &e in &seg[i..j] {
                if e as u32 != last {
                    last = e as u32;
                    base.multi.push(last);
                }
            }
            base.multi[from] = (base.multi.len() - from - 1) as u32;
        }
        i = j;
    }
}
