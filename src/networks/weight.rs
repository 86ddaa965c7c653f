//! X's weighted character count, per twitter-text config v3
//! (github.com/twitter/twitter-text, `config/v3.json`):
//!
//! ```json
//! { "version": 3, "maxWeightedTweetLength": 280, "scale": 100,
//!   "defaultWeight": 200, "emojiParsingEnabled": true,
//!   "transformedURLLength": 23,
//!   "ranges": [ { "start": 0,    "end": 4351, "weight": 100 },
//!               { "start": 8192, "end": 8205, "weight": 100 },
//!               { "start": 8208, "end": 8223, "weight": 100 },
//!               { "start": 8242, "end": 8247, "weight": 100 } ] }
//! ```
//!
//! twitter-text's `parseTweet` NFC-normalizes, then walks code points: a URL
//! adds `transformedURLLength * scale`, an emoji (twemoji-parser match) adds
//! `defaultWeight` once for the whole sequence, anything else adds its range
//! weight. All weights are multiples of `scale`, so we keep them pre-divided.

/// `scale` from config v3; weights below are divided by it.
const SCALE: u32 = 100;
/// `defaultWeight` 200 / scale.
const DEFAULT_WEIGHT: usize = (200 / SCALE) as usize;
/// The v3 `ranges`, all with weight 100 / scale = 1.
const LIGHT_RANGES: [(u32, u32); 4] = [(0, 4351), (8192, 8205), (8208, 8223), (8242, 8247)];

/// Weight of one code point (1 inside the light ranges, else 2).
pub(crate) fn char_weight(c: char) -> usize {
    let cp = c as u32;
    if LIGHT_RANGES.iter().any(|&(a, b)| (a..=b).contains(&cp)) {
        1
    } else {
        DEFAULT_WEIGHT
    }
}

/// Weight of one extended grapheme cluster of the ORIGINAL text: an emoji
/// sequence weighs `defaultWeight` once; anything else is normalized to NFC
/// first (so "e + U+0301" weighs like "é") and its code points summed.
///
/// Normalizing per cluster instead of the whole string lets every weight be
/// attributed to an offset of the un-normalized text (the overflow range).
/// Canonical composition never crosses an extended-grapheme boundary in
/// practice (combining marks, Hangul jamo and two-part vowel signs all extend
/// the cluster), so the totals equal whole-string NFC.
pub(crate) fn grapheme_weight(g: &str) -> usize {
    if is_emoji_cluster(g) {
        return DEFAULT_WEIGHT;
    }
    if g.is_ascii() {
        return g.len();
    }
    crate::unicode::nfc(g).chars().map(char_weight).sum()
}

/// Code points that start an emoji (the blocks of Unicode's
/// Extended_Pictographic property, coarsely, plus the few scattered ones).
/// A compact range check rather than the full emoji table: inside a grapheme
/// cluster the only question is whether its FIRST code point is pictographic,
/// since skin tones, ZWJ members, VS16, keycaps and tag sequences are all
/// glued to it by the segmenter.
fn is_pictographic(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF // mahjong .. symbols & pictographs ext-A, incl. flags
        | 0x2190..=0x21FF // arrows
        | 0x2300..=0x23FF // misc technical (watch, hourglass)
        | 0x25A0..=0x25FF // geometric shapes
        | 0x2600..=0x27BF // misc symbols, dingbats
        | 0x2B00..=0x2BFF // stars, squares
        | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x3030 | 0x303D | 0x3297 | 0x3299)
}

/// Whether a grapheme cluster is one emoji (twemoji-parser would match it).
pub(crate) fn is_emoji_cluster(g: &str) -> bool {
    let mut chars = g.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if is_pictographic(first) {
        return true;
    }
    let has = |c: char| g.contains(c);
    match first {
        // ©️ ®️ are emoji only with the emoji presentation selector; bare © is
        // text weighing 1.
        '\u{A9}' | '\u{AE}' => has('\u{FE0F}'),
        // Keycaps: 1️⃣ #️⃣ *️⃣.
        '0'..='9' | '#' | '*' => has('\u{20E3}'),
        _ => false,
    }
}
