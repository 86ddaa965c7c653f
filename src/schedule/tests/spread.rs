//! "Spread evenly" and "shuffle".

use std::collections::BTreeSet;

use super::*;
use crate::schedule::{
    check_schedule, shuffle_queue, spread_evenly, Assignment, PostPatch, ScheduleError,
};

fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("s{i}")).collect()
}

/// Posts s0.. as drafts on `networks`.
fn drafts(n: usize, networks: &[&str]) -> Vec<Post> {
    ids(n).iter().map(|id| post(id, networks, None)).collect()
}

/// Apply assignments and check that every placed post satisfies the rules.
fn assert_rules_hold(p: &Project, posts: &[Post], got: &[Assignment], now: i64) {
    let patches: Vec<PostPatch> = got.iter().map(|a| a.patch(&p.time_zone)).collect();
    let after = PostPatch::apply_all(&patches, posts);
    for a in got {
        let me = after.iter().find(|x| x.id == a.post_id).unwrap();
        let conflicts = check_schedule(p, &after, me, a.at_ms, now).unwrap();
        assert!(conflicts.is_empty(), "{}: {conflicts:?}", a.post_id);
    }
}

fn at_list(got: &[Assignment]) -> Vec<i64> {
    got.iter().map(|a| a.at_ms).collect()
}

#[test]
fn spread_without_rules_takes_the_middle_of_equal_parts() {
    let p = project("UTC");
    let posts = drafts(4, &["x"]);
    let mon = utc("2026-05-04T00:00:00Z");
    let got = spread_evenly(&p, &posts, &ids(4), mon, mon + 4 * 24 * HOUR, 0, false).unwrap();
    assert!(got.unplaced.is_empty());
    let want: Vec<i64> = (0..4).map(|d| mon + d * 24 * HOUR + 12 * HOUR).collect();
    assert_eq!(at_list(&got.assignments), want);
    assert_eq!(got.assignments[0].post_id, "s0");
}

#[test]
fn spread_moves_to_the_nearest_allowed_minute() {
    let mut p = project("UTC");
    p.rules.push(rule("x", 180, 0, Some((22 * 60, 8 * 60))));
    // Their current (clashing) times are ignored: they are being rearranged.
    let posts: Vec<Post> = ids(5)
        .iter()
        .map(|id| post(id, &["x"], Some(utc("2026-05-04T12:00:00Z"))))
        .collect();
    let mon = utc("2026-05-04T00:00:00Z");
    let got = spread_evenly(&p, &posts, &ids(5), mon, mon + 24 * HOUR, 0, false).unwrap();
    let hm: Vec<i64> = at_list(&got.assignments)
        .iter()
        .map(|t| (t - mon) / MIN)
        .collect();
    // Ideals 02:24, 07:12, 12:00, 16:48, 21:36; quiet until 08:00; 3 h apart.
    assert_eq!(hm, vec![8 * 60, 11 * 60, 14 * 60, 17 * 60, 21 * 60 + 36]);
    assert_rules_hold(&p, &posts, &got.assignments, 0);
}

#[test]
fn spread_respects_local_days_and_reports_what_does_not_fit() {
    let zone = "America/New_York";
    let mut p = project(zone);
    p.rules.push(rule("x", 0, 1, None));
    let posts = drafts(3, &["x"]);
    let from = local(zone, "2026-03-07 00:00");
    let to = local(zone, "2026-03-09 00:00"); // two local days, 47 hours (DST)
    let got = spread_evenly(&p, &posts, &ids(3), from, to, 0, false).unwrap();
    assert_eq!(got.assignments.len(), 2);
    assert_eq!(got.unplaced, vec!["s2".to_string()]);
    assert_rules_hold(&p, &posts, &got.assignments, 0);
}

#[test]
fn spread_can_snap_to_free_slots() {
    let mut p = project("Asia/Ho_Chi_Minh");
    daily(&mut p, "x", &[(9, 0), (17, 0)]);
    let zone = "Asia/Ho_Chi_Minh";
    let from = local(zone, "2026-05-04 00:00");
    let mut posts = drafts(3, &["x"]);
    // Someone else holds Tuesday 09:00.
    posts.push(post("other", &["x"], Some(local(zone, "2026-05-05 09:00"))));
    let got = spread_evenly(&p, &posts, &ids(3), from, from + 3 * 24 * HOUR, 0, true).unwrap();
    assert_eq!(
        at_list(&got.assignments),
        vec![
            local(zone, "2026-05-04 09:00"),
            local(zone, "2026-05-05 17:00"),
            local(zone, "2026-05-06 09:00"),
        ]
    );
}

#[test]
fn spread_uses_only_the_future_part_and_rejects_bad_input() {
    let p = project("UTC");
    let posts = drafts(2, &["x"]);
    let mon = utc("2026-05-04T00:00:00Z");
    let now = mon + 24 * HOUR + 30_000; // not on a minute: results still are
    let got = spread_evenly(&p, &posts, &ids(2), mon, mon + 3 * 24 * HOUR, now, false).unwrap();
    let start = now + 30_000;
    assert_eq!(
        at_list(&got.assignments),
        vec![start + 12 * HOUR - MIN, start + 36 * HOUR - MIN]
    );
    let err = spread_evenly(&p, &posts, &ids(2), mon, mon + HOUR, now, false).unwrap_err();
    assert_eq!(err, ScheduleError::EmptyWindow);
    let twice = vec!["s0".to_string(), "s0".to_string()];
    assert_eq!(
        spread_evenly(&p, &posts, &twice, mon, now + HOUR, 0, false),
        Err(ScheduleError::DuplicatePost("s0".into()))
    );
    let none = spread_evenly(&p, &posts, &[], mon, now + HOUR, 0, false).unwrap();
    assert!(none.assignments.is_empty() && none.unplaced.is_empty());
    assert_eq!(shuffle_queue(&p, &posts, &[], 3, 0).unwrap(), vec![]);
    let ghost = vec!["nope".to_string()];
    assert_eq!(
        spread_evenly(&p, &posts, &ghost, mon, now, 0, false)
            .unwrap_err()
            .variant(),
        "UnknownPost"
    );
    let mut gone = posts.clone();
    gone[0].status = PostStatus::Archived;
    assert_eq!(
        spread_evenly(&p, &gone, &ids(1), mon, now, 0, false)
            .unwrap_err()
            .variant(),
        "NotSchedulable"
    );
}

/// Six queued x posts, one per day at 09:00.
fn queue6() -> (Project, Vec<Post>, Vec<String>) {
    let p = project("UTC");
    let mon = utc("2026-05-04T09:00:00Z");
    let posts = ids(6)
        .iter()
        .enumerate()
        .map(|(i, id)| post(id, &["x"], Some(mon + i as i64 * 24 * HOUR)))
        .collect();
    (p, posts, ids(6))
}

#[test]
fn shuffle_is_a_seeded_permutation_of_the_same_times() {
    let (p, posts, ids) = queue6();
    let now = utc("2026-05-01T00:00:00Z");
    let before: BTreeSet<i64> = posts.iter().map(|x| x.scheduled_at.unwrap()).collect();
    let a = shuffle_queue(&p, &posts, &ids, 42, now).unwrap();
    assert_eq!(a.iter().map(|x| x.at_ms).collect::<BTreeSet<_>>(), before);
    assert_eq!(
        a.iter()
            .map(|x| x.post_id.clone())
            .collect::<BTreeSet<_>>()
            .len(),
        6
    );
    // Same seed, ids in another order: same answer.
    let reversed: Vec<String> = ids.iter().rev().cloned().collect();
    assert_eq!(shuffle_queue(&p, &posts, &reversed, 42, now).unwrap(), a);
    // Different seeds give different orders.
    let distinct: BTreeSet<BTreeSet<(String, i64)>> = (0..10)
        .map(|seed| shuffle_queue(&p, &posts, &ids, seed, now).unwrap())
        .map(|v| v.into_iter().map(|a| (a.post_id, a.at_ms)).collect())
        .collect();
    assert!(
        distinct.len() >= 5,
        "only {} distinct orders",
        distinct.len()
    );
}

#[test]
fn shuffle_keeps_rules_satisfied() {
    let (mut p, mut posts, ids) = queue6();
    // s5 also goes to mastodon, which is quiet before 10:00: of the six times
    // only 12:00 on the last day suits it.
    p.rules.push(rule("mastodon", 0, 0, Some((0, 10 * 60))));
    posts[5].networks.push("mastodon".into());
    posts[5].scheduled_at = Some(posts[5].scheduled_at.unwrap() + 3 * HOUR);
    let now = utc("2026-05-01T00:00:00Z");
    for seed in 0..30 {
        let got = shuffle_queue(&p, &posts, &ids, seed, now).unwrap();
        let s5 = got.iter().find(|a| a.post_id == "s5").unwrap();
        assert_eq!(Some(s5.at_ms), posts[5].scheduled_at, "seed {seed}");
        assert_rules_hold(&p, &posts, &got, now);
    }
    // Two mastodon posts and only one time that suits mastodon: impossible.
    posts[4].networks.push("mastodon".into());
    assert_eq!(
        shuffle_queue(&p, &posts, &ids, 1, now),
        Err(ScheduleError::NoValidShuffle)
    );
}

#[test]
fn shuffle_takes_only_queued_posts() {
    let (p, mut posts, ids) = queue6();
    let late = utc("2026-05-05T00:00:00Z"); // s0 is already in the past
    assert_eq!(
        shuffle_queue(&p, &posts, &ids, 1, late),
        Err(ScheduleError::NotQueued("s0".into()))
    );
    posts[1].status = PostStatus::Draft;
    assert_eq!(
        shuffle_queue(&p, &posts, &ids[1..], 1, 0),
        Err(ScheduleError::NotQueued("s1".into()))
    );
}

#[test]
fn next_free_slots_places_in_order_ignoring_their_own_old_times() {
    let mut p = project("UTC");
    daily(&mut p, "x", &[(9, 0), (15, 0)]);
    let mon = utc("2026-05-04T00:00:00Z");
    // s0 and s1 sit on Tuesday's slots; "other" holds Monday 09:00.
    let mut posts = vec![
        post("s0", &["x"], Some(mon + 24 * HOUR + 9 * HOUR)),
        post("s1", &["x"], Some(mon + 24 * HOUR + 15 * HOUR)),
        post("s2", &["x"], None),
        post("other", &["x"], Some(mon + 9 * HOUR)),
        post("nowhere", &["bluesky"], None),
    ];
    posts[2].status = PostStatus::Draft;
    let order: Vec<String> = ["s2", "s0", "s1", "nowhere"].map(String::from).to_vec();
    let got = crate::schedule::next_free_slots(&p, &posts, &order, mon).unwrap();
    let placed: Vec<(&str, i64)> = got
        .assignments
        .iter()
        .map(|a| (a.post_id.as_str(), a.at_ms))
        .collect();
    assert_eq!(
        placed,
        [
            ("s2", mon + 15 * HOUR),
            ("s0", mon + 24 * HOUR + 9 * HOUR),
            ("s1", mon + 24 * HOUR + 15 * HOUR),
        ]
    );
    assert_eq!(
        got.unplaced,
        ["nowhere"],
        "no slot on its network: reported, not an error"
    );
    assert_rules_hold(&p, &posts, &got.assignments, mon);
}

#[test]
fn next_free_slots_respects_rules_between_the_moved_posts() {
    let mut p = project("UTC");
    daily(&mut p, "x", &[(9, 0), (10, 0), (11, 0)]);
    p.rules.push(rule("x", 90, 0, None));
    let mon = utc("2026-05-04T00:00:00Z");
    let posts = drafts(3, &["x"]);
    let got = crate::schedule::next_free_slots(&p, &posts, &ids(3), mon).unwrap();
    let hm: Vec<i64> = at_list(&got.assignments)
        .iter()
        .map(|t| (t - mon) / HOUR)
        .collect();
    assert_eq!(hm, [9, 11, 24 + 9], "90 minutes apart: 10:00 is skipped");
    assert_rules_hold(&p, &posts, &got.assignments, mon);
    let published = {
        let mut q = posts.clone();
        q[0].status = PostStatus::Published;
        q
    };
    assert!(matches!(
        crate::schedule::next_free_slots(&p, &published, &ids(3), mon),
        Err(ScheduleError::NotSchedulable { .. })
    ));
}
