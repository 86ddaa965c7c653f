//! Where a thread may be cut, by preference: paragraphs, then sentences, then
//! words. Every candidate is a grapheme boundary outside any URL, hashtag,
//! mention or cashtag; the text end is a candidate at every level.
//!
//! Sentences and words follow Unicode's UAX #29 with a few hand-written
//! rules (here and in `sentences`) instead of unicode-segmentation's tables
//! and state machines: those cost 18 KB of the gzipped module for cuts that,
//! once filtered as below, are the same on real text (the tests compare).

use super::entities::scan;
use super::sentences::sentence_breaks;
use super::text::Boundaries;

pub(crate) struct Breaks {
    /// Paragraph, sentence and word candidates, each sorted, all > 0.
    pub levels: [Vec<usize>; 3],
    pub graphemes: Boundaries,
    /// Entity byte ranges, sorted (for the splitter's size bound).
    pub spans: Vec<(usize, usize)>,
}

/// A grapheme cluster as the sentence and word rules see it: where it starts
/// and ends, and its first character. Marks, ZWJ sequences and skin tones
/// thus go with their base (UAX #29's "ignore Extend" rules) and no cut can
/// fall inside a cluster.
#[derive(Clone, Copy)]
pub(super) struct Unit {
    pub at: usize,
    pub end: usize,
    pub c: char,
}

impl Breaks {
    pub(crate) fn of(text: &str) -> Breaks {
        let graphemes = Boundaries::of(text);
        let spans = scan(text, &graphemes).spans();
        let keep = |p: &usize| *p > 0 && graphemes.contains(*p) && !inside(&spans, *p);
        let finish = |mut v: Vec<usize>| {
            v.retain(keep);
            v.push(text.len());
            crate::sort::sort(&mut v);
            v.dedup();
            v
        };
        let units: Vec<Unit> = graphemes
            .clusters(text, 0)
            .filter_map(|(at, g)| {
                let c = g.chars().next().filter(|&c| !is_format(c))?;
                Some(Unit {
                    at,
                    end: at + g.len(),
                    c,
                })
            })
            .collect();
        let paragraphs = finish(paragraph_breaks(text));
        let sentences = finish(sentence_breaks(&units, text.len()));
        let words = finish(word_breaks(&units));
        Breaks {
            levels: [paragraphs, sentences, words],
            graphemes,
            spans,
        }
    }
}

/// Whether `p` falls strictly inside one of the sorted spans. Entities never
/// overlap (the scanner drops anything touching a URL), so only the last span
/// starting before `p` can contain it.
pub(crate) fn inside(spans: &[(usize, usize)], p: usize) -> bool {
    let k = spans.partition_point(|s| s.0 < p);
    k.checked_sub(1)
        .and_then(|j| spans.get(j))
        .is_some_and(|s| s.1 > p)
}

/// The start of every whitespace run holding a blank line (two line breaks).
fn paragraph_breaks(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut run_start: Option<usize> = None;
    let mut newlines = 0;
    let mut prev = '\0';
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            let start = *run_start.get_or_insert(i);
            // "\r\n" is one line break, and U+2029 is a paragraph by itself.
            newlines += match c {
                '\n' if prev == '\r' => 0,
                '\n' | '\r' | '\u{2028}' | '\u{85}' => 1,
                '\u{2029}' => 2,
                _ => 0,
            };
            if newlines >= 2 && (out.last() != Some(&start)) {
                out.push(start);
            }
        } else {
            run_start = None;
            newlines = 0;
        }
        prev = c;
    }
    out
}

/// Invisible format controls (soft hyphen, direction marks, word joiner,
/// BOM), which UAX #29 skips: "a\u{200F} b" is "a b" to both rule sets, and a
/// cut lands after such a mark, not before it. Zero-width space is left out:
/// it is a word boundary of its own.
fn is_format(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{61C}' | '\u{200C}'..='\u{200F}' | '\u{202A}'..='\u{202E}')
        || matches!(c, '\u{2060}'..='\u{206F}' | '\u{FEFF}')
}

/// How a script's letters form words.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Script {
    /// Words separated by spaces (Latin, Cyrillic, Greek, Arabic, Hebrew,
    /// Indic, Hangul...) and all digits. Unlike UAX #29, "m²" and "①②" do
    /// not part: not a cut anyone wants.
    Spaced,
    /// A Katakana run is one word.
    Katakana,
    /// No spaces between words and no dictionary to find them: UAX #29 makes
    /// every Han ideograph, Hiragana letter, and Thai/Lao/Myanmar/Khmer/Tai
    /// letter a word of its own, and so do we.
    Unspaced,
}

pub(super) fn script(c: char) -> Script {
    match c {
        '\u{3031}'..='\u{3035}'
        | '\u{30A0}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{FF66}'..='\u{FF9F}' => Script::Katakana,
        // Han (with 〆 〇 and the Hangzhou numerals) and Hiragana.
        '\u{3006}'..='\u{3007}'
        | '\u{3021}'..='\u{3029}'
        | '\u{3038}'..='\u{303A}'
        | '\u{3041}'..='\u{309F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}' => Script::Unspaced,
        // Thai, Lao, Myanmar, Khmer, Tai Le, New Tai Lue, Tai Tham, Tai Viet;
        // their digits are ordinary numbers.
        '\u{0E00}'..='\u{0EFF}'
        | '\u{1000}'..='\u{109F}'
        | '\u{1780}'..='\u{17FF}'
        | '\u{1950}'..='\u{19DF}'
        | '\u{1A20}'..='\u{1AAF}'
        | '\u{A9E0}'..='\u{A9FF}'
        | '\u{AA60}'..='\u{AADF}'
            if !c.is_numeric() =>
        {
            Script::Unspaced
        }
        _ => Script::Spaced,
    }
}

/// Word-level cuts (UAX #29's word boundaries, keeping only those worth
/// cutting a thread at): before whitespace; between letters or digits of
/// different scripts or of an unspaced script; and after punctuation that is
/// not an opening bracket or quote, when a letter or digit follows.
fn word_breaks(units: &[Unit]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut before = None;
    for pair in units.windows(2) {
        let &[b, a] = pair else { continue };
        if word_cut(before, b.c, a.c) {
            out.push(a.at);
        }
        before = Some(b.c);
    }
    out
}

/// Whether words part between `b` and `a` (`bb` precedes `b`).
fn word_cut(bb: Option<char>, b: char, a: char) -> bool {
    if a.is_whitespace() {
        // Only at the start of a whitespace run, and never at a no-break
        // space ("10\u{A0}km", French "Oui\u{202F}!"; UAX #29 would cut
        // before U+00A0 and U+2007).
        return !b.is_whitespace() && !matches!(a, '\u{A0}' | '\u{2007}' | '\u{202F}');
    }
    if !a.is_alphanumeric() {
        return false;
    }
    if b.is_alphanumeric() {
        let (sb, sa) = (script(b), script(a));
        return sb != sa || sa == Script::Unspaced;
    }
    let opening = matches!(
        b,
        '(' | '[' | '{' | '<' | '«' | '“' | '‘' | '"' | '\'' | '¿' | '¡' | '「' | '『' | '（'
    );
    // "snake_case" is one word (UAX #29 ExtendNumLet).
    let connector = matches!(b, '_' | '\u{203F}' | '\u{2040}' | '\u{2054}' | '\u{FF3F}')
        && script(a) != Script::Unspaced;
    !(b.is_whitespace() || opening || connector || bb.is_some_and(|bb| joined(bb, b, a)))
}

/// UAX #29's WB6/7 and WB11/12: "don't", "l'homme", "e.g", "a·b" are one word
/// and "3.14", "1,000" one number.
fn joined(before: char, mid: char, after: char) -> bool {
    let letter = |c: char| c.is_alphabetic() && script(c) == Script::Spaced;
    let both = matches!(mid, '.' | '\'' | '‘' | '’' | '．' | '＇');
    let letters = both || matches!(mid, ':' | '·' | '\u{387}' | '\u{5F4}' | '‧' | '：');
    let digits = both
        || matches!(
            mid,
            ',' | ';' | '，' | '；' | '\u{60C}' | '\u{66B}' | '\u{66C}'
        );
    (letters && letter(before) && letter(after))
        || (digits && before.is_numeric() && after.is_numeric())
}
