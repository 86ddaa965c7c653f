//! NFC: canonical decomposition, canonical ordering, canonical composition
//! (UAX #15), with Hangul done arithmetically.

use std::borrow::Cow;

use super::tables::{
    CCC, COMPOSE_KEY, COMPOSE_TO, DECOMP_AT, DECOMP_CHARS, DECOMP_CP, MARKS, UNSTABLE,
};

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

fn in_ranges(table: &[(u32, u32)], cp: u32) -> bool {
    // Index of the first range starting after cp; the one before may hold it.
    let i = table.partition_point(|r| r.0 <= cp);
    i > 0 && cp <= table[i - 1].1
}

/// Canonical combining class.
pub fn ccc(c: char) -> u8 {
    let cp = c as u32;
    if cp < 0x300 {
        return 0;
    }
    match CCC.binary_search_by_key(&cp, |e| e >> 8) {
        Ok(i) => (CCC[i] & 0xFF) as u8,
        Err(_) => 0,
    }
}

/// General_Category Mark (Mn, Mc, Me).
pub fn is_combining_mark(c: char) -> bool {
    (c as u32) >= 0x300 && in_ranges(&MARKS, c as u32)
}

/// Whether `c` can never change under NFC nor change what precedes it.
#[inline]
pub fn is_nfc_stable(c: char) -> bool {
    (c as u32) < 0x300 || !in_ranges(&UNSTABLE, c as u32)
}

/// Whether NFC could change `s` (false means `s` is certainly NFC).
pub fn needs_nfc(s: &str) -> bool {
    !s.chars().all(is_nfc_stable)
}

/// `s` in NFC, borrowed when it already is.
pub fn nfc(s: &str) -> Cow<'_, str> {
    if !needs_nfc(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    nfc_into(s, &mut out);
    Cow::Owned(out)
}

fn decompose(c: char, buf: &mut Vec<(char, u8)>) {
    let cp = c as u32;
    if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let s = cp - S_BASE;
        let parts = [
            L_BASE + s / N_COUNT,
            V_BASE + (s % N_COUNT) / T_COUNT,
            T_BASE + s % T_COUNT,
        ];
        let n = if parts[2] == T_BASE { 2 } else { 3 };
        // Jamo are all starters (ccc 0).
        buf.extend(
            parts[..n]
                .iter()
                .filter_map(|&p| char::from_u32(p))
                .map(|p| (p, 0)),
        );
        return;
    }
    if let Ok(i) = DECOMP_CP.binary_search(&cp) {
        let (from, to) = (DECOMP_AT[i] as usize, DECOMP_AT[i + 1] as usize);
        for &d in &DECOMP_CHARS[from..to] {
            if let Some(d) = char::from_u32(d) {
                buf.push((d, ccc(d)));
            }
        }
    } else {
        buf.push((c, ccc(c)));
    }
}

fn compose(a: char, b: char) -> Option<char> {
    let (a32, b32) = (a as u32, b as u32);
    // Hangul: L + V -> LV, LV + T -> LVT.
    if (L_BASE..L_BASE + L_COUNT).contains(&a32) && (V_BASE..V_BASE + V_COUNT).contains(&b32) {
        let lv = S_BASE + ((a32 - L_BASE) * V_COUNT + (b32 - V_BASE)) * T_COUNT;
        return char::from_u32(lv);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&a32)
        && (a32 - S_BASE) % T_COUNT == 0
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&b32)
    {
        return char::from_u32(a32 + (b32 - T_BASE));
    }
    let key = u64::from(a32) << 21 | u64::from(b32);
    COMPOSE_KEY
        .binary_search(&key)
        .ok()
        .and_then(|i| char::from_u32(COMPOSE_TO[i]))
}

/// Append the NFC of `s` to `out`.
pub fn nfc_into(s: &str, out: &mut String) {
    let mut buf: Vec<(char, u8)> = Vec::with_capacity(s.len());
    for c in s.chars() {
        decompose(c, &mut buf);
    }
    // Canonical ordering: a stable sort by class within each run of
    // non-starters (runs are short, so insertion sort).
    let mut i = 1;
    while i < buf.len() {
        let mut j = i;
        while j > 0 && buf[j].1 != 0 && buf[j - 1].1 > buf[j].1 {
            buf.swap(j - 1, j);
            j -= 1;
        }
        i += 1;
    }
    // Canonical composition: each character tries to combine with the last
    // starter unless something between them blocks it.
    let mut done: Vec<(char, u8)> = Vec::with_capacity(buf.len());
    let mut starter: Option<usize> = None;
    for (c, class) in buf {
        if let Some(si) = starter {
            let adjacent = done.len() == si + 1;
            let last = done.last().map_or(0, |d| d.1);
            if adjacent || (last != 0 && last < class) {
                if let Some(composed) = compose(done[si].0, c) {
                    done[si].0 = composed;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(done.len());
        }
        done.push((c, class));
    }
    out.extend(done.into_iter().map(|d| d.0));
}
