// Loads the WASM core once per extension context (worker, panel, popup,
// dashboard). Never imported by the content script: a strict page CSP
// (script-src 'self', as on x.com) blocks WebAssembly compilation there.
import init, * as glider from '../pkg/glider.js';
import { api } from './api.js';

let ready = null;

/** Resolves to the initialised core module (the wasm-bindgen exports). */
export function loadCore() {
  ready ??= init({ module_or_path: api.runtime.getURL('pkg/glider_bg.wasm') }).then(() => glider);
  return ready;
}
