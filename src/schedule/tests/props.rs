//! Property tests: random zones, slots, rules and posts.

use std::collections::BTreeMap;

use chrono::{Datelike, Timelike};
use proptest::prelude::*;

use super::*;
use crate::schedule::local::to_local;
use crate::schedule::{
    check_schedule, expand_slots, next_free_slot, reconcile, shuffle_queue, spread_evenly,
    PostPatch,
};

const ZONES: [&str; 4] = [
    "America/New_York",
    "Europe/Berlin",
    "Asia/Ho_Chi_Minh",
    "Australia/Sydney",
];
/// 2026-01-01T00:00:00Z; windows start within the year so they cross DST changes.
const YEAR_START: i64 = 1_767_225_600_000;
const NETS: [&str; 2] = ["x", "mastodon"];

fn arb_project() -> impl Strategy<Value = Project> {
    (
        0..4usize,
        prop::collection::vec((0u8..7, 0u16..1440), 1..6),
        prop::collection::vec((0u8..7, 0u16..1440), 0..4),
        (
            0u32..240,
            0u32..4,
            prop::option::of((0u16..1441, 0u16..1441)),
        ),
    )
        .prop_map(|(zone, x, m, (gap, max, quiet))| {
            let mut p = project(ZONES[zone]);
            let to_slots = |v: Vec<(u8, u16)>| {
                v.into_iter()
                    .map(|(weekday, minute)| Slot { weekday, minute })
                    .collect()
            };
            p.slots.insert("x".into(), to_slots(x));
            p.slots.insert("mastodon".into(), to_slots(m));
            p.rules.push(rule("x", gap, max, quiet));
            p.rules.push(rule("mastodon", gap / 2, 0, None));
            p
        })
}

/// Scheduled posts within three weeks of `YEAR_START + offset`.
fn arb_posts(n: std::ops::Range<usize>) -> impl Strategy<Value = Vec<Post>> {
    prop::collection::vec((0i64..21 * 24 * 60, 1..4usize), n).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (minute, nets))| {
                let networks: Vec<&str> = NETS
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| nets & (1 << k) != 0)
                    .map(|(_, n)| *n)
                    .collect();
                post(&format!("q{i}"), &networks, Some(minute * MIN))
            })
            .collect()
    })
}

fn shift(posts: &mut [Post], by: i64) {
    for p in posts {
        p.scheduled_at = p.scheduled_at.map(|t| t + by);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn expanded_slots_are_sorted_in_window_and_at_their_local_time(p in arb_project(), day in 0i64..365) {
        let from = YEAR_START + day * 24 * HOUR;
        let to = from + 14 * 24 * HOUR;
        let tz: crate::schedule::Zone = p.time_zone.parse().unwrap();
        let got = expand_slots(&p, None, from, to).unwrap();
        prop_assert!(got.windows(2).all(|w| (w[0].at_ms, &w[0].network) < (w[1].at_ms, &w[1].network)));
        for s in &got {
            prop_assert!((from..to).contains(&s.at_ms));
            let local = to_local(tz, s.at_ms).unwrap();
            let minute = (local.hour() * 60 + local.minute()) as u16;
            if s.shifted {
                prop_assert!(minute > s.slot.minute || local.date().to_string() != s.date);
            } else {
                prop_assert_eq!(minute, s.slot.minute);
                prop_assert_eq!(local.weekday().num_days_from_monday(), u32::from(s.slot.weekday));
            }
        }
    }

    #[test]
    fn add_to_queue_result_has_no_conflicts(p in arb_project(), mut posts in arb_posts(0..12), day in 0i64..340, nets in 1..4usize) {
        let now = YEAR_START + day * 24 * HOUR;
        shift(&mut posts, now);
        let networks: Vec<&str> = NETS.iter().enumerate().filter(|(k, _)| nets & (1 << k) != 0).map(|(_, n)| *n).collect();
        let me = post("me", &networks, None);
        if let Ok(slot) = next_free_slot(&p, &posts, &me, now) {
            prop_assert!(slot.at_ms >= now);
            prop_assert!(networks.contains(&slot.network.as_str()));
            prop_assert_eq!(check_schedule(&p, &posts, &me, slot.at_ms, now).unwrap(), vec![]);
        }
    }

    #[test]
    fn spread_and_shuffle_keep_every_rule(p in arb_project(), mut posts in arb_posts(1..10), day in 0i64..340, snap in any::<bool>(), seed in any::<u64>()) {
        let now = YEAR_START + day * 24 * HOUR;
        shift(&mut posts, now);
        let ids: Vec<String> = posts.iter().map(|x| x.id.clone()).collect();
        let got = spread_evenly(&p, &posts, &ids, now, now + 7 * 24 * HOUR, now, snap).unwrap();
        prop_assert_eq!(got.assignments.len() + got.unplaced.len(), ids.len());
        let patches: Vec<PostPatch> = got.assignments.iter().map(|a| a.patch(&p.time_zone)).collect();
        let placed: Vec<String> = got.assignments.iter().map(|a| a.post_id.clone()).collect();
        // Drop the unplaced ones: they keep their old (clashing) times.
        let after: Vec<Post> = PostPatch::apply_all(&patches, &posts).into_iter().filter(|x| placed.contains(&x.id)).collect();
        for a in &got.assignments {
            let me = after.iter().find(|x| x.id == a.post_id).unwrap();
            prop_assert_eq!(check_schedule(&p, &after, me, a.at_ms, now).unwrap(), vec![]);
        }
        // The spread schedule is valid, so a shuffle of it exists; it must stay valid.
        let shuffled = shuffle_queue(&p, &after, &placed, seed, now);
        prop_assert!(!matches!(shuffled, Err(ref e) if e.variant() != "NoValidShuffle"), "{:?}", shuffled);
        if let Ok(shuffled) = shuffled {
            let patches: Vec<PostPatch> = shuffled.iter().map(|a| a.patch(&p.time_zone)).collect();
            let again = PostPatch::apply_all(&patches, &after);
            for me in &again {
                prop_assert_eq!(check_schedule(&p, &again, me, me.scheduled_at.unwrap(), now).unwrap(), vec![]);
            }
        }
    }

    #[test]
    fn random_wake_ups_report_each_reminder_once(mut posts in arb_posts(1..30), wakes in prop::collection::vec(1i64..6 * 60, 1..12)) {
        shift(&mut posts, YEAR_START);
        let mut now = YEAR_START;
        let mut reported: BTreeMap<String, usize> = BTreeMap::new();
        for step in wakes {
            now += step * MIN;
            let r = reconcile(&[], &posts, now).unwrap();
            for d in r.due.iter().chain(&r.missed) {
                *reported.entry(d.post_id.clone()).or_default() += 1;
                prop_assert!(d.at_ms <= now);
            }
            if let Some(next) = r.next_alarm_at {
                prop_assert!(next > now);
            }
            posts = PostPatch::apply_all(&r.patches, &posts);
            let again = reconcile(&[], &posts, now).unwrap();
            prop_assert!(again.due.is_empty() && again.missed.is_empty() && again.patches.is_empty());
        }
        prop_assert!(reported.values().all(|&n| n == 1));
        let past = posts.iter().filter(|p| p.scheduled_at.is_some_and(|t| t <= now)).count();
        prop_assert_eq!(reported.len(), past);
    }
}
