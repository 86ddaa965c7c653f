//! Storage, import/export and uniqueness exports through the WASM boundary,
//! in headless Chromium: the shapes the worker relies on.
#![cfg(target_arch = "wasm32")]

use glider::wasm::{interop, storage, uniqueness::UniquenessIndex};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

mod web_support;
use web_support::{get, js};

wasm_bindgen_test_configure!(run_in_browser);

const POST: &str = r#"{"id":"p1","projectId":"default","text":"Hello","status":"draft","createdAt":1,"updatedAt":1,"revision":0}"#;

#[wasm_bindgen_test]
fn plan_write_bumps_revision_and_indexes_a_new_post() {
    web_support::start();
    let index_key = storage::index_key_for("post:p1").unwrap().unwrap();
    assert!(index_key.starts_with("index:post:"));
    let plan = storage::plan_write("post:p1", JsValue::NULL, js(POST), JsValue::NULL).unwrap();
    let set = get(&plan, "set");
    assert_eq!(get(&get(&set, "post:p1"), "revision").as_f64(), Some(1.0));
    assert!(get(&set, &index_key).is_object());
}

#[wasm_bindgen_test]
fn stale_write_is_a_conflict_with_its_revisions() {
    web_support::start();
    let stored = get(
        &get(
            &storage::plan_write("post:p1", JsValue::NULL, js(POST), JsValue::NULL).unwrap(),
            "set",
        ),
        "post:p1",
    );
    // Based on revision 0 while storage holds 1: refused, never overwritten.
    let err = storage::plan_write("post:p1", stored, js(POST), JsValue::NULL).unwrap_err();
    assert_eq!(
        get(&err, "variant").as_string().as_deref(),
        Some("Conflict")
    );
    assert_eq!(get(&err, "expected").as_f64(), Some(0.0));
    assert_eq!(get(&err, "actual").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn empty_storage_migrates_to_the_current_schema() {
    web_support::start();
    let m = storage::migrate_storage(js("{}")).unwrap();
    assert_eq!(
        get(&m, "toVersion").as_f64(),
        Some(f64::from(storage::schema_version()))
    );
}

#[wasm_bindgen_test]
fn csv_rows_are_reported_with_their_lines_and_import_is_all_or_nothing() {
    web_support::start();
    let csv = "Date,Text\n2030-01-02 09:00,Hello\nnot a date,Bad\n";
    let strict = js(r#"{"zone":"Europe/Berlin","nowMs":0}"#);
    let res = interop::parse_csv(JsValue::from_str(csv), strict).unwrap();
    let errors = js_sys::Array::from(&get(&res, "errors"));
    assert_eq!(errors.length(), 1);
    assert_eq!(get(&errors.get(0), "line").as_f64(), Some(3.0));
    // One bad row and no keepValid: nothing is imported.
    assert_eq!(js_sys::Array::from(&get(&res, "posts")).length(), 0);
    let keep = js(r#"{"zone":"Europe/Berlin","nowMs":0,"keepValid":true}"#);
    let res = interop::parse_csv(JsValue::from_str(csv), keep).unwrap();
    assert_eq!(js_sys::Array::from(&get(&res, "posts")).length(), 1);
}

#[wasm_bindgen_test]
fn uniqueness_index_finds_a_copy_and_excludes_itself() {
    web_support::start();
    let mut index = UniquenessIndex::new_js(JsValue::UNDEFINED).unwrap();
    let text = "the quick brown fox jumps over the lazy dog near the river bank today";
    index.upsert("a", "archive", text).unwrap();
    let copy = index.check(text, JsValue::NULL).unwrap();
    assert_eq!(get(&copy, "uniquenessPercent").as_f64(), Some(0.0));
    let own = index.check(text, js(r#"{"excludeId":"a"}"#)).unwrap();
    assert_eq!(get(&own, "uniquenessPercent").as_f64(), Some(100.0));
    let err = index.upsert("b", "nonsense", "x").unwrap_err();
    assert_eq!(get(&err, "variant").as_string().as_deref(), Some("BadKind"));
}

#[wasm_bindgen_test]
fn decomposed_vietnamese_matches_composed_in_the_shipped_nfc() {
    web_support::start();
    // NFC runs on the compact tables of src/unicode inside the WASM: a copy
    // typed decomposed (as some keyboards do) is still a copy.
    let composed = "Hôm nay trời đẹp quá, chúng tôi đi dạo ven sông và ngắm hoàng hôn cùng nhau";
    let decomposed: String = composed
        .chars()
        .flat_map(|c| match c {
            'ô' => vec!['o', '\u{302}'],
            'ờ' => vec!['o', '\u{31B}', '\u{300}'],
            'ẹ' => vec!['e', '\u{323}'],
            'á' => vec!['a', '\u{301}'],
            'ú' => vec!['u', '\u{301}'],
            'ạ' => vec!['a', '\u{323}'],
            'ắ' => vec!['a', '\u{306}', '\u{301}'],
            'ồ' => vec!['o', '\u{302}', '\u{300}'],
            other => vec![other],
        })
        .collect();
    assert_ne!(decomposed, composed);
    let mut index = UniquenessIndex::new_js(JsValue::UNDEFINED).unwrap();
    index.upsert("vi", "archive", composed).unwrap();
    let got = index.check(&decomposed, JsValue::NULL).unwrap();
    assert_eq!(get(&got, "uniquenessPercent").as_f64(), Some(0.0));
    let count = glider::wasm::networks::count_text(&decomposed, "x", JsValue::UNDEFINED).unwrap();
    let expected = glider::wasm::networks::count_text(composed, "x", JsValue::UNDEFINED).unwrap();
    assert_eq!(
        get(&count, "count").as_f64(),
        get(&expected, "count").as_f64()
    );
}

#[wasm_bindgen_test]
fn backup_text_is_the_cores_canonical_text_and_round_trips() {
    web_support::start();
    // Written by JSON.stringify and read by JSON.parse in the binding; the
    // native path prints with serde_json. Both must give the same bytes.
    let data = format!(
        r##"{{"projects":[{{"id":"default","name":"Main \"quoted\" \u0001 ✓","color":"#4f7cff","timeZone":"Europe/Berlin","createdAt":1,"updatedAt":2,"revision":3}}],"posts":[{POST}],"settings":null}}"##
    );
    let text = interop::export_json(js(&data)).unwrap();
    let typed: glider::interop::BackupData = serde_json::from_str(&data).unwrap();
    assert_eq!(text, glider::interop::export_json(&typed).unwrap());
    let back = interop::import_json(text.as_str().into()).unwrap();
    assert_eq!(js_sys::Array::from(&get(&back, "errors")).length(), 0);
    let again = interop::export_json(get(&back, "data")).unwrap();
    assert_eq!(again, text);
    // A byte-order mark is accepted; broken JSON is a path-less problem.
    let bom = interop::import_json(format!("\u{feff}{text}").as_str().into()).unwrap();
    assert_eq!(js_sys::Array::from(&get(&bom, "errors")).length(), 0);
    let bad = interop::import_json("{\"format\":".into()).unwrap();
    let problem = js_sys::Array::from(&get(&bad, "errors")).get(0);
    let message = get(&problem, "message").as_string().unwrap();
    assert!(message.starts_with("not valid JSON: "), "{message}");
    assert!(get(&bad, "data").is_null());
}
