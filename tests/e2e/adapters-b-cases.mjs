// Shared cases for the adapter tests of LinkedIn, Mastodon, VK, Telegram, Reddit and generic.
// One browser per test file; the adapter is the real module, bundled by the fixture server and
// injected same-origin (the page CSP is script-src 'self'), driven through its public API, while
// the page's keyboard is real (Playwright input) and the editor's state is read from the
// framework itself (window.__fixture).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchWithExtension } from './lib/browser.mjs';
import { startFixtureServer } from './lib/server.mjs';

function long3000() {
  const words = 'Glider drafts posts where you write them, line by line, every day. ';
  let s = '';
  for (let i = 0; s.length < 3000; i += 1) s += i && i % 8 === 0 ? `\n${words}` : words;
  return s.slice(0, 3000).replace(/\s+$/, '.').padEnd(3000, '.');
}

export const TEXTS = Object.freeze({
  simple: 'Hello from Glider',
  multiline: 'First line\n\nThird line, after a blank one\n\n\nAfter two blank lines\nLast line',
  emoji: 'Wave 👋🏽 family 👨‍👩‍👧‍👦 flag 🇻🇳 done',
  vietnamese: 'Tiếng Việt có dấu: người, được, thế giới'.normalize('NFD'),
  long3000: long3000(),
});
export const PRIORS = Object.freeze({ empty: '', replace: 'An old draft that must go away' });

/** Start the fixture server and one browser for this file; returns a getter for both. */
export function useBrowser(networks) {
  const env = {};
  // Memoised: node may start the file's top-level hooks concurrently.
  env.ready = () => {
    env.starting ??= (async () => {
      env.server = await startFixtureServer({ networks });
      assert.deepEqual(env.server.errors, {});
      env.browser = await launchWithExtension({ extDir: null, port: env.server.port });
    })();
    return env.starting;
  };
  before(() => env.ready());
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Open `url`, wait for the fixture app, inject the adapter bundle; `prepare(page)` runs last. */
export async function openPage(env, url, adapter, prepare) {
  await env.ready();
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => !!window.__fixture);
  await page.addScriptTag({ url: `/__glider_test__/adapters/${adapter}.js` });
  await page.waitForFunction(() => !!window.__gliderAdapter);
  if (prepare) await prepare(page);
  page.errors = errors;
  return page;
}

/** In the page: the composer the test drives (the fixture's own choice if it has one). */
const PICK = `(() => {
  const a = window.__gliderAdapter;
  const list = a.findComposers(document);
  const own = window.__fixture.element?.();
  const c = own ? list.find((x) => x === own) : list[0];
  if (!c) throw new Error('no composer found (' + list.length + ' candidates)');
  return c;
})()`;

export const inPage = {
  composer: (page) => page.evaluate(`${PICK} && true`),
  count: (page) => page.evaluate(() => window.__gliderAdapter.findComposers(document).length),
  insert: (page, text, replace = true) =>
    page.evaluate(`(async () => { const c = ${PICK}; document.activeElement?.blur?.(); getSelection().removeAllRanges();
      const r = await window.__gliderAdapter.insert(c, ${JSON.stringify(text)}, { replace: ${replace} });
      return { ok: r.ok, technique: r.technique, text: r.text, tried: r.tried }; })()`),
  read: (page) => page.evaluate(`window.__gliderAdapter.read(${PICK})`),
  state: (page) => page.evaluate(() => window.__fixture.getText()),
  enabled: (page) => page.evaluate(() => window.__fixture.postEnabled()),
  posts: (page) => page.evaluate(() => window.__gliderAdapter.visiblePosts(document)),
  async reset(page, text) {
    await page.evaluate((t) => window.__fixture.reset(t), text);
    await page.waitForFunction((t) => window.__fixture.getText() === t, text, { timeout: 3000 });
  },
  /** Start the adapter's watch; events land in window.__events. */
  watch: (page) =>
    page.evaluate(`(() => { const c = ${PICK}; window.__events = { changed: [], published: [] };
      window.__watch?.abort(); window.__watch = new AbortController();
      window.__gliderAdapter.watch(c, { signal: window.__watch.signal,
        onChange: (t) => window.__events.changed.push(t), onPublished: (t) => window.__events.published.push(t) });
      return true; })()`),
  /** Mark the adapter's postButton so Playwright can click it for real. */
  markButton: (page) =>
    page.evaluate(`(() => { const b = window.__gliderAdapter.postButton(${PICK}); if (!b) return false;
      b.setAttribute('data-glider-test', 'post'); return true; })()`),
};

async function waitState(page, expected, what) {
  try {
    await page.waitForFunction((t) => window.__fixture.getText() === t, expected, { timeout: 2000 });
  } catch {
    assert.equal(await inPage.state(page), expected, what);
  }
}

/**
 * Register the insertion matrix: {empty, replace} x TEXTS. For each case: the adapter reports ok
 * with the exact text, the editor's own state equals it, the Post button is enabled (unless
 * `enabledFor(text)` says the site refuses it, e.g. Mastodon's 500 limit), read-back is exact,
 * a real keystroke lands at the end; then, from the same start again, one Ctrl+Z undoes it.
 */
export function insertionCases(env, { name, url, adapter, prepare, enabledFor = () => true }) {
  let page;
  before(async () => {
    page = await openPage(env, url, adapter, prepare);
  });
  after(async () => {
    assert.deepEqual(page?.errors ?? [], [], 'no page errors');
    await page?.close();
  });
  for (const [priorName, prior] of Object.entries(PRIORS)) {
    for (const [textName, text] of Object.entries(TEXTS)) {
      test(`${name}: ${priorName} composer, ${textName} text`, async (t) => {
        await inPage.reset(page, prior);
        const r = await inPage.insert(page, text);
        assert.ok(r.ok, `insert failed: ${JSON.stringify(r.tried)}`);
        t.diagnostic(`technique: ${r.technique}`);
        assert.equal(r.text, text, 'reported text');
        await waitState(page, text, "editor's own state");
        assert.equal(await inPage.read(page), text, 'read-back');
        assert.equal(await inPage.enabled(page), enabledFor(text), 'Post button state');
        await page.keyboard.type('!');
        await waitState(page, `${text}!`, 'the next keystroke lands at the end');

        await inPage.reset(page, prior);
        const again = await inPage.insert(page, text);
        assert.ok(again.ok, 'second insert');
        await page.keyboard.press('Control+z');
        await waitState(page, prior, 'one Ctrl+Z undoes the insertion');
      });
    }
  }
  test(`${name}: replaces what the user typed; Ctrl+Z brings the typed text back`, async () => {
    await inPage.reset(page, '');
    await page.evaluate(`${PICK}.setAttribute('data-glider-test', 'composer')`);
    await page.click('[data-glider-test="composer"]');
    await page.keyboard.type('typed by hand');
    await waitState(page, 'typed by hand', 'typed text');
    // Quill groups edits made within 1 s into one undo step: a user pauses longer than that.
    await page.waitForTimeout(1100);
    const r = await inPage.insert(page, TEXTS.multiline);
    assert.ok(r.ok, JSON.stringify(r.tried));
    await waitState(page, TEXTS.multiline, 'replaced');
    await page.keyboard.press('Control+z');
    await waitState(page, 'typed by hand', 'undo restores the typed text');
  });
  test(`${name}: append (replace: false) keeps the existing text`, async () => {
    await inPage.reset(page, PRIORS.replace);
    const r = await inPage.insert(page, '\nMore 👍', false);
    assert.ok(r.ok, JSON.stringify(r.tried));
    await waitState(page, `${PRIORS.replace}\nMore 👍`, 'appended');
  });
  return () => page;
}

/**
 * Publication through the Post button (a real click): watch reports the text once, the site's
 * timeline shows it, and visiblePosts finds it as a new post.
 */
export async function publishCase(page, text, { click = true } = {}) {
  await inPage.reset(page, '');
  const r = await inPage.insert(page, text);
  assert.ok(r.ok, JSON.stringify(r.tried));
  const before = await inPage.posts(page);
  await inPage.watch(page);
  if (click) {
    assert.ok(await inPage.markButton(page), 'postButton found');
    await page.click('[data-glider-test="post"]');
  }
  await page.waitForFunction(() => window.__events.published.length > 0, null, { timeout: 5000 });
  assert.deepEqual(await page.evaluate(() => window.__events.published), [text]);
  assert.deepEqual((await page.evaluate(() => window.__fixture.posts())).at(-1), text);
  const after = await inPage.posts(page);
  const ids = new Set(before.map((p) => p.id));
  const fresh = after.filter((p) => !ids.has(p.id));
  assert.equal(fresh.length, 1, 'one new post visible');
  assert.equal(fresh[0].text, text, 'visiblePosts reads the new post');
  await page.evaluate(() => window.__watch.abort());
}
