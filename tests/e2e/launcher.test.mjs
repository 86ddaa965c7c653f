// The Glider launcher by keyboard, on the real content script: it is the next Tab stop after the
// composer (X), it sits by the opener of a closed composer (LinkedIn's "Start a post") and moves
// into the share box once that opens (inside #interop-outlet's shadow root, so the dialog's own
// Tab order includes it); its accessible name is "Open Glider"; Enter opens the panel and
// aria-expanded follows. The accessibility tree is read through CDP: the button lives in a
// closed shadow root that page scripts (and Playwright's selectors) cannot enter.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchWithExtension } from './lib/browser.mjs';
import { extensionForTests } from './lib/extension-build.mjs';
import { startFixtureServer } from './lib/server.mjs';

let server;
let browser;
let ext;

before(async () => {
  ext = await extensionForTests();
  server = await startFixtureServer({ networks: ['x', 'linkedin'] });
  browser = await launchWithExtension({ extDir: ext.dir, port: server.port });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await ext?.cleanup();
});

/** The focused node of the accessibility tree: { role, name, expanded }. */
async function focusedAx(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const prop = (n, name) => n.properties?.find((p) => p.name === name)?.value?.value;
  const node = nodes.find((n) => prop(n, 'focused') === true && n.role?.value !== 'RootWebArea');
  return node ? { role: node.role?.value, name: node.name?.value, expanded: prop(node, 'expanded') ?? null } : null;
}

const focusedHost = (page) => page.evaluate(() => document.activeElement?.localName ?? null);
async function panelShown(page, id) {
  const frame = page.frames().find((f) => f.url().startsWith(`chrome-extension://${id}/panel/panel.html`));
  if (!frame) return false;
  const box = await (await frame.frameElement()).boundingBox();
  return !!box && box.width > 0;
}

test('X: Tab from the composer reaches the launcher, named "Open Glider"; Enter opens the panel', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://x.com/home');
  await page.waitForFunction(() => !!document.querySelector('glider-launcher'));
  await page.click('[data-testid="tweetTextarea_0"]');
  await page.keyboard.press('Tab');
  assert.equal(await focusedHost(page), 'glider-launcher', 'the next Tab stop is the launcher');
  assert.deepEqual(await focusedAx(page), { role: 'button', name: 'Open Glider', expanded: false });
  await page.keyboard.press('Enter');
  for (let i = 0; i < 50 && !(await panelShown(page, browser.extensionId)); i += 1) await page.waitForTimeout(100);
  assert.equal(await panelShown(page, browser.extensionId), true, 'Enter opened the panel');
  assert.equal((await focusedAx(page))?.expanded, true, 'aria-expanded follows, focus stays on the launcher');
  await page.close();
});

test('LinkedIn: the launcher sits by "Start a post" while the box is closed, then inside the share box', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  await page.waitForFunction(() => document.querySelector('#start-post')?.nextElementSibling?.localName === 'glider-launcher');
  await page.focus('#start-post');
  await page.keyboard.press('Tab');
  assert.equal(await focusedHost(page), 'glider-launcher', 'Tab from the opener reaches the launcher');
  assert.equal((await focusedAx(page))?.name, 'Open Glider');

  await page.click('#start-post');
  // The share box is in #interop-outlet's shadow root; the launcher's host moves in beside the editor.
  await page.waitForFunction(() => {
    const root = document.getElementById('interop-outlet').shadowRoot;
    return root.querySelector('glider-launcher')?.nextElementSibling?.classList.contains('ql-container');
  }, null, { timeout: 5000 });
  await page.keyboard.press('Shift+Tab');
  const active = await page.evaluate(() => document.getElementById('interop-outlet').shadowRoot.activeElement?.localName);
  assert.equal(active, 'glider-launcher', 'Shift+Tab from the editor reaches it inside the dialog');
  assert.equal((await focusedAx(page))?.name, 'Open Glider');
  await page.close();
});
