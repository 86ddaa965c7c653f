//! Threads (issue 18, part 1): 500 characters with each emoji counted as
//! its UTF-8 bytes (Meta, "Threads Posts" > Limitations), and at most 5
//! distinct links (Meta, "Text Attachments", from 2025-12-22). Byte counts
//! below are worked out by hand from the UTF-8 encodings.

use super::{count, slice16};
use crate::networks::{split_thread, CountOptions, NetworkId, TextRange, Unit};

const T: NetworkId = NetworkId::Threads;

#[test]
fn emoji_count_as_their_utf8_bytes() {
    // 👍 U+1F44D: F0 9F 91 8D, 4 bytes.
    let r = count(&"👍".repeat(125), T);
    assert_eq!(
        (r.count, r.limit, r.unit, r.over),
        (500, Some(500), Unit::EmojiBytes, false)
    );
    // The case: 130 emoji look like 130 but are 520 of 500.
    let t = "👍".repeat(130);
    let r = count(&t, T);
    assert_eq!((r.count, r.remaining, r.over), (520, Some(-20), true));
    // The highlight starts at the 126th emoji (UTF-16 offset 250).
    assert_eq!(
        r.overflow,
        Some(TextRange {
            start: 250,
            end: 260
        })
    );
    // What a person sees stays visible, and is not what is over.
    let seen = &r.measures[2];
    assert_eq!(
        (seen.unit, seen.count, seen.over),
        (Unit::Graphemes, 130, false)
    );
}

#[test]
fn which_clusters_are_emoji() {
    for (text, bytes) in [
        ("👍🏽", 8),                                // + skin tone F0 9F 8F BD
        ("👨\u{200D}👩\u{200D}👧\u{200D}👦", 25), // 4 × 4 + 3 ZWJ × 3
        ("🇺🇦", 8),                                // two regional indicators
        ("1\u{FE0F}\u{20E3}", 7),                 // keycap: 1 + 3 + 3
        ("❤\u{FE0F}", 6),                         // U+2764 (3) + VS16 (3)
        ("☺", 3),                                 // text-style pictograph
        ("©", 2),                                 // Extended_Pictographic
        (
            "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
            28,
        ), // Scotland
    ] {
        assert_eq!(count(text, T).count, bytes, "{text:?}");
        assert_eq!(count(text, T).measures[2].count, 1, "{text:?}");
    }
    // Not emoji: one each, whatever their bytes.
    for text in ["é", "e\u{301}", "日", "ß", "#", "1", "Ω"] {
        assert_eq!(count(text, T).count, 1, "{text:?}");
    }
    // "Hello " 6 + 👋🏽 8 + " мир" 4.
    assert_eq!(count("Hello 👋🏽 мир", T).count, 18);
}

#[test]
fn cjk_and_plain_text_count_one_each() {
    let at = "日本語".repeat(166) + "日本";
    assert_eq!(count(&at, T).count, 500);
    assert!(!count(&at, T).over);
    assert!(count(&format!("{at}語"), T).over);
}

#[test]
fn more_than_five_distinct_links_is_its_own_measure() {
    let links = [
        "https://a.example/1",
        "https://b.example/2",
        "www.facebook.com",
        "threads.com/@glider",
        "https://c.example",
        "https://d.example/6",
    ];
    let five = links[..5].join(" ");
    let r = count(&five, T);
    let m = &r.measures[1];
    assert_eq!(
        (m.unit, m.count, m.limit, m.over),
        (Unit::Links, 5, Some(5), false)
    );
    // The same URL again is one link (Meta counts unique URLs).
    let again = format!("{five} {} {}", links[0], links[2]);
    assert_eq!(count(&again, T).measures[1].count, 5);
    assert!(!count(&again, T).over);
    // A sixth distinct one fails: the text is short, the link measure is over.
    let six = format!("{again} {}", links[5]);
    let r = count(&six, T);
    assert!(r.over && !r.measures[0].over && r.measures[1].over);
    assert_eq!(r.measures[1].count, 6);
    let o = r.overflow.unwrap();
    assert_eq!(slice16(&six, o.start, o.end), links[5]);
}

#[test]
fn threads_split_keeps_every_part_within_bytes_and_links() {
    let opts = CountOptions::default();
    // 150 emoji and spaces = 750: two parts, each within 500 (a part of k
    // emoji is 5k - 1 + " 1/2", so at most 99).
    let text = "🎉 ".repeat(150);
    let parts = split_thread(&text, T, &opts).unwrap();
    assert_eq!(parts.len(), 2);
    for p in &parts {
        let r = count(&p.text, T);
        assert!(!r.over, "{:?}", r.measures);
    }
    // Eight distinct links in a short text: two parts, at most 5 each.
    let text = (1..=8)
        .map(|i| format!("Link {i}: https://site{i}.example/page."))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(count(&text, T).measures[0].count < 500);
    let parts = split_thread(&text, T, &opts).unwrap();
    assert_eq!(parts.len(), 2);
    for p in &parts {
        assert!(count(&p.text, T).measures[1].count <= 5, "{}", p.text);
    }
}
