// The insertion matrix every network runs (issue 12): composer OPEN and CLOSED x {empty, replace}
// x {simple, multi-line with blank lines, emoji with skin tone/ZWJ/flag, NFC Vietnamese, 3,000
// characters}, per markup variant of the site. A cell fills the composer the way the product does
// (`adapter.fill`: find the composer, or click the site's own opener and wait for it, then insert
// and read back) and asserts the editor's OWN state (window.__fixture, from the framework), the
// site's Post control, the adapter's read-back and its result fields; then a real keystroke lands
// at the end, and (open cells) one Ctrl+Z restores the previous draft.
//
// One browser per test file, one page per variant, reused by all its cells. The adapter is the
// real module, bundled by the fixture server and injected same-origin (the page CSP is 'self').
//
// The fixture contract: window.__fixture = { getText(), postEnabled(), isOpen(), open(), close(keep),
// reset(text) } where reset sets the draft of the open composer, or the draft a closed one opens with.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchWithExtension } from './browser.mjs';
import { startFixtureServer } from './server.mjs';

/** Exactly 3,000 UTF-16 units: words, an emoji, line breaks; ends on a full stop. */
function long3000() {
  const words = 'Glider drafts posts where you write them, line by line, every day 🙂 ';
  let s = '';
  for (let i = 0; s.length < 3100; i += 1) s += i && i % 9 === 0 ? `\n${words}` : words;
  s = s.slice(0, 2990).replace(/[\s\uD800-\uDBFF]+$/, '');
  return s + '.'.repeat(3000 - s.length);
}

export const TEXTS = Object.freeze({
  simple: 'Hello from Glider',
  multiline: 'First line\n\nThird line, after a blank one\n\n\nAfter two blank lines\nLast line',
  emoji: 'Skin 👍🏽 family 👨‍👩‍👧‍👦 flag 🇻🇳 done',
  vietnamese: 'Tiếng Việt có dấu: người được những chữ, thế giới'.normalize('NFC'),
  long3000: long3000(),
});

/** The draft a "replace" cell starts from: two lines, so a replacement spans blocks. */
export const PRIOR = 'An old draft\nthat must go away';

/** One fixture server and one browser for this file; `env.ready()` starts them once. */
export function useFixtures(networks) {
  const env = {};
  env.ready = () => {
    env.starting ??= (async () => {
      env.server = await startFixtureServer({ networks });
      assert.deepEqual(env.server.errors, {}, 'fixture bundles');
      env.browser = await launchWithExtension({ extDir: null, port: env.server.port });
    })();
    return env.starting;
  };
  before(() => env.ready());
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Open `url` in a new page, wait for the fixture, inject the adapter bundle of `network`. */
export async function openFixture(env, url, network, { viewport } = {}) {
  await env.ready();
  const page = await env.browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => !!window.__fixture);
  await page.addScriptTag({ url: `/__glider_test__/adapters/${network}.js` });
  await page.waitForFunction(() => !!window.__gliderAdapter);
  return page;
}

const fx = {
  state: (page) => page.evaluate(() => window.__fixture.getText()),
  isOpen: (page) => page.evaluate(() => window.__fixture.isOpen()),
};

export async function waitState(page, want, what) {
  try {
    await page.waitForFunction((w) => window.__fixture.getText() === w, want, { timeout: 3000 });
  } catch {
    assert.equal(await fx.state(page), want, what);
  }
}

/** Put the page in `state` ('open' | 'closed') with `prior` as the site's draft. */
export async function setUp(page, state, prior) {
  if (state === 'open') {
    await page.evaluate(() => window.__fixture.isOpen() || window.__fixture.open());
    await page.waitForFunction(() => window.__fixture.isOpen(), null, { timeout: 5000 });
    await page.evaluate((p) => window.__fixture.reset(p), prior);
    await waitState(page, prior, 'draft restored');
  } else {
    await page.evaluate(() => window.__fixture.isOpen() && window.__fixture.close(false));
    await page.waitForFunction(() => !window.__fixture.isOpen(), null, { timeout: 5000 });
    await page.evaluate((p) => window.__fixture.reset(p), prior);
  }
  // Nothing of ours is focused or selected: the adapter must do it all itself.
  await page.evaluate(() => {
    document.activeElement?.blur?.();
    getSelection().removeAllRanges();
  });
}

/** `adapter.fill(text)` in the page, plus the adapter's read() of its composer afterwards. */
export function fill(page, text, opts = {}) {
  return page.evaluate(async ({ text, opts }) => {
    const a = window.__gliderAdapter;
    const r = await a.fill(text, opts);
    const c = a.findComposers(document)[0];
    return { ok: r.ok, verified: r.verified, opened: r.opened, reason: r.reason ?? null, technique: r.technique, text: r.text, tried: r.tried, title: r.title, read: c ? a.read(c) : null };
  }, { text, opts });
}

/**
 * Register the matrix for one variant of a network's page.
 * @param {object} env from useFixtures
 * @param {{ network: string, variant: string, url: string, states?: ('open'|'closed')[],
 *   viewport?: {width: number, height: number}, texts?: Record<string, string>,
 *   enabledFor?: (text: string) => boolean, stored?: (text: string) => string,
 *   caret?: boolean, undo?: boolean }} cfg
 *   states: which cells the variant has (a page whose composer is always there has no 'closed');
 *   enabledFor: whether the site's Post enables for this text (Mastodon refuses > its limit);
 *   stored: the text the site holds for `text` (default: the same);
 *   caret/undo: skip the keystroke/undo checks where the site's own editor cannot pass them (said why at the call)
 * @returns {() => import('playwright-core').Page} the variant's page, for extra tests
 */
export function matrix(env, cfg) {
  const { network, variant, url, states = ['open', 'closed'], texts = TEXTS, enabledFor = () => true, stored = (t) => t } = cfg;
  const { caret = true, undo = true } = cfg;
  let page;
  describe(`${network} [${variant}] matrix`, () => {
    before(async () => {
      page = await openFixture(env, url, network, { viewport: cfg.viewport });
    });
    after(async () => {
      const errors = page?.errors ?? [];
      await page?.close();
      assert.deepEqual(errors, [], 'no page errors');
    });
    for (const state of states) {
      for (const [priorName, prior] of [['empty', ''], ['replace', PRIOR]]) {
        for (const [textName, text] of Object.entries(texts)) {
          test(`${network} [${variant}] ${state} / ${priorName} / ${textName}`, async (t) => {
            await setUp(page, state, prior);
            const want = stored(text);
            const r = await fill(page, text);
            t.diagnostic(`technique: ${r.technique}${r.opened ? ' (opened the composer)' : ''}`);
            assert.ok(r.ok, `fill failed: ${JSON.stringify({ reason: r.reason, tried: r.tried })}`);
            assert.equal(r.verified, true, 'verified by read-back');
            assert.equal(r.opened, state === 'closed', 'opened the composer itself exactly when it was closed');
            assert.equal(r.text, want, 'reported text');
            await waitState(page, want, "editor's own state");
            assert.equal(r.read, want, 'read-back');
            assert.equal(await page.evaluate(() => window.__fixture.postEnabled()), enabledFor(text), 'Post control');
            if (caret) {
              await page.keyboard.type('!');
              await waitState(page, `${want}!`, 'the next keystroke lands at the end');
            }
            if (undo && state === 'open') {
              await setUp(page, 'open', prior);
              // Editors group edits close in time into one undo step (Quill: 1 s); a user pauses.
              assert.ok((await fill(page, text)).ok, 'second fill');
              await page.keyboard.press('Control+z');
              await waitState(page, prior, 'one Ctrl+Z restores the previous draft');
            }
          });
        }
      }
    }
  });
  return () => page;
}
