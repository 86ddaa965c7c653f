//! Issue 18, part 4: the unit of LinkedIn's, Facebook's, Instagram's, VK's
//! and Reddit's limits (sources in the table comment of `rules.rs`), each
//! with an emoji-heavy and a CJK text at and just past the limit. Every
//! expected number is worked out by hand below, not by the code under test.
//!
//! 👍🏽 is 1 grapheme, 2 code points (U+1F44D U+1F3FD), 4 UTF-16 units.
//! 漢 is 1 of everything; 𠮷 (U+20BB7, CJK Extension B, common in Japanese
//! names) is 1 grapheme, 1 code point, 2 UTF-16 units.

use super::count;
use crate::networks::{count_text, rule, CountOptions, NetworkId, RedditField, TextRange, Unit};

const THUMB: &str = "👍🏽";

#[test]
fn each_limit_states_its_unit() {
    for (n, limit, unit) in [
        (NetworkId::LinkedIn, 3_000, Unit::Utf16Units),
        (NetworkId::Facebook, 63_206, Unit::Utf16Units),
        (NetworkId::Instagram, 2_200, Unit::Utf16Units),
        (NetworkId::Vk, 15_895, Unit::Utf16Units),
        (NetworkId::Reddit, 40_000, Unit::CodePoints),
    ] {
        assert_eq!((rule(n).limit, rule(n).unit), (Some(limit), unit), "{n:?}");
    }
    let json = serde_json::to_value(rule(NetworkId::Reddit)).unwrap();
    assert_eq!(json["unit"], "codePoints");
}

/// `fit` emoji fit exactly or just under, `fit + 1` are over, and the
/// highlight starts at the first emoji past the limit (UTF-16 offset).
fn emoji_case(n: NetworkId, opts: &CountOptions, fit: usize, count_at_fit: usize) {
    let r = count_text(&THUMB.repeat(fit), n, opts).unwrap();
    assert_eq!((r.count, r.over), (count_at_fit, false), "{n:?} at {fit}");
    let r = count_text(&THUMB.repeat(fit + 1), n, opts).unwrap();
    assert!(r.over, "{n:?} at {}", fit + 1);
    assert_eq!(
        r.overflow,
        Some(TextRange {
            start: fit * 4,
            end: fit * 4 + 4
        }),
        "{n:?}"
    );
}

#[test]
fn emoji_heavy_posts() {
    let d = CountOptions::default();
    // UTF-16 networks: 4 per 👍🏽.
    emoji_case(NetworkId::LinkedIn, &d, 750, 3_000); // 750 × 4 = 3,000
    emoji_case(NetworkId::Facebook, &d, 15_801, 63_204); // 15,802 × 4 = 63,208 > 63,206
    emoji_case(NetworkId::Instagram, &d, 550, 2_200);
    emoji_case(NetworkId::Vk, &d, 3_973, 15_892); // 3,974 × 4 = 15,896 > 15,895
                                                  // Reddit counts code points: 2 per 👍🏽.
    emoji_case(NetworkId::Reddit, &d, 20_000, 40_000);
    let title = CountOptions {
        reddit_field: RedditField::Title,
        ..Default::default()
    };
    emoji_case(NetworkId::Reddit, &title, 150, 300);
    // A family is 7 code points and 11 UTF-16 units: 11 on LinkedIn, 7 on
    // Reddit (1 grapheme on Bluesky).
    let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
    assert_eq!(count(family, NetworkId::LinkedIn).count, 11);
    assert_eq!(count(family, NetworkId::Reddit).count, 7);
}

#[test]
fn cjk_posts() {
    for (n, limit) in [
        (NetworkId::LinkedIn, 3_000),
        (NetworkId::Facebook, 63_206),
        (NetworkId::Instagram, 2_200),
        (NetworkId::Vk, 15_895),
        (NetworkId::Reddit, 40_000),
    ] {
        // BMP ideographs are 1 in every unit: exactly at the limit fits.
        let at = "漢".repeat(limit);
        assert_eq!((count(&at, n).count, count(&at, n).over), (limit, false));
        let over = count(&format!("{at}字"), n);
        assert_eq!(
            (over.count, over.overflow),
            (
                limit + 1,
                Some(TextRange {
                    start: limit,
                    end: limit + 1
                })
            ),
            "{n:?}"
        );
    }
    // Extension B: 2 UTF-16 units, 1 code point.
    let r = count(&"𠮷".repeat(1_500), NetworkId::LinkedIn);
    assert_eq!((r.count, r.over), (3_000, false));
    let r = count(&"𠮷".repeat(1_501), NetworkId::LinkedIn);
    assert_eq!(
        (r.count, r.overflow),
        (
            3_002,
            Some(TextRange {
                start: 3_000,
                end: 3_002
            })
        )
    );
    let r = count(&"𠮷".repeat(1_501), NetworkId::Reddit);
    assert_eq!((r.count, r.over), (1_501, false));
    let title = CountOptions {
        reddit_field: RedditField::Title,
        ..Default::default()
    };
    let r = count_text(&"𠮷".repeat(301), NetworkId::Reddit, &title).unwrap();
    assert_eq!(
        (r.count, r.overflow),
        (
            301,
            Some(TextRange {
                start: 600,
                end: 602
            })
        )
    );
    // Decomposed Vietnamese: 2 code points, 2 units, 1 grapheme each.
    assert_eq!(count("Vie\u{323}\u{302}t", NetworkId::Reddit).count, 6);
    assert_eq!(count("Vie\u{323}\u{302}t", NetworkId::Vk).count, 6);
}
