// VK adapter against the plain-contenteditable post box fixture (vk.com).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inPage, insertionCases, openPage, publishCase, useBrowser } from './adapters-b-cases.mjs';

const env = useBrowser(['vk']);
const FEED = 'https://vk.com/feed';

const page = insertionCases(env, { name: 'vk', url: FEED, adapter: 'vk' });

test('vk: matches and finds the post box, expects it on the feed', async () => {
  const r = await page().evaluate(() => {
    const a = window.__gliderAdapter;
    const u = (s) => new URL(s);
    const c = a.findComposers(document);
    return {
      vk: a.matches(u('https://vk.com/feed')),
      other: a.matches(u('https://vk.example.org/feed')),
      feed: a.expectsComposer(u('https://vk.com/feed')),
      wall: a.expectsComposer(u('https://vk.com/durov')),
      ids: c.map((el) => el.id),
      button: a.postButton(c[0])?.id,
    };
  });
  assert.deepEqual(r, { vk: true, other: false, feed: true, wall: false, ids: ['post_field'], button: 'send_post' });
});

test('vk: visiblePosts reads wall posts with their ids', async () => {
  const posts = await inPage.posts(page());
  assert.deepEqual(posts.at(-1), { id: '-1_4501', text: 'Всем привет!\nWelcome to my wall.' });
});

test('vk: Post click is detected as published, the wall shows it', async () => {
  const p = await openPage(env, FEED, 'vk');
  await publishCase(p, 'Новый пост\n\nwith a blank line 🇻🇳');
  await p.close();
});
