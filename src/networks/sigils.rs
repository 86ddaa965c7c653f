//! The sigil entities: `#hashtag`, `@mention` (`@user@domain` too) and
//! `$CASHTAG`. Each function gets the offset just past the sigil and returns
//! where the entity ends, or `None` when the text there is not one.

use super::entities::RawMention;
use super::text::Boundaries;

pub(crate) fn hashtag_may_follow(prev: Option<char>) -> bool {
    prev.is_none_or(|p| !(p.is_alphanumeric() || matches!(p, '_' | '&' | '#' | '＃')))
}

pub(crate) fn mention_may_follow(prev: Option<char>) -> bool {
    prev.is_none_or(|p| {
        !(p.is_alphanumeric()
            || matches!(
                p,
                '_' | '@' | '＠' | '!' | '#' | '$' | '%' | '&' | '*' | '/' | '='
            ))
    })
}

/// A hashtag body is a run of grapheme clusters starting with a letter, digit
/// or `_` (so combining marks of Indic scripts stay in), not all digits.
pub(crate) fn hashtag_end(text: &str, body: usize, bounds: &Boundaries) -> Option<usize> {
    // A sigil fused with what follows (`#` + combining mark) starts nothing.
    if !bounds.contains(body) {
        return None;
    }
    let mut len = 0;
    let mut has_non_digit = false;
    for (_, g) in bounds.clusters(text, body) {
        let first = g.chars().next()?;
        if !(first.is_alphanumeric() || first == '_') {
            break;
        }
        has_non_digit |= !first.is_numeric();
        len += g.len();
    }
    (len > 0 && has_non_digit).then_some(body + len)
}

fn is_user_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `@user` or `@user@domain`, usernames as in Mastodon
/// (`[a-z0-9_]+([.-]+[a-z0-9_]+)*`, ASCII, any case).
pub(crate) fn mention(text: &str, start: usize, body: usize) -> Option<RawMention> {
    let bytes = text.as_bytes();
    let mut p = body;
    loop {
        let run = bytes
            .get(p..)?
            .iter()
            .take_while(|b| is_user_byte(**b))
            .count();
        if run == 0 {
            break;
        }
        p += run;
        let seps = bytes
            .get(p..)?
            .iter()
            .take_while(|b| matches!(b, b'.' | b'-'))
            .count();
        if seps == 0 || !bytes.get(p + seps).is_some_and(|b| is_user_byte(*b)) {
            break;
        }
        p += seps;
    }
    if p == body {
        return None;
    }
    let mut m = RawMention {
        start,
        end: p,
        domain_at: None,
    };
    if bytes.get(p) == Some(&b'@') {
        let dom = bytes.get(p + 1..)?;
        let mut len = dom
            .iter()
            .take_while(|b| is_user_byte(**b) || matches!(b, b'.' | b'-'))
            .count();
        while len > 0 && !dom.get(len - 1).is_some_and(|b| is_user_byte(*b)) {
            len -= 1;
        }
        if len > 0 {
            m.domain_at = Some(p);
            m.end = p + 1 + len;
        }
    }
    Some(m)
}

/// `$` + 1-6 ASCII letters, optionally `.xx`/`_xx`, then a word end
/// (twitter-text's cashtag rule).
pub(crate) fn cashtag_end(text: &str, body: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let letters = |from: usize| {
        bytes.get(from..).map_or(0, |r| {
            r.iter().take_while(|b| b.is_ascii_alphabetic()).count()
        })
    };
    let n = letters(body);
    if !(1..=6).contains(&n) {
        return None;
    }
    let mut end = body + n;
    if matches!(bytes.get(end), Some(b'.' | b'_')) {
        let k = letters(end + 1);
        if (1..=2).contains(&k) {
            end += 1 + k;
        }
    }
    let next = text.get(end..)?.chars().next();
    let ends_word =
        next.is_none_or(|c| c.is_whitespace() || (c.is_ascii_punctuation() && c != '_'));
    ends_word.then_some(end)
}
