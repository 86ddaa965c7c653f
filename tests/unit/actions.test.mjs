// What the worker does with a reminder's buttons and with a post the site
// reports as published (extension/background/actions.js, handlers.js), on
// one worker lifetime: fake browser, real core.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distUrl, post, setUp } from './support/load.mjs';

const { api } = await setUp();
const { handlers, markExpiryDone } = await import(distUrl('background/handlers.js'));
const { onNotificationButton, onNotificationClick } = await import(distUrl('background/actions.js'));
const { boot, settled } = await import(distUrl('background/boot.js'));
const { notificationId } = await import(distUrl('background/reminders.js'));

const HOUR = 3_600_000;
const ctx = await boot();
const projectId = ctx.store.projects()[0].id;
const save = (p) => handlers['post.save']({ post: { projectId, ...p }, baseRevision: 0 });
const stored = (id) => ctx.store.get(`post:${id}`);

test('a new worker creates the default project', () => {
  assert.equal(ctx.store.projects().length, 1);
});

test('"Mark published" on a due reminder publishes the post and clears the notification', async () => {
  await save(post('due-1', { projectId, status: 'scheduled', scheduledAt: Date.now() - 60_000 }));
  assert.ok(api.notifications.map.has(notificationId('due', 'due-1')), 'reconcile showed it');
  const before = Date.now();
  await onNotificationButton(notificationId('due', 'due-1'), 1);
  assert.equal(stored('due-1').status, 'published');
  assert.ok(stored('due-1').publishedAt >= before);
  assert.equal(api.notifications.map.has(notificationId('due', 'due-1')), false);
});

test('"Open & fill" opens the network composer and writes the text into it', async () => {
  await save(post('due-2', { projectId, status: 'scheduled', scheduledAt: Date.now() - 60_000, text: 'Fill me in' }));
  api.log.tabMessages.length = 0;
  await onNotificationButton(notificationId('due', 'due-2'), 0);
  const tab = api.log.tabsCreated.at(-1);
  assert.equal(tab.url, 'https://x.com/intent/post?text=Fill%20me%20in');
  // postId: the panel on that page then holds this post (main's open-fill, issue 11).
  assert.deepEqual(api.log.tabMessages[0].msg, { type: 'composer.insert', text: 'Fill me in', replace: true, postId: 'due-2' });
  assert.equal(stored('due-2').status, 'scheduled', 'filling is not publishing');
});

test('"Done" on an expiry reminder keeps the post expired with its publish date', async () => {
  const publishedAt = Date.now() - 10 * HOUR;
  await save(post('exp-1', { projectId, status: 'published', publishedAt, publishedUrl: 'https://x.com/me/status/1', expiresAt: Date.now() - 60_000 }));
  assert.equal(stored('exp-1').status, 'expired', 'reconcile marked it expired');
  assert.ok(api.notifications.map.has(notificationId('expiry', 'exp-1')));
  const revision = stored('exp-1').revision;
  await onNotificationButton(notificationId('expiry', 'exp-1'), 1);
  assert.equal(stored('exp-1').status, 'expired', 'not turned back into published');
  assert.equal(stored('exp-1').publishedAt, publishedAt, 'publishedAt not moved to the click');
  assert.equal(stored('exp-1').revision, revision, 'nothing to write');
  assert.equal(api.notifications.map.has(notificationId('expiry', 'exp-1')), false);
});

test('"Done" on a post still live marks it expired; "Open" opens where it was published', async () => {
  await save(post('exp-2', { projectId, status: 'published', publishedAt: Date.now() - HOUR, publishedUrl: 'https://x.com/me/status/2', expiresAt: Date.now() + HOUR }));
  await onNotificationButton(notificationId('expiry', 'exp-2'), 0);
  assert.equal(api.log.tabsCreated.at(-1).url, 'https://x.com/me/status/2');
  const done = await markExpiryDone('exp-2');
  assert.equal(done.status, 'expired');
  assert.equal(done.publishedAt, stored('exp-2').publishedAt);
});

test('a click on the notification opens the reminder page for the post', async () => {
  await onNotificationClick(notificationId('due', 'a b'));
  assert.equal(api.log.tabsCreated.at(-1).url, 'chrome-extension://glider-test/reminder/reminder.html#id=a%20b');
});

test('a post the site published is matched to the queued one and marked published once', async () => {
  await save(post('q-late', { projectId, status: 'scheduled', scheduledAt: Date.now() + 5 * HOUR, text: 'Launch day!  We are live.' }));
  await save(post('q-early', { projectId, status: 'scheduled', scheduledAt: Date.now() + 2 * HOUR, text: 'Launch day! We are live.' }));
  await save(post('q-draft', { projectId, text: 'Launch day! We are live.' }));
  const first = await handlers['composer.published']({ network: 'x', text: ' Launch day!\nWe are live. ', url: 'https://x.com/me/status/9' });
  assert.deepEqual(first, { matched: 'q-early' });
  assert.equal(stored('q-early').status, 'published');
  assert.equal(stored('q-early').publishedUrl, 'https://x.com/me/status/9');
  const second = await handlers['composer.published']({ network: 'x', text: 'Launch day! We are live.' });
  assert.deepEqual(second, { matched: 'q-late' }, 'the next queued copy, never the published one again');
  assert.deepEqual(await handlers['composer.published']({ network: 'bluesky', text: 'Something else' }), { matched: null });
});

test('an expired post cannot be marked published; a project with posts cannot be deleted', async () => {
  await assert.rejects(handlers['post.markPublished']({ id: 'exp-1' }), (err) => err.variant === 'NotPublishable');
  const project = ctx.store.get(`project:${projectId}`);
  await assert.rejects(handlers['project.delete']({ id: projectId, baseRevision: project.revision }), (err) => err.variant === 'InUse');
  await settled();
});
