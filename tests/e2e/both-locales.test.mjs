// Shared by Chromium and Firefox (lib/driver.mjs): the interface follows the browser's language.
// The browser runs in Vietnamese, then in Russian (Chromium: --lang and LANGUAGE; Firefox:
// intl.locale.requested with Debian's firefox-esr-l10n-vi/-ru language packs), and every
// localised element of the popup, the dashboard and the onboarding page shows that locale's
// message from extension/_locales, as do the worker's own strings (the notification titles).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { BROWSER, Driver } from './lib/driver.mjs';
import { ROOT, startFixtureServer } from './lib/server.mjs';

const messages = (lang) => JSON.parse(fs.readFileSync(path.join(ROOT, `extension/_locales/${lang}/messages.json`), 'utf8'));
const EN = messages('en');
let server;
after(() => server?.close());

/** Every [data-i18n] element without placeholders: [key, shown text]. */
const shown = (page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-i18n]')].map((e) => [e.dataset.i18n, e.textContent]));

for (const lang of ['vi', 'ru']) {
  test(`${BROWSER} · ${lang}: popup, dashboard, onboarding page and the worker's strings`, { timeout: 120_000 }, async () => {
    const M = messages(lang);
    server ??= await startFixtureServer({ networks: [] });
    const d = new Driver(BROWSER);
    try {
      await d.start({ port: server.port, locale: lang });
      for (const [pathname, ready] of [
        ['popup/popup.html', 'body[data-ready="true"]'],
        ['options/options.html#drafts', 'main[data-state="ready"]'],
        ['onboarding/onboarding.html', 'body[data-ready="true"]'],
      ]) {
        const page = await d.extPage(pathname);
        await page.waitForSelector(ready);
        const pairs = (await shown(page)).filter(([key]) => M[key] && !M[key].placeholders);
        assert.ok(pairs.length >= 3, `${pathname}: localised elements found (${pairs.length})`);
        const wrong = pairs.filter(([key, text]) => text !== M[key].message);
        assert.deepEqual(wrong, [], `${pathname}: every localised element shows the ${lang} message`);
        assert.ok(pairs.some(([key]) => M[key].message !== EN[key].message), `${pathname}: not just English`);
        await page.close();
      }
      const onboarding = await d.extPage('onboarding/onboarding.html');
      await onboarding.waitForSelector('body[data-ready="true"]');
      assert.equal(await onboarding.evaluate(() => document.documentElement.lang.slice(0, 2)), lang, 'the page says its language');
      assert.equal(await onboarding.text('[data-testid="access-summary"]'), M.onboardAllGranted.message);
      const worker = await d.workerEval(({ api }) => [api.i18n.getUILanguage(), api.i18n.getMessage('notifyDueTitle'), api.i18n.getMessage('notifyClickHint')]);
      assert.equal(worker[0].slice(0, 2), lang);
      assert.deepEqual(worker.slice(1), [M.notifyDueTitle.message, M.notifyClickHint.message]);
    } finally {
      await d.close();
    }
  });
}
