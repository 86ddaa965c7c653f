//! Hashtags, mentions, cashtags and URLs, with their ranges.
//!
//! The rules follow twitter-text's (hashtags not all digits, mentions not
//! glued to a word, cashtags of 1-6 letters) widened for Mastodon's
//! `@user@domain` mentions. Anything overlapping a URL is part of the URL.

use serde::Serialize;

use super::sigils::{cashtag_end, hashtag_end, hashtag_may_follow, mention, mention_may_follow};
use super::text::{Boundaries, TextRange, Utf16Cursor};
use super::urls::{find_urls, RawUrl};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UrlEntity {
    pub url: String,
    /// False for a bare domain such as `example.com/path`.
    pub has_scheme: bool,
    pub range: TextRange,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HashtagEntity {
    /// Without the `#`.
    pub tag: String,
    pub range: TextRange,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MentionEntity {
    pub username: String,
    /// The instance of a fediverse mention (`@user@domain`).
    pub domain: Option<String>,
    pub range: TextRange,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CashtagEntity {
    /// Without the `$`, as written.
    pub symbol: String,
    pub range: TextRange,
}

/// Everything `extractEntities` returns. Ranges are UTF-16 offsets.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entities {
    pub urls: Vec<UrlEntity>,
    pub hashtags: Vec<HashtagEntity>,
    pub mentions: Vec<MentionEntity>,
    pub cashtags: Vec<CashtagEntity>,
}

/// A mention as byte offsets; `domain_at` is where `@domain` starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawMention {
    pub start: usize,
    pub end: usize,
    pub domain_at: Option<usize>,
}

/// Entities as byte ranges, for the counter and the splitter.
#[derive(Debug, Default)]
pub(crate) struct RawEntities {
    pub urls: Vec<RawUrl>,
    pub hashtags: Vec<(usize, usize)>,
    pub mentions: Vec<RawMention>,
    pub cashtags: Vec<(usize, usize)>,
}

impl RawEntities {
    /// Every entity's byte range, for "never break inside" checks.
    pub(crate) fn spans(&self) -> Vec<(usize, usize)> {
        let mut v: Vec<(usize, usize)> = self.urls.iter().map(|u| (u.start, u.end)).collect();
        v.extend(self.hashtags.iter().copied());
        v.extend(self.mentions.iter().map(|m| (m.start, m.end)));
        v.extend(self.cashtags.iter().copied());
        crate::sort::sort(&mut v);
        v
    }
}

/// Extract every entity of `text`.
pub fn extract_entities(text: &str) -> Entities {
    let raw = scan(text, &Boundaries::of(text));
    to_public(text, &raw, true)
}

/// Convert byte ranges to the public DTOs; `schemeless_urls` false drops bare
/// domains (Mastodon does not link them).
pub(crate) fn to_public(text: &str, raw: &RawEntities, schemeless_urls: bool) -> Entities {
    let mut cur = Utf16Cursor::new(text);
    let slice = |a: usize, b: usize| text.get(a..b).unwrap_or("").to_string();
    // Drop the sigil, which may be the 3-byte full-width `＃`/`＠`.
    let body = |a: usize, b: usize| {
        let s = text.get(a..b).unwrap_or("");
        s.chars()
            .next()
            .map_or("", |c| s.get(c.len_utf8()..).unwrap_or(""))
            .to_string()
    };
    // Each list is sorted, so each conversion pass walks forward.
    let urls = raw
        .urls
        .iter()
        .filter(|u| schemeless_urls || u.has_scheme)
        .map(|u| UrlEntity {
            url: slice(u.start, u.end),
            has_scheme: u.has_scheme,
            range: cur.range(u.start, u.end),
        })
        .collect();
    let hashtags = raw
        .hashtags
        .iter()
        .map(|&(a, b)| HashtagEntity {
            tag: body(a, b),
            range: cur.range(a, b),
        })
        .collect();
    let mentions = raw
        .mentions
        .iter()
        .map(|m| {
            let user_end = m.domain_at.unwrap_or(m.end);
            MentionEntity {
                username: body(m.start, user_end),
                domain: m.domain_at.map(|d| slice(d + 1, m.end)),
                range: cur.range(m.start, m.end),
            }
        })
        .collect();
    let cashtags = raw
        .cashtags
        .iter()
        .map(|&(a, b)| CashtagEntity {
            symbol: body(a, b),
            range: cur.range(a, b),
        })
        .collect();
    Entities {
        urls,
        hashtags,
        mentions,
        cashtags,
    }
}

/// Find every entity as byte ranges. `#`, `@` and the full-width `＃`/`＠`
/// are all one byte or three; the body offsets below use `len_utf8`.
pub(crate) fn scan(text: &str, bounds: &Boundaries) -> RawEntities {
    let urls = find_urls(text);
    let mut raw = RawEntities::default();
    // URLs are sorted and disjoint: the first one ending after `a` is the only
    // candidate for an overlap.
    let in_url = |a: usize, b: usize| {
        let k = urls.partition_point(|u| u.end <= a);
        urls.get(k).is_some_and(|u| u.start < b)
    };
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let before = prev;
        prev = Some(c);
        let after = i + c.len_utf8();
        let trigger = matches!(c, '#' | '＃' | '@' | '＠' | '$');
        if !trigger || !bounds.contains(i) || in_url(i, after) {
            continue;
        }
        match c {
            '#' | '＃' if hashtag_may_follow(before) => {
                if let Some(end) = hashtag_end(text, after, bounds) {
                    raw.hashtags.push((i, end));
                }
            }
            '@' | '＠' if mention_may_follow(before) => {
                if let Some(m) = mention(text, i, after) {
                    let end = bounds.ceil(m.end);
                    if !in_url(i, end) {
                        raw.mentions.push(RawMention { end, ..m });
                    }
                }
            }
            '$' if before.is_none_or(char::is_whitespace) => {
                if let Some(end) = cashtag_end(text, after) {
                    raw.cashtags.push((i, bounds.ceil(end)));
                }
            }
            _ => {}
        }
    }
    raw.hashtags.retain(|&(a, b)| !in_url(a, b));
    raw.urls = urls
        .into_iter()
        .filter(|u| bounds.contains(u.start))
        .map(|u| RawUrl {
            end: bounds.ceil(u.end),
            ..u
        })
        .collect();
    raw
}
