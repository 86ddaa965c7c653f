//! "Add to queue" and "move".

use super::*;
use crate::schedule::{check_schedule, move_post, next_free_slot, Conflict, ScheduleError};

/// Mon–Fri 09:00 and 13:30 on x.
fn weekdays(zone: &str) -> Project {
    let mut p = project(zone);
    let slots = (0..5)
        .flat_map(|d| [slot(d, 9, 0), slot(d, 13, 30)])
        .collect();
    p.slots.insert("x".into(), slots);
    p
}

#[test]
fn add_to_queue_takes_the_next_slot_after_now() {
    let p = weekdays("UTC");
    let me = post("me", &["x"], None);
    // Monday 4 May 2026, 10:00.
    let now = utc("2026-05-04T10:00:00Z");
    let got = next_free_slot(&p, &[], &me, now).unwrap();
    assert_eq!(got.at_ms, utc("2026-05-04T13:30:00Z"));
    assert_eq!((got.network.as_str(), got.slot), ("x", slot(0, 13, 30)));
    // A slot at exactly now is still free to take.
    let at_slot = utc("2026-05-04T13:30:00Z");
    assert_eq!(
        next_free_slot(&p, &[], &me, at_slot).unwrap().at_ms,
        at_slot
    );
    // Friday afternoon → next Monday.
    let fri = utc("2026-05-08T14:00:00Z");
    assert_eq!(
        next_free_slot(&p, &[], &me, fri).unwrap().at_ms,
        utc("2026-05-11T09:00:00Z")
    );
}

#[test]
fn add_to_queue_skips_taken_slots_and_rule_conflicts() {
    let mut p = weekdays("UTC");
    let now = utc("2026-05-04T10:00:00Z");
    let me = post("me", &["x"], None);
    // Mon 13:30 is held by another x post → Tue 09:00.
    let mut posts = vec![post("a", &["x"], Some(utc("2026-05-04T13:30:00Z")))];
    assert_eq!(
        next_free_slot(&p, &posts, &me, now).unwrap().at_ms,
        utc("2026-05-05T09:00:00Z")
    );
    // One post a day: Tuesday already has one at 20:00 (not a slot) → Wed 09:00.
    p.rules.push(rule("x", 0, 1, None));
    posts.push(post("b", &["x"], Some(utc("2026-05-05T20:00:00Z"))));
    assert_eq!(
        next_free_slot(&p, &posts, &me, now).unwrap().at_ms,
        utc("2026-05-06T09:00:00Z")
    );
    // The post itself (already queued on Wednesday) does not block itself.
    let mut queued = post("me", &["x"], Some(utc("2026-05-06T09:00:00Z")));
    queued.text = "edited".into();
    posts.push(queued.clone());
    assert_eq!(
        next_free_slot(&p, &posts, &queued, now).unwrap().at_ms,
        utc("2026-05-06T09:00:00Z")
    );
}

#[test]
fn add_to_queue_honours_every_network_of_the_post() {
    let mut p = weekdays("UTC");
    // Mastodon has its own slot, Mon 11:00, and is quiet until 10:00.
    p.slots.insert("mastodon".into(), vec![slot(0, 11, 0)]);
    p.rules.push(rule("mastodon", 0, 0, Some((0, 10 * 60))));
    let both = post("both", &["x", "mastodon"], None);
    let now = utc("2026-05-04T00:00:00Z");
    let got = next_free_slot(&p, &[], &both, now).unwrap();
    // x's 09:00 is quiet for mastodon; mastodon's own 11:00 slot is next.
    assert_eq!(
        (got.at_ms, got.network.as_str()),
        (utc("2026-05-04T11:00:00Z"), "mastodon")
    );
    // A mastodon post at 11:00 takes that slot for anything going to mastodon.
    let posts = vec![post("m", &["mastodon"], Some(got.at_ms))];
    assert_eq!(
        next_free_slot(&p, &posts, &both, now).unwrap().at_ms,
        utc("2026-05-04T13:30:00Z")
    );
    // ...but not for an x-only post.
    let x_only = post("x1", &["x"], None);
    assert_eq!(
        next_free_slot(&p, &posts, &x_only, now).unwrap().at_ms,
        utc("2026-05-04T09:00:00Z")
    );
}

#[test]
fn add_to_queue_across_spring_forward_keeps_local_time() {
    let mut p = project("America/New_York");
    p.slots.insert("x".into(), vec![slot(6, 9, 0)]);
    let me = post("me", &["x"], None);
    let got = next_free_slot(&p, &[], &me, utc("2026-03-07T12:00:00Z")).unwrap();
    assert_eq!(got.at_ms, utc("2026-03-08T13:00:00Z"));
    assert_eq!(got.local, "2026-03-08T09:00");
}

#[test]
fn add_to_queue_errors_are_typed() {
    let mut p = weekdays("UTC");
    let now = utc("2026-05-04T10:00:00Z");
    let nowhere = post("n", &[], None);
    assert_eq!(
        next_free_slot(&p, &[], &nowhere, now),
        Err(ScheduleError::NoNetworks("n".into()))
    );
    let vk = post("v", &["vk"], None);
    assert_eq!(
        next_free_slot(&p, &[], &vk, now),
        Err(ScheduleError::NoSlots("v".into()))
    );
    p.rules.push(rule("x", 0, 0, Some((0, 1440))));
    let me = post("me", &["x"], None);
    assert_eq!(
        next_free_slot(&p, &[], &me, now).unwrap_err().variant(),
        "NoFreeSlot"
    );
}

#[test]
fn move_validates_and_returns_the_new_pair_without_mutating() {
    let mut p = project("UTC");
    p.rules.push(rule("x", 60, 0, None));
    let now = utc("2026-05-04T00:00:00Z");
    let ten = utc("2026-05-04T10:00:00Z");
    let posts = vec![
        post("a", &["x"], Some(ten)),
        post("b", &["x"], Some(ten + 3 * HOUR)),
    ];
    let ok = move_post(&p, &posts, "b", ten + HOUR, now).unwrap();
    assert!(ok.ok && ok.conflicts.is_empty());
    assert_eq!(
        (ok.assignment.post_id.as_str(), ok.assignment.at_ms),
        ("b", ten + HOUR)
    );
    assert_eq!(ok.from_ms, Some(ten + 3 * HOUR));
    assert_eq!(
        posts[1].scheduled_at,
        Some(ten + 3 * HOUR),
        "input untouched"
    );
    let bad = move_post(&p, &posts, "b", ten + 15 * MIN, now).unwrap();
    assert!(!bad.ok);
    assert!(
        matches!(&bad.conflicts[..], [Conflict::MinGap { other_post_id, .. }] if other_post_id == "a")
    );
    // Applying the good move leaves a schedule with no conflicts.
    let moved: Vec<Post> = posts
        .iter()
        .map(|x| ok.assignment.patch("UTC").apply(x))
        .collect();
    assert_eq!(moved[1].scheduled_at, Some(ten + HOUR));
    assert_eq!(moved[1].planned_zone.as_deref(), Some("UTC"));
    for x in &moved {
        assert!(check_schedule(&p, &moved, x, x.scheduled_at.unwrap(), now)
            .unwrap()
            .is_empty());
    }
    assert_eq!(
        move_post(&p, &posts, "zz", ten, now),
        Err(ScheduleError::UnknownPost("zz".into()))
    );
    let mut published = posts.clone();
    published[0].status = PostStatus::Published;
    assert_eq!(
        move_post(&p, &published, "a", ten, now)
            .unwrap_err()
            .variant(),
        "NotSchedulable"
    );
}
