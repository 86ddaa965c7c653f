// Security: 10,000 spoofed or malformed runtime messages change nothing.
//
// - 6,000 malformed messages from an extension page (a trusted sender):
//   non-objects, unknown types, extra or missing fields, wrong field types,
//   own `__proto__` keys, oversized strings, and well-formed requests the
//   core must refuse (invalid records, stale revisions, unknown ids).
// - 3,000 spoofed messages from the content script's isolated world on
//   x.com (reached through the DevTools protocol): well-formed writes that
//   only extension pages may send, plus malformed ones.
// - 1,000 attempts from the web page itself (main world): runtime messaging
//   to the extension id, postMessage to every frame, DOM events.
//
// "Nothing" is checked on storage.local, the worker's mirror (posts.list),
// the alarms, the notifications and the open tabs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MESSAGES } from '../../extension/shared/messages.js';
import { changedKeys, draft, figure, HOUR, useBrowser } from './support/reliability.mjs';

const env = useBrowser({ networks: ['x'] });

/** A small deterministic PRNG, so a failure can be replayed. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const TYPES = [
  'core.count', 'state.get', 'posts.list', 'post.save', 'post.delete', 'post.schedule', 'post.markPublished', 'queue.preview',
  'queue.add', 'posts.reschedule', 'posts.restore', 'project.save', 'project.delete', 'reminder.openFill', 'reminder.snooze', 'uniqueness.check', 'settings.save',
  'import.run', 'export.run', 'import.progress', 'composer.changed', 'composer.published', 'content.ready', 'composer.read',
  'composer.insert', 'page.posts', 'adapter.status', 'panel.toggle', 'post.get', 'schedule.check',
];

/**
 * Well-formed messages that would change state if a wrong sender were trusted
 * (valid shapes and values, against the existing records).
 */
function writes({ post, project }) {
  const now = Date.now();
  return [
    { type: 'post.save', post: { ...post, text: 'spoofed edit' }, baseRevision: post.revision },
    { type: 'post.save', post: { ...draft(project.id, 'spoofed new post') }, baseRevision: 0 },
    { type: 'post.delete', id: post.id, baseRevision: post.revision },
    { type: 'post.schedule', id: post.id, at: now + 5 * HOUR, baseRevision: post.revision },
    { type: 'queue.add', id: post.id, baseRevision: post.revision },
    { type: 'posts.reschedule', changes: [{ id: post.id, at: now + 6 * HOUR, baseRevision: post.revision }] },
    { type: 'posts.restore', records: [{ id: post.id, baseRevision: post.revision, fields: { status: 'draft' } }] },
    { type: 'project.save', project: { ...project, name: 'spoofed project' }, baseRevision: project.revision },
    { type: 'project.delete', id: project.id, baseRevision: project.revision },
    { type: 'settings.save', settings: { theme: 'dark' } },
    { type: 'import.run', format: 'csv', text: 'Date,Text\n2099-01-01 10:00,spoofed import\n', keepValid: true, zone: 'UTC' },
    { type: 'reminder.snooze', id: post.id, option: 'oneHour' },
    { type: 'reminder.openFill', id: post.id },
  ];
}

/** Values of any type but the one a field spec asks for. */
const WRONG = {
  string: [null, 1, 0, true, [], {}, ['x']],
  file: [null, 1, 0, true, [], {}, ['x']], // a whole import: still a string
  number: [null, '1', '0', true, [], {}, [1]],
  boolean: [null, 'true', 1, 0, [], {}],
  object: [null, 'x', 1, true, [], [{}]],
  array: [null, 'x', 1, true, {}],
};

/** Messages no receiver may act on, whoever sends them. */
function malformed(n, { post, project }, seed) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const junk = () => pick([null, 0, -1, 1.5, '', 'x', true, [], {}, [1, 2], { a: 1 }, 'a'.repeat(1000), '\u0000', '__proto__']);
  const known = writes({ post, project });
  const out = [];
  for (let i = 0; i < n; i++) {
    const base = pick(known);
    switch (i % 12) {
      case 0:
        out.push(pick([null, 0, 1.5, 'post.save', true, [], [base], [[base]], '', { 0: base }]));
        break;
      case 1: // unknown types
        out.push({ ...base, type: pick(['POST.SAVE', 'post.save ', ' post.save', 'post.saveX', 'post', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'state.get\u0000', `x.${Math.floor(r() * 1e9)}`]) });
        break;
      case 2: // type of the wrong type
        out.push({ ...base, type: pick([1, null, true, ['post.save'], { type: 'post.save' }]) });
        break;
      case 3: // one unexpected field on an otherwise valid write
        out.push({ ...base, [pick(['extra', 'from', 'sender', 'tab', 'trusted', 'constructor', 'toString', 'revision', 'ok'])]: junk() });
        break;
      case 4: { // a field of the wrong type (per the catalogue's spec)
        const field = pick(Object.keys(base).filter((k) => k !== 'type'));
        const spec = MESSAGES[base.type].fields[field].replace('?', '');
        out.push({ ...base, [field]: pick(WRONG[spec]) });
        break;
      }
      case 5: { // a required field missing
        const m = { ...base };
        delete m[pick(Object.entries(MESSAGES[base.type].fields).filter(([, spec]) => !spec.endsWith('?')).map(([k]) => k))];
        out.push(m);
        break;
      }
      case 6: // own __proto__ keys (as JSON.parse makes them)
        out.push(JSON.parse(`{"type":"${base.type}","__proto__":${JSON.stringify(base)}}`));
        break;
      case 7: // a content-script broadcast sent by someone else (for a content script itself these are legitimate)
        if (seed !== 1) {
          out.push({ type: 'composer.published', network: 'x', text: `not a stored post ${i}`, url: 'https://x.com/a/status/1' });
          break;
        }
        out.push(pick([
          { type: 'composer.published', network: 'x', text: post.text, url: 'https://x.com/a/status/1' },
          { type: 'composer.changed', network: 'x', text: 'spoofed' },
          { type: 'content.ready', network: 'x', composers: 1, needsUpdate: false },
        ]));
        break;
      case 8: // well-formed, refused by the core: stale or future revisions
        out.push(pick([
          { type: 'post.save', post: { ...post, text: 'stale' }, baseRevision: post.revision - 1 },
          { type: 'post.save', post: { ...post, text: 'future' }, baseRevision: post.revision + 1 + Math.floor(r() * 100) },
          { type: 'post.delete', id: post.id, baseRevision: post.revision + 7 },
          { type: 'project.save', project: { ...project, name: 'stale' }, baseRevision: project.revision + 3 },
          { type: 'post.schedule', id: post.id, at: Date.now() + HOUR, baseRevision: post.revision - 1 },
        ]));
        break;
      case 9: // well-formed, refused by the core: invalid records
        out.push(pick([
          { type: 'post.save', post: { ...post, status: 'hacked' }, baseRevision: post.revision },
          { type: 'post.save', post: { ...post, id: '' }, baseRevision: 0 },
          { type: 'post.save', post: { ...post, scheduledAt: -5 }, baseRevision: post.revision },
          { type: 'post.save', post: { ...post, plannedZone: 'Mars/Olympus' }, baseRevision: post.revision },
          { type: 'post.save', post: { ...post, evil: true }, baseRevision: post.revision },
          { type: 'post.save', post: JSON.parse(`{"__proto__":{"status":"published"},${JSON.stringify(post).slice(1)}`), baseRevision: post.revision },
          { type: 'project.save', project: { ...project, timeZone: 'Nowhere/Land' }, baseRevision: project.revision },
          { type: 'project.save', project: { ...project, slots: { x: [{ weekday: 9, minute: 99999 }] } }, baseRevision: project.revision },
          { type: 'settings.save', settings: { theme: 'neon' } },
          { type: 'settings.save', settings: { evil: 1 } },
          { type: 'settings.save', settings: JSON.parse('{"__proto__":{"theme":"dark"}}') },
          { type: 'settings.save', settings: { weekStartsOn: 'monday' } },
        ]));
        break;
      case 10: // well-formed, refused: unknown ids, options, formats
        out.push(pick([
          { type: 'post.delete', id: `nope-${i}`, baseRevision: 1 },
          { type: 'post.schedule', id: `nope-${i}`, at: Date.now() + HOUR, baseRevision: 1 },
          { type: 'post.markPublished', id: `nope-${i}` },
          { type: 'queue.add', id: `nope-${i}`, baseRevision: 0 },
          { type: 'reminder.snooze', id: post.id, option: pick(['forever', '__proto__', 'constructor', '']) },
          { type: 'reminder.snooze', id: `nope-${i}`, option: 'oneHour' },
          { type: 'project.delete', id: project.id, baseRevision: project.revision },
          { type: 'import.run', format: pick(['xml', 'CSV', '', '__proto__']), text: 'a,b' },
          { type: 'import.run', format: 'csv', text: pick(['', '\uFEFF', 'Date,Text\nnot a date,x\n', '"unterminated', 'a'.repeat(5000)]), keepValid: false },
          { type: 'import.run', format: 'json', text: pick(['{"__proto__":{"polluted":1}}', '[]', 'null', '{"format":"glider-backup","version":1,"posts":[{"id":"x"}]}']) },
          { type: 'export.run', format: pick(['exe', '__proto__', '']) },
        ]));
        break;
      default: // random type and junk fields
        out.push({ type: pick(TYPES), [pick(['id', 'post', 'text', 'x', 'baseRevision'])]: junk(), [pick(['at', 'project', 'format', 'y'])]: junk() });
    }
  }
  return out;
}

/** Everything the extension could change: storage, the worker's view, alarms, notifications, tabs. */
async function state(ext) {
  return {
    storage: await ext.storage(),
    listed: await ext.call({ type: 'posts.list' }),
    alarms: await ext.worker().evaluate(() => chrome.alarms.getAll()),
    notifications: Object.keys(await ext.worker().evaluate(() => chrome.notifications.getAll())).sort(),
    tabs: env.browser.context.pages().length,
  };
}

/**
 * Runs in an extension context: send the messages in `json`, 50 at a time;
 * returns how each was answered. The messages travel as JSON text: parsing
 * keeps `"__proto__"` keys as own data properties (an object literal or
 * Playwright's argument passing would turn them into real prototypes).
 */
async function sendBatch(json) {
  const list = JSON.parse(json);
  const counts = { none: 0, refused: 0, accepted: 0, threw: 0, acceptedTypes: [], answeredTypes: [] };
  for (let i = 0; i < list.length; i += 50) {
    await Promise.all(
      list.slice(i, i + 50).map((m) =>
        chrome.runtime.sendMessage(m).then(
          (r) => {
            if (r === undefined) counts.none += 1;
            else counts.answeredTypes.push(m?.type);
            if (r === undefined) return;
            // A refused import is answered ok with its errors and nothing imported.
            if (r?.ok && !(r.result?.imported === 0 && r.result?.errors?.length)) {
              counts.accepted += 1;
              counts.acceptedTypes.push(m?.type);
            } else counts.refused += 1;
          },
          () => (counts.threw += 1),
        ),
      ),
    );
  }
  return counts;
}

test('10,000 spoofed or malformed runtime messages: 0 state changes', { timeout: 150_000 }, async () => {
  const { ext, context } = env.browser;
  const { projects } = await ext.ready();
  // Existing data worth attacking: a scheduled post, a draft, the project.
  const target = draft(projects[0].id, 'the post spoofed messages go after');
  const saved = await ext.call({ type: 'post.save', post: target });
  await ext.call({ type: 'post.schedule', id: target.id, at: Date.now() + 24 * HOUR, baseRevision: saved.revision });
  await ext.call({ type: 'post.save', post: draft(projects[0].id, 'another draft') });
  const all = await ext.storage();
  const ctx = { post: all[`post:${target.id}`], project: all[`project:${projects[0].id}`] };

  const page = await context.newPage();
  await page.goto('https://x.com/home');
  await page.waitForSelector('article[data-testid="tweet"]');
  const before = await state(ext);

  // 1. 6,000 malformed messages from an extension page.
  const fromExtension = malformed(6000, ctx, 1);
  // Two oversized ones (over the catalogue's 1 MiB string limit).
  fromExtension.push({ type: 'import.run', format: 'csv', text: `Date,Text\n${'2099-01-01 10:00,big\n'.repeat(60_000)}` });
  fromExtension.push({ type: 'post.save', post: { ...ctx.post, text: 'x'.repeat((1 << 20) + 1) }, baseRevision: ctx.post.revision });
  const a = await ext.page.evaluate(sendBatch, JSON.stringify(fromExtension));

  // 2. 3,000 from the content script's isolated world on x.com: valid writes from the wrong sender, and malformed ones.
  const cdp = await context.newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => contexts.push(c));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === ext.origin.replace(/\/$/, ''));
  assert.ok(world, `the content script's world is there: ${JSON.stringify(contexts.map((c) => [c.name, c.origin]))}`);
  const spoofs = [];
  const valid = writes(ctx);
  for (let i = 0; i < 1500; i++) spoofs.push(valid[i % valid.length]);
  spoofs.push(...malformed(1500, ctx, 2));
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
    expression: `(${sendBatch})(${JSON.stringify(JSON.stringify(spoofs))})`,
  });
  assert.equal(exceptionDetails, undefined, JSON.stringify(exceptionDetails));
  const b = result.value;

  // 3. 1,000 attempts from the page's own scripts.
  const c = await page.evaluate(
    ({ id, json }) => {
      const msgs = JSON.parse(json);
      let delivered = 0;
      let failed = 0;
      for (const m of msgs) {
        try {
          const p = globalThis.chrome?.runtime?.sendMessage?.(id, m);
          if (p === undefined) failed += 1;
          else delivered += 1;
        } catch {
          failed += 1;
        }
        for (let f = 0; f < window.frames.length; f++) window.frames[f].postMessage(m, '*');
        window.postMessage(m, '*');
        document.dispatchEvent(new CustomEvent('glider', { detail: m }));
        document.querySelector('glider-root')?.dispatchEvent(new CustomEvent('message', { detail: m }));
      }
      return { delivered, failed };
    },
    { id: ext.id, json: JSON.stringify([...writes(ctx), ...malformed(989, ctx, 3)]) },
  );

  const after = await state(ext);
  const changed = changedKeys(before.storage, after.storage);
  const total = fromExtension.length + spoofs.length + c.delivered + c.failed;
  figure('spoofed/malformed messages', `total=${total}: extension page ${fromExtension.length} (dropped ${a.none}, refused ${a.refused}, accepted ${a.accepted}), content world ${spoofs.length} (dropped ${b.none}; answered ${b.answeredTypes.length}, all content-script reports), web page ${c.delivered + c.failed} (delivered ${c.delivered})`);
  figure('state changes', `records changed=${changed.length}`);
  assert.ok(total >= 10_000, `${total} messages`);
  assert.deepEqual(changed, [], 'no record changed in storage.local');
  assert.deepEqual(after.listed, before.listed, 'the worker serves the same records');
  assert.deepEqual(after.alarms, before.alarms, 'alarms unchanged');
  assert.deepEqual(after.notifications, before.notifications, 'no notification shown');
  assert.equal(after.tabs, before.tabs, 'no tab opened');
  assert.deepEqual(a.acceptedTypes, [], 'no malformed message accepted from an extension page');
  // A content script may only report what it saw on the page (composer.published, post.markPublished);
  // every extension-page message it sends goes unanswered.
  const contentTypes = Object.keys(MESSAGES).filter((t) => MESSAGES[t].from.includes('content'));
  assert.deepEqual([...new Set(b.answeredTypes)].filter((t) => !contentTypes.includes(t)), [], 'no extension-page message from a content script is answered');
  assert.equal(c.delivered, 0, 'a web page cannot message the extension');
  assert.deepEqual(await ext.worker().evaluate(() => [({}).polluted, Object.keys(Object.prototype).length]), [undefined, 0], 'no prototype pollution');
  await page.close();
});
