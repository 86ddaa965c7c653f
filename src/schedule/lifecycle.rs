//! What happens to a post after its reminder: it goes out (by the user's
//! click or because the content script saw the site publish it), its
//! expiry is dealt with, and a project with posts cannot be deleted.
//!
//! These were worker JavaScript; they are rules about the user's data, so
//! they live here with the rest of the lifecycle and are tested natively.

use super::patch::PostPatch;
use super::ScheduleError;
use crate::model::{check_time, Post, PostStatus};

/// The patch that marks `post` published at `now_ms` (and where, when the
/// site's address is known).
///
/// Drafts, scheduled and missed posts become `published` with
/// `publishedAt = now`. An already published post keeps its status and its
/// original `publishedAt` (a second click, or the site reporting the same
/// post twice, must not move the date); only a missing URL is filled in.
/// An expired or archived post is refused: it went out long ago and was
/// taken down or put away, and turning it back into `published` would
/// rewrite its history.
pub fn publish_patch(
    post: &Post,
    now_ms: i64,
    url: Option<&str>,
) -> Result<PostPatch, ScheduleError> {
    check_time(now_ms)?;
    let url = url.filter(|u| !u.is_empty()).map(str::to_string);
    let mut patch = PostPatch::new(&post.id);
    match post.status {
        PostStatus::Draft | PostStatus::Scheduled | PostStatus::Missed => {
            patch.status = Some(PostStatus::Published);
            patch.published_at = Some(now_ms);
            patch.published_url = url;
        }
        PostStatus::Published => {
            if post.published_url.is_none() {
                patch.published_url = url;
            }
        }
        PostStatus::Expired | PostStatus::Archived => {
            return Err(ScheduleError::NotPublishable {
                post_id: post.id.clone(),
                status: post.status,
            })
        }
    }
    Ok(patch)
}

/// The patch for "Done" on an expiry reminder: the user took the post down.
///
/// A post that may still be live (published, scheduled, missed) becomes
/// `expired`; nothing else changes, in particular not `publishedAt`. An
/// expired post stays as it is, and so do drafts and archived posts (never
/// live, or already put away): the patch is then empty and nothing needs
/// writing.
pub fn expiry_done_patch(post: &Post) -> PostPatch {
    let mut patch = PostPatch::new(&post.id);
    if matches!(
        post.status,
        PostStatus::Published | PostStatus::Scheduled | PostStatus::Missed
    ) {
        patch.status = Some(PostStatus::Expired);
    }
    patch
}

/// Sites trim and re-space what they post: compare texts in NFC with every
/// whitespace run as one space and no space at either end.
fn comparable(text: &str) -> String {
    let text = crate::unicode::nfc(text);
    let mut out = String::with_capacity(text.len());
    // JavaScript's `\s` (what the site's own code trims with) also counts
    // U+FEFF, which is not Unicode White_Space.
    for word in text.split(|c: char| c.is_whitespace() || c == '\u{feff}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The post that was just published on `network` with `text`, so it can be
/// marked published and nothing goes out twice: a scheduled, missed or
/// draft post for that network (or for no network in particular) whose text
/// for that network matches. Scheduled posts first, then missed, then
/// drafts; within each the earliest scheduled time, then the smallest id,
/// so the same call always picks the same post. A post kept as a thread on
/// `network` also matches its first part (the thread went out once that
/// did). `None` for blank text.
pub fn find_published<'a>(posts: &'a [Post], network: &str, text: &str) -> Option<&'a Post> {
    let want = comparable(text);
    if want.is_empty() {
        return None;
    }
    let rank = |status: PostStatus| match status {
        PostStatus::Scheduled => Some(0u8),
        PostStatus::Missed => Some(1),
        PostStatus::Draft => Some(2),
        _ => None,
    };
    posts
        .iter()
        .filter_map(|p| Some((rank(p.status)?, p)))
        .filter(|(_, p)| p.networks.is_empty() || p.networks.iter().any(|n| n == network))
        .filter(|(_, p)| {
            // A thread counts as published once its first part went out.
            comparable(p.text_for(network)) == want
                || p.thread.as_ref().is_some_and(|t| {
                    t.network == network
                        && t.parts
                            .first()
                            .is_some_and(|first| comparable(first) == want)
                })
        })
        .min_by(|(ra, a), (rb, b)| {
            let at = |p: &Post| p.scheduled_at.unwrap_or(i64::MAX);
            (ra, at(a), &a.id).cmp(&(rb, at(b), &b.id))
        })
        .map(|(_, p)| p)
}

/// A project can be deleted only when no post belongs to it any more
/// (posts of every status count: an archive without its project would lose
/// its zone and name). `post_projects` is each stored post's `projectId`.
pub fn check_project_delete<'a>(
    project_id: &str,
    post_projects: impl IntoIterator<Item = &'a str>,
) -> Result<(), ScheduleError> {
    let posts = post_projects
        .into_iter()
        .filter(|p| *p == project_id)
        .count();
    if posts == 0 {
        Ok(())
    } else {
        Err(ScheduleError::InUse {
            project_id: project_id.to_string(),
            posts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_767_225_600_000; // 2026-01-01T00:00:00Z

    fn post(id: &str, status: PostStatus) -> Post {
        Post {
            status,
            networks: vec!["x".into()],
            ..Post::draft(id, "p", "Hello world, this is the post.", 1_000).unwrap()
        }
    }

    #[test]
    fn publishing_a_queued_post_stamps_it_once() {
        for status in [PostStatus::Draft, PostStatus::Scheduled, PostStatus::Missed] {
            let p = post("a", status);
            let patch = publish_patch(&p, NOW, Some("https://x.com/me/status/1")).unwrap();
            let out = patch.apply(&p);
            assert_eq!(out.status, PostStatus::Published);
            assert_eq!(out.published_at, Some(NOW));
            assert_eq!(
                out.published_url.as_deref(),
                Some("https://x.com/me/status/1")
            );
            // A second report later changes nothing: the date stays the first one.
            let again = publish_patch(&out, NOW + 60_000, Some("https://x.com/other")).unwrap();
            assert!(again.is_empty(), "{again:?}");
        }
    }

    #[test]
    fn a_published_post_without_url_gets_one_but_keeps_its_date() {
        let mut p = post("a", PostStatus::Published);
        p.published_at = Some(5_000);
        let out = publish_patch(&p, NOW, Some("https://bsky.app/x"))
            .unwrap()
            .apply(&p);
        assert_eq!(out.published_at, Some(5_000));
        assert_eq!(out.published_url.as_deref(), Some("https://bsky.app/x"));
        assert!(publish_patch(&p, NOW, Some("")).unwrap().is_empty());
    }

    #[test]
    fn expired_and_archived_posts_are_never_published_again() {
        for status in [PostStatus::Expired, PostStatus::Archived] {
            let err = publish_patch(&post("a", status), NOW, None).unwrap_err();
            assert_eq!(err.variant(), "NotPublishable");
        }
    }

    #[test]
    fn expiry_done_keeps_expired_and_the_publish_date() {
        // The bug this replaces: "Done" went through "mark published", which
        // turned `expired` back into `published` and moved `publishedAt` to now.
        let mut p = post("a", PostStatus::Expired);
        p.published_at = Some(5_000);
        p.expires_at = Some(9_000);
        p.expiry_reminded_at = Some(9_500);
        let patch = expiry_done_patch(&p);
        assert!(patch.is_empty());
        assert_eq!(patch.apply(&p), p);

        // Still live (the reminder came before reconcile marked it): now expired.
        p.status = PostStatus::Published;
        let out = expiry_done_patch(&p).apply(&p);
        assert_eq!(out.status, PostStatus::Expired);
        assert_eq!(out.published_at, Some(5_000));
        assert_eq!(out.expiry_reminded_at, Some(9_500));

        for status in [PostStatus::Draft, PostStatus::Archived] {
            assert!(expiry_done_patch(&post("a", status)).is_empty());
        }
    }

    #[test]
    fn the_published_text_finds_the_queued_post() {
        let mut scheduled_late = post("late", PostStatus::Scheduled);
        scheduled_late.scheduled_at = Some(NOW + 7_200_000);
        let mut scheduled_early = post("early", PostStatus::Scheduled);
        scheduled_early.scheduled_at = Some(NOW + 3_600_000);
        let missed = post("missed", PostStatus::Missed);
        let draft = post("draft", PostStatus::Draft);
        let published = post("done", PostStatus::Published);
        let posts = vec![
            draft.clone(),
            missed.clone(),
            scheduled_late,
            scheduled_early,
            published,
        ];
        let sent = "  Hello world,\n this is\u{a0}the post. ";
        let got = find_published(&posts, "x", sent).map(|p| p.id.as_str());
        assert_eq!(got, Some("early"));
        // Without scheduled posts: missed before drafts.
        assert_eq!(
            find_published(&posts[..2], "x", sent).map(|p| p.id.as_str()),
            Some("missed")
        );
        // Another network, another text, blank text: nothing.
        assert!(find_published(&posts, "bluesky", sent).is_none());
        assert!(find_published(&posts, "x", "Hello world").is_none());
        assert!(find_published(&posts, "x", " \n ").is_none());
        // A post for no network in particular matches any network.
        let mut anywhere = draft;
        anywhere.networks.clear();
        assert_eq!(
            find_published(&[anywhere], "bluesky", sent).map(|p| p.id.as_str()),
            Some("draft")
        );
    }

    #[test]
    fn the_network_variant_is_what_was_published() {
        let mut p = post("v", PostStatus::Scheduled);
        p.networks = vec!["x".into(), "bluesky".into()];
        p.variants
            .insert("bluesky".into(), "Short for Bluesky".into());
        let posts = [p];
        assert!(find_published(&posts, "bluesky", "Short for Bluesky").is_some());
        assert!(find_published(&posts, "bluesky", "Hello world, this is the post.").is_none());
        assert!(find_published(&posts, "x", "Hello world, this is the post.").is_some());
    }

    #[test]
    fn a_thread_is_published_by_its_first_part() {
        use crate::model::Thread;
        let mut p = post("t", PostStatus::Scheduled);
        p.thread = Some(Thread {
            network: "x".into(),
            parts: vec!["Hello world, 1/2".into(), "this is the post. 2/2".into()],
            limit: None,
        });
        let posts = [p];
        assert_eq!(
            find_published(&posts, "x", " Hello world,  1/2").map(|p| p.id.as_str()),
            Some("t")
        );
        // The whole text still matches, a later part does not, nor another network's box.
        assert!(find_published(&posts, "x", "Hello world, this is the post.").is_some());
        assert!(find_published(&posts, "x", "this is the post. 2/2").is_none());
        let mut other = posts[0].clone();
        other.networks.push("bluesky".into());
        assert!(find_published(&[other], "bluesky", "Hello world, 1/2").is_none());
    }

    #[test]
    fn decomposed_text_matches_its_composed_form() {
        let mut p = post("vi", PostStatus::Scheduled);
        p.text = "Vi\u{1ec7}t Nam".into();
        let posts = [p];
        assert!(find_published(&posts, "x", "Vie\u{323}\u{302}t  Nam").is_some());
    }

    #[test]
    fn a_project_with_posts_is_in_use() {
        assert!(check_project_delete("a", ["b", "c"]).is_ok());
        let err = check_project_delete("a", ["a", "b", "a"]).unwrap_err();
        assert_eq!(err.variant(), "InUse");
        assert_eq!(
            err,
            ScheduleError::InUse {
                project_id: "a".into(),
                posts: 2
            }
        );
    }
}
