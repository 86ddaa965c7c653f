// Issue 11 item 3: when a project rule refuses a time, the panel lists why,
// offers the next allowed time (one click takes it) and, for the project's
// own rules, an explicit "schedule anyway" that is recorded on the post.
// Nothing is written before the user decided, so no half-done change and no
// stale success message sit beside the refusal.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFixtureServer } from './lib/server.mjs';
import { launchWithExtension } from './lib/browser.mjs';
import { byTestId, openPanel, sendFrom, storedPosts, waitFor } from './support/panel.mjs';

let server;
let browser;
let page;
let panel;

const MIN = 60000;
const posts = () => storedPosts(browser.worker);
const askFor = () => panel.evaluate(() => {
  const a = document.querySelector('[data-testid="ask"]');
  return a.hidden ? null : a.dataset.for;
});
const toastText = () => panel.evaluate(() => {
  const t = document.querySelector('[data-testid="toast"]');
  return t.hidden ? null : t.querySelector('[data-testid="toast-text"]').textContent;
});
const p2 = (n) => String(n).padStart(2, '0');
const inputValue = (ms) => { const d = new Date(ms); return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}T${p2(d.getHours())}:${p2(d.getMinutes())}`; };

// 10:00 local, ten days ahead: in the future, and no quiet hours are set.
const T = (() => { const d = new Date(Date.now() + 10 * 86400000); d.setHours(10, 0, 0, 0); return d.getTime(); })();

async function reply(msg) {
  const r = await sendFrom(panel, msg);
  assert.equal(r.ok, true, JSON.stringify(r));
  return r.result;
}

before(async () => {
  server = await startFixtureServer({ networks: ['x'] });
  browser = await launchWithExtension({ port: server.port });
  page = await browser.context.newPage();
  await page.goto('https://x.com/home');
  panel = await openPanel(page, browser.worker, browser.extensionId);
  // Two hours between posts on X, and one post already at T.
  const { projects } = await reply({ type: 'state.get' });
  const project = projects[0];
  await reply({ type: 'project.save', project: { ...project, rules: [{ network: 'x', minGapMinutes: 120 }] }, baseRevision: project.revision });
  const a = await reply({ type: 'post.save', post: { id: 'rule-a', projectId: project.id, text: 'The post already at ten', networks: ['x'], status: 'draft', createdAt: 1, updatedAt: 1 }, baseRevision: 0 });
  await reply({ type: 'post.schedule', id: a.id, at: T, baseRevision: a.revision });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function scheduleNew(text, at) {
  await panel.click(byTestId('new-draft'));
  if (await askFor()) await panel.click(byTestId('ask-discard'));
  await panel.fill(byTestId('draft-input'), text);
  await panel.fill(byTestId('schedule-time'), inputValue(at));
  await panel.click(byTestId('schedule-at'));
  await waitFor(async () => (await askFor()) === 'conflicts', 'the rule question');
}

test('a refused time lists the rule and offers the next allowed time; one click takes it', async () => {
  const before = await posts();
  // A stale success message must not survive into the refusal.
  await panel.fill(byTestId('draft-input'), 'Something saved first');
  await panel.click(byTestId('save-draft'));
  await waitFor(async () => /saved/i.test((await toastText()) ?? ''), 'the save toast');
  await scheduleNew('Half an hour after the other one', T + 30 * MIN);
  assert.equal(await toastText(), null, 'no success message beside the refusal');
  const lines = await panel.$$eval(`${byTestId('ask-lines')} li`, (lis) => lis.map((li) => [li.dataset.kind, li.textContent]));
  assert.equal(lines.length, 1);
  assert.equal(lines[0][0], 'minGap');
  assert.match(lines[0][1], /X: only 30 min .* \(at least 120 min\)/);
  assert.equal((await posts()).length, before.length + 1, 'only the earlier saved draft: the refused post is not written');
  const next = await panel.textContent(byTestId('ask-next'));
  assert.match(next, /^Take /);
  await panel.click(byTestId('ask-next'));
  const taken = await waitFor(async () => (await posts()).find((p) => p.text === 'Half an hour after the other one' && p.status === 'scheduled'), 'the post at the suggested time');
  assert.equal(taken.status, 'scheduled');
  assert.equal(taken.scheduledAt, T + 120 * MIN, 'exactly the gap after the other post');
  assert.equal(taken.ruleOverride, undefined);
  // The toast follows the worker's acknowledgement, which may reach the panel after storage shows the post.
  await waitFor(async () => /^Scheduled for /.test((await toastText()) ?? ''), 'the scheduled toast');
});

test('"schedule anyway" keeps the refused time and records the broken rule on the post', async () => {
  await scheduleNew('Right after, on purpose', T + 10 * MIN);
  const lines = await panel.$$eval(`${byTestId('ask-lines')} li`, (lis) => lis.map((li) => li.dataset.kind));
  assert.deepEqual(lines.sort(), ['minGap', 'minGap'], 'too close to both posts');
  await panel.click(byTestId('ask-anyway'));
  const forced = await waitFor(async () => (await posts()).find((p) => p.text === 'Right after, on purpose' && p.status === 'scheduled'), 'the forced post');
  assert.equal(forced.status, 'scheduled');
  assert.equal(forced.scheduledAt, T + 10 * MIN);
  assert.deepEqual(forced.ruleOverride.rules, ['minGap']);
  assert.equal(forced.ruleOverride.atMs, T + 10 * MIN);
  assert.ok(Math.abs(forced.ruleOverride.decidedAt - Date.now()) < 60000);
  await waitFor(async () => /against your rules \(noted on the post\)/.test((await toastText()) ?? ''), 'the scheduled-anyway toast');
  assert.match(await panel.getAttribute(byTestId('post-state'), 'title'), /Scheduled anyway, against the rules: minimum gap/);
  // Undo takes the decision back with the schedule.
  await panel.click(byTestId('undo'));
  await waitFor(async () => !(await posts()).some((p) => p.text === 'Right after, on purpose'), 'undone');
});

test('the past cannot be scheduled anyway, and cancelling writes nothing', async () => {
  const before = await posts();
  await scheduleNew('Yesterday', Date.now() - 86400000);
  const kinds = await panel.$$eval(`${byTestId('ask-lines')} li`, (lis) => lis.map((li) => li.dataset.kind));
  assert.ok(kinds.includes('inPast'));
  assert.equal(await panel.$(byTestId('ask-anyway')), null);
  assert.ok(await panel.$(byTestId('ask-next')), 'the next allowed time is offered');
  await panel.click(byTestId('ask-cancel'));
  assert.deepEqual(await posts(), before);
  assert.equal(await panel.getAttribute(byTestId('post-header'), 'data-status'), 'new');
});
