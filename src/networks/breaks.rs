//! Where a thread may be cut, by preference: paragraphs, then sentences, then
//! words. Every candidate is a grapheme boundary outside any URL, hashtag,
//! mention or cashtag; the text end is a candidate at every level.

use unicode_segmentation::UnicodeSegmentation;

use super::entities::scan;
use super::text::Boundaries;

pub(crate) struct Breaks {
    /// Paragraph, sentence and word candidates, each sorted, all > 0.
    pub levels: [Vec<usize>; 3],
    pub graphemes: Boundaries,
    /// Entity byte ranges, sorted (for the splitter's size bound).
    pub spans: Vec<(usize, usize)>,
}

impl Breaks {
    pub(crate) fn of(text: &str) -> Breaks {
        let graphemes = Boundaries::of(text);
        let spans = scan(text, &graphemes).spans();
        let keep = |p: &usize| *p > 0 && graphemes.contains(*p) && !inside(&spans, *p);
        let finish = |mut v: Vec<usize>| {
            v.retain(keep);
            v.push(text.len());
            v.sort_unstable();
            v.dedup();
            v
        };
        let paragraphs = finish(paragraph_breaks(text));
        let sentences = finish(
            text.split_sentence_bound_indices()
                .map(|(i, _)| i)
                .collect(),
        );
        let words = finish(word_breaks(text));
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

/// Word-level cuts: before whitespace; between two letters/digits that the
/// Unicode word rules separate (ideographs and kana, which use no spaces);
/// and after punctuation that is not an opening bracket or quote.
fn word_breaks(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, _) in text.split_word_bound_indices() {
        let before = text.get(..i).and_then(|s| s.chars().next_back());
        let after = text.get(i..).and_then(|s| s.chars().next());
        let (Some(b), Some(a)) = (before, after) else {
            continue;
        };
        let opening = matches!(
            b,
            '(' | '[' | '{' | '<' | '«' | '“' | '‘' | '"' | '\'' | '¿' | '¡' | '「' | '『' | '（'
        );
        let punct_then_word =
            !b.is_alphanumeric() && !b.is_whitespace() && !opening && a.is_alphanumeric();
        if a.is_whitespace() || (b.is_alphanumeric() && a.is_alphanumeric()) || punct_then_word {
            out.push(i);
        }
    }
    out
}
