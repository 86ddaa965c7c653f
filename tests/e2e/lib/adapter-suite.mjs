// The shared adapter test suite (issue 5: every network x {empty, replace} x
// {simple, multi-line, emoji, Vietnamese, 3,000 chars}). The adapter is
// bundled with esbuild and injected from the fixture's own origin (the page
// CSP allows only 'self'); assertions use the fixture's editor state
// (`window.__fixture`), never the DOM alone.
//
// The fixture page must expose `window.__fixture = { getText(), postEnabled(), posts() }`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchWithExtension } from './browser.mjs';
import { startFixtureServer } from './server.mjs';

/** Exactly 3,000 UTF-16 units: words, emoji and two paragraph breaks; ends on a full stop. */
function longText() {
  const words = 'Glider drafts posts on the network page itself with line breaks kept and emoji 🙂 intact'.split(' ');
  let s = '';
  for (let i = 0; s.length < 3100; i += 1) s += words[i % words.length] + (i % 97 === 96 ? '\n\n' : ' ');
  s = s.slice(0, 2990).replace(/[\s\uD800-\uDBFF]+$/, '');
  return s + '.'.repeat(3000 - s.length);
}

export const TEXTS = Object.freeze({
  simple: 'Hello from Glider',
  multiline: 'First line\n\nThird line, after a blank one\n\n\nAfter two blank lines\nlast line',
  emoji: 'Skin 👍🏽 family 👨‍👩‍👧‍👦 flag 🇻🇳 done',
  vietnamese: 'Tiếng Việt có dấu: người được những chữ'.normalize('NFD'),
  long3000: longText(),
});

/** Previous content for the replace cases: typed with the real keyboard, two paragraphs. */
export const PREVIOUS = ['Old draft', 'second line'];

/** Add the adapter bundle to the page (served same-origin by the fixture server). */
export async function injectAdapter(page, network) {
  await page.addScriptTag({ url: `/__glider_test__/adapters/${network}.js` });
  await page.waitForFunction(() => !!window.__gliderAdapter);
}

/** Mark the adapter's first composer (or its postButton) so Playwright can click it. */
export async function markComposer(page) {
  const found = await page.evaluate(() => {
    document.querySelectorAll('[data-glider-test]').forEach((el) => el.removeAttribute('data-glider-test'));
    const a = window.__gliderAdapter;
    const c = a.findComposers(document)[0];
    if (!c) return false;
    c.setAttribute('data-glider-test', 'composer');
    a.postButton(c)?.setAttribute('data-glider-test', 'post');
    return true;
  });
  assert.ok(found, 'adapter found no composer');
}

export async function adapterInsert(page, text, replace) {
  return page.evaluate(async ({ text, replace }) => {
    const a = window.__gliderAdapter;
    const c = a.findComposers(document)[0];
    const r = await a.insert(c, text, { replace });
    return { ...r, read: a.read(c) };
  }, { text, replace });
}

export const state = (page) => page.evaluate(() => window.__fixture.getText());

/** Wait until the fixture's editor state equals `want` (editors commit asynchronously). */
export async function expectState(page, want, msg) {
  try {
    await page.waitForFunction((w) => window.__fixture.getText() === w, want, { timeout: 3000 });
  } catch {
    assert.equal(await state(page), want, msg);
  }
}

/**
 * Register the suite for one network.
 * @param {{ network: string, url: string, open?: (page) => Promise<void>, undoGapMs?: number,
 *   texts?: Record<string,string>, extra?: (ctx: { page: () => import('playwright-core').Page, reset: () => Promise<void> }) => void }} cfg
 *   open: make the composer appear (click "What's on your mind?", the compose button...);
 *   undoGapMs: pause between the typed previous text and the insertion (ProseMirror groups
 *   history within 500 ms, Quill within 1 s: a user never inserts that fast after typing).
 */
export function adapterSuite(cfg) {
  const { network, url, open = async () => {}, undoGapMs = 600, texts = TEXTS } = cfg;
  let server;
  let browser;
  let page;

  async function reset() {
    await page.goto(url);
    await page.waitForFunction(() => !!window.__fixture);
    await open(page);
    await injectAdapter(page, network);
    await markComposer(page);
  }

  async function typePrevious() {
    await page.click('[data-glider-test=composer]');
    await page.keyboard.type(PREVIOUS[0]);
    await page.keyboard.press('Enter');
    await page.keyboard.type(PREVIOUS[1]);
    await expectState(page, PREVIOUS.join('\n'), 'typed previous text');
    await page.waitForTimeout(undoGapMs);
  }

  describe(`${network} adapter on its fixture`, () => {
    before(async () => {
      server = await startFixtureServer({ networks: [network] });
      assert.deepEqual(server.errors, {}, 'fixture bundles');
      browser = await launchWithExtension({ extDir: null, port: server.port });
      page = await browser.context.newPage();
      page.on('pageerror', (e) => console.error(`[${network} pageerror]`, e.message));
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const replace of [false, true]) {
      for (const [name, text] of Object.entries(texts)) {
        test(`${replace ? 'replace' : 'empty'} / ${name}`, async (t) => {
          await reset();
          const previous = replace ? PREVIOUS.join('\n') : '';
          if (replace) await typePrevious();
          else assert.equal(await state(page), '', 'fixture starts empty');

          const r = await adapterInsert(page, text, true);
          assert.ok(r.ok, `insert failed: ${JSON.stringify(r.tried)}`);
          t.diagnostic(`technique: ${r.technique} (tried ${r.tried.map((x) => `${x.technique}=${x.result}`).join(', ')})`);
          assert.equal(r.text, text, 'returned text');
          await expectState(page, text, 'editor state after insert');
          assert.equal(r.read, text, 'read-back');
          assert.ok(await page.evaluate(() => window.__fixture.postEnabled()), 'Post enabled');

          await page.keyboard.press('Control+z');
          await expectState(page, previous, 'one Ctrl+Z restores the previous state');

          // Caret: a real keystroke right after a fresh insertion lands at the end.
          const again = await adapterInsert(page, text, true);
          assert.ok(again.ok, `second insert failed: ${JSON.stringify(again.tried)}`);
          await page.keyboard.type('!');
          await expectState(page, `${text}!`, 'keystroke after insertion lands at the end');
        });
      }
    }

    test('insert with replace:false appends at the end', async () => {
      await reset();
      await typePrevious();
      const r = await adapterInsert(page, ' + more', false);
      assert.ok(r.ok, JSON.stringify(r.tried));
      await expectState(page, `${PREVIOUS.join('\n')} + more`);
    });

    test('watch: onChange on typing, onPublished with the text when Post is clicked', async () => {
      await reset();
      await page.evaluate(() => {
        const a = window.__gliderAdapter;
        window.__events = [];
        window.__ctl = new AbortController();
        a.watch(a.findComposers(document)[0], {
          signal: window.__ctl.signal,
          onChange: (t) => window.__events.push(['change', t]),
          onPublished: (t) => window.__events.push(['published', t]),
        });
      });
      await page.click('[data-glider-test=composer]');
      await page.keyboard.type('typed');
      await page.waitForFunction(() => window.__events.some(([k, t]) => k === 'change' && t === 'typed'));
      const text = TEXTS.multiline;
      assert.ok((await adapterInsert(page, text, true)).ok);
      await markComposer(page);
      await page.click('[data-glider-test=post]');
      await page.waitForFunction(() => window.__events.some(([k]) => k === 'published'), null, { timeout: 5000 });
      const published = await page.evaluate(() => window.__events.filter(([k]) => k === 'published'));
      assert.deepEqual(published, [['published', text]], 'exactly one publication, with the text');
      const fixturePosts = await page.evaluate(() => window.__fixture.posts());
      assert.equal(fixturePosts[0].text, text, 'the fixture really published it');
      const visible = await page.evaluate(() => window.__gliderAdapter.visiblePosts(document));
      assert.ok(visible.length >= 2, 'timeline posts are listed');
      const norm = (s) => s.replace(/\s+/g, ' ').trim();
      assert.equal(norm(visible[0].text), norm(text), 'the new post is first in visiblePosts');
      assert.equal(new Set(visible.map((p) => p.id)).size, visible.length, 'post ids are unique');
      await page.evaluate(() => window.__ctl.abort());
    });

    test('watch ends with its signal: no events after abort', async () => {
      await reset();
      await page.evaluate(() => {
        const a = window.__gliderAdapter;
        window.__events = [];
        const ctl = new AbortController();
        a.watch(a.findComposers(document)[0], { signal: ctl.signal, onChange: (t) => window.__events.push(t) });
        ctl.abort();
      });
      await page.click('[data-glider-test=composer]');
      await page.keyboard.type('after abort');
      await expectState(page, 'after abort');
      await page.waitForTimeout(100);
      assert.deepEqual(await page.evaluate(() => window.__events), []);
    });

    test('matches / expectsComposer / mountPoint', async () => {
      const info = await page.evaluate((u) => {
        const a = window.__gliderAdapter;
        const c = a.findComposers(document)[0];
        const m = a.mountPoint(c);
        return { matches: a.matches(new URL(u)), other: a.matches(new URL('https://example.org/')), mount: m.anchor instanceof Element && typeof m.where === 'string' };
      }, url);
      assert.deepEqual(info, { matches: true, other: false, mount: true });
    });

    cfg.extra?.({ page: () => page, reset });
  });
}
