//! Property tests: the parsers never panic on arbitrary input, and exports
//! round-trip through the importers. (A cargo-fuzz crate in `fuzz/` drives
//! the same entry points with coverage guidance.)

use proptest::prelude::*;

use super::*;
use crate::model::{Post, PostStatus, Project};

/// Text as users write it: any characters, including quotes, separators,
/// formula starters and non-ASCII, no CR (import normalises CRLF) — and,
/// on purpose rather than by luck of the random search, the edge cases
/// that broke round trips before: empty, whitespace-only (a leading tab is
/// a formula starter) and formula-only texts.
fn post_text() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => "[a-zA-Z0-9 ,;\"'=+@\\-\n\t.!?ёжЯ中👋🏽]{0,40}",
        1 => Just(String::new()),
        1 => "[ \t\n]{1,4}",
        1 => "['=+@\t -]{1,3}[a-z]{0,3}",
    ]
}

/// Links and media URLs a CSV import refuses: not http(s), or holding a
/// list separator. The model stores them; CSV export leaves them out.
const BAD_URLS: [&str; 2] = ["javascript:alert(1)", "https://a b.example"];

fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        9 => "[a-z0-9]{1,8}(/[a-z0-9=?&%.-]{0,10})?".prop_map(|s| format!("https://{s}")),
        1 => prop::sample::select(&BAD_URLS[..]).prop_map(str::to_string),
    ]
}

fn good_urls(urls: &[String]) -> Vec<String> {
    urls.iter()
        .filter(|u| !BAD_URLS.contains(&u.as_str()))
        .cloned()
        .collect()
}

fn tag() -> impl Strategy<Value = String> {
    "[a-z0-9 =+@'-]{1,10}"
        .prop_map(|s| s.trim().to_string())
        .prop_filter("non-empty", |s| !s.is_empty())
}

const NETWORKS: [&str; 4] = ["x", "bluesky", "mastodon", "threads"];

prop_compose! {
    // A generator, not a test fn, so clippy's test exemption does not reach it.
    #[allow(clippy::unwrap_used)]
    fn post()(
        text in post_text(),
        variants in prop::collection::btree_map(prop::sample::select(&NETWORKS[..]), post_text(), 0..3),
        networks in prop::sample::subsequence(&NETWORKS[..], 0..=NETWORKS.len()),
        minute in 0i64..5_000_000,
        scheduled in any::<bool>(),
        // Import de-duplicates list cells, so generate distinct items.
        links in prop::collection::btree_set(url(), 0..3),
        media in prop::collection::btree_set(url(), 0..3),
        tags in prop::collection::btree_set(tag(), 0..3),
    ) -> Post {
        let mut p = Post::draft("id", "p1", &text, 0).unwrap();
        p.variants = variants.into_iter().map(|(n, v)| (n.to_string(), v)).collect();
        p.networks = networks.into_iter().map(str::to_string).collect();
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

/// 1..6 posts with distinct ids (`p0`, `p1`, …), so export notes name one post each.
fn posts(min: usize) -> impl Strategy<Value = Vec<Post>> {
    prop::collection::vec(post(), min..6).prop_map(|mut posts| {
        for (i, p) in posts.iter_mut().enumerate() {
            p.id = format!("p{i}");
        }
        posts
    })
}

/// The ids an export noted with `kind`.
fn noted(export: &CsvExport, kind: &ExportNoteKind) -> Vec<String> {
    export
        .notes
        .iter()
        .filter(|n| &n.kind == kind)
        .map(|n| n.post_id.clone())
        .collect()
}

/// The posts a CSV layout can carry: the rule import applies to a row
/// ("the text is empty" is refused); Hootsuite also needs a date.
fn carried(p: &Post, layout: CsvLayout) -> bool {
    let text = !p.main_text().0.is_empty();
    match layout {
        CsvLayout::Publer => text,
        CsvLayout::Hootsuite => text && p.scheduled_at.is_some(),
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
    fn interop_json_round_trip(posts in posts(0)) {
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
    fn interop_csv_publer_round_trip(posts in posts(1)) {
        let out = export_csv(&posts, CsvLayout::Publer, "Europe/Berlin").unwrap();
        let written: Vec<&Post> = posts.iter().filter(|p| carried(p, CsvLayout::Publer)).collect();
        let left_out: Vec<String> = posts.iter().filter(|p| !carried(p, CsvLayout::Publer)).map(|p| p.id.clone()).collect();
        // Every post is either written or named as left out: none vanishes.
        prop_assert_eq!(noted(&out, &ExportNoteKind::SkippedEmpty), left_out);
        prop_assert_eq!(out.rows, written.len());
        let mut options = CsvOptions::new("Europe/Berlin", 0);
        options.project_id = "p1".into();
        let back = parse_csv(out.text.as_bytes(), &options);
        if written.is_empty() {
            // A header and nothing else.
            prop_assert!(matches!(back, Err(InteropError::Empty)), "{:?}\n{}", back.as_ref().map(|b| &b.errors), out.text);
            return Ok(());
        }
        let back = back.unwrap();
        // Every row written is one import accepts.
        prop_assert!(back.errors.is_empty(), "{:?}\n{}", back.errors, out.text);
        prop_assert_eq!(back.posts.len(), written.len());
        for (orig, got) in written.iter().zip(&back.posts) {
            prop_assert_eq!(got.text.as_str(), orig.main_text().0);
            prop_assert_eq!(&got.links, &good_urls(&orig.links));
            prop_assert_eq!(&got.media, &good_urls(&orig.media));
            prop_assert_eq!(&got.tags, &orig.tags);
            // Berlin's repeated hour is read as its first occurrence.
            let drift = got.scheduled_at.zip(orig.scheduled_at).map_or(0, |(g, o)| o - g);
            prop_assert!(drift == 0 || drift == 3_600_000);
            prop_assert_eq!(got.scheduled_at.is_some(), orig.scheduled_at.is_some());
        }
    }

    #[test]
    fn interop_csv_hootsuite_round_trip(posts in posts(1)) {
        let out = export_csv(&posts, CsvLayout::Hootsuite, "UTC").unwrap();
        let written: Vec<&Post> = posts.iter().filter(|p| carried(p, CsvLayout::Hootsuite)).collect();
        let mut left_out = noted(&out, &ExportNoteKind::SkippedEmpty);
        left_out.extend(noted(&out, &ExportNoteKind::SkippedUndated));
        left_out.sort();
        let expected: Vec<String> = posts.iter().filter(|p| !carried(p, CsvLayout::Hootsuite)).map(|p| p.id.clone()).collect();
        prop_assert_eq!(left_out, expected);
        prop_assert_eq!(out.rows, written.len());
        let back = parse_csv(out.text.as_bytes(), &CsvOptions::new("UTC", 0));
        if written.is_empty() {
            prop_assert!(matches!(back, Err(InteropError::Empty)), "{:?}\n{}", back.as_ref().map(|b| &b.errors), out.text);
            return Ok(());
        }
        let back = back.unwrap();
        prop_assert!(back.errors.is_empty(), "{:?}\n{}", back.errors, out.text);
        prop_assert_eq!(back.format, CsvFormat::Hootsuite);
        prop_assert_eq!(back.posts.len(), written.len());
        for (orig, got) in written.iter().zip(&back.posts) {
            prop_assert_eq!(got.text.as_str(), orig.main_text().0);
            // One link column; no media or labels.
            let first: Vec<String> = good_urls(&orig.links).into_iter().take(1).collect();
            prop_assert_eq!(&got.links, &first);
            prop_assert!(got.media.is_empty() && got.tags.is_empty());
            prop_assert_eq!(got.scheduled_at, orig.scheduled_at);
        }
    }

    #[test]
    fn interop_ics_has_one_readable_event_per_scheduled_post(posts in posts(0)) {
        let ics = export_ics(&posts, &[Project::new("p1", "Blog", "UTC", 0).unwrap()], 1_700_000_000_000);
        for line in ics.split("\r\n") {
            prop_assert!(line.len() <= 75, "{} octets: {:?}", line.len(), line);
        }
        // Read back by an independent parser (the icalendar crate).
        let calendar: icalendar::Calendar = ics.parse().map_err(|e| TestCaseError::fail(format!("{e}\n{ics}")))?;
        let events: Vec<_> = calendar.components.iter().filter_map(|c| c.as_event()).collect();
        let scheduled: Vec<&Post> = posts.iter().filter(|p| p.scheduled_at.is_some()).collect();
        prop_assert_eq!(events.len(), scheduled.len());
        for post in scheduled {
            use icalendar::Component as _;
            let uid = format!("{}@glider", post.id);
            let event = events.iter().find(|e| e.get_uid() == Some(uid.as_str()));
            prop_assert!(event.is_some(), "{} missing\n{}", uid, ics);
            let event = event.unwrap();
            let at = chrono::DateTime::from_timestamp_millis(post.scheduled_at.unwrap_or_default()).unwrap();
            prop_assert_eq!(event.get_start(), Some(icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(at))));
            // Never an empty title: the main text (a variant's when the base
            // text is blank), else a link, else "(no text)".
            let summary = event.get_summary().unwrap_or_default();
            prop_assert!(summary.starts_with("[Blog] ") && summary.len() > "[Blog] ".len(), "{:?}", summary);
        }
    }

    #[test]
    fn interop_formula_escape_round_trips(cell in "['=+@\t\r -]{0,4}[a-z=]{0,4}") {
        let escaped = escape_formula(&cell);
        prop_assert_eq!(unescape_formula(&escaped), cell.as_str());
        prop_assert!(!escaped.starts_with(['=', '+', '-', '@', '\t', '\r']));
    }
}
