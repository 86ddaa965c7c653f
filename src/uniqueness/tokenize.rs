//! Draft text → normalised word tokens, each with its UTF-16 range in the
//! ORIGINAL text (the panel highlights with JS string offsets).
//!
//! Normalisation choices (all deliberate, all applied identically to drafts and
//! indexed posts):
//! - Unicode NFC per token, in Rust, so a Vietnamese draft typed in decomposed
//!   form matches its composed twin even when the caller forgot to normalise.
//! - Lower-casing with three case-folding fixes `to_lowercase` lacks: ß→ss,
//!   final ς→σ; plus Russian ё→е (writers use them interchangeably).
//! - Punctuation, symbols and emoji are separators: "🔥 new post!" matches
//!   "new post". Apostrophes and soft hyphens inside a word are dropped
//!   ("don't" = "dont"); hyphens split ("well-known" = "well known").
//! - URLs (`http://`, `https://`, `www.` up to the next space) and @mentions are
//!   skipped entirely: link shorteners rewrite URLs and the same text addressed
//!   to another person is still the same text. Hashtags keep their word.
//! - Han, kana and the Southeast-Asian scripts written without spaces (Thai,
//!   Lao, Khmer, Myanmar) become one token per character, so shingles over
//!   them are character n-grams.

use crate::unicode::{is_combining_mark, nfc};

use super::hash::{hash_ascii_lower, hash_bytes, FxHashSet};

/// The token is one character of a script written without spaces.
pub(crate) const FLAG_CJK: u8 = 1;
/// The token carries a letter only Vietnamese uses (ă đ ơ ư ĩ ũ or U+1EA0–1EF9).
pub(crate) const FLAG_VI: u8 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub hash: u64,
    /// UTF-16 code-unit range in the original text.
    pub start: u32,
    pub end: u32,
    pub flags: u8,
}

/// Characters that get a token of their own (scripts without word spaces).
fn is_char_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF        // Thai, Lao
        | 0x1000..=0x109F      // Myanmar
        | 0x1780..=0x17FF      // Khmer
        | 0x3040..=0x30FF      // Hiragana, Katakana
        | 0x31F0..=0x31FF      // Katakana phonetic extensions
        | 0x3400..=0x4DBF      // Han extension A
        | 0x4E00..=0x9FFF      // Han
        | 0xF900..=0xFAFF      // Han compatibility
        | 0xFF66..=0xFF9F      // half-width Katakana
        | 0x20000..=0x3FFFF) // Han supplementary planes
}

/// Characters dropped inside a word instead of splitting it.
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{02BC}' | '\u{00AD}' | '\u{200C}' | '\u{200D}'
    )
}

fn is_vietnamese_letter(c: char) -> bool {
    matches!(
        c as u32,
        0x1EA0..=0x1EF9 | 0x0103 | 0x0111 | 0x01A1 | 0x01B0 | 0x0129 | 0x0169
    )
}

fn starts_with_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

/// Length in bytes of a URL or @mention starting at `rest`, if one does.
fn skippable_len(rest: &[u8], prev_alnum: bool) -> usize {
    if prev_alnum {
        return 0;
    }
    let is_url = starts_with_ignore_case(rest, b"http://")
        || starts_with_ignore_case(rest, b"https://")
        || starts_with_ignore_case(rest, b"www.");
    if is_url {
        // ASCII only: a URL glued to CJK text must not swallow the text.
        return rest
            .iter()
            .take_while(|&&b| b.is_ascii_graphic() && b != b'<' && b != b'>' && b != b'"')
            .count();
    }
    let handle = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'@' | b'-');
    if rest.first() == Some(&b'@')
        && rest
            .get(1)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    {
        return 1 + rest[1..].iter().take_while(|b| handle(b)).count();
    }
    0
}

/// Letters and digits, with fast paths for the common Latin and Cyrillic
/// ranges before the full Unicode table.
#[inline]
fn is_word_char(c: char) -> bool {
    match c as u32 {
        0xC0..=0x24F => c != '\u{D7}' && c != '\u{F7}',
        0x400..=0x481 | 0x48A..=0x52F | 0x1EA0..=0x1EF9 => true,
        _ => c.is_alphanumeric(),
    }
}

/// Whether a run of characters is certainly NFC without the full check:
/// everything below U+0300, the Cyrillic letters and the Han ideographs are.
#[inline]
fn surely_nfc(s: &str) -> bool {
    s.chars()
        .all(|c| (c as u32) < 0x300 || (0x400..0x483).contains(&(c as u32)))
}

/// `u8::is_ascii_alphanumeric` as one load instead of three range checks: the
/// tokenizer's innermost loop (most text is ASCII).
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Reusable tokenizer state, so checking while typing allocates nothing.
#[derive(Default)]
pub(crate) struct Tokenizer {
    /// The current word; ASCII letters are already lower-cased.
    raw: String,
    raw_ascii: bool,
    /// Byte range of the current word while it is a single ASCII run.
    span: Option<(usize, usize)>,
    norm: String,
}

/// Current word being collected: UTF-16 start and end.
struct Word {
    start: Option<u32>,
    end: u32,
}

impl Tokenizer {
    /// Fills `out` with the tokens of `text`. Stop words, when given, are
    /// dropped after normalisation.
    pub(crate) fn run(&mut self, text: &str, stop: Option<&FxHashSet<u64>>, out: &mut Vec<Token>) {
        out.clear();
        self.raw.clear();
        self.raw_ascii = true;
        self.span = None;
        let bytes = text.as_bytes();
        let mut pos16: u32 = 0;
        let mut word = Word {
            start: None,
            end: 0,
        };
        let mut prev_alnum = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                // ASCII fast path: no char decoding, no Unicode tables.
                if word.start.is_none() && matches!(b, b'@' | b'h' | b'H' | b'w' | b'W') {
                    let skip = skippable_len(&bytes[i..], prev_alnum);
                    if skip > 0 {
                        // Skipped bytes are ASCII: one UTF-16 unit each.
                        i += skip;
                        pos16 += skip as u32;
                        prev_alnum = false;
                        continue;
                    }
                }
                if ASCII_ALNUM[b as usize] {
                    // Take the whole ASCII run at once; lower-cased at flush.
                    let run = bytes[i..]
                        .iter()
                        .take_while(|&&c| ASCII_ALNUM[c as usize])
                        .count();
                    word.start.get_or_insert(pos16);
                    if self.raw.is_empty() && self.span.is_none() {
                        // Common case: the word is one ASCII run, hashed in place.
                        self.span = Some((i, i + run));
                    } else {
                        self.materialize(text);
                        self.raw.push_str(&text[i..i + run]);
                    }
                    i += run;
                    pos16 += run as u32;
                    word.end = pos16;
                    prev_alnum = true;
                    continue;
                } else if b == b'\'' && word.start.is_some() && next_is_word_char(&text[i + 1..]) {
                    // Keep the word going; the apostrophe is not part of it.
                } else {
                    self.flush(text, &mut word, 0, stop, out);
                    prev_alnum = false;
                }
                i += 1;
                pos16 += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let w = c.len_utf16() as u32;
            i += c.len_utf8();
            if is_char_script(c) {
                self.flush(text, &mut word, 0, stop, out);
                let start = pos16;
                pos16 += w;
                self.push(text, c);
                // Marks (Thai vowels, dakuten) belong to their base character.
                for m in text[i..].chars().take_while(|&m| is_combining_mark(m)) {
                    self.push(text, m);
                    pos16 += m.len_utf16() as u32;
                    i += m.len_utf8();
                }
                let mut one = Word {
                    start: Some(start),
                    end: pos16,
                };
                self.flush(text, &mut one, FLAG_CJK, stop, out);
                prev_alnum = true;
                continue;
            }
            let in_word = word.start.is_some();
            if is_word_char(c) || (in_word && is_combining_mark(c)) {
                word.start.get_or_insert(pos16);
                self.push(text, c);
                word.end = pos16 + w;
                prev_alnum = true;
            } else if in_word && is_joiner(c) && next_is_word_char(&text[i..]) {
                // Keep the word going; the joiner itself is not part of it.
            } else {
                self.flush(text, &mut word, 0, stop, out);
                prev_alnum = false;
            }
            pos16 += w;
        }
        self.flush(text, &mut word, 0, stop, out);
    }

    #[inline]
    fn push(&mut self, text: &str, c: char) {
        self.materialize(text);
        self.raw_ascii &= c.is_ascii();
        self.raw.push(c);
    }

    /// Moves a pending in-place ASCII run into `raw` (the word grew past it).
    fn materialize(&mut self, text: &str) {
        if let Some((a, b)) = self.span.take() {
            self.raw.push_str(&text[a..b]);
        }
    }

    /// Ends the current word, if any. Called at every delimiter, so the
    /// no-word case stays inline and the work is a call.
    #[inline(always)]
    fn flush(
        &mut self,
        text: &str,
        word: &mut Word,
        flags: u8,
        stop: Option<&FxHashSet<u64>>,
        out: &mut Vec<Token>,
    ) {
        if let Some(start) = word.start.take() {
            self.flush_word(text, start, word.end, flags, stop, out);
        }
    }

    #[inline(never)]
    fn flush_word(
        &mut self,
        text: &str,
        start: u32,
        end: u32,
        mut flags: u8,
        stop: Option<&FxHashSet<u64>>,
        out: &mut Vec<Token>,
    ) {
        let hash = if let Some((a, b)) = self.span.take() {
            hash_ascii_lower(&text.as_bytes()[a..b])
        } else if self.raw_ascii {
            self.raw.make_ascii_lowercase();
            hash_bytes(self.raw.as_bytes())
        } else {
            self.norm.clear();
            let norm = &mut self.norm;
            let vi = if surely_nfc(&self.raw) {
                self.raw
                    .chars()
                    .fold(false, |vi, ch| push_folded(norm, ch) | vi)
            } else {
                nfc(&self.raw)
                    .chars()
                    .fold(false, |vi, ch| push_folded(norm, ch) | vi)
            };
            if vi {
                flags |= FLAG_VI;
            }
            hash_bytes(self.norm.as_bytes())
        };
        self.raw.clear();
        self.raw_ascii = true;
        if stop.is_some_and(|set| set.contains(&hash)) {
            return;
        }
        out.push(Token {
            hash,
            start,
            end,
            flags,
        });
    }
}

fn next_is_word_char(rest: &str) -> bool {
    rest.chars().next().is_some_and(is_word_char)
}

/// Lower-cases one (NFC) character into `norm`, with the folds
/// `to_lowercase` lacks; returns whether it is a Vietnamese-only letter.
/// The common scripts skip the Unicode case table.
#[inline]
fn push_folded(norm: &mut String, ch: char) -> bool {
    let shifted = |d: u32| char::from_u32(ch as u32 + d).unwrap_or(ch);
    match ch {
        'a'..='z' | '0'..='9' | '\u{E0}'..='\u{FF}' | 'а'..='я' | '\u{3400}'..='\u{9FFF}' => {
            norm.push(ch)
        }
        'ß' | 'ẞ' => norm.push_str("ss"),
        'A'..='Z' | '\u{C0}'..='\u{DE}' | 'А'..='Я' => norm.push(shifted(0x20)),
        'ё' | 'Ё' => norm.push('е'),
        'ς' => norm.push('σ'),
        _ => {
            let from = norm.len();
            norm.extend(ch.to_lowercase());
            return norm[from..].chars().any(is_vietnamese_letter);
        }
    }
    false
}

/// Hash of one word as the tokenizer would normalise it (for stop-word sets).
pub(crate) fn word_hash(word: &str) -> Option<u64> {
    let mut t = Tokenizer::default();
    let mut out = Vec::new();
    t.run(word, None, &mut out);
    match out.as_slice() {
        [one] => Some(one.hash),
        _ => None,
    }
}
