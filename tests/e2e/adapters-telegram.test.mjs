// Telegram Web adapter against both clients' fixtures: /k/ (tweb) and /a/ (telegram-tt, whose
// parser folds the <div>s of execCommand('insertText') into single line breaks: blank lines
// must survive, proven by reading back with its own rules). Without an open chat there is no
// composer and nothing to open: the adapter says 'noChat'.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { behaviourCases } from './lib/behaviour.mjs';
import { TEXTS, fill, matrix, openFixture, setUp, waitState } from './lib/matrix.mjs';
import { useFixtures } from './lib/matrix.mjs';

const env = useFixtures(['telegram']);
const K = 'https://web.telegram.org/k/#@glider_test';
const A = 'https://web.telegram.org/a/#777';

matrix(env, { network: 'telegram', variant: 'k', url: K, states: ['open'] });
matrix(env, { network: 'telegram', variant: 'a', url: A, states: ['open'] });
behaviourCases(env, { network: 'telegram', url: K, publish: 'Two lines\nand 👨‍👩‍👧‍👦' });
behaviourCases(env, { network: 'telegram', url: A, publish: 'Two lines\n\nand 👨‍👩‍👧‍👦' });

describe('telegram specifics', () => {
  test('telegram /a keeps every blank line: its own parser agrees with the read-back; execCommand alone would not', async () => {
    const p = await openFixture(env, A, 'telegram');
    await setUp(p, 'open', 'Old draft');
    const r = await fill(p, TEXTS.multiline);
    assert.equal(r.technique, 'lineBreaks');
    assert.equal(r.read, TEXTS.multiline);
    await waitState(p, TEXTS.multiline, "telegram-tt's own parse of the input");
    // The same text through execCommand('insertText') loses blank lines in /a: that is why.
    await setUp(p, 'open', '');
    const lost = await p.evaluate(async (t) => {
      await new Promise((r) => setTimeout(r, 0));
      const el = document.getElementById('editable-message-text');
      el.focus();
      document.execCommand('insertText', false, t);
      return window.__fixture.getText();
    }, TEXTS.multiline);
    assert.notEqual(lost, TEXTS.multiline);
    await p.close();
  });

  test("telegram /a: the adapter's read-back equals telegram-tt's own parse on every kind of input markup", async () => {
    const p = await openFixture(env, A, 'telegram');
    const MARKUP = [
      'a<div><br></div><div>b</div>',
      'First<div><br></div><div>Third</div><div><br></div><div><br></div><div>After</div><div>Last</div>',
      '<div>one</div>\n  <div>two</div>',
      '<div class="x">attr</div><div>plain</div>',
      'a<br class="k">b<br><br>c',
      '<span>in <b>bold</b></span><div><span><br></span></div><div>z</div>',
      'x&nbsp;&nbsp;y<div>&nbsp;</div><div>w</div>',
      'emoji <img class="emoji" alt="👍🏽" src="data:,"> done',
      '\u200b<div><br></div>trailing<div><br></div>',
      '<div><div>nested</div></div><div>next</div>',
      'line one\nline two\n\nline four',
    ];
    const pairs = await p.evaluate((list) => list.map((html) => {
      const el = document.getElementById('editable-message-text');
      el.innerHTML = html;
      return [html, window.__fixture.getText(), window.__gliderAdapter.read(el)];
    }), MARKUP);
    for (const [html, site, ours] of pairs) assert.equal(ours, site, html);
    await p.close();
  });

  test('telegram: the chat list has no composer; fill says noChat, nothing is "needs update"', async () => {
    for (const url of ['https://web.telegram.org/a/', 'https://web.telegram.org/k/']) {
      const p = await openFixture(env, url, 'telegram');
      const r = await fill(p, 'Hello');
      assert.deepEqual([r.ok, r.opened, r.reason, r.verified], [false, false, 'noChat', false], url);
      assert.equal(await p.evaluate(() => window.__gliderAdapter.expectsComposer(new URL(location.href))), false);
      await p.close();
    }
  });

  test('telegram: matches /k and /a, skips the measuring twin of the /k input; visiblePosts without time stamps', async () => {
    const p = await openFixture(env, K, 'telegram');
    const r = await p.evaluate(() => {
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
    assert.deepEqual((await p.evaluate(() => window.__gliderAdapter.visiblePosts(document))).at(-1), { id: '901', text: 'Hi! Are we still on for tomorrow?' });
    await p.close();
  });

  for (const [name, url] of [['/k', K], ['/a', A]]) {
    test(`telegram ${name}: Enter is detected as published`, async () => {
      const p = await openFixture(env, url, 'telegram');
      await setUp(p, 'open', '');
      assert.ok((await fill(p, 'Sent with Enter')).ok);
      await p.evaluate(() => {
        const a = window.__gliderAdapter;
        window.__pub = [];
        a.watch(a.findComposers(document)[0], { signal: new AbortController().signal, onPublished: (t) => window.__pub.push(t) });
      });
      await p.keyboard.press('Enter');
      await p.waitForFunction(() => window.__pub.length === 1);
      assert.deepEqual(await p.evaluate(() => window.__pub), ['Sent with Enter']);
      assert.deepEqual((await p.evaluate(() => window.__fixture.posts())).at(-1), 'Sent with Enter');
      await p.close();
    });
  }
});
