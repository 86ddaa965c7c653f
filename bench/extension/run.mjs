#!/usr/bin/env node
// The extension benchmark: what a user of the shipped extension (dist/chrome
// in Debian's Chromium) waits for, each figure beside a baseline measured in
// the same run. Writes bench/results/extension.json and the generated part
// of docs/BENCHMARKS.md. Called by bench/run.sh (./build.sh bench).
//
// Env: BENCH_EXT_RUNS (timed runs per figure, default 7; page runs are 3),
// BENCH_EXT_SKIP_100K=1 (leave out the two 100,000-post browsers, ~3 min).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from '../../tests/e2e/support/reliability.mjs';
import { launchWithExtension } from '../../tests/e2e/lib/browser.mjs';
import { ROOT, startFixtureServer } from '../../tests/e2e/lib/server.mjs';
import { pageRun } from './page.mjs';
import { writeReport } from './report.mjs';
import { draftText, makePosts, seed } from './seed.mjs';
import { measureDashboard, measurePanel, measureWasm } from './ui.mjs';
import { measureWake, workerMemory } from './wake.mjs';

const RUNS = Number(process.env.BENCH_EXT_RUNS || 7);
const PAGE_RUNS = Math.max(1, Math.min(RUNS, 3));
const HERE = path.join(ROOT, 'bench/extension');
const GLIDER = path.join(ROOT, 'dist/chrome');
const WORK = path.join(ROOT, '.tmp/bench-extension');
const log = (...a) => console.error('[extension bench]', ...a);

const median = (xs) => {
  const s = [...xs].filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

/** dist/chrome with the worker start-up of before issue 13 (bench/extension/baseline-boot.js). */
function baselineDist() {
  const dir = path.join(WORK, 'baseline-chrome');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(GLIDER, dir, { recursive: true });
  fs.copyFileSync(path.join(HERE, 'baseline-boot.js'), path.join(dir, 'background/boot.js'));
  return dir;
}

async function withGlider(server, extDir, fn) {
  const b = await launch({ port: server.port, extDir });
  try {
    return await fn(b);
  } finally {
    await b.close();
  }
}

/** A browser with `n` posts stored, the worker having read them once. */
async function seeded(b, n) {
  const state = await b.ext.ready();
  const posts = makePosts(n, state.projects[0].id);
  const t0 = Date.now();
  await seed(b.ext.page, posts);
  log(`seeded ${n} posts in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return posts;
}

const wakeSummary = (runs) => ({ p50: median(runs.map((r) => r.total_ms)), state_p50: median(runs.map((r) => r.state_ms)), check_p50: median(runs.map((r) => r.check_ms)), runs });

async function main() {
  if (!fs.existsSync(path.join(GLIDER, 'manifest.json'))) throw new Error('dist/chrome is missing: run ./build.sh');
  fs.mkdirSync(WORK, { recursive: true });
  const started = new Date();
  const loadBefore = os.loadavg();
  const server = await startFixtureServer({ networks: ['x'] });
  const d = {};
  try {
    log('Glider, 10,000 posts: wake, memory, panel, dashboard, WASM, page');
    await withGlider(server, GLIDER, async (b) => {
      const posts = await seeded(b, 10_000);
      log('wake10k');
      d.wake10k = wakeSummary(await measureWake(b.ext, draftText(posts), RUNS));
      log('memory10k');
      d.memory10k = await workerMemory(b.ext);
      log('panel');
      d.panel = await measurePanel(b, Math.min(RUNS, 5));
      log('dashboard');
      d.dashboard = await measureDashboard(b, Math.min(RUNS, 5));
      log('wasm');
      d.wasm = await measureWasm(b, RUNS);
      log('pageWith');
      d.pageWith = [];
      for (let i = 0; i < PAGE_RUNS; i++) d.pageWith.push(await pageRun(b.context, { ext: b.ext, extensionId: b.extensionId }));
      d.chromium = await b.ext.cdp.send('Browser.getVersion').then((v) => `${v.product} (V8 ${v.jsVersion})`).catch(() => null);
    });
    log('the same page without the extension');
    const none = await launchWithExtension({ port: server.port, extDir: null });
    try {
      d.pageWithout = [];
      for (let i = 0; i < PAGE_RUNS; i++) d.pageWithout.push(await pageRun(none.context, {}));
    } finally {
      await none.close();
    }
    log('empty MV3 worker (no WASM)');
    await withGlider(server, path.join(HERE, 'empty-ext'), async (b) => {
      d.wakeEmpty = wakeSummary(await measureWake(b.ext, draftText(makePosts(1, 'x')), RUNS));
    });
    log('before issue 13 (per-post rebuild on every wake), 10,000 posts');
    const baseline = baselineDist();
    await withGlider(server, baseline, async (b) => {
      const posts = await seeded(b, 10_000);
      d.wake10kBefore = wakeSummary(await measureWake(b.ext, draftText(posts), Math.min(RUNS, 5)));
    });
    if (!process.env.BENCH_EXT_SKIP_100K) {
      log('Glider, 100,000 posts');
      await withGlider(server, GLIDER, async (b) => {
        const posts = await seeded(b, 100_000);
        d.wake100k = wakeSummary(await measureWake(b.ext, draftText(posts), Math.min(RUNS, 5)));
      });
      log('before issue 13, 100,000 posts');
      await withGlider(server, baseline, async (b) => {
        const posts = await seeded(b, 100_000);
        d.wake100kBefore = wakeSummary(await measureWake(b.ext, draftText(posts), 3));
      });
    }
  } finally {
    await server.close();
  }

  const page = (runs, phase, key) => median(runs.map((r) => r[phase][key]));
  const longTasks = (runs, key) => median(runs.map((r) => r.load[key] + r.typing[key]));
  const result = {
    wake_10k_p50_ms: round(d.wake10k.p50),
    wake_100k_p50_ms: round(d.wake100k?.p50 ?? null),
    panel_ready_cold_ms: round(median(d.panel.cold)),
    panel_ready_warm_ms: round(median(d.panel.warm)),
    page_load_main_thread_ms: round(page(d.pageWith, 'load', 'glider_ms')),
    page_long_tasks: longTasks(d.pageWith, 'glider_long_tasks'),
    input_delay_p95_ms: round(median(d.pageWith.map((r) => r.input_delay_p95_ms))),
    dashboard_10k_ms: round(Math.max(median(d.dashboard.month), median(d.dashboard.queue))),
    worker_mb_10k: round(d.memory10k.total / 2 ** 20),
    wasm_compile_ms: round(median(d.wasm.init)),
    baselines: {
      wake_10k_p50_ms: round(d.wakeEmpty.p50),
      wake_100k_p50_ms: round(d.wake100kBefore?.p50 ?? null),
      page_load_main_thread_ms: round(page(d.pageWithout, 'load', 'task_ms')),
      page_long_tasks: longTasks(d.pageWithout, 'long_tasks'),
      input_delay_p95_ms: round(median(d.pageWithout.map((r) => r.input_delay_p95_ms))),
    },
    extras: {
      wake_10k_before_p50_ms: round(d.wake10kBefore.p50),
      wake_10k_state_p50_ms: round(d.wake10k.state_p50),
      wake_10k_check_p50_ms: round(d.wake10k.check_p50),
      input_delay_p95_added_ms: round(median(d.pageWith.map((r) => r.input_delay_p95_ms)) - median(d.pageWithout.map((r) => r.input_delay_p95_ms))),
      page_load_task_ms_with: round(page(d.pageWith, 'load', 'task_ms')),
      page_typing_main_thread_ms: round(page(d.pageWith, 'typing', 'glider_ms')),
      page_long_tasks_all_with: longTasks(d.pageWith, 'long_tasks'),
      dashboard_month_ms: round(median(d.dashboard.month)),
      dashboard_queue_ms: round(median(d.dashboard.queue)),
      dashboard_scroll: d.dashboard.scroll,
      worker_heap_mb_10k: round(d.memory10k.heap / 2 ** 20),
      worker_wasm_mb_10k: round(d.memory10k.wasm / 2 ** 20),
      wasm_compile_only_ms: round(median(d.wasm.compile)),
      wasm_bytes: fs.statSync(path.join(GLIDER, 'pkg/glider_bg.wasm')).size,
    },
    run: {
      started: started.toISOString(),
      machine: `${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB)`,
      chromium: d.chromium,
      load_before: loadBefore.map((x) => round(x, 2)),
      load_after: os.loadavg().map((x) => round(x, 2)),
      runs: RUNS,
      page_runs: PAGE_RUNS,
    },
    samples: d,
  };
  const out = path.join(ROOT, 'bench/results/extension.json');
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  writeReport(result);
  log(`wrote ${path.relative(ROOT, out)}`);
  console.log(JSON.stringify(Object.fromEntries(Object.entries(result).filter(([k]) => !['samples', 'run'].includes(k))), null, 2));
}

await main();
