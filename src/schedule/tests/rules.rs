//! Frequency rules and their explanations.

use super::*;
use crate::schedule::{check_schedule, Conflict, ScheduleError};

const NOW: &str = "2026-03-01T00:00:00Z";

#[test]
fn min_gap_reports_the_other_post_and_allows_exactly_the_gap() {
    let mut p = project("UTC");
    p.rules.push(rule("x", 60, 0, None));
    let ten = utc("2026-03-02T10:00:00Z");
    let posts = vec![
        post("a", &["x"], Some(ten)),
        post("m", &["mastodon"], Some(ten + 30 * MIN)),
    ];
    let b = post("b", &["x", "mastodon"], None);
    let got = check_schedule(&p, &posts, &b, ten + 30 * MIN, utc(NOW)).unwrap();
    assert_eq!(
        got,
        vec![Conflict::MinGap {
            network: "x".into(),
            other_post_id: "a".into(),
            other_at_ms: ten,
            gap_minutes: 30,
            required_minutes: 60,
        }]
    );
    // Before it too, and exactly one hour away is allowed.
    assert_eq!(
        check_schedule(&p, &posts, &b, ten - 59 * MIN, utc(NOW))
            .unwrap()
            .len(),
        1
    );
    assert!(check_schedule(&p, &posts, &b, ten + 60 * MIN, utc(NOW))
        .unwrap()
        .is_empty());
    assert!(check_schedule(&p, &posts, &b, ten - 60 * MIN, utc(NOW))
        .unwrap()
        .is_empty());
}

#[test]
fn max_per_day_counts_the_local_calendar_day() {
    let zone = "Europe/Berlin";
    let mut p = project(zone);
    p.rules.push(rule("x", 0, 2, None));
    let posts = vec![
        post("a", &["x"], Some(local(zone, "2026-03-08 09:00"))),
        post("b", &["x"], Some(local(zone, "2026-03-08 13:00"))),
    ];
    let c = post("c", &["x"], None);
    // 23:30 Berlin on 8 March is 22:30 UTC: same local day → full.
    let late = local(zone, "2026-03-08 23:30");
    let got = check_schedule(&p, &posts, &c, late, utc(NOW)).unwrap();
    assert_eq!(
        got,
        vec![Conflict::MaxPerDay {
            network: "x".into(),
            day: "2026-03-08".into(),
            count: 2,
            max: 2,
        }]
    );
    // 00:30 Berlin on 9 March is still 8 March in UTC, but a new local day.
    let next = local(zone, "2026-03-09 00:30");
    assert_eq!(utc("2026-03-08T23:30:00Z"), next);
    assert!(check_schedule(&p, &posts, &c, next, utc(NOW))
        .unwrap()
        .is_empty());
    // Rescheduling one of the two within its own day is fine: it does not count itself.
    assert!(check_schedule(&p, &posts, &posts[1], late, utc(NOW))
        .unwrap()
        .is_empty());
}

#[test]
fn quiet_hours_wrap_midnight_in_local_time() {
    let zone = "America/New_York";
    let mut p = project(zone);
    p.rules.push(rule("x", 0, 0, Some((22 * 60, 7 * 60))));
    let q = post("q", &["x"], None);
    let check = |s: &str| check_schedule(&p, &[], &q, local(zone, s), utc(NOW)).unwrap();
    assert_eq!(
        check("2026-03-10 23:30"),
        vec![Conflict::QuietHours {
            network: "x".into(),
            local_time: "23:30".into(),
            start: 22 * 60,
            end: 7 * 60,
        }]
    );
    assert_eq!(check("2026-03-10 06:59").len(), 1);
    assert_eq!(check("2026-03-10 22:00").len(), 1);
    assert!(check("2026-03-10 07:00").is_empty());
    assert!(check("2026-03-10 21:59").is_empty());
    // A post on another network is not bound by x's quiet hours.
    let m = post("m", &["mastodon"], None);
    assert!(
        check_schedule(&p, &[], &m, local(zone, "2026-03-10 23:30"), utc(NOW))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn every_conflict_is_explained_at_once_and_serialises_with_a_kind() {
    let mut p = project("UTC");
    p.rules.push(rule("x", 120, 1, Some((0, 6 * 60))));
    p.rules.push(rule("bluesky", 30, 0, None));
    let at = utc("2026-03-02T05:00:00Z");
    let posts = vec![post("a", &["x", "bluesky"], Some(at + 10 * MIN))];
    let mut b = post("b", &["x", "bluesky", "x"], None);
    b.expires_at = Some(at);
    let got = check_schedule(&p, &posts, &b, at, at + HOUR).unwrap();
    let kinds: Vec<String> = got
        .iter()
        .map(|c| {
            serde_json::to_value(c).unwrap()["kind"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    // x is listed twice in the post but explained once.
    assert_eq!(
        kinds,
        [
            "inPast",
            "afterExpiry",
            "quietHours",
            "maxPerDay",
            "minGap",
            "minGap"
        ]
    );
    let json = serde_json::to_string(&got[4]).unwrap();
    assert_eq!(
        json,
        format!(
            r#"{{"kind":"minGap","network":"x","otherPostId":"a","otherAtMs":{},"gapMinutes":10,"requiredMinutes":120}}"#,
            at + 10 * MIN
        )
    );
    assert_eq!(
        serde_json::to_string(&got[3]).unwrap(),
        r#"{"kind":"maxPerDay","network":"x","day":"2026-03-02","count":1,"max":1}"#
    );
    let back: Vec<Conflict> = serde_json::from_value(serde_json::to_value(&got).unwrap()).unwrap();
    assert_eq!(back, got);
}

#[test]
fn only_live_posts_of_the_same_project_occupy_time() {
    let mut p = project("UTC");
    p.rules.push(rule("x", 60, 0, None));
    let at = utc("2026-03-02T10:00:00Z");
    let mut draft = post("draft", &["x"], None);
    draft.scheduled_at = Some(at);
    let mut missed = post("missed", &["x"], Some(at));
    missed.status = PostStatus::Missed;
    let mut other = post("other", &["x"], Some(at));
    other.project_id = "p2".into();
    let quiet = vec![draft, missed, other];
    let me = post("me", &["x"], None);
    assert!(check_schedule(&p, &quiet, &me, at, utc(NOW))
        .unwrap()
        .is_empty());
    // A published post counts where it actually went out.
    let mut published = post("pub", &["x"], Some(at - 5 * HOUR));
    published.status = PostStatus::Published;
    published.published_at = Some(at - 20 * MIN);
    let got = check_schedule(&p, &[published], &me, at, utc(NOW)).unwrap();
    assert!(
        matches!(
            &got[..],
            [Conflict::MinGap {
                gap_minutes: 20,
                ..
            }]
        ),
        "{got:?}"
    );
}

#[test]
fn in_past_and_wrong_project_and_bad_times() {
    let p = project("UTC");
    let me = post("me", &["x"], None);
    let now = utc("2026-03-02T10:00:00Z");
    assert_eq!(
        check_schedule(&p, &[], &me, now - 1, now).unwrap(),
        vec![Conflict::InPast {
            at_ms: now - 1,
            now_ms: now,
        }]
    );
    assert!(check_schedule(&p, &[], &me, now, now).unwrap().is_empty());
    let mut stranger = me.clone();
    stranger.project_id = "p9".into();
    let err = check_schedule(&p, &[], &stranger, now, now).unwrap_err();
    assert_eq!(err.variant(), "ProjectMismatch");
    let err = check_schedule(&p, &[], &me, i64::MAX, now).unwrap_err();
    assert_eq!(
        err,
        ScheduleError::Model(crate::model::ModelError::TimeOutOfRange(i64::MAX))
    );
}
