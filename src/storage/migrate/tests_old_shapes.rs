//! The old schemas are read by hand, not through serde types. These pin that
//! every shape the old typed structs rejected is still quarantined (never
//! silently defaulted), and that what they accepted still converts.

use serde_json::{json, Value};

use super::*;

/// Migrate the given items; the migrated state.
fn run(items: Vec<(&str, Value)>) -> StorageMap {
    let items: StorageMap = items.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    let m = migrate(&items).unwrap();
    let state = apply_migration(&items, &m);
    // Whatever happened, the result is a valid current store.
    let again = migrate(&state).unwrap();
    assert!(again.items.is_empty() && again.remove.is_empty());
    state
}

/// The one quarantined record, if any.
fn the_quarantined(state: &StorageMap) -> Option<Quarantined> {
    let mut found = state
        .iter()
        .filter(|(k, _)| k.starts_with("corrupt:"))
        .map(|(_, v)| serde_json::from_value::<Quarantined>(v.clone()).unwrap());
    let first = found.next();
    assert!(found.next().is_none(), "more than one quarantined record");
    first
}

fn with(mut value: Value, field: &str, x: Value) -> Value {
    value[field] = x;
    value
}

fn without(mut value: Value, field: &str) -> Value {
    value.as_object_mut().unwrap().remove(field);
    value
}

/// Migrate one v2 record stored under `key`: Ok(the v3 record) or
/// Err(its quarantine).
fn v2_record(key: &str, value: Value) -> Result<Value, Quarantined> {
    let state = run(vec![
        ("schema", json!({"version": 2})),
        (key, value.clone()),
    ]);
    match the_quarantined(&state) {
        Some(q) => {
            assert_eq!(
                (q.key.as_str(), &q.value, q.schema_version),
                (key, &value, 2)
            );
            assert!(!state.contains_key(key));
            Err(q)
        }
        None => Ok(state[key].clone()),
    }
}

fn v2_post() -> Value {
    json!({
        "id": "p", "projectId": "x", "text": "t", "networks": ["x"], "status": "scheduled",
        "scheduledAt": 1_735_722_000_000_i64, "plannedZone": "Europe/Berlin",
        "overrides": [{"network": "x", "text": "X"}], "deleteAfterHours": 2,
        "tags": ["a"], "links": ["https://example.com"], "publishedAt": 1_735_722_000_001_i64,
        "createdAt": 1, "updatedAt": 1
    })
}

#[test]
fn storage_v2_post_with_a_wrong_type_or_unknown_field_is_quarantined() {
    let ok = v2_record("post:p", v2_post()).unwrap();
    assert_eq!(
        (&ok["variants"]["x"], &ok["revision"]),
        (&json!("X"), &json!(1))
    );
    for (field, bad) in [
        ("id", json!(5)),
        ("text", json!(null)),
        ("networks", json!("x")),
        ("networks", json!(null)),
        ("status", json!("sched")),
        ("status", json!(1)),
        // v3 added `expired`; v2 never wrote it.
        ("status", json!("expired")),
        ("scheduledAt", json!("soon")),
        ("scheduledAt", json!(1.5)),
        ("plannedZone", json!(false)),
        ("overrides", json!(null)),
        ("overrides", json!({"x": "X"})),
        ("overrides", json!(["x"])),
        ("overrides", json!([{"network": "x"}])),
        ("overrides", json!([{"network": "x", "text": 5}])),
        ("overrides", json!([{"network": "x", "text": "X", "y": 1}])),
        ("deleteAfterHours", json!(-1)),
        ("deleteAfterHours", json!("24")),
        ("deleteAfterHours", json!(4_294_967_296_i64)),
        ("tags", json!("a,b")),
        ("links", json!([1])),
        ("publishedAt", json!(u64::MAX)),
        ("createdAt", json!(null)),
        // Fields v3 has but v2 did not are unknown in a v2 record.
        ("variants", json!({})),
        ("expiresAt", json!(2_000_000_000_000_i64)),
        ("media", json!([])),
        ("revision", json!(3)),
        ("__proto__", json!({})),
    ] {
        let q = v2_record("post:p", with(v2_post(), field, bad.clone()))
            .expect_err(&format!("{field}: {bad}"));
        assert!(q.reason.contains(field), "{field}: {bad}: {}", q.reason);
    }
    for missing in "id projectId text status createdAt updatedAt".split(' ') {
        v2_record("post:p", without(v2_post(), missing)).expect_err(missing);
    }
    // Optional fields may be null or absent; lists default to empty.
    for field in "scheduledAt plannedZone deleteAfterHours publishedAt".split(' ') {
        v2_record("post:p", with(v2_post(), field, json!(null))).expect(field);
    }
    let mut bare = v2_post();
    for field in ["networks", "overrides", "tags", "links", "deleteAfterHours"] {
        bare = without(bare, field);
    }
    let post = v2_record("post:p", bare).unwrap();
    assert_eq!((&post["networks"], &post["tags"]), (&json!([]), &json!([])));
    assert!(post.get("expiresAt").is_none() && post.get("variants") == Some(&json!({})));
}

fn v2_project() -> Value {
    json!({
        "id": "q", "name": "N", "color": "#ff8800", "timeZone": "Europe/Berlin",
        "networks": [{"network": "x", "label": "@a"}, {"network": "y"}],
        "slots": {"x": ["mon 09:00", "someday"]}, "createdAt": 1, "updatedAt": 1
    })
}

#[test]
fn storage_v2_project_with_a_wrong_type_or_unknown_field_is_quarantined() {
    let ok = v2_record("project:q", v2_project()).unwrap();
    assert_eq!(ok["slots"]["x"], json!([{"weekday": 0, "minute": 540}]));
    assert_eq!(ok["networks"][1]["label"], "");
    for (field, bad) in [
        ("name", json!(1)),
        ("color", json!(null)),
        ("networks", json!(["x"])),
        ("networks", json!([{"label": "a"}])),
        ("networks", json!([{"network": "x", "label": null}])),
        // v3 accounts have these; v2 accounts did not.
        ("networks", json!([{"network": "x", "instance": "m.s"}])),
        ("slots", json!(null)),
        ("slots", json!(["mon 09:00"])),
        ("slots", json!({"x": "mon 09:00"})),
        ("slots", json!({"x": [540]})),
        ("createdAt", json!("1")),
        ("rules", json!([])),
        ("revision", json!(1)),
    ] {
        let q = v2_record("project:q", with(v2_project(), field, bad.clone()))
            .expect_err(&format!("{field}: {bad}"));
        assert!(q.reason.contains(field), "{field}: {bad}: {}", q.reason);
    }
    // v3 defaults a missing colour; v2 required it.
    v2_record("project:q", without(v2_project(), "color")).expect_err("color");
    let bare = without(without(v2_project(), "networks"), "slots");
    v2_record("project:q", bare).unwrap();
}

#[test]
fn storage_v2_settings_of_a_wrong_shape_are_quarantined() {
    let good = json!({"reminderMinutes": 5, "theme": "dark", "defaultProjectId": null});
    for (settings, quarantined) in [
        (good.clone(), false),
        (without(good.clone(), "reminderMinutes"), false),
        (without(good.clone(), "theme"), true),
        (with(good.clone(), "theme", json!(1)), true),
        (with(good.clone(), "reminderMinutes", json!(-1)), true),
        (with(good.clone(), "reminderMinutes", json!(null)), true),
        (with(good.clone(), "defaultProjectId", json!(5)), true),
        (with(good.clone(), "snoozeMinutes", json!(5)), true),
        (json!("dark"), true),
    ] {
        let state = run(vec![
            ("schema", json!({"version": 2})),
            ("settings", settings.clone()),
        ]);
        let q = the_quarantined(&state);
        assert_eq!(q.is_some(), quarantined, "{settings}");
        let theme = if quarantined { "system" } else { "dark" };
        assert_eq!(state["settings"]["theme"], theme, "{settings}");
    }
}

/// Migrate a v1 blob: the state and the one quarantined record, if any.
fn v1(blob: Value) -> (StorageMap, Option<Quarantined>) {
    let state = run(vec![("glider", blob)]);
    (state.clone(), the_quarantined(&state))
}

fn v1_post() -> Value {
    json!({
        "id": "a", "project": "p", "body": "b", "networks": ["x"], "status": "queued",
        "scheduledTime": 1_735_722_000, "tz": "Europe/Berlin", "tags": "t",
        "link": "https://example.com", "created": 1_700_000_000, "modified": 1_700_000_001
    })
}

#[test]
fn storage_v1_post_with_a_wrong_type_is_quarantined() {
    let (state, q) = v1(json!({"posts": [v1_post()]}));
    assert!(q.is_none() && state.contains_key("post:a"));
    for (field, bad) in [
        ("id", json!(1)),
        ("id", json!("")),
        ("project", json!(1)),
        ("body", json!(null)),
        ("networks", json!("x")),
        ("networks", json!(null)),
        ("status", json!("scheduled")),
        ("status", json!(1)),
        ("scheduledTime", json!("tomorrow")),
        ("scheduledTime", json!(1.5)),
        ("scheduledTime", json!(i64::MAX)),
        ("tz", json!(1)),
        ("tags", json!(["a"])),
        ("tags", json!(null)),
        ("link", json!(1)),
        ("created", json!("1")),
        ("created", json!(null)),
        ("modified", json!("x")),
        ("modified", json!(i64::MIN)),
    ] {
        let post = with(v1_post(), field, bad.clone());
        let (_, q) = v1(json!({"posts": [post.clone()]}));
        let q = q.unwrap_or_else(|| panic!("{field}: {bad} converted"));
        assert_eq!((&q.value, q.schema_version), (&post, 1), "{field}: {bad}");
    }
    for missing in ["id", "project", "body", "status", "created"] {
        let (_, q) = v1(json!({"posts": [without(v1_post(), missing)]}));
        assert_eq!(q.expect(missing).schema_version, 1);
    }
    // Optional fields may be null or absent; unknown fields are ignored.
    for field in ["scheduledTime", "tz", "link", "modified"] {
        let (_, q) = v1(json!({"posts": [with(v1_post(), field, json!(null))]}));
        assert!(q.is_none(), "{field}");
    }
    let mut bare = with(v1_post(), "extra", json!({}));
    for field in [
        "networks",
        "scheduledTime",
        "tz",
        "tags",
        "link",
        "modified",
    ] {
        bare = without(bare, field);
    }
    let (state, q) = v1(json!({"posts": [bare]}));
    assert!(q.is_none());
    assert_eq!(state["post:a"]["updatedAt"], 1_700_000_000_000_i64);
}

#[test]
fn storage_v1_project_and_blob_with_a_wrong_type_are_quarantined() {
    let project = json!({"id": "p", "name": "P", "timezone": "Europe/Berlin", "created": 1});
    let (state, q) = v1(json!({"projects": [with(project.clone(), "extra", json!(1))]}));
    assert!(q.is_none());
    assert_eq!(state["project:p"]["color"], "#4f7cff");
    for (field, bad) in [
        ("name", json!(null)),
        ("timezone", json!(1)),
        ("color", json!(1)),
        ("networks", json!("x")),
        ("networks", json!([1])),
        ("created", json!(1.5)),
        ("created", json!(i64::MAX)),
    ] {
        let bad_project = with(project.clone(), field, bad.clone());
        let (_, q) = v1(json!({"projects": [bad_project.clone()]}));
        let q = q.unwrap_or_else(|| panic!("{field}: {bad} converted"));
        assert_eq!((&q.value, q.schema_version), (&bad_project, 1), "{field}");
    }
    // Unreadable lists lose nothing: the whole blob is kept.
    for blob in [json!({"posts": "x"}), json!({"projects": null}), json!(7)] {
        let q = v1(blob.clone()).1.unwrap();
        assert_eq!((q.key.as_str(), &q.value), ("glider", &blob));
    }
    // v1 settings were read leniently: a bad field means all defaults.
    let settings = json!({"reminderMinutes": "15", "theme": "dark"});
    let (state, q) = v1(json!({"settings": settings}));
    assert!(q.is_none());
    assert_eq!(state["settings"]["theme"], "system");
    let (state, _) = v1(json!({"settings": null, "posts": []}));
    assert_eq!(state["settings"]["reminderLeadMinutes"], 0);
}
