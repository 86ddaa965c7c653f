// Worker start-up, shared by every event: load the core, load (and migrate)
// storage, build the uniqueness index, make sure a project exists, and
// reconcile reminders. Memoised for the worker's lifetime; a failed boot is
// retried on the next event instead of leaving the worker wedged.
import { api } from '../shared/api.js';
import { loadCore } from '../shared/core.js';
import { Store } from './store.js';
import { PostIndex } from './uniq.js';
import { reconcile, notificationId } from './reminders.js';

let booting = null;

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

async function start() {
  const core = await loadCore();
  const store = new Store(core);
  await store.load();
  await ensureDefaultProject(store);
  const index = new PostIndex(core);
  index.rebuild(store.posts());
  const ctx = { core, store, index, notifications };
  await reconcile(store, core);
  return ctx;
}

export function boot() {
  booting ??= start().catch((err) => {
    booting = null;
    throw err;
  });
  return booting;
}
