// Reminders (extension/background/reminders.js): alarm arming, what
// reconcile shows and stores, and the pre-filter that spares decoding the
// archive on every wake.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { distUrl, post, project, resetApi, setUp } from './support/load.mjs';

const { api, core } = await setUp();
const { ALARM, armAlarm, reconcile, reminderCandidates } = await import(distUrl('background/reminders.js'));
const { Store } = await import(distUrl('background/store.js'));

const MINUTE = 60_000;
// A whole minute a day from now: armAlarm measures against the real clock (a past time fires a
// second from now), so a fixed date would make the arming checks fail once the day has passed it.
const NOW = Math.ceil((Date.now() + 24 * 60 * MINUTE) / MINUTE) * MINUTE;

beforeEach(() => resetApi(api));

test('the alarm is armed, kept when already right, moved, and cleared when nothing is pending', async () => {
  const at = Date.now() + 60 * MINUTE;
  assert.equal(await armAlarm(at), at);
  assert.equal((await api.alarms.get(ALARM)).scheduledTime, at);
  // Within a second of the armed time: left alone.
  assert.equal(await armAlarm(at + 500), at);
  assert.equal((await api.alarms.get(ALARM)).scheduledTime, at);
  await armAlarm(at + 10 * MINUTE);
  assert.equal((await api.alarms.get(ALARM)).scheduledTime, at + 10 * MINUTE);
  // A time already past fires a second from now, never in the past.
  const before = Date.now();
  await armAlarm(before - MINUTE);
  assert.ok((await api.alarms.get(ALARM)).scheduledTime >= before + 1000);
  assert.equal(await armAlarm(null), null);
  assert.equal(await api.alarms.get(ALARM), undefined);
});

async function storeWith(posts) {
  api.storage.local.data.set('schema', { version: core.schemaVersion() });
  const store = new Store(core);
  await store.load();
  await store.write('project:default', project());
  for (const p of posts) await store.write(`post:${p.id}`, p);
  return store;
}

test('a due reminder is stored, shown once with its buttons, and the next one armed', async () => {
  const store = await storeWith([
    post('due', { status: 'scheduled', scheduledAt: NOW - MINUTE }),
    post('later', { status: 'scheduled', scheduledAt: NOW + 90 * MINUTE }),
  ]);
  const first = await reconcile(store, core, NOW);
  assert.deepEqual(first.shown, [{ kind: 'due', postId: 'due' }]);
  assert.equal(store.get('post:due').remindedAt, NOW, 'recorded before it is shown');
  assert.deepEqual(api.notifications.map.get('due:due').buttons.map((b) => b.title), ['notifyOpenFill', 'notifyMarkPublished']);
  assert.equal((await api.alarms.get(ALARM)).scheduledTime, NOW + 90 * MINUTE);
  const second = await reconcile(store, core, NOW + MINUTE);
  assert.deepEqual(second.shown, [], 'a reminder is shown once');
});

test('the pre-filter never changes what the core decides', () => {
  // Random posts of every status, with and without schedules, snoozes,
  // expiries and earlier reminders: the core's answer over the candidates
  // equals its answer over every post.
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const maybe = (v) => (rand() < 0.5 ? v : undefined);
  const statuses = ['draft', 'scheduled', 'published', 'missed', 'expired', 'archived'];
  const seen = { due: 0, missed: 0, expiry: 0, skipped: 0 };
  for (let round = 0; round < 50; round++) {
    const posts = Array.from({ length: 40 }, (_, i) => {
      const p = post(`p${round}-${i}`, { status: pick(statuses) });
      const t = (d) => NOW + Math.round((rand() - 0.5) * d);
      p.scheduledAt = maybe(t(4 * 3_600_000));
      p.expiresAt = p.scheduledAt !== undefined ? maybe(p.scheduledAt + Math.round(rand() * 3_600_000)) : undefined;
      p.snoozedUntil = p.scheduledAt !== undefined ? maybe(t(3_600_000)) : undefined;
      p.remindedAt = maybe(NOW - MINUTE);
      p.expiryRemindedAt = maybe(NOW - MINUTE);
      return JSON.parse(JSON.stringify(p));
    });
    const all = core.reconcileReminders([project()], posts, NOW);
    const some = core.reconcileReminders([project()], reminderCandidates(posts), NOW);
    assert.deepEqual(some, all, `round ${round}`);
    for (const k of ['due', 'missed', 'expiry']) seen[k] += all[k].length;
    seen.skipped += posts.length - reminderCandidates(posts).length;
  }
  // The data exercised every branch: each kind of reminder, and posts left out.
  for (const [k, n] of Object.entries(seen)) assert.ok(n > 0, `no ${k} in the random posts`);
});
