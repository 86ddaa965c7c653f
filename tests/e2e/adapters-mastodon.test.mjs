// Mastodon adapter on the React 18 controlled-textarea fixture (Mastodon 4.x web app):
// the wide layout (compose panel always there) and the single-column layout, where the header's
// "New post" link opens /publish (closed composer). Any instance is recognised by its DOM, and
// each instance's own limits come from its /api/v2/instance.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { behaviourCases } from './lib/behaviour.mjs';
import { fill, matrix, openFixture, setUp, useFixtures } from './lib/matrix.mjs';

const env = useFixtures(['mastodon']);
const HOME = 'https://mastodon.social/home';
const NARROW = { width: 600, height: 900 };
const graphemes = (s) => [...new Intl.Segmenter().segment(s)].length;
// The instance refuses more than its 500 characters: the 3,000-character draft lands, Post stays off.
const enabledFor = (t) => graphemes(t) <= 500;

matrix(env, { network: 'mastodon', variant: 'wide-4.3', url: HOME, states: ['open'], enabledFor });
matrix(env, { network: 'mastodon', variant: 'single-column-4.3', url: HOME, viewport: NARROW, enabledFor });
behaviourCases(env, { network: 'mastodon', url: HOME });

describe('mastodon specifics', () => {
  test('mastodon: recognised by its DOM on any host, by host alone only for known instances', async () => {
    const p = await openFixture(env, HOME, 'mastodon');
    const r = await p.evaluate(() => {
      const a = window.__gliderAdapter;
      const u = (s) => new URL(s);
      return {
        known: a.matches(u('https://mastodon.social/home')),
        // An instance host this page is not: nothing proves it is Mastodon.
        unknown: a.matches(u('https://fosstodon.org/home')),
        expects: a.expectsComposer(u('https://mastodon.social/home')),
        count: a.findComposers(document).length,
      };
    });
    assert.deepEqual(r, { known: true, unknown: false, expects: true, count: 1 });
    await p.close();
  });

  test('mastodon: a page on another host counts when the web app is there, not otherwise', async () => {
    const p = await env.browser.context.newPage();
    await p.goto('https://fosstodon.org/home');
    await p.waitForFunction(() => !!window.__fixture);
    await p.addScriptTag({ url: '/__glider_test__/adapters/mastodon.js' });
    const withApp = await p.evaluate(() => window.__gliderAdapter.matches(new URL(location.href)));
    const without = await p.evaluate(() => {
      document.getElementById('mastodon').remove();
      document.getElementById('initial-state').remove();
      return window.__gliderAdapter.matches(new URL(location.href));
    });
    assert.deepEqual({ withApp, without }, { withApp: true, without: false });
    await p.close();
  });

  test('mastodon: single column has no composer on /home but its "New post" opener: not "needs update"', async () => {
    const p = await openFixture(env, HOME, 'mastodon', { viewport: NARROW });
    const r = await p.evaluate(() => {
      const a = window.__gliderAdapter;
      return { composers: a.findComposers(document).length, opener: a.findOpener(document)?.textContent, expects: a.expectsComposer(new URL(location.href)) };
    });
    assert.deepEqual(r, { composers: 0, opener: 'New post', expects: false });
    await p.close();
  });

  test("mastodon: limits come from the instance's /api/v2/instance; 500 when it refuses", async () => {
    const p = await openFixture(env, 'https://fosstodon.org/home', 'mastodon');
    const own = await p.evaluate(() => window.__gliderAdapter.limits());
    assert.equal(own.source, 'instance');
    assert.equal(own.maxCharacters, 11000);
    assert.equal(own.maxMediaAttachments, 4);
    assert.equal(own.imageSizeLimit, 10485760);
    assert.equal(own.descriptionLimit, 1500);
    // The site agrees: 3,000 characters enable its Post there.
    await setUp(p, 'open', '');
    assert.ok((await fill(p, 'x'.repeat(3000))).ok);
    assert.equal(await p.evaluate(() => window.__fixture.postEnabled()), true);
    await p.close();

    const locked = await env.browser.context.newPage();
    // An instance in limited-federation mode answers 401 to anonymous API calls.
    await locked.route('**/api/v2/instance', (route) => route.fulfill({ status: 401, contentType: 'application/json', body: '{"error":"This API requires an authenticated user"}' }));
    await locked.goto(HOME);
    await locked.waitForFunction(() => !!window.__fixture);
    await locked.addScriptTag({ url: '/__glider_test__/adapters/mastodon.js' });
    const fallback = await locked.evaluate(() => window.__gliderAdapter.limits());
    assert.deepEqual([fallback.source, fallback.maxCharacters, fallback.maxMediaAttachments], ['default', 500, 4]);
    await locked.close();
  });

  test('mastodon: visiblePosts gives paragraphs and line breaks as typed', async () => {
    const p = await openFixture(env, HOME, 'mastodon');
    const posts = await p.evaluate(() => window.__gliderAdapter.visiblePosts(document));
    assert.deepEqual(posts.at(-1), { id: '112999999999999999', text: 'Hello fediverse!\nFirst post here.' });
    await p.close();
  });

  test('mastodon: Ctrl+Enter is detected as published', async () => {
    const p = await openFixture(env, HOME, 'mastodon');
    await setUp(p, 'open', '');
    assert.ok((await fill(p, 'Sent with the keyboard')).ok);
    await p.evaluate(() => {
      const a = window.__gliderAdapter;
      window.__pub = [];
      a.watch(a.findComposers(document)[0], { signal: new AbortController().signal, onPublished: (t) => window.__pub.push(t) });
    });
    await p.keyboard.press('Control+Enter');
    await p.waitForFunction(() => window.__pub.length === 1);
    assert.deepEqual(await p.evaluate(() => window.__pub), ['Sent with the keyboard']);
    await p.close();
  });
});
