// Worker start-up, shared by every event, in two steps:
//
// 1. `bootLight()`: the core, the head records (schema, settings, projects)
//    and the uniqueness index kept from the last wake (snapshot.js), when
//    the posts have not changed since. That answers the panel's first
//    questions ("state", "how unique is this?") without reading the posts.
// 2. `boot()`: every record (migrated when the schema version says so), the
//    default project, the index rebuilt if the snapshot was stale, and
//    reminders reconciled. Writes and everything that lists posts wait for it.
//
// Both are memoised for the worker's lifetime; a failed start is retried on
// the next event instead of leaving the worker wedged.
import { api } from '../shared/api.js';
import { loadCore } from '../shared/core.js';
import { Store } from './store.js';
import { PostIndex } from './uniq.js';
import { reconcile, notificationId } from './reminders.js';
import { readSnapshot, snapshotFormat, snapshotMatches, writeSnapshot } from './snapshot.js';

let light = null;
let full = null;

function browserZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

// A new user's "Add to queue" should work at once: weekday slots at 09:00,
// 13:00 and 17:30 local on every network; editable in the dashboard.
const DEFAULT_NETWORKS = ['x', 'facebook', 'threads', 'bluesky', 'mastodon', 'linkedin', 'vk', 'telegram', 'reddit'];
function defaultSlots() {
  const week = [0, 1, 2, 3, 4].flatMap((weekday) => [540, 780, 1050].map((minute) => ({ weekday, minute })));
  return Object.fromEntries(DEFAULT_NETWORKS.map((n) => [n, week]));
}

async function ensureDefaultProject(store) {
  if (store.projects().length) return;
  const now = Date.now();
  await store.write('project:default', {
    id: 'default',
    name: api.i18n.getMessage('defaultProjectName') || 'My posts',
    color: '#2563eb',
    timeZone: browserZone(),
    networks: [],
    slots: defaultSlots(),
    rules: [],
    createdAt: now,
    updatedAt: now,
    revision: 0,
  });
}

const notifications = {
  async clearFor(postId) {
    await Promise.all(['due', 'missed', 'expiry'].map((k) => api.notifications.clear(notificationId(k, postId)).catch(() => {})));
  },
};

// --- the kept index ------------------------------------------------------

// Written this long after the last change to the posts: a burst of writes
// (an import, a drag in the calendar) serialises once, and the worker lives
// for tens of seconds after its last event, so the write lands well before.
const SNAPSHOT_DELAY_MS = 1500;
let snapshotTimer = 0;
let snapshotWrite = Promise.resolve();

/** Serialise the index now and store it with the stamp and counts of the same moment. */
function saveSnapshot(ctx) {
  clearTimeout(snapshotTimer);
  snapshotTimer = 0;
  // One synchronous turn: no commit can land between reading the stamp, the
  // counts and the bytes, so the three always describe the same posts.
  const snapshot = {
    stamp: ctx.store.stamp,
    format: snapshotFormat(ctx.core),
    counts: ctx.store.counts(),
    digest: ctx.store.postsDigest(),
    bytes: ctx.index.serialize(),
  };
  snapshotWrite = snapshotWrite
    .then(() => writeSnapshot(snapshot))
    .catch((err) => console.warn('Glider: could not keep the uniqueness index', err));
  return snapshotWrite;
}

function saveSnapshotSoon(ctx) {
  clearTimeout(snapshotTimer);
  snapshotTimer = setTimeout(() => saveSnapshot(ctx), SNAPSHOT_DELAY_MS);
}

// --- start ---------------------------------------------------------------

function start() {
  const ctx = { core: null, store: null, index: null, notifications, lightCounts: null };
  let answerLight;
  light = new Promise((resolve) => (answerLight = resolve));
  full = (async () => {
    const [core, head, snapshot] = await Promise.all([loadCore(), Store.readHead(), readSnapshot()]);
    ctx.core = core;
    ctx.store = new Store(core);
    const format = snapshotFormat(core);
    if ((await ctx.store.loadHead(head)) && snapshotMatches(snapshot, ctx.store.stamp, format) && snapshot.counts?.counts) {
      try {
        ctx.index = PostIndex.restore(core, snapshot.bytes);
        ctx.lightCounts = snapshot.counts;
        answerLight(ctx);
      } catch (err) {
        console.warn('Glider: the kept uniqueness index is unreadable; rebuilding', err);
        ctx.index = null;
      }
    }
    await ctx.store.load();
    await ensureDefaultProject(ctx.store);
    // The stamp let the light answers use the kept index; with every post
    // read, the digest confirms it (see Store.postsDigest) or it is rebuilt.
    const fresh = !ctx.index || ctx.store.stamp !== snapshot?.stamp || ctx.store.postsDigest() !== snapshot?.digest;
    if (fresh) {
      const index = new PostIndex(core);
      index.rebuild(ctx.store.posts());
      ctx.index?.index.free?.();
      ctx.index = index;
    }
    ctx.lightCounts = null;
    ctx.store.onCommit((plan) => {
      ctx.index.applyCommit(plan);
      if ([...Object.keys(plan.set), ...plan.remove].some((k) => k.startsWith('post:'))) saveSnapshotSoon(ctx);
    });
    if (fresh) saveSnapshotSoon(ctx);
    await reconcile(ctx.store, core);
    answerLight(ctx);
    return ctx;
  })();
  full.catch((err) => {
    light = null;
    full = null;
    answerLight(Promise.reject(err));
  });
}

/** Everything loaded and reconciled: for writes and for anything that lists posts. */
export function boot() {
  if (!full) start();
  return full;
}

/**
 * Enough to answer from the head records and the kept index (state, checks,
 * panel prefs): resolves as soon as that is ready, or with the full boot
 * when the kept index is stale. Never read posts through it.
 */
export function bootLight() {
  if (!full) start();
  return light;
}

/** For tests and benchmarks: the full boot done and the kept index written. */
export async function settled() {
  const ctx = await boot();
  if (snapshotTimer) saveSnapshot(ctx);
  await snapshotWrite;
  return ctx;
}
