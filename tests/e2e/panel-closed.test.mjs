// The panel on pages whose composer is a closed dialog (issue 12's openers, issue 11's panel):
// the status says Insert opens it rather than "no composer"; Insert opens the site's composer
// with its own opener and fills it, and the panel's draft stays as it was (the composer that
// just opened is empty, or holds a draft the site restored: neither replaces the panel's text);
// a page where nothing can be opened says why, in the site's terms, and offers the clipboard.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFixtureServer } from './lib/server.mjs';
import { launchWithExtension } from './lib/browser.mjs';
import { byTestId, openPanel, waitFor } from './support/panel.mjs';

let server;
let browser;

before(async () => {
  server = await startFixtureServer({ networks: ['linkedin', 'bluesky', 'x', 'telegram'] });
  browser = await launchWithExtension({ port: server.port });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const toast = (panel) => panel.evaluate(() => {
  const t = document.querySelector('[data-testid="toast"]');
  return t.hidden ? null : { kind: t.dataset.kind, text: t.querySelector('[data-testid="toast-text"]').textContent, actions: [...t.querySelectorAll('[data-testid="toast-action"] button')].map((b) => b.dataset.testid) };
});

async function openOn(url) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  await page.waitForFunction(() => !!window.__fixture);
  const panel = await openPanel(page, browser.worker, browser.extensionId);
  return { page, panel };
}

for (const { name, url, text } of [
  { name: 'LinkedIn (share box in #interop-outlet\'s shadow root, Quill 1)', url: 'https://www.linkedin.com/feed/', text: 'Three lessons from a year of local-first tooling.\n\n1. Own your data.' },
  { name: 'Bluesky', url: 'https://bsky.app/', text: 'Xin chào Bluesky! 👋🏽' },
]) {
  test(`${name}: Insert opens the closed composer and fills it; the panel keeps its draft`, async (t) => {
    const { page, panel } = await openOn(url);
    t.after(() => page.close());
    await panel.waitForSelector(`${byTestId('status')}[data-state="can-open"]`);
    assert.match(await panel.textContent(byTestId('status')), /Post box closed: Insert opens it/);
    assert.equal(await page.evaluate(() => window.__fixture.isOpen()), false);

    await panel.fill(byTestId('draft-input'), text);
    await panel.click(byTestId('insert'));
    await page.waitForFunction((want) => window.__fixture.getText() === want, text, { timeout: 15000 });
    const done = await waitFor(async () => { const x = await toast(panel); return x?.kind === 'ok' ? x : null; }, 'the insert toast');
    assert.equal(done.text, "Opened the site's composer. Inserted into the page (checked)");
    assert.equal(await page.evaluate(() => window.__fixture.postEnabled()), true, "the site's Post is enabled");
    await page.waitForTimeout(500);
    assert.equal(await panel.inputValue(byTestId('draft-input')), text, 'the draft in the panel is untouched');
    await panel.waitForSelector(`${byTestId('status')}[data-state="found"]`);
  });
}

test('the user opens the site\'s dialog while the panel holds a draft: the draft stays, whatever the dialog holds', async (t) => {
  const { page, panel } = await openOn('https://x.com/explore');
  t.after(() => page.close());
  await panel.waitForSelector(`${byTestId('status')}[data-state="can-open"]`);
  await panel.fill(byTestId('draft-input'), 'Written in the panel first');
  // The site restores a draft of its own when the dialog opens (x.com keeps the closed dialog's text).
  await page.evaluate(() => window.__fixture.reset('An older draft of the site'));
  await page.click('[data-testid="SideNav_NewTweet_Button"]');
  await page.waitForFunction(() => window.__fixture.getText() === 'An older draft of the site');
  await panel.waitForSelector(`${byTestId('status')}[data-state="found"]`);
  await page.waitForTimeout(500);
  assert.equal(await panel.inputValue(byTestId('draft-input')), 'Written in the panel first');
});

test('Telegram\'s chat list: nothing to open, so Insert says to open a chat and offers the clipboard', async (t) => {
  const { page, panel } = await openOn('https://web.telegram.org/k/');
  t.after(() => page.close());
  await panel.waitForSelector(`${byTestId('status')}[data-state="missing"]`);
  await panel.fill(byTestId('draft-input'), 'For the chat');
  await panel.click(byTestId('insert'));
  const failed = await waitFor(async () => { const x = await toast(panel); return x?.kind === 'error' ? x : null; }, 'the failure');
  assert.equal(failed.text, 'Open the chat to post in, then press “Insert into page” in the Glider panel.');
  assert.deepEqual(failed.actions, ['toast-copy']);
  assert.equal(await panel.inputValue(byTestId('draft-input')), 'For the chat');
});
