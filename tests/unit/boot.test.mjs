// A wake (extension/background/boot.js): the first answers come from the
// head records and the index kept from the last wake, before the posts are
// read; the full load then confirms that index or rebuilds it. Each
// `import('boot.js?wake=N')` is a new worker over the same storage and
// IndexedDB.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distUrl, post, setUp } from './support/load.mjs';

const { api, core } = await setUp();
const storage = api.storage.local;
const { STAMP_KEY } = await import(distUrl('background/store.js'));
const { readSnapshot, writeSnapshot } = await import(distUrl('background/snapshot.js'));
const wake = (n) => import(distUrl('background/boot.js', `?wake=${n}`));
const TEXT = 'The glider took off at noon over the hills and landed two hours later in the valley';

/** Start a worker whose full read of storage waits until released. */
async function lightWake(n) {
  const release = storage.holdFullReads();
  const boot = await wake(n);
  const ctx = await boot.bootLight();
  const loadedBeforeAnswer = ctx.store.postsLoaded;
  release();
  return { boot, ctx, loadedBeforeAnswer };
}

test('a first wake builds the index from the posts and keeps it', async () => {
  const first = await wake(1);
  const ctx = await first.boot();
  const projectId = ctx.store.projects()[0].id;
  await ctx.store.write('post:a', post('a', { projectId, text: TEXT, status: 'published' }));
  await ctx.store.write('post:b', post('b', { projectId, text: 'Completely different words about cooking pasta at home tonight' }));
  assert.equal(ctx.index.check(TEXT, null, []).uniquenessPercent, 0);
  await first.settled();
  const snapshot = await readSnapshot();
  assert.equal(snapshot.stamp, storage.data.get(STAMP_KEY));
  assert.deepEqual(snapshot.counts.counts, { published: 1, draft: 1 });
  assert.deepEqual(snapshot.counts.projectCounts, { [projectId]: 2 });
  assert.ok(snapshot.bytes instanceof Uint8Array && snapshot.bytes.length > 0);
});

test('the next wake answers state and checks before reading any post', async () => {
  const { boot, ctx, loadedBeforeAnswer } = await lightWake(2);
  assert.equal(loadedBeforeAnswer, false, 'answered while the full read was still pending');
  assert.deepEqual(ctx.lightCounts.counts, { published: 1, draft: 1 });
  assert.equal(ctx.store.projects().length, 1);
  assert.equal(ctx.index.check(TEXT, null, []).uniquenessPercent, 0, 'the kept index finds the archived post');
  const lightIndex = ctx.index;
  const full = await boot.boot();
  assert.equal(full.index, lightIndex, 'posts unchanged: the kept index stays, nothing is rebuilt');
  assert.equal(full.store.posts().length, 2);
});

test('posts changed behind the worker: the full load notices and rebuilds', async () => {
  // An older Glider (no stamp) edited a post: same stamp, new revision.
  const edited = { ...storage.data.get('post:a'), text: 'Now the text is about sailing boats on a windy lake', revision: 9 };
  storage.data.set('post:a', edited);
  const { boot, ctx } = await lightWake(3);
  const lightIndex = ctx.index;
  assert.equal(lightIndex.check(TEXT, null, []).uniquenessPercent, 0, 'the light answer still uses the kept index');
  const full = await boot.boot();
  assert.notEqual(full.index, lightIndex, 'rebuilt');
  assert.equal(full.index.check(TEXT, null, []).uniquenessPercent, 100);
  assert.equal(full.index.check(edited.text, null, []).uniquenessPercent, 0);
  await boot.settled();
});

test('a kept index from another build is never used', async () => {
  const snapshot = await readSnapshot();
  await writeSnapshot({ ...snapshot, format: 'another build' });
  const release = storage.holdFullReads();
  const boot = await wake(4);
  let answered = false;
  const light = boot.bootLight().then((ctx) => {
    answered = true;
    return ctx;
  });
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(answered, false, 'no light answer from a stale index: it waits for the full load');
  release();
  const ctx = await light;
  assert.equal(ctx.store.postsLoaded, true);
  await boot.settled();
  assert.notEqual((await readSnapshot()).format, 'another build', 'replaced by this build');
});

test('writes keep the index and the stamp in step', async () => {
  const boot = await wake(5);
  const ctx = await boot.boot();
  const stamp = ctx.store.stamp;
  await ctx.store.write('post:c', post('c', { projectId: ctx.store.projects()[0].id, text: TEXT }));
  assert.notEqual(ctx.store.stamp, stamp);
  assert.equal(ctx.index.check(TEXT, 'a', []).uniquenessPercent, 0, 'the new post is indexed at once');
  await ctx.store.remove('post:c', 1);
  assert.equal(ctx.index.check(TEXT, null, []).uniquenessPercent, 100, 'and dropped at once');
  await boot.settled();
  assert.equal((await readSnapshot()).stamp, ctx.store.stamp);
  // Page posts belong to one page view: they are not kept.
  ctx.index.check('x', null, [TEXT]);
  assert.equal(ctx.index.check(TEXT, null, null).uniquenessPercent, 0);
  const kept = core.UniquenessIndex.deserialize(ctx.index.serialize());
  assert.equal(kept.check(TEXT, {}).uniquenessPercent, 100);
});
