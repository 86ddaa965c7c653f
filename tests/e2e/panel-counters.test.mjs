// Issue 18: the panel shows each network's own rule, as a user sees it.
// Threads: emoji count as their UTF-8 bytes, with the count as typed beside
// it, and more than 5 distinct links is its own, clearly worded measure.
// Bluesky: links count as the shortened text the app posts, shown as it will
// be posted. X: a project's X account marked Premium in the dashboard counts
// and splits at 25,000, live in an open panel; free accounts keep 280.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, startFixtureServer } from './lib/server.mjs';
import { launchWithExtension } from './lib/browser.mjs';
import { byTestId, openPanel, sendFrom, storedPosts, waitFor } from './support/panel.mjs';

let server;
let browser;

before(async () => {
  server = await startFixtureServer({ networks: ['threads', 'bluesky', 'x'] });
  browser = await launchWithExtension({ port: server.port });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** What the panel shows under the text box. */
const shown = (panel) => panel.evaluate(() => {
  const q = (id) => document.querySelector(`[data-testid="${id}"]`);
  const counter = q('counter');
  const measures = q('measures');
  const posted = q('posted');
  const overflow = q('draft-mirror').querySelector('mark.over');
  return {
    counter: counter.textContent,
    counterRed: counter.classList.contains('over'),
    over: counter.dataset.over === 'true',
    measures: measures.hidden ? [] : [...measures.children].map((c) => ({ id: c.dataset.testid, text: c.textContent, over: c.classList.contains('over') })),
    posted: posted.hidden ? null : { label: q('posted-label').textContent, text: q('posted-text').textContent, marks: [...q('posted-text').querySelectorAll('mark')].map((m) => m.textContent) },
    overflow: overflow?.textContent ?? null,
    thread: q('thread-toggle').hidden ? null : q('thread-toggle').textContent,
  };
});

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core on `panel` (or a dashboard page) as it stands, light and dark (the new measures and the preview included). */
async function audit(panel, state) {
  await panel.evaluate(AXE);
  for (const theme of ['light', 'dark']) {
    await panel.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
    const res = await panel.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
    const found = res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(found, [], `axe violations (${state}, ${theme})`);
  }
  await panel.evaluate(() => { delete document.documentElement.dataset.theme; });
}

async function typeAndWait(panel, text, want) {
  await panel.fill(byTestId('draft-input'), text);
  return waitFor(async () => {
    const s = await shown(panel);
    return want(s) ? s : null;
  }, `the panel to show ${want}`);
}

describe('Threads', () => {
  let page;
  let panel;
  before(async () => {
    page = await browser.context.newPage();
    await page.goto('https://www.threads.com/');
    panel = await openPanel(page, browser.worker, browser.extensionId);
    await waitFor(() => panel.evaluate(() => document.querySelector('[data-testid="network-select"]').value === 'threads'), 'the Threads network');
  });
  after(() => page.close());

  test('130 emoji read 520 of 500 (their UTF-8 bytes), with the 130 as typed beside it', async () => {
    const s = await typeAndWait(panel, '👍'.repeat(130), (x) => x.counter === '520 / 500');
    assert.equal(s.counterRed, true);
    assert.deepEqual(s.measures, [{ id: 'measure-typed', text: 'As typed: 130 · emoji count as bytes', over: false }]);
    await audit(panel, 'Threads emoji');
    // The highlight starts at the 126th emoji: 125 × 4 bytes fit.
    assert.equal(s.overflow, '👍'.repeat(5));
    assert.match(s.thread, /thread: 2 parts/);
    const title = await panel.getAttribute(byTestId('measure-typed'), 'title');
    assert.match(title, /Threads counts each emoji as its UTF-8 bytes/);
    // Plain text and CJK: one each, no "as typed" line.
    const plain = await typeAndWait(panel, '日本語のテキスト', (x) => x.counter === '8 / 500');
    assert.deepEqual(plain.measures, []);
  });

  test('a sixth distinct link is over on its own measure, with a clear message', async () => {
    const links = ['https://a.example/1', 'https://b.example/2', 'www.facebook.com', 'threads.com/@glider', 'https://c.example', 'https://d.example/6'];
    const five = `Five: ${links.slice(0, 5).join(' ')} ${links[0]}`;
    const ok = await typeAndWait(panel, five, (x) => x.measures.some((m) => m.id === 'measure-links'));
    assert.deepEqual(ok.measures, [{ id: 'measure-links', text: 'Links: 5 / 5', over: false }], 'a repeated URL counts once');
    assert.equal(ok.over, false);
    const six = await typeAndWait(panel, `${five} ${links[5]}`, (x) => x.over);
    assert.deepEqual(six.measures, [{ id: 'measure-links', text: 'Links: 6 / 5 — more than 5 will not post', over: true }]);
    assert.equal(six.counterRed, false, 'the character count itself is fine');
    assert.equal(six.overflow, links[5], 'the sixth link is highlighted');
    assert.match(six.thread, /thread: 2 parts/);
    await audit(panel, 'Threads links over');
    // Queueing asks first, and says why.
    await panel.click(byTestId('add-to-queue'));
    await panel.waitForSelector(`${byTestId('ask')}:not([hidden])`);
    assert.equal(await panel.textContent(byTestId('ask-text')), 'Threads refuses this text: it has 6 different links, more than 5.');
    await panel.click(byTestId('ask-cancel'));
  });
});

describe('Bluesky', () => {
  let page;
  let panel;
  before(async () => {
    page = await browser.context.newPage();
    await page.goto('https://bsky.app/');
    panel = await openPanel(page, browser.worker, browser.extensionId);
    await waitFor(() => panel.evaluate(() => document.querySelector('[data-testid="network-select"]').value === 'bluesky'), 'the Bluesky network');
  });
  after(() => page.close());

  test('links count as the app shortens them, and the panel shows the text as it will be posted', async () => {
    const url = 'https://example.com/articles/2026/12/a-long-slug-for-the-story';
    // "Read " 5 + "example.com/articles/202..." 27 + " now" 4.
    const s = await typeAndWait(panel, `Read ${url} now`, (x) => x.counter === '36 / 300');
    assert.deepEqual(s.posted, { label: 'As Bluesky will post it (links shortened):', text: 'Read example.com/articles/202... now', marks: ['example.com/articles/202...'] });
    await audit(panel, 'Bluesky preview');
    // 250 characters of prose and a 500-character link: 750 typed, 277 posted, no thread.
    const long = `${'word '.repeat(50)}https://example.com/${'x'.repeat(480)}`;
    const fits = await typeAndWait(panel, long, (x) => x.counter === '277 / 300');
    assert.equal(fits.over, false);
    assert.equal(fits.thread, null);
    // A bare domain is posted as typed: no preview.
    const bare = await typeAndWait(panel, 'see example.com/a/long/path/here', (x) => x.counter === '32 / 300');
    assert.equal(bare.posted, null);
    // The app's own link detection: a link runs to the next space (the glued emoji is cut away with the
    // path), and one glued to a quote is no link at all, posted and counted whole.
    const glued = await typeAndWait(panel, `Read ${url}👍`, (x) => x.counter === '32 / 300');
    assert.deepEqual(glued.posted.marks, ['example.com/articles/202...']);
    assert.equal(glued.posted.text, 'Read example.com/articles/202...');
    const quoted = `Read "${url}"`;
    const whole = await typeAndWait(panel, quoted, (x) => x.counter === `${quoted.length} / 300`);
    assert.equal(whole.posted, null);
  });
});

describe('X Premium', () => {
  let page;
  let panel;
  let optionsPage;
  before(async () => {
    page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    panel = await openPanel(page, browser.worker, browser.extensionId);
  });
  after(async () => {
    await page.close();
    await optionsPage?.close();
  });

  test('ticking X Premium in the dashboard moves an open panel from 280 to 25,000; the split follows', async () => {
    const text = 'The glider rides the ridge lift along the hills. '.repeat(10);
    const free = await typeAndWait(panel, text, (x) => x.counter === '490 / 280');
    assert.equal(free.counterRed, true);
    assert.match(free.thread, /thread: 2 parts/);

    // The dashboard: the panel's project gets an X account with Premium.
    const projectId = await panel.evaluate(() => document.querySelector('[data-testid="project-select"]').value);
    optionsPage = await browser.context.newPage();
    await optionsPage.goto(`chrome-extension://${browser.extensionId}/options/options.html#projects`);
    await optionsPage.waitForSelector('main[data-state="ready"]');
    await optionsPage.click(`[data-testid="project-item"][data-id="${projectId}"] [data-testid="project-open"]`);
    const form = byTestId('project-form');
    const xBox = `${form} ${byTestId('project-network')}[data-network="x"]`;
    const premiumBox = `${form} ${byTestId('project-premium')}`;
    // Premium belongs to the X account: off while X is not ticked.
    await optionsPage.uncheck(xBox);
    assert.equal(await optionsPage.isDisabled(premiumBox), true);
    await optionsPage.check(xBox);
    assert.equal(await optionsPage.isDisabled(premiumBox), false);
    // By keyboard, as any control.
    await optionsPage.focus(premiumBox);
    await optionsPage.keyboard.press('Space');
    assert.equal(await optionsPage.isChecked(premiumBox), true);
    await audit(optionsPage, 'dashboard project form with X Premium');
    await optionsPage.click(`${form} ${byTestId('project-save')}`);
    await optionsPage.waitForSelector(`[data-testid="project-item"][data-id="${projectId}"] .net-chip[data-network="x"]:has-text("X Premium")`);
    const stored = await browser.worker.evaluate(async (id) => (await chrome.storage.local.get(`project:${id}`))[`project:${id}`], projectId);
    assert.deepEqual(stored.networks.find((a) => a.network === 'x'), { network: 'x', label: '', premium: true });

    // The open panel follows at once.
    const premium = await waitFor(async () => { const s = await shown(panel); return s.counter === '490 / 25000' ? s : null; }, 'the Premium limit in the panel');
    assert.equal(premium.counterRed, false);
    assert.equal(premium.thread, null, 'no thread under 25,000');
    assert.deepEqual(premium.measures.map((m) => m.text), ['X Premium']);
    await audit(panel, 'X Premium');

    // The dashboard's post editor and the popup count the same text for this account at 25,000 too.
    await optionsPage.goto(`chrome-extension://${browser.extensionId}/options/options.html#drafts`);
    await optionsPage.waitForSelector('main[data-state="ready"]');
    await optionsPage.click(byTestId('draft-new'));
    await optionsPage.waitForSelector(`${byTestId('post-editor')}[open]`);
    await optionsPage.selectOption(byTestId('editor-project'), projectId);
    await optionsPage.check(`${byTestId('editor-network')}[data-network="x"]`);
    await optionsPage.fill(byTestId('editor-text'), text);
    const editorX = `${byTestId('editor-counter')}[data-network="x"]`;
    await optionsPage.waitForSelector(`${editorX}[data-count="490"]`);
    assert.equal(await optionsPage.textContent(editorX), 'X: 490 / 25000');
    assert.equal(await optionsPage.getAttribute(editorX, 'data-over'), 'false');
    await optionsPage.click(byTestId('editor-close'));
    await optionsPage.goto(`chrome-extension://${browser.extensionId}/options/options.html#projects`);
    await optionsPage.waitForSelector('main[data-state="ready"]');
    await optionsPage.click(`[data-testid="project-item"][data-id="${projectId}"] [data-testid="project-open"]`);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
    await popup.waitForSelector(`${byTestId('quick-network')} option`, { state: 'attached' });
    if (await popup.isVisible(byTestId('quick-project'))) await popup.selectOption(byTestId('quick-project'), projectId);
    assert.equal(await popup.inputValue(byTestId('quick-project')), projectId);
    await popup.selectOption(byTestId('quick-network'), 'x');
    await popup.fill(byTestId('quick-draft'), text);
    await popup.waitForSelector(`${byTestId('quick-counter')}[data-count="490"]`);
    assert.equal(await popup.textContent(byTestId('quick-counter')), '490 / 25000');
    assert.equal(await popup.getAttribute(byTestId('quick-counter'), 'data-over'), 'false');
    await popup.close();

    // Past 25,000: over from the 25,001st character, and a thread of two 25,000s.
    const long = 'The glider rides the ridge lift along the hills. '.repeat(600).trim();
    const over = await typeAndWait(panel, long, (x) => x.counter === '29399 / 25000');
    assert.equal(over.overflow, long.slice(25000));
    assert.match(over.thread, /thread: 2 parts/);
    await panel.click(byTestId('add-to-queue'));
    await panel.waitForSelector(`${byTestId('ask')}:not([hidden])`);
    assert.match(await panel.textContent(byTestId('ask-text')), /X refuses this text: it is 4399 characters over the 25000 limit/);
    await panel.click(byTestId('ask-thread'));
    await panel.waitForSelector(`${byTestId('ask')}:not([hidden])`);
    await panel.click(byTestId('ask-yes'));
    const post = await waitFor(async () => (await storedPosts(browser.worker)).find((p) => p.thread?.network === 'x' && p.text === long), 'the queued thread post');
    // The worker re-split it at the Premium limit it was split at, not at 280.
    assert.equal(post.thread.limit, 25000);
    assert.equal(post.thread.parts.length, 2);
    assert.ok(post.thread.parts[0].endsWith(' 1/2'));

    // Untick: back to 280 for this account.
    await optionsPage.uncheck(premiumBox);
    await optionsPage.click(`${form} ${byTestId('project-save')}`);
    await panel.fill(byTestId('draft-input'), text);
    await waitFor(async () => (await shown(panel)).counter === '490 / 280', 'the free limit again');
    const reply = await sendFrom(panel, { type: 'state.get' });
    assert.equal(reply.result.projects.find((p) => p.id === projectId).networks.find((a) => a.network === 'x').premium, undefined);
  });
});
