// Reliability: the clock jumps 3 hours ahead (a laptop waking from sleep)
// with 20 queued items that came due meanwhile. Each is reported missed
// exactly once — however many times reminders are reconciled, concurrently
// or after the worker restarts — and an item still in the future is not.
//
// The jump is simulated inside the worker by shifting Date.now (the worker's
// only clock) and passing the same "now" to reconcile.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draft, figure, HOUR, MINUTE, useBrowser } from './support/reliability.mjs';

const ITEMS = 20;
const JUMP = 3 * HOUR;

const env = useBrowser({ networks: [] });

/** Shift the worker's clock by `JUMP` and count notifications by id. */
async function jumpClock(worker) {
  await worker.evaluate((jump) => {
    if (self.__jumped) return;
    self.__jumped = true;
    const now = Date.now.bind(Date);
    Date.now = () => now() + jump;
    self.__created = {};
    const create = chrome.notifications.create.bind(chrome.notifications);
    chrome.notifications.create = (id, ...rest) => {
      self.__created[id] = (self.__created[id] ?? 0) + 1;
      return create(id, ...rest);
    };
  }, JUMP);
}

/** Reconcile `times` times at once at the worker's (jumped) now; returns every missed post id reported. */
async function reconcileMany(worker, times) {
  const results = await worker.evaluate((n) => Promise.all(Array.from({ length: n }, () => globalThis.__glider.reconcile(Date.now()))), times);
  return results.flatMap((r) => r.missed.map((m) => m.postId));
}

test(`clock jump +3 h with ${ITEMS} items due: each reported missed exactly once`, { timeout: 60_000 }, async () => {
  const { ext } = env.browser;
  const { projects } = await ext.ready();
  const ids = [];
  const start = Date.now();
  for (let i = 0; i < ITEMS; i++) {
    const post = draft(projects[0].id, `clock jump item ${i}`);
    const saved = await ext.call({ type: 'post.save', post });
    // From 10 min to 105 min ahead: all more than the 15-minute grace in the past after the jump.
    await ext.call({ type: 'post.schedule', id: post.id, at: start + 10 * MINUTE + i * 5 * MINUTE, baseRevision: saved.revision });
    ids.push(post.id);
  }
  const future = draft(projects[0].id, 'still in the future after the jump');
  const savedFuture = await ext.call({ type: 'post.save', post: future });
  await ext.call({ type: 'post.schedule', id: future.id, at: start + 5 * HOUR, baseRevision: savedFuture.revision });

  // Before the jump nothing is due.
  assert.deepEqual(await reconcileMany(ext.worker(), 1), []);

  await jumpClock(ext.worker());
  const reported = [];
  reported.push(...(await reconcileMany(ext.worker(), 5)));
  reported.push(...(await reconcileMany(ext.worker(), 1)));
  const created = await ext.worker().evaluate(() => self.__created);

  // The worker restarts (its clock is the real one again until shifted): nothing is reported again.
  await ext.killWorker();
  await ext.wake();
  await jumpClock(ext.worker());
  reported.push(...(await reconcileMany(ext.worker(), 3)));
  const createdAfter = await ext.worker().evaluate(() => self.__created);

  const times = new Map(ids.map((id) => [id, 0]));
  for (const id of reported) times.set(id, (times.get(id) ?? 0) + 1);
  const once = ids.filter((id) => times.get(id) === 1).length;
  const duplicates = [...times.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
  figure('missed after a +3 h clock jump', `reported once=${once}/${ITEMS}, duplicates=${duplicates}, reconciles=9 (5 concurrent, 1 more, 3 after a worker restart)`);
  assert.equal(times.get(future.id) ?? 0, 0, 'the item still in the future is not reported');
  assert.equal(once, ITEMS, 'every item reported missed');
  assert.equal(duplicates, 0, 'no item reported twice');

  // One "missed" notification per item, none after the restart.
  for (const id of ids) assert.equal(created[`missed:${id}`], 1, `one notification for ${id}`);
  assert.equal(Object.keys(created).length, ITEMS, `only the missed notifications: ${Object.keys(created)}`);
  assert.deepEqual(createdAfter, {}, 'nothing shown again after the restart');
  const visible = Object.keys(await ext.worker().evaluate(() => chrome.notifications.getAll())).filter((k) => k.startsWith('missed:'));
  assert.equal(visible.length, ITEMS);

  // Stored as missed, reminded once; the future item still scheduled, and the alarm armed for it.
  const all = await ext.storage();
  for (const id of ids) {
    assert.equal(all[`post:${id}`].status, 'missed', id);
    assert.equal(typeof all[`post:${id}`].remindedAt, 'number', id);
  }
  assert.equal(all[`post:${future.id}`].status, 'scheduled');
  const alarm = await ext.worker().evaluate(() => chrome.alarms.get('glider-next'));
  assert.ok(alarm && Math.abs(alarm.scheduledTime - (start + 5 * HOUR)) < 1000, `alarm armed for the future item: ${JSON.stringify(alarm)}`);
});
