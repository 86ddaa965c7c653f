// Reliability: two dashboard tabs and the popup each make 100
// read-modify-write edits to the same queued post at the same time, the way
// the UI does (read, change, save with the revision read, and on Conflict
// read again and redo the change). Nothing may be lost: every edit's tag is
// in the final record, and each accepted write bumped the revision by one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draft, figure, HOUR, useBrowser } from './support/reliability.mjs';

const EDITS = 100;

const env = useBrowser({ networks: [] });

/** Runs inside an extension page: `edits` read-modify-write edits, retried on Conflict. */
async function editLoop({ id, client, edits }) {
  const send = (m) => chrome.runtime.sendMessage(m);
  let conflicts = 0;
  const acked = [];
  for (let i = 0; i < edits; i++) {
    const tag = `${client}-${i}`;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 200) throw new Error(`${tag}: too many conflicts`);
      const list = await send({ type: 'posts.list', status: ['scheduled'] });
      const post = list.result.find((p) => p.id === id);
      const reply = await send({ type: 'post.save', post: { ...post, tags: [...post.tags, tag] }, baseRevision: post.revision });
      if (reply?.ok) {
        acked.push(tag);
        break;
      }
      if (reply?.error?.variant !== 'Conflict') throw new Error(`${tag}: ${JSON.stringify(reply)}`);
      conflicts += 1;
      // Let the other writers move on, as a user re-reading would.
      await new Promise((r) => setTimeout(r, Math.random() * 5));
    }
  }
  return { acked, conflicts };
}

test(`two dashboard tabs and the popup each make ${EDITS} edits to the same queue item: 0 lost updates`, { timeout: 120_000 }, async () => {
  const { ext } = env.browser;
  const state = await ext.ready();
  const post = draft(state.projects[0].id, 'shared queue item');
  const saved = await ext.call({ type: 'post.save', post });
  const queued = await ext.call({ type: 'post.schedule', id: post.id, at: Date.now() + 24 * HOUR, baseRevision: saved.revision });
  assert.equal(queued.status, 'scheduled');

  const pages = {
    dashboardA: await ext.openPage('options/options.html#queue'),
    dashboardB: await ext.openPage('options/options.html#queue'),
    popup: await ext.openPage('popup/popup.html'),
  };
  for (const page of Object.values(pages)) await page.waitForLoadState('load');

  const runs = await Promise.all(Object.entries(pages).map(([client, page]) => page.evaluate(editLoop, { id: post.id, client, edits: EDITS })));
  const conflicts = runs.reduce((n, r) => n + r.conflicts, 0);
  const acked = runs.flatMap((r) => r.acked);
  assert.equal(acked.length, 3 * EDITS);

  const stored = (await ext.storage())[`post:${post.id}`];
  const lost = acked.filter((tag) => !stored.tags.includes(tag));
  figure('lost updates', `lost=${lost.length}/${acked.length}`);
  figure('conflicts surfaced and retried', conflicts);
  assert.deepEqual(lost, [], 'every acknowledged edit is in the stored record');
  assert.equal(new Set(stored.tags).size, stored.tags.length, 'no edit applied twice');
  assert.equal(stored.tags.length, 3 * EDITS);
  // Creation, scheduling, then one revision per accepted edit.
  assert.equal(stored.revision, queued.revision + 3 * EDITS, 'one revision per accepted write');
  assert.equal(stored.status, 'scheduled', 'still in the queue');
  for (const page of Object.values(pages)) await page.close();
});
