// The baseline of the extension benchmark's "worker wake": an MV3 module
// worker that loads no WASM and reads no storage, answering the same two
// messages with the same reply shape. What a wake costs before any Glider work.
chrome.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
  if (msg?.type === 'state.get') {
    sendResponse({ ok: true, result: { coreVersion: 'none', projects: [], settings: null, counts: {} } });
  } else if (msg?.type === 'uniqueness.check') {
    sendResponse({ ok: true, result: { uniquenessPercent: 100, totalShingles: 0, uniqueShingles: 0, fragments: [], matches: [] } });
  } else {
    return false;
  }
  return false;
});
globalThis.__glider = { settled: async () => null, memory: async () => ({ wasm: 0, heap: null }) };
