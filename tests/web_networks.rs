//! The networks API (counting, splitting, rules) through the WASM
//! boundary, in headless Chromium.
#![cfg(target_arch = "wasm32")]

use glider::wasm::networks as api;
use js_sys::Array;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

mod web_support;
use web_support::{get, js, variant};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn count_text_is_camel_case_with_utf16_ranges() {
    web_support::start();
    let text = format!("😀 https://example.com/long {}", "a".repeat(260));
    let got = api::count_text(&text, "x", JsValue::UNDEFINED).unwrap();
    assert_eq!(
        get(&got, "count").as_f64(),
        Some(2.0 + 1.0 + 23.0 + 1.0 + 260.0)
    );
    assert_eq!(
        get(&got, "unit").as_string().as_deref(),
        Some("weightedChars")
    );
    let overflow = get(&got, "overflow");
    // 2 + 1 + 24 + 1 UTF-16 units, then 253 a's fit (27 + 253 = 280).
    assert_eq!(get(&overflow, "start").as_f64(), Some(281.0));
    let url = Array::from(&get(&got, "urls")).get(0);
    assert_eq!(get(&url, "hasScheme"), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn options_are_optional_and_typed() {
    web_support::start();
    let opts = js(r#"{"telegramMode":"caption"}"#);
    let got = api::count_text("x", "telegram", opts).unwrap();
    assert_eq!(get(&got, "limit").as_f64(), Some(1024.0));
    let got = api::count_text("x", "telegram", JsValue::NULL).unwrap();
    assert_eq!(get(&got, "limit").as_f64(), Some(4096.0));
    let err = api::count_text("x", "twitter", JsValue::UNDEFINED).unwrap_err();
    assert_eq!(variant(&err), "UnknownNetwork");
    let err = api::count_text("x", "mastodon", js(r#"{"instanceLimit":0}"#)).unwrap_err();
    assert_eq!(variant(&err), "InvalidLimit");
    let err = api::count_text("x", "x", js("5")).unwrap_err();
    assert_eq!(variant(&err), "BadInput");
}

#[wasm_bindgen_test]
fn split_and_rules() {
    web_support::start();
    let text = "One sentence here. ".repeat(30);
    let parts = Array::from(&api::split_thread(&text, "x", JsValue::UNDEFINED).unwrap());
    assert_eq!(parts.length(), 3);
    let first = parts.get(0);
    assert!(get(&first, "text").as_string().unwrap().ends_with(" 1/3"));
    let rules = Array::from(&api::network_rules().unwrap());
    assert_eq!(rules.length(), 11);
    assert_eq!(get(&rules.get(0), "id").as_string().as_deref(), Some("x"));
    let err = api::split_thread(&text, "mastodon", js(r#"{"instanceLimit":3}"#)).unwrap_err();
    assert_eq!(variant(&err), "LimitTooSmall");
}

#[wasm_bindgen_test]
fn clusters_come_from_the_browser_segmenter() {
    web_support::start();
    // Text with joining characters goes to Intl.Segmenter: a skin-tone
    // thumb, a flag, a family (ZWJ), a decomposed é, CR LF, a Hindi word of
    // three clusters, and a hashtag after a flag (cluster offsets back to
    // UTF-8 bytes, then UTF-16 ranges).
    let text = "👍🏽🇻🇳👨\u{200d}👩\u{200d}👧 e\u{301}\r\nनमस्ते #tag";
    let got = api::count_text(text, "bluesky", JsValue::UNDEFINED).unwrap();
    assert_eq!(
        get(&got, "count").as_f64(),
        Some(3.0 + 1.0 + 1.0 + 1.0 + 3.0 + 1.0 + 4.0)
    );
    let tag = Array::from(&get(&got, "hashtags")).get(0);
    let start = get(&get(&tag, "range"), "start").as_f64();
    assert_eq!(start, Some(text.encode_utf16().count() as f64 - 4.0));
}

/// Bluesky's shortening through the browser's own `URL` (what the Bluesky
/// app runs): the host lowercased and IDNA-mapped, the default port dropped,
/// a non-ASCII path percent-encoded before the 13-unit cut.
#[wasm_bindgen_test]
fn bluesky_links_are_shortened_by_the_browser_url() {
    let cases = [
        (
            "https://EXAMPLE.com:443/a/very/long/path",
            "example.com/a/very/long/...",
        ),
        ("https://пример.рф", "xn--e1afmkfd.xn--p1ai"),
        (
            "https://ru.wikipedia.org/wiki/Глайдер",
            "ru.wikipedia.org/wiki/%D0%93%...",
        ),
        ("https://a.com:8443/x?q=1", "a.com:8443/x?q=1"),
    ];
    for (url, short) in cases {
        let got = api::count_text(&format!("see {url}"), "bluesky", JsValue::UNDEFINED).unwrap();
        let link = Array::from(&get(&got, "shortenedLinks")).get(0);
        assert_eq!(
            get(&link, "shortened").as_string().as_deref(),
            Some(short),
            "{url}"
        );
        assert_eq!(get(&link, "url").as_string().as_deref(), Some(url));
        assert_eq!(
            get(&got, "count").as_f64(),
            Some(4.0 + short.len() as f64),
            "{url}"
        );
    }
    // The app's link runs to the next space: a glued emoji is percent-encoded
    // into the path and cut away ("example.com/a/very/long/..." is 27).
    let got = api::count_text(
        "https://example.com/a/very/long/path👍",
        "bluesky",
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(get(&got, "count").as_f64(), Some(27.0));
    // A bare domain stays as typed: nothing shortened.
    let got = api::count_text(
        "example.com/a/very/long/path",
        "bluesky",
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(Array::from(&get(&got, "shortenedLinks")).length(), 0);
}

#[wasm_bindgen_test]
fn threads_bytes_links_and_x_premium() {
    // 130 thumbs: 520 of 500, 130 as seen; six distinct links are over too.
    let got = api::count_text(&"👍".repeat(130), "threads", JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&got, "count").as_f64(), Some(520.0));
    assert_eq!(get(&got, "unit").as_string().as_deref(), Some("emojiBytes"));
    let measures = Array::from(&get(&got, "measures"));
    assert_eq!(get(&measures.get(2), "count").as_f64(), Some(130.0));
    let links = (1..=6)
        .map(|i| format!("https://s{i}.example"))
        .collect::<Vec<_>>()
        .join(" ");
    let got = api::count_text(&links, "threads", JsValue::UNDEFINED).unwrap();
    let m = Array::from(&get(&got, "measures")).get(1);
    assert_eq!(get(&m, "unit").as_string().as_deref(), Some("links"));
    assert_eq!(
        (get(&m, "count").as_f64(), get(&m, "over")),
        (Some(6.0), JsValue::TRUE)
    );
    // X Premium: 25,000 weighted.
    let text = "a".repeat(1_000);
    let got = api::count_text(&text, "x", js(r#"{"xPremium":true}"#)).unwrap();
    assert_eq!(
        (get(&got, "limit").as_f64(), get(&got, "over")),
        (Some(25_000.0), JsValue::FALSE)
    );
    let parts = Array::from(&api::split_thread(&text, "x", js(r#"{"xPremium":true}"#)).unwrap());
    assert_eq!(parts.length(), 1);
}
