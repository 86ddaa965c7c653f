// The panel's actions on x.com, driven by their data-testids: save draft,
// add to queue (the next free slot shown before confirming), schedule at a
// time that breaks a rule (explained, nothing stored), insert into the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFixtureServer } from './lib/server.mjs';
import { launchWithExtension } from './lib/browser.mjs';
import { byTestId, openPanel } from './support/panel.mjs';

let server;
let browser;
let page;
let panel;

const posts = () => browser.worker.evaluate(async () => Object.entries(await chrome.storage.local.get(null)).filter(([k]) => k.startsWith('post:')).map(([, v]) => v));

before(async () => {
  server = await startFixtureServer({ networks: ['x'] });
  browser = await launchWithExtension({ port: server.port });
  page = await browser.context.newPage();
  await page.goto('https://x.com/home');
  panel = await openPanel(page, browser.worker, browser.extensionId);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('save draft stores the text once acknowledged, with revision 1', async () => {
  await panel.fill(byTestId('draft-input'), 'Draft from the panel about local-first tools');
  await panel.click(byTestId('save-draft'));
  await panel.waitForFunction((sel) => document.querySelector(sel)?.dataset.postId, byTestId('post-header'));
  const stored = await posts();
  assert.equal(stored.length, 1);
  assert.equal(stored[0].text, 'Draft from the panel about local-first tools');
  assert.equal(stored[0].status, 'draft');
  assert.equal(stored[0].revision, 1);
  assert.deepEqual(stored[0].networks, ['x']);
});

test('add to queue shows the next free slot, then schedules the same draft there', async () => {
  await panel.click(byTestId('add-to-queue'));
  await panel.waitForSelector(`${byTestId('ask')}:not([hidden])`);
  assert.match(await panel.textContent(byTestId('ask-text')), /\d/);
  await panel.click(byTestId('ask-yes'));
  let stored = [];
  for (let i = 0; i < 50 && stored[0]?.status !== 'scheduled'; i++) {
    stored = await posts();
    if (stored[0]?.status !== 'scheduled') await page.waitForTimeout(100);
  }
  assert.equal(stored.length, 1, 'the draft was scheduled, not duplicated');
  assert.equal(stored[0].status, 'scheduled');
  assert.ok(stored[0].scheduledAt > Date.now(), 'in the future');
  // Default slots are weekdays at 09:00, 13:00 and 17:30 local time.
  const local = new Date(stored[0].scheduledAt);
  assert.ok([540, 780, 1050].includes(local.getHours() * 60 + local.getMinutes()), `slot ${local}`);
  assert.ok(local.getDay() >= 1 && local.getDay() <= 5, 'a weekday');
  // The worker re-armed the reminder alarm for it.
  const alarm = await browser.worker.evaluate(() => chrome.alarms.get('glider-next'));
  assert.equal(alarm.scheduledTime, stored[0].scheduledAt);
});

test('schedule at a past time is refused with the rule explained and nothing changes', async () => {
  const before = await posts();
  await panel.fill(byTestId('schedule-time'), '2020-01-01T10:00');
  await panel.click(byTestId('schedule-at'));
  // The held post is queued: the panel first says that this moves it.
  await panel.waitForSelector(`${byTestId('ask')}[data-for="move"]:not([hidden])`);
  await panel.click(byTestId('ask-move'));
  await panel.waitForSelector(`${byTestId('ask')}[data-for="conflicts"] li[data-kind="inPast"]`);
  // The past is not a rule: no "schedule anyway".
  assert.equal(await panel.$(byTestId('ask-anyway')), null);
  await panel.click(byTestId('ask-cancel'));
  assert.deepEqual(await posts(), before);
});

test('insert writes the panel text into the Draft.js composer and enables Post', async () => {
  await panel.fill(byTestId('draft-input'), 'Inserted by Glider 🚀');
  await panel.click(byTestId('insert'));
  await page.waitForFunction(() => window.__fixture.getText() === 'Inserted by Glider 🚀');
  assert.equal(await page.evaluate(() => window.__fixture.postEnabled()), true);
});
