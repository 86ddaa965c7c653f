// Worker wake -> first answer, and the worker's memory.
//
// The worker is stopped through the DevTools protocol (as Chrome stops an
// idle worker); an already open extension page then sends what the panel
// sends when it opens: `state.get`, and once that answered, a
// `uniqueness.check` of a 500-character draft. Timed in the page around
// `chrome.runtime.sendMessage`. Between runs the worker finishes its
// background work (full load, reminders, the kept index) so every run
// starts from the same state; the first run after seeding is a warm-up and
// is not counted.

/** One timed wake: ms to the state answer, then to the check answer. */
async function wakeOnce(ext, text) {
  await ext.killWorker();
  const t = await ext.page.evaluate(async (draft) => {
    const send = (m) => chrome.runtime.sendMessage(m);
    const t0 = performance.now();
    const state = await send({ type: 'state.get' });
    const t1 = performance.now();
    const check = await send({ type: 'uniqueness.check', text: draft });
    const t2 = performance.now();
    if (!state?.ok || !check?.ok) throw new Error(`wake failed: ${JSON.stringify([state, check]).slice(0, 400)}`);
    return { state_ms: t1 - t0, check_ms: t2 - t1, total_ms: t2 - t0, unique: check.result.uniquenessPercent };
  }, text);
  await settle(ext);
  return t;
}

/** Let the worker finish its background work (and keep its index) before the next kill. */
export async function settle(ext) {
  await ext.waitStatus('running');
  await ext.worker().evaluate(() => globalThis.__glider?.settled?.());
}

/** `runs` timed wakes after one uncounted warm-up. */
export async function measureWake(ext, text, runs) {
  await wakeOnce(ext, text);
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await wakeOnce(ext, text));
  return out;
}

/**
 * The worker's JS heap (DevTools `Runtime.getHeapUsage` on the worker's
 * target) plus its WASM memory (the core's `memory.buffer`), in bytes.
 */
export async function workerMemory(ext) {
  await settle(ext);
  const wasm = (await ext.worker().evaluate(() => globalThis.__glider.memory())).wasm ?? 0;
  const { targetInfos } = await ext.cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(ext.origin));
  if (!target) throw new Error('no worker target');
  const { sessionId } = await ext.cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const reply = new Promise((resolve) => {
    const onMessage = ({ sessionId: from, message }) => {
      const msg = JSON.parse(message);
      if (from !== sessionId || msg.id !== 1) return;
      ext.cdp.off('Target.receivedMessageFromTarget', onMessage);
      resolve(msg.result);
    };
    ext.cdp.on('Target.receivedMessageFromTarget', onMessage);
  });
  await ext.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
  const { usedSize } = await reply;
  await ext.cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  return { heap: usedSize, wasm, total: usedSize + wasm };
}
