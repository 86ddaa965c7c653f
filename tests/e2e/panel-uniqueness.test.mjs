// Issue 11 item 4: the post being edited or published never matches itself
// (it showed "Unique: 0 %" on the very post being published), and a match
// names, dates and opens the post it comes from; one headline number, the
// details on demand.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFixtureServer } from './lib/server.mjs';
import { launchWithExtension } from './lib/browser.mjs';
import { byTestId, openPanel, sendFrom, waitFor } from './support/panel.mjs';

let server;
let browser;
let home;
let panel;

const QUEUED = 'Our spring collection arrives next week with linen shirts, wide trousers and the sandals everyone asked about after the winter show.';
const PUBLISHED = 'Behind the scenes at the studio: how we photograph every garment in natural light before it goes into the online catalogue.';

async function reply(msg) {
  const r = await sendFrom(panel, msg);
  assert.equal(r.ok, true, JSON.stringify(r));
  return r.result;
}

async function stored(id, text, status, extra = {}) {
  const { projects } = await reply({ type: 'state.get' });
  return reply({ type: 'post.save', post: { id, projectId: projects[0].id, text, networks: ['x'], status, createdAt: 1, updatedAt: 1, ...extra }, baseRevision: 0 });
}

const meter = (frame) => frame.evaluate(() => {
  const m = document.querySelector('[data-testid="uniqueness"]');
  return { text: m.textContent, percent: m.dataset.percent ?? null, expanded: m.getAttribute('aria-expanded'), details: !document.querySelector('[data-testid="matches-box"]').hidden };
});

before(async () => {
  server = await startFixtureServer({ networks: ['x'] });
  browser = await launchWithExtension({ port: server.port });
  home = await browser.context.newPage();
  await home.goto('https://x.com/home');
  panel = await openPanel(home, browser.worker, browser.extensionId);
  const q = await stored('u-queued', QUEUED, 'draft');
  await reply({ type: 'post.schedule', id: q.id, at: Date.now() + 3 * 86400000, baseRevision: q.revision });
  await stored('u-published', PUBLISHED, 'published', { publishedAt: Date.UTC(2026, 0, 15, 9, 30), scheduledAt: Date.UTC(2026, 0, 15, 9, 30) });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('Open & fill: the panel on the filled page holds that post and does not judge it against itself', async () => {
  const opened = browser.context.waitForEvent('page');
  await reply({ type: 'reminder.openFill', id: 'u-queued' });
  const page = await opened;
  await page.waitForFunction((t) => window.__fixture?.getText() === t, QUEUED, { timeout: 15000 });
  const p = await openPanel(page, browser.worker, browser.extensionId);
  await p.waitForFunction(() => document.querySelector('[data-testid="post-header"]').dataset.postId === 'u-queued');
  assert.match(await p.textContent(byTestId('post-state')), /^Queued · X · /);
  await p.waitForFunction(() => document.querySelector('[data-testid="uniqueness"]').dataset.percent !== undefined);
  const m = await meter(p);
  assert.equal(m.percent, '100', `the queued post is not a copy of itself: ${m.text}`);
  assert.equal(m.text, 'Unique: 100%');
  await page.close();
});

test('once published, its copy on the page is not a match either', async () => {
  // The worker's check with the held published post and the page showing it.
  const own = await reply({ type: 'uniqueness.check', text: PUBLISHED, excludeId: 'u-published', pagePosts: [PUBLISHED] });
  assert.equal(own.uniquenessPercent, 100);
  assert.deepEqual(own.matches, []);
  // Anyone else typing the same text still sees both copies.
  const other = await reply({ type: 'uniqueness.check', text: PUBLISHED, pagePosts: [PUBLISHED] });
  assert.equal(other.uniquenessPercent, 0);
  assert.deepEqual(other.matches.map((m) => m.kind).sort(), ['archive', 'page']);
});

test('a match names, dates and opens its post; one headline number, details on demand', async () => {
  await panel.fill(byTestId('draft-input'), `${PUBLISHED.slice(0, 80)} and then something entirely new about our autumn plans`);
  await panel.waitForFunction(() => Number(document.querySelector('[data-testid="uniqueness"]').dataset.percent) < 100);
  const m = await meter(panel);
  assert.match(m.text, /^Unique: \d+(\.\d)?%$/, 'one headline number');
  assert.equal(m.details, false, 'details only on demand');
  assert.equal(m.expanded, 'false');
  await panel.click(byTestId('uniqueness'));
  assert.equal((await meter(panel)).details, true);
  assert.equal((await meter(panel)).expanded, 'true');
  const first = await panel.$eval(`${byTestId('matches')} li[data-testid="match"]`, (li) => ({ id: li.dataset.id, where: li.querySelector('.match-where').textContent, title: li.querySelector('.match-title').textContent }));
  assert.equal(first.id, 'u-published');
  assert.match(first.where, /^Published · X · .*15.* · \d+% reused$/, first.where);
  assert.equal(first.title, PUBLISHED.slice(0, 80));
  // Open it: the panel asks about the unsaved text first, then holds the matched post.
  await panel.click(`${byTestId('matches')} li[data-id="u-published"] ${byTestId('match-open')}`);
  await panel.waitForSelector(`${byTestId('ask')}[data-for="open-other"]:not([hidden])`);
  await panel.click(byTestId('ask-discard'));
  await panel.waitForFunction(() => document.querySelector('[data-testid="post-header"]').dataset.postId === 'u-published');
  assert.equal(await panel.inputValue(byTestId('draft-input')), PUBLISHED);
  assert.match(await panel.textContent(byTestId('post-state')), /^Published · X/);
  await panel.waitForFunction(() => document.querySelector('[data-testid="uniqueness"]').dataset.percent === '100');
});
