//! Scheduling exports: slots, rule checks, queue operations, reminders.
//!
//! Projects and posts are plain JS objects in the model's camelCase shape;
//! times are UTC milliseconds (JS numbers; BigInts are accepted too). Errors
//! are `Error`s whose `variant` is [`ScheduleError::variant`] (e.g.
//! "NoFreeSlot", "UnknownTimeZone"); a malformed argument is "BadInput".

use wasm_bindgen::prelude::*;

use super::{decode, encode, js_error};
use crate::model::{Post, Project};
use crate::schedule::{self, Assignment, ScheduleError};

fn fail(e: ScheduleError) -> JsValue {
    js_error(e.variant(), e)
}

/// `nextFreeSlot(project, posts, post, nowMs) -> SlotInstant` ("add to
/// queue"): the first free slot at or after `nowMs` that satisfies the rules
/// of every network of `post`.
#[wasm_bindgen(js_name = nextFreeSlot)]
pub fn next_free_slot(
    project: JsValue,
    posts: JsValue,
    post: JsValue,
    now_ms: JsValue,
) -> Result<JsValue, JsValue> {
    let (project, posts): (Project, Vec<Post>) = (decode(project)?, decode(posts)?);
    let post: Post = decode(post)?;
    let got = schedule::next_free_slot(&project, &posts, &post, decode(now_ms)?).map_err(fail)?;
    encode(&got)
}

/// `checkSchedule(project, posts, post, atMs, nowMs) -> Conflict[]`
/// ("schedule at"); empty means allowed. Each conflict has a `kind`:
/// `inPast {atMs, nowMs}`, `afterExpiry {expiresAtMs}`,
/// `minGap {network, otherPostId, otherAtMs, gapMinutes, requiredMinutes}`,
/// `maxPerDay {network, day, count, max}`,
/// `quietHours {network, localTime, start, end}`.
#[wasm_bindgen(js_name = checkSchedule)]
pub fn check_schedule(
    project: JsValue,
    posts: JsValue,
    post: JsValue,
    at_ms: JsValue,
    now_ms: JsValue,
) -> Result<JsValue, JsValue> {
    let (project, posts): (Project, Vec<Post>) = (decode(project)?, decode(posts)?);
    let post: Post = decode(post)?;
    let got = schedule::check_schedule(&project, &posts, &post, decode(at_ms)?, decode(now_ms)?)
        .map_err(fail)?;
    encode(&got)
}

/// `schedulePatch(project, {postId, atMs}) -> PostPatch`: the fields to store
/// for an assignment (status, scheduledAt, plannedZone; snooze and reminder
/// cleared with `null`).
#[wasm_bindgen(js_name = schedulePatch)]
pub fn schedule_patch(project: JsValue, assignment: JsValue) -> Result<JsValue, JsValue> {
    let project: Project = decode(project)?;
    let assignment: Assignment = decode(assignment)?;
    encode(&assignment.patch(&project.time_zone))
}

/// `reconcileReminders(projects, posts, nowMs) ->
/// {due, missed, expiry, nextAlarmAt, patches}`. Store `patches` (each
/// `{postId, ...fields}`, `null` = clear) before showing anything.
#[wasm_bindgen(js_name = reconcileReminders)]
pub fn reconcile_reminders(
    projects: JsValue,
    posts: JsValue,
    now_ms: JsValue,
) -> Result<JsValue, JsValue> {
    let projects: Vec<Project> = decode(projects)?;
    let posts: Vec<Post> = decode(posts)?;
    let got = schedule::reconcile(&projects, &posts, decode(now_ms)?).map_err(fail)?;
    encode(&got)
}

/// `snoozeOptions(project, post, nowMs) -> [{kind, untilMs, local}]` with
/// kinds "tenMinutes", "oneHour", "tomorrow".
#[wasm_bindgen(js_name = snoozeOptions)]
pub fn snooze_options(
    project: JsValue,
    post: JsValue,
    now_ms: JsValue,
) -> Result<JsValue, JsValue> {
    let project: Project = decode(project)?;
    let post: Post = decode(post)?;
    let got = schedule::snooze_options(&project, &post, decode(now_ms)?).map_err(fail)?;
    encode(&got)
}

/// `snoozePost(post, untilMs, nowMs) -> PostPatch`: snooze the reminder.
#[wasm_bindgen(js_name = snoozePost)]
pub fn snooze_post(post: JsValue, until_ms: JsValue, now_ms: JsValue) -> Result<JsValue, JsValue> {
    let post: Post = decode(post)?;
    let got = schedule::snooze_patch(&post, decode(until_ms)?, decode(now_ms)?).map_err(fail)?;
    encode(&got)
}

/// `scheduleCheck(project, posts, post, atMs, nowMs) -> {conflicts,
/// nextAllowedMs, overridable}`: what "schedule at" would break, the earliest
/// time at or after `atMs` the rules allow (`null`: none within a year), and
/// whether every conflict is a rule the user may break ("schedule anyway").
#[wasm_bindgen(js_name = scheduleCheck)]
pub fn schedule_check(
    project: JsValue,
    posts: JsValue,
    post: JsValue,
    at_ms: JsValue,
    now_ms: JsValue,
) -> Result<JsValue, JsValue> {
    let (project, posts): (Project, Vec<Post>) = (decode(project)?, decode(posts)?);
    let post: Post = decode(post)?;
    let got =
        schedule::check_with_suggestion(&project, &posts, &post, decode(at_ms)?, decode(now_ms)?)
            .map_err(fail)?;
    encode(&got)
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Scheduled {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    patch: Option<schedule::PostPatch>,
    conflicts: Vec<schedule::Conflict>,
}

/// `schedulePost(project, posts, post, atMs, nowMs, anyway) -> {ok, patch?,
/// conflicts}`: the patch that schedules the post at `atMs` when the rules
/// allow it (or, with `anyway`, when only the project's rules refuse it; the
/// decision is recorded as `ruleOverride`), else `ok: false` and why.
#[wasm_bindgen(js_name = schedulePost)]
pub fn schedule_post(
    project: JsValue,
    posts: JsValue,
    post: JsValue,
    at_ms: JsValue,
    now_ms: JsValue,
    anyway: bool,
) -> Result<JsValue, JsValue> {
    let (project, posts): (Project, Vec<Post>) = (decode(project)?, decode(posts)?);
    let post: Post = decode(post)?;
    let got = schedule::schedule_patch_checked(
        &project,
        &posts,
        &post,
        decode(at_ms)?,
        decode(now_ms)?,
        anyway,
    )
    .map_err(fail)?;
    encode(&match got {
        Ok(patch) => Scheduled {
            ok: true,
            patch: Some(patch),
            conflicts: Vec::new(),
        },
        Err(conflicts) => Scheduled {
            ok: false,
            patch: None,
            conflicts,
        },
    })
}

/// `spreadEvenly(project, posts, ids, fromMs, toMs, nowMs, snapToSlots) ->
/// {assignments: [{postId, atMs}], unplaced: [id]}` ("spread evenly"):
/// the posts `ids`, in that order, spread over `[fromMs, toMs)` as evenly
/// as the rules allow; nothing is stored.
#[wasm_bindgen(js_name = spreadEvenly)]
pub fn spread_evenly(
    project: JsValue,
    posts: JsValue,
    ids: JsValue,
    from_ms: JsValue,
    to_ms: JsValue,
    now_ms: JsValue,
    snap_to_slots: bool,
) -> Result<JsValue, JsValue> {
    let (project, posts): (Project, Vec<Post>) = (decode(project)?, decode(posts)?);
    let ids: Vec<String> = decode(ids)?;
    let got = schedule::spread_evenly(
        &project,
        &posts,
        &ids,
        decode(from_ms)?,
        decode(to_ms)?,
        decode(now_ms)?,
        snap_to_slots,
    )
    .map_err(fail)?;
    encode(&got)
}

/// `shuffleQueue(project, posts, ids, seed, nowMs) -> [{postId, atMs}]`
/// ("shuffle"): the queued posts `ids` trade their times, every rule kept;
/// the same posts and seed give the same order.
#[wasm_bindgen(js_name = shuffleQueue)]
pub fn shuffle_queue(
    project: JsValue,
    posts: JsValue,
    ids: JsValue,
    seed: JsValue,
    now_ms: JsValue,
) -> Result<JsValue, JsValue> {
    let (project, posts): (Project, Vec<Post>) = (decode(project)?, decode(posts)?);
    let ids: Vec<String> = decode(ids)?;
    let got = schedule::shuffle_queue(&project, &posts, &ids, decode(seed)?, decode(now_ms)?)
        .map_err(fail)?;
    encode(&got)
}

/// `nextFreeSlots(project, posts, ids, nowMs) -> {assignments, unplaced}`
/// ("move to the next free slots"), in the order of `ids`.
#[wasm_bindgen(js_name = nextFreeSlots)]
pub fn next_free_slots(
    project: JsValue,
    posts: JsValue,
    ids: JsValue,
    now_ms: JsValue,
) -> Result<JsValue, JsValue> {
    let (project, posts): (Project, Vec<Post>) = (decode(project)?, decode(posts)?);
    let ids: Vec<String> = decode(ids)?;
    let got = schedule::next_free_slots(&project, &posts, &ids, decode(now_ms)?).map_err(fail)?;
    encode(&got)
}

/// `timeZones(nowMs) -> [{name, offsetMinutes}]`: every IANA zone the core
/// schedules in (the only names a project may use), with its UTC offset at
/// `nowMs`, for the dashboard's zone picker.
#[wasm_bindgen(js_name = timeZones)]
pub fn time_zones(now_ms: JsValue) -> Result<JsValue, JsValue> {
    let now_ms: i64 = decode(now_ms)?;
    encode(&crate::tz::zone_list(now_ms))
}

/// `publishPatch(post, nowMs, url?) -> PostPatch`: mark a post published
/// (status, `publishedAt`, `publishedUrl`). Throws `NotPublishable` for an
/// expired or archived post.
#[wasm_bindgen(js_name = publishPatch)]
pub fn publish_patch(
    post: JsValue,
    now_ms: JsValue,
    url: Option<String>,
) -> Result<JsValue, JsValue> {
    let post: Post = decode(post)?;
    let got = schedule::publish_patch(&post, decode(now_ms)?, url.as_deref()).map_err(fail)?;
    encode(&got)
}

/// `expiryDonePatch(post) -> PostPatch`: "Done" on an expiry reminder (the
/// post was taken down); `{postId}` alone when nothing changes.
#[wasm_bindgen(js_name = expiryDonePatch)]
pub fn expiry_done_patch(post: JsValue) -> Result<JsValue, JsValue> {
    let post: Post = decode(post)?;
    encode(&schedule::expiry_done_patch(&post))
}

/// `findPublished(posts, network, text) -> string | undefined`: the id of
/// the queued post the site just published.
#[wasm_bindgen(js_name = findPublished)]
pub fn find_published(
    posts: JsValue,
    network: &str,
    text: &str,
) -> Result<Option<String>, JsValue> {
    let posts: Vec<Post> = decode(posts)?;
    Ok(schedule::find_published(&posts, network, text).map(|p| p.id.clone()))
}

/// `checkProjectDelete(projectId, postProjectIds)`: throws `InUse` while a
/// post belongs to the project. Takes each post's `projectId`, not the posts.
#[wasm_bindgen(js_name = checkProjectDelete)]
pub fn check_project_delete(project_id: &str, post_projects: JsValue) -> Result<(), JsValue> {
    let ids: Vec<String> = decode(post_projects)?;
    schedule::check_project_delete(project_id, ids.iter().map(String::as_str)).map_err(fail)
}
