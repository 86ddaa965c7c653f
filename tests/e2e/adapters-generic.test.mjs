// Generic adapter: a plain textarea and a plain contenteditable on any page (example.org).
// Nothing to open there: the boxes are always on the page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { behaviourCases } from './lib/behaviour.mjs';
import { matrix, openFixture, useFixtures } from './lib/matrix.mjs';

const env = useFixtures(['generic']);
const URL_ = 'https://example.org/';

// ?box=: a page with only a textarea, or only a contenteditable.
for (const kind of ['textarea', 'editable']) {
  const url = `${URL_}?box=${kind}`;
  matrix(env, { network: 'generic', variant: kind, url, states: ['open'] });
  behaviourCases(env, { network: 'generic', url, publish: `Posted from the ${kind}\nsecond line`, otherUrl: 'ftp://example.org/' });
}

describe('generic specifics', () => {
  test('generic: finds both boxes, the focused one first; never expects a composer', async () => {
    const p = await openFixture(env, URL_, 'generic');
    const ids = () => p.evaluate(() => window.__gliderAdapter.findComposers(document).map((el) => el.id));
    await p.focus('#note');
    assert.deepEqual(await ids(), ['note', 'reply']);
    await p.focus('#reply');
    assert.deepEqual(await ids(), ['reply', 'note']);
    const r = await p.evaluate(() => {
      const a = window.__gliderAdapter;
      const [ta, ce] = [document.getElementById('reply'), document.getElementById('note')];
      return { expects: a.expectsComposer(new URL(location.href)), taButton: a.postButton(ta)?.id, ceButton: a.postButton(ce)?.id };
    });
    assert.deepEqual(r, { expects: false, taButton: 'reply-send', ceButton: 'note-send' });
    await p.close();
  });
});
