// Publish and expiry reminders with chrome.alarms.
//
// One alarm ("glider-next") for the next due item. At every worker start and
// on every alarm, `reconcile` asks the core what is due or was missed (each
// post reported once: the core returns patches that mark it reminded), stores
// those patches, shows the notifications, and re-arms the alarm — never later
// than an alarm already armed, so a restart can't postpone a reminder.
import { api, t } from '../shared/api.js';
import { applyPatch } from './posts.js';
import { NOTIFICATION_BUTTONS } from '../shared/platform.js';

export const ALARM = 'glider-next';

// Notification ids are deterministic so that showing the same reminder
// again (e.g. after a crash between store and show) replaces, not duplicates.
export const notificationId = (kind, postId) => `${kind}:${postId}`;

const preview = (text) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

async function show(id, title, message, buttons) {
  const options = { type: 'basic', iconUrl: api.runtime.getURL('icons/128.png'), title, message, priority: 2 };
  if (NOTIFICATION_BUTTONS) Object.assign(options, { buttons: buttons.map((b) => ({ title: b })), requireInteraction: true });
  // No buttons (Firefox): a click opens the reminder page, which has every action; say so.
  else options.message = `${message}\n${t('notifyClickHint')}`;
  await api.notifications.create(id, options);
}

/**
 * The posts that can need a reminder, a superset of what the core looks at
 * (a scheduled post's publish reminder; the expiry of a post with
 * `expiresAt`). Which of them is due is the core's rule; this only spares
 * decoding the archive and drafts (most posts) into the core on every wake.
 * tests/unit/reminders.test.mjs checks the core gives the same answer with
 * and without it.
 */
export function reminderCandidates(posts) {
  return posts.filter((p) => p.status === 'scheduled' || (p.expiresAt !== undefined && p.expiresAt !== null));
}

/** Arm the alarm for `at` unless one is already armed for that time or earlier. */
export async function armAlarm(at) {
  const existing = await api.alarms.get(ALARM);
  if (at === null || at === undefined) {
    if (existing) await api.alarms.clear(ALARM);
    return null;
  }
  if (existing && Math.abs(existing.scheduledTime - at) < 1000) return existing.scheduledTime;
  await api.alarms.create(ALARM, { when: Math.max(at, Date.now() + 1000) });
  return at;
}

/**
 * Bring reminders up to date at `now`. Returns what was shown, for tests and logs.
 * Runs under the store's write lock so two wake-ups can't report the same post twice.
 */
export function reconcile(store, core, now = Date.now()) {
  return store.serial(async () => {
    const result = core.reconcileReminders(store.projects(), reminderCandidates(store.posts()), now);
    // Persist first, in one atomic set: a reminder is reported once even if the
    // worker dies or wakes twice. Notification ids are deterministic, so a
    // reminder shown again replaces its notification instead of adding one.
    const set = {};
    for (const patch of result.patches) {
      const key = `post:${patch.postId}`;
      const current = store.get(key);
      if (!current) continue;
      Object.assign(set, store.plan(key, applyPatch(current, patch)).set);
    }
    const shown = [];
    for (const r of result.due) shown.push({ kind: 'due', postId: r.postId });
    for (const r of result.missed) shown.push({ kind: 'missed', postId: r.postId });
    for (const r of result.expiry) shown.push({ kind: 'expiry', postId: r.postId });
    if (Object.keys(set).length) await store.commit({ set, remove: [] });
    for (const item of shown) await notify(store, item);
    await armAlarm(result.nextAlarmAt ?? null);
    return { ...result, shown };
  });
}

export async function notify(store, { kind, postId }) {
  const post = store.get(`post:${postId}`);
  if (!post) return;
  const text = preview(post.text);
  if (kind === 'expiry') {
    await show(notificationId(kind, postId), t('notifyExpiryTitle'), text, [t('notifyOpen'), t('notifyMarkDeleted')]);
  } else {
    const title = kind === 'missed' ? t('notifyMissedTitle') : t('notifyDueTitle');
    await show(notificationId(kind, postId), title, text, [t('notifyOpenFill'), t('notifyMarkPublished')]);
  }
}
