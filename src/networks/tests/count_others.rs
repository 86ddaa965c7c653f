//! Every other network's counting rules.

use super::{count, slice16};
use crate::networks::{
    count_text, network_rules, rule, CountOptions, NetworkId, NetworksError, RedditField,
    TelegramMode, TextRange, Unit,
};

#[test]
fn ids_are_stable_and_parse_back() {
    let ids: Vec<&str> = NetworkId::ALL.iter().map(|n| n.id()).collect();
    assert_eq!(
        ids,
        [
            "x",
            "mastodon",
            "bluesky",
            "threads",
            "linkedin",
            "facebook",
            "instagram",
            "vk",
            "telegram",
            "reddit",
            "generic"
        ]
    );
    for n in NetworkId::ALL {
        assert_eq!(NetworkId::parse(n.id()), Ok(n));
        assert_eq!(serde_json::to_value(n).unwrap(), serde_json::json!(n.id()));
        assert_eq!(rule(n).id, n);
    }
    assert_eq!(
        NetworkId::parse("twitter"),
        Err(NetworksError::UnknownNetwork("twitter".into()))
    );
    assert_eq!(network_rules().len(), 11);
}

#[test]
fn table_limits() {
    let limit = |n| rule(n).limit;
    assert_eq!(limit(NetworkId::X), Some(280));
    assert_eq!(limit(NetworkId::Mastodon), Some(500));
    assert_eq!(limit(NetworkId::Bluesky), Some(300));
    assert_eq!(limit(NetworkId::Threads), Some(500));
    assert_eq!(limit(NetworkId::LinkedIn), Some(3_000));
    assert_eq!(limit(NetworkId::Facebook), Some(63_206));
    assert_eq!(limit(NetworkId::Instagram), Some(2_200));
    assert_eq!(limit(NetworkId::Vk), Some(15_895));
    assert_eq!(limit(NetworkId::Telegram), Some(4_096));
    assert_eq!(limit(NetworkId::Reddit), Some(40_000));
    assert_eq!(limit(NetworkId::Generic), None);
    let json = serde_json::to_value(network_rules()).unwrap();
    assert_eq!(
        json[2]["extraLimits"][0],
        serde_json::json!({"unit": "utf8Bytes", "limit": 3000})
    );
    assert_eq!(json[8]["variants"][1]["limit"], 1024);
    assert_eq!(json[0]["urlLength"], 23);
}

#[test]
fn mastodon_urls_23_and_mentions_without_domain() {
    let m = NetworkId::Mastodon;
    assert_eq!(
        count("@alice@example.social hi", m).count,
        "@alice hi".len()
    );
    assert_eq!(
        count("see https://example.com/a/long/path/here/and/more", m).count,
        4 + 23
    );
    // Bare domains are not links on Mastodon: plain text.
    let r = count("see example.com", m);
    assert_eq!(r.count, 15);
    assert!(r.urls.is_empty());
    assert_eq!(count("日本語 👍🏽", m).count, 5);
    let r = count("@bob@mastodon.social", m);
    assert_eq!(r.mentions[0].domain.as_deref(), Some("mastodon.social"));
}

#[test]
fn mastodon_instance_limit() {
    let t = "a".repeat(600);
    let def = count(&t, NetworkId::Mastodon);
    assert!(def.over);
    assert_eq!(
        def.overflow,
        Some(TextRange {
            start: 500,
            end: 600
        })
    );
    let opts = CountOptions {
        instance_limit: Some(1_000),
        ..Default::default()
    };
    let big = count_text(&t, NetworkId::Mastodon, &opts).unwrap();
    assert_eq!(
        (big.limit, big.remaining, big.over),
        (Some(1_000), Some(400), false)
    );
    let zero = CountOptions {
        instance_limit: Some(0),
        ..Default::default()
    };
    assert_eq!(
        count_text(&t, NetworkId::Mastodon, &zero),
        Err(NetworksError::InvalidLimit(0))
    );
    // Ignored elsewhere.
    assert_eq!(
        count_text(&t, NetworkId::X, &opts).unwrap().limit,
        Some(280)
    );
}

#[test]
fn bluesky_graphemes_and_bytes() {
    let b = NetworkId::Bluesky;
    let r = count("Tiếng Việt", b);
    let d = count("Tie\u{302}\u{301}ng Vie\u{323}\u{302}t", b);
    assert_eq!((r.count, d.count), (10, 10));
    assert_eq!(r.measures[1].unit, Unit::Utf8Bytes);
    assert_eq!(r.measures[1].count, "Tiếng Việt".len());
    assert_eq!(count("👨\u{200D}👩\u{200D}👧\u{200D}👦 🇺🇦", b).count, 3);
}

#[test]
fn bluesky_byte_limit_hits_before_graphemes() {
    // A family is one grapheme, 25 UTF-8 bytes, 11 UTF-16 units.
    let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
    assert_eq!(family.len(), 25);
    let t = family.repeat(121);
    let r = count(&t, NetworkId::Bluesky);
    assert_eq!((r.count, r.remaining), (121, Some(179)));
    let bytes = &r.measures[1];
    assert_eq!(
        (bytes.count, bytes.limit, bytes.over),
        (3_025, Some(3_000), true)
    );
    assert!(r.over);
    assert_eq!(
        r.overflow,
        Some(TextRange {
            start: 1_320,
            end: 1_331
        })
    );
    assert_eq!(slice16(&t, 1_320, 1_331), family);
    assert!(!count(&family.repeat(120), NetworkId::Bluesky).over);
}

#[test]
fn telegram_utf16_message_and_caption() {
    let tg = NetworkId::Telegram;
    let r = count("😀a", tg);
    assert_eq!(
        (r.count, r.unit, r.limit),
        (3, Unit::Utf16Units, Some(4_096))
    );
    let full = "😀".repeat(2_048);
    assert!(!count(&full, tg).over);
    let r = count(&format!("{full}a"), tg);
    assert_eq!(
        r.overflow,
        Some(TextRange {
            start: 4_096,
            end: 4_097
        })
    );
    // An astral character straddling the limit is over as a whole.
    let r = count(&format!("a{full}"), tg);
    assert_eq!(
        (r.count, r.overflow),
        (
            4_097,
            Some(TextRange {
                start: 4_095,
                end: 4_097
            })
        )
    );

    let cap = CountOptions {
        telegram_mode: TelegramMode::Caption,
        ..Default::default()
    };
    let r = count_text(&"😀".repeat(513), tg, &cap).unwrap();
    assert_eq!((r.count, r.limit, r.over), (1_026, Some(1_024), true));
    assert_eq!(
        r.overflow,
        Some(TextRange {
            start: 1_024,
            end: 1_026
        })
    );
}

#[test]
fn reddit_title_and_body() {
    let t = "a".repeat(301);
    let title = CountOptions {
        reddit_field: RedditField::Title,
        ..Default::default()
    };
    let r = count_text(&t, NetworkId::Reddit, &title).unwrap();
    assert_eq!((r.limit, r.over), (Some(300), true));
    let r = count(&t, NetworkId::Reddit);
    assert_eq!((r.limit, r.over), (Some(40_000), false));
}

#[test]
fn instagram_characters_and_30_hashtags() {
    let tags: Vec<String> = (1..=31).map(|i| format!("#tag{i}")).collect();
    let t = tags.join(" ");
    let r = count(&t, NetworkId::Instagram);
    assert_eq!(r.hashtags.len(), 31);
    assert_eq!(r.measures[1].unit, Unit::Hashtags);
    assert_eq!(
        (r.measures[1].count, r.measures[1].remaining),
        (31, Some(-1))
    );
    assert!(r.over && !r.measures[0].over);
    let o = r.overflow.unwrap();
    assert_eq!(slice16(&t, o.start, o.start + 6), "#tag31");
    assert!(!count(&tags[..30].join(" "), NetworkId::Instagram).over);
    assert!(count(&"a".repeat(2_201), NetworkId::Instagram).over);
}

#[test]
fn generic_has_no_limit() {
    let r = count(&"x".repeat(100_000), NetworkId::Generic);
    assert_eq!(
        (r.count, r.limit, r.remaining, r.over),
        (100_000, None, None, false)
    );
}

#[test]
fn count_result_serializes_camel_case() {
    let v = serde_json::to_value(count("a https://x.com #t", NetworkId::X)).unwrap();
    for key in [
        "count",
        "limit",
        "unit",
        "remaining",
        "over",
        "overflow",
        "measures",
        "urls",
        "hashtags",
        "mentions",
        "cashtags",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert_eq!(v["urls"][0]["hasScheme"], true);
    assert_eq!(
        v["urls"][0]["range"],
        serde_json::json!({"start": 2, "end": 15})
    );
    assert_eq!(v["network"], "x");
}
