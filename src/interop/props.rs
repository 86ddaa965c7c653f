//! Property tests: the parsers never panic on arbitrary input, and exports
//! round-trip through the importers. (A cargo-fuzz crate in `fuzz/` drives
//! the same entry points with coverage guidance.)

use proptest::prelude::*;

use super::*;
use crate::model::{Post, PostStatus, Project};

/// Text as users write it: any characters, including quotes, separators,
/// formula starters and non-ASCII, trimmed, no CR (import normalises CRLF).
fn post_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,;\"'=+@\\-\n\t.!?ёжЯ中👋🏽]{0,40}".prop_map(|s| s.trim().replace('\r', ""))
}

fn url() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,8}(/[a-z0-9=?&%.-]{0,10})?".prop_map(|s| format!("https://{s}"))
}

fn tag() -> impl Strategy<Value = String> {
    "[a-z0-9 =+@'-]{1,10}"
        .prop_map(|s| s.trim().to_string())
        .prop_filter("non-empty", |s| !s.is_empty())
}

prop_compose! {
    // A generator, not a test fn, so clippy's test exemption does not reach it.
    #[allow(clippy::unwrap_used)]
    fn post()(
        id in "[a-z0-9-]{1,12}",
        text in post_text(),
        minute in 0i64..5_000_000,
        scheduled in any::<bool>(),
        // Import de-duplicates list cells, so generate distinct items.
        links in prop::collection::btree_set(url(), 0..3),
        media in prop::collection::btree_set(url(), 0..3),
        tags in prop::collection::btree_set(tag(), 0..3),
    ) -> Post {
        let mut p = Post::draft(&id, "p1", &text, 0).unwrap();
        if scheduled {
            p.status = PostStatus::Scheduled;
            // Whole minutes from 2030: CSV dates carry minutes, and are future.
            p.scheduled_at = Some(1_893_456_000_000 + minute * 60_000);
        }
        p.links = links.into_iter().collect();
        p.media = media.into_iter().collect();
        p.tags = tags.into_iter().collect();
        p
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn interop_csv_parser_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let mut options = CsvOptions::new("America/New_York", 0);
        options.keep_valid = true;
        if let Ok(r) = parse_csv(&bytes, &options) {
            prop_assert_eq!(r.posts.len(), r.valid_rows);
            prop_assert!(r.valid_rows + r.errors.len() == r.rows);
        }
    }

    #[test]
    fn interop_csv_parser_never_panics_on_csvish_text(text in "[a-z0-9/:.,;\"\r\n =+-@\t'_]{0,300}") {
        let _ = parse_csv(text.as_bytes(), &CsvOptions::new("UTC", 0));
        let _ = parse_date(&text, crate::tz::Zone::UTC, DateOrder::Mdy);
    }

    #[test]
    fn interop_json_parser_never_panics(text in ".{0,300}") {
        let r = import_json(&text);
        prop_assert!(r.data.is_none() || r.errors.is_empty());
    }

    #[test]
    fn interop_json_round_trip(posts in prop::collection::vec(post(), 0..6)) {
        let mut posts = posts;
        posts.sort_by(|a, b| a.id.cmp(&b.id));
        posts.dedup_by(|a, b| a.id == b.id);
        let data = BackupData {
            projects: vec![Project::new("p1", "Blog", "UTC", 0).unwrap()],
            posts,
            settings: None,
        };
        let first = export_json(&data).unwrap();
        let back = import_json(&first);
        prop_assert!(back.errors.is_empty(), "{:?}", back.errors);
        prop_assert_eq!(back.data.as_ref(), Some(&data));
        prop_assert_eq!(export_json(&data).unwrap(), first);
    }

    #[test]
    fn interop_csv_publer_round_trip(posts in prop::collection::vec(post(), 1..6)) {
        let csv = export_csv(&posts, CsvLayout::Publer, Some("Europe/Berlin")).unwrap();
        let mut options = CsvOptions::new("Europe/Berlin", 0);
        options.project_id = "p1".into();
        let back = parse_csv(csv.as_bytes(), &options);
        // Rows with no text, link or media are rejected on import by design;
        // a file of only such rows has no content at all.
        let importable: Vec<&Post> = posts.iter().filter(|p| !(p.text.is_empty() && p.links.is_empty() && p.media.is_empty())).collect();
        if importable.is_empty() {
            prop_assert!(matches!(back, Err(InteropError::Empty)), "{:?}\n{}", back.as_ref().map(|b| &b.errors), csv);
            return Ok(());
        }
        let back = back.unwrap();
        if importable.len() == posts.len() {
            prop_assert!(back.errors.is_empty(), "{:?}\n{}", back.errors, csv);
            for (orig, got) in importable.iter().zip(&back.posts) {
                prop_assert_eq!(&got.text, &orig.text);
                prop_assert_eq!(&got.links, &orig.links);
                prop_assert_eq!(&got.media, &orig.media);
                prop_assert_eq!(&got.tags, &orig.tags);
                // Berlin's repeated hour is read as its first occurrence.
                let drift = got.scheduled_at.zip(orig.scheduled_at).map_or(0, |(g, o)| o - g);
                prop_assert!(drift == 0 || drift == 3_600_000);
                prop_assert_eq!(got.scheduled_at.is_some(), orig.scheduled_at.is_some());
            }
        }
    }

    #[test]
    fn interop_csv_hootsuite_round_trip(posts in prop::collection::vec(post(), 1..6)) {
        let csv = export_csv(&posts, CsvLayout::Hootsuite, Some("UTC")).unwrap();
        let mut options = CsvOptions::new("UTC", 0);
        options.keep_valid = true;
        let back = parse_csv(csv.as_bytes(), &options);
        if let Ok(back) = back {
            for got in &back.posts {
                let orig = posts.iter().find(|p| p.text == got.text && p.scheduled_at == got.scheduled_at);
                prop_assert!(orig.is_some(), "{:?} not in the export\n{}", got, csv);
            }
        }
    }

    #[test]
    fn interop_formula_escape_round_trips(cell in "['=+@\t\r -]{0,4}[a-z=]{0,4}") {
        let escaped = escape_formula(&cell);
        prop_assert_eq!(unescape_formula(&escaped), cell.as_str());
        prop_assert!(!escaped.starts_with(['=', '+', '-', '@', '\t', '\r']));
    }
}
