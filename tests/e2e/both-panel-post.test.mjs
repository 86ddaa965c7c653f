// Shared by Chromium and Firefox (lib/driver.mjs): the panel's post features (issue 11) in
// both browsers. Firefox gives the framed panel no `tabs` API and delivers it no runtime
// message, so every panel -> tab message here (Insert, Insert part N) goes through the worker's
// relay and every broadcast back (composer.changed, composer.published) through its port
// (shared/tabs.js, background/relay.js, background/panel-ports.js). On X: an over-limit text is
// inserted, then one thread part after another; it is queued as one thread post; the site's
// own Post button publishes part 1, and the worker marks the thread published (the core's
// findPublished matches a thread by its first part) and the panel says so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDriver } from './lib/driver.mjs';

const tid = (id) => `[data-testid="${id}"]`;
// 30 sentences of 24-25 characters: about 740 characters, three X posts.
const LONG = Array.from({ length: 30 }, (_, i) => `Both browsers ${String(i + 1).padStart(2, '0')} say hi.`).join(' ');

const d = useDriver({ networks: ['x'] });
let page;
let panel;

const toast = () => panel.evaluate(() => {
  const t = document.querySelector('[data-testid="toast"]');
  return t.hidden ? null : { kind: t.dataset.kind, text: t.querySelector('[data-testid="toast-text"]').textContent, actions: [...t.querySelectorAll('[data-testid="toast-action"] button')].map((b) => b.dataset.testid) };
});
const askFor = () => panel.evaluate(() => {
  const a = document.querySelector('[data-testid="ask"]');
  return a.hidden ? null : a.dataset.for;
});
const pageEndsWith = (suffix, message) => page.waitFor((s) => window.__fixture.getText().endsWith(s), suffix, { message });
async function until(fn, message, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) assert.fail(`timed out: ${message}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test(`${d.kind} · over the limit: Insert warns and offers part 1, each part inserts on its own`, { timeout: 60_000 }, async () => {
  page = await d.sitePage('https://x.com/home');
  await page.waitFor(() => !!window.__fixture);
  panel = await d.openPanel(page);
  await panel.fill(tid('draft-input'), LONG);
  await panel.waitFor(() => document.querySelector('[data-testid="counter"]')?.dataset.over === 'true', null, { message: 'over the limit' });
  await panel.click(tid('insert'));
  const warned = await until(async () => { const t = await toast(); return t?.kind === 'warn' ? t : null; }, 'the over-limit warning');
  assert.match(warned.text, /Inserted, but X will refuse it: \d+ characters over the 280 limit/);
  assert.deepEqual(warned.actions, ['toast-insert-part']);
  await page.waitFor((t) => window.__fixture.getText() === t, LONG, { message: 'the whole text in the composer' });
  await panel.click(tid('toast-insert-part'));
  await pageEndsWith(' 1/3', 'part 1 in the composer');
  assert.equal(await page.evaluate(() => window.__fixture.postEnabled()), true, 'Post enabled for part 1');
  await panel.click(tid('thread-toggle'));
  await panel.click(tid('insert-part-2'));
  await pageEndsWith(' 2/3', 'part 2 in the composer');
  await until(async () => /part 2 of 3/.test((await toast())?.text ?? ''), 'the part 2 toast');
  // The composer's echo of a part never replaces the whole thread in the panel.
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await panel.evaluate(() => document.querySelector('[data-testid="draft-input"]').value), LONG);
});

test(`${d.kind} · queued as one thread post; the site's Post publishes part 1 and the panel says so`, { timeout: 60_000 }, async () => {
  await panel.click(tid('add-to-queue'));
  await until(async () => (await askFor()) === 'over-limit', 'the over-limit question');
  await panel.click(tid('ask-thread'));
  await until(async () => (await askFor()) === 'queue', 'the slot question');
  await panel.click(tid('ask-yes'));
  const queued = await until(async () => (await d.ext.call({ type: 'posts.list', status: ['scheduled'] })).find((p) => p.text === LONG), 'the queued thread');
  assert.equal(queued.thread.network, 'x');
  assert.equal(queued.thread.parts.length, 3);
  await panel.waitFor((id) => document.querySelector('[data-testid="post-header"]').dataset.postId === id, queued.id, { message: 'the panel holds the queued post' });

  // Part 1 into the composer, then the site's own Post button.
  await panel.click(tid('insert-part-1'));
  await pageEndsWith(' 1/3', 'part 1 in the composer again');
  await page.click('[data-testid="tweetButtonInline"]');
  const published = await until(async () => {
    const [p] = (await d.ext.call({ type: 'posts.list', status: ['published'] })).filter((x) => x.id === queued.id);
    return p ?? null;
  }, 'the worker marked the thread published');
  assert.ok(published.publishedAt > 0);
  await until(async () => /^Posted on X: marked as published in your plan$/.test((await toast())?.text ?? ''), 'the panel heard composer.published');
  assert.deepEqual(page.errors, [], 'no page errors');
});
