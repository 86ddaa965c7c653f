//! Every schema version's fixture migrates forward to the current version.

use serde_json::Value;

use super::*;
use crate::model::PostStatus;
use crate::storage::{decode_record, Record, Theme};

fn fixture(name: &str) -> StorageMap {
    let text = match name {
        "v1" => include_str!("../../../tests/fixtures/storage/v1.json"),
        "v2" => include_str!("../../../tests/fixtures/storage/v2.json"),
        "v3" => include_str!("../../../tests/fixtures/storage/v3.json"),
        "v4" => include_str!("../../../tests/fixtures/storage/v4.json"),
        "v5" => include_str!("../../../tests/fixtures/storage/v5.json"),
        _ => panic!("no fixture {name}"),
    };
    serde_json::from_str(text).unwrap()
}

/// Migrate, apply, and check the invariants every migration must keep.
fn migrate_fully(items: &StorageMap) -> (Migrated, StorageMap) {
    let m = migrate(items).unwrap();
    assert_eq!(m.to_version, SCHEMA_VERSION);
    let state = apply_migration(items, &m);
    // Every Glider record decodes at the current version.
    for (key, value) in &state {
        if RecordKey::parse(key).is_ok() {
            decode_record(key, value).unwrap_or_else(|e| panic!("{key}: {e}"));
        }
    }
    // Indexes list exactly the stored posts and projects.
    let mut posts: Vec<&str> = state
        .keys()
        .filter_map(|k| k.strip_prefix("post:"))
        .collect();
    let mut indexed: Vec<String> = state
        .iter()
        .filter(|(k, _)| k.starts_with("index:post:"))
        .flat_map(|(_, v)| {
            serde_json::from_value::<IndexRecord>(v.clone())
                .unwrap()
                .ids
        })
        .collect();
    posts.sort();
    indexed.sort();
    assert_eq!(posts, indexed);
    // A second run has nothing left to do.
    let again = migrate(&state).unwrap();
    assert_eq!(
        (again.from_version, again.items.len(), again.remove.len()),
        (SCHEMA_VERSION, 0, 0)
    );
    (m, state)
}

fn post(state: &StorageMap, id: &str) -> crate::model::Post {
    match decode_record(&format!("post:{id}"), &state[&format!("post:{id}")]).unwrap() {
        Record::Post(p) => *p,
        other => panic!("{other:?}"),
    }
}

fn quarantined(state: &StorageMap, key: &str) -> Quarantined {
    serde_json::from_value(state[&format!("corrupt:{key}")].clone()).unwrap()
}

#[test]
fn storage_migrates_v1_blob_to_current() {
    let items = fixture("v1");
    let (m, state) = migrate_fully(&items);
    assert_eq!(m.from_version, 1);
    assert_eq!(m.remove, vec!["glider".to_string()]);
    // Foreign keys are neither rewritten nor removed.
    assert!(!m.items.contains_key("ui:lastTab"));
    assert_eq!(state["ui:lastTab"], "calendar");

    let a1 = post(&state, "a1");
    assert_eq!(
        a1.scheduled_at,
        Some(1_735_722_000_000),
        "seconds become ms"
    );
    assert_eq!(a1.status, PostStatus::Scheduled);
    assert_eq!(a1.text, "Launch day! 🚀");
    assert_eq!(a1.tags, ["launch", "news"]);
    assert_eq!(a1.links, ["https://example.com/launch"]);
    assert_eq!(a1.planned_zone.as_deref(), Some("Europe/Berlin"));
    assert_eq!(
        (a1.created_at, a1.updated_at, a1.revision),
        (1_700_000_100_000, 1_700_000_200_000, 1)
    );
    let a2 = post(&state, "a2");
    assert_eq!(
        (a2.status, a2.scheduled_at, a2.updated_at),
        (PostStatus::Draft, None, 1_700_000_300_000)
    );
    let a3 = post(&state, "a3");
    assert_eq!(
        (a3.status, a3.published_at),
        (PostStatus::Published, Some(1_704_067_200_000))
    );
    let a4 = post(&state, "a4");
    assert_eq!(a4.status, PostStatus::Missed);
    assert_eq!(a4.text, "Нова колекція: «Привіт», Việt Nam");

    // Nothing is lost: unconvertible items are quarantined verbatim.
    let bad = quarantined(&state, "post:bad-time");
    assert_eq!(bad.value["scheduledTime"], "tomorrow");
    assert_eq!(bad.schema_version, 1);
    assert_eq!(
        quarantined(&state, "glider/posts/5").value["body"],
        "no id at all"
    );
    assert_eq!(quarantined(&state, "post:a1").value["body"], "duplicate id");
    let zone = quarantined(&state, "project:p-bad");
    assert_eq!(zone.schema_version, 2, "failed the v2 → v3 conversion");
    assert!(zone.reason.contains("Mars/Olympus"), "{}", zone.reason);
    assert_eq!(m.warnings.len(), 4, "{:?}", m.warnings);

    let settings: crate::storage::Settings =
        serde_json::from_value(state["settings"].clone()).unwrap();
    assert_eq!(settings.reminder_lead_minutes, 15);
    assert_eq!(settings.theme, Theme::Dark);
    assert_eq!(settings.default_project_id.as_deref(), Some("p-blog"));
    let projects: IndexRecord = serde_json::from_value(state["index:project"].clone()).unwrap();
    assert_eq!(projects.ids, ["p-blog", "p-shop"]);
}

#[test]
fn storage_migrates_v2_items_to_current() {
    let items = fixture("v2");
    let (m, state) = migrate_fully(&items);
    assert_eq!(m.from_version, 2);
    assert!(m.remove.contains(&"index".to_string()));

    let b1 = post(&state, "b1");
    assert_eq!(b1.variants["x"], "Short for X");
    assert_eq!(b1.variants["mastodon"], "Longer for Mastodon");
    assert_eq!(b1.expires_at, Some(1_735_722_000_000 + 24 * 3_600_000));
    let b2 = post(&state, "b2");
    assert_eq!(b2.expires_at, None);
    assert!(m
        .warnings
        .iter()
        .any(|w| w.starts_with("post:b2: deleteAfterHours 48 dropped")));
    assert_eq!(
        post(&state, "b3").expires_at,
        Some(1_704_067_260_000 + 3_600_000),
        "counted from publishing"
    );
    // The stale v2 index is healed: b4 is indexed, "gone" is not.
    assert_eq!(post(&state, "b4").status, PostStatus::Archived);
    assert!(!state.contains_key("post:gone"));

    for (key, needle) in [
        ("post:b5", "does not match"),
        ("post:b6", "sched"),
        ("post:b7", "Europe/Atlantis"),
    ] {
        let q = quarantined(&state, key);
        assert_eq!(q.value, items[key]);
        assert!(q.reason.contains(needle), "{key}: {}", q.reason);
        assert!(!state.contains_key(key));
    }

    let project = match decode_record("project:p-blog", &state["project:p-blog"]).unwrap() {
        Record::Project(p) => p,
        other => panic!("{other:?}"),
    };
    let slots = |n: &str| {
        project.slots[n]
            .iter()
            .map(|s| (s.weekday, s.minute))
            .collect::<Vec<_>>()
    };
    assert_eq!(slots("x"), [(0, 540), (4, 810)], "sorted and deduplicated");
    assert_eq!(slots("mastodon"), [(2, 1095)]);
    assert!(m.warnings.iter().any(|w| w.contains("\"tue 25:00\"")));
    assert_eq!(project.networks[1].label, "@glider@mastodon.social");
}

#[test]
fn storage_v2_fixture_migrates_to_the_v3_fixture() {
    // v3.json is the exact result of migrating v2.json to v3. Migrating goes
    // on to the current version, which (from v3 on) changes only the stamp.
    let v2 = fixture("v2");
    let state = apply_migration(&v2, &migrate(&v2).unwrap());
    let expected = fixture("v3");
    assert_eq!(
        state.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    for (key, value) in &expected {
        if key == "schema" {
            assert_eq!(state[key]["version"], SCHEMA_VERSION);
            assert_eq!(state[key]["indexBuckets"], value["indexBuckets"]);
        } else {
            assert_eq!(&state[key], value, "{key}");
        }
    }
}

#[test]
fn storage_v3_and_v4_fixtures_migrate_by_the_stamp_alone() {
    for (name, from) in [("v3", 3), ("v4", 4)] {
        let old = fixture(name);
        let (m, state) = migrate_fully(&old);
        assert_eq!(m.from_version, from);
        assert_eq!(m.items.keys().collect::<Vec<_>>(), ["schema"]);
        assert!(m.remove.is_empty() && m.warnings.is_empty());
        assert_eq!(state["schema"]["version"], 5);
        // Every older record is a valid v5 record, unchanged.
        for (key, value) in &old {
            if key != "schema" {
                assert_eq!(&state[key], value, "{name} {key}");
            }
        }
    }
}

#[test]
fn storage_v4_fixture_holds_threads_and_overrides() {
    // v4.json: the v3 fixture at v4, plus a thread post and a post scheduled
    // "anyway" (the two fields v4 added).
    let v4 = fixture("v4");
    let (m, state) = migrate_fully(&v4);
    assert_eq!(m.from_version, 4);
    let c1 = post(&state, "c1");
    let thread = c1.thread.expect("c1 is a thread");
    assert_eq!(thread.network, "x");
    assert_eq!(thread.parts.len(), 2);
    assert!(thread.parts[0].ends_with(" 1/2"), "{:?}", thread.parts);
    let c2 = post(&state, "c2");
    let o = c2.rule_override.expect("c2 was scheduled anyway");
    assert_eq!(Some(o.at_ms), c2.scheduled_at);
    assert_eq!(o.rules, ["minGap"]);
    // A v3 build would have quarantined c1 and c2 (unknown fields); the
    // stamp makes it refuse the whole store instead, losing nothing.
    for (key, value) in fixture("v3") {
        if key != "schema" && !key.starts_with("index:") {
            assert_eq!(state[&key], value, "{key}");
        }
    }
}

#[test]
fn storage_current_fixture_needs_no_migration() {
    // v5.json: the v4 fixture at v5, plus a project whose X account is
    // Premium (the field v5 added).
    let v5 = fixture("v5");
    let (m, state) = migrate_fully(&v5);
    assert_eq!((m.from_version, m.items.len(), m.remove.len()), (5, 0, 0));
    let project = match decode_record("project:p-long", &state["project:p-long"]).unwrap() {
        Record::Project(p) => *p,
        other => panic!("{other:?}"),
    };
    let premium: Vec<(&str, bool)> = project
        .networks
        .iter()
        .map(|a| (a.network.as_str(), a.premium))
        .collect();
    assert_eq!(
        premium,
        [("x", true), ("bluesky", false), ("threads", false)]
    );
    // Everything else is the v4 fixture as it was.
    for (key, value) in fixture("v4") {
        if key != "schema" && key != "index:project" {
            assert_eq!(state[&key], value, "{key}");
        }
    }
    // A v4 build decodes projects with deny_unknown_fields: this project is
    // what it would have reported corrupt, hence the stamp.
    let mut v4_shape = state["project:p-long"].clone();
    v4_shape["networks"][0]["evilTwin"] = Value::Bool(true);
    assert!(decode_record("project:p-long", &v4_shape).is_err());
}

#[test]
fn storage_fresh_install_gets_a_layout() {
    let empty = StorageMap::new();
    let (m, state) = migrate_fully(&empty);
    assert_eq!(m.from_version, 0);
    assert!(m.remove.is_empty());
    assert_eq!(state["schema"]["version"], SCHEMA_VERSION);
    assert_eq!(state["index:project"]["ids"], Value::Array(vec![]));
    assert!(state.contains_key("settings"));
}

#[test]
fn storage_refuses_unknown_or_future_versions() {
    let map = |json: &str| serde_json::from_str::<StorageMap>(json).unwrap();
    assert_eq!(
        migrate(&map(r#"{"schema":{"version":6}}"#)),
        Err(StorageError::FutureVersion {
            found: 6,
            supported: 5
        })
    );
    for bad in [
        r#"{"schema":"3"}"#,
        r#"{"schema":{"version":-1}}"#,
        r#"{"post:a":{}}"#,
    ] {
        match migrate(&map(bad)) {
            Err(StorageError::Corrupt { key, .. }) => assert_eq!(key, "schema", "{bad}"),
            other => panic!("{bad}: {other:?}"),
        }
    }
}

#[test]
fn storage_unreadable_v1_blob_is_quarantined_not_lost() {
    let items: StorageMap = serde_json::from_str(r#"{"glider":"{\"posts\":[tru"}"#).unwrap();
    let (m, state) = migrate_fully(&items);
    assert_eq!(m.from_version, 1);
    assert_eq!(quarantined(&state, "glider").value, items["glider"]);
    assert!(state.contains_key("settings"));
}

#[test]
fn storage_v4_thread_posts_keep_their_limits() {
    let mut p = post(&fixture("v4"), "c1");
    p.thread.as_mut().unwrap().parts = vec![String::new(); crate::model::MAX_THREAD_PARTS + 1];
    assert!(p.validate().is_err());
    p.thread.as_mut().unwrap().parts.truncate(2);
    p.thread.as_mut().unwrap().limit = Some(0);
    assert!(p.validate().is_err(), "a zero limit");
    p.thread.as_mut().unwrap().limit = Some(1_000);
    assert!(p.validate().is_ok(), "an instance's own limit");
    p.thread.as_mut().unwrap().network.clear();
    assert!(p.validate().is_err());
}
