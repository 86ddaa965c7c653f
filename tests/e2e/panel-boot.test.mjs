// Issue 12 item 4: text typed into the panel while it boots (it opened by
// itself, from the remembered open state) is never erased by the boot: it is
// kept, and merged with what the page's composer already held.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFixtureServer } from './lib/server.mjs';
import { launchWithExtension } from './lib/browser.mjs';
import { byTestId, openPanel, toContent, waitFor } from './support/panel.mjs';

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

const PANEL = (id) => `chrome-extension://${id}/panel/panel.html`;

/**
 * A slow start, as on a heavy page right after the browser started: keep the
 * page (whose thread the content script shares) and the worker busy for `ms`.
 * The panel's boot waits for both answers while the panel itself, in its own
 * process, takes keystrokes.
 */
function stall(page, ms) {
  const busy = (n) => {
    const end = Date.now() + n;
    while (Date.now() < end);
  };
  return Promise.all([page.evaluate(busy, ms), browser.worker.evaluate(busy, ms)]);
}

/** Type into the panel the moment its text box exists; returns whether the boot was still running. */
async function typeWhileBooting(page, text) {
  const frame = await waitFor(() => page.frames().find((f) => f.url().startsWith(PANEL(browser.extensionId))), `the panel frame among ${page.frames().map((f) => f.url())}`, { interval: 5 });
  const stalled = stall(page, 6000);
  const box = await frame.waitForSelector(byTestId('draft-input'), { state: 'attached' });
  // The first keystroke must land before the boot finished (else this proves nothing); the rest may race it.
  await box.type(text.slice(0, 1));
  const booting = await frame.evaluate(() => document.body.dataset.ready !== 'true');
  await box.type(text.slice(1));
  await stalled;
  await frame.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 15000 });
  return { frame, booting };
}

test('typing while the remembered-open panel boots loses nothing', async (t) => {
  const page = await browser.context.newPage();
  t.after(() => page.close());
  await page.goto('https://x.com/home');
  await openPanel(page, browser.worker, browser.extensionId); // remembered as open for x.com
  await page.reload();
  const { frame, booting } = await typeWhileBooting(page, 'typed while booting');
  assert.equal(booting, true, 'the text went in before the boot finished');
  await page.waitForTimeout(300);
  assert.equal(await frame.inputValue(byTestId('draft-input')), 'typed while booting');
  // And it reaches the page's composer, as anything typed in the panel does.
  await page.waitForFunction(() => window.__fixture.getText() === 'typed while booting', null, { timeout: 5000 });
});

test('typing while booting, with text already in the composer, keeps both', async (t) => {
  const page = await browser.context.newPage();
  t.after(() => page.close());
  await page.goto('https://x.com/home');
  // Closed this time (remembered), so the panel boots only when opened below.
  await waitFor(async () => (await toContent(browser.worker, 'https://x.com', { type: 'panel.toggle', open: false }).catch(() => null))?.ok, 'content script');
  await page.reload();
  await waitFor(async () => (await toContent(browser.worker, 'https://x.com', { type: 'adapter.status' }).catch(() => null))?.found, 'the composer');
  assert.equal(page.frames().some((f) => f.url().startsWith(PANEL(browser.extensionId))), false);
  await page.click('[data-testid="tweetTextarea_0"]');
  await page.keyboard.type('Started on the page');
  await toContent(browser.worker, 'https://x.com', { type: 'panel.toggle', open: true });
  const { frame, booting } = await typeWhileBooting(page, 'and continued in the panel');
  assert.equal(booting, true);
  await page.waitForTimeout(300);
  assert.equal(await frame.inputValue(byTestId('draft-input')), 'Started on the page\nand continued in the panel');
  await page.waitForFunction(() => window.__fixture.getText() === 'Started on the page\nand continued in the panel', null, { timeout: 5000 });
});
