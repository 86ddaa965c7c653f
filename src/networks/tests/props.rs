//! Property tests: arbitrary Unicode never panics, every part fits, and the
//! parts give back the text.

use proptest::prelude::*;

use super::slice16;
use crate::networks::{
    count_text, extract_entities, split_thread, CountOptions, NetworkId, NetworksError,
    TelegramMode,
};

/// Tricky pieces mixed with arbitrary characters: URLs, entities, emoji
/// sequences, decomposed marks, CJK, line breaks.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<char>().prop_map(String::from),
        2 => "[a-zA-Z]{1,12}",
        2 => Just(" ".to_string()),
        1 => Just("\n\n".to_string()),
        1 => Just(". ".to_string()),
        1 => Just("https://example.com/path?q=1".to_string()),
        // Shortened on Bluesky: counts 27, not 43.
        1 => Just("https://example.com/a/very/long/path/indeed".to_string()),
        1 => Just("example.org".to_string()),
        1 => Just("#tag".to_string()),
        1 => Just("@user@host.social".to_string()),
        1 => Just("$TSLA".to_string()),
        1 => Just("👨\u{200D}👩\u{200D}👧".to_string()),
        1 => Just("👍🏽🇯🇵".to_string()),
        1 => Just("e\u{301}\u{323}".to_string()),
        1 => Just("日本語".to_string()),
        1 => Just("\r\n".to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..300).prop_map(|v| v.concat())
}

fn networks() -> impl Strategy<Value = (NetworkId, CountOptions)> {
    let small = CountOptions {
        instance_limit: Some(40),
        ..Default::default()
    };
    let caption = CountOptions {
        telegram_mode: TelegramMode::Caption,
        ..Default::default()
    };
    prop_oneof![
        Just((NetworkId::X, CountOptions::default())),
        Just((NetworkId::Bluesky, CountOptions::default())),
        Just((NetworkId::Mastodon, small)),
        Just((NetworkId::Telegram, caption)),
        Just((NetworkId::Instagram, CountOptions::default())),
        Just((NetworkId::Threads, CountOptions::default())),
    ]
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    // XorShift: the default ChaCha generator dominates the run time in debug
    // builds; the cases are what matters, not the generator's strength.
    #![proptest_config(ProptestConfig {
        cases: 96,
        rng_algorithm: proptest::test_runner::RngAlgorithm::XorShift,
        ..ProptestConfig::default()
    })]

    #[test]
    fn networks_split_parts_fit_and_rejoin(t in text(), (n, opts) in networks()) {
        match split_thread(&t, n, &opts) {
            Ok(parts) => {
                let total = parts.len();
                let mut rejoined = String::new();
                for p in &parts {
                    prop_assert!(!count_text(&p.text, n, &opts).unwrap().over, "{:?}", p.text);
                    prop_assert_eq!(p.total, total);
                    rejoined.push_str(&slice16(&t, p.range.start, p.range.end));
                }
                prop_assert_eq!(squeeze(&rejoined), squeeze(&t));
            }
            // Only honest failure: one grapheme cluster alone is over.
            Err(NetworksError::GraphemeTooLong { .. }) => {}
            Err(e) => prop_assert!(false, "unexpected error {e:?}"),
        }
    }

    #[test]
    fn networks_count_never_panics_and_ranges_are_in_bounds(t in text(), (n, opts) in networks()) {
        let len16 = t.encode_utf16().count();
        let r = count_text(&t, n, &opts).unwrap();
        prop_assert_eq!(r.over, r.overflow.is_some());
        if let Some(o) = r.overflow {
            prop_assert!(o.start < o.end && o.end == len16);
            // The highlight starts on a character, never mid surrogate pair.
            prop_assert!(String::from_utf16(&t.encode_utf16().collect::<Vec<_>>()[..o.start]).is_ok());
        }
        let e = extract_entities(&t);
        for u in &e.urls {
            prop_assert_eq!(&slice16(&t, u.range.start, u.range.end), &u.url);
        }
        for h in &e.hashtags {
            prop_assert!(slice16(&t, h.range.start, h.range.end).ends_with(&h.tag));
        }
    }

    #[test]
    fn networks_x_nfc_invariant(t in "[a-zA-ZàéễộưÀÉĐ ]{0,80}") {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = t.nfd().collect();
        prop_assert_eq!(
            count_text(&t, NetworkId::X, &CountOptions::default()).unwrap().count,
            count_text(&nfd, NetworkId::X, &CountOptions::default()).unwrap().count
        );
    }

    #[test]
    fn networks_words_come_back_in_order(words in prop::collection::vec("[a-z]{1,9}", 1..200)) {
        let t = words.join(" ");
        let parts = split_thread(&t, NetworkId::X, &CountOptions::default()).unwrap();
        let rejoined: Vec<String> = parts.iter().map(|p| slice16(&t, p.range.start, p.range.end)).collect();
        let joined = rejoined.join(" ");
        prop_assert_eq!(joined.split(' ').collect::<Vec<_>>(), words.iter().map(String::as_str).collect::<Vec<_>>());
    }
}
