// Helpers for the reliability and security tests (tests/e2e/reliability-*.test.mjs,
// tests/e2e/security-*.test.mjs): launch Chromium with a profile that can be
// reopened, talk to the worker the way extension pages do, stop the worker
// through the DevTools protocol, and snapshot storage.local.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { after, before } from 'node:test';
import { CHROMIUM, chromiumArgs } from '../lib/browser.mjs';
import { ROOT, startFixtureServer } from '../lib/server.mjs';

/** The extension under test: dist/chrome (./build.sh), or GLIDER_EXT_DIR for another build. */
export const EXT_DIR = process.env.GLIDER_EXT_DIR || path.join(ROOT, 'dist/chrome');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Print a figure so it shows in the test output (and in CI logs). */
export function figure(name, value) {
  console.log(`[figure] ${name}: ${value}`);
}

/** Fail early with a clear message when the worker cannot boot (core not built yet). */
export function assertBuilt() {
  const pkg = path.join(EXT_DIR, 'pkg/glider.js');
  if (!fs.existsSync(path.join(EXT_DIR, 'manifest.json')) || !fs.existsSync(pkg)) {
    throw new Error(`no extension at ${EXT_DIR}: run ./build.sh first`);
  }
}

/**
 * Chromium with the extension and a profile folder that survives `close()`
 * when `keepProfile` is set (to reopen the same profile: a browser restart).
 * Same flags as lib/browser.mjs (`chromiumArgs`).
 */
export async function launch({ port, userDir = null, keepProfile = false, extDir = EXT_DIR, headless = true }) {
  assertBuilt();
  const dir = userDir ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'glider-rel-')));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless,
    args: chromiumArgs({ port, extDir }),
    ignoreDefaultArgs: ['--disable-extensions'],
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  const ext = new Ext(context, extensionId);
  await ext.init();
  return {
    context,
    extensionId,
    ext,
    userDir: dir,
    get worker() {
      return ext.worker();
    },
    async close() {
      await context.close().catch(() => {});
      if (!keepProfile) await fsp.rm(dir, { recursive: true, force: true }).catch(() => {});
    },
  };
}

/**
 * One fixture server and one browser for a whole test file, started before
 * its tests and closed after them. A test that restarts the browser assigns
 * the new one to `env.browser`; whichever is there at the end is closed.
 */
export function useBrowser({ networks = [], keepProfile = false } = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startFixtureServer({ networks });
    env.browser = await launch({ port: env.server.port, keepProfile });
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * The extension as the tests see it: an extension page to send messages
 * from and read storage with, a DevTools session to stop the worker, and
 * the current Playwright handle of the worker.
 *
 * Never evaluate in a worker that is stopped: Playwright then closes the
 * whole context. `killWorker()` waits until it is stopped; `wake()` sends a
 * harmless message and waits until it runs again.
 */
export class Ext {
  constructor(context, extensionId) {
    this.context = context;
    this.id = extensionId;
    this.origin = `chrome-extension://${extensionId}/`;
    this.status = 'running';
    this.stops = 0; // 'stopped' transitions seen (a stop may be followed by a restart at once)
    this.kills = 0;
  }

  url(pathname) {
    return `${this.origin}${pathname}`;
  }

  async init() {
    this.current = this.context.serviceWorkers().find((w) => w.url().startsWith(this.origin)) ?? null;
    this.context.on('serviceworker', (w) => {
      if (w.url().startsWith(this.origin)) this.current = w;
    });
    // A DevTools session on a page of its own: ServiceWorker.* there sees
    // (and stops) the extension's worker.
    this.blank = await this.context.newPage();
    this.cdp = await this.context.newCDPSession(this.blank);
    this.cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (!v.scriptURL.startsWith(this.origin)) continue;
        if (v.runningStatus === 'stopped' && this.status !== 'stopped') this.stops += 1;
        this.status = v.runningStatus;
      }
    });
    await this.cdp.send('ServiceWorker.enable');
    // The page messages are sent from: the reminder page without an id does one read and stays idle.
    this.page = await this.openPage('reminder/reminder.html');
    await this.ready();
  }

  /** Open an extension page in a new tab. */
  async openPage(pathname) {
    const page = await this.context.newPage();
    page.on('pageerror', (e) => console.error(`[${pathname}] pageerror: ${e.message}`));
    await page.goto(this.url(pathname));
    return page;
  }

  /**
   * The Playwright handle of the worker. The same object survives a
   * stop/start; a reload or disable→enable makes a new one.
   */
  worker() {
    return this.current;
  }

  /** Wait until the worker booted (core loaded, storage read, reminders reconciled). */
  async ready(timeout = 20000) {
    const end = Date.now() + timeout;
    let last = null;
    while (Date.now() < end) {
      last = await this.send({ type: 'state.get' });
      if (last?.ok) return last.result;
      await sleep(100);
    }
    throw new Error(`the worker did not boot: ${JSON.stringify(last)} (is the core built? grep -c UniquenessIndex pkg/glider.js)`);
  }

  /**
   * Send a runtime message from an extension page. Returns the reply,
   * `{ transport: message }` when the channel failed (worker stopped mid-way),
   * or `{ none: true }` when nobody answered (a dropped message).
   */
  async send(msg, page = this.page) {
    return page.evaluate(
      (m) =>
        chrome.runtime.sendMessage(m).then(
          (r) => (r === undefined ? { none: true } : r),
          (e) => ({ transport: String(e?.message ?? e) }),
        ),
      msg,
    );
  }

  /** Send and insist on `{ok: true}`; returns the result. */
  async call(msg, page = this.page) {
    const reply = await this.send(msg, page);
    if (!reply?.ok) throw new Error(`${msg.type} failed: ${JSON.stringify(reply).slice(0, 500)}`);
    return reply.result;
  }

  /** Everything in storage.local, read by an extension page (pages may read; only the worker writes). */
  async storage(page = this.page) {
    return page.evaluate(() => chrome.storage.local.get(null));
  }

  async waitStatus(want, timeout = 10000) {
    const end = Date.now() + timeout;
    while (this.status !== want) {
      if (Date.now() > end) throw new Error(`worker did not reach "${want}" (is "${this.status}")`);
      await sleep(5);
    }
  }

  /** Stop the worker through the DevTools protocol, as Chrome does to an idle or misbehaving worker. */
  async killWorker(timeout = 10000) {
    const before = this.stops;
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    const end = Date.now() + timeout;
    while (this.stops === before) {
      if (Date.now() > end) throw new Error(`the worker did not stop (is "${this.status}")`);
      await sleep(5);
    }
    this.kills += 1;
  }

  /** chrome://extensions with developer mode on (a developer reloading an unpacked extension has it on). */
  async extensionsPage() {
    if (this.mgmt && !this.mgmt.isClosed()) return this.mgmt;
    this.mgmt = await this.context.newPage();
    await this.mgmt.goto('chrome://extensions');
    await this.mgmt.evaluate(() => chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }));
    return this.mgmt;
  }

  /** Wait for the new worker after a reload/enable, reopen the message page and wait for boot. */
  async afterRestart(nextWorker) {
    await nextWorker;
    if (!this.page.isClosed()) await this.page.close().catch(() => {});
    this.page = await this.openPage('reminder/reminder.html');
    return this.ready();
  }

  /** `chrome.runtime.reload()` from the worker, as an update or a developer's reload does. */
  async reload() {
    await this.extensionsPage();
    const next = this.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(this.origin), timeout: 20000 });
    // Deferred so the evaluate returns before the worker goes away.
    await this.worker().evaluate(() => setTimeout(() => chrome.runtime.reload(), 20));
    return this.afterRestart(next);
  }

  /** Disable, then enable the extension, as the user does in chrome://extensions. */
  async disableEnable() {
    const mgmt = await this.extensionsPage();
    await mgmt.evaluate((id) => chrome.management.setEnabled(id, false), this.id);
    const state = await mgmt.evaluate((id) => chrome.management.get(id).then((e) => e.enabled), this.id);
    if (state !== false) throw new Error('the extension did not get disabled');
    const next = this.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(this.origin), timeout: 20000 });
    await mgmt.evaluate((id) => chrome.management.setEnabled(id, true), this.id);
    return this.afterRestart(next);
  }

  /** Wake the worker with a read and wait until it is running and booted. */
  async wake() {
    await this.ready();
    await this.waitStatus('running');
    return this.worker();
  }
}

// --- records ----------------------------------------------------------------

let seq = 0;
/** A unique id for this test process. */
export function uid(prefix = 'rel') {
  seq += 1;
  return `${prefix}-${process.pid.toString(36)}-${Date.now().toString(36)}-${seq}`;
}

/** A draft post record as the panel builds it (src/model/post.rs, camelCase). */
export function draft(projectId, text, extra = {}) {
  const now = Date.now();
  return { id: uid('post'), projectId, text, networks: ['x'], status: 'draft', createdAt: now, updatedAt: now, revision: 0, ...extra };
}

/** Keys whose value differs between two storage snapshots. */
export function changedKeys(before, after) {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

// --- XSS ----------------------------------------------------------------------

// What a payload's script does if it ever runs: set a flag on its own global
// and, where reachable, on its parent's and top's (a payload that makes an
// iframe runs there). No spaces, so it also fits unquoted attributes.
const JS = 'self.__xss=1;try{parent.__xss=1;top.__xss=1}catch(e){}';
const B64 = Buffer.from(JS).toString('base64');

/** About 100 classic XSS payloads (OWASP filter-evasion list, polyglots, template tricks). */
export function xssPayloads() {
  return [
    `<script>${JS}</script>`,
    `<script src=data:,${JS}></script>`,
    `<script type=module>${JS}</script>`,
    `<img src=x onerror="${JS}">`,
    `<img src=x onerror=${JS}>`,
    `<IMG SRC=x ONERROR=${JS}>`,
    `<img/src/onerror=${JS}>`,
    `<img src=x onerror  =  ${JS}>`,
    `<img\tsrc=x\tonerror=${JS}>`,
    `<img\nsrc=x\nonerror=${JS}>`,
    `<img src=1 onerror=${JS} <`,
    `<img src="x" onerror="eval(atob('${B64}'))">`,
    `<img src=x onerror=&#x73;elf.__xss=1>`,
    `<img src=x onerror=import('data:text/javascript,${encodeURIComponent(JS)}')>`,
    `<img srcset=",,,,x" onerror=${JS}>`,
    `<picture><source srcset=x><img src=x onerror=${JS}></picture>`,
    `<svg onload=${JS}>`,
    `<svg/onload=${JS}>`,
    `<svg><script>${JS}</script></svg>`,
    `<svg><animate onbegin=${JS} attributeName=x dur=1s>`,
    `<svg><set attributeName=onload to=${JS}>`,
    `<svg><a xlink:href="javascript:${JS}"><text y=20>x</text></a></svg>`,
    `<svg><foreignObject><img src=x onerror=${JS}></foreignObject></svg>`,
    `<svg><style><img src=x onerror=${JS}></style></svg>`,
    `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${JS}'/></svg>#x"/></svg>`,
    `<math><mtext><table><mglyph><style><img src=x onerror=${JS}>`,
    `<math href="javascript:${JS}">x</math>`,
    `<body onload=${JS}>`,
    `<body onpageshow=${JS}>`,
    `<frameset onload=${JS}>`,
    `<iframe src="javascript:${JS}"></iframe>`,
    `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
    `<iframe src="data:text/html,<script>parent.__xss=1</script>"></iframe>`,
    `<object data="javascript:${JS}">`,
    `<object data="data:text/html,<script>parent.__xss=1</script>">`,
    `<embed src="javascript:${JS}">`,
    `<portal src="javascript:${JS}">`,
    `<a href="javascript:${JS}">click</a>`,
    `<a href="JaVaScRiPt:${JS}">x</a>`,
    `<a href="&#106;avascript:${JS}">x</a>`,
    `<a href=" javascript:${JS}">x</a>`,
    `<a href="java\tscript:${JS}">x</a>`,
    `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
    `javascript:${JS}`,
    `JaVaScRiPt:${JS}`,
    `data:text/html,<script>${JS}</script>`,
    'vbscript:msgbox(1)',
    `<form action="javascript:${JS}"><button>x</button></form>`,
    `<button formaction="javascript:${JS}">x</button>`,
    `<isindex action=javascript:${JS} type=image>`,
    `<input autofocus onfocus=${JS}>`,
    `<input type=image src=x onerror=${JS}>`,
    `<select autofocus onfocus=${JS}>`,
    `<textarea autofocus onfocus=${JS}>`,
    `<keygen autofocus onfocus=${JS}>`,
    `<x contenteditable onfocus=${JS} autofocus>`,
    `<xss id=x tabindex=1 onfocusin=${JS}></xss>`,
    `<x onclick=${JS}>click`,
    `<details open ontoggle=${JS}>`,
    `<dialog open onclose=${JS}>`,
    `<video><source onerror=${JS}>`,
    `<audio src=x onerror=${JS}>`,
    `<marquee onstart=${JS}>`,
    `<table background="javascript:${JS}">`,
    `<div style="background:url(javascript:${JS})">`,
    `<div style="width:expression(${JS})">`,
    `<style>@import 'javascript:${JS}';</style>`,
    `<style>*{background:url("javascript:${JS}")}</style>`,
    `<link rel=stylesheet href="javascript:${JS}">`,
    `<meta http-equiv="refresh" content="0;url=javascript:${JS}">`,
    `<base href="javascript:${JS}//">`,
    `<noscript><p title="</noscript><img src=x onerror=${JS}>">`,
    `<template><img src=x onerror=${JS}></template>`,
    `<xmp><img src=x onerror=${JS}></xmp>`,
    `<listing><img src=x onerror=${JS}></listing>`,
    `<plaintext><img src=x onerror=${JS}>`,
    `<scr<script>ipt>${JS}</scr</script>ipt>`,
    `"><script>${JS}</script>`,
    `'><img src=x onerror=${JS}>`,
    `"onmouseover="${JS}`,
    `' onfocus='${JS}' autofocus='`,
    `</textarea><script>${JS}</script>`,
    `</title><script>${JS}</script>`,
    `</style><script>${JS}</script>`,
    `--><script>${JS}</script>`,
    `]]><script>${JS}</script>`,
    `</p></li></ul><img src=x onerror=${JS}>`,
    `javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+${JS}//'>`,
    `\${${JS}}`,
    `\`+${JS}+\``,
    `{{constructor.constructor('${JS}')()}}`,
    `#{${JS}}`,
    `%3Cscript%3E${JS}%3C%2Fscript%3E`,
    `&lt;script&gt;${JS}&lt;/script&gt;`,
    `\u003cimg src=x onerror=${JS}\u003e`,
    `\u202e<img src=x onerror=${JS}>`,
    `<img src=x onerror=${JS}>\u0000<script>${JS}</script>`,
    '__proto__',
    'constructor',
    `<img src=x onerror=${JS}>`.repeat(40),
  ];
}

/**
 * Runs in a page or frame: everything in the DOM (open shadow roots
 * included) that markup from data would have created. Extension code
 * builds elements with createElement/textContent and listeners with
 * addEventListener, so none of these may exist.
 */
export function scanDom() {
  const FORBIDDEN = [
    'script:not([src])', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'math', 'portal', 'xmp', 'plaintext',
    'listing', 'marquee', 'isindex', 'keygen', 'xss', 'x', 'meta[http-equiv]', '[srcdoc]', 'svg script', 'svg animate',
    'svg set', 'foreignObject', 'noscript', 'template', 'img[src="x"]', 'img[src="1"]', 'video', 'audio', 'picture',
    'body body', 'scr',
  ].join(',');
  const URL_ATTRS = /^(href|src|action|formaction|data|xlink:href|background|poster|srcset)$/i;
  const found = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(FORBIDDEN)) found.push(`<${el.localName}> element`);
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}>`);
        if (URL_ATTRS.test(a.name) && /^\s*(java|vb)script:|^\s*data:text\/html/i.test(a.value.replace(/[\t\n\r]/g, ''))) found.push(`<${el.localName} ${a.name}=${a.value.slice(0, 40)}>`);
        if (a.name === 'style' && /javascript:|expression\(/i.test(a.value)) found.push(`<${el.localName} style=${a.value.slice(0, 40)}>`);
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return { found, flag: self.__xss ?? null, text: document.body?.innerText ?? '' };
}
