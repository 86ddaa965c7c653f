// Firefox ESR (Debian's, /usr/bin/firefox-esr) driven by puppeteer-core over WebDriver BiDi: no
// geckodriver, no downloaded browser. dist/firefox is installed as a temporary add-on through the
// protocol (webExtension.install), and the real network hostnames reach the fixture server
// through a CONNECT proxy of this test process (lib/proxy.mjs). docs/FIREFOX.md says why.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { startConnectProxy } from './proxy.mjs';
import { ROOT } from './server.mjs';

export const FIREFOX = process.env.GLIDER_FIREFOX || '/usr/bin/firefox-esr';
export const FIREFOX_EXT_DIR = path.join(ROOT, 'dist/firefox');

/**
 * Launch headless Firefox with the add-on.
 * @param {{ port: number, extDir?: string|null, locale?: string, idleTimeoutMs?: number,
 *   viewport?: {width: number, height: number} }} opts
 *   port: the fixture server's; locale: the UI language (needs Debian's firefox-esr-l10n-<lang>);
 *   idleTimeoutMs: how long the event page may idle before Firefox suspends it (default 5 min);
 *   grantSitesAtInstall: false installs with no host permission granted, as Firefox before 127 did
 *   (and does with extensions.originControls.grantByDefault off): the user grants them.
 * @returns {Promise<{ browser: import('puppeteer-core').Browser, addonId: string|null, origin: string|null,
 *   proxy: Awaited<ReturnType<typeof startConnectProxy>>, close(): Promise<void> }>}
 */
export async function launchFirefox({ port, extDir = FIREFOX_EXT_DIR, locale, idleTimeoutMs, grantSitesAtInstall = true, viewport = { width: 1280, height: 900 } }) {
  if (!fs.existsSync(FIREFOX)) throw new Error(`no Firefox at ${FIREFOX} (./build.sh installs Debian's firefox-esr)`);
  if (extDir && !fs.existsSync(path.join(extDir, 'manifest.json'))) throw new Error(`no extension at ${extDir} (run ./build.sh first)`);
  const addonId = extDir ? JSON.parse(fs.readFileSync(path.join(extDir, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id : null;
  // The moz-extension:// host is a per-profile random UUID; choosing it up front tells the
  // tests the extension's origin before it is installed.
  const uuid = crypto.randomUUID();
  const proxy = await startConnectProxy(port);
  const prefs = {
    // Every https connection goes through the proxy (names are resolved there, not here).
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxy.port,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxy.port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'extensions.webextensions.uuids': JSON.stringify(addonId ? { [addonId]: uuid } : {}),
    // permissions.request on a user's click is granted without the doorhanger headless Firefox
    // cannot show (the grant itself is the real one; only the prompt is skipped).
    'extensions.webextOptionalPermissionPrompts': false,
    // Firefox suspends an idle event page after 30 s; tests that instrument it (counting
    // notifications, recording messages) would lose that on a slow machine. The longest Firefox
    // allows, unless a test asks for suspension (both-worker.test.mjs).
    'extensions.background.idle.timeout': idleTimeoutMs ?? 300_000,
    'extensions.originControls.grantByDefault': grantSitesAtInstall,
    ...(locale ? { 'intl.locale.requested': locale, 'intl.accept_languages': locale } : {}),
    'browser.tabs.warnOnClose': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
  };
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      acceptInsecureCerts: true,
      // Lets the protocol open moz-extension:// pages (refused otherwise as "not a web URL").
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: prefs,
      defaultViewport: viewport,
      protocolTimeout: 60_000,
    });
    const installed = extDir ? await browser.installExtension(extDir) : null;
    if (extDir && installed !== addonId) throw new Error(`installed ${installed}, expected ${addonId}`);
  } catch (e) {
    await browser?.close().catch(() => {});
    await proxy.close();
    throw e;
  }
  return {
    browser,
    addonId,
    origin: extDir ? `moz-extension://${uuid}/` : null,
    proxy,
    async close() {
      await browser.close().catch(() => {});
      await proxy.close().catch(() => {});
    },
  };
}

/**
 * Navigate a page to an extension URL. Firefox's BiDi reports no navigation events for
 * moz-extension documents, so `page.goto` would wait for its whole timeout: navigate without
 * waiting, then wait for the document itself.
 */
export async function gotoExtensionPage(page, url, { timeout = 20_000 } = {}) {
  const context = page.mainFrame().browsingContext;
  if (context?.navigate) await context.navigate(url, 'none');
  else await page.goto(url, { timeout: 1000 }).catch(() => {});
  const end = Date.now() + timeout;
  for (;;) {
    const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => null);
    if (state && state[0] === url && state[1] === 'complete') return;
    if (Date.now() > end) throw new Error(`${url} did not load (at ${state?.[0]}, ${state?.[1]})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
