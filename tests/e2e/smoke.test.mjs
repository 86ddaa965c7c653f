// Harness smoke test: real hostnames reach the fixture server, the page CSP is
// strict, and an unpacked MV3 extension loads with its worker and content script.
import assert from 'node:assert/strict';
import fsp from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchWithExtension } from './lib/browser.mjs';
import { startFixtureServer } from './lib/server.mjs';

let server;
let browser;
let extDir;

before(async () => {
  server = await startFixtureServer({ networks: ['x'] });
  // A throwaway extension: proves the launcher, not the product.
  extDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'glider-smoke-ext-'));
  await fsp.writeFile(path.join(extDir, 'manifest.json'), JSON.stringify({
    manifest_version: 3,
    name: 'smoke',
    version: '0.0.1',
    background: { service_worker: 'sw.js' },
    content_scripts: [{ matches: ['https://x.com/*', 'https://twitter.com/*'], js: ['cs.js'], run_at: 'document_idle' }],
  }));
  await fsp.writeFile(path.join(extDir, 'sw.js'), 'self.addEventListener("install", () => {});\n');
  await fsp.writeFile(path.join(extDir, 'cs.js'), 'document.documentElement.dataset.smokeCs = String(typeof WebAssembly);\n');
  browser = await launchWithExtension({ extDir, port: server.port });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (extDir) await fsp.rm(extDir, { recursive: true, force: true });
});

test('https://x.com/home is served by the x fixture with a strict CSP', async () => {
  const page = await browser.context.newPage();
  const res = await page.goto('https://x.com/home');
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-security-policy'], /script-src 'self'/);
  assert.match(await page.title(), /X \(fixture\)/);
  assert.equal(new URL(page.url()).host, 'x.com');
  await page.close();
});

test('the extension loads: worker, id, content script on the mapped host', async () => {
  assert.match(browser.extensionId, /^[a-p]{32}$/);
  assert.match(browser.worker.url(), /^chrome-extension:\/\/[a-p]{32}\/sw\.js$/);
  const page = await browser.context.newPage();
  await page.goto('https://twitter.com/anything/deep/path');
  await page.waitForFunction(() => document.documentElement.dataset.smokeCs === 'object');
  await page.close();
});

test('a host outside HOSTS gets 404 from the server', async () => {
  const status = await new Promise((resolve, reject) => {
    https.get({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: 'evil.example' }, rejectUnauthorized: false },
      (res) => { res.resume(); resolve(res.statusCode); }).on('error', reject);
  });
  assert.equal(status, 404);
});
