// What Glider costs the network's own page: main-thread time at load, long
// tasks, and input delay while the user types into the site's composer.
//
// One new tab per run on the X fixture (https://x.com/home, a real Draft.js
// composer), traced with the DevTools protocol from navigation to the end of
// typing. Glider's main-thread time is the union of the trace's script
// events on the page's main thread whose script is one of the extension's
// (EvaluateScript, FunctionCall, compiles, callbacks: the content script
// and whatever it calls into, layout included). A long task (>= 50 ms) is
// Glider's when it would have been shorter than 50 ms without Glider's part
// of it. Input delay is what Event Timing calls it (processingStart -
// startTime), taken by the first capture listener of every keydown, since
// Event Timing itself only reports events of 16 ms and more.

const CATEGORIES = ['devtools.timeline', 'toplevel'].join(',');
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'TimerFire', 'FireAnimationFrame', 'v8.run']);

// Runs in the page's main world before its scripts: input delay per keydown.
function recordInputDelay() {
  globalThis.__benchDelays = [];
  addEventListener('keydown', (e) => globalThis.__benchDelays.push(performance.now() - e.timeStamp), { capture: true });
}

async function readTrace(cdp) {
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 22 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** The page's renderer main thread: the one running x.com's own scripts. */
function mainThread(events) {
  const counts = new Map();
  for (const e of events) {
    const url = e.args?.data?.url ?? '';
    if (e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && url.startsWith('https://x.com/')) {
      const key = `${e.pid}:${e.tid}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (!best) throw new Error('no x.com script in the trace');
  const [pid, tid] = best[0].split(':').map(Number);
  return { pid, tid };
}

function union(intervals) {
  intervals.sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [s, e] of intervals) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const overlap = (spans, s, e) => spans.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, e) - Math.max(a, s)), 0);

/** Glider's time, long tasks and task time in `[from, to)` (trace µs). */
function analyse(events, thread, extOrigin, from, to) {
  const on = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.ts >= from && e.ts < to);
  const glider = union(on.filter((e) => SCRIPT_EVENTS.has(e.name) && (e.args?.data?.url ?? '').startsWith(extOrigin)).map((e) => [e.ts, e.ts + (e.dur ?? 0)]));
  const tasks = on.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const long = tasks.filter((t) => t.dur >= 50_000);
  const gliderLong = long.filter((t) => t.dur - overlap(glider, t.ts, t.ts + t.dur) < 50_000);
  return {
    glider_ms: overlap(glider, from, to) / 1000,
    task_ms: tasks.reduce((s, t) => s + t.dur, 0) / 1000,
    long_tasks: long.length,
    glider_long_tasks: gliderLong.length,
  };
}

const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] : null;
};

/**
 * One run: load https://x.com/home in a new tab (worker stopped first when
 * `ext` is given, as after a while without Glider activity), wait for the
 * composer and 2 s of quiet, type `chars` characters into it.
 */
export async function pageRun(context, { ext = null, extensionId = null, chars = 500 }) {
  if (ext) await ext.killWorker();
  const page = await context.newPage();
  await page.addInitScript(recordInputDelay);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
  await page.goto('https://x.com/home', { waitUntil: 'load' });
  const composer = '[data-testid="tweetTextarea_0"]';
  await page.waitForSelector(composer);
  await page.waitForTimeout(2000);
  await page.click(composer);
  const text = 'Typing into the site composer while Glider watches it. '.repeat(20).slice(0, chars);
  await page.keyboard.type(text, { delay: 15 });
  await page.waitForTimeout(500);
  const delays = await page.evaluate(() => globalThis.__benchDelays);
  const events = await readTrace(cdp);
  await page.close();

  const thread = mainThread(events);
  // Folds, not Math.min(...spread): a trace holds hundreds of thousands of events.
  const navStart = events.reduce((m, e) => (e.pid === thread.pid && e.ts > 0 && e.ph === 'X' ? Math.min(m, e.ts) : m), Infinity);
  // The typing mark in trace time: the first keydown's EventDispatch at or after it.
  const keydowns = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  const typingStart = keydowns.length ? keydowns[0].ts - 1 : Infinity;
  const end = events.reduce((m, e) => (e.ph === 'X' ? Math.max(m, e.ts + (e.dur ?? 0)) : m), 0);
  const origin = extensionId ? `chrome-extension://${extensionId}/` : 'chrome-extension://';
  return {
    load: analyse(events, thread, origin, navStart, typingStart),
    typing: analyse(events, thread, origin, typingStart, end + 1),
    input_delay_p95_ms: p95(delays),
    keys: delays.length,
  };
}
