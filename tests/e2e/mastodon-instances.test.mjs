// Mastodon on an instance that is not in the manifest (fosstodon.org, served by the Mastodon
// fixture with its own /api/v2/instance: 11,000 characters), with the real worker:
// - before the grant, Glider does not run there;
// - with the origin granted in the test profile (as the browser records an accepted
//   permissions.request; headless Chromium cannot click its prompt), the worker registers the
//   content script at start, the page gets Glider, its panel appears again after a reload, and
//   the adapter reads the instance's own limits, and the panel counts and splits threads by them;
// - the dashboard lists the instance with those limits and refuses a bad name;
// - the popup offers "Enable Glider on fosstodon.org" when the script is not registered, and its
//   click registers it and starts Glider in the tab;
// - removing the instance in the dashboard gives the permission back and unregisters the script.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchWithExtension } from './lib/browser.mjs';
import { extensionForTests, sendToTab } from './lib/extension-build.mjs';
import { startFixtureServer } from './lib/server.mjs';
import { openPanel } from './support/panel.mjs';
import { grantHostsInProfile } from './support/profile.mjs';

const HOST = 'fosstodon.org';
const HOME = `https://${HOST}/home`;
const ORIGIN = `https://${HOST}/*`;
const SCRIPT_ID = `glider-instance:${HOST}`;

let server;
let ext;
let userDir;
let browser;

const registered = () => browser.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, matches: s.matches, js: s.js })));
const hasGlider = (page) => page.evaluate(() => !!document.querySelector('glider-root'));
const tabIdOf = (url) => browser.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(u))?.id, url);

async function launch() {
  browser = await launchWithExtension({ extDir: ext.dir, port: server.port, userDir });
}

before(async () => {
  ext = await extensionForTests();
  server = await startFixtureServer({ networks: ['mastodon'] });
  userDir = await fs.mkdtemp(path.join(os.tmpdir(), 'glider-profile-'));
  await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await ext?.cleanup();
  if (userDir) await fs.rm(userDir, { recursive: true, force: true });
});

test('before any grant Glider does not run on the instance', async () => {
  assert.ok(ext.real, 'needs dist/chrome from ./build.sh (the real worker)');
  const page = await browser.context.newPage();
  await page.goto(HOME);
  await page.waitForFunction(() => !!window.__fixture);
  await page.waitForTimeout(500);
  assert.equal(await hasGlider(page), false);
  assert.deepEqual(await registered(), []);
  await page.close();
});

test('granted in the profile: the content script is registered at start; Glider and its panel run there, again after a reload', async (t) => {
  const id = browser.extensionId;
  await browser.close();
  await grantHostsInProfile(userDir, id, [ORIGIN]);
  await launch();
  assert.equal(browser.extensionId, id, 'same extension');
  const perms = await browser.worker.evaluate(() => chrome.permissions.getAll());
  assert.ok(perms.origins.includes(ORIGIN), 'the grant is in the profile');
  let scripts = [];
  for (let i = 0; i < 50 && !scripts.length; i += 1) {
    scripts = await registered();
    if (!scripts.length) await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(scripts, [{ id: SCRIPT_ID, matches: [ORIGIN], js: ['content.js'] }]);

  const page = await browser.context.newPage();
  // Closed even when an assertion fails: later tests find their tab by this URL.
  t.after(() => (page.isClosed() ? null : page.close()));
  await page.goto(HOME);
  await page.waitForFunction(() => !!window.__fixture);
  await page.waitForFunction(() => !!document.querySelector('glider-root'), null, { timeout: 10000 });
  const tab = await tabIdOf(HOME);
  const status = await sendToTab(browser.worker, tab, { type: 'adapter.status' });
  assert.deepEqual([status.network, status.found], ['mastodon', true]);
  assert.deepEqual([status.limits.source, status.limits.maxCharacters, status.limits.imageSizeLimit], ['instance', 11000, 10485760]);
  await openPanel(page, browser.worker, id);
  await page.reload();
  await page.waitForFunction(() => !!window.__fixture);
  const panel = await openPanel(page, browser.worker, id);
  assert.ok(panel, 'the panel appears after a reload');
  const r = await sendToTab(browser.worker, tab, { type: 'composer.insert', text: 'Hello from another instance 🐘' });
  assert.deepEqual([r.ok, r.network], [true, 'mastodon']);
  // The panel counts against the instance's own limit.
  await panel.waitForFunction(() => /\/ 11000$/.test(document.querySelector('[data-testid="counter"]')?.textContent ?? ''), null, { timeout: 10000 });
  await page.close();
});

test('over the instance\'s limit, "queue as a thread" keeps parts of up to 11,000 characters (not Mastodon\'s default 500)', async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(HOME);
    await page.waitForFunction(() => !!window.__fixture);
    const panel = await openPanel(page, browser.worker, browser.extensionId);
    await panel.waitForFunction(() => /\/ 11000$/.test(document.querySelector('[data-testid="counter"]')?.textContent ?? ''), null, { timeout: 10000 });
    const long = Array.from({ length: 560 }, (_, i) => `Sentence number ${String(i + 1).padStart(3, '0')}.`).join(' ');
    await panel.fill('[data-testid="draft-input"]', long);
    await panel.waitForFunction(() => document.querySelector('[data-testid="counter"]').dataset.over === 'true');
    const ask = (which) => panel.waitForFunction((w) => {
      const a = document.querySelector('[data-testid="ask"]');
      return !a.hidden && a.dataset.for === w;
    }, which, { timeout: 10000 });
    await panel.click('[data-testid="add-to-queue"]');
    await ask('over-limit');
    assert.match(await panel.textContent('[data-testid="ask-thread"]'), /\(2 parts\)/);
    await panel.click('[data-testid="ask-thread"]');
    await ask('queue');
    await panel.click('[data-testid="ask-yes"]');
    let stored = null;
    for (let i = 0; i < 100 && !stored; i += 1) {
      stored = (await browser.worker.evaluate(async () => Object.values(await chrome.storage.local.get(null)))).find((v) => v?.thread);
      if (!stored) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(stored, 'the thread was queued');
    assert.equal(stored.thread.limit, 11000, 'the thread remembers the limit it was split at');
    assert.equal(stored.thread.parts.length, 2, 'the worker kept the split the panel showed');
    assert.ok(stored.thread.parts.every((part) => part.length <= 11000));
  } finally {
    await page.close();
  }
});

test('dashboard: the instance with its own limits; a bad name is refused with a reason', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await page.click('[data-testid="tab-settings"]');
  await page.waitForSelector('[data-testid="instances-list"][data-ready="true"]');
  const item = page.locator(`[data-testid="instance-item"][data-host="${HOST}"]`);
  assert.match(await item.textContent(), /11000 characters, 4 attachments per post/);
  await page.fill('[data-testid="instance-name"]', 'not an instance');
  await page.click('[data-testid="instance-add"]');
  assert.match(await page.textContent('[data-testid="instances-status"]'), /not an instance name/);
  await page.fill('[data-testid="instance-name"]', 'mastodon.social');
  await page.click('[data-testid="instance-add"]');
  assert.match(await page.textContent('[data-testid="instances-status"]'), /built in/);
  await page.close();
});

test('popup: on the instance with no script registered it offers to enable Glider; the click starts it in the tab', async () => {
  await browser.worker.evaluate((sid) => chrome.scripting.unregisterContentScripts({ ids: [sid] }), SCRIPT_ID);
  const page = await browser.context.newPage();
  await page.goto(HOME);
  await page.waitForFunction(() => !!window.__fixture);
  await page.waitForTimeout(300);
  assert.equal(await hasGlider(page), false, 'no script, no Glider');
  const tab = await tabIdOf(HOME);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html?tab=${tab}`);
  await popup.waitForSelector('body[data-instance-checked="true"]');
  assert.equal(await popup.getAttribute('body', 'data-instance-offer'), HOST);
  assert.match(await popup.textContent('[data-testid="instance-grant-text"]'), /fosstodon\.org looks like a Mastodon instance/);
  await popup.click('[data-testid="instance-grant-button"]');
  await popup.waitForFunction(() => /Glider is on/.test(document.querySelector('[data-testid="instance-grant-status"]').textContent));
  assert.deepEqual((await registered()).map((s) => s.id), [SCRIPT_ID]);
  await page.waitForFunction(() => !!document.querySelector('glider-root'));
  const frame = page.frames().find((f) => f.url().startsWith(`chrome-extension://${browser.extensionId}/panel/panel.html`));
  assert.ok(frame, 'the panel opened in the tab');
  await popup.close();
  await page.close();
});

test('dashboard: removing the instance gives the permission back and unregisters the script', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await page.click('[data-testid="tab-settings"]');
  await page.waitForSelector(`[data-testid="instance-item"][data-host="${HOST}"]`);
  await page.click(`[data-testid="instance-item"][data-host="${HOST}"] [data-testid="instance-remove"]`);
  await page.waitForSelector('[data-testid="instances-none"]');
  const perms = await browser.worker.evaluate(() => chrome.permissions.getAll());
  assert.equal(perms.origins.includes(ORIGIN), false, 'permission given back');
  assert.deepEqual(await registered(), []);
  const site = await browser.context.newPage();
  await site.goto(HOME);
  await site.waitForFunction(() => !!window.__fixture);
  await site.waitForTimeout(500);
  assert.equal(await hasGlider(site), false, 'Glider no longer runs there');
  await site.close();
  await page.close();
});
