// Reliability: storage.local refuses writes with a quota error. The user
// sees it (the panel's toast and the popup's status say the storage is
// full) and no record changes — not in storage, not in the worker's mirror.
// Once storage accepts writes again, the same panel saves normally.
//
// The quota error is simulated by replacing chrome.storage.local.set (and
// remove) inside the worker with functions that reject like Chrome does.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from './lib/server.mjs';
import { byTestId, openPanel } from './support/panel.mjs';
import { changedKeys, draft, figure, HOUR, useBrowser } from './support/reliability.mjs';

const EN = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/_locales/en/messages.json'), 'utf8'));

const env = useBrowser({ networks: ['x'] });

async function toast(panel, { error }) {
  await panel.waitForSelector(`${byTestId('toast')}:not([hidden])`);
  const el = await panel.$(byTestId('toast'));
  const text = await panel.textContent(byTestId('toast-text'));
  assert.equal(await el.evaluate((n) => n.dataset.kind === 'error'), error, `toast "${text}" error=${!error}`);
  // Dismiss it so the next action's toast is a new one.
  await panel.click(byTestId('toast-close'));
  return text;
}

const failWrites = (worker) =>
  worker.evaluate(() => {
    const area = chrome.storage.local;
    self.__realSet ??= area.set;
    self.__realRemove ??= area.remove;
    self.__quotaHits = 0;
    const refuse = () => {
      self.__quotaHits += 1;
      return Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    };
    area.set = refuse;
    area.remove = refuse;
    return area.set === refuse;
  });

const restoreWrites = (worker) =>
  worker.evaluate(() => {
    chrome.storage.local.set = self.__realSet;
    chrome.storage.local.remove = self.__realRemove;
    return self.__quotaHits;
  });

test('quota exceeded: a visible "storage is full" error in the panel and popup, 0 records changed', { timeout: 90_000 }, async () => {
  const { ext, context } = env.browser;
  const { projects } = await ext.ready();
  // Daily slots, so "add to queue" has a next free slot to offer.
  const slots = { x: Array.from({ length: 7 }, (_, weekday) => ({ weekday, minute: 9 * 60 })) };
  await ext.call({ type: 'project.save', project: { ...projects[0], slots }, baseRevision: projects[0].revision });
  // Some data to protect: a queued post and a draft.
  const queued = draft(projects[0].id, 'queued before the quota ran out');
  const s = await ext.call({ type: 'post.save', post: queued });
  await ext.call({ type: 'post.schedule', id: queued.id, at: Date.now() + 24 * HOUR, baseRevision: s.revision });

  const page = await context.newPage();
  await page.goto('https://x.com/home');
  const panel = await openPanel(page, ext.worker(), ext.id);
  await panel.fill(byTestId('draft-input'), 'first version of the draft');
  await panel.click(byTestId('save-draft'));
  assert.equal(await toast(panel, { error: false }), EN.savedDraft.message);

  const before = await ext.storage();
  const listedBefore = await ext.call({ type: 'posts.list' });
  assert.equal(await failWrites(ext.worker()), true, 'storage.local.set replaced in the worker');

  // Save, add to queue and schedule from the panel: each shows the quota error.
  await panel.fill(byTestId('draft-input'), 'second version that cannot be stored');
  await panel.click(byTestId('save-draft'));
  const shown = [await toast(panel, { error: true })];

  await panel.click(byTestId('add-to-queue'));
  await panel.waitForSelector(`${byTestId('ask')}:not([hidden])`);
  await panel.click(byTestId('ask-yes'));
  shown.push(await toast(panel, { error: true }));

  await panel.fill(byTestId('schedule-time'), '2099-01-01T10:00');
  await panel.click(byTestId('schedule-at'));
  shown.push(await toast(panel, { error: true }));
  for (const text of shown) assert.equal(text, EN.errorQuota.message, 'the panel says the storage is full');

  // The popup's quick draft, and a delete from an extension page.
  const popup = await ext.openPage('popup/popup.html');
  await popup.waitForSelector('body[data-ready="true"]');
  await popup.fill(byTestId('quick-draft'), 'a quick draft while the disk is full');
  await popup.click(byTestId('save-draft'));
  await popup.waitForSelector(`${byTestId('popup-status')}[data-state="error"]`);
  assert.equal(await popup.textContent(byTestId('popup-status')), EN.dashErrQuota.message, 'the popup says the storage is full');
  const del = await ext.send({ type: 'post.delete', id: queued.id, baseRevision: (await ext.storage())[`post:${queued.id}`].revision });
  assert.equal(del.error?.variant, 'QuotaExceeded');

  const hits = await restoreWrites(ext.worker());
  const after = await ext.storage();
  const changed = changedKeys(before, after);
  figure('quota exceeded', `refused writes=${hits}, records changed=${changed.length}, errors shown=${shown.length + 1}`);
  assert.ok(hits >= 5, `every write reached storage.local and was refused (${hits})`);
  assert.deepEqual(changed, [], 'no record changed in storage.local');
  // The worker's mirror was not updated either.
  assert.deepEqual(await ext.call({ type: 'posts.list' }), listedBefore, 'the worker serves the records as they were');

  // Storage accepts writes again: the same panel saves, on the revision it had.
  await panel.fill(byTestId('draft-input'), 'third version, stored');
  await panel.click(byTestId('save-draft'));
  assert.equal(await toast(panel, { error: false }), EN.savedDraft.message);
  const stored = Object.values(await ext.storage()).filter((v) => v?.text === 'third version, stored');
  assert.equal(stored.length, 1, 'the draft is stored once storage has room');
  await popup.close();
  await page.close();
});
