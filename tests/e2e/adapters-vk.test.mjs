// VK adapter on the plain-contenteditable fixtures: the classic post box (#post_field, always
// there) and the redesigned feed, whose "What's new?" entry opens a posting box (closed composer).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { behaviourCases } from './lib/behaviour.mjs';
import { matrix, openFixture, useFixtures } from './lib/matrix.mjs';

const env = useFixtures(['vk']);
const FEED = 'https://vk.com/feed';

matrix(env, { network: 'vk', variant: 'classic', url: FEED, states: ['open'] });
matrix(env, { network: 'vk', variant: 'vkui-posting-box', url: `${FEED}?layout=vkui` });
behaviourCases(env, { network: 'vk', url: FEED, publish: 'Новый пост\n\nwith a blank line 🇻🇳' });
behaviourCases(env, { network: 'vk', url: `${FEED}?layout=vkui` });

describe('vk specifics', () => {
  test('vk: matches and finds the post box, expects it on the feed', async () => {
    const p = await openFixture(env, FEED, 'vk');
    const r = await p.evaluate(() => {
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
    const posts = await p.evaluate(() => window.__gliderAdapter.visiblePosts(document));
    assert.deepEqual(posts.at(-1), { id: '-1_4501', text: 'Всем привет!\nWelcome to my wall.' });
    await p.close();
  });

  test('vk: the redesigned feed has no composer until "What\'s new?" opens it; that is not "needs update"', async () => {
    const p = await openFixture(env, `${FEED}?layout=vkui`, 'vk');
    const r = await p.evaluate(() => {
      const a = window.__gliderAdapter;
      return { composers: a.findComposers(document).length, opener: a.findOpener(document)?.dataset.testid };
    });
    assert.deepEqual(r, { composers: 0, opener: 'posting_create_post_button' });
    await p.close();
  });
});
