// The panel passes an axe-core audit in each of its states (questions,
// toasts, matches, thread parts, dark theme), every control is reachable by
// keyboard with a visible focus ring, and the slim tab the panel becomes
// when it steps aside opens it from the keyboard.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, startFixtureServer } from './lib/server.mjs';
import { launchWithExtension } from './lib/browser.mjs';
import { byTestId, openPanel, sendFrom, toContent, waitFor } from './support/panel.mjs';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const LONG = Array.from({ length: 30 }, (_, i) => `Sentence number ${i + 1} is here.`).join(' ');

let server;
let browser;
let page;
let panel;

before(async () => {
  server = await startFixtureServer({ networks: ['x', 'bluesky'] });
  browser = await launchWithExtension({ port: server.port });
  page = await browser.context.newPage();
  await page.goto('https://x.com/home');
  panel = await openPanel(page, browser.worker, browser.extensionId);
  // evaluate() is not subject to the page's CSP (script-src 'self'), a script tag would be.
  await panel.evaluate(AXE);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function audit(state) {
  const res = await panel.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  const found = res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `axe violations (${state})`);
}

test('axe finds nothing in any state of the panel, light and dark', async () => {
  await audit('empty');
  await panel.fill(byTestId('draft-input'), LONG);
  await panel.waitForSelector(`${byTestId('thread-toggle')}:not([hidden])`);
  await panel.click(byTestId('thread-toggle'));
  await audit('thread parts');
  await panel.click(byTestId('add-to-queue'));
  await panel.waitForSelector(`${byTestId('ask')}:not([hidden])`);
  await audit('a question');
  await panel.click(byTestId('ask-cancel'));
  await panel.click(byTestId('insert'));
  await panel.waitForSelector(`${byTestId('toast')}:not([hidden])`);
  await audit('a warning toast');
  await sendFrom(panel, { type: 'post.save', post: { id: 'a11y-match', projectId: 'default', text: LONG, networks: ['x'], status: 'draft', createdAt: 1, updatedAt: 1 }, baseRevision: 0 });
  await panel.fill(byTestId('draft-input'), `${LONG} More.`);
  await panel.waitForFunction(() => Number(document.querySelector('[data-testid="uniqueness"]').dataset.matches) > 0);
  await panel.click(byTestId('uniqueness'));
  await audit('matches');
  await sendFrom(panel, { type: 'settings.save', settings: { theme: 'dark' } });
  await panel.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await audit('dark');
  await sendFrom(panel, { type: 'settings.save', settings: { theme: 'system' } });
});

test('Tab reaches every control, each with a visible focus ring', async () => {
  await panel.click(byTestId('new-draft'));
  if (await panel.$(`${byTestId('ask')}:not([hidden])`)) await panel.click(byTestId('ask-discard'));
  await panel.fill(byTestId('draft-input'), LONG);
  await panel.waitForSelector(`${byTestId('thread-toggle')}:not([hidden])`);
  // The page sync writes the draft into the composer 700 ms after typing; the insertion moves the
  // focus into the page until the panel takes it back. A Tab walk running across that moment reads
  // it as "past the last control" (CI, stop 23), so walk once the composer holds the draft and the
  // panel has the keyboard again.
  await page.waitForFunction((t) => window.__fixture.getText() === t, LONG, { timeout: 15000 });
  await panel.waitForFunction(() => document.hasFocus(), null, { timeout: 15000 });
  await panel.focus(byTestId('project-select'));
  const seen = [];
  for (let i = 0; i < 60; i++) {
    const f = await panel.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      return { id: el.dataset.testid ?? el.tagName.toLowerCase(), ring: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 };
    });
    if (!f) break; // past the last control
    seen.push(f);
    await page.keyboard.press('Tab');
  }
  const ids = new Set(seen.map((f) => f.id));
  for (const id of ['project-select', 'network-select', 'switch-side', 'collapse', 'new-draft', 'variant-toggle', 'draft-input', 'thread-toggle', 'insert', 'copy', 'save-draft', 'add-to-queue', 'schedule-time', 'schedule-at']) {
    assert.ok(ids.has(id), `${id} is reachable by Tab (got ${[...ids].join(', ')})`);
  }
  assert.ok(!ids.has('draft-mirror'), 'the highlight layer under the text box is not a tab stop');
  const noRing = seen.filter((f) => f.id !== 'draft-input' && !f.ring).map((f) => f.id);
  assert.deepEqual(noRing, [], `every focused control shows a focus ring: ${JSON.stringify(seen)}`);
});

test('the draft reaching the page never takes the keyboard from a panel control', async () => {
  await page.bringToFront();
  await panel.focus(byTestId('draft-input'));
  await panel.press(byTestId('draft-input'), 'End');
  await panel.type(byTestId('draft-input'), ' and one more line');
  // Tab on to a button before the page sync (700 ms after the last keystroke) writes into the composer.
  await page.keyboard.press('Shift+Tab');
  const at = await panel.evaluate(() => document.activeElement?.dataset.testid);
  assert.ok(at && at !== 'draft-input', `a control before the text box has the focus (${at})`);
  await page.waitForFunction((want) => window.__fixture.getText().endsWith(want), ' and one more line', { timeout: 5000 });
  await page.waitForTimeout(200);
  const after = await panel.evaluate(() => ({ id: document.activeElement?.dataset.testid, focused: document.hasFocus() }));
  assert.deepEqual(after, { id: at, focused: true }, 'the keyboard stays on that control in the panel');
});

test('the slim tab is reachable by keyboard and opens the panel', async () => {
  const bsky = await browser.context.newPage();
  try {
    // Too small for the panel beside or below the open dialog: it waits as a tab.
    await bsky.setViewportSize({ width: 700, height: 460 });
    await bsky.goto('https://bsky.app/');
    await bsky.click('[data-testid="composeFAB"]');
    await openPanel(bsky, browser.worker, browser.extensionId);
    const status = () => toContent(browser.worker, 'https://bsky.app', { type: 'adapter.status' }).then((r) => r.panel);
    await waitFor(async () => (await status()).mode === 'tab', 'the panel stepping aside to a tab');
    let onTab = false;
    for (let i = 0; i < 30 && !onTab; i++) {
      await bsky.keyboard.press('Tab');
      onTab = await bsky.evaluate(() => document.activeElement?.tagName === 'GLIDER-ROOT');
    }
    assert.ok(onTab, 'Tab reaches the slim tab');
    await bsky.keyboard.press('Enter');
    const peek = await waitFor(async () => { const s = await status(); return s.mode === 'peek' ? s : null; }, 'the panel opened over the page on request');
    assert.ok(peek.rect.width >= 300);
  } finally {
    await bsky.close();
  }
});
