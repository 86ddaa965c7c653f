// CSV import and export a manager can trust (issue 11, item 7), through the
// dashboard against the real worker: a separate time column, impossible
// times and empty texts refused with their line, totals that count every
// row, the project and networks chosen for the rows, links shown on the
// post, a preview before anything is written, Hootsuite's and Publer's own
// templates, and an export that states its zone and names what it left out.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { launchWithExtension } from './lib/browser.mjs';
import { startFixtureServer } from './lib/server.mjs';

const tid = (id) => `[data-testid="${id}"]`;
const ALL = ['draft', 'scheduled', 'published', 'missed', 'expired', 'archived'];

let server;
let browser;
let page;
let optionsUrl;

async function send(msg) {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), msg);
  if (!reply?.ok) throw new Error(`${msg.type} failed: ${JSON.stringify(reply)}`);
  return reply.result;
}

const postsWith = async (marker) => (await send({ type: 'posts.list', status: ALL, query: marker }))
  .sort((a, b) => a.text.localeCompare(b.text));

/** UTC ms of a wall time in `zone` (Intl only). */
function wall(zone, y, m, d, h, min) {
  const guess = Date.UTC(y, m - 1, d, h, min);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
    .formatToParts(guess).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
  const offset = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute) - guess;
  return guess - offset;
}

async function openTransfer() {
  await page.goto(`${optionsUrl}#transfer`);
  await page.reload();
  await page.waitForSelector('main[data-state="ready"]');
}

/** Choose a CSV file and wait for its preview. */
async function chooseCsv(name, text, { zone } = {}) {
  await page.selectOption(tid('import-format'), 'csv');
  if (zone) {
    await page.fill(tid('import-zone'), zone);
    await page.press(tid('import-zone'), 'Tab');
  }
  const before = await page.getAttribute(tid('import-preview'), 'data-ready');
  await page.setInputFiles(tid('import-file'), { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.waitForFunction((b) => {
    const box = document.querySelector('[data-testid="import-preview"]');
    return box.dataset.ready && box.dataset.ready !== b;
  }, before);
}

async function runImport() {
  const before = await page.getAttribute(tid('import-summary'), 'data-total');
  await page.click(tid('import-run'));
  await page.waitForSelector(`${tid('import-progress')}[data-state="done"]`);
  await page.waitForFunction((b) => document.querySelector('[data-testid="import-summary"]').dataset.total !== b || b === null, before);
}

before(async () => {
  server = await startFixtureServer({ networks: [] });
  browser = await launchWithExtension({ port: server.port });
  optionsUrl = `chrome-extension://${browser.extensionId}/options/options.html`;
  page = await browser.context.newPage();
  page.on('pageerror', (e) => console.error('[import pageerror]', e.message));
  await page.goto(optionsUrl);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('CSV import', () => {
  test('a separate time column is read; 25:99 and an empty text are refused with their line; totals count every row', async () => {
    const m = `timecol${Date.now()}`;
    const csv = ['Date,Time,Message,Link', `2031-05-01,09:30,${m} morning,https://example.com/a`, `2031-05-02,25:99,${m} impossible,`, `2031-05-03,14:00,,https://example.com/b`].join('\n');
    await openTransfer();
    await chooseCsv('plan.csv', csv, { zone: 'Europe/Berlin' });

    // The preview, before anything is written.
    const preview = await page.$$eval(tid('import-preview-row'), (rows) => rows.map((r) => [Number(r.dataset.line), r.dataset.status, r.textContent]));
    assert.deepEqual(preview.map(([line, status]) => [line, status]), [[2, 'ok'], [3, 'error'], [4, 'error']]);
    assert.match(preview[1][2], /25:99 is not a time of day/);
    assert.match(preview[2][2], /text is empty/);
    assert.equal(Number(await page.getAttribute(tid('import-preview-row'), 'data-at')), wall('Europe/Berlin', 2031, 5, 1, 9, 30), 'the time column is read, in the chosen zone');
    assert.equal((await postsWith(m)).length, 0, 'nothing written by the preview');

    await runImport();
    assert.equal(await page.getAttribute(tid('import-summary'), 'data-total'), '3', 'three rows, not "0 of 1"');
    assert.match(await page.textContent(tid('import-result')), /0 of 3 rows; 2 with errors/);
    assert.deepEqual(await page.$$eval(tid('import-error-line'), (els) => els.map((e) => Number(e.textContent))), [3, 4]);
    assert.equal((await postsWith(m)).length, 0, 'all-or-nothing');

    await page.click(tid('import-retry-keep-valid'));
    await page.waitForSelector(`${tid('import-summary')}[data-imported="1"]`);
    assert.match(await page.textContent(tid('import-result')), /1 of 3 rows/);
    const [post] = await postsWith(m);
    assert.equal(post.scheduledAt, wall('Europe/Berlin', 2031, 5, 1, 9, 30), 'at 09:30, not 00:00');
    assert.deepEqual(post.links, ['https://example.com/a']);
  });

  test('the chosen project and networks go to rows that name none; imported links show on the post', async () => {
    const now = Date.now();
    const m = `projnet${now}`;
    const project = { id: `import-target-${now}`, name: 'Import target', color: '#16a34a', timeZone: 'UTC', networks: [{ network: 'bluesky', label: '' }], slots: {}, rules: [], createdAt: now, updatedAt: now, revision: 0 };
    await send({ type: 'project.save', project });
    const csv = ['Date,Text,Link,Networks', `2031-06-01 10:00,${m} named,https://example.com/named,x`, `2031-06-02 10:00,${m} unnamed,https://example.com/one https://example.com/two,`].join('\n');
    await openTransfer();
    await page.selectOption(tid('import-format'), 'csv');
    await page.selectOption(tid('import-project'), project.id);
    assert.equal(await page.isChecked(`${tid('import-network')}[data-network="bluesky"]`), true, "the project's networks are the default");
    await page.check(`${tid('import-network')}[data-network="mastodon"]`);
    await chooseCsv('nets.csv', csv, { zone: 'UTC' });
    const nets = await page.$$eval(tid('import-preview-networks'), (els) => els.map((e) => e.textContent));
    assert.deepEqual(nets, ['X', 'Mastodon, Bluesky'].map((s) => s), `preview networks: ${nets}`);
    await runImport();
    await page.waitForSelector(`${tid('import-summary')}[data-imported="2"]`);
    const [named, unnamed] = await postsWith(m);
    assert.deepEqual([named.projectId, unnamed.projectId], [project.id, project.id]);
    assert.deepEqual(named.networks, ['x'], 'a row that names its network keeps it');
    assert.deepEqual([...unnamed.networks].sort(), ['bluesky', 'mastodon']);

    await page.goto(`${optionsUrl}#queue`);
    await page.waitForSelector('main[data-state="ready"]');
    await page.selectOption(tid('queue-filter-project'), project.id);
    await page.waitForSelector(`${tid('queue-item')}[data-id="${unnamed.id}"]`);
    await page.click(`${tid('queue-item')}[data-id="${unnamed.id}"] ${tid('queue-edit')}`);
    await page.waitForSelector(`${tid('post-editor')}[open]`);
    assert.equal(await page.inputValue(tid('editor-links')), 'https://example.com/one\nhttps://example.com/two', 'links are on the post');
    await page.click(tid('editor-close'));
  });

  test("Hootsuite's bulk template (no header, dd/mm/yyyy hh:mm, message, link) imports exactly", async () => {
    const m = `hoot${Date.now()}`;
    const csv = `05/03/2031 09:00,"${m} spring sale, 20% off",https://shop.example/spring\r\n06/03/2031 13:15,${m} no link,\r\n07/03/2031 18:30,"${m} ""quoted""",https://blog.example/p?id=1&utm=x\r\n`;
    await openTransfer();
    await chooseCsv('hootsuite.csv', csv, { zone: 'America/New_York' });
    const summary = await page.textContent(tid('import-preview-summary'));
    assert.match(summary, /Hootsuite layout/);
    assert.match(summary, /day first/);
    await runImport();
    await page.waitForSelector(`${tid('import-summary')}[data-imported="3"]`);
    const got = (await postsWith(m)).map((p) => [p.text, p.scheduledAt, p.links]);
    assert.deepEqual(got, [
      [`${m} "quoted"`, wall('America/New_York', 2031, 3, 7, 18, 30), ['https://blog.example/p?id=1&utm=x']],
      [`${m} no link`, wall('America/New_York', 2031, 3, 6, 13, 15), []],
      [`${m} spring sale, 20% off`, wall('America/New_York', 2031, 3, 5, 9, 0), ['https://shop.example/spring']],
    ]);
  });

  test("Publer's 12-column template imports exactly, and the columns Glider cannot keep are named", async () => {
    const m = `publer${Date.now()}`;
    const header = 'Date - Intl. format or prompt,Text,Link(s) - Separated by comma for FB carousels,Media URL(s) - Separated by comma,Title - For the video,Label(s) - Separated by comma,Alt text(s) - Separated by ||,Comment(s) - Separated by ||,"Pin board, FB album, or Google category",Post subtype - I.e. story,CTA - For Google,Reminder - For Story';
    const csv = [header,
      `2031/11/19 20:35,${m} launch 🚀,https://example.com/launch,"https://cdn.example/1.jpg,https://cdn.example/2.jpg",Launch,"news, launch",Alt one || Alt two,First! || Second,,,,`,
      `,${m} draft for later,,,,,,,,,,`].join('\n');
    await openTransfer();
    await chooseCsv('publer.csv', csv, { zone: 'Asia/Ho_Chi_Minh' });
    const summary = await page.textContent(tid('import-preview-summary'));
    assert.match(summary, /Publer columns/);
    assert.match(summary, /Not imported.*Title - For the video.*Alt text/);
    assert.match(summary, /comments on 1 rows are not imported/i);
    await runImport();
    await page.waitForSelector(`${tid('import-summary')}[data-imported="2"]`);
    const [draft, launch] = await postsWith(m);
    assert.equal(launch.text, `${m} launch 🚀`);
    assert.equal(launch.scheduledAt, wall('Asia/Ho_Chi_Minh', 2031, 11, 19, 20, 35));
    assert.deepEqual([launch.links, launch.media, launch.tags], [['https://example.com/launch'], ['https://cdn.example/1.jpg', 'https://cdn.example/2.jpg'], ['news', 'launch']]);
    assert.deepEqual([draft.status, draft.scheduledAt], ['draft', undefined]);
  });
});

describe('CSV export', () => {
  test('states its zone (Publer header, file name) and names converted, undated and empty posts', async () => {
    const now = Date.now();
    const m = `expzone${now}`;
    const project = { id: `export-ny-${now}`, name: 'New York desk', color: '#dc2626', timeZone: 'America/New_York', networks: [{ network: 'x', label: '' }], slots: {}, rules: [], createdAt: now, updatedAt: now, revision: 0 };
    await send({ type: 'project.save', project });
    const at = wall('America/New_York', 2031, 7, 1, 9, 0);
    const mk = async (id, text, when) => {
      const saved = await send({ type: 'post.save', post: { id, projectId: project.id, text, networks: ['x'], status: 'draft', createdAt: now, updatedAt: now, revision: 0 } });
      if (when) await send({ type: 'post.schedule', id, at: when, baseRevision: saved.revision });
    };
    await mk(`${m}-ny`, `${m} planned in New York`, at);
    await mk(`${m}-undated`, `${m} no date yet`, null);
    await mk(`${m}-empty`, '', at + 3_600_000);
    await openTransfer();
    await page.fill(tid('export-zone-input'), 'Europe/Berlin');
    await page.press(tid('export-zone-input'), 'Tab');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('export-csv-publer'))]);
    assert.match(download.suggestedFilename(), /Europe-Berlin\.csv$/, 'the zone is in the file name');
    const text = fs.readFileSync(await download.path(), 'utf8');
    assert.ok(text.startsWith('Date (Europe/Berlin),Text,'), `the header names the zone: ${text.slice(0, 60)}`);
    assert.ok(text.includes(`2031-07-01 15:00,${m} planned in New York`), '09:00 New York written as 15:00 Berlin');
    assert.equal(await page.getAttribute(tid('export-zone'), 'data-zone'), 'Europe/Berlin');
    const ids = async (kind) => (await page.getAttribute(tid(`export-note-${kind}`), 'data-ids')).split(' ');
    assert.ok((await ids('otherZone')).includes(`${m}-ny`), 'the converted post is named');
    assert.ok((await ids('undated')).includes(`${m}-undated`));
    assert.ok((await ids('skippedEmpty')).includes(`${m}-empty`));
    // Each note lists its posts by time and text, not only a count.
    await page.click(`${tid('export-note-otherZone')} summary`);
    assert.match(await page.textContent(tid('export-note-otherZone')), new RegExp(`America/New_York · ${m} planned in New York`));
  });
});
