//! Tests for per-network counting, entities and thread splitting.

mod breaks;
mod count_bluesky;
mod count_others;
mod count_threads;
mod count_units;
mod count_x;
mod count_x_premium;
mod entities;
// proptest is a native-only dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
mod props;
#[cfg(not(target_arch = "wasm32"))]
mod segmentation;
mod split;

use super::{count_text, CountOptions, CountResult, NetworkId};

/// Count with default options; the tests only feed valid networks.
fn count(text: &str, network: NetworkId) -> CountResult {
    count_text(text, network, &CountOptions::default()).unwrap()
}

/// A UTF-16 range of `text` as a Rust string (what JavaScript's `slice` gives).
fn slice16(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}
