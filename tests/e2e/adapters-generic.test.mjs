// Generic adapter: a plain textarea and a plain contenteditable on any page (example.org).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inPage, insertionCases, openPage, publishCase, useBrowser } from './adapters-b-cases.mjs';

const env = useBrowser(['generic']);
const URL_ = 'https://example.org/';
const use = (kind) => (p) => p.evaluate((k) => window.__fixture.use(k), kind);

const pageTa = insertionCases(env, { name: 'generic textarea', url: URL_, adapter: 'generic', prepare: use('textarea') });
insertionCases(env, { name: 'generic contenteditable', url: URL_, adapter: 'generic', prepare: use('editable') });

test('generic: finds both boxes, the focused one first; never expects a composer', async () => {
  const p = pageTa();
  const ids = () => p.evaluate(() => window.__gliderAdapter.findComposers(document).map((el) => el.id));
  await p.focus('#note');
  assert.deepEqual(await ids(), ['note', 'reply']);
  await p.focus('#reply');
  assert.deepEqual(await ids(), ['reply', 'note']);
  const r = await p.evaluate(() => {
    const a = window.__gliderAdapter;
    const [ta, ce] = [document.getElementById('reply'), document.getElementById('note')];
    return {
      expects: a.expectsComposer(new URL(location.href)),
      taButton: a.postButton(ta)?.id,
      ceButton: a.postButton(ce)?.id,
    };
  });
  assert.deepEqual(r, { expects: false, taButton: 'reply-send', ceButton: 'note-send' });
});

for (const kind of ['textarea', 'editable']) {
  test(`generic ${kind}: publishing is detected and visiblePosts reads articles`, async () => {
    const p = await openPage(env, URL_, 'generic', use(kind));
    await publishCase(p, `Posted from the ${kind}\nsecond line`);
    await p.close();
  });
}
