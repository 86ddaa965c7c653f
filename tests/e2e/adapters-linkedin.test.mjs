// LinkedIn adapter against the Quill 2 share-box fixture (www.linkedin.com).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inPage, insertionCases, openPage, publishCase, useBrowser } from './adapters-b-cases.mjs';

const env = useBrowser(['linkedin']);
const URL_FEED = 'https://www.linkedin.com/feed/';
// The share box is a dialog: open it like a user would.
const openBox = async (page) => {
  await page.click('#start-post');
  await page.waitForSelector('.ql-editor[contenteditable="true"]');
};

const page = insertionCases(env, { name: 'linkedin', url: URL_FEED, adapter: 'linkedin', prepare: openBox });

test('linkedin: matches the site, one composer in the open dialog, no composer expected', async () => {
  const p = page();
  const r = await p.evaluate(() => {
    const a = window.__gliderAdapter;
    const u = (s) => new URL(s);
    return {
      feed: a.matches(u('https://www.linkedin.com/feed/')),
      messaging: a.matches(u('https://www.linkedin.com/messaging/thread/1/')),
      other: a.matches(u('https://example.org/feed/')),
      expects: a.expectsComposer(u('https://www.linkedin.com/feed/')),
      count: a.findComposers(document).length,
      mount: a.mountPoint(a.findComposers(document)[0]).anchor.className,
    };
  });
  assert.deepEqual(r, { feed: true, messaging: false, other: false, expects: false, count: 1, mount: 'editor-content ql-container' });
});

test('linkedin: visiblePosts reads the feed, line breaks included', async () => {
  const posts = await inPage.posts(page());
  assert.ok(posts.length >= 1);
  assert.match(posts.at(-1).id, /^urn:li:activity:\d+$/);
  assert.equal(posts.at(-1).text, 'Thrilled to announce our new release.\n\nThanks to the whole team!');
});

test('linkedin: Post click is detected as published (the dialog closes), the post appears', async () => {
  const p = await openPage(env, URL_FEED, 'linkedin', openBox);
  await publishCase(p, 'Shipping day 🚀\n\nSecond paragraph');
  assert.equal(await inPage.count(p), 0, 'the dialog closed');
  await p.close();
});
