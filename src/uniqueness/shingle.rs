//! Tokens → shingles (hashed windows of consecutive tokens).
//!
//! The window length is chosen per starting token from the tokens themselves,
//! never from the rest of the document, so the same run of words always gives
//! the same shingles whatever surrounds it (a Vietnamese quote inside an
//! English draft still matches the Vietnamese post it came from):
//! - a character of a script without spaces starts a `chars`-long window;
//! - a window whose next `syllables` tokens are at least a quarter
//!   Vietnamese-marked is Vietnamese (one syllable per word) and gets
//!   `syllables` tokens;
//! - anything else gets `words` tokens.

use serde::{Deserialize, Serialize};

use super::hash::{hash_shingle, FxHashSet};
use super::tokenize::{Token, Tokenizer, FLAG_CJK, FLAG_VI};

/// How text is cut into shingles. Part of the index: a serialised index keeps
/// the config it was built with, and drafts are always shingled the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ShingleConfig {
    /// Window for space-separated words (Latin, Cyrillic, Greek, Hangul, ...).
    pub words: u8,
    /// Window for Vietnamese, which writes one syllable per word.
    pub syllables: u8,
    /// Window, in characters, for Han, kana, Thai, Lao, Khmer and Myanmar.
    pub chars: u8,
    /// Drop English, Russian and Vietnamese stop words before shingling.
    pub stop_words: bool,
}

impl Default for ShingleConfig {
    /// Sizes measured on the benchmark corpus (see docs/BENCHMARKS.md).
    fn default() -> Self {
        Self {
            words: 4,
            syllables: 6,
            chars: 5,
            stop_words: false,
        }
    }
}

impl ShingleConfig {
    pub(crate) fn is_valid(&self) -> bool {
        let ok = |k: u8| (1..=32).contains(&k);
        ok(self.words) && ok(self.syllables) && ok(self.chars)
    }
}

/// One shingle occurrence: its 48-bit hash and its inclusive token range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Shingle {
    pub hash: u64,
    pub first: u32,
    pub last: u32,
}

/// Shingles of `tokens` in text order (`hashes` is scratch space).
///
/// A text too short for any window still gets one shingle covering all its
/// tokens, so two identical short posts ("Good morning!") match each other.
pub(crate) fn shingles(
    tokens: &[Token],
    cfg: &ShingleConfig,
    hashes: &mut Vec<u64>,
    out: &mut Vec<Shingle>,
) {
    out.clear();
    hashes.clear();
    hashes.extend(tokens.iter().map(|t| t.hash));
    let n = tokens.len();
    let scan = usize::from(cfg.syllables);
    // Vietnamese-letter tokens in the window [i, i + scan): a running count
    // instead of rescanning the window at every position.
    let is_vi = |j: usize| tokens.get(j).is_some_and(|t| t.flags & FLAG_VI != 0);
    let mut vi = (0..scan.min(n)).filter(|&j| is_vi(j)).count();
    for i in 0..n {
        if i > 0 {
            vi = vi + usize::from(is_vi(i + scan - 1)) - usize::from(is_vi(i - 1));
        }
        let k = if tokens[i].flags & FLAG_CJK != 0 {
            usize::from(cfg.chars)
        } else {
            let window = n.min(i + scan) - i;
            if vi > 0 && vi * 4 >= window {
                usize::from(cfg.syllables)
            } else {
                usize::from(cfg.words)
            }
        };
        if i + k <= n {
            out.push(Shingle {
                hash: hash_shingle(&hashes[i..i + k]),
                first: i as u32,
                last: (i + k - 1) as u32,
            });
        }
    }
    if out.is_empty() && n > 0 {
        out.push(Shingle {
            hash: hash_shingle(hashes),
            first: 0,
            last: (n - 1) as u32,
        });
    }
}

/// The distinct shingle hashes of a document, sorted.
pub(crate) fn distinct(shingles: &[Shingle], out: &mut Vec<u64>) {
    out.clear();
    out.extend(shingles.iter().map(|s| s.hash));
    out.sort_unstable();
    out.dedup();
}

/// Reusable text → shingles pipeline (no allocation once warmed up).
#[derive(Default)]
pub(crate) struct Shingler {
    tokenizer: Tokenizer,
    hashes: Vec<u64>,
    pub tokens: Vec<Token>,
    pub shingles: Vec<Shingle>,
    pub distinct: Vec<u64>,
}

impl Shingler {
    /// Fills `tokens` and `shingles` (text order) for `text`.
    pub(crate) fn run(&mut self, text: &str, cfg: &ShingleConfig, stop: Option<&FxHashSet<u64>>) {
        self.tokenizer.run(text, stop, &mut self.tokens);
        shingles(&self.tokens, cfg, &mut self.hashes, &mut self.shingles);
    }

    /// Like [`Shingler::run`], then fills `distinct` (sorted, deduplicated).
    /// Never inlined: in WASM a function called per document tiers up to
    /// optimised code after a few calls, a loop inside one long call doesn't.
    #[inline(never)]
    pub(crate) fn run_distinct(
        &mut self,
        text: &str,
        cfg: &ShingleConfig,
        stop: Option<&FxHashSet<u64>>,
    ) {
        self.run(text, cfg, stop);
        distinct(&self.shingles, &mut self.distinct);
    }
}
