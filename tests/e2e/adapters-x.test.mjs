// X adapter on the draft-js fixture: the inline composer of /home, and the compose dialog that
// the sidebar "Post" link opens on any other page (/explore).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { behaviourCases } from './lib/behaviour.mjs';
import { matrix, openFixture, useFixtures } from './lib/matrix.mjs';

const env = useFixtures(['x']);
matrix(env, { network: 'x', variant: 'home-inline', url: 'https://x.com/home', states: ['open'] });
matrix(env, { network: 'x', variant: 'explore-dialog', url: 'https://x.com/explore' });
behaviourCases(env, { network: 'x', url: 'https://x.com/home' });
behaviourCases(env, { network: 'x', url: 'https://x.com/compose/post' });

describe('x specifics', () => {
  test('x: visiblePosts skips a post card with no text instead of throwing (lib/adapter.js sliced text before checking it)', async () => {
    const p = await openFixture(env, 'https://x.com/home', 'x');
    const r = await p.evaluate(() => {
      const before = window.__gliderAdapter.visiblePosts(document).length;
      for (const text of ['no tweetText inside', '']) {
        const card = document.createElement('article');
        card.dataset.testid = 'tweet';
        card.textContent = text;
        document.querySelector('[data-testid="primaryColumn"]').append(card);
      }
      return { before, after: window.__gliderAdapter.visiblePosts(document).length };
    });
    assert.deepEqual(r, { before: r.before, after: r.before });
    assert.ok(r.before >= 2);
    await p.close();
  });
});
