//! Compact little-endian serialised form, for a fast worker start: the base
//! arrays are written as they are, so loading is a copy plus validation.
//!
//! Layout (version 1): `GLUQ`, version u32, config (4 × u8), document count
//! u32, per document (kind u8, shingle count u32, fingerprint u64, id length
//! u32, id UTF-8), key count u32, then when non-zero the directory as LEB128
//! (gap to the next non-empty bucket, its key count) pairs (a few bytes for a
//! small index, not 256 KB), entries (u64: key << 32 | value), multi length
//! u32 and multi.

use super::index::UniquenessIndex;
use super::shingle::ShingleConfig;
use super::store::{Base, BUCKETS, MULTI};
use super::{DocKind, UniquenessError};

const MAGIC: &[u8; 4] = b"GLUQ";
const VERSION: u32 = 1;

fn put_u32s(out: &mut Vec<u8>, v: &[u32]) {
    out.reserve(v.len() * 4);
    for x in v {
        out.extend_from_slice(&x.to_le_bytes());
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

impl UniquenessIndex {
    /// Serialises the index (compacting it first, which changes no result).
    pub fn to_bytes(&mut self) -> Vec<u8> {
        if self.delta.len() > 0 || self.dead > 0 {
            self.compact();
        }
        let b = &self.base;
        let mut out = Vec::with_capacity(64 + self.ids.len() * 32 + b.bytes());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        let c = &self.cfg;
        out.extend_from_slice(&[c.words, c.syllables, c.chars, u8::from(c.stop_words)]);
        out.extend_from_slice(&(self.ids.len() as u32).to_le_bytes());
        for (i, id) in self.ids.iter().enumerate() {
            out.push(self.kinds[i]);
            out.extend_from_slice(&self.sizes[i].to_le_bytes());
            out.extend_from_slice(&self.prints[i].to_le_bytes());
            out.extend_from_slice(&(id.len() as u32).to_le_bytes());
            out.extend_from_slice(id.as_bytes());
        }
        out.extend_from_slice(&(b.entries.len() as u32).to_le_bytes());
        if !b.entries.is_empty() {
            let mut prev = 0usize;
            for bucket in 0..BUCKETS {
                let count = b.dir[bucket + 1] - b.dir[bucket];
                if count > 0 {
                    put_varint(&mut out, (bucket - prev) as u32);
                    put_varint(&mut out, count);
                    prev = bucket;
                }
            }
            out.reserve(b.entries.len() * 8);
            for e in &b.entries {
                out.extend_from_slice(&e.to_le_bytes());
            }
            out.extend_from_slice(&(b.multi.len() as u32).to_le_bytes());
            put_u32s(&mut out, &b.multi);
        }
        out
    }

    /// Loads an index written by [`UniquenessIndex::to_bytes`], validating
    /// every offset so a corrupt blob is an error, never a panic later.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, UniquenessError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != MAGIC {
            return Err(UniquenessError::Corrupt("bad magic"));
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(UniquenessError::UnsupportedVersion(version));
        }
        let c = r.take(4)?;
        let cfg = ShingleConfig {
            words: c[0],
            syllables: c[1],
            chars: c[2],
            stop_words: c[3] != 0,
        };
        let mut index = UniquenessIndex::with_config(cfg)
            .map_err(|_| UniquenessError::Corrupt("bad config"))?;
        let n = r.u32()? as usize;
        // Each document takes at least 17 bytes: reject absurd counts up front.
        if n > bytes.len() / 17 {
            return Err(UniquenessError::Corrupt("document count"));
        }
        index.by_id.reserve(n);
        index.ids.reserve(n);
        for slot in 0..n {
            let kind = r.take(1)?[0];
            DocKind::from_code(kind).ok_or(UniquenessError::Corrupt("kind"))?;
            index.kinds.push(kind);
            index.sizes.push(r.u32()?);
            index.prints.push(r.u64()?);
            let len = r.u32()? as usize;
            let id = std::str::from_utf8(r.take(len)?)
                .map_err(|_| UniquenessError::Corrupt("id is not UTF-8"))?;
            index.ids.push(id.to_owned());
            if index.by_id.insert(&index.ids, id, slot as u32).is_some() {
                return Err(UniquenessError::Corrupt("duplicate id"));
            }
        }
        let n_keys = r.u32()? as usize;
        if n_keys > 0 {
            let mut dir = vec![0u32; BUCKETS + 1];
            let (mut bucket, mut seen) = (0usize, 0usize);
            while seen < n_keys {
                bucket = bucket
                    .checked_add(r.varint()? as usize)
                    .ok_or(UniquenessError::Corrupt("directory"))?;
                let count = r.varint()? as usize;
                seen = seen
                    .checked_add(count)
                    .filter(|&s| s <= n_keys && count > 0)
                    .ok_or(UniquenessError::Corrupt("directory"))?;
                *dir.get_mut(bucket + 1)
                    .ok_or(UniquenessError::Corrupt("directory"))? = count as u32;
            }
            for b in 0..BUCKETS {
                dir[b + 1] += dir[b];
            }
            let entries = r.u64s(n_keys)?;
            let n_multi = r.u32()? as usize;
            let multi = r.u32s(n_multi)?;
            index.base = Base {
                dir,
                entries,
                multi,
            };
            validate(&index.base, n as u32)?;
        }
        if r.pos != bytes.len() {
            return Err(UniquenessError::Corrupt("trailing bytes"));
        }
        index.base_postings = index.base.posting_count();
        Ok(index)
    }
}

fn validate(b: &Base, n_docs: u32) -> Result<(), UniquenessError> {
    let bad = UniquenessError::Corrupt;
    if b.dir.first() != Some(&0) || b.dir.last().map(|&l| l as usize) != Some(b.entries.len()) {
        return Err(bad("directory bounds"));
    }
    if b.dir.len() != BUCKETS + 1 || b.dir.windows(2).any(|w| w[0] > w[1]) {
        return Err(bad("directory order"));
    }
    for w in b.dir.windows(2) {
        if b.entries[w[0] as usize..w[1] as usize]
            .windows(2)
            .any(|k| k[0] >> 32 >= k[1] >> 32)
        {
            return Err(bad("key order"));
        }
    }
    for v in b.entries.iter().map(|&e| e as u32) {
        if v & MULTI == 0 {
            if v >= n_docs {
                return Err(bad("slot"));
            }
            continue;
        }
        let off = (v & !MULTI) as usize;
        let len = *b.multi.get(off).ok_or(bad("posting offset"))? as usize;
        let list = b
            .multi
            .get(off + 1..off + 1 + len)
            .ok_or(bad("posting length"))?;
        if list.iter().any(|&s| s >= n_docs) {
            return Err(bad("posting slot"));
        }
    }
    Ok(())
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], UniquenessError> {
        let end = self
            .pos
            .checked_add(n)
            .ok_or(UniquenessError::Corrupt("length"))?;
        let s = self
            .bytes
            .get(self.pos..end)
            .ok_or(UniquenessError::Corrupt("truncated"))?;
        self.pos = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, UniquenessError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }

    fn u64(&mut self) -> Result<u64, UniquenessError> {
        let s = self.take(8)?;
        let mut w = [0u8; 8];
        w.copy_from_slice(s);
        Ok(u64::from_le_bytes(w))
    }

    fn varint(&mut self) -> Result<u32, UniquenessError> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.take(1)?[0];
            v |= u32::from(b & 0x7F)
                .checked_shl(shift)
                .ok_or(UniquenessError::Corrupt("varint"))?;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(UniquenessError::Corrupt("varint"))
    }

    fn u64s(&mut self, n: usize) -> Result<Vec<u64>, UniquenessError> {
        let len = n.checked_mul(8).ok_or(UniquenessError::Corrupt("length"))?;
        let s = self.take(len)?;
        Ok(s.chunks_exact(8)
            .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect())
    }

    fn u32s(&mut self, n: usize) -> Result<Vec<u32>, UniquenessError> {
        let len = n.checked_mul(4).ok_or(UniquenessError::Corrupt("length"))?;
        let s = self.take(len)?;
        Ok(s.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
}
