// The browser-neutral driver the shared tests (tests/e2e/both-*.test.mjs) are written against:
// the same test body runs in Chromium (playwright-core, dist/chrome) and in Firefox ESR
// (puppeteer-core over WebDriver BiDi, dist/firefox). GLIDER_BROWSER picks the browser
// (chromium by default); ./build.sh test runs the shared files once per browser.
//
//   const d = useDriver({ networks: ['x'] });        // one server + browser per file
//   const page = await d.sitePage('https://x.com/home');
//   const panel = await d.openPanel(page);           // the panel iframe, booted
//   await d.ext.call({ type: 'state.get' });         // a message from an extension page
//   await d.workerEval(({ api }) => api.alarms.getAll());  // in the worker / event page
//   await d.ext.reload(); await d.ext.killWorker();
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumArgs } from './browser.mjs';
import { FIREFOX_EXT_DIR, gotoExtensionPage, launchFirefox } from './firefox.mjs';
import { P } from './page.mjs';
import { ROOT, startFixtureServer } from './server.mjs';
import { Ext } from '../support/reliability.mjs';

export const BROWSER = process.env.GLIDER_BROWSER || 'chromium';
if (!['chromium', 'firefox'].includes(BROWSER)) throw new Error(`GLIDER_BROWSER must be chromium or firefox, not ${BROWSER}`);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The source of `fn({ g, api }, arg)` to run where `g` is the worker's global. */
function workerCall(fn, arg, globalExpr) {
  const a = arg === undefined ? 'undefined' : JSON.stringify(arg);
  return `(async () => { const g = ${globalExpr}; if (!g) throw new Error('no background context'); const api = g.browser ?? g.chrome; return (${String(fn)})({ g, api }, ${a}); })()`;
}

/**
 * Firefox's side of support/reliability.mjs's `Ext`: an extension page to send messages from
 * and read storage with, the event page (reached with runtime.getBackgroundPage, which Firefox
 * keeps in MV3), reload and suspension.
 */
class FirefoxExt {
  constructor(fx, { idleTimeoutMs } = {}) {
    this.fx = fx;
    this.browser = fx.browser;
    this.origin = fx.origin;
    this.idleTimeoutMs = idleTimeoutMs;
    this.kills = 0;
  }

  url(pathname) {
    return `${this.origin}${pathname}`;
  }

  async init() {
    this.page = await this.openPage('reminder/reminder.html');
    await this.ready();
  }

  async openPage(pathname) {
    const page = await this.browser.newPage();
    page.on('pageerror', (e) => console.error(`[${pathname}] pageerror: ${e.message}`));
    await gotoExtensionPage(page, this.url(pathname));
    return page;
  }

  send(msg, page = this.page) {
    return page.evaluate(
      (m) => browser.runtime.sendMessage(m).then((r) => (r === undefined ? { none: true } : r), (e) => ({ transport: String(e?.message ?? e) })),
      msg,
    );
  }

  async call(msg, page = this.page) {
    const reply = await this.send(msg, page);
    if (!reply?.ok) throw new Error(`${msg.type} failed: ${JSON.stringify(reply).slice(0, 500)}`);
    return reply.result;
  }

  storage(page = this.page) {
    return page.evaluate(() => browser.storage.local.get(null));
  }

  async ready(timeout = 30_000) {
    const end = Date.now() + timeout;
    let last = null;
    while (Date.now() < end) {
      last = await this.send({ type: 'state.get' }).catch((e) => ({ error: String(e) }));
      if (last?.ok) return last.result;
      await sleep(100);
    }
    throw new Error(`the event page did not boot: ${JSON.stringify(last)}`);
  }

  workerEval(fn, arg) {
    return this.page.evaluate(workerCall(fn, arg, 'await browser.runtime.getBackgroundPage()'));
  }

  /** Let Firefox suspend the idle event page, as it does after `extensions.background.idle.timeout`. */
  async killWorker(timeout = 60_000) {
    if (!this.idleTimeoutMs) throw new Error('killWorker in Firefox needs useDriver({ idleTimeoutMs })');
    const token = `t${Math.random()}`;
    await this.workerEval(({ g }, t) => {
      g.__gliderTestToken = t;
    }, token);
    const end = Date.now() + timeout;
    for (;;) {
      await sleep(this.idleTimeoutMs + 300);
      // Asking wakes a suspended page: a new one has no token.
      const same = await this.page.evaluate(async (t) => (await browser.runtime.getBackgroundPage())?.__gliderTestToken === t, token);
      if (!same) break;
      if (Date.now() > end) throw new Error('the event page was never suspended');
    }
    this.kills += 1;
  }

  async wake() {
    return this.ready();
  }

  /** `runtime.reload()`, as an update or a developer's reload does: the extension's pages close. */
  async reload() {
    const old = this.page;
    await old.evaluate(() => setTimeout(() => browser.runtime.reload(), 20));
    const end = Date.now() + 20_000;
    while (!old.isClosed() && Date.now() < end) {
      const alive = await old.evaluate(() => typeof browser !== 'undefined' && !!browser.runtime?.id).catch(() => false);
      if (!alive) break;
      await sleep(50);
    }
    await old.close().catch(() => {});
    for (;;) {
      try {
        this.page = await this.openPage('reminder/reminder.html');
        break;
      } catch (e) {
        if (Date.now() > end) throw e;
        await sleep(200);
      }
    }
    return this.ready();
  }
}

async function launchChromium({ port, extDir, locale }) {
  const userDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'glider-both-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...chromiumArgs({ port, extDir }), ...(locale ? [`--lang=${locale}`] : [])],
    // Chromium on Linux takes its UI language (chrome.i18n) from the environment.
    env: locale ? { ...process.env, LANGUAGE: locale, LANG: `${locale}.UTF-8` } : process.env,
    ...(locale ? { locale } : {}),
    ignoreDefaultArgs: ['--disable-extensions'],
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  return {
    context,
    extensionId: new URL(worker.url()).host,
    async close() {
      await context.close().catch(() => {});
      await fsp.rm(userDir, { recursive: true, force: true }).catch(() => {});
    },
  };
}

export class Driver {
  constructor(kind) {
    this.kind = kind;
    this.pages = [];
  }

  /** @param {{ port: number, locale?: string, idleTimeoutMs?: number, grantSitesAtInstall?: boolean }} opts */
  async start({ port, locale, idleTimeoutMs, grantSitesAtInstall }) {
    if (this.kind === 'chromium') {
      this.cr = await launchChromium({ port, extDir: path.join(ROOT, 'dist/chrome'), locale });
      this.ext = new Ext(this.cr.context, this.cr.extensionId);
      await this.ext.init();
      this.origin = this.ext.origin;
    } else {
      this.fx = await launchFirefox({ port, extDir: FIREFOX_EXT_DIR, locale, idleTimeoutMs, grantSitesAtInstall });
      this.ext = new FirefoxExt(this.fx, { idleTimeoutMs });
      await this.ext.init();
      this.origin = this.fx.origin;
    }
    return this;
  }

  wrap(raw) {
    const p = new P(this.kind, raw);
    raw.on('pageerror', (e) => p.errors.push(String(e?.message ?? e)));
    this.pages.push(p);
    return p;
  }

  async newRawPage() {
    return this.kind === 'chromium' ? this.cr.context.newPage() : this.fx.browser.newPage();
  }

  /** An extension page (popup/popup.html, options/options.html …) in a tab of its own. */
  async extPage(pathname, { viewport } = {}) {
    const p = this.wrap(await this.newRawPage());
    if (viewport) await p.setViewport(viewport);
    await p.goto(this.ext.url(pathname));
    return p;
  }

  /** A network page under its real hostname (served by the fixture server). */
  async sitePage(url, { viewport } = {}) {
    const p = this.wrap(await this.newRawPage());
    if (viewport) await p.setViewport(viewport);
    await p.goto(url);
    return p;
  }

  /** Run `fn({ g, api }, arg)` in the worker (Chromium) or the event page (Firefox). */
  workerEval(fn, arg) {
    if (this.kind === 'chromium') return this.ext.worker().evaluate(workerCall(fn, arg, 'self'));
    return this.ext.workerEval(fn, arg);
  }

  /** Send `msg` to the content script of the tab whose URL starts with `prefix` (as the worker does). */
  toContent(prefix, msg) {
    return this.workerEval(async ({ api }, { prefix, msg }) => {
      const tab = (await api.tabs.query({})).find((t) => t.url?.startsWith(prefix));
      if (!tab) throw new Error(`no tab at ${prefix}`);
      return api.tabs.sendMessage(tab.id, msg, { frameId: 0 });
    }, { prefix, msg });
  }

  /** Open the panel on a site page (as the toolbar or Alt+Shift+G does) and return its booted frame. */
  async openPanel(page) {
    const origin = new URL(await page.url()).origin;
    let res = null;
    for (let i = 0; i < 100 && !res?.ok; i++) {
      res = await this.toContent(origin, { type: 'panel.toggle', open: true }).catch(() => null);
      if (!res?.ok) await sleep(100);
    }
    if (!res?.ok) throw new Error(`the content script on ${origin} did not answer panel.toggle`);
    const frame = await page.frame(this.ext.url('panel/panel.html'));
    await frame.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    return frame;
  }

  /** Every page of the browser, raw. */
  async rawPages() {
    return this.kind === 'chromium' ? this.cr.context.pages() : this.fx.browser.pages();
  }

  /**
   * Start waiting for a tab the extension opens at a URL starting with `prefix`; call before the
   * action that opens it, await the result after. `existing`: a tab already open counts too.
   */
  waitForPage(prefix, { timeout = 20_000, existing = false } = {}) {
    const known = existing ? Promise.resolve(new Set(this.pages.map((p) => p.page))) : this.rawPages().then((ps) => new Set(ps));
    return (async () => {
      const seen = await known;
      const end = Date.now() + timeout;
      while (Date.now() < end) {
        for (const raw of await this.rawPages()) {
          if (seen.has(raw)) continue;
          const href = await raw.evaluate(() => location.href).catch(() => '');
          if (href.startsWith(prefix)) return this.wrap(raw);
        }
        await sleep(100);
      }
      throw new Error(`no new tab at ${prefix}`);
    })();
  }

  /**
   * Take every built-in site's access away, as the user can in the browser's own settings:
   * Chromium's site access "On click" (chrome://extensions), Firefox's permissions toggles.
   */
  async revokeSites() {
    if (this.kind === 'chromium') {
      const mgmt = await this.ext.extensionsPage();
      await mgmt.evaluate((id) => chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_CLICK' }), this.ext.id);
    } else {
      await this.ext.page.evaluate(() => browser.permissions.remove({ origins: browser.runtime.getManifest().host_permissions }));
    }
  }

  /**
   * Grant sites through Chromium's own site-access menu (chrome://extensions). Headless Chromium
   * cannot show the prompt of permissions.request; Firefox's is skipped by a pref (lib/firefox.mjs).
   * `origins: null` = "On all sites".
   */
  async chromiumGrant(origins) {
    const mgmt = await this.ext.extensionsPage();
    if (!origins) await mgmt.evaluate((id) => chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_ALL_SITES' }), this.ext.id);
    else for (const o of origins) await mgmt.evaluate(([id, o]) => chrome.developerPrivate.addHostPermission(id, o), [this.ext.id, o]);
  }

  async close() {
    await (this.cr ?? this.fx)?.close();
  }
}

/**
 * One fixture server and one browser (GLIDER_BROWSER) for the whole test file.
 * @param {{ networks?: string[], locale?: string, idleTimeoutMs?: number, grantSitesAtInstall?: boolean }} opts
 *   grantSitesAtInstall (Firefox only; Chromium always grants them): see lib/firefox.mjs
 */
export function useDriver({ networks = [], locale, idleTimeoutMs, grantSitesAtInstall } = {}) {
  const d = new Driver(BROWSER);
  before(async () => {
    d.server = await startFixtureServer({ networks });
    if (Object.keys(d.server.errors).length) throw new Error(`fixture bundles failed: ${JSON.stringify(d.server.errors)}`);
    await d.start({ port: d.server.port, locale, idleTimeoutMs, grantSitesAtInstall });
  });
  after(async () => {
    await d.close();
    await d.server?.close();
  });
  return d;
}
