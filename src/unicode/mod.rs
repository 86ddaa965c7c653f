//! Unicode normalization (NFC) on compact tables generated at build time.
//!
//! Uniqueness shingles and X's weighted count both need NFC (Vietnamese typed
//! decomposed must match its composed form; twitter-text counts NFC). The
//! unicode-normalization crate does it right but carries tables for every
//! form (65 KB of the gzipped WASM); `build/nfc.rs` asks that crate for the
//! three relations NFC uses and embeds them as sorted arrays (about a fifth of
//! the size). The tests compare this module with the crate exhaustively.

mod nfc;
#[cfg(test)]
mod tests;

pub use nfc::{ccc, is_combining_mark, is_nfc_stable, needs_nfc, nfc, nfc_into};

mod tables {
    include!(concat!(env!("OUT_DIR"), "/nfc_tables.rs"));
}
