// The real path: the extension's content script (extension/content/main.js)
// answers composer.insert / composer.read / page.posts sent from the worker
// with chrome.tabs.sendMessage, and reports composer.published, on the X,
// Facebook, Threads and Bluesky fixtures served under their real hostnames
// with a strict CSP (no WASM in the page).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEXTS, expectState } from './lib/adapter-suite.mjs';
import { launchWithExtension } from './lib/browser.mjs';
import { extensionForTests, received, recordMessages, sendToTab, tabFor } from './lib/extension-build.mjs';
import { startFixtureServer } from './lib/server.mjs';

const CASES = [
  { network: 'x', url: 'https://x.com/home', open: null, post: '[data-testid="tweetButtonInline"]' },
  { network: 'facebook', url: 'https://www.facebook.com/', open: '.open-composer', post: '[role="dialog"] [aria-label="Post"]' },
  { network: 'threads', url: 'https://www.threads.net/', open: '.open-composer', post: '[role="dialog"] [role="button"]:has-text("Post")' },
  { network: 'bluesky', url: 'https://bsky.app/', open: '[data-testid="composeFAB"]', post: '[data-testid="composerPublishBtn"]' },
];

let server;
let browser;
let ext;

before(async () => {
  ext = await extensionForTests();
  server = await startFixtureServer({ networks: CASES.map((c) => c.network) });
  browser = await launchWithExtension({ extDir: ext.dir, port: server.port });
  await recordMessages(browser.worker);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await ext?.cleanup();
});

describe('adapters through the extension content script', () => {
  for (const c of CASES) {
    test(`${c.network}: insert, read, posts, published`, async (t) => {
      t.diagnostic(ext.real ? 'extension: dist/chrome (content script rebuilt from source)' : 'extension: test build (real content script, stub worker)');
      const page = await browser.context.newPage();
      try {
        await page.goto(c.url);
        await page.waitForFunction(() => !!window.__fixture);
        if (c.open) await page.click(c.open);
        const origin = new URL(c.url).origin;
        const tab = await tabFor(browser.worker, origin);
        // The content script finds the composer on its own (it may appear after a click).
        let status;
        for (let i = 0; i < 50; i += 1) {
          status = await sendToTab(browser.worker, tab, { type: 'adapter.status' }).catch((e) => ({ error: e.message }));
          if (status?.composers >= 1) break;
          await page.waitForTimeout(100);
        }
        assert.equal(status?.network, c.network, JSON.stringify(status));
        assert.ok(status.composers >= 1 && status.found, `composer found by the content script: ${JSON.stringify(status)}`);

        const text = TEXTS.multiline;
        const r = await sendToTab(browser.worker, tab, { type: 'composer.insert', text, replace: true });
        assert.ok(r.ok, JSON.stringify(r));
        assert.equal(r.text, text);
        await expectState(page, text, 'editor state after insert through the extension');
        assert.ok(await page.evaluate(() => window.__fixture.postEnabled()), 'Post enabled');

        const read = await sendToTab(browser.worker, tab, { type: 'composer.read' });
        assert.deepEqual([read.ok, read.found, read.text], [true, true, text]);

        const posts = await sendToTab(browser.worker, tab, { type: 'page.posts' });
        const seeded = await page.evaluate(() => window.__fixture.posts());
        const norm = (s) => s.replace(/\s+/g, ' ').trim();
        assert.deepEqual(posts.posts.map((p) => norm(p.text)), seeded.map((p) => norm(p.text)), 'visible posts = timeline');

        await page.click(c.post);
        await page.waitForFunction((w) => window.__fixture.posts()[0].text === w, text);
        let published = [];
        for (let i = 0; i < 50 && !published.length; i += 1) {
          published = (await received(browser.worker)).filter((m) => m.type === 'composer.published' && m.network === c.network);
          if (!published.length) await page.waitForTimeout(100);
        }
        assert.equal(published.length, 1, 'one composer.published message');
        assert.equal(published[0].text, text);
      } finally {
        await page.close();
      }
    });
  }
});
