//! The WASM API exercised in headless Chromium (wasm-bindgen-test).
//! Run by `./build.sh test` as `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod web_support;
use web_support::get;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn core_version_matches_the_crate() {
    assert_eq!(glider::wasm::core_version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn bad_input_becomes_an_error_with_a_stable_variant() {
    let err = glider::wasm::decode::<u32>(JsValue::from_str("not a number")).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&err, "variant"), JsValue::from_str("BadInput"));
}

#[wasm_bindgen_test]
fn encode_uses_plain_objects_and_numbers() {
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Dto {
        scheduled_at: i64,
    }
    let v = glider::wasm::encode(&Dto {
        scheduled_at: 1_764_000_000_000,
    })
    .unwrap();
    assert_eq!(get(&v, "scheduledAt").as_f64(), Some(1_764_000_000_000.0));
}

#[wasm_bindgen_test]
fn js_data_becomes_json_values() {
    use serde_json::{json, Value};
    let decode = |src: &str| {
        let v = js_sys::eval(src).unwrap();
        glider::wasm::decode::<Value>(v)
    };
    let got = decode(
        r#"({a: [1, -2, 1.5, -0, null, undefined, true, "é"], b: {c: 9007199254740991},
             t: 1764000000000n, ["__proto__"]: 7})"#,
    )
    .unwrap();
    assert_eq!(
        got,
        json!({"a": [1, -2, 1.5, 0, null, null, true, "é"], "b": {"c": 9_007_199_254_740_991u64},
               "t": 1_764_000_000_000i64, "__proto__": 7})
    );
    assert!(got["a"][0].is_u64() && got["a"][1].is_i64() && got["a"][2].is_f64());
    for bad in ["NaN", "({f() {}}).f", "Symbol('s')", "2n ** 70n"] {
        let err = decode(bad).unwrap_err();
        assert_eq!(get(&err, "variant"), JsValue::from_str("BadInput"), "{bad}");
    }
    // Deep nesting is refused, not a stack overflow.
    let err = decode("let v = 0; for (let i = 0; i < 10000; i++) v = [v]; v").unwrap_err();
    let message = err.unchecked_ref::<js_sys::Error>().message();
    assert!(String::from(message).contains("nested deeper"));
}

#[wasm_bindgen_test]
fn unicode_plug_ins_come_from_the_start_function() {
    // wasm-bindgen-test does not run the module's start function (the glue's
    // init() does; tests/unit/core.test.mjs checks the shipped module), so
    // the tests call it as the glue would. Then the core's own calls see
    // the browser's segmenter and normaliser.
    web_support::start();
    let family = "👨\u{200d}👩\u{200d}👧!";
    assert_eq!(glider::unicode::grapheme_starts(family), vec![0, 18]);
    assert_eq!(glider::unicode::nfc("Vie\u{323}\u{302}t"), "Vi\u{1ec7}t");
}
