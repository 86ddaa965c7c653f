//! Thread splitting.

use super::slice16;
use crate::networks::{
    count_text, extract_entities, split_thread, CountOptions, NetworkId, NetworksError, ThreadPart,
};

fn split(text: &str, n: NetworkId) -> Vec<ThreadPart> {
    split_thread(text, n, &CountOptions::default()).unwrap()
}

/// Each part fits, is numbered " k/N", and its range points at its content.
fn check_parts(text: &str, n: NetworkId, opts: &CountOptions, parts: &[ThreadPart]) {
    let total = parts.len();
    for p in parts {
        let c = count_text(&p.text, n, opts).unwrap();
        assert!(
            !c.over,
            "part {} over: {:?} ({:?})",
            p.index, p.text, c.measures
        );
        assert_eq!(p.total, total);
        let content = slice16(text, p.range.start, p.range.end);
        if total > 1 {
            assert_eq!(p.text, format!("{content} {}/{total}", p.index));
            assert_eq!(content.trim(), content, "parts are trimmed");
        } else {
            assert_eq!(p.text, content);
        }
    }
}

fn contents(text: &str, parts: &[ThreadPart]) -> Vec<String> {
    parts
        .iter()
        .map(|p| slice16(text, p.range.start, p.range.end))
        .collect()
}

fn long_prose(sentences: usize) -> String {
    (0..sentences)
        .map(|i| format!("Sentence number {i} talks about gliders and the wind over the hills."))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn short_text_is_one_unnumbered_part() {
    let parts = split("Hello there", NetworkId::X);
    assert_eq!(parts.len(), 1);
    assert_eq!(
        (parts[0].text.as_str(), parts[0].index, parts[0].total),
        ("Hello there", 1, 1)
    );
    assert!(split("  \n ", NetworkId::X).is_empty());
    let huge = "word ".repeat(50_000);
    assert_eq!(split(&huge, NetworkId::Generic).len(), 1);
}

#[test]
fn prose_splits_at_sentences_and_keeps_words_in_order() {
    let text = long_prose(20);
    let opts = CountOptions::default();
    let parts = split(&text, NetworkId::X);
    assert!(parts.len() >= 5, "{}", parts.len());
    check_parts(&text, NetworkId::X, &opts, &parts);
    for c in contents(&text, &parts) {
        assert!(c.ends_with('.'), "cut at a sentence end: {c:?}");
    }
    let rejoined = contents(&text, &parts).join(" ");
    assert_eq!(
        rejoined.split_whitespace().collect::<Vec<_>>(),
        text.split_whitespace().collect::<Vec<_>>()
    );
    assert_eq!(parts, split(&text, NetworkId::X), "deterministic");
}

#[test]
fn paragraphs_come_first() {
    let text = format!("Intro paragraph.\n\n{}", long_prose(4));
    let parts = split(&text, NetworkId::X);
    assert_eq!(parts[0].text, format!("Intro paragraph. 1/{}", parts.len()));
}

#[test]
fn urls_hashtags_mentions_stay_whole() {
    let unit = "Look at https://example.com/some/really/long/path?with=query&and=more #glider @pilot@air.social then ";
    let text = unit.repeat(12);
    for n in [
        NetworkId::X,
        NetworkId::Mastodon,
        NetworkId::Bluesky,
        NetworkId::Threads,
    ] {
        let opts = CountOptions {
            instance_limit: Some(120),
            ..Default::default()
        };
        let parts = split_thread(&text, n, &opts).unwrap();
        assert!(parts.len() > 1);
        check_parts(&text, n, &opts, &parts);
        let mut seen = (0, 0, 0);
        for p in &parts {
            let e = extract_entities(&p.text);
            seen.0 += e
                .urls
                .iter()
                .filter(|u| u.url.ends_with("and=more"))
                .count();
            seen.1 += e.hashtags.iter().filter(|h| h.tag == "glider").count();
            seen.2 += e
                .mentions
                .iter()
                .filter(|m| m.domain.as_deref() == Some("air.social"))
                .count();
        }
        assert_eq!(seen, (12, 12, 12), "{n:?}");
    }
}

#[test]
fn overlong_token_is_cut_between_graphemes() {
    let text = "a".repeat(700);
    let parts = split(&text, NetworkId::X);
    check_parts(&text, NetworkId::X, &CountOptions::default(), &parts);
    assert_eq!(contents(&text, &parts).concat(), text);
    // A link longer than Bluesky's 300 graphemes that the app does not
    // shorten (a bare domain) must be cut too.
    let url = format!("example.com/{}", "p".repeat(400));
    let parts = split(&format!("see {url} ok"), NetworkId::Bluesky);
    assert!(parts.len() >= 2);
    check_parts(
        &format!("see {url} ok"),
        NetworkId::Bluesky,
        &CountOptions::default(),
        &parts,
    );
    // With its scheme the app posts it as "example.com/ppppppppppppp...":
    // it fits whole, and is never cut.
    let text = format!("see https://{url} ok");
    assert_eq!(split(&text, NetworkId::Bluesky).len(), 1);
}

#[test]
fn emoji_and_cjk_never_broken() {
    let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
    let text = family.repeat(200);
    let parts = split(&text, NetworkId::X);
    check_parts(&text, NetworkId::X, &CountOptions::default(), &parts);
    for c in contents(&text, &parts) {
        assert!(!c.is_empty() && c.replace(family, "").is_empty(), "{c:?}");
    }
    // 200 ideographs weigh 400 on X; no spaces, so cuts fall between them.
    let cjk: String = "滑翔机在山上飞行".chars().cycle().take(200).collect();
    let parts = split(&cjk, NetworkId::X);
    assert_eq!(parts.len(), 2);
    check_parts(&cjk, NetworkId::X, &CountOptions::default(), &parts);
    assert_eq!(contents(&cjk, &parts).concat(), cjk);
}

#[test]
fn two_digit_numbering_counts() {
    let text = long_prose(60);
    let parts = split(&text, NetworkId::X);
    assert!(parts.len() >= 10);
    assert!(parts[0].text.ends_with(&format!(" 1/{}", parts.len())));
    check_parts(&text, NetworkId::X, &CountOptions::default(), &parts);
}

#[test]
fn bluesky_bytes_and_instagram_hashtags_are_respected() {
    let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦 ";
    let text = family.repeat(250);
    let parts = split(&text, NetworkId::Bluesky);
    assert!(parts.len() >= 3, "bytes, not graphemes, drive this split");
    check_parts(&text, NetworkId::Bluesky, &CountOptions::default(), &parts);

    let tags: Vec<String> = (0..70).map(|i| format!("#t{i}")).collect();
    let text = tags.join(" ");
    let parts = split(&text, NetworkId::Instagram);
    assert_eq!(parts.len(), 3);
    check_parts(
        &text,
        NetworkId::Instagram,
        &CountOptions::default(),
        &parts,
    );
}

#[test]
fn telegram_caption_and_errors() {
    let opts = CountOptions {
        telegram_mode: crate::networks::TelegramMode::Caption,
        ..Default::default()
    };
    let text = long_prose(40);
    let parts = split_thread(&text, NetworkId::Telegram, &opts).unwrap();
    check_parts(&text, NetworkId::Telegram, &opts, &parts);

    let tiny = CountOptions {
        instance_limit: Some(4),
        ..Default::default()
    };
    assert_eq!(
        split_thread(&text, NetworkId::Mastodon, &tiny),
        Err(NetworksError::LimitTooSmall { limit: 4 })
    );
    // One grapheme: "a" + 1,600 combining marks = 3,201 bytes, over Bluesky's
    // byte limit on its own.
    let blob = format!("ok a{}", "\u{301}".repeat(1_600));
    assert_eq!(
        split_thread(&blob, NetworkId::Bluesky, &CountOptions::default()),
        Err(NetworksError::GraphemeTooLong { offset: 3 })
    );
    assert!(matches!(
        split_thread(
            "x",
            NetworkId::Mastodon,
            &CountOptions {
                instance_limit: Some(0),
                ..Default::default()
            }
        ),
        Err(NetworksError::InvalidLimit(0))
    ));
}
