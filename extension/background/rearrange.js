// Many posts at once: the dashboard's "spread evenly", "shuffle" and "move
// to the next free slots" (computed by the core in the page, shown as a
// preview) are applied here, and undone here. The worker stays the single
// writer: each batch is checked against the project's rules as a whole and
// written in one storage.local set, so it lands entirely or not at all, and
// reaches the uniqueness index through the store's commit hook (boot.js).
import { StoreError } from './store.js';
import { applyPatch } from './posts.js';
import { reconcile } from './reminders.js';

// A queue longer than this is rearranged in parts; the rule check is
// quadratic in the batch and must stay well under a second.
export const MAX_BATCH = 500;

// The fields a reschedule changes, and so the fields an undo puts back.
const TIME_FIELDS = ['status', 'scheduledAt', 'plannedZone', 'snoozedUntil', 'remindedAt'];
const RESTORABLE_STATUS = new Set(['draft', 'scheduled', 'missed']);

function checkBatch(list, what) {
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_BATCH) {
    throw new StoreError('BadInput', `${what} must list 1 to ${MAX_BATCH} posts`);
  }
  const ids = new Set();
  for (const item of list) {
    const ok = item && typeof item === 'object' && typeof item.id === 'string' && Number.isInteger(item.baseRevision);
    if (!ok) throw new StoreError('BadInput', `${what}: each entry needs an id and a baseRevision`);
    if (ids.has(item.id)) throw new StoreError('BadInput', `${what}: post ${item.id} appears twice`);
    ids.add(item.id);
  }
}

function postOf(ctx, id) {
  const post = ctx.store.get(`post:${id}`);
  if (!post) throw new StoreError('NotFound', `post ${id} does not exist`);
  return post;
}

/** What undo needs to put a post back: its time fields as they are now. */
function snapshot(post) {
  const fields = {};
  for (const k of TIME_FIELDS) if (post[k] !== undefined) fields[k] = post[k];
  return fields;
}

/** Write `records` (key -> record with the revision it was based on) in one set. */
async function writeAll(ctx, records) {
  const saved = await ctx.store.serial(async () => {
    const set = {};
    for (const [key, record] of records) Object.assign(set, ctx.store.plan(key, record).set);
    await ctx.store.commit({ set, remove: [] });
    return records.map(([key]) => set[key]);
  });
  await reconcile(ctx.store, ctx.core);
  return saved;
}

/**
 * `posts.reschedule {changes: [{id, baseRevision, at}]}`: give each post its
 * new time. Refused as a whole (RuleConflict, with the conflicts) if any new
 * time breaks a rule against the project's posts as they will be.
 * Returns the saved posts and `undo`, the records `posts.restore` takes.
 */
export async function reschedule(ctx, { changes }) {
  checkBatch(changes, 'changes');
  if (!changes.every((c) => Number.isFinite(c.at))) throw new StoreError('BadInput', 'changes: each entry needs a time (at)');
  const posts = changes.map((c) => postOf(ctx, c.id));
  const projectId = posts[0].projectId;
  if (!posts.every((p) => p.projectId === projectId)) throw new StoreError('BadInput', 'the posts belong to different projects');
  const project = ctx.store.get(`project:${projectId}`);
  if (!project) throw new StoreError('NotFound', `project ${projectId} does not exist`);
  const now = Date.now();
  const moved = new Map(changes.map((c) => [c.id, c.at]));
  const after = ctx.store.posts()
    .filter((p) => p.projectId === projectId)
    .map((p) => (moved.has(p.id) ? applyPatch(p, ctx.core.schedulePatch(project, { postId: p.id, atMs: moved.get(p.id) })) : p));
  const byId = new Map(after.map((p) => [p.id, p]));
  const conflicts = changes.flatMap((c) => ctx.core.checkSchedule(project, after, byId.get(c.id), c.at, now).map((x) => ({ ...x, postId: c.id })));
  if (conflicts.length) throw new StoreError('RuleConflict', `${conflicts.length} scheduling rule(s) broken`, conflicts);
  const undo = posts.map((p) => ({ id: p.id, fields: snapshot(p) }));
  const saved = await writeAll(ctx, changes.map((c) => [`post:${c.id}`, { ...byId.get(c.id), revision: c.baseRevision, updatedAt: now }]));
  return { posts: saved, undo: undo.map((u, i) => ({ ...u, baseRevision: saved[i].revision })) };
}

/**
 * `posts.restore {records: [{id, baseRevision, fields}]}`: undo a reschedule,
 * putting back the time fields exactly (a draft becomes a draft again). A
 * post changed since (another revision) makes the whole undo a Conflict.
 */
export async function restore(ctx, { records }) {
  checkBatch(records, 'records');
  const now = Date.now();
  const writes = records.map(({ id, baseRevision, fields }) => {
    const ok = fields && typeof fields === 'object' && RESTORABLE_STATUS.has(fields.status)
      && Object.keys(fields).every((k) => TIME_FIELDS.includes(k));
    if (!ok) throw new StoreError('BadInput', `records: post ${id} has fields an undo cannot set`);
    const post = { ...postOf(ctx, id) };
    for (const k of TIME_FIELDS) delete post[k];
    return [`post:${id}`, { ...post, ...fields, revision: baseRevision, updatedAt: now }];
  });
  return { posts: await writeAll(ctx, writes) };
}
