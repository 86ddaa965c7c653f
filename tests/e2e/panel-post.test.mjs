// Issue 11 items 1, 6 and 12 (panel part): the panel says which post it
// holds, never changes a queued post behind the user's back, starts a new
// draft on demand (button and Ctrl+Alt+N), says that "Schedule at…" moves a
// queued post, ends every action with a toast (Undo for queue, schedule and
// delete), keeps its layout still, shows the schedule field unclipped, has no
// developer footer and follows the theme setting.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFixtureServer } from './lib/server.mjs';
import { launchWithExtension } from './lib/browser.mjs';
import { byTestId, openPanel, sendFrom, storedPosts, waitFor } from './support/panel.mjs';

let server;
let browser;
let page;
let panel;

const posts = () => storedPosts(browser.worker);
const header = () => panel.evaluate(() => {
  const h = document.querySelector('[data-testid="post-header"]');
  return { status: h.dataset.status, id: h.dataset.postId, dirty: h.dataset.dirty, text: h.querySelector('[data-testid="post-state"]').textContent, note: h.querySelector('[data-testid="post-dirty"]').textContent };
});
const askFor = () => panel.evaluate(() => {
  const a = document.querySelector('[data-testid="ask"]');
  return a.hidden ? null : a.dataset.for;
});
const toastText = () => panel.evaluate(() => {
  const t = document.querySelector('[data-testid="toast"]');
  return t.hidden ? null : t.querySelector('[data-testid="toast-text"]').textContent;
});
/** A local "YYYY-MM-DDTHH:MM" for datetime-local, `days` ahead at `hour`:00, on a weekday-independent time. */
function localInput(days, hour) {
  const d = new Date(Date.now() + days * 86400000);
  d.setHours(hour, 0, 0, 0);
  const p = (n) => String(n).padStart(2, '0');
  return { value: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(hour)}:00`, ms: d.getTime() };
}

async function newDraftWith(text) {
  if ((await header()).status !== 'new') {
    await panel.click(byTestId('new-draft'));
    if (await askFor()) await panel.click(byTestId('ask-discard'));
  }
  await panel.fill(byTestId('draft-input'), text);
}

async function queueHeld() {
  await panel.click(byTestId('add-to-queue'));
  await waitFor(async () => (await askFor()) !== null, 'the queue question');
  await panel.click(byTestId('ask-yes'));
  return waitFor(async () => ((await header()).status === 'scheduled' ? header() : null), 'the header to say queued');
}

before(async () => {
  server = await startFixtureServer({ networks: ['x'] });
  browser = await launchWithExtension({ port: server.port });
  page = await browser.context.newPage();
  await page.goto('https://x.com/home');
  panel = await openPanel(page, browser.worker, browser.extensionId);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the header names the held post, and Save never silently replaces a queued post', async () => {
  await newDraftWith('Launch notes for the spring release');
  assert.equal((await header()).status, 'new');
  assert.match((await header()).text, /New draft/);
  await panel.click(byTestId('save-draft'));
  await waitFor(async () => (await header()).status === 'draft', 'saved draft header');
  const held = await queueHeld();
  assert.match(held.text, /^Queued · X · /, held.text);
  const [queued] = await posts();
  assert.equal(queued.status, 'scheduled');

  // The overwrite path of the issue: clear, type a new text, Save.
  await panel.fill(byTestId('draft-input'), '');
  await panel.fill(byTestId('draft-input'), 'A completely different post');
  const edited = await header();
  assert.equal(edited.dirty, 'true');
  assert.match(edited.note, /not saved/);
  await panel.click(byTestId('save-draft'));
  await waitFor(async () => (await askFor()) === 'update-or-new', 'the update-or-new question');
  assert.deepEqual(await posts(), [queued], 'nothing written while the question is open');
  await panel.click(byTestId('ask-new'));
  const both = await waitFor(async () => ((await posts()).length === 2 ? posts() : null), 'a second post');
  const old = both.find((p) => p.id === queued.id);
  const fresh = both.find((p) => p.id !== queued.id);
  assert.deepEqual([old.text, old.status, old.scheduledAt], [queued.text, 'scheduled', queued.scheduledAt], 'the queued post is untouched');
  assert.deepEqual([fresh.text, fresh.status], ['A completely different post', 'draft']);
  assert.equal((await header()).id, fresh.id, 'the panel now holds the new draft');
  assert.match(await toastText(), /new draft/i);

  // Update, when that is what the user picks: same post, same time, new text.
  await newDraftWith('Queued then corrected');
  await panel.click(byTestId('save-draft'));
  await waitFor(async () => (await header()).status === 'draft', 'saved');
  const q = await queueHeld();
  await panel.fill(byTestId('draft-input'), 'Queued then corrected, with the typo fixed');
  await panel.click(byTestId('save-draft'));
  await waitFor(async () => (await askFor()) === 'update-or-new', 'question');
  await panel.click(byTestId('ask-update'));
  const updated = await waitFor(async () => (await posts()).find((p) => p.id === q.id && p.text.endsWith('fixed')), 'the update');
  assert.equal(updated.status, 'scheduled');
  assert.equal((await posts()).length, 3);
});

test('New draft (button and Ctrl+Alt+N) lets go of the held post without losing unsaved text', async () => {
  const heldId = (await header()).id;
  assert.ok(heldId);
  const before = await posts();
  await panel.focus(byTestId('draft-input'));
  await panel.press(byTestId('draft-input'), 'Control+Alt+KeyN');
  await waitFor(async () => (await header()).status === 'new', 'a new draft after Ctrl+Alt+N');
  assert.equal(await panel.inputValue(byTestId('draft-input')), '');
  assert.deepEqual(await posts(), before, 'letting go writes nothing');

  await panel.fill(byTestId('draft-input'), 'Words I have not saved');
  await panel.click(byTestId('new-draft'));
  await waitFor(async () => (await askFor()) === 'new-draft', 'the keep-your-changes question');
  await panel.click(byTestId('ask-save'));
  const saved = await waitFor(async () => (await posts()).find((p) => p.text === 'Words I have not saved'), 'the unsaved words, saved');
  assert.equal(saved.status, 'draft');
  await waitFor(async () => (await header()).status === 'new', 'then a new draft');
  assert.equal(await panel.inputValue(byTestId('draft-input')), '');
});

test('"Schedule at…" on a queued post says it moves it; the toast offers Undo, which moves it back', async () => {
  await newDraftWith('A post to move around');
  const q = await queueHeld();
  const stored = (await posts()).find((p) => p.id === q.id);
  assert.match(await panel.textContent(byTestId('schedule-at')), /Move to/);
  const to = localInput(9, 11);
  await panel.fill(byTestId('schedule-time'), to.value);
  await panel.click(byTestId('schedule-at'));
  await waitFor(async () => (await askFor()) === 'move', 'the move question');
  assert.match(await panel.textContent(byTestId('ask-text')), /moves it/);
  const count = (await posts()).length;
  await panel.click(byTestId('ask-move'));
  const moved = await waitFor(async () => (await posts()).find((p) => p.id === q.id && p.scheduledAt === to.ms), 'the move');
  assert.equal((await posts()).length, count, 'moved, not copied');
  assert.match(await toastText(), /Moved to/);
  await panel.click(byTestId('undo'));
  const back = await waitFor(async () => (await posts()).find((p) => p.id === q.id && p.scheduledAt === stored.scheduledAt), 'undo');
  assert.equal(back.status, 'scheduled');
  assert.ok(back.revision > moved.revision);
});

test('Undo after Add to queue and after Delete restores the post as it was', async () => {
  await newDraftWith('Queued by mistake');
  const before = (await posts()).length;
  await queueHeld();
  assert.equal((await posts()).length, before + 1);
  assert.match(await toastText(), /Queued for/);
  await panel.click(byTestId('undo'));
  await waitFor(async () => (await posts()).length === before, 'the queued post undone (it did not exist before)');
  assert.equal(await panel.inputValue(byTestId('draft-input')), 'Queued by mistake', 'the text stays in the panel');
  assert.equal((await header()).status, 'new');

  await panel.click(byTestId('save-draft'));
  const draft = await waitFor(async () => (await posts()).find((p) => p.text === 'Queued by mistake'), 'saved');
  await panel.click(byTestId('delete-post'));
  await waitFor(async () => !(await posts()).some((p) => p.id === draft.id), 'deleted');
  assert.match(await toastText(), /deleted/i);
  assert.equal(await panel.inputValue(byTestId('draft-input')), 'Queued by mistake', 'deleting never erases the text on screen');
  await panel.click(byTestId('undo'));
  const restored = await waitFor(async () => (await posts()).find((p) => p.id === draft.id), 'restored');
  assert.equal(restored.text, 'Queued by mistake');
});

test('no layout jump, an unclipped schedule field, no developer footer, and the theme setting', async () => {
  await newDraftWith('Layout check');
  const boxes = () => panel.evaluate(() => ['draft-input', 'insert', 'add-to-queue', 'schedule-at', 'post-header'].map((id) => {
    const r = document.querySelector(`[data-testid="${id}"]`).getBoundingClientRect();
    return [id, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
  }));
  const still = await boxes();
  await panel.click(byTestId('save-draft'));
  await waitFor(toastText, 'a toast');
  assert.deepEqual(await boxes(), still, 'a toast moves nothing');
  await panel.click(byTestId('add-to-queue'));
  await waitFor(askFor, 'a question');
  assert.deepEqual(await boxes(), still, 'a question moves nothing');
  await panel.click(byTestId('ask-cancel'));

  // The field shows the whole date and time ("12/04/2026, 12:30 AM" was cut to "12/04/2026, 0:").
  await panel.fill(byTestId('schedule-time'), '2026-12-04T00:30');
  const fit = await panel.evaluate(() => {
    const input = document.querySelector('[data-testid="schedule-time"]');
    const cs = getComputedStyle(input);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
    const shown = new Date(input.value).toLocaleString(navigator.language, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    return { need: Math.ceil(ctx.measureText(shown).width) + 24, have: input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight), shown };
  });
  assert.ok(fit.have >= fit.need, `the field fits "${fit.shown}": ${JSON.stringify(fit)}`);

  const footer = await panel.evaluate(() => ({ footer: !!document.querySelector('footer'), text: document.body.innerText }));
  assert.equal(footer.footer, false);
  assert.doesNotMatch(footer.text, /Core \d+\.\d+/);

  const bg = () => panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const saved = await sendFrom(panel, { type: 'settings.save', settings: { theme: 'dark' } });
  assert.equal(saved.ok, true, JSON.stringify(saved));
  await waitFor(async () => (await bg()) === 'rgb(15, 23, 42)', 'the dark theme');
  await sendFrom(panel, { type: 'settings.save', settings: { theme: 'light' } });
  await waitFor(async () => (await bg()) === 'rgb(255, 255, 255)', 'the light theme');
  // A panel opened afterwards starts in the chosen theme.
  await sendFrom(panel, { type: 'settings.save', settings: { theme: 'dark' } });
  await page.reload();
  const again = await openPanel(page, browser.worker, browser.extensionId);
  assert.equal(await again.evaluate(() => document.documentElement.dataset.theme), 'dark');
  panel = again;
});
