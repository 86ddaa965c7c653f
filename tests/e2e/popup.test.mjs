// The toolbar popup end to end against the real worker in dist/chrome: the
// next reminders, the quick draft (counter from the WASM core, uniqueness
// from the worker), saving a draft, opening the dashboard. The popup page is
// opened in a tab, which is how Playwright can reach it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchWithExtension } from './lib/browser.mjs';
import { startFixtureServer } from './lib/server.mjs';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const tid = (id) => `[data-testid="${id}"]`;

let server;
let browser;
let popupUrl;
let page;
let seq = 0;

async function send(msg) {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), msg);
  if (!reply?.ok) throw new Error(`${msg.type} failed: ${JSON.stringify(reply)}`);
  return reply.result;
}

async function seedPost(projectId, text, at = null) {
  seq += 1;
  const now = Date.now();
  const post = { id: `popup-post-${seq}-${now}`, projectId, text, networks: ['x'], status: 'draft', createdAt: now, updatedAt: now, revision: 0 };
  const saved = await send({ type: 'post.save', post });
  if (at !== null) await send({ type: 'post.schedule', id: post.id, at, baseRevision: saved.revision });
  return post.id;
}

async function openPopup() {
  await page.goto(popupUrl);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
}

let project;

before(async () => {
  server = await startFixtureServer({ networks: [] });
  browser = await launchWithExtension({ port: server.port });
  popupUrl = `chrome-extension://${browser.extensionId}/popup/popup.html`;
  page = await browser.context.newPage();
  page.on('pageerror', (e) => console.error('[popup pageerror]', e.message));
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(popupUrl);
  const now = Date.now();
  project = { id: `popup-project-${now}`, name: 'Popup project', color: '#aa3377', timeZone: 'UTC', networks: [{ network: 'x', label: '' }], slots: {}, rules: [], createdAt: now, updatedAt: now, revision: 0 };
  await send({ type: 'project.save', project });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('next reminders: scheduled posts only, soonest first, at most five, text shown as text', async () => {
  const base = Date.now() + 2 * DAY;
  // Seeded out of order; one draft that must not appear.
  const hours = [7, 3, 5, 1, 9, 11];
  const ids = {};
  for (const h of hours) ids[h] = await seedPost(project.id, `Reminder at +${h}h <img src=x onerror="window.__xss=1">`, base + h * HOUR);
  await seedPost(project.id, 'Just a draft');
  await openPopup();
  const shown = await page.$$eval(tid('reminder-item'), (els) => els.map((e) => ({ id: e.dataset.id, at: Number(e.dataset.at) })));
  assert.equal(shown.length, 5, 'five reminders');
  assert.deepEqual(shown.map((s) => s.id), [1, 3, 5, 7, 9].map((h) => ids[h]), 'soonest first');
  assert.ok(shown.every((s, i) => i === 0 || shown[i - 1].at <= s.at));
  const text = await page.textContent(`${tid('reminder-item')} ${tid('reminder-text')}`);
  assert.equal(text, 'Reminder at +1h <img src=x onerror="window.__xss=1">');
  assert.equal(await page.evaluate(() => window.__xss ?? null), null);
  assert.equal(await page.$$eval('img', (els) => els.length), 0);
});

test('quick draft: live counter from the core, over the limit highlighted, uniqueness from the worker', async (t) => {
  await openPopup();
  await page.selectOption(tid('quick-network'), 'x');
  await page.fill(tid('quick-draft'), 'Hello popup');
  await page.waitForSelector(`${tid('quick-counter')}[data-count="11"]`);
  assert.equal(await page.textContent(tid('quick-counter')), '11 / 280');
  assert.equal(await page.getAttribute(tid('quick-counter'), 'data-over'), 'false');
  await page.fill(tid('quick-draft'), 'a'.repeat(281));
  await page.waitForSelector(`${tid('quick-counter')}[data-over="true"]`);
  assert.match(await page.getAttribute(tid('quick-counter'), 'class'), /\bover\b/);

  const known = 'The quick brown fox jumps over the lazy dog while the careful writer plans tomorrow morning posts for every network';
  await seedPost(project.id, known);
  await page.fill(tid('quick-draft'), known);
  await page.waitForSelector(`${tid('quick-uniqueness')}[data-percent]`);
  const duplicate = Number(await page.getAttribute(tid('quick-uniqueness'), 'data-percent'));
  await page.fill(tid('quick-draft'), 'Completely different words about gardening, tomatoes and rainy afternoons in a quiet village square');
  await page.waitForFunction((d) => {
    const p = document.querySelector('[data-testid="quick-uniqueness"]').dataset.percent;
    return p !== undefined && Number(p) !== d;
  }, duplicate);
  const fresh = Number(await page.getAttribute(tid('quick-uniqueness'), 'data-percent'));
  t.diagnostic(`uniqueness: existing text ${duplicate}%, new text ${fresh}%`);
  assert.ok(duplicate < 50, `an existing post's text is not unique (${duplicate}%)`);
  assert.ok(fresh > duplicate, `new text is more unique (${fresh}% > ${duplicate}%)`);
});

test('save draft stores it through the worker; open dashboard opens the options page', async () => {
  await openPopup();
  const text = `Saved from the popup ${Date.now()}`;
  await page.fill(tid('quick-draft'), text);
  await page.click(tid('save-draft'));
  await page.waitForSelector(`${tid('popup-status')}[data-state="saved"]`);
  assert.equal(await page.inputValue(tid('quick-draft')), '', 'the box is cleared');
  const drafts = await send({ type: 'posts.list', status: ['draft'], query: text });
  assert.equal(drafts.length, 1);
  assert.deepEqual(drafts[0].networks, ['x']);
  assert.ok(drafts[0].projectId, 'saved to a project');

  const [options] = await Promise.all([browser.context.waitForEvent('page'), page.click(tid('open-dashboard'))]);
  await options.waitForLoadState();
  assert.equal(options.url().split('#')[0], `chrome-extension://${browser.extensionId}/options/options.html`);
  await options.close();
});

test('a reminder is a button: a click opens the network composer with the post text (Open & fill)', async () => {
  const id = await seedPost(project.id, 'Open me from the popup', Date.now() + 3 * HOUR);
  await openPopup();
  const button = `${tid('reminder-item')}[data-id="${id}"] ${tid('reminder-open')}`;
  assert.equal(await page.getAttribute(button, 'type'), 'button', 'a real button: focusable, Enter and Space work');
  assert.match(await page.getAttribute(button, 'aria-label'), /Open & fill: X,/);
  await page.focus(button);
  const [tab] = await Promise.all([browser.context.waitForEvent('page'), page.keyboard.press('Enter')]);
  await tab.waitForLoadState('domcontentloaded').catch(() => {});
  const url = new URL(tab.url());
  assert.equal(url.host, 'x.com');
  assert.equal(url.searchParams.get('text'), 'Open me from the popup');
  await tab.close();
});

test('the quick draft can be queued: it takes the next free slot of its project', async () => {
  const now = Date.now();
  const slotted = {
    id: `popup-slotted-${now}`, name: 'Slotted', color: '#16a34a', timeZone: 'UTC', networks: [{ network: 'mastodon', label: '' }],
    slots: { mastodon: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, minute: 17 * 60 })) }, rules: [], createdAt: now, updatedAt: now, revision: 0,
  };
  await send({ type: 'project.save', project: slotted });
  await openPopup();
  await page.selectOption(tid('quick-project'), slotted.id);
  await page.selectOption(tid('quick-network'), 'mastodon');
  const text = `Queued from the popup ${now}`;
  await page.fill(tid('quick-draft'), text);
  await page.click(tid('queue-draft'));
  await page.waitForSelector(`${tid('popup-status')}[data-state="queued"]`);
  const [post] = await send({ type: 'posts.list', query: text });
  assert.equal(post.status, 'scheduled');
  assert.equal(post.projectId, slotted.id);
  const next = new Date();
  next.setUTCHours(17, 0, 0, 0);
  if (next.getTime() <= Date.now()) next.setUTCDate(next.getUTCDate() + 1);
  assert.equal(post.scheduledAt, next.getTime(), 'the next 17:00 slot');
  assert.match(await page.textContent(tid('popup-status')), /Queued for/);

  // No slot on the chosen network: still saved, and the reason is given.
  await page.selectOption(tid('quick-network'), 'reddit');
  await page.fill(tid('quick-draft'), `Not queueable ${now}`);
  await page.click(tid('queue-draft'));
  await page.waitForSelector(`${tid('popup-status')}[data-state="error"]`);
  assert.match(await page.textContent(tid('popup-status')), /Saved as a draft, not queued/);
  const [kept] = await send({ type: 'posts.list', query: `Not queueable ${now}` });
  assert.equal(kept.status, 'draft', 'the text is not lost');
});

test('no developer footer in the popup', async () => {
  await openPopup();
  assert.equal(await page.$(tid('core-version')), null);
  assert.doesNotMatch(await page.evaluate(() => document.body.innerText), /Core \d+\.\d+/);
});
