// Shared by Chromium and Firefox (lib/driver.mjs): the content script as shipped (dist/chrome,
// dist/firefox), injected by the manifest into the real hostnames, on every network. It answers
// adapter.status / composer.insert / composer.read / page.posts sent with tabs.sendMessage (as the
// panel, "Open & fill" and the popup do), opens closed composers with the site's own opener,
// and reports composer.published after a real click on the site's Post. One markup variant per
// network here; tests/e2e/adapters-*.test.mjs run every variant and text in Chromium.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useDriver } from './lib/driver.mjs';

const TEXT = 'Glider test 👋🏽\n\nTiếng Việt';
const CASES = [
  { network: 'x', url: 'https://x.com/explore', closed: true, post: ['[data-testid="tweetButton"]'] },
  { network: 'facebook', url: 'https://www.facebook.com/', closed: true, post: ['[role="dialog"] [aria-label="Post"]'] },
  { network: 'threads', url: 'https://www.threads.net/', closed: true, post: ['[role="dialog"] [role="button"]', 'Post'] },
  { network: 'bluesky', url: 'https://bsky.app/', closed: true, post: ['[data-testid="composerPublishBtn"]'] },
  { network: 'linkedin', url: 'https://www.linkedin.com/feed/', closed: true, post: ['button.share-actions__primary-action'] },
  { network: 'mastodon', url: 'https://mastodon.social/home', closed: false, post: ['.compose-form__submit button'] },
  { network: 'vk', url: 'https://vk.com/feed', closed: false, post: ['#send_post'] },
  { network: 'telegram', url: 'https://web.telegram.org/a/#777', closed: false, post: ['.Composer .main-button'] },
  { network: 'reddit', url: 'https://www.reddit.com/r/test/comments/abc123/x/', closed: true, post: ['shreddit-composer [slot="submit-button"]'] },
];

const d = useDriver({ networks: [...new Set(CASES.map((c) => c.network))] });

/** Record the content scripts' broadcasts in the worker, with the sender's tab (once). */
function record() {
  return d.workerEval(({ g, api }) => {
    if (g.__received) return;
    g.__received = [];
    api.runtime.onMessage.addListener((m, sender) => {
      g.__received.push({ type: m.type, network: m.network, text: m.text, tabId: sender.tab?.id, url: sender.url });
      return false;
    });
  });
}

/** The tab id of the page at `prefix`, once its content script has spoken. */
async function tabAt(prefix) {
  const end = Date.now() + 15_000;
  while (Date.now() < end) {
    const hit = (await d.workerEval(({ g }) => g.__received)).findLast((m) => m.url?.startsWith(prefix) && m.tabId !== undefined);
    if (hit) return hit.tabId;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no content script message from ${prefix}`);
}

const toTab = (tabId, msg) => d.workerEval(({ api }, { tabId, msg }) => api.tabs.sendMessage(tabId, msg, { frameId: 0 }), { tabId, msg });

describe(`${d.kind} · the content script on every network`, () => {
  for (const c of CASES) {
    test(`${d.kind} · ${c.network}: ${c.closed ? 'closed composer opened by Insert' : 'insert'}, read, posts, published`, async () => {
      await record();
      const page = await d.sitePage(c.url);
      await page.waitFor(() => !!window.__fixture);
      const tab = await tabAt(c.url.replace(/[?#].*$/, ''));
      let s = null;
      for (let i = 0; i < 50 && !(s?.ok && (c.closed ? s.canOpen : s.found)); i += 1) {
        s = await toTab(tab, { type: 'adapter.status' }).catch((e) => ({ error: e.message }));
        if (!(s?.ok && (c.closed ? s.canOpen : s.found))) await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(s?.network, c.network, JSON.stringify(s));
      if (c.closed) assert.deepEqual([s.found, s.canOpen, s.needsUpdate], [false, true, false], 'a closed composer, its opener found');

      const r = await toTab(tab, { type: 'composer.insert', text: TEXT, replace: true });
      assert.ok(r.ok, JSON.stringify(r));
      assert.deepEqual([r.verified, r.opened, r.text, r.network], [true, c.closed, TEXT, c.network]);
      await page.waitFor((t) => window.__fixture.getText() === t, TEXT, { message: "editor's own state after insert" });
      assert.equal(await page.evaluate(() => window.__fixture.postEnabled()), true, 'Post enabled');
      const read = await toTab(tab, { type: 'composer.read' });
      assert.deepEqual([read.ok, read.found, read.text], [true, true, TEXT]);
      const posts = await toTab(tab, { type: 'page.posts' });
      assert.ok(posts.posts.length >= 1, 'the seeded posts are visible');

      await page.clickDeep(...c.post);
      let published = [];
      for (let i = 0; i < 50 && !published.length; i += 1) {
        published = (await d.workerEval(({ g }) => g.__received)).filter((m) => m.type === 'composer.published' && m.tabId === tab);
        if (!published.length) await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(published.length, 1, 'one composer.published message');
      assert.deepEqual([published[0].network, published[0].text], [c.network, TEXT]);
      assert.deepEqual(page.errors, [], 'no page errors');
      await page.close();
    });
  }
});
