//! X Premium (issue 18, part 3): 25,000 weighted characters instead of 280,
//! the same twitter-text weights (CJK 2, emoji 2, a link 23); the thread
//! split follows the account's limit, and free accounts keep 280.

use crate::networks::{
    count_text, network_rules, split_thread, CountOptions, NetworkId, TextRange,
};

const X: NetworkId = NetworkId::X;

fn premium() -> CountOptions {
    CountOptions {
        x_premium: true,
        ..Default::default()
    }
}

#[test]
fn premium_allows_25000_weighted() {
    let at = "a".repeat(25_000);
    let r = count_text(&at, X, &premium()).unwrap();
    assert_eq!((r.count, r.limit, r.over), (25_000, Some(25_000), false));
    let r = count_text(&format!("{at}b"), X, &premium()).unwrap();
    assert_eq!(
        r.overflow,
        Some(TextRange {
            start: 25_000,
            end: 25_001
        })
    );
    // Free accounts: 281 is over.
    let free = count_text(&"a".repeat(281), X, &CountOptions::default()).unwrap();
    assert_eq!((free.limit, free.over), (Some(280), true));
    // Ignored by every other network.
    let r = count_text(&"a".repeat(600), NetworkId::Mastodon, &premium()).unwrap();
    assert_eq!(r.limit, Some(500));
}

#[test]
fn premium_keeps_the_weights() {
    // 12,500 ideographs weigh 25,000; one more is over.
    let cjk = "日".repeat(12_500);
    assert!(!count_text(&cjk, X, &premium()).unwrap().over);
    let r = count_text(&format!("{cjk}本"), X, &premium()).unwrap();
    assert_eq!((r.count, r.over), (25_002, true));
    // Emoji 2, a link 23.
    let r = count_text("👍🏽 https://example.com/a/long/path", X, &premium()).unwrap();
    assert_eq!(r.count, 2 + 1 + 23);
}

#[test]
fn thread_split_follows_the_account() {
    let text = "The glider rides the ridge lift along the hills. ".repeat(600);
    assert_eq!(text.len(), 29_400);
    let parts = split_thread(&text, X, &premium()).unwrap();
    assert_eq!(parts.len(), 2);
    for p in &parts {
        assert!(!count_text(&p.text, X, &premium()).unwrap().over);
    }
    // A free account gets a thread of 280s.
    let free = split_thread(&text, X, &CountOptions::default()).unwrap();
    assert!(free.len() > 100, "{}", free.len());
    // Under 25,000 a Premium text is one post.
    let short = "word ".repeat(1_000);
    assert_eq!(split_thread(&short, X, &premium()).unwrap().len(), 1);
}

#[test]
fn rules_table_lists_the_premium_limit() {
    let json = serde_json::to_value(network_rules()).unwrap();
    assert_eq!(
        json[0]["variants"],
        serde_json::json!([
            {"option": "xPremium", "value": "false", "limit": 280, "isDefault": true},
            {"option": "xPremium", "value": "true", "limit": 25000, "isDefault": false}
        ])
    );
    // The option decodes from the panel's camelCase.
    let opts: CountOptions = serde_json::from_value(serde_json::json!({"xPremium": true})).unwrap();
    assert!(opts.x_premium);
}
