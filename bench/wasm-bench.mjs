#!/usr/bin/env node
// Chromium half of the uniqueness benchmark: serves pkg/ and the bench data
// on 127.0.0.1, drives headless /usr/bin/chromium (never a downloaded browser)
// through playwright-core, runs ours and the JS peers in the same page, and
// scores every answer against the exact brute-force truth written by the
// native run (bench/.cache/truth-N.json). Writes bench/.cache/wasm-N.json.
//
// Usage: node bench/wasm-bench.mjs [sizes, default 1000,10000,100000]
// Env: GLIDER_PKG (default ./pkg), PEER_QUERIES_<N> (string-similarity query cap).
import { createServer } from "node:http";
import { readFile, writeFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const BENCH = fileURLToPath(new URL(".", import.meta.url));
const ROOT = resolve(BENCH, "..");
const PKG = resolve(process.env.GLIDER_PKG || join(ROOT, "pkg"));
const CACHE = join(BENCH, ".cache");
const sizes = (process.argv[2] || "1000,10000,100000").split(",").map(Number);
const TYPES = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".html": "text/html" };

function serve() {
  const roots = { pkg: PKG, bench: BENCH, cache: CACHE };
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    const [, top, ...rest] = path.split("/");
    const base = top === "" ? join(BENCH, "web") : roots[top];
    const file = top === "" ? join(BENCH, "web", "index.html") : base && join(base, ...rest);
    if (!file || !file.startsWith(base)) return res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] || "application/octet-stream",
        // Cross-origin isolation: performance.now() gets 5 µs resolution, not 100 µs.
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
        "cross-origin-resource-policy": "same-origin",
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

/** Recall/precision of reported ids and error of the uniqueness %, vs truth. */
export function score(outputs, truth) {
  let tp = 0, rel = 0, rep = 0, err = 0, max = 0;
  outputs.forEach((o, k) => {
    const t = truth[o.i ?? k];
    const want = new Set(t.rel);
    const got = new Set(o.ids);
    for (const id of got) if (want.has(id)) tp++;
    rel += want.size;
    rep += got.size;
    const e = Math.abs(o.u - t.u);
    err += e;
    max = Math.max(max, e);
  });
  return {
    recall: rel ? tp / rel : 1,
    precision: rep ? tp / rep : 1,
    relevant: rel,
    uniqueness_error_points: err / outputs.length,
    uniqueness_error_max_points: max,
    queries: outputs.length,
  };
}

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const inPage = async (fn, ...args) => {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(origin + "/");
  const out = await page.evaluate(
    async ([name, a]) => (await import("/bench/web/bench.js"))[name](...a),
    [fn, args],
  );
  await page.close();
  return out;
};

try {
  for (const n of sizes) {
    const truth = JSON.parse(await readFile(join(CACHE, `truth-${n}.json`), "utf8"));
    const t0 = Date.now();
    const ours = await inPage("runOurs", n);
    Object.assign(ours, score(ours.outputs, truth));
    delete ours.outputs;
    console.error(`chromium ${n}: ours p50 ${ours.p50_ms.toFixed(3)} ms, build ${ours.build_ms.toFixed(0)} ms (${((Date.now() - t0) / 1e3).toFixed(0)} s)`);
    const peers = {};
    if (process.env.SKIP_PEERS) {
      await writeFile(join(CACHE, `wasm-${n}.json`), JSON.stringify({ ours, peers, user_agent: await browser.version() }, null, 2));
      continue;
    }
    const mh = await inPage("runMinhash", n, {});
    peers["npm-minhash"] = { ...score(mh.outputs, truth), build_ms: mh.build_ms, built: mh.built, p50_ms: mh.p50_ms, p99_ms: mh.p99_ms };
    console.error(`chromium ${n}: npm-minhash p50 ${mh.p50_ms.toFixed(3)} ms, build ${mh.build_ms.toFixed(0)} ms`);
    const cap = Number(process.env[`PEER_QUERIES_${n}`] || (n >= 100000 ? 20 : n >= 10000 ? 100 : Infinity));
    const ss = await inPage("runStringSimilarity", n, { maxQueries: cap });
    peers["string-similarity"] = { ...score(ss.outputs, truth), p50_ms: ss.p50_ms, p99_ms: ss.p99_ms };
    console.error(`chromium ${n}: string-similarity p50 ${ss.p50_ms.toFixed(3)} ms over ${ss.outputs.length} queries`);
    await writeFile(join(CACHE, `wasm-${n}.json`), JSON.stringify({ ours, peers, user_agent: await browser.version() }, null, 2));
  }
} finally {
  await browser.close();
  server.close();
}
