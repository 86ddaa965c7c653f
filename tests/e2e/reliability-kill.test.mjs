// Reliability: the worker is stopped through the DevTools protocol every 50
// acknowledged writes during 1,000 edits, with writes in flight. Every
// acknowledged write must still be in storage.local afterwards — read back
// by a fresh worker and again after a browser restart on the same profile.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figure, launch, uid, useBrowser } from './support/reliability.mjs';

const EDITS = 1000;
const KILL_EVERY = 50;
const POSTS = 20;
const LANES = 4; // concurrent writers, each owning its own posts (no conflicts between lanes)

const env = useBrowser({ networks: [], keepProfile: true });

test(`kill the worker every ${KILL_EVERY} writes during ${EDITS} edits: 0 acknowledged writes lost`, { timeout: 180_000 }, async () => {
  const { ext } = env.browser;
  const state = await ext.ready();
  const projectId = state.projects[0].id;
  const ids = Array.from({ length: POSTS }, () => uid('kill'));
  const acked = new Map(); // edit number -> post id
  const known = new Map(); // post id -> last stored record we know of
  let ackCount = 0;
  let failedReplies = 0; // replies lost with the worker: the edit is re-read and retried
  let landedUnacked = 0; // edits whose reply was lost but which are in storage
  let kills = Promise.resolve();
  const start = Date.now();

  const stored = async (id) => (await ext.page.evaluate((k) => chrome.storage.local.get(k), `post:${id}`))[`post:${id}`] ?? null;

  async function edit(n, id) {
    let reply = null;
    for (let attempt = 0; attempt < 30; attempt++) {
      const base = known.get(id) ?? null;
      if (base?.tags.includes(`e${n}`)) {
        landedUnacked += 1;
        return;
      }
      const post = base
        ? { ...base, text: `edit ${n}`, tags: [...base.tags, `e${n}`] }
        : { id, projectId, text: `edit ${n}`, networks: ['x'], status: 'draft', tags: [`e${n}`], createdAt: Date.now(), updatedAt: Date.now(), revision: 0 };
      reply = await ext.send({ type: 'post.save', post, baseRevision: base?.revision ?? 0 });
      if (reply?.ok) {
        assert.equal(reply.result.revision, (base?.revision ?? 0) + 1, 'an acknowledged write carries the next revision');
        assert.ok(reply.result.tags.includes(`e${n}`));
        known.set(id, reply.result);
        acked.set(n, id);
        ackCount += 1;
        if (ackCount % KILL_EVERY === 0) kills = kills.then(() => ext.killWorker());
        return;
      }
      // The worker was stopped under this write (no reply), or it answered
      // Conflict because an earlier unacknowledged write of ours did land:
      // re-read what storage has and rebase, as the UI does.
      if (reply?.error && reply.error.variant !== 'Conflict') throw new Error(`edit ${n}: ${JSON.stringify(reply.error)}`);
      failedReplies += 1;
      known.set(id, await stored(id));
    }
    throw new Error(`edit ${n} of ${id} never went through (storage has revision ${known.get(id)?.revision}); last reply: ${JSON.stringify(reply)}`);
  }

  await Promise.all(
    Array.from({ length: LANES }, async (_, lane) => {
      for (let n = lane; n < EDITS; n += LANES) await edit(n, ids[n % POSTS]);
    }),
  );
  await kills;
  // One more stop: what follows is read from storage by a fresh worker.
  await ext.killWorker();
  await ext.wake();

  const check = (snapshot, label) => {
    let lost = 0;
    const missing = [];
    for (const [n, id] of acked) {
      if (!snapshot[`post:${id}`]?.tags?.includes(`e${n}`)) {
        lost += 1;
        missing.push(n);
      }
    }
    // Each landed write added exactly one tag and one revision: nothing applied twice or half.
    const inconsistent = ids.filter((id) => snapshot[`post:${id}`] && snapshot[`post:${id}`].revision !== snapshot[`post:${id}`].tags.length);
    figure(`acknowledged writes lost (${label})`, `lost=${lost}/${acked.size}`);
    assert.equal(lost, 0, `acknowledged edits missing from storage (${label}): ${missing.slice(0, 20).join(', ')}`);
    assert.deepEqual(inconsistent, [], `revision != number of landed edits (${label})`);
  };

  const snapshot = await ext.storage();
  check(snapshot, 'after worker kills');
  // The worker serves the same records from its mirror.
  const listed = await ext.call({ type: 'posts.list' });
  for (const id of ids) assert.deepEqual(listed.find((p) => p.id === id)?.tags, snapshot[`post:${id}`].tags, `worker mirror of ${id}`);

  figure('edits', `${EDITS} (acknowledged ${acked.size}, replies lost with the worker ${failedReplies}, landed without reply ${landedUnacked})`);
  figure('worker kills', ext.kills);
  figure('edit throughput', `${Math.round((EDITS * 1000) / (Date.now() - start))}/s`);
  assert.equal(acked.size + landedUnacked, EDITS, 'every edit either was acknowledged or is in storage');
  assert.ok(ext.kills >= EDITS / KILL_EVERY, `the worker was stopped ${ext.kills} times`);

  // Acknowledged means on disk: restart the browser on the same profile and read again.
  const userDir = env.browser.userDir;
  await env.browser.close();
  env.browser = await launch({ port: env.server.port, userDir });
  await env.browser.ext.ready();
  check(await env.browser.ext.storage(), 'after browser restart');
});
