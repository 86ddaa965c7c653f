// Security: about 100 classic XSS payloads in drafts (text, variants, tags),
// project names, a CSV import and the text of posts scraped from the page
// are rendered by the dashboard, the popup, the reminder page and the
// panel. Nothing may execute and no markup may be built from them.
//
// To make "nothing executes" a real check, the extension pages are opened
// with the DevTools protocol's Page.setBypassCSP: the extension's CSP would
// otherwise block inline handlers and hide an innerHTML bug. Each payload's
// script sets `__xss`; every page is also scanned for elements and
// attributes that only parsed markup could have created. The panel inside
// x.com (an out-of-process frame where the bypass can't be set) is checked
// with the scan and by counting CSP violations.
//
// A static test also asserts that no HTML-parsing sink (innerHTML,
// outerHTML =, insertAdjacentHTML, document.write, srcdoc, eval...) appears
// anywhere in extension/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from './lib/server.mjs';
import { byTestId, openPanel } from './support/panel.mjs';
import { figure, HOUR, MINUTE, scanDom, sleep, uid, useBrowser, xssPayloads } from './support/reliability.mjs';

const PAYLOADS = xssPayloads();

// --- static -------------------------------------------------------------------

function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(m?js|html)$/.test(entry.name)) out.push(p);
  }
  return out;
}

/** Drop comments (block, line and HTML) so that prose about innerHTML doesn't count. */
function code(text) {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const SINKS = [
  ['innerHTML', /\.innerHTML\b/],
  ['outerHTML =', /\.outerHTML\s*\+?=/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['createContextualFragment', /createContextualFragment/],
  ['DOMParser', /\bDOMParser\b/],
  ['srcdoc', /\bsrcdoc\b/],
  ['eval', /(^|[^.\w])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['string timer', /set(Timeout|Interval)\s*\(\s*['"`]/],
  ['inline handler attribute', /setAttribute\(\s*['"`]on/i],
  ['javascript: URL', /['"`]\s*javascript:/i],
];

test('static: no HTML-parsing sink anywhere in extension/ (innerHTML, insertAdjacentHTML, outerHTML =, document.write, eval...)', async () => {
  const files = sourceFiles(path.join(ROOT, 'extension'));
  const hits = [];
  for (const file of files) {
    const lines = code(fs.readFileSync(file, 'utf8')).split('\n');
    lines.forEach((line, i) => {
      for (const [name, re] of SINKS) if (re.test(line)) hits.push(`${path.relative(ROOT, file)}:${i + 1}: ${name}: ${line.trim().slice(0, 120)}`);
    });
  }
  figure('static sink scan', `files=${files.length}, sinks found=${hits.length}`);
  assert.ok(files.length > 30, `scanned ${files.length} files`);
  assert.deepEqual(hits, [], 'HTML-parsing sinks in extension code');
});

test('static: the one HTML string the extension builds (the clipboard text/html for paste insertion) escapes every payload', async () => {
  const { textToHtml } = await import(path.join(ROOT, 'extension/adapters/lib/text.js'));
  const leaks = PAYLOADS.filter((p) => /[<>]/.test(textToHtml(p).replace(/<p style="white-space:pre-wrap">|<\/p>|<br>/g, '')));
  assert.deepEqual(leaks, []);
});

// --- runtime ------------------------------------------------------------------

const env = useBrowser({ networks: ['x'] });

/** An extension page opened with its CSP bypassed, so an injected handler would really run. */
async function openBypassed(pathname) {
  const { context, ext } = env.browser;
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setBypassCSP', { enabled: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(ext.url(pathname));
  page.errors = errors;
  return page;
}

/** Scan a page or frame; returns a list of problems ('' when clean). */
async function check(target, where) {
  const { found, flag } = await target.evaluate(scanDom);
  const problems = found.map((f) => `${where}: ${f}`);
  if (flag !== null) problems.push(`${where}: a payload ran (__xss=${flag})`);
  return problems;
}

async function seed(ext) {
  const now = Date.now();
  const projects = [];
  for (let i = 0; i < 3; i++) {
    const project = {
      id: uid('xss-project'), name: PAYLOADS[i * 7].slice(0, 200), color: '#123456', timeZone: 'UTC',
      networks: [{ network: 'x', label: PAYLOADS[i * 7 + 1].slice(0, 200) }], slots: {}, rules: [], createdAt: now, updatedAt: now, revision: 0,
    };
    await ext.call({ type: 'project.save', project });
    projects.push(project);
  }
  const posts = [];
  for (const [i, text] of PAYLOADS.entries()) {
    const post = {
      id: uid('xss'), projectId: projects[i % 3].id, text, variants: { x: `${text} (x variant)` }, tags: [text.slice(0, 60)],
      networks: ['x'], status: 'draft', createdAt: now, updatedAt: now, revision: 0,
    };
    const saved = await ext.call({ type: 'post.save', post });
    if (i % 3 === 0) await ext.call({ type: 'post.schedule', id: post.id, at: now + HOUR + i * 10 * MINUTE, baseRevision: saved.revision });
    if (i % 3 === 1) await ext.call({ type: 'post.markPublished', id: post.id, url: 'https://x.com/glider/status/1' });
    posts.push(post);
  }
  // The same payloads through a CSV import (text and labels).
  const quote = (s) => `"${s.replace(/"/g, '""')}"`;
  const csv = ['Text,Labels,Networks', ...PAYLOADS.map((p, i) => `${quote(`import ${i}: ${p}`)},${quote(p.slice(0, 50))},x`)].join('\n');
  const imported = await ext.call({ type: 'import.run', format: 'csv', text: csv, keepValid: true, zone: 'UTC' });
  return { projects, posts, imported };
}

test(`${PAYLOADS.length} XSS payloads in drafts, imports and scraped page text: nothing executes`, { timeout: 150_000 }, async () => {
  const { ext, context } = env.browser;
  await ext.ready();
  const { posts, imported } = await seed(ext);
  assert.ok(imported.imported >= PAYLOADS.length - 5, `most payload rows imported (${JSON.stringify({ ...imported, errors: imported.errors.length })})`);
  const problems = [];
  let surfaces = 0;

  // Dashboard: every view, and the post editor on a payload draft.
  const dash = await openBypassed('options/options.html#calendar');
  await dash.waitForSelector('[data-testid="main"][data-state="ready"]');
  for (const tab of ['calendar', 'queue', 'drafts', 'archive', 'projects']) {
    await dash.click(byTestId(`tab-${tab}`));
    await sleep(300);
    problems.push(...(await check(dash, `dashboard ${tab}`)));
    surfaces += 1;
  }
  await dash.click(byTestId('tab-drafts'));
  const drafts = await dash.evaluate(() => document.body.innerText);
  if (!drafts.includes('<img src=x onerror=')) problems.push('dashboard: the drafts list does not show the payloads as text');
  await dash.click(`${byTestId('drafts-item-text')} >> nth=0`);
  await sleep(300);
  problems.push(...(await check(dash, 'dashboard post editor')));
  problems.push(...dash.errors.map((e) => `dashboard error: ${e}`));
  surfaces += 1;

  // Popup (next reminders are payload posts) and the reminder page of a few payloads.
  const popup = await openBypassed('popup/popup.html');
  await popup.waitForSelector('body[data-ready="true"]');
  await popup.fill(byTestId('quick-draft'), PAYLOADS[4]);
  await sleep(400);
  if (!(await popup.evaluate(() => document.body.innerText)).includes('onerror')) problems.push('popup: payload text not shown as text');
  problems.push(...(await check(popup, 'popup')), ...popup.errors.map((e) => `popup error: ${e}`));
  surfaces += 1;
  for (const post of posts.slice(0, 6)) {
    const page = await openBypassed(`reminder/reminder.html#id=${encodeURIComponent(post.id)}`);
    await page.waitForFunction((t) => document.body.innerText.includes(t), post.text.slice(0, 20));
    problems.push(...(await check(page, `reminder page ${post.id}`)));
    await page.close();
    surfaces += 1;
  }

  // The panel as a page of its own (CSP bypassed): type every payload, then all at once (thread preview).
  const panelPage = await openBypassed('panel/panel.html#network=x');
  await panelPage.waitForSelector('body[data-ready="true"]');
  for (const p of PAYLOADS) await panelPage.fill(byTestId('draft-input'), p);
  await panelPage.fill(byTestId('draft-input'), PAYLOADS.join('\n'));
  await sleep(500);
  assert.equal(await panelPage.getAttribute(byTestId('counter'), 'data-over'), 'true');
  problems.push(...(await check(panelPage, 'panel page')), ...panelPage.errors.map((e) => `panel error: ${e}`));
  surfaces += 1;

  // The panel in x.com, with the payloads as posts in the page's timeline (scraped by the adapter).
  const page = await context.newPage();
  await page.goto('https://x.com/home');
  await page.waitForSelector('article[data-testid="tweet"]');
  await page.evaluate((payloads) => {
    const timeline = document.querySelector('section[role="region"]');
    for (const [i, text] of payloads.entries()) {
      const article = document.createElement('article');
      article.dataset.testid = 'tweet';
      const body = document.createElement('div');
      body.dataset.testid = 'tweetText';
      body.textContent = text;
      const link = document.createElement('a');
      link.href = `/hostile/status/${9000 + i}`;
      article.append(body, link);
      timeline.prepend(article);
    }
  }, PAYLOADS);
  const consoleViolations = [];
  page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && consoleViolations.push(m.text()));
  const panel = await openPanel(page, ext.worker(), ext.id);
  const scraped = await panel.evaluate(async () => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.sample}`));
    return true;
  });
  assert.ok(scraped);
  for (const p of PAYLOADS.slice(0, 40)) await panel.fill(byTestId('draft-input'), p);
  // Over the limit: the overflow highlight and the thread preview render payload text.
  await panel.fill(byTestId('draft-input'), PAYLOADS.join('\n'));
  await sleep(400);
  await panel.click(byTestId('thread-toggle')); // the parts in full
  problems.push(...(await check(panel, 'panel frame in x.com (over the limit)')));
  // A draft equal to a scraped post: its uniqueness match and fragments render.
  await panel.fill(byTestId('draft-input'), PAYLOADS[5]);
  // Matches are details on demand: open them, so their titles and fragments render.
  await panel.waitForSelector(`${byTestId('match')}[data-kind="page"] mark`, { timeout: 10_000, state: 'attached' });
  if ((await panel.getAttribute(byTestId('uniqueness'), 'aria-expanded')) !== 'true') await panel.click(byTestId('uniqueness'));
  await panel.waitForSelector(`${byTestId('match')}[data-kind="page"] mark`, { timeout: 10_000 });
  problems.push(...(await check(panel, 'panel frame in x.com')));
  const violations = await panel.evaluate(() => window.__violations);
  problems.push(...violations.map((v) => `panel frame CSP violation: ${v}`), ...consoleViolations.map((v) => `console: ${v}`));
  const pageFlag = await page.evaluate(() => window.__xss ?? null);
  if (pageFlag !== null) problems.push('x.com page: a payload ran');
  surfaces += 1;

  figure('XSS payloads', `payloads=${PAYLOADS.length}, surfaces=${surfaces}, executed or parsed=${problems.length}`);
  assert.equal(problems.length, 0, `payload markup parsed or executed:\n${[...new Set(problems)].slice(0, 40).join('\n')}`);
});
