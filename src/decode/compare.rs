//! Our decoder against the one it replaced (serde_path_to_error over
//! serde_json's `&Value` deserializer) on the real model types: valid
//! samples and every one-step corruption of them must give the same value,
//! or fail at the same path with the same message.
//!
//! The two deliberate differences are allowed for: a struct written as an
//! array (refused by us) and an unexpected float (named, not printed).

use std::fmt::Debug;

use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use super::from_value;
use crate::interop::{BackupData, CsvLayout, CsvOptions};
use crate::model::{Post, Project};
use crate::networks::CountOptions;
use crate::schedule::{Assignment, Conflict};
use crate::storage::{IndexRecord, Quarantined, SchemaRecord, Settings, StorageMap};
use crate::uniqueness::{CheckOptions, ShingleConfig};

fn post() -> Value {
    json!({
        "id": "p1", "projectId": "pr1", "text": "hello",
        "variants": {"x": "hi", "mastodon": "hey"},
        "networks": ["x", "mastodon"], "status": "scheduled",
        "scheduledAt": 1_700_000_000_000_i64, "plannedZone": "Europe/Berlin",
        "expiresAt": 1_800_000_000_000_i64, "snoozedUntil": 1, "remindedAt": 2,
        "expiryRemindedAt": 3, "publishedAt": 4, "publishedUrl": "https://x.com/1",
        "links": ["https://a.example"], "media": ["m.png"], "tags": ["t"],
        "createdAt": -5, "updatedAt": 6, "revision": 7
    })
}

fn project() -> Value {
    json!({
        "id": "pr1", "name": "Glider", "color": "#112233", "timeZone": "Europe/Berlin",
        "networks": [
            {"network": "x", "label": "@g", "premium": true},
            {"network": "mastodon", "label": "", "instance": "m.social", "charLimit": 500}
        ],
        "slots": {"x": [{"weekday": 0, "minute": 570}, {"weekday": 6, "minute": 0}]},
        "rules": [{"network": "x", "minGapMinutes": 30, "maxPerDay": 3,
                   "quietHours": {"start": 1320, "end": 420}}],
        "createdAt": 1, "updatedAt": 2, "revision": 3
    })
}

fn settings() -> Value {
    json!({
        "defaultProjectId": "pr1", "reminderLeadMinutes": 5, "snoozeMinutes": 10,
        "theme": "dark", "weekStartsOn": 6,
        "panels": {"x.com": {"open": true, "side": "left"}}, "revision": 2
    })
}

/// `(path, message)` of a failure, or the decoded value.
type Outcome<T> = Result<T, (String, String)>;

fn theirs<T: DeserializeOwned>(v: &Value) -> Outcome<T> {
    serde_path_to_error::deserialize(v).map_err(|e| (e.path().to_string(), e.inner().to_string()))
}

fn ours<T: DeserializeOwned>(v: &Value) -> Outcome<T> {
    from_value(v).map_err(|e| (e.path, e.message))
}

/// serde_json's message with a printed float ("floating point `1.5`")
/// written the way ours names it.
fn unprinted_floats(message: &str) -> String {
    const FLOAT: &str = "floating point `";
    let mut out = String::new();
    let mut rest = message;
    while let Some(at) = rest.find(FLOAT) {
        out.push_str(&rest[..at]);
        out.push_str("floating point number");
        let after = &rest[at + FLOAT.len()..];
        rest = after.find('`').map_or("", |end| &after[end + 1..]);
    }
    out + rest
}

/// The value at a rendered path ("a.b[2]", "." for the root), for the
/// arrays-as-structs case: found by rendering every node's path the same
/// way, since keys may hold dots.
fn at_path<'v>(v: &'v Value, at: &str, path: &str) -> Option<&'v Value> {
    if at == path || (at.is_empty() && path == ".") {
        return Some(v);
    }
    let dot = if at.is_empty() { "" } else { "." };
    match v {
        Value::Object(o) => o
            .iter()
            .find_map(|(k, c)| at_path(c, &format!("{at}{dot}{k}"), path)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, c)| at_path(c, &format!("{at}[{i}]"), path)),
        _ => None,
    }
}

/// Compares the decoders on `v`; true when both accepted it.
fn same<T: DeserializeOwned + PartialEq + Debug>(v: &Value) -> bool {
    match (ours::<T>(v), theirs::<T>(v)) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "{v}");
            true
        }
        (Err((path, msg)), theirs)
            if msg.starts_with("invalid type: sequence, expected struct") =>
        {
            // The one shape we refuse on purpose: it must really be an array
            // where serde_json would have read a struct by position.
            let found = at_path(v, "", &path);
            assert!(
                matches!(found, Some(Value::Array(_))),
                "{path} in {v}: {theirs:?}"
            );
            false
        }
        (Err((path, msg)), Err((their_path, their_msg))) => {
            assert_eq!(path, their_path, "{msg} / {their_msg} in {v}");
            assert_eq!(msg, unprinted_floats(&their_msg), "at {path} in {v}");
            false
        }
        (a, b) => panic!("{v}: ours {a:?}, theirs {b:?}"),
    }
}

/// Every node of `v` by JSON pointer.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => o
            .iter()
            .for_each(|(k, c)| pointers(c, format!("{at}/{k}"), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, c)| pointers(c, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

/// `v` and its one-step corruptions: every node replaced by each of a few
/// values of every JSON type, every object with an unknown key added and
/// with each key removed, every array with an extra element.
fn corruptions(v: &Value) -> Vec<Value> {
    let replacements: Vec<Value> = serde_json::from_str(
        r#"[null, true, 0, 300, 70000, -1, 18446744073709551615, 1.5, "", "x", "dark",
            [], [1], ["x"], {}, {"zz": 1}, {"x": null}]"#,
    )
    .unwrap();
    let mut all = Vec::new();
    pointers(v, String::new(), &mut all);
    let mut out = vec![v.clone()];
    for p in &all {
        let edit = |f: &dyn Fn(&mut Value)| {
            let mut c = v.clone();
            if let Some(node) = c.pointer_mut(p) {
                f(node);
            }
            c
        };
        out.extend(replacements.iter().map(|r| edit(&|n| *n = r.clone())));
        match v.pointer(p) {
            Some(Value::Object(o)) => {
                out.push(edit(&|n| {
                    if let Value::Object(o) = n {
                        o.insert("zz".into(), json!(1));
                    }
                }));
                for k in o.keys() {
                    out.push(edit(&|n| {
                        if let Value::Object(o) = n {
                            o.remove(k);
                        }
                    }));
                }
            }
            Some(Value::Array(a)) if !a.is_empty() => {
                out.push(edit(&|n| {
                    if let Value::Array(a) = n {
                        a.push(a[0].clone());
                    }
                }));
            }
            _ => {}
        }
    }
    out
}

/// Runs every corruption of `sample`; returns (accepted, refused).
fn check<T: DeserializeOwned + PartialEq + Debug>(sample: Value) -> (usize, usize) {
    assert!(
        same::<T>(&sample),
        "the sample itself must decode: {sample}"
    );
    let cases = corruptions(&sample);
    let ok = cases.iter().filter(|c| same::<T>(c)).count();
    (ok, cases.len() - ok)
}

#[test]
fn records_decode_as_before() {
    for (ok, bad) in [
        check::<Post>(post()),
        check::<Project>(project()),
        check::<Settings>(settings()),
        check::<SchemaRecord>(json!({"version": 3, "indexBuckets": 16, "extra": [1.5]})),
        check::<IndexRecord>(json!({"ids": ["a", "b"], "revision": 1})),
        check::<Quarantined>(json!({"key": "post:a", "value": {"a": [1, -1, 0.5, null]},
            "reason": "bad", "schemaVersion": 2})),
        check::<StorageMap>(json!({"settings": settings(), "post:p1": post()})),
    ] {
        // Both outcomes must have been exercised.
        assert!(ok > 0 && bad > 0, "{ok} accepted, {bad} refused");
    }
    // Any JSON is a `Value`: nothing is refused, and it comes back unchanged.
    assert_eq!(
        check::<Option<Value>>(json!([null, true, 1.25, {"a": -1}])).1,
        0
    );
}

#[test]
fn interop_and_options_decode_as_before() {
    let backup =
        json!({"projects": [project()], "posts": [post(), post()], "settings": settings()});
    let csv = json!({"zone": "UTC", "keepValid": true, "nowMs": 5, "projectId": "pr1",
        "idPrefix": "c-", "dateOrder": "dmy", "networks": ["x"], "maxRows": 10,
        "maxCellBytes": 100, "allowPast": false});
    let check_opts = json!({"excludeId": "p1", "excludeIds": ["page:a"], "kinds": ["archive", "queue"], "limit": 5,
        "minJaccard": 0.25, "minContainment": 1, "fragments": true});
    let conflicts = json!([
        {"kind": "inPast", "atMs": 1, "nowMs": 2},
        {"kind": "minGap", "network": "x", "otherPostId": "p2", "otherAtMs": 3,
         "gapMinutes": -4, "requiredMinutes": 5},
        {"kind": "quietHours", "network": "x", "localTime": "23:30", "start": 1, "end": 2}
    ]);
    for (ok, bad) in [
        check::<BackupData>(backup),
        check::<CsvOptions>(csv),
        check::<CheckOptions>(check_opts),
        check::<Option<ShingleConfig>>(json!({"words": 3, "syllables": 2, "chars": 4,
            "stopWords": true})),
        check::<CountOptions>(json!({"instanceLimit": 500, "telegramMode": "caption",
            "redditField": "title", "xPremium": true})),
        check::<Vec<CsvLayout>>(json!(["hootsuite", "publer"])),
        check::<Assignment>(json!({"postId": "p1", "atMs": 9})),
        check::<Vec<Conflict>>(conflicts),
        check::<(Option<u64>, i64, Vec<String>)>(json!([1, -2, ["a"]])),
    ] {
        assert!(ok > 0 && bad > 0, "{ok} accepted, {bad} refused");
    }
}
