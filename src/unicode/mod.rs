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

/// Unicode's Extended_Pictographic property (UAX #29), from the table
/// `build/unicode.rs` asks of unicode-segmentation: the code points that
/// start an emoji (pictographs, including text-style ones such as © and ™,
/// and reserved emoji blocks; not regional indicators, keycap bases or skin
/// tones, which only join one).
pub fn is_extended_pictographic(c: char) -> bool {
    let cp = c as u32;
    cp >= 0xA9 && {
        let i = tables::EXT_PICT.partition_point(|r| r.0 <= cp);
        i > 0 && cp <= tables::EXT_PICT[i - 1].1
    }
}
