// The reminder page (opened from a reminder notification), issue 11 item 12:
// it follows the theme setting, not only the system, and says which network
// and when; its actions work by keyboard.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchWithExtension } from './lib/browser.mjs';
import { startFixtureServer } from './lib/server.mjs';

const tid = (id) => `[data-testid="${id}"]`;
let server;
let browser;
let page;
let base;

async function send(msg) {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), msg);
  if (!reply?.ok) throw new Error(`${msg.type} failed: ${JSON.stringify(reply)}`);
  return reply.result;
}

before(async () => {
  server = await startFixtureServer({ networks: [] });
  browser = await launchWithExtension({ port: server.port });
  base = `chrome-extension://${browser.extensionId}`;
  page = await browser.context.newPage();
  page.on('pageerror', (e) => console.error('[reminder pageerror]', e.message));
  await page.goto(`${base}/options/options.html`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function seed(theme) {
  const now = Date.now();
  const project = { id: `rem-${now}`, name: 'Reminders', color: '#0891b2', timeZone: 'Asia/Tokyo', networks: [{ network: 'bluesky', label: '' }], slots: {}, rules: [], createdAt: now, updatedAt: now, revision: 0 };
  await send({ type: 'project.save', project });
  const post = { id: `rem-post-${now}`, projectId: project.id, text: 'Time to post this', networks: ['bluesky'], status: 'draft', createdAt: now, updatedAt: now, revision: 0 };
  const saved = await send({ type: 'post.save', post });
  // 2031-03-04 09:15 in Tokyo (UTC+9).
  await send({ type: 'post.schedule', id: post.id, at: Date.UTC(2031, 2, 4, 0, 15), baseRevision: saved.revision });
  const settings = (await send({ type: 'state.get' })).settings;
  await send({ type: 'settings.save', settings: { ...settings, theme } });
  return post.id;
}

test('the reminder page follows the theme setting and shows the network and the time', async () => {
  const id = await seed('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${base}/reminder/reminder.html#id=${id}`);
  await page.waitForSelector(`${tid('reminder-network')}[data-network]`);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(15, 23, 42)', `dark background although the system is light (${bg})`);
  assert.equal(await page.textContent(tid('reminder-network')), 'Bluesky');
  const when = await page.textContent(tid('reminder-when'));
  assert.match(when, /09:15/);
  assert.match(when, /Asia\/Tokyo/);
  assert.equal(await page.textContent(tid('reminder-text')), 'Time to post this');

  // Pinned light wins over a dark system too.
  const settings = (await send({ type: 'state.get' })).settings;
  await send({ type: 'settings.save', settings: { ...settings, theme: 'light' } });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await page.waitForSelector(`${tid('reminder-network')}[data-network]`);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'light' });

  // Keyboard: the snooze buttons are reachable and act.
  await page.focus(tid('snooze-oneHour'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="toast"]').textContent.length > 0);
  const [post] = (await send({ type: 'posts.list', query: 'Time to post this' }));
  assert.ok(post.snoozedUntil > Date.now(), 'snoozed');
});
