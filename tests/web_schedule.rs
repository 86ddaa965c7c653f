//! The scheduling API through the WASM boundary, in headless Chromium.
#![cfg(target_arch = "wasm32")]

use glider::wasm::schedule as api;
use js_sys::Reflect;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

mod web_support;
use web_support::{js, same, text, variant};

wasm_bindgen_test_configure!(run_in_browser);

const PROJECT: &str = r#"{"id":"p1","name":"Blog","timeZone":"America/New_York","createdAt":0,"updatedAt":0,
    "slots":{"x":[{"weekday":6,"minute":540}]},
    "rules":[{"network":"x","minGapMinutes":60}]}"#;
const POST: &str = r#"{"id":"a","projectId":"p1","text":"hi","networks":["x"],"status":"draft","createdAt":0,"updatedAt":0}"#;
// Sat 7 March 2026 12:00 UTC; Sun 8 March 09:00 EDT is 13:00 UTC.
const NOW: f64 = 1_772_884_800_000.0;
const SUNDAY_0900: f64 = 1_772_974_800_000.0;

#[wasm_bindgen_test]
fn next_free_slot_is_plain_data_with_number_times() {
    web_support::start();
    let got = api::next_free_slot(js(PROJECT), js("[]"), js(POST), NOW.into()).unwrap();
    let at = Reflect::get(&got, &"atMs".into()).unwrap();
    assert_eq!(at.as_f64(), Some(SUNDAY_0900));
    assert!(text(&got).contains(r#""local":"2026-03-08T09:00""#));
}

#[wasm_bindgen_test]
fn conflicts_carry_a_kind() {
    web_support::start();
    let other = POST.replace(r#""id":"a""#, r#""id":"b""#).replace(
        r#""status":"draft""#,
        &format!(r#""status":"scheduled","scheduledAt":{SUNDAY_0900}"#),
    );
    let posts = js(&format!("[{other}]"));
    let at = JsValue::from_f64(SUNDAY_0900 + 600_000.0);
    let got = api::check_schedule(js(PROJECT), posts, js(POST), at, NOW.into()).unwrap();
    same(
        &got,
        &format!(
            r#"[{{"kind":"minGap","network":"x","otherPostId":"b","otherAtMs":{SUNDAY_0900},"gapMinutes":10,"requiredMinutes":60}}]"#
        ),
    );
}

#[wasm_bindgen_test]
fn errors_have_stable_variants() {
    web_support::start();
    let bad_zone = PROJECT.replace("America/New_York", "Mars/Olympus");
    let err = api::next_free_slot(js(&bad_zone), js("[]"), js(POST), 0.into()).unwrap_err();
    assert_eq!(variant(&err), "UnknownTimeZone");
    let err = api::next_free_slot(js(PROJECT), js("[]"), js(POST), "soon".into()).unwrap_err();
    assert_eq!(variant(&err), "BadInput");
}

#[wasm_bindgen_test]
fn reminders_and_snooze_patches() {
    web_support::start();
    let due = POST.replace(
        r#""status":"draft""#,
        &format!(r#""status":"scheduled","scheduledAt":{SUNDAY_0900}"#),
    );
    let got =
        api::reconcile_reminders(js("[]"), js(&format!("[{due}]")), SUNDAY_0900.into()).unwrap();
    same(
        &got,
        &format!(
            r#"{{"due":[{{"postId":"a","projectId":"p1","projectName":null,"atMs":{SUNDAY_0900},"scheduledAt":{SUNDAY_0900},"snoozed":false,"networks":["x"]}}],"missed":[],"expiry":[],"nextAlarmAt":null,"patches":[{{"postId":"a","remindedAt":{SUNDAY_0900}}}]}}"#
        ),
    );
    let until = JsValue::from_f64(SUNDAY_0900 + 600_000.0);
    let patch = api::snooze_post(js(&due), until, SUNDAY_0900.into()).unwrap();
    assert!(text(&patch).contains(r#""remindedAt":null"#));
}
