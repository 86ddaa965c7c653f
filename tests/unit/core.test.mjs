// The shipped WASM module, as extension contexts load it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setUp } from './support/load.mjs';

const { core } = await setUp();

test('the module installs the browser Unicode when it starts: clusters and NFC work in every export', () => {
  // A ZWJ family is one grapheme on Bluesky; code-point counting would say 5.
  assert.equal(core.countText('👨\u200d👩\u200d👧', 'bluesky', null).count, 1);
  // Decomposed Vietnamese matches its composed form in the uniqueness index.
  const index = new core.UniquenessIndex();
  index.upsert('a', 'archive', 'Tôi yêu Việt Nam và những chuyến bay dài trên biển');
  const res = index.check('Tôi yêu Vie\u0323\u0302t Nam và những chuyến bay dài trên biển', {});
  assert.equal(res.uniquenessPercent, 0);
});

test('indexFormat names this build of the indexing code', () => {
  const format = core.indexFormat();
  assert.match(format, /^\d+\.\d+\.\d+-[0-9a-f]{16}$/);
  assert.equal(core.indexFormat(), format);
});

test('benchmark-only members are not in the shipped module', () => {
  const index = new core.UniquenessIndex();
  for (const name of ['upsertMany', 'score', 'stats', 'compact']) assert.equal(typeof index[name], 'undefined', name);
  for (const name of ['upsertPacked', 'serialize', 'check', 'removeKind']) assert.equal(typeof index[name], 'function', name);
});

test('core errors carry their stable variant', () => {
  assert.throws(() => core.countText('x', 'myspace', null), (err) => err.variant === 'UnknownNetwork');
  assert.throws(() => core.checkProjectDelete('p', ['p']), (err) => err.variant === 'InUse');
});
