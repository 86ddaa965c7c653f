//! Bluesky's link shortening (issue 18, part 2), as bluesky-social/social-app
//! does it: `toShortUrl` in `src/lib/strings/url-helpers.ts`, applied by
//! `shortenLinks` before the composer counts and before it posts. The
//! expected strings are worked out by hand from that function and the WHATWG
//! URL parser's output (native tests use the url crate; the wasm tests
//! repeat the key cases through the browser's own `URL`).

use super::count;
use crate::networks::{
    count_text, split_thread, to_short_url, CountOptions, NetworkId, ShortenedLink, TextRange, Unit,
};

const B: NetworkId = NetworkId::Bluesky;

#[test]
fn to_short_url_follows_the_app() {
    for (url, short) in [
        // The scheme always goes; "/" alone is no path.
        ("https://example.com", "example.com"),
        ("https://example.com/", "example.com"),
        ("http://example.com/short", "example.com/short"),
        // 15 UTF-16 units of path are kept whole, 16 are cut to 13 + "...".
        (
            "https://example.com/12345678901234",
            "example.com/12345678901234",
        ),
        (
            "https://example.com/123456789012345",
            "example.com/123456789012...",
        ),
        // Query and fragment are part of the path.
        ("https://a.com/p?q=1#x", "a.com/p?q=1#x"),
        ("https://a.com/p?query=12345#top", "a.com/p?query=1234..."),
        // What the parser makes of the host: lowercase, default port dropped,
        // other ports kept, IDNA.
        ("https://EXAMPLE.com/A", "example.com/A"),
        ("https://a.com:443/x", "a.com/x"),
        ("https://a.com:8443/x", "a.com:8443/x"),
        ("https://пример.рф", "xn--e1afmkfd.xn--p1ai"),
        // Non-ASCII paths are percent-encoded before the cut.
        (
            "https://ru.wikipedia.org/wiki/Глайдер",
            "ru.wikipedia.org/wiki/%D0%93%...",
        ),
    ] {
        assert_eq!(to_short_url(url), short, "{url}");
    }
    // The app leaves alone what `URL` cannot parse or is not http(s).
    for url in [
        "example.com/a/long/path/here",
        "www.example.com",
        "ftp://a.com/aaaaaaaaaaaaaaaaaaaa",
    ] {
        assert_eq!(to_short_url(url), url);
    }
}

#[test]
fn the_count_is_the_shortened_text() {
    let url = "https://example.com/a/very/long/path/that/goes/on";
    let text = format!("see {url}");
    let r = count(&text, B);
    // "see " 4 + "example.com" 11 + "/a/very/long/" 13 + "..." 3.
    assert_eq!(r.count, 31);
    assert_eq!(
        (r.measures[1].unit, r.measures[1].count),
        (Unit::Utf8Bytes, 31)
    );
    assert_eq!(
        r.shortened_links,
        vec![ShortenedLink {
            url: url.to_string(),
            range: TextRange {
                start: 4,
                end: 4 + url.len()
            },
            shortened: "example.com/a/very/long/...".to_string(),
        }]
    );
    // The entity keeps the URL as typed; other networks never shorten.
    assert_eq!(r.urls[0].url, url);
    assert!(count(&text, NetworkId::Threads).shortened_links.is_empty());
    // A bare domain is posted as typed and counts whole.
    let r = count("see example.com/a/very/long/path/that/goes/on", B);
    assert_eq!(r.count, 45);
    assert!(r.shortened_links.is_empty());
}

#[test]
fn long_links_no_longer_push_a_post_over() {
    // 250 characters of prose and a 500-character link: 750 as typed, 277
    // as posted ("example.com" + "/xxxxxxxxxxxx" + "...").
    let url = format!("https://example.com/{}", "x".repeat(480));
    let prose = "word ".repeat(50);
    let text = format!("{prose}{url}");
    let r = count(&text, B);
    assert_eq!((r.count, r.over), (250 + 27, false));
    assert_eq!(
        split_thread(&text, B, &CountOptions::default())
            .unwrap()
            .len(),
        1
    );
    // Ten such links: 10 × 27 + 9 spaces; the bytes as typed (5,000+) would
    // be far over 3,000, as posted they are 279.
    let text = [url.as_str(); 10].join(" ");
    let r = count(&text, B);
    assert_eq!((r.count, r.measures[1].count, r.over), (279, 279, false));
}

#[test]
fn the_split_counts_links_shortened_and_keeps_them_whole() {
    let url = "https://example.com/articles/2026/12/a-long-slug-for-the-story";
    let text = (0..12)
        .map(|i| format!("Item {i} of the list, with its source {url} and a short note."))
        .collect::<Vec<_>>()
        .join(" ");
    let parts = split_thread(&text, B, &CountOptions::default()).unwrap();
    // As posted a sentence is 81 graphemes (82 from "Item 10"): three fit in
    // a part (245 + " 1/4"), four do not (327). Counting the raw 62-character
    // link a sentence is 116 and only two fit: 6 parts.
    assert_eq!(parts.len(), 4);
    let posted = text.replace(url, "example.com/articles/202...");
    let same = split_thread(&posted, B, &CountOptions::default()).unwrap();
    assert_eq!(same.len(), 4);
    for p in &parts {
        let r = count_text(&p.text, B, &CountOptions::default()).unwrap();
        assert!(!r.over, "{}", p.text);
        // The part holds the link as typed: the app shortens it when posting.
        assert!(p.text.contains(url));
    }
}

/// (posted count, the shortened links' typed text) for `text`.
fn posted(text: &str) -> (usize, Vec<String>) {
    let r = count(text, B);
    (
        r.count,
        r.shortened_links.into_iter().map(|l| l.url).collect(),
    )
}

#[test]
fn links_are_the_apps_own_facets() {
    // The app's URL_REGEX takes a link to the next space, whatever it holds;
    // past 15 units of path it is all cut to "...", so what follows a link
    // without a space costs nothing more. Our URL scanner would stop at the
    // quote or the emoji and count them on top.
    let long = "https://example.com/articles/2026/12";
    // "example.com/articles/202..." is 27.
    for (text, count, link) in [
        (format!("{long}\"quoted\""), 27, format!("{long}\"quoted\"")),
        (format!("{long}👍"), 27, format!("{long}👍")),
        (format!("{long}、続き"), 27, format!("{long}、続き")),
        // One trailing . , ; : ! ? is dropped, then an unbalanced ")".
        (format!("{long}."), 28, long.to_string()),
        (format!("{long}!!"), 28, format!("{long}!")),
        (format!("({long})"), 29, long.to_string()),
        (format!("({long})."), 30, long.to_string()),
        // A balanced ")" stays: "en.wikipedia.org" + "/wiki/Glider_" + "...".
        (
            "https://en.wikipedia.org/wiki/Glider_(sailplane)".to_string(),
            32,
            "https://en.wikipedia.org/wiki/Glider_(sailplane)".to_string(),
        ),
        // The start of a line counts as a space.
        (format!("Read:\n{long}"), 6 + 27, long.to_string()),
    ] {
        assert_eq!(posted(&text), (count, vec![link]), "{text:?}");
    }
    // Only after a space, "(" or a line start: a link glued to a quote, a
    // colon or a bracket is posted, and counted, whole.
    for text in [
        format!("\"{long}"),
        format!("see:{long}"),
        format!("[{long}]"),
    ] {
        assert_eq!(posted(&text), (text.chars().count(), vec![]), "{text:?}");
    }
    // The app's "http" test is case-sensitive: an upper-case scheme is no link.
    for text in [
        "HTTPS://EXAMPLE.COM/ARTICLES/2026/12",
        "Https://example.com/articles/2026/12",
    ] {
        assert_eq!(posted(text), (36, vec![]), "{text:?}");
    }
    // A bare domain's match runs to the next space and hides what it holds.
    let glued = format!("example.com/({long})");
    assert_eq!(posted(&glued), (glued.chars().count(), vec![]));
    // JavaScript's \s (here U+3000 and U+00A0) ends a link and may start one.
    let text = format!("a\u{3000}{long}\u{A0}b");
    assert_eq!(posted(&text), (2 + 27 + 2, vec![long.to_string()]));
}

#[test]
fn the_preview_ranges_are_utf16() {
    // "日本 " is 3 UTF-16 units before the link, " 👍 " 4 after it.
    let url = "https://example.com/articles/2026/12";
    let r = count(&format!("日本 {url} 👍 {url}"), B);
    let ranges: Vec<_> = r
        .shortened_links
        .iter()
        .map(|l| (l.range.start, l.range.end))
        .collect();
    let n = url.len();
    assert_eq!(ranges, vec![(3, 3 + n), (3 + n + 4, 3 + n + 4 + n)]);
    assert_eq!(r.count, 3 + 27 + 3 + 27);
}
