//! A WASM build without the browser's Unicode plug-ins must fail loudly, not
//! count code points (src/unicode/). A test binary of its own: nothing here
//! installs the plug-ins, unlike every other wasm test.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
#[should_panic(expected = "no grapheme segmenter installed")]
fn graphemes_without_the_segmenter_panic() {
    glider::unicode::grapheme_starts("👍🏽");
}

#[wasm_bindgen_test]
#[should_panic(expected = "no NFC normaliser installed")]
fn nfc_without_the_normaliser_panics() {
    glider::unicode::nfc("e\u{301}");
}

#[wasm_bindgen_test]
fn text_that_needs_neither_still_works() {
    // The fast paths never call a plug-in: ASCII and NFC-stable text.
    assert_eq!(glider::unicode::grapheme_starts("ab"), vec![0, 1]);
    assert_eq!(glider::unicode::nfc("café ☕ naïve"), "café ☕ naïve");
}
