//! Fixed, seedless 64-bit hashing.
//!
//! Everything here is deterministic across runs, platforms and builds (native
//! and wasm32): the serialised index stores these hashes, so a random seed or a
//! platform-dependent hasher would silently break every stored index.

use std::hash::{BuildHasherDefault, Hasher};

const P1: u64 = 0x9E37_79B9_7F4A_7C15;
const P2: u64 = 0xC2B2_AE3D_27D4_EB4F;

/// The splitmix64/murmur3 finaliser: spreads every input bit over the output.
#[inline]
pub(crate) fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// Hash of one normalised token's UTF-8 bytes.
#[inline]
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    hash_chunks(bytes, |w| w)
}

/// `hash_bytes` of the ASCII lower-casing of `bytes` (all ASCII), without
/// copying: the tokenizer's common case.
#[inline]
pub(crate) fn hash_ascii_lower(bytes: &[u8]) -> u64 {
    hash_chunks(bytes, lower8)
}

/// ASCII lower-casing of 8 bytes at once (bytes must be < 0x80): sets bit 5
/// of every byte in 'A'..='Z'.
#[inline]
fn lower8(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let ge_a = x + 0x3F3F_3F3F_3F3F_3F3F; // high bit set where byte >= 'A'
    let gt_z = x + 0x2525_2525_2525_2525; // high bit set where byte > 'Z'
    x | ((ge_a & !gt_z & HIGH) >> 2)
}

#[inline]
fn hash_chunks(bytes: &[u8], map: impl Fn(u64) -> u64) -> u64 {
    let mut h = P2 ^ (bytes.len() as u64).wrapping_mul(P1);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ map(u64::from_le_bytes(w)))
            .wrapping_mul(P1)
            .rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = (h ^ map(load_tail(rest))).wrapping_mul(P1).rotate_left(29);
    }
    fmix64(h)
}

/// The 1–7 bytes of `rest` as a zero-padded little-endian `u64`, with
/// overlapping loads instead of a byte copy (a `memcpy` call plus a store
/// forwarding stall on every short word).
#[inline]
fn load_tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    let b = |i: usize| u64::from(rest[i]);
    if n >= 4 {
        let lo = u64::from(u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]));
        let hi = u64::from(u32::from_le_bytes([
            rest[n - 4],
            rest[n - 3],
            rest[n - 2],
            rest[n - 1],
        ]));
        lo | (hi << (8 * (n - 4)))
    } else {
        b(0) | (b(n / 2) << (8 * (n / 2))) | (b(n - 1) << (8 * (n - 1)))
    }
}

#[cfg(test)]
#[test]
fn tail_load_is_zero_padded_little_endian() {
    let bytes: Vec<u8> = (1u8..=7).collect();
    for n in 1..=7 {
        let mut w = [0u8; 8];
        w[..n].copy_from_slice(&bytes[..n]);
        assert_eq!(load_tail(&bytes[..n]), u64::from_le_bytes(w));
    }
}

#[cfg(test)]
#[test]
fn ascii_lower_hash_matches_copy_then_hash() {
    let all: Vec<u8> = (0u8..0x80).collect();
    for len in 0..all.len() {
        for start in [0, 1, 7, 40, 60] {
            let s = &all[start.min(all.len())..(start + len).min(all.len())];
            assert_eq!(
                hash_ascii_lower(s),
                hash_bytes(&s.to_ascii_lowercase()),
                "{s:?}"
            );
        }
    }
}

/// Hash of a shingle: the ordered token hashes of one window.
///
/// Only the top 48 bits are kept: the index stores 16 of them implicitly (the
/// directory bucket) and 32 explicitly, so a 48-bit identity costs 4 bytes per
/// key. With 3 million distinct keys a lookup meets a false match with
/// probability about 3e6 / 2^48 ≈ 1e-8.
#[inline]
pub(crate) fn hash_shingle(tokens: &[u64]) -> u64 {
    let mut h = P1 ^ (tokens.len() as u64);
    for &t in tokens {
        h = (h ^ t).wrapping_mul(P2).rotate_left(31);
    }
    fmix64(h) >> 16
}

/// An FxHash-style hasher for the id map and the delta map: fast, and with no
/// random state, so iteration order (which we never rely on for output, but
/// keep reproducible anyway) is identical on every run.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.hash = (self.hash.rotate_left(5) ^ hash_bytes(bytes)).wrapping_mul(P1);
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        // Keys of the delta map are already well-mixed hashes.
        self.hash = (self.hash.rotate_left(5) ^ n).wrapping_mul(P1);
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;
pub(crate) type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
pub(crate) type FxHashSet<K> = std::collections::HashSet<K, FxBuild>;
