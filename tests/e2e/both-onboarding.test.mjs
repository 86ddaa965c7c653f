// Shared by Chromium and Firefox (lib/driver.mjs): site access. Firefox MV3 leaves host
// permissions to the user (granted at install only since Firefox 127, and revocable at any time
// in about:addons); Chromium grants them at install but lets the user restrict them. With sites
// missing, Glider's content script does not run there, and that must never be silent: the
// onboarding page (opened by the install itself when a site is missing) lists which, the toolbar
// badge and the popup say so. Allowing a site from the onboarding page, by keyboard, starts
// Glider in that site's open tab at once.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { useDriver } from './lib/driver.mjs';
import { ROOT } from './lib/server.mjs';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const ONBOARDING = 'onboarding/onboarding.html';
const NETWORKS = ['X', 'Facebook', 'Threads', 'Bluesky', 'Mastodon', 'LinkedIn', 'VK', 'Telegram', 'Reddit'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Firefox installs with nothing granted (as before Firefox 127, or with
// extensions.originControls.grantByDefault off); Chromium always grants at install.
const d = useDriver({ networks: ['x'], grantSitesAtInstall: false });
let onboarding;
let site;

const rows = (page) => page.evaluate(() => [...document.querySelectorAll('[data-testid="site"]')].map((li) => `${li.dataset.site}:${li.dataset.state}`));
const badge = () => d.workerEval(async ({ api }) => [await api.action.getBadgeText({}), await api.action.getTitle({})]);

async function audit(page, state) {
  // evaluate() is not subject to the page's CSP, a script tag would be.
  if (!(await page.evaluate(() => typeof axe !== 'undefined'))) await page.evaluate(AXE);
  const res = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)));
  assert.deepEqual(res, [], `axe violations (${state})`);
}

test(`${d.kind} · sites not allowed: the onboarding page lists them, the badge and the popup say so`, { timeout: 90_000 }, async () => {
  if (d.kind === 'firefox') {
    // Opened by the install itself: nothing was granted.
    onboarding = await d.waitForPage(d.ext.url(ONBOARDING), { existing: true });
  } else {
    await d.revokeSites();
    onboarding = await d.extPage(ONBOARDING);
  }
  await onboarding.waitFor(() => document.body.dataset.ready === 'true' && document.querySelectorAll('[data-testid="site"]').length > 0);
  await onboarding.waitFor(() => document.querySelector('[data-testid="access-summary"]').dataset.missing === '9');
  assert.deepEqual(await rows(onboarding), NETWORKS.map((n) => `${n}:missing`));
  assert.equal(await onboarding.text('[data-testid="access-summary"]'), 'Glider is not allowed on 9 of 9 networks yet: its button and panel do not appear there.');
  assert.equal(await onboarding.evaluate(() => document.querySelector('[data-testid="allow-all"]').hidden), false);
  await audit(onboarding, 'all missing');

  assert.deepEqual(await badge(), ['!', 'Glider is not allowed on 11 of its sites: click to review']);
  const popup = await d.extPage('popup/popup.html', { viewport: { width: 360, height: 640 } });
  await popup.waitFor(() => document.body.dataset.accessChecked === 'true');
  assert.equal(await popup.evaluate(() => document.querySelector('[data-testid="access-warning"]').hidden), false);
  assert.equal(await popup.text('[data-testid="access-text"]'), 'Glider is not allowed on 11 of its sites, so its button and panel do not appear there.');
  await popup.close();

  // The browser does not run Glider on x.com now.
  site = await d.sitePage('https://x.com/home');
  await site.waitFor(() => !!window.__fixture);
  await sleep(1500);
  assert.equal(await site.evaluate(() => !!document.querySelector('glider-root')), false, 'no content script without the permission');
});

test(`${d.kind} · allowing by keyboard: X first (Glider starts in the open x.com tab), then all`, { timeout: 90_000 }, async () => {
  // Keyboard only: from "Allow all", Tab reaches the first row's button. The user is looking at
  // the page (Firefox holds a permission request from a background tab).
  await onboarding.front();
  await onboarding.focus('[data-testid="allow-all"]');
  await onboarding.press('Tab');
  assert.equal(await onboarding.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Allow Glider on X');
  await onboarding.press('Enter');
  // Firefox: the click's permissions.request is granted (its prompt is skipped by a pref).
  // Headless Chromium cannot show that prompt: grant as the user does in Chrome's site-access menu.
  if (d.kind === 'chromium') await d.chromiumGrant(['https://x.com/*', 'https://twitter.com/*']);
  await onboarding.waitFor(() => document.querySelector('[data-site="X"]')?.dataset.state === 'granted', null, { message: 'X allowed' });
  assert.deepEqual(await rows(onboarding), NETWORKS.map((n) => `${n}:${n === 'X' ? 'granted' : 'missing'}`));
  assert.equal(await onboarding.text('[data-site="X"] [data-testid="site-state"]'), '✓ Allowed');
  if (d.kind === 'firefox') {
    // The button that went away passed the focus on to the next row's.
    assert.equal(await onboarding.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Allow Glider on Facebook');
  }

  // The x.com tab that was already open gets Glider without a reload.
  await site.waitFor(() => !!document.querySelector('glider-root'), null, { timeout: 15_000, message: 'content script started in the open tab' });
  const panel = await d.openPanel(site);
  assert.equal(await panel.evaluate(() => document.querySelector('[data-testid="network-select"]').value), 'x');

  await onboarding.focus('[data-testid="allow-all"]');
  await onboarding.press('Enter');
  if (d.kind === 'chromium') await d.chromiumGrant(null);
  await onboarding.waitFor(() => document.querySelector('[data-testid="access-summary"]').dataset.missing === '0', null, { message: 'all allowed' });
  assert.deepEqual(await rows(onboarding), NETWORKS.map((n) => `${n}:granted`));
  assert.equal(await onboarding.text('[data-testid="access-summary"]'), 'All set: Glider can work on every one of its sites.');
  assert.equal(await onboarding.evaluate(() => document.querySelector('[data-testid="allow-all"]').hidden), true);
  await audit(onboarding, 'all allowed');
  const end = Date.now() + 10_000;
  while ((await badge())[0] !== '' && Date.now() < end) await sleep(100);
  assert.deepEqual(await badge(), ['', 'Glider — draft & schedule posts']);
  const popup = await d.extPage('popup/popup.html');
  await popup.waitFor(() => document.body.dataset.accessChecked === 'true');
  assert.equal(await popup.evaluate(() => document.querySelector('[data-testid="access-warning"]').hidden), true, 'no warning once all are allowed');
});
