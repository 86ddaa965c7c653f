//! Splitting one concatenated string by UTF-16 lengths: the bulk-load format
//! that crosses the JS boundary once (`texts.join("")` plus each `.length`)
//! instead of once per post.

/// Cuts `s` into pieces of the given UTF-16 lengths (JS `String.length`).
///
/// A character straddling a cut (a surrogate pair split between two posts)
/// stays with the piece it starts in and the next piece starts after it;
/// such lone halves are not words, so no token changes. Returns `None` when
/// the lengths don't add up to the string's UTF-16 length.
pub fn split_utf16<'a>(s: &'a str, lengths: &[u32]) -> Option<Vec<&'a str>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(lengths.len());
    let (mut i, mut units, mut target, mut prev) = (0usize, 0u64, 0u64, 0usize);
    for &len in lengths {
        target += u64::from(len);
        (i, units) = advance(bytes, i, units, target)?;
        out.push(s.get(prev..i)?);
        prev = i;
    }
    (i == bytes.len()).then_some(out)
}

/// Walks from byte `i` (UTF-16 offset `units`) until `target` units.
/// One call per document, so in WASM it runs as optimised code (see
/// `Shingler::run_distinct`).
#[inline(never)]
fn advance(bytes: &[u8], mut i: usize, mut units: u64, target: u64) -> Option<(usize, u64)> {
    while units < target {
        // `s` is valid UTF-8: the lead byte gives the width.
        let (width, u) = match *bytes.get(i)? {
            0..=0x7F => (1, 1),
            0xC0..=0xDF => (2, 1),
            0xE0..=0xEF => (3, 1),
            _ => (4, 2),
        };
        i += width;
        units += u;
    }
    Some((i, units))
}

#[cfg(test)]
mod tests {
    use super::split_utf16;

    #[test]
    fn splits_by_utf16_length() {
        let parts = ["héllo", "", "𝔘x", "日本語", "ё"];
        let joined: String = parts.concat();
        let lens: Vec<u32> = parts
            .iter()
            .map(|p| p.encode_utf16().count() as u32)
            .collect();
        assert_eq!(split_utf16(&joined, &lens).unwrap(), parts);
        assert_eq!(split_utf16(&joined, &lens[..4]), None);
        assert_eq!(split_utf16("ab", &[3]), None);
        assert_eq!(split_utf16("", &[]).unwrap(), Vec::<&str>::new());
        // A pair split between two pieces (lengths 1 + 1) stays whole in the first.
        assert_eq!(split_utf16("𝔘", &[1, 1]).unwrap(), ["𝔘", ""]);
    }
}
