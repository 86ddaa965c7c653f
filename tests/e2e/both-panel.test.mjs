// Shared by Chromium and Firefox (GLIDER_BROWSER; lib/driver.mjs): the panel on the X, Bluesky,
// Mastodon and Facebook fixtures, with the extension exactly as shipped (dist/chrome,
// dist/firefox). Per network: the counter comes from the WASM core running in the panel (the
// same figure in both browsers); Insert writes into the site's real editor, opening a closed
// composer dialog with the site's own opener; what the user then types on the page is read back
// into the panel; a second Insert replaces the whole draft. The editor's own state and the
// site's Post control are checked, never the DOM text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDriver } from './lib/driver.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const tid = (id) => `[data-testid="${id}"]`;
// A URL (X and Mastodon count 23 for any link), an emoji with a skin tone (one grapheme,
// several code points) and CJK (weighted 2 on X).
const TEXT = 'Hello world https://example.com/a/very/long/path/indeed 👍🏽 日本';
const TYPED = ' and more';
const REPLACEMENT = 'Replaced by Glider\n\nsecond paragraph, Tiếng Việt';

const CASES = [
  // X: Draft.js, open inline composer on /home. 12 + 23 + 1 + 2 (emoji) + 1 + 4 (CJK) = 43 of 280.
  { network: 'x', url: 'https://x.com/home', composer: '[data-testid="tweetTextarea_0"]', count: 43, limit: 280 },
  // Bluesky: TipTap/ProseMirror in a closed compose dialog. The app posts the link shortened to
  // "example.com/a/very/long/..." (host + 13 units of the path + "...", 27): 12 + 27 + 5 = 44 of 300.
  { network: 'bluesky', url: 'https://bsky.app/', composer: '.ProseMirror', count: 44, limit: 300, closed: true },
  // Mastodon: React-controlled textarea; a link counts 23, the rest by grapheme: 12 + 23 + 1 + 1 + 1 + 2 = 40 of 500.
  { network: 'mastodon', url: 'https://mastodon.social/home', composer: '.compose-form textarea', count: 40, limit: 500 },
  // Facebook: Lexical in the closed "Create post" dialog; counted in UTF-16 units (no source states
  // Facebook's unit, so the strictest): 60 graphemes, the emoji with its skin tone being 4 units, so 63.
  { network: 'facebook', url: 'https://www.facebook.com/', composer: '[role="dialog"] [contenteditable="true"]', count: 63, limit: 63206, closed: true },
];

const d = useDriver({ networks: CASES.map((c) => c.network) });

for (const c of CASES) {
  test(`${d.kind} · ${c.network}: WASM counter, insert${c.closed ? ' (opens the closed composer)' : ''}, read-back, replace`, async () => {
    const page = await d.sitePage(c.url);
    await page.waitFor(() => !!window.__fixture);
    const panel = await d.openPanel(page);
    assert.equal(await panel.evaluate(() => document.querySelector('[data-testid="network-select"]').value), c.network, 'the panel knows the site');

    // The counter: the WASM core in the panel, the same figure as the worker's core.
    await panel.fill(tid('draft-input'), TEXT);
    const count = await panel.waitFor((sel) => document.querySelector(sel)?.dataset.count, tid('counter'), { message: 'counter' });
    const worker = await d.ext.call({ type: 'core.count', text: TEXT, network: c.network });
    assert.deepEqual([Number(count), worker.count, worker.limit], [c.count, c.count, c.limit]);
    assert.equal(await panel.text(tid('counter')), `${c.count} / ${c.limit}`);

    // Insert: the site's own editor holds the text and its Post control is enabled.
    assert.equal(await page.evaluate(() => window.__fixture.isOpen()), !c.closed, 'composer state before Insert');
    await panel.click(tid('insert'));
    await page.waitFor((t) => window.__fixture.getText() === t, TEXT, { message: "editor's own state after Insert" });
    assert.equal(await page.evaluate(() => window.__fixture.postEnabled()), true, 'Post enabled');

    // Read-back: what the user types on the page shows in the panel. The panel also writes its
    // text into an open composer 700 ms after the last keystroke in it (panel.js, page sync):
    // let that pass first, as a person switching to the page would.
    await sleep(1000);
    await page.click(c.composer);
    await page.press('Control+End');
    await page.type(TYPED);
    await page.waitFor((t) => window.__fixture.getText() === t, TEXT + TYPED, { message: 'typed on the page' });
    await panel.waitFor((t) => document.querySelector('[data-testid="draft-input"]').value === t, TEXT + TYPED, { message: 'panel read back the composer' });

    // Replace: a second Insert replaces the whole draft (blank line and all).
    await panel.fill(tid('draft-input'), REPLACEMENT);
    await panel.click(tid('insert'));
    await page.waitFor((t) => window.__fixture.getText() === t, REPLACEMENT, { message: 'replaced in the editor' });
    assert.equal(await page.evaluate(() => window.__fixture.postEnabled()), true, 'Post enabled after replace');
    assert.deepEqual(page.errors, [], 'no page errors');
    await page.close();
  });
}
