// Security: a hostile page (x.com, with a script installed before any of
// its own) logs every key, input and clipboard event on window and document
// in the capture phase, observes every DOM mutation, walks the DOM with its
// open shadow roots every 20 ms, tries to reach our closed shadow root (also
// by hooking attachShadow before the content script runs) and the panel
// frame's document. While the user types a draft in the panel, the page
// must see none of it.
//
// The distinction that matters: the panel's "sync to page composer" writes
// the draft into the site's own composer once the user pauses (700 ms) —
// that is the feature, and from then on the site sees the text it is about
// to publish. So:
// 1. on a page without a composer, the page sees nothing at all, ever;
// 2. on a page with a composer, it sees nothing while the user types (each
//    keystroke is checked), and the text only arrives through the composer
//    after the pause — which the test also shows, to document the boundary.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byTestId, openPanel } from './support/panel.mjs';
import { figure, sleep, useBrowser } from './support/reliability.mjs';

const SECRET = 'Glider secret QX7-kappa: launch at dawn';

/** Installed with addInitScript: runs in the page's main world before the site's scripts and our content script. */
function hostile() {
  const loot = new Map(); // value -> { kind, t } when first seen
  const keys = [];
  window.__keys = keys;
  const take = (kind, value) => {
    if (value && !loot.has(String(value))) loot.set(String(value), { kind, t: performance.now() });
  };
  window.__lootSize = () => loot.size;
  /** What the page collected that contains any of `windows` (pieces of the draft). */
  window.__leaks = (windows) => {
    const out = [];
    for (const [value, { kind, t }] of loot) if (windows.some((w) => value.includes(w))) out.push({ kind, value: value.slice(0, 200), t });
    return out;
  };
  for (const type of ['keydown', 'keypress', 'keyup', 'input', 'beforeinput', 'textInput', 'compositionstart', 'compositionupdate', 'compositionend', 'paste', 'copy', 'cut']) {
    const log = (e) => {
      keys.push({ type, key: e.key ?? null, data: e.data ?? null, trusted: e.isTrusted, t: performance.now() });
      take(`event ${type}`, [e.key, e.data, e.clipboardData?.getData?.('text/plain'), e.target?.value].filter(Boolean).join(' '));
    };
    window.addEventListener(type, log, true);
    document.addEventListener(type, log, true);
  }
  // Steal closed shadow roots created after this point (works on the page's own calls only).
  const attach = Element.prototype.attachShadow;
  window.__shadows = [];
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    window.__shadows.push(root);
    return root;
  };
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      for (const a of el.attributes) take('attribute', a.value);
      if ('value' in el && typeof el.value === 'string') take('value', el.value);
      if (el.shadowRoot) walk(el.shadowRoot);
      if (el.localName === 'iframe') {
        try {
          take('iframe document', el.contentDocument?.body?.innerText);
        } catch {}
      }
    }
    take('text', root.body?.innerText ?? root.textContent);
  };
  setInterval(() => {
    if (!document.documentElement) return;
    walk(document);
    for (const root of window.__shadows) walk(root);
    take('glider-root shadow', document.querySelector('glider-root')?.shadowRoot ? 'OPEN' : '');
    for (let i = 0; i < window.length; i++) {
      try {
        take('frame', window.frames[i].document.body.innerText);
      } catch {}
    }
    take('selection', getSelection()?.toString());
  }, 50);
  const start = () => {
    new MutationObserver((records) => {
      for (const r of records) {
        take('mutation', r.target.textContent?.slice(0, 2000));
        if (r.attributeName) take('mutation attribute', r.target.getAttribute?.(r.attributeName));
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  };
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });
}

/** What the page collected that contains any 6-character piece of `secret`. */
function leaks(page, secret = SECRET) {
  const windows = [];
  for (let i = 0; i + 6 <= secret.length; i++) windows.push(secret.slice(i, i + 6));
  return page.evaluate((w) => window.__leaks(w), windows);
}

const env = useBrowser({ networks: ['x'] });

async function hostilePage({ composer }) {
  const page = await env.browser.context.newPage();
  await page.addInitScript(hostile);
  await page.goto('https://x.com/home');
  await page.waitForSelector('article[data-testid="tweet"]');
  if (!composer) await page.evaluate(() => document.querySelector('.composer')?.remove());
  const panel = await openPanel(page, env.browser.ext.worker(), env.browser.ext.id);
  return { page, panel };
}

test('a hostile page without a composer sees none of the draft typed in the panel', { timeout: 60_000 }, async () => {
  const { page, panel } = await hostilePage({ composer: false });
  // The sidebar's "Post" still opens a composer dialog: the panel says Insert would open it,
  // and typing must not open it nor write anything into the page.
  await panel.waitForSelector(`${byTestId('status')}[data-state="can-open"]`);
  await panel.click(byTestId('draft-input'));
  await page.keyboard.type(SECRET, { delay: 15 });
  await page.keyboard.press('Enter');
  await page.keyboard.type('second line', { delay: 15 });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  // Longer than the composer-sync pause: there is no composer, so nothing is written to the page.
  await sleep(1500);
  assert.equal(await panel.inputValue(byTestId('draft-input')), `${SECRET}\nsecond line`, 'the draft was typed in the panel');

  const { loot, keys, shadows, host } = await page.evaluate(() => ({
    loot: window.__lootSize(),
    keys: window.__keys,
    shadows: window.__shadows.length,
    host: document.querySelector('glider-root')?.shadowRoot ?? null,
  }));
  const leaked = [...(await leaks(page)), ...(await leaks(page, 'second line'))];
  figure('hostile page without composer', `collected=${loot} distinct strings, key/input events seen=${keys.length}, draft fragments seen=${leaked.length}`);
  assert.equal(host, null, 'our shadow root is closed');
  assert.equal(shadows, 0, 'hooking attachShadow in the page caught nothing (the content script runs in its own world)');
  assert.deepEqual(keys, [], 'the page saw no key, input or clipboard event');
  assert.deepEqual(leaked.slice(0, 5), [], 'the page saw no part of the draft');
  assert.equal(await page.evaluate(() => !!document.querySelector('[role="dialog"]')), false, 'typing opened no composer dialog');
  assert.ok(loot > 50, `the logger was running (${loot} strings)`);
  await page.close();
});

test('a hostile page with a composer sees nothing while the user types; the text arrives only by the intended composer sync', { timeout: 60_000 }, async () => {
  const { page, panel } = await hostilePage({ composer: true });
  await panel.waitForSelector(`${byTestId('status')}[data-state="found"]`);
  await panel.click(byTestId('draft-input'));
  let checks = 0;
  // Each keystroke, then a look at what the page has: well under the 700 ms pause that triggers the sync.
  for (const ch of SECRET) {
    await page.keyboard.type(ch);
    const keys = await page.evaluate(() => window.__keys);
    assert.deepEqual(keys.filter((k) => k.trusted), [], `no key event reached the page (after ${checks} keys)`);
    // A sync here would mean this loop paused longer than 700 ms between two keys: the premise, not the extension, failed.
    if (keys.length) throw new Error(`the composer sync ran while typing: the test machine stalled over 700 ms between keystrokes (${JSON.stringify(keys)})`);
    assert.deepEqual(await leaks(page), [], `nothing of the draft visible to the page while typing (after ${checks} keys)`);
    checks += 1;
  }
  // The pause: the panel writes the draft into the site's composer, as designed.
  await page.waitForFunction((s) => window.__fixture?.getText() === s, SECRET, { timeout: 5000 });
  const viaComposer = await leaks(page);
  assert.ok(viaComposer.length > 0, 'after the pause the text is in the site composer (the intended sync), which the page can read');

  // Typing on after the pause: the keys still go to the panel, not to the site's composer.
  const MORE = ' and bring the zebra-42 maps';
  await sleep(300);
  for (const ch of MORE) {
    await page.keyboard.type(ch);
    // The sync's own synthetic paste (untrusted, carrying the draft) is the intended part; no real keystroke may follow it.
    const trusted = await page.evaluate(() => window.__keys.filter((k) => k.trusted));
    assert.deepEqual(trusted, [], 'after the sync the keyboard stays in the panel');
    assert.deepEqual(await leaks(page, MORE), [], 'the new text is not visible to the page before the next pause');
  }
  assert.equal(await panel.inputValue(byTestId('draft-input')), SECRET + MORE, 'the panel got every key');
  await page.waitForFunction((s) => window.__fixture?.getText() === s, SECRET + MORE, { timeout: 5000 });
  const synthetic = await page.evaluate(() => window.__keys.filter((k) => !k.trusted).map((k) => k.type));
  figure('hostile page with composer', `keystrokes checked=${checks + MORE.length}, user key events seen by the page=0, sync events (untrusted paste)=${synthetic.length}, draft seen before a sync=0, seen after the composer sync=yes (intended)`);
  await page.close();
});
