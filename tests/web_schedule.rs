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

#[wasm_bindgen_test]
fn refused_times_come_with_the_next_allowed_one_and_anyway_is_recorded() {
    let other = POST.replace(r#""id":"a""#, r#""id":"b""#).replace(
        r#""status":"draft""#,
        &format!(r#""status":"scheduled","scheduledAt":{SUNDAY_0900}"#),
    );
    let at = SUNDAY_0900 + 600_000.0;
    let got = api::schedule_check(
        js(PROJECT),
        js(&format!("[{other}]")),
        js(POST),
        at.into(),
        NOW.into(),
    )
    .unwrap();
    let next = Reflect::get(&got, &"nextAllowedMs".into()).unwrap();
    assert_eq!(next.as_f64(), Some(SUNDAY_0900 + 3_600_000.0));
    assert!(text(&got).contains(r#""overridable":true"#));

    let posts = || js(&format!("[{other}]"));
    let refused =
        api::schedule_post(js(PROJECT), posts(), js(POST), at.into(), NOW.into(), false).unwrap();
    assert!(text(&refused).contains(r#""ok":false"#));
    let forced =
        api::schedule_post(js(PROJECT), posts(), js(POST), at.into(), NOW.into(), true).unwrap();
    let patch = Reflect::get(&forced, &"patch".into()).unwrap();
    assert!(
        text(&patch).contains(r#""ruleOverride":{"atMs":"#),
        "{}",
        text(&patch)
    );
}

#[wasm_bindgen_test]
fn rearranging_exports_return_assignments_and_zones_their_offsets() {
    let a = POST;
    let b = POST.replace(r#""id":"a""#, r#""id":"b""#);
    let posts = js(&format!("[{a},{b}]"));
    let ids = js(r#"["a","b"]"#);
    let got = api::next_free_slots(js(PROJECT), posts.clone(), ids.clone(), NOW.into()).unwrap();
    let text = text(&got);
    assert!(
        text.contains(&format!(r#"{{"atMs":{SUNDAY_0900},"postId":"a"}}"#)),
        "{text}"
    );
    assert!(text.contains(r#""unplaced":[]"#), "{text}");
    let week = 7.0 * 86_400_000.0;
    let spread = api::spread_evenly(
        js(PROJECT),
        posts,
        ids,
        NOW.into(),
        (NOW + week).into(),
        NOW.into(),
        true,
    )
    .unwrap();
    assert!(
        self::text(&spread).contains(r#""unplaced":["b"]"#),
        "one Saturday slot in a week"
    );
    let zones = api::time_zones(NOW.into()).unwrap();
    assert!(self::text(&zones).contains(r#"{"name":"America/New_York","offsetMinutes":-300}"#));
    let err = api::shuffle_queue(
        js(PROJECT),
        js(&format!("[{a}]")),
        js(r#"["a"]"#),
        1.into(),
        NOW.into(),
    )
    .unwrap_err();
    assert_eq!(variant(&err), "NotQueued");
}
