// Loads the WASM core once per extension context (worker, panel, popup,
// dashboard). Never imported by the content script: a strict page CSP
// (script-src 'self', as on x.com) blocks WebAssembly compilation there.
import init, * as glider from '../pkg/glider.js';
import { api } from './api.js';

let ready = null;
let memory = null;

/**
 * Resolves to the initialised core module (the wasm-bindgen exports). The
 * module's start function installs the browser's Unicode (NFC, graphemes)
 * before anything else can run.
 */
export function loadCore() {
  ready ??= init({ module_or_path: api.runtime.getURL('pkg/glider_bg.wasm') }).then((wasm) => {
    memory = wasm.memory;
    return glider;
  });
  return ready;
}

/** Bytes of the core's WASM memory (null before it loaded): part of this context's footprint. */
export function wasmMemoryBytes() {
  return memory?.buffer.byteLength ?? null;
}
