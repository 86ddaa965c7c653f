// The content-plan tools of the dashboard (issue 11, items 8–10 and 12):
// spread evenly / shuffle / move to the next free slots with a preview and
// Undo; the calendar's click-to-create, month view scroll and "Open & fill
// now"; the project editor's zone picker, colours and multi-day slots; the
// version under About instead of a footer. Against the real worker.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchWithExtension } from './lib/browser.mjs';
import { startFixtureServer } from './lib/server.mjs';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const tid = (id) => `[data-testid="${id}"]`;
const ALL = ['draft', 'scheduled', 'published', 'missed', 'expired', 'archived'];

let server;
let browser;
let page;
let optionsUrl;
let seq = 0;

async function send(msg) {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), msg);
  if (!reply?.ok) throw new Error(`${msg.type} failed: ${JSON.stringify(reply)}`);
  return reply.result;
}

/** Monday 00:00 UTC, 1 to 2 weeks ahead. */
function futureMonday() {
  const now = new Date();
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return midnight + (7 - ((now.getUTCDay() + 6) % 7)) * DAY + 7 * DAY;
}
const dateKey = (ms) => new Date(ms).toISOString().slice(0, 10);

async function seedProject(fields = {}) {
  seq += 1;
  const now = Date.now();
  const project = {
    id: `plan-project-${seq}-${now}`, name: `Plan ${seq}`, color: '#3366cc', timeZone: 'UTC', networks: [{ network: 'x', label: '' }],
    slots: {}, rules: [], createdAt: now, updatedAt: now, revision: 0, ...fields,
  };
  await send({ type: 'project.save', project });
  return project;
}

async function seedPost(projectId, text, at = null) {
  seq += 1;
  const now = Date.now();
  const post = { id: `plan-post-${seq}-${now}`, projectId, text, networks: ['x'], status: 'draft', createdAt: now, updatedAt: now, revision: 0 };
  const saved = await send({ type: 'post.save', post });
  if (at !== null) await send({ type: 'post.schedule', id: post.id, at, baseRevision: saved.revision });
  return post.id;
}

const getPost = async (id) => (await send({ type: 'posts.list', status: ALL })).find((p) => p.id === id);

async function open(tab) {
  await page.goto(`${optionsUrl}#${tab}`);
  await page.reload();
  await page.waitForSelector('main[data-state="ready"]');
}

before(async () => {
  server = await startFixtureServer({ networks: ['x'] });
  browser = await launchWithExtension({ port: server.port });
  optionsUrl = `chrome-extension://${browser.extensionId}/options/options.html`;
  page = await browser.context.newPage();
  page.on('pageerror', (e) => console.error('[plan pageerror]', e.message));
  await page.goto(optionsUrl);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('rearrange (spread, shuffle, next free slots)', () => {
  /** Open the dialog on `project`, choose `op`, preview, and return the previewed {id: at}. */
  async function previewRearrange(project, op, setup = async () => {}) {
    await open('queue');
    await page.selectOption(tid('queue-filter-project'), project.id);
    await page.click(tid('queue-rearrange'));
    await page.waitForSelector(`${tid('rearrange')}[open]`);
    await page.selectOption(tid('rearrange-project'), project.id);
    await page.check(tid(`rearrange-op-${op}`));
    await setup();
    await page.click(tid('rearrange-preview'));
    await page.waitForSelector(tid('rearrange-summary'));
    return Object.fromEntries(await page.$$eval(tid('rearrange-change'), (rows) => rows.map((r) => [r.dataset.id, Number(r.dataset.at)])));
  }

  test('spread evenly: the preview changes nothing, Apply moves every post, Undo puts them back', async () => {
    const monday = futureMonday();
    const project = await seedProject();
    // Four posts bunched on one Monday morning.
    const ids = [];
    for (let i = 0; i < 4; i += 1) ids.push(await seedPost(project.id, `bunched ${i}`, monday + (9 + i) * HOUR));
    const before = await Promise.all(ids.map(getPost));
    const previewed = await previewRearrange(project, 'spread', async () => {
      await page.fill(tid('rearrange-from'), dateKey(monday));
      await page.fill(tid('rearrange-to'), dateKey(monday + 3 * DAY));
    });
    assert.deepEqual(Object.keys(previewed).sort(), [...ids].sort(), 'every selected post gets a new time');
    // Four days, four posts: one each day, at noon (the middle of each quarter).
    assert.deepEqual(Object.values(previewed).sort((a, b) => a - b), [0, 1, 2, 3].map((d) => monday + d * DAY + 12 * HOUR));
    for (const [i, id] of ids.entries()) assert.equal((await getPost(id)).scheduledAt, before[i].scheduledAt, 'the preview wrote nothing');

    await page.click(tid('rearrange-apply'));
    await page.waitForSelector(tid('toast-undo'));
    for (const id of ids) assert.equal((await getPost(id)).scheduledAt, previewed[id]);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'toast-undo', 'Undo is focused, reachable by keyboard');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="toast-text"]')?.textContent.includes('Undone'));
    for (const [i, id] of ids.entries()) {
      const now = await getPost(id);
      assert.deepEqual([now.status, now.scheduledAt], [before[i].status, before[i].scheduledAt], 'undo restores the old time');
    }
  });

  test('shuffle keeps the same set of times; next free slots fills the earliest slots in order and can bring drafts in', async () => {
    const monday = futureMonday();
    const daily = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, minute: 600 }));
    const project = await seedProject({ slots: { x: daily } });
    const times = [2, 4, 6].map((d) => monday + d * DAY + 10 * HOUR);
    const queued = [];
    for (const [i, at] of times.entries()) queued.push(await seedPost(project.id, `queued ${i}`, at));
    const draft = await seedPost(project.id, 'a draft to bring in');

    const shuffled = await previewRearrange(project, 'shuffle');
    // Only queued posts move, onto each other's times: a permutation of the times they had.
    const moving = Object.keys(shuffled);
    assert.ok(moving.every((id) => queued.includes(id)), 'the draft is not shuffled');
    const oldTimes = moving.map((id) => times[queued.indexOf(id)]).sort((a, b) => a - b);
    assert.deepEqual(Object.values(shuffled).sort((a, b) => a - b), oldTimes);
    await page.click(tid('rearrange-close'));

    const moved = await previewRearrange(project, 'slots', async () => {
      await page.check(`${tid('rearrange-post')}[data-id="${draft}"]`);
    });
    const all = { ...Object.fromEntries(queued.map((id, i) => [id, times[i]])), ...moved };
    const got = [...queued, draft].map((id) => all[id]).sort((a, b) => a - b);
    // The first four daily 10:00 slots from now (posts already there keep them).
    const firstFour = [];
    const start = new Date(); start.setUTCHours(10, 0, 0, 0);
    for (let t = start.getTime(); firstFour.length < 4; t += DAY) if (t > Date.now()) firstFour.push(t);
    assert.deepEqual(got, firstFour, `next free slots: ${got.map((t) => new Date(t).toISOString())}`);
    await page.click(tid('rearrange-apply'));
    await page.waitForSelector(tid('toast-undo'));
    const after = await getPost(draft);
    assert.deepEqual([after.status, after.scheduledAt], ['scheduled', moved[draft]], 'the draft is now queued');
    await page.click(tid('toast-undo'));
    await page.waitForFunction(() => document.querySelector('[data-testid="toast-text"]')?.textContent.includes('Undone'));
    const undone = await getPost(draft);
    assert.deepEqual([undone.status, undone.scheduledAt], ['draft', undefined], 'undo makes it a draft again');
  });

  test('a batch that breaks a rule is refused by the worker as a whole', async () => {
    const monday = futureMonday();
    const project = await seedProject({ rules: [{ network: 'x', minGapMinutes: 120, maxPerDay: 0 }] });
    const a = await seedPost(project.id, 'rule a', monday + 8 * HOUR);
    const b = await seedPost(project.id, 'rule b', monday + 14 * HOUR);
    const [pa, pb] = [await getPost(a), await getPost(b)];
    const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), {
      type: 'posts.reschedule', changes: [{ id: a, at: monday + 20 * HOUR, baseRevision: pa.revision }, { id: b, at: monday + 21 * HOUR, baseRevision: pb.revision }],
    });
    assert.equal(reply.ok, false);
    assert.equal(reply.error.variant, 'RuleConflict');
    assert.ok(reply.error.details.some((c) => c.kind === 'minGap'));
    assert.equal((await getPost(a)).scheduledAt, monday + 8 * HOUR, 'nothing written');
  });
});

describe('calendar', () => {
  test('a click on an empty slot opens a new post there; Enter on a focused cell does too', async () => {
    const monday = futureMonday();
    const project = await seedProject({ timeZone: 'Europe/Berlin' });
    await open('calendar');
    await page.selectOption(tid('calendar-project'), project.id);
    await page.fill(tid('calendar-date'), dateKey(monday));
    await page.click(tid('calendar-week'));
    const cell = `${tid('calendar-cell')}[data-date="${dateKey(monday + 2 * DAY)}"][data-hour="15"]`;
    await page.click(cell);
    await page.waitForSelector(`${tid('post-editor')}[open]`);
    assert.equal(await page.inputValue(tid('editor-time')), `${dateKey(monday + 2 * DAY)}T15:00`, 'the slot clicked, in the project zone');
    assert.equal(await page.inputValue(tid('editor-project')), project.id);
    await page.fill(tid('editor-text'), 'Made from the calendar');
    await page.click(tid('editor-schedule'));
    await page.waitForFunction(() => !document.querySelector('[data-testid="post-editor"]').open);
    const made = (await send({ type: 'posts.list', query: 'Made from the calendar' }))[0];
    assert.equal(made.plannedZone, 'Europe/Berlin');

    // Keyboard: focus the cell, arrows move, Enter creates.
    await page.focus(cell);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => `${document.activeElement.dataset.date} ${document.activeElement.dataset.hour}`), `${dateKey(monday + 3 * DAY)} 16`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${tid('post-editor')}[open]`);
    assert.equal(await page.inputValue(tid('editor-time')), `${dateKey(monday + 3 * DAY)}T16:00`);
    await page.click(tid('editor-close'));
  });

  test('the month view starts at its first week, whatever the week view was scrolled to', async (t) => {
    // A laptop-height window: the week view scrolls to 08:00, the month view must not inherit that.
    await page.setViewportSize({ width: 1280, height: 640 });
    t.after(() => page.setViewportSize({ width: 1280, height: 900 }));
    await open('calendar');
    await page.click(tid('calendar-week'));
    await page.waitForSelector(`${tid('calendar-grid')}[data-mode="week"]`);
    assert.ok(await page.$eval(tid('calendar-body'), (el) => el.scrollTop) > 100, 'the week view starts at 08:00');
    await page.click(tid('calendar-month'));
    await page.waitForSelector(`${tid('calendar-grid')}[data-mode="month"]`);
    assert.equal(await page.$eval(tid('calendar-body'), (el) => el.scrollTop), 0);
    const visible = await page.evaluate(() => {
      const body = document.querySelector('[data-testid="calendar-body"]').getBoundingClientRect();
      const first = document.querySelector('[data-testid="calendar-cell"]').getBoundingClientRect();
      return first.top >= body.top && first.bottom <= body.bottom;
    });
    assert.ok(visible, 'the first week is in view');
  });

  test('"Open & fill now" on a queue item opens the network with the text', async () => {
    const project = await seedProject();
    const id = await seedPost(project.id, 'Fill me now please', futureMonday() + 10 * HOUR);
    await open('queue');
    await page.selectOption(tid('queue-filter-project'), project.id);
    await page.waitForSelector(`${tid('queue-item')}[data-id="${id}"]`);
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page'),
      page.click(`${tid('queue-item')}[data-id="${id}"] ${tid('queue-open-fill')}`),
    ]);
    await tab.waitForLoadState('domcontentloaded').catch(() => {});
    const url = new URL(tab.url());
    assert.equal(url.host, 'x.com');
    assert.equal(url.searchParams.get('text'), 'Fill me now please');
    await tab.close();
  });
});

describe('projects', () => {
  test('the zone picker searches the core zone list and shows offsets; the keyboard picks a zone', async () => {
    await open('projects');
    await page.click(tid('project-new'));
    const form = tid('project-form');
    await page.fill(`${form} ${tid('project-name')}`, 'Zone picker project');
    await page.fill(`${form} ${tid('project-zone')}`, 'kolkata');
    await page.waitForSelector(`${tid('project-zone-option')}[data-zone="Asia/Kolkata"]`);
    assert.match(await page.textContent(`${tid('project-zone-option')}[data-zone="Asia/Kolkata"]`), /UTC\+05:30/);
    await page.fill(`${form} ${tid('project-zone')}`, 'new york');
    await page.waitForSelector(`${tid('project-zone-option')}[data-zone="America/New_York"]`);
    assert.equal(await page.getAttribute(`${tid('project-zone-option')}[aria-selected="true"]`, 'data-zone'), 'America/New_York', 'the best match is active');
    await page.keyboard.press('Enter');
    assert.equal(await page.inputValue(`${form} ${tid('project-zone')}`), 'America/New_York');
    assert.equal(await page.isHidden(tid('project-zone-options')), true, 'the list closes');
    // A name the core does not know is refused by name.
    await page.fill(`${form} ${tid('project-zone')}`, 'Mars/Olympus');
    await page.click(`${form} ${tid('project-save')}`);
    assert.match(await page.textContent(`${form} ${tid('project-status')}`), /Mars\/Olympus/);
    await page.fill(`${form} ${tid('project-zone')}`, 'America/New_York');
    await page.click(`${form} ${tid('project-save')}`);
    await page.waitForSelector(`${tid('project-item')}:has-text("Zone picker project")`);
    const saved = (await send({ type: 'state.get' })).projects.find((p) => p.name === 'Zone picker project');
    assert.equal(saved.timeZone, 'America/New_York');
  });

  test('new projects get distinct colours', async () => {
    const colours = [];
    for (const name of ['Colour A', 'Colour B', 'Colour C']) {
      await open('projects');
      await page.click(tid('project-new'));
      await page.fill(`${tid('project-form')} ${tid('project-name')}`, name);
      colours.push(await page.inputValue(`${tid('project-form')} ${tid('project-color')}`));
      await page.click(`${tid('project-form')} ${tid('project-save')}`);
      await page.waitForSelector(`${tid('project-item')}:has-text("${name}")`);
    }
    const stored = (await send({ type: 'state.get' })).projects.map((p) => p.color);
    assert.equal(new Set(colours).size, 3, `three different colours: ${colours}`);
    for (const c of colours) assert.equal(stored.filter((s) => s === c).length, 1, `${c} is used by one project only`);
  });

  test('one slot row takes several days: "weekdays 09:00" is one row', async () => {
    await open('projects');
    await page.click(tid('project-new'));
    const form = tid('project-form');
    await page.fill(`${form} ${tid('project-name')}`, 'Weekday slots');
    await page.check(`${form} ${tid('project-network')}[data-network="x"]`);
    await page.check(`${form} ${tid('project-network')}[data-network="mastodon"]`);
    await page.click(`${form} ${tid('slot-add')}`);
    assert.equal(await page.locator(`${form} ${tid('slot-row')}`).count(), 1);
    await page.click(`${form} ${tid('slot-weekdays')}`);
    await page.fill(`${form} ${tid('slot-time')}`, '09:00');
    await page.click(`${form} ${tid('project-save')}`);
    await page.waitForSelector(`${tid('project-item')}:has-text("Weekday slots")`);
    const saved = (await send({ type: 'state.get' })).projects.find((p) => p.name === 'Weekday slots');
    const weekdays = [0, 1, 2, 3, 4].map((weekday) => ({ weekday, minute: 540 }));
    assert.deepEqual(saved.slots, { x: weekdays, mastodon: weekdays });
    // Opened again, it is still one row for both networks.
    await page.click(`${tid('project-item')}[data-id="${saved.id}"] ${tid('project-open')}`);
    await page.waitForSelector(`${tid('project-form')}[data-id="${saved.id}"]`);
    assert.equal(await page.locator(`${form} ${tid('slot-row')}`).count(), 1);
    assert.deepEqual(await page.$$eval(`${form} ${tid('slot-day')}`, (els) => els.filter((e) => e.checked).map((e) => Number(e.dataset.weekday))), [0, 1, 2, 3, 4]);
  });
});

describe('about', () => {
  test('no developer footer in the dashboard; the version is under Settings › About', async () => {
    await open('calendar');
    assert.equal(await page.$$eval('footer, [data-testid="core-version"]', (els) => els.length), 0);
    assert.doesNotMatch(await page.evaluate(() => document.body.innerText), /Core \d+\.\d+/);
    await open('settings');
    const version = await page.textContent(tid('about-version'));
    const core = (await send({ type: 'state.get' })).coreVersion;
    assert.match(version, new RegExp(`core ${core.replaceAll('.', '\\.')}`));
  });
});
