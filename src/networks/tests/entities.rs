//! URL, hashtag, mention and cashtag extraction.

use super::slice16;
use crate::networks::{extract_entities, Entities};

fn urls(text: &str) -> Vec<String> {
    extract_entities(text)
        .urls
        .into_iter()
        .map(|u| u.url)
        .collect()
}

/// Every range must slice (as JavaScript would) to the entity's text.
fn assert_ranges(text: &str, e: &Entities) {
    for u in &e.urls {
        assert_eq!(slice16(text, u.range.start, u.range.end), u.url);
    }
    for h in &e.hashtags {
        assert_eq!(slice16(text, h.range.start, h.range.end)[1..], h.tag);
    }
    for c in &e.cashtags {
        assert_eq!(
            slice16(text, c.range.start, c.range.end),
            format!("${}", c.symbol)
        );
    }
    for m in &e.mentions {
        let s = slice16(text, m.range.start, m.range.end);
        let want = match &m.domain {
            Some(d) => format!("@{}@{d}", m.username),
            None => format!("@{}", m.username),
        };
        assert_eq!(s, want);
    }
}

#[test]
fn mixed_entities() {
    let t = "Check https://example.com/path?q=1, and www.rust-lang.org! Mail bob@example.com \
             #rust #123 @alice @bob@mastodon.social $TSLA $100 $BRK.B";
    let e = extract_entities(t);
    let u: Vec<&str> = e.urls.iter().map(|u| u.url.as_str()).collect();
    assert_eq!(u, ["https://example.com/path?q=1", "www.rust-lang.org"]);
    assert_eq!((e.urls[0].has_scheme, e.urls[1].has_scheme), (true, false));
    let h: Vec<&str> = e.hashtags.iter().map(|h| h.tag.as_str()).collect();
    assert_eq!(h, ["rust"]);
    let m: Vec<(&str, Option<&str>)> = e
        .mentions
        .iter()
        .map(|m| (m.username.as_str(), m.domain.as_deref()))
        .collect();
    assert_eq!(m, [("alice", None), ("bob", Some("mastodon.social"))]);
    let c: Vec<&str> = e.cashtags.iter().map(|c| c.symbol.as_str()).collect();
    assert_eq!(c, ["TSLA", "BRK.B"]);
    assert_ranges(t, &e);
}

#[test]
fn url_edges() {
    assert_eq!(
        urls("(see https://en.wikipedia.org/wiki/Rust_(programming_language))"),
        ["https://en.wikipedia.org/wiki/Rust_(programming_language)"]
    );
    assert_eq!(urls("go to example.com."), ["example.com"]);
    assert_eq!(urls("EXAMPLE.COM/Path"), ["EXAMPLE.COM/Path"]);
    assert_eq!(
        urls("sub.domain.co.uk:8080/x?y#z"),
        ["sub.domain.co.uk:8080/x?y#z"]
    );
    assert_eq!(
        urls("https://ru.wikipedia.org/wiki/Москва, ok"),
        ["https://ru.wikipedia.org/wiki/Москва"]
    );
    assert_eq!(urls("HTTPS://A.B"), ["HTTPS://A.B"]);
    // Not URLs: unknown TLD, e-mail, inside a word, lone scheme, file names.
    assert!(urls("hello.there").is_empty());
    assert!(urls("write to jane.doe@example.org").is_empty());
    assert!(urls("xhttps://example.com").is_empty());
    assert!(urls("https:// nothing").is_empty());
    assert!(urls("main.rs, README.md and notes.txt").is_empty());
    // ...but a path, a port or www. makes an ambiguous ccTLD a URL.
    assert_eq!(
        urls("docs.rs/serde www.example.it x.md:8080"),
        ["docs.rs/serde", "www.example.it", "x.md:8080"]
    );
    assert!(urls("name.co@mail.com").is_empty());
}

#[test]
fn hashtags_and_mentions_edges() {
    let e = extract_entities("#तकनीक #café #日本 a#b ＃full @x_1 email@host.com @a.b-c.");
    let h: Vec<&str> = e.hashtags.iter().map(|h| h.tag.as_str()).collect();
    assert_eq!(h, ["तकनीक", "café", "日本", "full"]);
    let m: Vec<&str> = e.mentions.iter().map(|m| m.username.as_str()).collect();
    assert_eq!(m, ["x_1", "a.b-c"]);
    // Inside a URL they are part of the URL.
    let e = extract_entities("https://example.com/#anchor/@user");
    assert_eq!(
        (e.urls.len(), e.hashtags.len(), e.mentions.len()),
        (1, 0, 0)
    );
}

#[test]
fn ranges_are_utf16_after_astral_text() {
    let t = "😀👍🏽 #tag 𝕏 @who https://a.io/😀";
    let e = extract_entities(t);
    assert_eq!(
        (e.hashtags[0].range.start, e.hashtags[0].range.end),
        (7, 11)
    );
    assert_eq!(e.mentions[0].range.start, 15);
    assert_ranges(t, &e);
}

#[test]
fn entities_serialize_camel_case() {
    let v = serde_json::to_value(extract_entities("x.com @a@b.social")).unwrap();
    assert_eq!(v["urls"][0]["hasScheme"], false);
    assert_eq!(v["mentions"][0]["domain"], "b.social");
    assert!(v["cashtags"].as_array().unwrap().is_empty());
}
