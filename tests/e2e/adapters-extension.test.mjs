// The real path, on every network: the extension's content script (extension/content/main.js,
// injected by the manifest into the real hostnames, in its isolated world) answers
// adapter.status / composer.insert / composer.read / page.posts sent with tabs.sendMessage, as
// the panel, "Open & fill" and the popup do, and reports composer.published. Composers start
// CLOSED wherever the site has a closed state: the content script must open them with the site's
// own opener (and say so), and say plainly why when it cannot.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchWithExtension } from './lib/browser.mjs';
import { extensionForTests, received, recordMessages, sendToTab, tabFor } from './lib/extension-build.mjs';
import { TEXTS, waitState } from './lib/matrix.mjs';
import { startFixtureServer } from './lib/server.mjs';

const TEXT = 'Glider test 👋🏽\n\nTiếng Việt';
// post: the site's Post control (Playwright's CSS engine pierces open shadow roots).
const CASES = [
  { network: 'x', url: 'https://x.com/explore', closed: true, post: '[data-testid="tweetButton"]' },
  { network: 'x', url: 'https://x.com/home', closed: false, post: '[data-testid="tweetButtonInline"]' },
  { network: 'facebook', url: 'https://www.facebook.com/', closed: true, post: '[role="dialog"] [aria-label="Post"]' },
  { network: 'threads', url: 'https://www.threads.net/', closed: true, post: '[role="dialog"] [role="button"]:has-text("Post")' },
  { network: 'bluesky', url: 'https://bsky.app/', closed: true, post: '[data-testid="composerPublishBtn"]' },
  { network: 'linkedin', url: 'https://www.linkedin.com/feed/', closed: true, post: 'button.share-actions__primary-action' },
  { network: 'linkedin', url: 'https://www.linkedin.com/feed/?dom=light&editor=quill2', closed: true, post: 'button.share-actions__primary-action' },
  { network: 'mastodon', url: 'https://mastodon.social/home', closed: false, post: '.compose-form__submit button' },
  // Single column: the compose page has no timeline beside it.
  { network: 'mastodon', url: 'https://mastodon.social/home', viewport: { width: 600, height: 900 }, closed: true, feed: false, post: '.compose-form__submit button' },
  { network: 'vk', url: 'https://vk.com/feed', closed: false, post: '#send_post' },
  { network: 'vk', url: 'https://vk.com/feed?layout=vkui', closed: true, post: '[data-testid="posting_submit_button"]' },
  { network: 'telegram', url: 'https://web.telegram.org/k/#777', closed: false, post: 'button.btn-send' },
  { network: 'telegram', url: 'https://web.telegram.org/a/#777', closed: false, post: '.Composer .main-button' },
  { network: 'reddit', url: 'https://www.reddit.com/r/test/comments/abc123/x/', closed: true, post: 'shreddit-composer [slot="submit-button"]' },
];

let server;
let browser;
let ext;

before(async () => {
  ext = await extensionForTests();
  server = await startFixtureServer({ networks: [...new Set(CASES.map((c) => c.network))] });
  browser = await launchWithExtension({ extDir: ext.dir, port: server.port });
  await recordMessages(browser.worker);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await ext?.cleanup();
});

/** A fresh page at `url`, and its tab id once its content script has spoken. */
async function openTab(url, viewport) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(url);
  await page.waitForFunction(() => !!window.__fixture);
  const tab = await tabFor(browser.worker, url.replace(/[?#].*$/, ''));
  return { page, tab };
}

/** adapter.status, asked until the content script found what it looks for. */
async function status(tab, until) {
  let s = null;
  for (let i = 0; i < 50; i += 1) {
    s = await sendToTab(browser.worker, tab, { type: 'adapter.status' }).catch((e) => ({ error: e.message }));
    if (s?.ok && until(s)) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  return s;
}

describe('adapters through the extension content script', () => {
  for (const c of CASES) {
    test(`${c.network} ${c.url}${c.viewport ? ' (narrow)' : ''}: ${c.closed ? 'closed composer opened by Insert' : 'insert'}, read, posts, published`, async (t) => {
      t.diagnostic(ext.real ? 'extension: dist/chrome (content script rebuilt from source)' : 'extension: test build (real content script, stub worker)');
      const { page, tab } = await openTab(c.url, c.viewport);
      try {
        const s = await status(tab, (x) => (c.closed ? x.canOpen : x.found));
        assert.equal(s?.network, c.network, JSON.stringify(s));
        if (c.closed) assert.deepEqual([s.found, s.canOpen, s.needsUpdate], [false, true, false], 'a closed composer, its opener found');
        else assert.ok(s.found && s.composers >= 1, JSON.stringify(s));

        const r = await sendToTab(browser.worker, tab, { type: 'composer.insert', text: TEXT, replace: true });
        assert.ok(r.ok, JSON.stringify(r));
        assert.deepEqual([r.verified, r.opened, r.text, r.network], [true, c.closed, TEXT, c.network]);
        assert.equal(typeof r.technique, 'string');
        await waitState(page, TEXT, "editor's own state after insert through the extension");
        assert.equal(await page.evaluate(() => window.__fixture.postEnabled()), true, 'Post enabled');

        const read = await sendToTab(browser.worker, tab, { type: 'composer.read' });
        assert.deepEqual([read.ok, read.found, read.text], [true, true, TEXT]);
        const posts = await sendToTab(browser.worker, tab, { type: 'page.posts' });
        if (c.feed !== false) assert.ok(posts.posts.length >= 1, 'the seeded posts are visible');

        await page.click(c.post);
        let published = [];
        for (let i = 0; i < 50 && !published.length; i += 1) {
          published = (await received(browser.worker)).filter((m) => m.type === 'composer.published' && m.tabId === tab);
          if (!published.length) await page.waitForTimeout(100);
        }
        assert.equal(published.length, 1, 'one composer.published message');
        assert.deepEqual([published[0].network, published[0].text], [c.network, TEXT]);
      } finally {
        await page.close();
      }
    });
  }

  test('telegram chat list: no composer and nothing to open; insert says noChat and changes nothing', async () => {
    const { page, tab } = await openTab('https://web.telegram.org/a/');
    try {
      const s = await status(tab, () => true);
      assert.deepEqual([s.found, s.canOpen, s.needsUpdate], [false, false, false]);
      const r = await sendToTab(browser.worker, tab, { type: 'composer.insert', text: TEXTS.simple });
      assert.deepEqual([r.ok, r.verified, r.opened, r.reason, r.network], [false, false, false, 'noChat', 'telegram']);
    } finally {
      await page.close();
    }
  });

  test('reddit submit: the title comes from composer.insert', async () => {
    const { page, tab } = await openTab('https://www.reddit.com/r/test/submit');
    try {
      await status(tab, (x) => x.found);
      const r = await sendToTab(browser.worker, tab, { type: 'composer.insert', text: 'Body only', title: 'Explicit title' });
      assert.ok(r.ok, JSON.stringify(r));
      assert.deepEqual(r.title, { ok: true, text: 'Explicit title' });
      assert.equal(await page.evaluate(() => window.__fixture.getTitle()), 'Explicit title');
      assert.equal(await page.evaluate(() => window.__fixture.postEnabled()), true);
    } finally {
      await page.close();
    }
  });
});
