// Shared by Chromium and Firefox (lib/driver.mjs): Glider's own pages against the real worker.
// The popup's quick draft (counter from the WASM core in the popup, saved through the worker) and
// its way to the dashboard; the dashboard listing it; a CSV imported through the dashboard's file
// picker; the backup and CSV exports the dashboard hands to the browser as downloads, read back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDriver } from './lib/driver.mjs';

const tid = (id) => `[data-testid="${id}"]`;
const d = useDriver({ networks: [] });
const marker = `both-${Date.now()}`;

/** Keep what the page hands to the browser as a download (a blob link clicked): name and text. */
function captureDownloads(page) {
  return page.evaluate(() => {
    window.__downloads = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      if (this.download) {
        const name = this.download;
        fetch(this.href).then((r) => r.text()).then((text) => window.__downloads.push({ name, text }));
      }
      return click.call(this);
    };
  });
}

test(`${d.kind} · popup: WASM counter, a quick draft saved through the worker, the way to the dashboard`, async () => {
  const popup = await d.extPage('popup/popup.html', { viewport: { width: 360, height: 640 } });
  await popup.waitForSelector('body[data-ready="true"]');
  await popup.select(tid('quick-network'), 'x');
  await popup.fill(tid('quick-draft'), `Hello popup 日本 ${marker}`);
  const expected = (await d.ext.call({ type: 'core.count', text: `Hello popup 日本 ${marker}`, network: 'x' })).count;
  await popup.waitFor((n) => document.querySelector('[data-testid="quick-counter"]')?.dataset.count === String(n), expected);
  assert.equal(await popup.text(tid('quick-counter')), `${expected} / 280`);
  await popup.click(tid('save-draft'));
  await popup.waitForSelector(`${tid('popup-status')}[data-state="saved"]`);
  const drafts = await d.ext.call({ type: 'posts.list', status: ['draft'], query: marker });
  assert.deepEqual(drafts.map((p) => [p.text, p.networks]), [[`Hello popup 日本 ${marker}`, ['x']]]);

  const dashboard = d.waitForPage(d.ext.url('options/options.html'));
  await popup.click(tid('open-dashboard'));
  const page = await dashboard;
  await page.waitForSelector('main[data-state="ready"]');
  await page.close();
  assert.deepEqual(popup.errors, []);
});

test(`${d.kind} · dashboard: the draft is listed; a CSV imported through the file picker; JSON and CSV exports read back`, async () => {
  const page = await d.extPage('options/options.html#drafts');
  await page.waitForSelector('main[data-state="ready"]');
  await page.waitFor((m) => [...document.querySelectorAll('[data-testid="drafts-item-text"]')].some((e) => e.textContent.includes(m)), marker, { message: 'the draft is listed' });

  // Import: two rows in the future, one bad date.
  await page.goto(d.ext.url('options/options.html#transfer'));
  await page.waitForSelector('main[data-state="ready"]');
  const year = new Date().getUTCFullYear() + 1;
  const csv = ['Date,Text,Networks', `${year}-03-02 10:00,${marker} imported one,x`, `${year}-03-03 11:30,"${marker} imported, two",mastodon`, `31/31/2020 99:99,${marker} bad,x`].join('\n');
  await page.setInputFile(tid('import-file'), { name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForSelector(`${tid('import-run')}:not([disabled])`);
  await page.click(tid('import-run'));
  await page.waitForSelector(`${tid('import-progress')}[data-state="done"]`, { timeout: 20_000 });
  assert.equal(await page.attr(tid('import-summary'), 'data-errors'), '1', 'the bad row is reported');
  await page.click(tid('import-retry-keep-valid'));
  await page.waitForSelector(`${tid('import-summary')}[data-imported="2"]`);
  const imported = await d.ext.call({ type: 'posts.list', status: ['scheduled'], query: marker });
  assert.deepEqual(imported.map((p) => p.text).sort(), [`${marker} imported one`, `${marker} imported, two`]);

  // Export: the JSON backup and the Hootsuite CSV hold what was saved and imported.
  await captureDownloads(page);
  await page.click(tid('export-json'));
  await page.click(tid('export-csv-hootsuite'));
  const files = await page.waitFor(() => (window.__downloads.length >= 2 ? window.__downloads : null), null, { message: 'two downloads' });
  const json = files.find((f) => f.name.endsWith('.json'));
  const backup = JSON.parse(json.text);
  const texts = JSON.stringify(backup);
  for (const t of [`Hello popup 日本 ${marker}`, `${marker} imported one`, `${marker} imported, two`]) assert.ok(texts.includes(JSON.stringify(t).slice(1, -1)), `backup holds ${t}`);
  const hoot = files.find((f) => f.name.endsWith('.csv'));
  assert.match(hoot.text, new RegExp(`${marker} imported one`));
  assert.deepEqual(page.errors, []);
});
