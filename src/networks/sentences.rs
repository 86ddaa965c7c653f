//! Sentence-level cuts: the rules of UAX #29 that matter for real text,
//! written out by hand (see `breaks`). A candidate is where the next sentence
//! starts: after the terminal punctuation, closing quotes and spaces that end
//! one sentence, as `split_sentence_bound_indices` gives it.
//!
//! Deliberate differences from UAX #29, all on rare or ambiguous text:
//! "…" ends a sentence like "." does (UAX #29 ignores it); ASCII "." "!" "?"
//! end one only when whitespace (or an unspaced script) follows, so
//! "Yahoo!News" stays whole; only closing brackets count as closers, so
//! "。「" is cut before the bracket, not after it.

use super::breaks::{script, Script, Unit};

/// Each sentence start after the first, plus one after every line or
/// paragraph separator.
pub(super) fn sentence_breaks(units: &[Unit], len: usize) -> Vec<usize> {
    let at = |k: usize| units.get(k).map_or(len, |u| u.at);
    let ch = |k: usize| units.get(k).map(|u| u.c);
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(&Unit { c, end, .. }) = units.get(k) {
        k += 1;
        if is_separator(c) {
            // UAX #29 SB4; "\r\n" is one cluster, so one cut after it, and
            // before any direction mark opening the next line.
            out.push(end);
            continue;
        }
        if !is_terminal(c) {
            continue;
        }
        // SB9-SB11: terminals, closers, spaces, then the next sentence.
        let mut last = c;
        while let Some(t) = ch(k).filter(|&t| is_terminal(t)) {
            last = t;
            k += 1;
        }
        while ch(k).is_some_and(is_closer) {
            k += 1;
        }
        let spaces = k;
        while ch(k).is_some_and(|c| c.is_whitespace() && !is_separator(c)) {
            k += 1;
        }
        if ends(last, k > spaces, units.get(k..).unwrap_or(&[])) {
            out.push(at(k));
        }
    }
    out
}

/// Whether the sentence ended by `last` (then closers and, if `spaced`,
/// spaces) really ends before `rest`.
fn ends(last: char, spaced: bool, rest: &[Unit]) -> bool {
    let Some(next) = rest.first().map(|u| u.c) else {
        return false; // the text end is a candidate anyway
    };
    if is_separator(next) || is_terminal(next) || continues(next) {
        // A separator cuts after itself; "?!" and "etc., and" go on (SB8a).
        return false;
    }
    // SB8: after a period, a lowercase word continues the sentence ("etc.
    // and", "e.g. the", "3.14"): look past digits and quotes to the next letter.
    if matches!(last, '.' | '…' | '．')
        && rest
            .iter()
            .map(|u| u.c)
            .find(|&c| c.is_alphabetic() || is_separator(c) || is_terminal(c))
            .is_some_and(char::is_lowercase)
    {
        return false;
    }
    // Full-width CJK stops need no space after them, nor does any stop
    // before a script written without spaces ("好!你").
    spaced || matches!(last, '。' | '｡' | '！' | '？') || script(next) != Script::Spaced
}

/// Sentence terminals: the common ones of the scripts people post in (Latin,
/// Cyrillic, Greek and others use . ! ?; CJK full width; Devanagari and
/// Bengali dandas; Arabic, Persian and Urdu; Armenian; Ethiopic; Myanmar;
/// Khmer). "…" counts as a period.
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '‽')
        || matches!(c, '。' | '｡' | '．' | '！' | '？')
        || matches!(c, '।' | '॥' | '؟' | '۔' | '։' | '።' | '፧' | '။' | '។' | '៕')
}

/// Closing brackets, and every quotation mark: right after a terminal a quote
/// closes, whichever way the language draws it (German „…“, Danish »…«).
fn is_closer(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '）' | '］' | '｝' | '」' | '』' | '〉' | '》' | '】' | '〕'
    ) || matches!(
        c,
        '"' | '\'' | '«' | '»' | '‹' | '›' | '“' | '”' | '‘' | '’' | '„'
    )
}

/// Punctuation that continues a sentence after a terminal (UAX #29 SContinue).
fn continues(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '-' | '–' | '—' | '、' | '，' | '；' | '：'
    )
}

/// Line and paragraph separators (UAX #29 Sep, CR, LF).
fn is_separator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}
