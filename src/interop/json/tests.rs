use super::*;
use crate::model::PostStatus;

fn sample() -> BackupData {
    let mut blog = Project::new("p-blog", "Blog", "Europe/Berlin", 1_000).unwrap();
    blog.slots.insert(
        "x".into(),
        vec![crate::model::Slot {
            weekday: 0,
            minute: 540,
        }],
    );
    let news = Project::new("p-news", "Новини", "Asia/Ho_Chi_Minh", 2_000).unwrap();
    let mut a = Post::draft("z-last", "p-blog", "Hello \"world\" 👋🏽\nline2", 3_000).unwrap();
    a.status = PostStatus::Scheduled;
    a.scheduled_at = Some(1_735_722_000_000);
    a.variants.insert("x".into(), "short".into());
    a.revision = 4;
    let b = Post::draft("a-first", "p-news", "Việt Nam", 4_000).unwrap();
    BackupData {
        projects: vec![news, blog],
        posts: vec![a, b],
        settings: Some(Settings {
            default_project_id: Some("p-blog".into()),
            ..Settings::default()
        }),
    }
}

#[test]
fn interop_json_round_trip_is_byte_identical() {
    let first = export_json(&sample()).unwrap();
    let imported = import_json(&first);
    assert!(imported.errors.is_empty(), "{:?}", imported.errors);
    let data = imported.data.unwrap();
    assert_eq!(data.posts[0].id, "a-first", "sorted by id");
    let second = export_json(&data).unwrap();
    assert_eq!(first, second);
    assert!(first.starts_with("{\n  \"format\": \"glider-backup\",\n"));
    assert!(first.ends_with("}\n"));
    // Keys are sorted at every level.
    let a = first.find("\"createdAt\"").unwrap();
    let b = first.find("\"id\"").unwrap();
    assert!(a < b);
}

#[test]
fn interop_json_reordered_input_exports_canonically() {
    let canonical = export_json(&sample()).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&canonical).unwrap();
    value["posts"].as_array_mut().unwrap().reverse();
    let compact = serde_json::to_string(&value).unwrap();
    let data = import_json(&format!("\u{feff}{compact}")).data.unwrap();
    assert_eq!(export_json(&data).unwrap(), canonical);
}

#[test]
fn interop_json_reports_every_problem_with_its_path() {
    let text = r#"{
        "format": "glider-backup", "version": 1, "extra": true,
        "projects": [
            {"id": "p", "name": "P", "timeZone": "UTC", "createdAt": 0, "updatedAt": 0},
            {"id": "p", "name": "Dup", "timeZone": "Mars/Base", "createdAt": 0, "updatedAt": 0}
        ],
        "posts": [
            {"id": "a", "projectId": "p", "text": "t", "status": "draft", "createdAt": 0, "updatedAt": "soon"},
            {"id": "b", "projectId": "nope", "text": "t", "status": "draft", "createdAt": 0, "updatedAt": 0, "__proto__": {}},
            {"id": "c", "projectId": "nope", "text": "t", "status": "draft", "createdAt": 0, "updatedAt": 0},
            {"id": "d", "projectId": "p", "text": "t", "status": "scheduled", "scheduledAt": 253402300800000, "createdAt": 0, "updatedAt": 0},
            [1, 2]
        ],
        "settings": {"weekStartsOn": 8}
    }"#;
    let r = import_json(text);
    assert_eq!(r.data, None);
    let paths: Vec<&str> = r.errors.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "projects[1]",
            "posts[0].updatedAt",
            "posts[1].__proto__",
            "posts[3]",
            "posts[4]",
            "settings",
            "extra",
            "projects[1].id",
            "posts[2].projectId",
        ],
        "{:#?}",
        r.errors
    );
    assert!(r.errors[0].message.contains("Mars/Base"));
    assert!(r.errors[3].message.contains("outside the supported range"));
}

#[test]
fn interop_json_rejects_wrong_files() {
    let one = |text: &str| {
        import_json(text)
            .errors
            .into_iter()
            .map(|p| (p.path, p.message))
            .collect::<Vec<_>>()
    };
    assert!(
        one("{\"format\": \"glider-backup\", \"version\": 1, \"posts\": [")
            .first()
            .unwrap()
            .1
            .contains("not valid JSON")
    );
    assert_eq!(
        one("[]"),
        [(String::new(), "a backup is a JSON object".to_string())]
    );
    let newer = one(r#"{"format":"glider-backup","version":2}"#);
    assert_eq!(newer[0].0, "version");
    assert!(newer[0].1.contains("newer Glider"));
    assert_eq!(one(r#"{"format":"other","version":1}"#)[0].0, "format");
    assert_eq!(
        one(r#"{"format":"glider-backup","version":1,"posts":{}}"#)[0].0,
        "posts"
    );
    let empty = import_json(r#"{"format":"glider-backup","version":1}"#);
    assert_eq!(empty.data, Some(BackupData::default()));
}
