//! Bluesky's link shortening: the official app replaces the text of every
//! link in a post with a short form before it counts the post and before it
//! posts it (the link itself keeps the full URL), so a long URL costs far
//! fewer than its own length of the 300 graphemes.
//!
//! The rule, from the app's public source (bluesky-social/social-app, read
//! 2026-12-03):
//! - `src/lib/strings/rich-text-manip.ts`, `shortenLinks(rt)`: for every link
//!   facet, the facet's text is replaced by `toShortUrl(text)`;
//! - `src/view/com/composer/Composer.tsx`: the counter shows
//!   `shortenLinks(richtext).graphemeLength`; `src/lib/api/index.ts`,
//!   `post()`: `rt = shortenLinks(rt)` before the record is written;
//! - `src/lib/strings/url-helpers.ts`, `toShortUrl(url)`: parse with the
//!   WHATWG `URL`; anything that fails to parse or is not `http:`/`https:`
//!   stays as it is; else `path = (pathname == "/" ? "" : pathname) + search
//!   + hash`, and the result is `host + path` when `path` has at most 15
//!   UTF-16 units, else `host + path.slice(0, 13) + "..."`.
//!
//! So `https://` always goes, a bare domain (`example.com/x`, which `URL`
//! cannot parse) stays whole, and `host` is what the URL parser makes of it:
//! lowercase, IDNA (punycode) for a non-ASCII name, the port only when it is
//! not the scheme's default. Which text is a link is the app's own facet
//! detection (`bluesky_links.rs`), not our URL scanner.
//!
//! The parse itself comes from outside, as NFC does (`crate::unicode`): the
//! WASM binding installs the browser's `URL` (the very parser the app runs),
//! native builds use the url crate (WHATWG URL Standard); neither's tables
//! are in the WASM.

use std::sync::OnceLock;

use super::text::utf16_len;

/// The parts of a parsed URL that `toShortUrl` reads, as the WHATWG `URL`
/// getters give them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts {
    /// `protocol`, e.g. "https:".
    pub protocol: String,
    /// `host`: the host name, plus ":port" when the port is not the default.
    pub host: String,
    /// `pathname`, percent-encoded ("/" for none).
    pub pathname: String,
    /// `search`: "" or "?query".
    pub search: String,
    /// `hash`: "" or "#fragment".
    pub hash: String,
}

/// A WHATWG URL parser: `None` when `URL` would throw.
pub type UrlParser = fn(&str) -> Option<UrlParts>;

static PARSER: OnceLock<UrlParser> = OnceLock::new();

/// Install the URL parser (once; later calls are ignored). The WASM binding
/// installs the browser's.
pub fn set_url_parser(f: UrlParser) {
    let _ = PARSER.set(f);
}

#[cfg(not(target_arch = "wasm32"))]
fn builtin(s: &str) -> Option<UrlParts> {
    let u = url::Url::parse(s).ok()?;
    let host = match (u.host_str(), u.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        (None, _) => String::new(),
    };
    let prefixed = |mark: char, part: Option<&str>| {
        part.filter(|p| !p.is_empty())
            .map_or_else(String::new, |p| format!("{mark}{p}"))
    };
    Some(UrlParts {
        protocol: format!("{}:", u.scheme()),
        host,
        pathname: u.path().to_string(),
        search: prefixed('?', u.query()),
        hash: prefixed('#', u.fragment()),
    })
}

/// Without an installed parser a WASM build shortens nothing (counts the
/// link whole, the safe side): the binding always installs one.
#[cfg(target_arch = "wasm32")]
fn builtin(_: &str) -> Option<UrlParts> {
    None
}

fn parse(s: &str) -> Option<UrlParts> {
    PARSER.get().map_or_else(|| builtin(s), |f| f(s))
}

/// The longest path kept whole, and how much of a longer one is kept before
/// "...", in UTF-16 units (`toShortUrl`'s 15 and 13).
const PATH_WHOLE: usize = 15;
const PATH_KEPT: usize = 13;

/// `toShortUrl(url)`: the text Bluesky posts in place of the link `url`.
pub fn to_short_url(url: &str) -> String {
    let Some(p) = parse(url) else {
        return url.to_string();
    };
    if p.protocol != "http:" && p.protocol != "https:" {
        return url.to_string();
    }
    let pathname = if p.pathname == "/" { "" } else { &p.pathname };
    let path = format!("{pathname}{}{}", p.search, p.hash);
    if utf16_len(&path) > PATH_WHOLE {
        format!("{}{}...", p.host, utf16_prefix(&path, PATH_KEPT))
    } else {
        format!("{}{path}", p.host)
    }
}

/// The first `units` UTF-16 units of `s` (JavaScript `slice(0, units)`). The
/// parser percent-encodes every non-ASCII character of a path, so this never
/// meets a surrogate pair; if it ever did, the pair is kept whole rather than
/// halved (one unit more, never a broken character).
fn utf16_prefix(s: &str, units: usize) -> &str {
    let mut taken = 0;
    for (i, c) in s.char_indices() {
        if taken >= units {
            return s.get(..i).unwrap_or(s);
        }
        taken += c.len_utf16();
    }
    s
}
