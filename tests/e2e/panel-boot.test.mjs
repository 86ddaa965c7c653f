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

const busy = (n) => {
  const end = Date.now() + n;
  while (Date.now() < end);
};

/**
 * A slow start, as on a heavy page right after the browser started. Armed
 * before the panel opens: once its frame is attached the worker is kept
 * busy, once the frame navigated to the panel the page too (whose thread the
 * content script shares; earlier would hold up the frame's own navigation).
 * The panel's boot waits for both answers while the panel itself, in its own
 * process, takes keystrokes.
 */
function armStall(page) {
  return new Promise((resolve) => {
    let worker = null;
    const onAttach = (frame) => {
      if (frame.parentFrame() !== page.mainFrame() || worker) return;
      worker = browser.worker.evaluate(busy, 6000);
    };
    const onNavigate = (frame) => {
      if (!frame.url().startsWith(PANEL(browser.extensionId))) return;
      page.off('frameattached', onAttach);
      page.off('framenavigated', onNavigate);
      resolve({ frame, stalled: Promise.all([worker, page.evaluate(busy, 6000)]) });
    };
    page.on('frameattached', onAttach);
    page.on('framenavigated', onNavigate);
  });
}

/** Type into the panel the moment its text box exists; returns whether the boot was still running. */
async function typeWhileBooting(armed, text) {
  const { frame, stalled } = await armed;
  const box = await frame.waitForSelector(byTestId('draft-input'), { state: 'attached' });
  assert.ok(frame.url().startsWith(PANEL(browser.extensionId)), frame.url());
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
  const armed = armStall(page);
  await page.reload();
  const { frame, booting } = await typeWhileBooting(armed, 'typed while booting');
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
  // Opened with Glider's own button beside the composer, while the worker is busy:
  // the boot cannot finish before the first keystroke.
  const launcher = await page.evaluate(() => {
    const r = document.querySelector('[data-testid="tweetTextarea_0_label"]').getBoundingClientRect();
    const x = r.right - 20;
    const y = Math.max(4, r.top + 4) + 14;
    // The launcher has its own host element beside the composer (content/launcher.js).
    return { x, y, ours: document.elementFromPoint(x, y)?.tagName === 'GLIDER-LAUNCHER' };
  });
  assert.ok(launcher.ours, 'the launcher sits beside the composer');
  const stalled = browser.worker.evaluate(busy, 6000);
  await page.mouse.click(launcher.x, launcher.y);
  const frame = await waitFor(() => page.frames().find((f) => f.url().startsWith(PANEL(browser.extensionId))), 'the panel frame', { interval: 10 });
  const box = await frame.waitForSelector(byTestId('draft-input'), { state: 'attached' });
  await box.type('a');
  assert.equal(await frame.evaluate(() => document.body.dataset.ready !== 'true'), true, 'the first keystroke went in before the boot finished');
  await box.type('nd continued in the panel');
  await stalled;
  await frame.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 15000 });
  await page.waitForTimeout(300);
  assert.equal(await frame.inputValue(byTestId('draft-input')), 'Started on the page\nand continued in the panel');
  await page.waitForFunction(() => window.__fixture.getText() === 'Started on the page\nand continued in the panel', null, { timeout: 5000 });
});
