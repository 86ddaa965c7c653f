// Shared by Chromium and Firefox (lib/driver.mjs): what a first install opens when the browser
// grants every built-in site (Chromium always; Firefox since 127 by default). The lead's
// decision (docs/ARCHITECTURE.md, "Site access"): Firefox opens the site-access page on every
// first install, because site access there is the user's to give and take back and users do
// revoke it; Chromium opens it only when a site is missing (both-onboarding.test.mjs), so a
// normal Chromium install opens no tab of its own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDriver } from './lib/driver.mjs';

const ONBOARDING = 'onboarding/onboarding.html';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const d = useDriver({ networks: [] });

const badge = () => d.workerEval(async ({ api }) => [await api.action.getBadgeText({}), await api.action.getTitle({})]);

test(`${d.kind} · first install with every site allowed: onboarding ${d.kind === 'firefox' ? 'opens, saying all is set' : 'stays closed'}`, { timeout: 60_000 }, async () => {
  if (d.kind === 'firefox') {
    const onboarding = await d.waitForPage(d.ext.url(ONBOARDING), { existing: true });
    await onboarding.waitFor(() => document.body.dataset.ready === 'true' && document.querySelector('[data-testid="access-summary"]')?.dataset.missing === '0');
    assert.equal(await onboarding.text('[data-testid="access-summary"]'), 'All set: Glider can work on every one of its sites.');
    assert.equal(await onboarding.evaluate(() => document.querySelector('[data-testid="allow-all"]').hidden), true);
    assert.equal(await onboarding.evaluate(() => document.querySelectorAll('[data-testid="site"][data-state="missing"]').length), 0);
  } else {
    // The worker has started (and so run onInstalled) once it answers; give a tab time to appear.
    await d.workerEval(async ({ g }) => {
      await g.__glider.boot();
      return true;
    });
    await sleep(2000);
    const urls = await Promise.all((await d.rawPages()).map((p) => p.evaluate(() => location.href).catch(() => '')));
    assert.deepEqual(urls.filter((u) => u.startsWith(d.ext.url(ONBOARDING))), [], 'no onboarding tab in Chromium when every site is allowed');
  }
  assert.deepEqual(await badge(), ['', 'Glider — draft & schedule posts']);
});
