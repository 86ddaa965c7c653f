// Reliability: 50 scheduled posts survive an extension reload, a
// disable→enable and a browser restart on the same profile. The one alarm
// ("glider-next") is re-armed at every worker start for the earliest item,
// never later; then each of the 50 reminders is shown exactly once.
//
// Notifications are counted by id with a wrapper around
// chrome.notifications.create installed in the worker that runs when they
// fire; reminders already shown are proved not to repeat by their stored
// `remindedAt` (set once, when shown) and by reconciling again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draft, figure, launch, sleep, useBrowser } from './support/reliability.mjs';

const ITEMS = 50;

const env = useBrowser({ networks: [], keepProfile: true });

/** Create `ITEMS` drafts and schedule them 100 ms apart from `firstAt`, through the worker. */
async function seed(ext, firstAt, label) {
  const { projects } = await ext.ready();
  const ids = [];
  for (let i = 0; i < ITEMS; i++) {
    const post = draft(projects[0].id, `${label} reminder ${i}`);
    const saved = await ext.call({ type: 'post.save', post });
    await ext.call({ type: 'post.schedule', id: post.id, at: firstAt + i * 100, baseRevision: saved.revision });
    ids.push(post.id);
  }
  return ids;
}

/** The armed alarm's time; it must be there and not later than the first item. */
async function armedAt(ext, firstAt, when) {
  const alarms = await ext.worker().evaluate(() => chrome.alarms.getAll());
  const ours = alarms.filter((a) => a.name === 'glider-next');
  assert.equal(ours.length, 1, `${when}: one "glider-next" alarm (have ${JSON.stringify(alarms)})`);
  assert.ok(ours[0].scheduledTime <= firstAt + 1000, `${when}: alarm at ${ours[0].scheduledTime} postpones the first item due at ${firstAt}`);
  return ours[0].scheduledTime;
}

/** Count every notification the current worker creates, by id. */
async function countNotifications(ext) {
  await ext.worker().evaluate(() => {
    if (self.__created) return;
    self.__created = {};
    const create = chrome.notifications.create.bind(chrome.notifications);
    chrome.notifications.create = (id, ...rest) => {
      self.__created[id] = (self.__created[id] ?? 0) + 1;
      return create(id, ...rest);
    };
  });
}

/** Wait until every item is stored as reminded, then read what was shown. */
async function waitShown(ext, ids, deadline) {
  let reminded = 0;
  while (Date.now() < deadline) {
    const all = await ext.storage();
    reminded = ids.filter((id) => all[`post:${id}`]?.remindedAt).length;
    if (reminded === ids.length) break;
    await sleep(250);
  }
  // Late duplicates would come right after the last alarm.
  await sleep(1500);
  const { created, shown } = await ext.worker().evaluate(async () => ({ created: self.__created, shown: Object.keys(await chrome.notifications.getAll()) }));
  const counts = ids.map((id) => created[`due:${id}`] ?? 0);
  return {
    reminded,
    fired: counts.filter((c) => c >= 1).length,
    duplicates: counts.reduce((n, c) => n + Math.max(0, c - 1), 0),
    visible: ids.filter((id) => shown.includes(`due:${id}`)).length,
    other: Object.keys(created).filter((k) => !ids.some((id) => k.endsWith(`:${id}`))),
  };
}

async function assertNoRepeat(ext, ids, before, when) {
  await countNotifications(ext);
  const again = await ext.worker().evaluate(() => globalThis.__glider.reconcile());
  assert.deepEqual(again.shown, [], `${when}: nothing is shown again`);
  const all = await ext.storage();
  const changed = ids.filter((id) => all[`post:${id}`]?.remindedAt !== before[`post:${id}`]?.remindedAt);
  assert.deepEqual(changed, [], `${when}: no reminder was shown again (remindedAt unchanged)`);
  const created = await ext.worker().evaluate(() => self.__created);
  assert.deepEqual(created, {}, `${when}: no notification created`);
}

test(`extension reload and disable→enable with ${ITEMS} scheduled items: ${ITEMS}/${ITEMS} reminders, 0 duplicates`, { timeout: 120_000 }, async () => {
  const { ext } = env.browser;
  const firstAt = Date.now() + 12_000;
  const ids = await seed(ext, firstAt, 'reload');
  await armedAt(ext, firstAt, 'after scheduling');

  // A worker start re-arms a missing alarm (it is not just Chrome keeping it).
  await ext.worker().evaluate(() => chrome.alarms.clearAll());
  await ext.killWorker();
  await ext.wake();
  await armedAt(ext, firstAt, 'after the alarm was lost and the worker restarted');

  await ext.reload();
  await armedAt(ext, firstAt, 'after chrome.runtime.reload()');
  await ext.disableEnable();
  const at = await armedAt(ext, firstAt, 'after disable→enable');
  figure('alarm re-armed after reload and disable→enable', `for the first of ${ITEMS} items (${at - firstAt} ms from its time)`);

  assert.ok(Date.now() < firstAt - 500, 'the machine was too slow: the reminders are due before the counter is installed');
  await countNotifications(ext);
  const r = await waitShown(ext, ids, firstAt + 25_000);
  figure('reminders after reload + disable→enable', `fired=${r.fired}/${ITEMS}, duplicates=${r.duplicates}, visible=${r.visible}/${ITEMS}`);
  assert.equal(r.reminded, ITEMS, 'every item stored as reminded');
  assert.equal(r.fired, ITEMS, 'every reminder shown');
  assert.equal(r.duplicates, 0, 'no reminder shown twice');
  assert.equal(r.visible, ITEMS, 'every notification is there');
  assert.deepEqual(r.other, [], 'no other notification');

  // Restarting again must not show any of them again.
  const before = await ext.storage();
  await ext.reload();
  await assertNoRepeat(ext, ids, before, 'after a second reload');
  await ext.disableEnable();
  await assertNoRepeat(ext, ids, before, 'after a second disable→enable');
  figure('duplicate reminders after further reload and disable→enable', 0);
});

test(`browser restart on the same profile with ${ITEMS} scheduled items: ${ITEMS}/${ITEMS} reminders, 0 duplicates`, { timeout: 120_000 }, async () => {
  const firstAt = Date.now() + 10_000;
  const ids = await seed(env.browser.ext, firstAt, 'restart');
  const userDir = env.browser.userDir;
  await env.browser.close();
  env.browser = await launch({ port: env.server.port, userDir, keepProfile: true });
  const { ext } = env.browser;
  await ext.ready();
  const at = await armedAt(ext, firstAt, 'after the browser restarted');
  figure('alarm re-armed after browser restart', `for the first of ${ITEMS} items (${at - firstAt} ms from its time)`);
  assert.ok(Date.now() < firstAt - 500, 'the machine was too slow: the reminders are due before the counter is installed');
  await countNotifications(ext);
  const r = await waitShown(ext, ids, firstAt + 25_000);
  figure('reminders after browser restart', `fired=${r.fired}/${ITEMS}, duplicates=${r.duplicates}, visible=${r.visible}/${ITEMS}`);
  assert.equal(r.fired, ITEMS, 'every reminder shown');
  assert.equal(r.duplicates, 0, 'no reminder shown twice');
  assert.equal(r.visible, ITEMS);

  // And once more: a restart after they fired shows none of them again.
  const before = await ext.storage();
  await env.browser.close();
  env.browser = await launch({ port: env.server.port, userDir });
  await env.browser.ext.ready();
  await assertNoRepeat(env.browser.ext, ids, before, 'after a second browser restart');
});
