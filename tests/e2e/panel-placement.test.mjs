// Issue 11 item 5: the open panel never covers the site's composer, its Post
// control or the opener of a closed composer, on every network fixture
// (tests/fixtures/sites), with the composer dialog closed and open, on a
// desktop window and a narrow one. Proven the way a click would land: the
// element at the centre of each control is the site's own, and the panel's
// box (or its slim tab) does not meet the control's box.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SITES_DIR, startFixtureServer } from './lib/server.mjs';
import { launchWithExtension } from './lib/browser.mjs';
import { extensionForTests } from './lib/extension-build.mjs';
import { toContent, waitFor } from './support/panel.mjs';
import { SITE_PAGES, allPresent, deepQuery, hitTest } from './support/sites.mjs';

const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 820, height: 760 }, // half of a laptop screen: docks beside the page or steps aside
  { width: 700, height: 700 }, // too narrow to dock: a slim tab
];

let server;
let browser;
let ext;

before(async () => {
  ext = await extensionForTests();
  // The generic page gets Glider from the toolbar button (activeTab); the test
  // stands in for that gesture with a host permission for example.org only.
  const manifestPath = path.join(ext.dir, 'manifest.json');
  const manifest = JSON.parse(await fsp.readFile(manifestPath, 'utf8'));
  manifest.host_permissions.push('https://example.org/*');
  await fsp.writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  server = await startFixtureServer({});
  browser = await launchWithExtension({ extDir: ext.dir, port: server.port });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await ext?.cleanup();
});

test('every fixture under tests/fixtures/sites has its controls listed here', () => {
  const fixtures = fs.readdirSync(SITES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  assert.deepEqual(Object.keys(SITE_PAGES).sort(), fixtures, 'add the new fixture to tests/e2e/support/sites.mjs');
});

async function openOn(page, url) {
  const origin = new URL(url).origin;
  if (origin === 'https://example.org') {
    await browser.worker.evaluate(async (o) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url?.startsWith(o));
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
    }, origin);
  }
  await waitFor(async () => (await toContent(browser.worker, origin, { type: 'panel.toggle', open: true }).catch(() => null))?.ok, 'the content script');
}

/** The panel's layout once it stopped moving (two equal readings 150 ms apart). */
async function settled(origin) {
  let last = null;
  return waitFor(async () => {
    const st = (await toContent(browser.worker, origin, { type: 'adapter.status' }))?.panel;
    const same = st && last && JSON.stringify(st) === JSON.stringify(last) && st.mode !== 'closed';
    last = st;
    return same ? st : null;
  }, 'a settled panel', { interval: 150 });
}

const meets = (a, b) => a.left < b.left + b.width && b.left < a.right && a.top < b.top + b.height && b.top < a.bottom;

async function check(page, origin, selectors, where) {
  const layout = await settled(origin);
  const hits = await page.evaluate(hitTest, selectors);
  const missing = hits.filter((h) => !h.found).map((h) => h.sel);
  assert.deepEqual(missing, [], `${where}: controls not on the page`);
  for (const h of hits) {
    assert.ok(h.own, `${where}: ${h.sel} is covered (the click lands on ${h.hit}); panel ${JSON.stringify(layout)}`);
    assert.ok(!meets(h.rect, layout.rect), `${where}: the panel (${layout.mode} ${JSON.stringify(layout.rect)}) meets ${h.sel} ${JSON.stringify(h.rect)}`);
  }
  return layout;
}

/** The viewports a page is checked at: its own list, or the common ones it exists at. */
function viewportsOf(p) {
  if (Array.isArray(p.viewports)) return p.viewports;
  return typeof p.viewports === 'function' ? VIEWPORTS.filter(p.viewports) : VIEWPORTS;
}

const CASES = Object.entries(SITE_PAGES).flatMap(([fixture, pages]) => pages.flatMap((p) => viewportsOf(p).map((vp) => ({ fixture, p, vp }))));

test('every markup variant of a fixture is in the table, dialogs included', () => {
  for (const [fixture, pages] of Object.entries(SITE_PAGES)) {
    assert.ok(pages.every((p) => p.controls.length > 0), `${fixture}: every page names the controls to keep clear`);
    assert.ok(pages.every((p) => !p.opener || p.open?.length), `${fixture}: an opener comes with what it opens`);
  }
});

for (const vp of [...new Set(CASES.map((c) => c.vp))]) {
  describe(`${vp.width}×${vp.height}`, () => {
    for (const { fixture, p } of CASES.filter((c) => c.vp === vp)) {
      const u = new URL(p.url);
      test(`${fixture} ${u.pathname}${u.search}${u.hash}: composer, Post and opener stay the site's own`, async () => {
        const page = await browser.context.newPage();
        try {
          await page.setViewportSize(vp);
          await page.goto(p.url);
          await page.waitForLoadState('load');
          await page.waitForFunction(() => !!window.__fixture);
          await openOn(page, p.url);
          const origin = u.origin;
          const first = await check(page, origin, p.controls, `${fixture} ${vp.width}px`);
          if (vp.width >= 1280) assert.notEqual(first.mode, 'tab', `${fixture}: a desktop window has room for the open panel`);
          if (p.opener) {
            // The user opens the dialog with the site's own control (which the panel left free).
            await (await page.evaluateHandle(deepQuery, p.opener)).asElement().click();
            await page.waitForFunction(allPresent, p.open, { timeout: 5000 });
            await check(page, origin, p.open, `${fixture} ${vp.width}px, dialog open`);
          }
        } finally {
          await page.close();
        }
      });
    }
  });
}
