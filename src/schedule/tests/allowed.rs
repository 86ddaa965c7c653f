//! "Schedule at" refused: the next allowed time and "schedule anyway".

use super::*;
use crate::schedule::{
    check_schedule, check_with_suggestion, next_allowed_at, schedule_patch_checked, Conflict,
};

const NOW: &str = "2026-03-01T00:00:00Z";

#[test]
fn next_allowed_time_clears_every_rule_at_once() {
    let zone = "Europe/Berlin";
    let mut p = project(zone);
    // A 90-minute gap, two a day and quiet 22:00–07:00 on X.
    p.rules.push(rule("x", 90, 2, Some((22 * 60, 7 * 60))));
    let posts = vec![
        post("a", &["x"], Some(local(zone, "2026-03-09 09:00"))),
        post("b", &["x"], Some(local(zone, "2026-03-09 20:30"))),
        post("c", &["x"], Some(local(zone, "2026-03-10 07:30"))),
    ];
    let d = post("d", &["x"], None);
    let now = utc(NOW);
    // 09:30 is too close to a: after a's gap the day is full (a, b), the next
    // day is quiet until 07:00, and c's gap pushes that to 09:00.
    let got = next_allowed_at(&p, &posts, &d, local(zone, "2026-03-09 09:30"), now).unwrap();
    assert_eq!(got, Some(local(zone, "2026-03-10 09:00")));
    assert!(check_schedule(&p, &posts, &d, got.unwrap(), now)
        .unwrap()
        .is_empty());
    // Brute force agrees: no minute between the request and the answer is allowed.
    let from = local(zone, "2026-03-09 09:30");
    let mut t = from;
    while t < got.unwrap() {
        assert!(
            !check_schedule(&p, &posts, &d, t, now).unwrap().is_empty(),
            "{t} is allowed but was skipped"
        );
        t += 5 * MIN;
    }
    // An allowed time is its own answer.
    let free = local(zone, "2026-03-11 12:00");
    assert_eq!(
        next_allowed_at(&p, &posts, &d, free, now).unwrap(),
        Some(free)
    );
}

#[test]
fn next_allowed_time_is_never_in_the_past_and_gives_up_on_expiry() {
    let p = project("UTC");
    let now = utc("2026-03-02T10:00:20Z");
    let d = post("d", &["x"], None);
    let got = next_allowed_at(&p, &[], &d, utc("2026-03-01T08:00:00Z"), now).unwrap();
    assert_eq!(
        got,
        Some(utc("2026-03-02T10:01:00Z")),
        "the next whole minute"
    );
    let mut e = post("e", &["x"], None);
    e.expires_at = Some(utc("2026-03-03T00:00:00Z"));
    assert_eq!(
        next_allowed_at(&p, &[], &e, utc("2026-03-04T00:00:00Z"), now).unwrap(),
        None
    );
}

#[test]
fn quiet_hours_until_midnight_end_at_the_next_day() {
    let mut p = project("UTC");
    p.rules.push(rule("x", 0, 0, Some((20 * 60, 1440))));
    let d = post("d", &["x"], None);
    let got = next_allowed_at(&p, &[], &d, utc("2026-03-05T21:15:00Z"), utc(NOW)).unwrap();
    assert_eq!(got, Some(utc("2026-03-06T00:00:00Z")));
}

#[test]
fn check_with_suggestion_says_what_may_be_overridden() {
    let mut p = project("UTC");
    p.rules.push(rule("x", 60, 0, None));
    let ten = utc("2026-03-02T10:00:00Z");
    let posts = vec![post("a", &["x"], Some(ten))];
    let d = post("d", &["x"], None);
    let c = check_with_suggestion(&p, &posts, &d, ten + 10 * MIN, utc(NOW)).unwrap();
    assert_eq!(c.conflicts.len(), 1);
    assert!(c.overridable);
    assert_eq!(c.next_allowed_ms, Some(ten + 60 * MIN));
    let past =
        check_with_suggestion(&p, &posts, &d, utc("2026-02-01T10:00:00Z"), utc(NOW)).unwrap();
    assert!(!past.overridable, "the past is not a rule");
    let ok = check_with_suggestion(&p, &posts, &d, ten + 2 * HOUR, utc(NOW)).unwrap();
    assert_eq!(
        (ok.conflicts.is_empty(), ok.next_allowed_ms),
        (true, Some(ten + 2 * HOUR))
    );
}

#[test]
fn schedule_anyway_records_the_broken_rules_and_a_later_move_clears_them() {
    let mut p = project("UTC");
    p.rules.push(rule("x", 60, 1, None));
    let ten = utc("2026-03-02T10:00:00Z");
    let posts = vec![post("a", &["x"], Some(ten))];
    let d = post("d", &["x"], None);
    let now = utc(NOW);
    let refused = schedule_patch_checked(&p, &posts, &d, ten + 10 * MIN, now, false).unwrap();
    assert!(matches!(&refused, Err(c) if c.len() == 2), "{refused:?}");

    let patch = schedule_patch_checked(&p, &posts, &d, ten + 10 * MIN, now, true)
        .unwrap()
        .unwrap();
    let forced = patch.apply(&d);
    assert_eq!(forced.scheduled_at, Some(ten + 10 * MIN));
    let o = forced.rule_override.clone().unwrap();
    assert_eq!(
        (o.at_ms, o.rules, o.decided_at),
        (
            ten + 10 * MIN,
            vec!["maxPerDay".to_string(), "minGap".to_string()],
            now
        )
    );
    forced.validate().unwrap();
    let json = serde_json::to_value(&patch).unwrap();
    assert_eq!(json["ruleOverride"]["rules"][1], "minGap");

    // Moved to a time the rules allow: the override is gone.
    let moved = schedule_patch_checked(&p, &posts, &forced, ten + 26 * HOUR, now, false)
        .unwrap()
        .unwrap();
    assert_eq!(
        serde_json::to_value(&moved).unwrap()["ruleOverride"],
        serde_json::Value::Null
    );
    assert_eq!(moved.apply(&forced).rule_override, None);

    // The past stays refused, anyway or not.
    let past =
        schedule_patch_checked(&p, &posts, &d, utc("2026-02-01T10:00:00Z"), now, true).unwrap();
    assert!(matches!(&past, Err(c) if matches!(c[0], Conflict::InPast { .. })));
}
