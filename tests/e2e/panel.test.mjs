// The foundation, end to end: a real network hostname (x.com, served by the
// fixture) → content script → panel iframe → WASM core → value in the panel.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFixtureServer } from './lib/server.mjs';
import { launchWithExtension } from './lib/browser.mjs';
import { byTestId, openPanel } from './support/panel.mjs';

let server;
let browser;

before(async () => {
  server = await startFixtureServer({ networks: ['x'] });
  browser = await launchWithExtension({ port: server.port });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('panel on x.com shows the X-weighted count computed by the WASM core', async () => {
  const page = await browser.context.newPage();
  const cspViolations = [];
  page.on('console', (m) => /Content Security Policy|wasm-eval/i.test(m.text()) && cspViolations.push(m.text()));
  await page.goto('https://x.com/home');
  const composer = page.locator('[data-testid="tweetTextarea_0"]');
  await composer.click();
  // 12 characters of Latin text + a URL, which X counts as 23 whatever its length,
  // + 2 CJK characters weighing 2 each: 12 + 23 + 1 + 4 = 40.
  await page.keyboard.type('Hello world https://example.com/a/very/long/path/indeed 日本');
  const panel = await openPanel(page, browser.worker, browser.extensionId);
  await panel.waitForFunction((sel) => document.querySelector(sel)?.dataset.count === '40', byTestId('counter'), { timeout: 10000 });
  assert.equal(await panel.inputValue(byTestId('draft-input')), 'Hello world https://example.com/a/very/long/path/indeed 日本');
  assert.match(await panel.textContent(byTestId('counter')), /^40 \/ 280$/);

  // Typing more on the page keeps the panel in sync (page → content script → panel).
  await composer.click();
  await page.keyboard.press('End');
  await page.keyboard.type('!');
  await panel.waitForFunction((sel) => document.querySelector(sel)?.dataset.count === '41', byTestId('counter'));

  // The page sees neither our shadow root nor the panel document.
  const leaks = await page.evaluate(() => {
    const host = document.querySelector('glider-root');
    const frame = [...document.querySelectorAll('iframe')].find((f) => f.src.startsWith('chrome-extension://'));
    let frameDoc = null;
    try {
      frameDoc = frame?.contentDocument ?? null;
    } catch {}
    return { hostFound: !!host, shadow: host?.shadowRoot ?? null, iframeVisibleToPage: !!frame, frameDoc };
  });
  assert.equal(leaks.hostFound, true);
  assert.equal(leaks.shadow, null, 'closed shadow root is not reachable from the page');
  assert.equal(leaks.iframeVisibleToPage, false, 'the panel iframe lives inside the closed shadow root');
  assert.deepEqual(cspViolations, [], 'no CSP violation: the content script never compiles WASM');
  await page.close();
});

test('the worker loads the WASM core and answers core.count from an extension page', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  const res = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'core.count', text: 'Привет', network: 'x' }));
  assert.equal(res.ok, true);
  assert.equal(res.result.count, 6, 'Cyrillic weighs 1 per character on X');
  const rejected = await page.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'core.count', text: 'x', network: 'x', extra: 1 }).catch((e) => String(e)),
  );
  assert.notEqual(rejected?.ok, true, 'a message with an unknown field is refused');
  await page.close();
});

test('the panel remembers open/closed and its side per site across page loads', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://x.com/home');
  const panel = await openPanel(page, browser.worker, browser.extensionId);
  await panel.click(byTestId('switch-side'));
  // Stored by the worker under the sender's host, not a host the page could choose.
  const stored = async () => (await browser.worker.evaluate(() => chrome.storage.local.get('settings'))).settings?.panels?.['x.com'];
  let prefs = null;
  for (let i = 0; i < 50 && prefs?.side !== 'left'; i++) {
    prefs = await stored();
    if (prefs?.side !== 'left') await page.waitForTimeout(100);
  }
  assert.deepEqual(prefs, { open: true, side: 'left' });

  // A new page on the same site opens the panel on the left by itself.
  await page.reload();
  let frame = null;
  for (let i = 0; i < 100 && !frame; i++) {
    frame = page.frames().find((f) => f.url().includes('/panel/panel.html') && f.url().includes('side=left')) ?? null;
    if (!frame) await page.waitForTimeout(100);
  }
  assert.ok(frame, 'panel reopened on the left after reload');
  await frame.waitForSelector('body[data-ready="true"]');
  await frame.click(byTestId('collapse'));
  for (let i = 0; i < 50 && prefs?.open !== false; i++) {
    prefs = await stored();
    if (prefs?.open !== false) await page.waitForTimeout(100);
  }
  assert.deepEqual(prefs, { open: false, side: 'left' });
  await page.close();
});
