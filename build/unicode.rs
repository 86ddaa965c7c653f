//! Generates the character sets that `src/unicode/` embeds.
//!
//! NFC itself runs outside the WASM (the browser's `normalize`); what the
//! core needs on every word is cheap set membership. This asks
//! unicode-normalization (a build-dependency, so its tables never reach the
//! WASM) and writes to `$OUT_DIR/unicode_tables.rs`:
//!
//! - `UNSTABLE`: code points that can change under NFC (they have a
//!   combining class, a decomposition, or compose with what precedes them), so
//!   text without any is already NFC;
//! - `MARKS`: combining marks (General_Category M);
//! - `JOINERS`: code points that can join a grapheme cluster with a
//!   neighbour (Grapheme_Cluster_Break Extend, ZWJ, SpacingMark, Prepend,
//!   Regional_Indicator, Hangul jamo L/V/T; CR is handled in code), asked
//!   of unicode-segmentation (also build-only here) by segmenting each
//!   character next to a letter, a Hangul syllable and itself. Text without
//!   any has a cluster boundary between every two characters;
//! - `EXT_PICT`: Extended_Pictographic (UAX #29's emoji property), as ranges,
//!   also asked of unicode-segmentation: rule GB11 glues `😀 ZWJ c` into one
//!   cluster exactly when `c` is Extended_Pictographic, and `a ZWJ c` tells
//!   apart the characters that extend any cluster. Threads counts emoji as
//!   their UTF-8 bytes (`src/networks/threads.rs`).
//!
//! All are asked for every character the tokenizer sees, so they are
//! two-stage bitmaps (one load each for the BMP), not searched ranges.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use unicode_normalization::char::{
    canonical_combining_class, compose, decompose_canonical, is_combining_mark,
};
use unicode_segmentation::UnicodeSegmentation;

const S_BASE: u32 = 0xAC00;
const S_COUNT: u32 = 11_172;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;

fn chars() -> impl Iterator<Item = char> {
    (0..=0x10FFFFu32).filter_map(char::from_u32)
}

fn is_hangul_syllable(c: char) -> bool {
    (S_BASE..S_BASE + S_COUNT).contains(&(c as u32))
}

fn ranges(set: &BTreeSet<u32>) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &cp in set {
        match out.last_mut() {
            Some(last) if last.1 + 1 == cp => last.1 = cp,
            _ => out.push((cp, cp)),
        }
    }
    out
}

/// A set of code points as a two-stage bitmap for the BMP (`{name}_INDEX`:
/// 256 block numbers; `{name}_BLOCKS`: the distinct 256-bit blocks, block 0
/// empty) plus sorted ranges for the other planes (`{name}_ASTRAL`).
fn bit_table(out: &mut String, name: &str, set: &BTreeSet<u32>) {
    let mut blocks: Vec<[u64; 4]> = vec![[0; 4]];
    let mut index = Vec::with_capacity(256);
    for hi in 0..256u32 {
        let mut block = [0u64; 4];
        for lo in 0..256u32 {
            if set.contains(&(hi << 8 | lo)) {
                block[(lo / 64) as usize] |= 1 << (lo % 64);
            }
        }
        let at = blocks.iter().position(|b| *b == block).unwrap_or_else(|| {
            blocks.push(block);
            blocks.len() - 1
        });
        index.push(at as u8);
    }
    array(out, &format!("{name}_INDEX"), "u8", &index);
    let flat: Vec<String> = blocks
        .iter()
        .map(|b| format!("[{:#x},{:#x},{:#x},{:#x}]", b[0], b[1], b[2], b[3]))
        .collect();
    array(out, &format!("{name}_BLOCKS"), "[u64; 4]", &flat);
    let astral: BTreeSet<u32> = set.range(0x10000..).copied().collect();
    range_array(out, &format!("{name}_ASTRAL"), &ranges(&astral));
}

fn array<T: std::fmt::Display>(out: &mut String, name: &str, ty: &str, items: &[T]) {
    let _ = write!(out, "pub(crate) static {name}: [{ty}; {}] = [", items.len());
    for (i, item) in items.iter().enumerate() {
        if i % 16 == 0 {
            out.push('\n');
        }
        let _ = write!(out, "{item},");
    }
    out.push_str("\n];\n");
}

fn range_array(out: &mut String, name: &str, items: &[(u32, u32)]) {
    let flat: Vec<String> = items
        .iter()
        .map(|(a, b)| format!("({a:#x},{b:#x})"))
        .collect();
    array(out, name, "(u32, u32)", &flat);
}

pub fn generate() -> String {
    // Full decomposition → the characters with it (a singleton such as
    // U+212B ANGSTROM SIGN shares Å's), to find each composite's parts.
    let mut by_decomp: HashMap<Vec<char>, Vec<char>> = HashMap::new();
    let mut unstable = BTreeSet::new();
    let mut marks = BTreeSet::new();

    for c in chars() {
        if canonical_combining_class(c) != 0 {
            unstable.insert(c as u32);
        }
        if is_combining_mark(c) {
            marks.insert(c as u32);
        }
        if is_hangul_syllable(c) {
            continue;
        }
        let mut d = Vec::new();
        decompose_canonical(c, |x| d.push(x));
        if d != [c] {
            unstable.insert(c as u32);
            by_decomp.entry(d).or_default().push(c);
        }
    }

    // A primary composite c has a first-level mapping (a, b): b is the last
    // character of c's full decomposition and a is whatever fully decomposes
    // to the rest. compose() says whether the pair composes (exclusions and
    // singletons don't); when it does, b changes what precedes it.
    for (d, composites) in &by_decomp {
        if d.len() < 2 {
            continue;
        }
        let b = d[d.len() - 1];
        let rest = &d[..d.len() - 1];
        let firsts: Vec<char> = match rest {
            [one] => vec![*one],
            _ => by_decomp.get(rest).cloned().unwrap_or_default(),
        };
        for &c in composites {
            if firsts.iter().any(|&a| compose(a, b) == Some(c)) {
                unstable.insert(b as u32);
            }
        }
    }
    // Hangul vowels and trailing consonants compose with what precedes them.
    unstable.extend(V_BASE..V_BASE + 21);
    unstable.extend(T_BASE + 1..T_BASE + 28);

    let mut out = String::from(
        "// @generated by build/unicode.rs from unicode-normalization and unicode-segmentation\n",
    );
    bit_table(&mut out, "UNSTABLE", &unstable);
    bit_table(&mut out, "MARKS", &marks);
    bit_table(&mut out, "JOINERS", &joiners());
    range_array(&mut out, "EXT_PICT", &ranges(&ext_pict()));
    out
}

/// See `EXT_PICT` in the module comment.
fn ext_pict() -> BTreeSet<u32> {
    let one = |s: String| s.graphemes(true).count() == 1;
    chars()
        .filter(|&c| one(format!("\u{1F600}\u{200D}{c}")) && !one(format!("a\u{200D}{c}")))
        .map(|c| c as u32)
        .collect()
}

/// See `JOINERS` in the module comment.
fn joiners() -> BTreeSet<u32> {
    let one = |s: String| s.graphemes(true).count() == 1;
    chars()
        .filter(|&c| {
            let pair = |a: char, b: char| one([a, b].iter().collect());
            pair('a', c) || pair(c, 'a') || pair(c, c) || pair('가', c) || pair(c, '가')
        })
        .map(|c| c as u32)
        .collect()
}
