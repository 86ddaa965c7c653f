// In-page half of the Chromium benchmark: ours (pkg/glider.js) and the JS
// peers, timed with performance.now() (5 µs resolution: the page is
// cross-origin isolated). Returns raw per-query outputs; the driver scores them.
import init, { UniquenessIndex } from "/pkg/glider.js";

const now = () => performance.now();
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const pct = (xs, p) => (xs.length ? sorted(xs)[Math.round((xs.length - 1) * p)] : null);

// What a JS extension would do without our engine: NFC, lower case, split on
// anything that is not a letter, mark or digit, 4-word shingles.
function peerShingles(text, k = 4) {
  const w = text.normalize("NFC").toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
  if (w.length < k) return w.length ? [w.join(" ")] : [];
  const out = new Set();
  for (let i = 0; i + k <= w.length; i++) out.add(w.slice(i, i + k).join(" "));
  return [...out];
}

export async function runOurs(size, { warmPasses = 5 } = {}) {
  const wasm = await init();
  const mem = () => wasm.memory.buffer.byteLength;
  const bench = await (await fetch(`/cache/bench-${size}.json`)).json();
  const ids = bench.archive.map((d) => d[0]);
  const kinds = bench.archive.map((d) => d[1]);
  const texts = bench.archive.map((d) => d[2]);
  const mem0 = mem();
  // Bulk load as the worker would: the packed form (two strings cross the boundary).
  const KIND = { archive: 0, queue: 1, draft: 2, page: 3 };
  const packed = () => {
    const ix = new UniquenessIndex();
    ix.upsertPacked(
      ids.join(""),
      Uint32Array.from(ids, (s) => s.length),
      Uint8Array.from(kinds, (k) => KIND[k]),
      texts.join(""),
      Uint32Array.from(texts, (s) => s.length),
    );
    return ix;
  };
  let t = now();
  const built = packed();
  const buildMs = now() - t;
  const stats = built.stats();
  const memBuilt = mem() - mem0;
  t = now();
  const bytes = built.serialize();
  const saveMs = now() - t;
  t = now();
  const ix = UniquenessIndex.deserialize(bytes);
  const loadMs = now() - t;
  built.free();
  // Again with the code warm (V8 first runs baseline Liftoff code and tiers
  // up to TurboFan while it runs), in both the packed and the array form.
  const packedBuild = () => {
    const t0 = now();
    const ix2 = packed();
    const ms = now() - t0;
    ix2.free();
    return ms;
  };
  t = now();
  const viaArrays = new UniquenessIndex();
  viaArrays.upsertMany(ids, kinds, texts);
  const buildArraysMs = now() - t;
  viaArrays.free();
  const buildWarmMs = packedBuild();

  const page = [];
  for (let r = 0; r < 20; r++) {
    t = now();
    const p = new UniquenessIndex();
    p.upsertMany(ids.slice(0, 200), kinds.slice(0, 200).map(() => "page"), texts.slice(0, 200));
    page.push(now() - t);
    p.free();
  }

  const queries = bench.queries;
  const outputs = [];
  const cold = [];
  for (const q of queries) {
    t = now();
    const r = ix.check(q.text);
    cold.push(now() - t);
    outputs.push({ u: r.uniquenessPercent, ids: r.matches.map((m) => m.id) });
  }
  const warm = {};
  const score = [];
  const add = (k, v) => (warm[k] ??= []).push(v);
  for (let pass = 0; pass < warmPasses; pass++) {
    for (const q of queries) {
      t = now();
      ix.check(q.text);
      const e = now() - t;
      add("all", e);
      add(q.type, e);
    }
    for (const q of queries) {
      if (q.type !== "typing-replay") continue;
      t = now();
      ix.score(q.text);
      score.push(now() - t);
    }
  }
  const byType = {};
  for (const [k, v] of Object.entries(warm)) byType[k] = { p50_ms: pct(v, 0.5), p99_ms: pct(v, 0.99), n: v.length };
  ix.free();
  return {
    archive: bench.archive.length,
    build_ms: buildMs,
    build_arrays_ms: buildArraysMs,
    build_warm_ms: buildWarmMs,
    index_bytes: stats.bytes,
    wasm_memory_growth_bytes: memBuilt,
    wasm_memory_bytes: mem(),
    serialized_bytes: bytes.length,
    save_ms: saveMs,
    load_ms: loadMs,
    page_index_200_ms: pct(page, 0.5),
    cold_p50_ms: pct(cold, 0.5),
    cold_p99_ms: pct(cold, 0.99),
    p50_ms: byType.all.p50_ms,
    p99_ms: byType.all.p99_ms,
    typing_score_p50_ms: pct(score, 0.5),
    typing_score_p99_ms: pct(score, 0.99),
    by_type: byType,
    outputs,
    timer_resolution_ok: self.crossOriginIsolated === true,
  };
}

/** npm minhash 0.0.9: MinHash (128 permutations) + LshIndex (bands of 4). */
export async function runMinhash(size, { maxQueries = Infinity, buildBudgetMs = Infinity } = {}) {
  const { Minhash, LshIndex } = self.Peers;
  const bench = await (await fetch(`/cache/bench-${size}.json`)).json();
  const sig = (text) => {
    const m = new Minhash();
    for (const s of peerShingles(text)) m.update(s);
    return m;
  };
  let t = now();
  const index = new LshIndex();
  const stored = new Map();
  let built = 0;
  for (const [id, , text] of bench.archive) {
    const m = sig(text);
    index.insert(id, m);
    stored.set(id, m);
    built++;
    if (now() - t > buildBudgetMs) break;
  }
  const buildMs = now() - t;
  // LshIndex.query in 0.0.9 throws on a band it has never seen
  // (`this.index[band].length` of undefined); same lookup, with that guard.
  const query = (m) => {
    const out = new Set();
    for (const band of index.getHashbands(m)) for (const id of index.index[band] ?? []) out.add(id);
    return [...out];
  };
  const times = [];
  const outputs = [];
  for (const q of pick(bench.queries, maxQueries)) {
    t = now();
    const m = sig(q.text);
    let best = 0;
    const ids = [];
    for (const id of query(m)) {
      const j = m.jaccard(stored.get(id));
      best = Math.max(best, j);
      if (j >= 0.5) ids.push(id);
    }
    times.push(now() - t);
    outputs.push({ i: q.i, u: 100 * (1 - best), ids });
  }
  return { built, build_ms: buildMs, p50_ms: pct(times, 0.5), p99_ms: pct(times, 0.99), outputs };
}

/** npm string-similarity: Dice bigram similarity against every post. */
export async function runStringSimilarity(size, { maxQueries = Infinity } = {}) {
  const { findBestMatch } = self.Peers;
  const bench = await (await fetch(`/cache/bench-${size}.json`)).json();
  const ids = bench.archive.map((d) => d[0]);
  const texts = bench.archive.map((d) => d[2]);
  const times = [];
  const outputs = [];
  for (const q of pick(bench.queries, maxQueries)) {
    const t = now();
    const { ratings, bestMatch } = findBestMatch(q.text, texts);
    const reported = [];
    ratings.forEach((r, k) => r.rating >= 0.5 && reported.push(ids[k]));
    times.push(now() - t);
    outputs.push({ i: q.i, u: 100 * (1 - bestMatch.rating), ids: reported });
  }
  return { p50_ms: pct(times, 0.5), p99_ms: pct(times, 0.99), outputs };
}

/** An evenly spread subset of the queries (all types), with their indices. */
function pick(queries, max) {
  const all = queries.map((q, i) => ({ ...q, i }));
  if (all.length <= max) return all;
  const step = all.length / max;
  return Array.from({ length: max }, (_, k) => all[Math.floor(k * step)]);
}
