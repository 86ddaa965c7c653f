// The worker's store (extension/background/store.js) against a fake
// storage.local and the real core: acknowledged means stored, stale writes
// are conflicts, the posts' stamp moves with every post write, and a wake
// reads no more than it needs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, test } from 'node:test';
import { ROOT, distUrl, post, project, resetApi, setUp } from './support/load.mjs';

const { api, core } = await setUp();
const { Store, STAMP_KEY } = await import(distUrl('background/store.js'));
const storage = api.storage.local;
const fixture = (name) => JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/storage', name), 'utf8'));

async function loaded(items = fixture('v4.json')) {
  for (const [k, v] of Object.entries(items)) storage.data.set(k, v);
  const store = new Store(core);
  await store.load();
  storage.calls.length = 0;
  return store;
}

beforeEach(() => resetApi(api));

test('a write resolves only once storage holds it, at the next revision', async () => {
  const store = await loaded();
  const saved = await store.write('post:n1', post('n1'));
  assert.equal(saved.revision, 1);
  assert.deepEqual(storage.data.get('post:n1'), saved);
  assert.deepEqual(store.get('post:n1'), saved);
  const again = await store.write('post:n1', { ...saved, text: 'edited' });
  assert.equal(again.revision, 2);
});

test('a write based on an old revision is a Conflict and changes nothing', async () => {
  const store = await loaded();
  const saved = await store.write('post:n1', post('n1'));
  await store.write('post:n1', { ...saved, text: 'first' });
  const before = structuredClone(storage.data.get('post:n1'));
  await assert.rejects(store.write('post:n1', { ...saved, text: 'second' }), (err) => err.variant === 'Conflict');
  assert.deepEqual(storage.data.get('post:n1'), before);
});

test('a failed set (quota) is QuotaExceeded and leaves storage and the mirror as they were', async () => {
  const store = await loaded();
  storage.failNextWrite('QUOTA_BYTES quota exceeded');
  await assert.rejects(store.write('post:n1', post('n1')), (err) => err.variant === 'QuotaExceeded');
  assert.equal(storage.data.has('post:n1'), false);
  assert.equal(store.get('post:n1'), undefined);
  // The next write is not blocked by the failed one.
  assert.equal((await store.write('post:n1', post('n1'))).revision, 1);
});

test('the posts stamp changes in the same set as every post write, and only then', async () => {
  const store = await loaded();
  const first = store.stamp;
  assert.ok(first, 'load() stamps posts stored without a stamp');
  await store.write('post:n1', post('n1'));
  assert.notEqual(store.stamp, first);
  assert.ok(storage.calls.some(([op, keys]) => op === 'set' && keys.includes('post:n1') && keys.includes(STAMP_KEY)));
  const afterPost = store.stamp;
  await store.write('project:p2', project('p2'));
  assert.equal(store.stamp, afterPost, 'a project write leaves the posts stamp alone');
  await store.remove('post:n1', 1);
  assert.notEqual(store.stamp, afterPost, 'a delete changes it too');
  assert.equal(storage.data.get(STAMP_KEY), store.stamp);
});

test('update() that returns null writes nothing', async () => {
  const store = await loaded();
  const saved = await store.write('post:n1', post('n1'));
  storage.calls.length = 0;
  assert.deepEqual(await store.update('post:n1', () => null), saved);
  assert.equal(storage.calls.filter(([op]) => op === 'set').length, 0);
  await assert.rejects(store.update('post:missing', () => null), (err) => err.variant === 'NotFound');
});

// The newest fixture: tests/fixtures/storage/v<current>.json.
const CURRENT = () => fixture(`v${core.schemaVersion()}.json`);

test('at the current schema a load runs no migration and rewrites nothing', async () => {
  for (const [k, v] of Object.entries(CURRENT())) storage.data.set(k, v);
  storage.data.set(STAMP_KEY, 'kept');
  const before = structuredClone(Object.fromEntries(storage.data));
  const store = new Store(core);
  assert.equal(await store.load(), null, 'no migration result');
  assert.deepEqual(storage.calls, [['get', null]]);
  assert.deepEqual(Object.fromEntries(storage.data), before);
  assert.equal(store.stamp, 'kept');
  assert.equal(store.posts().length, 6);
  assert.equal(store.get('post:c1').thread.parts.length, 2, 'a thread post (v4 on) is read as stored');
});

test('v3 storage is migrated to the current schema by its version alone (v4 and v5 only restamp): records unchanged, a new stamp', async () => {
  const v3 = fixture('v3.json');
  for (const [k, v] of Object.entries(v3)) storage.data.set(k, v);
  storage.data.set(STAMP_KEY, 'before-v4');
  const store = new Store(core);
  const migrated = await store.load();
  assert.deepEqual([migrated.fromVersion, migrated.toVersion], [3, core.schemaVersion()]);
  assert.equal(core.schemaVersion(), 5);
  assert.equal(storage.data.get('schema').version, 5);
  assert.notEqual(store.stamp, 'before-v4', 'a migration may change what is derived from the posts');
  assert.equal(storage.data.get(STAMP_KEY), store.stamp);
  for (const [k, v] of Object.entries(v3)) {
    if (k !== 'schema') assert.deepEqual(storage.data.get(k), v, k);
  }
  assert.equal(store.posts().length, 4);
  // The next wake is at the current schema: no second migration.
  storage.calls.length = 0;
  assert.equal(await new Store(core).load(), null);
});

test('an older schema is migrated once, with a new stamp', async () => {
  for (const [k, v] of Object.entries(fixture('v2.json'))) storage.data.set(k, v);
  const store = new Store(core);
  const migrated = await store.load();
  assert.equal(migrated.fromVersion, 2);
  assert.equal(storage.data.get('schema').version, core.schemaVersion());
  assert.ok(storage.data.get(STAMP_KEY));
  assert.ok(store.posts().length > 0);
  assert.equal(storage.data.has('index'), false, 'the v2 index record is removed');
});

test('the head is enough for state: schema, settings and listed projects, never posts', async () => {
  for (const [k, v] of Object.entries(CURRENT())) storage.data.set(k, v);
  const store = new Store(core);
  assert.equal(await store.loadHead(await Store.readHead()), true);
  assert.deepEqual(store.projects().map((p) => p.id).sort(), ['p-blog', 'p-long', 'p-news']);
  assert.ok(storage.calls.every(([op, keys]) => op === 'get' && keys !== null), 'no get(null)');
  assert.throws(() => store.posts(), (err) => err.variant === 'Internal');
  const old = new Store(core);
  assert.equal(await old.loadHead({ schema: { version: 3 } }), false, 'another schema needs the full load');
});

test('the digest follows ids and revisions', async () => {
  const store = await loaded();
  const digest = store.postsDigest();
  const saved = await store.write('post:n1', post('n1'));
  const withPost = store.postsDigest();
  assert.notEqual(withPost, digest);
  await store.write('post:n1', { ...saved, text: 'changed' });
  assert.notEqual(store.postsDigest(), withPost);
});
