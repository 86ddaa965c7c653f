// Telegram Web adapter against both clients' fixtures: /k/ (tweb) and /a/ (Teact).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inPage, insertionCases, openPage, publishCase, useBrowser } from './adapters-b-cases.mjs';

const env = useBrowser(['telegram']);
const K = 'https://web.telegram.org/k/#@glider_test';
const A = 'https://web.telegram.org/a/#777';

const pageK = insertionCases(env, { name: 'telegram /k', url: K, adapter: 'telegram' });
insertionCases(env, { name: 'telegram /a', url: A, adapter: 'telegram' });

test('telegram: matches /k and /a, skips the measuring twin of the /k input', async () => {
  const r = await pageK().evaluate(() => {
    const a = window.__gliderAdapter;
    const u = (s) => new URL(s);
    const c = a.findComposers(document);
    return {
      k: a.matches(u('https://web.telegram.org/k/')),
      a: a.matches(u('https://web.telegram.org/a/#1')),
      root: a.matches(u('https://telegram.org/')),
      chat: a.expectsComposer(u('https://web.telegram.org/k/#@durov')),
      list: a.expectsComposer(u('https://web.telegram.org/k/')),
      count: c.length,
      fake: c.some((el) => el.classList.contains('input-field-input-fake')),
    };
  });
  assert.deepEqual(r, { k: true, a: true, root: false, chat: true, list: false, count: 1, fake: false });
});

test('telegram: visiblePosts reads messages without their time stamps', async () => {
  const p = pageK();
  assert.deepEqual((await inPage.posts(p)).at(-1), { id: '901', text: 'Hi! Are we still on for tomorrow?' });
  const pa = await openPage(env, A, 'telegram');
  assert.deepEqual((await inPage.posts(pa)).at(-1), { id: '901', text: 'Hi! Are we still on for tomorrow?' });
  await pa.close();
});

for (const [name, url] of [['/k', K], ['/a', A]]) {
  test(`telegram ${name}: the send button and Enter are detected as published`, async () => {
    const p = await openPage(env, url, 'telegram');
    await publishCase(p, 'Two lines\nand 👨‍👩‍👧‍👦');
    // Enter (real keystroke) sends in Telegram.
    await inPage.reset(p, '');
    assert.ok((await inPage.insert(p, 'Sent with Enter')).ok);
    await inPage.watch(p);
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => window.__events.published.length === 1);
    assert.deepEqual(await p.evaluate(() => window.__events.published), ['Sent with Enter']);
    assert.deepEqual((await p.evaluate(() => window.__fixture.posts())).at(-1), 'Sent with Enter');
    await p.close();
  });
}
