// The toolkit's techniques one by one on the real editors (research table),
// and the chain's fallback: a technique that leaves wrong text behind is
// followed by the next one, and the result is still exact.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEXTS, waitState as expectState } from './lib/matrix.mjs';
import { launchWithExtension } from './lib/browser.mjs';
import { startFixtureServer } from './lib/server.mjs';

// Techniques the research table marks as working, per fixture editor.
const EDITORS = [
  { name: 'draft-js', url: 'https://x.com/home', open: null, works: ['paste'], oneLine: ['textInput'] },
  { name: 'lexical-rich', url: 'https://www.facebook.com/', open: '.open-composer', works: ['beforeinputLines', 'paste'] },
  { name: 'lexical-plain', url: 'https://www.threads.net/', open: '.open-composer', works: ['beforeinputLines', 'paste'] },
  { name: 'tiptap-bsky', url: 'https://bsky.app/', open: '[data-testid="composeFAB"]', works: ['execCommand', 'paste-html', 'paste'] },
  { name: 'tiptap-stock', url: 'https://bsky.app/?editor=starterkit', open: '[data-testid="composeFAB"]', works: ['execCommand', 'paste-html'] },
];
// whitespace: leading and double spaces, a tab, several blank lines, a trailing newline (research: readText matches).
const SAMPLES = { multiline: TEXTS.multiline, emoji: TEXTS.emoji, whitespace: '  leading spaces\tand a tab\n\n\n  double  spaces\n' };

let server;
let browser;
let page;

before(async () => {
  server = await startFixtureServer({ networks: ['x', 'facebook', 'threads', 'bluesky'] });
  browser = await launchWithExtension({ extDir: null, port: server.port });
  page = await browser.context.newPage();
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openEditor(ed) {
  await page.goto(ed.url);
  await page.waitForFunction(() => !!window.__fixture);
  if (ed.open) await page.click(ed.open);
  await page.addScriptTag({ url: '/__glider_test__/adapters/lib.js' });
  await page.waitForFunction(() => !!window.__gliderLib, null, { timeout: 5000 });
  await page.waitForSelector('[contenteditable="true"]');
}

/** Run insertText in the page with techniques named from the toolkit (plus test-only ones). */
function insertWith(names, text, replace = true) {
  return page.evaluate(async ({ names, text, replace }) => {
    const L = window.__gliderLib;
    const el = document.querySelector('[role="dialog"] [contenteditable="true"]') ?? document.querySelector('[contenteditable="true"]');
    const byName = {
      paste: L.paste(),
      'paste-html': L.paste({ html: true }),
      beforeinputLines: L.beforeinputLines,
      execCommand: L.execCommand,
      textInput: L.textInput,
      nativeSetter: L.nativeSetter,
      // Test-only: a technique that inserts only half the text through a working path.
      halfPaste: Object.defineProperty((e, t) => L.paste()(e, t.slice(0, Math.ceil(t.length / 2))), 'name', { value: 'halfPaste' }),
      halfLines: Object.defineProperty((e, t) => L.beforeinputLines(e, t.slice(0, Math.ceil(t.length / 2))), 'name', { value: 'halfLines' }),
      halfExec: Object.defineProperty((e, t) => L.execCommand(e, t.slice(0, Math.ceil(t.length / 2))), 'name', { value: 'halfExec' }),
    };
    return L.insertText(el, text, { replace, strategies: names.map((n) => byName[n]) });
  }, { names, text, replace });
}

describe('insertion techniques on the real editors', () => {
  for (const ed of EDITORS) {
    for (const technique of [...ed.works, ...(ed.oneLine ?? [])]) {
      for (const [name, text] of Object.entries(SAMPLES)) {
        const lineOnly = ed.oneLine?.includes(technique);
        test(`${ed.name}: ${technique} / ${name}`, async () => {
          await openEditor(ed);
          const r = await insertWith([technique], text);
          if (lineOnly && text.includes('\n')) {
            assert.equal(r.ok, false, 'a one-line technique refuses line breaks');
            assert.match(r.tried[0].result, /^unsupported/);
            return;
          }
          assert.ok(r.ok, JSON.stringify(r.tried));
          await expectState(page, text);
        });
      }
    }
  }

  const HALF = { 'draft-js': 'halfPaste', 'lexical-rich': 'halfLines', 'lexical-plain': 'halfLines', 'tiptap-bsky': 'halfExec', 'tiptap-stock': 'halfExec' };
  for (const ed of EDITORS) {
    for (const replace of [true, false]) {
      test(`${ed.name}: chain recovers after a technique left partial text (replace=${replace})`, async () => {
        await openEditor(ed);
        const text = TEXTS.multiline;
        const r = await insertWith([HALF[ed.name], ed.works[0]], text, replace);
        assert.equal(r.tried[0].result, 'mismatch', JSON.stringify(r.tried));
        assert.ok(r.ok, JSON.stringify(r.tried));
        assert.equal(r.technique, ed.works[0]);
        await expectState(page, text);
      });
    }
  }

  test('all techniques failing reports ok:false with every attempt', async () => {
    await openEditor(EDITORS[0]);
    const r = await insertWith(['nativeSetter', 'textInput'], 'two\nlines');
    assert.equal(r.ok, false);
    assert.deepEqual(r.tried.map((x) => x.technique), ['nativeSetter', 'textInput']);
    assert.ok(r.tried.every((x) => x.result.startsWith('unsupported')));
    assert.equal(await page.evaluate(() => window.__fixture.getText()), '', 'editor untouched');
  });
});
