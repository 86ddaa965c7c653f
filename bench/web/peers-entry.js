// Bundled by esbuild into bench/.cache/web/peers.js so the JS peers run in the
// same Chromium page as the WASM engine.
export { Minhash, LshIndex } from "minhash";
export { compareTwoStrings, findBestMatch } from "string-similarity";
