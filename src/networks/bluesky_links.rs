//! Which text the Bluesky app treats as a link, and so shortens
//! (`shorten.rs`): its own facet detection, not our URL scanner (`urls.rs`).
//! The two differ exactly where it matters for the count. The app takes a
//! link to the next space, quotes, emoji and CJK punctuation included (all
//! shortened away past 13 characters of path), and only after a space, a
//! `(` or the start of a line (so `"https://…"` or `:https://…` is posted
//! and counted whole). Our scanner stops at `"` or an emoji and starts after
//! any punctuation; using it here would count such a post shorter than the
//! app does and pass a post the app refuses.
//!
//! The rule, from bluesky-social/atproto `packages/api/src/rich-text/`
//! (read 2026-12-03): `util.ts` `URL_REGEX`
//! `/(^|\s|\()((https?:\/\/[\S]+)|((?<domain>[a-z][a-z0-9]*(\.[a-z0-9]+)+)[\S]*))/gim`,
//! and `detection.ts` `detectFacets`: a match whose text does not start
//! with a lower-case `http` is a bare domain (`HTTPS://A.COM` is not a
//! link at all); one trailing `.`, `,`, `;`, `:`, `!` or `?` is dropped,
//! then a `)` when the link holds no `(`. The composer runs it on every
//! change (`detectFacetsWithoutResolution`) and counts
//! `shortenLinks(richtext).graphemeLength`.
//!
//! Only `http(s)://` links are returned: the app shortens a bare domain's
//! text with `toShortUrl` too, but `new URL("example.com/…")` throws, so it
//! is posted as typed. Bare domains still matter here, because the regex
//! consumes them up to the next space: `example.com/(https://a.com/…)` holds
//! no link of its own.
//!
//! Hand-written rather than the regex crate: the crate would not even run
//! the app's pattern as JavaScript does (its `\s` is Unicode White_Space,
//! its case-insensitive `[a-z]` also takes `ſ` and the Kelvin sign), and
//! it made the release WASM 73% larger (1.44 → 2.50 MB, 418 → 751 KB
//! gzipped, measured 2026-12-03), which the panel compiles at every start.

use serde::Serialize;

use super::shorten::to_short_url;
use super::text::{Boundaries, TextRange};

/// A link the network posts as shorter text than was typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShortenedLink {
    /// The link as typed.
    pub url: String,
    pub range: TextRange,
    /// The text posted in its place.
    pub shortened: String,
}

/// JavaScript's `\s` (WhiteSpace and LineTerminator): Rust's
/// `char::is_whitespace` differs on U+0085 (not `\s`) and U+FEFF (`\s`).
fn js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{B}' | '\u{C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FEFF}'
    )
}

/// `^` under the `m` flag: the start of the text or of a line.
fn line_start(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|s| s.chars().next_back())
        .is_none_or(|c| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'))
}

/// The end of the run of non-space characters starting at `from`.
fn run_end(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + rest.find(js_space).unwrap_or(rest.len())
}

/// What the regex's second group matches at `p`, as (end, is a scheme link):
/// `https?://\S+` (case-insensitive), else a domain-like word and the rest
/// of its run.
fn link_at(text: &str, p: usize) -> Option<(usize, bool)> {
    let rest = text.get(p..)?;
    let b = rest.as_bytes();
    for scheme in ["https://", "http://"] {
        let n = scheme.len();
        if b.get(..n)
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme.as_bytes()))
        {
            let end = run_end(text, p + n);
            if end > p + n {
                return Some((end, true));
            }
        }
    }
    // [a-z][a-z0-9]*(\.[a-z0-9]+)+ : a letter, letters and digits, then a
    // dot followed by a letter or digit.
    if !b.first()?.is_ascii_alphabetic() {
        return None;
    }
    let label = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    let dotted =
        b.get(label) == Some(&b'.') && b.get(label + 1).is_some_and(u8::is_ascii_alphanumeric);
    dotted.then(|| (run_end(text, p), false))
}

/// The byte ranges of the `http(s)://` links the Bluesky app finds in
/// `text`, in order, trailing punctuation dropped as the app drops it.
pub(crate) fn bluesky_links(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut q = 0;
    while let Some(c) = text.get(q..).and_then(|r| r.chars().next()) {
        // `(^|\s|\()`: first the empty `^`, then one space or `(`.
        let mut hit = None;
        if line_start(text, q) {
            hit = link_at(text, q).map(|(end, scheme)| (q, end, scheme));
        }
        if hit.is_none() && (js_space(c) || c == '(') {
            let p = q + c.len_utf8();
            hit = link_at(text, p).map(|(end, scheme)| (p, end, scheme));
        }
        let Some((start, end, scheme)) = hit else {
            q += c.len_utf8();
            continue;
        };
        // The regex goes on after the whole match, a link or not.
        q = end;
        let link = text.get(start..end).unwrap_or("");
        if !scheme || !link.starts_with("http") {
            continue;
        }
        let mut end = end;
        if link.ends_with(['.', ',', ';', ':', '!', '?']) {
            end -= 1;
        }
        let link = text.get(start..end).unwrap_or("");
        if link.ends_with(')') && !link.contains('(') {
            end -= 1;
        }
        out.push((start, end));
    }
    out
}

/// Bluesky's links that the app posts shortened, as (start, end, posted
/// text), on grapheme boundaries like every entity.
pub(crate) fn shortened(text: &str, bounds: &Boundaries) -> Vec<(usize, usize, String)> {
    bluesky_links(text)
        .into_iter()
        .filter(|&(start, _)| bounds.contains(start))
        .filter_map(|(start, end)| {
            let end = bounds.ceil(end);
            let typed = text.get(start..end)?;
            let short = to_short_url(typed);
            (short != typed).then_some((start, end, short))
        })
        .collect()
}
