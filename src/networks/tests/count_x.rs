//! X: twitter-text v3 weighted counting.

use super::{count, slice16};
use crate::networks::{NetworkId, TextRange, Unit};

const X: NetworkId = NetworkId::X;

#[test]
fn ascii_counts_one_per_char() {
    let r = count("Hello, world!", X);
    assert_eq!(
        (r.count, r.limit, r.unit),
        (13, Some(280), Unit::WeightedChars)
    );
    assert_eq!(r.remaining, Some(267));
    assert!(!r.over);
    assert_eq!(r.overflow, None);
}

#[test]
fn cyrillic_weighs_one() {
    // U+0400..U+04FF is inside the 0..4351 light range.
    assert_eq!(count("Привет, мир", X).count, 11);
}

#[test]
fn cjk_weighs_two() {
    assert_eq!(count("日本語", X).count, 6);
    assert_eq!(count("한국어 text", X).count, 6 + 5);
}

#[test]
fn vietnamese_precomposed_and_decomposed_count_the_same() {
    let nfc = "Tiếng Việt";
    let nfd = "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t";
    assert_ne!(nfc, nfd);
    // ế (U+1EBF) and ệ (U+1EC7) are outside the light ranges: 2 each.
    assert_eq!(count(nfc, X).count, 8 + 4);
    assert_eq!(count(nfd, X).count, 8 + 4);
}

#[test]
fn emoji_sequences_weigh_two_each() {
    for e in [
        "😀",
        "👍🏽",                                                       // skin tone
        "👨\u{200D}👩\u{200D}👧\u{200D}👦",                         // ZWJ family
        "🇯🇵",                                                       // flag (regional indicators)
        "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", // Scotland tag sequence
        "❤\u{FE0F}",
        "1\u{FE0F}\u{20E3}", // keycap
        "\u{A9}\u{FE0F}",
    ] {
        assert_eq!(count(e, X).count, 2, "{e:?}");
    }
    assert_eq!(count("hi 👋🏿👩\u{200D}💻", X).count, 3 + 2 + 2);
    // Bare © is text, in the light range.
    assert_eq!(count("\u{A9}", X).count, 1);
}

#[test]
fn every_url_weighs_23() {
    let long = "https://example.com/a/very/long/path/that/goes/on/and/on?with=query&and=more";
    assert_eq!(count(long, X).count, 23);
    assert_eq!(count("http://t.co", X).count, 23);
    assert_eq!(count("Read example.com/x now", X).count, 5 + 23 + 4);
    let r = count("a https://a.io b http://b.org/x", X);
    assert_eq!(r.count, 2 + 23 + 3 + 23);
    assert_eq!(r.urls.len(), 2);
    // An e-mail's domain is not a URL.
    assert_eq!(count("bob@example.com", X).count, 15);
}

#[test]
fn boundary_280_and_281() {
    let ok = "a".repeat(280);
    let r = count(&ok, X);
    assert_eq!(
        (r.count, r.remaining, r.over, r.overflow),
        (280, Some(0), false, None)
    );

    let over = "a".repeat(281);
    let r = count(&over, X);
    assert_eq!((r.count, r.remaining, r.over), (281, Some(-1), true));
    assert_eq!(
        r.overflow,
        Some(TextRange {
            start: 280,
            end: 281
        })
    );

    // 139 CJK (278) + "ab" = 280: fits; one more "c" does not.
    let cjk = format!("{}ab", "字".repeat(139));
    assert!(!count(&cjk, X).over);
    assert!(count(&format!("{cjk}c"), X).over);
}

#[test]
fn overflow_range_is_utf16_of_the_original_text() {
    // 141 emoji weigh 282; the 141st starts at UTF-16 offset 280.
    let t = "😀".repeat(141);
    let r = count(&t, X);
    assert_eq!(r.count, 282);
    assert_eq!(
        r.overflow,
        Some(TextRange {
            start: 280,
            end: 282
        })
    );
    assert_eq!(slice16(&t, 280, 282), "😀");

    // A decomposed é (2 UTF-16 units, weight 1 after NFC) before the limit.
    let t = format!("{}e\u{301}bc", "a".repeat(278));
    let r = count(&t, X);
    assert_eq!(r.count, 281);
    let o = r.overflow.unwrap();
    assert_eq!((o.start, o.end), (281, 282));
    assert_eq!(slice16(&t, o.start, o.end), "c");

    // A URL crossing the limit is highlighted from its start.
    let t = format!("{} https://example.com", "a".repeat(260));
    let r = count(&t, X);
    assert_eq!(r.count, 284);
    assert_eq!(
        r.overflow,
        Some(TextRange {
            start: 261,
            end: 280
        })
    );
}

#[test]
fn x_reports_cashtags_mentions_and_hashtags() {
    let r = count("$TSLA up, @elon says #cars", X);
    assert_eq!(r.cashtags.len(), 1);
    assert_eq!(r.cashtags[0].symbol, "TSLA");
    assert_eq!(r.mentions[0].username, "elon");
    assert_eq!(r.hashtags[0].tag, "cars");
    // Other networks do not have cashtags.
    assert!(count("$TSLA", NetworkId::Mastodon).cashtags.is_empty());
}

#[test]
fn general_punctuation_light_ranges() {
    // U+2014 em dash and U+201C/D quotes are light; U+2026 ellipsis is not.
    assert_eq!(count("\u{2014}\u{201C}\u{201D}", X).count, 3);
    assert_eq!(count("\u{2026}", X).count, 2);
    // NFC maps the Kelvin and Ohm signs to K and Ω, which are light.
    assert_eq!(count("\u{212A}\u{2126}", X).count, 2);
    assert_eq!(count("\u{2032}\u{2037}\u{2038}", X).count, 1 + 1 + 2);
}
