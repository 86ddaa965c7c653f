// Adapter behaviour besides insertion, shared by every network's test file: appending, replacing
// what the user typed by hand (and undoing it), publication seen by watch() after a real click on
// the site's Post control, watch() ending with its signal, URL matching and the adapter's test URLs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PRIOR, TEXTS, fill, openFixture, setUp, waitState } from './matrix.mjs';

const postText = (p) => (typeof p === 'string' ? p : p.text);
const norm = (s) => s.replace(/\s+/g, ' ').trim();

/** Start the adapter's watch on its first composer; events land in window.__events. */
export function startWatch(page) {
  return page.evaluate(() => {
    const a = window.__gliderAdapter;
    window.__events = { changed: [], published: [] };
    window.__watch?.abort();
    window.__watch = new AbortController();
    a.watch(a.findComposers(document)[0], {
      signal: window.__watch.signal,
      onChange: (t) => window.__events.changed.push(t),
      onPublished: (t) => window.__events.published.push(t),
    });
  });
}

/** Mark the adapter's Post control for a real Playwright click (its CSS engine pierces open shadow roots). */
export async function markPost(page) {
  const found = await page.evaluate(() => {
    const a = window.__gliderAdapter;
    const b = a.postButton(a.findComposers(document)[0]);
    b?.setAttribute('data-glider-test', 'post');
    return !!b;
  });
  assert.ok(found, 'postButton found');
}

/**
 * Fill `text`, click the site's Post for real: watch reports the text exactly once, the site
 * published it, and visiblePosts lists it as one new post.
 */
export async function publishCase(page, text) {
  await setUp(page, 'open', '');
  assert.ok((await fill(page, text)).ok, 'filled');
  const before = await page.evaluate(() => window.__gliderAdapter.visiblePosts(document));
  await startWatch(page);
  await markPost(page);
  await page.click('[data-glider-test="post"]');
  await page.waitForFunction(() => window.__events.published.length > 0, null, { timeout: 5000 });
  await page.waitForTimeout(100); // a second report would come now
  assert.deepEqual(await page.evaluate(() => window.__events.published), [text], 'published once, with the text');
  const sitePosts = (await page.evaluate(() => window.__fixture.posts())).map(postText);
  assert.ok(sitePosts.some((p) => norm(p) === norm(text)), 'the site really published it');
  const afterPosts = await page.evaluate(() => window.__gliderAdapter.visiblePosts(document));
  const known = new Set(before.map((p) => p.id));
  const fresh = afterPosts.filter((p) => !known.has(p.id));
  assert.equal(fresh.length, 1, 'one new post visible');
  assert.equal(norm(fresh[0].text), norm(text), 'visiblePosts reads the new post');
  assert.equal(new Set(afterPosts.map((p) => p.id)).size, afterPosts.length, 'post ids are unique');
  await page.evaluate(() => window.__watch.abort());
}

/**
 * The behaviour cases for one page of a network.
 * @param {object} env from useFixtures
 * @param {{ network: string, url: string, publish?: string, viewport?: object, undoTyped?: boolean, otherUrl?: string }} cfg
 *   publish: the text to publish (default a multi-line one with emoji);
 *   undoTyped: check that one Ctrl+Z after replacing hand-typed text brings it back (default true)
 */
export function behaviourCases(env, cfg) {
  const { network, url, undoTyped = true } = cfg;
  let page;
  describe(`${network} behaviour (${url})`, () => {
    before(async () => {
      page = await openFixture(env, url, network, { viewport: cfg.viewport });
    });
    after(async () => {
      const errors = page?.errors ?? [];
      await page?.close();
      assert.deepEqual(errors, [], 'no page errors');
    });

    test(`${network}: append (replace: false) keeps the existing draft`, async () => {
      await setUp(page, 'open', PRIOR);
      const r = await fill(page, '\nMore 👍', { replace: false });
      assert.ok(r.ok, JSON.stringify(r.tried));
      await waitState(page, `${PRIOR}\nMore 👍`, 'appended');
    });

    test(`${network}: replaces what the user typed by hand; Ctrl+Z brings it back`, async () => {
      await setUp(page, 'open', '');
      await page.evaluate(() => window.__gliderAdapter.findComposers(document)[0].setAttribute('data-glider-test', 'composer'));
      await page.click('[data-glider-test="composer"]');
      await page.keyboard.type('typed by hand');
      await waitState(page, 'typed by hand', 'typed text');
      // Quill groups edits made within 1 s into one undo step: a user pauses longer than that.
      await page.waitForTimeout(1100);
      const r = await fill(page, TEXTS.multiline);
      assert.ok(r.ok, JSON.stringify(r.tried));
      await waitState(page, TEXTS.multiline, 'replaced');
      if (undoTyped) {
        await page.keyboard.press('Control+z');
        await waitState(page, 'typed by hand', 'undo restores the typed text');
      }
    });

    test(`${network}: watch reports typing; the Post click is detected as published`, async () => {
      await setUp(page, 'open', '');
      await startWatch(page);
      await page.evaluate(() => window.__gliderAdapter.findComposers(document)[0].setAttribute('data-glider-test', 'composer'));
      await page.click('[data-glider-test="composer"]');
      await page.keyboard.type('typed');
      await page.waitForFunction(() => window.__events.changed.includes('typed'));
      await publishCase(page, cfg.publish ?? 'Line one\nLine two\n\nNew paragraph 👋🏽');
    });

    test(`${network}: watch ends with its signal`, async () => {
      await setUp(page, 'open', '');
      await page.evaluate(() => {
        const a = window.__gliderAdapter;
        window.__late = [];
        const ctl = new AbortController();
        a.watch(a.findComposers(document)[0], { signal: ctl.signal, onChange: (t) => window.__late.push(t) });
        ctl.abort();
      });
      await page.evaluate(() => window.__gliderAdapter.findComposers(document)[0].setAttribute('data-glider-test', 'composer'));
      await page.click('[data-glider-test="composer"]');
      await page.keyboard.type('after abort');
      await waitState(page, 'after abort');
      await page.waitForTimeout(100);
      assert.deepEqual(await page.evaluate(() => window.__late), []);
    });

    test(`${network}: matches its test URLs and no other site; mountPoint is in the page`, async () => {
      const r = await page.evaluate(({ u, o }) => {
        const a = window.__gliderAdapter;
        const c = a.findComposers(document)[0];
        const m = a.mountPoint(c);
        return {
          testUrls: a.testUrls.length >= 2,
          unmatched: a.testUrls.filter((s) => !a.matches(new URL(s))),
          here: a.matches(new URL(u)),
          other: a.matches(new URL(o)),
          mount: m.anchor instanceof Element && m.anchor.isConnected && typeof m.where === 'string',
        };
      }, { u: url, o: cfg.otherUrl ?? 'https://example.org/' });
      assert.deepEqual(r, { testUrls: true, unmatched: [], here: true, other: false, mount: true });
    });
  });
}
