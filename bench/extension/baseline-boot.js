// The extension benchmark's "before": the worker start-up Glider shipped
// until issue 13, dropped into a copy of dist/chrome in place of
// background/boot.js. Every wake read every record (storage.local.get(null)),
// ran the core's migration over all of them, re-indexed every post with one
// `upsert` call each, and reconciled reminders over every post, before it
// answered anything. Same exports as boot.js, so the rest of the worker runs
// unchanged.
import { loadCore } from '../shared/core.js';
import { armAlarm, reconcile } from './reminders.js';
import { Store, STAMP_KEY } from './store.js';
import { PostIndex } from './uniq.js';

let booting = null;

const notifications = { async clearFor() {} };

async function start() {
  const core = await loadCore();
  const store = new Store(core);
  const all = await store.area.get(null);
  const stamp = all[STAMP_KEY] ?? null;
  delete all[STAMP_KEY];
  const migrated = core.migrateStorage(all);
  if (migrated.fromVersion !== migrated.toVersion) {
    await store.area.set(migrated.items);
    if (migrated.remove.length) await store.area.remove(migrated.remove);
  }
  store.items = new Map(Object.entries({ ...all, ...(migrated.items ?? {}) }));
  for (const key of migrated.remove ?? []) store.items.delete(key);
  store.postsLoaded = true;
  store.stamp = stamp;
  if (!store.projects().length) {
    // A fresh profile (the benchmark seeds into it): the default project, as boot.js makes it.
    const now = Date.now();
    await store.write('project:default', { id: 'default', name: 'My posts', color: '#2563eb', timeZone: 'UTC', networks: [], slots: {}, rules: [], createdAt: now, updatedAt: now, revision: 0 });
  }
  const index = new PostIndex(core);
  for (const post of store.posts()) index.upsert(post);
  store.onCommit((plan) => index.applyCommit(plan));
  const ctx = { core, store, index, notifications, lightCounts: null };
  const result = core.reconcileReminders(store.projects(), store.posts(), Date.now());
  if (result.patches.length) await reconcile(store, core);
  else await armAlarm(result.nextAlarmAt ?? null);
  return ctx;
}

export function boot() {
  booting ??= start().catch((err) => {
    booting = null;
    throw err;
  });
  return booting;
}

export const bootLight = boot;

export async function settled() {
  return boot();
}
