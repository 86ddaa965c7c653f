// Chromium with the unpacked extension loaded, every real network hostname
// resolved to the local fixture server. Uses the system Chromium; never
// downloads a browser.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { HOSTS, ROOT } from './server.mjs';

export const CHROMIUM = process.env.GLIDER_CHROMIUM || '/usr/bin/chromium';

/**
 * The flags every test browser runs with: the extension (when `extDir` is
 * set; Playwright's own --disable-extensions must also be dropped) and every
 * real network hostname mapped to the fixture server on `port`.
 */
export function chromiumArgs({ port, extDir }) {
  const rules = Object.keys(HOSTS).map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ');
  return [
    ...(extDir ? [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=${rules}, EXCLUDE localhost`,
    '--ignore-certificate-errors',
  ];
}

/**
 * @param {{ extDir?: string, port: number, headless?: boolean, userDir?: string }} opts
 *   userDir: a profile folder to use and keep (relaunching on the same profile); default a fresh
 *   temporary one, removed on close.
 * @returns {Promise<{ context: import('playwright-core').BrowserContext,
 *   worker: import('playwright-core').Worker|null, extensionId: string|null, close(): Promise<void> }>}
 *   `extDir: null` launches without an extension (worker and extensionId are then null).
 */
// GLIDER_EXT_DIR runs a suite against another build (e.g. main's, to show a
// new test fails there), as tests/e2e/support/reliability.mjs does.
export async function launchWithExtension({ extDir = process.env.GLIDER_EXT_DIR || path.join(ROOT, 'dist/chrome'), port, headless = true, userDir: keptDir } = {}) {
  if (!port) throw new Error('launchWithExtension: port is required');
  if (extDir && !fs.existsSync(path.join(extDir, 'manifest.json'))) {
    throw new Error(`no extension at ${extDir} (run ./build.sh first)`);
  }
  const userDir = keptDir ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'glider-chromium-')));
  const dropProfile = () => (keptDir ? Promise.resolve() : fsp.rm(userDir, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless,
    args: chromiumArgs({ port, extDir }),
    // Playwright disables extensions by default; keep everything else it sets.
    ignoreDefaultArgs: extDir ? ['--disable-extensions'] : [],
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
  });
  let worker = null;
  let extensionId = null;
  try {
    if (extDir) {
      worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
      extensionId = new URL(worker.url()).host;
    }
  } catch (e) {
    await context.close().catch(() => {});
    await dropProfile();
    throw e;
  }
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close().catch(() => {});
      await dropProfile().catch(() => {});
    },
  };
}
