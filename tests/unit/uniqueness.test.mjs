// "How unique is this?" on a wake's light path (handlers.js over
// bootLight): answered from the kept index before the posts are read, yet
// with the panel's rules intact: the post being edited is never a match,
// its published copies on the page are excluded too, and every match is
// named and dated from its stored post.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distUrl, post, setUp } from './support/load.mjs';

const { api } = await setUp();
const storage = api.storage.local;
const TEXT = 'The glider took off at noon over the hills and landed two hours later in the valley';
const OTHER = 'Completely different words about cooking fresh pasta at home with friends tonight';

test('a published post and its page copies: excluded on the light path, other matches named', async () => {
  // An earlier wake stored the posts and kept their index.
  const first = await import(distUrl('background/boot.js', '?wake=1'));
  const ctx = await first.boot();
  const projectId = ctx.store.projects()[0].id;
  await ctx.store.write('post:mine', post('mine', { projectId, text: TEXT, status: 'published', publishedAt: 5_000 }));
  await ctx.store.write('post:older', post('older', { projectId, text: `${OTHER} and more`, status: 'published', publishedAt: 4_000 }));
  await first.settled();

  // A new worker: the panel's check arrives while the full read is still pending.
  const release = storage.holdFullReads();
  const { handlers } = await import(distUrl('background/handlers.js'));
  const reply = handlers['uniqueness.check']({ text: `${TEXT}!`, excludeId: 'mine', pagePosts: [` ${TEXT}\n`, OTHER] });
  const early = await Promise.race([reply, new Promise((r) => setTimeout(() => r('waited'), 200))]);
  assert.notEqual(early, 'waited', 'answered before every post was read');
  const ids = early.matches.map((m) => m.id);
  assert.ok(!ids.includes('mine'), 'never the post being edited');
  assert.ok(!ids.some((id) => id.startsWith('page:')), `its copy on the page is the post itself: ${ids}`);
  // Control: without the edited post's id the same page copy is a match.
  const unexcluded = await handlers['uniqueness.check']({ text: `${TEXT}!`, pagePosts: [` ${TEXT}\n`, OTHER] });
  assert.ok(unexcluded.matches.some((m) => m.id.startsWith('page:')), 'the page copy matches when nothing is excluded');
  assert.ok(unexcluded.matches.some((m) => m.id === 'mine' && m.status === 'published'));
  release();

  // The same check on another text: a stored match is named and dated, a page match titled.
  const other = await handlers['uniqueness.check']({ text: OTHER, excludeId: 'mine', pagePosts: [OTHER] });
  const stored = other.matches.find((m) => m.id === 'older');
  assert.equal(stored?.status, 'published');
  assert.equal(stored.at, 4_000);
  assert.ok(stored.title.startsWith('Completely different words'));
  const page = other.matches.find((m) => m.id.startsWith('page:'));
  assert.ok(page?.title && OTHER.startsWith(page.title), page?.title);
});
