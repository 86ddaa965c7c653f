//! Extended grapheme clusters (UAX #29) through a pluggable segmenter, behind
//! a fast path on our own table.
//!
//! The counters (Bluesky and Mastodon count clusters), the entity scanner and
//! the thread splitter need cluster boundaries. unicode-segmentation's tables
//! and state machine were ~13 KB of the gzipped WASM, and the browser has
//! the same rules (`Intl.Segmenter`), so the WASM binding installs that with
//! [`set_segmenter`]; native builds use the crate. Most text needs neither:
//! between two characters that can't join a cluster (no combining or joining
//! marks, no emoji modifiers or ZWJ, no flags, no Hangul jamo) UAX #29 always
//! has a boundary (rule GB999), so every character starts a cluster, and CR
//! LF is the one pair left to handle by hand.

use std::sync::OnceLock;

use super::nfc::in_set;
use super::tables::{JOINERS_ASTRAL, JOINERS_BLOCKS, JOINERS_INDEX};

/// A full UAX #29 segmenter: the byte offset where each cluster starts.
pub type Segmenter = fn(&str) -> Vec<usize>;

static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();

/// Install the segmenter (once; later calls are ignored). The WASM binding
/// installs the browser's.
pub fn set_segmenter(f: Segmenter) {
    let _ = SEGMENTER.set(f);
}

#[cfg(not(target_arch = "wasm32"))]
fn builtin(s: &str) -> Vec<usize> {
    use unicode_segmentation::UnicodeSegmentation;
    s.grapheme_indices(true).map(|(i, _)| i).collect()
}

/// A WASM build has no segmenter of its own: the binding installs the
/// browser's when the module starts. Counting code points instead would
/// silently miscount emoji and marks, so a missing plug-in is a bug that
/// must fail loudly (in the wasm-bindgen tests first).
#[cfg(target_arch = "wasm32")]
fn builtin(_: &str) -> Vec<usize> {
    panic!("no grapheme segmenter installed: the binding's start function did not run")
}

/// Whether `c` may join a cluster with a neighbour (see `build/unicode.rs`).
#[inline]
fn may_join(c: char) -> bool {
    (c as u32) >= 0x300 && in_set(&JOINERS_INDEX, &JOINERS_BLOCKS, &JOINERS_ASTRAL, c as u32)
}

/// The byte offset where each grapheme cluster of `s` starts (empty for "").
pub fn grapheme_starts(s: &str) -> Vec<usize> {
    if s.chars().any(may_join) {
        return SEGMENTER.get().map_or_else(|| builtin(s), |f| f(s));
    }
    let bytes = s.as_bytes();
    s.char_indices()
        .map(|(i, _)| i)
        // CR LF is one cluster (GB3).
        .filter(|&i| !(i > 0 && bytes[i] == b'\n' && bytes[i - 1] == b'\r'))
        .collect()
}
