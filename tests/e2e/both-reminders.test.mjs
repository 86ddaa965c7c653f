// Shared by Chromium and Firefox (lib/driver.mjs): a publish reminder end to end with the real
// worker / event page. A post scheduled a few seconds ahead arms the `glider-next` alarm; when it
// fires the worker shows the notification once and stores the post as reminded; then the user's
// way from the notification to the network's composer with the text in it: in Chromium the
// notification's "Open & fill" button, in Firefox (notifications without buttons) a click on the
// notification, which opens the reminder page, then its Open & fill (focused: Enter does it).
// Listeners are invoked as the browser would (globalThis.__glider.click/button): no test can click
// a system notification.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDriver } from './lib/driver.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const TEXT = 'Reminder from Glider 👋🏽\n\nsecond paragraph';
const d = useDriver({ networks: ['x'] });

/** Record every notification the worker creates (id and options). */
function countNotifications() {
  return d.workerEval(({ g, api }) => {
    g.__created = [];
    const create = api.notifications.create.bind(api.notifications);
    api.notifications.create = (id, options) => {
      const entry = { id, options: JSON.parse(JSON.stringify(options)), result: 'pending' };
      g.__created.push(entry);
      // The browser's own verdict: Firefox rejects options it does not take (buttons, requireInteraction).
      return create(id, options).then(
        (r) => ((entry.result = r), r),
        (e) => ((entry.result = `error: ${e.message}`), Promise.reject(e)),
      );
    };
  });
}

test(`${d.kind} · a reminder fires through alarms, shows one notification, and its action fills the composer`, { timeout: 120_000 }, async () => {
  const { projects } = await d.ext.ready();
  const now = Date.now();
  const post = { id: `both-rem-${now}`, projectId: projects[0].id, text: TEXT, networks: ['x'], status: 'draft', createdAt: now, updatedAt: now, revision: 0 };
  const saved = await d.ext.call({ type: 'post.save', post });
  const at = Date.now() + 8000;
  await d.ext.call({ type: 'post.schedule', id: post.id, at, baseRevision: saved.revision });

  const alarm = await d.workerEval(({ api }) => api.alarms.get('glider-next'));
  assert.ok(alarm && alarm.scheduledTime <= at + 1000, `alarm armed for the post (${JSON.stringify(alarm)}, due ${at})`);
  await countNotifications();

  // The alarm fires, the worker reconciles: stored as reminded first, then shown.
  let stored = null;
  while (Date.now() < at + 30_000) {
    stored = (await d.ext.storage())[`post:${post.id}`];
    if (stored?.remindedAt) break;
    await sleep(250);
  }
  assert.ok(stored?.remindedAt >= at - 1000, `reminded at its time (${stored?.remindedAt}, due ${at})`);
  await sleep(500);
  const created = await d.workerEval(({ g }) => g.__created);
  const ours = created.filter((n) => n.id === `due:${post.id}`);
  assert.equal(ours.length, 1, `one notification: ${JSON.stringify(created)}`);
  const { options } = ours[0];
  assert.equal(options.title, 'Time to post');
  if (d.kind === 'chromium') {
    assert.deepEqual(options.buttons.map((b) => b.title), ['Open & fill', 'Mark published']);
  } else {
    assert.equal(options.buttons, undefined, 'Firefox notifications take no buttons');
    assert.match(options.message, /Click for Open & fill, snooze or Mark published\.$/);
  }
  assert.equal(ours[0].result, `due:${post.id}`, 'the browser took the notification');
  // Headless Firefox has no notification server: it closes a notification as soon as it is shown
  // (onClosed fires within milliseconds), so only Chromium can show that it stays.
  if (d.kind === 'chromium') {
    const shown = await d.workerEval(async ({ api }) => Object.keys(await api.notifications.getAll()));
    assert.ok(shown.includes(`due:${post.id}`), `the notification is there (${shown})`);
  }

  // Nothing shows twice: reconciling again finds nothing due.
  const again = await d.workerEval(({ g }) => g.__glider.reconcile());
  assert.deepEqual(again.shown, []);

  const site = d.waitForPage('https://x.com/');
  if (d.kind === 'chromium') {
    await d.workerEval(({ g }, id) => g.__glider.button(id, 0), `due:${post.id}`);
  } else {
    const reminder = d.waitForPage(d.ext.url('reminder/reminder.html'));
    await d.workerEval(({ g }, id) => g.__glider.click(id), `due:${post.id}`);
    const page = await reminder;
    await page.waitForSelector('[data-testid="reminder-text"]');
    await page.waitFor((t) => document.querySelector('[data-testid="reminder-text"]').textContent === t, TEXT);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'open-fill', 'Open & fill has the focus');
    await page.press('Enter');
  }
  const tab = await site;
  await tab.waitFor((t) => window.__fixture?.getText() === t, TEXT, { timeout: 30_000, message: "the composer's own state" });
  assert.equal(await tab.evaluate(() => window.__fixture.postEnabled()), true, 'Post enabled');
  const after = await d.workerEval(async ({ api }) => Object.keys(await api.notifications.getAll()));
  assert.ok(!after.includes(`due:${post.id}`), 'the notification is gone once acted on');
});
