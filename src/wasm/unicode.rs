//! The browser's Unicode for the core: `String.prototype.normalize` as its
//! NFC and `Intl.Segmenter` as its grapheme segmenter (see `src/unicode/`).

use wasm_bindgen::prelude::*;

/// Make the core's NFC and grapheme clusters the browser's
/// (`String.prototype.normalize`, `Intl.Segmenter`), so their tables stay out
/// of the WASM. Runs once, when the module is instantiated (wasm-bindgen's
/// start function: the glue's `init()` and wasm-bindgen-test both call it),
/// so no export can run before the plug-ins are in place; the core refuses
/// to fall back to code points if they ever were not (see `src/unicode/`).
#[wasm_bindgen(start)]
pub fn install_browser_unicode() {
    crate::unicode::set_normalizer(|s| String::from(js_sys::JsString::from(s).normalize("NFC")));
    crate::unicode::set_segmenter(browser_graphemes);
    super::url::install_browser_url();
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = Segmenter)]
    type GraphemeSegmenter;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "Segmenter")]
    fn new() -> GraphemeSegmenter;
    #[wasm_bindgen(method)]
    fn segment(this: &GraphemeSegmenter, text: &str) -> JsValue;
}

thread_local! {
    // The default granularity is "grapheme"; the locale doesn't change
    // cluster rules.
    static SEGMENTER: GraphemeSegmenter = GraphemeSegmenter::new();
}

/// Byte offsets of the cluster starts of `s`, from `Intl.Segmenter`'s UTF-16
/// indices.
fn browser_graphemes(s: &str) -> Vec<usize> {
    let segments = js_sys::Array::from(&SEGMENTER.with(|seg| seg.segment(s)));
    let index = JsValue::from_str("index");
    let mut out = Vec::with_capacity(segments.length() as usize);
    let mut chars = s.char_indices();
    let (mut byte, mut unit) = (0, 0);
    for segment in segments.iter() {
        let at = js_sys::Reflect::get(&segment, &index)
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as usize;
        // Walk forward to the UTF-16 index; indices only increase.
        while unit < at {
            match chars.next() {
                Some((_, c)) => {
                    unit += c.len_utf16();
                    byte += c.len_utf8();
                }
                None => break,
            }
        }
        out.push(byte);
    }
    out
}
