// The dashboard (options page) end to end, against the real worker in
// dist/chrome: data is seeded through the worker's own messages, then the
// calendar, queue, drafts, archive, projects, settings and import/export are
// driven by their data-testids.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchWithExtension } from './lib/browser.mjs';
import { ROOT, startFixtureServer } from './lib/server.mjs';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const tid = (id) => `[data-testid="${id}"]`;

let server;
let browser;
let page;
let optionsUrl;
let seq = 0;

/** Monday 00:00 UTC, 1 to 2 weeks ahead: always in the future, always a full week. */
function futureMonday() {
  const now = new Date();
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return midnight + (7 - ((now.getUTCDay() + 6) % 7)) * DAY + 7 * DAY;
}
const dateKey = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Send a catalogue message to the worker from the extension page; throws on `{ok:false}`. */
async function send(msg) {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), msg);
  if (!reply?.ok) throw new Error(`${msg.type} failed: ${JSON.stringify(reply)}`);
  return reply.result;
}

async function seedProject(fields = {}) {
  seq += 1;
  const now = Date.now();
  const project = {
    id: `e2e-project-${seq}-${now}`, name: `Project ${seq}`, color: '#3366cc', timeZone: 'UTC',
    networks: [{ network: 'x', label: '@glider' }, { network: 'mastodon', label: '' }],
    slots: {}, rules: [], createdAt: now, updatedAt: now, revision: 0, ...fields,
  };
  await send({ type: 'project.save', project });
  return project;
}

/** A post saved as a draft, then scheduled through `post.schedule` when `at` is given (as a user would). */
async function seedPost(projectId, text, { networks = ['x'], at = null } = {}) {
  seq += 1;
  const now = Date.now();
  const post = { id: `e2e-post-${seq}-${now}`, projectId, text, networks, status: 'draft', createdAt: now, updatedAt: now, revision: 0 };
  const saved = await send({ type: 'post.save', post });
  if (at !== null) await send({ type: 'post.schedule', id: post.id, at, baseRevision: saved?.revision ?? (saved?.post?.revision ?? 1) });
  return post.id;
}

async function getPost(id) {
  const posts = await send({ type: 'posts.list', status: ['draft', 'scheduled', 'published', 'missed', 'expired', 'archived'] });
  return posts.find((p) => p.id === id) ?? null;
}

/** Open a dashboard tab with fresh data. */
async function open(tab) {
  await page.goto(`${optionsUrl}#${tab}`);
  await page.reload();
  await page.waitForSelector(`main[data-state="ready"]`);
}

/** Calendar on `projectId`'s week (or month) containing `ms`. */
async function openCalendar(projectId, ms, mode = 'week') {
  await open('calendar');
  await page.selectOption(tid('calendar-project'), projectId);
  await page.fill(tid('calendar-date'), dateKey(ms));
  await page.click(tid(`calendar-${mode}`));
  await page.waitForSelector(`${tid('calendar-grid')}[data-mode="${mode}"]`);
}

const item = (id) => `${tid('calendar-item')}[data-id="${id}"]`;
const cellOf = (id) => page.$eval(item(id), (el) => {
  const cell = el.closest('[data-testid="calendar-cell"]');
  return { date: cell.dataset.date, hour: cell.dataset.hour ?? null };
});

before(async () => {
  server = await startFixtureServer({ networks: [] });
  browser = await launchWithExtension({ port: server.port });
  optionsUrl = `chrome-extension://${browser.extensionId}/options/options.html`;
  page = await browser.context.newPage();
  page.on('pageerror', (e) => console.error('[dashboard pageerror]', e.message));
  await page.goto(optionsUrl);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('calendar', () => {
  test('week and month views place each post on its day and hour, coloured by network', async () => {
    const monday = futureMonday();
    const project = await seedProject();
    const a = await seedPost(project.id, 'Week post on X', { at: monday + 10 * HOUR });
    const b = await seedPost(project.id, 'Week post on Mastodon', { networks: ['mastodon'], at: monday + DAY + 14 * HOUR + 30 * 60_000 });

    await openCalendar(project.id, monday);
    assert.deepEqual(await cellOf(a), { date: dateKey(monday), hour: '10' });
    assert.deepEqual(await cellOf(b), { date: dateKey(monday + DAY), hour: '14' });
    assert.equal(await page.textContent(`${item(b)} ${tid('calendar-item-time')}`), '14:30');
    const colours = await page.$$eval(`${tid('calendar-item')}`, (els) => Object.fromEntries(els.map((e) => [e.dataset.network, getComputedStyle(e).borderLeftColor])));
    assert.ok(colours.x && colours.mastodon && colours.x !== colours.mastodon, `one colour per network: ${JSON.stringify(colours)}`);
    assert.equal(await page.$$eval(`${tid('calendar-item')}`, (els) => els.length), 2, 'only this project\'s posts');

    await page.click(tid('calendar-month'));
    await page.waitForSelector(`${tid('calendar-grid')}[data-mode="month"]`);
    assert.deepEqual(await cellOf(a), { date: dateKey(monday), hour: null });
    assert.deepEqual(await cellOf(b), { date: dateKey(monday + DAY), hour: null });
  });

  test('dragging an item to another day and hour reschedules it through the worker', async () => {
    const monday = futureMonday();
    const project = await seedProject();
    const id = await seedPost(project.id, 'Drag me', { at: monday + 10 * HOUR + 15 * 60_000 });
    await openCalendar(project.id, monday);
    const before = await getPost(id);

    const target = `${tid('calendar-cell')}[data-date="${dateKey(monday + 2 * DAY)}"][data-hour="16"]`;
    await page.dragAndDrop(item(id), target);
    await page.waitForFunction(([sel, date]) => document.querySelector(sel)?.closest('[data-testid="calendar-cell"]')?.dataset.date === date,
      [item(id), dateKey(monday + 2 * DAY)]);
    assert.deepEqual(await cellOf(id), { date: dateKey(monday + 2 * DAY), hour: '16' });
    const after = await getPost(id);
    assert.equal(after.scheduledAt, monday + 2 * DAY + 16 * HOUR + 15 * 60_000, 'minutes kept, day and hour from the cell');
    assert.ok(after.revision > before.revision, 'the worker wrote a new revision');
    assert.equal(after.status, 'scheduled');
  });

  test('a move that breaks a frequency rule is refused: the conflict is explained and the item stays', async () => {
    const monday = futureMonday();
    const project = await seedProject({ rules: [{ network: 'x', minGapMinutes: 180, maxPerDay: 0 }] });
    await seedPost(project.id, 'First at ten', { at: monday + 10 * HOUR });
    const id = await seedPost(project.id, 'Second at three', { at: monday + 15 * HOUR });
    await openCalendar(project.id, monday);

    await page.dragAndDrop(item(id), `${tid('calendar-cell')}[data-date="${dateKey(monday)}"][data-hour="11"]`);
    await page.waitForSelector(`${tid('error')}:not([hidden])`);
    assert.equal(await page.getAttribute(tid('error'), 'data-variant'), 'RuleConflict');
    const details = await page.$$eval(tid('error-detail'), (els) => els.map((e) => e.textContent));
    assert.ok(details.length >= 1, 'at least one conflict is listed');
    assert.match(details.join('\n'), /180/, `the minimum gap is named: ${details}`);
    assert.deepEqual(await cellOf(id), { date: dateKey(monday), hour: '15' }, 'the item stays where it was');
    assert.equal((await getPost(id)).scheduledAt, monday + 15 * HOUR, 'nothing changed in storage');
  });

  test('keyboard: arrows change the period, Alt+arrow moves the focused item by a day', async () => {
    const monday = futureMonday();
    const project = await seedProject();
    const id = await seedPost(project.id, 'Keyboard mover', { at: monday + DAY + 9 * HOUR });
    await openCalendar(project.id, monday);
    const title = await page.textContent(tid('calendar-title'));
    await page.focus(tid('calendar'));
    await page.keyboard.press('ArrowRight');
    assert.notEqual(await page.textContent(tid('calendar-title')), title, 'next week');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.textContent(tid('calendar-title')), title, 'back');

    await page.focus(item(id));
    await page.keyboard.press('Alt+ArrowRight');
    await page.waitForFunction(([sel, date]) => document.querySelector(sel)?.closest('[data-testid="calendar-cell"]')?.dataset.date === date,
      [item(id), dateKey(monday + 2 * DAY)]);
    assert.equal((await getPost(id)).scheduledAt, monday + 2 * DAY + 9 * HOUR);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'calendar-item', 'focus stays on the moved item');

    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'queue-search', '/ focuses search');
  });
});

describe('lists', () => {
  test('queue filters by project, network and status, and searches', async () => {
    const monday = futureMonday();
    const project = await seedProject();
    const alpha = await seedPost(project.id, 'alpha apple pie', { at: monday + 9 * HOUR });
    const beta = await seedPost(project.id, 'beta banana bread', { networks: ['mastodon'], at: monday + 12 * HOUR });
    const gamma = await seedPost(project.id, 'gamma apple crumble');
    await open('queue');
    const ids = () => page.$$eval(tid('queue-item'), (els) => els.map((e) => e.dataset.id));
    const settle = async (fn) => {
      const before = await page.getAttribute(tid('view-queue'), 'data-loaded');
      await fn();
      await page.waitForFunction((b) => document.querySelector('[data-testid="view-queue"]').dataset.loaded !== b
        && !document.querySelector('[data-testid="view-queue"]').hasAttribute('aria-busy'), before);
    };
    await settle(() => page.selectOption(tid('queue-filter-project'), project.id));
    assert.deepEqual(await ids(), [alpha, beta], 'planned posts of the project, in time order');
    await settle(() => page.selectOption(tid('queue-filter-network'), 'mastodon'));
    assert.deepEqual(await ids(), [beta]);
    await settle(() => page.selectOption(tid('queue-filter-network'), ''));
    await settle(() => page.selectOption(tid('queue-filter-status'), 'draft'));
    assert.deepEqual(await ids(), [gamma]);
    await settle(() => page.selectOption(tid('queue-filter-status'), 'all'));
    await settle(() => page.fill(tid('queue-search'), 'apple'));
    assert.deepEqual((await ids()).sort(), [alpha, gamma].sort(), 'search matches text');
  });

  test('drafts: a new draft from the editor is saved, listed, and can be queued', async () => {
    const project = await seedProject({ slots: { x: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, minute: 600 })) } });
    await send({ type: 'settings.save', settings: { ...(await send({ type: 'state.get' })).settings, defaultProjectId: project.id } });
    await open('drafts');
    await page.click(tid('draft-new'));
    await page.waitForSelector(`${tid('post-editor')}[open]`);
    await page.fill(tid('editor-text'), 'Drafted in the dashboard');
    await page.waitForSelector(`${tid('editor-counter')}[data-network="x"][data-count="24"]`);
    await page.click(tid('editor-save'));
    const row = `${tid('drafts-item')}:has-text("Drafted in the dashboard")`;
    await page.waitForSelector(row);
    const id = await page.getAttribute(row, 'data-id');
    assert.equal((await getPost(id)).projectId, project.id, 'the default project');

    await page.click(`${row} ${tid('draft-queue')}`);
    await page.waitForSelector(`${tid('drafts-item')}[data-id="${id}"]`, { state: 'detached' });
    const queued = await getPost(id);
    assert.equal(queued.status, 'scheduled');
    assert.equal(((queued.scheduledAt % DAY) + DAY) % DAY, 10 * HOUR, 'placed on a 10:00 UTC slot');
  });

  test('archive lists published posts; a stale edit is refused as a conflict, not overwritten', async () => {
    const project = await seedProject();
    const id = await seedPost(project.id, 'Went out', { at: futureMonday() + 8 * HOUR });
    await send({ type: 'post.markPublished', id });
    await open('archive');
    await page.waitForSelector(`${tid('archive-item')}[data-id="${id}"][data-status="published"]`);

    const editMe = await seedPost(project.id, 'Original text');
    await open('drafts');
    await page.click(`${tid('drafts-item')}[data-id="${editMe}"] ${tid('draft-edit')}`);
    await page.waitForSelector(`${tid('post-editor')}[open]`);
    const current = await getPost(editMe);
    await send({ type: 'post.save', post: { ...current, text: 'Changed in another tab' }, baseRevision: current.revision });
    await page.fill(tid('editor-text'), 'Changed in the dashboard');
    await page.click(tid('editor-save'));
    await page.waitForSelector(`${tid('editor-error')}:not([hidden])`);
    assert.equal((await getPost(editMe)).text, 'Changed in another tab', 'the other write was not overwritten');
  });
});

describe('projects and settings', () => {
  test('the project editor saves name, zone, networks, slots and frequency rules', async () => {
    await open('projects');
    await page.click(tid('project-new'));
    const form = tid('project-form');
    await page.fill(`${form} ${tid('project-name')}`, 'Made in the editor');
    await page.fill(`${form} ${tid('project-zone')}`, 'Europe/Berlin');
    await page.check(`${form} ${tid('project-network')}[data-network="bluesky"]`);
    await page.fill(`${form} ${tid('project-account')}[data-network="bluesky"]`, '@me.bsky.social');
    await page.click(`${form} ${tid('slot-add')}`);
    // A slot row takes several days (weekdays by default): keep Wednesday only.
    for (const day of [0, 1, 3, 4]) await page.uncheck(`${form} ${tid('slot-day')}[data-weekday="${day}"]`);
    await page.fill(`${form} ${tid('slot-time')}`, '09:30');
    const rule = `${form} ${tid('rule-row')}[data-network="bluesky"]`;
    await page.fill(`${rule} ${tid('rule-gap')}`, '90');
    await page.fill(`${rule} ${tid('rule-max')}`, '3');
    await page.fill(`${rule} ${tid('rule-quiet-start')}`, '22:00');
    await page.fill(`${rule} ${tid('rule-quiet-end')}`, '07:00');
    await page.click(`${form} ${tid('project-save')}`);
    await page.waitForSelector(`${tid('project-item')}:has-text("Made in the editor")`);

    const saved = (await send({ type: 'state.get' })).projects.find((p) => p.name === 'Made in the editor');
    assert.ok(saved, 'the worker has the project');
    assert.equal(saved.timeZone, 'Europe/Berlin');
    assert.deepEqual(saved.networks.map((n) => [n.network, n.label]), [['bluesky', '@me.bsky.social']]);
    assert.deepEqual(saved.slots, { bluesky: [{ weekday: 2, minute: 570 }] });
    assert.deepEqual(saved.rules, [{ network: 'bluesky', minGapMinutes: 90, maxPerDay: 3, quietHours: { start: 1320, end: 420 } }]);

    await page.fill(`${form} ${tid('project-zone')}`, 'Mars/Olympus');
    await page.click(`${form} ${tid('project-save')}`);
    assert.match(await page.textContent(`${form} ${tid('project-status')}`), /Mars\/Olympus/, 'an unknown zone is explained');
  });

  test('dark mode follows the system unless settings pin a theme', async () => {
    await open('settings');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await bg();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await bg();
    assert.notEqual(light, dark, `system dark changes the page (${light} vs ${dark})`);

    await page.selectOption(tid('settings-theme'), 'light');
    await page.click(tid('settings-save'));
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    assert.equal(await bg(), light, 'pinned light wins over a dark system');
    assert.equal((await send({ type: 'state.get' })).settings.theme, 'light');
    await page.selectOption(tid('settings-theme'), 'system');
    await page.click(tid('settings-save'));
    await page.waitForFunction(() => !document.documentElement.dataset.theme);
    assert.equal(await bg(), dark);
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('import and export', () => {
  function csvDate(ms) {
    return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  }

  /** Record every state the import progress bar goes through. */
  async function watchProgress() {
    await page.evaluate(() => {
      window.__progress = [];
      const bar = document.querySelector('[data-testid="import-progress"]');
      new MutationObserver(() => window.__progress.push(bar.dataset.state)).observe(bar, { attributes: true, attributeFilter: ['data-state'] });
    });
  }

  test('import reports each bad row with its line; nothing is imported unless valid rows are kept', async () => {
    const at = futureMonday() + 30 * DAY;
    const marker = `imp${Date.now()}`;
    const csv = [
      'Date,Text,Networks',
      `${csvDate(at)},${marker} good one,x`,
      `not a date at all,${marker} bad date,x`,
      `${csvDate(at + DAY)},${marker} good two,x`,
      `${csvDate(at + 2 * DAY)},,x`,
    ].join('\n');
    const count = async () => (await send({ type: 'posts.list', query: marker })).length;
    await open('transfer');
    await watchProgress();
    await page.selectOption(tid('import-format'), 'csv');
    await page.fill(tid('import-zone'), 'UTC');
    await page.setInputFiles(tid('import-file'), { name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForSelector(`${tid('import-run')}:not([disabled])`);
    await page.click(tid('import-run'));
    await page.waitForSelector(`${tid('import-progress')}[data-state="done"]`);
    assert.equal(await page.$eval(tid('import-progress'), (p) => p.value), 100);
    const steps = await page.evaluate(() => window.__progress);
    assert.ok(steps.indexOf('busy') < steps.lastIndexOf('done') && steps.includes('busy'), `read, then busy, then done: ${steps}`);
    const lines = await page.$$eval(tid('import-error'), (rows) => rows.map((r) => Number(r.querySelector('[data-testid="import-error-line"]').textContent)));
    assert.deepEqual(lines, [3, 5], 'the two bad rows, by physical line');
    const reasons = await page.$$eval(tid('import-error-reason'), (els) => els.map((e) => e.textContent.trim()));
    assert.ok(reasons.every(Boolean), 'every error has a reason');
    assert.equal(await count(), 0, 'all-or-nothing by default');
    assert.equal(await page.getAttribute(tid('import-summary'), 'data-imported'), '0');

    await page.click(tid('import-retry-keep-valid'));
    await page.waitForSelector(`${tid('import-summary')}[data-imported="2"]`);
    assert.equal(await count(), 2, 'the valid rows were imported');
    assert.deepEqual(await page.$$eval(tid('import-error'), (rows) => rows.map((r) => r.dataset.line)), ['3', '5']);
  });

  test('10,000 hostile rows: every error reported with its line, existing data untouched, nothing executed', async (t) => {
    const hostile = [
      '<img src=x onerror="window.__xss=1">', '=HYPERLINK("http://evil.example","x")', '<script>window.__xss=2</script>',
      '"quoted, with ""quotes"" and, commas"', '\u202eevil', '@SUM(1+1)*cmd|\' /C calc\'!A0',
    ];
    const rows = ['Date,Text,Networks'];
    for (let i = 0; i < 10_000; i += 1) {
      const text = hostile[i % hostile.length];
      const cell = /[",]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
      rows.push(`31/31/20${String(i % 100).padStart(2, '0')} 99:99,${cell},x`);
    }
    const all = ['draft', 'scheduled', 'published', 'missed', 'expired', 'archived'];
    const before = (await send({ type: 'posts.list', status: all })).map((p) => `${p.id}@${p.revision}`).sort();
    await open('transfer');
    await watchProgress();
    await page.selectOption(tid('import-format'), 'csv');
    await page.setInputFiles(tid('import-file'), { name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await page.waitForSelector(`${tid('import-run')}:not([disabled])`);
    const started = Date.now();
    await page.click(tid('import-run'));
    await page.waitForSelector(`${tid('import-progress')}[data-state="done"]`, { timeout: 60_000 });
    const lines = await page.$$eval(tid('import-error-line'), (els) => els.map((e) => Number(e.textContent)));
    t.diagnostic(`10,000 hostile rows: ${lines.length} errors reported in ${Date.now() - started} ms`);
    assert.equal(lines.length, 10_000, 'one error per row');
    assert.deepEqual(lines, Array.from({ length: 10_000 }, (_, i) => i + 2), 'each with its physical line');
    assert.equal(await page.getAttribute(tid('import-summary'), 'data-imported'), '0');
    const after = (await send({ type: 'posts.list', status: all })).map((p) => `${p.id}@${p.revision}`).sort();
    assert.deepEqual(after, before, 'existing data untouched');
    assert.equal(await page.evaluate(() => window.__xss ?? null), null, 'nothing executed');
    assert.equal(await page.$$eval('main img, main script', (els) => els.length), 0);
  });

  test('export JSON, CSV and ICS download files with the seeded post', async () => {
    const project = await seedProject();
    const marker = `export-${Date.now()}`;
    await seedPost(project.id, marker, { at: futureMonday() + 11 * HOUR });
    await open('transfer');
    for (const id of ['export-json', 'export-csv-hootsuite', 'export-csv-publer', 'export-ics']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid(id))]);
      const file = await download.path();
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(text.includes(marker), `${id} (${download.suggestedFilename()}) contains the post`);
    }
  });

  test('CSV export leaves out a post import would refuse, and says so', async () => {
    const project = await seedProject();
    const marker = `kept-${Date.now()}`;
    const kept = await seedPost(project.id, marker, { at: futureMonday() + 10 * HOUR });
    const empty = await seedPost(project.id, '', { at: futureMonday() + 12 * HOUR });
    await open('transfer');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('export-csv-publer'))]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    const lines = text.split('\r\n').filter(Boolean);
    assert.ok(text.includes(marker), 'the post with text is written');
    assert.ok(lines.every((l) => !/^[^,]*,,,,/.test(l)), `no blank row: ${JSON.stringify(lines)}`);
    const note = page.locator(tid('export-note-skippedEmpty'));
    assert.ok((await note.getAttribute('data-ids')).split(' ').includes(empty), 'the empty post is named');
    assert.ok(!(await note.getAttribute('data-ids')).split(' ').includes(kept));
    assert.equal(Number(await page.getAttribute(tid('export-rows'), 'data-rows')), lines.length - 1, 'rows shown = rows in the file');
    assert.match(await note.textContent(), /\d/);
  });
});

describe('hostile text', () => {
  const PAYLOADS = [
    '<img src=x onerror="window.__xss=1">',
    '<script>window.__xss=2</script>',
    '<svg onload="window.__xss=3"></svg>',
    '"><iframe src="javascript:window.__xss=4"></iframe>',
    '<a href="javascript:window.__xss=5">click</a>',
    '{{constructor.constructor("window.__xss=6")()}}',
  ];

  test('XSS payloads in posts and project names render as text everywhere', async () => {
    const monday = futureMonday();
    const project = await seedProject({ name: '<b onmouseover="window.__xss=7">evil project</b>' });
    for (const [i, p] of PAYLOADS.entries()) await seedPost(project.id, p, { at: monday + (9 + i) * HOUR });
    await seedPost(project.id, PAYLOADS.join(' '));
    await openCalendar(project.id, monday);
    await page.hover(item(await page.getAttribute(tid('calendar-item'), 'data-id')));
    for (const tab of ['queue', 'drafts', 'projects']) {
      await open(tab);
      if (tab === 'queue') await page.selectOption(tid('queue-filter-status'), 'all');
      await page.waitForTimeout(300);
      const found = await page.evaluate(() => ({
        xss: window.__xss ?? null,
        injected: document.querySelectorAll('main img, main script, main svg, main iframe, main a[href^="javascript"], main b').length,
        text: document.querySelector('main').textContent,
      }));
      assert.equal(found.xss, null, `nothing executed on ${tab}`);
      assert.equal(found.injected, 0, `no element was parsed from data on ${tab}`);
      if (tab === 'projects') assert.ok(found.text.includes('<b onmouseover="window.__xss=7">evil project</b>'));
      else assert.ok(found.text.includes(PAYLOADS[0]), `payload shown as text on ${tab}`);
    }
  });

  test('no HTML parsing sink in the dashboard or popup sources', () => {
    const sinks = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/;
    const files = ['extension/options', 'extension/popup'].flatMap((dir) => fs.readdirSync(path.join(ROOT, dir), { recursive: true })
      .filter((f) => f.endsWith('.js')).map((f) => path.join(ROOT, dir, f)));
    assert.ok(files.length >= 10, `sources found: ${files.length}`);
    for (const file of files) assert.doesNotMatch(fs.readFileSync(file, 'utf8'), sinks, file);
  });
});
