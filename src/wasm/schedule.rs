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
