// One page (or frame) API over Playwright (Chromium) and Puppeteer (Firefox), so a test body runs
// unchanged in both browsers. Only what the shared tests use, with the argument order fixed:
// `waitFor(fn, arg, { timeout })` resolves with fn's truthy result in both.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gotoExtensionPage } from './firefox.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class P {
  /**
   * @param {'chromium'|'firefox'} kind
   * @param {any} target a Playwright Page/Frame or a Puppeteer Page/Frame
   * @param {any} [page] the page that holds `target` (itself for a page)
   */
  constructor(kind, target, page = target) {
    this.kind = kind;
    this.raw = target;
    this.page = page;
    this.errors = [];
  }

  get isFrame() {
    return this.raw !== this.page;
  }

  /** Run `fn(arg)` in the document (not subject to its CSP). */
  evaluate(fn, arg) {
    return this.raw.evaluate(fn, arg);
  }

  /** The document's own URL (Puppeteer's cached URL misses moz-extension navigations). */
  url() {
    return this.raw.evaluate(() => location.href);
  }

  async goto(url) {
    if (this.kind === 'firefox' && url.startsWith('moz-extension:')) return gotoExtensionPage(this.raw, url);
    await this.raw.goto(url, { waitUntil: 'load' });
  }

  /** Wait until `fn(arg)` is truthy in the document; resolves with that value. */
  async waitFor(fn, arg = null, { timeout = 10_000, message } = {}) {
    try {
      const handle =
        this.kind === 'chromium'
          ? await this.raw.waitForFunction(fn, arg, { timeout, polling: 50 })
          : await this.raw.waitForFunction(fn, { timeout, polling: 50 }, arg);
      return await handle.jsonValue();
    } catch (e) {
      throw new Error(`${message ?? 'waitFor'}: ${e.message.split('\n')[0]} (${String(fn).slice(0, 160)})`);
    }
  }

  waitForSelector(selector, { timeout = 10_000, visible = false } = {}) {
    return this.raw.waitForSelector(selector, this.kind === 'chromium' ? { timeout, state: visible ? 'visible' : 'attached' } : { timeout, visible });
  }

  click(selector) {
    return this.raw.click(selector);
  }

  /**
   * Click, as the user does, the first element matching `selector` anywhere in the document,
   * open shadow roots included (Playwright's CSS pierces them, Puppeteer's does not); `text`:
   * only an element whose text is exactly that.
   */
  async clickDeep(selector, text = null) {
    const handle = await this.raw.evaluateHandle(
      ([sel, want]) => {
        const walk = (root) => {
          for (const el of root.querySelectorAll(sel)) if (want === null || el.textContent.trim() === want) return el;
          for (const host of root.querySelectorAll('*')) {
            const hit = host.shadowRoot && walk(host.shadowRoot);
            if (hit) return hit;
          }
          return null;
        };
        return walk(document);
      },
      [selector, text],
    );
    const el = handle.asElement();
    if (!el) throw new Error(`nothing to click at ${selector}${text ? ` with text ${text}` : ''}`);
    await el.click();
  }

  focus(selector) {
    return this.raw.focus(selector);
  }

  /** Replace a field's value as typing would (input events). */
  async fill(selector, value) {
    if (this.kind === 'chromium') return this.raw.fill(selector, value);
    return this.raw.locator(selector).fill(value);
  }

  /** Type with the keyboard into whatever has focus. */
  type(text) {
    return this.page.keyboard.type(text);
  }

  /** A key or a chord ('Control+End'): Playwright takes chords, Puppeteer presses one key. */
  async press(key) {
    if (this.kind === 'chromium' || !key.includes('+') || key.length === 1) return this.page.keyboard.press(key);
    const keys = key.split('+');
    const main = keys.pop();
    for (const k of keys) await this.page.keyboard.down(k);
    await this.page.keyboard.press(main);
    for (const k of keys.reverse()) await this.page.keyboard.up(k);
  }

  async select(selector, value) {
    if (this.kind === 'chromium') return this.raw.selectOption(selector, value);
    return this.raw.select(selector, value);
  }

  /** Choose a file in an <input type=file> as the user's file picker would. */
  async setInputFile(selector, { name, mimeType, buffer }) {
    if (this.kind === 'chromium') return this.raw.setInputFiles(selector, { name, mimeType, buffer });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'glider-upload-'));
    const file = path.join(dir, name);
    await fs.writeFile(file, buffer);
    const input = await this.raw.$(selector);
    await input.uploadFile(file);
  }

  text(selector) {
    return this.raw.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  }

  attr(selector, name) {
    return this.raw.evaluate(([s, n]) => document.querySelector(s)?.getAttribute(n) ?? null, [selector, name]);
  }

  count(selector) {
    return this.raw.evaluate((s) => document.querySelectorAll(s).length, selector);
  }

  /** The child frame whose document URL starts with `prefix`, as a P, once it is there. */
  async frame(prefix, { timeout = 15_000 } = {}) {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      for (const f of this.page.frames()) {
        if (f === this.page.mainFrame()) continue;
        const href = await f.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(prefix)) return new P(this.kind, f, this.page);
      }
      await sleep(100);
    }
    throw new Error(`no frame at ${prefix}`);
  }

  /** Make this the tab the user looks at. */
  front() {
    return this.page.bringToFront();
  }

  async setViewport(size) {
    if (this.kind === 'chromium') await this.page.setViewportSize(size);
    else await this.page.setViewport(size);
  }

  screenshot(file) {
    return this.page.screenshot({ path: file, fullPage: false });
  }

  close() {
    return this.page.close().catch(() => {});
  }

  isClosed() {
    return this.page.isClosed();
  }
}
