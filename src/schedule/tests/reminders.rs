//! Reminders: due, missed once, expiry, next alarm, snooze.

use std::collections::BTreeSet;

use super::*;
use crate::schedule::{
    reconcile, snooze_options, snooze_patch, PostPatch, Reconciliation, ScheduleError, SnoozeKind,
    DEFAULT_GRACE_MS,
};

fn apply(posts: &[Post], r: &Reconciliation) -> Vec<Post> {
    PostPatch::apply_all(&r.patches, posts)
}

fn ids_of(items: &[crate::schedule::DueReminder]) -> Vec<&str> {
    items.iter().map(|d| d.post_id.as_str()).collect()
}

#[test]
fn due_within_grace_missed_after_and_future_sets_the_alarm() {
    let now = utc("2026-05-04T12:00:00Z");
    let posts = vec![
        post("edge", &["x"], Some(now - DEFAULT_GRACE_MS)),
        post("late", &["x"], Some(now - DEFAULT_GRACE_MS - 1)),
        post("now", &["x"], Some(now)),
        post("soon", &["x"], Some(now + 5 * MIN)),
        post("later", &["x"], Some(now + HOUR)),
        post("draft", &["x"], None),
    ];
    let projects = vec![project("UTC")];
    let r = reconcile(&projects, &posts, now).unwrap();
    assert_eq!(ids_of(&r.due), ["edge", "now"]);
    assert_eq!(ids_of(&r.missed), ["late"]);
    assert_eq!(r.next_alarm_at, Some(now + 5 * MIN));
    assert_eq!(r.due[0].project_name.as_deref(), Some("Blog"));
    // One patch per reported post: reminded now; the missed one is marked so.
    let json = serde_json::to_string(&r.patches).unwrap();
    assert_eq!(
        json,
        format!(
            r#"[{{"postId":"edge","remindedAt":{now}}},{{"postId":"late","status":"missed","remindedAt":{now}}},{{"postId":"now","remindedAt":{now}}}]"#
        )
    );
    let after = apply(&posts, &r);
    assert_eq!(after[1].status, PostStatus::Missed);
    // Same now, patches stored: nothing new, same alarm.
    let again = reconcile(&projects, &after, now).unwrap();
    assert_eq!(
        again,
        Reconciliation {
            next_alarm_at: Some(now + 5 * MIN),
            ..Default::default()
        }
    );
}

#[test]
fn clock_jump_of_three_hours_reports_twenty_items_exactly_once() {
    let t0 = utc("2026-05-04T09:00:00Z");
    let mut posts: Vec<Post> = (0..20)
        .map(|i| post(&format!("p{i:02}"), &["x"], Some(t0 + i * 9 * MIN)))
        .collect();
    posts.push(post("after", &["x"], Some(t0 + 4 * HOUR)));
    let projects = vec![project("UTC")];
    // Last wake-up just before the first one: nothing yet, alarm at t0.
    let before = reconcile(&projects, &posts, t0 - 1).unwrap();
    assert!(before.due.is_empty() && before.missed.is_empty());
    assert_eq!(before.next_alarm_at, Some(t0));
    // The machine sleeps; the next wake-up is three hours later.
    let now = t0 + 3 * HOUR;
    let r = reconcile(&projects, &posts, now).unwrap();
    let due = ids_of(&r.due);
    let missed = ids_of(&r.missed);
    assert_eq!(due, ["p19"], "171 min after t0 is 9 min ago: within grace");
    assert_eq!(missed.len(), 19);
    let all: BTreeSet<&str> = due.iter().chain(&missed).copied().collect();
    assert_eq!(all.len(), 20, "each reported once");
    assert_eq!(r.patches.len(), 20);
    assert_eq!(r.next_alarm_at, Some(t0 + 4 * HOUR));
    // Apply, then wake up again at the same time and a bit later: silence.
    let after = apply(&posts, &r);
    for later in [now, now + MIN, now + 30 * MIN] {
        let again = reconcile(&projects, &after, later).unwrap();
        assert!(again.due.is_empty() && again.missed.is_empty() && again.patches.is_empty());
    }
}

#[test]
fn snoozed_reminder_fires_again_at_the_snooze() {
    let now = utc("2026-05-04T09:00:00Z");
    let posts = vec![post("a", &["x"], Some(now))];
    let r = reconcile(&[], &posts, now).unwrap();
    assert_eq!(ids_of(&r.due), ["a"]);
    assert_eq!(
        r.due[0].project_name, None,
        "unknown project is still reminded"
    );
    let shown = apply(&posts, &r);
    let snooze = snooze_patch(&shown[0], now + 10 * MIN, now + MIN).unwrap();
    assert_eq!(
        serde_json::to_string(&snooze).unwrap(),
        format!(
            r#"{{"postId":"a","status":"scheduled","snoozedUntil":{},"remindedAt":null}}"#,
            now + 10 * MIN
        )
    );
    let snoozed = vec![snooze.apply(&shown[0])];
    let quiet = reconcile(&[], &snoozed, now + 2 * MIN).unwrap();
    assert!(quiet.due.is_empty());
    assert_eq!(quiet.next_alarm_at, Some(now + 10 * MIN));
    let fired = reconcile(&[], &snoozed, now + 10 * MIN).unwrap();
    assert_eq!(ids_of(&fired.due), ["a"]);
    assert!(fired.due[0].snoozed);
    // A missed post can be snoozed back into the queue; past snoozes and drafts cannot.
    let mut missed = shown[0].clone();
    missed.status = PostStatus::Missed;
    assert_eq!(
        snooze_patch(&missed, now + HOUR, now).unwrap().status,
        Some(PostStatus::Scheduled)
    );
    assert_eq!(
        snooze_patch(&missed, now, now),
        Err(ScheduleError::SnoozeNotInFuture)
    );
    let draft = post("d", &["x"], None);
    assert_eq!(
        snooze_patch(&draft, now + HOUR, now).unwrap_err().variant(),
        "NotSchedulable"
    );
}

#[test]
fn expiry_reminders_are_reported_once_and_set_the_alarm() {
    let now = utc("2026-05-04T09:00:00Z");
    let mut gone = post("gone", &["x"], Some(now - 48 * HOUR));
    gone.status = PostStatus::Published;
    gone.published_url = Some("https://example.org/1".into());
    gone.expires_at = Some(now - HOUR);
    gone.reminded_at = Some(now - 48 * HOUR);
    let mut future = gone.clone();
    future.id = "future".into();
    future.expires_at = Some(now + 2 * HOUR);
    let mut draft = gone.clone();
    draft.id = "draft".into();
    draft.status = PostStatus::Draft;
    let posts = vec![gone, future, draft];
    let r = reconcile(&[], &posts, now).unwrap();
    assert_eq!(r.expiry.len(), 1);
    assert_eq!(r.expiry[0].post_id, "gone");
    assert_eq!(
        r.expiry[0].published_url.as_deref(),
        Some("https://example.org/1")
    );
    assert_eq!(r.next_alarm_at, Some(now + 2 * HOUR));
    assert_eq!(r.patches[0].status, Some(PostStatus::Expired));
    assert_eq!(r.patches[0].expiry_reminded_at, Some(Some(now)));
    let again = reconcile(&[], &apply(&posts, &r), now).unwrap();
    assert!(again.expiry.is_empty() && again.patches.is_empty());
}

#[test]
fn duplicated_records_and_empty_input_report_nothing_twice() {
    let now = utc("2026-05-04T09:00:00Z");
    let a = post("a", &["x"], Some(now - HOUR));
    let r = reconcile(&[], &[a.clone(), a], now).unwrap();
    assert_eq!(ids_of(&r.missed), ["a"]);
    assert_eq!(r.patches.len(), 1);
    assert_eq!(reconcile(&[], &[], now).unwrap(), Reconciliation::default());
    assert_eq!(
        reconcile(&[], &[], -1).unwrap_err().variant(),
        "TimeOutOfRange"
    );
}

#[test]
fn snooze_tomorrow_keeps_local_time_across_dst() {
    let zone = "America/New_York";
    let p = project(zone);
    let scheduled = local(zone, "2026-03-07 09:00");
    let me = post("a", &["x"], Some(scheduled));
    let now = scheduled + 5 * MIN;
    let opts = snooze_options(&p, &me, now).unwrap();
    let kinds: Vec<SnoozeKind> = opts.iter().map(|o| o.kind).collect();
    assert_eq!(
        kinds,
        [
            SnoozeKind::TenMinutes,
            SnoozeKind::OneHour,
            SnoozeKind::Tomorrow
        ]
    );
    assert_eq!(opts[0].until_ms, now + 10 * MIN);
    assert_eq!(opts[1].until_ms, now + HOUR);
    assert_eq!(
        opts[2].until_ms,
        utc("2026-03-08T13:00:00Z"),
        "09:00 EDT, 23 h later"
    );
    assert_eq!(opts[2].local, "2026-03-08T09:00");
    assert_eq!(
        serde_json::to_string(&opts[2]).unwrap(),
        format!(
            r#"{{"kind":"tomorrow","untilMs":{},"local":"2026-03-08T09:00"}}"#,
            opts[2].until_ms
        )
    );
    // Sydney, autumn: 09:00 AEDT to 09:00 AEST is 25 hours.
    let syd = "Australia/Sydney";
    let s = post("s", &["x"], Some(local(syd, "2026-04-04 09:00")));
    let o = snooze_options(&project(syd), &s, local(syd, "2026-04-04 09:01")).unwrap();
    assert_eq!(o[2].until_ms - s.scheduled_at.unwrap(), 25 * HOUR);
    // A time skipped tomorrow moves to the next valid minute.
    let early = post("e", &["x"], Some(local(zone, "2026-03-07 02:30")));
    let o = snooze_options(&p, &early, local(zone, "2026-03-07 02:40")).unwrap();
    assert_eq!(o[2].local, "2026-03-08T03:00");
    // Berlin: late evening, "tomorrow" is the next local day, not the next UTC day.
    let ber = "Europe/Berlin";
    let b = post("b", &["x"], Some(local(ber, "2026-05-04 23:30")));
    let o = snooze_options(&project(ber), &b, local(ber, "2026-05-05 00:30")).unwrap();
    assert_eq!(o[2].local, "2026-05-06T23:30");
    // Ho Chi Minh: exactly a day.
    let hcm = "Asia/Ho_Chi_Minh";
    let h = post("h", &["x"], Some(local(hcm, "2026-03-08 09:00")));
    let o = snooze_options(&project(hcm), &h, local(hcm, "2026-03-08 09:10")).unwrap();
    assert_eq!(o[2].until_ms - h.scheduled_at.unwrap(), 24 * HOUR);
}
