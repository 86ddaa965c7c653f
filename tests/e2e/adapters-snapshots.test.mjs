// Selector test against saved page snapshots (tests/fixtures/snapshots/<network>.html:
// static DOM reconstructed from the live sites' markup, see each file's header).
// Each adapter must find exactly the visible composers marked data-expect="composer" (dialogs first),
// their Post buttons (data-expect="post-button", same data-expect-group), read the
// composer text (data-expect-text), and list the timeline posts given in #expected.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchWithExtension } from './lib/browser.mjs';
import { ROOT, bundleAdapter, startFixtureServer } from './lib/server.mjs';

const NETWORKS = (process.env.GLIDER_SNAPSHOTS ?? 'x,facebook,threads,bluesky').split(',');
const SNAPSHOTS = path.join(ROOT, 'tests/fixtures/snapshots');

let server;
let browser;
let page;

before(async () => {
  // No fixture app is needed: the server only provides the launcher's port.
  server = await startFixtureServer({ networks: [] });
  browser = await launchWithExtension({ extDir: null, port: server.port });
  page = await browser.context.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function load(network) {
  const html = fs.readFileSync(path.join(SNAPSHOTS, `${network}.html`), 'utf8');
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  await page.addScriptTag({ content: await bundleAdapter(null, network) });
  return JSON.parse(await page.evaluate(() => document.getElementById('expected').textContent));
}

describe('adapter selectors on saved snapshots', () => {
  for (const network of NETWORKS) {
    test(`${network}: composers, read, post buttons`, async () => {
      await load(network);
      const res = await page.evaluate(() => {
        const a = window.__gliderAdapter;
        const found = a.findComposers(document);
        // Page order, except that composers in an open dialog come first (docs/ADAPTERS.md).
        const marked = [...document.querySelectorAll('[data-expect="composer"]')];
        const inDialog = (el) => !!el.closest('[role="dialog"], dialog');
        const expected = [...marked.filter(inDialog), ...marked.filter((el) => !inDialog(el))];
        return {
          sameComposers: found.length === expected.length && found.every((el, i) => el === expected[i]),
          found: found.map((el) => el.outerHTML.slice(0, 120)),
          reads: found.map((el) => [a.read(el), el.getAttribute('data-expect-text')]),
          buttons: found.map((el) => {
            const b = a.postButton(el);
            const want = document.querySelector(`[data-expect="post-button"][data-expect-group="${el.getAttribute('data-expect-group')}"]`);
            return [b === want, b ? b.outerHTML.slice(0, 100) : null];
          }),
          mounts: found.map((el) => {
            const m = a.mountPoint(el);
            return m.anchor instanceof Element && m.anchor.isConnected && ['beforebegin', 'afterbegin', 'beforeend', 'afterend'].includes(m.where);
          }),
        };
      });
      assert.ok(res.sameComposers, `composers found: ${JSON.stringify(res.found, null, 1)}`);
      assert.ok(res.reads.length > 0, 'at least one composer');
      for (const [got, want] of res.reads) assert.equal(got, want, 'read()');
      for (const [ok, html] of res.buttons) assert.ok(ok, `postButton: got ${html}`);
      assert.ok(res.mounts.every(Boolean), 'mountPoint anchors');
    });

    test(`${network}: visiblePosts and URL matching`, async () => {
      const expected = await load(network);
      const posts = await page.evaluate(() => window.__gliderAdapter.visiblePosts(document));
      assert.deepEqual(posts, expected.posts);
      const urls = await page.evaluate((u) => {
        const a = window.__gliderAdapter;
        const m = (s) => a.matches(new URL(s));
        return {
          match: u.match.filter((s) => !m(s)),
          noMatch: u.noMatch.filter(m),
          expects: u.match.filter((s) => a.expectsComposer(new URL(s)) !== u.expectsComposer.includes(s)),
          expectsAll: u.expectsComposer.filter((s) => !a.expectsComposer(new URL(s))),
        };
      }, expected.urls);
      assert.deepEqual(urls, { match: [], noMatch: [], expects: [], expectsAll: [] });
    });
  }
});
