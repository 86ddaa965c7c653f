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
