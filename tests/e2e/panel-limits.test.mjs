// Issue 11 item 2 and issue 12's "never a silent no-op": over-limit posts
// are caught at queue and schedule time and can be kept as one thread post
// (parts stored, each with its count); the thread preview is readable and
// each part can be inserted on its own; "Inserted" is said only after the
// read-back, and it says when the site will still refuse the text; a failed
// insertion says what happened and offers the clipboard.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFixtureServer } from './lib/server.mjs';
import { launchWithExtension } from './lib/browser.mjs';
import { byTestId, openPanel, storedPosts, waitFor } from './support/panel.mjs';

let server;
let browser;
let page;
let panel;

// 30 sentences of 24–25 characters: about 740 characters, three X posts.
const LONG = Array.from({ length: 30 }, (_, i) => `Sentence number ${String(i + 1).padStart(2, '0')} here.`).join(' ');

const posts = () => storedPosts(browser.worker);
const askFor = () => panel.evaluate(() => {
  const a = document.querySelector('[data-testid="ask"]');
  return a.hidden ? null : a.dataset.for;
});
const toast = () => panel.evaluate(() => {
  const t = document.querySelector('[data-testid="toast"]');
  return t.hidden ? null : { kind: t.dataset.kind, text: t.querySelector('[data-testid="toast-text"]').textContent, actions: [...t.querySelectorAll('[data-testid="toast-action"] button')].map((b) => b.dataset.testid) };
});
const pageText = () => page.evaluate(() => window.__fixture.getText());
/** Wait until the page's composer ends with `suffix`; a timeout says what the composer and the toast held. */
async function waitPageEndsWith(suffix, what) {
  try {
    await page.waitForFunction((s) => window.__fixture.getText().endsWith(s), suffix, { timeout: 8000 });
  } catch {
    assert.fail(`${what}: the composer holds ${JSON.stringify((await pageText()).slice(-40))}, toast ${JSON.stringify(await toast())}`);
  }
}

before(async () => {
  server = await startFixtureServer({ networks: ['x'] });
  browser = await launchWithExtension({ port: server.port });
  page = await browser.context.newPage();
  await page.goto('https://x.com/home');
  panel = await openPanel(page, browser.worker, browser.extensionId);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('an over-limit text shows a readable thread preview with each part\'s count', async () => {
  await panel.fill(byTestId('draft-input'), LONG);
  await panel.waitForFunction((s) => document.querySelector(s)?.dataset.over === 'true', byTestId('counter'));
  const toggle = byTestId('thread-toggle');
  await panel.waitForSelector(`${toggle}:not([hidden])`);
  assert.match(await panel.textContent(toggle), /thread: 3 parts/);
  await panel.click(toggle);
  const parts = await panel.evaluate(() => [...document.querySelectorAll('[data-testid="thread-part"]')].map((li) => {
    const body = li.querySelector('.part-text');
    const cs = getComputedStyle(body);
    return { count: li.querySelector('[data-testid="part-count"]').textContent, text: body.textContent, clipped: body.scrollWidth > body.clientWidth || body.scrollHeight > body.clientHeight + 1, fontSize: parseFloat(cs.fontSize), wrap: cs.whiteSpace };
  }));
  assert.equal(parts.length, 3);
  for (const [i, p] of parts.entries()) {
    assert.match(p.count, new RegExp(`^Part ${i + 1}/3 · \\d+ / 280$`), p.count);
    assert.ok(Number(p.count.match(/· (\d+) \//)[1]) <= 280, p.count);
    assert.ok(p.text.endsWith(`${i + 1}/3`), p.text);
    assert.equal(p.clipped, false, 'each part is shown whole');
    assert.ok(p.fontSize >= 13 && p.wrap === 'pre-wrap', JSON.stringify(p));
  }
  // Every sentence is in exactly one part.
  assert.equal(parts.map((p) => p.text.replace(/ \d\/3$/, '')).join(' ').replace(/\s+/g, ' '), LONG);
});

test('Insert says the site will refuse an over-limit text and offers part 1; each part inserts on its own', async () => {
  await panel.click(byTestId('insert'));
  const warned = await waitFor(async () => { const t = await toast(); return t?.kind === 'warn' ? t : null; }, 'the over-limit warning');
  assert.match(warned.text, /Inserted, but X will refuse it: \d+ characters over the 280 limit/);
  assert.deepEqual(warned.actions, ['toast-insert-part']);
  assert.equal(await pageText(), LONG, 'what is in the composer is what the toast talks about');
  await panel.click(byTestId('toast-insert-part'));
  await waitPageEndsWith(' 1/3', 'part 1 in the composer');
  assert.ok(await page.evaluate(() => window.__fixture.postEnabled()));
  await waitFor(async () => /Inserted part 1 of 3 \(checked\)/.test((await toast())?.text ?? ''), 'the part toast');
  await panel.click(byTestId('insert-part-2'));
  await waitPageEndsWith(' 2/3', 'part 2 in the composer');
  await waitFor(async () => /part 2 of 3/.test((await toast())?.text ?? ''), 'the part 2 toast');
  await page.waitForTimeout(300);
  assert.equal(await panel.inputValue(byTestId('draft-input')), LONG, 'the panel keeps the whole thread');
});

test('queue and schedule warn about the limit; "queue as a thread" keeps the parts as one post', async () => {
  const before = await posts();
  await panel.fill(byTestId('schedule-time'), '2031-05-06T10:00');
  await panel.click(byTestId('schedule-at'));
  await waitFor(async () => (await askFor()) === 'over-limit', 'the over-limit question at schedule time');
  assert.match(await panel.textContent(byTestId('ask-text')), /X refuses this text: it is \d+ characters over the 280 limit/);
  await panel.click(byTestId('ask-cancel'));
  assert.deepEqual(await posts(), before, 'cancelled: nothing stored');

  await panel.click(byTestId('add-to-queue'));
  await waitFor(async () => (await askFor()) === 'over-limit', 'the over-limit question at queue time');
  assert.match(await panel.textContent(byTestId('ask-thread')), /Queue as a thread \(3 parts\)/);
  await panel.click(byTestId('ask-thread'));
  await waitFor(async () => (await askFor()) === 'queue', 'the slot question');
  await panel.click(byTestId('ask-yes'));
  const stored = await waitFor(async () => (await posts()).find((p) => p.status === 'scheduled'), 'the queued thread');
  assert.equal(stored.text, LONG, 'one post, the whole text');
  assert.equal(stored.thread.network, 'x');
  assert.equal(stored.thread.parts.length, 3);
  assert.ok(stored.thread.parts[2].endsWith(' 3/3'));
  // The header follows once the worker acknowledged the write (stored first, shown next).
  await waitFor(async () => /Queued · X · .* · thread of 3/.test(await panel.textContent(byTestId('post-state'))), 'the queued header');
  assert.match(await panel.textContent(byTestId('thread-toggle')), /Kept as a thread of 3 parts/);
  // A queued thread is not warned about again.
  await panel.click(byTestId('add-to-queue'));
  await waitFor(async () => (await askFor()) === 'move', 'straight to the move question');
  await panel.click(byTestId('ask-cancel'));

  // Its reminder's Open & fill puts part 1 in the composer; the panel there holds the whole thread.
  const opened = browser.context.waitForEvent('page');
  await panel.evaluate((id) => chrome.runtime.sendMessage({ type: 'reminder.openFill', id }), stored.id);
  const other = await opened;
  try {
    await other.waitForFunction((t) => window.__fixture?.getText() === t, stored.thread.parts[0], { timeout: 15000 });
    const p = await openPanel(other, browser.worker, browser.extensionId);
    await p.waitForFunction((id) => document.querySelector('[data-testid="post-header"]').dataset.postId === id, stored.id);
    assert.equal(await p.inputValue(byTestId('draft-input')), LONG);
    assert.equal(await p.getAttribute(byTestId('post-header'), 'data-dirty'), 'false');
    await other.waitForTimeout(900);
    assert.equal(await other.evaluate(() => window.__fixture.getText()), stored.thread.parts[0], 'the composer keeps part 1');
  } finally {
    await other.close();
  }
});

test('"Inserted" promises nothing the site refuses, and a failed insertion offers the clipboard', async () => {
  await panel.click(byTestId('new-draft'));
  await panel.fill(byTestId('draft-input'), '   ');
  await panel.click(byTestId('insert'));
  const disabled = await waitFor(async () => { const t = await toast(); return t?.kind === 'warn' ? t : null; }, 'the disabled-Post warning');
  assert.match(disabled.text, /X's Post button is still disabled/);
  assert.deepEqual(disabled.actions, ['toast-copy']);

  // No composer at all, nor the sidebar's "Post" that opens one (the site's markup changed under us).
  await page.evaluate(() => {
    document.querySelector('.composer').remove();
    document.querySelector('[data-testid="SideNav_NewTweet_Button"]').remove();
  });
  await panel.fill(byTestId('draft-input'), 'Nowhere to go');
  await panel.click(byTestId('insert'));
  const failed = await waitFor(async () => { const t = await toast(); return t?.kind === 'error' ? t : null; }, 'the failure');
  assert.match(failed.text, /There is no post box on this page\. Open the site.s composer/);
  assert.deepEqual(failed.actions, ['toast-copy']);
  await panel.click(byTestId('toast-copy'));
  await waitFor(async () => /Copied: paste it/.test((await toast())?.text ?? ''), 'the copy confirmation');
  // Read the system clipboard back from the page (an extension origin cannot be granted the permission).
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://x.com' });
  await page.bringToFront();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Nowhere to go');
});
