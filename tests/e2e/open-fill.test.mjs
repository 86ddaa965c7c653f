// "Open & fill" from a reminder, end to end with the real worker (dist/chrome, content script
// rebuilt from source): the worker opens the network's page in a new tab and asks its content
// script to insert; where the composer is a closed dialog (Facebook, LinkedIn's share box in
// #interop-outlet's shadow root, X off /home) the content script opens it with the site's own
// opener. The editor's own state and the site's Post control are checked in that tab.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchWithExtension } from './lib/browser.mjs';
import { extensionForTests } from './lib/extension-build.mjs';
import { startFixtureServer } from './lib/server.mjs';

const TEXT = 'Reminder text 👋🏽\n\nwith a blank line';
let server;
let browser;
let ext;
let page;
let project;

async function send(msg) {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), msg);
  if (!reply?.ok) throw new Error(`${msg.type} failed: ${JSON.stringify(reply)}`);
  return reply.result;
}

before(async () => {
  ext = await extensionForTests();
  server = await startFixtureServer({ networks: ['facebook', 'linkedin', 'x'] });
  browser = await launchWithExtension({ extDir: ext.dir, port: server.port });
  page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/reminder/reminder.html`);
  project = (await send({ type: 'state.get' })).projects[0];
});

after(async () => {
  await browser?.close();
  await server?.close();
  await ext?.cleanup();
});

const CASES = [
  // composeUrl opens the feed: the "Create post" dialog is closed there.
  { network: 'facebook', host: 'https://www.facebook.com/', opened: true },
  // ?shareActive=true: the site opens the share box by itself, a little later.
  { network: 'linkedin', host: 'https://www.linkedin.com/' },
  // x.com/intent/post: the compose dialog, filled by the adapter (the intent's own text is replaced).
  { network: 'x', host: 'https://x.com/', opened: true },
];

for (const c of CASES) {
  test(`Open & fill on ${c.network}: the tab opens, the composer opens, the text is in the editor`, async () => {
    assert.ok(ext.real, 'needs dist/chrome from ./build.sh (the real worker)');
    const now = Date.now();
    const id = `fill-${c.network}-${now}`;
    await send({ type: 'post.save', post: { id, projectId: project.id, text: TEXT, networks: [c.network], status: 'draft', createdAt: now, updatedAt: now, revision: 0 } });
    const opened = browser.context.waitForEvent('page', (p) => p.url().startsWith(c.host));
    const result = await send({ type: 'reminder.openFill', id });
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.deepEqual([result.verified, result.text, result.network], [true, TEXT, c.network]);
    if (c.opened) assert.equal(result.opened, true, 'the content script opened the closed composer');
    const tab = await opened;
    assert.equal(await tab.evaluate(() => window.__fixture.getText()), TEXT, "the editor's own state");
    assert.equal(await tab.evaluate(() => window.__fixture.postEnabled()), true, 'Post enabled');
    await tab.close();
  });
}
