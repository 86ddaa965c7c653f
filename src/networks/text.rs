//! Offsets: the core works in UTF-8 byte offsets (Rust strings), the panel in
//! UTF-16 code units (JavaScript strings). Everything returned to callers is
//! converted here, once, in one forward pass.

use serde::Serialize;

/// A half-open range `[start, end)` in UTF-16 code units of the ORIGINAL text,
/// so `text.slice(start, end)` in JavaScript gives the highlighted part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
}

/// Converts increasing UTF-8 byte offsets to UTF-16 offsets in amortized O(1).
/// A decreasing offset restarts the walk, so any order is correct, only
/// slower.
pub(crate) struct Utf16Cursor<'a> {
    text: &'a str,
    byte: usize,
    utf16: usize,
}

impl<'a> Utf16Cursor<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Utf16Cursor {
            text,
            byte: 0,
            utf16: 0,
        }
    }

    /// UTF-16 offset of byte offset `to` (clamped to the text; an offset inside
    /// a character counts up to that character's start).
    pub(crate) fn at(&mut self, to: usize) -> usize {
        let mut target = to.min(self.text.len());
        while !self.text.is_char_boundary(target) {
            target -= 1;
        }
        if target < self.byte {
            self.byte = 0;
            self.utf16 = 0;
        }
        self.utf16 += utf16_len(self.text.get(self.byte..target).unwrap_or(""));
        self.byte = target;
        self.utf16
    }

    /// Convert a byte range.
    pub(crate) fn range(&mut self, start: usize, end: usize) -> TextRange {
        let start = self.at(start);
        let end = self.at(end);
        TextRange { start, end }
    }
}

/// Sorted grapheme-cluster boundaries (starts of every cluster plus the text
/// length). Entities and breaks are snapped to these so nothing ever cuts a
/// cluster in two.
pub(crate) struct Boundaries(Vec<usize>);

impl Boundaries {
    pub(crate) fn of(text: &str) -> Self {
        let mut v = crate::unicode::grapheme_starts(text);
        v.push(text.len());
        Boundaries(v)
    }

    pub(crate) fn contains(&self, offset: usize) -> bool {
        self.0.binary_search(&offset).is_ok()
    }

    /// The first boundary at or after `offset` (the text length if none).
    pub(crate) fn ceil(&self, offset: usize) -> usize {
        match self.0.binary_search(&offset) {
            Ok(i) => self.0.get(i).copied().unwrap_or(offset),
            Err(i) => self.0.get(i).copied().unwrap_or(offset),
        }
    }

    /// Each grapheme cluster with its byte offset, from the stored boundaries
    /// (no second segmentation pass).
    /// Starts at the first cluster at or after byte `from`.
    pub(crate) fn clusters<'t>(
        &'t self,
        text: &'t str,
        from: usize,
    ) -> impl Iterator<Item = (usize, &'t str)> + 't {
        let first = self.0.partition_point(|&b| b < from);
        self.0
            .get(first..)
            .unwrap_or(&[])
            .windows(2)
            .filter_map(move |w| match *w {
                [a, b] => text.get(a..b).map(|g| (a, g)),
                _ => None,
            })
    }

    /// All boundaries strictly after `after` and at most `up_to`.
    pub(crate) fn between(&self, after: usize, up_to: usize) -> &[usize] {
        let lo = self.0.partition_point(|&b| b <= after);
        let hi = self.0.partition_point(|&b| b <= up_to);
        self.0.get(lo..hi.max(lo)).unwrap_or(&[])
    }
}

/// UTF-16 length of a string (JavaScript `length`).
pub(crate) fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}
