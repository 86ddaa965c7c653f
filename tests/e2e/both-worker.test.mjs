// Shared by Chromium and Firefox (lib/driver.mjs): the worker (Chromium's service worker,
// Firefox's event page) is the single writer and acknowledges a write only once it is stored.
// Nothing acknowledged is ever lost: not when the extension reloads (an update, a developer's
// reload) in the middle of a burst of writes, not when the browser stops the idle worker (Chromium
// stops it, Firefox suspends the event page after extensions.background.idle.timeout). Each time
// the next start re-arms the reminder alarm.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDriver } from './lib/driver.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Firefox suspends the idle event page after this; Chromium's worker is stopped through DevTools.
const d = useDriver({ networks: [], idleTimeoutMs: 3000 });

let seq = 0;
function draft(projectId, text) {
  const now = Date.now();
  seq += 1;
  return { id: `both-w-${now}-${seq}`, projectId, text, networks: ['mastodon'], status: 'draft', createdAt: now, updatedAt: now, revision: 0 };
}

const postsIn = (all) => Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('post:')));

test(`${d.kind} · 40 writes, then a reload in the middle of 30 more: every acknowledged write is stored`, { timeout: 120_000 }, async () => {
  const { projects } = await d.ext.ready();
  const projectId = projects[0].id;
  // A burst of concurrent saves: each acknowledged only once stored.
  const first = Array.from({ length: 40 }, (_, i) => draft(projectId, `burst ${i} ✍🏽`));
  const acks = await Promise.all(first.map((post) => d.ext.call({ type: 'post.save', post })));
  assert.ok(acks.every((a) => a.revision === 1), 'every save acknowledged at revision 1');
  const at = Date.now() + 3 * 86_400_000;
  await d.ext.call({ type: 'post.schedule', id: first[0].id, at, baseRevision: 1 });

  // 30 more, sent 30 ms apart, with the extension reloading among them. (Chromium reloads from
  // chrome://extensions, opened beforehand so that the reload starts at once.)
  await d.ext.extensionsPage?.();
  const second = Array.from({ length: 30 }, (_, i) => draft(projectId, `during reload ${i}`));
  const page = d.ext.page;
  const sends = second.map((post, i) => sleep(i * 30).then(() => d.ext.send({ type: 'post.save', post }, page).catch((e) => ({ transport: String(e) }))));
  await sleep(100);
  const reloaded = d.ext.reload();
  const replies = await Promise.all(sends);
  await reloaded;
  const acked = second.filter((_, i) => replies[i]?.ok).map((p) => p.id);

  const stored = postsIn(await d.ext.storage());
  const lost = [...first.map((p) => p.id), ...acked].filter((id) => !stored[`post:${id}`]);
  assert.deepEqual(lost, [], 'no acknowledged write is missing after the reload');
  for (const p of first.slice(1)) assert.equal(stored[`post:${p.id}`].text, p.text);
  assert.equal(stored[`post:${first[0].id}`].status, 'scheduled');
  console.log(`[figure] ${d.kind}: ${acked.length}/30 saves acknowledged around the reload, 0 lost`);

  // The worker that started after the reload re-armed the alarm and takes writes again.
  const alarm = await d.workerEval(({ api }) => api.alarms.get('glider-next'));
  assert.equal(alarm?.scheduledTime, at, 'alarm re-armed for the scheduled post');
  const late = draft(projectId, 'after the reload');
  assert.equal((await d.ext.call({ type: 'post.save', post: late })).revision, 1);
});

test(`${d.kind} · the browser stops the idle worker: state, alarm and writes survive`, { timeout: 120_000 }, async () => {
  const before = postsIn(await d.ext.storage());
  // The alarm must come back from storage, not from the browser's own alarm list.
  await d.workerEval(({ api }) => api.alarms.clearAll());
  await d.ext.killWorker();
  await d.ext.wake();
  const state = await d.ext.ready();
  assert.ok(state.projects.length >= 1);
  const after = postsIn(await d.ext.storage());
  assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort(), 'every post still there');
  const scheduled = Object.values(after).find((p) => p.status === 'scheduled');
  const alarm = await d.workerEval(({ api }) => api.alarms.get('glider-next'));
  assert.equal(alarm?.scheduledTime, scheduled.scheduledAt, 'the restarted worker re-armed the alarm');
  // A write right after the restart is acknowledged once stored.
  const post = draft(Object.values(after)[0].projectId, 'after the stop');
  const ack = await d.ext.call({ type: 'post.save', post });
  assert.equal(ack.revision, 1);
  assert.equal((await d.ext.storage())[`post:${post.id}`]?.text, 'after the stop');
});
