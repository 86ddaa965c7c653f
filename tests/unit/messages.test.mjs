// The message catalogue (extension/shared/messages.js): who may send what,
// with which fields. Every receiver relies on these answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setUp, distUrl } from './support/load.mjs';

await setUp();
const { MESSAGES, FROM, checkMessage, senderKind } = await import(distUrl('shared/messages.js'));

const ID = 'glider-test';
const ORIGIN = `chrome-extension://${ID}/`;

test('senders are classified by id, tab, frame and URL', () => {
  assert.equal(senderKind({ id: ID, tab: { id: 1 }, frameId: 0, url: 'https://x.com/home' }, ID, ORIGIN), FROM.CONTENT);
  assert.equal(senderKind({ id: ID, tab: { id: 1 }, frameId: 3, url: 'https://x.com/home' }, ID, ORIGIN), null, 'a sub-frame is not the content script');
  assert.equal(senderKind({ id: ID, url: `${ORIGIN}options/options.html` }, ID, ORIGIN), FROM.EXTENSION);
  assert.equal(senderKind({ id: ID, tab: { id: 1 }, frameId: 2, url: `${ORIGIN}panel/panel.html` }, ID, ORIGIN), FROM.EXTENSION);
  assert.equal(senderKind({ id: ID }, ID, ORIGIN), FROM.WORKER);
  assert.equal(senderKind({ id: 'someone-else', url: `${ORIGIN}x` }, ID, ORIGIN), null);
  assert.equal(senderKind(null, ID, ORIGIN), null);
});

test('a valid message passes; unknown types, fields and senders do not', () => {
  assert.deepEqual(checkMessage({ type: 'state.get' }, FROM.EXTENSION), { ok: true, type: 'state.get' });
  assert.equal(checkMessage({ type: 'state.get' }, FROM.CONTENT).ok, false, 'pages may not read state');
  assert.equal(checkMessage({ type: 'nope' }, FROM.EXTENSION).ok, false);
  assert.equal(checkMessage({ type: 'state.get', extra: 1 }, FROM.EXTENSION).ok, false);
  assert.equal(checkMessage(['state.get'], FROM.EXTENSION).ok, false);
  assert.equal(checkMessage(null, FROM.EXTENSION).ok, false);
  assert.equal(checkMessage({ type: '__proto__' }, FROM.EXTENSION).ok, false);
  assert.equal(checkMessage({ type: 'state.get' }, FROM.EXTENSION, ['posts.list']).ok, false, 'not handled here');
});

test('field specs: types, optional fields, size limits', () => {
  const msg = (fields) => checkMessage({ type: 'post.schedule', ...fields }, FROM.EXTENSION);
  assert.equal(msg({ id: 'a', at: 1, baseRevision: 0 }).ok, true);
  assert.equal(msg({ id: 'a', at: Number.NaN, baseRevision: 0 }).ok, false);
  assert.equal(msg({ id: 'a', at: '1', baseRevision: 0 }).ok, false);
  assert.equal(msg({ id: 'a', baseRevision: 0 }).ok, false, 'a required field is missing');
  const check = (fields) => checkMessage({ type: 'uniqueness.check', ...fields }, FROM.EXTENSION);
  assert.equal(check({ text: 'hi' }).ok, true, 'optional fields may be left out');
  assert.equal(check({ text: 'hi', pagePosts: 'not an array' }).ok, false);
  assert.equal(check({ text: 'x'.repeat((1 << 20) + 1) }).ok, false, 'text over 1 MiB');
  assert.equal(checkMessage({ type: 'import.run', format: 'json', text: 'x'.repeat((1 << 20) + 1) }, FROM.EXTENSION).ok, true, 'a whole file may be larger');
  assert.equal(checkMessage({ type: 'composer.published', network: 'x', text: 'hi', url: 'https://x.com/1' }, FROM.CONTENT).ok, true);
  assert.equal(checkMessage({ type: 'post.markPublished', id: 'a' }, FROM.CONTENT).ok, false, 'only our pages name a post id');
});

test('every catalogue entry is well formed', () => {
  const specs = new Set(['string', 'file', 'number', 'boolean', 'object', 'array', 'any']);
  for (const [type, def] of Object.entries(MESSAGES)) {
    assert.ok(def.from.length && def.from.every((f) => Object.values(FROM).includes(f)), type);
    for (const [name, spec] of Object.entries(def.fields)) assert.ok(specs.has(spec.replace(/\?$/, '')), `${type}.${name}: ${spec}`);
  }
});
