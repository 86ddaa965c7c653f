//! Unicode normalization (NFC) for the tokenizer and X's weighted count, and
//! grapheme clusters for the counters, entities and thread splitting (see
//! `graphemes.rs`, which follows the same pattern).
//!
//! Uniqueness shingles and X's weighted count both need NFC (Vietnamese typed
//! decomposed must match its composed form; twitter-text counts NFC). The
//! full NFC algorithm comes from outside (see `nfc.rs`: the browser's in the
//! WASM, unicode-normalization natively); `build/unicode.rs` generates the
//! small character sets used here on every word: the characters NFC may
//! change, and the combining marks (which belong to the word they follow).

mod graphemes;
mod nfc;
#[cfg(test)]
mod tests;

pub use graphemes::{grapheme_starts, set_segmenter, Segmenter};
pub use nfc::{is_combining_mark, is_nfc_stable, needs_nfc, nfc, set_normalizer, Normalizer};

mod tables {
    include!(concat!(env!("OUT_DIR"), "/unicode_tables.rs"));
}
