//! The compact, read-mostly part of the inverted index.
//!
//! A 48-bit shingle hash is split into a 16-bit bucket (implicit: the position
//! in `dir`) and a 32-bit key (stored). Keys are sorted inside each bucket, so
//! a lookup is one directory read plus a binary search over a few dozen `u32`s.
//! A shingle found in exactly one document (the vast majority) stores that
//! document's slot inline in `vals`; others point into `multi` (length-prefixed
//! posting lists). About 8 bytes per distinct shingle plus 256 KB of directory.

pub(crate) const BUCKETS: usize = 1 << 16;
/// Marks a `vals` entry as an offset into `multi` rather than a slot.
pub(crate) const MULTI: u32 = 1 << 31;

#[inline]
pub(crate) fn bucket_of(h: u64) -> usize {
    ((h >> 32) as usize) & (BUCKETS - 1)
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Base {
    /// `BUCKETS + 1` prefix offsets into `keys`, or empty when there are no keys.
    pub dir: Vec<u32>,
    pub keys: Vec<u32>,
    pub vals: Vec<u32>,
    pub multi: Vec<u32>,
}

impl Base {
    /// Slots of the documents holding shingle `h` (sorted ascending).
    #[inline]
    pub(crate) fn postings(&self, h: u64) -> &[u32] {
        let b = bucket_of(h);
        let (Some(&lo), Some(&hi)) = (self.dir.get(b), self.dir.get(b + 1)) else {
            return &[];
        };
        let (lo, hi) = (lo as usize, hi as usize);
        let Some(keys) = self.keys.get(lo..hi) else {
            return &[];
        };
        let Ok(i) = keys.binary_search(&(h as u32)) else {
            return &[];
        };
        self.resolve(lo + i)
    }

    fn resolve(&self, i: usize) -> &[u32] {
        let Some(v) = self.vals.get(i) else {
            return &[];
        };
        if v & MULTI == 0 {
            return std::slice::from_ref(v);
        }
        let off = (v & !MULTI) as usize;
        let len = self.multi.get(off).map_or(0, |&l| l as usize);
        self.multi.get(off + 1..off + 1 + len).unwrap_or(&[])
    }

    /// Calls `f(hash, postings)` for every key.
    pub(crate) fn for_each(&self, mut f: impl FnMut(u64, &[u32])) {
        for b in 0..self.dir.len().saturating_sub(1) {
            let (lo, hi) = (self.dir[b] as usize, self.dir[b + 1] as usize);
            for i in lo..hi.min(self.keys.len()) {
                f(((b as u64) << 32) | u64::from(self.keys[i]), self.resolve(i));
            }
        }
    }

    pub(crate) fn key_count(&self) -> usize {
        self.keys.len()
    }

    pub(crate) fn posting_count(&self) -> usize {
        let multi_keys = self.vals.iter().filter(|v| *v & MULTI != 0).count();
        self.keys.len() - multi_keys + self.multi.len() - multi_keys
    }

    pub(crate) fn bytes(&self) -> usize {
        4 * (self.dir.len() + self.keys.len() + self.vals.len() + self.multi.len())
    }
}

/// Builds a [`Base`] from (hash, slot) pairs with a counting sort on the
/// bucket: two passes over the sources, 8 bytes of scratch per pair, no global
/// sort (each bucket holds a few dozen entries).
pub(crate) struct BaseBuilder {
    starts: Vec<u32>,
    fill: Vec<u32>,
    entries: Vec<u64>,
}

impl BaseBuilder {
    /// `count(add)` must call `add(hash)` once per pair it will later `place`.
    pub(crate) fn new(count: impl FnOnce(&mut dyn FnMut(u64))) -> Self {
        let mut starts = vec![0u32; BUCKETS + 1];
        count(&mut |h| starts[bucket_of(h) + 1] += 1);
        for b in 0..BUCKETS {
            starts[b + 1] += starts[b];
        }
        let total = starts[BUCKETS] as usize;
        Self { fill: starts.clone(), starts, entries: vec![0; total] }
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

    pub(crate) fn finish(mut self) -> Base {
        let mut base = Base { dir: Vec::with_capacity(BUCKETS + 1), ..Base::default() };
        if self.entries.is_empty() {
            return Base::default();
        }
        for b in 0..BUCKETS {
            base.dir.push(base.keys.len() as u32);
            let seg = &mut self.entries[self.starts[b] as usize..self.fill[b] as usize];
            seg.sort_unstable();
            let mut i = 0;
            while i < seg.len() {
                let key = (seg[i] >> 32) as u32;
                let mut j = i + 1;
                while j < seg.len() && (seg[j] >> 32) as u32 == key {
                    j += 1;
                }
                base.keys.push(key);
                if j - i == 1 {
                    base.vals.push(seg[i] as u32);
                } else {
                    base.vals.push(MULTI | base.multi.len() as u32);
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
        base.dir.push(base.keys.len() as u32);
        base
    }
}
