// The extension the browser tests load, always with a content script bundled
// fresh from extension/content/main.js (so adapter edits are tested without
// a full rebuild):
// - when ./build.sh has made dist/chrome: a temp copy of it (real worker and
//   WASM core) with content.js rebuilt;
// - otherwise a test build from the same sources (manifest, locales, pages)
//   with a stub background worker, because the real worker needs the WASM
//   core (pkg/) that only ./build.sh produces. The content script never needs
//   WASM, so its real path is tested either way.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './server.mjs';

const DIST = path.join(ROOT, 'dist/chrome');

async function bundleContent(dir) {
  const { bundleContent: bundle } = await import(path.join(ROOT, 'scripts/content-bundle.mjs'));
  await bundle(path.join(dir, 'content.js'), { target: 'chrome120' });
}

/** @returns {Promise<{ dir: string, real: boolean, cleanup(): Promise<void> }>} real: the worker is dist's */
export async function extensionForTests({ preferDist = true } = {}) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'glider-test-ext-'));
  const cleanup = () => fsp.rm(dir, { recursive: true, force: true });
  try {
    if (preferDist && fs.existsSync(path.join(DIST, 'manifest.json'))) {
      await fsp.cp(DIST, dir, { recursive: true });
      await bundleContent(dir);
      return { dir, real: true, cleanup };
    }
    const { manifestFor } = await import(path.join(ROOT, 'scripts/package.mjs'));
    const { writeIcons } = await import(path.join(ROOT, 'scripts/icons.mjs'));
    // Same files as scripts/package.mjs copies (a page the manifest names must exist or Chrome refuses the extension).
    const skip = new Set(['content', 'adapters', 'manifest.base.json', 'manifest.chrome.json', 'manifest.firefox.json']);
    for (const entry of await fsp.readdir(path.join(ROOT, 'extension'))) {
      if (!skip.has(entry)) await fsp.cp(path.join(ROOT, 'extension', entry), path.join(dir, entry), { recursive: true });
    }
    writeIcons(path.join(dir, 'icons'));
    await bundleContent(dir);
    await fsp.writeFile(path.join(dir, 'test-worker.js'), '// stub worker for tests: the tests drive it with worker.evaluate()\n');
    const manifest = manifestFor('chrome');
    manifest.background = { service_worker: 'test-worker.js' };
    await fsp.writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    return { dir, real: false, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/**
 * Start recording runtime messages that content scripts send to the worker,
 * with their sender's tab: the extension has no "tabs" permission, so
 * chrome.tabs.query cannot tell tabs apart by URL, but a message's sender can.
 */
export async function recordMessages(worker) {
  await worker.evaluate(() => {
    if (self.__received) return;
    self.__received = [];
    chrome.runtime.onMessage.addListener((m, sender) => {
      self.__received.push({ ...m, tabId: sender.tab?.id, senderUrl: sender.url });
      return false;
    });
  });
}

export const received = (worker) => worker.evaluate(() => self.__received ?? []);

/** The id of the tab at `urlPrefix`, once its content script has sent anything. */
export async function tabFor(worker, urlPrefix, { timeout = 10000 } = {}) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const hit = (await received(worker)).findLast((m) => m.senderUrl?.startsWith(urlPrefix) && m.tabId !== undefined);
    if (hit) return hit.tabId;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no content script message from ${urlPrefix}`);
}

/** Send a message from the worker to a tab's top frame (as the panel and worker do). */
export async function sendToTab(worker, tabId, msg) {
  return worker.evaluate(({ tabId, msg }) => chrome.tabs.sendMessage(tabId, msg, { frameId: 0 }), { tabId, msg });
}
