//! URL detection: `http(s)://` URLs, and bare domains on a known TLD
//! (`example.com/path`), never the domain part of an e-mail address.
//!
//! A small hand-written scanner instead of a regex crate: the rules are few
//! and a regex engine would add far more to the WASM than this file.

use super::tld::{is_ambiguous_tld, is_known_tld};

/// A URL found in the text, as UTF-8 byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawUrl {
    pub start: usize,
    pub end: usize,
    pub has_scheme: bool,
}

/// Every URL in `text`, in order, non-overlapping.
pub(crate) fn find_urls(text: &str) -> Vec<RawUrl> {
    let mut found = Vec::new();
    let mut prev: Option<char> = None;
    let mut i = 0;
    while let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
        let hit = if may_start(prev) {
            scheme_url(text, i).or_else(|| bare_url(text, i, prev))
        } else {
            None
        };
        match hit {
            Some(url) => {
                prev = text.get(..url.end).and_then(|s| s.chars().next_back());
                i = url.end;
                found.push(url);
            }
            None => {
                prev = Some(c);
                i += c.len_utf8();
            }
        }
    }
    found
}

/// A URL may not start in the middle of a word ("xhttp://", "foo.example.com"
/// at "example").
fn may_start(prev: Option<char>) -> bool {
    prev.is_none_or(|p| !(p.is_alphanumeric() || p == '_'))
}

fn starts_with_ci(text: &str, at: usize, prefix: &str) -> bool {
    text.as_bytes()
        .get(at..at + prefix.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
}

fn scheme_url(text: &str, start: usize) -> Option<RawUrl> {
    let body = ["https://", "http://"]
        .iter()
        .find(|s| starts_with_ci(text, start, s))
        .map(|s| start + s.len())?;
    let end = trim_trailing(text, body, scan_url_chars(text, body));
    let host_end = text
        .get(body..end)?
        .find(['/', '?', '#'])
        .map_or(end, |p| body + p);
    let host = text.get(body..host_end)?;
    if !host.chars().next()?.is_alphanumeric() {
        return None;
    }
    Some(RawUrl {
        start,
        end,
        has_scheme: true,
    })
}

fn bare_url(text: &str, start: usize, prev: Option<char>) -> Option<RawUrl> {
    // "user@example.com" is an e-mail, "/example.com" is inside a path.
    if matches!(
        prev,
        Some('@' | '.' | '-' | '/' | ':' | '#' | '$' | '&' | '=' | '%' | '+' | '~')
    ) {
        return None;
    }
    let bytes = text.as_bytes();
    let mut p = start;
    let mut labels = 0;
    let mut last_label = start..start;
    loop {
        let label_start = p;
        while bytes
            .get(p)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-')
        {
            p += 1;
        }
        let label = text.get(label_start..p)?;
        if label.is_empty() || label.starts_with('-') || label.ends_with('-') {
            return None;
        }
        labels += 1;
        last_label = label_start..p;
        let dot_then_label =
            bytes.get(p) == Some(&b'.') && bytes.get(p + 1).is_some_and(u8::is_ascii_alphanumeric);
        if !dot_then_label {
            break;
        }
        p += 1;
    }
    let tld = text.get(last_label)?;
    if labels < 2 || !is_known_tld(tld) {
        return None;
    }
    // The domain must end the word: "example.comedy" was never a URL, and
    // "name.co@mail.com" is an e-mail.
    let next = text.get(p..)?.chars().next();
    if next.is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '@')) {
        return None;
    }
    let mut end = p;
    if bytes.get(end) == Some(&b':') {
        let digits = bytes
            .get(end + 1..)
            .map_or(0, |r| r.iter().take_while(|b| b.is_ascii_digit()).count());
        if (1..=5).contains(&digits) {
            end += 1 + digits;
        }
    }
    if matches!(bytes.get(end), Some(b'/' | b'?' | b'#')) {
        end = trim_trailing(text, end, scan_url_chars(text, end)).max(p);
    }
    let www = starts_with_ci(text, start, "www.");
    if end == p && !www && is_ambiguous_tld(tld) {
        return None;
    }
    Some(RawUrl {
        start,
        end,
        has_scheme: false,
    })
}

/// Characters a URL may contain: printable ASCII except the ones that
/// conventionally delimit a URL in prose, plus non-ASCII letters and digits
/// (IRIs such as Wikipedia paths in Cyrillic).
fn is_url_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '`' | '{' | '}' | '|' | '\\' | '^')
    } else {
        c.is_alphanumeric()
    }
}

fn scan_url_chars(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + rest.find(|c: char| !is_url_char(c)).unwrap_or(rest.len())
}

/// Drop sentence punctuation after a URL ("see https://a.com/x." or
/// "(https://a.com)") while keeping balanced parentheses (Wikipedia URLs).
fn trim_trailing(text: &str, min: usize, mut end: usize) -> usize {
    while end > min {
        let Some(last) = text.get(min..end).and_then(|s| s.chars().next_back()) else {
            break;
        };
        let unbalanced = |open: char, close: char| {
            let s = text.get(min..end).unwrap_or("");
            s.matches(close).count() > s.matches(open).count()
        };
        let drop = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' => true,
            ')' => unbalanced('(', ')'),
            ']' => unbalanced('[', ']'),
            _ => false,
        };
        if !drop {
            break;
        }
        end -= last.len_utf8();
    }
    end
}
