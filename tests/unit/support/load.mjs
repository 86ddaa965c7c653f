// Load the extension as it ships (dist/chrome, built by ./build.sh) under
// the fake api, with the real core: the WASM module is instantiated with
// initSync, which runs its start function exactly as the glue's init() does
// in the browser (Node has Intl.Segmenter and String.prototype.normalize).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installFakeApi } from './fake-api.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST = path.join(ROOT, 'dist/chrome');

/** URL of a file of the built extension; `query` makes a fresh module instance (a new worker). */
export function distUrl(rel, query = '') {
  const file = path.join(DIST, rel);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run ./build.sh first`);
  return pathToFileURL(file).href + query;
}

/**
 * Install the fake api and the core; returns `{ api, core }`. Call once per
 * test file, before importing any extension module.
 */
export async function setUp(opts) {
  const api = installFakeApi(opts);
  const core = await import(distUrl('pkg/glider.js'));
  core.initSync({ module: fs.readFileSync(path.join(DIST, 'pkg/glider_bg.wasm')) });
  return { api, core };
}

/** Reset storage, alarms, notifications and logs between tests. */
export function resetApi(api) {
  api.storage.local.data.clear();
  api.storage.local.calls.length = 0;
  api.alarms.map.clear();
  api.notifications.map.clear();
  for (const list of Object.values(api.log)) list.length = 0;
}

/** A post record as pages send it (src/model/post.rs shape). */
export function post(id, extra = {}) {
  return { id, projectId: 'default', text: `Post ${id}: the glider took off at noon and landed two hours later.`, networks: ['x'], status: 'draft', createdAt: 1, updatedAt: 1, revision: 0, ...extra };
}

/** A project record with weekday slots, as boot.js creates one. */
export function project(id = 'default', extra = {}) {
  return { id, name: 'Test', color: '#2563eb', timeZone: 'Europe/Berlin', networks: [], slots: { x: [{ weekday: 0, minute: 540 }] }, rules: [], createdAt: 1, updatedAt: 1, revision: 0, ...extra };
}
