//! Threads' two documented rules beyond the 500 characters (both read
//! 2026-12-03):
//!
//! - Meta, Threads API, "Threads Posts" > Limitations (page updated
//!   2026-04-14): "Text posts are limited to 500 characters. Emojis are
//!   counted as the number of UTF-8 bytes." A 👍 is 4 of the 500, a 👍🏽 8,
//!   a family 👨‍👩‍👧‍👦 25: 130 emoji are over, though they look like 130.
//! - Meta, Threads API, "Text Attachments" > Limitations (page updated
//!   2026-07-02): "Starting December 22, 2025, Threads posts containing more
//!   than 5 links will fail to post" (`THREADS_API__LINK_LIMIT_EXCEEDED`),
//!   and "All unique URLs found in the text field are counted as links";
//!   its examples count bare domains (`www.facebook.com`).
//!
//! Which clusters are "emoji" Meta does not say. Ours: a grapheme cluster is
//! an emoji when it starts with an Extended_Pictographic code point (UAX #29's
//! emoji property: every pictograph, with or without VS16, skin tone or ZWJ
//! members, and tag flags such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿), is a regional-indicator flag (🇺🇦), or is a
//! keycap (1️⃣, which holds U+20E3). Text-style pictographs such as ©, ™ and
//! ↔ are Extended_Pictographic too and count their 2-3 bytes: if Meta only
//! counts emoji-presentation ones, we overcount by 1-2 per such symbol,
//! never undercount, so a post we pass is not refused.
//!
//! Everything else counts 1 per grapheme cluster; the count as typed (one per
//! cluster) stays visible as its own measure (see the rules table).

use super::urls::RawUrl;
use crate::unicode::is_extended_pictographic;

/// Whether a grapheme cluster is an emoji (see the module comment).
pub(crate) fn is_emoji(g: &str) -> bool {
    let Some(first) = g.chars().next() else {
        return false;
    };
    is_extended_pictographic(first)
        || ('\u{1F1E6}'..='\u{1F1FF}').contains(&first)
        || g.contains('\u{20E3}')
}

/// A cluster's cost toward the 500: its UTF-8 bytes if an emoji, else 1.
pub(crate) fn emoji_bytes_cost(g: &str) -> usize {
    if is_emoji(g) {
        g.len()
    } else {
        1
    }
}

/// Distinct links, and where the first link past `limit` distinct ones
/// starts (byte offset). Two links are the same when their text is
/// (Meta's "unique URLs"; `HTTPS://A.com` and `https://a.com` are thus two,
/// counting the strict way).
pub(crate) fn distinct_links(text: &str, urls: &[RawUrl], limit: usize) -> (usize, Option<usize>) {
    let mut seen: Vec<&str> = Vec::new();
    let mut over_at = None;
    for u in urls {
        let link = text.get(u.start..u.end).unwrap_or("");
        if seen.contains(&link) {
            continue;
        }
        seen.push(link);
        if over_at.is_none() && seen.len() > limit {
            over_at = Some(u.start);
        }
    }
    (seen.len(), over_at)
}
