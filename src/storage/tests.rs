//! Decoding corrupt records, optimistic concurrency and write plans.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::*;
use crate::model::Post;

fn post_json(id: &str, revision: u64) -> Value {
    let mut p = Post::draft(id, "p1", "hello", 1_000).unwrap();
    p.revision = revision;
    serde_json::to_value(p).unwrap()
}

fn corrupt_reason(result: Result<Record, StorageError>, key: &str) -> String {
    match result {
        Err(StorageError::Corrupt { key: k, reason }) => {
            assert_eq!(k, key);
            reason
        }
        other => panic!("expected Corrupt for {key}, got {other:?}"),
    }
}

#[test]
fn storage_truncated_or_malformed_text_names_the_key() {
    let full = post_json("a", 1).to_string();
    for cut in [0, 1, full.len() / 2, full.len() - 1] {
        let reason = corrupt_reason(decode_record_text("post:a", &full[..cut]), "post:a");
        assert!(reason.contains("malformed JSON"), "{reason}");
    }
    assert!(decode_record_text("post:a", &full).is_ok());
    corrupt_reason(decode_record_text("settings", "\u{feff}{}"), "settings");
}

#[test]
fn storage_wrong_shapes_are_corrupt_with_field_paths() {
    let mut bad_time = post_json("a", 1);
    bad_time["scheduledAt"] = json!("tomorrow");
    let reason = corrupt_reason(decode_record("post:a", &bad_time), "post:a");
    assert!(reason.starts_with("scheduledAt:"), "{reason}");

    let mut extra = post_json("a", 1);
    extra["__proto__"] = json!({"polluted": true});
    assert!(corrupt_reason(decode_record("post:a", &extra), "post:a").contains("__proto__"));

    let mut neg = post_json("a", 1);
    neg["revision"] = json!(-1);
    assert!(corrupt_reason(decode_record("post:a", &neg), "post:a").starts_with("revision:"));

    let mut variant = post_json("a", 1);
    variant["variants"] = json!({"x": 5});
    assert!(corrupt_reason(decode_record("post:a", &variant), "post:a").starts_with("variants.x:"));

    let keys = [
        "post:a",
        "project:a",
        "settings",
        "index:project",
        "index:post:07",
        "corrupt:x",
        "schema",
    ];
    for value in [json!(null), json!("post"), json!([1, 2]), json!(3.5)] {
        for key in keys {
            let reason = corrupt_reason(decode_record(key, &value), key);
            assert_eq!(reason, "stored value is not an object");
        }
    }
    // `{}` is a valid settings record (all defaults), and nothing else.
    for key in keys.iter().filter(|k| **k != "settings") {
        assert!(corrupt_reason(decode_record(key, &json!({})), key).contains("missing field"));
    }
}

#[test]
fn storage_rule_breaking_records_are_invalid_not_corrupt() {
    let mut p = post_json("a", 1);
    p["scheduledAt"] = json!(2_000);
    p["expiresAt"] = json!(1_000);
    assert!(
        matches!(decode_record("post:a", &p), Err(StorageError::Invalid { key, .. }) if key == "post:a")
    );
    assert_eq!(
        decode_record("post:b", &post_json("a", 1)),
        Err(StorageError::KeyMismatch {
            key: "post:b".into(),
            found: "a".into()
        })
    );
    let unsorted = json!({"ids": ["b", "a"], "revision": 1});
    assert!(matches!(
        decode_record("index:post:00", &unsorted),
        Err(StorageError::Invalid { .. })
    ));
    let week = json!({"weekStartsOn": 9});
    assert!(
        matches!(decode_record("settings", &week), Err(StorageError::Invalid { key, .. }) if key == "settings")
    );
    assert_eq!(
        decode_record("nope", &json!({})),
        Err(StorageError::UnknownKey("nope".into()))
    );
}

#[test]
fn storage_schema_record_tolerates_unknown_fields() {
    // An older build must still read the version a newer build wrote.
    let v = json!({"version": 3, "indexBuckets": 64, "addedLater": true});
    assert_eq!(
        decode_record("schema", &v),
        Ok(Record::Schema(SchemaRecord {
            version: 3,
            index_buckets: Some(64)
        }))
    );
    let encoded = encode_record(&Record::Schema(SchemaRecord::current())).unwrap();
    assert_eq!(encoded, json!({"version": 5, "indexBuckets": 64}));
}

#[test]
fn storage_apply_write_bumps_revision_or_conflicts() {
    let created = apply_write(
        "post:a",
        None,
        serde_json::from_value::<Post>(post_json("a", 0)).unwrap(),
    )
    .unwrap();
    assert_eq!(created.revision, 1);
    let mut edit = created.clone();
    edit.text = "edited".into();
    let stored = apply_write("post:a", Some(&created), edit.clone()).unwrap();
    assert_eq!((stored.revision, stored.text.as_str()), (2, "edited"));
    // A second tab still holding revision 1 must not overwrite revision 2.
    assert_eq!(
        apply_write("post:a", Some(&stored), edit),
        Err(StorageError::Conflict {
            key: "post:a".into(),
            expected: 1,
            actual: 2
        })
    );
}

#[test]
fn storage_apply_write_record_on_raw_values() {
    let stored = match apply_write_record("post:a", None, &post_json("a", 0)).unwrap() {
        Record::Post(p) => p,
        other => panic!("{other:?}"),
    };
    assert_eq!(stored.revision, 1);
    let current = serde_json::to_value(&*stored).unwrap();
    let conflict = |expected, actual| StorageError::Conflict {
        key: "post:a".into(),
        expected,
        actual,
    };
    // Create over an existing record, and update of a deleted one.
    assert_eq!(
        apply_write_record("post:a", Some(&current), &post_json("a", 0)),
        Err(conflict(0, 1))
    );
    assert_eq!(
        apply_write_record("post:a", None, &post_json("a", 3)),
        Err(conflict(3, 0))
    );
    assert!(apply_write_record("post:a", Some(&current), &post_json("a", 1)).is_ok());
    // A corrupt stored value blocks the write instead of being overwritten.
    let reason = corrupt_reason(
        apply_write_record("post:a", Some(&json!("{trunc")), &post_json("a", 0)),
        "post:a",
    );
    assert!(reason.contains("not an object"), "{reason}");
    assert_eq!(
        apply_write_record("schema", None, &json!({"version": 3})),
        Err(StorageError::NotWritable {
            key: "schema".into()
        })
    );
    assert!(matches!(
        apply_write_record("post:b", None, &post_json("a", 0)),
        Err(StorageError::KeyMismatch { .. })
    ));
}

#[test]
fn storage_plans_keep_the_index_in_step() {
    let bucket = RecordKey::post("a").index_key().unwrap().to_string();
    let plan = plan_write("post:a", None, &post_json("a", 0), None).unwrap();
    assert_eq!(plan.set.len(), 2);
    assert_eq!(plan.set[&bucket], json!({"ids": ["a"], "revision": 1}));
    // Editing an indexed post writes one record only.
    let plan2 = plan_write(
        "post:a",
        Some(&plan.set["post:a"]),
        &post_json("a", 1),
        Some(&plan.set[&bucket]),
    )
    .unwrap();
    assert_eq!(plan2.set.keys().collect::<Vec<_>>(), ["post:a"]);
    assert_eq!(plan2.set["post:a"]["revision"], 2);

    let stale = plan_delete(
        "post:a",
        Some(1),
        Some(&plan2.set["post:a"]),
        Some(&plan.set[&bucket]),
    );
    assert!(matches!(
        stale,
        Err(StorageError::Conflict {
            expected: 1,
            actual: 2,
            ..
        })
    ));
    let del = plan_delete(
        "post:a",
        Some(2),
        Some(&plan2.set["post:a"]),
        Some(&plan.set[&bucket]),
    )
    .unwrap();
    assert_eq!(del.remove, ["post:a"]);
    assert_eq!(del.set[&bucket], json!({"ids": [], "revision": 2}));
    // A corrupt record can be deleted only without a revision (user confirmed).
    assert!(plan_delete("post:a", Some(0), Some(&json!(7)), None).is_err());
    assert_eq!(
        plan_delete("post:a", None, Some(&json!(7)), None)
            .unwrap()
            .remove,
        ["post:a"]
    );

    let project =
        serde_json::to_value(crate::model::Project::new("p1", "Blog", "UTC", 0).unwrap()).unwrap();
    let plan = plan_write("project:p1", None, &project, None).unwrap();
    assert_eq!(
        plan.set["index:project"],
        json!({"ids": ["p1"], "revision": 1})
    );
}

#[test]
fn storage_bulk_insert_of_10k_posts_is_one_plan_per_chunk() {
    let posts: Vec<Post> = (0..10_000)
        .map(|i| Post::draft(&format!("imp-{i}"), "p1", "text", 0).unwrap())
        .collect();
    let start = std::time::Instant::now();
    let mut indexes = BTreeMap::new();
    let mut total = 0;
    for chunk in posts.chunks(500) {
        let plan = plan_insert_posts(chunk, &indexes).unwrap();
        for (k, v) in plan.set {
            if k.starts_with("index:") {
                indexes.insert(k, v);
            } else {
                assert_eq!(v["revision"], 1);
                total += 1;
            }
        }
    }
    assert_eq!(total, 10_000);
    assert_eq!(indexes.len(), usize::from(INDEX_BUCKETS));
    let listed: usize = indexes
        .values()
        .map(|v| v["ids"].as_array().unwrap().len())
        .sum();
    assert_eq!(listed, 10_000);
    // Printed, not asserted: speed belongs in the benchmarks, not in a timed test.
    eprintln!("planned 10,000 inserts in {:?}", start.elapsed());
    // Re-inserting an existing id is refused, as is a duplicate within a chunk.
    assert_eq!(
        plan_insert_posts(&posts[..1], &indexes),
        Err(StorageError::Exists {
            key: "post:imp-0".into()
        })
    );
    let twice = [posts[0].clone(), posts[0].clone()];
    assert!(matches!(
        plan_insert_posts(&twice, &BTreeMap::new()),
        Err(StorageError::Exists { .. })
    ));
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use proptest::prelude::*;

    use super::*;

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            ".{0,12}".prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            let keys = prop_oneof![
                Just("id".to_string()),
                Just("revision".to_string()),
                Just("version".to_string()),
                Just("posts".to_string()),
                Just("ids".to_string()),
                Just("status".to_string()),
                "[a-zA-Z_]{1,8}",
            ];
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
                prop::collection::btree_map(keys, inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    fn storage_key() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("schema".to_string()),
            Just("settings".to_string()),
            Just("glider".to_string()),
            Just("index".to_string()),
            Just("index:project".to_string()),
            "index:post:[0-9a-f]{2}",
            "(post|project|corrupt):[a-z0-9]{1,4}",
            ".{0,10}",
        ]
    }

    proptest! {
        #[test]
        fn storage_decode_never_panics(key in storage_key(), value in json_value()) {
            let _ = decode_record(&key, &value);
            let _ = apply_write_record(&key, Some(&value), &value);
            let _ = plan_delete(&key, Some(1), Some(&value), Some(&value));
        }

        #[test]
        fn storage_decode_text_never_panics(key in storage_key(), text in ".{0,64}") {
            let _ = decode_record_text(&key, &text);
        }

        #[test]
        fn storage_migrate_never_panics_and_converges(
            items in prop::collection::btree_map(storage_key(), json_value(), 0..8)
        ) {
            if let Ok(m) = migrate(&items) {
                let state = apply_migration(&items, &m);
                for (key, value) in &state {
                    if RecordKey::parse(key).is_ok() {
                        prop_assert!(decode_record(key, value).is_ok(), "{} undecodable", key);
                    }
                }
                let again = migrate(&state).unwrap();
                prop_assert!(again.items.is_empty() && again.remove.is_empty());
            }
        }
    }
}

#[test]
fn storage_settings_remember_the_panel_per_site() {
    // Older v3 settings without `panels` still decode, to an empty map.
    let old = json!({"snoozeMinutes": 10, "revision": 2});
    assert!(decode_record("settings", &old).is_ok());
    let with = json!({"panels": {"x.com": {"open": true, "side": "left"}}, "revision": 3});
    assert!(decode_record("settings", &with).is_ok());
    let bad_side = json!({"panels": {"x.com": {"open": true, "side": "top"}}});
    assert!(decode_record("settings", &bad_side).is_err());
    let extra = json!({"panels": {"x.com": {"open": true, "width": 5}}});
    assert!(decode_record("settings", &extra).is_err());
}
