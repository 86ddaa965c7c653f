// Mastodon adapter against the React 18 controlled-textarea fixture (mastodon.social).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inPage, insertionCases, openPage, publishCase, useBrowser } from './adapters-b-cases.mjs';

const env = useBrowser(['mastodon']);
const HOME = 'https://mastodon.social/home';
const graphemes = (s) => [...new Intl.Segmenter().segment(s)].length;

// Mastodon refuses more than 500 characters: the 3,000-character draft lands but Post stays off.
const page = insertionCases(env, { name: 'mastodon', url: HOME, adapter: 'mastodon', enabledFor: (t) => graphemes(t) <= 500 });

test('mastodon: recognised by its DOM on any host, by host alone only for known instances', async () => {
  const r = await page().evaluate(() => {
    const a = window.__gliderAdapter;
    const u = (s) => new URL(s);
    return {
      known: a.matches(u('https://mastodon.social/home')),
      // An instance host this page is not: nothing proves it is Mastodon.
      unknown: a.matches(u('https://fosstodon.org/home')),
      expects: a.expectsComposer(u('https://mastodon.social/home')),
      count: a.findComposers(document).length,
    };
  });
  assert.deepEqual(r, { known: true, unknown: false, expects: true, count: 1 });
});

test('mastodon: a page on another host counts when the web app is there, not otherwise', async () => {
  const p = await env.browser.context.newPage();
  // example.org serves a plain page: not Mastodon, even with the adapter loaded.
  await p.goto('https://example.org/');
  await p.addScriptTag({ url: '/__glider_test__/adapters/mastodon.js' });
  const plain = await p.evaluate(() => window.__gliderAdapter.matches(new URL(location.href)));
  // Same page once it carries the Mastodon root element: recognised.
  const withApp = await p.evaluate(() => {
    const root = document.createElement('div');
    root.id = 'mastodon';
    root.dataset.props = '{"locale":"en"}';
    document.body.append(root);
    return window.__gliderAdapter.matches(new URL(location.href));
  });
  assert.deepEqual({ plain, withApp }, { plain: false, withApp: true });
  await p.close();
});

test('mastodon: visiblePosts gives paragraphs and line breaks as typed', async () => {
  const posts = await inPage.posts(page());
  assert.deepEqual(posts.at(-1), { id: '112999999999999999', text: 'Hello fediverse!\nFirst post here.' });
});

test('mastodon: Post click and Ctrl+Enter are detected as published', async () => {
  const p = await openPage(env, HOME, 'mastodon');
  await publishCase(p, 'Line one\nLine two\n\nNew paragraph 👋🏽');
  // Ctrl+Enter from the textarea (the keyboard is real).
  await inPage.reset(p, '');
  assert.ok((await inPage.insert(p, 'Sent with the keyboard')).ok);
  await inPage.watch(p);
  await p.keyboard.press('Control+Enter');
  await p.waitForFunction(() => window.__events.published.length === 1);
  assert.deepEqual(await p.evaluate(() => window.__events.published), ['Sent with the keyboard']);
  await p.close();
});
